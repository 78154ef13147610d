# Round 26, area 1: the directory's checkpoint history (checkpoints.jsonl)
import sys, json, base64, os; sys.path.insert(0,'/work/atk26/work/lib')
from h import *; import h; from chain import *; from merkle import *; import ed
os.chdir(W+'/fx'); setlog(W+'/t1_history.log')
H0 = open('P/checkpoints.jsonl','rb').read().split(b'\n')[:-1]   # [entry1000, entry2000]
def sethist(d, lines, end=b'\n'): open(f'{d}/checkpoints.jsonl','wb').write(b'\n'.join(lines)+(end if lines else b''))
def entry(keyfile, origin, size, rootb):
    text = f'{origin}\n{size}\n{base64.b64encode(rootb).decode()}\n'
    return json.dumps({"note": ed.note(keyfile, text), "root": rootb.hex(), "size": size}, ensure_ascii=False, separators=(',',':')).encode()
def probe(d, label, writer=True):
    log(f'======== {label}')
    run(['verify', d], label=f'{label}: verify')
    rc,out = run(['check', d, '--format','json'], label='', show=False, maxout=10**7)
    try:
        js=json.loads(out.split('\n[stderr]')[0]); ch=[(f['seq'],f['message'][:200]) for f in js['findings'] if f['rule']=='CHAIN']
        log(f'### {label}: check\nrc={rc} chain_ok={js["chain_ok"]} records={js["records"]} CHAIN={ch}\n')
    except Exception: log(f'### {label}: check\nrc={rc} {out[:400]}\n')
    if writer:
        cp(d, d+'w'); run(['append', d+'w', 'in300.jsonl'], label=f'{label}: append (copy)')
        cp(d, d+'c'); run(['checkpoint', d+'c', '--key', 'k1.key', '-o', d+'c.txt'], label=f'{label}: checkpoint (copy)')
recs = read('P.jsonl'); orig = [render(r) for r in recs]
forged = read('P.jsonl'); forged[1499]['event'] = forged[1499]['event'].replace(b'"recorded_by":["', b'"recorded_by":["FORGED-', 1); rechain(forged)
FL = [render(r) for r in forged]; froot = mth(mleaves(forged)); groot = mth(mleaves(recs))
origin = 'rxledger/91330100MA27X8K3Q1'
# H1 baseline: record 1500 rewritten, chain re-hashed, history intact
cp('P','H1'); setseg('H1', FL); probe('H1', 'H1 rec 1500 rewritten+rehashed, history intact', writer=False)
# H2 history lines reordered (2000 first, 1000 last)
cp('P','H2'); setseg('H2', FL); sethist('H2', [H0[1], H0[0]]); probe('H2', 'H2 rewritten + history reordered (size-1000 entry last)')
# H2b reordered on a genuine ledger
cp('P','H2b'); sethist('H2b', [H0[1], H0[0]]); probe('H2b', 'H2b genuine ledger, history reordered', writer=True)
# H3 genuine size-1000 entry duplicated at the end
cp('P','H3'); setseg('H3', FL); sethist('H3', [H0[0], H0[1], H0[0]]); probe('H3', 'H3 rewritten + old genuine entry (1000) appended again')
# H4 history replaced by one forged with the attacker's own key k2
cp('P','H4'); setseg('H4', FL); sethist('H4', [entry('k2.key', origin, 2000, froot)]); probe('H4', 'H4 rewritten + history replaced, signed by attacker key k2')
# H4b history: genuine 1000 entry, then forged 2000 entry by k2
cp('P','H4b'); setseg('H4b', FL); sethist('H4b', [H0[0], entry('k2.key', origin, 2000, froot)]); probe('H4b', 'H4b rewritten + genuine 1000 + forged k2 2000')
# H4c forged entry with another origin
cp('P','H4c'); setseg('H4c', FL); sethist('H4c', [entry('k2.key', 'evil/other', 2000, froot)]); probe('H4c', 'H4c rewritten + history of origin evil/other by k2', writer=False)
# H5 history deleted / emptied
cp('P','H5'); setseg('H5', FL); os.remove('H5/checkpoints.jsonl'); probe('H5', 'H5 rewritten + checkpoints.jsonl deleted')
cp('P','H5t'); setseg('H5t', orig[:1000]); os.remove('H5t/checkpoints.jsonl'); probe('H5t', 'H5t truncated to 1000 + checkpoints.jsonl deleted')
# H6 truncation + last entry's final newline removed (complete JSON, no LF)
cp('P','H6'); setseg('H6', orig[:1000]); sethist('H6', H0, end=b''); probe('H6', 'H6 truncated to 1000 + last history entry without final LF')
cp('P','H6b'); setseg('H6b', orig[:1000]); sethist('H6b', [H0[0], H0[1][:-1]], end=b'\n'); probe('H6b', 'H6b truncated to 1000 + last entry cut by 1 byte (with LF)')
cp('P','H6c'); setseg('H6c', orig[:1000]); sethist('H6c', [H0[0], H0[1][:-1]], end=b''); probe('H6c', 'H6c truncated to 1000 + last entry cut by 1 byte (no LF)')
cp('P','H6d'); setseg('H6d', orig[:500]); sethist('H6d', [H0[0], H0[1]], end=b''); os.remove('H6d/checkpoints.jsonl'); sethist('H6d',[H0[0][:40]], end=b''); probe('H6d', 'H6d truncated to 500 + only entry torn at 40 bytes')
# H7 entry for a size larger than the ledger
cp('P','H7'); sethist('H7', H0 + [entry('k2.key', origin, 5000, groot)]); probe('H7', 'H7 genuine + entry size 5000 (k2)', writer=False)
# H8 entry: note root != entry root ; size mismatch
e = json.loads(H0[1]); e['root'] = froot.hex()
cp('P','H8'); setseg('H8', FL); sethist('H8', [H0[0], json.dumps(e, ensure_ascii=False, separators=(',',':')).encode()]); probe('H8', 'H8 entry root = forged root, note says genuine', writer=False)
# H9 spelling: spaces, reordered keys, dup key, unknown field, CRLF, blank middle line, BOM
e = json.loads(H0[1])
vari = {
 'spaces': json.dumps(e, ensure_ascii=False).encode(),
 'reordered': json.dumps({"size":e['size'],"root":e['root'],"note":e['note']}, ensure_ascii=False, separators=(',',':')).encode(),
 'dupkey_size': H0[1][:-1] + b',"size":1000}',
 'unknown': H0[1][:-1] + b',"x":1}',
 'uppercase_root': H0[1].replace(e['root'].encode(), e['root'].upper().encode()),
 'ascii_escaped': json.dumps(e, separators=(',',':')).encode(),
}
for k,v in vari.items():
    d='H9'+k; cp('P',d); sethist(d, [H0[0], v]); probe(d, f'{d} genuine ledger, entry spelled {k}', writer=False)
cp('P','H9crlf'); open('H9crlf/checkpoints.jsonl','wb').write(H0[0]+b'\r\n'+H0[1]+b'\r\n'); probe('H9crlf','H9crlf genuine, CRLF history', writer=False)
cp('P','H9blank'); open('H9blank/checkpoints.jsonl','wb').write(H0[0]+b'\n\n'+H0[1]+b'\n'); probe('H9blank','H9blank genuine, blank line in history', writer=False)
cp('P','H9bom'); open('H9bom/checkpoints.jsonl','wb').write(b'\xef\xbb\xbf'+H0[0]+b'\n'+H0[1]+b'\n'); probe('H9bom','H9bom genuine, BOM in history', writer=False)
# H10 sizes: 0 entry with empty-tree root?
EMPTY = bytes.fromhex('00'*32)
# H11 many entries: 100k copies of the 1000 entry then the 2000 one
cp('P','H11'); sethist('H11', [H0[0]]*100000 + [H0[1]]); probe('H11', 'H11 genuine, 100001 history entries', writer=True)
