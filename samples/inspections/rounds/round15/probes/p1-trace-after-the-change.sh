#!/usr/bin/env bash
# Probe p1: does `trace` break where the new SPECIAL-CHAIN findings (destruction, customer return) and the
# loss-report location finding are? README: "`trace` calls a batch's chain broken exactly where check's
# SPECIAL-CHAIN, CODE-DUP or CODE-UNKNOWN findings about it do".
set -u; cd "$(dirname "$0")"; export LC_ALL=C.UTF-8 LANG=C.UTF-8
R=/work/insp15/bin/rxledger; T=$(mktemp -d /tmp/r15p.XXXXXX)
run() { printf '\n$ %s\n' "$(printf '%s' "$*" | sed "s#$T#\$T#g")"; { eval "$*"; } 2>&1 | sed "s#$T#\$T#g"; printf '[exit %d]\n' "${PIPESTATUS[0]}"; }
for n in 187 188 190 191 193 194 195 196; do $R init $T/$n >/dev/null; $R append $T/$n ../ledgers/$n-*.jsonl >/dev/null; done
run $R trace --batch 86901234100217:M2306017 $T/187
run $R trace --batch 86901234100217:M2306017 $T/188
run $R trace --batch 86901234100217:M2601088 $T/190
run $R trace 81034560002600079904 $T/190
run $R trace --batch 86901234200207:D2604221 $T/191
run $R trace --batch 86901234200375:Z2603117 $T/195
run $R trace --batch 86901234200139:K2604083 $T/196
run $R trace --batch 86901234300129:J2602275 $T/196
run $R trace 81034620001207315938 $T/194
run $R check $T/190 --lang zh
run $R check $T/195 --lang zh
rm -rf $T
