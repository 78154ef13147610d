//! Traceability codes: malformed codes (`CODE-FORMAT`), codes received while in stock or moved
//! after they left (`CODE-DUP`), codes never received or never shipped (`CODE-UNKNOWN`), and
//! the same for packs.
//!
//! Where each code is, is a projection ([`crate::engine::projections::codes`]); this family
//! reports what it saw for each line.

use chrono::Datelike;
use rxledger_model::codes::parse_code_at;
use rxledger_model::EventBody;

use super::Family;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::{code_error, plural, term};
use crate::engine::projections::codes::{code_lines, Packing, Went};
use crate::{Finding, Msg, Rule};

/// The codes family (stateless).
#[derive(Default)]
pub(crate) struct Codes;

impl Family for Codes {
    fn id(&self) -> crate::Family {
        crate::Family::Codes
    }

    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>) {
        if let EventBody::Aggregation(a) = &ev.e.body {
            packing(cx, ev.seq, a);
            return;
        }
        let mut i = 0;
        code_lines(ev.e, |l| {
            let codes = &cx.proj.codes;
            let seen = codes.lines.get(i).copied().unwrap_or_default();
            i += 1;
            let line = |id, count: usize| {
                Msg::new(id)
                    .arg("count", count)
                    .arg("count_plural", plural(count))
                    .arg("product", l.product)
                    .arg("batch", l.batch)
            };
            let on_line = |f: Finding| f.product(l.product).batch(l.batch);
            if seen.bad > 0 {
                let first = &l.codes[seen.first_bad];
                let mut m = line("code-format-line", seen.bad).arg("code", first.as_str());
                if let Err(err) = parse_code_at(first, ev.e.occurred_at.year()) {
                    m = code_error(m, &err);
                }
                let f = Finding::new(Rule::CodeFormat, ev.seq, m).figures(
                    Msg::new("code-format-expected"),
                    Msg::new("code-format-actual").arg("count", seen.bad),
                );
                cx.out.emit(on_line(f));
            }
            match l.from {
                // Arriving from outside (receipt, customer return).
                None => {
                    if seen.dup > 0 {
                        let m = line("code-dup-received", seen.dup)
                            .arg("code", codes.unit_code(l.codes, seen.first_dup));
                        let f = Finding::new(Rule::CodeDup, ev.seq, m).figures(
                            Msg::new("code-dup-received-expected"),
                            Msg::new("code-dup-received-actual").arg("count", seen.dup),
                        );
                        cx.out.emit(on_line(f));
                    }
                    if seen.unknown > 0 {
                        let mut m = line("code-unknown-returned", seen.unknown)
                            .arg("code", codes.unit_code(l.codes, seen.first_unknown))
                            .arg("days", cx.cfg.thresholds.return_window_days);
                        // Which return, from whom (round 26, A6).
                        if let EventBody::CustomerReturn(r) = &ev.e.body {
                            m = m.arg("doc", &r.doc).arg("customer", &r.customer);
                        }
                        cx.out
                            .emit(on_line(Finding::new(Rule::CodeUnknown, ev.seq, m)));
                    }
                    // Returned by another party than the one it left to (round 24, B3).
                    if seen.other > 0 {
                        if let EventBody::CustomerReturn(r) = &ev.e.body {
                            let (k, loc) = seen.first_other;
                            let m = line("code-unknown-returned-other", seen.other)
                                .arg("code", codes.unit_code(l.codes, k))
                                .arg("doc", &r.doc)
                                .arg("customer", &r.customer);
                            let m = match codes.went(loc) {
                                Went::To(p) => m.arg("left", term("party")).arg("party", p),
                                Went::Destroyed => m.arg("left", term("destroyed")),
                                Went::Lost => m.arg("left", term("lost")),
                            };
                            cx.out
                                .emit(on_line(Finding::new(Rule::CodeUnknown, ev.seq, m)));
                        }
                    }
                }
                // Moving inside or leaving.
                Some(from) => {
                    if seen.unknown > 0 {
                        let m = line("code-unknown-moved", seen.unknown)
                            .arg("code", codes.unit_code(l.codes, seen.first_unknown))
                            .arg("location", from)
                            .arg("days", cx.cfg.thresholds.return_window_days);
                        let f = Finding::new(Rule::CodeUnknown, ev.seq, m).location(from);
                        cx.out.emit(on_line(f));
                    }
                    if seen.dup > 0 {
                        let m = line("code-dup-moved", seen.dup)
                            .arg("code", codes.unit_code(l.codes, seen.first_dup));
                        let f = Finding::new(Rule::CodeDup, ev.seq, m).location(from);
                        cx.out.emit(on_line(f));
                    }
                }
            }
        });
    }
}

/// An aggregation: a malformed pack or child code (`CODE-FORMAT`), children already packed, a
/// pack code reused, or an unknown pack opened (`CODE-UNKNOWN`).
fn packing(cx: &mut Ctx<'_>, seq: u64, a: &rxledger_model::Aggregation) {
    let Some(packing) = &cx.proj.codes.packing else {
        return;
    };
    match packing {
        Packing::BadParent(err) => {
            let m = Msg::new("code-format-pack")
                .arg("doc", &a.doc)
                .arg("code", a.parent.as_str());
            let m = code_error(m, err);
            cx.out.emit(Finding::new(Rule::CodeFormat, seq, m));
        }
        Packing::Pack {
            bad,
            first_bad,
            already,
            reused,
        } => {
            if *bad > 0 {
                let m = Msg::new("code-format-children")
                    .arg("doc", &a.doc)
                    .arg("count", *bad)
                    .arg("code", a.children[*first_bad].as_str());
                cx.out.emit(Finding::new(Rule::CodeFormat, seq, m));
            }
            if *already > 0 || *reused {
                let m = Msg::new("code-unknown-packed")
                    .arg("doc", &a.doc)
                    .arg("count", *already)
                    .arg("pack", &a.parent);
                cx.out.emit(Finding::new(Rule::CodeUnknown, seq, m));
            }
        }
        Packing::Unpack { known: false } => {
            let m = Msg::new("code-unknown-unpack")
                .arg("doc", &a.doc)
                .arg("pack", &a.parent);
            cx.out.emit(Finding::new(Rule::CodeUnknown, seq, m));
        }
        Packing::Unpack { known: true } => {}
    }
}
