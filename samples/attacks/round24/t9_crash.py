# Attack 4: kill -9 during a large append, then retry; check acknowledged events kept, none doubled
import sys; sys.path.insert(0,'/work/atk24/work')
from h import *; import h
import subprocess, signal, json, random, collections
os.chdir(W); setlog(W+'/t9_crash.log')
N = 100000
def count_and_dups(d):
    # parse records directly: count records, event ids duplicated
    ids = collections.Counter(); n = 0
    for f in sorted(x for x in os.listdir(d) if x.startswith('seg-')):
        for line in open(os.path.join(d,f),'rb'):
            if not line.endswith(b'\n'): continue
            i = line.find(b'"event":{"v":2,"id":"'); 
            ids[line[i+21:i+57]] += 1; n += 1
    return n, sum(1 for v in ids.values() if v>1)
results=[]
for trial, (delay,bs) in enumerate([(0.05,'1000'),(0.1,'1000'),(0.15,'1000'),(0.2,'1000'),(0.25,'1000'),(0.1,'100'),(0.3,'100'),(0.5,'10'),(1.0,'10'),(0.1,'0'),(0.2,'0')]):
    shutil.rmtree('C', ignore_errors=True)
    subprocess.run([R,'init','C'], capture_output=True)
    p = subprocess.Popen([R,'append','C','big.jsonl','--ack','--batch-size',bs], cwd=W, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    os.kill(p.pid, signal.SIGKILL)  # the rxledger process itself (started directly, no wrapper)
    out,err = p.communicate(timeout=60)
    acks = [l for l in out.decode().split('\n') if l.startswith('acknowledged')]
    last_ack = acks[-1] if acks else None
    acked_seq = int(last_ack.split()[1]) if last_ack else 0
    acked_hash = last_ack.split()[2] if last_ack else '0'*64
    rc,vout = run(['verify','C','--head', f'{acked_seq}:{acked_hash}'], label=f'trial {trial}: verify after kill at {delay}s against last ack {acked_seq}', show=False)
    n1,d1 = count_and_dups('C')
    rc2,out2 = run(['append','C','big.jsonl','--ack'], label=f'trial {trial}: re-run same append', show=False, maxout=400)
    n2,d2 = count_and_dups('C')
    rc3,vout3 = run(['verify','C','--head', f'{acked_seq}:{acked_hash}'], label=f'trial {trial}: verify after retry', show=False)
    s = f"trial {trial} kill@{delay}s batch={bs}: acks={len(acks)} last acked seq={acked_seq}; after kill: verify rc={rc} records-on-disk={n1} dup-ids={d1}; retry rc={rc2} ({out2.splitlines()[-1][:160] if out2 else ''}); after retry records={n2} dup-ids={d2} (expected {N}); verify rc={rc3}"
    print(s); results.append(s); h.LOG.write(s+'\n')
# final: a full re-run once more must append nothing
rc,out = run(['append','C','big.jsonl'], label='third run: nothing to append', show=True, maxout=300)
open(W+'/t9_summary.txt','w').write('\n'.join(results)+'\n')
