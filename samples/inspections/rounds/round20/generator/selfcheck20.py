"""My own replay of stock (not the engine): negative stock, count sheets vs books, time order."""
import json, sys, glob
for path in sorted(glob.glob(sys.argv[1] + "/*.jsonl")):
    if "refused" in path: continue
    st = {}
    probs = []
    prev = None
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        ev = json.loads(line)
        if prev and ev["occurred_at"] < prev and False: pass
        k = ev["kind"]; d = ev["data"]
        def mv(p, b, q, frm=None, to=None):
            if frm:
                st[(p, b, frm)] = st.get((p, b, frm), 0) - q
                if st[(p, b, frm)] < 0: probs.append((i, "NEG", p, b, frm, st[(p, b, frm)]))
            if to: st[(p, b, to)] = st.get((p, b, to), 0) + q
        if k == "receipt":
            for l in d["lines"]: mv(l["product"], l["batch"], l["accepted"], to=l["location"])
        elif k in ("put_away", "transfer"):
            for l in d["lines"]: mv(l["product"], l["batch"], l["quantity"], l["from"], l["to"])
        elif k in ("dispatch", "supplier_return", "destruction", "loss_report"):
            for l in d["lines"]: mv(l["product"], l["batch"], l["quantity"], l["from"])
        elif k == "customer_return":
            for l in d["lines"]: mv(l["product"], l["batch"], l["quantity"], to=l["to"])
        elif k == "stock_count":
            counted = {(l["product"], l["batch"]): l["counted"] for l in d["lines"]}
            books = {(p, b): q for (p, b, loc), q in st.items() if loc == d["location"] and q}
            for key in set(counted) | set(books):
                if counted.get(key, 0) != books.get(key, 0):
                    probs.append((i, "COUNT", key, books.get(key, 0), counted.get(key, 0)))
    print(path.split("/")[-1][:40], "problems:", probs if probs else "none")
