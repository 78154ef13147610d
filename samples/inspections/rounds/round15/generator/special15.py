# Round 15 ledgers 187-196: both sides of "SPECIAL-CHAIN holds destruction and customer_return to
# one code per unit, not loss_report" and "CODE-DUP / CODE-UNKNOWN name the first code concerned".
# python3 special15.py OUTDIR  (deterministic)
import sys
import os
from lib15 import Ledger, write_expected, invoice_no
from world15 import *   # noqa

OUT = sys.argv[1] if len(sys.argv) > 1 else "../ledgers"

COMMON = [
    "note: conventions of samples/inspections/README.md: master data first; owner 浙江瑞禾医药有限公司 (Hangzhou, %s), a regional_wholesaler (区域性批发企业) with narcotic, psychotropic1/2, precursor and compound-ephedrine scope; every event carries entered_at 5 minutes after occurred_at; ids are UUID v7 of entered_at, increasing in file order; unified social credit codes carry valid GB 32100 and GB 11714 check characters; invoices are 20-digit 数电票 numbers; 药品本位码 carry a GS1 check digit; unit codes are 20-digit 追溯码; instants +08:00" % OWNER,
    "note: the ledger's clock is the latest occurred_at (rules.md intro); every invoice is paid by bank transfer within 60 days and the ledger runs past its last UNPAID/UNINVOICED/ORPHAN/correction deadline with a stock count; WH-A, SP-1 (and SP-2 where used) are registered ambient zones; RCV, QA and RET are unregistered staging, quarantine and returns locations (default quarantine_locations QA, RET)",
    "note: hospitals hold seal cards (印鉴卡) with their numbers on file, in 浙江; narcotics are bought from the national wholesaler 华药集团（北京） or the designated manufacturer 湖北宜康药业, psychotropics from the designated manufacturer 江苏徐恩制药; special-control receipts and outbound reviews are signed by two people (SPECIAL-2P); no dispatch is within 90 days of its batch's expiry",
]


def save(L, num, name, title, notes, whys, findings):
    base = os.path.join(OUT, "%d-%s" % (num, name))
    if L.problems:
        print("SELF-CHECK %d:" % num, *L.problems, sep="\n  ")
    L.write(base + ".jsonl")
    write_expected(base + ".expected", [title] + COMMON + notes + whys, findings)
    return base


class Inv:
    def __init__(self, base):
        self.n = base

    def __call__(self, prov):
        self.n += 137
        return invoice_no(26, prov, self.n)


def master(L, parties, products, zones=("WH-A", "SP-1"), day="2026-01-05"):
    party_events(L, day + " 09:00", [OWNER] + parties)
    product_events(L, day + " 10:00", products)
    zone_events(L, day + " 11:00", zones)


# ================================================================= 187 / 188
def l187(num, missing_code):
    L = Ledger("r15-%d" % num)
    inv = Inv(70312000 + num * 1000)
    master(L, [NATWH, HOSP1, HOSP2], ["MOR"])
    A, B = "M2407015", "M2306017"
    A_ex, B_ex = "2026-06-30", "2026-05-31"
    units_a = codes("MOR", 200001, 50)
    cases = [case_code("MOR", i) for i in range(1, 6)]
    units_b = codes("MOR", 100001, 20)
    purchase(L, "2026-01-12 09:00", "CG2026011200001", NATWH, [("MOR", 70, "3.12")])
    agg = []
    for i in range(5):
        agg.append(aggregation(L, "2026-01-14 09:5%d" % i, "BZ202601140000%d" % (i + 1), "pack", cases[i], units_a[10 * i:10 * i + 10]))
    rec = receipt(L, "2026-01-14 10:00", "SH2026011400001", NATWH, "CG2026011200001", "HYBJ-PS2026011300088",
                  [("MOR", A, "2024-07-01", A_ex, 50, cases), ("MOR", B, "2023-06-01", B_ex, 20, units_b)])
    put_away(L, "2026-01-14 10:40", "RK2026011400001", "CG2026011200001", "SH2026011400001",
             [("MOR", A, 50, "RCV", "SP-1", cases), ("MOR", B, 20, "RCV", "SP-1", units_b)])
    pinv = inv(11)
    tot = invoice(L, "2026-01-14 11:00", pinv, "purchase", NATWH, OWNER, "2026-01-14", [("MOR", 70, "3.12")], {"order": ["CG2026011200001"]})
    # sale 1: a whole case of A (by its case code) and 8 loose units of B to 拱宸
    sale(L, "2026-01-20 09:00", "XS2026012000001", HOSP1, [("MOR", A, A_ex, 10, "3.45"), ("MOR", B, B_ex, 8, "3.45")])
    review(L, "2026-01-20 09:40", "FH2026012000001", HOSP1, "XS2026012000001", [("MOR", A, A_ex, 10), ("MOR", B, B_ex, 8)])
    d1 = dispatch(L, "2026-01-20 10:10", "PS2026012000001", HOSP1, "拱宸人民医院药剂科 麻精药品管理员 许静", "XS2026012000001",
             [("MOR", A, 10, "SP-1", [cases[0]]), ("MOR", B, 8, "SP-1", units_b[0:8])])
    s1 = inv(33)
    t1 = invoice(L, "2026-01-20 11:00", s1, "sale", OWNER, HOSP1, "2026-01-20", [("MOR", 18, "3.45")], {"sale": ["XS2026012000001"]})
    payment(L, "2026-01-26 10:00", "FK2026012600001", "outgoing", OWNER, NATWH, tot, [pinv])
    # sale 2: case 2 opened, 7 units of A and 8 of B to 萧山二院
    sale(L, "2026-02-10 09:00", "XS2026021000002", HOSP2, [("MOR", A, A_ex, 7, "3.45"), ("MOR", B, B_ex, 8, "3.45")])
    up = aggregation(L, "2026-02-10 09:20", "BZ2026021000001", "unpack", cases[1], units_a[10:20])
    review(L, "2026-02-10 09:50", "FH2026021000002", HOSP2, "XS2026021000002", [("MOR", A, A_ex, 7), ("MOR", B, B_ex, 8)])
    dispatch(L, "2026-02-10 10:20", "PS2026021000002", HOSP2, "萧山区第二人民医院药剂科 麻精药品管理员 方敏", "XS2026021000002",
             [("MOR", A, 7, "SP-1", units_a[10:17]), ("MOR", B, 8, "SP-1", units_b[8:16])])
    s2 = inv(33)
    t2 = invoice(L, "2026-02-10 11:00", s2, "sale", OWNER, HOSP2, "2026-02-10", [("MOR", 15, "3.45")], {"sale": ["XS2026021000002"]})
    payment(L, "2026-02-25 10:00", "SK2026022500001", "incoming", HOSP1, OWNER, t1, [s1])
    # B near expiry: the 4 left are locked in QA; A likewise in April (3 cases + 3 loose units)
    qb = transfer(L, "2026-03-05 09:30", "YK2026030500001", "quarantine", [("MOR", B, 4, "SP-1", "QA", units_b[16:20])])
    payment(L, "2026-03-20 10:00", "SK2026032000001", "incoming", HOSP2, OWNER, t2, [s2])
    qa = transfer(L, "2026-04-10 09:30", "YK2026041000001", "quarantine",
             [("MOR", A, 33, "SP-1", "QA", cases[2:5] + units_a[17:20])])
    # supervised destruction after expiry, every unit scanned (cases by their case codes)
    b_codes = units_b[16:20] if not missing_code else units_b[16:19]
    xh = destruction(L, "2026-07-16 09:30", "XH2026071600001",
                     "过期（批号M2407015有效期至2026-06-30，批号M2306017有效期至2026-05-31），经杭州市拱墅区市场监督管理局核准销毁",
                     "监督人员在场，交由杭州市危险废物集中处置中心高温焚烧",
                     [("MOR", A, 33, "QA", cases[2:5] + units_a[17:20]), ("MOR", B, 4, "QA", b_codes)],
                     SUPERVISORS)
    stock_count(L, "2026-07-31 17:00", "PD2026073100001", "SP-1", [("MOR", A, 0), ("MOR", B, 0)])
    stock_count(L, "2026-07-31 17:20", "PD2026073100002", "QA", [("MOR", A, 0), ("MOR", B, 0)])
    if not missing_code:
        return save(L, num, "morphine-expired-destroyed-under-supervision-cases-and-loose-units-all-scanned",
                    "%d LEGITIMATE: expired 盐酸吗啡注射液 of two batches locked in QA before expiry and destroyed under the supervision of two officials, every unit scanned: batch %s by 3 manufacturer case codes (aggregation) and 3 loose units of an opened case, batch %s by 4 unit codes" % (num, A, B),
                    ["note: batch %s arrives in 5 cases of 10 packed by aggregation (lines %d-%d) just before the receipt (line %d), which lists the 5 case codes; case 1 is shipped whole by its case code (line %d); case 2 is opened (line %d) and 7 of its units shipped; the other 33 units (cases 3-5 by case code, 3 loose units) are locked SP-1 -> QA (line %d) and destroyed (line %d)" % (A, agg[0], agg[-1], rec, d1, up, qa, xh),
                     "note: batch %s: 20 loose coded units, 16 shipped, 4 locked (line %d) and destroyed (line %d) with their 4 codes" % (B, qb, xh)],
                    ["why: CHANGELOG Unreleased: 'SPECIAL-CHAIN now holds a destruction and a customer_return of special-control units to one code per unit'; format.md MoveLine/OutLine codes: 'a case or middle-pack code packed by aggregation stands for its units' and 'for special-control products exactly one unit code per unit ... on a dispatch, supplier_return or destruction'",
                     "why: rules.md SPECIAL-CHAIN: 'Units destroyed or returned by a customer are in hand and are scanned too'; 'a unit leaves from the location where the ledger last put it' (QA); SPECIAL-DESTROY: 'records the regulator's supervisor(s) present' (two); QUARANTINE: QA may move 'to destruction'",
                     "why: rules.md TWO-INVOICE: 'Narcotics and class-1 psychotropics are left out'; SPECIAL-CHANNEL: bought from a national wholesaler, sold to seal-card holders in 浙江; EXPIRED concerns dispatches only (none after expiry)"],
                    [])
    return save(L, num, "morphine-destroyed-under-supervision-one-loose-unit-not-scanned",
                "%d VIOLATION: ledger 187 with one change: the destruction's line of batch %s (4 loose units) lists 3 codes; the line of batch %s (3 case codes and 3 loose units for 33 units) is complete" % (num, B, A),
                ["note: identical to 187 except line %d: batch %s quantity 4, codes %s (the 4th unit, %s, not scanned at the incinerator)" % (xh, B, ", ".join(b_codes), units_b[19]),
                 "note: the message should read like the rules.md example: '4 units of controlled %s batch %s moved but 3 traceability codes were scanned' (expected 4 codes, found 3); a different batch from the case line, so that the count is that line's whatever the engine's grouping" % (P["MOR"], B)],
                ["why: SPECIAL-CHAIN %d: CHANGELOG Unreleased: 'SPECIAL-CHAIN now holds a destruction ... to one code per unit (found by round 13: 40 psychotropic units destroyed with 39 codes were quiet)'; rules.md SPECIAL-CHAIN Points at: 'a ... destruction whose codes do not cover its quantity'" % xh],
                [("SPECIAL-CHAIN", xh)])


# ================================================================= 189
def l189(num):
    L = Ledger("r15-%d" % num)
    inv = Inv(40811000 + num * 1000)
    master(L, [MFR_PSY, HOSP1, HOSP2], ["KET"], day="2026-03-25")
    b, ex = "K2603152", "2028-03-14"
    k = codes("KET", 310001, 60)
    purchase(L, "2026-04-01 09:00", "CG2026040100001", MFR_PSY, [("KET", 60, "4.80")])
    receipt(L, "2026-04-03 10:00", "SH2026040300001", MFR_PSY, "CG2026040100001", "XE-FH20260402017", [("KET", b, "2026-03-15", ex, 60, k)])
    put_away(L, "2026-04-03 10:40", "RK2026040300001", "CG2026040100001", "SH2026040300001", [("KET", b, 60, "RCV", "SP-1", k)])
    pinv = inv(32)
    ptot = invoice(L, "2026-04-03 14:00", pinv, "purchase", MFR_PSY, OWNER, "2026-04-03", [("KET", 60, "4.80")], {"order": ["CG2026040100001"]})
    sale(L, "2026-04-08 09:00", "XS2026040800001", HOSP1, [("KET", b, ex, 20, "5.30")])
    review(L, "2026-04-08 09:40", "FH2026040800001", HOSP1, "XS2026040800001", [("KET", b, ex, 20)])
    dispatch(L, "2026-04-08 10:10", "PS2026040800001", HOSP1, "拱宸人民医院药剂科 麻精药品管理员 许静", "XS2026040800001", [("KET", b, 20, "SP-1", k[0:20])])
    s1 = inv(33)
    t1 = invoice(L, "2026-04-08 10:30", s1, "sale", OWNER, HOSP1, "2026-04-08", [("KET", 20, "5.30")], {"sale": ["XS2026040800001"]})
    ret = customer_return(L, "2026-04-11 14:00", "TH2026041100001", HOSP1, "XS2026040800001",
                          "麻醉科备用量调整，5支未开封退回，外包装及封签完好，逐支扫码", [("KET", b, 5, "RET", k[15:20])])
    rel = transfer(L, "2026-04-13 10:00", "FX2026041300001", "release", [("KET", b, 5, "RET", "SP-1", k[15:20])],
                   by=["质管-周敏", "验收-张丽"])
    cn = inv(33)
    ctot = invoice(L, "2026-04-14 15:00", cn, "sale", OWNER, HOSP1, "2026-04-14", [("KET", 5, "5.30")], {"sale": ["XS2026040800001"]}, credit_for=s1)
    payment(L, "2026-04-20 10:00", "FK2026042000001", "outgoing", OWNER, MFR_PSY, ptot, [pinv])
    sale(L, "2026-04-22 09:00", "XS2026042200002", HOSP2, [("KET", b, ex, 12, "5.30")])
    review(L, "2026-04-22 09:40", "FH2026042200002", HOSP2, "XS2026042200002", [("KET", b, ex, 12)])
    d2 = dispatch(L, "2026-04-22 10:10", "PS2026042200002", HOSP2, "萧山区第二人民医院药剂科 麻精药品管理员 方敏", "XS2026042200002",
                  [("KET", b, 12, "SP-1", k[15:20] + k[20:27])])
    s2 = inv(33)
    t2 = invoice(L, "2026-04-22 10:30", s2, "sale", OWNER, HOSP2, "2026-04-22", [("KET", 12, "5.30")], {"sale": ["XS2026042200002"]})
    payment(L, "2026-05-20 10:00", "SK2026052000001", "incoming", HOSP1, OWNER, t1 - ctot, [s1])
    payment(L, "2026-06-05 10:00", "SK2026060500001", "incoming", HOSP2, OWNER, t2, [s2])
    stock_count(L, "2026-07-31 17:00", "PD2026073100001", "SP-1", [("KET", b, 33)])
    return save(L, num, "ketamine-returned-by-hospital-with-codes-released-and-resold",
                "%d LEGITIMATE: 盐酸氯胺酮注射液 (class-1 psychotropic): 20 units shipped to 拱宸人民医院, 5 returned unopened with their 5 codes (line %d), re-inspected and released RET -> SP-1 (line %d), resold with 7 others to 萧山区第二人民医院 (line %d); red-letter invoice for the 5, the hospital pays the net" % (num, ret, rel, d2),
                ["note: codes %s..%s; the returned units are the 16th-20th shipped (%s..%s) and lead the resale's code list" % (k[0], k[59], k[15], k[19]),
                 "note: TTGK-S: the return makes 5 units invoiced beyond the dispatched net; the credit note 3 days later corrects it within correction_days (14); the payment is the net 79.50 CNY"],
                ["why: rules.md SPECIAL-CHAIN: 'Units destroyed or returned by a customer are in hand and are scanned too' (5 units, 5 codes); 'a unit leaves from the location where the ledger last put it' (RET, then SP-1); CODE-DUP 'dispatched after it had already left' does not apply to a unit that came back by customer_return (architecture.md: 'Receipts and customer returns bring codes in')",
                 "why: rules.md RETURN-ORIG: 'reference an earlier sale to the same customer of the same product and batch, and cumulative returns must not exceed what was dispatched' (5 <= 20); QUARANTINE: RET -> storage 'by an explicit release after re-inspection' (transfer reason release)",
                 "why: rules.md TWO-INVOICE leaves class-1 psychotropics out; SPECIAL-CHANNEL: bought from a designated manufacturer, sold to seal-card holders in the seller's province"],
                [])


# ================================================================= 190
def l190(num):
    L = Ledger("r15-%d" % num)
    inv = Inv(50422000 + num * 1000)
    master(L, [NATWH, HOSP1], ["MOR"], day="2026-02-24")
    b, ex = "M2601088", "2029-01-07"
    r = codes("MOR", 260001, 40)
    purchase(L, "2026-03-02 09:00", "CG2026030200001", NATWH, [("MOR", 40, "3.12")])
    receipt(L, "2026-03-04 10:00", "SH2026030400001", NATWH, "CG2026030200001", "HYBJ-PS2026030300412", [("MOR", b, "2026-01-08", ex, 40, r)])
    put_away(L, "2026-03-04 10:40", "RK2026030400001", "CG2026030200001", "SH2026030400001", [("MOR", b, 40, "RCV", "SP-1", r)])
    pinv = inv(11)
    ptot = invoice(L, "2026-03-04 14:00", pinv, "purchase", NATWH, OWNER, "2026-03-04", [("MOR", 40, "3.12")], {"order": ["CG2026030200001"]})
    sale(L, "2026-03-09 09:00", "XS2026030900001", HOSP1, [("MOR", b, ex, 10, "3.45")])
    review(L, "2026-03-09 09:40", "FH2026030900001", HOSP1, "XS2026030900001", [("MOR", b, ex, 10)])
    d1 = dispatch(L, "2026-03-09 10:10", "PS2026030900001", HOSP1, "拱宸人民医院药剂科 麻精药品管理员 许静", "XS2026030900001", [("MOR", b, 10, "SP-1", r[0:10])])
    s1 = inv(33)
    t1 = invoice(L, "2026-03-09 10:30", s1, "sale", OWNER, HOSP1, "2026-03-09", [("MOR", 10, "3.45")], {"sale": ["XS2026030900001"]})
    payment(L, "2026-03-20 10:00", "FK2026032000001", "outgoing", OWNER, NATWH, ptot, [pinv])
    payment(L, "2026-04-10 10:00", "SK2026041000001", "incoming", HOSP1, OWNER, t1, [s1])
    q = transfer(L, "2026-04-20 09:00", "YK2026042000001", "quarantine", [("MOR", b, 30, "SP-1", "QA", r[10:40])])
    ret = customer_return(L, "2026-04-21 14:00", "TH2026042100001", HOSP1, "XS2026030900001",
                          "生产企业召回（批号M2601088），医院退回未使用4支", [("MOR", b, 4, "RET", [])])
    sr = supplier_return(L, "2026-04-23 10:00", "TC2026042300001", NATWH, "CG2026030200001", "生产企业召回（批号M2601088）",
                         [("MOR", b, 30, "QA", r[10:40]), ("MOR", b, 4, "RET", r[6:10])])
    cn = inv(33)
    ctot = invoice(L, "2026-04-24 15:00", cn, "sale", OWNER, HOSP1, "2026-04-24", [("MOR", 4, "3.45")], {"sale": ["XS2026030900001"]}, credit_for=s1)
    pcn = inv(11)
    pctot = invoice(L, "2026-04-27 11:00", pcn, "purchase", NATWH, OWNER, "2026-04-27", [("MOR", 34, "3.12")], {"order": ["CG2026030200001"]}, credit_for=pinv)
    payment(L, "2026-04-28 10:00", "FK2026042800001", "outgoing", OWNER, HOSP1, ctot, [cn])
    payment(L, "2026-05-06 10:00", "SK2026050600001", "incoming", NATWH, OWNER, pctot, [pcn])
    stock_count(L, "2026-07-31 17:00", "PD2026073100001", "SP-1", [("MOR", b, 0)])
    stock_count(L, "2026-07-31 17:20", "PD2026073100002", "QA", [("MOR", b, 0)])
    stock_count(L, "2026-07-31 17:40", "PD2026073100003", "RET", [("MOR", b, 0)])
    return save(L, num, "morphine-recall-hospital-return-without-codes-then-returned-to-supplier-with-codes",
                "%d VIOLATION: a recall of 盐酸吗啡注射液 batch %s (round 13's p5, after the change): the hospital's return of 4 units is booked without codes (line %d); the supplier return then lists those 4 codes from RET (line %d)" % (num, b, ret, sr),
                ["note: units %s..%s shipped to 拱宸 (line %d); the 4 returned are %s..%s; the 30 in stock are locked SP-1 -> QA (line %d); the supplier return takes 30 from QA and 4 from RET with their codes; credit notes and refunds both ways" % (r[0], r[9], d1, r[6], r[9], q),
                 "note: expectation at line %d follows the docs' letter: the 4 codes left on line %d and never came back on the ledger's chain, so moving them is CODE-DUP; the CHANGELOG says round 13 saw exactly this CODE-DUP 'on the lawful supplier return' and added the check at the return, but does not say the later CODE-DUP goes away; if the engine now stays quiet at line %d, that is a doc gap (b), not a tool error" % (sr, d1, sr),
                 "note: CODE-DUP's message should name the first code concerned, %s (CHANGELOG: 'CODE-DUP and CODE-UNKNOWN name the first unit code concerned (the line's code ...)'), and count 4 codes" % r[6]],
                ["why: SPECIAL-CHAIN %d: rules.md SPECIAL-CHAIN Points at 'a receipt, customer_return, ... whose codes do not cover its quantity' (4 units, 0 codes); CHANGELOG: 'a hospital's return of morphine without codes was quiet, and surfaced later as a CODE-DUP on the lawful supplier return'" % ret,
                 "why: CODE-DUP %d: rules.md CODE-DUP Points at 'a ... supplier_return ... moving a unit that had left'; not SPECIAL-CHAIN there: each line has one code per unit and the codes are not 'at another location' (they had left)" % sr],
                [("SPECIAL-CHAIN", ret), ("CODE-DUP", sr)])


# ================================================================= 191
def l191(num):
    L = Ledger("r15-%d" % num)
    inv = Inv(60505000 + num * 1000)
    master(L, [MFR_PSY, HOSP1, HOSP2], ["DZP"], day="2026-04-28")
    b, ex = "D2604221", "2029-04-21"
    d = codes("DZP", 410001, 100)
    purchase(L, "2026-05-06 09:00", "CG2026050600001", MFR_PSY, [("DZP", 100, "2.35")])
    receipt(L, "2026-05-08 10:00", "SH2026050800001", MFR_PSY, "CG2026050600001", "XE-FH20260507033", [("DZP", b, "2026-04-22", ex, 100, d)])
    put_away(L, "2026-05-08 10:40", "RK2026050800001", "CG2026050600001", "SH2026050800001", [("DZP", b, 100, "RCV", "SP-1", d)])
    pinv = inv(32)
    ptot = invoice(L, "2026-05-08 14:00", pinv, "purchase", MFR_PSY, OWNER, "2026-05-08", [("DZP", 100, "2.35")], {"order": ["CG2026050600001"]})
    sale(L, "2026-05-12 09:00", "XS2026051200001", HOSP1, [("DZP", b, ex, 30, "2.68")])
    review(L, "2026-05-12 09:40", "FH2026051200001", HOSP1, "XS2026051200001", [("DZP", b, ex, 30)])
    dispatch(L, "2026-05-12 10:10", "PS2026051200001", HOSP1, "拱宸人民医院药剂科 麻精药品管理员 许静", "XS2026051200001", [("DZP", b, 30, "SP-1", d[0:30])])
    s1 = inv(33)
    t1 = invoice(L, "2026-05-12 10:30", s1, "sale", OWNER, HOSP1, "2026-05-12", [("DZP", 30, "2.68")], {"sale": ["XS2026051200001"]})
    payment(L, "2026-05-25 10:00", "FK2026052500001", "outgoing", OWNER, MFR_PSY, ptot, [pinv])
    theft = loss_report(L, "2026-06-02 13:30", "BD2026060200001", "theft", "2026-06-02 08:10",
                        [("DZP", b, 10, "SP-1", [])], POLICE_ETC)
    c1 = stock_count(L, "2026-06-02 17:00", "PD2026060200001", "SP-1", [("DZP", b, 60)])
    loss = loss_report(L, "2026-06-15 15:00", "BD2026061500002", "loss", "2026-06-15 09:30",
                       [("DZP", b, 2, "SP-1", [d[44]])], POLICE_ETC)
    payment(L, "2026-06-15 16:00", "SK2026061500001", "incoming", HOSP1, OWNER, t1, [s1])
    sale(L, "2026-06-18 09:00", "XS2026061800002", HOSP2, [("DZP", b, ex, 40, "2.68")])
    review(L, "2026-06-18 09:40", "FH2026061800002", HOSP2, "XS2026061800002", [("DZP", b, ex, 40)])
    d2 = dispatch(L, "2026-06-18 10:10", "PS2026061800002", HOSP2, "萧山区第二人民医院药剂科 麻精药品管理员 方敏", "XS2026061800002",
                  [("DZP", b, 40, "SP-1", d[30:44] + d[45:71])])
    s2 = inv(33)
    t2 = invoice(L, "2026-06-18 10:30", s2, "sale", OWNER, HOSP2, "2026-06-18", [("DZP", 40, "2.68")], {"sale": ["XS2026061800002"]})
    payment(L, "2026-07-30 10:00", "SK2026073000001", "incoming", HOSP2, OWNER, t2, [s2])
    stock_count(L, "2026-08-31 17:00", "PD2026083100001", "SP-1", [("DZP", b, 18)])
    return save(L, num, "diazepam-theft-reported-to-police-without-codes-and-a-loss-naming-one-of-two-codes",
                "%d LEGITIMATE: 地西泮片 (class-2 psychotropic): 10 boxes stolen from the special store in a night break-in, reported 5 h 20 min after discovery to the police, the market regulator and the health bureau without codes (line %d: which units were taken cannot be told at once); 2 boxes lost at picking, reported with the one code that can be named (line %d); the rest sold with their codes" % (num, theft, loss),
                ["note: codes %s..%s; in fact the stolen boxes are the 91st-100th codes and the lost ones the 45th (named) and the 90th (not named); the sale of 18 Jun (line %d) ships the 31st-44th and 46th-71st; 18 remain (the 72nd-89th), counted on 31 Aug" % (d[0], d[99], d2),
                 "note: the count of 2 Jun (line %d) after the theft agrees with the books (100 - 30 - 10 = 60)" % c1],
                ["why: CHANGELOG Unreleased: 'A loss_report is not [held to one code per unit]: units lost or stolen may not be identified when the loss must be reported; it lists the codes it can'; rules.md SPECIAL-CHAIN: 'units lost or stolen cannot be, so a loss_report lists the codes it can name and is not held to its quantity'; format.md OutLine codes: 'a loss_report lists the codes of the units it can name'",
                 "why: rules.md SPECIAL-LOSS: 'reported to the police, drug and health authorities within the threshold after discovery' (24 h; 5 h 20 min and 5 h 30 min); the named code was at SP-1, the location the report moves from ('a unit leaves from the location where the ledger last put it')",
                 "why: rules.md TWO-INVOICE: 地西泮片 (class-2) is not left out, but it was bought from its manufacturer: two invoices; STOCK-COUNT: books 60 and 18 equal the counts"],
                [])


# ================================================================= 192
def l192(num):
    L = Ledger("r15-%d" % num)
    inv = Inv(70516000 + num * 1000)
    master(L, [MFR_CHEM, MFR_EPH, CHAIN, HOSP1], ["AMX", "PSE"], day="2026-05-04")
    ab, aex = "NK2603101", "2028-03-09"
    pb, pex = "TL2604056", "2028-04-04"
    purchase(L, "2026-05-11 09:00", "CG2026051100001", MFR_CHEM, [("AMX", 1000, "8.60")])
    purchase(L, "2026-05-11 09:30", "CG2026051100002", MFR_EPH, [("PSE", 600, "6.20")])
    receipt(L, "2026-05-12 10:00", "SH2026051200001", MFR_CHEM, "CG2026051100001", "NK-PS2026051100921", [("AMX", ab, "2026-03-10", aex, 1000, None)], acceptors=["验收-张丽"])
    put_away(L, "2026-05-12 10:40", "RK2026051200001", "CG2026051100001", "SH2026051200001", [("AMX", ab, 1000, "RCV", "WH-A", None)], by=["保管-赵磊"])
    ai = inv(33)
    atot = invoice(L, "2026-05-12 11:00", ai, "purchase", MFR_CHEM, OWNER, "2026-05-12", [("AMX", 1000, "8.60")], {"order": ["CG2026051100001"]})
    prc = receipt(L, "2026-05-12 14:00", "SH2026051200002", MFR_EPH, "CG2026051100002", "TL-FH2026051100057", [("PSE", pb, "2026-04-05", pex, 600, None)])
    put_away(L, "2026-05-12 14:40", "RK2026051200002", "CG2026051100002", "SH2026051200002", [("PSE", pb, 600, "RCV", "WH-A", None)])
    pi = inv(33)
    ptot = invoice(L, "2026-05-12 15:00", pi, "purchase", MFR_EPH, OWNER, "2026-05-12", [("PSE", 600, "6.20")], {"order": ["CG2026051100002"]})
    sale(L, "2026-05-18 09:00", "XS2026051800001", CHAIN, [("PSE", pb, pex, 200, "7.10")])
    review(L, "2026-05-18 09:40", "FH2026051800001", CHAIN, "XS2026051800001", [("PSE", pb, pex, 200)])
    pd = dispatch(L, "2026-05-18 10:10", "PS2026051800001", CHAIN, "民康大药房连锁配送中心 收货员 唐丽", "XS2026051800001", [("PSE", pb, 200, "WH-A", None)])
    si = inv(33)
    stot = invoice(L, "2026-05-18 10:30", si, "sale", OWNER, CHAIN, "2026-05-18", [("PSE", 200, "7.10")], {"sale": ["XS2026051800001"]})
    sale(L, "2026-05-18 13:00", "XS2026051800002", HOSP1, [("AMX", ab, aex, 300, "9.50")])
    review(L, "2026-05-18 13:40", "FH2026051800002", HOSP1, "XS2026051800002", [("AMX", ab, aex, 300)], reviewers=["复核-李娜"])
    dispatch(L, "2026-05-18 14:10", "PS2026051800002", HOSP1, "拱宸人民医院药库 收货员 蒋涛", "XS2026051800002", [("AMX", ab, 300, "WH-A", None)], by=["保管-赵磊"])
    hi = inv(33)
    htot = invoice(L, "2026-05-18 14:30", hi, "sale", OWNER, HOSP1, "2026-05-18", [("AMX", 300, "9.50")], {"sale": ["XS2026051800002"]})
    cr = customer_return(L, "2026-05-22 14:00", "TH2026052200001", CHAIN, "XS2026051800001", "外包装破损（运输挤压），20盒退回", [("PSE", pb, 20, "RET", None)])
    cn = inv(33)
    ctot = invoice(L, "2026-05-25 15:00", cn, "sale", OWNER, CHAIN, "2026-05-25", [("PSE", 20, "7.10")], {"sale": ["XS2026051800001"]}, credit_for=si)
    sr = supplier_return(L, "2026-05-26 10:00", "TC2026052600001", MFR_EPH, "CG2026051100002", "外包装破损，退回生产企业", [("PSE", pb, 20, "RET", None)])
    pcn = inv(33)
    pctot = invoice(L, "2026-05-29 11:00", pcn, "purchase", MFR_EPH, OWNER, "2026-05-29", [("PSE", 20, "6.20")], {"order": ["CG2026051100002"]}, credit_for=pi)
    q = transfer(L, "2026-06-08 09:30", "YK2026060800001", "quarantine", [("AMX", ab, 24, "WH-A", "QA", None)], by=["保管-赵磊"])
    payment(L, "2026-06-10 10:00", "FK2026061000001", "outgoing", OWNER, MFR_CHEM, atot, [ai])
    payment(L, "2026-06-10 10:10", "FK2026061000002", "outgoing", OWNER, MFR_EPH, ptot - pctot, [pi])
    xh = destruction(L, "2026-06-12 10:00", "XH2026061200001", "库房漏水浸湿，外包装及标签污损，不合格药品报损销毁",
                     "交由杭州市固体废物处置有限公司焚烧处置", [("AMX", ab, 24, "QA", None)], [], by=["保管-赵磊", "质管-周敏"])
    payment(L, "2026-06-20 10:00", "SK2026062000001", "incoming", CHAIN, OWNER, stot - ctot, [si])
    payment(L, "2026-06-30 10:00", "SK2026063000001", "incoming", HOSP1, OWNER, htot, [hi])
    stock_count(L, "2026-07-31 17:00", "PD2026073100001", "WH-A", [("AMX", ab, 676), ("PSE", pb, 400)])
    stock_count(L, "2026-07-31 17:20", "PD2026073100002", "QA", [("AMX", ab, 0)])
    stock_count(L, "2026-07-31 17:40", "PD2026073100003", "RET", [("PSE", pb, 0)])
    return save(L, num, "ordinary-drug-destroyed-without-codes-compound-ephedrine-moved-and-returned-without-codes",
                "%d LEGITIMATE: 24 boxes of 阿莫西林胶囊 (control none) soaked by a roof leak, quarantined and destroyed without codes or supervisors (line %d); 复方盐酸伪麻黄碱缓释胶囊 (compound_ephedrine) received (line %d), stored, sold wholesale to a pharmacy chain and delivered to its licensed address (line %d), 20 boxes returned by the chain (line %d) and returned to the manufacturer (line %d), all without codes" % (num, xh, prc, pd, cr, sr),
                ["note: receipts and reviews of the compound ephedrine are signed by two people anyway (company practice; the docs do not say whether SPECIAL-2P covers compound_ephedrine); 阿莫西林's by one",
                 "note: the chain pays the net after the red-letter invoice; we pay 天姥 the net after its red-letter invoice; all by bank transfer"],
                ["why: format.md MoveLine/OutLine codes: 'for special-control products exactly one unit code per unit (SPECIAL-CHAIN: control narcotic, psychotropic1, psychotropic2, medical_toxic, radioactive or precursor; not compound_ephedrine, whose sales are watched by other rules)'; rules.md SPECIAL-CHAIN reads product_registered.control",
                 "why: rules.md SPECIAL-DESTROY: 'Destruction of special-control drugs records the regulator's supervisor(s) present' (阿莫西林 is not one); QUARANTINE: QA may move 'to destruction'; RET 'back to the supplier'",
                 "why: rules.md EPH-RETAIL: wholesale 'is not paid in cash and is delivered only to the buyer's licensed address' (dispatch address = party address; bank transfer); TWO-INVOICE: 阿莫西林 sold to the public hospital was bought from its manufacturer"],
                [])


# ================================================================= 193
def l193(num):
    L = Ledger("r15-%d" % num)
    inv = Inv(80309000 + num * 1000)
    master(L, [MFR_NARC, HOSP1, HOSP2, HOSP3], ["FEN"], zones=("WH-A", "SP-1", "SP-2"), day="2026-03-02")
    b, ex = "F2602183", "2028-02-17"
    u = codes("FEN", 510001, 60)
    cs = [case_code("FEN", i) for i in range(11, 17)]
    purchase(L, "2026-03-09 09:00", "CG2026030900001", MFR_NARC, [("FEN", 60, "6.40")])
    for i in range(6):
        aggregation(L, "2026-03-11 09:5%d" % (i + 2), "BZ202603110000%d" % (i + 1), "pack", cs[i], u[10 * i:10 * i + 10])
    receipt(L, "2026-03-11 10:00", "SH2026031100001", MFR_NARC, "CG2026030900001", "YK-FH2026031000316", [("FEN", b, "2026-02-18", ex, 60, cs)])
    put_away(L, "2026-03-11 10:40", "RK2026031100001", "CG2026030900001", "SH2026031100001", [("FEN", b, 60, "RCV", "SP-1", cs)])
    pinv = inv(42)
    ptot = invoice(L, "2026-03-11 14:00", pinv, "purchase", MFR_NARC, OWNER, "2026-03-11", [("FEN", 60, "6.40")], {"order": ["CG2026030900001"]})
    sale(L, "2026-03-16 09:00", "XS2026031600001", HOSP1, [("FEN", b, ex, 10, "7.05")])
    aggregation(L, "2026-03-16 09:20", "BZ2026031600001", "unpack", cs[0], u[0:10])
    review(L, "2026-03-16 09:40", "FH2026031600001", HOSP1, "XS2026031600001", [("FEN", b, ex, 10)])
    dispatch(L, "2026-03-16 10:10", "PS2026031600001", HOSP1, "拱宸人民医院药剂科 麻精药品管理员 许静", "XS2026031600001", [("FEN", b, 10, "SP-1", u[0:10])])
    s1 = inv(33)
    t1 = invoice(L, "2026-03-16 10:30", s1, "sale", OWNER, HOSP1, "2026-03-16", [("FEN", 10, "7.05")], {"sale": ["XS2026031600001"]})
    aggregation(L, "2026-03-20 08:50", "BZ2026032000001", "unpack", cs[1], u[10:20])
    q = transfer(L, "2026-03-20 09:00", "YK2026032000001", "quarantine", [("FEN", b, 12, "SP-1", "QA", [cs[5], u[11], u[12]])])
    payment(L, "2026-03-30 10:00", "FK2026033000001", "outgoing", OWNER, MFR_NARC, ptot, [pinv])
    xh = destruction(L, "2026-04-15 10:00", "XH2026041500001", "安瓿破裂2支、整箱水渍污染10支，不合格麻醉药品经杭州市拱墅区市场监督管理局核准销毁",
                     "监督人员在场，交由杭州市危险废物集中处置中心高温焚烧", [("FEN", b, 12, "QA", [cs[5], u[11], u[12]])], SUPERVISORS)
    payment(L, "2026-04-20 10:00", "SK2026042000001", "incoming", HOSP1, OWNER, t1, [s1])
    sale(L, "2026-04-22 09:00", "XS2026042200002", HOSP2, [("FEN", b, ex, 8, "7.05")])
    review(L, "2026-04-22 09:40", "FH2026042200002", HOSP2, "XS2026042200002", [("FEN", b, ex, 8)])
    d2codes = [u[10]] + u[13:19] + [u[12]]
    d2 = dispatch(L, "2026-04-22 10:10", "PS2026042200002", HOSP2, "萧山区第二人民医院药剂科 麻精药品管理员 方敏", "XS2026042200002", [("FEN", b, 8, "SP-1", d2codes)])
    s2 = inv(33)
    t2 = invoice(L, "2026-04-22 10:30", s2, "sale", OWNER, HOSP2, "2026-04-22", [("FEN", 8, "7.05")], {"sale": ["XS2026042200002"]})
    sale(L, "2026-05-06 09:00", "XS2026050600003", HOSP3, [("FEN", b, ex, 5, "7.05")])
    aggregation(L, "2026-05-06 09:20", "BZ2026050600001", "unpack", cs[2], u[20:30])
    review(L, "2026-05-06 09:40", "FH2026050600003", HOSP3, "XS2026050600003", [("FEN", b, ex, 5)])
    d3codes = [u[20], u[55], u[21], u[22], u[23]]
    d3 = dispatch(L, "2026-05-06 10:10", "PS2026050600003", HOSP3, "康复医院药剂科 麻精药品管理员 郑薇", "XS2026050600003", [("FEN", b, 5, "SP-1", d3codes)])
    s3 = inv(33)
    t3 = invoice(L, "2026-05-06 10:30", s3, "sale", OWNER, HOSP3, "2026-05-06", [("FEN", 5, "7.05")], {"sale": ["XS2026050600003"]})
    tr = transfer(L, "2026-05-20 09:30", "YK2026052000001", "relocation", [("FEN", b, 20, "SP-1", "SP-2", [cs[3], cs[5]])])
    payment(L, "2026-05-28 10:00", "SK2026052800001", "incoming", HOSP2, OWNER, t2, [s2])
    payment(L, "2026-06-15 10:00", "SK2026061500001", "incoming", HOSP3, OWNER, t3, [s3])
    stock_count(L, "2026-07-31 17:00", "PD2026073100001", "SP-1", [("FEN", b, 5)])
    stock_count(L, "2026-07-31 17:20", "PD2026073100002", "SP-2", [("FEN", b, 20)])
    return save(L, num, "fentanyl-codes-of-destroyed-units-and-of-a-destroyed-case-moved-again",
                "%d VIOLATION: 枸橼酸芬太尼注射液 received in 6 cases of 10 (aggregation); 2 cracked ampoules of case 2 and the whole water-damaged case 6 destroyed under supervision with their codes (line %d, quiet); afterwards a destroyed ampoule's code is scanned again as the last code of a dispatch (line %d), a unit code of the destroyed case 6 as the second code of another dispatch (line %d), and the destroyed case 6's own code on a relocation SP-1 -> SP-2 (line %d)" % (num, xh, d2, d3, tr),
                ["note: case codes %s (case 1) .. %s (case 6); unit codes %s..%s, case i holding the (10i-9)th-(10i)th; cracked: %s, %s (case 2); case 6 holds %s..%s" % (cs[0], cs[5], u[0], u[59], u[11], u[12], u[50], u[59]),
                 "note: line %d lists %s (destroyed) after 7 good codes of case 2 (the unit really shipped, %s, was not scanned); line %d lists %s (in the destroyed case 6) second, among 4 codes of case 3 (really shipped: %s); line %d lists case codes %s (case 4) and %s (case 6, destroyed; the case really moved was case 5, %s); quantities balance everywhere" % (d2, u[12], u[19], d3, u[55], u[24], tr, cs[3], cs[5], cs[4]),
                 "note: messages (CHANGELOG: 'CODE-DUP ... name the first unit code concerned (the line's code, or the pack it moved in)'): line %d e.g. \"%s\" (1 code; not the line's first code %s), line %d e.g. \"%s\", line %d e.g. \"%s\" (the pack listed; my guess is that it counts the case's 10 unit codes)" % (d2, u[12], u[10], d3, u[55], tr, cs[5]),
                 "note: the destruction itself (line %d) is quiet: 12 units, codes [case 6, two ampoules] cover them (format.md: 'a case or middle-pack code packed by aggregation stands for its units')" % xh],
                ["why: CODE-DUP %d, %d: rules.md CODE-DUP: 'One unit code ... dispatched after it had already left'; Points at 'the record moving the unit again: ... a dispatch ... moving a unit that had left'; architecture.md: a unit 'left its holder (dispatched, returned to the supplier, destroyed or lost)'" % (d2, d3),
                 "why: CODE-DUP %d: rules.md CODE-DUP Points at '... a transfer ... moving a unit that had left'; format.md aggregation: 'a movement line that lists the parent code moves all of its children'; no SPECIAL-CHAIN anywhere: every line carries codes for all its units and none is 'at another location'" % tr],
                [("CODE-DUP", d2), ("CODE-DUP", d3), ("CODE-DUP", tr)])


# ================================================================= 194
def l194(num):
    L = Ledger("r15-%d" % num)
    inv = Inv(90202000 + num * 1000)
    master(L, [NATWH, HOSP1, HOSP2], ["PET"], day="2026-01-26")
    b, ex = "P2512094", "2028-12-08"
    p = codes("PET", 120001, 40)
    foreign = trace_code(PROD["PET"]["prefix"], "%09d" % 120731)
    purchase(L, "2026-02-02 09:00", "CG2026020200001", NATWH, [("PET", 40, "4.15")])
    receipt(L, "2026-02-04 10:00", "SH2026020400001", NATWH, "CG2026020200001", "HYBJ-PS2026020300127", [("PET", b, "2025-12-09", ex, 40, p)])
    put_away(L, "2026-02-04 10:40", "RK2026020400001", "CG2026020200001", "SH2026020400001", [("PET", b, 40, "RCV", "SP-1", p)])
    pinv = inv(11)
    ptot = invoice(L, "2026-02-04 14:00", pinv, "purchase", NATWH, OWNER, "2026-02-04", [("PET", 40, "4.15")], {"order": ["CG2026020200001"]})
    sale(L, "2026-02-09 09:00", "XS2026020900001", HOSP1, [("PET", b, ex, 10, "4.60")])
    review(L, "2026-02-09 09:40", "FH2026020900001", HOSP1, "XS2026020900001", [("PET", b, ex, 10)])
    dispatch(L, "2026-02-09 10:10", "PS2026020900001", HOSP1, "拱宸人民医院药剂科 麻精药品管理员 许静", "XS2026020900001", [("PET", b, 10, "SP-1", p[0:10])])
    s1 = inv(33)
    t1 = invoice(L, "2026-02-09 10:30", s1, "sale", OWNER, HOSP1, "2026-02-09", [("PET", 10, "4.60")], {"sale": ["XS2026020900001"]})
    ra = customer_return(L, "2026-02-16 14:00", "TH2026021600001", HOSP1, "XS2026020900001", "手术取消，2支未开封退回",
                         [("PET", b, 2, "RET", [p[2], foreign])])
    cn1 = inv(33)
    c1 = invoice(L, "2026-02-18 15:00", cn1, "sale", OWNER, HOSP1, "2026-02-18", [("PET", 2, "4.60")], {"sale": ["XS2026020900001"]}, credit_for=s1)
    payment(L, "2026-02-20 10:00", "FK2026022000001", "outgoing", OWNER, NATWH, ptot, [pinv])
    sale(L, "2026-02-24 09:00", "XS2026022400002", HOSP2, [("PET", b, ex, 10, "4.60")])
    review(L, "2026-02-24 09:40", "FH2026022400002", HOSP2, "XS2026022400002", [("PET", b, ex, 10)])
    dispatch(L, "2026-02-24 10:10", "PS2026022400002", HOSP2, "萧山区第二人民医院药剂科 麻精药品管理员 方敏", "XS2026022400002", [("PET", b, 10, "SP-1", p[10:20])])
    s2 = inv(33)
    t2 = invoice(L, "2026-02-24 10:30", s2, "sale", OWNER, HOSP2, "2026-02-24", [("PET", 10, "4.60")], {"sale": ["XS2026022400002"]})
    rb = customer_return(L, "2026-03-03 14:00", "TH2026030300002", HOSP2, "XS2026022400002", "科室备用基数调整，1支未开封退回",
                         [("PET", b, 1, "RET", [p[24]])])
    cn2 = inv(33)
    c2 = invoice(L, "2026-03-05 15:00", cn2, "sale", OWNER, HOSP2, "2026-03-05", [("PET", 1, "4.60")], {"sale": ["XS2026022400002"]}, credit_for=s2)
    payment(L, "2026-03-20 10:00", "SK2026032000001", "incoming", HOSP1, OWNER, t1 - c1, [s1])
    payment(L, "2026-04-10 10:00", "SK2026041000001", "incoming", HOSP2, OWNER, t2 - c2, [s2])
    stock_count(L, "2026-05-15 17:00", "PD2026051500001", "SP-1", [("PET", b, 20)])
    stock_count(L, "2026-05-15 17:20", "PD2026051500002", "RET", [("PET", b, 3)])
    return save(L, num, "pethidine-returns-naming-a-code-never-received-and-a-code-still-in-stock",
                "%d VIOLATION: 盐酸哌替啶注射液: 拱宸人民医院 returns 2 unopened units, the second code of the return (%s) never received by this ledger (line %d); 萧山区第二人民医院 returns 1 unit under a code still in our special store (%s, mistyped for %s; line %d); the returned units wait in RET for investigation" % (num, foreign, ra, p[24], p[14], rb),
                ["note: codes %s..%s; 拱宸 got the 1st-10th, 萧山二院 the 11th-20th; return A lists [%s (shipped to 拱宸), %s (same batch, distributed by another regional wholesaler; never received here)]" % (p[0], p[39], p[2], foreign),
                 "note: messages (CHANGELOG: 'CODE-DUP and CODE-UNKNOWN name the first unit code concerned'): line %d names %s (the second code of its line, the only one concerned), line %d names %s" % (ra, foreign, rb, p[24]),
                 "note: credit notes for the goods that physically came back, within 2 days; the hospitals pay the net; RETURN-ORIG is satisfied (same customer, product and batch; 2 <= 10, 1 <= 10)"],
                ["why: CODE-UNKNOWN %d: rules.md CODE-UNKNOWN: 'A unit code moved, shipped or returned that this ledger never received'; Points at 'a customer_return of units this ledger never had'; format.md InLine codes: 'each must have been shipped from this ledger (CODE-UNKNOWN)'" % ra,
                 "why: CODE-DUP %d: rules.md CODE-DUP: 'One unit code received while already in stock'; Points at 'a receipt or customer_return bringing in a unit already in stock'; not SPECIAL-CHAIN: one code per unit on both returns" % rb],
                [("CODE-UNKNOWN", ra), ("CODE-DUP", rb)])


# ================================================================= 195
def l195(num):
    L = Ledger("r15-%d" % num)
    inv = Inv(10407000 + num * 1000)
    master(L, [MFR_PSY, HOSP1], ["MDZ"], day="2026-03-30")
    b, ex = "Z2603117", "2028-03-10"
    z = codes("MDZ", 430001, 50)
    purchase(L, "2026-04-07 09:00", "CG2026040700001", MFR_PSY, [("MDZ", 50, "3.90")])
    receipt(L, "2026-04-09 10:00", "SH2026040900001", MFR_PSY, "CG2026040700001", "XE-FH20260408051", [("MDZ", b, "2026-03-11", ex, 50, z)])
    put_away(L, "2026-04-09 10:40", "RK2026040900001", "CG2026040700001", "SH2026040900001", [("MDZ", b, 50, "RCV", "SP-1", z)])
    pinv = inv(32)
    ptot = invoice(L, "2026-04-09 14:00", pinv, "purchase", MFR_PSY, OWNER, "2026-04-09", [("MDZ", 50, "3.90")], {"order": ["CG2026040700001"]})
    sale(L, "2026-04-14 09:00", "XS2026041400001", HOSP1, [("MDZ", b, ex, 20, "4.35")])
    review(L, "2026-04-14 09:40", "FH2026041400001", HOSP1, "XS2026041400001", [("MDZ", b, ex, 20)])
    dispatch(L, "2026-04-14 10:10", "PS2026041400001", HOSP1, "拱宸人民医院药剂科 麻精药品管理员 许静", "XS2026041400001", [("MDZ", b, 20, "SP-1", z[0:20])])
    s1 = inv(33)
    t1 = invoice(L, "2026-04-14 10:30", s1, "sale", OWNER, HOSP1, "2026-04-14", [("MDZ", 20, "4.35")], {"sale": ["XS2026041400001"]})
    q = transfer(L, "2026-04-20 09:30", "YK2026042000001", "quarantine", [("MDZ", b, 5, "SP-1", "QA", z[45:50])])
    payment(L, "2026-04-28 10:00", "FK2026042800001", "outgoing", OWNER, MFR_PSY, ptot, [pinv])
    lr = loss_report(L, "2026-05-06 15:00", "BD2026050600001", "theft", "2026-05-06 08:30",
                     [("MDZ", b, 3, "SP-1", [z[32], z[47]])], POLICE_ETC)
    payment(L, "2026-05-20 10:00", "SK2026052000001", "incoming", HOSP1, OWNER, t1, [s1])
    stock_count(L, "2026-06-30 17:00", "PD2026063000001", "SP-1", [("MDZ", b, 22)])
    stock_count(L, "2026-06-30 17:20", "PD2026063000002", "QA", [("MDZ", b, 5)])
    return save(L, num, "midazolam-theft-report-naming-a-code-locked-in-quarantine",
                "%d VIOLATION: 咪达唑仑注射液 (class-2 psychotropic): a theft of 3 units from the special store SP-1, reported in time (6 h 30 min) to the police and regulators with 2 codes, one of which (%s) is a unit the ledger had locked in QA (line %d) a fortnight earlier (copied from an old inventory printout)" % (num, z[47], q),
                ["note: codes %s..%s; 20 shipped (1st-20th); 5 with soiled labels locked SP-1 -> QA (46th-50th, line %d) awaiting return; in fact the 33rd-35th were stolen; the report (line %d) lists %s (at SP-1, right) and %s (at QA, wrong) for 3 units" % (z[0], z[49], q, lr, z[32], z[47]),
                 "note: both sides of the change in one record: the report's 2 codes for 3 units are not a finding (not held to its quantity); the code at another location is"],
                ["why: SPECIAL-CHAIN %d: rules.md SPECIAL-CHAIN: 'a unit leaves from the location where the ledger last put it'; Points at '... a ... loss_report moving units the ledger had at another location'; CHANGELOG/rules.md: a loss_report 'lists the codes it can name and is not held to its quantity' (so 2 codes for 3 units is no finding)" % lr,
                 "why: rules.md SPECIAL-LOSS: reported within 24 h to the police, drug and health authorities (quiet); STOCK-COUNT: books SP-1 50 - 20 - 5 - 3 = 22, QA 5 (quantities, whatever codes say)"],
                [("SPECIAL-CHAIN", lr)])


# ================================================================= 196
def l196(num):
    L = Ledger("r15-%d" % num)
    inv = Inv(20504000 + num * 1000)
    master(L, [MFR_PREC, MFR_PSY, HOSP3], ["EPHI", "KET"], day="2026-04-27")
    eb, eex = "J2602275", "2028-02-26"
    kb, kex = "K2604083", "2028-04-07"
    e = codes("EPHI", 620001, 100)
    k = codes("KET", 330001, 30)
    purchase(L, "2026-05-04 09:00", "CG2026050400001", MFR_PREC, [("EPHI", 100, "1.85")])
    purchase(L, "2026-05-04 09:30", "CG2026050400002", MFR_PSY, [("KET", 30, "4.80")])
    receipt(L, "2026-05-06 10:00", "SH2026050600001", MFR_PREC, "CG2026050400001", "JK-PS2026050500093", [("EPHI", eb, "2026-02-27", eex, 100, e)])
    put_away(L, "2026-05-06 10:40", "RK2026050600001", "CG2026050400001", "SH2026050600001", [("EPHI", eb, 100, "RCV", "SP-1", e)])
    ei = inv(14)
    etot = invoice(L, "2026-05-06 11:00", ei, "purchase", MFR_PREC, OWNER, "2026-05-06", [("EPHI", 100, "1.85")], {"order": ["CG2026050400001"]})
    receipt(L, "2026-05-06 14:00", "SH2026050600002", MFR_PSY, "CG2026050400002", "XE-FH20260505064", [("KET", kb, "2026-04-08", kex, 30, k)])
    put_away(L, "2026-05-06 14:40", "RK2026050600002", "CG2026050400002", "SH2026050600002", [("KET", kb, 30, "RCV", "SP-1", k)])
    ki = inv(32)
    ktot = invoice(L, "2026-05-06 15:00", ki, "purchase", MFR_PSY, OWNER, "2026-05-06", [("KET", 30, "4.80")], {"order": ["CG2026050400002"]})
    sale(L, "2026-05-13 09:00", "XS2026051300001", HOSP3, [("KET", kb, kex, 10, "5.30"), ("EPHI", eb, eex, 20, "2.10")])
    review(L, "2026-05-13 09:40", "FH2026051300001", HOSP3, "XS2026051300001", [("KET", kb, kex, 10), ("EPHI", eb, eex, 20)])
    dispatch(L, "2026-05-13 10:10", "PS2026051300001", HOSP3, "康复医院药剂科 麻精药品管理员 郑薇", "XS2026051300001",
             [("KET", kb, 10, "SP-1", k[0:10]), ("EPHI", eb, 20, "SP-1", e[0:20])])
    s1 = inv(33)
    t1 = invoice(L, "2026-05-13 10:30", s1, "sale", OWNER, HOSP3, "2026-05-13", [("KET", 10, "5.30"), ("EPHI", 20, "2.10")], {"sale": ["XS2026051300001"]})
    cr = customer_return(L, "2026-05-19 14:00", "TH2026051900001", HOSP3, "XS2026051300001", "手术排期取消，3支未开封退回（其中1支追溯码标签破损无法扫码）",
                         [("KET", kb, 3, "RET", [k[7], k[8]])])
    cn = inv(33)
    c1 = invoice(L, "2026-05-21 15:00", cn, "sale", OWNER, HOSP3, "2026-05-21", [("KET", 3, "5.30")], {"sale": ["XS2026051300001"]}, credit_for=s1)
    payment(L, "2026-05-25 10:00", "FK2026052500001", "outgoing", OWNER, MFR_PREC, etot, [ei])
    payment(L, "2026-05-25 10:10", "FK2026052500002", "outgoing", OWNER, MFR_PSY, ktot, [ki])
    transfer(L, "2026-05-27 09:00", "YK2026052700001", "quarantine", [("EPHI", eb, 6, "SP-1", "QA", e[50:56])])
    xh = destruction(L, "2026-06-17 10:00", "XH2026061700001", "移库时安瓿破损6支，药品类易制毒化学品报损销毁",
                     "监督人员在场，交由杭州市危险废物集中处置中心高温焚烧（现场未携带扫码设备）", [("EPHI", eb, 6, "QA", [])], SUPERVISORS)
    payment(L, "2026-06-20 10:00", "SK2026062000001", "incoming", HOSP3, OWNER, t1 - c1, [s1])
    stock_count(L, "2026-07-31 17:00", "PD2026073100001", "SP-1", [("EPHI", eb, 74), ("KET", kb, 20)])
    stock_count(L, "2026-07-31 17:20", "PD2026073100002", "QA", [("EPHI", eb, 0)])
    stock_count(L, "2026-07-31 17:40", "PD2026073100003", "RET", [("KET", kb, 3)])
    return save(L, num, "precursor-destroyed-without-codes-and-ketamine-returned-with-two-codes-for-three-units",
                "%d VIOLATION: 盐酸麻黄碱注射液 (precursor, held to codes unlike compound ephedrine in 192): 6 broken ampoules destroyed under supervision without codes (line %d); 盐酸氯胺酮注射液: a private seal-card hospital returns 3 units with 2 codes, the third label torn (line %d)" % (num, xh, cr),
                ["note: precursor codes %s..%s (20 shipped, 51st-56th quarantined and destroyed); ketamine codes %s..%s (10 shipped, the 8th and 9th named on the return, the 10th not)" % (e[0], e[99], k[0], k[29]),
                 "note: messages should read like the rules.md example: line %d '3 units of controlled %s batch %s moved but 2 traceability codes were scanned'; line %d '6 units of controlled %s batch %s moved but 0 traceability codes were scanned'" % (cr, P["KET"], kb, xh, P["EPHI"], eb)],
                ["why: SPECIAL-CHAIN %d and %d: rules.md SPECIAL-CHAIN: 'Units destroyed or returned by a customer are in hand and are scanned too'; Points at 'a ... customer_return ... or destruction whose codes do not cover its quantity'; format.md OutLine codes: 'exactly one unit code per unit (SPECIAL-CHAIN: control ... precursor; not compound_ephedrine ...)'" % (cr, xh),
                 "why: quiet elsewhere: SPECIAL-DESTROY has its two supervisors; RETURN-ORIG 3 <= 10 to the same customer; TTGK-S corrected by the credit note within 2 days"],
                [("SPECIAL-CHAIN", cr), ("SPECIAL-CHAIN", xh)])


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    l187(187, False)
    l187(188, True)
    l189(189)
    l190(190)
    l191(191)
    l192(192)
    l193(193)
    l194(194)
    l195(195)
    l196(196)
