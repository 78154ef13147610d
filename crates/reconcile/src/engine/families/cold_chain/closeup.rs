//! The real readings around each excursion and recording gap, for its close-up chart.
//!
//! The summary of a series ([`crate::Envelope`]) has at most 4,096 time slots: for eight months
//! of one-minute readings a slot is about two hours, far too coarse to show a 10-minute
//! excursion. So while tracing, each zone and vehicle also keeps its most recent readings (at
//! most [`CLOSEUP_MAX_PAD_SECS`] of them in time and [`RECENT_MAX_READINGS`] in number), and
//! when an excursion starts or a gap is found, a capture starts with them and goes on with the
//! readings that follow until the close-up's window ([`closeup_window`]) has passed.
//!
//! Memory is bounded: at most [`CLOSEUP_MAX_READINGS`] readings per problem and
//! [`CLOSEUPS_MAX_READINGS`] for all problems of an engine together (16 bytes each, 16 MiB
//! in all). Beyond a cap a close-up keeps what it has; [`Closeup::covered`] says which stretch
//! of its window the readings cover completely, and a chart draws the rest from the summary
//! (and says so).

use std::collections::VecDeque;

use chrono::{DateTime, Utc};

/// The least time shown on each side of a problem in its close-up (an hour).
pub const CLOSEUP_MIN_PAD_SECS: i64 = 3_600;
/// The most time shown on each side of a problem in its close-up (half a day).
pub const CLOSEUP_MAX_PAD_SECS: i64 = 43_200;
/// The most readings kept for one close-up (the window of a 10-minute excursion in one-minute
/// readings holds 131; a two-day gap's 24 hours around it, 1,440).
pub const CLOSEUP_MAX_READINGS: usize = 4_096;
/// The most readings kept for all close-ups of an engine together (16 MiB).
pub const CLOSEUPS_MAX_READINGS: usize = 1 << 20;
/// The most recent readings each zone or vehicle keeps for the hours before a problem (half a
/// day of one-minute readings, twice over).
pub const RECENT_MAX_READINGS: usize = 1_440;

/// The stretch of time (Unix seconds) a close-up of the problem from `from` to `to` shows: the
/// problem with as much time on each side as it lasts, at least [`CLOSEUP_MIN_PAD_SECS`] and
/// at most [`CLOSEUP_MAX_PAD_SECS`].
pub fn closeup_window(from: DateTime<Utc>, to: DateTime<Utc>) -> (i64, i64) {
    let (from, to) = (from.timestamp(), to.timestamp());
    let pad = (to - from).clamp(CLOSEUP_MIN_PAD_SECS, CLOSEUP_MAX_PAD_SECS);
    (from - pad, to + pad)
}

/// What a close-up is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A temperature excursion (`TEMP-RANGE`): the interval of its finding.
    Excursion,
    /// A recording gap (`TEMP-GAP`): the last reading before it and the first after.
    Gap,
}

/// The readings of a zone or vehicle kept around one problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Closeup {
    /// Excursion or gap.
    pub problem: Problem,
    /// Start of the problem (the interval of its finding).
    pub from: DateTime<Utc>,
    /// End of the problem.
    pub to: DateTime<Utc>,
    /// The stretch of time the close-up shows ([`closeup_window`]), Unix seconds.
    pub window: (i64, i64),
    /// The readings kept within the window: time (Unix seconds) and °C, in time order.
    pub readings: Vec<(i64, f32)>,
    /// The stretch of the window in which every reading was kept (Unix seconds), `None` when
    /// no reading was kept although there were some (the total cap was reached). Outside it
    /// only the summary is left.
    pub covered: Option<(i64, i64)>,
}

impl Closeup {
    /// Whether every reading of the window was kept.
    pub fn complete(&self) -> bool {
        self.covered == Some(self.window)
    }
}

/// A close-up being filled.
#[derive(Debug)]
struct Capture {
    problem: Problem,
    from: DateTime<Utc>,
    /// The end of the problem, once known.
    to: Option<DateTime<Utc>>,
    readings: Vec<(i64, f32)>,
    /// The latest time a reading the window needs was not kept (before the capture started).
    missed_before: Option<i64>,
    /// The first time a reading was not kept because of a cap (the capture stopped there).
    stopped_at: Option<i64>,
}

impl Capture {
    /// The window, once the problem's end is known.
    fn window(&self) -> Option<(i64, i64)> {
        self.to.map(|to| closeup_window(self.from, to))
    }

    /// The finished close-up: readings trimmed to the window, the budget given back for the
    /// readings outside it.
    fn close(mut self, to: DateTime<Utc>, budget: &mut usize) -> Closeup {
        let window = closeup_window(self.from, to);
        let before = self.readings.len();
        self.readings.retain(|r| window.0 <= r.0 && r.0 <= window.1);
        *budget += before - self.readings.len();
        self.readings.sort_by_key(|r| r.0);
        let lo = self
            .missed_before
            .map_or(window.0, |t| (t + 1).max(window.0));
        let hi = self.stopped_at.map_or(window.1, |t| (t - 1).min(window.1));
        // Nothing kept of a window that had readings: nothing is covered.
        let lost = self.missed_before.is_some() || self.stopped_at.is_some();
        let none = lo > hi || (lost && self.readings.is_empty());
        Closeup {
            problem: self.problem,
            from: self.from,
            to,
            window,
            readings: self.readings,
            covered: (!none).then_some((lo, hi)),
        }
    }
}

/// One zone's or vehicle's recent readings and open captures.
#[derive(Debug, Default)]
pub(crate) struct Detail {
    /// The most recent readings, oldest first.
    recent: VecDeque<(i64, f32)>,
    /// The newest reading dropped from `recent` for room rather than age.
    dropped: Option<i64>,
    /// The latest reading time seen.
    last: Option<i64>,
    open: Vec<Capture>,
    done: Vec<Closeup>,
}

impl Detail {
    /// A reading at `t` (Unix seconds): closes the captures whose window has passed, adds it to
    /// the others (within the caps) and to the recent readings.
    pub(crate) fn reading(&mut self, t: i64, celsius: f64, budget: &mut usize) {
        #[allow(clippy::cast_possible_truncation)]
        let c = celsius as f32;
        if !c.is_finite() {
            return;
        }
        let mut i = 0;
        while i < self.open.len() {
            let cap = &self.open[i];
            match (cap.window(), cap.to) {
                (Some(w), Some(to)) if t > w.1 => {
                    let cap = self.open.swap_remove(i);
                    self.done.push(cap.close(to, budget));
                }
                _ => i += 1,
            }
        }
        for cap in &mut self.open {
            if cap.stopped_at.is_some() || cap.window().is_some_and(|w| t < w.0) {
                continue;
            }
            if cap.readings.len() >= CLOSEUP_MAX_READINGS || *budget == 0 {
                cap.stopped_at = Some(t);
                continue;
            }
            *budget -= 1;
            cap.readings.push((t, c));
        }
        self.last = Some(self.last.map_or(t, |l| l.max(t)));
        self.recent.push_back((t, c));
        while self
            .recent
            .front()
            .is_some_and(|f| t - f.0 > CLOSEUP_MAX_PAD_SECS)
        {
            self.recent.pop_front();
        }
        if self.recent.len() > RECENT_MAX_READINGS {
            self.dropped = self.recent.pop_front().map(|d| d.0);
        }
    }

    /// Starts a capture of `problem` from `from` (to `to`, when known) with the recent readings
    /// its window may need.
    pub(crate) fn start(
        &mut self,
        problem: Problem,
        from: DateTime<Utc>,
        to: Option<DateTime<Utc>>,
        budget: &mut usize,
    ) {
        let earliest = match to {
            Some(to) => closeup_window(from, to).0,
            None => from.timestamp() - CLOSEUP_MAX_PAD_SECS,
        };
        let wanted: Vec<(i64, f32)> = self
            .recent
            .iter()
            .copied()
            .filter(|r| r.0 >= earliest)
            .collect();
        let room = (*budget).min(CLOSEUP_MAX_READINGS).min(wanted.len());
        // The newest readings are the ones nearest the problem.
        let skip = wanted.len() - room;
        let mut missed_before = self.dropped.filter(|d| *d >= earliest);
        if skip > 0 {
            missed_before = Some(wanted[skip - 1].0);
        }
        *budget -= room;
        self.open.push(Capture {
            problem,
            from,
            to,
            readings: wanted[skip..].to_vec(),
            missed_before,
            stopped_at: None,
        });
    }

    /// The excursion of this zone or vehicle that started at `from` ended at `to`.
    pub(crate) fn ended(&mut self, from: DateTime<Utc>, to: DateTime<Utc>) {
        if let Some(cap) = self
            .open
            .iter_mut()
            .find(|c| c.problem == Problem::Excursion && c.from == from && c.to.is_none())
        {
            cap.to = Some(to);
        }
    }

    /// The close-ups, in the order their problems started: the open ones end with the readings
    /// (an excursion still open ends at the last reading, as its finding does).
    pub(crate) fn finish(mut self, budget: &mut usize) -> Vec<Closeup> {
        for cap in std::mem::take(&mut self.open) {
            let last = self.last.and_then(|l| DateTime::from_timestamp(l, 0));
            let Some(to) = cap.to.or(last) else { continue };
            self.done.push(cap.close(to, budget));
        }
        self.done.sort_by_key(|c| (c.from, c.to));
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(t: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(t, 0).unwrap()
    }

    #[test]
    fn a_capture_keeps_the_hour_before_and_after() {
        let mut d = Detail::default();
        let mut budget = CLOSEUPS_MAX_READINGS;
        for m in 0..600 {
            let t = m * 60;
            if m == 300 {
                d.start(Problem::Excursion, at(t), None, &mut budget);
            }
            if m == 310 {
                d.ended(at(300 * 60), at(t));
            }
            d.reading(t, 5.0, &mut budget);
        }
        let c = d.finish(&mut budget);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].window, (240 * 60, 370 * 60));
        assert_eq!(c[0].readings.len(), 131);
        assert!(c[0].complete());
        assert_eq!(budget, CLOSEUPS_MAX_READINGS - 131);
    }

    #[test]
    fn the_caps_hold_and_say_what_is_covered() {
        let mut d = Detail::default();
        // Per problem: a four-day excursion of one-minute readings.
        let mut budget = CLOSEUPS_MAX_READINGS;
        for m in 0..10_000 {
            if m == 720 {
                d.start(Problem::Excursion, at(m * 60), None, &mut budget);
            }
            if m == 720 + 4 * 1440 {
                d.ended(at(720 * 60), at(m * 60));
            }
            d.reading(m * 60, 5.0, &mut budget);
        }
        let c = d.finish(&mut budget);
        assert_eq!(c[0].readings.len(), CLOSEUP_MAX_READINGS);
        let (lo, hi) = c[0].covered.unwrap();
        assert_eq!(lo, 0);
        assert_eq!(hi, c[0].readings.last().unwrap().0 + 59);
        assert!(!c[0].complete());
        // In total: no budget left, nothing kept.
        let mut d = Detail::default();
        let mut none = 0;
        d.reading(0, 5.0, &mut none);
        d.start(Problem::Gap, at(0), Some(at(7200)), &mut none);
        d.reading(7200, 5.0, &mut none);
        let c = d.finish(&mut none);
        assert!(c[0].readings.is_empty());
        assert_eq!(c[0].covered, None);
    }
}
