import json, glob, os, collections, re
for e in sorted(glob.glob('ledgers/*.expected')):
    n=os.path.basename(e)[:-9]
    lines=open(e).read().splitlines()
    exp=collections.Counter(tuple(l.split()[:2]) for l in lines if l.strip() and not l.startswith('#'))
    expp=collections.Counter((m.group(1),m.group(2),m.group(3)) for l in lines for m in [re.match(r'# pending: (\S+) (\d+) due (\S+)',l)] if m)
    try: j=json.load(open(f'work/out/{n}.json'))
    except Exception as x: print(n[:3],'NO JSON',x); continue
    got=collections.Counter((f['rule'],str(f['seq'])) for f in j['findings'])
    gotp=collections.Counter((p['rule'],str(p['seq']),p['due']) for p in j.get('pending',[]))
    print(n[:3],'rc',open(f'work/out/{n}.json.rc').read().strip(),'findings exp',sum(exp.values()),'got',sum(got.values()),'missing',dict(exp-got),'extra',dict(got-exp))
    print('    pending exp',sum(expp.values()),'got',sum(gotp.values()),'missing',sorted(expp-gotp),'extra',sorted(gotp-expp))
