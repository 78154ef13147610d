from lib import *
l=L("362"); master(l, when="2025-12-20T09:00:00+08:00", nk=False, bxk=False)
P=["采购-钱国栋"]
def po(t,doc,q): return l.add("purchase",t,P,{"doc":doc,"supplier":MK,"lines":[{"product":AMOX,"quantity":q,"unit_price":M(860)}]})
s={}
s['A']=po("2026-01-05T09:00:00+08:00","CG0001",500)
s['C']=po("2026-01-05T10:00:00+08:00","CG0002",300)
s['E']=po("2026-01-06T09:00:00+08:00","CG0003",400)
s['H']=po("2026-03-02T09:00:00+08:00","CG0004",600)
s['I']=po("2026-03-02T09:05:00+08:00","CG0004",600)
s['J']=po("2026-03-02T09:10:00+08:00","CG0004",600)
s['F']=po("2026-04-15T09:00:00+08:00","CG0003",450)
s['K']=po("2026-05-31T23:59:59+08:00","CG0005",200)
s['L']=po("2026-06-01T00:00:00+08:00","CG0005",200)
s['B']=po("2026-07-04T09:00:00+08:00","CG0001",700)
s['D']=po("2026-07-04T10:00:01+08:00","CG0002",350)
s['G']=po("2026-09-21T09:00:00+08:00","CG0003",480)
l.write("../ledgers/362-doc-dup-window-exact-180d-and-1s-over-chain-of-three-copies-triple-month-end-midnight.jsonl")
print(s)
