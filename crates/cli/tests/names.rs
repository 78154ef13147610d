//! `rxledger check` shows the registered names of parties and products beside their codes, in
//! both languages.

use std::path::Path;
use std::process::Command;

fn check(lang: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args([
            "check",
            "samples/scenarios/special-control.jsonl",
            "--lang",
            lang,
        ])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn check_names_parties_and_products_beside_their_codes() {
    let zh = check("zh");
    assert!(
        zh.contains("杭州康宁大药房连锁有限公司（91330106MA2H1RT58K）"),
        "{zh}"
    );
    assert!(
        zh.contains("复方盐酸伪麻黄碱缓释胶囊 10粒/盒（86901234000059）"),
        "{zh}"
    );
    let en = check("en");
    assert!(
        en.contains("杭州康宁大药房连锁有限公司 (91330106MA2H1RT58K)"),
        "{en}"
    );
    assert!(
        en.contains("复方盐酸伪麻黄碱缓释胶囊 10粒/盒 (86901234000059)"),
        "{en}"
    );
}
