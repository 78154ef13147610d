#!/bin/bash
# Regenerate the round-19 ledgers and rerun every command. Outputs: tool-output/, probes/*.out
set -u
R=/work/insp19/round19
X=/work/insp19/bin/rxledger
cd $R
rm -rf ledgers work && mkdir -p work tool-output
python3 generator/build19.py ledgers
export RXLEDGER_ZONE=Asia/Shanghai
for f in ledgers/*.jsonl; do
  b=$(basename $f .jsonl); n=${b:0:3}
  case $b in *-A-seller) n=243A;; *-B-hospital) n=243B;; esac
  $X init work/$n > /dev/null
  $X --lang en append work/$n $f > tool-output/$n.append.txt 2>&1; echo "exit $?" >> tool-output/$n.append.txt
  [ "$n" = 245 ] && { $X verify work/$n >> tool-output/$n.append.txt 2>&1; echo "verify exit $?" >> tool-output/$n.append.txt; continue; }
  $X --lang en check work/$n > tool-output/$n.check.txt 2>&1; echo "exit $?" >> tool-output/$n.check.txt
  $X --lang en check work/$n --format json > tool-output/$n.json 2> tool-output/$n.json.err
done
for n in 237 239 240 243A; do $X --lang zh check work/$n > tool-output/$n.check.zh.txt 2>&1; done
$X --lang en check work/243A work/243B --format json > tool-output/243-pair.json 2>&1
$X --lang en check work/243A work/243B > tool-output/243-pair.check.txt 2>&1; echo "exit $?" >> tool-output/243-pair.check.txt
$X --lang zh check work/243A work/243B > tool-output/243-pair.check.zh.txt 2>&1
python3 compare.py > tool-output/compare.txt; cat tool-output/compare.txt
[ -x probes/probes.sh ] && bash probes/probes.sh > probes/probes.out 2>&1
exit 0
