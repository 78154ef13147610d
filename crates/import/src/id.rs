//! Deterministic event ids for imported documents.
//!
//! The format requires a UUID version 7 per event: 48 bits of Unix milliseconds, then 74 bits
//! that are normally random. An imported event takes as its milliseconds its own `occurred_at`,
//! and as its "random" bits the first bytes of the BLAKE3 hash of its ERP identity: the
//! mapping's name, the event kind and the document's number (the values of its `group_by`
//! columns, or, for a mapping without `group_by`, the file's line of the row), each
//! length-prefixed. Importing the same export
//! again gives the same ids, so the ledger's exactly-once append skips what it already holds; a
//! document changed in the ERP after import keeps its id and is refused as "already stored with
//! different content" (the ledger is append-only: record the correction as a new document).

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The id of the event of `kind` for document `key` of mapping `mapping`, at `at`.
pub fn event_id(mapping: &str, kind: &str, key: &str, at: DateTime<Utc>) -> Uuid {
    event_id_of(mapping, kind, &[key], at)
}

/// The id of the event of `kind` for the document whose key is made of `parts` (the values of
/// its `group_by` columns, in the mapping's order) of mapping `mapping`, at `at`. With one part
/// it is [`event_id`]: adding a column to `group_by` changes the ids, keeping one does not.
pub fn event_id_of(mapping: &str, kind: &str, parts: &[&str], at: DateTime<Utc>) -> Uuid {
    let mut h = blake3::Hasher::new();
    h.update(b"rxledger-import/v1");
    for part in [mapping, kind].into_iter().chain(parts.iter().copied()) {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let hash = h.finalize();
    let ms = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    let mut b = [0u8; 16];
    b[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    b[6..].copy_from_slice(&hash.as_bytes()[..10]);
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    Uuid::from_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_7_time_ordered_and_stable() {
        let t = DateTime::parse_from_rfc3339("2026-10-08T02:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let a = event_id("goods", "receipt", "SH1", t);
        assert_eq!(a.get_version_num(), 7);
        assert_eq!(a, event_id("goods", "receipt", "SH1", t));
        assert_ne!(a, event_id("goods", "put_away", "SH1", t));
        assert_ne!(a, event_id("goods", "receipt", "SH2", t));
        // The length prefix keeps ("ab", "c") apart from ("a", "bc").
        assert_ne!(event_id("ab", "c", "x", t), event_id("a", "bc", "x", t));
        let (secs, _) = a.get_timestamp().unwrap().to_unix();
        assert_eq!(secs, 1_791_424_800);
        // One part is the old id; two parts differ from one and from their concatenation.
        assert_eq!(a, event_id_of("goods", "receipt", &["SH1"], t));
        let two = event_id_of("goods", "invoice", &["0001", "A"], t);
        assert_ne!(two, event_id("goods", "invoice", "0001", t));
        assert_ne!(two, event_id("goods", "invoice", "0001A", t));
        assert_ne!(two, event_id_of("goods", "invoice", &["0001", "B"], t));
        assert_ne!(two, event_id_of("goods", "invoice", &["000", "1A"], t));
    }
}
