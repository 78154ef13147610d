"""Round 16 ledgers 200-212. python3 build16.py OUTDIR  (deterministic)"""
import sys, re, os
from world16 import *

COMMON = [
    "conventions of samples/inspections/README.md: master data first; owner 浙江钱塘医药有限公司 (Hangzhou, %s), a regional_wholesaler (区域性批发企业) with narcotic, psychotropic1/2, medical_toxic, precursor, compound-ephedrine and cold-chain scope; every event carries entered_at 5 minutes after occurred_at (temperature uploads: 30 s); ids are UUID v7 of entered_at; unified social credit codes carry valid GB 32100 and GB 11714 check characters; 药品本位码 and GTINs carry a GS1 check digit; unit codes are 20-digit 追溯码 unless a note says GS1; invoices are 20-digit 数电票 numbers; instants +08:00" % SELF_ID,
    "the ledger's clock is the latest occurred_at (rules.md intro); invoices are paid by bank transfer to/from registered accounts within 60 days; RCV, QA and RET are unregistered staging, quarantine and returns locations (default quarantine_locations QA, RET); special-control receipts and reviews are signed by two people; no dispatch is within 90 days of its batch's expiry",
]

LEDGERS = []


def ledger(fn):
    LEDGERS.append(fn)
    return fn


def sub(L, text):
    return re.sub(r"\{([A-Za-z0-9_.]+)\}", lambda m: str(L.L(m.group(1))), text)


def expected(L, head, notes, whys, findings):
    out = ["# %03d %s" % (L.number, sub(L, head))]
    out += ["# note: " + n for n in COMMON]
    out += ["# note: " + sub(L, n) for n in notes]
    out += ["# why: " + sub(L, w) for w in whys]
    rows = sorted(((r, L.L(t)) for r, t in findings), key=lambda x: (x[1], x[0]))
    out += ["%s %d" % r for r in rows]
    return "\n".join(out) + "\n"


def trip(start, end, seed, lo=3.6, hi=6.4, step=5):
    """readings every `step` minutes from start to end inclusive (+ one beyond), values a bounded random walk"""
    r = random.Random(seed)
    out, t, v = [], start, (lo + hi) / 2
    while t <= end + step * MIN:
        v = min(hi, max(lo, v + r.choice([-0.3, -0.2, -0.1, 0.1, 0.2, 0.3])))
        out.append((t, round(v, 1)))
        t += step * MIN
    return out


def cold_transport(F, vehicle, sensor, shipped, arrived, seed, upload_after=15 * MIN, lo=3.6, hi=6.4):
    F.readings(arrived + upload_after, sensor, trip(shipped, arrived, seed, lo, hi), vehicle=vehicle)
    return {"vehicle": vehicle, "shipped_at": iso(shipped), "cold_chain": True}


# ---------------------------------------------------------------- 200
@ledger
def l200():
    L = Ledger(200, "psy2-case-codes-scanned-twice-and-beside-their-units-all-units-covered")
    F = Flow(L)
    F.master(T("2026-09-01 08:30"), [HUAIEN, QIANJIANG, SHANGCHENG, DIJIU, KANGQIAO], [DIAZ, AMOX], [ZONE_WHA, ZONE_SP1])
    units = Codes("8104562", 100001).take(40)
    cases = Codes("8104562", 900001).take(4)
    C = [units[i * 10:(i + 1) * 10] for i in range(4)]
    for j in range(4):
        F.aggregate(T("2026-09-02 09:00") + j * MIN, "pack", cases[j], C[j], tag="pack%d" % (j + 1))
    B = "D2607031"
    b1 = F.buy(T("2026-09-01 10:00"), HUAIEN, [(DIAZ, B, "2026-07-03", "2029-07-02", 40, 580)], "SP-1",
               codes={B: cases}, put_codes={B: cases + [cases[0]]}, prov="32", tag="diaz")
    amox = Codes("8103176", 500001).take(20)
    A = "A2608115"
    b2 = F.buy(T("2026-09-01 11:00"), QIANJIANG, [(AMOX, A, "2026-08-11", "2028-08-10", 200, 1250)], "WH-A",
               codes={A: amox}, tag="amox")
    F.settle_purchase(b1)
    F.settle_purchase(b2)
    s1 = F.sell(T("2026-09-08 09:00"), SHANGCHENG, [(DIAZ, B, "2029-07-02", 20, 720, "SP-1", [cases[0], C[0][3], cases[1]])], tag="s1")
    ret = F.customer_return(T("2026-09-10 10:00"), SHANGCHENG, s1["sale"], "科室调整用药计划，整盒未拆封退回",
                            [(DIAZ, B, 10, "RET", [cases[1]])], tag="ret")
    F.move("transfer", T("2026-09-11 15:00"), [(DIAZ, B, 10, "RET", "SP-1", [cases[1]])], refs={"receipt": [ret]},
           reason="release", tag="rel", by=("质管-周敏", "保管-赵磊"))
    F.bill(T("2026-09-11 16:00"), s1, qty_override={DIAZ["product"]: 10})
    F.collect(T("2026-09-25 10:00"), s1)
    s2 = F.sell(T("2026-09-14 09:00"), DIJIU, [(DIAZ, B, "2029-07-02", 10, 720, "SP-1", [cases[2], C[2][6], C[2][6]])], tag="s2")
    F.bill(T("2026-09-15 10:00"), s2)
    F.collect(T("2026-10-10 10:00"), s2)
    s3 = F.sell(T("2026-09-09 09:00"), KANGQIAO, [(AMOX, A, "2028-08-10", 50, 1560, "WH-A", [amox[0], amox[0], amox[1]])], tag="s3")
    F.bill(T("2026-09-09 16:00"), s3)
    F.collect(T("2026-09-30 10:00"), s3)
    F.aggregate(T("2026-09-16 08:30"), "unpack", cases[3], C[3], tag="unpack4")
    F.move("transfer", T("2026-09-16 09:00"), [(DIAZ, B, 2, "SP-1", "QA", C[3][:2])], reason="quarantine", tag="q",
           by=("保管-赵磊", "质管-周敏"))
    F.destruction(T("2026-09-18 10:00"), "养护检查发现安瓿破裂", [(DIAZ, B, 2, "QA", C[3][:2])], SUPERV, tag="destr")
    F.loss(T("2026-09-21 14:00"), "loss", T("2026-09-21 08:10"), [(DIAZ, B, 2, "SP-1", [C[3][2], C[3][2]])], REPORTED, tag="loss")
    F.count(T("2026-09-30 17:00"), "SP-1", [(DIAZ, B, 16)], tag="cnt1")
    F.count(T("2026-09-30 17:20"), "WH-A", [(AMOX, A, 150)], tag="cnt2")
    L.finalize()
    exp = expected(L, "LEGITIMATE: 地西泮注射液 (psychotropic2) received as 4 manufacturer cases, a case code listed twice on the put-away, a case code beside one of its own units on a dispatch, a unit listed twice beside its case on another dispatch, an unopened case returned by its case code and released, 2 cracked ampoules destroyed under supervision, a loss report naming its one known code twice; an ordinary drug dispatched with one code scanned twice",
        ["cases {pack1}-{pack4} packed by aggregation before the receipt {diaz.rc} (CHANGELOG: 'A case code received with its packing already recorded ... counts the units packed in it'); the receipt lists the 4 case codes for 40 units",
         "put-away {diaz.pa}: 40 units, codes [case1, case2, case3, case4, case1]: 5 codes <= 40 (format.md 'No more codes than quantity'), 40 distinct units",
         "dispatch {s1.disp}: 20 units, codes [case1, a unit of case1, case2]: 20 distinct units; dispatch {s2.disp}: 10 units, codes [case3, unit u7 of case3, u7 again]: 10 distinct units",
         "return {ret}: the hospital sends back case2 unopened (10 units, code [case2]) two days after the dispatch, before invoicing; released RET -> SP-1 ({rel}, reason release, with [case2]); the sale is invoiced net 10",
         "loss report {loss}: 2 ampoules missing at the weekly check, discovered 08:10, reported 14:00 to police, 市场监管 and 卫健 (5 h 50 min < special_loss_hours 24); it names the one code known, twice",
         "ordinary 阿莫西林胶囊: 20 of 200 boxes scanned at receipt; dispatch {s3.disp} of 50 lists [k1, k1, k2] (control none: SPECIAL-CHAIN does not apply; the repeat is one unit)",
         "stock at the end: SP-1 16 (case2 10 + case4's 6 remaining; 40 - 20 + 10 - 10 - 2 - 2), counted 16 ({cnt1}); WH-A 150, counted 150"],
        ["CHANGELOG Unreleased: 'A unit listed twice on one line counts once (its code twice, or beside its pack's code)'; rules.md SPECIAL-CHAIN: 'A unit listed twice on one line (its code twice, or beside its pack's) counts once'; CODE-DUP: 'A code listed twice on one record's line is one unit scanned twice, not this rule'",
         "rules.md SPECIAL-CHAIN: 'a loss_report lists the codes it can name and is not held to its quantity'; SPECIAL-LOSS within 24 h with reported_to; SPECIAL-DESTROY: supervisors present on {destr}",
         "format.md aggregation: 'Once packed, a movement line that lists the parent code moves all of its children; after unpack the children are scanned individually' (case4 unpacked at {unpack4} before its units move singly)"],
        [])
    return L, exp


# ---------------------------------------------------------------- 201
@ledger
def l201():
    L = Ledger(201, "psy2-destroyed-and-narcotic-returned-with-a-code-scanned-twice-one-unit-not-scanned")
    F = Flow(L)
    F.master(T("2026-10-08 08:30"), [SHENHUA, HUAIEN, DIJIU], [PETH, ESTA], [ZONE_SP1])
    E = "E2608127"
    P = "P2606045"
    ec = Codes("8104561", 300001).take(40)
    pc = Codes("8102318", 400001).take(20)
    b1 = F.buy(T("2026-10-09 09:00"), HUAIEN, [(ESTA, E, "2026-08-12", "2029-08-11", 40, 1860)], "SP-1", codes={E: ec}, prov="32", tag="esta")
    b2 = F.buy(T("2026-10-09 10:00"), SHENHUA, [(PETH, P, "2026-06-04", "2029-06-03", 20, 950)], "SP-1", codes={P: pc}, prov="31", tag="peth")
    F.settle_purchase(b1)
    F.settle_purchase(b2)
    s1 = F.sell(T("2026-10-12 09:00"), DIJIU, [(PETH, P, "2029-06-03", 10, 1100, "SP-1", pc[:10])], tag="s1")
    ret = F.customer_return(T("2026-10-14 10:00"), DIJIU, s1["sale"], "病区退药：患者转院，药品未使用",
                            [(PETH, P, 4, "RET", [pc[2], pc[3], pc[3], pc[4]])], tag="ret")
    F.bill(T("2026-10-15 10:00"), s1, qty_override={PETH["product"]: 6})
    F.collect(T("2026-10-30 10:00"), s1)
    s2 = F.sell(T("2026-10-13 09:00"), DIJIU, [(ESTA, E, "2029-08-11", 10, 2300, "SP-1", ec[:10])], tag="s2")
    F.bill(T("2026-10-13 16:00"), s2)
    F.collect(T("2026-10-28 10:00"), s2)
    F.move("transfer", T("2026-10-16 09:00"), [(ESTA, E, 6, "SP-1", "QA", ec[10:16])], reason="quarantine", tag="q",
           by=("保管-赵磊", "质管-周敏"))
    F.destruction(T("2026-10-20 10:00"), "养护检查发现受潮变质", [(ESTA, E, 6, "QA", ec[10:15] + [ec[14]])], SUPERV, tag="destr")
    F.count(T("2026-10-31 17:00"), "SP-1", [(ESTA, E, 24), (PETH, P, 10)], tag="cnt")
    L.finalize()
    exp = expected(L, "VIOLATION: the destruction of 6 boxes of 艾司唑仑片 (psychotropic2) lists 6 codes of which one twice (5 units scanned, the 6th not); a hospital's return of 4 ampoules of 盐酸哌替啶注射液 (narcotic) lists 4 codes of which one twice (the 4th unit not scanned)",
        ["艾司唑仑片 batch %s: 40 coded boxes, 10 sold ({s2.disp}), 6 locked SP-1 -> QA ({q}) with their 6 codes, destroyed under two supervisors ({destr}) listing codes e11..e15 and e15 again (e16 missing)" % E,
         "盐酸哌替啶注射液 batch %s bought from the national wholesaler (上海), 10 sold to 杭州市第九人民医院 (seal card in 浙江) with 10 codes ({s1.disp}); 2 days later the ward returns 4 ({ret}) listing [p3, p4, p4, p5] (p6 not scanned), before invoicing; invoice for the net 6" % P,
         "append accepts both lines: codes (6, 4) do not exceed the quantities (format.md 'No more codes than quantity')",
         "expected messages: SPECIAL-CHAIN at {destr} counts 6 units and 5 codes, at {ret} 4 units and 3 codes (round 15's wording: 'N units ... moved but M traceability codes were scanned'); no CODE-DUP anywhere (before the fix a repeated code was a critical CODE-DUP)"],
        ["SPECIAL-CHAIN {destr}: CHANGELOG Unreleased 'A unit listed twice on one line counts once'; rules.md CODE-DUP 'A code listed twice on one record's line is one unit scanned twice, not this rule (for a special-control drug its line then covers one unit fewer: SPECIAL-CHAIN)'; SPECIAL-CHAIN Points at 'a ... destruction whose codes do not cover its quantity'",
         "SPECIAL-CHAIN {ret}: the same, 'a receipt, customer_return, ... whose codes do not cover its quantity'; 'Units destroyed or returned by a customer are in hand and are scanned too'"],
        [("SPECIAL-CHAIN", "destr"), ("SPECIAL-CHAIN", "ret")])
    return L, exp


# ---------------------------------------------------------------- 202
@ledger
def l202():
    L = Ledger(202, "dispatches-booked-from-the-wrong-zone-stock-neg-from-already-negative-books")
    F = Flow(L)
    F.master(T("2026-08-03 08:30"), [QIANJIANG, KANGQIAO, JIURU, HEMU], [CEFIX], [ZONE_WHA, ZONE_WHB])
    B = "C2606218"
    EX = "2028-06-20"
    b = F.buy(T("2026-08-03 10:00"), QIANJIANG, [(CEFIX, B, "2026-06-21", EX, 300, 1680)], None, tag="buy")
    F.move("put_away", T("2026-08-04 12:40"), [(CEFIX, B, 240, "RCV", "WH-A"), (CEFIX, B, 60, "RCV", "WH-B")],
           refs={"order": [b["order"]], "receipt": [b["receipt"]]}, tag="pa")
    F.settle_purchase(b)
    s1 = F.sell(T("2026-08-05 09:00"), KANGQIAO, [(CEFIX, B, EX, 60, 2150, "WH-B", None)], tag="s1")
    s2 = F.sell(T("2026-08-06 09:00"), JIURU, [(CEFIX, B, EX, 40, 2150, "WH-B", None)], tag="s2")
    F.bill(T("2026-08-06 16:00"), s2)
    ret = F.customer_return(T("2026-08-07 10:00"), KANGQIAO, s1["sale"], "门店调整经营品种，整件退回", [(CEFIX, B, 5, "RET")], tag="ret")
    F.bill(T("2026-08-08 10:00"), s1, qty_override={CEFIX["product"]: 55})
    F.move("transfer", T("2026-08-08 15:00"), [(CEFIX, B, 5, "RET", "WH-B")], refs={"receipt": [ret]}, reason="release", tag="rel",
           by=("质管-周敏", "保管-赵磊"))
    s3 = F.sell(T("2026-08-10 09:00"), HEMU, [(CEFIX, B, EX, 30, 2150, "WH-B", None)], tag="s3")
    F.bill(T("2026-08-10 16:00"), s3)
    F.move("transfer", T("2026-08-11 09:00"), [(CEFIX, B, 3, "WH-B", "QA")], reason="quarantine", tag="q", by=("保管-赵磊", "质管-周敏"))
    F.destruction(T("2026-08-13 10:00"), "搬运中外包装压损，内包装破损", [(CEFIX, B, 3, "QA")], None, tag="destr")
    F.move("transfer", T("2026-08-14 16:00"), [(CEFIX, B, 68, "WH-A", "WH-B")], reason="relocation", tag="fix")
    s4 = F.sell(T("2026-08-18 09:00"), JIURU, [(CEFIX, B, EX, 172, 2150, "WH-A", None)], tag="s4")
    F.bill(T("2026-08-18 16:00"), s4)
    for s, d in ((s1, "2026-09-02 10:00"), (s2, "2026-09-04 10:00"), (s3, "2026-09-08 10:00"), (s4, "2026-09-15 10:00")):
        F.collect(T(d), s)
    F.count(T("2026-09-15 17:00"), "WH-A", [(CEFIX, B, 0)], tag="cntA")
    F.count(T("2026-09-15 17:20"), "WH-B", [(CEFIX, B, 0)], tag="cntB")
    L.finalize()
    exp = expected(L, "VIOLATION: 头孢克肟胶囊 picked from WH-A but booked out of WH-B: a dispatch empties WH-B exactly, the next takes it to -40, a released return brings it to -35, a dispatch takes it to -65 and a quarantine transfer to -68; a relocation WH-A -> WH-B then squares the books",
        ["batch %s: 300 received, put away 240 to WH-A and 60 to WH-B ({pa})" % B,
         "WH-B: 60 -> 0 at {s1.disp} (exactly zero: quiet) -> -40 at {s2.disp} -> -35 at the release {rel} (RET -> WH-B, an inbound movement) -> -65 at {s3.disp} -> -68 at the quarantine transfer {q}; the relocation {fix} of 68 from WH-A brings it to 0; WH-A 240 - 68 - 172 = 0; both counted 0 at the end",
         "the return {ret} (5 of {s1.sale}) precedes the invoice, which is for the net 55; every sale invoiced and paid; ordinary drug: the destruction {destr} needs no supervisors",
         "expected texts (CHANGELOG Unreleased, 'STOCK-NEG out of a batch already below zero says what the books showed'): {s2.disp} 40 left, books 0, fell to -40; {s3.disp} 30 left, books -35, fell to -65; {q} 3 left, books -65, fell to -68",
         "STOCK-COUNT: both counts find 0 where the books hold 0 (quiet)"],
        ["STOCK-NEG {s2.disp}: rules.md 'each goods movement out of the batch at the location that leaves it below zero: the one that took it below zero, and each later one while it stays below (its sentence gives what the books showed before it)'",
         "STOCK-NEG {s3.disp} and {q}: 'each later one while it stays below'; a transfer is among the kinds named ('a put_away, transfer, dispatch, ...'); the release {rel} into WH-B is not a movement out of WH-B"],
        [("STOCK-NEG", "s2.disp"), ("STOCK-NEG", "s3.disp"), ("STOCK-NEG", "q")])
    return L, exp


# ---------------------------------------------------------------- 203
@ledger
def l203():
    L = Ledger(203, "midazolam-loss-and-destruction-naming-units-of-the-other-safe-code-shipped-twice-third-and-unknown-code-second")
    F = Flow(L)
    F.master(T("2026-07-01 08:30"), [HUAIEN, SHANGCHENG, DIJIU], [MIDA], [ZONE_SP1, ZONE_SP2])
    B = "M2605142"
    EX = "2029-05-13"
    m = [None] + Codes("8104563", 200001).take(60)  # m[1]..m[60]
    b = F.buy(T("2026-07-01 10:00"), HUAIEN, [(MIDA, B, "2026-05-14", EX, 60, 860)], None, codes={B: m[1:]}, prov="32", tag="buy")
    F.move("put_away", T("2026-07-02 12:40"), [(MIDA, B, 40, "RCV", "SP-1", m[1:41]), (MIDA, B, 20, "RCV", "SP-2", m[41:61])],
           refs={"order": [b["order"]], "receipt": [b["receipt"]]}, tag="pa")
    F.settle_purchase(b)
    s1 = F.sell(T("2026-07-06 09:00"), SHANGCHENG, [(MIDA, B, EX, 20, 1050, "SP-1", m[1:21])], tag="s1")
    F.bill(T("2026-07-06 16:00"), s1)
    F.collect(T("2026-07-28 10:00"), s1)
    F.loss(T("2026-07-09 11:00"), "theft", T("2026-07-09 07:40"), [(MIDA, B, 3, "SP-1", [m[21], m[45]])], REPORTED, tag="loss")
    s2codes = [m[22], m[23], m[5]] + m[24:31]
    s2 = F.sell(T("2026-07-13 09:00"), DIJIU, [(MIDA, B, EX, 10, 1050, "SP-1", s2codes)], tag="s2")
    F.bill(T("2026-07-13 16:00"), s2)
    F.collect(T("2026-08-05 10:00"), s2)
    unknown = trace20("8104563", "000209999")
    s3 = F.sell(T("2026-07-20 09:00"), SHANGCHENG, [(MIDA, B, EX, 5, 1050, "SP-1", [m[31], unknown, m[32], m[33], m[34]])], tag="s3")
    F.bill(T("2026-07-20 16:00"), s3)
    F.collect(T("2026-08-12 10:00"), s3)
    F.move("transfer", T("2026-07-22 09:00"), [(MIDA, B, 2, "SP-1", "QA", [m[35], m[36]])], reason="quarantine", tag="q",
           by=("保管-赵磊", "质管-周敏"))
    F.destruction(T("2026-07-27 10:00"), "外包装破损，安瓿渗漏", [(MIDA, B, 2, "QA", [m[35], m[50]])], SUPERV, tag="destr")
    F.count(T("2026-08-12 17:00"), "SP-1", [(MIDA, B, 0)], tag="c1")
    F.count(T("2026-08-12 17:20"), "SP-2", [(MIDA, B, 20)], tag="c2")
    L.finalize()
    global CODES203
    CODES203 = {"m5": m[5], "m21": m[21], "m45": m[45], "m50": m[50], "m35": m[35], "unknown": unknown, "m22": m[22]}
    exp = expected(L, "VIOLATION: 咪达唑仑注射液 (psychotropic2) kept in two safes SP-1 and SP-2; a theft report from SP-1 names a unit the ledger holds in SP-2; a dispatch lists, third, a unit already shipped; another lists, second, a code never received; a destruction from QA names a unit the ledger holds in SP-2",
        ["60 coded units m1..m60 received; put away m1..m40 to SP-1 and m41..m60 to SP-2 ({pa})",
         "theft report {loss}: 3 units from SP-1, discovered 07:40, reported 11:00 to police, 市场监管, 卫健; codes [m21 (in SP-1), m45 = %s (in SP-2)]; 2 codes for 3 units is allowed on a loss_report" % m[45],
         "dispatch {s2.disp}: 10 units from SP-1, codes m22, m23, m5 = %s (shipped on {s1.disp}), m24..m30" % m[5],
         "dispatch {s3.disp}: 5 units, codes m31, %s (never received by this ledger), m32..m34" % unknown,
         "quarantine {q}: m35, m36 SP-1 -> QA; destruction {destr} from QA under two supervisors names m35 and m50 = %s (in SP-2)" % m[50],
         "quantities balance everywhere (SP-1 40-20-3-10-5-2 = 0, SP-2 20, counted so): no STOCK-NEG, no STOCK-COUNT",
         "expected messages (CHANGELOG Unreleased): SPECIAL-CHAIN {loss} names %s and SP-2; CODE-DUP {s2.disp} names %s (not the line's first code %s); CODE-UNKNOWN {s3.disp} names %s; SPECIAL-CHAIN {destr} names %s and SP-2" % (m[45], m[5], m[22], unknown, m[50])],
        ["SPECIAL-CHAIN {loss} and {destr}: rules.md Points at 'a put_away, transfer, dispatch, supplier_return, destruction or loss_report moving units the ledger had at another location'; CHANGELOG: 'SPECIAL-CHAIN for units that left a location where the ledger did not have them names the first and where the ledger had it'",
         "CODE-DUP {s2.disp}: 'dispatched after it had already left'; CODE-UNKNOWN {s3.disp}: 'A unit code moved, shipped or returned that this ledger never received'; CHANGELOG: 'CODE-DUP and CODE-UNKNOWN name the first unit code concerned (the line's code, or the pack it moved in)'",
         "no SPECIAL-CHAIN at {s2.disp} or {s3.disp}: one code per unit, and neither code is 'at another location' (one had left, one never came)"],
        [("SPECIAL-CHAIN", "loss"), ("CODE-DUP", "s2.disp"), ("CODE-UNKNOWN", "s3.disp"), ("SPECIAL-CHAIN", "destr")])
    return L, exp


# ---------------------------------------------------------------- 204
@ledger
def l204():
    L = Ledger(204, "arsenic-trioxide-medical-toxic-case-returned-by-its-code-loose-units-returned-uncoded-destroyed-without-supervisors")
    F = Flow(L)
    F.master(T("2026-06-01 08:30"), [BEIZHU, ZHONGLIU], [ARSEN], [ZONE_SP1])
    B = "AS260418"
    EX = "2028-04-17"
    units = Codes("8103915", 100001).take(40)
    cases = Codes("8103915", 900101).take(4)
    K = [units[i * 10:(i + 1) * 10] for i in range(4)]
    for j in range(4):
        F.aggregate(T("2026-06-03 08:00") + j * MIN, "pack", cases[j], K[j], tag="pack%d" % (j + 1))
    b = F.buy(T("2026-06-02 09:00"), BEIZHU, [(ARSEN, B, "2026-04-18", EX, 40, 4850)], "SP-1", codes={B: cases}, prov="23", tag="buy")
    F.settle_purchase(b)
    s1 = F.sell(T("2026-06-08 09:00"), ZHONGLIU, [(ARSEN, B, EX, 20, 5600, "SP-1", [cases[0], cases[1]])], tag="s1")
    ra = F.customer_return(T("2026-06-10 10:00"), ZHONGLIU, s1["sale"], "订货数量有误，整盒未拆封退回", [(ARSEN, B, 10, "RET", [cases[1]])], tag="retA")
    F.customer_return(T("2026-06-10 15:00"), ZHONGLIU, s1["sale"], "病区退药：2 支未使用", [(ARSEN, B, 2, "RET")], tag="retB")
    F.move("transfer", T("2026-06-11 10:00"), [(ARSEN, B, 10, "RET", "SP-1", [cases[1]])], refs={"receipt": [ra]}, reason="release",
           tag="rel", by=("质管-周敏", "保管-赵磊"))
    F.bill(T("2026-06-11 16:00"), s1, qty_override={ARSEN["product"]: 8})
    F.collect(T("2026-07-06 10:00"), s1)
    F.loss(T("2026-06-15 16:00"), "loss", T("2026-06-15 08:30"), [(ARSEN, B, 1, "SP-1")], REPORTED, tag="loss")
    F.aggregate(T("2026-06-17 08:00"), "unpack", cases[2], K[2], tag="unpack3")
    F.move("transfer", T("2026-06-17 09:00"), [(ARSEN, B, 3, "SP-1", "QA", K[2][:3])], reason="quarantine", tag="q",
           by=("保管-赵磊", "质管-周敏"))
    F.destruction(T("2026-06-20 10:00"), "安瓿破裂", [(ARSEN, B, 2, "QA", K[2][:2])], SUPERV, tag="d1")
    s2 = F.sell(T("2026-06-24 09:00"), ZHONGLIU, [(ARSEN, B, EX, 10, 5600, "SP-1", [cases[3]])], tag="s2")
    F.bill(T("2026-06-24 16:00"), s2)
    F.collect(T("2026-07-15 10:00"), s2)
    F.destruction(T("2026-06-28 15:00"), "标签污损，不得销售", [(ARSEN, B, 1, "QA", K[2][2:3])], None, tag="d2")
    F.count(T("2026-07-15 17:00"), "SP-1", [(ARSEN, B, 16)], tag="cnt")
    L.finalize()
    exp = expected(L, "VIOLATION: 亚砷酸注射液 (医疗用毒性药品, control medical_toxic) in manufacturer cases: the oncology hospital returns an unopened case by its case code (quiet) and 2 loose ampoules without codes; a loss of 1 ampoule is reported without codes (quiet); 2 broken ampoules are destroyed under supervision (quiet) and a third without supervisors",
        ["4 cases packed ({pack1}-{pack4}) before the receipt {buy.rc} of 40 units by the 4 case codes; put away to SP-1 by case codes",
         "sale {s1.sale} of 20 dispatched as [case1, case2] ({s1.disp}); returns before invoicing: case2 unopened by its code ({retA}), released RET -> SP-1 ({rel}); 2 loose ampoules of case1 without codes ({retB}); invoice for the net 8",
         "loss report {loss}: 1 ampoule missing at the weekly check (discovered 08:30, reported 16:00, to police, 市场监管, 卫健), no code named",
         "case3 unpacked ({unpack3}), 3 ampoules locked in QA ({q}); destruction {d1} of 2 with two supervisors; destruction {d2} of the 3rd with none",
         "medical_toxic is one of the controls held to codes (format.md MoveLine: 'narcotic, psychotropic1, psychotropic2, medical_toxic, radioactive or precursor') and a special-control drug for SPECIAL-DESTROY, SPECIAL-LOSS and SPECIAL-2P; not for SPECIAL-CHANNEL (narcotics and class-1 psychotropics only)",
         "SP-1 at the end: 40 - 20 + 10 - 1 - 3 - 10 = 16, counted 16"],
        ["SPECIAL-CHAIN {retB}: CHANGELOG Unreleased 'SPECIAL-CHAIN now holds a destruction and a customer_return of special-control units to one code per unit'; rules.md Points at 'a receipt, customer_return ... whose codes do not cover its quantity' (2 units, 0 codes)",
         "no SPECIAL-CHAIN at {retA} (1 case code = 10 units) nor at {loss} ('units lost or stolen cannot be, so a loss_report ... is not held to its quantity')",
         "SPECIAL-DESTROY {d2}: rules.md 'Destruction of special-control drugs records the regulator's supervisor(s) present'"],
        [("SPECIAL-CHAIN", "retB"), ("SPECIAL-DESTROY", "d2")])
    return L, exp


# ---------------------------------------------------------------- 205
@ledger
def l205():
    L = Ledger(205, "compound-ephedrine-som-size-3x-and-3x-plus-one-peers-10x-and-10x-plus-one")
    F = Flow(L)
    A_, B_, C_, D_, E_ = KANGQIAO, JIURU, MINSHENG, SHOUREN, DEJI
    F.master(T("2026-02-23 08:30"), [HUAJIN, A_, B_, C_, D_, E_], [PSE], [ZONE_WHC])
    B1, X1 = "PS251106", "2027-11-05"
    B2, X2 = "PS260115", "2028-01-14"
    b1 = F.buy(T("2026-02-24 09:00"), HUAJIN, [(PSE, B1, "2025-11-06", X1, 1000, 1580)], "WH-C", prov="12", tag="buy1")
    b2 = F.buy(T("2026-03-30 14:00"), HUAJIN, [(PSE, B2, "2026-01-15", X2, 1000, 1580)], "WH-C", prov="12", tag="buy2")
    F.settle_purchase(b1)
    F.settle_purchase(b2)
    sales = []
    weeks = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]
    for w, d in enumerate(weeks):
        for k, (cust, hh) in enumerate(((A_, "09:00"), (B_, "10:00"), (C_, "11:00"))):
            s = F.sell(T(d + " " + hh), cust, [(PSE, B1, X1, 40, 2280, "WH-C", None)], tag="w%d%s" % (w + 1, "abc"[k]))
            sales.append(s)
    sD = F.sell(T("2026-04-06 09:00"), D_, [(PSE, B1, X1, 400, 2280, "WH-C", None)], tag="d400")
    sE = F.sell(T("2026-04-06 10:00"), E_, [(PSE, B2, X2, 401, 2280, "WH-C", None)], tag="e401")
    sA = F.sell(T("2026-04-13 09:00"), A_, [(PSE, B2, X2, 120, 2280, "WH-C", None)], tag="a120")
    sB = F.sell(T("2026-04-13 10:00"), B_, [(PSE, B2, X2, 121, 2280, "WH-C", None)], tag="b121")
    sales += [sD, sE, sA, sB]
    for s in sales:
        t = L.tags  # noqa
        st = s_time = None
    for s in sales:
        ev = [e for e in L.events if e["kind"] == "sale" and e["data"]["doc"] == s["sale"]][0]
        t0 = ev["_t"]
        F.bill(t0 + 7 * H, s)
        F.collect(t0 + 20 * D, s)
    F.count(T("2026-05-04 17:00"), "WH-C", [(PSE, B1, 0), (PSE, B2, 358)], tag="cnt")
    L.finalize()
    exp = expected(L, "VIOLATION: 复方盐酸伪麻黄碱缓释胶囊 sold wholesale to five pharmacy chains: three order 40 packs a week for five weeks; a new chain's first order of 400 (exactly 10x the others' median trailing average) and another's of 401; then one regular chain orders 120 (exactly 3.0x its trailing average) and another 121",
        ["weekly orders of 40 from 杭州康桥 (A), 浙江九如堂 (B), 杭州民生堂 (C) on the Mondays 2, 9, 16, 23, 30 March (sales {w1a.sale}..{w5c.sale}): each has a trailing average of 40.0 over 5 orders (som_min_history 4 met)",
         "6 April: 杭州寿仁堂 (D, new) orders 400 ({d400.sale}) = 10.0x the median 40 of the others' trailing averages (A, B, C: 40): 'above this multiple' (som_peer_factor 10) is not met; 浙江德济堂 (E, new) orders 401 ({e401.sale}): the others' median is 40 whether D (one order of 400) is counted or not (40, 40, 40, 400: median 40), 401 > 400",
         "13 April: A orders 120 ({a120.sale}) = 3.0x its trailing average 40 (as in ledger 92: not above); B orders 121 ({b121.sale}) = 3.025x; peers for these two: median of the others' trailing averages is far above 12.1 (D 400, E 401 among them)",
         "the trailing average excludes the order judged (rules.md SOM example: 193 against 49.5 over the six previous orders); frequency: one order a week per chain, below som_freq_min 6",
         "wholesale compound ephedrine: delivered to each chain's registered address, paid by bank transfer, two signers; stored in the cool store WH-C (product storage cool)",
         "expected messages state the baseline: {e401.sale} 401 against a peer median of 40 (10.03x, factor 10); {b121.sale} 121 against a trailing average of 40 over 5 orders (3.03x or 3.02x, k 3)"],
        ["SOM {e401.sale}: rules.md 'far above its peers (the median trailing average of other customers)'; som_peer_factor 10.0 'An order above this multiple of the other customers' median trailing average is suspicious'",
         "SOM {b121.sale}: 'unusual size (k times the customer's trailing average for the product)', som_k 3.0 'An order above this multiple'"],
        [("SOM", "e401.sale"), ("SOM", "b121.sale")])
    return L, exp


# ---------------------------------------------------------------- 206
@ledger
def l206():
    L = Ledger(206, "cold-rooms-of-2-8-and-2-10-insulin-moved-to-the-2-10-cabinet-ibuprofen-into-the-cool-store")
    F = Flow(L)
    CR2 = {"zone": "CR-2", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}}
    CR3 = {"zone": "CR-3", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 10.0}}
    F.master(T("2026-09-07 08:30"), [CHANGBAI, SHENLIAN, TIANTAI, SHANGCHENG, KANGQIAO], [INSUL, OXYT, AMCLV, IBU],
             [ZONE_CR1, CR2, CR3, ZONE_WHA, ZONE_WHC])
    I1, IX1 = "I2607093", "2028-07-08"
    I2, IX2 = "I2608021", "2028-08-01"
    O1, OX1 = "O2606211", "2028-06-20"
    AC, ACX = "AC260712", "2028-07-11"
    IB, IBX = "IB260803", "2029-08-02"
    # insulin 1: received at RCV, put away 60 -> CR-1, 40 -> CR-2
    tr1 = cold_transport(F, "浙F·C3516冷", "TL-3516", T("2026-09-09 08:00"), T("2026-09-09 11:00"), 2061)
    bi1 = F.buy(T("2026-09-08 09:00"), CHANGBAI, [(INSUL, I1, "2026-07-09", IX1, 100, 4260)], None, transport=tr1, prov="22", tag="ins1")
    F.move("put_away", T("2026-09-09 11:40"), [(INSUL, I1, 60, "RCV", "CR-1"), (INSUL, I1, 40, "RCV", "CR-2")],
           refs={"order": [bi1["order"]], "receipt": [bi1["receipt"]]}, tag="pa_ins")
    tr2 = cold_transport(F, "沪D·C5528冷", "TL-5528", T("2026-09-09 10:30"), T("2026-09-09 14:00"), 2062)
    bo = F.buy(T("2026-09-08 12:00"), SHENLIAN, [(OXYT, O1, "2026-06-21", OX1, 200, 230)], "CR-3", transport=tr2, prov="31", tag="oxy")
    ba = F.buy(T("2026-09-09 09:00"), TIANTAI, [(AMCLV, AC, "2026-07-12", ACX, 100, 2890)], "WH-C", tag="amclv")
    bb = F.buy(T("2026-09-09 09:30"), TIANTAI, [(IBU, IB, "2026-08-03", IBX, 100, 1620)], "WH-C", tag="ibu")
    # insulin 2: accepted inside the cold cabinet CR-3 directly (receipt location), 16 Sep
    tr3 = cold_transport(F, "浙F·C3516冷", "TL-3516", T("2026-09-16 07:00"), T("2026-09-16 10:00"), 2063)
    order2 = F.purchase(T("2026-09-14 15:00"), CHANGBAI, [(INSUL, 50, 4260)], tag="ins2.po")
    rc2 = F.receipt(T("2026-09-16 10:00"), CHANGBAI, order2,
                    [dict(product=INSUL, batch=I2, prod="2026-08-02", exp=IX2, arrived=50, accepted=50, location="CR-3")],
                    transport=tr3, tag="ins2.rc")
    inv2, tot2 = F.invoice(T("2026-09-17 10:00"), "purchase", CHANGBAI, SELF, [(INSUL, 50, 4260)], {"order": [order2], "receipt": [rc2]}, prov="22")
    F.pay(T("2026-10-09 10:00"), "outgoing", SELF, CHANGBAI, tot2, [inv2])
    for bx in (bi1, bo, ba, bb):
        F.settle_purchase(bx)
    F.move("transfer", T("2026-09-14 10:00"), [(OXYT, O1, 50, "CR-3", "CR-1")], reason="relocation", tag="t_oxy")
    F.move("transfer", T("2026-09-14 11:00"), [(AMCLV, AC, 30, "WH-C", "CR-1")], reason="relocation", tag="t_amclv")
    F.move("transfer", T("2026-09-15 15:00"), [(INSUL, I1, 20, "CR-1", "CR-3")], reason="relocation", tag="t_ins")
    s1 = F.sell(T("2026-09-17 09:00"), KANGQIAO, [(IBU, IB, IBX, 20, 2100, "WH-C", None)], tag="s1")
    s2 = F.sell(T("2026-09-18 09:00"), SHANGCHENG, [(AMCLV, AC, ACX, 30, 3650, "CR-1", None)], tag="s2")
    for s, a, b in ((s1, "2026-09-17 16:00", "2026-10-12 10:00"), (s2, "2026-09-18 16:00", "2026-10-16 10:00")):
        F.bill(T(a), s)
        F.collect(T(b), s)
    L.finalize()
    exp = expected(L, "VIOLATION: zones CR-1 (cold, class range 2-8), CR-2 (cold, explicit 2.0-8.0), CR-3 (cold, explicit 2.0-10.0: a cabinet for 冷处 products, 中国药典 凡例 冷处 2-10 °C), WH-C (cool, 0-20); insulin (2-8) put away into CR-1 and CR-2, 缩宫素 (冷处 2-10) into CR-3 and on to CR-1, a cool product into CR-1 (quiet); insulin moved CR-1 -> CR-3 and ibuprofen (ambient 10-30) put away into WH-C",
        ["quiet: {pa_ins} insulin 2-8 into CR-1 (2-8) and CR-2 (explicit 2.0-8.0): equal ranges are inside; {oxy.pa} 缩宫素 (temp_range 2-10) into CR-3 (2-10); {t_oxy} 缩宫素 CR-3 -> CR-1 (2-8 inside 2-10); {amclv.pa} 阿莫西林克拉维酸钾片 (cool 0-20) into WH-C; {t_amclv} WH-C -> CR-1 (2-8 inside 0-20)",
         "insulin batch %s is accepted directly at location CR-3 on its receipt {ins2.rc} (acceptance inside the cold area): rules.md TEMP-ZONE reads only put_away.lines[].{product,to} and transfer.lines[].{product,to} and points at 'the put_away or transfer into the zone', so by the docs no finding; I expect none (if the engine reports it, the docs are incomplete; the real business is as wrong as {t_ins})" % I2,
         "every cold receipt has a cold_chain transport whose logger reads every 5 min from shipped_at to 5 min after arrival (3.4-6.6 °C), uploaded 15 min after arrival (CC-RECEIPT quiet); no zone readings are uploaded in this ledger (no TEMP-GAP, TEMP-RANGE)",
         "expected texts name the zone's range and the product's: {t_ins} CR-3 2.0-10.0 against 2.0-8.0; {ibu.pa} WH-C 0-20 against 10-30"],
        ["TEMP-ZONE {t_ins}: rules.md 'A product is put away or moved into a zone whose temperature range is not inside the product's required range' (CR-3 reaches 10 °C, insulin allows 8)",
         "TEMP-ZONE {ibu.pa}: the same, 'the zone can be colder than the product allows' (WH-C from 0 °C, ibuprofen from 10 °C)"],
        [("TEMP-ZONE", "t_ins"), ("TEMP-ZONE", "ibu.pa")])
    return L, exp


# ---------------------------------------------------------------- 207
@ledger
def l207():
    L = Ledger(207, "malformed-unit-codes-at-receipt-and-gs1-codes-of-one-unit-in-three-spellings")
    F = Flow(L)
    F.master(T("2026-10-12 08:30"), [HUAIEN, TIANTAI, SHANGCHENG, KANGQIAO], [ZOPI, IBU, AMCLV], [ZONE_SP1, ZONE_WHA, ZONE_WHC])
    ZB = "ZP2606A"
    G = ZOPI["product"]
    ser = ["ZP06%02d" % i for i in range(1, 13)]
    brk = ["(01)%s(11)260610(17)280600(10)%s(21)%s" % (G, ZB, s) for s in ser]
    raw = ["]d201%s17280600" "10%s\x1d21%s" % (G, ZB, s) for s in ser]
    reo = ["(01)%s(21)%s(17)280600(10)%s" % (G, s, ZB) for s in ser]
    bz = F.buy(T("2026-10-12 10:00"), HUAIEN, [(ZOPI, ZB, "2026-06-10", "2028-06", 12, 2150)], "SP-1", codes={ZB: brk},
               put_codes={ZB: raw}, prov="32", tag="zopi")
    F.settle_purchase(bz)
    s1 = F.sell(T("2026-10-16 09:00"), SHANGCHENG, [(ZOPI, ZB, "2028-06-30", 8, 2680, "SP-1", reo[:4] + raw[4:8])], tag="s1")
    F.bill(T("2026-10-16 16:00"), s1)
    F.collect(T("2026-11-06 10:00"), s1)
    # ordinary drugs, weekly deliveries against two monthly orders, a few units scanned at receipt
    IB, IBX = "IB261002", "2029-10-01"
    AC, ACX = "AC260915", "2028-09-14"
    ic = Codes("8107865", 700001).take(25)
    ac = Codes("8107866", 800001).take(10)
    ibu_gtin = gtin14("0690786520145")
    bad_gtin = ibu_gtin[:13] + str((int(ibu_gtin[13]) + 3) % 10)
    po_i = F.purchase(T("2026-10-12 11:00"), TIANTAI, [(IBU, 150, 1620)], tag="po_i")
    po_a = F.purchase(T("2026-10-12 11:10"), TIANTAI, [(AMCLV, 100, 2890)], tag="po_a")
    r1codes = ic[0:2] + [ic[2][:19]] + ic[3:5]
    r3codes = ic[10:12] + ["(01)%s(17)291001(10)%s(21)%s" % (bad_gtin, IB, "0012301")] + ic[12:14]
    r5codes = [ic[20][:18], ic[21], ic[22] + "7"] + ic[23:25]
    r2codes = ac[0:1] + [ac[1][:19] + "X"] + ac[2:3]
    r4codes = ac[5:7] + [ac[7] + " "]
    recs = [("r1", "2026-10-13 10:00", IBU, IB, IBX, 50, r1codes, po_i, "WH-A"),
            ("r2", "2026-10-14 10:00", AMCLV, AC, ACX, 50, r2codes, po_a, "WH-C"),
            ("r3", "2026-10-20 10:00", IBU, IB, IBX, 50, r3codes, po_i, "WH-A"),
            ("r4", "2026-10-21 10:00", AMCLV, AC, ACX, 50, r4codes, po_a, "WH-C"),
            ("r5", "2026-10-27 10:00", IBU, IB, IBX, 50, r5codes, po_i, "WH-A")]
    rdocs = {po_i: [], po_a: []}
    for tag, t, p, b, x, q, cds, po, zone in recs:
        rc = F.receipt(T(t), TIANTAI, po, [dict(product=p, batch=b, prod="2026-10-02" if p is IBU else "2026-09-15", exp=x,
                                                arrived=q, accepted=q, codes=cds)], tag=tag)
        rdocs[po].append(rc)
        F.move("put_away", T(t) + 40 * MIN, [(p, b, q, "RCV", zone)], refs={"order": [po], "receipt": [rc]}, tag=tag + ".pa")
    ii, ti = F.invoice(T("2026-10-28 10:00"), "purchase", TIANTAI, SELF, [(IBU, 150, 1620)], {"order": [po_i]})
    ia, ta = F.invoice(T("2026-10-28 10:05"), "purchase", TIANTAI, SELF, [(AMCLV, 100, 2890)], {"order": [po_a]})
    F.pay(T("2026-11-16 10:00"), "outgoing", SELF, TIANTAI, ti + ta, [ii, ia])
    s2 = F.sell(T("2026-10-23 09:00"), KANGQIAO, [(IBU, IB, IBX, 60, 2100, "WH-A", None), (AMCLV, AC, ACX, 40, 3650, "WH-C", None)], tag="s2")
    F.bill(T("2026-10-23 16:00"), s2)
    F.collect(T("2026-11-13 10:00"), s2)
    F.count(T("2026-11-16 17:00"), "SP-1", [(ZOPI, ZB, 4)], tag="cnt")
    L.finalize()
    exp = expected(L, "VIOLATION: five deliveries of ordinary drugs whose scanned codes include a 19-digit code, a 20-character code ending in X, a GS1 string with a wrong GTIN check digit, a code with a trailing space, and an 18-digit plus a 21-digit code; 佐匹克隆片 (psychotropic2, registered by GTIN %s) whose 12 units are written as GS1 element strings in three spellings (bracketed with (11) at receipt, raw ]d2 with GS at put-away, bracketed with the AIs reordered at dispatch)" % G,
        ["佐匹克隆片 receipt {zopi.rc}: codes like %s (AI 17 day 00 = the month's last day; label expiry '2028-06', month precision); put-away {zopi.pa}: the same 12 units as ']d2' + 01 GTIN 17 date 10 batch <GS> 21 serial; dispatch {s1.disp} of 8: 4 reordered bracketed (01)(21)(17)(10), 4 raw; sale and review give expiry 2028-06-30" % brk[0],
         "docs/benchmarks.md: a GS1 unit code's key is 'a 128-bit hash of GTIN + serial': the three spellings are one unit, so no CODE-UNKNOWN, CODE-DUP or SPECIAL-CHAIN; format.md accepts bracketed and raw ']d2' with GS (U+001D) ending a variable-length value",
         "ordinary drugs (布洛芬缓释胶囊, 阿莫西林克拉维酸钾片, control none) from one monthly order each, delivered weekly; at each receipt a few units are scanned; one monthly purchase invoice per order; the malformed codes never move again (put-aways and the dispatch carry no codes)",
         "malformed: {r1} %r (19 digits); {r2} %r (X); {r3} %r (GTIN check digit should be %s); {r4} %r (trailing space: format.md 'white space before or after it is an error, never trimmed'); {r5} two: %r (18 digits) and %r (21 digits)" % (r1codes[2], r2codes[1], r3codes[2], ibu_gtin[13], r4codes[2], r5codes[0], r5codes[2]),
         "{r5}: one finding for the record, counting 2 and naming the first (rules.md 'Points at: the record carrying the malformed code'; round 15's texts 'e.g.' + count); the docs do not say whether two malformed codes of one line give one finding or two: my reading, one",
         "expected messages name the code; for {r2} I expect a diagnosis about a 20-character code that is not all digits, not about a GS1 AI (audit-zh item 16 found '不支持的 GS1 应用标识符（81）' for such a code)"],
        ["CODE-FORMAT {r1}, {r2}, {r3}, {r4}, {r5}: rules.md 'A code that is neither a 20-digit Chinese traceability code nor a valid GS1 element string (AI 01 GTIN with correct check digit, ...)'; format.md 'Codes are not refused at append: a malformed one is reported by CODE-FORMAT'"],
        [("CODE-FORMAT", "r1"), ("CODE-FORMAT", "r2"), ("CODE-FORMAT", "r3"), ("CODE-FORMAT", "r4"), ("CODE-FORMAT", "r5")])
    return L, exp


# ---------------------------------------------------------------- 208
@ledger
def l208():
    L = Ledger(208, "diazepam-returned-at-the-sale-window-instant-at-2359-and-0000-beijing-180-days-later")
    F = Flow(L)
    F.master(T("2026-05-04 08:30"), [HUAIEN, SHANGCHENG], [DIAZ], [ZONE_SP1])
    B, EX = "D2603118", "2029-03-10"
    d = Codes("8104562", 600001).take(30)
    b = F.buy(T("2026-05-04 10:00"), HUAIEN, [(DIAZ, B, "2026-03-11", EX, 30, 580)], "SP-1", codes={B: d}, prov="32", tag="buy")
    F.settle_purchase(b)
    s = F.sell(T("2026-05-08 07:00"), SHANGCHENG, [(DIAZ, B, EX, 10, 720, "SP-1", d[:10])], tag="s", gap=15 * MIN)
    inv, tot = F.bill(T("2026-05-08 16:00"), s)
    F.collect(T("2026-06-05 10:00"), s)
    for i, mday in enumerate(["2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"]):
        F.count(T(mday + " 17:00"), "SP-1", [(DIAZ, B, 20)], tag="m%d" % (i + 5))
    reason = "科室停用该规格，退回未使用药品"
    F.customer_return(T("2026-11-04 07:00:00"), SHANGCHENG, s["sale"], reason, [(DIAZ, B, 1, "RET", [d[0]])], tag="r1")
    cn, ctot = F.invoice(T("2026-11-04 15:00"), "sale", SELF, SHANGCHENG, [(DIAZ, 1, 720)], {"sale": [s["sale"]]}, credit_for=inv, tag="cn")
    F.pay(T("2026-11-06 10:00"), "outgoing", SELF, SHANGCHENG, ctot, [cn], tag="refund")
    F.customer_return(T("2026-11-04 23:59:00"), SHANGCHENG, s["sale"], reason, [(DIAZ, B, 1, "RET", [d[1]])], tag="r2")
    F.customer_return(T("2026-11-05 00:00:00"), SHANGCHENG, s["sale"], reason, [(DIAZ, B, 1, "RET", [d[2]])], tag="r3")
    F.count(T("2026-11-20 17:00"), "SP-1", [(DIAZ, B, 20)], tag="cnt")
    L.finalize()
    exp = expected(L, "VIOLATION: 地西泮注射液 sold 2026-05-08 07:00 and dispatched 07:30 (Beijing; 23:30 UTC the day before) with 10 codes; 180 days later the hospital returns one unit at 07:00:00 (the sale's last instant), one at 23:59 and one at 00:00 the next day",
        ["sale {s.sale} at 2026-05-08T07:00:00+08:00; dispatch {s.disp} at 07:30 +08:00 = 2026-05-07T23:30Z: local day of leaving 8 May, UTC day 7 May",
         "RETURN-ORIG: 'A sale is remembered for return_window_days from its occurred_at, to the second: a return at exactly that instant still finds it' - 180 x 24 h after 2026-05-08 07:00 +08:00 is 2026-11-04 07:00:00 +08:00 (no daylight saving): {r1} at exactly that instant finds it, {r2} (23:59) and {r3} (00:00 the next day) do not",
         "CODE-UNKNOWN: 'a shipped code is known to the end of the local day return_window_days after the day it left' - 8 May + 180 days = 4 Nov; known to 2026-11-04 23:59:59 +08:00: {r2} at 23:59 finds its code, {r3} at 2026-11-05 00:00:00 +08:00 does not (a UTC day would have ended 4 Nov 07:59:59 +08:00 and made {r2} CODE-UNKNOWN too)",
         "{r1} is credited ({cn}, red-letter invoice for 1 unit) and refunded ({refund}) within correction_days; {r2} and {r3} are not credited (their sale is forgotten, so no sale's goods are netted and no TTGK-S excess arises; the ledger runs past their correction_days to {cnt})",
         "SP-1 is counted every month end (20) and on {cnt}; the returned units stay in RET",
         "expected: CODE-UNKNOWN at {r3} names %s" % d[2]],
        ["RETURN-ORIG {r2}, {r3}: rules.md 'A customer return must reference an earlier sale ...; a later one does not [find it]'; Points at 'the customer_return; when the sale it names is known ... otherwise nothing'",
         "CODE-UNKNOWN {r3}: rules.md 'from the next day on it is not known, so a unit returned ... later is CODE-UNKNOWN too (beside RETURN-ORIG for a return outside its sale's window)'"],
        [("RETURN-ORIG", "r2"), ("RETURN-ORIG", "r3"), ("CODE-UNKNOWN", "r3")])
    return L, exp


# ---------------------------------------------------------------- 209
@ledger
def l209():
    L = Ledger(209, "supplier-and-customer-licences-lapse-at-beijing-midnight-31-october-night-receipts-and-b2b-orders")
    F = Flow(L)
    KQ = dict(KANGQIAO, licence=lic("浙CB5710127", "drug_retail", "2021-11-01", "2026-10-31"))
    F.master(T("2026-10-20 08:30"), [QIANJIANG, HUAKANG, KQ, JIURU], [AMOX], [ZONE_WHA])
    X, Y, Z = "A2609201", "A2609262", "A2610035"
    EX = {X: "2028-09-19", Y: "2028-09-25", Z: "2028-10-02"}
    PD = {X: "2026-09-20", Y: "2026-09-26", Z: "2026-10-03"}
    po = F.purchase(T("2026-10-26 10:00"), QIANJIANG, [(AMOX, 250, 1250)], tag="po1")
    rx = F.receipt(T("2026-10-31 23:50"), QIANJIANG, po, [dict(product=AMOX, batch=X, prod=PD[X], exp=EX[X], arrived=100, accepted=100)], tag="rx")
    ryz = F.receipt(T("2026-11-01 00:10"), QIANJIANG, po, [dict(product=AMOX, batch=Y, prod=PD[Y], exp=EX[Y], arrived=100, accepted=100),
                                                           dict(product=AMOX, batch=Z, prod=PD[Z], exp=EX[Z], arrived=50, accepted=50)], tag="ryz")
    F.move("put_away", T("2026-11-01 08:30"), [(AMOX, X, 100, "RCV", "WH-A"), (AMOX, Y, 100, "RCV", "WH-A"), (AMOX, Z, 50, "RCV", "WH-A")],
           refs={"order": [po], "receipt": [rx, ryz]}, tag="pa1")
    i1, t1 = F.invoice(T("2026-11-02 10:00"), "purchase", QIANJIANG, SELF, [(AMOX, 250, 1250)], {"order": [po]})
    F.pay(T("2026-11-20 10:00"), "outgoing", SELF, QIANJIANG, t1, [i1])
    b2 = F.buy(T("2026-11-02 09:00"), HUAKANG, [(AMOX, Z, PD[Z], EX[Z], 50, 1310)], "WH-A", tag="hk")
    F.settle_purchase(b2)
    # sales
    s1 = F.sale(T("2026-10-31 23:59:00"), KQ, [(AMOX, X, EX[X], 60, 1480)], tag="s1")
    s2 = F.sale(T("2026-11-01 00:00:00"), KQ, [(AMOX, X, EX[X], 40, 1480)], tag="s2")
    F.review(T("2026-11-01 08:40"), KQ, s1, [(AMOX, X, EX[X], 60)], tag="s1.rev")
    F.review(T("2026-11-01 08:50"), KQ, s2, [(AMOX, X, EX[X], 40)], tag="s2.rev")
    d1 = F.dispatch(T("2026-11-01 09:00"), KQ, s1, [(AMOX, X, 60, "WH-A", None)], tag="s1.disp")
    d2 = F.dispatch(T("2026-11-01 09:10"), KQ, s2, [(AMOX, X, 40, "WH-A", None)], tag="s2.disp")
    k1, kt1 = F.invoice(T("2026-11-01 16:00"), "sale", SELF, KQ, [(AMOX, 60, 1480)], {"sale": [s1], "delivery_note": [d1]})
    k2, kt2 = F.invoice(T("2026-11-01 16:05"), "sale", SELF, KQ, [(AMOX, 40, 1480)], {"sale": [s2], "delivery_note": [d2]})
    F.pay(T("2026-11-18 10:00"), "incoming", KQ, SELF, kt1 + kt2, [k1, k2])
    s3 = F.sell(T("2026-11-04 09:00"), JIURU, [(AMOX, Y, EX[Y], 100, 1480, "WH-A", None)], tag="s3")
    s4 = F.sell(T("2026-11-04 10:00"), JIURU, [(AMOX, Z, EX[Z], 80, 1480, "WH-A", None)], tag="s4")
    F.bill(T("2026-11-04 16:00"), s3)
    F.bill(T("2026-11-04 16:05"), s4)
    F.pay(T("2026-11-19 10:00"), "incoming", JIURU, SELF, s3["total"] + s4["total"], [s3["invoice"], s4["invoice"]])
    F.L.add("licence_changed", T("2026-11-06 09:00"), {"party": QIANJIANG["party"],
            "licence": lic("浙20260217", "drug_manufacturing", "2026-11-06", "2031-11-05"), "reason": "许可证到期换证（重新审查发证）"}, tag="lc1")
    F.L.add("licence_changed", T("2026-11-10 09:00"), {"party": KQ["party"],
            "licence": lic("浙CB5710127", "drug_retail", "2026-11-10", "2031-11-09"), "reason": "许可证到期换证"}, tag="lc2")
    F.count(T("2026-11-20 17:00"), "WH-A", [(AMOX, X, 0), (AMOX, Y, 0), (AMOX, Z, 20)], tag="cnt")
    L.finalize()
    exp = expected(L, "VIOLATION: 杭州钱江制药's manufacturing licence ends 2026-10-31 and is renewed only from 6 Nov; its night delivery is accepted at 23:50 on 31 Oct (batch X) and at 00:10 on 1 Nov (batches Y, Z); 杭州康桥's retail licence ends 31 Oct: its B2B orders at 23:59 and at 00:00; batch Y is sold on, batch Z was also bought from a qualified wholesaler",
        ["licence validity is by the Beijing date (format.md Dates: 'the engine compares them with the date of an event's occurred_at at UTC+08:00 ... Validity dates are inclusive')",
         "receipt {rx} at 2026-10-31T23:50+08:00: the licence's last day: quiet; receipt {ryz} at 2026-11-01T00:10+08:00 (= 2026-10-31T16:10Z): licence expired on the Beijing date 1 Nov",
         "sale {s1} at 2026-10-31T23:59:00+08:00: quiet; sale {s2} at 2026-11-01T00:00:00+08:00 (= 31 Oct 16:00Z): customer's licence expired on the Beijing date",
         "batch Y came only through {ryz}; its dispatch {s3.disp} has no qualified source; batch Z came through {ryz} and from 浙江华康医药商业 ({hk.rc}, qualified): 'received only from suppliers that failed qualification' is not met, so {s4.disp} is quiet",
         "the renewals ({lc1}, {lc2}) start after the events (valid_from 6 and 10 Nov), so they qualify none of them; purchase orders {po1} (26 Oct) and the manufacturer's invoice are not judged by SUP-LIC's dates",
         "customers are pharmacy chains (no two-invoice rule); everything invoiced and paid; WH-A counted at the end (Z 20)"],
        ["SUP-LIC {ryz}: rules.md 'Purchases and receipts only from registered suppliers whose licence is valid on the event date'; 'One finding per record'",
         "CUS-LIC {s2}: 'Wholesale only to registered customers whose licence is valid on the sale date'; Points at 'the wholesale sale'",
         "NO-SOURCE {s3.disp}: 'A batch was dispatched that was never received, or was received only from suppliers that failed qualification'"],
        [("SUP-LIC", "ryz"), ("CUS-LIC", "s2"), ("NO-SOURCE", "s3.disp")])
    return L, exp


# ---------------------------------------------------------------- 210
@ledger
def l210():
    L = Ledger(210, "morphine-across-month-end-seal-card-last-day-and-renewed-licence-first-hour-cases-returns-loss-destruction")
    F = Flow(L)
    DJ = dict(DIJIU, licence=lic("47005839833010411A1001", "medical_institution", "2021-10-31", "2026-10-30"),
              special={"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2023〕0317", "valid_to": "2026-10-30"})
    F.master(T("2026-10-26 08:30"), [SHENHUA, SHANGCHENG, DJ], [MORPH], [ZONE_SP1])
    F.L.add("licence_changed", T("2026-10-31 10:00"), {"party": DJ["party"],
            "licence": lic("47005839833010411A1001", "medical_institution", "2026-11-01", "2031-10-31"),
            "special": {"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2026〕0412", "valid_to": "2029-10-31"},
            "reason": "医疗机构执业许可证校验换证；印鉴卡换发"}, tag="lc")
    B, EX = "MF260822", "2029-08-21"
    units = Codes("8102318", 500001).take(50)
    cases = Codes("8102318", 900301).take(5)
    U = [units[i * 10:(i + 1) * 10] for i in range(5)]
    for j in range(5):
        F.aggregate(T("2026-10-27 08:00") + j * MIN, "pack", cases[j], U[j], tag="pack%d" % (j + 1))
    b = F.buy(T("2026-10-26 14:00"), SHENHUA, [(MORPH, B, "2026-08-22", EX, 50, 312)], "SP-1", codes={B: cases}, prov="31", tag="buy")
    s1 = F.sell(T("2026-10-29 09:00"), SHANGCHENG, [(MORPH, B, EX, 10, 398, "SP-1", [cases[0], cases[0]])], tag="s1")
    ret = F.customer_return(T("2026-10-30 10:00"), SHANGCHENG, s1["sale"], "病区退药：3 支未使用", [(MORPH, B, 3, "RET", U[0][:3])], tag="ret")
    F.bill(T("2026-10-31 10:00"), s1, qty_override={MORPH["product"]: 7})
    # S2: last day of the old seal card; S3: first minutes of the renewed licence (Beijing date 1 Nov, UTC 31 Oct)
    s2 = F.sale(T("2026-10-30 16:00"), DJ, [(MORPH, B, EX, 10, 398)], tag="s2")
    F.review(T("2026-10-30 16:15"), DJ, s2, [(MORPH, B, EX, 10)])
    d2 = F.dispatch(T("2026-10-30 16:30"), DJ, s2, [(MORPH, B, 10, "SP-1", [cases[1]])], tag="s2.disp")
    s3 = F.sale(T("2026-11-01 00:20"), DJ, [(MORPH, B, EX, 10, 398)], tag="s3")
    F.review(T("2026-11-01 00:35"), DJ, s3, [(MORPH, B, EX, 10)])
    d3 = F.dispatch(T("2026-11-01 00:50"), DJ, s3, [(MORPH, B, 10, "SP-1", [cases[2]])], tag="s3.disp")
    i2, t2 = F.invoice(T("2026-11-02 10:00"), "sale", SELF, DJ, [(MORPH, 20, 398)], {"sale": [s2, s3], "delivery_note": [d2, d3]})
    F.aggregate(T("2026-11-03 08:30"), "unpack", cases[3], U[3], tag="unpack4")
    F.loss(T("2026-11-03 15:00"), "loss", T("2026-11-03 09:00"), [(MORPH, B, 2, "SP-1", [U[3][0]])], REPORTED, tag="loss")
    F.move("transfer", T("2026-11-04 09:00"), [(MORPH, B, 3, "RET", "QA", U[0][:3])], reason="quarantine", refs={"receipt": [ret]}, tag="q",
           by=("质管-周敏", "保管-赵磊"))
    F.destruction(T("2026-11-10 10:00"), "医疗机构退回麻醉药品，按规定销毁", [(MORPH, B, 3, "QA", U[0][:3])], SUPERV, tag="destr")
    F.settle_purchase(b, at=T("2026-11-16 10:00"))
    F.collect(T("2026-11-18 10:00"), s1)
    F.pay(T("2026-11-20 10:00"), "incoming", DJ, SELF, t2, [i2])
    F.count(T("2026-11-20 17:00"), "SP-1", [(MORPH, B, 18)], tag="cnt")
    L.finalize()
    exp = expected(L, "LEGITIMATE: 盐酸吗啡注射液 in 5 cases across the month end: a case scanned twice on a dispatch; 3 loose ampoules returned with their codes, quarantined and destroyed under supervision; a sale on the last day of a hospital's licence and seal card, and a night sale 20 minutes into the first day of its renewed licence (Beijing date 1 Nov, UTC 31 Oct); a loss of 2 naming the one code known",
        ["杭州市第九人民医院's practising licence runs to 2026-10-30 and its seal card (浙杭麻印〔2023〕0317) to 2026-10-30; the renewal {lc}, recorded 31 Oct 10:00, adds a licence valid from 2026-11-01 (31 Oct is covered by neither: no sale that day) and replaces the card (浙杭麻印〔2026〕0412, to 2029-10-31)",
         "sale {s2} on 30 Oct 16:00: the old licence's and the old card's last day (the card on file then); sale {s3} at 2026-11-01T00:20+08:00 = 2026-10-31T16:20Z: the new licence covers it by the Beijing date 1 Nov only (by a UTC date, 31 Oct, neither licence would: CUS-LIC); the new card, on file since {lc}, covers it",
         "cases packed {pack1}-{pack5} before the receipt {buy.rc}; dispatch {s1.disp} lists case1 twice (10 units); the ward returns 3 of case1's ampoules with their codes ({ret}) before invoicing (invoice for 7); they go RET -> QA ({q}) and are destroyed with two supervisors ({destr})",
         "loss {loss}: case4 unpacked ({unpack4}), 2 ampoules missing, discovered 09:00, reported 15:00 to three authorities, naming the 1 code known",
         "narcotic channel: bought from the national wholesaler 申华 (上海); sold to seal-card holders in 浙江 with card numbers on file; SP-1 at the end 50 - 10 + 3 - 3 - 10 - 10 - 2 = 18, counted 18"],
        ["rules.md SPECIAL-CHAIN 'A unit listed twice on one line ... counts once'; 'a loss_report lists the codes it can name and is not held to its quantity'; SPECIAL-CHANNEL 'A seal card or designation counts from the occurred_at of the record that files it'",
         "format.md Dates: 'the engine compares them with the date of an event's occurred_at at UTC+08:00'; licence_changed: 'an event date inside the old or the new validity period qualifies'"],
        [])
    return L, exp


# ---------------------------------------------------------------- 211
@ledger
def l211():
    L = Ledger(211, "estazolam-som-trailing-window-of-8-orders-and-7-orders-in-7-days")
    F = Flow(L)
    H_, G_, K_ = HEMU, SHANGCHENG, DIJIU
    F.master(T("2026-01-02 08:30"), [HUAIEN, H_, G_, K_], [ESTA], [ZONE_SP1])
    B1, X1 = "E2510087", "2028-10-07"
    B2, X2 = "E2601153", "2029-01-14"
    c1 = Codes("8104561", 510001).take(800)
    c2 = Codes("8104561", 520001).take(800)
    b1 = F.buy(T("2026-01-02 10:00"), HUAIEN, [(ESTA, B1, "2025-10-08", X1, 800, 1860)], "SP-1", codes={B1: c1}, prov="32", tag="buy1")
    b2 = F.buy(T("2026-02-06 10:00"), HUAIEN, [(ESTA, B2, "2026-01-15", X2, 800, 1860)], "SP-1", codes={B2: c2}, prov="32", tag="buy2")
    F.settle_purchase(b1)
    F.settle_purchase(b2)
    orders = []
    hdays = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23",
             "2026-03-02", "2026-03-09", "2026-03-16"]
    hq = [100, 100] + [40] * 8 + [121]
    for i, (d_, q) in enumerate(zip(hdays, hq)):
        orders.append((T(d_ + " 09:00"), H_, q, "h%d" % (i + 1)))
    for i, d_ in enumerate(["2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28", "2026-02-04"]):
        orders.append((T(d_ + " 10:00"), G_, 40, "g%d" % (i + 1)))
    day0 = T("2026-03-02 14:00")
    for i, rel in enumerate([-55, -52, -48, -41, -38, -34, -27, -24, -20, -13, -10, -6, 0, 1, 2, 3, 4, 5, 6]):
        orders.append((day0 + rel * D, K_, 20, "k%d" % (i + 1)))
    orders.sort(key=lambda o: o[0])
    pool = {B1: list(c1), B2: list(c2)}
    bought_at = {B1: T("2026-01-03 12:40"), B2: T("2026-02-07 12:40")}
    sales = []
    for t, cust, q, tag in orders:
        bt = B1 if len(pool[B1]) >= q else B2
        assert t > bought_at[bt]
        codes = pool[bt][:q]
        del pool[bt][:q]
        s = F.sell(t, cust, [(ESTA, bt, X1 if bt == B1 else X2, q, 2300, "SP-1", codes)], tag=tag)
        F.bill(t + 6 * H, s)
        F.collect(t + 18 * D, s)
        sales.append(s)
    F.count(T("2026-04-05 17:00"), "SP-1", [(ESTA, B1, len(pool[B1])), (ESTA, B2, len(pool[B2]))], tag="cnt")
    L.finalize()
    exp = expected(L, "VIOLATION: 艾司唑仑片 (psychotropic2) to three hospitals: 杭州和睦康复医院 orders 100, 100, then 40 a week eight times, then 121; 杭州市第九人民医院 orders 20 about one and a half times a week for eight weeks, then 20 on each of seven consecutive days",
        ["和睦 (H): {h1.sale} 100, {h2.sale} 100, {h3.sale}..{h10.sale} 40 each, {h11.sale} 121. som_history 8: the trailing average of the last 8 orders is 40.0 and 121 = 3.025x > som_k 3; over all 10 previous orders it would be 52.0 (121 = 2.33x) and over 9, 46.7 (2.59x): only the 8-order window makes it fire",
         "第九 (K): 12 orders of 20 on 6, 9, 13, 20, 23, 27 Jan, 3, 6, 10, 17, 20, 24 Feb (1.5 a week over the 8 weeks before 2 March), then one a day 2-8 March 14:00 ({k13.sale}..{k19.sale})",
         "my reading of SOM's frequency test: for each order, the orders in the 7 x 24 h ending with it (this one included) against the weekly average of the 8 weeks before those 7 days; at {k18.sale} (7 March): 6 orders in 7 days, 12 in the 8 weeks before = 1.5 a week, 6 = 4.0x: not 'above' som_freq_factor 4; at {k19.sale} (8 March): 7 orders, 7 > 6 = 4.67x, and 7 >= som_freq_min 6: SOM",
         "the docs leave the frequency window open (rules.md: 'orders in 7 days against the customer's weekly average'; configuration: 'Orders in 7 days above this multiple of the customer's weekly average over the previous 8 weeks'): if 'the previous 8 weeks' counted back from the order itself (including the 7 days), {k19.sale} would compare 7 with (10 + 6)/8 = 2.0 a week (4x = 8) and not fire; if the 7 days excluded the order judged, 6 against 6 and not fire",
         "上城区 (G): 40 on five Wednesdays in Jan-Feb; peers: no order is above 10x the median of the others' trailing averages (the highest ratio is H's first orders of 100 against K's 20 and G's 40: median 30, 300)",
         "每单: sale, two-person review, dispatch with one code per box from the batch's pool, invoice the same day, payment 18 days later; SP-1 counted at the end"],
        ["SOM {h11.sale}: rules.md 'unusual size (k times the customer's trailing average for the product)'; som_history 8 'Orders in the customer's trailing average'",
         "SOM {k19.sale}: 'unusual frequency (orders in 7 days against the customer's weekly average)'; som_freq_factor 4.0; som_freq_min 6"],
        [("SOM", "h11.sale"), ("SOM", "k19.sale")])
    return L, exp


# ---------------------------------------------------------------- 212
@ledger
def l212():
    L = Ledger(212, "cold-room-excursion-across-beijing-midnight-30-sep-with-a-2m01s-gap-and-a-second-excursion-entered-from-a-10-min-gap")
    F = Flow(L)
    CR1 = {"zone": "CR-1", "storage": "cold", "sensors": ["TH-C101"]}
    F.master(T("2026-09-25 08:30"), [CHANGBAI, SHANGCHENG], [INSUL], [CR1])
    I, IX = "I2608155", "2028-08-14"
    tr = cold_transport(F, "吉E·L7316冷", "TL-7316", T("2026-09-26 09:30"), T("2026-09-26 12:00"), 2121)
    b = F.buy(T("2026-09-25 10:00"), CHANGBAI, [(INSUL, I, "2026-08-15", IX, 120, 4260)], "CR-1", transport=tr, prov="22", tag="buy")
    F.settle_purchase(b)
    # zone readings: every 10 min from 29 Sep 00:00 to 1 Oct 12:00, uploads every 2 h at HH:00:30
    r = random.Random(212)
    series = []
    t = T("2026-09-26 00:00")
    v = 5.0
    special1 = [("2026-09-30 23:52:00", 8.4), ("2026-09-30 23:54:00", 9.1), ("2026-09-30 23:56:01", 9.5),
                ("2026-09-30 23:58:01", 9.0), ("2026-10-01 00:00:01", 8.3), ("2026-10-01 00:02:01", 7.8)]
    special2 = [("2026-10-01 03:00:00", 8.6), ("2026-10-01 03:02:00", 8.9), ("2026-10-01 03:04:00", 8.2), ("2026-10-01 03:06:00", 7.7)]
    while t <= T("2026-10-01 12:00"):
        if t == T("2026-09-30 23:40"):
            series.append((t, 6.1))
        elif t == T("2026-09-30 23:50"):
            series.append((t, 7.6))
        elif t == T("2026-10-01 00:00"):
            pass  # replaced by the excursion readings
        elif t == T("2026-10-01 00:10"):
            series.append((t, 6.9))
        elif t == T("2026-10-01 02:50"):
            series.append((t, 7.9))
        elif t == T("2026-10-01 03:00"):
            pass
        elif t == T("2026-10-01 03:10"):
            series.append((t, 7.0))
        else:
            v = v + r.choice([-0.2, -0.1, -0.1, 0.0, 0.1, 0.1, 0.2]) - 0.15 * (v - 5.0)
            v = min(6.6, max(3.4, round(v, 1)))
            series.append((t, v))
        t += 10 * MIN
    series += [(T(a), c) for a, c in special1 + special2]
    series.sort()
    run, mx = 1, 1
    for (a, x), (b_, y) in zip(series, series[1:]):
        run = run + 1 if x == y else 1
        mx = max(mx, run)
    assert mx < 20, mx
    up = T("2026-09-26 02:00:30")
    i = 0
    uploads = []
    while i < len(series):
        chunk = [x for x in series[i:] if x[0] <= up]
        if chunk:
            uploads.append((up, chunk))
            i += len(chunk)
        up += 2 * H
    tags = {}
    for up, chunk in uploads:
        tg = None
        ats = [a for a, c in chunk]
        if T("2026-09-30 23:56:01") in ats:
            tg = "up_gap"
        elif T("2026-10-01 00:02:01") in ats:
            tg = "up_end1"
        elif T("2026-10-01 03:06:00") in ats:
            tg = "up_exc2"
        F.readings(up, "TH-C101", chunk, zone="CR-1", tag=tg)
    # a cold dispatch on our own truck the morning after
    s = F.sell(T("2026-10-01 08:00"), SHANGCHENG, [(INSUL, I, IX, 40, 5120, "CR-1", None)], tag="s", vehicle="浙A·L6072冷", gap=30 * MIN)
    F.readings(T("2026-10-01 10:40"), "TL-6072", trip(T("2026-10-01 08:30"), T("2026-10-01 10:30"), 2122), vehicle="浙A·L6072冷", tag="trip")
    F.bill(T("2026-10-01 16:00"), s)
    F.collect(T("2026-10-20 10:00"), s)
    L.finalize()
    exp = expected(L, "VIOLATION: cold room CR-1 (2-8 °C, one registered sensor TH-C101, a reading every 10 min, uploads every 2 h) goes out of range at 23:52 on 30 Sep (Beijing) and back at 00:02:01 on 1 Oct, read about every 2 min with one gap of 2 min 1 s; a second excursion at 03:00-03:06 is entered from a 10-minute interval",
        ["excursion 1: 23:50 7.6 (in), 23:52 8.4, 23:54 9.1, 23:56:01 9.5, 23:58:01 9.0 | upload at 00:00:30 ({up_gap}) holds up to 00:00:01 8.3 | 00:02:01 7.8 back in range (upload {up_end1} at 02:00:30); interval 2026-09-30 23:52 to 2026-10-01 00:02:01 +08:00 (15:52:00Z-16:02:01Z), 10 min 1 s, peak 9.5 °C",
         "gaps while out of range: 23:52-23:54 2 min, 23:54-23:56:01 2 min 1 s (> excursion_gap_minutes 2), 23:56:01-23:58:01, 23:58:01-00:00:01, 00:00:01-00:02:01 exactly 2 min each",
         "excursion 2: 02:50 7.9 (in), 03:00 8.6, 03:02 8.9, 03:04 8.2, 03:06 7.7 (in), all in the upload {up_exc2} (04:00:30); the 10-minute interval 02:50-03:00 ends at the first reading out of range: I read 'more than the excursion limit apart while out of range' as pairs whose earlier reading is out of range (the system cannot read every 2 min before it knows the room is out); the docs do not say which limit holds for the pair that enters an excursion - if the engine reports a TEMP-GAP there, that is the docs' gap",
         "elsewhere readings every 10 min between 3.4 and 6.6 °C; no day repeats another (TEMP-COPY), no run of identical values over 240 min (TEMP-FLAT), uploads hold readings at most 2 h old (TEMP-BACKFILL) and none later than the upload (TEMP-FUTURE)",
         "the insulin receipt {buy.rc} and our dispatch {s.disp} (vehicle 浙A·L6072冷, trip upload {trip} with readings 08:30-10:35 every 5 min in range) are cold-chain compliant",
         "expected texts in Beijing time: excursion 1 from 2026-09-30 23:52 (+08:00) to 2026-10-01 00:02 (+08:00), peak 9.5 °C; TEMP-GAP 2026-09-30 23:54 to 23:56 (+08:00), 2.02 min (a decimal as rules.md/CHANGELOG: 'as many decimals as show it exceeds the limit')"],
        ["TEMP-GAP {up_gap}: rules.md 'more than the excursion limit apart while out of range' (excursion_gap_minutes 2); Points at 'the temperature_reading (upload) holding the reading after the gap' (23:56:01 is in {up_gap})",
         "TEMP-RANGE {up_end1}: 'Points at the temperature_reading (upload) holding the reading that ended the excursion: the first back in range'; seqs add the upload where it began ({up_gap})",
         "TEMP-RANGE {up_exc2}: the second excursion, begun and ended in one upload"],
        [("TEMP-GAP", "up_gap"), ("TEMP-RANGE", "up_end1"), ("TEMP-RANGE", "up_exc2")])
    return L, exp


SLUGS = {}
if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "../ledgers"
    os.makedirs(out, exist_ok=True)
    for fn in LEDGERS:
        L, exp = fn()
        base = L.write(out, L.name)
        open(base + ".expected", "w", encoding="utf-8").write(exp)
        print(base, len(L.events))
