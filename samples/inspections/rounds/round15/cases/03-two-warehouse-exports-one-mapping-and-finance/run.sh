#!/usr/bin/env bash
# Case 03: two warehouses exporting one layout (one mapping) plus finance; together, apart in both orders, one mapping for all.
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES 2>/dev/null
R=${RXLEDGER:-/work/insp15/bin/rxledger}
rxledger() { "$R" "$@"; }
T=$(mktemp -d /tmp/r15.XXXXXX)
G=../../generator
# run CMD: print the command, its output (stdout and stderr) and its exit status; $T is shown as $T
run() { printf '\n$ %s\n' "$(printf '%s' "$*" | sed "s#$T#\$T#g")"; { eval "$*"; } 2>&1 | sed "s#$T#\$T#g"; printf '[exit %d]\n' "${PIPESTATUS[0]}"; }
# findings of a ledger as "RULE SEQ" lines with the message (my helper, reads check --format json)
SHOW="python3 $G/show_findings.py"

H_=hz-goods-2026-11.csv; X_=xs-goods-2026-11.csv; F_=finance-2026-11.csv
for x in A B C D; do rxledger init $T/$x >/dev/null; rxledger append $T/$x master.jsonl >/dev/null; done
# A: all three together
run rxledger import csv $T/A $H_ $X_ $F_ --mapping goods.toml --mapping goods.toml --mapping finance.toml
run "rxledger check $T/A --format json | $SHOW"
run rxledger export $T/A -o 03-A.jsonl
run python3 $G/order_of.py 03-A.jsonl 8
# B: 萧山 first, then 杭州 + finance
run rxledger import csv $T/B $X_ --mapping goods.toml
run rxledger import csv $T/B $H_ $F_ --mapping goods.toml --mapping finance.toml
run "rxledger check $T/B --format json | $SHOW"
run rxledger check $T/B
run rxledger export $T/B -o 03-B.jsonl
run python3 $G/order_of.py 03-B.jsonl 8
# C: 杭州 + finance first, then 萧山
run rxledger import csv $T/C $H_ $F_ --mapping goods.toml --mapping finance.toml
run rxledger import csv $T/C $X_ --mapping goods.toml
run "rxledger check $T/C --format json | $SHOW"
run rxledger export $T/C -o 03-C.jsonl
run python3 $G/order_of.py 03-C.jsonl 8
# D: both warehouses with one mapping for all, then finance
run rxledger import csv $T/D $H_ $X_ --mapping goods.toml
run rxledger import csv $T/D $F_ --mapping finance.toml
run "rxledger check $T/D --format json | $SHOW"
run rxledger export $T/D -o 03-D.jsonl
run python3 $G/order_of.py 03-D.jsonl 8
# P1: two mappings for three files
rxledger init $T/P >/dev/null; rxledger append $T/P master.jsonl >/dev/null
run rxledger import csv $T/P $H_ $X_ $F_ --mapping goods.toml --mapping finance.toml
run rxledger summary $T/P
for x in A B C D; do python3 $G/export_events.py 03-$x.jsonl 03-$x.events.jsonl; done
rm -rf "$T"
