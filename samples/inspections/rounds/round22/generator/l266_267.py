from world22 import *
from l264_265 import CONV


def zone(z, storage, sensors, rng=None):
    d = {"zone": z, "storage": storage}
    if rng:
        d["temp_range"] = {"min_c": rng[0], "max_c": rng[1]}
    d["sensors"] = sensors
    return d


def series(rng, start, end, base, lo, hi, step=D(minutes=10)):
    return noise_series(rng, start, end, step, base, 0.25, lo, hi)


def l266():
    L = Ledger(266, 266)
    B = Biz(L, OWNER)
    zones = [zone("CR-1", "cold", ["TH-R01"]), zone("CR-2", "cold", ["TH-R02"]), zone("CR-3", "cold", ["TH-R03"]),
             zone("WH-C", "cool", ["TH-C01"])]
    B.master(t(2026, 10, 9, 9), [OWNER], [], zones)
    rng = L.rng
    t0, t1 = t(2026, 10, 10), t(2026, 10, 14, 4)
    # CR-1: upper bound 8.0 held for an hour (quiet), excursion 10:10-10:30 sampled every 2 min, lower bound 2.0 (quiet)
    r1 = [r for r in series(rng, t0, t1, 5.0, 3.5, 6.5)]
    d = {a: c for a, c in r1}
    for k in range(0, 61, 10):
        d[t(2026, 10, 11, 9) + D(minutes=k)] = 8.0
    for k, c in zip(range(10, 29, 2), [8.1, 8.6, 9.4, 10.2, 10.8, 10.5, 9.7, 9.0, 8.4, 8.1]):
        d[t(2026, 10, 11, 10) + D(minutes=k)] = c
    d[t(2026, 10, 11, 10, 30)] = 7.9
    for k in range(0, 31, 10):
        d[t(2026, 10, 12, 3) + D(minutes=k)] = 2.0
    r1 = sorted(d.items())
    uploads(L, "TH-R01", {"zone": "CR-1"}, r1, 4, marks={t(2026, 10, 11, 10, 30): "exc_end"})
    # identical re-upload of CR-1's 12 Oct 00:10-04:00 at 06:00 (harmless)
    again = [(a, c) for a, c in r1 if t(2026, 10, 12, 0) < a <= t(2026, 10, 12, 4)]
    L.add("temperature_reading", t(2026, 10, 12, 6), {"sensor": "TH-R01", "zone": "CR-1",
          "readings": [{"at": iso(a), "celsius": c} for a, c in again]}, "系统-温湿度监测", entered=t(2026, 10, 12, 6, 0, 30))
    # CR-2: 30-min gap (quiet) on 11 Oct 14:00-14:30, 40-min gap on 12 Oct 20:00-20:40
    r2 = [r for r in series(rng, t0, t1, 4.8, 3.5, 6.5)
          if not (t(2026, 10, 11, 14) < r[0] < t(2026, 10, 11, 14, 30)) and not (t(2026, 10, 12, 20) < r[0] < t(2026, 10, 12, 20, 40))]
    uploads(L, "TH-R02", {"zone": "CR-2"}, r2, 4, marks={t(2026, 10, 12, 20, 40): "gap40"})
    # WH-C: 25 identical readings 00:00-04:00 on 11 Oct (240 min, quiet), 26 identical 08:00-12:10 on 12 Oct (250 min)
    rc = series(rng, t0, t1, 16.0, 13.0, 18.5)
    dc = {a: c for a, c in rc}
    for k in range(25):
        dc[t(2026, 10, 11, 0) + D(minutes=10 * k)] = 15.0
    dc[t(2026, 10, 10, 23, 50)] = 15.3
    dc[t(2026, 10, 11, 4, 10)] = 15.2
    for k in range(26):
        dc[t(2026, 10, 12, 8) + D(minutes=10 * k)] = 16.4
    dc[t(2026, 10, 12, 7, 50)] = 16.6
    dc[t(2026, 10, 12, 12, 20)] = 16.2
    uploads(L, "TH-C01", {"zone": "WH-C"}, sorted(dc.items()), 4,
            marks={t(2026, 10, 12, 8): "flat_first", t(2026, 10, 12, 12, 10): "flat_last"})
    # CR-3: 13 Oct is 12 Oct value for value
    r3 = series(rng, t0, t1, 5.2, 3.5, 6.5)
    d3 = {a: c for a, c in r3}
    for a, c in list(d3.items()):
        if t(2026, 10, 12) <= a < t(2026, 10, 13):
            d3[a + D(days=1)] = c
    uploads(L, "TH-R03", {"zone": "CR-3"}, sorted(d3.items()), 4,
            marks={t(2026, 10, 13, 23, 50): "copy_last"})
    # TH-R02 (installed in CR-2) reports for CR-1 on 13 Oct 02:05-03:55
    rx = series(rng, t(2026, 10, 13, 2, 5), t(2026, 10, 13, 3, 55), 5.0, 4.0, 6.0)
    L.add("temperature_reading", t(2026, 10, 13, 4, 0, 30), {"sensor": "TH-R02", "zone": "CR-1",
          "readings": [{"at": iso(a), "celsius": c} for a, c in rx]}, "系统-温湿度监测", mark="sens_zone", entered=t(2026, 10, 13, 4, 1))
    # TH-R01 (installed in CR-1) reports for a vehicle; logger TL-3301 reports for two vehicles (quiet)
    rv = noise_series(rng, t(2026, 10, 12, 13, 2), t(2026, 10, 12, 15, 2), D(minutes=5), 5.0, 0.3, 3.5, 6.5)
    L.add("temperature_reading", t(2026, 10, 12, 15, 22), {"sensor": "TH-R01", "vehicle": "浙A·L3301冷",
          "readings": [{"at": iso(a), "celsius": c} for a, c in rv]}, "系统-冷链监测", mark="sens_veh", entered=t(2026, 10, 12, 15, 21))
    trip(L, rng, "TL-3301", "浙A·L3301冷", t(2026, 10, 11, 13), t(2026, 10, 11, 15), t(2026, 10, 11, 15, 20))
    trip(L, rng, "TL-3301", "浙A·L3302冷", t(2026, 10, 13, 13), t(2026, 10, 13, 15), t(2026, 10, 13, 15, 20))
    lines, m = L.finish()
    # the CR-1 upload holding the excursion's first reading equals the one holding its end (08:00-12:00 upload)
    hdr = ["266 VIOLATION: four storage zones of 浙江瑞康医药 read every 10 min and uploaded every 4 h, 10-14 Oct 2026, with the storage integrity rules at their thresholds: an excursion just over 8.0 °C, an hour at exactly 8.0 °C and half an hour at exactly 2.0 °C, a 30-min gap and a 40-min gap, flat runs of 240 min and 250 min, a copied day, a zone sensor reporting for another zone and for a vehicle, a vehicle logger moving between vehicles, an identical re-upload",
           "note: " + CONV,
           "note: zones CR-1, CR-2, CR-3 (cold, 2-8 °C) and WH-C (cool, 0-20 °C), each registered with one sensor; no goods (the rules judge the zones' readings, not their contents); readings are random walks to 0.1 °C",
           "note: CR-1 11 Oct 09:00-10:00 exactly 8.0 °C (inclusive bound: quiet); 10:10 8.1 °C to 10:28 8.1 °C every 2 min (excursion gap limit 2 min: quiet), 10:30 7.9 °C -> TEMP-RANGE at the upload holding 10:30 (the 08:00-12:00 upload, which also holds the start); 12 Oct 03:00-03:30 exactly 2.0 °C: quiet",
           "note: CR-1's 12 Oct 00:10-04:00 upload is sent again identically at 06:00: 'sending the same samples again is harmless' (format.md): quiet",
           "note: CR-2 11 Oct 14:00 -> 14:30 (30 min, 'more than the storage limit' not reached): quiet; 12 Oct 20:00 -> 20:40 (40 min) -> TEMP-GAP at the upload holding 20:40",
           "note: WH-C (TH-C01) 25 readings of 15.0 °C 11 Oct 00:00-04:00 = 240 min, not longer than flat_minutes 240: quiet; 26 readings of 16.4 °C 12 Oct 08:00-12:10 = 250 min -> TEMP-FLAT at the upload holding 12:10, seqs adding the upload holding 08:00",
           "note: CR-3 (TH-R03): 13 Oct 00:00-23:50 repeats 12 Oct value for value -> TEMP-COPY at the upload holding 13 Oct 23:50 (seqs: the 13 Oct 00:01 upload, which holds both 13 Oct 00:00 and the original's last reading 12 Oct 23:50)",
           "note: TH-R02 (registered to CR-2) uploads readings for CR-1 on 13 Oct 02:05-03:55, in range, between TH-R01's -> TEMP-SENSOR at that upload (CR-1 becomes pooled; no gap, no excursion results)",
           "note: TH-R01 (registered to CR-1) uploads for vehicle 浙A·L3301冷 -> TEMP-SENSOR; logger TL-3301 reports for 浙A·L3301冷 and 浙A·L3302冷: 'their own loggers may move between vehicles': quiet; no dispatch, so no trip is judged",
           "why: TEMP-RANGE rules.md 'left the allowed range' and format.md StorageClass cold '2 to 8 °C' inclusive; TEMP-GAP 'Consecutive readings of a storage zone more than the storage limit apart' (30); TEMP-FLAT 'reported the identical value for longer than the threshold' (240, example '48 readings from 00:00 to 07:50 ... 470 min'); TEMP-COPY 'A local day of a storage zone's sensor ... repeats the readings of an earlier day ... value for value'; TEMP-SENSOR 'A sensor reports for a storage zone whose registration (zone_registered.sensors) does not list it, or a sensor registered to a storage zone reports for a vehicle'"]
    exp = [("TEMP-RANGE", m["exc_end"][0]), ("TEMP-GAP", m["gap40"][0]), ("TEMP-FLAT", m["flat_last"][0]),
           ("TEMP-COPY", m["copy_last"][0]), ("TEMP-SENSOR", m["sens_zone"][0]), ("TEMP-SENSOR", m["sens_veh"][0])]
    exp.sort(key=lambda x: x[1])
    return "266-storage-zones-excursion-just-over-8-gaps-30-and-40-min-flat-240-and-250-min-copied-day-sensor-in-wrong-zone-and-on-a-truck", lines, hdr, exp


def l267():
    L = Ledger(267, 267)
    CDC = P(uscc("12330100", "47000888"), "杭州市疾病预防控制中心", "cdc", "self", ("浙疾控〔2021〕001", "public_health"),
            ["biological", "vaccine", "cold_chain"], ("中国工商银行杭州凤起支行", "1202020209000611128"), "浙江", "浙江省杭州市上城区明月桥路 568 号")
    B = Biz(L, CDC)
    zones = [zone("CR-V1", "cold", ["TH-V01"]), zone("CR-V2", "cold", ["TH-V02"])]
    B.master(t(2026, 10, 3, 9), [CDC, M2], [HEPB, FLU, RAB], zones)
    rng = L.rng
    # receipts from 长春 by refrigerated truck, ~30 h on the road, logger every 5 min
    def cold_buy(when, lines, vehicle, logger, zone_to, mark=None):
        ship = when - D(hours=30)
        rcv = when
        tr = {"vehicle": vehicle, "shipped_at": iso(ship), "cold_chain": True}
        res = B.buy(rcv - D(days=3), M2, lines, to=zone_to, transport=tr, acceptors=("验收-张伟", "质管-沈慧"), rcv_delay=D(days=3), pay_days=20)
        trip(L, rng, logger, vehicle, ship - D(minutes=10), rcv + D(minutes=5), rcv + D(minutes=20))
        return res
    A, Bb, C, Dd, E = "202609A011", "202609F027", "202504R031", "202504R032", "202505H044"
    cold_buy(t(2026, 10, 8, 10), [(HEPB, A, "2026-09-02", "2028-09-01", 200, 1850)], "吉A·C6601冷", "TL-6601", "CR-V1")
    cold_buy(t(2026, 10, 8, 16), [(RAB, C, "2025-04-26", "2026-10-25", 40, 27500), (RAB, Dd, "2025-04-28", "2026-10-27", 40, 27500),
                                  (HEPB, E, "2025-05-02", "2026-10-28", 60, 1850)], "吉A·C6602冷", "TL-6602", "CR-V2")
    cold_buy(t(2026, 10, 19, 10), [(FLU, Bb, "2026-09-10", "2027-06-30", 300, 8800)], "吉A·C6601冷", "TL-6601", "CR-V1")
    # mark receipts of D and E
    for r in L.events:
        if r[2]["kind"] == "receipt" and any(l["batch"] == Dd for l in r[2]["data"]["lines"]):
            r[3] = "rcv_DE"
    # storage readings 8 Oct 00:00 .. 28 Nov 08:00, uploads every 6 h
    t0, t1 = t(2026, 10, 8), t(2026, 11, 28, 8)
    v1 = {a: c for a, c in series(rng, t0, t1, 5.0, 3.5, 6.5)}
    for k, c in zip(range(10, 40, 2), [8.4, 9.1, 9.8, 10.4, 10.9, 11.2, 11.0, 10.6, 10.1, 9.6, 9.2, 8.8, 8.5, 8.3, 8.1]):
        v1[t(2026, 10, 15, 14) + D(minutes=k)] = c
    v1[t(2026, 10, 15, 14, 40)] = 7.6
    for k, c in zip(range(10, 30, 2), [8.5, 9.3, 10.1, 10.7, 11.4, 11.0, 10.2, 9.4, 8.7, 8.2]):
        v1[t(2026, 10, 20, 3) + D(minutes=k)] = c
    v1[t(2026, 10, 20, 3, 30)] = 7.8
    uploads(L, "TH-V01", {"zone": "CR-V1"}, sorted(v1.items()), 6,
            marks={t(2026, 10, 15, 14, 40): "exc1", t(2026, 10, 20, 3, 30): "exc2"})
    uploads(L, "TH-V02", {"zone": "CR-V2"}, series(rng, t0, t1, 4.6, 3.5, 6.5), 6)
    # excursion 1 ends 15 Oct 14:40 -> HepB A isolated at 18 Oct 14:40:00 (3 x 24 h exactly)
    B.transfer(t(2026, 10, 18, 14, 40), "quarantine", [(HEPB, A, 200, "CR-V1", "QA")], by="质管-沈慧")
    # excursion 2 ends 20 Oct 03:30 -> flu B isolated at 23 Oct 03:31
    B.transfer(t(2026, 10, 23, 3, 31), "quarantine", [(FLU, Bb, 300, "CR-V1", "QA")], by="质管-沈慧")
    # expired: C (expiry 25 Oct) isolated 26 Oct 23:59, destroyed 25 Nov 00:00:00 (= 26 Oct 00:00 + 30 d)
    B.transfer(t(2026, 10, 26, 23, 59), "quarantine", [(RAB, C, 40, "CR-V2", "QA")])
    # D (expiry 27 Oct) isolated 29 Oct 00:01 (late), destroyed 3 Nov
    B.transfer(t(2026, 10, 29, 0, 1), "quarantine", [(RAB, Dd, 40, "CR-V2", "QA")])
    # E (expiry 28 Oct) isolated 29 Oct 10:00, never destroyed
    B.transfer(t(2026, 10, 29, 10), "quarantine", [(HEPB, E, 60, "CR-V2", "QA")])
    L.add("destruction", t(2026, 11, 3, 10), {"doc": B.no("XH", t(2026, 11, 3)), "reason": "过期", "method": "交有资质的医疗废物处置单位高温焚烧",
          "lines": [{"product": RAB["product"], "batch": Dd, "quantity": 40, "from": "QA"}]}, [QM, "保管-赵磊"])
    L.add("destruction", t(2026, 11, 25, 0, 0), {"doc": B.no("XH", t(2026, 11, 25)), "reason": "过期", "method": "交有资质的医疗废物处置单位高温焚烧",
          "lines": [{"product": RAB["product"], "batch": C, "quantity": 40, "from": "QA"}]}, [QM, "保管-赵磊"])
    lines, m = L.finish()
    rcv = m["rcv_DE"][0]
    hdr = ["267 VIOLATION: 杭州市疾病预防控制中心's vaccine cold rooms CR-V1/CR-V2 (readings every 10 min, uploads every 6 h, 8 Oct - 28 Nov 2026): two excursions in CR-V1, its vaccines isolated exactly 72 h after the first ended and 72 h 1 min after the second; three short-dated vaccine batches expiring 25, 27, 28 Oct: isolated on the day after expiry at 23:59 and destroyed at 00:00 exactly 30 days after the day after expiry; isolated one minute after the day after expiry; isolated in time and never destroyed",
           "note: " + CONV.replace("浙江瑞康医药有限公司 (91330106MA2L7R4K08, Hangzhou, wholesaler)", "杭州市疾病预防控制中心 (%s, kind cdc, licence public_health)" % CDC["party"]),
           "note: vaccines come from 长春百康生物制品 by refrigerated truck, shipped 30 h before arrival, logger every 5 min from 10 min before shipping to 5 min after arrival, uploaded 20 min after arrival: CC-RECEIPT quiet; two acceptors; invoices on the receipt day, paid 20 days later",
           "note: excursion 1 in CR-V1: 15 Oct 14:10-14:38 (every 2 min, peak 11.2 °C), back in range 14:40 -> TEMP-RANGE at the upload holding 14:40; 200 乙肝疫苗 batch %s moved CR-V1 -> QA at 18 Oct 14:40:00 = vac_isolate_days (3 x 24 h) after 14:40: 'within' -> no VAC-DISPOSE" % A,
           "note: excursion 2 in CR-V1: 20 Oct 03:10-03:28, back 03:30 -> TEMP-RANGE at the upload holding 03:30; 300 流感疫苗 batch %s moved to QA on 23 Oct 03:31 (72 h 1 min) -> VAC-DISPOSE at the upload that ended excursion 2 (the same record as its TEMP-RANGE)" % Bb,
           "note: expired C (狂犬病疫苗 %s, 有效期至 25 Oct): isolated 26 Oct 23:59 (during the day after expiry) and destroyed 25 Nov 00:00:00 = 00:00 of 26 Oct + 30 days: quiet" % C,
           "note: expired D (%s, 有效期至 27 Oct): isolated 29 Oct 00:01, one minute after 'by 00:00 Beijing time two days after it' -> VAC-DISPOSE at the receipt line (record %d); destroyed 3 Nov (in time)" % (Dd, rcv),
           "note: expired E (乙肝疫苗 %s, 有效期至 28 Oct): isolated 29 Oct 10:00 (in time), never destroyed; deadline 29 Oct 00:00 + 30 d = 28 Nov 00:00; the ledger runs to 28 Nov 08:01 -> VAC-DISPOSE at the same receipt (one finding per receipt line: D and E are two lines of one receipt)" % E,
           "why: VAC-DISPOSE rules.md 'Vaccines in a zone hit by an excursion are moved to quarantine within vac_isolate_days (24-hour days) after the excursion ends (its first reading back in range ...); expired vaccines are isolated during the day after their expiry date (by 00:00 Beijing time two days after it) and destroyed within vac_dispose_days after 00:00 of the day after expiry'; points at 'for vaccines left in an excursion-hit zone, the temperature_reading that ended the excursion; for expired vaccines, the receipt of the batch (one finding per receipt line)'",
           "why: TEMP-RANGE rules.md 'Readings of a storage zone ... left the allowed range'"]
    exp = [("TEMP-RANGE", m["exc1"][0]), ("TEMP-RANGE", m["exc2"][0]), ("VAC-DISPOSE", m["exc2"][0]), ("VAC-DISPOSE", rcv), ("VAC-DISPOSE", rcv)]
    exp.sort(key=lambda x: x[1])
    return "267-vaccines-isolated-72h-and-72h01m-after-excursions-expired-isolated-2359-and-0001-destroyed-at-30-days-and-never", lines, hdr, exp
