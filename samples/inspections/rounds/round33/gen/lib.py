import json, hashlib, datetime as dt
TZ = dt.timezone(dt.timedelta(hours=8))
OWNER="91330106MA2H7K3Q0L"; MK="91330110143958275Q"; NK="91330100143958FL27"
XX="12330106470089126A"; BXK="91330100MA27R9NJ0W"
AMOX="86933021156015"; IBU="86933021156022"; NKIBU="86901234000020"
OWN_ACC="1202024109900456781"; MK_ACC="33050161623500000917"; NK_ACC="33050161710009001234"
XX_ACC="19030101040008866"; BXK_ACC="1202020709900212456"
def M(y): return {"minor":y,"currency":"CNY"}
class L:
    def __init__(s, seed): s.ev=[]; s.seed=seed
    def t(s, txt): return dt.datetime.fromisoformat(txt)
    def uid(s, when, salt):
        ms=int(when.timestamp()*1000)
        h=hashlib.sha256(f"{s.seed}-{salt}-{len(s.ev)}".encode()).hexdigest()
        x=f"{ms:012x}"+"7"+h[:3]+format(8|int(h[3],16)&3,'x')+h[4:7]+h[7:19]
        return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"
    def add(s, kind, when, by, data, refs=None, enter_min=5, **kw):
        w=s.t(when); e=w+dt.timedelta(minutes=enter_min)
        ev={"v":2,"id":s.uid(e,kind),"kind":kind,"occurred_at":w.isoformat(),"entered_at":e.isoformat(),"recorded_by":by}
        if refs: ev["refs"]=refs
        ev["data"]=data; s.ev.append(ev); return len(s.ev)
    def copy(s, seq, when=None, enter_min=5, **changes):
        import copy as c
        ev=c.deepcopy(s.ev[seq-1]); w=s.t(when) if when else s.t(ev["occurred_at"])
        e=w+dt.timedelta(minutes=enter_min)
        ev["occurred_at"]=w.isoformat(); ev["entered_at"]=e.isoformat(); ev["id"]=s.uid(e,"copy")
        s.ev.append(ev); return len(s.ev)
    def write(s, path):
        with open(path,"w") as f:
            for e in s.ev: f.write(json.dumps(e,ensure_ascii=False,separators=(",",":"))+"\n")
def master(l, when="2026-09-28T09:00:00+08:00", nk=True, bxk=True):
    base=dt.datetime.fromisoformat(when)
    def at(i): return (base+dt.timedelta(minutes=2*i)).isoformat()
    by=["质管-沈丽华"]
    l.add("party_registered",at(0),by,{"party":OWNER,"name":"浙江仁济医药有限公司","kind":"wholesaler","relation":"self","licence":{"number":"浙AA5710386","kind":"drug_wholesale","valid_from":"2023-06-01","valid_to":"2028-05-31"},"scope":["chemical","tcm_patent","biological"],"accounts":[{"bank":"中国工商银行杭州西湖支行","number":OWN_ACC}],"province":"浙江","address":"浙江省杭州市西湖区西园八路 11 号"})
    l.add("party_registered",at(1),by,{"party":MK,"name":"杭州民康制药有限公司","kind":"manufacturer","relation":"supplier","licence":{"number":"浙20000157","kind":"drug_manufacturing","valid_from":"2025-01-01","valid_to":"2029-12-31"},"scope":["chemical","tcm_patent"],"accounts":[{"bank":"中国建设银行杭州余杭支行","number":MK_ACC}],"province":"浙江","address":"浙江省杭州市余杭区仁和街道启航路 22 号"})
    if nk: l.add("party_registered",at(2),by,{"party":NK,"name":"杭州宁康制药有限公司","kind":"manufacturer","relation":"supplier","licence":{"number":"浙20000123","kind":"drug_manufacturing","valid_from":"2022-06-01","valid_to":"2027-05-31"},"scope":["chemical"],"accounts":[{"bank":"中国建设银行杭州余杭支行","number":NK_ACC}],"province":"浙江","address":"浙江省杭州市余杭区仓前街道文一西路 1500 号"})
    l.add("party_registered",at(3),by,{"party":XX,"name":"杭州市西溪人民医院","kind":"medical_institution","relation":"customer","licence":{"number":"47008912333010611A1001","kind":"medical_institution","valid_from":"2022-05-10","valid_to":"2027-05-09"},"scope":["chemical","tcm_patent","biological"],"accounts":[{"bank":"中国农业银行杭州西湖支行","number":XX_ACC}],"province":"浙江","address":"浙江省杭州市西湖区天目山路 268 号","public_hospital":True})
    if bxk: l.add("party_registered",at(4),by,{"party":BXK,"name":"杭州百姓康大药房连锁有限公司","kind":"retail_chain","relation":"customer","licence":{"number":"浙CA5710026","kind":"drug_retail","valid_from":"2024-09-01","valid_to":"2029-08-31"},"scope":["chemical","tcm_patent"],"accounts":[{"bank":"中国工商银行杭州城东支行","number":BXK_ACC}],"province":"浙江","address":"浙江省杭州市上城区秋涛北路 72 号"})
    l.add("product_registered",at(5),by,{"product":AMOX,"generic_name":"阿莫西林胶囊","form":"胶囊剂","spec":"0.25g×24粒/盒","manufacturer":MK,"approval_number":"国药准字H33021567","category":"chemical","control":"none","storage":"ambient","rx":True,"unit":"盒"})
    l.add("product_registered",at(6),by,{"product":IBU,"generic_name":"布洛芬缓释胶囊","form":"胶囊剂","spec":"0.3g×20粒/盒","manufacturer":MK,"approval_number":"国药准字H33022104","category":"chemical","control":"none","storage":"ambient","rx":False,"unit":"盒"})
    if nk: l.add("product_registered",at(7),by,{"product":NKIBU,"generic_name":"布洛芬缓释胶囊","form":"胶囊剂","spec":"0.3g×20粒/盒","manufacturer":NK,"approval_number":"国药准字H33020187","category":"chemical","control":"none","storage":"ambient","rx":False,"unit":"盒"})
    l.add("zone_registered",at(8),by,{"zone":"WH-A","storage":"ambient"})
def inv(doc, direction, issuer, buyer, on, lines, credit_for=None):
    ls=[{"product":p,"quantity":q,"unit_price":M(u),"amount":M(q*u)} for p,q,u in lines]
    d={"doc":doc,"direction":direction,"issuer":issuer,"buyer":buyer,"issued_on":on,"lines":ls,"total":M(sum(q*u for _,q,u in lines))}
    if credit_for: d["credit_for"]=credit_for
    return d
def pay(doc, direction, payer, payee, pacc, eacc, amount, invoices):
    return {"doc":doc,"direction":direction,"payer":payer,"payee":payee,"payer_account":pacc,"payee_account":eacc,"amount":M(amount),"method":"bank_transfer","invoices":invoices}
