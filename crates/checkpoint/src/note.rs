//! Signed notes, strictly after C2SP `signed-note` (<https://c2sp.org/signed-note>), as
//! `golang.org/x/mod/sumdb/note` reads them.
//!
//! A note is UTF-8 without control characters other than newline: a text ending in a newline, a
//! blank line, and one to [`MAX_SIGNATURES`] signature lines `— <key name> <base64(key id ‖
//! signature)>`, each ending in a newline. The text is separated from the signatures by the
//! *last* blank line. Anything else after it (a junk line, a blank line, a missing final
//! newline) makes the note malformed.
//!
//! Verifying against known keys ([`Note::verify`]): a line whose key name and id match a known
//! key must verify, or the whole note is rejected, even when another line by the same key
//! verifies; lines of unknown keys (another name, or the same name with another id) are ignored;
//! at least one known key must have signed.
//!
//! ```
//! use rxledger_checkpoint::{generate_key, note::Note, SignerKey, VerifierKey};
//! let (private, public) = generate_key("example.com/log")?;
//! let note = SignerKey::parse(&private)?.sign_text("hello\n")?;
//! let key = VerifierKey::parse(&public)?;
//! assert_eq!(Note::parse_str(&note)?.verify(&[&key])?.text, "hello\n");
//! // A junk line after the signature is not a signature line.
//! assert!(Note::parse_str(&format!("{note}junk\n")).is_err());
//! # Ok::<(), rxledger_checkpoint::CheckpointError>(())
//! ```

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;

use crate::keys::{label, valid_name};
use crate::{CheckpointError, VerifierKey};

/// The most signature lines a note may have (as `golang.org/x/mod/sumdb/note`; C2SP asks
/// verifiers to accept at least 16 and to set a limit).
pub const MAX_SIGNATURES: usize = 100;

/// One signature line of a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The key name.
    pub name: String,
    /// The key id (the first 4 bytes of the decoded signature, big-endian).
    pub id: u32,
    /// The base64 text of key id ‖ signature, as written.
    pub base64: String,
    /// The line of the note it is on (1-based).
    pub line: usize,
}

impl Signature {
    /// `name+id`, as key files write the key.
    pub fn key(&self) -> String {
        label(&self.name, self.id)
    }
}

/// A note split into its text and signature lines, well-formed but not verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The signed text, with its final newline (not the blank line).
    pub text: String,
    /// The signature lines, in order.
    pub signatures: Vec<Signature>,
}

/// A note whose signatures by the known keys all verify.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The signed text.
    pub text: String,
    /// One signature per known key that signed (a key's repeated lines are listed once).
    pub verified: Vec<Signature>,
    /// Signatures by unknown keys, not checked (identical repeated lines listed once).
    pub unverified: Vec<Signature>,
}

fn malformed(msg: String) -> CheckpointError {
    CheckpointError::Format(msg)
}

/// A line quoted in a message, cut after 40 characters.
fn quote(line: &str) -> String {
    let cut: String = line.chars().take(40).collect();
    if cut.len() < line.len() {
        format!("{cut:?}…")
    } else {
        format!("{cut:?}")
    }
}

/// Parses signature line `line` (number `n`): `— NAME BASE64`.
fn parse_signature(line: &str, n: usize) -> Result<Signature, CheckpointError> {
    let not_sig = || {
        malformed(format!(
            "line {n}: after the blank line only signature lines (\"— NAME BASE64\") may follow, not {}",
            quote(line)
        ))
    };
    let rest = line.strip_prefix("\u{2014} ").ok_or_else(not_sig)?;
    let (name, b64) = rest.split_once(' ').ok_or_else(not_sig)?;
    if !valid_name(name) {
        return Err(malformed(format!(
            "line {n}: bad key name {} in a signature line",
            quote(name)
        )));
    }
    let raw = B64
        .decode(b64)
        .map_err(|_| malformed(format!("line {n}: the signature is not base64")))?;
    let Some(id) = raw.get(..4).filter(|_| raw.len() > 4) else {
        return Err(malformed(format!(
            "line {n}: the signature is {} bytes; a key id and a signature are at least 5",
            raw.len()
        )));
    };
    Ok(Signature {
        name: name.to_owned(),
        id: u32::from_be_bytes([id[0], id[1], id[2], id[3]]),
        base64: b64.to_owned(),
        line: n,
    })
}

/// Checks the characters of a note or note text: no control character but newline. Returns the
/// line and the character of the first one.
pub(crate) fn control_char(text: &str) -> Option<(usize, char)> {
    let (i, c) = text.char_indices().find(|&(_, c)| c < ' ' && c != '\n')?;
    Some((text[..i].matches('\n').count() + 1, c))
}

impl Note {
    /// Parses a note given as bytes: it must be UTF-8.
    pub fn parse(msg: &[u8]) -> Result<Note, CheckpointError> {
        let text = std::str::from_utf8(msg).map_err(|e| {
            malformed(format!(
                "not UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ))
        })?;
        Note::parse_str(text)
    }

    /// Parses a note: text, blank line, 1 to [`MAX_SIGNATURES`] signature lines, final newline.
    pub fn parse_str(msg: &str) -> Result<Note, CheckpointError> {
        if let Some((line, c)) = control_char(msg) {
            let hint = if c == '\r' {
                " (CRLF line endings? a note has LF only)"
            } else {
                ""
            };
            return Err(malformed(format!(
                "line {line}: control character U+{:04X}{hint}",
                c as u32
            )));
        }
        if !msg.ends_with('\n') {
            return Err(malformed("the note does not end with a newline".into()));
        }
        let split = msg
            .rfind("\n\n")
            .ok_or_else(|| malformed("no blank line between the text and the signatures".into()))?;
        let (text, sigs) = (&msg[..=split], &msg[split + 2..]);
        if sigs.is_empty() {
            return Err(malformed("no signature line after the blank line".into()));
        }
        let lines: Vec<&str> = sigs.split_terminator('\n').collect();
        if lines.len() > MAX_SIGNATURES {
            return Err(malformed(format!(
                "{} signature lines; at most {MAX_SIGNATURES} are accepted",
                lines.len()
            )));
        }
        // The first signature line's number: the text's lines, the blank line, then 1.
        let first = text.matches('\n').count() + 2;
        let signatures = lines
            .iter()
            .enumerate()
            .map(|(k, line)| parse_signature(line, first + k))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Note {
            text: text.to_owned(),
            signatures,
        })
    }

    /// Verifies the note with the known keys. Fails when a known key's signature line does not
    /// verify (`Signature`), when no known key signed (`Signature`), or when two known keys share
    /// a name and id (`Key`).
    pub fn verify(self, known: &[&VerifierKey]) -> Result<Verified, CheckpointError> {
        let mut verified: Vec<Signature> = Vec::new();
        let mut unverified: Vec<Signature> = Vec::new();
        for sig in self.signatures {
            let keys: Vec<&&VerifierKey> = known
                .iter()
                .filter(|k| k.name() == sig.name && k.id() == sig.id)
                .collect();
            let key = match keys.as_slice() {
                [] => {
                    if !unverified
                        .iter()
                        .any(|u| u.name == sig.name && u.base64 == sig.base64)
                    {
                        unverified.push(sig);
                    }
                    continue;
                }
                [key] => key,
                _ => {
                    return Err(CheckpointError::Key(format!(
                        "ambiguous key {}: given twice",
                        sig.key()
                    )))
                }
            };
            let raw = B64.decode(&sig.base64).unwrap_or_default();
            if !key.verifies(self.text.as_bytes(), raw.get(4..).unwrap_or_default()) {
                return Err(CheckpointError::Signature(format!(
                    "line {}: the signature by key {} is invalid",
                    sig.line,
                    sig.key()
                )));
            }
            if !verified
                .iter()
                .any(|v| v.name == sig.name && v.id == sig.id)
            {
                verified.push(sig);
            }
        }
        if verified.is_empty() {
            let wanted: Vec<String> = known.iter().map(|k| k.label()).collect();
            let found: Vec<String> = unverified.iter().map(Signature::key).collect();
            return Err(CheckpointError::Signature(if wanted.is_empty() {
                "no verifier key given".into()
            } else {
                format!(
                    "no signature by key {} (the note is signed by {})",
                    wanted.join(" or "),
                    found.join(", ")
                )
            }));
        }
        Ok(Verified {
            text: self.text,
            verified,
            unverified,
        })
    }
}

/// Parses `msg` and verifies it with the known keys: [`Note::parse`], then [`Note::verify`].
pub fn open(msg: &[u8], known: &[&VerifierKey]) -> Result<Verified, CheckpointError> {
    Note::parse(msg)?.verify(known)
}
