//! Close-ups drawn from the real readings the engine kept: eight months of one-minute readings
//! through the engine, then the close-up of its one 10-minute excursion and of a recording gap,
//! checked in the SVG (each reading a point at its real minute).

use chrono::{DateTime, Duration, TimeZone, Utc};
use rxledger_model::{Event, EventBody, Reading};
use rxledger_reconcile::{Config, Engine, Finding, TempSeries};
use rxledger_report::chart::{closeup, Mark, MarkKind, Size};
use rxledger_report::{Lang, Messages};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

/// 5–6 °C, never the same day twice.
fn noise(m: i64) -> f64 {
    5.0 + ((m * m * 31 + m * 17) % 101) as f64 / 100.0
}

/// The findings and the series of zone CR-1 with one reading a minute at the minutes `keep`
/// accepts (of `minutes`), °C from `temp`.
fn run(
    minutes: i64,
    keep: impl Fn(i64) -> bool,
    temp: impl Fn(i64) -> f64,
) -> (Vec<Finding>, TempSeries) {
    let zone = Event::from_json(r#"{"v":1,"id":"01a0effc-8960-7769-b983-74e628749874","kind":"zone_registered","occurred_at":"2025-12-31T01:45:00Z","recorded_by":["质管-周敏"],"data":{"zone":"CR-1","storage":"cold","sensors":["TH-C01"]}}"#).unwrap();
    let mut engine = Engine::new(Config::default());
    engine.trace_temperatures();
    let mut findings = engine.push(1, zone.occurred_at, &zone);
    for (i, day) in (0..minutes).step_by(1440).enumerate() {
        let end = (day + 1440).min(minutes);
        let mut e = Event::from_json(&format!(
            r#"{{"v":1,"id":"01a0f3e7-0a00-7aec-8f39-{i:012x}","kind":"temperature_reading","occurred_at":"{}","recorded_by":["系统"],"data":{{"sensor":"TH-C01","zone":"CR-1","readings":[{{"at":"2026-01-01T00:00:00Z","celsius":5.0}}]}}}}"#,
            (t0() + Duration::minutes(end)).to_rfc3339()
        ))
        .unwrap();
        if let EventBody::TemperatureReading(t) = &mut e.body {
            t.readings = (day..end)
                .filter(|m| keep(*m))
                .map(|m| Reading {
                    at: t0() + Duration::minutes(m),
                    celsius: temp(m),
                    humidity: None,
                })
                .collect();
        }
        findings.extend(engine.push(i as u64 + 2, e.occurred_at, &e));
    }
    let mut series = engine.temperature_series();
    findings.extend(engine.finish());
    (findings, series.remove(0))
}

/// The mark of the first finding of `rule`.
fn mark(findings: &[Finding], rule: &str, kind: MarkKind) -> Mark {
    let f = findings.iter().find(|f| f.rule == rule).unwrap();
    let iv = f.interval.unwrap();
    Mark {
        kind,
        from: iv.from,
        to: iv.to,
        seq: f.seq,
        label: rule.into(),
    }
}

/// The size of a close-up in the report, and its plot's width.
const SIZE: Size = Size {
    width: 472,
    height: 200,
};
const PLOT_W: f64 = 472.0 - 52.0 - 12.0;

/// Attribute `name` of every element whose opening tag starts with `start`.
fn attrs(svg: &str, start: &str, name: &str) -> Vec<f64> {
    svg.split(start)
        .skip(1)
        .map(|r| {
            let tag = r.split('>').next().unwrap();
            tag.split(&format!(" {name}=\""))
                .nth(1)
                .and_then(|v| v.split('"').next())
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("no {name} in {tag}"))
        })
        .collect()
}

/// The x of every vertex of the readings' line.
fn line_xs(svg: &str) -> Vec<f64> {
    let d = svg
        .split(r#"<path class="temp" d=""#)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap();
    d.split(['M', 'L'])
        .filter(|p| !p.is_empty())
        .map(|p| p.split(' ').next().unwrap().parse().unwrap())
        .collect()
}

#[test]
fn a_ten_minute_excursion_in_eight_months_is_drawn_from_its_real_readings() {
    const EXC: std::ops::Range<i64> = 200_000..200_010;
    let (findings, series) = run(
        240 * 1440,
        |_| true,
        |m| if EXC.contains(&m) { 11.0 } else { noise(m) },
    );
    let exc = mark(&findings, "TEMP-RANGE", MarkKind::Excursion);
    let svg = closeup(
        &series,
        &exc,
        std::slice::from_ref(&exc),
        SIZE,
        1800,
        &Messages::new(Lang::En),
    );
    assert!(svg.contains(r#"data-readings="all""#), "{svg}");
    assert!(!svg.contains(r#"class="rng""#), "no summary boxes");
    assert!(!svg.contains(r#"class="note""#));
    // The excursion spans 10 of the 130 minutes shown: 7.7 % of the plot, 31 px.
    let x = attrs(&svg, r#"<rect class="exc""#, "x")[0];
    let w = attrs(&svg, r#"<rect class="exc""#, "width")[0];
    assert!(
        (w / PLOT_W - 10.0 / 130.0).abs() < 0.005,
        "{w} px of {PLOT_W}"
    );
    // A point per reading, one a minute: 131 in the window, 11 inside the excursion (its ten
    // minutes and the reading that ended it), 3.1 px apart.
    let cx = attrs(&svg, r#"<circle class="pt""#, "cx");
    assert_eq!(cx.len(), 131);
    let inside = cx.iter().filter(|&&c| x - 0.05 <= c && c <= x + w + 0.05);
    assert_eq!(inside.count(), 11);
    let step = PLOT_W / 130.0;
    assert!(cx.windows(2).all(|p| (p[1] - p[0] - step).abs() < 0.11));
    // The ten readings at 11 °C are ten points at the same height, above the band.
    let cy = attrs(&svg, r#"<circle class="pt""#, "cy");
    let top = cy.iter().copied().fold(f64::MAX, f64::min);
    assert_eq!(cy.iter().filter(|&&y| (y - top).abs() < 0.05).count(), 10);
    assert_eq!(line_xs(&svg).len(), 131);
}

#[test]
fn a_gap_closeup_shows_the_readings_on_both_sides() {
    // Three hours without readings on the fifth day.
    let gap = 7_000..7_180;
    let (findings, series) = run(10 * 1440, |m| !gap.contains(&m), noise);
    let g = mark(&findings, "TEMP-GAP", MarkKind::Gap);
    assert_eq!(g.to - g.from, Duration::minutes(181));
    let svg = closeup(
        &series,
        &g,
        std::slice::from_ref(&g),
        SIZE,
        1800,
        &Messages::new(Lang::Zh),
    );
    assert!(svg.contains(r#"data-readings="all""#));
    let x = attrs(&svg, r#"<rect class="gap""#, "x")[0];
    let w = attrs(&svg, r#"<rect class="gap""#, "width")[0];
    // 181 minutes on each side, one reading a minute, the line broken at the gap.
    let xs = line_xs(&svg);
    let before = xs.iter().filter(|&&v| v <= x + 0.05).count();
    let after = xs.iter().filter(|&&v| v >= x + w - 0.05).count();
    assert_eq!((before, after), (182, 182));
    let d = svg.split(r#"<path class="temp" d=""#).nth(1).unwrap();
    assert_eq!(d.split('"').next().unwrap().matches('M').count(), 2);
}
