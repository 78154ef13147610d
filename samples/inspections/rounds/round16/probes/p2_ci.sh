#!/bin/bash
# CI outputs: exit codes, JSON, JUnit, SARIF on a clean ledger (210), the same with open items
# (210 cut before its payments), a failing one with critical findings (203) and one with a major
# finding only (205). Outputs in probes/ci/.
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES
R=/work/insp16/bin/rxledger
O=ci; rm -rf $O; mkdir -p $O
T=$(mktemp -d /tmp/r16ci.XXXX)
L=../ledgers
head -n 32 $L/210-*.jsonl > $T/210cut.jsonl
for n in 210 203 205; do $R init $T/L$n >/dev/null; $R append $T/L$n $L/$n-*.jsonl >/dev/null; done
$R init $T/L210cut >/dev/null; $R append $T/L210cut $T/210cut.jsonl >/dev/null
$R export $T/L203 -o $T/x203.jsonl >/dev/null
run() { local name=$1; shift; "$R" "$@" > $O/$name.out 2> $O/$name.err; echo "$name exit=$? :: rxledger $*" | sed "s#$T#\$T#g"; }
for n in 210 210cut 203 205; do
  for fo in minor major critical; do
    run $n.text.$fo check $T/L$n --fail-on $fo
    run $n.text.$fo.pending check $T/L$n --fail-on $fo --fail-on-pending
  done
  for fmt in json junit sarif; do
    run $n.$fmt check $T/L$n --format $fmt
    run $n.$fmt.file check $T/L$n --format $fmt -o $O/$n.$fmt.o --fail-on critical
  done
done
run x203.sarif check $T/x203.jsonl --format sarif
run x203.junit check $T/x203.jsonl --format junit
run 203.sarif.zh check $T/L203 --format sarif --lang zh
run 203.junit.zh check $T/L203 --format junit --lang zh
run 210cut.junit.zh check $T/L210cut --format junit --lang zh
run badfail check $T/L203 --fail-on severe
run badformat check $T/L203 --format xml
run missing check $T/nope
rm -rf "$T"
