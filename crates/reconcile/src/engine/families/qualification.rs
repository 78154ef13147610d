//! Qualification: suppliers (`SUP-LIC`) on purchases and receipts, customers (`CUS-LIC`) on
//! wholesale sales, against the master data; and the products they name, which must be
//! registered (首营品种) before them.

use chrono::NaiveDate;
use rxledger_model::{Channel, EventBody};

use super::Family;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::{category, texts};
use crate::engine::projections::master::Unqualified;
use crate::{Finding, Msg, Rule};

/// The qualification family (stateless).
#[derive(Default)]
pub(crate) struct Qualification;

impl Family for Qualification {
    fn id(&self) -> crate::Family {
        crate::Family::Qualification
    }

    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>) {
        match &ev.e.body {
            EventBody::Purchase(p) => {
                let products = p.lines.iter().map(|l| l.product.as_str());
                qualify(cx, &SUP, ev.seq, &p.supplier, ev.date, products);
            }
            EventBody::Receipt(r) => {
                let products = r.lines.iter().map(|l| l.product.as_str());
                qualify(cx, &SUP, ev.seq, &r.supplier, ev.date, products);
            }
            EventBody::Sale(s) if s.channel == Channel::Wholesale => {
                let products = s.lines.iter().map(|l| l.product.as_str());
                qualify(cx, &CUS, ev.seq, &s.customer, ev.date, products);
            }
            _ => {}
        }
    }
}

/// The rule and its message ids, for suppliers or customers.
struct Ids {
    rule: Rule,
    unregistered: &'static str,
    individual: &'static str,
    licence: &'static str,
    licence_expected: &'static str,
    licence_actual: &'static str,
    scope: &'static str,
    scope_expected: &'static str,
    scope_actual: &'static str,
    product: &'static str,
}

const SUP: Ids = Ids {
    rule: Rule::SupLic,
    unregistered: "sup-lic-unregistered",
    individual: "sup-lic-individual",
    licence: "sup-lic-licence",
    licence_expected: "sup-lic-licence-expected",
    licence_actual: "sup-lic-licence-actual",
    scope: "sup-lic-scope",
    scope_expected: "sup-lic-scope-expected",
    scope_actual: "sup-lic-scope-actual",
    product: "sup-lic-product",
};

const CUS: Ids = Ids {
    rule: Rule::CusLic,
    unregistered: "cus-lic-unregistered",
    individual: "cus-lic-individual",
    licence: "cus-lic-licence",
    licence_expected: "cus-lic-licence-expected",
    licence_actual: "cus-lic-licence-actual",
    scope: "cus-lic-scope",
    scope_expected: "cus-lic-scope-expected",
    scope_actual: "cus-lic-scope-actual",
    product: "cus-lic-product",
};

/// `SUP-LIC` / `CUS-LIC`: registered, not an individual, licence valid on the date, scope
/// covering the products' categories; then every product registered (one finding per record,
/// about the party first).
fn qualify<'e>(
    cx: &mut Ctx<'_>,
    ids: &Ids,
    seq: u64,
    party: &str,
    date: NaiveDate,
    products: impl Iterator<Item = &'e str> + Clone,
) {
    let Err(problem) = cx.proj.master.qualification(party, date, products.clone()) else {
        let master = &cx.proj.master;
        let mut unregistered = products.filter(|p| !master.products.contains_key(*p));
        if let Some(product) = unregistered.next() {
            let m = Msg::new(ids.product)
                .arg("product", product)
                .arg("party", party);
            let f = Finding::new(ids.rule, seq, m).product(product).party(party);
            cx.emit(f);
        }
        return;
    };
    let f = match problem {
        Unqualified::Unregistered => {
            let m = Msg::new(ids.unregistered).arg("party", party);
            Finding::new(ids.rule, seq, m)
        }
        Unqualified::Individual => {
            let m = Msg::new(ids.individual).arg("party", party);
            Finding::new(ids.rule, seq, m)
        }
        Unqualified::Licence(p) => {
            let periods: Vec<String> = p
                .licences
                .iter()
                .map(|(a, b)| format!("{a}..{b}"))
                .collect();
            let m = Msg::new(ids.licence).arg("party", party).arg("date", date);
            Finding::new(ids.rule, seq, m).figures(
                Msg::new(ids.licence_expected).arg("date", date),
                Msg::new(ids.licence_actual).arg("periods", texts(&periods)),
            )
        }
        Unqualified::Scope {
            product,
            category: c,
        } => {
            let m = Msg::new(ids.scope)
                .arg("product", product)
                .arg("category", category(c))
                .arg("party", party);
            Finding::new(ids.rule, seq, m).product(product).figures(
                Msg::new(ids.scope_expected).arg("category", category(c)),
                Msg::new(ids.scope_actual),
            )
        }
    };
    cx.emit(f.party(party));
}
