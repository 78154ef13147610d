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
