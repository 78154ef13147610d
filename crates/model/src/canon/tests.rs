//! The hand-written lane against serde: the same event for every text it accepts.

use super::*;
use crate::FastEvent;
use proptest::prelude::*;

/// What the serde lane makes of `text`.
fn serde(text: &str) -> Option<Event> {
    serde_json::from_str::<FastEvent>(text).ok().map(|f| f.0)
}

/// Every text `event` accepts, serde reads to the same event; every text it calls exact is
/// the bytes `write_json` writes.
fn agrees(text: &str) -> Option<Event> {
    let fast = event_exact(text);
    if let Some((e, exact)) = &fast {
        assert_eq!(Some(e), serde(text).as_ref(), "{text}");
        if *exact {
            assert_eq!(e.to_json(), text, "called exact");
        }
    }
    fast.map(|(e, _)| e)
}

/// Whether `event_exact` reads `text` and calls it exact.
fn exact(text: &str) -> bool {
    event_exact(text).is_some_and(|(_, exact)| exact)
}

/// The event texts of the bundled ledgers: event lines, and the `event` of exported records as
/// they are spelt in the file.
fn bundled() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples");
    let mut texts = Vec::new();
    for dir in ["month", "scenarios", "inspections"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        paths.sort();
        for path in paths {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let text = match line.find(",\"event\":") {
                    Some(at) if line.starts_with("{\"seq\":") => &line[at + 9..line.len() - 1],
                    _ => line,
                };
                texts.push(text.to_owned());
            }
        }
    }
    texts
}

/// The canonical spelling of every bundled event serde reads.
fn canonical() -> Vec<String> {
    bundled()
        .iter()
        .filter_map(|t| serde(t))
        .map(|e| e.to_json())
        .collect()
}

const INVOICE: &str = r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e11","kind":"invoice","occurred_at":"2026-10-03T09:00:00Z","entered_at":"2026-10-03T09:15:00Z","recorded_by":["财务-王芳"],"refs":{"order":["CG2026100100008"],"receipt":["SH2026100300005"]},"data":{"doc":"26330000000001000001","direction":"purchase","issuer":"91330100143958271X","buyer":"91330100MA27X8K3Q1","issued_on":"2026-10-03","lines":[{"product":"86901234000028","quantity":4200,"unit_price":{"minor":1250,"currency":"CNY"},"amount":{"minor":5250000,"currency":"CNY"}}],"total":{"minor":5250000,"currency":"CNY"},"credit_for":"26330000000000999999"}}"#;

const EXAMPLES: &[&str] = &[
    INVOICE,
    r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e12","kind":"payment","occurred_at":"2026-10-12T03:00:00Z","recorded_by":["财务-王芳"],"refs":{"invoice":"26330000000001000029"},"data":{"doc":"SK2026101200001","direction":"incoming","payer":"91330106MA2H1RT58K","payee":"91330100MA27X8K3Q1","payer_account":"3301040160012345678","payee_account":"1202021109900371234","amount":{"minor":677600,"currency":"CNY"},"method":"bank_transfer","invoices":["26330000000001000029","26330000000001000030"]}}"#,
    r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e13","kind":"sale","occurred_at":"2026-10-05T01:00:00.5Z","entered_at":"2026-10-05T01:02:00Z","recorded_by":["销售-陈静"],"data":{"doc":"XS2026100500001","customer":"91330106MA2H1RT58K","channel":"retail","buyer_id":"330106198001011234","prescription":"CF-1","lines":[{"product":"86901234000011","batch":"2609010001","expiry":"2029-09","quantity":254,"unit_price":{"minor":0,"currency":"CNY"}}]}}"#,
    r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e14","kind":"outbound_review","occurred_at":"2026-10-05T02:17:00Z","recorded_by":["复核-刘洋","复核-张伟"],"refs":{"sale":["XS2026100500001","XS2026100500002"]},"data":{"doc":"FH2026100500001","customer":"91330106MA2H1RT58K","lines":[{"product":"86901234000011","batch":"2609010001","expiry":"2029-09-01","quantity":254,"quality":"ok"},{"product":"86901234000011","batch":"2609010002","expiry":"2029-09-01","quantity":1,"quality":"defective"}],"reviewers":["复核-刘洋","复核-张伟"]}}"#,
    r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e15","kind":"dispatch","occurred_at":"2026-10-05T02:57:00Z","recorded_by":["发货-吴凯"],"refs":{"sale":["XS2026100500001"],"approval":"ZJ-2026-001"},"data":{"doc":"PS2026100500001","customer":"91330106MA2H1RT58K","consignee":"康宁大药房配送中心 徐经理","address":"浙江省杭州市西湖区天目山路 210 号","lines":[{"product":"86901234000011","batch":"2609010001","quantity":2,"from":"WH-A","codes":["81234567890123456781","81234567890123456782"]}],"vehicle":"浙A-12345"}}"#,
    // Version 1: each ref one string.
    r#"{"v":1,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e16","kind":"outbound_review","occurred_at":"2026-10-05T02:17:00Z","recorded_by":["复核-刘洋"],"refs":{"sale":"XS2026100500001"},"data":{"doc":"FH2026100500002","customer":"91330106MA2H1RT58K","lines":[{"product":"86901234000011","batch":"2609010001","expiry":"2029-09-01","quantity":254,"quality":"ok"}],"reviewers":["复核-刘洋"]}}"#,
    // Another kind: the envelope here, `data` by serde.
    r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e17","kind":"stock_count","occurred_at":"2026-10-31T08:00:00Z","recorded_by":["仓管-李强","质管-周敏"],"data":{"doc":"PD202610","location":"WH-A","lines":[{"product":"86901234000011","batch":"2609010001","counted":0}]}}"#,
];

#[test]
fn canonical_events_read_as_serde_reads_them() {
    for text in EXAMPLES {
        let fast = agrees(text);
        assert!(fast.is_some(), "not read: {text}");
        let line = format!("{text}\r\n");
        assert_eq!(agrees(&line), fast, "a line with its end");
        assert!(
            !exact(&line),
            "a line with its end is not the event's spelling"
        );
    }
}

#[test]
fn spellings_read_but_not_canonical_are_not_called_exact() {
    let canonical = |text: &str| {
        let e = serde(text).unwrap();
        e.to_json()
    };
    let invoice = canonical(INVOICE);
    assert!(exact(&invoice));
    let edits = [
        ("2026-10-03T09:00:00Z", "2026-10-03T17:00:00+08:00"),
        ("2026-10-03T09:00:00Z", "2026-10-03T09:00:00.000Z"),
        ("2026-10-03T09:00:00Z", "2026-10-03T09:00:00.50Z"),
        ("01a0f0b1-2c00", "01A0F0B1-2C00"),
        (
            r#""order":["CG2026100100008"]"#,
            r#""order":"CG2026100100008""#,
        ),
    ];
    let v1 = invoice
        .replacen(r#""v":2"#, r#""v":1"#, 1)
        .replacen(r#"["CG2026100100008"]"#, r#""CG2026100100008""#, 1)
        .replacen(r#"["SH2026100300005"]"#, r#""SH2026100300005""#, 1);
    assert!(agrees(&v1).is_some() && !exact(&v1), "{v1}");
    for (from, to) in edits {
        assert!(invoice.contains(from), "{from}");
        let text = invoice.replacen(from, to, 1);
        assert!(agrees(&text).is_some(), "read: {text}");
        assert!(!exact(&text), "{text}");
    }
    let dispatch = canonical(EXAMPLES[4]);
    assert!(exact(&dispatch));
    let empty = dispatch.replacen(
        r#""codes":["81234567890123456781","81234567890123456782"]"#,
        r#""codes":[]"#,
        1,
    );
    assert!(agrees(&empty).is_some() && !exact(&empty), "{empty}");
    let sale = canonical(EXAMPLES[2]);
    assert!(exact(&sale), "{sale}");
    let month = sale.replacen(r#""expiry":"2029-09-30""#, r#""expiry":"2029-09""#, 1);
    assert_ne!(month, sale);
    assert!(agrees(&month).is_some() && !exact(&month), "{month}");
    let upload = r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e18","kind":"temperature_reading","occurred_at":"2026-10-03T09:00:00Z","recorded_by":["sensor"],"data":{"sensor":"S1","zone":"WH-A","readings":[{"at":"2026-10-03T08:50:00Z","celsius":4.5,"humidity":50.0},{"at":"2026-10-03T08:55:00.250Z","celsius":-18.0}]}}"#;
    assert_eq!(canonical(upload), upload);
    assert!(exact(upload));
    for (from, to) in [
        ("4.5", "4.50"),
        ("50.0", "50"),
        ("-18.0", "-18"),
        ("08:55:00.250Z", "08:55:00.25Z"),
    ] {
        let text = upload.replacen(from, to, 1);
        assert!(agrees(&text).is_some() && !exact(&text), "{text}");
    }
    // Another kind's data is not judged here.
    assert!(agrees(EXAMPLES[6]).is_some() && !exact(EXAMPLES[6]));
}

#[test]
fn any_other_spelling_is_left_to_serde() {
    let edits = [
        (r#""v":2,"#, r#""v": 2,"#),
        (r#""v":2,"#, r#""v":3,"#),
        (r#""v":2,"#, r#""v":2.0,"#),
        (r#""v":2,"#, r#""v":02,"#),
        (r#""quantity":4200"#, r#""quantity":-4200"#),
        (r#""quantity":4200"#, r#""quantity":4200.0"#),
        (r#""quantity":4200"#, r#""quantity":42e2"#),
        (r#""quantity":4200"#, r#""quantity":18446744073709551616"#),
        (r#""minor":1250"#, r#""minor":9223372036854775808"#),
        (r#""currency":"CNY"}}]"#, r#""currency":"cny"}}]"#),
        (r#""issued_on":"2026-10-03""#, r#""issued_on":"2026-10-3""#),
        (r#""issued_on":"2026-10-03""#, r#""issued_on":"2026-02-30""#),
        (r#""doc":"2633"#, r#""doc":"\u0032633"#),
        (r#""direction":"purchase""#, r#""direction":"Purchase""#),
        (
            r#","credit_for":"26330000000000999999""#,
            r#","credit_for":null"#,
        ),
        (
            r#","credit_for":"26330000000000999999""#,
            r#","credit_for":"x","x":1"#,
        ),
        (r#""order":["CG2026100100008"],"#, r#""order":[],"#),
        (
            r#""receipt":["SH2026100300005"]"#,
            r#""receipt":["SH2026100300005"],"order":["X"]"#,
        ),
        (
            r#""entered_at":"2026-10-03T09:15:00Z""#,
            r#""entered_at":null"#,
        ),
        (r#""kind":"invoice","#, r#""kind":"invoices","#),
        ("}}", "}} x"),
        ("}}", "}}}"),
        ("}}", "},\"x\":1}"),
    ];
    for (from, to) in edits {
        assert!(INVOICE.contains(from), "{from}");
        let text = INVOICE.replacen(from, to, 1);
        assert_eq!(agrees(&text), None, "{text}");
    }
    // A control character raw in a string, and one escaped.
    let text = INVOICE.replacen("王芳", "王\u{1}芳", 1);
    assert_eq!(agrees(&text), None);
    let text = INVOICE.replacen("王芳", "王\\n芳", 1);
    assert_eq!(agrees(&text), None);
}

#[test]
fn bundled_ledgers_read_as_serde_reads_them() {
    let texts = bundled();
    assert!(texts.len() > 10_000, "{}", texts.len());
    for text in &texts {
        agrees(text);
    }
}

#[test]
fn canonical_spellings_of_bundled_events_take_this_lane() {
    let texts = canonical();
    let (mut read, mut judged, mut called) = (0, 0, 0);
    for text in &texts {
        match agrees(text) {
            Some(e) => {
                read += 1;
                // The kinds whose data this lane reads: their canonical spellings are called
                // exact, so `append` need not write them.
                if matches!(
                    e.kind(),
                    Kind::Invoice
                        | Kind::Payment
                        | Kind::Sale
                        | Kind::OutboundReview
                        | Kind::Dispatch
                        | Kind::TemperatureReading
                ) && !text.contains('\\')
                {
                    judged += 1;
                    called += usize::from(exact(text));
                }
            }
            // Only a string with an escape (a quote or a control character in a name) outside
            // the `data` that serde reads here, or a sample of more than 15 digits (a reading
            // of 8.799999999999999, round 19), is left to serde.
            None => assert!(text.contains('\\') || long_number(text), "not read: {text}"),
        }
    }
    assert!(read * 1000 > texts.len() * 999, "{read} of {}", texts.len());
    assert!(judged > 5_000, "{judged}");
    assert_eq!(called, judged, "canonical spellings not called exact");
}

/// Whether `text` holds a number of more than 15 digits.
fn long_number(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit() && c != '.')
        .any(|n| n.chars().filter(char::is_ascii_digit).count() > 15)
}

/// Bytes an edit puts in: JSON's punctuation, digits, signs and letters that matter.
const BYTES: &[u8] = b"\"\\,:{}[] 019-.eEaZTnul\x1f";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn edited_texts_are_left_to_serde_or_read_alike(
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(BYTES),
        edit in 0u8..4,
        len in 1usize..24,
        snap in any::<bool>(),
    ) {
        thread_local!(static CORPUS: Vec<String> = canonical().into_iter().step_by(7).collect());
        let text = CORPUS.with(|c| which.get(c).clone());
        let mut b = text.into_bytes();
        let mut i = at.index(b.len());
        if snap {
            // Half the edits fall at the start of a value, where a spelling is judged.
            i = b[i..].iter().position(|&c| c == b':').map_or(i, |p| i + p + 1).min(b.len() - 1);
        }
        match edit {
            0 => b[i] = byte,
            1 => { b.remove(i); }
            2 => b.insert(i, byte),
            _ => {
                let end = (i + len).min(b.len());
                let piece = b[i..end].to_vec();
                b.splice(i..i, piece);
            }
        }
        if let Ok(text) = String::from_utf8(b) {
            agrees(&text);
        }
    }
}
