#!/usr/bin/env python3
# t2: "a retry never doubles an event": re-imports of the same business data in shapes an ERP produces.
import csv, io, json, sys, re
sys.path.insert(0, __import__("os").path.dirname(__file__)); from h import *
G = list(csv.reader(open("goods-utf8.csv", encoding="utf-8", newline="")))
F = list(csv.reader(open("finance-utf8.csv", encoding="utf-8", newline="")))
def write(rows, name, enc="utf-8", bom=b""):
    s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rows)
    open(name, "wb").write(bom + s.getvalue().encode(enc)); return name
def kinds(led):
    c = {}
    for e in payloads(led): c[e["kind"]] = c.get(e["kind"], 0) + 1
    return c
def docs(led):
    c = {}
    for e in payloads(led):
        d = e.get("data", {}).get("doc")
        if d: c[(e["kind"], d)] = c.get((e["kind"], d), 0) + 1
    return {k: v for k, v in c.items() if v > 1}
def imp(led, files, maps, label):
    b = state(led); res = run(["import", "csv", led] + files + sum([["--mapping", m] for m in maps], [])); a = state(led)
    show(label, res, b, a, 3); return res
def check(led):
    rc, out, err, _ = run(["check", led, "--format", "json"])
    try: j = json.loads(out); rules = sorted({f["rule"] for f in j.get("findings", [])})
    except Exception: rules = out[:200]
    print(f"  check rc={rc} rules={rules}  docs stored twice: {docs(led)}\n")

# A. baseline: the same two files twice
L = fresh("T2A"); imp(L, ["goods-utf8.csv", "finance-utf8.csv"], ["goods-u8.toml", "finance-u8.toml"], "A1 first import")
imp(L, ["goods-utf8.csv", "finance-utf8.csv"], ["goods-u8.toml", "finance-u8.toml"], "A2 same import again (expect 0 appended)")
# B. the ERP corrects the time of receipt SH2026101000001 by one minute and the month is re-exported
g = [list(r) for r in G]; 
for r in g:
    if r[1] == "SH2026101000001": r[2] = "2026-10-10 10:21"
write(g, "t2_g_time.csv")
imp(L, ["t2_g_time.csv", "finance-utf8.csv"], ["goods-u8.toml", "finance-u8.toml"], "B re-export, receipt SH2026101000001 业务时间 corrected 10:20 -> 10:21 (docs: changed document is refused)")
check(L)
# C. invoice number re-keyed with a trailing zero-width space / full-width letters (ERP copy-paste)
L = fresh("T2C"); imp(L, ["goods-utf8.csv", "finance-utf8.csv"], ["goods-u8.toml", "finance-u8.toml"], "C1 first import")
g = [list(r) for r in G]
for r in g:
    if r[1] == "RK2026101000001": r[1] = "RK2026101000001\u200b"
write(g, "t2_g_zw.csv")
imp(L, ["t2_g_zw.csv"], ["goods-u8.toml"], "C2 re-export where 单据编号 RK2026101000001 carries a zero-width space")
g = [list(r) for r in G]
for r in g:
    if r[1] == "RK2026101000001": r[1] = "ＲＫ2026101000001"
write(g, "t2_g_fw.csv")
imp(L, ["t2_g_fw.csv"], ["goods-u8.toml"], "C3 re-export where 单据编号 is written with full-width ＲＫ")
rc, out, err, _ = run(["summary", L]); print("  summary stock lines:", [l for l in out.splitlines() if "WH-A" in l or "RCV" in l][:6])
check(L)
# D. a mapping without group_by (one row = one event, id from the line number); the ERP re-exports
#    with a blank row after the header (or a new payment on top, newest first)
m = open("finance-u8.toml", encoding="utf-8").read()
pm = 'name = "erp-pay"\nencoding = "utf-8"\ntimezone = "+08:00"\n' + m[m.index("[[document]]\nkind = \"payment\""):].replace('group_by = "单据号"\n', "")
open("t2_pay.toml", "w", encoding="utf-8").write(pm)
pay = [F[0]] + [r for r in F[1:] if r[0] in ("付款单", "收款单")]
L = fresh("T2D"); imp(L, ["goods-utf8.csv", "finance-utf8.csv"], ["goods-u8.toml", "finance-u8.toml"], "D0 goods + invoices + payments")
L2 = fresh("T2E"); 
inv = [F[0]] + [r for r in F[1:] if r[0] not in ("付款单", "收款单")]
write(inv, "t2_inv.csv"); write(pay, "t2_pay.csv")
imp(L2, ["goods-utf8.csv", "t2_inv.csv"], ["goods-u8.toml", "finance-u8.toml"], "D1 goods + invoices")
imp(L2, ["t2_pay.csv"], ["t2_pay.toml"], "D2 payments, mapping without group_by")
imp(L2, ["t2_pay.csv"], ["t2_pay.toml"], "D3 the same payments file again (expect 0 appended)")
write([pay[0], [""] * len(pay[0])] + pay[1:], "t2_pay_blank.csv")
imp(L2, ["t2_pay_blank.csv"], ["t2_pay.toml"], "D4 the same payments re-exported with one empty row after the header (rows with all cells empty are ignored)")
print("  kinds:", kinds(L2)); check(L2)
# E. an embedded newline in a quoted cell of an earlier row shifts the physical line numbers
L3 = fresh("T2F"); imp(L3, ["goods-utf8.csv", "t2_inv.csv"], ["goods-u8.toml", "finance-u8.toml"], "E1 goods + invoices")
imp(L3, ["t2_pay.csv"], ["t2_pay.toml"], "E2 payments")
p2 = [list(r) for r in pay]; p2[1][4] = "财务-韩雪"  # same
p2[1][1] = p2[1][1]  # unchanged
# same payments, but the first one's 经办人 cell wrapped over two lines by the ERP (list separators split it)
p3 = [list(r) for r in pay]; p3[1][4] = "财务-韩雪;\n财务-王芳"
write(p3, "t2_pay_nl.csv")
imp(L3, ["t2_pay_nl.csv"], ["t2_pay.toml"], "E3 first payment gains a second 经办人 on a new line inside its quoted cell (changed doc expected to be refused, others skipped)")
print("  kinds:", kinds(L3)); check(L3)
# F. an unmapped 备注 column: the re-export carries a two-line remark on the first payment (content of mapped cells unchanged)
L4 = fresh("T2G"); imp(L4, ["goods-utf8.csv", "t2_inv.csv"], ["goods-u8.toml", "finance-u8.toml"], "F1 goods + invoices")
pr = [r + ["备注"] if i == 0 else r + [""] for i, r in enumerate(pay)]
write(pr, "t2_pay_rem.csv"); imp(L4, ["t2_pay_rem.csv"], ["t2_pay.toml"], "F2 payments with an empty 备注 column")
pr2 = [list(r) for r in pr]; pr2[1][-1] = "第一行\n第二行"
write(pr2, "t2_pay_rem2.csv"); imp(L4, ["t2_pay_rem2.csv"], ["t2_pay.toml"], "F3 the same payments, the unmapped 备注 of the first one now spans two lines")
print("  kinds:", kinds(L4)); check(L4)
# G. REC-DOC text for case B
rc, out, err, _ = run(["check", "T2A"]); print("  check T2A (case B) text:\n" + "\n".join("  | " + l[:300] for l in out.splitlines()[:12]))
