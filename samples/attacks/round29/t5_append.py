#!/usr/bin/env python3
# t5: `append` idempotency under re-serialisation, and Unicode look-alikes in ids (party, product, doc)
import json, sys, os, copy
sys.path.insert(0, os.path.dirname(__file__)); from h import *
lines = [l for l in open("e.jsonl", encoding="utf-8")][:300]
open("t5_a.jsonl", "w", encoding="utf-8").writelines(lines)
L = fresh("T5", master=False)
show("A1 append 300 gen events", run(["append", L, "t5_a.jsonl"]))
def re(name, f, label):
    out = [f(json.loads(l)) for l in lines]; open(name, "w", encoding="utf-8").write("".join(x + "\n" for x in out))
    b = state(L); res = run(["append", L, name]); a = state(L); show(label, res, b, a, 3)
re("t5_b.jsonl", lambda e: json.dumps(e, ensure_ascii=False, indent=None, separators=(", ", ": ")), "A2 the same events re-serialised with spaces (another JSON library on retry)")
re("t5_c.jsonl", lambda e: json.dumps(dict(reversed(list(e.items()))), ensure_ascii=False), "A3 the same events, keys in another order")
re("t5_d.jsonl", lambda e: json.dumps(e, ensure_ascii=True), "A4 the same events with \\uXXXX escapes for Chinese")
def tz(e):
    e = copy.deepcopy(e); t = e["occurred_at"]
    if t.endswith("Z") and len(t) == 20:
        import datetime as d; x = d.datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ") + d.timedelta(hours=8); e["occurred_at"] = x.strftime("%Y-%m-%dT%H:%M:%S+08:00")
    return json.dumps(e, ensure_ascii=False)
re("t5_e.jsonl", tz, "A5 the same events, occurred_at written in +08:00 instead of Z (the same instant)")
print("  records:", len(records(L)))
# Unicode look-alikes: register a party whose id is the NFD / zero-width / full-width twin of an existing one
self_ = json.loads(lines[0]); P = self_["data"]["party"]
def party(pid, idn, name):
    e = copy.deepcopy(self_); e["id"] = "01a0efd3-5680-7bae-b079-%012x" % idn; e["data"]["party"] = pid; e["data"]["name"] = name; e["data"]["relation"] = "supplier" if "relation" in e["data"] else None
    return json.dumps(e, ensure_ascii=False)
tw = [party(P + "\u200b", 1, "浙江康源医药有限公司"), party(P.replace("K", "\u041a"), 2, "浙江康源医药有限公司"), party("９" + P[1:], 3, "浙江康源医药有限公司"),
      party("Cafe\u0301", 4, "X"), party("Caf\u00e9", 5, "X")]
open("t5_tw.jsonl", "w", encoding="utf-8").write("\n".join(tw) + "\n")
b = state(L); res = run(["append", L, "t5_tw.jsonl"]); a = state(L); show("B1 parties whose ids are a zero-width / Cyrillic-К / full-width / NFD-NFC twin of existing ids", res, b, a, 3)
res = run(["check", L]); txt = res[1]
print("  check mentions of the twins:", [l[:200] for l in txt.splitlines() if "U+200B" in l or "\u041a" in l or "９" in l or "Caf" in l][:6])
res = run(["summary", L]); print("  summary lines with twins:", [l[:160] for l in res[1].splitlines() if "康源" in l][:6])
