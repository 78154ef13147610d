"""Compare found findings (rule, seq) with the .expected files; sentences; trace exit codes."""
import json, glob, os, collections, sys
os.chdir(os.path.dirname(os.path.abspath(__file__)))
def expected(path):
    c = collections.Counter()
    for l in open(path):
        l = l.strip()
        if l and not l.startswith("#"):
            r, s = l.split(); c[(r, int(s))] += 1
    return c
def findings(n, lang="en"):
    d = json.load(open(f"work/{n}.check{'' if lang == 'en' else '.zh'}.json"))
    fs = d["findings"] if isinstance(d, dict) else d
    return fs
allok = True
print("ledger | events | expected | got | result")
for e in sorted(glob.glob("ledgers/33*.expected")):
    n = os.path.basename(e)[:3]
    exp = expected(e)
    fs = findings(n)
    got = collections.Counter((f["rule"], f["seq"]) for f in fs)
    nev = sum(1 for _ in open(glob.glob(f"ledgers/{n}-*.jsonl")[0]))
    if n == "334": nev = sum(1 for _ in open("work/334.exported.jsonl"))
    miss = exp - got; extra = got - exp
    ok = not miss and not extra
    allok &= ok
    print(f"{n} | {nev} | {sum(exp.values())} | {sum(got.values())} | {'OK' if ok else 'DIFF'}")
    for k, v in sorted(miss.items()): print(f"   MISSING {k[0]} {k[1]} x{v}")
    for k, v in sorted(extra.items()): print(f"   EXTRA   {k[0]} {k[1]} x{v}")
print("\nsentences:")
for l in open("ledgers/sentences.expected"):
    if l.startswith("#") or not l.strip(): continue
    n, r, s, lang, sub = l.rstrip("\n").split("\t")
    msgs = [f.get("message", "") for f in findings(n, lang) if f["rule"] == r and f["seq"] == int(s)]
    hit = any(sub in m for m in msgs)
    allok &= hit
    if not hit: print(f"  FAIL {n} {r} {s} {lang} '{sub}' not in {msgs}")
print("  (all others present)")
print("\ntrace:")
tr = json.load(open("ledgers/trace.expected.json"))["332"]
def rc(p): return int(open(p).read().strip().splitlines()[-1].split("=")[1])
for c in tr["codes_break"] + tr["codes_ok"]:
    want = 1 if c in tr["codes_break"] else 0
    for lang in ("en", "zh"):
        got = rc(f"work/trace-{c}.{lang}.txt")
        st = "OK" if got == want else "DIFF"; allok &= got == want
        print(f"  {c} {lang}: want {want} got {got} {st}")
for lang in ("en", "zh"):
    got = rc(f"work/trace-batch.{lang}.txt"); print(f"  batch {lang}: want 1 got {got} {'OK' if got == 1 else 'DIFF'}"); allok &= got == 1
sys.exit(0 if allok else 1)
