#!/usr/bin/env bash
# The PostgreSQL store benchmark (benches/pg.rs), twice: against a lone server (scripts/pg.sh,
# target/pg) and against a primary with a synchronous standby (remote_apply) under
# target/pg-bench-sync. Each run measures the file store, the PostgreSQL store and plain
# per-row INSERTs side by side, then verify and check over the same ledger in both stores.
# Usage: scripts/pg_bench.sh [EVENTS]   (default 200000)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PG_BENCH_EVENTS=${1:-200000}
cargo build -q --release --features postgres --bench pg

echo "== a lone server (synchronous_commit = on)"
bash scripts/pg.sh start >/dev/null
( eval "$(bash scripts/pg.sh env | sed 's/^/export /')"; cargo bench -q --features postgres --bench pg 2>/dev/null )

echo "== a primary with a synchronous standby (synchronous_commit = remote_apply)"
export PG_BASE=$ROOT/target/pg-bench-sync
bash scripts/pg.sh start --standby >/dev/null
trap 'bash scripts/pg.sh stop' EXIT
( eval "$(bash scripts/pg.sh env | sed 's/^/export /')"; cargo bench -q --features postgres --bench pg 2>/dev/null )
