#!/usr/bin/env python3
"""Round 9a inspection ledgers 111-122 for rxledger, written from README.md, docs/ and the earlier
rounds' files only. Writes NN-name.jsonl and NN-name.expected into out9a/.
Deterministic: no clock, no randomness.  Run: python3 generator/round9a.py"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib9a import *  # noqa

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CLOCK = ("the ledger's clock is the latest occurred_at seen (rules.md intro); deadlines fire only when the clock "
         "passes them ('an event exactly at the deadline is in time, one a second later is not'); N days = N x 24 h; "
         "UNPAID runs from the later of issued_on 00:00 Beijing and the invoice's occurred_at (format.md Dates)")
MASTER = ("master data first: the owner (relation self), every party with a valid licence, a scope covering what it "
          "trades and its bank account, every product and zone; every event has entered_at 5 minutes after "
          "occurred_at (1 minute for temperature uploads); instants are +08:00; ids are UUID v7 of entered_at, "
          "increasing; unified social credit codes carry valid check characters; invoices are 20-digit 数电票 numbers")
STORES = ("WH-A/WH-B/SP-1/MD-1 are registered ambient zones (CR-1 cold where present); RCV, RET and QA are "
          "unregistered staging, returns and quarantine locations (the default quarantine_locations are QA and RET)")
SLACK = ("format.md Value types, Money: 'Invoice lines must satisfy amount = quantity x unit_price ... to within the "
         "rounding of a unit price printed with more decimals than fen ... at most ⌈quantity / 2⌉ fen apart is "
         "accepted'; InvoiceLine.amount: 'write the amount as printed and the unit price rounded to fen'")


def stock_in(L, at, po, supplier, lines, seq=1, to=None, label=None, pa_label=None, transport=None):
    """receipt at `at` of lines (product, batch, prod, expiry, qty[, codes]) at RCV; put-away 1 h later."""
    rc = "SH%s%03d" % (ymd(at), seq)
    dn = "DN-%s-%03d" % (ymd(at), seq)
    L.receipt(at, rc, supplier, po, dn,
              [(l[0], l[1], l[2], l[3], l[4], l[5] if len(l) > 5 else None) for l in lines],
              label=label, transport=transport)
    L.move("put_away", at + H, "RK%s%03d" % (ymd(at), seq),
           [(l[0], l[1], l[4], "RCV", (to or {}).get(l[0], "WH-A"), l[5] if len(l) > 5 else None) for l in lines],
           refs={"order": [po], "receipt": [rc]}, label=pa_label)
    return rc


def sell(L, at, seq, customer, lines, tag="", frm="WH-A", codes_of=None, dispatch_from=None):
    """sale at `at`, review +30 min, dispatch +60 min. lines: (product, batch, expiry, qty, price)."""
    xs = "XS%s%03d" % (ymd(at), seq)
    ps = "PS%s%03d" % (ymd(at), seq)
    L.sale(at, xs, customer, lines, label="sale" + tag)
    L.review(at + 30 * M, "FH%s%03d" % (ymd(at), seq), customer, xs,
             [(p, b, e, q) for p, b, e, q, pr in lines], label="rev" + tag)
    L.dispatch(at + 60 * M, ps, customer, xs,
               [(p, b, q, dispatch_from or frm, (codes_of or {}).get(p)) for p, b, e, q, pr in lines],
               label="disp" + tag)
    return xs, ps


def inv(L, at, direction, issuer, buyer, lines, refs, label=None, credit_for=None, issued_on=None):
    no = L.inv_no(at, "3300" if direction == "sale" else "3301")
    tot = L.invoice(at, no, direction, issuer, buyer, lines, refs, label=label, credit_for=credit_for,
                    issued_on=issued_on)
    return no, tot


# ================================================================== 111 / 112
LDK = ("2609150021", "2026-09-15", "2028-08-31")
VC = ("2608270013", "2026-08-27", "2028-08-26")
ASP = ("2609030045", "2026-09-03", "2029-08-31")
CEF = ("2609110008", "2026-09-11", "2028-09-10")


def rounding_ledger(num, name, kind, title, ldk_amount):
    L = Ledger(num, name, kind, title)
    at = L.master(T("2026-11-02 09:00"), [(SUP_HR, "supplier"), (CUS_RH, "customer")],
                  [P_LDK, P_VC, P_ASP, P_CEF], zones=(("WH-A", "ambient", None),))
    po = "CG20261103001"
    L.purchase(T("2026-11-03 09:00"), po, SUP_HR, [(P_LDK, 240, 80), (P_VC, 100, 210), (P_ASP, 60, 901), (P_CEF, 7, 1536)])
    stock_in(L, T("2026-11-05 10:00"), po, SUP_HR,
             [(P_LDK,) + LDK + (240,), (P_VC,) + VC + (100,), (P_ASP,) + ASP + (60,), (P_CEF,) + CEF + (7,)])
    pinv, ptot = inv(L, T("2026-11-05 15:00"), "purchase", SUP_HR, OWNER,
                     [(P_LDK, 240, 80, 19116), (P_VC, 100, 210, 21049), (P_ASP, 60, 901, 54050), (P_CEF, 7, 1536, 10748)],
                     {"order": [po]}, label="pinv")
    xs, ps = sell(L, T("2026-11-09 10:00"), 1, CUS_RH,
                  [(P_LDK, LDK[0], LDK[2], 120, 88), (P_VC, VC[0], VC[2], 25, 343), (P_ASP, ASP[0], ASP[2], 30, 1234)])
    sinv, stot = inv(L, T("2026-11-09 15:00"), "sale", OWNER, CUS_RH,
                     [(P_LDK, 120, 88, ldk_amount), (P_VC, 25, 343, 8562), (P_ASP, 30, 1234, 37035)],
                     {"sale": [xs], "delivery_note": [ps]}, label="sinv")
    L.customer_return(T("2026-11-12 10:00"), "TH20261112001", CUS_RH, xs, ps, "医院药房订货数量有误，外包装完好，原箱退回",
                      [(P_VC, VC[0], 5, "RET", None)], label="ret")
    cn, ctot = inv(L, T("2026-11-12 15:00"), "sale", OWNER, CUS_RH, [(P_VC, 5, 343, 1712)],
                   {"sale": [xs], "delivery_note": [ps]}, credit_for=sinv, label="cn")
    L.move("transfer", T("2026-11-13 10:00"), "YK20261113001", [(P_VC, VC[0], 5, "RET", "WH-A", None)],
           refs={"receipt": ["TH20261112001"]}, reason="release", by=["质管-周敏"])
    L.payment(T("2026-11-20 10:00"), "FK20261120001", "outgoing", OWNER, SUP_HR, ptot, [pinv])
    L.payment(T("2026-11-30 10:00"), "SK20261130001", "incoming", CUS_RH, OWNER, stot - ctot, [sinv], label="pay")
    L.stock_count(T("2026-12-01 10:00"), "PD20261201001", "WH-A",
                  [(P_LDK, LDK[0], 120), (P_VC, VC[0], 80), (P_ASP, ASP[0], 30), (P_CEF, CEF[0], 7)])
    L.note(MASTER)
    L.note(STORES)
    L.note(SLACK)
    L.note("purchase invoice (line {pinv}), 数电票 from 浙江华瑞制药, prices printed with 4-6 decimals, unit_price "
           "rounded half-up to fen: 利多卡因 240 x 0.7965 = 191.16 (unit 0.80: 240 x 80 = 19200, 84 fen apart, limit "
           "120); 维C 100 x 2.1049 = 210.49 (unit 2.10: 21000, +49, limit 50); 阿司匹林 60 x 9.00833 = 540.50 (unit 9.01: "
           "54060, 10 apart, limit 30); 头孢曲松 7 x 15.355 = 107.485 printed 107.48 (unit 15.36: 7 x 1536 = 10752, "
           "4 fen apart = ⌈7/2⌉ = 4, AT the limit for an odd quantity: a floor(q/2) reading would refuse it)")
    L.note("sales invoice (line {sinv}) to 杭州市仁和医院: 利多卡因 120 x 0.875 = 105.00, the format.md example itself "
           "(unit 0.88: 120 x 88 = 10560, %d fen apart, limit ⌈120/2⌉ = 60); 维C 25 x 3.425 = 85.625 printed 85.62 "
           "(round-half-even of the amount; unit 3.43 half-up: 25 x 343 = 8575, 13 fen apart = ⌈25/2⌉ = 13, AT the "
           "limit, odd quantity); 阿司匹林 30 x 12.3449 = 370.347 printed 370.35 (unit 12.34: 30 x 1234 = 37020, the "
           "amount 15 fen ABOVE quantity x price = ⌈30/2⌉ = 15, AT the limit in the other direction)"
           % (10560 - ldk_amount))
    L.note("credit note (line {cn}) for 5 瓶 维C returned: 5 x 3.425 = 17.125 printed 17.12 (unit 3.43: 5 x 343 = 1715, "
           "3 fen apart = ⌈5/2⌉ = 3, AT the limit on a credit note); the returned goods are released RET -> WH-A after "
           "re-inspection; the hospital pays the printed total less the credit note, %s CNY (line {pay})"
           % yuan(stot - ctot))
    L.note(CLOCK)
    L.note("sale and purchase records carry unit_price in fen (sale: 0.88, 3.43, 12.34); no rule compares invoice amounts "
           "with sale or purchase prices (TTGK-P/S read invoice quantities and totals, payments read totals)")
    return L


def l111():
    L = rounding_ledger(111, "invoice-lines-at-the-rounding-slack-both-directions-odd-quantities",
                        "LEGITIMATE",
                        "数电票 lines whose printed amount differs from quantity x unit price (rounded to fen) by exactly "
                        "the documented slack ⌈quantity/2⌉ fen: 120 x 0.875 (60 fen under), 25 x 3.425 (13 under), "
                        "30 x 12.3449 (15 over), a purchase line 7 x 15.355 (4 under) and a credit note 5 x 3.425 "
                        "(3 under); everything paid at the printed totals",
                        10500)
    L.why("quiet: every line is within the slack, so append accepts the file; TTGK-S: invoiced 120/25/30 = dispatched, "
          "credit note 5 = returned 5; payments equal the printed totals (TTGK 'payments must not exceed the invoice', "
          "UNPAID 'not fully paid' both satisfied with amount_tolerance_minor 0); TTGK-P: invoiced = accepted; stock count "
          "matches the books")
    return L


def l112():
    L = rounding_ledger(112, "invoice-line-one-fen-beyond-the-rounding-slack-refused-at-append",
                        "REFUSED-AT-APPEND",
                        "ledger 111 with one change: the 利多卡因 sales line is printed 104.99 instead of 105.00, 61 fen "
                        "from 120 x 0.88 where ⌈120/2⌉ = 60 is accepted (an ERP that spread a whole-invoice discount of "
                        "0.01 onto the line)",
                        10499)
    L.note("EXPECTATION OF THIS FILE IS NOT A FINDING: append must refuse the whole file before anything is appended "
           "(format.md: 'An input file is all-or-nothing ... The first bad line is reported as FILE:LINE: field `PATH`: "
           "message ... the exit code is 2 and the ledger is unchanged')")
    L.why("format.md Money: 'at most ⌈quantity / 2⌉ fen apart is accepted': 10560 - 10499 = 61 > 60")
    L.comment("append", "refused, exit 2, ledger unchanged; message names `112-invoice-line-one-fen-beyond-the-rounding-"
              "slack-refused-at-append.jsonl:{sinv}` and field `data.lines[0].amount`, saying 104.99 CNY is not "
              "120 x 0.88 CNY within the allowed 0.60 CNY (or similar)")
    L.comment("check", "not run on a ledger: nothing is appended; `rxledger check` of the empty ledger must be quiet")
    return L


# ================================================================== 113 / 114: 折让
CEF2 = ("2609260019", "2026-09-26", "2028-09-25")


def l113():
    L = Ledger(113, "price-reductions-as-zero-quantity-credit-notes-paid-net", "LEGITIMATE",
               "销售折让 and 购进折让 written as red-letter credit notes with one line of quantity 0 and unit price 0 "
               "(format.md), paid at the reduced amount; one customer also returns goods (a quantity credit note) and "
               "gets a reduction on the rest")
    L.master(T("2026-11-02 09:00"), [(SUP_HR, "supplier"), (CUS_RH, "customer"), (CUS_MZ, "customer")], [P_CEF])
    po = "CG20261103001"
    L.purchase(T("2026-11-03 09:00"), po, SUP_HR, [(P_CEF, 1000, 650)])
    stock_in(L, T("2026-11-05 10:00"), po, SUP_HR, [(P_CEF,) + CEF2 + (1000,)])
    pinv, ptot = inv(L, T("2026-11-05 15:00"), "purchase", SUP_HR, OWNER, [(P_CEF, 1000, 650)], {"order": [po]},
                     label="pinv")
    # sale A: 仁和, 400 x 12.80, 折让 200.00
    xa, pa = sell(L, T("2026-11-09 10:00"), 1, CUS_RH, [(P_CEF, CEF2[0], CEF2[2], 400, 1280)], tag="A")
    ia, ta = inv(L, T("2026-11-09 15:00"), "sale", OWNER, CUS_RH, [(P_CEF, 400, 1280)],
                 {"sale": [xa], "delivery_note": [pa]}, label="invA")
    # sale B: 明州, 300 x 12.80, 20 returned, 折让 100.00
    xb, pb = sell(L, T("2026-11-10 10:00"), 2, CUS_MZ, [(P_CEF, CEF2[0], CEF2[2], 300, 1280)], tag="B")
    ib, tb = inv(L, T("2026-11-10 15:00"), "sale", OWNER, CUS_MZ, [(P_CEF, 300, 1280)],
                 {"sale": [xb], "delivery_note": [pb]}, label="invB")
    L.customer_return(T("2026-11-13 10:00"), "TH20261113001", CUS_MZ, xb, pb, "临床用量调整，未开封原箱退回",
                      [(P_CEF, CEF2[0], 20, "RET", None)], label="retB")
    cb1, tcb1 = inv(L, T("2026-11-13 15:00"), "sale", OWNER, CUS_MZ, [(P_CEF, 20, 1280)],
                    {"sale": [xb], "delivery_note": [pb]}, credit_for=ib, label="cnB1")
    L.move("transfer", T("2026-11-14 10:00"), "YK20261114001", [(P_CEF, CEF2[0], 20, "RET", "WH-A", None)],
           refs={"receipt": ["TH20261113001"]}, reason="release", by=["质管-周敏"])
    ca, tca = inv(L, T("2026-11-16 15:00"), "sale", OWNER, CUS_RH, [(P_CEF, 0, 0, 20000)],
                  {"sale": [xa], "delivery_note": [pa]}, credit_for=ia, label="cnA")
    pcn, tpcn = inv(L, T("2026-11-16 16:00"), "purchase", SUP_HR, OWNER, [(P_CEF, 0, 0, 30000)],
                    {"order": [po]}, credit_for=pinv, label="pcn")
    cb2, tcb2 = inv(L, T("2026-11-20 15:00"), "sale", OWNER, CUS_MZ, [(P_CEF, 0, 0, 10000)],
                    {"sale": [xb], "delivery_note": [pb]}, credit_for=ib, label="cnB2")
    L.payment(T("2026-11-25 10:00"), "FK20261125001", "outgoing", OWNER, SUP_HR, ptot - tpcn, [pinv], label="payP")
    L.payment(T("2026-12-10 10:00"), "SK20261210001", "incoming", CUS_RH, OWNER, ta - tca, [ia], label="payA")
    L.payment(T("2026-12-15 10:00"), "SK20261215001", "incoming", CUS_MZ, OWNER, tb - tcb1 - tcb2, [ib], label="payB")
    L.stock_count(T("2026-12-20 10:00"), "PD20261220001", "WH-A", [(P_CEF, CEF2[0], 1000 - 400 - 300 + 20)])
    L.note(MASTER)
    L.note(STORES)
    L.note("format.md InvoiceLine.quantity: 'On a credit note: the quantity credited, or 0 for a price reduction (折让) "
           "of amount alone, with unit_price 0 (no goods returned, no quantity credited)'; the q0 lines are written "
           "quantity 0, unit_price 0 CNY, amount = the reduction")
    L.note("sale A (仁和): invoice {invA} 400 x 12.80 = 5,120.00; after the provincial 集采 price adjustment the hospital "
           "is granted 0.50/瓶: credit note {cnA} (credit_for {invA}) with one line quantity 0, amount 200.00; paid "
           "4,920.00 (line {payA})")
    L.note("sale B (明州): invoice {invB} 300 x 12.80 = 3,840.00; 20 瓶 returned (line {retB}) with a quantity credit "
           "note {cnB1} 20 x 12.80 = 256.00, then a 折让 for late delivery, credit note {cnB2} quantity 0, amount "
           "100.00; paid 3,484.00 (line {payB}) = 3,840.00 - 256.00 - 100.00. Quantities: invoiced 300 - 20 = 280 = "
           "dispatched 300 - returned 20")
    L.note("purchase: invoice {pinv} 1,000 x 6.50 = 6,500.00; the supplier grants a 折让 of 300.00 by red-letter "
           "invoice {pcn} (quantity 0); we pay 6,200.00 (line {payP}). Invoiced quantity stays 1,000 = accepted")
    L.note("one sale, several credit notes: each credit note names refs.sale and credit_for; the payments list only the "
           "original invoice and pay its net ('An invoice (net of credit notes)', UNPAID)")
    L.note(CLOCK + "; every invoice is settled within weeks; the ledger ends 2026-12-20, before any UNINVOICED or "
           "UNPAID deadline of an unsettled item (there are none)")
    L.why("quiet: TTGK-S/TTGK-P 'invoiced quantities (net of credit notes) must not exceed' the goods: quantity-0 lines "
          "credit no quantity, so invoiced stays equal to the goods (no UNINVOICED either, unlike the round-7 probe "
          "where a price-only credit note had to carry a quantity); 'payments must not exceed the invoice': each "
          "payment equals invoice minus credit notes; UNPAID 'An invoice (net of credit notes) not fully paid': all "
          "fully paid; ORPHAN: every credit note names a known invoice")
    return L


def l114():
    L = Ledger(114, "reduction-booked-but-paid-in-full-and-reduction-paid-but-never-booked", "VIOLATION",
               "two ways a 折让 goes wrong: 仁和 gets a zero-quantity credit note of 200.00 but pays the full 5,120.00 "
               "and nobody refunds the 200.00; 明州 is promised 150.00 off by the sales rep, pays 3,690.00, and no "
               "credit note is ever issued")
    L.master(T("2026-11-02 09:00"), [(SUP_HR, "supplier"), (CUS_RH, "customer"), (CUS_MZ, "customer")], [P_CEF])
    po = "CG20261103001"
    L.purchase(T("2026-11-03 09:00"), po, SUP_HR, [(P_CEF, 800, 650)])
    stock_in(L, T("2026-11-05 10:00"), po, SUP_HR, [(P_CEF,) + CEF2 + (800,)])
    pinv, ptot = inv(L, T("2026-11-05 15:00"), "purchase", SUP_HR, OWNER, [(P_CEF, 800, 650)], {"order": [po]})
    xa, pa = sell(L, T("2026-11-09 10:00"), 1, CUS_RH, [(P_CEF, CEF2[0], CEF2[2], 400, 1280)], tag="A")
    ia, ta = inv(L, T("2026-11-09 15:00"), "sale", OWNER, CUS_RH, [(P_CEF, 400, 1280)],
                 {"sale": [xa], "delivery_note": [pa]}, label="invA")
    xb, pb = sell(L, T("2026-11-10 10:00"), 2, CUS_MZ, [(P_CEF, CEF2[0], CEF2[2], 300, 1280)], tag="B")
    ib, tb = inv(L, T("2026-11-10 15:00"), "sale", OWNER, CUS_MZ, [(P_CEF, 300, 1280)],
                 {"sale": [xb], "delivery_note": [pb]}, label="invB")
    ca, tca = inv(L, T("2026-11-16 15:00"), "sale", OWNER, CUS_RH, [(P_CEF, 0, 0, 20000)],
                  {"sale": [xa], "delivery_note": [pa]}, credit_for=ia, label="cnA")
    L.payment(T("2026-11-20 10:00"), "SK20261120001", "incoming", CUS_RH, OWNER, ta, [ia], label="payA")
    L.payment(T("2026-11-25 10:00"), "FK20261125001", "outgoing", OWNER, SUP_HR, ptot, [pinv])
    L.payment(T("2026-12-01 10:00"), "SK20261201001", "incoming", CUS_MZ, OWNER, tb - 15000, [ib], label="payB")
    L.stock_count(T("2026-12-20 10:00"), "PD20261220001", "WH-A", [(P_CEF, CEF2[0], 100)])
    L.stock_count(T("2027-01-15 10:00"), "PD20270115001", "WH-A", [(P_CEF, CEF2[0], 100)], label="end")
    L.note(MASTER)
    L.note(STORES)
    L.note(CLOCK + "; the ledger ends with a stock count on 2027-01-15 10:00 (line {end}), after both deadlines below")
    L.note("仁和: invoice {invA} 5,120.00; credit note {cnA} (quantity 0, 200.00, credit_for {invA}) booked 11-16; "
           "the hospital's accounts payable had only the blue invoice and pays 5,120.00 on 11-20 10:00 (line {payA}): "
           "200.00 more than the invoice net of its credit note; no refund (format.md 'A refund is a payment in the "
           "other direction') follows. correction_days 14 'Counted from the latest record involved' = the payment: "
           "due 2026-12-04 10:00 Beijing")
    L.note("明州: invoice {invB} 3,840.00, issued_on 2026-11-10, occurred 15:00; a 折让 of 150.00 agreed but never "
           "invoiced; the hospital pays 3,690.00 on 12-01 (line {payB}); open 150.00. UNPAID due 60 days from "
           "2026-11-10 15:00 = 2027-01-09 15:00 Beijing")
    L.note("my reading of the brief's 'customer pays the full amount without a reduction being booked': paying the full "
           "invoice when no reduction was booked is ordinary and quiet; the two lawful-looking mistakes around a 折让 are "
           "the two planted here (booked but paid in full; agreed but not booked and paid short)")
    L.why("TTGK-S {invA}: 'payments must not exceed the invoice (tolerance). An excess is pending at once and becomes a "
          "finding if not corrected within the correction window'; Points at 'for an overpaid invoice, the invoice, "
          "with seqs adding its credit notes and payments' (seqs {invA}, {cnA}, {payA})")
    L.why("UNPAID {invB}: 'An invoice (net of credit notes) not fully paid within the threshold' (60 days); Points at "
          "'the invoice; seqs add its credit notes (invoice) and payments' (seqs {invB}, {payB})")
    L.expect_at("TTGK-S", "invA")
    L.expect_at("UNPAID", "invB")
    return L


# ================================================================== 115 / 116: negative book quantity counted
B1 = ("2610080011", "2026-10-08", "2028-09-30")
B2 = ("2610220035", "2026-10-22", "2028-10-31")
B3 = ("2610150027", "2026-10-15", "2028-09-30")
B4 = ("2610290041", "2026-10-29", "2028-10-31")


def l115():
    L = Ledger(115, "dispatch-booked-from-the-wrong-zone-negative-batch-counted-zero-and-left-off", "VIOLATION",
               "a dispatch is booked from WH-B although the goods left WH-A, taking a batch to -30 in WH-B; two cycle "
               "counts of WH-B write that batch as 0 and then leave it off the sheet; a book correction and a full "
               "count follow")
    L.master(T("2026-12-01 08:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer")], [P_AMX],
             zones=(("WH-A", "ambient", None), ("WH-B", "ambient", None)))
    po = "CG20261201001"
    L.purchase(T("2026-12-01 09:00"), po, SUP_NK, [(P_AMX, 300, 860)])
    stock_in(L, T("2026-12-02 10:00"), po, SUP_NK, [(P_AMX,) + B1 + (200,), (P_AMX,) + B2 + (100,)])
    # put-away: stock_in sends every line to one zone; move B2 on to WH-B at once
    L.move("transfer", T("2026-12-02 11:30"), "YK20261202001", [(P_AMX, B2[0], 100, "WH-A", "WH-B", None)],
           reason="relocation")
    pinv, ptot = inv(L, T("2026-12-02 15:00"), "purchase", SUP_NK, OWNER, [(P_AMX, 300, 860)], {"order": [po]})
    L.allow_negative.add((P_AMX, B1[0], "WH-B"))
    xs, ps = sell(L, T("2026-12-03 10:00"), 1, CUS_RH, [(P_AMX, B1[0], B1[2], 30, 1150)], dispatch_from="WH-B")
    sinv, stot = inv(L, T("2026-12-03 15:00"), "sale", OWNER, CUS_RH, [(P_AMX, 30, 1150)],
                     {"sale": [xs], "delivery_note": [ps]})
    L.stock_count(T("2026-12-10 17:00"), "PD20261210001", "WH-B", [(P_AMX, B2[0], 100), (P_AMX, B1[0], 0)],
                  label="cnt0")
    L.stock_count(T("2026-12-17 17:00"), "PD20261217001", "WH-B", [(P_AMX, B2[0], 100)], label="cntoff")
    L.payment(T("2026-12-18 10:00"), "SK20261218001", "incoming", CUS_RH, OWNER, stot, [sinv])
    L.move("transfer", T("2026-12-18 11:00"), "YK20261218001", [(P_AMX, B1[0], 30, "WH-A", "WH-B", None)],
           reason="relocation", by=["保管-赵磊", "质管-周敏"], label="fix")
    L.payment(T("2026-12-20 10:00"), "FK20261220001", "outgoing", OWNER, SUP_NK, ptot, [pinv])
    L.stock_count(T("2026-12-21 17:00"), "PD20261221001", "WH-A", [(P_AMX, B1[0], 170)], label="cntA")
    L.stock_count(T("2026-12-21 17:30"), "PD20261221002", "WH-B", [(P_AMX, B2[0], 100)], label="cntB")
    L.note(MASTER)
    L.note(STORES + "; put-away goes to WH-A and batch %s is relocated to WH-B half an hour later" % B2[0])
    L.note("the picker took 30 盒 of batch %s from WH-A, but the WMS booked the dispatch (line {disp}) from WH-B, where "
           "that batch never was: book WH-A 200 (physically 170), WH-B -30 (physically 0)" % B1[0])
    L.note("cycle count {cnt0} of WH-B writes batch %s as 0 (physically none); cycle count {cntoff} leaves it off the "
           "sheet; on 12-18 the stock clerk books the correction as a relocation WH-A -> WH-B of 30 (line {fix}), which "
           "puts both books right (WH-A 170, WH-B 0); the full counts {cntA} and {cntB} match" % B1[0])
    L.note("the STOCK-COUNT sentence about negative book quantities was reworded after round 8's disagreement D1 "
           "(out4/REPORT.md); this ledger tests its new wording")
    L.why("STOCK-NEG {disp}: 'Stock of a product batch at a location went below zero'; Points at 'the goods movement that "
          "took the batch below zero at the location: ... dispatch'")
    L.why("no STOCK-COUNT at {cnt0} or {cntoff}: rules.md STOCK-COUNT 'a negative book quantity (STOCK-NEG reported it) "
          "is not repeated here when the batch is counted as zero or left off the sheet, only when more than zero is "
          "counted'; no STOCK-COUNT at {cntA}/{cntB}: counted = book")
    L.expect_at("STOCK-NEG", "disp")
    return L


def l116():
    L = Ledger(116, "unbooked-relocation-negative-batch-counted-positive", "VIOLATION",
               "50 盒 are moved from WH-A to WH-B without a transfer record; 30 are then dispatched, correctly booked "
               "from WH-B, which takes the book to -30; the WH-B count finds the 20 that are really there; the "
               "relocation is booked afterwards and a recount matches")
    L.master(T("2026-12-01 08:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer")], [P_AMX],
             zones=(("WH-A", "ambient", None), ("WH-B", "ambient", None)))
    po = "CG20261201001"
    L.purchase(T("2026-12-01 09:00"), po, SUP_NK, [(P_AMX, 280, 860)])
    stock_in(L, T("2026-12-02 10:00"), po, SUP_NK, [(P_AMX,) + B3 + (200,), (P_AMX,) + B4 + (80,)])
    L.move("transfer", T("2026-12-02 11:30"), "YK20261202001", [(P_AMX, B4[0], 80, "WH-A", "WH-B", None)],
           reason="relocation")
    pinv, ptot = inv(L, T("2026-12-02 15:00"), "purchase", SUP_NK, OWNER, [(P_AMX, 280, 860)], {"order": [po]})
    L.allow_negative.add((P_AMX, B3[0], "WH-B"))
    xs, ps = sell(L, T("2026-12-04 10:00"), 1, CUS_RH, [(P_AMX, B3[0], B3[2], 30, 1150)], dispatch_from="WH-B")
    sinv, stot = inv(L, T("2026-12-04 15:00"), "sale", OWNER, CUS_RH, [(P_AMX, 30, 1150)],
                     {"sale": [xs], "delivery_note": [ps]})
    L.stock_count(T("2026-12-10 17:00"), "PD20261210001", "WH-B", [(P_AMX, B3[0], 20), (P_AMX, B4[0], 80)],
                  label="cnt")
    L.move("transfer", T("2026-12-11 09:00"), "YK20261211001", [(P_AMX, B3[0], 50, "WH-A", "WH-B", None)],
           reason="relocation", by=["保管-赵磊", "质管-周敏"], label="fix")
    L.stock_count(T("2026-12-15 17:00"), "PD20261215001", "WH-A", [(P_AMX, B3[0], 150)], label="cntA")
    L.stock_count(T("2026-12-15 17:30"), "PD20261215002", "WH-B", [(P_AMX, B3[0], 20), (P_AMX, B4[0], 80)],
                  label="cntB")
    L.payment(T("2026-12-18 10:00"), "SK20261218001", "incoming", CUS_RH, OWNER, stot, [sinv])
    L.payment(T("2026-12-20 10:00"), "FK20261220001", "outgoing", OWNER, SUP_NK, ptot, [pinv])
    L.note(MASTER)
    L.note(STORES)
    L.note("on 12-02 afternoon 50 盒 of batch %s are carried from WH-A to WH-B to make room, with no transfer record; "
           "the dispatch of 30 (line {disp}) is booked from WH-B, where the goods were: book WH-B -30, physically 20" % B3[0])
    L.note("count {cnt} of WH-B: batch %s counted 20 (book -30), batch %s counted 80 (book 80); the relocation is booked "
           "on 12-11 (line {fix}, dated when it is booked, so that no LATE-ENTRY arises); recounts {cntA} and {cntB} "
           "match (WH-A 150, WH-B 20 + 80)" % (B3[0], B4[0]))
    L.why("STOCK-NEG {disp}: 'Stock of a product batch at a location went below zero'; Points at the dispatch")
    L.why("STOCK-COUNT {cnt}: 'A stock count found a quantity different from the book quantity at that location ... a "
          "negative book quantity (STOCK-NEG reported it) is not repeated here when the batch is counted as zero or left "
          "off the sheet, only when more than zero is counted' (book -30, counted 20); Points at 'the stock_count'")
    L.expect_at("STOCK-NEG", "disp")
    L.expect_at("STOCK-COUNT", "cnt")
    return L


# ================================================================== 117 / 118: temperature re-uploads
def zone_points(start, end, step_min, skip=(), key="CR-1", lo=3.5, hi=6.5):
    pts, t = [], start
    while t <= end:
        if t not in skip:
            pts.append((t, noise("%s|%s" % (key, iso(t)), lo, hi)))
        t += step_min * M
    return pts


def blocks6h(points, day0):
    """split readings into the 6-hour blocks 00-06, 06-12, 12-18, 18-24 (Beijing) from day0 00:00."""
    out = {}
    for t, c in points:
        k = int((t - day0).total_seconds() // (6 * 3600))
        out.setdefault(k, []).append((t, c))
    return [out[k] for k in sorted(out)]


def l117():
    L = Ledger(117, "cold-room-and-truck-logs-re-uploaded-identically", "LEGITIMATE",
               "a cold room's monitoring system re-sends readings: an old block after a newer upload, a block that "
               "overlaps the next regular upload, and one upload sent twice; a refrigerated truck's trip log for an "
               "insulin delivery is uploaded after the receipt and again the next morning; nothing is missing")
    L.master(T("2026-11-05 09:00"), [(SUP_RH, "supplier")], [P_INS],
             zones=(("WH-A", "ambient", None), ("CR-1", "cold", ["TH-R01"])))
    po = "CG20261106001"
    L.purchase(T("2026-11-06 10:00"), po, SUP_RH, [(P_INS, 200, 4350)])
    day0 = T("2026-11-09 00:00")
    pts = zone_points(day0, T("2026-11-11 23:50"), 10)
    blocks = blocks6h(pts, day0)
    byt = dict(pts)
    labels = {}
    for b in blocks:
        up = b[-1][0] + M
        lab = None
        if b[0][0] == T("2026-11-10 12:00"):
            lab = "up1750"
        L.temps(up, "TH-R01", b, zone="CR-1", label=lab)
    # R1: old block 11-09 06:00-11:50 re-sent at 18:20, after the 17:51 upload
    r1 = [(t, c) for t, c in pts if T("2026-11-09 06:00") <= t <= T("2026-11-09 11:50")]
    L.temps(T("2026-11-09 18:20"), "TH-R01", r1, zone="CR-1", label="R1")
    # R2: 11-10 03:00-08:50 at 09:00: half already uploaded (05:51), half uploaded again at 11:51
    r2 = [(t, c) for t, c in pts if T("2026-11-10 03:00") <= t <= T("2026-11-10 08:50")]
    L.temps(T("2026-11-10 09:00"), "TH-R01", r2, zone="CR-1", label="R2")
    # R3: the 11-10 12:00-17:50 upload sent twice (platform retry, new event id)
    r3 = [(t, c) for t, c in pts if T("2026-11-10 12:00") <= t <= T("2026-11-10 17:50")]
    L.temps(T("2026-11-10 17:53"), "TH-R01", r3, zone="CR-1", label="R3")
    # truck
    veh = "沪B·C2031冷"
    ship = T("2026-11-10 08:00")
    arr = T("2026-11-10 14:00")
    trip = zone_points(ship, arr, 5, key=veh, lo=3.5, hi=6.5)
    INS = ("S20260915", "2026-09-15", "2028-09-14")
    L.receipt(arr, "SH20261110001", SUP_RH, po, "DN-RH-20261110001",
              [(P_INS, INS[0], INS[1], INS[2], 200, None)], label="rc",
              transport={"vehicle": veh, "shipped_at": iso(ship), "cold_chain": True})
    L.temps(T("2026-11-10 14:20"), "TL-3001", trip, vehicle=veh, label="trip1")
    L.move("put_away", T("2026-11-10 14:30"), "RK20261110001", [(P_INS, INS[0], 200, "RCV", "CR-1", None)],
           refs={"order": [po], "receipt": ["SH20261110001"]})
    pinv, ptot = inv(L, T("2026-11-10 16:00"), "purchase", SUP_RH, OWNER, [(P_INS, 200, 4350)], {"order": [po]})
    L.temps(T("2026-11-11 09:00"), "TL-3001", trip, vehicle=veh, label="trip2")
    L.payment(T("2026-11-11 10:00"), "FK20261111001", "outgoing", OWNER, SUP_RH, ptot, [pinv])
    L.note(MASTER)
    L.note("CR-1 (cold, 2-8 °C, sensors [TH-R01]) reads every 10 min from 2026-11-09 00:00 to 11-11 23:50, values "
           "3.5-6.5 °C (never flat for long, every day with far more than 12 value changes); regular uploads hold the "
           "6-hour blocks 00-06, 06-12, 12-18, 18-24 and are sent one minute after the block's last reading")
    L.note("re-uploads, all identical values at identical times and all within 24 h of their oldest reading (no "
           "TEMP-BACKFILL): R1 (line {R1}) at 11-09 18:20 re-sends 11-09 06:00-11:50 after the 17:51 upload of "
           "12:00-17:50 - the case that gave round 8 a false TEMP-GAP (out4 D2); R2 (line {R2}) at 11-10 09:00 sends "
           "03:00-08:50, overlapping the 05:51 upload and the coming 11:51 upload; R3 (line {R3}) is the 17:51 upload "
           "(line {up1750}) sent again at 17:53 with a new event id")
    L.note("truck 沪B·C2031冷: logger TL-3001 reads every 5 min from shipped_at 08:00 to arrival 14:00 (3.5-6.5 °C); "
           "the receipt (line {rc}) is booked at 14:00, the trip log uploaded at 14:20 (line {trip1}, within "
           "logger_settle_hours 4) and the same log again on 11-11 09:00 (line {trip2}, 25 h after its oldest reading, "
           "within transport_backfill_hours 72); the insulin (cold, 2-8 °C) is put away into CR-1")
    L.why("quiet: format.md 'Two uploads of one sensor that give the same instant different values are TEMP-CONFLICT; "
          "sending the same samples again is harmless'; TEMP-CONFLICT 'Identical re-uploads are fine'; TEMP-COPY 'a "
          "re-upload of the same readings at the same times is not a copy' / 'the same log uploaded twice (same times) "
          "is not'; TEMP-GAP 'Consecutive readings of a storage zone more than the storage limit apart': no two "
          "consecutive readings are more than 10 min (zone) or 5 min (truck) apart; architecture.md 'one stream per "
          "storage zone (continuous across uploads)'; CC-RECEIPT: readings cover ship time to arrival within 2-8 °C")
    return L


def l118():
    L = Ledger(118, "cold-room-real-gaps-then-the-gapped-uploads-re-sent", "VIOLATION",
               "a cold room's sensor misses 40 minutes inside one upload and, the next morning, 40 minutes across two "
               "uploads; each gapped upload is later re-sent identically (which must not add or move a finding); a "
               "30-minute gap in between is at the limit")
    L.master(T("2026-11-15 09:00"), [], [], zones=(("WH-A", "ambient", None), ("CR-1", "cold", ["TH-R01"])))
    day0 = T("2026-11-16 00:00")
    skip = {T("2026-11-16 08:10"), T("2026-11-16 08:20"), T("2026-11-16 08:30"),
            T("2026-11-16 20:10"), T("2026-11-16 20:20"),
            T("2026-11-17 05:30"), T("2026-11-17 05:40"), T("2026-11-17 05:50")}
    pts = zone_points(day0, T("2026-11-17 23:50"), 10, skip=skip, key="CR-1b")
    blocks = blocks6h(pts, day0)
    for b in blocks:
        first = b[0][0]
        up = first + 6 * H - 9 * M   # block start + 5 h 51 min: one minute after the block's nominal last reading
        lab = {T("2026-11-16 06:00"): "gap1", T("2026-11-17 00:00"): "blk0517",
               T("2026-11-17 06:00"): "gap2", T("2026-11-16 18:00"): "lim30"}.get(first)
        L.temps(up, "TH-R01", b, zone="CR-1", label=lab)
        if first == T("2026-11-16 06:00"):
            L.temps(T("2026-11-16 13:10"), "TH-R01", b, zone="CR-1", label="reup1")
        if first == T("2026-11-17 00:00"):
            L.temps(T("2026-11-17 12:30"), "TH-R01", b, zone="CR-1", label="reup2")
    L.note(MASTER)
    L.note("CR-1 (cold, sensors [TH-R01]) reads every 10 min from 2026-11-16 00:00 to 11-17 23:50 (3.5-6.5 °C); uploads "
           "hold the 6-hour blocks and are sent at 05:51, 11:51, 17:51, 23:51; no goods move, the ledger is master data "
           "and readings only")
    L.note("gap 1: no readings 11-16 08:10-08:30, so 08:00 -> 08:40 (40 min) inside the 11:51 upload (line {gap1}); "
           "that upload is re-sent identically at 13:10 (line {reup1})")
    L.note("at the limit: no readings 11-16 20:10-20:20, so 20:00 -> 20:30 (30 min, 'more than' 30 is needed) in "
           "upload {lim30}: quiet")
    L.note("gap 2: the sensor drops out 11-17 05:30-05:50; the 05:51 upload (line {blk0517}) ends with 05:20, the next "
           "reading 06:00 is in the 11:51 upload (line {gap2}): 40 min across two uploads; the 00:00-05:20 upload is "
           "re-sent identically at 12:30 (line {reup2}), after the upload holding 06:00")
    L.why("TEMP-GAP {gap1} and {gap2}: 'Consecutive readings of a storage zone more than the storage limit apart' "
          "(storage_gap_minutes 30); Points at 'the temperature_reading (upload) holding the reading after the gap'")
    L.why("no second or moved TEMP-GAP at {reup1}/{reup2}: format.md 'sending the same samples again is harmless'; "
          "TEMP-CONFLICT 'Identical re-uploads are fine'. For gap 1 the re-upload also holds the reading after the gap "
          "(08:40); the finding belongs to the first upload holding it")
    L.expect_at("TEMP-GAP", "gap1")
    L.expect_at("TEMP-GAP", "gap2")
    return L


# ================================================================== 119 / 120: compound ephedrine retail
EPH = ("2609100031", "2026-09-10", "2028-08-31")
EPH2 = ("2609250017", "2026-09-25", "2028-09-30")
ID_LIN = idcard("33010619900507123")
ID_HE = idcard("33010619851120222")
ID_SHAO = idcard("33010219780303115")
HY_HE = "HY-20210088"


def pharmacy_ledger(num, name, kind, title):
    L = Ledger(num, name, kind, title, owner=PH_BJ)
    at = T("2026-12-01 09:00")
    L.party(at, PH_BJ, "self")
    L.party(at + 2 * M, OWNER, "supplier")
    L.individual(at + 4 * M, ID_LIN, "顾客-林某", "浙江省杭州市西湖区古荡新村 12 幢 3 单元 401 室")
    L.individual(at + 6 * M, HY_HE, "会员-何某（会员卡 HY-20210088）", "浙江省杭州市西湖区文一路 75 号 2 幢 502 室")
    L.individual(at + 8 * M, ID_HE, "顾客-何某", "浙江省杭州市西湖区文一路 75 号 2 幢 502 室")
    L.individual(at + 10 * M, ID_SHAO, "顾客-邵某", "浙江省杭州市拱墅区大关路 33 号 6 幢 101 室")
    for i, p in enumerate((P_EPH, P_EPH2)):
        L.add("product_registered", at + (12 + 2 * i) * M, dict(product=p, **PRODUCTS[p]), by=["质管-周敏"])
    L.add("zone_registered", at + 16 * M, {"zone": "MD-1", "storage": "ambient"}, by=["质管-周敏"])
    po = "CG20261202001"
    L.purchase(T("2026-12-02 10:00"), po, OWNER, [(P_EPH, 20, 1850), (P_EPH2, 20, 1620)])
    stock_in(L, T("2026-12-04 10:00"), po, OWNER, [(P_EPH,) + EPH + (20,), (P_EPH2,) + EPH2 + (20,)],
             to={P_EPH: "MD-1", P_EPH2: "MD-1"})
    pinv, ptot = inv(L, T("2026-12-04 15:00"), "purchase", OWNER, PH_BJ, [(P_EPH, 20, 1850), (P_EPH2, 20, 1620)],
                     {"order": [po]})
    L.payment(T("2026-12-10 10:00"), "FK20261210001", "outgoing", PH_BJ, OWNER, ptot, [pinv])
    L.note(MASTER)
    L.note("the owner is a retail pharmacy (杭州百济大药房, kind retail_pharmacy, drug_retail licence with "
           "compound_ephedrine in scope) buying from the wholesaler 浙江仁济医药 (a wholesale purchase paid by bank "
           "transfer); shelf MD-1 is a registered ambient zone")
    L.note("a retail sale is written as format.md says: 'a sale with channel: retail: its customer is the buyer, "
           "registered as a party of kind individual (no licence or accounts needed), buyer_id their identity "
           "document number ..., prescription when there is one. Its outbound review, dispatch, invoice and payment "
           "(cash allowed) are written as for a wholesale sale'; each sale: review +2 min (two reviewers), dispatch "
           "+3 min from MD-1 to the pharmacy's own address (counter hand-over, not the buyer's registered address), "
           "数电票 (普通发票) +5 min, cash +6 min")
    L.note("'CUS-LIC does not apply to it, and neither do the wholesale conditions of EPH-RETAIL (no cash, delivery to "
           "the licensed address) to its dispatch and payment' (format.md): cash and the counter address are quiet")
    L.note("何某 is registered twice, as loyalty member %s and as a walk-in customer under his ID number, the same "
           "buyer_id %s on both; EPH-RETAIL counts 'to one ID', i.e. by buyer_id, not by customer party" % (HY_HE, ID_HE))
    L.note("rules.md EPH-RETAIL: 'at most the threshold of minimum packs per sale without prescription' (eph_max_packs "
           "2), 'not more than the window limit to one ID within eph_window_days 24-hour days before the sale (a "
           "purchase exactly that long before is outside)' (eph_window_packs 4, eph_window_days 7). I read 'packs per "
           "sale' as the sum over the sale's compound-ephedrine lines (国食药监办〔2012〕260号: 一次销售不得超过2个最小"
           "包装, for the class, not per product)")
    L.note("SOM: no buyer has som_min_history (4) orders and no order is 10x the others' average; no unit codes "
           "(format.md: compound_ephedrine is not coded); acceptance and review by two people")
    L.seq = 0
    return L


def retail(L, at, customer, buyer_id, lines, tag, prescription=None):
    """lines: (product, qty)."""
    L.seq += 1
    xs = "LS%s%03d" % (ymd(at), L.seq)
    price = {P_EPH: 2580, P_EPH2: 2250}
    bat = {P_EPH: EPH, P_EPH2: EPH2}
    L.sale(at, xs, customer, [(p, bat[p][0], bat[p][2], q, price[p]) for p, q in lines], label="sale" + tag,
           channel="retail", buyer_id=buyer_id, prescription=prescription)
    L.review(at + 2 * M, "FH%s%03d" % (ymd(at), L.seq), customer, xs, [(p, bat[p][0], bat[p][2], q) for p, q in lines])
    L.dispatch(at + 3 * M, "XP%s%03d" % (ymd(at), L.seq), customer, xs, [(p, bat[p][0], q, "MD-1", None) for p, q in lines],
               address=ADDR[PH_BJ], consignee=L.individuals[customer] + "（门店柜台交付）")
    no, tot = inv(L, at + 5 * M, "sale", PH_BJ, customer, [(p, q, price[p]) for p, q in lines], {"sale": [xs]})
    L.payment(at + 6 * M, "XJ%s%03d" % (ymd(at), L.seq), "incoming", customer, PH_BJ, tot, [no], method="cash")


def l119():
    L = pharmacy_ledger(119, "pharmacy-compound-ephedrine-retail-within-limits-two-products-one-id-two-records",
                        "LEGITIMATE",
                        "a pharmacy's counter sales of two compound-ephedrine products within the limits: 1 + 1 packs "
                        "of two products in one sale, 3 packs on prescription, and one buyer ID registered as two "
                        "customers buying 2 + 2 packs in 7 days and 2 more exactly 7 days after the first")
    retail(L, T("2026-12-07 10:00"), ID_LIN, ID_LIN, [(P_EPH, 1), (P_EPH2, 1)], "lin")
    retail(L, T("2026-12-08 11:00"), HY_HE, ID_HE, [(P_EPH, 2)], "he1")
    retail(L, T("2026-12-09 16:00"), ID_SHAO, ID_SHAO, [(P_EPH, 3)], "shao", prescription="CF-HZ-20261209-0412")
    retail(L, T("2026-12-11 15:00"), ID_HE, ID_HE, [(P_EPH2, 2)], "he2")
    retail(L, T("2026-12-15 11:00"), HY_HE, ID_HE, [(P_EPH, 2)], "he3")
    L.stock_count(T("2026-12-20 20:00"), "PD20261220001", "MD-1", [(P_EPH, EPH[0], 20 - 1 - 2 - 3 - 2),
                                                                    (P_EPH2, EPH2[0], 20 - 1 - 2)])
    L.note("林某 (line {salelin}): 1 盒 复方盐酸伪麻黄碱缓释胶囊 + 1 盒 氨酚伪麻美芬片(Ⅱ)/氨麻苯美片 = 2 packs in one "
           "sale, at eph_max_packs")
    L.note("邵某 (line {saleshao}): 3 packs with prescription CF-HZ-20261209-0412 ('lifts the per-sale pack limit'); 3 "
           "is within the window limit 4 anyway")
    L.note("何某 (buyer_id %s): 12-08 11:00 2 packs as member (line {salehe1}), 12-11 15:00 2 packs as walk-in (line "
           "{salehe2}): 4 in 7 days = eph_window_packs ('not more than'); 12-15 11:00 2 packs as member (line {salehe3}): "
           "the 12-08 11:00 sale is exactly 7 x 24 h before, 'outside', so the window holds 2 + 2 = 4" % ID_HE)
    L.why("quiet: EPH-RETAIL limits met at the boundary (2 per sale, 4 per ID in 7 days, the exact-7-days purchase "
          "outside); wholesale conditions 'do not apply to the dispatch and payment of a retail sale'; CUS-LIC 'does not "
          "apply' to a retail sale")
    return L


def l120():
    L = pharmacy_ledger(120, "pharmacy-compound-ephedrine-3-packs-of-two-products-and-5-packs-per-id-under-two-records",
                        "VIOLATION",
                        "counter sales of compound ephedrine over the limits: 2 + 1 packs of two products in one sale "
                        "without prescription, and one buyer ID registered as two customers buying 2 + 2 + 1 packs "
                        "within 7 days (no customer record over 4 on its own)")
    retail(L, T("2026-12-07 10:00"), ID_LIN, ID_LIN, [(P_EPH, 2), (P_EPH2, 1)], "lin")
    retail(L, T("2026-12-08 11:00"), HY_HE, ID_HE, [(P_EPH, 2)], "he1")
    retail(L, T("2026-12-09 16:00"), ID_SHAO, ID_SHAO, [(P_EPH, 3)], "shao", prescription="CF-HZ-20261209-0412")
    retail(L, T("2026-12-11 15:00"), ID_HE, ID_HE, [(P_EPH2, 2)], "he2")
    retail(L, T("2026-12-14 10:00"), HY_HE, ID_HE, [(P_EPH, 1)], "he3")
    L.stock_count(T("2026-12-20 20:00"), "PD20261220001", "MD-1", [(P_EPH, EPH[0], 20 - 2 - 2 - 3 - 1),
                                                                    (P_EPH2, EPH2[0], 20 - 1 - 2)])
    L.note("林某 (line {salelin}): 2 盒 复方盐酸伪麻黄碱缓释胶囊 + 1 盒 氨酚伪麻美芬片(Ⅱ)/氨麻苯美片 = 3 packs in one "
           "sale without prescription; per product neither line exceeds 2")
    L.note("邵某 (line {saleshao}): 3 packs on prescription, quiet as in 119")
    L.note("何某 (buyer_id %s): 12-08 11:00 2 as member (line {salehe1}), 12-11 15:00 2 as walk-in (line {salehe2}), "
           "12-14 10:00 1 as member (line {salehe3}): 5 packs to one ID within 7 x 24 h; per customer record 3 and 2" % ID_HE)
    L.why("EPH-RETAIL {salelin}: 'sells at most the threshold of minimum packs per sale without prescription' "
          "(eph_max_packs 2; 3 packs of compound ephedrine in the sale); Points at 'the retail sale (... too many packs ...)'")
    L.why("EPH-RETAIL {salehe3}: 'not more than the window limit to one ID within eph_window_days 24-hour days before the "
          "sale' (2 + 2 + 1 = 5 > 4 for buyer_id %s); Points at 'the retail sale (... over the window limit)'" % ID_HE)
    L.expect_at("EPH-RETAIL", "salelin")
    L.expect_at("EPH-RETAIL", "salehe3")
    return L


# ================================================================== 121 / 122: custody chains and trace
MOR = ("2609200011", "2026-09-20", "2029-08-31")
FEN = ("2609180007", "2026-09-18", "2028-08-31")
MC = codes("81034560", 260920000001, 40)     # M1..M40
FC = codes("81034570", 260918000001, 30)     # F1..F30


def narcotic_master(L, p):
    L.master(T("2026-10-05 09:00"), [(SUP_XN, "supplier"), (CUS_RH, "customer"), (CUS_MZ, "customer")], [p],
             zones=(("SP-1", "ambient", None),))


def l121():
    L = Ledger(121, "morphine-custody-unbroken-return-release-resale-trace", "LEGITIMATE",
               "a batch of 盐酸吗啡注射液 received with 40 unit codes, shipped to two seal-card hospitals, 2 units "
               "returned unopened, released after re-inspection and shipped again; every movement carries its codes")
    narcotic_master(L, P_MOR)
    po = "CG20261008001"
    L.purchase(T("2026-10-08 09:00"), po, SUP_XN, [(P_MOR, 40, 2850)])
    stock_in(L, T("2026-10-12 10:00"), po, SUP_XN, [(P_MOR,) + MOR + (40, MC)], to={P_MOR: "SP-1"},
             label="rc", pa_label="pa")
    pinv, ptot = inv(L, T("2026-10-12 15:00"), "purchase", SUP_XN, OWNER, [(P_MOR, 40, 2850)], {"order": [po]})
    xa, pa = sell(L, T("2026-10-14 09:30"), 1, CUS_RH, [(P_MOR, MOR[0], MOR[2], 10, 3150)], tag="RH", frm="SP-1",
                  codes_of={P_MOR: MC[0:10]})
    ia, ta = inv(L, T("2026-10-14 15:00"), "sale", OWNER, CUS_RH, [(P_MOR, 10, 3150)], {"sale": [xa], "delivery_note": [pa]})
    xb, pb = sell(L, T("2026-10-16 09:30"), 1, CUS_MZ, [(P_MOR, MOR[0], MOR[2], 6, 3150)], tag="MZ1", frm="SP-1",
                  codes_of={P_MOR: MC[10:16]})
    ib, tb = inv(L, T("2026-10-16 15:00"), "sale", OWNER, CUS_MZ, [(P_MOR, 6, 3150)], {"sale": [xb], "delivery_note": [pb]})
    L.customer_return(T("2026-10-19 10:00"), "TH20261019001", CUS_RH, xa, pa, "科室停用，未开封，包装及追溯码完好",
                      [(P_MOR, MOR[0], 2, "RET", MC[8:10])], label="ret")
    ca, tca = inv(L, T("2026-10-19 15:00"), "sale", OWNER, CUS_RH, [(P_MOR, 2, 3150)],
                  {"sale": [xa], "delivery_note": [pa]}, credit_for=ia)
    L.move("transfer", T("2026-10-20 10:00"), "YK20261020001", [(P_MOR, MOR[0], 2, "RET", "SP-1", MC[8:10])],
           refs={"receipt": ["TH20261019001"]}, reason="release", by=["质管-周敏", "保管-钱程"], label="rel")
    L.payment(T("2026-10-20 11:00"), "FK20261020001", "outgoing", OWNER, SUP_XN, ptot, [pinv])
    xc, pc = sell(L, T("2026-10-22 09:30"), 1, CUS_MZ, [(P_MOR, MOR[0], MOR[2], 4, 3150)], tag="MZ2", frm="SP-1",
                  codes_of={P_MOR: MC[8:10] + MC[16:18]})
    ic, tc = inv(L, T("2026-10-22 15:00"), "sale", OWNER, CUS_MZ, [(P_MOR, 4, 3150)], {"sale": [xc], "delivery_note": [pc]})
    L.payment(T("2026-10-28 10:00"), "SK20261028001", "incoming", CUS_RH, OWNER, ta - tca, [ia])
    L.payment(T("2026-10-28 10:30"), "SK20261028002", "incoming", CUS_MZ, OWNER, tb + tc, [ib, ic])
    L.stock_count(T("2026-10-30 17:00"), "PD20261030001", "SP-1", [(P_MOR, MOR[0], 40 - 10 - 6 + 2 - 4)])
    L.note(MASTER)
    L.note(STORES)
    L.note("owner 浙江仁济医药 is a regional_wholesaler; 西南恒安制药 (四川) a designated_manufacturer; both hospitals hold seal "
           "cards (numbers on file) in 浙江: SPECIAL-CHANNEL satisfied; receipts and reviews signed by two people; unit "
           "codes %s..%s, one per unit on every line; bank transfers only" % (MC[0], MC[-1]))
    L.note("units %s and %s go to 仁和 (line {dispRH}), come back unopened (line {ret}), are released RET -> SP-1 after "
           "re-inspection (line {rel}) and are shipped to 明州 (line {dispMZ2}): they came back before moving again"
           % (MC[8], MC[9]))
    L.why("quiet: SPECIAL-CHAIN 'each movement line carries one code per unit, and a unit leaves from the location where "
          "the ledger last put it'; CODE-DUP 'dispatched after it had already left' does not apply to a unit that came "
          "back by customer_return; RETURN-ORIG: the return names the sale to the same customer; stock count 22 = book")
    L.comment("trace (written before running)", "`rxledger trace --batch %s:%s L` lists 7 steps in time order - receipt "
              "40 (%s -> RCV), put-away 40 (RCV -> SP-1), dispatch 10 (SP-1 -> %s), dispatch 6 (SP-1 -> %s), customer "
              "return 2 (%s -> RET), transfer/release 2 (RET -> SP-1), dispatch 4 (SP-1 -> %s) - ends 'chain unbroken "
              "across the given ledgers', exit 0" % (P_MOR, MOR[0], SUP_XN, CUS_RH, CUS_MZ, CUS_RH, CUS_MZ))
    L.comment("trace (written before running)", "`rxledger trace %s L` (a returned and re-shipped unit): 6 steps - "
              "receipt, put-away, dispatch to 仁和 (line {dispRH}), customer return (line {ret}), release (line {rel}), "
              "dispatch to 明州 (line {dispMZ2}) - unbroken, exit 0 (architecture.md: a unit breaks only when 'it moves "
              "again after it left its holder ... without coming back')" % MC[9])
    L.comment("trace (written before running)", "`rxledger trace %s L` (still in SP-1): 2 steps, unbroken, exit 0" % MC[29])
    return L


def l122():
    L = Ledger(122, "fentanyl-code-shipped-twice-and-destroyed-unit-moved-again-trace", "VIOLATION",
               "a batch of 枸橼酸芬太尼注射液: the second dispatch lists a unit code already shipped to the first "
               "hospital (the scanner re-read a label), and after two broken ampoules are destroyed under supervision "
               "one of their codes is scanned again on a quarantine transfer")
    narcotic_master(L, P_FEN)
    po = "CG20261008001"
    L.purchase(T("2026-10-08 09:00"), po, SUP_XN, [(P_FEN, 30, 980)])
    stock_in(L, T("2026-10-12 10:00"), po, SUP_XN, [(P_FEN,) + FEN + (30, FC)], to={P_FEN: "SP-1"},
             label="rc", pa_label="pa")
    pinv, ptot = inv(L, T("2026-10-12 15:00"), "purchase", SUP_XN, OWNER, [(P_FEN, 30, 980)], {"order": [po]})
    xa, pa = sell(L, T("2026-10-14 09:30"), 1, CUS_RH, [(P_FEN, FEN[0], FEN[2], 10, 1120)], tag="RH", frm="SP-1",
                  codes_of={P_FEN: FC[0:10]})
    ia, ta = inv(L, T("2026-10-14 15:00"), "sale", OWNER, CUS_RH, [(P_FEN, 10, 1120)], {"sale": [xa], "delivery_note": [pa]})
    L.move("transfer", T("2026-10-19 10:00"), "YK20261019001", [(P_FEN, FEN[0], 2, "SP-1", "QA", FC[27:29])],
           reason="quarantine", by=["保管-赵磊", "质管-周敏"], label="q1")
    xb, pb = sell(L, T("2026-10-20 09:30"), 1, CUS_MZ, [(P_FEN, FEN[0], FEN[2], 10, 1120)], tag="MZ", frm="SP-1",
                  codes_of={P_FEN: [FC[9]] + FC[10:19]})
    ib, tb = inv(L, T("2026-10-20 15:00"), "sale", OWNER, CUS_MZ, [(P_FEN, 10, 1120)], {"sale": [xb], "delivery_note": [pb]})
    L.payment(T("2026-10-20 16:00"), "FK20261020001", "outgoing", OWNER, SUP_XN, ptot, [pinv])
    L.move("destruction", T("2026-10-26 14:00"), "XH20261026001", [(P_FEN, FEN[0], 2, "QA", None, FC[27:29])],
           reason="安瓿破损", by=["质管-周敏", "保管-赵磊"], label="destroy",
           extra={"method": "焚烧", "supervisors": ["杭州市市场监督管理局 执法人员 何立", "杭州市西湖区卫生健康局 监督员 沈涛"]})
    L.move("transfer", T("2026-10-28 10:00"), "YK20261028001", [(P_FEN, FEN[0], 1, "SP-1", "QA", [FC[28]])],
           reason="quarantine", by=["保管-赵磊", "质管-周敏"], label="q2")
    L.payment(T("2026-10-28 11:00"), "SK20261028001", "incoming", CUS_RH, OWNER, ta, [ia])
    L.payment(T("2026-10-28 11:30"), "SK20261028002", "incoming", CUS_MZ, OWNER, tb, [ib])
    L.stock_count(T("2026-10-30 17:00"), "PD20261030001", "SP-1", [(P_FEN, FEN[0], 30 - 10 - 2 - 10 - 1)])
    L.note(MASTER)
    L.note(STORES)
    L.note("channel, seal cards, two-person acceptance and review, supervised destruction as in 121; unit codes %s..%s "
           "(F1..F30)" % (FC[0], FC[-1]))
    L.note("F10 = %s goes to 仁和 (line {dispRH}); the dispatch to 明州 (line {dispMZ}) lists F10, F11..F19: the unit "
           "really shipped was F20 (%s), whose label the scanner missed while it re-read F10's; quantities balance (10 "
           "units, 10 codes)" % (FC[9], FC[19]))
    L.note("F28, F29 = %s, %s are quarantined SP-1 -> QA (line {q1}) and destroyed from QA under supervision (line "
           "{destroy}); on 10-28 a damaged ampoule found in SP-1 is moved to QA (line {q2}) scanned as F29" % (FC[27], FC[28]))
    L.note("SPECIAL-CHAIN is not expected: each line carries one code per unit, and the code moved again is not one the "
           "ledger had 'at another location' (it had left); the finding for a unit that already left is CODE-DUP")
    L.why("CODE-DUP {dispMZ}: 'One unit code ... dispatched after it had already left: a cloned or counterfeit code'; "
          "Points at 'the record moving the unit again: ... a dispatch'")
    L.why("CODE-DUP {q2}: Points at '... a put_away, transfer, dispatch, supplier_return, destruction or loss_report "
          "moving a unit that had left'; architecture.md: a unit 'left its holder (dispatched, returned to the supplier, "
          "destroyed or lost)'")
    L.expect_at("CODE-DUP", "dispMZ")
    L.expect_at("CODE-DUP", "q2")
    L.comment("trace (written before running)", "`rxledger trace --batch %s:%s L` lists 7 steps (receipt 30, put-away 30, "
              "dispatch 10 -> 仁和, transfer 2 SP-1 -> QA, dispatch 10 -> 明州, destruction 2 QA -> destroyed, transfer "
              "1 SP-1 -> QA) and BREAKS at line {dispMZ} and line {q2}, each citing CODE-DUP and its message "
              "(architecture.md: 'a batch's chain breaks inside a ledger exactly where SPECIAL-CHAIN, CODE-DUP or "
              "CODE-UNKNOWN find it broken (... a code shipped twice ...), each break citing that finding's record, rule "
              "and message'); exit 1. NB README and `trace --help` name only SPECIAL-CHAIN; if the tool followed them "
              "the batch would show no break" % (P_FEN, FEN[0]))
    L.comment("trace (written before running)", "`rxledger trace %s L` (F10): receipt, put-away, dispatch to 仁和 (line "
              "{dispRH}), dispatch to 明州 (line {dispMZ}); BREAK at line {dispMZ} (it 'moves again after it left its "
              "holder ... without coming back'); exit 1" % FC[9])
    L.comment("trace (written before running)", "`rxledger trace %s L` (F29): receipt, put-away, transfer to QA (line "
              "{q1}), destruction (line {destroy}), transfer SP-1 -> QA (line {q2}); BREAK at line {q2}; exit 1" % FC[28])
    L.comment("trace (written before running)", "`rxledger trace %s L` (F20, the unit that really left unscanned): "
              "receipt, put-away only, unbroken, exit 0 - the ledger cannot know better" % FC[19])
    return L


LEDGERS = [l111, l112, l113, l114, l115, l116, l117, l118, l119, l120, l121, l122]

if __name__ == "__main__":
    for f in LEDGERS:
        L = f()
        base = L.write(OUT)
        for doc, diffs in getattr(L, "count_checks", []):
            if diffs:
                print("  count %s differs: %s" % (doc, diffs))
        print(os.path.basename(base), len(L.events), "events")
