#!/usr/bin/env bash
# Regenerate inputs, run every case, compare every ledger. Outputs: cases/*/actual.txt, tool-output/.
set -u; cd "$(dirname "$0")"
(cd generator && python3 special15.py ../ledgers && python3 erp15.py ../cases)
for c in cases/*/; do "$c/run.sh" > "$c/actual.txt" 2>&1; done
cp cases/01*/01-A.events.jsonl ledgers/197-r15-erp-one-period-goods-and-finance-imported-together.jsonl
cp cases/02*/02.events.jsonl ledgers/198-r15-erp-month-to-date-snapshots-imported-together.jsonl
cp cases/03*/03-A.events.jsonl ledgers/199-r15-erp-two-warehouses-one-mapping-and-finance-together.jsonl
python3 generator/compare.py ledgers/*.jsonl cases/0[13]*/0?-[BCD].events.jsonl
python3 probes/p2_variants.py > probes/p2_variants.out 2>&1
probes/p1-trace-after-the-change.sh > probes/p1-trace-after-the-change.out 2>&1
