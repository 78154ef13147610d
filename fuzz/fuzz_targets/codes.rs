//! Traceability-code parsers must never panic; a parsed code's key must be stable.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(c) = rxledger_model::codes::parse_code(s) {
            assert_eq!(c.key(), rxledger_model::codes::parse_code(s).unwrap().key());
        }
    }
});
