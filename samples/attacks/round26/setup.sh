#!/bin/bash
# fixtures for round-26 attacks
set -e; mkdir -p /work/atk26/work/fx; cd /work/atk26/work/fx; R="timeout 60 /work/atk26/bin/rxledger"
rm -rf ./*
$R gen --events 3000 --seed 1 > e.jsonl; head -1000 e.jsonl > e1k.jsonl; head -2000 e.jsonl > e2k.jsonl
$R keygen -o k1; $R keygen -o k2
$R init P; $R append P e1k.jsonl; $R checkpoint P --key k1.key -o cp1k.txt
$R append P e2k.jsonl; $R checkpoint P --key k1.key -o cp2k.txt
$R export P -o P.jsonl
$R gen --events 300 --seed 3 > in300.jsonl
$R gen --events 100000 --seed 7 > big.jsonl
$R init B; $R append B big.jsonl >/dev/null; $R checkpoint B --key k1.key -o b1.txt
