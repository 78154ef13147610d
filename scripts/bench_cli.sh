#!/usr/bin/env bash
# Side-by-side CLI benchmark (issue 13): `append`, `verify` and `check --format json` of the
# current tree against a base revision, in ONE run, interleaved (base, new, base, new, …), over
# the same generated inputs, with the floors of examples/floors.rs (reading the file, blake3 over
# every record's payload one at a time and 512 side by side, serde_json lexing every line into
# IgnoredAny). Prints a markdown table
# of medians, ratios and peak RSS for docs/benchmarks.md (also written to target/bench-cli.md),
# and exits 1 if the `check --format json` outputs of base and new differ in any byte.
#
# Usage: scripts/bench_cli.sh [BASE_REV]
#   BASE_REV  the build to compare against (default 6fac2cc: the last commit before the issue-13
#             read-path work); built in a detached git worktree under target/bench-base/ with its
#             own target directory (kept for the next run; CLEAN=1 removes it at the end).
# Environment:
#   EVENTS=N        events in the inputs (default 1000000); try EVENTS=20000 first
#   REPS=N          interleaved rounds (default 5)
#   BASE_BIN=PATH   a prebuilt base `rxledger` instead of building BASE_REV (taken as BASE_REV)
#   LEDGER=PATH     a prebuilt exported ledger instead of generating one (read only, never
#                   deleted; EVENTS is then its number of lines)
#   KEEP_INPUTS=1   keep the generated inputs under target/bench-tmp/cli/ for the next run
#   CLEAN=1         remove the base worktree and its build at the end
#
# Inputs (generated once, seed 1, by the current tree): an exported ledger
# (`cargo run --release --example gen_ledger -- N FILE`, for verify, check and the floors) and an
# events file (`rxledger gen --events N`, for append). Each append goes to a fresh ledger
# directory (durable batches of 1,000, the default), deleted after the run.
# Needs: cargo, git, python3, /usr/bin/time (Debian package `time`). At 1,000,000 events: about
# 4 GB of free disk and, with REPS=5, 10–15 minutes besides the builds.
set -euo pipefail
name=bench_cli.sh
default_reps=5
# shellcheck source=scripts/bench_base.sh
. "$(dirname "$0")/bench_base.sh"
events="${EVENTS:-1000000}"
[[ "$events" =~ ^[1-9][0-9]*$ ]] || die "EVENTS must be a positive whole number, not '$events'"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"

tmp=target/bench-tmp/cli
mkdir -p "$tmp"
ledger=""
events_file=""
status=0
cleanup() {
  # The check outputs are kept when they differ (bench_cli.py names them).
  [ "$status" != 0 ] || rm -rf "$tmp/run"
  rm -f "$tmp"/*.part
  if [ "${KEEP_INPUTS:-0}" != 1 ]; then
    [ -z "$events_file" ] || rm -f "$events_file"
    [ -n "${LEDGER:-}" ] || [ -z "$ledger" ] || rm -f "$ledger"
  fi
  base_clean
}
trap cleanup EXIT

avail_kb=$(df -Pk target | awk 'NR==2 {print $4}')
need_kb=$((events * 4))   # ledger + events file + one ledger directory, ~1.1 KB each per event
[ "$avail_kb" -gt "$need_kb" ] || die "about $((need_kb / 1024)) MiB of free disk needed, $((avail_kb / 1024)) MiB left"

echo "== building the current tree (release)" >&2
cargo build --release -q -p rxledger-cli
cargo build --release -q --example floors --example gen_ledger
new_bin=$root/target/release/rxledger
floors=$root/target/release/examples/floors
new_label="HEAD $(git rev-parse --short HEAD)"
[ -z "$(git status --porcelain --untracked-files=no)" ] || new_label="$new_label + uncommitted changes"

if [ -n "${BASE_BIN:-}" ]; then
  [ -x "$BASE_BIN" ] || die "BASE_BIN=$BASE_BIN is not an executable file"
  base_bin=$(realpath "$BASE_BIN")
  base_label="$rev ($BASE_BIN, prebuilt)"
else
  echo "== building $rev ($base_sha) in $wt (release)" >&2
  base_worktree
  (cd "$wt" && CARGO_TARGET_DIR="$root/$base_dir/target" cargo build --release -q -p rxledger-cli)
  base_bin=$root/$base_dir/target/release/rxledger
  base_label="$rev ($(git rev-parse --short "$base_sha"))"
fi

if [ -n "${LEDGER:-}" ]; then
  [ -r "$LEDGER" ] || die "LEDGER=$LEDGER is not a readable file"
  ledger=$(realpath "$LEDGER")
  echo "== counting the records of $ledger" >&2
  events=$(wc -l < "$ledger")
  [ "$events" -gt 0 ] || die "LEDGER=$LEDGER is empty"
else
  ledger=$root/$tmp/ledger-$events.jsonl
  if [ ! -f "$ledger" ]; then
    echo "== generating an exported ledger of $events events: $ledger" >&2
    target/release/examples/gen_ledger "$events" "$ledger.part"
    mv "$ledger.part" "$ledger"
  fi
fi
events_file=$root/$tmp/events-$events.jsonl
if [ ! -f "$events_file" ]; then
  echo "== generating $events events for append: $events_file" >&2
  "$new_bin" gen --events "$events" > "$events_file.part"
  mv "$events_file.part" "$events_file"
fi

echo "== timing: $reps rounds of append, verify, check (base, new) and the floors" >&2
python3 scripts/bench_cli.py --base "$base_bin" --new "$new_bin" --floors "$floors" \
  --ledger "$ledger" --events-file "$events_file" --events "$events" --reps "$reps" \
  --tmp "$tmp/run" --base-label "$base_label" --new-label "$new_label" \
  | tee target/bench-cli.md || status=$?
[ "$status" = 0 ] || echo "bench_cli.sh: failed (exit $status); table so far in target/bench-cli.md" >&2
[ -n "${BASE_BIN:-}" ] || [ "${CLEAN:-0}" = 1 ] || echo "base build kept in $base_dir (CLEAN=1 removes it)" >&2
exit "$status"
