#!/bin/bash
# Round 26, area 7: a sparse 16 GiB regular checkpoints.jsonl (no disk used) makes `verify` read it all into memory
cd /work/atk26/work/fx; rm -rf SP; cp -r P SP; truncate -s 16G SP/checkpoints.jsonl
/work/atk26/bin/rxledger verify SP > sp.out 2>&1 & pid=$!
for i in 1 2 3 4; do sleep 3; echo "after $((i*3)) s: $(grep VmRSS /proc/$pid/status 2>/dev/null || echo exited)"; done
kill $pid 2>/dev/null; wait $pid; echo "killed by us, rc=$?"; rm -rf SP
