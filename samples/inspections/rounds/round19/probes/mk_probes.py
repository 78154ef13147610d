"""Variants for the probes (deterministic). Usage: mk_probes.py LEDGERDIR OUTDIR"""
import sys, json, glob, os
L, O = sys.argv[1], sys.argv[2]
os.makedirs(O, exist_ok=True)
def rd(prefix):
    return open(glob.glob(f"{L}/{prefix}*.jsonl")[0], encoding="utf-8").read().splitlines()
def wr(name, lines, nl=True, bom=False, crlf=False):
    sep = "\r\n" if crlf else "\n"
    s = sep.join(lines) + (sep if nl else "")
    with open(f"{O}/{name}", "w", encoding="utf-8", newline="") as f:
        f.write(("\ufeff" if bom else "") + s)
m = rd("244")
# malformed line in the middle (line 300 cut inside a string)
x = list(m); x[299] = x[299][:120]; wr("malformed300.jsonl", x)
# a field of the wrong type: quantity as a string on the first sale line
x = list(m)
for i, l in enumerate(x):
    e = json.loads(l)
    if e["kind"] == "sale":
        e["data"]["lines"][0]["quantity"] = "10"; x[i] = json.dumps(e, ensure_ascii=False, separators=(",", ":")); bad = i + 1; break
wr("quantity-string.jsonl", x); print("quantity-string line", bad)
# a missing field: a receipt line without its batch
x = list(m)
for i, l in enumerate(x):
    e = json.loads(l)
    if e["kind"] == "receipt":
        del e["data"]["lines"][0]["batch"]; x[i] = json.dumps(e, ensure_ascii=False, separators=(",", ":")); bad = i + 1; break
wr("missing-batch.jsonl", x); print("missing-batch line", bad)
# a cut-off file: the last line truncated inside a string, no final newline
x = list(m); x[-1] = x[-1][:200]; wr("cutoff.jsonl", x, nl=False)
# the same file with its line 500 re-sent as the last line
wr("resent.jsonl", m + [m[499]])
# the first 400 lines (an interrupted transfer), then the whole file
wr("first400.jsonl", m[:400])
# the same id with different content (payment amount changed), appended after the file
x = json.loads(m[-10]); 
for l in reversed(m):
    e = json.loads(l)
    if e["kind"] == "payment":
        e["data"]["amount"]["minor"] += 100; break
wr("sameid-changed.jsonl", [json.dumps(e, ensure_ascii=False, separators=(",", ":"))])
# BOM + CRLF copy
wr("bom-crlf.jsonl", m, bom=True, crlf=True)
# blank line inside and trailing spaces after a line
x = list(m); x.insert(100, ""); x[200] = x[200] + "   "; wr("blank-and-trailing-space.jsonl", x)
# --- codes: 236 + a dispatch of a rejected-but-scanned unit (code A[23], rejected on receipt line 6, never put away)
a = rd("236")
disp = next(json.loads(l) for l in a if json.loads(l)["kind"] == "dispatch")
e = json.loads(json.dumps(disp)); e["id"] = e["id"][:-4] + "ffff"
e["data"]["doc"] = "PS202611069999"; e["data"]["lines"] = [{"product": disp["data"]["lines"][0]["product"], "batch": "2609041", "quantity": 1, "from": "SP-1", "codes": ["81345670000000000024"]}]
e["occurred_at"] = "2026-11-13T18:00:00+08:00"; e["entered_at"] = "2026-11-13T18:05:00+08:00"
wr("236-plus-rejected-code-dispatched.jsonl", a + [json.dumps(e, ensure_ascii=False, separators=(",", ":"))])
# --- append counting (237): a dispatch line of 8 with 9 DIFFERENT units -> refused
b = rd("237")
x = list(b)
for i, l in enumerate(x):
    e = json.loads(l)
    if e["kind"] == "dispatch":
        c = e["data"]["lines"][0]["codes"]; c[-1] = c[-1].replace("S0004", "S0099"); x[i] = json.dumps(e, ensure_ascii=False, separators=(",", ":")); bad = i + 1; break
wr("237-nine-units-for-eight.jsonl", x); print("237 nine-units line", bad)
# same GTIN+serial with another batch AI (one unit) and a lower-case serial (another unit) on a receipt of 2
G = "06901234560015"
for name, codes in [("gs1-batch-differs-one-unit.jsonl", [f"(01){G}(10)B1(21)S1", f"(01){G}(10)B2(21)S1", f"(01){G}(21)S2"]),
                    ("gs1-lowercase-serial-another-unit.jsonl", [f"(01){G}(21)S1", f"(01){G}(21)s1", f"(01){G}(21)S2"]),
                    ("code-with-leading-space.jsonl", [" 81345670000000000001", "81345670000000000002"])]:
    x = list(b)
    for i, l in enumerate(x):
        e = json.loads(l)
        if e["kind"] == "receipt":
            ln = e["data"]["lines"][0]; ln["arrived"] = 2; ln["accepted"] = 2; ln["rejected"] = 0; ln.pop("reject_reason", None); ln["codes"] = codes
            x[i] = json.dumps(e, ensure_ascii=False, separators=(",", ":")); break
    wr(name, x[:i + 1])
    print(name, "receipt line", i + 1)
# --- 236 + the supplier re-delivers the 2 units rejected (and scanned) on receipt line 6, in a later delivery, accepted this time
rc = next(json.loads(l) for l in a if json.loads(l)["kind"] == "receipt")
po = next(json.loads(l) for l in a if json.loads(l)["kind"] == "purchase")
e = json.loads(json.dumps(rc)); e["id"] = e["id"][:-4] + "eeee"
e["data"]["doc"] = "SH202611140001"; e["refs"]["delivery_note"] = ["HE-PS2609041R"]
ln = e["data"]["lines"][0]; ln.update(arrived=2, accepted=2, rejected=0); ln.pop("reject_reason", None)
ln["codes"] = ["81345670000000000023", "81345670000000000024"]
e["occurred_at"] = "2026-11-14T10:00:00+08:00"; e["entered_at"] = "2026-11-14T10:05:00+08:00"
p2 = json.loads(json.dumps(po)); p2["id"] = p2["id"][:-4] + "dddd"; p2["data"]["doc"] = "CG202611130001"; p2["data"]["lines"][0]["quantity"] = 2
p2["occurred_at"] = "2026-11-13T19:00:00+08:00"; p2["entered_at"] = "2026-11-13T19:05:00+08:00"
e["refs"]["order"] = ["CG202611130001"]
wr("236-plus-rejected-units-redelivered.jsonl", a + [json.dumps(p2, ensure_ascii=False, separators=(",", ":")), json.dumps(e, ensure_ascii=False, separators=(",", ":"))])
# --- quantity spellings on the first sale line of 244
for tag, val in [("float", 10.0), ("null", None), ("exp", "1e1"), ("huge", 10**13), ("neg", -5)]:
    x = list(m)
    for i, l in enumerate(x):
        ev = json.loads(l)
        if ev["kind"] == "sale":
            ev["data"]["lines"][0]["quantity"] = val
            s = json.dumps(ev, ensure_ascii=False, separators=(",", ":"))
            if tag == "exp": s = s.replace('"quantity":"1e1"', '"quantity":1e1')
            x[i] = s; break
    wr(f"quantity-{tag}.jsonl", x)
