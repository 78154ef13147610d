//! The in-memory store.

use std::ops::ControlFlow;
use std::path::PathBuf;

use rxledger_chain::{ChainWriter, Head, RecordRef, VerifyError};

use crate::history::HistoryEntry;
use crate::ids::{check_batch, IdKey, IdMap, Stored};
use crate::{Locator, Store, StoreError};

/// A store in memory: the same framing and chaining, no durability. Like the file store it
/// keeps an index of event ids (in memory) and refuses an id already stored.
#[derive(Default)]
pub struct MemStore {
    writer: ChainWriter,
    bytes: Vec<u8>,
    /// Byte offset of every record line.
    offsets: Vec<usize>,
    /// Checkpoint history.
    checkpoints: Vec<HistoryEntry>,
    /// Event ids stored.
    ids: IdMap,
}

impl MemStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The records as one JSON Lines byte string (an exported ledger).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

impl Store for MemStore {
    fn head(&self) -> Head {
        self.writer.head()
    }

    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError> {
        let first_seq = self.writer.head().seq + 1;
        let keys: Vec<Option<IdKey>> = payloads.iter().map(|p| IdKey::of(p)).collect();
        check_batch(payloads, &keys, first_seq, |k| self.find_ids(k))?;
        let start = self.bytes.len();
        let head = self
            .writer
            .encode_batch(payloads, recorded_at, &mut self.bytes)?;
        let mut pos = start;
        while pos < self.bytes.len() {
            self.offsets.push(pos);
            pos += self
                .bytes
                .get(pos..)
                .and_then(|b| b.iter().position(|&c| c == b'\n'))
                .map_or(self.bytes.len() - pos, |n| n + 1);
        }
        for (i, k) in keys.iter().enumerate() {
            if let Some(k) = k {
                self.ids.entry(k.key).or_insert(Stored {
                    seq: first_seq + i as u64,
                    digest: k.digest,
                });
            }
        }
        Ok(head)
    }

    fn keeps_id_index(&self) -> bool {
        true
    }

    fn find_ids(&mut self, keys: &[IdKey]) -> Result<Vec<Option<Stored>>, StoreError> {
        Ok(keys.iter().map(|k| self.ids.get(&k.key).copied()).collect())
    }

    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let first = from.max(1) as usize - 1;
        for (i, &off) in self.offsets.iter().enumerate().skip(first) {
            let end = self.offsets.get(i + 1).copied().unwrap_or(self.bytes.len());
            let line = self.bytes.get(off..end - 1).unwrap_or_default();
            let rec = RecordRef::parse(line).map_err(|reason| StoreError::Corrupt {
                path: PathBuf::from("<memory>"),
                error: VerifyError::Unparsable {
                    line: i as u64 + 1,
                    seq: i as u64 + 1,
                    reason,
                },
            })?;
            if f(rec).is_break() {
                break;
            }
        }
        Ok(())
    }

    fn locator(&self) -> Result<Locator, StoreError> {
        Ok(Locator::single("<memory>"))
    }

    fn checkpoints(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        Ok(self.checkpoints.clone())
    }

    fn record_checkpoint(&mut self, entry: &HistoryEntry) -> Result<(), StoreError> {
        self.checkpoints.push(entry.clone());
        Ok(())
    }
}
