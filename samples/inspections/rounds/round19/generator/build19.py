#!/usr/bin/env python3
"""Round 19 inspection ledgers 236-245. Usage: build19.py OUTDIR (deterministic)."""
import sys, os
from datetime import timedelta as TD
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib19 import *

CONV = ("# note: conventions: master data first; owner 浙江衡泰医药有限公司 (%s, Hangzhou, regional wholesaler); "
        "entered_at 5 min after occurred_at (temperature uploads 30 s); ids UUID v7 of entered_at, increasing; USCCs with "
        "GB 32100/GB 11714 check characters; 本位码/GTINs with GS1 check digits; instants +08:00; invoices 20-digit numbers; "
        "payments by bank transfer between registered accounts unless a note says otherwise" % OWNER)
CONV2 = ("# note: RCV, RET and QA are unregistered staging/returns/quarantine locations; special-control receipts and reviews "
         "are signed by two people; expiries are in 2028, far from any dispatch")

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(OUT, exist_ok=True)
EXP = "2028-08-31"


def codes7(prefix, a, b):
    return [cn20(prefix, i) for i in range(a, b + 1)]


# ---------------------------------------------------------------- 236
def l236():
    L = Ledger("236")
    t = master(L, bj(2026, 11, 2, 8, 30), [OWNER, SUP_PSY, HOSP1], [P_DZP], ["SP-1"])
    n, po = purchase(L, bj(2026, 11, 2, 9, 30), SUP_PSY, [(P_DZP, 106, 850)])
    pre = "8134567"
    A = codes7(pre, 1, 24); B = codes7(pre, 101, 124); C = codes7(pre, 201, 224)
    D = codes7(pre, 301, 324); E = codes7(pre, 401, 410)
    rs = {}
    t = bj(2026, 11, 4, 10, 0)
    for key, batch, arrived, acc, codes, reason in [
            ("A", "2609041", 24, 22, A, "安瓿破损"), ("B", "2609042", 24, 22, B[:23], "安瓿破损"),
            ("C", "2609043", 24, 22, C[:22], "安瓿破损"), ("D", "2609044", 24, 22, D[:21], "安瓿破损"),
            ("E", "2609045", 10, 0, E, "外观检查不合格，整批拒收")]:
        dn = "HE-PS%s" % batch
        rs[key] = receipt(L, t, SUP_PSY, po, dn, [rline(P_DZP, batch, "2026-09-04", EXP, arrived, acc, arrived - acc, reason, "RCV", codes)])
        t += TD(minutes=20)
    pa, _ = put_away(L, bj(2026, 11, 4, 14, 0), [rs["A"][1], rs["B"][1], rs["C"][1]], po, [
        mline(P_DZP, "2609041", 22, "RCV", "SP-1", A[:22]), mline(P_DZP, "2609042", 22, "RCV", "SP-1", B[:22]),
        mline(P_DZP, "2609043", 22, "RCV", "SP-1", C[:22])])
    _, pinv, ptot = invoice(L, bj(2026, 11, 5, 10, 0), "purchase", SUP_PSY, OWNER, [(P_DZP, 88, 850)], {"order": [po]}, base="3232000000000")
    s, sd = sale(L, bj(2026, 11, 6, 9, 0), HOSP1, [(P_DZP, "2609041", EXP, 10, 1200), (P_DZP, "2609042", EXP, 10, 1200)])
    review(L, bj(2026, 11, 6, 10, 0), sd, HOSP1, [(P_DZP, "2609041", EXP, 10), (P_DZP, "2609042", EXP, 10)])
    dispatch(L, bj(2026, 11, 6, 11, 0), sd, HOSP1, [oline(P_DZP, "2609041", 10, "SP-1", A[:10]), oline(P_DZP, "2609042", 10, "SP-1", B[:10])])
    _, sinv, stot = invoice(L, bj(2026, 11, 6, 15, 0), "sale", OWNER, HOSP1, [(P_DZP, 20, 1200)], {"sale": [sd]})
    payment(L, bj(2026, 11, 10, 10, 0), "outgoing", OWNER, SUP_PSY, ptot, [pinv])
    payment(L, bj(2026, 11, 12, 10, 0), "incoming", HOSP1, OWNER, stot, [sinv])
    stock_count(L, bj(2026, 11, 13, 17, 0), "SP-1", [(P_DZP, "2609041", 12), (P_DZP, "2609042", 12), (P_DZP, "2609043", 22)])
    stock_count(L, bj(2026, 11, 13, 17, 30), "RCV", [(P_DZP, "2609044", 22)])
    exp = ["# 236 VIOLATION: special-control (地西泮注射液, psychotropic2) receipts whose rejected units were scanned on arrival, at the boundaries: "
           "24 arrived / 22 accepted with 24 codes (line %d), 23 codes (line %d), 22 codes (line %d) are quiet; 21 codes (line %d) is SPECIAL-CHAIN "
           "('came in at RCV' with codes for 21 units of 22); a batch rejected in full with all 10 arrived units scanned (line %d) is quiet"
           % (rs["A"][0], rs["B"][0], rs["C"][0], rs["D"][0], rs["E"][0]), CONV, CONV2,
           "# note: the accepted units are the first 22 codes of each line; only they are put away; batch 2609044 (21 codes) stays at RCV pending inquiry and is counted there (22)",
           "# why: format.md ReceiptLine.codes 'for special-control products one unit code per accepted unit, and at most one per unit that arrived (rejected units may be scanned too)'; CHANGELOG round 18 'it is quiet while the codes cover the accepted units and at most the units that arrived'",
           "SPECIAL-CHAIN %d" % rs["D"][0]]
    L.write(OUT, "236-special-receipt-rejected-units-scanned-24-23-22-quiet-21-fires-all-rejected-scanned-quiet", exp)


# ---------------------------------------------------------------- 237
def l237():
    L = Ledger("237")
    t = master(L, bj(2026, 11, 2, 8, 30), [OWNER, SUP_PSY, HOSP1, HOSP2], [P_EST], ["SP-1"])
    n, po = purchase(L, bj(2026, 11, 2, 9, 30), SUP_PSY, [(P_EST, 32, 2300)])
    b, e6 = "E260901", "280831"
    full = lambda i: gs1_br(P_EST, e6, b, "S%04d" % i)
    raw = lambda i: gs1_raw(P_EST, e6, b, "S%04d" % i)
    mini = lambda i: "(01)%s(21)S%04d" % (P_EST, i)
    r1codes = [full(i) for i in range(1, 21)] + [raw(1), mini(2)]
    r1, rd1 = receipt(L, bj(2026, 11, 4, 10, 0), SUP_PSY, po, "HE-PS2611030001", [rline(P_EST, b, "2026-09-01", EXP, 20, codes=r1codes)])
    r2codes = [full(i) for i in range(21, 33)] + [raw(25)]
    r2, rd2 = receipt(L, bj(2026, 11, 4, 10, 30), SUP_PSY, po, "HE-PS2611030002",
                      [rline(P_EST, b, "2026-09-01", EXP, 12, 10, 2, "外包装受潮", "RCV", r2codes)])
    put_away(L, bj(2026, 11, 4, 14, 0), rd1, po, [mline(P_EST, b, 20, "RCV", "SP-1", [full(i) for i in range(1, 21)] + [raw(3)])])
    put_away(L, bj(2026, 11, 4, 14, 20), rd2, po, [mline(P_EST, b, 10, "RCV", "SP-1", [full(i) for i in range(21, 31)])])
    _, pinv, ptot = invoice(L, bj(2026, 11, 5, 10, 0), "purchase", SUP_PSY, OWNER, [(P_EST, 30, 2300)], {"order": [po]}, base="3232000000000")
    s1, sd1 = sale(L, bj(2026, 11, 6, 9, 0), HOSP1, [(P_EST, b, EXP, 8, 2800)])
    review(L, bj(2026, 11, 6, 10, 0), sd1, HOSP1, [(P_EST, b, EXP, 8)])
    d1, _ = dispatch(L, bj(2026, 11, 6, 11, 0), sd1, HOSP1, [oline(P_EST, b, 8, "SP-1", [full(i) for i in range(1, 9)] + [mini(4)])])
    _, i1, t1 = invoice(L, bj(2026, 11, 6, 15, 0), "sale", OWNER, HOSP1, [(P_EST, 8, 2800)], {"sale": [sd1]})
    s2, sd2 = sale(L, bj(2026, 11, 9, 9, 0), HOSP2, [(P_EST, b, EXP, 6, 2800)])
    review(L, bj(2026, 11, 9, 10, 0), sd2, HOSP2, [(P_EST, b, EXP, 6)])
    d2, _ = dispatch(L, bj(2026, 11, 9, 11, 0), sd2, HOSP2, [oline(P_EST, b, 6, "SP-1", [full(i) for i in range(9, 14)] + [raw(9), mini(10)])])
    _, i2, t2 = invoice(L, bj(2026, 11, 9, 15, 0), "sale", OWNER, HOSP2, [(P_EST, 6, 2800)], {"sale": [sd2]})
    payment(L, bj(2026, 11, 10, 10, 0), "outgoing", OWNER, SUP_PSY, ptot, [pinv])
    payment(L, bj(2026, 11, 12, 10, 0), "incoming", HOSP1, OWNER, t1, [i1])
    payment(L, bj(2026, 11, 13, 10, 0), "incoming", HOSP2, OWNER, t2, [i2])
    stock_count(L, bj(2026, 11, 13, 17, 0), "SP-1", [(P_EST, b, 16)])
    exp = ["# 237 VIOLATION: append counts different GS1 units, not strings (艾司唑仑片, psychotropic2, registered by GTIN-14): receipt %d lists 22 strings for 20 arrived "
           "(unit S0001 also raw with ]d2 and <GS>, unit S0002 also as (01)(21) only); receipt %d (12 arrived, 10 accepted, 2 rejected) lists 13 strings, 12 units; "
           "put-away of 20 with 21 strings; dispatch %d of 8 with 9 strings (S0004 also as (01)(21)) -- all accepted at append and quiet. "
           "Dispatch %d of 6 lists 7 strings but only 5 units (S0009 raw, S0010 minimal) -> SPECIAL-CHAIN ('left SP-1 with codes for 5 ... unit(s)')" % (r1, r2, d1, d2), CONV, CONV2,
           "# why: rules.md CODE-DUP 'A unit is its 20-digit 追溯码, or for a GS1 code its GTIN with its serial (AI 01 and 21; batch and dates are not part of it), however the code is spelt'; CHANGELOG round 18 'append counts different units, not different strings'",
           "SPECIAL-CHAIN %d" % d2]
    L.write(OUT, "237-append-counts-gs1-units-not-strings-bracketed-raw-and-minimal-spellings-accepted-short-dispatch-fires", exp)


# ---------------------------------------------------------------- 238
def l238():
    L = Ledger("238")
    master(L, bj(2026, 11, 2, 8, 30), [OWNER, SUP_M, CHAIN, CLINIC], [P_AMOX], ["WH-A"])
    _, po = purchase(L, bj(2026, 11, 2, 9, 30), SUP_M, [(P_AMOX, 200, 860)])
    pre = "8103312"
    A = codes7(pre, 1, 100); B = codes7(pre, 101, 200)
    _, rd = receipt(L, bj(2026, 11, 3, 10, 0), SUP_M, po, "KH-PS2611020001", [
        rline(P_AMOX, "2610011", "2026-10-01", EXP, 100, codes=A), rline(P_AMOX, "2610012", "2026-10-02", EXP, 100, codes=B)], acceptors=["验收-钱芳"])
    put_away(L, bj(2026, 11, 3, 14, 0), rd, po, [mline(P_AMOX, "2610011", 100, "RCV", "WH-A", A), mline(P_AMOX, "2610012", 100, "RCV", "WH-A", B)])
    _, pinv, ptot = invoice(L, bj(2026, 11, 3, 16, 0), "purchase", SUP_M, OWNER, [(P_AMOX, 200, 860)], {"order": [po]}, base="3333000000000")
    _, s1 = sale(L, bj(2026, 11, 4, 9, 0), CHAIN, [(P_AMOX, "2610011", EXP, 30, 1100), (P_AMOX, "2610012", EXP, 20, 1100)])
    review(L, bj(2026, 11, 4, 10, 0), s1, CHAIN, [(P_AMOX, "2610011", EXP, 30), (P_AMOX, "2610012", EXP, 20)], reviewers=["复核-郑伟"])
    dispatch(L, bj(2026, 11, 4, 11, 0), s1, CHAIN, [oline(P_AMOX, "2610011", 30, "WH-A", A[:30]), oline(P_AMOX, "2610012", 20, "WH-A", B[:20])])
    _, i1, t1 = invoice(L, bj(2026, 11, 4, 15, 0), "sale", OWNER, CHAIN, [(P_AMOX, 50, 1100)], {"sale": [s1]})
    ret, _ = customer_return(L, bj(2026, 11, 6, 10, 0), s1, CHAIN, [iline(P_AMOX, "2610011", 5, "RET")])
    _, c1, ct1 = invoice(L, bj(2026, 11, 6, 15, 0), "sale", OWNER, CHAIN, [(P_AMOX, 5, 1100)], {"sale": [s1]}, credit_for=i1)
    transfer(L, bj(2026, 11, 7, 10, 0), "release", [mline(P_AMOX, "2610011", 5, "RET", "WH-A")], by=QM)
    # batch B: a code that left and never came back, while batch A has 5 uncoded returns outstanding
    _, s2 = sale(L, bj(2026, 11, 8, 9, 0), CLINIC, [(P_AMOX, "2610012", EXP, 2, 1150)])
    review(L, bj(2026, 11, 8, 10, 0), s2, CLINIC, [(P_AMOX, "2610012", EXP, 2)], reviewers=["复核-郑伟"])
    d2, _ = dispatch(L, bj(2026, 11, 8, 11, 0), s2, CLINIC, [oline(P_AMOX, "2610012", 2, "WH-A", [B[20], B[0]])])
    _, i2, t2 = invoice(L, bj(2026, 11, 8, 15, 0), "sale", OWNER, CLINIC, [(P_AMOX, 2, 1150)], {"sale": [s2]})
    # batch A: the 5 returned uncoded resold with their codes scanned
    _, s3 = sale(L, bj(2026, 11, 9, 9, 0), CLINIC, [(P_AMOX, "2610011", EXP, 5, 1150)])
    review(L, bj(2026, 11, 9, 10, 0), s3, CLINIC, [(P_AMOX, "2610011", EXP, 5)], reviewers=["复核-郑伟"])
    d3, _ = dispatch(L, bj(2026, 11, 9, 11, 0), s3, CLINIC, [oline(P_AMOX, "2610011", 5, "WH-A", A[:5])])
    _, i3, t3 = invoice(L, bj(2026, 11, 9, 15, 0), "sale", OWNER, CLINIC, [(P_AMOX, 5, 1150)], {"sale": [s3]})
    # batch A: a 6th code that left moves again: beyond the 5 that came back unscanned
    _, s4 = sale(L, bj(2026, 11, 10, 9, 0), CLINIC, [(P_AMOX, "2610011", EXP, 3, 1150)])
    review(L, bj(2026, 11, 10, 10, 0), s4, CLINIC, [(P_AMOX, "2610011", EXP, 3)], reviewers=["复核-郑伟"])
    d4, _ = dispatch(L, bj(2026, 11, 10, 11, 0), s4, CLINIC, [oline(P_AMOX, "2610011", 3, "WH-A", [A[30], A[31], A[5]])])
    _, i4, t4 = invoice(L, bj(2026, 11, 10, 15, 0), "sale", OWNER, CLINIC, [(P_AMOX, 3, 1150)], {"sale": [s4]})
    payment(L, bj(2026, 11, 10, 16, 0), "incoming", CHAIN, OWNER, t1 - ct1, [i1])
    payment(L, bj(2026, 11, 11, 10, 0), "outgoing", OWNER, SUP_M, ptot, [pinv])
    payment(L, bj(2026, 11, 12, 10, 0), "incoming", CLINIC, OWNER, t2 + t3 + t4, [i2, i3, i4])
    stock_count(L, bj(2026, 11, 13, 17, 0), "WH-A", [(P_AMOX, "2610011", 67), (P_AMOX, "2610012", 78)])
    exp = ["# 238 VIOLATION (mostly lawful): an ordinary drug (阿莫西林胶囊, control none, 20-digit codes) returned by a pharmacy chain WITHOUT its codes (5 of batch 2610011, line %d), "
           "released and resold with the 5 codes that had left scanned (dispatch %d): lawful, no CODE-DUP. Boundaries: dispatch %d of batch 2610012 re-ships a code that left "
           "while only batch 2610011 has uncoded returns -> CODE-DUP; dispatch %d re-ships a 6th left code of 2610011, beyond the 5 that came back unscanned -> CODE-DUP" % (ret, d3, d2, d4), CONV, CONV2,
           "# note: ordinary drug, so outbound reviews are signed by one person; the return is credited by a red-letter invoice and the chain pays the net",
           "# why: rules.md CODE-DUP 'A unit that had left and moves again after customers brought back units of its batch without their codes is taken for one of those (as many as came back unscanned), not this rule: an ordinary drug may be returned uncoded'",
           "CODE-DUP %d" % d2, "CODE-DUP %d" % d4]
    L.write(OUT, "238-ordinary-drug-returned-uncoded-resold-with-codes-quiet-other-batch-and-sixth-code-code-dup", exp)


# ---------------------------------------------------------------- 239
def l239():
    L = Ledger("239")
    master(L, bj(2026, 11, 2, 8, 30), [OWNER, SUP_PSY, HOSP1, HOSP2], [P_DZP], ["SP-1"])
    _, po = purchase(L, bj(2026, 11, 2, 9, 30), SUP_PSY, [(P_DZP, 50, 850)])
    pre = "8134567"
    A = codes7(pre, 1001, 1050)
    b = "2609051"
    _, rd = receipt(L, bj(2026, 11, 3, 10, 0), SUP_PSY, po, "HE-PS2611020005", [rline(P_DZP, b, "2026-09-05", EXP, 50, codes=A)])
    put_away(L, bj(2026, 11, 3, 14, 0), rd, po, [mline(P_DZP, b, 50, "RCV", "SP-1", A)])
    _, pinv, ptot = invoice(L, bj(2026, 11, 3, 16, 0), "purchase", SUP_PSY, OWNER, [(P_DZP, 50, 850)], {"order": [po]}, base="3232000000000")
    _, s1 = sale(L, bj(2026, 11, 4, 9, 0), HOSP1, [(P_DZP, b, EXP, 20, 1200)])
    review(L, bj(2026, 11, 4, 10, 0), s1, HOSP1, [(P_DZP, b, EXP, 20)])
    dispatch(L, bj(2026, 11, 4, 11, 0), s1, HOSP1, [oline(P_DZP, b, 20, "SP-1", A[:20])])
    _, i1, t1 = invoice(L, bj(2026, 11, 4, 15, 0), "sale", OWNER, HOSP1, [(P_DZP, 20, 1200)], {"sale": [s1]})
    ret, _ = customer_return(L, bj(2026, 11, 6, 10, 0), s1, HOSP1, [iline(P_DZP, b, 3, "RET")], reason="科室停用，包装完好",
                             by=("销售-吴敏", "验收-钱芳"))
    _, c1, ct1 = invoice(L, bj(2026, 11, 6, 15, 0), "sale", OWNER, HOSP1, [(P_DZP, 3, 1200)], {"sale": [s1]}, credit_for=i1)
    rel, _ = transfer(L, bj(2026, 11, 7, 10, 0), "release", [mline(P_DZP, b, 3, "RET", "SP-1", A[:3])], by=("质管-沈丽", "保管-李军"))
    _, s2 = sale(L, bj(2026, 11, 9, 9, 0), HOSP2, [(P_DZP, b, EXP, 3, 1200)])
    review(L, bj(2026, 11, 9, 10, 0), s2, HOSP2, [(P_DZP, b, EXP, 3)])
    d2, _ = dispatch(L, bj(2026, 11, 9, 11, 0), s2, HOSP2, [oline(P_DZP, b, 3, "SP-1", A[:3])])
    _, s3 = sale(L, bj(2026, 11, 10, 9, 0), HOSP2, [(P_DZP, b, EXP, 2, 1200)])
    review(L, bj(2026, 11, 10, 10, 0), s3, HOSP2, [(P_DZP, b, EXP, 2)])
    d3, _ = dispatch(L, bj(2026, 11, 10, 11, 0), s3, HOSP2, [oline(P_DZP, b, 2, "SP-1", [A[20], A[3]])])
    _, i2, t2 = invoice(L, bj(2026, 11, 10, 15, 0), "sale", OWNER, HOSP2, [(P_DZP, 5, 1200)], {"sale": [s2, s3]})
    payment(L, bj(2026, 11, 10, 16, 0), "incoming", HOSP1, OWNER, t1 - ct1, [i1])
    payment(L, bj(2026, 11, 11, 10, 0), "outgoing", OWNER, SUP_PSY, ptot, [pinv])
    payment(L, bj(2026, 11, 12, 10, 0), "incoming", HOSP2, OWNER, t2, [i2])
    stock_count(L, bj(2026, 11, 13, 17, 0), "SP-1", [(P_DZP, b, 28)])
    exp = ["# 239 VIOLATION: the story of 238 for a special-control drug (地西泮注射液, psychotropic2): the hospital returns 3 units WITHOUT codes (line %d) -> SPECIAL-CHAIN there "
           "('came in at RET' with codes for 0 of 3 units); QA re-inspects and releases them to SP-1 scanning the 3 codes that had left (line %d) and they are resold (dispatch %d): "
           "no second critical (no CODE-DUP). Boundary: dispatch %d lists a 4th code that left and never came back -> CODE-DUP" % (ret, rel, d2, d3), CONV, CONV2,
           "# note: both hospitals buy psychotropic2 (no seal card needed: SPECIAL-CHANNEL covers narcotics and class-1 psychotropics only); one monthly-style invoice covers sales %s and %s" % (s2, s3),
           "# why: rules.md CODE-DUP '... a special-control one is SPECIAL-CHAIN at its return'; CHANGELOG round 18 'the later supplier return or re-dispatch is no longer a second, misleading critical'; rules.md SPECIAL-CHAIN 'Units destroyed or returned by a customer are in hand and are scanned too'",
           "SPECIAL-CHAIN %d" % ret, "CODE-DUP %d" % d3]
    L.write(OUT, "239-psychotropic-returned-uncoded-special-chain-released-with-codes-and-resold-quiet-fourth-left-code-code-dup", exp)


# ---------------------------------------------------------------- 240
def l240():
    L = Ledger("240")
    master(L, bj(2026, 11, 2, 8, 30), [OWNER], [], ["CR-1"])
    d0 = bj(2026, 11, 3)
    R = {}
    for i in range(0, 24 * 6 + 12):          # 2026-11-03 00:00 .. 2026-11-04 01:50 every 10 min
        R[d0 + TD(minutes=10 * i)] = noise("240", i, 3.5, 6.5)
    H = lambda h, m, s=0: d0 + TD(hours=h, minutes=m, seconds=s)
    R[H(2, 30)] = 8.0; R[H(2, 40)] = 2.0       # inclusive bounds: quiet
    # S8 (04-06): low excursion 05:02-05:04, back at exactly 2.0
    R[H(5, 2)] = 1.8; R[H(5, 4)] = 2.0
    # S1 (08-10): excursion exactly 10 min 09:02-09:12, gaps of exactly 2 min while out
    for k, m in enumerate([2, 4, 6, 8, 10]):
        R[H(9, m)] = 9.1 + 0.1 * k
    R[H(9, 12)] = 6.0
    # S2 (10-12): excursion 11:02:00-11:12:01 = 10 min 1 s
    del R[H(11, 10)]
    for k, m in enumerate([2, 4, 6, 8, 10, 12]):
        R[H(11, m)] = 8.6 + 0.1 * k
    R[H(11, 12, 1)] = 7.5
    # S3 (12-14): storage gap exactly 30 min 13:00-13:30
    del R[H(13, 10)]; del R[H(13, 20)]
    # S4 (14-16): storage gap 30 min 1 s 15:00:00-15:30:01
    del R[H(15, 10)]; del R[H(15, 20)]; del R[H(15, 30)]
    R[H(15, 30, 1)] = 5.1
    # S5 (16-18): out 17:02:00, 17:04:01 (gap 2 min 1 s after an out-of-range reading), back 17:06:01
    R[H(17, 2)] = 9.0; R[H(17, 4, 1)] = 9.4; R[H(17, 6, 1)] = 6.8
    # S6 (18-20): in range 19:00, 25 min gap, out 19:25, 19:27, back 19:29
    del R[H(19, 10)]; del R[H(19, 20)]
    R[H(19, 25)] = 8.5; R[H(19, 27)] = 8.9; R[H(19, 29)] = 7.2
    # S7 (20-22): storage gap of exactly 45 min 21:00-21:45
    for m in (10, 20, 30, 40):
        del R[H(21, m)]
    R[H(21, 45)] = 4.4
    blocks = {}
    for at in sorted(R):
        blocks.setdefault((at - d0).total_seconds() // 7200, []).append({"at": iso(at), "celsius": R[at]})
    up = {}
    for k in sorted(blocks):
        rds = blocks[k]
        end = d0 + TD(seconds=(k + 1) * 7200)
        up[int(k)] = upload(L, "TH-R01", rds, zone="CR-1", at=end + TD(seconds=30))
    exp = ["# 240 VIOLATION: durations of TEMP-RANGE and TEMP-GAP in cold room CR-1 (2-8 °C, one sensor, readings every 10 min, one upload per 2 hours) at their boundaries. "
           "Expected wording (en): S8 low excursion 05:02-05:04 '2 min'; S1 09:02-09:12 '10 min' (int); S2 11:02:00-11:12:01 '10.02 min' (decimal); "
           "S3 gap 13:00-13:30 exactly 30 min quiet; S4 gap 15:00:00-15:30:01 '30.02 min'; S5 gap 17:02:00-17:04:01 after an out-of-range reading '2.02 min' (limit 2) and excursion 17:02:00-17:06:01 '4.02 min'; "
           "S6 25-min gap after an in-range reading before an excursion quiet, excursion 19:25-19:29 '4 min'; S7 gap 21:00-21:45 '45 min' (int); readings of exactly 8.0 and 2.0 quiet", CONV,
           "# note: upload lines: block 04-06 = %d, 08-10 = %d, 10-12 = %d, 12-14 = %d, 14-16 = %d, 16-18 = %d, 18-20 = %d, 20-22 = %d" % (up[2], up[4], up[5], up[6], up[7], up[8], up[9], up[10]),
           "# why: rules.md TEMP-GAP 'more than the excursion limit apart after a reading out of range ... a gap after a reading in range is held to the storage or transport limit, even when the next reading is out of range'; CHANGELOG round 18 'TEMP-RANGE gives an excursion of 10 min 1 s as \"10.02 min\", as TEMP-GAP gives gaps'; findings.md facts 'a duration ... is an int when it is a whole number of its unit, else a decimal'",
           "TEMP-RANGE %d" % up[2], "TEMP-RANGE %d" % up[4], "TEMP-RANGE %d" % up[5], "TEMP-GAP %d" % up[7],
           "TEMP-GAP %d" % up[8], "TEMP-RANGE %d" % up[8], "TEMP-RANGE %d" % up[9], "TEMP-GAP %d" % up[10]]
    L.write(OUT, "240-temp-range-and-gap-durations-10min-vs-10min01s-gap-30min-vs-30min01s-excursion-gap-2min01s-45min-int", exp)


# ---------------------------------------------------------------- 241
def l241():
    L = Ledger("241")
    master(L, bj(2026, 8, 1, 8, 30), [OWNER, SUP_M, HOSP1, CHAIN], [P_AMOX, P_IBU], ["WH-A"])
    # P1: invoice for 100 with 96 accepted, corrected by a credit note 7 days later (quiet)
    _, po1 = purchase(L, bj(2026, 8, 3, 9, 0), SUP_M, [(P_AMOX, 100, 860)])
    _, r1 = receipt(L, bj(2026, 8, 4, 10, 0), SUP_M, po1, "KH-PS2608030001",
                    [rline(P_AMOX, "2607151", "2026-07-15", EXP, 100, 96, 4, "外箱破损")], acceptors=["验收-钱芳"])
    put_away(L, bj(2026, 8, 4, 14, 0), r1, po1, [mline(P_AMOX, "2607151", 96, "RCV", "WH-A")])
    _, pi1, pt1 = invoice(L, bj(2026, 8, 5, 10, 0), "purchase", SUP_M, OWNER, [(P_AMOX, 100, 860)], {"order": [po1]}, base="3333000000000")
    # P2: invoice for 200 with 190 accepted, never corrected -> TTGK-P
    _, po2 = purchase(L, bj(2026, 8, 5, 11, 0), SUP_M, [(P_IBU, 200, 1250)])
    _, r2 = receipt(L, bj(2026, 8, 6, 10, 0), SUP_M, po2, "KH-PS2608050002",
                    [rline(P_IBU, "2607201", "2026-07-20", EXP, 200, 190, 10, "铝塑板破损")], acceptors=["验收-钱芳"])
    put_away(L, bj(2026, 8, 6, 14, 0), r2, po2, [mline(P_IBU, "2607201", 190, "RCV", "WH-A")])
    pi2n, pi2, pt2 = invoice(L, bj(2026, 8, 7, 10, 0), "purchase", SUP_M, OWNER, [(P_IBU, 200, 1250)], {"order": [po2]}, base="3333000000000")
    A, I = ("2607151", "2607201")
    sales = {}
    def sell(key, t, cust, p, b, q, pr, inv_t=None):
        _, sd = sale(L, t, cust, [(p, b, EXP, q, pr)])
        review(L, t + TD(hours=1), sd, cust, [(p, b, EXP, q)], reviewers=["复核-郑伟"])
        dispatch(L, t + TD(hours=2), sd, cust, [oline(p, b, q, "WH-A")])
        sales[key] = sd
        return sd
    # S1: overpaid by 100.00, refunded 7 days later (quiet)
    sd = sell("S1", bj(2026, 8, 10, 9, 0), CHAIN, P_AMOX, A, 50, 1100)
    _, si1, st1 = invoice(L, bj(2026, 8, 10, 15, 0), "sale", OWNER, CHAIN, [(P_AMOX, 50, 1100)], {"sale": [sd]})
    # S2: hospital overpays 1 fen, never refunded -> TTGK-S at the invoice
    sd = sell("S2", bj(2026, 8, 11, 9, 0), HOSP1, P_IBU, I, 40, 1500)
    s2n, si2, st2 = invoice(L, bj(2026, 8, 11, 15, 0), "sale", OWNER, HOSP1, [(P_IBU, 40, 1500)], {"sale": [sd]})
    # S3: price reduction (quantity 0) credit note, paid net (quiet)
    sd = sell("S3", bj(2026, 8, 12, 9, 0), CHAIN, P_IBU, I, 30, 1500)
    _, si3, st3 = invoice(L, bj(2026, 8, 12, 15, 0), "sale", OWNER, CHAIN, [(P_IBU, 30, 1500)], {"sale": [sd]})
    _, pc1, pct1 = invoice(L, bj(2026, 8, 12, 16, 0), "purchase", SUP_M, OWNER, [(P_AMOX, 4, 860)], {"order": [po1]}, credit_for=pi1, base="3333000000000")
    # S4: paid 1 fen short -> UNPAID at 2026-10-12 00:00 +08:00
    sd = sell("S4", bj(2026, 8, 13, 9, 0), HOSP1, P_AMOX, A, 20, 1100)
    s4n, si4, st4 = invoice(L, bj(2026, 8, 13, 15, 0), "sale", OWNER, HOSP1, [(P_AMOX, 20, 1100)], {"sale": [sd]})
    # S5: paid exactly at its deadline 2026-10-13 00:00 +08:00 (quiet)
    sd = sell("S5", bj(2026, 8, 14, 9, 0), HOSP1, P_AMOX, A, 10, 1100)
    _, si5, st5 = invoice(L, bj(2026, 8, 14, 15, 0), "sale", OWNER, HOSP1, [(P_AMOX, 10, 1100)], {"sale": [sd]})
    payment(L, bj(2026, 8, 15, 10, 0), "incoming", CHAIN, OWNER, st1 + 10000, [si1])
    _, red3 = credit_reduction(L, bj(2026, 8, 18, 10, 0), "sale", OWNER, CHAIN, P_IBU, 4500, si3, {"sale": [sales["S3"]]})
    # S6: two invoices settled by one payment (quiet)
    sd6 = sell("S6", bj(2026, 8, 18, 11, 0), CHAIN, P_AMOX, A, 10, 1100)
    _, si6, st6 = invoice(L, bj(2026, 8, 18, 15, 0), "sale", OWNER, CHAIN, [(P_AMOX, 10, 1100)], {"sale": [sd6]})
    sd7 = sell("S7", bj(2026, 8, 19, 9, 0), CHAIN, P_IBU, I, 10, 1500)
    _, si7, st7 = invoice(L, bj(2026, 8, 19, 15, 0), "sale", OWNER, CHAIN, [(P_IBU, 10, 1500)], {"sale": [sd7]})
    # S8: the customer's payment names a mistyped invoice number -> ORPHAN (payment) and UNPAID (the invoice)
    sd8 = sell("S8", bj(2026, 8, 20, 9, 0), CHAIN, P_IBU, I, 10, 1500)
    s8n, si8, st8 = invoice(L, bj(2026, 8, 20, 15, 0), "sale", OWNER, CHAIN, [(P_IBU, 10, 1500)], {"sale": [sd8]})
    payment(L, bj(2026, 8, 20, 16, 0), "outgoing", OWNER, SUP_M, pt1 - pct1, [pi1])
    payment(L, bj(2026, 8, 21, 10, 0), "outgoing", OWNER, SUP_M, pt2, [pi2])
    payment(L, bj(2026, 8, 22, 10, 0), "outgoing", OWNER, CHAIN, 10000, [si1])     # refund of the overpayment
    typo = si8[:-2] + si8[-1] + si8[-2]
    orph, _ = payment(L, bj(2026, 8, 24, 10, 0), "incoming", CHAIN, OWNER, st8, [typo])
    payment(L, bj(2026, 8, 25, 10, 0), "incoming", HOSP1, OWNER, st2 + 1, [si2])
    payment(L, bj(2026, 8, 25, 11, 0), "incoming", CHAIN, OWNER, st3 - 4500, [si3])
    payment(L, bj(2026, 8, 28, 10, 0), "incoming", CHAIN, OWNER, st6 + st7, [si6, si7])
    # S9: prepayment before the invoice (quiet)
    pre_no = L.invno()
    payment(L, bj(2026, 9, 1, 10, 0), "incoming", CHAIN, OWNER, 30000, [pre_no])
    payment(L, bj(2026, 9, 1, 11, 0), "incoming", HOSP1, OWNER, st4 - 1, [si4])
    sd9 = sell("S9", bj(2026, 9, 5, 9, 0), CHAIN, P_IBU, I, 20, 1500)
    invoice(L, bj(2026, 9, 5, 15, 0), "sale", OWNER, CHAIN, [(P_IBU, 20, 1500)], {"sale": [sd9]}, no=pre_no)
    payment(L, bj(2026, 10, 13, 0, 0), "incoming", HOSP1, OWNER, st5, [si5])
    cnt, _ = stock_count(L, bj(2026, 10, 20, 17, 0), "WH-A", [(P_AMOX, A, 6), (P_IBU, I, 80)])
    exp = ["# 241 VIOLATION: invoices, payments and credit notes (三方对账) over ten weeks. Quiet: purchase invoice over accepted corrected by a credit note after 7 days; "
           "an overpayment of 100.00 refunded after 7 days; a price reduction (quantity 0) paid net; one payment for two invoices; a prepayment before its invoice; "
           "a payment exactly at its UNPAID deadline (2026-10-13 00:00 +08:00). Fires: purchase invoice for 200 with 190 accepted, never corrected (TTGK-P %d); "
           "hospital overpays by 0.01 (TTGK-S %d); an invoice paid 0.01 short (UNPAID %d); a payment naming a mistyped invoice number (ORPHAN %d) leaving the real invoice unpaid (UNPAID %d)" % (pi2n, s2n, s4n, orph, s8n), CONV,
           "# note: the ledger ends with a stock count on 2026-10-20 17:00 +08:00, past every deadline above (S8's invoice of 2026-08-20 is due 2026-10-19 00:00 +08:00); amount_tolerance_minor 0",
           "# why: rules.md TTGK-P/TTGK-S 'invoiced quantities must not exceed the accepted quantities; payments must not exceed the invoice (tolerance) ... a finding if not corrected within the correction window'; UNPAID 'An invoice (net of credit notes) not fully paid within the threshold'; ORPHAN 'a payment that settles no known invoice'",
           "TTGK-P %d" % pi2n, "TTGK-S %d" % s2n, "UNPAID %d" % s4n, "ORPHAN %d" % orph, "UNPAID %d" % s8n]
    L.write(OUT, "241-three-way-invoices-payments-credit-notes-overinvoice-overpay-by-1-fen-short-1-fen-mistyped-invoice-number", exp)


# ---------------------------------------------------------------- 242
def l242():
    L = Ledger("242")
    master(L, bj(2026, 11, 2, 8, 30), [OWNER, SUP_M, CHAIN], [P_AMOX, P_IBU], ["WH-A", "WH-B"])
    A, B, I = "2610021", "2610022", "2610031"
    _, po = purchase(L, bj(2026, 11, 2, 9, 30), SUP_M, [(P_AMOX, 200, 860), (P_IBU, 100, 1250)])
    _, rd = receipt(L, bj(2026, 11, 3, 10, 0), SUP_M, po, "KH-PS2611020011", [
        rline(P_AMOX, A, "2026-10-10", EXP, 100), rline(P_AMOX, B, "2026-10-11", EXP, 100), rline(P_IBU, I, "2026-10-12", EXP, 100)],
        acceptors=["验收-钱芳"])
    put_away(L, bj(2026, 11, 3, 14, 0), rd, po, [mline(P_AMOX, A, 60, "RCV", "WH-A"), mline(P_AMOX, B, 100, "RCV", "WH-A"), mline(P_IBU, I, 100, "RCV", "WH-A")])
    _, pinv, ptot = invoice(L, bj(2026, 11, 3, 16, 0), "purchase", SUP_M, OWNER, [(P_AMOX, 200, 860), (P_IBU, 100, 1250)], {"order": [po]}, base="3333000000000")
    transfer(L, bj(2026, 11, 4, 10, 0), "relocation", [mline(P_AMOX, A, 20, "WH-A", "WH-B")])
    transfer(L, bj(2026, 11, 5, 9, 0), "quarantine", [mline(P_AMOX, A, 3, "WH-A", "QA")], by=QM)
    _, sd = sale(L, bj(2026, 11, 5, 10, 0), CHAIN, [(P_AMOX, A, EXP, 7, 1100), (P_AMOX, B, EXP, 50, 1100)])
    review(L, bj(2026, 11, 5, 11, 0), sd, CHAIN, [(P_AMOX, A, EXP, 7), (P_AMOX, B, EXP, 50)], reviewers=["复核-郑伟"])
    dispatch(L, bj(2026, 11, 5, 12, 0), sd, CHAIN, [oline(P_AMOX, A, 7, "WH-A"), oline(P_AMOX, B, 50, "WH-A")])
    _, sinv, stot = invoice(L, bj(2026, 11, 5, 15, 0), "sale", OWNER, CHAIN, [(P_AMOX, 57, 1100)], {"sale": [sd]})
    c1, _ = stock_count(L, bj(2026, 11, 6, 17, 0), "WH-A", [(P_AMOX, A, 30), (P_AMOX, B, 50), (P_IBU, I, 100)])
    c2, _ = stock_count(L, bj(2026, 11, 6, 17, 10), "RCV", [(P_AMOX, A, 40)])
    c3, _ = stock_count(L, bj(2026, 11, 6, 17, 20), "WH-B", [(P_AMOX, A, 19), (P_IBU, I, 0)])
    c4, _ = stock_count(L, bj(2026, 11, 6, 17, 30), "QA", [(P_IBU, I, 0)])
    loss = L.ev("loss_report", bj(2026, 11, 7, 10, 0), {"doc": "BS202611070001", "loss": "loss", "discovered_at": iso(bj(2026, 11, 6, 17, 20)),
                "lines": [oline(P_AMOX, A, 1, "WH-B")]}, by=("保管-李军", "质管-沈丽"))
    c5, _ = stock_count(L, bj(2026, 11, 7, 17, 0), "WH-B", [(P_AMOX, A, 19)])
    c6, _ = stock_count(L, bj(2026, 11, 8, 17, 0), "WH-A", [(P_AMOX, A, 29), (P_AMOX, B, 50), (P_IBU, I, 101)])
    sr = L.ev("supplier_return", bj(2026, 11, 9, 10, 0), {"doc": "TC202611090001", "supplier": SUP_M, "reason": "养护检查发现外观质量问题，供应商同意退货",
              "lines": [oline(P_AMOX, A, 3, "QA")]}, refs={"order": [po], "receipt": [rd]}, by=("采购-周强", "质管-沈丽"))
    _, pcn, pct = invoice(L, bj(2026, 11, 9, 15, 0), "purchase", SUP_M, OWNER, [(P_AMOX, 3, 860)], {"order": [po]}, credit_for=pinv, base="3333000000000")
    c7, _ = stock_count(L, bj(2026, 11, 9, 17, 0), "QA", [(P_AMOX, A, 0)])
    payment(L, bj(2026, 11, 10, 10, 0), "outgoing", OWNER, SUP_M, ptot - pct, [pinv])
    payment(L, bj(2026, 11, 12, 10, 0), "incoming", CHAIN, OWNER, stot, [sinv])
    exp = ["# 242 VIOLATION: stock counts (盘点) across locations. Quiet: WH-A count %d agrees (30/50/100); RCV count %d of the 40 not yet put away; WH-B recount %d after a loss report of 1 (19); "
           "QA count %d at 0 after the supplier return; a batch never at WH-B counted 0 there. Fires: WH-B count %d finds 19 of 20; QA count %d leaves the 3 quarantined boxes off the sheet (counts as 0); "
           "WH-A recount %d finds 29 of 30 amoxicillin and 101 of 100 ibuprofen (two findings, one per batch)" % (c1, c2, c5, c7, c3, c4, c6), CONV,
           "# note: ordinary drugs: one acceptor/reviewer; the loss of 1 ordinary box needs no authority report (SPECIAL-LOSS is for special-control drugs)",
           "# why: rules.md STOCK-COUNT 'A stock count found a quantity different from the book quantity at that location. A batch with stock on the books but missing from the count sheet counts as zero'; format.md stock_count.location 'A batch on the books there but missing from the sheet counts as found 0'; ledger 89's reading of one finding per batch",
           "STOCK-COUNT %d" % c3, "STOCK-COUNT %d" % c4, "STOCK-COUNT %d" % c6, "STOCK-COUNT %d" % c6]
    L.write(OUT, "242-stock-counts-rcv-wh-a-wh-b-qa-omitted-batch-shortage-overcount-recount-after-loss", exp)


# ---------------------------------------------------------------- 243 (pair)
def l243():
    A = Ledger("243A")
    master(A, bj(2026, 11, 2, 8, 30), [OWNER, SUP_M, HOSP1], [P_AMOX, P_IBU], ["WH-A"])
    AM, IB = "2610041", "2610051"
    _, po = purchase(A, bj(2026, 11, 2, 9, 30), SUP_M, [(P_AMOX, 100, 860), (P_IBU, 100, 1250)])
    _, rd = receipt(A, bj(2026, 11, 3, 10, 0), SUP_M, po, "KH-PS2611020021", [rline(P_AMOX, AM, "2026-10-15", EXP, 100), rline(P_IBU, IB, "2026-10-16", EXP, 100)], acceptors=["验收-钱芳"])
    put_away(A, bj(2026, 11, 3, 14, 0), rd, po, [mline(P_AMOX, AM, 100, "RCV", "WH-A"), mline(P_IBU, IB, 100, "RCV", "WH-A")])
    _, pinv, ptot = invoice(A, bj(2026, 11, 3, 16, 0), "purchase", SUP_M, OWNER, [(P_AMOX, 100, 860), (P_IBU, 100, 1250)], {"order": [po]}, base="3333000000000")
    D = {}
    INV = {}
    def sell(k, t, p, b, q, pr, tdisp):
        _, sd = sale(A, t, HOSP1, [(p, b, EXP, q, pr)])
        review(A, t + TD(minutes=30), sd, HOSP1, [(p, b, EXP, q)], reviewers=["复核-郑伟"])
        n, doc = dispatch(A, tdisp, sd, HOSP1, [oline(p, b, q, "WH-A")])
        D[k] = (n, doc, sd, tdisp)
    sell("1", bj(2026, 11, 5, 9, 0), P_AMOX, AM, 20, 1100, bj(2026, 11, 5, 11, 0))
    ret, _ = customer_return(A, bj(2026, 11, 5, 17, 0), D["1"][2], HOSP1, [iline(P_AMOX, AM, 2, "RET")], reason="到货破损，医院验收拒收，随车带回")
    INV["1"] = invoice(A, bj(2026, 11, 5, 17, 30), "sale", OWNER, HOSP1, [(P_AMOX, 18, 1100)], {"sale": [D["1"][2]], "delivery_note": [D["1"][1]]})
    sell("2", bj(2026, 11, 6, 9, 0), P_IBU, IB, 30, 1500, bj(2026, 11, 6, 10, 0))
    INV["2"] = invoice(A, bj(2026, 11, 6, 15, 0), "sale", OWNER, HOSP1, [(P_IBU, 30, 1500)], {"sale": [D["2"][2]], "delivery_note": [D["2"][1]]})
    sell("3", bj(2026, 11, 7, 9, 0), P_AMOX, AM, 10, 1100, bj(2026, 11, 7, 10, 0))
    INV["3"] = invoice(A, bj(2026, 11, 7, 15, 0), "sale", OWNER, HOSP1, [(P_AMOX, 10, 1100)], {"sale": [D["3"][2]], "delivery_note": [D["3"][1]]})
    sell("4", bj(2026, 11, 9, 9, 0), P_IBU, IB, 15, 1500, bj(2026, 11, 9, 14, 0))
    INV["4"] = invoice(A, bj(2026, 11, 9, 15, 0), "sale", OWNER, HOSP1, [(P_IBU, 15, 1500)], {"sale": [D["4"][2]], "delivery_note": [D["4"][1]]})
    payment(A, bj(2026, 11, 10, 10, 0), "outgoing", OWNER, SUP_M, ptot, [pinv])
    payment(A, bj(2026, 11, 12, 10, 0), "incoming", HOSP1, OWNER, INV["1"][2] + INV["2"][2] + INV["4"][2], [INV["1"][1], INV["2"][1], INV["4"][1]])
    stock_count(A, bj(2026, 11, 13, 17, 0), "WH-A", [(P_AMOX, AM, 70), (P_IBU, IB, 55)])

    # the hospital's own ledger
    B = Ledger("243B")
    hp = dict(PARTIES[HOSP1]); hp["relation"] = "self"
    op = dict(PARTIES[OWNER]); op["relation"] = "supplier"
    saved = (PARTIES[HOSP1], PARTIES[OWNER])
    PARTIES[HOSP1], PARTIES[OWNER] = hp, op
    ZONES["YF-1"] = dict(storage="ambient", sensors=[])
    try:
        master(B, bj(2026, 11, 2, 8, 0), [HOSP1, OWNER], [P_AMOX, P_IBU], ["YF-1"])
    finally:
        PARTIES[HOSP1], PARTIES[OWNER] = saved
    hb = ("药剂科-林静",)
    def bpo(t, p, q, pr):
        doc = B.doc("YYCG", day(t))
        B.ev("purchase", t, {"doc": doc, "supplier": OWNER, "lines": [{"product": p, "quantity": q, "unit_price": money(pr)}]}, by=hb)
        return doc
    def brc(t, po_, dn, p, b, arrived, acc=None, rej=0, reason=None):
        doc = B.doc("YS", day(t))
        n = B.ev("receipt", t, {"doc": doc, "supplier": OWNER, "lines": [rline(p, b, "2026-10-15" if p == P_AMOX else "2026-10-16", EXP, arrived, acc, rej, reason, "YF-1")],
                 "acceptors": ["药剂科-林静"]}, refs={"order": [po_], "delivery_note": [dn]}, by=hb)
        return n
    po1 = bpo(bj(2026, 11, 4, 9, 0), P_AMOX, 20, 1100)
    po2 = bpo(bj(2026, 11, 5, 9, 0), P_IBU, 30, 1500)
    b1 = brc(bj(2026, 11, 5, 15, 0), po1, D["1"][1], P_AMOX, AM, 20, 18, 2, "外箱挤压，2 盒破损，拒收")
    po3 = bpo(bj(2026, 11, 6, 9, 0), P_AMOX, 10, 1100)
    po4 = bpo(bj(2026, 11, 8, 9, 0), P_IBU, 20, 1500)
    po5 = bpo(bj(2026, 11, 9, 9, 30), P_AMOX, 12, 1100)
    b2 = brc(D["2"][3] + TD(hours=72, seconds=1), po2, D["2"][1], P_IBU, IB, 30)
    b4 = brc(bj(2026, 11, 9, 16, 0), po4, D["4"][1], P_IBU, IB, 16)
    bf = brc(bj(2026, 11, 10, 10, 0), po5, "PS202611109999", P_AMOX, AM, 12)
    for k, po_ in (("1", po1), ("2", po2), ("4", po4)):
        n, no, tot = INV[k]
        qty = {"1": 18, "2": 30, "4": 15}[k]
        p = P_AMOX if k == "1" else P_IBU
        B.ev("invoice", bj(2026, 11, 10, 11, 0) + TD(minutes=int(k)), {"doc": no, "direction": "purchase", "issuer": OWNER, "buyer": HOSP1,
             "issued_on": A_inv_date[k], "lines": [{"product": p, "quantity": qty, "unit_price": money(tot // qty), "amount": money(tot)}], "total": money(tot)},
             refs={"order": [po_]}, by=("财务-何平",))
    payment(B, bj(2026, 11, 12, 10, 0), "outgoing", HOSP1, OWNER, INV["1"][2] + INV["2"][2] + INV["4"][2], [INV["1"][1], INV["2"][1], INV["4"][1]])
    base = "243-cross-pair-seller-and-hospital-rejected-at-door-quiet-transit-72h01s-missing-quantity-differs-fake-delivery-note"
    A.write(OUT, base + "-A-seller", [
        "# 243 VIOLATION (pair, seller's ledger): checked ALONE it is quiet; checked with the hospital's ledger: CROSS-TRANSIT %d (received 72 h 0 min 1 s later: '72.0003 hours'), CROSS-MISSING %d (never received), CROSS-DIFF %d (hospital records 16 arrived of 15 shipped); "
        "dispatch %d received with 2 of 20 rejected at the door (arrived 20 = dispatched 20) is quiet; see the .pair.md" % (D["2"][0], D["3"][0], D["4"][0], D["1"][0]), CONV,
        "# note: the 2 boxes rejected at the hospital's door come back with the driver (customer_return %d) and the invoice is for 18; the ledger ends 2026-11-13, before any deadline (pending items only)" % ret])
    B.write(OUT, base + "-B-hospital", [
        "# 243 VIOLATION (pair, hospital's ledger, owner 杭州市滨江区人民医院 %s): checked ALONE it is quiet; with the seller's ledger: CROSS-UNMATCHED %d (receipt naming delivery note PS202611109999, which the seller never issued)" % (HOSP1, bf), CONV])
    with open(f"{OUT}/243-cross-pair.pair.md", "w", encoding="utf-8") as f:
        f.write(f"""# 243 pair: seller {OWNER} and public hospital {HOSP1}

```sh
rxledger init A && rxledger append A {base}-A-seller.jsonl
rxledger init H && rxledger append H {base}-B-hospital.jsonl
rxledger check A H --format json
```

Expected (document 1, seller):

```text
CROSS-TRANSIT {D["2"][0]}
CROSS-MISSING {D["3"][0]}
CROSS-DIFF {D["4"][0]}
```

Expected (document 2, hospital):

```text
CROSS-UNMATCHED {bf}
```

- dispatch {D["1"][0]} (20 boxes) answered by hospital receipt {b1}: 20 arrived, 18 accepted, 2 rejected -> quiet (CROSS-DIFF compares `receipt.lines[].arrived`, rules.md Reads).
- dispatch {D["2"][0]} at 2026-11-06 10:00:00 +08:00, received at 2026-11-09 10:00:01 (receipt {b2}): 72 h 1 s > transit_hours 72 -> CROSS-TRANSIT; wording expected '72.0003 hours' (CHANGELOG: 'a duration compared with a whole-unit limit (… CROSS-TRANSIT) … 72.0003 hours').
- dispatch {D["3"][0]} never received -> CROSS-MISSING.
- dispatch {D["4"][0]} of 15, receipt {b4} says 16 arrived -> CROSS-DIFF.
- receipt {bf} names PS202611109999, never issued by the seller -> CROSS-UNMATCHED in the hospital's report.
""")


A_inv_date = {"1": "2026-11-05", "2": "2026-11-06", "4": "2026-11-09"}


# ---------------------------------------------------------------- 244 (a month)
def l244():
    L = Ledger("244")
    t = master(L, bj(2026, 9, 30, 8, 30), [OWNER, SUP_M, SUP_PSY, SUP_BIO, SUP_WS, HOSP1, HOSP2, CHAIN, CLINIC],
               [P_AMOX, P_IBU, P_DZP, P_INS], ["WH-A", "SP-1", "CR-1"])
    Q = []   # (time, order, fn)
    R = {}
    def at(tm, key, fn):
        Q.append((tm, len(Q), key, fn))
    stock = {}
    def mv(p, b, loc, q):
        stock[(p, b, loc)] = stock.get((p, b, loc), 0) + q
    # zone readings: every 10 min, one upload per zone every 4 h
    zr = {"WH-A": ("TH-A01", 15.0, 27.0), "SP-1": ("TH-S01", 16.0, 25.0), "CR-1": ("TH-R01", 3.0, 7.0)}
    d0 = bj(2026, 10, 1)
    for blk in range(31 * 6):
        for z, (sen, lo, hi) in zr.items():
            start = d0 + TD(hours=4 * blk)
            rds = [{"at": iso(start + TD(minutes=10 * i)), "celsius": noise(z, blk * 24 + i, lo, hi)} for i in range(24)]
            at(start + TD(hours=4, seconds=30), None, (lambda sen=sen, rds=rds, z=z, start=start: upload(L, sen, rds, zone=z, at=start + TD(hours=4, seconds=30))))
    AM, IB, IB2, DZ, IN = "2609101", "2609111", "2609131", "2609121", "2609141"
    dz_codes = codes7("8134567", 5001, 5150)
    dz_next = [0]
    pays = []
    # purchases
    def buy(t0, sup, p, b, q, price, dn, loc, codes=None, transport=None, acceptors=("验收-钱芳",)):
        def f():
            n, po = purchase(L, t0, sup, [(p, q, price)])
            R["po" + b] = po
            return n
        at(t0, None, f)
        def g():
            n, rd = receipt(L, t0 + TD(days=1), sup, R["po" + b], dn, [rline(p, b, "2026-09-01", EXP, q, loc=loc, codes=codes)], acceptors=list(acceptors), transport=transport)
            R["rd" + b] = rd
            return n
        at(t0 + TD(days=1), None, g)
        mv(p, b, loc, q)
        if loc == "RCV":
            dest = "SP-1" if p == P_DZP else "WH-A"
            at(t0 + TD(days=1, hours=3), None, lambda: put_away(L, t0 + TD(days=1, hours=3), R["rd" + b], R["po" + b], [mline(p, b, q, "RCV", dest, codes)])[0])
            mv(p, b, "RCV", -q); mv(p, b, dest, q)
        def h():
            n, no, tot = invoice(L, t0 + TD(days=1, hours=6), "purchase", sup, OWNER, [(p, q, price)], {"order": [R["po" + b]]}, base="3300000000000")
            R["pi" + b] = (no, tot)
            return n
        at(t0 + TD(days=1, hours=6), None, h)
        at(t0 + TD(days=15), None, lambda: payment(L, t0 + TD(days=15), "outgoing", OWNER, sup, R["pi" + b][1], [R["pi" + b][0]])[0])
    buy(bj(2026, 10, 2, 9, 0), SUP_M, P_AMOX, AM, 700, 860, "KH-PS2610020001", "RCV")
    buy(bj(2026, 10, 2, 9, 30), SUP_M, P_IBU, IB, 400, 1250, "KH-PS2610020002", "RCV")
    buy(bj(2026, 10, 2, 10, 0), SUP_PSY, P_DZP, DZ, 150, 850, "HE-PS2610020003", "RCV", codes=dz_codes, acceptors=ACC2)
    # cold receipt straight into CR-1 with the supplier's truck log uploaded after the receipt
    veh_in = "沪D·K3321冷"
    tr = {"vehicle": veh_in, "shipped_at": iso(bj(2026, 10, 6, 5, 0)), "cold_chain": True}
    buy(bj(2026, 10, 5, 9, 0), SUP_BIO, P_INS, IN, 200, 4500, "RK-PS2610050001", "CR-1", transport=tr)
    rds_in = [{"at": iso(bj(2026, 10, 6, 4, 50) + TD(minutes=5 * i)), "celsius": noise("in", i, 3.5, 6.5)} for i in range(52)]
    at(bj(2026, 10, 6, 9, 40), None, lambda: upload(L, "RK-TL-07", rds_in, vehicle=veh_in, at=bj(2026, 10, 6, 9, 40)))
    buy(bj(2026, 10, 8, 9, 0), SUP_WS, P_IBU, IB2, 100, 1350, "HT-PS2610080001", "RCV")
    # sales, four weeks
    planted = {}
    week_plan = [  # (customer, product, batch, qty, price, dayoffset, hour)
        (HOSP1, P_AMOX, AM, 50, 1100, 0, 9), (HOSP2, P_AMOX, AM, 40, 1100, 0, 10), (CHAIN, P_AMOX, AM, 60, 1080, 0, 14),
        (HOSP2, P_IBU, IB, 30, 1500, 1, 9), (CHAIN, P_IBU, IB, 50, 1480, 1, 10), (CLINIC, P_IBU, IB, 10, 1550, 1, 14),
        (HOSP1, P_DZP, DZ, None, 1200, 2, 9), (HOSP2, P_DZP, DZ, None, 1200, 2, 10), (HOSP1, P_INS, IN, 30, 5600, 2, 13)]
    dzq = {HOSP1: [20, 22, 18, 21], HOSP2: [15, 16, 14, 15]}
    veh_out = "浙A·L5508冷"
    for w in range(4):
        mon = bj(2026, 10, 5) + TD(days=7 * w)
        for cust, p, b, q, pr, dd, hh in week_plan:
            if p == P_DZP:
                q = dzq[cust][w]
            if p == P_IBU and cust == HOSP2 and w == 2:
                b = IB2          # planted: bought from a wholesaler, sold to a public hospital
            t0 = mon + TD(days=dd, hours=hh)
            src = "SP-1" if p == P_DZP else ("CR-1" if p == P_INS else "WH-A")
            codes = None
            if p == P_DZP:
                codes = dz_codes[dz_next[0]:dz_next[0] + q]; dz_next[0] += q
            mv(p, b, src, -q)
            key = (w, cust, p)
            def f(t0=t0, cust=cust, p=p, b=b, q=q, pr=pr, key=key):
                n, sd = sale(L, t0, cust, [(p, b, EXP, q, pr)])
                R[("sale",) + key] = sd
                return n
            at(t0, ("sale",) + key, f)
            one = (p == P_DZP and cust == HOSP2 and w == 1)
            revs = (["复核-郑伟"] if (p != P_DZP or one) else REV2)
            at(t0 + TD(minutes=40), ("rev",) + key, lambda t0=t0, cust=cust, p=p, b=b, q=q, key=key, revs=revs: review(L, t0 + TD(minutes=40), R[("sale",) + key], cust, [(p, b, EXP, q)], reviewers=revs)[0])
            veh = veh_out if p == P_INS else None
            at(t0 + TD(minutes=80), ("disp",) + key, lambda t0=t0, cust=cust, p=p, b=b, q=q, key=key, src=src, codes=codes, veh=veh: dispatch(L, t0 + TD(minutes=80), R[("sale",) + key], cust, [oline(p, b, q, src, codes)], vehicle=veh)[0])
            if veh:
                rds = [{"at": iso(t0 + TD(minutes=80 - 50 + 5 * i)), "celsius": noise("out%d" % w, i, 3.6, 6.4)} for i in range(40)]
                at(t0 + TD(minutes=80 + 3 * 60 + 30), None, lambda rds=rds, t0=t0: upload(L, "HT-TL-02", rds, vehicle=veh_out, at=t0 + TD(minutes=80 + 210)))
            def inv(t0=t0, cust=cust, p=p, q=q, pr=pr, key=key):
                n, no, tot = invoice(L, t0 + TD(hours=5), "sale", OWNER, cust, [(p, q, pr)], {"sale": [R[("sale",) + key]]})
                R[("inv",) + key] = (no, tot)
                return n
            at(t0 + TD(hours=5), None, inv)
            if (w, cust, p) == (1, CHAIN, P_AMOX):
                continue     # paid net after its return, below
            tp = t0 + TD(days=7, hours=1)
            if tp < bj(2026, 10, 31, 12, 0):
                at(tp, None, lambda tp=tp, cust=cust, key=key: payment(L, tp, "incoming", cust, OWNER, R[("inv",) + key][1], [R[("inv",) + key][0]])[0])
    # the chain returns 10 boxes of week 2's amoxicillin; planted: moved back by relocation, not release
    wk = (1, CHAIN, P_AMOX)
    tret = bj(2026, 10, 14, 10, 0)
    at(tret, None, lambda: customer_return(L, tret, R[("sale",) + wk], CHAIN, [iline(P_AMOX, AM, 10, "RET")])[0])
    mv(P_AMOX, AM, "RET", 10)
    def cn():
        n, no, tot = invoice(L, tret + TD(hours=4), "sale", OWNER, CHAIN, [(P_AMOX, 10, 1080)], {"sale": [R[("sale",) + wk]]}, credit_for=R[("inv",) + wk][0])
        R["cn"] = tot
        return n
    at(tret + TD(hours=4), None, cn)
    at(bj(2026, 10, 16, 10, 0), "reloc", lambda: transfer(L, bj(2026, 10, 16, 10, 0), "relocation", [mline(P_AMOX, AM, 10, "RET", "WH-A")])[0])
    mv(P_AMOX, AM, "RET", -10); mv(P_AMOX, AM, "WH-A", 10)
    at(bj(2026, 10, 20, 11, 0), None, lambda: payment(L, bj(2026, 10, 20, 11, 0), "incoming", CHAIN, OWNER, R[("inv",) + wk][1] - R["cn"], [R[("inv",) + wk][0]])[0])
    # month-end counts
    tc = bj(2026, 10, 31, 18, 0)
    for i, loc in enumerate(["WH-A", "SP-1", "CR-1"]):
        lines = [(p, b, q) for (p, b, l), q in sorted(stock.items()) if l == loc and q != 0]
        at(tc + TD(minutes=10 * i), None, lambda loc=loc, lines=lines, i=i: stock_count(L, tc + TD(minutes=10 * i), loc, lines)[0])
    assert all(q >= 0 for q in stock.values()), stock
    for tm, _, key, fn in sorted(Q, key=lambda x: (x[0], x[1])):
        n = fn()
        if key is not None:
            R[key if not isinstance(key, tuple) or key[0] not in ("sale",) else ("line",) + key] = n
    rev2 = R[("rev", 1, HOSP2, P_DZP)]
    s2i = R[("line", "sale", 2, HOSP2, P_IBU)]
    rel = R["reloc"]
    exp = ["# 244 VIOLATION: a month (October 2026) of lawful business of 浙江衡泰医药 with exactly three planted violations: %d events, 3 zones read every 10 min and uploaded every 4 h; "
           "5 purchases (one of insulin received cold straight into CR-1 with the truck's log uploaded after the receipt; one of ibuprofen from a wholesaler), 4 weeks of 9 sales each "
           "(diazepam with codes, insulin dispatched on a cold truck whose trip log follows), invoices the same day, payments a week later, a customer return credited and paid net, month-end counts that agree. "
           "Planted: SPECIAL-2P %d (diazepam outbound review signed by one person), QUARANTINE %d (returned goods moved RET -> WH-A by relocation, not release), TWO-INVOICE %d (ibuprofen bought from 浙江华通医药 sold to a public hospital)" % (len(L.lines), rev2, rel, s2i), CONV, CONV2,
           "# note: the last week's invoices are not yet due at the ledger's end (pending items only); no customer of diazepam has a history of 4 orders before its last (SOM quiet)",
           "# why: rules.md SPECIAL-2P 'Acceptance and outbound review of special-control drugs are signed by two different people'; QUARANTINE 'to storage by an explicit release after re-inspection'; TWO-INVOICE 'Goods bought from another wholesaler mean a third invoice ... One finding per line of the sale'",
           "SPECIAL-2P %d" % rev2, "QUARANTINE %d" % rel, "TWO-INVOICE %d" % s2i]
    L.write(OUT, "244-a-month-of-lawful-business-three-planted-one-person-review-relocation-out-of-ret-two-invoice", exp)


# ---------------------------------------------------------------- 245 (refused)
def l245():
    L = Ledger("245")
    master(L, bj(2026, 11, 2, 8, 30), [OWNER, SUP_PSY], [P_DZP], ["SP-1"])
    _, po = purchase(L, bj(2026, 11, 2, 9, 30), SUP_PSY, [(P_DZP, 24, 850)])
    codes = codes7("8134567", 601, 625)
    n, rd = receipt(L, bj(2026, 11, 4, 10, 0), SUP_PSY, po, "HE-PS2611030009", [rline(P_DZP, "2609046", "2026-09-04", EXP, 24, 22, 2, "安瓿破损", "RCV", codes)])
    put_away(L, bj(2026, 11, 4, 14, 0), rd, po, [mline(P_DZP, "2609046", 22, "RCV", "SP-1", codes[:22])])
    L.write(OUT, "245-refused-receipt-line-25-different-codes-for-24-arrived-22-accepted", [
        "# 245 REFUSED-AT-APPEND: a receipt line of 地西泮注射液 with 24 arrived (22 accepted, 2 rejected) lists 25 DIFFERENT codes, one more than the units that arrived (line %d)" % n, CONV,
        "# note: format.md ReceiptLine.codes 'no more different codes than arrived'; README 'one bad line ... is reported as FILE:LINE: field `PATH`: message ... and nothing is appended'",
        "# expect: exit 2; message names this file, line %d and field `data.lines[0].codes`; the ledger stays empty (0 records)" % n])


if __name__ == "__main__":
    for f in (l236, l237, l238, l239, l240, l241, l242, l243, l244, l245):
        f()
