#!/bin/sh
# fresh ledger per file under work/: init, append or import, check text/JSON/--lang zh; trace for 332
B=/work/insp30/bin/rxledger
cd "$(dirname "$0")"
rm -rf work; mkdir -p work
for f in ledgers/33[0-3]-*.jsonl; do
  n=$(basename "$f" | cut -c1-3)
  $B init work/L$n >/dev/null || exit 2
  $B append work/L$n "$f" > work/$n.append.txt 2>&1; echo "append rc=$?" >> work/$n.append.txt
done
# 334: master data, then a month's ERP exports, the same again (nothing appended), then the re-export
n=334; $B init work/L$n >/dev/null
( cd ledgers
  $B append ../work/L334 334-master.jsonl
  $B import csv ../work/L334 334-goods-a.csv 334-finance-a.csv --mapping 334-goods.toml --mapping 334-finance.toml; echo "import1 rc=$?"
  $B import csv ../work/L334 334-goods-a.csv 334-finance-a.csv --mapping 334-goods.toml --mapping 334-finance.toml; echo "import1-again rc=$?"
  $B import csv ../work/L334 334-goods-b.csv 334-finance-b.csv --mapping 334-goods.toml --mapping 334-finance.toml; echo "import2 rc=$?"
) > work/334.append.txt 2>&1
$B export work/L334 -o work/334.exported.jsonl
for n in 330 331 332 333 334; do
  $B check work/L$n --lang en > work/$n.check.txt 2>&1; echo "rc=$?" >> work/$n.check.txt
  $B check work/L$n --format json --lang en > work/$n.check.json 2> work/$n.check.err
  $B check work/L$n --format json --lang zh > work/$n.check.zh.json 2>> work/$n.check.err
  $B check work/L$n --lang zh > work/$n.check.zh.txt 2>&1; echo "rc=$?" >> work/$n.check.zh.txt
done
for c in $(python3 -c 'import json;d=json.load(open("ledgers/trace.expected.json"))["332"];print(" ".join(d["codes_break"]+d["codes_ok"]))'); do
  for lang in en zh; do
    $B trace $c work/L332 --lang $lang > work/trace-$c.$lang.txt 2>&1; echo "rc=$?" >> work/trace-$c.$lang.txt
  done
done
b=$(python3 -c 'import json;print(json.load(open("ledgers/trace.expected.json"))["332"]["batch_break"])')
for lang in en zh; do
  $B trace --batch $b work/L332 --lang $lang > work/trace-batch.$lang.txt 2>&1; echo "rc=$?" >> work/trace-batch.$lang.txt
done
python3 compare.py
