#!/bin/bash
# Regenerate round 21's ledgers and rerun every tool command; outputs in tool-output/.
set -u
R=$(cd "$(dirname "$0")" && pwd)
B=/work/insp21/bin/rxledger
T=$R/tool-output; W=$R/work
mkdir -p "$T"; rm -rf "$W"; mkdir -p "$W"
python3 "$R/generator/build21.py" "$W/gen" > "$T/build.txt"
(cd "$W/gen" && md5sum -c "$R/original-expected/LEDGERS.MD5SUMS") > "$T/ledgers-md5.txt" 2>&1 && echo "ledgers byte-identical to the frozen ones" || echo "LEDGERS DIFFER"
(cd "$R/original-expected" && md5sum -c MD5SUMS) > "$T/expected-md5.txt" 2>&1 || echo "EXPECTATIONS CHANGED"
run() { # name cmd...
  local n=$1; shift
  "$@" > "$T/$n" 2> "$T/$n.err"; echo $? > "$T/$n.rc"
}
for f in "$R"/ledgers/2*.jsonl; do
  n=$(basename "$f" | cut -c1-3)
  $B init "$W/L$n" > /dev/null
  run $n.append.txt $B append "$W/L$n" "$f"
  run $n.verify.txt $B verify "$W/L$n"
  run $n.check.txt $B check "$W/L$n" --lang en
  run $n.json $B check "$W/L$n" --format json --lang en
done
for n in 256 258 259 260 261 262; do run $n.check.zh.txt $B check "$W/L$n" --lang zh; done
# the pair
run pair-256-257.json $B check "$W/L256" "$W/L257" --format json --lang en
run pair-256-257.txt $B check "$W/L256" "$W/L257" --lang en
run pair-256-257.zh.txt $B check "$W/L256" "$W/L257" --lang zh
run trace-destroyed.txt $B trace 83000170000000001004 "$W/L256" "$W/L257" --lang en
run trace-destroyed.zh.txt $B trace 83000170000000001004 "$W/L256" "$W/L257" --lang zh
run trace-at-hospital.txt $B trace 83000170000000001020 "$W/L256" "$W/L257" --lang en
run trace-lost.txt $B trace 83000310000000005020 "$W/L256" --lang en
run trace-to-maker.txt $B trace 83000310000000005016 "$W/L256" "$W/L257" --lang en
run trace-batch-mor.txt $B trace --batch 86904123000179:26100615 "$W/L256" "$W/L257" --lang en
run trace-batch-mor.zh.txt $B trace --batch 86904123000179:26100615 "$W/L256" "$W/L257" --lang zh
run trace-batch-pmz.txt $B trace --batch 86904123000315:26092203 "$W/L256" "$W/L257" --lang en
# 258: the batch whose dispatch was short of a code, and the unscanned unit
run trace-258-batch.txt $B trace --batch 86904123000179:26100615 "$W/L258" --lang en
run trace-258-unscanned.txt $B trace 83000170000000002035 "$W/L258" --lang en
bash "$R/probes/tamper.sh" "$W" > "$T/tamper.txt" 2>&1
python3 "$R/compare.py" > "$T/compare.txt"; cat "$T/compare.txt"
