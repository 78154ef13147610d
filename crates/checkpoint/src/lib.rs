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
//! Verification is strict ([`note`]): the note must end with a newline, only signature lines may
//! follow the blank line, at most 100 of them, and a signature line of the verifier's key that
//! does not verify rejects the note. Extension lines after the root (C2SP `tlog-checkpoint`) are
//! accepted when non-empty, kept in [`Checkpoint::extensions`] and not interpreted; rxledger writes
//! none.
//!
//! ```
//! use rxledger_checkpoint::{generate_key, Checkpoint, SignerKey, VerifierKey};
//! let (private, public) = generate_key("inspector")?;
//! let signer = SignerKey::parse(&private)?;
//! let cp = Checkpoint::new("rxledger/demo", 3, [7; 32]);
//! let note = signer.sign(&cp);
//! let verifier = VerifierKey::parse(&public)?;
//! assert_eq!(verifier.open(&note)?, cp);
//! assert!(verifier.open(&note.replace("\n3\n", "\n2\n")).is_err());
//! assert!(verifier.open(note.trim_end()).is_err()); // no final newline
//! # Ok::<(), rxledger_checkpoint::CheckpointError>(())
//! ```
#![forbid(unsafe_code)]

mod keys;
pub mod ledger;
pub mod note;

pub use keys::{generate_key, SignerKey, VerifierKey};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use rxledger_chain::merkle::Hash;
use serde::{Deserialize, Serialize};

/// Errors reading keys, checkpoints and proofs.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CheckpointError {
    /// A key file is malformed, or two keys share a name and id.
    #[error("malformed key: {0}")]
    Key(String),
    /// The note or checkpoint text is malformed.
    #[error("malformed checkpoint: {0}")]
    Format(String),
    /// No signature by the given key, or one of its signatures does not verify.
    #[error("checkpoint signature does not verify: {0}")]
    Signature(String),
    /// A proof file is malformed.
    #[error("malformed proof: {0}")]
    Proof(String),
    /// The system random generator failed.
    #[error("random generator: {0}")]
    Random(String),
}

fn format_err(msg: String) -> CheckpointError {
    CheckpointError::Format(msg)
}

/// A checkpoint's note text as C2SP `tlog-checkpoint` defines it, with a root hash of any length
/// (other logs may use other hashes; rxledger's roots are 32 bytes: [`Checkpoint`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckpointText {
    /// Line 1: the log's origin (non-empty).
    pub origin: String,
    /// Line 2: the tree size (decimal, no leading zeros).
    pub size: u64,
    /// Line 3: the root hash (base64 in the text).
    pub root: Vec<u8>,
    /// Any further lines (non-empty, opaque).
    pub extensions: Vec<String>,
}

impl CheckpointText {
    /// Parses a checkpoint text: at least three non-empty lines, each ending in a newline; origin,
    /// tree size, base64 root hash, then non-empty extension lines.
    pub fn parse(text: &str) -> Result<CheckpointText, CheckpointError> {
        if let Some((line, c)) = note::control_char(text) {
            return Err(format_err(format!(
                "line {line}: control character U+{:04X}",
                c as u32
            )));
        }
        let Some(body) = text.strip_suffix('\n') else {
            return Err(format_err(
                "the checkpoint text does not end with a newline".into(),
            ));
        };
        let lines: Vec<&str> = body.split('\n').collect();
        let [origin, size, root, extensions @ ..] = lines.as_slice() else {
            return Err(format_err(format!(
                "a checkpoint has at least three lines (origin, tree size, root hash), not {}",
                lines.len()
            )));
        };
        if origin.is_empty() {
            return Err(format_err("line 1 (origin) is empty".into()));
        }
        let size = Some(size)
            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .filter(|s| **s == "0" || !s.starts_with('0'))
            .and_then(|s| s.parse::<u64>().ok())
            .ok_or_else(|| {
                format_err(format!(
                    "line 2 (tree size) is not a number without leading zeros below 2^64: {size:?}"
                ))
            })?;
        let root = Some(root)
            .filter(|r| !r.is_empty())
            .and_then(|r| B64.decode(r).ok())
            .ok_or_else(|| format_err("line 3 (root hash) is not base64".into()))?;
        if let Some(k) = extensions.iter().position(|l| l.is_empty()) {
            return Err(format_err(format!(
                "line {}: an extension line must not be empty",
                k + 4
            )));
        }
        Ok(CheckpointText {
            origin: (*origin).to_owned(),
            size,
            root,
            extensions: extensions.iter().map(|&l| l.to_owned()).collect(),
        })
    }

    /// The text: origin, size, base64 root and extension lines, each ending in a newline.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            B64.encode(&self.root)
        );
        for line in &self.extensions {
            out.push_str(line);
            out.push('\n');
        }
        out
    }
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
    /// Extension lines after the root (C2SP `tlog-checkpoint`): signed, opaque, not interpreted.
    /// rxledger writes none.
    pub extensions: Vec<String>,
}

impl Checkpoint {
    /// A checkpoint without extension lines.
    pub fn new(origin: impl Into<String>, size: u64, root: Hash) -> Checkpoint {
        Checkpoint {
            origin: origin.into(),
            size,
            root,
            extensions: Vec::new(),
        }
    }

    /// The signed body: origin, size, base64 root and any extension lines, each on its own line.
    pub fn body(&self) -> String {
        let mut out = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            B64.encode(self.root)
        );
        for line in &self.extensions {
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// Parses a checkpoint text ([`CheckpointText::parse`]) whose root is 32 bytes.
    pub fn parse_text(text: &str) -> Result<Checkpoint, CheckpointError> {
        let t = CheckpointText::parse(text)?;
        let root = <[u8; 32]>::try_from(t.root.as_slice()).map_err(|_| {
            format_err(format!(
                "line 3 (root hash) is {} bytes; an rxledger root is 32",
                t.root.len()
            ))
        })?;
        Ok(Checkpoint {
            origin: t.origin,
            size: t.size,
            root,
            extensions: t.extensions,
        })
    }

    /// Reads a note's checkpoint without checking any signature (for provers; verifiers use
    /// [`VerifierKey::open`]). The note must be well-formed ([`note::Note::parse_str`]).
    pub fn parse_note_unverified(note: &str) -> Result<Checkpoint, CheckpointError> {
        Checkpoint::parse_text(&note::Note::parse_str(note)?.text)
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

/// The fields of an inclusion proof file (after `type`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InclusionFields {
    seq: u64,
    tree_size: u64,
    hashes: Vec<String>,
}

/// The fields of a consistency proof file (after `type`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConsistencyFields {
    old_size: u64,
    new_size: u64,
    hashes: Vec<String>,
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

    /// Parses JSON; an error names the field (`seq: invalid value …`).
    pub fn from_json(text: &str) -> Result<ProofFile, CheckpointError> {
        let err = |m: String| CheckpointError::Proof(m);
        // A key written twice: serde_json would keep the last value without a word (attacker
        // round 24: `"seq":41,"seq":42` verified as 42).
        if let Some(path) = rxledger_model::dup::first_duplicate(text) {
            return Err(err(format!("{path}: written twice")));
        }
        let mut v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
        let obj = v
            .as_object_mut()
            .ok_or_else(|| err("a proof file is a JSON object".into()))?;
        let ty = obj.remove("type");
        // A count written as a number serde_json reads as a float (beyond 2^64, a fraction, an
        // exponent) said "invalid type: floating point `1.8446744073709552e+19`".
        for key in ["seq", "tree_size", "old_size", "new_size"] {
            if let Some(n) = obj.get(key).and_then(serde_json::Value::as_number) {
                if n.as_u64().is_none() {
                    return Err(err(format!(
                        "{key}: must be a whole number from 0 to {} (got {n})",
                        u64::MAX
                    )));
                }
            }
        }
        fn fields<T: serde::de::DeserializeOwned>(
            v: serde_json::Value,
        ) -> Result<T, CheckpointError> {
            serde_path_to_error::deserialize(v).map_err(|e| match e.path().to_string() {
                p if p == "." => CheckpointError::Proof(e.inner().to_string()),
                p => CheckpointError::Proof(format!("{p}: {}", e.inner())),
            })
        }
        match ty.as_ref().and_then(serde_json::Value::as_str) {
            Some("inclusion") => {
                let f: InclusionFields = fields(v)?;
                Ok(ProofFile::Inclusion {
                    seq: f.seq,
                    tree_size: f.tree_size,
                    hashes: f.hashes,
                })
            }
            Some("consistency") => {
                let f: ConsistencyFields = fields(v)?;
                Ok(ProofFile::Consistency {
                    old_size: f.old_size,
                    new_size: f.new_size,
                    hashes: f.hashes,
                })
            }
            _ => Err(err(format!(
                "type: expected \"inclusion\" or \"consistency\", found {}",
                ty.map_or_else(|| "nothing".into(), |t| t.to_string())
            ))),
        }
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
        let cp = Checkpoint::new("rxledger/x", 1000, [9; 32]);
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
