#!/usr/bin/env python3
# t7: hostile document numbers arriving through import csv, then check in json/sarif/junit/text --lang zh and report
import csv, io, sys, os, json
import xml.dom.minidom as X
sys.path.insert(0, os.path.dirname(__file__)); from h import *
G = list(csv.reader(open("goods-utf8.csv", encoding="utf-8", newline="")))
bad = "SH]]>\x00\x01\x0b\x1b[31m\u0085\u2028\uffff\ufdd0\U0010FFFF</script><!--\u202e"
rr = [list(r) for r in G]
for r in rr[1:]:
    if r[1] == "SH2026101000001": r[1] = bad; r[rr[0].index("关联单号")] = "CG-NOPE\uffff"; r[rr[0].index("质检人员")] = "验收\x1b]0;pwn\x07"
s = io.StringIO(); csv.writer(s, lineterminator="\r\n").writerows(rr); open("t7.csv", "w", encoding="utf-8").write(s.getvalue())
L = fresh("T7"); show("import of a receipt numbered with controls, noncharacters, ]]>, </script>", run(["import", "csv", L, "t7.csv", "--mapping", "goods-u8.toml"]))
for fmt in ("json", "sarif", "junit"):
    rc, out, err, _ = run(["check", L, "--format", fmt, "-o", f"t7.{fmt}"])
    data = open(f"t7.{fmt}", "rb").read()
    try:
        if fmt == "junit": X.parseString(data); ok = "well-formed XML"
        else: json.loads(data); ok = "valid JSON"
    except Exception as e: ok = f"INVALID: {e}"
    raw = [c for c in ("\x00", "\x1b", "\uffff", "\u202e", "\x0b") if c.encode() in data]
    print(f"### check --format {fmt}: rc={rc} {ok}; raw control/nonchar bytes present: {[hex(ord(c)) for c in raw]}")
for lang in ("en", "zh"):
    rc, out, err, _ = run(["check", L, "--lang", lang])
    raw = [hex(ord(c)) for c in ("\x00", "\x1b", "\uffff", "\u202e", "\x0b", "\x85") if c in out]
    print(f"### check text --lang {lang}: rc={rc}; raw controls in terminal text: {raw}")
    print("\n".join("  | " + l[:220] for l in out.splitlines() if "SH" in l)[:1200])
rc, out, err, _ = run(["report", L, "-o", "t7.html"]); h = open("t7.html", encoding="utf-8").read()
print(f"### report: rc={rc}; '</script><!--' raw in html: {'</script><!--' in h}; ']]>' raw: {']]>' in h}; U+202E raw: {chr(0x202e) in h}; NUL raw: {chr(0) in h}")
for a in (["log", L], ["summary", L], ["trace", "--batch", "86933021156015:2609150231", L]):
    rc, out, err, _ = run(a); raw = [hex(ord(c)) for c in ("\x00", "\x1b", "\uffff", "\u202e") if c in out + err]
    print(f"### {a[0]}: rc={rc}; raw controls: {raw}")
