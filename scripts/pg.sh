#!/usr/bin/env bash
# A local PostgreSQL 15 for rxledger's PostgreSQL store: tests, benchmarks, the failover run.
#
#   scripts/pg.sh start [--standby]   initdb (once) and start; --standby adds a synchronous standby
#   scripts/pg.sh stop                stop every server of this directory (fast shutdown)
#   scripts/pg.sh status              which servers run
#   scripts/pg.sh env [--standby]     print RXLEDGER_PG_URL=... (and the admin / standby URLs)
#   scripts/pg.sh bindir              print the directory of the server binaries
#
# Servers listen on a Unix socket in $PG_BASE/sock only (no TCP port: several checkouts on one
# machine cannot collide). PG_BASE defaults to target/pg of this checkout. Installs Debian's
# `postgresql` with apt-get when no PostgreSQL server binaries are found. PostgreSQL refuses to
# run as root, so as root the servers run as the `postgres` OS user (created if missing).
# Idempotent: `start` on a running server only (re)applies the database, roles and schema.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# Where the servers live: $PG_BASE, else target/pg of this checkout, unless the `postgres` OS user
# cannot reach the checkout (a clone under /root, mode 700) or the socket path would be too long
# for a Unix socket: then a directory of /tmp named after the checkout.
choose_base() {
    if [ -n "${PG_BASE:-}" ]; then
        :
    elif [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 \
        && ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
        PG_BASE=/tmp/rxledger-pg-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
    elif [ "${#ROOT}" -gt 70 ]; then
        PG_BASE=/tmp/rxledger-pg-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
    else
        PG_BASE=$ROOT/target/pg
    fi
    SOCK=$PG_BASE/sock
    PRIMARY=$PG_BASE/primary
    STANDBY=$PG_BASE/standby
}
# The port only names the socket file (.s.PGSQL.<port>) inside $SOCK.
PORT_PRIMARY=${PG_PORT:-5432}
PORT_STANDBY=$((PORT_PRIMARY + 1))
DB=rxledger
SCHEMA_SQL=$ROOT/crates/store-pg/src/schema.sql

die() { echo "pg.sh: $*" >&2; exit 1; }

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && { echo "$d"; return; }
    done
    if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/postgres" ]; then
        pg_config --bindir; return
    fi
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(readlink -f "$(command -v initdb)")"; return
    fi
}

BIN=$(find_bindir || true)
ensure_installed() {
    [ -n "$BIN" ] && return
    [ "$(id -u)" = 0 ] || die "PostgreSQL server binaries not found; install Debian's postgresql (as root: apt-get install postgresql)"
    echo "pg.sh: installing Debian's postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN=$(find_bindir || true)
    [ -n "$BIN" ] || die "apt-get install postgresql did not provide initdb/pg_ctl"
}

# Runs a server-side command as the user that owns the clusters.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

ensure_user() {
    [ "$(id -u)" = 0 ] || return 0
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

urlenc() { printf '%s' "$1" | sed -e 's,%,%25,g' -e 's,/,%2F,g' -e 's, ,%20,g'; }
url() { # role port
    echo "postgres://$1@$(urlenc "$SOCK"):$2/$DB"
}

psql_admin() { # port, psql args...
    local port=$1; shift
    PGOPTIONS='--client-min-messages=warning' "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$port" -U postgres "$@"
}

running() { [ -d "$1" ] && as_pg "$BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

configure_common() { # datadir port
    cat >>"$1/postgresql.conf" <<EOF
# rxledger (scripts/pg.sh)
listen_addresses = ''
unix_socket_directories = '$SOCK'
port = $2
fsync = on
synchronous_commit = on
full_page_writes = on
wal_level = replica
max_wal_senders = 8
max_replication_slots = 8
wal_keep_size = '256MB'
hot_standby = on
max_connections = 200
shared_buffers = '256MB'
logging_collector = off
EOF
}

init_primary() {
    [ -f "$PRIMARY/PG_VERSION" ] && return
    mkdir -p "$PG_BASE"
    rm -rf "$PRIMARY"
    as_pg "$BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_BASE/initdb.log" 2>&1 \
        || { cat "$PG_BASE/initdb.log" >&2; die "initdb failed"; }
    configure_common "$PRIMARY" "$PORT_PRIMARY"
    echo "local replication all trust" >>"$PRIMARY/pg_hba.conf"
}

start_server() { # datadir name
    running "$1" && return
    rm -f "$1/postmaster.pid"
    as_pg "$BIN/pg_ctl" -D "$1" -l "$PG_BASE/$2.log" -w -t 60 start >/dev/null \
        || { tail -20 "$PG_BASE/$2.log" >&2; die "$2 did not start (log: $PG_BASE/$2.log)"; }
}

setup_db() {
    if ! psql_admin "$PORT_PRIMARY" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
        psql_admin "$PORT_PRIMARY" -d postgres -c "CREATE DATABASE $DB"
    fi
    [ -f "$SCHEMA_SQL" ] && psql_admin "$PORT_PRIMARY" -d "$DB" -f "$SCHEMA_SQL"
    return 0
}

start_standby() {
    # Commits are acknowledged only once applied on a standby. Set before the standby is copied,
    # so that a promoted standby requires one in turn (no window of unreplicated acknowledgements).
    psql_admin "$PORT_PRIMARY" -d postgres -c "ALTER SYSTEM SET synchronous_standby_names = '*'" \
        -c "ALTER SYSTEM SET synchronous_commit = 'remote_apply'" -c "SELECT pg_reload_conf()" >/dev/null
    if [ ! -f "$STANDBY/PG_VERSION" ]; then
        rm -rf "$STANDBY"
        as_pg "$BIN/pg_basebackup" -h "$SOCK" -p "$PORT_PRIMARY" -U postgres -D "$STANDBY" -R \
            -d "application_name=standby" -X stream -c fast >/dev/null \
            || die "pg_basebackup failed"
        # The copy's settings are the primary's; only the port differs.
        echo "port = $PORT_STANDBY" >>"$STANDBY/postgresql.conf"
    fi
    start_server "$STANDBY" standby
}

cmd=${1:-}
standby=0
[ "${2:-}" = "--standby" ] && standby=1
[ "$cmd" = start ] || choose_base
case "$cmd" in
start)
    ensure_installed
    ensure_user
    choose_base
    mkdir -p "$SOCK"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_BASE" "$SOCK"
    init_primary
    start_server "$PRIMARY" primary
    setup_db
    [ "$standby" = 1 ] && start_standby
    echo "pg.sh: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') running in $PG_BASE" >&2
    echo "RXLEDGER_PG_URL=$(url rxledger_app "$PORT_PRIMARY")"
    ;;
stop)
    [ -n "$BIN" ] || exit 0
    for d in "$STANDBY" "$PRIMARY"; do
        running "$d" && as_pg "$BIN/pg_ctl" -D "$d" -m fast -w stop >/dev/null
    done
    exit 0
    ;;
status)
    [ -n "$BIN" ] || die "PostgreSQL is not installed"
    for d in "$PRIMARY" "$STANDBY"; do
        if running "$d"; then echo "$(basename "$d"): running"; else echo "$(basename "$d"): stopped"; fi
    done
    ;;
bindir)
    ensure_installed
    echo "$BIN"
    ;;
env)
    echo "RXLEDGER_PG_URL=$(url rxledger_app "$PORT_PRIMARY")"
    echo "RXLEDGER_PG_ADMIN_URL=$(url postgres "$PORT_PRIMARY")"
    if [ "$standby" = 1 ]; then
        echo "RXLEDGER_PG_STANDBY_URL=$(url rxledger_app "$PORT_STANDBY")"
        echo "RXLEDGER_PG_STANDBY_ADMIN_URL=$(url postgres "$PORT_STANDBY")"
    fi
    ;;
*)
    die "usage: scripts/pg.sh start|stop|status|env|bindir [--standby]"
    ;;
esac
