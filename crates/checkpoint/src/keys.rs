//! Ed25519 note keys in the text formats of C2SP `signed-note` and `golang.org/x/mod/sumdb/note`:
//! a verifier key is `<name>+<key id, 8 lower-case hex digits>+<base64(0x01 ‖ public key)>`, a
//! signer key `PRIVATE+KEY+<name>+<key id>+<base64(0x01 ‖ seed)>`. The key id is the first 4 bytes
//! (big-endian) of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{Signer, Verifier};
use sha2::{Digest, Sha256};

use crate::{Checkpoint, CheckpointError};

/// The signature type byte of Ed25519 in signed notes.
const ED25519: u8 = 1;

/// The key id of an Ed25519 key.
pub(crate) fn key_id(name: &str, public: &[u8; 32]) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([ED25519]);
    h.update(public);
    let d = h.finalize();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

/// `name+id` as keys and messages write a key.
pub(crate) fn label(name: &str, id: u32) -> String {
    format!("{name}+{id:08x}")
}

/// A key name: non-empty, without Unicode spaces, `+` or control characters.
pub(crate) fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c == '+' || c.is_whitespace() || c.is_control())
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
    let mut sk_bytes = vec![ED25519];
    sk_bytes.extend_from_slice(&seed);
    let mut pk_bytes = vec![ED25519];
    pk_bytes.extend_from_slice(&pk);
    Ok((
        format!("PRIVATE+KEY+{}+{}", label(name, id), B64.encode(sk_bytes)),
        format!("{}+{}", label(name, id), B64.encode(pk_bytes)),
    ))
}

/// Parses `NAME+ID+BASE64` (after `PRIVATE+KEY+` for a private key) into the name, the key id
/// and the 32 key bytes (public key or seed).
fn parse_key(text: &str, private: bool) -> Result<(String, u32, [u8; 32]), CheckpointError> {
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
    if hex.len() != 8 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(CheckpointError::Key(
            "key id is not 8 lower-case hex digits".into(),
        ));
    }
    let id = u32::from_str_radix(hex, 16)
        .map_err(|_| CheckpointError::Key("key id is not 8 lower-case hex digits".into()))?;
    let raw = B64
        .decode(b64)
        .map_err(|_| CheckpointError::Key("key is not base64".into()))?;
    let (alg, key) = raw
        .split_first()
        .ok_or_else(|| CheckpointError::Key("empty key".into()))?;
    if *alg != ED25519 {
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
    id: u32,
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

    /// The key id.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// The public key of this key, which verifies what it signs.
    pub fn verifier(&self) -> VerifierKey {
        VerifierKey {
            name: self.name.clone(),
            id: self.id,
            key: self.key.verifying_key(),
        }
    }

    /// A signed note for `cp`.
    pub fn sign(&self, cp: &Checkpoint) -> String {
        let body = cp.body();
        format!("{body}\n{}", self.signature_line(&body))
    }

    /// A signed note of any text: the text (which must end with a newline and contain no control
    /// characters but newlines), a blank line and this key's signature line.
    pub fn sign_text(&self, text: &str) -> Result<String, CheckpointError> {
        if !text.ends_with('\n') {
            return Err(CheckpointError::Format(
                "a note text must end with a newline".into(),
            ));
        }
        if text.chars().any(|c| c < ' ' && c != '\n') {
            return Err(CheckpointError::Format(
                "a note text must not contain control characters other than newlines".into(),
            ));
        }
        Ok(format!("{text}\n{}", self.signature_line(text)))
    }

    /// This key's signature line for `text`: `— <name> <base64(key id ‖ signature)>` and a
    /// newline. A note signed by several keys (cosigned) has one such line per key after the
    /// blank line.
    pub fn signature_line(&self, text: &str) -> String {
        let sig = self.key.sign(text.as_bytes());
        let mut blob = self.id.to_be_bytes().to_vec();
        blob.extend_from_slice(&sig.to_bytes());
        format!("\u{2014} {} {}\n", self.name, B64.encode(blob))
    }
}

/// A public verifier key.
pub struct VerifierKey {
    name: String,
    id: u32,
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

    /// The key's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The key id.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// `name+id`, as the key file and messages write it.
    pub fn label(&self) -> String {
        label(&self.name, self.id)
    }

    /// True when `signature` (without the key id) is this key's Ed25519 signature of `text`.
    /// A signature of any other length than 64 bytes does not verify.
    pub fn verifies(&self, text: &[u8], signature: &[u8]) -> bool {
        ed25519_dalek::Signature::from_slice(signature)
            .is_ok_and(|sig| self.key.verify(text, &sig).is_ok())
    }

    /// Verifies a signed checkpoint note (C2SP `signed-note` and `tlog-checkpoint`) and returns its
    /// checkpoint: see [`crate::note::Note::verify`] for what makes a note valid.
    pub fn open(&self, note: &str) -> Result<Checkpoint, CheckpointError> {
        let verified = crate::note::Note::parse_str(note)?.verify(&[self])?;
        Checkpoint::parse_text(&verified.text)
    }
}
