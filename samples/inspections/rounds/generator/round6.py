#!/usr/bin/env python3
"""Regenerates ledgers 75-86 (round 5: special-control drugs, vaccines and cold chain, and what an
inspector asks) into samples/inspections/. Deterministic: no clock, no randomness.
Run: python3 generator/build.py"""
import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib3 import *  # noqa

OUT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

CLOCK = ("the ledger's clock is the latest occurred_at seen (rules.md intro); deadlines fire only when "
         "the clock passes them, 'an event exactly at the deadline is in time, one a second later is not'")
STORES = ("SP-1 (special store, ambient) and CR-1 (cold room) are registered zones; RCV, QA and RET are "
          "unregistered staging/quarantine locations, as in every earlier round (DOC-GAPS B7)")
CODES = ("every narcotic/psychotropic unit carries its 20-digit code on every movement line (receipt, "
         "put_away, transfer, dispatch, customer_return, destruction, loss_report): format.md MoveLine.codes "
         "'for special-control products exactly one unit code per unit'")
TWO = "receipts and outbound reviews of controlled products are signed by two different people (SPECIAL-2P)"
SEALCARD = ("the hospital is a seal_card_holder with its card number on file, valid beyond the ledger, in the "
            "seller's province (浙江); the owner is a regional_wholesaler; the supplier a designated_manufacturer "
            "(SPECIAL-CHANNEL, SPECIAL-CARD)")


def pay_ref(at, seq):
    return at.strftime("%Y%m%d") + "%03d" % seq


def stock_in(L, at, seq, supplier, lines, pay_at, to="SP-1", dn_prefix="DN", label="rc", transport=None,
             pay_method="bank_transfer", pay_label=None, z=False):
    """purchase (at-2d), receipt (at), put-away (+1h), purchase invoice (+5h), payment at pay_at.
    lines: (product, batch, prod_date, expiry, qty, price, codes)"""
    ymd = at.astimezone(CST).strftime("%Y%m%d")
    po = "CG%s%03d" % (ymd, seq)
    L.purchase(at - timedelta(days=2), po, supplier, [(p, q, pr) for p, b, pd, e, q, pr, c in lines])
    rc = "SH%s%03d" % (ymd, seq)
    L.receipt(at, rc, supplier, po, "%s-%s%03d" % (dn_prefix, ymd, seq),
              [(p, b, pd, e, q, c) for p, b, pd, e, q, pr, c in lines], label=label, transport=transport, z=z)
    L.move("put_away", at + timedelta(minutes=20 if transport else 60), "RK%s%03d" % (ymd, seq),
           [(p, b, q, "RCV", to, c) for p, b, pd, e, q, pr, c in lines], refs={"order": [po], "receipt": [rc]},
           label=label + "_pa")
    inv = L.inv_no(at, "3301")
    tot = L.invoice(at + timedelta(hours=5), inv, "purchase", supplier, L.owner,
                    [(p, q, pr) for p, b, pd, e, q, pr, c in lines], refs={"order": [po]}, label=label + "_inv")
    if pay_at:
        L.payment(pay_at, "FK" + pay_ref(pay_at, seq), "outgoing", L.owner, supplier, tot, [inv],
                  method=pay_method, label=pay_label)
    return po, rc, inv, tot


def sell(L, at, seq, customer, lines, pay=None, tag="", reviewers=None, vehicle=None, src="SP-1",
         refs=None, inv_at=None):
    """sale at `at`, review +20 min, dispatch +40 min, invoice same day 16:00 (or inv_at).
    lines: (product, batch, expiry, qty, price, codes). pay: list of (instant, amount|None)."""
    ymd = at.strftime("%Y%m%d")
    xs = "XS%s%03d" % (ymd, seq)
    L.sale(at, xs, customer, [(p, b, e, q, pr) for p, b, e, q, pr, c in lines], label="sale" + tag, refs=refs)
    L.review(at + timedelta(minutes=20), "FH%s%03d" % (ymd, seq), customer, xs,
             [(p, b, e, q) for p, b, e, q, pr, c in lines], reviewers=reviewers, label="rev" + tag)
    ps = "PS%s%03d" % (ymd, seq)
    L.dispatch(at + timedelta(minutes=40), ps, customer, xs, [(p, b, q, src, c) for p, b, e, q, pr, c in lines],
               label="disp" + tag, vehicle=vehicle)
    inv_at = inv_at or at.replace(hour=16, minute=0)
    inv = L.inv_no(inv_at, "3300")
    tot = L.invoice(inv_at, inv, "sale", L.owner, customer, [(p, q, pr) for p, b, e, q, pr, c in lines],
                    refs={"sale": [xs], "delivery_note": [ps]}, label="inv" + tag)
    for i, (pt, amt) in enumerate(pay or []):
        L.payment(pt, "SK%s%03d" % (pt.strftime("%Y%m%d"), seq * 10 + i), "incoming", customer, L.owner,
                  amt if amt is not None else tot, [inv], label="pay%s_%d" % (tag, i))
    return xs, ps, inv, tot


REPORTED = ["杭州市公安局西湖区分局", "杭州市西湖区市场监督管理局（药品监管）", "杭州市西湖区卫生健康局"]
SUPERVISORS = ["杭州市西湖区市场监督管理局-钱宏", "杭州市西湖区市场监督管理局-冯玥"]


def loss(L, reported, discovered, doc, lines, label, z_disc=False):
    data = {"doc": doc, "loss": "loss", "discovered_at": iso(discovered, z_disc),
            "lines": [{"product": p, "batch": b, "quantity": q, "from": fr, "codes": cs} for p, b, q, fr, cs in lines],
            "reported_to": REPORTED}
    return L.add("loss_report", reported, data, by=["保管-赵磊", "质管-周敏"], label=label)


# ================================================================== 75
def l75():
    L = Ledger(75, "morphine-full-custody-chain-loss-at-24h", "LEGITIMATE",
               "盐酸吗啡注射液 through its whole custody chain: two-person receipt with 50 unit codes, put-away to "
               "SP-1, sale to a seal-card hospital, two-person review, dispatch, a customer return of 2 broken "
               "ampoules to RET, credit note, supervised destruction, a lost ampoule reported exactly 24 h after "
               "discovery, closing count")
    L.note(CLOCK)
    L.note(STORES)
    L.note(CODES)
    L.note(TWO)
    L.note(SEALCARD)
    L.note("the loss is discovered at 2026-05-29T01:00:00Z (09:00 Beijing, written in Z on purpose) during the "
           "daily two-person check of SP-1 (not a stock_count, so no count shortage is recorded); the loss_report's "
           "occurred_at 2026-05-30 09:00 +08:00 is exactly 24 h later: 'within special_loss_hours' and rules.md "
           "intro 'an event exactly at the deadline is in time' (loss report line {loss})")
    L.note("the returned ampoules go to RET and leave it only by destruction, which QUARANTINE allows ('back to "
           "the supplier, to destruction'); the destruction lists both codes and two regulator supervisors")
    L.note("the hospital pays the invoice net of the credit note (18 x 18.50 CNY) and lists only the invoice "
           "(round 1 ledger 05 used the same form)")
    L.note("trace: 'rxledger trace --batch %s:2604150011 L' should show 50 received, 50 put away to SP-1, 20 "
           "dispatched to 杭州市仁和医院, 2 returned to RET and destroyed, 1 lost, 29 left in SP-1, and no break"
           % P_MOR)
    L.master(T("2026-05-04 09:00"), [(SUP_XN, "supplier"), (CUS_RH, "customer")], [P_MOR])
    B, E = "2604150011", "2028-03-31"
    C = codes("81034560", 2604150001, 50)
    stock_in(L, T("2026-05-08 10:00"), 1, SUP_XN, [(P_MOR, B, "2026-04-15", E, 50, 1480, C)], T("2026-05-20 10:00"))
    xs, ps, inv, tot = sell(L, T("2026-05-11 09:30"), 1, CUS_RH, [(P_MOR, B, E, 20, 1850, C[:20])])
    L.customer_return(T("2026-05-15 10:00"), "TH20260515001", CUS_RH, xs, ps, "运输中安瓿破损 2 支，原包装退回",
                      [(P_MOR, B, 2, "RET", [C[3], C[7]])], label="ret")
    cn = L.inv_no(T("2026-05-15 11:00"), "3300")
    L.invoice(T("2026-05-15 11:00"), cn, "sale", OWNER, CUS_RH, [(P_MOR, 2, 1850)],
              refs={"sale": [xs], "delivery_note": [ps]}, credit_for=inv)
    L.payment(T("2026-05-25 14:00"), "SK20260525001", "incoming", CUS_RH, OWNER, 18 * 1850, [inv])
    L.move("destruction", T("2026-05-28 14:00"), "XH20260528001", [(P_MOR, B, 2, "RET", None, [C[3], C[7]])],
           reason="销后退回破损", extra={"method": "监督下焚烧（杭州市医疗废物集中处置中心）", "supervisors": SUPERVISORS},
           label="destroy")
    loss(L, T("2026-05-30 09:00"), T("2026-05-29 09:00"), "BS20260530001", [(P_MOR, B, 1, "SP-1", [C[49]])],
         "loss", z_disc=True)
    L.stock_count(T("2026-05-31 16:00"), "PD20260531001", "SP-1", label="count")
    L.trace = (P_MOR, B)
    return L


# ================================================================== 76
def l76():
    L = Ledger(76, "morphine-quarantined-unit-dispatched-and-one-reviewer-twice", "VIOLATION",
               "盐酸吗啡注射液: two cracked ampoules are moved SP-1 -> QA, yet one of their codes is dispatched from "
               "SP-1 to the hospital; the outbound review lists the same reviewer twice")
    L.note(CLOCK)
    L.note(STORES)
    L.note(CODES)
    L.note(SEALCARD)
    L.note("stock by batch stays sound (SP-1 28 -> 18, QA 2): only the unit codes show that the dispatch took a "
           "unit from QA; the dispatch leaves from SP-1, so QUARANTINE (which reads dispatch.lines[].from) "
           "does not apply; the two QA units are not destroyed in this ledger (destroying code ...0002 after it left "
           "would add a CODE-DUP), and the closing counts match the books")
    L.note("the reviewers list ['复核-刘洋', '复核-刘洋'] has two entries but one person")
    L.why("SPECIAL-CHAIN {disp}: 'a unit leaves from the location where the ledger last put it'; Points at: "
          "'a ... dispatch ... moving units the ledger had at another location' (code 81034560002605200002 was "
          "moved to QA by the transfer on line {quar})")
    L.why("SPECIAL-2P {rev}: 'Acceptance and outbound review of special-control drugs are signed by two "
          "different people'; Points at: 'the outbound_review signed by fewer than two people'")
    L.master(T("2026-06-01 09:00"), [(SUP_XN, "supplier"), (CUS_RH, "customer")], [P_MOR])
    B, E = "2605200001", "2028-04-30"
    C = codes("81034560", 2605200001, 30)
    stock_in(L, T("2026-06-03 10:00"), 1, SUP_XN, [(P_MOR, B, "2026-05-20", E, 30, 1480, C)], T("2026-06-15 10:00"))
    L.move("transfer", T("2026-06-04 15:00"), "YK20260604001", [(P_MOR, B, 2, "SP-1", "QA", C[0:2])],
           reason="quarantine", label="quar")
    dispatched = [C[1]] + C[2:11]       # C[1] is in QA; C[11] stays in SP-1 instead
    sell(L, T("2026-06-05 09:30"), 1, CUS_RH, [(P_MOR, B, E, 10, 1850, dispatched)],
         pay=[(T("2026-06-20 10:00"), None)], reviewers=["复核-刘洋", "复核-刘洋"])
    L.stock_count(T("2026-06-22 16:00"), "PD20260622001", "SP-1")
    L.stock_count(T("2026-06-22 16:30"), "PD20260622002", "QA")
    L.expect_at("SPECIAL-CHAIN", "disp")
    L.expect_at("SPECIAL-2P", "rev")
    return L


# ================================================================== 77
def l77():
    L = Ledger(77, "psychotropic1-return-release-resale-cross-province", "LEGITIMATE",
               "盐酸哌甲酯缓释片 (class-1 psychotropic): sale to a Ningbo seal-card hospital, 3 boxes returned "
               "unopened, re-accepted by two and released RET -> SP-1, then resold with the same codes to an Anhui "
               "seal-card hospital under a provincial approval")
    L.note(CLOCK)
    L.note(STORES)
    L.note(CODES)
    L.note(TWO)
    L.note("SPECIAL-CHANNEL reads sale.refs.approval: the sale to 合肥市德安医院 (安徽) carries refs.approval; the "
           "Ningbo sale is in the seller's province and needs none; both hospitals have their seal-card numbers on file")
    L.note("the three returned codes left on 07-06, came back by customer_return on 07-10 (CODE-DUP 'received while "
           "already in stock' does not apply: they had left) and leave again on 07-14: a lawful second dispatch, "
           "not a cloned code")
    L.note("release: transfer reason 'release' RET -> SP-1 after re-acceptance (QUARANTINE allows 'storage by an "
           "explicit release after re-inspection')")
    L.master(T("2026-07-01 09:00"), [(SUP_HY, "supplier"), (CUS_MZ, "customer"), (CUS_HF, "customer")], [P_MPH])
    B, E = "2606110021", "2028-05-31"
    C = codes("81056120", 2606110001, 40)
    stock_in(L, T("2026-07-03 10:00"), 1, SUP_HY, [(P_MPH, B, "2026-06-11", E, 40, 5200, C)], T("2026-07-20 10:00"))
    xs, ps, inv, tot = sell(L, T("2026-07-06 09:30"), 1, CUS_MZ, [(P_MPH, B, E, 12, 6400, C[:12])])
    L.customer_return(T("2026-07-10 10:00"), "TH20260710001", CUS_MZ, xs, ps, "临床停用，未开封原包装退回",
                      [(P_MPH, B, 3, "RET", C[9:12])], label="ret")
    cn = L.inv_no(T("2026-07-10 11:00"), "3300")
    L.invoice(T("2026-07-10 11:00"), cn, "sale", OWNER, CUS_MZ, [(P_MPH, 3, 6400)],
              refs={"sale": [xs], "delivery_note": [ps]}, credit_for=inv)
    L.move("transfer", T("2026-07-10 15:00"), "YK20260710001", [(P_MPH, B, 3, "RET", "SP-1", C[9:12])],
           reason="release", label="release")
    L.payment(T("2026-07-17 10:00"), "SK20260717001", "incoming", CUS_MZ, OWNER, 9 * 6400, [inv])
    sell(L, T("2026-07-14 09:30"), 2, CUS_HF, [(P_MPH, B, E, 8, 6400, C[9:12] + C[12:17])],
         pay=[(T("2026-07-28 10:00"), None)], tag="2", refs={"approval": "浙药监麻精〔2026〕0712号"})
    L.stock_count(T("2026-07-31 16:00"), "PD20260731001", "SP-1")
    return L


# ================================================================== 78
def l78():
    L = Ledger(78, "fentanyl-count-shortage-and-loss-reported-24h01m", "VIOLATION",
               "枸橼酸芬太尼注射液: the month-end count of SP-1 finds one ampoule missing; the loss is reported "
               "to the authorities 24 h 1 min after its discovery; the recount after the report agrees")
    L.note(CLOCK)
    L.note(STORES)
    L.note(CODES)
    L.note(SEALCARD)
    L.note("discovered_at is the count (2026-06-30 17:00 +08:00); the loss_report occurred_at 2026-07-01 17:01 is "
           "one minute past special_loss_hours (24)")
    L.note("the recount on 07-02 is taken after the loss_report booked the missing ampoule out, so it agrees")
    L.why("STOCK-COUNT {count1}: 'A stock count found a quantity different from the book quantity at that "
          "location' (books 12, counted 11)")
    L.why("SPECIAL-LOSS {loss}: 'A loss or theft of special-control drugs is reported to the police, drug and "
          "health authorities within the threshold after discovery' (special_loss_hours 24; 24 h 1 min)")
    L.master(T("2026-06-22 09:00"), [(SUP_XN, "supplier"), (CUS_RH, "customer")], [P_FEN])
    B, E = "2605280007", "2028-04-30"
    C = codes("81034570", 2605280001, 20)
    stock_in(L, T("2026-06-24 10:00"), 1, SUP_XN, [(P_FEN, B, "2026-05-28", E, 20, 2150, C)], T("2026-07-02 14:00"))
    sell(L, T("2026-06-26 09:30"), 1, CUS_RH, [(P_FEN, B, E, 8, 2690, C[:8])], pay=[(T("2026-07-02 15:00"), None)])
    L.stock_count(T("2026-06-30 17:00"), "PD20260630001", "SP-1", label="count1", override={(P_FEN, B): 11})
    loss(L, T("2026-07-01 17:01"), T("2026-06-30 17:00"), "BS20260701001", [(P_FEN, B, 1, "SP-1", [C[19]])], "loss")
    L.stock_count(T("2026-07-02 10:00"), "PD20260702001", "SP-1", label="count2")
    L.expect_at("STOCK-COUNT", "count1")
    L.expect_at("SPECIAL-LOSS", "loss")
    return L


# ================================================================== 79 / 80 (retail chain owner)
PERSONS = [
    ("330106199005071234", "顾客-林某", "330106199005071234"),
    ("33010619851120222X", "顾客-何某", "33010619851120222X"),
    ("330102197803031156", "顾客-邵某", "330102197803031156"),
]
STORE = ADDR[RC_KN]


def retail(L, at, seq, person, qty, price, B, E, rx=None, tag=""):
    pid, name, idno = person
    ymd = at.strftime("%Y%m%d")
    xs = "LS%s%03d" % (ymd, seq)
    L.sale(at, xs, pid, [(P_EPH, B, E, qty, price)], channel="retail", buyer_id=idno, prescription=rx,
           label=("rsale" + tag) if tag else None)
    L.review(at + timedelta(minutes=2), "FH%s%03d" % (ymd, seq), pid, xs, [(P_EPH, B, E, qty)])
    L.dispatch(at + timedelta(minutes=3), "XP%s%03d" % (ymd, seq), pid, xs, [(P_EPH, B, qty, "WH-A", None)],
               address=STORE, consignee=name)
    inv = L.inv_no(at, "3300")
    L.invoice(at + timedelta(minutes=4), inv, "sale", L.owner, pid, [(P_EPH, qty, price)],
              refs={"sale": [xs], "delivery_note": ["XP%s%03d" % (ymd, seq)]})
    data = {"doc": "XJ%s%03d" % (ymd, seq), "direction": "incoming", "payer": pid, "payee": L.owner,
            "payer_account": "", "payee_account": "", "amount": money(qty * price), "method": "cash",
            "invoices": [inv]}
    L.add("payment", at + timedelta(minutes=4), data, refs={"invoice": inv}, by=["收银-蒋悦"])


def eph_master(L, at):
    L.party(at, RC_KN, "self")
    L.party(at + timedelta(minutes=1), OWNER, "supplier")
    L.add("product_registered", at + timedelta(minutes=2), dict(product=P_EPH, **PRODUCTS[P_EPH]), by=["质管-周敏"])
    L.add("zone_registered", at + timedelta(minutes=3), {"zone": "WH-A", "storage": "ambient"}, by=["质管-周敏"])
    for i, (pid, name, idno) in enumerate(PERSONS):
        L.individual(at + timedelta(minutes=4 + i), pid, name, "浙江省杭州市（身份证住址）")


EPH_NOTES = [
    "the owner is a retail chain (杭州康宁大药房连锁, kind retail_chain, drug_retail licence with "
    "compound_ephedrine in scope) that buys wholesale from 浙江仁济医药 and sells at its counter; each buyer is "
    "registered as a party of kind individual (no licence, no accounts) so that sale.customer names a party",
    "retail sales are written sale (channel retail, buyer_id) -> outbound_review -> dispatch from WH-A to the "
    "store's own address -> invoice to the buyer -> cash payment (cash is lawful in retail; EPH-RETAIL forbids "
    "cash only for wholesale, and cash needs no registered account, as in round 1 ledger 29)",
    "compound ephedrine carries no unit codes: format.md MoveLine.codes 'SPECIAL-CHAIN: ... not "
    "compound_ephedrine, whose sales are watched by other rules'; acceptance and review are still signed by two",
    "a threshold in days is 24-hour days from the instant (rules.md intro), so eph_window_days 7 is 168 h back "
    "from each retail sale",
    "SOM: every buyer has at most 3 orders (som_min_history 4, som_freq_min 6), so no size or frequency test applies",
]


def l79():
    L = Ledger(79, "compound-ephedrine-retail-at-the-limits", "LEGITIMATE",
               "retail chain selling 复方盐酸伪麻黄碱缓释胶囊 at the exact limits: 2 packs per sale without "
               "prescription, 4 packs per ID within 7 days, the next 2 packs 7 days and 1 minute after the first, "
               "3 packs on prescription; wholesale purchase paid by bank transfer", owner=RC_KN)
    L.note(CLOCK)
    for n in EPH_NOTES:
        L.note(n)
    L.note("buyer 林某: 2 packs 07-06 10:00, 2 packs 07-09 15:00 (4 in the window = eph_window_packs, 'not more "
           "than'), 2 packs 07-13 10:01 (the 07-06 sale is 7 d 1 min back, outside; 07-09 + 07-13 = 4)")
    L.note("buyer 何某: 3 packs with prescription number (sale.prescription 'lifts the per-sale pack limit'); 3 "
           "packs is below the window limit of 4")
    eph_master(L, T("2026-07-01 09:00"))
    B, E = "2605100031", "2028-04-30"
    stock_in(L, T("2026-07-03 10:00"), 1, OWNER, [(P_EPH, B, "2026-05-10", E, 60, 1650, None)],
             T("2026-07-10 10:00"), to="WH-A")
    retail(L, T("2026-07-06 10:00"), 1, PERSONS[0], 2, 2580, B, E)
    retail(L, T("2026-07-08 11:00"), 2, PERSONS[1], 3, 2580, B, E, rx="CF-HZ-20260708-0315")
    retail(L, T("2026-07-09 15:00"), 3, PERSONS[0], 2, 2580, B, E)
    retail(L, T("2026-07-13 10:01"), 4, PERSONS[0], 2, 2580, B, E)
    retail(L, T("2026-07-14 16:00"), 5, PERSONS[2], 1, 2580, B, E)
    L.stock_count(T("2026-07-15 18:00"), "PD20260715001", "WH-A")
    return L


def l80():
    L = Ledger(80, "compound-ephedrine-purchase-paid-cash-and-5-packs-in-6d23h59m", "VIOLATION",
               "retail chain: the wholesale purchase of 复方盐酸伪麻黄碱缓释胶囊 is paid in cash, and one ID buys "
               "2 + 2 + 1 packs, the last 6 d 23 h 59 min after the first", owner=RC_KN)
    L.note(CLOCK)
    for n in EPH_NOTES:
        L.note(n)
    L.note("the purchase invoice from 浙江仁济医药 (a wholesale sale of compound ephedrine to us) is paid in cash "
           "with empty accounts; format.md payment.method: 'Cash must not settle invoices ... of compound ephedrine "
           "sold wholesale (EPH-RETAIL)'. Cash needs no registered account (round 1 C13), so no TTGK-P is expected")
    L.why("EPH-RETAIL {pay_cash}: 'wholesale is not paid in cash'; Points at: 'the cash payment'")
    L.why("EPH-RETAIL {rsale3}: 'not more than the window limit to one ID' (eph_window_packs 4 in eph_window_days 7; "
          "2 + 2 + 1 = 5 packs within 6 d 23 h 59 min); Points at: 'the retail sale (... over the window limit)'")
    eph_master(L, T("2026-07-01 09:00"))
    B, E = "2605100031", "2028-04-30"
    stock_in(L, T("2026-07-03 10:00"), 1, OWNER, [(P_EPH, B, "2026-05-10", E, 60, 1650, None)],
             T("2026-07-03 16:30"), to="WH-A", pay_method="cash", pay_label="pay_cash")
    retail(L, T("2026-07-06 10:00"), 1, PERSONS[2], 2, 2580, B, E)
    retail(L, T("2026-07-09 15:00"), 2, PERSONS[2], 2, 2580, B, E)
    retail(L, T("2026-07-13 09:59"), 3, PERSONS[2], 1, 2580, B, E, tag="3")
    retail(L, T("2026-07-14 16:00"), 4, PERSONS[0], 2, 2580, B, E)
    L.stock_count(T("2026-07-15 18:00"), "PD20260715001", "WH-A")
    L.expect_at("EPH-RETAIL", "pay_cash")
    L.expect_at("EPH-RETAIL", "rsale3")
    return L


# ================================================================== vaccines / cold chain
VAC_MASTER = [(SUP_RH, "supplier"), (CUS_CDC, "customer")]
CR1 = ("CR-1", "cold", ["TH-R01"])


def trip(L, vehicle, sensor, t0, t1, step_s, key, at_upload, z=False, specials=None, gap_after=None, label=None):
    """readings from t0 to t1 every step_s seconds; specials {index: celsius}; gap_after (index, extra_s)."""
    rs, t, i = [], t0, 0
    specials = specials or {}
    while t <= t1:
        c = specials.get(i, noise("%s-%s-%d" % (key, vehicle, i), 3.2, 6.8))
        rs.append((t, c, z))
        step = step_s
        if gap_after and gap_after[0] == i:
            step += gap_after[1]
        t += timedelta(seconds=step)
        i += 1
    assert rs[-1][0] >= t1 - timedelta(seconds=step_s)
    L.temps(at_upload, sensor, rs, vehicle=vehicle, z=z, label=label)
    return rs


def cold_points(key, t0, t1, step_min=20, special=None, dense=None):
    """storage readings every step_min minutes; special {instant: celsius}; dense: list of (from, to, step_min)
    stretches with another spacing."""
    pts, t = [], t0
    special = special or {}
    dense = dense or []
    while t <= t1:
        c = special.get(t, noise("%s-%s" % (key, t.isoformat()), 3.0, 7.0))
        pts.append((t, c))
        step = step_min
        for a, b, s in dense:
            if a <= t < b:
                step = s
        t += timedelta(minutes=step)
    return pts


def l81():
    L = Ledger(81, "vaccine-cold-chain-month-end-night-exact-thresholds", "LEGITIMATE",
               "重组乙型肝炎疫苗: night delivery across 31 Mar/1 Apr midnight with the truck logger in Z and the "
               "receipt in +08:00, readings exactly 5 min apart with 8.0 and 2.0 °C on the bounds; cold room CR-1 "
               "read every 20 min with an exactly-30-min stretch across midnight; outbound trip to the CDC")
    L.note(CLOCK)
    L.note(STORES)
    L.note("TEMP-GAP 'more than the ... limit apart': 5 min (transport) and 30 min (storage) exactly are at the "
           "limit, not over it; TempRange/StorageClass bounds are inclusive ('2 to 8 °C', 'inclusive'), so 8.0 and "
           "2.0 are in range")
    L.note("incoming trip: shipped_at 2026-03-31T22:00:00+08:00; logger TL-C1002 reads every 5 min from "
           "2026-03-31T13:55:00Z to 2026-03-31T17:35:00Z (Z on purpose); the receipt occurred_at is "
           "2026-04-01T01:30:00+08:00 = 17:30Z, so the readings cover ship time to arrival; the upload's "
           "occurred_at 2026-03-31T17:45:00Z is the local 1 April, UTC 31 March")
    L.note("outbound trip on 浙A·L1011冷: readings every 5 min from 5 min before the dispatch to delivery, "
           "uploaded at 11:20; dispatch.vehicle binds it (format.md dispatch.vehicle)")
    L.note("CR-1's sensor TH-R01 is listed in zone_registered.sensors; the zone stream runs from 2026-03-30 08:00 "
           "to the last upload, uploads every 6 h (storage_backfill_hours 24), values vary (no TEMP-FLAT/TEMP-COPY)")
    L.note("the vaccine goes RCV -> CR-1 twenty minutes after arrival; a vaccine buyer is a CDC (kind cdc, "
           "public_health licence, vaccine and cold_chain in scope)")
    at = L.master(T("2026-03-27 09:00"), VAC_MASTER, [P_HEPB], zones=[CR1])
    pts = cold_points("81", T("2026-03-30 08:00"), T("2026-04-03 12:00"),
                      special={T("2026-03-31 23:00"): 8.0, T("2026-04-01 00:30"): 2.0},
                      dense=[(T("2026-03-31 22:00"), T("2026-04-01 02:00"), 30)])
    L.zone_stream("CR-1", "TH-R01", pts)
    B, E = "202602A017", "2028-02"
    tr = {"vehicle": "沪B·C1002冷", "shipped_at": "2026-03-31T22:00:00+08:00", "cold_chain": True}
    stock_in(L, T("2026-04-01 01:30"), 1, SUP_RH, [(P_HEPB, B, "2026-02-20", E, 300, 3650, None)],
             T("2026-04-02 15:00"), to="CR-1", transport=tr, dn_prefix="RH")
    trip(L, "沪B·C1002冷", "TL-C1002", T("2026-03-31 21:55"), T("2026-04-01 01:35"), 300, "81in",
         T("2026-04-01 01:45"), z=True, specials={20: 8.0, 33: 2.0})
    sell(L, T("2026-04-02 09:00"), 1, CUS_CDC, [(P_HEPB, B, E, 100, 4200, None)],
         pay=[(T("2026-04-03 10:00"), None)], vehicle="浙A·L1011冷", src="CR-1")
    trip(L, "浙A·L1011冷", "TL-1011", T("2026-04-02 09:35"), T("2026-04-02 11:10"), 300, "81out",
         T("2026-04-02 11:20"), specials={7: 8.0, 12: 2.0})
    L.stock_count(T("2026-04-03 11:00"), "PD20260403001", "CR-1")
    return L


def vac_disposal(num, name, kind, title, destroy_at, gap_plant, isolate_at=T("2026-04-30 17:00")):
    L = Ledger(num, name, kind, title)
    L.note(CLOCK)
    L.note(STORES)
    L.note("the batch 2025C0430 expires 2026-04-30 (有效期至, date precision). format.md Dates: 'A deadline counted "
           "in days from a date starts at 00:00 Beijing time: ... the disposal of an expired vaccine (VAC-DISPOSE) "
           "from the day after its expiry date' -> 2026-05-01T00:00+08:00 + vac_dispose_days 30 x 24 h = "
           "2026-05-31T00:00:00+08:00 = 2026-05-30T16:00:00Z")
    L.note("isolation: the 50 unsold doses are moved CR-1 -> QA (a quarantine location; configuration.md: "
           "'VAC-DISPOSE also counts vaccines moved there as isolated') on the expiry day itself, 17:00, which is in "
           "time under every reading of the isolation deadline (the day after expiry, or vac_isolate_days 3 from "
           "expiry or from the day after); the isolation boundary is not probed because rules.md still gives both "
           "'the day after expiry' and vac_isolate_days = 3, and its example (23 Oct for a 21 Oct expiry) fits only "
           "the first")
    L.note("the destruction's occurred_at is written in Z (UTC date 30 May, Beijing date 31 May)")
    L.note("the sale of 150 doses on 01-20 is 100 days before expiry (near_expiry_days 90: no EXPIRED-NEAR); a "
           "second batch (expiry 2028) stays in CR-1 so the ledger can end with a count of CR-1 after the deadline")
    L.note("no CR-1 zone readings are sent in this ledger (no rule asks for them; round 3 D22); the incoming and "
           "outgoing trips have logger readings every 5 min")
    L.master(T("2026-01-08 09:00"), VAC_MASTER, [P_HEPB], zones=[CR1])
    B1, E1, B2, E2 = "2025C0430", "2026-04-30", "2026A0112", "2028-01-31"
    tr = {"vehicle": "沪B·C1002冷", "shipped_at": "2026-01-12T06:00:00+08:00", "cold_chain": True}
    stock_in(L, T("2026-01-12 10:00"), 1, SUP_RH, [(P_HEPB, B1, "2025-05-01", E1, 200, 3400, None),
                                                   (P_HEPB, B2, "2026-01-12", E2, 100, 3650, None)],
             T("2026-02-10 10:00"), to="CR-1", transport=tr, dn_prefix="RH")
    trip(L, "沪B·C1002冷", "TL-C1002", T("2026-01-12 05:55"), T("2026-01-12 10:05"), 300, "%din" % num,
         T("2026-01-12 10:30"))
    sell(L, T("2026-01-20 09:00"), 1, CUS_CDC, [(P_HEPB, B1, E1, 150, 4000, None)],
         pay=[(T("2026-02-20 10:00"), None)], vehicle="浙A·L1011冷", src="CR-1")
    trip(L, "浙A·L1011冷", "TL-1011", T("2026-01-20 09:35"), T("2026-01-20 11:10"), 300, "%dout" % num,
         T("2026-01-20 11:20"), gap_after=(9, 1) if gap_plant else None, label="outtrip")
    L.move("transfer", isolate_at, "YK20260430001", [(P_HEPB, B1, 50, "CR-1", "QA", None)],
           reason="quarantine", label="isolate")
    L.move("destruction", destroy_at, "XH20260531001", [(P_HEPB, B1, 50, "QA", None, None)],
           reason="疫苗过期（有效期至 2026-04-30）", extra={"method": "委托有资质的医疗废物处置单位焚烧",
                                                    "supervisors": ["杭州市西湖区市场监督管理局-钱宏"]},
           by=["保管-赵磊", "质管-周敏"], z=True, label="destroy")
    L.stock_count(T("2026-06-01 10:00"), "PD20260601001", "CR-1")
    return L


def l82():
    return vac_disposal(82, "expired-vaccine-destroyed-at-the-exact-deadline", "LEGITIMATE",
                        "expired vaccine batch isolated to QA on its expiry day and destroyed exactly at the disposal "
                        "deadline, 2026-05-30T16:00:00Z (31 May 00:00 Beijing)", T("2026-05-31 00:00"), False)


def l83():
    L = vac_disposal(83, "expired-vaccine-destroyed-one-minute-late-and-trip-gap-5m01s", "VIOLATION",
                     "as 82 but destroyed at 2026-05-30T16:01:00Z, one minute after the disposal deadline; the "
                     "outbound trip log has one gap of 5 min 1 s", T("2026-05-31 00:01"), True)
    L.note("the outbound trip readings are 5 min apart except one pair 5 min 1 s apart (after the 10th reading)")
    L.why("VAC-DISPOSE {rc}: 'expired vaccines are ... destroyed within the disposal window'; Points at: 'for expired "
          "vaccines, the receipt of the batch (one finding per receipt line)': only line 1 of the receipt (batch "
          "2025C0430) is expired")
    L.why("TEMP-GAP {outtrip}: 'Consecutive readings ... of a vehicle trip more than the transport limit apart' "
          "(transport_gap_minutes 5; 5 min 1 s); Points at: 'the temperature_reading (upload) holding the reading "
          "after the gap'")
    L.expect_at("VAC-DISPOSE", "rc")
    L.expect_at("TEMP-GAP", "outtrip")
    return L


def l84():
    L = Ledger(84, "cold-room-excursion-vaccines-left-four-days", "VIOLATION",
               "CR-1 goes to 9.6 °C for 22 minutes on 6 Aug (readings every minute, never more than 2 min apart); "
               "the 300 vaccine doses in it are not moved to quarantine until 10 Aug, four days later")
    L.note(CLOCK)
    L.note(STORES)
    L.note("CR-1 is read every 20 min, every minute from 10:00 to 11:30 on 08-06; out of range 10:31-10:52, back "
           "at 7.8 °C at 10:53; the whole excursion lies in the upload of the readings 06:00-11:50 (uploaded 11:51, line {exc}), "
           "so TEMP-RANGE has one seq")
    L.note("isolation window vac_isolate_days 3, whether counted from the start (10:31) or the end (10:53) of the "
           "excursion: the transfer to QA on 08-10 14:00 is more than 3 x 24 h later either way; the ledger runs to "
           "08-11 18:00")
    L.why("TEMP-RANGE {exc}: 'Readings of a storage zone ... left the allowed range'; Points at: 'the "
          "temperature_reading (upload) holding the reading that ended the excursion: the first back in range'")
    L.why("VAC-DISPOSE {exc}: 'Vaccines in a zone hit by an excursion are moved to quarantine within the isolation "
          "window' (vac_isolate_days 3); Points at: 'for vaccines left in an excursion-hit zone, the "
          "temperature_reading that ended the excursion'")
    L.master(T("2026-07-30 09:00"), VAC_MASTER, [P_HEPB], zones=[CR1])
    exc = {}
    for m in range(31, 53):
        exc[T("2026-08-06 10:00") + timedelta(minutes=m)] = round(8.4 + (m % 7) * 0.2, 1) if m != 41 else 9.6
    exc[T("2026-08-06 10:53")] = 7.8
    pts = cold_points("84", T("2026-08-03 00:00"), T("2026-08-11 18:00"), special=exc,
                      dense=[(T("2026-08-06 10:00"), T("2026-08-06 11:30"), 1)])
    L.zone_stream("CR-1", "TH-R01", pts, label_at={T("2026-08-06 10:53"): "exc"})
    B, E = "2026A0520", "2028-05-31"
    tr = {"vehicle": "沪B·C1002冷", "shipped_at": "2026-08-03T06:00:00+08:00", "cold_chain": True}
    stock_in(L, T("2026-08-03 10:00"), 1, SUP_RH, [(P_HEPB, B, "2026-05-20", E, 400, 3650, None)],
             T("2026-08-10 10:00"), to="CR-1", transport=tr, dn_prefix="RH")
    trip(L, "沪B·C1002冷", "TL-C1002", T("2026-08-03 05:55"), T("2026-08-03 10:05"), 300, "84in",
         T("2026-08-03 10:30"))
    sell(L, T("2026-08-04 09:00"), 1, CUS_CDC, [(P_HEPB, B, E, 100, 4200, None)],
         pay=[(T("2026-08-07 10:00"), None)], vehicle="浙A·L1011冷", src="CR-1")
    trip(L, "浙A·L1011冷", "TL-1011", T("2026-08-04 09:35"), T("2026-08-04 11:10"), 300, "84out",
         T("2026-08-04 11:20"))
    L.move("transfer", T("2026-08-10 14:00"), "YK20260810001", [(P_HEPB, B, 300, "CR-1", "QA", None)],
           reason="quarantine", label="isolate")
    L.stock_count(T("2026-08-11 16:00"), "PD20260811001", "QA")
    L.expect_at("TEMP-RANGE", "exc")
    L.expect_at("VAC-DISPOSE", "exc")
    return L


# ================================================================== 85 / 86 cross-ledger pairs
def hospital_master(L, at):
    L.party(at, CUS_RH, "self")
    L.party(at + timedelta(minutes=2), OWNER, "supplier")
    L.add("product_registered", at + timedelta(minutes=4), dict(product=P_MOR, **PRODUCTS[P_MOR]), by=["药剂科-沈琳"])
    L.add("zone_registered", at + timedelta(minutes=6), {"zone": "YK-MJ", "storage": "ambient"}, by=["药剂科-沈琳"])


def pair(num, name, kind, title, late2, swap):
    B, E = "2608200031", "2028-07-31"
    C = codes("81034560", 2608200001, 60)
    # ---------------- seller
    A = Ledger(num, name + "-A-seller", kind, title + " (seller's ledger)")
    A.note(CLOCK)
    A.note(STORES)
    A.note(CODES)
    A.note(SEALCARD)
    A.note("checked alone this ledger is quiet; the cross-ledger expectations are in %d-%s.pair.md" % (num, name))
    A.master(T("2026-09-21 09:00"), [(SUP_XN, "supplier"), (CUS_RH, "customer")], [P_MOR])
    stock_in(A, T("2026-09-24 10:00"), 1, SUP_XN, [(P_MOR, B, "2026-08-20", E, 60, 1480, C)], T("2026-10-09 10:00"))
    xs1, ps1, inv1, t1 = sell(A, T("2026-09-28 09:20"), 1, CUS_RH, [(P_MOR, B, E, 20, 1850, C[:20])], tag="1")
    xs2, ps2, inv2, t2 = sell(A, T("2026-09-30 16:20"), 2, CUS_RH, [(P_MOR, B, E, 10, 1850, C[20:30])], tag="2",
                          inv_at=T("2026-09-30 17:30"))
    A.payment(T("2026-10-12 10:00"), "SK20261012001", "incoming", CUS_RH, OWNER, t1 + t2, [inv1, inv2])
    A.stock_count(T("2026-10-12 16:00"), "PD20261012001", "SP-1")
    # ---------------- hospital
    H = Ledger(num, name + "-B-hospital", kind, title + " (hospital's ledger)", owner=CUS_RH)
    H.note(CLOCK)
    H.note("the hospital keeps its own ledger: owner 杭州市仁和医院 (relation self, seal_card_holder); supplier "
           "浙江仁济医药 (regional_wholesaler, narcotic in scope); its receipts name the seller's delivery notes "
           "(refs.delivery_note = the seller's dispatch doc) and its own purchase orders")
    H.note("the hospital's store of narcotics is the registered zone YK-MJ; dispensing to patients has no event kind "
           "and none happens in this ledger, so the closing count equals what was received")
    H.note("checked alone this ledger is quiet; the cross-ledger expectations are in %d-%s.pair.md" % (num, name))
    hospital_master(H, T("2026-09-21 09:00"))
    H.purchase(T("2026-09-27 15:00"), "RHCG20260927001", OWNER, [(P_MOR, 20, 1850)])
    H.purchase(T("2026-09-30 10:00"), "RHCG20260930001", OWNER, [(P_MOR, 10, 1850)])
    got1 = list(C[:20])
    if swap:
        got1[13] = "810345602608209999"[:8] + "002608209999"   # a code the seller never had
    H.receipt(T("2026-09-28 11:30"), "RHYS20260928001", OWNER, "RHCG20260927001", ps1,
              [(P_MOR, B, "2026-08-20", E, 20, got1, "RCV")], acceptors=["药剂科-沈琳", "药剂科-黄涛"], label="hrc1")
    H.move("put_away", T("2026-09-28 12:00"), "RHRK20260928001", [(P_MOR, B, 20, "RCV", "YK-MJ", got1)],
           by=["药剂科-沈琳", "药剂科-黄涛"])
    arr2 = T("2026-10-03 17:00") + (timedelta(minutes=1) if late2 else timedelta(0))
    H.receipt(arr2, "RHYS20261003001", OWNER, "RHCG20260930001", ps2,
              [(P_MOR, B, "2026-08-20", E, 10, C[20:30], "RCV")], acceptors=["药剂科-沈琳", "药剂科-黄涛"], label="hrc2")
    H.move("put_away", arr2 + timedelta(minutes=30), "RHRK20261003001", [(P_MOR, B, 10, "RCV", "YK-MJ", C[20:30])],
           by=["药剂科-沈琳", "药剂科-黄涛"])
    H.invoice(T("2026-09-29 10:00"), inv1, "purchase", OWNER, CUS_RH, [(P_MOR, 20, 1850)],
              refs={"order": ["RHCG20260927001"]}, issued_on="2026-09-28")
    H.invoice(T("2026-10-08 10:00"), inv2, "purchase", OWNER, CUS_RH, [(P_MOR, 10, 1850)],
              refs={"order": ["RHCG20260930001"]}, issued_on="2026-09-30")
    H.payment(T("2026-10-12 10:00"), "SK20261012001", "outgoing", CUS_RH, OWNER, t1 + t2, [inv1, inv2])
    H.stock_count(T("2026-10-12 16:00"), "RHPD20261012001", "YK-MJ")
    return A, H, (ps1, ps2, C, got1, arr2)


PAIR_CMD = """```sh
B=samples/inspections
rxledger init A && rxledger append A $B/{a}.jsonl
rxledger init H && rxledger append H $B/{h}.jsonl
rxledger check A --format json          # alone: see {a}.expected
rxledger check H --format json          # alone: see {h}.expected
rxledger check A H --format json        # the pair: a JSON array, [A's document, H's document]
rxledger trace --batch {prod}:2608200031 A H
rxledger trace {code} A H
```
"""


def write_pair(num, name, kind, title, late2, swap, expected_a, body):
    A, H, info = pair(num, name, kind, title, late2, swap)
    A.write(OUT)
    H.write(OUT)
    ps1, ps2, C, got1, arr2 = info
    la = {k: v for k, v in A.line_of.items()}
    lh = {k: v for k, v in H.line_of.items()}
    a, h = "%d-%s-A-seller" % (num, name), "%d-%s-B-hospital" % (num, name)
    with open("%s/%d-%s.pair.md" % (OUT, num, name), "w", encoding="utf-8") as f:
        f.write("# %d %s: %s\n\n" % (num, kind, title))
        f.write("Two ledgers: `%s.jsonl` (seller, 浙江仁济医药) and `%s.jsonl` (buyer, 杭州市仁和医院, which keeps "
                "its own ledger). Each has its own `.expected` for a check alone (both quiet).\n\n" % (a, h))
        f.write("## Command\n\n" + PAIR_CMD.format(a=a, h=h, prod=P_MOR, code=C[13]) + "\n")
        f.write("## What the ledgers hold\n\n")
        f.write("- seller dispatch %s (line %d of A) 20 支, codes %s…%s, 2026-09-28 10:00 +08:00; hospital receipt "
                "line %d of H at 11:30, naming it in refs.delivery_note\n" % (ps1, la["disp1"], C[0], C[19], lh["hrc1"]))
        f.write("- seller dispatch %s (line %d of A) 10 支, codes %s…%s, 2026-09-30 17:00 +08:00; hospital receipt "
                "line %d of H at %s\n" % (ps2, la["disp2"], C[20], C[29], lh["hrc2"], iso(arr2)))
        f.write(body.format(la=la, lh=lh, code=C[13], got=got1[13]))
        f.write("\n## Expected findings of `rxledger check A H --format json`\n\n")
        f.write("Document 1 (A, seller):\n\n```text\n%s```\n\nDocument 2 (H, hospital):\n\n```text\n(none)\n```\n"
                % (expected_a.format(**la) or "(none)\n"))
    return A, H


def l85():
    body = ("\n## Notes\n\n"
            "- CROSS-TRANSIT: 'the receipt came more than the threshold after the dispatch' (transit_hours 72). The "
            "second receipt is exactly 72 h after its dispatch (the National Day holiday), at the limit, not over it: "
            "no finding (rules.md intro: a threshold is measured as 24-hour units and an event exactly at it is in "
            "time).\n"
            "- Every dispatched code is received by the hospital with the same product, batch and quantity "
            "(CROSS-DIFF quiet); no receipt lacks its dispatch (CROSS-UNMATCHED quiet); no code is received by a "
            "third company (CROSS-CODE quiet).\n"
            "- trace --batch should list: the seller's receipt of 60 from 西南恒安制药, put-away to SP-1, dispatches of "
            "20 and 10 to 杭州市仁和医院, the hospital's receipts of 20 and 10 and put-aways to YK-MJ, and no break. "
            "trace of {code} should show receipt (A), put-away (A), dispatch (A, {la[disp1]}), receipt (H, "
            "{lh[hrc1]}), put-away (H).\n")
    write_pair(85, "cross-morphine-pair-matches-transit-72h", "LEGITIMATE",
               "a seller's and a hospital's ledgers that match dispatch for receipt, code for code, with the second "
               "delivery received exactly 72 h after dispatch", False, False, "", body)


def l86():
    body = ("\n## Planted\n\n"
            "- The hospital's first receipt (line {lh[hrc1]} of H) lists code {got} where the seller shipped {code}: "
            "the same product, batch and quantity, one unit code different.\n"
            "- The second receipt (line {lh[hrc2]} of H) is 72 h 1 min after its dispatch.\n\n"
            "## Why\n\n"
            "- CROSS-DIFF at the seller's dispatch (line {la[disp1]} of A): 'the receipt of a dispatch differs in "
            "product, batch, quantity or unit codes'; Points at: 'the dispatch, in the dispatching ledger's report'.\n"
            "- CROSS-TRANSIT at the seller's dispatch (line {la[disp2]} of A): 'the receipt came more than the "
            "threshold after the dispatch' (transit_hours 72); Points at: 'the dispatch, in the dispatching "
            "ledger's report'.\n"
            "- Alone, each ledger is quiet: the hospital's own codes are self-consistent (the odd code is received, "
            "put away and counted like the others), and the seller's chain is intact.\n"
            "- trace of {code} across A and H should break between the ledgers: dispatched to the hospital, never "
            "received by it (architecture.md: 'a dispatch to a given ledger's owner that no receipt of its own "
            "answers'). Whether the batch trace breaks is less clear: the receipt answering the dispatch exists and "
            "matches by quantity ('matched one to one and by quantity first').\n")
    write_pair(86, "cross-morphine-pair-code-differs-transit-72h01m", "VIOLATION",
               "the same pair with one unit code recorded differently by the hospital and the second delivery "
               "received 72 h 1 min after dispatch", True, True, "CROSS-DIFF {disp1}\nCROSS-TRANSIT {disp2}\n", body)


def main():
    for f in (l75, l76, l77, l78, l79, l80, l81, l82, l83, l84):
        L = f()
        L.write(OUT)
    l85()
    l86()


if __name__ == "__main__":
    main()
