#!/usr/bin/env bash
set -u; cd "$(dirname "$0")"; R=${RXLEDGER:-/work/insp14/bin/rxledger}; C=../cases/12-xlsx-date-cells-and-long-numbers
python3 p2-xlsx-serial-precision.py; T=$(mktemp -d); export LC_ALL=C.UTF-8
unzip -p p2.xlsx xl/worksheets/sheet1.xml | grep -o '<c r="C3"[^/]*' | head -1
$R init $T/L >/dev/null; $R append $T/L $C/master.jsonl >/dev/null
$R import xlsx $T/L p2.xlsx --mapping $C/goods.toml 2>&1 | sed "s#$T/##g" | cut -c1-110
$R log $T/L --from 13 --limit 1 | cut -c1-120
$R export $T/L -o $T/x.jsonl >/dev/null; python3 ../generator/inspect_export.py $T/x.jsonl 12 | head -1
$R import csv $T/L $C/goods-2026-12.csv --mapping $C/goods.toml 2>&1 | sed "s#$T/##g"
rm -rf "$T"
