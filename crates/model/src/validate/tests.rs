//! Instants the validator refuses (attacker round 24).

use crate::problem::Problem;
use crate::{Event, EventError};

const PAYMENT: &str = r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e12","kind":"payment","occurred_at":"2026-10-12T03:00:00Z","recorded_by":["财务-王芳"],"data":{"doc":"SK1","direction":"incoming","payer":"91330106MA2H1RT58K","payee":"91330100MA27X8K3Q1","payer_account":"3301040160012345678","payee_account":"1202021109900371234","amount":{"minor":677600,"currency":"CNY"},"method":"bank_transfer","invoices":["26330000000001000029"]}}"#;

/// An instant in a leap second is refused (it was stored as written); the second before is
/// an instant.
#[test]
fn a_leap_second_is_refused() {
    let at = |t: &str| PAYMENT.replace("2026-10-12T03:00:00Z", t);
    assert!(Event::from_json(&at("2026-12-31T23:59:59.999Z")).is_ok());
    for t in ["2026-12-31T23:59:60Z", "2027-01-01T07:59:60+08:00"] {
        match Event::from_json(&at(t)) {
            Err(EventError::Field {
                field,
                problem: Some(p),
                ..
            }) => assert_eq!((field.as_str(), *p), ("occurred_at", Problem::LeapSecond)),
            other => panic!("{t}: {other:?}"),
        }
    }
}
