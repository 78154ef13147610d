#!/bin/bash
# Round 17: regenerate the ledgers (must be byte-identical), compare each with its .expected, Chinese outputs, probes.
set -u
cd "$(dirname "$0")"
B=/work/insp17/bin/rxledger
T=$(mktemp -d)
python3 generator/build17.py "$T" >/dev/null && diff -r "$T" ledgers && echo "ledgers regenerate byte-identical"
python3 generator/selfcheck17.py ledgers/*.jsonl > tool-output/selfcheck.txt
python3 generator/compare.py tool-output/final ledgers/*.jsonl | tee tool-output/compare-final.txt
(cd original-expected && md5sum -c --quiet MD5SUMS && echo "frozen expectations intact")
mkdir -p tool-output/zh
for f in ledgers/*.jsonl; do n=$(basename "$f" | cut -c1-3); rm -rf "$T/L"; $B init "$T/L" >/dev/null; $B append "$T/L" "$f" >/dev/null
  $B check "$T/L" --lang zh > tool-output/zh/$n.check.txt; done
(cd probes && python3 p1_som_median.py > p1_som_median.out && python3 p2_som_edges.py > p2_som_edges.out \
  && python3 p3_lines.py > p3_lines.out && ./p4_ci.sh > p4_ci.out && python3 p4_ci_validate.py > p4_ci_validate.out)
rm -rf "$T"
