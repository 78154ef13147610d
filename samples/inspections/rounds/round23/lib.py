"""Small helpers shared by the round-23 integrator tests (stdlib only)."""
import subprocess, os, json, time, sys
RX = '/work/insp23/bin/rxledger'
W = '/work/insp23/round23/work'
os.makedirs(W, exist_ok=True)
LOG = open('/work/insp23/round23/results.log', 'a', encoding='utf-8')
ENV = dict(os.environ, LANG='C.UTF-8'); ENV.pop('LC_ALL', None); ENV.pop('LC_MESSAGES', None); ENV.pop('RXLEDGER_ZONE', None)
FAILS = []
def run(args, stdin=None, env=None, show=600, cwd=W):
    t = time.time()
    p = subprocess.run([RX] + args, cwd=cwd, input=stdin, capture_output=True, env=env or ENV)
    dt = time.time() - t
    out, err = p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')
    msg = f'$ rxledger {" ".join(args)}\n  rc={p.returncode} ({dt:.2f}s)\n  stdout: {out[:show]!r}\n  stderr: {err[:show]!r}\n'
    LOG.write(msg); LOG.flush(); print(msg, end='')
    p.out, p.err, p.dt = out, err, dt
    return p
def expect(cond, what):
    s = ('PASS ' if cond else 'FAIL ') + what
    LOG.write(s + '\n'); LOG.flush(); print(s)
    if not cond: FAILS.append(what)
    return cond
def sh(cmd):
    return subprocess.run(cmd, shell=True, cwd=W, capture_output=True, text=True)
