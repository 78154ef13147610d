#!/bin/bash
# Extra: writers on directories whose history disagrees with their checkpoints
cd /work/atk24/work; R="timeout 60 ../bin/rxledger"
rm -rf E3w; cp -r E3 E3w; $R append E3w in300.jsonl; echo "append into E3 (rewritten history vs own checkpoints.jsonl) rc=$?"; $R verify E3w | head -1
rm -rf E6w; cp -r E6 E6w; $R append E6w in300.jsonl; echo "append into E6 (checkpoints.jsonl cut mid-line) rc=$?"
rm -rf E6c; cp -r E6 E6c; $R checkpoint E6c --key k1.key -o t-e6.txt; echo "checkpoint on E6 rc=$?"
$R check E3 >/dev/null; echo "check E3 (rewritten history, own checkpoint disagrees) rc=$?"
$R check E6 >/dev/null; echo "check E6 (corrupt checkpoints.jsonl) rc=$?"
$R summary E3 | grep -i -m3 "chain\|status"; echo "summary E3 rc=$?"
$R report E3 -o e3.html; grep -o -i -m2 "chain[^<]\{0,80\}" e3.html | head -3
