//! The record-envelope parser and the verifier never panic on any line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = rxledger_chain::RecordRef::parse(data);
    let mut v = rxledger_chain::Verifier::new();
    for line in data.split(|&b| b == b'\n') {
        if v.push_line(line).is_err() {
            break;
        }
    }
});
