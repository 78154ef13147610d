"""246: a month (November 2026) of lawful business with exactly three planted violations."""
from world20 import *

SUP_TRUCK = "沪A·L2601冷"
OUR_TRUCK = "浙A·D5821冷"


def build():
    L = Ledger("246")
    B = Biz(L, seed=246)
    standard_master(L, p2_to="2026-11-15")
    codes_at = {}  # (product,batch) -> list of codes in SP-1

    def cold_receipt(t_arr, order, lines, gap=None, tag=None):
        shipped = t_arr - 4 * HOUR - 30 * MIN
        doc = B.receipt(t_arr, M2, order, lines, acceptors=("验收-孙晓峰",),
                        transport={"vehicle": SUP_TRUCK, "shipped_at": iso(shipped), "cold_chain": True}, tag=tag)
        B.trip_log(t_arr + 40 * MIN, SUP_TRUCK, "TL-2601", shipped - 10 * MIN, t_arr + 5 * MIN, every_min=5,
                   drop=gap, tag=(tag, "log") if tag else None)
        return doc

    def buy(day, supplier, lines_spec, recv_day, kind="ambient", gap=None, tag=None):
        t0 = T(day + " 09:30")
        order = B.purchase(t0, supplier, [(p, q) for p, q, *_ in lines_spec])
        tr = T(recv_day + " 10:00")
        rl = []
        for p, q, batch, prod, exp in lines_spec:
            ln = {"product": p, "batch": batch, "production_date": prod, "expiry": exp, "arrived": q, "accepted": q}
            if p == PD:
                ln["codes"] = B.codes(PD, q)
                codes_at[(p, batch)] = list(ln["codes"])
            if p == PI:
                ln["location"] = "CR-1"
            rl.append(ln)
        if kind == "cold":
            rdoc = cold_receipt(tr + 30 * MIN, order, rl, gap=gap, tag=tag)
            tr = tr + 30 * MIN
        elif kind == "special":
            rdoc = B.receipt(tr, supplier, order, rl, acceptors=("验收-孙晓峰", QM))
        else:
            rdoc = B.receipt(tr, supplier, order, rl)
        if kind != "cold":
            pl = []
            for ln in rl:
                d = {"product": ln["product"], "batch": ln["batch"], "quantity": ln["accepted"],
                     "to": "SP-1" if ln["product"] == PD else "WH-A"}
                if ln.get("codes"):
                    d["codes"] = ln["codes"]
                pl.append(d)
            B.put_away(tr + HOUR, order, rdoc, pl, by="保管-朱建平" if kind != "special" else ["保管-朱建平", QM])
        inv, tot = B.purchase_invoice(tr + 5 * HOUR, supplier, order, [(p, q) for p, q, *_ in lines_spec])
        B.pay_out(tr + 10 * DAY, supplier, [inv], tot)

    buy("2026-11-02", M1, [(PA, 3000, "2610141", "2026-10-14", "2028-09-30"),
                           (PB, 1500, "2610082", "2026-10-08", "2028-09-30"),
                           (PC, 800, "2609223", "2026-09-22", "2028-08-31")], "2026-11-03")
    buy("2026-11-02", M3, [(PD, 200, "2609175", "2026-09-17", "2029-08-31")], "2026-11-04", kind="special")
    buy("2026-11-02", M2, [(PI, 600, "S2610032", "2026-10-03", "2028-09-30")], "2026-11-05", kind="cold")
    buy("2026-11-16", M1, [(PA, 2000, "2611053", "2026-11-05", "2028-10-31"),
                           (PB, 1000, "2610297", "2026-10-29", "2028-10-31")], "2026-11-17")
    # PLANTED 2 (cold chain): the supplier's truck log misses 08:02-08:13 of the trip -> a 15-minute gap
    buy("2026-11-16", M2, [(PI, 400, "S2611021", "2026-11-02", "2028-10-31")], "2026-11-17", kind="cold",
        gap=(T("2026-11-17 08:02"), T("2026-11-17 08:13")), tag="P-CC")
    buy("2026-11-18", M3, [(PD, 150, "2610094", "2026-10-09", "2029-09-30")], "2026-11-19", kind="special")

    # sales
    rng = random.Random(2460)
    days = []
    d = T("2026-11-05 00:00")
    while d < T("2026-11-29 00:00"):
        if d.weekday() != 6:
            days.append(d)
        d += DAY
    fifo = {PA: ["2610141", "2611053"], PB: ["2610082", "2610297"], PC: ["2609223"], PI: ["S2610032", "S2611021"],
            PD: ["2609175", "2610094"]}
    loc_of = {PA: "WH-A", PB: "WH-A", PC: "WH-A", PI: "CR-1", PD: "SP-1"}
    payments = []

    def pick(p, q, t):
        # FIFO over batches that have arrived by t and have stock
        for b in fifo[p]:
            have = B.stock.q.get((p, b, loc_of[p]), 0)
            if have >= q:
                return b
        return None

    plan = []
    for i, day in enumerate(days):
        custs = [H1, P1, H2, P2] if day < T("2026-11-15 00:00") else [H1, P1, H2]
        n = 3
        for k in range(n):
            c = custs[(i + k) % len(custs)]
            if c in (H1, H2):
                prods = [PA, PB]
                if day.weekday() in (1, 4):
                    prods = [PD] if k == 0 else [PI, PA]
                elif day.weekday() == 3:
                    prods = [PI]
            else:
                prods = [PA, PB, PC] if k % 2 == 0 else [PA, PC]
            plan.append((day + (9 * 60 + 10 + 37 * k) * MIN, c, prods))

    # the planted CUS-LIC sale to P2 after its licence ended on 2026-11-15
    plan.append((T("2026-11-18 14:20"), P2, [PA, PC], "P-CUS"))
    plan.sort(key=lambda x: x[0])

    ttgk_done = False
    for item in plan:
        t, c, prods = item[:3]
        tag = item[3] if len(item) > 3 else None
        lines = []
        for p in prods:
            q = {PA: rng.randrange(40, 160), PB: rng.randrange(20, 100), PC: rng.randrange(10, 60),
                 PI: rng.randrange(20, 60), PD: rng.randrange(18, 30)}[p]
            b = pick(p, q, t)
            if b is None:
                continue
            lines.append((p, b, q))
        if not lines:
            continue
        sale = B.sale(t, c, lines, tag=tag)
        special = any(p == PD for p, _, _ in lines)
        B.review(t + HOUR, sale, c, lines, reviewers=("复核-郭婷", QM) if special else ("复核-郭婷",))
        dl = []
        for p, b, q in lines:
            if p == PD:
                cs = codes_at[(p, b)][:q]
                codes_at[(p, b)] = codes_at[(p, b)][q:]
                dl.append((p, b, q, loc_of[p], cs))
            else:
                dl.append((p, b, q, loc_of[p]))
        cold = any(p == PI for p, _, _ in lines)
        td = t + 2 * HOUR
        truck, logger = {H1: (OUR_TRUCK, "TL-5821"), H2: ("浙A·D5822冷", "TL-5822")}.get(c, (OUR_TRUCK, "TL-5821"))
        dn = B.dispatch(td, sale, c, dl, vehicle=truck if cold else None,
                        by=("发货-蒋涛", "发货-周凯") if special else ("发货-蒋涛",))
        if cold:
            B.trip_log(td + 80 * MIN, truck, logger, td - 10 * MIN, td + 70 * MIN, every_min=2)
        inv, tot = B.sale_invoice(td + 2 * HOUR, sale, c, [(p, q) for p, _, q in lines], dn=dn)
        lag = {H1: 16, H2: 14, P1: 9, P2: 7}[c]
        tp = T((t + lag * DAY).strftime("%Y-%m-%d") + " 10:40") + rng.randrange(0, 300) * MIN
        if tp < T("2026-11-30 16:00"):
            if c == H2 and not ttgk_done and t > T("2026-11-10 00:00"):
                # PLANTED 3 (goods-books-invoices-payments): paid from a personal bank card not registered for H2
                B.pay_in(tp, c, [inv], tot, account="6228480329876543210", tag="P-TTGK")
                ttgk_done = True
            else:
                B.pay_in(tp, c, [inv], tot)

    # month-end counts
    B.count(T("2026-11-30 17:30"), "WH-A")
    B.count(T("2026-11-30 17:40"), "CR-1")
    B.count(T("2026-11-30 17:50"), "SP-1")

    # storage readings, every 10 minutes, uploaded every 4 hours
    B.zone_uploads(T("2026-11-01 00:00"), T("2026-12-01 00:00"), "WH-A", "TH-A01", 16.5, 24.5)
    B.zone_uploads(T("2026-11-01 00:00"), T("2026-12-01 00:00"), "CR-1", "TH-R01", 3.4, 6.9)
    B.zone_uploads(T("2026-11-01 00:00"), T("2026-12-01 00:00"), "SP-1", "TH-S01", 17.0, 23.5)

    L.finish()
    exp = [
        ("CUS-LIC", L.line_of("P-CUS"),
         "qualification: wholesale sale to 杭州仁心大药房 on 2026-11-18, its drug_retail licence ended 2026-11-15 (no renewal); "
         "rules.md CUS-LIC 'Wholesale only to registered customers whose licence is valid on the sale date'"),
        ("CC-RECEIPT", L.line_of("P-CC"),
         "cold chain: insulin accepted from 沪A·L2601冷 whose log (uploaded 40 min after the receipt, inside logger_settle_hours) "
         "has no reading from 08:00 to 08:15 (15 min > transport_gap_minutes 5); rules.md CC-RECEIPT 'readings cover ship time to arrival without gaps'"),
        ("TTGK-S", L.line_of("P-TTGK"),
         "goods-books-invoices-payments: 余杭区第二人民医院 pays an invoice in full from account 6228480329876543210, not registered for it; "
         "rules.md TTGK-S 'the customer's payments must come from that customer, from an account registered for it'"),
    ]
    head = ("# 246 VIOLATION: a month (November 2026) of lawful business of 浙江禾信医药 (%d events): 3 zones read every 10 min "
            "(uploads every 4 h), 6 purchases from 3 manufacturers (chemical, insulin cold-chain received straight into CR-1 with "
            "the supplier's truck log uploaded after the receipt, diazepam with unit codes and two acceptors), ~70 sales to 2 public "
            "hospitals, a chain and a pharmacy, insulin shipped on our own cold truck with its trip log, invoices the same day, "
            "payments 1-2 weeks later, month-end counts. Exactly three planted violations of three families." % len(L.lines))
    notes = [
        "# note: payments due after the ledger's end are pending UNPAID (not findings): findings.md 'open items whose deadline has not passed are not findings'",
        "# note: the TTGK-S payment pays the invoice in full, so no UNPAID follows; P2's sale on 11-18 is reviewed, shipped, invoiced and paid normally",
    ]
    return L, head, notes, exp
