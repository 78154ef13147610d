"""My own simplified stock/ordering check (not the engine): negative stock by file order, time order, code counts."""
import json, sys, glob, os
d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "ledgers")
for f in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
    st, prev, ids = {}, "", set()
    neg = []
    for n, line in enumerate(open(f, encoding="utf-8"), 1):
        e = json.loads(line)
        assert e["id"] not in ids; ids.add(e["id"])
        k, dd = e["kind"], e["data"]
        def mv(p, b, loc, q):
            st[(p, b, loc)] = st.get((p, b, loc), 0) + q
            if st[(p, b, loc)] < 0:
                neg.append((n, k, b, loc, st[(p, b, loc)]))
        if k == "receipt":
            for l in dd["lines"]:
                mv(l["product"], l["batch"], l["location"], l["accepted"])
        elif k in ("put_away", "transfer"):
            for l in dd["lines"]:
                mv(l["product"], l["batch"], l["from"], -l["quantity"]); mv(l["product"], l["batch"], l["to"], l["quantity"])
        elif k in ("dispatch", "supplier_return", "destruction", "loss_report"):
            for l in dd["lines"]:
                mv(l["product"], l["batch"], l["from"], -l["quantity"])
        elif k == "customer_return":
            for l in dd["lines"]:
                mv(l["product"], l["batch"], l["to"], l["quantity"])
        elif k == "invoice":
            assert sum(l["amount"]["minor"] for l in dd["lines"]) == dd["total"]["minor"]
    print(os.path.basename(f)[:3], "negative stock at lines:", neg)
