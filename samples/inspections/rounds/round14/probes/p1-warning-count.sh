#!/usr/bin/env bash
# Probe P1: does the "N goods movements of this import happened before …" warning count movements that were
# already in the ledger (skipped), or only those appended? Uses case 02's files.
set -u; cd "$(dirname "$0")"; R=${RXLEDGER:-/work/insp14/bin/rxledger}; C=../cases/02-erp-exactly-once-and-changed
T=$(mktemp -d); export LC_ALL=C.UTF-8
python3 - "$C" "$T" <<'PY'
import sys
c, t = sys.argv[1], sys.argv[2]
raw = open(f"{c}/goods-2026-11.csv", "rb").read().decode("gb18030").split("\r\n")
hdr = raw[0]
keep = lambda nos: "\r\n".join([hdr] + [l for l in raw[1:] if l.split(",")[1:2] and l.split(",")[1] in nos]) + "\r\n"
open(f"{t}/only-new.csv", "wb").write(keep({"SH2026110900002", "RK2026110900002"}).encode("gb18030"))
open(f"{t}/new-plus-one-present.csv", "wb").write(keep({"SH2026110900002", "RK2026110900002", "SH2026110500001"}).encode("gb18030"))
PY
for f in only-new new-plus-one-present; do
  rm -rf $T/L; $R init $T/L >/dev/null; $R append $T/L $C/master.jsonl >/dev/null
  $R import csv $T/L $C/goods-mtd-1110.csv --mapping $C/goods.toml >/dev/null
  echo "\$ rxledger import csv L $f.csv   (ledger holds SH…0500001, RK…0500001, PS…1000001 as its goods movements)"
  $R import csv $T/L $T/$f.csv --mapping $C/goods.toml 2>&1 | sed "s#$T/##g" | cut -c1-140
done
rm -rf "$T"
