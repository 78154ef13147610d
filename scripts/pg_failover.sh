#!/usr/bin/env bash
# Failover test of the PostgreSQL store (issue 15), run by hand (about 4 s per kill):
#
#   scripts/pg_failover.sh [KILLS]      (default 20)
#
# Starts a primary and a synchronous standby (synchronous_standby_names = '*',
# synchronous_commit = remote_apply) under target/pg-failover, runs the appender
# (crates/store-pg/examples/failover.rs) against both, and KILLS times: waits a random
# 0.3-1.8 s, SIGKILLs the primary's postmaster and all its backends, promotes the standby, and
# rebuilds the killed node as the new synchronous standby (pg_basebackup). Then stops the
# appender, which checks that every acknowledged event is stored exactly once and that the
# chain verifies, and prints its verdict. Exit 0 only when nothing was lost or duplicated.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
KILLS=${1:-20}
export PG_BASE=$ROOT/target/pg-failover
SOCK=$PG_BASE/sock

bash scripts/pg.sh stop || true
rm -rf "$PG_BASE"
bash scripts/pg.sh start --standby >/dev/null
eval "$(bash scripts/pg.sh env --standby | sed 's/^/export /')"
BIN=$(bash scripts/pg.sh bindir)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_at() { "$BIN/psql" -X -q -tA -v ON_ERROR_STOP=1 -h "$SOCK" -p "$1" -U postgres -d rxledger -c "$2"; }

psql_at 5432 "INSERT INTO rxledger.ledgers (name) VALUES ('failover')"
cargo build -q -p rxledger-store-pg --example failover
STOP=$PG_BASE/stop
FO_URLS="$RXLEDGER_PG_URL,$RXLEDGER_PG_STANDBY_URL" FO_LEDGER=failover FO_STOP=$STOP \
    "$ROOT/target/debug/examples/failover" >"$PG_BASE/verdict" 2>"$PG_BASE/appender.log" &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; bash scripts/pg.sh stop' EXIT

P_DIR=$PG_BASE/primary P_PORT=5432
S_DIR=$PG_BASE/standby S_PORT=5433
start=$(date +%s)
for i in $(seq 1 "$KILLS"); do
    sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.3 + (r % 1500) / 1000 }')"
    kill -0 "$APP" 2>/dev/null || { echo "the appender stopped"; cat "$PG_BASE/appender.log"; exit 1; }
    seq_before=$(psql_at "$S_PORT" "SELECT coalesce(max(seq), 0) FROM rxledger.records WHERE ledger = 'failover'")
    pid=$(head -1 "$P_DIR/postmaster.pid")
    # The whole server at once: the postmaster and every backend (by their ids).
    kill -9 "$pid" $(pgrep -P "$pid") 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    as_pg "$BIN/pg_ctl" -D "$S_DIR" -w -t 60 promote >/dev/null
    echo "kill $i: primary :$P_PORT (pid $pid) killed near seq $seq_before; standby :$S_PORT promoted"
    rm -rf "$P_DIR"
    as_pg "$BIN/pg_basebackup" -h "$SOCK" -p "$S_PORT" -U postgres -D "$P_DIR" -R \
        -d "application_name=standby" -X stream -c fast >/dev/null
    echo "port = $P_PORT" >>"$P_DIR/postgresql.conf"
    as_pg "$BIN/pg_ctl" -D "$P_DIR" -l "$PG_BASE/node-$P_PORT.log" -w -t 60 start >/dev/null
    # Swap the roles; wait until the new standby is synchronous before the next kill.
    t=$P_DIR; P_DIR=$S_DIR; S_DIR=$t
    t=$P_PORT; P_PORT=$S_PORT; S_PORT=$t
    for _ in $(seq 1 600); do
        [ "$(psql_at "$P_PORT" "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync' AND state = 'streaming'")" = 1 ] && break
        sleep 0.1
    done
done
touch "$STOP"
status=0
wait "$APP" || status=$?
echo "$KILLS kills in $(( $(date +%s) - start )) s"
grep -c "reconnected" "$PG_BASE/appender.log" | sed 's/^/reconnections: /'
grep -c "was committed before the failure" "$PG_BASE/appender.log" | sed 's/^/batches committed but not acknowledged before a kill (found on retry, not re-appended): /' || true
cat "$PG_BASE/verdict"
exit "$status"
