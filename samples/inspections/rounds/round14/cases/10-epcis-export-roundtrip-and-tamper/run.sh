#!/usr/bin/env bash
# Case 10: EPCIS export of an ERP-built month, re-import (fresh and same ledger), tampered events, ignoreFields, temperature readings.
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES 2>/dev/null
R=${RXLEDGER:-/work/insp14/bin/rxledger}
rxledger() { "$R" "$@"; }
T=$(mktemp -d /tmp/r14.XXXXXX); L=$T/L
# run CMD: print the command, its output (stdout and stderr) and its exit status; $T is shown as $T
run() { printf '\n$ %s\n' "$(printf '%s' "$*" | sed "s#$T#\$T#g")"; { eval "$*"; } 2>&1 | sed "s#$T#\$T#g"; printf '[exit %d]\n' "${PIPESTATUS[0]}"; }

TE="python3 ../../generator/tamper_epcis.py"
A=$T/A
run rxledger init $A
run rxledger append $A master.jsonl
run rxledger import csv $A goods-2026-11.csv --mapping goods.toml
run rxledger import csv $A finance-2026-11.csv --mapping finance.toml
run rxledger export $A -o $T/month.jsonld --format epcis
run $TE summary $T/month.jsonld
# into a fresh ledger with the same master data: the same events, byte for byte
F=$T/F
run rxledger init $F
run rxledger append $F master.jsonl
run rxledger import epcis $F $T/month.jsonld
run 'rxledger export $A -o $T/a.jsonl >/dev/null; rxledger export $F -o $T/f.jsonl >/dev/null; '"$TE"' compare $T/a.jsonl $T/f.jsonl'
# into the ledger it came from: nothing new
run rxledger import epcis $A $T/month.jsonld
# a quantity changed after export
run $TE qty $T/month.jsonld $T/month-tampered.jsonld 6 60
run rxledger import epcis $A $T/month-tampered.jsonld
run $TE qty $T/month.jsonld $T/month-tampered-uuid.jsonld 6 60 --uuid
run rxledger import epcis $A $T/month-tampered-uuid.jsonld
F2=$T/F2
run rxledger init $F2
run rxledger append $F2 master.jsonl
run rxledger import epcis $F2 $T/month-tampered-uuid.jsonld
run 'rxledger export $F2 -o $T/f2.jsonl >/dev/null; python3 ../../generator/inspect_export.py $T/f2.jsonl 15 | head -3'
# ignoreFields of a repository
run $TE ignore $T/month.jsonld $T/month-ignore-bizstep.jsonld bizStep
run rxledger import epcis $A $T/month-ignore-bizstep.jsonld
run $TE ignore $T/month.jsonld $T/month-ignore-capture.jsonld repox:captureID --add
run rxledger import epcis $A $T/month-ignore-capture.jsonld
# temperature readings (case 07's cold rooms)
C=$T/C
run rxledger init $C
run rxledger append $C cold-master.jsonl
run rxledger import csv $C wsd-CR-2026-10-10_14.csv --mapping temperature.toml
run rxledger export $C -o $T/cold.jsonld --format epcis
run 'python3 -c "
import json; d=json.load(open(\"$T/cold.jsonld\")); ev=d[\"epcisBody\"][\"eventList\"]; e=ev[0]
print(len(ev), e[\"bizStep\"], e.get(\"readPoint\"), e.get(\"bizLocation\"), e[\"sensorElementList\"][0][\"sensorMetadata\"], len(e[\"sensorElementList\"][0][\"sensorReport\"]), e[\"sensorElementList\"][0][\"sensorReport\"][:2])"'
C2=$T/C2
run rxledger init $C2
run rxledger append $C2 cold-master.jsonl
run rxledger import epcis $C2 $T/cold.jsonld
run 'rxledger export $C -o $T/c.jsonl >/dev/null; rxledger export $C2 -o $T/c2.jsonl >/dev/null; '"$TE"' compare $T/c.jsonl $T/c2.jsonl'
run $TE fah $T/cold.jsonld $T/cold-fah.jsonld 3
run rxledger import epcis $C2 $T/cold-fah.jsonld
run rxledger check $C2
run rxledger export $A -o 10.jsonl
rm -rf "$T"
