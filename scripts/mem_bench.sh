#!/usr/bin/env bash
# Peak memory of `rxledger check` as the ledger grows: generated ledgers of a wholesaler SCALE
# times the default (`rxledger gen --scale`; 300 makes about 10 million events per simulated
# year) streamed through a FIFO (nothing stored on disk), `/usr/bin/time -v`, REPS runs per size.
# Usage: scripts/mem_bench.sh [SCALE] [EVENTS...]   (defaults: 300; 1000000 2000000 4000000 10000000)
# Prints one line per run on stderr: events, peak RSS (KiB), wall, findings and pending items;
# then on stdout, per size, the median peak RSS of its runs and its ratio to the first size's.
# Environment: REPS=N runs per size (default 1). A check's peak RSS varies from run to run (by
# up to a quarter at 1M events: freed memory is returned on timing), so compare medians.
# BASE_BIN=PATH: an `rxledger` binary of another build (e.g. built in a worktree of the commit
# before a change), run in turn with this tree's on the same ledgers; then the medians of both
# and their ratio are printed per size. The two take turns, and which goes first alternates
# from one repetition to the next.
set -euo pipefail
# A failing generator or check inside a command substitution stops the script too.
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
scale="${1:-300}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 2000000 4000000 10000000)
# A generator that fails before it opens the FIFO would leave `check` waiting on it for ever.
for v in "$scale" "${sizes[@]}"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "mem_bench.sh: not a positive whole number: $v" >&2; exit 2; }
done
cargo build -q --release -p rxledger-cli
cargo build -q --release --example gen_ledger
dir=target/mem-bench
mkdir -p "$dir/bin"
# Copies, so that a build during the run does not change the binaries measured.
cp target/release/rxledger target/release/examples/gen_ledger "$dir/bin/"
reps="${REPS:-1}"
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "mem_bench.sh: REPS must be a positive whole number" >&2; exit 2; }
builds=(new)
if [ -n "${BASE_BIN:-}" ]; then
  [ -x "$BASE_BIN" ] || { echo "mem_bench.sh: BASE_BIN is not an executable: $BASE_BIN" >&2; exit 2; }
  cp "$BASE_BIN" "$dir/bin/rxledger-base"
  builds=(base new)
fi
median() {
  printf '%s\n' "$@" | sort -n | python3 -c 'import sys; v=[int(x) for x in sys.stdin]; print(v[(len(v)-1)//2] if len(v)%2 else (v[len(v)//2-1]+v[len(v)//2])//2)'
}
# One run: prints the peak RSS (KiB) of `check` of N events with BUILD's binary, and a line.
run_once() {
  local n=$1 build=$2 r=$3 bin="$dir/bin/rxledger"
  [ "$build" = base ] && bin="$dir/bin/rxledger-base"
  local fifo="$dir/ledger-$n.fifo"
  rm -f "$fifo"
  mkfifo "$fifo"
  nice -n 10 "$dir/bin/gen_ledger" "$n" "$fifo" 1 0 "$scale" 2> "$dir/gen-$n.err" &
  local gen=$!
  # check exits 1 when it reports findings; the figures are what matters here.
  nice -n 10 /usr/bin/time -v "$bin" check "$fifo" --format json \
    > "$dir/check-$n.json" 2> "$dir/check-$n.time" || true
  wait "$gen"
  rm -f "$fifo"
  local rss wall counts
  rss=$(awk '/Maximum resident/ {print $NF}' "$dir/check-$n.time")
  wall=$(awk '/Elapsed \(wall/ {print $NF}' "$dir/check-$n.time")
  counts=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(len(r.get("findings",[])), len(r.get("pending",[])))' "$dir/check-$n.json" 2>/dev/null || echo "? ?")
  rm -f "$dir/check-$n.json"   # about 100 MB per size (the open items at the end)
  echo "scale=$scale events=$n build=$build run=$r peak_rss_kib=$rss wall=$wall findings,pending=$counts" >&2
  echo "$rss"
}
declare -A first=()
for n in "${sizes[@]}"; do
  declare -A runs=()
  for ((r = 1; r <= reps; r++)); do
    order=("${builds[@]}")
    if ((r % 2 == 0)) && [ ${#builds[@]} -eq 2 ]; then
      order=("${builds[1]}" "${builds[0]}")
    fi
    for b in "${order[@]}"; do
      runs[$b]="${runs[$b]:-} $(run_once "$n" "$b" "$r")"
    done
  done
  declare -A med=()
  for b in "${builds[@]}"; do
    # shellcheck disable=SC2086
    med[$b]=$(median ${runs[$b]})
    [ -n "${first[$b]:-}" ] || first[$b]=${med[$b]}
    ratio=$(python3 -c "print(f'{${med[$b]}/${first[$b]}:.2f}')")
    echo "scale=$scale events=$n build=$b runs=$reps median_peak_rss_kib=${med[$b]} ratio_to_first=$ratio"
  done
  if [ -n "${BASE_BIN:-}" ]; then
    echo "scale=$scale events=$n new/base=$(python3 -c "print(f'{${med[new]}/${med[base]}:.2f}')")"
  fi
  unset runs med
done
