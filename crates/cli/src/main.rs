//! `rxledger`: the command-line tool. Thin: all logic lives in the libraries.
//!
//! Exit codes: 0 clean, 1 findings (verification failed), 2 usage, input or I/O error.
//!
//! Each subcommand lives in its own module under [`cmd`]; [`common`] holds the helpers they share
//! and [`progress`] the progress display.
#![forbid(unsafe_code)]

mod cmd;
mod common;
mod fail;
mod help;
mod lang;
mod progress;
mod store_url;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use rxledger::reconcile::Msg;

use cmd::Outcome;

/// mimalloc instead of the system allocator (see `Cargo.toml` for why).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "rxledger",
    version,
    about = "Tamper-evident drug traceability ledger",
    after_help = "Exit codes: 0 clean, 1 findings (verification failed), 2 usage, input or I/O error."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
    #[command(flatten)]
    lang: lang::Options,
}

// The subcommands, in the order `--help` lists them. Each one's help text is the doc comment of
// its `Args` struct (a doc comment here would override it).
#[derive(Subcommand)]
enum Cmd {
    Init(cmd::init::Args),
    Append(cmd::append::Args),
    Import(cmd::import::Args),
    Verify(cmd::verify::Args),
    Keygen(cmd::keygen::Args),
    Checkpoint(cmd::checkpoint::Args),
    Prove(cmd::prove::Args),
    VerifyProof(cmd::verify_proof::Args),
    Export(cmd::export::Args),
    Copy(cmd::copy::Args),
    Log(cmd::log::Args),
    Gen(cmd::gen::Args),
    Check(cmd::check::Args),
    Report(cmd::report::Args),
    Trace(cmd::trace::Args),
    Rules(cmd::rules::Args),
    Summary(cmd::summary::Args),
}

/// A reader that closed our standard output early (`rxledger rules | head`) is not an error of
/// ours: `print!` panics on a broken pipe, so such a panic ends the process quietly with the
/// shell's SIGPIPE status (141), as C tools do, instead of a backtrace. Any other panic is
/// reported as usual.
fn quiet_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_broken_pipe();
    // The language is chosen before parsing, so that the help and the parser's errors are in it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = lang::early(&args);
    let parsed = help::localize(Cli::command(), early)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => return ExitCode::from(help::print_error(&e, early)),
    };
    if let Err(e) = lang::init(&cli.lang) {
        print_error(&e);
        return ExitCode::from(2);
    }
    match run(cli.cmd) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        // The reader closed our output early (`rxledger gen | head`): not an error of ours.
        Err(e) if broken_pipe(&e) => ExitCode::from(141),
        Err(e) => {
            print_error(&e);
            ExitCode::from(2)
        }
    }
}

/// `error: …` on stderr, in the chosen language ([`fail::render`]).
fn print_error(e: &anyhow::Error) {
    let m = lang::messages();
    let message = fail::render(e, &m);
    eprintln!(
        "{}",
        m.render(&Msg::new("cli-error").arg("message", message))
    );
}

fn run(cmd: Cmd) -> anyhow::Result<Outcome> {
    match cmd {
        Cmd::Init(args) => cmd::init::run(args),
        Cmd::Append(args) => cmd::append::run(args),
        Cmd::Import(args) => cmd::import::run(args),
        Cmd::Verify(args) => cmd::verify::run(args),
        Cmd::Keygen(args) => cmd::keygen::run(args),
        Cmd::Checkpoint(args) => cmd::checkpoint::run(args),
        Cmd::Prove(args) => cmd::prove::run(args),
        Cmd::VerifyProof(args) => cmd::verify_proof::run(args),
        Cmd::Export(args) => cmd::export::run(args),
        Cmd::Copy(args) => cmd::copy::run(args),
        Cmd::Log(args) => cmd::log::run(args),
        Cmd::Gen(args) => cmd::gen::run(args),
        Cmd::Check(args) => cmd::check::run(args),
        Cmd::Report(args) => cmd::report::run(args),
        Cmd::Trace(args) => cmd::trace::run(args),
        Cmd::Rules(args) => cmd::rules::run(args),
        Cmd::Summary(args) => cmd::summary::run(args),
    }
}

/// Whether `e` comes from writing to a pipe whose reader has gone.
fn broken_pipe(e: &anyhow::Error) -> bool {
    let pipe = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == pipe
            || c.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == pipe
    })
}
