#!/usr/bin/env python3
"""compare findings (JSON) with ledgers/*.expected (rule+seq), sentences, trace exit codes, check exit codes"""
import json, glob, os, collections
os.chdir(os.path.dirname(os.path.abspath(__file__)))
ok = True
print('ledger events expected got missing extra rc')
for exp in sorted(glob.glob('ledgers/3*.expected')):
    n = os.path.basename(exp)[:3]
    want = collections.Counter(tuple(l.split()[:2]) for l in open(exp) if l.strip() and not l.startswith('#'))
    d = json.load(open(f'work/{n}.check.json'))
    got = collections.Counter((f['rule'], str(f['seq'])) for f in d['findings'])
    miss = want - got; extra = got - want
    ev = sum(1 for _ in open(glob.glob(f'ledgers/{n}-*.jsonl')[0]))
    rc = open(f'work/{n}.check.txt').read().strip().splitlines()[-1]
    erc = 'rc=1' if want else 'rc=0'
    print(n, ev, sum(want.values()), sum(got.values()), sorted(miss), sorted(extra), rc, '' if rc == erc else f'(expected {erc})')
    if miss or extra or rc != erc: ok = False
msgs = {}
for lang, suf in (('en', 'check.json'), ('zh', 'check.zh.json')):
    for f in glob.glob(f'work/*.{suf}'):
        n = os.path.basename(f)[:3]
        for x in json.load(open(f))['findings']:
            msgs.setdefault((n, x['rule'], str(x['seq']), lang), []).append(x['message'])
bad = 0
for l in open('ledgers/sentences.expected', encoding='utf-8'):
    if l.startswith('#'): continue
    led, rule, seq, lang, sub = l.rstrip('\n').split('\t')
    m = msgs.get((led, rule, seq, lang))
    if not m or not any(sub in x for x in m):
        bad += 1; ok = False
        print(f'SENTENCE {led} {rule} {seq} {lang}: missing {sub!r}')
print('sentence substrings missing:', bad)
tr = json.load(open('ledgers/trace.expected.json'))['324']
rc = lambda p: open(p).read().strip().splitlines()[-1]
for c, e in [(c, 'rc=1') for c in tr['codes_break']] + [(c, 'rc=0') for c in tr['codes_ok']]:
    for lang in ('en', 'zh'):
        r = rc(f'work/trace-{c}.{lang}.txt'); print('trace', c, lang, r, 'expect', e, '' if r == e else '<-- DIFF')
        ok &= r == e
for b, e in ((tr['batch_break'], 'rc=1'), (tr['batch_ok'], 'rc=0')):
    for lang in ('en', 'zh'):
        r = rc(f'work/trace-batch-{b.split(":")[1]}.{lang}.txt'); print('trace --batch', b, lang, r, 'expect', e, '' if r == e else '<-- DIFF')
        ok &= r == e
print('ALL OK' if ok else 'DIFFERENCES')
