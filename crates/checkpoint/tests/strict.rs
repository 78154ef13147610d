//! Strict signed-note and checkpoint verification (issue 12, item 6): the four malformed notes of
//! the issue are rejected, unknown keys are ignored, extension lines are handled as C2SP
//! `tlog-checkpoint` says, and valid notes keep verifying.

use rxledger_checkpoint::note::{Note, MAX_SIGNATURES};
use rxledger_checkpoint::{generate_key, Checkpoint, CheckpointError, SignerKey, VerifierKey};

fn keys(name: &str) -> (SignerKey, VerifierKey) {
    let (private, public) = generate_key(name).unwrap();
    (
        SignerKey::parse(&private).unwrap(),
        VerifierKey::parse(&public).unwrap(),
    )
}

fn cp() -> Checkpoint {
    Checkpoint::new("rxledger/91330100MA27X8K3Q1", 1000, [0x5a; 32])
}

/// The signature line of `note` (its last line, with its newline).
fn sig_line(note: &str) -> String {
    format!("{}\n", note.lines().last().unwrap())
}

/// `line` with one base64 character of the signature changed (the key id stays).
fn corrupt(line: &str) -> String {
    let at = line.len() - 10;
    let repl = if &line[at..=at] == "A" { "B" } else { "A" };
    format!("{}{repl}{}", &line[..at], &line[at + 1..])
}

fn format_error(r: Result<Checkpoint, CheckpointError>) -> String {
    match r {
        Err(CheckpointError::Format(m)) => m,
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn the_four_malformed_notes_of_issue_12_are_rejected() {
    let (signer, verifier) = keys("regulator");
    let note = signer.sign(&cp());
    assert_eq!(verifier.open(&note).unwrap(), cp());

    // 1. No final newline.
    let m = format_error(verifier.open(note.strip_suffix('\n').unwrap()));
    assert!(m.contains("does not end with a newline"), "{m}");

    // 2. A junk line after a valid signature.
    let m = format_error(verifier.open(&format!("{note}junk\n")));
    assert!(m.contains("line 6") && m.contains("junk"), "{m}");

    // 3. 101 signature lines (all valid, by the verifier's key).
    let line = sig_line(&note);
    let many = format!("{}\n\n{}", cp().body().trim_end(), line.repeat(101));
    let m = format_error(verifier.open(&many));
    assert!(m.contains("101 signature lines"), "{m}");
    // 100 are accepted.
    let hundred = format!("{}\n\n{}", cp().body().trim_end(), line.repeat(100));
    assert_eq!(verifier.open(&hundred).unwrap(), cp());

    // 4. A corrupted signature by the verifier's own key, followed by a valid one.
    let forged = note.replace(&line, &format!("{}{line}", corrupt(&line)));
    assert_eq!(forged.lines().count(), 6);
    match verifier.open(&forged) {
        Err(CheckpointError::Signature(m)) => {
            assert!(m.contains("line 5") && m.contains(&verifier.label()), "{m}");
        }
        other => panic!("expected a signature error, got {other:?}"),
    }
    // The same after the valid one.
    assert!(matches!(
        verifier.open(&format!("{note}{}", corrupt(&line))),
        Err(CheckpointError::Signature(_))
    ));
}

#[test]
fn unknown_keys_are_ignored_and_one_known_key_must_sign() {
    let (signer, verifier) = keys("regulator");
    let (witness, _) = keys("witness");
    let (namesake, namesake_v) = keys("regulator"); // same name, another id
    let body = cp().body();
    let note = signer.sign(&cp());
    // Cosigned by a witness and by a same-named key we do not hold: both ignored.
    let cosigned = format!(
        "{note}{}{}",
        witness.signature_line(&body),
        namesake.signature_line(&body)
    );
    let n = Note::parse_str(&cosigned)
        .unwrap()
        .verify(&[&verifier])
        .unwrap();
    assert_eq!(n.verified.len(), 1);
    assert_eq!(n.unverified.len(), 2);
    // An unknown key's line with a garbage signature is ignored too.
    let junk_sig = format!("{note}\u{2014} witness AAAAAAAAAAAAAAAA\n");
    assert_eq!(verifier.open(&junk_sig).unwrap(), cp());
    // Only unknown keys: rejected, naming who did sign.
    let only_others = format!("{body}\n{}", witness.signature_line(&body));
    match verifier.open(&only_others) {
        Err(CheckpointError::Signature(m)) => assert!(m.contains("witness+"), "{m}"),
        other => panic!("{other:?}"),
    }
    // A key with the verifier's name but another id does not verify it.
    assert!(namesake_v.open(&note).is_err());
    // The same key given twice is ambiguous when it signed.
    let err = Note::parse_str(&note)
        .unwrap()
        .verify(&[&verifier, &verifier])
        .unwrap_err();
    assert!(matches!(err, CheckpointError::Key(_)), "{err}");
}

#[test]
fn extension_lines_are_signed_kept_and_must_not_be_empty() {
    let (signer, verifier) = keys("log");
    let mut with_ext = cp();
    with_ext.extensions = vec!["timestamp 1767225600".into(), "phase: waxing".into()];
    let note = signer.sign(&with_ext);
    assert!(note.contains("\nphase: waxing\n\n\u{2014} log "), "{note}");
    let opened = verifier.open(&note).unwrap();
    assert_eq!(opened, with_ext);
    assert_eq!(
        Checkpoint::parse_note_unverified(&note).unwrap().extensions,
        with_ext.extensions
    );
    // The extension lines are signed: changing one breaks the signature.
    assert!(matches!(
        verifier.open(&note.replace("waxing", "waning")),
        Err(CheckpointError::Signature(_))
    ));
    // An empty extension line (correctly signed) is malformed.
    let text = format!("{}\nnext\n", cp().body());
    let bad = signer.sign_text(&text).unwrap();
    let m = format_error(verifier.open(&bad));
    assert!(m.contains("line 4") && m.contains("extension"), "{m}");
}

#[test]
fn checkpoint_bodies_are_strict() {
    let (signer, verifier) = keys("log");
    let root = "WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlo=";
    for (text, why) in [
        (format!("o\n01000\n{root}\n"), "line 2"),
        (format!("o\n+1000\n{root}\n"), "line 2"),
        (format!("o\n-1\n{root}\n"), "line 2"),
        (format!("o\n18446744073709551616\n{root}\n"), "line 2"),
        (format!("\n1000\n{root}\n"), "line 1"),
        ("o\n1000\nWlpa\n".to_owned(), "32"),
        ("o\n1000\n!!!!\n".to_owned(), "line 3"),
        ("o\n1000\n".to_owned(), "three lines"),
    ] {
        let note = signer.sign_text(&text).unwrap();
        let m = format_error(verifier.open(&note));
        assert!(m.contains(why), "{text:?}: {m}");
    }
    // The largest size and a zero size are fine.
    for size in ["0", "18446744073709551615"] {
        let note = signer.sign_text(&format!("o\n{size}\n{root}\n")).unwrap();
        assert_eq!(verifier.open(&note).unwrap().size.to_string(), size);
    }
}

#[test]
fn note_characters_are_strict() {
    let (signer, verifier) = keys("log");
    let note = signer.sign(&cp());
    let crlf = note.replace('\n', "\r\n");
    let m = format_error(verifier.open(&crlf));
    assert!(m.contains("CRLF"), "{m}");
    let tab = note.replacen("rxledger/", "rxledger/\t", 1);
    let m = format_error(verifier.open(&tab));
    assert!(m.contains("line 1") && m.contains("U+0009"), "{m}");
    assert!(Note::parse(b"o\n1\n\xff\n\n").is_err());
    // A blank line after the signatures, a missing blank line, no signature at all.
    for bad in [
        format!("{note}\n"),
        note.replacen("\n\n", "\n", 1),
        format!("{}\n", cp().body()),
    ] {
        format_error(verifier.open(&bad));
    }
    // Signature lines: no space, bad name, not base64, too short.
    let body = cp().body();
    for line in [
        "\u{2014} log",
        "\u{2014} lo+g AAAAAAAA",
        "\u{2014} log !!!!",
        "\u{2014} log AAAA",
        "-- log AAAAAAAA",
    ] {
        let m = format_error(verifier.open(&format!("{body}\n{line}\n")));
        assert!(m.contains("line 5"), "{line}: {m}");
    }
    // Provers read checkpoints without a key, just as strictly.
    assert!(Checkpoint::parse_note_unverified(&format!("{note}junk\n")).is_err());
    assert!(Checkpoint::parse_note_unverified(note.trim_end()).is_err());
    assert_eq!(Checkpoint::parse_note_unverified(&note).unwrap(), cp());
    assert_eq!(MAX_SIGNATURES, 100);
}

#[test]
fn key_texts_are_strict() {
    let (private, public) = generate_key("k").unwrap();
    // The key id is exactly 8 lower-case hex digits.
    let (name, rest) = public.split_once('+').unwrap();
    let (id, key) = rest.split_once('+').unwrap();
    for bad_id in [
        id.to_uppercase(),
        format!("{id}00"),
        id[..7].to_owned(),
        format!("{}zz", &id[..6]),
    ] {
        if bad_id != id {
            assert!(
                VerifierKey::parse(&format!("{name}+{bad_id}+{key}")).is_err(),
                "{bad_id}"
            );
        }
    }
    assert!(VerifierKey::parse(&public).is_ok());
    assert!(SignerKey::parse(&private).is_ok());
    // Unicode spaces in names.
    assert!(generate_key("a\u{00a0}b").is_err());
    assert!(generate_key("a\u{3000}b").is_err());
    assert!(generate_key("example.com/log").is_ok());
}
