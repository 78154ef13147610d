from common import *
from l280_281 import series
D = dt.timedelta

PREC = gtin_check("8690123400007")   # precursor
RADIO = gtin_check("8690123400008")  # radioactive
TOXIC = gtin_check("8690123400009")  # medical_toxic


def l284(out):
    L = Ledger(284, "unreleased-changes-special-cash-by-class-psychotropic2-mixed-invoice-cash-refund-precursor-prepaid-radioactive-and-toxic-quiet-unpaid-from-later-issue-date-uninvoiced-deadline-toxic-batch-trace-with-supplier-return",
               "CHANGELOG Unreleased: SPECIAL-CASH classes, deadlines in UNPAID/UNINVOICED sentences, trace --batch closing balance with a supplier return")
    t0 = T(2026, 11, 1, 9)
    master(L, t0, extra_products=[((PREC, "盐酸麻黄碱注射液", "precursor"), dict(control="precursor", unit="支", spec="1ml:30mg×10支/盒", form="注射剂")),
                                  ((RADIO, "碘[131I]化钠口服溶液", "radioactive"), dict(control="radioactive", unit="瓶", spec="185MBq/瓶", form="口服溶液剂")),
                                  ((TOXIC, "亚砷酸注射液", "medical_toxic"), dict(control="medical_toxic", unit="支", spec="5ml:5mg/支", form="注射剂"))],
           zones=(("WH-A", "ambient", None), ("WH-C", "cool", None), ("SP-1", "ambient", None)))
    L.note("special-control products carry one 20-digit code per unit on every movement and are accepted and reviewed by two people; they are stored in SP-1 (registered ambient)")
    D1, P1b, R1, T1, AM = "2609301", "2609302", "2610011", "2609151", "2609011"
    p = L.buy(T(2026, 11, 2, 9), MAKER, [(DIAZ, D1, "2026-09-01", "2028-08-31", 40, 1500),
                                         (PREC, P1b, "2026-09-01", "2028-08-31", 30, 800),
                                         (RADIO, R1, "2026-10-01", "2027-09-30", 10, 30000),
                                         (TOXIC, T1, "2026-09-01", "2028-08-31", 20, 4500)], put_to="SP-1")
    # AMOX: invoice booked 11-03 10:00 but dated 11-05, never paid -> UNPAID
    order, _ = L.purchase(T(2026, 11, 2, 10), MAKER, [(AMOX, 200, 860)])
    rdoc, _ = L.receipt(T(2026, 11, 3, 9), MAKER, order, [dict(product=AMOX, batch=AM, pd="2026-09-01", exp="2028-08-31", arrived=200, accepted=200)])
    L.put_away(T(2026, 11, 3, 10), [(AMOX, AM, 200, "RCV", "WH-A")], receipt=rdoc)
    _, uinv, _ = L.invoice(T(2026, 11, 3, 10, 0), "purchase", MAKER, [(AMOX, 200, 860)], {"order": [order]}, issued_on="2026-11-05")
    L.expect("UNPAID", uinv, "purchase invoice booked 2026-11-03 10:00, issued_on 2026-11-05, never paid: 'UNPAID from the later of the invoice's occurred_at and 00:00 Beijing time of issued_on' -> due by 2027-01-04 00:00 (+08:00) (60 days); CHANGELOG Unreleased: 'UNPAID and UNINVOICED say when their period ended (\"after 60 days, by 2026-12-31 00:00 (+08:00)\")' - the sentence should say 2027-01-04 00:00 (+08:00)")
    # a) psychotropic2 paid in cash
    a = L.sell(T(2026, 11, 4, 9), HOSP1, [(DIAZ, D1, "2028-08-31", 10, 2000, "SP-1")], method="cash", pay_days=6)
    L.expect("SPECIAL-CASH", a["pay"], "cash payment of an invoice of 地西泮片 (psychotropic2): 'No cash payment may settle an invoice with a narcotic, psychotropic or precursor line'")
    # b) medical toxic paid in cash -> quiet
    b = L.sell(T(2026, 11, 4, 10), HOSP1, [(TOXIC, T1, "2028-08-31", 10, 6000, "SP-1")], method="cash", pay_days=6)
    # c) radioactive paid in cash -> quiet
    c = L.sell(T(2026, 11, 4, 11), HOSP2, [(RADIO, R1, "2027-09-30", 4, 36000, "SP-1")], method="cash", pay_days=6)
    L.note("cash for 亚砷酸注射液 (medical_toxic) and 碘[131I]化钠口服溶液 (radioactive) is quiet: CHANGELOG Unreleased (round 24 A1) 'The cash ban ... covers narcotics, psychotropics and precursors only, as rules.md says'")
    # d) mixed invoice AMOX + DIAZ paid cash
    d = L.sell(T(2026, 11, 5, 9), HOSP2, [(AMOX, AM, "2028-08-31", 20, 1100, "WH-A"), (DIAZ, D1, "2028-08-31", 5, 2000, "SP-1")], method="cash", pay_days=6)
    L.expect("SPECIAL-CASH", d["pay"], "cash payment of an invoice with an ordinary line and a 地西泮片 line: 'an invoice with a narcotic, psychotropic or precursor line'")
    # e) HOSP1 returns 2 DIAZ (with codes) into RET; credit note; refund in cash
    codes_back = a and L.events  # placeholder
    # find codes shipped in a
    disp_a = a["disp"]["data"]["lines"][0]["codes"][:2]
    _, cr = L.customer_return(T(2026, 11, 12, 10), HOSP1, a["sdoc"], [(DIAZ, D1, 2, "RET", disp_a)], reason="包装破损")
    cn, _, ctot = L.invoice(T(2026, 11, 12, 15), "sale", HOSP1, [(DIAZ, 2, 2000)], {"sale": [a["sdoc"]]}, credit_for=a["invdoc"])
    _, rf = L.payment(T(2026, 11, 13, 10), "outgoing", HOSP1, ctot, [cn], method="cash")
    L.expect("SPECIAL-CASH", rf, "cash refund naming the credit note of the 地西泮片 invoice: 'in either direction: a refund in cash naming a credit note of such an invoice is one too'")
    L.transfer(T(2026, 11, 13, 14), "quarantine", [(DIAZ, D1, 2, "RET", "QA")])
    L.destruction(T(2026, 11, 16, 10), [(DIAZ, D1, 2, "QA")], supervisors=["杭州市市场监督管理局 执法人员 何立"])
    # f) precursor: HOSP2 prepays in cash, invoice booked the next day
    sdoc, _ = L.sale(T(2026, 11, 6, 9), HOSP2, [(PREC, P1b, "2028-08-31", 10, 1000)])
    L.review(T(2026, 11, 6, 9, 40), HOSP2, sdoc, [(PREC, P1b, "2028-08-31", 10, "ok")])
    L.dispatch(T(2026, 11, 6, 10), HOSP2, sdoc, [(PREC, P1b, 10, "SP-1")])
    invno = L.invno()
    _, pp = L.payment(T(2026, 11, 6, 11), "incoming", HOSP2, 10000, [invno], method="cash")
    _, pinv, _ = L.invoice(T(2026, 11, 7, 9), "sale", HOSP2, [(PREC, 10, 1000)], {"sale": [sdoc]}, doc=invno)
    L.expect("SPECIAL-CASH", pp, "cash paid on 11-06 for the invoice of 盐酸麻黄碱注射液 (precursor) booked on 11-07: Points at 'the cash payment; when the invoice was booked after the payment seqs add that invoice'")
    # g) UNINVOICED: AMOX to PHARM1, never invoiced
    g = L.sell(T(2026, 11, 10, 13, 30), PHARM1, [(AMOX, AM, "2028-08-31", 30, 1100, "WH-A")], invoice=False)
    L.expect("UNINVOICED", g["disp"], "dispatch 2026-11-10 14:30 (+08:00) never invoiced; due within uninvoiced_days 30 -> by 2026-12-10 14:30 (+08:00), which the sentence should say (CHANGELOG Unreleased)")
    # h) toxic batch trace: 20 received, 3 returned to maker, 10 sold (b), 1 destroyed -> SP-1 6
    L.supplier_return(T(2026, 11, 9, 10), MAKER, p["order"], [(TOXIC, T1, 3, "SP-1")], reason="召回")
    pcn, _, ptot = L.invoice(T(2026, 11, 10, 10), "purchase", MAKER, [(TOXIC, 3, 4500)], {"order": [p["order"]]}, credit_for=p["invdoc"])
    L.payment(T(2026, 11, 18, 10), "incoming", MAKER, ptot, [pcn])
    L.destruction(T(2026, 11, 20, 10), [(TOXIC, T1, 1, "SP-1")], reason="破损", supervisors=["杭州市市场监督管理局 执法人员 何立"])
    L.note(f"trace --batch {TOXIC}:{T1}: 20 received, 3 returned to 杭州宁康制药 (recall), 10 to 杭州市仁和医院, 1 destroyed -> at the end SP-1: 6; left the ledgers given: 10 to 杭州市仁和医院, 3 to 杭州宁康制药有限公司, 1 destroyed (README trace); unbroken, exit 0")
    # keep the clock going past 2027-01-04 00:00 +08:00
    wh = [(pp_, b, q) for (pp_, b, loc), q in sorted(L.stock.items()) if loc == "WH-A" and q]
    L.count(T(2027, 1, 6, 17), "WH-A", wh)
    L.note("the ledger ends with a count of WH-A on 2027-01-06 so that the deadlines of 2026-12-10 and 2027-01-04 have passed; every other invoice is paid")
    return L


def l285(out):
    L = Ledger(285, "pooled-cold-room-gap-30-and-31-min-probe-paused-excursions-2min-and-2min01s-outbound-cold-trips-one-hour-window-edge-trip-gap-5min01s-return-legs-ambient-trip",
               "storage excursions and gaps at their limits, our own cold truck's trips")
    t0 = T(2026, 11, 1, 9)
    master(L, t0, zones=(("WH-A", "ambient", None), ("CR-1", "cold", ["TH-R01", "TH-R02"]), ("CR-2", "cold", ["TH-R03"])))
    L.note("CR-1 is pooled (two sensors: TH-R01 at :00/:20/:40, TH-R02 at :10/:30/:50, each uploading hourly); CR-2 has one sensor (TH-R03, every 10 min, hourly uploads)")
    start, end = T(2026, 11, 2, 0), T(2026, 11, 7, 12)
    from l280_281 import hourly
    r01 = series("P01", start, end, D(minutes=20), 5.0)
    r02 = series("P02", start, end, D(minutes=20), 5.2, offset=D(minutes=10))
    # 11-03: pooled gap exactly 30 min (10:00 -> 10:30)
    r01 = [r for r in r01 if r[0] != T(2026, 11, 3, 10, 20)]
    r02 = [r for r in r02 if r[0] != T(2026, 11, 3, 10, 10)]
    # 11-04: pooled gap 31 min (10:00 -> 10:31)
    r01 = [r for r in r01 if r[0] != T(2026, 11, 4, 10, 20)]
    r02 = [r for r in r02 if r[0] != T(2026, 11, 4, 10, 10)]
    for r in r02:
        if r[0] == T(2026, 11, 4, 10, 30):
            r[0] = T(2026, 11, 4, 10, 31)
    # 11-05: TH-R01 paused 09:00-10:40 (calibration), TH-R02 continues every 20 min
    r01 = [r for r in r01 if not (T(2026, 11, 5, 9, 0) < r[0] < T(2026, 11, 5, 10, 40))]
    hourly(L, "TH-R01", r01, zone="CR-1")
    ev02 = hourly(L, "TH-R02", r02, zone="CR-1")
    L.expect("TEMP-GAP", ev02[T(2026, 11, 4, 10)], "pooled CR-1 has no reading between 11-04 10:00:00 (TH-R01) and 10:31:00 (TH-R02, uploaded at 11:00): 31 min > storage_gap_minutes 30; Points at 'the upload holding the reading after the gap'. 11-03 10:00-10:30 is exactly 30 min: quiet; TH-R01's pause 09:00-10:40 on 11-05 leaves TH-R02 every 20 min: 'one probe paused while another records is no gap'")
    # CR-2 single sensor with two excursions
    r03 = series("P03", start, end, D(minutes=10), 5.0)
    exc1 = [(T(2026, 11, 3, 14, 2), 8.4), (T(2026, 11, 3, 14, 4), 8.6), (T(2026, 11, 3, 14, 6), 8.3), (T(2026, 11, 3, 14, 8), 7.6)]
    exc2 = [(T(2026, 11, 4, 14, 2), 8.4), (T(2026, 11, 4, 14, 4, 1), 8.5), (T(2026, 11, 4, 14, 6), 7.5)]
    r03 = [[a, c] for a, c in r03] + [list(x) for x in exc1 + exc2]
    r03.sort(key=lambda r: r[0])
    for r in r03:
        if r[0] in (T(2026, 11, 3, 14, 0), T(2026, 11, 4, 14, 0)):
            r[1] = 7.9
        if r[0] == T(2026, 11, 5, 3, 0):
            r[1] = 8.0
        if r[0] == T(2026, 11, 5, 4, 0):
            r[1] = 2.0
    ev03 = hourly(L, "TH-R03", r03, zone="CR-2")
    L.expect("TEMP-RANGE", ev03[T(2026, 11, 3, 14)], "CR-2 8.4-8.6 °C at 14:02-14:06 on 11-03, back at 7.6 °C at 14:08 (readings 2 min apart: no gap); upload of 15:00 holds the first reading back in range")
    L.expect("TEMP-RANGE", ev03[T(2026, 11, 4, 14)], "CR-2 8.4 °C at 14:02, 8.5 °C at 14:04:01, back at 7.5 °C at 14:06 on 11-04")
    L.expect("TEMP-GAP", ev03[T(2026, 11, 4, 14)], "after the out-of-range reading of 14:02:00 the next comes at 14:04:01: 2 min 1 s > excursion_gap_minutes 2 ('more than the excursion limit apart after a reading out of range')")
    L.note("CR-2 reads exactly 8.0 °C at 11-05 03:00 and 2.0 °C at 04:00 (inclusive bounds): quiet")
    # stock: insulin from BIO on a covered truck, into CR-1
    order, _ = L.purchase(T(2026, 11, 2, 6), BIO, [(INSULIN, 400, 5800)])
    rd, _ = L.receipt(T(2026, 11, 2, 11), BIO, order, [dict(product=INSULIN, batch="2609101", pd="2026-09-01", exp="2028-08-31", arrived=400, accepted=400, location="CR-1")],
                      transport={"vehicle": "沪B·C1001冷", "shipped_at": iso(T(2026, 11, 2, 7)), "cold_chain": True})
    L.temp(T(2026, 11, 2, 11, 20), "TL-1001", series("IN", T(2026, 11, 2, 7), T(2026, 11, 2, 11), D(minutes=5), 5.0, spread=15), vehicle="沪B·C1001冷")
    inv, _, tot = L.invoice(T(2026, 11, 3, 9), "purchase", BIO, [(INSULIN, 400, 5800)], {"order": [order]})
    L.payment(T(2026, 11, 12, 10), "outgoing", BIO, tot, [inv])
    V = "浙A·L1011冷"

    def cold_trip(day, cust, readings, upload, ret_leg=True, qty=40):
        s = L.sell(day + D(hours=8), cust, [(INSULIN, "2609101", "2028-08-31", qty, 7000, "CR-1")], vehicle=V)
        up = L.temp(upload, "TL-1011", readings, vehicle=V)
        if ret_leg:
            L.temp(upload + D(hours=1, minutes=30), "TL-1011", series("RET" + str(day.day), upload + D(minutes=5), upload + D(hours=1, minutes=25), D(minutes=5), 17.0, spread=20), vehicle=V)
        return s, up
    L.note("our cold truck 浙A·L1011冷 (logger TL-1011): each insulin dispatch at 09:00 (sale 08:00, review 08:40); the trip upload at 11:30 holds readings from 07:30; the empty return leg is a separate upload at 13:00 at 15-19 °C (format.md dispatch.vehicle: 'Later uploads of the vehicle (the empty return leg ...) are judged against no range')")
    pre = lambda d: [(T(2026, 11, d, 7, 30) + D(minutes=5 * i), 13.0 - i) for i in range(6)]  # 07:30..07:55, 13..8 °C
    # D1 quiet: pre-cooling until 07:55 (65 min before), 08:00 on in range
    cold_trip(T(2026, 11, 3), HOSP1, pre(3) + series("D1", T(2026, 11, 3, 8), T(2026, 11, 3, 11, 25), D(minutes=5), 5.0, spread=15), T(2026, 11, 3, 11, 30))
    # D2 fires: 08:00 (exactly 1 h before) at 8.4
    d2 = pre(4) + [(T(2026, 11, 4, 8, 0), 8.4), (T(2026, 11, 4, 8, 2), 7.0)] + series("D2", T(2026, 11, 4, 8, 5), T(2026, 11, 4, 11, 25), D(minutes=5), 5.0, spread=15)
    _, up2 = cold_trip(T(2026, 11, 4), HOSP2, d2, T(2026, 11, 4, 11, 30))
    L.expect("TEMP-RANGE", up2, "trip of 11-04: reading of 08:00:00, exactly one hour before the 09:00 dispatch, is 8.4 °C; format.md dispatch.vehicle 'readings from one hour before the dispatch on ... are judged against the range of the cold-chain goods on board'")
    # D3 quiet: 07:59:59 at 8.4 (pre-cooling, just outside the hour)
    d3 = pre(5)[:-1] + [(T(2026, 11, 5, 7, 55), 9.0), (T(2026, 11, 5, 7, 59, 59), 8.4), (T(2026, 11, 5, 8, 1), 7.0)] + series("D3", T(2026, 11, 5, 8, 5), T(2026, 11, 5, 11, 25), D(minutes=5), 5.0, spread=15)
    cold_trip(T(2026, 11, 5), HOSP1, d3, T(2026, 11, 5, 11, 30))
    L.note("trip of 11-05: 8.4 °C at 07:59:59, one second before the judged hour, then 7.0 °C at 08:01: quiet ('its earlier readings (pre-cooling, the trip before) are not' judged)")
    # D4 fires: gap 5 min 1 s in trip
    d4 = pre(6) + series("D4a", T(2026, 11, 6, 8, 0), T(2026, 11, 6, 9, 30), D(minutes=5), 5.0, spread=15) + series("D4b", T(2026, 11, 6, 9, 35, 1), T(2026, 11, 6, 11, 25), D(minutes=5), 5.0, spread=15)
    _, up4 = cold_trip(T(2026, 11, 6), HOSP2, d4, T(2026, 11, 6, 11, 30))
    L.expect("TEMP-GAP", up4, "trip of 11-06: readings 09:30:00 and 09:35:01 are 5 min 1 s apart, more than transport_gap_minutes 5 ('of a vehicle's cold trip ... more than the transport limit apart')")
    # D5: ambient goods on the same truck, 25 °C -> quiet
    order2, _ = L.purchase(T(2026, 11, 2, 8), MAKER, [(AMOX, 100, 860)])
    rd2, _ = L.receipt(T(2026, 11, 3, 8), MAKER, order2, [dict(product=AMOX, batch="2609011", pd="2026-09-01", exp="2028-08-31", arrived=100, accepted=100)])
    L.put_away(T(2026, 11, 3, 9), [(AMOX, "2609011", 100, "RCV", "WH-A")], receipt=rd2)
    inv2, _, tot2 = L.invoice(T(2026, 11, 4, 9), "purchase", MAKER, [(AMOX, 100, 860)], {"order": [order2]})
    L.payment(T(2026, 11, 12, 11), "outgoing", MAKER, tot2, [inv2])
    L.sell(T(2026, 11, 6, 14), PHARM1, [(AMOX, "2609011", "2028-08-31", 30, 1100, "WH-A")], vehicle=V)
    L.temp(T(2026, 11, 6, 17, 0), "TL-1011", series("D5", T(2026, 11, 6, 14, 30), T(2026, 11, 6, 16, 50), D(minutes=10), 25.0, spread=20), vehicle=V)
    L.note("11-06 14:00 sale of 阿莫西林胶囊 (ambient) to 杭州康宁大药房 on the same truck: its upload at 24-27 °C every 10 min is 'a trip of ambient goods ... judged against no range and held to no gap limit': quiet")
    return L
