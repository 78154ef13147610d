# print a ledger of event lines: line, kind, occurred_at, doc, short summary (my own reader)
import json, sys
for f in sys.argv[1:]:
    print("==", f)
    for i, l in enumerate(open(f, encoding="utf-8"), 1):
        e = json.loads(l); d = e["data"]
        k = e["kind"]
        if k in ("party_registered", "product_registered", "zone_registered"):
            print(i, k, d.get("party") or d.get("product") or d.get("zone"), d.get("name") or d.get("generic_name") or "")
            continue
        s = "%d %s %s %s" % (i, k, e["occurred_at"], d.get("doc", ""))
        if k == "aggregation":
            s += " %s %s (%d)" % (d["action"], d["parent"], len(d["children"]))
        for ln in d.get("lines", []):
            cs = ln.get("codes", [])
            s += " | %s %s q=%s %s->%s codes=%d%s" % (ln["product"][-4:], ln.get("batch", ""), ln.get("quantity", ln.get("accepted")),
                 ln.get("from", ""), ln.get("to", ln.get("location", "")), len(cs), (" [" + cs[0] + "..]") if cs else "")
        if k == "invoice": s += " total=%d credit_for=%s" % (d["total"]["minor"], d.get("credit_for"))
        if k == "payment": s += " %s %s->%s %d %s" % (d["direction"], d["payer"], d["payee"], d["amount"]["minor"], d["invoices"])
        print(s)
