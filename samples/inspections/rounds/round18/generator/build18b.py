# included by build18.py (shares its namespace)
CLI_NAME = "杭州仁爱门诊部有限公司"

def build_232():
    L_ = L("232", OWNER, 232)
    owner_event(L_, t("2026-09-28 08:30")); w = t("2026-09-28 08:30")
    for p in (SUP_YX, SUP_TH, SUP_HD, SUP_KT, H1, H2, PH, RC1, RC2):
        w += D(minutes=2); reg_party(L_, w, p)
    w += D(minutes=2)
    party(L_, w, CLI, CLI_NAME, "medical_institution", "customer", "PDY00518733010617D2111", "medical_institution",
          ["chemical", "tcm_patent"], acc(CLI), "浙江", "浙江省杭州市西湖区蒋村街道紫金港路 21 号", valid_from="2021-10-16", valid_to="2026-10-15")
    for p in (AMOX, IBU, DSP, INS, CEF):
        w += D(minutes=2); reg_prod(L_, w, p)
    for z in (("WH-A", "ambient", None, ["TH-A01"]), ("WH-C", "cool", None, ["TH-C01"]), ("CR-1", "cold", None, ["TH-R01"])):
        w += D(minutes=2); zone(L_, w, z[0], z[1], z[2], z[3])
    q = Q()
    pr_in = {AMOX: 860, IBU: 1290, DSP: 2480, INS: 4650, CEF: 1720}
    pr_out = {AMOX: 1035, IBU: 1580, DSP: 2990, INS: 5600, CEF: 2150}
    EXP = {("AMOX", "A2609207"): "2028-09-06"}
    inv_of = {}
    # ---- purchases
    def buy(when, sup, lines, put_to, tag, transport=None, put_entered=None, pay_days=20, pay=True, put_delay=D(hours=1)):
        o = purchase(L_, when, sup, [(p, qq, pr_in[p]) for p, b, pdte, ex, qq in lines])
        rt = when + D(days=1)
        rls = [rline(p, b, pdte, ex, qq, location="RCV") for p, b, pdte, ex, qq in lines]
        rd, n = receipt(L_, rt, sup, o, rls, transport=transport, tag=tag)
        if transport:
            sh = dt.datetime.fromisoformat(transport["shipped_at"])
            cold_trip(L_, transport["vehicle"], "TL-0851", sh, rt, 11)
        put_away(L_, rt + put_delay, o, rd, [mline(p, b, qq, "RCV", put_to) for p, b, pdte, ex, qq in lines], tag=tag + "PA", entered=put_entered)
        no, tot, _ = invoice(L_, rt + D(hours=4), "purchase", sup, OWNER, [(p, qq, pr_in[p]) for p, b, pdte, ex, qq in lines], {"order": [o], "receipt": [rd]})
        inv_of[tag] = (no, tot, o, rd)
        if pay:
            pw = rt + D(days=pay_days)
            q.add(pw, lambda: payment(L_, pw, "outgoing", OWNER, sup, OWNER_ACC, acc(sup), tot, [no]))
    qb = lambda when, *a, **k: q.add(when, lambda: buy(when, *a, **k))
    qb(t("2026-09-28 10:00"), SUP_YX, [(AMOX, "A2609207", "2026-09-07", "2028-09-06", 600), (IBU, "B2609115", "2026-09-15", "2028-09-14", 400)],
        "WH-A", "P1", put_entered=t("2026-10-08 09:30"), put_delay=D(hours=30), pay=False)
    qb(t("2026-09-28 11:00"), SUP_KT, [(DSP, "Z2608119", "2026-08-19", "2029-08-18", 300)], "WH-A", "P2")
    arr = t("2026-10-09 09:30")
    qb(t("2026-10-08 09:30"), SUP_TH, [(INS, "I2609114", "2026-09-11", "2028-09-10", 200)], "CR-1", "P3",
        transport={"vehicle": "吉E·L0851冷", "shipped_at": iso(arr - D(hours=20)), "cold_chain": True})
    qb(t("2026-10-09 14:00"), SUP_HD, [(CEF, "F2609021", "2026-09-21", "2028-03-20", 200)], "WH-C", "P4")
    qb(t("2026-10-19 10:00"), SUP_YX, [(AMOX, "A2610033", "2026-10-03", "2028-10-02", 300)], "WH-A", "P5")
    # ---- sales
    BATCH = {AMOX: ("A2609207", "2028-09-06"), IBU: ("B2609115", "2028-09-14"), DSP: ("Z2608119", "2029-08-18"),
             INS: ("I2609114", "2028-09-10"), CEF: ("F2609021", "2028-03-20")}
    LOC = {AMOX: "WH-A", IBU: "WH-A", DSP: "WH-A", INS: "CR-1", CEF: "WH-C"}
    def sell(when, cust, items, tag, payer_acc=None, cold=False, pay_days=20, pay=True, batch_over=None):
        ln = []
        for p, qq in items:
            b, e = (batch_over or {}).get(p, BATCH[p])
            ln.append((p, b, e, qq, pr_out[p]))
        def f():
            s = sale(L_, when, cust, ln, tag=tag + "S")
            review(L_, when + D(minutes=30), s, cust, ln)
            veh = "浙A·R2361冷" if cold else None
            pd, _ = dispatch(L_, when + D(hours=1), s, cust, pname(cust) + " 药剂科" if cust in (H1, H2, PH) else pname(cust) + " 配送中心",
                             addr(cust), [mline(p, b, qq, LOC[p]) for p, b, e, qq, _ in ln], vehicle=veh, tag=tag)
            if cold:
                dtm = when + D(hours=1)
                rds = readings(dtm - D(minutes=12), 140, 4, lambda k: jitter(hash(tag) % 1000 if False else len(tag) * 97 + int(when.day), k, 4.8, 1.1))
                temp_upload(L_, dtm + D(hours=2, minutes=10), "TL-2361", rds, vehicle=veh)
            no, tot, _ = invoice(L_, when + D(hours=6), "sale", OWNER, cust, [(p, qq, pr) for p, b, e, qq, pr in ln], {"sale": [s], "delivery_note": [pd]})
            inv_of[tag] = (no, tot, s, pd)
            if pay:
                pw = when + D(days=pay_days)
                q.add(pw, lambda: payment(L_, pw, "incoming", cust, OWNER, payer_acc or acc(cust), OWNER_ACC, tot, [no], tag=tag + "PAY"))
        q.add(when, f)
    sell(t("2026-10-09 14:00"), H1, [(AMOX, 100), (IBU, 50), (DSP, 40)], "S1")
    sell(t("2026-10-12 09:00"), H2, [(AMOX, 80), (DSP, 60)], "S2")
    sell(t("2026-10-13 09:00"), H1, [(INS, 40)], "S3", cold=True)
    sell(t("2026-10-14 09:00"), RC1, [(IBU, 120), (CEF, 60), (AMOX, 60)], "S4", pay=False)
    sell(t("2026-10-15 09:00"), RC2, [(IBU, 100), (CEF, 50)], "S5", payer_acc="6217000140026888315")
    sell(t("2026-10-16 09:00"), PH, [(INS, 30), (CEF, 20)], "S6", cold=True)
    sell(t("2026-10-20 09:00"), CLI, [(AMOX, 20)], "S7")
    sell(t("2026-10-22 09:00"), H2, [(INS, 50)], "S8", cold=True)
    sell(t("2026-10-26 09:00"), H1, [(AMOX, 150), (DSP, 50)], "S9")
    sell(t("2026-10-28 09:00"), RC1, [(AMOX, 100), (IBU, 60)], "S10", batch_over={AMOX: ("A2610033", "2028-10-02")})
    # ---- return, credit notes, supplier return, quarantine and release
    def ret():
        no, tot, s, pd = inv_of["S4"]
        cust_return(L_, t("2026-10-18 10:00"), s, RC1, [{"product": IBU, "batch": "B2609115", "quantity": 6, "to": "RET"}], "门店验收发现外包装挤压破损 6 盒，退回", tag="RET")
        cn, ct, _ = invoice(L_, t("2026-10-18 15:00"), "sale", OWNER, RC1, [(IBU, 6, pr_out[IBU])], {"sale": [s]}, credit_for=no, tag="CN")
        pw = t("2026-11-03 10:00")
        q.add(pw, lambda: payment(L_, pw, "incoming", RC1, OWNER, acc(RC1), OWNER_ACC, tot - ct, [no, cn]))
    q.add(t("2026-10-18 10:00"), ret)
    def supret():
        no, tot, o, rd = inv_of["P1"]
        L_.ev("supplier_return", t("2026-10-23 10:00"), {"doc": L_.doc("TC", t("2026-10-23 10:00")), "reason": "销后退回破损品，退回生产企业",
              "supplier": SUP_YX, "lines": [{"product": IBU, "batch": "B2609115", "quantity": 6, "from": "RET"}]},
              refs={"order": [o], "receipt": [rd]}, by=["采购-钱伟", "质管-周敏"])
        cn, ct, _ = invoice(L_, t("2026-10-23 15:00"), "purchase", SUP_YX, OWNER, [(IBU, 6, pr_in[IBU])], {"order": [o]}, credit_for=no)
        payment(L_, t("2026-10-28 10:00"), "outgoing", OWNER, SUP_YX, OWNER_ACC, acc(SUP_YX), tot - ct, [no, cn])
    q.add(t("2026-10-23 10:00"), supret)
    q.add(t("2026-10-21 10:00"), lambda: transfer(L_, t("2026-10-21 10:00"), "quarantine", [mline(DSP, "Z2608119", 2, "WH-A", "QA")]))
    q.add(t("2026-10-23 16:00"), lambda: transfer(L_, t("2026-10-23 16:00"), "release", [mline(DSP, "Z2608119", 2, "QA", "WH-A")]))
    # ---- counts
    q.add(t("2026-10-31 17:00"), lambda: stock_count(L_, t("2026-10-31 17:00"), "WH-A",
          [(AMOX, "A2609207", 190), (AMOX, "A2610033", 200), (IBU, "B2609115", 70), (DSP, "Z2608119", 150)]))
    q.add(t("2026-10-31 17:20"), lambda: stock_count(L_, t("2026-10-31 17:20"), "WH-C", [(CEF, "F2609021", 70)]))
    q.add(t("2026-10-31 17:40"), lambda: stock_count(L_, t("2026-10-31 17:40"), "CR-1", [(INS, "I2609114", 80)]))
    # ---- zone readings: every 10 min, uploads every 6 h, 28 Sep 12:00 to 1 Nov 00:00
    for zz, sensor, base, amp in (("CR-1", "TH-R01", 5.0, 1.3), ("WH-C", "TH-C01", 15.5, 2.0), ("WH-A", "TH-A01", 21.0, 3.0)):
        st = t("2026-09-28 12:00")
        k0 = 0
        while st < t("2026-11-01 00:00"):
            rds = []
            for i in range(36):
                at = st + D(minutes=10 * i)
                rds.append({"at": iso(at), "celsius": round(jitter(sensor, k0 + i, base, amp), 1)})
            up = st + D(minutes=350, seconds=20)
            q.add(up, (lambda up=up, rds=rds, sensor=sensor, zz=zz: temp_upload(L_, up, sensor, rds, zone_=zz)))
            k0 += 36; st += D(hours=6)
    q.run()
    tg = L_.tags
    hdr = ["# 232 VIOLATION (3 planted in a lawful month): October 2026 of 浙江润和医药: 5 purchases (one cold from 吉林 with the truck log, one from a wholesaler sold only to chains and a private hospital), 10 sales to two public hospitals, a private hospital, two pharmacy chains and a clinic, reviews, dispatches (three cold trips with logs), invoices, a customer return with a red-letter credit note paid net, a supplier return with a purchase credit note paid net, a quarantine and release, month-end counts of WH-A, WH-C and CR-1 that agree, and every storage zone's readings every 10 min uploaded every 6 h"] + COMMON + [
           "# note: planted 1 (LATE-ENTRY %d): the put-away of 30 Sep 16:00 (before the National Day holiday) was entered on 8 Oct 09:30, 185.5 h later" % tg["P1PA"],
           "# note: planted 2 (TTGK-S %d): 杭州华东大药房连锁 pays invoice of sale S5 from account 6217000140026888315, not registered for it (the owner's personal card)" % tg["S5PAY"],
           "# note: planted 3 (CUS-LIC %d): sale on 20 Oct to 杭州仁爱门诊部, whose 医疗机构执业许可证 ended on 15 Oct (not renewed on file)" % tg["S7S"],
           "# note: 头孢克肟 bought from a wholesaler is sold only to non-public customers (no TWO-INVOICE); all invoices paid by %s; the ledger ends with the last payment (17 Nov), so no UNINVOICED/UNPAID deadline passes" % "bank transfer",
           "# why: rules.md LATE-ENTRY 'entered ... more than the threshold after it occurred' (72 h); TTGK-S 'the customer's payments must come from that customer, from an account registered for it'; CUS-LIC 'licence is valid on the sale date'"]
    L_.write(OUT, "232-a-month-of-lawful-business-with-three-planted-late-put-away-payment-from-a-personal-card-sale-to-a-clinic-with-expired-licence", hdr,
             [f"LATE-ENTRY {tg['P1PA']}", f"TTGK-S {tg['S5PAY']}", f"CUS-LIC {tg['S7S']}"])

def build_233():
    L_ = L("233", OWNER, 233)
    master(L_, t("2026-10-08 08:30"), [SUP_YX, H1, RC1], [AMOX, IBU], [("WH-A", "ambient")])
    q = Q()
    buy_simple(L_, t("2026-10-09 10:00"), SUP_YX, [rline(AMOX, "A2609207", "2026-09-07", "2028-09-06", 200),
               rline(IBU, "B2609115", "2026-09-15", "2028-09-14", 100)], {AMOX: 860, IBU: 1290}, q=q,
               put=[mline(AMOX, "A2609207", 200, "RCV", "WH-A"), mline(IBU, "B2609115", 100, "RCV", "WH-A")])
    for i, (cust, when, items) in enumerate(((H1, t("2026-10-12 09:00"), [(AMOX, 50), (IBU, 20)]), (RC1, t("2026-10-13 09:00"), [(AMOX, 30)]))):
        ln = [(p, {AMOX: "A2609207", IBU: "B2609115"}[p], {AMOX: "2028-09-06", IBU: "2028-09-14"}[p], qq, {AMOX: 1035, IBU: 1580}[p]) for p, qq in items]
        s = sale(L_, when, cust, ln); review(L_, when + D(minutes=30), s, cust, ln)
        pd, _ = dispatch(L_, when + D(hours=1), s, cust, pname(cust) + " 收货部", addr(cust), [mline(p, b, qq, "WH-A") for p, b, e, qq, pr in ln])
        no, tot, _ = invoice(L_, when + D(hours=5), "sale", OWNER, cust, [(p, qq, pr) for p, b, e, qq, pr in ln], {"sale": [s], "delivery_note": [pd]})
        pw = when + D(days=18)
        q.add(pw, (lambda pw=pw, cust=cust, tot=tot, no=no, i=i: payment(L_, pw, "incoming", cust, OWNER, acc(cust), OWNER_ACC, tot, [no], tag=f"PAY{i}")))
    q.run()
    n_before = len(L_.events)
    L_.events.append(dict(L_.events[L_.tags["PAY0"] - 1]))   # the bank interface re-sent the first incoming payment, byte for byte
    hdr = [f"# 233 LEGITIMATE (robustness): a small clean fortnight whose last line ({n_before + 1}) is a byte-for-byte copy of line {L_.tags['PAY0']} (the bank interface re-sent a payment notice); append must store {n_before} records and report 1 already present (skipped); check must stay quiet (no EVENT-DUP, no overpayment under TTGK-S)"] + COMMON + [
           "# note: probes/p3_robustness.sh runs the bad-input variants against copies of this file: a malformed line in the middle, the same id with different content, a negative quantity, a re-run of the same append, an interrupted-then-resumed append, BOM+CRLF; each must name FILE:LINE and the field and leave the ledger unchanged",
           "# why: README 'An event the ledger already holds, byte for byte, is skipped and counted ..., and so is a second identical copy inside the input'"]
    L_.write(OUT, "233-legit-fortnight-with-a-payment-re-sent-byte-for-byte-as-the-last-line-skipped-and-counted", hdr, [])

GT_DZP = gtin14("0694512340038")
def build_234():
    L_ = L("234", OWNER, 234)
    owner_event(L_, t("2026-09-28 08:30")); w = t("2026-09-28 08:30")
    for p in (SUP_SA, H1, H2, PH):
        w += D(minutes=2); reg_party(L_, w, p)
    w += D(minutes=2)
    product(L_, w, GT_DZP, "地西泮片", "片剂", "2.5mg×20片/盒", "四川蜀安制药有限公司", "国药准字H51021104", "psychotropic2", "psychotropic2", "ambient", "盒")
    w += D(minutes=2); zone(L_, w, "SP-1", "ambient")
    q = Q()
    raw = [None] + [gs1_raw(GT_DZP, "280731", "Z26081", f"D{i:05d}") for i in range(1, 25)]
    br = [None] + [gs1_br(GT_DZP, "280731", "Z26081", f"D{i:05d}") for i in range(1, 25)]
    buy_simple(L_, t("2026-09-29 10:00"), SUP_SA, [rline(GT_DZP, "Z26081", "2026-08-01", "2028-07-31", 24, codes=raw[1:25] + [raw[7]])],
               {GT_DZP: 980}, two=True, q=q, put=[mline(GT_DZP, "Z26081", 24, "RCV", "SP-1", br[1:25])])
    inv = {}
    def sell(when, cust, qty, codes, tag):
        ln = [(GT_DZP, "Z26081", "2028-07-31", qty, 1260)]
        s = sale(L_, when, cust, ln); review(L_, when + D(minutes=30), s, cust, ln, two=True)
        pd, n = dispatch(L_, when + D(hours=1), s, cust, pname(cust) + " 药剂科", addr(cust), [mline(GT_DZP, "Z26081", qty, "SP-1", codes=codes)], tag=tag)
        inv[tag] = (s, pd, qty)
    sell(t("2026-10-08 09:00"), H1, 6, raw[1:7] + [raw[3]], "D1")
    sell(t("2026-10-09 09:00"), H2, 5, br[7:12], "D2")
    s1 = inv["D1"][0]
    cust_return(L_, t("2026-10-12 10:00"), s1, H1, [{"product": GT_DZP, "batch": "Z26081", "quantity": 2, "to": "RET", "codes": [raw[1], raw[1], raw[2]]}], "医院多订，退回 2 盒（包装完好）", tag="RET")
    transfer(L_, t("2026-10-13 10:00"), "release", [mline(GT_DZP, "Z26081", 2, "RET", "SP-1", [br[1], br[2]])], tag="REL")
    sell(t("2026-10-15 09:00"), PH, 3, [raw[1], raw[12], raw[13], raw[12]], "D3")
    # invoices: H1 net of the return (issued after it), others at dispatch; paid
    for tag, cust, qty, when in (("D1", H1, 4, t("2026-10-14 15:00")), ("D2", H2, 5, t("2026-10-09 15:00")), ("D3", PH, 3, t("2026-10-15 15:00"))):
        s, pd, _ = inv[tag]
        no, tot, _ = invoice(L_, when, "sale", OWNER, cust, [(GT_DZP, qty, 1260)], {"sale": [s], "delivery_note": [pd]})
        pw = when + D(days=20)
        q.add(pw, (lambda pw=pw, cust=cust, tot=tot, no=no: payment(L_, pw, "incoming", cust, OWNER, acc(cust), OWNER_ACC, tot, [no])))
    stock_count(L_, t("2026-10-31 17:00"), "SP-1", [(GT_DZP, "Z26081", 12)])
    q.run()
    tg = L_.tags
    hdr = ["# 234 LEGITIMATE: 地西泮片 (psychotropic2, GTIN %s) scanned as GS1 element strings, raw (]d2 with GS) at receipt and dispatch, bracketed at put-away and release; double reads beyond the quantity on the receipt (25 entries for 24), dispatch %d (7 for 6), the return %d (3 for 2) and dispatch %d (4 for 3, one of them a unit returned and released)" % (GT_DZP, tg["D1"], tg["RET"], tg["D3"])] + COMMON + [
           "# note: the H1 invoice is issued after the return, for the 4 boxes kept; the returned boxes were re-inspected and released RET -> SP-1; the count of SP-1 (24 - 6 - 5 + 2 - 3 = 12) agrees",
           "# why (quiet): rules.md SPECIAL-CHAIN 'A unit listed twice on one record ... counts once'; CODE-DUP 'A unit is ... for a GS1 code its GTIN with its serial ... however the code is spelt'; CHANGELOG Round 17 'A line may list a code twice beyond its quantity'"]
    L_.write(OUT, "234-legit-diazepam-gs1-raw-and-bracketed-double-reads-beyond-quantity-return-released-and-resold", hdr, [])
