//! Tests of the codes projection.

use super::*;
use rxledger_model::Event;

/// A valid 20-digit unit code, one per `n`.
fn code(n: u64) -> Id {
    format!("8123456{:09}{:04}", n, 1234).into()
}

fn agg(pack: bool, parent: u64, children: &[u64]) -> rxledger_model::Aggregation {
    rxledger_model::Aggregation {
        doc: "AG".into(),
        action: if pack {
            AggregationAction::Pack
        } else {
            AggregationAction::Unpack
        },
        parent: code(parent),
        children: children.iter().map(|&c| code(c)).collect(),
    }
}

/// A unit leaving from a location where the ledger did not have it is named with where the
/// ledger had it.
#[test]
fn a_unit_held_elsewhere_is_named_with_its_place() {
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    let mut codes = Codes::default();
    codes.tick(day0, 180);
    codes.arrive("SP-1", &[code(1), code(2)], None, u64::MAX);
    codes.leave("SP-1", Some("QA"), (None, false), &[code(2)], day0);
    let out = codes.leave("SP-1", None, (Some("C"), false), &[code(1), code(2)], day0);
    assert_eq!(out.elsewhere, 1);
    let (unit, at) = out.first_elsewhere;
    assert_eq!(codes.unit_code(&[code(1), code(2)], unit), code(2));
    assert_eq!(codes.location_name(at), "QA");
}

/// Units scanned on a receipt line that lists more units than were accepted may be the
/// rejected ones (round 19): received again later, they are not units received twice; one that
/// leaves from elsewhere is named as such. A line that lists no more than it accepted, and a
/// unit once moved, are judged as before.
#[test]
fn units_scanned_beyond_those_accepted_may_come_again() {
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    let mut codes = Codes::default();
    codes.tick(day0, 180);
    // 4 scanned, 3 accepted: one of them was rejected, which one is not said.
    let got = codes.arrive("RCV", &[code(1), code(2), code(3), code(4)], None, 3);
    assert_eq!((got.units, got.dup), (4, 0));
    codes.leave(
        "RCV",
        Some("SP-1"),
        (None, false),
        &[code(1), code(2), code(3)],
        day0,
    );
    // Unit 4, delivered again, is not a clone; unit 1, put away, received again is.
    let again = codes.arrive("RCV", &[code(4), code(1)], None, 2);
    assert_eq!(again.dup, 1);
    assert_eq!(
        codes.unit_code(&[code(4), code(1)], again.first_dup),
        code(1)
    );
    // Accepted this time (2 of 2): received a third time, unit 4 is a clone.
    let third = codes.arrive("RCV", &[code(4)], None, 1);
    assert_eq!(third.dup, 1);
    // Left from elsewhere: named as perhaps rejected while it has not moved since.
    codes.arrive("RCV", &[code(7), code(8)], None, 1);
    let out = codes.leave("SP-1", None, (Some("C"), false), &[code(8)], day0);
    assert_eq!(out.elsewhere, 1);
    assert!(out.first_elsewhere_unaccepted);
    let out = codes.leave("SP-1", None, (Some("C"), false), &[code(4)], day0);
    assert_eq!(out.elsewhere, 1);
    assert!(!out.first_elsewhere_unaccepted);
}

/// A unit listed twice on one line is one unit: it covers one unit of the line and is not a
/// unit moved again, whether its own code repeats or it is listed beside its pack.
#[test]
fn a_unit_listed_twice_on_a_line_counts_once() {
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    let mut codes = Codes::default();
    codes.tick(day0, 180);
    let got = codes.arrive("WH", &[code(1), code(2), code(1)], None, u64::MAX);
    assert_eq!((got.units, got.dup), (2, 0));
    codes.aggregate(&agg(true, 50, &[3, 4]));
    let got = codes.arrive("WH", &[code(50), code(3)], None, u64::MAX);
    assert_eq!((got.units, got.dup), (2, 0));
    let out = codes.leave(
        "WH",
        None,
        (Some("C"), false),
        &[code(2), code(2), code(1)],
        day0,
    );
    assert_eq!((out.units, out.dup, out.unknown), (2, 0, 0));
    let mut keys = vec![5, 1, 5, 2, 1];
    Listed::default().take_new(&mut keys);
    assert_eq!(keys, [5, 1, 2]);
}

/// A unit listed on two lines of one record is one unit scanned twice too (round 16): it
/// covers a unit of its first line only, and the second line is not a unit moved again.
#[test]
fn a_unit_listed_on_two_lines_of_a_record_counts_on_the_first() {
    let ev = |json: serde_json::Value| Event::from_value(json).unwrap();
    let envelope = |kind: &str, data: serde_json::Value| {
        serde_json::json!({"v": 2, "id": "01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e11", "kind": kind,
            "occurred_at": "2026-01-12T02:00:00Z", "recorded_by": ["x"], "data": data})
    };
    let line = |codes: &[u64], from: &str| {
        serde_json::json!({"product": "P", "batch": "B", "quantity": codes.len().max(1),
            "from": from, "codes": codes.iter().map(|&c| code(c)).collect::<Vec<_>>()})
    };
    let cfg = Config::default();
    let mut codes = Codes::default();
    let apply = |codes: &mut Codes, e: &Event| {
        let date = e.occurred_at.date_naive();
        codes.apply(
            &Ev {
                seq: 1,
                e,
                recorded_at: e.occurred_at,
                date,
            },
            &cfg,
        );
        codes
            .lines
            .iter()
            .map(|l| (l.units, l.dup, l.unknown))
            .collect::<Vec<_>>()
    };
    let receipt_lines: Vec<_> = [1, 2]
        .map(|n| {
            serde_json::json!({"product": "P", "batch": "B", "production_date": "2025-01-01",
                "expiry": "2028-01-01", "arrived": 2, "accepted": 2, "rejected": 0,
                "location": "SP-1", "codes": [code(n), code(3)]})
        })
        .into();
    let receipt = ev(envelope(
        "receipt",
        serde_json::json!({"doc": "SH", "supplier": "S", "lines": receipt_lines,
            "acceptors": ["a"]}),
    ));
    // Unit 3 on both lines of the receipt: arrived once, not "already in stock" on line 2.
    assert_eq!(apply(&mut codes, &receipt), [(2, 0, 0), (1, 0, 0)]);
    let dispatch = ev(envelope(
        "dispatch",
        serde_json::json!({"doc": "PS", "customer": "C",
        "consignee": "c", "address": "a", "lines": [line(&[1, 3], "SP-1"), line(&[3, 2], "SP-1")]}),
    ));
    // Unit 3 on both lines of the dispatch: it left once, not "shipped twice" on line 2.
    assert_eq!(apply(&mut codes, &dispatch), [(2, 0, 0), (1, 0, 0)]);
}

/// A finding names the code of the first unit shipped twice or never received, as the line
/// wrote it: the unit's own code, or the pack it moved in.
#[test]
fn the_first_duplicated_or_unknown_unit_is_named_by_the_code_on_the_line() {
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    let mut codes = Codes::default();
    codes.tick(day0, 180);
    codes.arrive("WH", &[code(1), code(2), code(3)], None, u64::MAX);
    codes.leave("WH", None, (Some("C"), false), &[code(1), code(2)], day0);
    let again = codes.leave(
        "WH",
        None,
        (Some("C"), false),
        &[code(3), code(2), code(1)],
        day0,
    );
    assert_eq!(again.dup, 2);
    assert_eq!(
        codes.unit_code(&[code(3), code(2), code(1)], again.first_dup),
        code(2)
    );
    let unknown = codes.leave("WH", Some("QA"), (None, false), &[code(9), code(8)], day0);
    assert_eq!(unknown.unknown, 2);
    assert_eq!(
        codes.unit_code(&[code(9), code(8)], unknown.first_unknown),
        code(9)
    );
    // Units 5 and 6 packed in case 50, which is then moved without having been received.
    codes.aggregate(&agg(true, 50, &[5, 6]));
    let packed = codes.leave("WH", None, (Some("C"), false), &[code(50)], day0);
    assert_eq!(packed.unknown, 2);
    assert_eq!(codes.unit_code(&[code(50)], packed.first_unknown), code(50));
    // A key no code of the line stands for is written as its 20 digits.
    assert_eq!(codes.unit_code(&[], packed.first_unknown).len(), 20);
}

/// A unit shipped on day 0 and returned on day `back`, with events in between on the days
/// `between` (each may sweep): whether the return finds the code unknown.
fn returned_unknown(back: i64, between: &[i64]) -> bool {
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    let mut codes = Codes::default();
    codes.tick(day0, 180);
    codes.arrive("WH", &[code(1)], None, u64::MAX);
    codes.leave("WH", None, (Some("C"), false), &[code(1)], day0);
    for d in between.iter().filter(|d| **d < back) {
        codes.tick(day0 + chrono::Duration::days(*d), 180);
    }
    codes.tick(day0 + chrono::Duration::days(back), 180);
    codes.arrive("RET", &[code(1)], Some("C"), u64::MAX).unknown == 1
}

/// A shipped code is known for a returned unit to the end of the day `return_window_days`
/// after the day it left, and unknown from the next day on, on any day of the week and
/// whether or not the events in between swept it from memory.
#[test]
fn a_shipped_code_is_forgotten_after_the_window_on_any_weekday() {
    let daily: Vec<i64> = (1..400).collect();
    for back in 170..=200 {
        let want = back > 180;
        assert_eq!(returned_unknown(back, &[]), want, "alone, day {back}");
        assert_eq!(returned_unknown(back, &daily), want, "daily, day {back}");
        assert_eq!(
            returned_unknown(back, &[back - 3]),
            want,
            "sparse, day {back}"
        );
    }
    // Shipped again after it was forgotten: a code that left and never came back.
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    let mut codes = Codes::default();
    codes.tick(day0, 180);
    codes.arrive("WH", &[code(2)], None, u64::MAX);
    codes.leave("WH", None, (Some("C"), false), &[code(2)], day0);
    codes.tick(day0 + chrono::Duration::days(190), 180);
    let again = codes.leave(
        "WH",
        None,
        (Some("C"), false),
        &[code(2)],
        day0 + chrono::Duration::days(190),
    );
    assert_eq!((again.unknown, again.dup), (1, 0));
}

/// A returned unit whose shipped code cannot be read back from disk is treated as unknown,
/// and the fault is kept for the end of the check, naming the directory.
#[cfg(target_os = "linux")]
#[test]
fn a_code_that_cannot_be_read_back_is_a_fault() {
    let dir = tempfile::tempdir().unwrap();
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    let mut codes = Codes::spilled_after(Shipped::in_dir(dir.path()), 7);
    codes.year = 2026;
    codes.tick(day0, 180);
    codes.arrive("WH", &[code(1)], None, u64::MAX);
    codes.leave("WH", None, (Some("C"), false), &[code(1)], day0);
    codes.tick(day0 + chrono::Duration::days(14), 180);
    assert_eq!(codes.runs_on_disk(), 1);
    let damaged = crate::testing::damage_open_files_in(dir.path(), |f| {
        crate::testing::write_at(f, b"\xff\xff", crate::engine::spill::FRAME_HEAD as u64);
    });
    assert_eq!(damaged, 1);
    let back = codes.arrive("RET", &[code(1)], Some("C"), u64::MAX);
    assert_eq!(back.unknown, 1);
    let fault = codes.take_fault().expect("a fault").to_string();
    assert!(fault.contains(&dir.path().display().to_string()), "{fault}");
    assert!(fault.contains("checksum"), "{fault}");
    assert!(codes.take_fault().is_none());
}

#[derive(Clone, Debug)]
enum Step {
    Days(u8),
    Receive(u64),
    Ship(u64),
    Return(u64),
    Move(u64),
    Pack(u64, Vec<u64>),
    Unpack(u64),
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        (0u8..9).prop_map(Step::Days),
        (0u64..30).prop_map(Step::Receive),
        (0u64..30).prop_map(Step::Ship),
        (0u64..30).prop_map(Step::Return),
        (0u64..30).prop_map(Step::Move),
        (30u64..34, proptest::collection::vec(0u64..30, 1..4)).prop_map(|(p, c)| Step::Pack(p, c)),
        (30u64..34).prop_map(Step::Unpack),
    ]
}

/// What each step of `steps` showed, with a return window of 30 days.
fn replay(codes: &mut Codes, steps: &[Step]) -> Vec<String> {
    let mut day = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    codes.year = 2026;
    codes.tick(day, 30);
    let mut out = Vec::new();
    for s in steps {
        out.push(match s {
            Step::Days(n) => {
                day += chrono::Duration::days(i64::from(*n));
                codes.tick(day, 30);
                continue;
            }
            Step::Receive(n) => format!("{:?}", codes.arrive("WH", &[code(*n)], None, u64::MAX)),
            Step::Ship(n) => format!(
                "{:?}",
                codes.leave("WH", None, (Some("C"), false), &[code(*n)], day)
            ),
            Step::Return(n) => format!(
                "{:?}",
                codes.arrive("RET", &[code(*n)], Some("C"), u64::MAX)
            ),
            Step::Move(n) => format!(
                "{:?}",
                codes.leave("WH", Some("B"), (None, false), &[code(*n)], day)
            ),
            Step::Pack(p, c) => format!("{:?}", codes.aggregate(&agg(true, *p, c))),
            Step::Unpack(p) => format!("{:?}", codes.aggregate(&agg(false, *p, &[]))),
        });
    }
    out
}

proptest::proptest! {
    /// Shipped codes moved to disk at every weekly sweep show the same as codes kept in
    /// memory, whatever the receipts, shipments, returns, moves, packs and days between.
    #[test]
    fn codes_on_disk_show_what_codes_in_memory_show(
        steps in proptest::collection::vec(step(), 0..200),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut memory = Codes::spilled_after(Shipped::in_dir(dir.path()), u32::MAX);
        let mut disk = Codes::spilled_after(Shipped::in_dir(dir.path()), 0);
        let want = replay(&mut memory, &steps);
        proptest::prop_assert_eq!(memory.runs_on_disk(), 0);
        proptest::prop_assert_eq!(replay(&mut disk, &steps), want);
        proptest::prop_assert!(disk.shipped.fault.is_none());
    }

    /// `already` counts, reading every pack's list: a unit child that some pack lists, and
    /// a unit of a child pack that a pack lists besides that child; whatever packs,
    /// re-packs (of a parent, nested) and unpacks came before.
    #[test]
    fn already_packed_is_what_the_packs_list(
        steps in proptest::collection::vec(
            (proptest::bool::weighted(0.8), 100u64..106, proptest::collection::vec(94u64..108, 1..5)),
            0..60,
        ),
    ) {
        let mut codes = Codes { year: 2026, ..Codes::default() };
        for (pack, parent, children) in steps {
            let listed = |k: &u128| {
                codes.parents.values().map(|c| c.iter().filter(|x| *x == k).count()).sum::<usize>()
            };
            let want: usize = children
                .iter()
                .map(|&c| parse_code_at(&code(c), 2026).unwrap().key())
                .map(|k| match codes.parents.get(&k) {
                    Some(units) => units.iter().filter(|u| listed(u) > 1).count(),
                    None => usize::from(listed(&k) > 0),
                })
                .sum();
            match codes.aggregate(&agg(pack, parent, &children)) {
                Packing::Pack { already, .. } => proptest::prop_assert_eq!(already, want),
                Packing::Unpack { .. } => proptest::prop_assert!(!pack),
                Packing::BadParent(e) => proptest::prop_assert!(false, "{e}"),
            }
            let listed = codes.parents.values().map(Vec::len).sum::<usize>();
            let counted = codes.packed.values().map(|&n| n as usize).sum::<usize>();
            proptest::prop_assert_eq!(listed, counted);
        }
    }
}

/// A returned unit must come back from the party it left to (round 24, B3): a unit shipped to
/// one hospital and returned by another, or destroyed and then "returned", is `other`, in memory
/// and after a week on disk (where the party is kept with the day); returned by its customer it
/// is not.
#[test]
fn a_unit_returned_by_another_party_than_it_left_to_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let day0 = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
    for on_disk in [false, true] {
        let mut codes = Codes::spilled_after(Shipped::in_dir(dir.path()), 7);
        codes.year = 2026;
        codes.tick(day0, 180);
        codes.arrive("WH", &[code(1), code(2), code(3), code(4)], None, u64::MAX);
        codes.leave("WH", None, (Some("A"), false), &[code(1), code(2)], day0);
        codes.leave("WH", None, (Some("B"), false), &[code(3)], day0);
        codes.leave("WH", None, (None, true), &[code(4)], day0);
        if on_disk {
            codes.tick(day0 + chrono::Duration::days(14), 180);
            assert_eq!(codes.runs_on_disk(), 1);
        }
        let by_b = codes.arrive("RET", &[code(1), code(3)], Some("B"), u64::MAX);
        assert_eq!((by_b.other, by_b.unknown, by_b.dup), (1, 0, 0), "{on_disk}");
        let (k, to) = by_b.first_other;
        assert_eq!(codes.unit_code(&[code(1)], k), code(1).to_string());
        assert_eq!(codes.went(to), Went::To("A"));
        let by_a = codes.arrive("RET", &[code(2)], Some("A"), u64::MAX);
        assert_eq!((by_a.other, by_a.unknown), (0, 0), "{on_disk}");
        let destroyed = codes.arrive("RET", &[code(4)], Some("A"), u64::MAX);
        assert_eq!(destroyed.other, 1);
        assert_eq!(codes.went(destroyed.first_other.1), Went::Destroyed);
        // By a customer no unit ever left to.
        codes.leave("RET", None, (Some("A"), false), &[code(2)], day0);
        let stranger = codes.arrive("RET", &[code(2)], Some("Z"), u64::MAX);
        assert_eq!(stranger.other, 1);
    }
}
