#!/bin/bash
# Torn checkpoints.jsonl (as a crash during `checkpoint` would leave) disables the truncation guard
cd /work/atk24/work; R="timeout 60 ../bin/rxledger"
rm -rf TH; cp -r D0 TH                     # 2000 records, one checkpoint of 2000 in history
$R checkpoint TH --key k1.key -o t-th.txt >/dev/null   # second history line
python3 - <<'P'
p='/work/atk24/work/TH/checkpoints.jsonl'; d=open(p,'rb').read(); lines=d.split(b'\n')
open(p,'wb').write(lines[0]+b'\n'+lines[1][:50])   # last line torn mid-write
s='/work/atk24/work/TH/seg-00000000000000000001.jsonl'; l=open(s,'rb').read().split(b'\n')
open(s,'wb').write(b'\n'.join(l[:1000])+b'\n')        # records 1001-2000 (acknowledged, signed) cut off
P
$R verify TH; echo "verify rc=$?"
$R check TH > /dev/null; echo "check rc=$?"
$R append TH in300.jsonl; echo "append rc=$?"
$R verify TH; echo "verify after append rc=$?"
