# Every NNN-*.expected beside an event-lines file NNN-*.jsonl: rxledger init + append + check --format json,
# compare (rule, seq) with the expectation; save the JSON in ../tool-output/. Usage: compare.py FILE.jsonl...
import json, os, subprocess, sys, tempfile, collections
R = os.environ.get("RXLEDGER", "/work/insp15/bin/rxledger")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tool-output")
os.makedirs(OUT, exist_ok=True)
env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
env.pop("RXLEDGER_ZONE", None)
bad = 0
for f in sys.argv[1:]:
    exp_path = f[:-len(".jsonl")] + ".expected"
    if f.endswith(".events.jsonl"):
        exp_path = f[:-len(".events.jsonl")] + ".expected"
    exp = collections.Counter()
    for line in open(exp_path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            r, s = line.split()
            exp[(r, int(s))] += 1
    with tempfile.TemporaryDirectory() as d:
        L = os.path.join(d, "L")
        subprocess.run([R, "init", L], check=True, capture_output=True, env=env)
        a = subprocess.run([R, "append", L, f], capture_output=True, text=True, env=env)
        if a.returncode != 0:
            print("APPEND FAILED", f, a.stdout, a.stderr); bad += 1; continue
        c = subprocess.run([R, "check", L, "--format", "json"], capture_output=True, text=True, env=env)
    name = os.path.basename(f).replace(".jsonl", "")
    open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8").write(c.stdout)
    doc = json.loads(c.stdout)
    got = collections.Counter((x["rule"], x["seq"]) for x in doc["findings"])
    ok = got == exp
    bad += not ok
    print("%-4s %s exit=%d  expected=%s  got=%s" % ("ok" if ok else "DIFF", name[:60], c.returncode,
          sorted(exp.elements()), sorted(got.elements())))
    for x in doc["findings"]:
        print("      %s %d %s: %s" % (x["rule"], x["seq"], x["seqs"], x["message"]))
    for p in doc.get("pending", []):
        print("      pending %s %d due %s: %s" % (p["rule"], p["seq"], p["due"], p["message"]))
sys.exit(1 if bad else 0)
