//! Property tests over whole event sequences: generated ledgers of random size and seed, with
//! random text in their fields, round-trip through the canonical form, append in random batches
//! to the memory and file stores identically, and verify.

use proptest::prelude::*;
use rxledger::gen::{GenConfig, Generator};
use rxledger::model::{Event, EventBody};
use rxledger::store::{FileStore, MemStore, Store};

fn mutate(e: &mut Event, text: &str, n: u64) {
    e.recorded_by.push(text.into());
    match &mut e.body {
        EventBody::Sale(s) => {
            s.doc = format!("{}{text}", s.doc).into();
            s.lines[0].quantity = n.max(1);
        }
        EventBody::Receipt(r) => {
            r.lines[0].reject_reason = Some(text.into());
        }
        EventBody::PartyRegistered(p) => p.address = text.into(),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn event_sequences_round_trip_append_and_verify(
        seed in any::<u64>(),
        count in 1usize..600,
        // Not blank: a blank name or reason is refused by validation, as it should be.
        text in "[!-~\u{4e00}-\u{9fa5}\u{1F600}-\u{1F64F}][ -~\u{4e00}-\u{9fa5}\u{1F600}-\u{1F64F}\"\\\\]{0,19}",
        n in 1u64..1_000_000,
        batch in 1usize..200,
    ) {
        let mut events: Vec<Event> = Generator::new(GenConfig { seed, ..GenConfig::default() }).take(count).collect();
        for (i, e) in events.iter_mut().enumerate() {
            if i % 7 == 0 { mutate(e, &text, n); }
        }
        let payloads: Vec<Vec<u8>> = events.iter().map(Event::to_json_bytes).collect();
        for (e, p) in events.iter().zip(&payloads) {
            let back = Event::from_json(std::str::from_utf8(p).unwrap()).unwrap();
            prop_assert_eq!(&back, e);
            prop_assert_eq!(&back.to_json_bytes(), p);
        }
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("l");
        FileStore::init(&dir).unwrap();
        let mut file = FileStore::open(&dir).unwrap();
        let mut mem = MemStore::new();
        let ts = "2026-11-24T08:00:00.000000Z";
        for chunk in payloads.chunks(batch) {
            let refs: Vec<&[u8]> = chunk.iter().map(Vec::as_slice).collect();
            prop_assert_eq!(file.append_at(&refs, ts).unwrap(), mem.append_at(&refs, ts).unwrap());
        }
        let head = file.head();
        drop(file);
        let r = rxledger::store::verify_path(&dir, Some(rxledger::chain::ExpectedHead::At(head)), |_| {}).unwrap();
        prop_assert!(r.is_ok(), "{:?}", r.failure);
        prop_assert_eq!(r.head, head);
        prop_assert_eq!(head.seq, count as u64);
    }
}
