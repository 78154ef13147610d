//! Event ids: every event's `id` is stored at most once in a ledger.
//!
//! The store treats a payload that is a JSON object with a top-level string member `id` as an
//! event with that id (every event of the interchange format has one; payloads without an id are
//! stored as they are and not indexed). [`IdKey::of`] reduces a payload to two 128-bit numbers:
//! `key`, a hash of the id string (uniformly distributed, whatever the ids look like), and
//! `digest`, a hash of the whole payload, so that "already stored, byte for byte" and "same id,
//! different content" can be told apart without reading the stored record.
//!
//! A store that keeps an id index ([`crate::FileStore`], [`crate::MemStore`]) refuses a batch in
//! which an id is already stored or appears twice ([`crate::StoreError::DuplicateId`]), and
//! answers [`crate::Store::find_ids`] so that an ingester can skip what is already there.
//!
//! The file store's index lives beside the ledger (`ids/`, see [`crate::layout`]): sorted run
//! files of `(key, seq, digest)` entries in checksummed 4 KiB pages, found by interpolation
//! (keys are uniform hashes, so the first page read is nearly always the right one), a blocked
//! Bloom filter of bounded size in front of them, and a bounded table of the most recent ids in
//! memory. It is derived data: checked against the ledger when the writer opens it, extended from
//! the records it lags behind, and rebuilt from the records when it does not match them.
//!
//! [`Sorter`] sorts any number of entries in bounded memory (sorted runs spilled to temporary
//! files and merged); the reconciliation engine uses it to find duplicate ids in ledgers written
//! before the index existed.

mod filter;
pub(crate) mod index;
pub(crate) mod run;
mod sorter;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub use sorter::{Sorted, Sorter};

/// Key-derivation context of [`IdKey::key`].
const KEY_CONTEXT: &str = "rxledger 2026-12 event id key v1";
/// Seed of [`IdKey::digest`].
const DIGEST_SEED: u64 = 0x7278_6c65_6467_6572; // "rxledger"

/// The canonical event prefix (`docs/format.md`), with the format version's digit replaced by
/// `_`: the id follows at once.
const CANONICAL_PREFIX: &[u8] = br#"{"v":_,"id":""#;
/// Where the version digit is in [`CANONICAL_PREFIX`].
const VERSION_AT: usize = 5;

/// The id of a payload: the string value of the top-level member `id` of a JSON object, or
/// `None` (not an object, no `id`, or not a string).
///
/// ```
/// use rxledger_store::ids::payload_id;
/// assert_eq!(payload_id(br#"{"v":1,"id":"abc","kind":"sale"}"#).as_deref(), Some("abc"));
/// assert_eq!(payload_id(br#"{"v":2,"id":"abc","kind":"sale"}"#).as_deref(), Some("abc"));
/// assert_eq!(payload_id(br#"{"v":2,"id":"x\"y","kind":"sale"}"#).as_deref(), Some("x\"y"));
/// assert_eq!(payload_id(br#"{"kind":"x","id":"a\u0062"}"#).as_deref(), Some("ab"));
/// assert_eq!(payload_id(br#"{"id":7}"#), None);
/// assert_eq!(payload_id(b"not json"), None);
/// ```
pub fn payload_id(payload: &[u8]) -> Option<Cow<'_, str>> {
    let canonical = payload.len() > CANONICAL_PREFIX.len()
        && payload
            .iter()
            .zip(CANONICAL_PREFIX)
            .enumerate()
            .all(|(i, (&b, &p))| {
                if i == VERSION_AT {
                    b.is_ascii_digit()
                } else {
                    b == p
                }
            });
    if let Some(rest) = payload.get(CANONICAL_PREFIX.len()..).filter(|_| canonical) {
        let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
        if rest.get(end) == Some(&b'"') {
            return std::str::from_utf8(rest.get(..end)?)
                .ok()
                .map(Cow::Borrowed);
        }
    }
    #[derive(serde::Deserialize)]
    struct IdOnly<'a> {
        #[serde(borrow, default)]
        id: Option<Cow<'a, str>>,
    }
    serde_json::from_slice::<IdOnly<'_>>(payload).ok()?.id
}

/// What the id index knows of a payload: the key of its id and the digest of its bytes.
///
/// The key is cryptographic (blake3 keyed with a key derived from its own context), so two different ids
/// never meet by accident or by design. The digest is XXH3-128, a fingerprint rather than a
/// cryptographic hash: it only tells a byte-identical copy (skipped) from one with other content
/// (refused), and a contrived collision could at worst make a differing copy be skipped as
/// present, never change or remove what is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdKey {
    /// 128 bits of a keyed hash of the id string.
    pub key: u128,
    /// XXH3-128 of the whole payload.
    pub digest: u128,
}

/// The key of [`IdKey::key`]'s keyed hash, derived once from [`KEY_CONTEXT`].
fn id_hash_key() -> &'static [u8; 32] {
    static K: OnceLock<[u8; 32]> = OnceLock::new();
    K.get_or_init(|| blake3::derive_key(KEY_CONTEXT, b"event id"))
}

impl IdKey {
    /// The key and digest of a payload with an id ([`payload_id`]); `None` without one.
    pub fn of(payload: &[u8]) -> Option<IdKey> {
        let id = payload_id(payload)?;
        let h = blake3::keyed_hash(id_hash_key(), id.as_bytes());
        let mut b = [0u8; 16];
        b.copy_from_slice(h.as_bytes().get(..16).unwrap_or(&[0; 16]));
        Some(IdKey {
            key: u128::from_be_bytes(b),
            digest: xxhash_rust::xxh3::xxh3_128_with_seed(payload, DIGEST_SEED),
        })
    }
}

/// Where a stored event with a given id is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stored {
    /// The record holding it.
    pub seq: u64,
    /// The digest of its payload ([`IdKey::digest`]).
    pub digest: u128,
}

impl Stored {
    /// True when the stored payload is byte-identical to the one `key` was made from.
    pub fn same_payload(&self, key: &IdKey) -> bool {
        self.digest == key.digest
    }
}

/// One entry of a sorted run: ordered by key, then seq.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// [`IdKey::key`] (or any 128-bit key, for [`Sorter`]).
    pub key: u128,
    /// The record (or, for [`Sorter`], any number: a line).
    pub seq: u64,
    /// [`IdKey::digest`] (or any 128-bit value).
    pub digest: u128,
}

/// A hasher for keys that are already uniform hashes: folds the two halves.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b.get_mut(..chunk.len())
                .unwrap_or_default()
                .copy_from_slice(chunk);
            self.0 =
                (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u128(&mut self, k: u128) {
        self.0 = (k as u64) ^ ((k >> 64) as u64);
    }
}

/// The in-memory id table: key → where it is stored.
pub(crate) type IdMap = HashMap<u128, Stored, BuildHasherDefault<KeyHasher>>;

/// Checks a batch against the ids stored so far (`find`, given the keys of the batch's payloads
/// that have an id) and against itself; returns the first offending payload as
/// [`crate::StoreError::DuplicateId`]. Every store with an id index refuses duplicates with this.
pub fn check_batch(
    payloads: &[&[u8]],
    keys: &[Option<IdKey>],
    first_seq: u64,
    find: impl FnOnce(&[IdKey]) -> Result<Vec<Option<Stored>>, crate::StoreError>,
) -> Result<(), crate::StoreError> {
    let present: Vec<IdKey> = keys.iter().flatten().copied().collect();
    if present.is_empty() {
        return Ok(());
    }
    let found = find(&present)?;
    let mut seen: IdMap = IdMap::default();
    let mut found = found.into_iter();
    for (index, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        let stored = found.next().flatten().or_else(|| seen.get(&k.key).copied());
        if let Some(s) = stored {
            let id = payloads
                .get(index)
                .and_then(|p| payload_id(p))
                .unwrap_or_default()
                .into_owned();
            return Err(crate::StoreError::DuplicateId {
                index,
                id,
                seq: s.seq,
                in_batch: s.seq >= first_seq,
                identical: s.same_payload(k),
            });
        }
        seen.insert(
            k.key,
            Stored {
                seq: first_seq + index as u64,
                digest: k.digest,
            },
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_and_general_paths_agree() {
        let canonical = br#"{"v":1,"id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","kind":"sale"}"#;
        let other = br#"{"kind":"sale","v":1,"id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}"#;
        assert_eq!(payload_id(canonical), payload_id(other));
        assert_eq!(
            IdKey::of(canonical).map(|k| k.key),
            IdKey::of(other).map(|k| k.key)
        );
        assert_ne!(
            IdKey::of(canonical).map(|k| k.digest),
            IdKey::of(other).map(|k| k.digest)
        );
        assert_eq!(IdKey::of(br#"{"n":1}"#), None);
        // An escaped id in a canonical-looking payload goes the general way.
        assert_eq!(
            payload_id(br#"{"v":1,"id":"a\"b","kind":"x"}"#).as_deref(),
            Some("a\"b")
        );
    }
}
