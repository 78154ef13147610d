//! Every kind of tampering is detected at the right seq: single-byte edits anywhere, deleted,
//! duplicated and swapped records, and truncation against a known head.

use proptest::prelude::*;
use rxledger_chain::{ChainWriter, ExpectedHead, Head, Verifier, VerifyError};

fn build(payloads: &[String], batches: &[usize]) -> (Vec<Vec<u8>>, Head) {
    let mut w = ChainWriter::new();
    let mut out = Vec::new();
    let mut i = 0;
    let mut b = 0;
    while i < payloads.len() {
        let n = batches[b % batches.len()].min(payloads.len() - i);
        let batch: Vec<&[u8]> = payloads[i..i + n].iter().map(String::as_bytes).collect();
        w.encode_batch(&batch, "2026-11-24T08:00:00.000000Z", &mut out)
            .unwrap();
        i += n;
        b += 1;
    }
    let lines = out
        .split(|&c| c == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    (lines, w.head())
}

/// Verifies a byte stream (lines split on `\n`), with an optional expected head.
fn verify(bytes: &[u8], head: Option<Head>) -> Result<Head, VerifyError> {
    let mut v = Verifier::new();
    if let Some(h) = head {
        v = v.expect_head(ExpectedHead::At(h));
    }
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if !body.is_empty() {
        for line in body.split(|&c| c == b'\n') {
            v.push_line(line)?;
        }
    }
    v.finish()
}

fn join(lines: &[Vec<u8>]) -> Vec<u8> {
    let mut v = Vec::new();
    for l in lines {
        v.extend_from_slice(l);
        v.push(b'\n');
    }
    v
}

fn payloads() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            "[a-z]{0,12}".prop_map(|s| format!(r#"{{"k":"{s}"}}"#)),
            any::<i64>().prop_map(|n| format!(r#"{{"n":{n}}}"#)),
            "[\u{4e00}-\u{9fa5}]{1,6}".prop_map(|s| format!(r#"{{"名":"{s}"}}"#)),
        ],
        1..40,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn intact_ledgers_verify(p in payloads(), batches in prop::collection::vec(1usize..7, 1..5)) {
        let (lines, head) = build(&p, &batches);
        prop_assert_eq!(verify(&join(&lines), Some(head)), Ok(head));
    }

    #[test]
    fn any_byte_edit_is_detected_at_its_record(
        p in payloads(),
        batches in prop::collection::vec(1usize..7, 1..5),
        pos in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let (lines, head) = build(&p, &batches);
        let mut bytes = join(&lines);
        let at = pos.index(bytes.len());
        prop_assume!(bytes[at] != byte);
        // The record holding the byte (its terminating newline belongs to it).
        let seq = bytes[..at].iter().filter(|&&c| c == b'\n').count() as u64 + 1;
        bytes[at] = byte;
        let err = verify(&bytes, Some(head)).expect_err("edit not detected");
        prop_assert_eq!(err.seq(), seq, "{}", err);
    }

    #[test]
    fn deletion_is_detected(p in payloads(), batches in prop::collection::vec(1usize..7, 1..5), k in any::<prop::sample::Index>()) {
        let (mut lines, head) = build(&p, &batches);
        let k = k.index(lines.len());
        lines.remove(k);
        let err = verify(&join(&lines), Some(head)).expect_err("deletion not detected");
        prop_assert_eq!(err.seq(), k as u64 + 1, "{}", err);
    }

    #[test]
    fn duplication_is_detected(p in payloads(), batches in prop::collection::vec(1usize..7, 1..5), k in any::<prop::sample::Index>()) {
        let (mut lines, head) = build(&p, &batches);
        let k = k.index(lines.len());
        let copy = lines[k].clone();
        lines.insert(k + 1, copy);
        let err = verify(&join(&lines), Some(head)).expect_err("duplicate not detected");
        prop_assert!(matches!(err, VerifyError::Duplicate { found, .. } if found == k as u64 + 1), "{}", err);
        prop_assert_eq!(err.seq(), k as u64 + 2);
    }

    #[test]
    fn swap_is_detected(p in payloads(), batches in prop::collection::vec(1usize..7, 1..5), k in any::<prop::sample::Index>()) {
        let (mut lines, head) = build(&p, &batches);
        prop_assume!(lines.len() >= 2);
        let k = k.index(lines.len() - 1);
        lines.swap(k, k + 1);
        let err = verify(&join(&lines), Some(head)).expect_err("swap not detected");
        prop_assert_eq!(err.seq(), k as u64 + 1, "{}", err);
    }

    #[test]
    fn truncation_against_head_is_detected(p in payloads(), batches in prop::collection::vec(1usize..7, 1..5), k in any::<prop::sample::Index>()) {
        let (mut lines, head) = build(&p, &batches);
        let keep = k.index(lines.len());
        lines.truncate(keep);
        let err = verify(&join(&lines), Some(head)).expect_err("truncation not detected");
        prop_assert_eq!(err.seq(), keep as u64 + 1, "{}", err);
    }

    #[test]
    fn hash_only_head_detects_truncation(p in payloads(), k in any::<prop::sample::Index>()) {
        let (mut lines, head) = build(&p, &[1]);
        let keep = k.index(lines.len());
        lines.truncate(keep);
        let mut v = Verifier::new().expect_head(ExpectedHead::Hash(head.hash));
        for l in &lines { v.push_line(l).unwrap(); }
        let err = v.finish().expect_err("truncation not detected");
        prop_assert!(matches!(err, VerifyError::HeadMismatch { .. }), "{}", err);
    }
}
