"""Variants of ledger 252's clean twin for bad-input probes (written to probes/W)."""
import json, os, sys
R = "/work/insp20/round20"
sys.path.insert(0, R + "/generator")
from l252_255 import small
W = R + "/probes/W"; os.makedirs(W, exist_ok=True)
L = small("252")
text = L.dump()
lines = text.splitlines(keepends=True)
n = L.line_of("DISP")
open(W + "/base.jsonl", "w", encoding="utf-8").write(text)
def variant(name, value_json):
    ls = list(lines)
    ev = json.loads(ls[n - 1])
    s = json.dumps(ev, ensure_ascii=False, separators=(',', ':'))
    s = s.replace('"quantity":12', '"quantity":' + value_json, 1)
    ls[n - 1] = s + "\n"
    open(W + "/q-%s.jsonl" % name, "w", encoding="utf-8").write("".join(ls))
for name, v in (("null", "null"), ("float", "12.0"), ("frac", "12.5"), ("exp", "1.2e1"), ("neg", "-12"), ("bool", "true"),
                ("list", "[12]"), ("obj", '{"n":12}'), ("big", "10000000000000"), ("u64", "18446744073709551616"),
                ("str", '"12"'), ("strsp", '" 12"'), ("zero", "0")):
    variant(name, v)
# money of the wrong type: an invoice total as a string
ls = list(lines)
for i, l in enumerate(ls):
    ev = json.loads(l)
    if ev["kind"] == "invoice":
        ev["data"]["total"]["minor"] = str(ev["data"]["total"]["minor"])
        ls[i] = json.dumps(ev, ensure_ascii=False, separators=(',', ':')) + "\n"; break
open(W + "/money-str.jsonl", "w", encoding="utf-8").write("".join(ls))
# malformed line in the middle (a missing brace), a re-sent line, a trailing garbage line, a BOM+CRLF copy
ls = list(lines); ls[9] = ls[9].rstrip("\n")[:-1] + "\n"
open(W + "/malformed10.jsonl", "w", encoding="utf-8").write("".join(ls))
ls = list(lines) + [lines[14]]
open(W + "/resent15.jsonl", "w", encoding="utf-8").write("".join(ls))
open(W + "/bomcrlf.jsonl", "w", encoding="utf-8", newline="").write("\ufeff" + "".join(l.replace("\n", "\r\n") for l in lines))
# same id, different content
ls = list(lines); ev = json.loads(ls[20]); ev["recorded_by"] = ["财务-另一人"]
open(W + "/sameid.jsonl", "w", encoding="utf-8").write(json.dumps(ev, ensure_ascii=False, separators=(',', ':')) + "\n")
# the first half, then the whole (a retry after an interrupted transfer)
open(W + "/half.jsonl", "w", encoding="utf-8").write("".join(lines[:13]))
print("dispatch line", n)
