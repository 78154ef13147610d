#!/usr/bin/env python3
# t6c: the same one-document stock count of N lines, appended as one JSON event (is the slowness import's or the validator's?)
import json, sys, os
sys.path.insert(0, os.path.dirname(__file__)); from h import *
for N in (10000, 20000):
    e = {"v": 2, "id": "01a1d000-0000-7000-8000-%012d" % N, "kind": "stock_count", "occurred_at": "2026-10-31T09:30:00Z",
         "recorded_by": ["保管-朱建平"], "data": {"doc": "PDX%d" % N, "location": "WH-A",
         "lines": [{"product": "86933021156015", "batch": "B%07d" % i, "counted": 1} for i in range(N)]}}
    open("t6c.jsonl", "w").write(json.dumps(e, ensure_ascii=False) + "\n")
    L = fresh("T6C"); res = run(["append", L, "t6c.jsonl"], timeout=600)
    print(f"append one stock_count of N={N} lines: rc={res[0]} [{res[3]}] {(res[1]+res[2]).strip()[:150]}", flush=True)
    res = run(["check", L], timeout=600); print(f"  check: rc={res[0]} [{res[3]}]", flush=True)
