#!/usr/bin/env python3
# t1: hostile cell values in `import csv` (numbers, money, dates, instants, lists): what is stored?
import csv, io, json, sys
sys.path.insert(0, __import__("os").path.dirname(__file__)); from h import *
rows = list(csv.reader(open("goods-utf8.csv", encoding="utf-8", newline="")))
H = rows[0]
def variant(cells, name="t1.csv", drop_after=None):
    rr = [list(r) for r in rows]
    for (line, col), v in cells.items():
        rr[line - 1][H.index(col)] = v
    s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rr); open(name, "w", encoding="utf-8").write(s.getvalue())
    return name
def case(label, cells, probe):
    f = variant(cells); led = fresh("T1")
    b = state(led); res = run(["import", "csv", led, f, "--mapping", "goods-u8.toml"]); a = state(led)
    show(label, res, b, a, 2)
    if res[0] == 0:
        evs = [e for e in payloads(led) if e["kind"] not in ("party_registered", "product_registered", "zone_registered")]
        print("  stored:", probe(evs)); print()
P = lambda evs: [l.get("quantity") for l in evs[0]["data"]["lines"]]        # purchase quantities
U = lambda evs: [l.get("unit_price") for l in evs[0]["data"]["lines"]]
RC = lambda evs: [(l.get("production_date"), l.get("expiry")) for e in evs if e["kind"]=="receipt" for l in e["data"]["lines"]][:1]
OC = lambda evs: (evs[0]["occurred_at"], evs[0].get("entered_at"))
for v in ["２４００", "2,4,0,0", "24,00", "2.400", "2 400", "2400.0000000000000001", "+2400", "2400e0", "0x960",
          "9007199254740993", "9007199254740993.0", "999999999999.9999999", "1000000000000.4", "18446744073709551617",
          "-0", "1e400", "NaN", "inf", "2,400.000", "٢٤٠٠", "2400\u200b", "\u22122400", "00002400", "２,４００", "2400 箱"]:
    case(f"purchase 数量 = {v!r}", {(2, "数量"): v}, P)
for v in ["8.6", "８.６", "8,6", "8.600", "8.605", "0.001", "¥¥8.6", "8.6元元", "￥ 8.6", "-8.6", "(8.60)", "8.6e0",
          "1,0000.00", "1.234,56", "90071992547409.93", "99999999999999999999.99", "NaN", "8.6 CNY", "$8.6", "８．６０"]:
    case(f"purchase 单价 = {v!r}", {(2, "单价"): v}, U)
for v in ["2026/9/15", "2026/09/15 ", "2026-09-15", "26/09/15", "2026/02/29", "2028/02/29", "+2026/09/15", "20260915",
          "2026/09/15 00:00", "46280", "2026年9月15日", "2026/０９/15", "1999/12/31", "2100/01/01", "０２０２６/09/15"]:
    case(f"receipt 生产日期 = {v!r}", {(4, "生产日期"): v}, RC)
for v in ["2028/08", "2028-8", "2028/13", "2028/00", "2028/08/00", "2028/02/30", "2028-08-31T00:00"]:
    case(f"receipt 有效期至 = {v!r}", {(4, "有效期至"): v}, RC)
for v in ["2026-10-08 09:30:60", "2026-10-08 24:00", "2026-10-08T09:30:00.1234567891+08:00", "2026-10-08T09:30:00+14:00",
          "2026-10-08T09:30:00-12:00", "2026-10-08 09:30 +08:00", "2026-10-08T01:30:00Z", "2026-10-08t01:30:00z",
          "2026-10-08 9:30", "2026-10-08", "2026-10-08T09:30:00+08:00:00", "45938.3958", "2026-10-08 09:30:00.5"]:
    case(f"purchase 业务时间 = {v!r} (制单时间 too)", {(2, "业务时间"): v, (3, "业务时间"): v}, OC)
