"""Parties, products and operations shared by ledgers 264-269."""
import datetime as dt
from lib22 import *

D = dt.timedelta
QM = "质管-沈慧"

def P(party, name, kind, rel, lic, scope, acct, prov, addr, **kw):
    d = {"party": party, "name": name, "kind": kind, "relation": rel}
    if lic:
        d["licence"] = {"number": lic[0], "kind": lic[1], "valid_from": "2023-01-01", "valid_to": "2030-12-31"}
    d["scope"] = scope
    d["accounts"] = [{"bank": acct[0], "number": acct[1]}] if acct else []
    d["province"] = prov
    d["address"] = addr
    d.update(kw)
    return d

OWNER = P(uscc("91330106", "MA2L7R4K"), "浙江瑞康医药有限公司", "wholesaler", "self", ("浙AA5710877", "drug_wholesale"),
          ["chemical", "tcm_patent", "biological", "vaccine", "psychotropic2", "precursor", "compound_ephedrine", "cold_chain"],
          ("中国建设银行杭州城西支行", "33050161672700027731"), "浙江", "浙江省杭州市西湖区西园八路 18 号")
M1 = P(uscc("91330100", "14396011"), "杭州华康制药有限公司", "manufacturer", "supplier", ("浙20000377", "drug_manufacturing"),
       ["chemical", "compound_ephedrine"], ("中国工商银行杭州滨江支行", "1202020709900588126"), "浙江", "浙江省杭州市滨江区滨安路 1190 号")
M2 = P(uscc("91220100", "12398777"), "长春百康生物制品有限公司", "manufacturer", "supplier", ("吉20160092", "drug_manufacturing"),
       ["biological", "vaccine", "cold_chain"], ("中国银行长春高新支行", "159257890115"), "吉林", "吉林省长春市高新区硅谷大街 3377 号")
M3 = P(uscc("91220500", "24460178"), "通化安泰生物药业有限公司", "manufacturer", "supplier", ("吉20160118", "drug_manufacturing"),
       ["biological", "cold_chain"], ("中国工商银行通化分行", "0806020109200077313"), "吉林", "吉林省通化市东昌区滨江西路 88 号")
WS = P(uscc("91330000", "14291174"), "浙江英特药业有限公司", "wholesaler", "supplier", ("浙AA5710003", "drug_wholesale"),
       ["chemical", "tcm_patent", "compound_ephedrine"], ("中国农业银行杭州中山支行", "19005101040012778"), "浙江", "浙江省杭州市滨江区江南大道 96 号")
H1 = P(uscc("12330100", "47000562"), "杭州市第三人民医院", "medical_institution", "customer", ("47000562733010211A1001", "medical_institution"),
       ["chemical", "tcm_patent", "biological", "psychotropic2", "compound_ephedrine", "cold_chain"], ("中国工商银行杭州解放路支行", "1202021209000045581"),
       "浙江", "浙江省杭州市上城区西大街 38 号", public_hospital=True)
H2 = P(uscc("12330110", "47010337"), "杭州市余杭区第一人民医院", "medical_institution", "customer", ("47010337733011011A1001", "medical_institution"),
       ["chemical", "tcm_patent", "biological", "psychotropic2", "compound_ephedrine", "cold_chain"], ("中国农业银行杭州余杭支行", "19045101040003377"),
       "浙江", "浙江省杭州市余杭区南苑街道迎宾路 369 号", public_hospital=True)
H3 = P(uscc("91330108", "MA2H3KX1"), "杭州康桥医院有限公司", "medical_institution", "customer", ("PDY00407833010815D2112", "medical_institution"),
       ["chemical", "tcm_patent", "biological", "cold_chain"], ("招商银行杭州滨江支行", "571908837710801"),
       "浙江", "浙江省杭州市滨江区长河路 475 号")
R1 = P(uscc("91330100", "MA28E7LU"), "杭州九洲大药房连锁有限公司", "retail_chain", "customer", ("浙DA5710412", "drug_retail"),
       ["chemical", "tcm_patent", "compound_ephedrine"], ("中国银行杭州庆春支行", "367358931123"),
       "浙江", "浙江省杭州市拱墅区莫干山路 420 号")

def prod(code, name, form, spec, mfr, appr, cat, ctl, storage, unit, vaccine=False, rng=None):
    d = {"product": code, "generic_name": name, "form": form, "spec": spec, "manufacturer": mfr,
         "approval_number": appr, "category": cat, "control": ctl, "storage": storage}
    if rng:
        d["temp_range"] = {"min_c": rng[0], "max_c": rng[1]}
    d["rx"] = ctl != "compound_ephedrine"
    if vaccine:
        d["vaccine"] = True
    d["unit"] = unit
    return d

AMOX = prod(gtin("8690512300011"), "阿莫西林胶囊", "胶囊剂", "0.25g×24粒/盒", M1["name"], "国药准字H33021877", "chemical", "none", "ambient", "盒")
CEF = prod(gtin("8690512300024"), "头孢克肟片", "片剂", "0.1g×6片/盒", M1["name"], "国药准字H20083311", "chemical", "none", "ambient", "盒")
INS = prod(gtin("8690778100013"), "门冬胰岛素注射液", "注射剂", "3ml:300单位(笔芯)/支", M3["name"], "国药准字S20183007", "biological", "none", "cold", "支")
HEPB = prod(gtin("8690910200017"), "重组乙型肝炎疫苗（酿酒酵母）", "注射剂", "0.5ml:10μg/支", M2["name"], "国药准字S20200011", "vaccine", "none", "cold", "支", vaccine=True)
FLU = prod(gtin("8690910200024"), "四价流感病毒裂解疫苗", "注射剂", "0.5ml/支", M2["name"], "国药准字S20190027", "vaccine", "none", "cold", "支", vaccine=True)
RAB = prod(gtin("8690910200031"), "冻干人用狂犬病疫苗（Vero细胞）", "注射剂", "复溶后每瓶0.5ml/瓶", M2["name"], "国药准字S20160005", "vaccine", "none", "cold", "瓶", vaccine=True)
PSE = prod(gtin("8690512300048"), "复方盐酸伪麻黄碱缓释胶囊", "胶囊剂", "10粒/盒", M1["name"], "国药准字H10980273", "compound_ephedrine", "compound_ephedrine", "ambient", "盒")
AFM = prod(gtin("8690512300055"), "氨酚伪麻美芬片", "片剂", "12片/盒", M1["name"], "国药准字H20023641", "compound_ephedrine", "compound_ephedrine", "ambient", "盒")


class Biz:
    """Document numbering and common flows for one ledger."""
    def __init__(self, L, owner):
        self.L, self.owner = L, owner
        self.n = {}
        self.prices = {}

    def no(self, prefix, when):
        k = (prefix, when.date())
        self.n[k] = self.n.get(k, 0) + 1
        return "%s%s%05d" % (prefix, when.strftime("%Y%m%d"), self.n[k])

    def master(self, when, parties, products, zones=()):
        L = self.L
        for p in parties:
            L.add("party_registered", when, p, QM)
            when += D(minutes=2)
        for p in products:
            L.add("product_registered", when, p, QM)
            when += D(minutes=2)
        for z in zones:
            L.add("zone_registered", when, z, QM)
            when += D(minutes=2)
        return when

    def inv(self, when, direction, issuer, buyer, lines, refs, credit_for=None, mark=None):
        """lines: (product, qty, unit_price_minor)"""
        doc = self.L.invno()
        ls = [{"product": p, "quantity": q, "unit_price": money(u), "amount": money(q * u)} for p, q, u in lines]
        d = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer, "issued_on": when.strftime("%Y-%m-%d"),
             "lines": ls, "total": money(sum(q * u for _, q, u in lines))}
        if credit_for:
            d["credit_for"] = credit_for
        self.L.add("invoice", when, d, "财务-王芳", refs=refs, mark=mark)
        return doc, sum(q * u for _, q, u in lines)

    def pay(self, when, direction, payer, payee, amount, invoices, method="bank_transfer", payer_acct=None, payee_acct=None, mark=None, prefix=None):
        d = {"doc": self.no(prefix or ("FK" if direction == "outgoing" else "SK"), when), "direction": direction,
             "payer": payer["party"], "payee": payee["party"],
             "payer_account": "" if method == "cash" else (payer_acct or payer["accounts"][0]["number"]),
             "payee_account": "" if method == "cash" else (payee_acct or payee["accounts"][0]["number"]),
             "amount": money(amount), "method": method, "invoices": invoices}
        self.L.add("payment", when, d, "财务-王芳", refs={"invoice": invoices[0]}, mark=mark)

    def buy(self, when, sup, lines, to="WH-A", transport=None, acceptors=("验收-张伟",), rcv_delay=D(days=1), pay_days=20,
            location="RCV", mark_receipt=None, pay=True, invoice=True):
        """lines: (product, batch, prod_date, expiry, qty, price). Returns dict."""
        L = self.L
        po = self.no("CG", when)
        L.add("purchase", when, {"doc": po, "supplier": sup["party"], "lines": [
            {"product": p["product"], "quantity": q, "unit_price": money(u)} for p, b, pd, ex, q, u in lines]}, "采购-李明")
        rt = when + rcv_delay
        sh = self.no("SH", rt)
        dn = "DN-%s-%s" % (sup["party"][-6:], po[2:])
        rd = {"doc": sh, "supplier": sup["party"], "lines": [
            {"product": p["product"], "batch": b, "production_date": pd, "expiry": ex, "arrived": q, "accepted": q, "rejected": 0,
             "location": location} for p, b, pd, ex, q, u in lines], "acceptors": list(acceptors)}
        if transport:
            rd["transport"] = transport
        L.add("receipt", rt, rd, acceptors[0], refs={"order": [po], "delivery_note": [dn]}, mark=mark_receipt)
        if to:
            L.add("put_away", rt + D(minutes=40), {"doc": self.no("RK", rt), "lines": [
                {"product": p["product"], "batch": b, "quantity": q, "from": location, "to": to} for p, b, pd, ex, q, u in lines]},
                "保管-赵磊", refs={"order": [po], "receipt": [sh]})
        res = {"po": po, "sh": sh, "rt": rt}
        if invoice:
            it = rt + D(hours=2)
            doc, tot = self.inv(it, "purchase", sup["party"], self.owner["party"], [(p["product"], q, u) for p, b, pd, ex, q, u in lines],
                                {"order": [po], "receipt": [sh]})
            res.update(inv=doc, total=tot)
            if pay:
                self.pay(it + D(days=pay_days), "outgoing", self.owner, sup, tot, [doc])
        return res

    def sell(self, when, cus, lines, frm="WH-A", vehicle=None, pay_days=8, channel="wholesale", address=None, buyer_id=None,
             prescription=None, reviewers=("复核-刘洋",), pay=True, method="bank_transfer", mark_sale=None, mark_disp=None,
             mark_pay=None, consignee=None, invoice=True, pay_amount=None):
        """lines: (product, batch, expiry, qty, price)"""
        L = self.L
        xs = self.no("XS", when)
        sd = {"doc": xs, "customer": cus["party"], "channel": channel}
        if buyer_id:
            sd["buyer_id"] = buyer_id
        if prescription:
            sd["prescription"] = prescription
        sd["lines"] = [{"product": p["product"], "batch": b, "expiry": ex, "quantity": q, "unit_price": money(u)} for p, b, ex, q, u in lines]
        L.add("sale", when, sd, "销售-陈静", mark=mark_sale)
        rv = when + D(minutes=30)
        L.add("outbound_review", rv, {"doc": self.no("FH", rv), "customer": cus["party"], "lines": [
            {"product": p["product"], "batch": b, "expiry": ex, "quantity": q, "quality": "ok"} for p, b, ex, q, u in lines],
            "reviewers": list(reviewers)}, reviewers[0], refs={"sale": [xs]})
        dt_ = when + D(minutes=60)
        ps = self.no("PS", dt_)
        dd = {"doc": ps, "customer": cus["party"], "consignee": consignee or (cus["name"] + " 药剂科"),
              "address": address or cus["address"], "lines": [
            {"product": p["product"], "batch": b, "quantity": q, "from": frm} for p, b, ex, q, u in lines]}
        if vehicle:
            dd["vehicle"] = vehicle
        L.add("dispatch", dt_, dd, "发货-吴凯", refs={"sale": [xs]}, mark=mark_disp)
        res = {"xs": xs, "ps": ps, "dt": dt_}
        if invoice:
            it = when + D(minutes=90)
            doc, tot = self.inv(it, "sale", self.owner["party"], cus["party"], [(p["product"], q, u) for p, b, ex, q, u in lines],
                                {"sale": [xs], "delivery_note": [ps]})
            res.update(inv=doc, total=tot, it=it)
            if pay:
                self.pay(it + D(days=pay_days), "incoming", cus, self.owner, pay_amount if pay_amount is not None else tot, [doc],
                         method=method, mark=mark_pay)
        return res

    def transfer(self, when, reason, lines, refs=None, mark=None, by="质管-沈慧"):
        """lines: (product, batch, qty, from, to)"""
        self.L.add("transfer", when, {"doc": self.no("YK", when), "reason": reason, "lines": [
            {"product": p["product"], "batch": b, "quantity": q, "from": f, "to": t_} for p, b, q, f, t_ in lines]}, by, refs=refs, mark=mark)

    def creturn(self, when, cus, sale_refs, lines, reason, to="RET", mark=None, refs_extra=None):
        """lines: (product, batch, qty)"""
        doc = self.no("TH", when)
        refs = {"sale": sale_refs}
        if refs_extra:
            refs.update(refs_extra)
        self.L.add("customer_return", when, {"doc": doc, "customer": cus["party"], "reason": reason, "lines": [
            {"product": p["product"], "batch": b, "quantity": q, "to": to} for p, b, q in lines]}, ["销售-陈静", "验收-张伟"], refs=refs, mark=mark)
        return doc

    def sreturn(self, when, sup, refs, lines, reason, mark=None):
        doc = self.no("TC", when)
        self.L.add("supplier_return", when, {"doc": doc, "supplier": sup["party"], "reason": reason, "lines": [
            {"product": p["product"], "batch": b, "quantity": q, "from": f} for p, b, q, f in lines]}, ["采购-李明", QM], refs=refs, mark=mark)
        return doc


def noise_series(rng, start, end, step, base, spread, lo, hi, nd=1):
    out = []
    x = start
    v = base
    while x <= end:
        v = v + rng.uniform(-spread, spread)
        v = min(max(v, lo), hi)
        out.append([x, round(v, nd)])
        x += step
    return out


def uploads(L, sensor, where, readings, every_h, marks=None, tzero=None, lag=D(minutes=1)):
    """Chunk readings (sorted [at, celsius]) into uploads at multiples of every_h hours after tzero.
    Upload k holds readings in (tzero+(k-1)h, tzero+k h] and occurs at boundary + lag.
    marks: {instant: markname} -> the upload holding that reading gets the mark. Returns list of (occurred, readings)."""
    marks = marks or {}
    if not readings:
        return
    tzero = tzero or readings[0][0].replace(hour=0, minute=0, second=0)
    chunks = {}
    for at, c in readings:
        k = -(-int((at - tzero).total_seconds()) // int(every_h * 3600))
        chunks.setdefault(k, []).append((at, c))
    for k in sorted(chunks):
        occ = tzero + D(hours=every_h * k) + lag
        rs = chunks[k]
        mk = [marks[a] for a, _ in rs if a in marks]
        d = {"sensor": sensor}
        d.update(where)
        d["readings"] = [{"at": iso(a), "celsius": c} for a, c in rs]
        L.add("temperature_reading", occ, d, "系统-温湿度监测", mark=mk or None, entered=occ + D(seconds=30))


def trip(L, rng, logger, vehicle, start, end, upload_at, base=5.0, mark=None):
    rs = noise_series(rng, start, end, D(minutes=5), base, 0.3, 3.2, 6.8)
    L.add("temperature_reading", upload_at, {"sensor": logger, "vehicle": vehicle,
          "readings": [{"at": iso(a), "celsius": c} for a, c in rs]}, "系统-冷链监测", mark=mark, entered=upload_at + D(seconds=30))
