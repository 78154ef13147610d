# Round 26, area 3: hostile texts in events -> text, JSON, SARIF, JUnit, HTML outputs
import sys, os, json, re, xml.etree.ElementTree as ET; sys.path.insert(0,'/work/atk26/work/lib')
from h import *
os.chdir(W+'/fx'); setlog(W+'/t3_inject.log')
src = [json.loads(l) for l in open('/work/atk26/samples/scenarios/documents.jsonl', encoding='utf-8')]
evs = [r['event'] for r in src]
H = ('</td></tr></table></svg><script>alert(1)</script><img src=x onerror=alert(2)>]]><!--"\'&amp;'
     '\u0001\u0008\u000b\u001b[2J\u001b[31mRED\u001b[0m\u007f\u0085\u202eevil\u2028X\ufffe'
     '\n\nACC-GATE (critical, 1): FORGED FINDING\n  seq 1  forged line')
def sub(o):
    if isinstance(o, dict): return {k: sub(v) for k,v in o.items()}
    if isinstance(o, list): return [sub(v) for v in o]
    if isinstance(o, str):
        return o.replace('氨酚伪麻美芬片', H).replace('浙江康源医药有限公司', H).replace('人血白蛋白', 'ALB\u202e 99 ')
    return o
hev = [sub(e) for e in evs]
open('hostile.jsonl','w',encoding='utf-8').write(''.join(json.dumps(e, ensure_ascii=False, separators=(',',':'))+'\n' for e in hev))
for d in ['HX']:
    if os.path.exists(d): shutil.rmtree(d)
run(['init','HX'], show=False)
rc,out = run(['append','HX','hostile.jsonl'], label='append hostile texts (product and party name)')
if rc != 0: sys.exit()
raw = subprocess.run([R,'check','HX'], capture_output=True, cwd=W+'/fx').stdout
log(f'text: raw ESC bytes in stdout: {raw.count(bytes([27]))}; raw BS: {raw.count(bytes([8]))}; lines starting "ACC-GATE (critical, 1): FORGED": {sum(1 for l in raw.split(bytes([10])) if l.startswith(b"ACC-GATE (critical, 1): FORGED"))}')
i = raw.find(b'FORGED'); log('text excerpt: ' + repr(raw[max(0,i-300):i+120]))
for fmt in ['json','sarif','junit']:
    rc,_ = run(['check','HX','--format',fmt,'-o',f'hx.{fmt}'], label=f'check --format {fmt}', show=False)
    b = open(f'hx.{fmt}','rb').read()
    try:
        if fmt=='junit': ET.fromstring(b); ok='well-formed XML'
        else: json.loads(b); ok='valid JSON'
    except Exception as e: ok=f'INVALID: {e}'
    ctl = sorted(set(c for c in b if c<32 and c not in (9,10,13)))
    log(f'{fmt}: rc={rc} {ok}; raw control bytes: {ctl}; "<script" raw: {b.count(b"<script")}')
    if fmt=='junit':
        for m in re.finditer(rb'[\x00-\x08\x0b\x0c\x0e-\x1f]', b):
            log('  junit excerpt: '+repr(b[max(0,m.start()-80):m.start()+40])); break
rc,_ = run(['report','HX','-o','hx.html'], label='report', show=False)
b = open('hx.html','rb').read()
RLO='\u202e'.encode()
ctl = sorted(set(c for c in b if c<32 and c not in (9,10,13)))
log(f'html: rc={rc} size={len(b)} "<script" raw: {b.count(b"<script")}, "onerror=" raw in a tag: {len(re.findall(rb"<img[^>]*onerror", b))}, "]]>": {b.count(b"]]>")}, raw control bytes: {ctl}, U+202E raw: {b.count(RLO)}')
for m in re.finditer(rb'<script|<img', b): log('  html excerpt: '+repr(b[max(0,m.start()-120):m.start()+80]))
m = re.search(rb'&lt;script', b); log('  escaped form present: '+str(bool(m)))
