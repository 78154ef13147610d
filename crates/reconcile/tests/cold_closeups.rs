//! The real readings kept around excursions and gaps for their close-ups: the readings of the
//! window at their real minutes, the same findings with and without tracing, and memory bounded
//! by the caps.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rxledger_model::{Event, EventBody, Reading};
use rxledger_reconcile::{
    closeup_window, Config, Engine, Finding, Problem, TempSeries, CLOSEUPS_MAX_READINGS,
    CLOSEUP_MAX_READINGS,
};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

fn zone() -> Event {
    Event::from_json(r#"{"v":1,"id":"01a0effc-8960-7769-b983-74e628749874","kind":"zone_registered","occurred_at":"2025-12-31T01:45:00Z","recorded_by":["质管-周敏"],"data":{"zone":"CR-1","storage":"cold","sensors":["TH-C01"]}}"#).unwrap()
}

/// One upload per day of the minutes `minutes` (from `t0`), °C from `temp(minute)`.
fn uploads(minutes: std::ops::Range<i64>, temp: impl Fn(i64) -> f64) -> Vec<Event> {
    let template = Event::from_json(r#"{"v":1,"id":"01a0f3e7-0a00-7aec-8f39-000000000000","kind":"temperature_reading","occurred_at":"2026-01-01T00:00:00Z","recorded_by":["系统"],"data":{"sensor":"TH-C01","zone":"CR-1","readings":[{"at":"2026-01-01T00:00:00Z","celsius":5.0}]}}"#).unwrap();
    let mut out = Vec::new();
    let mut day = minutes.start;
    while day < minutes.end {
        let end = (day + 1440).min(minutes.end);
        let mut e = template.clone();
        e.id = uuid::Uuid::from_u128(
            0x01a0_f3e7_0a00_7aec_8f39_0000_0000_0000 + u128::from(day.unsigned_abs()),
        );
        e.occurred_at = t0() + Duration::minutes(end);
        if let EventBody::TemperatureReading(t) = &mut e.body {
            t.readings = (day..end)
                .map(|m| Reading {
                    at: t0() + Duration::minutes(m),
                    celsius: temp(m),
                    humidity: None,
                })
                .collect();
        }
        out.push(e);
        day = end;
    }
    out
}

/// The findings of `events` and, when `trace`, the series.
fn run(events: &[Event], trace: bool) -> (Vec<Finding>, Vec<TempSeries>) {
    let mut engine = Engine::new(Config::default());
    if trace {
        engine.trace_temperatures();
    }
    let mut out = Vec::new();
    let z = zone();
    out.extend(engine.push(1, z.occurred_at, &z));
    for (i, e) in events.iter().enumerate() {
        out.extend(engine.push(i as u64 + 2, e.occurred_at, e));
    }
    let series = engine.temperature_series();
    out.extend(engine.finish());
    (out, series)
}

/// 5–6 °C, never the same day twice (or the copied-readings rule would fire).
fn noise(m: i64) -> f64 {
    5.0 + ((m * m * 31 + m * 17) % 101) as f64 / 100.0
}

/// Eight months of minutes.
const MINUTES: i64 = 240 * 1440;
/// Ten minutes at 11 °C.
const EXC: std::ops::Range<i64> = 200_000..200_010;

#[test]
fn a_ten_minute_excursion_in_eight_months_keeps_its_real_readings() {
    let events = uploads(
        0..MINUTES,
        |m| {
            if EXC.contains(&m) {
                11.0
            } else {
                noise(m)
            }
        },
    );
    let (plain, _) = run(&events, false);
    let (traced, series) = run(&events, true);
    assert_eq!(
        serde_json::to_string(&plain).unwrap(),
        serde_json::to_string(&traced).unwrap(),
        "tracing changes no finding"
    );
    assert_eq!(plain.len(), 1, "{plain:#?}");
    let iv = plain[0].interval.unwrap();
    let s = &series[0];
    assert_eq!(s.closeups.len(), 1);
    let c = &s.closeups[0];
    assert_eq!(
        (c.problem, c.from, c.to),
        (Problem::Excursion, iv.from, iv.to)
    );
    assert_eq!(c.window, closeup_window(iv.from, iv.to));
    assert!(c.complete());
    // The hour before, the ten minutes, the hour after: one reading a minute, 131 in all.
    assert_eq!(c.readings.len(), 131);
    let minute = |m: i64| (t0() + Duration::minutes(m)).timestamp();
    assert_eq!(
        c.readings[0],
        (minute(EXC.start - 60), noise(EXC.start - 60) as f32)
    );
    assert!(c.readings.windows(2).all(|w| w[1].0 - w[0].0 == 60));
    let inside: Vec<_> = c
        .readings
        .iter()
        .filter(|r| (r.1 - 11.0).abs() < 1e-6)
        .collect();
    assert_eq!(inside.len(), 10);
    assert_eq!(inside[0].0, minute(EXC.start));
}

#[test]
fn a_gap_keeps_the_readings_on_both_sides() {
    // Three hours without readings from minute 10,000.
    let events = uploads(0..20_000, |_| 5.0)
        .into_iter()
        .filter_map(|mut e| {
            if let EventBody::TemperatureReading(t) = &mut e.body {
                t.readings
                    .retain(|r| !(10_000..10_180).contains(&(r.at - t0()).num_minutes()));
            }
            (!matches!(&e.body, EventBody::TemperatureReading(t) if t.readings.is_empty()))
                .then_some(e)
        })
        .collect::<Vec<_>>();
    let (findings, series) = run(&events, true);
    let gap = findings.iter().find(|f| f.rule == "TEMP-GAP").unwrap();
    let iv = gap.interval.unwrap();
    let c = &series[0].closeups[0];
    assert_eq!((c.problem, c.from, c.to), (Problem::Gap, iv.from, iv.to));
    // The gap's length (181 minutes) on each side, one reading a minute.
    let before = c
        .readings
        .iter()
        .filter(|r| r.0 <= iv.from.timestamp())
        .count();
    let after = c
        .readings
        .iter()
        .filter(|r| r.0 >= iv.to.timestamp())
        .count();
    assert_eq!((before, after), (182, 182));
    assert!(c.complete());
}

#[test]
fn thousands_of_excursions_hit_the_total_cap_and_fall_back_to_the_summary() {
    // An excursion of ten minutes every twenty minutes: 9,000 of them, 131 readings each.
    let n = 9_000;
    let events = uploads(0..n * 20, |m| if m % 20 < 10 { 11.0 } else { 5.0 });
    let (plain, _) = run(&events, false);
    let (traced, series) = run(&events, true);
    assert_eq!(plain.len(), traced.len());
    let closeups = &series[0].closeups;
    assert_eq!(closeups.len(), 9_000, "one per excursion, kept or not");
    let kept: usize = closeups.iter().map(|c| c.readings.len()).sum();
    assert!(kept <= CLOSEUPS_MAX_READINGS, "{kept}");
    assert!(closeups
        .iter()
        .all(|c| c.readings.len() <= CLOSEUP_MAX_READINGS));
    // The first ones are complete, the last ones kept nothing: their charts use the summary.
    assert!(closeups[0].complete());
    let last = closeups.last().unwrap();
    assert!(
        last.readings.is_empty() && last.covered.is_none(),
        "{last:?}"
    );
    let complete = closeups.iter().filter(|c| c.complete()).count();
    assert!(complete > 7_000 && complete < 8_100, "{complete}");
}
