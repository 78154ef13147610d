//! The wholesaler itself, its suppliers and its customers (party index order matters: the
//! simulation refers to parties by index, see [`super::World`]).

use chrono::NaiveDate;
use rxledger_model::{Category, Designation, Licence, LicenceKind, PartyKind, Relation, Special};

use super::PartyDef;

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
            number: licence.0.into(),
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

/// Every party, in index order: the owner (0), the manufacturers (1–4), the customers (5–10) and
/// the second wholesaler (11).
pub(super) fn parties() -> Vec<PartyDef> {
    let mut parties = owner_and_manufacturers();
    parties.extend(customers());
    parties.push(second_wholesaler());
    parties
}

/// Every category a wholesaler may be licensed for.
const ALL_WHOLESALE: [Category; 10] = [
    Category::Chemical,
    Category::TcmPatent,
    Category::Biological,
    Category::Vaccine,
    Category::Narcotic,
    Category::Psychotropic1,
    Category::Psychotropic2,
    Category::Precursor,
    Category::CompoundEphedrine,
    Category::ColdChain,
];

/// The scope of the two general hospitals.
const HOSPITAL_SCOPE: [Category; 7] = [
    Category::Chemical,
    Category::TcmPatent,
    Category::Biological,
    Category::Narcotic,
    Category::Psychotropic1,
    Category::Psychotropic2,
    Category::ColdChain,
];

/// Parties 0–4.
fn owner_and_manufacturers() -> Vec<PartyDef> {
    use Category as C;
    use LicenceKind as L;
    use PartyKind as K;
    use Relation as R;
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
        &ALL_WHOLESALE,
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
    parties
}

/// Parties 5–10.
fn customers() -> Vec<PartyDef> {
    use Category as C;
    use LicenceKind as L;
    use PartyKind as K;
    use Relation as R;
    let mut parties = Vec::new();
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
        &HOSPITAL_SCOPE,
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
        &HOSPITAL_SCOPE,
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
    parties
}

/// Party 11: another wholesaler, used only when violations are planted (TWO-INVOICE).
fn second_wholesaler() -> PartyDef {
    use Category as C;
    use LicenceKind as L;
    use PartyKind as K;
    use Relation as R;
    party(
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
    )
}
