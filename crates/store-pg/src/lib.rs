//! rxledger's [`Store`] on PostgreSQL: many hash-chained ledgers in one database (one chain per
//! company or site, each gap-free from seq 1), append-only by the database itself.
//!
//! * A batch is one binary `COPY` statement (one transaction), and is
//!   acknowledged only after its commit returns; the session never runs with
//!   `synchronous_commit = off` (it is raised to `on` if the server default is `off`; stronger
//!   settings such as `remote_apply` are kept).
//! * Each row holds the parts of the file store's canonical record line (`seq`, `batch_end`,
//!   `recorded_at`, `prev`, `hash`, the payload bytes), so [`rxledger_store::verify_store`] and the
//!   reconciliation engine read a PostgreSQL ledger exactly as they read a ledger directory, and a
//!   row changed behind the library's back is caught at its seq.
//! * The database enforces the rest ([`SCHEMA_SQL`], `docs/postgres.md`): the application role
//!   may only INSERT and SELECT; triggers refuse UPDATE, DELETE and TRUNCATE for every role, the
//!   owner included, and refuse a row whose seq is not its ledger's head + 1 or whose `prev` is
//!   not the head's hash; a unique index keeps an event id once per ledger.
//! * One writer per ledger: [`PgStore::open`] takes a session advisory lock on the ledger, so a
//!   second writer is refused at once with a clear error (and a writer that bypasses the library
//!   still cannot fork the chain: the primary key and the chain trigger refuse it).
//!
//! ```no_run
//! use rxledger_store::Store;
//! use rxledger_store_pg::{PgLocation, PgStore};
//!
//! let loc = PgLocation::parse("postgres://rxledger_app@%2Frun%2Fpostgresql/erp?ledger=site-7").unwrap();
//! PgStore::create(&loc)?;
//! let mut store = PgStore::open(&loc)?;
//! let head = store.append(&[br#"{"v":1,"id":"a","kind":"demo"}"#.as_slice()])?;
//! assert_eq!(head.seq, 1);
//! let report = rxledger_store::verify_store(&store, None)?;
//! assert!(report.is_ok());
//! # Ok::<(), rxledger_store::StoreError>(())
//! ```
#![forbid(unsafe_code)]

mod location;

use std::collections::HashMap;
use std::io;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use fallible_iterator::FallibleIterator;
use postgres::error::SqlState;
use postgres::{Client, NoTls, Statement};
use rxledger_chain::{ChainWriter, Digest, EncodeError, Head, RecordRef, VerifyError};
use rxledger_store::history::HistoryEntry;
use rxledger_store::ids::{IdKey, Stored};
use rxledger_store::{Locator, Store, StoreError};

pub use location::{is_pg_url, PgLocation, DEFAULT_LEDGER};
/// The PostgreSQL client crate ([`connect`] returns its `Client`).
pub use postgres;

/// The schema: roles `rxledger_owner` (owns the tables) and `rxledger_app` (INSERT and SELECT),
/// tables `rxledger.ledgers`, `rxledger.records`, `rxledger.checkpoints`, the view
/// `rxledger.events`, and the triggers. Idempotent.
pub const SCHEMA_SQL: &str = include_str!("schema.sql");

/// First key of the advisory locks taken by this crate ("rxlg").
const LOCK_CLASS: i32 = 0x7278_6c67;

/// Records read per query when scanning (a break stops after the current chunk).
const SCAN_CHUNK: i64 = 50_000;

/// A batch is one binary `COPY` (one statement, its own transaction).
const COPY_SQL: &str = "COPY rxledger.records \
     (ledger, seq, batch_end, recorded_at, prev, hash, id_key, id_digest, payload) \
     FROM STDIN (FORMAT binary)";

const SCAN_SQL: &str = "SELECT seq, batch_end, recorded_at, prev, hash, payload \
     FROM rxledger.records WHERE ledger = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq";

/// Connects to the database of `loc` and makes sure commits are durable (`synchronous_commit`
/// is raised to `on` when the server's default is `off`).
pub fn connect(loc: &PgLocation) -> Result<Client, StoreError> {
    let mut client =
        Client::connect(loc.conninfo(), NoTls).map_err(|e| pg_err(loc, "connecting", &e))?;
    let row = client
        .query_one("SHOW synchronous_commit", &[])
        .map_err(|e| pg_err(loc, "reading synchronous_commit", &e))?;
    let level: String = row.get(0);
    if level == "off" {
        client
            .batch_execute("SET synchronous_commit = on")
            .map_err(|e| pg_err(loc, "setting synchronous_commit", &e))?;
    }
    Ok(client)
}

/// Creates or updates the schema ([`SCHEMA_SQL`]) in the database `client` is connected to,
/// under an advisory lock (so concurrent installers wait for each other). Needs a superuser or a
/// role that may create roles and schemas.
pub fn install_schema(client: &mut Client) -> Result<(), postgres::Error> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1, 0)", &[&LOCK_CLASS])?;
    tx.batch_execute(SCHEMA_SQL)?;
    tx.commit()
}

/// The names of the ledgers in the database of `loc`, sorted.
pub fn ledgers(loc: &PgLocation) -> Result<Vec<String>, StoreError> {
    let mut client = connect(loc)?;
    let rows = client
        .query("SELECT name FROM rxledger.ledgers ORDER BY name", &[])
        .map_err(|e| pg_err(loc, "listing ledgers", &e))?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// An error of the database or the connection, as a store error naming the ledger.
fn pg_err(loc: &PgLocation, what: &str, e: &postgres::Error) -> StoreError {
    let msg = match e.as_db_error() {
        Some(db) => match db.hint() {
            Some(hint) => format!("{what}: {} ({hint})", db.message()),
            None => format!("{what}: {}", db.message()),
        },
        None => format!("{what}: {e}"),
    };
    store_err(loc, io::ErrorKind::Other, msg)
}

fn store_err(loc: &PgLocation, kind: io::ErrorKind, msg: String) -> StoreError {
    StoreError::Io {
        path: PathBuf::from(loc.to_string()),
        source: io::Error::new(kind, msg),
    }
}

/// A seq as a PostgreSQL `bigint` (seqs never come near `i64::MAX`).
fn sql_int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn digest_of(bytes: &[u8]) -> Option<Digest> {
    <[u8; 32]>::try_from(bytes).ok().map(Digest)
}

/// A ledger in PostgreSQL, opened for appending ([`PgStore::open`]) or reading
/// ([`PgStore::open_reader`]).
pub struct PgStore {
    loc: PgLocation,
    client: Mutex<Client>,
    writer: ChainWriter,
    writable: bool,
    scan: Statement,
    /// The batch `COPY`, prepared once per connection (saves a round trip and a parse per
    /// batch).
    copy: Statement,
    poisoned: bool,
}

/// A writer gives its advisory lock back before its connection closes: closing a connection
/// only asks the server to end the session, so without this a writer opened right after another
/// one was dropped could still find the lock held and be refused.
impl Drop for PgStore {
    fn drop(&mut self) {
        if !self.writable {
            return;
        }
        let client = self.client.get_mut().unwrap_or_else(|p| p.into_inner());
        // An error here means the session is gone, and its lock with it.
        let _ = client.execute(
            "SELECT pg_advisory_unlock($1, hashtext($2))",
            &[&LOCK_CLASS, &self.loc.ledger()],
        );
    }
}

impl PgStore {
    /// Creates an empty ledger named by `loc` (its row in `rxledger.ledgers`). Fails if it
    /// exists.
    pub fn create(loc: &PgLocation) -> Result<(), StoreError> {
        let mut client = connect(loc)?;
        let n = client
            .execute(
                "INSERT INTO rxledger.ledgers (name) VALUES ($1) ON CONFLICT DO NOTHING",
                &[&loc.ledger()],
            )
            .map_err(|e| pg_err(loc, "creating the ledger", &e))?;
        if n == 0 {
            return Err(StoreError::AlreadyExists {
                path: PathBuf::from(loc.to_string()),
            });
        }
        Ok(())
    }

    /// Opens a ledger for appending. Refused while another writer has it open.
    pub fn open(loc: &PgLocation) -> Result<Self, StoreError> {
        Self::open_as(loc, true)
    }

    /// Opens a ledger for reading only (no lock; `append` is refused). Sees the records
    /// acknowledged when it was opened.
    pub fn open_reader(loc: &PgLocation) -> Result<Self, StoreError> {
        Self::open_as(loc, false)
    }

    fn open_as(loc: &PgLocation, write: bool) -> Result<Self, StoreError> {
        let mut client = connect(loc)?;
        let err = |what: &'static str| move |e: postgres::Error| pg_err(loc, what, &e);
        let exists = client
            .query_opt(
                "SELECT 1 FROM rxledger.ledgers WHERE name = $1",
                &[&loc.ledger()],
            )
            .map_err(err("opening the ledger"))?;
        if exists.is_none() {
            return Err(store_err(
                loc,
                io::ErrorKind::NotFound,
                format!(
                    "no ledger {:?} in this database (create it with `rxledger init`)",
                    loc.ledger()
                ),
            ));
        }
        if write {
            let locked: bool = client
                .query_one(
                    "SELECT pg_try_advisory_lock($1, hashtext($2))",
                    &[&LOCK_CLASS, &loc.ledger()],
                )
                .map_err(err("locking the ledger"))?
                .get(0);
            if !locked {
                return Err(store_err(
                    loc,
                    io::ErrorKind::WouldBlock,
                    "the ledger is in use by another writer (its advisory lock is held); try again when it has finished".to_owned(),
                ));
            }
        }
        let head = read_head(&mut client, loc)?;
        let scan = client
            .prepare(SCAN_SQL)
            .map_err(err("preparing the scan"))?;
        let copy = client
            .prepare(COPY_SQL)
            .map_err(err("preparing the append"))?;
        Ok(PgStore {
            loc: loc.clone(),
            client: Mutex::new(client),
            writer: ChainWriter::resume(head),
            writable: write,
            scan,
            copy,
            poisoned: false,
        })
    }

    /// Where the ledger is.
    pub fn location(&self) -> &PgLocation {
        &self.loc
    }

    /// Checks a batch's ids against each other and, when `stored` is set, against the stored
    /// ones (one query).
    fn check_ids(
        &mut self,
        payloads: &[&[u8]],
        keys: &[Option<IdKey>],
        first_seq: u64,
        stored: bool,
    ) -> Result<(), StoreError> {
        rxledger_store::ids::check_batch(payloads, keys, first_seq, |present| {
            if stored {
                self.find_ids(present)
            } else {
                Ok(vec![None; present.len()])
            }
        })
    }

    /// The error of a failed insert; poisons the writer when the outcome is unknown (the
    /// connection failed) or its head is stale (another writer appended).
    fn insert_failed(&mut self, e: &postgres::Error, first_seq: u64) -> StoreError {
        let Some(db) = e.as_db_error() else {
            self.poisoned = true;
            return pg_err(
                &self.loc,
                "appending (the batch may or may not be stored; reopen the ledger, and retry: ids already stored are reported as such)",
                e,
            );
        };
        let stale = *db.code() == SqlState::UNIQUE_VIOLATION || db.code().code().starts_with("RXC");
        if stale {
            self.poisoned = true;
        }
        if *db.code() == SqlState::UNIQUE_VIOLATION && db.constraint() == Some("records_pkey") {
            return store_err(
                &self.loc,
                io::ErrorKind::AlreadyExists,
                format!("another writer appended to the ledger first (record {first_seq} exists); nothing was appended; reopen the ledger"),
            );
        }
        if *db.code() == SqlState::UNIQUE_VIOLATION && db.constraint() == Some("records_event_id") {
            return store_err(
                &self.loc,
                io::ErrorKind::AlreadyExists,
                format!("an event id of the batch was stored meanwhile by another writer ({}); nothing was appended; reopen the ledger", db.detail().unwrap_or_default()),
            );
        }
        pg_err(&self.loc, "appending refused by the database", e)
    }
}

/// The head of a ledger: its last record's seq and hash.
fn read_head(client: &mut Client, loc: &PgLocation) -> Result<Head, StoreError> {
    let row = client
        .query_opt(
            "SELECT seq, hash FROM rxledger.records WHERE ledger = $1 ORDER BY seq DESC LIMIT 1",
            &[&loc.ledger()],
        )
        .map_err(|e| pg_err(loc, "reading the head", &e))?;
    let Some(row) = row else {
        return Ok(Head::default());
    };
    let seq: i64 = row.get(0);
    let hash: &[u8] = row.get(1);
    match (u64::try_from(seq), digest_of(hash)) {
        (Ok(seq), Some(hash)) => Ok(Head { seq, hash }),
        _ => Err(StoreError::Corrupt {
            path: PathBuf::from(loc.to_string()),
            error: VerifyError::Unparsable {
                line: 0,
                seq: 0,
                reason: "the last record's seq or hash is malformed",
            },
        }),
    }
}

/// The checks of [`ChainWriter::encode_batch`], which the store does not call (it sends the
/// parts of the records, not their lines).
fn check_batch_shape(payloads: &[&[u8]], recorded_at: &str) -> Result<(), EncodeError> {
    if payloads.is_empty() {
        return Err(EncodeError::EmptyBatch);
    }
    let ts = recorded_at.as_bytes();
    if ts.is_empty()
        || ts.len() > rxledger_chain::MAX_TIMESTAMP_LEN
        || !ts
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.' | b'+'))
    {
        return Err(EncodeError::BadTimestamp(recorded_at.to_owned()));
    }
    for (index, p) in payloads.iter().enumerate() {
        if p.is_empty() || p.contains(&b'\n') || p.contains(&b'\r') {
            return Err(EncodeError::BadPayload { index });
        }
    }
    Ok(())
}

impl Store for PgStore {
    fn head(&self) -> Head {
        self.writer.head()
    }

    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        if !self.writable {
            return Err(store_err(
                &self.loc,
                io::ErrorKind::PermissionDenied,
                "opened for reading only; nothing was appended".to_owned(),
            ));
        }
        check_batch_shape(payloads, recorded_at)?;
        let first_seq = self.writer.head().seq + 1;
        let keys: Vec<Option<IdKey>> = payloads.iter().map(|p| IdKey::of(p)).collect();
        // Ids repeated in the batch are found here; ids already stored by the unique index
        // (which probes once per row anyway), and then looked up for the error.
        self.check_ids(payloads, &keys, first_seq, false)?;
        let mut w = self.writer.clone();
        let chained = w.chain_batch(payloads, recorded_at);
        let head = w.head();
        let client = self
            .client
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        let result = copy_batch(
            client,
            &self.copy,
            self.loc.ledger(),
            recorded_at,
            &chained,
            &keys,
            payloads,
        );
        if let Err(e) = result {
            let id_taken = e.as_db_error().is_some_and(|db| {
                *db.code() == SqlState::UNIQUE_VIOLATION
                    && db.constraint() == Some("records_event_id")
            });
            if id_taken {
                self.check_ids(payloads, &keys, first_seq, true)?;
            }
            return Err(self.insert_failed(&e, first_seq));
        }
        self.writer = w;
        Ok(head)
    }

    fn keeps_id_index(&self) -> bool {
        true
    }

    fn find_ids(&mut self, keys: &[IdKey]) -> Result<Vec<Option<Stored>>, StoreError> {
        let wanted: Vec<[u8; 16]> = keys.iter().map(|k| k.key.to_be_bytes()).collect();
        let wanted: Vec<&[u8]> = wanted.iter().map(<[u8; 16]>::as_slice).collect();
        let rows = self
            .client
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .query(
                "SELECT id_key, seq, id_digest FROM rxledger.records \
                 WHERE ledger = $1 AND id_key = ANY($2::bytea[])",
                &[&self.loc.ledger(), &wanted],
            )
            .map_err(|e| pg_err(&self.loc, "looking up event ids", &e))?;
        let mut found: HashMap<u128, Stored> = HashMap::with_capacity(rows.len());
        for row in &rows {
            let key: &[u8] = row.get(0);
            let seq: i64 = row.get(1);
            let digest: Option<&[u8]> = row.get(2);
            let to_u128 = |b: &[u8]| <[u8; 16]>::try_from(b).map(u128::from_be_bytes).ok();
            if let Some(key) = to_u128(key) {
                found.insert(
                    key,
                    Stored {
                        seq: u64::try_from(seq).unwrap_or_default(),
                        digest: digest.and_then(to_u128).unwrap_or_default(),
                    },
                );
            }
        }
        Ok(keys.iter().map(|k| found.get(&k.key).copied()).collect())
    }

    /// Rows are fetched on a second thread, in blocks, while `f` runs on this one (the fetch
    /// and decoding of the rows would otherwise wait for the verifier, and the verifier for
    /// them).
    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let head = sql_int(self.writer.head().seq);
        let first = sql_int(from.max(1));
        if first > head {
            return Ok(());
        }
        let mut guard = self.client.lock().unwrap_or_else(PoisonError::into_inner);
        let client: &mut Client = &mut guard;
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<postgres::Row>>(4);
        let (stmt, ledger) = (&self.scan, self.loc.ledger());
        std::thread::scope(|s| {
            let producer = s.spawn(move || fetch(client, stmt, ledger, first, head, &tx));
            let mut expected = first.unsigned_abs();
            let mut result = Ok(());
            'blocks: for block in &rx {
                for row in &block {
                    match record_of(row) {
                        Ok(rec) => {
                            if f(rec).is_break() {
                                break 'blocks;
                            }
                        }
                        Err(reason) => {
                            result = Err(StoreError::Corrupt {
                                path: PathBuf::from(self.loc.to_string()),
                                error: VerifyError::Unparsable {
                                    line: expected,
                                    seq: expected,
                                    reason,
                                },
                            });
                            break 'blocks;
                        }
                    }
                    expected += 1;
                }
            }
            // Stops the producer at its next block if we stopped early.
            drop(rx);
            let fetched = producer
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p));
            result?;
            fetched.map_err(|e| pg_err(&self.loc, "reading records", &e))
        })
    }

    fn locator(&self) -> Result<Locator, StoreError> {
        Ok(Locator::single(self.loc.to_string()))
    }

    fn checkpoints(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        let rows = self
            .client
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .query(
                "SELECT n, entry FROM rxledger.checkpoints WHERE ledger = $1 ORDER BY n",
                &[&self.loc.ledger()],
            )
            .map_err(|e| pg_err(&self.loc, "reading checkpoints", &e))?;
        rows.iter()
            .map(|row| {
                let n: i64 = row.get(0);
                let entry: &str = row.get(1);
                HistoryEntry::from_line(entry).map_err(|reason| StoreError::History {
                    path: PathBuf::from(format!("{} (rxledger.checkpoints)", self.loc)),
                    line: n.unsigned_abs(),
                    reason,
                })
            })
            .collect()
    }

    fn record_checkpoint(&mut self, entry: &HistoryEntry) -> Result<(), StoreError> {
        self.client
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .execute(
                "INSERT INTO rxledger.checkpoints (ledger, n, entry) \
                 SELECT $1, COALESCE(MAX(n), 0) + 1, $2 FROM rxledger.checkpoints WHERE ledger = $1",
                &[&self.loc.ledger(), &entry.to_line()],
            )
            .map_err(|e| pg_err(&self.loc, "recording the checkpoint", &e))?;
        Ok(())
    }
}

/// Sends a batch as one binary `COPY`; returns the rows stored once it has committed.
fn copy_batch(
    client: &mut Client,
    copy: &Statement,
    ledger: &str,
    recorded_at: &str,
    chained: &[(Digest, Head)],
    keys: &[Option<IdKey>],
    payloads: &[&[u8]],
) -> Result<u64, postgres::Error> {
    use postgres::binary_copy::BinaryCopyInWriter;
    use postgres::types::Type;
    let batch_end = sql_int(chained.last().map_or(0, |(_, h)| h.seq));
    let sink = client.copy_in(copy)?;
    let mut w = BinaryCopyInWriter::new(
        sink,
        &[
            Type::TEXT,
            Type::INT8,
            Type::INT8,
            Type::TEXT,
            Type::BYTEA,
            Type::BYTEA,
            Type::BYTEA,
            Type::BYTEA,
            Type::BYTEA,
        ],
    );
    for (((prev, head), key), payload) in chained.iter().zip(keys).zip(payloads) {
        let seq = sql_int(head.seq);
        let (k, d) = match key {
            Some(k) => (Some(k.key.to_be_bytes()), Some(k.digest.to_be_bytes())),
            None => (None, None),
        };
        let k: Option<&[u8]> = k.as_ref().map(<[u8; 16]>::as_slice);
        let d: Option<&[u8]> = d.as_ref().map(<[u8; 16]>::as_slice);
        w.write(&[
            &ledger,
            &seq,
            &batch_end,
            &recorded_at,
            &prev.0.as_slice(),
            &head.hash.0.as_slice(),
            &k,
            &d,
            payload,
        ])?;
    }
    w.finish()
}

/// Rows per block handed from the fetching thread to the scanning one.
const SCAN_BLOCK: usize = 1024;

/// Fetches records `first..=head` of `ledger` in blocks into `tx`; stops quietly when the
/// receiver is gone.
fn fetch(
    client: &mut Client,
    stmt: &Statement,
    ledger: &str,
    first: i64,
    head: i64,
    tx: &std::sync::mpsc::SyncSender<Vec<postgres::Row>>,
) -> Result<(), postgres::Error> {
    let mut next = first;
    while next <= head {
        let last = head.min(next.saturating_add(SCAN_CHUNK - 1));
        let params: [&(dyn postgres::types::ToSql + Sync); 3] = [&ledger, &next, &last];
        let mut rows = client.query_raw(stmt, params)?;
        let mut block = Vec::with_capacity(SCAN_BLOCK);
        while let Some(row) = rows.next()? {
            block.push(row);
            if block.len() == SCAN_BLOCK {
                let full = std::mem::replace(&mut block, Vec::with_capacity(SCAN_BLOCK));
                if tx.send(full).is_err() {
                    return Ok(());
                }
            }
        }
        if !block.is_empty() && tx.send(block).is_err() {
            return Ok(());
        }
        next = last + 1;
    }
    Ok(())
}

/// A row of the scan as a record; a reason when a column cannot be part of a canonical record.
fn record_of(row: &postgres::Row) -> Result<RecordRef<'_>, &'static str> {
    let seq: i64 = row.try_get(0).map_err(|_| "`seq` is unreadable")?;
    let batch_end: i64 = row.try_get(1).map_err(|_| "`batch_end` is unreadable")?;
    let recorded_at: &str = row.try_get(2).map_err(|_| "`recorded_at` is unreadable")?;
    let prev: &[u8] = row.try_get(3).map_err(|_| "`prev` is unreadable")?;
    let hash: &[u8] = row.try_get(4).map_err(|_| "`hash` is unreadable")?;
    let payload: &[u8] = row.try_get(5).map_err(|_| "`payload` is unreadable")?;
    Ok(RecordRef {
        seq: u64::try_from(seq).map_err(|_| "`seq` is not a positive integer")?,
        batch_end: u64::try_from(batch_end).map_err(|_| "`batch_end` is not a positive integer")?,
        recorded_at,
        prev: digest_of(prev).ok_or("`prev` is not 32 bytes")?,
        hash: digest_of(hash).ok_or("`hash` is not 32 bytes")?,
        payload,
    })
}
