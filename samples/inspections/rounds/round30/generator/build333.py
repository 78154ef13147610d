"""333: vaccines expired and excursion-hit: isolation and disposal at their deadlines (VAC-DISPOSE)."""
import sys, hashlib; sys.path.insert(0, __file__.rsplit('/', 1)[0])
from lib import *
import datetime as dt

def jitter(tag, i, base=5.0, amp=1.2):
    h = int(hashlib.sha256(f"{tag}/{i}".encode()).hexdigest()[:6], 16)
    return round(base + (h % 1000) / 1000 * 2 * amp - amp, 2)

def build():
    L = Ledger("333"); master(L, t="2026-11-18 09:00", vaccine=True)
    rows = []
    def X(rule, seq, why): rows.append((rule, L.ev[seq-1]["id"], why))
    # one purchase of five vaccine batches, delivered in five cold trucks (one per batch) on 11-20
    batches = [("V1", "202611V01", "2026-12-10", 100, "CR-1"), ("V2", "202611V02", "2026-12-05", 20, "CR-1"),
               ("V3", "202611V03", "2026-12-08", 30, "CR-1"), ("V4", "202611V04", "2026-12-08", 25, "CR-1"),
               ("V5", "202611V05", "2027-06-30", 40, "CR-2"), ("V6", "202611V06", "2027-06-30", 60, "CR-2")]
    for i, (tag, b, exp, q, z) in enumerate(batches):
        purchase(L, f"2026-11-19 09:{i:02d}", f"CG2611190{i+1}", VACM, [(P_VAC, q)])
    rec = {}
    for i, (tag, b, exp, q, z) in enumerate(batches):
        arr = T("2026-11-20 08:00") + dt.timedelta(hours=i)
        shipped = arr - dt.timedelta(hours=3)
        veh = f"京A·L20{i}冷"
        s = receipt(L, arr, f"SH2611200{i+1}", VACM, f"CG2611190{i+1}", f"BJSW-DN-{i+1:03d}", [(P_VAC, b, exp, q, q, z, None)],
                    transport={"vehicle": veh, "shipped_at": iso(shipped), "cold_chain": True})
        rec[tag] = s
        rd = [{"at": iso(shipped + dt.timedelta(minutes=5 * k)), "celsius": jitter(veh, k)} for k in range(0, 38)]
        L.add("temperature_reading", arr + dt.timedelta(minutes=20), {"sensor": f"TL-20{i}", "vehicle": veh, "readings": rd}, by=("系统-温湿度监测",), enter_min=1)
    for i, (tag, b, exp, q, z) in enumerate(batches):
        invoice(L, T("2026-11-21 10:00") + dt.timedelta(minutes=i), f"2611000000000000070{i}", "purchase", VACM, SELF, [(P_VAC, q)], {"order": [f"CG2611190{i+1}"]})
        payment(L, T("2026-11-25 10:00") + dt.timedelta(minutes=i), f"FK2611250{i}", "outgoing", SELF, VACM, ACC_SELF, ACC_VACM, q * 3500, [f"2611000000000000070{i}"])
    # V2 (expiry 12-05): isolated on 12-06 15:00 (the day after expiry) and destroyed on 12-20: lawful
    transfer(L, "2026-12-06 15:00", "YK20261206", "quarantine", [(P_VAC, "202611V02", 20, "CR-1", "QA", None)])
    # V3 (expiry 12-08): isolated at 12-10 00:00:00, exactly at the deadline: lawful; destroyed 01-07 (deadline 12-09 00:00 + 30 d = 01-08 00:00)
    transfer(L, "2026-12-10 00:00:00", "YK20261210A", "quarantine", [(P_VAC, "202611V03", 30, "CR-1", "QA", None)])
    # V4 (expiry 12-08): isolated at 12-10 00:00:01, one second late; destroyed in time
    transfer(L, "2026-12-10 00:00:01", "YK20261210B", "quarantine", [(P_VAC, "202611V04", 25, "CR-1", "QA", None)])
    X("VAC-DISPOSE", rec["V4"], "V4 expired 12-08, isolation deadline 12-10 00:00, moved to QA 1 s later (25 瓶 in CR-1 at the deadline)")
    # V1 (expiry 12-10): left in CR-1, never isolated nor destroyed
    X("VAC-DISPOSE", rec["V1"], "V1 expired 12-10, not isolated by 12-12 00:00 (100 瓶 still in CR-1)")
    X("VAC-DISPOSE", rec["V1"], "V1 not destroyed by 2027-01-10 00:00 (12-11 00:00 + 30 d)")
    # CR-2: one day of readings with an excursion 10:00-11:00 on 12-14 (2-minute readings while out of range)
    readings = []
    t = T("2026-12-14 00:00"); k = 0
    while t < T("2026-12-15 00:00"):
        if T("2026-12-14 10:00") <= t <= T("2026-12-14 11:00"):
            c = 9.5 + (k % 7) * 0.1 if t < T("2026-12-14 11:00") else 7.2
            readings.append((t, round(c, 2))); t += dt.timedelta(minutes=2)
        else:
            readings.append((t, jitter("CR-2", k))); t += dt.timedelta(minutes=10)
        k += 1
    upl = {}
    for h0 in range(0, 24, 4):
        a = T("2026-12-14 00:00") + dt.timedelta(hours=h0); bnd = a + dt.timedelta(hours=4)
        part = [{"at": iso(x), "celsius": c} for x, c in readings if a <= x < bnd]
        s = L.add("temperature_reading", bnd + dt.timedelta(seconds=30), {"sensor": "TH-R02", "zone": "CR-2", "readings": part}, by=("系统-温湿度监测",), enter_min=1)
        upl[h0] = s
    # the excursion ended with the 11:00 reading, in the 08:00-12:00 upload
    X("TEMP-RANGE", upl[8], "CR-2 10:00-11:00, peak 10.1")
    X("VAC-DISPOSE", upl[8], "V5 left in CR-2 three days after the excursion ended (12-14 11:00 + 3 d)")
    # V6 moved to quarantine within 3 days (12-17 10:59): lawful
    transfer(L, "2026-12-17 10:59", "YK20261217", "quarantine", [(P_VAC, "202611V06", 60, "CR-2", "QA", None)])
    # destructions
    L.add("destruction", "2026-12-20 10:00", {"doc": "XH20261220", "reason": "疫苗过期", "method": "高温焚烧（委托医疗废物处置单位）",
          "lines": [{"product": P_VAC, "batch": "202611V02", "quantity": 20, "from": "QA"}]}, by=("质管-沈佳怡", "保管-赵磊"))
    L.add("destruction", "2027-01-07 10:00", {"doc": "XH20270107", "reason": "疫苗过期", "method": "高温焚烧（委托医疗废物处置单位）",
          "lines": [{"product": P_VAC, "batch": "202611V03", "quantity": 30, "from": "QA"}, {"product": P_VAC, "batch": "202611V04", "quantity": 25, "from": "QA"}]}, by=("质管-沈佳怡", "保管-赵磊"))
    # the ledger's clock passes 2027-01-10 00:00 (a purchase order of the next lot)
    purchase(L, "2027-01-11 09:00", "CG27011101", VACM, [(P_VAC, 100)])
    L.ev.sort(key=lambda e: T(e["occurred_at"][:19].replace("T", " ")))
    # recompute seqs after sort
    pos = {e["id"]: i + 1 for i, e in enumerate(L.ev)}
    return L, [(r, pos[i], w) for r, i, w in rows]

if __name__ == "__main__":
    L, rows = build(); print(len(L.ev)); [print(r) for r in rows]
    L.write(sys.argv[1])
