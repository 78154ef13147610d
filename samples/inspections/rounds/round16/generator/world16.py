"""The fictitious world of round 16: parties, products and flows (docs/format.md)."""
from lib16 import *

CONTROLLED = {"narcotic", "psychotropic1", "psychotropic2", "medical_toxic", "radioactive", "precursor"}


def lic(number, kind, a, b):
    return {"number": number, "kind": kind, "valid_from": a, "valid_to": b}


def acct(bank, number):
    return [{"bank": bank, "number": number}]


SELF_ID = uscc("91", "330102", "MA2KQ7T3")
SELF = {"party": SELF_ID, "name": "浙江钱塘医药有限公司", "kind": "wholesaler", "relation": "self",
        "licence": lic("浙AA5710388", "drug_wholesale", "2024-03-01", "2029-02-28"),
        "scope": ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2",
                  "medical_toxic", "precursor", "compound_ephedrine", "cold_chain"],
        "accounts": acct("中国工商银行杭州钱江支行", "1202020109900388816"),
        "province": "浙江", "address": "浙江省杭州市上城区九堡街道九环路 63 号",
        "special": {"designation": "regional_wholesaler", "valid_to": "2029-02-28"}}


def mk(pid, name, kind, rel, licence, scope, accounts, prov, addr, special=None, public=False):
    p = {"party": pid, "name": name, "kind": kind, "relation": rel, "licence": licence, "scope": scope,
         "accounts": accounts, "province": prov, "address": addr}
    if special:
        p["special"] = special
    if public:
        p["public_hospital"] = True
    return p


SHENHUA = mk(uscc("91", "310115", "13221876"), "申华医药集团（上海）有限公司", "wholesaler", "supplier",
             lic("沪AA0210057", "drug_wholesale", "2025-01-01", "2029-12-31"),
             ["chemical", "biological", "narcotic", "psychotropic1", "psychotropic2", "precursor", "medical_toxic"],
             acct("交通银行上海浦东分行", "310066726018800012345"), "上海", "上海市浦东新区张江路 1238 号",
             {"designation": "national_wholesaler", "valid_to": "2029-12-31"})
HUAIEN = mk(uscc("91", "320800", "13870256"), "江苏淮恩药业有限公司", "manufacturer", "supplier",
            lic("苏20160145", "drug_manufacturing", "2025-06-01", "2030-05-31"),
            ["chemical", "psychotropic1", "psychotropic2"],
            acct("中国银行淮安清江浦支行", "509270153266"), "江苏", "江苏省淮安市清江浦区工业大道 88 号",
            {"designation": "designated_manufacturer", "valid_to": "2030-05-31"})
BEIZHU = mk(uscc("91", "230100", "12703495"), "黑龙江北珠药业有限公司", "manufacturer", "supplier",
            lic("黑20150032", "drug_manufacturing", "2025-02-01", "2030-01-31"), ["chemical", "medical_toxic"],
            acct("中国建设银行哈尔滨南岗支行", "23050186553609001234"), "黑龙江", "黑龙江省哈尔滨市南岗区学府路 368 号")
QIANJIANG = mk(uscc("91", "330109", "14370298"), "杭州钱江制药有限公司", "manufacturer", "supplier",
               lic("浙20000217", "drug_manufacturing", "2021-11-01", "2026-10-31"), ["chemical", "tcm_patent"],
               acct("杭州银行萧山支行", "3301040160008765432"), "浙江", "浙江省杭州市萧山区经济技术开发区建设二路 518 号")
QIANJIANG_OK = dict(QIANJIANG, licence=lic("浙20000217", "drug_manufacturing", "2021-11-01", "2026-12-31"))
TIANTAI = mk(uscc("91", "331023", "14786512"), "浙江天台山制药有限公司", "manufacturer", "supplier",
             lic("浙20000356", "drug_manufacturing", "2025-04-01", "2030-03-31"), ["chemical", "tcm_patent"],
             acct("中国农业银行天台支行", "19925101040006789"), "浙江", "浙江省台州市天台县赤城街道工业园区 9 号")
HUAJIN = mk(uscc("91", "120116", "10306419"), "天津华津制药有限公司", "manufacturer", "supplier",
            lic("津20000089", "drug_manufacturing", "2025-01-01", "2029-12-31"), ["chemical", "compound_ephedrine"],
            acct("中国银行天津滨海新区分行", "275062817543"), "天津", "天津市滨海新区第九大街 16 号")
HUAKANG = mk(uscc("91", "330106", "MA2B3D4E"), "浙江华康医药商业有限公司", "wholesaler", "supplier",
             lic("浙AA5710166", "drug_wholesale", "2023-07-01", "2028-06-30"),
             ["chemical", "tcm_patent", "biological", "compound_ephedrine", "cold_chain"],
             acct("招商银行杭州分行", "571908765410201"), "浙江", "浙江省杭州市西湖区转塘街道美院南路 15 号")
CHANGBAI = mk(uscc("91", "220500", "12460387"), "吉林长白生物制药有限公司", "manufacturer", "supplier",
              lic("吉20160021", "drug_manufacturing", "2025-03-01", "2030-02-28"), ["biological", "chemical", "cold_chain"],
              acct("吉林银行通化分行", "0701011000012345"), "吉林", "吉林省通化市东昌区滨江西路 55 号")
SHENLIAN = mk(uscc("91", "310112", "13456702"), "上海申联生化制药有限公司", "manufacturer", "supplier",
              lic("沪20000141", "drug_manufacturing", "2024-09-01", "2029-08-31"), ["chemical", "biological", "cold_chain"],
              acct("上海浦东发展银行闵行支行", "98210154740012345"), "上海", "上海市闵行区江川东路 300 号")

HOSP_SCOPE = ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2",
              "medical_toxic", "cold_chain"]
SHANGCHENG = mk(uscc("12", "330102", "47003512"), "杭州市上城区人民医院", "medical_institution", "customer",
                lic("47003512833010211A1001", "medical_institution", "2022-01-01", "2031-12-31"), HOSP_SCOPE,
                acct("中国农业银行杭州上城支行", "19030201040023456"), "浙江", "浙江省杭州市上城区解放路 208 号",
                {"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2025〕0108", "valid_to": "2028-06-30"}, True)
DIJIU = mk(uscc("12", "330104", "47005839"), "杭州市第九人民医院", "medical_institution", "customer",
           lic("47005839833010411A1001", "medical_institution", "2021-06-01", "2031-05-31"), HOSP_SCOPE,
           acct("中国建设银行杭州江干支行", "33050161672700005839"), "浙江", "浙江省杭州市上城区秋涛北路 453 号",
           {"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2024〕0317", "valid_to": "2027-12-31"}, True)
ZHONGLIU = mk(uscc("12", "330000", "47001726"), "浙江省钱塘肿瘤医院", "medical_institution", "customer",
              lic("47001726833000011A1001", "medical_institution", "2022-03-01", "2032-02-29"), HOSP_SCOPE,
              acct("中国银行杭州解放路支行", "367258301234"), "浙江", "浙江省杭州市拱墅区半山东路 1 号",
              {"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2025〕0026", "valid_to": "2028-12-31"}, True)
HEMU = mk(uscc("91", "330105", "MA2CH8N6"), "杭州和睦康复医院有限公司", "medical_institution", "customer",
          lic("MA2CH8N6833010517D1002", "medical_institution", "2023-05-01", "2028-04-30"),
          ["chemical", "tcm_patent", "psychotropic2"],
          acct("浙商银行杭州和睦支行", "3310010010120100456789"), "浙江", "浙江省杭州市拱墅区和睦路 455 号")

RETAIL_SCOPE = ["chemical", "tcm_patent", "biological", "compound_ephedrine"]


def chain(org, admin, name, licno, bank, acc, addr, lic_to="2029-06-30", lic_from="2024-07-01"):
    return mk(uscc("91", admin, org), name, "retail_chain", "customer",
              lic(licno, "drug_retail", lic_from, lic_to), list(RETAIL_SCOPE), acct(bank, acc), "浙江", addr)


KANGQIAO = chain("MA27U9Y1", "330105", "杭州康桥大药房连锁有限公司", "浙CB5710127", "中国工商银行杭州康桥支行",
                 "1202026209900127345", "浙江省杭州市拱墅区康桥街道康园路 12 号")
JIURU = chain("MA2H0K5P", "330100", "浙江九如堂大药房连锁有限公司", "浙CA5710045", "中国银行杭州城东支行",
              "376258309876", "浙江省杭州市上城区笕桥街道天城路 100 号")
MINSHENG = chain("MA28FX3R", "330106", "杭州民生堂药房连锁有限公司", "浙CB5710211", "宁波银行杭州分行",
                 "71010122000398765", "浙江省杭州市西湖区古荡街道文二西路 28 号")
SHOUREN = chain("MA2GJ4L2", "330108", "杭州寿仁堂大药房连锁有限公司", "浙CB5710309", "杭州联合银行滨江支行",
                "201000256789012", "浙江省杭州市滨江区长河街道江汉路 1785 号")
DEJI = chain("MA2D7N1W", "330110", "浙江德济堂医药连锁有限公司", "浙CA5710088", "浙江泰隆商业银行杭州分行",
             "33010120100012345", "浙江省杭州市余杭区五常街道荆长大道 199 号")


def prod(code, name, form, spec, manu, appr, category, control, storage, unit, rx=True, temp_range=None):
    p = {"product": code, "generic_name": name, "form": form, "spec": spec, "manufacturer": manu,
         "approval_number": appr, "category": category, "control": control, "storage": storage}
    if temp_range:
        p["temp_range"] = {"min_c": temp_range[0], "max_c": temp_range[1]}
    p["rx"] = rx
    p["unit"] = unit
    return p


DIAZ = prod(benweima("90415620021"), "地西泮注射液", "注射剂", "2ml:10mg", "江苏淮恩药业有限公司", "国药准字H32020957",
            "psychotropic2", "psychotropic2", "ambient", "支")
ESTA = prod(benweima("90415620113"), "艾司唑仑片", "片剂", "1mg×20片/盒", "江苏淮恩药业有限公司", "国药准字H32021238",
            "psychotropic2", "psychotropic2", "ambient", "盒")
MIDA = prod(benweima("90415620205"), "咪达唑仑注射液", "注射剂", "2ml:10mg", "江苏淮恩药业有限公司", "国药准字H32023105",
            "psychotropic2", "psychotropic2", "ambient", "支")
PETH = prod(benweima("90231870044"), "盐酸哌替啶注射液", "注射剂", "1ml:50mg", "辽宁沈星制药有限公司", "国药准字H21022436",
            "narcotic", "narcotic", "ambient", "支")
MORPH = prod(benweima("90231870126"), "盐酸吗啡注射液", "注射剂", "1ml:10mg", "辽宁沈星制药有限公司", "国药准字H21022427",
             "narcotic", "narcotic", "ambient", "支")
ARSEN = prod(benweima("90127350018"), "亚砷酸注射液", "注射剂", "10ml:10mg", "黑龙江北珠药业有限公司", "国药准字H20080664",
             "medical_toxic", "medical_toxic", "ambient", "支")
PSE = prod(benweima("90622410037"), "复方盐酸伪麻黄碱缓释胶囊", "胶囊剂", "10粒/盒", "天津华津制药有限公司", "国药准字H10980081",
           "compound_ephedrine", "compound_ephedrine", "cool", "盒", rx=False)
CEFIX = prod(benweima("90317640052"), "头孢克肟胶囊", "胶囊剂", "0.1g×6粒/盒", "杭州钱江制药有限公司", "国药准字H20053712",
             "chemical", "none", "ambient", "盒")
AMOX = prod(benweima("90317640011"), "阿莫西林胶囊", "胶囊剂", "0.25g×24粒/盒", "杭州钱江制药有限公司", "国药准字H33020011",
            "chemical", "none", "ambient", "盒")
INSUL = prod(benweima("90518830029"), "精蛋白生物合成人胰岛素注射液（预混30R）", "注射剂", "3ml:300单位/支", "吉林长白生物制药有限公司",
             "国药准字S20153002", "biological", "none", "cold", "支")
OXYT = prod(benweima("90522160073"), "缩宫素注射液", "注射剂", "1ml:10单位", "上海申联生化制药有限公司", "国药准字H31020862",
            "chemical", "none", "cold", "支", temp_range=(2.0, 10.0))
AMCLV = prod(benweima("90786520061"), "阿莫西林克拉维酸钾片", "片剂", "0.375g×12片/盒", "浙江天台山制药有限公司", "国药准字H20044912",
             "chemical", "none", "cool", "盒")
IBU = prod(benweima("90786520145"), "布洛芬缓释胶囊", "胶囊剂", "0.3g×20粒/盒", "浙江天台山制药有限公司", "国药准字H10900089",
           "chemical", "none", "ambient", "盒", rx=False)
ZOPI_GTIN = gtin14("0694152630001")
ZOPI = prod(ZOPI_GTIN, "佐匹克隆片", "片剂", "7.5mg×12片/盒", "江苏淮恩药业有限公司", "国药准字H32022678",
            "psychotropic2", "psychotropic2", "ambient", "盒")

ZONE_WHA = {"zone": "WH-A", "storage": "ambient"}
ZONE_WHB = {"zone": "WH-B", "storage": "ambient"}
ZONE_WHC = {"zone": "WH-C", "storage": "cool"}
ZONE_SP1 = {"zone": "SP-1", "storage": "ambient"}
ZONE_SP2 = {"zone": "SP-2", "storage": "ambient"}
ZONE_CR1 = {"zone": "CR-1", "storage": "cold"}

QA_PEOPLE = ("质管-周敏",)
ACCEPT2 = ["验收-李娜", "验收-王磊"]
REVIEW2 = ["复核-陈静", "复核-吴昊"]
KEEP2 = ("保管-赵磊", "保管-孙悦")
SUPERV = ["杭州市上城区市场监督管理局 执法人员 何立", "杭州市上城区市场监督管理局 执法人员 方婷"]
REPORTED = ["杭州市公安局上城区分局九堡派出所", "杭州市上城区市场监督管理局", "杭州市上城区卫生健康局"]


class Codes:
    """Deterministic 20-digit unit codes per product prefix."""

    def __init__(self, prefix7, start=1, salt=""):
        self.prefix, self.next, self.salt = prefix7, start, salt

    def take(self, n):
        out = [trace20(self.prefix, "%09d" % (self.next + i), self.salt) for i in range(n)]
        self.next += n
        return out


class Flow:
    """Business helpers on a Ledger (each writes one event and returns its line)."""

    def __init__(self, L):
        self.L = L
        self.inv_n = 0

    # master data at the start
    def master(self, t, parties, products, zones):
        L = self.L
        L.party(SELF, t)
        t += 2 * MIN
        for p in parties:
            L.party(p, t)
            t += 2 * MIN
        for p in products:
            L.product(p, t)
            t += 2 * MIN
        for z in zones:
            L.zone(z, t)
            t += 2 * MIN
        return t

    def invno(self, t, prov="33"):
        self.inv_n += 1
        return "%s%s2%s%010d" % (t.strftime("%y"), prov, "%05d" % (self.L.number * 10 + 1), self.inv_n)

    def purchase(self, t, sup, lines, tag=None):
        doc = self.L.docno("CG", t)
        self.L.add("purchase", t, {"doc": doc, "supplier": sup["party"],
                                   "lines": [{"product": p["product"], "quantity": q, "unit_price": cny(pr)} for p, q, pr in lines]},
                   by=("采购-钱伟",), tag=tag)
        return doc

    def receipt(self, t, sup, order, lines, dn=None, transport=None, tag=None, acceptors=None, by=None):
        """lines: dicts product,batch,prod,exp,arrived,accepted,location,codes"""
        doc = self.L.docno("SH", t)
        dn = dn or "PS-%s-%s" % (sup["party"][-6:], doc[2:])
        ctrl = any(l["product"]["control"] != "none" for l in lines)
        acc = acceptors or (ACCEPT2 if ctrl else ACCEPT2[:1])
        data = {"doc": doc, "supplier": sup["party"], "lines": []}
        for l in lines:
            ln = {"product": l["product"]["product"], "batch": l["batch"], "production_date": l["prod"],
                  "expiry": l["exp"], "arrived": l["arrived"], "accepted": l["accepted"], "rejected": l["arrived"] - l["accepted"]}
            if l.get("reject_reason"):
                ln["reject_reason"] = l["reject_reason"]
            ln["location"] = l.get("location", "RCV")
            if l.get("codes"):
                ln["codes"] = l["codes"]
            data["lines"].append(ln)
        data["acceptors"] = acc
        if transport:
            data["transport"] = transport
        refs = {"order": [order] if isinstance(order, str) else order, "delivery_note": [dn]}
        self.L.add("receipt", t, data, refs=refs, by=by or tuple(acc), tag=tag)
        return doc

    def move(self, kind, t, lines, refs=None, reason=None, tag=None, by=KEEP2, prefix=None):
        doc = self.L.docno(prefix or ("RK" if kind == "put_away" else "YK"), t)
        data = {"doc": doc}
        if kind == "transfer":
            data["reason"] = reason
        data["lines"] = [self._ml(l) for l in lines]
        self.L.add(kind, t, data, refs=refs, by=by, tag=tag)
        return doc

    @staticmethod
    def _ml(l):
        p, batch, q, a, b = l[:5]
        d = {"product": p["product"], "batch": batch, "quantity": q, "from": a, "to": b}
        if len(l) > 5 and l[5]:
            d["codes"] = l[5]
        return d

    @staticmethod
    def _ol(l):
        p, batch, q, a = l[:4]
        d = {"product": p["product"], "batch": batch, "quantity": q, "from": a}
        if len(l) > 4 and l[4]:
            d["codes"] = l[4]
        return d

    def sale(self, t, cust, lines, tag=None, channel="wholesale", extra=None):
        doc = self.L.docno("XS", t)
        data = {"doc": doc, "customer": cust["party"], "channel": channel}
        if extra:
            data.update(extra)
        data["lines"] = [{"product": p["product"], "batch": b, "expiry": e, "quantity": q, "unit_price": cny(pr)}
                         for p, b, e, q, pr in lines]
        self.L.add("sale", t, data, by=("销售-林晓",), tag=tag)
        return doc

    def review(self, t, cust, sale, lines, tag=None, reviewers=None):
        doc = self.L.docno("FH", t)
        ctrl = any(p["control"] != "none" for p, *_ in lines)
        rv = reviewers or (REVIEW2 if ctrl else REVIEW2[:1])
        self.L.add("outbound_review", t, {"doc": doc, "customer": cust["party"],
                                          "lines": [{"product": p["product"], "batch": b, "expiry": e, "quantity": q, "quality": "ok"}
                                                    for p, b, e, q in lines], "reviewers": rv},
                   refs={"sale": [sale] if isinstance(sale, str) else sale}, by=tuple(rv), tag=tag)
        return doc

    def dispatch(self, t, cust, sale, lines, tag=None, vehicle=None, address=None, consignee=None):
        doc = self.L.docno("PS", t)
        data = {"doc": doc, "customer": cust["party"], "consignee": consignee or (cust["name"] + " 药剂科"),
                "address": address or cust["address"], "lines": [self._ol(l) for l in lines]}
        if vehicle:
            data["vehicle"] = vehicle
        self.L.add("dispatch", t, data, refs={"sale": [sale] if isinstance(sale, str) else sale},
                   by=("发货-郑浩", "发货-许诺"), tag=tag)
        return doc

    def invoice(self, t, direction, issuer, buyer, lines, refs, tag=None, credit_for=None, prov="33", issued_on=None):
        doc = self.invno(t, prov)
        ls, tot = [], 0
        for p, q, pr in lines:
            ls.append({"product": p["product"], "quantity": q, "unit_price": cny(pr), "amount": cny(q * pr)})
            tot += q * pr
        data = {"doc": doc, "direction": direction, "issuer": issuer["party"], "buyer": buyer["party"],
                "issued_on": issued_on or day(t), "lines": ls, "total": cny(tot)}
        if credit_for:
            data["credit_for"] = credit_for
        self.L.add("invoice", t, data, refs=refs, by=("财务-王芳",), tag=tag)
        return doc, tot

    def pay(self, t, direction, payer, payee, amount, invoices, tag=None, method="bank_transfer"):
        doc = self.L.docno("FK" if direction == "outgoing" else "SK", t)
        self.L.add("payment", t, {"doc": doc, "direction": direction, "payer": payer["party"], "payee": payee["party"],
                                  "payer_account": payer["accounts"][0]["number"] if method != "cash" else "",
                                  "payee_account": payee["accounts"][0]["number"] if method != "cash" else "",
                                  "amount": cny(amount), "method": method, "invoices": invoices},
                   by=("财务-王芳",), tag=tag)
        return doc

    def customer_return(self, t, cust, sale, reason, lines, tag=None):
        doc = self.L.docno("TH", t)
        ls = []
        for l in lines:
            p, b, q, to = l[:4]
            d = {"product": p["product"], "batch": b, "quantity": q, "to": to}
            if len(l) > 4 and l[4]:
                d["codes"] = l[4]
            ls.append(d)
        self.L.add("customer_return", t, {"doc": doc, "customer": cust["party"], "reason": reason, "lines": ls},
                   refs={"sale": [sale]}, by=("销售-林晓", "验收-李娜"), tag=tag)
        return doc

    def destruction(self, t, reason, lines, supervisors, tag=None, method="焚烧"):
        doc = self.L.docno("XH", t)
        data = {"doc": doc, "reason": reason, "method": method, "lines": [self._ol(l) for l in lines]}
        if supervisors:
            data["supervisors"] = supervisors
        self.L.add("destruction", t, data, by=("质管-周敏", "保管-赵磊"), tag=tag)
        return doc

    def loss(self, t, kind, discovered, lines, reported_to, tag=None):
        doc = self.L.docno("BS", t)
        data = {"doc": doc, "loss": kind, "discovered_at": iso(discovered), "lines": [self._ol(l) for l in lines]}
        if reported_to:
            data["reported_to"] = reported_to
        self.L.add("loss_report", t, data, by=("保管-赵磊", "质管-周敏"), tag=tag)
        return doc

    def count(self, t, location, lines, tag=None):
        doc = self.L.docno("PD", t)
        self.L.add("stock_count", t, {"doc": doc, "location": location,
                                      "lines": [{"product": p["product"], "batch": b, "counted": c} for p, b, c in lines]},
                   by=("保管-赵磊", "质管-周敏"), tag=tag)
        return doc

    def aggregate(self, t, action, parent, children, tag=None):
        doc = self.L.docno("BZ", t)
        self.L.add("aggregation", t, {"doc": doc, "action": action, "parent": parent, "children": children},
                   by=("保管-赵磊",), tag=tag)
        return doc

    def readings(self, t_upload, sensor, readings, zone=None, vehicle=None, tag=None):
        data = {"sensor": sensor}
        if zone:
            data["zone"] = zone
        if vehicle:
            data["vehicle"] = vehicle
        data["readings"] = [{"at": iso(a), "celsius": c} for a, c in readings]
        return self.L.add("temperature_reading", t_upload, data, by=("系统-温湿度监测",), tag=tag,
                          entered_delta=dt.timedelta(seconds=30))

    # composite: a whole purchase (order, receipt, put-away, invoice, payment) -- returns dict
    def buy(self, t, sup, lines, put_to, codes=None, transport=None, prov="33", pay_days=20, tag=None,
            put_codes=None, inv_days=2):
        """lines: (product, batch, prod, exp, qty, price). codes: {batch: [...]} for receipt and put-away."""
        codes = codes or {}
        put_codes = put_codes if put_codes is not None else codes
        order = self.purchase(t, sup, [(p, q, pr) for p, b, pd, e, q, pr in lines], tag=tag and tag + ".po")
        t1 = t + 1 * D + 2 * H
        rl = [dict(product=p, batch=b, prod=pd, exp=e, arrived=q, accepted=q, codes=codes.get(b)) for p, b, pd, e, q, pr in lines]
        rc = self.receipt(t1, sup, order, rl, transport=transport(t1) if callable(transport) else transport, tag=tag and tag + ".rc")
        t2 = t1 + 40 * MIN
        if put_to:
            pl = [(p, b, q, "RCV", put_to if isinstance(put_to, str) else put_to[b], put_codes.get(b)) for p, b, pd, e, q, pr in lines]
            self.move("put_away", t2, pl, refs={"order": [order], "receipt": [rc]}, tag=tag and tag + ".pa")
        t3 = t1 + inv_days * D
        inv, tot = self.invoice(t3, "purchase", sup, SELF, [(p, q, pr) for p, b, pd, e, q, pr in lines],
                                {"order": [order], "receipt": [rc]}, prov=prov, tag=tag and tag + ".inv")
        t4 = t3 + pay_days * D
        return {"order": order, "receipt": rc, "invoice": inv, "total": tot, "pay_at": t4, "sup": sup}

    def settle_purchase(self, b, tag=None, at=None):
        return self.pay(at or b["pay_at"], "outgoing", SELF, b["sup"], b["total"], [b["invoice"]], tag=tag)

    def sell(self, t, cust, lines, tag=None, review_lines=None, address=None, vehicle=None, gap=30 * MIN, extra=None):
        """lines: (product, batch, expiry, qty, price, from, codes). Sale, review, dispatch."""
        s = self.sale(t, cust, [(p, b, e, q, pr) for p, b, e, q, pr, fr, cd in lines], tag=tag and tag + ".sale", extra=extra)
        self.review(t + gap, cust, s, review_lines or [(p, b, e, q) for p, b, e, q, pr, fr, cd in lines], tag=tag and tag + ".rev")
        d = self.dispatch(t + 2 * gap, cust, s, [(p, b, q, fr, cd) for p, b, e, q, pr, fr, cd in lines], tag=tag and tag + ".disp",
                          address=address, vehicle=vehicle)
        return {"sale": s, "dispatch": d, "cust": cust, "lines": lines}

    def bill(self, t, s, qty_override=None, tag=None):
        """sales invoice for a sale dict (net quantities may be overridden per product id)."""
        ls = []
        agg = {}
        for p, b, e, q, pr, fr, cd in s["lines"]:
            k = p["product"]
            agg.setdefault(k, [p, 0, pr])
            agg[k][1] += q
        for k, (p, q, pr) in agg.items():
            if qty_override and k in qty_override:
                q = qty_override[k]
            ls.append((p, q, pr))
        inv, tot = self.invoice(t, "sale", SELF, s["cust"], ls, {"sale": [s["sale"]], "delivery_note": [s["dispatch"]]}, tag=tag)
        s["invoice"], s["total"] = inv, tot
        return inv, tot

    def collect(self, t, s, tag=None, amount=None):
        return self.pay(t, "incoming", s["cust"], SELF, amount if amount is not None else s["total"], [s["invoice"]], tag=tag)
