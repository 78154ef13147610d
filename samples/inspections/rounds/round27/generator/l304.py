from biz import *

M1 = "91330100143958271W"; M1A = "62248461562941922"
H1 = "123300004700891235"; H1A = "62101850456507379"
H2 = "91330105MA2G8U5W41"; H2A = "6217856100023418872"
PA = gtin("6901234500001")
PB = gtin("6901234500002")


def build():
    L = Ledger(304, "ci-gate-minor-and-major-only-near-expiry-90-and-91-days-late-entry-72h-and-72h01s-unpaid-and-a-critical-open-item-at-the-end",
               "VIOLATION (for the CI gate): findings of minor and major severity only (EXPIRED-NEAR at 90 days, not at 91; LATE-ENTRY at 72 h + 1 s, not at 72 h; UNPAID) and, at the end, a critical open item (TTGK-S: one unit over-invoiced, correction window running) and a major one (UNPAID not yet due): --fail-on critical passes, --fail-on major fails, --fail-on critical --fail-on-pending fails")
    B = Biz(L, {M1: M1A, H1: H1A, H2: H2A})
    t0 = T("2026-10-29 09:00")
    L.self_party(t0)
    L.party(t0, M1, "杭州宁康制药有限公司", "manufacturer", "supplier", "drug_manufacturing", ["chemical"], [M1A])
    L.party(t0, H1, "杭州市仁和医院", "medical_institution", "customer", "medical_institution", ["chemical"], [H1A])
    L.party(t0, H2, "杭州康宁大药房连锁有限公司", "retail_chain", "customer", "drug_retail", ["chemical"], [H2A])
    L.product(t0, PA, "阿莫西林胶囊")
    L.product(t0, PB, "布洛芬缓释胶囊", spec="0.3g×20粒/盒")
    L.notes += ["near_expiry_days 90: 'A dispatch this many days or fewer before the batch's expiry is near-expiry'; 11-02 to 2027-01-31 is 90 days, to 2027-02-01 91",
                "fixed after the first run (author's fault, the frozen copy stays): the LATE-ENTRY and UNPAID sales of 11-03 and 11-04 took batch N2610002 (expiry 2027-02-01), 90 and 89 days before expiry, and the tool rightly added EXPIRED-NEAR 31, 32, 37; they now take batch N2610003 (expiry 2028-06-30)",
                "late_entry_hours 72: entered_at - occurred_at > 72 h is late"]
    B.buy(T("2026-10-30 09:00"), M1, PA, "N2610001", "2027-01-31", 100, 100, 860)
    B.buy(T("2026-10-30 09:10"), M1, PA, "N2610002", "2027-02-01", 100, 100, 860)
    B.buy(T("2026-10-30 09:15"), M1, PA, "N2610003", "2028-06-30", 100, 100, 860)
    B.buy(T("2026-10-30 09:20"), M1, PB, "B2610001", "2028-06-30", 100, 100, 650)
    B.settle(T("2026-11-05 10:00"))
    s = B.sell(T("2026-11-02 09:00"), H1, PA, "N2610001", "2027-01-31", 20, 1200)
    L.expect(s["drec"], "EXPIRED-NEAR", "dispatched 11-02, 90 days before expiry 2027-01-31 (minor)")
    B.sell(T("2026-11-02 09:10"), H2, PA, "N2610002", "2027-02-01", 20, 1200)
    L.notes.append("quiet: the dispatch of N2610002 on 11-02, 91 days before 2027-02-01")
    s1 = B.sell(T("2026-11-03 09:00"), H1, PA, "N2610003", "2028-06-30", 10, 1200)
    s1["irec"][2]["entered_at"] = iso(s1["irec"][0] + 72 * H + dt.timedelta(seconds=1))
    L.expect(s1["irec"], "LATE-ENTRY", "sales invoice entered 72 h + 1 s after it occurred")
    s2 = B.sell(T("2026-11-03 09:10"), H2, PA, "N2610003", "2028-06-30", 10, 1200)
    s2["irec"][2]["entered_at"] = iso(s2["irec"][0] + 72 * H)
    L.notes.append("quiet: the twin invoice entered exactly 72 h after")
    B.settle(T("2026-11-10 10:00"))
    s3 = B.sell(T("2026-11-04 09:00"), H1, PA, "N2610003", "2028-06-30", 15, 1200)
    B.settled.add(s3["inv"])
    L.expect(s3["irec"], "UNPAID", "invoice of 11-04 11:00, never paid; due 2027-01-03 11:00, passed by the events of 2027-01-05")
    # the end: a sale invoiced one unit over on 2027-01-05 (pending TTGK-S, critical; pending UNPAID, major)
    s4 = B.sell(T("2027-01-05 09:00"), H2, PB, "B2610001", "2028-06-30", 50, 900, invoice=False)
    L.invoice(T("2027-01-05 11:00"), "sale", H2, [(PB, 51, 900)], {"sale": [s4["sale"]], "delivery_note": [s4["dispatch"]]})
    L.notes.append("pending at the end (not findings): TTGK-S (critical) for 51 invoiced against 50 dispatched, due 2027-01-19 11:00; UNPAID (major) for that invoice, due 2027-03-06 11:00")
    return L
