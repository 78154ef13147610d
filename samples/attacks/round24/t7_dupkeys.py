# What does append store for duplicate JSON keys / odd spellings?
import sys; sys.path.insert(0,'/work/atk24/work')
from h import *; import h
import re, json
os.chdir(W); setlog(W+'/t7_dupkeys.log')
good = open('e3.jsonl','rb').read().split(b'\n')[:-1]
qi = 35
orig = good[qi]
q = re.search(rb'"quantity":(\d+)', orig)[1]
cases = {
 'dup quantity (orig then 7)': re.sub(rb'"quantity":(\d+)', rb'"quantity":\1,"quantity":7', orig, count=1),
 'dup quantity (7 then orig)': re.sub(rb'"quantity":(\d+)', rb'"quantity":7,"quantity":\1', orig, count=1),
 'dup kind (sale then real)': orig.replace(b'"kind":"', b'"kind":"sale","kind":"',1),
 'dup v (2 then 1)': orig.replace(b'{"v":2,', b'{"v":2,"v":1,',1),
 'dup data (empty first)': orig.replace(b'"data":{', b'"data":{},"data":{',1),
 'leap second': re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"2026-10-01T23:59:60Z"', orig, count=1),
 'uppercase id': re.sub(rb'"id":"([^"]+)"', lambda m: b'"id":"'+m[1].upper()+b'"', orig, count=1),
 'escaped NUL in recorded_by': orig.replace(b'"recorded_by":["', b'"recorded_by":["\\u0000',1),
}
for lab, line in cases.items():
    cp('L','T'); open('in1.jsonl','wb').write(line+b'\n')
    rc,out = run(['append','T','in1.jsonl'], label=lab, show=False)
    seg = open('T/seg-00000000000000000001.jsonl','rb').read().split(b'\n')[-2]
    ev = seg[seg.index(b'"event":')+8:-1]
    d = json.loads(ev)
    qty = re.search(rb'"quantity":(\d+)', ev); 
    s = f"[{rc}] {lab}: stored kind={d['kind']} v={d['v']} id={d['id']} occurred_at={d['occurred_at']} first quantity={qty[1].decode() if qty else None} (input original {q.decode()}) data_keys={list(d['data'])[:4]} recorded_by={d['recorded_by']!r}"
    print(s); h.LOG.write(s+'\n')
    if lab=='leap second':
        run(['verify','T'], label='verify after leap-second append'); run(['check','T','--format','json','-o','t-leap.json'], label='check after leap-second append')
        js=json.load(open('t-leap.json')); print('  EVENT-INVALID', [f['message'] for f in js['findings'] if f['rule']=='EVENT-INVALID'][:2])
    if lab=='uppercase id':
        # now re-append the lower-case original (identical content): should be skipped
        open('in2.jsonl','wb').write(orig+b'\n'); run(['append','T','in2.jsonl'], label='re-append lower-case id original after upper-case id stored')
        open('in3.jsonl','wb').write(orig.replace(b'"recorded_by":["', b'"recorded_by":["Z',1)+b'\n'); run(['append','T','in3.jsonl'], label='lower-case id, different content')
