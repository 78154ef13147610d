//! The command line itself in the chosen language (`--lang`, else the locale): its errors (the
//! parser's, the options it checks, missing files, bad input lines naming file, line and field,
//! a broken chain, store errors), its help, and `summary` with instants in the ledger's zone.
//! The same bad input gives the same exit code in both languages.

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary in `cwd` with no locale set except `env`.
fn run_env(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rxledger"));
    c.args(args).current_dir(cwd);
    for k in ["LC_ALL", "LC_MESSAGES", "LANG", "RXLEDGER_ZONE"] {
        c.env_remove(k);
    }
    c.envs(env.iter().copied());
    c.output().unwrap()
}

fn run(args: &[&str], cwd: &Path) -> Output {
    run_env(args, cwd, &[])
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// English words left in `text` outside its data: a run of letters with two lower-case ones,
/// not an option (`--format`), a path or file name, a value name (`<PATHS>`), a quoted id
/// (`` `id` ``) or one of `data`.
fn english_words<'a>(text: &'a str, data: &[&str]) -> Vec<&'a str> {
    let unquoted: Vec<&str> = text.split('`').step_by(2).collect();
    let mut words = Vec::new();
    for part in unquoted {
        // `part` borrows from `text`; words are slices of it.
        for t in part.split(|c: char| !(c.is_ascii_alphanumeric() || "_.-/<>[]:+".contains(c))) {
            let bare = t.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            let word = bare.chars().filter(char::is_ascii_lowercase).count() >= 2
                && !t.starts_with('-')
                && !t.starts_with('<')
                && !t.starts_with('[')
                && !bare.contains(['.', '/', '_', ':'])
                && !bare.contains(|c: char| c.is_ascii_digit())
                && !data.contains(&bare);
            if word {
                words.push(t);
            }
        }
    }
    words
}

/// The command names and data of the bad inputs below, which are not English sentences.
const DATA: &[&str] = &[
    "rxledger",
    "check",
    "verify",
    "append",
    "init",
    "gen",
    "trace",
    "bogus",
    "Mars",
    "nofile",
    "LEDGER",
    "id",
    "kind",
    "json",
    "Asia",
    "Shanghai",
    "Chongqing",
    "Harbin",
    "Hong_Kong",
    "Macau",
    "Taipei",
    "Singapore",
    "Etc",
    "zz",
];

#[test]
fn the_same_bad_inputs_give_chinese_and_english_errors_and_the_same_exit_codes() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    assert_eq!(run(&["init", "L"], p).status.code(), Some(0));
    std::fs::write(p.join("not-json.jsonl"), "not json\n").unwrap();
    std::fs::write(
        p.join("no-kind.jsonl"),
        "{\"v\":1,\"id\":\"01a0efd3-5680-7bae-b079-01aebf793d11\"}\n",
    )
    .unwrap();
    std::fs::write(p.join("bad.toml"), "[thresholds]\nunpaid_days = -1\n").unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples/scenarios/cold-chain.jsonl")
        .display()
        .to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["append", "L", "nofile.jsonl"],
        vec!["append", "L", "not-json.jsonl"],
        vec!["append", "L", "no-kind.jsonl"],
        vec!["append", "nofile", "not-json.jsonl"],
        vec!["verify", "nofile"],
        vec!["init", "L"],
        vec!["check", &sample, "--config", "nofile.toml"],
        vec!["check", &sample, "--config", "bad.toml"],
        vec!["check", &sample, "--head", "zz"],
        vec!["check", &sample, "--zone", "Mars"],
        vec!["gen", "--violations", "2"],
        vec!["trace", "X"],
        vec!["bogus"],
        vec!["check", &sample, "--formt", "json"],
        vec!["check", &sample, "--format", "j"],
        vec!["check"],
    ];
    for args in &cases {
        let mut zh_args = args.clone();
        zh_args.extend(["--lang", "zh"]);
        let mut en_args = args.clone();
        en_args.extend(["--lang", "en"]);
        let (zh, en) = (run(&zh_args, p), run(&en_args, p));
        assert_eq!(zh.status.code(), Some(2), "{args:?}: {}", stderr(&zh));
        assert_eq!(zh.status.code(), en.status.code(), "{args:?}");
        let (zt, et) = (stderr(&zh), stderr(&en));
        assert!(zt.starts_with("错误："), "{args:?}: {zt}");
        assert!(!zt.contains("用法： "), "{args:?}: {zt}");
        assert!(et.starts_with("error: "), "{args:?}: {et}");
        assert!(
            chinese(&zt) && !chinese(&et.replace("简体中文", "")),
            "{args:?}: {zt} / {et}"
        );
        let mut data = DATA.to_vec();
        data.push(&sample);
        let words = english_words(&zt, &data);
        assert!(words.is_empty(), "{args:?}: English {words:?} in {zt}");
    }
    // The locale chooses too, before the command line is parsed.
    let o = run_env(&["bogus"], p, &[("LANG", "zh_CN.UTF-8")]);
    assert!(
        stderr(&o).starts_with("错误：无法识别的命令“bogus”"),
        "{}",
        stderr(&o)
    );
    // Input errors name the file, the line and the field in both languages.
    let zh = stderr(&run(&["append", "L", "no-kind.jsonl", "--lang", "zh"], p));
    let en = stderr(&run(&["append", "L", "no-kind.jsonl", "--lang", "en"], p));
    assert!(
        zh.contains("no-kind.jsonl 第 1 行：字段 `kind`：缺少必填字段"),
        "{zh}"
    );
    assert!(
        en.contains("no-kind.jsonl:1: field `kind`: required field is missing"),
        "{en}"
    );
}

/// A chain that fails verification: the same findings, the same exit code, in both languages.
#[test]
fn a_verification_failure_in_both_languages() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let g = run(&["gen", "--events", "30", "--seed", "2"], p);
    std::fs::write(p.join("e.jsonl"), &g.stdout).unwrap();
    for args in [
        vec!["init", "L"],
        vec!["append", "L", "e.jsonl"],
        vec!["export", "L", "-o", "x.jsonl"],
    ] {
        assert_eq!(run(&args, p).status.code(), Some(0), "{args:?}");
    }
    // What a command did, in the chosen language too.
    let said = |args: &[&str]| stdout(&run(args, p));
    assert_eq!(said(&["init", "Z", "--lang", "zh"]), "已创建空账本 Z\n");
    let appended = said(&["append", "Z", "e.jsonl", "--lang", "zh"]);
    assert!(
        appended.starts_with("已从 e.jsonl 追加 30 个事件；链头 30:"),
        "{appended}"
    );
    let again = said(&["append", "Z", "e.jsonl", "--lang", "en"]);
    assert!(
        again.starts_with("e.jsonl: all 30 events already present; nothing appended (head 30:"),
        "{again}"
    );
    let ok = said(&["verify", "Z", "--lang", "zh"]);
    assert!(ok.starts_with("通过：30 条记录校验通过；链头 30:"), "{ok}");
    let x = std::fs::read_to_string(p.join("x.jsonl")).unwrap();
    let mut lines: Vec<String> = x.lines().map(str::to_owned).collect();
    lines.remove(4);
    std::fs::write(p.join("x.jsonl"), lines.join("\n") + "\n").unwrap();
    let zh = run(&["verify", "x.jsonl", "--lang", "zh"], p);
    let en = run(&["verify", "x.jsonl", "--lang", "en"], p);
    assert_eq!(zh.status.code(), Some(1));
    assert_eq!(en.status.code(), Some(1));
    let (zt, et) = (stdout(&zh), stdout(&en));
    assert!(zt.starts_with("未通过：第一条出错记录 5\n"), "{zt}");
    assert!(zt.contains("记录 1..=4 校验通过；链头 4:"), "{zt}");
    assert!(et.starts_with("FAILED: first bad seq 5\n"), "{et}");
    assert!(et.contains("records 1..=4 verified; head 4:"), "{et}");
    assert!(zt.contains("记录号不连续：应为记录 5，实为记录 6"), "{zt}");
    let words = english_words(&zt, &[]);
    assert!(words.is_empty(), "English {words:?} in {zt}");
}

#[test]
fn help_in_chinese_and_english() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"));
    let zh = stdout(&run(&["--help", "--lang", "zh"], p));
    assert!(zh.starts_with("防篡改的药品追溯账本\n"), "{zh}");
    for heading in [
        "用法：rxledger",
        "\n命令:\n",
        "\n选项:\n",
        "退出码：0 无问题",
    ] {
        assert!(zh.contains(heading), "{heading} in {zh}");
    }
    assert!(zh.contains("  check         校验并核对账本"), "{zh}");
    let zh_env = stdout(&run_env(&["--help"], p, &[("LANG", "zh_CN.UTF-8")]));
    assert_eq!(zh_env, zh);
    let check = stdout(&run(&["check", "--help", "--lang", "zh"], p));
    assert!(check.starts_with("校验并核对账本："), "{check}");
    for text in ["\n参数:\n", "--fail-on-pending", "[默认：text]", "显示帮助"] {
        assert!(check.contains(text), "{text} in {check}");
    }
    let short = stdout(&run(&["check", "-h", "--lang", "zh"], p));
    for help in [&zh, &check, &short] {
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "[default:",
            "Possible values",
        ] {
            assert!(!help.contains(english), "{english} in {help}");
        }
    }
    // Nested commands, clap's `help` at every level; no command is an error, as in English.
    let import = stdout(&run(&["import", "--help", "--lang", "zh"], p));
    assert!(
        import.contains("  csv    用映射文件导入") && import.contains("  help   显示本帮助"),
        "{import}"
    );
    let none = run(&["--lang", "zh"], p);
    assert_eq!(none.status.code(), Some(2));
    assert!(
        stderr(&none).starts_with("错误：请给出一个命令\n\n用法：rxledger [OPTIONS] <命令>\n"),
        "{}",
        stderr(&none)
    );
    let en = stdout(&run(&["check", "--help", "--lang", "en"], p));
    assert!(en.starts_with("Verify and reconcile a ledger"), "{en}");
    assert!(
        en.contains("Usage: rxledger check") && en.contains("[default: text]"),
        "{en}"
    );
}

#[test]
fn summary_in_the_chosen_language_and_the_ledgers_zone() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cold = "samples/scenarios/cold-chain.jsonl";
    let zh = stdout(&run(&["summary", cold, "--lang", "zh"], &p));
    assert!(zh.starts_with("记录数：  2457\n链头：    2457:"), "{zh}");
    assert!(zh.contains("\n链校验：  通过\n"), "{zh}");
    assert!(
        zh.contains("\n期间：    2026-09-30 09:00 (+08:00) 至 2026-10-30 20:00 (+08:00)\n"),
        "{zh}"
    );
    assert!(
        zh.contains("\n各类事件数：\n") && zh.contains("  收货验收 "),
        "{zh}"
    );
    let words = english_words(&zh, &[]);
    assert!(words.is_empty(), "English {words:?} in {zh}");
    let en = stdout(&run(&["summary", cold, "--lang", "en"], &p));
    assert!(en.starts_with("records:  2457\nhead:     2457:"), "{en}");
    assert!(
        en.contains("\nperiod:   2026-09-30 09:00 (+08:00) to 2026-10-30 20:00 (+08:00)\n"),
        "{en}"
    );
    assert!(
        en.contains("\nevents per kind:\n  customer_return "),
        "{en}"
    );
    let utc = stdout(&run(
        &["summary", cold, "--lang", "en", "--zone", "UTC"],
        &p,
    ));
    assert!(
        utc.contains("period:   2026-09-30 01:00 (+00:00) to 2026-10-30 12:00 (+00:00)"),
        "{utc}"
    );
    assert!(!zh.contains("2026-09-30T"), "RFC 3339 left in {zh}");
}

/// `log`: both instants (when it happened, when it was recorded) in the ledger's zone with their
/// offset, the kind and its facts in the chosen language.
#[test]
fn log_in_the_chosen_language_and_the_ledgers_zone() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cold = "samples/scenarios/cold-chain.jsonl";
    let zh = stdout(&run(&["log", cold, "--limit", "1", "--lang", "zh"], &p));
    assert_eq!(
        zh.split_whitespace().collect::<Vec<_>>(),
        [
            "1",
            "2026-09-30",
            "23:30",
            "(+08:00)",
            "7a901e22840b…",
            "2026-09-30",
            "09:00",
            "(+08:00)",
            "企业资质登记",
            "浙江康源医药有限公司（药品批发企业）"
        ],
        "{zh}"
    );
    let en = stdout(&run(&["log", cold, "--limit", "1", "--zone", "UTC"], &p));
    assert!(
        en.contains("2026-09-30 15:30 (+00:00)  7a901e22840b…  2026-09-30 01:00 (+00:00)  party_registered    浙江康源医药有限公司 (drug wholesaler)"),
        "{en}"
    );
}
