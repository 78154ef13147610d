#!/bin/bash
B=/work/insp35/bin/rxledger; cd "$(dirname "$0")"; W=work; O=$W/out; mkdir -p $O
for f in ledgers/${1:-38}*.jsonl; do n=$(basename $f .jsonl); rm -rf $W/L$n
  $B init $W/L$n >/dev/null && $B append $W/L$n $f > $O/$n.append 2>&1
  $B check $W/L$n --lang en > $O/$n.txt 2>&1; echo "rc=$?" >> $O/$n.txt
  $B check $W/L$n --format json > $O/$n.json 2>/dev/null; echo "rc=$?" > $O/$n.json.rc
  $B check $W/L$n --lang zh > $O/$n.zh.txt 2>&1; done
python3 compare.py
