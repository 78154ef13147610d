"""Compare tool JSON findings with ledgers/*.expected (or original-expected/ with --frozen)."""
import json, glob, os, sys, collections
here = os.path.dirname(os.path.abspath(__file__))
src = "original-expected" if "--frozen" in sys.argv else "ledgers"
allok = True
for ex in sorted(glob.glob(os.path.join(here, src, "3*.expected"))):
    num = os.path.basename(ex)[:3]
    want = collections.Counter(tuple(l.split()) for l in open(ex, encoding="utf-8") if l.strip() and not l.startswith("#"))
    doc = json.load(open(os.path.join(here, "tool-output", num + ".json"), encoding="utf-8"))
    got = collections.Counter((f["rule"], str(f["seq"])) for f in doc["findings"])
    pend = [(p["rule"], p["seq"]) for p in doc.get("pending", [])]
    miss, extra = want - got, got - want
    ok = not miss and not extra
    allok &= ok
    print(f"{num}: events {doc['events']}, expected {sum(want.values())}, tool {sum(got.values())}, pending {len(pend)} {pend if pend else ''}: {'ok' if ok else 'DIFF'}")
    for r, s in sorted(miss.elements()): print(f"   missing  {r} {s}")
    for r, s in sorted(extra.elements()): print(f"   extra    {r} {s}")
print("ALL OK" if allok else "DIFFERENCES")
