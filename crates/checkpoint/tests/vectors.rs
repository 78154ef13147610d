//! Public test vectors of signed notes and checkpoints (`tests/vectors/README.md` names their
//! sources): `golang.org/x/mod/sumdb/note`, `transparency-dev/formats` (`log`), and the examples
//! of the C2SP `signed-note` and `tlog-checkpoint` specifications. Each test counts the vectors it
//! ran and checks the count, so a fixture that silently loses cases fails.

use std::path::Path;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use rxledger_checkpoint::note::{Note, Verified, MAX_SIGNATURES};
use rxledger_checkpoint::{Checkpoint, CheckpointError, CheckpointText, SignerKey, VerifierKey};
use serde_json::Value;

fn load(path: &str) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(path);
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

fn list(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}"))
}

fn kind(e: &CheckpointError) -> &'static str {
    match e {
        CheckpointError::Format(_) => "malformed",
        CheckpointError::Signature(_) => "signature",
        CheckpointError::Key(_) => "key",
        _ => "other",
    }
}

fn labels(sigs: &[rxledger_checkpoint::note::Signature]) -> Vec<String> {
    sigs.iter()
        .map(rxledger_checkpoint::note::Signature::key)
        .collect()
}

/// Every proper substring and every single-byte increment of `key` is rejected by `parse`;
/// returns how many were tried.
fn mangled_keys_rejected(key: &str, parse: impl Fn(&str) -> bool) -> usize {
    let b = key.as_bytes();
    let mut n = 0;
    for i in 0..=b.len() {
        for j in i + 1..=b.len() {
            if i == 0 && j == b.len() {
                continue;
            }
            let sub = String::from_utf8_lossy(&b[i..j]);
            assert!(!parse(&sub), "substring {sub:?} of a key accepted");
            n += 1;
        }
    }
    for i in 0..b.len() {
        let mut m = b.to_vec();
        m[i] += 1;
        let t = String::from_utf8(m).unwrap();
        assert!(!parse(&t), "mangled key {t:?} accepted");
        n += 1;
    }
    n
}

/// The four malformations of issue 12 and a corrupted signature placed after the valid one, on a
/// valid note whose signature line `line` is by `key`: each is rejected. Returns 5.
fn malformations_rejected(note: &str, key: &VerifierKey) -> usize {
    let open = |n: &str| Note::parse_str(n).and_then(|n| n.verify(&[key]));
    assert!(open(note).is_ok(), "{note}");
    let own = note
        .lines()
        .find(|l| l.starts_with(&format!("\u{2014} {} ", key.name())))
        .unwrap();
    // Flip one base64 character of the signature (past the key id's 6 characters).
    let at = own.len() - 20;
    let repl = if &own[at..=at] == "A" { "B" } else { "A" };
    let corrupt = format!("{}{repl}{}\n", &own[..at], &own[at + 1..]);
    let lines = note.lines().filter(|l| l.starts_with('\u{2014}')).count();
    let cases = [
        (note.trim_end_matches('\n').to_owned(), "malformed"),
        (format!("{note}junk\n"), "malformed"),
        (
            format!(
                "{note}{}",
                format!("{own}\n").repeat(MAX_SIGNATURES + 1 - lines)
            ),
            "malformed",
        ),
        (
            note.replacen(own, &format!("{corrupt}{own}"), 1),
            "signature",
        ),
        (format!("{note}{corrupt}"), "signature"),
    ];
    for (bad, want) in &cases {
        let err = open(bad).unwrap_err();
        assert_eq!(kind(&err), *want, "{err}: {bad}");
    }
    cases.len()
}

fn verifiers(keys: &Value, names: &Value) -> Vec<VerifierKey> {
    list(names)
        .iter()
        .map(|n| VerifierKey::parse(s(&keys[s(n)])).unwrap())
        .collect()
}

#[test]
fn golang_sumdb_note_vectors() {
    let v = load("golang-mod-sumdb-note/note.json");
    let mut count = 0;
    for (name, key) in v["keys"].as_object().unwrap() {
        let k = VerifierKey::parse(s(key)).unwrap();
        assert_eq!(k.label(), s(key)[..k.label().len()], "{name}");
        count += 1;
    }
    for (name, key) in v["signer_keys"].as_object().unwrap() {
        let k = SignerKey::parse(s(key)).unwrap();
        let public = VerifierKey::parse(s(&v["keys"][name])).unwrap();
        assert_eq!((k.name(), k.id()), (public.name(), public.id()), "{name}");
        count += 1;
    }
    for bad in list(&v["bad_verifier_keys"]) {
        assert!(VerifierKey::parse(s(&bad["vkey"])).is_err(), "{bad}");
        count += 1;
    }
    let mangled = mangled_keys_rejected(s(&v["mangle"]["vkey"]), |k| VerifierKey::parse(k).is_ok())
        + mangled_keys_rejected(s(&v["mangle"]["skey"]), |k| SignerKey::parse(k).is_ok());
    for case in list(&v["sign"]) {
        let signer = SignerKey::parse(s(&v["signer_keys"][s(&case["skey"])])).unwrap();
        assert_eq!(
            signer.sign_text(s(&case["text"])).unwrap(),
            s(&case["note"]),
            "{}",
            case["desc"]
        );
        count += 1;
    }
    for case in list(&v["sign_malformed"]) {
        let signer = SignerKey::parse(s(&v["signer_keys"][s(&case["skey"])])).unwrap();
        assert!(signer.sign_text(s(&case["text"])).is_err(), "{case}");
        count += 1;
    }
    for case in list(&v["open"]) {
        let msg = match case.get("note_base64") {
            Some(b) => B64.decode(s(b)).unwrap(),
            None => s(&case["note"]).as_bytes().to_vec(),
        };
        let keys = verifiers(&v["keys"], &case["keys"]);
        let refs: Vec<&VerifierKey> = keys.iter().collect();
        let got = rxledger_checkpoint::note::open(&msg, &refs);
        let desc = s(&case["desc"]);
        match (&got, case.get("error")) {
            (Err(e), Some(want)) => assert_eq!(kind(e), s(want), "{desc}: {e}"),
            (
                Ok(Verified {
                    verified,
                    unverified,
                    ..
                }),
                None,
            ) => {
                let want = |f: &str| -> Vec<String> {
                    list(&case[f]).iter().map(|x| s(x).to_owned()).collect()
                };
                assert_eq!(labels(verified), want("verified"), "{desc}");
                assert_eq!(labels(unverified), want("unverified"), "{desc}");
            }
            _ => panic!("{desc}: got {got:?}"),
        }
        count += 1;
    }
    assert_eq!(count, 4 + 2 + 2 + 1 + 16, "vectors run");
    assert_eq!(mangled, 2210 + 66 + 3080 + 78, "mangled keys tried");
    // Our malformations of every valid note the vectors sign.
    let peter = VerifierKey::parse(s(&v["keys"]["peter"])).unwrap();
    let enoch = VerifierKey::parse(s(&v["keys"]["enoch"])).unwrap();
    let mut derived = 0;
    for (case, key) in list(&v["sign"]).iter().zip([&peter, &enoch]) {
        derived += malformations_rejected(s(&case["note"]), key);
    }
    assert_eq!(derived, 10);
}

/// The expected outcome of a `transparency-dev/formats` parse case: C2SP's where the fixture notes
/// that it differs from the upstream parser's.
fn expected_valid(case: &Value) -> bool {
    match case.get("c2sp") {
        Some(c) => !s(c).starts_with("invalid"),
        None => s(&case["upstream"]) == "valid",
    }
}

#[test]
fn transparency_dev_formats_checkpoint_vectors() {
    let v = load("transparency-dev-formats/log.json");
    let mut count = 0;
    for case in list(&v["marshal"]) {
        let t = CheckpointText {
            origin: s(&case["origin"]).to_owned(),
            size: case["size"].as_u64().unwrap(),
            root: B64.decode(s(&case["root_base64"])).unwrap(),
            extensions: Vec::new(),
        };
        assert_eq!(t.to_text(), s(&case["text"]));
        assert_eq!(CheckpointText::parse(s(&case["text"])).unwrap(), t);
        count += 1;
    }
    let mut deviations = 0;
    for case in list(&v["unmarshal"]) {
        let got = CheckpointText::parse(s(&case["text"]));
        let desc = s(&case["desc"]);
        assert_eq!(got.is_ok(), expected_valid(case), "{desc}: {got:?}");
        if let Ok(t) = got {
            assert_eq!(t.origin, s(&case["origin"]), "{desc}");
            assert_eq!(Some(t.size), case["size"].as_u64(), "{desc}");
            assert_eq!(t.root, B64.decode(s(&case["root_base64"])).unwrap());
            let rest: String = t
                .extensions
                .iter()
                .flat_map(|l| [l.as_str(), "\n"])
                .collect();
            assert_eq!(rest, case["upstream_rest"].as_str().unwrap_or(""), "{desc}");
            assert_eq!(t.to_text(), s(&case["text"]), "{desc}");
        }
        deviations += usize::from(case.get("c2sp").is_some());
        count += 1;
    }
    assert_eq!(
        deviations, 1,
        "cases where C2SP overrides the upstream parser"
    );
    let ext = &v["extend"];
    let t = CheckpointText::parse(s(&ext["text"])).unwrap();
    assert_eq!((t.origin.as_str(), t.size), (s(&ext["origin"]), 4_027_504));
    assert_eq!(t.root, B64.decode(s(&ext["root_base64"])).unwrap());
    assert_eq!(t.extensions, ["6086d1a9", "Waxing gibbous"]);
    assert_eq!(t.to_text(), s(&ext["text"]));
    count += 1;

    count += parse_checkpoint_cases(&v);
    count += sumdb_cases(&v);
    assert_eq!(count, 2 + 12 + 1 + 4 + 12 + 2 + 4, "vectors run");
}

/// `TestParseCheckpoint`: notes signed at test time with the published private keys (Ed25519
/// signing is deterministic), verified with the log's and two witnesses' public keys.
fn parse_checkpoint_cases(v: &Value) -> usize {
    let keys = &v["keys"];
    let mut count = 0;
    for (name, pair) in keys.as_object().unwrap() {
        let sk = SignerKey::parse(s(&pair["skey"])).unwrap();
        let vk = VerifierKey::parse(s(&pair["vkey"])).unwrap();
        assert_eq!((sk.name(), sk.id()), (vk.name(), vk.id()), "{name}");
        count += 1;
    }
    let signer = |n: &str| SignerKey::parse(s(&keys[n]["skey"])).unwrap();
    let log = VerifierKey::parse(s(&keys["log"]["vkey"])).unwrap();
    let known: Vec<VerifierKey> = ["known1", "known2"]
        .iter()
        .map(|n| VerifierKey::parse(s(&keys[*n]["vkey"])).unwrap())
        .collect();
    for case in list(&v["parse_checkpoint"]) {
        let text = s(&case["text"]);
        let sigs: String = list(&case["signers"])
            .iter()
            .map(|n| signer(s(n)).signature_line(text))
            .collect();
        let note = format!("{text}\n{sigs}");
        let desc = s(&case["desc"]);
        let opened = Note::parse_str(&note).and_then(|n| n.verify(&[&log, &known[0], &known[1]]));
        let (sigs, failed) = match &opened {
            Err(_) => (0, true),
            Ok(n) => {
                let by_log = n.verified.iter().any(|g| g.key() == log.label());
                let parsed = CheckpointText::parse(&n.text);
                let origin_ok = parsed.is_ok_and(|t| t.origin == s(&case["log_id"]));
                (n.verified.len(), !(by_log && origin_ok))
            }
        };
        assert_eq!(sigs as u64, case["want_sigs"].as_u64().unwrap(), "{desc}");
        assert_eq!(failed, case["want_error"].as_bool().unwrap(), "{desc}");
        count += 1;
    }
    count
}

/// `TestSumDBNoteParsing` and `BenchmarkParse`: a real sum.golang.org checkpoint (a 32-byte root,
/// so also an rxledger [`Checkpoint`]) and the same note cosigned by witnesses.
fn sumdb_cases(v: &Value) -> usize {
    let sumdb = &v["sumdb"];
    let key = VerifierKey::parse(s(&sumdb["vkey"])).unwrap();
    let mut count = 0;
    for case in list(&sumdb["cases"]) {
        let cp = key.open(s(&sumdb["note"])).unwrap();
        assert_eq!(cp.size, 6_476_701);
        assert_eq!(
            cp.origin != s(&case["log_id"]),
            case["want_error"].as_bool().unwrap()
        );
        count += 1;
    }
    let derived = malformations_rejected(s(&sumdb["note"]), &key);
    assert_eq!(derived, 5);
    let cos = &v["parse_with_cosigners"];
    for case in list(&cos["cases"]) {
        let mut keys = vec![VerifierKey::parse(s(&cos["log_vkey"])).unwrap()];
        for w in list(&case["verifiers"]) {
            keys.push(VerifierKey::parse(s(w)).unwrap());
        }
        let refs: Vec<&VerifierKey> = keys.iter().collect();
        let note = s(&case["note"]);
        let n = rxledger_checkpoint::note::open(note.as_bytes(), &refs)
            .unwrap_or_else(|e| panic!("{}: {e}", case["desc"]));
        assert_eq!(n.verified.len(), keys.len(), "{}", case["desc"]);
        let lines = note.lines().filter(|l| l.starts_with('\u{2014}')).count();
        assert_eq!(n.unverified.len(), lines - keys.len(), "{}", case["desc"]);
        let cp = Checkpoint::parse_text(&n.text).unwrap();
        assert_eq!(cp.origin, s(&cos["log_id"]));
        count += 1;
    }
    count
}

#[test]
fn c2sp_specification_examples() {
    let v = load("c2sp/examples.json");
    let ex = &v["signed_note_example"];
    let key = VerifierKey::parse(s(&ex["vkey"])).unwrap();
    let n = rxledger_checkpoint::note::open(s(&ex["note"]).as_bytes(), &[&key]).unwrap();
    assert_eq!(n.text, s(&ex["text"]));
    assert_eq!(malformations_rejected(s(&ex["note"]), &key), 5);

    // The introduction's note: its text has a blank line of its own; the last one separates.
    let intro = &v["signed_note_intro"];
    let note = Note::parse_str(s(&intro["note"])).unwrap();
    assert!(
        note.text.ends_with(":\n\ned è subito sera.\n"),
        "{}",
        note.text
    );
    let names: Vec<&str> = note.signatures.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, [s(&intro["signers"][0])]);
    // Signed by a key we do not know: not verifiable.
    let err = note.verify(&[&key]).unwrap_err();
    assert_eq!(kind(&err), "signature", "{err}");

    let cpx = &v["checkpoint_example"];
    let cp = Checkpoint::parse_note_unverified(s(&cpx["note"])).unwrap();
    assert_eq!(cp.origin, s(&cpx["origin"]));
    assert_eq!(Some(cp.size), cpx["size"].as_u64());
    assert_eq!(
        cp.root.to_vec(),
        B64.decode(s(&cpx["root_base64"])).unwrap()
    );
    assert!(cp.extensions.is_empty());
}
