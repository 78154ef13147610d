//! The HTML report in both languages: headings, legends and table heads from the catalogue, the
//! company and the period in the header (not a file path), names beside ids, a print style
//! sheet, batch numbers that never wrap.

use std::path::PathBuf;

use chrono::TimeZone;
use rxledger_report::html::{build, Options};
use rxledger_report::Lang;

fn scenario(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../samples/scenarios/{name}.jsonl"))
}

fn report(lang: Lang) -> String {
    let options = Options {
        lang,
        made_at: Some(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 2, 30, 0).unwrap()),
        ..Options::default()
    };
    build(&[scenario("special-control")], &options)
        .unwrap()
        .to_html()
}

fn header(html: &str) -> &str {
    let from = html.find("<header>").unwrap();
    let to = html.find("</header>").unwrap();
    &html[from..to]
}

#[test]
fn the_chinese_report_speaks_chinese() {
    let html = report(Lang::Zh);
    assert!(html.contains(r#"<html lang="zh">"#));
    let head = header(&html);
    assert!(
        head.contains("<h1>检查报告：浙江康源医药有限公司</h1>"),
        "{head}"
    );
    assert!(
        head.contains("报告期间：2026-09-30 至 2026-11-29"),
        "{head}"
    );
    assert!(
        head.contains("生成时间 2026-12-01 10:30 (+08:00)"),
        "{head}"
    );
    assert!(
        !head.contains("samples/scenarios"),
        "no file path in the header: {head}"
    );
    for zh in [
        "账本链状态与问题",
        "问题（46）",
        "未结事项",
        "按药品和批号的库存",
        "温度（",
        "允许范围",
        "特殊管理药品批次流向链",
        ">批号<",
        ">严重<",
    ] {
        assert!(html.contains(zh), "{zh} missing");
    }
    for en in [
        "Findings (",
        "Pending items",
        "Stock by product",
        "allowed range",
        "Custody chains",
        ">critical<",
        "Inspection report",
    ] {
        assert!(!html.contains(en), "English {en:?} in the Chinese report");
    }
    // The custody chains: record kinds and the record column in Chinese (round 16), parties in
    // the movement column by name.
    for zh in ["<td>收货验收</td>", "<td>发货</td>", " 记录 "] {
        assert!(html.contains(zh), "{zh} missing");
    }
    for en in ["<td>receipt</td>", "<td>dispatch</td>", " seq "] {
        assert!(!html.contains(en), "English {en:?} in the Chinese report");
    }
    assert!(html.contains("<td>SP-1 → 杭州市仁和医院</td>"));
    // Names beside ids, in the tables and the chart titles.
    assert!(html.contains("杭州康宁大药房连锁有限公司（91330106MA2H1RT58K）"));
    // CR-1 has no excursion or gap here: a row of the summary table, not a chart.
    assert!(html.contains("无超标、无记录中断："));
    assert!(
        html.contains(r#"<td class="nw">库区 CR-1</td>"#),
        "CR-1 row"
    );
    assert!(!html.contains(r#"aria-label="库区 CR-1""#));
    assert!(html.contains(">2.0–8.0 °C<"));
}

#[test]
fn the_english_report_speaks_english() {
    let html = report(Lang::En);
    assert!(html.contains(r#"<html lang="en">"#));
    let head = header(&html);
    assert!(
        head.contains("<h1>Inspection report: 浙江康源医药有限公司</h1>"),
        "{head}"
    );
    assert!(
        head.contains("Period covered: 2026-09-30 to 2026-11-29"),
        "{head}"
    );
    assert!(head.contains("Made 2026-12-01 10:30 (+08:00)"), "{head}");
    assert!(html.contains("Findings (46)") && html.contains("allowed range"));
    assert!(!html.contains("问题（46）"));
    assert!(html.contains("杭州康宁大药房连锁有限公司 (91330106MA2H1RT58K)"));
}

#[test]
fn printable_and_batches_never_wrap() {
    let html = report(Lang::Zh);
    assert!(html.contains("@media print"));
    assert!(html.contains("details::details-content{content-visibility:visible"));
    assert!(html.contains("header nav{display:none}"));
    assert!(html.contains("section{border:none;padding:0;margin:0;break-before:page}"));
    assert!(html.contains(".nw{white-space:nowrap}"));
    // Every batch cell of the stock table is a no-wrap cell.
    assert!(html.contains(r#"<td class="mono nw">2608100001</td>"#));
    assert!(!html.contains(r#"<td class="mono">2608100001</td>"#));
    // Wide enough on paper: A4 across, a heading kept with what follows it.
    assert!(html.contains("@page{size:A4 landscape;margin:12mm}"));
    assert!(html.contains("h2,h3,.legend,summary{break-after:avoid}"));
}

/// The evidence tables on paper: each finding its facts in a row (short figures never wrap)
/// and its sentence across the table below, kept together on a page; the heads repeat.
#[test]
fn evidence_figures_never_wrap_and_sentences_span_the_table() {
    let options = Options {
        lang: Lang::Zh,
        made_at: Some(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 2, 30, 0).unwrap()),
        ..Options::default()
    };
    let html = build(&[scenario("cold-chain")], &options)
        .unwrap()
        .to_html();
    assert!(html.contains("table.ev tbody,"), "bodies kept together");
    let range = html
        .split(r#"id="l0-TEMP-RANGE""#)
        .nth(1)
        .and_then(|r| r.split("</details>").next())
        .unwrap();
    assert!(range.contains("<thead>"));
    let bodies = range.matches("<tbody>").count();
    assert_eq!(bodies, 15, "one body per finding");
    assert_eq!(
        range.matches(r#"<tr class="msg"><td colspan="8">"#).count(),
        15
    );
    // The expected range never wraps.
    assert!(
        range.contains(r#"<td class="fig nw">2.0–8.0 °C</td>"#),
        "{range}"
    );
    // The found peak, duration and MKT is longer: it may wrap, in a column at least 10 em
    // wide (on paper it has the width the sentence no longer takes: one line).
    assert!(
        range.contains(r#"<td class="fig">峰值 11.0 °C 持续 45 分钟，平均动力学温度 11.0 °C</td>"#),
        "{range}"
    );
    assert!(html.contains("td.fig{min-width:10em}"));
    // No finding's sentence is squeezed into a column.
    assert!(!html.contains("html-col-finding") && !html.contains(">问题</th>"));
}

#[test]
fn every_excursion_and_gap_gets_a_closeup_and_quiet_series_a_row() {
    let options = Options {
        lang: Lang::En,
        made_at: Some(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 2, 30, 0).unwrap()),
        ..Options::default()
    };
    let html = build(&[scenario("cold-chain")], &options)
        .unwrap()
        .to_html();
    let closeups = html.matches(r#"class="chart closeup""#).count();
    let figures = html.matches("<figcaption>").count();
    assert!(closeups > 0, "the cold-chain scenario has excursions");
    assert_eq!(closeups, figures);
    // Each close-up names the record of its mark, and that mark is shaded in it.
    for part in html.split(r#"class="chart closeup""#).skip(1) {
        let seq = part
            .split("data-seq=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap();
        let svg = part.split("</svg>").next().unwrap();
        assert!(
            svg.contains(&format!(r#"data-seq="{seq}" data-from"#)),
            "close-up of {seq} without its mark"
        );
    }
    assert!(html.contains("Excursion ") || html.contains("Recording gap "));
}

#[test]
fn the_written_line_counts_what_the_report_draws() {
    for (name, lang) in [("cold-chain", Lang::En), ("special-control", Lang::Zh)] {
        let options = Options {
            lang,
            made_at: Some(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 2, 30, 0).unwrap()),
            ..Options::default()
        };
        let report = build(&[scenario(name)], &options).unwrap();
        let html = report.to_html();
        let n = report.temperature_counts();
        assert_eq!(n.charts, html.matches(r#"<div class="series""#).count());
        assert_eq!(n.closeups, html.matches(r#"class="chart closeup""#).count());
        let quiet = html
            .split(r#"<table class="quiet">"#)
            .nth(1)
            .map_or(0, |t| {
                t.split("</table>").next().unwrap().matches("<tr>").count() - 1
            });
        assert_eq!(n.quiet, quiet, "{name}");
        let series: usize = report.ledgers.iter().map(|l| l.series.len()).sum();
        assert_eq!(n.charts + n.quiet, series);
        match name {
            "cold-chain" => assert!(n.charts > 0 && n.closeups >= n.charts, "{n:?}"),
            _ => assert!(n.quiet > 0, "{n:?}"),
        }
        let line = report.written(std::path::Path::new("r.html"), html.len());
        let expected = match lang {
            Lang::En => format!(
                "{} temperature charts with {} close-ups, {} zones and vehicles without excursions or gaps in one table",
                n.charts, n.closeups, n.quiet
            ),
            _ => format!(
                "{} 张温度图及 {} 张局部放大图，{} 个无超标、无记录中断的库区和车辆列于一表",
                n.charts, n.closeups, n.quiet
            ),
        };
        assert!(line.contains(&expected), "{line}");
    }
}

/// The 依据 column of the findings table names the regulations as they write themselves in
/// Chinese, and keeps the rule catalogue's English in English.
#[test]
fn the_source_column_is_in_the_report_language() {
    let zh = report(Lang::Zh);
    assert!(
        zh.contains("《药品经营质量管理规范》"),
        "a Chinese legal source"
    );
    for english in ["Art. ", "policy threshold", "GSP"] {
        assert!(
            !zh.contains(english),
            "English source {english:?} in the zh report"
        );
    }
    let en = report(Lang::En);
    assert!(
        en.contains("Art. "),
        "the English report keeps the catalogue's sources"
    );
}

/// A report of two companies' ledgers (a seller's and its customer's, checked together) names
/// both in its title and heading, not the first one alone.
#[test]
fn a_report_of_two_companies_names_both() {
    for (lang, sep) in [(Lang::Zh, "、"), (Lang::En, ", ")] {
        let options = Options {
            lang,
            made_at: Some(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 2, 30, 0).unwrap()),
            ..Options::default()
        };
        let report = build(&[scenario("pair-a"), scenario("pair-b")], &options).unwrap();
        let names = report.companies();
        assert_eq!(names.len(), 2, "{names:?}");
        let html = report.to_html();
        let both = names.join(sep);
        assert!(header(&html).contains(&both), "{}", header(&html));
        assert!(html.contains(&format!("{both}</title>")), "{lang:?}");
    }
}

/// A truck whose log fails a cold-chain receipt (`CC-RECEIPT`: its readings do not cover the
/// trip) is charted with the gap marked, not listed among the zones and vehicles without an
/// excursion or a gap (round 20: ledger 246, truck 沪A·L2601冷).
#[test]
fn a_truck_whose_log_fails_a_receipt_is_charted() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/inspections");
    let ledger = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("246-") && n.ends_with(".jsonl")
        })
        .unwrap();
    let options = Options {
        lang: Lang::Zh,
        made_at: Some(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 2, 30, 0).unwrap()),
        ..Options::default()
    };
    // The events appended to a ledger directory (the report reads ledgers).
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("L");
    rxledger_store::FileStore::init(&dir).unwrap();
    let mut store = rxledger_store::FileStore::open(&dir).unwrap();
    let payloads: Vec<Vec<u8>> = std::fs::read_to_string(&ledger)
        .unwrap()
        .lines()
        .map(|l| rxledger_model::Event::from_json(l).unwrap().to_json_bytes())
        .collect();
    let refs: Vec<&[u8]> = payloads.iter().map(Vec::as_slice).collect();
    rxledger_store::Store::append(&mut store, &refs).unwrap();
    drop(store);
    let report = build(&[dir], &options).unwrap();
    let n = report.temperature_counts();
    assert_eq!((n.charts, n.closeups), (1, 1), "{n:?}");
    let html = report.to_html();
    let quiet = html
        .split("无超标、无记录中断")
        .nth(1)
        .expect("the table of quiet zones and vehicles");
    assert!(!quiet.contains("沪A·L2601冷"), "the truck listed as quiet");
    assert!(html.contains("CC-RECEIPT（记录 466）") || html.contains("CC-RECEIPT (记录 466)"));
}
