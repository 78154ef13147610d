#!/bin/bash
R=/work/insp20/round20; B=/work/insp20/bin/rxledger; P=$R/probes; W=$P/W
rm -rf "$W"; python3 "$P/mk_probes.py"
cd "$W"
t() { echo "\$ $*"; "$@"; echo "[exit $?]"; }
for v in null float frac exp neg bool list obj big u64 str strsp zero; do
  rm -rf L; $B init L >/dev/null; t $B --lang en append L q-$v.jsonl; echo "records after: $($B verify L 2>&1 | tail -1)"
done
rm -rf L; $B init L >/dev/null; t $B --lang zh append L q-null.jsonl
rm -rf L; $B init L >/dev/null; t $B --lang zh append L q-str.jsonl
rm -rf L; $B init L >/dev/null; t $B --lang en append L money-str.jsonl
rm -rf L; $B init L >/dev/null; t $B --lang en append L malformed10.jsonl; t $B verify L
rm -rf L; $B init L >/dev/null; t $B --lang en append L resent15.jsonl
t $B --lang en append L bomcrlf.jsonl
t $B --lang en append L sameid.jsonl
t $B verify L
rm -rf L; $B init L >/dev/null; t $B --lang en append L half.jsonl; t $B --lang en append L --ack base.jsonl; t $B --lang en append L base.jsonl; t $B verify L
t $B --lang en check L --format json -o chk.json; python3 -c "import json;d=json.load(open('chk.json'));print('events',d['events'],'findings',d['counts'])"

# ---- ERP import probes (253's files, altered)
L253=$(ls $R/ledgers/253-*.jsonl | head -1)
python3 - <<'PY'
import re
R="/work/insp20/round20"; W=R+"/probes/W"
g=open(R+"/ledgers/253-goods-2026-11.csv",encoding="utf-8",newline="").read()
open(W+"/g-badqty.csv","w",encoding="utf-8",newline="").write(g.replace('"1,200","1,200",0','"1,200箱","1,200",0',1))
open(W+"/g-baddate.csv","w",encoding="utf-8",newline="").write(g.replace("2026/10/14","2026/13/14",1))
open(W+"/g-badkind.csv","w",encoding="utf-8",newline="").write(g.replace("作废,","退货单,",1))
open(W+"/g-unbalanced.csv","w",encoding="utf-8",newline="").write(g.replace('"1,200","1,200",0','"1,200","1,300",0',1))
open(W+"/g-gbk-as-utf8.csv","wb").write(g.lstrip("\ufeff").encode("gbk"))
# a December export whose receipt happened before the ledger's last goods movement (back-dated)
lines=g.split("\r\n")
hdr=lines[0]
late=[l for l in lines if l.startswith("采购验收单")]
late=[l.replace("SH2026110400001","SH2026112800009").replace("2026-11-04 10:20:30","2026-11-28 10:20:30").replace("2026-11-04 10:25:30","2026-12-01 09:00:00") for l in late]
open(W+"/g-backdated.csv","w",encoding="utf-8",newline="").write("\r\n".join([hdr]+late)+"\r\n")
late2=[l.replace("SH2026112800009","SH2026110500009").replace("2026-11-28 10:20:30","2026-11-05 10:20:30") for l in late]
open(W+"/g-backdated2.csv","w",encoding="utf-8",newline="").write("\r\n".join([hdr]+late2)+"\r\n")
PY
for v in badqty baddate badkind unbalanced gbk-as-utf8; do
  rm -rf E; $B init E >/dev/null; $B append E "$L253" >/dev/null
  t $B --lang en import csv E g-$v.csv $R/ledgers/253-finance-2026-11.csv --mapping $R/ledgers/253-goods.toml --mapping $R/ledgers/253-finance.toml
  echo "records after: $($B verify E 2>&1 | tail -1)"
done
rm -rf E; $B init E >/dev/null; $B append E "$L253" >/dev/null
t $B --lang zh import csv E g-badqty.csv --mapping $R/ledgers/253-goods.toml
rm -rf E; $B init E >/dev/null; $B append E "$L253" >/dev/null
t $B --lang en import csv E $R/ledgers/253-goods-2026-11.csv $R/ledgers/253-finance-2026-11.csv --mapping $R/ledgers/253-goods.toml --mapping $R/ledgers/253-finance.toml
t $B --lang en import csv E g-backdated.csv --mapping $R/ledgers/253-goods.toml
t $B --lang en import csv E g-backdated2.csv --mapping $R/ledgers/253-goods.toml
t $B --lang en import csv E $R/ledgers/253-goods-2026-11.csv --mapping $R/ledgers/253-finance.toml
t $B --lang en check E --format json -o e.json; python3 -c "import json;d=json.load(open('e.json'));print(d['counts'])"

# ---- EPCIS probes
python3 - <<'PY'
import json
R="/work/insp20/round20"; W=R+"/probes/W"
d=json.load(open(R+"/ledgers/254-receiving.jsonld",encoding="utf-8"))
import copy
a=copy.deepcopy(d); a["epcisBody"]["eventList"][0]["quantityList"][0]["uom"]="KGM"; json.dump(a,open(W+"/e-uom.jsonld","w"),ensure_ascii=False)
a=copy.deepcopy(d); a["epcisBody"]["eventList"][1]["ilmd"]["cbvmda:lotNumber"]="2610216"; a["epcisBody"]["eventList"][1]["quantityList"][0]["epcClass"]+="/10/2610215"; json.dump(a,open(W+"/e-lotdiffers.jsonld","w"),ensure_ascii=False)
a=copy.deepcopy(d); a["epcisBody"]["eventList"][2]["bizStep"]="shipping"; json.dump(a,open(W+"/e-shipping.jsonld","w"),ensure_ascii=False)
a=copy.deepcopy(d); a["epcisBody"]["eventList"][0]["bizLocation"]={"id":"urn:epc:id:sgln:0614141.00001.0"}; json.dump(a,open(W+"/e-gln.jsonld","w"),ensure_ascii=False)
a=copy.deepcopy(d); a["epcisBody"]["eventList"][0]["quantityList"][1]["epcClass"]=a["epcisBody"]["eventList"][0]["quantityList"][1]["epcClass"].replace("&17=280900","");json.dump(a,open(W+"/e-noexp.jsonld","w"),ensure_ascii=False)
PY
L254=$(ls $R/ledgers/254-*.jsonl | head -1)
for v in uom lotdiffers shipping gln noexp; do
  rm -rf P; $B init P >/dev/null; $B append P "$L254" >/dev/null
  t $B --lang en import epcis P e-$v.jsonld --recorded-by 系统-WMS接口 --acceptor 验收-孙晓峰 --acceptor 质管-林思远
  echo "records after: $($B verify P 2>&1 | tail -1)"
done
rm -rf P; $B init P >/dev/null; $B append P "$L254" >/dev/null
t $B --lang en import epcis P $R/ledgers/254-receiving.jsonld
t $B --lang zh import epcis P $R/ledgers/254-receiving.jsonld --recorded-by X

# ---- exit codes with --fail-on-pending on a quiet month (246 with the planted rules disabled)
printf 'disabled = ["CUS-LIC", "CC-RECEIPT", "TTGK-S"]\n' > quiet.toml
t $B --lang en check $R/work/246 --config quiet.toml --format json -o q.json; python3 -c "import json;d=json.load(open('q.json'));print('findings',d['counts'],'pending',len(d.get('pending',[])))"
t $B --lang en check $R/work/246 --config quiet.toml --fail-on-pending -o /dev/null
t $B --lang en check $R/work/246 --config quiet.toml --fail-on critical --fail-on-pending -o /dev/null
printf 'disabled = ["CHAIN"]\n' > chain.toml
t $B --lang en check $R/work/246 --config chain.toml -o /dev/null
printf '[thresholds]\nnear_expiry_days = -5\n' > neg.toml
t $B --lang en check $R/work/249 --config neg.toml
printf '[thresholds]\nnear_expiry_day = 5\n' > typo.toml
t $B --lang zh check $R/work/249 --config typo.toml
t $B --lang en check $R/work/249 --config typo.toml
