#!/usr/bin/env python3
# t6: one CSV document whose event is larger than the 16 MiB line limit of append/readers; memory of import
import csv, io, json, sys, os
sys.path.insert(0, os.path.dirname(__file__)); from h import *
G = list(csv.reader(open("goods-utf8.csv", encoding="utf-8", newline="")))
H = G[0]; cnt = [r for r in G if r[0] == "盘点单"][0]
N = int(sys.argv[1]) if len(sys.argv) > 1 else 330000
rows = [H] + [r for r in G[1:] if r[0] != "盘点单"]
for i in range(N):
    r = list(cnt); r[H.index("批号")] = "B%07d" % i + "X" * 20; r[H.index("数量")] = "1"; rows.append(r)
s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rows); open("t6_big.csv", "w", encoding="utf-8").write(s.getvalue())
print("csv bytes", os.path.getsize("t6_big.csv"))
L = fresh("T6")
b = state(L); res = run(["import", "csv", L, "t6_big.csv", "--mapping", "goods-u8.toml"], timeout=int(os.environ.get("T6_TIMEOUT", "120"))); a = state(L)
show(f"import of a 盘点单 with {N} rows (one event)", res, b, a)
if res[0] == 0:
    seg = max(os.path.getsize(os.path.join(L, f)) for f in os.listdir(L) if f.startswith("seg-"))
    print("  largest segment bytes", seg)
    for args in (["verify", L], ["check", L], ["summary", L], ["export", L, "-o", "t6.jsonl"]):
        show(" ".join(args[:1]) + " of the ledger holding it", run(args, timeout=600))
    show("append of the exported record's event line (as an integrator re-sending it)", run(["verify", "t6.jsonl"], timeout=600))
    ln = max(len(l) for l in open("t6.jsonl", "rb"))
    print("  longest exported line bytes", ln)
    # copy the ledger
    import shutil; shutil.rmtree("T6c", ignore_errors=True)
    show("copy of the ledger", run(["copy", L, "T6c"], timeout=600))
    # re-import the same file: must be 0 appended
    show("the same import again", run(["import", "csv", L, "t6_big.csv", "--mapping", "goods-u8.toml"], timeout=600))
