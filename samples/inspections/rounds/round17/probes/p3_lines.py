#!/usr/bin/env python3
"""Edges around lines of one record: more code entries than units (a re-scan), TEMP-ZONE with two wrong
receipt lines, SPECIAL-DESTROY with three controlled lines and an ordinary one between them."""
import json, copy
from probelib import *
# a) 223's re-scan dispatch d3: 10 units, 10 entries (one twice). Add an 11th entry (the missing unit): 11 entries for 10 units
L = ledger(223)
for i, l in enumerate(L):
    e = json.loads(l)
    if e['kind'] == 'dispatch' and e['occurred_at'].startswith('2026-10-19'):
        d3 = i
e = json.loads(L[d3]); codes = e['data']['lines'][0]['codes']
missing = codes[-2][:-2] + f"{int(codes[-2][-2:]) + 1:02d}"
e2 = copy.deepcopy(e); e2['data']['lines'][0]['codes'] = codes + [missing]
L2 = list(L); L2[d3] = dump(e2)
show(check(L2), None, f"223 line {d3+1}: 10 units listed with 11 entries (9 distinct + one read twice + the missing {missing})")
# b) 216's dispatch d2 with the repeat on line 2 and line 2 quantity 5 but 6 entries (the missed SP-2 unit added)
L = ledger(216)
e = json.loads(L[25]); assert e['kind'] == 'dispatch'
rep = e['data']['lines'][1]['codes'][-1]
miss = e['data']['lines'][1]['codes'][-2][:-2] + f"{int(e['data']['lines'][1]['codes'][-2][-2:]) + 1:02d}"
e2 = copy.deepcopy(e); e2['data']['lines'][1]['codes'] = e['data']['lines'][1]['codes'] + [miss]
L2 = list(L); L2[25] = dump(e2)
show(check(L2), {"SPECIAL-CHAIN", "CODE-DUP", "CODE-UNKNOWN"}, f"216 line 26: line 2 lists 6 entries for 5 units (4 SP-2 codes, the repeat {rep} of line 1, and the missed {miss})")
# c) the same repeat within one line of the same record and location (line 1 lists c1[9] twice, line 2 complete)
e3 = copy.deepcopy(e); l1 = e3['data']['lines'][0]['codes']; e3['data']['lines'][0]['codes'] = l1[:4] + [l1[3]]
e3['data']['lines'][1]['codes'] = e['data']['lines'][1]['codes'][:4] + [miss]
L3 = list(L); L3[25] = dump(e3)
show(check(L3), {"SPECIAL-CHAIN", "CODE-DUP", "CODE-UNKNOWN"}, "216 line 26 variant: line 1 lists its 4th code twice (5th unit unscanned), line 2 complete")
# d) 217: receipt rb with a second line, ibuprofen accepted into CR-3 too (two wrong lines in one receipt)
L = ledger(217)
e = json.loads(L[18]); assert e['kind'] == 'receipt'
l2 = copy.deepcopy(e['data']['lines'][0]); l2.update({"product": "86903312000617", "batch": "B2609999", "arrived": 10, "accepted": 10, "location": "CR-3"})
e2 = copy.deepcopy(e); e2['data']['lines'].append(l2)
L2 = list(L); L2[18] = dump(e2)
show(check(L2), {"TEMP-ZONE"}, "217 line 19 with a second wrong line (布洛芬 10-30 into CR-3 2-10; not on the order)")
# e) 219: destruction x1 with three controlled lines and an ordinary line between them
L = ledger(219)
e = json.loads(L[55]); assert e['kind'] == 'destruction'
mor, dzp = e['data']['lines']
m1 = copy.deepcopy(mor); m1['quantity'] = 4; m1['codes'] = mor['codes'][:4]
m2 = copy.deepcopy(mor); m2['quantity'] = 3; m2['codes'] = mor['codes'][4:]
amx = {"product": "86903312000471", "batch": "A2602087", "quantity": 1, "from": "QA"}
e2 = copy.deepcopy(e); e2['data']['lines'] = [amx, m1, dzp, m2]
L2 = list(L); L2[55] = dump(e2)
show(check(L2), {"SPECIAL-DESTROY"}, "219 line 56 as [阿莫西林 1, 吗啡 4, 地西泮 5, 吗啡 3] without supervisors")
show(check(L2, lang="zh"), {"SPECIAL-DESTROY"}, "same, zh")
