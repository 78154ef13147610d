//! The signed-note reader never panics; what it accepts is a text ending in a newline, a blank
//! line and 1 to 100 well-formed signature lines that rebuild the input exactly, and verifying it
//! with a known key never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rxledger_checkpoint::note::{Note, MAX_SIGNATURES};
use rxledger_checkpoint::VerifierKey;

// The C2SP signed-note example key (tests/vectors/c2sp): some inputs will name it.
const KEY: &str = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

fuzz_target!(|data: &[u8]| {
    let Ok(note) = Note::parse(data) else {
        return;
    };
    assert!(note.text.ends_with('\n'));
    assert!(!note.signatures.is_empty() && note.signatures.len() <= MAX_SIGNATURES);
    let mut rebuilt = format!("{}\n", note.text);
    for s in &note.signatures {
        rebuilt.push_str(&format!("\u{2014} {} {}\n", s.name, s.base64));
    }
    assert_eq!(rebuilt.as_bytes(), data);
    let key = VerifierKey::parse(KEY).expect("the example key parses");
    if let Ok(v) = note.verify(&[&key]) {
        assert_eq!(v.verified.len(), 1);
    }
});
