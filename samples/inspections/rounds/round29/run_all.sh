#!/bin/sh
# fresh ledger per file under work/: init, append, check text/JSON/--lang zh; trace for 324
B=/work/insp29/bin/rxledger
cd "$(dirname "$0")"
rm -rf work; mkdir -p work
for f in ledgers/*.jsonl; do
  n=$(basename "$f" .jsonl | cut -d- -f1)
  $B init work/L$n >/dev/null || exit 2
  $B append work/L$n "$f" > work/$n.append.txt 2>&1; echo "append rc=$?" >> work/$n.append.txt
  $B check work/L$n --lang en > work/$n.check.txt 2>&1; echo "rc=$?" >> work/$n.check.txt
  $B check work/L$n --format json --lang en > work/$n.check.json 2> work/$n.check.err
  $B check work/L$n --format json --lang zh > work/$n.check.zh.json 2>> work/$n.check.err
  $B check work/L$n --lang zh > work/$n.check.zh.txt 2>&1; echo "rc=$?" >> work/$n.check.zh.txt
done
for c in $(python3 -c 'import json;d=json.load(open("ledgers/trace.expected.json"))["324"];print(" ".join(d["codes_break"]+d["codes_ok"]))'); do
  for lang in en zh; do
    $B trace $c work/L324 --lang $lang > work/trace-$c.$lang.txt 2>&1; echo "rc=$?" >> work/trace-$c.$lang.txt
  done
done
for b in $(python3 -c 'import json;d=json.load(open("ledgers/trace.expected.json"))["324"];print(d["batch_break"], d["batch_ok"])'); do
  for lang in en zh; do
    $B trace --batch $b work/L324 --lang $lang > work/trace-batch-${b#*:}.$lang.txt 2>&1; echo "rc=$?" >> work/trace-batch-${b#*:}.$lang.txt
  done
done
python3 compare.py
