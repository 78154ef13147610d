#!/usr/bin/env bash
# Probe P4: the commands about ERP import and EPCIS in README's tour, samples/erp/README.md and docs/epcis.md, as written,
# in a scratch directory beside a link to samples/. Output: p4-doc-commands.out
set -u; cd "$(dirname "$0")"; R=${RXLEDGER:-/work/insp14/bin/rxledger}; export LC_ALL=C.UTF-8
T=$(mktemp -d); ln -s "$(cd ../.. && pwd)/samples" $T/samples; cd $T
rxledger() { "$R" "$@"; }
(
set -x
rxledger init E && rxledger append E samples/erp/master.jsonl
rxledger import csv E samples/erp/goods-2026-10.csv --mapping samples/erp/goods.toml
rxledger import csv E samples/erp/finance-2026-10.csv --mapping samples/erp/finance.toml
rxledger import xlsx E samples/erp/goods-2026-10.xlsx --mapping samples/erp/goods.toml
rxledger check E; echo "exit $?"
rxledger export E -o e.epcis.json --format epcis
rxledger init M && rxledger append M samples/month/events.jsonl | cut -c1-80
rxledger export M -o month.jsonld --format epcis
rxledger init M2 && rxledger import epcis M2 month.jsonld
rxledger export M -o m.jsonl >/dev/null; rxledger export M2 -o m2.jsonl > /dev/null
python3 "$OLDPWD/../generator/tamper_epcis.py" compare m.jsonl m2.jsonl > cmp.txt; head -1 cmp.txt
python3 "$OLDPWD/../generator/tamper_epcis.py" summary month.jsonld > sum.txt; head -5 sum.txt
) 2>&1 | grep -v "^++++ /work" | cut -c1-200
cd /; rm -rf "$T"
