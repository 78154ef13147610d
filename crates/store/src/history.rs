//! The checkpoint history of a ledger: every checkpoint signed over it, oldest first.
//!
//! A ledger directory keeps it in `checkpoints.jsonl`, one JSON object per line, appended and
//! synced for every checkpoint and never rewritten:
//!
//! ```text
//! {"note":"<signed note>","root":"<64 hex: Merkle root>","size":<records>}
//! ```
//!
//! `note` is the complete signed note (C2SP tlog-checkpoint: origin, size and base64 root, a blank
//! line, the signature lines); `size` and `root` repeat its tree size and root for readers that do
//! not parse notes. The store does not check signatures: that needs the signer's public key.
//!
//! A last line without its newline is what a checkpoint interrupted while writing it leaves (its
//! note was never handed out: the history is written before the note). If it is a whole entry
//! nonetheless (only the newline is missing), it counts, and the next checkpoint ends it with the
//! newline; otherwise readers pass over it, and the next checkpoint cuts it off before writing
//! its own line (attacker round 26: dropping the last newline turned a whole signed entry into
//! a "torn" one, and the guard off).
//!
//! Entries are appended as the ledger grows, so their sizes never decrease, and two entries of
//! one size have one root; a history that breaks this was reordered, copied into or forked, and
//! cannot vouch for anything ([`rxledger_chain::HistoryFault`]). Every entry is checked against
//! the records by readers, not only the last line (attacker round 26: an older entry copied to
//! the end made the last line vouch for less than the history had signed).
//!
//! ```
//! use rxledger_store::history::{CheckpointHistory, HistoryEntry};
//! use rxledger_store::{Digest, FileStore};
//!
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("ledger");
//! FileStore::init(&path)?;
//! let history = CheckpointHistory::of(&path);
//! assert_eq!(history.last()?, None);
//! let entry = HistoryEntry { size: 3, root: Digest([7; 32]), note: "o\n3\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n\n— k x\n".into() };
//! history.append(&entry)?;
//! assert_eq!(history.read()?, vec![entry.clone()]);
//! assert_eq!(history.last()?, Some(entry));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io;
use std::path::{Path, PathBuf};

use rxledger_chain::{Digest, HistoryFault, VerifyError};
use serde::{Deserialize, Serialize};

use crate::layout::HISTORY_FILE;
use crate::vfs::{Vfs, VfsFile};
use crate::{io_err, StdVfs, StoreError};

/// One checkpoint of the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    /// Number of records the checkpoint vouches for.
    pub size: u64,
    /// Merkle root over those records.
    pub root: Digest,
    /// The signed note, as issued.
    pub note: String,
}

/// The stored form of an entry; field order is the file's key order.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    note: String,
    root: String,
    size: u64,
}

impl HistoryEntry {
    /// The entry as one history line (without newline).
    pub fn to_line(&self) -> String {
        let line = Line {
            note: self.note.clone(),
            root: self.root.to_hex(),
            size: self.size,
        };
        // A struct of strings and an integer always serializes.
        serde_json::to_string(&line).unwrap_or_default()
    }

    /// Parses one history line; `Err` says why it is not an entry. Its `size` and `root` must be
    /// those its note states (a checkpoint body's second and third lines: readers check the
    /// records against `root`, and the note is what was signed).
    pub fn from_line(line: &str) -> Result<HistoryEntry, String> {
        use base64::Engine as _;
        let l: Line = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let root = Digest::from_hex(&l.root).ok_or("`root` is not 64 hex digits")?;
        let mut body = l.note.split('\n').skip(1);
        let (size, root64) = (body.next(), body.next());
        if size != Some(l.size.to_string().as_str())
            || root64
                != Some(
                    base64::engine::general_purpose::STANDARD
                        .encode(root.0)
                        .as_str(),
                )
        {
            return Err("`size` and `root` are not those its signed `note` states".into());
        }
        Ok(HistoryEntry {
            size: l.size,
            root,
            note: l.note,
        })
    }
}

/// The checkpoint history of a ledger directory.
#[derive(Clone, Debug)]
pub struct CheckpointHistory {
    dir: PathBuf,
}

impl CheckpointHistory {
    /// The history of the ledger directory `dir` (which need not have one yet).
    pub fn of(dir: &Path) -> Self {
        CheckpointHistory {
            dir: dir.to_owned(),
        }
    }

    /// The file holding the history, for messages about it.
    pub fn path(&self) -> PathBuf {
        self.dir.join(HISTORY_FILE)
    }

    /// Appends `entry` and makes it durable before returning.
    pub fn append(&self, entry: &HistoryEntry) -> Result<(), StoreError> {
        append_with(&StdVfs, &self.dir, entry)
    }

    /// Every entry, oldest first (not a torn last line, see the module's documentation). A line
    /// that is not an entry is an error naming it.
    pub fn read(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        read_with(&StdVfs, &self.dir)
    }

    /// Why a ledger holding `last` acknowledged records cannot be this history's ledger whole:
    /// its newest checkpoint signed more (records were cut off its end), with the history's
    /// path; `None` when it did not. `verify_path` fails such a ledger and a writer refuses to
    /// open it (round 21); a history that cannot vouch for anything fails it too.
    pub fn below(&self, last: u64) -> Option<(VerifyError, PathBuf)> {
        below(&self.vouches(), last).map(|e| (e, self.path()))
    }

    /// What the history vouches for, as a reader of the directory checks it: every entry, oldest
    /// (smallest) first, one per size (empty without a history), or
    /// [`VerifyError::HistoryDamaged`] when it cannot vouch for anything: a complete line that
    /// is not an entry, entries out of order or forked, a history that is not a regular file or
    /// cannot be read. A reader then fails the directory rather than go unguarded (attacker
    /// rounds 24 and 26).
    pub fn vouches(&self) -> Result<Vec<HistoryEntry>, VerifyError> {
        let mut entries = load(&StdVfs, &self.path()).map_err(|d| VerifyError::HistoryDamaged {
            seq: 1,
            line: d.line,
            fault: d.fault,
        })?;
        entries.dedup_by(|b, a| a.size == b.size);
        Ok(entries)
    }

    /// The newest entry, if any: the last one, which is also the largest (see
    /// [`CheckpointHistory::vouches`]); a history that cannot vouch is an error naming the line.
    pub fn last(&self) -> Result<Option<HistoryEntry>, StoreError> {
        Ok(self.read()?.pop())
    }
}

/// [`CheckpointHistory::below`] of what a history vouches for ([`CheckpointHistory::vouches`]):
/// the failure of a ledger holding `last` acknowledged records, if any.
pub(crate) fn below(
    vouched: &Result<Vec<HistoryEntry>, VerifyError>,
    last: u64,
) -> Option<VerifyError> {
    match vouched {
        Err(error) => Some(error.clone()),
        Ok(entries) => match entries.last() {
            Some(signed) if signed.size > last => Some(VerifyError::BelowCheckpoint {
                seq: last + 1,
                last,
                signed: signed.size,
            }),
            _ => None,
        },
    }
}

/// Why a history cannot vouch: the line (0: the file as a whole), the fault and, for a line that
/// is not an entry, why not.
struct Damage {
    line: u64,
    fault: HistoryFault,
    reason: String,
}

impl Damage {
    fn of(line: u64, fault: HistoryFault) -> Damage {
        let reason = fault.to_string();
        Damage {
            line,
            fault,
            reason,
        }
    }
}

/// A history larger than this is refused unread (a sparse file of zeros, `/dev/zero`: attacker
/// round 26). An entry is about 300 bytes: this is a checkpoint a minute for over a year.
const MAX_HISTORY_BYTES: u64 = 256 << 20;

/// The entries of the history at `path`, checked (see [`CheckpointHistory::vouches`]); none
/// when there is no history.
fn load<V: Vfs>(vfs: &V, path: &Path) -> Result<Vec<HistoryEntry>, Damage> {
    if vfs.is_native() {
        match std::fs::metadata(path) {
            Ok(m) if !m.is_file() => return Err(Damage::of(0, HistoryFault::NotAFile)),
            Ok(m) if m.len() > MAX_HISTORY_BYTES => {
                return Err(Damage::of(0, HistoryFault::TooLarge { bytes: m.len() }))
            }
            _ => {}
        }
    }
    let text = match vfs.read(path) {
        Ok(bytes) => {
            String::from_utf8(bytes).map_err(|_| Damage::of(0, HistoryFault::Unreadable))?
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Damage {
                line: 0,
                fault: HistoryFault::Unreadable,
                reason: e.to_string(),
            })
        }
    };
    let torn = !text.is_empty() && !text.ends_with('\n');
    let lines: Vec<&str> = text.lines().collect();
    let mut entries: Vec<HistoryEntry> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let line = i as u64 + 1;
        if l.trim().is_empty() {
            continue;
        }
        let entry = match HistoryEntry::from_line(l) {
            Ok(entry) => entry,
            // A torn last line: passed over.
            Err(_) if torn && i + 1 == lines.len() => break,
            Err(reason) => {
                return Err(Damage {
                    line,
                    fault: HistoryFault::NotAnEntry,
                    reason,
                })
            }
        };
        if let Some(prev) = entries.last() {
            if entry.size < prev.size {
                let fault = HistoryFault::OutOfOrder {
                    size: entry.size,
                    after: prev.size,
                };
                return Err(Damage::of(line, fault));
            }
            if entry.size == prev.size && entry.root != prev.root {
                return Err(Damage::of(line, HistoryFault::Forked { size: entry.size }));
            }
        }
        entries.push(entry);
    }
    Ok(entries)
}

/// [`CheckpointHistory::append`] on the given file system.
pub(crate) fn append_with<V: Vfs>(
    vfs: &V,
    dir: &Path,
    entry: &HistoryEntry,
) -> Result<(), StoreError> {
    let path = dir.join(HISTORY_FILE);
    // A torn last line (an interrupted checkpoint, never handed out) is cut off first, so that
    // this line starts a line of its own (attacker round 24: it was glued onto the torn one, and
    // the history stayed unreadable).
    // (Cut through the native file system: a simulated one keeps its own files.)
    // A last line that is a whole entry but for its newline is kept and ended.
    let read = vfs.is_native().then(|| vfs.read(&path).ok()).flatten();
    let mut end_last = false;
    if let Some(bytes) = read.filter(|b| b.last().is_some_and(|b| *b != b'\n')) {
        let keep = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let whole =
            std::str::from_utf8(&bytes[keep..]).is_ok_and(|l| HistoryEntry::from_line(l).is_ok());
        if whole {
            end_last = true;
        } else {
            cut_to(&path, keep as u64)?;
        }
    }
    let (mut f, created) = match vfs.open_append(&path) {
        Ok(f) => (f, false),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            (vfs.create_new(&path).map_err(io_err(&path))?, true)
        }
        Err(e) => return Err(io_err(&path)(e)),
    };
    let mut line = if end_last {
        "\n".to_owned()
    } else {
        String::new()
    };
    line.push_str(&entry.to_line());
    line.push('\n');
    f.write_all(line.as_bytes())
        .and_then(|()| f.sync_data())
        .map_err(io_err(&path))?;
    if created {
        vfs.sync_dir(dir).map_err(io_err(dir))?;
    }
    Ok(())
}

/// Cuts the history file at `len` bytes and makes it durable.
fn cut_to(path: &Path, len: u64) -> Result<(), StoreError> {
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io_err(path))?;
    f.set_len(len)
        .and_then(|()| f.sync_data())
        .map_err(io_err(path))
}

/// [`CheckpointHistory::read`] on the given file system.
pub(crate) fn read_with<V: Vfs>(vfs: &V, dir: &Path) -> Result<Vec<HistoryEntry>, StoreError> {
    let path = dir.join(HISTORY_FILE);
    load(vfs, &path).map_err(|d| StoreError::History {
        path,
        line: d.line,
        reason: d.reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_format_is_stable() {
        let e = HistoryEntry {
            size: 12,
            root: Digest([0xab; 32]),
            note: "rxledger/X\n12\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\n\n— k AAAA\n"
                .into(),
        };
        let line = e.to_line();
        assert_eq!(
            line,
            format!(
                r#"{{"note":"rxledger/X\n12\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\n\n— k AAAA\n","root":"{}","size":12}}"#,
                "ab".repeat(32)
            )
        );
        assert_eq!(HistoryEntry::from_line(&line), Ok(e));
    }

    #[test]
    fn a_bad_last_line_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        let h = CheckpointHistory::of(d);
        let e = HistoryEntry {
            size: 1,
            root: Digest([1; 32]),
            note: "n\n1\nAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n".into(),
        };
        h.append(&e).unwrap();
        std::fs::write(
            d.join(HISTORY_FILE),
            format!("{}\n{{\"size\":2}}\n\n", e.to_line()),
        )
        .unwrap();
        let err = h.last().unwrap_err();
        assert!(matches!(&err, StoreError::History { line: 2, .. }), "{err}");
        assert!(h.read().is_err());
    }
}
