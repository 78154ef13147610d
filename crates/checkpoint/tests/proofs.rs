//! Every proof path over a store, with real tampering and malformed proofs: inclusion proofs of
//! records (`verify_record`), consistency proofs between signed checkpoints
//! (`verify_consistency_proof`), and a ledger against a checkpoint (`verify_checkpoint_in`).

use rxledger_checkpoint::ledger::{
    checkpoint_in, prove_consistency_in, prove_inclusion_in, verify_checkpoint_in,
    verify_consistency_proof, verify_record,
};
use rxledger_checkpoint::{generate_key, ProofFile, SignerKey, VerifierKey};
use rxledger_store::{MemStore, Store};

fn keys() -> (SignerKey, VerifierKey) {
    let (private, public) = generate_key("auditor").unwrap();
    (
        SignerKey::parse(&private).unwrap(),
        VerifierKey::parse(&public).unwrap(),
    )
}

fn store(records: u64) -> MemStore {
    let mut s = MemStore::new();
    for i in 0..records {
        let payload = format!("{{\"n\":{i}}}");
        s.append_at(&[payload.as_bytes()], "2026-01-01T00:00:00Z")
            .unwrap();
    }
    s
}

fn line(s: &MemStore, seq: u64) -> Vec<u8> {
    s.as_bytes()
        .split(|&b| b == b'\n')
        .nth(seq as usize - 1)
        .unwrap()
        .to_vec()
}

fn hashes_mut(p: &mut ProofFile) -> &mut Vec<String> {
    match p {
        ProofFile::Inclusion { hashes, .. } | ProofFile::Consistency { hashes, .. } => hashes,
    }
}

/// One hex digit of `h` changed.
fn flip_hex(h: &str, at: usize) -> String {
    let c = if &h[at..=at] == "0" { "1" } else { "0" };
    format!("{}{c}{}", &h[..at], &h[at + 1..])
}

#[test]
fn inclusion_proofs_detect_tampering_and_malformed_proofs() {
    let (signer, verifier) = keys();
    let mut s = store(37);
    let (cp, note) = checkpoint_in(&mut s, &signer).unwrap();
    assert_eq!(verifier.open(&note).unwrap(), cp);
    for seq in [1, 2, 16, 17, 36, 37] {
        let rec = line(&s, seq);
        let proof = prove_inclusion_in(&s, seq, &cp).unwrap();
        assert_eq!(verify_record(&rec, &proof, &cp), Ok(()), "seq {seq}");
        // Round trip through the JSON file.
        let again = ProofFile::from_json(&proof.to_json()).unwrap();
        assert_eq!(verify_record(&rec, &again, &cp), Ok(()));

        // Every single-byte change of the record is detected.
        for at in 0..rec.len() {
            let mut bad = rec.clone();
            bad[at] = if bad[at] == b'7' { b'8' } else { b'7' };
            if bad != rec {
                assert!(
                    verify_record(&bad, &proof, &cp).is_err(),
                    "seq {seq} byte {at}"
                );
            }
        }
        // Every hash of the proof, altered, dropped or extended.
        let n = hashes_mut(&mut proof.clone()).len();
        for k in 0..n {
            let mut p = proof.clone();
            let h = &mut hashes_mut(&mut p)[k];
            *h = flip_hex(h, 17);
            assert!(verify_record(&rec, &p, &cp).is_err(), "seq {seq} hash {k}");
            let mut p = proof.clone();
            hashes_mut(&mut p).remove(k);
            assert!(verify_record(&rec, &p, &cp).is_err());
        }
        let mut p = proof.clone();
        hashes_mut(&mut p).push("00".repeat(32));
        assert!(verify_record(&rec, &p, &cp).is_err());
        // The wrong checkpoint root, and the proof for another seq.
        let mut other = cp.clone();
        other.root[0] ^= 1;
        assert!(verify_record(&rec, &proof, &other).is_err());
        let wrong_seq = prove_inclusion_in(&s, seq % 37 + 1, &cp).unwrap();
        assert!(verify_record(&rec, &wrong_seq, &cp).is_err());
    }
}

#[test]
fn malformed_proof_files_are_refused() {
    let (signer, _) = keys();
    let mut s = store(10);
    let (cp, _) = checkpoint_in(&mut s, &signer).unwrap();
    let rec = line(&s, 3);
    let proof = prove_inclusion_in(&s, 3, &cp).unwrap();
    let ProofFile::Inclusion { hashes, .. } = &proof else {
        panic!()
    };
    let h0 = &hashes[0];
    for (json, why) in [
        (
            format!(
                r#"{{"type":"inclusion","seq":3,"tree_size":10,"hashes":["{}"]}}"#,
                &h0[..62]
            ),
            "hash",
        ),
        (
            format!(
                r#"{{"type":"inclusion","seq":3,"tree_size":10,"hashes":["{}zz"]}}"#,
                &h0[..62]
            ),
            "hash",
        ),
        (
            format!(r#"{{"type":"inclusion","seq":3,"tree_size":10,"hashes":["{h0}"],"extra":1}}"#),
            "extra",
        ),
        (
            r#"{"type":"inclusion","seq":-3,"tree_size":10,"hashes":[]}"#.to_owned(),
            "seq",
        ),
        (
            r#"{"type":"merkle","seq":3,"tree_size":10,"hashes":[]}"#.to_owned(),
            "merkle",
        ),
        (
            r#"{"type":"inclusion","seq":3,"tree_size":10}"#.to_owned(),
            "hashes",
        ),
        // A count beyond 2^64 (read as a float by JSON parsers).
        (
            format!(
                r#"{{"type":"inclusion","seq":18446744073709551658,"tree_size":10,"hashes":["{h0}"]}}"#
            ),
            "seq: must be a whole number from 0 to 18446744073709551615",
        ),
        // A key written twice (the last value would have verified: attacker round 24).
        (
            format!(r#"{{"type":"inclusion","seq":2,"seq":3,"tree_size":10,"hashes":["{h0}"]}}"#),
            "seq: written twice",
        ),
    ] {
        let r = ProofFile::from_json(&json).and_then(|p| p.hashes().map(|_| p));
        let e = r.unwrap_err().to_string();
        assert!(e.contains(why), "{json}: {e}");
    }
    // Upper-case hex reads as the same hashes.
    let upper = proof.to_json().replace(h0.as_str(), &h0.to_uppercase());
    assert_ne!(upper, proof.to_json());
    assert_eq!(
        ProofFile::from_json(&upper).unwrap().hashes().unwrap(),
        proof.hashes().unwrap()
    );
    // Well-formed files that do not fit: wrong seq, wrong tree size, seq 0, a consistency proof.
    let fit = |json: &str| {
        let p = ProofFile::from_json(json).unwrap();
        verify_record(&rec, &p, &cp).unwrap_err()
    };
    let list = serde_json::to_string(hashes).unwrap();
    assert!(fit(&format!(
        r#"{{"type":"inclusion","seq":4,"tree_size":10,"hashes":{list}}}"#
    ))
    .contains("seq 3"));
    assert!(fit(&format!(
        r#"{{"type":"inclusion","seq":3,"tree_size":11,"hashes":{list}}}"#
    ))
    .contains("11"));
    assert!(fit(&format!(
        r#"{{"type":"consistency","old_size":3,"new_size":10,"hashes":{list}}}"#
    ))
    .contains("not an inclusion"));
    // A line that is not a record.
    assert!(verify_record(b"{\"n\":2}", &proof, &cp).is_err());
    // A proof cannot be made beyond the checkpoint or for seq 0.
    assert!(prove_inclusion_in(&s, 0, &cp).is_err());
    assert!(prove_inclusion_in(&s, 11, &cp).is_err());
}

#[test]
fn consistency_proofs_detect_rewrites_and_malformed_proofs() {
    let (signer, verifier) = keys();
    let mut s = store(0);
    let mut cps = Vec::new();
    for (i, grow) in [0u64, 1, 2, 5, 8, 13].into_iter().enumerate() {
        for k in 0..grow {
            let p = format!("{{\"step\":{i},\"k\":{k}}}");
            s.append_at(&[p.as_bytes()], "2026-01-01T00:00:00Z")
                .unwrap();
        }
        let (cp, note) = checkpoint_in(&mut s, &signer).unwrap();
        assert_eq!(verifier.open(&note).unwrap(), cp);
        cps.push(cp);
    }
    let mut checked = 0;
    for old in &cps {
        for new in cps.iter().filter(|n| n.size >= old.size) {
            let proof = prove_consistency_in(&s, old, new).unwrap();
            assert_eq!(verify_consistency_proof(&proof, old, new), Ok(()));
            // Tampered roots: either checkpoint.
            for which in [0, 1] {
                let (mut o, mut n) = (old.clone(), new.clone());
                if which == 0 {
                    o.root[31] ^= 0x80;
                } else if old.size > 0 {
                    n.root[0] ^= 1;
                } else {
                    // Every tree extends the empty tree: the new root is not constrained.
                    continue;
                }
                assert!(
                    verify_consistency_proof(&proof, &o, &n).is_err(),
                    "{} -> {}",
                    old.size,
                    new.size
                );
            }
            // Tampered, dropped or extra hashes.
            let n = hashes_mut(&mut proof.clone()).len();
            for k in 0..n {
                let mut p = proof.clone();
                let h = &mut hashes_mut(&mut p)[k];
                *h = flip_hex(h, 40);
                assert!(verify_consistency_proof(&p, old, new).is_err());
            }
            let mut p = proof.clone();
            hashes_mut(&mut p).push("ab".repeat(32));
            assert!(verify_consistency_proof(&p, old, new).is_err());
            // Other ledgers' checkpoints.
            let mut elsewhere = new.clone();
            elsewhere.origin.push('x');
            assert!(verify_consistency_proof(&proof, old, &elsewhere)
                .unwrap_err()
                .contains("different ledgers"));
            checked += 1;
        }
    }
    assert_eq!(checked, 21);
    // Sizes that do not match the proof, and an inclusion proof in its place.
    let (old, new) = (&cps[2], &cps[4]);
    let proof = prove_consistency_in(&s, old, new).unwrap();
    assert!(verify_consistency_proof(&proof, &cps[1], new).is_err());
    assert!(verify_consistency_proof(&proof, old, &cps[5]).is_err());
    let inc = prove_inclusion_in(&s, 1, new).unwrap();
    assert!(verify_consistency_proof(&inc, old, new)
        .unwrap_err()
        .contains("not a consistency"));
    // A newer checkpoint whose size is smaller is refused by the prover.
    assert!(prove_consistency_in(&s, new, old).is_err());
}

#[test]
fn a_rewritten_ledger_fails_its_checkpoint_and_cannot_prove_consistency() {
    let (signer, _) = keys();
    let mut s = store(20);
    let (cp, _) = checkpoint_in(&mut s, &signer).unwrap();
    assert_eq!(verify_checkpoint_in(&s, &cp).unwrap(), Ok(20));
    s.append_at(&[b"{\"n\":20}"], "2026-01-02T00:00:00Z")
        .unwrap();
    assert_eq!(verify_checkpoint_in(&s, &cp).unwrap(), Ok(21));

    // A fork: the same first 19 records, another 20th, re-chained.
    let mut fork = store(19);
    fork.append_at(&[b"{\"n\":\"x\"}"], "2026-01-01T00:00:00Z")
        .unwrap();
    fork.append_at(&[b"{\"n\":20}"], "2026-01-02T00:00:00Z")
        .unwrap();
    let why = verify_checkpoint_in(&fork, &cp).unwrap().unwrap_err();
    assert!(why.contains("rewritten or forked"), "{why}");
    let (fork_cp, _) = checkpoint_in(&mut fork, &signer).unwrap();
    assert!(prove_consistency_in(&fork, &cp, &fork_cp).is_err());
    // Even a proof from the honest ledger does not link the old checkpoint to the fork.
    let (honest_cp, _) = checkpoint_in(&mut s, &signer).unwrap();
    let honest = prove_consistency_in(&s, &cp, &honest_cp).unwrap();
    assert!(verify_consistency_proof(&honest, &cp, &fork_cp).is_err());
    // A truncated ledger.
    let short = store(19);
    let why = verify_checkpoint_in(&short, &cp).unwrap().unwrap_err();
    assert!(why.contains("truncated"), "{why}");
    // A checkpoint of the empty ledger is extended by every ledger.
    let mut empty = MemStore::new();
    let (zero, _) = checkpoint_in(&mut empty, &signer).unwrap();
    assert_eq!(zero.size, 0);
    assert_eq!(verify_checkpoint_in(&s, &zero).unwrap(), Ok(21));
    let p = prove_consistency_in(&s, &zero, &honest_cp).unwrap();
    assert_eq!(verify_consistency_proof(&p, &zero, &honest_cp), Ok(()));
    let mut not_empty = zero.clone();
    not_empty.root[5] ^= 4;
    assert!(verify_consistency_proof(&p, &not_empty, &honest_cp).is_err());
    // From 0 records a proof has no hashes; two empty checkpoints both have the empty root.
    let mut padded = p.clone();
    hashes_mut(&mut padded).push("00".repeat(32));
    assert!(verify_consistency_proof(&padded, &zero, &honest_cp).is_err());
    let p00 = prove_consistency_in(&empty, &zero, &zero).unwrap();
    assert_eq!(verify_consistency_proof(&p00, &zero, &zero), Ok(()));
    assert!(verify_consistency_proof(&p00, &zero, &not_empty).is_err());
}
