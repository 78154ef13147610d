//! Where a PostgreSQL ledger is: a connection URL plus the ledger's name.

use std::fmt;

/// The ledger used when a URL names none.
pub const DEFAULT_LEDGER: &str = "main";

/// A ledger in a PostgreSQL database: `postgres://user@host:port/db?ledger=NAME`.
///
/// The `ledger` query parameter names the chain (default [`DEFAULT_LEDGER`]); every other part
/// of the URL goes to the PostgreSQL client as it is (a Unix socket directory is written
/// percent-encoded as the host: `postgres://app@%2Frun%2Fpostgresql/erp?ledger=site-7`).
///
/// ```
/// use rxledger_store_pg::PgLocation;
/// let l = PgLocation::parse("postgres://app:secret@db:5432/erp?ledger=site-7&sslmode=disable").unwrap();
/// assert_eq!(l.ledger(), "site-7");
/// assert_eq!(l.conninfo(), "postgres://app:secret@db:5432/erp?sslmode=disable");
/// assert_eq!(l.to_string(), "postgres://app@db:5432/erp?ledger=site-7&sslmode=disable");
/// assert!(PgLocation::parse("ledger/dir").is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PgLocation {
    conninfo: String,
    ledger: String,
}

/// True when `s` is a PostgreSQL URL (`postgres://` or `postgresql://`).
pub fn is_pg_url(s: &str) -> bool {
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

impl PgLocation {
    /// Parses a `postgres://` / `postgresql://` URL; `None` for anything else.
    pub fn parse(url: &str) -> Option<PgLocation> {
        if !is_pg_url(url) {
            return None;
        }
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut ledger = DEFAULT_LEDGER.to_owned();
        let mut rest = Vec::new();
        for param in query.split('&').filter(|p| !p.is_empty()) {
            match param.strip_prefix("ledger=") {
                Some(name) => name.clone_into(&mut ledger),
                None => rest.push(param),
            }
        }
        let conninfo = if rest.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", rest.join("&"))
        };
        Some(PgLocation { conninfo, ledger })
    }

    /// A location from a connection string and a ledger name.
    pub fn new(conninfo: impl Into<String>, ledger: impl Into<String>) -> PgLocation {
        PgLocation {
            conninfo: conninfo.into(),
            ledger: ledger.into(),
        }
    }

    /// The connection string for the PostgreSQL client (without the `ledger` parameter).
    pub fn conninfo(&self) -> &str {
        &self.conninfo
    }

    /// The ledger's name.
    pub fn ledger(&self) -> &str {
        &self.ledger
    }
}

/// The URL with its `ledger` parameter and without any password: fit for messages.
impl fmt::Display for PgLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (base, query) = self
            .conninfo
            .split_once('?')
            .unwrap_or((&self.conninfo, ""));
        let base = match base.split_once("://") {
            Some((scheme, rest)) => match rest.split_once('@') {
                Some((user, host)) => {
                    let user = user.split_once(':').map_or(user, |(u, _)| u);
                    format!("{scheme}://{user}@{host}")
                }
                None => base.to_owned(),
            },
            None => base.to_owned(),
        };
        let query: Vec<&str> = query
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("password="))
            .collect();
        write!(f, "{base}?ledger={}", self.ledger)?;
        for q in query {
            write!(f, "&{q}")?;
        }
        Ok(())
    }
}
