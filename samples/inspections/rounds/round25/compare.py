"""Compare tool JSON findings (tool-output/NNN.json) with ledgers/*.expected (or original-expected with --frozen)."""
import json, glob, os, sys, collections
here = os.path.dirname(os.path.abspath(__file__))
src = "original-expected" if "--frozen" in sys.argv else "ledgers"
allok = True
for ex in sorted(glob.glob(os.path.join(here, src, "*.expected"))):
    num = os.path.basename(ex)[:3]
    want = collections.Counter(tuple(l.split()) for l in open(ex, encoding="utf-8") if l.strip() and not l.startswith("#"))
    js = os.path.join(here, "tool-output", num + ".json")
    doc = json.load(open(js, encoding="utf-8"))
    got = collections.Counter((f["rule"], str(f["seq"])) for f in doc["findings"])
    miss, extra = want - got, got - want
    ok = not miss and not extra
    allok &= ok
    pend = len(doc.get("pending", []))
    print(f"{num}: expected {sum(want.values())}, tool {sum(got.values())}, pending {pend}: {'ok' if ok else 'DIFF'}")
    for r, s in sorted(miss.elements()):
        print(f"   missing  {r} {s}")
    for r, s in sorted(extra.elements()):
        print(f"   extra    {r} {s}")
sys.exit(0 if allok else 1)
