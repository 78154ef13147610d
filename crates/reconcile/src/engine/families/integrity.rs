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

use chrono::Duration;
use rxledger_store::ids::{Entry, Sorter};
use rxledger_store::StoreError;

use super::Family;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::{duration_in, term};
use crate::{Finding, Msg, Rule};

/// Ids `EVENT-DUP` keeps in memory before spilling sorted runs.
const IDS_IN_MEMORY: usize = 1 << 15;

/// The integrity family: the ids seen, for `EVENT-DUP`.
pub(crate) struct Integrity {
    /// `None` when `EVENT-DUP` is disabled: no id is kept, and no temporary file made.
    ids: Option<Sorter>,
    /// Why the ids spilled to temporary files could not all be read back at the end (the
    /// search for duplicates stopped there): see [`crate::Engine::try_finish_with_pending`].
    pub fault: Option<StoreError>,
}

impl Default for Integrity {
    fn default() -> Self {
        Integrity::new(true)
    }
}

impl Integrity {
    /// The family, keeping the ids for `EVENT-DUP` when `dup` (the rule is enabled).
    pub fn new(dup: bool) -> Self {
        Integrity {
            ids: dup.then(|| Sorter::with_memory(IDS_IN_MEMORY)),
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
        late_entry(cx, ev);
    }

    fn finish(&mut self, cx: &mut Ctx<'_>) {
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
