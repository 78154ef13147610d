#!/bin/bash
# Attack 3b: FIFO / stdin / odd ledger paths
cd /work/atk24/work; R="timeout 60 ../bin/rxledger"
rm -rf T; cp -r L T; rm -f ff; mkfifo ff
head -300 e3.jsonl > in300.jsonl
( cat in300.jsonl > ff ) & WP=$!
start=$(date +%s.%N); $R append T ff; echo "rc=$? (FIFO input) elapsed $(echo "$(date +%s.%N) - $start" | bc)"; kill $WP 2>/dev/null; wait $WP 2>/dev/null
$R verify T | tail -1
echo "--- FIFO with nobody writing (should not hang forever?)"
rm -rf T; cp -r L T; start=$(date +%s); timeout 10 ../bin/rxledger append T ff; echo "rc=$? elapsed $(( $(date +%s)-start ))s"
echo "--- stdin"
rm -rf T; cp -r L T; $R append T - < in300.jsonl; echo rc=$?
rm -rf T; cp -r L T; sed '36s/"quantity":[0-9]*/"quantity":-5/' in300.jsonl | $R append T -; echo "rc=$? (stdin bad line 36)"; $R verify T | tail -1
echo "--- ledger path is a file / missing / not init"
$R append e.jsonl in300.jsonl; echo rc=$?
$R append nonexist-dir in300.jsonl; echo rc=$?
mkdir -p emptydir; $R append emptydir in300.jsonl; echo rc=$?
$R verify emptydir; echo rc=$?
$R init L; echo "rc=$? (init existing ledger)"
$R verify L | tail -1
$R init e.jsonl; echo "rc=$? (init on a file)"
