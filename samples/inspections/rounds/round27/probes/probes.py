"""Round 27 probes: small ledgers for doubtful points; python3 probes/probes.py writes probes/out/*.jsonl"""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "generator"))
import lib
from biz import *
lib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
M1 = "91330100143958271W"; M1A = "62248461562941922"
H1 = "123300004700891235"; H1A = "62101850456507379"
P2 = "92330106MA2HX1Q83L"; P2A = "6228480322222222218"
PA = gtin("6901234500001"); PD = gtin("6901234500011")
EXP = "2028-05-31"

def base(num, slug):
    L = Ledger(num, slug, "probe")
    B = Biz(L, {M1: M1A, H1: H1A, P2: P2A})
    t0 = T("2026-11-02 09:00")
    L.self_party(t0)
    L.party(t0, M1, "杭州宁康制药有限公司", "manufacturer", "supplier", "drug_manufacturing", ["chemical", "psychotropic2"], [M1A])
    L.party(t0, H1, "杭州市仁和医院", "medical_institution", "customer", "medical_institution", ["chemical", "psychotropic2"], [H1A])
    L.party(t0, P2, "杭州百草堂大药房", "retail_pharmacy", "customer", "drug_retail", ["chemical"], [P2A], valid=("2021-11-21", "2026-11-20"))
    L.product(t0, PA, "阿莫西林胶囊")
    L.product(t0, PD, "地西泮片", category="psychotropic2", control="psychotropic2", spec="2.5mg×20片/盒")
    return L, B

# p1: returned into RET, released RET->RCV (release transfer), then put away RCV->WH-A
L, B = base(901, "release-to-rcv-then-put-away")
B.buy(T("2026-11-03 09:00"), M1, PA, "R1", EXP, 20, 20, 860)
s = B.sell(T("2026-11-05 09:00"), H1, PA, "R1", EXP, 5, 1200)
B.ret(T("2026-11-07 10:00"), s, H1, PA, "R1", 5, "RET")
L.move("transfer", T("2026-11-08 09:00"), [(PA, "R1", 5, "RET", "RCV")], reason="release")
L.move("put_away", T("2026-11-08 10:00"), [(PA, "R1", 5, "RCV", "WH-A")])
L.write()

# p2: custom quarantine location BHG (config): returned into BHG and released; 2 rejected shelved; put-away BHG->WH-A
L, B = base(902, "custom-quarantine-location")
B.buy(T("2026-11-03 09:00"), M1, PA, "C1", EXP, 40, 38, 860)
s = B.sell(T("2026-11-05 09:00"), H1, PA, "C1", EXP, 10, 1200)
B.ret(T("2026-11-07 10:00"), s, H1, PA, "C1", 6, "BHG")
L.move("transfer", T("2026-11-08 10:00"), [(PA, "C1", 4, "BHG", "WH-A")], reason="release")
L.move("put_away", T("2026-11-08 11:00"), [(PA, "C1", 2, "BHG", "WH-A")])
L.move("put_away", T("2026-11-09 10:00"), [(PA, "C1", 2, "RCV", "WH-A")])
L.write()

# p3: licence renewal recorded after the sale it would cover; and a sale at the same instant as a scope change, before and after it in the file
L, B = base(903, "late-licence-renewal-and-same-instant-scope-change")
L.sale(T("2026-11-22 10:00"), P2, [(PA, "X1", EXP, 5, 1000)])
L.add("licence_changed", T("2026-11-25 10:00"), {"party": P2, "licence": {"number": "浙新001", "kind": "drug_retail", "valid_from": "2026-11-21", "valid_to": "2031-11-20"}, "reason": "许可证到期换证（补录）"})
L.sale(T("2026-11-26 10:00"), P2, [(PA, "X1", EXP, 5, 1000)])
L.sale(T("2026-11-27 10:00"), P2, [(PD, "X2", EXP, 5, 1000)])   # before the scope change, same instant
L.add("licence_changed", T("2026-11-27 10:00"), {"party": P2, "licence": {"number": "浙新001", "kind": "drug_retail", "valid_from": "2026-11-21", "valid_to": "2031-11-20"}, "scope": ["chemical", "psychotropic2"], "reason": "经营范围增加"})
L.sale(T("2026-11-27 10:00"), P2, [(PD, "X2", EXP, 5, 1000)])   # after it, same instant
L.write()

# p4: one cash payment for an ordinary and a psychotropic invoice together; CHAIN severity lowered
L, B = base(904, "cash-for-two-invoices")
cd = [f"81011{9:05d}{i:010d}" for i in range(1, 11)]
B.buy(T("2026-11-03 09:00"), M1, PA, "A1", EXP, 20, 20, 860)
B.buy(T("2026-11-03 09:10"), M1, PD, "D1", EXP, 10, 10, 1500, put_to="SP-1", codes=cd, acceptors=("验收-孙浩", "质管-陆文清"))
a = B.sell(T("2026-11-05 09:00"), H1, PA, "A1", EXP, 5, 1200)
d = B.sell(T("2026-11-05 09:10"), H1, PD, "D1", EXP, 5, 2000, frm="SP-1", codes=cd[:5], reviewers=("复核-郭婷", "质管-陆文清"))
L.pay(T("2026-11-06 10:00"), [a["inv"], d["inv"]], 6000 + 10000, "incoming", H1, "", method="cash")
B.settle(T("2026-11-07 10:00"), skip=[a["inv"], d["inv"]])
L.write()

# p5: credit note after full payment: refund 14 days after the credit note exactly (H1) and never (P2-like second sale to H1 batch A2)
L, B = base(905, "credit-note-after-full-payment")
B.buy(T("2026-11-03 09:00"), M1, PA, "A1", EXP, 100, 100, 860)
s1 = B.sell(T("2026-11-05 09:00"), H1, PA, "A1", EXP, 20, 1200)
s2 = B.sell(T("2026-11-05 09:10"), H1, PA, "A1", EXP, 20, 1200)
L.pay(T("2026-11-06 10:00"), [s1["inv"]], 24000, "incoming", H1, H1A)
L.pay(T("2026-11-06 10:10"), [s2["inv"]], 24000, "incoming", H1, H1A)
B.ret(T("2026-11-08 10:00"), s1, H1, PA, "A1", 5, "RET")          # credit note 11-08 12:00
B.ret(T("2026-11-08 10:10"), s2, H1, PA, "A1", 5, "RET")          # credit note 11-08 12:10
cn1 = [e for e in L.events if e[2]["kind"] == "invoice" and e[2]["data"].get("credit_for") == s1["inv"]][0][2]["data"]["doc"]
L.pay(T("2026-11-22 12:00:00"), [cn1], 6000, "outgoing", H1, H1A)  # refund exactly 14 days after the credit note
# s2's credit note is never refunded
B.settled = {s1["inv"], s2["inv"]}
B.settle(T("2026-11-25 10:00"))
L.write()

# p6: one payment for two invoices, 10.00 too much, landing on the second; never refunded
L, B = base(906, "payment-over-two-invoices")
B.buy(T("2026-11-03 09:00"), M1, PA, "A1", EXP, 100, 100, 860)
s1 = B.sell(T("2026-11-05 09:00"), H1, PA, "A1", EXP, 10, 1000)
s2 = B.sell(T("2026-11-05 09:10"), H1, PA, "A1", EXP, 5, 1000)
L.pay(T("2026-11-06 10:00"), [s1["inv"], s2["inv"]], 16000, "incoming", H1, H1A)
B.settled = {s1["inv"], s2["inv"]}
B.settle(T("2026-11-25 10:00"))
L.write()
