from lib21 import Ledger
from ops21 import *
from l256_258 import CONV

AB, ACB = "A2609114", "C2609207"  # amoxicillin / cefixime batches
AEXP, CEXP = "2028-08-31", "2028-09-30"

def l259():
    L = Ledger("259-stock-books-rejection-relocation-quarantine-supplier-return-credit-note-release-over-returned-relocation-out-of-qa-count-short-overpaid-instalment")
    master(L, "2026-10-08 08:30", [A, S, H, P], [AMX, CFX], ["WH-A", "WH-B"])
    purchase(L, "2026-10-08 09:30", "CG2026100800001", S, [(AMX, 600, 860), (CFX, 300, 1250)])
    receipt(L, "2026-10-09 10:00", "SH2026100900001", S, "CG2026100800001", "HKPS2026100800031",
            [rline(AMX, AB, "2026-09-11", AEXP, 600, 590, reason="外箱破损浸水 10 盒拒收"),
             rline(CFX, ACB, "2026-09-20", CEXP, 300, 300)], acceptors=["验收-孙立"])
    put_away(L, "2026-10-09 11:00", "RK2026100900001", [mline(AMX, AB, 590, "RCV", "WH-A"), mline(CFX, ACB, 300, "RCV", "WH-A")], "SH2026100900001")
    PI = "26332000000110090044"
    pinv = invoice(L, "2026-10-09 16:00", PI, "purchase", S, A, "2026-10-09", [(AMX, 590, 860), (CFX, 300, 1250)], {"order": ["CG2026100800001"]})
    transfer(L, "2026-10-12 09:00", "YK2026101200001", "relocation", [mline(CFX, ACB, 100, "WH-A", "WH-B")])
    transfer(L, "2026-10-13 14:00", "YK2026101300001", "quarantine", [mline(AMX, AB, 24, "WH-A", "QA")])
    sale(L, "2026-10-14 09:00", "XS2026101400001", H, [(AMX, AB, AEXP, 100, 990)])
    review(L, "2026-10-14 10:00", "FH2026101400001", H, ["XS2026101400001"], [(AMX, AB, AEXP, 100)], reviewers=["复核-林涛"])
    dispatch(L, "2026-10-14 11:00", "PS2026101400001", H, ["XS2026101400001"], [oline(AMX, AB, 100, "WH-A")])
    SI1 = "26332000000210140011"
    invoice(L, "2026-10-14 15:00", SI1, "sale", A, H, "2026-10-14", [(AMX, 100, 990)], {"sale": ["XS2026101400001"]})
    sale(L, "2026-10-15 09:00", "XS2026101500001", P, [(CFX, ACB, CEXP, 80, 1420)])
    review(L, "2026-10-15 10:00", "FH2026101500001", P, ["XS2026101500001"], [(CFX, ACB, CEXP, 80)], reviewers=["复核-林涛"])
    dispatch(L, "2026-10-15 11:00", "PS2026101500001", P, ["XS2026101500001"], [oline(CFX, ACB, 80, "WH-B")])
    SI2 = "26332000000210150012"
    invoice(L, "2026-10-15 15:00", SI2, "sale", A, P, "2026-10-15", [(CFX, 80, 1420)], {"sale": ["XS2026101500001"]})
    L.add("supplier_return", "2026-10-16 10:00", {"doc": "TC2026101600001", "supplier": S,
          "reason": "养护检查发现胶囊粘连，供应商同意退货", "lines": [oline(AMX, AB, 24, "QA")]},
          refs={"receipt": ["SH2026100900001"], "order": ["CG2026100800001"]}, by=["采购-李明", "质管-钱芳"])
    PC = "26332000000110160051"
    invoice(L, "2026-10-16 15:00", PC, "purchase", S, A, "2026-10-16", [(AMX, 24, 860)], {"order": ["CG2026100800001"]}, credit_for=PI)
    payment(L, "2026-10-20 10:00", "FK2026102000001", "outgoing", A, S, 400000, [PI])
    L.add("customer_return", "2026-10-20 14:00", {"doc": "TH2026102000001", "customer": P, "reason": "门店订货数量有误",
          "lines": [{"product": CFX, "batch": ACB, "quantity": 6, "to": "RET"}]},
          refs={"sale": ["XS2026101500001"], "delivery_note": ["PS2026101500001"]}, by=["销售-陈静", "验收-孙立"])
    SC = "26332000000210200013"
    invoice(L, "2026-10-20 16:00", SC, "sale", A, P, "2026-10-20", [(CFX, 6, 1420)], {"sale": ["XS2026101500001"]}, credit_for=SI2)
    neg = transfer(L, "2026-10-22 10:00", "YK2026102200001", "release", [mline(CFX, ACB, 8, "RET", "WH-B")], refs={"receipt": ["TH2026102000001"]})
    L.expect("STOCK-NEG", neg, "release of 8 from RET where the books hold the 6 returned: 'Stock of a product batch at a location went below zero' (the clerk typed 8 for 6)")
    transfer(L, "2026-10-23 09:00", "YK2026102300001", "quarantine", [mline(AMX, AB, 5, "WH-A", "QA")])
    q = transfer(L, "2026-10-26 09:00", "YK2026102600001", "relocation", [mline(AMX, AB, 5, "QA", "WH-A")])
    L.expect("QUARANTINE", q, "goods taken out of QA by a relocation, not a release: 'Stock in a quarantine or returns location may move only ... to storage by an explicit release after re-inspection'")
    payment(L, "2026-10-28 10:00", "SK2026102800001", "incoming", H, A, 99000, [SI1])
    payment(L, "2026-10-29 10:00", "SK2026102900001", "incoming", P, A, 113600 - 8520, [SI2])
    p2 = payment(L, "2026-10-30 10:00", "FK2026103000001", "outgoing", A, S, 882400 - 20640 - 400000 + 100, [PI])
    L.expect("TTGK-P", pinv, "second instalment pays 1.00 CNY more than the invoice net of its credit note (882,400 - 20,640 = 861,760 fen due, 861,860 paid), not refunded within correction_days 14 (clock passes 2026-11-13 10:00 with the sale of 11-05 .. count of 11-20): 'for an overpaid invoice, the invoice, with seqs adding its credit notes and payments'")
    count(L, "2026-10-31 17:00", "PD2026103100001", "WH-A", [(AMX, AB, 466), (CFX, ACB, 200)])
    cb = count(L, "2026-10-31 17:20", "PD2026103100002", "WH-B", [(CFX, ACB, 26)])
    L.expect("STOCK-COUNT", cb, "WH-B books 100 - 80 + 8 = 28, 26 counted (only 6 came back): 'A stock count found a quantity different from the book quantity at that location'")
    count(L, "2026-10-31 17:30", "PD2026103100003", "RET", [(CFX, ACB, 0)])
    count(L, "2026-10-31 17:40", "PD2026103100004", "QA", [(AMX, AB, 0)])
    count(L, "2026-10-31 17:50", "PD2026103100005", "RCV", [(AMX, AB, 0), (CFX, ACB, 0)])
    sale(L, "2026-11-05 09:00", "XS2026110500001", H, [(AMX, AB, AEXP, 50, 990)])
    review(L, "2026-11-05 10:00", "FH2026110500001", H, ["XS2026110500001"], [(AMX, AB, AEXP, 50)], reviewers=["复核-林涛"])
    dispatch(L, "2026-11-05 11:00", "PS2026110500001", H, ["XS2026110500001"], [oline(AMX, AB, 50, "WH-A")])
    SI3 = "26332000000211050021"
    invoice(L, "2026-11-05 15:00", SI3, "sale", A, H, "2026-11-05", [(AMX, 50, 990)], {"sale": ["XS2026110500001"]})
    payment(L, "2026-11-18 10:00", "SK2026111800001", "incoming", H, A, 49500, [SI3])
    count(L, "2026-11-20 17:00", "PD2026112000001", "WH-A", [(AMX, AB, 416), (CFX, ACB, 200)])
    L.notes.append(CONV)
    L.notes.append("10 of 600 rejected at acceptance: the invoice bills the 590 accepted; 24 quarantined, returned to the supplier from QA and credited (credit note 22); the payments are 4,000.00 and 4,618.60 CNY")
    L.notes.append("RET shows -2 after the release: the RET count sheet lists 0, 'a negative book quantity (STOCK-NEG reported it) is not repeated here when the batch is counted as zero'; the QA and RCV sheets list 0 where the books hold 0")
    L.notes.append("WH-A: 590 - 24 - 100 - 5 + 5 = 466 AMX and 300 - 100 = 200 CFX on 10-31; 416 AMX after the 11-05 sale")
    return L, ["259 VIOLATION: stock and books of ordinary drugs, three planted violations of the stock family (STOCK-NEG, QUARANTINE, STOCK-COUNT) and one of the books family (TTGK-P), the rest lawful"]

def l260():
    L = Ledger("260-monthly-invoices-partial-payments-unpaid-due-at-invoice-instant-not-issue-date-uninvoiced-across-beijing-midnight")
    master(L, "2026-10-08 08:30", [A, S, H, H2], [AMX, CFX], ["WH-A"])
    purchase(L, "2026-10-08 09:30", "CG2026100800001", S, [(AMX, 1000, 860)])
    receipt(L, "2026-10-09 10:00", "SH2026100900001", S, "CG2026100800001", "HKPS2026100800045",
            [rline(AMX, AB, "2026-09-11", AEXP, 1000, 1000)], acceptors=["验收-孙立"])
    put_away(L, "2026-10-09 11:00", "RK2026100900001", [mline(AMX, AB, 1000, "RCV", "WH-A")], "SH2026100900001")
    PI = "26332000000110090061"
    invoice(L, "2026-10-09 15:00", PI, "purchase", S, A, "2026-10-09", [(AMX, 1000, 860)], {"order": ["CG2026100800001"]})
    ev = []
    def sell(when, doc, cust, q, h_disp=2):
        s = sale(L, when, "XS" + doc, cust, [(AMX, AB, AEXP, q, 990)])
        t = parse(when)
        review(L, (t + dt.timedelta(minutes=5)).isoformat(), "FH" + doc, cust, ["XS" + doc], [(AMX, AB, AEXP, q)], reviewers=["复核-林涛"])
        d = dispatch(L, (t + dt.timedelta(minutes=10)).isoformat(), "PS" + doc, cust, ["XS" + doc], [oline(AMX, AB, q, "WH-A")])
        return d
    sell("2026-10-12 09:00", "2026101200001", H, 100)
    sell("2026-10-19 09:00", "2026101900001", H, 120)
    sell("2026-10-26 09:00", "2026102600001", H, 80)
    sell("2026-10-29 09:00", "2026102900001", H2, 60)
    payment(L, "2026-10-30 10:00", "FK2026103000001", "outgoing", A, S, 300000, [PI])
    MI_H = "26332000000210310031"; MI_H2 = "26332000000210310032"
    sell("2026-10-31 23:30", "2026103100001", H2, 40)   # night order, dispatched 23:40 Beijing
    mh = invoice(L, "2026-10-31 23:50", MI_H, "sale", A, H, "2026-10-31", [(AMX, 300, 990)],
                 {"sale": ["XS2026101200001", "XS2026101900001", "XS2026102600001"]})
    L.expect("UNPAID", mh, "月结 invoice to 西溪医院 of 2,970.00 CNY entered 2026-10-31 23:50 Beijing (15:50Z), issued_on 2026-10-31; paid 1,000.00 + 1,500.00; due 60 days from 'the later of the invoice's occurred_at and 00:00 Beijing time of issued_on' = 2026-12-30 23:50 +08:00; the ledger's clock reaches 2026-12-31 09:00 +08:00")
    invoice(L, "2026-11-01 09:30", MI_H2, "sale", A, H2, "2026-10-31", [(AMX, 100, 990)],
            {"sale": ["XS2026102900001", "XS2026103100001"]})
    purchase(L, "2026-11-03 09:30", "CG2026110300001", S, [(CFX, 200, 1250)])
    receipt(L, "2026-11-05 10:00", "SH2026110500001", S, "CG2026110300001", "HKPS2026110400012",
            [rline(CFX, ACB, "2026-09-20", CEXP, 200, 200)], acceptors=["验收-孙立"])
    put_away(L, "2026-11-05 11:00", "RK2026110500001", [mline(CFX, ACB, 200, "RCV", "WH-A")], "SH2026110500001")
    purchase(L, "2026-11-17 09:30", "CG2026111700001", S, [(CFX, 150, 1250)])
    receipt(L, "2026-11-18 10:00", "SH2026111800001", S, "CG2026111700001", "HKPS2026111700020",
            [rline(CFX, ACB, "2026-09-20", CEXP, 150, 150)], acceptors=["验收-孙立"])
    put_away(L, "2026-11-18 11:00", "RK2026111800001", [mline(CFX, ACB, 150, "RCV", "WH-A")], "SH2026111800001")
    payment(L, "2026-11-20 10:00", "SK2026112000001", "incoming", H, A, 100000, [MI_H])
    payment(L, "2026-11-25 10:00", "SK2026112500001", "incoming", H2, A, 50000, [MI_H2])
    payment(L, "2026-11-27 10:00", "FK2026112700001", "outgoing", A, S, 560000, [PI])
    d6 = sell("2026-11-30 23:30", "2026113000001", H, 50)
    L.expect("UNINVOICED", d6, "dispatch at 2026-11-30 23:40 Beijing (15:40Z) for 西溪医院, whose November 月结 invoice was never issued: due 30 days later, 2026-12-30 23:40 +08:00, passed by the clock (2026-12-31 09:00 +08:00)")
    PMI = "26332000000111300077"
    invoice(L, "2026-11-30 16:00", PMI, "purchase", S, A, "2026-11-30", [(CFX, 350, 1250)], {"order": ["CG2026110300001", "CG2026111700001"]})
    sell("2026-12-01 09:20", "2026120100001", H2, 30)
    payment(L, "2026-12-18 10:00", "SK2026121800001", "incoming", H, A, 150000, [MI_H])
    payment(L, "2026-12-20 10:00", "FK2026122000001", "outgoing", A, S, 437500, [PMI])
    count(L, "2026-12-31 09:00", "PD2026123100001", "WH-A", [(AMX, AB, 520), (CFX, ACB, 350)])
    # events must be in time order: fix order of the purchase invoice of 11-30 16:00 (before 23:30 sale)
    L.events.sort(key=lambda e: parse(e["occurred_at"]))
    L.notes.append(CONV)
    L.notes.append("the 月结 invoice to 余杭二院 (issued_on 2026-10-31, entered 2026-11-01 09:30) is due 2026-12-31 09:30 +08:00 by the same words, half a hour after the ledger's last event: pending, not UNPAID (were the deadline counted from 00:00 of issued_on it would be 2026-12-30 00:00 and fire)")
    L.notes.append("dispatch of 12-01 09:30 Beijing (not invoiced) is due 2026-12-31 09:30 +08:00: pending, not UNINVOICED")
    L.notes.append("the November purchase 月结 invoice names two orders: matched against their summed goods (350 CFX), paid in full 12-20; the October purchase invoice paid in two instalments (3,000.00 + 5,600.00)")
    L.notes.append("WH-A: 1000 - 100 - 120 - 80 - 60 - 40 - 50 - 30 = 520 AMX, 350 CFX")
    return L, ["260 VIOLATION: consolidated monthly invoices (月结) both ways, instalments; UNPAID and UNINVOICED measured from instants around Beijing midnight and month end"]

def l261():
    L = Ledger("261-beijing-midnight-boundaries-expiry-month-label-near-expiry-90-days-licences-lapsing-late-entry-72h")
    master(L, "2026-10-09 08:30", [A, S, S2, H, K], [AMX, IBU], ["WH-A"])
    purchase(L, "2026-10-10 09:30", "CG2026101000001", S2, [(IBU, 300, 1050)])
    purchase(L, "2026-10-10 09:40", "CG2026101000002", S, [(AMX, 200, 600)])
    receipt(L, "2026-10-12 10:00", "SH2026101200001", S2, "CG2026101000001", "AJPS2026101100008",
            [rline(IBU, "B2601318", "2026-01-31", "2027-01-31", 300, 300)], acceptors=["验收-孙立"])
    receipt(L, "2026-10-12 10:20", "SH2026101200002", S, "CG2026101000002", "HKPS2026101100051",
            [rline(AMX, "A2511026", "2024-12-02", "2026-11", 200, 200)], acceptors=["验收-孙立"])
    invoice(L, "2026-10-12 15:00", "26332000000110120091", "purchase", S2, A, "2026-10-12", [(IBU, 300, 1050)], {"order": ["CG2026101000001"]})
    invoice(L, "2026-10-12 15:10", "26332000000110120092", "purchase", S, A, "2026-10-12", [(AMX, 200, 600)], {"order": ["CG2026101000002"]})
    payment(L, "2026-10-30 10:00", "FK2026103000002", "outgoing", A, S, 120000, ["26332000000110120092"])
    put_away(L, "2026-10-12 11:00", "RK2026101200001", [mline(IBU, "B2601318", 300, "RCV", "WH-A"), mline(AMX, "A2511026", 200, "RCV", "WH-A")])
    def sell(when, doc, cust, p, b, exp, q, u, disp_after=10, dispatch_it=True):
        t = parse(when)
        s = sale(L, when, "XS" + doc, cust, [(p, b, exp, q, u)])
        if not dispatch_it:
            return s, None
        review(L, (t + dt.timedelta(minutes=5)).isoformat(), "FH" + doc, cust, ["XS" + doc], [(p, b, exp, q)], reviewers=["复核-林涛"])
        d = dispatch(L, (t + dt.timedelta(minutes=disp_after)).isoformat(), "PS" + doc, cust, ["XS" + doc], [oline(p, b, q, "WH-A")])
        return s, d
    _, d1 = sell("2026-11-01 23:15", "2026110100001", H, IBU, "B2601318", "2027-01-31", 20, 1380)     # dispatched 23:25 Beijing 11-01: 91 days
    s, d2 = sell("2026-11-02 00:20", "2026110200001", H, IBU, "B2601318", "2027-01-31", 20, 1380)  # 00:30 Beijing 11-02 = 16:30Z 11-01: 90 days
    L.expect("EXPIRED-NEAR", d2, "dispatch 2026-11-02 00:30 Beijing (2026-11-01T16:30Z) of a batch expiring 2027-01-31: 90 days by the Beijing date ('A dispatch this many days or fewer before the batch's expiry is near-expiry', near_expiry_days 90; format.md Dates: dates compared 'with the date of an event's occurred_at at UTC+08:00'); the dispatch of line " + L.ref(d1) + " at 23:25 on 11-01 is 91 days: quiet")
    po = purchase(L, "2026-11-15 23:30", "CG2026111500001", S2, [(IBU, 100, 1050)])
    r = receipt(L, "2026-11-16 00:30", "SH2026111600001", S2, "CG2026111500001", "AJPS2026111500003",
            [rline(IBU, "B2601318", "2026-01-31", "2027-01-31", 100, 100)], acceptors=["验收-孙立"])
    L.expect("SUP-LIC", r, "night delivery accepted 2026-11-16 00:30 Beijing (2026-11-15T16:30Z) from 安吉百草制药 whose licence valid_to is 2026-11-15: 'licence is valid on the event date'; the order at 23:30 on 11-15 (line " + L.ref(po) + ") is in time")
    put_away(L, "2026-11-16 08:30", "RK2026111600001", [mline(IBU, "B2601318", 100, "RCV", "WH-A")])
    sell("2026-11-20 23:40", "2026112000001", K, IBU, "B2601318", "2027-01-31", 10, 1400, disp_after=15)   # licence last day, 23:40
    s7, _ = sell("2026-11-21 07:59", "2026112100001", K, IBU, "B2601318", "2027-01-31", 10, 1400, dispatch_it=False)
    L.expect("CUS-LIC", s7, "order at 2026-11-21 07:59 Beijing (2026-11-20T23:59Z, still the licence's last day in UTC) from 仁心诊所 whose licence ends 2026-11-20: 'Wholesale only to registered customers whose licence is valid on the sale date' (the order was refused, never shipped)")
    c1 = count(L, "2026-11-25 23:00", "PD2026112500001", "WH-A", [(IBU, "B2601318", 350), (AMX, "A2511026", 200)], entered="2026-11-28T15:00:00Z")
    pay = payment(L, "2026-11-26 22:00", "FK2026112600001", "outgoing", A, S2, 300 * 1050, ["26332000000110120091"])
    L.events[pay - 1]["entered_at"] = "2026-11-29T14:00:01Z"
    L.expect("LATE-ENTRY", pay, "payment at 2026-11-26 22:00 Beijing entered 2026-11-29T14:00:01Z = 72 h 0 min 1 s later (late_entry_hours 72); the count of line " + L.ref(c1) + " entered exactly 72 h after (2026-11-28T15:00:00Z = 11-28 23:00 Beijing) is in time")
    s, d3 = sell("2026-11-30 23:45", "2026113000001", H, AMX, "A2511026", "2026-11", 20, 700)
    L.expect("EXPIRED-NEAR", d3, "dispatch 2026-11-30 23:55 Beijing, the last day of a batch labelled 有效期至 2026-11: lawful ('a dispatch on that day is lawful; a label with month precision (YYYY-MM) is valid through the last day of that month'), but 0 days before expiry")
    s, d4 = sell("2026-11-30 23:57", "2026113000002", H, AMX, "A2511026", "2026-11", 10, 700, disp_after=13)
    L.expect("EXPIRED", d4, "dispatch 2026-12-01 00:10 Beijing (2026-11-30T16:10Z, still the expiry day in UTC) of the batch labelled 2026-11: 'A batch was dispatched after its expiry date'; only EXPIRED, not also EXPIRED-NEAR (the window is 'before its expiry')")
    L.notes.append(CONV)
    L.notes.append("both purchases of 10-10 are invoiced on 10-12; the S2 invoice is paid late on 11-26 (due 12-11, in time); sales from 11-01 on are due for invoices 30 days after their dispatch, after the ledger's end (2026-12-01 00:10): pending; the 11-16 receipt from S2 likewise")
    L.notes.append("UUID v7 ids follow entered_at, so the ids of lines " + L.ref(c1) + " and " + L.ref(pay) + " are out of file order: the docs ask only that ids be UUID v7, unique")
    return L, ["261 VIOLATION: days-based rules at Beijing midnight, each instant chosen so that the UTC date differs from the Beijing date"]
