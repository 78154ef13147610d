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
//! note was never handed out: the history is written before the note): readers pass over it,
//! and the next checkpoint cuts it off before writing its own line.
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

use rxledger_chain::Digest;
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
    /// path; `None` when it did not, or when the history cannot be read (a checkpoint kept
    /// elsewhere, `verify --checkpoint`, is the check that does not trust the directory).
    /// `verify_path` fails such a ledger and a writer refuses to open it (round 21).
    pub fn below(&self, last: u64) -> Option<(rxledger_chain::VerifyError, PathBuf)> {
        below(&self.vouches(), last).map(|e| (e, self.path()))
    }

    /// What the history vouches for, as a reader of the directory checks it: its newest entry
    /// (`None` without one, or when the file cannot be read: a checkpoint kept elsewhere, `verify
    /// --checkpoint`, is the check that does not trust the directory), or
    /// [`rxledger_chain::VerifyError::HistoryDamaged`] when its last complete line is not an
    /// entry: the history was damaged or altered, and a reader fails the directory rather than
    /// go unguarded (attacker round 24: a damaged last line turned the guard off).
    pub fn vouches(&self) -> Result<Option<HistoryEntry>, rxledger_chain::VerifyError> {
        match self.last() {
            Ok(entry) => Ok(entry),
            // (Line 0: the file is not UTF-8.)
            Err(StoreError::History { line, .. }) => {
                Err(rxledger_chain::VerifyError::HistoryDamaged {
                    seq: 1,
                    line: line.max(1),
                })
            }
            Err(_) => Ok(None),
        }
    }

    /// The newest entry, if any. Only the last complete line is read (not a torn one, see the
    /// module's documentation); if it is not an entry, the error names it.
    pub fn last(&self) -> Result<Option<HistoryEntry>, StoreError> {
        let path = self.dir.join(HISTORY_FILE);
        let text = text(&StdVfs, &path)?;
        let lines: Vec<&str> = complete(&text).lines().collect();
        lines
            .iter()
            .enumerate()
            .rev()
            .find(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| parse(&path, i as u64 + 1, l))
            .transpose()
    }
}

/// [`CheckpointHistory::below`] of what a history vouches for ([`CheckpointHistory::vouches`]):
/// the failure of a ledger holding `last` acknowledged records, if any.
pub(crate) fn below(
    vouched: &Result<Option<HistoryEntry>, rxledger_chain::VerifyError>,
    last: u64,
) -> Option<rxledger_chain::VerifyError> {
    match vouched {
        Err(error) => Some(error.clone()),
        Ok(Some(signed)) if signed.size > last => {
            Some(rxledger_chain::VerifyError::BelowCheckpoint {
                seq: last + 1,
                last,
                signed: signed.size,
            })
        }
        Ok(_) => None,
    }
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
    let read = vfs.is_native().then(|| vfs.read(&path).ok()).flatten();
    if let Some(bytes) = read.filter(|b| b.last().is_some_and(|b| *b != b'\n')) {
        let keep = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        cut_to(&path, keep as u64)?;
    }
    let (mut f, created) = match vfs.open_append(&path) {
        Ok(f) => (f, false),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            (vfs.create_new(&path).map_err(io_err(&path))?, true)
        }
        Err(e) => return Err(io_err(&path)(e)),
    };
    let mut line = entry.to_line();
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

/// The history's text without a torn last line (one not ended by a newline).
fn complete(text: &str) -> &str {
    match text.rfind('\n') {
        Some(i) => &text[..=i],
        None => "",
    }
}

/// [`CheckpointHistory::read`] on the given file system.
pub(crate) fn read_with<V: Vfs>(vfs: &V, dir: &Path) -> Result<Vec<HistoryEntry>, StoreError> {
    let path = dir.join(HISTORY_FILE);
    complete(&text(vfs, &path)?)
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| parse(&path, i as u64 + 1, l))
        .collect()
}

/// The text of the history file; empty when there is none yet.
fn text<V: Vfs>(vfs: &V, path: &Path) -> Result<String, StoreError> {
    match vfs.read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| StoreError::History {
            path: path.to_owned(),
            line: 0,
            reason: "not UTF-8".into(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(io_err(path)(e)),
    }
}

fn parse(path: &Path, line: u64, text: &str) -> Result<HistoryEntry, StoreError> {
    HistoryEntry::from_line(text).map_err(|reason| StoreError::History {
        path: path.to_owned(),
        line,
        reason,
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
