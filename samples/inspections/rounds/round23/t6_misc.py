#!/usr/bin/env python3
"""log, summary, report (--lang zh), rules, config template unchanged, --zone, verify/checkpoint/prove/verify-proof."""
import os, json, shutil, re
from html.parser import HTMLParser
from lib import *
os.chdir(W)
S = '/work/insp23/samples/scenarios/'
p = run(['log', 'A1', '--from', '100', '--limit', '20'], show=200)
expect(p.returncode == 0 and len(p.out.splitlines()) == 20 and p.out.split()[0] == '100', 'log --from 100 --limit 20: 20 lines starting at 100')
p = run(['summary', 'A1'], show=300); expect(p.returncode == 0 and 'records:  20000' in p.out, 'summary shows records')
p = run(['summary', 'A1', '--lang', 'zh'], show=300)
class P(HTMLParser):
    VOID = {'area','base','br','col','embed','hr','img','input','link','meta','source','track','wbr','path','circle','rect','line','polyline','polygon','stop','use'}
    def __init__(s): super().__init__(); s.st = []; s.err = []; s.lang = None; s.text = []
    def handle_starttag(s, t, a):
        if t == 'html': s.lang = dict(a).get('lang')
        if t not in s.VOID: s.st.append(t)
    def handle_startendtag(s, t, a): pass
    def handle_endtag(s, t):
        if t in s.VOID: return
        if s.st and s.st[-1] == t: s.st.pop()
        else: s.err.append((t, list(s.st[-3:]), s.getpos()))
    def handle_data(s, d): s.text.append(d)
for lang in ('en', 'zh'):
    p = run(['report', S + 'cold-chain.jsonl', '-o', f'cc.{lang}.html', '--lang', lang], show=300)
    expect(p.returncode == 0, f'report --lang {lang}: exit 0')
    h = open(f'cc.{lang}.html', encoding='utf-8').read(); hp = P(); hp.feed(h); hp.close()
    expect(not hp.err and not hp.st, f'report {lang}: tags balanced ({hp.err[:3]}, open {hp.st[:5]})')
    expect(h.lstrip().lower().startswith('<!doctype html'), f'report {lang}: doctype')
    expect(not re.search(r'<(script|link)[^>]+(src|href)="https?://', h), f'report {lang}: self-contained (no external src/href)')
    print(lang, 'html lang =', hp.lang)
    if lang == 'zh':
        txt = ''.join(hp.text)
        expect(hp.lang and hp.lang.startswith('zh'), 'zh report: <html lang="zh…">')
        expect('温度超标' in txt and 'Hash chain' not in txt and 'Findings' not in txt, 'zh report text is Chinese (温度超标, no English headings)')
        eng = re.findall(r'\b(?:Findings|Stock|Excursion|excursion|Chain|verified|records|Location|Batch|Product|Severity)\b', txt)
        print('english words in zh report:', sorted(set(eng))[:20], len(eng))
p = run(['report', 'A1', '-o', 'nodir/r.html'], show=300); expect(p.returncode == 2, 'report -o missing dir: exit 2')
p = run(['report', 'tampered.jsonl', '-o', 'tam.html'], show=300); expect(p.returncode == 0, 'report of a tampered ledger exits 0 (use check as gate)')
# rules
p = run(['rules'], show=0); n_rules = len(re.findall(r'^\S+\s+(?:minor|major|critical)\s', p.out, re.M))
p2 = run(['rules', '--lang', 'zh'], show=0); expect('依据' in p2.out or '《' in p2.out, 'rules --lang zh gives Chinese sources')
print('rules listed', n_rules)
p = run(['rules', '--config-template'], show=0); open('tmpl.toml', 'w').write(p.out)
for led in (S + 'documents.jsonl', S + 'cold-chain.jsonl', 'V1'):
    a = run(['check', led, '--format', 'json'], show=0); b = run(['check', led, '--format', 'json', '--config', 'tmpl.toml'], show=200)
    expect(a.returncode == b.returncode and a.out == b.out, f'config template unchanged == defaults on {os.path.basename(led)} (rc {a.returncode}/{b.returncode})')
# zone
base = run(['check', S + 'cold-chain.jsonl'], show=0).out
for z, off in (('UTC', '(UTC)'), ('+07:00', '(+07:00)'), ('Asia/Shanghai', '(+08:00)'), ('Asia/Tokyo', '(+09:00)')):
    p = run(['check', S + 'cold-chain.jsonl', '--zone', z], show=0)
    print(z, 'rc', p.returncode, re.findall(r'\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)? \([^)]*\)', p.out)[:2], p.err[:200])
p = run(['check', S + 'cold-chain.jsonl', '--zone', 'Mars/Base'], show=300); expect(p.returncode == 2, 'bad zone: exit 2')
env = dict(ENV, RXLEDGER_ZONE='UTC'); p = run(['check', S + 'cold-chain.jsonl'], env=env, show=0)
print('RXLEDGER_ZONE=UTC', re.findall(r'\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)? \([^)]*\)', p.out)[:2])
j1 = run(['check', S + 'cold-chain.jsonl', '--format', 'json'], show=0).out; j2 = run(['check', S + 'cold-chain.jsonl', '--format', 'json', '--zone', '+07:00'], show=0).out
d1, d2 = json.loads(j1), json.loads(j2)
strip = lambda d: [{k: v for k, v in f.items() if k not in ('message', 'expected', 'actual')} for f in d['findings']]
expect(strip(d1) == strip(d2), '--zone changes only sentences in JSON (facts/interval stay RFC 3339)')
# LANG=zh default
p = run(['verify', 'A1'], env=dict(ENV, LANG='zh_CN.UTF-8'), show=200)
print('FAILS', FAILS)
