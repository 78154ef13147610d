"""Compare tool JSON findings with ledgers/*.expected (or original-expected/ with --frozen); also the import paths."""
import json, glob, os, sys, collections
here = os.path.dirname(os.path.abspath(__file__))
src = "original-expected" if "--frozen" in sys.argv else "ledgers"
allok = True
def want_of(ex):
    return collections.Counter(tuple(l.split()) for l in open(ex, encoding="utf-8") if l.strip() and not l.startswith("#"))
def got_of(js):
    doc = json.load(open(js, encoding="utf-8"))
    return collections.Counter((f["rule"], str(f["seq"])) for f in doc["findings"]), len(doc.get("pending", []))
def report(tag, want, got, pend):
    global allok
    miss, extra = want - got, got - want
    ok = not miss and not extra
    allok &= ok
    print(f"{tag}: expected {sum(want.values())}, tool {sum(got.values())}, pending {pend}: {'ok' if ok else 'DIFF'}")
    for r, s in sorted(miss.elements()): print(f"   missing  {r} {s}")
    for r, s in sorted(extra.elements()): print(f"   extra    {r} {s}")
for ex in sorted(glob.glob(os.path.join(here, src, "2*.expected"))):
    num = os.path.basename(ex)[:3]
    if "bad" in ex: continue
    want = want_of(ex)
    got, pend = got_of(os.path.join(here, "tool-output", num + ".json"))
    report(num, want, got, pend)
    ij = os.path.join(here, "tool-output", num + "i.json")
    if os.path.exists(ij):
        got, pend = got_of(ij)
        report(num + " via import", want, got, pend)
def events(path):
    out = []
    for l in open(path, encoding="utf-8"):
        o = json.loads(l)
        def find(x):
            if isinstance(x, dict):
                if "kind" in x and "data" in x: return x
                for v in x.values():
                    r = find(v)
                    if r: return r
            return None
        e = dict(find(o)); e.pop("id", None); out.append(e)
    return out
for a, b, tag, kinds in (("292.export.jsonl", "292i.export.jsonl", "292 import csv vs appended jsonl", None),
                         ("293.export.jsonl", "293i.export.jsonl", "293 import epcis vs appended jsonl", None),
                         ("293.export.jsonl", "293rt.export.jsonl", "293 epcis export->import round trip (movements)",
                          {"receipt", "put_away", "transfer", "dispatch", "supplier_return", "customer_return", "destruction", "loss_report", "stock_count", "temperature_reading", "aggregation"})):
    pa, pb = os.path.join(here, "tool-output", a), os.path.join(here, "tool-output", b)
    if not (os.path.exists(pa) and os.path.exists(pb)):
        print(f"{tag}: MISSING export"); allok = False; continue
    ea, eb = events(pa), events(pb)
    if kinds: ea = [e for e in ea if e["kind"] in kinds]
    diffs = [(i, x, y) for i, (x, y) in enumerate(zip(ea, eb)) if x != y]
    ok = len(ea) == len(eb) and not diffs
    allok &= ok
    print(f"{tag}: {len(ea)} vs {len(eb)} events: {'identical (ids aside)' if ok else 'DIFF'}")
    for i, x, y in diffs[:5]:
        print(f"   event {i+1}: {json.dumps(x, ensure_ascii=False)[:300]}\n        vs {json.dumps(y, ensure_ascii=False)[:300]}")
# refusals
bad = os.path.join(here, "tool-output", "292i.bad.txt")
if os.path.exists(bad):
    txt = open(bad, encoding="utf-8").read()
    for l in open(os.path.join(here, "original-expected" if "--frozen" in sys.argv else "imports", "292-bad.expected"), encoding="utf-8"):
        if l.startswith("#"): continue
        fn, lang, *subs = l.rstrip("\n").split("\t")
        sect = txt.split(f"### {fn} ({lang})")[1].split("###")[0]
        miss = [s for s in subs if s not in sect]
        ok = not miss and "exit 2" in sect.splitlines()[0]
        allok &= ok
        print(f"292 refusal {fn} {lang}: {'ok' if ok else 'DIFF'}" + ("" if ok else f"  missing {miss!r}\n   got: {sect.strip()[:400]}"))
sys.exit(0 if allok else 1)
