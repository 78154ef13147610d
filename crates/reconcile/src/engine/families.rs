//! The rule families: one module per [`crate::Family`] of the catalogue, each implementing
//! [`Family`] over the shared projections.
//!
//! A family looks at every event after the projections took it in ([`Family::on_event`]), at
//! the deadlines it set when the ledger's clock passes them ([`Family::on_due`]), and at the end
//! of the input ([`Family::finish`]), and after the end at the deadlines not yet passed, to
//! report what is still open ([`Family::pending`]). It reports only findings of its own rules (checked in
//! debug builds) and keeps only the state no other family needs (suspicious-order history,
//! temperature streams); what several families read is a projection.
//!
//! Adding a rule: one catalogue line in `rules.rs`, one function in its family called from
//! that family's `on_event` (or `on_due`), and its messages in the family's `.ftl` file of
//! `rxledger-report`. Adding a family: a module here and one line in [`Families::table`].

pub(crate) mod codes;
pub(crate) mod cold_chain;
pub(crate) mod documents;
pub(crate) mod integrity;
pub(crate) mod qualification;
pub(crate) mod special;
pub(crate) mod stock;
pub(crate) mod temp_integrity;

use chrono::{DateTime, Utc};

use super::ctx::{Ctx, Due, Ev};

/// A family of rules.
pub(crate) trait Family {
    /// Which family of the catalogue it is.
    fn id(&self) -> crate::Family;

    /// An event, after the projections were updated with it.
    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>);

    /// A deadline this family set, now passed (the projections' life cycle of the same
    /// deadline runs after).
    fn on_due(&mut self, _cx: &mut Ctx<'_>, _due: &Due) {}

    /// The end of the input.
    fn finish(&mut self, _cx: &mut Ctx<'_>) {}

    /// After the end of the input: a deadline this family set, due at `at` but not passed by
    /// the ledger's clock `now`. Reports the open item ([`crate::Pending`]) if its finding would
    /// fire were the ledger to show nothing more.
    ///
    /// The unit codes projection (`cx.proj.codes`) is empty by then: `finish_with_pending` drops
    /// it first (millions of shipped codes at a wholesaler's volume). An open item described
    /// from unit codes would have to keep them, there.
    fn pending(
        &mut self,
        _cx: &mut Ctx<'_>,
        _at: DateTime<Utc>,
        _due: &Due,
        _now: Option<DateTime<Utc>>,
    ) {
    }
}

/// Every family of the engine.
#[derive(Default)]
pub(crate) struct Families {
    pub integrity: integrity::Integrity,
    pub qualification: qualification::Qualification,
    pub documents: documents::Documents,
    pub stock: stock::Stock,
    pub special: special::Special,
    pub codes: codes::Codes,
    pub cold_chain: cold_chain::ColdChain,
    pub temp_integrity: temp_integrity::TempIntegrity,
    /// Families not run (a bit per [`crate::Family`]): every rule of theirs is disabled.
    idle: u16,
}

/// The bit of `f` in [`Families::idle`].
fn bit(f: crate::Family) -> u16 {
    1 << (f as u16)
}

impl Families {
    /// The families, of which those whose rules `cfg` all disables are not run; but for the two
    /// that keep counts in the shared projections for each other: documents (a sale's
    /// dispatched quantities, which stock's `RETURN-ORIG` judges returns against; an order's
    /// arrived quantities) and stock (a sale's returned quantities). They always run.
    pub fn for_config(cfg: &crate::Config) -> Families {
        let (mut all, mut enabled) = (0, 0);
        for info in crate::RULES {
            all |= bit(info.family);
            if cfg.enabled(info.rule) {
                enabled |= bit(info.family);
            }
        }
        let always = bit(crate::Family::Documents) | bit(crate::Family::Stock);
        Families {
            idle: all & !enabled & !always,
            integrity: integrity::Integrity::new(
                cfg.enabled(crate::Rule::EventDup),
                cfg.enabled(crate::Rule::DocDup),
            ),
            ..Families::default()
        }
    }

    /// Runs `f` even if its rules are all disabled.
    pub fn wake(&mut self, f: crate::Family) {
        self.idle &= !bit(f);
    }

    /// The families that run, in the order they see each event.
    pub fn table(&mut self) -> impl Iterator<Item = &mut dyn Family> {
        let idle = self.idle;
        let all: [&mut dyn Family; 8] = [
            &mut self.integrity,
            &mut self.qualification,
            &mut self.documents,
            &mut self.stock,
            &mut self.special,
            &mut self.codes,
            &mut self.cold_chain,
            &mut self.temp_integrity,
        ];
        all.into_iter().filter(move |f| idle & bit(f.id()) == 0)
    }

    /// The family that set a deadline, if any (the projections set the others) and if it runs.
    pub fn owner(&mut self, due: &Due) -> Option<&mut dyn Family> {
        let idle = self.idle;
        let family: &mut dyn Family = match due {
            Due::Documents(_) => &mut self.documents,
            Due::ColdChain(_) => &mut self.cold_chain,
            Due::ForgetBatch(_) => return None,
        };
        (idle & bit(family.id()) == 0).then_some(family)
    }
}
