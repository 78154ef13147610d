#!/usr/bin/env python3
"""SOM edges beyond the frozen ledgers: 4 peers (222), the 56-day age by instant or by Beijing day (215)."""
import json
from probelib import *
L = ledger(222)
idx = {}
for i, l in enumerate(L, 1):
    e = json.loads(l)
    if e['kind'] == 'sale' and e['occurred_at'].startswith('2026-10-26T14:00'):
        n1 = i
def setq(lines, n, q):
    ls = list(lines); e = json.loads(ls[n - 1]); assert e['kind'] == 'sale'; e['data']['lines'][0]['quantity'] = q; ls[n - 1] = dump(e); return ls
print("222: N1's first order (line", n1, ") against peers A 40, B 50, C 60, D 45 (mean of the middle two 47.5, upper middle 50, lower 45)")
for q in (100, 451, 476, 500, 501):
    show(check(setq(L, n1, q)), {"SOM"}, f"222 N1 first order {q}")
L = ledger(215)
sales = [(i, json.loads(l)) for i, l in enumerate(L, 1)]
h4first = [i for i, e in sales if e['kind'] == 'sale' and e['occurred_at'] == '2026-09-07T14:00:00+08:00'][0]
def sett(lines, n, t):
    ls = list(lines); e = json.loads(ls[n - 1]); e['occurred_at'] = t; e['entered_at'] = t[:14] + f"{int(t[14:16]) + 5:02d}" + t[16:]; ls[n - 1] = dump(e); return ls
show(check(L), {"SOM"}, "215 as frozen (H4 first order 7 Sep 14:00, judged 2 Nov 14:00: 56 x 24 h)")
show(check(sett(L, h4first, '2026-09-07T14:01:00+08:00')), {"SOM"}, "215 H4 first order 7 Sep 14:01 (55 d 23 h 59 min before, same Beijing day)")
show(check(sett(L, h4first, '2026-09-07T23:50:00+08:00')), {"SOM"}, "215 H4 first order 7 Sep 23:50 Beijing (55 d 14 h 10 min before)")
