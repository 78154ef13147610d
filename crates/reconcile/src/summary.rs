//! A one-pass summary of a ledger: chain status, counts per kind, stock per product and batch.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::ControlFlow;
use std::path::Path;

use rxledger_chain::ExpectedHead;
use rxledger_model::{Event, EventBody};
use rxledger_store::{StoreError, VerifyReport};

/// Stock of one product and batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchStock {
    /// Quantity per location (negative means more went out than came in).
    pub by_location: BTreeMap<String, i64>,
}

impl BatchStock {
    /// Total over all locations.
    pub fn total(&self) -> i64 {
        self.by_location
            .values()
            .fold(0, |a, q| a.saturating_add(*q))
    }
}

/// What [`summarize`] found.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Chain verification result.
    pub verify: VerifyReport,
    /// Records read (and verified).
    pub records: u64,
    /// Events per kind.
    pub kinds: BTreeMap<&'static str, u64>,
    /// Records whose payload is not a valid event.
    pub invalid_events: Vec<(u64, String)>,
    /// Product code → generic name and spec.
    pub products: BTreeMap<String, String>,
    /// (product, batch) → stock.
    pub stock: BTreeMap<(String, String), BatchStock>,
    /// First and last `occurred_at`.
    pub period: Option<(String, String)>,
}

/// An instant of [`Summary::period`] (RFC 3339) as Beijing wall-clock time with its offset,
/// `2026-10-01 08:00 (+08:00)`; as it is if it does not parse.
fn beijing(t: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(t).map_or_else(
        |_| t.to_owned(),
        |t| {
            let local = crate::time::local_time(t.with_timezone(&chrono::Utc));
            format!("{} (+08:00)", local.format("%Y-%m-%d %H:%M"))
        },
    )
}

fn add(stock: &mut BTreeMap<(String, String), BatchStock>, p: &str, b: &str, loc: &str, q: i64) {
    let at = stock
        .entry((p.to_owned(), b.to_owned()))
        .or_default()
        .by_location
        .entry(loc.to_owned())
        .or_insert(0);
    *at = at.saturating_add(q);
}

/// Applies one event's goods movements ([`rxledger_model::movements`]) to a stock map.
pub fn apply_stock(stock: &mut BTreeMap<(String, String), BatchStock>, e: &Event) {
    for m in rxledger_model::movements::movements(e) {
        add(stock, m.product, m.batch, m.location, m.delta);
    }
}

/// Verifies and summarises a ledger directory or exported file in one streaming pass.
pub fn summarize(path: &Path, expected: Option<ExpectedHead>) -> Result<Summary, StoreError> {
    summarize_with_progress(path, expected, |_| {})
}

/// [`summarize`] with a progress callback (bytes read).
pub fn summarize_with_progress(
    path: &Path,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
) -> Result<Summary, StoreError> {
    let mut kinds = BTreeMap::new();
    let mut invalid = Vec::new();
    let mut stock = BTreeMap::new();
    let mut products = BTreeMap::new();
    let mut records = 0u64;
    let mut period: Option<(String, String)> = None;
    let verify = rxledger_store::scan_path(path, expected, progress, |rec| {
        records += 1;
        match crate::records::event(rec.payload) {
            Ok(e) => {
                *kinds.entry(e.kind().as_str()).or_insert(0) += 1;
                if let EventBody::ProductRegistered(p) = &e.body {
                    products.insert(
                        p.product.to_string(),
                        format!("{} {}", p.generic_name, p.spec),
                    );
                }
                apply_stock(&mut stock, &e);
                let t = e.occurred_at.to_rfc3339();
                match &mut period {
                    None => period = Some((t.clone(), t)),
                    Some((a, b)) => {
                        if t < *a {
                            *a = t;
                        } else if t > *b {
                            *b = t;
                        }
                    }
                }
            }
            Err(err) => invalid.push((rec.seq, err.to_string())),
        }
        ControlFlow::Continue(())
    })?;
    Ok(Summary {
        verify,
        records,
        kinds,
        invalid_events: invalid,
        products,
        stock,
        period,
    })
}

impl Summary {
    /// One line per product and batch with stock (`  CODE BATCH TOTAL  NAME  [LOC:QTY …]`),
    /// skipping those with nothing anywhere; the same in every language.
    pub fn stock_lines(&self) -> impl Iterator<Item = String> + '_ {
        self.stock.iter().filter_map(|((p, b), st)| {
            let total = st.total();
            if total == 0 && st.by_location.values().all(|&q| q == 0) {
                return None;
            }
            let name = self.products.get(p).map_or("?", String::as_str);
            let locs: Vec<String> = st
                .by_location
                .iter()
                .filter(|(_, &q)| q != 0)
                .map(|(l, q)| format!("{l}:{q}"))
                .collect();
            Some(format!(
                "  {p} {b:<12} {total:>8}  {name}  [{}]",
                locs.join(" ")
            ))
        })
    }

    /// Human-readable text (in English; instants in Beijing time, `+08:00`).
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "records:  {}", self.records);
        let _ = writeln!(s, "head:     {}", self.verify.head);
        match &self.verify.failure {
            None => {
                let _ = writeln!(s, "chain:    verified");
            }
            Some(f) if f.records_intact() => {
                let _ = writeln!(s, "chain:    FAILED, records intact: {f}");
            }
            Some(f) => {
                let _ = writeln!(s, "chain:    FAILED at seq {}: {f}", f.seq());
            }
        }
        if let Some(t) = &self.verify.tail {
            let _ = writeln!(
                s,
                "tail:     {} unacknowledged bytes ({} complete records) in {}; the next writer cuts them off",
                t.bytes,
                t.records,
                t.segment.display()
            );
        }
        if let Some((a, b)) = &self.period {
            let _ = writeln!(s, "period:   {} to {}", beijing(a), beijing(b));
        }
        if !self.invalid_events.is_empty() {
            let _ = writeln!(s, "invalid events: {}", self.invalid_events.len());
            for (seq, e) in self.invalid_events.iter().take(10) {
                let _ = writeln!(s, "  seq {seq}: {e}");
            }
        }
        let _ = writeln!(s, "\nevents per kind:");
        for (k, n) in &self.kinds {
            let _ = writeln!(s, "  {k:<22} {n:>10}");
        }
        let _ = writeln!(s, "\nstock per product and batch (on hand, by location):");
        for line in self.stock_lines() {
            let _ = writeln!(s, "{line}");
        }
        s
    }
}

#[cfg(test)]
mod tests {
    /// The period is shown in Beijing time: an instant late in the UTC day is the next local day.
    #[test]
    fn period_instants_are_beijing_time() {
        assert_eq!(
            super::beijing("2026-09-30T17:30:00Z"),
            "2026-10-01 01:30 (+08:00)"
        );
        assert_eq!(
            super::beijing("2026-10-01T01:30:00+08:00"),
            "2026-10-01 01:30 (+08:00)"
        );
        assert_eq!(super::beijing("not a time"), "not a time");
    }

    /// The text summary writes its period as `rxledger summary` does ("A to B"; it wrote
    /// "A .. B").
    #[test]
    fn the_period_reads_as_the_clis() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../samples/scenarios/clean.jsonl"
        );
        let text = super::summarize(std::path::Path::new(dir), None)
            .unwrap()
            .to_text();
        assert!(
            text.contains("\nperiod:   2026-09-30 09:00 (+08:00) to 2026-10-30 20:32 (+08:00)\n"),
            "{text}"
        );
    }
}
