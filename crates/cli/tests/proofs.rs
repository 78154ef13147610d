//! Checkpoints and proofs from the command line: the acceptance scenarios of the verifiable-log
//! issue.
#![allow(clippy::many_single_char_names)]

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

fn ok(o: &Output) -> bool {
    o.status.code() == Some(0)
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn lines(p: &Path) -> Vec<String> {
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn checkpoint_grow_truncate_edit_prove() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let g = run(&["gen", "--events", "1500", "--seed", "4"], p);
    let all: Vec<String> = String::from_utf8(g.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    std::fs::write(p.join("a.jsonl"), all[..1000].join("\n") + "\n").unwrap();
    std::fs::write(p.join("b.jsonl"), all[1000..].join("\n") + "\n").unwrap();
    for args in [
        vec!["init", "L"],
        vec!["append", "L", "a.jsonl", "--batch-size", "100"],
        vec!["keygen", "-o", "reg"],
        vec!["checkpoint", "L", "--key", "reg.key", "-o", "cp1000.txt"],
        vec!["append", "L", "b.jsonl", "--batch-size", "100"],
        vec!["export", "L", "-o", "x.jsonl"],
    ] {
        let o = run(&args, p);
        assert!(ok(&o), "{args:?}: {}", text(&o));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(p.join("reg.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Refuses to overwrite a key.
    assert_eq!(code(&run(&["keygen", "-o", "reg"], p)), 2);

    let verify = |file: &str| {
        run(
            &[
                "verify",
                file,
                "--checkpoint",
                "cp1000.txt",
                "--pubkey",
                "reg.pub",
            ],
            p,
        )
    };
    let o = verify("L");
    assert!(ok(&o), "{}", text(&o));
    assert!(ok(&verify("x.jsonl")));

    let x = lines(&p.join("x.jsonl"));
    tampering_is_caught(p, &all, &x);
    signatures_are_checked(p);
    inclusion_proof(p, &x);
    consistency_proof(p);
}

/// Truncation, an edited record and a re-chained fork against checkpoint 1000.
fn tampering_is_caught(p: &Path, all: &[String], x: &[String]) {
    let verify = |file: &str| {
        run(
            &[
                "verify",
                file,
                "--checkpoint",
                "cp1000.txt",
                "--pubkey",
                "reg.pub",
            ],
            p,
        )
    };
    // Truncated to 900 records (a batch boundary: the chain alone cannot tell).
    std::fs::write(p.join("t900.jsonl"), x[..900].join("\n") + "\n").unwrap();
    assert!(ok(&run(&["verify", "t900.jsonl"], p)));
    let o = verify("t900.jsonl");
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(
        text(&o).contains("truncated or rolled back"),
        "{}",
        text(&o)
    );
    // Record 10 edited.
    let mut e = x.to_vec();
    e[9] = e[9].replacen("\"occurred_at\":\"2026", "\"occurred_at\":\"2025", 1);
    assert_ne!(e[9], x[9]);
    std::fs::write(p.join("e10.jsonl"), e.join("\n") + "\n").unwrap();
    assert_eq!(code(&verify("e10.jsonl")), 1);
    // A fork: the same events re-chained from an edited record 10 on, internally consistent.
    let mut forked = all.to_vec();
    forked[9] = forked[9].replacen("\"recorded_by\":[\"", "\"recorded_by\":[\"X", 1);
    std::fs::write(p.join("f.jsonl"), forked.join("\n") + "\n").unwrap();
    assert!(ok(&run(&["init", "F"], p)));
    assert!(ok(&run(&["append", "F", "f.jsonl"], p)));
    assert!(ok(&run(&["verify", "F"], p)));
    let o = run(
        &[
            "verify",
            "F",
            "--checkpoint",
            "cp1000.txt",
            "--pubkey",
            "reg.pub",
        ],
        p,
    );
    assert_eq!(code(&o), 1);
    assert!(text(&o).contains("rewritten or forked"), "{}", text(&o));
}

/// A bad signature and the wrong key.
fn signatures_are_checked(p: &Path) {
    let cp = std::fs::read_to_string(p.join("cp1000.txt")).unwrap();
    std::fs::write(p.join("bad.txt"), cp.replace("\n1000\n", "\n1001\n")).unwrap();
    assert_eq!(
        code(&run(
            &[
                "verify",
                "L",
                "--checkpoint",
                "bad.txt",
                "--pubkey",
                "reg.pub"
            ],
            p
        )),
        1
    );
    assert!(ok(&run(&["keygen", "-o", "other"], p)));
    let o = run(
        &[
            "verify",
            "L",
            "--checkpoint",
            "cp1000.txt",
            "--pubkey",
            "other.pub",
        ],
        p,
    );
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(text(&o).contains("signature"), "{}", text(&o));
}

/// Inclusion proof of record 42, checked without the ledger.
fn inclusion_proof(p: &Path, x: &[String]) {
    assert!(ok(&run(
        &[
            "prove",
            "L",
            "--seq",
            "42",
            "--checkpoint",
            "cp1000.txt",
            "-o",
            "p42.json"
        ],
        p
    )));
    std::fs::write(p.join("r42.txt"), format!("{}\n", x[41])).unwrap();
    std::fs::rename(p.join("L"), p.join("L-elsewhere")).unwrap();
    let vp = |rec: &str| {
        run(
            &[
                "verify-proof",
                "--record",
                rec,
                "--proof",
                "p42.json",
                "--checkpoint",
                "cp1000.txt",
                "--pubkey",
                "reg.pub",
            ],
            p,
        )
    };
    let o = vp("r42.txt");
    assert!(ok(&o), "{}", text(&o));
    std::fs::write(
        p.join("r42e.txt"),
        x[41].replacen("\"recorded_by\":[\"", "\"recorded_by\":[\"Z", 1),
    )
    .unwrap();
    assert_eq!(code(&vp("r42e.txt")), 1);
    std::fs::write(p.join("r43.txt"), format!("{}\n", x[42])).unwrap();
    assert_eq!(code(&vp("r43.txt")), 1);
    std::fs::rename(p.join("L-elsewhere"), p.join("L")).unwrap();
}

/// Consistency between the two checkpoints; the forked ledger cannot prove it.
fn consistency_proof(p: &Path) {
    assert!(ok(&run(
        &["checkpoint", "L", "--key", "reg.key", "-o", "cp1500.txt"],
        p
    )));
    assert!(ok(&run(
        &[
            "prove",
            "L",
            "--checkpoint",
            "cp1500.txt",
            "--consistency",
            "cp1000.txt",
            "-o",
            "c.json"
        ],
        p
    )));
    let o = run(
        &[
            "verify-proof",
            "--proof",
            "c.json",
            "--checkpoint",
            "cp1500.txt",
            "--old-checkpoint",
            "cp1000.txt",
            "--pubkey",
            "reg.pub",
        ],
        p,
    );
    assert!(ok(&o), "{}", text(&o));
    assert!(
        text(&o).contains("the checkpoint of 1500 records")
            && text(&o).contains("extends the one of 1000 records"),
        "{}",
        text(&o)
    );
    // An old checkpoint whose signature does not verify is a failure (exit 1), as a new one is
    // (attacker round 24: exit 2).
    let old = std::fs::read_to_string(p.join("cp1000.txt")).unwrap();
    std::fs::write(p.join("bad-old.txt"), old.replace("\n1000\n", "\n1001\n")).unwrap();
    let o = run(
        &[
            "verify-proof",
            "--proof",
            "c.json",
            "--checkpoint",
            "cp1500.txt",
            "--old-checkpoint",
            "bad-old.txt",
            "--pubkey",
            "reg.pub",
        ],
        p,
    );
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(
        text(&o).contains("FAILED") && text(&o).contains("signature"),
        "{}",
        text(&o)
    );
    // The forked ledger cannot prove consistency with the first checkpoint.
    assert!(ok(&run(
        &["checkpoint", "F", "--key", "reg.key", "-o", "cpF.txt"],
        p
    )));
    let o = run(
        &[
            "prove",
            "F",
            "--checkpoint",
            "cpF.txt",
            "--consistency",
            "cp1000.txt",
            "-o",
            "cf.json",
        ],
        p,
    );
    assert_eq!(code(&o), 2, "{}", text(&o));
    let history = rxledger::store::history::CheckpointHistory::of(&p.join("L"));
    assert_eq!(history.read().unwrap().len(), 2);
}

/// Round 21, A1: records cut off the end of a ledger directory look like a crash's
/// unacknowledged tail (or leave nothing), but the directory's own checkpoint history signed
/// them: `verify` and `check` fail naming the records removed, `checkpoint` refuses to sign the
/// shorter ledger, and a ledger re-grown to the signed size with other records fails on the
/// checkpoint's root.
#[test]
fn records_cut_off_below_the_directorys_own_checkpoint_are_caught() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let g = run(&["gen", "--events", "300", "--seed", "5"], p);
    let all: Vec<String> = String::from_utf8(g.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    std::fs::write(p.join("a.jsonl"), all[..200].join("\n") + "\n").unwrap();
    std::fs::write(p.join("b.jsonl"), all[200..].join("\n") + "\n").unwrap();
    for args in [
        vec!["init", "L"],
        vec!["append", "L", "a.jsonl"],
        vec!["keygen", "-o", "k"],
        vec!["checkpoint", "L", "--key", "k.key", "-o", "cp200.txt"],
        vec!["append", "L", "b.jsonl"],
        vec!["checkpoint", "L", "--key", "k.key", "-o", "cp300.txt"],
    ] {
        let o = run(&args, p);
        assert!(ok(&o), "{args:?}: {}", text(&o));
    }
    assert!(ok(&run(&["verify", "L"], p)));
    let segment = |dir: &str| {
        let mut segs: Vec<_> = std::fs::read_dir(p.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|f| f.file_name().unwrap().to_string_lossy().starts_with("seg-"))
            .collect();
        segs.sort();
        segs.pop().unwrap()
    };
    let cut_last_line = |dir: &str| {
        let seg = segment(dir);
        let mut kept = lines(&seg);
        kept.pop();
        std::fs::write(&seg, kept.join("\n") + "\n").unwrap();
    };
    let copy = |to: &str| {
        std::fs::create_dir(p.join(to)).unwrap();
        for e in std::fs::read_dir(p.join("L")).unwrap() {
            let e = e.unwrap();
            if e.path().is_file() {
                std::fs::copy(e.path(), p.join(to).join(e.file_name())).unwrap();
            }
        }
    };
    // The last line cut: records 201..300 are an incomplete batch now.
    copy("T");
    cut_last_line("T");
    let o = run(&["verify", "T"], p);
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(
        text(&o).contains("signed 300: records 201..300 were removed (truncated)"),
        "{}",
        text(&o)
    );
    assert_eq!(code(&run(&["check", "T"], p)), 1);
    assert_eq!(
        code(&run(
            &["checkpoint", "T", "--key", "k.key", "-o", "x.txt"],
            p
        )),
        2
    );
    // A writer refuses the ledger and cuts nothing off: what is left of the last batch is
    // evidence, and the remedy is a backup.
    let before = std::fs::read(segment("T")).unwrap();
    let o = run(&["append", "T", "b.jsonl"], p);
    assert_eq!(code(&o), 2, "{}", text(&o));
    assert!(text(&o).contains("refusing to append"), "{}", text(&o));
    assert_eq!(std::fs::read(segment("T")).unwrap(), before);
    // Cut, re-grown with other records up to the signed size while its history was away, and
    // the history put back: the checkpoint's root no longer matches.
    copy("R");
    cut_last_line("R");
    std::fs::rename(p.join("R/checkpoints.jsonl"), p.join("history")).unwrap();
    assert!(ok(&run(&["append", "R", "b.jsonl"], p)));
    std::fs::rename(p.join("history"), p.join("R/checkpoints.jsonl")).unwrap();
    let o = run(&["verify", "R"], p);
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(text(&o).contains("Merkle root"), "{}", text(&o));
}

/// A checkpoint whose records are the ledger's but whose origin is another (here the directory's
/// old name, signed before the ledger had an owner and renamed since) verifies with a warning
/// naming both (attacker round 24: accepted without a word).
#[test]
fn a_checkpoint_signed_for_another_origin_is_named() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let g = run(&["gen", "--events", "40", "--seed", "2"], p);
    let events: Vec<&str> = std::str::from_utf8(&g.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.contains(r#""relation":"self""#))
        .collect();
    std::fs::write(p.join("e.jsonl"), events.join("\n") + "\n").unwrap();
    for args in [
        vec!["init", "N"],
        vec!["append", "N", "e.jsonl"],
        vec!["keygen", "-o", "k"],
        vec!["checkpoint", "N", "--key", "k.key", "-o", "cp.txt"],
    ] {
        let o = run(&args, p);
        assert!(ok(&o), "{args:?}: {}", text(&o));
    }
    std::fs::rename(p.join("N"), p.join("M")).unwrap();
    let o = run(
        &["verify", "M", "--checkpoint", "cp.txt", "--pubkey", "k.pub"],
        p,
    );
    assert!(ok(&o), "{}", text(&o));
    let said = text(&o);
    assert!(
        said.contains("signed for rxledger/N, but this ledger's origin is rxledger/M"),
        "{said}"
    );
}
