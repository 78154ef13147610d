#!/bin/bash
# Probes behind the report (run from round34/): builds work/probe/{d,e,p1,p3}.jsonl and checks them.
B=/work/insp34/bin/rxledger; mkdir -p work/probe; cd work/probe
chk(){ rm -rf L_$1; $B init L_$1 >/dev/null; $B append L_$1 $1.jsonl >/dev/null; echo "== $1"; $B check L_$1 --lang en | grep -v 'UNPAID\|paid so far\|^ *due'; }
# d: ledger 371 with 民康's invoice 17 naming its order instead of delivery note 0001234 -> quiet
sed '17s/"refs":{"delivery_note":\["0001234"\]}/"refs":{"order":["DD20261015-01"]}/' ../../ledgers/371-*.jsonl > d.jsonl; chk d
# e: ledger 374 with receipts 12 and 13 swapped (宁康's receipt now the last naming 0005678) -> TTGK-P 15 gone
awk 'NR==12{a=$0;next} NR==13{print;print a;next}{print}' ../../ledgers/374-*.jsonl > e.jsonl; chk e
python3 - <<'PY'
import sys; sys.path.insert(0,'../../gen'); from lib import *
def base(n):
    l=L(n); master(l,[MK,H],[AMX])
    purchase(l,"po","2026-10-10 09:00","CG1",MK,[(AMX,1000,860)])
    receipt(l,"rc","2026-10-11 10:00","SH1",MK,[(AMX,1000,1000)],"CG1","DN1")
    put_away(l,"pa","2026-10-11 11:00","RK1",[(AMX,1000)],["SH1"])
    invoice(l,"pi","2026-10-11 12:00","26330000000000000001","purchase",MK,OWNER,[(AMX,1000,860)],{"order":["CG1"]})
    return l
l=base("p1")  # p1: 100 + 50 dispatched 30 min apart, 100 invoiced: the 50 are never listed as pending
sale(l,"s","2026-10-14 09:00","XS1",H,[(AMX,200,1030)]); review(l,"r","2026-10-14 10:00","FH1",H,["XS1"],[(AMX,150)])
dispatch(l,"d1","2026-10-14 11:00","PS1",H,["XS1"],[(AMX,100)]); dispatch(l,"d2","2026-10-14 11:30","PS2",H,["XS1"],[(AMX,50)])
invoice(l,"i","2026-10-14 15:00","26330000000000000002","sale",OWNER,H,[(AMX,100,1030)],{"sale":["XS1"]})
pay(l,"p","2026-10-20 10:00","FK1","outgoing",OWNER,MK,860000,["26330000000000000001"]); l.write("p1.jsonl")
l=base("p3")  # p3: return 15 Oct makes an excess of 60, credit note 20 Oct leaves 1; clock 30 Oct
sale(l,"s","2026-10-14 09:00","XS1",H,[(AMX,100,1030)]); review(l,"r","2026-10-14 10:00","FH1",H,["XS1"],[(AMX,100)])
dispatch(l,"d1","2026-10-14 11:00","PS1",H,["XS1"],[(AMX,100)])
invoice(l,"i","2026-10-14 15:00","26330000000000000002","sale",OWNER,H,[(AMX,100,1030)],{"sale":["XS1"]})
creturn(l,"ret","2026-10-15 10:00","TH1",H,["XS1"],[(AMX,60)])
invoice(l,"cn","2026-10-20 10:00","26330000000000000003","sale",OWNER,H,[(AMX,59,1030)],{"sale":["XS1"]},credit_for="26330000000000000002")
pay(l,"p","2026-10-30 10:00","FK1","outgoing",OWNER,MK,860000,["26330000000000000001"]); l.write("p3.jsonl")
PY
chk p1; chk p3
