#!/usr/bin/env bash
# Case 01: a clean November 2026 of 浙江益康医药 imported from its ERP (goods GB18030, finance UTF-8+BOM).
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES 2>/dev/null
R=${RXLEDGER:-/work/insp14/bin/rxledger}
rxledger() { "$R" "$@"; }
T=$(mktemp -d /tmp/r14.XXXXXX); L=$T/L
# run CMD: print the command, its output (stdout and stderr) and its exit status; $T is shown as $T
run() { printf '\n$ %s\n' "$(printf '%s' "$*" | sed "s#$T#\$T#g")"; { eval "$*"; } 2>&1 | sed "s#$T#\$T#g"; printf '[exit %d]\n' "${PIPESTATUS[0]}"; }

run rxledger init $L
run rxledger append $L master.jsonl
run rxledger import csv $L goods-2026-11.csv --mapping goods.toml
run rxledger import csv $L finance-2026-11.csv --mapping finance.toml
run rxledger verify $L
run rxledger check $L
run rxledger check $L --fail-on-pending
run rxledger summary $L
run rxledger log $L --from 11 --limit 26
run rxledger export $L -o 01.jsonl
run python3 ../../generator/inspect_export.py 01.jsonl 11 13 15 20 26 27 28 32
run rxledger check 01.jsonl --format json
rm -rf "$T"
