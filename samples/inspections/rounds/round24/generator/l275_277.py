from lib24 import *
from l270_272 import CONV


# ====================================================================================== 275
def l275():
    L = Ledger(275, "counts-at-six-locations-agree-shortage-and-omitted-batch-partial-receipts-invoiced-by-receipt-instalments-prepayment-over-invoice-double-payment",
               "VIOLATION: goods, books, invoices and payments with partial deliveries and counts at six locations: an order received "
               "in three parts into two warehouses, invoiced by receipt and by order, paid in instalments (one payment naming two "
               "invoices); a sale shipped in three parts from two warehouses, invoiced monthly by delivery notes, paid in two "
               "instalments; a price reduction (折让) credit note paid net; a quarantine and supplier return with a purchase credit "
               "note paid net (all quiet); a prepayment larger than the invoice it named; a customer paying one invoice twice; a count "
               "short by 5 boxes; a count sheet leaving off a batch on the books")
    L.notes.append(CONV)
    L.master(t("2026-10-01 09:00"), ["M1", "M2", "H1", "H2", "H3"], ["A", "GL", "SH"],
             [("WH-A", "ambient"), ("WH-B", "ambient"), ("WH-C", "cool")])
    A1, A1E = "2609171", "2028-09-16"
    A2, A2E = "2610052", "2028-10-04"
    GB, GE = "2609091", "2028-09-08"
    SB, SE = "2609251", "2028-03-24"

    cg1 = L.purchase(t("2026-10-02 09:00"), "M1", [("A", 1000, 860)])
    cg2 = L.purchase(t("2026-10-02 10:00"), "M2", [("SH", 600, 95)])
    pinv_f = L.invno("33", "2")
    L.pay_out(t("2026-10-03 10:00"), "M2", 60000, [pinv_f], label="prepay")
    cg3 = L.purchase(t("2026-10-06 09:00"), "M1", [("GL", 300, 1200)])
    ra1 = L.receipt(t("2026-10-05 10:00"), "M1", cg1, [dict(p="A", batch=A1, prod="2026-09-17", exp=A1E, arrived=400, accepted=400)])
    L.put_away(t("2026-10-05 11:00"), ra1, [("A", A1, 400, "RCV", "WH-A")])
    pinv1, _ = L.invoice(t("2026-10-05 15:00"), "purchase", "M1", "O", [("A", 400, 860)], refs={"receipt": [ra1]})
    rs = L.receipt(t("2026-10-08 10:00"), "M2", cg2, [dict(p="SH", batch=SB, prod="2026-09-25", exp=SE, arrived=600, accepted=600)])
    L.put_away(t("2026-10-08 11:00"), rs, [("SH", SB, 600, "RCV", "WH-C")])
    L.pinv(t("2026-10-08 15:00"), "M2", cg2, [("SH", 600, 95)], doc=pinv_f, label="pinv_f")
    L.exp("TTGK-P", "pinv_f", "rules.md TTGK-P 'payments must not exceed the invoice (tolerance)'; format.md 'A payment may name an "
          "invoice booked later (a prepayment): it waits for it ... and is applied when the invoice is booked': 600.00 prepaid on 10-03 "
          "against an invoice of 570.00 booked 10-08; not refunded within correction_days (14 days after the invoice, the latest "
          "record involved); Points at 'for an overpaid invoice, the invoice, with seqs adding ... payments'")
    rg = L.receipt(t("2026-10-09 10:00"), "M1", cg3, [dict(p="GL", batch=GB, prod="2026-09-09", exp=GE, arrived=300, accepted=300)])
    L.put_away(t("2026-10-09 11:00"), rg, [("GL", GB, 300, "RCV", "WH-B")])
    pinv_gl, _ = L.pinv(t("2026-10-09 15:00"), "M1", cg3, [("GL", 300, 1200)])
    ra2 = L.receipt(t("2026-10-12 10:00"), "M1", cg1, [dict(p="A", batch=A1, prod="2026-09-17", exp=A1E, arrived=350, accepted=350)])
    L.put_away(t("2026-10-12 11:00"), ra2, [("A", A1, 350, "RCV", "WH-B")])
    pinv2, _ = L.invoice(t("2026-10-12 15:00"), "purchase", "M1", "O", [("A", 350, 860)], refs={"receipt": [ra2]})
    L.pay_out(t("2026-10-15 10:00"), "M1", 172000, [pinv1])
    ra3 = L.receipt(t("2026-10-20 10:00"), "M1", cg1, [dict(p="A", batch=A2, prod="2026-10-05", exp=A2E, arrived=250, accepted=250)])
    L.put_away(t("2026-10-20 11:00"), ra3, [("A", A2, 250, "RCV", "WH-A")])
    pinv3, _ = L.pinv(t("2026-10-20 15:00"), "M1", cg1, [("A", 250, 860)])
    L.pay_out(t("2026-10-25 10:00"), "M1", 172000 + 301000, [pinv1, pinv2])
    L.pay_out(t("2026-10-30 10:00"), "M1", 360000, [pinv_gl])
    L.transfer(t("2026-10-26 10:00"), "quarantine", [("A", A2, 20, "WH-A", "QA")], by=["质管-周敏"])
    L.sup_return(t("2026-10-28 10:00"), "M1", cg1, [("A", A2, 20, "QA")], reason="养护检查发现批次外观问题，供应商同意退货")
    L.pinv(t("2026-10-29 10:00"), "M1", cg1, [("A", 20, 860)], credit_for=pinv3)
    L.pay_out(t("2026-11-05 10:00"), "M1", 215000 - 17200, [pinv3])

    # sale in three parts from two warehouses, monthly invoice by delivery notes, two instalments
    s1 = L.sale(t("2026-10-08 09:00"), "H1", [("A", A1, A1E, 300, 1050)])
    L.review(t("2026-10-10 09:30"), s1, "H1", [("A", A1, A1E, 100)])
    d1a = L.dispatch(t("2026-10-10 10:00"), s1, "H1", [("A", A1, 100, "WH-A")])
    L.review(t("2026-10-17 09:30"), s1, "H1", [("A", A1, A1E, 120)])
    d1b = L.dispatch(t("2026-10-17 10:00"), s1, "H1", [("A", A1, 120, "WH-B")])
    L.review(t("2026-10-24 09:30"), s1, "H1", [("A", A1, A1E, 80)])
    d1c = L.dispatch(t("2026-10-24 10:00"), s1, "H1", [("A", A1, 80, "WH-B")])
    inv_h1, _ = L.invoice(t("2026-10-31 16:00"), "sale", "O", "H1", [("A", 300, 1050)], refs={"delivery_note": [d1a, d1b, d1c]})
    s4 = L.sale(t("2026-10-20 09:00"), "H1", [("GL", GB, GE, 24, 1500)])
    L.review(t("2026-10-20 09:30"), s4, "H1", [("GL", GB, GE, 24)])
    L.dispatch(t("2026-10-20 10:00"), s4, "H1", [("GL", GB, 24, "WH-B")])
    inv_h1b, _ = L.sinv(t("2026-10-20 15:00"), "H1", s4, [("GL", 24, 1500)])
    L.pay_in(t("2026-11-10 10:00"), "H1", 150000, [inv_h1])
    L.pay_in(t("2026-11-25 10:00"), "H1", 36000 + 165000, [inv_h1b, inv_h1])

    # price reduction paid net
    s2 = L.sale(t("2026-10-15 09:00"), "H2", [("GL", GB, GE, 200, 1500)])
    L.review(t("2026-10-15 09:30"), s2, "H2", [("GL", GB, GE, 200)])
    L.dispatch(t("2026-10-15 10:00"), s2, "H2", [("GL", GB, 200, "WH-B")])
    inv_s2, _ = L.sinv(t("2026-10-15 15:00"), "H2", s2, [("GL", 200, 1500)])
    L.sinv(t("2026-10-25 10:00"), "H2", s2, [("GL", 0, 0, 6000)], credit_for=inv_s2)
    L.pay_in(t("2026-11-05 10:00"), "H2", 294000, [inv_s2])

    # double payment
    s3 = L.sale(t("2026-10-16 09:00"), "H3", [("A", A1, A1E, 50, 1100)])
    L.review(t("2026-10-16 09:30"), s3, "H3", [("A", A1, A1E, 50)])
    L.dispatch(t("2026-10-16 10:00"), s3, "H3", [("A", A1, 50, "WH-A")])
    inv_h3a, _ = L.sinv(t("2026-10-16 15:00"), "H3", s3, [("A", 50, 1100)])
    s5 = L.sale(t("2026-10-23 09:00"), "H3", [("A", A1, A1E, 40, 1100)])
    L.review(t("2026-10-23 09:30"), s5, "H3", [("A", A1, A1E, 40)])
    L.dispatch(t("2026-10-23 10:00"), s5, "H3", [("A", A1, 40, "WH-A")])
    inv_h3b, _ = L.sinv(t("2026-10-23 15:00"), "H3", s5, [("A", 40, 1100)], label="inv_h3b")
    L.pay_in(t("2026-10-30 10:00"), "H3", 55000, [inv_h3a])
    L.pay_in(t("2026-11-06 10:00"), "H3", 99000, [inv_h3a, inv_h3b], label="double")
    L.exp("TTGK-S", "inv_h3b", "format.md payment.invoices 'The amount goes to them in order, each up to its open amount, the last taking "
          "the remainder': the first invoice was paid on 10-30 (open 0), so the second takes 990.00 against 440.00; rules.md TTGK-S "
          "'payments must not exceed the invoice'; not refunded within correction_days after the payment (due 11-20 10:00); Points at "
          "the invoice, seqs add the payments")

    # counts at month end
    L.count(t("2026-10-31 17:00"), "WH-A", [("A", A1, 210), ("A", A2, 230)])
    L.count(t("2026-10-31 17:10"), "WH-B", [("A", A1, 150), ("GL", GB, 71)], label="count_whb")
    L.exp("STOCK-COUNT", "count_whb", "rules.md STOCK-COUNT: WH-B books GL 300-200-24 = 76, counted 71")
    L.count(t("2026-10-31 17:20"), "WH-C", [("SH", SB, 600)])
    L.count(t("2026-10-31 17:30"), "QA", [("A", A2, 0)])
    L.count(t("2026-10-31 17:40"), "RCV", [("A", A1, 0), ("GL", GB, 0)])
    L.loss(t("2026-11-01 10:00"), t("2026-10-31 17:30"), "loss", [("GL", GB, 5, "WH-B")], [])
    L.count(t("2026-11-01 15:00"), "WH-B", [("A", A1, 150), ("GL", GB, 71)])

    s6 = L.sale(t("2026-11-10 09:00"), "H2", [("SH", SB, SE, 100, 130)])
    L.review(t("2026-11-10 09:30"), s6, "H2", [("SH", SB, SE, 100)])
    L.dispatch(t("2026-11-10 10:00"), s6, "H2", [("SH", SB, 100, "WH-C")])
    i6, _ = L.sinv(t("2026-11-10 15:00"), "H2", s6, [("SH", 100, 130)])
    L.pay_in(t("2026-11-25 10:30"), "H2", 13000, [i6])
    s7 = L.sale(t("2026-11-12 09:00"), "H3", [("A", A2, A2E, 30, 1100)])
    L.review(t("2026-11-12 09:30"), s7, "H3", [("A", A2, A2E, 30)])
    L.dispatch(t("2026-11-12 10:00"), s7, "H3", [("A", A2, 30, "WH-A")])
    i7, _ = L.sinv(t("2026-11-12 15:00"), "H3", s7, [("A", 30, 1100)])
    L.pay_in(t("2026-11-26 10:00"), "H3", 33000, [i7])
    L.count(t("2026-11-30 17:00"), "WH-A", [("A", A1, 210)], label="count_wha_omit")
    L.exp("STOCK-COUNT", "count_wha_omit", "format.md stock_count.location 'A batch on the books there but missing from the sheet counts "
          "as found 0': batch 2610052 (250-20-30 = 200 on the books) left off the sheet")
    L.count(t("2026-12-01 10:00"), "WH-A", [("A", A1, 210), ("A", A2, 200)])
    L.count(t("2026-12-05 10:00"), "WH-C", [("SH", SB, 500)])
    L.notes.append("quiet: three receipts of one order (400 + 350 + 250 = 1000) invoiced by receipt (refs.receipt) and by order; "
                   "instalments 1,720.00 then 1,720.00 + 3,010.00 in one payment naming two invoices; the 2,500.00 back-order invoice paid "
                   "net of its 172.00 credit note; a sale of 300 shipped 100/120/80 from WH-A and WH-B, one invoice naming the three delivery "
                   "notes (format.md refs.delivery_note 'A sales invoice without sale is matched to the goods of these dispatches'), paid "
                   "1,500.00 + 1,650.00 (the second payment naming the small invoice first); a 60.00 price reduction (quantity 0) paid net")
    L.notes.append("books (10-31): WH-A A 2609171 400-100-50-40 = 210, 2610052 250-20 = 230; WH-B A 350-120-80 = 150, GL 76 (counted "
                   "71); WH-C SH 600; QA 0; RCV 0. The 5 missing boxes are booked as a loss on 11-01 and the recount agrees; WH-A "
                   "2610052 = 200 on 11-30")
    return L


# ====================================================================================== 276
def l276():
    L = Ledger(276, "beijing-midnight-deadlines-invoice-dated-after-booking-unpaid-from-0000-beijing-uninvoiced-at-2350-supplier-licence-starting-near-expiry-90-days",
               "VIOLATION: deadlines and dates counted in Beijing time around midnight and month ends: invoices booked on 10-30 but "
               "dated 11-01 are due 60 days from 00:00 Beijing of 11-01 (paid at exactly 12-31 00:00:00 quiet, at 00:00:01 late); a "
               "purchase invoice dated 10-05 received 10-20 is due 60 days from its receipt (paid on day 71 after its date, quiet); "
               "dispatches at 23:50 and 23:55 on 10-31 invoiced at exactly 30 days and 30 days + 1 s; a new supplier's licence starting "
               "12-01 (order at 23:30 on 11-30 fires, at 00:30 on 12-01 quiet); dispatches 91 and 90 Beijing days before expiry")
    L.notes.append(CONV)
    L.notes.append("浙江新康医药 (a new wholesaler) was qualified in advance: its licence is valid from 2026-12-01; it supplies 复方丹参滴丸, "
                   "sold only to a private hospital (TWO-INVOICE not concerned)")
    L.master(t("2026-09-28 09:00"), ["M1", "W2", "H3", "C1"], ["A", "D", "F"], [("WH-A", "ambient")])
    AO, AOE = "2603011", "2027-02-28"
    AN, ANE = "2609011", "2028-08-31"
    DB, DE = "2610081", "2029-10-07"
    FB, FE = "2610221", "2029-10-21"
    cgx = L.purchase(t("2026-10-03 09:00"), "M1", [("A", 400, 860)])
    r = L.receipt(t("2026-10-05 10:00"), "M1", cgx, [dict(p="A", batch=AO, prod="2026-03-01", exp=AOE, arrived=200, accepted=200),
                                                      dict(p="A", batch=AN, prod="2026-09-01", exp=ANE, arrived=200, accepted=200)])
    L.put_away(t("2026-10-05 11:00"), r, [("A", AO, 200, "RCV", "WH-A"), ("A", AN, 200, "RCV", "WH-A")])
    pix, _ = L.pinv(t("2026-10-20 10:00"), "M1", cgx, [("A", 400, 860)], issued_on="2026-10-05", label="pinv_received_late")
    cgy = L.purchase(t("2026-10-20 09:00"), "M1", [("D", 200, 520)])
    r = L.receipt(t("2026-10-22 10:00"), "M1", cgy, [dict(p="D", batch=DB, prod="2026-10-08", exp=DE, arrived=200, accepted=200)])
    L.put_away(t("2026-10-22 11:00"), r, [("D", DB, 200, "RCV", "WH-A")])
    piy, _ = L.pinv(t("2026-10-22 15:00"), "M1", cgy, [("D", 200, 520)])
    L.pay_out(t("2026-11-20 10:00"), "M1", 104000, [piy])
    L.pay_out(t("2026-12-15 10:00"), "M1", 344000, [pix], label="pay_late_received")

    # T1: invoices dated 11-01, booked 10-30
    s1 = L.sale(t("2026-10-29 09:00"), "H3", [("A", AN, ANE, 100, 1100)])
    L.review(t("2026-10-29 10:00"), s1, "H3", [("A", AN, ANE, 100)])
    L.dispatch(t("2026-10-29 11:00"), s1, "H3", [("A", AN, 100, "WH-A")])
    ia, _ = L.sinv(t("2026-10-30 10:00"), "H3", s1, [("A", 100, 1100)], issued_on="2026-11-01", label="inv_a")
    s2 = L.sale(t("2026-10-29 09:30"), "C1", [("A", AN, ANE, 100, 1080)])
    L.review(t("2026-10-29 10:30"), s2, "C1", [("A", AN, ANE, 100)])
    L.dispatch(t("2026-10-29 11:30"), s2, "C1", [("A", AN, 100, "WH-A")])
    ib, _ = L.sinv(t("2026-10-30 10:10"), "C1", s2, [("A", 100, 1080)], issued_on="2026-11-01", label="inv_b")
    L.pay_in(t("2026-12-31 00:00:00"), "H3", 110000, [ia], label="pay_a")
    L.pay_in(t("2026-12-31 00:00:01"), "C1", 108000, [ib], label="pay_b")
    L.exp("UNPAID", "inv_b", "format.md invoice.issued_on 'The payment deadline (UNPAID) runs from the later of this day (taken at 00:00 "
          "Beijing time) and occurred_at': 2026-11-01 00:00 +08:00 (= 10-31 16:00 UTC) + 60 days = 2026-12-31 00:00 +08:00; paid "
          "one second later (rules.md 'an event exactly at the deadline is in time, one a second later is not'); its twin @inv_a@ paid "
          "at exactly 00:00:00 is quiet. A tool counting from 00:00 UTC of the date would make the deadline 12-31 08:00 Beijing and "
          "call both in time")

    # T2: dispatches at 23:50 and 23:55 on 10-31, invoices at +30 days and +30 days + 1 s
    s3 = L.sale(t("2026-10-31 22:00"), "H3", [("D", DB, DE, 60, 650)])
    L.review(t("2026-10-31 23:00"), s3, "H3", [("D", DB, DE, 60)])
    L.dispatch(t("2026-10-31 23:50"), s3, "H3", [("D", DB, 60, "WH-A")], label="d3")
    s4 = L.sale(t("2026-10-31 22:10"), "C1", [("D", DB, DE, 50, 640)])
    L.review(t("2026-10-31 23:05"), s4, "C1", [("D", DB, DE, 50)])
    L.dispatch(t("2026-10-31 23:55"), s4, "C1", [("D", DB, 50, "WH-A")], label="d4")
    ic, _ = L.sinv(t("2026-11-30 23:50:00"), "H3", s3, [("D", 60, 650)], label="inv_c")
    idd, _ = L.sinv(t("2026-11-30 23:55:01"), "C1", s4, [("D", 50, 640)], label="inv_d")
    L.pay_in(t("2026-12-10 10:00"), "H3", 39000, [ic])
    L.pay_in(t("2026-12-10 10:30"), "C1", 32000, [idd])
    L.exp("UNINVOICED", "d4", "rules.md UNINVOICED uninvoiced_days 30 ('that many 24-hour days from the instant'): dispatched 10-31 "
          "23:55:00 Beijing, invoiced 11-30 23:55:01, one second late; its twin @d3@, invoiced at exactly 30 days, is quiet")

    # T4: near-expiry counted in Beijing days (expiry 2027-02-28)
    s5 = L.sale(t("2026-11-29 20:00"), "C1", [("A", AO, AOE, 30, 1000)])
    L.review(t("2026-11-29 22:00"), s5, "C1", [("A", AO, AOE, 30)])
    L.dispatch(t("2026-11-29 23:30"), s5, "C1", [("A", AO, 30, "WH-A")], label="d5")
    s6 = L.sale(t("2026-11-29 21:00"), "H3", [("A", AO, AOE, 30, 1050)])
    L.review(t("2026-11-29 23:40"), s6, "H3", [("A", AO, AOE, 30)])
    L.dispatch(t("2026-11-30 00:30"), s6, "H3", [("A", AO, 30, "WH-A")], label="d6")
    i5, _ = L.sinv(t("2026-11-30 10:00"), "C1", s5, [("A", 30, 1000)])
    i6, _ = L.sinv(t("2026-11-30 10:10"), "H3", s6, [("A", 30, 1050)])
    L.pay_in(t("2026-12-15 10:30"), "C1", 30000, [i5])
    L.pay_in(t("2026-12-15 11:00"), "H3", 31500, [i6])
    L.exp("EXPIRED-NEAR", "d6", "rules.md EXPIRED-NEAR 'this many days or fewer before the batch's expiry' (90); format.md Dates: "
          "compared with the date of occurred_at at UTC+08:00: 11-30 (00:30 Beijing, 11-29 16:30 UTC) is 90 days before 2027-02-28; "
          "@d5@ at 23:30 on 11-29 is 91 days before: quiet")

    # T3: supplier licence valid from 12-01
    cga = L.purchase(t("2026-11-30 23:30"), "W2", [("F", 100, 2300)], label="cg_w2a")
    cgb = L.purchase(t("2026-12-01 00:30"), "W2", [("F", 50, 2300)], label="cg_w2b")
    L.exp("SUP-LIC", "cg_w2a", "rules.md SUP-LIC 'whose licence is valid on the event date': licence valid_from 2026-12-01; the order "
          "of 23:30 on 11-30 Beijing is the day before; the order of 00:30 on 12-01 Beijing (@cg_w2b@; 11-30 16:30 UTC) is quiet")
    r = L.receipt(t("2026-12-02 10:00"), "W2", [cga, cgb], [dict(p="F", batch=FB, prod="2026-10-22", exp=FE, arrived=150, accepted=150)])
    L.put_away(t("2026-12-02 11:00"), r, [("F", FB, 150, "RCV", "WH-A")])
    pw, _ = L.pinv(t("2026-12-02 15:00"), "W2", [cga, cgb], [("F", 150, 2300)])
    L.pay_out(t("2026-12-12 10:00"), "W2", 345000, [pw])
    s7 = L.sale(t("2026-12-05 09:00"), "H3", [("F", FB, FE, 40, 2600)])
    L.review(t("2026-12-05 10:00"), s7, "H3", [("F", FB, FE, 40)])
    L.dispatch(t("2026-12-05 11:00"), s7, "H3", [("F", FB, 40, "WH-A")])
    i7, _ = L.sinv(t("2026-12-05 15:00"), "H3", s7, [("F", 40, 2600)])
    L.pay_in(t("2026-12-20 10:00"), "H3", 104000, [i7])
    L.count(t("2027-01-05 10:00"), "WH-A", [("A", AO, 140), ("D", DB, 90), ("F", FB, 110)])
    L.notes.append("quiet: @pinv_received_late@ (issued_on 10-05, received and booked 10-20 10:00) is due 60 days after the later of the "
                   "two, 12-19 10:00; paid 12-15 (@pay_late_received@), 71 days after its date: a tool counting from issued_on alone "
                   "would say UNPAID on 12-04")
    L.notes.append("books: WH-A A 2603011 200-30-30 = 140, 2609011 0 (left off), D 200-60-50 = 90, F 150-40 = 110: the count agrees")
    return L


# ====================================================================================== 277
def l277():
    L = Ledger(277, "return-window-to-the-second-code-memory-to-the-end-of-the-beijing-day-night-dispatch-uncoded-return-allowance-code-dup-at-2330-code-unknown-at-0030",
               "VIOLATION: seven months (April-November 2026) of 头孢克洛胶囊 (ordinary, 20-digit codes) and 阿莫西林: returns at the "
               "end of the 180-day window and code memory at the end of the Beijing day: a night dispatch at 00:30 Beijing on 04-10 "
               "(04-09 UTC); a return of its codes at noon on 10-07 (sale window passed at 00:20, codes still known to the end of the "
               "Beijing day) and at 00:00:30 on 10-08 (codes forgotten); a return at exactly 180 days (quiet); codes of a batch "
               "returned unscanned shipped again on 10-20 (quiet), at 23:30 on 10-28 (allowance used: CODE-DUP) and at 00:30 on 10-29 "
               "(forgotten: CODE-UNKNOWN)")
    L.notes.append(CONV)
    L.master(t("2026-04-01 09:00"), ["M1", "H1", "H2", "H3"], ["K", "A"], [("WH-A", "ambient")])
    k = {i: code20("8106789", i) for i in list(range(1, 61)) + list(range(101, 151))}
    K1, K1E = "2603201", "2028-03-19"
    K2, K2E = "2603281", "2028-03-27"
    AB, AE = "2603151", "2028-03-14"
    cg = L.purchase(t("2026-04-03 09:00"), "M1", [("K", 110, 900), ("A", 300, 860)])
    r = L.receipt(t("2026-04-06 10:00"), "M1", cg, [
        dict(p="K", batch=K1, prod="2026-03-20", exp=K1E, arrived=60, accepted=60, codes=[k[i] for i in range(1, 61)]),
        dict(p="K", batch=K2, prod="2026-03-28", exp=K2E, arrived=50, accepted=50, codes=[k[i] for i in range(101, 151)]),
        dict(p="A", batch=AB, prod="2026-03-15", exp=AE, arrived=300, accepted=300)])
    L.put_away(t("2026-04-06 11:00"), r, [("K", K1, 60, "RCV", "WH-A", [k[i] for i in range(1, 61)]),
                                          ("K", K2, 50, "RCV", "WH-A", [k[i] for i in range(101, 151)]),
                                          ("A", AB, 300, "RCV", "WH-A")])
    pi, _ = L.pinv(t("2026-04-06 15:00"), "M1", cg, [("K", 110, 900), ("A", 300, 860)])
    L.pay_out(t("2026-05-06 10:00"), "M1", 99000 + 258000, [pi])

    s1 = L.sale(t("2026-04-10 00:20"), "H1", [("K", K1, K1E, 20, 1100)], label="s1")
    L.review(t("2026-04-10 00:25"), s1, "H1", [("K", K1, K1E, 20)])
    L.dispatch(t("2026-04-10 00:30"), s1, "H1", [("K", K1, 20, "WH-A", [k[i] for i in range(1, 21)])], label="d1",
               consignee="杭州市第一人民医院 急诊药房")
    i1, _ = L.sinv(t("2026-04-10 09:00"), "H1", s1, [("K", 20, 1100)])
    L.pay_in(t("2026-05-10 10:00"), "H1", 22000, [i1])
    s2 = L.sale(t("2026-04-20 10:00:00"), "H2", [("K", K1, K1E, 10, 1100)], label="s2")
    L.review(t("2026-04-20 10:30"), s2, "H2", [("K", K1, K1E, 10)])
    L.dispatch(t("2026-04-20 11:00"), s2, "H2", [("K", K1, 10, "WH-A", [k[i] for i in range(21, 31)])])
    i2, _ = L.sinv(t("2026-04-20 15:00"), "H2", s2, [("K", 10, 1100)])
    L.pay_in(t("2026-05-20 10:00"), "H2", 11000, [i2])
    s3 = L.sale(t("2026-05-01 10:00"), "H1", [("K", K2, K2E, 10, 1100)])
    L.review(t("2026-05-01 10:30"), s3, "H1", [("K", K2, K2E, 10)])
    L.dispatch(t("2026-05-01 11:00"), s3, "H1", [("K", K2, 10, "WH-A", [k[i] for i in range(101, 111)])])
    i3, _ = L.sinv(t("2026-05-01 15:00"), "H1", s3, [("K", 10, 1100)])
    r5 = L.cust_return(t("2026-05-05 10:00"), "H1", s3, [("K", K2, 2, "RET")], reason="包装破损，追溯码无法识读，退回 2 盒", label="r5")
    cn5, _ = L.sinv(t("2026-05-06 10:00"), "H1", s3, [("K", 2, 1100)], credit_for=i3)
    L.transfer(t("2026-05-07 10:00"), "release", [("K", K2, 2, "RET", "WH-A")], refs={"receipt": [r5]}, by=["质管-周敏"])
    L.pay_in(t("2026-05-20 10:30"), "H1", 8800, [i3])

    # monthly lawful business of amoxicillin
    plan = [("04-15", "H1", 20), ("04-25", "H3", 15), ("05-15", "H2", 20), ("05-25", "H1", 15), ("06-15", "H1", 20),
            ("06-25", "H3", 15), ("07-15", "H2", 20), ("07-25", "H1", 15), ("08-15", "H1", 20), ("08-25", "H3", 15),
            ("09-15", "H2", 20), ("09-25", "H1", 15), ("10-15", "H1", 20), ("10-25", "H3", 15)]
    for md, cu, q in plan:
        pr = 1100 if cu == "H3" else 1050
        d0 = t("2026-%s 09:00" % md)
        s = L.sale(d0, cu, [("A", AB, AE, q, pr)])
        L.review(d0 + hours(1), s, cu, [("A", AB, AE, q)])
        L.dispatch(d0 + hours(2), s, cu, [("A", AB, q, "WH-A")])
        iv, _ = L.sinv(d0 + hours(6), cu, s, [("A", q, pr)])
        L.pay_in(d0 + days(20) + hours(1), cu, q * pr, [iv])

    # returns around the end of the window
    L.cust_return(t("2026-10-07 12:00"), "H1", s1, [("K", K1, 2, "RET", [k[1], k[2]])], reason="清理库存退回", label="r1")
    L.exp("RETURN-ORIG", "r1", "rules.md RETURN-ORIG 'A sale is remembered for return_window_days from its occurred_at, to the second': "
          "the sale of 2026-04-10 00:20 Beijing is forgotten after 10-07 00:20; no CODE-UNKNOWN: the codes left on the Beijing day 04-10 "
          "and are known 'to the end of the local (Beijing) day return_window_days after the day it left', 10-07 23:59:59 Beijing (a "
          "count in UTC days, from 04-09, would end at 10-07 07:59:59 Beijing and make this CODE-UNKNOWN)")
    L.cust_return(t("2026-10-08 00:00:30"), "H1", s1, [("K", K1, 1, "RET", [k[3]])], reason="清理库存退回", label="r2")
    L.exp("RETURN-ORIG", "r2", "as @r1@: the sale window ended 10-07 00:20")
    L.exp("CODE-UNKNOWN", "r2", "rules.md CODE-UNKNOWN 'from the next day on it is not known, so a unit returned ... later is "
          "CODE-UNKNOWN too (beside RETURN-ORIG for a return outside its sale's window)': 10-08 00:00:30 Beijing is the day after 10-07")
    r3 = L.cust_return(t("2026-10-17 10:00:00"), "H2", s2, [("K", K1, 2, "RET", [k[21], k[22]])], reason="科室停用退回", label="r3")
    cn3, _ = L.sinv(t("2026-10-18 10:00"), "H2", s2, [("K", 2, 1100)], credit_for=i2)
    L.pay_out(t("2026-10-20 10:00"), "H2", 2200, [cn3])

    # codes of batch 2603281 (2 boxes came back unscanned on 05-05) shipped again
    s8 = L.sale(t("2026-10-20 09:00"), "H3", [("K", K2, K2E, 2, 1150)])
    L.review(t("2026-10-20 09:30"), s8, "H3", [("K", K2, K2E, 2)])
    L.dispatch(t("2026-10-20 10:00"), s8, "H3", [("K", K2, 2, "WH-A", [k[101], k[102]])], label="d8")
    i8, _ = L.sinv(t("2026-10-20 15:00"), "H3", s8, [("K", 2, 1150)])
    s9 = L.sale(t("2026-10-28 22:00"), "H3", [("K", K2, K2E, 5, 1150)])
    L.review(t("2026-10-28 23:00"), s9, "H3", [("K", K2, K2E, 5)])
    L.dispatch(t("2026-10-28 23:30:00"), s9, "H3", [("K", K2, 5, "WH-A", [k[103], k[111], k[112], k[113], k[114]])], label="d9")
    i9, _ = L.sinv(t("2026-10-29 10:00"), "H3", s9, [("K", 5, 1150)])
    L.exp("CODE-DUP", "d9", "rules.md CODE-DUP 'dispatched after it had already left': the 3rd code of the 05-01 shipment, still known "
          "(to the end of 10-28 Beijing, 180 days after 05-01); the 2 boxes returned unscanned on 05-05 were taken by @d8@")
    s10 = L.sale(t("2026-10-28 23:40"), "H2", [("K", K2, K2E, 5, 1100)])
    L.review(t("2026-10-28 23:50"), s10, "H2", [("K", K2, K2E, 5)])
    L.dispatch(t("2026-10-29 00:30"), s10, "H2", [("K", K2, 5, "WH-A", [k[104], k[115], k[116], k[117], k[118]])], label="d10")
    i10, _ = L.sinv(t("2026-10-29 10:10"), "H2", s10, [("K", 5, 1100)])
    L.exp("CODE-UNKNOWN", "d10", "rules.md CODE-UNKNOWN 'A code that left the company is remembered to the end of the local (Beijing) day "
          "return_window_days after the day it left; from the next day on it is not known, so a unit ... shipped again later is "
          "CODE-UNKNOWN too': left 05-01, shipped again 00:30 on 10-29 Beijing (10-28 16:30 UTC)")
    L.pay_in(t("2026-11-10 10:00"), "H3", 2300 + 5750, [i8, i9])
    L.pay_in(t("2026-11-10 10:30"), "H2", 5500, [i10])
    L.count(t("2026-11-20 10:00"), "WH-A", [("K", K1, 30), ("K", K2, 30), ("A", AB, 55)])
    L.count(t("2026-11-20 10:30"), "RET", [("K", K1, 5)])
    L.notes.append("quiet: @r3@ returns codes of the sale of 04-20 10:00:00 at exactly 10-17 10:00:00 ('a return at exactly that instant "
                   "still finds it'), credited and refunded; @d8@ ships two codes that left on 05-01 after 2 boxes of the batch came back "
                   "unscanned on 05-05 (CODE-DUP 'taken for one of those ... until return_window_days after the batch's last such return')")
    L.notes.append("the late returns @r1@ and @r2@ are not credited (the claims were refused; the goods wait in RET); their sale is "
                   "forgotten, so they lower no goods (no TTGK-S)")
    L.notes.append("books: WH-A K 2603201 60-20-10 = 30, K 2603281 50-10+2-2-5-5 = 30, A 300-245 = 55; RET K 2603201 2+1+2 = 5")
    return L
