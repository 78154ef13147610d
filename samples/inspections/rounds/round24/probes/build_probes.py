"""Round 24 probes: small ledgers testing a boundary or a suspicion. python3 build_probes.py OUTDIR"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "generator"))
from lib24 import *

TWO_ACC = ["验收-张伟", "验收-孙丽"]
TWO_REV = ["复核-刘洋", "复核-何倩"]
TWO_KEEP = ["保管-赵磊", "保管-钱程"]

# extra products for the probes
PRODUCTS["TX"] = prod("TX", "8690823400013", "亚砷酸注射液", "注射剂", "10ml:10mg", "M1", "国药准字H20000388", "medical_toxic",
                      "medical_toxic", "ambient", "支")
PRODUCTS["MO"]["manufacturer"] = PARTIES["MN"]["name"]


def flow(L, when, cust, p, batch, exp, q, price, codes, frm="SP-1", ctrl=True, pay_method="bank_transfer", label=None):
    s = L.sale(when, cust, [(p, batch, exp, q, price)])
    L.review(when + hours(1), s, cust, [(p, batch, exp, q)], reviewers=TWO_REV if ctrl else None)
    L.dispatch(when + hours(2), s, cust, [(p, batch, q, frm, codes)], by=TWO_KEEP if ctrl else None)
    iv, tot = L.sinv(when + hours(3), cust, s, [(p, q, price)])
    L.pay_in(when + days(5), cust, tot, [iv], method=pay_method, label=label)
    return s, iv


def p_cash_classes():
    """Cash for each special-control class. rules.md SPECIAL-CASH: 'narcotic, psychotropic or precursor line'."""
    L = Ledger(901, "cash-by-control-class", "PROBE: cash payments of invoices of psychotropic2, precursor (fire), radioactive, medical_toxic (quiet by the docs)")
    H3 = dict(PARTIES["H3"]); PARTIES["H3"]["scope"] = H3["scope"] + ["radioactive", "medical_toxic"]
    PARTIES["M1"]["scope"] = PARTIES["M1"]["scope"] + ["medical_toxic"]
    L.master(t("2026-10-01 09:00"), ["M1", "M3", "MP", "MR", "H3"], ["E", "PE", "RI", "TX"], [("SP-1", "ambient")])
    PARTIES["H3"].update(H3)
    PARTIES["M1"]["scope"] = [x for x in PARTIES["M1"]["scope"] if x != "medical_toxic"]
    n = 1
    for key, sup, cls in (("E", "M3", "psychotropic2"), ("PE", "MP", "precursor"), ("RI", "MR", "radioactive"), ("TX", "M1", "medical_toxic")):
        codes = codes20("81099%02d" % n, 1, 5)
        cg = L.purchase(t("2026-10-05 09:00") + mins(n), sup, [(key, 5, 1000)])
        r = L.receipt(t("2026-10-06 09:00") + mins(n), sup, cg, [dict(p=key, batch="B%d" % n, prod="2026-09-01", exp="2029-08-31",
                                                                      arrived=5, accepted=5, codes=codes)], acceptors=TWO_ACC)
        L.put_away(t("2026-10-06 10:00") + mins(n), r, [(key, "B%d" % n, 5, "RCV", "SP-1", codes)], by=TWO_KEEP)
        iv, tot = L.pinv(t("2026-10-06 11:00") + mins(n), sup, cg, [(key, 5, 1000)])
        L.pay_out(t("2026-10-07 10:00") + mins(n), sup, tot, [iv])
        flow(L, t("2026-10-10 09:00") + mins(10 * n), "H3", key, "B%d" % n, "2029-08-31", 5, 1200, codes, pay_method="cash",
             label="cash_" + cls)
        n += 1
    return L


def p_trace_supplier_return():
    """trace --batch of a batch partly returned to its supplier: README 'what left the ledgers given (to a party whose ledger
    was not given, less what it returned; destroyed; lost)'."""
    L = Ledger(902, "trace-supplier-return", "PROBE: 10 morphine received, 3 returned to the maker, 4 sold, 3 left in SP-1")
    L.master(t("2026-10-01 09:00"), ["MN", "H1"], ["MO"], [("SP-1", "ambient")])
    c = codes20("8109901", 1, 10)
    cg = L.purchase(t("2026-10-05 09:00"), "MN", [("MO", 10, 2850)])
    r = L.receipt(t("2026-10-06 09:00"), "MN", cg, [dict(p="MO", batch="X1", prod="2026-09-01", exp="2029-08-31", arrived=10,
                                                          accepted=10, codes=c)], acceptors=TWO_ACC)
    L.put_away(t("2026-10-06 10:00"), r, [("MO", "X1", 10, "RCV", "SP-1", c)], by=TWO_KEEP)
    iv, tot = L.pinv(t("2026-10-06 11:00"), "MN", cg, [("MO", 10, 2850)])
    L.sup_return(t("2026-10-08 10:00"), "MN", cg, [("MO", "X1", 3, "SP-1", c[:3])])
    L.pinv(t("2026-10-08 11:00"), "MN", cg, [("MO", 3, 2850)], credit_for=iv)
    L.pay_out(t("2026-10-09 10:00"), "MN", 7 * 2850, [iv])
    flow(L, t("2026-10-10 09:00"), "H1", "MO", "X1", "2029-08-31", 4, 3200, c[3:7])
    return L


def p_acc_gate_all_rejected():
    """A batch whose receipt accepted nothing, then dispatched: ACC-GATE (documented); NO-SOURCE? ('never received')."""
    L = Ledger(903, "dispatch-of-a-batch-rejected-in-full", "PROBE: 20 arrived, 0 accepted, 5 shipped from RCV")
    L.master(t("2026-10-01 09:00"), ["M1", "H3"], ["D"], [("WH-A", "ambient")])
    cg = L.purchase(t("2026-10-05 09:00"), "M1", [("D", 20, 520)])
    L.receipt(t("2026-10-06 09:00"), "M1", cg, [dict(p="D", batch="R1", prod="2026-09-01", exp="2029-08-31", arrived=20, accepted=0,
                                                      reason="说明书与批准不符，整批拒收")])
    flow(L, t("2026-10-10 09:00"), "H3", "D", "R1", "2029-08-31", 5, 650, [], frm="RCV", ctrl=False, label="pay")
    return L


def p_one_person_by_class():
    """SPECIAL-2P / SPECIAL-DESTROY / SPECIAL-LOSS by control class; rules.md says 'special-control drugs' without listing them."""
    L = Ledger(904, "one-person-unsupervised-late-loss-by-class", "PROBE: precursor, radioactive, medical_toxic and compound_ephedrine: "
               "receipt with one acceptor, review with one reviewer, destruction without supervisors, loss reported after 30 h")
    PARTIES["H3"]["scope"] = PARTIES["H3"]["scope"] + ["radioactive", "medical_toxic"]
    PARTIES["M1"]["scope"] = PARTIES["M1"]["scope"] + ["medical_toxic"]
    L.master(t("2026-10-01 09:00"), ["M1", "MP", "MR", "H3"], ["PE", "RI", "TX", "PSE"], [("SP-1", "ambient")])
    n = 1
    for key, sup in (("PE", "MP"), ("RI", "MR"), ("TX", "M1"), ("PSE", "M1")):
        codes = codes20("81098%02d" % n, 1, 10)
        cg = L.purchase(t("2026-10-05 09:00") + mins(n), sup, [(key, 10, 1000)])
        r = L.receipt(t("2026-10-06 09:00") + mins(n), sup, cg, [dict(p=key, batch="C%d" % n, prod="2026-09-01", exp="2029-08-31",
                                                                      arrived=10, accepted=10, codes=codes)],
                      acceptors=["验收-张伟"], label="rec_" + key)
        L.put_away(t("2026-10-06 10:00") + mins(n), r, [(key, "C%d" % n, 10, "RCV", "SP-1", codes)], by=TWO_KEEP)
        iv, tot = L.pinv(t("2026-10-06 11:00") + mins(n), sup, cg, [(key, 10, 1000)])
        L.pay_out(t("2026-10-07 10:00") + mins(n), sup, tot, [iv])
        s = L.sale(t("2026-10-10 09:00") + mins(10 * n), "H3", [(key, "C%d" % n, "2029-08-31", 5, 1200)])
        L.review(t("2026-10-10 10:00") + mins(10 * n), s, "H3", [(key, "C%d" % n, "2029-08-31", 5)], reviewers=["复核-刘洋"],
                 label="rev_" + key)
        L.dispatch(t("2026-10-10 11:00") + mins(10 * n), s, "H3", [(key, "C%d" % n, 5, "SP-1", codes[:5])], by=TWO_KEEP)
        iv2, tot2 = L.sinv(t("2026-10-10 12:00") + mins(10 * n), "H3", s, [(key, 5, 1200)])
        L.pay_in(t("2026-10-15 10:00") + mins(n), "H3", tot2, [iv2])
        L.destroy(t("2026-10-20 10:00") + mins(n), [(key, "C%d" % n, 2, "SP-1", codes[5:7])], [], label="destroy_" + key)
        L.loss(t("2026-10-22 16:00") + mins(n), t("2026-10-21 09:00"), "loss", [(key, "C%d" % n, 1, "SP-1", [codes[7]])],
               ["杭州市公安局西湖分局"], label="loss_" + key)
        n += 1
    return L


def p_code_of_other_customer():
    """A hospital returns (with its code) a psychotropic unit that was shipped to another hospital; same batch sold to both."""
    L = Ledger(905, "return-of-a-unit-shipped-to-another-customer", "PROBE: H1 returns a unit code shipped to H2 (same batch)")
    L.master(t("2026-10-01 09:00"), ["M3", "H1", "H2"], ["E"], [("SP-1", "ambient")])
    c = codes20("8109905", 1, 20)
    cg = L.purchase(t("2026-10-05 09:00"), "M3", [("E", 20, 1850)])
    r = L.receipt(t("2026-10-06 09:00"), "M3", cg, [dict(p="E", batch="E5", prod="2026-09-01", exp="2029-08-31", arrived=20,
                                                          accepted=20, codes=c)], acceptors=TWO_ACC)
    L.put_away(t("2026-10-06 10:00"), r, [("E", "E5", 20, "RCV", "SP-1", c)], by=TWO_KEEP)
    iv, tot = L.pinv(t("2026-10-06 11:00"), "M3", cg, [("E", 20, 1850)])
    L.pay_out(t("2026-10-07 10:00"), "M3", tot, [iv])
    s1, i1 = flow(L, t("2026-10-10 09:00"), "H1", "E", "E5", "2029-08-31", 5, 2100, c[:5])
    s2, i2 = flow(L, t("2026-10-11 09:00"), "H2", "E", "E5", "2029-08-31", 5, 2100, c[5:10])
    L.cust_return(t("2026-10-20 10:00"), "H1", s1, [("E", "E5", 1, "RET", [c[7]])], reason="退回 1 盒", label="ret")
    return L


def p_outrev_expiry():
    """Review with another expiry than the receipt: OUT-REV at the review; does the dispatch fire too?"""
    L = Ledger(906, "review-with-another-expiry", "PROBE: review expiry 2028-06-30, receipt and sale 2028-06-29; dispatch as reviewed")
    L.master(t("2026-10-01 09:00"), ["M1", "H3"], ["D"], [("WH-A", "ambient")])
    cg = L.purchase(t("2026-10-05 09:00"), "M1", [("D", 50, 520)])
    r = L.receipt(t("2026-10-06 09:00"), "M1", cg, [dict(p="D", batch="V1", prod="2026-06-30", exp="2028-06-29", arrived=50, accepted=50)])
    L.put_away(t("2026-10-06 10:00"), r, [("D", "V1", 50, "RCV", "WH-A")])
    iv, tot = L.pinv(t("2026-10-06 11:00"), "M1", cg, [("D", 50, 520)])
    L.pay_out(t("2026-10-07 10:00"), "M1", tot, [iv])
    s = L.sale(t("2026-10-10 09:00"), "H3", [("D", "V1", "2028-06-29", 20, 650)])
    L.review(t("2026-10-10 10:00"), s, "H3", [("D", "V1", "2028-06-30", 20)], label="rev")
    L.dispatch(t("2026-10-10 11:00"), s, "H3", [("D", "V1", 20, "WH-A")], label="disp")
    i2, t2 = L.sinv(t("2026-10-10 12:00"), "H3", s, [("D", 20, 650)])
    L.pay_in(t("2026-10-15 10:00"), "H3", t2, [i2])
    return L


def p_two_invoice_mixed_source():
    """One batch number received both from its manufacturer and from a wholesaler, then sold to a public hospital."""
    L = Ledger(907, "batch-from-maker-and-wholesaler-to-public-hospital", "PROBE: batch M7 received 100 from 杭州康恩制药 and 50 from "
               "浙江华通医药; 30 sold to 杭州市第一人民医院")
    L.master(t("2026-10-01 09:00"), ["M1", "W1", "H1"], ["D"], [("WH-A", "ambient")])
    for sup, q, n in (("M1", 100, 1), ("W1", 50, 2)):
        cg = L.purchase(t("2026-10-05 09:00") + mins(n), sup, [("D", q, 520)])
        r = L.receipt(t("2026-10-06 09:00") + mins(n), sup, cg, [dict(p="D", batch="M7", prod="2026-09-01", exp="2029-08-31",
                                                                      arrived=q, accepted=q)])
        L.put_away(t("2026-10-06 10:00") + mins(n), r, [("D", "M7", q, "RCV", "WH-A")])
        iv, tot = L.pinv(t("2026-10-06 11:00") + mins(n), sup, cg, [("D", q, 520)])
        L.pay_out(t("2026-10-07 10:00") + mins(n), sup, tot, [iv])
    flow(L, t("2026-10-10 09:00"), "H1", "D", "M7", "2029-08-31", 30, 650, [], frm="WH-A", ctrl=False)
    return L


def p_code_window_exact():
    """Codes known to the end of the Beijing day 180 days after the day they left: 23:59:59 quiet, 00:00:00 next day unknown."""
    L = Ledger(908, "code-memory-at-2359-59-and-0000-00", "PROBE: dispatch 04-10 10:30 Beijing; returns 10-07 23:59:59 and 10-08 00:00:00")
    L.master(t("2026-04-01 09:00"), ["M1", "H1"], ["K"], [("WH-A", "ambient")])
    c = codes20("8109908", 1, 10)
    cg = L.purchase(t("2026-04-03 09:00"), "M1", [("K", 10, 900)])
    r = L.receipt(t("2026-04-06 10:00"), "M1", cg, [dict(p="K", batch="W1", prod="2026-03-01", exp="2028-02-28", arrived=10,
                                                          accepted=10, codes=c)])
    L.put_away(t("2026-04-06 11:00"), r, [("K", "W1", 10, "RCV", "WH-A", c)])
    iv, tot = L.pinv(t("2026-04-06 15:00"), "M1", cg, [("K", 10, 900)])
    L.pay_out(t("2026-04-16 10:00"), "M1", tot, [iv])
    s, i1 = flow(L, t("2026-04-10 08:30"), "H1", "K", "W1", "2028-02-28", 4, 1100, c[:4], frm="WH-A", ctrl=False)
    L.cust_return(t("2026-10-07 23:59:59"), "H1", s, [("K", "W1", 1, "RET", [c[0]])], label="r_2359")
    L.cust_return(t("2026-10-08 00:00:00"), "H1", s, [("K", "W1", 1, "RET", [c[1]])], label="r_0000")
    L.count(t("2026-10-09 10:00"), "WH-A", [("K", "W1", 6)])
    return L


def p_pair_trace():
    """A seller and a hospital's ledger given together: trace --batch should list the hospital's holding, not 'left the ledgers'."""
    A = Ledger(909, "pair-A-seller", "PROBE pair A: 20 morphine received, 10 to 杭州市第一人民医院, 2 back, 1 destroyed under supervision")
    A.master(t("2026-10-01 09:00"), ["MN", "H1"], ["MO"], [("SP-1", "ambient")])
    c = codes20("8109909", 1, 20)
    cg = A.purchase(t("2026-10-05 09:00"), "MN", [("MO", 20, 2850)])
    r = A.receipt(t("2026-10-06 09:00"), "MN", cg, [dict(p="MO", batch="Y1", prod="2026-09-01", exp="2029-08-31", arrived=20,
                                                          accepted=20, codes=c)], acceptors=TWO_ACC)
    A.put_away(t("2026-10-06 10:00"), r, [("MO", "Y1", 20, "RCV", "SP-1", c)], by=TWO_KEEP)
    iv, tot = A.pinv(t("2026-10-06 11:00"), "MN", cg, [("MO", 20, 2850)])
    A.pay_out(t("2026-10-07 10:00"), "MN", tot, [iv])
    s = A.sale(t("2026-10-10 09:00"), "H1", [("MO", "Y1", "2029-08-31", 10, 3200)], doc="XS-Y1")
    A.review(t("2026-10-10 10:00"), s, "H1", [("MO", "Y1", "2029-08-31", 10)], reviewers=TWO_REV)
    A.dispatch(t("2026-10-10 11:00"), s, "H1", [("MO", "Y1", 10, "SP-1", c[:10])], by=TWO_KEEP, doc="PS-Y1")
    si, st = A.sinv(t("2026-10-10 15:00"), "H1", s, [("MO", 10, 3200)], doc="26330909100000000001")
    rr = A.cust_return(t("2026-10-15 10:00"), "H1", s, [("MO", "Y1", 2, "RET", c[:2])], reason="破损退回")
    A.sinv(t("2026-10-15 15:00"), "H1", s, [("MO", 2, 3200)], credit_for=si, doc="26330909100000000002")
    A.transfer(t("2026-10-16 10:00"), "quarantine", [("MO", "Y1", 2, "RET", "QA", c[:2])], by=TWO_KEEP)
    A.destroy(t("2026-10-20 10:00"), [("MO", "Y1", 1, "QA", [c[0]])], ["杭州市市场监督管理局 执法人员 何立"])
    A.pay_in(t("2026-10-25 10:00"), "H1", 8 * 3200, [si])
    B = Ledger(909, "pair-B-hospital", "PROBE pair B: the hospital receives 10 by the delivery note, returns 2")
    PARTIES["O"]["relation"] = "supplier"; PARTIES["H1"]["relation"] = "self"
    B.master(t("2026-10-01 09:00"), ["O"], ["MO"], [("YK-1", "ambient")], owner="H1")
    po = B.purchase(t("2026-10-09 09:00"), "O", [("MO", 10, 3200)])
    rb = B.receipt(t("2026-10-10 15:00"), "O", po, [dict(p="MO", batch="Y1", prod="2026-09-01", exp="2029-08-31", arrived=10,
                                                          accepted=10, codes=c[:10])], dn="PS-Y1", acceptors=["药剂-林主任", "药剂-王药师"])
    B.put_away(t("2026-10-10 16:00"), rb, [("MO", "Y1", 10, "RCV", "YK-1", c[:10])], by=["药剂-林主任", "药剂-王药师"])
    B.sup_return(t("2026-10-15 09:00"), "O", po, [("MO", "Y1", 2, "YK-1", c[:2])], reason="破损退回", by=["药剂-林主任", "药剂-王药师"])
    B.invoice(t("2026-10-10 15:30"), "purchase", "O", "H1", [("MO", 10, 3200)], refs={"order": [po]}, doc="26330909100000000001")
    B.invoice(t("2026-10-15 15:30"), "purchase", "O", "H1", [("MO", 2, 3200)], refs={"order": [po]}, credit_for="26330909100000000001",
              doc="26330909100000000002")
    B.pay(t("2026-10-25 10:00"), "outgoing", "H1", "O", 8 * 3200, ["26330909100000000001"])
    PARTIES["O"]["relation"] = "self"; PARTIES["H1"]["relation"] = "customer"
    return [A, B]


PROBES = [p_cash_classes, p_trace_supplier_return, p_acc_gate_all_rejected, p_one_person_by_class, p_code_of_other_customer,
          p_outrev_expiry, p_two_invoice_mixed_source, p_code_window_exact, p_pair_trace]

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    import copy
    saved_p = copy.deepcopy(PARTIES)
    for f in PROBES:
        PARTIES.clear(); PARTIES.update(copy.deepcopy(saved_p))
        Ls = f()
        for L in (Ls if isinstance(Ls, list) else [Ls]):
            print(L.write(out))
