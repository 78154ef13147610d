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
    let bytes = std::fs::read(erp("goods-2026-10.csv")).unwrap();
    let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad);
    let mut rows = text.lines();
    let header = rows.next().unwrap();
    let (purchase, sales): (Vec<&str>, Vec<&str>) = rows.partition(|r| r.starts_with("采购"));
    assert!(!purchase.is_empty() && !sales.is_empty());
    for (name, part) in [("purchase.csv", &purchase), ("sales.csv", &sales)] {
        let body = std::iter::once(header)
            .chain(part.iter().copied())
            .collect::<Vec<_>>()
            .join("\r\n");
        std::fs::write(p.join(name), encoding_rs::GB18030.encode(&body).0).unwrap();
    }
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
