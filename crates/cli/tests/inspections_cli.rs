//! Inspection ledgers written from `docs/` alone whose findings need more than `append` and
//! `check` (`samples/inspections/imports/`, `config/`, and `refused/` ones of round 20): run as
//! their authors ran them, through the command line, and compared with their `.expected` files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/inspections")
}

fn run(args: &[&str], cwd: &Path) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rxledger"));
    c.args(args).current_dir(cwd);
    for k in ["LC_ALL", "LC_MESSAGES", "LANG", "RXLEDGER_ZONE"] {
        c.env_remove(k);
    }
    c.output().unwrap()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The file of `dir` whose name starts with `stem` and ends with `ext`.
fn file(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(stem) && n.ends_with(ext)
        })
        .unwrap_or_else(|| panic!("no {stem}*{ext} in {}", dir.display()))
}

/// `RULE SEQ` lines of an `.expected` file (comments start with `#`).
fn expected(path: &Path) -> BTreeSet<(String, u64)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (rule, seq) = l.split_once(' ').expect("RULE SEQ");
            (rule.to_owned(), seq.trim().parse().expect("RULE SEQ"))
        })
        .collect()
}

/// The (rule, seq) of `check --format json` of ledger `dir`, with `extra` arguments.
fn findings(cwd: &Path, dir: &str, extra: &[&str]) -> BTreeSet<(String, u64)> {
    let mut args = vec!["check", dir, "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(&args, cwd);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["seq"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// A ledger of master data, then an import, as its author ran it; a second import of the same
/// files adds nothing.
fn imported(stem: &str, import: &[&str]) {
    let dir = root().join("imports");
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("L");
    let l = l.to_str().unwrap();
    ok(&run(&["init", l], &dir));
    let master = file(&dir, stem, ".jsonl");
    ok(&run(&["append", l, master.to_str().unwrap()], &dir));
    let mut args = vec!["import"];
    args.extend_from_slice(&import[..1]);
    args.push(l);
    args.extend_from_slice(&import[1..]);
    ok(&run(&args, &dir));
    let head = ok(&run(&["log", l], &dir));
    ok(&run(&args, &dir));
    assert_eq!(ok(&run(&["log", l], &dir)), head, "{stem}: a second import");
    let want = expected(&file(&dir, stem, ".expected"));
    assert_eq!(findings(&dir, l, &[]), want, "{stem}");
}

/// Round 20's 253: an ERP's CSV exports (UTF-8 with BOM and Excel quoting; GBK with amounts
/// such as ￥10,320.00), imported with their mappings.
#[test]
fn an_erp_month_imported_from_csv_gives_its_expected_findings() {
    imported(
        "253-",
        &[
            "csv",
            "253-goods-2026-11.csv",
            "253-finance-2026-11.csv",
            "--mapping",
            "253-goods.toml",
            "--mapping",
            "253-finance.toml",
        ],
    );
}

/// Round 20's 254: a third-party warehouse's receiving events as GS1 EPCIS 2.0.
#[test]
fn a_partners_epcis_receiving_events_give_their_expected_findings() {
    imported(
        "254-",
        &[
            "epcis",
            "254-receiving.jsonld",
            "--recorded-by",
            "系统-WMS接口",
            "--acceptor",
            "验收-孙晓峰",
            "--acceptor",
            "质管-林思远",
        ],
    );
}

/// Round 30's 334: an ERP month imported, the same exports again (nothing appended), then the
/// re-export: a receipt whose time was corrected (a new id) and two payments of a mapping without
/// `group_by` moved by a blank row: `DOC-DUP` at each copy, naming the first.
#[test]
fn a_reexport_with_a_corrected_receipt_and_moved_rows_is_doc_dup() {
    let dir = root().join("imports");
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("L");
    let l = l.to_str().unwrap();
    ok(&run(&["init", l], &dir));
    let master = file(&dir, "334-", ".jsonl");
    ok(&run(&["append", l, master.to_str().unwrap()], &dir));
    let import = |part: &str| {
        let (goods, finance) = (
            format!("334-goods-{part}.csv"),
            format!("334-finance-{part}.csv"),
        );
        let args = [
            "import",
            "csv",
            l,
            &goods,
            &finance,
            "--mapping",
            "334-goods.toml",
            "--mapping",
            "334-finance.toml",
        ];
        ok(&run(&args, &dir))
    };
    import("a");
    let head = ok(&run(&["log", l], &dir));
    import("a");
    assert_eq!(ok(&run(&["log", l], &dir)), head, "a second import");
    import("b");
    let want = expected(&file(&dir, "334-", ".expected"));
    assert_eq!(findings(&dir, l, &[]), want);
}

/// Round 33's 364: an ERP month whose goods export repeats a row (a warning, the line counted
/// twice), the export after the row was removed in the ERP (refused, nothing appended), the first
/// export with padded cells (nothing new) and two overlapping exports (the shared sale once).
#[test]
fn a_repeated_row_a_fixed_reexport_and_overlapping_exports_append_each_document_once() {
    let dir = root().join("imports");
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("L");
    let l = l.to_str().unwrap();
    ok(&run(&["init", l], &dir));
    let master = file(&dir, "364-", ".jsonl");
    ok(&run(&["append", l, master.to_str().unwrap()], &dir));
    let import = |files: &[&str], maps: &[&str]| {
        let mut args = vec!["import", "csv", l];
        args.extend(files);
        for m in maps {
            args.extend(["--mapping", m]);
        }
        run(&args, &dir)
    };
    let goods = ["364-goods.toml"];
    let first = import(
        &["364-goods-2026-10.csv", "364-finance-2026-10.csv"],
        &["364-goods.toml", "364-finance.toml"],
    );
    let said = String::from_utf8_lossy(&first.stderr).into_owned() + &ok(&first);
    assert!(
        said.contains("364-goods-2026-10.csv:20 repeats line 19"),
        "{said}"
    );
    let head = ok(&run(&["log", l], &dir));
    let fixed = import(&["364-goods-2026-10-fixed.csv"], &goods);
    assert_eq!(fixed.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&fixed.stderr)
            .contains("already stored as record 18 with different content"),
        "{fixed:?}"
    );
    // Which document, not only its id (round 33, A2).
    assert!(
        String::from_utf8_lossy(&fixed.stderr).contains(
            "(dispatch PS2026101400003 changed in the export since it was imported: \
             record a correction as a new document)"
        ),
        "{fixed:?}"
    );
    assert_eq!(
        ok(&run(&["log", l], &dir)),
        head,
        "a refused import appends nothing"
    );
    let padded = ok(&import(&["364-goods-2026-10-padded.csv"], &goods));
    assert!(
        padded.contains("0 appended, 10 already present"),
        "{padded}"
    );
    let both = ok(&import(
        &[
            "364-goods-2026-10-25_11-01.csv",
            "364-goods-2026-11-01_11-07.csv",
        ],
        &goods,
    ));
    assert!(both.contains("2 appended, 1 already present"), "{both}");
    let want = expected(&file(&dir, "364-", ".expected"));
    assert_eq!(findings(&dir, l, &[]), want);
}

/// Round 20's 249 with its configuration file: the thresholds changed, other findings.
#[test]
fn a_ledger_checked_with_changed_thresholds_gives_its_expected_findings() {
    let top = root();
    let config = top.join("config");
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("L");
    let l = l.to_str().unwrap();
    ok(&run(&["init", l], &top));
    let ledger = file(&top, "249-", ".jsonl");
    ok(&run(&["append", l, ledger.to_str().unwrap()], &top));
    let toml = config.join("249.toml");
    let got = findings(&top, l, &["--config", toml.to_str().unwrap()]);
    assert_eq!(got, expected(&file(&config, "249-", ".config.expected")));
    // With the default thresholds, the ledger's own expectations.
    assert_eq!(
        findings(&top, l, &[]),
        expected(&file(&top, "249-", ".expected"))
    );
}

/// Round 20's refused files: a quantity written as a JSON string, and a file cut off inside its
/// last line. Each is refused naming the file and line (and the field, or the column), and
/// nothing is appended.
#[test]
fn refused_files_of_round_20_append_nothing() {
    let dir = root().join("refused");
    for (stem, said) in [
        (
            "252-",
            ":24: field `data.lines[0].quantity`: must be a whole number from 0 to 1000000000000 (got the string \"12\")",
        ),
        ("255-", ":27: invalid JSON at column"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let l = tmp.path().join("L");
        let l = l.to_str().unwrap();
        ok(&run(&["init", l], &dir));
        let f = file(&dir, stem, ".jsonl");
        let out = run(&["append", l, f.to_str().unwrap()], &dir);
        assert_eq!(out.status.code(), Some(2), "{stem}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{stem}: {err}");
        assert!(ok(&run(&["log", l], &dir)).trim().is_empty(), "{stem}");
    }
}

/// Round 22's A3: a refund is a payment for a credit note, and its finding says so in both
/// languages (it called the credit note an "invoice"). A payment for an invoice still says
/// "invoice" (the scenario `goods-books-invoices-payments`).
#[test]
fn a_refund_to_an_unregistered_account_names_the_credit_note() {
    let top = root();
    let tmp = tempfile::tempdir().unwrap();
    let l = tmp.path().join("L");
    let l = l.to_str().unwrap();
    ok(&run(&["init", l], &top));
    let ledger = file(&top, "265-", ".jsonl");
    ok(&run(&["append", l, ledger.to_str().unwrap()], &top));
    // (`check` exits 1: the ledger has findings.)
    let en = String::from_utf8(run(&["check", l], &top).stdout).unwrap();
    assert!(
        en.contains("Payment FK2026101600001 for credit note 26332000000002650008 used account"),
        "{en}"
    );
    let zh = String::from_utf8(run(&["check", l, "--lang", "zh"], &top).stdout).unwrap();
    assert!(
        zh.contains("红字发票 26332000000002650008 的款项 FK2026101600001"),
        "{zh}"
    );
}
