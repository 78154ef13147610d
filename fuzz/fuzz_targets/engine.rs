//! No input hangs the engine: arbitrary sequences of valid events — generator events as
//! templates, moved to any instant and date in the format's years, with any quantities and
//! amounts up to their maxima — each finish within a time bound (a hang is caught by libFuzzer's
//! `-timeout`). The proptest `crates/reconcile/tests/engine_bounds.rs` runs the same inputs
//! (`crates/reconcile/tests/support/engine_input.rs`) on every test run.
#![no_main]

#[allow(dead_code)]
#[path = "../../crates/reconcile/tests/support/engine_input.rs"]
mod engine_input;

use std::sync::OnceLock;
use std::time::Duration;

use engine_input::{build, run_inline, templates, Step, Templates};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// Per event: each takes microseconds; a fuzzing build (optimised, with debug assertions and
/// coverage) on a busy machine gets ample slack.
const BOUND: Duration = Duration::from_secs(1);

/// At most this many events per input, after the master data.
const MAX_STEPS: usize = 256;

fn shared() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| templates(7, 2000))
}

fn step(u: &mut Unstructured<'_>) -> Result<Step> {
    Ok(Step {
        template: u.arbitrary()?,
        shift_minutes: u.arbitrary()?,
        shift_days: u.arbitrary()?,
        quantity: u.arbitrary()?,
        amount: u.arbitrary()?,
        record_delay_minutes: u.int_in_range(0..=60 * 24 * 400)?,
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut steps = Vec::new();
    while steps.len() < MAX_STEPS {
        match step(&mut u) {
            Ok(s) => steps.push(s),
            Err(_) => break,
        }
    }
    let events = build(shared(), &steps);
    run_inline(&events, BOUND);
});
