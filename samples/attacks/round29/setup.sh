#!/bin/bash
# Fixtures for round 29. Everything goes into fx/.
set -e
cd "$(dirname "$0")"; export R=/work/atk29/bin/rxledger S=/work/atk29/samples/erp
rm -rf fx; mkdir fx; cd fx
cp $S/goods.toml $S/finance.toml $S/master.jsonl $S/goods-2026-10.csv $S/finance-2026-10.csv .
iconv -f gb18030 -t utf-8 goods-2026-10.csv > goods-utf8.csv
iconv -f gb18030 -t utf-8 finance-2026-10.csv > finance-utf8.csv
sed 's/^encoding = "gb18030"/encoding = "utf-8"/' goods.toml > goods-u8.toml
sed 's/^encoding = "gb18030"/encoding = "utf-8"/' finance.toml > finance-u8.toml
$R gen --events 2000 --seed 1 > e.jsonl
echo setup done
