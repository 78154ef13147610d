#!/usr/bin/env python3
# t10: resource use of `import csv` on shapes that are small on disk: very wide rows, many tiny rows, many repeated rows
import csv, io, sys, os
sys.path.insert(0, os.path.dirname(__file__)); from h import *
G = list(csv.reader(open("goods-utf8.csv", encoding="utf-8", newline="")))
def w(rr, n):
    s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rr); open(n, "w", encoding="utf-8").write(s.getvalue()); return n
extra = 300000
w([G[0] + ["x%d" % i for i in range(extra)]] + [r + [""] * extra for r in G[1:]], "t10_wide.csv")
L = fresh("T10"); show(f"W {extra} extra unmapped columns ({os.path.getsize('t10_wide.csv')} bytes)", run(["import", "csv", L, "t10_wide.csv", "--mapping", "goods-u8.toml"], timeout=300))
w([G[0]] + [[""] * len(G[0])] * 2000000 + G[1:], "t10_empty.csv")
L = fresh("T10"); show(f"E 2M all-empty rows then the data ({os.path.getsize('t10_empty.csv')} bytes)", run(["import", "csv", L, "t10_empty.csv", "--mapping", "goods-u8.toml"], timeout=300))
w([G[0]] + [G[16]] * 3000 , "t10_rep.csv")
L = fresh("T10"); show(f"R one stock-count row repeated 3000 times (cell-for-cell repeats warn)", run(["import", "csv", L, "t10_rep.csv", "--mapping", "goods-u8.toml"], timeout=300))
for f in ("t10_wide.csv", "t10_empty.csv"): os.remove(f)
