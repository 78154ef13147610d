from lib import *

E = "2028-05-31"


def build():
    L = Ledger(290, "returns-reshelved-released-requarantined-resold-returned-to-supplier-acc-gate-returned-units-count-as-accepted-put-away-one-over",
               "VIOLATION: customer returns put away again, moved out of and back into quarantine, re-sold, returned to the supplier (ACC-GATE and QUARANTINE as changed in Unreleased/round 25)")
    L.master()
    B1, B2 = "2610011", "2610022"
    # purchase and receipts
    L.purchase(T(2, 9), "CG26110201", SUP, [(AMOX, 200, 860), (IBU, 52, 1450)])
    L.receipt(T(3, 10), "SH26110301", SUP, "CG26110201", "NK-PS-261103-01",
              [{"product": AMOX, "batch": B1, "accepted": 200},
               {"product": IBU, "batch": B2, "arrived": 52, "accepted": 50}])
    L.put_away(T(3, 11), "RK26110301", [(AMOX, B1, 200, "RCV", "WH-A"), (IBU, B2, 50, "RCV", "WH-C")], receipt="SH26110301", label="pa1")
    L.invoice(T(3, 15), "26330000000011000001", "purchase", SUP, OWNER, [(AMOX, 200, 860), (IBU, 50, 1450)],
              {"order": ["CG26110201"]}, label="pinv")
    L.pay(T(5, 10), "FK26110501", "outgoing", OWNER, SUP, 200 * 860 + 50 * 1450, ["26330000000011000001"])
    # sales
    def sell(day, n, cust, lines, pay_day):
        s = f"XS261100{n:02d}"
        L.sale(T(day, 9), s, cust, [(p, b, E, q, pr) for p, b, q, pr in lines])
        L.review(T(day, 10), f"FH261100{n:02d}", cust, s, [(p, b, E, q) for p, b, q, pr in lines])
        loc = {AMOX: "WH-A", IBU: "WH-C"}
        L.dispatch(T(day, 11), f"PS261100{n:02d}", cust, s, [(p, b, q, loc[p]) for p, b, q, pr in lines], label=f"d{n}")
        inv = f"263300000000210000{n:02d}"
        L.invoice(T(day, 15), inv, "sale", OWNER, cust, [(p, q, pr) for p, b, q, pr in lines], {"sale": [s]})
        L.pay(T(pay_day, 10), f"SK261100{n:02d}", "incoming", cust, OWNER, sum(q * pr for *_, q, pr in lines), [inv])
        return s, inv
    s1, i1 = sell(4, 1, HOSP1, [(AMOX, B1, 60, 1030)], 9)
    s2, i2 = sell(5, 2, PHARM, [(AMOX, B1, 40, 1050)], 10)
    s4, i4 = sell(6, 4, HOSP2, [(IBU, B2, 10, 1780)], 11)

    def credit(day, n, cust, inv, sale, p, q, pr):
        cn = f"263300000000290000{n:02d}"
        L.invoice(T(day, 15), cn, "sale", OWNER, cust, [(p, q, pr)], {"sale": [sale]}, credit_for=inv)
        L.pay(T(day, 16), f"TK261100{n:02d}", "outgoing", OWNER, cust, q * pr, [cn])

    # a) 仁和 returns 10 into RET; 6 released by a release transfer, 4 moved RET -> QA (quarantine to quarantine) and back to the maker
    L.customer_return(T(12, 9), "TH26111201", HOSP1, s1, [(AMOX, B1, 10, "RET")], label="cr1")
    credit(12, 1, HOSP1, i1, s1, AMOX, 10, 1030)
    L.transfer(T(13, 9), "YK26111301", "release", [(AMOX, B1, 6, "RET", "WH-A")], label="rel1", refs={"receipt": ["TH26111201"]})
    L.transfer(T(13, 9, 30), "YK26111302", "quarantine", [(AMOX, B1, 4, "RET", "QA")], label="ret2qa")
    L.supplier_return(T(14, 10), "TC26111401", SUP, "CG26110201", [(AMOX, B1, 4, "QA")], label="sr1")
    cnp = "26330000000011000091"
    L.invoice(T(14, 15), cnp, "purchase", SUP, OWNER, [(AMOX, 4, 860)], {"order": ["CG26110201"]}, credit_for="26330000000011000001")
    L.pay(T(15, 10), "SK26111591", "incoming", SUP, OWNER, 4 * 860, [cnp])
    # resale of the released units to 康宁 (WH-A holds 200-60-40+6 = 106)
    s3, i3 = sell(16, 3, CHAIN, [(AMOX, B1, 15, 1040)], 20)
    # b) 百济 returns 5 into RET; they are put away RET -> WH-A by a put_away, not a release
    L.customer_return(T(17, 9), "TH26111701", PHARM, s2, [(AMOX, B1, 5, "RET")], label="cr2")
    credit(17, 2, PHARM, i2, s2, AMOX, 5, 1050)
    L.put_away(T(17, 14), "RK26111701", [(AMOX, B1, 5, "RET", "WH-A")], label="pa_ret")
    L.exp("QUARANTINE", "pa_ret", "rules.md QUARANTINE: returns-location stock 'may move only ... to storage by an explicit release'; Points at 'the put_away ... that moved the goods out of quarantine'. ACC-GATE quiet: 'put-aways from a quarantine or returns location (quarantine_locations) are not counted'")
    # c) quarantine from storage and back: release quiet, relocation fires
    L.transfer(T(18, 9), "YK26111801", "quarantine", [(AMOX, B1, 3, "WH-A", "QA")], label="q3")
    L.transfer(T(19, 9), "YK26111901", "release", [(AMOX, B1, 2, "QA", "WH-A")], label="rel2")
    L.transfer(T(19, 10), "YK26111902", "relocation", [(AMOX, B1, 1, "QA", "WH-A")], label="reloc")
    L.exp("QUARANTINE", "reloc", "transfer reason relocation QA -> WH-A: 'Only a release may take goods from a quarantine location into storage' (format.md transfer.reason)")
    # d) 明州 returns 2 of the cool batch B2 to RCV (not a quarantine location): the returned units count as accepted,
    #    so re-shelving them makes put-aways 50 + 2 = 52 = accepted 50 + returned 2: quiet; one more unit is over
    L.customer_return(T(20, 9), "TH26112001", HOSP2, s4, [(IBU, B2, 2, "RCV")], label="cr4")
    credit(20, 4, HOSP2, i4, s4, IBU, 2, 1780)
    L.put_away(T(20, 11), "RK26112001", [(IBU, B2, 2, "RCV", "WH-C")], label="pa_ret_rcv")
    L.allow_neg.add("pa_over")
    L.put_away(T(21, 11), "RK26112101", [(IBU, B2, 1, "RCV", "WH-C")], label="pa_over")
    L.exp("ACC-GATE", "pa_over", "batch 2610022: accepted 50 (2 rejected) + 2 returned by customers = 52 count as accepted; put-aways from RCV 50 + 2 + 1 = 53: 'a put-away exceeding the accepted quantity of the batch'; 'Units customers return count as accepted'")
    L.exp("STOCK-NEG", "pa_over", "RCV holds 0 of batch 2610022 (50 accepted and put away, 2 returned and put away): the put-away of 1 takes it to -1")
    # e) returned goods destroyed from RET (ordinary drug): quiet
    L.customer_return(T(23, 9), "TH26112301", HOSP1, s1, [(AMOX, B1, 2, "RET")], label="cr5")
    credit(23, 5, HOSP1, i1, s1, AMOX, 2, 1030)
    L.destruction(T(24, 10), "XH26112401", [(AMOX, B1, 2, "RET")], label="destroy")
    # f) counts agree with the books (WH-A, WH-C, QA, RET)
    wa = L.stock[(AMOX, B1, "WH-A")]
    L.count(T(27, 17), "PD26112701", "WH-A", [(AMOX, B1, wa)])
    L.count(T(27, 17, 10), "PD26112702", "WH-C", [(IBU, B2, L.stock[(IBU, B2, "WH-C")])])
    L.count(T(27, 17, 20), "PD26112703", "QA", [(AMOX, B1, L.stock[(AMOX, B1, "QA")])])
    L.notes += [
        "quiet (a): 10 returned by 仁和 into RET, 6 released RET -> WH-A by a release transfer, 4 moved RET -> QA ('to another quarantine location') and returned to the maker from QA ('back to the supplier') with a purchase credit note and refund",
        "quiet: the 6 released units are re-sold to 康宁 (XS26110003) from WH-A; ACC-GATE does not count release transfers or put-aways from quarantine (rules.md ACC-GATE as changed in round 25)",
        "quiet: 3 moved WH-A -> QA (reason quarantine), 2 released back; returned goods destroyed from RET (ordinary drug, no supervisors needed)",
        "quiet: batch 2610022 returns to RCV and is put away again: 52 put away = 50 accepted + 2 returned (boundary met exactly)",
        "every sale invoiced, every return credited and refunded the same day; every invoice paid; counts of WH-A, WH-C and QA equal the books; nothing due at the end (last event 11-27)",
        f"books at the end: WH-A {wa} of 2610011 (counted), QA {L.stock[(AMOX, B1, 'QA')]}, RET {L.stock[(AMOX, B1, 'RET')]}",
    ]
    return L
