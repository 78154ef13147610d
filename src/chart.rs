//! Temperature charts as inline SVG: the readings of one zone or vehicle, the allowed band, the
//! excursions shaded and the recording gaps marked.
//!
//! A year of one-minute readings is about 525,000 points per sensor, far more than a chart has
//! pixels. [`downsample`] keeps, for every pixel column, the lowest and the highest reading (in the
//! order they occurred), so the drawn line reaches every extreme: no excursion disappears, however
//! short. Excursions and gaps are drawn as rectangles at least [`MIN_MARK_PX`] wide.
//!
//! ```
//! use rxledger::chart::downsample;
//!
//! // A day of one-minute readings at 5 °C with one minute at 11 °C.
//! let times: Vec<i64> = (0..1440).map(|m| m * 60).collect();
//! let mut celsius = vec![5.0f32; 1440];
//! celsius[700] = 11.0;
//! let columns = downsample(&times, &celsius, 0, 1439 * 60, 100);
//! assert_eq!(columns.len(), 100);
//! assert!(columns.iter().any(|c| c.max == 11.0)); // the spike survives
//! ```

use std::fmt::Write as _;

use chrono::{DateTime, TimeZone, Utc};
use rxledger_reconcile::TempSeries;

use crate::report::xml_escape as esc;

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

/// Reduces readings to at most one [`Column`] per pixel column over `[t0, t1]` (Unix seconds;
/// readings outside are skipped). Columns without readings are left out.
pub fn downsample(times: &[i64], celsius: &[f32], t0: i64, t1: i64, columns: usize) -> Vec<Column> {
    let columns = columns.max(1);
    let span = (t1 - t0).max(1) as f64;
    // (min, index of min, max, index of max, first time, last time) per column.
    type Acc = (f32, usize, f32, usize, i64, i64);
    let mut acc: Vec<Option<Acc>> = vec![None; columns];
    for (i, (&t, &c)) in times.iter().zip(celsius).enumerate() {
        if t < t0 || t > t1 || !c.is_finite() {
            continue;
        }
        // Non-negative: t >= t0 here.
        #[allow(clippy::cast_sign_loss)]
        let x = (((t - t0) as f64 / span) * (columns - 1) as f64).round() as usize;
        let Some(slot) = acc.get_mut(x.min(columns - 1)) else {
            continue;
        };
        match slot {
            None => *slot = Some((c, i, c, i, t, t)),
            Some((lo, lo_i, hi, hi_i, first, last)) => {
                *first = (*first).min(t);
                *last = (*last).max(t);
                if c < *lo {
                    *lo = c;
                    *lo_i = i;
                }
                if c > *hi {
                    *hi = c;
                    *hi_i = i;
                }
            }
        }
    }
    acc.into_iter()
        .enumerate()
        .filter_map(|(x, a)| {
            a.map(|(min, lo_i, max, hi_i, first_t, last_t)| Column {
                x,
                min,
                max,
                min_first: lo_i <= hi_i,
                first_t,
                last_t,
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

fn when(t: i64) -> String {
    Utc.timestamp_opt(t, 0)
        .single()
        .map(|d| {
            (d + chrono::Duration::hours(8))
                .format("%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// Renders one series as an inline SVG element: the allowed band(s), the downsampled readings,
/// the `marks` (excursions shaded red, gaps grey), axes with times in China Standard Time. The
/// line breaks wherever no reading was taken for longer than `max_gap_secs` (the recording-gap
/// limit of the zone or vehicle).
///
/// Every mark becomes `<rect class="exc|gap" data-seq=… data-from=… data-to=…>` (RFC 3339 UTC
/// times) with a tooltip, so a reader, a test or a script can find it.
// Geometry reads best with the usual short names (x, y, w, h, …).
#[allow(clippy::many_single_char_names)]
pub fn svg(series: &TempSeries, marks: &[Mark], size: Size, max_gap_secs: i64) -> String {
    let w = f64::from(size.width);
    let h = f64::from(size.height);
    let plot_w = (w - LEFT - RIGHT).max(10.0);
    let plot_h = (h - TOP - BOTTOM).max(10.0);
    // At least 10: plot_w is clamped above.
    #[allow(clippy::cast_sign_loss)]
    let columns = plot_w as usize;

    // The time axis spans the readings, the bands and the marks.
    let spans = marks
        .iter()
        .map(|m| (m.from, m.to))
        .chain(series.bands.iter().map(|b| (b.from, b.to)))
        .flat_map(|(a, b)| [a.timestamp(), b.timestamp()]);
    let (mut t0, mut t1) = series
        .times
        .iter()
        .copied()
        .chain(spans)
        .fold((i64::MAX, i64::MIN), |(lo, hi), t| (lo.min(t), hi.max(t)));
    if t0 > t1 {
        (t0, t1) = (0, 0);
    }
    if t1 <= t0 {
        t1 = t0 + 60;
    }
    let (mut lo, mut hi) = series
        .celsius
        .iter()
        .filter(|c| c.is_finite())
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &c| {
            (lo.min(c), hi.max(c))
        });
    for b in &series.bands {
        lo = lo.min(b.range.min_c as f32);
        hi = hi.max(b.range.max_c as f32);
    }
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 10.0);
    }
    let (lo, hi) = (f64::from(lo).floor() - 1.0, f64::from(hi).ceil() + 1.0);
    let x_of = |t: i64| LEFT + (t - t0) as f64 / (t1 - t0) as f64 * plot_w;
    let y_of = |c: f64| TOP + (hi - c) / (hi - lo) * plot_h;

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{}" height="{}" viewBox="0 0 {} {}" role="img" aria-label="{} {}">"#,
        size.width,
        size.height,
        size.width,
        size.height,
        series.kind.as_str(),
        esc(&series.name)
    );
    let _ = write!(
        s,
        r##"<rect x="{LEFT}" y="{TOP}" width="{plot_w:.1}" height="{plot_h:.1}" fill="#fff" stroke="#999"/>"##
    );
    for b in &series.bands {
        let x0 = x_of(b.from.timestamp());
        let x1 = x_of(b.to.timestamp()).max(x0 + 1.0);
        let y0 = y_of(b.range.max_c);
        let y1 = y_of(b.range.min_c);
        let _ = write!(
            s,
            r#"<rect class="band" x="{x0:.1}" y="{y0:.1}" width="{:.1}" height="{:.1}"><title>allowed {:.1}–{:.1} °C</title></rect>"#,
            x1 - x0,
            y1 - y0,
            b.range.min_c,
            b.range.max_c
        );
    }
    // Y axis: a tick every whole step that gives about five ticks.
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
        .into_iter()
        .find(|st| (hi - lo) / st <= 8.0)
        .unwrap_or(100.0);
    let mut c = (lo / step).ceil() * step;
    while c <= hi {
        let y = y_of(c);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="end">{:.0} °C</text>"#,
            LEFT + plot_w,
            LEFT - 4.0,
            y + 4.0,
            c + 0.0 // no "-0"
        );
        c += step;
    }
    // X axis: five time labels.
    for i in 0..=4 {
        let t = t0 + (t1 - t0) * i / 4;
        let x = x_of(t);
        let anchor = match i {
            0 => "start",
            4 => "end",
            _ => "middle",
        };
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
            TOP + plot_h + 16.0,
            when(t)
        );
    }
    for m in marks {
        let x0 = x_of(m.from.timestamp());
        let x1 = x_of(m.to.timestamp());
        let (x, width) = if x1 - x0 < MIN_MARK_PX {
            (f64::midpoint(x0, x1) - MIN_MARK_PX / 2.0, MIN_MARK_PX)
        } else {
            (x0, x1 - x0)
        };
        let class = match m.kind {
            MarkKind::Excursion => "exc",
            MarkKind::Gap => "gap",
        };
        let _ = write!(
            s,
            r#"<rect class="{class}" data-seq="{}" data-from="{}" data-to="{}" x="{x:.1}" y="{TOP}" width="{width:.1}" height="{plot_h:.1}"><title>{}</title></rect>"#,
            m.seq,
            m.from.to_rfc3339(),
            m.to.to_rfc3339(),
            esc(&m.label)
        );
    }
    // The readings, one or two points per pixel column.
    let cols = downsample(&series.times, &series.celsius, t0, t1, columns);
    let col_x = |x: usize| LEFT + x as f64 / (columns.max(2) - 1) as f64 * plot_w;
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
        let _ = write!(d, "{cmd}{x:.1} {:.1}", y_of(f64::from(a)));
        // The same reading twice (exactly) needs one point, unless it starts a line.
        if a.to_bits() != b.to_bits() || cmd == 'M' {
            let _ = write!(d, "L{x:.1} {:.1}", y_of(f64::from(b)));
        }
        prev = Some(col.last_t);
    }
    if !d.is_empty() {
        let _ = write!(s, r#"<path class="temp" d="{d}"/>"#);
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use rxledger_model::TempRange;
    use rxledger_reconcile::{Band, StreamKind};

    fn year_with_excursion() -> (Vec<i64>, Vec<f32>) {
        let n = 525_600usize;
        let times: Vec<i64> = (0..525_600i64).map(|m| 1_700_000_000 + m * 60).collect();
        let mut celsius: Vec<f32> = (0..n).map(|i| 5.0 + ((i % 97) as f32) / 97.0).collect();
        for c in &mut celsius[300_000..300_045] {
            *c = 11.0;
        }
        // One single cold minute too.
        celsius[100_000] = 1.0;
        (times, celsius)
    }

    #[test]
    fn downsampling_keeps_every_extreme() {
        let (times, celsius) = year_with_excursion();
        let cols = downsample(&times, &celsius, times[0], *times.last().unwrap(), 900);
        assert!(cols.len() <= 900);
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
        let times = vec![0, 60, 120, 36_000, 36_060];
        let celsius = vec![5.0, 5.5, 6.0, 4.0, 4.5];
        let cols = downsample(&times, &celsius, 0, 36_060, 100);
        assert_eq!(cols.len(), 2);
        // Sparse readings (every minute over two minutes = many columns apart) stay one line.
        let sparse = TempSeries {
            kind: StreamKind::Vehicle,
            name: "V".into(),
            times: (0..60).map(|m| m * 60).collect(),
            celsius: vec![5.0; 60],
            bands: Vec::new(),
        };
        let svg1 = svg(&sparse, &[], Size::default(), 300);
        assert_eq!(svg1.matches('M').count(), 1, "{svg1}");
        let series = TempSeries {
            kind: StreamKind::Zone,
            name: "CR-1".into(),
            times,
            celsius,
            bands: Vec::new(),
        };
        let svg = svg(&series, &[], Size::default(), 1800);
        assert_eq!(svg.matches('M').count(), 2, "{svg}");
    }

    #[test]
    fn a_short_excursion_in_a_year_is_shaded_and_drawn() {
        let (times, celsius) = year_with_excursion();
        let at = |i: usize| Utc.timestamp_opt(times[i], 0).unwrap();
        let mark = Mark {
            kind: MarkKind::Excursion,
            from: at(300_000),
            to: at(300_045),
            seq: 7,
            label: "excursion".into(),
        };
        let (first, last) = (at(0), at(times.len() - 1));
        let series = TempSeries {
            kind: StreamKind::Zone,
            name: "CR<1>".into(),
            bands: vec![Band {
                from: first,
                to: last,
                range: TempRange {
                    min_c: 2.0,
                    max_c: 8.0,
                },
            }],
            times,
            celsius,
        };
        let svg = svg(&series, &[mark], Size::default(), 1800);
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
        // The line reaches 11 °C: y of 11 °C with lo = 0, hi = 12 and a 180 px plot.
        let y11 = TOP + (12.0 - 11.0) / 12.0 * (220.0 - TOP - BOTTOM);
        let d = svg.split(r#"<path class="temp" d=""#).nth(1).unwrap();
        assert!(d.contains(&format!(" {y11:.1}")), "no point at 11 °C");
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every reading lies within its column's [min, max], and the columns' extremes are the
        /// series' extremes: downsampling never hides a reading's excursion.
        #[test]
        fn every_reading_is_within_its_column(
            steps in prop::collection::vec((1i64..600, -400i32..400), 1..2000),
            columns in 1usize..300,
        ) {
            let mut t = 1_700_000_000i64;
            let mut times = Vec::new();
            let mut celsius = Vec::new();
            for (dt, c) in steps {
                t += dt;
                times.push(t);
                celsius.push(c as f32 / 10.0);
            }
            let (t0, t1) = (times[0], *times.last().unwrap());
            let cols = downsample(&times, &celsius, t0, t1, columns);
            prop_assert!(cols.len() <= columns);
            prop_assert!(cols.windows(2).all(|w| w[0].x < w[1].x));
            for (&ti, &ci) in times.iter().zip(&celsius) {
                let col = cols.iter().find(|c| c.first_t <= ti && ti <= c.last_t);
                prop_assert!(col.is_some(), "reading at {} in no column", ti);
                let col = col.unwrap();
                prop_assert!(col.min <= ci && ci <= col.max);
            }
            let max = celsius.iter().copied().fold(f32::MIN, f32::max);
            let min = celsius.iter().copied().fold(f32::MAX, f32::min);
            prop_assert!(cols.iter().any(|c| c.max.to_bits() == max.to_bits()));
            prop_assert!(cols.iter().any(|c| c.min.to_bits() == min.to_bits()));
        }
    }
}
