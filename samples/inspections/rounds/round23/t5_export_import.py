#!/usr/bin/env python3
"""export jsonl/epcis, import epcis into a fresh ledger (what round-trips), copy dir->dir, SARIF of a directory ledger."""
import os, json, shutil, re
from lib import *
os.chdir(W)
for d in ['X1', 'X2', 'X3', 'V1']: shutil.rmtree(d, ignore_errors=True)
for f in ['x1.epcis.json']:
    if os.path.exists(f): os.remove(f)
p = run(['export', 'A1', '-o', 'x1.epcis.json', '--format', 'epcis'])
doc = json.load(open('x1.epcis.json'))
expect(doc.get('type') == 'EPCISDocument' and doc.get('schemaVersion') in ('2.0', 2.0), 'EPCISDocument schemaVersion 2.0')
evl = doc['epcisBody']['eventList']
expect(all(e.get('eventID', '').startswith('ni:///sha-256;') for e in evl), 'every eventID is a CBV hash (ni:///sha-256;…)')
recs = [json.loads(l) for l in open('A1.jsonl', encoding='utf-8')]
raw = [re.search(r',"event":(.*)}\s*$', l).group(1) for l in open('A1.jsonl', encoding='utf-8')]
MOV = {'receipt', 'put_away', 'transfer', 'dispatch', 'supplier_return', 'customer_return', 'destruction', 'loss_report', 'stock_count', 'temperature_reading', 'aggregation'}
want = {r['event']['id']: raw[i] for i, r in enumerate(recs) if r['event']['kind'] in MOV}
print('kinds in A1', sorted({r['event']['kind'] for r in recs}))
run(['init', 'X1'])
p = run(['import', 'epcis', 'X1', 'x1.epcis.json'])
expect(p.returncode == 0, 'import epcis of our own export into a fresh ledger: exit 0')
run(['export', 'X1', '-o', 'X1.jsonl'])
got = {}
for l in open('X1.jsonl', encoding='utf-8'):
    r = json.loads(l); got[r['event']['id']] = re.search(r',"event":(.*)}\s*$', l).group(1)
expect(set(got) == set(want), f'import gives back exactly the movement/reading/aggregation events ({len(got)} vs {len(want)})')
diff = [k for k in want if k in got and got[k] != want[k]]
expect(not diff, f'byte for byte ({len(diff)} differ)')
if diff:
    k = diff[0]; a, b = want[k], got[k]
    i = next(i for i in range(min(len(a), len(b))) if a[i] != b[i]) if a != b else 0
    print('first diff', k, a[max(0,i-150):i+150], '\n---\n', b[max(0,i-150):i+150])
p = run(['import', 'epcis', 'X1', 'x1.epcis.json']); expect(p.returncode == 0 and ('0 appended' in p.out or 'already present' in p.out), 'second import appends nothing')
p = run(['verify', 'X1']); print(p.out)
# copy dir -> new dir
p = run(['copy', 'A1', 'X2']); expect(p.returncode == 0, 'copy dir -> new dir: exit 0')
run(['export', 'X2', '-o', 'X2.jsonl'])
expect(open('X2.jsonl', 'rb').read() == open('A1.jsonl', 'rb').read(), 'copy exports byte-identical to source')
p = run(['copy', 'A1', 'X2']); expect(p.returncode == 2, 'copy onto an existing non-empty ledger: exit 2')
p = run(['copy', 'A1.jsonl', 'X3']); expect(p.returncode == 0, 'copy from an exported file')
p = run(['append', 'X2', 'g.jsonl']); expect(p.returncode == 0 and 'already present' in p.out, 'copied ledger has an id index: re-append skips all')
p = run(['copy', 'tampered.jsonl', 'X4']); expect(p.returncode == 1 or p.returncode == 2, f'copy of a tampered source fails (rc {p.returncode})')
if os.path.isdir('X4'): print('X4 verify:', run(['verify', 'X4']).out)
shutil.rmtree('X4', ignore_errors=True)
# directory ledger SARIF / JUnit locations
pv = run(['gen', '--events', '5000', '--violations', '0.01', '--seed', '3'], show=0); open('v.jsonl', 'w').write(pv.out)
run(['init', 'V1']); run(['append', 'V1', 'v.jsonl', '--batch-size', '700'])
p = run(['check', 'V1', '--format', 'sarif'], show=0)
s = json.loads(p.out); res = [r for r in s['runs'][0]['results'] if r.get('kind') != 'open']
loc = res[0]['locations'][0]['physicalLocation']; print('dir sarif loc', loc, res[0]['properties']['seqs'])
expect('seg-' in loc['artifactLocation']['uri'], 'directory ledger: SARIF uri is the segment file')
seg = os.path.join('V1', os.path.basename(loc['artifactLocation']['uri']))
line = open(seg, encoding='utf-8').read().splitlines()[loc['region']['startLine'] - 1]
dj = json.loads(run(['check', 'V1', '--format', 'json'], show=0).out)
expect(json.loads(line)['seq'] == dj['findings'][0]['seq'], 'region.startLine is the record line in the segment')
print('FAILS', FAILS)
