import subprocess, os, shutil, time, sys
R = '/work/atk26/bin/rxledger'
W = '/work/atk26/work'
LOG = None
def setlog(p):
    global LOG; LOG = open(p, 'w')
def log(s):
    print(s)
    if LOG: LOG.write(s+'\n'); LOG.flush()
def run(args, stdin=None, label='', show=True, maxout=1200, env=None, timeout=60, cwd=None):
    cmd = ['timeout', str(timeout), R] + args
    t = time.time()
    p = subprocess.run(cmd, cwd=cwd or W+'/fx', input=stdin, capture_output=True, env=env)
    dt = time.time() - t
    out = (p.stdout.decode('utf-8','replace') + ('\n[stderr] ' + p.stderr.decode('utf-8','replace') if p.stderr else '')).strip()
    if len(out) > maxout: out = out[:maxout] + ' …[truncated]'
    s = f"### {label}\n$ rxledger {' '.join(args)}\nrc={p.returncode} ({dt:.2f}s)\n{out}\n"
    if show: log(s)
    return p.returncode, out
def cp(src, dst):
    if os.path.lexists(dst): shutil.rmtree(dst) if os.path.isdir(dst) and not os.path.islink(dst) else os.remove(dst)
    if os.path.isdir(src): shutil.copytree(src, dst, symlinks=True)
    else: shutil.copy(src, dst)
SEG='seg-00000000000000000001.jsonl'
def seglines(d): return open(f'{d}/{SEG}','rb').read().split(b'\n')[:-1]
def setseg(d, ls, end=b'\n'): open(f'{d}/{SEG}','wb').write(b'\n'.join(ls)+end)
