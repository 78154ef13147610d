import json, glob, os, collections, sys
os.chdir(os.path.dirname(os.path.abspath(__file__)))
src = sys.argv[1] if len(sys.argv) > 1 else "ledgers"
for e in sorted(glob.glob(src + "/*.expected")):
    b = os.path.basename(e)[:-9]; n = b.split("-")[0]
    exp = collections.Counter(tuple(l.split()) for l in open(e, encoding="utf-8") if l.strip() and not l.startswith("#"))
    try:
        j = json.load(open("tool-output/%s.json" % n, encoding="utf-8"))
    except Exception as x:
        print(n, "NO JSON", x); continue
    got = collections.Counter((f["rule"], str(f["seq"])) for f in j["findings"])
    miss, extra = exp - got, got - exp
    print("%s: %s  expected %d got %d  pending %d" % (n, "OK" if not miss and not extra else "DIFF", sum(exp.values()), sum(got.values()), len(j.get("pending", []))))
    for k in sorted(miss): print("   missing", *k)
    for k in sorted(extra): print("   extra  ", *k)
