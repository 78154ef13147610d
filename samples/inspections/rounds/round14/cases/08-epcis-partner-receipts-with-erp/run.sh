#!/usr/bin/env bash
# Case 08: our 3PL's EPCIS 2.0 receiving events (Digital Link with dates, ilmd, SGTIN lists) combined with ERP orders, put-aways, sales, invoices and payments: one clean ledger.
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
run rxledger import csv $L goods-po-2026-11.csv --mapping goods.toml
run rxledger import epcis $L tonghe-receiving-2026-11.jsonld --recorded-by 质管-钱芳 --acceptor 验收-陈晓燕 --acceptor 验收-王建华
run rxledger import epcis $L tonghe-receiving-2026-11.jsonld --recorded-by 质管-钱芳 --acceptor 验收-陈晓燕 --acceptor 验收-王建华
run rxledger import csv $L goods-2026-11.csv --mapping goods.toml
run rxledger import csv $L finance-2026-11.csv --mapping finance.toml
run rxledger verify $L
run rxledger check $L
run rxledger summary $L
run rxledger log $L --from 12 --limit 5
run rxledger export $L -o 08.jsonl
run python3 ../../generator/inspect_export.py 08.jsonl 13 14 15
run rxledger check 08.jsonl --format json
rm -rf "$T"
