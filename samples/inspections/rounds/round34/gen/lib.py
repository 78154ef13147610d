import json, datetime, hashlib
TZ = datetime.timezone(datetime.timedelta(hours=8))
OWNER = "91330106MA2H7K3Q0L"
MK = "91330110143958275Q"   # 杭州民康制药 manufacturer
NK = "91330100143958FL27"   # 杭州宁康制药 manufacturer
YT = "91330000MA27YT1234"   # 浙江英特医药 wholesaler
TY = "91330782MA2ETY5678"   # 浙江天元药业 manufacturer
H = "12330106470089126A"    # 杭州市西溪人民医院 (public)
P = "91330100MA27R9NJ0W"    # 杭州百姓康大药房连锁
C = "12330105MB0123456X"    # 杭州市米市巷社区卫生服务中心
ACC = {OWNER:"1202024109900456781", MK:"33050161623500000917", NK:"33050161710009001234",
       YT:"1202026209900118877", TY:"33050162734009005566", H:"19030101040008866",
       P:"1202020709900212456", C:"19030101040009911"}
AMX = "86933021156015"; IBU = "86933021156022"; NKI = "86901234000020"; CEF = "86901234000037"; VC = "86912345000018"
PRICE = {AMX:860, IBU:1450, NKI:1420, CEF:2380, VC:350}

def t(s):  # '2026-10-12 10:00' or with seconds
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.datetime.strptime(s, fmt).replace(tzinfo=TZ)
def iso(d): return d.isoformat()
def money(m): return {"minor": m, "currency": "CNY"}

class L:
    def __init__(self, name):
        self.name = name; self.ev = []; self.labels = {}; self.ctr = 0
    def add(self, label, kind, when, who, data, refs=None):
        occ = t(when); ent = occ + datetime.timedelta(minutes=5)
        ms = int(ent.timestamp() * 1000)
        self.ctr += 1
        h = hashlib.sha256(f"{self.name}{self.ctr}".encode()).hexdigest()
        ra = int(h[:3], 16); rb = int(h[3:19], 16) & ((1 << 62) - 1)
        v = (ms << 80) | (0x7 << 76) | (ra << 64) | (0b10 << 62) | rb
        x = f"{v:032x}"; uid = f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"
        e = {"v": 2, "id": uid, "kind": kind, "occurred_at": iso(occ), "entered_at": iso(ent), "recorded_by": [who]}
        if refs: e["refs"] = refs
        e["data"] = data
        self.ev.append(e); self.labels[label] = len(self.ev)
        return len(self.ev)
    def write(self, path):
        with open(path, "w") as f:
            for e in self.ev: f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
        for k, v in self.labels.items(): print(v, k)

def lic(num, kind, a="2023-01-01", b="2029-12-31"): return {"number": num, "kind": kind, "valid_from": a, "valid_to": b}
def master(l, extra_parties=(), prods=(AMX, IBU, NKI)):
    W = "2026-09-28 09:%02d"
    i = [0]
    def nx(): i[0] += 1; return W % i[0]
    l.add("owner", "party_registered", nx(), "质管-沈丽华", {"party": OWNER, "name": "浙江仁济医药有限公司", "kind": "wholesaler", "relation": "self",
        "licence": lic("浙AA5710386", "drug_wholesale"), "scope": ["chemical", "tcm_patent", "biological"], "accounts": [{"bank": "中国工商银行杭州西湖支行", "number": ACC[OWNER]}],
        "province": "浙江", "address": "浙江省杭州市西湖区西园八路 11 号"})
    P_ = {MK: ("杭州民康制药有限公司", "manufacturer", "supplier", lic("浙20000157", "drug_manufacturing"), "浙江省杭州市余杭区仁和街道启航路 22 号"),
          NK: ("杭州宁康制药有限公司", "manufacturer", "supplier", lic("浙20000123", "drug_manufacturing"), "浙江省杭州市余杭区仓前街道文一西路 1500 号"),
          YT: ("浙江英特医药有限公司", "wholesaler", "supplier", lic("浙AA5710099", "drug_wholesale"), "浙江省杭州市拱墅区东新路 155 号"),
          TY: ("浙江天元药业有限公司", "manufacturer", "supplier", lic("浙20000311", "drug_manufacturing"), "浙江省金华市兰溪市灵洞乡 88 号"),
          H: ("杭州市西溪人民医院", "medical_institution", "customer", lic("47008912333010611A1001", "medical_institution"), "浙江省杭州市西湖区天目山路 268 号"),
          P: ("杭州百姓康大药房连锁有限公司", "retail_chain", "customer", lic("浙CA5710026", "drug_retail"), "浙江省杭州市上城区秋涛北路 72 号"),
          C: ("杭州市拱墅区米市巷街道社区卫生服务中心", "medical_institution", "customer", lic("PDY00412333010511B1001", "medical_institution"), "浙江省杭州市拱墅区米市巷 19 号")}
    for pid in extra_parties:
        n, k, r, li, ad = P_[pid]
        d = {"party": pid, "name": n, "kind": k, "relation": r, "licence": li, "scope": ["chemical", "tcm_patent"], "accounts": [{"bank": "银行", "number": ACC[pid]}], "province": "浙江", "address": ad}
        if pid == H: d["public_hospital"] = True
        l.add("party-" + pid, "party_registered", nx(), "质管-沈丽华", d)
    PR = {AMX: ("阿莫西林胶囊", "0.25g×24粒/盒", MK, "国药准字H33021567"), IBU: ("布洛芬缓释胶囊", "0.3g×20粒/盒", MK, "国药准字H33022104"),
          NKI: ("布洛芬缓释胶囊", "0.3g×20粒/盒", NK, "国药准字H33020187"), CEF: ("头孢克肟分散片", "0.1g×6片/盒", NK, "国药准字H20053011"),
          VC: ("维生素C片", "0.1g×100片/瓶", TY, "国药准字H33020765")}
    for p in prods:
        g, s, m, a = PR[p]
        l.add("prod-" + p, "product_registered", nx(), "质管-沈丽华", {"product": p, "generic_name": g, "form": "胶囊剂" if "胶囊" in g else "片剂", "spec": s, "manufacturer": m,
              "approval_number": a, "category": "chemical", "control": "none", "storage": "ambient", "rx": True, "unit": "瓶" if p == VC else "盒"})
    l.add("zone", "zone_registered", nx(), "质管-沈丽华", {"zone": "WH-A", "storage": "ambient"})

BATCH = {AMX: ("2609150231", "2026-09-15", "2028-08-31"), IBU: ("2608220117", "2026-08-22", "2028-07-31"),
         NKI: ("NK261002", "2026-10-02", "2028-09-30"), CEF: ("NK260915C", "2026-09-15", "2028-08-31"), VC: ("TY2609A", "2026-09-01", "2028-08-31")}

def purchase(l, lab, when, doc, sup, lines):  # lines [(prod, qty, price)]
    return l.add(lab, "purchase", when, "采购-钱国栋", {"doc": doc, "supplier": sup, "lines": [{"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]})
def receipt(l, lab, when, doc, sup, lines, order=None, dn=None):  # lines [(prod, arrived, accepted)]
    refs = {}
    if order: refs["order"] = order if isinstance(order, list) else [order]
    if dn: refs["delivery_note"] = dn if isinstance(dn, list) else [dn]
    ls = []
    for p, arr, acc in lines:
        b, pd, ex = BATCH[p]
        x = {"product": p, "batch": b, "production_date": pd, "expiry": ex, "arrived": arr, "accepted": acc, "rejected": arr - acc, "location": "RCV"}
        if arr > acc: x["reject_reason"] = "外包装破损"
        ls.append(x)
    return l.add(lab, "receipt", when, "验收-孙晓峰", {"doc": doc, "supplier": sup, "lines": ls, "acceptors": ["验收-孙晓峰"]}, refs or None)
def put_away(l, lab, when, doc, lines, receipts):
    return l.add(lab, "put_away", when, "保管-朱建平", {"doc": doc, "lines": [{"product": p, "batch": BATCH[p][0], "quantity": q, "from": "RCV", "to": "WH-A"} for p, q in lines]}, {"receipt": receipts})
def transfer(l, lab, when, doc, reason, frm, to, lines, refs=None):
    return l.add(lab, "transfer", when, "质管-沈丽华", {"doc": doc, "reason": reason, "lines": [{"product": p, "batch": BATCH[p][0], "quantity": q, "from": frm, "to": to} for p, q in lines]}, refs)
def sale(l, lab, when, doc, cus, lines):  # [(prod, qty, price)]
    return l.add(lab, "sale", when, "销售-许晨", {"doc": doc, "customer": cus, "channel": "wholesale",
        "lines": [{"product": p, "batch": BATCH[p][0], "expiry": BATCH[p][2], "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]})
def review(l, lab, when, doc, cus, sales, lines):
    return l.add(lab, "outbound_review", when, "复核-郭婷", {"doc": doc, "customer": cus, "lines": [{"product": p, "batch": BATCH[p][0], "expiry": BATCH[p][2], "quantity": q, "quality": "ok"} for p, q in lines], "reviewers": ["复核-郭婷"]}, {"sale": sales})
def dispatch(l, lab, when, doc, cus, sales, lines):
    return l.add(lab, "dispatch", when, "发货-蒋涛", {"doc": doc, "customer": cus, "consignee": "收货人", "address": "浙江省杭州市", "lines": [{"product": p, "batch": BATCH[p][0], "quantity": q, "from": "WH-A"} for p, q in lines]}, {"sale": sales})
def creturn(l, lab, when, doc, cus, sales, lines, reason="客户订货数量有误"):
    return l.add(lab, "customer_return", when, "销售-许晨", {"doc": doc, "customer": cus, "reason": reason, "lines": [{"product": p, "batch": BATCH[p][0], "quantity": q, "to": "RET"} for p, q in lines]}, {"sale": sales})
def sreturn(l, lab, when, doc, sup, lines, refs):
    return l.add(lab, "supplier_return", when, "采购-钱国栋", {"doc": doc, "supplier": sup, "reason": "养护检查发现外观质量问题，供应商同意退货", "lines": [{"product": p, "batch": BATCH[p][0], "quantity": q, "from": "QA"} for p, q in lines]}, refs)
def invoice(l, lab, when, doc, direction, issuer, buyer, lines, refs, credit_for=None, issued_on=None):  # [(prod, qty, price)]
    ls = [{"product": p, "quantity": q, "unit_price": money(pr), "amount": money(q * pr)} for p, q, pr in lines]
    d = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer, "issued_on": issued_on or when[:10], "lines": ls, "total": money(sum(q * pr for _, q, pr in lines))}
    if credit_for: d["credit_for"] = credit_for
    return l.add(lab, "invoice", when, "财务-韩雪", d, refs)
def pay(l, lab, when, doc, direction, payer, payee, amount, invoices):
    return l.add(lab, "payment", when, "财务-韩雪", {"doc": doc, "direction": direction, "payer": payer, "payee": payee, "payer_account": ACC[payer], "payee_account": ACC[payee],
        "amount": money(amount), "method": "bank_transfer", "invoices": invoices})
