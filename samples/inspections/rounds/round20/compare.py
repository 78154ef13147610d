"""Compare the tool's findings with the frozen expectations (rule, seq) as multisets."""
import json, glob, os, collections
R = "/work/insp20/round20"
def exp(path):
    return collections.Counter(tuple([l.split()[0], int(l.split()[1])]) for l in open(path, encoding="utf-8")
                               if l.strip() and not l.startswith("#"))
def got(path):
    try:
        d = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        return None, str(e)
    return collections.Counter((f["rule"], f["seq"]) for f in d["findings"]), [(p["rule"], p["seq"]) for p in d.get("pending", [])]
rows = []
for e in sorted(glob.glob(R + "/original-expected/*.expected")):
    name = os.path.basename(e)
    n = name[:3]
    out = R + "/tool-output/%s.json" % n
    if name.endswith(".config.expected"):
        out = R + "/tool-output/%s.config.json" % n
    if n in ("252", "255"):
        rc = open(R + "/tool-output/%s.append.txt.rc" % n).read().strip()
        err = open(R + "/tool-output/%s.append.txt.err" % n, encoding="utf-8").read().strip()
        print("%s: refused? exit %s: %s" % (name[:60], rc, err))
        continue
    E = exp(e)
    G, pend = got(out)
    if G is None:
        print("%s: no JSON (%s)" % (name[:60], pend)); continue
    ok = E == G
    print("%s: %s" % (name[:60], "OK" if ok else "DIFF"))
    print("   expected:", sorted(E.elements()))
    print("   tool:    ", sorted(G.elements()))
    if not ok:
        print("   missing:", sorted((E - G).elements()), " extra:", sorted((G - E).elements()))
    print("   pending: %d %s" % (len(pend), collections.Counter(r for r, _ in pend)))
