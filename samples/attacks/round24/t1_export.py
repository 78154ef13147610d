# Attack 1a: tampering with an exported JSONL ledger
import sys; sys.path.insert(0,'/work/atk24/work')
from h import *; import h; from chain import *
import re
os.chdir(W); setlog(W+'/t1_export.log')
_last = parse(open('ledger.jsonl','rb').read().split(b'\n')[-2]); HEAD = '%d:%s' % (_last['seq'], _last['hash'])
lines = open('ledger.jsonl','rb').read().split(b'\n')[:-1]
def wr(name, ls, end=b'\n'):
    open(name,'wb').write(b'\n'.join(ls)+end); return name
def V(name, label, extra=[]):
    run(['verify', name]+extra, label=label)
def C(name, label):
    rc,out = run(['check', name, '--format','json'], label=label+' (check)', show=False, maxout=100000)
    import json
    try:
        d = json.loads(out.split('\n[stderr]')[0])
        ch = [f for f in d['findings'] if f['rule']=='CHAIN']
        print(f"   check rc={rc} chain_ok={d['chain_ok']} records={d['records']} CHAIN={[ (f['seq'], f['message'][:160]) for f in ch]}")
        h.LOG.write(f"   check rc={rc} chain_ok={d['chain_ok']} records={d['records']} CHAIN={[ (f['seq'], f['message'][:200]) for f in ch]}\n")
    except Exception as e:
        print('   check rc', rc, out[:300]); h.LOG.write(f'   check rc={rc} {out[:300]}\n')
# 1 byte edit inside event of rec 500: change a digit in "quantity"
L2 = list(lines); l = L2[499]
m = re.search(rb'"quantity":(\d)', l)
if m:
    i = m.start(1); d = l[i:i+1]; L2[499] = l[:i] + (b'1' if d!=b'1' else b'2') + l[i+1:]
else:
    L2[499] = l.replace(b'"v":2', b'"v":1',1)
V(wr('x-edit.jsonl', L2), 'edit one byte in record 500 event'); C('x-edit.jsonl','edit')
# edit recorded_at
L2 = list(lines); L2[499] = L2[499].replace(b'"recorded_at":"2026', b'"recorded_at":"2025',1)
V(wr('x-recat.jsonl', L2), 'edit recorded_at of record 500')
# hex case change in hash
L2 = list(lines); r=parse(L2[499]); L2[499] = L2[499].replace(r['hash'].encode(), r['hash'].upper().encode())
V(wr('x-case.jsonl', L2), 'upper-case hash of record 500')
# reorder 500/501
L2 = list(lines); L2[499],L2[500]=L2[500],L2[499]
V(wr('x-swap.jsonl', L2), 'swap records 500 and 501'); C('x-swap.jsonl','swap')
# delete middle
L2 = lines[:499]+lines[500:]
V(wr('x-delmid.jsonl', L2), 'delete record 500'); C('x-delmid.jsonl','delmid')
# delete last record
V(wr('x-dellast.jsonl', lines[:-1]), 'delete last record (2000)'); C('x-dellast.jsonl','dellast')
# delete last whole batch
V(wr('x-dellastbatch.jsonl', lines[:1000]), 'delete whole last batch (1001-2000), no --head')
V('x-dellastbatch.jsonl', 'delete whole last batch, with --head', ['--head', HEAD])
# duplicate rec 500
L2 = lines[:500]+[lines[499]]+lines[500:]
V(wr('x-dup.jsonl', L2), 'duplicate record 500'); C('x-dup.jsonl','dup')
# duplicate last record at end
V(wr('x-duplast.jsonl', lines+[lines[-1]]), 'duplicate last record at end'); C('x-duplast.jsonl','duplast')
# blank line between
L2 = lines[:500]+[b'']+lines[500:]
V(wr('x-blankmid.jsonl', L2), 'blank line between 500 and 501')
L2 = lines[:500]+[b'   ']+lines[500:]
V(wr('x-spacemid.jsonl', L2), 'line of spaces between 500 and 501')
# trailing blank lines
V(wr('x-trail.jsonl', lines, b'\n\n\n\n'), 'three trailing blank lines')
V(wr('x-trailsp.jsonl', lines, b'\n  \n'), 'trailing line of spaces')
V(wr('x-trailcr.jsonl', lines, b'\n\r\n'), 'trailing CR-only line')
# CRLF & BOM
V(wr('x-crlf.jsonl', [l+b'\r' for l in lines]), 'CRLF line endings'); C('x-crlf.jsonl','crlf')
V(wr('x-bom.jsonl', [b'\xef\xbb\xbf'+lines[0]]+lines[1:]), 'BOM added')
V(wr('x-bom2.jsonl', lines[:500]+[b'\xef\xbb\xbf'+lines[500]]+lines[501:]), 'BOM before record 501 (mid file)')
V(wr('x-crone.jsonl', lines[:500]+[lines[500]+b'\r']+lines[501:]), 'CR only on record 501')
V(wr('x-crlf-edit.jsonl', [l+b'\r' for l in open('x-edit.jsonl','rb').read().split(b'\n')[:-1]]), 'CRLF + edited record 500')
V(wr('x-crcr.jsonl', [l+b'\r\r' for l in lines]), 'double CR at line ends')
# no final newline
V(wr('x-nofinal.jsonl', lines, b''), 'no final newline')
# last line cut mid-record
V(wr('x-cut.jsonl', lines[:-1]+[lines[-1][:200]], b''), 'last record cut mid-line')
# splice record from another ledger (same seq) 
other = open('ledger-other.jsonl','rb').read().split(b'\n')[:-1]
L2 = lines[:499]+[other[499]]+lines[500:]
V(wr('x-splice.jsonl', L2), 'splice record 500 from another ledger'); C('x-splice.jsonl','splice')
# consistent rehash after edit
recs = read('x-edit.jsonl'); rechain(recs); write('x-rehash.jsonl', recs)
V('x-rehash.jsonl', 'edit record 500 and recompute all hashes (no --head)')
V('x-rehash.jsonl', 'same, with --head', ['--head', HEAD])
V('x-rehash.jsonl', 'same, with --head HEX only', ['--head', HEAD.split(':')[1]])
# splice whole other ledger tail after rehash
# whitespace change inside envelope
L2=list(lines); L2[499]=L2[499].replace(b'"seq":500,', b'"seq": 500,')
V(wr('x-ws.jsonl',L2),'space inside envelope of 500')
L2=list(lines); L2[499]=L2[499].replace(b'"seq":500,', b'"seq":0500,')
V(wr('x-lz.jsonl',L2),'leading zero seq 500')
# JSON escape change in payload that is semantically identical, rehashed
recs=read('ledger.jsonl'); r=recs[499]; r['event']=r['event'].replace(b'"v":2', b'"v":2 ',1); rechain(recs); write('x-noncanon.jsonl',recs)
V('x-noncanon.jsonl','non-canonical payload (extra space) rehashed consistently'); C('x-noncanon.jsonl','noncanon')
# head checks
V('ledger.jsonl','head with wrong seq', ['--head', '1999:'+HEAD.split(':')[1]])
V('ledger.jsonl','head 0:zeros', ['--head', '0:'+'0'*64])
V('ledger.jsonl','head 0:ones', ['--head', '0:'+'1'*64])
V('ledger.jsonl','head seq beyond', ['--head', '99999999999999999999999:'+HEAD.split(':')[1]])
V('ledger.jsonl','head uppercase', ['--head', HEAD.upper()])
V('ledger.jsonl','head short hex', ['--head', '2000:abcd'])
V('ledger.jsonl','head negative', ['--head', '-1:'+HEAD.split(':')[1]])
V('ledger.jsonl','head of an earlier record hex-only', ['--head', parse(lines[9])['hash']])
