//! Every rule's title and description in Chinese (`rule-CODE` and its `.description` in
//! `locales/zh/rules.ftl`), as `rxledger rules --lang zh` and SARIF's `fullDescription` show
//! them: none falls back to the English of the rule catalogue.

use std::path::PathBuf;

use rxledger_reconcile::check::check_path;
use rxledger_reconcile::{Config, RULES};
use rxledger_report::messages::{Lang, Messages};
use rxledger_report::sarif_with;

fn chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_rule_has_a_chinese_title_and_description() {
    let zh = Messages::new(Lang::Zh);
    let en = Messages::new(Lang::En);
    for r in RULES {
        let (title, description) = (zh.rule_title(r), zh.rule_description(r));
        assert_ne!(title, r.title, "{}: English title", r.code);
        assert_ne!(
            description, r.description,
            "{}: English description",
            r.code
        );
        assert!(chinese(&title) && chinese(&description), "{}", r.code);
        assert!(!description.contains('{'), "{}: placeholder left", r.code);
        // English keeps the rule catalogue's words.
        assert_eq!(en.rule_description(r), r.description, "{}", r.code);
    }
}

#[test]
fn sarif_full_descriptions_are_chinese() {
    let ledger =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/scenarios/cold-chain.jsonl");
    let report = check_path(&ledger, Config::default(), None, |_| {}).unwrap();
    let sarif: serde_json::Value =
        serde_json::from_str(&sarif_with(&report, &Messages::new(Lang::Zh))).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), RULES.len());
    for rule in rules {
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        let code = rule["id"].as_str().unwrap();
        let info = RULES.iter().find(|r| r.code == code).unwrap();
        assert_ne!(full, info.description, "{code}: English fullDescription");
        assert!(chinese(full), "{code}: {full}");
    }
}
