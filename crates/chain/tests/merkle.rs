//! RFC 6962 / 9162 known-answer vectors (the certificate-transparency reference test data) with
//! SHA-256, and properties of proofs for random sizes with the production blake3 hasher.

use proptest::prelude::*;
use rxledger_chain::merkle::{
    consistency_proof, inclusion_proof, mth, verify_consistency, verify_inclusion, Blake3Tree,
    Frontier, Hash, MemTree, Sha256Rfc, TreeHasher,
};
use sha2::{Digest, Sha256};

fn sha(d: &[u8]) -> Hash {
    Sha256::digest(d).into()
}

fn hx(s: &str) -> Hash {
    let v: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    v.try_into().unwrap()
}

fn leaves() -> Vec<Vec<u8>> {
    [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
    .iter()
    .map(|s| {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    })
    .collect()
}

const ROOTS: [&str; 9] = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

#[test]
fn rfc6962_roots() {
    let h = Sha256Rfc(sha);
    let lh: Vec<Hash> = leaves().iter().map(|d| h.leaf(d)).collect();
    let mut f = Frontier::new();
    assert_eq!(mth(&h, &[]), hx(ROOTS[0]));
    for n in 1..=8 {
        assert_eq!(mth(&h, &lh[..n]), hx(ROOTS[n]), "size {n}");
        f.push(&h, lh[n - 1]);
        assert_eq!(f.root(&h), hx(ROOTS[n]), "frontier size {n}");
    }
}

#[test]
fn rfc6962_inclusion_and_consistency_vectors() {
    let h = Sha256Rfc(sha);
    let lh: Vec<Hash> = leaves().iter().map(|d| h.leaf(d)).collect();
    let t = MemTree {
        hasher: &h,
        leaves: &lh,
    };
    let inc: [(u64, u64, &[&str]); 5] = [
        (0, 1, &[]),
        (
            0,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            5,
            8,
            &[
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            3,
            &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
        ),
        (
            1,
            5,
            &[
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
    ];
    for (i, n, want) in inc {
        let p = inclusion_proof(&t, i, n).unwrap();
        assert_eq!(
            p,
            want.iter().map(|s| hx(s)).collect::<Vec<_>>(),
            "path({i}, {n})"
        );
        assert!(verify_inclusion(
            &h,
            &lh[i as usize],
            i,
            n,
            &p,
            &hx(ROOTS[n as usize])
        ));
    }
    let cons: [(u64, u64, &[&str]); 4] = [
        (1, 1, &[]),
        (
            1,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            6,
            8,
            &[
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            5,
            &[
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
    ];
    for (m, n, want) in cons {
        let p = consistency_proof(&t, m, n).unwrap();
        assert_eq!(
            p,
            want.iter().map(|s| hx(s)).collect::<Vec<_>>(),
            "consistency({m}, {n})"
        );
        assert!(verify_consistency(
            &h,
            m,
            n,
            &hx(ROOTS[m as usize]),
            &hx(ROOTS[n as usize]),
            &p
        ));
    }
}

fn flip(mut h: Hash, bit: usize) -> Hash {
    h[bit / 8 % 32] ^= 1 << (bit % 8);
    h
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn inclusion_proofs_verify_and_alterations_fail(n in 1u64..300, i in any::<prop::sample::Index>(), bit in 0usize..256, which in any::<prop::sample::Index>()) {
        let h = Blake3Tree;
        let lh: Vec<Hash> = (0..n).map(|k| h.leaf(&k.to_le_bytes())).collect();
        let t = MemTree { hasher: &h, leaves: &lh };
        let idx = i.index(n as usize) as u64;
        let root = mth(&h, &lh);
        let p = inclusion_proof(&t, idx, n).unwrap();
        prop_assert!(verify_inclusion(&h, &lh[idx as usize], idx, n, &p, &root));
        prop_assert!(!verify_inclusion(&h, &lh[idx as usize], idx, n, &p, &flip(root, bit)));
        prop_assert!(!verify_inclusion(&h, &flip(lh[idx as usize], bit), idx, n, &p, &root));
        if !p.is_empty() {
            let mut q = p.clone();
            let w = which.index(q.len());
            q[w] = flip(q[w], bit);
            prop_assert!(!verify_inclusion(&h, &lh[idx as usize], idx, n, &q, &root));
            prop_assert!(!verify_inclusion(&h, &lh[idx as usize], idx, n, &p[1..], &root));
        }
        if n > 1 {
            prop_assert!(!verify_inclusion(&h, &lh[idx as usize], (idx + 1) % n, n, &p, &root));
        }
    }

    #[test]
    fn consistency_proofs_verify_and_alterations_fail(n in 1u64..300, m in any::<prop::sample::Index>(), bit in 0usize..256, which in any::<prop::sample::Index>()) {
        let h = Blake3Tree;
        let lh: Vec<Hash> = (0..n).map(|k| h.leaf(&k.to_le_bytes())).collect();
        let t = MemTree { hasher: &h, leaves: &lh };
        let old = 1 + m.index(n as usize) as u64;
        let (r1, r2) = (mth(&h, &lh[..old as usize]), mth(&h, &lh));
        let p = consistency_proof(&t, old, n).unwrap();
        prop_assert!(verify_consistency(&h, old, n, &r1, &r2, &p));
        prop_assert!(!verify_consistency(&h, old, n, &flip(r1, bit), &r2, &p));
        prop_assert!(!verify_consistency(&h, old, n, &r1, &flip(r2, bit), &p));
        if !p.is_empty() {
            let mut q = p.clone();
            let w = which.index(q.len());
            q[w] = flip(q[w], bit);
            prop_assert!(!verify_consistency(&h, old, n, &r1, &r2, &q));
        }
        if old < n {
            // A fork: a different leaf at the old size's edge breaks consistency.
            let mut forked = lh.clone();
            forked[old as usize - 1] = flip(forked[old as usize - 1], bit);
            let r1f = mth(&h, &forked[..old as usize]);
            prop_assert!(!verify_consistency(&h, old, n, &r1f, &r2, &p));
        }
    }
}
