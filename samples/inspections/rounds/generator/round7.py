#!/usr/bin/env python3
"""Regenerates ledgers 87-98 (round 7: stock, batches and records, and temperature-data integrity) into
samples/inspections/. Deterministic: no clock, no randomness.
Run: python3 rounds/generator/round7.py"""
import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib4 import *  # noqa

OUT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
H, M = timedelta(hours=1), timedelta(minutes=1)

CLOCK = ("the ledger's clock is the latest occurred_at seen (rules.md intro); 'an event exactly at the deadline is "
         "in time, one a second later is not'; every event carries entered_at a few minutes after occurred_at "
         "unless a note says otherwise")
ZONES = ("WH-A/WH-B (ambient), WH-C (cool) and CR-1 (cold) are registered zones where used; RCV, QA and RET are "
         "unregistered staging/quarantine locations as in every earlier round; QA and RET are the default "
         "quarantine_locations")
MONEY = ("every receipt and dispatch is invoiced within days and every invoice paid (net of credit notes) before the "
         "ledger ends, so UNINVOICED/UNPAID/ORPHAN/TTGK stay quiet")

A_PR, A_SP = 860, 1050      # 阿莫西林胶囊 purchase / sale price (fen)
I_PR, I_SP = 1230, 1500     # 布洛芬缓释胶囊
E_PR, E_SP = 1800, 2300     # 复方盐酸伪麻黄碱缓释胶囊


def ymd(at):
    return at.astimezone(CST).strftime("%Y%m%d")


def pay_out(L, at, seq, supplier, amount, invs, label=None):
    L.payment(at, "FK%s%03d" % (ymd(at), seq), "outgoing", L.owner, supplier, amount, invs, label=label)


def pay_in(L, at, seq, customer, amount, invs, label=None):
    L.payment(at, "SK%s%03d" % (ymd(at), seq), "incoming", customer, L.owner, amount, invs, label=label)


def sell(L, at, seq, customer, lines, tag="", src="WH-A", review=None, disp_at=None, rev_at=None, z_disp=False,
         inv_at=None, pay_at=None, credit=0):
    """sale at `at`, review +20 min, dispatch +40 min, invoice (default same day 16:00 or +2h), payment.
    lines: (product, batch, expiry, qty, price[, from])"""
    xs = "XS%s%03d" % (ymd(at), seq)
    L.sale(at, xs, customer, [(p, b, e, q, pr) for p, b, e, q, pr, *_ in lines], label="sale" + tag)
    rev_at = rev_at or at + 20 * M
    rl = review or [(p, b, e, q, "ok") for p, b, e, q, pr, *_ in lines]
    ctrl = any(l[0] in CONTROLLED for l in lines)
    L.add("outbound_review", rev_at, {"doc": "FH%s%03d" % (ymd(at), seq), "customer": customer, "lines": [
        {"product": p, "batch": b, "expiry": e, "quantity": q, "quality": ql} for p, b, e, q, ql in rl],
        "reviewers": ["复核-刘洋", "复核-许强"] if ctrl else ["复核-刘洋"]},
        refs={"sale": [xs]}, by=["复核-刘洋", "复核-许强"] if ctrl else ["复核-刘洋"], label="rev" + tag)
    ps = "PS%s%03d" % (ymd(at), seq)
    disp_at = disp_at or at + 40 * M
    out = []
    shipped = {}
    for l in lines:
        p, b, e, q, pr = l[:5]
        fr = l[5] if len(l) > 5 else src
        out.append({"product": p, "batch": b, "quantity": q, "from": fr})
        shipped[p] = shipped.get(p, 0) + q
    L.add("dispatch", disp_at, {"doc": ps, "customer": customer, "consignee": PARTIES[customer]["name"] + " 收货组",
                                "address": ADDR[customer], "lines": out}, refs={"sale": [xs]},
          by=["发货-吴凯", "发货-郑浩"], label="disp" + tag, z=z_disp)
    inv_at = inv_at or (disp_at + 2 * H)
    inv = L.inv_no(inv_at, "3300")
    price = {}
    for l in lines:
        price[l[0]] = l[4]
    tot = L.invoice(inv_at, inv, "sale", L.owner, customer, [(p, q, price[p]) for p, q in shipped.items()],
                    refs={"sale": [xs], "delivery_note": [ps]}, label="inv" + tag)
    if pay_at:
        pay_in(L, pay_at, seq, customer, tot - credit, [inv], label="pay" + tag)
    return xs, ps, inv, tot


def buy(L, at, seq, supplier, order_lines, label=None):
    po = "CG%s%03d" % (ymd(at), seq)
    L.purchase(at, po, supplier, order_lines, label=label)
    return po


def receive(L, at, po, seq, supplier, lines, label=None):
    rc = "SH%s%03d" % (ymd(at), seq)
    L.receipt(at, rc, supplier, po, "DN-NK-%s%03d" % (ymd(at), seq), lines, label=label)
    return rc


def pin(L, at, supplier, lines, order, label=None, credit_for=None):
    inv = L.inv_no(at, "3301")
    refs = {"order": [order]}
    tot = L.invoice(at, inv, "purchase", supplier, L.owner, lines, refs=refs, credit_for=credit_for, label=label)
    return inv, tot


def points(start, end, step_min, fn):
    """readings from start to end inclusive every step_min; fn(i, t) -> celsius"""
    out, t, i = [], start, 0
    while t <= end:
        out.append((t, fn(i, t)))
        t += step_min * M
        i += 1
    return out


def uploads(L, sensor, zone, pts, bounds, up_at=None, labels=None, vehicle=None):
    """Cut pts into blocks at `bounds` (block i: bounds[i] <= t < bounds[i+1]); each block is one upload at
    its last reading + 1 min unless up_at[bounds[i]] gives the upload instant; labels[bounds[i]] labels it."""
    up_at, labels = up_at or {}, labels or {}
    for i, b0 in enumerate(bounds):
        b1 = bounds[i + 1] if i + 1 < len(bounds) else None
        blk = [(t, c) for t, c in pts if t >= b0 and (b1 is None or t < b1)]
        if not blk:
            continue
        up = up_at.get(b0, blk[-1][0] + M)
        L.temps(up, sensor, [(t, c, False) for t, c in blk], zone=zone, vehicle=vehicle, label=labels.get(b0))


def every(start, end, hours):
    out, t = [], start
    while t <= end:
        out.append(t)
        t += hours * H
    return out


def runs_day(day0, values_per_run, run_len=4, step=30):
    """48 half-hourly readings of a day made of runs of identical values"""
    pts = []
    t = day0
    for v, n in values_per_run:
        for _ in range(n):
            pts.append((t, v))
            t += step * M
    assert len(pts) == 48, len(pts)
    return pts


# ================================================================== 87
def l87():
    L = Ledger(87, "stock-lifecycle-partial-rejection-zones-quarantine-returns-counts", "LEGITIMATE",
               "阿莫西林胶囊 and 布洛芬缓释胶囊 through a month of stock: a receipt with 10 of 120 rejected and a second "
               "delivery bringing arrivals to exactly the 200 ordered, put-away to two zones, relocation, quarantine, "
               "partial release, supplier return with credit note, a review that finds 2 defective (shipped 98 of 100), "
               "a customer return re-accepted and released and resold, destruction from QA, and counts that match "
               "(one batch listed at 0 with 0 on the books, one zero batch omitted)")
    L.note(CLOCK)
    L.note(ZONES)
    L.note(MONEY)
    L.note("REC-DOC: 'cumulative arrivals must not exceed the ordered quantity' and rules.md reads receipt.lines[].arrived: "
           "120 (10 rejected) + 80 = 200 arrived against 200 ordered, so at the limit, not over it ({rc1}, {rc2})")
    L.note("ACC-GATE: put-aways of the batch total 110 + 80 = 190 = accepted; RCV ends at 0")
    L.note("OUT-REV: the review (line {rev1}) finds 98 ok and 2 defective of the 100 sold; the dispatch ships 98, which "
           "is not more than was reviewed fit ('only ok quantities count as reviewed fit'); the 2 defective go WH-A -> QA "
           "(reason quarantine) and are destroyed from QA")
    L.note("QUARANTINE: QA -> WH-A and RET -> WH-A are transfers with reason release; QA -> supplier (supplier_return) and "
           "QA -> destruction are allowed exits ('back to the supplier, to destruction')")
    L.note("STOCK-COUNT: WH-A is counted at its book quantity; the WH-B sheet lists 布洛芬 batch 2606200112 with counted 0 "
           "(book 0: all 60 shipped from WH-B) and leaves off 阿莫西林 (book 0 after the relocation); the QA sheet lists "
           "阿莫西林 at 0 (book 0 after release, supplier return and destruction)")
    L.note("TTGK-P: invoiced 190 accepted, credit note 4 for the 4 returned to the supplier; TTGK-S: 98 invoiced for 98 "
           "dispatched, credit note 5 for the 5 returned; payments are the net amounts")
    L.note("TWO-INVOICE: 杭州市仁和医院 and 宁波市明州人民医院 are public hospitals, the goods come from the manufacturer "
           "杭州宁康制药 (one distributor: two invoices)")
    at = L.master(T("2026-08-01 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer"), (CUS_MZ, "customer")],
                  [P_AMOX, P_IBU], zones=(("WH-A", "ambient", None), ("WH-B", "ambient", None)))
    A, AE = "2607150031", "2028-07-14"
    I, IE = "2606200112", "2028-06-19"
    po = buy(L, T("2026-08-03 10:00"), 1, SUP_NK, [(P_AMOX, 200, A_PR), (P_IBU, 60, I_PR)])
    rc1 = receive(L, T("2026-08-05 10:00"), po, 1, SUP_NK,
                  [(P_AMOX, A, "2026-07-15", AE, 120, None, "RCV", 10, "外箱挤压破损 10 盒，拒收"),
                   (P_IBU, I, "2026-06-20", IE, 60, None)], label="rc1")
    L.move("put_away", T("2026-08-05 11:00"), "RK20260805001",
           [(P_AMOX, A, 70, "RCV", "WH-A", None), (P_AMOX, A, 40, "RCV", "WH-B", None), (P_IBU, I, 60, "RCV", "WH-B", None)],
           refs={"order": [po], "receipt": [rc1]}, label="pa1")
    rc2 = receive(L, T("2026-08-07 10:00"), po, 2, SUP_NK, [(P_AMOX, A, "2026-07-15", AE, 80, None)], label="rc2")
    L.move("put_away", T("2026-08-07 11:00"), "RK20260807001", [(P_AMOX, A, 80, "RCV", "WH-A", None)],
           refs={"order": [po], "receipt": [rc2]}, label="pa2")
    pinv, ptot = pin(L, T("2026-08-07 15:00"), SUP_NK, [(P_AMOX, 190, A_PR), (P_IBU, 60, I_PR)], po)
    L.move("transfer", T("2026-08-10 09:00"), "YK20260810001", [(P_AMOX, A, 40, "WH-B", "WH-A", None)],
           reason="relocation", label="reloc")
    L.move("transfer", T("2026-08-12 09:00"), "YK20260812001", [(P_AMOX, A, 6, "WH-A", "QA", None)],
           reason="quarantine", label="quar")
    L.move("transfer", T("2026-08-13 10:00"), "YK20260813001", [(P_AMOX, A, 2, "QA", "WH-A", None)],
           reason="release", label="rel1", by=["质管-周敏"])
    L.move("supplier_return", T("2026-08-14 10:00"), "TC20260814001", [(P_AMOX, A, 4, "QA", None, None)],
           refs={"order": [po], "receipt": [rc1]}, extra={"supplier": SUP_NK, "reason": "养护检查发现外包装受潮，供应商同意退货"},
           label="sret", by=["采购-李明", "质管-周敏"])
    pin(L, T("2026-08-14 15:00"), SUP_NK, [(P_AMOX, 4, A_PR)], po, credit_for=pinv)
    pay_out(L, T("2026-08-20 10:00"), 1, SUP_NK, ptot - 4 * A_PR, [pinv])
    xs, ps, inv, tot = sell(L, T("2026-08-17 09:30"), 1, CUS_RH,
                            [(P_AMOX, A, AE, 100, A_SP), (P_IBU, I, IE, 60, I_SP, "WH-B")],
                            review=[(P_AMOX, A, AE, 98, "ok"), (P_AMOX, A, AE, 2, "defective"), (P_IBU, I, IE, 60, "ok")],
                            tag="1", inv_at=T("2026-08-17 16:00"))
    # the dispatch ships 98: fix the generated dispatch line
    for e in L.events:
        if e[3] == "disp1":
            e[2]["data"]["lines"][0]["quantity"] = 98
        if e[3] == "inv1":
            d = e[2]["data"]
            d["lines"][0]["quantity"] = 98
            d["lines"][0]["amount"] = money(98 * A_SP)
            d["total"] = money(98 * A_SP + 60 * I_SP)
    tot = 98 * A_SP + 60 * I_SP
    L.move("transfer", T("2026-08-17 11:00"), "YK20260817001", [(P_AMOX, A, 2, "WH-A", "QA", None)],
           reason="quarantine", label="quar2")
    L.customer_return(T("2026-08-20 10:00"), "TH20260820001", CUS_RH, xs, ps, "科室订货数量有误，未拆封退回",
                      [(P_AMOX, A, 5, "RET", None)], label="cret")
    cn = L.inv_no(T("2026-08-20 15:00"), "3300")
    L.invoice(T("2026-08-20 15:00"), cn, "sale", L.owner, CUS_RH, [(P_AMOX, 5, A_SP)],
              refs={"sale": [xs], "delivery_note": [ps]}, credit_for=inv)
    L.move("transfer", T("2026-08-21 10:00"), "YK20260821001", [(P_AMOX, A, 5, "RET", "WH-A", None)],
           reason="release", label="rel2", by=["质管-周敏"], refs={"receipt": ["TH20260820001"]})
    pay_in(L, T("2026-08-25 10:00"), 1, CUS_RH, tot - 5 * A_SP, [inv])
    sell(L, T("2026-08-24 09:30"), 2, CUS_MZ, [(P_AMOX, A, AE, 30, A_SP)], tag="2", pay_at=T("2026-08-28 10:00"))
    L.move("destruction", T("2026-08-26 10:00"), "XH20260826001", [(P_AMOX, A, 2, "QA", None, None)],
           extra={"reason": "出库复核发现破损", "method": "交有资质单位焚烧"}, label="destroy",
           by=["质管-周敏", "保管-赵磊"])
    L.stock_count(T("2026-08-31 16:00"), "PD20260831001", "WH-A", label="cntA")
    L.stock_count(T("2026-08-31 16:30"), "PD20260831002", "WH-B", label="cntB", zeros=[(P_IBU, I)])
    L.stock_count(T("2026-08-31 17:00"), "PD20260831003", "QA", label="cntQ", zeros=[(P_AMOX, A)])
    return L


# ================================================================== 88
def l88():
    L = Ledger(88, "replacement-delivery-over-order-and-put-away-over-accepted", "VIOLATION",
               "a supplier replaces 10 rejected boxes of 阿莫西林胶囊 in a second delivery on the same order, so 210 "
               "arrive against 200 ordered; 布洛芬缓释胶囊 with 4 of 100 rejected is put away as 60 + 40",
               allow_negative=True)
    L.note(CLOCK)
    L.note(ZONES)
    L.note(MONEY)
    L.note("order CG20260804001: 200 阿莫西林; receipt {rc1}: 120 arrived, 10 rejected, 110 accepted; receipt {rc2}: 90 "
           "arrived and accepted (the supplier's 补发 of the 10 rejected plus the 80 outstanding). Accepted total 200 = "
           "ordered, arrived total 210")
    L.note("order CG20260804002: 100 布洛芬; receipt {rc3}: 100 arrived, 4 rejected, 96 accepted at RCV; put-aways {pa3} "
           "(60 to WH-A) and {pa4} (40 to WH-B)")
    L.why("REC-DOC {rc2}: rules.md REC-DOC 'cumulative arrivals must not exceed the ordered quantity', Reads "
          "receipt.lines[].arrived (not accepted): 120 + 90 = 210 > 200. A replacement needs a new or amended order.")
    L.why("ACC-GATE {pa4}: 'a put-away exceeding the accepted quantity of the batch'; Points at 'the put_away that takes "
          "the batch's put-away quantity over its accepted quantity (once per batch)': 60 + 40 = 100 > 96")
    L.why("STOCK-NEG {pa4}: RCV holds 96 - 60 = 36 of the batch, the put-away takes 40 (rules.md ACC-GATE example: "
          "'ACC-GATE ... and STOCK-NEG at RCV')")
    at = L.master(T("2026-08-03 09:00"), [(SUP_NK, "supplier")], [P_AMOX, P_IBU],
                  zones=(("WH-A", "ambient", None), ("WH-B", "ambient", None)))
    A, AE = "2607220018", "2028-07-21"
    I, IE = "2607010044", "2028-06-30"
    po1 = buy(L, T("2026-08-04 10:00"), 1, SUP_NK, [(P_AMOX, 200, A_PR)])
    po2 = buy(L, T("2026-08-04 10:10"), 2, SUP_NK, [(P_IBU, 100, I_PR)])
    rc1 = receive(L, T("2026-08-06 10:00"), po1, 1, SUP_NK,
                  [(P_AMOX, A, "2026-07-22", AE, 120, None, "RCV", 10, "外箱浸水 10 盒，拒收")], label="rc1")
    L.move("put_away", T("2026-08-06 11:00"), "RK20260806001", [(P_AMOX, A, 110, "RCV", "WH-A", None)],
           refs={"order": [po1], "receipt": [rc1]})
    rc2 = receive(L, T("2026-08-10 10:00"), po1, 2, SUP_NK, [(P_AMOX, A, "2026-07-22", AE, 90, None)], label="rc2")
    L.move("put_away", T("2026-08-10 11:00"), "RK20260810001", [(P_AMOX, A, 90, "RCV", "WH-A", None)],
           refs={"order": [po1], "receipt": [rc2]})
    rc3 = receive(L, T("2026-08-10 14:00"), po2, 3, SUP_NK,
                  [(P_IBU, I, "2026-07-01", IE, 100, None, "RCV", 4, "铝塑板破损 4 盒，拒收")], label="rc3")
    L.move("put_away", T("2026-08-10 15:00"), "RK20260810002", [(P_IBU, I, 60, "RCV", "WH-A", None)],
           refs={"order": [po2], "receipt": [rc3]}, label="pa3")
    L.move("put_away", T("2026-08-10 15:30"), "RK20260810003", [(P_IBU, I, 40, "RCV", "WH-B", None)],
           refs={"order": [po2], "receipt": [rc3]}, label="pa4")
    i1, t1 = pin(L, T("2026-08-11 10:00"), SUP_NK, [(P_AMOX, 200, A_PR)], po1)
    i2, t2 = pin(L, T("2026-08-11 10:30"), SUP_NK, [(P_IBU, 96, I_PR)], po2)
    pay_out(L, T("2026-08-20 10:00"), 1, SUP_NK, t1, [i1])
    pay_out(L, T("2026-08-20 10:05"), 2, SUP_NK, t2, [i2])
    L.expect_at("REC-DOC", "rc2")
    L.expect_at("ACC-GATE", "pa4")
    L.expect_at("STOCK-NEG", "pa4")
    return L


# ================================================================== 89
def l89():
    L = Ledger(89, "count-sheet-overcount-and-omitted-batch-and-rejected-batch-shipped", "VIOLATION",
               "a WH-A count sheet finds one box of 阿莫西林 too many and leaves 布洛芬 off; a batch of 阿莫西林 rejected "
               "in full at acceptance is nevertheless sold and shipped from RCV; the RCV count lists it at 0",
               allow_negative=True)
    L.note(CLOCK)
    L.note(ZONES)
    L.note(MONEY)
    L.note("receipt {rc}: batch 2608020007 150 accepted; batch 2608020015 30 arrived, 30 rejected (accepted 0); 布洛芬 40 "
           "accepted. REC-DOC quiet: 180 阿莫西林 and 40 布洛芬 ordered, the same arrived")
    L.note("NO-SOURCE is not expected at {disp2}: the batch was received (a receipt line names it) from a qualified "
           "manufacturer; NO-SOURCE is 'never received, or received only from suppliers that failed qualification'")
    L.note("the RCV count {cntR} lists the rejected batch at 0 while the books say -10: 'negative book quantities are not "
           "repeated here (STOCK-NEG reported them)'")
    L.why("ACC-GATE {disp2}: 'a dispatch of a batch whose receipts were all rejected'")
    L.why("STOCK-NEG {disp2}: RCV holds 0 of batch 2608020015 (accepted 0) and the dispatch takes 10 from RCV")
    L.why("STOCK-COUNT {cnt} twice: book 100 of 阿莫西林 2608020007, counted 101 ('a quantity different from the book "
          "quantity'); 布洛芬 2607280021 book 40 missing from the sheet ('counts as zero'). The finding carries product "
          "and batch, so I expect one finding per batch, both at the count sheet")
    at = L.master(T("2026-09-01 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer"), (CUS_MZ, "customer")],
                  [P_AMOX, P_IBU], zones=(("WH-A", "ambient", None),))
    A, AE = "2608020007", "2028-08-01"
    A2, A2E = "2608020015", "2028-08-01"
    I, IE = "2607280021", "2028-07-27"
    po = buy(L, T("2026-09-02 10:00"), 1, SUP_NK, [(P_AMOX, 180, A_PR), (P_IBU, 40, I_PR)])
    rc = receive(L, T("2026-09-04 10:00"), po, 1, SUP_NK,
                 [(P_AMOX, A, "2026-08-02", AE, 150, None), (P_AMOX, A2, "2026-08-02", A2E, 30, None, "RCV", 30,
                                                              "性状检查不合格（胶囊粘连），整批拒收"),
                  (P_IBU, I, "2026-07-28", IE, 40, None)], label="rc")
    L.move("put_away", T("2026-09-04 11:00"), "RK20260904001",
           [(P_AMOX, A, 150, "RCV", "WH-A", None), (P_IBU, I, 40, "RCV", "WH-A", None)],
           refs={"order": [po], "receipt": [rc]})
    pinv, ptot = pin(L, T("2026-09-04 15:00"), SUP_NK, [(P_AMOX, 150, A_PR), (P_IBU, 40, I_PR)], po)
    pay_out(L, T("2026-09-10 10:00"), 1, SUP_NK, ptot, [pinv])
    sell(L, T("2026-09-08 09:30"), 1, CUS_RH, [(P_AMOX, A, AE, 50, A_SP)], tag="1", pay_at=T("2026-09-12 10:00"))
    sell(L, T("2026-09-09 09:30"), 2, CUS_MZ, [(P_AMOX, A2, A2E, 10, A_SP, "RCV")], tag="2",
         pay_at=T("2026-09-13 10:00"))
    L.stock_count(T("2026-09-15 16:00"), "PD20260915001", "WH-A", label="cnt", override={(P_AMOX, A): 101},
                  omit=[(P_IBU, I)])
    L.stock_count(T("2026-09-15 16:30"), "PD20260915002", "RCV", label="cntR")
    L.expect_at("ACC-GATE", "disp2")
    L.expect_at("STOCK-NEG", "disp2")
    L.expect_at("STOCK-COUNT", "cnt")
    L.expect.append(("STOCK-COUNT", "cnt"))
    return L


# ================================================================== 90
def l90():
    L = Ledger(90, "returned-goods-shipped-from-RET-and-expired-dispatch-0030-beijing", "VIOLATION",
               "6 boxes of 阿莫西林 returned by a hospital to RET are sold on and shipped straight from RET; a batch of "
               "布洛芬 expiring 2026-10-31 is sold that evening and dispatched at 00:30 Beijing on 1 November, written "
               "as 2026-10-31T16:30:00Z")
    L.note(CLOCK)
    L.note(ZONES)
    L.note(MONEY)
    L.note("the sale and review of 布洛芬 on 2026-10-31 22:00/22:20 Beijing are on the expiry day (lawful); only the "
           "dispatch {dispE} is after it. format.md Dates: dates are compared 'with the date of an event's occurred_at at "
           "UTC+08:00'; the UTC date of the dispatch is still 2026-10-31")
    L.note("EXPIRED-NEAR is not expected at {dispE}: that rule is about a dispatch 'within the near-expiry window before "
           "its expiry'; this one is after it (round 1 ledger 26 had the same expectation and the tool agreed)")
    L.why("QUARANTINE {dispQ}: 'Stock in a quarantine or returns location may move only to ...; never straight to a "
          "customer'; Points at 'the put_away, transfer or dispatch that moved the goods out of quarantine'")
    L.why("EXPIRED {dispE}: 'A batch was dispatched after its expiry date'; 00:30 on 2026-11-01 Beijing time")
    at = L.master(T("2026-10-01 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer"), (CUS_MZ, "customer")],
                  [P_AMOX, P_IBU], zones=(("WH-A", "ambient", None),))
    A, AE = "2609100023", "2028-09-09"
    I, IE = "2410310087", "2026-10-31"
    po = buy(L, T("2026-10-02 10:00"), 1, SUP_NK, [(P_AMOX, 100, A_PR), (P_IBU, 50, I_PR)])
    rc = receive(L, T("2026-10-03 10:00"), po, 1, SUP_NK,
                 [(P_AMOX, A, "2026-09-10", AE, 100, None), (P_IBU, I, "2024-10-31", IE, 50, None)], label="rc")
    L.move("put_away", T("2026-10-03 11:00"), "RK20261003001",
           [(P_AMOX, A, 100, "RCV", "WH-A", None), (P_IBU, I, 50, "RCV", "WH-A", None)], refs={"order": [po], "receipt": [rc]})
    pinv, ptot = pin(L, T("2026-10-03 15:00"), SUP_NK, [(P_AMOX, 100, A_PR), (P_IBU, 50, I_PR)], po)
    pay_out(L, T("2026-10-10 10:00"), 1, SUP_NK, ptot, [pinv])
    xs, ps, inv, tot = sell(L, T("2026-10-08 09:30"), 1, CUS_RH, [(P_AMOX, A, AE, 40, A_SP)], tag="1")
    L.customer_return(T("2026-10-12 10:00"), "TH20261012001", CUS_RH, xs, ps, "科室调整，未拆封退回",
                      [(P_AMOX, A, 6, "RET", None)], label="cret")
    cn = L.inv_no(T("2026-10-12 15:00"), "3300")
    L.invoice(T("2026-10-12 15:00"), cn, "sale", L.owner, CUS_RH, [(P_AMOX, 6, A_SP)],
              refs={"sale": [xs], "delivery_note": [ps]}, credit_for=inv)
    pay_in(L, T("2026-10-16 10:00"), 1, CUS_RH, tot - 6 * A_SP, [inv])
    sell(L, T("2026-10-14 09:30"), 2, CUS_MZ, [(P_AMOX, A, AE, 6, A_SP, "RET")], tag="Q", pay_at=T("2026-10-20 10:00"))
    sell(L, T("2026-10-31 22:00"), 3, CUS_MZ, [(P_IBU, I, IE, 20, I_SP)], tag="E", rev_at=T("2026-10-31 22:20"),
         disp_at=T("2026-11-01 00:30"), z_disp=True, inv_at=T("2026-11-01 10:00"), pay_at=T("2026-11-05 10:00"))
    L.stock_count(T("2026-11-05 16:00"), "PD20261105001", "WH-A", label="cnt")
    L.expect_at("QUARANTINE", "dispQ")
    L.expect_at("EXPIRED", "dispE")
    return L


# ================================================================== 91
def l91():
    L = Ledger(91, "near-expiry-90-and-91-days-local-date-and-expired-goods-leaving-lawfully", "LEGITIMATE",
               "布洛芬 labelled 有效期至 2027-06 (month precision): one dispatch at 23:59 Beijing on 2027-03-31 (91 days "
               "before 30 June) and one at 00:30 Beijing on 2027-04-01, written in Z (UTC date still 31 March, local "
               "date 90 days before expiry); 阿莫西林 that expired on 2027-02-28 is quarantined, partly returned to the "
               "supplier and partly destroyed; a customer return goes RET -> QA and is destroyed")
    L.note(CLOCK)
    L.note(ZONES)
    L.note(MONEY)
    L.note("expected policy warning only (like round 1 ledger 13): EXPIRED-NEAR 'a dispatch this many days or fewer "
           "before the batch's expiry' (near_expiry_days 90); expiry '2027-06' 'means the last day of that month' = "
           "2027-06-30; {dispN} is on 2027-04-01 Beijing, 90 days before; {dispOK} on 2027-03-31 Beijing (15:59Z), 91 days "
           "before: quiet. Both dispatches are written in Z so that only the UTC+08:00 date reading gives this result")
    L.note("EXPIRED reads only dispatch: the expired 阿莫西林 leaves by supplier_return ({sret}) and destruction ({destroy}) "
           "from QA, which QUARANTINE allows; RET -> QA ({reloc}, reason relocation) is 'another quarantine location'")
    L.why("EXPIRED-NEAR {dispN}: 90 days before 2027-06-30 (minor, policy; the sale is lawful)")
    at = L.master(T("2027-01-04 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer"), (CUS_MZ, "customer")],
                  [P_AMOX, P_IBU], zones=(("WH-A", "ambient", None),))
    I, IE = "2507150032", "2027-06"
    A, AE = "2503010011", "2027-02-28"
    po = buy(L, T("2027-01-05 10:00"), 1, SUP_NK, [(P_IBU, 100, I_PR), (P_AMOX, 60, A_PR)])
    rc = receive(L, T("2027-01-07 10:00"), po, 1, SUP_NK,
                 [(P_IBU, I, "2025-07-15", IE, 100, None), (P_AMOX, A, "2025-03-01", AE, 60, None)], label="rc")
    L.move("put_away", T("2027-01-07 11:00"), "RK20270107001",
           [(P_IBU, I, 100, "RCV", "WH-A", None), (P_AMOX, A, 60, "RCV", "WH-A", None)], refs={"order": [po], "receipt": [rc]})
    pinv, ptot = pin(L, T("2027-01-07 15:00"), SUP_NK, [(P_IBU, 100, I_PR), (P_AMOX, 60, A_PR)], po)
    L.move("transfer", T("2027-03-01 09:00"), "YK20270301001", [(P_AMOX, A, 60, "WH-A", "QA", None)],
           reason="quarantine", label="quar")
    L.move("supplier_return", T("2027-03-05 10:00"), "TC20270305001", [(P_AMOX, A, 40, "QA", None, None)],
           refs={"order": [po], "receipt": [rc]}, extra={"supplier": SUP_NK, "reason": "过期品，供应商同意退回"},
           label="sret", by=["采购-李明", "质管-周敏"])
    pin(L, T("2027-03-05 15:00"), SUP_NK, [(P_AMOX, 40, A_PR)], po, credit_for=pinv)
    pay_out(L, T("2027-03-06 10:00"), 1, SUP_NK, ptot - 40 * A_PR, [pinv])
    L.move("destruction", T("2027-03-10 10:00"), "XH20270310001", [(P_AMOX, A, 20, "QA", None, None)],
           extra={"reason": "过期", "method": "交有资质单位焚烧"}, label="destroy", by=["质管-周敏", "保管-赵磊"])
    xs, ps, inv, tot = sell(L, T("2027-03-31 20:00"), 1, CUS_RH, [(P_IBU, I, IE, 40, I_SP)], tag="OK",
                            rev_at=T("2027-03-31 21:00"), disp_at=T("2027-03-31 23:59"), z_disp=True,
                            inv_at=T("2027-04-01 10:00"))
    sell(L, T("2027-03-31 21:00"), 2, CUS_MZ, [(P_IBU, I, IE, 30, I_SP)], tag="N", rev_at=T("2027-04-01 00:10"),
         disp_at=T("2027-04-01 00:30"), z_disp=True, inv_at=T("2027-04-01 10:30"), pay_at=T("2027-04-09 10:00"))
    L.customer_return(T("2027-04-06 10:00"), "TH20270406001", CUS_RH, xs, ps, "外盒破损",
                      [(P_IBU, I, 2, "RET", None)], label="cret")
    cn = L.inv_no(T("2027-04-06 15:00"), "3300")
    L.invoice(T("2027-04-06 15:00"), cn, "sale", L.owner, CUS_RH, [(P_IBU, 2, I_SP)],
              refs={"sale": [xs], "delivery_note": [ps]}, credit_for=inv)
    pay_in(L, T("2027-04-08 10:00"), 1, CUS_RH, tot - 2 * I_SP, [inv])
    L.move("transfer", T("2027-04-07 09:00"), "YK20270407001", [(P_IBU, I, 2, "RET", "QA", None)],
           reason="relocation", label="reloc")
    L.move("destruction", T("2027-04-08 10:00"), "XH20270408001", [(P_IBU, I, 2, "QA", None, None)],
           extra={"reason": "销后退回破损", "method": "交有资质单位焚烧"}, by=["质管-周敏", "保管-赵磊"])
    L.stock_count(T("2027-04-10 16:00"), "PD20270410001", "WH-A", label="cnt")
    L.expect_at("EXPIRED-NEAR", "dispN")
    return L


# ================================================================== 92
def l92():
    L = Ledger(92, "late-entries-at-exactly-72h-and-order-at-exactly-3x", "LEGITIMATE",
               "复方盐酸伪麻黄碱缓释胶囊 sold wholesale every week to two pharmacy chains for six weeks; the sixth order "
               "of 杭州康宁大药房 is exactly 3.0x its trailing average; a put-away, a payment and the closing count are "
               "entered exactly 72 h after they happened (one in Z)")
    L.note(CLOCK)
    L.note(ZONES)
    L.note(MONEY)
    L.note("LATE-ENTRY 'more than the threshold after it occurred' (late_entry_hours 72): {pa} occurred 2026-06-01 11:00 "
           "+08:00, entered 2026-06-04T03:00:00Z (exactly 72 h); {payx} and {cnt} entered exactly 72 h later in +08:00")
    L.note("SOM: 杭州康宁大药房's orders 38, 42, 40, 44, 36 (trailing average 40.0 over 5 orders, som_min_history 4 met), "
           "then 120 = 3.0x: 'An order above this multiple' (som_k 3.0) - at the multiple, not above. Peers: the other "
           "chain's trailing average is 40, 120 is 3x (som_peer_factor 10). Frequency: one order a week. The rules.md "
           "example (48, 52, 45, 50, 55, 47 -> 193 is 3.9x of 49.5) shows that the trailing average excludes the order "
           "judged")
    L.note("compound ephedrine sold wholesale: bank transfer, delivered to the customer's registered address, two "
           "signers on acceptance and review (SPECIAL-2P is not stated for compound ephedrine; round 5 used two too); no "
           "unit codes ('not compound_ephedrine')")
    at = L.master(T("2026-05-29 09:00"), [(SUP_NK, "supplier"), (RC_KN, "customer"), (CUS_JK, "customer")],
                  [P_EPH], zones=(("WH-A", "ambient", None),))
    E, EE = "2605100031", "2028-05-09"
    po = buy(L, T("2026-05-29 10:00"), 1, SUP_NK, [(P_EPH, 1000, E_PR)])
    rc = receive(L, T("2026-06-01 10:00"), po, 1, SUP_NK, [(P_EPH, E, "2026-05-10", EE, 1000, None)], label="rc")
    L.add("put_away", T("2026-06-01 11:00"), {"doc": "RK20260601001", "lines": [
        {"product": P_EPH, "batch": E, "quantity": 1000, "from": "RCV", "to": "WH-A"}]},
        refs={"order": [po], "receipt": [rc]}, by=["保管-赵磊", "保管-钱程"], label="pa",
        entered=T("2026-06-01 11:00") + 72 * H, z=False)
    # write the entered_at of the put-away in Z
    for e in L.events:
        if e[3] == "pa":
            e[2]["entered_at"] = "2026-06-04T03:00:00Z"
    pinv, ptot = pin(L, T("2026-06-01 15:00"), SUP_NK, [(P_EPH, 1000, E_PR)], po)
    L.add("payment", T("2026-06-08 10:00"), {"doc": "FK20260608001", "direction": "outgoing", "payer": L.owner,
                                               "payee": SUP_NK, "payer_account": ACC[L.owner][1],
                                               "payee_account": ACC[SUP_NK][1], "amount": money(ptot),
                                               "method": "bank_transfer", "invoices": [pinv]},
          refs={"invoice": pinv}, by=["财务-王芳"], label="payx", entered=T("2026-06-11 10:00"))
    kn = [38, 42, 40, 44, 36, 120]
    jk = [40, 40, 42, 38, 40, 40]
    for w in range(6):
        d = T("2026-06-03 09:30") + timedelta(days=7 * w)
        sell(L, d, 10 + w, RC_KN, [(P_EPH, E, EE, kn[w], E_SP)], tag="kn%d" % w, pay_at=d + timedelta(days=5))
        d2 = T("2026-06-04 14:00") + timedelta(days=7 * w)
        sell(L, d2, 20 + w, CUS_JK, [(P_EPH, E, EE, jk[w], E_SP)], tag="jk%d" % w, pay_at=d2 + timedelta(days=5))
    L.stock_count(T("2026-07-20 16:00"), "PD20260720001", "WH-A", label="cnt", entered=T("2026-07-23 16:00"))
    return L


# ================================================================== 93
def l93():
    L = Ledger(93, "late-entry-72h-plus-one-second-and-no-entered-at", "VIOLATION",
               "a put-away entered 72 h 0 min 1 s after it happened; a relocation written without entered_at, appended "
               "weeks later (the ledger is of September 2026)")
    L.note(CLOCK)
    L.note(ZONES)
    L.note(MONEY)
    L.note("the transfer {tr} has no entered_at: format.md envelope 'Late entry is measured from occurred_at to this "
           "instant, or to the ledger's recorded_at when it is absent'; the ledger is appended in November 2026 or later, "
           "so recorded_at is more than 72 h after 2026-09-20. This expectation holds for any append after "
           "2026-09-23 10:00 +08:00")
    L.why("LATE-ENTRY {pa}: occurred 2026-09-04 11:00:00 +08:00, entered 2026-09-07 11:00:01 +08:00: 'more than the "
          "threshold' (72 h) by one second")
    L.why("LATE-ENTRY {tr}: no entered_at, recorded_at (append time) weeks after occurred_at")
    at = L.master(T("2026-09-01 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer")], [P_AMOX],
                  zones=(("WH-A", "ambient", None), ("WH-B", "ambient", None)))
    A, AE = "2608110029", "2028-08-10"
    po = buy(L, T("2026-09-02 10:00"), 1, SUP_NK, [(P_AMOX, 120, A_PR)])
    rc = receive(L, T("2026-09-04 10:00"), po, 1, SUP_NK, [(P_AMOX, A, "2026-08-11", AE, 120, None)], label="rc")
    L.add("put_away", T("2026-09-04 11:00"), {"doc": "RK20260904001", "lines": [
        {"product": P_AMOX, "batch": A, "quantity": 120, "from": "RCV", "to": "WH-A"}]},
        refs={"order": [po], "receipt": [rc]}, by=["保管-赵磊"], label="pa",
        entered=T("2026-09-07 11:00:01"))
    pinv, ptot = pin(L, T("2026-09-04 15:00"), SUP_NK, [(P_AMOX, 120, A_PR)], po)
    pay_out(L, T("2026-09-10 10:00"), 1, SUP_NK, ptot, [pinv])
    sell(L, T("2026-09-14 09:30"), 1, CUS_RH, [(P_AMOX, A, AE, 50, A_SP)], tag="1", pay_at=T("2026-09-18 10:00"))
    L.add("transfer", T("2026-09-20 10:00"), {"doc": "YK20260920001", "reason": "relocation", "lines": [
        {"product": P_AMOX, "batch": A, "quantity": 30, "from": "WH-A", "to": "WH-B"}]}, by=["保管-赵磊"],
        label="tr", no_entered=True)
    L.stock_count(T("2026-09-30 16:00"), "PD20260930001", "WH-A", label="cntA")
    L.stock_count(T("2026-09-30 16:30"), "PD20260930002", "WH-B", label="cntB")
    L.expect_at("LATE-ENTRY", "pa")
    L.expect_at("LATE-ENTRY", "tr")
    return L


# ================================================================== temperature helpers
def jitter(key, lo, hi):
    return lambda i, t: noise("%s-%d" % (key, i), lo, hi)


def jitter_nonrepeat(key, base, steps, unit=0.01):
    """values base + k*unit, k in 0..steps-1, never equal to the previous value (a sensor with fine resolution)"""
    state = {"prev": None}

    def f(i, t):
        h = int.from_bytes(hashlib.sha256(("%s-%d" % (key, i)).encode()).digest()[:4], "big")
        k = h % steps
        v = round(base + k * unit, 2)
        if v == state["prev"]:
            v = round(base + ((k + 1) % steps) * unit, 2)
        state["prev"] = v
        return v
    return f


def temp_master(L, at, zones):
    L.party(at, L.owner, "self")
    for z, st, sensors in zones:
        at += 2 * M
        d = {"zone": z, "storage": st}
        if sensors:
            d["sensors"] = sensors
        L.add("zone_registered", at, d, by=["质管-周敏"])
    return at


TEMPNOTE = ("one temperature_reading is one upload (format.md); zone sensors upload every 6 h, one minute after the "
            "block's last reading, unless a note says otherwise; readings are at most 30 min apart in zones and 5 min "
            "on vehicles (TEMP-GAP quiet); values stay inside the zone's range (cold 2-8, cool 0-20, ambient 10-30)")


# ================================================================== 94
def l94():
    L = Ledger(94, "real-monitoring-jitter-sensor-replaced-reuploads-logger-between-vehicles", "LEGITIMATE",
               "three and a half days of ordinary monitoring: a cold room whose probe TH-R01 is replaced by TH-R02 "
               "(zone re-registered), an identical re-upload that overlaps two earlier uploads, an ambient store whose "
               "fine-resolution sensor jitters by 0.01 °C, and a truck logger that moves from one vehicle to another, "
               "its first trip log uploaded twice")
    L.note(TEMPNOTE)
    L.note("sensor replaced: zone_registered CR-1 sensors [TH-R02] at 2026-06-03 11:55 (line {rereg}) 'replaces the list' "
           "(format.md zone_registered); TH-R01's last upload (11:51) is before it, TH-R02's first reading is 12:00")
    L.note("re-upload {reup}: at 2026-06-02 13:00, TH-R01 sends again its readings of 04:00-07:50, the same values at the "
           "same times: 'Identical re-uploads are fine' (TEMP-CONFLICT), 'a re-upload of the same readings at the same "
           "times is not a copy' (TEMP-COPY)")
    L.note("WH-A's TH-A01 reports every 30 min values 22.00-22.04 °C in 0.01 steps, never the same twice in a row: "
           "TEMP-FLAT is about 'the identical value' (temp_resolution_c is listed for TEMP-COPY and TEMP-CONFLICT only)")
    L.note("logger TL-2001 reports for 浙A·L1011冷 (trip uploaded at {trip1} and again, identical, at {trip1b}) and the "
           "next day for 浙A·L1012冷: 'vehicles have no registration, so their own loggers may move between vehicles'; "
           "'the same log uploaded twice (same times) is not' a copy. No goods are dispatched on these trips")
    L.note("every day and trip has far more than copy_min_changes (12) value changes and none repeats another "
           "(generator/selfcheck.py)")
    at = temp_master(L, T("2026-05-31 20:00"), (("CR-1", "cold", ["TH-R01"]), ("WH-A", "ambient", ["TH-A01"])))
    d0 = T("2026-06-01 00:00")
    r01 = points(d0, T("2026-06-03 11:50"), 10, jitter("94-R01", 4.3, 5.7))
    r02 = points(T("2026-06-03 12:00"), T("2026-06-04 12:00"), 10, jitter("94-R02", 4.0, 5.6))
    uploads(L, "TH-R01", "CR-1", r01, every(d0, T("2026-06-03 11:50"), 6))
    L.add("zone_registered", T("2026-06-03 11:55"), {"zone": "CR-1", "storage": "cold", "sensors": ["TH-R02"]},
          by=["质管-周敏"], label="rereg")
    uploads(L, "TH-R02", "CR-1", r02, every(T("2026-06-03 12:00"), T("2026-06-04 12:00"), 6))
    again = [(t, c) for t, c in r01 if T("2026-06-02 04:00") <= t <= T("2026-06-02 07:50")]
    L.temps(T("2026-06-02 13:00"), "TH-R01", [(t, c, False) for t, c in again], zone="CR-1", label="reup")
    wa = points(d0, T("2026-06-04 12:00"), 30, jitter_nonrepeat("94-A01", 22.0, 5))
    uploads(L, "TH-A01", "WH-A", wa, every(d0, T("2026-06-04 12:00"), 6))
    t1 = points(T("2026-06-01 09:00"), T("2026-06-01 11:00"), 5, jitter("94-T1", 3.5, 6.5))
    L.temps(T("2026-06-01 11:10"), "TL-2001", [(t, c, False) for t, c in t1], vehicle="浙A·L1011冷", label="trip1")
    L.temps(T("2026-06-01 11:40"), "TL-2001", [(t, c, False) for t, c in t1], vehicle="浙A·L1011冷", label="trip1b")
    t2 = points(T("2026-06-02 14:00"), T("2026-06-02 16:00"), 5, jitter("94-T2", 3.5, 6.5))
    L.temps(T("2026-06-02 16:05"), "TL-2001", [(t, c, False) for t, c in t2], vehicle="浙A·L1012冷", label="trip2")
    return L


# day patterns for TEMP-COPY: runs of identical half-hourly values
DAY11 = [(4.6, 4), (5.0, 4), (5.4, 4), (5.1, 4), (4.8, 4), (4.4, 4), (4.9, 4), (5.3, 4), (5.6, 4), (5.2, 4), (4.7, 4),
         (4.5, 4)]                                           # 12 runs: 11 changes
DAY12 = [(4.6, 4), (5.0, 4), (5.4, 4), (5.1, 4), (4.8, 4), (4.4, 4), (4.9, 4), (5.3, 4), (5.6, 4), (5.2, 3), (4.7, 3),
         (4.5, 3), (4.9, 3)]                                 # 13 runs: 12 changes


def copy_stream(key, day1, pattern):
    """day 1 = pattern, day 2 = jitter ending on the pattern's first value, day 3 = pattern again, day 4 00:00-06:00"""
    p1 = runs_day(day1, pattern)
    d2 = day1 + timedelta(days=1)
    p2 = points(d2, d2 + 23 * H + 30 * M, 30, jitter(key, 3.5, 6.5))
    p2[-1] = (p2[-1][0], pattern[0][0])
    if p2[-2][1] == pattern[0][0]:
        p2[-2] = (p2[-2][0], round(pattern[0][0] + 0.3, 1))
    p3 = runs_day(day1 + timedelta(days=2), pattern)
    d4 = day1 + timedelta(days=3)
    p4 = points(d4, d4 + 6 * H, 30, jitter(key + "-d4", 3.5, 6.5))
    if p4[0][1] == pattern[-1][0]:
        p4[0] = (p4[0][0], round(p4[0][1] + 0.2, 1))
    return p1 + p2 + p3 + p4


# ================================================================== 95
def l95():
    L = Ledger(95, "integrity-thresholds-met-exactly", "LEGITIMATE",
               "temperature data exactly at every integrity threshold: a cold-room day with 11 value changes repeated "
               "two days later, a cool-store run of identical readings lasting exactly 240 min, a storage upload whose "
               "oldest reading is exactly 24 h old, a reading dated exactly 5 min after its upload, a re-upload whose "
               "value differs by exactly 0.05 °C, and a trip log uploaded exactly 72 h after its first reading")
    L.note(TEMPNOTE)
    L.note("TEMP-COPY: CR-1's 2026-07-01 (48 half-hourly readings in 12 runs: 11 changes) is repeated value for value on "
           "2026-07-03; 'Days and trips whose values change fewer times than the threshold carry too little information "
           "to compare' (copy_min_changes 12): not compared. The day before 07-03 ends on 07-03's first value, so no "
           "change is gained across midnight; 07-01 is the first day of the stream")
    L.note("TEMP-FLAT: WH-C reads 15.0 °C from 2026-07-01 08:00 to 12:00 (25 readings, 240 min; 07:50 and 12:10 "
           "differ): 'for longer than the threshold' (flat_minutes 240); the rules.md example measures the run from its "
           "first to its last identical reading (00:00-07:50 = 470 min)")
    L.note("TEMP-BACKFILL: WH-C's upload {bf} at 2026-07-03 10:00:00 holds 2026-07-02 10:00 to 07-03 09:50; the oldest is "
           "exactly 24 h old ('more than the threshold before it', storage_backfill_hours 24)")
    L.note("TEMP-FUTURE: WH-C's upload {fut} at 2026-07-03 12:00:00 holds a reading at 12:05:00, exactly 5 min after it "
           "('beyond a tolerated clock difference', upload_skew_minutes 5)")
    L.note("TEMP-CONFLICT: WH-C's readings 12:10-12:50 are uploaded at 12:51 and again at 13:00 ({conf}), identical except "
           "12:30: 15.10 then 15.15 °C, exactly 0.05 apart. rules.md: 'values further apart than the sensor "
           "resolution' - not further apart. (configuration.md: 'readings closer than this are the same value' would put "
           "exactly 0.05 on the other side: doc gap.) Decimal 15.15 - 15.10 is 0.05; IEEE doubles make it "
           "0.05000000000000071")
    L.note("TEMP-BACKFILL (transport): logger TL-2001's trip on 浙A·L1011冷 2026-07-01 09:00-11:00 is uploaded at "
           "2026-07-04 09:00:00 ({vbf}), exactly 72 h after the first reading (transport_backfill_hours 72)")
    at = temp_master(L, T("2026-06-30 20:00"), (("CR-1", "cold", ["TH-R01"]), ("WH-C", "cool", ["TH-C01"])))
    d0 = T("2026-07-01 00:00")
    cr = copy_stream("95-R01", d0, DAY11)
    uploads(L, "TH-R01", "CR-1", cr, every(d0, T("2026-07-04 06:00"), 6))
    base = jitter("95-C01", 14.0, 17.0)

    def wc(i, t):
        if T("2026-07-01 08:00") <= t <= T("2026-07-01 12:00"):
            return 15.0
        if t == T("2026-07-03 12:30"):
            return 15.1
        v = base(i, t)
        return 15.3 if v == 15.0 else v
    pts = points(d0, T("2026-07-04 00:00"), 10, wc)
    pts.append((T("2026-07-03 12:05"), 15.6))
    pts.sort()
    bounds = every(d0, T("2026-07-02 06:00"), 6) + [T("2026-07-02 10:00"), T("2026-07-03 10:00"),
                                                    T("2026-07-03 12:10"), T("2026-07-03 13:00"),
                                                    T("2026-07-03 19:00")]
    uploads(L, "TH-C01", "WH-C", pts, bounds,
            up_at={T("2026-07-02 10:00"): T("2026-07-03 10:00"), T("2026-07-03 10:00"): T("2026-07-03 12:00")},
            labels={T("2026-07-02 10:00"): "bf", T("2026-07-03 10:00"): "fut"})
    again = [(t, 15.15 if t == T("2026-07-03 12:30") else c) for t, c in pts
             if T("2026-07-03 12:10") <= t <= T("2026-07-03 12:50")]
    L.temps(T("2026-07-03 13:00"), "TH-C01", [(t, c, False) for t, c in again], zone="WH-C", label="conf")
    trip = points(T("2026-07-01 09:00"), T("2026-07-01 11:00"), 5, jitter("95-T1", 3.5, 6.5))
    L.temps(T("2026-07-04 09:00"), "TL-2001", [(t, c, False) for t, c in trip], vehicle="浙A·L1011冷", label="vbf")
    return L


# ================================================================== 96
def l96():
    L = Ledger(96, "flat-run-241-min-and-upload-24h01m-late", "VIOLATION",
               "a cool store's sensor reports 15.0 °C unchanged from 08:00 to 12:01 (241 min), and a day's readings are "
               "uploaded in one go 24 h 1 min after the oldest of them")
    L.note(TEMPNOTE)
    L.note("WH-C reads every 10 min, except that the 12:00 reading of 2026-07-06 is taken at 12:01; 12:10 differs")
    L.why("TEMP-FLAT {flat}: 'reported the identical value for longer than the threshold' (flat_minutes 240): 08:00 to "
          "12:01 is 241 min; Points at 'the upload holding the run's last reading' (12:01 is the first reading of the "
          "12:00-17:50 upload); seqs add the upload holding its first ({flat0}, 06:00-11:50)")
    L.why("TEMP-BACKFILL {bf}: upload at 2026-07-08 06:01 holding readings from 2026-07-07 06:00: 24 h 1 min > "
          "storage_backfill_hours 24")
    at = temp_master(L, T("2026-07-05 20:00"), (("WH-C", "cool", ["TH-C01"]),))
    d0 = T("2026-07-06 00:00")
    base = jitter("96-C01", 14.0, 17.0)

    def wc(i, t):
        if T("2026-07-06 08:00") <= t <= T("2026-07-06 12:01"):
            return 15.0
        v = base(i, t)
        return 15.3 if v == 15.0 else v
    pts = points(d0, T("2026-07-08 18:00"), 10, wc)
    pts = [(T("2026-07-06 12:01") if t == T("2026-07-06 12:00") else t, c) for t, c in pts]
    pts = [(t, 15.0 if t == T("2026-07-06 12:01") else c) for t, c in pts]
    bounds = every(d0, T("2026-07-07 06:00"), 6) + [T("2026-07-08 06:00"), T("2026-07-08 12:00")]
    uploads(L, "TH-C01", "WH-C", pts, bounds, up_at={T("2026-07-07 06:00"): T("2026-07-08 06:01")},
            labels={T("2026-07-06 12:00"): "flat", T("2026-07-06 06:00"): "flat0", T("2026-07-07 06:00"): "bf"})
    L.expect_at("TEMP-FLAT", "flat")
    L.expect_at("TEMP-BACKFILL", "bf")
    return L


# ================================================================== 97
def l97():
    L = Ledger(97, "cold-room-day-copied-with-12-changes-and-reupload-altered", "VIOLATION",
               "a cold room's 2026-06-03 repeats 2026-06-01 value for value (a day with exactly 12 value changes), and "
               "a re-upload of 06-04 03:00-05:30 gives 04:00 0.1 °C higher than the first upload did")
    L.note(TEMPNOTE)
    L.note("CR-1's sensor TH-R01 reads every 30 min; 2026-06-01 (the first day of the stream) has 13 runs of identical "
           "values, 12 changes; 2026-06-02 ends on 06-01's first value, so 06-03 also has exactly 12 changes within the "
           "day and none across midnight")
    L.why("TEMP-COPY {copy}: 'A local day of a storage zone's sensor ... repeats the readings of an earlier day ... value "
          "for value ... at other times'; 12 changes is not 'fewer than' copy_min_changes 12; Points at 'the upload "
          "holding the last reading of the copied day' (06-03 18:00-23:30, uploaded 23:31)")
    L.why("TEMP-CONFLICT {conf}: 'One sensor reported the same instant twice, in two uploads ..., with values further "
          "apart than the sensor resolution' (0.1 > 0.05); Points at 'the later temperature_reading'")
    at = temp_master(L, T("2026-05-31 20:00"), (("CR-1", "cold", ["TH-R01"]),))
    d0 = T("2026-06-01 00:00")
    cr = copy_stream("97-R01", d0, DAY12)
    uploads(L, "TH-R01", "CR-1", cr, every(d0, T("2026-06-04 06:00"), 6),
            labels={T("2026-06-03 18:00"): "copy"})
    old = dict(cr)
    again = [(t, c) for t, c in cr if T("2026-06-04 03:00") <= t <= T("2026-06-04 05:30")]
    v0 = old[T("2026-06-04 04:00")]
    again = [(t, round(c + 0.1, 1) if t == T("2026-06-04 04:00") else c) for t, c in again]
    L.note("the first upload gives 2026-06-04 04:00 as %.1f °C, the re-upload {conf} as %.1f °C" % (v0, round(v0 + 0.1, 1)))
    L.temps(T("2026-06-04 07:00"), "TH-R01", [(t, c, False) for t, c in again], zone="CR-1", label="conf")
    L.expect_at("TEMP-COPY", "copy")
    L.expect_at("TEMP-CONFLICT", "conf")
    return L


# ================================================================== 98
def l98():
    L = Ledger(98, "reading-5m01s-after-upload-and-store-sensor-on-a-truck", "VIOLATION",
               "a cold-room upload at 12:00:00 holds a reading dated 12:05:01; the ambient store's registered sensor "
               "TH-A01 is used as the logger of a truck trip")
    L.note(TEMPNOTE)
    L.note("CR-1 reads every 10 min; the upload {fut} at 2026-08-03 12:00:00 holds 06:00-11:50 and 12:05:01; the next "
           "reading is 12:15")
    L.note("TH-A01 keeps reporting for WH-A every 30 min; its trip upload {veh} covers 浙A·L2033 14:00-15:00 every 5 min")
    L.why("TEMP-FUTURE {fut}: 'readings dated after the upload itself (occurred_at), beyond a tolerated clock "
          "difference' (upload_skew_minutes 5): 5 min 1 s")
    L.why("TEMP-SENSOR {veh}: 'a sensor registered to a storage zone reports for a vehicle' (TH-A01 is in "
          "zone_registered WH-A sensors)")
    at = temp_master(L, T("2026-08-02 20:00"), (("CR-1", "cold", ["TH-R01"]), ("WH-A", "ambient", ["TH-A01"])))
    d0 = T("2026-08-03 00:00")
    pts = points(d0, T("2026-08-04 00:00"), 10, jitter("98-R01", 4.0, 6.0))
    pts = [(t, c) for t, c in pts if t not in (T("2026-08-03 12:00"), T("2026-08-03 12:10"))]
    pts.append((T("2026-08-03 12:05:01"), 5.2))
    pts.append((T("2026-08-03 12:15"), 5.4))
    pts.sort()
    bounds = every(d0, T("2026-08-03 06:00"), 6) + [T("2026-08-03 12:10"), T("2026-08-03 18:00")]
    uploads(L, "TH-R01", "CR-1", pts, bounds, up_at={T("2026-08-03 06:00"): T("2026-08-03 12:00")},
            labels={T("2026-08-03 06:00"): "fut"})
    wa = points(d0, T("2026-08-04 00:00"), 30, jitter("98-A01", 23.0, 26.0))
    uploads(L, "TH-A01", "WH-A", wa, every(d0, T("2026-08-04 00:00"), 6), labels={T("2026-08-03 12:00"): "wa12"})
    trip = points(T("2026-08-03 14:00"), T("2026-08-03 15:00"), 5, jitter("98-T", 24.0, 27.0))
    L.temps(T("2026-08-03 15:10"), "TH-A01", [(t, c, False) for t, c in trip], vehicle="浙A·L2033", label="veh")
    L.expect_at("TEMP-FUTURE", "fut")
    L.expect_at("TEMP-SENSOR", "veh")
    L.why("TEMP-CONFLICT {wa12} (corrected after the run, my own mistake; original-expected/ keeps the first version "
          "without it): TH-A01 reported 14:00, 14:30 and 15:00 both for the truck ({veh}) and for WH-A ({wa12}, the "
          "12:00-17:30 upload at 17:31) with different values. rules.md TEMP-CONFLICT: 'One sensor reported the same "
          "instant twice, in two uploads ..., with values further apart than the sensor resolution'; it does not "
          "require the same zone or vehicle. A sensor cannot be in the store and on the truck at once")
    L.expect_at("TEMP-CONFLICT", "wa12")
    return L


def main():
    for f in (l87, l88, l89, l90, l91, l92, l93, l94, l95, l96, l97, l98):
        L = f()
        L.write(OUT)


if __name__ == "__main__":
    main()
