# Attack 5: resource abuse on check (time, peak RSS)
import sys; sys.path.insert(0,'/work/atk24/work')
from h import *; import h
import json, uuid, datetime, re, subprocess
os.chdir(W); setlog(W+'/t11b_resource.log')
def timed(args, label):
    p = subprocess.run(['timeout','60','/usr/bin/time','-f','%e s, peak RSS %M KB',R]+args, cwd=W, capture_output=True)
    err = p.stderr.decode(); tm = err.strip().split('\n')[-1]
    s = f"[{p.returncode}] {label}: {tm}; stdout: {p.stdout.decode()[:200].strip()} stderr: {err.strip().splitlines()[0][:200] if err.strip() else ''}"
    print(s); h.LOG.write(s+'\n'); return p.returncode
base = [json.loads(l) for l in open('e.jsonl')]
def uid(ts):
    ms = int(ts.timestamp()*1000); r = uuid.uuid4().int
    v = (ms << 80) | (0x7 << 76) | ((r >> 64) & 0xfff) << 64 | (0b10 << 62) | (r & ((1<<62)-1))
    return str(uuid.UUID(int=v))
def iso(t): return t.strftime('%Y-%m-%dT%H:%M:%SZ')
def ev(kind, t, data): return {"v":2,"id":uid(t),"kind":kind,"occurred_at":iso(t),"recorded_by":["atk"],"data":data}
master = [e for e in base if e['kind'] in ('party_registered','product_registered','zone_registered')]
zones = [e['data'] for e in master if e['kind']=='zone_registered']
print('zones', [(z.get('zone'), z.get('sensors')) for z in zones][:5])
z = zones[0]; zone = z['zone']; sensor = (z.get('sensors') or ['S-X'])[0]
def mk(name, events):
    with open(name,'w') as f:
        for e in events: f.write(json.dumps(e, ensure_ascii=False, separators=(',',':'))+'\n')
def ledger(name, evfile):
    shutil.rmtree(name, ignore_errors=True); subprocess.run([R,'init',name],capture_output=True)
    return timed(['append',name,evfile,'--batch-size','0'], f'append {evfile}')
# A. one upload with ~400k readings (line < 16 MiB), readings each minute
t0 = datetime.datetime(2026,10,1,tzinfo=datetime.timezone.utc)
N=330000
rd = [{"at":iso(t0+datetime.timedelta(minutes=i)),"celsius":round(20+ (i%7)*0.3,1)} for i in range(N)]
up = ev('temperature_reading', t0+datetime.timedelta(minutes=N), {"sensor":sensor,"zone":zone,"readings":rd})
mk('ra.jsonl', master+[up]); print('ra.jsonl bytes', os.path.getsize('ra.jsonl'))
ledger('RA','ra.jsonl'); timed(['check','RA','-o','ra.txt'], 'check: one upload of 330k readings'); timed(['report','RA','-o','ra.html'], 'report: one upload of 330k readings')
# B. 40 uploads of 400k readings each, flat values (TEMP-FLAT) and copies (TEMP-COPY) 
ups=[]
for k in range(40):
    tk = t0 + datetime.timedelta(minutes=N*k)
    rdk = [{"at":iso(tk+datetime.timedelta(minutes=i)),"celsius":20.0 if k%2 else round(20+((i*7919)%13)*0.2,1)} for i in range(N)]
    ups.append(ev('temperature_reading', tk+datetime.timedelta(minutes=N), {"sensor":sensor,"zone":zone,"readings":rdk}))
mk('rb.jsonl', master+ups); print('rb.jsonl bytes', os.path.getsize('rb.jsonl'))
ledger('RB','rb.jsonl'); timed(['check','RB','-o','rb.txt'], 'check: 40 uploads x 330k readings (13.2M readings)')
# C. clock jumps: 2000 -> 2099 -> 2000 ... alternating, with readings of a vehicle
ev_c = list(master)
for k in range(20000):
    t = datetime.datetime(2000, 1 + (k%12), 1 + (k%28), 1, tzinfo=datetime.timezone.utc) if k%2==0 else datetime.datetime(2099,12,31,tzinfo=datetime.timezone.utc) - datetime.timedelta(hours=k)
    ev_c.append(ev('temperature_reading', t, {"sensor":f"V-{k%50}","vehicle":f"VEH-{k%50}","readings":[{"at":iso(t-datetime.timedelta(minutes=5)),"celsius":5.0},{"at":iso(t),"celsius":5.5}]}))
mk('rc.jsonl', ev_c); ledger('RC','rc.jsonl'); timed(['check','RC','-o','rc.txt'], 'check: 20k uploads alternating years 2000/2099')
