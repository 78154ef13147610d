#!/usr/bin/env python3
"""Extract the README tour block, run each logical command in one bash (vars carry), log rc per command."""
import re, subprocess, os, shutil, sys
H = '/work/insp23/round23'
T = os.path.join(H, 'tour')
shutil.rmtree(T, ignore_errors=True); os.makedirs(T)
os.symlink('/work/insp23/samples', os.path.join(T, 'samples'))
src = open('/work/insp23/README.md', encoding='utf-8').read()
block = re.search(r'```sh tour\n(.*?)```', src, re.S).group(1)
cmds, cur = [], ''
for line in block.splitlines():
    if line.rstrip().endswith('\\'):
        cur += line.rstrip()[:-1] + ' '
    else:
        cmds.append(cur + line); cur = ''
script = []
for i, c in enumerate(cmds, 1):
    script.append(f'echo "=== [{i}] " {c!r} >&2; echo "=== [{i}]"; {c}\necho "RC[{i}]=$?" >&2')
open(os.path.join(T, 'tour_run.sh'), 'w').write('\n'.join(script) + '\n')
env = dict(os.environ, PATH='/work/insp23/bin:' + os.environ['PATH'], LANG='C.UTF-8')
env.pop('LC_ALL', None); env.pop('LC_MESSAGES', None)
p = subprocess.run(['bash', 'tour_run.sh'], cwd=T, env=env, capture_output=True, text=True)
open(os.path.join(T, 'tour.stdout'), 'w').write(p.stdout)
open(os.path.join(T, 'tour.stderr'), 'w').write(p.stderr)
for l in p.stderr.splitlines():
    if l.startswith('RC['): print(l)
