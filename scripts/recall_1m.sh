#!/usr/bin/env bash
# Acceptance run of the reconciliation engine: 1,000,000 generated events with violations planted
# at rate 0.001; every planted violation must be found (rule and seq) and nothing else reported.
# Usage: scripts/recall_1m.sh [EVENTS] [RATE]   (about a minute and 2 GB of disk)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"; rate="${2:-0.001}"
cargo build -q --release -p rxledger-cli
dir=$(mktemp -d target/recall.XXXXXX)
trap 'rm -rf "$dir"' EXIT
R=target/release/rxledger
$R gen --events "$n" --violations "$rate" --manifest "$dir/planted.jsonl" > "$dir/events.jsonl"
$R init "$dir/L" > /dev/null
$R append "$dir/L" "$dir/events.jsonl" > /dev/null
$R check "$dir/L" --format json > "$dir/findings.json" || true
python3 scripts/recall.py "$dir/planted.jsonl" "$dir/findings.json"
