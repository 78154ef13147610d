//! The daily schedule: planted daily opportunities, licence renewals, replenishment, customer
//! orders, damage, the weekly stale-vaccine sweep and stock counts.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{at, Action, OpenPurchase};
use crate::{plant, Generator};

/// Multiplier on the customers' order frequencies.
const ORDER_RATE: f64 = 3.0;

impl Generator {
    /// Schedules the day's work (and the next day).
    pub(super) fn day(&mut self, date: NaiveDate) {
        let next = date + Duration::days(1);
        self.schedule(at(next, 0, 0), Action::Day(next));
        // Forget batches that are gone (returns put them back when needed).
        for list in &mut self.product_batches {
            let batches = &self.batches;
            list.retain(|&b| batches[b].on_hand > 0 || batches[b].reserved > 0);
        }
        plant::on_day(self, date);
        // Licence renewals, 60 days before expiry.
        for p in 0..self.world.parties.len() {
            if self.licence_due[p] - Duration::days(60) == date {
                self.schedule(at(date, 10, 0), Action::Renew(p));
            }
        }
        self.replenish(date);
        // Customer orders (business days).
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            self.customer_orders(date);
            if self.rng.chance(0.05) {
                self.schedule(at(date, 16, 30), Action::Damage);
            }
        }
        if date.weekday() == Weekday::Mon {
            self.schedule(at(date, 7, 0), Action::Stale);
        }
        if date.weekday() == Weekday::Sun {
            for z in 0..self.world.zones.len() {
                if self.world.zones[z].storage {
                    self.schedule(at(date, 18, 0), Action::Count(z));
                }
            }
        }
    }

    /// Replenishment: keep ~2 weeks of demand available or on order.
    fn replenish(&mut self, date: NaiveDate) {
        for p in 0..self.world.products.len() {
            let demand = self.world.daily_demand(p);
            let have = self.available(p, date + Duration::days(200)) + self.on_order[p];
            if (have as f64) < demand * 14.0 {
                let qty = u64::try_from((demand * 30.0).ceil() as i64)
                    .unwrap_or(0)
                    .max(10);
                let qty = qty.div_ceil(10) * 10;
                let supplier = plant::qualification::purchase_supplier(self, p);
                let price = self.world.products[p].cost;
                self.on_order[p] += qty;
                let hour = u32::try_from(self.rng.range(8, 10)).unwrap_or(8);
                self.schedule(
                    at(date, hour, 0),
                    Action::Purchase(OpenPurchase {
                        po: String::new(),
                        supplier,
                        lines: vec![(p, qty, price)],
                    }),
                );
            }
        }
    }

    /// Each customer orders each product it buys with its weekly frequency.
    fn customer_orders(&mut self, date: NaiveDate) {
        for (c, cust) in self.world.customers.clone().iter().enumerate() {
            for &(product, base, per_week) in &cust.buys {
                if self.rng.chance((per_week * ORDER_RATE / 5.0).min(1.0)) {
                    let spread = (base / 4).max(1);
                    let q = self.rng.range(base - spread.min(base - 1), base + spread);
                    let minute = u32::try_from(self.rng.range(0, 59)).unwrap_or(0);
                    let hour = u32::try_from(self.rng.range(9, 15)).unwrap_or(9);
                    self.schedule(
                        at(date, hour, minute),
                        Action::SaleOrder {
                            customer: c,
                            product,
                            quantity: q,
                        },
                    );
                }
            }
        }
    }
}
