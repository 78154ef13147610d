#!/bin/bash
# runs every ledger: init, append, check --format json and text; writes tool-output/
cd /work/insp18/round18
BIN=/work/insp18/bin/rxledger
rm -rf work; mkdir -p work tool-output
for f in ledgers/*.jsonl; do
  n=$(basename $f .jsonl | cut -c1-3)
  $BIN init work/L$n >/dev/null
  $BIN --lang en append work/L$n $f > tool-output/$n.append.txt 2>&1; echo "exit $?" >> tool-output/$n.append.txt
  $BIN --lang en check work/L$n --format json -o tool-output/$n.json > /dev/null 2>&1
  $BIN --lang en check work/L$n > tool-output/$n.check.txt 2>&1; echo "exit $?" >> tool-output/$n.check.txt
done
for f in ledgers/refused/*.jsonl; do
  $BIN init work/Lref >/dev/null
  $BIN --lang en append work/Lref $f > tool-output/228r.append.txt 2>&1; echo "exit $?" >> tool-output/228r.append.txt
  $BIN summary work/Lref >> tool-output/228r.append.txt 2>&1
done
