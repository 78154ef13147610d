#!/usr/bin/env python3
"""checkpoint takes no writer lock: run checkpoints while an append is running; are they consistent?"""
import os, shutil, subprocess, time
from lib import *
os.chdir(W)
shutil.rmtree('K2', ignore_errors=True); run(['init', 'K2'])
w1 = subprocess.Popen([RX, 'append', 'K2', 'g.jsonl', '--batch-size', '7', '--ack'], cwd=W, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
cps = []
i = 0
while w1.poll() is None and i < 30:
    i += 1
    p = run(['checkpoint', 'K2', '--key', '../tour/reg.key', '-o', f'k2cp{i}.txt'], show=300)
    cps.append((i, p.returncode, p.out.strip(), p.err.strip()))
o, e = w1.communicate()
print('writer rc', w1.returncode, e.decode()[-500:])
expect(w1.returncode == 0, 'append running beside checkpoints completes')
sizes = []
for i, rc, out, err in cps:
    if rc == 0:
        n = int(open(f'k2cp{i}.txt').read().splitlines()[1]); sizes.append(n)
        expect(n % 7 == 0 or n == 20000, f'checkpoint {i} signs a batch boundary ({n})')
v = run(['verify', 'K2']); expect(v.returncode == 0, 'ledger verifies after concurrent checkpoints')
for i, rc, out, err in cps:
    if rc == 0:
        p = run(['verify', 'K2', '--checkpoint', f'k2cp{i}.txt', '--pubkey', '../tour/reg.pub'], show=200)
        expect(p.returncode == 0, f'ledger extends concurrent checkpoint {i}')
print('checkpoint rcs', [(i, rc) for i, rc, *_ in cps]); print('FAILS', FAILS)
