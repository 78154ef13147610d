# Attack 1b: tampering with a ledger directory
import sys; sys.path.insert(0,'/work/atk24/work')
from h import *; import h; from chain import *
import glob, json
os.chdir(W); setlog(W+'/t2_dir.log')
SEG='seg-00000000000000000001.jsonl'
def seglines(d): return open(f'{d}/{SEG}','rb').read().split(b'\n')[:-1]
def setseg(d, ls, end=b'\n'): open(f'{d}/{SEG}','wb').write(b'\n'.join(ls)+end)
def both(d, label):
    run(['verify', d], label=label)
    rc,out = run(['check', d, '--format','json'], label=label+' (check)', show=False, maxout=10**6)
    try:
        js = json.loads(out.split('\n[stderr]')[0]); ch=[(f['seq'],f['message'][:220]) for f in js['findings'] if f['rule']=='CHAIN']
        s=f"   check rc={rc} chain_ok={js['chain_ok']} records={js['records']} CHAIN={ch}"
    except Exception: s=f"   check rc={rc} {out[:400]}"
    print(s); h.LOG.write(s+'\n')
# baseline with checkpoint
cp('L','D0'); run(['keygen','-o','k1'], label='keygen k1'); run(['keygen','-o','k2'], label='keygen k2')
run(['checkpoint','D0','--key','k1.key','-o','cp-D0.txt'], label='checkpoint D0')
print(open('cp-D0.txt').read()); print(open('D0/checkpoints.jsonl').read()[:600]); print(os.listdir('D0'), os.listdir('D0/merkle'))
L0 = seglines('D0')
# edits in segment without checkpoint
cp('L','D1'); ls=seglines('D1'); ls[499]=ls[499].replace(b'"recorded_by":["',b'"recorded_by":["X',1); setseg('D1',ls); both('D1','dir: edit record 500')
cp('L','D2'); ls=seglines('D2'); ls=ls[:499]+ls[500:]; setseg('D2',ls); both('D2','dir: delete record 500')
cp('L','D3'); ls=seglines('D3'); ls=ls[:-1]; setseg('D3',ls); both('D3','dir: delete last record (looks like crash residue), no checkpoint')
run(['log','D3','--from','1995'], label='log after deleting last record')
cp('L','D4'); ls=seglines('D4'); ls=ls[:1000]; setseg('D4',ls); both('D4','dir: delete whole last batch, no checkpoint (by design undetectable)')
cp('L','D5'); ls=seglines('D5'); ls[499],ls[500]=ls[500],ls[499]; setseg('D5',ls); both('D5','dir: swap 500/501')
cp('L','D6'); ls=seglines('D6'); ls=ls[:500]+[ls[499]]+ls[500:]; setseg('D6',ls); both('D6','dir: duplicate 500')
cp('L','D6b'); ls=seglines('D6b'); ls=ls+[ls[-1]]; setseg('D6b',ls); both('D6b','dir: duplicate last record at end')
cp('L','D7'); ls=seglines('D7'); setseg('D7',[l+b'\r' for l in ls]); both('D7','dir: CRLF in segment')
# with checkpoint history
cp('D0','E1'); ls=seglines('E1'); setseg('E1',ls[:-1]); both('E1','dir+cp history: delete last record')
cp('D0','E2'); ls=seglines('E2'); setseg('E2',ls[:1000]); both('E2','dir+cp history: delete last batch')
run(['append','E2','e.jsonl'], label='append into truncated-below-checkpoint dir (must refuse)')
cp('D0','E3'); recs=[parse(l) for l in seglines('E3')]; recs[499]['event']=recs[499]['event'].replace(b'"recorded_by":["',b'"recorded_by":["X',1); rechain(recs); setseg('E3',[render(r) for r in recs]); both('E3','dir+cp history: edit 500 + consistent rehash')
run(['verify','E3','--checkpoint','cp-D0.txt','--pubkey','k1.pub'], label='E3 verify with external checkpoint')
cp('E3','E4'); os.remove('E4/checkpoints.jsonl'); both('E4','dir: consistent rehash + checkpoints.jsonl deleted (undetectable w/o external cp by design)')
run(['verify','E4','--checkpoint','cp-D0.txt','--pubkey','k1.pub'], label='E4 verify with external checkpoint')
cp('D0','E5'); open('E5/checkpoints.jsonl','w').write(''); setseg('E5', seglines('E5')[:1000]); both('E5','dir: checkpoints.jsonl emptied + last batch deleted')
cp('D0','E6'); c=open('E6/checkpoints.jsonl').read().split('\n'); open('E6/checkpoints.jsonl','w').write(c[0][:len(c[0])//2]); both('E6','dir: checkpoints.jsonl truncated mid-line')
cp('D0','E7'); open('E7/checkpoints.jsonl','a').write('garbage\n'); both('E7','dir: junk line appended to checkpoints.jsonl')
# merkle index tampering
cp('D0','M1'); b=bytearray(open('M1/merkle/leaves.bin','rb').read()); print('leaves.bin', len(b)); b[32*10]^=1; open('M1/merkle/leaves.bin','wb').write(b)
both('M1','dir: merkle/leaves.bin byte flipped')
run(['checkpoint','M1','--key','k1.key','-o','cp-M1.txt'], label='checkpoint over corrupted merkle index')
run(['verify','L','--checkpoint','cp-M1.txt','--pubkey','k1.pub'], label='verify pristine L against cp made from corrupted index')
run(['prove','M1','--seq','11','--checkpoint','cp-M1.txt','-o','p-M1.json'], label='prove from corrupted index')
cp('D0','M2'); shutil.rmtree('M2/merkle'); run(['checkpoint','M2','--key','k1.key','-o','cp-M2.txt'], label='checkpoint after merkle dir removed')
cp('D0','M3'); b=bytearray(open('M3/merkle/blocks.bin','rb').read()); print('blocks.bin', len(b)); 
if b: b[0]^=1; open('M3/merkle/blocks.bin','wb').write(b)
run(['checkpoint','M3','--key','k1.key','-o','cp-M3.txt'], label='checkpoint over corrupted merkle blocks.bin')
run(['verify','L','--checkpoint','cp-M3.txt','--pubkey','k1.pub'], label='verify pristine L against cp-M3')
run(['prove','M3','--seq','5','--checkpoint','cp-M3.txt','-o','p-M3.json'], label='prove over corrupted blocks.bin')
cp('D0','M4'); open('M4/merkle/head','w').write('0'*64); run(['checkpoint','M4','--key','k1.key','-o','cp-M4.txt'], label='merkle/head replaced with zeros')
# marker & lock
cp('L','K1'); open('K1/LEDGER','w').write('something else\n'); run(['verify','K1'], label='LEDGER marker changed'); run(['append','K1','e.jsonl'], label='append to dir with changed marker')
cp('L','K2'); os.remove('K2/LEDGER'); run(['verify','K2'], label='LEDGER marker removed')
cp('L','K3'); os.rename(f'K3/{SEG}', 'K3/seg-00000000000000000002.jsonl'); run(['verify','K3'], label='segment renamed to start at seq 2')
cp('L','K4'); open('K4/seg-00000000000000002001.jsonl','wb').write(b''); run(['verify','K4'], label='empty extra segment added'); run(['append','K4','e.jsonl'], label='append with empty extra segment')
cp('L','K5'); shutil.copy('ledger-other.jsonl','K5/seg-00000000000000002001.jsonl'); run(['verify','K5'], label='foreign segment (other ledger, seq 1..) named as 2001')
cp('L','K6'); os.remove(f'K6/{SEG}'); run(['verify','K6'], label='only segment removed')
cp('L','K7'); open(f'K7/{SEG}','ab').write(b'{"seq":2001,"batch_end":2001,"rec'); run(['verify','K7'], label='unterminated partial line appended (crash residue)')
run(['append','K7','e.jsonl'], label='append after residue (should cut + skip all)'); run(['verify','K7'], label='verify after')
