-- rxledger's PostgreSQL store: schema, roles, privileges and the triggers that make the records
-- append-only. Idempotent: applied by scripts/pg.sh and by rxledger_store_pg::install_schema
-- (as a superuser or a role with CREATEROLE that owns the database). docs/postgres.md explains it.

DO $$
BEGIN
    -- Owns the tables; nobody logs in as it.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rxledger_owner') THEN
        CREATE ROLE rxledger_owner NOLOGIN;
    END IF;
    -- What the rxledger library connects as: INSERT and SELECT only.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rxledger_app') THEN
        CREATE ROLE rxledger_app LOGIN;
    END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS rxledger AUTHORIZATION rxledger_owner;

-- One row per ledger (one hash chain per company or site).
CREATE TABLE IF NOT EXISTS rxledger.ledgers (
    name       text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per record. The canonical record line of the file store is
--   {"seq":<seq>,"batch_end":<batch_end>,"recorded_at":"<recorded_at>","prev":"<hex prev>",
--    "hash":"<hex hash>","event":<payload>}
-- so the same verifier checks both stores. id_key / id_digest are the file store's id index
-- entry of the payload (a keyed blake3 of the event id, XXH3-128 of the payload); NULL when the
-- payload has no id.
CREATE TABLE IF NOT EXISTS rxledger.records (
    ledger      text   NOT NULL,
    seq         bigint NOT NULL CHECK (seq >= 1),
    batch_end   bigint NOT NULL CHECK (batch_end >= seq),
    recorded_at text   NOT NULL,
    prev        bytea  NOT NULL CHECK (length(prev) = 32),
    hash        bytea  NOT NULL CHECK (length(hash) = 32),
    id_key      bytea  CHECK (length(id_key) = 16),
    id_digest   bytea  CHECK (length(id_digest) = 16),
    payload     bytea  NOT NULL,
    PRIMARY KEY (ledger, seq)
);
-- An event id is stored at most once per ledger: retries are exactly-once.
CREATE UNIQUE INDEX IF NOT EXISTS records_event_id ON rxledger.records (ledger, id_key)
    WHERE id_key IS NOT NULL;

-- The signed checkpoint history of each ledger (lines as in the file store's history).
CREATE TABLE IF NOT EXISTS rxledger.checkpoints (
    ledger text   NOT NULL,
    n      bigint NOT NULL CHECK (n >= 1),
    entry  text   NOT NULL,
    PRIMARY KEY (ledger, n)
);

-- For an ERP's queries: the events as jsonb (the hash chain covers the bytes in `payload`).
CREATE OR REPLACE VIEW rxledger.events AS
    SELECT ledger, seq, recorded_at, convert_from(payload, 'UTF8')::jsonb AS event
    FROM rxledger.records;

-- UPDATE, DELETE and TRUNCATE are refused for every role, the owner included.
CREATE OR REPLACE FUNCTION rxledger.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rxledger: % on %.% refused: the ledger is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'RXA01',
              HINT = 'records are only ever inserted; see docs/postgres.md';
END
$$;

-- Every inserted record must extend its ledger's chain: its seq is the head's + 1 (record 1 of
-- a ledger has prev = 32 zero bytes) and its prev is the head's hash. With the primary key
-- (ledger, seq) this makes each chain gap-free and unforkable: a second writer that read the same
-- head collides on the key (it waits for the first to commit, then fails), one that read a stale
-- head finds no record with its prev. Checked once per statement over all its rows.
CREATE OR REPLACE FUNCTION rxledger.check_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT r.ledger INTO bad FROM (SELECT DISTINCT ledger FROM new_rows) r
    WHERE NOT EXISTS (SELECT 1 FROM rxledger.ledgers l WHERE l.name = r.ledger) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'rxledger: ledger % does not exist (create it first)', bad.ledger
            USING ERRCODE = 'RXC01';
    END IF;
    -- Within the statement each row must follow the one before it (seq + 1, prev = its hash);
    -- the first row of each ledger must follow the stored head (one primary-key lookup).
    WITH o AS (
        SELECT ledger, seq, prev,
               lag(seq) OVER w AS lseq, lag(hash) OVER w AS lhash
        FROM new_rows
        WINDOW w AS (PARTITION BY ledger ORDER BY seq)
    )
    SELECT o.ledger, o.seq INTO bad
    FROM o
    WHERE CASE
        WHEN o.lseq IS NOT NULL THEN o.seq <> o.lseq + 1 OR o.prev <> o.lhash
        WHEN o.seq = 1 THEN o.prev <> '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
        ELSE o.prev IS DISTINCT FROM
            (SELECT p.hash FROM rxledger.records p WHERE p.ledger = o.ledger AND p.seq = o.seq - 1)
    END
    ORDER BY o.ledger, o.seq
    LIMIT 1;
    IF FOUND THEN
        IF bad.seq > 1 AND NOT EXISTS (SELECT 1 FROM rxledger.records p
                                       WHERE p.ledger = bad.ledger AND p.seq = bad.seq - 1) THEN
            RAISE EXCEPTION 'rxledger: ledger %: record % is out of sequence (record % is not stored or not yet committed)', bad.ledger, bad.seq, bad.seq - 1
                USING ERRCODE = 'RXC02',
                      HINT = 'another writer may have appended; reopen the ledger to read its head';
        ELSE
            RAISE EXCEPTION 'rxledger: ledger %: prev of record % is not the hash of record %', bad.ledger, bad.seq, bad.seq - 1
                USING ERRCODE = 'RXC03';
        END IF;
    END IF;
    RETURN NULL;
END
$$;

ALTER FUNCTION rxledger.refuse_change() OWNER TO rxledger_owner;
ALTER FUNCTION rxledger.check_chain() OWNER TO rxledger_owner;
ALTER TABLE rxledger.ledgers OWNER TO rxledger_owner;
ALTER TABLE rxledger.records OWNER TO rxledger_owner;
ALTER TABLE rxledger.checkpoints OWNER TO rxledger_owner;
ALTER VIEW rxledger.events OWNER TO rxledger_owner;

CREATE OR REPLACE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON rxledger.records
    FOR EACH STATEMENT EXECUTE FUNCTION rxledger.refuse_change();
CREATE OR REPLACE TRIGGER records_no_truncate BEFORE TRUNCATE ON rxledger.records
    FOR EACH STATEMENT EXECUTE FUNCTION rxledger.refuse_change();
CREATE OR REPLACE TRIGGER records_chain AFTER INSERT ON rxledger.records
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rxledger.check_chain();
CREATE OR REPLACE TRIGGER ledgers_append_only BEFORE UPDATE OR DELETE ON rxledger.ledgers
    FOR EACH STATEMENT EXECUTE FUNCTION rxledger.refuse_change();
CREATE OR REPLACE TRIGGER ledgers_no_truncate BEFORE TRUNCATE ON rxledger.ledgers
    FOR EACH STATEMENT EXECUTE FUNCTION rxledger.refuse_change();
CREATE OR REPLACE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON rxledger.checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION rxledger.refuse_change();
CREATE OR REPLACE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON rxledger.checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION rxledger.refuse_change();

-- The application role may read and insert, nothing else.
REVOKE ALL ON SCHEMA rxledger FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA rxledger FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA rxledger FROM rxledger_app;
GRANT USAGE ON SCHEMA rxledger TO rxledger_app;
GRANT SELECT, INSERT ON rxledger.ledgers, rxledger.records, rxledger.checkpoints TO rxledger_app;
GRANT SELECT ON rxledger.events TO rxledger_app;
