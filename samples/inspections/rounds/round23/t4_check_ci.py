#!/usr/bin/env python3
"""check for CI: json, junit, sarif, --fail-on, --fail-on-pending, -o; exit codes per docs/findings.md."""
import os, json, shutil, xml.etree.ElementTree as ET
from lib import *
os.chdir(W)
S = '/work/insp23/samples/scenarios/'
DOC = S + 'documents.jsonl'
SEV = {'minor': 1, 'major': 2, 'critical': 3}
p = run(['check', DOC, '--format', 'json'], show=200)
expect(p.returncode == 1, 'documents.jsonl has findings: exit 1')
d = json.loads(p.out)
expect(d['format'] == 'rxledger-findings/1' and d['records'] == 2341 and d['chain_ok'] is True, 'json header as documented')
expect(len(d['findings']) == 33 and sum(d['counts'].values()) == 33, f"33 findings, counts sum (got {len(d['findings'])})")
expect(all(k in f for f in d['findings'] for k in ('rule', 'severity', 'seq', 'seqs', 'message', 'message_id')), 'every finding has the always-fields')
expect(all(f['seq'] in f['seqs'] and f['seqs'] == sorted(f['seqs']) for f in d['findings']), 'seqs ascending and include seq')
expect([(f['seq'], f['rule']) for f in d['findings']] == sorted((f['seq'], f['rule']) for f in d['findings']), 'findings in (seq, rule) order')
pend = d.get('pending', [])
expect(all(k in x for x in pend for k in ('rule', 'severity', 'seq', 'seqs', 'due', 'message', 'message_id', 'closed_by', 'closed_by_id')), f'pending items have the always-fields ({len(pend)} items)')
maxsev = max(SEV[f['severity']] for f in d['findings'])
print('severities', {f['severity'] for f in d['findings']}, 'pending sev', {x['severity'] for x in pend})
for lvl in ('minor', 'major', 'critical'):
    p = run(['check', DOC, '--fail-on', lvl], show=0)
    want = 1 if maxsev >= SEV[lvl] else 0
    expect(p.returncode == want, f'--fail-on {lvl}: exit {want} (got {p.returncode})')
p = run(['check', DOC, '--fail-on', 'fatal'], show=300); expect(p.returncode == 2, '--fail-on bad value: exit 2')
# clean ledger with pending (tour L): exit 0; --fail-on-pending -> 1; with --fail-on above pending severities -> 0
L = '../tour/L'
p = run(['check', L, '--format', 'json'], show=0); dl = json.loads(p.out)
expect(p.returncode == 0 and not dl['findings'] and dl.get('pending'), 'clean gen ledger: exit 0, pending present')
psev = max(SEV[x['severity']] for x in dl['pending'])
p = run(['check', L, '--fail-on-pending'], show=0); expect(p.returncode == 1, '--fail-on-pending with pending: exit 1')
for lvl in ('major', 'critical'):
    p = run(['check', L, '--fail-on-pending', '--fail-on', lvl], show=0)
    want = 1 if psev >= SEV[lvl] else 0
    expect(p.returncode == want, f'--fail-on-pending --fail-on {lvl}: exit {want} (max pending {psev}) got {p.returncode}')
# junit
p = run(['check', DOC, '--format', 'junit', '-o', 'doc.junit.xml'], show=200)
expect(p.returncode == 1 and p.out == '', 'junit -o: exit 1, nothing on stdout')
root = ET.parse('doc.junit.xml').getroot()
suites = [root] if root.tag == 'testsuite' else root.findall('testsuite')
cases = root.iter('testcase')
cases = list(root.iter('testcase'))
fails = [c for c in cases if c.find('failure') is not None]
skips = [c for c in cases if c.find('skipped') is not None]
nf = sum(len(c.findall('failure')) for c in cases)
expect(nf == 33, f'one <failure> per finding ({nf})')
expect(len(skips) == len(pend), f'one skipped case per open item ({len(skips)} vs {len(pend)})')
expect(all(c.get('classname') == 'rxledger.pending' and c.get('name').split(' seq ')[0] for c in skips), 'skipped cases classname rxledger.pending, name RULE seq N')
for s in suites:
    sc = s.findall('testcase'); sf = [c for c in sc if c.find('failure') is not None]; ss = [c for c in sc if c.find('skipped') is not None]
    expect(int(s.get('tests')) == len(sc), f"suite {s.get('name')} tests={s.get('tests')} == {len(sc)} cases")
    expect(int(s.get('failures')) == len(sf), f"suite failures={s.get('failures')} == failing cases {len(sf)}")
    expect(int(s.get('skipped') or 0) == len(ss), f"suite skipped={s.get('skipped')} == {len(ss)}")
if root.tag == 'testsuites':
    print('testsuites attrs', root.attrib)
    if root.get('failures') is not None:
        expect(int(root.get('failures')) == sum(int(s.get('failures')) for s in suites), 'testsuites failures sum')
    if root.get('tests') is not None:
        expect(int(root.get('tests')) == len(cases), 'testsuites tests sum')
expect(all(f.get('type') in SEV for c in cases for f in c.findall('failure')), 'failure type = severity')
bodies = [f.text or '' for c in cases for f in c.findall('failure')]
expect(all(b.startswith('samples/') or 'documents.jsonl:' in b for b in bodies), 'failure body = file:line seq N: sentence')
print('junit body ex:', bodies[0][:200])
# sarif
p = run(['check', DOC, '--format', 'sarif', '-o', 'doc.sarif'], show=200)
s = json.load(open('doc.sarif'))
expect(s.get('version') == '2.1.0' and '$schema' in s, 'sarif version 2.1.0 and $schema')
run0 = s['runs'][0]; rules = run0['tool']['driver']['rules']; res = run0['results']
rp = run(['rules'], show=0)
ids = [r['id'] for r in rules]
expect(len(ids) == len(set(ids)) and all(k in r for r in rules for k in ('id', 'name', 'shortDescription', 'fullDescription', 'help', 'defaultConfiguration')), f'driver.rules lists rules with id,name,descriptions,help,default level ({len(rules)})')
fin = [r for r in res if r.get('kind') != 'open']; opn = [r for r in res if r.get('kind') == 'open']
expect(len(fin) == 33 and len(opn) == len(pend), f'results: 33 findings + {len(pend)} open ({len(fin)}, {len(opn)})')
lv = {'critical': 'error', 'major': 'warning', 'minor': 'note'}
ok = True
for r, f in zip(fin, d['findings']):
    if r['ruleId'] != f['rule'] or ids[r['ruleIndex']] != r['ruleId'] or r['level'] != lv[f['severity']] or r['properties']['seqs'] != f['seqs']: ok = False; print('mismatch', r, f); break
    loc = r['locations'][0]['physicalLocation']
    if loc['artifactLocation']['uri'] != 'samples/scenarios/documents.jsonl'.replace('samples/scenarios/', '') and loc['region']['startLine'] != f['seq']: ok = False; print('loc', loc, f['seq']); break
expect(ok, 'each finding result: ruleId, ruleIndex, level mapping, seqs, region.startLine = seq')
print('sarif uri (absolute path given):', fin[0]['locations'][0]['physicalLocation']['artifactLocation']['uri'])
expect(fin[0]['locations'][0]['physicalLocation']['artifactLocation']['uri'].startswith('file://'), 'absolute path -> file:// URI')
expect(all('kind' not in r for r in fin), 'findings carry no kind')
expect(all(r['level'] == 'none' and 'severity' in r['properties'] and 'due' in r['properties'] and 'closedBy' in r['properties'] for r in opn), 'open items: level none, properties severity/due/closedBy')
# relative path sarif from a cwd where samples/ is relative
p = run(['check', 'samples/scenarios/documents.jsonl', '--format', 'sarif'], show=0, cwd='/work/insp23/round23/tour')
rs = json.loads(p.out)['runs'][0]['results']
expect(rs[0]['locations'][0]['physicalLocation']['artifactLocation']['uri'] == 'samples/scenarios/documents.jsonl', 'relative path stays relative in SARIF')
# directory ledger: SARIF/JUnit map seq to segment file and line
p = run(['check', 'B1', '--format', 'sarif'], show=0)
print('B1 check rc', p.returncode)
# several ledgers json: array
p = run(['check', S + 'pair-a.jsonl', S + 'pair-b-missing.jsonl', '--format', 'json'], show=0)
a = json.loads(p.out); expect(isinstance(a, list) and len(a) == 2 and p.returncode == 1, 'two ledgers: JSON array of 2, exit 1')
p = run(['check', S + 'pair-a.jsonl', S + 'pair-b-missing.jsonl', '--format', 'junit'], show=0)
ET.fromstring(p.out); expect(True, 'two-ledger junit parses')
p = run(['check', S + 'pair-a.jsonl', S + 'pair-b-missing.jsonl', '--format', 'sarif'], show=0)
ss = json.loads(p.out); print('two-ledger sarif runs', len(ss['runs']), [len(r['results']) for r in ss['runs']])
# -o failure leaves old file; -o in missing dir exit 2
open('keep.json', 'w').write('OLD')
p = run(['check', DOC, '--format', 'json', '-o', 'keep.json', '--config', 'nonexistent.toml'], show=300)
expect(p.returncode == 2 and open('keep.json').read() == 'OLD', 'failed check leaves -o file untouched, exit 2')
p = run(['check', DOC, '--format', 'json', '-o', 'nodir/x.json'], show=300); expect(p.returncode == 2, '-o into a missing directory: exit 2')
p = run(['check', 'nonexistent.jsonl'], show=300); expect(p.returncode == 2, 'missing ledger: exit 2')
# broken chain always fails, even if CHAIN made minor and --fail-on critical
lines = open('../tour/ledger.jsonl', encoding='utf-8').read().splitlines(True)
t = list(lines); TI = next(i for i in range(99, len(t)) if '"quantity":' in t[i]); t[TI] = t[TI].replace('"quantity":', '"quantity":1', 1); print('tampered seq', TI + 1)
open('tampered.jsonl', 'w', encoding='utf-8').writelines(t)
p = run(['check', 'tampered.jsonl', '--format', 'json', '--fail-on', 'critical'], show=0); dj = json.loads(p.out) if p.out else {}
expect(p.returncode == 1 and dj.get('chain_ok') is False and 'CHAIN' in dj.get('counts', {}), 'tampered: chain_ok false, CHAIN finding, exit 1')
open('chainminor.toml', 'w').write('[severity]\nCHAIN = "minor"\n')
p = run(['check', 'tampered.jsonl', '--config', 'chainminor.toml', '--fail-on', 'critical'], show=400)
expect(p.returncode in (1, 2), f'broken chain with CHAIN downgraded still fails (rc {p.returncode})')
p = run(['check', 'tampered.jsonl', '--format', 'sarif'], show=0); json.loads(p.out)
p = run(['check', 'tampered.jsonl', '--format', 'junit'], show=0); ET.fromstring(p.out)
print('FAILS', FAILS)
