import json, sys
for path in sys.argv[1:]:
    print("==", path.split("/")[-1])
    for i, l in enumerate(open(path, encoding="utf-8"), 1):
        e = json.loads(l); d = e["data"]; k = e["kind"]
        s = d.get("doc", d.get("party", d.get("product", d.get("zone", d.get("sensor", "")))))
        extra = ""
        if "lines" in d and k not in ("invoice",):
            extra = " | " + "; ".join("%s %s q=%s %s%s c=%d" % (x.get("product","")[-4:], x.get("batch",""), x.get("quantity", x.get("accepted", x.get("counted"))),
                   x.get("from", x.get("location", "")), ("->" + x["to"]) if "to" in x else "", len(x.get("codes", []))) for x in d["lines"])
        if k == "invoice":
            extra = " | %s %s->%s tot=%d %s" % (d["direction"], d["issuer"][-4:], d["buyer"][-4:], d["total"]["minor"], ("credit_for " + d["credit_for"]) if d.get("credit_for") else "")
        if k == "payment":
            extra = " | %s %d %s" % (d["direction"], d["amount"]["minor"], d["invoices"])
        if k == "temperature_reading":
            extra = " | %s %s n=%d %s..%s" % (d.get("zone"), d.get("vehicle"), len(d["readings"]), d["readings"][0]["at"][5:19], d["readings"][-1]["at"][5:19])
        if k in ("sale", "dispatch", "outbound_review", "customer_return"):
            extra = " cust=%s" % d["customer"][-4:] + extra
        print("%3d %s %-16s %s%s %s" % (i, e["occurred_at"][:19], k, s, extra, e.get("refs", "")))
