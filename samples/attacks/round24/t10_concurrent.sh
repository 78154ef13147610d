#!/bin/bash
# Attack 4b: concurrent writers / readers on one ledger directory
cd /work/atk24/work; R=../bin/rxledger
timeout 60 $R gen --events 100000 --seed 8 > big2.jsonl
rm -rf C2; $R init C2 >/dev/null
timeout 60 $R append C2 big.jsonl > w1.out 2> w1.err & P1=$!
sleep 0.05
timeout 60 $R append C2 big2.jsonl > w2.out 2> w2.err & P2=$!
# readers while writing
for i in 1 2 3 4 5; do timeout 60 $R verify C2 2>&1 | head -2; timeout 60 $R checkpoint C2 --key k1.key -o cpc$i.txt 2>&1; sleep 0.05; done
wait $P1; echo "writer1 rc=$?"; cat w1.out w1.err | tail -2
wait $P2; echo "writer2 rc=$?"; cat w2.out w2.err | tail -2
timeout 60 $R verify C2; echo "verify rc=$?"
for i in 1 2 3 4 5; do [ -f cpc$i.txt ] && timeout 60 $R verify C2 --checkpoint cpc$i.txt --pubkey k1.pub | tail -1; done
echo "--- lock file removed while a writer holds it"
rm -rf C3; $R init C3 >/dev/null
timeout 60 $R append C3 big.jsonl --batch-size 10 > w3.out 2>&1 & P3=$!
sleep 0.2; rm -f C3/LOCK; timeout 60 $R append C3 big2.jsonl --batch-size 10 > w4.out 2>&1 & P4=$!
wait $P3; echo "w3 rc=$?"; tail -2 w3.out; wait $P4; echo "w4 rc=$?"; tail -2 w4.out
timeout 60 $R verify C3; echo "verify rc=$?"
timeout 60 $R check C3 --format json -o c3.json; echo "check rc=$?"; python3 -c "import json;d=json.load(open('c3.json'));print('records',d['records'],'chain_ok',d['chain_ok'],'counts',d['counts'])"
