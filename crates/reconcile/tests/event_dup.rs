//! `EVENT-DUP`: a second record holding an event id fires at that record, naming the first; a
//! ledger of distinct ids stays quiet.

use chrono::{DateTime, Utc};
use rxledger_gen::{GenConfig, Generator};
use rxledger_model::Event;
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
