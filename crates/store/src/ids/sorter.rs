//! Sorting any number of [`Entry`]s in bounded memory.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::PathBuf;

use super::run::{Run, RunError, RunIter, RunMeta, RunWriter};
use super::Entry;
use rxledger_chain::Digest;

/// Entries kept in memory before a sorted run is spilled (40 bytes each: 5 MiB).
pub const DEFAULT_SORT_MEMORY: usize = 1 << 17;
/// Spilled runs merged into one once there are this many (bounds open files).
const MAX_RUNS: usize = 64;

/// Sorts entries in bounded memory: up to a limit they are kept in memory; beyond it each full
/// buffer is sorted and spilled to an unnamed temporary file (which the system removes when the
/// [`Sorted`] result is dropped, or the process ends, however it ends), and the runs are merged
/// at the end. If spilling fails (no temporary directory, a full disk) the entries stay in
/// memory instead: the result is the same, only memory grows.
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
    /// Where the runs are made (the system's temporary directory unless set).
    dir: PathBuf,
    runs: Vec<Run>,
    spill_failed: bool,
}

impl Default for Sorter {
    fn default() -> Self {
        Self::with_memory(DEFAULT_SORT_MEMORY)
    }
}

impl Sorter {
    /// A sorter keeping at most `entries` entries in memory (at least 1).
    pub fn with_memory(entries: usize) -> Self {
        Sorter {
            mem: Vec::new(),
            limit: entries.max(1),
            dir: std::env::temp_dir(),
            runs: Vec::new(),
            spill_failed: false,
        }
    }

    /// [`Sorter::with_memory`], spilling its runs to `dir` instead of the system's temporary
    /// directory.
    pub fn with_memory_in(entries: usize, dir: impl Into<PathBuf>) -> Self {
        Sorter {
            dir: dir.into(),
            ..Sorter::with_memory(entries)
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
        self.mem.sort_unstable();
        let mut w = RunWriter::temporary(&self.dir, 0)?;
        for e in &self.mem {
            w.push(*e)?;
        }
        self.runs.push(w.finish_temporary(META)?);
        self.mem.clear();
        if self.runs.len() >= MAX_RUNS {
            let mut w = RunWriter::temporary(&self.dir, 0)?;
            let mut merged = Merge::new(Vec::new(), &self.runs)?;
            while let Some(e) = merged.next_entry()? {
                w.push(e)?;
            }
            let run = w.finish_temporary(META)?;
            // Closing the last handle of each run removes it.
            drop(merged);
            self.runs.clear();
            self.runs.push(run);
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
        // The merge reads the runs through handles of its own.
        Sorted { merge, error }
    }
}

const META: RunMeta = RunMeta {
    first: 0,
    last: 0,
    last_hash: Digest([0; 32]),
    entries: 0,
};

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

    fn entries(n: u64) -> impl Iterator<Item = Entry> {
        (0..n).map(|seq| Entry {
            key: u128::from(seq.wrapping_mul(0x9E37_79B9_7F4A_7C15) % 1000),
            seq,
            digest: 0,
        })
    }

    /// The runs are unnamed files: nothing in the directory names them while they are written,
    /// merged and read, so a process killed at any point leaves nothing behind. (On Unix; on
    /// Windows the system deletes a file when its last handle closes, and lists it until then.)
    #[cfg(unix)]
    #[test]
    fn spilled_runs_have_no_name_in_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        let listed = || std::fs::read_dir(dir.path()).unwrap().count();
        let mut s = Sorter::with_memory_in(10, dir.path());
        for e in entries(10 * (MAX_RUNS as u64 + 5)) {
            s.push(e);
        }
        // Merged into one at MAX_RUNS runs, then five more.
        assert_eq!(s.spilled_runs(), 6);
        assert_eq!(listed(), 0);
        let mut sorted = s.finish();
        let first = sorted.next().unwrap().unwrap();
        assert_eq!((first.key, listed()), (0, 0));
        let rest: Vec<Entry> = sorted.map(Result::unwrap).collect();
        assert_eq!(rest.len() + 1, 10 * (MAX_RUNS + 5));
        assert!(rest.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(listed(), 0);
    }

    /// 2,000 entries spilled in four runs of 500.
    fn four_runs() -> Sorter {
        let mut s = Sorter::with_memory(500);
        for e in entries(2000) {
            s.push(e);
        }
        assert_eq!(s.spilled_runs(), 4);
        s
    }

    /// A spilled run that cannot be read back whole ends the result with an error, not early
    /// and silently.
    #[cfg(unix)]
    #[test]
    fn a_damaged_run_ends_the_result_with_an_error() {
        use std::os::unix::fs::FileExt;
        let s = four_runs();
        // The fourth page of entries of the third run: the merge has read hundreds of entries
        // by the time it gets there.
        let page = super::super::run::PAGE as u64;
        s.runs[2]
            .file()
            .write_all_at(&[0xA5; 64], 4 * page + 8)
            .unwrap();
        let got: Vec<_> = s.finish().collect();
        let (last, ok) = got.split_last().unwrap();
        assert!(ok.iter().all(Result::is_ok), "one error, at the end");
        assert!(
            !ok.is_empty() && ok.len() < 2000,
            "{} entries before it",
            ok.len()
        );
        let err = last.as_ref().unwrap_err().to_string();
        assert!(err.contains("checksum"), "{err}");
    }

    /// Undamaged, the same runs give every entry.
    #[test]
    fn spilled_runs_give_every_entry() {
        let s = four_runs();
        assert_eq!(s.finish().map(Result::unwrap).count(), 2000);
    }

    /// A directory where no run can be made: the entries stay in memory, and the result is the
    /// same.
    #[test]
    fn without_a_usable_directory_entries_stay_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Sorter::with_memory_in(10, dir.path().join("missing"));
        for e in entries(1000) {
            s.push(e);
        }
        assert_eq!(s.spilled_runs(), 0);
        let got: Vec<Entry> = s.finish().map(Result::unwrap).collect();
        let mut want: Vec<Entry> = entries(1000).collect();
        want.sort_unstable();
        assert_eq!(got, want);
    }
}
