#!/usr/bin/env bash
# Case 02: exactly once - month-to-date then full re-export, same file again, re-encoded, changed documents refused, a renamed mapping.
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
# 1. the month-to-date export run on 10 Nov (7 documents)
run rxledger import csv $L goods-mtd-1110.csv --mapping goods.toml
# 2. the full month exported on 1 Dec: 9 new documents, 2 of them accepted on 9 Nov but entered on 11 Nov
run rxledger import csv $L goods-2026-11.csv --mapping goods.toml
run rxledger verify $L
HEAD=$(rxledger verify $L | awk '{print $NF}')
# 3. the same file again, and the same export re-saved as UTF-8 with LF line ends
run rxledger import csv $L goods-2026-11.csv --mapping goods.toml
run rxledger import csv $L goods-2026-11-utf8.csv --mapping goods-utf8.toml
# 4. changed documents are refused, nothing appended
run rxledger import csv $L goods-2026-11-corrected.csv --mapping goods.toml
run rxledger import csv $L goods-2026-12-and-correction.csv --mapping goods.toml
run rxledger import csv $L goods-2026-11-resorted.csv --mapping goods.toml
run rxledger --lang zh import csv $L goods-2026-11-corrected.csv --mapping goods.toml
# 5. the ledger is unchanged
run 'rxledger verify $L --head "$HEAD"'
run rxledger summary $L
run rxledger log $L --from 17 --limit 4
run rxledger check $L
run rxledger check $L --fail-on-pending
run 'rxledger check $L --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(d[\"records\"], d[\"counts\"]); [print(p[\"rule\"], p[\"severity\"], p[\"seq\"], p[\"due\"]) for p in d.get(\"pending\", [])]"'
run rxledger export $L -o 02.jsonl
# 6. documented hazard: the same export under a renamed mapping is appended again (on a copy)
cp -r $L $T/L2
run rxledger import csv $T/L2 goods-2026-11.csv --mapping goods-renamed.toml
run rxledger summary $T/L2
run rxledger check $T/L2
rm -rf "$T"
