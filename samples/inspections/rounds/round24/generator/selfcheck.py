"""My own simplified reading of the docs, to check the arithmetic of the generated ledgers (not the engine)."""
import json, sys, glob, os, collections, datetime as dt

def inst(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))

CTRL = {"narcotic", "psychotropic1", "psychotropic2", "medical_toxic", "radioactive", "precursor"}

def check(path):
    errs = []
    evs = [json.loads(l) for l in open(path, encoding="utf-8")]
    prods, parties = {}, {}
    book = collections.Counter()
    prev = None
    ids = set()
    invoices = {}
    for i, e in enumerate(evs, 1):
        k, d = e["kind"], e["data"]
        oa = inst(e["occurred_at"]); ea = inst(e["entered_at"])
        if prev and oa < prev: errs.append("%d: out of time order" % i)
        prev = oa
        if (ea - oa).total_seconds() > 72 * 3600 or ea < oa: errs.append("%d: entered_at odd" % i)
        if e["id"] in ids: errs.append("%d dup id" % i)
        ids.add(e["id"])
        if e["id"][14] != "7": errs.append("%d not v7" % i)
        if k == "party_registered": parties[d["party"]] = d
        if k == "product_registered": prods[d["product"]] = d
        def ctrl(p): return prods[p]["control"] in CTRL
        if k == "receipt":
            for l in d["lines"]:
                if l["arrived"] != l["accepted"] + l.get("rejected", 0): errs.append("%d arrived" % i)
                if len(set(l.get("codes", []))) > l["arrived"]: errs.append("%d codes>arrived" % i)
                if ctrl(l["product"]) and len(set(l.get("codes", []))) < l["accepted"]: errs.append("%d ctrl receipt codes short" % i)
                book[(l["product"], l["batch"], l["location"])] += l["accepted"]
        if k in ("put_away", "transfer"):
            for l in d["lines"]:
                book[(l["product"], l["batch"], l["from"])] -= l["quantity"]
                book[(l["product"], l["batch"], l["to"])] += l["quantity"]
                if book[(l["product"], l["batch"], l["from"])] < 0: errs.append("%d NEG %s" % (i, (l["product"], l["batch"], l["from"])))
                if ctrl(l["product"]) and len(set(l.get("codes", []))) != l["quantity"]: errs.append("%d ctrl move codes" % i)
        if k in ("dispatch", "supplier_return", "destruction", "loss_report"):
            for l in d["lines"]:
                book[(l["product"], l["batch"], l["from"])] -= l["quantity"]
                if book[(l["product"], l["batch"], l["from"])] < 0: errs.append("%d NEG %s" % (i, (l["product"], l["batch"], l["from"])))
                if len(set(l.get("codes", []))) > l["quantity"]: errs.append("%d codes>qty" % i)
                if k != "loss_report" and ctrl(l["product"]) and len(set(l.get("codes", []))) != l["quantity"] and not any(c.startswith("(01)1") for c in l.get("codes", [])):
                    errs.append("%d ctrl out codes %d/%d" % (i, len(set(l.get("codes", []))), l["quantity"]))
        if k == "customer_return":
            for l in d["lines"]:
                book[(l["product"], l["batch"], l["to"])] += l["quantity"]
                if ctrl(l["product"]) and len(set(l.get("codes", []))) != l["quantity"]: errs.append("%d ctrl return codes" % i)
        if k == "stock_count":
            listed = set()
            for l in d["lines"]:
                listed.add((l["product"], l["batch"]))
                b = book[(l["product"], l["batch"], d["location"])]
                if b != l["counted"]: errs.append("%d COUNT %s book %d counted %d" % (i, l["batch"], b, l["counted"]))
            for (p, b, loc), q in book.items():
                if loc == d["location"] and q != 0 and (p, b) not in listed: errs.append("%d COUNT omitted %s %s book %d" % (i, p, b, q))
        if k == "invoice":
            tot = 0
            for l in d["lines"]:
                a = l["amount"]["minor"]
                if abs(a - l["quantity"] * l["unit_price"]["minor"]) > (l["quantity"] + 1) // 2 and l["quantity"] != 0: errs.append("%d amount" % i)
                tot += a
            if tot != d["total"]["minor"]: errs.append("%d total" % i)
            invoices[d["doc"]] = d
        if k == "payment":
            if d["method"] != "cash":
                if d["direction"] == "incoming":
                    accs = [a["number"] for a in parties[d["payer"]]["accounts"]]
                    if d["payer_account"] not in accs: errs.append("%d payer account not registered (at master)" % i)
                else:
                    accs = [a["number"] for a in parties[d["payee"]]["accounts"]]
                    if d["payee_account"] not in accs: errs.append("%d payee account not registered" % i)
        if k in ("receipt", "outbound_review") and any(ctrl(l["product"]) or prods[l["product"]]["control"] != "none" for l in d["lines"]):
            ppl = d.get("acceptors") or d.get("reviewers")
            if len(set(ppl)) < 2: errs.append("%d one person on controlled" % i)
    return errs

for f in sorted(glob.glob(sys.argv[1] + "/*.jsonl")):
    e = check(f)
    print(os.path.basename(f)[:3], "ok" if not e else "")
    for x in e: print("   ", x)
