# RFC 8032 Ed25519 reference (stdlib) + signed-note helpers
import hashlib, base64
p = 2**255 - 19; L = 2**252 + 27742317777372353535851937790883648493
def H(m): return hashlib.sha512(m).digest()
d = -121665 * pow(121666, p-2, p) % p
I = pow(2, (p-1)//4, p)
def xrecover(y):
    xx = (y*y-1) * pow(d*y*y+1, p-2, p); x = pow(xx, (p+3)//8, p)
    if (x*x - xx) % p != 0: x = (x*I) % p
    if x % 2 != 0: x = p-x
    return x
By = 4 * pow(5, p-2, p) % p; Bx = xrecover(By); B = (Bx % p, By % p, 1, Bx*By % p)
def add(P, Q):
    A=(P[1]-P[0])*(Q[1]-Q[0])%p; Bv=(P[1]+P[0])*(Q[1]+Q[0])%p; C=2*P[3]*Q[3]*d%p; D=2*P[2]*Q[2]%p
    E,F,G,Hh=Bv-A,D-C,D+C,Bv+A
    return (E*F%p, G*Hh%p, F*G%p, E*Hh%p)
def mul(s, P):
    Q=(0,1,1,0)
    while s>0:
        if s&1: Q=add(Q,P)
        P=add(P,P); s>>=1
    return Q
def enc(P):
    zi=pow(P[2],p-2,p); x=P[0]*zi%p; y=P[1]*zi%p
    return int.to_bytes(y | ((x & 1) << 255), 32, 'little')
def secret_expand(seed):
    h=H(seed); a=int.from_bytes(h[:32],'little'); a &= (1<<254)-8; a |= (1<<254); return a, h[32:]
def pubkey(seed): a,_=secret_expand(seed); return enc(mul(a,B))
def sign(seed, msg):
    a,prefix=secret_expand(seed); A=enc(mul(a,B))
    r=int.from_bytes(H(prefix+msg),'little')%L; R=enc(mul(r,B))
    h=int.from_bytes(H(R+A+msg),'little')%L; s=(r+h*a)%L
    return R+int.to_bytes(s,32,'little')
def load_key(path):
    # PRIVATE+KEY+name+keyid+base64(0x01||seed)
    parts=open(path).read().strip().split('+')
    name=parts[2]; kid=parts[3]; raw=base64.b64decode(parts[4]); assert raw[0]==1
    return name, bytes.fromhex(kid), raw[1:]
def keyid(name, pub): return hashlib.sha256(name.encode()+b'\n'+b'\x01'+pub).digest()[:4]
def sigline(keyfile, text):
    name,kid,seed=load_key(keyfile)
    assert keyid(name,pubkey(seed))==kid, 'keyid mismatch'
    return '— %s %s\n' % (name, base64.b64encode(kid+sign(seed,text.encode())).decode())
def note(keyfile, text): return text + '\n' + sigline(keyfile, text)
