#!/bin/bash
# Common fixtures for every attack script (run first). Uses only /work/atk24/bin/rxledger and python3 stdlib.
set -e; cd /work/atk24/work; R="timeout 60 ../bin/rxledger"
$R gen --events 2000 --seed 1 > e.jsonl
rm -rf L; $R init L; $R append L e.jsonl --ack; $R export L -o ledger.jsonl
$R gen --events 2000 --seed 2 > e2.jsonl; rm -rf L2; $R init L2; $R append L2 e2.jsonl; $R export L2 -o ledger-other.jsonl
$R gen --events 300 --seed 3 > e3.jsonl; head -300 e3.jsonl > in300.jsonl
rm -f k1.key k1.pub k2.key k2.pub; $R keygen -o k1; $R keygen -o k2
rm -rf P; $R init P; head -1000 e.jsonl > e1k.jsonl; $R append P e1k.jsonl; $R checkpoint P --key k1.key -o cp1k.txt
$R append P e.jsonl; $R checkpoint P --key k1.key -o cp2k.txt
$R prove P --seq 42 --checkpoint cp2k.txt -o p42.json; $R export P -o P.jsonl; sed -n 42p P.jsonl > r42.txt
$R prove P --checkpoint cp2k.txt --consistency cp1k.txt -o c.json
$R gen --events 100000 --seed 7 > big.jsonl
mkdir -p adir
