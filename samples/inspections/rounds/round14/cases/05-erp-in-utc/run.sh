#!/usr/bin/env bash
# Case 05: a cloud ERP that writes UTC (mapping timezone "+00:00"); Beijing dates decide licences, expiry and the payment deadline.
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
run rxledger import csv $L yunerp-2026q4.csv --mapping yunerp.toml
run rxledger check $L
run 'rxledger check $L --format json | python3 -c "import json,sys; d=json.load(sys.stdin); [print(f[\"rule\"], f[\"severity\"], f[\"seq\"], f[\"seqs\"], json.dumps(f.get(\"facts\",{}), ensure_ascii=False)) for f in d[\"findings\"]]"'
run rxledger check $L --zone UTC
run 'RXLEDGER_ZONE=+09:00 rxledger check $L --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(sorted((f[\"rule\"], f[\"seq\"]) for f in d[\"findings\"]))"'
run rxledger summary $L
run rxledger summary $L --zone UTC
run rxledger log $L --from 25 --limit 8
run rxledger log $L --from 25 --limit 8 --zone UTC
run rxledger export $L -o 05.jsonl
run python3 ../../generator/inspect_export.py 05.jsonl 18 30 31
# the same export read by a mapping that forgot the ERP writes UTC (timezone +08:00)
L8=$T/L8
run rxledger init $L8
run rxledger append $L8 master.jsonl
run rxledger import csv $L8 yunerp-2026q4.csv --mapping yunerp-misread.toml
run 'rxledger check $L8 --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(sorted((f[\"rule\"], f[\"seq\"]) for f in d[\"findings\"]))"'
rm -rf "$T"
