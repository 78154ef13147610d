#!/usr/bin/env python3
"""Regenerates ledgers 71-74 (round 5: evidence that arrives after its orphan window) into
samples/inspections/. Deterministic: no clock, no randomness. Run: python3 rounds/generator/round5.py
Written from docs/ alone; lib.py is the round-4 helper module, copied unchanged."""
import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import *  # noqa

OUT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

D30 = timedelta(days=30)
D60 = timedelta(days=60)
D14 = timedelta(days=14)

CLOCK = ("the ledger's clock is the latest occurred_at seen (rules.md intro; architecture.md "
         "Clock); there is no --now option, so every deadline this ledger relies on is passed by a "
         "later event (the closing stock count)")
DAYS = ("N days = N x 24 h from the instant the docs name; a deadline fires only when the clock passes "
        "it (architecture.md Clock); none of the deadlines below is closer than one hour to an event")
APPLY = ("findings.md 'When a finding is certain': 'the invoice a payment or credit note names | the "
         "payment, the credit note (ORPHAN) | orphan_days, 30 days; a payment or credit note recorded "
         "before its invoice is applied to it when the invoice is booked'; rules.md TTGK-P: 'Payments "
         "and credit notes recorded before their invoice are applied when it is booked'; architecture.md "
         "'credit notes and payments recorded before their invoice are held and applied when it is "
         "booked'. None of the three makes an exception for evidence already reported as ORPHAN, so the "
         "late invoice receives it and nothing after the ORPHAN is expected")
PREPAY = ("prepayment: the payment quotes the 数电票 number of the invoice booked later (a payment links to "
          "an invoice only by number; previous DOC-GAPS B2)")

WHY_ORPHAN = ("ORPHAN {0}: 'An invoice whose order or sale has no goods movement, a credit note for an "
              "unknown invoice, or a payment that settles no known invoice, within the threshold' "
              "(orphan_days 30 'Days an invoice may wait for its goods, or a payment for its invoice')")
NOT_UNPAID = ("not UNPAID {0}: 'An invoice (net of credit notes) not fully paid within the threshold'; "
              "it is fully paid, net of its credit notes, once the held evidence is applied")


def common_notes(L):
    L.note(CLOCK)
    L.note(DAYS)


def span(td):
    h, m = divmod(int(td.total_seconds()) // 60, 60)
    d, h = divmod(h, 24)
    return "%d d %d h %02d min" % (d, h, m)


def fmt(dt):
    return dt.astimezone(CST).strftime("%Y-%m-%d %H:%M")


def sale_at(L, at, rev_at, seq, customer, lines, disp_qty=None, tag=""):
    """sale at `at`; outbound review at rev_at, dispatch 30 min later (of disp_qty per line if given).
    lines: (product, batch, expiry, qty, price)."""
    ymd = at.strftime("%Y%m%d")
    xs = "XS%s%03d" % (ymd, seq)
    L.sale(at, xs, customer, [(p, b, e, q, pr) for p, b, e, q, pr in lines], label="sale" + tag)
    q_of = lambda i, q: disp_qty[i] if disp_qty else q
    rymd = rev_at.strftime("%Y%m%d")
    L.review(rev_at, "FH%s%03d" % (rymd, seq), customer, xs,
             [(p, b, e, q_of(i, q)) for i, (p, b, e, q, pr) in enumerate(lines)])
    ps = "PS%s%03d" % (rymd, seq)
    L.dispatch(rev_at + timedelta(minutes=30), ps, customer, xs,
               [(p, b, q_of(i, q), "WH-A", None) for i, (p, b, e, q, pr) in enumerate(lines)], label="disp" + tag)
    return xs, ps, rev_at + timedelta(minutes=30)


def stock_in(L, day, seq, supplier, lines, pay_at):
    """purchase (day-2 09:30), receipt (day 10:00), put-away 11:00, purchase invoice 15:00, payment."""
    d0 = T(day + " 10:00")
    ymd = day.replace("-", "")
    po = "CG%s%03d" % (ymd, seq)
    L.purchase(d0 - timedelta(days=2, minutes=30), po, supplier, [(p, q, pr) for p, b, pd, e, q, pr in lines])
    rc = "SH%s%03d" % (ymd, seq)
    L.receipt(d0, rc, supplier, po, "DN-NK-%s%03d" % (ymd, seq), [(p, b, pd, e, q, None) for p, b, pd, e, q, pr in lines])
    L.move("put_away", d0 + timedelta(hours=1), "RK%s%03d" % (ymd, seq),
           [(p, b, q, "RCV", "WH-A", None) for p, b, pd, e, q, pr in lines], refs={"order": [po], "receipt": [rc]})
    inv_at = d0 + timedelta(hours=5)
    inv = L.inv_no(inv_at, "3301")
    tot = L.invoice(inv_at, inv, "purchase", supplier, OWNER, [(p, q, pr) for p, b, pd, e, q, pr in lines],
                    refs={"order": [po]})
    assert pay_at <= inv_at + D60
    L.payment(pay_at, "FK%s%03d" % (pay_at.strftime("%Y%m%d"), seq), "outgoing", OWNER, supplier, tot, [inv])
    return po, inv, tot


# ================================================================== 71
def l71(gap=D30 + timedelta(hours=1)):
    L = Ledger(71, "prepayment-invoice-30d1h-late-then-quiet", "VIOLATION",
               "a customer prepays a sales invoice in full; the goods are dispatched 10 days later and the "
               "invoice is booked 30 days + 1 hour after the payment (ORPHAN at the payment); the invoice "
               "is then fully paid by the held payment, so nothing else follows up to 67 days after it")
    common_notes(L)
    L.note(PREPAY)
    L.note(APPLY)
    L.master(T("2026-03-02 09:00"), [SUP_NK, CUS_KN], [P_AMOX])
    B, E = "2602034518", "2029-01-31"
    stock_in(L, "2026-03-05", 1, SUP_NK, [(P_AMOX, B, "2026-02-03", E, 500, 860)], T("2026-04-02 10:00"))
    pay_at = T("2026-03-10 15:00")
    inv_at = pay_at + gap                                 # 2026-04-09 16:00
    inv = L.inv_no(inv_at, "3300")
    xs, ps, disp_at = sale_at(L, T("2026-03-09 10:00"), T("2026-03-20 10:00"), 1, CUS_KN,
                              [(P_AMOX, B, E, 200, 1050)])
    tot = 200 * 1050
    L.payment(pay_at, "SK20260310001", "incoming", CUS_KN, OWNER, tot, [inv], label="prepay")
    L.invoice(inv_at, inv, "sale", OWNER, CUS_KN, [(P_AMOX, 200, 1050)],
              refs={"sale": [xs], "delivery_note": [ps]}, label="inv")
    end = T("2026-06-15 17:00")
    assert inv_at - disp_at < D30 and end > inv_at + D60 and end > disp_at + D30
    L.note("payment SK20260310001 of 2,100.00 CNY on %s; its ORPHAN deadline %s; invoice %s booked (and "
           "issued) %s, i.e. 30 days + 1 hour later, so the clock passes the payment's deadline with the "
           "invoice itself and ORPHAN names the payment" % (fmt(pay_at), fmt(pay_at + D30), inv, fmt(inv_at)))
    L.note("dispatch PS20260320001 (200 盒) on %s: the invoice comes %s later, inside uninvoiced_days "
           "(deadline %s), and bills exactly the 200 dispatched (no TTGK-S excess, no ORPHAN of the invoice)"
           % (fmt(disp_at), span(inv_at - disp_at), fmt(disp_at + D30)))
    L.note("UNPAID deadline of the invoice: %s (occurred_at + 60 days; issued_on is the same day); the "
           "closing count on %s passes it. The 2,100.00 CNY prepaid equals the invoice total, so it is "
           "not UNPAID and not overpaid (TTGK-S)" % (fmt(inv_at + D60), fmt(end)))
    L.why(WHY_ORPHAN.format("{prepay}"))
    L.why(NOT_UNPAID.format("{inv}"))
    L.stock_count(end, "PD20260615001", "WH-A")
    L.expect_at("ORPHAN", "prepay")
    return L


# ================================================================== 72
def l72(gap=timedelta(days=31)):
    L = Ledger(72, "credit-note-31d-before-its-invoice", "VIOLATION",
               "a sales credit note entered by the ERP 31 days before the invoice it credits (ORPHAN at the "
               "credit note); once the invoice is booked the credit note is applied, the hospital pays the "
               "net amount within terms, and nothing else follows up to 69 days after the invoice")
    common_notes(L)
    L.note(APPLY)
    L.master(T("2026-05-04 09:00"), [SUP_NK, CUS_MZ], [P_AMOX])
    B, E = "2604064522", "2029-03-31"
    stock_in(L, "2026-05-06", 1, SUP_NK, [(P_AMOX, B, "2026-04-06", E, 500, 860)], T("2026-06-01 10:00"))
    cn_at = T("2026-05-12 15:00")
    inv_at = cn_at + gap                                  # 2026-06-12 15:00
    inv = L.inv_no(inv_at, "3300")
    cn = L.inv_no(cn_at, "3300")
    xs, ps, disp_at = sale_at(L, T("2026-05-11 10:00"), T("2026-05-18 10:00"), 1, CUS_MZ,
                              [(P_AMOX, B, E, 220, 1050)], disp_qty=[200])
    ctot = L.invoice(cn_at, cn, "sale", OWNER, CUS_MZ, [(P_AMOX, 20, 1050)],
                     refs={"sale": [xs]}, credit_for=inv, label="cn")
    tot = L.invoice(inv_at, inv, "sale", OWNER, CUS_MZ, [(P_AMOX, 220, 1050)],
                    refs={"sale": [xs], "delivery_note": [ps]}, label="inv")
    pay_at = T("2026-07-20 10:00")
    L.payment(pay_at, "SK20260720001", "incoming", CUS_MZ, OWNER, tot - ctot, [inv], label="pay")
    end = T("2026-08-20 17:00")
    assert tot - ctot == 200 * 1050 and inv_at - disp_at < D30 and pay_at < inv_at + D60 < end
    L.note("story: sale XS20260511001 of 220 盒; the hospital cut it to 200 before delivery, finance keyed "
           "the red-letter credit note %s (20 x 10.50 = 210.00 CNY, credit_for %s) on %s, and the blue "
           "invoice %s (220 x 10.50 = 2,310.00 CNY) was booked only on %s, 31 days later; only 200 盒 "
           "were reviewed and dispatched (%s)" % (cn, inv, fmt(cn_at), inv, fmt(inv_at), fmt(disp_at)))
    L.note("the credit note's ORPHAN deadline is %s; the invoice itself passes it. Net invoiced "
           "220 - 20 = 200 = dispatched, so no TTGK-S excess and the dispatch is covered inside "
           "uninvoiced_days (deadline %s)" % (fmt(cn_at + D30), fmt(disp_at + D30)))
    L.note("the hospital pays the net 2,100.00 CNY on %s listing the invoice only (UNPAID is 'net of credit "
           "notes'); UNPAID deadline %s, passed by the closing count on %s. If the ORPHAN credit note were "
           "not applied, the invoice would be 20 盒 over the dispatched quantity (TTGK-S at +14 days) and "
           "210.00 CNY short (UNPAID): neither is expected" % (fmt(pay_at), fmt(inv_at + D60), fmt(end)))
    L.why(WHY_ORPHAN.format("{cn}"))
    L.why(NOT_UNPAID.format("{inv}"))
    L.stock_count(end, "PD20260820001", "WH-A")
    L.expect_at("ORPHAN", "cn")
    return L


# ================================================================== 73
def l73(gap=timedelta(days=35)):
    L = Ledger(73, "purchase-invoice-goods-35d-later", "VIOLATION",
               "a supplier's invoice booked 35 days before its goods (先票后货, ORPHAN at the invoice); the "
               "goods then match it exactly and it is paid in time, so there is no TTGK-P over-invoice, no "
               "UNPAID and no UNINVOICED for the goods, up to 36 days after their arrival")
    common_notes(L)
    L.master(T("2026-07-01 09:00"), [SUP_NK], [P_IBU])
    po = "CG20260703001"
    L.purchase(T("2026-07-03 10:00"), po, SUP_NK, [(P_IBU, 300, 1250)])
    inv_at = T("2026-07-06 09:00")
    inv = L.inv_no(inv_at, "3301")
    tot = L.invoice(inv_at, inv, "purchase", SUP_NK, OWNER, [(P_IBU, 300, 1250)], refs={"order": [po]}, label="inv")
    rc_at = inv_at + gap                                  # 2026-08-10 09:00
    B, E = "2606154637", "2029-05-31"
    L.receipt(rc_at, "SH20260810001", SUP_NK, po, "DN-NK-20260810001", [(P_IBU, B, "2026-06-15", E, 300, None)],
              label="rc")
    L.move("put_away", rc_at + timedelta(hours=1), "RK20260810001", [(P_IBU, B, 300, "RCV", "WH-A", None)],
           refs={"order": [po], "receipt": ["SH20260810001"]})
    pay_at = T("2026-08-20 10:00")
    L.payment(pay_at, "FK20260820001", "outgoing", OWNER, SUP_NK, tot, [inv], label="pay")
    end = T("2026-09-15 17:00")
    assert tot == 375000 and pay_at < inv_at + D60 < end and rc_at + D30 < end and rc_at + D14 < end
    L.note("invoice %s (300 x 12.50 = 3,750.00 CNY) for order %s booked %s; no goods by its ORPHAN deadline "
           "%s (the receipt on %s, 35 days later, passes it)" % (inv, po, fmt(inv_at), fmt(inv_at + D30), fmt(rc_at)))
    L.note("after the ORPHAN the invoice is still the order's invoice: findings.md 'the goods an invoice is "
           "for | the invoice (ORPHAN) | orphan_days, 30 days; invoiced quantities are counted against the "
           "goods when they arrive'. The 300 盒 accepted equal the 300 invoiced, so no TTGK-P excess (none "
           "pending before the goods either: the invoice waits as a possible ORPHAN, round 4 ledger 65), and "
           "the receipt is covered at once: no UNINVOICED at its deadline %s" % fmt(rc_at + D30))
    L.note("payment of 3,750.00 CNY on %s to the supplier's registered account, before the UNPAID deadline "
           "%s; it names a known invoice (not ORPHAN). The closing count on %s passes every deadline"
           % (fmt(pay_at), fmt(inv_at + D60), fmt(end)))
    L.why(WHY_ORPHAN.format("{inv}"))
    L.why("not UNINVOICED {rc}: 'Goods received or dispatched for which no invoice covers the quantity within "
          "the threshold': invoice {inv} covers all 300")
    L.stock_count(end, "PD20260915001", "WH-A")
    L.expect_at("ORPHAN", "inv")
    return L


# ================================================================== 74
def l74(gapB=timedelta(days=40), revB="2026-10-08 10:00"):
    L = Ledger(74, "prepaid-two-invoices-one-40d-late-and-early-credit-note", "LEGITIMATE",
               "one customer payment prepays two sales invoices: the first is booked 7 days later, the "
               "second 40 days later; beside them a credit note for a return entered 2 days before the "
               "invoice it credits; everything settled, quiet up to 63 days after the last invoice")
    common_notes(L)
    L.note(PREPAY)
    L.note(APPLY)
    L.master(T("2026-09-01 09:00"), [SUP_NK, CUS_RH], [P_AMOX, P_IBU])
    BA, EA, BI, EI = "2608034526", "2029-07-31", "2608054633", "2029-07-31"
    stock_in(L, "2026-09-03", 1, SUP_NK, [(P_AMOX, BA, "2026-08-03", EA, 600, 860),
                                          (P_IBU, BI, "2026-08-05", EI, 300, 1250)], T("2026-10-02 10:00"))
    pay_at = T("2026-09-08 15:00")
    invA_at = T("2026-09-15 15:00")
    invB_at = pay_at + gapB                               # 2026-10-18 15:00
    invA = L.inv_no(invA_at, "3300")
    invB = L.inv_no(invB_at, "3300")
    xsA, psA, dA = sale_at(L, T("2026-09-07 10:00"), T("2026-09-10 10:00"), 1, CUS_RH, [(P_AMOX, BA, EA, 150, 1050)], tag="A")
    xsB, psB, dB = sale_at(L, T("2026-09-07 10:10"), T(revB), 2, CUS_RH, [(P_IBU, BI, EI, 100, 1520)], tag="B")
    totA, totB = 150 * 1050, 100 * 1520
    L.payment(pay_at, "SK20260908001", "incoming", CUS_RH, OWNER, totA + totB, [invA, invB], label="prepay")
    L.invoice(invA_at, invA, "sale", OWNER, CUS_RH, [(P_AMOX, 150, 1050)], refs={"sale": [xsA], "delivery_note": [psA]}, label="invA")
    L.invoice(invB_at, invB, "sale", OWNER, CUS_RH, [(P_IBU, 100, 1520)], refs={"sale": [xsB], "delivery_note": [psB]}, label="invB")
    # C: return before the invoice, credit note entered 2 days before the invoice
    xsC, psC, dC = sale_at(L, T("2026-09-21 09:30"), T("2026-09-21 10:00"), 3, CUS_RH, [(P_AMOX, BA, EA, 100, 1050)], tag="C")
    L.customer_return(T("2026-09-24 10:00"), "TH20260924001", CUS_RH, xsC, psC, "医院多订，包装完好退回",
                      [(P_AMOX, BA, 10, "RET", None)], label="ret")
    cn_at, invC_at = T("2026-09-25 15:00"), T("2026-09-27 15:00")
    invC = L.inv_no(invC_at, "3300")
    cn = L.inv_no(cn_at, "3300")
    ctot = L.invoice(cn_at, cn, "sale", OWNER, CUS_RH, [(P_AMOX, 10, 1050)], refs={"sale": [xsC]}, credit_for=invC, label="cn")
    L.move("transfer", T("2026-09-26 10:00"), "YK20260926001", [(P_AMOX, BA, 10, "RET", "WH-A", None)],
           refs={"receipt": ["TH20260924001"]}, reason="release")
    totC = L.invoice(invC_at, invC, "sale", OWNER, CUS_RH, [(P_AMOX, 100, 1050)], refs={"sale": [xsC], "delivery_note": [psC]}, label="invC")
    payC_at = T("2026-10-20 10:00")
    L.payment(payC_at, "SK20261020001", "incoming", CUS_RH, OWNER, totC - ctot, [invC], label="payC")
    end = T("2026-12-20 17:00")
    assert invA_at < pay_at + D30 < invB_at and invA_at - dA < D30 and invB_at - dB < D30 and invC_at - dC < D30
    assert invC_at - cn_at < D30 and end > invB_at + D60 and payC_at < invC_at + D60
    L.note("payment SK20260908001 of %s CNY = invoice A %s (150 x 10.50 = 1,575.00) + invoice B %s "
           "(100 x 15.20 = 1,520.00), listing [A, B], on %s. A is booked %s, inside the payment's orphan "
           "window (to %s), so the payment settles a known invoice and is not ORPHAN ('a payment that "
           "settles no known invoice'); format.md payment.invoices: 'The amount goes to them in order, each "
           "up to its open amount, the last taking the remainder', so A takes 1,575.00 and B, booked %s "
           "(40 days after the payment), the remaining 1,520.00"
           % ("{:,.2f}".format((totA + totB) / 100), invA, invB, fmt(pay_at), fmt(invA_at), fmt(pay_at + D30), fmt(invB_at)))
    L.note("the remainder held for B is not an overpayment of A: B is named on the payment and 'a payment "
           "... recorded before its invoice is applied to it when the invoice is booked'; so no TTGK-S "
           "excess (which would be due 14 days after A, %s) and no UNPAID of A (%s) or B (%s)"
           % (fmt(invA_at + D14), fmt(invA_at + D60), fmt(invB_at + D60)))
    L.note("goods: A dispatched %s, B %s, C %s; each invoice comes within 30 days of its dispatch "
           "(A +%s, B +%s, C +%s)" % (fmt(dA), fmt(dB), fmt(dC), span(invA_at - dA), span(invB_at - dB), span(invC_at - dC)))
    L.note("C: 100 盒 dispatched, 10 returned on 2026-09-24 and released back to WH-A after re-acceptance; "
           "credit note %s (10 x 10.50 = 105.00, credit_for %s) entered %s, two days before invoice C "
           "(100 x 10.50 = 1,050.00) booked %s: inside orphan_days, applied when C is booked, net 90 = "
           "dispatched net of returns; the hospital pays the net 945.00 CNY on %s (UNPAID deadline %s)"
           % (cn, invC, fmt(cn_at), fmt(invC_at), fmt(payC_at), fmt(invC_at + D60)))
    L.note("the closing count on %s passes every UNPAID, UNINVOICED, ORPHAN and correction deadline" % fmt(end))
    L.why("quiet: ORPHAN needs 'a payment that settles no known invoice' or 'a credit note for an unknown "
          "invoice, within the threshold'; the payment (line {prepay}) settles invoice A (line {invA}), the credit "
          "note (line {cn}) finds its invoice C (line {invC}) within 2 days")
    L.stock_count(end, "PD20261220001", "WH-A")
    return L


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in (l71, l72, l73, l74):
        L = f()
        base = L.write(OUT)
        print(base, len(L.events), "events", [(r, L.line_of[l]) for r, l in L.expect])


if __name__ == "__main__":
    main()
