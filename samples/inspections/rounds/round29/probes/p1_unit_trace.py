#!/usr/bin/env python3
"""Probe: unit trace exit code for each kind of chain break (CODE-UNKNOWN, CODE-DUP by dispatch, SPECIAL-CHAIN)."""
import sys, os, json, copy
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'generator'))
from lib import write, T
import l324
from common import D
L, B, cm, cr = l324.build324()
# unknown code returned by H1 (never received) -> CODE-UNKNOWN
B.creturn(T('2026-12-30 10:00'), 'TH-P1', l324.H1, ['XS2026120001'], '探针', [(l324.M, 'MF2611001', 1, 'RET', ['81002345000000000999'])],
          by=('验收-张伟', '验收-孙浩'))
# ampoule 5 (shipped 12-03) shipped again from SP-1 -> CODE-DUP at a dispatch
B.L.add('dispatch', T('2026-12-30 11:00'), {"doc": "PS-P1", "customer": l324.H1, "consignee": "x", "address": l324.ADDR[l324.H1],
        "lines": [{"product": l324.M, "batch": "MF2611001", "quantity": 1, "from": "SP-1", "codes": [cm[4]]}]},
        ['发货-吴凯', '保管-赵磊'], refs={"sale": ["XS2026120006"]})
write('p1.jsonl', L.finish())
print(json.dumps({"unknown": "81002345000000000999", "dup_dispatch": cm[4], "chain_place": cm[120], "dup_return": cm[149]}))
