# Attack 2b: checkpoints against a whole ledger; prove edge cases
import sys; sys.path.insert(0,'/work/atk24/work')
from h import *; import h; from chain import *; from merkle import *; from ed import *
import json, base64
os.chdir(W); setlog(W+'/t5_cpledger.log')
CP=open('cp2k.txt').read(); body=CP.split('\n\n')[0]+'\n'; o,n,r=body.strip().split('\n')
recs=read('P.jsonl')
def S(t,k='k1.key'): return note(k,t)
def w(name,t): open(name,'w',newline='').write(t); return name
r1500=base64.b64encode(mth(mleaves(recs[:1500]))).decode()
w('cp-5000.txt', S(f'{o}\n5000\n{r}\n')); w('cp-1500.txt', S(f'{o}\n1500\n{r1500}\n')); w('cp-1500-wrongroot.txt', S(f'{o}\n1500\n{r}\n'))
w('cp-origin.txt', S(f'rxledger/OTHERCOMPANY\n2000\n{r}\n')); w('cp-0.txt', S(f'{o}\n0\n{r}\n'))
for f,lab in [('cp-5000.txt','signed checkpoint size 5000 > ledger'),('cp-1500.txt','signed checkpoint of prefix 1500 (genuine)'),('cp-1500-wrongroot.txt','signed checkpoint 1500 with wrong root'),('cp-origin.txt','checkpoint with other origin, right root'),('cp-0.txt','size 0 with non-empty root')]:
    run(['verify','P.jsonl','--checkpoint',f,'--pubkey','k1.pub'], label='verify export: '+lab)
    run(['verify','P','--checkpoint',f,'--pubkey','k1.pub'], label='verify dir: '+lab)
run(['verify','P','--checkpoint','cp2k.txt'], label='--checkpoint without --pubkey')
run(['verify','P','--pubkey','k1.pub'], label='--pubkey without --checkpoint')
run(['verify','P','--checkpoint','cp2k.txt','--pubkey','k1.key'], label='private key given as pubkey')
run(['verify','P','--checkpoint','cp2k.txt','--pubkey','cp2k.txt'], label='garbage pubkey')
w('badpub.pub', 'k1+60edf10b+AV9T89B9K66ZSI7hGtRGpKp79hjr6vvAryZtRQOEkR0B\n'); run(['verify','P','--checkpoint','cp2k.txt','--pubkey','badpub.pub'], label='pubkey with altered key bytes, same id')
w('badpub2.pub', 'k1+60edf10b+AV9T89B9K66ZSI7hGtRGpKp79hjr6vvAryZtRQOEkR0A'); run(['verify','P','--checkpoint','cp2k.txt','--pubkey','badpub2.pub'], label='pubkey without final newline')
w('badpub3.pub', 'k1+60edf10b+AlT89B9K66ZSI7hGtRGpKp79hjr6vvAryZtRQOEkR0A\n'); run(['verify','P','--checkpoint','cp2k.txt','--pubkey','badpub3.pub'], label='pubkey with algorithm byte 0x02')
# prove edge cases
for s in ['0','2001','5000','-1','18446744073709551616','abc','1e3']:
    run(['prove','P','--seq',s,'--checkpoint','cp2k.txt','-o','t-prove.json'], label=f'prove --seq {s}')
run(['prove','P','--seq','42','--checkpoint','cp-5000.txt','-o','t-prove.json'], label='prove with checkpoint beyond ledger')
run(['prove','P','--seq','42','--checkpoint','cp-1500-wrongroot.txt','-o','t-prove.json'], label='prove with checkpoint of wrong root (size 1500)')
run(['prove','P','--seq','1600','--checkpoint','cp-1500.txt','-o','t-prove.json'], label='prove seq beyond checkpoint size')
run(['prove','P','--seq','42','--checkpoint','cp-origin.txt','-o','t-prove.json'], label='prove with checkpoint of other origin')
run(['prove','P','--checkpoint','cp2k.txt','--consistency','cp-1500-wrongroot.txt','-o','t-c.json'], label='prove consistency from forged old root')
run(['prove','P','--checkpoint','cp-1500.txt','--consistency','cp2k.txt','-o','t-c.json'], label='prove consistency new<old')
run(['prove','P.jsonl','--seq','42','--checkpoint','cp2k.txt','-o','t-prove.json'], label='prove from export file')
run(['prove','L','--seq','42','--checkpoint','cp2k.txt','-o','t-prove.json'], label='prove from a different ledger with same origin (L vs P)')
# checkpoint command edge cases
run(['checkpoint','P','--key','k1.pub','-o','t-cpx.txt'], label='checkpoint with pubkey as private key')
run(['checkpoint','P','--key','nonexist.key','-o','t-cpx.txt'], label='checkpoint with missing key')
os.makedirs('E0', exist_ok=True); shutil.rmtree('E0'); run(['init','E0'], label='init E0'); run(['checkpoint','E0','--key','k1.key','-o','cp-empty.txt'], label='checkpoint empty ledger')
if os.path.exists('cp-empty.txt'): print(open('cp-empty.txt').read())
