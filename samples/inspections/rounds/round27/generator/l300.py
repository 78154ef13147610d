from biz import *

M1 = "91330100143958271W"; M1A = "62248461562941922"
H1 = "123300004700891235"; H1A = "62101850456507379"
H2 = "91330105MA2G8U5W41"; H2A = "6217856100023418872"
PA = gtin("6901234500001")  # 阿莫西林胶囊
PB = gtin("6901234500002")  # 布洛芬缓释胶囊
EXP = "2028-05-31"


def build():
    L = Ledger(300, "acc-gate-quarantine-returns-rcv-ret-wha-release-shuttle-double-hop-rejected-shelved-by-put-away-and-transfer-all-rejected-dispatched",
               "VIOLATION: the acceptance gate and quarantine as rules.md ACC-GATE/QUARANTINE (CHANGELOG Unreleased rounds 25, 26) state them: customer returns into RCV, WH-A and RET; re-shelved, released, shuttled between QA and RET, put away and relocated out of RET, shipped from RET; rejected units shelved by put-away and by transfer; a batch whose receipts were all rejected shipped, and its lawful twin with a replacement")
    B = Biz(L, {M1: M1A, H1: H1A, H2: H2A})
    t0 = T("2026-11-02 09:00")
    L.self_party(t0)
    L.party(t0, M1, "杭州宁康制药有限公司", "manufacturer", "supplier", "drug_manufacturing", ["chemical"], [M1A])
    L.party(t0, H1, "杭州市仁和医院", "medical_institution", "customer", "medical_institution", ["chemical", "tcm_patent"], [H1A])
    L.party(t0, H2, "杭州康宁大药房连锁有限公司", "retail_chain", "customer", "drug_retail", ["chemical", "tcm_patent"], [H2A])
    L.product(t0, PA, "阿莫西林胶囊")
    L.product(t0, PB, "布洛芬缓释胶囊", spec="0.3g×20粒/盒")
    L.notes += ["quarantine_locations default [QA, RET]; WH-A, WH-B storage; every purchase invoiced for its accepted units, every dispatch invoiced, every return credited (红字发票) and every invoice paid net on 11-25: TTGK/UNINVOICED/UNPAID quiet; clock ends 11-25, nothing pending",
                "ACC-GATE arithmetic per batch: accepted = receipts' accepted + customer returns to a location outside QA/RET; counted = put-aways whose from is not QA/RET; fires at the put-away taking counted over accepted, once per batch; transfers are not read by ACC-GATE (rules.md Reads)"]

    # ---- A1: returns into RCV and WH-A re-shelved: 107 counted = 107 accepted (quiet, boundary met)
    d = T("2026-11-03 09:00")
    a1 = B.buy(d, M1, PA, "A2611001", EXP, 100, 100, 860)
    s = B.sell(T("2026-11-05 09:00"), H1, PA, "A2611001", EXP, 30, 1200)
    B.ret(T("2026-11-07 10:00"), s, H1, PA, "A2611001", 5, "RCV")
    B.ret(T("2026-11-07 11:00"), s, H1, PA, "A2611001", 2, "WH-A")
    L.move("put_away", T("2026-11-07 14:00"), [(PA, "A2611001", 5, "RCV", "WH-A")])
    L.move("put_away", T("2026-11-07 15:00"), [(PA, "A2611001", 2, "WH-A", "WH-B")])
    L.notes.append("quiet A1 (batch A2611001): 100 accepted + 5 returned to RCV + 2 returned to WH-A = 107; put-aways RCV->WH-A 100, RCV->WH-A 5, WH-A->WH-B 2 = 107 (met exactly)")
    # ---- A5: returned into RET and shipped straight from RET
    s5 = B.sell(T("2026-11-08 09:00"), H2, PA, "A2611001", EXP, 10, 1200)
    B.ret(T("2026-11-09 10:00"), s5, H2, PA, "A2611001", 4, "RET")
    s6 = B.sell(T("2026-11-10 09:00"), H1, PA, "A2611001", EXP, 3, 1200, frm="RET")
    L.expect(s6["drec"], "QUARANTINE", "dispatch of 3 from RET: returns-location stock 'never straight to a customer'")
    L.destruction(T("2026-11-10 15:00"), [(PA, "A2611001", 1, "RET")])
    L.notes.append("quiet: the last returned unit in RET destroyed (ordinary drug, no supervisors needed); OUT-REV quiet: the RET dispatch was reviewed")

    # ---- A2: return into RCV, put away one over, then one more (ACC-GATE once per batch)
    a2 = B.buy(T("2026-11-03 09:10"), M1, PA, "A2611002", EXP, 50, 50, 860)
    s = B.sell(T("2026-11-05 09:10"), H1, PA, "A2611002", EXP, 20, 1200)
    B.ret(T("2026-11-07 10:10"), s, H1, PA, "A2611002", 3, "RCV")
    r = L.move("put_away", T("2026-11-07 14:10"), [(PA, "A2611002", 4, "RCV", "WH-A")])
    L.expect(r, "ACC-GATE", "batch A2611002: 50 accepted + 3 returned to RCV = 53; put away 50 + 4 = 54")
    L.expect(r, "STOCK-NEG", "RCV holds the 3 returned units; 4 leave it: -1")
    r = L.move("put_away", T("2026-11-08 14:10"), [(PA, "A2611002", 1, "RCV", "WH-A")])
    L.expect(r, "STOCK-NEG", "RCV still below zero (-1 -> -2): 'each later one while it stays below'; no second ACC-GATE: 'once per batch'")

    # ---- A3: round 26's fix: 2 rejected, 6 returned into RET and released, the 2 rejected shelved
    a3 = B.buy(T("2026-11-03 09:20"), M1, PA, "A2611003", EXP, 40, 38, 860)
    s = B.sell(T("2026-11-05 09:20"), H2, PA, "A2611003", EXP, 10, 1200)
    B.ret(T("2026-11-07 10:20"), s, H2, PA, "A2611003", 6, "RET")
    L.move("transfer", T("2026-11-08 10:20"), [(PA, "A2611003", 6, "RET", "WH-A")], reason="release")
    r = L.move("put_away", T("2026-11-09 10:20"), [(PA, "A2611003", 2, "RCV", "WH-A")])
    L.expect(r, "ACC-GATE", "batch A2611003: 38 accepted (2 rejected); the 6 returned into RET are not counted as accepted and their release is not counted; put away 38 + 2 = 40 > 38 ('A returned unit is counted once')")
    L.expect(r, "STOCK-NEG", "RCV holds 0 of A2611003 (38 accepted, all put away): -2")

    # ---- A4: return into RET, shuttled between quarantine locations, put away / relocated / released / destroyed
    a4 = B.buy(T("2026-11-03 09:30"), M1, PA, "A2611004", EXP, 30, 30, 860)
    s = B.sell(T("2026-11-05 09:30"), H1, PA, "A2611004", EXP, 12, 1200)
    B.ret(T("2026-11-07 10:30"), s, H1, PA, "A2611004", 5, "RET")
    L.move("transfer", T("2026-11-08 09:30"), [(PA, "A2611004", 5, "RET", "QA")], reason="relocation")
    L.move("put_away", T("2026-11-08 10:30"), [(PA, "A2611004", 1, "QA", "RET")])
    L.move("transfer", T("2026-11-08 11:30"), [(PA, "A2611004", 4, "QA", "RET")], reason="quarantine")
    r = L.move("put_away", T("2026-11-09 09:30"), [(PA, "A2611004", 2, "RET", "WH-A")])
    L.expect(r, "QUARANTINE", "put-away RET -> WH-A is not 'an explicit release'; ACC-GATE does not count a put-away from RET")
    r = L.move("transfer", T("2026-11-09 10:30"), [(PA, "A2611004", 1, "RET", "WH-A")], reason="relocation")
    L.expect(r, "QUARANTINE", "format.md transfer.reason: 'Only a release may take goods from a quarantine location into storage'")
    L.move("transfer", T("2026-11-09 11:30"), [(PA, "A2611004", 1, "RET", "WH-A")], reason="release")
    L.destruction(T("2026-11-09 15:30"), [(PA, "A2611004", 1, "RET")])
    L.notes.append("quiet A4 (batch A2611004): RET->QA relocation, QA->RET put-away, QA->RET quarantine transfer ('to another quarantine location'), RET->WH-A release, destruction from RET")

    # ---- A6: double hop RET -> RCV (put-away) -> WH-A (put-away)
    a6 = B.buy(T("2026-11-03 09:40"), M1, PA, "A2611006", EXP, 20, 20, 860)
    s = B.sell(T("2026-11-05 09:40"), H1, PA, "A2611006", EXP, 5, 1200)
    B.ret(T("2026-11-07 10:40"), s, H1, PA, "A2611006", 5, "RET")
    r = L.move("put_away", T("2026-11-08 09:40"), [(PA, "A2611006", 5, "RET", "RCV")])
    L.expect(r, "QUARANTINE", "RCV is neither a quarantine location nor reached by a release: 'goods leaving quarantine other than by a release are QUARANTINE's'")
    r = L.move("put_away", T("2026-11-08 10:40"), [(PA, "A2611006", 5, "RCV", "WH-A")])
    L.expect(r, "ACC-GATE", "batch A2611006: 20 accepted, the 5 returned into RET not counted as accepted; this put-away is from RCV, not 'from there' (RET), so it counts: 25 > 20")

    # ---- B1: rules.md example: 120 arrived, 118 accepted, all 120 put away
    b1 = B.buy(T("2026-11-04 09:00"), M1, PB, "B2611001", EXP, 120, 118, 650, put_to=None)
    r = L.move("put_away", T("2026-11-05 10:00"), [(PB, "B2611001", 120, "RCV", "WH-A")])
    L.expect(r, "ACC-GATE", "rules.md example: 120 put away, 118 passed acceptance")
    L.expect(r, "STOCK-NEG", "RCV holds 118: -2")
    # ---- B2: rejected units shelved by a relocation transfer (ACC-GATE reads put_away only)
    b2 = B.buy(T("2026-11-04 09:10"), M1, PB, "B2611002", EXP, 60, 58, 650)
    r = L.move("transfer", T("2026-11-05 10:10"), [(PB, "B2611002", 2, "RCV", "WH-A")], reason="relocation")
    L.expect(r, "STOCK-NEG", "RCV holds 0 (58 accepted and put away); ACC-GATE reads put_away and dispatch lines only (rules.md Reads), so a transfer is not ACC-GATE")
    # ---- B3: all rejected, then shipped from RCV
    b3 = B.buy(T("2026-11-04 09:20"), M1, PB, "B2611003", EXP, 20, 0, 650)
    s = B.sell(T("2026-11-06 09:20"), H1, PB, "B2611003", EXP, 5, 900, frm="RCV")
    L.expect(s["drec"], "ACC-GATE", "'a dispatch of a batch whose receipts were all rejected'")
    L.expect(s["drec"], "STOCK-NEG", "RCV holds 0 of B2611003")
    L.notes.append("NO-SOURCE quiet at the B2611003 dispatch: 'A receipt counts as received even when it accepted nothing'")
    # ---- B4: rejected, replaced under a new order, shipped (quiet)
    B.buy(T("2026-11-04 09:30"), M1, PB, "B2611004", EXP, 20, 0, 650)
    B.buy(T("2026-11-05 09:30"), M1, PB, "B2611004", EXP, 20, 20, 650)
    B.sell(T("2026-11-07 09:30"), H2, PB, "B2611004", EXP, 5, 900)
    L.notes.append("quiet B4 (batch B2611004): first receipt all rejected, replacement under a new order accepted 20 and put away; dispatch of 5 from WH-A: not 'all rejected'")

    B.settle(T("2026-11-25 10:00"))
    return L
