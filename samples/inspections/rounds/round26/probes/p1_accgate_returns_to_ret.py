"""Probe P1: do units returned into RET (a quarantine location) give headroom to put away rejected units from RCV?"""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "generator"))
from lib import *
L = Ledger("P1", "probe", "probe")
L.master()
L.purchase(T(2, 9), "CG1", SUP, [(AMOX, 100, 860)])
L.receipt(T(3, 10), "SH1", SUP, "CG1", "DN1", [{"product": AMOX, "batch": "X1", "arrived": 100, "accepted": 90}])
L.put_away(T(3, 11), "RK1", [(AMOX, "X1", 90, "RCV", "WH-A")])
L.sale(T(4, 9), "XS1", HOSP1, [(AMOX, "X1", "2028-05-31", 20, 1030)])
L.review(T(4, 10), "FH1", HOSP1, "XS1", [(AMOX, "X1", "2028-05-31", 20)])
L.dispatch(T(4, 11), "PS1", HOSP1, "XS1", [(AMOX, "X1", 20, "WH-A")])
L.customer_return(T(5, 9), "TH1", HOSP1, "XS1", [(AMOX, "X1", 10, "RET")])
L.transfer(T(5, 10), "YK1", "release", [(AMOX, "X1", 10, "RET", "WH-A")])
L.allow_neg.add("shelve_rejected")
L.put_away(T(6, 9), "RK2", [(AMOX, "X1", 10, "RCV", "WH-A")], label="shelve_rejected")
order, seq = L.seqs()
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "p1.jsonl"), "w") as f:
    for *_, ev in order: f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")) + "\n")
print("shelve_rejected seq", seq["shelve_rejected"])
