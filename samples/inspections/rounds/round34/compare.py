import json, glob, os, collections
for e in sorted(glob.glob('ledgers/*.expected')):
    n=os.path.basename(e)[:-9]
    exp=collections.Counter(tuple(l.split()[:2]) for l in open(e) if l.strip() and not l.startswith('#'))
    try: j=json.load(open(f'work/out/{n}.json'))
    except Exception as x: print(n[:3],'NO JSON',x); continue
    fs=j['findings']
    got=collections.Counter((f['rule'],str(f['seq'])) for f in fs)
    print(n[:3], 'expected',sum(exp.values()),'got',sum(got.values()), 'missing',dict(exp-got),'extra',dict(got-exp))
