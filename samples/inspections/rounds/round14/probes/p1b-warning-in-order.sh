#!/usr/bin/env bash
# Probe P1b: a month-to-date export re-imported the next day, whose only new documents are LATER than everything
# in the ledger (business order kept). Does the out-of-order warning fire because of the documents already present?
set -u; cd "$(dirname "$0")"; R=${RXLEDGER:-/work/insp14/bin/rxledger}; C=../cases/02-erp-exactly-once-and-changed
T=$(mktemp -d); export LC_ALL=C.UTF-8
python3 - "$C" "$T" <<'PY'
import sys
c, t = sys.argv[1], sys.argv[2]
raw = open(f"{c}/goods-2026-11.csv", "rb").read().decode("gb18030").split("\r\n")
hdr = raw[0]
mtd = open(f"{c}/goods-mtd-1110.csv", "rb").read().decode("gb18030").split("\r\n")
# the export of 13 Nov: everything entered by then except the late-entered 9 Nov delivery (SH2/RK2 entered 11 Nov are in, but to
# isolate the question we leave them out): the 10 Nov documents plus XS/FH/PS of 12 Nov
new = [l for l in raw[1:] if l.split(",")[1:2] and l.split(",")[1] in {"XS2026111200002", "FH2026111200002", "PS2026111200002"}]
open(f"{t}/mtd-1113.csv", "wb").write(("\r\n".join(mtd[:-1] + new) + "\r\n").encode("gb18030"))
PY
$R init $T/L >/dev/null; $R append $T/L $C/master.jsonl >/dev/null
$R import csv $T/L $C/goods-mtd-1110.csv --mapping $C/goods.toml | sed "s#$T/##g" | cut -c1-120
echo "\$ rxledger import csv L mtd-1113.csv   (the 7 documents already imported + XS/FH/PS of 12 Nov, all later than the ledger's last movement)"
$R import csv $T/L $T/mtd-1113.csv --mapping $C/goods.toml 2>&1 | sed "s#$T/##g" | cut -c1-160
rm -rf "$T"
