//! Names beside ids: the registered names of parties and products appear next to their codes in
//! the messages of both languages, from the master data of the ledger; the facts (JSON) keep the
//! bare codes; every fact that holds a registered party or product id is one the catalogue names.

use std::path::{Path, PathBuf};

use rxledger_reconcile::{Config, Fact, Finding, Msg};
use rxledger_report::names::{check_ledgers_named, check_named, Names, PARTY_FACTS, PRODUCT_FACTS};
use rxledger_report::{Lang, Messages};

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples/scenarios")
        .join(format!("{name}.jsonl"))
}

const PHARMACY: &str = "91330106MA2H1RT58K";
const PHARMACY_NAME: &str = "杭州康宁大药房连锁有限公司";
const EPHEDRINE: &str = "86901234000059";

#[test]
fn special_control_findings_name_the_customer_and_product_in_both_languages() {
    let (report, names) = check_named(
        &scenario("special-control"),
        Config::default(),
        None,
        |_| {},
    )
    .unwrap();
    assert_eq!(names.party(PHARMACY), Some(PHARMACY_NAME));
    let product = names
        .product(EPHEDRINE)
        .expect("the ephedrine product is registered");
    assert_eq!(product.name, "复方盐酸伪麻黄碱缓释胶囊");

    let zh = Messages::new(Lang::Zh).with_names(names.clone());
    let en = Messages::new(Lang::En).with_names(names.clone());
    let som = report
        .findings
        .iter()
        .find(|f| {
            f.message.id == "som-size"
                && f.message.args.get("customer") == Some(&Fact::Text(PHARMACY.into()))
        })
        .expect("a suspicious order");
    let zh_text = zh.message(som);
    assert!(
        zh_text.starts_with(&format!("{PHARMACY_NAME}（{PHARMACY}）")),
        "{zh_text}"
    );
    assert!(
        zh_text.contains(&format!(
            "复方盐酸伪麻黄碱缓释胶囊 {}（{EPHEDRINE}）",
            product.spec
        )),
        "{zh_text}"
    );
    let en_text = en.message(som);
    assert!(
        en_text.contains(&format!("by {PHARMACY_NAME} ({PHARMACY})")),
        "{en_text}"
    );
    assert!(
        en_text.contains(&format!(
            "复方盐酸伪麻黄碱缓释胶囊 {} ({EPHEDRINE})",
            product.spec
        )),
        "{en_text}"
    );
    // Without names, the bare codes, as before.
    let bare = Messages::new(Lang::En).message(som);
    assert!(bare.contains(&format!("by {PHARMACY} is")), "{bare}");
    assert!(!bare.contains(PHARMACY_NAME), "{bare}");

    // The text report and the JSON message carry the names; the JSON facts keep the codes.
    assert!(rxledger_report::text_with(&report, &zh).contains(PHARMACY_NAME));
    let json: serde_json::Value =
        serde_json::from_str(&rxledger_report::json_with(&report, &en)).unwrap();
    let first = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains(PHARMACY_NAME))
        })
        .expect("a JSON message with the pharmacy's name");
    assert!(!first.to_string().contains(&format!("\"{PHARMACY_NAME}\"")));
}

#[test]
fn unknown_codes_stay_as_they_are() {
    let mut names = Names::new();
    names.add_party("P-1", "甲公司");
    names.add_product("G-1", "阿莫西林胶囊", "");
    let m = Messages::new(Lang::En).with_names(names);
    let msg = Msg::new("cross-diff-extra")
        .arg("product", "G-1")
        .arg("batch", "B1");
    assert_eq!(
        m.render(&msg),
        "阿莫西林胶囊 (G-1) batch B1 received but not shipped"
    );
    let msg = Msg::new("cross-diff-extra")
        .arg("product", "G-2")
        .arg("batch", "P-1");
    // A batch that happens to equal a party id is not a party.
    assert_eq!(m.render(&msg), "G-2 batch P-1 received but not shipped");
    assert_eq!(m.party("P-2"), "P-2");
}

/// Every text fact of every finding whose value is a registered party (product) id is named in
/// [`PARTY_FACTS`] ([`PRODUCT_FACTS`]): a new rule that names a party under a new fact name
/// fails here until the name is added.
#[test]
fn every_fact_holding_a_registered_id_is_named() {
    let mut seen_party = false;
    let mut seen_product = false;
    let mut check = |findings: &[Finding], names: &Names| {
        let mut stack: Vec<&Msg> = findings
            .iter()
            .flat_map(|f| [Some(&f.message), f.expected.as_ref(), f.actual.as_ref()])
            .flatten()
            .collect();
        while let Some(msg) = stack.pop() {
            let mut facts: Vec<(&str, &Fact)> =
                msg.args.iter().map(|(k, v)| (k.as_ref(), v)).collect();
            while let Some((name, fact)) = facts.pop() {
                match fact {
                    Fact::Text(v) if names.party(v).is_some() => {
                        seen_party = true;
                        assert!(PARTY_FACTS.contains(&name), "{}: {name} = {v}", msg.id);
                    }
                    Fact::Text(v) if names.product(v).is_some() => {
                        seen_product = true;
                        assert!(PRODUCT_FACTS.contains(&name), "{}: {name} = {v}", msg.id);
                    }
                    Fact::List(items) => facts.extend(items.iter().map(|f| (name, f))),
                    Fact::Msg(m) => stack.push(m),
                    _ => {}
                }
            }
        }
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/scenarios");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            let (report, names) = check_named(&path, Config::default(), None, |_| {}).unwrap();
            check(&report.findings, &names);
        }
    }
    let pair = [scenario("pair-a"), scenario("pair-b-missing")];
    let (reports, names) = check_ledgers_named(&pair, &Config::default(), None).unwrap();
    assert!(names.owner().is_some());
    for r in &reports {
        check(&r.findings, &names);
    }
    assert!(seen_party && seen_product);
}
