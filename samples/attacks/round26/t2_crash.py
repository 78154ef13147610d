# Round 26, area 2: SIGKILL during `checkpoint`, and during `append --ack` with a concurrent `checkpoint`; then retry
import sys, os, json, random, subprocess, time, signal; sys.path.insert(0,'/work/atk26/work/lib')
from h import *
os.chdir(W+'/fx'); setlog(W+'/t2_crash.log'); random.seed(26)
def hist(d):
    p=f'{d}/checkpoints.jsonl'
    if not os.path.exists(p): return 'none'
    b=open(p,'rb').read(); n=b.count(NL); e=b.endswith(NL); return f'{n} LF, ends_LF={e}, {len(b)} bytes'
NL=bytes([10])
bad=0
# A: checkpoint killed
if not os.path.isdir('B'): sys.exit('run setup first')
for i in range(16):
    cp('B','CK'); d=random.uniform(0.0,0.6)
    if os.path.exists('ck.txt'): os.remove('ck.txt')
    p=subprocess.Popen([R,'checkpoint','CK','--key','k1.key','-o','ck.txt'],stdout=subprocess.PIPE,stderr=subprocess.PIPE,cwd=W+'/fx')
    time.sleep(d); p.send_signal(signal.SIGKILL); p.wait()
    s=f'trial {i} kill after {d:.3f}s rc={p.returncode} history: {hist("CK")} ck.txt={os.path.exists("ck.txt")} tmpfiles={[f for f in os.listdir(".") if f.startswith(".ck") or "ck.txt." in f]}'
    rc1,o1=run(['verify','CK'],show=False); rc2,o2=run(['checkpoint','CK','--key','k1.key','-o','ck2.txt'],show=False); rc3,o3=run(['verify','CK','--checkpoint','ck2.txt','--pubkey','k1.pub'],show=False)
    rc4,o4=run(['verify','CK'],show=False)
    s+=f'\n   verify rc={rc1} | re-checkpoint rc={rc2} | verify --checkpoint rc={rc3} | verify rc={rc4} history after: {hist("CK")}'
    if rc1 or rc2 or rc3 or rc4: bad+=1; s+='\n   !! '+o1[:200]+' | '+o2[:200]+' | '+o4[:200]
    log(s)
log(f'checkpoint-kill trials with a failure: {bad}')
# B: append --ack killed while checkpoints run in a loop; retry
bad=0
for i in range(6):
    if os.path.exists('A'): shutil.rmtree('A')
    run(['init','A'],show=False)
    stop=time.time()+1.5
    p=subprocess.Popen([R,'append','A','big.jsonl','--ack','--batch-size',str(random.choice([10,100,1000]))],stdout=subprocess.PIPE,stderr=subprocess.PIPE,cwd=W+'/fx')
    d=random.uniform(0.2,1.2); t0=time.time(); cps=[]
    while time.time()-t0<d:
        q=subprocess.run([R,'checkpoint','A','--key','k1.key','-o',f'a{len(cps)}.txt'],capture_output=True,cwd=W+'/fx'); cps.append((q.returncode,q.stdout.decode()[:80],q.stderr.decode()[:200]))
    p.send_signal(signal.SIGKILL); out,_=p.communicate()
    acks=[l for l in out.decode().split('\n') if l.startswith('acknowledged')]
    last=acks[-1].split()[1:3] if acks else None
    s=f'trial {i}: killed after {d:.2f}s, {len(acks)} acks, last={last[0] if last else None}; {len(cps)} checkpoints, rcs={sorted(set(c[0] for c in cps))} {[c[2] for c in cps if c[0]][:1]}'
    if last: rc,o=run(['verify','A','--head',f'{last[0]}:{last[1]}'],show=False); s+=f'\n   verify --head last ack rc={rc} {o[:150]}'
    rc,o=run(['verify','A'],show=False); s+=f'\n   verify rc={rc} {o[-160:]}'
    # checkpoints made during the append must all be extended
    for j in range(len(cps)):
        if cps[j][0]==0:
            rcj,oj=run(['verify','A','--checkpoint',f'a{j}.txt','--pubkey','k1.pub'],show=False)
            if rcj: s+=f'\n   !! checkpoint a{j} not extended: {oj[:200]}'; bad+=1
    rc,o=run(['append','A','big.jsonl','--ack'],show=False, timeout=120); s+=f'\n   retry rc={rc} {o.splitlines()[-1][:160] if o else ""}'
    rc,o=run(['append','A','big.jsonl'],show=False, timeout=120); s+=f'\n   3rd run rc={rc} {o[-120:]}'
    rc,o=run(['export','A','-o','A.jsonl'],show=False)
    ids=[json.loads(l)['event']['id'] for l in open('A.jsonl')] if rc==0 else []
    s+=f'\n   records={len(ids)} unique ids={len(set(ids))}'
    if len(ids)!=100000 or len(set(ids))!=100000: bad+=1; s+='  !!'
    rc,o=run(['verify','A'],show=False); s+=f'\n   final verify rc={rc}'; bad+= rc!=0
    log(s)
log(f'append-kill trials with a failure: {bad}')
