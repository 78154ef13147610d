#!/usr/bin/env python3
"""Round 11 inspection ledgers 147-156: cold-chain receipts recorded long after their trip (CC-RECEIPT's
7-day / 30-day vehicle memory, the settle window) and documents looked up late (return window, invoices
remembered from their payment deadline, orders from their occurrence, goods recorded after their
invoicing deadline), each from both sides.

Written from README.md, docs/ and the earlier rounds' ledgers/reports only (library part copied from
rounds/generator/round10.py). Deterministic: no clock, no randomness (temperature noise is a hash of
the sensor and the instant).

    python3 generator/round11.py            # writes NN-name.jsonl / NN-name.expected into ../ledgers/
    python3 generator/round11.py --check    # only the self-checks, writes nothing
"""
import hashlib
import json
import os
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
UTC = timezone.utc
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "ledgers")

# ================================================================ identifiers
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc(prefix16):
    """统一社会信用代码 (GB 32100-2015): 16 given characters, then the GB 11714 check character of
    the organisation code (characters 9-17) and the GB 32100 check character."""
    assert len(prefix16) == 16 and all(c in _USCC for c in prefix16), prefix16
    body = prefix16[8:]
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, _ORG_W))
    c9 = 11 - s % 11
    org = "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
    first17 = prefix16 + org
    s = sum(_USCC.index(c) * w for c, w in zip(first17, _USCC_W))
    return first17 + _USCC[(31 - s % 31) % 31]


def uscc_ok(code):
    if len(code) != 18 or any(c not in _USCC for c in code):
        return False
    s = sum(_USCC.index(c) * w for c, w in zip(code[:17], _USCC_W))
    return _USCC[(31 - s % 31) % 31] == code[17]


def bwm(prefix13):
    """药品本位码: 13 digits + ISO 7064 MOD 11,10 check digit."""
    assert len(prefix13) == 13 and prefix13.startswith("869")
    p = 10
    for ch in prefix13:
        s = (p + int(ch)) % 10 or 10
        p = (s * 2) % 11
    return prefix13 + str((11 - p) % 10)


def codes(prefix8, n0, n):
    """n 20-digit 追溯码: 8-digit product prefix + 12-digit serial."""
    return ["%s%012d" % (prefix8, n0 + i) for i in range(n)]


# ================================================================ time
def T(s):
    """'2026-12-31 23:58[:30[.fff]]' in Beijing time."""
    for fmt in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(s, fmt).replace(tzinfo=CST)
        except ValueError:
            pass
    raise ValueError(s)


def spell(dt, how="cst"):
    """An instant written as an integrator might: the same instant, several RFC 3339 spellings
    (format.md, Value types: '`z`, `+0800`, and a space or `t` instead of `T` are also accepted')."""
    if how == "cst":
        return dt.astimezone(CST).isoformat()
    if how == "z":
        return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") + _frac(dt) + "Z"
    if how == "lz":      # lower-case t and z
        return dt.astimezone(UTC).strftime("%Y-%m-%dt%H:%M:%S") + _frac(dt) + "z"
    if how == "compact":  # +0800
        return dt.astimezone(CST).strftime("%Y-%m-%dT%H:%M:%S") + _frac(dt) + "+0800"
    if how == "space":   # space instead of T
        return dt.astimezone(CST).strftime("%Y-%m-%d %H:%M:%S") + _frac(dt) + "+08:00"
    raise ValueError(how)


def _frac(dt):
    return ".%03d" % (dt.microsecond // 1000) if dt.microsecond else ""


def day(dt):
    return dt.astimezone(CST).strftime("%Y-%m-%d")


def money(minor):
    return {"minor": int(minor), "currency": "CNY"}


def noise(key, lo, hi):
    """deterministic pseudo-random value in [lo, hi], 0.1 steps."""
    h = int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big")
    steps = int(round((hi - lo) * 10))
    return round(lo + (h % (steps + 1)) / 10.0, 1)


# ================================================================ master data
OWNER = uscc("91330100MA2H7K3R")    # 浙江仁济医药有限公司 (Hangzhou wholesaler, ledger owner)
SUP_NK = uscc("91330100143958FL")   # 杭州宁康制药有限公司 (manufacturer: 阿莫西林)
SUP_HB = uscc("91330600MA2BH8D1")   # 浙江海博药业有限公司 (manufacturer: 布洛芬)
SUP_KN = uscc("91120116MA06KN3C")   # 天津康诺生物制药有限公司 (manufacturer: insulin, cold)
SUP_LC = uscc("91330400MA2CL6Q7")   # 嘉兴乐成生物药业有限公司 (manufacturer: 冷处 probiotic)
SUP_HY = uscc("91320500MA1N6W2D")   # 江苏华元制药有限公司 (manufacturer: 地西泮, psychotropic2)
SUP_VC = uscc("91330700MA2DW7C5")   # 浙江维康药业有限公司 (manufacturer: 维生素C片)
SUP_HR = uscc("91320200MA1MH9R4")   # 无锡华瑞康制药有限公司 (manufacturer: 三腔袋)
W_HK = uscc("91330100MA27HK6W")     # 浙江华康医药有限公司 (wholesaler, both supplier and customer)
CUS_RH = uscc("12330100470089QH")   # 杭州市仁和医院 (public hospital)
CUS_MZ = uscc("12330200470211MP")   # 宁波市明州人民医院 (public hospital)
CUS_KT = uscc("52330100MA2KT4H8")   # 杭州康泰医院 (private, non-profit hospital)
CUS_ZT = uscc("12330106470355TX")   # 杭州市西湖区转塘街道社区卫生服务中心 (public)
RC_KN = uscc("91330100MA28A4FB")    # 杭州康宁大药房连锁有限公司 (retail chain)
RC_HM = uscc("91330100MA2J5HM2")    # 杭州惠民大药房连锁有限公司 (new retail chain, licence from 2027-01-01)

PN = {}   # party id -> dict
ACC = {}


def P(pid, name, kind, lic, scope, province, address, account, **extra):
    PN[pid] = dict(name=name, kind=kind, licence=lic, scope=scope, province=province, address=address, **extra)
    ACC[pid] = account


def LIC(number, kind, f, t):
    return {"number": number, "kind": kind, "valid_from": f, "valid_to": t}


P(OWNER, "浙江仁济医药有限公司", "wholesaler", LIC("浙AA5710023", "drug_wholesale", "2023-03-01", "2028-02-28"),
  ["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], "浙江", "浙江省杭州市西湖区文三路 388 号",
  ("中国工商银行杭州西湖支行", "1202021109900371234"))
P(SUP_NK, "杭州宁康制药有限公司", "manufacturer", LIC("浙20000123", "drug_manufacturing", "2022-06-01", "2027-05-31"),
  ["chemical"], "浙江", "浙江省杭州市余杭区仓前街道文一西路 1500 号", ("中国建设银行杭州余杭支行", "33050161710009001234"))
P(SUP_HB, "浙江海博药业有限公司", "manufacturer", LIC("浙20000418", "drug_manufacturing", "2024-11-01", "2029-10-31"),
  ["chemical"], "浙江", "浙江省绍兴市上虞区杭州湾经济技术开发区纬五路 18 号", ("绍兴银行上虞支行", "1101008876543210"))
P(SUP_KN, "天津康诺生物制药有限公司", "manufacturer", LIC("津20000271", "drug_manufacturing", "2022-04-01", "2027-03-31"),
  ["biological", "cold_chain"], "天津", "天津市滨海新区第七大街 99 号", ("中国银行天津滨海分行", "275566778899"))
P(SUP_LC, "嘉兴乐成生物药业有限公司", "manufacturer", LIC("浙20000633", "drug_manufacturing", "2023-08-01", "2028-07-31"),
  ["biological", "cold_chain"], "浙江", "浙江省嘉兴市南湖区亚太路 906 号", ("嘉兴银行南湖支行", "7500100012345"))
P(SUP_HY, "江苏华元制药有限公司", "manufacturer", LIC("苏20000456", "drug_manufacturing", "2023-01-01", "2027-12-31"),
  ["chemical", "psychotropic2"], "江苏", "江苏省苏州市吴中区宝带东路 88 号", ("中国银行苏州分行营业部", "547268123456"))
P(SUP_VC, "浙江维康药业有限公司", "manufacturer", LIC("浙20000702", "drug_manufacturing", "2022-09-01", "2027-08-31"),
  ["chemical"], "浙江", "浙江省金华市婺城区金衢路 1288 号", ("金华银行婺城支行", "7410011234567"))
P(SUP_HR, "无锡华瑞康制药有限公司", "manufacturer", LIC("苏20000912", "drug_manufacturing", "2022-02-01", "2027-01-31"),
  ["chemical"], "江苏", "江苏省无锡市新吴区长江路 16 号", ("江苏银行无锡新区支行", "20180188000123456"))
P(W_HK, "浙江华康医药有限公司", "wholesaler", LIC("浙AA5710117", "drug_wholesale", "2022-05-01", "2027-04-30"),
  ["chemical", "tcm_patent"], "浙江", "浙江省杭州市拱墅区莫干山路 1418 号", ("招商银行杭州莫干山支行", "571907654321008"))
P(CUS_RH, "杭州市仁和医院", "medical_institution",
  LIC("PDY00012330105A1001", "medical_institution", "2022-01-01", "2031-12-31"),
  ["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], "浙江", "浙江省杭州市拱墅区湖墅南路 120 号",
  ("中国农业银行杭州拱墅支行", "19030101040012345"), public_hospital=True)
P(CUS_MZ, "宁波市明州人民医院", "medical_institution",
  LIC("PDY00033330212A1001", "medical_institution", "2022-01-01", "2026-12-31"),
  ["chemical", "tcm_patent", "psychotropic2"], "浙江", "浙江省宁波市鄞州区天童南路 666 号",
  ("宁波银行明州支行", "51010122000456789"), public_hospital=True)
P(CUS_KT, "杭州康泰医院", "medical_institution",
  LIC("PDY00078330106A2101", "medical_institution", "2021-07-01", "2031-06-30"),
  ["chemical", "tcm_patent", "biological", "cold_chain"], "浙江", "浙江省杭州市西湖区留下街道西溪路 1003 号",
  ("杭州银行西湖支行", "3301040160001234567"))
P(CUS_ZT, "杭州市西湖区转塘街道社区卫生服务中心（杭州市西湖区第二人民医院转塘分院，原转塘镇卫生院）",
  "medical_institution", LIC("PDY00121330106B1002", "medical_institution", "2023-01-01", "2032-12-31"),
  ["chemical", "tcm_patent"], "浙江",
  "浙江省杭州市西湖区转塘街道之江路与美院南街交叉口东北侧（转塘街道社区卫生服务中心新院区）门诊楼一层药剂科",
  ("浙江农商银行杭州西湖转塘支行", "201000123456789012"), public_hospital=True)
P(RC_KN, "杭州康宁大药房连锁有限公司", "retail_chain", LIC("浙CA5710088", "drug_retail", "2021-01-01", "2026-12-31"),
  ["chemical", "tcm_patent"], "浙江", "浙江省杭州市上城区解放路 218 号", ("招商银行杭州分行", "571908765410201"))
P(RC_HM, "杭州惠民大药房连锁有限公司", "retail_chain", LIC("浙CA5710231", "drug_retail", "2027-01-01", "2031-12-31"),
  ["chemical", "tcm_patent"], "浙江", "浙江省杭州市滨江区江南大道 3688 号", ("浙商银行杭州滨江支行", "3310010010120100123456"))

P_AMX = bwm("8690123400001")   # 阿莫西林胶囊
P_IBU = bwm("8690123400007")   # 布洛芬缓释胶囊
P_INS = bwm("8690789000021")   # 门冬胰岛素注射液 (cold)
P_PRO = bwm("8690789000044")   # 双歧杆菌三联活菌胶囊 (冷处 2-10 °C)
P_DZP = bwm("8690456700055")   # 地西泮片 (psychotropic2)
P_VC = bwm("8690123400015")    # 维生素C片
P_KB = bwm("8690345600069")    # 三腔袋 (long name, XML characters)

PRODUCTS = {
    P_AMX: dict(generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", manufacturer="杭州宁康制药有限公司",
                approval_number="国药准字H33020011", category="chemical", control="none", storage="ambient",
                rx=True, unit="盒"),
    P_IBU: dict(generic_name="布洛芬缓释胶囊", form="胶囊剂", spec="0.3g×20粒/盒", manufacturer="浙江海博药业有限公司",
                approval_number="国药准字H33021877", category="chemical", control="none", storage="ambient",
                rx=False, unit="盒"),
    P_INS: dict(generic_name="门冬胰岛素注射液", form="注射剂", spec="3ml:300单位（笔芯）", manufacturer="天津康诺生物制药有限公司",
                approval_number="国药准字S20260011", category="biological", control="none", storage="cold",
                rx=True, unit="支"),
    P_PRO: dict(generic_name="双歧杆菌三联活菌胶囊", form="胶囊剂", spec="210mg×36粒/盒", manufacturer="嘉兴乐成生物药业有限公司",
                approval_number="国药准字S33020031", category="biological", control="none", storage="cold",
                temp_range={"min_c": 2.0, "max_c": 10.0}, rx=False, unit="盒"),
    P_DZP: dict(generic_name="地西泮片", form="片剂", spec="2.5mg×20片/盒", manufacturer="江苏华元制药有限公司",
                approval_number="国药准字H32020456", category="psychotropic2", control="psychotropic2", storage="ambient",
                rx=True, unit="盒"),
    P_VC: dict(generic_name="维生素C片", form="片剂", spec="0.1g×100片/瓶", manufacturer="浙江维康药业有限公司",
               approval_number="国药准字H33020702", category="chemical", control="none", storage="ambient",
               rx=False, unit="瓶"),
    P_KB: dict(generic_name="脂肪乳氨基酸（17）葡萄糖（11%）注射液（三腔袋，含电解质，中心静脉/外周静脉两用型）",
               form="注射剂（乳剂）",
               spec="1440ml/袋（20%脂肪乳注射液 255ml & 复方氨基酸注射液（17AA）300ml & 11%葡萄糖注射液 885ml）"
                    "<非PVC多层共挤膜软袋> \"三腔袋\" 'Kabiven型'",
               manufacturer="无锡华瑞康制药有限公司", approval_number="国药准字H20263344", category="chemical",
               control="none", storage="ambient", rx=True, unit="袋"),
}
CONTROLLED = {P_DZP}
CODE_PREFIX = {P_DZP: "81045670"}


def clone(d):
    return json.loads(json.dumps(d))


# ================================================================ ledger
class Ledger:
    def __init__(self, num, name, kind, title):
        self.num, self.name, self.kind, self.title = num, name, kind, title
        self.events = []          # [at, n, event, label]
        self.notes, self.whys, self.expect = [], [], []
        self.inv_seq = 0
        self.count_spec = {}
        self.allow_negative = False

    # ------------------------------------------------------------ envelope
    def add(self, kind, at, data, refs=None, by=None, label=None, lag=5, sp="cst", esp=None, entered=None,
            pos=None, late=False):
        """pos: the instant at which the record reaches the ledger (file order), when it is not its
        occurrence (a record re-sent by the WMS interface, or entered late); late: entered_at may be
        more than 72 h after occurred_at (a deliberate LATE-ENTRY)."""
        ent = entered or (at + timedelta(minutes=lag))
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": spell(at, sp),
              "entered_at": spell(ent, esp or sp), "recorded_by": by or ["系统-ERP"]}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.events.append([pos or at, len(self.events), ev, label, ent, at, late])
        return label

    # ------------------------------------------------------------ master data
    def party(self, at, pid, relation, label=None, **over):
        d = dict(PN[pid])
        d.update(over)
        data = {"party": pid, "name": d["name"], "kind": d["kind"], "relation": relation}
        if d.get("licence"):
            data["licence"] = d["licence"]
        data["scope"] = d["scope"]
        data["accounts"] = [{"bank": ACC[pid][0], "number": ACC[pid][1]}]
        data["province"] = d["province"]
        data["address"] = d["address"]
        if d.get("special"):
            data["special"] = d["special"]
        if d.get("public_hospital"):
            data["public_hospital"] = True
        return self.add("party_registered", at, data, by=["质管-周敏"], label=label)

    def master(self, at, parties, products, zones):
        self.party(at, OWNER, "self")
        for pid, rel in parties:
            at += timedelta(minutes=2)
            self.party(at, pid, rel)
        for p in products:
            at += timedelta(minutes=2)
            self.add("product_registered", at, dict(product=p, **PRODUCTS[p]), by=["质管-周敏"])
        for z in zones:
            at += timedelta(minutes=2)
            self.add("zone_registered", at, z, by=["质管-周敏"])
        return at

    # ------------------------------------------------------------ goods
    def purchase(self, at, doc, supplier, lines, label=None, **kw):
        return self.add("purchase", at, {"doc": doc, "supplier": supplier, "lines": [
            {"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]},
            by=["采购-李明"], label=label, **kw)

    def receipt(self, at, doc, supplier, order, dn, lines, label=None, transport=None, **kw):
        """lines: dicts with product, batch, production_date, expiry, arrived[, accepted, rejected,
        reject_reason, location, codes]"""
        ctrl = any(l["product"] in CONTROLLED for l in lines)
        acceptors = ["验收-张伟", "验收-孙丽"] if ctrl else ["验收-张伟"]
        out = []
        for l in lines:
            acc = l.get("accepted", l["arrived"])
            line = {"product": l["product"], "batch": l["batch"], "production_date": l["production_date"],
                    "expiry": l["expiry"], "arrived": l["arrived"], "accepted": acc,
                    "rejected": l.get("rejected", l["arrived"] - acc)}
            if l.get("reject_reason"):
                line["reject_reason"] = l["reject_reason"]
            line["location"] = l.get("location", "RCV")
            if l.get("codes"):
                line["codes"] = l["codes"]
            out.append(line)
        data = {"doc": doc, "supplier": supplier, "lines": out, "acceptors": acceptors}
        if transport:
            data["transport"] = transport
        refs = {"order": order if isinstance(order, list) else [order],
                "delivery_note": dn if isinstance(dn, list) else [dn]}
        return self.add("receipt", at, data, refs=refs, by=list(acceptors), label=label, **kw)

    def move(self, kind, at, doc, lines, refs=None, reason=None, label=None, by=None, extra=None, **kw):
        """lines: (product, batch, qty, from, to|None, codes|None)"""
        out = []
        for p, b, q, fr, to, cs in lines:
            line = {"product": p, "batch": b, "quantity": q, "from": fr}
            if to is not None:
                line["to"] = to
            if cs:
                line["codes"] = cs
            out.append(line)
        data = {"doc": doc}
        if reason:
            data["reason"] = reason
        if extra:
            for k, v in extra.items():
                if k not in ("supervisors",):
                    data[k] = v
        data["lines"] = out
        if extra and "supervisors" in extra:
            data["supervisors"] = extra["supervisors"]
        ctrl = any(l[0] in CONTROLLED for l in lines)
        by = by or (["保管-赵磊", "保管-钱程"] if ctrl else ["保管-赵磊"])
        return self.add(kind, at, data, refs=refs, by=by, label=label, **kw)

    def put_away(self, at, doc, receipt_doc, order, lines, label=None, **kw):
        return self.move("put_away", at, doc, lines, refs={"order": [order], "receipt": [receipt_doc]},
                         label=label, **kw)

    def transfer(self, at, doc, reason, lines, label=None, refs=None, by=None, **kw):
        return self.move("transfer", at, doc, lines, refs=refs, reason=reason, label=label,
                         by=by or ["质管-周敏", "保管-赵磊"], **kw)

    def sale(self, at, doc, customer, lines, label=None, **kw):
        data = {"doc": doc, "customer": customer, "channel": "wholesale",
                "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)}
                          for p, b, e, q, pr in lines]}
        return self.add("sale", at, data, by=["销售-陈静"], label=label, **kw)

    def review(self, at, doc, customer, sales, lines, label=None, **kw):
        """lines: (product, batch, expiry, qty[, quality])"""
        ctrl = any(l[0] in CONTROLLED for l in lines)
        reviewers = ["复核-刘洋", "复核-许强"] if ctrl else ["复核-刘洋"]
        out = [{"product": l[0], "batch": l[1], "expiry": l[2], "quantity": l[3],
                "quality": l[4] if len(l) > 4 else "ok"} for l in lines]
        return self.add("outbound_review", at, {"doc": doc, "customer": customer, "lines": out,
                                                "reviewers": reviewers},
                        refs={"sale": sales if isinstance(sales, list) else [sales]}, by=list(reviewers),
                        label=label, **kw)

    def dispatch(self, at, doc, customer, sales, lines, label=None, vehicle=None, address=None, consignee=None, **kw):
        """lines: (product, batch, qty, from, codes|None)"""
        out = []
        for p, b, q, fr, cs in lines:
            line = {"product": p, "batch": b, "quantity": q, "from": fr}
            if cs:
                line["codes"] = cs
            out.append(line)
        data = {"doc": doc, "customer": customer,
                "consignee": consignee or (PN[customer]["name"] + " 药剂科 收货员"),
                "address": address or PN[customer]["address"], "lines": out}
        if vehicle:
            data["vehicle"] = vehicle
        return self.add("dispatch", at, data, refs={"sale": sales if isinstance(sales, list) else [sales]},
                        by=["发货-吴凯", "发货-郑浩"], label=label, **kw)

    def customer_return(self, at, doc, customer, sale, dn, reason, lines, label=None, **kw):
        """lines: (product, batch, qty, to, codes|None)"""
        out = []
        for p, b, q, to, cs in lines:
            line = {"product": p, "batch": b, "quantity": q, "to": to}
            if cs:
                line["codes"] = cs
            out.append(line)
        return self.add("customer_return", at, {"doc": doc, "customer": customer, "reason": reason, "lines": out},
                        refs={"sale": sale if isinstance(sale, list) else [sale], "delivery_note": dn if isinstance(dn, list) else [dn]}, by=["销售-陈静", "验收-张伟"], label=label, **kw)

    def stock_count(self, at, doc, location, label=None, override=None, zero=(), **kw):
        """lines come from the books at that point; override {(p,b): counted}; zero: extra (p,b) listed
        with counted 0 (batches that left the location, or never were there)."""
        self.count_spec[doc] = (override or {}, list(zero))
        return self.add("stock_count", at, {"doc": doc, "location": location, "lines": None},
                        by=["保管-赵磊", "质管-周敏"], label=label, **kw)

    def temps(self, at, sensor, readings, zone=None, vehicle=None, label=None, **kw):
        """readings: list of (instant, celsius)"""
        data = {"sensor": sensor}
        if zone:
            data["zone"] = zone
        if vehicle:
            data["vehicle"] = vehicle
        data["readings"] = [{"at": spell(t, "cst"), "celsius": c} for t, c in readings]
        return self.add("temperature_reading", at, data, by=["系统-温湿度监测"], label=label, lag=1, **kw)

    # ------------------------------------------------------------ money
    def inv_no(self, at, prov="33"):
        """20-digit 数电票 number: YY + province tax bureau code + channel digit + 15-digit serial."""
        self.inv_seq += 1
        return "%02d%s%d%015d" % (at.astimezone(CST).year % 100, prov, 2, self.num * 100000 + self.inv_seq)

    def invoice(self, at, doc, direction, issuer, buyer, lines, refs, issued_on=None, credit_for=None, label=None, **kw):
        """lines: (product, qty, unit_price[, amount])"""
        ls = []
        for l in lines:
            p, q, pr = l[:3]
            amt = l[3] if len(l) > 3 else q * pr
            ls.append({"product": p, "quantity": q, "unit_price": money(pr), "amount": money(amt)})
        data = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer,
                "issued_on": issued_on or day(at), "lines": ls,
                "total": money(sum(l["amount"]["minor"] for l in ls))}
        if credit_for:
            data["credit_for"] = credit_for
        self.add("invoice", at, data, refs=refs, by=["财务-王芳"], label=label, **kw)
        return data["total"]["minor"]

    def payment(self, at, doc, direction, payer, payee, amount, invoices, label=None, method="bank_transfer", **kw):
        data = {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                "payer_account": ACC[payer][1], "payee_account": ACC[payee][1],
                "amount": money(amount), "method": method, "invoices": invoices}
        return self.add("payment", at, data, refs={"invoice": invoices[0]}, by=["财务-王芳"], label=label, **kw)

    # ------------------------------------------------------------ expectations
    def note(self, s):
        self.notes.append(s)

    def why(self, s):
        self.whys.append(s)

    def expect_at(self, rule, label):
        self.expect.append((rule, label))

    # ------------------------------------------------------------ output
    def finalize(self):
        self.events.sort(key=lambda e: (e[0], e[1]))
        book = defaultdict(int)
        for _pos, _, ev, _, _, at, _ in self.events:
            k, d = ev["kind"], ev["data"]
            if k == "receipt":
                for l in d["lines"]:
                    book[(l["product"], l["batch"], l["location"])] += l["accepted"]
            elif k in ("put_away", "transfer"):
                for l in d["lines"]:
                    book[(l["product"], l["batch"], l["from"])] -= l["quantity"]
                    book[(l["product"], l["batch"], l["to"])] += l["quantity"]
            elif k in ("dispatch", "supplier_return", "destruction", "loss_report"):
                for l in d["lines"]:
                    book[(l["product"], l["batch"], l["from"])] -= l["quantity"]
            elif k == "customer_return":
                for l in d["lines"]:
                    book[(l["product"], l["batch"], l["to"])] += l["quantity"]
            elif k == "stock_count":
                ov, zero = self.count_spec[d["doc"]]
                lines = [{"product": p, "batch": b, "counted": ov.get((p, b), q)}
                         for (p, b, loc), q in sorted(book.items()) if loc == d["location"] and q != 0]
                for p, b in zero:
                    assert book.get((p, b, d["location"]), 0) == 0, (self.num, p, b)
                    lines.append({"product": p, "batch": b, "counted": 0})
                assert lines, (self.num, "count of an empty location", d["doc"])
                d["lines"] = lines
            if not self.allow_negative:
                for key, q in book.items():
                    assert q >= 0, (self.num, key, q, ev["data"].get("doc"))
        self.final_book = {k: v for k, v in book.items() if v}
        # ids: UUID v7 from entered_at (ms), strictly increasing in file order
        last = 0
        for i, e in enumerate(self.events):
            # the id is minted when the record reaches the ledger: its entry, or its re-sending
            ms = int(max(e[4], e[0]).timestamp() * 1000)
            ms = max(ms, last + 1)
            last = ms
            h = hashlib.sha256(("r11-%d-%s-%d" % (self.num, self.name, i)).encode()).digest()
            rand_a = int.from_bytes(h[:2], "big") & 0x0FFF
            rand_b = int.from_bytes(h[2:10], "big") & ((1 << 62) - 1)
            val = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
            hx = "%032x" % val
            e[2]["id"] = "%s-%s-%s-%s-%s" % (hx[:8], hx[8:12], hx[12:16], hx[16:20], hx[20:])
        self.line_of = {}
        for i, e in enumerate(self.events, 1):
            if e[3]:
                assert e[3] not in self.line_of, e[3]
                self.line_of[e[3]] = i
        self.selfcheck()

    def selfcheck(self):
        """My own arithmetic checks (not the engine): text sizes, invoice sums, entry lag, and per
        counterparty and product: goods net of returns = invoiced net of credit notes, invoiced
        money net of credit notes = paid net of refunds."""
        inv = {}
        goods = defaultdict(int)      # (party, product) -> net goods (+ received from supplier / dispatched)
        billed = defaultdict(int)     # (party, product) -> invoiced net
        money_inv = defaultdict(int)  # party -> invoiced money net
        money_paid = defaultdict(int)
        for _pos, _, ev, _, ent, at, late in self.events:
            k, d = ev["kind"], ev["data"]
            assert timedelta(0) <= ent - at, (self.num, ev)
            assert late or ent - at <= timedelta(hours=72), (self.num, ev)
            for s in _strings(ev):
                assert len(s.encode()) <= 4096, (self.num, len(s.encode()))
            if k == "party_registered":
                assert uscc_ok(d["party"]) or d["kind"] == "individual", d["party"]
            if k == "receipt":
                for l in d["lines"]:
                    assert l["arrived"] == l["accepted"] + l["rejected"]
                    goods[(d["supplier"], l["product"])] += l["accepted"]
            elif k == "supplier_return":
                for l in d["lines"]:
                    goods[(d["supplier"], l["product"])] -= l["quantity"]
            elif k == "dispatch":
                for l in d["lines"]:
                    goods[(d["customer"], l["product"])] += l["quantity"]
            elif k == "customer_return":
                for l in d["lines"]:
                    goods[(d["customer"], l["product"])] -= l["quantity"]
            elif k == "invoice":
                assert len(d["doc"]) == 20 and d["doc"].isdigit(), d["doc"]
                assert d["total"]["minor"] == sum(l["amount"]["minor"] for l in d["lines"])
                sign = -1 if d.get("credit_for") else 1
                party = d["issuer"] if d["direction"] == "purchase" else d["buyer"]
                for l in d["lines"]:
                    assert (l["quantity"] == 0 and l["unit_price"]["minor"] == 0 and d.get("credit_for")) or \
                        abs(l["amount"]["minor"] - l["quantity"] * l["unit_price"]["minor"]) <= (l["quantity"] + 1) // 2
                    billed[(party, l["product"])] += sign * l["quantity"]
                money_inv[party] += sign * d["total"]["minor"]
                inv[d["doc"]] = d
            elif k == "payment":
                cp = d["payee"] if d["direction"] == "outgoing" else d["payer"]
                # a refund flows against the invoice direction
                first = inv.get(d["invoices"][0])
                purchase_side = first is not None and first["direction"] == "purchase"
                sign = 1
                if purchase_side and d["direction"] == "incoming":
                    sign = -1
                if (first is not None and first["direction"] == "sale") and d["direction"] == "outgoing":
                    sign = -1
                money_paid[cp] += sign * d["amount"]["minor"]
        self.check_goods = dict(goods)
        self.check_billed = dict(billed)
        self.check_money = (dict(money_inv), dict(money_paid))

    def assert_balanced(self, parties=None, skip=()):
        for key in set(self.check_goods) | set(self.check_billed):
            if parties and key[0] not in parties or key in skip:
                continue
            assert self.check_goods.get(key, 0) == self.check_billed.get(key, 0), (self.num, key, self.check_goods.get(key), self.check_billed.get(key))
        mi, mp = self.check_money
        for p in set(mi) | set(mp):
            if parties and p not in parties:
                continue
            assert mi.get(p, 0) == mp.get(p, 0), (self.num, PN[p]["name"], mi.get(p, 0), mp.get(p, 0))

    def write(self, outdir):
        base = os.path.join(outdir, "%d-%s" % (self.num, self.name))
        with open(base + ".jsonl", "w", encoding="utf-8") as f:
            for e in self.events:
                f.write(json.dumps(e[2], ensure_ascii=False, separators=(",", ":")) + "\n")
        with open(base + ".expected", "w", encoding="utf-8") as f:
            f.write("# %d %s: %s\n" % (self.num, self.kind, self.title))
            for n in COMMON_NOTES + self.notes:
                f.write("# note: %s\n" % n.format(**self.line_of))
            for w in self.whys:
                f.write("# why: %s\n" % w.format(**self.line_of))
            for rule, label in sorted(self.expect, key=lambda x: (self.line_of[x[1]], x[0])):
                f.write("%s %d\n" % (rule, self.line_of[label]))
        return base


def _strings(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for v in o.values():
            yield from _strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from _strings(v)


COMMON_NOTES = [
    "conventions of samples/inspections/README.md: master data first; owner 浙江仁济医药有限公司 (Hangzhou); "
    "every event carries entered_at a few minutes after occurred_at (except where a note says a record was entered late); "
    "ids are UUID v7 increasing in file order, from entered_at, or from the moment a record re-sent by the WMS interface "
    "reached the ledger; unified social credit codes carry GB 32100 check characters; invoices are 20-digit 数电票 numbers; "
    "events are in occurrence order (import.md, Order) except the records a note says were re-sent or entered late",
    "the ledger's clock is the latest occurred_at (rules.md intro); day thresholds are 24-hour days; deadline findings "
    "need a later event, so every legitimate ledger runs past its last UNPAID/UNINVOICED/ORPHAN/correction deadline "
    "unless a note says otherwise; RCV, QA and RET are unregistered staging/quarantine locations, as in every earlier round",
]






# ================================================================ round 11 additions to the master data
SUP_TS = uscc("91650100MA77TK5P")   # 新疆天山生物制药有限公司 (manufacturer in Urumqi: interferon, cold, rail container)
P(SUP_TS, "新疆天山生物制药有限公司", "manufacturer", LIC("新20000088", "drug_manufacturing", "2023-05-01", "2028-04-30"),
  ["biological", "cold_chain"], "新疆", "新疆维吾尔自治区乌鲁木齐市经济技术开发区融合南路 66 号",
  ("中国工商银行乌鲁木齐经开区支行", "3002011019200123456"))
P_IFN = bwm("8690567800031")   # 重组人干扰素α2b注射液 (cold 2-8 °C)
PRODUCTS[P_IFN] = dict(generic_name="重组人干扰素α2b注射液", form="注射剂", spec="300万IU/1ml/支",
                       manufacturer="新疆天山生物制药有限公司", approval_number="国药准字S20260088",
                       category="biological", control="none", storage="cold", rx=True, unit="支")

CR1 = {"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}, "sensors": ["TH-R01"]}
CR1_NOSENSOR = {"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}}
WHA = {"zone": "WH-A", "storage": "ambient"}

CC_WHY = ("rules.md CC-RECEIPT Checks: 'A receipt accepting cold-chain products or vaccines needs a temperature-controlled "
          "transport whose readings cover ship time to arrival without gaps (a reading within `transport_gap_minutes` "
          "beyond either end covers it) and, from ship time to arrival, stay within the products' range ... when the "
          "readings do not yet cover the trip, the receipt is judged after the settle window, on every reading that "
          "arrived by then. A vehicle's readings are kept for 7 days before its latest reading, and the vehicle is "
          "forgotten once the ledger's clock (the latest upload) is 30 days past its latest reading: a receipt recorded "
          "that long after its trip finds no readings.'")


def readings(sensor, start, end, step=5, lo=3.4, hi=6.6, fixed=None, skip=()):
    out, t = [], start
    while t <= end:
        if not any(a <= t <= b for a, b in skip):
            out.append((t, (fixed or {}).get(t, noise(sensor + t.isoformat(), lo, hi))))
        t += timedelta(minutes=step)
    return out


def zone_feed(L, first_slot, last_slot):
    """CR-1's probe TH-R01: a reading every 10 min, uploaded every 6 h (00:20, 06:20, 12:20, 18:20) with the
    readings of the 6 h up to the slot."""
    slot = first_slot
    while slot <= last_slot:
        rd = readings("TH-R01", slot - timedelta(minutes=350), slot, step=10, lo=3.6, hi=6.4)
        L.temps(slot + timedelta(minutes=20), "TH-R01", rd, zone="CR-1")
        slot += timedelta(hours=6)


class Docs:
    """document numbers per ledger"""
    def __init__(self):
        self.n = defaultdict(int)

    def __call__(self, prefix, at):
        key = prefix + at.astimezone(CST).strftime("%Y%m%d")
        self.n[key] += 1
        return "%s%03d" % (key, self.n[key])


def buy_cold(L, D, supplier, product, qty, price, vehicle, sensor, shipped, arrived, batch, pd, exp, label,
             po=None, upload=True, upload_at=None, upload_pos=None, receipt_pos=None, rd=None, inv_at=None,
             pay_at=None, order_at=None, chunks=None, late_entered=None):
    """one cold delivery: purchase (unless po given), logger upload(s), receipt into CR-1, invoice, payment."""
    if po is None:
        oat = order_at or (shipped - timedelta(days=1))
        po = D("CG", oat)
        L.purchase(oat, po, supplier, [(product, qty, price)])
    dn = "DN-%s" % D("", shipped)
    if rd is None:
        rd = readings(sensor, shipped - timedelta(minutes=10), arrived + timedelta(minutes=10))
    if upload:
        if chunks:
            for i, (cat, lo_t, hi_t) in enumerate(chunks):
                L.temps(cat, sensor, [r for r in rd if lo_t <= r[0] <= hi_t], vehicle=vehicle,
                        label="%s-up%d" % (label, i + 1))
        else:
            L.temps(upload_at or (arrived + timedelta(minutes=20)), sensor, rd, vehicle=vehicle, pos=upload_pos,
                    label=label + "-up")
    kw = {}
    if late_entered:
        kw = dict(entered=late_entered, late=True)
    L.receipt(arrived, D("SH", arrived), supplier, po, dn,
              [dict(product=product, batch=batch, production_date=pd, expiry=exp, arrived=qty, location="CR-1")],
              transport={"vehicle": vehicle, "shipped_at": spell(shipped), "cold_chain": True}, label=label,
              pos=receipt_pos, **kw)
    if inv_at is not False:
        iat = inv_at or (arrived + timedelta(days=2))
        ino = L.inv_no(iat)
        tot = L.invoice(iat, ino, "purchase", supplier, OWNER, [(product, qty, price)], {"order": [po]},
                        label=label + "-inv")
        L.payment(pay_at or (iat + timedelta(days=5)), D("FK", pay_at or (iat + timedelta(days=5))), "outgoing",
                  OWNER, supplier, tot, [ino], label=label + "-pay")
    return po


def lc_weekly(L, D, first, n, batch0=1):
    """嘉兴乐成's own cold truck 浙F·K0907冷 delivers 100 boxes of 双歧杆菌三联活菌胶囊 every week (2.5 h trip)."""
    for k in range(n):
        arr = first + timedelta(days=7 * k)
        buy_cold(L, D, SUP_LC, P_PRO, 100, 1860, "浙F·K0907冷", "TL-0907", arr - timedelta(minutes=150), arr,
                 "LC26%04d" % (batch0 + k), "2026-10-15", "2028-04-14", "lc%d" % k, rd=readings(
                     "TL-0907", arr - timedelta(minutes=160), arr + timedelta(minutes=10), lo=4.0, hi=8.8))


def kn_batch(k):
    return "KN26%05d" % k


# ---------------------------------------------------------------- 147 / 148: receipts reaching the ledger late
def cc_late(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-11-01 09:00"), [(SUP_KN, "supplier"), (SUP_LC, "supplier")], [P_INS, P_PRO], [CR1])
    zone_feed(L, T("2026-11-01 12:00"), T("2026-12-28 06:00"))
    lc_weekly(L, D, T("2026-11-03 10:30"), 7)
    # case A: 津A·L2231冷, one trip, receipt re-sent 21 days (legit) / 35 days (violation) after arrival
    shipA, arrA = T("2026-11-04 13:00"), T("2026-11-05 00:10")
    posA = T("2026-12-10 10:00") if violation else T("2026-11-26 10:00")
    poA = D("CG", T("2026-11-02 10:00"))
    L.purchase(T("2026-11-02 10:00"), poA, SUP_KN, [(P_INS, 1000, 4215)])
    buy_cold(L, D, SUP_KN, P_INS, 1000, 4215, "津A·L2231冷", "TL-2231", shipA, arrA, kn_batch(1), "2026-09-03",
             "2028-09-02", "A", po=poA, receipt_pos=posA,
             inv_at=T("2026-11-12 10:00") if violation else T("2026-11-06 10:00"))
    # case B: 津A·L2232冷, trip 1 re-sent late, the same truck's next trip recorded in time before it
    poB = D("CG", T("2026-11-08 10:00"))
    L.purchase(T("2026-11-08 10:00"), poB, SUP_KN, [(P_INS, 1000, 4215)])
    shipB1, arrB1 = T("2026-11-09 14:00"), T("2026-11-10 01:00")
    if violation:
        shipB2, arrB2, posB1, invB = T("2026-11-17 14:00"), T("2026-11-18 01:00"), T("2026-11-19 10:00"), T("2026-11-20 10:00")
    else:
        shipB2, arrB2, posB1, invB = T("2026-11-14 14:00"), T("2026-11-15 01:00"), T("2026-11-16 10:00"), T("2026-11-17 10:00")
    buy_cold(L, D, SUP_KN, P_INS, 500, 4215, "津A·L2232冷", "TL-2232", shipB1, arrB1, kn_batch(2), "2026-09-17",
             "2028-09-16", "B1", po=poB, receipt_pos=posB1, inv_at=False)
    buy_cold(L, D, SUP_KN, P_INS, 500, 4215, "津A·L2232冷", "TL-2232", shipB2, arrB2, kn_batch(3), "2026-09-24",
             "2028-09-23", "B2", po=poB, inv_at=False)
    ino = L.inv_no(invB)
    tot = L.invoice(invB, ino, "purchase", SUP_KN, OWNER, [(P_INS, 1000, 4215)], {"order": [poB]},
                    label="B-inv")
    L.payment(invB + timedelta(days=10), D("FK", invB + timedelta(days=10)), "outgoing", OWNER, SUP_KN, tot, [ino])
    # case C: 津A·L2233冷, receipt and upload both re-sent 14 days later, in one batch
    poC = D("CG", T("2026-11-16 10:00"))
    L.purchase(T("2026-11-16 10:00"), poC, SUP_KN, [(P_INS, 600, 4215)])
    shipC, arrC = T("2026-11-18 13:00"), T("2026-11-19 00:05")
    resend = T("2026-12-03 10:00")
    upC, rcC = (resend + timedelta(minutes=1), resend) if violation else (resend, resend + timedelta(minutes=1))
    buy_cold(L, D, SUP_KN, P_INS, 600, 4215, "津A·L2233冷", "TL-2233", shipC, arrC, kn_batch(4), "2026-10-08",
             "2028-10-07", "C", po=poC, upload_pos=upC, receipt_pos=rcC, inv_at=T("2026-11-20 10:00"))
    L.stock_count(T("2026-12-28 10:00"), "PD20261228001", "CR-1", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("CR-1 (cold 2-8 °C, probe TH-R01) uploads every 6 hours through the whole ledger, and 嘉兴乐成's own truck "
           "浙F·K0907冷 delivers every Tuesday with its log uploaded 20 min after arrival (receipts lines "
           + ", ".join("{lc%d}" % k for k in range(7)) + ", all in time and in range): the ledger's clock, and its "
           "latest upload, move on every day")
    L.note("'re-sent': the WMS entered these records in time (entered_at a few minutes after occurred_at, so no "
           "LATE-ENTRY), but the WMS-to-ledger interface lost them and IT re-sent them later; they sit in the file where "
           "they reached the ledger. The supplier's invoices for A and C were booked by finance before the lost "
           "receipt reached the ledger, within orphan_days of it (先票后货 in the books: TTGK-P 'its quantities wait "
           "for the goods')")
    if not violation:
        L.note("A (line {A}): 津A·L2231冷 shipped 4 Nov 13:00, arrived 5 Nov 00:10, log uploaded 00:30 (line {A-up}, "
               "readings 12:50-00:20, in range); the receipt reached the ledger on 26 Nov 10:00, 21 days 10 h after "
               "arrival. The truck never uploads again, so its latest reading is 5 Nov 00:20 and the ledger's latest "
               "upload (26 Nov 06:20) is 21 days past it: not forgotten; its readings lie within 7 days of its latest")
        L.note("B1 (line {B1}): 津A·L2232冷 arrived 10 Nov 01:00 (log line {B1-up}); its receipt reached the ledger on 16 Nov "
               "10:00, after the truck's next trip (B2, arrived 15 Nov 01:00, receipt line {B2} in time): the truck's "
               "latest reading is then 15 Nov 01:10, and trip B1's readings (from 9 Nov 13:50) lie within 7 days of it")
        L.note("C (line {C}): 津A·L2233冷's receipt and its log (line {C-up}) were re-sent together on 3 Dec, the log "
               "first (the interface sends temperature data before goods documents); the log's occurred_at is its "
               "original upload (19 Nov 00:25)")
        L.why("quiet: " + CC_WHY + " A: 21 days < 30, readings kept; B1: its readings are within 7 days of the "
              "truck's latest reading (15 Nov 01:10); C: the readings are in the ledger when the receipt is read")
    else:
        L.note("A (line {A}): as in ledger 147 but the receipt reached the ledger on 10 Dec 10:00, 35 days 10 h after "
               "arrival; 津A·L2231冷's latest reading is 5 Nov 00:20 and the ledger's latest upload is then 10 Dec 06:20 "
               "(CR-1; 浙F·K0907冷 uploaded on 8 Dec): more than 30 days, so the truck is forgotten. The invoice was "
               "booked on 12 Nov so that its ORPHAN deadline (12 Dec 10:00) is after the receipt")
        L.note("B1 (line {B1}): 津A·L2232冷 arrived 10 Nov 01:00; its next trip B2 arrived 18 Nov 01:00 (receipt line "
               "{B2} in time), and B1's receipt reached the ledger on 19 Nov: the truck's latest reading is 18 Nov 01:10, "
               "so only readings from 11 Nov 01:10 on are kept, and B1's trip (9 Nov 13:50 - 10 Nov 01:10) is gone")
        L.note("C (line {C}): receipt and log re-sent together on 3 Dec, the receipt first, the log (line {C-up}) one "
               "minute after it. The log's readings are dated in the trip and its occurred_at is the original upload "
               "(19 Nov 00:25, within logger_settle_hours of arrival), but it reaches the ledger after the receipt, "
               "when the ledger's clock (3 Dec) is long past the receipt's settle window (19 Nov 04:05): 'judged after "
               "the settle window, on every reading that arrived by then'. DOC GAP: 'arrived by then' read as 'in the "
               "ledger before the clock passed the window'; findings.md promises order-independence only 'within the "
               "window'")
        L.why("CC-RECEIPT {A}: " + CC_WHY + " (35 days > 30)")
        L.why("CC-RECEIPT {B1}: the 7-day retention before the truck's latest reading (18 Nov 01:10)")
        L.why("CC-RECEIPT {C}: findings.md 'Evidence that may arrive after the record it supports is awaited for a "
              "settle window before its absence is a finding' (logger_settle_hours 4 h after the arrival); the log "
              "arrives after the receipt and after the window")
        L.expect_at("CC-RECEIPT", "A")
        L.expect_at("CC-RECEIPT", "B1")
        L.expect_at("CC-RECEIPT", "C")
    return L


# ---------------------------------------------------------------- 149: acceptance entered 33 days late, no uploads since
def cc_no_uploads(num, name, kind, title):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-11-01 09:00"), [(SUP_KN, "supplier"), (SUP_NK, "supplier")], [P_INS, P_AMX],
             [CR1_NOSENSOR, WHA])
    poR = D("CG", T("2026-11-02 10:00"))
    L.purchase(T("2026-11-02 10:00"), poR, SUP_KN, [(P_INS, 800, 4215)])
    ship, arr = T("2026-11-03 13:00"), T("2026-11-04 00:05")
    buy_cold(L, D, SUP_KN, P_INS, 800, 4215, "津A·L2231冷", "TL-2231", ship, arr, kn_batch(11), "2026-09-03",
             "2028-09-02", "R", po=poR, receipt_pos=T("2026-12-07 10:00"),
             late_entered=T("2026-12-07 10:00"), inv_at=T("2026-11-12 10:00"), pay_at=T("2026-11-25 10:00"))
    for k, d in enumerate(["2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07"]):
        at = T(d + " 09:00")
        po = D("CG", at - timedelta(days=1))
        L.purchase(at - timedelta(days=1), po, SUP_NK, [(P_AMX, 500, 860)])
        L.receipt(at, D("SH", at), SUP_NK, po, "DN-NK-%s" % d.replace("-", ""),
                  [dict(product=P_AMX, batch="NK2610%02d1" % k, production_date="2026-10-01", expiry="2028-09-30",
                        arrived=500, location="WH-A")], label="amx%d" % k)
        ino = L.inv_no(at + timedelta(days=2))
        tot = L.invoice(at + timedelta(days=2), ino, "purchase", SUP_NK, OWNER, [(P_AMX, 500, 860)], {"order": [po]})
        L.payment(at + timedelta(days=11), D("FK", at + timedelta(days=11)), "outgoing", OWNER, SUP_NK, tot, [ino])
    L.stock_count(T("2026-12-20 10:00"), "PD20261220001", "WH-A")
    L.stock_count(T("2026-12-20 10:30"), "PD20261220002", "CR-1")
    L.finalize()
    L.assert_balanced()
    L.note("津A·L2231冷 (line {R-up}) is the only temperature_reading in the ledger: CR-1's monitoring system is not "
           "connected to the ledger, and all other business is ambient (weekly 阿莫西林胶囊 from 杭州宁康制药, receipts "
           "lines {amx0}-{amx4}); so after 4 Nov 00:25 the ledger's clock moves on (to 20 Dec) but no upload comes")
    L.note("line {R}: the acceptance of 800 支 门冬胰岛素注射液 on 4 Nov 00:05 was not recorded at the dock; QA found the gap "
           "and entered it (补录, with the QA manager's approval) on 7 Dec 10:00: entered_at = 7 Dec 10:00, 33 days "
           "10 h after occurred_at; the invoice (booked 12 Nov) and payment (25 Nov) were booked before it")
    L.note("DOC GAP (the assumption this ledger pins): rules.md CC-RECEIPT says the vehicle is forgotten 'once the "
           "ledger's clock (the latest upload) is 30 days past its latest reading', while the rules.md introduction "
           "defines the ledger's clock as 'the latest occurred_at seen'. I read the CC-RECEIPT sentence literally: the "
           "clock that forgets a vehicle is the latest upload, which here stays at 4 Nov 00:25, so the truck is not "
           "forgotten and the receipt finds its readings (no CC-RECEIPT). Under the other reading (the latest "
           "occurred_at, 7 Dec) the receipt would get CC-RECEIPT")
    L.why("LATE-ENTRY {R}: rules.md LATE-ENTRY 'An event entered (entered_at, or the ledger's recorded_at when "
          "absent) more than the threshold after it occurred' (72 h)")
    L.why("no CC-RECEIPT at {R}: " + CC_WHY + " The latest upload (4 Nov 00:25) is 10 minutes past the truck's latest "
          "reading")
    L.expect_at("LATE-ENTRY", "R")
    return L


# ---------------------------------------------------------------- 150 / 151: idle trucks making a new trip
def cc_idle(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-11-01 09:00"), [(SUP_KN, "supplier"), (SUP_LC, "supplier")], [P_INS, P_PRO], [CR1])
    zone_feed(L, T("2026-11-01 12:00"), T("2027-01-08 06:00"))
    lc_weekly(L, D, T("2026-11-03 10:30"), 9)
    # X1: 津A·L2231冷
    buy_cold(L, D, SUP_KN, P_INS, 400, 4215, "津A·L2231冷", "TL-2231", T("2026-11-04 13:00"), T("2026-11-05 00:10"),
             kn_batch(21), "2026-09-03", "2028-09-02", "X1a")
    s2, a2 = T("2026-12-10 13:00"), T("2026-12-11 00:05")
    up = a2 + timedelta(hours=4, minutes=1) if violation else a2 + timedelta(hours=3, minutes=50)
    buy_cold(L, D, SUP_KN, P_INS, 400, 4215, "津A·L2231冷", "TL-2231", s2, a2, kn_batch(22), "2026-10-20",
             "2028-10-19", "X1b", upload_at=up)
    # X2: 津A·L2232冷, second trip across the 30-day mark of its first
    buy_cold(L, D, SUP_KN, P_INS, 400, 4215, "津A·L2232冷", "TL-2232", T("2026-11-06 13:00"), T("2026-11-07 00:00"),
             kn_batch(23), "2026-09-10", "2028-09-09", "X2a")
    s2, a2 = T("2026-12-06 13:00"), T("2026-12-07 00:30")
    fixed = {T("2026-12-06 20:00"): 8.6} if violation else None
    rd = readings("TL-2232", s2 - timedelta(minutes=10), a2 + timedelta(minutes=10), fixed=fixed)
    buy_cold(L, D, SUP_KN, P_INS, 400, 4215, "津A·L2232冷", "TL-2232", s2, a2, kn_batch(24), "2026-10-25",
             "2028-10-24", "X2b", rd=rd,
             chunks=[(T("2026-12-06 23:02"), s2 - timedelta(minutes=10), T("2026-12-06 23:00")),
                     (T("2026-12-07 00:50"), T("2026-12-06 23:05"), a2 + timedelta(minutes=10))])
    # X3: 津A·L2233冷, idle 45 days, log uploaded exactly at the end of the settle window
    buy_cold(L, D, SUP_KN, P_INS, 400, 4215, "津A·L2233冷", "TL-2233", T("2026-11-08 13:00"), T("2026-11-09 00:00"),
             kn_batch(25), "2026-09-12", "2028-09-11", "X3a")
    s3, a3 = T("2026-12-23 13:00"), T("2026-12-24 00:00")
    skip = [(T("2026-12-23 18:00"), T("2026-12-23 18:00"))] if violation else ()
    rd = readings("TL-2233", s3 - timedelta(minutes=10), a3 + timedelta(minutes=10), skip=skip)
    buy_cold(L, D, SUP_KN, P_INS, 400, 4215, "津A·L2233冷", "TL-2233", s3, a3, kn_batch(26), "2026-11-02",
             "2028-11-01", "X3b", rd=rd, upload_at=a3 + timedelta(hours=4))
    L.stock_count(T("2027-01-08 10:00"), "PD20270108001", "CR-1", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("CR-1 uploads every 6 hours and 嘉兴乐成's truck 浙F·K0907冷 every Tuesday (receipts lines "
           + ", ".join("{lc%d}" % k for k in range(9)) + "), so the ledger's latest upload never lags the clock by more "
           "than 6 hours; 天津康诺's three trucks each make one trip in early November and a second one 30-45 days later; "
           "every first trip (lines {X1a}, {X2a}, {X3a}) is recorded in time and in range")
    common = [
        "X1 (津A·L2231冷): latest reading 5 Nov 00:20, so forgotten from 5 Dec 00:20; second trip shipped 10 Dec 13:00, "
        "receipt line {X1b} at 11 Dec 00:05, log (line {X1b-up}) uploaded %s after arrival",
        "X2 (津A·L2232冷): latest reading of trip 1 is 7 Nov 00:10 (30-day mark 7 Dec 00:10); trip 2 shipped 6 Dec 13:00, "
        "its first part uploaded 6 Dec 23:02 (line {X2b-up1}, readings 12:50-23:00: the truck's latest reading is now "
        "6 Dec 23:00), CR-1 uploads at 7 Dec 00:20 (the clock and the latest upload pass the old mark), the receipt "
        "(line {X2b}) at 00:30, the second part at 00:50 (line {X2b-up2}, 23:05-00:40); the receipt needs both parts",
        "X3 (津A·L2233冷): latest reading 9 Nov 00:10; second trip 45 days later, receipt line {X3b} at 24 Dec 00:00, "
        "log (line {X3b-up}) uploaded at exactly 24 Dec 04:00 = arrival + logger_settle_hours; the next record after it "
        "is CR-1's upload at 06:20",
    ]
    if not violation:
        L.note(common[0] % "3 h 50 min")
        L.note(common[1] + "; every reading in range")
        L.note(common[2] + "; readings every 5 min, in range. I take 'an event exactly at the deadline is in time' "
               "(rules.md intro) to apply to the settle window")
        L.why("quiet: " + CC_WHY + " Forgetting a vehicle removes its old readings only; a new trip's readings cover "
              "the new receipt. X2: the truck's latest reading moved on before the old 30-day mark passed, so it is "
              "not forgotten then. findings.md: the truck's log is 'awaited by a cold-chain receipt ... "
              "logger_settle_hours, 4 h after the arrival'")
    else:
        L.note(common[0] % "4 h 1 min")
        L.note(common[1] + "; the first part holds one reading of 8.6 °C at 6 Dec 20:00, inside the trip")
        L.note(common[2] + "; the log has no reading at 23 Dec 18:00 (17:55 -> 18:05, a 10-minute hole)")
        L.why("CC-RECEIPT {X1b}: " + CC_WHY + " The log arrives one minute after the settle window (4 h); rules.md "
              "intro 'an event exactly at the deadline is in time, one a second later is not'")
        L.why("CC-RECEIPT {X2b}: a reading outside 2-8 °C between shipped_at and arrival, in the part uploaded before "
              "the truck's old 30-day mark")
        L.why("CC-RECEIPT {X3b}: 'readings cover ship time to arrival without gaps' (transport_gap_minutes 5)")
        L.expect_at("CC-RECEIPT", "X1b")
        L.expect_at("CC-RECEIPT", "X2b")
        L.expect_at("CC-RECEIPT", "X3b")
    return L


# ---------------------------------------------------------------- 152: rail cold containers, 6 d 20 h and 7 d 12 h
def cc_long_trips(num, name, kind, title):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-10-28 09:00"), [(SUP_TS, "supplier")], [P_IFN], [CR1_NOSENSOR])
    trips = [("C1", "冷箱TBJU3012457", "TL-C457", T("2026-11-02 10:00"), T("2026-11-09 06:00"), "TS2609101"),
             ("C2", "冷箱TBJU3012463", "TL-C463", T("2026-11-03 10:00"), T("2026-11-10 22:00"), "TS2609102")]
    for lab, veh, sen, ship, arr, batch in trips:
        po = D("CG", T("2026-10-30 10:00"))
        L.purchase(T("2026-10-30 10:00") + timedelta(minutes=10 * int(lab[1])), po, SUP_TS, [(P_IFN, 1000, 3650)])
        rd = readings(sen, ship - timedelta(minutes=10), arr + timedelta(minutes=10), lo=3.2, hi=6.8)
        # the container's 4G logger uploads every 2 hours (at :02 past an even hour) what it recorded since
        t = T(ship.strftime("%Y-%m-%d %H:00")) + timedelta(hours=2)
        prev = ship - timedelta(hours=1)
        while prev < rd[-1][0]:
            part = [r for r in rd if prev < r[0] <= t]
            if part:
                L.temps(t + timedelta(minutes=2), sen, part, vehicle=veh)
            prev = t
            t += timedelta(hours=2)
        L.receipt(arr, D("SH", arr), SUP_TS, po, "DN-TS-%s" % ship.strftime("%Y%m%d"),
                  [dict(product=P_IFN, batch=batch, production_date="2026-09-10", expiry="2028-09-09",
                        arrived=1000, location="CR-1")],
                  transport={"vehicle": veh, "shipped_at": spell(ship), "cold_chain": True}, label=lab)
        iat = arr + timedelta(days=1)
        ino = L.inv_no(iat, prov="65")
        tot = L.invoice(iat, ino, "purchase", SUP_TS, OWNER, [(P_IFN, 1000, 3650)], {"order": [po]})
        L.payment(iat + timedelta(days=10), D("FK", iat + timedelta(days=10)), "outgoing", OWNER, SUP_TS, tot, [ino])
    L.stock_count(T("2026-11-25 10:00"), "PD20261125001", "CR-1")
    L.finalize()
    L.assert_balanced()
    L.note("重组人干扰素α2b注射液 (cold 2-8 °C) from 新疆天山生物制药 (Urumqi) travels by rail in a reefer container "
           "(中铁特货 冷藏集装箱); the container's 4G logger records every 5 min and uploads every 2 hours what it "
           "recorded since (so no TEMP-BACKFILL: no reading is older than 2 h at its upload); every reading is in range "
           "from 10 min before shipped_at to 10 min after arrival; CR-1 sends no readings")
    L.note("C1 (line {C1}): shipped 2 Nov 10:00, accepted 9 Nov 06:00: 6 days 20 hours; its end is covered by the "
           "uploads after the receipt (06:02, 06:12; within the settle window)")
    L.note("C2 (line {C2}): shipped 3 Nov 10:00, accepted 10 Nov 22:00: 7 days 12 hours. When the receipt is judged "
           "the container's latest reading is 10 Nov 22:00 or later, so only readings from 3 Nov 22:00 on are kept: the "
           "first 12 hours of the trip, shipped_at included, are no longer covered")
    L.note("DOC GAP / doubt about the rule itself: the 7-day retention makes every cold trip longer than 7 days fail "
           "CC-RECEIPT however well it was monitored (rail from Xinjiang, sea containers of imported biologics); I "
           "expect what the docs say (CC-RECEIPT at C2), but think the retention should be measured from the receipt's "
           "shipped_at, or documented as a limit of the trip length")
    L.why("CC-RECEIPT {C2}: " + CC_WHY + " (the trip is longer than the 7 days kept)")
    L.why("no CC-RECEIPT at {C1}: the whole trip lies within 7 days before the container's latest reading")
    L.expect_at("CC-RECEIPT", "C2")
    return L


# ---------------------------------------------------------------- documents looked up late
AMX_B = ("NK2512011", "2025-12-01", "2028-11-30")


def amx_stock(L, D, at, qty, batch=AMX_B, pay_days=43, label="stock"):
    po = D("CG", at)
    L.purchase(at, po, SUP_NK, [(P_AMX, qty, 860)])
    r = at + timedelta(days=1)
    L.receipt(r, D("SH", r), SUP_NK, po, "DN-NK-%s" % r.strftime("%Y%m%d"),
              [dict(product=P_AMX, batch=batch[0], production_date=batch[1], expiry=batch[2], arrived=qty,
                    location="WH-A")], label=label)
    iat = at + timedelta(days=3)
    ino = L.inv_no(iat)
    tot = L.invoice(iat, ino, "purchase", SUP_NK, OWNER, [(P_AMX, qty, 860)], {"order": [po]}, label=label + "-inv")
    L.payment(iat + timedelta(days=pay_days), D("FK", iat + timedelta(days=pay_days)), "outgoing", OWNER, SUP_NK, tot,
              [ino], label=label + "-pay")
    return po, ino, tot


def sell(L, D, at, customer, qty, price=1100, parts=None, inv_at=None, label="s"):
    """sale of 阿莫西林胶囊 from WH-A; parts: [(instant, qty)] review+dispatch of each part (default: all, same day)"""
    sdoc = D("XS", at)
    L.sale(at, sdoc, customer, [(P_AMX, AMX_B[0], AMX_B[2], qty, price)], label=label)
    parts = parts or [(at + timedelta(hours=5), qty)]
    dns = []
    for i, (pt, q) in enumerate(parts):
        L.review(pt - timedelta(hours=1), D("FH", pt), customer, sdoc, [(P_AMX, AMX_B[0], AMX_B[2], q)])
        dn = D("PS", pt)
        L.dispatch(pt, dn, customer, sdoc, [(P_AMX, AMX_B[0], q, "WH-A", None)], label="%s-d%d" % (label, i + 1))
        dns.append(dn)
    iat = inv_at or (parts[-1][0] + timedelta(hours=1))
    ino = L.inv_no(iat)
    tot = L.invoice(iat, ino, "sale", OWNER, customer, [(P_AMX, qty, price)], {"sale": [sdoc], "delivery_note": dns},
                    label=label + "-inv")
    return sdoc, dns, ino, tot


WINDOW_WHY = ("rules.md intro: 'The engine remembers closed business for `return_window_days` (default 180) and "
              "forgets it afterwards ... sales and orders from their `occurred_at`, invoices from their payment "
              "deadline ... A document forgotten is unknown to later events (a return of a forgotten sale is "
              "`RETURN-ORIG` ...; a credit note of a forgotten invoice is an `ORPHAN`).'")


def late_credits(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-01-02 09:00"), [(SUP_NK, "supplier"), (CUS_KT, "customer")], [P_AMX], [WHA])
    po, pino, ptot = amx_stock(L, D, T("2026-01-05 10:00"), 2000, pay_days=40)   # invoice 8 Jan 10:00, paid 17 Feb
    sdoc, dns, sino, stot = sell(L, D, T("2026-01-20 10:00"), CUS_KT, 300,
                                 parts=[(T("2026-01-20 15:00"), 200), (T("2026-02-14 10:00"), 100)],
                                 inv_at=T("2026-02-14 16:00"))
    L.payment(T("2026-03-10 10:00"), D("SK", T("2026-03-10 10:00")), "incoming", CUS_KT, OWNER, stot, [sino])
    # the customer's return, counted from the sale (20 Jan 10:00): 180 days end 19 Jul 10:00
    rat = T("2026-07-19 10:01") if violation else T("2026-07-19 09:00")
    L.customer_return(rat, D("TH", rat), CUS_KT, sdoc, dns[1], "医院药事委员会调整用药目录，退回未用完的第二批",
                      [(P_AMX, AMX_B[0], 30, "RET", None)], label="ret")
    if not violation:
        L.transfer(T("2026-07-20 10:00"), D("YK", T("2026-07-20 10:00")), "release",
                   [(P_AMX, AMX_B[0], 30, "RET", "WH-A", None)])
        cat = T("2026-07-25 10:00")
        cno = L.inv_no(cat)
        L.invoice(cat, cno, "sale", OWNER, CUS_KT, [(P_AMX, 30, 1100)], {"sale": [sdoc]}, credit_for=sino,
                  label="scn")
        L.payment(T("2026-07-28 10:00"), D("FK", T("2026-07-28 10:00")), "outgoing", OWNER, CUS_KT, 33000, [cno],
                  label="sref")
    # the supplier's year-end rebate (折让) on the January invoice; its payment deadline is 9 Mar 10:00 (issued_on
    # 8 Jan, booked 8 Jan 10:00), so the invoice is remembered until 5 Sep 10:00
    rb = T("2026-09-05 11:00") if violation else T("2026-09-04 10:00")
    rno = L.inv_no(rb)
    L.invoice(rb, rno, "purchase", SUP_NK, OWNER, [(P_AMX, 0, 0, 50000)], {"order": [po]}, credit_for=pino,
              label="pcn")
    if not violation:
        L.payment(T("2026-09-10 10:00"), D("SK", T("2026-09-10 10:00")), "incoming", SUP_NK, OWNER, 50000, [rno],
                  label="pref")
        L.stock_count(T("2026-09-30 10:00"), "PD20260930001", "WH-A", label="cnt")
    else:
        L.stock_count(T("2026-10-10 10:00"), "PD20261010001", "WH-A", label="cnt")
    L.finalize()
    if not violation:
        L.assert_balanced()
    L.note("sale {s} (20 Jan 10:00) of 300 boxes to 杭州康泰医院, shipped in two parts: 200 on 20 Jan (line {s-d1}) and "
           "the back-ordered 100 on 14 Feb (line {s-d2}); one invoice for 300 on 14 Feb 16:00 (line {s-inv}, payment "
           "deadline 15 Apr 16:00), paid 10 Mar")
    L.note("purchase invoice line {stock-inv} (issued_on 8 Jan, booked 8 Jan 10:00): payment deadline 9 Mar 10:00 "
           "(format.md issued_on: 'from the later of this day (taken at 00:00 Beijing time) and occurred_at'); paid "
           "17 Feb")
    if not violation:
        L.note("return line {ret} on 19 Jul 09:00: 1 h before the end of the sale's 180 days (19 Jul 10:00), 155 days "
               "after the part it comes from; released after re-inspection, credit note line {scn} on 25 Jul (6 days "
               "after the return, so within correction_days 14 of the excess; the sale itself is forgotten since 19 Jul "
               "10:00, its invoice not: remembered until 180 days after 15 Apr 16:00 = 12 Oct 16:00), refund line "
               "{sref} on 28 Jul")
        L.note("ASSUMPTION: the credit note names the sale in refs.sale as well as the invoice in credit_for (as "
               "ledger 59 did); a credit note is matched by credit_for, so naming a forgotten sale does not make it an "
               "'invoice whose order or sale has no goods movement' (ORPHAN)")
        L.note("rebate credit note line {pcn} (quantity 0, 500.00 CNY, 折让) on 4 Sep 10:00, one day before the invoice "
               "is forgotten; the supplier refunds it on 10 Sep (line {pref}, 6 days later)")
        L.note("ASSUMPTION: the return's excess (300 invoiced, 270 dispatched net of returns) belongs to a sale that "
               "is forgotten one hour after the return; I expect the credit note, which names a remembered invoice, to "
               "close it (TTGK-S 'becomes a finding if not corrected within the correction window') and no TTGK-S")
        L.why("quiet: rules.md RETURN-ORIG 'A sale is remembered for `return_window_days` from its `occurred_at`, "
              "to the second: a return at exactly that instant still finds it'; " + WINDOW_WHY + " (credit notes "
              "on 25 Jul and 4 Sep find invoices remembered until 12 Oct and 5 Sep)")
    else:
        L.note("return line {ret} on 19 Jul 10:01: one minute after the end of the sale's 180 days, though only 155 "
               "days after the part it comes from was shipped (the window runs from the sale, not the dispatch); no "
               "credit note or refund follows in this ledger (so no TTGK-S question)")
        L.note("rebate credit note line {pcn} (quantity 0, 500.00 CNY) on 5 Sep 11:00, one hour after the January "
               "invoice is forgotten (9 Mar 10:00 + 180 days = 5 Sep 10:00); the supplier will offset it against a "
               "later order (no refund in this ledger); the ledger runs to 10 Oct, past the credit note's orphan "
               "deadline (5 Oct 11:00)")
        L.why("RETURN-ORIG {ret}: rules.md RETURN-ORIG 'A sale is remembered for `return_window_days` from its "
              "`occurred_at`, to the second: a return at exactly that instant still finds it, a later one does not'")
        L.why("ORPHAN {pcn}: " + WINDOW_WHY + " rules.md ORPHAN 'a credit note for an unknown invoice'; Points at "
              "'the credit note (`invoice`) of an unknown invoice'")
        L.expect_at("RETURN-ORIG", "ret")
        L.expect_at("ORPHAN", "pcn")
    return L


def late_payments(num, name, kind, title):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-01-02 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer"), (CUS_KT, "customer")], [P_AMX],
             [WHA])
    amx_stock(L, D, T("2026-01-05 10:00"), 2000, pay_days=40)
    s1, _, i1, t1 = sell(L, D, T("2026-01-12 10:00"), CUS_RH, 200, inv_at=T("2026-01-12 16:00"), label="s1")
    s2, _, i2, t2 = sell(L, D, T("2026-01-19 10:00"), CUS_RH, 300, inv_at=T("2026-01-19 16:00"), label="s2")
    s3, _, i3, t3 = sell(L, D, T("2026-01-26 10:00"), CUS_KT, 150, inv_at=T("2026-01-26 16:00"), label="s3")
    L.payment(T("2026-03-01 10:00"), D("SK", T("2026-03-01 10:00")), "incoming", CUS_RH, OWNER, t2 // 2, [i2],
              label="p2a")
    L.payment(T("2026-03-28 10:00"), D("SK", T("2026-03-28 10:00")), "incoming", CUS_RH, OWNER, t1, [i1], label="p1")
    L.payment(T("2026-09-10 10:00"), D("SK", T("2026-09-10 10:00")), "incoming", CUS_RH, OWNER, t2 - t2 // 2, [i2],
              label="p2b")
    L.payment(T("2026-09-24 10:00"), D("SK", T("2026-09-24 10:00")), "incoming", CUS_KT, OWNER, t3, [i3], label="p3")
    L.stock_count(T("2026-10-30 10:00"), "PD20261030001", "WH-A", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("three sales invoices, each booked at 16:00 on its issue day, so the payment deadline runs from the "
           "booking (format.md issued_on): I1 (line {s1-inv}, 12 Jan) due 13 Mar 16:00; I2 (line {s2-inv}, 19 Jan) due "
           "20 Mar 16:00; I3 (line {s3-inv}, 26 Jan, 杭州康泰医院) due 27 Mar 16:00; invoices are remembered 180 days "
           "after their payment deadline: I2 until 16 Sep 16:00, I3 until 23 Sep 16:00")
    L.note("I1: the hospital pays all on 28 Mar (line {p1}), 15 days late; I2: half on 1 Mar (line {p2a}), the rest "
           "on 10 Sep (line {p2b}), 6 days before I2 is forgotten; I3: paid in full on 24 Sep 10:00 (line {p3}), 18 h "
           "after I3 is forgotten; the ledger runs to 30 Oct, past p3's orphan deadline (24 Oct 10:00)")
    L.note("ASSUMPTION: UNPAID is reported once per invoice, at its deadline; a late payment of a remembered invoice "
           "(p1, p2b) is applied to it and gives no ORPHAN and no second UNPAID")
    L.why("UNPAID {s1-inv}, {s2-inv}, {s3-inv}: rules.md UNPAID 'An invoice (net of credit notes) not fully paid within "
          "the threshold' (unpaid_days 60)")
    L.why("ORPHAN {p3}: " + WINDOW_WHY + " rules.md ORPHAN 'a payment that settles no known invoice, within the "
          "threshold'")
    for lab in ("s1-inv", "s2-inv", "s3-inv"):
        L.expect_at("UNPAID", lab)
    L.expect_at("ORPHAN", "p3")
    return L


def late_goods_invoices(num, name, kind, title):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-01-02 09:00"), [(SUP_NK, "supplier"), (SUP_HB, "supplier")], [P_AMX, P_IBU], [WHA])

    def case(lab, supplier, product, price, qty, order_at, goods_at, batch, goods_pos=None, inv_at=None, pay_at=None):
        po = D("CG", order_at)
        L.purchase(order_at, po, supplier, [(product, qty, price)], label=lab + "-po")
        L.receipt(goods_at, D("SH", goods_at), supplier, po, "DN-%s" % D("", goods_at),
                  [dict(product=product, batch=batch, production_date="2025-12-01", expiry="2028-11-30", arrived=qty,
                        location="WH-A")], label=lab, pos=goods_pos)
        ino = L.inv_no(inv_at)
        tot = L.invoice(inv_at, ino, "purchase", supplier, OWNER, [(product, qty, price)], {"order": [po]},
                        label=lab + "-inv")
        L.payment(pay_at, D("FK", pay_at), "outgoing", OWNER, supplier, tot, [ino], label=lab + "-pay")

    case("a", SUP_NK, P_AMX, 860, 1000, T("2026-01-05 10:00"), T("2026-01-06 10:00"), "NK2512021",
         goods_pos=T("2026-02-10 10:00"), inv_at=T("2026-01-12 10:00"), pay_at=T("2026-02-05 10:00"))
    case("b", SUP_HB, P_IBU, 1050, 800, T("2026-01-05 10:10"), T("2026-01-07 10:00"), "HB2512031",
         goods_pos=T("2026-02-14 10:00"), inv_at=T("2026-01-13 10:00"), pay_at=T("2026-02-01 10:00"))
    case("c", SUP_NK, P_AMX, 860, 500, T("2026-01-08 10:00"), T("2026-01-09 10:00"), "NK2512022",
         goods_pos=T("2026-02-14 10:30"), inv_at=T("2026-02-14 14:00"), pay_at=T("2026-02-24 10:00"))
    # f: an ordinary delivery in time, whose records move the ledger's clock on around the re-sending
    case("f", SUP_NK, P_AMX, 860, 300, T("2026-02-09 09:00"), T("2026-02-10 09:00"), "NK2601281",
         inv_at=T("2026-02-13 09:00"), pay_at=T("2026-02-20 09:00"))
    case("d", SUP_HB, P_IBU, 1050, 400, T("2026-01-19 10:00"), T("2026-01-20 10:00"), "HB2601091",
         inv_at=T("2026-04-30 10:00"), pay_at=T("2026-05-10 10:00"))
    case("e", SUP_NK, P_AMX, 860, 600, T("2026-01-15 10:00"), T("2026-01-16 10:00"), "NK2512023",
         inv_at=T("2026-07-14 11:00"), pay_at=T("2026-07-20 10:00"))
    L.stock_count(T("2026-08-20 10:00"), "PD20260820001", "WH-A", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("re-sent: receipts a, b and c were entered in the WMS on their day (entered_at 5 min after occurred_at, "
           "no LATE-ENTRY) but reached the ledger only when IT re-sent the lost interface batch; each is placed where "
           "it reached the ledger; the receipts put the goods straight into WH-A")
    L.note("the ledger's clock is the latest occurred_at, which a re-sent record does not move: an ordinary delivery "
           "f (order 9 Feb 09:00, receipt line {f} 10 Feb 09:00, invoice line {f-inv} 13 Feb 09:00, paid 20 Feb) moves "
           "it on: the clock is 10 Feb 09:00 when a arrives, 13 Feb 09:00 when b and c arrive")
    L.note("a (receipt line {a}, occurred 6 Jan 10:00, reached the ledger 10 Feb 10:00): its invoice (line {a-inv}) "
           "was booked 12 Jan 10:00, before the goods; orphan deadline 11 Feb 10:00, after the goods reached the ledger")
    L.note("b (receipt line {b}, occurred 7 Jan 10:00, reached the ledger 14 Feb 10:00): invoice line {b-inv} booked "
           "13 Jan 10:00, orphan deadline 12 Feb 10:00, two days before the goods reached the ledger")
    L.note("c (receipt line {c}, occurred 9 Jan 10:00, reached the ledger 14 Feb 10:30): invoice line {c-inv} booked "
           "14 Feb 14:00, 36 days after the goods moved (uninvoiced deadline 8 Feb 10:00, already passed by the clock "
           "when the receipt reached the ledger)")
    L.note("d (receipt line {d}, 20 Jan, in time): invoiced only on 30 Apr (line {d-inv}), 100 days later; its order "
           "(line {d-po}, 19 Jan) is remembered until 18 Jul")
    L.note("e (receipt line {e}, 16 Jan, in time): order line {e-po} on 15 Jan 10:00 is forgotten on 14 Jul 10:00; "
           "the invoice (line {e-inv}) naming it is booked 14 Jul 11:00 and paid 20 Jul; the ledger runs to 20 Aug, "
           "past the invoice's orphan deadline (13 Aug 11:00)")
    L.note("ASSUMPTION (c): goods that reach the ledger after their own invoicing deadline are judged at once (at the "
           "next clock step); rules.md intro 'an event exactly at the deadline is in time, one a second later is not'")
    L.note("ASSUMPTION (e): an invoice naming a forgotten order is an invoice 'whose order ... has no goods movement' "
           "(ORPHAN), by analogy with the rules.md intro's forgotten sale and forgotten invoice; not TTGK-P (no order "
           "to compare the issuer with)")
    L.why("quiet (a): TTGK-P 'An invoice booked before its goods (先票后货) is no excess: its quantities wait for the "
          "goods (an `ORPHAN` if none move within `orphan_days`)'")
    L.why("ORPHAN {b-inv}: rules.md ORPHAN 'An invoice whose order or sale has no goods movement ... within the "
          "threshold' (the clock passes 12 Feb 10:00 at line {f-inv}, before b reaches the ledger); and no UNINVOICED at {b}: 'what waited is kept for `return_window_days` after it, so goods that "
          "move later still count the invoice ... (no second, untrue `UNINVOICED` ...)'")
    L.why("UNINVOICED {c}, {d}: rules.md UNINVOICED 'Goods received or dispatched for which no invoice covers the "
          "quantity within the threshold' (uninvoiced_days 30, from the goods movement)")
    L.why("UNINVOICED {e} and ORPHAN {e-inv}: the goods wait 179 days for their invoice; " + WINDOW_WHY)
    L.expect_at("ORPHAN", "b-inv")
    L.expect_at("UNINVOICED", "c")
    L.expect_at("UNINVOICED", "d")
    L.expect_at("UNINVOICED", "e")
    L.expect_at("ORPHAN", "e-inv")
    return L


# ================================================================ main
LEDGERS = [
    lambda: cc_late(147, "cold-receipts-reaching-the-ledger-3-weeks-late-after-the-trucks-next-trip-and-with-their-log",
                    "LEGITIMATE", "three cold-chain receipts re-sent late by the WMS interface: 21 days after an idle "
                    "truck's trip, 6 days after a trip when the truck's next trip (5 days later) is already in, and "
                    "14 days late together with the truck's log (log first)", False),
    lambda: cc_late(148, "cold-receipts-reaching-the-ledger-35-days-late-after-a-trip-8-days-newer-and-before-their-log",
                    "VIOLATION", "ledger 147 with the receipt re-sent 35 days after an idle truck's trip while others "
                    "keep uploading, a truck's next trip 8 days after the lost one, and the re-sent log placed after "
                    "its receipt", True),
    lambda: cc_no_uploads(149, "cold-acceptance-entered-33-days-late-no-upload-since-the-trip",
                          "VIOLATION", "a cold-chain acceptance entered (补录) 33 days after arrival in a ledger where "
                          "no temperature upload follows the truck's own: LATE-ENTRY, and which clock forgets a vehicle"),
    lambda: cc_idle(150, "idle-cold-trucks-new-trips-log-3h50-after-arrival-trip-across-the-30-day-mark-log-at-exactly-4h",
                    "LEGITIMATE", "three trucks idle 30-45 days make a new trip: a log uploaded 3 h 50 min after "
                    "arrival, a trip in two uploads across the truck's 30-day mark, a log uploaded at exactly arrival + "
                    "4 h", False),
    lambda: cc_idle(151, "idle-cold-trucks-new-trips-log-4h01-late-warm-reading-before-the-mark-10-min-hole",
                    "VIOLATION", "ledger 150 with the log 4 h 1 min after arrival, a warm reading in the part uploaded "
                    "before the 30-day mark, and a 10-minute hole in the log uploaded at exactly 4 h", True),
    lambda: cc_long_trips(152, "rail-reefer-containers-6d20h-and-7d12h-trips-logged-every-2-hours",
                          "VIOLATION", "two rail reefer containers from Urumqi, fully monitored, uploading every 2 hours: "
                          "a 6 d 20 h trip and a 7 d 12 h trip (longer than the 7 days of readings kept)"),
    lambda: late_credits(153, "return-1h-before-the-sales-180-days-credit-note-after-the-sale-is-forgotten-rebate-day-before-invoice-forgotten",
                         "LEGITIMATE", "a return 1 h inside the 180 days of a sale shipped in parts (155 days after the "
                         "part), its credit note after the sale is forgotten but not its invoice, and a supplier rebate "
                         "credit note the day before its invoice is forgotten, each refunded", False),
    lambda: late_credits(154, "return-1min-after-the-sales-180-days-155-days-after-shipping-rebate-1h-after-invoice-forgotten",
                         "VIOLATION", "ledger 153 with the return 1 min after the sale's 180 days (155 days after the "
                         "part shipped) and the rebate credit note 1 h after its invoice is forgotten", True),
    lambda: late_payments(155, "hospital-invoices-paid-15-days-late-rest-paid-day-174-after-deadline-and-paid-after-forgotten",
                          "VIOLATION", "three sales invoices paid late: 15 days after the deadline, half in time and "
                          "the rest 174 days after the deadline, and in full 18 h after the invoice is forgotten"),
    lambda: late_goods_invoices(156, "receipts-re-sent-after-their-invoice-and-their-deadlines-invoices-100-and-180-days-late",
                                "VIOLATION", "purchase receipts reaching the ledger 35-38 days late (before their "
                                "invoice's orphan deadline, after it, and with the invoice after them), goods invoiced "
                                "after 100 days, and an invoice naming an order forgotten an hour before"),
]


def main():
    only_check = "--check" in sys.argv
    built = [mk() for mk in LEDGERS]
    nums = [L.num for L in built]
    assert nums == list(range(147, 157)), nums
    os.makedirs(OUT, exist_ok=True)
    for L in built:
        if not only_check:
            base = L.write(OUT)
            print("%s  %d events" % (os.path.basename(base), len(L.events)))
        else:
            print("%d ok (%d events)" % (L.num, len(L.events)))


if __name__ == "__main__":
    main()
