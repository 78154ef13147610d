# Sourced by scripts/bench_cli.sh and scripts/bench_criterion.sh, not run on its own: what both
# do with their arguments and with the base build. The sourcing script sets `name` (for its
# messages) and `default_reps`, and passes its arguments; this reads `--help` from the sourcing
# script's header (its comment lines up to `set -euo`), takes BASE_REV and `REPS`, checks the
# tools both need, and defines `base_worktree`.
cd "$(dirname "$0")/.."
root=$PWD
default_base=6fac2cc
base_dir=target/bench-base
wt=$base_dir/src

die() { echo "$name: $*" >&2; exit 2; }
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac
[ $# -le 1 ] || die "at most one argument (BASE_REV); see --help"
rev="${1:-$default_base}"
reps="${REPS:-$default_reps}"
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || die "REPS must be a positive whole number, not '$reps'"
for t in cargo git python3; do
  command -v "$t" > /dev/null || die "$t not found"
done
base_sha=$(git rev-parse --verify --quiet "$rev^{commit}") || die "no such revision: $rev"

# The base revision checked out (detached) in the worktree `$wt`, made if need be.
base_worktree() {
  if [ -e "$wt/.git" ]; then
    git -C "$wt" checkout -q --force --detach "$base_sha"
  else
    mkdir -p "$base_dir"
    # -f: also when an earlier worktree there was deleted without `git worktree remove`.
    git worktree add -q -f --detach "$wt" "$base_sha"
  fi
}

# With CLEAN=1, removes the base worktree and its build (for the sourcing script's exit trap).
base_clean() {
  if [ "${CLEAN:-0}" = 1 ] && [ -d "$base_dir" ]; then
    git worktree remove --force "$wt" 2> /dev/null || true
    rm -rf "$base_dir"
  fi
}
