//! Temperature data integrity rules on hand-made uploads: each rule fires on its violation and
//! stays quiet on legitimate data, above all on real sensor noise (a day of a steady fridge
//! must not look copied from another).

use chrono::{DateTime, Duration, TimeZone, Utc};
use rxledger_model::Event;
use rxledger_reconcile::{Config, Engine, Finding};

/// 1 October 2026, 00:00 China time.
fn day0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 30, 16, 0, 0).unwrap()
}

fn zone(name: &str, sensors: &[&str]) -> Event {
    kept_zone(name, "cold", sensors)
}

fn kept_zone(name: &str, storage: &str, sensors: &[&str]) -> Event {
    let data = serde_json::json!({"zone": name, "storage": storage, "sensors": sensors});
    event("zone_registered", day0() - Duration::days(1), &data)
}

/// A fresh event id for every event (an id is unique in a ledger: EVENT-DUP).
fn next_id() -> String {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("01a0f3e7-0a00-7aec-8f39-{n:012x}")
}

fn event(kind: &str, at: DateTime<Utc>, data: &serde_json::Value) -> Event {
    let e = serde_json::json!({
        "v": 1,
        "id": next_id(),
        "kind": kind,
        "occurred_at": at.to_rfc3339(),
        "recorded_by": ["系统-温湿度监测"],
        "data": data,
    });
    Event::from_json(&e.to_string()).unwrap()
}

/// Where an upload comes from.
#[derive(Clone, Copy)]
enum Place<'a> {
    Zone(&'a str),
    Vehicle(&'a str),
}

/// An upload at `upload` of `sensor`'s readings (time, °C).
fn upload(
    place: Place<'_>,
    sensor: &str,
    upload: DateTime<Utc>,
    readings: &[(DateTime<Utc>, f64)],
) -> Event {
    let readings: Vec<serde_json::Value> = readings
        .iter()
        .map(|(at, c)| serde_json::json!({"at": at.to_rfc3339(), "celsius": c}))
        .collect();
    let data = match place {
        Place::Zone(z) => serde_json::json!({"sensor": sensor, "zone": z, "readings": readings}),
        Place::Vehicle(v) => {
            serde_json::json!({"sensor": sensor, "vehicle": v, "readings": readings})
        }
    };
    event("temperature_reading", upload, &data)
}

/// Readings every `step` minutes from `from`, values from `temp(i)`.
fn series(
    from: DateTime<Utc>,
    n: usize,
    step: i64,
    mut temp: impl FnMut(usize) -> f64,
) -> Vec<(DateTime<Utc>, f64)> {
    (0..n)
        .map(|i| {
            let minutes = step * i64::try_from(i).unwrap();
            (from + Duration::minutes(minutes), temp(i))
        })
        .collect()
}

/// A zone monitored like a real warehouse: readings every 10 minutes, uploaded every four
/// hours (the upload right after the last reading it holds).
fn zone_uploads(
    zone: &str,
    sensor: &str,
    days: usize,
    temp: impl FnMut(usize) -> f64,
) -> Vec<Event> {
    let all = series(day0(), days * 144, 10, temp);
    all.chunks(24)
        .map(|c| {
            let last = c[c.len() - 1].0;
            upload(Place::Zone(zone), sensor, last + Duration::minutes(10), c)
        })
        .collect()
}

/// A small deterministic generator of sensor noise (`SplitMix64`).
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in [-1, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
}

fn check_with(cfg: Config, events: &[Event]) -> Vec<Finding> {
    let mut engine = Engine::new(cfg);
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        out.extend(engine.push(i as u64 + 1, e.occurred_at, e));
    }
    out.extend(engine.finish());
    out
}

fn check(events: &[Event]) -> Vec<Finding> {
    check_with(Config::default(), events)
}

fn en(m: &rxledger_reconcile::Msg) -> String {
    rxledger_report::messages::Messages::new(rxledger_report::messages::Lang::En).render(m)
}

fn rules(f: &[Finding]) -> Vec<(String, u64)> {
    f.iter()
        .map(|f| (f.rule.code().to_owned(), f.seq))
        .collect()
}

/// Values on a 0.1 °C grid around `mid`, ±`spread`, from `noise`.
fn noisy(noise: &mut Noise, mid: f64, spread: f64) -> f64 {
    ((mid + spread * noise.unit()) * 10.0).round() / 10.0
}

#[test]
fn a_day_copied_from_the_day_before_is_found() {
    let mut noise = Noise(7);
    let day1: Vec<f64> = (0..144).map(|_| noisy(&mut noise, 5.0, 1.5)).collect();
    let day3: Vec<f64> = (0..144).map(|_| noisy(&mut noise, 5.0, 1.5)).collect();
    let mut ev = vec![zone("CR-1", &["TH-R01"])];
    // Day 2 repeats day 1 value for value; day 3 is its own.
    ev.extend(zone_uploads("CR-1", "TH-R01", 3, |i| match i / 144 {
        0 | 1 => day1[i % 144],
        _ => day3[i % 144],
    }));
    let f = check(&ev);
    // Day 2's last reading (23:50) is in the 12th upload, record 13.
    assert_eq!(rules(&f), [("TEMP-COPY".to_owned(), 13)], "{f:#?}");
    let f = &f[0];
    let iv = f.interval.unwrap();
    assert_eq!(iv.from, day0() + Duration::days(1));
    assert_eq!(iv.to, day0() + Duration::days(2) - Duration::minutes(10));
    assert_eq!(f.seqs, [7, 8, 13]);
    assert_eq!(f.location.as_deref(), Some("CR-1"));
    let text = en(&f.message);
    assert_eq!(
        text,
        "Readings of zone CR-1 (sensor TH-R01) from 2026-10-02 00:00 (+08:00) to 2026-10-02 23:50 (+08:00) (144 readings) \
         repeat value for value, to within 0.05 °C, those of zone CR-1 (sensor TH-R01) from \
         2026-10-01 00:00 (+08:00) to 2026-10-01 23:50 (+08:00)."
    );
}

#[test]
fn a_copy_within_the_sensor_resolution_is_found_and_a_shifted_copy_too() {
    let mut noise = Noise(8);
    let day1: Vec<f64> = (0..144).map(|_| noisy(&mut noise, 5.0, 1.5)).collect();
    let mut ev = vec![zone("CR-1", &["TH-R01"])];
    // Day 2: day 1 plus 0.01 °C; day 3 fresh; day 4: day 1 again, starting 5 minutes later.
    ev.extend(zone_uploads("CR-1", "TH-R01", 3, |i| match i / 144 {
        0 => day1[i % 144],
        1 => day1[i % 144] + 0.01,
        _ => noisy(&mut Noise(i as u64), 5.0, 1.5),
    }));
    let shifted = series(
        day0() + Duration::days(3) + Duration::minutes(5),
        144,
        10,
        |i| day1[i],
    );
    for c in shifted.chunks(24) {
        ev.push(upload(
            Place::Zone("CR-1"),
            "TH-R01",
            c[c.len() - 1].0 + Duration::minutes(5),
            c,
        ));
    }
    let f = check(&ev);
    let copies: Vec<&Finding> = f.iter().filter(|f| f.rule == "TEMP-COPY").collect();
    assert_eq!(copies.len(), 2, "{f:#?}");
    assert_eq!(f.len(), 2, "{f:#?}");
}

#[test]
fn a_vehicle_trip_log_reused_for_another_trip_is_found() {
    let mut noise = Noise(9);
    let trip: Vec<f64> = (0..37).map(|_| noisy(&mut noise, 5.0, 1.2)).collect();
    let start1 = day0() + Duration::hours(9);
    let start2 = day0() + Duration::days(2) + Duration::hours(14);
    let ev = [
        upload(
            Place::Vehicle("浙A·L1001冷"),
            "TL-1001",
            start1 + Duration::hours(3),
            &series(start1, 37, 5, |i| trip[i]),
        ),
        // The same trip log uploaded again (a second read-out): not a copy.
        upload(
            Place::Vehicle("浙A·L1001冷"),
            "TL-1001",
            start1 + Duration::hours(4),
            &series(start1, 37, 5, |i| trip[i]),
        ),
        upload(
            Place::Vehicle("浙A·L1002冷"),
            "TL-1002",
            start2 + Duration::hours(3),
            &series(start2, 37, 5, |i| trip[i]),
        ),
    ];
    let f = check(&ev);
    assert_eq!(rules(&f), [("TEMP-COPY".to_owned(), 3)], "{f:#?}");
    let text = en(&f[0].message);
    assert!(
        text.starts_with("Readings of vehicle 浙A·L1002冷 (sensor TL-1002)"),
        "{text}"
    );
    assert!(
        text.contains("those of vehicle 浙A·L1001冷 (sensor TL-1001)"),
        "{text}"
    );
}

/// The quiet trap: a month of a fridge at a steady setpoint with ±0.1 °C of noise, on a 0.1 °C
/// grid and at 0.01 °C precision, and of a realistic noisy sensor, gives no finding at all.
#[test]
fn real_sensor_noise_does_not_look_copied() {
    let mut noise = Noise(10);
    let grid: Vec<f64> = (0..30 * 144).map(|_| noisy(&mut noise, 5.0, 0.1)).collect();
    let fine: Vec<f64> = (0..30 * 144)
        .map(|_| ((5.0 + 0.1 * noise.unit()) * 100.0).round() / 100.0)
        .collect();
    let wide: Vec<f64> = (0..30 * 144)
        .map(|_| noisy(&mut noise, 15.0, 2.5))
        .collect();
    let mut ev = vec![
        zone("CR-1", &["TH-R01"]),
        zone("CR-2", &["TH-R02"]),
        kept_zone("WH-C", "cool", &["TH-C01"]),
    ];
    ev.extend(zone_uploads("CR-1", "TH-R01", 30, |i| grid[i]));
    ev.extend(zone_uploads("CR-2", "TH-R02", 30, |i| fine[i]));
    ev.extend(zone_uploads("WH-C", "TH-C01", 30, |i| wide[i]));
    ev[3..].sort_by_key(|e| e.occurred_at);
    let f = check(&ev);
    assert!(f.is_empty(), "{:#?}", &f[..f.len().min(3)]);
}

#[test]
fn a_steady_day_repeated_is_too_plain_to_call_a_copy() {
    // A coarse sensor stepping between 5.0 and 5.1 °C every 150 minutes: equal days, but
    // fewer value changes (9) than the threshold, so not compared (and no run is long enough
    // for TEMP-FLAT). With a lower threshold the second and third days are copies.
    let mut ev = vec![zone("CR-1", &["TH-R01"])];
    ev.extend(zone_uploads("CR-1", "TH-R01", 3, |i| {
        if (i % 144) / 15 % 2 == 0 {
            5.0
        } else {
            5.1
        }
    }));
    assert!(check(&ev).is_empty());
    let cfg = Config::from_toml("[thresholds]\ncopy_min_changes = 5\n").unwrap();
    let f = check_with(cfg, &ev);
    assert_eq!(
        rules(&f),
        [("TEMP-COPY".to_owned(), 13), ("TEMP-COPY".to_owned(), 19)],
        "{f:#?}"
    );
}

#[test]
fn identical_readings_for_five_hours_are_a_flat_line() {
    let mut noise = Noise(11);
    let mut ev = vec![zone("CR-1", &["TH-R01"])];
    // Day 1: noisy, except 5.3 °C from 08:00 to 13:10 (32 readings, 310 minutes).
    ev.extend(zone_uploads("CR-1", "TH-R01", 1, |i| {
        if (48..80).contains(&i) {
            5.3
        } else {
            noisy(&mut noise, 5.0, 1.5) + if i == 47 || i == 80 { 0.05 } else { 0.0 }
        }
    }));
    let f = check(&ev);
    assert_eq!(rules(&f), [("TEMP-FLAT".to_owned(), 5)], "{f:#?}");
    let f = &f[0];
    assert_eq!(f.seqs, [4, 5]);
    let iv = f.interval.unwrap();
    assert_eq!(iv.from, day0() + Duration::hours(8));
    assert_eq!(iv.to, day0() + Duration::minutes(79 * 10));
    assert_eq!(
        en(&f.message),
        "Sensor TH-R01 of zone CR-1 reported the identical value 5.3 °C 32 times from \
         2026-10-01 08:00 (+08:00) to 2026-10-01 13:10 (+08:00) (310 min; limit 240 min)."
    );
}

#[test]
fn a_sensor_that_falls_silent_is_judged_and_forgotten_before_the_end() {
    let mut noise = Noise(12);
    let mut ev = vec![zone("CR-1", &["TH-R01"]), zone("CR-2", &["TH-R02"])];
    // CR-1's sensor reads 5.2 °C for 5 hours and is never heard of again; CR-2 goes on for 40
    // days.
    let stuck = series(day0(), 31, 10, |_| 5.2);
    ev.push(upload(
        Place::Zone("CR-1"),
        "TH-R01",
        day0() + Duration::hours(5),
        &stuck,
    ));
    ev.extend(zone_uploads("CR-2", "TH-R02", 40, |_| {
        noisy(&mut noise, 5.0, 1.5)
    }));
    ev.sort_by_key(|e| e.occurred_at);
    let mut engine = Engine::new(Config::default());
    let mut during = Vec::new();
    for (i, e) in ev.iter().enumerate() {
        during.extend(engine.push(i as u64 + 1, e.occurred_at, e));
    }
    assert!(engine.finish().is_empty());
    assert_eq!(rules(&during), [("TEMP-FLAT".to_owned(), 4)], "{during:#?}");
}

#[test]
fn shorter_flat_stretches_and_stretches_cut_by_a_gap_are_quiet() {
    let mut ev = vec![zone("CR-1", &["TH-R01"])];
    // 3 h 50 min of 5.0 °C, then a change.
    ev.push(upload(
        Place::Zone("CR-1"),
        "TH-R01",
        day0() + Duration::hours(4),
        &series(day0(), 24, 10, |i| if i == 23 { 5.1 } else { 5.0 }),
    ));
    // 5.0 °C for 3 hours, a gap of 40 minutes (TEMP-GAP's concern), 5.0 °C for 3 hours more.
    let from = day0() + Duration::hours(4);
    let mut r = series(from, 19, 10, |_| 5.0);
    r.extend(series(from + Duration::minutes(220), 19, 10, |_| 5.0));
    r.push((from + Duration::minutes(410), 4.9));
    ev.push(upload(
        Place::Zone("CR-1"),
        "TH-R01",
        from + Duration::minutes(420),
        &r,
    ));
    let f = check(&ev);
    assert_eq!(rules(&f), [("TEMP-GAP".to_owned(), 3)], "{f:#?}");
    // With a 2-hour limit both stretches of the second upload are flat lines.
    let cfg = Config::from_toml("[thresholds]\nflat_minutes = 120\n").unwrap();
    let f = check_with(cfg, &ev);
    let flat: Vec<u64> = f
        .iter()
        .filter(|f| f.rule == "TEMP-FLAT")
        .map(|f| f.seq)
        .collect();
    assert_eq!(flat, [2, 3, 3], "{f:#?}");
}

#[test]
fn readings_uploaded_long_after_they_were_taken_are_backfilled() {
    let taken = day0();
    let ev = [
        zone("CR-1", &["TH-R01"]),
        // Storage: 23 hours is within the day allowed; 25 hours is not.
        upload(
            Place::Zone("CR-1"),
            "TH-R01",
            taken + Duration::hours(23),
            &series(taken, 6, 10, |i| 5.0 + 0.1 * i as f64),
        ),
        upload(
            Place::Zone("CR-1"),
            "TH-R01",
            taken + Duration::hours(26),
            &series(taken + Duration::hours(1), 6, 10, |i| 5.0 + 0.1 * i as f64),
        ),
        // Transport: a logger read out 70 hours after the trip began is fine, 80 hours is not.
        upload(
            Place::Vehicle("沪B·C1001冷"),
            "TL-1001",
            taken + Duration::hours(70),
            &series(taken, 6, 5, |i| 5.0 + 0.1 * i as f64),
        ),
        upload(
            Place::Vehicle("沪B·C1002冷"),
            "TL-1002",
            taken + Duration::hours(80),
            &series(taken, 6, 5, |i| 5.0 + 0.1 * i as f64),
        ),
    ];
    let f = check(&ev);
    let got: Vec<(String, u64)> = rules(&f)
        .into_iter()
        .filter(|(r, _)| r == "TEMP-BACKFILL")
        .collect();
    assert_eq!(
        got,
        [
            ("TEMP-BACKFILL".to_owned(), 3),
            ("TEMP-BACKFILL".to_owned(), 5)
        ],
        "{f:#?}"
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!(
        en(&f[0].message),
        "The upload of sensor TH-R01 for zone CR-1 at 2026-10-02 02:00 (+08:00) holds readings taken \
         more than 24 hours before it: 6, the oldest at 2026-10-01 01:00 (+08:00) (25 hours before the \
         upload)."
    );
}

#[test]
fn readings_dated_after_their_upload_are_found() {
    let at = day0() + Duration::hours(4);
    let mut r = series(day0(), 24, 10, |i| 5.0 + 0.1 * (i % 7) as f64);
    let quiet = upload(Place::Zone("CR-1"), "TH-R01", at, &{
        let mut q = r.clone();
        // At the upload itself and 4 minutes after it (clock difference): fine.
        q.push((at, 5.2));
        q.push((at + Duration::minutes(4), 5.3));
        q
    });
    r.push((at + Duration::minutes(15), 5.2));
    let bad = upload(Place::Zone("CR-2"), "TH-R02", at, &r);
    let ev = [
        zone("CR-1", &["TH-R01"]),
        zone("CR-2", &["TH-R02"]),
        quiet,
        bad,
    ];
    let f = check(&ev);
    assert_eq!(rules(&f), [("TEMP-FUTURE".to_owned(), 4)], "{f:#?}");
    assert_eq!(
        en(&f[0].message),
        "The upload of sensor TH-R02 for zone CR-2 at 2026-10-01 04:00 (+08:00) holds readings dated \
         after it: 1, the latest at 2026-10-01 04:15 (+08:00) (15 min after the upload; tolerated 5 min)."
    );
}

#[test]
fn a_sensor_reporting_for_a_place_it_is_not_installed_in_is_found() {
    let r = series(day0(), 6, 10, |i| 5.0 + 0.1 * i as f64);
    let later = series(day0() + Duration::hours(2), 6, 5, |i| 5.0 + 0.1 * i as f64);
    let trip = series(day0(), 6, 5, |i| 5.0 + 0.1 * i as f64);
    let at = day0() + Duration::hours(1);
    let ev = [
        zone("CR-1", &["TH-R01"]),
        zone("WH-A", &["TH-A01"]),
        zone("CR-9", &[]),
        // Unregistered sensor in CR-1; WH-A's sensor in CR-1; CR-1's sensor in a vehicle.
        upload(Place::Zone("CR-1"), "TH-X99", at, &r),
        upload(Place::Zone("CR-1"), "TH-A01", at, &r),
        upload(
            Place::Vehicle("浙A·L1001冷"),
            "TH-R01",
            at + Duration::hours(2),
            &later,
        ),
        // Quiet: the registered sensor; a zone registered without sensors; a vehicle logger.
        upload(Place::Zone("CR-1"), "TH-R01", at, &r),
        upload(Place::Zone("CR-9"), "TH-Z01", at, &r),
        upload(Place::Vehicle("浙A·L1002冷"), "TL-1002", at, &trip),
    ];
    let f = check(&ev);
    assert_eq!(
        rules(&f),
        [
            ("TEMP-SENSOR".to_owned(), 4),
            ("TEMP-SENSOR".to_owned(), 5),
            ("TEMP-SENSOR".to_owned(), 6)
        ],
        "{f:#?}"
    );
    let text: Vec<String> = f.iter().map(|f| en(&f.message)).collect();
    assert_eq!(text[0], "Sensor TH-X99 reported 6 readings for zone CR-1, whose registered sensors are TH-R01; TH-X99 is registered to no zone.");
    assert_eq!(text[1], "Sensor TH-A01 reported 6 readings for zone CR-1, whose registered sensors are TH-R01; TH-A01 is installed in zone WH-A.");
    assert_eq!(text[2], "Sensor TH-R01, installed in storage zone CR-1, reported 6 readings for vehicle 浙A·L1001冷.");
    assert_eq!(
        f[0].actual.as_ref().map(en).as_deref(),
        Some("TH-X99, registered to no zone")
    );
}

#[test]
fn a_re_registered_zone_checks_its_new_sensors() {
    let r = series(day0(), 6, 10, |i| 5.0 + 0.1 * i as f64);
    let ev = [
        zone("CR-1", &["TH-R01"]),
        zone("CR-1", &["TH-R02"]),
        upload(
            Place::Zone("CR-1"),
            "TH-R02",
            day0() + Duration::hours(1),
            &r,
        ),
        upload(
            Place::Zone("CR-1"),
            "TH-R01",
            day0() + Duration::hours(1),
            &r,
        ),
    ];
    let f = check(&ev);
    assert_eq!(rules(&f), [("TEMP-SENSOR".to_owned(), 4)], "{f:#?}");
    assert!(en(&f[0].message).ends_with("TH-R01 is registered to no zone."));
}

#[test]
fn overlapping_uploads_that_disagree_are_found_and_identical_ones_are_not() {
    let r = series(day0(), 24, 10, |i| 5.0 + 0.1 * (i % 5) as f64);
    let mut altered = r[12..].to_vec();
    altered[3].1 += 0.4;
    let mut close = r[12..].to_vec();
    close[5].1 += 0.04; // within the resolution
    let at = day0() + Duration::hours(4);
    let ev = [
        zone("CR-1", &["TH-R01"]),
        upload(Place::Zone("CR-1"), "TH-R01", at, &r),
        upload(Place::Zone("CR-1"), "TH-R01", at + Duration::minutes(5), &r),
        upload(
            Place::Zone("CR-1"),
            "TH-R01",
            at + Duration::minutes(6),
            &close,
        ),
        upload(
            Place::Zone("CR-1"),
            "TH-R01",
            at + Duration::minutes(7),
            &altered,
        ),
    ];
    let f = check(&ev);
    assert_eq!(rules(&f), [("TEMP-CONFLICT".to_owned(), 5)], "{f:#?}");
    assert_eq!(f[0].seqs, [2, 5]);
    assert_eq!(
        en(&f[0].message),
        "Sensor TH-R01 uploaded readings for zone CR-1 that disagree with its upload in record \
         2 by more than 0.05 °C: 1, the first at 2026-10-01 02:30 (+08:00) (5.0 °C there, 5.4 °C here)."
    );
}

#[test]
fn the_rules_can_be_disabled() {
    let r = series(day0(), 6, 10, |i| 5.0 + 0.1 * i as f64);
    let ev = [
        zone("CR-1", &["TH-R01"]),
        upload(
            Place::Zone("CR-1"),
            "TH-X99",
            day0() + Duration::hours(30),
            &r,
        ),
    ];
    assert_eq!(check(&ev).len(), 2);
    let cfg = Config::from_toml("disabled = [\"TEMP-SENSOR\", \"TEMP-BACKFILL\"]").unwrap();
    assert!(check_with(cfg, &ev).is_empty());
    let bad = Config::from_toml("[thresholds]\ntemp_resolution_c = -0.1\n")
        .unwrap_err()
        .to_string();
    assert!(bad.contains("temp_resolution_c"), "{bad}");
}
