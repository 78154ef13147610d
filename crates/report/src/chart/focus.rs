//! Charts that show the problems of a long series: the whole series as a daily min/max band
//! ([`daily_band`], a few points per day however many readings), and a close-up of the hours
//! around each excursion or gap ([`closeup`]) drawn from the real readings the engine kept
//! around it ([`rxledger_reconcile::Closeup`]), each at its real minute: a 10-minute excursion
//! of an 8-month series spans 10/130 of its close-up (7.7 % of the width) instead of a
//! hairline, and its ten readings are ten points.
//!
//! Where the engine kept no readings (over its memory caps), the close-up draws the summary of
//! the series instead (boxes as wide as the time slots they cover, two hours for eight months)
//! and says so.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use maud::html;
use rxledger_reconcile::{Bucket, Closeup, Fact, Msg, Problem, TempSeries};

use super::{
    axes, bands, downsample, line_path, shaded, Frame, Mark, MarkKind, Size, Words, LEFT, TOP,
};
use crate::markup::{f1, t};
use crate::Messages;

/// Series longer than this (two days) are drawn as a daily band instead of a line.
pub const DAILY_BAND_AFTER_SECS: i64 = 2 * 86_400;

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
/// on each side as it lasts, at least an hour and at most half a day (the window the engine
/// keeps the readings of, [`rxledger_reconcile::closeup_window`]).
pub fn closeup_window(mark: &Mark) -> (i64, i64) {
    rxledger_reconcile::closeup_window(mark.from, mark.to)
}

/// The readings the engine kept for the close-up of `mark`, if any.
pub fn kept_readings<'a>(series: &'a TempSeries, mark: &Mark) -> Option<&'a Closeup> {
    let problem = match mark.kind {
        MarkKind::Excursion => Problem::Excursion,
        MarkKind::Gap => Problem::Gap,
    };
    let of = |c: &&Closeup| c.problem == problem && c.from == mark.from;
    let mut it = series.closeups.iter().filter(of);
    let first = it.next()?;
    Some(
        std::iter::once(first)
            .chain(it)
            .find(|c| c.to == mark.to)
            .unwrap_or(first),
    )
}

/// How much of a close-up is drawn from the real readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drawn {
    /// Every reading of the window.
    All,
    /// Some: the rest from the summary.
    Part,
    /// None: all from the summary.
    Summary,
}

impl Drawn {
    fn as_str(self) -> &'static str {
        match self {
            Drawn::All => "all",
            Drawn::Part => "part",
            Drawn::Summary => "summary",
        }
    }
}

/// The readings as SVG path data, each at its real time (or, when there are more readings
/// than pixel columns, the lowest and highest of each column in the order they came); a new
/// line (`M`) starts after a recording gap longer than `max_gap_secs`.
fn readings_path(readings: &[(i64, f32)], fr: &Frame, max_gap_secs: i64) -> String {
    let mut d = String::new();
    let mut prev: Option<i64> = None;
    let mut point = |d: &mut String, t: i64, first_t: i64, c: f32, last_t: i64| {
        let cmd = if prev.is_some_and(|p| first_t - p <= max_gap_secs) {
            'L'
        } else {
            'M'
        };
        let _ = write!(d, "{cmd}{:.1} {:.1}", fr.x_of(t), fr.y_of(f64::from(c)));
        prev = Some(last_t);
    };
    if readings.len() <= fr.columns() {
        for &(t, c) in readings {
            point(&mut d, t, t, c, t);
        }
        return d;
    }
    let buckets: Vec<Bucket> = readings.iter().map(|&(t, c)| Bucket::one(t, c)).collect();
    for col in downsample(&buckets, fr.t0, fr.t1, fr.columns()) {
        let (a, at, b, bt) = if col.min_first {
            (col.min, col.first_t, col.max, col.last_t)
        } else {
            (col.max, col.first_t, col.min, col.last_t)
        };
        point(&mut d, at, col.first_t, a, at);
        point(&mut d, bt, bt, b, col.last_t);
    }
    d
}

/// A close-up of the hours around `mark` ([`closeup_window`]) as an inline SVG element: the
/// allowed band, the real readings the engine kept for it ([`kept_readings`]) as a line with a
/// point per reading (when there is room), and the marks in the window shaded. Where no
/// readings were kept, the stored summary's buckets of the window are drawn as min/max boxes
/// (`rng`, as wide as the time they cover) with its line, and a note (`note`) says so. Same
/// classes as [`super::svg`], plus `closeup` on the element, whose `data-readings` is `all`,
/// `part` or `summary`.
pub fn closeup(
    series: &TempSeries,
    mark: &Mark,
    marks: &[Mark],
    size: Size,
    max_gap_secs: i64,
    m: &Messages,
) -> String {
    let (t0, t1) = closeup_window(mark);
    let kept = kept_readings(series, mark);
    let covered = kept.and_then(|k| k.covered);
    let drawn = match kept {
        Some(k) if k.complete() => Drawn::All,
        Some(k) if k.covered.is_some() => Drawn::Part,
        _ => Drawn::Summary,
    };
    let real: &[(i64, f32)] = match (drawn, kept) {
        (Drawn::Summary, _) | (_, None) => &[],
        (_, Some(k)) => &k.readings,
    };
    // The summary's buckets where the readings were not all kept.
    let boxes: Vec<&Bucket> = series
        .readings
        .buckets()
        .filter(|b| b.last_t >= t0 && b.first_t <= t1)
        .filter(|b| covered.is_none_or(|(lo, hi)| b.first_t < lo || b.last_t > hi))
        .filter(|_| drawn != Drawn::All)
        .collect();
    let points: Vec<Bucket> = real.iter().map(|&(t, c)| Bucket::one(t, c)).collect();
    let fr = Frame::window(series, t0, t1, size, boxes.iter().copied().chain(&points));
    let words = Words {
        title: m.render(
            &Msg::new("html-series")
                .arg("kind", Fact::Term(series.kind.as_str().to_owned()))
                .arg("name", series.name.as_str()),
        ),
        m,
        offset_secs: i64::from(m.zone().offset().local_minus_utc()),
    };
    let line = match drawn {
        Drawn::Summary => line_path(series, &fr, max_gap_secs),
        _ => readings_path(real, &fr, max_gap_secs),
    };
    // A dot per reading when they are at least 3 px apart on average.
    let dots = real.len() * 3 <= fr.columns();
    let note = match drawn {
        Drawn::All => None,
        Drawn::Part => Some("html-closeup-part"),
        Drawn::Summary => Some("html-closeup-summary"),
    };
    let slot_minutes = series.readings.width() / 60;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart closeup" width=(size.width)
            height=(size.height) viewBox={ "0 0 " (size.width) " " (size.height) } role="img"
            aria-label=(t(&words.title)) data-seq=(mark.seq) data-readings=(drawn.as_str()) {
            rect x=(LEFT) y=(TOP) width=(f1(fr.plot_w)) height=(f1(fr.plot_h)) fill="#fff"
                stroke="#999" {}
            (bands(series, &fr, &words))
            (axes(&fr, &words))
            (shaded(marks, &fr))
            @for b in &boxes {
                @let x0 = fr.x_of(b.first_t.max(fr.t0));
                @let x1 = fr.x_of(b.last_t.min(fr.t1)).max(x0 + 1.0);
                @let y0 = fr.y_of(f64::from(b.max));
                @let y1 = fr.y_of(f64::from(b.min)).max(y0 + 1.5);
                rect class="rng" x=(f1(x0)) y=(f1(y0)) width=(f1(x1 - x0)) height=(f1(y1 - y0)) {}
            }
            @if !line.is_empty() {
                path class="temp" d=(line) {}
            }
            @if dots {
                @for &(at, c) in real.iter().filter(|r| r.0 >= fr.t0 && r.0 <= fr.t1) {
                    circle class="pt" cx=(f1(fr.x_of(at))) cy=(f1(fr.y_of(f64::from(c)))) r="1.6" {}
                }
            }
            @if let Some(id) = note {
                text class="note" x=(f1(LEFT + 4.0)) y=(f1(TOP + 12.0)) {
                    (words.m.render(&Msg::new(id).arg("minutes", slot_minutes)))
                }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use rxledger_model::TempRange;
    use rxledger_reconcile::{
        Band, Envelope, StreamKind, CLOSEUP_MAX_PAD_SECS as MAX_PAD_SECS,
        CLOSEUP_MIN_PAD_SECS as MIN_PAD_SECS,
    };

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
            closeups: Vec::new(),
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

    /// Without the real readings (over the engine's caps), the close-up draws the summary
    /// and says so.
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
        assert!(close.contains(r#"data-readings="summary""#));
        assert!(
            close.contains("汇总：每格 128 分钟（超出内存上限）"),
            "{close}"
        );
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

    /// The readings kept for part of the window are drawn as they are, the rest from the
    /// summary, and the chart says so.
    #[test]
    fn a_partly_kept_window_draws_both_and_says_so() {
        let mut s = eight_months();
        let mark = excursion();
        let window = closeup_window(&mark);
        // Kept from the excursion's start on only.
        let from = mark.from.timestamp();
        let readings: Vec<(i64, f32)> = (0..=70)
            .map(|i| (from + i * 60, if i < 10 { 11.0 } else { 5.5 }))
            .collect();
        s.closeups.push(Closeup {
            problem: Problem::Excursion,
            from: mark.from,
            to: mark.to,
            window,
            readings,
            covered: Some((from, window.1)),
        });
        let m = Messages::new(Lang::En);
        let close = closeup(
            &s,
            &mark,
            std::slice::from_ref(&mark),
            Size::default(),
            1800,
            &m,
        );
        assert!(close.contains(r#"data-readings="part""#));
        assert!(close.contains("partly from the summary, 128-min slots (memory cap)"));
        assert_eq!(close.matches(r#"<circle class="pt""#).count(), 71);
        // The boxes are the summary's slots before the kept readings only.
        let boxes = close.matches(r#"class="rng""#).count();
        assert!((1..=2).contains(&boxes), "{boxes}");
        // A gap mark finds no kept readings of an excursion.
        let gap = Mark {
            kind: MarkKind::Gap,
            ..mark.clone()
        };
        assert!(kept_readings(&s, &gap).is_none());
        assert!(kept_readings(&s, &mark).is_some());
    }
}
