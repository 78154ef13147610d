#!/bin/bash
# CI outputs of a clean (222) and a failing (219) ledger, and 217 (majors only): exit codes, JSON, JUnit, SARIF.
# Run from /work/insp17/round17/probes. Writes ci/ (inputs and outputs) and prints one line per command.
set -u
B=/work/insp17/bin/rxledger
cd "$(dirname "$0")"
rm -rf ci && mkdir -p ci
for n in 222 219 217; do
  f=$(ls ../ledgers/$n-*.jsonl); rm -rf ci/L$n
  $B init ci/L$n >/dev/null && $B append ci/L$n "$f" >/dev/null
  $B export ci/L$n -o "ci/台账 $n.jsonl" >/dev/null
  $B verify ci/L$n > ci/verify-$n.txt
done
cp "ci/台账 219.jsonl" "ci/台账:219.jsonl"; cp "ci/台账 219.jsonl" "ci/台账#1 50%.jsonl"
run() { # label, args...
  local label=$1; shift
  "$B" "$@" > "ci/$label.out" 2> "ci/$label.err"; local rc=$?
  printf '%-34s rc=%s  %s\n' "$label" "$rc" "$*"
}
for n in 222 219 217; do
  F="ci/台账 $n.jsonl"
  run $n.text check "$F"
  for fo in minor major critical; do run $n.failon-$fo check "$F" --fail-on $fo; run $n.pending-$fo check "$F" --fail-on $fo --fail-on-pending; done
  run $n.json check "$F" --format json
  run $n.junit check "$F" --format junit
  run $n.sarif check "$F" --format sarif
  run $n.json-o check "$F" --format json -o ci/$n.file.json
  run $n.sarif-o check "$F" --format sarif -o ci/$n.file.sarif
done
run 219.sarif-abs check "$PWD/ci/台账 219.jsonl" --format sarif
run 219.sarif-dotdot check "../probes/ci/台账 219.jsonl" --format sarif
run 219.sarif-dot check "./ci/台账 219.jsonl" --format sarif
run 219.sarif-colon check "ci/台账:219.jsonl" --format sarif
run 219.sarif-hash check "ci/台账#1 50%.jsonl" --format sarif
run 219.sarif-dir check ci/L219 --format sarif
run 219.sarif-dir-abs check "$PWD/ci/L219" --format sarif
run 219.junit-dir check ci/L219 --format junit
run 222.junit-zh check "ci/台账 222.jsonl" --format junit --lang zh
run 219.sarif-zh check "ci/台账 219.jsonl" --format sarif --lang zh
run bad.failon check "ci/台账 219.jsonl" --fail-on severe
run bad.format check "ci/台账 219.jsonl" --format xml
run bad.missing check ci/nonexistent.jsonl
run 219.head-ok check "ci/台账 219.jsonl" --head "$(awk '{print $NF}' ci/verify-219.txt)"
