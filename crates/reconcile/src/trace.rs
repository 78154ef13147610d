//! `trace`: the custody chain of one unit (by traceability code) or one batch across ledgers.
//!
//! A chain breaks where the ledgers disagree with it, and only there:
//!
//! * inside one ledger, where the engine's `SPECIAL-CHAIN` rule finds it broken (a controlled
//!   line with fewer codes than units, units leaving from where the ledger did not have them):
//!   every ledger is checked by the engine in the same pass that gathers the steps, and each
//!   `SPECIAL-CHAIN` finding on a followed batch is a break of that batch's chain, citing the
//!   finding itself ([`Collector::findings`]). No second computation exists that could call a
//!   chain unbroken that the findings call broken (a test holds the report, `trace` and `check`
//!   together);
//! * for one unit, at its own steps where those findings would name it: moved after it left,
//!   returned by another party, received again while held, a special-control unit moved from
//!   where the ledger had not put it (the findings name a batch's line, not each unit);
//! * between the ledgers given: a first appearance that is not a receipt, a dispatch to the
//!   owner of another given ledger that no receipt there answers.
//!
//! Breaks are data ([`Break`]: record, rule, message with facts); `rxledger-report` renders them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rxledger_model::codes::parse_code;
use rxledger_model::movements::{movements, MovementKind};
use rxledger_model::{Event, EventBody, Kind, Relation};
use rxledger_store::StoreError;

use crate::{Config, Engine, Finding, Msg, Rule};

/// What to follow.
#[derive(Clone, Debug)]
pub enum Target {
    /// One unit (or pack) code.
    Code(String),
    /// Every unit of a product batch.
    Batch {
        /// Product code.
        product: String,
        /// Batch.
        batch: String,
    },
}

/// One step of a custody chain.
#[derive(Clone, Debug)]
pub struct Step {
    /// Ledger file or directory.
    pub ledger: PathBuf,
    /// Its owner (the holder).
    pub holder: String,
    /// Record.
    pub seq: u64,
    /// When.
    pub at: DateTime<Utc>,
    /// Event kind.
    pub kind: &'static str,
    /// Why goods were moved, for a `transfer`: `relocation`, `quarantine` or `release` (an
    /// inspector asks whether a returned narcotic was released after re-inspection; round 26).
    pub reason: Option<&'static str>,
    /// The event's own document number.
    pub doc: String,
    /// Counterparty, if any.
    pub party: Option<String>,
    /// Where the goods come from: a location, or the supplier (a receipt, a customer return).
    pub from: Place,
    /// Where they go: a location, the customer (a dispatch, a supplier return), or nowhere (a
    /// destruction, a loss).
    pub to: Place,
    /// Quantity moved.
    pub quantity: u64,
}

/// One end of a custody step: where goods come from or go to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A location of the ledger's owner (a storage zone, the receiving area).
    Location(String),
    /// A trading partner, by party id (possibly empty when the event names none).
    Party(String),
    /// Destroyed.
    Destroyed,
    /// Lost or stolen.
    Lost,
}

/// A custody chain and where it breaks.
#[derive(Clone, Debug, Default)]
pub struct Chain {
    /// Steps in time order.
    pub steps: Vec<Step>,
    /// Where the chain breaks: first a first appearance that is not a receipt, then the
    /// `SPECIAL-CHAIN` findings (ledger by ledger, in record order), then the dispatches never
    /// received. Empty: the chain is unbroken.
    pub breaks: Vec<Break>,
}

/// Where a custody chain breaks.
#[derive(Clone, Debug, PartialEq)]
pub struct Break {
    /// The ledger holding the record.
    pub ledger: PathBuf,
    /// The record.
    pub seq: u64,
    /// The rule whose finding breaks the chain (`SPECIAL-CHAIN`), or `None` for a break between
    /// the ledgers given.
    pub rule: Option<Rule>,
    /// What breaks it: the finding's own message, or `custody-first-seen` /
    /// `custody-not-received` (rendered by `rxledger-report`).
    pub message: Msg,
}

/// One line of an event as custody sees it: what moved, how much, and from where to where.
struct Line<'a> {
    product: &'a str,
    batch: &'a str,
    quantity: u64,
    codes: &'a [rxledger_model::Text],
    from: Place,
    to: Place,
}

/// Why a `transfer` moved goods (`transfer.reason`, as the format spells it).
fn transfer_reason(e: &Event) -> Option<&'static str> {
    use rxledger_model::TransferReason as R;
    match &e.body {
        EventBody::Transfer(t) => Some(match t.reason {
            R::Relocation => "relocation",
            R::Quarantine => "quarantine",
            R::Release => "release",
        }),
        _ => None,
    }
}

/// The counterparty and the document number of an event that moves goods.
fn party_and_doc(e: &Event) -> (Option<&str>, &str) {
    let party = match &e.body {
        EventBody::Receipt(r) => Some(&r.supplier[..]),
        EventBody::Dispatch(d) => Some(&d.customer[..]),
        EventBody::CustomerReturn(r) => Some(&r.customer[..]),
        EventBody::SupplierReturn(r) => Some(&r.supplier[..]),
        _ => None,
    };
    (party, e.body.doc().unwrap_or_default())
}

/// The lines of `e`, from its goods movements ([`movements`]): a move between locations (its
/// outgoing and incoming movements) is one line; goods come in from the counterparty and go out
/// to it, or are destroyed or lost.
fn lines<'a>(e: &'a Event, party: Option<&str>) -> Vec<Line<'a>> {
    let party = party.unwrap_or_default();
    let mut out = Vec::new();
    let mut ms = movements(e);
    while let Some(m) = ms.next() {
        let here = || Place::Location(m.location.to_owned());
        let (from, to) = match m.kind {
            MovementKind::PutAway | MovementKind::Transfer => {
                // The outgoing movement is followed by the incoming one of the same line.
                let to = ms.next().map_or("", |n| n.location);
                (here(), Place::Location(to.to_owned()))
            }
            MovementKind::Receipt | MovementKind::CustomerReturn => {
                (Place::Party(party.to_owned()), here())
            }
            MovementKind::Destruction => (here(), Place::Destroyed),
            MovementKind::Loss => (here(), Place::Lost),
            // Dispatch and supplier return: out to the counterparty.
            _ => (here(), Place::Party(party.to_owned())),
        };
        out.push(Line {
            product: m.product,
            batch: m.batch,
            quantity: m.delta.unsigned_abs(),
            codes: m.codes,
            from,
            to,
        });
    }
    out
}

/// Follows `target` through `ledgers` (directories or exported files), with the default
/// configuration.
pub fn trace(target: &Target, ledgers: &[PathBuf]) -> Result<Chain, StoreError> {
    let mut chains = trace_many(std::slice::from_ref(target), ledgers, &Config::default())?;
    Ok(chains.pop().unwrap_or_default())
}

/// Follows every target through `ledgers` in one pass over each ledger, which also checks the
/// ledger with `config` (its `SPECIAL-CHAIN` findings are the breaks inside it); the chains come
/// back in the order of `targets`. As in a check, records after a break in the hash chain are
/// not followed.
pub fn trace_many(
    targets: &[Target],
    ledgers: &[PathBuf],
    config: &Config,
) -> Result<Vec<Chain>, StoreError> {
    trace_many_observed(targets, ledgers, config, |_, _| {})
}

/// [`trace_many`], showing every valid event of the ledgers to `observe` in the same pass, with
/// the index of its ledger in `ledgers` (to gather what a caller shows beside the chains, such
/// as the parties' names).
pub fn trace_many_observed(
    targets: &[Target],
    ledgers: &[PathBuf],
    config: &Config,
    mut observe: impl FnMut(usize, &Event),
) -> Result<Vec<Chain>, StoreError> {
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let mut collector = Collector::new(targets);
    for (i, path) in ledgers.iter().enumerate() {
        collector.begin_ledger(path);
        let engine = Engine::new(config.clone());
        let report = crate::check::check_with(
            path,
            engine,
            None,
            |_| {},
            |seq, e| {
                collector.observe(seq, e);
                observe(i, e);
            },
            |_| {},
        )?;
        collector.findings(&report.findings);
    }
    Ok(collector.finish().into_iter().map(|(_, c)| c).collect())
}

/// Gathers custody chains from events as ledgers are checked, so that a caller that checks the
/// ledgers anyway (the HTML report) needs no pass of its own. Call [`Collector::begin_ledger`]
/// before each ledger's events, [`Collector::observe`] for each, [`Collector::findings`] with
/// the ledger's findings, then, after the last ledger, [`Collector::finish`].
#[derive(Debug, Default)]
pub struct Collector {
    targets: Vec<Target>,
    /// Batch targets by product, then batch.
    by_batch: HashMap<String, HashMap<String, usize>>,
    /// Code targets: (target index, code key).
    codes: Vec<(usize, u128)>,
    /// Per code target: the packs of the current ledger that contain it.
    packs: Vec<Vec<u128>>,
    /// Per code target ([`Collector::codes`]' order): what its steps need besides themselves.
    units: Vec<Unit>,
    chains: Vec<Chain>,
    /// Follow every batch of a special-control product as it appears.
    special_batches: bool,
    special_products: HashSet<String>,
    ledger: PathBuf,
    owner: String,
    owners: Vec<String>,
    started: bool,
}

impl Collector {
    /// Follows `targets`.
    pub fn new(targets: &[Target]) -> Self {
        let mut c = Collector::default();
        for t in targets {
            c.add_target(t.clone());
        }
        c
    }

    /// Follows every batch of every special-control product (narcotic, psychotropic, toxic,
    /// radioactive, precursor) registered in the ledgers read.
    pub fn special_batches() -> Self {
        Collector {
            special_batches: true,
            ..Collector::default()
        }
    }

    fn add_target(&mut self, t: Target) -> usize {
        let i = self.targets.len();
        match &t {
            Target::Batch { product, batch } => {
                self.by_batch
                    .entry(product.clone())
                    .or_default()
                    .insert(batch.clone(), i);
            }
            Target::Code(c) => {
                if let Ok(k) = parse_code(c) {
                    self.codes.push((i, k.key()));
                    self.packs.push(Vec::new());
                    self.units.push(Unit::default());
                }
            }
        }
        self.targets.push(t);
        self.chains.push(Chain::default());
        i
    }

    /// The events that follow come from the ledger at `path`.
    pub fn begin_ledger(&mut self, path: &Path) {
        if self.started {
            self.owners.push(std::mem::take(&mut self.owner));
        }
        self.started = true;
        path.clone_into(&mut self.ledger);
        for p in &mut self.packs {
            p.clear();
        }
    }

    /// Record `seq` of the current ledger.
    pub fn observe(&mut self, seq: u64, e: &Event) {
        match &e.body {
            EventBody::PartyRegistered(p) if p.relation == Relation::Owner => {
                self.owner = p.party.to_string();
            }
            // Every special product, for a unit's SPECIAL-CHAIN breaks as for the batches.
            EventBody::ProductRegistered(p) if p.control.is_special() => {
                self.special_products.insert(p.product.to_string());
            }
            EventBody::Aggregation(a) if !self.codes.is_empty() => {
                let children = code_keys(&a.children);
                let parent = parse_code(&a.parent).ok().map(|p| p.key());
                for (n, (_, k)) in self.codes.iter().enumerate() {
                    if children.contains(k) {
                        if let Some(p) = parent {
                            self.packs[n].push(p);
                        }
                    }
                    // A pack code followed from its packing: it begins there, not at a receipt.
                    if parent == Some(*k) && a.action == rxledger_model::AggregationAction::Pack {
                        self.units[n]
                            .packed
                            .get_or_insert((self.ledger.clone(), e.occurred_at));
                    }
                }
            }
            _ => {}
        }
        let (party, doc) = party_and_doc(e);
        for l in lines(e, party) {
            let mut hits: Vec<(usize, u64)> = Vec::new();
            match self.by_batch.get(l.product).and_then(|b| b.get(l.batch)) {
                Some(&i) => hits.push((i, l.quantity)),
                None if self.special_batches && self.special_products.contains(l.product) => {
                    let i = self.add_target(Target::Batch {
                        product: l.product.to_owned(),
                        batch: l.batch.to_owned(),
                    });
                    hits.push((i, l.quantity));
                }
                None => {}
            }
            if !self.codes.is_empty() && !l.codes.is_empty() {
                let keys = code_keys(l.codes);
                // A receipt line listing more units than it accepted: which were rejected is
                // not known, so its units are not "in stock" for a later receipt (as in the
                // check's `CODE-DUP`).
                let unaccepted = e.kind() == Kind::Receipt && keys.len() as u64 > l.quantity;
                let special = self.special_products.contains(l.product);
                for (n, (i, k)) in self.codes.iter().enumerate() {
                    if keys.iter().any(|c| c == k || self.packs[n].contains(c)) {
                        hits.push((*i, 1));
                        let unit = &mut self.units[n];
                        unit.special |= special;
                        if unaccepted {
                            unit.unaccepted.push((self.ledger.clone(), seq));
                        }
                    }
                }
            }
            for (i, quantity) in hits {
                self.chains[i].steps.push(Step {
                    ledger: self.ledger.clone(),
                    holder: self.owner.clone(),
                    seq,
                    at: e.occurred_at,
                    kind: e.kind().as_str(),
                    reason: transfer_reason(e),
                    doc: doc.to_owned(),
                    party: party.map(str::to_owned),
                    from: l.from.clone(),
                    to: l.to.clone(),
                    quantity,
                });
            }
        }
    }

    /// The findings of the current ledger's check: each `SPECIAL-CHAIN`, `CODE-DUP` or
    /// `CODE-UNKNOWN` finding on a followed batch breaks that batch's chain at its record,
    /// citing the finding (the quantities of a batch may balance while its unit codes do not:
    /// a code shipped twice, one never received). A finding names a batch's line, not a unit,
    /// so a unit code's chain breaks on its own steps, where those findings would name it
    /// (`Chain::unit_breaks`); follow the unit's batch to see the findings.
    pub fn findings(&mut self, findings: &[Finding]) {
        let custody = [Rule::SpecialChain, Rule::CodeDup, Rule::CodeUnknown];
        for f in findings.iter().filter(|f| custody.contains(&f.rule)) {
            let (Some(product), Some(batch)) = (&f.product, &f.batch) else {
                continue;
            };
            let Some(&i) = self.by_batch.get(product).and_then(|b| b.get(batch)) else {
                continue;
            };
            self.chains[i].breaks.push(Break {
                ledger: self.ledger.clone(),
                seq: f.seq,
                rule: Some(f.rule),
                message: f.message.clone(),
            });
        }
    }

    /// The chains, with their breaks, in the order the targets were given (or, for
    /// [`Collector::special_batches`], in the order of product and batch).
    pub fn finish(mut self) -> Vec<(Target, Chain)> {
        if self.started {
            self.owners.push(std::mem::take(&mut self.owner));
        }
        // Where each code target was packed, if it is a pack made in the ledgers.
        let mut packed = vec![None; self.chains.len()];
        for ((i, _), unit) in self.codes.iter().zip(&self.units) {
            packed[*i] = unit.packed.as_ref();
        }
        for (chain, packed) in self.chains.iter_mut().zip(packed) {
            chain.find_breaks(&self.owners, packed);
        }
        for ((i, _), unit) in self.codes.iter().zip(&self.units) {
            self.chains[*i].unit_breaks(unit);
        }
        let mut out: Vec<(Target, Chain)> = self.targets.into_iter().zip(self.chains).collect();
        if self.special_batches {
            out.sort_by(|a, b| target_key(&a.0).cmp(&target_key(&b.0)));
        }
        out
    }
}

/// What a unit's breaks need besides its steps ([`Chain::unit_breaks`]).
#[derive(Debug, Default)]
struct Unit {
    /// The unit is of a special-control product: moving it from where the ledger did not have
    /// it breaks its chain (`SPECIAL-CHAIN`).
    special: bool,
    /// The receipts (ledger, record) whose line listed more units than it accepted.
    unaccepted: Vec<(PathBuf, u64)>,
    /// Where and when the code was first packed as a pack (for a pack code).
    packed: Option<(PathBuf, DateTime<Utc>)>,
}

/// The keys of the well-formed codes in `codes` (malformed ones are CODE-FORMAT's business).
fn code_keys(codes: &[rxledger_model::Text]) -> Vec<u128> {
    codes
        .iter()
        .filter_map(|c| parse_code(c).ok().map(|c| c.key()))
        .collect()
}

fn target_key(t: &Target) -> (&str, &str) {
    match t {
        Target::Batch { product, batch } => (product, batch),
        Target::Code(c) => (c, ""),
    }
}

impl Chain {
    /// Orders the steps in time and records where the chain breaks: a first appearance that is
    /// not a receipt (nor, for a pack, after its packing in that ledger: `packed`); a dispatch
    /// to a company whose ledger is among `owners`, without a later receipt there; a receipt
    /// from a company whose ledger is among `owners`, without an earlier dispatch from it.
    fn find_breaks(&mut self, owners: &[String], packed: Option<&(PathBuf, DateTime<Utc>)>) {
        self.steps.sort_by_key(|s| s.at);
        if let Some(first) = self.steps.first() {
            // A pack made in a ledger is first seen there in a put-away or dispatch, lawfully
            // (its units were received; round 29's trace of every code of the inspection
            // ledgers found this false break for a case code).
            let made_there =
                packed.is_some_and(|(ledger, at)| first.ledger == *ledger && first.at >= *at);
            if first.kind != Kind::Receipt.as_str() && !made_there {
                let m = Msg::new("custody-first-seen")
                    .arg("kind", first.kind)
                    .arg("seq", first.seq)
                    .arg("ledger", first.ledger.display().to_string());
                self.breaks.insert(0, Break::between(first, m));
            }
        }
        // Each dispatch to a company whose ledger is given takes its own receipt there (the
        // same quantity first, else any later one), so that a batch shipped twice and received
        // once breaks; likewise each receipt from a company whose ledger is given takes its own
        // earlier dispatch there: goods received "from" a ledger that never shipped them break
        // the chain.
        self.unanswered(
            owners,
            (Kind::Dispatch, Kind::Receipt),
            "custody-not-received",
        );
        self.unanswered(
            owners,
            (Kind::Receipt, Kind::Dispatch),
            "custody-not-shipped",
        );
    }

    /// Breaks of one unit's chain inside a ledger, where the check's findings about the unit
    /// are (`CODE-DUP`, `CODE-UNKNOWN`, `SPECIAL-CHAIN`):
    /// * a step that moves the unit after it left that ledger's owner (a dispatch, supplier
    ///   return, destruction or loss) and before it came back (a receipt or customer return): a
    ///   unit shipped twice, or moved after it was destroyed;
    /// * a customer return by another party than the one the unit left to;
    /// * a receipt or customer return of a unit the owner still holds (not one a receipt listed
    ///   among more units than it accepted: it may have been rejected there);
    /// * for a special-control product, a step that moves the unit from another location than
    ///   the one the ledger last put it in.
    fn unit_breaks(&mut self, unit: &Unit) {
        let leaves = [
            Kind::Dispatch,
            Kind::SupplierReturn,
            Kind::Destruction,
            Kind::LossReport,
        ];
        let arrives = [Kind::Receipt, Kind::CustomerReturn];
        // Per holder: where the unit is (the step that put it there), or the step where it left.
        let mut state: Vec<(&str, Whereabouts<'_>)> = Vec::new();
        let mut breaks = Vec::new();
        for s in &self.steps {
            let i = state
                .iter()
                .position(|(h, _)| *h == s.holder)
                .unwrap_or_else(|| {
                    state.push((&s.holder, Whereabouts::Unknown));
                    state.len() - 1
                });
            let was = state[i].1;
            if arrives.iter().any(|k| k.as_str() == s.kind) {
                let m = match was {
                    // A unit returned by another party than the one it left to (round 24, B3;
                    // `CODE-UNKNOWN` in the check).
                    Whereabouts::Gone(out)
                        if s.kind == Kind::CustomerReturn.as_str() && out.party != s.party =>
                    {
                        Some(
                            Msg::new("custody-returned-by-other")
                                .arg("holder", &s.holder)
                                .arg("customer", s.party.as_deref().unwrap_or_default())
                                .arg("doc", &s.doc)
                                .arg("seq", s.seq)
                                .arg("left", out.seq)
                                .arg("kind", out.kind)
                                .arg("party", out.party.as_deref().unwrap_or_default())
                                .arg(
                                    "to",
                                    crate::Fact::Term(
                                        if out.party.is_some() { "party" } else { "none" }.into(),
                                    ),
                                ),
                        )
                    }
                    // Received again while still held (`CODE-DUP` in the check; round 29).
                    Whereabouts::Held(put, false) => Some(
                        Msg::new("custody-arrived-while-held")
                            .arg("holder", &s.holder)
                            .arg("kind", s.kind)
                            .arg("doc", &s.doc)
                            .arg("seq", s.seq)
                            .arg("since", put.seq)
                            .arg("location", place_name(&put.to)),
                    ),
                    _ => None,
                };
                breaks.extend(m.map(|m| Break::between(s, m)));
                let rejected = unit
                    .unaccepted
                    .iter()
                    .any(|(ledger, seq)| *seq == s.seq && *ledger == s.ledger);
                state[i].1 = Whereabouts::Held(s, rejected);
                continue;
            }
            match was {
                Whereabouts::Gone(out) => {
                    let m = Msg::new("custody-moved-after-leaving")
                        .arg("kind", s.kind)
                        .arg("doc", &s.doc)
                        .arg("seq", s.seq)
                        .arg("holder", &s.holder)
                        .arg("left", out.seq);
                    breaks.push(Break::between(s, m));
                    continue;
                }
                // Moved from where the ledger did not have it (`SPECIAL-CHAIN` in the check;
                // round 29).
                Whereabouts::Held(put, _)
                    if unit.special
                        && matches!((&put.to, &s.from), (Place::Location(a), Place::Location(b)) if a != b) =>
                {
                    let m = Msg::new("custody-moved-from-elsewhere")
                        .arg("holder", &s.holder)
                        .arg("kind", s.kind)
                        .arg("doc", &s.doc)
                        .arg("seq", s.seq)
                        .arg("from", place_name(&s.from))
                        .arg("location", place_name(&put.to))
                        .arg("since", put.seq);
                    breaks.push(Break::between(s, m));
                }
                _ => {}
            }
            state[i].1 = if leaves.iter().any(|k| k.as_str() == s.kind) {
                Whereabouts::Gone(s)
            } else {
                Whereabouts::Held(s, false)
            };
        }
        self.breaks.extend(breaks);
    }

    /// Breaks at each step of kind `kind` with a party whose ledger is among `owners` that no
    /// step of kind `answer` there matches (that party holding it, from or to this step's
    /// holder: later for a dispatch's receipt, earlier for a receipt's dispatch), matched one
    /// to one and by quantity first. The break's message `id` names the holder, the other
    /// party (`to` for a dispatch, `from` for a receipt), the document and the record.
    fn unanswered(&mut self, owners: &[String], (kind, answer): (Kind, Kind), id: &'static str) {
        let forward = kind == Kind::Dispatch;
        let mut used = vec![false; self.steps.len()];
        let mut breaks = Vec::new();
        for (i, s) in self.steps.iter().enumerate() {
            if s.kind != kind.as_str() {
                continue;
            }
            let Some(other) = s.party.as_ref().filter(|p| owners.contains(p)) else {
                continue;
            };
            let answers = |a: &Step| {
                a.kind == answer.as_str()
                    && &a.holder == other
                    && a.party.as_deref() == Some(&s.holder)
            };
            let range = if forward {
                i + 1..self.steps.len()
            } else {
                0..i
            };
            let candidates = || {
                range
                    .clone()
                    .filter(|&j| !used[j] && answers(&self.steps[j]))
            };
            let answered = candidates()
                .find(|&j| self.steps[j].quantity == s.quantity)
                .or_else(|| candidates().next());
            if let Some(j) = answered {
                used[j] = true;
            } else {
                let m = Msg::new(id)
                    .arg("holder", &s.holder)
                    .arg(if forward { "to" } else { "from" }, other)
                    .arg("doc", &s.doc)
                    .arg("seq", s.seq);
                breaks.push(Break::between(s, m));
            }
        }
        self.breaks.extend(breaks);
    }
}

/// Where a unit is for its holder, as its steps so far say ([`Chain::unit_breaks`]).
#[derive(Clone, Copy)]
enum Whereabouts<'a> {
    /// No step of this holder yet.
    Unknown,
    /// Held, put where this step's `to` says; `true` when that step is a receipt that may have
    /// rejected the unit.
    Held(&'a Step, bool),
    /// Left at this step.
    Gone(&'a Step),
}

/// The name of a location (empty for the other places).
fn place_name(p: &Place) -> &str {
    match p {
        Place::Location(l) | Place::Party(l) => l,
        Place::Destroyed | Place::Lost => "",
    }
}

impl Break {
    /// A break between the ledgers given, at `step`.
    fn between(step: &Step, message: Msg) -> Break {
        Break {
            ledger: step.ledger.clone(),
            seq: step.seq,
            rule: None,
            message,
        }
    }
}
