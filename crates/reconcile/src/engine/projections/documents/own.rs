//! Which order or sale a number stands for. An order's or a sale's number is meant to be the
//! wholesaler's own and unique, but a number may be another party's (a hospital's platform order
//! number, a supplier's order form): two customers' sales (or two suppliers' orders) may then
//! share one. As with invoices ([`super::numbers`]), the first one recorded keeps the bare
//! number; another counterparty's order or sale of that number is kept under a key naming its
//! party too ([`own_key`]), and the records naming the number with that party (its reviews,
//! dispatches, returns and invoices; its receipts, supplier returns and invoices) are read as
//! naming that key, before any projection or family sees them ([`Documents::own_numbers`]).
//! The key is the number, U+001F and the party, as for invoices; sentences and facts show the
//! number as written (`crate::Fact`).

use rxledger_model::{Event, EventBody};
use smallvec::SmallVec;

use super::{invoice_counterparty, invoice_dir, Dir, Documents};
use crate::engine::projections::Id;

/// The key of the order or sale numbered `number` whose counterparty is `party`, when another
/// counterparty's order or sale has the bare number.
pub(crate) fn own_key(number: &str, party: &str) -> Id {
    let mut k = Id::with_capacity(number.len() + 1 + party.len());
    k.push_str(number);
    k.push('\u{1f}');
    k.push_str(party);
    k
}

/// Numbers two counterparties' orders (or sales) share: number -> the counterparties whose
/// order (or sale) of that number is kept under its [`own_key`]. Usually empty. Kept for the
/// whole input: a few entries per number shared, and records naming a number far apart in
/// time must still find the same order or sale.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    sales: std::collections::HashMap<Id, SmallVec<[Id; 1]>>,
    orders: std::collections::HashMap<Id, SmallVec<[Id; 1]>>,
}

impl Shared {
    fn of(&self, dir: Dir) -> &std::collections::HashMap<Id, SmallVec<[Id; 1]>> {
        match dir {
            Dir::Purchase => &self.orders,
            Dir::Sale => &self.sales,
        }
    }

    /// Whether `party`'s order or sale of `number` is kept under its own key.
    fn has(&self, dir: Dir, number: &str, party: &str) -> bool {
        self.of(dir)
            .get(number)
            .is_some_and(|ps| ps.iter().any(|p| p == party))
    }
}

impl Documents {
    /// The event `e` as the projections and families read it, when it names an order or sale
    /// another counterparty's order or sale of the same number has (or is one): a copy naming
    /// the [`own_key`] instead. `None` (read `e` as it is) otherwise, which is almost always.
    pub fn own_numbers(&mut self, e: &Event) -> Option<Event> {
        let (dir, number, party) = match &e.body {
            EventBody::Sale(s) => (Dir::Sale, &s.doc, &s.customer),
            EventBody::Purchase(p) => (Dir::Purchase, &p.doc, &p.supplier),
            _ => return self.own_refs(e),
        };
        let key = self.new_own_key(dir, number, party)?;
        let mut e = e.clone();
        match &mut e.body {
            EventBody::Sale(s) => s.doc = key,
            EventBody::Purchase(p) => p.doc = key,
            _ => {}
        }
        Some(e)
    }

    /// [`Documents::own_numbers`] for a record naming orders or sales.
    fn own_refs(&self, e: &Event) -> Option<Event> {
        if self.own.sales.is_empty() && self.own.orders.is_empty() {
            return None;
        }
        let (dir, party) = match &e.body {
            EventBody::OutboundReview(r) => (Dir::Sale, r.customer.as_str()),
            EventBody::Dispatch(d) => (Dir::Sale, d.customer.as_str()),
            EventBody::CustomerReturn(r) => (Dir::Sale, r.customer.as_str()),
            EventBody::Receipt(r) => (Dir::Purchase, r.supplier.as_str()),
            EventBody::SupplierReturn(r) => (Dir::Purchase, r.supplier.as_str()),
            EventBody::Invoice(inv) => (invoice_dir(inv), invoice_counterparty(inv)),
            _ => return None,
        };
        let named = match dir {
            Dir::Purchase => &e.refs.order,
            Dir::Sale => &e.refs.sale,
        };
        if !named.iter().any(|n| self.own.has(dir, n, party)) {
            return None;
        }
        let party = Id::from(party);
        let mut e = e.clone();
        let named = match dir {
            Dir::Purchase => &mut e.refs.order,
            Dir::Sale => &mut e.refs.sale,
        };
        for n in named.iter_mut() {
            if self.own.has(dir, n, &party) {
                *n = own_key(n, &party);
            }
        }
        Some(e)
    }

    /// The key a new order or sale numbered `number` with counterparty `party` is kept under,
    /// when it is not the bare number: that party's number is another's already.
    fn new_own_key(&mut self, dir: Dir, number: &str, party: &str) -> Option<Id> {
        if self.own.has(dir, number, party) {
            return Some(own_key(number, party));
        }
        let other = match dir {
            Dir::Purchase => self.orders.get(number).map(|o| o.supplier != party),
            Dir::Sale => self.sales.get(number).map(|s| s.customer != party),
        };
        if other != Some(true) {
            return None;
        }
        let shared = match dir {
            Dir::Purchase => &mut self.own.orders,
            Dir::Sale => &mut self.own.sales,
        };
        shared
            .entry(Id::from(number))
            .or_default()
            .push(Id::from(party));
        Some(own_key(number, party))
    }
}
