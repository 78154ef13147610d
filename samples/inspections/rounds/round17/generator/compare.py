#!/usr/bin/env python3
"""init + append + check --format json for each ledger; compare (rule, seq) with the .expected."""
import json, os, subprocess, sys, tempfile, collections
BIN = "/work/insp17/bin/rxledger"
out_dir = sys.argv[1]
os.makedirs(out_dir, exist_ok=True)
allok = True
for path in sys.argv[2:]:
    base = os.path.basename(path)[:-6]
    exp = collections.Counter()
    for l in open(path[:-6] + ".expected", encoding="utf-8"):
        if l.strip() and not l.startswith("#"):
            r, n = l.split()
            exp[(r, int(n))] += 1
    with tempfile.TemporaryDirectory() as d:
        L = os.path.join(d, "L")
        subprocess.run([BIN, "init", L], check=True, capture_output=True)
        a = subprocess.run([BIN, "append", L, path], capture_output=True, text=True)
        if a.returncode != 0:
            print(f"{base[:3]} APPEND FAILED rc={a.returncode}: {a.stderr.strip()[:300]}")
            allok = False
            continue
        c = subprocess.run([BIN, "check", L, "--format", "json", "--lang", "en"], capture_output=True, text=True)
        open(os.path.join(out_dir, base[:3] + ".json"), "w").write(c.stdout)
        doc = json.loads(c.stdout)
    got = collections.Counter((f["rule"], f["seq"]) for f in doc["findings"])
    ok = got == exp
    allok &= ok
    print(f"{base[:3]} rc={c.returncode} expected={sorted(exp.elements())} got={sorted(got.elements())} pending={len(doc.get('pending', []))} {'MATCH' if ok else 'MISMATCH'}")
    if not ok:
        print("   missing:", sorted((exp - got).elements()), " extra:", sorted((got - exp).elements()))
print("ALL MATCH" if allok else "NOT ALL MATCH")
