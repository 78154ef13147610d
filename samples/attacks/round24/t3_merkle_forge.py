# Attack: plant a forged Merkle index so that `checkpoint` signs the root of a forged ledger
import sys; sys.path.insert(0,'/work/atk24/work')
from h import *; import h; from chain import *; from merkle import *
import json
os.chdir(W); setlog(W+'/t3_merkle_forge.log')
cp('L','F0')   # genuine ledger, no checkpoint yet
recs = read('ledger.jsonl')
# forged ledger: record 500 altered (recorded_by), whole chain recomputed
forged = read('ledger.jsonl'); forged[499]['event'] = forged[499]['event'].replace(b'"recorded_by":["', b'"recorded_by":["FORGED-', 1)
rechain(forged); write('forged.jsonl', forged)
fl = mleaves(forged)
os.makedirs('F0/merkle', exist_ok=True)
open('F0/merkle/leaves.bin','wb').write(b''.join(fl))
open('F0/merkle/blocks.bin','wb').write(mth(fl[:1024]))
open('F0/merkle/head','w').write('%d %s\n' % (recs[-1]['seq'], recs[-1]['hash']))   # genuine chain head, so the index looks up to date
print('head file format check (genuine):', open('D0/merkle/head','rb').read()[:80])
run(['verify','F0'], label='genuine records verify (index planted)')
run(['checkpoint','F0','--key','k1.key','-o','cp-F0.txt'], label='company signs a checkpoint of its (genuine) ledger')
print(open('cp-F0.txt').read(), 'root of forged ledger:', base64.b64encode(mth(fl)).decode(), ' genuine:', base64.b64encode(mth(mleaves(recs))).decode())
run(['prove','F0','--seq','500','--checkpoint','cp-F0.txt','-o','p-forged500.json'], label='company proves record 500')
open('r500-forged.txt','wb').write(render(forged[499])+b'\n')
open('r500-genuine.txt','wb').write(render(recs[499])+b'\n')
run(['verify-proof','--record','r500-forged.txt','--proof','p-forged500.json','--checkpoint','cp-F0.txt','--pubkey','k1.pub'], label='regulator checks FORGED record 500')
run(['verify-proof','--record','r500-genuine.txt','--proof','p-forged500.json','--checkpoint','cp-F0.txt','--pubkey','k1.pub'], label='regulator checks GENUINE record 500')
run(['verify','forged.jsonl','--checkpoint','cp-F0.txt','--pubkey','k1.pub'], label='forged export verified against the signed checkpoint')
run(['verify','ledger.jsonl','--checkpoint','cp-F0.txt','--pubkey','k1.pub'], label='genuine export verified against the signed checkpoint')
run(['verify','F0'], label='company later verifies its directory')
run(['check','F0'], label='company later checks its directory', maxout=600)
