#!/usr/bin/env bash
# Side-by-side criterion benchmark (issue 13): `cargo bench --bench check` (the engine alone,
# parse + engine, check end to end on the default workers and on one thread; 200,000 generated
# events per iteration) of the current tree against a base revision, in ONE run, in turns
# (base, new, base, new, …). Prints a markdown table of criterion's median time per iteration,
# events/s and the ratio new/base per benchmark (the median of the round-by-round ratios, so a
# drift of a shared machine's speed cancels out); also written to target/bench-criterion.md.
#
# Usage: scripts/bench_criterion.sh [BASE_REV]
#   BASE_REV  the build to compare against (default 6fac2cc: the last commit before the issue-13
#             read-path work); its tree is checked out in a detached git worktree under
#             target/bench-base/ with its own target directory (shared with scripts/bench_cli.sh;
#             kept for the next run, CLEAN=1 removes it at the end).
# Environment:
#   REPS=N    rounds (default 3)
#   CLEAN=1   remove the base worktree and its build at the end
# Needs: cargo, git, python3. About 2 minutes a round besides the two release builds.
set -euo pipefail
name=bench_criterion.sh
default_reps=3
# shellcheck source=scripts/bench_base.sh
. "$(dirname "$0")/bench_base.sh"
trap base_clean EXIT

base_worktree
new_label="HEAD $(git rev-parse --short HEAD)"
[ -z "$(git status --porcelain --untracked-files=no)" ] || new_label="$new_label + uncommitted changes"
base_label="$rev ($(git rev-parse --short "$base_sha"))"

# One criterion run of the `check` benches in tree $1 with target directory $2; its medians
# (nanoseconds per iteration, from criterion's estimates.json) appended to $3 as "name median".
run() {
  local tree=$1 target=$2 out=$3
  (cd "$tree" && CARGO_TARGET_DIR="$target" cargo bench -q --bench check -- --noplot > /dev/null)
  for est in "$target"/criterion/check/*/new/estimates.json; do
    name=$(basename "$(dirname "$(dirname "$est")")")
    python3 -c 'import json,sys; print(sys.argv[2], json.load(open(sys.argv[1]))["median"]["point_estimate"])' \
      "$est" "$name" >> "$out"
  done
}

echo "== building the benches: $new_label and $base_label (release)" >&2
cargo bench -q --bench check --no-run
(cd "$wt" && CARGO_TARGET_DIR="$root/$base_dir/target" cargo bench -q --bench check --no-run)
res=target/bench-criterion
rm -rf "$res" && mkdir -p "$res"
for i in $(seq 1 "$reps"); do
  echo "== round $i of $reps: base" >&2
  run "$wt" "$root/$base_dir/target" "$res/base-$i"
  echo "== round $i of $reps: new" >&2
  run "$root" "$root/target" "$res/new-$i"
done

python3 - "$res" "$reps" "$base_label" "$new_label" <<'EOF' | tee target/bench-criterion.md
import statistics, sys
res, reps, base_label, new_label = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
N = 200_000
def load(kind, i):
    d = {}
    for line in open(f"{res}/{kind}-{i}"):
        name, ns = line.split()
        d[name] = float(ns)
    return d
base = [load("base", i) for i in range(1, reps + 1)]
new = [load("new", i) for i in range(1, reps + 1)]
print(f"criterion `check` benches, {N:,} events per iteration, {reps} rounds in turns; "
      f"base {base_label}, new {new_label}; medians of criterion's per-round medians")
print()
print("| bench | base median | new median | new/base | new events/s |")
print("|---|---:|---:|---:|---:|")
for name in sorted(new[0]):
    b = [r[name] for r in base if name in r]
    n = [r[name] for r in new]
    ratios = [x / y for x, y in zip(n, [r.get(name) for r in base]) if y]
    bm = f"{statistics.median(b) / 1e6:,.1f} ms" if b else "(absent)"
    rt = f"**{statistics.median(ratios):.2f}x**" if ratios else "-"
    nm = statistics.median(n)
    print(f"| `check/{name}` | {bm} | {nm / 1e6:,.1f} ms | {rt} | {N / (nm / 1e9):,.0f} |")
EOF
