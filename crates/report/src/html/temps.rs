//! The temperature part of a ledger's section: every zone or vehicle with an excursion or a
//! recording gap as a whole-series chart (a daily band when long) followed by a close-up of the
//! hours around each of its problems; all the others in one table.

use maud::{html, Markup, PreEscaped};
use rxledger_reconcile::{Fact, Msg, StreamKind, TempSeries};

use super::{anchor, LedgerPart, Report};
use crate::chart::{self, Mark, MarkKind, Size};
use crate::markup::t;

/// Most close-ups drawn per zone or vehicle; the rest are counted below them (and listed with
/// the findings).
pub const MAX_CLOSEUPS: usize = 24;

/// What the temperature part of a report draws, over all its ledgers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TempCounts {
    /// Whole-series charts: the zones and vehicles with an excursion or a recording gap.
    pub charts: usize,
    /// Close-ups under them (at most [`MAX_CLOSEUPS`] per chart).
    pub closeups: usize,
    /// Zones and vehicles without either: rows of one table, not charts.
    pub quiet: usize,
}

impl Report {
    /// How many charts, close-ups and table rows the temperature part draws.
    pub fn temperature_counts(&self) -> TempCounts {
        let mut n = TempCounts::default();
        for (i, part) in self.ledgers.iter().enumerate() {
            let marks = self.marks(i);
            for s in &part.series {
                match marks.get(s.name.as_str()).map_or(0, Vec::len) {
                    0 => n.quiet += 1,
                    k => {
                        n.charts += 1;
                        n.closeups += k.min(MAX_CLOSEUPS);
                    }
                }
            }
        }
        n
    }

    /// The line `rxledger report` prints once it wrote the report's `bytes` to `path`, in the
    /// report's language: ledgers, findings, the charts, close-ups and table rows of
    /// [`Report::temperature_counts`], custody chains.
    pub fn written(&self, path: &std::path::Path, bytes: usize) -> String {
        let n = self.temperature_counts();
        let findings: usize = self.ledgers.iter().map(|l| l.check.findings.len()).sum();
        // Each count with its English plural category (`NAME_plural`) for the selectors.
        let counted = |m: Msg, (name, plural): (&'static str, &'static str), n: usize| {
            m.arg(name, n)
                .arg(plural, Fact::Term(crate::messages::plural(n).into()))
        };
        let m = Msg::new("report-written")
            .arg("path", path.display().to_string())
            .arg("bytes", bytes)
            .arg("quiet", n.quiet);
        let m = counted(m, ("ledgers", "ledgers_plural"), self.ledgers.len());
        let m = counted(m, ("findings", "findings_plural"), findings);
        let m = counted(m, ("charts", "charts_plural"), n.charts);
        let m = counted(m, ("closeups", "closeups_plural"), n.closeups);
        self.r(&counted(
            m,
            ("custody", "custody_plural"),
            self.custody.len(),
        ))
    }

    pub(super) fn charts(&self, i: usize, part: &LedgerPart) -> Markup {
        if part.series.is_empty() {
            return html! {};
        }
        let marks = self.marks(i);
        let marks_of = |x: &TempSeries| marks.get(x.name.as_str()).map_or(&[][..], Vec::as_slice);
        // Zones before vehicles; those with problems charted, the rest in one table.
        let mut ordered: Vec<&TempSeries> = part.series.iter().collect();
        ordered.sort_by_key(|x| x.kind != StreamKind::Zone);
        let (flagged, quiet): (Vec<&TempSeries>, Vec<&TempSeries>) =
            ordered.into_iter().partition(|x| !marks_of(x).is_empty());
        html! {
            h3 { (self.r(&Msg::new("html-temperatures").arg("count", part.series.len()))) }
            p.legend {
                (self.r(&Msg::new("html-times-in").arg("zone", self.messages.zone().name())))
                span style="background:#2da44e;opacity:.35" {} (self.l("html-legend-allowed"))
                span style="background:#d1242f;opacity:.6" {} (self.l("html-legend-excursion"))
                span style="background:#6e7781;opacity:.6" {} (self.l("html-legend-gap"))
            }
            @for series in flagged {
                (self.chart(i, series, marks_of(series)))
            }
            @if !quiet.is_empty() {
                (self.quiet(&quiet))
            }
        }
    }

    /// The title of a zone's or vehicle's chart: `zone CR-1` / `库区 CR-1`.
    fn series_title(&self, series: &TempSeries) -> String {
        self.r(&Msg::new("html-series")
            .arg("kind", Fact::Term(series.kind.as_str().to_owned()))
            .arg("name", series.name.as_str()))
    }

    /// One zone's or vehicle's chart with its heading, and the close-ups of its marks.
    fn chart(&self, i: usize, series: &TempSeries, marks: &[Mark]) -> Markup {
        let th = &self.options.config.thresholds;
        let exc = marks
            .iter()
            .filter(|m| m.kind == MarkKind::Excursion)
            .count();
        let max_gap = match series.kind {
            StreamKind::Zone => th.storage_gap_minutes,
            StreamKind::Vehicle => th.transport_gap_minutes,
        } * 60;
        let kind = series.kind.as_str();
        let m = &self.messages;
        let size = self.options.chart;
        let small = Size {
            width: (size.width / 2).saturating_sub(8).max(240),
            height: size.height.saturating_sub(20).max(120),
        };
        html! {
            div.series id={ "chart-" (i) "-" (kind) "-" (anchor(&series.name)) } {
                h3 {
                    (t(&self.series_title(series)))
                    " "
                    span.muted {
                        (self.r(&Msg::new("html-series-counts")
                            .arg("readings", series.readings.readings())
                            .arg("excursions", exc)
                            .arg("gaps", marks.len() - exc)))
                    }
                }
                // Escaped by construction in `chart::svg_in` and `chart::closeup`.
                (PreEscaped(chart::svg_in(series, marks, size, max_gap, m)))
                div.closeups {
                    @for mark in marks.iter().take(MAX_CLOSEUPS) {
                        figure {
                            figcaption {
                                (self.r(&Msg::new("html-closeup")
                                    .arg("kind", Fact::Term(match mark.kind {
                                        MarkKind::Excursion => "excursion".into(),
                                        MarkKind::Gap => "gap".into(),
                                    }))
                                    .arg("from", Fact::Instant(mark.from))
                                    .arg("to", Fact::Instant(mark.to))
                                    .arg("seq", mark.seq)))
                            }
                            (PreEscaped(chart::closeup(series, mark, marks, small, max_gap, m)))
                        }
                    }
                }
                @if marks.len() > MAX_CLOSEUPS {
                    p.muted {
                        (self.r(&Msg::new("html-closeups-more")
                            .arg("count", marks.len() - MAX_CLOSEUPS)))
                    }
                }
            }
        }
    }

    /// The zones and vehicles without excursions or gaps, one row each: readings, their span,
    /// lowest and highest, and the allowed range.
    fn quiet(&self, quiet: &[&TempSeries]) -> Markup {
        let m = &self.messages;
        let range = |lo: f64, hi: f64| {
            self.r(&Msg::new("html-range")
                .arg("min", Fact::Celsius(lo))
                .arg("max", Fact::Celsius(hi)))
        };
        html! {
            h3 { (self.r(&Msg::new("html-quiet").arg("count", quiet.len()))) }
            table.quiet {
                tr {
                    th { (self.l("html-col-series")) } th.n { (self.l("html-col-readings")) }
                    th { (self.l("html-col-first")) } th { (self.l("html-col-last")) }
                    th.n { (self.l("html-col-lowest")) } th.n { (self.l("html-col-highest")) }
                    th { (self.l("html-col-allowed")) }
                }
                @for s in quiet {
                    @let span = s.readings.span();
                    @let (lo, hi) = s.readings.buckets().fold(
                        (f32::INFINITY, f32::NEG_INFINITY),
                        |(lo, hi), b| (lo.min(b.min), hi.max(b.max)),
                    );
                    @let allowed = s.bands.iter()
                        .map(|b| range(b.range.min_c, b.range.max_c))
                        .fold(Vec::<String>::new(), |mut v, r| {
                            if !v.contains(&r) { v.push(r); }
                            v
                        });
                    @let at = |x: i64| chrono::DateTime::from_timestamp(x, 0).map(|d| m.instant(d));
                    tr {
                        td.nw { (t(&self.series_title(s))) }
                        td.n { (s.readings.readings()) }
                        td.nw { (span.and_then(|(a, _)| at(a)).unwrap_or_default()) }
                        td.nw { (span.and_then(|(_, b)| at(b)).unwrap_or_default()) }
                        @if lo.is_finite() && hi.is_finite() {
                            td.n.nw { (m.fact(&Fact::Celsius(f64::from(lo)))) " °C" }
                            td.n.nw { (m.fact(&Fact::Celsius(f64::from(hi)))) " °C" }
                        } @else {
                            td {} td {}
                        }
                        td.nw { (t(&allowed.join(", "))) }
                    }
                }
            }
        }
    }
}
