//! The HTML inspection report: a well-formed, self-contained document with the expected sections;
//! every temperature excursion in the data is shaded in its chart; custody chains cross ledgers;
//! the last checkpoint is shown and checked.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use quick_xml::events::Event as Xml;
use rxledger::html::{build, Options};
use rxledger::model::{Event, EventBody, TempRange};

const COLD: &str = "samples/scenarios/cold-chain.jsonl";

fn path(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// Element names with their attributes, in document order; panics unless the document is
/// well-formed XML (the report is written as polyglot HTML so that tools can parse it).
fn elements(html: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut reader = quick_xml::Reader::from_str(html);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Xml::Eof) => break,
            Ok(Xml::Start(e) | Xml::Empty(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("well-formed attribute");
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            a.unescape_value().expect("escaped value").into_owned(),
                        )
                    })
                    .collect();
                out.push((name, attrs));
            }
            Ok(_) => {}
            Err(e) => panic!("not well-formed at byte {}: {e}", reader.buffer_position()),
        }
    }
    out
}

/// Runs of consecutive out-of-range readings per zone, computed from the raw events (not by the
/// engine): (zone, first reading out, last reading out).
fn raw_excursions(ledger: &Path) -> Vec<(String, DateTime<Utc>, DateTime<Utc>)> {
    let mut ranges: BTreeMap<String, TempRange> = BTreeMap::new();
    let mut open: BTreeMap<String, (DateTime<Utc>, DateTime<Utc>)> = BTreeMap::new();
    let mut runs = Vec::new();
    rxledger::store::scan_path(
        ledger,
        None,
        |_| {},
        |rec| {
            let e = Event::from_json(std::str::from_utf8(rec.payload).unwrap()).unwrap();
            match &e.body {
                EventBody::ZoneRegistered(z) => {
                    ranges.insert(z.zone.to_string(), z.range());
                }
                EventBody::TemperatureReading(t) => {
                    if let Some(zone) = &t.zone {
                        let range = ranges[zone.as_str()];
                        for r in &t.readings {
                            if r.celsius < range.min_c || r.celsius > range.max_c {
                                open.entry(zone.to_string()).or_insert((r.at, r.at)).1 = r.at;
                            } else if let Some((a, b)) = open.remove(zone.as_str()) {
                                runs.push((zone.to_string(), a, b));
                            }
                        }
                    }
                }
                _ => {}
            }
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    runs.extend(open.into_iter().map(|(z, (a, b))| (z, a, b)));
    runs
}

#[test]
fn the_report_is_well_formed_self_contained_and_complete() {
    let report = build(&[path(COLD)], &Options::default()).unwrap();
    let html = report.to_html();
    let els = elements(&html);
    let count = |name: &str| els.iter().filter(|(n, _)| n == name).count();
    let with = |name: &str, attr: &str, value: &str| {
        els.iter()
            .filter(|(n, a)| n == name && a.get(attr).is_some_and(|v| v == value))
            .count()
    };
    // Sections: overview, the ledger, custody chains.
    assert_eq!(with("section", "id", "overview"), 1);
    assert_eq!(with("section", "id", "ledger-0"), 1);
    assert_eq!(with("section", "id", "custody"), 1);
    // A chart for every zone and vehicle with an excursion or gap (with a close-up per
    // problem), every other one a row of the table of quiet ones: each is named.
    let part = &report.ledgers[0];
    assert!(part.series.len() >= 4, "{}", part.series.len());
    let charted = with("div", "class", "series");
    assert!((1..=part.series.len()).contains(&charted), "{charted}");
    assert_eq!(count("svg"), charted + count("figure"));
    for s in &part.series {
        assert!(
            html.contains(&rxledger::report::xml_escape(&s.name)),
            "{}",
            s.name
        );
    }
    // Findings: one group per rule, every finding listed (the scenario has fewer than the cap).
    let rules: std::collections::BTreeSet<&str> =
        part.check.findings.iter().map(|f| f.rule.code()).collect();
    assert_eq!(with("details", "class", "rule"), rules.len());
    assert_eq!(with("details", "class", "chain"), report.custody.len());
    // Rendered as the report renders them: in English, names beside ids.
    let en = report.messages();
    assert_eq!(en.lang(), rxledger::report::messages::Lang::En);
    for f in &part.check.findings {
        assert!(
            html.contains(&rxledger::report::xml_escape(&en.message(f))),
            "{}",
            en.message(f)
        );
    }
    // Self-contained: nothing loaded from elsewhere, no scripts.
    for (name, attrs) in &els {
        assert!(name != "script" && name != "link" && name != "img" && name != "iframe");
        assert!(!attrs.contains_key("src"), "{name} {attrs:?}");
        if let Some(href) = attrs.get("href") {
            assert!(href.starts_with('#'), "external link {href}");
        }
    }
    assert!(!html.contains("url("), "no external CSS resources");
    // Element ids are unique (vehicle plates differ only in Chinese characters).
    let ids: Vec<&String> = els.iter().filter_map(|(_, a)| a.get("id")).collect();
    let unique: std::collections::BTreeSet<&&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    // Small: a month of readings in 68 charts.
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
}

#[test]
fn every_excursion_in_the_data_is_shaded_in_its_chart() {
    let ledger = path(COLD);
    let report = build(std::slice::from_ref(&ledger), &Options::default()).unwrap();
    let html = report.to_html();
    let els = elements(&html);
    // The charts in document order: the rects that follow a chart's <div> belong to it.
    let mut chart = String::new();
    let mut shaded: Vec<(String, DateTime<Utc>, DateTime<Utc>, u64)> = Vec::new();
    for (name, a) in &els {
        if name == "div" && a.get("class").is_some_and(|c| c == "series") {
            chart.clone_from(&a["id"]);
        }
        if name == "rect" && a.get("class").is_some_and(|c| c == "exc") {
            let t = |k: &str| DateTime::parse_from_rfc3339(&a[k]).unwrap().to_utc();
            shaded.push((
                chart.clone(),
                t("data-from"),
                t("data-to"),
                a["data-seq"].parse().unwrap(),
            ));
        }
    }
    let runs = raw_excursions(&ledger);
    assert!(runs.len() >= 10, "the scenario plants excursions: {runs:?}");
    assert!(
        runs.iter()
            .any(|(z, a, b)| z == "CR-1" && (*b - *a).num_minutes() >= 44),
        "a 45-minute excursion in the 2–8 °C refrigerator"
    );
    for (zone, from, to) in &runs {
        let id = format!("chart-0-zone-{zone}");
        assert!(
            shaded
                .iter()
                .any(|(c, a, b, _)| *c == id && a == from && b >= to),
            "excursion in {zone} from {from} to {to} is not shaded in {id}"
        );
    }
    // And every TEMP-RANGE finding (zones and vehicles) has its shaded rect, by seq.
    let findings = &report.ledgers[0].check.findings;
    let excursions: Vec<_> = findings.iter().filter(|f| f.rule == "TEMP-RANGE").collect();
    assert!(!excursions.is_empty());
    for f in excursions {
        let iv = f.interval.unwrap();
        assert!(
            shaded
                .iter()
                .any(|(_, a, b, s)| *s == f.seq && *a == iv.from && *b == iv.to),
            "{f:?}"
        );
    }
    // Gaps are marked too (in the whole chart and in their close-up).
    let gaps = findings.iter().filter(|f| f.rule == "TEMP-GAP").count();
    let marked: std::collections::BTreeSet<&str> = els
        .iter()
        .filter(|(n, a)| n == "rect" && a.get("class").is_some_and(|c| c == "gap"))
        .map(|(_, a)| a["data-seq"].as_str())
        .collect();
    assert_eq!(marked.len(), gaps);
}

#[test]
fn custody_chains_cross_ledgers_and_breaks_are_shown() {
    let a = path("samples/scenarios/pair-a.jsonl");
    let ok = build(
        &[a.clone(), path("samples/scenarios/pair-b.jsonl")],
        &Options::default(),
    )
    .unwrap();
    assert!(!ok.custody.is_empty());
    // Some chain has steps in both ledgers.
    assert!(ok.custody.iter().any(|(_, c)| {
        let holders: std::collections::BTreeSet<_> = c.steps.iter().map(|s| &s.holder).collect();
        holders.len() >= 2
    }));
    let missing = build(
        &[a.clone(), path("samples/scenarios/pair-b-missing.jsonl")],
        &Options::default(),
    )
    .unwrap();
    let broken = missing
        .custody
        .iter()
        .filter(|(_, c)| !c.breaks.is_empty())
        .count();
    let broken_ok = ok
        .custody
        .iter()
        .filter(|(_, c)| !c.breaks.is_empty())
        .count();
    assert!(
        broken > broken_ok,
        "a receipt missing in B breaks a chain ({broken} vs {broken_ok})"
    );
    // Gathered in the report's single pass, the chains are those `trace` finds on its own.
    let paths = [a.clone(), path("samples/scenarios/pair-b-missing.jsonl")];
    for (target, chain) in &missing.custody {
        let alone = rxledger::trace::trace(target, &paths).unwrap();
        assert_eq!(alone.breaks, chain.breaks, "{target:?}");
        let seqs = |c: &rxledger::trace::Chain| {
            c.steps
                .iter()
                .map(|s| (s.ledger.clone(), s.seq, s.quantity))
                .collect::<Vec<_>>()
        };
        assert_eq!(seqs(&alone), seqs(chain), "{target:?}");
    }
    let html = missing.to_html();
    assert!(html.contains("never received there"));
    // Long chains are cut at the option's limit, with a pointer to `trace`.
    let longest = ok.custody.iter().map(|(_, c)| c.steps.len()).max().unwrap();
    assert!(longest > 3);
    let short = Options {
        max_steps_per_chain: 3,
        ..Options::default()
    };
    let cut = build(&[a.clone(), path("samples/scenarios/pair-b.jsonl")], &short)
        .unwrap()
        .to_html();
    assert!(cut.contains(&format!("… and {} more steps", longest - 3)));
    // Cross-ledger findings are in the report too.
    assert!(html.contains("CROSS-MISSING"));
}

#[test]
fn the_last_checkpoint_is_shown_and_checked() {
    use rxledger::store::{FileStore, Store};
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("L");
    FileStore::init(&ledger).unwrap();
    let events = std::fs::read(path("samples/month/events.jsonl")).unwrap();
    let payloads = rxledger::ingest::read_events("events.jsonl", &events[..]).unwrap();
    {
        let mut store = FileStore::open(&ledger).unwrap();
        rxledger::ingest::append_batches(&mut store, &payloads[..1000], 500, |_| {}).unwrap();
        let _ = store.head();
    }
    let (private, _) = rxledger::checkpoint::generate_key("test").unwrap();
    let key = rxledger::checkpoint::SignerKey::parse(&private).unwrap();
    rxledger::proofs::checkpoint(&ledger, &key).unwrap();
    {
        let mut store = FileStore::open(&ledger).unwrap();
        rxledger::ingest::append_batches(&mut store, &payloads[1000..1500], 500, |_| {}).unwrap();
    }
    let report = build(std::slice::from_ref(&ledger), &Options::default()).unwrap();
    let cp = report.ledgers[0].checkpoint.as_ref().expect("a checkpoint");
    assert_eq!(cp.size, 1000);
    assert_eq!(cp.extends, Ok(1500));
    assert!(report.to_html().contains("extended"));

    // A forged history entry (another ledger's root) is reported as not extended.
    let hist = rxledger::store::history::CheckpointHistory::of(&ledger);
    let other = tempfile::tempdir().unwrap();
    let other_ledger = other.path().join("O");
    FileStore::init(&other_ledger).unwrap();
    {
        let mut store = FileStore::open(&other_ledger).unwrap();
        rxledger::ingest::append_batches(&mut store, &payloads[1..1001], 500, |_| {}).unwrap();
    }
    rxledger::proofs::checkpoint(&other_ledger, &key).unwrap();
    let forged = rxledger::store::history::CheckpointHistory::of(&other_ledger)
        .last()
        .unwrap()
        .unwrap();
    hist.append(&forged).unwrap();
    let report = build(std::slice::from_ref(&ledger), &Options::default()).unwrap();
    let cp = report.ledgers[0].checkpoint.as_ref().unwrap();
    assert!(cp.extends.is_err(), "{cp:?}");
    assert!(report.to_html().contains("not extended"));
}

#[test]
fn planted_excursions_and_gaps_in_a_long_minute_log_are_all_charted() {
    use rxledger::gen::sensors::{sensor_log, SensorLog};
    use rxledger::store::{FileStore, Store};
    let cfg = SensorLog {
        zones: 3,
        days: 30,
        excursions_per_zone: 5,
        gaps_per_zone: 2,
        ..SensorLog::default()
    };
    let (events, excursions, gaps) = sensor_log(&cfg);
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("L");
    FileStore::init(&ledger).unwrap();
    let payloads: Vec<Vec<u8>> = events.iter().map(Event::to_json_bytes).collect();
    {
        let mut store = FileStore::open(&ledger).unwrap();
        rxledger::ingest::append_batches(&mut store, &payloads, 1000, |_| {}).unwrap();
        let _ = store.head();
    }
    let report = build(std::slice::from_ref(&ledger), &Options::default()).unwrap();
    let findings = &report.ledgers[0].check.findings;
    assert_eq!(
        findings.iter().filter(|f| f.rule == "TEMP-RANGE").count(),
        excursions.len(),
        "{findings:#?}"
    );
    assert_eq!(
        findings.iter().filter(|f| f.rule == "TEMP-GAP").count(),
        gaps.len()
    );
    assert_eq!(
        findings.len(),
        excursions.len() + gaps.len(),
        "{:#?}",
        findings
            .iter()
            .filter(|f| f.rule != "TEMP-RANGE" && f.rule != "TEMP-GAP")
            .collect::<Vec<_>>()
    );
    let html = report.to_html();
    let els = elements(&html);
    let mut chart = String::new();
    let mut rects: Vec<(String, String, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for (name, a) in &els {
        if name == "div" && a.get("class").is_some_and(|c| c == "series") {
            chart.clone_from(&a["id"]);
        }
        if name == "rect" && a.contains_key("data-from") {
            let t = |k: &str| DateTime::parse_from_rfc3339(&a[k]).unwrap().to_utc();
            rects.push((
                chart.clone(),
                a["class"].clone(),
                t("data-from"),
                t("data-to"),
            ));
        }
    }
    for (class, planted) in [("exc", &excursions), ("gap", &gaps)] {
        for p in planted {
            let id = format!("chart-0-zone-{}", p.zone);
            assert!(
                rects
                    .iter()
                    .any(|(c, k, a, b)| *c == id && k == class && *a == p.from && *b >= p.to),
                "{class} {p:?} not drawn"
            );
        }
    }
}

#[test]
fn a_broken_chain_is_shown_as_broken() {
    let report = build(
        &[path("samples/scenarios/chain-broken.jsonl")],
        &Options::default(),
    )
    .unwrap();
    let c = &report.ledgers[0].check;
    let failure = c.verify.failure.as_ref().expect("the scenario is tampered");
    let html = report.to_html();
    assert!(
        html.contains(&format!("broken at seq {}", failure.seq())),
        "chain status missing"
    );
    assert!(html.contains("CHAIN"), "the CHAIN finding is listed");
    elements(&html);
}

/// The words of the report that are no finding's: the line `rxledger report` prints says "1
/// ledger", not "1 ledgers"; a findings table heads its record numbers "records involved" (涉及记录),
/// not "records", which the ledgers table uses for a count; and a unit destroyed or lost reads
/// so in the chosen language.
#[test]
fn the_reports_own_words_count_and_translate() {
    use rxledger::report::Lang;
    let one = build(
        &[path("samples/scenarios/documents.jsonl")],
        &Options::default(),
    )
    .unwrap();
    let line = one.written(Path::new("r.html"), 1);
    assert!(line.contains(": 1 ledger, 33 findings, "), "{line}");
    assert!(one.to_html().contains("records involved"));
    let zh = build(
        &[path("samples/scenarios/special-control.jsonl")],
        &Options {
            lang: Lang::Zh,
            ..Options::default()
        },
    )
    .unwrap();
    let html = zh.to_html();
    assert!(html.contains("涉及记录"));
    assert!(html.contains("→ 销毁") && html.contains("→ 丢失"));
    assert!(!html.contains("→ destroyed") && !html.contains("→ lost"));
}
