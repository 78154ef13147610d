//! Master data: parties with their licences, scope, accounts and special-control designation;
//! the owner of the ledger; products; storage zones.

use std::collections::BTreeSet;

use crate::engine::projections::Id;
use chrono::NaiveDate;
use hashbrown::HashMap;
use rxledger_model::{
    Category, ControlClass, Event, EventBody, PartyKind, Relation, StorageClass, TempRange,
};

/// A registered party.
#[derive(Debug)]
pub(crate) struct Party {
    pub kind: PartyKind,
    pub address: Id,
    pub special: Option<rxledger_model::Special>,
    /// Licence validity periods (first and last day), in registration order.
    pub licences: Vec<(NaiveDate, NaiveDate)>,
    pub scope: BTreeSet<Category>,
    pub accounts: BTreeSet<Id>,
    pub province: Id,
    pub public_hospital: bool,
}

/// A registered product.
#[derive(Debug)]
pub(crate) struct Product {
    pub category: Category,
    pub control: ControlClass,
    pub range: TempRange,
    /// Cold-chain product (cold or frozen storage).
    pub cold: bool,
    pub vaccine: bool,
    /// The unit its quantities count (`瓶`, `支`): the vaccine sentences name it.
    pub unit: Id,
}

/// Master data.
#[derive(Default)]
pub(crate) struct Master {
    pub parties: HashMap<Id, Party>,
    /// The company keeping the ledger.
    pub owner: Option<Id>,
    pub products: HashMap<Id, Product>,
    /// Storage zones and the range each keeps.
    pub zones: HashMap<Id, TempRange>,
}

/// Why a party may not trade in some products on a date (`SUP-LIC`, `CUS-LIC`, and whether a
/// batch has a qualified source).
pub(crate) enum Unqualified<'m, 'e> {
    /// No qualification file.
    Unregistered,
    /// A natural person.
    Individual,
    /// No licence valid on the date.
    Licence(&'m Party),
    /// The first product whose category the licence does not cover.
    Scope {
        product: &'e str,
        category: Category,
    },
}

impl Master {
    /// Master-data events.
    pub fn apply(&mut self, e: &Event) {
        match &e.body {
            EventBody::PartyRegistered(p) => {
                if p.relation == Relation::Owner {
                    self.owner = Some(p.party.clone());
                }
                self.parties.insert(
                    p.party.clone(),
                    Party {
                        kind: p.kind,
                        address: p.address.clone(),
                        special: p.special.clone(),
                        licences: p
                            .licence
                            .iter()
                            .map(|l| (l.valid_from, l.valid_to))
                            .collect(),
                        scope: p.scope.iter().copied().collect(),
                        accounts: p.accounts.iter().map(|a| a.number.clone()).collect(),
                        province: p.province.clone(),
                        public_hospital: p.public_hospital,
                    },
                );
            }
            EventBody::LicenceChanged(c) => {
                if let Some(p) = self.parties.get_mut(&c.party) {
                    p.licences.push((c.licence.valid_from, c.licence.valid_to));
                    if let Some(s) = &c.scope {
                        p.scope = s.iter().copied().collect();
                    }
                    if let Some(a) = &c.accounts {
                        p.accounts = a.iter().map(|a| a.number.clone()).collect();
                    }
                    if let Some(sp) = &c.special {
                        p.special = Some(sp.clone());
                    }
                }
            }
            EventBody::ProductRegistered(p) => {
                self.products.insert(
                    p.product.clone(),
                    Product {
                        category: p.category,
                        control: p.control,
                        range: p.range(),
                        cold: matches!(p.storage, StorageClass::Cold | StorageClass::Frozen),
                        vaccine: p.vaccine,
                        unit: Id::from(p.unit.as_str()),
                    },
                );
            }
            EventBody::ZoneRegistered(z) => {
                self.zones.insert(z.zone.clone(), z.range());
            }
            _ => {}
        }
    }

    /// The special-control class of a product (none when unregistered).
    pub fn control(&self, product: &str) -> ControlClass {
        self.products
            .get(product)
            .map_or(ControlClass::None, |p| p.control)
    }

    /// Whether `party` may trade in `products` on `date`: registered, not an individual, a
    /// licence valid that day, and every registered product's category in scope.
    pub fn qualification<'e>(
        &self,
        party: &str,
        date: NaiveDate,
        products: impl IntoIterator<Item = &'e str>,
    ) -> Result<(), Unqualified<'_, 'e>> {
        let Some(p) = self.parties.get(party) else {
            return Err(Unqualified::Unregistered);
        };
        if p.kind == PartyKind::Individual {
            return Err(Unqualified::Individual);
        }
        if !p
            .licences
            .iter()
            .any(|(from, to)| *from <= date && date <= *to)
        {
            return Err(Unqualified::Licence(p));
        }
        for product in products {
            if let Some(prod) = self.products.get(product) {
                if !p.scope.contains(&prod.category) {
                    return Err(Unqualified::Scope {
                        product,
                        category: prod.category,
                    });
                }
            }
        }
        Ok(())
    }
}
