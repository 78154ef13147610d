#!/usr/bin/env bash
# Case 03: malformed ERP rows and mapping errors: each refused with file, line, column and field, exit 2, ledger unchanged.
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
HEAD=$(rxledger verify $L | awk '{print $NF}'); echo "HEAD=$HEAD"
rxledger summary $L > $T/summary.before; rxledger log $L --from 1 --limit 100 > $T/log.before
for f in m-a-qty-unit m-b-bad-date m-c-accepted-sum m-d-negative m-e-unknown-word m-f-unknown-kind \
         m-g-header-differs m-i-extra-column m-j-missing-batch m-k-bad-instant m-l-missing-column; do
  run rxledger import csv $L $f.csv --mapping goods.toml
done
run rxledger import csv $L m-h-gbk-in-utf8.csv --mapping goods-utf8.toml
run rxledger import csv $L dec-valid.csv --mapping goods-bad.toml
run rxledger --lang zh import csv $L dec-valid.csv --mapping goods-bad.toml
run rxledger --lang zh import csv $L m-a-qty-unit.csv --mapping goods.toml
for f in f-n-money-3dp f-o-amount-mismatch f-p-unknown-method f-q-negative-amount; do
  run rxledger import csv $L $f.csv --mapping finance.toml
done
run rxledger import csv $L goods-2026-10.xlsx --mapping goods.toml
# the ledger is unchanged after every refusal
run 'rxledger verify $L --head "$HEAD"'
run 'rxledger summary $L > $T/summary.after; rxledger log $L --from 1 --limit 100 > $T/log.after; diff $T/summary.before $T/summary.after && diff $T/log.before $T/log.after && echo "summary and log unchanged"'
# controls: the same December files without the defects import
run rxledger import csv $L dec-valid.csv --mapping goods.toml
run rxledger import csv $L fin-dec-valid.csv --mapping finance.toml
run rxledger check $L
run rxledger summary $L
run rxledger export $L -o 03.jsonl
rm -rf "$T"
