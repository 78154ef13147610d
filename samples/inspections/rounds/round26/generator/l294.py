"""294: a lawful busy November (500+ events) with two plants."""
from lib import *
import random

EXP = {"A1": "2028-06-30", "A2": "2028-09-30", "I1": "2028-07-31", "I2": "2028-10-31", "D1": "2028-08-31"}


def build():
    L = Ledger(294, "a-lawful-busy-november-zone-readings-every-20-min-psychotropic-codes-two-plants-receipt-one-over-order-and-dispatch-entered-72h01s-late",
               "VIOLATION (lawful month, 2 plants): a Hangzhou wholesaler's November, zone uploads every 4 h, 52 sales, a psychotropic with codes")
    L.master(t=T(1, 0, 0), zones=[("WH-A", "ambient", ["TH-A01"]), ("WH-C", "cool", ["TH-C01"]), ("CR-1", "cold", []), ("SP-1", "ambient", [])])
    rnd = random.Random(294)
    # zone readings: every 20 min, uploads every 4 h, 11-01 00:20 .. 12-01 00:00
    for zone, sensor, lo, hi in (("WH-A", "TH-A01", 18.0, 24.0), ("WH-C", "TH-C01", 12.0, 18.0)):
        t0 = T(1, 0, 0)
        for u in range(30 * 6):
            up = t0 + dt.timedelta(hours=4 * (u + 1))
            rs = [(up - dt.timedelta(minutes=20 * (11 - i)), round(rnd.uniform(lo, hi), 1)) for i in range(12)]
            L.temp(up, sensor, rs, zone=zone)
    codes = [f"8103456026110{i:07d}" for i in range(1, 201)]
    acc = ["验收-张伟", "质管-周敏"]
    # purchases
    L.purchase(T(2, 9), "CG26110201", SUP, [(AMOX, 2000, 860), (IBU, 800, 1450), (DZP, 200, 2200)])
    L.receipt(T(3, 10), "SH26110301", SUP, "CG26110201", "NK-PS-261102-11",
              [{"product": AMOX, "batch": "A1", "accepted": 2000, "exp": EXP["A1"]},
               {"product": IBU, "batch": "I1", "accepted": 800, "exp": EXP["I1"]},
               {"product": DZP, "batch": "D1", "accepted": 200, "exp": EXP["D1"], "codes": codes}], acceptors=acc)
    L.put_away(T(3, 11), "RK26110301", [(AMOX, "A1", 2000, "RCV", "WH-A"), (IBU, "I1", 800, "RCV", "WH-C")], receipt="SH26110301")
    # twin of the plant: a put-away entered exactly 72 h after it happened (quiet)
    L.put_away(T(3, 11, 10), "RK26110302", [(DZP, "D1", 200, "RCV", "SP-1", codes)], receipt="SH26110301",
               label="late72", entered=T(6, 11, 10))
    p1 = "26330000000011000101"
    L.invoice(T(3, 15), p1, "purchase", SUP, OWNER, [(AMOX, 2000, 860), (IBU, 800, 1450), (DZP, 200, 2200)], {"order": ["CG26110201"]})
    L.pay(T(13, 10), "FK26111301", "outgoing", OWNER, SUP, 2000 * 860 + 800 * 1450 + 200 * 2200, [p1])
    L.purchase(T(15, 9), "CG26111501", SUP, [(AMOX, 500, 860)])
    L.purchase(T(15, 9, 10), "CG26111502", SUP, [(IBU, 500, 1450)])
    L.receipt(T(16, 10), "SH26111601", SUP, "CG26111501", "NK-PS-261116-01", [{"product": AMOX, "batch": "A2", "accepted": 300, "exp": EXP["A2"]}])
    L.receipt(T(16, 10, 10), "SH26111602", SUP, "CG26111502", "NK-PS-261116-02", [{"product": IBU, "batch": "I2", "accepted": 300, "exp": EXP["I2"]}])
    L.put_away(T(16, 11), "RK26111601", [(AMOX, "A2", 300, "RCV", "WH-A"), (IBU, "I2", 300, "RCV", "WH-C")])
    L.receipt(T(17, 10), "SH26111701", SUP, "CG26111501", "NK-PS-261117-01", [{"product": AMOX, "batch": "A2", "accepted": 200, "exp": EXP["A2"]}])
    L.receipt(T(17, 10, 10), "SH26111702", SUP, "CG26111502", "NK-PS-261117-02", [{"product": IBU, "batch": "I2", "accepted": 201, "exp": EXP["I2"]}], label="over1")
    L.exp("REC-DOC", "over1", "order CG26111502 of 500: arrivals 300 + 201 = 501 > 500 ('cumulative arrivals must not exceed the ordered quantity'); its twin CG26111501, 300 + 200 = 500, is quiet")
    L.put_away(T(17, 11), "RK26111701", [(AMOX, "A2", 200, "RCV", "WH-A"), (IBU, "I2", 201, "RCV", "WH-C")])
    p2, p3 = "26330000000011000102", "26330000000011000103"
    L.invoice(T(17, 15), p2, "purchase", SUP, OWNER, [(AMOX, 500, 860)], {"order": ["CG26111501"]})
    L.invoice(T(17, 15, 10), p3, "purchase", SUP, OWNER, [(IBU, 501, 1450)], {"order": ["CG26111502"]})
    L.pay(T(27, 10), "FK26112701", "outgoing", OWNER, SUP, 500 * 860 + 501 * 1450, [p2, p3])
    # sales
    custs = [HOSP1, CHAIN, HOSP2, PHARM]
    price = {AMOX: 1030, IBU: 1780, DZP: 2600}
    loc = {AMOX: "WH-A", IBU: "WH-C", DZP: "SP-1"}
    n = 0
    ci = 0
    dz_next = 0
    for day in range(4, 30):
        for k in range(2):
            n += 1
            cust = custs[ci % 4]; ci += 1
            want = [(AMOX, rnd.randint(20, 60)), (IBU, rnd.randint(10, 30))]
            if cust in (HOSP1, HOSP2) and day % 3 == 0:
                want.append((DZP, rnd.randint(8, 12)))
            lines = []
            avail_t = T(day, 9 + 4 * k)
            for p, q in want:
                for b in ({AMOX: ["A1", "A2"], IBU: ["I1", "I2"], DZP: ["D1"]}[p]):
                    if b in ("A2", "I2") and day < 18:
                        continue
                    have = L.stock[(p, b, loc[p])]
                    take = min(have, q)
                    if take > 0:
                        lines.append((p, b, take)); q -= take
                    if q == 0:
                        break
            s = f"XS2611{day:02d}{k + 1:02d}"
            t = T(day, 9 + 4 * k)
            L.sale(t, s, cust, [(p, b, EXP[b], q, price[p]) for p, b, q in lines])
            L.review(t + dt.timedelta(minutes=40), f"FH2611{day:02d}{k + 1:02d}", cust, s, [(p, b, EXP[b], q) for p, b, q in lines],
                     reviewers=["复核-刘洋", "质管-周敏"])
            outl = []
            for p, b, q in lines:
                if p == DZP:
                    outl.append((p, b, q, loc[p], codes[dz_next:dz_next + q])); dz_next += q
                else:
                    outl.append((p, b, q, loc[p]))
            lab = f"d{n}"
            ent = None
            if day == 20 and k == 1:
                lab = "late72s"
                ent = t + dt.timedelta(hours=1, minutes=20) + dt.timedelta(hours=72, seconds=1)
            ev = L.dispatch(t + dt.timedelta(hours=1, minutes=20), f"PS2611{day:02d}{k + 1:02d}", cust, s, outl, label=lab)
            if ent:
                L.events[-1][3]["entered_at"] = iso(ent)
            inv = f"2633000000002100{day:02d}{k + 1:02d}"
            L.invoice(t + dt.timedelta(hours=3), inv, "sale", OWNER, cust, [(p, q, price[p]) for p, b, q in lines], {"sale": [s]})
            if day + 7 <= 30:
                L.pay(T(day + 7, 10 + k), f"SK2611{day:02d}{k + 1:02d}", "incoming", cust, OWNER, sum(q * price[p] for p, b, q in lines), [inv])
    L.exp("LATE-ENTRY", "late72s", "dispatch of 11-20 14:20 entered 11-23 14:20:01: 72 h 1 s > late_entry_hours 72; its twin, put-away RK26110302 entered exactly 72 h after it happened, is quiet ('more than the threshold')")
    # month-end counts agree with the books
    L.count(T(30, 17), "PD26113001", "WH-A", [(AMOX, b, L.stock[(AMOX, b, "WH-A")]) for b in ("A1", "A2")])
    L.count(T(30, 17, 10), "PD26113002", "WH-C", [(IBU, b, L.stock[(IBU, b, "WH-C")]) for b in ("I1", "I2")])
    L.count(T(30, 17, 20), "PD26113003", "SP-1", [(DZP, "D1", L.stock[(DZP, "D1", "SP-1")])])
    L.notes += [
        f"{len(L.events)} events; zone uploads of WH-A (TH-A01, 18.0-24.0 °C) and WH-C (TH-C01, 12.0-18.0 °C) every 4 h with readings every 20 min (seeded random, 0.1 °C steps), 11-01 00:20 to 12-01 00:00",
        f"52 sales to 仁和, 康宁, 明州, 百济 (2 a day, 11-04 to 11-29), FIFO by batch, each reviewed by two people, dispatched, invoiced the same day and paid 7 days later when that is in November (the rest pending, not due); 地西泮片 only to the two hospitals every third day, 8-12 boxes with their codes ({dz_next} of 200 shipped)",
        "SOM: 地西泮片 orders of 8-12 boxes, never above 3x a customer's trailing average; the frequency test needs a first order 56 days old: quiet",
        "the one-over receipt is invoiced and paid in full (501): TTGK-P quiet (invoiced = accepted)",
    ]
    return L
