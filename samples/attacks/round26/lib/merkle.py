import sys, base64; sys.path.insert(0,'/work/atk26/work/lib')
from b3 import derive_key
from chain import read, leaf
ML="rxledger 2026-11 merkle leaf v1"; MN="rxledger 2026-11 merkle node v1"
def mleaves(recs): return [derive_key(ML, leaf(r['seq'],r['batch_end'],r['recorded_at'],r['event'])) for r in recs]
def node(a,b): return derive_key(MN, a+b)
def mth(ls):
    n=len(ls)
    if n==0: return None
    if n==1: return ls[0]
    k=1
    while k*2<n: k*=2
    return node(mth(ls[:k]), mth(ls[k:]))
if __name__=='__main__':
    recs=read(sys.argv[1]); n=int(sys.argv[2]) if len(sys.argv)>2 else len(recs)
    print(base64.b64encode(mth(mleaves(recs[:n]))).decode())
