#!/bin/bash
# fresh ledger per file under work/; outputs in work/out/
B=/work/insp33/bin/rxledger; cd "$(dirname "$0")"; W=work; O=$W/out; mkdir -p $O
for f in ledgers/36[0-2]-*.jsonl; do n=$(basename $f .jsonl); rm -rf $W/L$n
  $B init $W/L$n >/dev/null && $B append $W/L$n $f > $O/$n.append 2>&1
  $B check $W/L$n > $O/$n.txt 2>&1; echo "rc=$?" >> $O/$n.txt
  $B check $W/L$n --format json > $O/$n.json 2>/dev/null
  $B check $W/L$n --lang zh > $O/$n.zh.txt 2>&1; done
f=ledgers/363-*.jsonl; n=$(basename $f .jsonl)
$B verify $f > $O/$n.verify 2>&1; echo "rc=$?" >> $O/$n.verify
$B check $f > $O/$n.txt 2>&1; echo "rc=$?" >> $O/$n.txt
$B check $f --format json > $O/$n.json 2>/dev/null; $B check $f --lang zh > $O/$n.zh.txt 2>&1
n=364-erp-import-duplicate-row-fixed-reexport-refused-padded-reexport-overlapping-exports; I=ledgers/364-inputs; L=$W/L364; rm -rf $L
{ $B init $L; $B append $L ledgers/$n.jsonl
  echo "== import 1"; $B import csv $L $I/364-goods-2026-10.csv $I/364-finance-2026-10.csv --mapping $I/364-goods.toml --mapping $I/364-finance.toml; echo "rc=$?"
  echo "== import 2"; $B import csv $L $I/364-goods-2026-10-fixed.csv --mapping $I/364-goods.toml; echo "rc=$?"
  echo "== import 3"; $B import csv $L $I/364-goods-2026-10-padded.csv --mapping $I/364-goods.toml; echo "rc=$?"
  echo "== import 4"; $B import csv $L $I/364-goods-2026-10-25_11-01.csv $I/364-goods-2026-11-01_11-07.csv --mapping $I/364-goods.toml; echo "rc=$?"
} > $O/$n.import 2>&1
$B check $L > $O/$n.txt 2>&1; echo "rc=$?" >> $O/$n.txt
$B check $L --format json > $O/$n.json 2>/dev/null; $B check $L --lang zh > $O/$n.zh.txt 2>&1
python3 compare.py
