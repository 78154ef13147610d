//! A calendar queue: the [`Scheduler`](super::Scheduler)'s deadlines, kept in buckets of an
//! hour of their time.
//!
//! Millions of deadlines can wait at once (documents are remembered for the return window), and
//! almost every one is set months ahead of the ledger's clock. In one binary heap of them, each
//! deadline taken walks the heap from its root to a leaf: twenty-odd levels, most of them cache
//! misses. Here a deadline set ahead is appended to its hour's bucket (a plain vector), and the
//! buckets are taken in time order: only the earliest bucket is a heap, small enough to stay in
//! the cache. The order items come out in is exactly that of one heap of all of them.

use std::collections::{BTreeMap, BinaryHeap};

/// Items in buckets, taken greatest first (as from a [`BinaryHeap`]).
///
/// The caller gives each item its bucket, and buckets must agree with the order: an item of a
/// smaller bucket is greater than every item of a larger one (for deadlines: the bucket is the
/// hour of the time, and earlier times are greater).
pub(super) struct Calendar<T: Ord> {
    /// The items of buckets up to `current`.
    now: BinaryHeap<T>,
    /// The bucket whose items were last moved into `now` (or the least bucket when none was).
    current: i64,
    /// The items of later buckets, unordered within each bucket.
    later: BTreeMap<i64, Bucket<T>>,
}

/// Items past the first [`CHUNK`] of a bucket go in chunks of exactly [`CHUNK`].
///
/// A bucket is filled over the hours its deadlines are set in and waits months to be taken, so
/// the spare room of a vector grown by doubling (a quarter of it on average) waited with it:
/// at a year of a mid-size wholesaler (10M events), 2.4 million deadlines in about 9,000 buckets
/// took 197 MB, 65 MB of it spare room. In chunks, a bucket's spare room is less than one chunk.
const CHUNK: usize = if cfg!(test) { 4 } else { 64 };

/// The items of one later bucket: a first vector grown as usual up to [`CHUNK`] items (most
/// buckets of few items stay small), then full chunks.
struct Bucket<T> {
    chunks: Vec<Vec<T>>,
}

impl<T> Default for Bucket<T> {
    fn default() -> Self {
        Bucket { chunks: Vec::new() }
    }
}

impl<T> Bucket<T> {
    fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(c) if c.len() < CHUNK => c.push(item),
            Some(_) => {
                let mut c = Vec::with_capacity(CHUNK);
                c.push(item);
                self.chunks.push(c);
            }
            None => self.chunks.push(vec![item]),
        }
    }

    /// Every item, in one vector.
    fn into_vec(self) -> Vec<T> {
        let mut chunks = self.chunks.into_iter();
        let Some(mut all) = chunks.next() else {
            return Vec::new();
        };
        let rest = chunks.as_slice().len() * CHUNK;
        all.reserve_exact(rest);
        for c in chunks {
            all.extend(c);
        }
        all
    }
}

impl<T: Ord> Default for Calendar<T> {
    fn default() -> Self {
        Calendar {
            now: BinaryHeap::new(),
            current: i64::MIN,
            later: BTreeMap::new(),
        }
    }
}

impl<T: Ord> Calendar<T> {
    /// Adds `item`, in `bucket`.
    pub fn push(&mut self, bucket: i64, item: T) {
        if bucket <= self.current {
            self.now.push(item);
        } else {
            self.later.entry(bucket).or_default().push(item);
        }
    }

    /// The greatest item.
    pub fn peek(&mut self) -> Option<&T> {
        self.refill();
        self.now.peek()
    }

    /// The greatest item, removed.
    pub fn pop(&mut self) -> Option<T> {
        self.refill();
        self.now.pop()
    }

    /// Moves the earliest later bucket into the heap when the heap is empty.
    fn refill(&mut self) {
        if self.now.is_empty() {
            if let Some((bucket, items)) = self.later.pop_first() {
                self.current = bucket;
                self.now = BinaryHeap::from(items.into_vec());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whatever the buckets and however pushing and taking interleave, items come out in
        /// the order of one binary heap of them.
        #[test]
        fn items_come_out_as_from_one_heap(
            steps in proptest::collection::vec((0i64..400, 0usize..4), 0..300),
        ) {
            let mut c = Calendar::default();
            let mut heap = BinaryHeap::new();
            for (i, &(key, take)) in steps.iter().enumerate() {
                // Greater keys come out first; a bucket of ten keys, counted down so that a
                // smaller bucket holds greater items (the order of deadlines' hours).
                let item = (key, i);
                c.push((400 - key) / 10, item);
                heap.push(item);
                for _ in 0..take {
                    proptest::prop_assert_eq!(c.peek().copied(), heap.peek().copied());
                    proptest::prop_assert_eq!(c.pop(), heap.pop());
                }
            }
            while let Some(item) = heap.pop() {
                proptest::prop_assert_eq!(c.pop(), Some(item));
            }
            proptest::prop_assert_eq!(c.pop(), None);
        }
    }

    /// A bucket past its first chunk keeps whole chunks and gives back every item.
    #[test]
    fn a_bucket_in_chunks_gives_back_every_item() {
        let mut b = Bucket::default();
        for i in 0..=(CHUNK * 3) {
            b.push(i);
        }
        assert_eq!(b.chunks.len(), 4);
        assert!(b.chunks[1..].iter().all(|c| c.capacity() == CHUNK));
        let v = b.into_vec();
        assert_eq!(v, (0..=(CHUNK * 3)).collect::<Vec<_>>());
        assert!(Bucket::<u8>::default().into_vec().is_empty());
    }

    #[test]
    fn an_item_set_before_the_current_bucket_comes_out_first() {
        let mut c = Calendar::default();
        c.push(5, 50);
        c.push(7, 30);
        assert_eq!(c.pop(), Some(50));
        // Bucket 5 is current; an item of bucket 2 (greater) and one of bucket 5 join the heap.
        c.push(2, 80);
        c.push(5, 40);
        assert_eq!(c.pop(), Some(80));
        assert_eq!(c.pop(), Some(40));
        assert_eq!(c.pop(), Some(30));
        assert_eq!(c.pop(), None);
    }
}
