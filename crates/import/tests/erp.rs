//! The ready mappings of `samples/erp/` on their sample exports: the events they give, a ledger
//! built from them that verifies and checks clean, and malformed cells refused with nothing
//! appended.

use std::path::{Path, PathBuf};

use rxledger::ingest::{append_lines, read_lines};
use rxledger::model::Event;
use rxledger::reconcile::Config;
use rxledger::store::{FileStore, Store};
use rxledger_import::{import_csv, ImportError, Mapping};

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

/// `(line, canonical bytes)` of the imported events, as `append_lines` takes them.
fn lines(file: &str, map: &str) -> Vec<(u64, Vec<u8>)> {
    import_csv(file, &sample(file), &mapping(map))
        .unwrap()
        .into_iter()
        .map(|i| (i.line, i.event.to_json_bytes()))
        .collect()
}

/// Appends the master data, then the two exports, into a fresh ledger in `dir`.
fn build(dir: &Path) -> FileStore {
    FileStore::init(dir).unwrap();
    let mut store = FileStore::open(dir).unwrap();
    let master = read_lines("master.jsonl", &sample("master.jsonl")[..]).unwrap();
    append_lines(&mut store, "master.jsonl", &master, 0, |_| {}).unwrap();
    for (file, map) in [
        ("goods-2026-10.csv", "goods.toml"),
        ("finance-2026-10.csv", "finance.toml"),
    ] {
        let ls = lines(file, map);
        append_lines(&mut store, file, &ls, 0, |_| {}).unwrap();
    }
    store
}

#[test]
fn the_samples_give_the_events_of_the_clean_month_scenario() {
    // The exports were written from inspection scenario 01: the import must give back its
    // events exactly, but for the ids (derived from the ERP documents).
    let text =
        std::fs::read_to_string(root().join("samples/inspections/01-clean-month-basic.jsonl"))
            .unwrap();
    let mut want: Vec<Event> = text.lines().map(|l| Event::from_json(l).unwrap()).collect();
    want.drain(..7); // the master data, in samples/erp/master.jsonl
    let mut got: Vec<Event> = Vec::new();
    for (file, map) in [
        ("goods-2026-10.csv", "goods.toml"),
        ("finance-2026-10.csv", "finance.toml"),
    ] {
        got.extend(
            import_csv(file, &sample(file), &mapping(map))
                .unwrap()
                .into_iter()
                .map(|i| i.event),
        );
    }
    assert_eq!(got.len(), 16);
    for g in &mut got {
        assert_eq!(g.id.get_version_num(), 7);
        let w = want
            .iter()
            .find(|w| w.body == g.body)
            .unwrap_or_else(|| panic!("no scenario event like {}", g.to_json()));
        assert_eq!(g.occurred_at, w.occurred_at);
        assert_eq!(g.entered_at, w.entered_at);
        assert_eq!(g.recorded_by, w.recorded_by);
        assert_eq!(g.refs, w.refs, "{}", g.to_json());
    }
}

#[test]
fn imported_samples_verify_and_check_clean_and_import_again_appends_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ledger");
    let mut store = build(&dir);
    assert_eq!(store.head().seq, 7 + 16);
    // Importing the same export again: the same ids, all present, nothing appended.
    let again = lines("goods-2026-10.csv", "goods.toml");
    let done = append_lines(&mut store, "goods-2026-10.csv", &again, 0, |_| {}).unwrap();
    assert_eq!((done.appended, done.present), (0, again.len() as u64));
    drop(store);
    let ledger = rxledger::Ledger::open(&dir).unwrap();
    let report = ledger.check(Config::default()).unwrap();
    assert!(report.verify.is_ok());
    assert_eq!(report.events, 23);
    assert!(
        report.findings.is_empty(),
        "{:#?}",
        report.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
    );
}

/// An export sorted by something other than time (here its rows reversed, so every dispatch
/// comes before the receipt of its goods) is appended in business order, and the ledger checks
/// clean as with the time-ordered sample.
#[test]
fn an_export_out_of_business_order_is_appended_in_business_order() {
    let text = encoding_rs::GB18030
        .decode(&sample("goods-2026-10.csv"))
        .0
        .into_owned();
    let mut rows: Vec<&str> = text.lines().collect();
    let header = rows.remove(0);
    rows.reverse();
    let reversed = std::iter::once(header)
        .chain(rows)
        .collect::<Vec<_>>()
        .join("\r\n");
    let reversed = encoding_rs::GB18030.encode(&reversed).0.into_owned();
    let docs = |bytes: &[u8]| -> Vec<(chrono::DateTime<chrono::Utc>, String)> {
        import_csv("goods.csv", bytes, &mapping("goods.toml"))
            .unwrap()
            .into_iter()
            .map(|i| (i.event.occurred_at, i.event.kind().to_string()))
            .collect()
    };
    let from_reversed = docs(&reversed);
    assert_eq!(from_reversed, docs(&sample("goods-2026-10.csv")));
    assert!(from_reversed.windows(2).all(|w| w[0].0 <= w[1].0));

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ledger");
    FileStore::init(&dir).unwrap();
    let mut store = FileStore::open(&dir).unwrap();
    let master = read_lines("master.jsonl", &sample("master.jsonl")[..]).unwrap();
    append_lines(&mut store, "master.jsonl", &master, 0, |_| {}).unwrap();
    let goods: Vec<(u64, Vec<u8>)> = import_csv("goods.csv", &reversed, &mapping("goods.toml"))
        .unwrap()
        .into_iter()
        .map(|i| (i.line, i.event.to_json_bytes()))
        .collect();
    append_lines(&mut store, "goods.csv", &goods, 0, |_| {}).unwrap();
    let finance = lines("finance-2026-10.csv", "finance.toml");
    append_lines(&mut store, "finance.csv", &finance, 0, |_| {}).unwrap();
    drop(store);
    let report = rxledger::Ledger::open(&dir)
        .unwrap()
        .check(Config::default())
        .unwrap();
    assert!(
        report.findings.is_empty(),
        "{:#?}",
        report.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
    );
}

/// The goods export with one cell replaced (as GB18030 bytes).
fn goods_with(from: &str, to: &str) -> Vec<u8> {
    let raw = sample("goods-2026-10.csv");
    let (text, _, bad) = encoding_rs::GB18030.decode(&raw);
    assert!(!bad && text.contains(from));
    let changed = text.replacen(from, to, 1);
    let (bytes, _, _) = encoding_rs::GB18030.encode(&changed);
    bytes.into_owned()
}

fn refused(bytes: &[u8]) -> ImportError {
    import_csv("goods-2026-10.csv", bytes, &mapping("goods.toml")).unwrap_err()
}

#[test]
fn a_bad_date_is_refused_naming_file_line_column_and_field() {
    let e = refused(&goods_with("2026/09/15", "2026/13/15"));
    assert_eq!(
        e.to_string(),
        "goods-2026-10.csv:4: column `生产日期`: field `data.lines[].production_date`: `2026/13/15` is not a date (%Y/%m/%d, %Y-%m-%d)"
    );
    let e = refused(&goods_with("2026-10-10 10:20", "2026-10-10 25:20"));
    assert!(
        e.to_string()
            .starts_with("goods-2026-10.csv:4: column `业务时间`: field `occurred_at`: `2026-10-10 25:20` is not a date and time"),
        "{e}"
    );
}

#[test]
fn a_non_numeric_quantity_is_refused_and_nothing_is_appended() {
    // Line 5 is the second line of receipt SH2026101000001.
    let bad = goods_with(",1200,1200,0,", ",1200箱,1200,0,");
    let e = refused(&bad);
    assert_eq!(
        e.to_string(),
        "goods-2026-10.csv:5: column `数量`: field `data.lines[].arrived`: `1200箱` is not a whole number of 0 or more"
    );
    // Through the CLI's path: the error comes before anything is appended.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut store = FileStore::open(&dir).unwrap();
    let result = import_csv("goods-2026-10.csv", &bad, &mapping("goods.toml")).map(|evs| {
        let ls: Vec<(u64, Vec<u8>)> = evs
            .into_iter()
            .map(|i| (i.line, i.event.to_json_bytes()))
            .collect();
        append_lines(&mut store, "goods-2026-10.csv", &ls, 0, |_| {})
    });
    assert!(result.is_err());
    assert_eq!(store.head().seq, 0);
}

#[test]
fn an_invalid_event_is_located_at_the_row_and_column_of_its_field() {
    // Accepted more than arrived: the model refuses the event; the error names the row.
    let e = refused(&goods_with(",1200,1200,0,", ",1200,1300,0,"));
    let s = e.to_string();
    assert!(
        s.starts_with("goods-2026-10.csv:5: column `") && s.contains("field `data.lines[1]."),
        "{s}"
    );
    // A header field that differs between the rows of one document.
    let e = refused(&goods_with(
        "采购订单,CG2026100800001,2026-10-08 09:30,2026-10-08 09:33,采购-钱国栋,91330110143958275Q",
        "采购订单,CG2026100800001,2026-10-08 09:30,2026-10-08 09:33,采购-钱国栋,91330110143958275X",
    ));
    assert_eq!(
        e.to_string(),
        "goods-2026-10.csv:3: column `往来单位编码`: field `data.supplier`: `91330110143958275Q` differs from `91330110143958275X` on line 2, the first row of document `CG2026100800001`"
    );
}

#[test]
fn bytes_that_are_not_the_encoding_are_refused_with_their_line() {
    let mut bytes = sample("finance-2026-10.csv");
    let at = bytes.iter().position(|b| *b == b'\n').unwrap() + 1;
    bytes.insert(at + 3, 0xFF);
    let e = import_csv("f.csv", &bytes, &mapping("finance.toml")).unwrap_err();
    assert_eq!(e.to_string(), "f.csv:2: not valid gb18030 text");
}

#[test]
fn utf8_with_a_bom_and_a_missing_column_are_handled() {
    let raw = sample("finance-2026-10.csv");
    let (text, _, _) = encoding_rs::GB18030.decode(&raw);
    let mut m = mapping("finance.toml");
    m.encoding = "utf-8".into();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.as_bytes());
    assert_eq!(import_csv("f.csv", &bytes, &m).unwrap().len(), 6);
    let renamed = text.replacen("结算方式", "付款方式", 1);
    let e = import_csv("f.csv", renamed.as_bytes(), &m).unwrap_err();
    assert_eq!(
        e.to_string(),
        "f.csv:1: column `结算方式`: field `data.method`: no such column in the header"
    );
}

/// A mapped column whose header appears twice is refused with both positions: the mapping
/// cannot tell which column it means (an ERP that titles 采购数量 and 数量 both 数量). A header
/// the mapping does not use may repeat.
#[test]
fn a_mapped_column_headed_twice_is_refused() {
    let raw = sample("finance-2026-10.csv");
    let (text, _, _) = encoding_rs::GB18030.decode(&raw);
    let mut m = mapping("finance.toml");
    m.encoding = "utf-8".into();
    let twice = |header: &str| {
        text.lines()
            .enumerate()
            .map(|(i, l)| match i {
                0 => format!("{l},{header}"),
                _ => format!("{l},x"),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let n = text.lines().next().unwrap().split(',').count();
    let position = text
        .lines()
        .next()
        .unwrap()
        .split(',')
        .position(|h| h == "结算方式");
    let e = import_csv("f.csv", twice("结算方式").as_bytes(), &m).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "f.csv:1: column `结算方式`: field `data.method`: the header has this column 2 times (columns {}, {}): the mapping cannot tell which it means",
            position.unwrap() + 1,
            n + 1
        )
    );
    assert_eq!(
        import_csv("f.csv", twice("备注二").as_bytes(), &m)
            .unwrap()
            .len(),
        6
    );
}

/// A row repeated cell for cell inside one document is imported as a line of its own (it may be
/// meant) and reported with the earlier row's line, so that the caller can warn; the sample has
/// none.
#[test]
fn a_repeated_row_is_reported_with_the_row_it_repeats() {
    let clean = import_csv(
        "goods-2026-10.csv",
        &sample("goods-2026-10.csv"),
        &mapping("goods.toml"),
    )
    .unwrap();
    assert!(clean.iter().all(|i| i.repeated_rows.is_empty()));
    // Line 3 (the purchase order's second row) again, right after it, as line 4.
    let raw = sample("goods-2026-10.csv");
    let (text, _, _) = encoding_rs::GB18030.decode(&raw);
    let lines: Vec<&str> = text.lines().collect();
    let mut doubled = lines[..3].to_vec();
    doubled.push(lines[2]);
    doubled.extend_from_slice(&lines[3..]);
    let text = doubled.join("\r\n") + "\r\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    let events = import_csv("goods-2026-10.csv", &bytes, &mapping("goods.toml")).unwrap();
    let repeated: Vec<(u64, u64)> = events
        .iter()
        .flat_map(|i| i.repeated_rows.iter().copied())
        .collect();
    assert_eq!(repeated, [(4, 3)]);
    let order = events.iter().find(|i| i.repeated_rows == [(4, 3)]).unwrap();
    let rxledger_model::EventBody::Purchase(p) = &order.event.body else {
        panic!("not the purchase order")
    };
    assert_eq!(p.lines.len(), 3);
}

/// A quote opened in a cell and never closed makes the rest of the file one cell: the row is
/// refused as short, and the reason says the quote is why (attacker round 24: it gave only the
/// cell counts). A short row without a stray quote says nothing of quotes.
#[test]
fn an_unclosed_quote_is_named_as_the_cause_of_a_short_row() {
    use rxledger_import::Reason;
    let e = refused(&goods_with("2026/09/15", "\"2026/09/15"));
    let ImportError::Csv { line, reason, .. } = &e else {
        panic!("{e}")
    };
    assert!(
        matches!(
            **reason,
            Reason::UnequalLengths {
                open_quote: true,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(*line, 4, "{e}");
    let e = refused(&goods_with("2026/09/15,", "2026/09/15"));
    let ImportError::Csv { reason, .. } = &e else {
        panic!("{e}")
    };
    assert!(
        matches!(
            **reason,
            Reason::UnequalLengths {
                open_quote: false,
                ..
            }
        ),
        "{e}"
    );
}

/// The finance export with the 3rd and 4th rows (a sales invoice's two lines) repeated as another
/// issuer's purchase invoice of the same number (two issuers' paper invoices may share one), and
/// the finance mapping with the invoices' `group_by` line replaced by `group_by`.
fn shared_number(group_by: &str) -> (Vec<u8>, Mapping) {
    let raw = sample("finance-2026-10.csv");
    let (text, _, bad) = encoding_rs::GB18030.decode(&raw);
    assert!(!bad);
    let mut rows: Vec<String> = text.lines().map(str::to_owned).collect();
    let copy: Vec<String> = rows[1..3]
        .iter()
        .map(|r| r.replacen("91330110143958275Q", "91330100MA2B8K1X7T", 1))
        .collect();
    rows.splice(3..3, copy);
    let csv = rows.join("\n") + "\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(&csv);
    let toml = std::fs::read_to_string(root().join("samples/erp/finance.toml")).unwrap();
    assert_eq!(toml.matches("group_by = \"单据号\"").count(), 2);
    let toml = toml.replacen("group_by = \"单据号\"", group_by, 1);
    let m = Mapping::from_toml("finance.toml", &toml).unwrap();
    (bytes.into_owned(), m)
}

#[test]
fn group_by_several_columns_keeps_two_issuers_invoices_of_one_number_apart() {
    // By the number alone, the other issuer's rows join the first invoice: refused, naming the
    // column that differs (round 30, probe p2).
    let (csv, by_number) = shared_number("group_by = \"单据号\"");
    let e = import_csv("finance.csv", &csv, &by_number).unwrap_err();
    assert!(
        e.to_string().contains("finance.csv:4: column `开票方`"),
        "{e}"
    );
    // By number and issuer: two invoices of that number, one per issuer, each with its own id.
    let (csv, by_both) = shared_number("group_by = [\"单据号\", \"开票方\"]");
    let got = import_csv("finance.csv", &csv, &by_both).unwrap();
    let invoices: Vec<_> = got
        .iter()
        .filter_map(|i| match &i.event.body {
            rxledger::model::EventBody::Invoice(inv)
                if inv.doc.as_str() == "26332000000103581201" =>
            {
                Some((i.event.id, inv.issuer.to_string(), inv.lines.len()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(invoices.len(), 2, "{invoices:?}");
    assert_ne!(invoices[0].0, invoices[1].0);
    let issuers: Vec<&str> = invoices.iter().map(|(_, p, _)| p.as_str()).collect();
    assert_eq!(issuers, ["91330110143958275Q", "91330100MA2B8K1X7T"]);
    assert!(invoices.iter().all(|(_, _, n)| *n == 2));
    // Importing the same file again gives the same ids (exactly-once append skips them).
    let again = import_csv("finance.csv", &csv, &by_both).unwrap();
    let ids = |v: &[rxledger_import::Imported]| v.iter().map(|i| i.event.id).collect::<Vec<_>>();
    assert_eq!(ids(&got), ids(&again));
    // The other documents of the file, grouped by one column, keep the ids they had.
    let before = import_csv(
        "finance-2026-10.csv",
        &sample("finance-2026-10.csv"),
        &mapping("finance.toml"),
    )
    .unwrap();
    let payments = |v: &[rxledger_import::Imported]| {
        v.iter()
            .filter(|i| matches!(i.event.body, rxledger::model::EventBody::Payment(_)))
            .map(|i| i.event.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(payments(&before), payments(&got));
}

#[test]
fn group_by_with_no_column_or_an_empty_cell_is_refused() {
    let toml = std::fs::read_to_string(root().join("samples/erp/finance.toml")).unwrap();
    let toml = toml.replacen("group_by = \"单据号\"", "group_by = []", 1);
    let e = Mapping::from_toml("finance.toml", &toml).unwrap_err();
    assert!(e.to_string().contains("`group_by` names no column"), "{e}");
    // An empty cell in any `group_by` column is named by its column.
    let (csv, by_both) = shared_number("group_by = [\"单据号\", \"开票方\"]");
    let (text, _, _) = encoding_rs::GB18030.decode(&csv);
    let text = text.replacen(",91330100MA2B8K1X7T,", ",,", 1);
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    let e = import_csv("finance.csv", &bytes, &by_both).unwrap_err();
    assert!(
        e.to_string().contains("finance.csv:4: column `开票方`"),
        "{e}"
    );
}
