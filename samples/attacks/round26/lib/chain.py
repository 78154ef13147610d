# Recompute rxledger chain hashes per docs/architecture.md
import json, re, struct, sys
sys.path.insert(0, '/work/atk26/work/lib')
from b3 import derive_key
LEAF = "rxledger 2026-11 record leaf v1"
LINK = "rxledger 2026-11 chain link v1"
RX = re.compile(rb'^\{"seq":(\d+),"batch_end":(\d+),"recorded_at":"([^"]*)","prev":"([0-9a-f]{64})","hash":"([0-9a-f]{64})","event":(.*)\}$', re.S)
def parse(line):
    m = RX.match(line)
    if not m: raise ValueError("bad envelope: %r" % line[:80])
    return dict(seq=int(m[1]), batch_end=int(m[2]), recorded_at=m[3], prev=m[4].decode(), hash=m[5].decode(), event=m[6])
def leaf(seq, be, ra, payload):
    return derive_key(LEAF, struct.pack('<QQ', seq, be) + bytes([len(ra)]) + ra + payload)
def link(prev_hex, lf):
    return derive_key(LINK, bytes.fromhex(prev_hex) + lf).hex()
def render(r):
    return b'{"seq":%d,"batch_end":%d,"recorded_at":"%s","prev":"%s","hash":"%s","event":%s}' % (r['seq'], r['batch_end'], r['recorded_at'], r['prev'].encode(), r['hash'].encode(), r['event'])
def rechain(recs, start_prev='0'*64):
    prev = start_prev
    for r in recs:
        r['prev'] = prev
        r['hash'] = link(prev, leaf(r['seq'], r['batch_end'], r['recorded_at'], r['event']))
        prev = r['hash']
    return recs
def read(path):
    with open(path,'rb') as f:
        return [parse(l.rstrip(b'\n')) for l in f if l.strip()]
def write(path, recs):
    with open(path,'wb') as f:
        for r in recs: f.write(render(r)+b'\n')
if __name__ == '__main__':
    recs = read(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv)>2 else 5
    prev = '0'*64
    for r in recs[:n]:
        h = link(prev, leaf(r['seq'], r['batch_end'], r['recorded_at'], r['event']))
        print(r['seq'], h == r['hash'], r['prev']==prev)
        prev = r['hash']
