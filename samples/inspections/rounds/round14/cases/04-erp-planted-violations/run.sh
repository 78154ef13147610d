#!/usr/bin/env bash
# Case 04: business violations planted in an ERP export are found with the right rule and record.
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
run rxledger import csv $L goods-2026-12.csv --mapping goods.toml
run rxledger import csv $L finance-2026-12.csv --mapping finance.toml
run rxledger check $L
run 'rxledger check $L --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(d[\"counts\"]); [print(f[\"rule\"], f[\"severity\"], f[\"seq\"], f[\"seqs\"], f.get(\"party\"), f.get(\"batch\")) for f in d[\"findings\"]]; [print(\"pending\", p[\"rule\"], p[\"seq\"], p[\"due\"]) for p in d.get(\"pending\", [])]"'
run rxledger --lang zh check $L
run rxledger export $L -o 04.jsonl
run rxledger check 04.jsonl --format json -o $T/04.json
run 'python3 -c "import json; d=json.load(open(\"$T/04.json\")); print(sorted((f[\"rule\"], f[\"seq\"]) for f in d[\"findings\"]))"'
rm -rf "$T"
