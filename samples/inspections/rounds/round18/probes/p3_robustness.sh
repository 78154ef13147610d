#!/bin/bash
# robustness probes on copies of ledger 233 (and 234); prints commands, outputs and exit codes
cd /work/insp18/round18/probes; BIN=/work/insp18/bin/rxledger; rm -rf W; mkdir W
SRC=$(ls ../ledgers/233-*.jsonl); head -22 $SRC > W/base.jsonl
run(){ echo "\$ $*"; "$@" 2>&1; echo "exit $?"; }
summ(){ $BIN summary $1 2>&1 | head -2; }
python3 - <<'PY'
import json
L=open('W/base.jsonl',encoding='utf-8').read().splitlines()
def w(name,lines): open('W/'+name,'w',encoding='utf-8').write('\n'.join(lines)+'\n')
m=L[:]; m[10]=m[10][:-20]; w('malformed.jsonl',m)                      # line 11 truncated JSON
d=L[:]; e=json.loads(d[15]); e2=json.loads(d[16]); e2['id']=e['id']; d[16]=json.dumps(e2,ensure_ascii=False,separators=(',',':')); w('dupid.jsonl',d)
n=L[:]; e=json.loads(n[12]); e['data']['lines'][0]['quantity']=-5; n[12]=json.dumps(e,ensure_ascii=False,separators=(',',':')); w('negative.jsonl',n)
r=L[:]; e=json.loads(r[12]); del e['data']['lines'][0]['batch']; r[12]=json.dumps(e,ensure_ascii=False,separators=(',',':')); w('missing.jsonl',r)
w('half.jsonl',L[:11])
open('W/bomcrlf.jsonl','w',encoding='utf-8',newline='').write('\ufeff'+'\r\n'.join(L)+'\r\n')
# same id, different content, against the STORED ledger (an ERP correcting a record by re-sending it)
c=json.loads(L[21]); c['data']['amount']['minor']+=1; w('corrected.jsonl',[json.dumps(c,ensure_ascii=False,separators=(',',':'))])
PY
echo "## 1 malformed line in the middle"; $BIN init W/A >/dev/null; run $BIN append W/A W/malformed.jsonl; summ W/A
echo "## 2 duplicate id, different content, inside one file"; $BIN init W/B >/dev/null; run $BIN append W/B W/dupid.jsonl; summ W/B
echo "## 3 negative quantity"; $BIN init W/C >/dev/null; run $BIN append W/C W/negative.jsonl; summ W/C
echo "## 4 missing field"; run $BIN append W/C W/missing.jsonl; summ W/C
echo "## 5 interrupted append resumed: first 11 lines, then the whole file, then again"; $BIN init W/D >/dev/null
run $BIN append W/D W/half.jsonl; run $BIN append --ack W/D W/base.jsonl; run $BIN append W/D W/base.jsonl; run $BIN verify W/D; $BIN check W/D --format json -o W/D.json; python3 -c "import json;print('findings',len(json.load(open('W/D.json'))['findings']))"
echo "## 6 BOM + CRLF copy of the same events on top"; run $BIN append W/D W/bomcrlf.jsonl
echo "## 7 the same id re-sent with a different amount after it was stored"; run $BIN append W/D W/corrected.jsonl; summ W/D
echo "## 8 a bad line after good ones in a fresh ledger: nothing appended"; $BIN init W/E >/dev/null; cat W/base.jsonl W/negative.jsonl > W/cat.jsonl; run $BIN append W/E W/cat.jsonl; summ W/E
