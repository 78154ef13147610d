//! The event parser never panics, and whatever it accepts round-trips through the canonical form.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(e) = rxledger_model::Event::from_json(s) {
            let again = rxledger_model::Event::from_json(&e.to_json()).expect("canonical form parses");
            assert_eq!(again, e);
        }
    }
});
