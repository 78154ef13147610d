//! Sorting any number of [`Entry`]s in bounded memory.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use super::run::{Run, RunError, RunIter, RunMeta, RunWriter};
use super::Entry;
use rxledger_chain::Digest;

/// Entries kept in memory before a sorted run is spilled (40 bytes each: 5 MiB).
pub const DEFAULT_SORT_MEMORY: usize = 1 << 17;
/// Spilled runs merged into one once there are this many (bounds open files).
const MAX_RUNS: usize = 64;

/// Sorts entries in bounded memory: up to a limit they are kept in memory; beyond it each full
/// buffer is sorted and spilled to a temporary file (removed when the [`Sorted`] result is
/// dropped), and the runs are merged at the end. If spilling fails (no temporary directory, a
/// full disk) the entries stay in memory instead: the result is the same, only memory grows.
///
/// ```
/// use rxledger_store::ids::{Entry, Sorter};
///
/// let mut s = Sorter::with_memory(4);
/// for seq in [5u64, 3, 9, 1, 7, 3] {
///     s.push(Entry { key: u128::from(seq % 4), seq, digest: 0 });
/// }
/// let keys: Vec<(u128, u64)> = s.finish().map(|e| { let e = e.unwrap(); (e.key, e.seq) }).collect();
/// assert_eq!(keys, [(1, 1), (1, 5), (1, 9), (3, 3), (3, 3), (3, 7)]);
/// ```
pub struct Sorter {
    mem: Vec<Entry>,
    limit: usize,
    dir: Option<PathBuf>,
    runs: Vec<Run>,
    spill_failed: bool,
}

impl Default for Sorter {
    fn default() -> Self {
        Self::with_memory(DEFAULT_SORT_MEMORY)
    }
}

fn spill_dir() -> Option<PathBuf> {
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("rxledger-sort-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

impl Sorter {
    /// A sorter keeping at most `entries` entries in memory (at least 1).
    pub fn with_memory(entries: usize) -> Self {
        Sorter {
            mem: Vec::new(),
            limit: entries.max(1),
            dir: None,
            runs: Vec::new(),
            spill_failed: false,
        }
    }

    /// Adds an entry.
    pub fn push(&mut self, e: Entry) {
        self.mem.push(e);
        if self.mem.len() >= self.limit && !self.spill_failed && self.spill().is_err() {
            self.spill_failed = true;
        }
    }

    /// Number of runs spilled so far.
    pub fn spilled_runs(&self) -> usize {
        self.runs.len()
    }

    fn spill(&mut self) -> Result<(), RunError> {
        if self.dir.is_none() {
            self.dir = spill_dir();
        }
        let Some(dir) = self.dir.clone() else {
            return Err(RunError::Corrupt(PathBuf::new(), "no temporary directory"));
        };
        self.mem.sort_unstable();
        let path = dir.join(format!("run-{}", self.runs.len()));
        let mut w = RunWriter::create(&path, 0)?;
        for e in &self.mem {
            w.push(*e)?;
        }
        w.finish_temporary(META)?;
        self.runs.push(Run::open(&path)?);
        self.mem.clear();
        if self.runs.len() >= MAX_RUNS {
            let path = dir.join(format!("merged-{}", self.runs.len()));
            let mut w = RunWriter::create(&path, 0)?;
            let mut merged = Merge::new(std::mem::take(&mut self.mem), &self.runs)?;
            while let Some(e) = merged.next_entry()? {
                w.push(e)?;
            }
            w.finish_temporary(META)?;
            for r in self.runs.drain(..) {
                let _ = std::fs::remove_file(r.path());
            }
            let final_path = dir.join("run-0");
            std::fs::rename(&path, &final_path).map_err(|e| RunError::Io(path.clone(), e))?;
            self.runs.push(Run::open(&final_path)?);
        }
        Ok(())
    }

    /// All entries pushed, in order (by key, then seq, then digest).
    pub fn finish(mut self) -> Sorted {
        self.mem.sort_unstable();
        let merge = Merge::new(std::mem::take(&mut self.mem), &self.runs);
        let (merge, error) = match merge {
            Ok(m) => (Some(m), None),
            Err(e) => (None, Some(e.into_store())),
        };
        Sorted {
            merge,
            error,
            _guard: Guard(self.dir.take()),
        }
    }
}

const META: RunMeta = RunMeta {
    first: 0,
    last: 0,
    last_hash: Digest([0; 32]),
    entries: 0,
};

/// Removes the spill directory when dropped.
struct Guard(Option<PathBuf>);

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(d) = &self.0 {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

impl Drop for Sorter {
    fn drop(&mut self) {
        if let Some(d) = &self.dir {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

/// A k-way merge of a sorted vector and sorted runs.
struct Merge {
    mem: std::vec::IntoIter<Entry>,
    iters: Vec<RunIter>,
    heap: BinaryHeap<Reverse<(Entry, usize)>>,
}

impl Merge {
    fn new(mem: Vec<Entry>, runs: &[Run]) -> Result<Merge, RunError> {
        let mut m = Merge {
            mem: mem.into_iter(),
            iters: Vec::with_capacity(runs.len()),
            heap: BinaryHeap::new(),
        };
        for r in runs {
            m.iters.push(r.entries()?);
        }
        for i in 0..=m.iters.len() {
            m.refill(i)?;
        }
        Ok(m)
    }

    /// Source `i` (the last is the memory vector) contributes its next entry to the heap.
    fn refill(&mut self, i: usize) -> Result<(), RunError> {
        let next = match self.iters.get_mut(i) {
            Some(it) => it.next_entry()?,
            None => self.mem.next(),
        };
        if let Some(e) = next {
            self.heap.push(Reverse((e, i)));
        }
        Ok(())
    }

    fn next_entry(&mut self) -> Result<Option<Entry>, RunError> {
        let Some(Reverse((e, i))) = self.heap.pop() else {
            return Ok(None);
        };
        self.refill(i)?;
        Ok(Some(e))
    }
}

/// The sorted entries of a [`Sorter`]; an error (reading a spilled run back) ends the iteration.
pub struct Sorted {
    merge: Option<Merge>,
    error: Option<crate::StoreError>,
    _guard: Guard,
}

impl Iterator for Sorted {
    type Item = Result<Entry, crate::StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.error.take() {
            self.merge = None;
            return Some(Err(e));
        }
        match self.merge.as_mut()?.next_entry() {
            Ok(e) => e.map(Ok),
            Err(e) => {
                self.merge = None;
                Some(Err(e.into_store()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_and_in_memory_sorts_agree() {
        let mut x = 88_172_645_463_325_252u64;
        let entries: Vec<Entry> = (0..20_000u64)
            .map(|seq| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                Entry {
                    key: u128::from(x % 5000),
                    seq,
                    digest: 0,
                }
            })
            .collect();
        let mut want = entries.clone();
        want.sort_unstable();
        // 20,000 entries, 100 in memory: 200 runs, merged into one at every 64.
        let mut s = Sorter::with_memory(100);
        for e in &entries {
            s.push(*e);
        }
        assert!(s.spilled_runs() < MAX_RUNS);
        let got: Vec<Entry> = s.finish().map(Result::unwrap).collect();
        assert_eq!(got, want);
    }
}
