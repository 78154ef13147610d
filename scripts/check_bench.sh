#!/usr/bin/env bash
# Peak memory and wall time of `rxledger check` over generated ledgers of 1,000,000 and
# 10,000,000 events (same parties and products; the 10M ledger is ~11 GB on disk).
# Usage: scripts/check_bench.sh [DIR]   (DIR defaults to target/bench-tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-target/bench-tmp}"
mkdir -p "$dir"
cargo build -q --release -p rxledger-cli
cargo build -q --release --example gen_ledger
for n in 1000000 10000000; do
  f="$dir/gen-$n.jsonl"
  [ -f "$f" ] || target/release/examples/gen_ledger "$n" "$f"
  /usr/bin/time -v target/release/rxledger check "$f" > "$dir/check-$n.out" 2> "$dir/check-$n.time"
  rss=$(grep "Maximum resident" "$dir/check-$n.time" | awk '{print $NF}')
  wall=$(grep "Elapsed (wall" "$dir/check-$n.time" | awk '{print $NF}')
  findings=$(grep "^total" "$dir/check-$n.out" | awk '{print $NF}')
  echo "events=$n wall=$wall peak_rss_kb=$rss findings=$findings"
done
echo "delete $dir/gen-*.jsonl when done (about 12 GB)"
