#!/usr/bin/env python3
"""kill -9 an append mid-way, re-run the same command: nothing lost, nothing doubled."""
import os, shutil, subprocess, time, signal, json
from lib import *
os.chdir(W)
shutil.rmtree('KK', ignore_errors=True); run(['init', 'KK'])
w = subprocess.Popen([RX, 'append', 'KK', 'g.jsonl', '--batch-size', '5', '--ack'], cwd=W, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
time.sleep(0.4); os.kill(w.pid, signal.SIGKILL); o, e = w.communicate()
acks = [l for l in o.decode().splitlines() if l.startswith('acknowledged')]
print('acks before kill', len(acks), acks[-1] if acks else None)
p = run(['verify', 'KK'], show=400)
p = run(['append', 'KK', 'g.jsonl', '--batch-size', '5'], show=400)
expect(p.returncode == 0, 're-run after kill: exit 0')
p = run(['verify', 'KK']); expect(p.out.startswith('ok: 20000 records'), 'after kill + re-run: 20000 records')
run(['export', 'KK', '-o', 'KK.jsonl'])
ids = [json.loads(l)['event']['id'] for l in open('KK.jsonl', encoding='utf-8')]
expect(len(ids) == len(set(ids)) == 20000, 'no id doubled')
p = run(['check', 'KK', '--format', 'json'], show=0); print('check rc', p.returncode, 'EVENT-DUP' in p.out)
print('FAILS', FAILS)
