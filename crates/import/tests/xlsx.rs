//! Spreadsheet exports: `samples/erp/goods-2026-10.xlsx` (the goods CSV sample saved as .xlsx by
//! `LibreOffice` Calc, dates as date cells, quantities and prices as numbers) gives exactly the
//! events of the CSV with the same mapping; a bad cell is refused naming the sheet, row,
//! column and field, and nothing is appended.

use std::path::{Path, PathBuf};

use rxledger::ingest::{append_lines, read_lines};
use rxledger::reconcile::Config;
use rxledger::store::{FileStore, Store};
use rxledger_import::{import_csv, import_xlsx, Imported, Mapping};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn mapping(name: &str) -> Mapping {
    let p = root().join("samples/erp").join(name);
    Mapping::from_toml(name, &std::fs::read_to_string(p).unwrap()).unwrap()
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples/erp").join(name)).unwrap()
}

fn bad_quantity() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xlsx/goods-bad-quantity.xlsx"))
        .unwrap()
}

fn lines(evs: &[Imported]) -> Vec<(u64, Vec<u8>)> {
    evs.iter()
        .map(|i| (i.line, i.event.to_json_bytes()))
        .collect()
}

#[test]
fn the_xlsx_sample_gives_exactly_the_events_of_the_csv_sample() {
    let m = mapping("goods.toml");
    let from_csv = import_csv("goods-2026-10.csv", &sample("goods-2026-10.csv"), &m).unwrap();
    let from_xlsx = import_xlsx("goods-2026-10.xlsx", &sample("goods-2026-10.xlsx"), &m).unwrap();
    assert_eq!(from_xlsx.len(), 10);
    // Same events (ids included: they derive from the ERP documents) at the same rows.
    assert_eq!(from_xlsx, from_csv);
    // Its dates and times are date cells: read as such, not through the mapping's text formats.
    let mut foreign_formats = m.clone();
    foreign_formats.date_formats = vec!["%d.%m.%Y".into()];
    foreign_formats.instant_formats = vec!["%d.%m.%Y %H:%M".into()];
    assert!(import_csv(
        "goods-2026-10.csv",
        &sample("goods-2026-10.csv"),
        &foreign_formats
    )
    .is_err());
    let xlsx = sample("goods-2026-10.xlsx");
    assert_eq!(
        import_xlsx("goods-2026-10.xlsx", &xlsx, &foreign_formats).unwrap(),
        from_csv
    );
    // The sheet named in the mapping.
    let mut named = m.clone();
    named.sheet = Some("进销存单据明细".into());
    let again = import_xlsx("goods-2026-10.xlsx", &sample("goods-2026-10.xlsx"), &named).unwrap();
    assert_eq!(again, from_csv);
}

#[test]
fn a_ledger_built_from_the_xlsx_sample_verifies_and_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ledger");
    FileStore::init(&dir).unwrap();
    let mut store = FileStore::open(&dir).unwrap();
    let master = read_lines("master.jsonl", &sample("master.jsonl")[..]).unwrap();
    append_lines(&mut store, "master.jsonl", &master, 0, |_| {}).unwrap();
    let goods = import_xlsx(
        "goods-2026-10.xlsx",
        &sample("goods-2026-10.xlsx"),
        &mapping("goods.toml"),
    )
    .unwrap();
    append_lines(&mut store, "goods-2026-10.xlsx", &lines(&goods), 0, |_| {}).unwrap();
    let finance = import_csv(
        "finance-2026-10.csv",
        &sample("finance-2026-10.csv"),
        &mapping("finance.toml"),
    )
    .unwrap();
    append_lines(
        &mut store,
        "finance-2026-10.csv",
        &lines(&finance),
        0,
        |_| {},
    )
    .unwrap();
    // The CSV of the same documents afterwards: every event already present.
    let csv = import_csv(
        "goods-2026-10.csv",
        &sample("goods-2026-10.csv"),
        &mapping("goods.toml"),
    )
    .unwrap();
    let done = append_lines(&mut store, "goods-2026-10.csv", &lines(&csv), 0, |_| {}).unwrap();
    assert_eq!((done.appended, done.present), (0, 10));
    drop(store);
    let report = rxledger::Ledger::open(&dir)
        .unwrap()
        .check(Config::default())
        .unwrap();
    assert!(report.verify.is_ok());
    assert_eq!(report.events, 7 + 16);
    assert!(
        report.findings.is_empty(),
        "{:?}",
        report.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
    );
}

#[test]
fn a_text_in_a_quantity_cell_is_refused_naming_sheet_row_column_and_field() {
    let m = mapping("goods.toml");
    let e = import_xlsx("bad.xlsx", &bad_quantity(), &m).unwrap_err();
    assert_eq!(
        e.to_string(),
        "bad.xlsx: sheet `进销存单据明细` row 5: column `数量`: field `data.lines[].arrived`: `1200箱` is not a whole number of 0 or more"
    );
    // Through the CLI's path: the error comes before anything is appended.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut store = FileStore::open(&dir).unwrap();
    let result = import_xlsx("bad.xlsx", &bad_quantity(), &m)
        .map(|evs| append_lines(&mut store, "bad.xlsx", &lines(&evs), 0, |_| {}));
    assert!(result.is_err());
    assert_eq!(store.head().seq, 0);
}

/// A 20-digit document number left in a column of the spreadsheet's default type became a
/// number cell, which keeps 15 significant digits: refused, not imported as another number.
#[test]
fn a_code_in_a_long_number_cell_is_refused() {
    let m = mapping("goods.toml");
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xlsx/goods-long-number.xlsx"),
    )
    .unwrap();
    let e = import_xlsx("long.xlsx", &bytes, &m)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("long.xlsx: sheet `进销存单据明细` row 2: column `单据编号`: field `data.doc`: `20261008000000000000` is a number cell"),
        "{e}"
    );
    assert!(e.ends_with("is a number cell of more than 15 digits, which a spreadsheet does not keep exactly: store codes and document numbers as text cells"), "{e}");
}

#[test]
fn a_missing_sheet_column_or_workbook_is_refused() {
    let mut m = mapping("goods.toml");
    m.sheet = Some("Sheet1".into());
    let e = import_xlsx("g.xlsx", &sample("goods-2026-10.xlsx"), &m).unwrap_err();
    assert_eq!(
        e.to_string(),
        "g.xlsx: no sheet `Sheet1` (the workbook has `进销存单据明细`)"
    );
    let e = import_xlsx(
        "g.xlsx",
        &sample("goods-2026-10.csv"),
        &mapping("goods.toml"),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("g.xlsx: not a readable .xlsx workbook"),
        "{e}"
    );
    // A mapping whose column the sheet lacks names the header row.
    let finance = mapping("finance.toml");
    let e = import_xlsx("g.xlsx", &sample("goods-2026-10.xlsx"), &finance).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("g.xlsx: sheet `进销存单据明细` row 1: column `"),
        "{e}"
    );
    assert!(
        e.to_string().ends_with("no such column in the header"),
        "{e}"
    );
}
