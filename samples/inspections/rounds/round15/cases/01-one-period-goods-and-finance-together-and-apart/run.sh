#!/usr/bin/env bash
# Case 01: one period (October 2026) exported by two systems: goods GB18030, finance UTF-8+BOM; imported together and apart.
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES 2>/dev/null
R=${RXLEDGER:-/work/insp15/bin/rxledger}
rxledger() { "$R" "$@"; }
T=$(mktemp -d /tmp/r15.XXXXXX)
G=../../generator
# run CMD: print the command, its output (stdout and stderr) and its exit status; $T is shown as $T
run() { printf '\n$ %s\n' "$(printf '%s' "$*" | sed "s#$T#\$T#g")"; { eval "$*"; } 2>&1 | sed "s#$T#\$T#g"; printf '[exit %d]\n' "${PIPESTATUS[0]}"; }
# findings of a ledger as "RULE SEQ" lines with the message (my helper, reads check --format json)
SHOW="python3 $G/show_findings.py"

G_=goods-2026-10.csv; F_=finance-2026-10.csv
# A: the period's two exports together, in one import (import.md, Order)
A=$T/A
run rxledger init $A
run rxledger append $A master.jsonl
run rxledger import csv $A $G_ $F_ --mapping goods.toml --mapping finance.toml
run "rxledger check $A --format json | $SHOW"
run rxledger check $A
run rxledger export $A -o 01-A.jsonl
run python3 $G/order_of.py 01-A.jsonl 10
# B: goods first, then finance
B=$T/B
run rxledger init $B
run rxledger append $B master.jsonl
run rxledger import csv $B $G_ --mapping goods.toml
run rxledger import csv $B $F_ --mapping finance.toml
run "rxledger check $B --format json | $SHOW"
run rxledger export $B -o 01-B.jsonl
run python3 $G/order_of.py 01-B.jsonl 10
# C: finance first, then goods
C=$T/C
run rxledger init $C
run rxledger append $C master.jsonl
run rxledger import csv $C $F_ --mapping finance.toml
run rxledger import csv $C $G_ --mapping goods.toml
run "rxledger check $C --format json | $SHOW"
run rxledger export $C -o 01-C.jsonl
run python3 $G/order_of.py 01-C.jsonl 10
# D: together, the finance file named first
D=$T/D
run rxledger init $D
run rxledger append $D master.jsonl
run rxledger import csv $D $F_ $G_ --mapping finance.toml --mapping goods.toml
run "rxledger check $D --format json | $SHOW"
run rxledger export $D -o 01-D.jsonl
run "python3 $G/order_of.py 01-D.jsonl 24 | head -4"
# P1: three mappings for two files
P=$T/P
run rxledger init $P
run rxledger append $P master.jsonl
run rxledger import csv $P $G_ $F_ --mapping goods.toml --mapping finance.toml --mapping goods.toml
# P2: mappings swapped
run rxledger import csv $P $G_ $F_ --mapping finance.toml --mapping goods.toml
run rxledger verify $P
# P3: --batch-size 5 gives the same events as A
run rxledger import csv $P $G_ $F_ --mapping goods.toml --mapping finance.toml --batch-size 5
run rxledger export $P -o $T/p.jsonl
run "python3 $G/export_events.py $T/p.jsonl $T/p.events.jsonl && python3 $G/export_events.py 01-A.jsonl 01-A.events.jsonl && cmp $T/p.events.jsonl 01-A.events.jsonl && echo same events"
run "python3 -c \"import json;print(sorted({json.loads(l)['batch_end'] for l in open('$T/p.jsonl')}))\""
for x in B C D; do python3 $G/export_events.py 01-$x.jsonl 01-$x.events.jsonl; done
rm -rf "$T"
