#!/usr/bin/env bash
# Case 02: month-to-date snapshots (goods GB18030 + finance UTF-8+BOM) imported together as the month goes on; the out-of-order warning.
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

L=$T/L
run rxledger init $L
run rxledger append $L master.jsonl
run rxledger import csv $L goods-mtd-1110.csv finance-mtd-1110.csv --mapping goods.toml --mapping finance.toml
run rxledger import csv $L goods-mtd-1120.csv finance-mtd-1120.csv --mapping goods.toml --mapping finance.toml
run rxledger import csv $L goods-2026-11.csv finance-2026-11.csv --mapping goods.toml --mapping finance.toml
run rxledger import csv $L goods-2026-11.csv finance-2026-11.csv --mapping goods.toml --mapping finance.toml
run rxledger verify $L
run "rxledger check $L --format json | $SHOW"
run rxledger check $L
run rxledger log $L --from 23 --limit 5
run rxledger export $L -o 02.jsonl
run python3 $G/order_of.py 02.jsonl 8
python3 $G/export_events.py 02.jsonl 02.events.jsonl
rm -rf "$T"
