from lib21 import Ledger
from ops21 import *

CONV = ("conventions: master data first; owner 浙江瑞和医药有限公司 (%s, Hangzhou, regional_wholesaler); "
        "USCCs with GB 32100 / GB 11714 check characters; 本位码 with GS1 check digits; instants +08:00 in time order; "
        "entered_at 5 min after occurred_at; ids UUID v7 of entered_at; 20-digit 数电票 numbers" % A)

MB, MPD, MEXP = "26100615", "2026-10-06", "2028-09-30"   # morphine batch
PB, PPD, PEXP = "26092203", "2026-09-22", "2028-08-31"   # methylphenidate batch
MC = codes(MOR, 1001, 100)
PC = codes(PMZ, 5001, 20)

SALE_INV = "26332000000211090001"
CRED_INV = "26332000000211120007"
PUR_INV = "26422000000110040031"
PUR_CRED = "26422000000111190005"

def l256():
    L = Ledger("256-narcotic-pair-A-seller-designated-channel-two-person-return-destroyed-under-supervision-loss-reported-in-16h")
    master(L, "2026-11-02 08:30", [A, M, H], [MOR, PMZ], ["SP-1"])
    purchase(L, "2026-11-02 09:30", "CG2026110200001", M, [(MOR, 100, 510), (PMZ, 20, 3000)])
    rc = receipt(L, "2026-11-04 10:00", "SH2026110400001", M, "CG2026110200001", "FRPS20261103017",
                 [rline(MOR, MB, MPD, MEXP, 100, 100, codes=MC), rline(PMZ, PB, PPD, PEXP, 20, 20, codes=PC)])
    put_away(L, "2026-11-04 10:40", "RK2026110400001",
             [mline(MOR, MB, 100, "RCV", "SP-1", MC), mline(PMZ, PB, 20, "RCV", "SP-1", PC)], "SH2026110400001")
    invoice(L, "2026-11-04 15:00", PUR_INV, "purchase", M, A, "2026-11-04", [(MOR, 100, 510), (PMZ, 20, 3000)],
            {"order": ["CG2026110200001"]})
    payment(L, "2026-11-06 10:00", "FK2026110600001", "outgoing", A, M, 111000, [PUR_INV])
    sale(L, "2026-11-09 09:00", "XS2026110900001", H, [(MOR, MB, MEXP, 30, 620), (PMZ, PB, PEXP, 5, 3600)])
    review(L, "2026-11-09 10:00", "FH2026110900001", H, ["XS2026110900001"], [(MOR, MB, MEXP, 30), (PMZ, PB, PEXP, 5)])
    dispatch(L, "2026-11-09 11:00", "PS2026110900001", H, ["XS2026110900001"],
             [oline(MOR, MB, 30, "SP-1", MC[0:30]), oline(PMZ, PB, 5, "SP-1", PC[0:5])],
             consignee="西溪人民医院药剂科 麻醉药品库 张主任")
    invoice(L, "2026-11-09 15:00", SALE_INV, "sale", A, H, "2026-11-09", [(MOR, 30, 620), (PMZ, 5, 3600)],
            {"sale": ["XS2026110900001"], "delivery_note": ["PS2026110900001"]})
    L.add("customer_return", "2026-11-12 15:00", {"doc": "TH2026111200001", "customer": H,
          "reason": "医院开箱验收后发现 2 支安瓿破损，退回", "lines": [
              {"product": MOR, "batch": MB, "quantity": 2, "to": "RET", "codes": [MC[3], MC[7]]}]},
          refs={"sale": ["XS2026110900001"], "delivery_note": ["PS2026110900001"]}, by=Q2)
    invoice(L, "2026-11-12 16:00", CRED_INV, "sale", A, H, "2026-11-12", [(MOR, 2, 620)],
            {"sale": ["XS2026110900001"]}, credit_for=SALE_INV)
    transfer(L, "2026-11-12 16:30", "YK2026111200001", "quarantine",
             [mline(MOR, MB, 2, "RET", "QA", [MC[3], MC[7]])], refs={"receipt": ["TH2026111200001"]})
    payment(L, "2026-11-16 10:00", "SK2026111600001", "incoming", H, A, 36600 - 1240, [SALE_INV])
    L.add("destruction", "2026-11-18 14:00", {"doc": "XH2026111800001", "reason": "破损（客户退回）",
          "method": "由有资质单位焚烧", "lines": [oline(MOR, MB, 2, "QA", [MC[3], MC[7]])],
          "supervisors": ["杭州市西湖区市场监督管理局 执法人员 吴强", "杭州市西湖区市场监督管理局 执法人员 周洁"]}, by=KEEP2)
    L.add("supplier_return", "2026-11-19 10:00", {"doc": "TC2026111900001", "supplier": M,
          "reason": "厂家通知该批外包装印字不清，召回 4 盒", "lines": [oline(PMZ, PB, 4, "SP-1", PC[15:19])]},
          refs={"receipt": ["SH2026110400001"], "order": ["CG2026110200001"]}, by=["采购-李明", "质管-钱芳"])
    invoice(L, "2026-11-19 16:00", PUR_CRED, "purchase", M, A, "2026-11-19", [(PMZ, 4, 3000)],
            {"order": ["CG2026110200001"]}, credit_for=PUR_INV)
    L.add("loss_report", "2026-11-20 10:00", {"doc": "BS2026112000001", "loss": "loss",
          "discovered_at": "2026-11-19T17:30:00+08:00", "lines": [oline(PMZ, PB, 1, "SP-1", [PC[19]])],
          "reported_to": ["杭州市公安局西湖分局", "杭州市西湖区市场监督管理局", "杭州市西湖区卫生健康局"]}, by=KEEP2)
    count(L, "2026-11-20 17:00", "PD2026112000001", "SP-1", [(MOR, MB, 70), (PMZ, PB, 10)])
    payment(L, "2026-11-23 10:00", "SK2026112300001", "incoming", M, A, 12000, [PUR_CRED])
    L.notes.append(CONV)
    L.notes.append("the hospital's own ledger is 257; dispatch 14 (PS2026110900001) is its receipt 7; the 2 broken ampoules (codes %s, %s) go back by its supplier_return 9 and come in here by customer_return 16, are quarantined (18) and destroyed under supervision (20)" % (MC[3], MC[7]))
    L.notes.append("purchase credit note 22 makes the outgoing payment 11 exceed the invoice by 120.00 CNY until the refund 25 (4 days later): TTGK-P 'An excess ... is pending at once and becomes a finding if not corrected ... within the correction window' (correction_days 14)")
    L.notes.append("loss 23 discovered 11-19 17:30, reported 11-20 10:00 (16.5 h, limit special_loss_hours 24) to police, regulator and health authority")
    L.notes.append("stock: MOR 100-30 = 70 (the 2 returned were destroyed from QA); PMZ 20-5-4-1 = 10; the ledger ends 2026-11-23, before UNPAID (60 d) comes due")
    return L, ["256 LEGITIMATE (pair, seller's ledger): narcotic + class-1 psychotropic end to end, checked alone quiet; checked with 257 quiet",
               "SPECIAL-CHANNEL: 'bought only from a designated manufacturer ... sold only to ... a medical institution holding a valid purchase-seal card (印鉴卡) in the seller's province'",
               "SPECIAL-DESTROY: 'Destruction of special-control drugs records the regulator's supervisor(s) present' (two supervisors recorded)"]

def l257():
    L = Ledger("257-narcotic-pair-B-hospital-receipt-by-delivery-note-return-of-broken-ampoules-to-the-wholesaler")
    # hospital is the owner of this ledger
    hp = dict(PARTY[H]); hp["relation"] = "self"
    ap = dict(PARTY[A]); ap["relation"] = "supplier"
    L.add("party_registered", "2026-11-01 09:00", hp, by=["药剂科-沈琳"])
    L.add("party_registered", "2026-11-01 09:02", ap, by=["药剂科-沈琳"])
    L.add("product_registered", "2026-11-01 09:04", PRODUCT[MOR], by=["药剂科-沈琳"])
    L.add("product_registered", "2026-11-01 09:06", PRODUCT[PMZ], by=["药剂科-沈琳"])
    L.add("zone_registered", "2026-11-01 09:08", {"zone": "YK-MJ", "storage": "ambient"}, by=["药剂科-沈琳"])
    H2P = ["药剂科-沈琳", "药剂科-黄涛"]
    purchase(L, "2026-11-08 10:00", "XXCG2026110801", A, [(MOR, 30, 620), (PMZ, 5, 3600)], by=["药剂科-沈琳"])
    receipt(L, "2026-11-09 14:30", "XXYS2026110901", A, "XXCG2026110801", "PS2026110900001",
            [rline(MOR, MB, MPD, MEXP, 30, 30, "YK-RCV", MC[0:30]), rline(PMZ, PB, PPD, PEXP, 5, 5, "YK-RCV", PC[0:5])],
            acceptors=H2P)
    put_away(L, "2026-11-09 15:00", "XXRK2026110901",
             [mline(MOR, MB, 30, "YK-RCV", "YK-MJ", MC[0:30]), mline(PMZ, PB, 5, "YK-RCV", "YK-MJ", PC[0:5])],
             "XXYS2026110901", by=H2P)
    L.add("supplier_return", "2026-11-12 10:00", {"doc": "XXTH2026111201", "supplier": A,
          "reason": "开箱发现 2 支安瓿破损，退回供货单位", "lines": [oline(MOR, MB, 2, "YK-MJ", [MC[3], MC[7]])]},
          refs={"receipt": ["XXYS2026110901"], "order": ["XXCG2026110801"]}, by=H2P)
    invoice(L, "2026-11-12 16:30", SALE_INV, "purchase", A, H, "2026-11-09", [(MOR, 30, 620), (PMZ, 5, 3600)],
            {"order": ["XXCG2026110801"]}, by=["财务-郑丽"])
    invoice(L, "2026-11-12 16:40", CRED_INV, "purchase", A, H, "2026-11-12", [(MOR, 2, 620)],
            {"order": ["XXCG2026110801"]}, credit_for=SALE_INV, by=["财务-郑丽"])
    payment(L, "2026-11-16 10:00", "XXFK2026111601", "outgoing", H, A, 36600 - 1240, [SALE_INV], by=["财务-郑丽"])
    count(L, "2026-11-20 18:00", "XXPD2026112001", "YK-MJ", [(MOR, MB, 28), (PMZ, PB, 5)], by=H2P)
    L.notes.append(CONV.replace("owner 浙江瑞和医药有限公司", "owner 杭州市西溪人民医院 (relation self; its supplier is 浙江瑞和医药有限公司").replace("regional_wholesaler)", "regional_wholesaler)"))
    L.notes.append("the hospital's receipt 7 names the seller's delivery note PS2026110900001 (dispatch 14 in 256), same product, batch, 30+5 arrived and the same codes: CROSS-DIFF compares 'product, batch, quantity or unit codes'; received 3 h 30 min after dispatch (transit_hours 72)")
    L.notes.append("the hospital receives into YK-RCV (its receiving bench, not registered) and puts away into YK-MJ; dispensing to patients has no event kind, so the count 13 equals receipts minus the return")
    return L, ["257 LEGITIMATE (pair, hospital's ledger): checked alone quiet; `rxledger check A H` (256 then 257) quiet in both documents",
               "trace of a returned-and-destroyed unit, of a unit still at the hospital, of the lost box and of the morphine batch across 256 and 257: unbroken, exit 0 (README: 'trace calls a batch's chain broken exactly where check's SPECIAL-CHAIN, CODE-DUP or CODE-UNKNOWN findings about it do (and between ledgers, where a shipment is never received ...)')"]

def l258():
    L = Ledger("258-narcotic-violations-non-designated-supplier-seal-card-lapsed-at-beijing-midnight-no-card-number-one-acceptor-short-codes-cash-loss-24h01s-destroyed-unsupervised")
    master(L, "2026-10-26 08:30", [A, M, W, H, N, C, X], [MOR, PMZ], ["SP-1"])
    MC2 = codes(MOR, 2001, 200); PC2 = codes(PMZ, 6001, 40)
    purchase(L, "2026-10-26 09:30", "CG2026102600001", M, [(MOR, 200, 510), (PMZ, 40, 3000)])
    receipt(L, "2026-10-28 10:00", "SH2026102800001", M, "CG2026102600001", "FRPS20261027009",
            [rline(MOR, MB, MPD, MEXP, 200, 200, codes=MC2)])
    r2p = receipt(L, "2026-10-28 10:30", "SH2026102800002", M, "CG2026102600001", "FRPS20261027010",
            [rline(PMZ, PB, PPD, PEXP, 40, 40, codes=PC2)], acceptors=["验收-孙立"])
    L.expect("SPECIAL-2P", r2p, "receipt of 盐酸哌甲酯缓释片 (psychotropic1) signed by one acceptor: 'Acceptance and outbound review of special-control drugs are signed by two different people'")
    put_away(L, "2026-10-28 11:00", "RK2026102800001", [mline(MOR, MB, 200, "RCV", "SP-1", MC2), mline(PMZ, PB, 40, "RCV", "SP-1", PC2)])
    pw = purchase(L, "2026-10-29 09:00", "CG2026102900001", W, [(MOR, 20, 560)])
    L.expect("SPECIAL-CHANNEL", pw, "order of morphine from 浙江华顺医药 (wholesaler without special designation, though its licence scope lists narcotic): 'Narcotics and class-1 psychotropics are bought only from a designated manufacturer or a national or regional wholesaler' (the order was never delivered)")
    i = 0
    def take(n):
        nonlocal i
        c = MC2[i:i + n]; i += n; return c
    # sale to N at 23:50 Beijing on its card's last day: quiet
    sale(L, "2026-10-31 23:50", "XS2026103100001", N, [(MOR, MB, MEXP, 10, 620)])
    review(L, "2026-10-31 23:55", "FH2026103100001", N, ["XS2026103100001"], [(MOR, MB, MEXP, 10)])
    dispatch(L, "2026-11-01 00:20", "PS2026110100001", N, ["XS2026103100001"], [oline(MOR, MB, 10, "SP-1", take(10))], consignee="鄞州第三医院 急诊药房")
    s2 = sale(L, "2026-11-01 00:30", "XS2026110100001", N, [(MOR, MB, MEXP, 5, 620)])
    L.expect("SPECIAL-CHANNEL", s2, "sale at 2026-11-01 00:30 Beijing (2026-10-31T16:30Z) to 宁波市鄞州第三医院 whose card valid_to is 2026-10-31: format.md Special.valid_to 'Last day of the designation or card (inclusive); from the next day the party counts as not designated'; format.md Dates 'the engine compares them with the date of an event's occurred_at at UTC+08:00'")
    review(L, "2026-11-01 00:40", "FH2026110100001", N, ["XS2026110100001"], [(MOR, MB, MEXP, 5)])
    dispatch(L, "2026-11-01 00:50", "PS2026110100002", N, ["XS2026110100001"], [oline(MOR, MB, 5, "SP-1", take(5))], consignee="鄞州第三医院 急诊药房")
    s3 = sale(L, "2026-11-02 09:00", "XS2026110200001", C, [(MOR, MB, MEXP, 10, 620)])
    L.expect("SPECIAL-CARD", s3, "first sale to 绍兴越城康宁医院, a seal_card_holder without seal_card: 'a sale to a seal-card holder whose party record has no card number is an incomplete record (reported once per holder), not a channel violation' (its second sale is not reported again; see the note)")
    review(L, "2026-11-02 10:00", "FH2026110200001", C, ["XS2026110200001"], [(MOR, MB, MEXP, 10)])
    dispatch(L, "2026-11-02 11:00", "PS2026110200001", C, ["XS2026110200001"], [oline(MOR, MB, 10, "SP-1", take(10))])
    sale(L, "2026-11-03 09:00", "XS2026110300001", X, [(MOR, MB, MEXP, 10, 620)], approval="皖药监麻审〔2026〕031号")
    review(L, "2026-11-03 10:00", "FH2026110300001", X, ["XS2026110300001"], [(MOR, MB, MEXP, 10)])
    d5 = dispatch(L, "2026-11-03 11:00", "PS2026110300001", X, ["XS2026110300001"], [oline(MOR, MB, 10, "SP-1", take(10)[:9])])
    L.expect("SPECIAL-CHAIN", d5, "dispatch of 10 支 to 合肥市第六人民医院 listing 9 unit codes: 'each movement line carries one code per unit' (the sale itself, to another province with refs.approval, is lawful)")
    sale(L, "2026-11-04 09:00", "XS2026110400001", H, [(PMZ, PB, PEXP, 10, 3600)])
    review(L, "2026-11-04 10:00", "FH2026110400001", H, ["XS2026110400001"], [(PMZ, PB, PEXP, 10)])
    dispatch(L, "2026-11-04 11:00", "PS2026110400001", H, ["XS2026110400001"], [oline(PMZ, PB, 10, "SP-1", PC2[0:10])])
    invoice(L, "2026-11-04 15:00", "26332000000211040003", "sale", A, H, "2026-11-04", [(PMZ, 10, 3600)],
            {"sale": ["XS2026110400001"], "delivery_note": ["PS2026110400001"]})
    s6 = sale(L, "2026-11-05 09:00", "XS2026110500001", C, [(MOR, MB, MEXP, 6, 620)])
    review(L, "2026-11-05 10:00", "FH2026110500001", C, ["XS2026110500001"], [(MOR, MB, MEXP, 6)])
    dispatch(L, "2026-11-05 11:00", "PS2026110500001", C, ["XS2026110500001"], [oline(MOR, MB, 6, "SP-1", take(6))])
    L.notes.append("second sale to 绍兴越城康宁医院 at line " + L.ref(s6) + ": no second SPECIAL-CARD ('reported once per holder')")
    pc = payment(L, "2026-11-05 14:00", "SK2026110500001", "incoming", H, A, 36000, ["26332000000211040003"], method="cash")
    L.expect("SPECIAL-CASH", pc, "hospital pays the methylphenidate invoice in cash: 'No cash payment may settle an invoice with a narcotic, psychotropic or precursor line, in either direction'")
    l1 = L.add("loss_report", "2026-11-07 09:00", {"doc": "BS2026110700001", "loss": "loss",
          "discovered_at": "2026-11-06T09:00:00+08:00", "lines": [oline(PMZ, PB, 1, "SP-1", [PC2[10]])],
          "reported_to": ["杭州市公安局西湖分局", "杭州市西湖区市场监督管理局", "杭州市西湖区卫生健康局"]}, by=KEEP2)
    l2 = L.add("loss_report", "2026-11-09 09:00:01", {"doc": "BS2026110900001", "loss": "theft",
          "discovered_at": "2026-11-08T09:00:00+08:00", "lines": [oline(MOR, MB, 2, "SP-1", take(2))],
          "reported_to": ["杭州市公安局西湖分局", "杭州市西湖区市场监督管理局", "杭州市西湖区卫生健康局"]}, by=KEEP2)
    L.expect("SPECIAL-LOSS", l2, "theft discovered 11-08 09:00:00, reported 11-09 09:00:01 (24 h 1 s > special_loss_hours 24); the loss at line " + L.ref(l1) + ", reported exactly 24 h after discovery, is in time")
    l3 = L.add("loss_report", "2026-11-10 11:00", {"doc": "BS2026111000001", "loss": "loss",
          "discovered_at": "2026-11-10T08:00:00+08:00", "lines": [oline(MOR, MB, 1, "SP-1", take(1))]}, by=KEEP2)
    L.expect("SPECIAL-LOSS", l3, "loss reported within 3 h but with no authority notified: format.md loss_report.reported_to 'must not be empty for special-control drugs (SPECIAL-LOSS)'")
    dq = take(3)
    transfer(L, "2026-11-11 10:00", "YK2026111100001", "quarantine", [mline(MOR, MB, 3, "SP-1", "QA", dq)])
    de = L.add("destruction", "2026-11-12 10:00", {"doc": "XH2026111200001", "reason": "安瓿破损",
          "method": "由有资质单位焚烧", "lines": [oline(MOR, MB, 3, "QA", dq)]}, by=KEEP2)
    L.expect("SPECIAL-DESTROY", de, "destruction of 3 支 morphine with no supervisors: 'Destruction of special-control drugs records the regulator's supervisor(s) present'")
    # books: MOR 200-10-5-10-10-6-2-1-3 = 153 ; PMZ 40-10-1 = 29
    count(L, "2026-11-12 17:00", "PD2026111200001", "SP-1", [(MOR, MB, 153), (PMZ, PB, 29)])
    L.notes.append(CONV)
    L.notes.append("sale 16 to 宁波 at 23:50 Beijing on 2026-10-31, the card's last day, is lawful; dispatch 18 at 00:20 of 11-01 ships that lawful sale (SPECIAL-CHANNEL points at the purchase or sale only)")
    L.notes.append("sale 25 to 合肥 (安徽, another province) carries refs.approval: quiet ('another province needs an approval reference (refs.approval)')")
    L.notes.append("stock: MOR 200 - 10 - 5 - 10 - 10 - 6 (dispatched; the short dispatch still ships 10 units) - 2 - 1 (lost) - 3 (destroyed) = 153; PMZ 40 - 10 - 1 = 29; count 44 matches; ledger ends 2026-11-12: sales to N, C and X are not yet invoiced (UNINVOICED pending only)")
    return L, ["258 VIOLATION: eight special-control violations of seven rules, each beside its lawful twin"]
