#!/usr/bin/env python3
"""Compare (rule, seq) multisets of tool JSON output with the frozen expectations."""
import json, glob, os, sys, collections
R = os.path.dirname(os.path.abspath(__file__))
out = []
def exp(path):
    return collections.Counter(tuple(l.split()) for l in open(path) if l.strip() and not l.startswith("#"))
for e in sorted(glob.glob(f"{R}/original-expected/*.expected")):
    n = os.path.basename(e)[:3]
    j = f"{R}/tool-output/{n}.json"
    if not os.path.exists(j): continue
    doc = json.load(open(j))
    got = collections.Counter((f["rule"], str(f["seq"])) for f in doc["findings"])
    want = exp(e)
    pend = collections.Counter(p["rule"] for p in doc.get("pending", []))
    ok = got == want
    out.append(f"{n}: {'ok' if ok else 'DIFF'}  expected {sorted(want.elements())}  got {sorted(got.elements())}  pending {dict(pend)}")
    if not ok:
        out.append(f"     missing {sorted((want-got).elements())}  extra {sorted((got-want).elements())}")
pj = f"{R}/tool-output/pair-256-257.json"
if os.path.exists(pj):
    docs = json.load(open(pj))
    for d in docs:
        out.append(f"pair {d['ledger']}: findings {[(f['rule'], f['seq']) for f in d['findings']]}")
print("\n".join(out))
