#!/usr/bin/env bash
# Case 07: a temperature-monitoring CSV export (GBK, local time) with one Beijing day copied from the day before (TEMP-COPY), and a copied UTC day in another cold room.
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
run rxledger import csv $L wsd-CR-2026-10-10_14.csv --mapping temperature.toml
run rxledger check $L
run 'rxledger check $L --format json | python3 -c "import json,sys; d=json.load(sys.stdin); [print(f[\"rule\"], f[\"severity\"], f[\"seq\"], f[\"seqs\"], f.get(\"location\"), f.get(\"interval\"), f[\"message\"]) for f in d[\"findings\"]]"'
run rxledger check $L --zone UTC
run rxledger summary $L
run rxledger log $L --from 26 --limit 3
run rxledger export $L -o 07.jsonl
run 'python3 -c "
import json
r=[json.loads(l) for l in open(\"07.jsonl\")]
e=r[27][\"event\"]; print(e[\"kind\"], e[\"occurred_at\"], e[\"data\"][\"sensor\"], e[\"data\"][\"zone\"], len(e[\"data\"][\"readings\"]), e[\"data\"][\"readings\"][0])"'
rm -rf "$T"
