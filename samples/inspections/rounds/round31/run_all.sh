#!/bin/bash
# Fresh ledger per input under work/; check in text and json, en and zh.
set -u
BIN=/work/insp31/bin/rxledger
cd "$(dirname "$0")"
for f in ledgers/*.jsonl; do
  n=$(basename "$f" | cut -c1-3)
  d=work/$n; rm -rf "$d"; mkdir -p "$d"
  $BIN init "$d/L" > "$d/init.out" 2>&1
  $BIN append "$d/L" "$f" --lang en > "$d/append.out" 2>&1
  for lang in en zh; do
    $BIN check "$d/L" --lang $lang > "$d/check.$lang.txt" 2>&1; echo $? > "$d/check.$lang.rc"
    $BIN check "$d/L" --lang $lang --format json > "$d/check.$lang.json" 2> "$d/check.$lang.json.err"; echo $? > "$d/check.$lang.json.rc"
  done
done
