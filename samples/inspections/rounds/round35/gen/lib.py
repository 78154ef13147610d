import json, datetime, os, random
TZ = datetime.timezone(datetime.timedelta(hours=8))
SELF="91330106MA2R27QX0B"; N="91330100143958271W"; T="91120000103071899G"; M="91330110143958275Q"; H="91330400MA29HD8H3B"
HOSP="123300004700891235"; XX="12330100470067138G"
ACC={SELF:"1202024109900527001",N:"62248461562941922",T:"12050188000000000789",M:"33050161627200000555",H:"33050161627200000456",HOSP:"62101850456507379",XX:"62101850456500001"}
AMOX="69012345000013"; IBU="69012345000020"; DZP="86901234000042"
class L:
    def __init__(s): s.ev=[]; s.cnt=0; s.rnd=random.Random(35)
    def t(s, ts): return datetime.datetime.fromisoformat(ts).replace(tzinfo=TZ) if '+' not in ts else datetime.datetime.fromisoformat(ts)
    def uid(s, dt):
        ms=int(dt.timestamp()*1000); s.cnt+=1
        r=s.rnd.getrandbits(62)
        h=f"{ms:012x}"; ra=(s.cnt & 0xfff)
        return f"{h[:8]}-{h[8:]}-7{ra:03x}-{(0x8000|(r>>48)&0x3fff):04x}-{r & 0xffffffffffff:012x}"
    def add(s, kind, ts, data, refs=None, by="财务-韩雪", note=""):
        dt=s.t(ts); en=dt+datetime.timedelta(minutes=5)
        e={"v":2,"id":s.uid(en),"kind":kind,"occurred_at":dt.isoformat(),"entered_at":en.isoformat(),"recorded_by":[by]}
        if refs: e["refs"]=refs
        e["data"]=data; s.ev.append((e,note)); return len(s.ev)
    def write(s, path):
        with open(path,"w") as f:
            for e,_ in s.ev: f.write(json.dumps(e,ensure_ascii=False,separators=(",",":"))+"\n")
    def notes(s):
        return [f"# seq {i+1}: {n}" for i,(e,n) in enumerate(s.ev) if n]
def money(m): return {"minor":m,"currency":"CNY"}
def master(l, ts="2026-11-01T09:00:00"):
    P=[(SELF,"浙江和瑞医药有限公司","wholesaler","self",["chemical","psychotropic2"]),
       (N,"杭州宁康制药有限公司","manufacturer","supplier",["chemical"]),
       (T,"天士力医药集团股份有限公司","manufacturer","supplier",["chemical"]),
       (M,"杭州民康制药有限公司","manufacturer","supplier",["chemical"]),
       (H,"浙江华东制药有限公司","manufacturer","supplier",["chemical","psychotropic2"]),
       (HOSP,"杭州市仁和医院","medical_institution","customer",["chemical","psychotropic2"]),
       (XX,"杭州市西溪医院","medical_institution","customer",["chemical","psychotropic2"])]
    for p,nm,k,rel,sc in P:
        lk={"wholesaler":"drug_wholesale","manufacturer":"drug_manufacturing","medical_institution":"medical_institution"}[k]
        d={"party":p,"name":nm,"kind":k,"relation":rel,"licence":{"number":"L-"+p[-8:],"kind":lk,"valid_from":"2023-01-01","valid_to":"2029-12-31"},"scope":sc,"accounts":[{"bank":"中国工商银行杭州分行","number":ACC[p]}],"province":"浙江","address":"浙江省杭州市"+nm+"路 1 号"}
        if k=="medical_institution": d["public_hospital"]=True
        l.add("party_registered",ts,d,by="质管-陆文清")
    for pr,g,cat,ctl in [(AMOX,"阿莫西林胶囊","chemical","none"),(IBU,"布洛芬缓释胶囊","chemical","none"),(DZP,"地西泮片","psychotropic2","psychotropic2")]:
        l.add("product_registered",ts,{"product":pr,"generic_name":g,"form":"胶囊剂","spec":"盒","manufacturer":"见批准证明文件","approval_number":"国药准字H"+pr[-8:],"category":cat,"control":ctl,"storage":"ambient","rx":True,"unit":"盒"},by="质管-陆文清")
    l.add("zone_registered",ts,{"zone":"WH-A","storage":"ambient"},by="质管-陆文清")
def purchase(l,ts,doc,sup,prod,q,price,note=""):
    return l.add("purchase",ts,{"doc":doc,"supplier":sup,"lines":[{"product":prod,"quantity":q,"unit_price":money(price)}]},by="采购-钱立",note=note)
def receipt(l,ts,doc,sup,order,prod,batch,acc,rej=0,codes=None,note=""):
    ln={"product":prod,"batch":batch,"production_date":"2026-06-01","expiry":"2028-05-31","arrived":acc+rej,"accepted":acc,"rejected":rej,"location":"RCV"}
    if codes: ln["codes"]=codes
    return l.add("receipt",ts,{"doc":doc,"supplier":sup,"lines":[ln],"acceptors":["验收-孙浩","验收-李娜"]},refs={"order":[order],"delivery_note":["DN"+doc]},by="验收-孙浩",note=note)
def put_away(l,ts,doc,rdoc,prod,batch,q,codes=None,note=""):
    ln={"product":prod,"batch":batch,"quantity":q,"from":"RCV","to":"WH-A"}
    if codes: ln["codes"]=codes
    return l.add("put_away",ts,{"doc":doc,"lines":[ln]},refs={"receipt":[rdoc]},by="保管-赵磊",note=note)
def invoice(l,ts,doc,direction,issuer,buyer,prod,q,price,refs=None,credit_for=None,amount=None,issued=None,note=""):
    amt=amount if amount is not None else q*price
    d={"doc":doc,"direction":direction,"issuer":issuer,"buyer":buyer,"issued_on":issued or ts[:10],"lines":[{"product":prod,"quantity":q,"unit_price":money(price),"amount":money(amt)}],"total":money(amt)}
    if credit_for: d["credit_for"]=credit_for
    return l.add("invoice",ts,d,refs=refs,note=note)
def pay(l,ts,doc,direction,payer,payee,amt,invs,method="bank_transfer",note=""):
    cash=method=="cash"
    d={"doc":doc,"direction":direction,"payer":payer,"payee":payee,"payer_account":"" if cash else ACC[payer],"payee_account":"" if cash else ACC[payee],"amount":money(amt),"method":method,"invoices":invs}
    return l.add("payment",ts,d,refs={"invoice":invs[0]},note=note)
def sale(l,ts,doc,cust,prod,batch,q,price,note=""):
    return l.add("sale",ts,{"doc":doc,"customer":cust,"channel":"wholesale","lines":[{"product":prod,"batch":batch,"expiry":"2028-05-31","quantity":q,"unit_price":money(price)}]},by="销售-陈静",note=note)
def review(l,ts,doc,cust,sdoc,prod,batch,q,note=""):
    return l.add("outbound_review",ts,{"doc":doc,"customer":cust,"lines":[{"product":prod,"batch":batch,"expiry":"2028-05-31","quantity":q,"quality":"ok"}],"reviewers":["复核-郭婷"]},refs={"sale":[sdoc]},by="复核-郭婷",note=note)
def dispatch(l,ts,doc,cust,sdoc,prod,batch,q,note=""):
    return l.add("dispatch",ts,{"doc":doc,"customer":cust,"consignee":"药剂科","address":"浙江省杭州市","lines":[{"product":prod,"batch":batch,"quantity":q,"from":"WH-A"}]},refs={"sale":[sdoc]},by="发货-蒋涛",note=note)
