//! The fictitious wholesaler, its partners and its catalogue.

use chrono::NaiveDate;
use rxledger_model::{
    BankAccount, Category, ControlClass, Designation, Licence, LicenceKind, PartyKind,
    PartyRegistered, ProductRegistered, Relation, Special, StorageClass,
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
            party: self.id.clone(),
            name: self.name.to_owned(),
            kind: self.kind,
            relation: self.relation,
            licence: Some(self.licence.clone()),
            scope: self.scope.clone(),
            accounts: vec![BankAccount {
                bank: self.bank.to_owned(),
                number: self.account.clone(),
            }],
            province: self.province.to_owned(),
            address: self.address.clone(),
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
            product: self.code.clone(),
            generic_name: self.generic_name.to_owned(),
            form: self.form.to_owned(),
            spec: self.spec.to_owned(),
            manufacturer: self.manufacturer_name.to_owned(),
            approval_number: self.approval.to_owned(),
            category: self.category,
            control: self.control,
            storage: self.storage,
            temp_range: None,
            rx: self.rx,
            vaccine: self.vaccine,
            unit: self.unit.to_owned(),
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
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn party(
    id: &str,
    short: &'static str,
    name: &'static str,
    kind: PartyKind,
    relation: Relation,
    licence: (&str, LicenceKind, NaiveDate, NaiveDate),
    scope: &[Category],
    bank: &'static str,
    account: &str,
    province: &'static str,
    address: &str,
) -> PartyDef {
    PartyDef {
        id: id.to_owned(),
        short,
        name,
        kind,
        relation,
        licence: Licence {
            number: licence.0.to_owned(),
            kind: licence.1,
            valid_from: licence.2,
            valid_to: licence.3,
        },
        scope: scope.to_vec(),
        account: account.to_owned(),
        bank,
        province,
        address: address.to_owned(),
        special: None,
        public_hospital: false,
    }
}

impl World {
    pub fn daily_demand(&self, product: usize) -> f64 {
        self.customers
            .iter()
            .flat_map(|c| c.buys.iter())
            .filter(|b| b.0 == product)
            .map(|&(_, q, per_week)| q as f64 * per_week / 7.0)
            .sum()
    }

    #[allow(clippy::vec_init_then_push)]
    pub fn new() -> World {
        use Category as C;
        use LicenceKind as L;
        use PartyKind as K;
        use Relation as R;
        let all_wholesale = [
            C::Chemical,
            C::TcmPatent,
            C::Biological,
            C::Vaccine,
            C::Narcotic,
            C::Psychotropic1,
            C::Psychotropic2,
            C::Precursor,
            C::CompoundEphedrine,
            C::ColdChain,
        ];
        let hospital_scope = [
            C::Chemical,
            C::TcmPatent,
            C::Biological,
            C::Narcotic,
            C::Psychotropic1,
            C::Psychotropic2,
            C::ColdChain,
        ];
        let mut parties = Vec::new();
        // 0: the ledger's owner, a regional wholesaler designated for narcotics.
        let mut owner = party(
            "91330100MA27X8K3Q1",
            "KY",
            "浙江康源医药有限公司",
            K::Wholesaler,
            R::Owner,
            (
                "浙AA5710023",
                L::DrugWholesale,
                d(2023, 3, 1),
                d(2028, 2, 28),
            ),
            &all_wholesale,
            "中国工商银行杭州西湖支行",
            "1202021109900371234",
            "浙江",
            "浙江省杭州市西湖区文三路 388 号",
        );
        owner.special = Some(Special {
            designation: Designation::RegionalWholesaler,
            seal_card: None,
            valid_to: d(2028, 2, 28),
        });
        parties.push(owner);
        // 1: manufacturer of ordinary chemicals and compound ephedrine.
        parties.push(party(
            "91330100143958271X",
            "NK",
            "杭州宁康制药有限公司",
            K::Manufacturer,
            R::Supplier,
            (
                "浙20000158",
                L::DrugManufacturing,
                d(2022, 6, 1),
                d(2027, 5, 31),
            ),
            &[C::Chemical, C::CompoundEphedrine],
            "中国建设银行杭州滨江支行",
            "33050161622700001588",
            "浙江",
            "浙江省杭州市滨江区江南大道 1568 号",
        ));
        // 2: biologicals and vaccines (cold chain).
        parties.push(party(
            "91310115MA1K4QW27B",
            "RH",
            "上海瑞和生物制品有限公司",
            K::Manufacturer,
            R::Supplier,
            (
                "沪20170033",
                L::DrugManufacturing,
                d(2024, 1, 1),
                d(2028, 12, 31),
            ),
            &[C::Biological, C::Vaccine, C::ColdChain],
            "招商银行上海张江支行",
            "121909876510201",
            "上海",
            "上海市浦东新区张衡路 1200 号",
        ));
        // 3: designated manufacturer of narcotics and psychotropics.
        let mut hengan = party(
            "91420500179871123D",
            "HA",
            "西南恒安制药有限公司",
            K::Manufacturer,
            R::Supplier,
            (
                "鄂20160047",
                L::DrugManufacturing,
                d(2022, 9, 1),
                d(2027, 8, 31),
            ),
            &[C::Chemical, C::Narcotic, C::Psychotropic1, C::Psychotropic2],
            "中国银行宜昌分行",
            "555066887721",
            "湖北",
            "湖北省宜昌市高新区发展大道 66 号",
        );
        hengan.special = Some(Special {
            designation: Designation::DesignatedManufacturer,
            seal_card: None,
            valid_to: d(2027, 8, 31),
        });
        parties.push(hengan);
        // 4: TCM manufacturer.
        parties.push(party(
            "91120116600528837E",
            "TS",
            "天津同善堂制药有限公司",
            K::Manufacturer,
            R::Supplier,
            (
                "津20000089",
                L::DrugManufacturing,
                d(2021, 12, 1),
                d(2026, 11, 30),
            ),
            &[C::TcmPatent],
            "交通银行天津分行",
            "120060700018800012345",
            "天津",
            "天津市北辰区京津公路 9 号",
        ));
        // 5..: customers.
        let mut h1 = party(
            "12330000470089123F",
            "RHY",
            "杭州市仁和医院",
            K::MedicalInstitution,
            R::Customer,
            (
                "PDY00012133010015A1001",
                L::MedicalInstitution,
                d(2022, 1, 1),
                d(2027, 12, 31),
            ),
            &hospital_scope,
            "中国农业银行杭州分行",
            "19010101040012345",
            "浙江",
            "浙江省杭州市拱墅区湖墅南路 120 号",
        );
        h1.special = Some(Special {
            designation: Designation::SealCardHolder,
            seal_card: Some("浙麻精印鉴卡〔2025〕0117".into()),
            valid_to: d(2027, 12, 31),
        });
        h1.public_hospital = true;
        parties.push(h1);
        let mut h2 = party(
            "12330200470211456G",
            "MZY",
            "宁波市明州人民医院",
            K::MedicalInstitution,
            R::Customer,
            (
                "PDY00021233020115A1002",
                L::MedicalInstitution,
                d(2023, 1, 1),
                d(2028, 12, 31),
            ),
            &hospital_scope,
            "宁波银行鄞州支行",
            "51010122000456789",
            "浙江",
            "浙江省宁波市鄞州区百丈东路 88 号",
        );
        h2.special = Some(Special {
            designation: Designation::SealCardHolder,
            seal_card: Some("浙麻精印鉴卡〔2025〕0233".into()),
            valid_to: d(2028, 12, 31),
        });
        h2.public_hospital = true;
        parties.push(h2);
        parties.push(party(
            "91330106MA2H1RT58K",
            "KN",
            "杭州康宁大药房连锁有限公司",
            K::RetailChain,
            R::Customer,
            ("浙CB5710088", L::DrugRetail, d(2024, 4, 1), d(2029, 3, 31)),
            &[C::Chemical, C::TcmPatent, C::CompoundEphedrine],
            "杭州银行文创支行",
            "3301040160012345678",
            "浙江",
            "浙江省杭州市西湖区天目山路 210 号",
        ));
        let mut clinic = party(
            "12330106MB0123456H",
            "XHS",
            "杭州市西湖区北山街道社区卫生服务中心",
            K::MedicalInstitution,
            R::Customer,
            (
                "PDY00031233010615B2003",
                L::MedicalInstitution,
                d(2023, 7, 1),
                d(2028, 6, 30),
            ),
            &[C::Chemical, C::TcmPatent, C::Biological, C::ColdChain],
            "中国工商银行杭州北山支行",
            "1202021309000123456",
            "浙江",
            "浙江省杭州市西湖区保俶路 56 号",
        );
        clinic.public_hospital = true;
        parties.push(clinic);
        parties.push(party(
            "12330100470005678J",
            "HZCDC",
            "杭州市疾病预防控制中心",
            K::Cdc,
            R::Customer,
            (
                "HZCDC-2023-001",
                L::PublicHealth,
                d(2023, 1, 1),
                d(2028, 12, 31),
            ),
            &[C::Vaccine, C::Biological, C::ColdChain],
            "中国银行杭州市分行",
            "366058321234",
            "浙江",
            "浙江省杭州市上城区明石路 2 号",
        ));
        let mut hfd = party(
            "12340100485961234K",
            "HFD",
            "合肥市德安医院",
            K::MedicalInstitution,
            R::Customer,
            (
                "PDY00041234010015A1004",
                L::MedicalInstitution,
                d(2022, 5, 1),
                d(2027, 4, 30),
            ),
            &[C::Chemical, C::TcmPatent, C::Narcotic],
            "徽商银行合肥分行",
            "1021201000012345",
            "安徽",
            "安徽省合肥市蜀山区长江西路 99 号",
        );
        // Holds a purchase-seal card in Anhui: narcotics from Zhejiang need an approval.
        hfd.special = Some(Special {
            designation: Designation::SealCardHolder,
            seal_card: Some("皖麻精印鉴卡〔2025〕0342".into()),
            valid_to: d(2027, 4, 30),
        });
        parties.push(hfd);
        // 11: another wholesaler, used only when violations are planted (TWO-INVOICE).
        parties.push(party(
            "91330000MA28HK7Y2P",
            "HK",
            "浙江华康医药商业有限公司",
            K::Wholesaler,
            R::Supplier,
            (
                "浙AA5710371",
                L::DrugWholesale,
                d(2024, 2, 1),
                d(2029, 1, 31),
            ),
            &[
                C::Chemical,
                C::TcmPatent,
                C::Biological,
                C::CompoundEphedrine,
                C::ColdChain,
            ],
            "浙商银行杭州分行",
            "3310010010120100087654",
            "浙江",
            "浙江省杭州市上城区秋涛北路 77 号",
        ));

        let ambient = 0usize;
        let cool = 1usize;
        let cold = 2usize;
        let special = 3usize;
        let zones = vec![
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
        ];

        let mut products = Vec::new();
        let mut add = |code: &str,
                       name: &'static str,
                       form: &'static str,
                       spec: &'static str,
                       mfr: usize,
                       approval: &'static str,
                       category: Category,
                       control: ControlClass,
                       storage: StorageClass,
                       rx: bool,
                       unit: &'static str,
                       cost: i64,
                       zone: usize,
                       shelf_years: i64| {
            let line_no = u32::try_from(products.len() + 1).unwrap_or(0);
            let mfr_name = match mfr {
                1 => "杭州宁康制药有限公司",
                2 => "上海瑞和生物制品有限公司",
                3 => "西南恒安制药有限公司",
                _ => "天津同善堂制药有限公司",
            };
            products.push(ProductDef {
                code: code.to_owned(),
                code_prefix: format!("8{:06}", 100_000 + line_no * 37),
                generic_name: name,
                form,
                spec,
                manufacturer_name: mfr_name,
                approval,
                category,
                control,
                storage,
                rx,
                vaccine: category == Category::Vaccine,
                unit,
                supplier: mfr,
                cost,
                price: cost + cost / 10 + cost / 50,
                zone,
                shelf_days: shelf_years * 365,
                line_no,
            });
        };
        use ControlClass as X;
        use StorageClass as S;
        add(
            "86901234000011",
            "阿莫西林胶囊",
            "胶囊剂",
            "0.25g×24粒/盒",
            1,
            "国药准字H33020011",
            C::Chemical,
            X::None,
            S::Ambient,
            true,
            "盒",
            860,
            ambient,
            3,
        );
        add(
            "86901234000028",
            "布洛芬缓释胶囊",
            "胶囊剂",
            "0.3g×20粒/盒",
            1,
            "国药准字H33020478",
            C::Chemical,
            X::None,
            S::Ambient,
            false,
            "盒",
            1250,
            ambient,
            3,
        );
        add(
            "86901234000035",
            "盐酸二甲双胍片",
            "片剂",
            "0.5g×60片/瓶",
            1,
            "国药准字H33021233",
            C::Chemical,
            X::None,
            S::Ambient,
            true,
            "瓶",
            1530,
            ambient,
            3,
        );
        add(
            "86901234000042",
            "头孢克肟分散片",
            "片剂",
            "0.1g×6片/盒",
            1,
            "国药准字H20053311",
            C::Chemical,
            X::None,
            S::Cool,
            true,
            "盒",
            2180,
            cool,
            2,
        );
        add(
            "86912345000017",
            "复方丹参滴丸",
            "滴丸剂",
            "27mg×180丸/瓶",
            4,
            "国药准字Z10950111",
            C::TcmPatent,
            X::None,
            S::Cool,
            false,
            "瓶",
            2650,
            cool,
            3,
        );
        add(
            "86923456000014",
            "重组人胰岛素注射液",
            "注射剂",
            "3ml:300IU/支",
            2,
            "国药准字S20063045",
            C::Biological,
            X::None,
            S::Cold,
            true,
            "支",
            4820,
            cold,
            2,
        );
        add(
            "86923456000021",
            "人血白蛋白",
            "注射剂",
            "10g(20%,50ml)/瓶",
            2,
            "国药准字S20083021",
            C::Biological,
            X::None,
            S::Cold,
            true,
            "瓶",
            36500,
            cold,
            3,
        );
        add(
            "86923456000038",
            "重组乙型肝炎疫苗(酿酒酵母)",
            "注射剂",
            "10μg/0.5ml/支",
            2,
            "国药准字S20183012",
            C::Vaccine,
            X::None,
            S::Cold,
            true,
            "支",
            1850,
            cold,
            3,
        );
        add(
            "86923456000045",
            "四价流感病毒裂解疫苗",
            "注射剂",
            "0.5ml/支",
            2,
            "国药准字S20200021",
            C::Vaccine,
            X::None,
            S::Cold,
            true,
            "支",
            12800,
            cold,
            1,
        );
        add(
            "86934567000011",
            "盐酸吗啡注射液",
            "注射剂",
            "10mg:1ml/支",
            3,
            "国药准字H42022434",
            C::Narcotic,
            X::Narcotic,
            S::Ambient,
            true,
            "支",
            320,
            special,
            3,
        );
        add(
            "86934567000028",
            "枸橼酸芬太尼注射液",
            "注射剂",
            "0.1mg:2ml/支",
            3,
            "国药准字H42022436",
            C::Narcotic,
            X::Narcotic,
            S::Ambient,
            true,
            "支",
            560,
            special,
            3,
        );
        add(
            "86934567000035",
            "地西泮片",
            "片剂",
            "2.5mg×100片/瓶",
            3,
            "国药准字H42020987",
            C::Psychotropic2,
            X::Psychotropic2,
            S::Ambient,
            true,
            "瓶",
            780,
            special,
            3,
        );
        add(
            "86934567000042",
            "艾司唑仑片",
            "片剂",
            "1mg×20片/盒",
            3,
            "国药准字H42021565",
            C::Psychotropic2,
            X::Psychotropic2,
            S::Ambient,
            true,
            "盒",
            650,
            special,
            3,
        );
        add(
            "86901234000059",
            "复方盐酸伪麻黄碱缓释胶囊",
            "胶囊剂",
            "10粒/盒",
            1,
            "国药准字H33022156",
            C::CompoundEphedrine,
            X::CompoundEphedrine,
            S::Ambient,
            false,
            "盒",
            1480,
            ambient,
            2,
        );
        add(
            "86901234000066",
            "氨酚伪麻美芬片",
            "片剂",
            "12片/盒",
            1,
            "国药准字H33022379",
            C::CompoundEphedrine,
            X::CompoundEphedrine,
            S::Ambient,
            false,
            "盒",
            990,
            ambient,
            2,
        );

        // Customers: (party index, consignee, [(product, typical qty, orders per week)]).
        let customers = vec![
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
        ];
        World {
            parties,
            products,
            customers,
            zones,
        }
    }
}
