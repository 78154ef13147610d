#!/bin/bash
# Regenerates ledgers 264-269, checks them against the frozen MD5s, appends each to a fresh ledger
# directory and runs check (text, json, zh). Outputs in tool-output/.
cd "$(dirname "$0")"
RX=/work/insp22/bin/rxledger
python3 generator/build22.py ledgers >/dev/null || exit 2
(cd ledgers && md5sum -c ../original-expected/LEDGERS.MD5SUMS --quiet) || echo "WARNING: ledgers differ from the frozen ones"
mkdir -p tool-output work
for f in ledgers/*.jsonl; do
  b=$(basename "$f" .jsonl); n=${b%%-*}
  rm -rf work/L$n
  $RX init work/L$n >/dev/null
  $RX append work/L$n "$f" >tool-output/$n.append.txt 2>tool-output/$n.append.err; echo $? >tool-output/$n.append.rc
  $RX check work/L$n >tool-output/$n.check.txt 2>tool-output/$n.check.err; echo $? >tool-output/$n.check.rc
  $RX check work/L$n --format json >tool-output/$n.json 2>tool-output/$n.json.err
  $RX check work/L$n --lang zh >tool-output/$n.check.zh.txt 2>&1
done
rm -rf work/P264; $RX init work/P264 >/dev/null; $RX append work/P264 probes/264-plus-15-days.jsonl >/dev/null
$RX check work/P264 > tool-output/probe-264-plus-15-days.txt
python3 compare.py > tool-output/compare.txt; cat tool-output/compare.txt
