#!/usr/bin/env python3
# t6b: time of `import csv` for one document of N rows, against N (one row = one line of a 盘点单)
import csv, io, sys, os
sys.path.insert(0, os.path.dirname(__file__)); from h import *
G = list(csv.reader(open("goods-utf8.csv", encoding="utf-8", newline="")))
H = G[0]; cnt = [r for r in G if r[0] == "盘点单"][0]
def mk(N, split_docs):
    rows = [H] + [r for r in G[1:] if r[0] != "盘点单"]
    for i in range(N):
        r = list(cnt); r[H.index("批号")] = "B%07d" % i; r[H.index("数量")] = "1"
        if split_docs: r[H.index("单据编号")] = "PD%09d" % i
        rows.append(r)
    s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rows); open("t6b.csv", "w", encoding="utf-8").write(s.getvalue())
for split in (False, True):
    for N in (5000, 10000, 20000, 40000):
        mk(N, split); L = fresh("T6B")
        res = run(["import", "csv", L, "t6b.csv", "--mapping", "goods-u8.toml"], timeout=300)
        print(f"{'N documents of 1 row' if split else 'one document of N rows'}: N={N} csv={os.path.getsize('t6b.csv')} rc={res[0]} [{res[3]}] {(res[1]+res[2]).strip().splitlines()[0][:120] if (res[1]+res[2]).strip() else ''}", flush=True)
