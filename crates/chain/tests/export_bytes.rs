//! Bytes around the records of an exported file: a byte-order mark, CR LF line endings and blank
//! lines at the end are told apart from tampering ([`Verifier::push_export_line`]); every change
//! to a record is still tampering at its seq; the empty ledger's head is seen by every ledger.

use proptest::prelude::*;
use rxledger_chain::{ChainWriter, Digest, ExpectedHead, Head, Verifier, VerifyError};

/// `n` records in batches of 3, and the head.
fn export(n: usize) -> (Vec<u8>, Head) {
    let mut w = ChainWriter::new();
    let mut out = Vec::new();
    let payloads: Vec<String> = (0..n).map(|i| format!(r#"{{"n":{i}}}"#)).collect();
    for chunk in payloads.chunks(3) {
        let batch: Vec<&[u8]> = chunk.iter().map(String::as_bytes).collect();
        w.encode_batch(&batch, "2026-11-24T08:00:00.000000Z", &mut out)
            .unwrap();
    }
    (out, w.head())
}

/// Verifies `bytes` as an exported file is read: split on `\n`, the last line possibly
/// unterminated. Returns the result and the tolerated trailing blank lines.
fn verify(bytes: &[u8], expected: Option<ExpectedHead>) -> (Result<Head, VerifyError>, u64) {
    let mut v = Verifier::new();
    if let Some(e) = expected {
        v = v.expect_head(e);
    }
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if !bytes.is_empty() {
        for line in body.split(|&c| c == b'\n') {
            if let Err(e) = v.push_export_line(line) {
                return (Err(e), 0);
            }
        }
    }
    let blank = v.trailing_blank_lines();
    (v.finish(), blank)
}

fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for &b in bytes {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

#[test]
fn the_export_itself_verifies_as_before() {
    let (x, head) = export(10);
    assert_eq!(verify(&x, None), (Ok(head), 0));
}

#[test]
fn crlf_line_endings_are_told_with_the_records_intact() {
    let (x, head) = export(10);
    let (r, _) = verify(&crlf(&x), None);
    let e = r.unwrap_err();
    assert!(e.records_intact());
    assert_eq!(
        e,
        VerifyError::Reformatted {
            seq: 1,
            bom: false,
            crlf: 10,
            lines: 10,
            blank: 0,
            last: head.seq
        }
    );
    assert_eq!(
        e.to_string(),
        "the file is not the export byte for byte: line endings changed to CRLF; the records are otherwise intact (all 10 verify)"
    );
    // The strict reader of ledger segments takes no CR.
    let mut v = Verifier::new();
    let line = crlf(&x);
    let first = line.split(|&c| c == b'\n').next().unwrap();
    assert!(matches!(
        v.push_line(first),
        Err(VerifyError::Unparsable { seq: 1, .. })
    ));
}

#[test]
fn some_crlf_lines_name_the_first_record_changed() {
    let (x, _) = export(10);
    let mut lines: Vec<Vec<u8>> = x
        .split_inclusive(|&c| c == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    for i in [4, 7] {
        let end = lines[i].len() - 1;
        lines[i].insert(end, b'\r');
    }
    let (r, _) = verify(&lines.concat(), None);
    let e = r.unwrap_err();
    assert_eq!(e.seq(), 5);
    assert!(e
        .to_string()
        .contains("line endings of 2 of 10 lines changed to CRLF;"));
}

#[test]
fn a_byte_order_mark_is_told_with_the_records_intact() {
    let (x, _) = export(4);
    let (r, _) = verify(&[BOM, &x].concat(), None);
    let e = r.unwrap_err();
    assert!(e.records_intact());
    assert_eq!(e.seq(), 1);
    assert_eq!(
        e.to_string(),
        "the file is not the export byte for byte: a UTF-8 byte-order mark was added before the first record; the records are otherwise intact (all 4 verify)"
    );
    // Only before the first record: elsewhere it is a changed record.
    let second = x.iter().position(|&c| c == b'\n').unwrap() + 1;
    let moved = [&x[..second], BOM, &x[second..]].concat();
    let (r, _) = verify(&moved, None);
    assert!(matches!(
        r,
        Err(VerifyError::Unparsable {
            seq: 2,
            line: 2,
            ..
        })
    ));
}

#[test]
fn blank_lines_at_the_end_are_tolerated_and_counted() {
    let (x, head) = export(6);
    assert_eq!(
        verify(&[&x, b"\n".as_slice()].concat(), None),
        (Ok(head), 1)
    );
    assert_eq!(
        verify(&[&x, b"\n\n\n".as_slice()].concat(), None),
        (Ok(head), 3)
    );
    // With a byte-order mark, they are named with it.
    let (r, _) = verify(&[BOM, &x, b"\n\n"].concat(), None);
    assert!(r.unwrap_err().to_string().contains(
        "byte-order mark was added before the first record, 2 blank lines added at the end;"
    ));
    // Between records, a blank line is where a record should be.
    let third = x
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 1;
    let gap = [&x[..third], b"\n", &x[third..]].concat();
    let (r, _) = verify(&gap, None);
    assert_eq!(
        r.unwrap_err(),
        VerifyError::Unparsable {
            line: 3,
            seq: 3,
            reason: "blank line between records"
        }
    );
    // A space is not blank.
    let (r, _) = verify(&[&x, b" \n".as_slice()].concat(), None);
    assert!(matches!(r, Err(VerifyError::Unparsable { seq: 7, .. })));
}

#[test]
fn only_one_cr_is_set_aside() {
    let (x, _) = export(3);
    let doubled: Vec<u8> = crlf(&crlf(&x)).into_iter().collect();
    let (r, _) = verify(&doubled, None);
    let e = r.unwrap_err();
    assert!(!e.records_intact());
    assert_eq!(e.seq(), 1);
}

#[test]
fn real_problems_come_before_the_diagnosis() {
    let (x, head) = export(9);
    // Truncated against a known head, then saved with CRLF: the truncation is reported.
    let cut = x
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == b'\n')
        .nth(5)
        .unwrap()
        .0
        + 1;
    let (r, _) = verify(&crlf(&x[..cut]), Some(ExpectedHead::At(head)));
    assert!(matches!(r, Err(VerifyError::HeadMismatch { seq: 7, .. })));
    // Cut inside a batch.
    let cut = x
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == b'\n')
        .nth(4)
        .unwrap()
        .0
        + 1;
    let (r, _) = verify(&crlf(&x[..cut]), None);
    assert!(matches!(
        r,
        Err(VerifyError::IncompleteBatch { seq: 6, .. })
    ));
}

#[test]
fn the_empty_ledger_head_is_seen_by_every_ledger() {
    let zero = ExpectedHead::At(Head::default());
    assert!(zero.is_empty_ledger());
    assert_eq!(verify(b"", Some(zero)), (Ok(Head::default()), 0));
    assert_eq!(
        verify(b"", Some(ExpectedHead::Hash(Digest::ZERO))),
        (Ok(Head::default()), 0)
    );
    let (x, head) = export(5);
    assert_eq!(verify(&x, Some(zero)), (Ok(head), 0));
    // Parsed from the command line, as `verify` prints it.
    let printed = Head::default().to_string();
    assert_eq!(printed.parse::<ExpectedHead>(), Ok(zero));
    // Seq 0 has no other hash.
    let other = format!("0:{}", "1".repeat(64));
    assert!(other
        .parse::<ExpectedHead>()
        .unwrap_err()
        .contains("seq 0 is the empty ledger"));
    // Another head is still required.
    let (r, _) = verify(
        b"",
        Some(ExpectedHead::At(Head {
            seq: 1,
            hash: head.hash,
        })),
    );
    assert!(matches!(r, Err(VerifyError::HeadMismatch { seq: 1, .. })));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any one byte of a record replaced in an export re-saved with a byte-order mark and CRLF
    /// is a failure, and never "the records are intact". (The bytes around the records, the
    /// mark, the CRs and the newlines, are what the diagnosis is about.)
    #[test]
    fn every_edit_of_a_record_in_a_resaved_export_fails(n in 1usize..12, pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let (x, _) = export(n);
        let mut f = [BOM, &crlf(&x)].concat();
        let i = BOM.len() + pos.index(f.len() - BOM.len());
        prop_assume!(f[i] != byte && f[i] != b'\r' && f[i] != b'\n');
        f[i] = byte;
        let (r, _) = verify(&f, None);
        match r {
            Ok(h) => prop_assert!(false, "edit at {} accepted: {}", i, h),
            Err(e) => prop_assert!(!e.records_intact(), "edit at {}: {}", i, e),
        }
    }
}

/// A head whose seq the ledger has, with another record's hash: the record there differs (the
/// ledger is not shorter; attacker round 24 was told it "ends at" that seq).
#[test]
fn a_head_at_a_seq_the_ledger_has_with_another_hash_names_the_record() {
    let (x, head) = export(9);
    let (r, _) = verify(
        &x,
        Some(ExpectedHead::At(Head {
            seq: head.seq - 1,
            hash: head.hash,
        })),
    );
    let err = r.unwrap_err();
    assert!(
        matches!(err, VerifyError::HeadDiffers { seq, found, .. } if seq == head.seq - 1 && found != head.hash),
        "{err}"
    );
    assert!(err.to_string().contains("rewritten at or before"), "{err}");
}
