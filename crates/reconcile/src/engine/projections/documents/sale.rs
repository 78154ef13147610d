//! A sale's record: what was sold per product and batch, and the running counts of the rules
//! that follow the sale (`OUT-REV`: reviewed and dispatched; `RETURN-ORIG`: returned).
//!
//! A sale is kept for the whole return window (180 days by default), so at a wholesaler's
//! volume this record is most of the engine's memory: one sorted vector of lines, each with
//! its counts, instead of a hash map per count (four small hash tables and four copies of each
//! key per sale took about eight times the memory).

use chrono::NaiveDate;

use super::tier::{Cold, Dec, Enc};
use crate::engine::projections::{Id, Total};

/// One product and batch of a sale, or one that a review, dispatch or return counted against
/// the sale although it is not on it.
#[derive(Debug)]
pub(crate) struct SaleLine {
    product: Id,
    batch: Id,
    /// Quantity and expiry on the sale (the first line's expiry, the lines' quantities
    /// summed); `None` when the sale has no such line.
    pub sold: Option<(u64, NaiveDate)>,
    /// Quantity reviewed fit (running count of `OUT-REV`).
    pub reviewed: u64,
    /// Quantity dispatched (running count of `OUT-REV`).
    pub dispatched: u64,
    /// Quantity returned (running count of `RETURN-ORIG`).
    pub returned: u64,
}

/// A sale.
#[derive(Debug)]
pub(crate) struct SaleRec {
    pub seq: u64,
    pub customer: Id,
    /// A retail sale (`channel: retail`): the wholesale conditions of compound ephedrine (no
    /// cash, the licensed address) do not apply to its dispatch and payment.
    pub retail: bool,
    /// Sorted by (product, batch), one per pair.
    lines: Vec<SaleLine>,
}

impl SaleRec {
    /// The record of sale `seq` to `customer` with `lines` (product, batch, quantity, expiry)
    /// in the sale's order: quantities of a repeated product and batch are summed, the first
    /// line's expiry kept.
    pub fn new<'a>(
        seq: u64,
        customer: Id,
        lines: impl IntoIterator<Item = (&'a str, &'a str, u64, NaiveDate)>,
    ) -> SaleRec {
        let mut all: Vec<SaleLine> = lines
            .into_iter()
            .map(|(p, b, q, expiry)| SaleLine {
                product: Id::from(p),
                batch: Id::from(b),
                sold: Some((q, expiry)),
                reviewed: 0,
                dispatched: 0,
                returned: 0,
            })
            .collect();
        // Stable: the first of equal lines stays first and keeps its expiry.
        all.sort_by(|a, b| (&a.product, &a.batch).cmp(&(&b.product, &b.batch)));
        let repeats = all
            .windows(2)
            .any(|w| w[0].product == w[1].product && w[0].batch == w[1].batch);
        if !repeats {
            all.shrink_to_fit();
            return SaleRec {
                seq,
                customer,
                retail: false,
                lines: all,
            };
        }
        let mut merged: Vec<SaleLine> = Vec::with_capacity(all.len());
        for l in all {
            match merged.last_mut() {
                Some(m) if m.product == l.product && m.batch == l.batch => {
                    if let (Some(s), Some((q, _))) = (m.sold.as_mut(), l.sold) {
                        s.0.add_sat(q);
                    }
                }
                _ => merged.push(l),
            }
        }
        merged.shrink_to_fit();
        SaleRec {
            seq,
            customer,
            retail: false,
            lines: merged,
        }
    }

    fn find(&self, product: &str, batch: &str) -> Result<usize, usize> {
        self.lines
            .binary_search_by(|l| (&*l.product, &*l.batch).cmp(&(product, batch)))
    }

    /// The line of `product` and `batch`, if the sale or a count has one.
    pub fn line(&self, product: &str, batch: &str) -> Option<&SaleLine> {
        self.find(product, batch).ok().map(|i| &self.lines[i])
    }

    /// The line of `product` and `batch`, added with nothing sold and nothing counted when
    /// there is none.
    pub fn line_mut(&mut self, product: &str, batch: &str) -> &mut SaleLine {
        let i = match self.find(product, batch) {
            Ok(i) => i,
            Err(i) => {
                self.lines.insert(
                    i,
                    SaleLine {
                        product: Id::from(product),
                        batch: Id::from(batch),
                        sold: None,
                        reviewed: 0,
                        dispatched: 0,
                        returned: 0,
                    },
                );
                i
            }
        };
        &mut self.lines[i]
    }

    /// Quantity and expiry of `product` and `batch` on the sale.
    pub fn sold(&self, product: &str, batch: &str) -> Option<(u64, NaiveDate)> {
        self.line(product, batch).and_then(|l| l.sold)
    }

    /// Quantity of `product` and `batch` dispatched so far.
    pub fn dispatched(&self, product: &str, batch: &str) -> u64 {
        self.line(product, batch).map_or(0, |l| l.dispatched)
    }

    /// Quantity of `product` and `batch` returned so far.
    pub fn returned(&self, product: &str, batch: &str) -> u64 {
        self.line(product, batch).map_or(0, |l| l.returned)
    }
}

impl Cold for SaleRec {
    fn encode(&self, out: &mut Enc) {
        out.u64(self.seq);
        out.str(&self.customer);
        out.bool(self.retail);
        out.u32(self.lines.len() as u32);
        for l in &self.lines {
            out.str(&l.product);
            out.str(&l.batch);
            match l.sold {
                None => out.u8(0),
                Some((q, expiry)) => {
                    out.u8(1);
                    out.u64(q);
                    out.date(expiry);
                }
            }
            out.u64(l.reviewed);
            out.u64(l.dispatched);
            out.u64(l.returned);
        }
    }

    fn decode(d: &mut Dec<'_>) -> Option<Self> {
        let (seq, customer, retail) = (d.u64()?, d.str()?, d.bool()?);
        let n = d.u32()?;
        let mut lines = Vec::with_capacity((n as usize).min(d.remaining() / 8));
        for _ in 0..n {
            let (product, batch) = (d.str()?, d.str()?);
            let sold = match d.u8()? {
                0 => None,
                1 => Some((d.u64()?, d.date()?)),
                _ => return None,
            };
            lines.push(SaleLine {
                product,
                batch,
                sold,
                reviewed: d.u64()?,
                dispatched: d.u64()?,
                returned: d.u64()?,
            });
        }
        Some(SaleRec {
            seq,
            customer,
            retail,
            lines,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, day).unwrap()
    }

    /// A sale read back from disk is the sale written, counts and all; cut short, it is no
    /// sale.
    #[test]
    fn a_sale_reads_back_as_written() {
        let mut s = SaleRec::new(
            7,
            "C".into(),
            [("P2", "B1", 5, d(3)), ("P1", "B9", 2, d(1))],
        );
        s.retail = true;
        s.line_mut("P0", "X").reviewed.add_sat(3);
        s.line_mut("P2", "B1").dispatched.add_sat(4);
        s.line_mut("P1", "B9").returned.add_sat(1);
        let mut out = Enc::default();
        s.encode(&mut out);
        let mut dec = Dec::new(out.bytes());
        let back = SaleRec::decode(&mut dec).expect("a sale");
        assert_eq!(dec.remaining(), 0);
        assert_eq!(format!("{back:?}"), format!("{s:?}"));
        for cut in 0..out.bytes().len() {
            assert!(SaleRec::decode(&mut Dec::new(&out.bytes()[..cut])).is_none());
        }
    }

    #[test]
    fn lines_merge_keep_the_first_expiry_and_count_apart() {
        let mut s = SaleRec::new(
            7,
            "C".into(),
            [
                ("P2", "B1", 5, d(3)),
                ("P1", "B9", 2, d(1)),
                ("P2", "B1", 4, d(9)),
            ],
        );
        assert_eq!(s.sold("P2", "B1"), Some((9, d(3))));
        assert_eq!(s.sold("P1", "B9"), Some((2, d(1))));
        assert_eq!(s.sold("P1", "B1"), None);
        s.line_mut("P0", "X").reviewed.add_sat(3);
        s.line_mut("P2", "B1").dispatched.add_sat(4);
        let reviewed = |s: &SaleRec, p, b| s.line(p, b).map_or(0, |l| l.reviewed);
        assert_eq!((reviewed(&s, "P0", "X"), s.sold("P0", "X")), (3, None));
        assert_eq!((s.dispatched("P2", "B1"), s.returned("P2", "B1")), (4, 0));
        assert_eq!(reviewed(&s, "P9", "X"), 0);
    }
}
