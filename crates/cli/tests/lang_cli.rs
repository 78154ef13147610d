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
    // `check`'s CHAIN finding says the same in the chosen language (round 21: it embedded the
    // verifier's English text in the Chinese sentence).
    let zc = stdout(&run(&["check", "x.jsonl", "--lang", "zh"], p));
    assert!(zc.contains("记录号不连续：应为记录 5，实为记录 6"), "{zc}");
    assert!(!zc.contains("sequence gap"), "{zc}");
    // A line that is not a record: the verifier's fixed explanation in Chinese too.
    lines[2] = lines[2].replacen("{\"seq\"", "{\"seX\"", 1);
    std::fs::write(p.join("x.jsonl"), lines.join("\n") + "\n").unwrap();
    let zt = stdout(&run(&["verify", "x.jsonl", "--lang", "zh"], p));
    assert!(
        zt.contains("记录无法解析（应为记录 3）：行首不是记录的 `seq`"),
        "{zt}"
    );
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
    // Parties by their registered name beside their id, from the ledger's master data read up
    // to the record shown (registered before `--from`); a product's own registration once.
    let from = |lang: &str, seq: &str| {
        stdout(&run(
            &["log", cold, "--from", seq, "--limit", "1", "--lang", lang],
            &p,
        ))
    };
    let zh = from("zh", "36");
    assert!(
        zh.contains("CG2026100100001 来自 天津同善堂制药有限公司（91120116600528837E）（1 行）"),
        "{zh}"
    );
    let en = from("en", "36");
    assert!(
        en.contains("CG2026100100001 from 天津同善堂制药有限公司 (91120116600528837E) (1 line)"),
        "{en}"
    );
    let product = from("en", "13");
    assert!(
        product.ends_with("product_registered  86901234000011 阿莫西林胶囊 0.25g×24粒/盒\n"),
        "{product}"
    );
}

/// The workspace's root (samples, fixtures).
fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `bytes` with the first `from` replaced by `to` (ASCII, so that a GB18030 file stays whole).
fn replaced(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("the sample holds the text to replace");
    [&bytes[..at], to, &bytes[at + from.len()..]].concat()
}

/// In `p`: ledger `E` with the goods export, its EPCIS export with one quantity changed after its
/// hash id was computed (`tampered.jsonld`), and a trading partner's shipping event
/// (`partner.jsonld`).
fn epcis_fixtures(p: &Path, goods_csv: &str, goods_toml: &str) {
    let write = |f: &str, b: &[u8]| std::fs::write(p.join(f), b).unwrap();
    assert_eq!(run(&["init", "E"], p).status.code(), Some(0));
    let o = run(
        &["import", "csv", "E", goods_csv, "--mapping", goods_toml],
        p,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["export", "E", "-o", "e.jsonld", "--format", "epcis"], p);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(p.join("e.jsonld")).unwrap()).unwrap();
    let mut tampered = doc.clone();
    let q = &mut tampered["epcisBody"]["eventList"][1]["quantityList"][0]["quantity"];
    *q = serde_json::json!(q.as_u64().unwrap() + 1);
    write("tampered.jsonld", tampered.to_string().as_bytes());
    let mut partner = doc;
    let mut event = partner["epcisBody"]["eventList"][0].clone();
    let o = event.as_object_mut().unwrap();
    o.remove("rxl:event");
    o.remove("eventID");
    o.insert("bizStep".into(), "shipping".into());
    partner["epcisBody"]["eventList"] = serde_json::json!([event]);
    write("partner.jsonld", partner.to_string().as_bytes());
}

/// Every refused import (a malformed cell, a column the header lacks, bytes not in the
/// encoding, a ragged row, a mapping file's errors with their TOML line, a spreadsheet's sheet,
/// row and column, a tampered or a partner's EPCIS event) in Chinese and in English from the
/// catalogue, with the same exit code, ids, paths and values verbatim, no English sentence in the
/// Chinese, and nothing appended.
#[test]
fn refused_imports_in_chinese_and_english_change_nothing() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let erp = root().join("samples/erp");
    let read = |f: &str| std::fs::read(erp.join(f)).unwrap();
    let write = |f: &str, b: &[u8]| std::fs::write(p.join(f), b).unwrap();
    let goods = read("goods-2026-10.csv");
    // Line 5 is the second line of receipt SH2026101000001.
    write(
        "badq.csv",
        &replaced(&goods, b",1200,1200,0,", b",1200x,1200,0,"),
    );
    write("ragged.csv", &replaced(&goods, b"\n", b"\n,,\n"));
    let finance = read("finance-2026-10.csv");
    let nl = finance.iter().position(|b| *b == b'\n').unwrap() + 1;
    write(
        "badenc.csv",
        &[&finance[..nl + 3], b"\xFF", &finance[nl + 3..]].concat(),
    );
    let mapping = String::from_utf8(read("goods.toml")).unwrap();
    write(
        "nocol.toml",
        mapping.replacen("\"数量\"", "\"数目\"", 1).as_bytes(),
    );
    let badkind = mapping.replacen("kind = \"receipt\"", "kind = \"receit\"", 1);
    let kind_line = badkind.lines().position(|l| l.contains("receit")).unwrap() + 1;
    write("badkind.toml", badkind.as_bytes());
    let badkey = mapping.replacen("encoding", "encodin", 1);
    let key_line = badkey.lines().position(|l| l.contains("encodin")).unwrap() + 1;
    write("badkey.toml", badkey.as_bytes());
    let goods_toml = erp.join("goods.toml").display().to_string();
    let finance_toml = erp.join("finance.toml").display().to_string();
    let xlsx = root()
        .join("crates/import/tests/xlsx/goods-bad-quantity.xlsx")
        .display()
        .to_string();
    let goods_xlsx = erp.join("goods-2026-10.xlsx").display().to_string();
    let goods_csv = erp.join("goods-2026-10.csv").display().to_string();
    epcis_fixtures(p, &goods_csv, &goods_toml);
    assert_eq!(run(&["init", "L"], p).status.code(), Some(0));
    let cases: Vec<(Vec<&str>, String, String)> = vec![
        (
            vec!["csv", "L", "badq.csv", "--mapping", &goods_toml],
            "badq.csv 第 5 行：列 `数量`：字段 `data.lines[].arrived`：`1200x` 不是非负整数".into(),
            "badq.csv:5: column `数量`: field `data.lines[].arrived`: `1200x` is not a whole number of 0 or more"
                .into(),
        ),
        (
            vec!["csv", "L", &goods_csv, "--mapping", "nocol.toml"],
            "第 1 行：列 `数目`：字段 `data.lines[].quantity`：表头中没有此列".into(),
            ":1: column `数目`: field `data.lines[].quantity`: no such column in the header".into(),
        ),
        (
            vec!["csv", "L", "badenc.csv", "--mapping", &finance_toml],
            "badenc.csv 第 2 行：不是有效的 gb18030 文本".into(),
            "badenc.csv:2: not valid gb18030 text".into(),
        ),
        (
            vec!["csv", "L", "ragged.csv", "--mapping", &goods_toml],
            "ragged.csv 第 2 行：该行有 3 个单元格".into(),
            "ragged.csv:2: a row of 3 cells".into(),
        ),
        (
            vec!["csv", "L", "badq.csv", "--mapping", "badkind.toml"],
            format!("映射文件 badkind.toml 第 {kind_line} 行：第 2 个 `[[document]]` 节（`receit`）：`kind`：没有 `receit` 这种事件类型"),
            format!("badkind.toml:{kind_line}: [[document]] 2 (`receit`): `kind`: no event kind `receit`"),
        ),
        (
            vec!["csv", "L", "badq.csv", "--mapping", "badkey.toml"],
            format!("映射文件 badkey.toml 第 {key_line} 行：不是有效的映射文件：未知字段 `encodin`"),
            format!("badkey.toml:{key_line}: not a valid mapping: unknown field `encodin`"),
        ),
        (
            vec!["xlsx", "L", &xlsx, "--mapping", &goods_toml],
            "：工作表 `进销存单据明细` 第 5 行：列 `数量`：字段 `data.lines[].arrived`：`1200箱` 不是非负整数".into(),
            ": sheet `进销存单据明细` row 5: column `数量`: field `data.lines[].arrived`: `1200箱` is not a whole number of 0 or more".into(),
        ),
        (
            vec!["csv", "L", &goods_xlsx, "--mapping", &goods_toml],
            "这是电子表格（ZIP 压缩）文件，不是 CSV".into(),
            "a spreadsheet (zip) file, not CSV".into(),
        ),
        (
            vec!["epcis", "L", "tampered.jsonld"],
            "tampered.jsonld：eventList[1]：字段 `eventID`：".into(),
            "tampered.jsonld: eventList[1]: field `eventID`: ".into(),
        ),
        (
            vec!["epcis", "L", "partner.jsonld", "--recorded-by", "X"],
            "partner.jsonld：eventList[0]：字段 `bizStep`：不导入其他系统的 `shipping`（发货）事件".into(),
            "partner.jsonld: eventList[0]: field `bizStep`: `shipping` of another system is not imported".into(),
        ),
        (
            vec!["epcis", "L", "partner.jsonld"],
            "字段 `rxl:event`：缺失，且未给出其他系统事件的记录人（`--recorded-by`）".into(),
            "field `rxl:event`: missing, and no recorder given for events of other systems".into(),
        ),
    ];
    for (args, want_zh, want_en) in &cases {
        let mut zh_args = vec!["import"];
        zh_args.extend(args.iter().copied());
        let mut en_args = zh_args.clone();
        zh_args.extend(["--lang", "zh"]);
        en_args.extend(["--lang", "en"]);
        let (zh, en) = (run(&zh_args, p), run(&en_args, p));
        let (zt, et) = (stderr(&zh), stderr(&en));
        assert_eq!(zh.status.code(), Some(2), "{args:?}: {zt}");
        assert_eq!(zh.status.code(), en.status.code(), "{args:?}: {et}");
        assert!(
            zt.starts_with("错误：") && zt.contains(want_zh.as_str()),
            "{args:?}: {zt}"
        );
        assert!(
            et.starts_with("error: ") && et.contains(want_en.as_str()),
            "{args:?}: {et}"
        );
        assert!(
            !chinese(
                &et.replace(['数', '量', '目', '箱'], "")
                    .replace("进销存单据明细", "")
            ),
            "{et}"
        );
        let mut data = DATA.to_vec();
        data.extend(["rxl", "import", "xlsx"]);
        let words = english_words(&zt, &data);
        assert!(words.is_empty(), "{args:?}: English {words:?} in {zt}");
    }
    // Nothing was appended.
    let log = run(&["log", "L"], p);
    assert_eq!(log.status.code(), Some(0), "{}", stderr(&log));
    assert_eq!(stdout(&log), "", "the refused imports appended events");
    // What an import did, in the chosen language.
    let ok = stdout(&run(
        &[
            "import",
            "csv",
            "E",
            &goods_csv,
            "--mapping",
            &goods_toml,
            "--lang",
            "zh",
        ],
        p,
    ));
    assert!(
        ok.contains("导入 10 个事件：追加 0 个，10 个已在账本中"),
        "{ok}"
    );
}

/// Problems that carry figures (a receipt line whose accepted and rejected quantities do not add
/// up, a date outside the format's years) are typed facts, rendered in the chosen language.
#[test]
fn field_problems_with_figures_in_both_languages() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    assert_eq!(run(&["init", "L"], p).status.code(), Some(0));
    let gen = run(&["gen", "--events", "400", "--seed", "1"], p);
    let events = stdout(&gen);
    let receipt = events
        .lines()
        .find(|l| l.contains("\"kind\":\"receipt\""))
        .expect("a receipt among the generated events");
    let mut v: serde_json::Value = serde_json::from_str(receipt).unwrap();
    let arrived = v["data"]["lines"][0]["arrived"].as_u64().unwrap();
    v["data"]["lines"][0]["accepted"] = (arrived + 5).into();
    v["data"]["lines"][0]["rejected"] = 0.into();
    std::fs::write(p.join("sum.jsonl"), format!("{v}\n")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(receipt).unwrap();
    v["data"]["lines"][0]["expiry"] = "2206-08-31".into();
    std::fs::write(p.join("year.jsonl"), format!("{v}\n")).unwrap();

    let zh = stderr(&run(&["append", "L", "sum.jsonl", "--lang", "zh"], p));
    let en = stderr(&run(&["append", "L", "sum.jsonl", "--lang", "en"], p));
    let want_zh = format!("合格 {} + 拒收 0 须等于到货 {arrived}", arrived + 5);
    let want_en = format!(
        "accepted {} + rejected 0 must equal arrived {arrived}",
        arrived + 5
    );
    assert!(zh.contains(&want_zh), "{zh}");
    assert!(en.contains(&want_en), "{en}");
    assert!(english_words(&zh, DATA).is_empty(), "{zh}");

    let zh = stderr(&run(&["append", "L", "year.jsonl", "--lang", "zh"], p));
    assert!(
        zh.contains("2206-08-31 超出本格式接受的年份 2000 至 2099"),
        "{zh}"
    );
    assert!(english_words(&zh, DATA).is_empty(), "{zh}");
    // A quantity of another JSON type, or negative, in words in either language (round 19: in
    // serde's words, and in English under `--lang zh`).
    for (value, zh_says, en_says) in [
        (
            "null",
            "须为 0 至 1000000000000 的整数（实为 `null`）",
            "(got null)",
        ),
        (
            "\"10\"",
            "须为 0 至 1000000000000 的整数（实为字符串 \"10\"）",
            "(got the string \"10\")",
        ),
        (
            "10.5",
            "须为 0 至 1000000000000 的整数（实为 10.5）",
            "(got 10.5)",
        ),
        (
            "-5",
            "不得为负数（实为 -5）",
            "must not be negative (got -5)",
        ),
    ] {
        let mut v: serde_json::Value = serde_json::from_str(receipt).unwrap();
        v["data"]["lines"][0]["arrived"] = serde_json::from_str(value).unwrap();
        std::fs::write(p.join("type.jsonl"), format!("{v}\n")).unwrap();
        let zh = stderr(&run(&["append", "L", "type.jsonl", "--lang", "zh"], p));
        let en = stderr(&run(&["append", "L", "type.jsonl", "--lang", "en"], p));
        assert!(zh.contains(zh_says), "{zh}");
        assert!(english_words(&zh, DATA).is_empty(), "{zh}");
        assert!(en.contains(en_says) && !en.contains("u64"), "{en}");
    }
    // Nothing was appended.
    assert!(stdout(&run(&["log", "L"], p)).trim().is_empty());
}

/// A trading partner's receiving events refused for their codes, lot, dates and units: in
/// Chinese from the catalogue with the fields, codes and values verbatim and no English word,
/// in English as the library words them, with the same exit code, and nothing appended.
#[test]
fn refused_partner_events_in_both_languages() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    assert_eq!(run(&["init", "L"], p).status.code(), Some(0));
    let fixture = |f: &str| -> serde_json::Value {
        let path = root().join("crates/import/tests/partner").join(f);
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    };
    type Change = dyn Fn(&mut serde_json::Value);
    let class = "quantityList[0].epcClass";
    let cases: [(&str, &Change, String, String); 6] = [
        (
            "receiving.jsonld",
            &|o| {
                o["quantityList"][0]["epcClass"] =
                    "https://id.gs1.org/01/06971234500015/10/M2610081?11=261008&17=281031".into();
            },
            format!("字段 `{class}`：GTIN `06971234500015` 的校验位错误"),
            format!("field `{class}`: GTIN `06971234500015` has a wrong check digit"),
        ),
        (
            "receiving.jsonld",
            &|o| o["epcList"][0] = "urn:epc:id:sgtin:6971234.05001.100001".into(),
            "字段 `epcList[0]`：`urn:epc:id:sgtin:6971234.05001.100001`：`sgtin` EPC 格式错误：厂商识别代码与代码 `05001` 合计不是 13 位数字".into(),
            "field `epcList[0]`: `urn:epc:id:sgtin:6971234.05001.100001`: malformed `sgtin` EPC: the company prefix and the reference `05001` are not 13 digits together".into(),
        ),
        (
            "receiving.jsonld",
            &|o| o["quantityList"][0]["uom"] = "KGM".into(),
            "字段 `quantityList[0].uom`：`KGM` 不是 H87（件，即最小销售单元）".into(),
            "field `quantityList[0].uom`: `KGM` is not H87 (pieces: minimum sale units)".into(),
        ),
        (
            "receiving.jsonld",
            &|o| {
                o["quantityList"][0]["epcClass"] =
                    "https://id.gs1.org/01/06971234500014?11=261008&17=281031".into();
            },
            format!("字段 `{class}`：没有批号（GS1 数字链接 `/10/…` 或 `ilmd` `cbvmda:lotNumber`）"),
            format!("field `{class}`: no lot (Digital Link `/10/…` or `ilmd` `cbvmda:lotNumber`)"),
        ),
        (
            "receiving-ilmd.jsonld",
            &|o| {
                o["quantityList"][0]["epcClass"] =
                    "https://id.gs1.org/01/06971234500014/10/M2610082".into();
            },
            format!("字段 `ilmd.cbvmda:lotNumber`：`M2610081` 与 `{class}` 中的批号 `M2610082` 不一致"),
            format!("field `ilmd.cbvmda:lotNumber`: `M2610081` differs from the lot `M2610082` of `{class}`"),
        ),
        (
            "receiving-ilmd.jsonld",
            &|o| o["ilmd"].as_object_mut().unwrap().remove("cbvmda:productionDate").map(drop).unwrap(),
            format!("字段 `{class}`：没有生产日期（GS1 数字链接属性 `11=YYMMDD` 或 `ilmd` `cbvmda:productionDate`）"),
            format!("field `{class}`: no production date (Digital Link attribute `11=YYMMDD` or `ilmd` `cbvmda:productionDate`)"),
        ),
    ];
    for (n, (fixture_name, change, want_zh, want_en)) in cases.iter().enumerate() {
        let mut doc = fixture(fixture_name);
        change(&mut doc["epcisBody"]["eventList"][0]);
        let file = format!("p{n}.jsonld");
        std::fs::write(p.join(&file), doc.to_string()).unwrap();
        let args = |lang| {
            let a = [
                "import",
                "epcis",
                "L",
                &file,
                "--recorded-by",
                "X",
                "--acceptor",
                "Y",
            ];
            run(&[&a[..], &["--lang", lang]].concat(), p)
        };
        let (zh, en) = (args("zh"), args("en"));
        let (zt, et) = (stderr(&zh), stderr(&en));
        assert_eq!(zh.status.code(), Some(2), "{zt}");
        assert_eq!(zh.status.code(), en.status.code(), "{et}");
        let at = format!("{file}：eventList[0]：");
        assert!(
            zt.starts_with("错误：") && zt.contains(&format!("{at}{want_zh}")),
            "{zt}"
        );
        assert!(
            et.starts_with("error: ") && et.contains(want_en.as_str()),
            "{et}"
        );
        assert!(!chinese(&et), "{et}");
        let words = english_words(&zt, DATA);
        assert!(words.is_empty(), "English {words:?} in {zt}");
    }
    assert!(stdout(&run(&["log", "L"], p)).trim().is_empty());
}

/// rxledger's own exported events refused for their unit or document: in Chinese from the
/// catalogue, in English as the library words them, with the same exit code.
#[test]
fn refused_exported_events_in_both_languages() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let erp = root().join("samples/erp");
    let csv = erp.join("goods-2026-10.csv").display().to_string();
    let toml = erp.join("goods.toml").display().to_string();
    epcis_fixtures(p, &csv, &toml);
    assert_eq!(run(&["init", "L"], p).status.code(), Some(0));
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(p.join("e.jsonld")).unwrap()).unwrap();
    type Change = dyn Fn(&mut serde_json::Value);
    let cases: [(&Change, &str, &str); 2] = [
        (
            &|o| o["quantityList"][0]["uom"] = "KGM".into(),
            "字段 `quantityList[0].uom`：`KGM` 不是 H87（件，即最小销售单元）",
            "field `quantityList[0].uom`: `KGM` is not H87 (pieces: minimum sale units)",
        ),
        (
            &|o| o["bizTransactionList"][0]["bizTransaction"] = "X".into(),
            "字段 `bizTransactionList[0]`：不是本事件自身的单据",
            "field `bizTransactionList[0]`: not the event's own document",
        ),
    ];
    for (n, (change, want_zh, want_en)) in cases.iter().enumerate() {
        let mut d = doc.clone();
        let mut event = d["epcisBody"]["eventList"][0].clone();
        event.as_object_mut().unwrap().remove("eventID");
        change(&mut event);
        d["epcisBody"]["eventList"] = serde_json::json!([event]);
        let file = format!("x{n}.jsonld");
        std::fs::write(p.join(&file), d.to_string()).unwrap();
        let zh = run(&["import", "epcis", "L", &file, "--lang", "zh"], p);
        let en = run(&["import", "epcis", "L", &file, "--lang", "en"], p);
        let (zt, et) = (stderr(&zh), stderr(&en));
        assert_eq!(zh.status.code(), Some(2), "{zt}");
        assert_eq!(zh.status.code(), en.status.code(), "{et}");
        assert!(
            zt.contains(&format!("{file}：eventList[0]：{want_zh}")),
            "{zt}"
        );
        assert!(
            et.contains(&format!("{file}: eventList[0]: {want_en}")),
            "{et}"
        );
        let words = english_words(&zt, DATA);
        assert!(words.is_empty(), "English {words:?} in {zt}");
    }
    assert!(stdout(&run(&["log", "L"], p)).trim().is_empty());
}
