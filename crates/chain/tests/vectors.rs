//! The public proof vectors of `transparency-dev/merkle` (`tests/vectors/README.md`): every
//! inclusion and consistency probe (valid proofs and their invalid variants: altered, truncated,
//! extended, reordered proofs, wrong indices and sizes, wrong or empty roots), run against
//! `rxledger_chain::merkle`'s verifiers with RFC 6962 SHA-256 hashing, and the node hashes of
//! `testonly` against `mth`. The counts are checked, so a fixture that loses files fails.

use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use rxledger_chain::merkle::{
    consistency_proof, inclusion_proof, mth, verify_consistency, verify_inclusion, Hash, MemTree,
    Sha256Rfc, TreeHasher,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn sha(d: &[u8]) -> Hash {
    Sha256::digest(d).into()
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/transparency-dev-merkle")
}

/// Every `.json` file under `sub`, sorted.
fn probes(sub: &str) -> Vec<(String, Value)> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(p).unwrap().flatten() {
            let q = e.path();
            if q.is_dir() {
                walk(&q, out);
            } else if q.extension().is_some_and(|x| x == "json") {
                out.push(q);
            }
        }
    }
    let mut files = Vec::new();
    walk(&dir().join(sub), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let name = f.strip_prefix(dir()).unwrap().display().to_string();
            let v = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            (name, v)
        })
        .collect()
}

/// A base64 field as a 32-byte hash, `None` when it has another length. Our verifiers take
/// 32-byte hashes, and the proof-file and checkpoint readers refuse any other length, so such a
/// probe is rejected before verification. Except the probes' placeholders `don't care 1` and
/// `don't care 2`, values the outcome must not depend on: they stand for two distinct hashes that
/// are no hash of the reference tree (SHA-256 of the placeholder), so the verifier runs.
fn hash(v: &Value) -> Option<Hash> {
    let bytes = B64.decode(v.as_str().unwrap_or("")).unwrap();
    match Hash::try_from(bytes.as_slice()) {
        Ok(h) => Some(h),
        Err(_) if bytes.starts_with(b"don't care") => Some(sha(&bytes)),
        Err(_) => None,
    }
}

fn proof(v: &Value) -> Option<Vec<Hash>> {
    match v {
        Value::Null => Some(Vec::new()),
        Value::Array(a) => a.iter().map(hash).collect(),
        _ => panic!("proof is {v}"),
    }
}

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap()
}

/// The RFC 6962 test tree (`testonly.LeafInputs`): leaf hashes and the roots of its prefixes.
fn reference_tree() -> (Vec<Hash>, Vec<Hash>) {
    let h = Sha256Rfc(sha);
    let c: Value = serde_json::from_str(
        &std::fs::read_to_string(dir().join("testonly-constants.json")).unwrap(),
    )
    .unwrap();
    let leaves: Vec<Hash> = c["leaf_inputs_hex"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| h.leaf(&unhex(x.as_str().unwrap())))
        .collect();
    let roots = (0..=leaves.len()).map(|n| mth(&h, &leaves[..n])).collect();
    (leaves, roots)
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn testonly_node_and_root_hashes() {
    let h = Sha256Rfc(sha);
    let c: Value = serde_json::from_str(
        &std::fs::read_to_string(dir().join("testonly-constants.json")).unwrap(),
    )
    .unwrap();
    let (leaves, roots) = reference_tree();
    let mut count = 0;
    for (level, nodes) in c["node_hashes_hex"].as_array().unwrap().iter().enumerate() {
        for (i, node) in nodes.as_array().unwrap().iter().enumerate() {
            let (start, end) = (i << level, (i + 1) << level);
            let got = mth(&h, &leaves[start..end]);
            assert_eq!(
                got.to_vec(),
                unhex(node.as_str().unwrap()),
                "level {level} node {i}"
            );
            count += 1;
        }
    }
    for (n, root) in c["root_hashes_hex"].as_array().unwrap().iter().enumerate() {
        assert_eq!(
            roots[n].to_vec(),
            unhex(root.as_str().unwrap()),
            "root of size {n}"
        );
        count += 1;
    }
    assert_eq!(count, 15 + 9);
}

#[test]
fn inclusion_probes() {
    let h = Sha256Rfc(sha);
    let (leaves, roots) = reference_tree();
    let t = MemTree {
        hasher: &h,
        leaves: &leaves,
    };
    let (mut count, mut valid, mut refused, mut regenerated) = (0, 0, 0, 0);
    for (name, p) in probes("inclusion") {
        let (idx, size) = (u(&p["leafIdx"]), u(&p["treeSize"]));
        let want_err = p["wantErr"].as_bool().unwrap();
        let parsed = (hash(&p["leafHash"]), hash(&p["root"]), proof(&p["proof"]));
        let accepted = if let (Some(leaf), Some(root), Some(path)) = parsed {
            let ok = verify_inclusion(&h, &leaf, idx, size, &path, &root);
            // A valid probe over the reference tree: our prover makes the same proof.
            if ok
                && size as usize <= leaves.len()
                && roots[size as usize] == root
                && leaves[idx as usize] == leaf
            {
                assert_eq!(inclusion_proof(&t, idx, size).unwrap(), path, "{name}");
                regenerated += 1;
            }
            ok
        } else {
            refused += 1;
            false
        };
        assert_eq!(accepted, !want_err, "{name}: {}", p["desc"]);
        count += 1;
        valid += usize::from(accepted);
    }
    assert_eq!(count, 98, "inclusion probes run");
    assert_eq!(valid, 6, "valid inclusion probes");
    assert_eq!(
        refused, 26,
        "probes refused for a hash that is not 32 bytes"
    );
    assert_eq!(regenerated, 5, "valid probes our prover regenerates");
}

#[test]
fn consistency_probes() {
    let h = Sha256Rfc(sha);
    let (leaves, roots) = reference_tree();
    let t = MemTree {
        hasher: &h,
        leaves: &leaves,
    };
    let (mut count, mut valid, mut refused, mut regenerated) = (0, 0, 0, 0);
    for (name, p) in probes("consistency") {
        let (size1, size2) = (u(&p["size1"]), u(&p["size2"]));
        let want_err = p["wantErr"].as_bool().unwrap();
        let parsed = (hash(&p["root1"]), hash(&p["root2"]), proof(&p["proof"]));
        let accepted = if let (Some(r1), Some(r2), Some(path)) = parsed {
            let ok = verify_consistency(&h, size1, size2, &r1, &r2, &path);
            if ok
                && size2 as usize <= leaves.len()
                && roots[size1 as usize] == r1
                && roots[size2 as usize] == r2
            {
                assert_eq!(consistency_proof(&t, size1, size2).unwrap(), path, "{name}");
                regenerated += 1;
            }
            ok
        } else {
            refused += 1;
            false
        };
        assert_eq!(accepted, !want_err, "{name}: {}", p["desc"]);
        count += 1;
        valid += usize::from(accepted);
    }
    assert_eq!(count, 98, "consistency probes run");
    assert_eq!(valid, 6, "valid consistency probes");
    assert_eq!(
        refused, 16,
        "probes refused for a hash that is not 32 bytes"
    );
    assert_eq!(regenerated, 5, "valid probes our prover regenerates");
}
