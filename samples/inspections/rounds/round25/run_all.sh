#!/bin/bash
# Regenerate round 25's ledgers, append each into a fresh store, check (text, JSON, zh), trace, probes, compare.
set -u
cd "$(dirname "$0")"
R=/work/insp25/bin/rxledger
python3 generator/build25.py ledgers >/dev/null
(cd ledgers && md5sum -c --quiet ../original-expected/LEDGERS.MD5SUMS) && echo "ledgers identical to the frozen ones"
(cd original-expected && md5sum -c --quiet MD5SUMS) && echo "frozen expectations intact"
python3 generator/selfcheck.py ledgers > tool-output/selfcheck.txt
mkdir -p work tool-output
date -u +%Y-%m-%dT%H:%M:%SZ > tool-output/last-run
for f in ledgers/*.jsonl; do
  n=$(basename "$f" | cut -c1-3)
  rm -rf "work/L$n"; $R init "work/L$n" >/dev/null
  $R append "work/L$n" "$f" > "tool-output/$n.append.txt" 2>&1; echo $? > "tool-output/$n.append.rc"
  $R check "work/L$n" --lang en > "tool-output/$n.check.txt" 2>&1; echo $? > "tool-output/$n.check.rc"
  $R check "work/L$n" --format json > "tool-output/$n.json" 2>"tool-output/$n.json.err"
  $R check "work/L$n" --lang zh > "tool-output/$n.check.zh.txt" 2>&1
done
$R trace --batch 86901234000098:2609151 work/L284 > tool-output/trace-284-toxic.txt 2>&1; echo "exit $?" >> tool-output/trace-284-toxic.txt
$R trace --batch 86901234000098:2609151 work/L284 --lang zh > tool-output/trace-284-toxic.zh.txt 2>&1; echo "exit $?" >> tool-output/trace-284-toxic.zh.txt
[ -x probes/run_probes.sh ] && probes/run_probes.sh
python3 compare.py | tee tool-output/compare.txt
python3 compare.py --frozen > tool-output/compare-frozen.txt
