#!/bin/bash
cd "$(dirname "$0")/.."
R=/work/insp25/bin/rxledger
python3 probes/build_probes.py
O=tool-output
for f in probes/ledgers/9*.jsonl; do
  n=$(basename "$f" | cut -c1-3)
  rm -rf work/P$n; $R init work/P$n >/dev/null; $R append work/P$n "$f" > $O/probe-$n.append.txt 2>&1
  $R check work/P$n > $O/probe-$n.check.txt 2>&1; echo "exit $?" >> $O/probe-$n.check.txt
  $R check work/P$n --lang zh > $O/probe-$n.check.zh.txt 2>&1
done
$R trace --batch 86901234000098:2609151 work/P902 > $O/probe-902.trace.txt 2>&1; echo "exit $?" >> $O/probe-902.trace.txt
$R trace --batch 86901234000098:2609151 work/P902 --lang zh > $O/probe-902.trace.zh.txt 2>&1; echo "exit $?" >> $O/probe-902.trace.zh.txt
: > $O/probe-refused.txt
for f in probes/ledgers/refused/*.jsonl; do
  rm -rf work/RF; $R init work/RF >/dev/null
  { echo "== $f"; $R append work/RF "$f" 2>&1; echo "exit $?"; $R append work/RF "$f" --lang zh 2>&1; echo "exit $?"; $R summary work/RF 2>&1 | head -2; } >> $O/probe-refused.txt
done
$R check work/L284 --zone UTC > $O/284.check.utc.txt 2>&1
$R check work/L284 --zone Asia/Tokyo --lang zh > $O/284.check.tokyo.zh.txt 2>&1
