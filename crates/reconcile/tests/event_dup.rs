//! `EVENT-DUP`: a second record holding an event id fires at that record, naming the first; a
//! ledger of distinct ids stays quiet. `DOC-DUP`: a document recorded again under another event
//! id (re-imported after its time was corrected, re-sent by a partner under a new `eventID`)
//! fires at the later record, naming the first; other documents of the same number (another
//! kind, another counterparty, another count location, a year later) and the same event again
//! (`EVENT-DUP`'s) stay quiet.

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

fn events(n: usize) -> Vec<Event> {
    Generator::new(GenConfig::default()).take(n).collect()
}

#[test]
fn a_repeated_id_fires_at_each_later_copy_naming_the_first() {
    let mut ev = events(3000);
    // Record 3001: record 1 again (master data: nothing else changes); record 3002: record 2
    // with other content; record 3003: record 1 a third time.
    ev.push(ev[0].clone());
    let mut changed = ev[1].clone();
    changed.recorded_by = vec!["someone else".into()];
    ev.push(changed);
    ev.push(ev[0].clone());
    let dups: Vec<(u64, Vec<u64>, String)> = run(&ev, Config::default())
        .into_iter()
        .filter(|f| f.rule == Rule::EventDup)
        .map(|f| {
            let id = f
                .message
                .get("id")
                .map(|x| format!("{x:?}"))
                .unwrap_or_default();
            (f.seq, f.seqs.clone(), id)
        })
        .collect();
    assert_eq!(dups.len(), 3, "{dups:?}");
    assert_eq!((dups[0].0, &dups[0].1), (3001, &vec![1, 3001]));
    assert_eq!((dups[1].0, &dups[1].1), (3002, &vec![2, 3002]));
    assert_eq!((dups[2].0, &dups[2].1), (3003, &vec![1, 3003]));
    assert!(dups[0].2.contains(&ev[0].id.to_string()), "{dups:?}");
    let sentence = rxledger_report::messages::Messages::new(rxledger_report::messages::Lang::En)
        .render(
            &run(&ev, Config::default())
                .into_iter()
                .find(|f| f.rule == Rule::EventDup)
                .unwrap()
                .message,
        );
    assert_eq!(
        sentence,
        format!(
            "Record 3001 repeats event {}, already recorded as record 1: the event counts twice.",
            ev[0].id
        )
    );
    // Disabled by configuration: quiet.
    let off = Config::from_toml("disabled = [\"EVENT-DUP\"]\n").unwrap();
    assert!(run(&ev, off).iter().all(|f| f.rule != Rule::EventDup));
}

#[test]
fn distinct_ids_are_quiet_even_when_events_look_alike() {
    // The same event content under a new id is another event, not a duplicate.
    let mut ev = events(3000);
    let mut twin = ev[0].clone();
    twin.id = uuid::Uuid::from_u128(ev[0].id.as_u128() ^ 1);
    ev.push(twin);
    assert!(run(&ev, Config::default())
        .iter()
        .all(|f| f.rule != Rule::EventDup));
}

#[test]
fn duplicates_are_found_beyond_the_ids_held_in_memory() {
    // More ids than the rule keeps in memory (32,768): sorted runs spill to temporary files.
    let mut ev = events(40_000);
    ev.push(ev[5].clone());
    ev.push(ev[39_000].clone());
    let dups: Vec<(u64, Vec<u64>)> = run(&ev, Config::default())
        .into_iter()
        .filter(|f| f.rule == Rule::EventDup)
        .map(|f| (f.seq, f.seqs))
        .collect();
    assert_eq!(
        dups,
        [(40_001, vec![6, 40_001]), (40_002, vec![39_001, 40_002])]
    );
}

fn doc_dups(events: &[Event], cfg: Config) -> Vec<(u64, Vec<u64>)> {
    run(events, cfg)
        .into_iter()
        .filter(|f| f.rule == Rule::DocDup)
        .map(|f| (f.seq, f.seqs))
        .collect()
}

/// `e` under another event id: the low bits changed, or (`import csv`'s ids of a corrected
/// document) only the time in the high bits.
fn again(e: &Event) -> Event {
    let mut e = e.clone();
    e.id = uuid::Uuid::from_u128(e.id.as_u128() ^ 0xff);
    e
}

fn again_high(e: &Event) -> Event {
    let mut e = e.clone();
    e.id = uuid::Uuid::from_u128(e.id.as_u128() ^ (1 << 100));
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
    let mut moved = again_high(&ev[r]);
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
            "Record 3001 holds the same receipt as record {} (document number and counterparty, \
             within 180 days) under another event id: the document counts twice.",
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
    // The same number a year later (an ERP numbering from 0001 each year; round 30, A2): beyond
    // the return window, another document.
    let mut next_year = again(&ev[first(&ev, Kind::Receipt)]);
    next_year.occurred_at += Duration::days(365);
    ev.extend([other, there, ev[p].clone(), next_year]);
    let found = run(&ev, Config::default());
    assert!(found.iter().all(|f| f.rule != Rule::DocDup), "{found:?}");
    // Within a longer window it is a copy.
    let long = Config::from_toml("[thresholds]\nreturn_window_days = 400\n").unwrap();
    assert_eq!(doc_dups(&ev, long).len(), 1);
    assert!(found
        .iter()
        .any(|f| f.rule == Rule::EventDup && f.seq == 3003));
}

#[test]
fn a_chain_of_copies_is_measured_copy_to_copy_to_the_second() {
    // Round 33, B1 (ledger 362): a document recorded on day 0, again on day 99 and again on day
    // 258. The third is 159 days after the second: within the window of each other, a copy too
    // (it was measured from the first, 258 days, and missed). Every copy names the first.
    let mut ev: Vec<Event> = Generator::new(GenConfig::default()).take(3000).collect();
    let r = first(&ev, Kind::Receipt);
    let mut second = again(&ev[r]);
    second.occurred_at += Duration::days(99);
    let mut third = again_high(&ev[r]);
    third.occurred_at += Duration::days(258);
    ev.extend([second, third]);
    let first_seq = r as u64 + 1;
    assert_eq!(
        doc_dups(&ev, Config::default()),
        [(3001, vec![first_seq, 3001]), (3002, vec![first_seq, 3002])]
    );
    // Exactly the window apart still counts; a second more does not.
    let mut ev: Vec<Event> = Generator::new(GenConfig::default()).take(3000).collect();
    let mut at_window = again(&ev[r]);
    at_window.occurred_at += Duration::days(180);
    let p = first(&ev, Kind::Purchase);
    let mut past = again(&ev[p]);
    past.occurred_at += Duration::days(180) + Duration::seconds(1);
    ev.extend([at_window, past]);
    assert_eq!(
        doc_dups(&ev, Config::default()),
        [(3001, vec![first_seq, 3001])]
    );
}
