//! Shipped unit codes on disk: the codes that left the company more than [`HOT_DAYS`] ago,
//! moved once a week of ledger time from memory to an unnamed temporary file per week, sorted by
//! key, and looked up there when a code not in memory comes back or moves again.
//!
//! A shipped code is remembered for the return window (180 days) so that a returned unit is
//! recognised (`CODE-UNKNOWN`) and a unit shipped twice is caught (`CODE-DUP`). At a
//! wholesaler's volume that is millions of codes, nearly all of which never come back: about
//! 100 MB at 10 million events a year. On disk each costs under 2 bytes of memory: a Bloom
//! filter (12 bits a code) and, per block of [`BLOCK`] codes, its first key and its place.
//!
//! A lookup tries the files newest first (a code shipped, returned and shipped again lies in a
//! later file with its later day); in each, the filter, then one read of one block, checked with
//! blake3, and a binary search. A file goes as a whole when its latest day is past the return
//! window. A file that cannot be made or written keeps its codes in memory (memory, never a
//! code, is lost); a block that cannot be read back is a fault, reported by
//! [`crate::Engine::try_finish_with_pending`], and its code is treated as unknown.

use std::fs::File;
use std::hash::BuildHasher;
use std::io;
use std::path::PathBuf;

use crate::engine::spill::{read_at, unframe, write_frame, BadFrame, Bloom, FRAME_HEAD};

/// Shipped codes move to disk at the first sweep after this many days (a return or a second
/// dispatch of the same unit within them finds it in memory).
pub(super) const HOT_DAYS: u32 = 7;

/// Codes a block holds: one read of 2,560 bytes finds a code.
const BLOCK: usize = 128;

/// Bytes of a code on disk: its key (16) and what is remembered of it (8: the day it left in the
/// low 32 bits, whom it left to above them; see [`Shipped::spill`]).
const ENTRY: usize = 24;

/// One week's shipped codes on disk.
struct Run {
    file: File,
    /// Bytes written to the file.
    len: u64,
    /// The latest day a code of the run left: the run is forgotten with it.
    last_day: u32,
    /// The first key of each block, and where the block's frame starts; sorted.
    blocks: Vec<(u128, u64)>,
    /// A Bloom filter over the run's keys.
    filter: Bloom,
}

/// Shipped codes on disk (see the module's documentation).
pub(crate) struct Shipped {
    /// Oldest first.
    runs: Vec<Run>,
    /// Keys the Bloom filters' probes, at random per process, so that no ledger can be written
    /// to make every lookup read a block.
    probe: std::hash::RandomState,
    dir: PathBuf,
    /// Why a code could not be read back (the first such error).
    pub fault: Option<io::Error>,
    /// A file could not be made or written: codes stay in memory from then on.
    pub write_failed: bool,
}

impl Default for Shipped {
    fn default() -> Self {
        Shipped::in_dir(std::env::temp_dir())
    }
}

impl Shipped {
    /// Codes moved to files made in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Shipped {
            runs: Vec::new(),
            probe: std::hash::RandomState::new(),
            dir: dir.into(),
            fault: None,
            write_failed: false,
        }
    }

    /// Where its files are made.
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// Whether no code waits on disk.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Codes waiting on disk.
    #[cfg(test)]
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    /// Writes `codes` (key, and what the caller remembers of it: the day it left in the low 32
    /// bits, which forget it) to a new file; on an error nothing is kept, and the caller keeps the
    /// codes in memory.
    pub fn spill(&mut self, mut codes: Vec<(u128, u64)>) -> io::Result<()> {
        if codes.is_empty() {
            return Ok(());
        }
        codes.sort_unstable_by_key(|c| c.0);
        // Written a block at a time, through a buffer.
        let mut file = io::BufWriter::with_capacity(1 << 16, tempfile::tempfile_in(&self.dir)?);
        let mut len = 0u64;
        let mut blocks = Vec::with_capacity(codes.len().div_ceil(BLOCK));
        let mut payload = Vec::with_capacity(BLOCK * ENTRY);
        for chunk in codes.chunks(BLOCK) {
            payload.clear();
            for (k, value) in chunk {
                payload.extend_from_slice(&k.to_le_bytes());
                payload.extend_from_slice(&value.to_le_bytes());
            }
            blocks.push((chunk[0].0, len));
            len += write_frame(&mut file, &payload)?;
        }
        let mut filter = Bloom::with_room(codes.len());
        for (k, _) in &codes {
            filter.insert(self.probe.hash_one(k));
        }
        let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        self.runs.push(Run {
            file,
            len,
            last_day: codes.iter().map(|c| day_of(c.1)).max().unwrap_or(0),
            blocks,
            filter,
        });
        Ok(())
    }

    /// What was remembered of the unit `key` ([`Shipped::spill`]), when a file has it (the latest
    /// file that does).
    pub fn get(&mut self, key: u128) -> Option<u64> {
        let h = self.probe.hash_one(key);
        for run in self.runs.iter_mut().rev() {
            if !run.filter.may_contain(h) {
                continue;
            }
            match find(run, key) {
                Ok(Some(day)) => return Some(day),
                Ok(None) => {}
                Err(e) => {
                    self.fault.get_or_insert(e);
                }
            }
        }
        None
    }

    /// Forgets the files all of whose codes left more than `window` days before `today`.
    pub fn forget(&mut self, today: u32, window: u32) {
        // Closing a file's only handle removes it.
        self.runs
            .retain(|r| super::remembered(r.last_day, window, today));
    }
}

/// The day in the low 32 bits of a remembered value.
fn day_of(value: u64) -> u32 {
    // (Truncation is the point: the day is the low half.)
    (value & u64::from(u32::MAX)) as u32
}

/// What was remembered of `key`, if `run` has it.
fn find(run: &mut Run, key: u128) -> io::Result<Option<u64>> {
    let i = run.blocks.partition_point(|b| b.0 <= key);
    let Some(&(_, at)) = i.checked_sub(1).and_then(|i| run.blocks.get(i)) else {
        return Ok(None);
    };
    let end = run.blocks.get(i).map_or(run.len, |b| b.1);
    let bad = |what: &str| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("shipped unit codes set aside on disk: a block at byte {at} {what}"),
        )
    };
    let len = usize::try_from(end.saturating_sub(at)).unwrap_or(usize::MAX);
    if !(FRAME_HEAD..=FRAME_HEAD + BLOCK * ENTRY).contains(&len) {
        return Err(bad("has an impossible length"));
    }
    let mut buf = vec![0u8; len];
    read_at(&mut run.file, &mut buf, at).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("shipped unit codes set aside on disk: {e}"),
        )
    })?;
    let body = match unframe(&buf) {
        Ok((body, [])) if body.len() % ENTRY == 0 => body,
        Ok(_) => return Err(bad("is not a whole number of codes")),
        Err(BadFrame::Checksum) => return Err(bad("fails its checksum")),
        Err(BadFrame::CutShort) => return Err(bad("is cut short")),
    };
    let entry = |j: usize| {
        let e = &body[j * ENTRY..(j + 1) * ENTRY];
        let (mut k, mut value) = ([0u8; 16], [0u8; 8]);
        k.copy_from_slice(&e[..16]);
        value.copy_from_slice(&e[16..]);
        (u128::from_le_bytes(k), u64::from_le_bytes(value))
    };
    let n = body.len() / ENTRY;
    let (mut j, mut hi) = (0, n);
    while j < hi {
        let mid = usize::midpoint(j, hi);
        if entry(mid).0 < key {
            j = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok((j < n && entry(j).0 == key).then(|| entry(j).1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes read back as written, from the newest file that has them; absent codes are absent;
    /// a file goes when its latest day is past the window.
    #[test]
    fn codes_read_back_newest_first_and_go_with_their_window() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Shipped::in_dir(dir.path());
        // Keys spread over the whole range, several blocks.
        let key = |n: u128| n.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835);
        // The day in the low half, whom it left to above it (read back whole).
        let value = |day: u64, to: u64| (to << 32) | day;
        s.spill(
            (0..1000)
                .map(|n| (key(n), value(10 + (n % 3) as u64, n as u64)))
                .collect(),
        )
        .unwrap();
        s.spill(vec![(key(5), 20), (key(2000), 21)]).unwrap();
        for n in 0..1000 {
            let want = if n == 5 {
                20
            } else {
                value(10 + (n % 3) as u64, n as u64)
            };
            assert_eq!(s.get(key(n)), Some(want), "{n}");
        }
        assert_eq!(s.get(key(2000)), Some(21));
        for n in 3000..4000 {
            assert_eq!(s.get(key(n)), None);
        }
        assert_eq!((s.get(key(999_999)), s.get(u128::MAX)), (None, None));
        s.forget(12 + 180, 180);
        assert_eq!(s.runs(), 2);
        s.forget(13 + 180, 180);
        assert_eq!(
            (s.runs(), s.get(key(1)), s.get(key(5))),
            (1, None, Some(20))
        );
        s.forget(22 + 180, 180);
        assert!(s.is_empty());
        assert!(s.fault.is_none());
    }

    /// A damaged block is a fault, and its code unknown; the other blocks still read.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_damaged_block_is_a_fault() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Shipped::in_dir(dir.path());
        s.spill((0..300u128).map(|n| (n, 1)).collect()).unwrap();
        let damaged = crate::testing::damage_open_files_in(dir.path(), |f| {
            crate::testing::write_at(f, b"\xff", FRAME_HEAD as u64 + 3);
        });
        assert_eq!(damaged, 1);
        assert_eq!(s.get(200), Some(1));
        assert!(s.fault.is_none());
        assert_eq!(s.get(3), None);
        let fault = s.fault.take().expect("a fault").to_string();
        assert!(fault.contains("fails its checksum"), "{fault}");
    }

    /// A directory where no file can be made: the spill fails, and nothing is kept.
    #[test]
    fn no_file_no_codes_kept() {
        let mut s = Shipped::in_dir("/nonexistent/rxledger-test");
        assert!(s.spill(vec![(1, 1)]).is_err());
        assert!(s.is_empty());
        assert_eq!(s.get(1), None);
    }
}
