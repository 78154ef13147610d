#!/usr/bin/env python3
"""Regenerates ledgers 99-110 (round 8: realistic Chinese invoicing and money; legitimate business
must stay quiet) into samples/inspections/. Deterministic: no clock, no randomness.
Run: python3 rounds/generator/round8.py"""
import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib5 import *  # noqa

OUT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
D = timedelta(days=1)
H = timedelta(hours=1)
M = timedelta(minutes=1)

CLOCK = ("the ledger's clock is the latest occurred_at seen (rules.md intro); deadlines fire only when the clock "
         "passes them ('an event exactly at the deadline is in time'); N days = N x 24 h from the instant the rule "
         "names, UNPAID from the later of issued_on 00:00 Beijing and the invoice's occurred_at (format.md Dates); "
         "no deadline in this ledger is closer than a day to the event that meets it")
STORES = ("WH-A (ambient) and WH-C (cool) are registered zones; RCV and RET are unregistered staging/returns "
          "locations and no temperature readings are sent, as in every earlier round")
MONEY = ("money as format.md requires it: InvoiceLine.unit_price is 'Price per minimum sale unit, tax included' in whole "
         "fen, amount 'exactly quantity x unit_price', total 'Sum of the line amounts, exactly'; a 数电票 prints "
         "金额 (net, from a net unit price with up to 6+ decimals) and 税额 per line and 价税合计 as total; the format "
         "has no field for the net price, the tax rate or the tax, so the ledger carries the tax-included unit price "
         "(含税单价, set in fen by the price list) and 价税合计 per line = quantity x 含税单价, exactly; the tax rate "
         "shows only in how invoices are split (13 % chemical drugs, 9 % 中药饮片, 3 % simple levy on 生物制品)")
MASTER = ("parties are registered with valid licences, scopes covering every product they trade and their bank "
          "accounts; every event carries entered_at 5 minutes after occurred_at")


def ymd(at):
    return at.strftime("%Y%m%d")


def stock_in(L, at, po, supplier, lines, rc_seq=1, label=None, orders=None, dns=None, pa_label=None):
    """receipt at `at` of lines (product, batch, prod, expiry, qty), put-away to the product's zone 1 h later."""
    rc = "SH%s%03d" % (ymd(at), rc_seq)
    L.receipt_rej(at, rc, supplier, orders or [po], dns or ["DN-%s-%03d" % (ymd(at), rc_seq)],
                  [(p, b, pd, e, q, q, None) for p, b, pd, e, q in lines], label=label)
    L.move("put_away", at + H, "RK%s%03d" % (ymd(at), rc_seq),
           [(p, b, q, "RCV", HOME[p], None) for p, b, pd, e, q in lines],
           refs={"order": orders or [po], "receipt": [rc]}, label=pa_label)
    return rc


def sell(L, at, xs_seq, customer, lines, tag="", review=True):
    """sale at `at`, review +20 min, dispatch +40 min. lines: (product, batch, expiry, qty, price)."""
    xs = "XS%s%03d" % (ymd(at), xs_seq)
    ps = "PS%s%03d" % (ymd(at), xs_seq)
    L.sale(at, xs, customer, lines, label="sale" + tag)
    if review:
        L.review(at + 20 * M, "FH%s%03d" % (ymd(at), xs_seq), customer, xs,
                 [(p, b, e, q) for p, b, e, q, pr in lines], label="rev" + tag)
    L.dispatch(at + 40 * M, ps, customer, xs, [(p, b, q, HOME[p], None) for p, b, e, q, pr in lines],
               label="disp" + tag)
    return xs, ps


def inv(L, at, direction, issuer, buyer, lines, refs, label=None, credit_for=None, prefix=None, issued_on=None):
    no = L.inv_no(at, prefix or ("3300" if direction == "sale" else "3301"))
    tot = L.invoice(at, no, direction, issuer, buyer, lines, refs, label=label, credit_for=credit_for,
                    issued_on=issued_on)
    return no, tot


def yuan(minor):
    return "{:,.2f}".format(minor / 100.0)


AMOX_A = ("2602150011", "2026-02-15", "2028-01-31")
AMOX_B = ("2603200035", "2026-03-20", "2028-02-29")
IBU_A = ("2603050008", "2026-03-05", "2028-02-29")
ALB_A = ("20260108A", "2026-01-08", "2029-01-07")
HQ_A = ("YP26040301", "2026-04-03", "2028-04-02")


# ================================================================== 99
def l99():
    L = L5(99, "vat-split-13-and-3-percent-invoices-for-one-delivery", "LEGITIMATE",
           "one sale and one dispatch of 阿莫西林胶囊 (13 % VAT) and 人血白蛋白 (生物制品, 3 % simple levy) to a public "
           "hospital, invoiced as two 数电票 split by tax rate, both naming the same sale and delivery note, paid by "
           "one transfer listing both; purchases from the two manufacturers, the albumin paid by bank acceptance bill")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("a 数电票 carries one tax rate per line but finance issues one invoice per rate for one delivery (the "
           "hospital books 13 % and 3 % invoices separately); both invoices name refs.sale [XS20260310001] and "
           "refs.delivery_note [PS20260310001]; format.md Refs: 'A monthly (月结) invoice or a dispatch covering "
           "several sales lists them all; the invoice is then matched against the sum of their goods' - here two "
           "invoices name one sale, so the sale's goods (120 盒 + 20 瓶) are matched against the sum of both invoices "
           "(lines {inv13} and {inv3})")
    L.note("prices: 阿莫西林 含税 10.35 CNY/盒 (net 9.159292... at 13 %), 人血白蛋白 含税 398.00 CNY/瓶 (net "
           "386.407767... at 3 %); lines 120 x 10.35 = 1,242.00 and 20 x 398.00 = 7,960.00; the hospital pays "
           "9,202.00 listing [13 %, 3 %] (format.md payment.invoices: 'The amount goes to them in order, each up to "
           "its open amount, the last taking the remainder': each gets exactly its total)")
    L.note("TWO-INVOICE: both products come straight from their manufacturers (宁康, 海康: kind manufacturer) and "
           "go to a public hospital: manufacturer -> us -> hospital is two invoices")
    L.note("人血白蛋白 is stored cool (0-20 °C) in WH-C (cool): TEMP-ZONE 'zone whose temperature range is not "
           "inside the product's required range' does not apply; cool is not cold-chain (format.md storage: "
           "'cold and frozen products are cold-chain goods')")
    t0 = T("2026-03-02 09:00")
    L.master(t0, [(SUP_NK, "supplier"), (SUP_HB, "supplier"), (CUS_RH, "customer")], [P_AMOX, P_ALB], zones=ZONES)
    L.purchase(T("2026-03-03 10:00"), "CG20260303001", SUP_NK, [(P_AMOX, 400, 860)])
    L.purchase(T("2026-03-03 10:10"), "CG20260303002", SUP_HB, [(P_ALB, 60, 35600)])
    stock_in(L, T("2026-03-05 10:00"), "CG20260303001", SUP_NK, [(P_AMOX,) + AMOX_A + (400,)], 1)
    stock_in(L, T("2026-03-05 14:00"), "CG20260303002", SUP_HB, [(P_ALB,) + ALB_A + (60,)], 2)
    pn, ptot = inv(L, T("2026-03-05 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 400, 860)],
                   {"order": ["CG20260303001"], "receipt": ["SH20260305001"]})
    hn, htot = inv(L, T("2026-03-06 11:00"), "purchase", SUP_HB, OWNER, [(P_ALB, 60, 35600)],
                   {"order": ["CG20260303002"], "receipt": ["SH20260305002"]})
    L.pay(T("2026-04-03 10:00"), "FK20260403001", "outgoing", OWNER, SUP_NK, ptot, [pn])
    L.pay(T("2026-04-20 10:00"), "FK20260420001", "outgoing", OWNER, SUP_HB, htot, [hn], method="acceptance_bill")
    xs, ps = sell(L, T("2026-03-10 09:30"), 1, CUS_RH,
                  [(P_AMOX, AMOX_A[0], AMOX_A[2], 120, 1035), (P_ALB, ALB_A[0], ALB_A[2], 20, 39800)])
    i13, t13 = inv(L, T("2026-03-10 16:00"), "sale", OWNER, CUS_RH, [(P_AMOX, 120, 1035)],
                   {"sale": [xs], "delivery_note": [ps]}, label="inv13")
    i3, t3 = inv(L, T("2026-03-10 16:05"), "sale", OWNER, CUS_RH, [(P_ALB, 20, 39800)],
                 {"sale": [xs], "delivery_note": [ps]}, label="inv3")
    L.pay(T("2026-04-28 10:00"), "SK20260428001", "incoming", CUS_RH, OWNER, t13 + t3, [i13, i3])
    L.stock_count(T("2026-06-30 16:00"), "PD20260630001", "WH-A")
    L.stock_count(T("2026-06-30 16:30"), "PD20260630002", "WH-C")
    L.why("quiet: TTGK-S 'invoiced quantities must not exceed the dispatched quantities' (120 + 20 invoiced = "
          "dispatched); UNINVOICED covered within hours; UNPAID: both paid 2026-04-28, deadline 2026-05-09 16:00")
    return L


# ================================================================== 100
def l100():
    L = L5(100, "back-order-partial-cancellation-one-invoice-for-two-deliveries", "LEGITIMATE",
           "purchase order of 600 阿莫西林 + 400 布洛芬 delivered in two receipts (100 + 400, then 200), the last 300 "
           "阿莫西林 cancelled by the supplier, one purchase invoice for both deliveries; a retail chain's order of 250 "
           "阿莫西林 + 100 布洛芬 shipped in two dispatches (back-order filled from the second batch), the last 40 "
           "cancelled by the customer, one sales invoice naming both delivery notes")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("no event can cancel part of a purchase order or sale (format.md has no cancellation or amendment); the "
           "orders keep their full quantities and the goods are less. REC-DOC forbids only arrivals beyond the order "
           "('cumulative arrivals must not exceed the ordered quantity'), OUT-REV only reviews 'over its quantity'; "
           "TTGK-P/S and UNINVOICED compare invoices with goods accepted or dispatched, not with the order, so an order "
           "filled in part and invoiced for what came is quiet")
    L.note("the sale names batch 2603200035 for the back-ordered 150 before that batch has arrived (format.md SaleLine "
           "requires batch and expiry; earlier DOC-GAPS B5); only 110 of it ship, the customer cancels the last 40")
    L.note("purchase invoice (line {pinv}): 300 x 8.60 + 400 x 11.20 = 7,060.00 with refs.order [CG20260401001] and "
           "refs.receipt [SH20260403001, SH20260410001], consistent with each other; sales invoice (line {sinv}): "
           "210 x 12.00 + 100 x 14.50 = 3,970.00 with refs.sale [XS20260406001] and refs.delivery_note [PS20260406001, "
           "PS20260413001]: both equal the goods (TTGK-P/S) within 30 days of the first movement (UNINVOICED)")
    L.master(T("2026-04-01 09:00"), [(SUP_NK, "supplier"), (RC_KN, "customer")], [P_AMOX, P_IBU], zones=ZONES[:1])
    po = "CG20260401001"
    L.purchase(T("2026-04-01 10:00"), po, SUP_NK, [(P_AMOX, 600, 860), (P_IBU, 400, 1120)])
    stock_in(L, T("2026-04-03 10:00"), po, SUP_NK, [(P_AMOX,) + AMOX_A + (100,), (P_IBU,) + IBU_A + (400,)], 1)
    xs = "XS20260406001"
    L.sale(T("2026-04-06 09:30"), xs, RC_KN, [(P_AMOX, AMOX_A[0], AMOX_A[2], 100, 1200),
                                             (P_AMOX, AMOX_B[0], AMOX_B[2], 150, 1200),
                                             (P_IBU, IBU_A[0], IBU_A[2], 100, 1450)])
    L.review(T("2026-04-06 09:50"), "FH20260406001", RC_KN, xs,
             [(P_AMOX, AMOX_A[0], AMOX_A[2], 100), (P_IBU, IBU_A[0], IBU_A[2], 100)])
    L.dispatch(T("2026-04-06 10:10"), "PS20260406001", RC_KN, xs,
               [(P_AMOX, AMOX_A[0], 100, "WH-A", None), (P_IBU, IBU_A[0], 100, "WH-A", None)])
    stock_in(L, T("2026-04-10 10:00"), po, SUP_NK, [(P_AMOX,) + AMOX_B + (200,)], 1)
    pn, ptot = inv(L, T("2026-04-12 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 300, 860), (P_IBU, 400, 1120)],
                   {"order": [po], "receipt": ["SH20260403001", "SH20260410001"]}, label="pinv")
    L.review(T("2026-04-13 09:50"), "FH20260413001", RC_KN, xs, [(P_AMOX, AMOX_B[0], AMOX_B[2], 110)])
    L.dispatch(T("2026-04-13 10:10"), "PS20260413001", RC_KN, xs, [(P_AMOX, AMOX_B[0], 110, "WH-A", None)])
    sn, stot = inv(L, T("2026-04-14 16:00"), "sale", OWNER, RC_KN, [(P_AMOX, 210, 1200), (P_IBU, 100, 1450)],
                   {"sale": [xs], "delivery_note": ["PS20260406001", "PS20260413001"]}, label="sinv")
    L.pay(T("2026-05-08 10:00"), "FK20260508001", "outgoing", OWNER, SUP_NK, ptot, [pn])
    L.pay(T("2026-05-20 10:00"), "SK20260520001", "incoming", RC_KN, OWNER, stot, [sn])
    L.stock_count(T("2026-07-20 16:00"), "PD20260720001", "WH-A")
    L.why("quiet: every quantity invoiced equals what was accepted or dispatched; every invoice paid in full before "
          "its UNPAID deadline; the undelivered order quantities are no finding under any rule read")
    return L


# ================================================================== 101
def l101():
    L = L5(101, "hospital-monthly-invoices-13-and-9-percent-paid-by-acceptance-bill", "LEGITIMATE",
           "five May sales to a public hospital (阿莫西林 with a new 集采 price from 20 May, 布洛芬, 黄芪饮片) invoiced "
           "at month end (月结) as one 13 % invoice naming all five sales and one 9 % invoice naming the two sales "
           "with 饮片; the hospital pays both with one bank acceptance bill 50 days later; the 饮片 supplier is paid "
           "by acceptance bill too")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("format.md Consolidated documents: 'a monthly invoice (月结) for several sales: refs.sale [XS-1, XS-2]' and "
           "'The orders or sales named together form one group: the four-way match compares the group's summed goods "
           "with its invoices'; the 9 % invoice names two of the five sales also named by the 13 % invoice, so all "
           "five are one group; per product the group's goods equal the invoices: 阿莫西林 230, 布洛芬 90, 黄芪 35")
    L.note("the 13 % invoice (line {i13}) has two 阿莫西林 lines at the old and the new price (110 x 10.35 = 1,138.50 "
           "and 120 x 10.12 = 1,214.40) and 90 x 13.60 = 1,224.00 布洛芬: total 3,576.90; the 9 % invoice (line {i9}) "
           "35 x 52.80 = 1,848.00; TTGK-S reads quantities, not prices (its Reads list no sale or invoice unit_price)")
    L.note("UNINVOICED 'at the latest deadline of its members': the first dispatch (2026-05-07 10:10) is itself only "
           "24 d 5 h 50 min before the invoices (2026-05-31 16:00)")
    L.note("a bank acceptance bill (银行承兑汇票, method acceptance_bill) is recorded when it is received/endorsed, "
           "with the hospital's registered account as payer_account; its maturity (6 months) is not recorded (no field); "
           "payment 5,424.90 listing [13 %, 9 %] on 2026-07-20, UNPAID deadline 2026-07-30 16:00")
    L.master(T("2026-05-04 09:00"), [(SUP_NK, "supplier"), (SUP_JY, "supplier"), (CUS_RH, "customer")],
             [P_AMOX, P_IBU, P_HQ], zones=ZONES[:1])
    L.purchase(T("2026-05-04 10:00"), "CG20260504001", SUP_NK, [(P_AMOX, 500, 860), (P_IBU, 300, 1120)])
    L.purchase(T("2026-05-04 10:10"), "CG20260504002", SUP_JY, [(P_HQ, 80, 4650)])
    stock_in(L, T("2026-05-06 09:00"), "CG20260504001", SUP_NK,
             [(P_AMOX,) + AMOX_B + (500,), (P_IBU,) + IBU_A + (300,)], 1)
    stock_in(L, T("2026-05-06 13:00"), "CG20260504002", SUP_JY, [(P_HQ,) + HQ_A + (80,)], 2)
    pn, ptot = inv(L, T("2026-05-06 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 500, 860), (P_IBU, 300, 1120)],
                   {"order": ["CG20260504001"], "receipt": ["SH20260506001"]})
    jn, jtot = inv(L, T("2026-05-06 16:00"), "purchase", SUP_JY, OWNER, [(P_HQ, 80, 4650)],
                   {"order": ["CG20260504002"], "receipt": ["SH20260506002"]})
    L.pay(T("2026-06-05 10:00"), "FK20260605001", "outgoing", OWNER, SUP_NK, ptot, [pn])
    L.pay(T("2026-06-20 10:00"), "FK20260620001", "outgoing", OWNER, SUP_JY, jtot, [jn], method="acceptance_bill")
    A, I, Q = (P_AMOX, AMOX_B[0], AMOX_B[2]), (P_IBU, IBU_A[0], IBU_A[2]), (P_HQ, HQ_A[0], HQ_A[2])
    sales = [("2026-05-07", [A + (60, 1035), I + (40, 1360)]),
             ("2026-05-12", [A + (50, 1035), Q + (20, 5280)]),
             ("2026-05-18", [I + (30, 1360)]),
             ("2026-05-22", [A + (80, 1012), Q + (15, 5280)]),
             ("2026-05-27", [A + (40, 1012), I + (20, 1360)])]
    xss, pss = [], []
    for i, (d, lines) in enumerate(sales, 1):
        xs, ps = sell(L, T(d + " 09:30"), 1, CUS_RH, lines, tag=str(i))
        xss.append(xs)
        pss.append(ps)
    i13, t13 = inv(L, T("2026-05-31 16:00"), "sale", OWNER, CUS_RH,
                   [(P_AMOX, 110, 1035), (P_AMOX, 120, 1012), (P_IBU, 90, 1360)],
                   {"sale": xss, "delivery_note": pss}, label="i13")
    i9, t9 = inv(L, T("2026-05-31 16:05"), "sale", OWNER, CUS_RH, [(P_HQ, 35, 5280)],
                 {"sale": [xss[1], xss[3]], "delivery_note": [pss[1], pss[3]]}, label="i9")
    assert t13 == 357690 and t9 == 184800
    L.pay(T("2026-07-20 10:00"), "SK20260720001", "incoming", CUS_RH, OWNER, t13 + t9, [i13, i9],
          method="acceptance_bill")
    L.stock_count(T("2026-08-31 16:00"), "PD20260831001", "WH-A")
    L.why("quiet: the group's goods equal its invoices product by product; both invoices paid in full by the bill "
          "before 2026-07-30 16:00; purchase invoices paid before their deadlines")
    return L


# ================================================================== 102
def l102():
    L = L5(102, "price-reduction-by-full-red-letter-and-reissue", "LEGITIMATE",
           "after the sale the wholesaler grants a retail chain a price reduction (销售折让) of 0.50 CNY/盒 without "
           "goods coming back: finance red-letters the whole invoice (全额红冲) and issues a new blue invoice at 11.50; "
           "the chain pays the new invoice")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("doc gap: a 折让 red-letter 数电票 credits an amount without goods (in practice without a quantity); the "
           "format cannot write it: InvoiceLine.quantity 'at least 1 (on a credit note: the quantity credited)', "
           "amount 'exactly quantity x unit_price', and credit_for: 'its quantities and amounts are then reductions "
           "of that invoice'. A credit note of 200 x 0.50 would reduce the invoiced quantity to 0 for 200 盒 still "
           "with the customer (then UNINVOICED/TTGK-S would speak of goods without invoice); 1 x 100.00 would leave "
           "199 invoiced for 200 dispatched")
    L.note("lawful reading chosen: 全额红冲后重开 - credit note (line {cn}) 200 x 12.00 = 2,400.00 credit_for the "
           "original (line {i1}), then a new invoice (line {i3}) 200 x 11.50 = 2,300.00 for the same sale and delivery "
           "note; net invoiced 200 = dispatched 200, net amount 2,300.00 = paid (2026-07-10, listing the new invoice)")
    L.note("the original invoice nets to 0.00 and needs no payment (UNPAID 'An invoice (net of credit notes) not fully "
           "paid'); a credit note is not itself an invoice to be paid (earlier DOC-GAPS B11)")
    L.master(T("2026-06-01 09:00"), [(SUP_NK, "supplier"), (RC_KN, "customer")], [P_AMOX], zones=ZONES[:1])
    L.purchase(T("2026-06-01 10:00"), "CG20260601001", SUP_NK, [(P_AMOX, 400, 860)])
    stock_in(L, T("2026-06-03 10:00"), "CG20260601001", SUP_NK, [(P_AMOX,) + AMOX_B + (400,)], 1)
    pn, ptot = inv(L, T("2026-06-03 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 400, 860)],
                   {"order": ["CG20260601001"], "receipt": ["SH20260603001"]})
    L.pay(T("2026-07-01 10:00"), "FK20260701001", "outgoing", OWNER, SUP_NK, ptot, [pn])
    xs, ps = sell(L, T("2026-06-05 09:30"), 1, RC_KN, [(P_AMOX, AMOX_B[0], AMOX_B[2], 200, 1200)])
    i1, t1 = inv(L, T("2026-06-05 16:00"), "sale", OWNER, RC_KN, [(P_AMOX, 200, 1200)],
                 {"sale": [xs], "delivery_note": [ps]}, label="i1")
    cn, tc = inv(L, T("2026-06-16 10:00"), "sale", OWNER, RC_KN, [(P_AMOX, 200, 1200)],
                 {"sale": [xs], "delivery_note": [ps]}, credit_for=i1, label="cn")
    i3, t3 = inv(L, T("2026-06-16 10:05"), "sale", OWNER, RC_KN, [(P_AMOX, 200, 1150)],
                 {"sale": [xs], "delivery_note": [ps]}, label="i3")
    L.pay(T("2026-07-10 10:00"), "SK20260710001", "incoming", RC_KN, OWNER, t3, [i3])
    L.stock_count(T("2026-09-10 16:00"), "PD20260910001", "WH-A")
    L.why("quiet: invoiced net 200 - 200 + 200 = 200 = dispatched; the new invoice is paid in full before "
          "2026-08-15 10:05; the credited original nets to zero")
    return L


# ================================================================== 103
def l103():
    L = L5(103, "return-with-goods-red-letters-and-refunds-both-ways", "LEGITIMATE",
           "a public hospital pays in full, then returns 10 盒 with crushed cartons: return to RET, red-letter "
           "invoice the same day, refund by transfer six days later; the 10 盒 go back to the manufacturer from RET, "
           "which issues its own red-letter invoice and refunds us")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("format.md payment: 'A refund is a payment in the other direction: to a customer we refund with direction: "
           "outgoing (payer us, payee the customer, payee_account one registered for the customer), from a supplier "
           "we are refunded with direction: incoming. Its invoices name the credit note that caused it or the overpaid "
           "invoice itself ... (TTGK-P/TTGK-S close an overpayment refunded within correction_days)'")
    L.note("sale side: invoice 100 x 10.35 = 1,035.00 paid 2026-07-24; return of 10 on 2026-07-28 10:00 (line {ret}) "
           "makes 100 invoiced against 90 dispatched net of returns until the credit note 10 x 10.35 = 103.50 at 15:00; "
           "from then 1,035.00 paid against 931.50 net is an overpayment of 103.50 until the refund 2026-08-03 10:00 "
           "(line {refund_s}, listing the credit note): both well within correction_days (14)")
    L.note("purchase side: supplier_return of the 10 from RET on 2026-07-30 (QUARANTINE allows 'back to the "
           "supplier'); 500 invoiced against 490 accepted net until the supplier's credit note 10 x 8.60 = 86.00 on "
           "2026-08-04; 4,300.00 paid against 4,214.00 net until its refund by incoming transfer from its registered "
           "account on 2026-08-10 (line {refund_p}, listing the credit note)")
    L.note("RETURN-ORIG: the return names the sale, same customer, product and batch, 10 <= 100 dispatched, 22 days "
           "after the sale")
    L.master(T("2026-07-01 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer")], [P_AMOX], zones=ZONES[:1])
    po = "CG20260701001"
    L.purchase(T("2026-07-01 10:00"), po, SUP_NK, [(P_AMOX, 500, 860)])
    rc = stock_in(L, T("2026-07-03 10:00"), po, SUP_NK, [(P_AMOX,) + AMOX_B + (500,)], 1)
    pn, ptot = inv(L, T("2026-07-03 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 500, 860)],
                   {"order": [po], "receipt": [rc]})
    L.pay(T("2026-07-08 10:00"), "FK20260708001", "outgoing", OWNER, SUP_NK, ptot, [pn])
    xs, ps = sell(L, T("2026-07-06 09:30"), 1, CUS_RH, [(P_AMOX, AMOX_B[0], AMOX_B[2], 100, 1035)])
    sn, stot = inv(L, T("2026-07-06 16:00"), "sale", OWNER, CUS_RH, [(P_AMOX, 100, 1035)],
                   {"sale": [xs], "delivery_note": [ps]})
    L.pay(T("2026-07-24 10:00"), "SK20260724001", "incoming", CUS_RH, OWNER, stot, [sn])
    L.customer_return(T("2026-07-28 10:00"), "TH20260728001", CUS_RH, xs, ps, "药房验收发现外箱挤压、小盒破损 10 盒，原批号退回",
                      [(P_AMOX, AMOX_B[0], 10, "RET", None)], label="ret")
    scn, sct = inv(L, T("2026-07-28 15:00"), "sale", OWNER, CUS_RH, [(P_AMOX, 10, 1035)],
                   {"sale": [xs], "delivery_note": [ps]}, credit_for=sn)
    L.pay(T("2026-08-03 10:00"), "TK20260803001", "outgoing", OWNER, CUS_RH, sct, [scn], label="refund_s")
    L.move("supplier_return", T("2026-07-30 10:00"), "TC20260730001", [(P_AMOX, AMOX_B[0], 10, "RET", None, None)],
           refs={"order": [po], "receipt": [rc]}, reason="销后退回破损品，退回生产企业",
           extra={"supplier": SUP_NK}, by=["采购-李明", "质管-周敏"])
    pcn, pct = inv(L, T("2026-08-04 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 10, 860)],
                   {"order": [po], "receipt": [rc]}, credit_for=pn)
    L.pay(T("2026-08-10 11:00"), "TK20260810001", "incoming", SUP_NK, OWNER, pct, [pcn], label="refund_p")
    L.stock_count(T("2026-10-20 16:00"), "PD20261020001", "WH-A")
    L.why("quiet: each excess (quantity and money) is corrected within days; UNPAID nets the credit notes "
          "(1,035.00 - 103.50 paid net after the refund; 4,300.00 - 86.00 likewise)")
    return L


# ================================================================== 104
def l104():
    L = L5(104, "payment-order-instalments-and-prepayment", "LEGITIMATE",
           "a retail chain pays invoices A and B with one transfer listing [A, B] that covers A and part of B, the rest "
           "of B later; invoice C in three instalments, the last two days before its deadline; a prepayment (先款后货) "
           "five days before the goods and invoice D")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("format.md payment.invoices: 'The amount goes to them in order, each up to its open amount, the last taking "
           "the remainder': payment 5,100.00 listing [A, B] (line {p1}, 2026-04-22) gives A (3,600.00, line {ia}) all of "
           "it and B (3,100.00, line {ib}) 1,500.00; B's remaining 1,600.00 comes 2026-05-12 (line {p2}). A's UNPAID "
           "deadline 2026-05-04 16:00 passes between them: any other allocation (B first, pro rata) would leave A "
           "short then and overpay B later")
    L.note("C 6,000.00 (line {ic}, 2026-04-01 16:00, deadline 2026-05-31 16:00) is paid 2,000.00 on 04-15, 05-15 and "
           "05-29: 'An invoice ... not fully paid within the threshold' - fully paid in time")
    L.note("prepayment 1,800.00 on 2026-05-06 (line {pre}) names invoice D, which is issued with the goods on "
           "2026-05-11 (line {id}): 5 days, inside orphan_days; a 数电票 number does not exist before issue, so the "
           "prepayment quoting it is the format's only way (earlier DOC-GAPS B2); TTGK-S 'payments and credit notes "
           "recorded before their invoice are applied when it is booked'")
    L.master(T("2026-03-02 09:00"), [(SUP_NK, "supplier"), (RC_KN, "customer")], [P_AMOX, P_IBU], zones=ZONES[:1])
    po = "CG20260302001"
    L.purchase(T("2026-03-02 10:00"), po, SUP_NK, [(P_AMOX, 1000, 860), (P_IBU, 400, 1120)])
    rc = stock_in(L, T("2026-03-04 10:00"), po, SUP_NK, [(P_AMOX,) + AMOX_A + (1000,), (P_IBU,) + IBU_A + (400,)], 1)
    pn, ptot = inv(L, T("2026-03-04 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 1000, 860), (P_IBU, 400, 1120)],
                   {"order": [po], "receipt": [rc]})
    L.pay(T("2026-04-02 10:00"), "FK20260402001", "outgoing", OWNER, SUP_NK, ptot, [pn])
    xa, pa = sell(L, T("2026-03-05 09:30"), 1, RC_KN, [(P_AMOX, AMOX_A[0], AMOX_A[2], 300, 1200)], tag="a")
    ia, ta = inv(L, T("2026-03-05 16:00"), "sale", OWNER, RC_KN, [(P_AMOX, 300, 1200)],
                 {"sale": [xa], "delivery_note": [pa]}, label="ia")
    xb, pb = sell(L, T("2026-03-24 09:30"), 1, RC_KN, [(P_IBU, IBU_A[0], IBU_A[2], 200, 1550)], tag="b")
    ib, tb = inv(L, T("2026-03-24 16:00"), "sale", OWNER, RC_KN, [(P_IBU, 200, 1550)],
                 {"sale": [xb], "delivery_note": [pb]}, label="ib")
    xc, pc = sell(L, T("2026-04-01 09:30"), 1, RC_KN, [(P_AMOX, AMOX_A[0], AMOX_A[2], 500, 1200)], tag="c")
    ic, tc = inv(L, T("2026-04-01 16:00"), "sale", OWNER, RC_KN, [(P_AMOX, 500, 1200)],
                 {"sale": [xc], "delivery_note": [pc]}, label="ic")
    L.pay(T("2026-04-22 10:00"), "SK20260422001", "incoming", RC_KN, OWNER, ta + 150000, [ia, ib], label="p1")
    for i, d in enumerate(("2026-04-15", "2026-05-15", "2026-05-29")):
        L.pay(T(d + " 10:30"), "SK%s002" % d.replace("-", ""), "incoming", RC_KN, OWNER, 200000, [ic])
    # prepayment for D: the invoice number is known from the booking order of the generator
    at_d = T("2026-05-11 16:00")
    d_no = "%02d%s%014d" % (at_d.year % 100, "3300", 10000 * L.num + L.inv_seq + 1)
    L.pay(T("2026-05-06 10:00"), "SK20260506001", "incoming", RC_KN, OWNER, 180000, [d_no], label="pre")
    xd, pd_ = sell(L, T("2026-05-11 09:30"), 1, RC_KN, [(P_IBU, IBU_A[0], IBU_A[2], 120, 1500)], tag="d")
    idn, td = inv(L, at_d, "sale", OWNER, RC_KN, [(P_IBU, 120, 1500)], {"sale": [xd], "delivery_note": [pd_]},
                  label="id")
    assert idn == d_no and td == 180000 and tb == 310000
    L.pay(T("2026-05-12 10:00"), "SK20260512001", "incoming", RC_KN, OWNER, 160000, [ib], label="p2")
    L.stock_count(T("2026-08-01 16:00"), "PD20260801001", "WH-A")
    L.why("quiet: allocation in the order listed pays A in full 12 days before its deadline; B, C and D are paid in "
          "full before theirs; nothing is overpaid")
    return L


# ================================================================== 105
def l105():
    L = L5(105, "two-invoice-batch-from-manufacturer-to-public-hospital-wholesaler-batch-elsewhere", "LEGITIMATE",
           "阿莫西林 bought both from the manufacturer (batch 2607080051) and, when it was short, from another "
           "wholesaler (batch 2606220017); only the manufacturer's batch goes to the public hospital, the "
           "wholesaler's batch goes to a private hospital and a retail chain (mixed with the other batch)")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("rules.md TWO-INVOICE: 'Goods sold to a public hospital must come from the manufacturer ... Goods bought "
           "from another wholesaler mean a third invoice'; it Reads receipt.lines[].{{product,batch}} and "
           "sale.lines[].{{product,batch}}, so the source is judged per batch: the hospital's batch was received only "
           "from 杭州宁康制药 (kind manufacturer); format.md product_registered.manufacturer: 'the two-invoice rule "
           "looks at the supplier's kind, not at this field'")
    L.note("杭州民生医院 is a private (民营) hospital: public_hospital false (the default), so 两票制 does not apply to "
           "it; the retail chain is not a hospital")
    L.master(T("2026-08-03 09:00"), [(SUP_NK, "supplier"), (SUP_HK, "supplier"), (CUS_RH, "customer"),
                                     (CUS_MS, "customer"), (RC_KN, "customer")], [P_AMOX], zones=ZONES[:1])
    M_, W_ = ("2607080051", "2026-07-08", "2028-06-30"), ("2606220017", "2026-06-22", "2028-05-31")
    L.purchase(T("2026-08-03 10:00"), "CG20260803001", SUP_NK, [(P_AMOX, 300, 860)])
    L.purchase(T("2026-08-03 10:10"), "CG20260803002", SUP_HK, [(P_AMOX, 200, 905)])
    r1 = stock_in(L, T("2026-08-05 10:00"), "CG20260803001", SUP_NK, [(P_AMOX,) + M_ + (300,)], 1)
    r2 = stock_in(L, T("2026-08-05 14:00"), "CG20260803002", SUP_HK, [(P_AMOX,) + W_ + (200,)], 2)
    n1, t1 = inv(L, T("2026-08-05 16:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 300, 860)],
                 {"order": ["CG20260803001"], "receipt": [r1]})
    n2, t2 = inv(L, T("2026-08-06 11:00"), "purchase", SUP_HK, OWNER, [(P_AMOX, 200, 905)],
                 {"order": ["CG20260803002"], "receipt": [r2]})
    L.pay(T("2026-09-04 10:00"), "FK20260904001", "outgoing", OWNER, SUP_NK, t1, [n1])
    L.pay(T("2026-09-05 10:00"), "FK20260905001", "outgoing", OWNER, SUP_HK, t2, [n2])
    for i, (d, cus, lines) in enumerate((("2026-08-10", CUS_RH, [(P_AMOX, M_[0], M_[2], 150, 1035)]),
                                         ("2026-08-11", CUS_MS, [(P_AMOX, W_[0], W_[2], 100, 1120)]),
                                         ("2026-08-12", RC_KN, [(P_AMOX, W_[0], W_[2], 60, 1200),
                                                                (P_AMOX, M_[0], M_[2], 40, 1200)])), 1):
        at = T(d + " 09:30")
        xs, ps = sell(L, at, 1, cus, lines, tag=str(i))
        sn, st = inv(L, at.replace(hour=16, minute=0), "sale", OWNER, cus, [(P_AMOX, sum(l[3] for l in lines),
                                                                               lines[0][4])],
                     {"sale": [xs], "delivery_note": [ps]})
        L.pay(at + timedelta(days=30 + 5 * i), "SK%s001" % ymd(at + timedelta(days=30 + 5 * i)), "incoming", cus,
              OWNER, st, [sn])
    L.stock_count(T("2026-11-20 16:00"), "PD20261120001", "WH-A")
    L.why("quiet: the public hospital's sale (line {sale1}) is of a batch received only from the manufacturer")
    return L


# ================================================================== 106
def l106():
    L = L5(106, "purchase-invoice-for-rejected-units-red-letter-3-days-late", "VIOLATION",
           "200 盒 arrive, 2 are rejected as crushed (198 accepted); the supplier invoices all 200 and its red-letter "
           "invoice for the 2 comes 24 days after the invoice, 10 days after the correction window closed; we pay "
           "only the net amount after the credit note")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("rules.md TTGK-P: 'invoiced quantities (net of credit notes) must not exceed the accepted quantities ... An "
           "excess is a fact when it is booked: it is pending at once and becomes a finding if not corrected (more "
           "goods, a credit note, a refund) within the correction window'; correction_days 14 'Counted from the latest "
           "record involved': the invoice 2026-09-03 15:00 (line {inv}) is the latest record of the excess (receipt "
           "10:00 the same day); nothing else touches the order until the credit note 2026-09-27 15:00 (line {cn}); "
           "the payment comes after the credit note, so it cannot restart the window under any reading of 'involved'")
    L.note("the finding names 'the latest invoice (or credit note) of the order' when the window passes "
           "(2026-09-17 15:00): the invoice, line {inv}; seqs add the receipt (line {rc})")
    L.note("after the late credit note 198 invoiced = 198 accepted and 1,702.80 paid (2026-09-30) = 1,720.00 - 17.20 "
           "net: no UNPAID when its deadline (2026-11-02 15:00) passes; REC-DOC reads arrivals (200 = ordered 200); "
           "ACC-GATE: 198 put away = 198 accepted")
    L.master(T("2026-09-01 09:00"), [(SUP_NK, "supplier"), (RC_KN, "customer")], [P_AMOX], zones=ZONES[:1])
    po = "CG20260901001"
    B = ("2608110027", "2026-08-11", "2028-07-31")
    L.purchase(T("2026-09-01 10:00"), po, SUP_NK, [(P_AMOX, 200, 860)])
    L.receipt_rej(T("2026-09-03 10:00"), "SH20260903001", SUP_NK, [po], ["DN-NK-20260902018"],
                  [(P_AMOX,) + B + (200, 198, "运输破损：2 盒外盒压瘪、铝塑板破裂，拒收")], label="rc")
    L.move("put_away", T("2026-09-03 11:00"), "RK20260903001", [(P_AMOX, B[0], 198, "RCV", "WH-A", None)],
           refs={"order": [po], "receipt": ["SH20260903001"]})
    n1, t1 = inv(L, T("2026-09-03 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 200, 860)],
                 {"order": [po], "receipt": ["SH20260903001"]}, label="inv")
    cn, tcn = inv(L, T("2026-09-27 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 2, 860)],
                  {"order": [po], "receipt": ["SH20260903001"]}, credit_for=n1, label="cn")
    L.pay(T("2026-09-30 10:00"), "FK20260930001", "outgoing", OWNER, SUP_NK, t1 - tcn, [n1])
    xs, ps = sell(L, T("2026-09-08 09:30"), 1, RC_KN, [(P_AMOX, B[0], B[2], 100, 1200)])
    sn, st = inv(L, T("2026-09-08 16:00"), "sale", OWNER, RC_KN, [(P_AMOX, 100, 1200)],
                 {"sale": [xs], "delivery_note": [ps]})
    L.pay(T("2026-10-10 10:00"), "SK20261010001", "incoming", RC_KN, OWNER, st, [sn])
    L.stock_count(T("2026-11-25 16:00"), "PD20261125001", "WH-A")
    L.why("TTGK-P {inv}: 200 invoiced against 198 accepted, not corrected by 2026-09-17 15:00 (corrected 10 days later)")
    L.expect_at("TTGK-P", "inv")
    return L


# ================================================================== 107
def l107():
    L = L5(107, "supplier-paid-into-sales-reps-personal-card", "VIOLATION",
           "the supplier's sales representative asks finance to pay the invoice into his personal bank card; the full "
           "amount is paid there, listing the invoice; everything else (goods, invoice, the sale and its payment) agrees")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("rules.md TTGK-P: 'payments must go to that supplier, to an account registered for it'; format.md "
           "payment.payee_account: 'On an outgoing payment it must be registered for the payee'; findings.md: 'a payment "
           "naming ... an unregistered account' is judged at once; 6228480398765432170 (a personal 农行 card) is not "
           "among 宁康's registered accounts -> TTGK-P at the payment (line {pay}), seqs adding the invoice")
    L.note("no UNPAID is expected for the invoice: UNPAID reads payment.{{direction,amount,invoices}} and nothing in the "
           "docs says a payment to a wrong account does not count as paid; the ledger runs past the invoice's UNPAID "
           "deadline (2026-12-09 15:00) to show it")
    L.master(T("2026-10-08 09:00"), [(SUP_NK, "supplier"), (RC_KN, "customer")], [P_AMOX, P_IBU], zones=ZONES[:1])
    po = "CG20261008001"
    A2, I2 = ("2609150033", "2026-09-15", "2028-08-31"), ("2609020014", "2026-09-02", "2028-08-31")
    L.purchase(T("2026-10-08 10:00"), po, SUP_NK, [(P_AMOX, 300, 860), (P_IBU, 200, 1120)])
    rc = stock_in(L, T("2026-10-10 10:00"), po, SUP_NK, [(P_AMOX,) + A2 + (300,), (P_IBU,) + I2 + (200,)], 1)
    n1, t1 = inv(L, T("2026-10-10 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 300, 860), (P_IBU, 200, 1120)],
                 {"order": [po], "receipt": [rc]}, label="inv")
    L.pay(T("2026-11-05 10:00"), "FK20261105001", "outgoing", OWNER, SUP_NK, t1, [n1], label="pay",
          payee_account="6228480398765432170")
    xs, ps = sell(L, T("2026-10-14 09:30"), 1, RC_KN, [(P_AMOX, A2[0], A2[2], 120, 1200), (P_IBU, I2[0], I2[2], 80, 1450)])
    sn, st = inv(L, T("2026-10-14 16:00"), "sale", OWNER, RC_KN, [(P_AMOX, 120, 1200), (P_IBU, 80, 1450)],
                 {"sale": [xs], "delivery_note": [ps]})
    L.pay(T("2026-11-20 10:00"), "SK20261120001", "incoming", RC_KN, OWNER, st, [sn])
    L.stock_count(T("2027-01-15 16:00"), "PD20270115001", "WH-A")
    L.why("TTGK-P {pay}: outgoing payment to an account not registered for the payee")
    L.expect_at("TTGK-P", "pay")
    return L


# ================================================================== 108
def l108():
    L = L5(108, "purchase-invoice-issued-by-another-wholesaler", "VIOLATION",
           "布洛芬 ordered from and delivered by 浙江华康医药商业; the invoice comes from 杭州瑞丰医药 (a registered "
           "supplier of ours, but not of this order) - 过票; the ledger ends 23 days after the receipt, before any "
           "payment is due")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("rules.md TTGK-P: 'A purchase invoice must be issued by the supplier on the purchase order'; Points at: "
           "'the invoice whose buyer is not us or whose issuer is not the order's supplier' (line {inv}); findings.md: "
           "'an invoice or payment naming the wrong party ... judged at once'")
    L.note("the ledger stops on 2026-11-27 (stock count): UNINVOICED of the receipt (due 2026-12-04 10:00, if the "
           "wrong-issuer invoice is not counted) and UNPAID of the invoice (due 2027-01-05 15:00) are not yet due, so "
           "the one finding does not depend on how the tool counts a wrong-issuer invoice; they may appear as pending")
    L.master(T("2026-11-02 09:00"), [(SUP_HK, "supplier"), (SUP_RF, "supplier"), (RC_KN, "customer")], [P_IBU],
             zones=ZONES[:1])
    po = "CG20261102001"
    I3 = ("2610080019", "2026-10-08", "2028-09-30")
    L.purchase(T("2026-11-02 10:00"), po, SUP_HK, [(P_IBU, 300, 1180)])
    rc = stock_in(L, T("2026-11-04 10:00"), po, SUP_HK, [(P_IBU,) + I3 + (300,)], 1, label="rc")
    inv(L, T("2026-11-06 15:00"), "purchase", SUP_RF, OWNER, [(P_IBU, 300, 1180)], {"order": [po], "receipt": [rc]},
        label="inv")
    xs, ps = sell(L, T("2026-11-09 09:30"), 1, RC_KN, [(P_IBU, I3[0], I3[2], 100, 1450)])
    sn, st = inv(L, T("2026-11-09 16:00"), "sale", OWNER, RC_KN, [(P_IBU, 100, 1450)],
                 {"sale": [xs], "delivery_note": [ps]})
    L.pay(T("2026-11-20 10:00"), "SK20261120001", "incoming", RC_KN, OWNER, st, [sn])
    L.stock_count(T("2026-11-27 16:00"), "PD20261127001", "WH-A")
    L.why("TTGK-P {inv}: issuer 杭州瑞丰医药 is not the order's supplier 浙江华康医药商业")
    L.expect_at("TTGK-P", "inv")
    return L


# ================================================================== 109
def l109():
    L = L5(109, "public-hospital-sold-goods-bought-from-a-wholesaler", "VIOLATION",
           "the manufacturer is out of stock, so 阿莫西林 is bought from 浙江华康医药商业 (a wholesaler) and sold to "
           "宁波市明州人民医院 (public hospital, 浙江, not a remote province); invoices and payments all agree")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("rules.md TWO-INVOICE: 'Goods bought from another wholesaler mean a third invoice, unless the customer's "
           "province is a configured remote area' (remote_provinces default []); Points at: 'the sale to the public "
           "hospital' (line {sale})")
    L.master(T("2026-12-01 09:00"), [(SUP_HK, "supplier"), (CUS_MZ, "customer")], [P_AMOX], zones=ZONES[:1])
    po = "CG20261201001"
    W2 = ("2610200045", "2026-10-20", "2028-09-30")
    L.purchase(T("2026-12-01 10:00"), po, SUP_HK, [(P_AMOX, 200, 905)])
    rc = stock_in(L, T("2026-12-03 10:00"), po, SUP_HK, [(P_AMOX,) + W2 + (200,)], 1)
    n1, t1 = inv(L, T("2026-12-03 16:00"), "purchase", SUP_HK, OWNER, [(P_AMOX, 200, 905)],
                 {"order": [po], "receipt": [rc]})
    L.pay(T("2026-12-28 10:00"), "FK20261228001", "outgoing", OWNER, SUP_HK, t1, [n1])
    xs, ps = sell(L, T("2026-12-07 09:30"), 1, CUS_MZ, [(P_AMOX, W2[0], W2[2], 120, 1035)])
    sn, st = inv(L, T("2026-12-07 16:00"), "sale", OWNER, CUS_MZ, [(P_AMOX, 120, 1035)],
                 {"sale": [xs], "delivery_note": [ps]})
    L.pay(T("2027-01-20 10:00"), "SK20270120001", "incoming", CUS_MZ, OWNER, st, [sn])
    L.stock_count(T("2027-03-10 16:00"), "PD20270310001", "WH-A")
    L.why("TWO-INVOICE {sale}: public hospital sale of a batch received only from a wholesaler")
    L.expect_at("TWO-INVOICE", "sale")
    return L


# ================================================================== 110
def l110():
    L = L5(110, "monthly-hospital-invoice-paid-3-fen-short", "VIOLATION",
           "a public hospital's April 月结 invoice of 2,701.75 CNY is paid 2,701.72 (its payment system's rounding, 尾差 "
           "3 fen); under the default amount_tolerance_minor = 0 it is not settled when its 60 days pass")
    for n in (CLOCK, STORES, MONEY, MASTER):
        L.note(n)
    L.note("rules.md UNPAID: 'An invoice (net of credit notes) not fully paid within the threshold', amount_tolerance_minor "
           "(policy; default 0): 'Tolerated difference between an invoice and its payments' -> UNPAID at the invoice "
           "(line {inv}) when 2026-06-29 16:00 passes; seqs add the payment")
    L.note("with a configuration amount_tolerance_minor = 5 (a finance department writing off 尾差 below 5 fen) the same "
           "ledger must be quiet; REPORT.md records that run (not part of this .expected, which is for the defaults)")
    L.master(T("2026-04-01 09:00"), [(SUP_NK, "supplier"), (CUS_MZ, "customer")], [P_AMOX, P_IBU], zones=ZONES[:1])
    po = "CG20260401001"
    L.purchase(T("2026-04-01 10:00"), po, SUP_NK, [(P_AMOX, 400, 860), (P_IBU, 200, 1120)])
    rc = stock_in(L, T("2026-04-03 10:00"), po, SUP_NK, [(P_AMOX,) + AMOX_A + (400,), (P_IBU,) + IBU_A + (200,)], 1)
    n1, t1 = inv(L, T("2026-04-03 15:00"), "purchase", SUP_NK, OWNER, [(P_AMOX, 400, 860), (P_IBU, 200, 1120)],
                 {"order": [po], "receipt": [rc]})
    L.pay(T("2026-05-06 10:00"), "FK20260506001", "outgoing", OWNER, SUP_NK, t1, [n1])
    A, I = (P_AMOX, AMOX_A[0], AMOX_A[2]), (P_IBU, IBU_A[0], IBU_A[2])
    xss, pss = [], []
    for i, (d, lines) in enumerate((("2026-04-08", [A + (73, 1035), I + (30, 1360)]),
                                    ("2026-04-16", [A + (60, 1035)]),
                                    ("2026-04-24", [A + (40, 1035), I + (37, 1360)])), 1):
        xs, ps = sell(L, T(d + " 09:30"), 1, CUS_MZ, lines, tag=str(i))
        xss.append(xs)
        pss.append(ps)
    sn, st = inv(L, T("2026-04-30 16:00"), "sale", OWNER, CUS_MZ, [(P_AMOX, 173, 1035), (P_IBU, 67, 1360)],
                 {"sale": xss, "delivery_note": pss}, label="inv")
    assert st == 270175
    L.pay(T("2026-06-18 10:00"), "SK20260618001", "incoming", CUS_MZ, OWNER, st - 3, [sn], label="pay")
    L.stock_count(T("2026-07-31 16:00"), "PD20260731001", "WH-A")
    L.why("UNPAID {inv}: 2,701.75 invoiced, 2,701.72 paid, tolerance 0, deadline 2026-06-29 16:00 passed by the count")
    L.expect_at("UNPAID", "inv")
    return L


def main():
    for f in (l99, l100, l101, l102, l103, l104, l105, l106, l107, l108, l109, l110):
        L = f()
        print(L.write(OUT))


if __name__ == "__main__":
    main()
