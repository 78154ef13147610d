"""Ledgers 247-251."""
from world20 import *

PX = gtin("8690331200198")   # 蒙脱石散, a new product whose 首营 approval comes after the first order
PX_DATA = dict(generic_name="蒙脱石散", form="散剂", spec="3g×10袋/盒", manufacturer="杭州康恩制药有限公司",
               approval_number="国药准字H33023301", category="chemical", control="none", storage="ambient", rx=False, unit="盒")
IND = "330106198503127716"   # a private individual (identity card number)


def simple_buy(B, t, supplier, specs, to="WH-A", acceptors=("验收-孙晓峰",), tagp=None, tagr=None, invoice=True, codes=None):
    order = B.purchase(t, supplier, [(p, q) for p, q, *_ in specs], tag=tagp)
    rl = []
    for p, q, b, prod, exp in specs:
        ln = {"product": p, "batch": b, "production_date": prod, "expiry": exp, "arrived": q, "accepted": q}
        if codes and p in codes:
            ln["codes"] = codes[p]
        rl.append(ln)
    tr = t + DAY
    rdoc = B.receipt(tr, supplier, order, rl, acceptors=acceptors, tag=tagr)
    B.put_away(tr + HOUR, order, rdoc, [{"product": x["product"], "batch": x["batch"], "quantity": x["accepted"], "to": to,
                                         **({"codes": x["codes"]} if x.get("codes") else {})} for x in rl],
               by=["保管-朱建平", QM] if codes else "保管-朱建平")
    if invoice:
        inv, tot = B.purchase_invoice(tr + 4 * HOUR, supplier, order, [(p, q) for p, q, *_ in specs])
        B.pay_out(tr + 8 * DAY, supplier, [inv], tot)
    return order, rdoc


def sell(B, t, c, lines, frm="WH-A", tag_sale=None, tag_disp=None, reviewers=("复核-郭婷",), codes=None, dispatch_at=None,
         review_at=None, invoice=True, pay=True, vehicle=None):
    sale = B.sale(t, c, lines, tag=tag_sale)
    B.review(review_at or (t + HOUR), sale, c, lines, reviewers=reviewers)
    dl = [(p, b, q, frm, (codes or {}).get((p, b))) for p, b, q in lines]
    td = dispatch_at or (t + 2 * HOUR)
    dn = B.dispatch(td, sale, c, dl, tag=tag_disp, vehicle=vehicle,
                    by=("发货-蒋涛", "发货-周凯") if codes else ("发货-蒋涛",))
    if invoice:
        inv, tot = B.sale_invoice(td + HOUR, sale, c, [(p, q) for p, _, q in lines], dn=dn)
        if pay:
            B.pay_in(td + 6 * DAY, c, [inv], tot)
    return sale


# ------------------------------------------------------------------ 247
def l247():
    L = Ledger("247")
    B = Biz(L, seed=247)
    standard_master(L, p2_to="2026-11-15", with_w1=True, m3_to="2026-11-10")
    t0 = T("2026-10-28 11:00")
    party(L, t0, IND, "individual", "customer", None, None, None, None, [], "浙江", name="王建国",
          addr="浙江省杭州市西湖区文一西路 75 号 3 幢 402 室")
    # M3's licence ends 2026-11-10; the renewal (from 2026-11-11) is filed on 2026-11-09
    L.add("licence_changed", T("2026-11-09 10:00"), QM, {"party": M3, "licence": {
        "number": "苏20000041", "kind": "drug_manufacturing", "valid_from": "2026-11-11", "valid_to": "2031-11-10"},
        "reason": "药品生产许可证到期换证"})
    # 1. a wholesaler whose scope lacks tcm_patent sells us 复方丹参片 -> SUP-LIC at purchase and receipt; shipped on -> NO-SOURCE
    simple_buy(B, T("2026-11-02 09:30"), W1, [(PC, 200, "2609301", "2026-09-30", "2028-08-31")], tagp="Q-SUP-P", tagr="Q-SUP-R")
    sell(B, T("2026-11-05 09:20"), P1, [(PC, "2609301", 60)], tag_disp="Q-NOSRC")
    # 2. an order including a product whose 首营品种 approval is filed a day later -> SUP-LIC at the purchase only
    B.price_in[PX] = 1120
    B.price_out[PX] = 1390
    order = B.purchase(T("2026-11-03 10:00"), M1, [(PA, 800), (PX, 300)], tag="Q-UNREG")
    L.add("product_registered", T("2026-11-04 09:00"), QM, dict(product=PX, **PX_DATA))
    rl = [{"product": PA, "batch": "2610141", "production_date": "2026-10-14", "expiry": "2028-09-30", "arrived": 800, "accepted": 800},
          {"product": PX, "batch": "2610203", "production_date": "2026-10-20", "expiry": "2028-09-30", "arrived": 300, "accepted": 300}]
    B.price_in[PX] = 1120
    B.price_out[PX] = 1390
    rdoc = B.receipt(T("2026-11-05 10:00"), M1, order, rl)
    B.put_away(T("2026-11-05 11:00"), order, rdoc, [{"product": x["product"], "batch": x["batch"], "quantity": x["accepted"], "to": "WH-A"} for x in rl])
    inv, tot = B.purchase_invoice(T("2026-11-05 15:00"), M1, order, [(PA, 800), (PX, 300)])
    B.pay_out(T("2026-11-13 10:00"), M1, [inv], tot)
    # 3. M3 boundary: purchase at 23:30 on the last day of the old licence, and at 00:10 on the first day of the new one
    pd_codes = B.codes(PD, 60)
    o1 = B.purchase(T("2026-11-10 23:30"), M3, [(PD, 30)], by="采购-钱国栋")
    o2 = B.purchase(T("2026-11-11 00:10"), M3, [(PD, 30)], by="采购-钱国栋")
    for o, batch, cs, tr in ((o1, "2610117", pd_codes[:30], T("2026-11-12 10:00")), (o2, "2610118", pd_codes[30:], T("2026-11-12 10:30"))):
        r = B.receipt(tr, M3, o, [{"product": PD, "batch": batch, "production_date": "2026-10-11", "expiry": "2029-09-30",
                                  "arrived": 30, "accepted": 30, "codes": cs}], acceptors=("验收-孙晓峰", QM))
        B.put_away(tr + 20 * MIN, o, r, [{"product": PD, "batch": batch, "quantity": 30, "to": "SP-1", "codes": cs}],
                   by=["保管-朱建平", QM])
        inv, tot = B.purchase_invoice(tr + 4 * HOUR, M3, o, [(PD, 30)])
        B.pay_out(tr + 7 * DAY, M3, [inv], tot)
    # 4. P2's licence ends 2026-11-15: sale at 23:59 Beijing that day is lawful; at 00:00:30 the next day it is not
    #    (the UTC date of the second sale is still 2026-11-15)
    sell(B, T("2026-11-15 23:59"), P2, [(PA, "2610141", 40)], dispatch_at=T("2026-11-16 08:30"), review_at=T("2026-11-16 08:00"))
    sale = B.sale(T("2026-11-16 00:00:30"), P2, [(PA, "2610141", 30)], tag="Q-P2")   # blocked by QA: never shipped
    # 5. a 'wholesale' to a private individual
    B.sale(T("2026-11-16 14:00"), IND, [(PX, "2610203", 20)], tag="Q-IND")
    # 6. P1 (scope chemical, tcm_patent) orders diazepam: refused by the system later, but booked -> CUS-LIC
    B.sale(T("2026-11-17 09:00"), P1, [(PD, "2610117", 10)], tag="Q-SCOPE")
    # the scope change (二类精神药品零售连锁 approval) is filed; the next order is lawful
    L.add("licence_changed", T("2026-11-18 10:00"), QM, {"party": P1, "licence": {
        "number": "浙CA5710260", "kind": "drug_retail", "valid_from": "2026-11-18", "valid_to": "2028-12-31"},
        "scope": ["chemical", "tcm_patent", "psychotropic2"], "reason": "经营范围变更：增加第二类精神药品"})
    cs = pd_codes[:10]
    sell(B, T("2026-11-19 09:00"), P1, [(PD, "2610117", 10)], frm="SP-1", reviewers=("复核-郭婷", QM),
         codes={(PD, "2610117"): cs})
    # 7. a hospital order of the new product after its 首营: lawful
    sell(B, T("2026-11-20 09:00"), H1, [(PX, "2610203", 100), (PA, "2610141", 200)])
    B.count(T("2026-11-27 17:30"), "WH-A")
    B.count(T("2026-11-27 17:40"), "SP-1")
    L.finish()
    exp = [
        ("SUP-LIC", L.line_of("Q-SUP-P"), "purchase of 复方丹参片 (tcm_patent) from 浙江华康医药商业, whose scope is [chemical]: 'scope covers the product's category'"),
        ("SUP-LIC", L.line_of("Q-SUP-R"), "its receipt, same reason: 'Purchases and receipts only from registered suppliers ... whose scope covers the product's category'"),
        ("SUP-LIC", L.line_of("Q-UNREG"), "order lists 蒙脱石散 before its product_registered (filed the next day): 'only of registered products (首营品种: a product_registered earlier in the ledger)'"),
        ("NO-SOURCE", L.line_of("Q-NOSRC"), "复方丹参片 batch 2609301 shipped to 百草堂; it was 'received only from suppliers that failed qualification'"),
        ("CUS-LIC", L.line_of("Q-P2"), "sale at 2026-11-16 00:00:30 Beijing (2026-11-15T16:00:30Z) to 仁心大药房, licence valid to 2026-11-15; format.md 'the engine compares them with the date of an event's occurred_at at UTC+08:00'"),
        ("CUS-LIC", L.line_of("Q-IND"), "wholesale to a private individual: 'never wholesale to individuals'"),
        ("CUS-LIC", L.line_of("Q-SCOPE"), "diazepam (psychotropic2) to a chain whose scope is [chemical, tcm_patent] on the sale date: 'whose scope covers the product's category'"),
    ]
    head = "# 247 VIOLATION: 首营 and qualifications (资质) of suppliers and customers, with licence boundaries in Beijing time"
    notes = [
        "# note: quiet: purchase from 江苏恩华 at 2026-11-10 23:30 (last day of the old licence) and 2026-11-11 00:10 (first day of the renewal filed on 11-09 by licence_changed: 'an event date inside the old or the new validity period qualifies')",
        "# note: quiet: the receipt of 蒙脱石散 on 11-05 comes after its product_registered (11-04); P2's sale at 2026-11-15 23:59 is on the valid_to day (inclusive); P1's diazepam order after the licence_changed adding psychotropic2 (scope replaced)",
        "# note: the three refused sales (Q-P2, Q-IND, Q-SCOPE) are booked but never shipped; CUS-LIC reads the sale, and a sale without goods has no deadline",
        "# note: ledger ends 2026-11-27: UNPAID/UNINVOICED deadlines have not passed",
    ]
    return L, head, notes, exp


# ------------------------------------------------------------------ 248
def l248():
    L = Ledger("248")
    B = Biz(L, seed=248)
    standard_master(L)
    # stock: 布洛芬 batch 2602051 labelled 有效期至 2027-02 (month precision); 复方丹参片 clearance lot expiring 2026-11-20;
    # 布洛芬 batch 2609114 that the manufacturer will recall; 阿莫西林 for a damage suspicion
    simple_buy(B, T("2026-11-02 09:30"), M1, [(PB, 600, "2602051", "2025-02-05", "2027-02"),
                                             (PC, 120, "2311207", "2023-11-21", "2026-11-20"),
                                             (PB, 400, "2609114", "2026-09-11", "2028-08-31"),
                                             (PA, 500, "2610141", "2026-10-14", "2028-09-30")])
    # sales before the recall
    sell(B, T("2026-11-05 09:00"), P1, [(PB, "2609114", 50)])
    # recall notice of batch 2609114 on 11-09: stock locked in QA
    L.add("transfer", T("2026-11-09 15:00"), QM, {"doc": "YK2026110900001", "reason": "quarantine", "lines": [
        {"product": PB, "batch": "2609114", "quantity": 350, "from": "WH-A", "to": "QA"}]})
    B.stock.mv(PB, "2609114", 350, "WH-A", "QA")
    # the chain returns 20 of the recalled batch to RET, then QA moves them to QA
    L.add("customer_return", T("2026-11-11 10:00"), ["销售-许晨", "验收-孙晓峰"], {"doc": "TH2026111100001", "customer": P1,
          "reason": "生产企业召回（布洛芬缓释胶囊批号2609114）", "lines": [{"product": PB, "batch": "2609114", "quantity": 20, "to": "RET"}]},
          refs={"sale": ["XS2026110500001"]})
    B.stock.mv(PB, "2609114", 20, None, "RET")
    L.add("invoice", T("2026-11-11 16:00"), "财务-韩雪", {"doc": "26332000000004479901", "direction": "sale", "issuer": OWNER,
          "buyer": P1, "issued_on": "2026-11-11", "lines": [{"product": PB, "quantity": 20, "unit_price": money(1780),
          "amount": money(35600)}], "total": money(35600), "credit_for": "26332000000004471002"},
          refs={"sale": ["XS2026110500001"]})
    L.add("payment", T("2026-11-13 15:00"), "财务-韩雪", {"doc": "FK2026111300009", "direction": "outgoing", "payer": OWNER,
          "payee": P1, "payer_account": ACC[OWNER], "payee_account": ACC[P1], "amount": money(35600),
          "method": "bank_transfer", "invoices": ["26332000000004479901"]})
    L.add("transfer", T("2026-11-11 14:00"), QM, {"doc": "YK2026111100001", "reason": "quarantine", "lines": [
        {"product": PB, "batch": "2609114", "quantity": 20, "from": "RET", "to": "QA"}]})
    B.stock.mv(PB, "2609114", 20, "RET", "QA")
    # a hospital order of the recalled batch booked before the recall is shipped straight from QA: planted
    sale = B.sale(T("2026-11-08 10:00"), H1, [(PB, "2609114", 10)])
    B.review(T("2026-11-12 09:00"), sale, H1, [(PB, "2609114", 10)])
    B.dispatch(T("2026-11-12 10:00"), sale, H1, [(PB, "2609114", 10, "QA")], tag="R-QA-DISP")
    inv, tot = B.sale_invoice(T("2026-11-12 11:00"), sale, H1, [(PB, 10)], dn="PS" + sale[2:])
    B.pay_in(T("2026-11-20 10:00"), H1, [inv], tot)
    # return to the manufacturer of 300 and destruction of the rest, from QA (lawful)
    L.add("supplier_return", T("2026-11-13 10:00"), ["采购-钱国栋", QM], {"doc": "TC2026111300001", "supplier": M1,
          "reason": "生产企业召回，退回供应商", "lines": [{"product": PB, "batch": "2609114", "quantity": 300, "from": "QA"}]},
          refs={"order": ["CG2026110200001"], "receipt": ["SH2026110300001"]})
    B.stock.mv(PB, "2609114", 300, "QA")
    L.add("destruction", T("2026-11-14 10:00"), [QM, "保管-朱建平"], {"doc": "XH2026111400001", "reason": "召回批次，经批准就地销毁",
          "method": "焚烧", "lines": [{"product": PB, "batch": "2609114", "quantity": 60, "from": "QA"}],
          "supervisors": ["杭州市西湖区市场监督管理局 执法人员 陈立"]})
    B.stock.mv(PB, "2609114", 60, "QA")
    # supplier credit note for the 300 returned and refund
    # (kept out: the purchase invoice was for 400; a credit note of 300 + refund)
    L.add("invoice", T("2026-11-16 10:00"), "财务-韩雪", {"doc": "26332000000004479900", "direction": "purchase", "issuer": M1,
          "buyer": OWNER, "issued_on": "2026-11-16", "lines": [{"product": PB, "quantity": 300, "unit_price": money(1450),
          "amount": money(435000)}], "total": money(435000), "credit_for": "26332000000004471001"}, refs={"order": ["CG2026110200001"]})
    L.add("payment", T("2026-11-20 11:00"), "财务-韩雪", {"doc": "SK2026112000009", "direction": "incoming", "payer": M1,
          "payee": OWNER, "payer_account": ACC[M1], "payee_account": ACC[OWNER], "amount": money(435000),
          "method": "bank_transfer", "invoices": ["26332000000004479900"]})
    # damage suspicion on 阿莫西林: locked then released after re-inspection (lawful)
    L.add("transfer", T("2026-11-16 09:00"), QM, {"doc": "YK2026111600001", "reason": "quarantine", "lines": [
        {"product": PA, "batch": "2610141", "quantity": 12, "from": "WH-A", "to": "QA"}]})
    L.add("transfer", T("2026-11-17 09:00"), QM, {"doc": "YK2026111700001", "reason": "release", "lines": [
        {"product": PA, "batch": "2610141", "quantity": 12, "from": "QA", "to": "WH-A"}]})
    # a second lot locked, then moved back by a storekeeper as an ordinary relocation: planted
    L.add("transfer", T("2026-11-18 09:00"), QM, {"doc": "YK2026111800001", "reason": "quarantine", "lines": [
        {"product": PA, "batch": "2610141", "quantity": 8, "from": "WH-A", "to": "QA"}]})
    L.add("transfer", T("2026-11-19 16:00"), "保管-朱建平", {"doc": "YK2026111900001", "reason": "relocation", "lines": [
        {"product": PA, "batch": "2610141", "quantity": 8, "from": "QA", "to": "WH-A"}]}, tag="R-QA-RELOC")
    # expiry: the clearance lot of 复方丹参片 expires 2026-11-20
    sell(B, T("2026-11-20 21:00"), P1, [(PC, "2311207", 30)], review_at=T("2026-11-20 22:00"),
         dispatch_at=T("2026-11-20 23:50"), tag_disp="E-DAY")
    sell(B, T("2026-11-20 22:30"), P2, [(PC, "2311207", 20)], review_at=T("2026-11-20 23:10"),
         dispatch_at=T("2026-11-21 00:10"), tag_disp="E-AFTER")
    # the rest of the lot (70) is locked and destroyed (lawful)
    L.add("transfer", T("2026-11-21 09:00"), QM, {"doc": "YK2026112100001", "reason": "quarantine", "lines": [
        {"product": PC, "batch": "2311207", "quantity": 70, "from": "WH-A", "to": "QA"}]})
    L.add("destruction", T("2026-11-23 10:00"), [QM, "保管-朱建平"], {"doc": "XH2026112300001", "reason": "过期",
          "method": "焚烧", "lines": [{"product": PC, "batch": "2311207", "quantity": 70, "from": "QA"}]})
    # 布洛芬 2602051 (有效期至 2027-02 = 2027-02-28): 91 days before on 11-29 (quiet), 90 days before on 11-30 (minor)
    sell(B, T("2026-11-29 09:00"), H2, [(PB, "2602051", 100)], tag_disp="N-91")
    sell(B, T("2026-11-30 07:00"), H1, [(PB, "2602051", 100)], tag_disp="N-90")
    L.finish()
    exp = [
        ("QUARANTINE", L.line_of("R-QA-DISP"), "recalled 布洛芬 batch 2609114 shipped to a hospital straight from QA: 'never straight to a customer'"),
        ("QUARANTINE", L.line_of("R-QA-RELOC"), "阿莫西林 moved QA -> WH-A with reason relocation, not release: 'or to storage by an explicit release after re-inspection'"),
        ("EXPIRED-NEAR", L.line_of("E-DAY"), "复方丹参片 shipped at 23:50 Beijing on its 有效期至 day 2026-11-20: lawful ('a dispatch on that day is lawful') but 0 days before expiry (minor)"),
        ("EXPIRED", L.line_of("E-AFTER"), "shipped at 00:10 Beijing on 2026-11-21 (UTC still 11-20): 'A batch was dispatched after its expiry date'"),
        ("EXPIRED-NEAR", L.line_of("N-90"), "布洛芬 有效期至 2027-02 = 2027-02-28, shipped on 2026-11-30 (Beijing): 90 days before: 'this many days or fewer'"),
    ]
    head = "# 248 VIOLATION: recall and quarantine (召回, 质量锁定, 退回, 销毁), expiry-near and expired goods at Beijing-day boundaries"
    notes = [
        "# note: quiet: quarantine WH-A->QA, customer return into RET and RET->QA, supplier_return and destruction from QA, a QA->WH-A release, the expired rest destroyed from QA",
        "# note: quiet: 布洛芬 2602051 shipped 2026-11-29 11:00 Beijing is 91 days before 2027-02-28 ('YYYY-MM means the last day of that month')",
        "# note: no EXPIRED-NEAR at the expired dispatch (as ledger 90's author and the tool agreed: the rule is about a dispatch 'before its expiry')",
        "# note: the purchase credit note for the 300 returned units names invoice 26332000000004471001 (the first invoice number of this ledger); it is not paid back within the ledger (refund not due), ledger ends 11-30",
    ]
    return L, head, notes, exp


# ------------------------------------------------------------------ 249
def l249():
    L = Ledger("249")
    B = Biz(L, seed=249)
    standard_master(L)
    order = B.purchase(T("2026-11-01 09:30"), M1, [(PA, 400), (PB, 300)])
    rl = [{"product": PA, "batch": "2501311", "production_date": "2025-01-31", "expiry": "2027-01-31", "arrived": 400, "accepted": 400},
          {"product": PB, "batch": "2610082", "production_date": "2026-10-08", "expiry": "2028-09-30", "arrived": 300, "accepted": 300}]
    rdoc = B.receipt(T("2026-11-02 10:00"), M1, order, rl)
    # the put-away was booked the next afternoon (补录, 30 h late): quiet by default (72 h), LATE-ENTRY with late_entry_hours = 24
    B.put_away(T("2026-11-02 11:00"), order, rdoc, [{"product": x["product"], "batch": x["batch"], "quantity": x["accepted"],
               "to": "WH-A"} for x in rl], tag="C-LATE")
    L.events[-1][2]["entered_at"] = iso(T("2026-11-03 17:00"))
    inv, tot = B.purchase_invoice(T("2026-11-02 15:00"), M1, order, [(PA, 400), (PB, 300)], tag="C-UNPAID")
    # 阿莫西林 2501311 (有效期至 2027-01-31) shipped on 2026-11-20: 72 days before: EXPIRED-NEAR by default (90), quiet with 60
    sell(B, T("2026-11-20 09:00"), H1, [(PA, "2501311", 120)], tag_disp="C-NEAR")
    sell(B, T("2026-12-07 09:00"), P1, [(PB, "2610082", 80)])
    sell(B, T("2026-12-21 09:00"), H2, [(PB, "2610082", 90), (PA, "2501311", 60)], tag_disp="C-NEAR2")
    # the supplier is paid on 2027-01-05: 64 days after the invoice of 2026-11-02: UNPAID by default (60), quiet with 90
    B.pay_out(T("2027-01-05 10:00"), M1, [inv], tot)
    B.count(T("2027-01-05 17:00"), "WH-A")
    L.finish()
    exp = [
        ("EXPIRED-NEAR", L.line_of("C-NEAR"), "72 days before 2027-01-31 (near_expiry_days 90)"),
        ("UNPAID", L.line_of("C-UNPAID"), "purchase invoice of 2026-11-02 paid on 2027-01-05: deadline 2027-01-01 15:00 Beijing: 60 days from the later of 00:00 of issued_on and occurred_at 2026-11-02 15:00 (unpaid_days 60)"),
    ]
    head = ("# 249 VIOLATION (default thresholds) / config: one ledger checked with the defaults and with round20/config/249.toml "
            "(near_expiry_days = 30, unpaid_days = 90, late_entry_hours = 24, LATE-ENTRY severity minor); the expected findings "
            "with that file are in 249-….config.expected")
    notes = [
        "# note: the second 阿莫西林 dispatch on 2026-12-21 is 41 days before 2027-01-31: EXPIRED-NEAR by default too",
        "# note: the put-away of 2026-11-02 11:00 has entered_at 2026-11-03 17:00 (30 h): quiet by default (late_entry_hours 72)",
        "# note: configuration.md: 'near_expiry_days ... A dispatch this many days or fewer'; 'unpaid_days ... Days after an invoice's date by which it must be settled'; 'late_entry_hours ... Hours between occurrence and entry beyond which an event is late'",
    ]
    exp.append(("EXPIRED-NEAR", L.line_of("C-NEAR2"), "41 days before 2027-01-31 (near_expiry_days 90)"))
    cfg_exp = [("EXPIRED-NEAR", None, "none: 72 and 41 days > 30"), ("LATE-ENTRY", L.line_of("C-LATE"), "30 h > 24 h; severity minor by [severity]")]
    return L, head, notes, exp, cfg_exp


# ------------------------------------------------------------------ 250
def l250():
    L = Ledger("250")
    B = Biz(L, seed=250)
    standard_master(L)
    VAN = "浙A·C7301冷"
    LOG = "TL-7301"

    def cold(day, n, batch, shipped_hm, arrive_hm, log_from, log_to, upload_after, tag=None, cold_chain=True,
             vehicle=VAN, override=None, accepted=None, drop=None, with_log=True, every=5, before=None):
        t0 = T(day + " 08:00") - 2 * DAY
        order = B.purchase(t0, M2, [(PI, n)])
        shipped = T(day + " " + shipped_hm)
        arr = T(day + " " + arrive_hm)
        acc = n if accepted is None else accepted
        ln = {"product": PI, "batch": batch, "production_date": "2026-10-03", "expiry": "2028-09-30", "arrived": n,
              "accepted": acc, "location": "CR-1"}
        if acc < n:
            ln["reject_reason"] = "运输途中温度超出2-8℃，整批拒收"
        rdoc = B.receipt(arr, M2, order, [ln], transport={"vehicle": vehicle, "shipped_at": iso(shipped), "cold_chain": cold_chain},
                         tag=tag)
        if with_log:
            rs = []
            if before:
                for bt, c in before:
                    rs.append({"at": iso(bt), "celsius": c})
            t = log_from
            i = 0
            while t <= log_to:
                if not (drop and drop[0] <= t <= drop[1]):
                    c = round(B.rng.uniform(3.1, 6.9), 1)
                    if override and i in override:
                        c = override[i]
                    rs.append({"at": iso(t), "celsius": c})
                t += every * MIN
                i += 1
            L.add("temperature_reading", arr + upload_after, "系统-冷链监测", {"sensor": LOG, "vehicle": vehicle, "readings": rs},
                  entered=dt.timedelta(seconds=30))
        if acc:
            inv, tot = B.purchase_invoice(arr + 5 * HOUR + 10 * MIN, M2, order, [(PI, acc)])
            B.pay_out(arr + 9 * DAY, M2, [inv], tot)
        return rdoc

    # R1: log uploaded 40 min after the receipt, covering 10 min before shipping to 5 min after arrival: quiet
    cold("2026-11-03", 200, "S2610031", "06:00", "10:30", T("2026-11-03 05:50"), T("2026-11-03 10:35"), 40 * MIN)
    # R2: pre-cooling at 11-12 °C before shipped_at and 9 °C while unloading after arrival: not judged: quiet
    cold("2026-11-04", 200, "S2610032", "06:00", "10:30", T("2026-11-04 06:00"), T("2026-11-04 10:30"), 30 * MIN,
         before=[(T("2026-11-04 05:40"), 12.0), (T("2026-11-04 05:45"), 11.6), (T("2026-11-04 05:50"), 11.0), (T("2026-11-04 05:55"), 10.1)],
         tag="R2")
    # R3: one reading of 8.4 °C at 08:00 during the trip: CC-RECEIPT
    cold("2026-11-05", 200, "S2610033", "06:00", "10:30", T("2026-11-05 05:50"), T("2026-11-05 10:35"), 30 * MIN,
         override={26: 8.4}, tag="R3")
    # R4: first reading exactly 5 min after shipped_at, last exactly 5 min before arrival: quiet (gap = limit)
    cold("2026-11-06", 200, "S2610034", "06:00", "10:30", T("2026-11-06 06:05"), T("2026-11-06 10:25"), 30 * MIN, tag="R4")
    # R5: first reading 5 min 1 s after shipped_at: CC-RECEIPT
    cold("2026-11-07", 200, "S2610035", "06:00", "10:30", T("2026-11-07 06:05:01"), T("2026-11-07 10:30:01"), 30 * MIN, tag="R5")
    # R6: an ordinary van (cold_chain false), no log: CC-RECEIPT at once
    cold("2026-11-09", 100, "S2610036", "07:00", "10:00", None, None, None, cold_chain=False, vehicle="浙A·H3307",
         with_log=False, tag="R6")
    # R7: an excursion to 9.5 °C; the whole delivery rejected: accepts nothing: quiet
    cold("2026-11-10", 100, "S2610037", "06:00", "10:30", T("2026-11-10 05:50"), T("2026-11-10 10:35"), 30 * MIN,
         override={30: 9.5, 31: 9.8, 32: 9.1}, accepted=0, tag="R7")
    # R8: the log is uploaded 5 h after arrival, after the settle window (4 h); a CR-1 upload at +4h10 moves the clock: CC-RECEIPT
    cold("2026-11-11", 200, "S2610038", "06:00", "10:30", T("2026-11-11 05:50"), T("2026-11-11 10:35"), 5 * HOUR, tag="R8")
    # an unrelated order at 14:40 on 11-11 moves the ledger's clock past R8's settle window (10:30 + 4 h)
    B.purchase(T("2026-11-11 14:40"), M2, [(PI, 300)])
    # a dispatch of insulin on our own truck with its trip log, every 2 minutes, in range: quiet
    sell(B, T("2026-11-12 08:00"), H1, [(PI, "S2610031", 60)], frm="CR-1", vehicle="浙A·D5821冷", invoice=True)
    dtime = T("2026-11-12 10:00")
    rs = []
    t = dtime - 10 * MIN
    while t <= dtime + 70 * MIN:
        rs.append({"at": iso(t), "celsius": round(B.rng.uniform(3.3, 6.6), 1)})
        t += 2 * MIN
    L.add("temperature_reading", dtime + 80 * MIN, "系统-冷链监测", {"sensor": "TL-5821", "vehicle": "浙A·D5821冷", "readings": rs},
          entered=dt.timedelta(seconds=30))
    # CR-1 readings every 10 minutes, uploaded every 4 hours (the 14:40 upload of 11-11 moves the clock past R8's window)
    B.zone_uploads(T("2026-11-02 00:00"), T("2026-11-14 00:00"), "CR-1", "TH-R01", 3.5, 6.8)
    B.count(T("2026-11-13 17:00"), "CR-1")
    L.finish()
    exp = [
        ("CC-RECEIPT", L.line_of("R3"), "8.4 °C at 08:00 between shipped_at 06:00 and arrival 10:30: 'stay within the products' range'"),
        ("CC-RECEIPT", L.line_of("R5"), "first reading 06:05:01, 5 min 1 s after shipped_at 06:00 (transport_gap_minutes 5): the start is not covered"),
        ("CC-RECEIPT", L.line_of("R6"), "cold insulin accepted from a transport with cold_chain false: 'Cold-chain goods accepted from a transport without it fail CC-RECEIPT'"),
        ("CC-RECEIPT", L.line_of("R8"), "log uploaded 5 h after arrival; the CR-1 upload at 14:40 (4h10 after arrival) moves the clock past logger_settle_hours 4: judged without the readings"),
    ]
    head = "# 250 VIOLATION: cold-chain receipts of insulin from 上海联生 on a carrier's truck (浙冷链通, 浙A·C7301冷), with the truck's logger read out after arrival"
    notes = [
        "# note: quiet: R1 log uploaded 40 min after the receipt (settle window 4 h); R2 pre-cooling at 10-12 °C before shipped_at: 'only the readings from shipped_at to occurred_at are judged'",
        "# note: quiet (boundary, my reading): R4 readings start exactly 5 min after shipped_at and end exactly 5 min before arrival; a 5-minute gap is at the limit, 'Longest recording gap in transport'",
        "# note: quiet: R7 trip out of range but the goods were all rejected (accepted 0): 'A receipt accepting cold-chain products'; 'otherwise the goods must be rejected'",
        "# note: the insulin dispatch to 滨湖人民医院 on 浙A·D5821冷 has its trip log every 2 min in range: no TEMP-RANGE/TEMP-GAP",
    ]
    return L, head, notes, exp


# ------------------------------------------------------------------ 251
def l251():
    L = Ledger("251")
    B = Biz(L, seed=251)
    standard_master(L)
    codes1 = B.codes(PD, 24)
    codes2 = B.codes(PD, 20)
    order = B.purchase(T("2026-11-02 09:30"), M3, [(PD, 44)])
    rdoc = B.receipt(T("2026-11-03 10:00"), M3, order, [
        {"product": PD, "batch": "2610051", "production_date": "2026-10-05", "expiry": "2029-09-30", "arrived": 24, "accepted": 22,
         "rejected": 2, "reject_reason": "外包装破损（2盒）", "codes": codes1},
        {"product": PD, "batch": "2610052", "production_date": "2026-10-05", "expiry": "2029-09-30", "arrived": 20, "accepted": 18,
         "rejected": 2, "reject_reason": "外包装破损（2盒）", "codes": codes2}], acceptors=("验收-孙晓峰", QM))
    B.put_away(T("2026-11-03 11:00"), order, rdoc, [
        {"product": PD, "batch": "2610051", "quantity": 22, "to": "SP-1", "codes": codes1[:22]},
        {"product": PD, "batch": "2610052", "quantity": 18, "to": "SP-1", "codes": codes2[:18]}], by=["保管-朱建平", QM])
    inv, tot = B.purchase_invoice(T("2026-11-03 15:00"), M3, order, [(PD, 40)])
    B.pay_out(T("2026-11-12 10:00"), M3, [inv], tot)
    # the supplier re-delivers the two rejected boxes of 2610051 (new packaging) against a replacement order: quiet
    o2 = B.purchase(T("2026-11-05 09:00"), M3, [(PD, 2)])
    r2 = B.receipt(T("2026-11-06 10:00"), M3, o2, [
        {"product": PD, "batch": "2610051", "production_date": "2026-10-05", "expiry": "2029-09-30", "arrived": 2, "accepted": 2,
         "codes": codes1[22:]}], acceptors=("验收-孙晓峰", QM), tag="REDELIVER")
    B.put_away(T("2026-11-06 10:40"), o2, r2, [{"product": PD, "batch": "2610051", "quantity": 2, "to": "SP-1", "codes": codes1[22:]}],
               by=["保管-朱建平", QM])
    inv2, tot2 = B.purchase_invoice(T("2026-11-06 15:00"), M3, o2, [(PD, 2)])
    B.pay_out(T("2026-11-12 10:05"), M3, [inv2], tot2)
    # a sale of 24 of 2610051 (all of it, including the two re-delivered units): quiet
    sell(B, T("2026-11-09 09:00"), H1, [(PD, "2610051", 24)], frm="SP-1", reviewers=("复核-郭婷", QM),
         codes={(PD, "2610051"): codes1})
    # a dispatch of 5 of 2610052 lists 4 units put away in SP-1 and one of the two rejected units (never accepted): SPECIAL-CHAIN
    wrong = codes2[:4] + [codes2[19]]
    sell(B, T("2026-11-10 09:00"), H2, [(PD, "2610052", 5)], frm="SP-1", reviewers=("复核-郭婷", QM),
         codes={(PD, "2610052"): wrong}, tag_disp="REJ-SHIPPED")
    # WH-A readings every 10 min on 11-11 with gaps of 30:00 (quiet), 30:01 and 30:00.25, and an excursion between minutes
    rs = []
    t = T("2026-11-11 00:00")
    plan = []
    while t <= T("2026-11-11 23:50"):
        plan.append(t)
        t += 10 * MIN
    drop = {T("2026-11-11 10:10"), T("2026-11-11 10:20"),            # gap 10:00 -> 10:30 exactly: quiet
            T("2026-11-11 15:10"), T("2026-11-11 15:20"), T("2026-11-11 15:30"),   # 15:00 -> 15:30:01
            T("2026-11-11 16:10"), T("2026-11-11 16:20"), T("2026-11-11 16:30")}   # 16:00 -> 16:30:00.25
    pts = [x for x in plan if x not in drop]
    pts += [T("2026-11-11 15:30:01"), T("2026-11-11 16:30") + dt.timedelta(milliseconds=250),
            T("2026-11-11 17:10:30"), T("2026-11-11 17:12")]
    pts.sort()
    rng = random.Random(2511)
    uploads = {}
    for p in pts:
        c = round(rng.uniform(17.0, 24.0), 1)
        if p == T("2026-11-11 17:10:30"):
            c = 31.2
        h = p.hour // 4
        uploads.setdefault(h, []).append({"at": iso(p), "celsius": c})
    for h in sorted(uploads):
        up = T("2026-11-11 00:00") + (h + 1) * 4 * HOUR
        L.add("temperature_reading", up, "系统-温湿度监测", {"sensor": "TH-A01", "zone": "WH-A", "readings": uploads[h]},
              entered=dt.timedelta(seconds=30), tag=("WH", h))
    L.finish()
    exp = [
        ("SPECIAL-CHAIN", L.line_of("REJ-SHIPPED"), "one of the codes is a unit of 2610052 scanned on the receipt but beyond the 18 accepted (rejected); "
         "rules.md SPECIAL-CHAIN 'one of them leaving from another place before it moved is this rule, its sentence saying it may have been a rejected unit'"),
        ("TEMP-GAP", L.line_of(("WH", 3)), "WH-A 15:00 -> 15:30:01 (30.02 min > 30); sentence must show 15:30:01 (README 'with the seconds when not on the minute')"),
        ("TEMP-GAP", L.line_of(("WH", 4)), "WH-A 16:00 -> 16:30:00.25 (30.004 min > 30); sentence must show 16:30:00.25 (findings.md 'with the seconds, and their fraction')"),
        ("TEMP-RANGE", L.line_of(("WH", 4)), "WH-A 31.2 °C at 17:10:30, back in range at 17:12: excursion 17:10:30-17:12 (1.5 min); ambient 10-30"),
    ]
    head = "# 251 VIOLATION: round 19's fixes at their boundaries: rejected units scanned on arrival, re-delivered (quiet) and one shipped; instants shown with seconds and fractions"
    notes = [
        "# note: quiet: receipt l.REDELIVER brings in again the two codes scanned but rejected on the first receipt: rules.md CODE-DUP 'A unit scanned on a receipt line that listed more units than it accepted, and received again before it moved, is not this rule either'",
        "# note: quiet: gap 10:00 -> 10:30 exactly (storage_gap_minutes 30, 'an event exactly at the deadline is in time')",
        "# note: the 17:10:30 / 17:12 readings are in the 16:00-20:00 upload (4th upload of the day, index 4)",
    ]
    return L, head, notes, exp
