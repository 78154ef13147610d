#!/bin/bash
# Round 26, area 6: import epcis/csv with hostile inputs (duplicate keys, huge arrays, hostile texts)
cd /work/atk26/work/fx; R="timeout 60 /work/atk26/bin/rxledger"; S=/work/atk26/samples/erp
t(){ echo "### $1"; shift; out=$(/usr/bin/time -f "%e s %M KB" "$@" 2>&1); echo "rc=$? $(echo "$out" | head -3 | cut -c1-300) | $(echo "$out" | tail -1)"; echo; }
rm -rf E; $R init E >/dev/null; $R append E $S/master.jsonl >/dev/null
$R import csv E $S/goods-2026-10.csv --mapping $S/goods.toml >/dev/null; $R export E -o e.epcis.json --format epcis >/dev/null
mk(){ rm -rf $1; $R init $1 >/dev/null; $R append $1 $S/master.jsonl >/dev/null; }
python3 - <<'PY'
import json
d=json.load(open('e.epcis.json'))
s=open('e.epcis.json').read()
# duplicate key inside the first event
i=s.find('"eventTime"'); open('dup.epcis.json','w').write(s[:i]+'"eventTime":"2020-01-01T00:00:00Z",'+s[i:])
# one event with 1,000,000 EPCs
ev=d['epcisBody']['eventList']; e0=json.loads(json.dumps(ev[0]))
key=[k for k in e0 if k.endswith('List') and isinstance(e0[k],list) and e0[k] and isinstance(e0[k][0],str)]
print('list keys', key, list(e0.keys()))
if key:
    e0[key[0]]=[e0[key[0]][0][:-6]+'%06d'%i for i in range(1000000)]
    d2=json.loads(json.dumps(d)); d2['epcisBody']['eventList']=[e0]; json.dump(d2,open('bigepc.epcis.json','w'))
# 200k copies of the same event
d3=json.loads(json.dumps(d)); d3['epcisBody']['eventList']=ev*20000; json.dump(d3,open('many.epcis.json','w'))
PY
mk E1; t "EPCIS with a duplicate key eventTime" $R import epcis E1 dup.epcis.json
mk E2; t "EPCIS: one event with 1,000,000 EPCs" $R import epcis E2 bigepc.epcis.json
mk E3; t "EPCIS: $(python3 -c "import json;print(len(json.load(open('many.epcis.json'))['epcisBody']['eventList']))") events (same events repeated)" $R import epcis E3 many.epcis.json
mk E4; t "EPCIS import of own export (round trip)" $R import epcis E4 e.epcis.json
python3 - <<'PY'
s=open('e.epcis.json').read()
i=s.find('"arrived": 2400'); open('dup2.epcis.json','w').write(s[:i]+'"arrived": 1, '+s[i:])
i=s.find('"id": "01a1239c'); open('dup3.epcis.json','w').write(s[:i]+'"kind":"sale", '+s[i:])
PY
for f in dup2 dup3; do mk X$f; t "EPCIS with a duplicate key in rxl:event ($f: arrived twice / kind twice)" $R import epcis X$f $f.epcis.json; $R export X$f -o X$f.jsonl >/dev/null; echo "stored: $(grep -o '"id":"01a1239c-2c80-7f03-a7c6-11b309fdfe69","kind":"[a-z]*"' X$f.jsonl) $(grep -o '"arrived":[0-9]*,' X$f.jsonl | head -1)"; done
head -1 $S/master.jsonl | sed 's/"kind":"party_registered"/"kind":"party_registered","kind":"party_registered"/' > dupa.jsonl
rm -rf XA; $R init XA >/dev/null; t "append: the same duplicate key (control)" $R append XA dupa.jsonl
