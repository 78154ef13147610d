//! `postgres://` ledgers on the command line: copy, verify, check, export (needs the server of
//! `scripts/pg.sh`; fails in CI without it, skipped with a message elsewhere).
#![cfg(feature = "postgres")]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{SystemTime, UNIX_EPOCH};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../samples/month/ledger.jsonl"
);

fn rx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args(args)
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `(app URL, admin URL)`, or `None` (skipped) outside CI.
fn server() -> Option<(String, String)> {
    let how = "run `scripts/pg.sh start` and export the lines of `scripts/pg.sh env`";
    // The schema is installed by scripts/pg.sh start.
    if let (Ok(app), Ok(admin)) = (
        std::env::var("RXLEDGER_PG_URL"),
        std::env::var("RXLEDGER_PG_ADMIN_URL"),
    ) {
        return Some((app, admin));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "PostgreSQL CLI test: no server configured in CI: {how}"
    );
    eprintln!("SKIPPED PostgreSQL CLI test: no server configured: {how}");
    None
}

#[test]
fn copy_verify_check_export_through_postgres() {
    let Some((app, admin)) = server() else {
        return;
    };
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let ledger = format!("cli-{}-{nanos}", std::process::id());
    let url = format!("{app}?ledger={ledger}");
    let tmp = tempfile::tempdir().unwrap();
    let p = |name: &str| tmp.path().join(name).to_str().unwrap().to_owned();

    // export file -> PostgreSQL, verified.
    let o = rx(&["copy", SAMPLE, &url]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(out(&o).contains("the copy verifies"), "{}", out(&o));
    // Not twice into the same ledger.
    let o = rx(&["copy", SAMPLE, &url]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("already holds"), "{}", out(&o));

    // verify: the same head as the file.
    let (pg, file) = (rx(&["verify", &url]), rx(&["verify", SAMPLE]));
    assert_eq!(pg.status.code(), Some(0), "{}", out(&pg));
    assert_eq!(
        out(&pg).lines().next(),
        out(&file).lines().next(),
        "verify of the copy and of the file"
    );

    // check: the same findings (locations differ: URL:seq instead of file:line).
    let (pg, file) = (
        rx(&["check", &url, "--format", "json"]),
        rx(&["check", SAMPLE, "--format", "json"]),
    );
    assert_eq!(pg.status.code(), file.status.code(), "{}", out(&pg));
    let summary = |o: &Output| -> String {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        format!(
            "{} {} {} {} {} findings {} pending {}",
            v["records"],
            v["head"],
            v["chain_ok"],
            v["events"],
            v["counts"],
            v["findings"].as_array().unwrap().len(),
            v["pending"].as_array().unwrap().len()
        )
    };
    assert_eq!(summary(&pg), summary(&file));
    assert!(summary(&pg).contains("2345"), "{}", summary(&pg));

    // export: byte-identical to the file it was copied from.
    let o = rx(&["export", &url, "-o", &p("pg.jsonl")]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(std::fs::read(p("pg.jsonl")).unwrap() == std::fs::read(SAMPLE).unwrap());

    // PostgreSQL -> a new ledger directory, verified, exporting the same bytes.
    let o = rx(&["copy", &url, &p("dir")]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let o = rx(&["export", &p("dir"), "-o", &p("dir.jsonl")]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(std::fs::read(p("dir.jsonl")).unwrap() == std::fs::read(SAMPLE).unwrap());

    // A superuser edits record 100 with the triggers off: verify fails at 100.
    let o = Command::new("psql")
        .args([
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            &admin,
            "-c",
            &format!(
                "SET session_replication_role = replica; UPDATE rxledger.records SET payload = payload || ' '::bytea WHERE ledger = '{ledger}' AND seq = 100"
            ),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", out(&o));
    let o = rx(&["verify", &url]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(out(&o).contains("FAILED: first bad seq 100"), "{}", out(&o));
    assert!(Path::new(SAMPLE).exists());
}

/// A fresh ledger name for `app`.
fn fresh_url(app: &str, tag: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{app}?ledger={tag}-{}-{nanos}", std::process::id())
}

const EVENTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../samples/month/events.jsonl"
);

#[test]
fn append_checkpoint_prove_through_postgres() {
    let Some((app, _)) = server() else {
        return;
    };
    let url = fresh_url(&app, "cli-append");
    let tmp = tempfile::tempdir().unwrap();
    let p = |name: &str| tmp.path().join(name).to_str().unwrap().to_owned();
    let events = std::fs::read_to_string(EVENTS).unwrap();
    let lines: Vec<&str> = events.lines().collect();
    std::fs::write(p("a.jsonl"), lines[..1000].join("\n") + "\n").unwrap();

    // Not to a ledger that does not exist: nothing is created.
    let o = rx(&["append", &url, &p("a.jsonl")]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("rxledger init"), "{}", out(&o));
    assert!(rx(&["init", &url]).status.success());

    // One acknowledgement per durable batch.
    let o = rx(&[
        "append",
        &url,
        &p("a.jsonl"),
        "--ack",
        "--batch-size",
        "400",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let stdout = String::from_utf8_lossy(&o.stdout);
    let acks: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("acknowledged "))
        .collect();
    assert_eq!(acks.len(), 3, "{stdout}");
    assert!(
        acks[2].starts_with("acknowledged 1000 ") && acks[2].ends_with("appended 200 present 0"),
        "{stdout}"
    );

    // A bad line: nothing appended.
    let mut bad = lines[1000..1010].join("\n") + "\n";
    bad.push_str("{\"v\":2,\"id\":\n");
    std::fs::write(p("bad.jsonl"), bad).unwrap();
    let o = rx(&["append", &url, &p("bad.jsonl")]);
    assert_ne!(o.status.code(), Some(0), "{}", out(&o));
    assert!(out(&o).contains("bad.jsonl:11"), "{}", out(&o));

    // Checkpoint at 1000 (history in the database), then the rest; the first 1000 are
    // skipped, exactly once.
    let o = rx(&["keygen", "-o", &p("reg")]);
    assert!(o.status.success(), "{}", out(&o));
    let key = p("reg.key");
    let o = rx(&["checkpoint", &url, "--key", &key, "-o", &p("cp1000.txt")]);
    assert!(
        out(&o).contains("checkpoint of 1000 records"),
        "{}",
        out(&o)
    );
    let o = rx(&["append", &url, EVENTS]);
    assert!(
        out(&o).contains("appended 1345 events") && out(&o).contains("1000 already present"),
        "{}",
        out(&o)
    );
    let o = rx(&["append", &url, EVENTS]);
    assert!(
        out(&o).contains("all 2345 events already present"),
        "{}",
        out(&o)
    );
    let o = rx(&["verify", &url]);
    assert!(
        out(&o).starts_with("ok: 2345 records verified"),
        "{}",
        out(&o)
    );
    let o = rx(&["checkpoint", &url, "--key", &key, "-o", &p("cp2345.txt")]);
    assert!(
        out(&o).contains("checkpoint of 2345 records"),
        "{}",
        out(&o)
    );

    // Proofs from the PostgreSQL ledger check against the checkpoints alone.
    let o = rx(&["export", &url, "-o", &p("x.jsonl")]);
    assert!(o.status.success(), "{}", out(&o));
    let x = std::fs::read_to_string(p("x.jsonl")).unwrap();
    let x: Vec<&str> = x.lines().collect();
    std::fs::write(p("r42.txt"), format!("{}\n", x[41])).unwrap();
    std::fs::write(p("r43.txt"), format!("{}\n", x[42])).unwrap();
    let o = rx(&[
        "prove",
        &url,
        "--seq",
        "42",
        "--checkpoint",
        &p("cp1000.txt"),
        "-o",
        &p("p42.json"),
    ]);
    assert!(o.status.success(), "{}", out(&o));
    let vp = |rec: &str| {
        rx(&[
            "verify-proof",
            "--record",
            &p(rec),
            "--proof",
            &p("p42.json"),
            "--checkpoint",
            &p("cp1000.txt"),
            "--pubkey",
            &p("reg.pub"),
        ])
    };
    let o = vp("r42.txt");
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert_eq!(vp("r43.txt").status.code(), Some(1));
    let o = rx(&[
        "prove",
        &url,
        "--checkpoint",
        &p("cp2345.txt"),
        "--consistency",
        &p("cp1000.txt"),
        "-o",
        &p("c.json"),
    ]);
    assert!(o.status.success(), "{}", out(&o));
    let o = rx(&[
        "verify-proof",
        "--proof",
        &p("c.json"),
        "--checkpoint",
        &p("cp2345.txt"),
        "--old-checkpoint",
        &p("cp1000.txt"),
        "--pubkey",
        &p("reg.pub"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
}
