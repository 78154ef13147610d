//! The help contract of the command line: every subcommand is listed with its description, and
//! that description heads the subcommand's own help (each lives on the command's `Args`).

use std::process::{Command, Output};

const COMMANDS: [&str; 17] = [
    "init",
    "append",
    "import",
    "verify",
    "keygen",
    "checkpoint",
    "prove",
    "verify-proof",
    "export",
    "copy",
    "log",
    "gen",
    "check",
    "report",
    "trace",
    "rules",
    "summary",
];

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// `(command, description)` rows of the `Commands:` section of `rxledger --help`.
fn listed() -> Vec<(String, String)> {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    assert!(
        help.starts_with("Tamper-evident drug traceability ledger\n"),
        "{help}"
    );
    assert!(help.contains(
        "\nExit codes: 0 clean, 1 findings (verification failed), 2 usage, input or I/O error.\n"
    ));
    help.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| {
            let (name, about) = l.trim().split_once(' ').unwrap();
            (name.to_owned(), about.trim().to_owned())
        })
        .collect()
}

#[test]
fn every_command_is_listed_in_order_with_its_description() {
    let rows = listed();
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    let mut expected = COMMANDS.to_vec();
    expected.push("help");
    assert_eq!(names, expected);
    for (name, about) in &rows {
        assert!(!about.is_empty(), "{name} has no description");
    }
}

#[test]
fn each_command_help_starts_with_its_listed_description() {
    for (name, about) in listed().into_iter().filter(|(n, _)| n != "help") {
        for flag in ["--help", "-h"] {
            let o = run(&[&name, flag]);
            assert_eq!(o.status.code(), Some(0), "{name} {flag}");
            let help = stdout(&o);
            assert_eq!(help.lines().next(), Some(about.as_str()), "{name} {flag}");
            assert!(
                help.contains(&format!("\nUsage: rxledger {name} ")),
                "{name} {flag}: {help}"
            );
        }
    }
}

#[test]
fn version_exits_0_and_usage_errors_exit_2() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("rxledger "));
    for args in [
        &[][..],
        &["prove", "d", "--checkpoint", "c", "-o", "o"],
        &["verify", "x", "--checkpoint", "c"],
        &["check", "x", "--format", "xml"],
        &["gen", "--start", "not-a-date"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_reader_that_stops_early_gets_no_backtrace() {
    // `rxledger rules | head -0`: the reader is gone before anything is printed, so the first
    // write hits a broken pipe.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .arg("rules")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(141), "{err}");
}

#[test]
fn a_generator_whose_reader_stops_early_ends_quietly() {
    // `rxledger gen | head -c 10`: gen writes through a buffered writer and meets the broken
    // pipe as an I/O error, not a panic.
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args(["gen", "--events", "50000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.is_empty(), "{err}");
    assert_eq!(out.status.code(), Some(141), "{err}");
}
