//! The on-disk layout of a file-store ledger, owned here and nowhere else.
//!
//! ```text
//! DIR/
//!   LEDGER                          marker: "rxledger ledger v1"
//!   LOCK                            held (flock) by the single writer
//!   seg-00000000000000000001.jsonl  records 1.. (one canonical record per line)
//!   seg-00000000000000250001.jsonl  the next segment, named after its first seq
//!   checkpoints.jsonl               checkpoint history (crate::history)
//!   merkle/leaves.bin               Merkle index (crate::merkle_index), derived data
//!   merkle/blocks.bin
//!   merkle/head
//! ```
//!
//! Code above the store finds records through a [`Locator`] (seq → file and line), the checkpoint
//! history through [`crate::history::CheckpointHistory`] and the Merkle index through
//! [`crate::merkle_index`]; it never names a file inside a ledger directory.

use std::path::{Path, PathBuf};

use crate::vfs::Vfs;
use crate::{io_err, StdVfs, StoreError};

/// Contents of the `LEDGER` marker file.
pub const MARKER: &[u8] = b"rxledger ledger v1\n";
/// Name of the marker file.
pub const MARKER_FILE: &str = "LEDGER";
/// Name of the lock file.
pub const LOCK_FILE: &str = "LOCK";
/// Name of the checkpoint history file.
pub(crate) const HISTORY_FILE: &str = "checkpoints.jsonl";
/// Name of the Merkle index directory.
pub(crate) const MERKLE_DIR: &str = "merkle";

/// True when `path` names one of a ledger directory's own files or folders (its marker, lock,
/// segments, checkpoint history, Merkle or id index), in a ledger directory: what no command
/// may write its output over (attacker round 26: `checkpoint -o DIR/checkpoints.jsonl` left the
/// history damaged and every writer locked out).
pub fn is_ledger_file(path: &Path) -> bool {
    let mut parts = Vec::new();
    let mut at = path;
    // The file itself, or something inside the ledger's `merkle/` or `ids/` folders.
    while let (Some(name), Some(parent)) = (at.file_name(), at.parent()) {
        parts.push(name.to_string_lossy().into_owned());
        let dir = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if crate::is_store_dir(dir) {
            let top = parts.last().map_or("", String::as_str);
            return [
                MARKER_FILE,
                LOCK_FILE,
                HISTORY_FILE,
                MERKLE_DIR,
                crate::ids::index::IDS_DIR,
            ]
            .contains(&top)
                || parse_segment_name(top).is_some();
        }
        if parts.len() >= 3 {
            return false;
        }
        at = parent;
    }
    false
}

/// Name of the segment whose first record is `seq`.
pub fn segment_name(seq: u64) -> String {
    format!("seg-{seq:020}.jsonl")
}

/// Parses a segment file name into its first seq.
pub fn parse_segment_name(name: &str) -> Option<u64> {
    let digits = name.strip_prefix("seg-")?.strip_suffix(".jsonl")?;
    if digits.len() != 20 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The segments of a ledger directory, sorted by first seq.
pub(crate) fn list_segments<V: Vfs>(
    vfs: &V,
    dir: &Path,
) -> Result<Vec<(u64, PathBuf)>, StoreError> {
    let mut segs: Vec<(u64, PathBuf)> = vfs
        .list_dir(dir)
        .map_err(io_err(dir))?
        .into_iter()
        .filter_map(|n| parse_segment_name(&n).map(|s| (s, dir.join(n))))
        .collect();
    segs.sort();
    Ok(segs)
}

/// `(first seq, file)` of every segment of the ledger directory `dir`, sorted by first seq.
pub fn segments(dir: &Path) -> Result<Vec<(u64, PathBuf)>, StoreError> {
    list_segments(&StdVfs, dir)
}

/// Bytes of records a full pass over the ledger at `path` reads (its segments, or the exported
/// file), for progress displays.
pub fn record_bytes(path: &Path) -> Result<u64, StoreError> {
    let files = if path.is_dir() {
        segments(path)?.into_iter().map(|(_, p)| p).collect()
    } else {
        vec![path.to_owned()]
    };
    files.iter().try_fold(0, |sum, f| {
        let len = std::fs::metadata(f).map_err(io_err(f))?.len();
        Ok(sum + len)
    })
}

/// Where the records of a ledger are: maps a seq to the file and 1-based line holding it.
///
/// For a ledger directory the file is the segment holding the record; for an exported file or a
/// store without files (such as [`crate::MemStore`]) it is the ledger's own path or name, and the
/// line is the seq.
///
/// ```
/// use std::path::Path;
/// use rxledger_store::{FileStore, Locator, Store};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("ledger");
/// FileStore::init(&path)?;
/// let mut store = FileStore::open(&path)?.with_segment_limit(1);
/// store.append(&[br#"{"n":1}"#.as_slice(), br#"{"n":2}"#])?;
/// store.append(&[br#"{"n":3}"#.as_slice()])?;
/// let locator = Locator::for_path(&path)?;
/// let (file, line) = locator.locate(3);
/// assert_eq!(line, 1); // the first line of the second segment
/// assert_ne!(file, locator.locate(2).0);
/// assert_eq!(Locator::single(Path::new("x.jsonl")).locate(7), (Path::new("x.jsonl").into(), 7));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locator {
    path: PathBuf,
    segments: Vec<(u64, PathBuf)>,
}

impl Locator {
    /// A ledger in one file (an export), or a store named `path`: line N holds record N.
    pub fn single(path: impl Into<PathBuf>) -> Locator {
        Locator {
            path: path.into(),
            segments: Vec::new(),
        }
    }

    /// The locator of a ledger directory or exported file.
    pub fn for_path(path: &Path) -> Result<Locator, StoreError> {
        if path.is_dir() {
            Ok(Locator {
                path: path.to_owned(),
                segments: segments(path)?,
            })
        } else {
            Ok(Locator::single(path))
        }
    }

    /// A ledger directory with the given segments.
    pub(crate) fn with_segments(dir: &Path, segments: Vec<(u64, PathBuf)>) -> Locator {
        Locator {
            path: dir.to_owned(),
            segments,
        }
    }

    /// The ledger's path (directory or file) or name.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `(first seq, file)` of every segment (empty for a single file).
    pub fn segments(&self) -> &[(u64, PathBuf)] {
        &self.segments
    }

    /// The file and 1-based line holding record `seq`.
    pub fn locate(&self, seq: u64) -> (PathBuf, u64) {
        match self.segments.iter().rev().find(|(first, _)| *first <= seq) {
            Some((first, file)) => (file.clone(), seq - first + 1),
            None => (self.path.clone(), seq),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_names_round_trip() {
        assert_eq!(segment_name(250_001), "seg-00000000000000250001.jsonl");
        assert_eq!(parse_segment_name(&segment_name(42)), Some(42));
        assert_eq!(parse_segment_name("seg-1.jsonl"), None);
        assert_eq!(parse_segment_name(HISTORY_FILE), None);
    }

    #[test]
    fn a_seq_before_the_first_segment_falls_back_to_the_path() {
        let l = Locator::with_segments(Path::new("d"), vec![(1, "d/a".into()), (11, "d/b".into())]);
        assert_eq!(l.locate(10), (PathBuf::from("d/a"), 10));
        assert_eq!(l.locate(11), (PathBuf::from("d/b"), 1));
        assert_eq!(l.locate(0), (PathBuf::from("d"), 0));
    }
}
