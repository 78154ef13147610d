# Pure-Python BLAKE3 (derive_key), stdlib only
import struct
IV = [0x6A09E667,0xBB67AE85,0x3C6EF372,0xA54FF53A,0x510E527F,0x9B05688C,0x1F83D9AB,0x5BE0CD19]
PERM = [2,6,3,10,7,0,4,13,1,11,12,5,9,14,15,8]
CHUNK_START,CHUNK_END,PARENT,ROOT,KEYED,DKC,DKM = 1,2,4,8,16,32,64
M32 = 0xffffffff
def rotr(x,n): return ((x>>n)|(x<<(32-n))) & M32
def g(s,a,b,c,d,x,y):
    s[a]=(s[a]+s[b]+x)&M32; s[d]=rotr(s[d]^s[a],16)
    s[c]=(s[c]+s[d])&M32; s[b]=rotr(s[b]^s[c],12)
    s[a]=(s[a]+s[b]+y)&M32; s[d]=rotr(s[d]^s[a],8)
    s[c]=(s[c]+s[d])&M32; s[b]=rotr(s[b]^s[c],7)
def compress(cv, block_words, counter, block_len, flags):
    s = list(cv) + IV[:4] + [counter & M32, (counter>>32)&M32, block_len, flags]
    m = list(block_words)
    for r in range(7):
        g(s,0,4,8,12,m[0],m[1]); g(s,1,5,9,13,m[2],m[3]); g(s,2,6,10,14,m[4],m[5]); g(s,3,7,11,15,m[6],m[7])
        g(s,0,5,10,15,m[8],m[9]); g(s,1,6,11,12,m[10],m[11]); g(s,2,7,8,13,m[12],m[13]); g(s,3,4,9,14,m[14],m[15])
        if r < 6: m = [m[i] for i in PERM]
    for i in range(8):
        s[i] ^= s[i+8]; s[i+8] ^= cv[i]
    return s
def words(b):
    b = b + b'\0'*(64-len(b))
    return struct.unpack('<16I', b)
def _hash(data, key, flags):
    # chunks
    chunks = [data[i:i+1024] for i in range(0, len(data), 1024)] or [b'']
    cvs = []
    n = len(chunks)
    def chunk_out(ci, chunk):
        # returns (cv_in, words, counter, blen, flags) of last block
        blocks = [chunk[i:i+64] for i in range(0,len(chunk),64)] or [b'']
        cv = key
        for bi, blk in enumerate(blocks):
            f = flags
            if bi == 0: f |= CHUNK_START
            if bi == len(blocks)-1:
                f |= CHUNK_END
                return (cv, words(blk), ci, len(blk), f)
            cv = compress(cv, words(blk), ci, 64, f)[:8]
    if n == 1:
        cv, w, c, bl, f = chunk_out(0, chunks[0])
        out = compress(cv, w, c, bl, f | ROOT)
        return struct.pack('<8I', *out[:8])
    # build tree per blake3: stack-based
    stack = []
    outs = []
    for ci, ch in enumerate(chunks):
        cv, w, c, bl, f = chunk_out(ci, ch)
        outs.append((cv,w,c,bl,f))
    # tree: left subtree is largest power of 2 chunks < n
    def node(lo, hi):
        # returns output tuple (cv,w,c,bl,f) not finalized
        if hi - lo == 1: return outs[lo]
        cnt = hi - lo
        p = 1
        while p*2 < cnt: p *= 2
        l = node(lo, lo+p); r = node(lo+p, hi)
        lcv = compress(*l)[:8]; rcv = compress(*r)[:8]
        return (key, struct.unpack('<16I', struct.pack('<8I',*lcv)+struct.pack('<8I',*rcv)), 0, 64, flags|PARENT)
    cv,w,c,bl,f = node(0,n)
    out = compress(cv,w,c,bl,f|ROOT)
    return struct.pack('<8I', *out[:8])
def hash_(data): return _hash(data, IV, 0)
_ctx = {}
def derive_key(context, material):
    if context not in _ctx:
        ck = _hash(context.encode(), IV, DKC)
        _ctx[context] = list(struct.unpack('<8I', ck))
    return _hash(material, _ctx[context], DKM)
if __name__ == '__main__':
    # known test vector: blake3("") = af1349b9...
    print(hash_(b'').hex())
    print(hash_(bytes(range(251))*5)[:8].hex())
