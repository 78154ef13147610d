import sys, struct, blake3, json
def leaf(seq, be, rat, payload):
    m=struct.pack("<Q",seq)+struct.pack("<Q",be)+bytes([len(rat)])+rat.encode()+payload
    return blake3.blake3(m, derive_key_context="rxledger 2026-11 record leaf v1").digest()
def link(prev, lf):
    return blake3.blake3(prev+lf, derive_key_context="rxledger 2026-11 chain link v1").digest()
def parse(line):
    line=line.rstrip("\n"); i=line.index(',"event":'); env=json.loads(line[:i]+"}")
    return env, line[i+len(',"event":'):-1]
def build(payloads, rat):
    out=[]; prev=bytes(32); n=len(payloads)
    for k,p in enumerate(payloads,1):
        h=link(prev, leaf(k,n,rat,p.encode()))
        out.append('{"seq":%d,"batch_end":%d,"recorded_at":"%s","prev":"%s","hash":"%s","event":%s}'%(k,n,rat,prev.hex(),h.hex(),p))
        prev=h
    return out
if __name__=="__main__":
    src=open(sys.argv[1]).read().splitlines(True)
    envs=[parse(l) for l in src]
    # self-test: recompute original
    prev=bytes(32)
    for env,p in envs:
        h=link(prev, leaf(env["seq"],env["batch_end"],env["recorded_at"],p.encode()))
        assert h.hex()==env["hash"], env["seq"]; prev=h
    print("selftest ok")
    pl=[p for _,p in envs]; rat=envs[0][0]["recorded_at"]
    new=pl[:21]+[pl[20]]+pl[21:40]
    p41=pl[39]; ev=json.loads(p41); old=ev["entered_at"]
    assert old=="2026-10-28T01:21:00Z", old
    new+= [pl[39]] if False else []
    new.append(p41.replace('"entered_at":"2026-10-28T01:21:00Z"','"entered_at":"2026-10-28T01:51:00Z"'))
    new+=pl[40:]
    assert len(new)==48
    open(sys.argv[2],"w").write("\n".join(build(new,rat))+"\n")
