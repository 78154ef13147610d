//! The fictitious wholesaler, its partners and its catalogue: master data the simulation refers
//! to by index (party 0 is the ledger's owner, parties 1–4 the manufacturers, 5–10 the
//! customers, 11 a second wholesaler; products as in [`products`]; zones as in [`zones`]).

mod lanes;
mod parties;
mod products;

pub(crate) use lanes::MAX_LANES;

use rxledger_model::{
    BankAccount, Category, ControlClass, Licence, PartyKind, PartyRegistered, ProductRegistered,
    Relation, Special, StorageClass,
};

#[derive(Clone, Debug)]
pub(crate) struct PartyDef {
    pub id: String,
    pub short: &'static str,
    pub name: &'static str,
    pub kind: PartyKind,
    pub relation: Relation,
    pub licence: Licence,
    pub scope: Vec<Category>,
    pub account: String,
    pub bank: &'static str,
    pub province: &'static str,
    pub address: String,
    pub special: Option<Special>,
    pub public_hospital: bool,
}

impl PartyDef {
    pub fn to_event(&self) -> PartyRegistered {
        PartyRegistered {
            party: self.id.as_str().into(),
            name: self.name.into(),
            kind: self.kind,
            relation: self.relation,
            licence: Some(self.licence.clone()),
            scope: self.scope.clone(),
            accounts: vec![BankAccount {
                bank: self.bank.into(),
                number: self.account.as_str().into(),
            }],
            province: self.province.into(),
            address: self.address.as_str().into(),
            special: self.special.clone(),
            public_hospital: self.public_hospital,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct ProductDef {
    pub code: String,
    pub code_prefix: String,
    pub generic_name: &'static str,
    pub form: &'static str,
    pub spec: &'static str,
    pub manufacturer_name: &'static str,
    pub approval: &'static str,
    pub category: Category,
    pub control: ControlClass,
    pub storage: StorageClass,
    pub rx: bool,
    pub vaccine: bool,
    pub unit: &'static str,
    pub supplier: usize,
    /// Purchase price, fen.
    pub cost: i64,
    /// Sale price, fen.
    pub price: i64,
    pub zone: usize,
    pub shelf_days: i64,
    pub line_no: u32,
}

impl ProductDef {
    pub fn cold(&self) -> bool {
        self.storage == StorageClass::Cold
    }

    pub fn to_event(&self) -> ProductRegistered {
        ProductRegistered {
            product: self.code.as_str().into(),
            generic_name: self.generic_name.into(),
            form: self.form.into(),
            spec: self.spec.into(),
            manufacturer: self.manufacturer_name.into(),
            approval_number: self.approval.into(),
            category: self.category,
            control: self.control,
            storage: self.storage,
            temp_range: None,
            rx: self.rx,
            vaccine: self.vaccine,
            unit: self.unit.into(),
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct CustomerDef {
    pub party: usize,
    pub consignee: String,
    /// (product, typical quantity, orders per week)
    pub buys: Vec<(usize, u64, f64)>,
}

#[derive(Clone, Debug)]
pub(crate) struct ZoneDef {
    pub id: String,
    pub class: StorageClass,
    pub sensor: String,
    pub range: (f64, f64),
    pub storage: bool,
}

pub(crate) struct World {
    pub parties: Vec<PartyDef>,
    pub products: Vec<ProductDef>,
    pub customers: Vec<CustomerDef>,
    pub zones: Vec<ZoneDef>,
    /// Daily demand per product ([`World::daily_demand`], computed once).
    demand: Vec<f64>,
}

/// Zone index of the ambient store (see [`zones`]).
pub const AMBIENT: usize = 0;
/// Zone index of the cool store.
pub const COOL: usize = 1;
/// Zone index of the refrigerator.
pub const COLD: usize = 2;
/// Zone index of the special-control store.
pub const SPECIAL: usize = 3;

impl World {
    /// Units of `product` the customers buy per day on average.
    pub fn daily_demand(&self, product: usize) -> f64 {
        self.demand[product]
    }

    /// [`World::daily_demand`] of every product: the customers' buying habits summed in
    /// customer order (one pass, so that a world of many lanes is built quickly).
    fn demands(&self) -> Vec<f64> {
        let mut d = vec![0.0; self.products.len()];
        for &(p, q, per_week) in self.customers.iter().flat_map(|c| c.buys.iter()) {
            d[p] += q as f64 * per_week / 7.0;
        }
        d
    }

    /// The wholesaler with `lanes` lanes: lane 0 (and `lanes` 0 or 1) is the default world; each further lane adds
    /// its own copy of the customers, the catalogue and the storage zones (see [`lanes`]).
    pub fn scaled(lanes: u32) -> World {
        let mut w = World {
            parties: parties::parties(),
            products: products::products(),
            customers: customers(),
            zones: zones(),
            demand: Vec::new(),
        };
        lanes::add_lanes(&mut w, lanes);
        w.demand = w.demands();
        w
    }
}

/// The storage zones, in index order: ambient, cool, cold, special-control.
fn zones() -> Vec<ZoneDef> {
    vec![
        ZoneDef {
            id: "WH-A".into(),
            class: StorageClass::Ambient,
            sensor: "TH-A01".into(),
            range: (12.0, 26.0),
            storage: true,
        },
        ZoneDef {
            id: "WH-C".into(),
            class: StorageClass::Cool,
            sensor: "TH-C01".into(),
            range: (8.0, 18.0),
            storage: true,
        },
        ZoneDef {
            id: "CR-1".into(),
            class: StorageClass::Cold,
            sensor: "TH-R01".into(),
            range: (3.0, 7.0),
            storage: true,
        },
        ZoneDef {
            id: "SP-1".into(),
            class: StorageClass::Ambient,
            sensor: "TH-S01".into(),
            range: (14.0, 24.0),
            storage: true,
        },
    ]
}

/// Customers: (party index, consignee, [(product, typical qty, orders per week)]).
fn customers() -> Vec<CustomerDef> {
    vec![
        CustomerDef {
            party: 5,
            consignee: "仁和医院药剂科 林主任".into(),
            buys: vec![
                (0, 200, 2.0),
                (1, 120, 1.5),
                (2, 150, 1.0),
                (3, 100, 1.0),
                (4, 60, 1.0),
                (5, 80, 1.0),
                (6, 20, 0.5),
                (9, 50, 1.0),
                (10, 30, 0.5),
                (11, 20, 0.5),
                (12, 40, 0.5),
            ],
        },
        CustomerDef {
            party: 6,
            consignee: "明州人民医院药剂科 黄药师".into(),
            buys: vec![
                (0, 150, 1.5),
                (2, 100, 1.0),
                (3, 80, 1.0),
                (5, 60, 1.0),
                (6, 10, 0.5),
                (9, 30, 0.5),
                (11, 20, 0.5),
            ],
        },
        CustomerDef {
            party: 7,
            consignee: "康宁大药房配送中心 徐经理".into(),
            buys: vec![
                (0, 300, 2.0),
                (1, 400, 2.0),
                (4, 200, 1.0),
                (13, 100, 1.0),
                (14, 120, 1.0),
            ],
        },
        CustomerDef {
            party: 8,
            consignee: "北山社区卫生服务中心药房 吕药师".into(),
            buys: vec![(0, 60, 1.0), (2, 50, 1.0), (5, 20, 0.5)],
        },
        CustomerDef {
            party: 9,
            consignee: "杭州市疾控中心免疫规划所 冷链库".into(),
            buys: vec![(7, 500, 0.5), (8, 200, 0.5)],
        },
        CustomerDef {
            party: 10,
            consignee: "德安医院药剂科 方药师".into(),
            buys: vec![(0, 100, 0.5), (4, 40, 0.5)],
        },
    ]
}
