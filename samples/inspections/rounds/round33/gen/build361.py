from lib import *
l=L("361"); master(l, when="2026-10-28T09:00:00+08:00", nk=False, bxk=False)
P=["采购-钱国栋"]; A=["验收-孙晓峰"]; W=["保管-朱建平"]; S=["销售-许晨"]; R=["复核-郭婷"]; D=["发货-蒋涛"]; F=["财务-韩雪"]
s={}
s['po']=l.add("purchase","2026-11-02T09:30:00+08:00",P,{"doc":"CG2026110200001","supplier":MK,"lines":[{"product":AMOX,"quantity":1000,"unit_price":M(870)}]})
# price corrected in the ERP (8.70 -> 8.60) and the order time re-saved, re-imported: new id, same number
s['po2']=l.add("purchase","2026-11-02T09:36:00+08:00",P,{"doc":"CG2026110200001","supplier":MK,"lines":[{"product":AMOX,"quantity":1000,"unit_price":M(860)}]})
s['rc']=l.add("receipt","2026-11-04T10:20:00+08:00",A,{"doc":"SH2026110400001","supplier":MK,"lines":[{"product":AMOX,"batch":"2610200331","production_date":"2026-10-20","expiry":"2028-09-30","arrived":1000,"accepted":1000,"rejected":0,"location":"RCV"}],"acceptors":A},refs={"order":["CG2026110200001"],"delivery_note":["MK-PS-2026110300012"]})
s['pa']=l.add("put_away","2026-11-04T11:05:00+08:00",W,{"doc":"RK2026110400001","lines":[{"product":AMOX,"batch":"2610200331","quantity":1000,"from":"RCV","to":"WH-A"}]},refs={"receipt":["SH2026110400001"]})
s['pinv']=l.add("invoice","2026-11-04T15:30:00+08:00",F,inv("26332000000103590077","purchase",MK,OWNER,"2026-11-04",[(AMOX,1000,860)]),refs={"order":["CG2026110200001"]})
s['pay']=l.add("payment","2026-11-05T10:00:00+08:00",F,pay("FK2026110500001","outgoing",OWNER,MK,OWN_ACC,MK_ACC,860000,["26332000000103590077"]))
# the bank-statement interface times out and the upload is retried: same voucher, new event id
s['pay2']=l.copy(s['pay'], enter_min=40)
AM=(AMOX,"2610200331","2028-09-30")
s['sale']=l.add("sale","2026-11-06T09:00:00+08:00",S,{"doc":"XS2026110600001","customer":XX,"channel":"wholesale","lines":[{"product":AMOX,"batch":"2610200331","expiry":"2028-09-30","quantity":200,"unit_price":M(1030)}]})
s['rev']=l.add("outbound_review","2026-11-06T10:10:00+08:00",R,{"doc":"FH2026110600001","customer":XX,"lines":[{"product":AMOX,"batch":"2610200331","expiry":"2028-09-30","quantity":200,"quality":"ok"}],"reviewers":R},refs={"sale":["XS2026110600001"]})
# the WMS re-sends the review after a network error, under a new id
s['rev2']=l.copy(s['rev'], enter_min=12)
s['disp']=l.add("dispatch","2026-11-06T11:20:00+08:00",D,{"doc":"PS2026110600001","customer":XX,"consignee":"西溪人民医院药剂科 王敏","address":"浙江省杭州市西湖区天目山路 268 号","lines":[{"product":AMOX,"batch":"2610200331","quantity":200,"from":"WH-A"}]},refs={"sale":["XS2026110600001"]})
s['sinv']=l.add("invoice","2026-11-06T16:00:00+08:00",F,inv("26332000000104490005","sale",OWNER,XX,"2026-11-06",[(AMOX,200,1030)]),refs={"sale":["XS2026110600001"]})
s['spay']=l.add("payment","2026-11-09T14:00:00+08:00",F,pay("SK2026110900001","incoming",XX,OWNER,XX_ACC,OWN_ACC,206000,["26332000000104490005"]))
# the hospital sends the whole order back (wrong strength ordered); the PDA's upload is retried after the clerk corrects the time 10:30 -> 10:31
s['ret']=l.add("customer_return","2026-11-10T10:30:00+08:00",["销售-许晨","验收-孙晓峰"],{"doc":"TH2026111000001","customer":XX,"reason":"医院规格订错，整单退回，包装完好","lines":[{"product":AMOX,"batch":"2610200331","quantity":200,"to":"RET"}]},refs={"sale":["XS2026110600001"],"delivery_note":["PS2026110600001"]})
s['ret2']=l.copy(s['ret'], when="2026-11-10T10:31:00+08:00")
s['cn']=l.add("invoice","2026-11-11T15:00:00+08:00",F,inv("26332000000104490019","sale",OWNER,XX,"2026-11-11",[(AMOX,200,1030)],credit_for="26332000000104490005"),refs={"sale":["XS2026110600001"]})
s['refund']=l.add("payment","2026-11-12T10:00:00+08:00",F,pay("FK2026111200003","outgoing",OWNER,XX,OWN_ACC,XX_ACC,206000,["26332000000104490019"]))
s['rel']=l.add("transfer","2026-11-12T10:30:00+08:00",["质管-沈丽华","验收-何静"],{"doc":"YK2026111200001","reason":"release","lines":[{"product":AMOX,"batch":"2610200331","quantity":200,"from":"RET","to":"WH-A"}]},refs={"receipt":["TH2026111000001"]})
s['pdA']=l.add("stock_count","2026-11-30T23:30:00+08:00",["保管-朱建平","质管-沈丽华"],{"doc":"PD2026113000001","location":"WH-A","lines":[{"product":AMOX,"batch":"2610200331","counted":1000}]})
s['pdR']=l.add("stock_count","2026-11-30T23:45:00+08:00",["保管-朱建平","质管-沈丽华"],{"doc":"PD2026113000002","location":"RET","lines":[{"product":AMOX,"batch":"2610200331","counted":0}]})
l.write("../ledgers/361-true-duplicates-order-price-fix-payment-retry-review-resent-whole-return-retried.jsonl")
print(s)
