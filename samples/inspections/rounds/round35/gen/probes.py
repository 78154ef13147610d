import sys; sys.path.insert(0,'.')
from lib import *
import os
os.makedirs('../work/probe',exist_ok=True)
def base():
    l=L(); master(l)
    purchase(l,"2026-11-02T09:10:00","CG-N1",N,AMOX,300,860)
    purchase(l,"2026-11-02T09:20:00","CG-H1",H,DZP,10,2000)
    receipt(l,"2026-11-02T10:10:00","SH-N1",N,"CG-N1",AMOX,"N380-01",300)
    receipt(l,"2026-11-02T10:20:00","SH-H1",H,"CG-H1",DZP,"H380-01",10,codes=[f"8100440002000000{i:04d}" for i in range(1,11)])
    return l
# c1: cash before any invoice of the number; then 华东's diazepam invoice
l=base()
pay(l,"2026-11-04T11:00:00","FK-V2","outgoing",SELF,H,10000,["00081004"],method="cash")
invoice(l,"2026-11-06T10:00:00","00081004","purchase",H,SELF,DZP,5,2000,refs={"order":["CG-H1"]})
l.write('../work/probe/c1.jsonl'); print('c1 pay',len(l.ev)-1)
# c2: 宁康's amoxicillin 00081004 booked first (as 380)
l=base()
invoice(l,"2026-11-03T09:40:00","00081004","purchase",N,SELF,AMOX,50,860,refs={"order":["CG-N1"]})
pay(l,"2026-11-04T11:00:00","FK-V2","outgoing",SELF,H,10000,["00081004"],method="cash")
invoice(l,"2026-11-06T10:00:00","00081004","purchase",H,SELF,DZP,5,2000,refs={"order":["CG-H1"]})
l.write('../work/probe/c2.jsonl'); print('c2 pay',len(l.ev)-1)
# c3: 宁康's amoxicillin booked after the cash payment but before 华东's diazepam
l=base()
pay(l,"2026-11-04T11:00:00","FK-V2","outgoing",SELF,H,10000,["00081004"],method="cash")
invoice(l,"2026-11-05T09:40:00","00081004","purchase",N,SELF,AMOX,50,860,refs={"order":["CG-N1"]})
invoice(l,"2026-11-06T10:00:00","00081004","purchase",H,SELF,DZP,5,2000,refs={"order":["CG-H1"]})
l.write('../work/probe/c3.jsonl'); print('c3 pay',len(l.ev)-2)
# c4: 宁康's amoxicillin booked first; 华东 never issues: cash to 华东 waits, at end settles 宁康's (wrong party)
l=base()
invoice(l,"2026-11-03T09:40:00","00081004","purchase",N,SELF,AMOX,50,860,refs={"order":["CG-N1"]})
pay(l,"2026-11-04T11:00:00","FK-V2","outgoing",SELF,H,10000,["00081004"],method="cash")
l.write('../work/probe/c4.jsonl'); print('c4 pay',len(l.ev))
# c5: sales side: cash from hospital for our diazepam invoice of a shared number, another customer's amoxicillin invoice of that number first
