import random
from lib24 import *
from l270_272 import CONV

TWO_ACC = ["验收-张伟", "验收-孙丽"]
TWO_REV = ["复核-刘洋", "复核-何倩"]
TWO_KEEP = ["保管-赵磊", "保管-钱程"]

BUY = {"A": 860, "B": 1520, "D": 520, "GL": 1200, "PSE": 1400, "F": 2300, "SH": 95, "DZ": 1250, "C": 1320}
SELL = {"A": 1050, "B": 1830, "D": 650, "GL": 1500, "PSE": 1700, "F": 2600, "SH": 130, "DZ": 1500, "C": 1600}
SRC = {"A": "M1", "B": "M1", "D": "M1", "GL": "M1", "PSE": "M1", "F": "M2", "SH": "M2", "DZ": "M3", "C": "W1"}
LOC = {"SH": "WH-C", "DZ": "SP-1"}
QTY = {"A": (20, 60), "B": (10, 40), "D": (20, 80), "GL": (10, 30), "F": (10, 30), "SH": (10, 40), "C": (10, 30)}
ALLOWED = {
    "H1": ["A", "B", "D", "GL", "F", "SH"], "H2": ["A", "B", "D", "GL", "F", "SH"], "H5": ["A", "B", "D", "GL", "SH"],
    "K1": ["A", "D", "GL", "F", "SH"], "H3": ["A", "B", "C", "D", "F"], "H6": ["A", "B", "C", "D", "GL", "F", "SH"],
    "C1": ["A", "B", "C", "D", "GL", "F", "SH"], "C2": ["A", "C", "D", "GL", "F", "SH"], "Q1": ["A", "B", "C", "D"]}
PRICE_FACTOR = {"H3": 1.05, "H6": 1.05, "Q1": 1.08}


def loc(p):
    return LOC.get(p, "WH-A")


# ====================================================================================== 278
def l278():
    rng = random.Random(278)
    L = Ledger(278, "a-lawful-month-of-wholesale-with-storage-readings-two-planted-two-invoice-line-and-suspicious-compound-ephedrine-order",
               "VIOLATION (2 planted in a lawful month): November 2026 at 浙江禾康医药: ~100 sales to three public hospitals, a community "
               "health centre (monthly invoice), two private hospitals, two pharmacy chains and a clinic; two purchase waves from four "
               "manufacturers and a wholesaler (whose product goes to non-public customers only); 地西泮片 (psychotropic2) with codes and "
               "two people; compound ephedrine wholesale to the chains and hospitals; a credited customer return, a quarantine and "
               "supplier return refunded by the maker; WH-A, WH-C and SP-1 read every 10 minutes and uploaded every 6 hours; month-end "
               "counts that agree. Planted: a line of the wholesaler's product sold to a public hospital; a chain's order of compound "
               "ephedrine at about 3.6 times its average")
    L.notes.append(CONV)
    L.notes.append("products bought from the wholesaler 浙江华通医药 (头孢呋辛酯片) go only to private customers (TWO-INVOICE); the cool "
                   "product 双黄连口服液 is stored in WH-C (cool), 地西泮片 in SP-1, everything else in WH-A (ambient); expiries are in 2028-2029")
    L.master(t("2026-10-30 09:00"), ["M1", "M2", "M3", "W1", "H1", "H2", "H5", "K1", "H3", "H6", "C1", "C2", "Q1"],
             ["A", "B", "D", "GL", "PSE", "F", "SH", "DZ", "C"],
             [("WH-A", "ambient", ["TH-A01"]), ("WH-C", "cool", ["TH-C01"]), ("SP-1", "ambient", ["TH-S01"])])

    # ---------------- temperature uploads
    def walk(lo, hi, start):
        v = start
        while True:
            step = rng.choice([-0.3, -0.2, -0.1, 0.1, 0.2, 0.3])
            nv = round(v + step, 1)
            if nv < lo or nv > hi:
                nv = round(v - step, 1)
            v = nv
            yield v
    streams = [("TH-A01", "WH-A", walk(17.0, 26.0, 21.0)), ("TH-C01", "WH-C", walk(11.0, 18.0, 14.5)),
               ("TH-S01", "SP-1", walk(18.0, 24.0, 20.5))]
    up = t("2026-10-31 06:00")
    end_up = t("2026-12-04 12:00")
    while up <= end_up:
        for sensor, zone, w in streams:
            rd = [(up - hours(6) + mins(10 * i), next(w)) for i in range(36)]
            L.temps(up + dt.timedelta(seconds=30), sensor, zone, rd)
        up += hours(6)

    # ---------------- plan sales
    workdays = []
    d = t("2026-11-02 09:00")
    while d <= t("2026-11-30 09:00"):
        if d.weekday() != 6:
            workdays.append(d)
        d += days(1)
    order = ["H1", "C1", "H3", "K1", "H2", "C2", "H6", "H5", "Q1"]
    sales = []  # (time, cust, [(p, q)], kind)
    ci = 0
    for di, day in enumerate(workdays):
        for j in range(3):
            cu = order[ci % len(order)]; ci += 1
            prods = rng.sample(ALLOWED[cu], rng.choice([1, 2, 2, 3]))
            lines = [(p, rng.randint(*QTY[p])) for p in prods]
            sales.append((day + mins(17 * j + rng.randint(0, 10)), cu, lines, "ord"))
    # psychotropic2 orders (separate documents)
    dz_plan = {"H1": (20, [0, 5, 10, 15, 20]), "H2": (15, [1, 7, 13, 19]), "H5": (10, [3, 14]), "H3": (10, [4, 16]),
               "H6": (8, [6, 18])}
    for cu, (base, idxs) in dz_plan.items():
        for ix in idxs:
            q = base + rng.randint(-2, 2)
            sales.append((workdays[ix] + hours(1) + mins(rng.randint(0, 40)), cu, [("DZ", q)], "dz"))
    pse_plan = {"C1": (40, [0, 4, 9, 13, 18]), "C2": (30, [2, 8, 14, 20]), "H5": (10, [6, 17]), "H3": (10, [10, 21])}
    for cu, (base, idxs) in pse_plan.items():
        for ix in idxs:
            q = base + rng.randint(-4, 4) if cu in ("C1", "C2") else base + rng.randint(-1, 1)
            sales.append((workdays[ix] + hours(2) + mins(rng.randint(0, 40)), cu, [("PSE", q)], "pse"))
    # plant SOM: C1's order of 150 (its 6th)
    sales.append((workdays[22] + hours(2) + mins(5), "C1", [("PSE", 150)], "pse_plant"))
    # plant TWO-INVOICE: H5 buys amoxicillin and the wholesaler's cefuroxime
    sales.append((workdays[15] + mins(55), "H5", [("A", 30), ("C", 20)], "two_plant"))
    sales.sort(key=lambda x: x[0])

    # ---------------- purchases: two waves sized on demand
    mid = t("2026-11-16 12:00")
    dem1, dem2 = {}, {}
    for when, cu, lines, kind in sales:
        for p, q in lines:
            dd = dem1 if when < mid else dem2
            dd[p] = dd.get(p, 0) + q
    stock = {}   # p -> list of [batch, expiry, qty, codes]
    dzcodes = []
    batches = {}
    waves = [(t("2026-10-30 14:00"), t("2026-10-31 10:00"), dem1, 1), (t("2026-11-14 09:00"), t("2026-11-16 07:00"), dem2, 2)]
    pay_after = []
    serial = 1
    wave_recs = {}
    for po_t, rc_t, dem, w in waves:
        by_sup = {}
        for p in sorted(SRC):
            q = int(dem.get(p, 0) * 1.25) + 30
            q = (q + 9) // 10 * 10
            by_sup.setdefault(SRC[p], []).append((p, q))
        for si, (sup, lines) in enumerate(sorted(by_sup.items())):
            cg = L.purchase(po_t + mins(si * 10), sup, [(p, q, BUY[p]) for p, q in lines])
            rlines, plines = [], []
            for p, q in lines:
                b = "26%02d%d%03d" % (10 + w, w, list(SRC).index(p) * 7 + 11)
                prodd = "2026-%02d-%02d" % (9 + w, 3 + list(SRC).index(p))
                exp = "20%d-%02d-%02d" % (28 + (w % 2), 9 + w, 2 + list(SRC).index(p))
                batches[(p, w)] = (b, exp)
                codes = []
                if p == "DZ":
                    codes = codes20("8107890", serial, q); serial += q
                rlines.append(dict(p=p, batch=b, prod=prodd, exp=exp, arrived=q, accepted=q, codes=codes))
                plines.append((p, b, q, "RCV", loc(p), codes))
            ctrl = any(p in ("DZ", "PSE") for p, _ in lines)
            rec = L.receipt(rc_t + mins(si * 15), sup, cg, rlines, acceptors=TWO_ACC if ctrl else None)
            L.put_away(rc_t + mins(si * 15 + 60), rec, plines, by=TWO_KEEP if ctrl else None)
            iv, tot = L.pinv(rc_t + mins(si * 15 + 90), sup, cg, [(p, q, BUY[p]) for p, q in lines])
            wave_recs[(sup, w)] = (cg, iv, tot, rec)
            L.pay_out(rc_t + days(10) + mins(si * 15), sup, tot, [iv])
            for (p, b, q, _, _, codes), rl in zip(plines, rlines):
                stock.setdefault(p, []).append([b, rl["exp"], q, list(codes), rc_t + mins(si * 15 + 60)])

    # ---------------- play the sales
    k1_sales = []
    inv_of = {}
    labels_plant = {}
    for when, cu, lines, kind in sales:
        sl = []
        for p, q in lines:
            # FIFO batch with enough stock that has been put away before the sale
            cand = [s for s in stock[p] if s[2] >= q and s[4] < when]
            assert cand, (p, q, when)
            s = cand[0]
            sl.append((p, s[0], s[1], q, int(round(SELL[p] * PRICE_FACTOR.get(cu, 1.0))), s))
        label = None
        if kind == "pse_plant":
            label = "som"
        if kind == "two_plant":
            label = "two"
        sdoc = L.sale(when, cu, [(p, b, e, q, pr) for p, b, e, q, pr, _ in sl], label=label)
        ctrl = kind in ("dz", "pse", "pse_plant")
        L.review(when + mins(50), sdoc, cu, [(p, b, e, q) for p, b, e, q, pr, _ in sl], reviewers=TWO_REV if ctrl else None)
        dl = []
        for p, b, e, q, pr, s in sl:
            codes = []
            if p == "DZ":
                codes = s[3][:q]; del s[3][:q]
            s[2] -= q
            dl.append((p, b, q, loc(p), codes))
        L.dispatch(when + mins(100), sdoc, cu, dl, by=TWO_KEEP if ctrl else None)
        amt = sum(q * pr for p, b, e, q, pr, _ in sl)
        if cu == "K1":
            k1_sales.append((sdoc, sl))
            continue
        iv, _ = L.sinv(when + hours(6), cu, sdoc, [(p, q, pr) for p, b, e, q, pr, _ in sl])
        inv_of[sdoc] = (cu, iv, amt, when, sl)
    # K1 monthly invoice
    agg = {}
    for sdoc, sl in k1_sales:
        for p, b, e, q, pr, _ in sl:
            agg[(p, pr)] = agg.get((p, pr), 0) + q
    k1inv, k1tot = L.invoice(t("2026-11-30 16:00"), "sale", "O", "K1", [(p, q, pr) for (p, pr), q in sorted(agg.items())],
                             refs={"sale": [s for s, _ in k1_sales]})
    L.pay_in(t("2026-12-03 10:00"), "K1", k1tot, [k1inv])

    # customer return by H3 of 5 boxes of its first amoxicillin line, credit note, release, net payment
    ret_sale = None
    for sdoc, (cu, iv, amt, when, sl) in sorted(inv_of.items(), key=lambda x: x[1][3]):
        if cu == "H3" and any(p == "A" and q >= 20 for p, b, e, q, pr, _ in sl) and when > t("2026-11-08 00:00"):
            ret_sale = sdoc; break
    cu, iv, amt, when, sl = inv_of[ret_sale]
    pa, ba, ea, qa, pra, sa = [x for x in sl if x[0] == "A"][0]
    rt = when + days(2)
    rd = L.cust_return(rt, "H3", ret_sale, [("A", ba, 5, "RET")], reason="外箱压损，退回 5 盒")
    L.sinv(rt + hours(2), "H3", ret_sale, [("A", 5, pra)], credit_for=iv)
    L.transfer(rt + days(1), "release", [("A", ba, 5, "RET", "WH-A")], refs={"receipt": [rd]}, by=["质管-周敏"])
    sa[2] += 5
    inv_of[ret_sale] = (cu, iv, amt - 5 * pra, when, sl)

    # quarantine and supplier return of 10 D of wave 1, purchase credit note, refund by the maker
    bD, eD = batches[("D", 1)]
    sD = [s for s in stock["D"] if s[0] == bD][0]
    assert sD[2] >= 10, sD
    L.transfer(t("2026-11-20 10:00"), "quarantine", [("D", bD, 10, "WH-A", "QA")], by=["质管-周敏"])
    cg, piv, ptot, rec = wave_recs[("M1", 1)]
    L.sup_return(t("2026-11-23 10:00"), "M1", cg, [("D", bD, 10, "QA")], reason="养护检查发现铝塑包装漏气，退回生产企业")
    pcn, _ = L.pinv(t("2026-11-24 10:00"), "M1", cg, [("D", 10, BUY["D"])], credit_for=piv)
    L.pay(t("2026-11-27 10:00"), "incoming", "M1", "O", 10 * BUY["D"], [pcn])
    sD[2] -= 10

    # customer payments: 7-16 days after the invoice, if before 12-04
    for sdoc, (cu, iv, amt, when, sl) in sorted(inv_of.items(), key=lambda x: x[1][3]):
        pt = when + hours(6) + days(rng.randint(7, 16))
        if pt < t("2026-12-04 09:00"):
            L.pay_in(pt, cu, amt, [iv])

    # month-end counts (agree)
    for zone in ("WH-A", "WH-C", "SP-1"):
        lines = []
        for p in sorted(stock):
            if loc(p) != zone:
                continue
            for s in stock[p]:
                if s[2] > 0:
                    lines.append((p, s[0], s[2]))
        L.count(t("2026-11-30 18:00") + mins(len(zone)), zone, lines)

    L.exp("TWO-INVOICE", "two", "rules.md TWO-INVOICE 'Goods bought from another wholesaler mean a third invoice ... One finding per "
          "line of the sale (product and batch) so bought': 头孢呋辛酯片 of 浙江华通医药 (wholesaler) to 杭州市拱宸医院 (public); the "
          "amoxicillin line on the same sale came from its manufacturer: one finding")
    L.exp("SOM", "som", "rules.md SOM 'Size: above som_k times the customer's trailing average for the product (its last som_history "
          "orders, this one excluded), once it has som_min_history orders': 杭州九洲大药房's 6th order of 复方盐酸伪麻黄碱缓释胶囊, 150 "
          "boxes, against an average of about 40 (limit 3x)")
    L.notes.append("everything else is lawful; invoices are issued on the day of dispatch (杭州市西湖区北山街道社区卫生服务中心: one "
                   "monthly invoice naming its sales, paid 12-03) and paid 7-16 days later by bank transfer; invoices not yet paid at "
                   "the end (12-04) are far from their 60-day deadline (pending at most)")
    L.notes.append("temperature: every zone's sensor reads every 10 min (random walk in steps of 0.1-0.3 °C, never the same twice in a "
                   "row; WH-A 17-26 °C, WH-C 11-18 °C, SP-1 18-24 °C), uploaded every 6 h 30 s after the hour")
    return L


# ====================================================================================== 279
def l279():
    L = Ledger(279, "two-invoice-per-line-remote-province-not-configured-dispatch-over-reviewed-fit-receipt-of-a-product-not-ordered-no-source-after-scope-widened-customer-scope-widened-later-that-morning",
               "VIOLATION: rules under-tested by earlier rounds: TWO-INVOICE one finding per line bought from a wholesaler (a sale of "
               "three lines, two from the wholesaler), a public hospital in 西藏 (remote_provinces not configured), private buyers "
               "quiet; OUT-REV for 50 shipped after 48 were found fit and 2 defective, partial reviews and dispatches quiet; REC-DOC for "
               "a product delivered that was not on the order; goods bought while the maker's scope lacked 中成药, the scope widened "
               "later, then sold (NO-SOURCE); a clinic ordering compound ephedrine at 08:30 before its scope change is filed at 09:00")
    L.notes.append(CONV)
    L.master(t("2026-10-01 09:00"), ["M1", "M4", "W1", "H1", "H3", "H4", "Q1"], ["A", "B", "D", "YX", "PSE"], [("WH-A", "ambient")])
    A1, A1E = "2609221", "2028-09-21"
    AW, AWE = "2609181", "2028-09-17"
    B1, B1E = "2609231", "2028-09-22"
    B2, B2E = "2610111", "2028-10-10"
    A3, A3E = "2610101", "2028-10-09"
    DW, DWE = "2609141", "2029-09-13"
    YB, YE = "2609301", "2028-09-29"
    PB, PE_ = "2609261", "2028-09-25"

    cg1 = L.purchase(t("2026-10-05 09:00"), "M1", [("A", 300, 860), ("B", 200, 1520), ("PSE", 200, 1400)])
    cg2 = L.purchase(t("2026-10-05 09:30"), "W1", [("D", 300, 560), ("A", 200, 900)])
    r = L.receipt(t("2026-10-07 10:00"), "M1", cg1, [dict(p="A", batch=A1, prod="2026-09-22", exp=A1E, arrived=300, accepted=300),
                                                      dict(p="B", batch=B1, prod="2026-09-23", exp=B1E, arrived=200, accepted=200),
                                                      dict(p="PSE", batch=PB, prod="2026-09-26", exp=PE_, arrived=200, accepted=200)],
                  acceptors=TWO_ACC)
    L.put_away(t("2026-10-07 11:00"), r, [("A", A1, 300, "RCV", "WH-A"), ("B", B1, 200, "RCV", "WH-A"), ("PSE", PB, 200, "RCV", "WH-A")])
    p1, t1 = L.pinv(t("2026-10-07 15:00"), "M1", cg1, [("A", 300, 860), ("B", 200, 1520), ("PSE", 200, 1400)])
    L.pay_out(t("2026-10-17 10:00"), "M1", t1, [p1])
    r = L.receipt(t("2026-10-08 10:00"), "W1", cg2, [dict(p="D", batch=DW, prod="2026-09-14", exp=DWE, arrived=300, accepted=300),
                                                      dict(p="A", batch=AW, prod="2026-09-18", exp=AWE, arrived=200, accepted=200)])
    L.put_away(t("2026-10-08 11:00"), r, [("D", DW, 300, "RCV", "WH-A"), ("A", AW, 200, "RCV", "WH-A")])
    p2, t2 = L.pinv(t("2026-10-08 15:00"), "W1", cg2, [("D", 300, 560), ("A", 200, 900)])
    L.pay_out(t("2026-10-18 10:00"), "W1", t2, [p2])

    # TWO-INVOICE
    s1 = L.sale(t("2026-10-12 09:00"), "H1", [("A", A1, A1E, 50, 1050), ("D", DW, DWE, 40, 680), ("A", AW, AWE, 30, 1050)], label="s1")
    L.review(t("2026-10-12 10:00"), s1, "H1", [("A", A1, A1E, 50), ("D", DW, DWE, 40), ("A", AW, AWE, 30)])
    L.dispatch(t("2026-10-12 11:00"), s1, "H1", [("A", A1, 50, "WH-A"), ("D", DW, 40, "WH-A"), ("A", AW, 30, "WH-A")])
    i1, _ = L.sinv(t("2026-10-12 15:00"), "H1", s1, [("A", 80, 1050), ("D", 40, 680)])
    L.pay_in(t("2026-10-26 10:00"), "H1", 84000 + 27200, [i1])
    L.exp("TWO-INVOICE", "s1", "rules.md TWO-INVOICE 'One finding per line of the sale (product and batch) so bought': the 盐酸二甲双胍片 "
          "line (batch from 浙江华通医药, a wholesaler) ...")
    L.exp("TWO-INVOICE", "s1", "... and the 阿莫西林胶囊 batch 2609181 line (from the wholesaler); the 阿莫西林胶囊 batch 2609221 line came "
          "from its manufacturer: no finding")
    s2 = L.sale(t("2026-10-13 09:00"), "H4", [("D", DW, DWE, 60, 700)], label="s2")
    L.review(t("2026-10-13 10:00"), s2, "H4", [("D", DW, DWE, 60)])
    L.dispatch(t("2026-10-13 11:00"), s2, "H4", [("D", DW, 60, "WH-A")])
    i2, _ = L.sinv(t("2026-10-13 15:00"), "H4", s2, [("D", 60, 700)])
    L.pay_in(t("2026-10-30 10:00"), "H4", 42000, [i2])
    L.exp("TWO-INVOICE", "s2", "rules.md TWO-INVOICE 'unless the customer's province is a configured remote area'; remote_provinces "
          "defaults to [] (configuration.md): 拉萨市人民医院 (西藏, public) gets a third invoice without configuration")
    s3 = L.sale(t("2026-10-14 09:00"), "H3", [("D", DW, DWE, 50, 700), ("A", AW, AWE, 40, 1100)])
    L.review(t("2026-10-14 10:00"), s3, "H3", [("D", DW, DWE, 50), ("A", AW, AWE, 40)])
    L.dispatch(t("2026-10-14 11:00"), s3, "H3", [("D", DW, 50, "WH-A"), ("A", AW, 40, "WH-A")])
    i3, _ = L.sinv(t("2026-10-14 15:00"), "H3", s3, [("D", 50, 700), ("A", 40, 1100)])
    L.pay_in(t("2026-10-28 10:00"), "H3", 35000 + 44000, [i3])

    # OUT-REV
    s4 = L.sale(t("2026-10-15 09:00"), "H1", [("B", B1, B1E, 50, 1830)])
    L.review(t("2026-10-15 10:00"), s4, "H1", [("B", B1, B1E, 48, "ok"), ("B", B1, B1E, 2, "defective")])
    L.dispatch(t("2026-10-15 11:00"), s4, "H1", [("B", B1, 50, "WH-A")], label="d4")
    i4, _ = L.sinv(t("2026-10-15 15:00"), "H1", s4, [("B", 50, 1830)])
    L.pay_in(t("2026-10-29 10:00"), "H1", 91500, [i4])
    L.exp("OUT-REV", "d4", "rules.md OUT-REV 'the dispatch (a line with no sale, or more than was reviewed fit)'; format.md "
          "ReviewLine.quality 'only ok quantities count as reviewed fit for dispatch': 50 shipped, 48 found fit, 2 defective")
    s5 = L.sale(t("2026-10-16 09:00"), "H3", [("B", B1, B1E, 60, 1900)])
    L.review(t("2026-10-16 10:00"), s5, "H3", [("B", B1, B1E, 40)])
    L.dispatch(t("2026-10-16 11:00"), s5, "H3", [("B", B1, 40, "WH-A")])
    L.review(t("2026-10-20 10:00"), s5, "H3", [("B", B1, B1E, 20)])
    L.dispatch(t("2026-10-20 11:00"), s5, "H3", [("B", B1, 20, "WH-A")])
    i5, _ = L.sinv(t("2026-10-20 15:00"), "H3", s5, [("B", 60, 1900)])
    L.pay_in(t("2026-11-02 10:00"), "H3", 114000, [i5])

    # REC-DOC: product not on the order
    cg3 = L.purchase(t("2026-10-18 09:00"), "M1", [("A", 100, 860)])
    r = L.receipt(t("2026-10-20 10:00"), "M1", cg3, [dict(p="A", batch=A3, prod="2026-10-10", exp=A3E, arrived=100, accepted=100),
                                                      dict(p="B", batch=B2, prod="2026-10-11", exp=B2E, arrived=20, accepted=20)],
                  label="rec_extra")
    L.put_away(t("2026-10-20 11:00"), r, [("A", A3, 100, "RCV", "WH-A"), ("B", B2, 20, "RCV", "WH-A")])
    p3, t3 = L.pinv(t("2026-10-20 15:00"), "M1", cg3, [("A", 100, 860), ("B", 20, 1520)])
    L.pay_out(t("2026-10-30 10:00"), "M1", t3, [p3])
    L.exp("REC-DOC", "rec_extra", "rules.md REC-DOC 'every product received must be on the order': 20 boxes of 头孢克肟分散片 arrived "
          "with an order for 阿莫西林胶囊 only")

    # NO-SOURCE: bought while the maker's scope lacked tcm_patent
    cg4 = L.purchase(t("2026-10-10 09:00"), "M4", [("YX", 100, 1800)], label="cg4")
    L.exp("SUP-LIC", "cg4", "rules.md SUP-LIC 'whose scope covers the product's category': 安徽济和制药's scope is chemical only; 银杏叶片 "
          "is tcm_patent")
    r = L.receipt(t("2026-10-12 10:00"), "M4", cg4, [dict(p="YX", batch=YB, prod="2026-09-30", exp=YE, arrived=100, accepted=100)],
                  label="rec_yx")
    L.exp("SUP-LIC", "rec_yx", "as @cg4@ (SUP-LIC points at the purchase or receipt)")
    L.put_away(t("2026-10-12 11:00"), r, [("YX", YB, 100, "RCV", "WH-A")])
    p4, t4 = L.pinv(t("2026-10-12 15:00"), "M4", cg4, [("YX", 100, 1800)])
    L.pay_out(t("2026-10-22 10:00"), "M4", t4, [p4])
    L.licence_changed(t("2026-10-20 09:00"), "M4", PARTIES["M4"]["licence"], "生产范围增加中成药", scope=["chemical", "tcm_patent"])
    s6 = L.sale(t("2026-10-22 09:00"), "H3", [("YX", YB, YE, 30, 2200)])
    L.review(t("2026-10-22 10:00"), s6, "H3", [("YX", YB, YE, 30)])
    L.dispatch(t("2026-10-22 11:00"), s6, "H3", [("YX", YB, 30, "WH-A")], label="d6")
    i6, _ = L.sinv(t("2026-10-22 15:00"), "H3", s6, [("YX", 30, 2200)])
    L.pay_in(t("2026-11-04 10:00"), "H3", 66000, [i6])
    L.exp("NO-SOURCE", "d6", "rules.md NO-SOURCE 'received only from suppliers that failed qualification' (Reads receipt.occurred_at and "
          "the supplier's scope and licence_changed scope): the only receipt of the batch (@rec_yx@) was from a supplier whose scope "
          "lacked 中成药 on that day; widening the scope on 10-20 does not qualify a receipt of 10-12")

    # CUS-LIC: clinic's scope widened at 09:00; an order at 08:30 before it
    s7 = L.sale(t("2026-11-02 08:30"), "Q1", [("PSE", PB, PE_, 10, 1700)], label="s7")
    L.exp("CUS-LIC", "s7", "rules.md CUS-LIC 'whose scope covers the product's category'; the clinic's scope gains compound_ephedrine "
          "by licence_changed at 09:00 (@q1_scope@); the order of 08:30 (not shipped: QA stopped it) is before it; the order of "
          "10:00 is quiet")
    L.licence_changed(t("2026-11-02 09:00"), "Q1", PARTIES["Q1"]["licence"], "经营范围增加含麻黄碱类复方制剂",
                      scope=["chemical", "tcm_patent", "compound_ephedrine"], label="q1_scope")
    s8 = L.sale(t("2026-11-02 10:00"), "Q1", [("PSE", PB, PE_, 10, 1700)])
    L.review(t("2026-11-02 10:30"), s8, "Q1", [("PSE", PB, PE_, 10)], reviewers=TWO_REV)
    L.dispatch(t("2026-11-02 11:00"), s8, "Q1", [("PSE", PB, 10, "WH-A")])
    i8, _ = L.sinv(t("2026-11-02 15:00"), "Q1", s8, [("PSE", 10, 1700)])
    L.pay_in(t("2026-11-12 10:00"), "Q1", 17000, [i8])

    L.count(t("2026-11-20 10:00"), "WH-A", [("A", A1, 250), ("A", AW, 130), ("A", A3, 100), ("B", B1, 90), ("B", B2, 20),
                                            ("D", DW, 150), ("YX", YB, 70), ("PSE", PB, 190)])
    L.notes.append("quiet: the wholesaler's goods sold to 杭州和睦医院 (private); partial review/dispatch 40 + 20 of a sale of 60; "
                   "compound ephedrine to the clinic's registered address, paid by transfer")
    L.notes.append("books: WH-A A 2609221 300-50 = 250, A 2609181 200-30-40 = 130, A 2610101 100, B 2609231 200-50-60 = 90, B 2610111 20, "
                   "D 300-40-60-50 = 150, YX 100-30 = 70, PSE 200-10 = 190: the count agrees")
    return L
