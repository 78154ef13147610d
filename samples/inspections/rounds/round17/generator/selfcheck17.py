#!/usr/bin/env python3
"""My own checks of the generated ledgers (not the engine): JSON Schema of docs/event.schema.json, invoice
arithmetic, payments against invoices, deadlines (UNINVOICED 30 d, UNPAID 60 d) against the ledger's clock."""
import json, sys, glob, datetime as dt
import jsonschema
schema = json.load(open('/work/insp17/docs/event.schema.json'))
V = jsonschema.Draft202012Validator(schema) if '2020' in schema.get('$schema', '2020') else jsonschema.Draft7Validator(schema)

def ts(s):
    return dt.datetime.fromisoformat(s)

for path in sorted(sys.argv[1:]):
    evs = [json.loads(l) for l in open(path, encoding='utf-8')]
    probs = []
    for i, e in enumerate(evs, 1):
        for err in V.iter_errors(e):
            probs.append(f"{i}: schema: {err.message[:120]}")
    clock = max(ts(e['occurred_at']) for e in evs)
    inv = {}
    paid = {}
    goods = {}   # sale/order doc -> (first movement time, qty)
    invoiced = {}
    for i, e in enumerate(evs, 1):
        d = e['data']
        if e['kind'] == 'invoice':
            s = 0
            for l in d['lines']:
                assert l['amount']['minor'] == l['quantity'] * l['unit_price']['minor'], (path, i)
                s += l['amount']['minor']
            assert s == d['total']['minor'], (path, i)
            start = max(ts(e['occurred_at']), dt.datetime.fromisoformat(d['issued_on'] + "T00:00:00+08:00"))
            inv[d['doc']] = (i, d['total']['minor'], start, d.get('credit_for'))
            for ref in (e.get('refs', {}).get('sale') or []) + (e.get('refs', {}).get('order') or []):
                invoiced[ref] = invoiced.get(ref, 0) + sum(l['quantity'] for l in d['lines']) * (-1 if d.get('credit_for') else 1)
        if e['kind'] == 'payment':
            amt = d['amount']['minor']
            for n in d['invoices']:
                if n not in inv:
                    probs.append(f"{i}: payment names unknown invoice {n} (so far)")
                    continue
                take = min(amt, inv[n][1] - paid.get(n, 0)) if n != d['invoices'][-1] else amt
                paid[n] = paid.get(n, 0) + take
                amt -= take
        if e['kind'] in ('dispatch', 'receipt'):
            key = (e.get('refs', {}).get('sale') or e.get('refs', {}).get('order'))[0]
            q = sum(l.get('quantity', l.get('accepted', 0)) for l in d['lines'])
            t0, q0 = goods.get(key, (ts(e['occurred_at']), 0))
            goods[key] = (t0, q0 + q)
    for n, (i, tot, start, cf) in inv.items():
        if cf:
            continue
        credits = sum(v[1] for v in inv.values() if v[3] == n)
        due = start + dt.timedelta(days=60)
        p = paid.get(n, 0) + sum(paid.get(k, 0) for k, v in inv.items() if v[3] == n) * 0
        if p != tot and p != tot - credits:
            if due < clock:
                probs.append(f"{i}: invoice {n} total {tot} paid {p} (credits {credits}) due {due} < clock {clock}")
        if p > tot:
            probs.append(f"{i}: invoice {n} overpaid {p} > {tot}")
    for key, (t0, q) in goods.items():
        if t0 + dt.timedelta(days=30) < clock and invoiced.get(key, 0) < q:
            probs.append(f"goods of {key} ({q}) invoiced {invoiced.get(key, 0)} by {t0 + dt.timedelta(days=30)} < clock")
    print(path.split('/')[-1][:60], len(evs), "events, clock", clock.isoformat(), "->", probs[:8] if probs else "ok")
