from common import *
D = dt.timedelta


def l282(out):
    L = Ledger(282, "stock-quarantine-returns-expiry-review-expiry-typo-expired-dispatch-month-label-consolidated-review-100-and-51-dispatch-from-ret-put-away-from-qa-count-omits-returned-batch",
               "stock, quarantine and returns locations, expiry and outbound review")
    t0 = T(2026, 11, 1, 9)
    master(L, t0)
    L.note("rules.md QUARANTINE: quarantine_locations default ['QA', 'RET']; 'may move only to another quarantine location, back to the supplier, to destruction, or to storage by an explicit release'")
    # purchases
    A1, A2, A3, B1 = "2609011", "2601205", "2511152", "2608203"
    p1 = L.buy(T(2026, 11, 2, 9), MAKER, [(AMOX, A1, "2026-07-01", "2028-06-30", 500, 860),
                                          (AMOX, A2, "2024-02-01", "2027-01", 40, 860),
                                          (AMOX, A3, "2023-11-16", "2026-11-15", 20, 860)])
    p2 = L.buy(T(2026, 11, 2, 10), MAKER, [(IBU, B1, "2026-08-01", "2028-07-31", 200, 1250)], put_to="WH-C")
    L.note(f"batch {A2} is labelled 有效期至 2027-01 (receipt expiry '2027-01', format.md: 'the last day of that month'); batch {A3} expires 2026-11-15")
    # (2) month label: sale says 2027-01-31, review 2027-01 -> quiet OUT-REV; dispatch 11-10 is 82 days before expiry
    s = L.sell(T(2026, 11, 10, 10), PHARM1, [(AMOX, A2, "2027-01-31", 12, 1100, "WH-A")],
               review_lines=[(AMOX, A2, "2027-01", 12, "ok")])
    L.expect("EXPIRED-NEAR", s["disp"], f"dispatch 2026-11-10 of batch {A2}, expiry 2027-01 = 2027-01-31: 82 days, within near_expiry_days 90; OUT-REV quiet: the sale's 2027-01-31 and the review's 2027-01 are the same date (format.md ReviewLine.expiry: 'YYYY-MM means the last day of that month')")
    # (3) consolidated review: HOSP1 60 + 40 reviewed as one line of 100 -> quiet
    sa, _ = L.sale(T(2026, 11, 11, 9), HOSP1, [(AMOX, A1, "2028-06-30", 60, 1100)])
    sb, _ = L.sale(T(2026, 11, 11, 9, 20), HOSP1, [(AMOX, A1, "2028-06-30", 40, 1100)])
    L.review(T(2026, 11, 11, 10), HOSP1, [sa, sb], [(AMOX, A1, "2028-06-30", 100, "ok")])
    L.dispatch(T(2026, 11, 11, 10, 30), HOSP1, [sa, sb], [(AMOX, A1, 100, "WH-A")])
    inv1, _, tot1 = L.invoice(T(2026, 11, 11, 15), "sale", HOSP1, [(AMOX, 100, 1100)], {"sale": [sa, sb]})
    L.payment(T(2026, 11, 20, 10), "incoming", HOSP1, tot1, [inv1])
    # HOSP2 30 + 20 reviewed as 51 -> OUT-REV at review; dispatch 50
    sc, _ = L.sale(T(2026, 11, 12, 9), HOSP2, [(AMOX, A1, "2028-06-30", 30, 1100)])
    sd, _ = L.sale(T(2026, 11, 12, 9, 20), HOSP2, [(AMOX, A1, "2028-06-30", 20, 1100)])
    _, rv = L.review(T(2026, 11, 12, 10), HOSP2, [sc, sd], [(AMOX, A1, "2028-06-30", 51, "ok")])
    L.expect("OUT-REV", rv, "one review line of 51 for sales of 30 and 20 of the batch: 'each sale with the line takes what room it has left, and the last what is left of the line' (format.md: 'one of 101 is one over on the second'): 21 on a sale of 20; Points at 'the outbound_review (... over its quantity ...)'")
    L.dispatch(T(2026, 11, 12, 10, 30), HOSP2, [sc, sd], [(AMOX, A1, 50, "WH-A")])
    inv2, _, tot2 = L.invoice(T(2026, 11, 12, 15), "sale", HOSP2, [(AMOX, 50, 1100)], {"sale": [sc, sd]})
    L.payment(T(2026, 11, 21, 10), "incoming", HOSP2, tot2, [inv2])
    L.note("HOSP1's two sales of 60 and 40 are picked and reviewed as one line of 100 and dispatched as one line: quiet (format.md Consolidated documents)")
    # (1) expiry typo: batch A3 expired 11-15; sale & review say 2027-11-15; dispatch 11-20
    s = L.sell(T(2026, 11, 20, 9), PHARM2, [(AMOX, A3, "2027-11-15", 5, 900, "WH-A")])
    L.expect("OUT-REV", s["rev"], f"review of batch {A3} with expiry 2027-11-15 while its receipt says 2026-11-15: 'whose product, batch, expiry and quantity equal the goods shipped'; Points at 'the outbound_review (... or with another expiry)'")
    L.expect("EXPIRED", s["disp"], f"dispatch on 2026-11-20 of batch {A3}, expired 2026-11-15 by its receipt (rules.md EXPIRED reads receipt.lines[].expiry): 'A batch was dispatched after its expiry date'")
    # expired remainder to QA and destroyed (quiet)
    L.transfer(T(2026, 11, 20, 14), "quarantine", [(AMOX, A3, 15, "WH-A", "QA")])
    L.destruction(T(2026, 11, 24, 10), [(AMOX, A3, 15, "QA")], reason="过期")
    # (4) customer return HOSP1 10 of sa into RET; release 6; quarantine 4 (RET->QA); supplier return 4
    _, cr = L.customer_return(T(2026, 11, 14, 10), HOSP1, sa, [(AMOX, A1, 10, "RET", None)])
    L.transfer(T(2026, 11, 15, 10), "release", [(AMOX, A1, 6, "RET", "WH-A")])
    L.transfer(T(2026, 11, 15, 10, 30), "quarantine", [(AMOX, A1, 4, "RET", "QA")])
    cn, _, ctot = L.invoice(T(2026, 11, 15, 15), "sale", HOSP1, [(AMOX, 10, 1100)], {"sale": [sa]}, credit_for=inv1)
    L.payment(T(2026, 11, 22, 10), "outgoing", HOSP1, ctot, [cn])
    L.supplier_return(T(2026, 11, 16, 10), MAKER, p1["order"], [(AMOX, A1, 4, "QA")])
    pcn, _, ptot = L.invoice(T(2026, 11, 17, 10), "purchase", MAKER, [(AMOX, 4, 860)], {"order": [p1["order"]]}, credit_for=p1["invdoc"])
    L.payment(T(2026, 11, 25, 10), "incoming", MAKER, ptot, [pcn])
    L.note("HOSP1 returns 10 of its 60 (RET), 6 released to WH-A by a 'release' transfer, 4 moved RET->QA ('quarantine', one quarantine location to another) and returned to the maker from QA; credit notes and refunds both ways: quiet")
    # (5) PHARM2 returns 5 IBU into RET; shipped from RET to PHARM1 -> QUARANTINE
    s5 = L.sell(T(2026, 11, 13, 9), PHARM2, [(IBU, B1, "2028-07-31", 20, 1500, "WH-C")], invoice=False)
    _, cr2 = L.customer_return(T(2026, 11, 14, 15), PHARM2, s5["sdoc"], [(IBU, B1, 5, "RET", None)], reason="客户多订")
    inv5, _, tot5 = L.invoice(T(2026, 11, 15, 9), "sale", PHARM2, [(IBU, 15, 1500)], {"sale": [s5["sdoc"]]})
    L.payment(T(2026, 11, 25, 11), "incoming", PHARM2, tot5, [inv5])
    s6 = L.sell(T(2026, 11, 18, 9), PHARM1, [(IBU, B1, "2028-07-31", 5, 1500, "RET")])
    L.expect("QUARANTINE", s6["disp"], "5 boxes returned by 杭州百济大药房 into RET shipped straight from RET to 杭州康宁大药房: 'never straight to a customer'; Points at 'the ... dispatch that moved the goods out of quarantine'")
    # (6) WH-C -> QA quarantine 3, then put_away QA -> WH-C
    L.transfer(T(2026, 11, 19, 10), "quarantine", [(IBU, B1, 3, "WH-C", "QA")])
    _, pa = L.put_away(T(2026, 11, 21, 10), [(IBU, B1, 3, "QA", "WH-C")])
    L.expect("ACC-GATE", pa, "literal reading of rules.md ACC-GATE: 'a put-away exceeding the accepted quantity of the batch' - the batch's put-aways are now 200 (RCV->WH-C) + 3 (QA->WH-C) = 203 over 200 accepted; the 3 boxes had passed acceptance, so this is arguably a double count (see report)")
    L.expect("QUARANTINE", pa, "3 boxes locked in QA moved back to WH-C by a put_away, not by a transfer with reason release ('to storage by an explicit release after re-inspection'); Points at 'the put_away, transfer or dispatch that moved the goods out of quarantine'")
    # (7) HOSP2 returns 3 into RET, credited and refunded; count of RET omits AMOX A1
    _, cr3 = L.customer_return(T(2026, 11, 25, 10), HOSP2, sc, [(AMOX, A1, 3, "RET", None)])
    cn3, _, ctot3 = L.invoice(T(2026, 11, 25, 15), "sale", HOSP2, [(AMOX, 3, 1100)], {"sale": [sc]}, credit_for=inv2)
    L.payment(T(2026, 11, 27, 10), "outgoing", HOSP2, ctot3, [cn3])
    st = L.stock
    _, c1 = L.count(T(2026, 11, 28, 17), "RET", [(IBU, B1, 0)])
    L.expect("STOCK-COUNT", c1, f"the books hold 3 boxes of {A1} in RET (HOSP2's return of 11-25, not yet inspected); the count sheet of RET lists only the IBU batch: 'A batch with stock on the books but missing from the count sheet counts as zero'")
    wha = [(p, b, q) for (p, b, loc), q in sorted(st.items()) if loc == "WH-A" and q]
    L.count(T(2026, 11, 28, 17, 30), "WH-A", wha)
    L.count(T(2026, 11, 28, 17, 40), "QA", [(AMOX, A3, 0), (AMOX, A1, 0)])
    whc = [(p, b, q) for (p, b, loc), q in sorted(st.items()) if loc == "WH-C" and q]
    L.count(T(2026, 11, 28, 17, 50), "WH-C", whc)
    L.note("counts of WH-A, WH-C and QA agree with the books: quiet; PHARM2's sale of 20 was invoiced 15 after its return of 5 (net goods)")
    L.note("the last events are 11-28; purchase invoices of 11-03 paid 11-13; nothing is due at the end (pending items only)")
    return L


def l283(out):
    L = Ledger(283, "suspicious-orders-compound-ephedrine-size-at-3x-and-above-peers-at-10x-and-above-frequency-at-4x-and-above-beijing-night-burst-delivery-to-branch-address",
               "SOM at its thresholds (size, peers, frequency in Beijing days) on wholesale compound ephedrine")
    t0 = T(2026, 8, 20, 9)
    master(L, t0)
    more = {}
    for i, (body, name) in enumerate([("91330102MA2K1AB3", "杭州民生大药房有限公司"), ("91330104MA2K2CD5", "杭州回春堂大药房有限公司"),
                                       ("91330105MA2K3EF7", "杭州九州大药房有限公司"), ("91330110MA2K4GH9", "杭州老百姓大药房有限公司"),
                                       ("91330109MA2K5JK2", "杭州海王星辰大药房有限公司")], 3):
        pid = uscc(body + "0")
        L.party(t0, pid, name, "retail_pharmacy", "customer", ["chemical", "compound_ephedrine"], address=f"浙江省杭州市某区药房路 {i} 号")
        more[i] = pid
    P1, P2, P3, P4, P5, P6, P7 = PHARM1, PHARM2, more[3], more[4], more[5], more[6], more[7]
    E1 = "2608151"
    L.buy(T(2026, 8, 24, 9), MAKER, [(EPH, E1, "2026-08-01", "2028-07-31", 3000, 1200)])
    def order(t, cust, q, address=None):
        return L.sell(t, cust, [(EPH, E1, "2028-07-31", q, 1800, "WH-A")], address=address)
    # P1: 8 weekly orders of 40 from 09-01
    for k in range(8):
        order(T(2026, 9, 1, 10) + D(days=7 * k), P1, 40)
    for k in range(4):
        order(T(2026, 9, 2, 10) + D(days=7 * k), P2, 20)
    for k in range(4):
        r = order(T(2026, 9, 3, 10) + D(days=7 * k), P3, 30, address=("浙江省杭州市某区药房路 3 号分店（临平店）" if k == 3 else None))
        if k == 3:
            L.expect("EPH-RETAIL", r["disp"], "wholesale dispatch of compound ephedrine to the pharmacy's branch store address, not its registered address: 'is delivered only to the buyer's licensed address'; Points at 'the wholesale dispatch to another address'")
    B = T(2026, 11, 20)
    for k in range(8, -1, -1):
        order(B - D(days=7 + 7 * k) + D(hours=10), P6, 30)
        order(B - D(days=7 + 7 * k) + D(hours=11), P7, 30)
    for dd in (31, 24, 17, 10):
        order(B - D(days=dd) + D(hours=15), P7, 30)
    L.note("P6 (杭州老百姓大药房) and P7 (杭州海王星辰大药房) order 30 boxes weekly from 09-18 (B-63) to 11-13 (B-7), B = 2026-11-20; P7 also on 10-20, 10-27, 11-03, 11-10; in the 56 days before B's 7-day window (09-19..11-13, Beijing days) P6 has 8 orders (weekly average 1.0), P7 12 (1.5)")
    # peers: P4 first order 300 (=10 x median 30) quiet, P5 301 fires
    L.note("P1 杭州康宁大药房连锁, P2 杭州百济大药房, P3 杭州民生大药房, P4 杭州回春堂大药房; peers on 10-26/27: customers with at least 4 orders: P1 avg 40, P2 20, P3 30, P6 30, P7 30 -> median 30; limit 10 x 30 = 300")
    order(T(2026, 10, 26, 14), P4, 300)
    r = order(T(2026, 10, 27, 14), P5, 301)
    L.expect("SOM", r["sale"], "first order of P5 (杭州九州大药房) of 301 boxes, above som_peer_factor 10 x the median 30 of the other customers' trailing averages (40, 20, 30, 30, 30); P4's first order of exactly 300 is not above: quiet")
    # size: P1 120 = 3.0 x 40 quiet; 151 > 3 x 50 fires
    order(T(2026, 10, 28, 10), P1, 120)
    r = order(T(2026, 11, 5, 10), P1, 151)
    L.expect("SOM", r["sale"], "P1's trailing average of its last 8 orders (7 x 40 + 120) is 50; 151 > som_k 3 x 50 = 150; its order of 120 on 10-28 was exactly 3 x 40: not above, quiet")
    # frequency: P6 6 orders on B between 00:10 and 01:00 Beijing (UTC previous day)
    for j in range(6):
        r = order(B + D(minutes=10 + 10 * j), P6, 30)
    L.expect("SOM", r["sale"], "P6's 6th order on Beijing day 11-20 (all six between 00:10 and 01:00 Beijing, i.e. 11-19 UTC): 6 orders in the 7 Beijing days 11-14..11-20, at least som_freq_min 6 and above 4 x its weekly average 1.0; the 5th is below som_freq_min; in UTC days the order of 11-13 10:00 Beijing would fall in the window and the 5th would fire too")
    for j in range(7):
        r = order(B + D(hours=9 + j), P7, 30)
    L.expect("SOM", r["sale"], "P7's 7th order on 11-20: 7 > 4 x 1.5 = 6; its 6th order (6 = 6, not above) is quiet")
    return L
