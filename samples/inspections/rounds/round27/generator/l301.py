from biz import *

M1 = "91330100143958271W"; M1A = "62248461562941922"
H1 = "123300004700891235"; H1A = "62101850456507379"
H2 = "91330105MA2G8U5W41"; H2A = "6217856100023418872"
PA = gtin("6901234500001")   # 阿莫西林胶囊 (ordinary)
PD = gtin("6901234500011")   # 地西泮片 (psychotropic2)
PP = gtin("6901234500012")   # 盐酸麻黄碱注射液 (precursor)
PT = gtin("6901234500013")   # 注射用A型肉毒毒素 (medical_toxic)
EXP = "2028-05-31"
TWO = ("验收-孙浩", "质管-陆文清")
TWOR = ("复核-郭婷", "质管-陆文清")


def codes(p, b, n, start=1):
    return [f"81{p:03d}{b:05d}{s:010d}" for s in range(start, start + n)]


def build():
    L = Ledger(301, "invoices-payments-credit-notes-across-months-unpaid-issued-next-day-exact-and-1s-prepayment-orphan-30d-and-1s-refund-14d-and-1s-red-letter-missing-cash-psychotropic-precursor-toxic-uninvoiced-30d-and-1s",
               "VIOLATION: sales and purchase invoices, payments, prepayments, refunds and red-letter invoices (红字发票) across October 2026 to January 2027, each deadline met exactly and missed by one second; cash for a psychotropic, a precursor refund and a medical toxic drug")
    B = Biz(L, {M1: M1A, H1: H1A, H2: H2A})
    t0 = T("2026-10-08 09:00")
    L.self_party(t0)
    L.party(t0, M1, "杭州宁康制药有限公司", "manufacturer", "supplier", "drug_manufacturing",
            ["chemical", "psychotropic2", "precursor", "medical_toxic"], [M1A])
    L.party(t0, H1, "杭州市仁和医院", "medical_institution", "customer", "medical_institution",
            ["chemical", "tcm_patent", "psychotropic2", "precursor", "medical_toxic"], [H1A])
    L.party(t0, H2, "杭州康宁大药房连锁有限公司", "retail_chain", "customer", "drug_retail", ["chemical", "tcm_patent"], [H2A])
    L.product(t0, PA, "阿莫西林胶囊")
    L.product(t0, PD, "地西泮片", category="psychotropic2", control="psychotropic2", spec="2.5mg×20片/盒")
    L.product(t0, PP, "盐酸麻黄碱注射液", category="precursor", control="precursor", unit="支", spec="1ml:30mg")
    L.product(t0, PT, "注射用A型肉毒毒素", category="medical_toxic", control="medical_toxic", unit="瓶", spec="100单位/瓶")
    L.notes += ["UNPAID runs from the later of occurred_at and 00:00 Beijing of issued_on (format.md invoice.issued_on; rules.md intro); 'an event exactly at the deadline is in time, one a second later is not'",
                "special-control units carry 20-digit codes on every movement, two acceptors and two reviewers (SPECIAL-CHAIN, SPECIAL-2P quiet); SP-1 is their locked store",
                "every invoice not named below is paid net of credit notes (settle), so only the planted deadlines fire; the last event is 2027-01-03 09:00"]

    # ---- stock
    B.buy(T("2026-10-10 09:00"), M1, PA, "A2610001", EXP, 1000, 1000, 860)
    dcodes = codes(11, 1, 100)
    B.buy(T("2026-10-10 09:10"), M1, PD, "D2610001", EXP, 100, 100, 1500, put_to="SP-1", codes=dcodes, acceptors=TWO)
    pcodes = codes(12, 1, 50)
    pp = B.buy(T("2026-10-10 09:20"), M1, PP, "P2610001", EXP, 50, 50, 300, put_to="SP-1", codes=pcodes, acceptors=TWO)
    tcodes = codes(13, 1, 20)
    pt = B.buy(T("2026-10-10 09:30"), M1, PT, "T2610001", EXP, 20, 20, 98000, put_to="SP-1", codes=tcodes, acceptors=TWO)
    B.settle(T("2026-10-20 09:00"))

    # ---- M: a monthly invoice for an October and a November sale, booked exactly 30 days after the first dispatch
    s12, _ = L.sale(T("2026-10-20 10:00"), H1, [(PA, "A2610001", EXP, 30, 1200)])
    L.review(T("2026-10-20 10:20"), s12, H1, [(PA, "A2610001", EXP, 30, 1200)])
    d12, d12r = L.dispatch(T("2026-10-20 10:40"), s12, H1, [(PA, "A2610001", EXP, 30, 1200)], "地址")
    s13, _ = L.sale(T("2026-11-15 10:00"), H1, [(PA, "A2610001", EXP, 20, 1200)])
    L.review(T("2026-11-15 10:20"), s13, H1, [(PA, "A2610001", EXP, 20, 1200)])
    d13, _ = L.dispatch(T("2026-11-15 10:40"), s13, H1, [(PA, "A2610001", EXP, 20, 1200)], "地址")
    mi, _ = L.invoice(T("2026-11-19 10:40"), "sale", H1, [(PA, 50, 1200)], {"sale": [s12, s13]})
    B.open.append([mi, "sale", H1, 60000])
    L.notes.append(f"quiet M: 月结 invoice for {s12} (dispatched 10-20 10:40) and {s13}, booked 11-19 10:40:00, exactly 30 days after the first dispatch (UNINVOICED)")

    # ---- U1/U2: invoices at 23:30 on 10-31 dated 11-01: deadline 2026-12-31 00:00 Beijing
    u1 = B.sell(T("2026-10-31 20:00"), H1, PA, "A2610001", EXP, 100, 1200, inv_at=T("2026-10-31 23:30"), inv_issued="2026-11-01")
    L.pay(T("2026-12-31 00:00:00"), [u1["inv"]], 120000, "incoming", H1, H1A)
    u2 = B.sell(T("2026-10-31 20:10"), H2, PA, "A2610001", EXP, 50, 1200, inv_at=T("2026-10-31 23:40"), inv_issued="2026-11-01")
    p = L.pay(T("2026-12-31 00:00:01"), [u2["inv"]], 60000, "incoming", H2, H2A)
    L.expect(u2["irec"], "UNPAID", "invoice booked 10-31 23:40, dated 11-01: due by 00:00 Beijing of 11-01 + 60 days = 2026-12-31 00:00:00; paid at 00:00:01 (its twin paid at 00:00:00 is quiet)")
    # ---- U3: booked 11-03 10:00, dated 10-30: deadline from occurred_at, 2027-01-02 10:00:00; two instalments, the last exactly then
    u3 = B.sell(T("2026-10-29 10:00"), H1, PA, "A2610001", EXP, 80, 1200, inv_at=T("2026-11-03 10:00"), inv_issued="2026-10-30")
    L.pay(T("2026-11-20 10:00"), [u3["inv"]], 38400, "incoming", H1, H1A)
    L.pay(T("2027-01-02 10:00:00"), [u3["inv"]], 57600, "incoming", H1, H1A)
    L.notes.append("quiet U3: invoice booked 11-03 10:00 dated 10-30: deadline from the later instant (occurred_at) 2027-01-02 10:00:00; paid 40 % on 11-20 and the rest at exactly 2027-01-02 10:00:00")
    # ---- U4: one fen short, the fen paid after the deadline: one UNPAID
    u4 = B.sell(T("2026-11-03 09:00"), H2, PA, "A2610001", EXP, 33, 1201, inv_at=T("2026-11-03 11:00"))
    L.pay(T("2026-11-25 10:00"), [u4["inv"]], 33 * 1201 - 1, "incoming", H2, H2A)
    L.pay(T("2027-01-03 09:00"), [u4["inv"]], 1, "incoming", H2, H2A)
    L.expect(u4["irec"], "UNPAID", "39,633 fen invoiced 11-03 11:00 (later than 00:00 of issued_on): due 2027-01-02 11:00; 39,632 paid by then (amount_tolerance_minor 0); the fen paid on 01-03 closes it 'without a second finding'")

    # ---- P1/P2: prepayments, invoices booked 30 days later exactly and one second over
    P1, P2 = "26331000202612059001", "26331000202612059002"
    L.pay(T("2026-11-05 09:00:00"), [P1], 72000, "incoming", H1, H1A)
    p2 = L.pay(T("2026-11-05 09:00:00"), [P2], 72000, "incoming", H2, H2A)
    B.sell(T("2026-12-04 09:00"), H1, PA, "A2610001", EXP, 60, 1200, inv_at=T("2026-12-05 09:00:00"), inv_doc=P1)
    B.sell(T("2026-12-04 09:10"), H2, PA, "A2610001", EXP, 60, 1200, inv_at=T("2026-12-05 09:00:01"), inv_doc=P2)
    B.settled |= {P1, P2, u1["inv"], u2["inv"], u3["inv"], u4["inv"]}
    L.expect(p2, "ORPHAN", "prepayment 11-05 09:00:00 for an invoice booked 12-05 09:00:01: orphan_days 30 passed by one second; its twin booked at 09:00:00 is quiet; no UNPAID after (the payment is applied when the invoice is booked)")

    # ---- R1/R2: overpaid by 100.00, refunded 14 days later exactly / one second over
    r1 = B.sell(T("2026-11-06 09:00"), H1, PA, "A2610001", EXP, 40, 1200)
    L.pay(T("2026-11-10 10:00"), [r1["inv"]], 58000, "incoming", H1, H1A)
    L.pay(T("2026-11-24 10:00:00"), [r1["inv"]], 10000, "outgoing", H1, H1A)
    r2 = B.sell(T("2026-11-06 09:10"), H2, PA, "A2610001", EXP, 40, 1200)
    L.pay(T("2026-11-10 10:00"), [r2["inv"]], 58000, "incoming", H2, H2A)
    L.pay(T("2026-11-24 10:00:01"), [r2["inv"]], 10000, "outgoing", H2, H2A)
    L.expect(r2["irec"], "TTGK-S", "paid 580.00 on a 480.00 invoice on 11-10 10:00; the refund came 14 days + 1 s later (correction_days 14 'from the latest record involved'); twin refunded at exactly 14 days is quiet")
    B.settled |= {r1["inv"], r2["inv"]}

    # ---- C1/C2: customer returns with and without a red-letter invoice
    c1 = B.sell(T("2026-11-12 09:00"), H1, PA, "A2610001", EXP, 100, 1200)
    B.ret(T("2026-11-16 10:00"), c1, H1, PA, "A2610001", 20, "RET")
    c2 = B.sell(T("2026-11-12 09:10"), H2, PA, "A2610001", EXP, 100, 1200)
    B.ret(T("2026-11-16 10:10"), c2, H2, PA, "A2610001", 10, "RET", credit=False)
    L.expect(c2["irec"], "TTGK-S", "100 invoiced, 100 - 10 returned = 90 dispatched net; no credit note within correction_days (14 d after the return, 11-30 10:10); the customer paid the full invoice")
    L.notes.append("quiet C1: return of 20 credited by a 红字发票 the same day, invoice paid net (960.00)")

    # ---- SP: supplier return with a purchase red-letter invoice and the supplier's refund (bank)
    sp = B.buy(T("2026-11-02 09:00"), M1, PA, "A2611002", EXP, 200, 200, 860)
    L.pay(T("2026-11-09 10:00"), [sp["inv"]], 172000, "outgoing", M1, M1A)
    B.settled.add(sp["inv"])
    L.move("transfer", T("2026-11-13 10:00"), [(PA, "A2611002", 30, "WH-A", "QA")], reason="quarantine")
    L.sup_return(T("2026-11-14 10:00"), M1, sp["order"], [(PA, "A2611002", 30, "QA")])
    cn, _ = L.invoice(T("2026-11-14 15:00"), "purchase", M1, [(PA, 30, 860)], {"order": [sp["order"]]}, credit_for=sp["inv"])
    L.pay(T("2026-11-20 10:00"), [cn], 25800, "incoming", M1, M1A)
    L.notes.append("quiet SP: 200 bought and paid, 30 quarantined and returned to the maker, purchase 红字发票 for 30, the maker refunds 258.00 by bank naming the credit note")

    # ---- CASH: psychotropic2 in cash (fires), medical toxic in cash (quiet), precursor refund in cash (fires), medical toxic refund in cash (quiet)
    cd = B.sell(T("2026-11-17 09:00"), H1, PD, "D2610001", EXP, 10, 2000, frm="SP-1", codes=dcodes[:10], reviewers=TWOR)
    p = L.pay(T("2026-11-18 10:00"), [cd["inv"]], 20000, "incoming", H1, "", method="cash")
    L.expect(p, "SPECIAL-CASH", "cash settling an invoice with a psychotropic (地西泮片) line")
    ct = B.sell(T("2026-11-17 09:30"), H1, PT, "T2610001", EXP, 5, 120000, frm="SP-1", codes=tcodes[:5], reviewers=TWOR)
    L.pay(T("2026-11-18 10:10"), [ct["inv"]], 600000, "incoming", H1, "", method="cash")
    L.notes.append("quiet: cash for 注射用A型肉毒毒素 (medical_toxic): SPECIAL-CASH covers narcotics, psychotropics and precursors only (CHANGELOG round 24)")
    B.settled |= {cd["inv"], ct["inv"]}
    L.sup_return(T("2026-11-20 09:00"), M1, pp["order"], [(PP, "P2610001", 5, "SP-1", pcodes[:5])])
    cnp, _ = L.invoice(T("2026-11-20 11:00"), "purchase", M1, [(PP, 5, 300)], {"order": [pp["order"]]}, credit_for=pp["inv"])
    p = L.pay(T("2026-11-21 10:00"), [cnp], 1500, "incoming", M1, "", method="cash")
    L.expect(p, "SPECIAL-CASH", "'a refund in cash naming a credit note of such an invoice is one too' (precursor)")
    L.sup_return(T("2026-11-20 09:10"), M1, pt["order"], [(PT, "T2610001", 2, "SP-1", tcodes[5:7])])
    cnt, _ = L.invoice(T("2026-11-20 11:10"), "purchase", M1, [(PT, 2, 98000)], {"order": [pt["order"]]}, credit_for=pt["inv"])
    L.pay(T("2026-11-21 10:10"), [cnt], 196000, "incoming", M1, "", method="cash")
    L.notes.append("quiet: the maker refunds a medical toxic return in cash (not a SPECIAL-CASH class)")

    # ---- UI: goods received 11-10, invoiced 30 days later exactly / one second over
    for batch, at, exp_ in (("A2611003", T("2026-12-10 10:00:00"), None), ("A2611004", T("2026-12-10 11:00:01"), "UNINVOICED")):
        rt = T("2026-11-10 10:00") if exp_ is None else T("2026-11-10 11:00")
        o, _ = L.purchase(rt - 24 * H, M1, [(PA, 100, 860)])
        rd, rr = L.receipt(rt, M1, o, [(PA, batch, EXP, 100, 100, "RCV")])
        L.move("put_away", rt + H, [(PA, batch, 100, "RCV", "WH-A")])
        inv, _ = L.invoice(at, "purchase", M1, [(PA, 100, 860)], {"order": [o]})
        L.pay(at + 24 * H, [inv], 86000, "outgoing", M1, M1A)
        if exp_:
            L.expect(rr, "UNINVOICED", "received 11-10 11:00:00, invoiced 12-10 11:00:01: uninvoiced_days 30 passed by one second; twin invoiced at 30 days exactly is quiet")

    B.settle(T("2026-11-28 10:00"))
    B.settle(T("2026-12-12 10:00"))
    return L
