import subprocess, os, shutil, time
R = '/work/atk24/bin/rxledger'
W = '/work/atk24/work'
LOG = None
def setlog(p):
    global LOG; LOG = open(p, 'a')
def run(args, stdin=None, label='', show=True, maxout=1500, env=None):
    cmd = ['timeout', '60', R] + args
    t = time.time()
    p = subprocess.run(cmd, cwd=W, input=stdin, capture_output=True, env=env)
    dt = time.time() - t
    out = (p.stdout.decode('utf-8','replace') + ('\n[stderr] ' + p.stderr.decode('utf-8','replace') if p.stderr else '')).strip()
    if len(out) > maxout: out = out[:maxout] + ' …[truncated]'
    s = f"### {label}\n$ rxledger {' '.join(args)}\nrc={p.returncode} ({dt:.2f}s)\n{out}\n"
    if show: print(s)
    if LOG: LOG.write(s + '\n'); LOG.flush()
    return p.returncode, out
def cp(src, dst):
    if os.path.exists(dst): shutil.rmtree(dst) if os.path.isdir(dst) else os.remove(dst)
    if os.path.isdir(src): shutil.copytree(src, dst)
    else: shutil.copy(src, dst)
