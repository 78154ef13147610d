//! Cold-chain rules on hand-made events: the excursion's interval, peak and MKT; an excursion
//! still open when the ledger ends; in-range readings stay quiet; the temperature trace.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rxledger_model::Event;
use rxledger_reconcile::{Config, Engine, Finding, StreamKind};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap()
}

fn zone() -> Event {
    Event::from_json(r#"{"v":1,"id":"01a0effc-8960-7769-b983-74e628749874","kind":"zone_registered","occurred_at":"2026-09-30T01:45:00Z","recorded_by":["质管-周敏"],"data":{"zone":"CR-1","storage":"cold","sensors":["TH-C01"]}}"#).unwrap()
}

/// One upload of readings, one every `step` minutes from `from`, temperatures from `temp(i)`.
fn upload(from: DateTime<Utc>, n: i64, step: i64, temp: impl Fn(i64) -> f64) -> Event {
    let readings: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"at":"{}","celsius":{:.1}}}"#,
                (from + Duration::minutes(i * step)).to_rfc3339(),
                temp(i)
            )
        })
        .collect();
    let at = from + Duration::minutes(n * step);
    // One id per upload (an id is unique in a ledger: EVENT-DUP).
    Event::from_json(&format!(
        r#"{{"v":1,"id":"01a0f3e7-0a00-7aec-8f39-{:012x}","kind":"temperature_reading","occurred_at":"{}","recorded_by":["系统"],"data":{{"sensor":"TH-C01","zone":"CR-1","readings":[{}]}}}}"#,
        from.timestamp().unsigned_abs() & 0xffff_ffff_ffff,
        at.to_rfc3339(),
        readings.join(",")
    ))
    .unwrap()
}

fn run(engine: &mut Engine, events: &[Event]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        out.extend(engine.push(i as u64 + 1, e.occurred_at, e));
    }
    out
}

#[test]
fn a_45_minute_excursion_at_11_degrees_reports_interval_peak_and_mkt() {
    // Readings every minute for 4 hours; 45 minutes at 11 °C from minute 60 (the monitoring
    // interval during an excursion is at most 2 minutes).
    let ev = [
        zone(),
        upload(t0(), 240, 1, |i| {
            if (60..105).contains(&i) {
                11.0
            } else {
                5.0
            }
        }),
    ];
    let mut engine = Engine::new(Config::default());
    let mut f = run(&mut engine, &ev);
    f.extend(engine.finish());
    assert_eq!(f.len(), 1, "{f:#?}");
    let f = &f[0];
    assert_eq!(f.rule, "TEMP-RANGE");
    assert_eq!(f.location.as_deref(), Some("CR-1"));
    let iv = f.interval.expect("an interval");
    assert_eq!(iv.from, t0() + Duration::minutes(60));
    assert_eq!(iv.to, t0() + Duration::minutes(105));
    assert!(
        en(&f.message).contains("(45 min), peak 11.0 °C"),
        "{:?}",
        f.message
    );
    assert!(
        en(&f.message).contains("mean kinetic temperature 11.0 °C"),
        "{:?}",
        f.message
    );
    // Samples all at 11 °C: the fact is 11, not 10.999999999999943 (round 20).
    assert_eq!(
        f.message.args.get("mkt"),
        Some(&rxledger_reconcile::Fact::Celsius(11.0))
    );
    assert_eq!(f.expected.as_ref().map(en).as_deref(), Some("2.0–8.0 °C"));
    let json = serde_json::to_value(f).unwrap();
    assert_eq!(json["interval"]["from"], "2026-10-01T01:00:00Z");
}

#[test]
fn in_range_readings_are_quiet() {
    let ev = [zone(), upload(t0(), 48, 5, |i| 4.0 + (i % 5) as f64)];
    let mut engine = Engine::new(Config::default());
    let mut f = run(&mut engine, &ev);
    f.extend(engine.finish());
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn an_excursion_still_open_at_the_end_of_the_ledger_is_reported_by_finish() {
    let ev = [
        zone(),
        upload(t0(), 120, 1, |i| if i >= 100 { 12.5 } else { 5.0 }),
    ];
    let mut engine = Engine::new(Config::default());
    let during = run(&mut engine, &ev);
    assert!(during.is_empty(), "not certain before the end: {during:#?}");
    let end = engine.finish();
    assert_eq!(end.len(), 1, "{end:#?}");
    assert_eq!(end[0].rule, "TEMP-RANGE");
    assert_eq!(end[0].seq, 2);
    let iv = end[0].interval.unwrap();
    assert_eq!(iv.from, t0() + Duration::minutes(100));
    assert_eq!(iv.to, t0() + Duration::minutes(119));
    assert!(
        en(&end[0].message).contains("peak 12.5 °C"),
        "{:?}",
        end[0].message
    );
}

#[test]
fn a_recording_gap_carries_its_interval() {
    let second = t0() + Duration::minutes(5 * 12 + 55);
    let ev = [
        zone(),
        upload(t0(), 12, 5, |_| 5.0),
        upload(second, 12, 5, |_| 5.0),
    ];
    let mut engine = Engine::new(Config::default());
    let mut f = run(&mut engine, &ev);
    f.extend(engine.finish());
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].rule, "TEMP-GAP");
    let iv = f[0].interval.unwrap();
    assert_eq!(iv.from, t0() + Duration::minutes(55));
    assert_eq!(iv.to, second);
}

#[test]
fn the_temperature_trace_keeps_every_reading_and_the_band() {
    let ev = [
        zone(),
        upload(t0(), 48, 5, |_| 5.0),
        upload(t0() + Duration::hours(4), 48, 5, |_| 6.0),
    ];
    let mut off = Engine::new(Config::default());
    run(&mut off, &ev);
    assert!(off.temperature_series().is_empty(), "tracing is opt-in");

    let mut engine = Engine::new(Config::default());
    engine.trace_temperatures();
    run(&mut engine, &ev);
    let series = engine.temperature_series();
    assert_eq!(series.len(), 1);
    let s = &series[0];
    assert_eq!((s.kind, s.name.as_str()), (StreamKind::Zone, "CR-1"));
    assert_eq!(s.readings.readings(), 96);
    assert_eq!(
        s.readings.span(),
        Some((
            t0().timestamp(),
            (t0() + Duration::hours(4) + Duration::minutes(47 * 5)).timestamp()
        ))
    );
    let max = s.readings.buckets().map(|b| b.max).fold(f32::MIN, f32::max);
    assert!((max - 6.0).abs() < f32::EPSILON);
    assert_eq!(s.bands.len(), 1, "one zone range, merged across uploads");
    assert_eq!((s.bands[0].range.min_c, s.bands[0].range.max_c), (2.0, 8.0));
    assert_eq!(s.bands[0].from, t0());
    assert_eq!(
        s.bands[0].to,
        t0() + Duration::hours(4) + Duration::minutes(47 * 5)
    );
}

fn vaccine() -> Event {
    Event::from_json(r#"{"v":1,"id":"01a0efee-cdc0-7ef9-a511-94f603dd3303","kind":"product_registered","occurred_at":"2026-09-30T01:30:00Z","recorded_by":["质管-周敏"],"data":{"product":"86923456000038","generic_name":"重组乙型肝炎疫苗(酿酒酵母)","form":"注射剂","spec":"10μg/0.5ml/支","manufacturer":"上海瑞和生物制品有限公司","approval_number":"国药准字S20183012","category":"vaccine","control":"none","storage":"cold","rx":true,"vaccine":true,"unit":"支"}}"#).unwrap()
}

/// A vaccine receipt at `arrival`, shipped 3 hours earlier on a refrigerated truck.
fn vaccine_receipt(arrival: DateTime<Utc>, accepted: u64) -> Event {
    let shipped = arrival - Duration::hours(3);
    Event::from_json(&format!(
        r#"{{"v":1,"id":"01a0fa56-fd00-7ab6-be50-0bbd808dc93b","kind":"receipt","occurred_at":"{}","recorded_by":["验收-张伟"],"data":{{"doc":"SH1","supplier":"91330100143958271X","lines":[{{"product":"86923456000038","batch":"B1","production_date":"2026-09-02","expiry":"2027-08-31","arrived":100,"accepted":{accepted},"rejected":{},"location":"CR-1"}}],"acceptors":["验收-张伟"],"transport":{{"vehicle":"沪B·C1001冷","shipped_at":"{}","cold_chain":true}}}}}}"#,
        arrival.to_rfc3339(),
        100 - accepted,
        shipped.to_rfc3339()
    ))
    .unwrap()
}

/// The truck's upload: one reading a minute from `from` for `minutes`.
fn truck(from: DateTime<Utc>, minutes: i64, celsius: f64) -> Event {
    let readings: Vec<String> = (0..=minutes)
        .map(|i| {
            format!(
                r#"{{"at":"{}","celsius":{celsius:.1}}}"#,
                (from + Duration::minutes(i)).to_rfc3339()
            )
        })
        .collect();
    Event::from_json(&format!(
        r#"{{"v":1,"id":"01a0f3e7-0a00-7aec-8f39-b29ca8b83ba1","kind":"temperature_reading","occurred_at":"{}","recorded_by":["系统"],"data":{{"sensor":"TR-1","vehicle":"沪B·C1001冷","readings":[{}]}}}}"#,
        (from + Duration::minutes(minutes)).to_rfc3339(),
        readings.join(",")
    ))
    .unwrap()
}

fn cc(events: &[Event]) -> Vec<Finding> {
    let mut engine = Engine::new(Config::default());
    let mut f = run(&mut engine, events);
    f.extend(engine.finish());
    f.retain(|f| f.rule == "CC-RECEIPT");
    f
}

#[test]
fn a_vaccine_receipt_without_transport_readings_is_cc_receipt() {
    let arrival = t0() + Duration::hours(6);
    // The truck's log may still be uploaded within `logger_settle_hours` (4) of the arrival: the
    // finding is certain once the ledger's clock has passed that.
    let mut later = zone();
    later.occurred_at = arrival + Duration::hours(5);
    let f = cc(&[zone(), vaccine(), vaccine_receipt(arrival, 100), later]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        en(&f[0].message).contains("accepted vaccines"),
        "{:?}",
        f[0].message
    );
    assert!(
        en(&f[0].message).contains("no temperature readings"),
        "{:?}",
        f[0].message
    );
}

#[test]
fn a_vaccine_receipt_with_in_range_trip_readings_or_rejected_is_quiet() {
    let arrival = t0() + Duration::hours(6);
    let trip = truck(arrival - Duration::hours(3), 180, 5.0);
    assert!(cc(&[
        zone(),
        vaccine(),
        trip.clone(),
        vaccine_receipt(arrival, 100)
    ])
    .is_empty());
    // Without readings, but recorded as rejected.
    assert!(cc(&[zone(), vaccine(), vaccine_receipt(arrival, 0)]).is_empty());
    // Readings out of range during the trip: not quiet.
    let warm = truck(arrival - Duration::hours(3), 180, 10.5);
    let f = cc(&[zone(), vaccine(), warm, vaccine_receipt(arrival, 100)]);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        en(&f[0].message).contains("outside 2.0–8.0 °C"),
        "{:?}",
        f[0].message
    );
}

/// The truck's upload: one reading a minute from `from` for `minutes`, at `celsius(i)`.
fn truck_log(from: DateTime<Utc>, minutes: i64, celsius: impl Fn(i64) -> f64) -> Event {
    let mut e = truck(from, minutes, 5.0);
    if let rxledger_model::EventBody::TemperatureReading(t) = &mut e.body {
        for (i, r) in (0..).zip(t.readings.iter_mut()) {
            r.celsius = celsius(i);
        }
    }
    e
}

/// Only the readings of the trip itself (shipping to acceptance) are judged against the range:
/// the logger runs on through unloading, and pre-cools before loading. Readings just beyond the
/// trip still prove that it was covered.
#[test]
fn readings_beyond_the_trip_prove_coverage_but_are_not_judged() {
    let arrival = t0() + Duration::hours(6);
    let shipped = arrival - Duration::hours(3);
    let start = shipped - Duration::minutes(5);
    // Minute 5 is `shipped_at`, minute 185 the acceptance.
    let warm_outside_the_trip =
        truck_log(
            start,
            205,
            |i| if (5..=185).contains(&i) { 5.0 } else { 12.0 },
        );
    let f = cc(&[
        zone(),
        vaccine(),
        warm_outside_the_trip,
        vaccine_receipt(arrival, 100),
    ]);
    assert!(f.is_empty(), "{f:#?}");
    // The last reading of the trip (at the acceptance) out of range: judged.
    let warm_at_acceptance = truck_log(
        start,
        205,
        |i| if (5..185).contains(&i) { 5.0 } else { 12.0 },
    );
    let f = cc(&[
        zone(),
        vaccine(),
        warm_at_acceptance,
        vaccine_receipt(arrival, 100),
    ]);
    assert_eq!(f.len(), 1, "{f:#?}");
    let text = en(&f[0].message);
    assert!(text.contains("1 transport reading"), "{text}");
    // Readings that stop 3 minutes before the acceptance (the limit is 5) still cover it; ones
    // that stop 10 minutes before do not.
    let short = truck_log(start, 182, |_| 5.0);
    assert!(cc(&[zone(), vaccine(), short, vaccine_receipt(arrival, 100)]).is_empty());
    let shorter = truck_log(start, 175, |_| 5.0);
    // Not covered, the receipt waits for the logger's settle window (4 hours).
    let mut later = zone();
    later.occurred_at = arrival + Duration::hours(5);
    let f = cc(&[
        zone(),
        vaccine(),
        shorter,
        vaccine_receipt(arrival, 100),
        later,
    ]);
    assert_eq!(f.len(), 1, "{f:#?}");
    // The hole at the end is the largest gap the finding gives (10 minutes, over the limit of 5).
    let text = en(&f[0].message);
    assert!(text.contains("(largest gap 10 min)"), "{text}");
}

/// A dispatch of the vaccine at `at` on the refrigerated truck of [`truck`].
fn cold_dispatch(at: DateTime<Utc>) -> Event {
    Event::from_json(&format!(
        r#"{{"v":1,"id":"01a109fe-4060-7964-8bd0-5cec9f371679","kind":"dispatch","occurred_at":"{}","recorded_by":["发货-吴凯"],"data":{{"doc":"PS1","customer":"91330106MA2H1RT58K","consignee":"徐经理","address":"杭州市天目山路 210 号","lines":[{{"product":"86923456000038","batch":"B1","quantity":10,"from":"CR-1"}}],"vehicle":"沪B·C1001冷"}}}}"#,
        at.to_rfc3339()
    ))
    .unwrap()
}

/// `TEMP-RANGE` of vehicles: the vehicle's next upload with readings from an hour before a
/// cold dispatch on is its trip, judged from that hour on; the readings before it (pre-cooling)
/// and later uploads (the empty return leg, the next day) are not judged.
#[test]
fn only_the_trip_after_a_cold_dispatch_is_judged() {
    let range = |events: &[Event]| {
        let mut engine = Engine::new(Config::default());
        let mut f = run(&mut engine, events);
        f.extend(engine.finish());
        f.retain(|f| f.rule == "TEMP-RANGE");
        f
    };
    let dispatch = t0() + Duration::hours(9);
    // Pre-cooling from 12 °C 90 minutes before the dispatch, then in range for 3 hours.
    let start = dispatch - Duration::minutes(90);
    let trip = truck_log(start, 270, |i| if i < 25 { 12.0 } else { 5.0 });
    let mut back = truck_log(start + Duration::minutes(280), 60, |_| 16.0);
    back.id = uuid::Uuid::from_u128(0x01a0_f3e7_0a00_7aec_8f39_b29c_a8b8_3bb2);
    let base = [zone(), vaccine(), cold_dispatch(dispatch)];
    let f = range(&[&base[..], &[trip.clone(), back.clone()]].concat());
    assert!(f.is_empty(), "{f:#?}");
    // The trip itself warm after the hour before the dispatch: judged.
    let warm = truck_log(
        start,
        270,
        |i| if (25..=200).contains(&i) { 5.0 } else { 12.0 },
    );
    let f = range(&[&base[..], &[warm, back.clone()]].concat());
    assert_eq!(f.len(), 1, "{f:#?}");
    // An upload of only the readings before that hour is not the trip: the next one is.
    let before = truck_log(start - Duration::hours(5), 60, |_| 14.0);
    let f = range(&[&base[..], &[before, back]].concat());
    assert_eq!(f.len(), 1, "{f:#?}");
}

/// `TEMP-GAP` of vehicles: only the readings of a cold trip (from the hour before the dispatch)
/// are held to the transport limit; the empty return leg, a parked truck or the readings before
/// that hour, logged every 10 minutes, are not.
#[test]
fn only_a_cold_trip_is_held_to_the_transport_gap_limit() {
    let gaps = |events: &[Event]| {
        let mut engine = Engine::new(Config::default());
        let mut f = run(&mut engine, events);
        f.extend(engine.finish());
        f.retain(|f| f.rule == "TEMP-GAP");
        f.len()
    };
    let dispatch = t0() + Duration::hours(9);
    let start = dispatch - Duration::minutes(90);
    // Every 10th minute only, before the hour before the dispatch; every minute after.
    let sparse_before = |i: i64| i >= 30 || i % 10 == 0;
    let mut trip = truck_log(start, 270, |_| 5.0);
    let mut back = truck_log(start + Duration::minutes(280), 60, |_| 16.0);
    for (e, keep) in [
        (&mut trip, &sparse_before as &dyn Fn(i64) -> bool),
        (&mut back, &|i: i64| i % 10 == 0),
    ] {
        if let rxledger_model::EventBody::TemperatureReading(t) = &mut e.body {
            let mut i = 0;
            t.readings.retain(|_| {
                i += 1;
                keep(i - 1)
            });
        }
    }
    back.id = uuid::Uuid::from_u128(0x01a0_f3e7_0a00_7aec_8f39_b29c_a8b8_3bb3);
    let base = [zone(), vaccine(), cold_dispatch(dispatch)];
    assert_eq!(
        gaps(&[&base[..], &[trip.clone(), back.clone()]].concat()),
        0
    );
    // A 10-minute hole in the trip itself: one gap.
    if let rxledger_model::EventBody::TemperatureReading(t) = &mut trip.body {
        let hole = dispatch + Duration::minutes(30);
        t.readings
            .retain(|r| r.at <= hole || r.at >= hole + Duration::minutes(10));
    }
    assert_eq!(gaps(&[&base[..], &[trip, back]].concat()), 1);
}

/// An upload of `sensor` in CR-1: one reading every 10 minutes from `from` for `n`, at 5 °C,
/// except those `skip` leaves out; recorded at `recorded`.
fn probe(
    sensor: &str,
    from: DateTime<Utc>,
    n: i64,
    skip: impl Fn(i64) -> bool,
    recorded: DateTime<Utc>,
) -> Event {
    let readings: Vec<String> = (0..n)
        .filter(|i| !skip(*i))
        .map(|i| {
            format!(
                r#"{{"at":"{}","celsius":5.0}}"#,
                (from + Duration::minutes(i * 10)).to_rfc3339()
            )
        })
        .collect();
    let tag = u64::from(sensor.as_bytes()[sensor.len() - 1]);
    Event::from_json(&format!(
        r#"{{"v":1,"id":"01a0f3e7-0a00-7aec-8f39-{:012x}","kind":"temperature_reading","occurred_at":"{}","recorded_by":["系统"],"data":{{"sensor":"{sensor}","zone":"CR-1","readings":[{}]}}}}"#,
        ((from.timestamp().unsigned_abs() & 0xff_ffff_ffff) << 8) | tag,
        recorded.to_rfc3339(),
        readings.join(",")
    ))
    .unwrap()
}

/// Two probes of one cold room upload six hours each on their own schedules (readings at :00
/// and :05); probe 2 pauses for calibration. Judged in upload order, probe 2's upload after the
/// pause measured a gap from probe 1's last uploaded reading that probe 1's later upload fills.
/// A zone fed by two sensors is judged in time order once its readings settled
/// (`storage_backfill_hours`): quiet in any order of uploads; a real gap of both probes is a
/// `TEMP-GAP`, once, whatever the order.
#[test]
fn a_zone_of_two_probes_is_judged_in_time_order() {
    let gaps = |events: &[Event]| {
        let mut engine = Engine::new(Config::default());
        let mut f = run(&mut engine, events);
        f.extend(engine.finish());
        f.retain(|f| f.rule == "TEMP-GAP");
        f.len()
    };
    let h = Duration::hours;
    let p2 = t0() + Duration::minutes(5);
    // Probe 1: 00:00-06:00 and 06:00-12:00 and 12:00-18:00, each uploaded at its end.
    let one = |k: i32, skip: &dyn Fn(i64) -> bool| {
        let from = t0() + h(6 * i64::from(k));
        probe("TH-R01", from, 36, skip, from + h(6) + Duration::minutes(1))
    };
    // Probe 2: 03:05-09:05 and 09:05-15:05, uploaded at their ends; paused 10:00-13:00.
    let two = |k: i32| {
        let from = p2 + h(3 + 6 * i64::from(k));
        let pause = move |i: i64| {
            let at = from + Duration::minutes(i * 10);
            at > t0() + h(10) && at < t0() + h(13)
        };
        probe(
            "TH-R02",
            from,
            36,
            pause,
            from + h(6) + Duration::minutes(1),
        )
    };
    let none = |_: i64| false;
    // Upload order: probe 1's 06:00-12:00 (at 12:01) before probe 2's 09:05-15:05 (at 15:06),
    // probe 1's 12:00-18:00 after it (at 18:01).
    let mut events = vec![
        zone(),
        one(0, &none),
        two(0),
        one(1, &none),
        two(1),
        one(2, &none),
    ];
    let mut later = zone();
    later.occurred_at = t0() + h(48);
    events.push(later.clone());
    assert_eq!(gaps(&events), 0, "two probes, one paused");
    // Probe 1 also silent 10:30-12:30: both were, for over two hours (10:20-12:40).
    let both = vec![
        zone(),
        one(0, &none),
        two(0),
        one(1, &|i| (27..36).contains(&i)),
        two(1),
        one(2, &|i| i <= 3),
        later.clone(),
    ];
    assert_eq!(gaps(&both), 1, "both probes silent");
    // The same uploads in another order: the same finding.
    let mut shuffled = both.clone();
    shuffled.swap(3, 4);
    assert_eq!(gaps(&shuffled), 1, "another order");
}

/// The English sentence of a message.
fn en(m: &rxledger_reconcile::Msg) -> String {
    rxledger_report::messages::Messages::new(rxledger_report::messages::Lang::En).render(m)
}

/// A vehicle idle for 30 days is forgotten with its readings (a wholesaler's suppliers and
/// carriers use tens of thousands of vehicles a year): a receipt recorded within that finds its
/// trip's readings; recorded later, it finds none.
#[test]
fn an_idle_vehicle_is_forgotten_after_30_days() {
    let arrival = t0() + Duration::hours(6);
    let trip = truck(arrival - Duration::hours(3), 180, 5.0);
    // Another vehicle's weekly uploads move the ledger's clock on.
    let other = |days: i64| {
        let mut e = truck(arrival + Duration::days(days), 10, 5.0);
        if let rxledger_model::EventBody::TemperatureReading(t) = &mut e.body {
            t.vehicle = Some("浙A·D2002冷".into());
        }
        e
    };
    let late_receipt = |weeks: i64| -> Vec<Event> {
        [zone(), vaccine(), trip.clone()]
            .into_iter()
            .chain((1..=weeks).map(|w| other(w * 7)))
            .chain([vaccine_receipt(arrival, 100)])
            .collect()
    };
    assert!(cc(&late_receipt(4)).is_empty(), "28 days late");
    let f = cc(&late_receipt(6));
    assert_eq!(f.len(), 1, "{f:#?}");
    // The finding says the readings were let go, not that there were none.
    assert!(
        en(&f[0].message).contains("are no longer kept"),
        "{:?}",
        f[0].message
    );
}

/// A receipt recorded after its truck's next trip, more than 7 days later, finds its trip's
/// readings let go, and says so; recorded before that trip, it finds them.
#[test]
fn a_receipt_after_the_trucks_next_trip_a_week_on_finds_its_readings_let_go() {
    let arrival = t0() + Duration::hours(6);
    let trip = truck(arrival - Duration::hours(3), 180, 5.0);
    let next = truck(arrival + Duration::days(8), 180, 5.0);
    let receipt = vaccine_receipt(arrival, 100);
    assert!(cc(&[
        zone(),
        vaccine(),
        trip.clone(),
        receipt.clone(),
        next.clone()
    ])
    .is_empty());
    let f = cc(&[zone(), vaccine(), trip, next, receipt]);
    assert_eq!(f.len(), 1, "{f:#?}");
    let text = en(&f[0].message);
    assert!(
        text.contains("are no longer kept") && text.contains("recorded too long after its trip"),
        "{text}"
    );
}

/// A rail or sea trip of more than a week, logged throughout and uploaded a day at a time, is
/// covered: the run of readings that reaches into the last 7 days is kept whole. A hole in the
/// log over the transport gap limit still breaks the run, and the trip is not covered.
#[test]
fn a_trip_of_ten_days_logged_throughout_is_covered() {
    let shipped = t0();
    let arrival = shipped + Duration::days(10);
    let mut receipt = vaccine_receipt(arrival, 100);
    if let rxledger_model::EventBody::Receipt(r) = &mut receipt.body {
        r.transport.as_mut().expect("a transport").shipped_at = shipped;
    }
    // Day d's upload: a reading a minute, the day's first minute to its last.
    let day = |d: i64, minutes: i64| truck(shipped + Duration::days(d), minutes, 5.0);
    // The clock past the logger's settle window after the arrival.
    let mut later = zone();
    later.occurred_at = arrival + Duration::hours(5);
    let logged = |hole: bool| -> Vec<Event> {
        let days = (0..10).map(|d| day(d, if hole && d == 1 { 1200 } else { 1439 }));
        [zone(), vaccine()]
            .into_iter()
            .chain(days)
            .chain([day(10, 10), receipt.clone(), later.clone()])
            .collect()
    };
    assert!(cc(&logged(false)).is_empty(), "logged throughout");
    let f = cc(&logged(true));
    assert_eq!(f.len(), 1, "a four-hour hole on day 1: {f:#?}");
    // Told as the hole it is, although the readings before it were let go.
    let text = en(&f[0].message);
    assert!(
        text.contains("do not cover") && text.contains("largest gap 240 min"),
        "{text}"
    );
}

/// A trip of more than 30 days, logged throughout, is longer than the readings kept: not
/// covered, and the finding says why (not that the receipt came late).
#[test]
fn a_trip_longer_than_the_readings_kept_says_so() {
    let shipped = t0();
    let arrival = shipped + Duration::days(32);
    let mut receipt = vaccine_receipt(arrival, 100);
    if let rxledger_model::EventBody::Receipt(r) = &mut receipt.body {
        r.transport.as_mut().expect("a transport").shipped_at = shipped;
    }
    let mut later = zone();
    later.occurred_at = arrival + Duration::hours(5);
    let days = (0..32).map(|d| truck(shipped + Duration::days(d), 1439, 5.0));
    let events: Vec<Event> = [zone(), vaccine()]
        .into_iter()
        .chain(days)
        .chain([truck(arrival, 10, 5.0), receipt, later])
        .collect();
    let f = cc(&events);
    assert_eq!(f.len(), 1, "{f:#?}");
    let text = en(&f[0].message);
    assert!(
        text.contains("no longer kept") && text.contains("longer than the readings kept"),
        "{text}"
    );
}

/// `TEMP-ZONE` judges where a receipt accepts goods too (round 16): insulin (2–8 °C) accepted
/// straight into the cool store (0–20 °C) is stored there as surely as insulin moved there
/// later; accepted into the cold room, or into an unregistered staging area, it is not; a line
/// with nothing accepted stores nothing.
#[test]
fn a_receipt_into_a_zone_of_the_wrong_range_is_temp_zone() {
    let product = Event::from_json(r#"{"v":2,"id":"01a0efee-cdc0-704f-90ac-920ead385ff4","kind":"product_registered","occurred_at":"2026-09-30T01:30:00Z","recorded_by":["质管-周敏"],"data":{"product":"86923456000014","generic_name":"重组人胰岛素注射液","form":"注射剂","spec":"3ml:300IU/支","manufacturer":"上海瑞和生物制品有限公司","approval_number":"国药准字S20063045","category":"biological","control":"none","storage":"cold","rx":true,"unit":"支"}}"#).unwrap();
    let zone = |id: &str, name: &str, storage: &str| {
        Event::from_json(&format!(r#"{{"v":2,"id":"01a0effc-8960-72b4-8731-6f9232fec{id}","kind":"zone_registered","occurred_at":"2026-09-30T01:45:00Z","recorded_by":["质管-周敏"],"data":{{"zone":"{name}","storage":"{storage}","sensors":[]}}}}"#)).unwrap()
    };
    let receipt = |id: &str, location: &str, accepted: u32| {
        Event::from_json(&format!(r#"{{"v":2,"id":"01a0fa20-0e80-7695-b26d-8f83609d8{id}","kind":"receipt","occurred_at":"2026-10-02T01:00:00Z","recorded_by":["验收-张伟"],"refs":{{"order":["CG1"],"delivery_note":["DN1"]}},"data":{{"doc":"SH{id}","supplier":"S","lines":[{{"product":"86923456000014","batch":"2608060001","production_date":"2026-08-03","expiry":"2028-08-01","arrived":10,"accepted":{accepted},"rejected":{},"location":"{location}"}}],"acceptors":["验收-张伟"]}}}}"#, 10 - accepted)).unwrap()
    };
    let events = [
        product,
        zone("ab0", "WH-C", "cool"),
        zone("ab1", "CR-1", "cold"),
        receipt("901", "WH-C", 10),
        receipt("902", "CR-1", 10),
        receipt("903", "RCV", 10),
        receipt("904", "WH-C", 0),
    ];
    let mut engine = Engine::new(Config::default());
    let zone_findings: Vec<u64> = run(&mut engine, &events)
        .into_iter()
        .chain(engine.finish())
        .filter(|f| f.rule == "TEMP-ZONE")
        .map(|f| f.seq)
        .collect();
    assert_eq!(zone_findings, [4]);
}
