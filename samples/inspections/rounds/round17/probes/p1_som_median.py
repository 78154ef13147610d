#!/usr/bin/env python3
"""Probe: which 'median' SOM uses for an even number of peers (ledger 214 with sale quantities edited;
only SOM findings are looked at: the edited sales no longer match their reviews, dispatches and invoices)."""
import json, subprocess, tempfile, os, glob
BIN = "/work/insp17/bin/rxledger"
src = glob.glob("/work/insp17/round17/ledgers/214-*.jsonl")[0]
lines = open(src, encoding="utf-8").read().splitlines()
def run(edits, label):
    ls = list(lines)
    for n, q in edits.items():
        e = json.loads(ls[n - 1]); assert e['kind'] == 'sale'
        e['data']['lines'][0]['quantity'] = q
        ls[n - 1] = json.dumps(e, ensure_ascii=False, separators=(',', ':'))
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "x.jsonl"); open(p, "w").write("\n".join(ls) + "\n")
        L = os.path.join(d, "L")
        subprocess.run([BIN, "init", L], check=True, capture_output=True)
        subprocess.run([BIN, "append", L, p], check=True, capture_output=True)
        c = subprocess.run([BIN, "check", L, "--format", "json", "--lang", "en"], capture_output=True, text=True)
        doc = json.loads(c.stdout)
    som = [(f['seq'], f['message']) for f in doc['findings'] if f['rule'] == 'SOM']
    print(f"== {label}")
    for s, m in som:
        print(f"   SOM {s}: {m}")
    if not som:
        print("   (no SOM)")
# P2 sales are the Tuesday 15:00 sales; find them
sales = [(i, json.loads(l)) for i, l in enumerate(lines, 1)]
sales = [(i, e) for i, e in sales if e['kind'] == 'sale']
q2, q3 = 57, 61
p2 = [i for i, e in sales if e['data']['customer'] == json.loads(lines[q2-1])['data']['customer']]
print("q2 line", q2, "q3 line", q3)
run({}, "as frozen: peers P1 40 (5 orders), P2 60 (4 orders); q2 500, q3 501")
run({q3: 599}, "q3 599")
run({q3: 600}, "q3 600")
run({q3: 601}, "q3 601 (10.02x of 60)")
run({q2: 401, q3: 399}, "q2 401 (10.03x of 40), q3 399")
# P2 orders edited to 80 (before q2): peers 40 and 80
p2_customer = None
for i, e in sales:
    if e['data']['lines'][0]['quantity'] == 60:
        p2_customer = e['data']['customer']; break
p2_lines = [i for i, e in sales if e['data']['customer'] == p2_customer]
run({**{i: 80 for i in p2_lines}, q3: 601}, "P2's orders 80: peers 40, 80 (mean 60, upper 80); q3 601")
run({**{i: 80 for i in p2_lines}, q3: 801}, "P2's orders 80; q3 801 (10.01x of 80)")
