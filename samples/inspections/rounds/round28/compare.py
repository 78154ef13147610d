#!/usr/bin/env python3
"""compare findings (JSON) with ledgers/*.expected, sentences with ledgers/sentences.expected, trace exit codes"""
import json, glob, os, re, collections
os.chdir(os.path.dirname(os.path.abspath(__file__)))
ok = True
rows = []
for exp in sorted(glob.glob('ledgers/3*.expected')):
    n = os.path.basename(exp)[:3]
    want = collections.Counter(tuple(l.split()[:2]) for l in open(exp) if l.strip() and not l.startswith('#'))
    d = json.load(open(f'work/{n}.check.json'))
    got = collections.Counter((f['rule'], str(f['seq'])) for f in d['findings'])
    miss = want - got; extra = got - want
    rows.append((n, sum(want.values()), sum(got.values()), sorted(miss), sorted(extra)))
    if miss or extra: ok = False
print('ledger expected got missing extra')
for r in rows: print(*r)
# sentences
msgs = {}
for lang, suf in (('en', 'check.json'), ('zh', 'check.zh.json')):
    for f in glob.glob(f'work/*.{suf}'):
        n = os.path.basename(f)[:3]
        for x in json.load(open(f))['findings']:
            msgs.setdefault((n, x['rule'], str(x['seq']), lang), []).append(x['message'])
bad = 0
for l in open('ledgers/sentences.expected'):
    if l.startswith('#'): continue
    led, rule, seq, lang, sub = l.rstrip('\n').split('\t')
    m = msgs.get((led, rule, seq, lang))
    if not m or not any(sub in x for x in m):
        bad += 1; ok = False
        print(f'SENTENCE {led} {rule} {seq} {lang}: missing {sub!r}')
print('sentence substrings missing:', bad)
tr = json.load(open('ledgers/trace.expected.json'))
def rc(p):
    return open(p).read().strip().splitlines()[-1]
for c in tr['codes_break']:
    for lang in ('en', 'zh'):
        r = rc(f'work/trace-{c}.{lang}.txt'); print('trace', c, lang, r, 'expect rc=1')
        ok &= r == 'rc=1'
for c in tr['codes_ok']:
    for lang in ('en', 'zh'):
        r = rc(f'work/trace-{c}.{lang}.txt'); print('trace', c, lang, r, 'expect rc=0')
        ok &= r == 'rc=0'
for b, e in (('B312-01', 'rc=1'), ('B312-02', 'rc=0')):
    for lang in ('en', 'zh'):
        r = rc(f'work/trace-batch-{b}.{lang}.txt'); print('trace --batch', b, lang, r, 'expect', e)
        ok &= r == e
print('ALL OK' if ok else 'DIFFERENCES')
