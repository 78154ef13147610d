"""Small deterministic helpers to write rxledger events (round 30)."""
import json, hashlib, datetime as dt

TZ = dt.timezone(dt.timedelta(hours=8))
def T(s):  # 'YYYY-MM-DD HH:MM[:SS]' Beijing
    fmt = '%Y-%m-%d %H:%M:%S' if s.count(':') == 2 else '%Y-%m-%d %H:%M'
    return dt.datetime.strptime(s, fmt).replace(tzinfo=TZ)
def iso(t): return t.isoformat()
def M(minor): return {"minor": int(minor), "currency": "CNY"}

SELF = "91330000MA2H7R2NC"
ACC_SELF = "1202024109900527001"
SUP1 = "91330100143958271W"; ACC_SUP1 = "33050161627200000123"      # 杭州宁康制药
SUP2 = "91120000103071899G"; ACC_SUP2 = "12050188000000000789"      # 天士力
NAT = "913100001345880210"; ACC_NAT = "31050161627200000999"       # 国药控股 (national wholesaler)
VACM = "91110000100020821J"; ACC_VACM = "11050188000000000555"      # 北京生物制品
H1 = "12330100470001234C"; ACC_H1 = "33001616835050000011"        # 杭州市第一人民医院
H2 = "12330100470067138W"; ACC_H2 = "33001616835050000022"        # 杭州市西溪医院
RC = "91330105MA2CL5E478"; ACC_RC = "33001616835050000033"        # 康宁大药房连锁
H3 = "123304004700998819"; ACC_H3 = "33001616835050000066"        # 嘉兴市第二医院
CDC = "12330100470088100X"; ACC_CDC = "33001616835050000088"      # 杭州市疾控中心

P_AMOX = "86901234000011"; P_IBU = "86901234000028"; P_DS = "86912345000057"
P_MOR = "86902345000016"; P_DIAZ = "86901234000042"; P_VAC = "86979001000017"

class Ledger:
    def __init__(self, name):
        self.name = name; self.ev = []; self.n = 0
    def add(self, kind, t, data, refs=None, by=("质管-沈佳怡",), enter_min=5, entered=None):
        if isinstance(t, str): t = T(t)
        ent = entered if entered is not None else t + dt.timedelta(minutes=enter_min)
        if isinstance(ent, str): ent = T(ent)
        self.n += 1
        ms = int(ent.timestamp() * 1000)
        h = hashlib.sha256(f"{self.name}/{self.n}".encode()).hexdigest()
        u = f"{ms:012x}"
        uid = f"{u[:8]}-{u[8:12]}-7{h[:3]}-{'89ab'[int(h[3],16)%4]}{h[4:7]}-{h[7:19]}"
        e = {"v": 2, "id": uid, "kind": kind, "occurred_at": iso(t), "entered_at": iso(ent),
             "recorded_by": list(by)}
        if refs: e["refs"] = refs
        e["data"] = data
        self.ev.append(e)
        return len(self.ev)
    def write(self, path):
        # ids must be unique; entered_at increasing is not required but keep file order
        ids = [e["id"] for e in self.ev]; assert len(ids) == len(set(ids))
        with open(path, "w", encoding="utf-8") as f:
            for e in self.ev: f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")

def party(L, t, pid, name, kind, rel, scope, acc, prov, addr, lic, lickind, special=None, public=None):
    d = {"party": pid, "name": name, "kind": kind, "relation": rel,
         "licence": {"number": lic, "kind": lickind, "valid_from": "2023-01-01", "valid_to": "2029-12-31"},
         "scope": scope, "accounts": [{"bank": "开户行", "number": acc}], "province": prov, "address": addr}
    if special: d["special"] = special
    if public is not None: d["public_hospital"] = public
    return L.add("party_registered", t, d)

ADDR = {H1: "浙江省杭州市上城区浣纱路 261 号", H2: "浙江省杭州市西湖区西溪路 28 号",
        RC: "浙江省杭州市拱墅区莫干山路 110 号", H3: "浙江省嘉兴市南湖区环城北路 1518 号",
        CDC: "浙江省杭州市上城区明月桥路 68 号"}

def master(L, t="2026-11-30 09:00", narcotic=False, vaccine=False):
    sc_self = ["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain", "vaccine"]
    sp_self = None
    if narcotic:
        sc_self += ["narcotic", "psychotropic1"]; sp_self = {"designation": "regional_wholesaler", "valid_to": "2028-12-31"}
    party(L, t, SELF, "浙江瑞和医药有限公司", "wholesaler", "self", sc_self, ACC_SELF, "浙江", "浙江省杭州市西湖区文三路 388 号", "浙AA5710320", "drug_wholesale", sp_self)
    party(L, t, SUP1, "杭州宁康制药有限公司", "manufacturer", "supplier", ["chemical", "psychotropic2"], ACC_SUP1, "浙江", "浙江省杭州市滨江区江南大道 1 号", "浙20000101", "drug_manufacturing")
    party(L, t, SUP2, "天士力医药集团股份有限公司", "manufacturer", "supplier", ["tcm_patent"], ACC_SUP2, "天津", "天津市北辰区普济河东道 2 号", "津20000012", "drug_manufacturing")
    hs = ["chemical", "tcm_patent", "biological", "psychotropic2"]
    if narcotic:
        party(L, t, NAT, "国药控股股份有限公司", "wholesaler", "supplier", ["chemical", "narcotic", "psychotropic1", "psychotropic2"], ACC_NAT, "上海", "上海市黄浦区龙华东路 385 号", "沪AA0210001", "drug_wholesale", {"designation": "national_wholesaler", "valid_to": "2029-12-31"})
        party(L, t, H1, "杭州市第一人民医院", "medical_institution", "customer", hs + ["narcotic", "psychotropic1"], ACC_H1, "浙江", ADDR[H1], "PDY00001233010", "medical_institution", {"designation": "seal_card_holder", "seal_card": "浙杭印2024-0031", "valid_to": "2027-03-31"}, True)
        party(L, t, H3, "嘉兴市第二医院", "medical_institution", "customer", hs + ["narcotic", "psychotropic1"], ACC_H3, "浙江", ADDR[H3], "PDY00009988110", "medical_institution", {"designation": "seal_card_holder", "seal_card": "浙嘉印2023-0107", "valid_to": "2027-12-15"}, True)
    else:
        party(L, t, H1, "杭州市第一人民医院", "medical_institution", "customer", hs, ACC_H1, "浙江", ADDR[H1], "PDY00001233010", "medical_institution", None, True)
    party(L, t, H2, "杭州市西溪医院", "medical_institution", "customer", hs, ACC_H2, "浙江", ADDR[H2], "PDY00006713810", "medical_institution", None, True)
    party(L, t, RC, "杭州康宁大药房连锁有限公司", "retail_chain", "customer", ["chemical", "tcm_patent", "biological"], ACC_RC, "浙江", ADDR[RC], "浙CB5710011", "drug_retail")
    if vaccine:
        party(L, t, VACM, "北京生物制品研究所有限责任公司", "manufacturer", "supplier", ["biological", "vaccine", "cold_chain"], ACC_VACM, "北京", "北京市朝阳区三间房南里 4 号", "京20000044", "drug_manufacturing")
        party(L, t, CDC, "杭州市疾病预防控制中心", "cdc", "customer", ["biological", "vaccine", "cold_chain"], ACC_CDC, "浙江", ADDR[CDC], "浙疾控2023-001", "public_health", None, True)
    t2 = T(t) + dt.timedelta(minutes=30)
    prods = [(P_AMOX, "阿莫西林胶囊", "杭州宁康制药有限公司", "chemical", "none", "ambient", "盒", "国药准字H33020011"),
             (P_IBU, "布洛芬缓释胶囊", "杭州宁康制药有限公司", "chemical", "none", "ambient", "盒", "国药准字H33020234"),
             (P_DS, "复方丹参滴丸", "天士力医药集团股份有限公司", "tcm_patent", "none", "ambient", "瓶", "国药准字Z10950111"),
             (P_DIAZ, "地西泮片", "杭州宁康制药有限公司", "chemical", "psychotropic2", "ambient", "盒", "国药准字H33020567")]
    if narcotic:
        prods.append((P_MOR, "盐酸吗啡注射液", "东北制药集团股份有限公司", "narcotic", "narcotic", "ambient", "支", "国药准字H21022436"))
    for p, n, m, c, ctl, st, u, a in prods:
        L.add("product_registered", t2, {"product": p, "generic_name": n, "form": "片剂", "spec": "规格", "manufacturer": m,
              "approval_number": a, "category": c, "control": ctl, "storage": st, "rx": True, "unit": u})
    if vaccine:
        L.add("product_registered", t2, {"product": P_VAC, "generic_name": "乙型脑炎减毒活疫苗", "form": "注射剂", "spec": "0.5ml/瓶",
              "manufacturer": "北京生物制品研究所有限责任公司", "approval_number": "国药准字S10930020", "category": "biological",
              "control": "none", "storage": "cold", "vaccine": True, "rx": True, "unit": "瓶"})
    t3 = T(t) + dt.timedelta(minutes=60)
    for z, st in (("WH-A", "ambient"), ("WH-B", "ambient"), ("SP-1", "ambient"), ("SP-2", "ambient")):
        L.add("zone_registered", t3, {"zone": z, "storage": st, "sensors": []})
    if vaccine:
        L.add("zone_registered", t3, {"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}, "sensors": ["TH-R01"]})
        L.add("zone_registered", t3, {"zone": "CR-2", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}, "sensors": ["TH-R02"]})

PRICE = {P_AMOX: (860, 1050), P_IBU: (1200, 1450), P_DS: (2500, 3000), P_DIAZ: (500, 700), P_MOR: (1800, 2100), P_VAC: (3500, 4200)}
SPECIAL = {P_DIAZ, P_MOR}

def purchase(L, t, doc, sup, lines, by=("采购-李明",)):
    return L.add("purchase", t, {"doc": doc, "supplier": sup, "lines": [{"product": p, "quantity": q, "unit_price": M(PRICE[p][0])} for p, q in lines]}, by=by)

def receipt(L, t, doc, sup, order, dn, lines, acceptors=("验收-张伟", "验收-孙浩"), transport=None):
    """lines: (product, batch, expiry, arrived, accepted, location, codes or None)"""
    ls = []
    for p, b, exp, arr, acc, loc, codes in lines:
        d = {"product": p, "batch": b, "production_date": "2026-06-01", "expiry": exp, "arrived": arr, "accepted": acc, "location": loc}
        if codes: d["codes"] = codes
        ls.append(d)
    data = {"doc": doc, "supplier": sup, "lines": ls, "acceptors": list(acceptors)}
    if transport: data["transport"] = transport
    return L.add("receipt", t, data, refs={"order": [order], "delivery_note": [dn]}, by=acceptors)

def put_away(L, t, doc, lines, refs=None, by=("保管-赵磊",)):
    ls = []
    for p, b, q, fr, to, codes in lines:
        d = {"product": p, "batch": b, "quantity": q, "from": fr, "to": to}
        if codes: d["codes"] = codes
        ls.append(d)
    return L.add("put_away", t, {"doc": doc, "lines": ls}, refs=refs, by=by)

def transfer(L, t, doc, reason, lines, by=("质管-沈佳怡",)):
    ls = []
    for p, b, q, fr, to, codes in lines:
        d = {"product": p, "batch": b, "quantity": q, "from": fr, "to": to}
        if codes: d["codes"] = codes
        ls.append(d)
    return L.add("transfer", t, {"doc": doc, "reason": reason, "lines": ls}, by=by)

def sale(L, t, doc, cust, lines, approval=None):
    refs = {"approval": approval} if approval else None
    return L.add("sale", t, {"doc": doc, "customer": cust, "channel": "wholesale",
        "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": M(PRICE[p][1])} for p, b, e, q in lines]}, refs=refs, by=("销售-陈静",))

def review(L, t, doc, sale_doc, cust, lines, reviewers=("复核-刘洋", "复核-郭婷")):
    return L.add("outbound_review", t, {"doc": doc, "customer": cust, "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q in lines],
        "reviewers": list(reviewers)}, refs={"sale": [sale_doc]}, by=reviewers)

def dispatch(L, t, doc, sale_doc, cust, lines, vehicle=None):
    ls = []
    for p, b, q, fr, codes in lines:
        d = {"product": p, "batch": b, "quantity": q, "from": fr}
        if codes: d["codes"] = codes
        ls.append(d)
    data = {"doc": doc, "customer": cust, "consignee": "药剂科 收货组", "address": ADDR[cust], "lines": ls}
    if vehicle: data["vehicle"] = vehicle
    return L.add("dispatch", t, data, refs={"sale": [sale_doc]}, by=("发货-吴凯",))

def invoice(L, t, doc, direction, issuer, buyer, lines, refs, credit_for=None, issued_on=None, price_idx=None):
    """lines: (product, qty[, unit_price_minor])"""
    idx = price_idx if price_idx is not None else (0 if direction == "purchase" else 1)
    ls = []; tot = 0
    for l in lines:
        p, q = l[0], l[1]; up = l[2] if len(l) > 2 else PRICE[p][idx]
        ls.append({"product": p, "quantity": q, "unit_price": M(up), "amount": M(q * up)}); tot += q * up
    if isinstance(t, str): tt = T(t)
    else: tt = t
    data = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer, "issued_on": issued_on or tt.date().isoformat(), "lines": ls, "total": M(tot)}
    if credit_for: data["credit_for"] = credit_for
    L.add("invoice", t, data, refs=refs, by=("财务-王芳",))
    return len(L.ev), tot

def payment(L, t, doc, direction, payer, payee, pa, pe, amount, invoices, method="bank_transfer"):
    return L.add("payment", t, {"doc": doc, "direction": direction, "payer": payer, "payee": payee, "payer_account": pa, "payee_account": pe,
        "amount": M(amount), "method": method, "invoices": list(invoices)}, refs={"invoice": invoices[0]}, by=("财务-王芳",))

def codes(prefix, a, b):
    return [f"{prefix}{i:06d}" for i in range(a, b + 1)]
