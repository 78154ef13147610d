//! The id index of a file store: runs on disk, a filter in front of them, recent ids in memory.
//!
//! ```text
//! DIR/ids/run-<first:020>-<last:020>.bin   sorted run of the ids of records first..=last
//! DIR/ids/filter.bin                       Bloom filter over the runs' keys
//! DIR/ids/tmp-*                            a run being written (removed when found)
//! ```
//!
//! The runs cover records `1..=L` without gaps or overlaps; the ids of records after `L` (at most
//! [`MEMORY_IDS`]) are held in memory until they are written as the next run, when the table is
//! full and when the writer closes. A run is written to a temporary name and renamed (not
//! synced: it is derived data, and a run torn by a power loss fails its checksums); the four
//! newest runs are merged into one while they are of a size (tiered: every id is rewritten once
//! per level, at most three runs per level, O(log n) runs). A merge leaves its inputs until the
//! merged run is in place; the next open keeps the widest runs and removes the rest.
//!
//! Opening checks every run's header and length, keeps the longest gap-free chain of runs from
//! record 1, and checks that the ledger's record `L` has the hash the last run recorded; the
//! caller then feeds the records after `L` ([`IdIndex::catch_up_from`]). Anything that does not
//! check out (a page checksum, a run after the ledger's end, a hash that differs) throws the
//! index away; it is rebuilt from the records.

use std::path::{Path, PathBuf};

use rxledger_chain::{Digest, Head};

use super::filter::Filter;
use super::run::{Run, RunError, RunMeta, RunWriter};
use super::{Entry, IdKey, IdMap, Stored};

/// Ids held in memory before they are written as a run.
pub(crate) const MEMORY_IDS: usize = 1 << 16;

/// Runs merged at a time.
const TIER: usize = 4;

/// Name of the index directory inside a ledger directory.
pub(crate) const IDS_DIR: &str = "ids";

fn run_name(first: u64, last: u64) -> String {
    format!("run-{first:020}-{last:020}.bin")
}

fn parse_run_name(name: &str) -> Option<(u64, u64)> {
    let rest = name.strip_prefix("run-")?.strip_suffix(".bin")?;
    let (a, b) = rest.split_once('-')?;
    if a.len() != 20 || b.len() != 20 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// The id index of one ledger.
pub(crate) struct IdIndex {
    /// The `ids/` directory; `None` keeps everything in memory (stores on a simulated disk).
    dir: Option<PathBuf>,
    runs: Vec<Run>,
    /// The last record covered by the runs.
    runs_head: Head,
    filter: Filter,
    mem: IdMap,
    /// The last record indexed (runs and memory).
    head: Head,
    /// A run could not be written; retried at the next append.
    flush_failed: bool,
    /// Ids held in memory before they are written as a run.
    limit: usize,
}

impl IdIndex {
    /// An index held in memory only.
    pub(crate) fn in_memory() -> IdIndex {
        IdIndex {
            dir: None,
            runs: Vec::new(),
            runs_head: Head::default(),
            filter: Filter::for_keys(0),
            mem: IdMap::default(),
            head: Head::default(),
            flush_failed: false,
            limit: MEMORY_IDS,
        }
    }

    /// Opens the index beside the ledger directory `ledger` whose acknowledged head is `head`.
    /// Returns the index and the first record it still needs ([`IdIndex::catch_up_from`]).
    pub(crate) fn open(ledger: &Path, head: Head) -> Result<(IdIndex, u64), RunError> {
        let dir = ledger.join(IDS_DIR);
        let io = |e| RunError::Io(dir.clone(), e);
        std::fs::create_dir_all(&dir).map_err(io)?;
        let mut idx = IdIndex {
            dir: Some(dir.clone()),
            ..IdIndex::in_memory()
        };
        let mut found: Vec<(u64, u64, String)> = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(io)? {
            let name = entry
                .map_err(io)?
                .file_name()
                .to_string_lossy()
                .into_owned();
            if let Some((a, b)) = parse_run_name(&name) {
                found.push((a, b, name));
            } else if name.starts_with("tmp-") || name == "filter.tmp" {
                let _ = std::fs::remove_file(dir.join(&name));
            }
        }
        // The chain from record 1, widest run first at each step.
        found.sort_by_key(|(a, b, _)| (*a, std::cmp::Reverse(*b)));
        let mut next = 1u64;
        let mut keep = Vec::new();
        for (a, b, name) in &found {
            if *a != next || *b > head.seq {
                continue;
            }
            match Run::open(&dir.join(name)) {
                Ok(run) if run.meta().first == *a && run.meta().last == *b => {
                    keep.push(name.clone());
                    next = b + 1;
                    idx.runs.push(run);
                }
                _ => break,
            }
        }
        for (_, _, name) in &found {
            if !keep.contains(name) {
                let _ = std::fs::remove_file(dir.join(name));
            }
        }
        if let Some(last) = idx.runs.last() {
            let m = last.meta();
            idx.runs_head = Head {
                seq: m.last,
                hash: m.last_hash,
            };
            idx.head = idx.runs_head;
            if m.last == head.seq && m.last_hash != head.hash {
                idx.reset();
            }
        }
        idx.load_filter()?;
        let from = idx.head.seq + 1;
        Ok((idx, from))
    }

    /// The hash the record before [`IdIndex::catch_up_from`]'s first must have as its `prev`.
    pub(crate) fn expected_prev(&self) -> Digest {
        self.head.hash
    }

    /// Sets how many ids are held in memory before they are written as a run.
    pub(crate) fn set_limit(&mut self, ids: usize) {
        self.limit = ids.max(1);
    }

    /// Number of runs on disk.
    pub(crate) fn runs(&self) -> usize {
        self.runs.len()
    }

    /// The last record indexed.
    pub(crate) fn head(&self) -> Head {
        self.head
    }

    /// Loads the saved filter, or rebuilds it from the runs.
    fn load_filter(&mut self) -> Result<(), RunError> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let path = dir.join("filter.bin");
        if let Some(f) = Filter::load(&path, self.runs_head.seq, &self.runs_head.hash) {
            self.filter = f;
            return Ok(());
        }
        self.rebuild_filter()
    }

    fn rebuild_filter(&mut self) -> Result<(), RunError> {
        let keys: u64 = self.runs.iter().map(|r| r.meta().entries).sum();
        let mut f = Filter::for_keys(keys);
        for run in &self.runs {
            let mut it = run.entries()?;
            while let Some(e) = it.next_entry()? {
                f.insert(e.key);
            }
        }
        self.filter = f;
        self.save_filter();
        Ok(())
    }

    fn save_filter(&self) {
        if let Some(dir) = &self.dir {
            // Derived data checked on load: a failed save only costs a rebuild later.
            let _ = self.filter.save(
                &dir.join("filter.bin"),
                self.runs_head.seq,
                &self.runs_head.hash,
            );
        }
    }

    /// Throws the index away (files included): it is to be rebuilt from record 1.
    pub(crate) fn reset(&mut self) {
        for r in self.runs.drain(..) {
            let _ = std::fs::remove_file(r.path());
        }
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_file(dir.join("filter.bin"));
        }
        self.runs_head = Head::default();
        self.head = Head::default();
        self.mem.clear();
        self.filter = Filter::for_keys(0);
    }

    /// Records that record `seq` holds an event with `key` (or none); call in seq order, then
    /// [`IdIndex::advance`] with the head.
    pub(crate) fn insert(&mut self, key: Option<IdKey>, seq: u64) {
        if let Some(k) = key {
            self.mem.entry(k.key).or_insert(Stored {
                seq,
                digest: k.digest,
            });
        }
    }

    /// Everything up to `head` is indexed; writes a run if memory is full.
    pub(crate) fn advance(&mut self, head: Head) -> Result<(), RunError> {
        self.head = head;
        if self.dir.is_some() && (self.mem.len() >= self.limit || self.flush_failed) {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the ids held in memory as the next run (and merges runs).
    pub(crate) fn flush(&mut self) -> Result<(), RunError> {
        let Some(dir) = self.dir.clone() else {
            return Ok(());
        };
        if self.head.seq == self.runs_head.seq {
            return Ok(());
        }
        self.flush_failed = true;
        let mut entries: Vec<Entry> = self
            .mem
            .iter()
            .map(|(&key, s)| Entry {
                key,
                seq: s.seq,
                digest: s.digest,
            })
            .collect();
        entries.sort_unstable();
        let first = self.runs_head.seq + 1;
        let meta = RunMeta {
            first,
            last: self.head.seq,
            last_hash: self.head.hash,
            entries: 0,
        };
        let run = write_run(&dir, meta, entries.iter().copied().map(Ok))?;
        if self
            .filter
            .too_small_for(self.filter_keys() + entries.len() as u64)
        {
            self.runs.push(run);
            self.rebuild_filter()?;
        } else {
            for e in &entries {
                self.filter.insert(e.key);
            }
            self.runs.push(run);
        }
        self.runs_head = self.head;
        self.mem.clear();
        self.flush_failed = false;
        self.compact(&dir)
    }

    /// [`IdIndex::flush`], and saves the filter (a writer that dies without closing leaves the
    /// filter stale, and the next one rebuilds it from the runs).
    pub(crate) fn close(&mut self) -> Result<(), RunError> {
        self.flush()?;
        self.save_filter();
        Ok(())
    }

    fn filter_keys(&self) -> u64 {
        self.runs.iter().map(|r| r.meta().entries).sum()
    }

    /// Merges the four newest runs into one while they are of a size (the oldest of them less
    /// than twice the newest): every id is rewritten once per level, and there are at most three
    /// runs of each level, O(log n) runs in all.
    fn compact(&mut self, dir: &Path) -> Result<(), RunError> {
        let size = |r: &Run| r.meta().entries.max(1);
        while self.runs.len() >= TIER {
            let n = self.runs.len();
            if size(&self.runs[n - TIER]) >= 2 * size(&self.runs[n - 1]) {
                break;
            }
            let tail = &self.runs[n - TIER..];
            let meta = RunMeta {
                first: tail[0].meta().first,
                last: tail[TIER - 1].meta().last,
                last_hash: tail[TIER - 1].meta().last_hash,
                entries: 0,
            };
            let mut iters = tail
                .iter()
                .map(Run::entries)
                .collect::<Result<Vec<_>, _>>()?;
            let mut heads = iters
                .iter_mut()
                .map(super::run::RunIter::next_entry)
                .collect::<Result<Vec<_>, _>>()?;
            let merged = std::iter::from_fn(|| {
                let (i, e) = heads
                    .iter()
                    .enumerate()
                    .filter_map(|(i, e)| e.map(|e| (i, e)))
                    .min_by_key(|(_, e)| *e)?;
                match iters.get_mut(i).map(super::run::RunIter::next_entry) {
                    Some(Ok(next)) => heads[i] = next,
                    Some(Err(err)) => return Some(Err(err)),
                    None => heads[i] = None,
                }
                Some(Ok(e))
            });
            let run = write_run(dir, meta, merged)?;
            for old in self.runs.drain(n - TIER..) {
                let _ = std::fs::remove_file(old.path());
            }
            self.runs.push(run);
        }
        Ok(())
    }

    /// Where each key's id is stored, if it is.
    pub(crate) fn find(&mut self, keys: &[IdKey]) -> Result<Vec<Option<Stored>>, RunError> {
        let mut out: Vec<Option<Stored>> =
            keys.iter().map(|k| self.mem.get(&k.key).copied()).collect();
        let mut todo: Vec<(u128, usize)> = keys
            .iter()
            .enumerate()
            .filter(|(i, k)| {
                out.get(*i).is_some_and(Option::is_none) && self.filter.may_contain(k.key)
            })
            .map(|(i, k)| (k.key, i))
            .collect();
        todo.sort_unstable();
        for run in self.runs.iter_mut().rev() {
            if todo.is_empty() {
                break;
            }
            run.lookup_sorted(&todo, &mut out)?;
            todo.retain(|(_, i)| out.get(*i).is_some_and(Option::is_none));
        }
        Ok(out)
    }
}

/// Writes a run under a temporary name and renames it into place. Neither the run nor the
/// directory is synced: a run is derived data, and one that a power loss left torn or empty
/// fails its header, length or page checksums and is rebuilt from the records (a killed process
/// loses nothing written, so the rename alone keeps names and contents together).
fn write_run(
    dir: &Path,
    meta: RunMeta,
    entries: impl Iterator<Item = Result<Entry, RunError>>,
) -> Result<Run, RunError> {
    let tmp = dir.join(format!("tmp-{}-{}", meta.first, meta.last));
    let mut w = RunWriter::create(&tmp, meta.first)?;
    for e in entries {
        w.push(e?)?;
    }
    let meta = w.finish(meta)?;
    let path = dir.join(run_name(meta.first, meta.last));
    std::fs::rename(&tmp, &path).map_err(|e| RunError::Io(path.clone(), e))?;
    Run::open(&path)
}
