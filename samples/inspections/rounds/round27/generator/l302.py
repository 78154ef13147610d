from biz import *

M1 = "91330100143958271W"; M1A = "62248461562941922"
M2 = "91320300138827465M"; M2A = "32001886036050012345"
M3 = "91440300MA5FQ3R21X"; M3A = "44201501100052601234"
H3 = "12330100470067138G"; H3A = "33050161623500000917"
P2 = "92330106MA2HX1Q83L"; P2A = "6228480322222222218"
P3 = "91330105MA2CL5E47K"; P3A = "6222021202020202020"
N1 = "52330106MA2J8N0C1R"; N1A = "6214830000000000123"
IND = "330106198805051234"
PA = gtin("6901234500001")   # 阿莫西林胶囊
PD = gtin("6901234500011")   # 地西泮片 psychotropic2
PE = gtin("6901234500021")   # 复方盐酸伪麻黄碱缓释胶囊 compound ephedrine
PG = gtin("6901234500031")   # 头孢克肟胶囊, registered late
EXP = "2028-05-31"
TWO = ("验收-孙浩", "质管-陆文清")


def build():
    L = Ledger(302, "qualifications-supplier-licence-lapse-beijing-midnight-utc-spelt-renewal-scope-added-customer-scope-added-and-removed-1s-licence-not-yet-valid-individual-unregistered-product-no-source",
               "VIOLATION: supplier and customer qualification at its edges: a supplier's licence lapsing at Beijing midnight (instants written in UTC) and renewed, a supplier and a customer without the scope for a psychotropic until a licence_changed adds it, a customer losing compound ephedrine from its scope, a customer licence ending and one not yet valid, an individual, a product bought and sold before its 首营 record; goods received only from a lapsed supplier shipped (NO-SOURCE)")
    B = Biz(L, {M1: M1A, M2: M2A, M3: M3A, H3: H3A, P2: P2A, P3: P3A, N1: N1A})
    t0 = T("2026-11-02 09:00")
    L.self_party(t0)
    L.party(t0, M1, "杭州宁康制药有限公司", "manufacturer", "supplier", "drug_manufacturing", ["chemical", "psychotropic2", "compound_ephedrine"], [M1A])
    L.party(t0, M2, "徐州恒康制药有限公司", "manufacturer", "supplier", "drug_manufacturing", ["chemical"], [M2A], province="江苏",
            valid=("2021-11-11", "2026-11-10"))
    L.party(t0, M3, "深圳南海药业有限公司", "manufacturer", "supplier", "drug_manufacturing", ["chemical"], [M3A], province="广东")
    L.party(t0, H3, "杭州市西溪医院", "medical_institution", "customer", "medical_institution", ["chemical", "tcm_patent"], [H3A])
    L.party(t0, P2, "杭州百草堂大药房", "retail_pharmacy", "customer", "drug_retail", ["chemical", "tcm_patent"], [P2A],
            valid=("2021-11-21", "2026-11-20"))
    L.party(t0, P3, "杭州康宁大药房连锁有限公司", "retail_chain", "customer", "drug_retail", ["chemical", "compound_ephedrine"], [P3A])
    L.party(t0, IND, "张某（个人）", "individual", "customer", None, [], [])
    L.product(t0, PA, "阿莫西林胶囊")
    L.product(t0, PD, "地西泮片", category="psychotropic2", control="psychotropic2", spec="2.5mg×20片/盒")
    L.product(t0, PE, "复方盐酸伪麻黄碱缓释胶囊", category="compound_ephedrine", control="compound_ephedrine", spec="10粒/盒")
    L.notes += ["validity dates are inclusive Beijing dates (format.md Dates); an instant written in UTC is judged by its Beijing date",
                "licence_changed adds a licence and replaces scope from its occurred_at (format.md licence_changed); sales that are only sales records (not shipped) are judged by CUS-LIC at the sale",
                "every receipt invoiced and paid, every dispatch invoiced and paid on 11-25: TTGK/UNINVOICED/UNPAID quiet"]

    # ---- Q1: M2's licence ends 2026-11-10: ordered at 23:59:59 Beijing (written 15:59:59Z), received at 00:00:00 of 11-11 (written 16:00:00Z)
    o, po = L.purchase(T("2026-11-10 23:59:59"), M2, [(PA, 100, 700)])
    po[2]["occurred_at"] = "2026-11-10T15:59:59Z"; po[2]["entered_at"] = "2026-11-10T16:04:59Z"
    rd, rr = L.receipt(T("2026-11-11 00:00:00"), M2, o, [(PA, "X2611001", EXP, 100, 100, "RCV")])
    rr[2]["occurred_at"] = "2026-11-10T16:00:00Z"; rr[2]["entered_at"] = "2026-11-10T16:05:00Z"
    L.expect(rr, "SUP-LIC", "receipt at 2026-11-10T16:00:00Z = 00:00 of 11-11 Beijing, the day after M2's licence (valid to 2026-11-10); its purchase one second earlier (23:59:59 of 11-10) is quiet")
    L.move("put_away", T("2026-11-11 09:00"), [(PA, "X2611001", 100, "RCV", "WH-A")])
    inv, _ = L.invoice(T("2026-11-11 10:00"), "purchase", M2, [(PA, 100, 700)], {"order": [o]})
    B.open.append([inv, "purchase", M2, 70000])
    s = B.sell(T("2026-11-13 09:00"), H3, PA, "X2611001", EXP, 30, 1000)
    L.expect(s["drec"], "NO-SOURCE", "batch X2611001 was received only from a supplier that failed qualification (SUP-LIC at its receipt)")
    # ---- Q2: M2 renewed on 11-12 09:00 (new licence valid from 11-12): ordered and received the same day (quiet), shipped (quiet)
    L.add("licence_changed", T("2026-11-12 09:00"), {"party": M2, "licence": {"number": "苏20260088", "kind": "drug_manufacturing",
          "valid_from": "2026-11-12", "valid_to": "2031-11-11"}, "reason": "药品生产许可证到期换证"})
    q2 = B.buy(T("2026-11-11 10:00"), M2, PA, "X2611002", EXP, 100, 100, 700)
    q2["po"][0] = T("2026-11-12 10:00"); q2["po"][2]["occurred_at"] = iso(T("2026-11-12 10:00")); q2["po"][2]["entered_at"] = iso(T("2026-11-12 10:05"))
    B.sell(T("2026-11-13 09:30"), H3, PA, "X2611002", EXP, 30, 1000)
    L.notes.append("quiet Q2: purchase 11-12 10:00 after the licence_changed of 09:00 (new licence from 11-12), receipt 11-12 10:00 (B.buy: +24 h from 11-11 10:00), shipped 11-13")

    # ---- Q3: M3's scope lacks psychotropic2 until 11-14 09:00
    c1 = [f"81011{3:05d}{i:010d}" for i in range(1, 21)]
    o3, po3 = L.purchase(T("2026-11-13 09:00"), M3, [(PD, 20, 1500)])
    L.expect(po3, "SUP-LIC", "地西泮片 (psychotropic2) outside M3's scope [chemical]")
    rd3, rr3 = L.receipt(T("2026-11-13 15:00"), M3, o3, [(PD, "D2611003", EXP, 20, 20, "RCV", c1)], acceptors=TWO)
    L.expect(rr3, "SUP-LIC", "'Purchases and receipts ... one finding per record'")
    L.move("put_away", T("2026-11-13 16:00"), [(PD, "D2611003", 20, "RCV", "SP-1", c1)])
    i3, _ = L.invoice(T("2026-11-13 17:00"), "purchase", M3, [(PD, 20, 1500)], {"order": [o3]})
    B.open.append([i3, "purchase", M3, 30000])
    L.add("licence_changed", T("2026-11-14 09:00"), {"party": M3, "licence": {"number": "粤" + M3[-8:], "kind": "drug_manufacturing",
          "valid_from": "2023-01-01", "valid_to": "2029-12-31"}, "scope": ["chemical", "psychotropic2"], "reason": "生产范围增加第二类精神药品"})
    c2 = [f"81011{4:05d}{i:010d}" for i in range(1, 21)]
    B.buy(T("2026-11-14 09:00:01"), M3, PD, "D2611004", EXP, 20, 20, 1500, put_to="SP-1", codes=c2, acceptors=TWO)
    L.notes.append("quiet Q3: M3 purchase one second after the licence_changed adding psychotropic2 (11-14 09:00:01), receipt the next day")

    # ---- Q4: H3's scope lacks psychotropic2 until 11-16 10:00
    s, r = L.sale(T("2026-11-16 09:59:59"), H3, [(PD, "D2611004", EXP, 5, 2000)])
    L.expect(r, "CUS-LIC", "sale at 09:59:59, one second before the licence_changed adding psychotropic2 to H3's scope")
    L.add("licence_changed", T("2026-11-16 10:00"), {"party": H3, "licence": {"number": "浙" + H3[-8:], "kind": "medical_institution",
          "valid_from": "2023-01-01", "valid_to": "2029-12-31"}, "scope": ["chemical", "tcm_patent", "psychotropic2"], "reason": "诊疗科目增加，经营范围变更"})
    L.sale(T("2026-11-16 10:00:01"), H3, [(PD, "D2611004", EXP, 5, 2000)])
    L.notes.append("quiet Q4: the sale at 10:00:01, after the scope change")

    # ---- Q5: P2's licence ends 2026-11-20
    L.sale(T("2026-11-20 23:59:59"), P2, [(PA, "X2611002", EXP, 10, 1000)])
    s, r = L.sale(T("2026-11-21 00:00:00"), P2, [(PA, "X2611002", EXP, 10, 1000)])
    r[2]["occurred_at"] = "2026-11-20T16:00:00Z"; r[2]["entered_at"] = "2026-11-20T16:05:00Z"
    L.expect(r, "CUS-LIC", "2026-11-20T16:00:00Z is 00:00 of 11-21 Beijing, the day after P2's licence; the sale at 23:59:59 of 11-20 is quiet")

    # ---- Q6: P3 loses compound_ephedrine from its scope at 11-18 10:00
    L.sale(T("2026-11-18 09:59:59"), P3, [(PE, "E2611001", EXP, 20, 1500)])
    L.add("licence_changed", T("2026-11-18 10:00"), {"party": P3, "licence": {"number": "浙" + P3[-8:], "kind": "drug_retail",
          "valid_from": "2023-01-01", "valid_to": "2029-12-31"}, "scope": ["chemical"], "reason": "经营范围核减含麻黄碱类复方制剂"})
    s, r = L.sale(T("2026-11-18 10:00:01"), P3, [(PE, "E2611001", EXP, 20, 1500)])
    L.expect(r, "CUS-LIC", "one second after the scope change removing compound_ephedrine; the sale at 09:59:59 is quiet")

    # ---- Q7: N1 registered 11-05 with a licence valid from 11-06
    L.party(T("2026-11-05 09:00"), N1, "杭州之江社区卫生服务中心", "medical_institution", "customer", "medical_institution",
            ["chemical"], [N1A], valid=("2026-11-06", "2031-11-05"))
    s, r = L.sale(T("2026-11-05 23:59:59"), N1, [(PA, "X2611009", EXP, 10, 1000)])
    L.expect(r, "CUS-LIC", "licence valid from 11-06; sale at 23:59:59 of 11-05")
    L.sale(T("2026-11-06 00:00:00"), N1, [(PA, "X2611009", EXP, 10, 1000)])
    L.notes.append("quiet Q7: sale at 00:00:00 of 11-06, the licence's first day")

    # ---- Q8: wholesale to an individual
    s, r = L.sale(T("2026-11-19 10:00"), IND, [(PA, "X2611002", EXP, 2, 1000)])
    L.expect(r, "CUS-LIC", "'never wholesale to individuals'")

    # ---- Q9: a product bought and sold before its 首营 record (11-09 09:00)
    o9, p9 = L.purchase(T("2026-11-08 10:00"), M1, [(PG, 50, 900)])
    L.expect(p9, "SUP-LIC", "头孢克肟胶囊 has no product_registered yet (首营品种)")
    s, r = L.sale(T("2026-11-08 11:00"), H3, [(PG, "G2611001", EXP, 5, 1300)])
    L.expect(r, "CUS-LIC", "product not registered at the sale")
    L.product(T("2026-11-09 09:00"), PG, "头孢克肟胶囊", spec="0.1g×12粒/盒")
    rd9, rr9 = L.receipt(T("2026-11-09 10:00"), M1, o9, [(PG, "G2611001", EXP, 50, 50, "RCV")])
    L.move("put_away", T("2026-11-09 11:00"), [(PG, "G2611001", 50, "RCV", "WH-A")])
    i9, _ = L.invoice(T("2026-11-09 15:00"), "purchase", M1, [(PG, 50, 900)], {"order": [o9]})
    B.open.append([i9, "purchase", M1, 45000])
    L.notes.append("quiet Q9: the receipt of 头孢克肟胶囊 after its registration")

    B.settle(T("2026-11-25 10:00"))
    return L
