from common import *
from l280_281 import series
import random
D = dt.timedelta


def l286(out):
    L = Ledger(286, "a-lawful-november-of-a-hangzhou-wholesaler-with-zone-readings-cold-receipts-psychotropic-codes-compound-ephedrine-two-planted-cool-product-put-away-ambient-and-invoice-one-box-over",
               "a lawful month of wholesale (several hundred events) with two planted faults")
    rnd = random.Random(286)
    t0 = T(2026, 10, 30, 9)
    master(L, t0, zones=(("WH-A", "ambient", ["TH-A01"]), ("WH-C", "cool", ["TH-C01"]), ("CR-1", "cold", ["TH-R01"]), ("SP-1", "ambient", None)))
    extra = {}
    for i, (body, name, kind) in enumerate([("12330100470123456", "杭州市第三人民医院", "medical_institution"),
                                            ("12330300470654321", "温州市中心医院", "medical_institution"),
                                            ("91330109MA2K9XY3", "杭州萧山康复大药房有限公司", "retail_pharmacy")]):
        pid = uscc(body if len(body) == 17 else body + "1")
        L.party(t0, pid, name, kind, "customer", ALL if kind == "medical_institution" else ["chemical", "compound_ephedrine"],
                public_hospital=(kind == "medical_institution"), address=f"浙江省某市某区{name}路 {i + 10} 号")
        extra[i] = pid
    hospitals = [HOSP1, HOSP2, extra[0], extra[1]]
    pharmacies = [PHARM1, PHARM2, extra[2]]
    # zone readings: every 15 min, uploads every 6 h, November 1..30
    start, end = T(2026, 11, 1, 0, 0), T(2026, 11, 30, 23, 45)
    for zone, sensor, base in (("WH-A", "TH-A01", 21.0), ("WH-C", "TH-C01", 15.0), ("CR-1", "TH-R01", 5.0)):
        rs = series("M" + sensor, start, end, D(minutes=15), base, spread=12)
        groups = {}
        for a, c in rs:
            groups.setdefault(a.replace(hour=a.hour // 6 * 6, minute=0), []).append((a, c))
        for k in sorted(groups):
            L.temp(k + D(hours=5, minutes=50), sensor, groups[k], zone=zone)
    L.note("zones WH-A, WH-C, CR-1 each have one registered sensor reading every 15 min, uploaded every 6 h (at 05:50, 11:50, 17:50, 23:50, holding the readings of the 6 hours up to 05:45 ...): no gap, no excursion, no reading older than 24 h or in the future")
    # stock: purchases
    batches = {}
    recv = {}
    def purchase_wave(day):
        lines = []
        for prod, pr, q in ((AMOX, 860, 600), (IBU, 1250, 400), (EPH, 1200, 300), (DIAZ, 1500, 120)):
            b = f"26{day.month:02d}{day.day:02d}{len(batches) % 10}"
            batches.setdefault(prod, []).append(b)
            recv[(prod, b)] = day + D(hours=25)
            lines.append((prod, b, "2026-09-01", "2028-08-31", q, pr))
        order, _ = L.purchase(day, MAKER, [(p, q, pr) for p, b, pd, e, q, pr in lines])
        rdoc, _ = L.receipt(day + D(hours=24), MAKER, order, [dict(product=p, batch=b, pd=pd, exp=e, arrived=q, accepted=q) for p, b, pd, e, q, pr in lines])
        pa = []
        for p, b, pd, e, q, pr in lines:
            dest = {AMOX: "WH-A", IBU: "WH-C", EPH: "WH-A", DIAZ: "SP-1"}[p]
            pa.append((p, b, q, "RCV", dest))
        L.put_away(day + D(hours=25), pa, receipt=rdoc)
        inv, _, tot = L.invoice(day + D(hours=28), "purchase", MAKER, [(p, q, pr) for p, b, pd, e, q, pr in lines], {"order": [order]})
        L.payment(day + D(days=12), "outgoing", MAKER, tot, [inv])
        return lines
    purchase_wave(T(2026, 11, 2, 9))
    purchase_wave(T(2026, 11, 16, 9))
    # the plant: a separate IBU order put away into WH-A
    order, _ = L.purchase(T(2026, 11, 5, 9), MAKER, [(IBU, 60, 1250)])
    rdoc, _ = L.receipt(T(2026, 11, 6, 9), MAKER, order, [dict(product=IBU, batch="2610061", pd="2026-10-01", exp="2028-09-30", arrived=60, accepted=60)])
    _, pz = L.put_away(T(2026, 11, 6, 10), [(IBU, "2610061", 60, "RCV", "WH-A")], receipt=rdoc)
    L.expect("TEMP-ZONE", pz, "布洛芬缓释胶囊 (storage cool, 0-20 °C) put away into WH-A (ambient 10-30 °C): 'a product is ... put away ... into a zone whose temperature range is not inside the product's required range'")
    L.transfer(T(2026, 11, 6, 16), "relocation", [(IBU, "2610061", 60, "WH-A", "WH-C")])
    inv, _, tot = L.invoice(T(2026, 11, 7, 9), "purchase", MAKER, [(IBU, 60, 1250)], {"order": [order]})
    L.payment(T(2026, 11, 17, 10), "outgoing", MAKER, tot, [inv])
    # insulin: two cold receipts from BIO with covered truck logs
    for k, day in enumerate((T(2026, 11, 3), T(2026, 11, 17))):
        order, _ = L.purchase(day + D(hours=7), BIO, [(INSULIN, 200, 5800)])
        b = f"2610{k}01"
        batches.setdefault(INSULIN, []).append(b)
        recv[(INSULIN, b)] = day + D(days=1, hours=11)
        ship, arr = day + D(days=1, hours=6), day + D(days=1, hours=10)
        L.receipt(arr, BIO, order, [dict(product=INSULIN, batch=b, pd="2026-10-01", exp="2028-09-30", arrived=200, accepted=200, location="CR-1")],
                  transport={"vehicle": f"沪B·C10{k + 21}冷", "shipped_at": iso(ship), "cold_chain": True})
        L.temp(arr + D(minutes=25), f"TL-10{k + 21}", series(f"TRK{k}", ship - D(minutes=3), arr + D(minutes=3), D(minutes=5), 5.0, spread=15), vehicle=f"沪B·C10{k + 21}冷")
        inv, _, tot = L.invoice(arr + D(hours=22), "purchase", BIO, [(INSULIN, 200, 5800)], {"order": [order]})
        L.payment(arr + D(days=9), "outgoing", BIO, tot, [inv])
    # sales across the month
    stock = {}
    plant_done = False
    ins_days = set()
    day = T(2026, 11, 5)
    n_sales = 0
    while day <= T(2026, 11, 28):
        if day.weekday() < 6:
            for j in range(4):
                t = day + D(hours=9 + 2 * j, minutes=rnd.randrange(0, 50))
                kind = rnd.random()
                if kind < 0.35:
                    cust = rnd.choice(hospitals)
                    prod, price, q = AMOX, 1100, rnd.randrange(20, 60)
                elif kind < 0.55:
                    cust = rnd.choice(pharmacies + hospitals)
                    prod, price, q = IBU, 1500, rnd.randrange(10, 30)
                elif kind < 0.7:
                    cust = rnd.choice(pharmacies)
                    prod, price, q = EPH, 1800, rnd.randrange(20, 30)
                elif kind < 0.85:
                    cust = rnd.choice(hospitals)
                    prod, price, q = DIAZ, 2000, rnd.randrange(4, 8)
                else:
                    cust = rnd.choice(hospitals)
                    prod, price, q = INSULIN, 7000, rnd.randrange(10, 20)
                loc = {AMOX: "WH-A", IBU: "WH-C", EPH: "WH-A", DIAZ: "SP-1", INSULIN: "CR-1"}[prod]
                # pick a batch with enough stock, received before t
                if prod == INSULIN and day in ins_days:
                    continue
                cand = [b for b in batches.get(prod, []) if L.stock.get((prod, b, loc), 0) >= q and recv[(prod, b)] < t]
                if not cand:
                    continue
                b = cand[0]
                exp = "2028-09-30" if prod == INSULIN else "2028-08-31"
                if prod == INSULIN:
                    ins_days.add(day)
                    # cold truck for insulin deliveries: in range from one hour before
                    s = L.sell(t, cust, [(prod, b, exp, q, price, loc)], vehicle="浙A·L1011冷", pay_days=rnd.randrange(7, 20))
                    disp_t = t + D(minutes=60)
                    L.temp(disp_t + D(hours=2), "TL-1011", series(f"OUT{n_sales}", disp_t - D(minutes=30), disp_t + D(hours=1, minutes=55), D(minutes=5), 5.0, spread=15), vehicle="浙A·L1011冷")
                elif not plant_done and prod == AMOX:
                    sdoc, _ = L.sale(t, cust, [(prod, b, exp, q, price)])
                    L.review(t + D(minutes=40), cust, sdoc, [(prod, b, exp, q, "ok")])
                    L.dispatch(t + D(minutes=60), cust, sdoc, [(prod, b, q, loc)])
                    inv, ev, tot = L.invoice(t + D(hours=3), "sale", cust, [(prod, q + 1, price)], {"sale": [sdoc]})
                    L.payment(t + D(days=3), "incoming", cust, tot, [inv])
                    L.expect("TTGK-S", ev, f"sales invoice for {q + 1} boxes of 阿莫西林胶囊 on sale {sdoc}, which dispatched {q}; never corrected within correction_days 14 (the ledger runs to 11-30 23:50); Points at 'for an invoiced excess not corrected, the latest invoice ... of the sale'")
                    L.note(f"plant: sale {sdoc} ({day.strftime('%m-%d')}) dispatched {q} boxes, invoiced {q + 1} and paid as invoiced; no credit note")
                    plant_done = True
                else:
                    L.sell(t, cust, [(prod, b, exp, q, price, loc)], pay_days=rnd.randrange(7, 20))
                n_sales += 1
        day += D(days=1)
    L.note(f"{n_sales} sales to 4 public hospitals and 3 pharmacies, each reviewed (two reviewers for 地西泮片), dispatched (codes for 地西泮片; compound ephedrine to the registered address), invoiced within hours and paid by bank transfer within 7-19 days; invoices of the last days are still open at the end (pending, not due)")
    L.note("insulin is received from 上海瑞和 on cold trucks whose logs cover shipped_at to arrival (readings 5 min apart from 3 min before shipping to 2 min after arrival) and delivered on our 浙A·L1011冷, whose upload holds readings from 30 min before the dispatch, in 3.5-6.5 °C")
    L.note("SOM: orders of compound ephedrine (20-29 boxes) and 地西泮片 (4-7) are steady per customer; no customer orders 6 times in 7 days")
    # month-end counts of every zone agree with the books
    for loc in ("WH-A", "WH-C", "CR-1", "SP-1"):
        lines = [(p, b, q) for (p, b, l), q in sorted(L.stock.items()) if l == loc and q]
        if lines:
            L.count(T(2026, 11, 30, 18), loc, lines)
    return L


def l287(out):
    L = Ledger(287, "acceptance-gate-and-receipt-documents-delivery-for-two-orders-partial-receipts-over-order-by-one-rejections-put-away-split-over-accepted-once-per-batch-dispatch-of-fully-rejected-batch",
               "receipt documents and the acceptance gate")
    t0 = T(2026, 11, 1, 9)
    master(L, t0)
    def pay_inv(t, order, lines):
        inv, _, tot = L.invoice(t, "purchase", MAKER, lines, {"order": order if isinstance(order, list) else [order]})
        L.payment(t + D(days=8), "outgoing", MAKER, tot, [inv])
    # a) one delivery for two orders
    o1, _ = L.purchase(T(2026, 11, 2, 9), MAKER, [(AMOX, 60, 860)])
    o2, _ = L.purchase(T(2026, 11, 2, 9, 30), MAKER, [(AMOX, 40, 860)])
    r, _ = L.receipt(T(2026, 11, 3, 9), MAKER, [o1, o2], [dict(product=AMOX, batch="2609011", pd="2026-09-01", exp="2028-08-31", arrived=100, accepted=100)])
    L.put_away(T(2026, 11, 3, 10), [(AMOX, "2609011", 100, "RCV", "WH-A")], receipt=r)
    pay_inv(T(2026, 11, 4, 9), [o1, o2], [(AMOX, 100, 860)])
    L.note("a) one delivery of 100 for orders of 60 and 40 (refs.order a list): 'fills them in the order named and is judged against their sum': quiet")
    # b) partial receipts 60 + 40 of 100, then 1 more
    o3, _ = L.purchase(T(2026, 11, 4, 9), MAKER, [(IBU, 100, 1250)])
    r1, _ = L.receipt(T(2026, 11, 5, 9), MAKER, o3, [dict(product=IBU, batch="2609021", pd="2026-09-01", exp="2028-08-31", arrived=60, accepted=60)])
    r2, _ = L.receipt(T(2026, 11, 7, 9), MAKER, o3, [dict(product=IBU, batch="2609021", pd="2026-09-01", exp="2028-08-31", arrived=40, accepted=40)])
    r3, rc3 = L.receipt(T(2026, 11, 9, 9), MAKER, o3, [dict(product=IBU, batch="2609021", pd="2026-09-01", exp="2028-08-31", arrived=1, accepted=1)])
    L.expect("REC-DOC", rc3, "third receipt of 1 box on order of 100 already received 60 + 40: 'cumulative arrivals must not exceed the ordered quantity'")
    L.put_away(T(2026, 11, 9, 10), [(IBU, "2609021", 101, "RCV", "WH-C")])
    pay_inv(T(2026, 11, 10, 9), o3, [(IBU, 101, 1250)])
    # c) 100 arrived, 97 accepted; put away 50 + 47
    o4, _ = L.purchase(T(2026, 11, 5, 9), MAKER, [(AMOX, 100, 860)])
    r4, _ = L.receipt(T(2026, 11, 6, 9), MAKER, o4, [dict(product=AMOX, batch="2610021", pd="2026-10-01", exp="2028-09-30", arrived=100, accepted=97)])
    L.put_away(T(2026, 11, 6, 10), [(AMOX, "2610021", 50, "RCV", "WH-A")], receipt=r4)
    L.put_away(T(2026, 11, 6, 14), [(AMOX, "2610021", 47, "RCV", "WH-A")], receipt=r4)
    pay_inv(T(2026, 11, 7, 9), o4, [(AMOX, 97, 860)])
    L.note("c) 100 arrived, 97 accepted, 3 rejected; put away 50 + 47 = 97, invoiced 97: quiet")
    # d) one batch on two receipts (30 accepted 30; 20 accepted 18), put away 48 at once
    o5, _ = L.purchase(T(2026, 11, 6, 9), MAKER, [(AMOX, 30, 860)])
    o6, _ = L.purchase(T(2026, 11, 8, 9), MAKER, [(AMOX, 20, 860)])
    L.receipt(T(2026, 11, 7, 9), MAKER, o5, [dict(product=AMOX, batch="2610031", pd="2026-10-01", exp="2028-09-30", arrived=30, accepted=30)])
    L.receipt(T(2026, 11, 9, 11), MAKER, o6, [dict(product=AMOX, batch="2610031", pd="2026-10-01", exp="2028-09-30", arrived=20, accepted=18)])
    L.put_away(T(2026, 11, 9, 14), [(AMOX, "2610031", 48, "RCV", "WH-A")])
    pay_inv(T(2026, 11, 10, 10), o5, [(AMOX, 30, 860)])
    pay_inv(T(2026, 11, 10, 11), o6, [(AMOX, 18, 860)])
    L.note("d) batch 2610031 accepted 30 + 18 over two receipts, put away 48 at once: quiet (the gate is per batch)")
    # e) 40 arrived 38 accepted; put away 38; later 2 more and then 1 more from RCV
    o7, _ = L.purchase(T(2026, 11, 10, 9), MAKER, [(IBU, 40, 1250)])
    r7, _ = L.receipt(T(2026, 11, 11, 9), MAKER, o7, [dict(product=IBU, batch="2610041", pd="2026-10-01", exp="2028-09-30", arrived=40, accepted=38)])
    L.put_away(T(2026, 11, 11, 10), [(IBU, "2610041", 38, "RCV", "WH-C")], receipt=r7)
    _, pe = L.put_away(T(2026, 11, 12, 10), [(IBU, "2610041", 2, "RCV", "WH-C")], receipt=r7)
    L.expect("ACC-GATE", pe, "put-away of 2 more boxes of batch 2610041 takes its put-away quantity to 40 over the 38 accepted: 'the put_away that takes the batch's put-away quantity over its accepted quantity (once per batch)'")
    L.expect("STOCK-NEG", pe, "RCV held 0 of batch 2610041 (38 accepted, 38 put away): the put-away of 2 takes it to -2")
    _, pe2 = L.put_away(T(2026, 11, 13, 10), [(IBU, "2610041", 1, "RCV", "WH-C")], receipt=r7)
    L.expect("STOCK-NEG", pe2, "a further put-away of 1 from RCV while it stays below zero: 'each later one while it stays below'; no second ACC-GATE ('once per batch')")
    pay_inv(T(2026, 11, 12, 9), o7, [(IBU, 38, 1250)])
    # f) batch fully rejected then dispatched from WH-A
    o8, _ = L.purchase(T(2026, 11, 12, 9), MAKER, [(AMOX, 30, 860)])
    L.receipt(T(2026, 11, 13, 9), MAKER, o8, [dict(product=AMOX, batch="2610051", pd="2026-10-01", exp="2028-09-30", arrived=30, accepted=0, reason="包装受潮污染")])
    s = L.sell(T(2026, 11, 16, 9), HOSP1, [(AMOX, "2610051", "2028-09-30", 5, 1100, "WH-A")])
    L.expect("ACC-GATE", s["disp"], "dispatch of batch 2610051, whose only receipt accepted 0 of 30: 'or the dispatch of a batch whose receipts accepted nothing'")
    L.expect("STOCK-NEG", s["disp"], "WH-A never held batch 2610051: the dispatch of 5 takes it to -5 (NO-SOURCE quiet: 'A receipt counts as received even when it accepted nothing')")
    # g) batch rejected on one receipt, accepted on a replacement order -> dispatch quiet
    o9, _ = L.purchase(T(2026, 11, 13, 9), MAKER, [(IBU, 20, 1250)])
    L.receipt(T(2026, 11, 14, 9), MAKER, o9, [dict(product=IBU, batch="2610061", pd="2026-10-01", exp="2028-09-30", arrived=20, accepted=0, reason="破损")])
    o10, _ = L.purchase(T(2026, 11, 14, 10), MAKER, [(IBU, 20, 1250)])
    r10, _ = L.receipt(T(2026, 11, 15, 9), MAKER, o10, [dict(product=IBU, batch="2610061", pd="2026-10-01", exp="2028-09-30", arrived=20, accepted=20)])
    L.put_away(T(2026, 11, 15, 10), [(IBU, "2610061", 20, "RCV", "WH-C")], receipt=r10)
    pay_inv(T(2026, 11, 16, 9), o10, [(IBU, 20, 1250)])
    L.sell(T(2026, 11, 17, 9), PHARM1, [(IBU, "2610061", "2028-09-30", 10, 1500, "WH-C")])
    L.note("g) batch 2610061 rejected in full on one receipt, then accepted on a replacement order: its dispatch is quiet (not 'a batch whose receipts were all rejected')")
    # h) review with 2 defective, dispatch 48
    sdoc, _ = L.sale(T(2026, 11, 18, 9), HOSP2, [(AMOX, "2609011", "2028-08-31", 50, 1100)])
    L.review(T(2026, 11, 18, 9, 40), HOSP2, sdoc, [(AMOX, "2609011", "2028-08-31", 48, "ok"), (AMOX, "2609011", "2028-08-31", 2, "defective")])
    L.dispatch(T(2026, 11, 18, 10), HOSP2, sdoc, [(AMOX, "2609011", 48, "WH-A")])
    inv, _, tot = L.invoice(T(2026, 11, 18, 15), "sale", HOSP2, [(AMOX, 48, 1100)], {"sale": [sdoc]})
    L.payment(T(2026, 11, 28, 10), "incoming", HOSP2, tot, [inv])
    L.transfer(T(2026, 11, 18, 11), "quarantine", [(AMOX, "2609011", 2, "WH-A", "QA")])
    L.note("h) sale of 50: review 48 ok + 2 defective, 48 dispatched and invoiced, the 2 defective boxes moved to QA: quiet")
    L.count(T(2026, 11, 28, 17), "QA", [(AMOX, "2609011", 2)])
    return L
