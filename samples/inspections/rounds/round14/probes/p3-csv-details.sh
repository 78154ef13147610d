#!/usr/bin/env bash
# Probe P3: details of ERP CSV reading the docs leave open: a quoted cell with a line break (which "line" do errors
# name?), duplicate column headers, the spelling of the mapping's timezone, instants with an explicit offset.
set -u; cd "$(dirname "$0")"; R=${RXLEDGER:-/work/insp14/bin/rxledger}; C=../cases/03-erp-malformed-rows
T=$(mktemp -d); export LC_ALL=C.UTF-8
$R init $T/L >/dev/null; $R append $T/L $C/master.jsonl >/dev/null
python3 - "$C" "$T" <<'PY'
import sys, csv, io
c, t = sys.argv[1], sys.argv[2]
raw = open(f"{c}/dec-valid.csv", "rb").read().decode("gb18030")
rows = list(csv.reader(io.StringIO(raw)))
hdr = rows[0]
def w(name, rows, enc="gb18030"):
    b = io.StringIO(); csv.writer(b, lineterminator="\r\n").writerows(rows); open(f"{t}/{name}", "wb").write(b.getvalue().encode(enc))
# a) address with a line break inside quotes on file line 12 (PS row 1), and a bad quantity on the last row (record 13)
r = [list(x) for x in rows]
r[11][hdr.index("收货地址")] = "浙江省杭州市滨江区江汉路 1509 号\n门诊楼药库"
r[12][hdr.index("收货地址")] = "浙江省杭州市滨江区江汉路 1509 号\n门诊楼药库"
r[12][hdr.index("数量")] = "100盒"
w("a-multiline.csv", r)
# b) duplicate header 数量 (the ERP exports 采购数量 and 数量 both titled 数量): the second copy holds 0
r = [list(x) + ["0"] for x in rows]; r[0][-1] = "数量"
w("b-duplicate-header.csv", r)
# c) instants with explicit offsets in a +08:00 mapping: Z, +08:00 with a space instead of T
r = [list(x) for x in rows]
r[1][hdr.index("业务日期")] = r[2][hdr.index("业务日期")] = "2026-12-02T01:10:00Z"
r[3][hdr.index("业务日期")] = r[4][hdr.index("业务日期")] = "2026-12-04 10:05:00+08:00"
w("c-offsets.csv", r)
m = open(f"{c}/goods.toml", encoding="utf-8").read()
for tz in ("Asia/Shanghai", "UTC", "+0800", "Z"):
    open(f"{t}/tz-{tz.replace('/', '_').replace('+', 'p')}.toml", "w", encoding="utf-8").write(m.replace('timezone = "+08:00"', f'timezone = "{tz}"'))
PY
for f in a-multiline b-duplicate-header c-offsets; do
  echo "\$ rxledger import csv L $f.csv --mapping goods.toml"
  $R import csv $T/L $T/$f.csv --mapping $C/goods.toml 2>&1 | sed "s#$T/##g" | cut -c1-200; echo "[exit ${PIPESTATUS[0]}]"
done
$R export $T/L -o $T/x.jsonl >/dev/null 2>&1 && python3 ../generator/inspect_export.py $T/x.jsonl 11 13 | grep "^seq"
for tz in Asia_Shanghai UTC p0800 Z; do
  echo "\$ rxledger import csv L2 dec-valid.csv --mapping tz-$tz.toml"
  rm -rf $T/L2; $R init $T/L2 >/dev/null; $R append $T/L2 $C/master.jsonl >/dev/null
  $R import csv $T/L2 $C/dec-valid.csv --mapping $T/tz-$tz.toml 2>&1 | sed "s#$T/##g" | cut -c1-200; echo "[exit ${PIPESTATUS[0]}]"
done
rm -rf "$T"
