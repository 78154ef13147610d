//! Integrity: records that are not valid events (`EVENT-INVALID`) and events recorded long after
//! they happened (`LATE-ENTRY`). The hash chain (`CHAIN`) is verified by `check`, below the
//! engine.

use chrono::Duration;

use super::Family;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::term;
use crate::{Finding, Msg, Rule};

/// The integrity family (stateless).
#[derive(Default)]
pub(crate) struct Integrity;

impl Integrity {
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
        late_entry(cx, ev);
    }
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
    let hours = lateness.num_hours();
    let m = Msg::new("late-entry")
        .arg("kind", term(e.kind().as_str()))
        .arg("occurred", e.occurred_at)
        .arg("how", term(how))
        .arg("hours", hours)
        .arg("limit", limit);
    cx.emit(Finding::new(Rule::LateEntry, ev.seq, m).figures(
        Msg::new("late-entry-expected").arg("hours", limit),
        Msg::new("late-entry-actual").arg("hours", hours),
    ));
}
