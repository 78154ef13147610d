from common import *
D = dt.timedelta


def series(key, start, end, step, base, spread=8, offset=D(0)):
    """readings from start+offset to end inclusive every step; base + noise tenths"""
    out, t, i = [], start + offset, 0
    while t <= end:
        out.append([t, round(base + noise(key, i, spread) / 10, 1)])
        t += step
        i += 1
    return out


def hourly(L, sensor, readings, zone=None, vehicle=None, special=None):
    """upload each reading group at the next full hour (readings hh:10..hh+1:00). special: {hour_start: upload_time} overrides"""
    groups = {}
    for a, c in readings:
        key = a - D(seconds=1)
        k = key.replace(minute=0, second=0)
        groups.setdefault(k, []).append((a, c))
    evs = {}
    for k in sorted(groups):
        up = k + D(hours=1)
        evs[k] = L.temp(up, sensor, groups[k], zone=zone, vehicle=vehicle)
    return evs


def l280(out):
    L = Ledger(280, "temperature-data-integrity-backfill-24h-and-24h01s-future-5min-and-5min01s-conflict-0p05-and-0p06-sensor-replaced-flat-run-split-by-own-gap-truck-log-copied-flat-truck",
               "storage and truck temperature data integrity at their thresholds")
    t0 = T(2026, 11, 1, 9)
    master(L, t0, zones=(("WH-A", "ambient", ["TH-A01"]), ("WH-C", "cool", ["TH-C01", "TH-C02"]),
                         ("CR-1", "cold", ["TH-R01"])))
    start, end = T(2026, 11, 2, 0, 0), T(2026, 11, 6, 12, 0)
    # ---- CR-1: TH-R01 hourly; outage 11-04 14:00 .. 11-05 14:10:01 (backfill 24h01s)
    r01 = series("R01", start, end, D(minutes=10), 5.0)
    held = [(a, c) for a, c in r01 if T(2026, 11, 4, 14, 10) <= a <= T(2026, 11, 5, 14, 10)]
    rest = [(a, c) for a, c in r01 if not (T(2026, 11, 4, 14, 10) <= a <= T(2026, 11, 5, 14, 10))]
    hourly(L, "TH-R01", [r for r in rest if r[0] < T(2026, 11, 4, 14, 10)], zone="CR-1")
    bf = L.temp(T(2026, 11, 5, 14, 10, 1), "TH-R01", held, zone="CR-1")
    L.expect("TEMP-BACKFILL", bf, "upload at 2026-11-05 14:10:01 holds readings from 2026-11-04 14:10:00, 24 h 0 min 1 s old; rules.md TEMP-BACKFILL 'holds readings taken more than the threshold before it' (storage_backfill_hours 24)")
    hourly(L, "TH-R01", [r for r in rest if r[0] > T(2026, 11, 5, 14, 10)], zone="CR-1")
    L.note("CR-1 (TH-R01): the gateway was down from 11-04 14:00; the logger kept recording every 10 min and uploaded 11-04 14:10 .. 11-05 14:10 at 11-05 14:10:01 (24 h 1 s after the oldest reading); readings stay 10 min apart, so no TEMP-GAP")
    # ---- WH-A: TH-A01 until 11-04 12:00, then TH-A02 (zone re-registered)
    a01 = series("A01", start, T(2026, 11, 4, 12, 0), D(minutes=10), 20.0)
    # outage 11-03 10:10 .. 11-04 10:10 uploaded at 11-04 10:10:00 exactly 24 h
    held = [r for r in a01 if T(2026, 11, 3, 10, 10) <= r[0] <= T(2026, 11, 4, 10, 10)]
    hourly(L, "TH-A01", [r for r in a01 if r[0] < T(2026, 11, 3, 10, 10)], zone="WH-A")
    L.temp(T(2026, 11, 4, 10, 10), "TH-A01", held, zone="WH-A")
    hourly(L, "TH-A01", [r for r in a01 if r[0] > T(2026, 11, 4, 10, 10)], zone="WH-A")
    L.note("WH-A (TH-A01): same kind of outage 11-03 10:10 .. 11-04 10:10, uploaded at 11-04 10:10:00: the oldest reading is exactly 24 h old, not more: quiet")
    L.zone(T(2026, 11, 4, 12, 0, 30), "WH-A", "ambient", sensors=["TH-A02"])
    a02 = series("A02", T(2026, 11, 4, 12, 10), end, D(minutes=10), 20.5)
    groups = {}
    for a, c in a02:
        groups.setdefault((a - D(seconds=1)).replace(minute=0, second=0), []).append((a, c))
    for k in sorted(groups):
        up = k + D(hours=1)
        if k == T(2026, 11, 5, 8):
            up = T(2026, 11, 5, 8, 55, 0)      # last reading 09:00 is 5 min after: quiet
        if k == T(2026, 11, 5, 15):
            up = T(2026, 11, 5, 15, 54, 59)    # last reading 16:00 is 5 min 1 s after
        ev = L.temp(up, "TH-A02", groups[k], zone="WH-A")
        if k == T(2026, 11, 5, 15):
            L.expect("TEMP-FUTURE", ev, "upload at 15:54:59 holds the reading of 16:00:00, 5 min 1 s after it; rules.md TEMP-FUTURE 'readings dated after the upload itself, beyond a tolerated clock difference' (upload_skew_minutes 5); the upload at 08:55:00 with a reading at 09:00:00 is exactly 5 min: quiet")
    stray = L.temp(T(2026, 11, 4, 13, 0, 0), "TH-A01", [(T(2026, 11, 4, 12, 50), 20.3), (T(2026, 11, 4, 13, 0), 20.4)], zone="WH-A")
    L.expect("TEMP-SENSOR", stray, "WH-A was re-registered at 11-04 12:00:30 with sensors [TH-A02] (format.md zone_registered: 'a later zone_registered of the same zone replaces the list'); TH-A01 still uploads for WH-A at 13:00: 'A sensor reports for a storage zone whose registration does not list it'")
    L.note("WH-A: TH-A01 replaced by TH-A02 at 11-04 12:00 (zone_registered again, sensors [TH-A02]); the old gateway sends one more TH-A01 upload at 13:00; TH-A02's uploads are quiet. TH-A02's hourly uploads of 11-05 08:00-09:00 and 15:00-16:00 are sent early by a clock 5 min / 5 min 1 s fast")
    # ---- WH-C: pooled TH-C01 (:00,:20,:40) and TH-C02 (:10,:30,:50)
    c01 = series("C01", start, end, D(minutes=20), 15.0)
    c02 = series("C02", start, end, D(minutes=20), 14.5, offset=D(minutes=10))
    # flat runs of TH-C02 split by its own 40-min pause on 11-05
    fl1 = [r for r in c02 if T(2026, 11, 5, 0, 10) <= r[0] <= T(2026, 11, 5, 2, 30)]
    fl2 = [r for r in c02 if T(2026, 11, 5, 3, 10) <= r[0] <= T(2026, 11, 5, 5, 30)]
    for r in fl1 + fl2:
        r[1] = 15.0
    c02 = [r for r in c02 if not (T(2026, 11, 5, 2, 30) < r[0] < T(2026, 11, 5, 3, 10))]
    # values for the conflict checks
    for r in c01:
        if r[0] == T(2026, 11, 4, 8, 20):
            r[1] = 15.25
        if r[0] == T(2026, 11, 5, 8, 20):
            r[1] = 15.2
    ev01 = hourly(L, "TH-C01", c01, zone="WH-C")
    hourly(L, "TH-C02", c02, zone="WH-C")
    L.note("WH-C is pooled (two sensors); TH-C02 reads 15.0 °C from 11-05 00:10 to 02:30 (140 min), pauses 40 min (TH-C01 records every 20 min meanwhile: the zone has no gap), and reads 15.0 °C again 03:10-05:30 (140 min): rules.md TEMP-FLAT 'A recording gap (longer than the storage or transport gap limit) ends the run': two runs of 140 min, quiet")
    re1 = [(a, c) for a, c in c01 if T(2026, 11, 3, 11, 0) < a <= T(2026, 11, 3, 12, 0)]
    L.temp(T(2026, 11, 3, 18, 0), "TH-C01", re1, zone="WH-C")
    re2 = [(a, (15.3 if a == T(2026, 11, 4, 8, 20) else c)) for a, c in c01 if T(2026, 11, 4, 8, 0) < a <= T(2026, 11, 4, 9, 0)]
    L.temp(T(2026, 11, 4, 12, 0, 0), "TH-C01", re2, zone="WH-C")
    re3 = [(a, (15.26 if a == T(2026, 11, 5, 8, 20) else c)) for a, c in c01 if T(2026, 11, 5, 8, 0) < a <= T(2026, 11, 5, 9, 0)]
    cf = L.temp(T(2026, 11, 5, 12, 0, 0), "TH-C01", re3, zone="WH-C")
    L.expect("TEMP-CONFLICT", cf, "re-upload of TH-C01's 08:00-09:00 readings of 11-05 gives 08:20 as 15.26 °C, first uploaded as 15.2 °C (0.06 apart, more than temp_resolution_c 0.05); rules.md 'the later temperature_reading'. The re-upload of 11-03 11:00-12:00 is identical and that of 11-04 gives 15.30 for 15.25 (exactly 0.05 in decimal: 'exactly this far apart is no conflict'): both quiet")
    # ---- trucks
    trip1 = series("TRIP1", T(2026, 11, 3, 9, 0), T(2026, 11, 3, 11, 0), D(minutes=5), 5.0, spread=15)
    up1 = L.temp(T(2026, 11, 3, 11, 30), "TL-2001", trip1, vehicle="浙A·L2001冷")
    L.temp(T(2026, 11, 3, 16, 0), "TL-2001", trip1, vehicle="浙A·L2001冷")
    delta = T(2026, 11, 5, 13, 0) - T(2026, 11, 3, 9, 0)
    trip2 = [(a + delta, c) for a, c in trip1]
    cp = L.temp(T(2026, 11, 5, 15, 30), "TL-2002", trip2, vehicle="浙A·L2002冷")
    L.expect("TEMP-COPY", cp, "TL-2002's trip log of 11-05 13:00-15:00 repeats value for value TL-2001's trip log of 11-03 09:00-11:00 (25 readings, more than 12 changes of value); rules.md TEMP-COPY 'A vehicle's trip log (one upload) that repeats an earlier trip log of any vehicle is a copy too'. TL-2001's identical re-upload at 16:00 (same times) is quiet: 'the same log uploaded twice (same times) is not'")
    flat = [(T(2026, 11, 6, 6, 0) + D(minutes=5 * i), 4.0) for i in range(50)]
    fl = L.temp(T(2026, 11, 6, 10, 30), "TL-2003", flat, vehicle="浙A·L2003冷")
    L.expect("TEMP-FLAT", fl, "TL-2003's trip upload reads 4.0 °C at every reading from 06:00 to 10:05 (245 min, limit flat_minutes 240): 'One sensor of a storage zone or of a vehicle trip reported the identical value for longer than the threshold'; 'readings of a trip are judged within their upload'")
    L.note("trucks carry no dispatch of ours (no TEMP-RANGE/TEMP-GAP for them); the ledger ends with a stock count of an empty location so that nothing else is due")
    L.count(T(2026, 11, 6, 17, 0), "WH-A", [(AMOX, "NONE", 0)])
    return L


def l281(out):
    L = Ledger(281, "cold-chain-receipts-coverage-at-5min-and-5min01s-range-8p0-and-8p1-explicit-range-2-6-settle-window-4h-and-4h01s-no-cold-van-interior-gap-rejected-van-quiet",
               "cold-chain receipts of insulin and growth hormone against the trucks' logs")
    t0 = T(2026, 11, 1, 9)
    master(L, t0, zones=(("WH-A", "ambient", None), ("CR-1", "cold", None)))
    L.zone(t0, "CR-2", "cold", temp_range=(2.0, 6.0))
    L.note("receipts go straight into the cold rooms (CR-1 2-8 °C for insulin, CR-2 registered cold 2-6 °C for 注射用重组人生长激素, whose product range is 2-6 °C), so TEMP-ZONE is quiet; the zones send no readings")
    L.note("rules.md CC-RECEIPT: readings must 'cover ship time to arrival without gaps (a reading within transport_gap_minutes of either end, before or after it, covers that end)' and 'from ship time to arrival, stay within the products' range (readings beyond the trip are not judged)'; inbound trucks are not dispatches of ours, so TEMP-RANGE/TEMP-GAP do not judge them")
    n = [0]

    def trip(day, label, product, readings, vehicle, ship, arrive, upload, cold=True, qty=100, accepted=None, expect=None, why=None, batch=None):
        n[0] += 1
        price = 5800 if product == INSULIN else 12000
        order, _ = L.purchase(day, BIO, [(product, qty, price)])
        acc = qty if accepted is None else accepted
        loc = "CR-1" if product == INSULIN else "CR-2"
        rdoc, rc = L.receipt(arrive, BIO, order, [dict(product=product, batch=batch or f"26{n[0]:02d}1001", pd="2026-09-01", exp="2028-08-31",
                                                     arrived=qty, accepted=acc, location=loc,
                                                     reason="冷链运输无温控，拒收")],
                             transport={"vehicle": vehicle, "shipped_at": iso(ship), "cold_chain": cold})
        if readings:
            L.temp(upload, "TL-" + vehicle[-5:-1], readings, vehicle=vehicle)
        if acc:
            inv, _, tot = L.invoice(arrive + D(hours=20), "purchase", BIO, [(product, acc, price)], {"order": [order]})
            L.payment(arrive + D(days=10), "outgoing", BIO, tot, [inv])
        L.note(f"{label}: receipt {rdoc} at {arrive.strftime('%m-%d %H:%M:%S')}, shipped {ship.strftime('%H:%M:%S')}, vehicle {vehicle}, log uploaded {upload.strftime('%m-%d %H:%M:%S') if readings else 'never'}")
        if expect:
            L.expect("CC-RECEIPT", rc, why)
        return rc

    def ramp(s, e, step=D(minutes=5), key="x", base=5.0, spread=15):
        return series(key, s, e, step, base, spread=spread)

    # R1 quiet: first reading exactly 5 min after ship, last 5 min before arrival
    d = T(2026, 11, 2)
    trip(d + D(hours=7), "R1 quiet (ends covered by readings exactly 5 min inside)", INSULIN,
         ramp(T(2026, 11, 2, 6, 5), T(2026, 11, 2, 9, 55), key="R1"), "沪B·C1001冷", T(2026, 11, 2, 6, 0), T(2026, 11, 2, 10, 0), T(2026, 11, 2, 10, 30))
    # R2 fires: first reading 5 min 1 s after ship
    trip(d + D(hours=7, minutes=1), "R2 fires (first reading 5 min 1 s after shipped_at)", INSULIN,
         ramp(T(2026, 11, 2, 7, 5, 1), T(2026, 11, 2, 10, 55, 1), key="R2"), "沪B·C1002冷", T(2026, 11, 2, 7, 0), T(2026, 11, 2, 11, 0), T(2026, 11, 2, 11, 30),
         expect=True, why="the first reading of 沪B·C1002冷 is 5 min 1 s after shipped_at 07:00: the start of the trip is not covered ('a reading within transport_gap_minutes of either end ... covers that end'); judged after the settle window (11:00 + 4 h) on the log uploaded at 11:30")
    # R3 quiet: readings exactly 2.0 and 8.0; pre-cooling 12 °C before ship and warm-up after arrival
    rs = [(T(2026, 11, 3, 5, 30) + D(minutes=5 * i), 12.0 - i) for i in range(6)]  # 05:30..05:55 12..7
    rs = [(a, c) for a, c in rs]
    rs[-1] = (rs[-1][0], 9.0)
    mid = ramp(T(2026, 11, 3, 6, 0), T(2026, 11, 3, 10, 0), key="R3")
    mid[0][1] = 8.0
    mid[5][1] = 2.0
    mid[-1][1] = 8.0
    post = [(T(2026, 11, 3, 10, 5) + D(minutes=5 * i), 9.0 + i) for i in range(4)]
    trip(T(2026, 11, 3, 5), "R3 quiet (8.0 °C at shipped_at and at arrival, 2.0 °C mid-trip; 12-9 °C pre-cooling before shipped_at and 9-12 °C after arrival)", INSULIN,
         rs + [tuple(x) for x in mid] + post, "沪B·C1003冷", T(2026, 11, 3, 6, 0), T(2026, 11, 3, 10, 0), T(2026, 11, 3, 10, 40))
    # R4 fires: one reading 8.1
    r4 = ramp(T(2026, 11, 3, 7, 0), T(2026, 11, 3, 11, 0), key="R4")
    r4[20][1] = 8.1
    trip(T(2026, 11, 3, 6), "R4 fires (8.1 °C at 08:40)", INSULIN, r4, "沪B·C1004冷", T(2026, 11, 3, 7, 0), T(2026, 11, 3, 11, 0), T(2026, 11, 3, 11, 20),
         expect=True, why="one reading of the trip (08:40) is 8.1 °C, outside 2-8 °C for insulin, between shipped_at and arrival")
    # R5 fires: growth hormone 2-6 carried at 6.5
    r5 = ramp(T(2026, 11, 4, 6, 0), T(2026, 11, 4, 9, 0), key="R5", base=4.0)
    r5[10][1] = 6.5
    trip(T(2026, 11, 4, 5), "R5 fires (6.5 °C: inside the class range 2-8, outside the product's temp_range 2-6)", GH, r5, "沪B·C1005冷", T(2026, 11, 4, 6, 0), T(2026, 11, 4, 9, 0), T(2026, 11, 4, 9, 30), qty=40,
         expect=True, why="product_registered.temp_range 2-6 °C 'replacing the class's range'; a reading of 6.5 °C at 06:50 is outside 'the products' range'")
    r5b = ramp(T(2026, 11, 4, 6, 0), T(2026, 11, 4, 9, 10), key="R5b", base=4.0)  # round 25 C1: was 09:00, 10 min short of the arrival at 09:10
    r5b[7][1] = 6.0
    trip(T(2026, 11, 4, 5, 1), "R5b quiet (growth hormone, highest reading exactly 6.0 °C)", GH, r5b, "沪B·C1006冷", T(2026, 11, 4, 6, 0), T(2026, 11, 4, 9, 10), T(2026, 11, 4, 9, 40), qty=40)
    # R6 quiet: log uploaded exactly 4 h after arrival
    trip(T(2026, 11, 5, 6), "R6 quiet (log uploaded exactly 4 h after arrival: 'an event exactly at the deadline is in time')", INSULIN,
         ramp(T(2026, 11, 5, 7, 0), T(2026, 11, 5, 11, 0), key="R6"), "沪B·C1007冷", T(2026, 11, 5, 7, 0), T(2026, 11, 5, 11, 0), T(2026, 11, 5, 15, 0, 0))
    # R7 fires: log uploaded 4 h 0 min 1 s after arrival
    trip(T(2026, 11, 6, 6), "R7 fires (log uploaded 4 h 1 s after arrival)", INSULIN,
         ramp(T(2026, 11, 6, 7, 0), T(2026, 11, 6, 11, 0), key="R7"), "沪B·C1008冷", T(2026, 11, 6, 7, 0), T(2026, 11, 6, 11, 0), T(2026, 11, 6, 15, 0, 1),
         expect=True, why="no readings by 15:00:00, the end of the settle window (logger_settle_hours 4 after arrival at 11:00); the log came at 15:00:01: 'judged after the settle window, on every reading that arrived by then'; rules.md intro 'an event exactly at the deadline is in time, one a second later is not'")
    # R8 fires: cold_chain false
    trip(T(2026, 11, 7, 6), "R8 fires (accepted from a transport without cold_chain; its readings are fine)", INSULIN,
         ramp(T(2026, 11, 7, 7, 0), T(2026, 11, 7, 11, 0), key="R8"), "浙A·M3301", T(2026, 11, 7, 7, 0), T(2026, 11, 7, 11, 0), T(2026, 11, 7, 11, 30), cold=False,
         expect=True, why="format.md Transport.cold_chain: 'Cold-chain goods accepted from a transport without it fail CC-RECEIPT'")
    # R9 fires: interior gap 5 min 1 s
    r9 = ramp(T(2026, 11, 8, 7, 0), T(2026, 11, 8, 8, 0), key="R9a") + ramp(T(2026, 11, 8, 8, 5, 1), T(2026, 11, 8, 11, 0), key="R9b")
    trip(T(2026, 11, 8, 6), "R9 fires (readings 5 min apart but one gap of 5 min 1 s, 08:00:00-08:05:01)", INSULIN, r9, "沪B·C1009冷",
         T(2026, 11, 8, 7, 0), T(2026, 11, 8, 11, 0), T(2026, 11, 8, 11, 30),
         expect=True, why="'readings cover ship time to arrival without gaps' (transport_gap_minutes 5): 08:00:00 to 08:05:01 is 5 min 1 s")
    # R10 quiet: van without cold chain, everything rejected; R11 replacement on a new order by cold truck
    trip(T(2026, 11, 9, 6), "R10 quiet (insulin on an ordinary van, all 60 rejected: accepted 0)", INSULIN, None, "浙A·M3302",
         T(2026, 11, 9, 7, 0), T(2026, 11, 9, 11, 0), None, cold=False, qty=60, accepted=0)
    trip(T(2026, 11, 9, 12), "R11 quiet (replacement of R10 on a new order, cold truck covered; the vehicle 沪B·C1001冷 of R1, whose readings of 11-02 are beyond this trip)", INSULIN,
         ramp(T(2026, 11, 10, 6, 56), T(2026, 11, 10, 11, 1), key="R11"), "沪B·C1001冷", T(2026, 11, 10, 7, 0), T(2026, 11, 10, 11, 0), T(2026, 11, 10, 11, 30), qty=60)
    L.note("R10: 'A receipt accepting cold-chain products or vaccines needs a temperature-controlled transport ...; otherwise the goods must be rejected': a receipt that accepts none is what the rule asks for")
    L.count(T(2026, 11, 20, 17, 0), "WH-A", [(AMOX, "NONE", 0)])
    return L
