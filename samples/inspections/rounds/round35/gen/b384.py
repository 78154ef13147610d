import sys; sys.path.insert(0,'.')
from lib import *
l=L(); master(l)
purchase(l,"2026-11-01T10:00:00","CG-C0",T,IBU,100,1200)
receipt(l,"2026-11-01T11:00:00","SH-C0",T,"CG-C0",IBU,"T384-01",100)
put_away(l,"2026-11-01T12:00:00","RK-C0","SH-C0",IBU,"T384-01",100)
invoice(l,"2026-11-01T13:00:00","26332000000384000001","purchase",T,SELF,IBU,100,1200,refs={"order":["CG-C0"]})
pay(l,"2026-11-02T08:00:00","FK-C0","outgoing",SELF,T,120000,["26332000000384000001"])
inv={}
for k,mm in [(1,0),(2,10),(3,20),(4,30)]:
    purchase(l,f"2026-11-02T09:{mm:02d}:00",f"CG-C{k}",N,AMOX,100,860)
for k,mm in [(1,0),(2,10),(3,20),(4,30)]:
    receipt(l,f"2026-11-02T10:{mm:02d}:00",f"SH-C{k}",N,f"CG-C{k}",AMOX,f"N384-0{k}",95,rej=5,note=f"P{k} receipt: 95 accepted, 5 rejected")
for k,mm in [(1,0),(2,10),(3,20),(4,30)]:
    inv[k]=invoice(l,f"2026-11-03T10:{mm:02d}:00",f"2633200000038400010{k}","purchase",N,SELF,AMOX,100,860,refs={"order":[f"CG-C{k}"]},note=f"P{k} invoice for 100 (excess 5; correction deadline 11-17 10:{mm:02d}:00)")
sale(l,"2026-11-03T13:00:00","XS-C5",HOSP,IBU,"T384-01",60,1500); review(l,"2026-11-03T13:30:00","FH-C5",HOSP,"XS-C5",IBU,"T384-01",60)
dispatch(l,"2026-11-03T14:00:00","PS-C5",HOSP,"XS-C5",IBU,"T384-01",60)
invoice(l,"2026-11-03T15:00:00","26332000000384000205","sale",SELF,HOSP,IBU,60,1500,refs={"sale":["XS-C5"]},note="S5 sales invoice 900.00")
sale(l,"2026-11-03T13:10:00","XS-C6",XX,IBU,"T384-01",30,1500); review(l,"2026-11-03T13:40:00","FH-C6",XX,"XS-C6",IBU,"T384-01",30)
dispatch(l,"2026-11-03T14:10:00","PS-C6",XX,"XS-C6",IBU,"T384-01",30)
invoice(l,"2026-11-03T15:10:00","26332000000384000206","sale",SELF,XX,IBU,30,1500,refs={"sale":["XS-C6"]},note="S6 sales invoice 450.00")
pay(l,"2026-11-04T10:00:00","SK-C5","incoming",HOSP,SELF,100000,["26332000000384000205"],note="S5 仁和医院 pays 1,000.00 on 900.00: overpaid 100.00, deadline 11-18 10:00:00")
pay(l,"2026-11-04T10:10:00","SK-C6","incoming",XX,SELF,50000,["26332000000384000206"],note="S6 西溪医院 pays 500.00 on 450.00: overpaid 50.00, deadline 11-18 10:10:00")
invoice(l,"2026-11-08T10:00:00","26332000000384000302","purchase",N,SELF,AMOX,5,860,refs={"order":["CG-C2"]},credit_for="26332000000384000102",note="P2 credit note for all 5 (full correction in time)")
invoice(l,"2026-11-10T10:00:00","26332000000384000301","purchase",N,SELF,AMOX,3,860,refs={"order":["CG-C1"]},credit_for="26332000000384000101",note="P1 credit note for 3 of 5 (partial: does not restart the window)")
invoice(l,"2026-11-17T10:20:00","26332000000384000303","purchase",N,SELF,AMOX,5,860,refs={"order":["CG-C3"]},credit_for="26332000000384000103",note="P3 credit note for 5 exactly at the deadline 11-17 10:20:00")
invoice(l,"2026-11-17T10:30:01","26332000000384000304","purchase",N,SELF,AMOX,5,860,refs={"order":["CG-C4"]},credit_for="26332000000384000104",note="P4 credit note for 5 one second after the deadline 11-17 10:30:00")
pay(l,"2026-11-18T10:00:01","FK-C5R","outgoing",SELF,HOSP,10000,["26332000000384000205"],note="S5 refund 100.00 one second after the deadline")
pay(l,"2026-11-18T10:10:00","FK-C6R","outgoing",SELF,XX,5000,["26332000000384000206"],note="S6 refund 50.00 exactly at the deadline")
for k,amt in [(1,83420),(2,81700),(3,81700),(4,81700)]:
    pay(l,f"2026-11-20T10:0{k}:00",f"FK-C{k}","outgoing",SELF,N,amt,[f"2633200000038400010{k}"])
purchase(l,"2026-11-24T09:00:00","CG-C7",N,AMOX,20,860)
receipt(l,"2026-11-24T10:00:00","SH-C7",N,"CG-C7",AMOX,"N384-07",20,note="P7 receipt 20")
invoice(l,"2026-11-25T10:00:00","26332000000384000107","purchase",N,SELF,AMOX,21,860,refs={"order":["CG-C7"]},note="P7 invoice for 21 (excess 1, deadline 12-09 10:00: pending at the end)")
purchase(l,"2026-12-01T10:00:00","CG-CLK",N,AMOX,10,860,note="clock")
name="384-correction-days-partial-full-exact-and-1s-late-credit-notes-and-refunds"
l.write(f"../ledgers/{name}.jsonl"); open(f"../work/{name}.notes","w").write("\n".join(l.notes())+"\n")
