"""Probe for ledger 205's miss: when does SOM's peer test apply?  Variants of 205's world, each
appended to a fresh ledger and checked (JSON); prints the SOM findings."""
import sys, os, json, subprocess, tempfile
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "generator"))
from build16 import *

R = "/work/insp16/bin/rxledger"
env = dict(os.environ, LC_ALL="C.UTF-8")


def variant(name, e_hist, e_order, d_order=400):
    L = Ledger(205, name)
    F = Flow(L)
    A_, B_, C_, D_, E_ = KANGQIAO, JIURU, MINSHENG, SHOUREN, DEJI
    F.master(T("2026-02-23 08:30"), [HUAJIN, A_, B_, C_, D_, E_], [PSE], [ZONE_WHC])
    B1, X1 = "PS251106", "2027-11-05"
    F.buy(T("2026-02-24 09:00"), HUAJIN, [(PSE, B1, "2025-11-06", X1, 9000, 1580)], "WH-C", prov="12")
    sales = []
    weeks = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]
    for w, d in enumerate(weeks):
        for k, (cust, hh) in enumerate(((A_, "09:00"), (B_, "10:00"), (C_, "11:00"))):
            sales.append(F.sell(T(d + " " + hh), cust, [(PSE, B1, X1, 40, 2280, "WH-C", None)]))
        if w < len(e_hist):
            sales.append(F.sell(T(d + " 13:00"), E_, [(PSE, B1, X1, e_hist[w], 2280, "WH-C", None)]))
    if d_order:
        sales.append(F.sell(T("2026-04-06 09:00"), D_, [(PSE, B1, X1, d_order, 2280, "WH-C", None)], tag="d"))
    sales.append(F.sell(T("2026-04-06 10:00"), E_, [(PSE, B1, X1, e_order, 2280, "WH-C", None)], tag="e"))
    for s in sales:
        ev = [x for x in L.events if x["kind"] == "sale" and x["data"]["doc"] == s["sale"]][0]
        F.bill(ev["_t"] + 7 * H, s)
        F.collect(ev["_t"] + 20 * D, s)
    L.finalize()
    with tempfile.TemporaryDirectory() as t:
        base = L.write(t, name)
        subprocess.run([R, "init", t + "/L"], check=True, capture_output=True, env=env)
        subprocess.run([R, "append", t + "/L", base + ".jsonl"], check=True, capture_output=True, env=env)
        p = subprocess.run([R, "check", t + "/L", "--format", "json"], capture_output=True, text=True, env=env)
    doc = json.loads(p.stdout)
    print("## %s (E history %s, D %s, E %d): E's sale is line %d%s" % (name, e_hist, d_order, e_order, L.L("e.sale"),
          (", D's line %d" % L.L("d.sale")) if d_order else ""))
    for f in doc["findings"]:
        print("   %s %d %s" % (f["rule"], f["seq"], f["message"]))
    if not doc["findings"]:
        print("   (no findings)")


variant("p1a-new-customer-1000", [], 1000)
variant("p1b-new-customer-401-no-D", [], 401, d_order=0)
variant("p1c-E-one-order-of-40-then-401", [40], 401)
variant("p1d-E-four-orders-of-150-then-401", [150, 150, 150, 150], 401)
variant("p1e-E-four-orders-of-150-then-400", [150, 150, 150, 150], 400)
variant("p1f-E-three-orders-of-150-then-401", [150, 150, 150], 401)
