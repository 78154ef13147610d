#!/usr/bin/env bash
# Case 06: monthly exports imported in the order docs/import.md recommends (goods, then invoices and payments) vs finance first; 月结 invoices, bare-date payments, a near-expiry dispatch 10 minutes either side of Beijing midnight.
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES 2>/dev/null
R=${RXLEDGER:-/work/insp14/bin/rxledger}
rxledger() { "$R" "$@"; }
T=$(mktemp -d /tmp/r14.XXXXXX); L=$T/L
# run CMD: print the command, its output (stdout and stderr) and its exit status; $T is shown as $T
run() { printf '\n$ %s\n' "$(printf '%s' "$*" | sed "s#$T#\$T#g")"; { eval "$*"; } 2>&1 | sed "s#$T#\$T#g"; printf '[exit %d]\n' "${PIPESTATUS[0]}"; }

SHOW='python3 -c "import json,sys; d=json.load(sys.stdin); print(sorted((f[\"rule\"], f[\"seq\"]) for f in d[\"findings\"])); [print(\" \", f[\"rule\"], f[\"seq\"], f[\"seqs\"], f[\"message\"]) for f in d[\"findings\"]]"'
# ledger A: the order docs/import.md recommends, one month at a time: goods, then invoices and payments
A=$T/A
run rxledger init $A
run rxledger append $A master.jsonl
for mo in 2026-10 2026-11 2026-12 2027-01; do
  run rxledger import csv $A goods-$mo.csv --mapping goods.toml
  run rxledger import csv $A finance-$mo.csv --mapping finance.toml
done
run "rxledger check $A --format json | $SHOW"
# ledger B: the same exports, finance first each month
B=$T/B
run rxledger init $B
run rxledger append $B master.jsonl
for mo in 2026-10 2026-11 2026-12 2027-01; do
  run rxledger import csv $B finance-$mo.csv --mapping finance.toml
  run rxledger import csv $B goods-$mo.csv --mapping goods.toml
done
run "rxledger check $B --format json | $SHOW"
run rxledger check $B
run rxledger summary $B
run rxledger log $B --from 21 --limit 11
run rxledger export $B -o 06.jsonl
run rxledger export $A -o 06-docs-order.jsonl
run python3 ../../generator/inspect_export.py 06.jsonl 27 28 31 43
rm -rf "$T"
