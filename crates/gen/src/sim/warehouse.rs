//! Warehouse upkeep: damaged goods quarantined and destroyed, the weekly sweep of vaccines too
//! close to expiry, stock counts and licence renewals.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{
    EventBody, Licence, LicenceChanged, MoveLine, OutLine, Refs, StockCount, Transfer,
    TransferReason,
};

use super::Action;
use crate::plant::{self, Marks};
use crate::Generator;

impl Generator {
    /// Weekly: vaccines too close to expiry to sell are quarantined, then destroyed.
    pub(super) fn stale(&mut self, t: DateTime<Utc>, date: NaiveDate) {
        let stale: Vec<usize> = self
            .product_batches
            .iter()
            .flatten()
            .copied()
            .filter(|&b| {
                let bt = &self.batches[b];
                self.world.products[bt.product].vaccine
                    && bt.on_hand > bt.reserved
                    && bt.expiry < date + Duration::days(150)
                    && !bt.abandoned
            })
            .collect();
        for b in stale {
            let q = self.batches[b].on_hand - self.batches[b].reserved;
            self.batches[b].on_hand -= q;
            let p = self.batches[b].product;
            let zone = self.zone_of(p);
            self.quarantine(t, &["质管-周敏"], (p, b, q), zone, t + Duration::days(3));
        }
    }

    /// A unit or three of an ordinary product found damaged in storage: quarantined, destroyed
    /// five days later.
    pub(super) fn damage(&mut self, t: DateTime<Utc>) {
        let candidates: Vec<usize> = self
            .product_batches
            .iter()
            .flatten()
            .copied()
            .filter(|&b| {
                let bt = &self.batches[b];
                !self.special(bt.product) && bt.on_hand > bt.reserved + 5
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        let b = candidates[(self.rng.next_u64() % candidates.len() as u64) as usize];
        let q = self.rng.range(1, 3);
        self.batches[b].on_hand -= q;
        let p = self.batches[b].product;
        let zone = self.zone_of(p);
        self.quarantine(t, &["养护-冯丽"], (p, b, q), zone, t + Duration::days(5));
    }

    /// Moves `quantity` of `batch` (already taken off stock) from `from` to quarantine and
    /// schedules its destruction at `destroy_at`.
    pub(super) fn quarantine(
        &mut self,
        t: DateTime<Utc>,
        by: &[&str],
        (product, batch, quantity): (usize, usize, u64),
        from: String,
        destroy_at: DateTime<Utc>,
    ) {
        let doc = self.doc("YK");
        self.emit(
            t,
            by,
            Refs::default(),
            EventBody::Transfer(Transfer {
                doc: doc.as_str().into(),
                reason: TransferReason::Quarantine,
                lines: vec![MoveLine {
                    product: self.world.products[product].code.as_str().into(),
                    batch: self.batches[batch].batch.as_str().into(),
                    quantity,
                    from: from.into(),
                    to: "QA".into(),
                    codes: Vec::new(),
                }],
            }),
        );
        self.schedule(
            destroy_at,
            Action::Destroy {
                product,
                batch,
                quantity,
                quarantine_doc: doc,
            },
        );
    }

    /// Destruction of quarantined goods.
    pub(super) fn destroy(
        &mut self,
        t: DateTime<Utc>,
        product: usize,
        batch: usize,
        quantity: u64,
        quarantine_doc: String,
    ) {
        if plant::stock::back_from_quarantine(self, t, product, batch, quantity) {
            return;
        }
        let doc = self.doc("XH");
        self.emit(
            t,
            &["质管-周敏", "保管-赵磊"],
            Refs {
                receipt: vec![quarantine_doc.into()],
                ..Refs::default()
            },
            EventBody::Destruction(rxledger_model::Destruction {
                doc: doc.into(),
                reason: "储存养护中发现外包装破损".into(),
                method: "交由有资质的危废处置单位焚烧".into(),
                lines: vec![OutLine {
                    product: self.world.products[product].code.as_str().into(),
                    batch: self.batches[batch].batch.as_str().into(),
                    quantity,
                    from: "QA".into(),
                    codes: Vec::new(),
                }],
                supervisors: Vec::new(),
            }),
        );
    }

    /// Weekly stock count of a storage zone.
    pub(super) fn count(&mut self, t: DateTime<Utc>, z: usize) {
        let zone = self.world.zones[z].id.clone();
        let mut lines = Vec::new();
        for (p, list) in self.product_batches.iter().enumerate() {
            if self.world.products[p].zone != z {
                continue;
            }
            for &bi in list {
                let b = &self.batches[bi];
                if b.on_hand > 0 {
                    lines.push(rxledger_model::CountLine {
                        product: self.world.products[b.product].code.as_str().into(),
                        batch: b.batch.as_str().into(),
                        counted: b.on_hand,
                    });
                }
            }
        }
        if lines.is_empty() {
            return;
        }
        let mut marks = Marks::default();
        plant::stock::miscount(self, t, &mut lines, &mut marks);
        let doc = self.doc("PD");
        let seq = self.emit(
            t,
            &["保管-赵磊", "质管-周敏"],
            Refs::default(),
            EventBody::StockCount(StockCount {
                doc: doc.into(),
                location: zone.into(),
                lines,
            }),
        );
        self.stamp(seq, marks);
    }

    /// A party's licence renewed for five years, 30 days before it expires.
    pub(super) fn renew(&mut self, t: DateTime<Utc>, p: usize) {
        let party = &self.world.parties[p];
        let from = self.licence_due[p] - Duration::days(30);
        let to = from + Duration::days(5 * 365);
        let licence = Licence {
            number: party.licence.number.clone(),
            kind: party.licence.kind,
            valid_from: from,
            valid_to: to,
        };
        self.licence_due[p] = to;
        let body = EventBody::LicenceChanged(LicenceChanged {
            party: party.id.as_str().into(),
            licence,
            scope: None,
            accounts: None,
            special: party.special.clone().map(|mut s| {
                s.valid_to = to;
                s
            }),
            reason: "许可证到期换证".into(),
        });
        self.emit(t, &["质管-周敏"], Refs::default(), body);
    }
}
