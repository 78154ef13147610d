#!/usr/bin/env bash
# The SQL alternative to `rxledger check` (issue 13): load the events of an exported ledger into
# DuckDB with an explicit schema (SET threads=2) and run two reconciliation queries; time the
# load and each query (wall, median of REPS rounds, a fresh in-memory database each round), and
# `rxledger check --format json` of the current tree on the same file in turn, with the ratio.
#
# Usage: scripts/duckdb_compare.sh [LEDGER]
#   LEDGER  an exported ledger (.jsonl; read only, never deleted). Without it, one of EVENTS
#           events (default 1000000, seed 1) is generated under target/bench-tmp/duckdb/ with
#           `cargo run --release --example gen_ledger` and deleted at the end (KEEP_INPUTS=1
#           keeps it).
# Environment: EVENTS=N, REPS=N (default 3), THREADS=N (default 2), NO_CHECK=1 (DuckDB alone).
# Needs: python3 with venv (Debian: python3-venv) and PyPI; cargo unless NO_CHECK=1 and LEDGER
# are given. DuckDB is installed into target/duckdb-venv (`pip install duckdb`), once.
#
# What is loaded: `seq` and, of each line's `event` object (docs/format.md), the id, kind,
# occurred_at and the `data` fields the queries read: doc, lines (product, batch, quantity,
# accepted, location, from, to), direction, credit_for, total, amount, invoices. DuckDB still
# reads and parses every line whole; the other fields (temperature readings, parties, codes, …)
# are skipped by its reader, which is what a user writing the schema for these queries would do.
#
# Query (i), stock with a running balance per product/batch/location, in ledger order (`seq`):
#   in:  receipt lines: `accepted` at `location` (acceptance puts goods into stock);
#        put_away and transfer lines: `quantity` at `to`; customer_return lines: `quantity` at `to`
#   out: put_away and transfer lines: `quantity` from `from`; dispatch, supplier_return,
#        destruction and loss_report lines: `quantity` from `from`
#   (a sale is a book entry, the goods leave with the dispatch; stock counts and aggregations move
#   nothing). A window sum per position gives the balance after every event; the result counts
#   movements, positions, movements leaving a negative balance, positions ever negative,
#   positions with stock at the end and the units in stock.
# Query (ii), invoice vs payment totals per invoice: an invoice's amount is its `total` less the
#   totals of the credit notes whose `credit_for` names it; a payment's `amount` goes to the
#   documents it lists in `invoices` in order, each up to that document's total, the last taking
#   the remainder (docs/format.md; rxledger caps by the amount still open, which needs the
#   payments in order: this is the simpler, order-free reading), and a payment of a credit note
#   (a refund) counts against its invoice. The result counts invoices settled, unpaid, part paid
#   and overpaid, the sums, and paid documents that no invoice names.
# This checks 2 things where `rxledger check` checks about 40 (`rxledger rules`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
die() { echo "duckdb_compare.sh: $*" >&2; exit 2; }
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac
[ $# -le 1 ] || die "at most one argument (LEDGER); see --help"
events="${EVENTS:-1000000}"
reps="${REPS:-3}"
threads="${THREADS:-2}"
for v in events reps threads; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "${v^^} must be a positive whole number, not '${!v}'"
done
command -v python3 > /dev/null || die "python3 not found"
[ $# -eq 0 ] || [ -r "$1" ] || die "$1 is not a readable file"

tmp=target/bench-tmp/duckdb
generated=""
cleanup() {
  rm -f "$tmp"/*.part
  [ -z "$generated" ] || [ "${KEEP_INPUTS:-0}" = 1 ] || rm -f "$generated"
}
trap cleanup EXIT

venv=target/duckdb-venv
if ! "$venv/bin/python" -c 'import duckdb' 2> /dev/null; then
  echo "== installing DuckDB into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check duckdb \
    || die "pip install duckdb failed"
fi

args=()
if [ "${NO_CHECK:-0}" != 1 ]; then
  command -v cargo > /dev/null || die "cargo not found"
  echo "== building rxledger (release)" >&2
  cargo build --release -q -p rxledger-cli
  args+=(--rxledger "$root/target/release/rxledger")
fi
if [ $# -eq 1 ]; then
  ledger=$(realpath "$1")
else
  mkdir -p "$tmp"
  ledger=$root/$tmp/ledger-$events.jsonl
  if [ ! -f "$ledger" ]; then
    command -v cargo > /dev/null || die "cargo not found"
    cargo build --release -q --example gen_ledger
    echo "== generating an exported ledger of $events events: $ledger" >&2
    generated=$ledger
    target/release/examples/gen_ledger "$events" "$ledger.part"
    mv "$ledger.part" "$ledger"
  fi
  [ "${KEEP_INPUTS:-0}" = 1 ] || generated=$ledger
fi

echo "== timing: $reps rounds (DuckDB load + 2 queries${args:+, rxledger check})" >&2
"$venv/bin/python" scripts/duckdb_compare.py "$ledger" --reps "$reps" --threads "$threads" \
  "${args[@]}" | tee target/duckdb-compare.md
