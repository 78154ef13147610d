#!/usr/bin/env bash
# Case 12: the ERP export saved as .xlsx: date-time cells read in the mapping's zone near midnight, the same ids as the CSV, long numbers and bad cells refused.
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
HEAD=$(rxledger verify $L | awk '{print $NF}')
for f in x-18digit-number x-datetime-in-date x-formula-error x-date-in-number; do
  run rxledger import xlsx $L $f.xlsx --mapping goods.toml
done
run rxledger import xlsx $L goods-2026-12.xlsx --mapping goods.toml --sheet Sheet1
run 'rxledger verify $L --head "$HEAD"'
run rxledger import xlsx $L goods-2026-12.xlsx --mapping goods.toml
run rxledger import csv $L goods-2026-12.csv --mapping goods.toml
run rxledger import csv $L goods-2026-12.xlsx --mapping goods.toml
run rxledger check $L
run 'rxledger check $L --format json | python3 -c "import json,sys; d=json.load(sys.stdin); [print(f[\"rule\"], f[\"severity\"], f[\"seq\"], json.dumps(f.get(\"facts\"), ensure_ascii=False)) for f in d[\"findings\"]]"'
run rxledger log $L --from 11 --limit 6
run rxledger export $L -o 12.jsonl
run python3 ../../generator/inspect_export.py 12.jsonl 12 16
rm -rf "$T"
