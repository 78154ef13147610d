//! Temperature charts as inline SVG: the readings of one zone or vehicle, the allowed band, the
//! excursions shaded and the recording gaps marked.
//!
//! A year of one-minute readings is about 525,000 points per sensor, far more than a chart has
//! pixels. The engine keeps them as an [`Envelope`] (a few thousand time buckets, each with its
//! lowest and highest reading), and [`downsample`] reduces those to one [`Column`] per pixel
//! column, again keeping the lowest and the highest (in the order they occurred), so the drawn
//! line reaches every extreme: no excursion disappears, however short. Excursions and gaps are
//! drawn as rectangles at least [`MIN_MARK_PX`] wide.
//!
//! ```
//! use rxledger_report::chart::downsample;
//! use rxledger_reconcile::Envelope;
//!
//! // A day of one-minute readings at 5 °C with one minute at 11 °C.
//! let mut readings = Envelope::default();
//! for m in 0..1440 {
//!     readings.push(m * 60, if m == 700 { 11.0 } else { 5.0 });
//! }
//! let columns = downsample(readings.buckets(), 0, 1439 * 60, 100);
//! assert_eq!(columns.len(), 100);
//! assert!(columns.iter().any(|c| c.max == 11.0)); // the spike survives
//! ```

use std::fmt::Write as _;

use chrono::{DateTime, TimeZone, Utc};
use maud::{html, Markup};
use rxledger_reconcile::{Bucket, Fact, Msg, TempSeries};

use crate::markup::{f1, t, Fixed};
use crate::Messages;

mod focus;
use focus::daily_band;
pub use focus::{closeup, closeup_window, kept_readings, DAILY_BAND_AFTER_SECS};

/// Narrowest width of an excursion or gap mark, in pixels.
pub const MIN_MARK_PX: f64 = 2.0;

/// The readings that fall into one pixel column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    /// Column index (0 = leftmost).
    pub x: usize,
    /// Lowest reading, °C.
    pub min: f32,
    /// Highest reading, °C.
    pub max: f32,
    /// Whether the lowest reading came before the highest (the order to draw them in).
    pub min_first: bool,
    /// Time of the column's first reading (Unix seconds).
    pub first_t: i64,
    /// Time of the column's last reading (Unix seconds).
    pub last_t: i64,
}

/// Reduces bucketed readings to at most one [`Column`] per pixel column over `[t0, t1]` (Unix
/// seconds; a bucket belongs to the column of its middle, and buckets outside are skipped).
/// Columns without readings are left out.
pub fn downsample<'a>(
    buckets: impl IntoIterator<Item = &'a Bucket>,
    t0: i64,
    t1: i64,
    columns: usize,
) -> Vec<Column> {
    let columns = columns.max(1);
    let span = (t1 - t0).max(1) as f64;
    let mut acc: Vec<Option<Bucket>> = vec![None; columns];
    for b in buckets {
        let mid = b.first_t + (b.last_t - b.first_t) / 2;
        if mid < t0 || mid > t1 {
            continue;
        }
        // Non-negative: mid >= t0 here.
        #[allow(clippy::cast_sign_loss)]
        let x = (((mid - t0) as f64 / span) * (columns - 1) as f64).round() as usize;
        let Some(slot) = acc.get_mut(x.min(columns - 1)) else {
            continue;
        };
        match slot {
            None => *slot = Some(*b),
            Some(a) => a.merge(b),
        }
    }
    acc.into_iter()
        .enumerate()
        .filter_map(|(x, a)| {
            a.map(|b| Column {
                x,
                min: b.min,
                max: b.max,
                min_first: b.min_t <= b.max_t,
                first_t: b.first_t,
                last_t: b.last_t,
            })
        })
        .collect()
}

/// What a shaded mark on the chart stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A temperature excursion (`TEMP-RANGE`).
    Excursion,
    /// A recording gap (`TEMP-GAP`).
    Gap,
}

/// A stretch of time to shade, with the record it comes from.
#[derive(Clone, Debug)]
pub struct Mark {
    /// Excursion or gap.
    pub kind: MarkKind,
    /// Start.
    pub from: DateTime<Utc>,
    /// End.
    pub to: DateTime<Utc>,
    /// The finding's record.
    pub seq: u64,
    /// Tooltip text.
    pub label: String,
}

/// Chart size in pixels.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// Total width.
    pub width: u32,
    /// Total height.
    pub height: u32,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            width: 960,
            height: 220,
        }
    }
}

const LEFT: f64 = 52.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 30.0;

/// An axis label in the zone `offset_secs` east of UTC: the hour for charts of up to two days,
/// else the date.
fn when(t: i64, span_secs: i64, offset_secs: i64) -> String {
    let format = if span_secs <= 2 * 86_400 {
        "%m-%d %H:%M"
    } else {
        "%Y-%m-%d"
    };
    Utc.timestamp_opt(t + offset_secs, 0)
        .single()
        .map(|d| d.format(format).to_string())
        .unwrap_or_default()
}

/// The words and the zone of a chart, from a catalogue.
struct Words<'a> {
    /// `zone CR-1` / `库区 CR-1`.
    title: String,
    /// The catalogue.
    m: &'a Messages,
    /// Seconds east of UTC the time axis is in.
    offset_secs: i64,
}

/// Where things go on one chart: the plot area, and the time and temperature it spans.
struct Frame {
    plot_w: f64,
    plot_h: f64,
    /// Time span, Unix seconds (`t0 < t1`).
    t0: i64,
    t1: i64,
    /// Temperature span, °C (whole degrees, a degree beyond the data and the bands).
    lo: f64,
    hi: f64,
}

/// The temperature axis of a chart: from a degree below the lowest to a degree above the
/// highest of the `buckets`' readings and the series' allowed ranges, in whole degrees (0–10 °C
/// when there is nothing to show).
fn temp_axis<'a>(series: &TempSeries, buckets: impl Iterator<Item = &'a Bucket>) -> (f64, f64) {
    let (mut lo, mut hi) = buckets.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), b| {
        (lo.min(b.min), hi.max(b.max))
    });
    for b in &series.bands {
        lo = lo.min(b.range.min_c as f32);
        hi = hi.max(b.range.max_c as f32);
    }
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 10.0);
    }
    (f64::from(lo).floor() - 1.0, f64::from(hi).ceil() + 1.0)
}

impl Frame {
    /// The frame of `series` and its `marks` in a chart of `size`: the time axis spans the
    /// readings, the bands and the marks.
    fn new(series: &TempSeries, marks: &[Mark], size: Size) -> Frame {
        let plot_w = (f64::from(size.width) - LEFT - RIGHT).max(10.0);
        let plot_h = (f64::from(size.height) - TOP - BOTTOM).max(10.0);
        let spans = marks
            .iter()
            .map(|m| (m.from, m.to))
            .chain(series.bands.iter().map(|b| (b.from, b.to)))
            .flat_map(|(a, b)| [a.timestamp(), b.timestamp()]);
        let (mut t0, mut t1) = series
            .readings
            .span()
            .into_iter()
            .flat_map(|(a, b)| [a, b])
            .chain(spans)
            .fold((i64::MAX, i64::MIN), |(lo, hi), t| (lo.min(t), hi.max(t)));
        if t0 > t1 {
            (t0, t1) = (0, 0);
        }
        if t1 <= t0 {
            t1 = t0 + 60;
        }
        let (lo, hi) = temp_axis(series, series.readings.buckets());
        Frame {
            plot_w,
            plot_h,
            t0,
            t1,
            lo,
            hi,
        }
    }

    /// The frame of the part of `series` within `[t0, t1]` (`t0 < t1`): the temperature axis
    /// spans the readings of `drawn` (buckets or single readings) and the bands.
    fn window<'a>(
        series: &TempSeries,
        t0: i64,
        t1: i64,
        size: Size,
        drawn: impl Iterator<Item = &'a Bucket>,
    ) -> Frame {
        let plot_w = (f64::from(size.width) - LEFT - RIGHT).max(10.0);
        let plot_h = (f64::from(size.height) - TOP - BOTTOM).max(10.0);
        let (lo, hi) = temp_axis(series, drawn);
        Frame {
            plot_w,
            plot_h,
            t0,
            t1: t1.max(t0 + 60),
            lo,
            hi,
        }
    }

    fn x_of(&self, t: i64) -> f64 {
        LEFT + (t - self.t0) as f64 / (self.t1 - self.t0) as f64 * self.plot_w
    }

    fn y_of(&self, c: f64) -> f64 {
        TOP + (self.hi - c) / (self.hi - self.lo) * self.plot_h
    }

    /// Pixel columns of the plot (at least 10: `plot_w` is clamped).
    #[allow(clippy::cast_sign_loss)]
    fn columns(&self) -> usize {
        self.plot_w as usize
    }
}

/// Renders one series as an inline SVG element: the allowed band(s), the downsampled readings,
/// the `marks` (excursions shaded red, gaps grey), axes with times in China Standard Time. The
/// line breaks wherever no reading was taken for longer than `max_gap_secs` (the recording-gap
/// limit of the zone or vehicle).
///
/// Every mark becomes `<rect class="exc|gap" data-seq=… data-from=… data-to=…>` (RFC 3339 UTC
/// times) with a tooltip, so a reader, a test or a script can find it.
pub fn svg(series: &TempSeries, marks: &[Mark], size: Size, max_gap_secs: i64) -> String {
    svg_in(
        series,
        marks,
        size,
        max_gap_secs,
        &Messages::new(crate::Lang::En),
    )
}

/// [`svg`] with the words of catalogue `m` (the title, the band's tooltip) and its zone on the
/// time axis.
pub fn svg_in(
    series: &TempSeries,
    marks: &[Mark],
    size: Size,
    max_gap_secs: i64,
    m: &Messages,
) -> String {
    let words = Words {
        title: m.render(
            &Msg::new("html-series")
                .arg("kind", Fact::Term(series.kind.as_str().to_owned()))
                .arg("name", series.name.as_str()),
        ),
        m,
        offset_secs: i64::from(m.zone().offset().local_minus_utc()),
    };
    let fr = Frame::new(series, marks, size);
    // A long series as a daily band (bounded by days, not readings), a short one as its line.
    let (class, line) = if fr.t1 - fr.t0 > DAILY_BAND_AFTER_SECS {
        ("daily", daily_band(series, &fr, words.offset_secs))
    } else {
        ("temp", line_path(series, &fr, max_gap_secs))
    };
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart" width=(size.width)
            height=(size.height) viewBox={ "0 0 " (size.width) " " (size.height) } role="img"
            aria-label=(t(&words.title)) {
            rect x=(LEFT) y=(TOP) width=(f1(fr.plot_w)) height=(f1(fr.plot_h)) fill="#fff"
                stroke="#999" {}
            (bands(series, &fr, &words))
            (axes(&fr, &words))
            (shaded(marks, &fr))
            @if !line.is_empty() {
                path class=(class) d=(line) {}
            }
        }
    }
    .into_string()
}

/// The allowed temperature range over time, as green bands.
fn bands(series: &TempSeries, fr: &Frame, words: &Words) -> Markup {
    html! {
        @for b in series.bands.iter().filter(|b| b.to.timestamp() >= fr.t0 && b.from.timestamp() <= fr.t1) {
            @let x0 = fr.x_of(b.from.timestamp().max(fr.t0));
            @let x1 = fr.x_of(b.to.timestamp().min(fr.t1)).max(x0 + 1.0);
            @let (y0, y1) = (fr.y_of(b.range.max_c), fr.y_of(b.range.min_c));
            rect class="band" x=(f1(x0)) y=(f1(y0)) width=(f1(x1 - x0)) height=(f1(y1 - y0)) {
                title {
                    (words.m.render(
                        &Msg::new("html-chart-allowed")
                            .arg("min", Fact::Celsius(b.range.min_c))
                            .arg("max", Fact::Celsius(b.range.max_c)),
                    ))
                }
            }
        }
    }
}

/// Grid lines with temperatures (a tick every whole step that gives about five) and five time
/// labels (three on a narrow chart).
fn axes(fr: &Frame, words: &Words) -> Markup {
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
        .into_iter()
        .find(|st| (fr.hi - fr.lo) / st <= 8.0)
        .unwrap_or(100.0);
    let mut ticks = Vec::new();
    let mut c = (fr.lo / step).ceil() * step;
    while c <= fr.hi {
        ticks.push(c);
        c += step;
    }
    html! {
        @for c in ticks {
            @let y = fr.y_of(c);
            line class="grid" x1=(LEFT) y1=(f1(y)) x2=(f1(LEFT + fr.plot_w)) y2=(f1(y)) {}
            // `+ 0.0`: no "-0".
            text x=(f1(LEFT - 4.0)) y=(f1(y + 4.0)) text-anchor="end" { (Fixed(c + 0.0, 0)) " °C" }
        }
        // Five time labels, three on a narrow chart (a close-up), so they never overlap.
        @let n: i64 = if fr.plot_w < 600.0 { 2 } else { 4 };
        @for i in 0..=n {
            @let t = fr.t0 + (fr.t1 - fr.t0) * i / n;
            @let anchor = if i == 0 { "start" } else if i == n { "end" } else { "middle" };
            text x=(f1(fr.x_of(t))) y=(f1(TOP + fr.plot_h + 16.0)) text-anchor=(anchor) {
                (when(t, fr.t1 - fr.t0, words.offset_secs))
            }
        }
    }
}

/// Excursions and gaps as shaded rectangles at least [`MIN_MARK_PX`] wide (clipped to the
/// frame; marks outside it are left out).
fn shaded(marks: &[Mark], fr: &Frame) -> Markup {
    let inside = |m: &&Mark| m.to.timestamp() >= fr.t0 && m.from.timestamp() <= fr.t1;
    html! {
        @for m in marks.iter().filter(inside) {
            @let (x0, x1) = (
                fr.x_of(m.from.timestamp().max(fr.t0)),
                fr.x_of(m.to.timestamp().min(fr.t1)),
            );
            @let (x, width) = if x1 - x0 < MIN_MARK_PX {
                (f64::midpoint(x0, x1) - MIN_MARK_PX / 2.0, MIN_MARK_PX)
            } else {
                (x0, x1 - x0)
            };
            @let class = match m.kind { MarkKind::Excursion => "exc", MarkKind::Gap => "gap" };
            rect class=(class) data-seq=(m.seq) data-from=(m.from.to_rfc3339())
                data-to=(m.to.to_rfc3339()) x=(f1(x)) y=(TOP) width=(f1(width))
                height=(f1(fr.plot_h)) {
                title { (t(&m.label)) }
            }
        }
    }
}

/// The readings as SVG path data, one or two points per pixel column; a new line (`M`) starts
/// after a recording gap longer than `max_gap_secs`.
fn line_path(series: &TempSeries, fr: &Frame, max_gap_secs: i64) -> String {
    let columns = fr.columns();
    let cols = downsample(series.readings.buckets(), fr.t0, fr.t1, columns);
    let col_x = |x: usize| LEFT + x as f64 / (columns.max(2) - 1) as f64 * fr.plot_w;
    let mut d = String::new();
    let mut prev: Option<i64> = None;
    for col in &cols {
        let x = col_x(col.x);
        let (a, b) = if col.min_first {
            (col.min, col.max)
        } else {
            (col.max, col.min)
        };
        let cmd = if prev.is_some_and(|p| col.first_t - p <= max_gap_secs) {
            'L'
        } else {
            'M'
        };
        let _ = write!(d, "{cmd}{x:.1} {:.1}", fr.y_of(f64::from(a)));
        // The same reading twice (exactly) needs one point, unless it starts a line.
        if a.to_bits() != b.to_bits() || cmd == 'M' {
            let _ = write!(d, "L{x:.1} {:.1}", fr.y_of(f64::from(b)));
        }
        prev = Some(col.last_t);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use rxledger_model::TempRange;
    use rxledger_reconcile::{Band, Envelope, StreamKind};

    fn series(name: &str, readings: impl IntoIterator<Item = (i64, f32)>) -> TempSeries {
        let mut e = Envelope::default();
        for (t, c) in readings {
            e.push(t, c);
        }
        TempSeries {
            kind: StreamKind::Zone,
            name: name.into(),
            readings: e,
            bands: Vec::new(),
            closeups: Vec::new(),
        }
    }

    /// A year of minutes between 5 and 6 °C with 45 minutes at 11 °C and one minute at 1 °C.
    fn year_with_excursion() -> impl Iterator<Item = (i64, f32)> {
        (0..525_600i64).map(|m| {
            let c = if (300_000..300_045).contains(&m) {
                11.0
            } else if m == 100_000 {
                1.0
            } else {
                5.0 + ((m % 97) as f32) / 97.0
            };
            (1_700_000_000 + m * 60, c)
        })
    }

    #[test]
    fn downsampling_keeps_every_extreme() {
        let s = series("Z", year_with_excursion());
        let (t0, t1) = s.readings.span().unwrap();
        let cols = downsample(s.readings.buckets(), t0, t1, 900);
        assert_eq!(cols.len(), 900, "a year of minutes fills every column");
        let max = cols.iter().map(|c| c.max).fold(f32::MIN, f32::max);
        let min = cols.iter().map(|c| c.min).fold(f32::MAX, f32::min);
        assert!((max - 11.0).abs() < f32::EPSILON);
        assert!((min - 1.0).abs() < f32::EPSILON);
        // Only the columns around the events reach them.
        assert!(cols.iter().filter(|c| c.max > 8.0).count() <= 2);
    }

    #[test]
    fn the_line_breaks_at_recording_gaps_only() {
        // Sparse readings (one a minute over an hour: many columns apart) stay one line.
        let sparse = series("V", (0..60).map(|m| (m * 60, 5.0)));
        let svg1 = svg(&sparse, &[], Size::default(), 300);
        assert_eq!(svg1.matches('M').count(), 1, "{svg1}");
        // Ten hours without readings (more than the 30-minute limit) break it.
        let gap = series(
            "CR-1",
            [
                (0, 5.0),
                (60, 5.5),
                (120, 6.0),
                (36_000, 4.0),
                (36_060, 4.5),
            ],
        );
        let (t0, t1) = gap.readings.span().unwrap();
        assert_eq!(downsample(gap.readings.buckets(), t0, t1, 100).len(), 2);
        let svg2 = svg(&gap, &[], Size::default(), 1800);
        assert_eq!(svg2.matches('M').count(), 2, "{svg2}");
    }

    #[test]
    fn a_short_excursion_in_a_year_is_shaded_and_drawn() {
        let at = |m: i64| Utc.timestamp_opt(1_700_000_000 + m * 60, 0).unwrap();
        let mark = Mark {
            kind: MarkKind::Excursion,
            from: at(300_000),
            to: at(300_045),
            seq: 7,
            label: "excursion".into(),
        };
        let mut s = series("CR<1>", year_with_excursion());
        s.bands.push(Band {
            from: at(0),
            to: at(525_599),
            range: TempRange {
                min_c: 2.0,
                max_c: 8.0,
            },
        });
        let svg = svg(&s, &[mark], Size::default(), 1800);
        assert!(svg.len() < 60_000, "{} bytes", svg.len());
        assert!(svg.contains(r#"class="exc" data-seq="7""#));
        assert!(svg.contains("aria-label=\"zone CR&lt;1&gt;\""));
        // The excursion is at least MIN_MARK_PX wide although 45 minutes are 0.08 px.
        let w: f64 = svg
            .split(r#"class="exc""#)
            .nth(1)
            .and_then(|r| r.split("width=\"").nth(1))
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        assert!(w >= MIN_MARK_PX);
        // The daily band reaches 11 °C: y of 11 °C with lo = 0, hi = 12 and a 180 px plot.
        let y11 = TOP + (12.0 - 11.0) / 12.0 * (220.0 - TOP - BOTTOM);
        let d = svg.split(r#"<path class="daily" d=""#).nth(1).unwrap();
        assert!(d.contains(&format!(" {y11:.1}")), "no point at 11 °C");
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;
    use rxledger_reconcile::Envelope;

    proptest! {
        /// Every reading lies within its column's [min, max], and the columns' extremes are the
        /// series' extremes: downsampling never hides a reading's excursion.
        #[test]
        fn every_reading_is_within_its_column(
            steps in prop::collection::vec((1i64..600, -400i32..400), 1..2000),
            columns in 1usize..300,
        ) {
            let mut t = 1_700_000_000i64;
            let mut readings = Vec::new();
            let mut env = Envelope::default();
            for (dt, c) in steps {
                t += dt;
                let c = c as f32 / 10.0;
                readings.push((t, c));
                env.push(t, c);
            }
            let (t0, t1) = env.span().unwrap();
            let cols = downsample(env.buckets(), t0, t1, columns);
            prop_assert!(cols.len() <= columns);
            prop_assert!(cols.windows(2).all(|w| w[0].x < w[1].x));
            for &(ti, ci) in &readings {
                let col = cols.iter().find(|c| c.first_t <= ti && ti <= c.last_t);
                prop_assert!(col.is_some(), "reading at {} in no column", ti);
                let col = col.unwrap();
                prop_assert!(col.min <= ci && ci <= col.max);
            }
            let max = readings.iter().map(|r| r.1).fold(f32::MIN, f32::max);
            let min = readings.iter().map(|r| r.1).fold(f32::MAX, f32::min);
            prop_assert!(cols.iter().any(|c| c.max.to_bits() == max.to_bits()));
            prop_assert!(cols.iter().any(|c| c.min.to_bits() == min.to_bits()));
        }
    }
}
