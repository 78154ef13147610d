#!/usr/bin/env python3
# t9: several files in one import: failure in the last file, a document split across files, a file named twice
import csv, io, sys, os
sys.path.insert(0, os.path.dirname(__file__)); from h import *
G = list(csv.reader(open("goods-utf8.csv", encoding="utf-8", newline="")))
def w(rr, n):
    s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rr); open(n, "w", encoding="utf-8").write(s.getvalue()); return n
def imp(L, files, maps, label):
    b = state(L); res = run(["import", "csv", L] + files + sum([["--mapping", m] for m in maps], [])); a = state(L); show(label, res, b, a, 3)
bad = open("finance-utf8.csv", encoding="utf-8").read().rstrip("\r\n").rsplit("\n", 1); 
open("t9_fin_bad.csv", "w", encoding="utf-8").write(bad[0] + "\n" + bad[1].replace("银行转账", "比特币") + "\r\n")
L = fresh("T9"); imp(L, ["goods-utf8.csv", "t9_fin_bad.csv"], ["goods-u8.toml", "finance-u8.toml"], "A goods ok + finance bad on its last line (all or nothing)")
# document SH2026101000001 split: its first row in file 1, its second row in file 2
a = [G[0]] + [r for i, r in enumerate(G[1:], 2) if i != 5]; b = [G[0], G[4]]
w(a, "t9_p1.csv"); w(b, "t9_p2.csv")
L = fresh("T9B"); imp(L, ["t9_p1.csv", "t9_p2.csv"], ["goods-u8.toml"], "B receipt SH2026101000001 split across two files of one import (docs: must be in one file)")
L = fresh("T9C"); imp(L, ["t9_p1.csv"], ["goods-u8.toml"], "C1 file 1 only"); imp(L, ["t9_p2.csv"], ["goods-u8.toml"], "C2 then file 2 alone (the second half of the receipt)")
recs = [e for e in payloads(L) if e["kind"] == "receipt"]; print("  receipts stored:", [(e["data"]["doc"], len(e["data"]["lines"])) for e in recs])
L = fresh("T9D"); imp(L, ["goods-utf8.csv", "goods-utf8.csv"], ["goods-u8.toml"], "D the same file named twice in one import")
