#!/usr/bin/env python3
"""Prints the medians of the last `cargo bench --bench log` run and the target ratios.

Usage: cargo bench --bench log && python3 scripts/bench_report.py
"""
import json, os, sys

root = os.path.join(os.path.dirname(__file__), '..', 'target', 'criterion')

def median_ns(group, bench):
    p = os.path.join(root, group, bench, 'new', 'estimates.json')
    with open(p) as f:
        return json.load(f)['median']['point_estimate']

BATCH, VERIFY = 1000, 200_000
rows = []
def rate(group, bench, n):
    ns = median_ns(group, bench)
    r = n / (ns / 1e9)
    rows.append((f'{group}/{bench}', ns / 1e6, r))
    return r

mem = rate('append', 'memory', BATCH)
file = rate('append', 'file_durable', BATCH)
sqlite = rate('append', 'sqlite_durable', BATCH)
vfile = rate('verify', 'file', VERIFY)
vmem = rate('verify', 'in_memory', VERIFY)
floor = rate('verify', 'blake3_floor', VERIFY)

print('| benchmark | median per iteration | records/s |')
print('|---|---:|---:|')
for name, ms, r in rows:
    print(f'| `{name}` | {ms:.2f} ms | {r:,.0f} |')
print()
print(f'- durable append vs SQLite: **{file / sqlite:.2f}x** (target >= 2x)')
print(f'- verify (file, one thread): **{vfile:,.0f} records/s** (target >= 1,000,000)')
print(f'- verify time vs blake3 floor: **{floor / vfile:.2f}x** (target <= 2.5x)')
