#!/usr/bin/env python3
"""Regenerates ledgers 59-70 (round 4: long horizons and the edges of the time windows) into
samples/inspections/. Deterministic: no clock, no randomness. Run: python3 rounds/generator/round4.py"""
import os
import sys
from datetime import timedelta, date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import *  # noqa

OUT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

CLOCK = ("the ledger's clock is the latest occurred_at seen (rules.md intro; architecture.md "
         "Clock); there is no --now option, so every deadline this ledger relies on is passed by a "
         "later event")
DAYS = ("N days = N x 24 h from the instant the docs name (Beijing time has no DST); a deadline "
        "fires only when the clock passes it ('fires when the clock passes it', architecture.md "
        "Clock; 'every deadline before it fires'), so an event exactly at the deadline is in time")
REFUND = ("a refund is written as an outgoing payment from us to the customer's registered account; "
          "format.md payment.invoices allows 'invoices (or credit notes)', so a refund of a credited "
          "amount lists the credit note, a refund of a double payment lists the invoice (docs show "
          "no refund example)")

WHY_UNINV = ("UNINVOICED {0}: 'Goods received or dispatched for which no invoice covers the quantity "
             "within the threshold' / uninvoiced_days 30 'Days after the first goods movement'")
WHY_UNPAID = ("UNPAID {0}: 'An invoice (net of credit notes) not fully paid within the threshold'; "
              "format.md issued_on: 'The payment deadline (UNPAID) runs from the later of this day "
              "(taken at 00:00 Beijing time) and occurred_at'")
WHY_ORPHAN = ("ORPHAN {0}: 'An invoice whose order or sale has no goods movement, a credit note for an "
              "unknown invoice, or a payment that settles no known invoice, within the threshold' "
              "(orphan_days 30)")
WHY_RET = ("RETURN-ORIG {0}: 'A customer return must reference an earlier sale to the same customer'; "
           "rules.md intro: 'The engine remembers sales, orders and closed invoices for "
           "return_window_days (default 180) and forgets them afterwards'")


def cb(prefix, n0, n):
    """n 20-digit unit codes (追溯码) starting at serial n0."""
    return ["%s%012d" % (prefix, n0 + i) for i in range(n)]


# ------------------------------------------------------------------ common pieces
def stock_in(L, day, seq, supplier, lines, pay_at, tag=""):
    """purchase (day-2), receipt (day 10:00), put-away, purchase invoice (15:00), payment at pay_at.
    lines: (product, batch, prod_date, expiry, qty, price, codes)"""
    d0 = T(day + " 10:00")
    ymd = day.replace("-", "")
    po = "CG%s%03d" % (ymd, seq)
    L.purchase(d0 - timedelta(days=2, hours=0, minutes=30), po, supplier, [(p, q, pr) for p, b, pd, e, q, pr, c in lines])
    rc = "SH%s%03d" % (ymd, seq)
    L.receipt(d0, rc, supplier, po, "DN-%s-%s%03d" % ("NK" if supplier == SUP_NK else "HY", ymd, seq),
              [(p, b, pd, e, q, c) for p, b, pd, e, q, pr, c in lines], label="rc" + tag)
    to = lambda p: "SP-1" if p in CONTROLLED else "WH-A"
    L.move("put_away", d0 + timedelta(hours=1), "RK%s%03d" % (ymd, seq),
           [(p, b, q, "RCV", to(p), c) for p, b, pd, e, q, pr, c in lines], refs={"order": [po], "receipt": [rc]})
    inv = L.inv_no(d0, "3301")
    tot = L.invoice(d0 + timedelta(hours=5), inv, "purchase", supplier, OWNER,
                    [(p, q, pr) for p, b, pd, e, q, pr, c in lines], refs={"order": [po]}, label="pinv" + tag)
    if pay_at:
        L.payment(pay_at, "FK%s%03d" % (pay_at.strftime("%Y%m%d"), seq), "outgoing", OWNER, supplier, tot, [inv])
    return po, inv, tot


def sell(L, at, seq, customer, lines, inv_at=None, pay=None, tag="", inv_on=None):
    """sale at `at`, review +20 min, dispatch +40 min, invoice at inv_at (default same day 16:00).
    lines: (product, batch, expiry, qty, price, codes). pay: list of (instant, amount) or None."""
    ymd = at.strftime("%Y%m%d")
    xs = "XS%s%03d" % (ymd, seq)
    L.sale(at, xs, customer, [(p, b, e, q, pr) for p, b, e, q, pr, c in lines], label="sale" + tag)
    L.review(at + timedelta(minutes=20), "FH%s%03d" % (ymd, seq), customer, xs, [(p, b, e, q) for p, b, e, q, pr, c in lines])
    src = lambda p: "SP-1" if p in CONTROLLED else "WH-A"
    ps = "PS%s%03d" % (ymd, seq)
    L.dispatch(at + timedelta(minutes=40), ps, customer, xs, [(p, b, q, src(p), c) for p, b, e, q, pr, c in lines],
               label="disp" + tag)
    inv = tot = None
    if inv_at is not False:
        inv_at = inv_at or at.replace(hour=16, minute=0)
        inv = L.inv_no(inv_at, "3300")
        tot = L.invoice(inv_at, inv, "sale", OWNER, customer, [(p, q, pr) for p, b, e, q, pr, c in lines],
                        refs={"sale": [xs], "delivery_note": [ps]}, issued_on=inv_on, label="inv" + tag)
        for i, (pt, amt) in enumerate(pay or []):
            L.payment(pt, "SK%s%03d" % (pt.strftime("%Y%m%d"), seq * 10 + i), "incoming", customer, OWNER,
                      amt if amt is not None else tot, [inv], label="pay%s_%d" % (tag, i))
    return xs, ps, inv, tot


def credit(L, at, orig_inv, direction, issuer, buyer, lines, refs, label=None):
    cn = L.inv_no(at, "3300" if direction == "sale" else "3301")
    tot = L.invoice(at, cn, direction, issuer, buyer, lines, refs=refs, credit_for=orig_inv, label=label)
    return cn, tot


def common_notes(L):
    L.note(CLOCK)
    L.note(DAYS)


# ================================================================== 59
def l59():
    L = Ledger(59, "return-179d23h-credit-refund", "LEGITIMATE",
               "customer return 179 days 23 hours after the sale (inside the 180-day return window), "
               "credit note the same morning, refund four days later, released back to stock")
    common_notes(L)
    L.note("return_window_days counts from the sale (its occurred_at 2026-01-20 10:00 +08:00): the "
           "return at 2026-07-19 09:00 is one hour before the sale is forgotten; the dispatch (10:40), "
           "invoice (16:00) and payment (02-15) are later still, so any of them as the start keeps it inside")
    L.note(REFUND)
    L.note("the credit note follows the return by 40 minutes, so the TTGK-S excess (invoice 200 > "
           "dispatched net of returns 170) and the overpayment it creates are corrected well inside "
           "correction_days (14); the ledger runs to 2026-09-01 so the return's UNINVOICED re-judgement "
           "(30 days after it) and the correction windows pass")
    L.master(T("2026-01-05 09:00"), [SUP_NK, CUS_KN], [P_AMOX])
    B, E = "2512084521", "2028-11-30"
    stock_in(L, "2026-01-08", 1, SUP_NK, [(P_AMOX, B, "2025-12-08", E, 500, 860, None)], T("2026-02-10 10:00"))
    xs, ps, inv, tot = sell(L, T("2026-01-20 10:00"), 1, CUS_KN, [(P_AMOX, B, E, 200, 1050, None)],
                            pay=[(T("2026-02-15 10:00"), None)])
    L.customer_return(T("2026-07-19 09:00"), "TH20260719001", CUS_KN, xs, ps, "门店调整库存，包装完好退回",
                      [(P_AMOX, B, 30, "RET", None)], label="ret")
    cn, ctot = credit(L, T("2026-07-19 09:40"), inv, "sale", OWNER, CUS_KN, [(P_AMOX, 30, 1050)],
                      refs={"sale": [xs], "delivery_note": [ps]})
    L.move("transfer", T("2026-07-20 10:00"), "YK20260720001", [(P_AMOX, B, 30, "RET", "WH-A", None)],
           refs={"receipt": ["TH20260719001"]}, reason="release")
    L.payment(T("2026-07-23 10:00"), "FK20260723001", "outgoing", OWNER, CUS_KN, ctot, [cn], label="refund")
    L.stock_count(T("2026-09-01 17:00"), "PD20260901001", "WH-A")
    return L


# ================================================================== 60
def l60():
    L = Ledger(60, "return-180d1h-outside-window", "VIOLATION",
               "customer return 180 days 1 hour after the sale, just outside the 180-day return window: "
               "the sale is no longer remembered, so the return matches no sale")
    common_notes(L)
    L.note("sale 2026-01-20 10:00, review 10:15, dispatch 10:30, invoice 10:50 (all +08:00); the "
           "return at 2026-07-19 11:00 is more than 180 days after every one of them, so whichever "
           "document starts the window the sale is forgotten; only the payment (02-15) is later, and "
           "rules.md forgets closed invoices, not the sale, by it")
    L.note("no credit note, no release: the goods stay in RET and the ledger ends three days later, "
           "before any 14- or 30-day window of the return could fall due (those would be open items, "
           "not findings)")
    L.why(WHY_RET.format("{ret}") + "; 'Points at: the customer_return; when the sale it names is known "
          "(...) seqs add the sale, otherwise nothing'")
    L.master(T("2026-01-05 09:00"), [SUP_NK, CUS_KN], [P_AMOX])
    B, E = "2512084521", "2028-11-30"
    stock_in(L, "2026-01-08", 1, SUP_NK, [(P_AMOX, B, "2025-12-08", E, 500, 860, None)], T("2026-02-10 10:00"))
    at = T("2026-01-20 10:00")
    xs, ps = "XS20260120001", "PS20260120001"
    L.sale(at, xs, CUS_KN, [(P_AMOX, B, E, 200, 1050)])
    L.review(T("2026-01-20 10:15"), "FH20260120001", CUS_KN, xs, [(P_AMOX, B, E, 200)])
    L.dispatch(T("2026-01-20 10:30"), ps, CUS_KN, xs, [(P_AMOX, B, 200, "WH-A", None)])
    inv = L.inv_no(at, "3300")
    tot = L.invoice(T("2026-01-20 10:50"), inv, "sale", OWNER, CUS_KN, [(P_AMOX, 200, 1050)],
                    refs={"sale": [xs], "delivery_note": [ps]})
    L.payment(T("2026-02-15 10:00"), "SK20260215001", "incoming", CUS_KN, OWNER, tot, [inv])
    L.customer_return(T("2026-07-19 11:00"), "TH20260719001", CUS_KN, xs, ps, "门店调整库存，包装完好退回",
                      [(P_AMOX, B, 30, "RET", None)], label="ret")
    L.stock_count(T("2026-07-22 17:00"), "PD20260722001", "RET")
    L.expect_at("RETURN-ORIG", "ret")
    return L


# ================================================================== 61
def l61():
    L = Ledger(61, "psychotropic2-return-after-11-weeks-resold", "LEGITIMATE",
               "艾司唑仑片 (class-2 psychotropic, unit codes) sold to 仁和医院, two units returned 77 days "
               "later with their codes, credit note and refund, released to the special store and resold "
               "with the same codes to 明州人民医院")
    common_notes(L)
    L.note("77 days is well inside return_window_days (180): the sale and the shipped codes are still "
           "remembered, so the returned codes are recognised (no CODE-UNKNOWN) and may leave again (a "
           "unit that came back is in stock, so its second dispatch is not 'dispatched after it had "
           "already left')")
    L.note("class-2 psychotropics are outside SPECIAL-CHANNEL (narcotics and class-1 only); receipt "
           "and outbound reviews are signed by two people; every movement line carries one code per unit")
    L.note(REFUND)
    L.master(T("2026-03-01 09:00"), [SUP_HY, CUS_RH, CUS_MZ], [P_EST])
    B, E = "2602154102", "2029-01-31"
    C = cb("81045670", 260215000001, 20)
    stock_in(L, "2026-03-04", 1, SUP_HY, [(P_EST, B, "2026-02-15", E, 20, 680, C)], T("2026-04-02 10:00"))
    xs, ps, inv, tot = sell(L, T("2026-03-10 10:00"), 1, CUS_RH, [(P_EST, B, E, 6, 830, C[0:6])],
                            pay=[(T("2026-04-08 10:00"), None)])
    L.customer_return(T("2026-05-26 10:00"), "TH20260526001", CUS_RH, xs, ps, "病区停用该品种，未开封退回",
                      [(P_EST, B, 2, "RET", C[4:6])], label="ret")
    cn, ctot = credit(L, T("2026-05-26 10:40"), inv, "sale", OWNER, CUS_RH, [(P_EST, 2, 830)],
                      refs={"sale": [xs], "delivery_note": [ps]})
    L.move("transfer", T("2026-05-28 10:00"), "YK20260528001", [(P_EST, B, 2, "RET", "SP-1", C[4:6])],
           refs={"receipt": ["TH20260526001"]}, reason="release")
    L.payment(T("2026-05-29 10:00"), "FK20260529001", "outgoing", OWNER, CUS_RH, ctot, [cn])
    sell(L, T("2026-06-10 10:00"), 1, CUS_MZ, [(P_EST, B, E, 4, 830, C[4:8])], pay=[(T("2026-07-06 10:00"), None)],
         tag="2")
    L.stock_count(T("2026-07-31 17:00"), "PD20260731001", "SP-1")
    return L


# ================================================================== 62
def l62():
    L = Ledger(62, "psychotropic2-code-returned-after-210-days", "VIOLATION",
               "one coded unit of 艾司唑仑片 returned 210 days after its dispatch: the sale and the shipped "
               "code are past the return window, so the return names an unknown sale and an unknown code")
    common_notes(L)
    L.note("architecture.md: 'Codes that left are swept after the return window' and benchmarks.md: "
           "'forgotten return_window_days after they left, swept weekly'; 210 days is 180 + 30, beyond "
           "any weekly sweep. configuration.md return_window_days: 'How long sales, orders, closed "
           "invoices and shipped codes are remembered (for returns, late documents and code checks)'")
    L.note("one unit, one code, one line, so one finding per rule whatever the per-line/per-code counting")
    L.why(WHY_RET.format("{ret}"))
    L.why("CODE-UNKNOWN {ret}: 'A unit code moved, shipped or returned that this ledger never received'; "
          "'Points at: a customer_return of units this ledger never had' (the code was forgotten after "
          "the return window)")
    L.master(T("2026-01-05 09:00"), [SUP_HY, CUS_RH], [P_EST])
    B, E = "2512204107", "2028-11-30"
    C = cb("81045670", 251220000001, 20)
    stock_in(L, "2026-01-08", 1, SUP_HY, [(P_EST, B, "2025-12-20", E, 20, 680, C)], T("2026-02-05 10:00"))
    xs, ps, inv, tot = sell(L, T("2026-01-12 10:00"), 1, CUS_RH, [(P_EST, B, E, 6, 830, C[0:6])],
                            pay=[(T("2026-02-09 10:00"), None)])
    L.customer_return(T("2026-08-10 10:00"), "TH20260810001", CUS_RH, xs, ps, "科室清点发现未使用，申请退货",
                      [(P_EST, B, 1, "RET", C[5:6])], label="ret")
    L.stock_count(T("2026-08-12 17:00"), "PD20260812001", "SP-1")
    L.expect_at("RETURN-ORIG", "ret")
    L.expect_at("CODE-UNKNOWN", "ret")
    return L


# ================================================================== 63
def l63():
    L = Ledger(63, "unpaid-exact-deadline-new-year-midnight", "LEGITIMATE",
               "a monthly (月结) invoice issued at 00:00 on 2 Nov paid exactly at its UNPAID deadline, "
               "00:00 on 1 Jan 2027 Beijing time (16:00Z on 31 Dec); a second invoice paid in three "
               "instalments, the last exactly at its deadline")
    common_notes(L)
    L.note("monthly invoice: issued_on 2026-11-02, occurred_at 2026-11-02T00:00:00+08:00, so both "
           "starts coincide: deadline 2027-01-01T00:00:00+08:00 (60 x 24 h); the payment at that very "
           "instant is in time")
    L.note("hospital invoice: occurred_at 2026-11-30 16:00 (later than 00:00 of its issued_on), deadline "
           "2027-01-29 16:00; instalments 12-15, 01-10 and 01-29 16:00:00 (exact)")
    L.note("the monthly invoice names both sales (format 2 consolidated refs); the first dispatch is "
           "10-08 10:40, so the group's UNINVOICED deadline (11-07 / 11-19) is after the invoice")
    L.master(T("2026-09-20 09:00"), [SUP_NK, CUS_KN, CUS_RH], [P_AMOX, P_IBU])
    BA, EA, BI, EI = "2608224517", "2029-07-31", "2608304622", "2029-07-31"
    stock_in(L, "2026-09-28", 1, SUP_NK, [(P_AMOX, BA, "2026-08-22", EA, 600, 860, None),
                                          (P_IBU, BI, "2026-08-30", EI, 300, 1250, None)], T("2026-10-28 10:00"))
    xs1, ps1, _, _ = sell(L, T("2026-10-08 10:00"), 1, CUS_KN, [(P_AMOX, BA, EA, 100, 1050, None)], inv_at=False)
    xs2, ps2, _, _ = sell(L, T("2026-10-20 10:00"), 1, CUS_KN, [(P_IBU, BI, EI, 50, 1520, None)], inv_at=False, tag="2")
    at = T("2026-11-02 00:00")
    inv = L.inv_no(at, "3300")
    tot = L.invoice(at, inv, "sale", OWNER, CUS_KN, [(P_AMOX, 100, 1050), (P_IBU, 50, 1520)],
                    refs={"sale": [xs1, xs2], "delivery_note": [ps1, ps2]}, label="minv")
    L.payment(T("2027-01-01 00:00:00"), "SK20270101001", "incoming", CUS_KN, OWNER, tot, [inv], label="mpay")
    sell(L, T("2026-11-27 10:00"), 1, CUS_RH, [(P_AMOX, BA, EA, 200, 1050, None)],
         inv_at=T("2026-11-30 16:00"),
         pay=[(T("2026-12-15 10:00"), 70000), (T("2027-01-10 10:00"), 70000), (T("2027-01-29 16:00:00"), 70000)],
         tag="3")
    L.stock_count(T("2027-02-05 17:00"), "PD20270205001", "WH-A")
    return L


# ================================================================== 64
def l64():
    L = Ledger(64, "unpaid-deadline-from-booking-instant", "VIOLATION",
               "an invoice booked at 07:30 Beijing time (23:30Z the day before) paid 15 minutes after the "
               "documented deadline on 1 Jan 2027; a second invoice paid in three instalments that leave "
               "5.00 CNY open (bank charge deducted)")
    common_notes(L)
    L.note("invoice X: issued_on 2026-11-02, occurred_at 2026-11-02T07:30+08:00; 00:00 Beijing of "
           "issued_on is earlier, so the deadline runs from occurred_at: 2027-01-01T07:30+08:00. The "
           "payment at 07:45 passes it (UNPAID fires when the payment's occurred_at moves the clock, "
           "before the payment is applied). Had the date been taken at 00:00 UTC (an older doc wording) "
           "the deadline would be 08:00+08:00 and the payment in time: this ledger tells the two apart")
    L.note("invoice Y: occurred_at 2026-12-01 10:00, deadline 2027-01-30 10:00; instalments 400.00 + "
           "400.00 + 411.00 = 1,211.00 CNY paid of 1,216.00 (80 x 15.20); amount_tolerance_minor is 0; the count on "
           "2027-02-05 moves the clock past the deadline")
    L.why(WHY_UNPAID.format("{invX} / {invY}"))
    L.master(T("2026-09-20 09:00"), [SUP_NK, CUS_KN, CUS_MZ], [P_AMOX, P_IBU])
    BA, EA, BI, EI = "2608224517", "2029-07-31", "2608304622", "2029-07-31"
    stock_in(L, "2026-09-28", 1, SUP_NK, [(P_AMOX, BA, "2026-08-22", EA, 600, 860, None),
                                          (P_IBU, BI, "2026-08-30", EI, 300, 1250, None)], T("2026-10-28 10:00"))
    sell(L, T("2026-10-30 10:00"), 1, CUS_KN, [(P_AMOX, BA, EA, 120, 1050, None)],
         inv_at=T("2026-11-02 07:30"), pay=[(T("2027-01-01 07:45"), None)], tag="X")
    sell(L, T("2026-11-30 10:00"), 1, CUS_MZ, [(P_IBU, BI, EI, 80, 1520, None)],
         inv_at=T("2026-12-01 10:00"),
         pay=[(T("2026-12-20 10:00"), 40000), (T("2027-01-15 10:00"), 40000), (T("2027-01-30 09:00"), 41100)],
         tag="Y")
    L.stock_count(T("2027-02-05 17:00"), "PD20270205001", "WH-A")
    L.expect_at("UNPAID", "invX")
    L.expect_at("UNPAID", "invY")
    return L


# ================================================================== 65 / 66
def _boundaries(L, late):
    """late = 0 (exactly at each deadline) or 1 (one minute past it)."""
    m = timedelta(minutes=late)
    L.master(T("2026-11-25 09:00"), [SUP_NK, CUS_RH], [P_AMOX, P_IBU])
    BA, EA = "2610284533", "2029-09-30"
    stock_in(L, "2026-11-28", 1, SUP_NK, [(P_AMOX, BA, "2026-10-28", EA, 400, 860, None)], T("2026-12-28 10:00"))
    # (a) dispatch 2026-12-01 10:00:00, invoice 30 days later
    sell(L, T("2026-12-01 09:20"), 1, CUS_RH, [(P_AMOX, BA, EA, 150, 1050, None)],
         inv_at=T("2026-12-31 10:00") + m, pay=[(T("2027-01-15 10:00"), None)], tag="A")
    # (b) prepayment for IBU, invoice booked 30 days after the payment
    BI, EI = "2611104640", "2029-10-31"
    po_b = "CG20261201002"
    L.purchase(T("2026-12-01 14:00"), po_b, SUP_NK, [(P_IBU, 200, 1250)])
    inv_b_at = T("2027-01-01 15:00") + m
    inv_b = L.inv_no(inv_b_at, "3301")
    L.payment(T("2026-12-02 15:00"), "FK20261202001", "outgoing", OWNER, SUP_NK, 250000, [inv_b], label="prepay")
    L.receipt(T("2026-12-20 10:00"), "SH20261220001", SUP_NK, po_b, "DN-NK-20261220001",
              [(P_IBU, BI, "2026-11-10", EI, 200, None)])
    L.move("put_away", T("2026-12-20 11:00"), "RK20261220001", [(P_IBU, BI, 200, "RCV", "WH-A", None)],
           refs={"order": [po_b], "receipt": ["SH20261220001"]})
    L.invoice(inv_b_at, inv_b, "purchase", SUP_NK, OWNER, [(P_IBU, 200, 1250)], refs={"order": [po_b]}, label="invB")
    # (c) invoice before the goods (先票后货)
    po_c = "CG20261204001"
    L.purchase(T("2026-12-04 10:00"), po_c, SUP_NK, [(P_AMOX, 300, 860)])
    inv_c = L.inv_no(T("2026-12-05 09:00"), "3301")
    L.invoice(T("2026-12-05 09:00"), inv_c, "purchase", SUP_NK, OWNER, [(P_AMOX, 300, 860)],
              refs={"order": [po_c]}, label="invC")
    if not late:
        BC, EC = "2611204551", "2029-10-31"
        L.receipt(T("2027-01-04 09:00:00"), "SH20270104001", SUP_NK, po_c, "DN-NK-20270104001",
                  [(P_AMOX, BC, "2026-11-20", EC, 300, None)], label="rcC")
        L.move("put_away", T("2027-01-04 10:00"), "RK20270104001", [(P_AMOX, BC, 300, "RCV", "WH-A", None)],
               refs={"order": [po_c], "receipt": ["SH20270104001"]})
        L.payment(T("2027-01-25 10:00"), "FK20270125001", "outgoing", OWNER, SUP_NK, 258000, [inv_c])
        L.stock_count(T("2027-02-10 17:00"), "PD20270210001", "WH-A")
    else:
        L.stock_count(T("2027-01-20 17:00"), "PD20270120001", "WH-A")


def l65():
    L = Ledger(65, "deadlines-met-at-the-exact-instant", "LEGITIMATE",
               "three documents arriving exactly at their deadline, across month and year end: a sales "
               "invoice 30 days after the dispatch (UNINVOICED), a supplier invoice 30 days after its "
               "prepayment (ORPHAN), goods 30 days after their invoice (先票后货, ORPHAN)")
    common_notes(L)
    L.note("(a) dispatch 2026-12-01T10:00+08:00, invoice 2026-12-31T10:00:00+08:00; (b) prepayment "
           "2026-12-02T15:00, invoice booked 2027-01-01T15:00:00 (New Year's Day); (c) invoice "
           "2026-12-05T09:00, goods 2027-01-04T09:00:00. Each arrives when the clock equals the "
           "deadline, which is not 'passing' it")
    L.note("prepayment: the payment quotes the 数电票 number issued later (the format links a payment "
           "to an invoice only by number; previous DOC-GAPS B2)")
    L.note("(c) reading: findings.md 'When a finding is certain' lists 'the goods an invoice is for | "
           "the invoice (ORPHAN) | orphan_days, 30 days; invoiced quantities are counted against the "
           "goods when they arrive', so an invoice before its goods waits 30 days as a possible ORPHAN "
           "and is not a TTGK-P over-invoice pending 14 days (TTGK-P's 'more invoiced than accepted' "
           "with nothing received yet would say otherwise; see REPORT)")
    _boundaries(L, 0)
    return L


def l66():
    L = Ledger(66, "deadlines-missed-by-one-minute", "VIOLATION",
               "the same three documents one minute late: a late sales invoice for goods already judged "
               "(UNINVOICED, then nothing more), a prepayment whose invoice comes 30 days + 1 min later "
               "(ORPHAN), and an invoice whose goods never come (ORPHAN)")
    common_notes(L)
    L.note("(a) the late invoice (2026-12-31 10:01) bills exactly the 150 dispatched: after the UNINVOICED "
           "finding it is no over-invoice, and it is paid 2027-01-15")
    L.note("(b) the invoice booked 2027-01-01 15:01 moves the clock past the payment's deadline (15:00) "
           "before it is applied, so ORPHAN names the payment")
    L.note("(c) the goods of CG20261204001 never arrive; the count on 2027-01-20 passes the invoice's "
           "deadline 2027-01-04 09:00. The ledger ends before any 60-day UNPAID deadline (2027-02-03 at "
           "the earliest), which stays an open item. Only ORPHAN is expected for (c), following "
           "findings.md (see note of ledger 65)")
    L.why(WHY_UNINV.format("{dispA}"))
    L.why(WHY_ORPHAN.format("{prepay} / {invC}"))
    _boundaries(L, 1)
    L.expect_at("UNINVOICED", "dispA")
    L.expect_at("ORPHAN", "prepay")
    L.expect_at("ORPHAN", "invC")
    return L


# ================================================================== 67
def _lastday(y, m):
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def l67():
    L = Ledger(67, "fourteen-month-cycle-quiet", "LEGITIMATE",
               "fourteen months (Jan 2026 - Feb 2027) of a monthly cycle: a purchase of two products a "
               "month, three customers a month, customer returns with credit notes paid net, one supplier "
               "return with a purchase credit note, quarterly counts; ends in April 2027 once every "
               "invoice is paid")
    common_notes(L)
    L.note("every window is respected with days to spare: invoices the same day as the goods, payments "
           "28-55 days after the invoice, returns 7-18 days after the dispatch; the ledger spans more "
           "than twice return_window_days, so sales, invoices and batches are forgotten on the way")
    L.note("customer returns: credit note the same day, the customer pays the invoice net of it (the "
           "payment lists the original invoice only); one return crosses the year end (Dec sale "
           "returned 2027-01-05)")
    L.note("every count sheet lists every batch with stock at WH-A (a missing batch counts as 0)")
    L.master(T("2026-01-02 09:00"), [SUP_NK, CUS_RH, CUS_KN, CUS_MZ], [P_AMOX, P_IBU], zones=("WH-A",))
    months = [(2026, m) for m in range(1, 13)] + [(2027, 1), (2027, 2)]
    pay_plan = {}   # not used
    for idx, (y, mo) in enumerate(months):
        yy = y % 100
        ny, nm = (y + (mo == 12), mo % 12 + 1)
        n2y, n2m = (ny + (nm == 12), nm % 12 + 1)
        pd_y, pd_m = (y - (mo == 1), (mo - 2) % 12 + 1)
        prod = "%04d-%02d-%02d" % (pd_y, pd_m, 10)
        exp = "%04d-%02d-%02d" % (pd_y + 3, pd_m, _lastday(pd_y + 3, pd_m))
        BA = "%02d%02d10%04d" % (pd_y % 100, pd_m, 4500 + idx)
        BI = "%02d%02d12%04d" % (pd_y % 100, pd_m, 4600 + idx)
        day = "%04d-%02d-05" % (y, mo)
        ymd = day.replace("-", "")
        qa, qi = 300, 150
        po, pinv, ptot = stock_in(L, day, 1, SUP_NK, [(P_AMOX, BA, prod, exp, qa, 860, None),
                                                      (P_IBU, BI, prod, exp, qi, 1250, None)], None, tag=str(idx))
        paid_sup = ptot
        if mo == 6:  # quality problem found at storage: quarantine, return to supplier, credit note
            L.move("transfer", T("%04d-06-08 10:00" % y), "YK%04d0608001" % y, [(P_AMOX, BA, 20, "WH-A", "QA", None)],
                   reason="quarantine")
            L.move("supplier_return", T("%04d-06-10 10:00" % y), "TC%04d0610001" % y, [(P_AMOX, BA, 20, "QA", None, None)],
                   refs={"order": [po], "receipt": ["SH%s001" % ymd]}, reason="养护检查发现部分包装破损，供应商同意退货",
                   supplier=SUP_NK)
            cn, ctot = credit(L, T("%04d-06-10 15:00" % y), pinv, "purchase", SUP_NK, OWNER, [(P_AMOX, 20, 860)],
                              refs={"order": [po]})
            paid_sup -= ctot
        L.payment(T("%04d-%02d-04 10:00" % (ny, nm)), "FK%04d%02d04001" % (ny, nm), "outgoing", OWNER, SUP_NK,
                  paid_sup, [pinv])
        sold_a = 0
        # RH on the 12th, paid on the 5th two months later
        xs, ps, inv, tot = sell(L, T("%04d-%02d-12 10:00" % (y, mo)), 1, CUS_RH,
                                [(P_AMOX, BA, exp, 120, 1050, None), (P_IBU, BI, exp, 50, 1520, None)],
                                pay=[(T("%04d-%02d-05 10:00" % (n2y, n2m)), None)], tag="RH%d" % idx)
        # KN on the 18th, paid on the 15th next month (net of a credit note in return months)
        ret_month = mo in (3, 7, 11) or (y, mo) == (2026, 12)
        qa_kn = 100 if mo != 6 else 100
        xs, ps, inv, tot = sell(L, T("%04d-%02d-18 10:00" % (y, mo)), 2, CUS_KN,
                                [(P_AMOX, BA, exp, qa_kn, 1050, None), (P_IBU, BI, exp, 60, 1520, None)],
                                tag="KN%d" % idx)
        net = tot
        if ret_month:
            rt = T("%04d-%02d-25 10:00" % (y, mo)) if mo != 12 else T("2027-01-05 10:00")
            tdoc = "TH%s001" % rt.strftime("%Y%m%d")
            L.customer_return(rt, tdoc, CUS_KN, xs, ps, "门店近效期调整，包装完好退回",
                              [(P_AMOX, BA, 10, "RET", None)])
            cn, ctot = credit(L, rt.replace(hour=15), inv, "sale", OWNER, CUS_KN, [(P_AMOX, 10, 1050)],
                              refs={"sale": [xs], "delivery_note": [ps]})
            net -= ctot
            L.move("transfer", rt + timedelta(days=2), "YK%s001" % (rt + timedelta(days=2)).strftime("%Y%m%d"),
                   [(P_AMOX, BA, 10, "RET", "WH-A", None)], refs={"receipt": [tdoc]}, reason="release")
        pt = T("%04d-%02d-15 10:00" % (ny, nm))
        L.payment(pt, "SK%04d%02d15002" % (ny, nm), "incoming", CUS_KN, OWNER, net, [inv])
        # MZ on the 22nd, paid on the 20th next month
        amz = 60 if mo != 6 else 60
        sell(L, T("%04d-%02d-22 10:00" % (y, mo)), 3, CUS_MZ,
             [(P_AMOX, BA, exp, amz, 1050, None), (P_IBU, BI, exp, 30, 1520, None)],
             pay=[(T("%04d-%02d-20 10:00" % (ny, nm)), None)], tag="MZ%d" % idx)
        if mo in (3, 6, 9, 12) and y == 2026:
            L.stock_count(T("%04d-%02d-%02d 17:00" % (y, mo, _lastday(y, mo))), "PD%04d%02d%02d001" % (y, mo, _lastday(y, mo)), "WH-A")
    L.stock_count(T("2027-04-10 17:00"), "PD20270410001", "WH-A")
    return L


# ================================================================== 68
def l68():
    L = Ledger(68, "credit-note-283-days-after-invoice", "VIOLATION",
               "a credit note for a February invoice issued in November, after the paid invoice has been "
               "forgotten (ORPHAN); beside it a return 137 days after a July sale, with its credit note and "
               "refund, which is inside every window and stays quiet")
    common_notes(L)
    L.note("invoice A: booked 2026-02-10 16:00, paid 03-05; forgotten by rules.md ('closed invoices for "
           "return_window_days', i.e. by 09-01) and by benchmarks.md ('invoices until 180 days after "
           "their payment deadline', i.e. by 10-08); its credit note on 2026-11-20 11:00 therefore names "
           "an unknown invoice, and the count on 12-28 passes the 30-day ORPHAN deadline (12-20 11:00)")
    L.note("invoice B: booked 07-06, paid 08-03; return 11-20 (137 days after the sale), credit note "
           "and refund inside the correction window; all still remembered")
    L.note(REFUND)
    L.why(WHY_ORPHAN.format("{cnA}"))
    L.master(T("2026-02-01 09:00"), [SUP_NK, CUS_KN], [P_AMOX])
    B, E = "2601104520", "2028-12-31"
    stock_in(L, "2026-02-04", 1, SUP_NK, [(P_AMOX, B, "2026-01-10", E, 600, 860, None)], T("2026-03-04 10:00"))
    xsA, psA, invA, totA = sell(L, T("2026-02-10 10:00"), 1, CUS_KN, [(P_AMOX, B, E, 200, 1050, None)],
                                pay=[(T("2026-03-05 10:00"), None)], tag="A")
    xsB, psB, invB, totB = sell(L, T("2026-07-06 10:00"), 1, CUS_KN, [(P_AMOX, B, E, 200, 1050, None)],
                                pay=[(T("2026-08-03 10:00"), None)], tag="B")
    L.customer_return(T("2026-11-20 10:00"), "TH20261120001", CUS_KN, xsB, psB, "门店品种调整，包装完好退回",
                      [(P_AMOX, B, 20, "RET", None)])
    cnB, ctB = credit(L, T("2026-11-20 10:40"), invB, "sale", OWNER, CUS_KN, [(P_AMOX, 20, 1050)],
                      refs={"sale": [xsB], "delivery_note": [psB]})
    credit(L, T("2026-11-20 11:00"), invA, "sale", OWNER, CUS_KN, [(P_AMOX, 20, 1050)],
           refs={"sale": [xsA], "delivery_note": [psA]}, label="cnA")
    L.move("transfer", T("2026-11-23 10:00"), "YK20261123001", [(P_AMOX, B, 20, "RET", "WH-A", None)],
           refs={"receipt": ["TH20261120001"]}, reason="release")
    L.payment(T("2026-11-25 10:00"), "FK20261125001", "outgoing", OWNER, CUS_KN, ctB, [cnB])
    L.stock_count(T("2026-12-28 17:00"), "PD20261228001", "WH-A")
    L.expect_at("ORPHAN", "cnA")
    return L


# ================================================================== 69
def l69():
    L = Ledger(69, "net-of-credit-paid-at-deadline-and-refund-at-14-days", "LEGITIMATE",
               "an invoice of 31 Dec, net of a credit note for a return, settled in two instalments, the "
               "last exactly at its deadline on 1 Mar 2027 (across the 28-day February); a double payment "
               "refunded exactly 14 days after the duplicate")
    common_notes(L)
    L.note("invoice I1: occurred_at 2026-12-31 09:00 -> deadline 2027-03-01 09:00 (31 + 28 + 1 days); "
           "instalments 1,500.00 + 2,015.00 = 3,515.00 CNY = 3,620.00 invoiced - 105.00 credited (UNPAID is 'net "
           "of credit notes')")
    L.note("I2: paid 2027-01-25 10:00 and, by mistake, again 01-26 10:00; the excess 'counted from the "
           "latest record involved' (the duplicate) may wait 14 days: the refund at 2027-02-09 10:00:00 "
           "is exactly at that deadline")
    L.note(REFUND)
    L.master(T("2026-12-01 09:00"), [SUP_NK, CUS_RH, CUS_KN], [P_AMOX, P_IBU])
    BA, EA, BI, EI = "2611034527", "2029-10-31", "2611054631", "2029-10-31"
    stock_in(L, "2026-12-04", 1, SUP_NK, [(P_AMOX, BA, "2026-11-03", EA, 500, 860, None),
                                          (P_IBU, BI, "2026-11-05", EI, 200, 1250, None)], T("2027-01-04 10:00"))
    xs, ps, inv1, tot1 = sell(L, T("2026-12-28 10:00"), 1, CUS_RH,
                              [(P_AMOX, BA, EA, 200, 1050, None), (P_IBU, BI, EI, 100, 1520, None)],
                              inv_at=T("2026-12-31 09:00"), tag="1")
    L.customer_return(T("2027-01-08 10:00"), "TH20270108001", CUS_RH, xs, ps, "医院多订，包装完好退回",
                      [(P_AMOX, BA, 10, "RET", None)])
    cn, ctot = credit(L, T("2027-01-08 15:00"), inv1, "sale", OWNER, CUS_RH, [(P_AMOX, 10, 1050)],
                      refs={"sale": [xs], "delivery_note": [ps]})
    L.move("transfer", T("2027-01-11 10:00"), "YK20270111001", [(P_AMOX, BA, 10, "RET", "WH-A", None)],
           refs={"receipt": ["TH20270108001"]}, reason="release")
    L.payment(T("2027-01-20 10:00"), "SK20270120001", "incoming", CUS_RH, OWNER, 150000, [inv1])
    L.payment(T("2027-03-01 09:00:00"), "SK20270301001", "incoming", CUS_RH, OWNER, tot1 - ctot - 150000, [inv1])
    xs2, ps2, inv2, tot2 = sell(L, T("2027-01-05 10:00"), 2, CUS_KN, [(P_AMOX, BA, EA, 100, 1050, None)],
                                pay=[(T("2027-01-25 10:00"), None), (T("2027-01-26 10:00"), None)], tag="2")
    L.payment(T("2027-02-09 10:00:00"), "FK20270209001", "outgoing", OWNER, CUS_KN, tot2, [inv2], label="refund")
    L.stock_count(T("2027-03-05 17:00"), "PD20270305001", "WH-A")
    return L


# ================================================================== 70
def l70():
    L = Ledger(70, "refund-14d1h-and-receipt-never-invoiced-feb", "VIOLATION",
               "a double payment refunded one hour after the 14-day correction window (TTGK-S); goods "
               "received at 23:30 on 31 Jan 2027 never invoiced, judged 15 minutes after the 30-day "
               "deadline at 23:30 on 2 Mar (UNINVOICED)")
    common_notes(L)
    L.note("double payment 2027-01-25 and 01-26 10:00, refund 2027-02-09 11:00: 14 days + 1 hour after the "
           "latest record of the excess; the refund's own occurred_at passes the deadline, so the finding "
           "is certain at the refund, naming the invoice")
    L.note("receipt 2027-01-31T23:30+08:00 (15:30Z): 30 x 24 h later is 2027-03-02T23:30+08:00 (February "
           "2027 has 28 days); the night count at 23:45 passes it. If days were counted as calendar dates "
           "ending at midnight the count would be in time: this ledger tells the two apart")
    L.note(REFUND)
    L.why("TTGK-S {inv2}: 'payments must not exceed the invoice. An excess is pending at once and becomes "
          "a finding if not corrected within the correction window'; correction_days 14 'Counted from the "
          "latest record involved'; Points at 'for an overpaid invoice, the invoice'")
    L.why(WHY_UNINV.format("{rcN}"))
    L.master(T("2027-01-04 09:00"), [SUP_NK, CUS_KN], [P_AMOX, P_IBU])
    BA, EA = "2612014538", "2029-11-30"
    stock_in(L, "2027-01-07", 1, SUP_NK, [(P_AMOX, BA, "2026-12-01", EA, 300, 860, None)], T("2027-02-05 10:00"))
    xs2, ps2, inv2, tot2 = sell(L, T("2027-01-11 10:00"), 1, CUS_KN, [(P_AMOX, BA, EA, 100, 1050, None)],
                                pay=[(T("2027-01-25 10:00"), None), (T("2027-01-26 10:00"), None)], tag="2")
    po = "CG20270128001"
    BI, EI = "2612284645", "2029-11-30"
    L.purchase(T("2027-01-28 09:30"), po, SUP_NK, [(P_IBU, 200, 1250)])
    L.receipt(T("2027-01-31 23:30"), "SH20270131001", SUP_NK, po, "DN-NK-20270131001",
              [(P_IBU, BI, "2026-12-28", EI, 200, None)], label="rcN")
    L.move("put_away", T("2027-02-01 08:30"), "RK20270201001", [(P_IBU, BI, 200, "RCV", "WH-A", None)],
           refs={"order": [po], "receipt": ["SH20270131001"]})
    L.payment(T("2027-02-09 11:00"), "FK20270209001", "outgoing", OWNER, CUS_KN, tot2, [inv2], label="refund")
    L.stock_count(T("2027-03-02 23:45"), "PD20270302001", "WH-A")
    L.expect_at("TTGK-S", "inv2")
    L.expect_at("UNINVOICED", "rcN")
    return L


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in (l59, l60, l61, l62, l63, l64, l65, l66, l67, l68, l69, l70):
        L = f()
        base = L.write(OUT)
        print(base, len(L.events), "events", [(r, L.line_of[l]) for r, l in L.expect])


if __name__ == "__main__":
    main()
