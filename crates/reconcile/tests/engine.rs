//! Engine properties: generated ledgers are clean; planted violations are found exactly;
//! incremental and batch runs agree wherever the input is split; configuration applies.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use rxledger_gen::{GenConfig, Generator, PLANTABLE};
use rxledger_model::Event;
use rxledger_reconcile::{Config, Engine, Finding, Severity, RULES};

fn ts(e: &Event) -> DateTime<Utc> {
    e.entered_at.unwrap_or(e.occurred_at)
}

fn run(events: &[Event], cfg: Config) -> Vec<Finding> {
    let mut engine = Engine::new(cfg);
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        out.extend(engine.push(i as u64 + 1, ts(e), e));
    }
    out.extend(engine.finish());
    out
}

fn planted(seed: u64, n: usize, rate: f64) -> (Vec<Event>, Vec<(String, u64)>) {
    let mut g = Generator::new(GenConfig {
        seed,
        violations: rate,
        ..GenConfig::default()
    });
    let events: Vec<Event> = g.by_ref().take(n).collect();
    let mut m: Vec<(String, u64)> = g
        .manifest(n as u64)
        .into_iter()
        .map(|p| (p.rule.to_owned(), p.seq))
        .collect();
    m.sort();
    (events, m)
}

#[test]
fn generated_ledgers_are_clean() {
    for seed in [1, 2, 3] {
        let events: Vec<Event> = Generator::new(GenConfig {
            seed,
            ..GenConfig::default()
        })
        .take(40_000)
        .collect();
        let f = run(&events, Config::default());
        assert!(f.is_empty(), "seed {seed}: {:#?}", &f[..f.len().min(5)]);
    }
}

/// `finish` skips describing the open items; its findings are those of `finish_with_pending`,
/// on a ledger that ends with many items open and findings still due at the end.
#[test]
fn finish_gives_the_findings_of_finish_with_pending() {
    let (mut events, _) = planted(13, 30_000, 0.01);
    // A repeated event: EVENT-DUP is judged at the end.
    events.push(events[100].clone());
    let feed = |engine: &mut Engine, out: &mut Vec<Finding>| {
        for (i, e) in events.iter().enumerate() {
            out.extend(engine.push(i as u64 + 1, ts(e), e));
        }
    };
    let (mut plain, mut with) = (Vec::new(), Vec::new());
    let mut a = Engine::new(Config::default());
    feed(&mut a, &mut plain);
    let at_end = a.finish();
    let mut b = Engine::new(Config::default());
    feed(&mut b, &mut with);
    let (at_end_too, pending) = b.finish_with_pending();
    assert_eq!(plain, with);
    assert!(!at_end.is_empty(), "no finding became due at the end");
    assert!(!pending.is_empty(), "no item was open at the end");
    assert_eq!(at_end, at_end_too);
}

#[test]
fn planted_violations_are_found_exactly() {
    let (events, manifest) = planted(11, 60_000, 0.01);
    let mut got: Vec<(String, u64)> = run(&events, Config::default())
        .into_iter()
        .map(|f| (f.rule.code().to_owned(), f.seq))
        .collect();
    got.sort();
    assert_eq!(got, manifest);
    let rules: std::collections::BTreeSet<&str> =
        manifest.iter().map(|(r, _)| r.as_str()).collect();
    assert!(
        rules.len() >= PLANTABLE.len() - 2,
        "too few rules planted: {rules:?}"
    );
}

#[test]
fn disabled_rules_and_severity_overrides_apply() {
    let (events, manifest) = planted(12, 20_000, 0.01);
    let cfg =
        Config::from_toml("disabled = [\"LATE-ENTRY\"]\n[severity]\n\"STOCK-NEG\" = \"minor\"\n")
            .unwrap();
    let f = run(&events, cfg);
    assert!(f.iter().all(|f| f.rule != "LATE-ENTRY"));
    assert!(manifest.iter().any(|(r, _)| r == "LATE-ENTRY"));
    let neg: Vec<_> = f.iter().filter(|f| f.rule == "STOCK-NEG").collect();
    assert!(!neg.is_empty());
    assert!(neg.iter().all(|f| f.severity == Severity::Minor));
    let expected = manifest.iter().filter(|(r, _)| r != "LATE-ENTRY").count();
    assert_eq!(f.len(), expected);
}

#[test]
fn thresholds_change_what_is_late() {
    let (events, _) = planted(13, 8_000, 0.0);
    // With a zero-hour limit every manually entered event is late; with the default none is.
    let strict = Config::from_toml("[thresholds]\nlate_entry_hours = 0\n").unwrap();
    assert!(run(&events, strict).iter().any(|f| f.rule == "LATE-ENTRY"));
    assert!(run(&events, Config::default()).is_empty());
}

#[test]
fn bad_configuration_is_rejected_with_a_reason() {
    let e = Config::from_toml("disabled = [\"NOPE\"]")
        .unwrap_err()
        .to_string();
    assert!(e.contains("NOPE"), "{e}");
    let e = Config::from_toml("[thresholds]\nunpaid_days = -1")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unpaid_days"), "{e}");
    let e = Config::from_toml("[thresholds]\nunpaid_dayz = 1")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unpaid_dayz"), "{e}");
    // One line naming where (round 20: the parser's several lines reached the terminal with
    // their line ends shown as `<U+000A>`).
    assert!(
        e.starts_with(
            "invalid configuration: line 2, column 1 (`unpaid_dayz = 1`): unknown field `unpaid_dayz`"
        ),
        "{e}"
    );
    assert!(!e.contains('\n'), "{e}");
    let e = Config::from_toml("[thresholds]\nunpaid_days = \"x\"")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("line 2, column 15 (`unpaid_days = \"x\"`)"),
        "{e}"
    );
    // Durations beyond ten years would overflow date arithmetic: refused, with the maximum.
    for (key, max) in [
        ("uninvoiced_days", "3650"),
        ("late_entry_hours", "87600"),
        ("flat_minutes", "5256000"),
    ] {
        let e = Config::from_toml(&format!("[thresholds]\n{key} = 9223372036854775807"))
            .unwrap_err()
            .to_string();
        assert!(e.contains(key) && e.contains(max), "{e}");
        Config::from_toml(&format!("[thresholds]\n{key} = {max}")).unwrap();
    }
    assert_eq!(
        Config::from_toml(rxledger_reconcile::DEFAULT_TOML).unwrap(),
        Config::default()
    );
}

#[test]
fn catalogue_codes_are_unique_and_documented() {
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), RULES.len());
    for r in RULES {
        assert!(
            !r.description.is_empty() && !r.source.is_empty(),
            "{}",
            r.code
        );
    }
    for p in PLANTABLE {
        assert!(
            RULES.iter().any(|r| r.code == *p),
            "generator plants unknown rule {p}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Feeding the engine in chunks (findings collected after each push) gives the same
    /// findings, in the same order, as one batch run.
    #[test]
    fn incremental_equals_batch(seed in 0u64..1000, cuts in prop::collection::vec(0usize..6000, 0..8)) {
        let (events, _) = planted(seed, 6000, 0.02);
        let batch = run(&events, Config::default());
        let mut cuts = cuts;
        cuts.sort_unstable();
        cuts.push(events.len());
        let mut engine = Engine::new(Config::default());
        let mut inc = Vec::new();
        let mut start = 0;
        for c in cuts {
            let c = c.max(start);
            for (i, e) in events[start..c].iter().enumerate() {
                inc.extend(engine.push((start + i) as u64 + 1, ts(e), e));
            }
            start = c;
        }
        inc.extend(engine.finish());
        prop_assert_eq!(inc, batch);
    }
}

// ---------------------------------------------------------------------------------------------
// Findings as data: every finding carries a message id of the catalogue, and the English
// sentences are exactly those of the rules' documentation.

use rxledger_report::messages::{Lang, Messages};

/// The English catalogue files of the engine's families.
fn catalogue() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../report/locales/en");
    [
        "base",
        "integrity",
        "documents",
        "stock",
        "qualification",
        "special",
        "codes",
        "cold_chain",
        "temp_integrity",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(dir.join(format!("{f}.ftl"))).unwrap())
    .collect()
}

/// The engine's sources, concatenated.
fn engine_sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = std::fs::read_to_string(src.join("engine.rs")).unwrap();
    walk(&src.join("engine"), &mut out);
    out
}

/// The string literals of `text` that follow `prefix` (e.g. `term("`).
fn literals_after<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.match_indices(prefix)
        .filter_map(|(i, _)| {
            let rest = &text[i + prefix.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn every_finding_is_a_catalogued_message() {
    let m = Messages::new(Lang::En);
    let (events, _) = planted(21, 20_000, 0.02);
    let findings = run(&events, Config::default());
    assert!(!findings.is_empty());
    for f in &findings {
        let msgs = [Some(&f.message), f.expected.as_ref(), f.actual.as_ref()];
        for msg in msgs.into_iter().flatten() {
            assert!(!msg.id.is_empty(), "{f:?}");
            assert!(m.has(&msg.id), "{} is not in the catalogue", msg.id);
            let text = m.render(msg);
            assert!(!text.starts_with(msg.id.as_ref()), "{text}");
        }
    }
    // Every message id and term the engine's sources name is in the catalogue: ids as messages,
    // terms as variants of a selector.
    let (cat, src) = (catalogue(), engine_sources());
    let qualification_ids = literals_after(&src, ": \"")
        .into_iter()
        .filter(|id| id.starts_with("sup-lic-") || id.starts_with("cus-lic-"));
    let ids: Vec<&str> = literals_after(&src, "Msg::new(\"")
        .into_iter()
        .chain(literals_after(&src, "with_facts(\""))
        .chain(qualification_ids)
        .collect();
    assert!(ids.len() > 80, "{ids:?}");
    for id in ids {
        assert!(m.has(id), "message {id} is not in the catalogue");
    }
    let terms: Vec<&str> = literals_after(&src, "term(\"")
        .into_iter()
        .chain(literals_after(&src, "=> \""))
        .filter(|t| {
            t.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        })
        .collect();
    assert!(terms.len() > 40, "{terms:?}");
    for t in terms {
        assert!(
            cat.contains(&format!("[{t}]")),
            "term {t} is not a variant of any message"
        );
    }
}

const ID: &str = "01a0fa20-0e80-7695-b26d-8f83609d890f";
const OWNER: &str = "91330100MA27X8K3Q1";
const SUPPLIER: &str = "91330100143958271X";

/// An event of `kind` at `at` with `data` (and `refs`, unless null).
fn ev(kind: &str, at: &str, refs: serde_json::Value, data: serde_json::Value) -> Event {
    let mut v = serde_json::json!({
        "v": 1, "id": ID, "kind": kind, "occurred_at": at, "recorded_by": ["测试"], "data": data,
    });
    if !refs.is_null() {
        v["refs"] = refs;
    }
    Event::from_value(v).unwrap()
}

fn party(
    id: &str,
    kind: &str,
    relation: &str,
    valid_to: &str,
    special: serde_json::Value,
) -> Event {
    let mut data = serde_json::json!({
        "party": id, "name": id, "kind": kind, "relation": relation,
        "licence": {"number": "L1", "kind": "drug_wholesale", "valid_from": "2023-03-01", "valid_to": valid_to},
        "scope": ["chemical", "narcotic", "vaccine", "cold_chain"],
        "accounts": [{"bank": "B", "number": "1"}], "province": "浙江", "address": "杭州",
    });
    if !special.is_null() {
        data["special"] = special;
    }
    ev(
        "party_registered",
        "2026-09-30T01:00:00Z",
        serde_json::Value::Null,
        data,
    )
}

fn product(id: &str, category: &str, control: &str, storage: &str, vaccine: bool) -> Event {
    let data = serde_json::json!({
        "product": id, "generic_name": "x", "form": "x", "spec": "x", "manufacturer": "x",
        "approval_number": "x", "category": category, "control": control, "storage": storage,
        "rx": true, "vaccine": vaccine, "unit": "盒",
    });
    ev(
        "product_registered",
        "2026-09-30T01:30:00Z",
        serde_json::Value::Null,
        data,
    )
}

fn receipt(
    doc: &str,
    at: &str,
    product: &str,
    codes: &[&str],
    transport: serde_json::Value,
) -> Event {
    let n = codes.len().max(1);
    let mut data = serde_json::json!({
        "doc": doc, "supplier": SUPPLIER, "acceptors": ["验收-张伟"],
        "lines": [{"product": product, "batch": "B1", "production_date": "2026-08-01",
                   "expiry": "2028-08-01", "arrived": n, "accepted": n, "rejected": 0,
                   "location": "RCV", "codes": codes}],
    });
    if !transport.is_null() {
        data["transport"] = transport;
    }
    let refs = serde_json::json!({"order": "CG1", "delivery_note": "DN1"});
    ev("receipt", at, refs, data)
}

/// Findings of `events`, each event recorded when it was entered (or occurred).
fn findings_of(events: &[Event]) -> Vec<Finding> {
    run(events, Config::default())
}

/// The English sentence, expected and actual figures of the findings of `rule`.
fn english(findings: &[Finding], rule: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let m = Messages::new(Lang::En);
    findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| (m.message(f), m.expected(f), m.actual(f)))
        .collect()
}

#[allow(clippy::unnecessary_wraps)] // reads as the figures it stands for
fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn sentences_of_rare_findings_are_exact() {
    let null = serde_json::Value::Null;
    let mut events = vec![
        party(OWNER, "wholesaler", "self", "2028-02-28", null.clone()),
        // A supplier whose licence ended before the purchase.
        party(
            SUPPLIER,
            "manufacturer",
            "supplier",
            "2026-06-30",
            null.clone(),
        ),
        party("IND", "individual", "customer", "2028-02-28", null.clone()),
        party(
            "C1",
            "medical_institution",
            "customer",
            "2028-02-28",
            serde_json::json!({"designation": "seal_card_holder", "seal_card": "Y1", "valid_to": "2026-01-01"}),
        ),
        party(
            "C2",
            "retail_pharmacy",
            "customer",
            "2028-02-28",
            serde_json::json!({"designation": "designated_retail", "valid_to": "2028-01-01"}),
        ),
        product("P-A", "chemical", "none", "ambient", false),
        product("P-N", "narcotic", "narcotic", "ambient", false),
        product("P-V", "vaccine", "none", "cold", true),
        ev(
            "purchase",
            "2026-10-01T00:00:00Z",
            null.clone(),
            serde_json::json!({"doc": "CG1", "supplier": SUPPLIER,
                "lines": [{"product": "P-A", "quantity": 5, "unit_price": {"minor": 1, "currency": "CNY"}}]}),
        ),
    ];
    for (i, customer) in ["IND", "C1", "C2"].iter().enumerate() {
        events.push(ev(
            "sale",
            "2026-10-01T02:00:00Z",
            null.clone(),
            serde_json::json!({"doc": format!("XS{i}"), "customer": customer, "channel": "wholesale",
                "lines": [{"product": "P-N", "batch": "B1", "expiry": "2028-08-01", "quantity": 1,
                           "unit_price": {"minor": 1, "currency": "CNY"}}]}),
        ));
    }
    events.push(receipt(
        "SH1",
        "2026-10-01T03:00:00Z",
        "P-V",
        &[],
        null.clone(),
    ));
    events.push(receipt(
        "SH2",
        "2026-10-01T04:00:00Z",
        "P-V",
        &[],
        serde_json::json!({"vehicle": "V1", "shipped_at": "2026-10-01T01:00:00Z", "cold_chain": false}),
    ));
    events.push(receipt(
        "SH3",
        "2026-10-01T05:00:00Z",
        "P-N",
        &[],
        null.clone(),
    ));
    events.push(ev(
        "loss_report",
        "2026-10-01T06:00:00Z",
        null.clone(),
        serde_json::json!({"doc": "BS1", "loss": "theft", "discovered_at": "2026-10-01T05:00:00Z",
            "lines": [{"product": "P-N", "batch": "B1", "quantity": 1, "from": "SP-1"}]}),
    ));
    events.push(ev(
        "invoice",
        "2026-10-01T07:00:00Z",
        null.clone(),
        serde_json::json!({"doc": "FP1", "direction": "purchase", "issuer": SUPPLIER, "buyer": OWNER,
            "issued_on": "2026-10-01",
            "lines": [{"product": "P-A", "quantity": 1, "unit_price": {"minor": 100, "currency": "CNY"},
                       "amount": {"minor": 100, "currency": "CNY"}}],
            "total": {"minor": 100, "currency": "CNY"}}),
    ));
    // The clock moves on: the invoice has waited for its goods for more than 30 days.
    events.push(product("P-B", "chemical", "none", "ambient", false));
    let last = events.len() - 1;
    events[last].occurred_at = "2026-11-15T00:00:00Z".parse().unwrap();
    let f = findings_of(&events);
    rare_sentences_hold(&f);
}

/// The sentences and figures of the findings of `sentences_of_rare_findings_are_exact`.
fn rare_sentences_hold(f: &[Finding]) {
    let sup = english(f, "SUP-LIC");
    assert_eq!(
        sup[0],
        (
            format!("The supplier {SUPPLIER}'s licence is not valid on 2026-10-01."),
            some("valid on 2026-10-01"),
            some("2023-03-01..2026-06-30")
        )
    );
    let cus = english(f, "CUS-LIC");
    assert_eq!(
        cus[0].0,
        "The customer IND is an individual; wholesale trade with individuals is prohibited."
    );
    let channel = english(f, "SPECIAL-CHANNEL");
    let sold = |c: &str, which: &str| {
        format!("Narcotics or class-1 psychotropics sold (XS{c}) to C{c}, which {which}.")
    };
    assert!(channel.contains(&(
        sold(
            "1",
            "held a purchase-seal card valid only until 2026-01-01 (its last valid day)"
        ),
        None,
        None
    )));
    assert!(channel.contains(&(
        sold("2", "is a designated retailer, not allowed to buy them"),
        None,
        None
    )));
    let cc = english(f, "CC-RECEIPT");
    let rejection = some("in-range readings for the whole trip, or rejection");
    assert_eq!(
        cc,
        [
            (
                "Receipt SH1 accepted vaccines although no transport record (vehicle, ship time) for cold-chain goods; it must be rejected.".to_owned(),
                rejection.clone(),
                some("no transport record (vehicle, ship time) for cold-chain goods")
            ),
            (
                "Receipt SH2 accepted vaccines although vehicle V1 is not a temperature-controlled transport; it must be rejected.".to_owned(),
                rejection,
                some("vehicle V1 is not a temperature-controlled transport")
            )
        ]
    );
    let rec = english(f, "REC-DOC");
    assert!(rec.contains(&(
        "Receipt SH3 does not match its documents: P-N not on the order (expected P-N on the order)."
            .to_owned(),
        some("P-N on the order"),
        some("P-N not on the order")
    )), "{rec:?}");
    assert_eq!(
        english(f, "SPECIAL-LOSS"),
        [(
            "The theft of controlled drugs in BS1, discovered 2026-10-01 13:00 (+08:00), was not reported to any authority.".to_owned(),
            some("reported within 24 h"),
            some("not reported")
        )]
    );
    assert_eq!(
        english(f, "ORPHAN"),
        [(
            format!("Invoice FP1 ({SUPPLIER}) has no order or sale reference after 30 days."),
            None,
            None
        )]
    );
}

#[test]
fn late_records_and_malformed_codes_read_exactly() {
    let m = Messages::new(Lang::En);
    // Recorded (no entered_at) 100 hours after it happened.
    let e = product("P-A", "chemical", "none", "ambient", false);
    let mut engine = Engine::new(Config::default());
    let f = engine.push(1, e.occurred_at + chrono::Duration::hours(100), &e);
    assert_eq!(
        (m.message(&f[0]), m.expected(&f[0]), m.actual(&f[0])),
        (
            "The product registration of 2026-09-30 09:30 (+08:00) was recorded in the ledger at 2026-10-04 13:30 (+08:00), 100 hours after it happened (limit 72 hours).".to_owned(),
            some("≤ 72 h"),
            some("100 h")
        )
    );
    // Each reason a code can be malformed, in the words of the code reader.
    let bad = [
        "123",
        "ABC",
        "(99)1",
        "(01)123",
        "(01)06901234567893",
        "(01)06901234567892(17)281340",
        "(21)S1",
        "(01)06901234567892(01)06901234567885",
        "(01)06901234567892(21)S1 ",
    ];
    let mut engine = Engine::new(Config::default());
    for (i, code) in bad.iter().enumerate() {
        let e = receipt(
            "SH1",
            "2026-10-01T03:00:00Z",
            "P-A",
            &[code],
            serde_json::Value::Null,
        );
        let f: Vec<Finding> = engine
            .push(i as u64 + 1, e.occurred_at, &e)
            .into_iter()
            .filter(|f| f.rule == "CODE-FORMAT")
            .collect();
        let err = rxledger_model::codes::parse_code(code).unwrap_err();
        assert_eq!(
            m.message(&f[0]),
            format!("1 malformed traceability code on P-A batch B1, e.g. {code:?}: {err}.")
        );
    }
    // Packs: a malformed pack code, a malformed child, a pack code reused, an unknown pack.
    let parent = "81234560000000011234";
    let agg = |doc: &str, action: &str, parent: &str, children: &[&str]| {
        ev(
            "aggregation",
            "2026-10-02T00:00:00Z",
            serde_json::Value::Null,
            serde_json::json!({"doc": doc, "action": action, "parent": parent, "children": children}),
        )
    };
    let child = "81234560000000021234";
    let events = [
        agg("AG1", "pack", "(99)1", &[child]),
        agg("AG2", "pack", parent, &[child, "ABC"]),
        agg("AG3", "pack", parent, &[child]),
        agg("AG4", "unpack", "81234560000000031234", &[child]),
    ];
    let mut engine = Engine::new(Config::default());
    let mut texts = Vec::new();
    for (i, e) in events.iter().enumerate() {
        for f in engine.push(i as u64 + 1, e.occurred_at, e) {
            texts.push(format!("{} {}", f.rule, m.message(&f)));
        }
    }
    let err = rxledger_model::codes::parse_code("(99)1").unwrap_err();
    assert_eq!(
        texts,
        [
            format!("CODE-FORMAT Aggregation AG1: malformed pack code \"(99)1\": {err}."),
            "CODE-FORMAT Aggregation AG2: 1 malformed code(s), e.g. \"ABC\".".to_owned(),
            format!("CODE-UNKNOWN Aggregation AG3 packs 1 code(s) already in another pack (or reuses pack {parent})."),
            "CODE-UNKNOWN Aggregation AG4 unpacks 81234560000000031234, which is not a known pack.".to_owned(),
        ]
    );
}

/// Sales of the compound-ephedrine product `P-E`: (customer, quantity), in order, each its own
/// sale on one day, after the customers and the product are registered.
fn som_sales(sales: &[(&str, u64)]) -> Vec<Event> {
    let null = serde_json::Value::Null;
    let mut events = vec![party(
        OWNER,
        "wholesaler",
        "self",
        "2028-02-28",
        null.clone(),
    )];
    for c in ["A", "B", "C"] {
        events.push(party(
            c,
            "retail_pharmacy",
            "customer",
            "2028-02-28",
            null.clone(),
        ));
    }
    events.push(product(
        "P-E",
        "chemical",
        "compound_ephedrine",
        "ambient",
        false,
    ));
    for (i, (customer, quantity)) in sales.iter().enumerate() {
        events.push(ev(
            "sale",
            "2026-10-01T02:00:00Z",
            null.clone(),
            serde_json::json!({"doc": format!("XS{i}"), "customer": customer, "channel": "wholesale",
                "lines": [{"product": "P-E", "batch": "B1", "expiry": "2028-08-01", "quantity": quantity,
                           "unit_price": {"minor": 1, "currency": "CNY"}}]}),
        ));
    }
    events
}

#[test]
fn som_compares_an_order_with_the_median_of_other_customers() {
    // B and C order 5 at a time, A 100: each of A's orders is above 10x the median of its
    // peers' averages (5): its first, before it has a history of its own (round 16: a new
    // customer's first order far above everyone else's is the case the peer test is for), and
    // its fifth, whose own average is 100 (not above 3x it).
    let history = |peer: u64| {
        let mut s: Vec<(&str, u64)> = Vec::new();
        for _ in 0..4 {
            s.extend([("B", peer), ("C", peer)]);
        }
        s.extend([("A", 100); 5]);
        s
    };
    let som = english(&findings_of(&som_sales(&history(5))), "SOM");
    let order = |n: u32| {
        (
            format!(
                "Order XS{n} of 100 units of P-E by A is 20.0x the median trailing average of 2 \
                 other customers (5; threshold 10x)."
            ),
            some("≤ 50 (10x peer median 5)"),
            some("100"),
        )
    };
    assert_eq!(som, (8..=12).map(order).collect::<Vec<_>>());
    // Two peers at 40 and 60: their median is 50, so a first order of 501 is above 10x it and
    // one of 500 is not.
    let even = |first: u64| {
        let mut s: Vec<(&str, u64)> = Vec::new();
        for _ in 0..4 {
            s.extend([("B", 40), ("C", 60)]);
        }
        s.push(("A", first));
        english(&findings_of(&som_sales(&s)), "SOM")
    };
    assert_eq!(
        even(501),
        [(
            "Order XS8 of 501 units of P-E by A is 10.02x the median trailing average of 2 other \
             customers (50; threshold 10x)."
                .to_owned(),
            some("≤ 500 (10x peer median 50)"),
            some("501"),
        )]
    );
    assert!(even(500).is_empty());
    // The peers themselves, before they have histories, have no peers with one: quiet.
    // Peers ordering 50 at a time: 100 is within 10x their median.
    assert!(english(&findings_of(&som_sales(&history(50))), "SOM").is_empty());
    // One peer only: no median to compare with.
    let one_peer: Vec<(&str, u64)> = history(5).into_iter().filter(|s| s.0 != "C").collect();
    assert!(english(&findings_of(&som_sales(&one_peer)), "SOM").is_empty());
}

#[test]
fn packing_cases_into_a_pallet_is_not_a_second_packing() {
    let agg = |doc: &str, parent: &str, children: &[&str]| {
        ev(
            "aggregation",
            "2026-10-02T00:00:00Z",
            serde_json::Value::Null,
            serde_json::json!({"doc": doc, "action": "pack", "parent": parent, "children": children}),
        )
    };
    let code = |n: u32| format!("8123456{n:09}1234");
    let (u1, u2, u3, u4) = (code(1), code(2), code(3), code(4));
    let (case1, case2, pallet1, pallet2) = (code(11), code(12), code(21), code(22));
    let events = [
        agg("AG1", &case1, &[&u1, &u2]),
        agg("AG2", &case2, &[&u3, &u4]),
        // Cases into a pallet: their units are in the cases, which is what a pallet holds.
        agg("AG3", &pallet1, &[&case1, &case2]),
        // A case already on a pallet, packed onto another: its two units are packed twice.
        agg("AG4", &pallet2, &[&case1]),
        // A unit already in a case, packed into another case.
        agg("AG5", &code(13), &[&u3]),
    ];
    let m = Messages::new(Lang::En);
    let got: Vec<String> = findings_of(&events)
        .iter()
        .filter(|f| f.rule == "CODE-UNKNOWN")
        .map(|f| m.message(f))
        .collect();
    assert_eq!(
        got,
        [
            format!("Aggregation AG4 packs 2 code(s) already in another pack (or reuses pack {pallet2})."),
            format!("Aggregation AG5 packs 1 code(s) already in another pack (or reuses pack {}).", code(13)),
        ]
    );
}

/// A product must be registered (首营品种, a `product_registered`) before a purchase, receipt or
/// wholesale sale names it: one `SUP-LIC` or `CUS-LIC` per record naming an unregistered product,
/// none once it is registered, and none for a retail sale (not qualified).
#[test]
fn an_unregistered_product_is_a_qualification_finding() {
    let null = serde_json::Value::Null;
    let price = serde_json::json!({"minor": 1, "currency": "CNY"});
    let purchase = |doc: &str, at: &str| {
        ev(
            "purchase",
            at,
            serde_json::Value::Null,
            serde_json::json!({"doc": doc, "supplier": SUPPLIER,
                "lines": [{"product": "P-X", "quantity": 5, "unit_price": price},
                          {"product": "P-A", "quantity": 5, "unit_price": price}]}),
        )
    };
    let sale = |doc: &str, at: &str, channel: &str| {
        ev(
            "sale",
            at,
            serde_json::Value::Null,
            serde_json::json!({"doc": doc, "customer": "C1", "channel": channel,
                "lines": [{"product": "P-X", "batch": "B1", "expiry": "2028-08-01",
                           "quantity": 1, "unit_price": price}]}),
        )
    };
    let mut events = vec![
        party(OWNER, "wholesaler", "self", "2028-02-28", null.clone()),
        party(
            SUPPLIER,
            "manufacturer",
            "supplier",
            "2028-02-28",
            null.clone(),
        ),
        party(
            "C1",
            "medical_institution",
            "customer",
            "2028-02-28",
            null.clone(),
        ),
        product("P-A", "chemical", "none", "ambient", false),
        purchase("CG1", "2026-10-01T00:00:00Z"),
        receipt("SH1", "2026-10-01T03:00:00Z", "P-X", &[], null.clone()),
        sale("XS1", "2026-10-01T04:00:00Z", "wholesale"),
        sale("XS2", "2026-10-01T04:10:00Z", "retail"),
        product("P-X", "chemical", "none", "ambient", false),
        purchase("CG2", "2026-10-02T00:00:00Z"),
        sale("XS3", "2026-10-02T04:00:00Z", "wholesale"),
    ];
    let last = events.len();
    events[last - 3].occurred_at = "2026-10-01T05:00:00Z".parse().unwrap();
    let f = findings_of(&events);
    let of = |rule: &str| -> Vec<(u64, Option<String>)> {
        f.iter()
            .filter(|x| x.rule == rule)
            .map(|x| (x.seq, x.product.as_ref().map(ToString::to_string)))
            .collect()
    };
    assert_eq!(of("SUP-LIC"), [(5, some("P-X")), (6, some("P-X"))]);
    assert_eq!(of("CUS-LIC"), [(7, some("P-X"))]);
    assert_eq!(
        english(&f, "SUP-LIC")[0].0,
        format!("Product P-X bought from {SUPPLIER} is not registered: no first-time product file (首营品种, a product_registered event) before this record.")
    );
    assert_eq!(
        english(&f, "CUS-LIC")[0].0,
        "Product P-X sold to C1 is not registered: no product file (a product_registered event) before this sale."
    );
}

/// The owner, customer `C1` and product `P-A`; sale `XS1` of 10 at 10.00 CNY on 2026-10-`day`,
/// dispatched the next day and invoiced (`FP1`, 100.00 CNY) the day after.
fn sold_to_c1(day: u32) -> Vec<Event> {
    let null = serde_json::Value::Null;
    let cny = |minor: i64| serde_json::json!({"minor": minor, "currency": "CNY"});
    let refs = serde_json::json!({"sale": "XS1"});
    let at = |d: u32| format!("2026-10-{d:02}T02:00:00Z");
    vec![
        party(OWNER, "wholesaler", "self", "2028-02-28", null.clone()),
        party(
            "C1",
            "medical_institution",
            "customer",
            "2028-02-28",
            null.clone(),
        ),
        product("P-A", "chemical", "none", "ambient", false),
        ev(
            "sale",
            &at(day),
            null,
            serde_json::json!({"doc": "XS1", "customer": "C1", "channel": "wholesale",
                "lines": [{"product": "P-A", "batch": "B1", "expiry": "2028-08-01",
                           "quantity": 10, "unit_price": cny(1000)}]}),
        ),
        ev(
            "dispatch",
            &at(day + 1),
            refs.clone(),
            serde_json::json!({"doc": "PS1", "customer": "C1", "consignee": "药剂科",
                "address": "杭州", "lines": [{"product": "P-A", "batch": "B1",
                "quantity": 10, "from": "WH-A"}]}),
        ),
        ev(
            "invoice",
            &at(day + 2),
            refs,
            serde_json::json!({"doc": "FP1", "direction": "sale", "issuer": OWNER, "buyer": "C1",
                "issued_on": format!("2026-10-{:02}", day + 2),
                "lines": [{"product": "P-A", "quantity": 10, "unit_price": cny(1000),
                           "amount": cny(10_000)}],
                "total": cny(10_000)}),
        ),
    ]
}

/// A price reduction (折让): a credit note whose line has quantity 0 and unit price 0 lowers the
/// invoice's total by its amount and credits no quantity, so the goods stay invoiced (no
/// `UNINVOICED`) and the net payment settles the invoice (no `UNPAID`, no `TTGK-S`).
#[test]
fn a_price_reduction_credit_note_lowers_the_total_and_no_quantity() {
    let null = serde_json::Value::Null;
    let cny = |minor: i64| serde_json::json!({"minor": minor, "currency": "CNY"});
    let refs = serde_json::json!({"sale": "XS1"});
    let mut events = sold_to_c1(1);
    events.extend([
        ev(
            "invoice",
            "2026-10-05T02:00:00Z",
            refs.clone(),
            serde_json::json!({"doc": "FP1-H", "direction": "sale", "issuer": OWNER,
                "buyer": "C1", "issued_on": "2026-10-05", "credit_for": "FP1",
                "lines": [{"product": "P-A", "quantity": 0, "unit_price": cny(0),
                           "amount": cny(500)}],
                "total": cny(500)}),
        ),
        ev(
            "payment",
            "2026-10-20T02:00:00Z",
            null.clone(),
            serde_json::json!({"doc": "SK1", "direction": "incoming", "payer": "C1",
                "payee": OWNER, "payer_account": "1", "payee_account": "1",
                "amount": cny(9_500), "method": "bank_transfer", "invoices": ["FP1"]}),
        ),
        // The clock passes the invoicing and payment deadlines.
        ev(
            "product_registered",
            "2027-01-15T00:00:00Z",
            null.clone(),
            serde_json::json!({"product": "P-B", "generic_name": "x", "form": "x", "spec": "x",
                "manufacturer": "x", "approval_number": "x", "category": "chemical",
                "control": "none", "storage": "ambient", "rx": true, "vaccine": false,
                "unit": "盒"}),
        ),
    ]);
    let f = findings_of(&events);
    let documents: Vec<String> = f
        .iter()
        .filter(|x| ["UNPAID", "UNINVOICED", "TTGK-S", "ORPHAN"].contains(&x.rule.code()))
        .map(|x| format!("{} {}", x.rule.code(), x.seq))
        .collect();
    assert!(documents.is_empty(), "{documents:?}");
    // Without the reduction, the net payment leaves the invoice unpaid.
    let mut unreduced = events.clone();
    unreduced.remove(6);
    let f = findings_of(&unreduced);
    assert!(f.iter().any(|x| x.rule.code() == "UNPAID"), "{f:?}");
}

/// A credit note keeps the invoice it credits until the return window after the credit note's
/// own payment deadline: the refund of a rebate booked late in the invoice's memory finds them;
/// a refund after that is an `ORPHAN`.
#[test]
fn a_late_credit_note_keeps_its_invoice_for_its_refund() {
    let null = serde_json::Value::Null;
    let cny = |minor: i64| serde_json::json!({"minor": minor, "currency": "CNY"});
    let refs = serde_json::json!({"sale": "XS1"});
    let pay = |doc: &str, at: &str, payer: &str, payee: &str, minor: i64, invoice: &str| {
        let direction = if payer == OWNER {
            "outgoing"
        } else {
            "incoming"
        };
        ev(
            "payment",
            at,
            serde_json::Value::Null,
            serde_json::json!({"doc": doc, "direction": direction, "payer": payer,
                "payee": payee, "payer_account": "1", "payee_account": "1",
                "amount": cny(minor), "method": "bank_transfer", "invoices": [invoice]}),
        )
    };
    let ledger = |refund_at: &str, end: &str| -> Vec<Event> {
        let mut events = sold_to_c1(5);
        events.extend([
            pay("SK1", "2026-10-20T02:00:00Z", "C1", OWNER, 10_000, "FP1"),
            // A year-end rebate, five days before the invoice would be forgotten (its payment
            // deadline 6 December, then 180 days).
            ev(
                "invoice",
                "2027-05-30T02:00:00Z",
                refs.clone(),
                serde_json::json!({"doc": "FP1-H", "direction": "sale", "issuer": OWNER,
                    "buyer": "C1", "issued_on": "2027-05-30", "credit_for": "FP1",
                    "lines": [{"product": "P-A", "quantity": 0, "unit_price": cny(0),
                               "amount": cny(500)}],
                    "total": cny(500)}),
            ),
            pay("FK1", refund_at, OWNER, "C1", 500, "FP1-H"),
            // The clock passes the refund's ORPHAN deadline.
            ev(
                "product_registered",
                end,
                null.clone(),
                serde_json::json!({"product": "P-B", "generic_name": "x", "form": "x",
                    "spec": "x", "manufacturer": "x", "approval_number": "x",
                    "category": "chemical", "control": "none", "storage": "ambient",
                    "rx": true, "vaccine": false, "unit": "盒"}),
            ),
        ]);
        events
    };
    let orphans = |events: &[Event]| -> Vec<u64> {
        findings_of(events)
            .iter()
            .filter(|f| f.rule.code() == "ORPHAN")
            .map(|f| f.seq)
            .collect()
    };
    // Refunded ten days after the rebate, after the invoice's own 180 days.
    let in_time = ledger("2027-06-09T02:00:00Z", "2027-10-15T00:00:00Z");
    assert_eq!(orphans(&in_time), Vec::<u64>::new());
    // Refunded after the rebate's payment deadline (29 July) and 180 days.
    let late = ledger("2028-01-30T02:00:00Z", "2028-03-15T00:00:00Z");
    assert_eq!(orphans(&late), vec![9]);
}

/// A receipt's codes cover its accepted units, and may cover the rejected ones too (scanned on
/// arrival, round 18): 24 units arrived, 22 accepted, 24 codes is lawful; 21 codes is short.
#[test]
fn a_receipt_may_scan_its_rejected_units_too() {
    let codes: Vec<String> = (0..24).map(|i| format!("8123456{i:09}1234")).collect();
    let receipt = |n: usize| {
        let mut e = receipt(
            "SH1",
            "2026-10-02T01:00:00Z",
            "P-M",
            &codes.iter().take(n).map(String::as_str).collect::<Vec<_>>(),
            serde_json::Value::Null,
        );
        if let rxledger_model::EventBody::Receipt(r) = &mut e.body {
            let l = &mut r.lines[0];
            (l.arrived, l.accepted, l.rejected) = (24, 22, 2);
            l.reject_reason = Some("外包装破损".into());
        }
        e
    };
    let chain = |n: usize| {
        let events = [
            product("P-M", "chemical", "narcotic", "ambient", false),
            receipt(n),
        ];
        english(&findings_of(&events), "SPECIAL-CHAIN")
    };
    assert!(chain(24).is_empty(), "{:?}", chain(24));
    assert!(chain(22).is_empty());
    let short = chain(21);
    assert_eq!(short.len(), 1, "{short:?}");
    assert!(
        short[0]
            .0
            .contains("came in at RCV with codes for 21 distinct units"),
        "{short:?}"
    );
}

/// A unit of an ordinary drug a customer brought back without its code (lawful: codes are not
/// required of ordinary drugs) and that later leaves again with its code is that returned unit,
/// not a cloned code: as many units of the batch as came back unscanned are taken for it
/// (round 16's O5). A third unit moving again is still `CODE-DUP`.
#[test]
fn a_unit_returned_without_its_code_is_not_a_clone_when_it_leaves_again() {
    let code = |n: u32| format!("8123456{n:09}1234");
    let out = |doc: &str, at: &str, codes: &[String]| {
        ev(
            "dispatch",
            at,
            serde_json::json!({"sale": "XS1"}),
            serde_json::json!({"doc": doc, "customer": "C", "consignee": "c", "address": "a",
                "lines": [{"product": "P-O", "batch": "B1", "quantity": codes.len(),
                           "from": "RCV", "codes": codes}]}),
        )
    };
    let back = ev(
        "customer_return",
        "2026-10-04T01:00:00Z",
        serde_json::json!({"sale": "XS1"}),
        serde_json::json!({"doc": "TH1", "customer": "C", "reason": "滞销",
            "lines": [{"product": "P-O", "batch": "B1", "quantity": 1, "to": "RCV"}]}),
    );
    let codes: Vec<String> = (1..=3).map(code).collect();
    let events = [
        product("P-O", "chemical", "none", "ambient", false),
        receipt(
            "SH1",
            "2026-10-02T01:00:00Z",
            "P-O",
            &codes.iter().map(String::as_str).collect::<Vec<_>>(),
            serde_json::Value::Null,
        ),
        out("PS1", "2026-10-03T01:00:00Z", &codes),
        back,
        out("PS2", "2026-10-05T01:00:00Z", &codes[..1]),
        out("PS3", "2026-10-06T01:00:00Z", &codes[1..2]),
    ];
    let dup: Vec<u64> = findings_of(&events)
        .iter()
        .filter(|f| f.rule == "CODE-DUP")
        .map(|f| f.seq)
        .collect();
    assert_eq!(dup, [6]);
}

/// The units of a batch returned uncoded stand for codes that had left before the return, which
/// are all forgotten a return window after it: so is the count. A unit that left after the
/// return and moves again past that day is a clone (`CODE-DUP`), not one of the returned units.
#[test]
fn units_returned_uncoded_are_forgotten_a_return_window_after_the_return() {
    let code = |n: u32| format!("8123456{n:09}1234");
    let out = |doc: &str, at: &str, codes: &[String]| {
        ev(
            "dispatch",
            at,
            serde_json::json!({"sale": "XS1"}),
            serde_json::json!({"doc": doc, "customer": "C", "consignee": "c", "address": "a",
                "lines": [{"product": "P-O", "batch": "B1", "quantity": codes.len(),
                           "from": "RCV", "codes": codes}]}),
        )
    };
    let back = ev(
        "customer_return",
        "2026-10-03T01:00:00Z",
        serde_json::json!({"sale": "XS1"}),
        serde_json::json!({"doc": "TH1", "customer": "C", "reason": "滞销",
            "lines": [{"product": "P-O", "batch": "B1", "quantity": 1, "to": "RCV"}]}),
    );
    let codes: Vec<String> = (1..=3).map(code).collect();
    let events = |again: &str| {
        vec![
            product("P-O", "chemical", "none", "ambient", false),
            receipt(
                "SH1",
                "2026-10-01T01:00:00Z",
                "P-O",
                &codes.iter().map(String::as_str).collect::<Vec<_>>(),
                serde_json::Value::Null,
            ),
            out("PS1", "2026-10-02T01:00:00Z", &codes[..2]),
            back.clone(),
            out("PS2", "2026-10-06T01:00:00Z", &codes[2..]),
            // Unit 3 again: it left after the return, so it is not one of the returned units.
            out("PS3", again, &codes[2..]),
        ]
    };
    let mut cfg = Config::default();
    cfg.thresholds.return_window_days = 5;
    let dup = |again: &str| -> Vec<u64> {
        run(&events(again), cfg.clone())
            .iter()
            .filter(|f| f.rule == "CODE-DUP")
            .map(|f| f.seq)
            .collect()
    };
    // Within the window of the return, the count takes it (the trade-off documented in rules.md).
    assert_eq!(dup("2026-10-07T01:00:00Z"), Vec::<u64>::new());
    // Past it (the return's day + 5 days), a clone, whatever the day of the week.
    for day in 9..=11 {
        assert_eq!(dup(&format!("2026-10-{day:02}T01:00:00Z")), [6], "10-{day}");
    }
}
