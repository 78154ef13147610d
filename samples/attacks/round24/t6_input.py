# Attack 3: malformed input to append; ledger must be unchanged on refusal
import sys; sys.path.insert(0,'/work/atk24/work')
from h import *; import h
import json, hashlib, re, stat
os.chdir(W); setlog(W+'/t6_input.log')
good = open('e3.jsonl','rb').read().split(b'\n')[:-1]   # 300 valid events not in L
qi = next(i for i,l in enumerate(good) if b'"quantity":' in l)
ri = next(i for i,l in enumerate(good) if b'"kind":"temperature_reading"' in l)
print('quantity line', qi+1, 'reading line', ri+1)
def dirsum(d):
    hsh = hashlib.sha256()
    for root,ds,fs in sorted(os.walk(d)):
        ds.sort()
        for f in sorted(fs):
            p=os.path.join(root,f); hsh.update(p.encode()); hsh.update(open(p,'rb').read() if os.path.isfile(p) else b'special')
    return hsh.hexdigest()[:16]
def segsum(d):
    return hashlib.sha256(b''.join(open(os.path.join(d,f),'rb').read() for f in sorted(os.listdir(d)) if f.startswith('seg-'))).hexdigest()[:16]
summary=[]
def A(content, label, name='in.jsonl', extra=[], mk=None):
    cp('L','T')
    if mk: mk(name)
    elif content is not None: open(name,'wb').write(content)
    before = segsum('T')
    rc,out = run(['append','T',name]+extra, label=label, show=False, maxout=600)
    after = segsum('T')
    ch = 'UNCHANGED' if before==after else 'CHANGED'
    line = f"[{rc}] {ch} {label}: {out[:400]}"
    print(line); summary.append(line); h.LOG.write(f'   ledger segments {ch}\n')
def lines(ls, end=b'\n'): return b'\n'.join(ls)+end
def mut(i, f, base=None):
    ls=list(base or good); ls[i]=f(ls[i]); return lines(ls)
A(lines(good), 'baseline: 300 valid new events')
# invalid UTF-8
A(mut(qi, lambda l: l.replace(b'"recorded_by":["', b'"recorded_by":["\xff\xfe',1)), 'invalid UTF-8 in recorded_by')
A(mut(qi, lambda l: l.replace(b'"recorded_by":["', b'"recorded_by":["\xed\xa0\x80',1)), 'UTF-8 encoded surrogate (CESU) in string')
A(mut(qi, lambda l: l.replace(b'"recorded_by":["', b'"recorded_by":["\\ud800',1)), 'lone surrogate escape \\ud800')
A(mut(qi, lambda l: l.replace(b'"recorded_by":["', b'"recorded_by":["\x00',1)), 'raw NUL byte inside string')
A(mut(qi, lambda l: l.replace(b'"recorded_by":["', b'"recorded_by":["\\u0000',1)), 'escaped \\u0000 inside recorded_by')
A(mut(qi, lambda l: l + b'\x00'), 'NUL byte after the event on its line')
A(mut(qi, lambda l: b'\x00'*10), 'line of NUL bytes')
# numbers
for v in [b'1e400', b'18446744073709551616', b'-0', b'1000000000001', b'1000000000000', b'1.0', b'1e2', b'0', b'-1', b'00012', b'1' + b'0'*5000, b'NaN', b'Infinity', b'"5"', b'null', b'true']:
    A(mut(qi, lambda l: re.sub(rb'"quantity":\d+', b'"quantity":'+v, l, count=1)), f'quantity = {v[:30].decode()}')
A(mut(ri, lambda l: re.sub(rb'"celsius":[-\d.]+', b'"celsius":1e400', l, count=1)), 'celsius = 1e400')
A(mut(ri, lambda l: re.sub(rb'"celsius":[-\d.]+', b'"celsius":100.0000000000000001', l, count=1)), 'celsius = 100.0000000000000001')
A(mut(ri, lambda l: re.sub(rb'"celsius":[-\d.]+', b'"celsius":-0.0', l, count=1)), 'celsius = -0.0')
A(mut(ri, lambda l: re.sub(rb'"celsius":[-\d.]+', b'"celsius":1e-400', l, count=1)), 'celsius = 1e-400')
# duplicate keys
A(mut(qi, lambda l: re.sub(rb'"quantity":(\d+)', rb'"quantity":\1,"quantity":7', l, count=1)), 'duplicate key quantity')
A(mut(qi, lambda l: l.replace(b'{"v":2,', b'{"v":2,"v":1,',1)), 'duplicate key v')
A(mut(qi, lambda l: l.replace(b'"kind":"', b'"kind":"sale","kind":"',1)), 'duplicate key kind')
A(mut(qi, lambda l: l[:-1] + b',"id":"01a0f3e7-0a00-7120-a034-77fb342fe856"}'), 'duplicate key id at the end (other id)')
A(mut(qi, lambda l: l.replace(b'"data":{', b'"data":{},"data":{',1)), 'duplicate key data (empty first)')
# nesting
A(mut(qi, lambda l: l[:-1] + b',"x":' + b'['*100000 + b']'*100000 + b'}'), 'deep nesting 100k in unknown field')
A(mut(qi, lambda l: l.replace(b'"data":{', b'"data":{"zz":'+b'{"a":'*100000+b'1'+b'}'*100000+b',',1)), 'deep nesting 100k objects in data')
A(b'['*100000+b'\n', 'line of 100k [ only')
# BOM / CRLF / blank / framing
A(b'\xef\xbb\xbf'+lines(good), 'BOM at start (documented OK)')
A(mut(5, lambda l: b'\xef\xbb\xbf'+l), 'BOM at start of line 6')
A(lines([l+b'\r' for l in good]), 'CRLF (documented OK)')
A(lines(good).replace(b'\n', b'\r'), 'CR-only line endings')
A(lines(good[:5]+[b'']+good[5:]), 'blank line in the middle (documented ignored)')
A(lines(good[:5]+[b'   \t']+good[5:]), 'whitespace-only line in the middle')
A(b'', 'empty file')
A(b'\n\n\n', 'only blank lines')
A(lines(good, b''), 'missing final newline')
A(lines(good[:-1]+[good[-1][:len(good[-1])//2]], b''), 'file cut mid-line (last line)')
A(lines(good[:-1]+[good[-1][:len(good[-1])//2]]), 'last line truncated but newline-terminated')
# kinds of files
A(None, 'input is a directory', name='adir', mk=lambda n: os.makedirs(n, exist_ok=True))
A(None, 'input does not exist', name='nonexistent.jsonl', mk=lambda n: None)
A(None, 'input is /dev/null', name='/dev/null', mk=lambda n: None)
def mkunread(n):
    open(n,'wb').write(lines(good)); os.chmod(n, 0)
A(None, 'unreadable file (mode 000; running as root?)', name='unread.jsonl', mk=mkunread)
# content-level
A(mut(qi, lambda l: l[:-1]+b',"unknown":1}'), 'unknown top-level field')
A(mut(qi, lambda l: l.replace(b'"v":2', b'"v":3',1)), 'version 3')
A(mut(qi, lambda l: re.sub(rb'"id":"[^"]+"', b'"id":"not-a-uuid"', l, count=1)), 'id not a uuid')
A(mut(qi, lambda l: re.sub(rb'"id":"([^"]+)"', lambda m: b'"id":"'+m[1][:14]+b'4'+m[1][15:]+b'"', l, count=1)), 'id a UUID v4')
A(mut(qi, lambda l: re.sub(rb'"id":"([^"]+)"', lambda m: b'"id":"'+m[1].upper()+b'"', l, count=1)), 'id upper-case hex')
A(mut(qi, lambda l: re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"1999-12-31T23:59:59Z"', l, count=1)), 'occurred_at 1999')
A(mut(qi, lambda l: re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"2100-01-01T00:00:00Z"', l, count=1)), 'occurred_at 2100')
A(mut(qi, lambda l: re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"2099-12-31T23:59:59-08:00"', l, count=1)), 'occurred_at 2099-12-31T23:59:59-08:00 (UTC 2100)')
A(mut(qi, lambda l: re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"2026-10-01T23:59:60Z"', l, count=1)), 'occurred_at leap second :60')
A(mut(qi, lambda l: re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"2026-10-01T12:00:00+24:00"', l, count=1)), 'occurred_at offset +24:00')
A(mut(qi, lambda l: re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"2026-10-01T12:00:00.1234567891234Z"', l, count=1)), 'occurred_at 13 fractional digits')
A(mut(qi, lambda l: re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"2026-02-30T12:00:00Z"', l, count=1)), 'occurred_at Feb 30')
A(mut(qi, lambda l: l.replace(b'"recorded_by":["', b'"recorded_by":["'+b'a'*4097,1)), 'recorded_by 4097 bytes')
A(mut(qi, lambda l: l.replace(b'"recorded_by":["', b'"recorded_by":["'+b'a'*4090,1)), 'recorded_by ~4096 bytes (accept?)')
A(lines(good+[good[0]]), 'identical copy of line 1 at end (documented: skipped, counted)')
el = open('e.jsonl','rb').read().split(b'\n')[:-1]
A(lines(good+[el[10].replace(b'"recorded_by":["', b'"recorded_by":["Z',1)]), 'id already stored (rec 11) with different content')
A(lines(good+[good[3].replace(b'"recorded_by":["', b'"recorded_by":["Z',1)]), 'same id twice in input with different content')
A(lines(good+[el[10].replace(b'{"v":2,', b'{ "v":2,',1)]), 'id already stored, same event, different spelling (whitespace)')
A(lines(good+[el[10].replace(b'"v":2', b'"v":1',1)]), 'id already stored, same event re-sent as v:1')
# long line
A(None, '100 MB line (limit 16 MiB)', mk=lambda n: open(n,'wb').write(lines(good[:3])+b'{"v":2,"x":"'+b'a'*(100*1024*1024)+b'"}\n'+lines(good[3:])))
A(lines(good), 'max-line-bytes 100 with normal input', extra=['--max-line-bytes','100'])
A(lines(good), 'max-line-bytes 0', extra=['--max-line-bytes','0'])
A(lines(good), 'batch-size huge', extra=['--batch-size','18446744073709551615'])
open(W+'/t6_summary.txt','w').write('\n'.join(summary)+'\n')
