//! The language of the output: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else
//! English; instants in the ledger's zone (`--zone`, `RXLEDGER_ZONE`, default +08:00).

use std::path::Path;
use std::process::Command;

const COLD: &str = "samples/scenarios/cold-chain.jsonl";

/// Runs the binary with only the locale variables of `env` set; its stdout.
fn run(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rxledger"));
    c.args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    for k in ["LC_ALL", "LC_MESSAGES", "LANG", "RXLEDGER_ZONE"] {
        c.env_remove(k);
    }
    c.envs(env.iter().copied());
    let o = c.output().unwrap();
    assert!(o.status.code().is_some_and(|c| c <= 1), "{o:?}");
    String::from_utf8(o.stdout).unwrap()
}

fn chinese(s: &str) -> bool {
    s.contains("温度超标") && s.contains("合计") && !s.contains("Temperature excursion")
}

fn english(s: &str) -> bool {
    s.contains("Temperature excursion") && s.contains("total") && !s.contains("温度超标")
}

#[test]
fn lang_option_then_locale_then_english() {
    let check = ["check", COLD];
    let zh = run(&["check", COLD, "--lang", "zh"], &[]);
    assert!(chinese(&zh), "{zh}");
    // The excursion of the scenario at 21:01 UTC on 30 September, in Beijing time.
    assert!(
        zh.contains("2026-10-01 05:01 (+08:00) 至 2026-10-01 05:46 (+08:00)"),
        "{zh}"
    );
    assert!(!zh.contains("UTC"));
    assert!(chinese(&run(&check, &[("LANG", "zh_CN.UTF-8")])));
    assert!(chinese(&run(
        &check,
        &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "C")]
    )));
    // The option wins over the locale; LC_ALL over LANG; nothing set is English.
    let en = run(&["--lang", "en", "check", COLD], &[("LANG", "zh_CN.UTF-8")]);
    assert!(english(&en), "{en}");
    assert!(en.contains("2026-10-01 05:01 (+08:00) to 2026-10-01 05:46 (+08:00)"));
    assert!(english(&run(
        &check,
        &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]
    )));
    assert!(english(&run(&check, &[])));
}

#[test]
fn zone_option_and_variable() {
    let utc = run(&["check", COLD, "--zone", "UTC"], &[]);
    assert!(utc.contains("2026-09-30 21:01 (+00:00)"), "{utc}");
    let env = run(&["check", COLD], &[("RXLEDGER_ZONE", "+07:00")]);
    assert!(env.contains("2026-10-01 04:01 (+07:00)"), "{env}");
    let o = Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args(["check", COLD, "--zone", "Europe/Berlin"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown time zone"));
}

/// JSON keeps codes, facts and RFC 3339 instants; only the sentences follow the language.
#[test]
fn json_is_language_neutral_but_its_messages() {
    let strip = |s: &str| {
        let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
        for list in ["findings", "pending"] {
            for f in v[list].as_array_mut().unwrap() {
                for k in ["message", "expected", "actual", "closed_by"] {
                    f.as_object_mut().unwrap().remove(k);
                }
            }
        }
        v
    };
    let zh = run(&["check", COLD, "--format", "json", "--lang", "zh"], &[]);
    let en = run(&["check", COLD, "--format", "json", "--lang", "en"], &[]);
    assert!(zh.contains("\"message\": \"库区"), "{zh}");
    assert!(zh.contains("\"from\": \"2026-09-30T21:01:00Z\""), "{zh}");
    assert!(
        strip(&zh) == strip(&en),
        "the JSON differs beyond its sentences"
    );
}

#[test]
fn rules_and_sarif_in_chinese() {
    let rules = run(&["rules", "--lang", "zh"], &[]);
    assert!(
        rules.contains("TEMP-RANGE     严重      温度超标"),
        "{rules}"
    );
    // Every rule's description (the line under its title) is Chinese: none falls back to English.
    let lines: Vec<&str> = rules.lines().collect();
    let titles = lines.iter().filter(|l| !l.starts_with(' ')).count();
    assert_eq!(titles, 51, "{rules}");
    for pair in lines.windows(2).filter(|w| !w[0].starts_with(' ')) {
        assert!(
            pair[1]
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "English description under {}: {}",
            pair[0],
            pair[1]
        );
    }
    // Sources (依据) as the regulations write them; the record findings point at, in Chinese.
    assert!(
        rules.contains("    依据：《药品经营质量管理规范》第八十三条、第一百条；"),
        "{rules}"
    );
    assert!(rules.contains("企业政策阈值（可配置）"), "{rules}");
    assert!(!rules.contains("Art.") && !rules.contains("policy threshold"));
    assert!(
        rules.contains("    指向记录：盘点记录；无附列记录"),
        "{rules}"
    );
    let sarif = run(&["check", COLD, "--format", "sarif", "--lang", "zh"], &[]);
    assert!(sarif.contains("\"text\": \"温度超标\""), "{sarif}");
    assert!(
        sarif.contains("依据：《药品经营质量管理规范》第八十三条"),
        "{sarif}"
    );
    let junit = run(&["check", COLD, "--format", "junit", "--lang", "zh"], &[]);
    assert!(junit.contains("message=\"库区"), "{junit}");
}
