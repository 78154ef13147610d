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
    Event::from_json(&format!(
        r#"{{"v":1,"id":"01a0f3e7-0a00-7aec-8f39-b29ca8b83ba0","kind":"temperature_reading","occurred_at":"{}","recorded_by":["系统"],"data":{{"sensor":"TH-C01","zone":"CR-1","readings":[{}]}}}}"#,
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
        f.message.contains("(45 min), peak 11.0 °C"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("mean kinetic temperature 11.0 °C"),
        "{}",
        f.message
    );
    assert_eq!(f.expected.as_deref(), Some("2.0–8.0 °C"));
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
        end[0].message.contains("peak 12.5 °C"),
        "{}",
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
    assert_eq!(s.times.len(), 96);
    assert_eq!(s.celsius.len(), 96);
    assert_eq!(s.bands.len(), 1, "one zone range, merged across uploads");
    assert_eq!((s.bands[0].range.min_c, s.bands[0].range.max_c), (2.0, 8.0));
    assert_eq!(s.bands[0].from, t0());
    assert_eq!(
        s.bands[0].to,
        t0() + Duration::hours(4) + Duration::minutes(47 * 5)
    );
}
