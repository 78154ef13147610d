//! Runs the reconciliation engine over generated events (for profilers):
//! `cargo run --release --example engine_profile -- [EVENTS] [ROUNDS]`.

use rxledger::gen::{GenConfig, Generator};
use rxledger::model::Event;
use rxledger::reconcile::{Config, Engine};

/// The allocator of the `rxledger` binary (`crates/cli`), so that this measures the rules as the
/// CLI runs them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let events: Vec<Event> = Generator::new(GenConfig::default()).take(n).collect();
    let mut findings = 0;
    let mut times = Vec::new();
    for _ in 0..rounds {
        let start = std::time::Instant::now();
        let mut e = Engine::new(Config::default());
        for (i, ev) in events.iter().enumerate() {
            findings += e
                .push(i as u64 + 1, ev.entered_at.unwrap_or(ev.occurred_at), ev)
                .len();
        }
        findings += e.finish().len();
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "{n} events x {rounds}: median {:.1} ms per round ({:.0} events/s), fastest {:.1} ms, {findings} findings",
        median * 1e3,
        n as f64 / median,
        times[0] * 1e3
    );
}
