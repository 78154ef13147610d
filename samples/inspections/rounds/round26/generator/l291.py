from lib import *
import random


def series(start, n, step_min, values):
    return [(start + dt.timedelta(minutes=step_min * i), values[i]) for i in range(n)]


def changes(vals):
    return sum(1 for a, b in zip(vals, vals[1:]) if a != b)


def build():
    L = Ledger(291, "vehicle-logs-integrity-backfill-72h-and-72h01s-future-5min-and-5min01s-conflict-0p05-and-0p06-flat-240-and-241min-copy-12-and-11-changes-zone-sensor-on-truck",
               "VIOLATION: temperature data integrity of vehicle loggers (no cold dispatch or receipt: only the integrity rules judge these logs)")
    L.master(zones=[("WH-A", "ambient", ["TH-A01"]), ("CR-1", "cold", ["TH-R01"])])
    rnd = random.Random(291)

    def noisy(n):
        return [round(rnd.uniform(3.0, 7.0), 1) for _ in range(n)]

    # 1) TEMP-BACKFILL: trip 3 Nov 08:00-12:00 every 5 min; upload exactly 72 h after the oldest reading: quiet
    v = noisy(49)
    r = series(T(3, 8), 49, 5, v)
    L.temp(T(6, 8), "TL-2001", r, vehicle="浙A·L2001冷", label="bf72")
    # trip 4 Nov, upload 72 h 00 min 01 s after the oldest reading
    r = series(T(4, 8), 49, 5, noisy(49))
    L.temp(T(7, 8, 0, 1), "TL-2002", r, vehicle="浙A·L2002冷", label="bf72s")
    L.exp("TEMP-BACKFILL", "bf72s", "oldest reading 2026-11-04 08:00, upload 2026-11-07 08:00:01: 72 h 1 s > transport_backfill_hours 72 ('more than the threshold before it'); the twin at exactly 72 h (TL-2001, 11-06 08:00) is quiet")
    # 2) TEMP-FUTURE: a reading 5 min after the upload (quiet), one 5 min 1 s after (fires)
    r = series(T(8, 8), 48, 5, noisy(48))  # 08:00 .. 11:55
    r.append((T(8, 12, 5), 5.0))
    L.temp(T(8, 12), "TL-2003", r, vehicle="浙A·L2003冷", label="fut5")
    r = series(T(9, 8), 48, 5, noisy(48))
    r.append((T(9, 12, 5, 1), 5.0))
    L.temp(T(9, 12), "TL-2004", r, vehicle="浙A·L2004冷", label="fut5s")
    L.exp("TEMP-FUTURE", "fut5s", "upload 11-09 12:00, last reading 12:05:01: 5 min 1 s after the upload > upload_skew_minutes 5; the twin at exactly 12:05 (TL-2003, 11-08) is quiet")
    # 3) TEMP-CONFLICT: an identical re-upload (quiet), a re-upload 0.05 apart (quiet: 'exactly this far apart is no conflict'), one 0.06 apart (fires)
    base = [round(5.0 + 0.05 * (i % 7), 2) for i in range(25)]
    base[12] = 5.25
    r = series(T(10, 8), 25, 5, base)
    L.temp(T(10, 10, 10), "TL-2005", r, vehicle="浙A·L2005冷", label="c0")
    L.temp(T(10, 10, 20), "TL-2005", r, vehicle="浙A·L2005冷", label="c_same")
    b2 = list(base); b2[12] = 5.30
    L.temp(T(10, 10, 30), "TL-2005", series(T(10, 8), 25, 5, b2), vehicle="浙A·L2005冷", label="c05")
    b3 = list(base); b3[12] = 5.31
    L.temp(T(10, 10, 40), "TL-2005", series(T(10, 8), 25, 5, b3), vehicle="浙A·L2005冷", label="c06")
    L.exp("TEMP-CONFLICT", "c06", "TL-2005 reading 11-10 09:00 given 5.25 first and 5.31 in the fourth upload: 0.06 > temp_resolution_c 0.05; the third upload (5.30, exactly 0.05 from 5.25) and the identical second are quiet ('compared as written')")
    # 4) TEMP-FLAT: identical 5.0 for exactly 240 min (quiet), for 241 min (fires)
    r = series(T(11, 8), 49, 5, [5.0] * 49) + [(T(11, 12, 5), 5.2)]
    L.temp(T(11, 12, 30), "TL-2006", r, vehicle="浙A·L2006冷", label="flat240")
    r = series(T(12, 8), 49, 5, [5.0] * 49) + [(T(12, 12, 1), 5.0), (T(12, 12, 5), 5.2)]
    L.temp(T(12, 12, 30), "TL-2007", r, vehicle="浙A·L2007冷", label="flat241")
    L.exp("TEMP-FLAT", "flat241", "TL-2007 reports 5.0 from 11-12 08:00 to 12:01 (241 min) > flat_minutes 240; readings 5 min apart or less (no transport gap ends the run); TL-2006's run 08:00-12:00 is exactly 240 min: quiet")
    # 5) TEMP-COPY: a trip of 13 readings with exactly 12 changes repeated value for value on another day and truck (fires);
    #    a trip with 11 changes repeated (quiet: 'fewer times than the threshold')
    v12 = [4.1, 4.6, 5.2, 5.9, 6.3, 5.7, 5.0, 4.4, 4.9, 5.5, 6.1, 6.6, 6.0]
    v11 = [3.6, 3.9, 4.3, 4.8, 5.4, 6.2, 6.8, 6.4, 5.8, 5.1, 4.7, 4.2, 4.2]
    assert changes(v12) == 12 and changes(v11) == 11
    L.temp(T(13, 11), "TL-2008", series(T(13, 8), 13, 5, v12), vehicle="浙A·L2008冷", label="orig12")
    L.temp(T(14, 11), "TL-2009", series(T(14, 9), 13, 5, v12), vehicle="浙A·L2009冷", label="copy12")
    L.exp("TEMP-COPY", "copy12", "TL-2009's trip log (11-14 09:00-10:00) repeats TL-2008's of 11-13 08:00-09:00 value for value at other times; 12 changes of value = copy_min_changes 12 (only 'fewer ... than the threshold' are not compared)")
    L.temp(T(13, 15), "TL-2010", series(T(13, 13), 13, 5, v11), vehicle="浙A·L2010冷", label="orig11")
    L.temp(T(14, 15), "TL-2011", series(T(14, 13), 13, 5, v11), vehicle="浙A·L2011冷", label="copy11")
    # 6) TEMP-SENSOR: the store sensor TH-R01 (registered to CR-1) reporting for a truck (fires); the truck logger TL-2001 moved to another truck (quiet)
    L.temp(T(15, 10), "TH-R01", series(T(15, 9), 12, 5, noisy(12)), vehicle="浙A·L2012冷", label="zs")
    L.exp("TEMP-SENSOR", "zs", "'a sensor registered to a storage zone reports for a vehicle' (TH-R01 is listed in zone_registered CR-1.sensors)")
    L.temp(T(15, 12), "TL-2001", series(T(15, 10), 13, 5, noisy(13)), vehicle="浙A·L2013冷", label="moved")
    # a correct zone upload of WH-A by its own sensor, 10-min readings (quiet)
    L.temp(T(16, 12), "TH-A01", series(T(16, 8), 25, 10, [round(20 + 0.1 * (i % 9), 1) for i in range(25)]), zone="WH-A")
    L.notes += [
        f"changes of value: orig/copy12 {changes(v12)}, orig/copy11 {changes(v11)} (copy_min_changes 12)",
        "no dispatch or receipt names any of these vehicles: TEMP-RANGE/TEMP-GAP do not judge vehicle logs except a cold trip (rules.md TEMP-RANGE, TEMP-GAP), CC-RECEIPT needs a receipt",
        "random values are seeded (random.Random(291)), 3.0-7.0 °C in 0.1 steps; the flat runs have one change; logs re-uploaded with the same times are 'not a copy'",
        "TL-2001 reports for 浙A·L2001冷 and later for 浙A·L2013冷: 'vehicles have no registration, so their own loggers may move between vehicles' (quiet)",
    ]
    return L
