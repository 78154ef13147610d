//! Signed checkpoints of a ledger's Merkle tree, after C2SP `tlog-checkpoint` and `signed-note`,
//! with Ed25519 keys, and the JSON encoding of inclusion and consistency proofs.
//!
//! A checkpoint note:
//!
//! ```text
//! rxledger/91330100MA27X8K3Q1        origin (one line)
//! 1000                               tree size (records)
//! q3vB…base64 root…=                 Merkle root, base64
//!                                    blank line
//! — inspector 3q2+7w…base64…         signature line: key name, base64(key id ‖ signature)
//! ```
//!
//! The key id is the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), 0x01 naming
//! Ed25519, as in `golang.org/x/mod/sumdb/note`. Key files use that package's text formats:
//! `PRIVATE+KEY+<name>+<id hex>+<base64(0x01 ‖ seed)>` and `<name>+<id hex>+<base64(0x01 ‖ key)>`.
//!
//! ```
//! use rxledger_checkpoint::{generate_key, Checkpoint, SignerKey, VerifierKey};
//! let (private, public) = generate_key("inspector")?;
//! let signer = SignerKey::parse(&private)?;
//! let cp = Checkpoint { origin: "rxledger/demo".into(), size: 3, root: [7; 32] };
//! let note = signer.sign(&cp);
//! let verifier = VerifierKey::parse(&public)?;
//! assert_eq!(verifier.open(&note)?, cp);
//! assert!(verifier.open(&note.replace("\n3\n", "\n2\n")).is_err());
//! # Ok::<(), rxledger_checkpoint::CheckpointError>(())
//! ```
#![forbid(unsafe_code)]

pub mod ledger;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{Signer, Verifier};
use rxledger_chain::merkle::Hash;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Errors reading keys, checkpoints and proofs.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CheckpointError {
    /// A key file is malformed.
    #[error("malformed key: {0}")]
    Key(String),
    /// The checkpoint text is malformed.
    #[error("malformed checkpoint: {0}")]
    Format(String),
    /// No signature by the given key, or it does not verify.
    #[error("checkpoint signature does not verify with key {0:?}")]
    Signature(String),
    /// A proof file is malformed.
    #[error("malformed proof: {0}")]
    Proof(String),
    /// The system random generator failed.
    #[error("random generator: {0}")]
    Random(String),
}

/// The state of a ledger a signer vouches for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    /// Names the ledger (one line, no spaces at the ends).
    pub origin: String,
    /// Number of records.
    pub size: u64,
    /// Merkle root over the first `size` records.
    pub root: Hash,
}

impl Checkpoint {
    /// The signed body: origin, size, base64 root, each on its own line.
    pub fn body(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            B64.encode(self.root)
        )
    }

    /// Reads a note's checkpoint without checking any signature (for provers; verifiers use
    /// [`VerifierKey::open`]).
    pub fn parse_note_unverified(note: &str) -> Result<Checkpoint, CheckpointError> {
        let (body, _) = note.split_once("\n\n").ok_or_else(|| {
            CheckpointError::Format("no blank line between body and signatures".into())
        })?;
        Self::parse_body(&format!("{body}\n"))
    }

    fn parse_body(body: &str) -> Result<Checkpoint, CheckpointError> {
        let mut lines = body.split('\n');
        let origin = lines
            .next()
            .filter(|o| !o.is_empty())
            .ok_or_else(|| CheckpointError::Format("no origin line".into()))?;
        let size = lines
            .next()
            .and_then(|s| {
                s.parse::<u64>()
                    .ok()
                    .filter(|_| !s.starts_with('+') && (s == "0" || !s.starts_with('0')))
            })
            .ok_or_else(|| CheckpointError::Format("second line is not a tree size".into()))?;
        let root = lines
            .next()
            .and_then(|r| B64.decode(r).ok())
            .and_then(|v| <[u8; 32]>::try_from(v).ok())
            .ok_or_else(|| {
                CheckpointError::Format("third line is not a base64 32-byte root".into())
            })?;
        Ok(Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
        })
    }
}

fn key_id(name: &str, public: &[u8; 32]) -> [u8; 4] {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([1u8]);
    h.update(public);
    let d = h.finalize();
    [d[0], d[1], d[2], d[3]]
}

fn pad32(id: [u8; 4]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[..4].copy_from_slice(&id);
    out
}

fn valid_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['+', ' ', '\n', '\t'])
}

/// Generates a new Ed25519 key pair named `name`; returns (private key text, public key text).
pub fn generate_key(name: &str) -> Result<(String, String), CheckpointError> {
    if !valid_name(name) {
        return Err(CheckpointError::Key(format!(
            "name {name:?} must be non-empty without '+' or spaces"
        )));
    }
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed).map_err(|e| CheckpointError::Random(e.to_string()))?;
    let sk = ed25519_dalek::SigningKey::from_bytes(&seed);
    let pk = sk.verifying_key().to_bytes();
    let id = key_id(name, &pk);
    let hex = rxledger_chain::Digest(pad32(id)).to_hex()[..8].to_owned();
    let mut sk_bytes = vec![1u8];
    sk_bytes.extend_from_slice(&seed);
    let mut pk_bytes = vec![1u8];
    pk_bytes.extend_from_slice(&pk);
    Ok((
        format!("PRIVATE+KEY+{name}+{hex}+{}", B64.encode(sk_bytes)),
        format!("{name}+{hex}+{}", B64.encode(pk_bytes)),
    ))
}

fn parse_key(text: &str, private: bool) -> Result<(String, [u8; 4], [u8; 32]), CheckpointError> {
    let t = text.trim();
    let rest = if private {
        t.strip_prefix("PRIVATE+KEY+")
            .ok_or_else(|| CheckpointError::Key("a private key starts with PRIVATE+KEY+".into()))?
    } else {
        t
    };
    let parts: Vec<&str> = rest.splitn(3, '+').collect();
    let [name, hex, b64] = parts.as_slice() else {
        return Err(CheckpointError::Key("expected NAME+ID+BASE64".into()));
    };
    if !valid_name(name) {
        return Err(CheckpointError::Key(format!("bad key name {name:?}")));
    }
    let id_bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .filter_map(|i| {
            hex.get(i..i + 2)
                .and_then(|x| u8::from_str_radix(x, 16).ok())
        })
        .collect();
    let id = <[u8; 4]>::try_from(id_bytes)
        .map_err(|_| CheckpointError::Key("key id is not 8 hex digits".into()))?;
    let raw = B64
        .decode(b64)
        .map_err(|_| CheckpointError::Key("key is not base64".into()))?;
    let (alg, key) = raw
        .split_first()
        .ok_or_else(|| CheckpointError::Key("empty key".into()))?;
    if *alg != 1 {
        return Err(CheckpointError::Key(format!(
            "unsupported key algorithm {alg} (1 = Ed25519)"
        )));
    }
    let key = <[u8; 32]>::try_from(key)
        .map_err(|_| CheckpointError::Key("key is not 32 bytes".into()))?;
    Ok(((*name).to_owned(), id, key))
}

/// A private signing key.
pub struct SignerKey {
    name: String,
    id: [u8; 4],
    key: ed25519_dalek::SigningKey,
}

impl SignerKey {
    /// Parses `PRIVATE+KEY+<name>+<id>+<base64>`.
    pub fn parse(text: &str) -> Result<SignerKey, CheckpointError> {
        let (name, id, seed) = parse_key(text, true)?;
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        if key_id(&name, &key.verifying_key().to_bytes()) != id {
            return Err(CheckpointError::Key("key id does not match the key".into()));
        }
        Ok(SignerKey { name, id, key })
    }

    /// The key's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A signed note for `cp`.
    pub fn sign(&self, cp: &Checkpoint) -> String {
        let body = cp.body();
        let sig = self.key.sign(body.as_bytes());
        let mut blob = self.id.to_vec();
        blob.extend_from_slice(&sig.to_bytes());
        format!("{body}\n\u{2014} {} {}\n", self.name, B64.encode(blob))
    }
}

/// A public verifier key.
pub struct VerifierKey {
    name: String,
    id: [u8; 4],
    key: ed25519_dalek::VerifyingKey,
}

impl VerifierKey {
    /// Parses `<name>+<id>+<base64>`.
    pub fn parse(text: &str) -> Result<VerifierKey, CheckpointError> {
        let (name, id, raw) = parse_key(text, false)?;
        if key_id(&name, &raw) != id {
            return Err(CheckpointError::Key("key id does not match the key".into()));
        }
        let key = ed25519_dalek::VerifyingKey::from_bytes(&raw)
            .map_err(|e| CheckpointError::Key(e.to_string()))?;
        Ok(VerifierKey { name, id, key })
    }

    /// Verifies a signed note and returns its checkpoint.
    pub fn open(&self, note: &str) -> Result<Checkpoint, CheckpointError> {
        let (body, sigs) = note.split_once("\n\n").ok_or_else(|| {
            CheckpointError::Format("no blank line between body and signatures".into())
        })?;
        let body = format!("{body}\n");
        let cp = Checkpoint::parse_body(&body)?;
        if cp.body() != body {
            return Err(CheckpointError::Format(
                "body is not in canonical form (extension lines are not supported)".into(),
            ));
        }
        for line in sigs.lines() {
            let Some(rest) = line.strip_prefix("\u{2014} ") else {
                return Err(CheckpointError::Format(format!(
                    "bad signature line {line:?}"
                )));
            };
            let Some((name, b64)) = rest.split_once(' ') else {
                return Err(CheckpointError::Format(format!(
                    "bad signature line {line:?}"
                )));
            };
            if name != self.name {
                continue;
            }
            let blob = B64
                .decode(b64)
                .map_err(|_| CheckpointError::Format("signature is not base64".into()))?;
            if blob.len() != 68 || blob.get(..4) != Some(&self.id[..]) {
                continue;
            }
            let sig = ed25519_dalek::Signature::from_slice(blob.get(4..).unwrap_or_default())
                .map_err(|_| CheckpointError::Signature(self.name.clone()))?;
            if self.key.verify(body.as_bytes(), &sig).is_ok() {
                return Ok(cp);
            }
        }
        Err(CheckpointError::Signature(self.name.clone()))
    }
}

fn hex(h: &Hash) -> String {
    rxledger_chain::Digest(*h).to_hex()
}

fn unhex(s: &str) -> Result<Hash, CheckpointError> {
    rxledger_chain::Digest::from_hex(s)
        .map(|d| d.0)
        .ok_or_else(|| CheckpointError::Proof(format!("{s:?} is not a 64-hex-digit hash")))
}

/// A proof file (JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProofFile {
    /// Record `seq` (leaf `seq − 1`) is in the tree of `tree_size` records.
    Inclusion {
        /// Record seq.
        seq: u64,
        /// Tree size.
        tree_size: u64,
        /// Audit path, leaf to root, lower-case hex.
        hashes: Vec<String>,
    },
    /// The tree of `new_size` records extends the tree of `old_size` records.
    Consistency {
        /// Older tree size.
        old_size: u64,
        /// Newer tree size.
        new_size: u64,
        /// Consistency proof, lower-case hex.
        hashes: Vec<String>,
    },
}

impl ProofFile {
    /// Encodes hashes.
    pub fn hashes_hex(hashes: &[Hash]) -> Vec<String> {
        hashes.iter().map(hex).collect()
    }

    /// Decodes the hashes.
    pub fn hashes(&self) -> Result<Vec<Hash>, CheckpointError> {
        let list = match self {
            ProofFile::Inclusion { hashes, .. } | ProofFile::Consistency { hashes, .. } => hashes,
        };
        list.iter().map(|s| unhex(s)).collect()
    }

    /// Parses JSON.
    pub fn from_json(text: &str) -> Result<ProofFile, CheckpointError> {
        serde_json::from_str(text).map_err(|e| CheckpointError::Proof(e.to_string()))
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tampering_with_a_note_is_detected() {
        let (sk, pk) = generate_key("regulator").unwrap();
        let (_, other) = generate_key("regulator").unwrap();
        let signer = SignerKey::parse(&sk).unwrap();
        let cp = Checkpoint {
            origin: "rxledger/x".into(),
            size: 1000,
            root: [9; 32],
        };
        let note = signer.sign(&cp);
        let v = VerifierKey::parse(&pk).unwrap();
        assert_eq!(v.open(&note).unwrap(), cp);
        // Another key with the same name does not verify.
        assert!(VerifierKey::parse(&other).unwrap().open(&note).is_err());
        // Any single-character change of the note is rejected.
        for (i, c) in note.char_indices() {
            let replacement = if c == 'A' { 'B' } else { 'A' };
            let mut t = note.clone();
            t.replace_range(i..i + c.len_utf8(), &replacement.to_string());
            if t != note {
                assert!(v.open(&t).is_err(), "edit at {i} accepted: {t:?}");
            }
        }
    }

    #[test]
    fn keys_round_trip_and_bad_keys_fail() {
        let (sk, pk) = generate_key("k1").unwrap();
        assert!(SignerKey::parse(&sk).is_ok());
        assert!(VerifierKey::parse(&pk).is_ok());
        assert!(VerifierKey::parse(&sk).is_err());
        assert!(SignerKey::parse(&pk).is_err());
        assert!(generate_key("bad name").is_err());
        let mut broken = pk.clone();
        broken.insert(3, 'x');
        assert!(VerifierKey::parse(&broken).is_err());
    }
}
