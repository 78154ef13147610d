#!/bin/bash
# Attack 3c: process substitution (a pipe path, /dev/fd/N) as append input
cd /work/atk24/work
rm -rf T; cp -r L T
start=$(date +%s); timeout 20 ../bin/rxledger append T <(cat in300.jsonl); echo "rc=$? elapsed $(( $(date +%s)-start ))s (process substitution, 20 s timeout)"
timeout 60 ../bin/rxledger verify T | tail -1
rm -rf T; cp -r L T
start=$(date +%s); timeout 20 ../bin/rxledger append T /dev/stdin < <(cat in300.jsonl); echo "rc=$? elapsed $(( $(date +%s)-start ))s (/dev/stdin as a pipe)"
rm -rf T; cp -r L T; mkfifo ff2 2>/dev/null
( cat in300.jsonl > ff2; cat in300.jsonl > ff2 ) &
start=$(date +%s); timeout 20 ../bin/rxledger append T ff2; echo "rc=$? elapsed $(( $(date +%s)-start ))s (FIFO fed twice)"; timeout 60 ../bin/rxledger verify T | tail -1
( sed '36s/"quantity":[0-9]*/"quantity":-5/' in300.jsonl > ff2; ) &
rm -rf T; cp -r L T; start=$(date +%s); timeout 20 ../bin/rxledger append T ff2; echo "rc=$? elapsed $(( $(date +%s)-start ))s (FIFO bad line)"
# FIFO fed twice but the 2nd time with different content (e.g. quantity changed in a valid way)
( cat in300.jsonl > ff2; sed '36s/"quantity":1290/"quantity":1291/' in300.jsonl > ff2 ) &
rm -rf T; cp -r L T; start=$(date +%s); timeout 20 ../bin/rxledger append T ff2; echo "rc=$? elapsed $(( $(date +%s)-start ))s (FIFO fed twice, 2nd differs)"; timeout 60 ../bin/rxledger verify T | tail -1
wait
