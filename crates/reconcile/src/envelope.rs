//! A bounded summary of a long series of readings for charts: at most [`Envelope::CAPACITY`]
//! time buckets of equal width, each keeping its lowest and highest reading with their times.
//! When the series outgrows the buckets, neighbours merge pairwise and the width doubles, so
//! memory stays fixed however long the series, and no extreme is ever lost.

/// The readings of one stretch of time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bucket {
    /// Time of the first reading (Unix seconds).
    pub first_t: i64,
    /// Time of the last reading.
    pub last_t: i64,
    /// Lowest reading, °C.
    pub min: f32,
    /// Time of the lowest reading.
    pub min_t: i64,
    /// Highest reading, °C.
    pub max: f32,
    /// Time of the highest reading.
    pub max_t: i64,
}

impl Bucket {
    /// The bucket of one reading `c` at `t` (Unix seconds).
    pub fn one(t: i64, c: f32) -> Self {
        Bucket {
            first_t: t,
            last_t: t,
            min: c,
            min_t: t,
            max: c,
            max_t: t,
        }
    }

    /// Merges `other` into `self`.
    pub fn merge(&mut self, other: &Bucket) {
        self.first_t = self.first_t.min(other.first_t);
        self.last_t = self.last_t.max(other.last_t);
        use std::cmp::Ordering::{Equal, Greater, Less};
        // Ties go to the earlier reading.
        match other.min.total_cmp(&self.min) {
            Less => (self.min, self.min_t) = (other.min, other.min_t),
            Equal => self.min_t = self.min_t.min(other.min_t),
            Greater => {}
        }
        match other.max.total_cmp(&self.max) {
            Greater => (self.max, self.max_t) = (other.max, other.max_t),
            Equal => self.max_t = self.max_t.min(other.max_t),
            Less => {}
        }
    }
}

/// Readings reduced to at most [`Envelope::CAPACITY`] buckets; see the module docs.
#[derive(Clone, Debug, Default)]
pub struct Envelope {
    /// Start of bucket 0 (Unix seconds).
    origin: i64,
    /// Seconds per bucket.
    width: i64,
    buckets: Vec<Option<Bucket>>,
    readings: u64,
}

impl Envelope {
    /// Most buckets kept (about four per pixel column of a 960-pixel chart).
    pub const CAPACITY: usize = 4096;
    const CAPACITY_I64: i64 = 4096;
    const FIRST_WIDTH: i64 = 60;

    /// Adds the reading `celsius` taken at `t` (Unix seconds). Readings may come in any order;
    /// non-finite values are ignored.
    pub fn push(&mut self, t: i64, celsius: f32) {
        if !celsius.is_finite() {
            return;
        }
        self.readings += 1;
        if self.width == 0 {
            self.width = Self::FIRST_WIDTH;
            self.origin = t - t.rem_euclid(self.width);
        }
        // Grow to the left for an earlier reading: widen until it fits, then prepend.
        while t < self.origin {
            let span = self.end() - t;
            if span / self.width < Self::CAPACITY_I64 {
                let k = (self.origin - t + self.width - 1) / self.width;
                let k = usize::try_from(k).unwrap_or(0);
                self.buckets.splice(0..0, std::iter::repeat_n(None, k));
                self.origin -= i64::try_from(k).unwrap_or(0) * self.width;
            } else {
                self.double();
            }
        }
        let mut i = (t - self.origin) / self.width;
        while i >= Self::CAPACITY_I64 {
            self.double();
            i = (t - self.origin) / self.width;
        }
        let i = usize::try_from(i).unwrap_or(0);
        if i >= self.buckets.len() {
            self.buckets.resize(i + 1, None);
        }
        match &mut self.buckets[i] {
            Some(b) => b.merge(&Bucket::one(t, celsius)),
            slot @ None => *slot = Some(Bucket::one(t, celsius)),
        }
    }

    /// End of the last bucket.
    fn end(&self) -> i64 {
        self.origin + self.width * i64::try_from(self.buckets.len()).unwrap_or(0)
    }

    /// Doubles the width: buckets merge pairwise from an origin aligned to the new width.
    fn double(&mut self) {
        let width = self.width * 2;
        let origin = self.origin - self.origin.rem_euclid(width);
        let shift = usize::from(origin != self.origin);
        let mut merged: Vec<Option<Bucket>> = vec![None; (self.buckets.len() + shift).div_ceil(2)];
        for (j, b) in self.buckets.iter().enumerate() {
            let Some(b) = b else { continue };
            // Old bucket j (shifted) lands in new bucket floor((j + shift) / 2).
            match &mut merged[(j + shift) >> 1] {
                Some(m) => m.merge(b),
                slot @ None => *slot = Some(*b),
            }
        }
        self.origin = origin;
        self.width = width;
        self.buckets = merged;
    }

    /// Readings added.
    pub fn readings(&self) -> u64 {
        self.readings
    }

    /// Seconds per bucket (0 before the first reading).
    pub fn width(&self) -> i64 {
        self.width
    }

    /// The buckets that hold readings, in time order.
    pub fn buckets(&self) -> impl Iterator<Item = &Bucket> + '_ {
        self.buckets.iter().flatten()
    }

    /// First and last reading time, if any.
    pub fn span(&self) -> Option<(i64, i64)> {
        let first = self.buckets().next()?.first_t;
        let last = self.buckets().last()?.last_t;
        Some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_year_of_minutes_fits_and_keeps_its_spike() {
        let mut e = Envelope::default();
        for m in 0..525_600i64 {
            let c = if m == 300_000 { 11.0 } else { 5.0 };
            e.push(1_700_000_000 + m * 60, c);
        }
        assert_eq!(e.readings(), 525_600);
        let n = e.buckets().count();
        assert!(n <= Envelope::CAPACITY && n > Envelope::CAPACITY / 4, "{n}");
        let spike = e.buckets().find(|b| b.max > 10.0).unwrap();
        assert_eq!(spike.max_t, 1_700_000_000 + 300_000 * 60);
        assert_eq!(
            e.span(),
            Some((1_700_000_000, 1_700_000_000 + 525_599 * 60))
        );
    }

    proptest! {
        /// Whatever the order and spread of the readings: at most CAPACITY buckets, in time
        /// order, every reading within the bucket covering its time, the extremes exact.
        #[test]
        fn buckets_cover_every_reading(
            readings in prop::collection::vec((0i64..400_000_000, -500i32..500), 1..3000),
        ) {
            let mut e = Envelope::default();
            for &(t, c) in &readings {
                e.push(t, c as f32 / 10.0);
            }
            let buckets: Vec<&Bucket> = e.buckets().collect();
            prop_assert!(buckets.len() <= Envelope::CAPACITY);
            prop_assert!(buckets.windows(2).all(|w| w[0].last_t < w[1].first_t));
            prop_assert_eq!(e.readings(), readings.len() as u64);
            for &(t, c) in &readings {
                let c = c as f32 / 10.0;
                let b = buckets.iter().find(|b| b.first_t <= t && t <= b.last_t);
                prop_assert!(b.is_some(), "reading at {} in no bucket", t);
                let b = b.unwrap();
                prop_assert!(b.min <= c && c <= b.max);
            }
            let max = readings.iter().map(|&(_, c)| c).max().unwrap() as f32 / 10.0;
            let min = readings.iter().map(|&(_, c)| c).min().unwrap() as f32 / 10.0;
            prop_assert!(buckets.iter().any(|b| b.max.to_bits() == max.to_bits()));
            prop_assert!(buckets.iter().any(|b| b.min.to_bits() == min.to_bits()));
        }
    }
}
