//! Integrity: records that are not valid events (`EVENT-INVALID`), events whose id an earlier
//! record already holds (`EVENT-DUP`) and events recorded long after they happened
//! (`LATE-ENTRY`). The hash chain (`CHAIN`) is verified by `check`, below the engine.
//!
//! `EVENT-DUP` needs every id of the ledger, which bounded memory cannot hold: the ids go
//! through a [`Sorter`] (32,768 in memory, 1.3 MiB; beyond that sorted runs are spilled to
//! temporary files, about 40 bytes per event, not made durable, and merged at the end), so
//! the findings come at the end of the input. Ledgers appended through `rxledger append` or the
//! file store hold each id once (the store refuses a second copy); this rule finds the
//! duplicates of ledgers written before the store kept an id index, or by other writers.
//!
//! `DOC-DUP` keeps a key per document the same way: its kind, number and counterparty (and, for
//! a count, its location) hashed to 128 bits, with the event's id, so that a
//! document recorded again under another id (re-imported after its time was corrected, a
//! partner's re-send under a new `eventID`, a re-export whose rows moved) is found at the end.

use chrono::Duration;
use rxledger_store::ids::{Entry, Sorter};
use rxledger_store::StoreError;

use super::Family;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::{duration_in, term};
use crate::{Finding, Msg, Rule};
use rxledger_model::{EventBody, Kind};

/// Ids `EVENT-DUP` keeps in memory before spilling sorted runs.
const IDS_IN_MEMORY: usize = 1 << 15;

/// The integrity family: the ids seen, for `EVENT-DUP`.
pub(crate) struct Integrity {
    /// `None` when `EVENT-DUP` is disabled: no id is kept, and no temporary file made.
    ids: Option<Sorter>,
    /// `None` when `DOC-DUP` is disabled: the documents' keys ([`doc_key`]).
    docs: Option<Sorter>,
    /// The two hashes of a document key (foldhash, seeded at random for the process as the
    /// maps are: no ledger can be written to make two documents collide).
    doc_hash: [foldhash::quality::RandomState; 2],
    /// Why the ids spilled to temporary files could not all be read back at the end (the
    /// search for duplicates stopped there): see [`crate::Engine::try_finish_with_pending`].
    pub fault: Option<StoreError>,
}

impl Default for Integrity {
    fn default() -> Self {
        Integrity::new(true, true)
    }
}

impl Integrity {
    /// The family, keeping the ids for `EVENT-DUP` when `dup` (the rule is enabled), and the
    /// documents' keys for `DOC-DUP` when `docs`.
    pub fn new(dup: bool, docs: bool) -> Self {
        Integrity {
            ids: dup.then(|| Sorter::with_memory(IDS_IN_MEMORY)),
            docs: docs.then(|| Sorter::with_memory(IDS_IN_MEMORY)),
            doc_hash: Default::default(),
            fault: None,
        }
    }

    /// Whether it keeps no id (`EVENT-DUP` is disabled).
    #[cfg(test)]
    pub fn keeps_no_ids(&self) -> bool {
        self.ids.is_none()
    }

    /// The family with `EVENT-DUP`'s ids spilled beyond `entries` in memory to `dir` (tests
    /// damage the spilled runs).
    #[cfg(test)]
    pub fn spilling_to(entries: usize, dir: &std::path::Path) -> Self {
        Integrity {
            ids: Some(Sorter::with_memory_in(entries, dir)),
            docs: None,
            doc_hash: Default::default(),
            fault: None,
        }
    }

    /// `EVENT-INVALID`: record `seq` does not hold a valid event.
    pub fn invalid(cx: &mut Ctx<'_>, seq: u64, error: &str) {
        let m = Msg::new("event-invalid")
            .arg("record", seq)
            .arg("error", error);
        cx.emit(Finding::new(Rule::EventInvalid, seq, m));
    }
}

impl Family for Integrity {
    fn id(&self) -> crate::Family {
        crate::Family::Integrity
    }

    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>) {
        if let Some(ids) = &mut self.ids {
            ids.push(Entry {
                key: ev.e.id.as_u128(),
                seq: ev.seq,
                digest: 0,
            });
        }
        if let (Some(docs), Some(key)) = (&mut self.docs, doc_key(&self.doc_hash, &ev.e.body)) {
            // With when it occurred (a number used again long after is another document) and a
            // 64-bit hash of its whole id (the same event again is EVENT-DUP's, not a second
            // one; an imported id's low half is the same for a corrected document, round 30).
            use std::hash::BuildHasher;
            let at = u128::from(ev.e.occurred_at.timestamp().cast_unsigned());
            let id = u128::from(self.doc_hash[0].hash_one(ev.e.id.as_u128()));
            docs.push(Entry {
                key,
                seq: ev.seq,
                digest: (at << 64) | id,
            });
        }
        late_entry(cx, ev);
    }

    fn finish(&mut self, cx: &mut Ctx<'_>) {
        self.finish_docs(cx);
        let Some(ids) = self.ids.take() else { return };
        let mut first: Option<Entry> = None;
        // (later record, first record, id); findings are held in memory anyway.
        let mut dups = Vec::new();
        // A spill file that cannot be read back (it was written moments ago, so only a failing
        // disk does this) ends the search, and the engine's result says so.
        for e in ids.finish() {
            let e = match e {
                Ok(e) => e,
                Err(err) => {
                    self.fault = Some(err);
                    break;
                }
            };
            match first {
                Some(f) if f.key == e.key => dups.push((e.seq, f.seq, e.key)),
                _ => first = Some(e),
            }
        }
        dups.sort_unstable();
        for (seq, first, id) in dups {
            event_dup(cx, seq, first, id);
        }
    }
}

impl Integrity {
    /// `DOC-DUP` at the end of the input: each record whose document key an earlier record
    /// already holds under another id, in record order.
    fn finish_docs(&mut self, cx: &mut Ctx<'_>) {
        let Some(docs) = self.docs.take() else { return };
        // A number used again more than the return window after its document occurred is
        // another document: ERPs number from 0001 each year, and the engine has forgotten the
        // first by then (round 30, A2).
        let window = cx.cfg.thresholds.return_window_days.saturating_mul(86_400);
        let secs = |e: &Entry| ((e.digest >> 64) as u64).cast_signed();
        let id = |e: &Entry| e.digest & u128::from(u64::MAX);
        // The first record of a document, and the time of its latest copy: a copy is measured
        // from the record before it (within the window of each other, as rules.md says), so a
        // chain of copies each within the window of the last is one document (round 33, B1).
        let mut first: Option<(Entry, i64)> = None;
        let mut dups = Vec::new();
        for e in docs.finish() {
            let e = match e {
                Ok(e) => e,
                Err(err) => {
                    self.fault.get_or_insert(err);
                    break;
                }
            };
            match &mut first {
                Some((f, last))
                    if f.key == e.key && secs(&e).abs_diff(*last) <= window.unsigned_abs() =>
                {
                    if id(&e) != id(f) {
                        dups.push((e.seq, f.seq, e.key));
                    }
                    *last = secs(&e);
                }
                _ => first = Some((e, secs(&e))),
            }
        }
        dups.sort_unstable();
        for (seq, first, key) in dups {
            let kind = Kind::ALL[usize::try_from(key >> KIND_SHIFT).unwrap_or(0)];
            // What the two have in common besides the kind and number, as [`doc_key`] kept it.
            let by = SHARED[usize::try_from(key >> SHARED_SHIFT & 3).unwrap_or(0)];
            let m = Msg::new("doc-dup")
                .arg("record", seq)
                .arg("kind", term(kind.as_str()))
                .arg("by", term(by))
                .arg("first", first)
                .arg("days", cx.cfg.thresholds.return_window_days);
            cx.emit(Finding::new(Rule::DocDup, seq, m).also(first));
        }
    }
}

/// Where a document key keeps its kind: the top 5 bits.
const KIND_SHIFT: u32 = 123;
/// Where a document key keeps what else its documents share (an index of [`SHARED`]): the 2
/// bits below the kind.
const SHARED_SHIFT: u32 = 121;
/// What two documents of one key share besides kind and number (the sentence's term).
const SHARED: [&str; 3] = ["number", "party", "location"];

/// The key of the document an event records (`None` for events of no document, and for packing:
/// one packing document may pack several parents): its kind in the top bits, then what else it
/// is keyed by ([`SHARED`]), then a hash of its number, its counterparty (numbers of different
/// suppliers' invoices may meet) and, for a stock count, its location (one count sheet may
/// cover several).
fn doc_key(hash: &[foldhash::quality::RandomState; 2], body: &EventBody) -> Option<u128> {
    use std::hash::BuildHasher;
    use EventBody as B;
    let doc = body.doc()?;
    // (party, place, index in SHARED)
    let (party, place, shared): (&str, &str, u128) = match body {
        B::Aggregation(_) => return None,
        B::Purchase(x) => (&x.supplier, "", 1),
        B::Receipt(x) => (&x.supplier, "", 1),
        B::SupplierReturn(x) => (&x.supplier, "", 1),
        B::Sale(x) => (&x.customer, "", 1),
        B::Dispatch(x) => (&x.customer, "", 1),
        B::CustomerReturn(x) => (&x.customer, "", 1),
        B::Invoice(x) => (&x.issuer, &x.buyer, 1),
        B::Payment(x) => (&x.payer, &x.payee, 1),
        B::StockCount(x) => ("", &x.location, 2),
        _ => ("", "", 0),
    };
    let kind = body.kind();
    let index = Kind::ALL.iter().position(|k| *k == kind)?;
    // (A string hashes with a terminator: ("ab", "c") and ("a", "bc") differ.)
    let key = (doc, party, place);
    let (a, b) = (hash[0].hash_one(key), hash[1].hash_one(key));
    let h = (u128::from(a) << 64) | u128::from(b);
    Some(((index as u128) << KIND_SHIFT) | (shared << SHARED_SHIFT) | (h >> 7))
}

/// `EVENT-DUP`: record `seq` holds an event with the id of record `first`'s.
fn event_dup(cx: &mut Ctx<'_>, seq: u64, first: u64, id: u128) {
    let hex = format!("{id:032x}");
    let id = format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    );
    let m = Msg::new("event-dup")
        .arg("record", seq)
        .arg("id", id)
        .arg("first", first);
    cx.emit(Finding::new(Rule::EventDup, seq, m).also(first));
}

/// `LATE-ENTRY`: entered (or, without `entered_at`, appended) more than the threshold after it
/// occurred.
fn late_entry(cx: &mut Ctx<'_>, ev: &Ev<'_>) {
    let e = ev.e;
    let entered = e.entered_at.unwrap_or(ev.recorded_at);
    let lateness = entered - e.occurred_at;
    let limit = cx.cfg.thresholds.late_entry_hours;
    if lateness <= Duration::hours(limit) {
        return;
    }
    let how = if e.entered_at.is_some() {
        "entered"
    } else {
        "recorded"
    };
    let hours = duration_in(lateness, Duration::hours(1));
    // The document and the instant it was entered, to the second (round 26, A3).
    let m = Msg::new("late-entry")
        .arg("kind", term(e.kind().as_str()))
        .arg("occurred", e.occurred_at)
        .arg("how", term(how))
        .arg("at", entered);
    let m = match e.body.doc() {
        Some(doc) => m.arg("doc", term("doc")).arg("docno", doc),
        None => m.arg("doc", term("none")),
    };
    let m = m.arg("hours", hours.clone()).arg("limit", limit);
    cx.emit(Finding::new(Rule::LateEntry, ev.seq, m).figures(
        Msg::new("late-entry-expected").arg("hours", limit),
        Msg::new("late-entry-actual").arg("hours", hours),
    ));
}
