from world22 import *

CONV = ("conventions of samples/inspections/README.md: master data first; owner 浙江瑞康医药有限公司 (91330106MA2L7R4K08, Hangzhou, wholesaler); "
        "entered_at 5 min after occurred_at (temperature uploads 30 s); ids UUID v7 of entered_at, increasing; USCCs with GB 32100/GB 11714 check "
        "characters; 本位码/GTIN-14 with GS1 check digits; instants +08:00; invoices 20-digit 数电票 numbers; RCV, QA and RET are unregistered "
        "staging/quarantine/returns locations")


def l264():
    L = Ledger(264, 264)
    B = Biz(L, OWNER)
    B.master(t(2026, 9, 28, 8, 30), [OWNER, M1, H1, H2, H3], [AMOX, CEF])
    A1, C1, C2 = "2608210117", "2607150403", "2607150404"
    p = B.buy(t(2026, 10, 8, 9), M1, [(AMOX, A1, "2026-08-21", "2028-07-31", 600, 860),
                                     (CEF, C1, "2026-07-15", "2028-06-30", 200, 1250),
                                     (CEF, C2, "2026-07-15", "2028-06-30", 200, 1250)])
    s1 = B.sell(t(2026, 10, 12, 9), H1, [(AMOX, A1, "2028-07-31", 100, 1030)], pay=False)
    s2 = B.sell(t(2026, 10, 12, 10), H2, [(CEF, C1, "2028-06-30", 50, 1500)], pay_days=6)
    s3 = B.sell(t(2026, 10, 13, 9, 30), H3, [(CEF, C2, "2028-06-30", 60, 1500), (AMOX, A1, "2028-07-31", 40, 1030)], pay_days=5)
    # lawful return within the window, credit note, release, H1 pays net, resold
    th1 = B.creturn(t(2026, 10, 15, 10), H1, [s1["xs"]], [(AMOX, A1, 10)], "科室用量调整，外包装完好，协商退货", refs_extra={"delivery_note": [s1["ps"]]})
    cn, _ = B.inv(t(2026, 10, 16, 9), "sale", OWNER["party"], H1["party"], [(AMOX["product"], 10, 1030)], {"sale": [s1["xs"]]}, credit_for=s1["inv"])
    B.transfer(t(2026, 10, 16, 15), "release", [(AMOX, A1, 10, "RET", "WH-A")], refs={"receipt": [th1]})
    B.pay(t(2026, 10, 20, 10), "incoming", H1, OWNER, 90 * 1030, [s1["inv"]])
    # planted: H2 returns batch C2, which was sold to H3, quoting its own sale of C1
    B.creturn(t(2026, 10, 16, 10), H2, [s2["xs"]], [(CEF, C2, 5)], "批号与订单不符，退回", mark="r_batch")
    # planted: H3 returns 61 of C2 quoting S3, which dispatched 60
    B.creturn(t(2026, 10, 17, 10), H3, [s3["xs"]], [(CEF, C2, 61)], "病区停用，整批退回", mark="r_over")
    # planted: H2 returns AMOX, a product never on its sale S2 and never sold to it
    B.creturn(t(2026, 10, 18, 10), H2, [s2["xs"]], [(AMOX, A1, 3)], "误订，退回", mark="r_prod")
    # lawful resale of the released H1 units to H3
    B.sell(t(2026, 10, 19, 9), H3, [(AMOX, A1, "2028-07-31", 10, 1030)], pay_days=1)
    # planted: CEF C2 from the returns area shipped to H1 without release
    B.sell(t(2026, 10, 20, 9), H1, [(CEF, C2, "2028-06-30", 20, 1500)], frm="RET", pay=False, mark_disp="q_disp")
    lines, m = L.finish()
    hdr = ["264 VIOLATION: customer returns of 头孢克肟片/阿莫西林胶囊 to 浙江瑞康医药 in October 2026: a lawful return inside the window (credit note, release after re-inspection, paid net, resold), a hospital returning a batch it was never sold (sold to another hospital) under its own sale, a return of 1 unit more than the sale dispatched, a return of a product that was never on the sale nor sold to that hospital, and returned goods shipped out of RET without release",
           "note: " + CONV,
           "note: 杭州市第三人民医院 returns 10 of 100 on day 3 (well inside return_window_days = 180), credit note for 10 (credit_for the invoice), transfer reason release RET->WH-A, pays 90 units net, and the 10 are resold to 杭州康桥医院: quiet",
           "note: planted r_batch: 余杭区第一人民医院 bought batch %s (sale %s) but returns 5 of batch %s (sold only to 康桥医院) quoting %s -> RETURN-ORIG" % (C1, s2["xs"], C2, s2["xs"]),
           "note: planted r_over: 康桥医院 returns 61 of batch %s quoting %s, which dispatched 60 -> RETURN-ORIG (seqs add the sale)" % (C2, s3["xs"]),
           "note: planted r_prod: 余杭区第一人民医院 returns 3 阿莫西林胶囊 quoting %s (头孢克肟片 only) -> RETURN-ORIG" % s2["xs"],
           "note: planted q_disp: sale to 第三人民医院 of 20 头孢克肟片 %s shipped from RET (the disputed returned goods, never released) -> QUARANTINE at the dispatch" % C2,
           "note: the disputed returns are neither credited nor released; the ledger ends 20 Oct, so no TTGK-S correction deadline (14 days after the returns), UNINVOICED or UNPAID deadline passes (they may be pending)",
           "why: RETURN-ORIG rules.md 'A customer return must reference an earlier sale to the same customer of the same product and batch, and cumulative returns must not exceed what was dispatched'",
           "why: QUARANTINE rules.md 'Stock in a quarantine or returns location may move only to another quarantine location, back to the supplier, to destruction, or to storage by an explicit release after re-inspection; never straight to a customer'; quarantine_locations default [\"QA\", \"RET\"]"]
    exp = [("RETURN-ORIG", m["r_batch"][0]), ("RETURN-ORIG", m["r_over"][0]), ("RETURN-ORIG", m["r_prod"][0]), ("QUARANTINE", m["q_disp"][0])]
    return "264-customer-returns-wrong-batch-over-dispatched-product-never-sold-lawful-return-credited-and-resold-shipped-from-ret", lines, hdr, exp


def l265():
    L = Ledger(265, 265)
    B = Biz(L, OWNER)
    B.master(t(2026, 9, 28, 8, 30), [OWNER, M1, H1, H2, H3], [AMOX, CEF])
    A2, C3 = "2608260921", "2607300512"
    o1 = B.buy(t(2026, 10, 1, 9), M1, [(AMOX, A2, "2026-08-26", "2028-07-31", 500, 860)], pay=False)
    o2 = B.buy(t(2026, 10, 1, 9, 30), M1, [(CEF, C3, "2026-07-30", "2028-06-30", 400, 1250)], pay=False)
    # O2 paid in full before the quality problem
    B.pay(t(2026, 10, 6, 10), "outgoing", OWNER, M1, o2["total"], [o2["inv"]])
    # supplier return 1: credit note exactly 14 days later, paid net
    B.transfer(t(2026, 10, 5, 9), "quarantine", [(AMOX, A2, 20, "WH-A", "QA")])
    B.sreturn(t(2026, 10, 5, 14), M1, {"order": [o1["po"]], "receipt": [o1["sh"]]}, [(AMOX, A2, 20, "QA")], "养护检查发现铝塑泡罩漏气，供应商同意退货")
    B.inv(t(2026, 10, 19, 14), "purchase", M1["party"], OWNER["party"], [(AMOX["product"], 20, 860)], {"order": [o1["po"]]}, credit_for=o1["inv"])
    B.pay(t(2026, 10, 20, 10), "outgoing", OWNER, M1, 480 * 860, [o1["inv"]])
    # supplier return 2: credit note 14 days + 5 h later (the clock passes the deadline at 10:00:01 with another event)
    B.transfer(t(2026, 10, 8, 9), "quarantine", [(CEF, C3, 30, "WH-A", "QA")])
    B.sreturn(t(2026, 10, 8, 10), M1, {"order": [o2["po"]], "receipt": [o2["sh"]]}, [(CEF, C3, 30, "QA")], "外箱受潮，供应商同意退货")
    L.events[-1][3] = None
    # customer side
    s1 = B.sell(t(2026, 10, 6, 9), H1, [(AMOX, A2, "2028-07-31", 100, 1030)], pay_days=6)
    s2 = B.sell(t(2026, 10, 6, 10), H2, [(CEF, C3, "2028-06-30", 50, 1500)], pay_days=4)
    s3 = B.sell(t(2026, 10, 7, 9), H3, [(AMOX, A2, "2028-07-31", 60, 1030)], pay_days=4)
    # H2: return, credit note, refund to its registered account, goods released: quiet
    B.creturn(t(2026, 10, 12, 10), H2, [s2["xs"]], [(CEF, C3, 10)], "多订，外包装完好")
    cn2, _ = B.inv(t(2026, 10, 13, 9), "sale", OWNER["party"], H2["party"], [(CEF["product"], 10, 1500)], {"sale": [s2["xs"]]}, credit_for=s2["inv"])
    B.pay(t(2026, 10, 15, 10), "outgoing", OWNER, H2, 10 * 1500, [cn2])
    B.transfer(t(2026, 10, 14, 15), "release", [(CEF, C3, 10, "RET", "WH-A")])
    # planted: H1 returns 10 after paying in full; no credit note ever
    B.creturn(t(2026, 10, 13, 10), H1, [s1["xs"]], [(AMOX, A2, 10)], "外包装破损", mark="ret_nocn")
    # planted: H3 credit note and refund to an unregistered personal card
    B.creturn(t(2026, 10, 14, 10), H3, [s3["xs"]], [(AMOX, A2, 5)], "近效期调换")
    cn3, _ = B.inv(t(2026, 10, 14, 15), "sale", OWNER["party"], H3["party"], [(AMOX["product"], 5, 1030)], {"sale": [s3["xs"]]}, credit_for=s3["inv"])
    B.pay(t(2026, 10, 16, 10), "outgoing", OWNER, H3, 5 * 1030, [cn3], payee_acct="6217000140026888315", mark="refund_bad")
    # the clock passes return 2's deadline (8 Oct 10:00 + 14 d) with H1's payment of a new sale at 22 Oct 10:00:01
    s4 = B.sell(t(2026, 10, 20, 9), H1, [(AMOX, A2, "2028-07-31", 30, 1030)], pay=False)
    B.pay(t(2026, 10, 22, 10, 0, 1), "incoming", H1, OWNER, s4["total"], [s4["inv"]])
    B.inv(t(2026, 10, 22, 15), "purchase", M1["party"], OWNER["party"], [(CEF["product"], 30, 1250)], {"order": [o2["po"]]}, credit_for=o2["inv"])
    B.pay(t(2026, 10, 24, 10), "incoming", M1, OWNER, 30 * 1250, [o2["inv"]])
    # mark the original O2 invoice
    for r in L.events:
        if r[2]["kind"] == "invoice" and r[2]["data"]["doc"] == o2["inv"]:
            r[3] = "inv_o2"
        if r[2]["kind"] == "invoice" and r[2]["data"]["doc"] == s1["inv"]:
            r[3] = "inv_s1"
    # month-end count of WH-A agrees with the books
    B.L.add("stock_count", t(2026, 11, 1, 17), {"doc": "PD2026110100001", "location": "WH-A", "lines": [
        {"product": AMOX["product"], "batch": A2, "counted": 500 - 20 - 100 - 60 - 30},
        {"product": CEF["product"], "batch": C3, "counted": 400 - 30 - 50 + 10}]}, ["保管-赵磊", QM])
    lines, m = L.finish()
    hdr = ["265 VIOLATION: supplier returns and customer returns and what the invoices do afterwards: a supplier return credited exactly 14 days later (quiet), one credited 14 days + 5 h later (the clock passed the deadline a second after it), a customer return never credited, a customer return credited and refunded to a personal card, a customer return credited and refunded properly",
           "note: " + CONV,
           "note: supplier return 1 (20 阿莫西林胶囊 of order %s) on 5 Oct 14:00; its purchase credit note on 19 Oct 14:00:00 = correction_days (14) later exactly: 'an event exactly at the deadline is in time' -> quiet; the order is then paid net (480 units)" % o1["po"],
           "note: planted inv_o2: order %s (400 头孢克肟片) was paid in full on 6 Oct; 30 returned to the supplier on 8 Oct 10:00 make the invoiced 400 exceed the accepted-net-of-returns 370; the clock passes 22 Oct 10:00:00 with an incoming payment at 10:00:01; the credit note comes at 15:00 -> TTGK-P at the latest invoice of the order at that moment, the original invoice (the supplier's later refund of the overpayment from its registered account is quiet)" % o2["po"],
           "note: planted inv_s1: 杭州市第三人民医院 paid sale %s (100) in full on 12 Oct, returned 10 on 13 Oct 10:00 (goods stay in RET), no credit note by 27 Oct 10:00 (the ledger runs to 1 Nov) -> TTGK-S at the invoice (the only invoice of the sale)" % s1["xs"],
           "note: planted refund_bad: 杭州康桥医院 returns 5, credit note, and the refund goes to 6217000140026888315, not registered for it -> TTGK-S at the refund payment; the refund still counts against the invoice (format.md 'either way it counts against that invoice'), so no overpayment remains",
           "note: 余杭区第一人民医院: return 10, credit note next day, refund to its registered account, goods released RET->WH-A: quiet; 1 Nov stock count of WH-A equals the books",
           "why: TTGK-P rules.md 'invoiced quantities (net of credit notes) must not exceed the accepted quantities ... An excess is a fact when it is booked: it is pending at once and becomes a finding if not corrected (more goods, a credit note, a refund) within the correction window'; correction_days 14 'Counted from the latest record involved'; rules.md intro 'an event exactly at the deadline is in time, one a second later is not'",
           "why: TTGK-S rules.md 'invoiced quantities must not exceed the dispatched quantities (net of returns) ... An excess is pending at once and becomes a finding if not corrected within the correction window'",
           "why: TTGK-S via format.md 'A refund is a payment in the other direction: to a customer we refund with direction: outgoing (payer us, payee the customer, payee_account one registered for the customer)'; rules.md TTGK-S points at 'the payment whose payer or account does not fit an invoice it settles'"]
    exp = [("TTGK-P", m["inv_o2"][0]), ("TTGK-S", m["inv_s1"][0]), ("TTGK-S", m["refund_bad"][0])]
    exp.sort(key=lambda x: x[1])
    return "265-supplier-return-credited-at-14-days-and-14-days-plus-5h-customer-return-never-credited-refund-to-personal-card", lines, hdr, exp
