//! `DOC-DUP`: a document recorded again under another event id (re-imported after its time was
//! corrected, re-sent by a partner under a new `eventID`) fires at the later record, naming the
//! first; other documents of the same number (another kind, another counterparty, another
//! count location) and the same event again (`EVENT-DUP`'s) stay quiet.

use chrono::{DateTime, Duration, Utc};
use rxledger_gen::{GenConfig, Generator};
use rxledger_model::{Event, EventBody, Kind};
use rxledger_reconcile::{Config, Engine, Finding, Rule};

fn run(events: &[Event], cfg: Config) -> Vec<Finding> {
    let mut engine = Engine::new(cfg);
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let at: DateTime<Utc> = e.entered_at.unwrap_or(e.occurred_at);
        out.extend(engine.push(i as u64 + 1, at, e));
    }
    out.extend(engine.finish());
    out
}

fn doc_dups(events: &[Event], cfg: Config) -> Vec<(u64, Vec<u64>)> {
    run(events, cfg)
        .into_iter()
        .filter(|f| f.rule == Rule::DocDup)
        .map(|f| (f.seq, f.seqs))
        .collect()
}

/// `e` under another event id.
fn again(e: &Event) -> Event {
    let mut e = e.clone();
    e.id = uuid::Uuid::from_u128(e.id.as_u128() ^ 0xff);
    e
}

fn first(ev: &[Event], kind: Kind) -> usize {
    ev.iter().position(|e| e.kind() == kind).unwrap()
}

#[test]
fn a_document_recorded_again_under_another_id_fires_naming_the_first() {
    let mut ev: Vec<Event> = Generator::new(GenConfig::default()).take(3000).collect();
    // The generator's ledgers record each document once.
    assert!(doc_dups(&ev, Config::default()).is_empty());
    let (r, p, i) = (
        first(&ev, Kind::Receipt),
        first(&ev, Kind::Payment),
        first(&ev, Kind::Invoice),
    );
    // 3001: the receipt re-imported after its time was corrected in the ERP (attacker round
    // 29, C2); 3002: the payment again, byte for byte but for its id (C1); 3003: the invoice.
    let mut moved = again(&ev[r]);
    moved.occurred_at += Duration::minutes(1);
    ev.extend([moved, again(&ev[p]), again(&ev[i])]);
    let want = [
        (3001, vec![r as u64 + 1, 3001]),
        (3002, vec![p as u64 + 1, 3002]),
        (3003, vec![i as u64 + 1, 3003]),
    ];
    assert_eq!(doc_dups(&ev, Config::default()), want);
    let f = run(&ev, Config::default())
        .into_iter()
        .find(|f| f.rule == Rule::DocDup)
        .unwrap();
    let said = rxledger_report::messages::Messages::new(rxledger_report::messages::Lang::En)
        .render(&f.message);
    assert_eq!(
        said,
        format!(
            "Record 3001 holds a receipt already recorded as record {} (the same document number \
             and counterparty) under another event id: the document counts twice.",
            r + 1
        )
    );
    let off = Config::from_toml("disabled = [\"DOC-DUP\"]\n").unwrap();
    assert!(doc_dups(&ev, off).is_empty());
}

#[test]
fn other_documents_of_the_same_number_and_the_same_event_again_are_quiet() {
    let mut ev: Vec<Event> = Generator::new(GenConfig::default()).take(3000).collect();
    let i = first(&ev, Kind::Invoice);
    // The same invoice number from another issuer (numbers of different issuers may meet).
    let mut other = again(&ev[i]);
    if let EventBody::Invoice(x) = &mut other.body {
        x.issuer = format!("{}-other", x.issuer).into();
    }
    // The same count sheet at another location.
    let c = first(&ev, Kind::StockCount);
    let mut there = again(&ev[c]);
    if let EventBody::StockCount(x) = &mut there.body {
        x.location = format!("{}-2", x.location).into();
    }
    // The same event again: EVENT-DUP's, not a second document.
    let p = first(&ev, Kind::Payment);
    ev.extend([other, there, ev[p].clone()]);
    let found = run(&ev, Config::default());
    assert!(found.iter().all(|f| f.rule != Rule::DocDup), "{found:?}");
    assert!(found
        .iter()
        .any(|f| f.rule == Rule::EventDup && f.seq == 3003));
}
