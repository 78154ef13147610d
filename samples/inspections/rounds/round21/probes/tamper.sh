#!/bin/bash
# Tamper-evidence probes on ledger 263: every documented verification path, before and after tampering.
W=${1:-/tmp/rxl21}; R=$(cd "$(dirname "$0")/.." && pwd)
B=/work/insp21/bin/rxledger; E="python3 $R/probes/tamper_edit.py"
P=$W/tamper; rm -rf "$P"; mkdir -p "$P"; cd "$P"
F=$(ls "$R"/ledgers/263-*.jsonl)
head -n 40 "$F" > part1.jsonl; tail -n +41 "$F" > part2.jsonl
x() { echo "\$ $*"; "$@" 2>&1 | cut -c1-400 | head -12; echo "[exit ${PIPESTATUS[0]}]"; }
x $B keygen -o ruihe
x $B init T
x $B append T part1.jsonl
x $B checkpoint T --key ruihe.key -o cp40.txt
x $B append T part2.jsonl
x $B checkpoint T --key ruihe.key -o cp73.txt
x $B export T -o orig.jsonl
HEAD=$($B verify T | awk '{print $NF}'); echo "HEAD=$HEAD"
x $B verify T
x $B verify orig.jsonl --head "$HEAD"
x $B verify T --checkpoint cp73.txt --pubkey ruihe.pub
x $B verify T --checkpoint cp40.txt --pubkey ruihe.pub
x $B prove T --seq 30 --checkpoint cp73.txt -o p30.json
sed -n 30p orig.jsonl > r30.txt
x $B verify-proof --record r30.txt --proof p30.json --checkpoint cp73.txt --pubkey ruihe.pub
x $B prove T --checkpoint cp73.txt --consistency cp40.txt -o c.json
x $B verify-proof --proof c.json --checkpoint cp73.txt --old-checkpoint cp40.txt --pubkey ruihe.pub
for spec in "byte 30" "delete 50" "swap 60" "truncate" "byte 70"; do
  set -- $spec; mode=$1; seq=${2:-}
  tag=$mode$seq
  echo; echo "================ tamper: $mode $seq"
  cp -r T "T-$tag"; rm -f "T-$tag/LOCK"; [ -e T/LOCK ] && cp T/LOCK "T-$tag/LOCK"
  seg=$(ls "T-$tag"/seg-*.jsonl | head -1)
  $E $mode "$seg" $seq
  cp orig.jsonl "x-$tag.jsonl"; $E $mode "x-$tag.jsonl" $seq > /dev/null
  x $B verify "T-$tag"
  x $B verify "x-$tag.jsonl"
  x $B verify "x-$tag.jsonl" --head "$HEAD"
  x $B verify "T-$tag" --checkpoint cp73.txt --pubkey ruihe.pub
  x $B verify "T-$tag" --checkpoint cp40.txt --pubkey ruihe.pub
  x $B verify "x-$tag.jsonl" --checkpoint cp73.txt --pubkey ruihe.pub
  echo "\$ $B check T-$tag --format json  (summary)"
  $B check "T-$tag" --format json --lang en 2>&1 | python3 -c "
import json,sys
t=sys.stdin.read()
try:
  d=json.loads(t); print('chain_ok',d['chain_ok'],'records',d['records'],'events',d['events'],'CHAIN',[(f['seq'],f['message']) for f in d['findings'] if f['rule']=='CHAIN'], 'other', sorted(set(f['rule'] for f in d['findings'] if f['rule']!='CHAIN')))
except Exception as e: print('not JSON:', t[:300])"
  x $B check "T-$tag" --lang zh
  x $B checkpoint "T-$tag" --key ruihe.key -o "cp-$tag.txt"
  x $B prove "T-$tag" --seq 30 --checkpoint cp73.txt -o "p30-$tag.json"
  sed -n 30p "x-$tag.jsonl" > "r30-$tag.txt"
  x $B verify-proof --record "r30-$tag.txt" --proof p30.json --checkpoint cp73.txt --pubkey ruihe.pub
  x $B prove "T-$tag" --checkpoint cp73.txt --consistency cp40.txt -o "c-$tag.json"
done
echo; echo "================ after the rollback checkpoint"
wc -l T-truncate/seg-*.jsonl
tail -2 T-truncate/checkpoints.jsonl | cut -c1-120
