#!/usr/bin/env python3
"""Probe: expired vaccine destroyed straight from the cold room on the day after expiry (no isolation transfer)."""
import json, glob
src = glob.glob('../ledgers/321-*.jsonl')[0]
ev = [json.loads(l) for l in open(src)]
out = []
for e in ev:
    if e['kind'] == 'transfer' and e['data']['doc'] == 'YK2026120001':
        e = {"v": 2, "id": e['id'], "kind": "destruction", "occurred_at": e['occurred_at'], "entered_at": e['entered_at'],
             "recorded_by": ["质管-许宁", "保管-潘磊"],
             "data": {"doc": "XH-P2", "reason": "过期疫苗", "method": "高温灭菌后交医疗废物处置单位焚烧",
                      "lines": [{"product": "86979002000028", "batch": "PPV202412X", "quantity": 10, "from": "CR-2"}]}}
    if e['kind'] == 'destruction' and e['data']['doc'] == 'XH2026120001':
        e['data']['lines'] = [l for l in e['data']['lines'] if l['batch'] != 'PPV202412X']
    out.append(e)
with open('p2.jsonl', 'w', encoding='utf-8') as f:
    for e in out:
        f.write(json.dumps(e, ensure_ascii=False, separators=(',', ':')) + '\n')
