//! `import` warns when it appends goods movements that happened before the latest goods movement
//! at the end of the ledger (rules read records in ledger order), and stays quiet in business
//! order: goods then invoices, or invoices before goods.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str], cwd: &Path) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rxledger"));
    c.args(args).current_dir(cwd);
    for k in ["LC_ALL", "LC_MESSAGES", "LANG", "RXLEDGER_ZONE"] {
        c.env_remove(k);
    }
    let o = c.output().unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn erp(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples/erp")
        .join(name)
        .display()
        .to_string()
}

/// Imports `files` (`(csv, mapping)`) into a new ledger `name` after the master data; the
/// standard error of each import.
fn imports(p: &Path, name: &str, files: &[(&str, &str)], lang: &str) -> Vec<String> {
    run(&["init", name], p);
    run(&["append", name, &erp("master.jsonl")], p);
    files
        .iter()
        .map(|(csv, map)| {
            let o = run(
                &["import", "csv", name, csv, "--mapping", map, "--lang", lang],
                p,
            );
            String::from_utf8(o.stderr).unwrap()
        })
        .collect()
}

#[test]
fn goods_imported_after_later_goods_are_warned_about() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // The goods sample split into its purchase side and its sales side (with the count).
    let purchase = goods_rows(p, "purchase.csv", |r| r.starts_with("采购"));
    let sales = goods_rows(p, "sales.csv", |r| !r.starts_with("采购"));
    assert!(purchase > 0 && sales > 0);
    let goods = erp("goods.toml");
    let finance = (erp("finance-2026-10.csv"), erp("finance.toml"));

    // Business order: purchases, sales, then invoices and payments; or invoices first.
    let quiet = imports(
        p,
        "A",
        &[
            ("purchase.csv", &goods),
            ("sales.csv", &goods),
            (&finance.0, &finance.1),
        ],
        "en",
    );
    assert!(quiet.iter().all(String::is_empty), "{quiet:?}");
    let quiet = imports(
        p,
        "B",
        &[
            (&finance.0, &finance.1),
            (&erp("goods-2026-10.csv"), &goods),
        ],
        "en",
    );
    assert!(quiet.iter().all(String::is_empty), "{quiet:?}");

    // Sales before the purchases that supplied them: warned, in both languages.
    let warned = imports(
        p,
        "C",
        &[("sales.csv", &goods), ("purchase.csv", &goods)],
        "en",
    );
    assert!(warned[0].is_empty(), "{warned:?}");
    assert!(
        warned[1].starts_with("warning: ")
            && warned[1].contains("goods movements of this import happened before")
            && warned[1].contains("(+08:00)"),
        "{warned:?}"
    );
    let warned = imports(
        p,
        "D",
        &[("sales.csv", &goods), ("purchase.csv", &goods)],
        "zh",
    );
    assert!(warned[1].starts_with("警告："), "{warned:?}");
    assert!(
        warned[1].contains("个货物移动发生在账本末尾最近的货物移动"),
        "{warned:?}"
    );
    // Importing the same file again appends nothing and says nothing.
    let again = run(
        &["import", "csv", "C", "purchase.csv", "--mapping", &goods],
        p,
    );
    assert!(String::from_utf8(again.stderr).unwrap().is_empty());
}

/// The goods sample's header and the rows `keep` accepts, as a GB18030 export `name` in `p`
/// (CRLF, as the sample); how many rows it kept.
fn goods_rows(p: &Path, name: &str, keep: impl Fn(&str) -> bool) -> usize {
    let bytes = std::fs::read(erp("goods-2026-10.csv")).unwrap();
    let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad);
    let mut rows = text.lines();
    let header = rows.next().unwrap();
    let kept: Vec<&str> = rows.filter(|r| keep(r)).collect();
    let body = std::iter::once(header)
        .chain(kept.iter().copied())
        .collect::<Vec<_>>()
        .join("\r\n");
    std::fs::write(p.join(name), encoding_rs::GB18030.encode(&body).0).unwrap();
    kept.len()
}

/// A row's business time (`业务时间`, the third column).
fn business_time(row: &str) -> &str {
    row.split(',').nth(2).unwrap()
}

/// The warning counts the goods movements appended now, not those of the export the ledger
/// already held: a month-to-date export imported again with only later documents new says
/// nothing, and one whose new documents are earlier counts only them.
#[test]
fn goods_already_in_the_ledger_are_not_counted_as_out_of_order() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let goods = erp("goods-2026-10.csv");
    let map = erp("goods.toml");
    goods_rows(p, "to-12th.csv", |r| business_time(r) < "2026-10-13");
    goods_rows(p, "from-12th.csv", |r| business_time(r) >= "2026-10-12");

    // The export to the 12th, then the whole month: the documents of the 14th and the count
    // are new, and later than anything in the ledger.
    let quiet = imports(p, "A", &[("to-12th.csv", &map), (&goods, &map)], "en");
    assert!(quiet.iter().all(String::is_empty), "{quiet:?}");

    // From the 12th, then the whole month: new are the purchase order, the receipt and the
    // put-away of the 10th (two goods movements); the dispatch of the 12th, earlier than the
    // dispatch of the 14th, was already there.
    let warned = imports(p, "B", &[("from-12th.csv", &map), (&goods, &map)], "en");
    assert!(warned[0].is_empty(), "{warned:?}");
    assert!(
        warned[1].starts_with("warning: 2 goods movements of this import happened before"),
        "{warned:?}"
    );
}

/// Several exports imported together are appended in one time order, whatever the order of
/// the files: the sales export named before the purchase export that supplied it, and the
/// month's invoices and payments, give the ledger of business order, with no warning. A
/// mapping per file, or one for all.
#[test]
fn exports_imported_together_are_read_in_business_order() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    goods_rows(p, "to-11th.csv", |r| business_time(r) < "2026-10-11");
    goods_rows(p, "from-11th.csv", |r| business_time(r) >= "2026-10-11");
    let goods = erp("goods.toml");
    let (finance, finance_map) = (erp("finance-2026-10.csv"), erp("finance.toml"));

    let alone = imports(p, "A", &[(&erp("goods-2026-10.csv"), &goods)], "en");
    assert!(alone.iter().all(String::is_empty), "{alone:?}");
    run(
        &["import", "csv", "A", &finance, "--mapping", &finance_map],
        p,
    );

    run(&["init", "B"], p);
    run(&["append", "B", &erp("master.jsonl")], p);
    let o = run(
        &[
            "import",
            "csv",
            "B",
            &finance,
            "from-11th.csv",
            "to-11th.csv",
            "--mapping",
            &finance_map,
            "--mapping",
            &goods,
            "--mapping",
            &goods,
        ],
        p,
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("appended, 0 already present"), "{out}");
    let events = |l: &str| {
        run(&["export", l, "-o", &format!("{l}.jsonl")], p);
        std::fs::read_to_string(p.join(format!("{l}.jsonl")))
            .unwrap()
            .lines()
            .map(|r| serde_json::from_str::<serde_json::Value>(r).unwrap()["event"].clone())
            .collect::<Vec<_>>()
    };
    // The same events; the goods in the same order; B reads each invoice or payment in its
    // place in time.
    let (apart, together) = (events("A"), events("B"));
    assert_eq!(apart.len(), together.len());
    let kinds = |v: &[serde_json::Value], goods: bool| {
        v.iter()
            .filter(|e| (e["kind"] == "invoice" || e["kind"] == "payment") != goods)
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(&apart, true), kinds(&together, true));
    assert_eq!(
        kinds(&apart, false)
            .iter()
            .collect::<std::collections::BTreeSet<_>>(),
        kinds(&together, false).iter().collect()
    );
    // The events of the import (after the master data) in time order.
    let master = std::fs::read_to_string(erp("master.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let imported = &together[master..];
    let times: Vec<_> = imported
        .iter()
        .map(|e| chrono::DateTime::parse_from_rfc3339(e["occurred_at"].as_str().unwrap()).unwrap())
        .collect();
    assert!(times.is_sorted(), "{times:?}");

    // Two files, three mappings: refused, nothing appended.
    let o = Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args([
            "import",
            "csv",
            "B",
            "to-11th.csv",
            "from-11th.csv",
            "--mapping",
            &goods,
            "--mapping",
            &goods,
            "--mapping",
            &goods,
            "--lang",
            "en",
        ])
        .current_dir(p)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("2 files and 3 mappings"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
