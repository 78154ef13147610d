#!/bin/bash
# Regenerate round 16's ledgers, compare every one with its .expected, and rerun the probes.
set -u
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8 LANG=C.UTF-8; unset RXLEDGER_ZONE LC_MESSAGES
python3 generator/build16.py ledgers > /dev/null
for f in ledgers/*.expected; do cmp -s "$f" "original-expected/$(basename "$f")" || echo "expectation changed since the freeze: $f"; done
python3 generator/selfcheck16.py ledgers/*.jsonl > tool-output/selfcheck.txt
python3 generator/compare.py ledgers/*.jsonl > tool-output/compare.txt; tail -1 tool-output/compare.txt
R=/work/insp16/bin/rxledger; T=$(mktemp -d /tmp/r16zh.XXXX)
for n in 201 202 203 204 205 206 207 208 209 211 212; do
  f=$(ls ledgers/$n-*.jsonl); $R init $T/L$n >/dev/null; $R append $T/L$n "$f" >/dev/null
  { $R check $T/L$n --lang zh; echo "[exit $?]"; } > tool-output/zh/$n.check.txt 2>&1
done
{ $R trace --lang zh --batch 86904156202052:M2605142 $T/L203; echo "[exit $?]"; } > tool-output/zh/203.trace.txt 2>&1
$R report --lang zh $T/L203 $T/L208 -o tool-output/zh/203-208.report.html
rm -rf "$T"
python3 probes/p1_som_peers.py > probes/p1_som_peers.out
(cd probes && ./p2_ci.sh > p2_ci.out && python3 p2_ci_validate.py > p2_ci_validate.out)
python3 probes/p3_repeats.py > probes/p3_repeats.out
