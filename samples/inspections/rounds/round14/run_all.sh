#!/usr/bin/env bash
# Run every case of round 14; each case's output goes to cases/NN-*/actual.txt.
cd "$(dirname "$0")"
for d in cases/*/; do
  echo "== $d"
  bash "$d/run.sh" > "$d/actual.txt" 2>&1
done
