//! Checkpoint texts, checkpoint notes and key texts never panic the readers; a checkpoint text
//! that parses is in canonical form (rebuilt byte for byte); and the input signed as a note text
//! opens exactly when it is a checkpoint with a 32-byte root, giving back the same text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rxledger_checkpoint::{Checkpoint, CheckpointText, SignerKey, VerifierKey};

// The published test key pair of golang.org/x/mod/sumdb/note (tests/vectors/golang-mod-sumdb-note).
const PRIVATE: &str =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const PUBLIC: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = VerifierKey::parse(s);
    let _ = SignerKey::parse(s);
    let _ = Checkpoint::parse_note_unverified(s);
    if let Ok(t) = CheckpointText::parse(s) {
        assert_eq!(t.to_text(), s);
        assert!(!t.origin.is_empty() && t.extensions.iter().all(|l| !l.is_empty()));
    }
    let signer = SignerKey::parse(PRIVATE).expect("the test key parses");
    let verifier = VerifierKey::parse(PUBLIC).expect("the test key parses");
    if let Ok(note) = signer.sign_text(s) {
        let opened = verifier.open(&note);
        assert_eq!(
            opened.is_ok(),
            Checkpoint::parse_text(s).is_ok(),
            "{note:?}"
        );
        if let Ok(cp) = opened {
            assert_eq!(cp.body(), s);
        }
    }
});
