//! The README's CLI tour runs as written: the fenced block marked ```` ```sh tour ```` is run
//! with bash (`-e -o pipefail`: every command must succeed, in order) in a scratch directory
//! holding a link to the repository's `samples/`, with the built `rxledger` first on `PATH`.
//! Then the files the tour says it makes are there.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

/// The commands of the README's tour block.
fn tour(readme: &str) -> String {
    let start = readme
        .find("```sh tour\n")
        .expect("README has a ```sh tour block");
    let body = &readme[start + "```sh tour\n".len()..];
    let end = body.find("\n```").expect("the tour block ends");
    body[..=end].to_owned()
}

#[test]
fn the_readme_tour_runs_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let script = tour(&readme);
    assert!(
        script
            .lines()
            .filter(|l| l.starts_with("rxledger "))
            .count()
            >= 25
    );
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        root.join("samples").canonicalize().unwrap(),
        dir.path().join("samples"),
    )
    .unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_rxledger"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-e", "-o", "pipefail", "-c", &script])
        .current_dir(dir.path())
        .env("PATH", path)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the README tour failed ({:?}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "e.jsonl",
        "L",
        "ledger.jsonl",
        "r.sarif",
        "rxledger.toml",
        "reg.key",
        "reg.pub",
        "cp.txt",
        "p42.json",
        "r42.txt",
        "report.html",
        "pair.html",
        "planted.jsonl",
        "v.jsonl",
    ] {
        assert!(dir.path().join(f).exists(), "the tour did not make {f}");
    }
    assert!(
        stdout.contains("ok: proof verified against the checkpoint"),
        "{stdout}"
    );
    assert!(stdout.contains("温度超标"), "{stdout}");
}

#[test]
fn the_tour_block_is_found() {
    let t = tour("x\n```sh tour\na\nb\n```\ny");
    assert_eq!(t, "a\nb\n");
}
