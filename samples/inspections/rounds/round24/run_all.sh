#!/bin/bash
# Round 24: regenerates ledgers 270-279, checks them against the frozen MD5s, appends each to a fresh ledger
# directory, runs check (text, JSON, zh), the traces and the probes, and compares with the expectations.
cd "$(dirname "$0")"
RX=/work/insp24/bin/rxledger
mkdir -p tool-output work ledgers
python3 generator/build24.py ledgers >/dev/null || exit 2
python3 generator/selfcheck.py ledgers > tool-output/selfcheck.txt
(cd ledgers && md5sum -c ../original-expected/LEDGERS.MD5SUMS --quiet) || echo "WARNING: ledgers differ from the frozen ones (see REPORT.md, C items)"
mkdir -p tool-output work
for f in ledgers/*.jsonl; do
  b=$(basename "$f" .jsonl); n=${b%%-*}
  rm -rf work/L$n
  $RX init work/L$n >/dev/null
  $RX append work/L$n "$f" >tool-output/$n.append.txt 2>tool-output/$n.append.err; echo $? >tool-output/$n.append.rc
  $RX check work/L$n --lang en >tool-output/$n.check.txt 2>tool-output/$n.check.err; echo $? >tool-output/$n.check.rc
  $RX check work/L$n --format json --lang en >tool-output/$n.json 2>tool-output/$n.json.err
  $RX check work/L$n --lang zh >tool-output/$n.check.zh.txt 2>&1
done
[ -x probes/run_probes.sh ] && probes/run_probes.sh
[ -x traces.sh ] && ./traces.sh
python3 compare.py ledgers > tool-output/compare.txt
python3 compare.py original-expected > tool-output/compare-frozen.txt
cat tool-output/compare.txt
