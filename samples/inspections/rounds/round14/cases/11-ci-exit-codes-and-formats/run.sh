#!/usr/bin/env bash
# Case 11: the CI face: check exit codes with --fail-on / --fail-on-pending / --config, and the json, junit and sarif outputs.
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES 2>/dev/null
R=${RXLEDGER:-/work/insp14/bin/rxledger}
rxledger() { "$R" "$@"; }
T=$(mktemp -d /tmp/r14.XXXXXX); L=$T/L
# run CMD: print the command, its output (stdout and stderr) and its exit status; $T is shown as $T
run() { printf '\n$ %s\n' "$(printf '%s' "$*" | sed "s#$T#\$T#g")"; { eval "$*"; } 2>&1 | sed "s#$T#\$T#g"; printf '[exit %d]\n' "${PIPESTATUS[0]}"; }

CI="python3 ../../generator/ci_inspect.py"
q() { "$R" "$@" >/dev/null 2>&1; echo "exit $?"; }      # exit code only
# build the four ledgers (quietly; their imports are cases 01, 02, 04, 06)
L1=$T/L01; L2=$T/L02; L4=$T/L04; L6=$T/L06
rxledger init $L1 >/dev/null; rxledger append $L1 L01/master.jsonl >/dev/null
rxledger import csv $L1 L01/goods-2026-11.csv --mapping L01/goods.toml >/dev/null 2>&1
rxledger import csv $L1 L01/finance-2026-11.csv --mapping L01/finance.toml >/dev/null
rxledger init $L2 >/dev/null; rxledger append $L2 L02/master.jsonl >/dev/null
rxledger import csv $L2 L02/goods-mtd-1110.csv --mapping L02/goods.toml >/dev/null
rxledger import csv $L2 L02/goods-2026-11.csv --mapping L02/goods.toml >/dev/null 2>&1
rxledger init $L4 >/dev/null; rxledger append $L4 L04/master.jsonl >/dev/null
rxledger import csv $L4 L04/goods-2026-12.csv --mapping L04/goods.toml >/dev/null
rxledger import csv $L4 L04/finance-2026-12.csv --mapping L04/finance.toml >/dev/null
rxledger init $L6 >/dev/null; rxledger append $L6 L06/master.jsonl >/dev/null
for mo in 2026-10 2026-11 2026-12 2027-01; do
  rxledger import csv $L6 L06/finance-$mo.csv --mapping L06/finance.toml >/dev/null
  rxledger import csv $L6 L06/goods-$mo.csv --mapping L06/goods.toml >/dev/null
done
run rxledger summary $L1 \| head -2; run rxledger summary $L2 \| head -2; run rxledger summary $L4 \| head -2; run rxledger summary $L6 \| head -2

echo; echo "## exit codes (ledger: flags -> exit)"
for l in L1 L2 L4 L6; do
  for flags in "" "--fail-on minor" "--fail-on major" "--fail-on critical" "--fail-on-pending" "--fail-on major --fail-on-pending" "--fail-on critical --fail-on-pending"; do
    for fmt in text json junit sarif; do
      printf '%s check %-40s --format %-5s -> ' $l "$flags" $fmt; q check ${!l} $flags --format $fmt
    done
  done
done
echo; echo "## configuration"
for c in ci-expired-near-major ci-disable-expired-near; do
  for flags in "" "--fail-on major"; do printf 'L6 --config %s %s -> ' $c "$flags"; q check $L6 --config $c.toml $flags; done
done
run rxledger check $L6 --config ci-disable-expired-near.toml --format json
run rxledger check $L6 --config ci-expired-near-major.toml --format sarif -o $T/l6.sarif
run $CI sarif $T/l6.sarif
for c in ci-bad-key ci-bad-rule ci-negative; do run rxledger check $L1 --config $c.toml; done
run rxledger check $L1 --fail-on blocker
echo; echo "## outputs of the violation ledger (L04)"
run rxledger check $L4
run rxledger check $L4 --format json -o $T/l4.json
run $CI json $T/l4.json
run rxledger check $L4 --format sarif -o $T/l4.sarif
run $CI sarif $T/l4.sarif
run rxledger check $L4 --format junit -o $T/l4.xml
run $CI junit $T/l4.xml
run 'rxledger export $L4 -o $T/l4.jsonl >/dev/null; rxledger check $T/l4.jsonl --format sarif -o $T/l4f.sarif; echo "exit $?"; '"$CI"' sarif $T/l4f.sarif'
run 'rxledger check $T/l4.jsonl --format junit -o $T/l4f.xml; '"$CI"' junit $T/l4f.xml'
echo; echo "## pending only (L02)"
run rxledger check $L2 --format sarif -o $T/l2.sarif
run $CI sarif $T/l2.sarif
run rxledger check $L2 --format junit -o $T/l2.xml
run $CI junit $T/l2.xml
run rxledger check $L2
echo; echo "## the clean ledger (L01)"
run rxledger check $L1 --format json
run rxledger check $L1 --format sarif -o $T/l1.sarif
run $CI sarif $T/l1.sarif
run rxledger check $L1 --format junit -o $T/l1.xml
run $CI junit $T/l1.xml
echo; echo "## a tampered export"
rxledger export $L1 -o $T/l1.jsonl >/dev/null
python3 -c "
import sys; p=sys.argv[1]; L=open(p,encoding='utf-8').read().split('\n'); L[18]=L[18].replace('\"quantity\":600','\"quantity\":60',1); open(p+'.t','w',encoding='utf-8').write('\n'.join(L))" $T/l1.jsonl
run 'cmp $T/l1.jsonl $T/l1.jsonl.t'
run rxledger check $T/l1.jsonl.t --fail-on critical
run rxledger check $T/l1.jsonl.t --format json -o $T/t.json
run $CI json $T/t.json
rxledger export $L1 -o 11.jsonl >/dev/null
rm -rf "$T"
