#!/usr/bin/env python3
"""gen determinism; append --ack --batch-size; idempotent re-run; partial resume; duplicates in input."""
import re, os, shutil
from lib import *
os.chdir(W)
for d in ['A1', 'A2', 'A3', 'A4']: shutil.rmtree(d, ignore_errors=True)
p1 = run(['gen', '--events', '20000', '--seed', '7']); p2 = run(['gen', '--events', '20000', '--seed', '7'])
open('g.jsonl', 'w').write(p1.out)
expect(p1.out == p2.out and p1.returncode == 0, 'gen is deterministic (same seed, same bytes)')
lines = p1.out.splitlines(); N = len(lines)
expect(N == 20000, f'gen --events 20000 gives 20000 lines (got {N})')
run(['init', 'A1'])
p = run(['append', 'A1', 'g.jsonl', '--ack', '--batch-size', '3000'], show=3000)
acks = [l for l in p.out.splitlines() if l.startswith('acknowledged')]
rx = re.compile(r'acknowledged (\d+) ([0-9a-f]{64}) lines (.+):(\d+)-(\d+) appended (\d+) present (\d+)$')
ms = [rx.match(a) for a in acks]
expect(all(ms), 'every --ack line matches the documented shape')
expect(len(acks) == (N + 2999) // 3000, f'one ack per batch of 3000 ({len(acks)} acks)')
prev = 0; tot = 0
for m in ms:
    if not m: continue
    f, l = int(m.group(4)), int(m.group(5))
    expect(f == prev + 1, f'ack lines contiguous: {f} follows {prev}') if f != prev + 1 else None
    prev = l; tot += int(m.group(6))
expect(prev == N and tot == N, f'acks cover lines 1-{N} and appended sum {tot}')
v = run(['verify', 'A1']); head = v.out.split()[-1]
expect(ms[-1] and head == f'{ms[-1].group(1)}:{ms[-1].group(2)}', 'last ack head == verify head')
# re-run: nothing doubled
p = run(['append', 'A1', 'g.jsonl', '--ack', '--batch-size', '3000'], show=3000)
expect(p.returncode == 0, 're-run exits 0')
expect('0 events' in p.out or 'appended 0' in p.out, 're-run reports 0 appended')
# C1: first version expected the wording 'N already present'; the tool says 'all N events already present'
expect(f'all {N} events already present' in p.out, f're-run reports all {N} already present')
v2 = run(['verify', 'A1']); expect(v2.out.split()[-1] == head, 'head unchanged after re-run')
acks2 = [l for l in p.out.splitlines() if l.startswith('acknowledged')]
expect(all(' appended 0 ' in a for a in acks2) and len(acks2) > 0, 're-run acks say appended 0 present M')
# partial then full (resume)
open('g_half.jsonl', 'w').write('\n'.join(lines[:12345]) + '\n')
run(['init', 'A2'])
run(['append', 'A2', 'g_half.jsonl', '--batch-size', '1000'])
p = run(['append', 'A2', 'g.jsonl', '--ack', '--batch-size', '1000'], show=4000)
expect(f'{N-12345} events' in p.out or f'appended {N-12345}' in p.out, 'resume appends only the rest')
v3 = run(['verify', 'A2']); expect(v3.out.split()[-2:] and v3.out.startswith(f'ok: {N} records'), f'resumed ledger has {N} records')
# same-batch-size ledger from scratch in one go must equal count; compare exports' event payloads
run(['export', 'A1', '-o', 'A1.jsonl']); run(['export', 'A2', '-o', 'A2.jsonl'])
import json
ev1 = [json.dumps(json.loads(l)['event'], ensure_ascii=False, sort_keys=True) for l in open('A1.jsonl', encoding='utf-8')]
ev2 = [json.dumps(json.loads(l)['event'], ensure_ascii=False, sort_keys=True) for l in open('A2.jsonl', encoding='utf-8')]
expect(ev1 == ev2, 'resumed ledger holds the same events in the same order')
# stdin input; duplicate identical line inside input
dup = lines[:100] + [lines[50]] + lines[100:200]
run(['init', 'A3'])
p = run(['append', 'A3', '-'], stdin=('\n'.join(dup) + '\n').encode())
expect(p.returncode == 0 and 'appended 200' in p.out, 'identical copy inside input is skipped (200 appended)')
expect('1 already present' in p.out, 'and counted as present')
# same id, different content -> refused, naming line and `id`
j = json.loads(lines[150]); j2 = json.loads(lines[60]); j2['id'] = j['id']
bad = lines[200:210] + [json.dumps(j2, ensure_ascii=False)]
open('sameid.jsonl', 'w').write('\n'.join(bad) + '\n')
p = run(['append', 'A3', 'sameid.jsonl'])
expect(p.returncode == 2, 'same id other content: exit 2')
expect('sameid.jsonl:11: field `id`' in p.err and 'record 151' in p.err, 'error names line 11, field `id`, record 151')
v4 = run(['verify', 'A3']); expect(v4.out.startswith('ok: 200 records'), 'nothing appended (200 records)')
# BOM + CRLF input accepted
run(['init', 'A4'])
open('bomcrlf.jsonl', 'wb').write(b'\xef\xbb\xbf' + ('\r\n'.join(lines[:300]) + '\r\n').encode())
p = run(['append', 'A4', 'bomcrlf.jsonl'])
expect(p.returncode == 0 and 'appended 300' in p.out, 'BOM + CRLF events file accepted')
p = run(['append', 'A4', 'g_half.jsonl', '--batch-size', '0', '--ack'])
expect(p.returncode == 0 and len([l for l in p.out.splitlines() if l.startswith('acknowledged')]) == 1, '--batch-size 0: one batch, one ack')
print('FAILS:', FAILS)
