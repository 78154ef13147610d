//! The test server: `RXLEDGER_PG_URL` (the application role) and `RXLEDGER_PG_ADMIN_URL` (a
//! superuser), as printed by `scripts/pg.sh env`.
//!
//! Without them a test FAILS when `CI` is set (CI must never pass without running these tests)
//! and is skipped with a message on stderr otherwise, so that `cargo test` works on a machine
//! without PostgreSQL. A server that is configured but unreachable always fails.
#![allow(dead_code)]

use std::sync::Once;
use std::time::{SystemTime, UNIX_EPOCH};

use postgres::{Client, NoTls};
use rxledger_store_pg::PgLocation;

/// The two URLs.
pub struct Pg {
    /// Connection URL of the application role.
    pub app: String,
    /// Connection URL of a superuser.
    pub admin: String,
}

const HOW: &str = "run `scripts/pg.sh start` and export the lines of `scripts/pg.sh env` \
                   (RXLEDGER_PG_URL, RXLEDGER_PG_ADMIN_URL)";

/// The server, with the schema installed; `None` (test skipped) only outside CI.
pub fn pg(test: &str) -> Option<Pg> {
    let (Ok(app), Ok(admin)) = (
        std::env::var("RXLEDGER_PG_URL"),
        std::env::var("RXLEDGER_PG_ADMIN_URL"),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "PostgreSQL test {test}: no server configured in CI: {HOW}"
        );
        eprintln!("SKIPPED PostgreSQL test {test}: no server configured: {HOW}");
        return None;
    };
    static SCHEMA: Once = Once::new();
    SCHEMA.call_once(|| {
        let mut c = Client::connect(&admin, NoTls)
            .unwrap_or_else(|e| panic!("cannot connect to RXLEDGER_PG_ADMIN_URL ({e}): {HOW}"));
        rxledger_store_pg::install_schema(&mut c).expect("install the schema");
    });
    Some(Pg { app, admin })
}

impl Pg {
    /// A new, unique ledger name for `test`, created.
    pub fn new_ledger(&self, test: &str) -> PgLocation {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let name = format!("t-{test}-{}-{nanos}", std::process::id());
        let loc = PgLocation::new(self.app.clone(), name);
        rxledger_store_pg::PgStore::create(&loc).expect("create the ledger");
        loc
    }

    /// A connection as the application role.
    pub fn app_client(&self) -> Client {
        Client::connect(&self.app, NoTls).expect("connect as the application role")
    }

    /// A connection as a superuser.
    pub fn admin_client(&self) -> Client {
        Client::connect(&self.admin, NoTls).expect("connect as a superuser")
    }
}

/// `n` canonical events with ids `{prefix}-{i}`.
pub fn events(prefix: &str, range: std::ops::Range<usize>) -> Vec<Vec<u8>> {
    range
        .map(|i| {
            format!(r#"{{"v":1,"id":"{prefix}-{i}","kind":"demo","n":{i},"text":"lorem ipsum dolor sit amet"}}"#)
                .into_bytes()
        })
        .collect()
}

/// Borrowed payloads.
pub fn refs(v: &[Vec<u8>]) -> Vec<&[u8]> {
    v.iter().map(Vec::as_slice).collect()
}
