//! Both languages, every message: the Chinese catalogue has every message, variable and variant
//! of the English one; every finding and open item of the bundled ledgers (every rule fires in
//! one of them) renders in both languages with nothing missing, no placeholder left, no Rust
//! type name, no instant without its offset, and no English word in the Chinese text apart from
//! codes, ids and the data the facts carry.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rxledger_reconcile::check::{check_path, check_store, CheckReport};
use rxledger_reconcile::cross::check_ledgers;
use rxledger_reconcile::{Config, Fact, Msg, Rule, RULES};
use rxledger_report::messages::{sources, Lang, Messages};
use rxledger_store::{MemStore, Store};

/// One message of a catalogue: its variables, the variant keys of its selectors, and the
/// messages it references.
#[derive(Default, Debug, PartialEq)]
struct Entry {
    vars: BTreeSet<String>,
    keys: BTreeSet<String>,
    refs: BTreeSet<String>,
}

/// The identifiers that follow `prefix` in `text`.
fn idents_after(text: &str, prefix: &str) -> Vec<String> {
    text.match_indices(prefix)
        .map(|(i, _)| {
            text[i + prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect::<String>()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The messages of a catalogue (all its files), by id.
fn catalogue(lang: Lang) -> BTreeMap<String, Entry> {
    let mut out: BTreeMap<String, Entry> = BTreeMap::new();
    for (_, text) in sources(lang) {
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let body = if line.starts_with(' ') {
                line
            } else {
                let (id, rest) = line.split_once(" = ").expect("id = value");
                current = Some(id.to_owned());
                out.entry(id.to_owned()).or_default();
                rest
            };
            let e = out.get_mut(current.as_ref().unwrap()).unwrap();
            e.vars.extend(
                idents_after(body, "$")
                    .into_iter()
                    .map(|v| v.trim_end_matches('-').to_owned()),
            );
            e.keys.extend(idents_after(body, "["));
            e.refs.extend(
                idents_after(body, "{ ")
                    .into_iter()
                    .filter(|r| r.starts_with(|c: char| c.is_ascii_lowercase())),
            );
        }
    }
    out
}

#[test]
fn the_chinese_catalogue_has_every_english_message() {
    let (en, zh) = (catalogue(Lang::En), catalogue(Lang::Zh));
    assert!(en.len() > 200, "{}", en.len());
    for (id, e) in &en {
        let z = zh
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not in the Chinese catalogue"));
        assert_eq!(e.vars, z.vars, "{id}: variables differ");
        assert_eq!(e.keys, z.keys, "{id}: selector variants differ");
        assert_eq!(e.refs, z.refs, "{id}: referenced messages differ");
    }
    // The only messages of zh alone are the rules' titles, sources and records (English ones
    // are the catalogue's), the terms (`-gsp`: a law's name) their sources share, and the
    // command line's help and parser errors (English ones are the doc comments and clap's).
    for id in zh.keys().filter(|id| !en.contains_key(*id)) {
        assert!(
            ["rule-", "-", "help-", "clap-"]
                .iter()
                .any(|p| id.starts_with(p)),
            "{id} is only in the Chinese catalogue"
        );
    }
    let zm = Messages::new(Lang::Zh);
    for info in RULES {
        let title = zm.rule_title(info);
        assert_ne!(title, info.title, "{} has no Chinese title", info.code);
        assert!(!has_english(&title), "{}: {title}", info.code);
    }
}

/// Every message, each variant of each of its selectors in turn, numbers for the other facts:
/// both languages render it completely; the Chinese one without English words.
#[test]
fn every_message_and_variant_renders_in_both_languages() {
    let en = catalogue(Lang::En);
    let all = |id: &str| -> Entry {
        let mut acc = Entry::default();
        let mut todo = vec![id.to_owned()];
        let mut seen = BTreeSet::new();
        while let Some(i) = todo.pop() {
            if !seen.insert(i.clone()) {
                continue;
            }
            let e = &en[&i];
            acc.vars.extend(e.vars.iter().cloned());
            acc.keys.extend(e.keys.iter().cloned());
            todo.extend(e.refs.iter().cloned());
        }
        acc
    };
    let mut rendered = 0;
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for id in en.keys() {
            let e = all(id);
            // One rendering per variant key (set on every variable: the selector that knows it
            // picks it, the others fall back to their default), plus one with numbers only.
            let keys = e.keys.iter().filter(|k| *k != "other").map(Some);
            for key in keys.chain([None]) {
                let mut msg = Msg {
                    id: id.clone().into(),
                    args: rxledger_reconcile::Facts::new(),
                };
                for v in &e.vars {
                    let fact = key.map_or(Fact::Int(7), |k| Fact::Term(k.clone()));
                    msg.args.insert(v.clone(), fact);
                }
                let text = m.render(&msg);
                // The key stands in for every fact: it is data where it is not a selector.
                let data: Vec<String> = key.cloned().into_iter().collect();
                assert_readable(lang, &text, &format!("{id} [{key:?}]"), &data);
                rendered += 1;
            }
        }
    }
    assert!(rendered > 500, "{rendered}");
}

/// Whether `text` holds an English word: a run of letters with a lower-case one, not part of an
/// id, code, field path or number (`refs.order`, `CR-1`, `91330100MA27X8K3Q1`, `GS1`, `°C`).
fn has_english(text: &str) -> bool {
    english_words(text).next().is_some()
}

fn english_words(text: &str) -> impl Iterator<Item = &str> {
    // Text in backticks is code: a field (`id`), a command (`rxledger init`).
    text.split('`').step_by(2).flat_map(|part| {
        part.split(|c: char| {
            !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-' || c == '/')
        })
        .filter(|t| {
            let option = t.starts_with("--");
            let t = t.trim_matches(|c| c == '.' || c == '-');
            // `--format json` is a command-line option and its argument, not words.
            !option
                && t != "json"
                && t.chars().filter(char::is_ascii_alphabetic).count() >= 2
                && t.chars().any(|c| c.is_ascii_lowercase())
                && !t.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '.' || c == '/')
        })
    })
}

/// What every human message must be: rendered (not the fallback of a missing message or fact),
/// no placeholder left, no Rust type name, every instant in local time with its offset, and in
/// Chinese no English word outside the data (`data`: the text facts, removed before looking).
fn assert_readable(lang: Lang, text: &str, what: &str, data: &[String]) {
    assert!(!text.is_empty(), "{what}: empty");
    assert!(!text.contains("UTC"), "{what}: {text}");
    let mut rest = text.to_owned();
    for d in data.iter().filter(|d| !d.is_empty()) {
        rest = rest.replace(d.as_str(), " ");
    }
    assert!(!rest.contains('{') && !rest.contains('}'), "{what}: {text}");
    // Product names written as their makers write them are not type names.
    const NAMES: [&str; 1] = ["PostgreSQL"];
    for token in rest
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !NAMES.contains(t))
    {
        let camel = token
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
        let capital_then_digit = token.starts_with(|c: char| c.is_ascii_uppercase())
            && token.chars().skip(1).any(|c| c.is_ascii_lowercase())
            && token.ends_with(|c: char| c.is_ascii_digit());
        assert!(
            !camel && !capital_then_digit,
            "{what}: type name {token:?} in {text}"
        );
    }
    instants_have_offsets(text, what);
    if lang == Lang::Zh {
        let words: Vec<&str> = english_words(&rest).collect();
        assert!(words.is_empty(), "{what}: English {words:?} in {text}");
    }
}

/// Every `YYYY-MM-DD HH:MM` in `text` is followed by ` (+08:00)`, or by its seconds (with a
/// fraction) and then ` (+08:00)`.
fn instants_have_offsets(text: &str, what: &str) {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    for i in 0..b.len() {
        let instant = digits(i..i + 4)
            && b.get(i + 4) == Some(&b'-')
            && digits(i + 5..i + 7)
            && b.get(i + 7) == Some(&b'-')
            && digits(i + 8..i + 10)
            && b.get(i + 10) == Some(&b' ')
            && digits(i + 11..i + 13)
            && b.get(i + 13) == Some(&b':')
            && digits(i + 14..i + 16);
        if instant {
            let rest = &text[i + 16..];
            let rest = match rest.strip_prefix(':') {
                Some(s) if s.len() >= 2 && s.as_bytes()[..2].iter().all(u8::is_ascii_digit) => {
                    s[2..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit())
                }
                _ => rest,
            };
            assert!(
                rest.starts_with(" (+08:00)"),
                "{what}: instant without its offset in {text}"
            );
        }
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.jsonl` files of `dir`, sorted.
fn jsonl(dir: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    paths.sort();
    paths
}

/// Every bundled ledger checked on its own (the inspection ledgers are events files: appended
/// to a store first, one record per event), and the two-company pairs against each other.
fn bundled_reports() -> Vec<CheckReport> {
    let mut reports = Vec::new();
    for p in jsonl("samples/scenarios") {
        reports.push(check_path(&p, Config::default(), None, |_| {}).unwrap());
    }
    for p in jsonl("samples/inspections") {
        let text = std::fs::read_to_string(&p).unwrap();
        let mut store = MemStore::new();
        // A line re-sent byte for byte (ledger 233) is skipped, as `rxledger append` skips it.
        let mut seen = std::collections::HashSet::new();
        let lines: Vec<&[u8]> = text
            .lines()
            .map(str::as_bytes)
            .filter(|l| seen.insert(*l))
            .collect();
        store.append(&lines).unwrap();
        let r = check_store(&store, Config::default(), None).unwrap();
        assert!(r.verify.is_ok(), "{}", p.display());
        reports.push(r);
    }
    let scenario = |n: &str| repo().join(format!("samples/scenarios/{n}.jsonl"));
    for b in ["pair-b", "pair-b-missing", "pair-b-tampered"] {
        let pair = [scenario("pair-a"), scenario(b)];
        reports.extend(check_ledgers(&pair, &Config::default(), None).unwrap());
    }
    reports
}

/// The text facts of a message, nested messages and lists included, as rendered.
fn data_of(m: &Messages, msg: &Msg, out: &mut Vec<String>) {
    fn fact(m: &Messages, f: &Fact, out: &mut Vec<String>) {
        match f {
            Fact::Text(_) => out.push(m.fact(f).into_owned()),
            Fact::List(items) => items.iter().for_each(|i| fact(m, i, out)),
            Fact::Msg(inner) => data_of(m, inner, out),
            _ => {}
        }
    }
    for f in msg.args.values() {
        fact(m, f, out);
    }
}

#[test]
fn every_rules_findings_render_in_both_languages() {
    let reports = bundled_reports();
    let mut fired: BTreeSet<Rule> = BTreeSet::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut count = 0;
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for r in &reports {
            let findings = r.findings.iter().map(|f| {
                let msgs = [Some(&f.message), f.expected.as_ref(), f.actual.as_ref()];
                (f.rule, msgs.into_iter().flatten().collect::<Vec<_>>())
            });
            let pending = r
                .pending
                .iter()
                .map(|p| (p.rule, vec![&p.message, &p.closed_by]));
            for (rule, msgs) in findings.chain(pending) {
                fired.insert(rule);
                for msg in msgs {
                    assert!(m.has(&msg.id), "{lang}: {} is missing", msg.id);
                    ids.insert(msg.id.to_string());
                    let mut data = Vec::new();
                    data_of(&m, msg, &mut data);
                    let text = m.render(msg);
                    assert!(!text.starts_with(msg.id.as_ref()), "{lang}: {text}");
                    assert_readable(lang, &text, &format!("{lang} {rule} {}", msg.id), &data);
                    count += 1;
                }
            }
            // The whole text report too: headings, labels and the summary table.
            let text = rxledger_report::text_with(r, &m);
            assert!(!text.contains("UTC"), "{text}");
            if lang == Lang::Zh {
                assert!(text.contains("合计"), "{text}");
            }
        }
    }
    // CROSS-CODE needs a third ledger made by the generator (tests/cross.rs); its message is
    // rendered, every variant, by `every_message_and_variant_renders_in_both_languages`.
    let missing: Vec<&str> = RULES
        .iter()
        .filter(|i| !fired.contains(&i.rule))
        .map(|i| i.code)
        .collect();
    assert_eq!(
        missing,
        ["CROSS-CODE"],
        "rules no bundled ledger makes fire"
    );
    assert!(ids.len() > 80, "{}", ids.len());
    assert!(count > 1000, "{count}");
}

/// Every rule's legal source (依据) and the record its findings point at, in Chinese as the
/// regulations write them (《药品经营质量管理规范》第八十三条, 企业政策阈值（可配置）): no English
/// word ("Art.", "policy threshold", event kinds) is left, every law is named in 《》, and English
/// keeps the rule catalogue's words.
#[test]
fn every_rules_source_and_record_in_both_languages() {
    let (zh, en) = (Messages::new(Lang::Zh), Messages::new(Lang::En));
    for r in RULES {
        let (source, at) = (zh.rule_source(r), zh.rule_points_at(r));
        for (what, text) in [("source", &source), ("points at", &at)] {
            assert_readable(Lang::Zh, text, &format!("{} {what}", r.code), &[]);
            assert!(!text.contains("Art."), "{}: {text}", r.code);
        }
        if has_english(r.source) {
            assert_ne!(source, r.source, "{}: English source", r.code);
        }
        assert_ne!(at, r.at, "{}: English points-at", r.code);
        if r.source.contains("Art.") {
            assert!(
                source.contains('第') && source.contains('条'),
                "{}: {source}",
                r.code
            );
        }
        if r.source.contains("policy threshold") {
            assert!(
                source.contains("企业政策阈值（可配置）"),
                "{}: {source}",
                r.code
            );
        }
        if r.source.contains("GSP") {
            assert!(
                source.contains("《药品经营质量管理规范》"),
                "{}: {source}",
                r.code
            );
        }
        assert_eq!(en.rule_source(r), r.source, "{}", r.code);
        assert_eq!(en.rule_points_at(r), r.at, "{}", r.code);
    }
}
