//! Charts that show the problems of a long series: the whole series as a daily min/max band
//! ([`daily_band`], a few points per day however many readings), and a close-up of the hours
//! around each excursion or gap ([`closeup`]), in which a 10-minute excursion of an 8-month
//! series spans a good part of the width instead of a hairline.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use maud::html;
use rxledger_reconcile::{Fact, Msg, TempSeries};

use super::{axes, bands, line_path, shaded, Frame, Mark, Size, Words, LEFT, TOP};
use crate::markup::{f1, t};
use crate::Messages;

/// Series longer than this (two days) are drawn as a daily band instead of a line.
pub const DAILY_BAND_AFTER_SECS: i64 = 2 * 86_400;

/// The least time shown on each side of a mark in its close-up (an hour).
const MIN_PAD_SECS: i64 = 3_600;
/// The most time shown on each side of a mark in its close-up (half a day).
const MAX_PAD_SECS: i64 = 43_200;

/// The daily lowest and highest reading as SVG path data: per run of consecutive local days
/// (the zone `offset_secs` east of UTC) one closed outline, a step up to each day's highest
/// and back along the lowest, so at most four points per day.
pub(super) fn daily_band(series: &TempSeries, fr: &Frame, offset_secs: i64) -> String {
    let mut days: BTreeMap<i64, (f32, f32)> = BTreeMap::new();
    for b in series.readings.buckets() {
        let mid = b.first_t + (b.last_t - b.first_t) / 2;
        if mid < fr.t0 || mid > fr.t1 {
            continue;
        }
        let e = days
            .entry((mid + offset_secs).div_euclid(86_400))
            .or_insert((b.min, b.max));
        e.0 = e.0.min(b.min);
        e.1 = e.1.max(b.max);
    }
    // Runs of consecutive days.
    let mut runs: Vec<Vec<(i64, f32, f32)>> = Vec::new();
    for (day, (lo, hi)) in days {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|l| l.0 + 1 == day) => run.push((day, lo, hi)),
            _ => runs.push(vec![(day, lo, hi)]),
        }
    }
    let x_day = |day: i64| {
        let t = day * 86_400 - offset_secs;
        fr.x_of(t.clamp(fr.t0, fr.t1))
    };
    let mut d = String::new();
    for run in &runs {
        let mut cmd = 'M';
        for &(day, _, hi) in run {
            let y = fr.y_of(f64::from(hi));
            let _ = write!(
                d,
                "{cmd}{:.1} {y:.1}L{:.1} {y:.1}",
                x_day(day),
                x_day(day + 1)
            );
            cmd = 'L';
        }
        for &(day, lo, hi) in run.iter().rev() {
            // At least a pixel high, so a steady day still shows.
            let y = fr.y_of(f64::from(lo)).max(fr.y_of(f64::from(hi)) + 1.0);
            let _ = write!(d, "L{:.1} {y:.1}L{:.1} {y:.1}", x_day(day + 1), x_day(day));
        }
        d.push('Z');
    }
    d
}

/// The stretch of time a close-up of `mark` shows (Unix seconds): the mark with as much time
/// on each side as it lasts, at least an hour and at most half a day.
pub fn closeup_window(mark: &Mark) -> (i64, i64) {
    let (from, to) = (mark.from.timestamp(), mark.to.timestamp());
    let pad = (to - from).clamp(MIN_PAD_SECS, MAX_PAD_SECS);
    (from - pad, to + pad)
}

/// A close-up of the hours around `mark` ([`closeup_window`]) as an inline SVG element: the
/// allowed band, every stored bucket of readings in the window as its min/max range (a box as
/// wide as the time it covers), the readings' line, and the marks in the window shaded. Same
/// classes as [`super::svg`], plus `closeup` on the element and `rng` on the boxes.
pub fn closeup(
    series: &TempSeries,
    mark: &Mark,
    marks: &[Mark],
    size: Size,
    max_gap_secs: i64,
    m: &Messages,
) -> String {
    let (t0, t1) = closeup_window(mark);
    let fr = Frame::window(series, t0, t1, size);
    let words = Words {
        title: m.render(
            &Msg::new("html-series")
                .arg("kind", Fact::Term(series.kind.as_str().to_owned()))
                .arg("name", series.name.as_str()),
        ),
        m,
        offset_secs: i64::from(m.zone().offset().local_minus_utc()),
    };
    let boxes = series
        .readings
        .buckets()
        .filter(|b| b.last_t >= fr.t0 && b.first_t <= fr.t1);
    let line = line_path(series, &fr, max_gap_secs);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart closeup" width=(size.width)
            height=(size.height) viewBox={ "0 0 " (size.width) " " (size.height) } role="img"
            aria-label=(t(&words.title)) data-seq=(mark.seq) {
            rect x=(LEFT) y=(TOP) width=(f1(fr.plot_w)) height=(f1(fr.plot_h)) fill="#fff"
                stroke="#999" {}
            (bands(series, &fr, &words))
            (axes(&fr, &words))
            (shaded(marks, &fr))
            @for b in boxes {
                @let x0 = fr.x_of(b.first_t.max(fr.t0));
                @let x1 = fr.x_of(b.last_t.min(fr.t1)).max(x0 + 1.0);
                @let y0 = fr.y_of(f64::from(b.max));
                @let y1 = fr.y_of(f64::from(b.min)).max(y0 + 1.5);
                rect class="rng" x=(f1(x0)) y=(f1(y0)) width=(f1(x1 - x0)) height=(f1(y1 - y0)) {}
            }
            @if !line.is_empty() {
                path class="temp" d=(line) {}
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use rxledger_model::TempRange;
    use rxledger_reconcile::{Band, Envelope, StreamKind};

    use super::super::{svg, MarkKind, BOTTOM, RIGHT};
    use super::*;
    use crate::Lang;

    const T0: i64 = 1_700_000_000;
    /// Eight months of minutes.
    const MINUTES: i64 = 240 * 1440;
    /// The excursion: ten minutes at 11 °C.
    const EXC: std::ops::Range<i64> = 200_000..200_010;

    fn eight_months() -> TempSeries {
        let mut e = Envelope::default();
        for m in 0..MINUTES {
            let c = if EXC.contains(&m) {
                11.0
            } else {
                5.0 + ((m % 97) as f32) / 97.0
            };
            e.push(T0 + m * 60, c);
        }
        TempSeries {
            kind: StreamKind::Zone,
            name: "CR-1".into(),
            readings: e,
            bands: vec![Band {
                from: Utc.timestamp_opt(T0, 0).unwrap(),
                to: Utc.timestamp_opt(T0 + MINUTES * 60, 0).unwrap(),
                range: TempRange {
                    min_c: 2.0,
                    max_c: 8.0,
                },
            }],
        }
    }

    fn excursion() -> Mark {
        let at = |m: i64| Utc.timestamp_opt(T0 + m * 60, 0).unwrap();
        Mark {
            kind: MarkKind::Excursion,
            from: at(EXC.start),
            to: at(EXC.end),
            seq: 42,
            label: "excursion".into(),
        }
    }

    /// The value of attribute `name` of the first element of class `class`.
    fn attr(svg: &str, class: &str, name: &str) -> f64 {
        svg.split(&format!("class=\"{class}\""))
            .nth(1)
            .and_then(|r| r.split(&format!(" {name}=\"")).nth(1))
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {name} of .{class} in {svg}"))
    }

    #[test]
    fn a_ten_minute_excursion_in_eight_months_is_wide_in_its_closeup() {
        let s = eight_months();
        let mark = excursion();
        let size = Size::default();
        let plot_w = f64::from(size.width) - LEFT - RIGHT;
        // In the whole-series chart the mark is the minimum width: a hairline.
        let whole = svg(&s, std::slice::from_ref(&mark), size, 1800);
        assert!(attr(&whole, "exc", "width") < 0.01 * plot_w);
        // In its close-up it spans well over 5 % of the plot.
        let m = Messages::new(Lang::Zh);
        let close = closeup(&s, &mark, std::slice::from_ref(&mark), size, 1800, &m);
        let w = attr(&close, "exc", "width");
        assert!(w >= 0.05 * plot_w, "{w} px of {plot_w}");
        assert!(close.contains(r#"data-seq="42""#));
        // The readings around it are drawn, and the 11 °C is reached by a box.
        let y11 = |fr_hi: f64, fr_lo: f64| {
            TOP + (fr_hi - 11.0) / (fr_hi - fr_lo) * (f64::from(size.height) - TOP - BOTTOM)
        };
        assert!(close.contains(r#"class="rng""#));
        assert!(
            close.contains(&format!("y=\"{:.1}\"", y11(12.0, 1.0))),
            "{close}"
        );
    }

    #[test]
    fn a_closeup_is_only_as_wide_as_the_hours_around_its_mark() {
        let mark = excursion();
        let (a, b) = closeup_window(&mark);
        assert_eq!(b - a, 600 + 2 * MIN_PAD_SECS);
        let long = Mark {
            to: mark.from + chrono::Duration::days(3),
            ..mark
        };
        let (a, b) = closeup_window(&long);
        assert_eq!(b - a, 3 * 86_400 + 2 * MAX_PAD_SECS);
    }

    #[test]
    fn the_long_series_is_a_daily_band_bounded_by_days() {
        let s = eight_months();
        let whole = svg(&s, &[excursion()], Size::default(), 1800);
        assert!(!whole.contains(r#"class="temp""#), "no line of readings");
        let d = whole
            .split(r#"<path class="daily" d=""#)
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap();
        let points = d.matches(['M', 'L']).count();
        // 240 days (241 local days at most): four points a day, not 345,600 readings.
        assert!(points <= 4 * 241, "{points} points");
        assert!(points >= 4 * 240, "{points} points");
        // The day of the excursion reaches 11 °C (lo = 1 below the band, hi = 12, a 180 px
        // plot).
        let y11 = TOP + (12.0 - 11.0) / 11.0 * 180.0;
        assert!(d.contains(&format!(" {y11:.1}")), "no day up to 11 °C");
    }

    #[test]
    fn a_short_series_stays_a_line() {
        let mut s = eight_months();
        let mut e = Envelope::default();
        for m in 0..1440 {
            e.push(T0 + m * 60, 5.0);
        }
        s.readings = e;
        s.bands.clear();
        let whole = svg(&s, &[], Size::default(), 1800);
        assert!(whole.contains(r#"class="temp""#));
        assert!(!whole.contains(r#"class="daily""#));
    }
}
