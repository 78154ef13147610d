import json, glob, os, collections
R = "/work/insp19/round19"
def exp_of(path):
    c = collections.Counter()
    for l in open(path, encoding="utf-8"):
        if l.startswith("#") or not l.strip(): continue
        r, n = l.split(); c[(r, int(n))] += 1
    return c
def got_of(doc):
    return collections.Counter((f["rule"], f["seq"]) for f in doc["findings"])
def show(c): return ", ".join(f"{r} {n}" + (f" x{k}" if k > 1 else "") for (r, n), k in sorted(c.items(), key=lambda x: (x[0][1], x[0][0]))) or "(none)"
for e in sorted(glob.glob(f"{R}/original-expected/*.expected")):
    b = os.path.basename(e)[:-9]; n = b[:3]
    if b.endswith("-A-seller"): n = "243A"
    if b.endswith("-B-hospital"): n = "243B"
    if n == "245":
        print(f"{n}: refused? " + open(f"{R}/tool-output/245.append.txt").read().strip().replace("\n", " | ")); continue
    try:
        doc = json.load(open(f"{R}/tool-output/{n}.json"))
    except Exception as ex:
        print(f"{n}: no JSON ({ex})"); continue
    ex_, got = exp_of(e), got_of(doc)
    print(f"{n}: {'OK' if ex_ == got else 'DIFF'}  expected [{show(ex_)}]  tool [{show(got)}]  pending {len(doc.get('pending', []))}")
    if ex_ != got:
        print(f"     missing: {show(ex_ - got)}   extra: {show(got - ex_)}")
pair = json.load(open(f"{R}/tool-output/243-pair.json"))
print("243 pair: A [%s]  B [%s]" % (show(got_of(pair[0])), show(got_of(pair[1]))))
