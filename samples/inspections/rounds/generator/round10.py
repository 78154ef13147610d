#!/usr/bin/env python3
"""Round 10 inspection ledgers 135-146: the six areas whose documentation changed (CC-RECEIPT interval,
vehicle trips after a cold dispatch, invoices by delivery note or receipt, parts invoiced at month end, consolidated lines split over sales, pooled zones), each from both sides.

Written from README.md, docs/ and the earlier rounds' ledgers/reports only. Deterministic: no
clock, no randomness (temperature noise is a hash of the sensor and the instant).

    python3 generator/round10.py            # writes NN-name.jsonl / NN-name.expected into out10/
    python3 generator/round10.py --check    # only the self-checks, writes nothing
"""
import hashlib
import json
import os
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
UTC = timezone.utc
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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
    def add(self, kind, at, data, refs=None, by=None, label=None, lag=5, sp="cst", esp=None, entered=None):
        ent = entered or (at + timedelta(minutes=lag))
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": spell(at, sp),
              "entered_at": spell(ent, esp or sp), "recorded_by": by or ["系统-ERP"]}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.events.append([at, len(self.events), ev, label, ent])
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
        for at, _, ev, _, _ in self.events:
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
            ms = int(e[4].timestamp() * 1000)
            ms = max(ms, last + 1)
            last = ms
            h = hashlib.sha256(("r10-%d-%s-%d" % (self.num, self.name, i)).encode()).digest()
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
        for at, _, ev, _, ent in self.events:
            k, d = ev["kind"], ev["data"]
            assert timedelta(0) <= ent - at <= timedelta(hours=72), (self.num, ev)
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
                    assert abs(l["amount"]["minor"] - l["quantity"] * l["unit_price"]["minor"]) <= (l["quantity"] + 1) // 2
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
    "conventions of the earlier rounds (PREVIOUS-ROUND-README.md): master data first; owner 浙江仁济医药有限公司 (Hangzhou); "
    "every event carries entered_at a few minutes after occurred_at; ids are UUID v7 from entered_at, increasing in file order; "
    "unified social credit codes carry GB 32100 check characters; invoices are 20-digit 数电票 numbers; events are in "
    "occurrence order (import.md, Order: 'the order of the records is the order of business')",
    "the ledger's clock is the latest occurred_at (rules.md intro); day thresholds are 24-hour days; deadline findings "
    "need a later event, so every legitimate ledger runs past its last UNPAID/UNINVOICED/ORPHAN/correction deadline "
    "unless a note says otherwise; RCV, QA and RET are unregistered staging/quarantine locations, as in every earlier round",
]




# ================================================================ scenarios
def truck_readings(start, end, fn, step=5, skip=()):
    out, t = [], start
    while t <= end:
        if not any(a <= t <= b for a, b in skip):
            out.append((t, fn(t)))
        t += timedelta(minutes=step)
    return out


def inbound_cold(L, po, supplier, product, batch, pd, exp, qty, vehicle, sensor, shipped, arrived, doc, dn, label=None,
                 lo=3.5, hi=6.5):
    """a clean cold-chain delivery: the supplier's logger reads every 5 min from 10 min before shipping to 10 min
    after arrival, all in lo..hi, uploaded 20 min after arrival"""
    rd = truck_readings(shipped - timedelta(minutes=10), arrived + timedelta(minutes=10),
                        lambda t: noise(sensor + t.isoformat(), lo, hi))
    L.temps(arrived + timedelta(minutes=20), sensor, rd, vehicle=vehicle)
    L.receipt(arrived, doc, supplier, po, dn,
              [dict(product=product, batch=batch, production_date=pd, expiry=exp, arrived=qty, location="CR-1")],
              transport={"vehicle": vehicle, "shipped_at": spell(shipped), "cold_chain": True}, label=label)


# ---------------------------------------------------------------- area 1: CC-RECEIPT interval
CC_WHY = ("format.md Transport.shipped_at: 'For cold-chain goods the vehicle's readings must cover this instant to the "
          "receipt's `occurred_at` (CC-RECEIPT): a reading within `transport_gap_minutes` beyond either end proves that "
          "end covered, but only the readings from `shipped_at` to `occurred_at` are judged against the range (the logger "
          "may pre-cool before and run on through unloading after)'; rules.md CC-RECEIPT: 'readings cover ship time to "
          "arrival without gaps (a reading within `transport_gap_minutes` beyond either end covers it) and, from ship "
          "time to arrival, stay within the products' range (readings beyond the trip are not judged)'")


def cold_receipts(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    L.master(T("2026-11-01 09:00"), [(SUP_KN, "supplier"), (SUP_LC, "supplier")], [P_INS, P_PRO],
             [{"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}}])
    L.purchase(T("2026-11-02 10:00"), "CG20261102001", SUP_KN, [(P_INS, 1500, 4215)])
    L.purchase(T("2026-11-02 10:10"), "CG20261102002", SUP_LC, [(P_PRO, 300, 1860)])
    # ---- truck 1 (津A·L2231冷): shipped 13:02, accepted 23:57; readings on the :00/:05 grid, none on either end
    ship1, arr1 = T("2026-11-03 13:02"), T("2026-11-03 23:57")
    if not violation:
        fixed1 = {"12:20": 14.0, "12:25": 12.5, "12:30": 11.1, "12:35": 10.2, "12:40": 9.6, "12:45": 9.1,
                  "12:50": 8.8, "12:55": 8.6, "13:00": 8.4,            # pre-cooling; 13:00 is 2 min before shipped_at
                  "23:50": 6.4, "23:55": 6.9,                          # last readings of the trip, in range
                  "00:00": 8.7, "00:05": 10.4, "00:10": 11.8, "00:15": 12.9, "00:20": 13.6}   # unloading, doors open
        first1 = T("2026-11-03 12:20")
    else:
        fixed1 = {"13:00": 6.8,                                        # 2 min before shipped_at, in range
                  "23:50": 7.4, "23:55": 8.3,                          # 23:55 is 2 min BEFORE acceptance: inside the trip
                  "00:00": 9.1, "00:05": 10.5, "00:10": 11.9}
        first1 = T("2026-11-03 13:00")
    last1 = T("2026-11-04 00:20") if not violation else T("2026-11-04 00:10")

    def f1(t):
        return fixed1.get(t.strftime("%H:%M"), noise("TL-2231" + t.isoformat(), 3.6, 6.4))
    L.receipt(arr1, "SH20261103001", SUP_KN, "CG20261102001", "DN-KN-20261103-01",
              [dict(product=P_INS, batch="KN2609031", production_date="2026-09-03", expiry="2028-09-02", arrived=1000,
                    location="CR-1")],
              transport={"vehicle": "津A·L2231冷", "shipped_at": spell(ship1), "cold_chain": True}, label="r1")
    L.temps(last1 + timedelta(minutes=15), "TL-2231", truck_readings(first1, last1, f1), vehicle="津A·L2231冷",
            label="up1")
    # ---- truck 2 (津A·L2232冷): shipped 14:30, accepted 01:10 (5 Nov)
    ship2 = T("2026-11-04 14:30")
    if not violation:
        arr2 = T("2026-11-05 01:10")
        fixed2 = {"14:25": 9.2, "14:30": 7.8, "01:10": 7.2, "01:15": 8.9, "01:20": 10.6, "01:25": 12.0}
        rd2 = truck_readings(T("2026-11-04 14:25"), T("2026-11-05 01:25"),
                             lambda t: fixed2.get(t.strftime("%H:%M"), noise("TL-2232" + t.isoformat(), 3.4, 6.6)))
        L.temps(T("2026-11-04 22:02"), "TL-2232", [r for r in rd2 if r[0] <= T("2026-11-04 22:00")],
                vehicle="津A·L2232冷", label="up2a")
        L.receipt(arr2, "SH20261105001", SUP_KN, "CG20261102001", "DN-KN-20261104-02",
                  [dict(product=P_INS, batch="KN2609117", production_date="2026-09-17", expiry="2028-09-16",
                        arrived=500, location="CR-1")],
                  transport={"vehicle": "津A·L2232冷", "shipped_at": spell(ship2, "z"), "cold_chain": True}, label="r2")
        L.temps(T("2026-11-05 01:40"), "TL-2232", [r for r in rd2 if r[0] > T("2026-11-04 22:00")],
                vehicle="津A·L2232冷", label="up2b")
    else:
        arr2 = T("2026-11-05 01:09")
        # the platform link drops at 01:02 when the logger's battery dies; the driver swaps the battery at the dock
        # and the logger restarts at 01:15 (6 min after acceptance)
        rd2 = truck_readings(T("2026-11-04 14:30"), T("2026-11-05 01:00"),
                             lambda t: noise("TL-2232" + t.isoformat(), 3.4, 6.6))
        L.temps(T("2026-11-04 22:02"), "TL-2232", [r for r in rd2 if r[0] <= T("2026-11-04 22:00")],
                vehicle="津A·L2232冷", label="up2a")
        L.temps(T("2026-11-05 01:03"), "TL-2232", [r for r in rd2 if r[0] > T("2026-11-04 22:00")],
                vehicle="津A·L2232冷", label="up2b")
        L.receipt(arr2, "SH20261105001", SUP_KN, "CG20261102001", "DN-KN-20261104-02",
                  [dict(product=P_INS, batch="KN2609117", production_date="2026-09-17", expiry="2028-09-16",
                        arrived=500, location="CR-1")],
                  transport={"vehicle": "津A·L2232冷", "shipped_at": spell(ship2, "z"), "cold_chain": True}, label="r2")
        tail = [(T("2026-11-05 01:15"), 6.9), (T("2026-11-05 01:20"), 8.8), (T("2026-11-05 01:25"), 10.4),
                (T("2026-11-05 01:30"), 11.7)]
        L.temps(T("2026-11-05 01:40"), "TL-2232", tail, vehicle="津A·L2232冷", label="up2c")
    # ---- truck 3 (浙F·K0907冷): the 冷处 product (2-10 °C), shipped 13:01, accepted 15:58
    ship3, arr3 = T("2026-11-06 13:01"), T("2026-11-06 15:58")
    fixed3 = {"12:40": 12.2, "12:45": 11.4, "12:50": 10.9, "12:55": 10.6, "13:00": 10.3,
              "15:55": 9.4, "16:00": 10.4, "16:05": 11.1}
    rd3 = truck_readings(T("2026-11-06 12:40"), T("2026-11-06 16:05"),
                         lambda t: fixed3.get(t.strftime("%H:%M"), noise("TL-0907" + t.isoformat(), 8.3, 9.6)))
    L.receipt(arr3, "SH20261106001", SUP_LC, "CG20261102002", "DN-LC-20261106-02",
              [dict(product=P_PRO, batch="LC2610150", production_date="2026-10-15", expiry="2028-04-14", arrived=300,
                    location="CR-1")],
              transport={"vehicle": "浙F·K0907冷", "shipped_at": spell(ship3), "cold_chain": True}, label="r3")
    L.temps(T("2026-11-06 16:20"), "TL-0907", rd3, vehicle="浙F·K0907冷", label="up3")
    ip = L.inv_no(T("2026-11-06 10:00"), prov="12")
    tp = L.invoice(T("2026-11-06 10:00"), ip, "purchase", SUP_KN, OWNER, [(P_INS, 1500, 4215)],
                   {"order": ["CG20261102001"]})
    iq = L.inv_no(T("2026-11-07 10:00"))
    tq = L.invoice(T("2026-11-07 10:00"), iq, "purchase", SUP_LC, OWNER, [(P_PRO, 300, 1860)],
                   {"order": ["CG20261102002"]})
    L.payment(T("2026-11-16 10:00"), "FK20261116001", "outgoing", OWNER, SUP_KN, tp, [ip])
    L.payment(T("2026-11-16 10:10"), "FK20261116002", "outgoing", OWNER, SUP_LC, tq, [iq])
    L.stock_count(T("2026-11-20 10:00"), "PD20261120001", "CR-1", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("the goods are 门冬胰岛素注射液 (cold 2-8 °C) and 双歧杆菌三联活菌胶囊 (cold with temp_range 2-10 °C, a 冷处 "
           "product); all three deliveries are received straight into CR-1; CR-1 sends no readings (no storage-zone "
           "question); no dispatch names these trucks, so only CC-RECEIPT reads their uploads")
    if not violation:
        L.note("truck 1 (receipt line {r1}): shipped_at 13:02, occurred_at 23:57; the logger reads on the :00/:05 grid, so "
               "no reading falls on either end. 12:20-13:00 are pre-cooling, 14.0 falling to 8.4 °C at 13:00 (2 min before "
               "shipped_at: out of range, but it is the reading that proves the start covered); 13:05-23:55 in range "
               "(23:55 6.9 °C); 00:00 8.7 °C (3 min after acceptance, out of range, proves the end covered), then the empty "
               "truck warms to 13.6 °C by 00:20 (upload line {up1} at 00:35, after the receipt; within logger_settle_hours)")
        L.note("truck 2 (receipt line {r2}, 01:10): readings fall exactly on both ends, in range (14:30 7.8 °C, 01:10 "
               "7.2 °C); 14:25 (5 min before shipped_at) is 9.2 °C, 01:15-01:25 are 8.9-12.0 °C; two uploads (lines "
               "{up2a} and {up2b}); shipped_at is written in Z")
        L.note("truck 3 (receipt line {r3}): range 2-10 °C (the product's temp_range); 13:00 (1 min before shipped_at) "
               "10.3 °C and 16:00 (2 min after acceptance at 15:58) 10.4 °C are out of 2-10 but outside the trip; "
               "13:05-15:55 in 8.3-9.6 °C")
        L.note("I take 'from shipped_at to occurred_at' as inclusive (truck 2's readings at the exact ends are judged, and "
               "in range); a reading 5 min beyond an end (truck 2, 14:25) is 'within transport_gap_minutes'")
        L.why("quiet: " + CC_WHY + ". Every reading from shipped_at to occurred_at is within the products' range, "
              "and every end has a reading at most 5 min beyond it (or on it)")
    else:
        L.note("truck 1 (receipt line {r1}, shipped_at 13:02, occurred_at 23:57): 13:00 6.8 °C (2 min before "
               "shipped_at), 13:05-23:50 in range, 23:55 8.3 °C, i.e. 2 min BEFORE the recorded acceptance and inside "
               "the trip (the doors were opened at the dock before the goods were accepted), 00:00-00:10 9.1-11.9 °C "
               "after it. This is ledger 135's truck 1 with the out-of-range reading moved 5 min earlier, into the trip")
        L.note("truck 2 (receipt line {r2}, shipped_at 14:30, occurred_at 01:09): every reading is in range; the "
               "platform upload (line {up2b}, 01:03) ends with 01:00 (9 min before acceptance); the logger's battery "
               "died and, after a battery swap at the dock, it restarted at 01:15 (line {up2c}), 6 min after acceptance: "
               "no reading within transport_gap_minutes (5) of the end, and 01:00→01:15 is 15 min without a reading "
               "across the arrival. The readings are split into separate uploads so that no upload holds a gap "
               "of its own (no TEMP-GAP question for an inbound truck)")
        L.note("truck 3 (receipt line {r3}) is ledger 135's truck 3 unchanged and stays quiet")
        L.why("CC-RECEIPT {r1}: " + CC_WHY + "; the 23:55 reading lies between shipped_at and occurred_at; rules.md "
              "Points at: 'the receipt'")
        L.why("CC-RECEIPT {r2}: the end (01:09) is not covered: the nearest readings are 9 min before and 6 min after "
              "it; rules.md CC-RECEIPT 'when the readings do not yet cover the trip, the receipt is judged after the "
              "settle window, on every reading that arrived by then' (logger_settle_hours 4; the ledger runs on to 20 Nov)")
        L.expect_at("CC-RECEIPT", "r1")
        L.expect_at("CC-RECEIPT", "r2")
    return L


# ---------------------------------------------------------------- area 2: vehicle trips after a cold dispatch
TRIP_WHY = ("format.md dispatch.vehicle: 'Its next `temperature_reading` with readings from one hour before the "
            "dispatch on is the trip: those readings are judged against the range of the cold-chain goods on board "
            "(TEMP-RANGE); its earlier readings (pre-cooling, the trip before) are not. An upload of only earlier "
            "readings is not the trip. Later uploads of the vehicle (the empty return leg, a trip of ambient goods) are "
            "judged against no range until the next cold dispatch.'")


def vehicle_trips(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    L.master(T("2026-11-05 09:00"), [(SUP_KN, "supplier"), (SUP_HB, "supplier"), (CUS_RH, "customer"),
                                    (CUS_KT, "customer")], [P_INS, P_IBU],
             [{"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}},
              {"zone": "WH-A", "storage": "ambient"}])
    INS, IBU = "KN2610021", "2610220031"
    L.purchase(T("2026-11-06 10:00"), "CG20261106001", SUP_KN, [(P_INS, 600, 4215)])
    L.purchase(T("2026-11-06 10:10"), "CG20261106002", SUP_HB, [(P_IBU, 400, 1050)])
    inbound_cold(L, "CG20261106001", SUP_KN, P_INS, INS, "2026-10-02", "2028-10-01", 600, "津A·L2231冷", "TL-2231",
                 T("2026-11-06 22:00"), T("2026-11-07 10:00"), "SH20261107001", "DN-KN-20261106-03")
    L.receipt(T("2026-11-07 11:00"), "SH20261107002", SUP_HB, "CG20261106002", "DN-HB-20261107-01",
              [dict(product=P_IBU, batch=IBU, production_date="2026-10-22", expiry="2028-10-21", arrived=400)])
    L.put_away(T("2026-11-07 11:30"), "RK20261107001", "SH20261107002", "CG20261106002",
               [(P_IBU, IBU, 400, "RCV", "WH-A", None)])
    ia = L.inv_no(T("2026-11-08 09:00"), prov="12")
    ta = L.invoice(T("2026-11-08 09:00"), ia, "purchase", SUP_KN, OWNER, [(P_INS, 600, 4215)], {"order": ["CG20261106001"]})
    ib = L.inv_no(T("2026-11-08 09:10"))
    tb = L.invoice(T("2026-11-08 09:10"), ib, "purchase", SUP_HB, OWNER, [(P_IBU, 400, 1050)], {"order": ["CG20261106002"]})
    V, S = ("浙A·L1011冷", "TL-1011") if not violation else ("浙A·L1012冷", "TL-1012")
    step = 5 if not violation else 1

    def ramp(start, n, v0, dv):
        return [(start + timedelta(minutes=step * i), round(v0 + dv * i, 1)) for i in range(n)]

    # 9 Nov afternoon: the truck stands in the yard after maintenance of its cooling unit (unit off, warm)
    yard = truck_readings(T("2026-11-09 14:00") if not violation else T("2026-11-09 15:00"), T("2026-11-09 16:00"),
                          lambda t: noise(S + "yard" + t.isoformat(), 15.0, 19.0), step=step)
    # ---- cold dispatch 1, 10 Nov 09:00
    L.sale(T("2026-11-09 10:00"), "XS20261109001", CUS_RH, [(P_INS, INS, "2028-10-01", 200, 4680)])
    L.review(T("2026-11-10 08:30"), "FH20261110001", CUS_RH, "XS20261109001", [(P_INS, INS, "2028-10-01", 200)])
    L.dispatch(T("2026-11-10 09:00"), "PS20261110001", CUS_RH, "XS20261109001", [(P_INS, INS, 200, "CR-1", None)],
               vehicle=V, label="d1")
    L.temps(T("2026-11-10 09:30") if not violation else T("2026-11-10 09:20"), S, yard, vehicle=V, label="u0")
    if not violation:
        pre = {"07:30": 13.8, "07:35": 12.1, "07:40": 10.6, "07:45": 9.5, "07:50": 8.8, "07:55": 8.2, "08:00": 7.9}
        trip1 = truck_readings(T("2026-11-10 07:30"), T("2026-11-10 10:40"),
                               lambda t: pre.get(t.strftime("%H:%M"), noise(S + t.isoformat(), 3.5, 6.5)))
        L.temps(T("2026-11-10 10:45"), S, trip1, vehicle=V, label="u1")
        L.temps(T("2026-11-10 12:30"), S, ramp(T("2026-11-10 10:45"), 21, 7.9, 0.45), vehicle=V, label="u2")
    else:
        pre = {"07:50": 11.0, "07:51": 10.6, "07:52": 10.2, "07:53": 9.9, "07:54": 9.6, "07:55": 9.3, "07:56": 9.0,
               "07:57": 8.7, "07:58": 8.4, "07:59": 8.1,
               "09:41": 8.4, "09:42": 8.9, "09:43": 9.3, "09:44": 9.6, "09:45": 9.4, "09:46": 9.0, "09:47": 8.6,
               "09:48": 8.2, "09:49": 7.6}
        trip1 = truck_readings(T("2026-11-10 07:50"), T("2026-11-10 10:45"),
                               lambda t: pre.get(t.strftime("%H:%M"), noise(S + t.isoformat(), 3.5, 6.5)), step=1)
        L.temps(T("2026-11-10 10:50"), S, trip1, vehicle=V, label="u1")
        L.temps(T("2026-11-10 12:30"), S, ramp(T("2026-11-10 10:50"), 91, 7.9, 0.1), vehicle=V, label="u2")
    # ---- ambient dispatch, 11 Nov 09:00, same truck, cooling unit off
    L.sale(T("2026-11-10 15:00"), "XS20261110001", CUS_KT, [(P_IBU, IBU, "2028-10-21", 100, 1450)])
    L.review(T("2026-11-11 08:30"), "FH20261111001", CUS_KT, "XS20261110001", [(P_IBU, IBU, "2028-10-21", 100)])
    L.dispatch(T("2026-11-11 09:00"), "PS20261111001", CUS_KT, "XS20261110001", [(P_IBU, IBU, 100, "WH-A", None)],
               vehicle=V, label="d2")
    amb = truck_readings(T("2026-11-11 08:30"), T("2026-11-11 11:20"),
                         lambda t: noise(S + "amb" + t.isoformat(), 16.0, 22.0), step=step)
    L.temps(T("2026-11-11 11:30"), S, amb, vehicle=V, label="u3")
    # ---- cold dispatch 2, 12 Nov 09:00
    L.sale(T("2026-11-11 10:00"), "XS20261111001", CUS_KT, [(P_INS, INS, "2028-10-01", 150, 4750)])
    L.review(T("2026-11-12 08:30"), "FH20261112001", CUS_KT, "XS20261111001", [(P_INS, INS, "2028-10-01", 150)])
    L.dispatch(T("2026-11-12 09:00"), "PS20261112001", CUS_KT, "XS20261111001", [(P_INS, INS, 150, "CR-1", None)],
               vehicle=V, label="d3")
    if not violation:
        pre2 = {"07:40": 12.4, "07:45": 10.1, "07:50": 9.0, "07:55": 8.3}
        trip2 = truck_readings(T("2026-11-12 07:40"), T("2026-11-12 11:00"),
                               lambda t: pre2.get(t.strftime("%H:%M"), noise(S + t.isoformat(), 3.5, 6.5)))
    else:
        trip2 = truck_readings(T("2026-11-12 08:00"), T("2026-11-12 11:00"),
                               lambda t: noise(S + t.isoformat(), 3.5, 6.5), step=1,
                               skip=[(T("2026-11-12 09:31"), T("2026-11-12 09:36"))])
    L.temps(T("2026-11-12 11:05"), S, trip2, vehicle=V, label="u4")
    # ---- 13 Nov: parked in the yard, unit off; the platform uploads the afternoon
    park = truck_readings(T("2026-11-13 12:00"), T("2026-11-13 17:55"),
                          lambda t: noise(S + "park" + t.isoformat(), 18.0, 24.0), step=5)
    L.temps(T("2026-11-13 18:00"), S, park, vehicle=V, label="u5")
    i1 = L.inv_no(T("2026-11-12 15:00"))
    t1 = L.invoice(T("2026-11-12 15:00"), i1, "sale", OWNER, CUS_RH, [(P_INS, 200, 4680)], {"sale": ["XS20261109001"]})
    i2 = L.inv_no(T("2026-11-12 15:10"))
    t2 = L.invoice(T("2026-11-12 15:10"), i2, "sale", OWNER, CUS_KT, [(P_IBU, 100, 1450), (P_INS, 150, 4750)],
                   {"sale": ["XS20261110001", "XS20261111001"]})
    L.payment(T("2026-11-25 10:00"), "FK20261125001", "outgoing", OWNER, SUP_KN, ta, [ia])
    L.payment(T("2026-11-25 10:10"), "FK20261125002", "outgoing", OWNER, SUP_HB, tb, [ib])
    L.payment(T("2026-12-10 10:00"), "SK20261210001", "incoming", CUS_RH, OWNER, t1, [i1])
    L.payment(T("2026-12-12 10:00"), "SK20261212001", "incoming", CUS_KT, OWNER, t2, [i2])
    L.stock_count(T("2026-12-15 10:00"), "PD20261215001", "CR-1")
    L.stock_count(T("2026-12-15 10:30"), "PD20261215002", "WH-A", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("our own cold truck %s (logger %s, not registered to any zone) makes three deliveries: cold goods (insulin) "
           "on 10 Nov 09:00 (line {d1}), ambient goods (布洛芬 only, cooling unit off) on 11 Nov 09:00 (line {d2}), "
           "cold goods again on 12 Nov 09:00 (line {d3}); readings every %d min" % (V, S, step))
    L.note("line {u0} is recorded after the 10 Nov dispatch but holds only readings of 9 Nov afternoon (the truck "
           "standing in the yard after maintenance, %s °C): 'An upload of only earlier readings is not the trip'"
           % ("15-19"))
    if not violation:
        L.note("line {u1} (10:45) is the trip of dispatch {d1}: 07:30-07:55 are pre-cooling, 13.8 falling to 8.2 °C "
               "(07:55 is 65 min before the dispatch: not judged); 08:00, exactly one hour before, is 7.9 °C and is "
               "judged (I read 'from one hour before the dispatch on' as inclusive); 08:05-10:40 in 3.5-6.5 °C; the "
               "upload ends at the hand-over to the hospital")
        L.note("line {u2} is the empty return leg, 10:45-12:25, warming 7.9 → 16.9 °C; line {u3} is the ambient trip of "
               "11 Nov (16-22 °C); line {u5} is the parked truck on 13 Nov (18-24 °C): all later uploads, 'judged "
               "against no range'; every upload has its readings 5 min apart (transport_gap_minutes 5)")
        L.note("line {u4} is the trip of the second cold dispatch {d3}: 07:40-07:55 pre-cooling 12.4-8.3 °C (more than "
               "one hour before), 08:00-11:00 in range")
        L.why("quiet: " + TRIP_WHY + " Every judged reading is in 2-8 °C; rules.md TEMP-RANGE '(or of a vehicle's trip "
              "with cold-chain goods: its next upload after the dispatch, from one hour before the dispatch on)'")
    else:
        L.note("line {u1} (10:50) is the trip of dispatch {d1}, readings every minute: 07:50-07:59 pre-cooling 11.0-8.1 "
               "°C (more than one hour before: not judged); 08:00-09:40 in range; 09:41-09:48 8.2-9.6 °C (the doors "
               "stood open at the hospital's dock), back in range at 09:49 (7.6 °C); readings 1 min apart, so no "
               "excursion gap")
        L.note("the yard upload {u0} (9 Nov, 15-19 °C) comes between the dispatch and its trip: if it were taken for "
               "the trip, it would be an excursion of its own, and the real trip would go unjudged")
        L.note("line {u2} is the empty return leg (7.9 → 16.9 °C), line {u3} the ambient trip (16-22 °C), line {u5} the "
               "parked truck (18-24 °C): judged against no range, as in ledger 137")
        L.note("line {u4} is the trip of the second cold dispatch {d3}: readings every minute in range, but none from "
               "09:31 to 09:36 (logger memory fault): 09:30 → 09:37 is 7 min")
        L.why("TEMP-RANGE {u1}: " + TRIP_WHY + " rules.md TEMP-RANGE Points at: 'the temperature_reading (upload) "
              "holding the reading that ended the excursion: the first back in range, a vehicle's trip upload'")
        L.why("TEMP-GAP {u4}: rules.md TEMP-GAP 'Consecutive readings ... of a vehicle trip more than the transport "
              "limit apart' (transport_gap_minutes 5); the next cold dispatch makes line {u4} a trip again ('until the "
              "next cold dispatch'); Points at 'the temperature_reading (upload) holding the reading after the gap'")
        L.expect_at("TEMP-RANGE", "u1")
        L.expect_at("TEMP-GAP", "u4")
    return L


# ---------------------------------------------------------------- area 3: invoices by delivery note or receipt
DN_WHY = ("format.md Refs.delivery_note: 'A sales invoice without `sale` is matched to the goods of these dispatches: to "
          "the sales a dispatch named (its own number when it named none), as if the invoice had named them.'; "
          "Refs.receipt: 'A purchase invoice without `order` is matched to the goods of these receipts: to the orders a "
          "receipt named (its own number when it named none), as if the invoice had named them.'")


def invoices_by_document(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    L.master(T("2026-10-01 09:00"), [(SUP_NK, "supplier"), (SUP_HB, "supplier"), (CUS_RH, "customer"),
                                    (CUS_KT, "customer")], [P_AMX, P_IBU], [{"zone": "WH-A", "storage": "ambient"}])
    A1, I1 = "2609100011", "2609150007"
    L.purchase(T("2026-10-05 10:00"), "CG20261005001", SUP_NK, [(P_AMX, 600, 860)])
    L.purchase(T("2026-10-05 10:05"), "CG20261005002", SUP_NK, [(P_AMX, 400, 860)])
    L.purchase(T("2026-10-05 10:10"), "CG20261005003", SUP_HB, [(P_IBU, 500, 1050)])
    L.receipt(T("2026-10-07 10:00"), "SH20261007001", SUP_NK, ["CG20261005001", "CG20261005002"], "DN-NK-20261007-01",
              [dict(product=P_AMX, batch=A1, production_date="2026-09-10", expiry="2029-08-31", arrived=1000)],
              label="rcA")
    L.put_away(T("2026-10-07 14:00"), "RK20261007001", "SH20261007001", "CG20261005001",
               [(P_AMX, A1, 1000, "RCV", "WH-A", None)])
    L.receipt(T("2026-10-08 10:00"), "SH20261008001", SUP_HB, "CG20261005003", "DN-HB-20261008-01",
              [dict(product=P_IBU, batch=I1, production_date="2026-09-15", expiry="2028-09-14", arrived=300)],
              label="rcB")
    L.receipt(T("2026-10-09 10:00"), "SH20261009001", SUP_HB, "CG20261005003", "DN-HB-20261009-02",
              [dict(product=P_IBU, batch=I1, production_date="2026-09-15", expiry="2028-09-14", arrived=200,
                    accepted=190, reject_reason="外箱受潮破损 10 盒，拒收随车退回")], label="rcC")
    L.put_away(T("2026-10-09 14:00"), "RK20261009001", "SH20261009001", "CG20261005003",
               [(P_IBU, I1, 490, "RCV", "WH-A", None)])
    ia = L.inv_no(T("2026-10-10 09:00"))
    ta = L.invoice(T("2026-10-10 09:00"), ia, "purchase", SUP_NK, OWNER, [(P_AMX, 1000, 860)],
                   {"receipt": ["SH20261007001"]}, label="piA")
    ib = L.inv_no(T("2026-10-12 09:00"))
    q_ibu = 490 if not violation else 500
    tb = L.invoice(T("2026-10-12 09:00"), ib, "purchase", SUP_HB, OWNER, [(P_IBU, q_ibu, 1050)],
                   {"receipt": ["SH20261008001", "SH20261009001"]}, label="piB")
    # sales
    L.sale(T("2026-10-12 09:00"), "XS20261012001", CUS_RH, [(P_AMX, A1, "2029-08-31", 200, 1035)])
    L.review(T("2026-10-12 09:30"), "FH20261012001", CUS_RH, "XS20261012001", [(P_AMX, A1, "2029-08-31", 200)])
    L.dispatch(T("2026-10-12 10:00"), "PS20261012001", CUS_RH, "XS20261012001", [(P_AMX, A1, 200, "WH-A", None)])
    L.sale(T("2026-10-14 09:00"), "XS20261014001", CUS_RH, [(P_IBU, I1, "2028-09-14", 150, 1380)])
    L.review(T("2026-10-14 09:30"), "FH20261014001", CUS_RH, "XS20261014001", [(P_IBU, I1, "2028-09-14", 150)])
    L.dispatch(T("2026-10-14 10:00"), "PS20261014001", CUS_RH, "XS20261014001", [(P_IBU, I1, 150, "WH-A", None)])
    L.sale(T("2026-10-20 09:00"), "XS20261020001", CUS_RH, [(P_AMX, A1, "2029-08-31", 100, 1035)])
    L.sale(T("2026-10-21 09:00"), "XS20261021001", CUS_RH, [(P_AMX, A1, "2029-08-31", 50, 1035)])
    L.review(T("2026-10-22 09:30"), "FH20261022001", CUS_RH, ["XS20261020001", "XS20261021001"],
             [(P_AMX, A1, "2029-08-31", 150)])
    L.dispatch(T("2026-10-22 10:00"), "PS20261022001", CUS_RH, ["XS20261020001", "XS20261021001"],
               [(P_AMX, A1, 150, "WH-A", None)], label="dC")
    L.sale(T("2026-10-23 09:00"), "XS20261023001", CUS_KT, [(P_AMX, A1, "2029-08-31", 80, 1100)])
    L.review(T("2026-10-23 09:30"), "FH20261023001", CUS_KT, "XS20261023001", [(P_AMX, A1, "2029-08-31", 80)])
    L.dispatch(T("2026-10-23 10:00"), "PS20261023001", CUS_KT, "XS20261023001", [(P_AMX, A1, 80, "WH-A", None)])
    ik = L.inv_no(T("2026-10-25 10:00"))
    tk = L.invoice(T("2026-10-25 10:00"), ik, "sale", OWNER, CUS_KT, [(P_AMX, 80, 1100)],
                   {"delivery_note": ["PS20261023001"]}, label="siK")
    q_amx = 350 if not violation else 360
    io = L.inv_no(T("2026-10-31 16:00"))
    to = L.invoice(T("2026-10-31 16:00"), io, "sale", OWNER, CUS_RH, [(P_AMX, q_amx, 1035), (P_IBU, 150, 1380)],
                   {"delivery_note": ["PS20261012001", "PS20261014001", "PS20261022001"]}, label="siO")
    L.payment(T("2026-11-10 10:00"), "FK20261110001", "outgoing", OWNER, SUP_NK, ta, [ia])
    L.payment(T("2026-11-12 10:00"), "FK20261112001", "outgoing", OWNER, SUP_HB, tb, [ib])
    L.payment(T("2026-11-20 10:00"), "SK20261120001", "incoming", CUS_KT, OWNER, tk, [ik])
    L.payment(T("2026-11-30 10:00"), "SK20261130001", "incoming", CUS_RH, OWNER, to, [io])
    L.stock_count(T("2026-12-05 10:00"), "PD20261205001", "WH-A", label="cnt")
    L.finalize()
    if not violation:
        L.assert_balanced()
    else:
        L.assert_balanced(skip={(SUP_HB, P_IBU), (CUS_RH, P_AMX)})
    L.note("purchase invoices name only refs.receipt: line {piA} names SH20261007001, one delivery for two orders "
           "(refs.order [CG20261005001, CG20261005002], 600 + 400); line {piB} names the two receipts of order "
           "CG20261005003 (300 accepted, and 190 accepted + 10 rejected)")
    L.note("sales invoices name only refs.delivery_note: line {siK} names one dispatch; line {siO} (月结, 31 Oct) names "
           "three, among them PS20261022001 (line {dC}), one dispatch line of 150 for two sales (100 + 50)")
    L.note("I assume an invoice that names receipts or delivery notes groups the orders or sales behind them as if "
           "it had named them, also for UNINVOICED and ORPHAN (their Reads list invoice.refs.{{order,receipt,sale,"
           "delivery_note}})")
    if not violation:
        L.why("quiet: " + DN_WHY + " Per product, each invoice equals the accepted or dispatched goods of the "
              "documents it names (阿莫西林 1000 bought; 布洛芬 490 bought; 阿莫西林 350 + 布洛芬 150 and 阿莫西林 80 "
              "sold); everything paid; the ledger runs past every ORPHAN/UNINVOICED deadline (5 Dec)")
    else:
        L.note("line {piB}: 浙江海博药业 invoices the 500 that arrived, including the 10 rejected at "
               "receipt {rcC}; no credit note follows (the ledger runs 54 days past the invoice)")
        L.note("line {siO}: the October 月结 invoice bills 阿莫西林 360 where its delivery notes shipped 350 "
               "(200 + 150); no credit note follows; both invoices are paid as billed")
        L.why("TTGK-P {piB}: " + DN_WHY + " rules.md TTGK-P 'invoiced quantities (net of credit notes) must not exceed "
              "the accepted quantities ... becomes a finding if not corrected ... within the correction window' "
              "(correction_days 14); Points at 'the latest invoice (or credit note) of the order or group'")
        L.why("TTGK-S {siO}: rules.md TTGK-S 'invoiced quantities must not exceed the dispatched quantities (net of "
              "returns)'; Points at 'the latest invoice (or credit note) of the sale or group'")
        L.expect_at("TTGK-P", "piB")
        L.expect_at("TTGK-S", "siO")
    return L


# ---------------------------------------------------------------- area 4: parts shipped, invoiced at month end
UNINV_WHY = ("rules.md UNINVOICED: 'A document naming several orders or sales (a monthly invoice, 月结; ...) makes them "
             "one group, whose summed goods are matched against its invoices at the latest deadline of its members. "
             "Goods moved less than the threshold before a deadline (a sale shipped in parts, invoiced at month end) are "
             "not due at it: the goods are judged again at their own deadline, and only a larger shortfall is reported "
             "again.'; configuration.md uninvoiced_days: 'the first movement sets the deadline; goods moved later are "
             "due this many days after they moved'")


def ship_out(L, at, doc, cust, sales, lines, label=None):
    """review 30 min before, then the dispatch; lines (product, batch, expiry, qty)"""
    L.review(at - timedelta(minutes=30), "FH" + doc[2:], cust, sales, lines)
    L.dispatch(at, doc, cust, sales, [(p, b, q, "WH-A", None) for p, b, _, q in lines], label=label)


def month_end_parts():
    L = Ledger(141, "sale-shipped-in-four-parts-across-month-ends-monthly-invoices-by-sale-and-by-delivery-note",
               "LEGITIMATE", "a public hospital's order shipped in four parts (8 Oct, 28 Oct, 5 Nov, 20 Nov), two of "
               "them less than 30 days before a deadline; October invoiced at month end by sale for a group of two "
               "sales, November by delivery note for three parts of two sales; a private hospital's order shipped in two "
               "parts a month apart, each invoiced at its month end")
    L.master(T("2026-09-25 09:00"), [(SUP_NK, "supplier"), (SUP_HB, "supplier"), (CUS_RH, "customer"),
                                    (CUS_KT, "customer")], [P_AMX, P_IBU], [{"zone": "WH-A", "storage": "ambient"}])
    A1, I1 = "2609100011", "2609150007"
    EA, EI = "2029-08-31", "2028-09-14"
    L.purchase(T("2026-10-05 10:00"), "CG20261005001", SUP_NK, [(P_AMX, 1200, 860)])
    L.purchase(T("2026-10-05 10:10"), "CG20261005002", SUP_HB, [(P_IBU, 600, 1050)])
    L.receipt(T("2026-10-06 10:00"), "SH20261006001", SUP_NK, "CG20261005001", "DN-NK-20261006-01",
              [dict(product=P_AMX, batch=A1, production_date="2026-09-10", expiry=EA, arrived=1200)])
    L.receipt(T("2026-10-06 11:00"), "SH20261006002", SUP_HB, "CG20261005002", "DN-HB-20261006-03",
              [dict(product=P_IBU, batch=I1, production_date="2026-09-15", expiry=EI, arrived=600)])
    L.put_away(T("2026-10-06 14:00"), "RK20261006001", "SH20261006001", "CG20261005001", [(P_AMX, A1, 1200, "RCV", "WH-A", None)])
    L.put_away(T("2026-10-06 14:10"), "RK20261006002", "SH20261006002", "CG20261005002", [(P_IBU, I1, 600, "RCV", "WH-A", None)])
    ia = L.inv_no(T("2026-10-08 09:00"))
    ta = L.invoice(T("2026-10-08 09:00"), ia, "purchase", SUP_NK, OWNER, [(P_AMX, 1200, 860)], {"order": ["CG20261005001"]})
    ib = L.inv_no(T("2026-10-08 09:10"))
    tb = L.invoice(T("2026-10-08 09:10"), ib, "purchase", SUP_HB, OWNER, [(P_IBU, 600, 1050)], {"order": ["CG20261005002"]})
    L.sale(T("2026-10-08 09:00"), "XS20261008001", CUS_RH, [(P_AMX, A1, EA, 400, 1035), (P_IBU, I1, EI, 300, 1380)], label="sA")
    ship_out(L, T("2026-10-08 10:00"), "PS20261008001", CUS_RH, "XS20261008001", [(P_AMX, A1, EA, 200), (P_IBU, I1, EI, 150)], "a1")
    L.sale(T("2026-10-15 09:00"), "XS20261015001", CUS_RH, [(P_AMX, A1, EA, 100, 1035)], label="sB")
    ship_out(L, T("2026-10-15 10:00"), "PS20261015001", CUS_RH, "XS20261015001", [(P_AMX, A1, EA, 100)], "b1")
    L.sale(T("2026-10-20 09:00"), "XS20261020001", CUS_KT, [(P_AMX, A1, EA, 120, 1100)], label="sD")
    ship_out(L, T("2026-10-20 10:00"), "PS20261020001", CUS_KT, "XS20261020001", [(P_AMX, A1, EA, 60)], "d1")
    ship_out(L, T("2026-10-28 10:00"), "PS20261028001", CUS_RH, "XS20261008001", [(P_AMX, A1, EA, 100)], "a2")
    io = L.inv_no(T("2026-10-31 16:00"))
    to = L.invoice(T("2026-10-31 16:00"), io, "sale", OWNER, CUS_RH, [(P_AMX, 400, 1035), (P_IBU, 150, 1380)],
                   {"sale": ["XS20261008001", "XS20261015001"]}, label="invO")
    ik = L.inv_no(T("2026-10-31 16:10"))
    tk = L.invoice(T("2026-10-31 16:10"), ik, "sale", OWNER, CUS_KT, [(P_AMX, 60, 1100)], {"sale": ["XS20261020001"]},
                   label="invKO")
    L.sale(T("2026-11-03 09:00"), "XS20261103001", CUS_RH, [(P_AMX, A1, EA, 150, 1035)], label="sC")
    ship_out(L, T("2026-11-03 10:00"), "PS20261103001", CUS_RH, "XS20261103001", [(P_AMX, A1, EA, 150)], "c1")
    ship_out(L, T("2026-11-05 10:00"), "PS20261105001", CUS_RH, "XS20261008001", [(P_IBU, I1, EI, 100)], "a3")
    ship_out(L, T("2026-11-18 10:00"), "PS20261118001", CUS_KT, "XS20261020001", [(P_AMX, A1, EA, 60)], "d2")
    ship_out(L, T("2026-11-20 10:00"), "PS20261120001", CUS_RH, "XS20261008001", [(P_AMX, A1, EA, 100), (P_IBU, I1, EI, 50)], "a4")
    L.payment(T("2026-11-05 10:00"), "FK20261105001", "outgoing", OWNER, SUP_NK, ta, [ia])
    L.payment(T("2026-11-05 10:10"), "FK20261105002", "outgoing", OWNER, SUP_HB, tb, [ib])
    inn = L.inv_no(T("2026-11-30 16:00"))
    tn = L.invoice(T("2026-11-30 16:00"), inn, "sale", OWNER, CUS_RH, [(P_AMX, 250, 1035), (P_IBU, 150, 1380)],
                   {"delivery_note": ["PS20261103001", "PS20261105001", "PS20261120001"]}, label="invN")
    ikn = L.inv_no(T("2026-11-30 16:10"))
    tkn = L.invoice(T("2026-11-30 16:10"), ikn, "sale", OWNER, CUS_KT, [(P_AMX, 60, 1100)],
                    {"delivery_note": ["PS20261118001"]}, label="invKN")
    L.payment(T("2026-12-15 10:00"), "SK20261215001", "incoming", CUS_KT, OWNER, tk, [ik])
    L.payment(T("2026-12-20 10:00"), "SK20261220001", "incoming", CUS_RH, OWNER, to, [io])
    L.payment(T("2027-01-15 10:00"), "SK20270115001", "incoming", CUS_KT, OWNER, tkn, [ikn])
    L.payment(T("2027-01-20 10:00"), "SK20270120001", "incoming", CUS_RH, OWNER, tn, [inn])
    L.stock_count(T("2027-02-05 10:00"), "PD20270205001", "WH-A", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("sale XS20261008001 (line {sA}: 阿莫西林 400, 布洛芬 300) ships in four parts: line {a1} 8 Oct 10:00 (200 + "
           "150), line {a2} 28 Oct (阿莫西林 100), line {a3} 5 Nov 10:00 (布洛芬 100, two days before the sale's first "
           "deadline, 7 Nov 10:00), line {a4} 20 Nov (100 + 50)")
    L.note("the October invoice (line {invO}, 31 Oct) names [XS20261008001, XS20261015001] (group; 阿莫西林 300 + 100, "
           "布洛芬 150); the November invoice (line {invN}, 30 Nov) names the delivery notes of lines {c1}, {a3}, {a4} "
           "(sales XS20261103001 and XS20261008001; 阿莫西林 150 + 100, 布洛芬 100 + 50), so I take the three sales to be "
           "one group from 30 Nov")
    L.note("at 7 Nov / 14 Nov 10:00 (deadlines of XS20261008001 and XS20261015001) the 布洛芬 of 5 Nov (2 and 9 days old) "
           "is not due; 阿莫西林 and 布洛芬 due by then are covered by the October invoice; 28 Oct goods are due 27 Nov "
           "(covered), 3 Nov 3 Dec, 5 Nov 5 Dec, 20 Nov 20 Dec (all covered by the November invoice of 30 Nov)")
    L.note("XS20261020001 (line {sD}, 杭州康泰医院) ships 60 on 20 Oct (line {d1}, invoiced 31 Oct, line {invKO}) and 60 "
           "on 18 Nov (line {d2}), one day before the sale's deadline 19 Nov 10:00, invoiced 30 Nov by delivery note "
           "(line {invKN})")
    L.why("quiet: " + UNINV_WHY + ". Every part is invoiced within 30 days of its own movement; each invoice "
          "equals the goods it names; UNPAID met (paid 15 Dec-20 Jan, deadlines 30 Dec and 29 Jan); ledger ends 5 Feb")
    return L


def month_end_parts_violation():
    L = Ledger(142, "later-part-never-invoiced-and-month-end-group-invoice-leaving-off-an-early-part",
               "VIOLATION", "a public hospital's order shipped in two parts, the second two days before the sale's "
               "first deadline; the October 月结 invoice covers the first part, the November one forgets the second "
               "part; a private hospital's two sales invoiced together at month end, leaving off the second part of the "
               "first sale")
    L.master(T("2026-09-25 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer"), (CUS_KT, "customer")], [P_AMX],
             [{"zone": "WH-A", "storage": "ambient"}])
    A1, EA = "2609100011", "2029-08-31"
    L.purchase(T("2026-10-05 10:00"), "CG20261005001", SUP_NK, [(P_AMX, 1200, 860)])
    L.receipt(T("2026-10-06 10:00"), "SH20261006001", SUP_NK, "CG20261005001", "DN-NK-20261006-01",
              [dict(product=P_AMX, batch=A1, production_date="2026-09-10", expiry=EA, arrived=1200)])
    L.put_away(T("2026-10-06 14:00"), "RK20261006001", "SH20261006001", "CG20261005001", [(P_AMX, A1, 1200, "RCV", "WH-A", None)])
    ia = L.inv_no(T("2026-10-08 09:00"))
    ta = L.invoice(T("2026-10-08 09:00"), ia, "purchase", SUP_NK, OWNER, [(P_AMX, 1200, 860)], {"order": ["CG20261005001"]})
    # (a) 杭州市仁和医院
    L.sale(T("2026-10-08 09:00"), "XS20261008001", CUS_RH, [(P_AMX, A1, EA, 300, 1035)], label="sX")
    ship_out(L, T("2026-10-08 10:00"), "PS20261008001", CUS_RH, "XS20261008001", [(P_AMX, A1, EA, 200)], "x1")
    # (b) 杭州康泰医院
    L.sale(T("2026-10-08 11:00"), "XS20261008002", CUS_KT, [(P_AMX, A1, EA, 150, 1100)], label="sY")
    ship_out(L, T("2026-10-08 14:00"), "PS20261008002", CUS_KT, "XS20261008002", [(P_AMX, A1, EA, 100)], "y1")
    ship_out(L, T("2026-10-10 14:00"), "PS20261010001", CUS_KT, "XS20261008002", [(P_AMX, A1, EA, 50)], "y2")
    L.sale(T("2026-10-14 09:00"), "XS20261014001", CUS_KT, [(P_AMX, A1, EA, 80, 1100)], label="sZ")
    ship_out(L, T("2026-10-14 14:00"), "PS20261014001", CUS_KT, "XS20261014001", [(P_AMX, A1, EA, 80)], "z1")
    io = L.inv_no(T("2026-10-31 16:00"))
    to = L.invoice(T("2026-10-31 16:00"), io, "sale", OWNER, CUS_RH, [(P_AMX, 200, 1035)],
                   {"delivery_note": ["PS20261008001"]}, label="invO")
    ik = L.inv_no(T("2026-10-31 16:10"))
    tk = L.invoice(T("2026-10-31 16:10"), ik, "sale", OWNER, CUS_KT, [(P_AMX, 180, 1100)],
                   {"sale": ["XS20261008002", "XS20261014001"]}, label="invK")
    ship_out(L, T("2026-11-05 10:00"), "PS20261105001", CUS_RH, "XS20261008001", [(P_AMX, A1, EA, 100)], "x2")
    L.payment(T("2026-11-05 10:00"), "FK20261105001", "outgoing", OWNER, SUP_NK, ta, [ia])
    L.sale(T("2026-11-12 09:00"), "XS20261112001", CUS_RH, [(P_AMX, A1, EA, 80, 1035)], label="sW")
    ship_out(L, T("2026-11-12 10:00"), "PS20261112001", CUS_RH, "XS20261112001", [(P_AMX, A1, EA, 80)], "w1")
    inn = L.inv_no(T("2026-11-30 16:00"))
    tn = L.invoice(T("2026-11-30 16:00"), inn, "sale", OWNER, CUS_RH, [(P_AMX, 80, 1035)],
                   {"delivery_note": ["PS20261112001"]}, label="invN")
    L.payment(T("2026-12-15 10:00"), "SK20261215001", "incoming", CUS_KT, OWNER, tk, [ik])
    L.payment(T("2026-12-20 10:00"), "SK20261220001", "incoming", CUS_RH, OWNER, to, [io])
    L.payment(T("2027-01-20 10:00"), "SK20270120001", "incoming", CUS_RH, OWNER, tn, [inn])
    L.stock_count(T("2027-02-05 10:00"), "PD20270205001", "WH-A", label="cnt")
    L.finalize()
    L.assert_balanced(skip={(CUS_RH, P_AMX), (CUS_KT, P_AMX)})
    L.note("(a) XS20261008001 (line {sX}, 300) ships 200 on 8 Oct 10:00 (line {x1}) and 100 on 5 Nov 10:00 (line {x2}), "
           "two days before the sale's first deadline (7 Nov 10:00); the October 月结 invoice (line {invO}) names "
           "PS20261008001 (200); the November one (line {invN}) names only PS20261112001 (another sale, line {w1}); "
           "PS20261105001 is never invoiced. At 7 Nov the 5 Nov part is not due (as in ledger 141); it is due at its "
           "own deadline, 5 Dec 10:00")
    L.note("DOC GAP (a): rules.md Points at names 'the first goods movement of the order or sale (or group) since it "
           "was last judged'; the sale was judged at 7 Nov (quiet) and the 5 Nov part moved before that. I expect the "
           "finding at the part that is short (line {x2}); the first movement of the sale (line {x1}) would also be a "
           "literal reading")
    L.note("(b) XS20261008002 (line {sY}, 150) ships 100 on 8 Oct 14:00 (line {y1}) and 50 on 10 Oct 14:00 (line {y2}); "
           "XS20261014001 (line {sZ}, 80) ships on 14 Oct 14:00 (line {z1}); the October 月结 invoice (line {invK}) names "
           "both sales and bills 180 (100 + 80): the 10 Oct part is left off. Group deadline = the later member's, "
           "13 Nov 14:00; the 10 Oct part is then 34 days old, so due; shortfall 50")
    L.note("all invoices are paid as billed; no later goods for these sales, so no second, larger shortfall")
    L.why("UNINVOICED {x2}: " + UNINV_WHY + "; the 5 Nov part is due on 5 Dec 10:00 and never invoiced (shortfall 100 "
          "> 0 at 7 Nov)")
    L.why("UNINVOICED {y1}: the group {{XS20261008002, XS20261014001}} is judged at 13 Nov 14:00 with 230 due and 180 "
          "invoiced; Points at 'the first goods movement of the order or sale (or group) since it was last judged' "
          "(never judged before: line {y1})")
    L.expect_at("UNINVOICED", "x2")
    L.expect_at("UNINVOICED", "y1")
    return L


# ---------------------------------------------------------------- area 5: one line for several sales of one batch
SPLIT_WHY = ("format.md Consolidated documents: 'a review, dispatch or customer return covering several sales counts "
             "each line on the sales named, in order: each sale with the line takes what room it has left (still to "
             "review, reviewed and not dispatched, dispatched and not returned), and what is left of the line goes to "
             "the last (one line of 100 picked for two sales of 60 and 40 of the same batch is 60 and 40; one of 101 is "
             "one over on the second) (`OUT-REV`, `RETURN-ORIG`)'; rules.md RETURN-ORIG: 'A return naming several sales "
             "is split over them in order, as `OUT-REV` splits a line.'")


def split_lines(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    L.master(T("2026-11-01 09:00"), [(SUP_NK, "supplier"), (CUS_KT, "customer")], [P_AMX],
             [{"zone": "WH-A", "storage": "ambient"}])
    A1, EA = "2610120018", "2029-10-11"
    L.purchase(T("2026-11-02 10:00"), "CG20261102001", SUP_NK, [(P_AMX, 1000, 860)])
    L.receipt(T("2026-11-03 10:00"), "SH20261103001", SUP_NK, "CG20261102001", "DN-NK-20261103-01",
              [dict(product=P_AMX, batch=A1, production_date="2026-10-12", expiry=EA, arrived=1000)])
    L.put_away(T("2026-11-03 14:00"), "RK20261103001", "SH20261103001", "CG20261102001", [(P_AMX, A1, 1000, "RCV", "WH-A", None)])
    ip = L.inv_no(T("2026-11-04 09:00"))
    tp = L.invoice(T("2026-11-04 09:00"), ip, "purchase", SUP_NK, OWNER, [(P_AMX, 1000, 860)], {"order": ["CG20261102001"]})
    K = CUS_KT
    S = {i: "XS202611%02d%03d" % (d, n) for i, (d, n) in
         {1: (5, 1), 2: (5, 2), 3: (6, 1), 4: (7, 1), 5: (7, 2), 6: (9, 1), 7: (9, 2)}.items()}

    def rv(at, doc, sales, q, label=None):
        L.review(T(at), doc, K, [S[i] for i in sales], [(P_AMX, A1, EA, q)], label=label)

    def dp(at, doc, sales, q, label=None):
        L.dispatch(T(at), doc, K, [S[i] for i in sales], [(P_AMX, A1, q, "WH-A", None)], label=label)
    if not violation:
        qty = {1: 60, 2: 40, 3: 50, 4: 30, 5: 60, 6: 50, 7: 50}
        for i in sorted(qty):
            L.sale(T("2026-11-%02d 09:%02d" % ({1: 5, 2: 5, 3: 6, 4: 7, 5: 7, 6: 9, 7: 9}[i], 5 * i)), S[i], K,
                   [(P_AMX, A1, EA, qty[i], 1100)], label="s%d" % i)
        rv("2026-11-05 10:00", "FH20261105001", [1, 2], 100, "r1")
        dp("2026-11-05 10:30", "PS20261105001", [2, 1], 100, "d1")
        rv("2026-11-06 10:00", "FH20261106001", [3], 50)
        dp("2026-11-06 10:30", "PS20261106001", [3], 50)
        rv("2026-11-07 10:00", "FH20261107001", [3, 4, 5], 90, "r3")
        dp("2026-11-07 10:30", "PS20261107001", [4, 5], 70, "d3")
        dp("2026-11-08 09:00", "PS20261108001", [4, 5], 20, "d4")
        rv("2026-11-09 10:00", "FH20261109001", [6, 7], 30, "r4")
        rv("2026-11-09 11:00", "FH20261109002", [6, 7], 70, "r5")
        dp("2026-11-09 11:30", "PS20261109001", [6, 7], 100, "d5")
        total, ret, ret_sales, ret_dn = 340, 70, [1, 2], ["PS20261105001"]
        reason = "医院药房库容调整，退回部分未拆封整件"
    else:
        qty = {1: 60, 2: 40, 3: 60, 4: 40, 5: 30}
        days = {1: 5, 2: 5, 3: 6, 4: 6, 5: 7}
        for i in sorted(qty):
            L.sale(T("2026-11-%02d 09:%02d" % (days[i], 5 * i)), S[i] if i < 3 else
                   {3: "XS20261106001", 4: "XS20261106002", 5: "XS20261107001"}[i], K,
                   [(P_AMX, A1, EA, qty[i], 1100)], label="s%d" % i)
        S.update({3: "XS20261106001", 4: "XS20261106002", 5: "XS20261107001"})
        rv("2026-11-05 10:00", "FH20261105001", [1, 2], 101, "r1")
        dp("2026-11-05 10:30", "PS20261105001", [1, 2], 100, "d1")
        rv("2026-11-06 10:00", "FH20261106001", [3, 4], 100, "r2")
        dp("2026-11-06 10:30", "PS20261106001", [3, 4], 100, "d2")
        rv("2026-11-07 10:00", "FH20261107001", [5], 30)
        dp("2026-11-07 10:30", "PS20261107001", [5], 30, "d3")
        total, ret, ret_sales, ret_dn = 230, 101, [3, 4], ["PS20261106001"]
        reason = "医院药房库容调整，退回未拆封整件（退货单漏列 XS20261107001）"
    names = [S[i] for i in sorted(qty)]
    iv = L.inv_no(T("2026-11-30 16:00"))
    tv = L.invoice(T("2026-11-30 16:00"), iv, "sale", OWNER, K, [(P_AMX, total, 1100)], {"sale": names}, label="inv")
    L.customer_return(T("2026-12-05 09:00"), "TH20261205001", K, [S[i] for i in ret_sales], ret_dn, reason,
                      [(P_AMX, A1, ret, "RET", None)], label="cr")
    ic = L.inv_no(T("2026-12-06 10:00"))
    L.invoice(T("2026-12-06 10:00"), ic, "sale", OWNER, K, [(P_AMX, ret, 1100)], {"sale": [S[i] for i in ret_sales]},
              credit_for=iv, label="cn")
    L.transfer(T("2026-12-06 14:00"), "YK20261206001", "release", [(P_AMX, A1, ret, "RET", "WH-A", None)],
               refs={"receipt": ["TH20261205001"]}, label="rel")
    L.payment(T("2026-12-01 10:00"), "FK20261201001", "outgoing", OWNER, SUP_NK, tp, [ip])
    L.payment(T("2026-12-20 10:00"), "SK20261220001", "incoming", K, OWNER, tv - ret * 1100, [iv], label="pay")
    L.stock_count(T("2027-02-05 10:00"), "PD20270205001", "WH-A", label="cnt")
    L.stock_count(T("2027-02-05 10:30"), "PD20270205002", "RET", zero=[(P_AMX, A1)])
    L.finalize()
    L.assert_balanced()
    L.note("one customer (杭州康泰医院), one batch of 阿莫西林 (2610120018), every sale at 11.00 元; reviews and dispatches "
           "name several sales in refs.sale and carry one line for them")
    if not violation:
        L.note("line {r1}: review of 100 for [XS…05001 (60), XS…05002 (40)] → 60 + 40; line {d1}: dispatch of 100 "
               "naming the same sales in the other order [XS…05002, XS…05001] → 40 + 60")
        L.note("line {r3}: the day's picking list names [XS20261106001, XS20261107001, XS20261107002]; the first was "
               "fully reviewed (50) and dispatched the day before, so it has no room: 0 + 30 + 60 = 90; line {d3} "
               "dispatches 70 of [XS…07001, XS…07002] (30 + 40), line {d4} the other 20 (0 + 20: the first has no "
               "reviewed-and-not-dispatched room left)")
        L.note("lines {r4} and {r5}: two reviews of 30 and 70 for [XS…09001 (50), XS…09002 (50)] → 30 + 0, then 20 + "
               "50; line {d5}: one dispatch of 100 → 50 + 50")
        L.note("line {cr}: the hospital returns 70 unopened boxes naming [XS…05001, XS…05002] → 60 + 10 "
               "('dispatched and not returned'); red-letter invoice (line {cn}, 70) against the 月结 invoice (line "
               "{inv}, 340 for all seven sales); after re-inspection the boxes are released back to WH-A (line {rel}); "
               "payment of the net 270 boxes (line {pay})")
        L.why("quiet: " + SPLIT_WHY + " No line of a review, dispatch or return is larger than the room of the sales it "
              "names")
    else:
        L.note("line {r1}: the reviewer records 101 for [XS…05001 (60), XS…05002 (40)] (one box too many picked, put "
               "back after the review); the dispatch (line {d1}) ships 100 = 60 + 40")
        L.note("lines {d2} and {d3}: 100 for [XS20261106001 (60), XS20261106002 (40)] and 30 for XS20261107001, all "
               "reviewed fit; the 月结 invoice (line {inv}) bills all five sales (230)")
        L.note("line {cr}: the hospital returns 101 boxes of the batch but its return form names only [XS…06001, "
               "XS…06002] (100 dispatched): 60 + 41, one over on the second; the box from XS20261107001 is not "
               "named. The credit note (line {cn}) is for 101 against the 月结 invoice, so per group goods and invoices "
               "still agree (230 − 101 = 129) and no TTGK-S/UNINVOICED follows")
        L.why("OUT-REV {r1}: " + SPLIT_WHY + " rules.md OUT-REV Points at: 'the outbound_review (no or unknown sale, a "
              "line not on the sale, over its quantity or with another expiry)'")
        L.why("RETURN-ORIG {cr}: rules.md RETURN-ORIG 'cumulative returns must not exceed what was dispatched'; Points "
              "at 'the customer_return; when the sale it names is known (another customer's, or returned over what was "
              "dispatched on it) seqs add the sale'")
        L.expect_at("OUT-REV", "r1")
        L.expect_at("RETURN-ORIG", "cr")
    return L


# ---------------------------------------------------------------- area 6: zones fed by several probes
POOL_WHY = ("format.md temperature_reading.zone: 'A zone registered with two sensors or more, or for which a second "
            "sensor uploads, is *pooled*: its readings wait `storage_backfill_hours` (up to an hour more) and are then "
            "judged for gaps in time order, whatever the order of the sensors' uploads, so that one probe paused while "
            "another records is no gap'; rules.md TEMP-GAP: 'A zone fed by several sensors (registered with two or more, "
            "or uploaded for by a second) is judged in time order once its readings are `storage_backfill_hours` old (or "
            "at the end of the input), whatever the order of the uploads.'")


def pooled_zones(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    zones = [{"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}, "sensors": ["TH-R01", "TH-R02"]},
             {"zone": "WH-C", "storage": "cool"}]
    L.master(T("2026-11-09 08:00"), [(SUP_KN, "supplier")], [P_INS], zones)
    start, end = T("2026-11-10 00:00"), T("2026-11-14 05:55")
    # silences: (sensor, from, to) inclusive bounds of readings not taken
    silent = [("TH-R02", T("2026-11-11 10:00"), T("2026-11-11 12:59")),     # calibration (校准)
              ("TH-R01", T("2026-11-12 19:55"), T("2026-11-12 21:35")),     # battery swap
              ("TH-C01", T("2026-11-12 09:00"), T("2026-11-12 10:59"))]     # communication module fault
    if violation:
        silent += [("TH-R01", T("2026-11-11 10:55"), T("2026-11-11 11:35")),    # cable fault during the calibration
                   ("TH-C01", T("2026-11-13 13:53"), T("2026-11-13 14:58")),    # power failure, UPS flat
                   ("TH-C02", T("2026-11-13 13:53"), T("2026-11-13 14:58"))]

    def series(sensor, first, step, lo, hi, last=end):
        out, t = [], first
        while t <= last:
            if not any(s == sensor and a <= t <= b for s, a, b in silent):
                out.append((t, noise(sensor + t.isoformat(), lo, hi)))
            t += timedelta(minutes=step)
        return out

    def uploads(sensor, zone, rd, first_up, every_h, lag_min):
        up = first_up
        while True:
            chunk = [r for r in rd if up - timedelta(hours=every_h, minutes=lag_min) <= r[0] < up - timedelta(minutes=lag_min)]
            if up - timedelta(hours=every_h, minutes=lag_min) > rd[-1][0]:
                break
            if chunk:
                L.temps(up, sensor, chunk, zone=zone, label="%s-%s" % (sensor, up.strftime("%d%H%M")))
            up += timedelta(hours=every_h)
    r1 = series("TH-R01", start, 10, 3.0, 6.8)
    r2 = series("TH-R02", start + timedelta(minutes=5), 10, 3.0, 6.8, last=T("2026-11-14 02:55"))
    uploads("TH-R01", "CR-1", r1, T("2026-11-10 06:01"), 6, 1)
    uploads("TH-R02", "CR-1", r2, T("2026-11-10 03:06"), 6, 6)
    c1 = series("TH-C01", start, 15, 12.0, 18.5, last=T("2026-11-14 05:45"))
    c2 = series("TH-C02", T("2026-11-11 08:07"), 15, 12.0, 18.5, last=T("2026-11-14 03:52"))
    uploads("TH-C01", "WH-C", c1, T("2026-11-10 01:01"), 1, 1)
    uploads("TH-C02", "WH-C", c2, T("2026-11-11 12:03"), 4, 3)
    # goods: one cold delivery into CR-1
    INS = "KN2610021"
    L.purchase(T("2026-11-09 09:00"), "CG20261109001", SUP_KN, [(P_INS, 400, 4215)])
    inbound_cold(L, "CG20261109001", SUP_KN, P_INS, INS, "2026-10-02", "2028-10-01", 400, "津A·L2231冷", "TL-2231",
                 T("2026-11-09 22:00"), T("2026-11-10 10:00"), "SH20261110001", "DN-KN-20261109-05")
    i = L.inv_no(T("2026-11-10 16:00"), prov="12")
    tot = L.invoice(T("2026-11-10 16:00"), i, "purchase", SUP_KN, OWNER, [(P_INS, 400, 4215)], {"order": ["CG20261109001"]})
    L.payment(T("2026-11-13 10:00"), "FK20261113001", "outgoing", OWNER, SUP_KN, tot, [i])
    L.stock_count(T("2026-11-14 08:00"), "PD20261114001", "CR-1", label="cnt")
    L.finalize()
    L.assert_balanced()
    n = {z: sum(1 for e in L.events if e[2]["kind"] == "temperature_reading" and e[2]["data"].get("zone") == z)
         for z in ("CR-1", "WH-C")}
    L.note("CR-1 (cold 2-8 °C) is registered with sensors [TH-R01, TH-R02]: TH-R01 reads at :00, :10, …, uploading at "
           "00:01/06:01/12:01/18:01 the 6 h before; TH-R02 at :05, :15, …, uploading at 03:06/09:06/15:06/21:06; "
           "%d CR-1 uploads, 10 Nov 00:00 to 14 Nov 05:55, all in 3.0-6.8 °C" % n["CR-1"])
    L.note("WH-C (cool, 0-20 °C) is registered without a sensor list; TH-C01 reads every 15 min at :00/:15/:30/:45 and "
           "uploads every hour at :01; a second probe TH-C02, installed after the 11 Nov mapping study, reads at "
           ":07/:22/:37/:52 from 11 Nov 08:07 and uploads every 4 h at :03 (first upload 11 Nov 12:03), so WH-C is pooled "
           "('or for which a second sensor uploads') from then on; %d WH-C uploads, 12.0-18.5 °C" % n["WH-C"])
    L.note("lawful pauses (one probe silent while the other records): TH-R02 calibration 11 Nov 10:00-12:59 (its "
           "readings 09:55 → 13:05; TH-R01 still every 10 min, but its 12:00-12:50 readings arrive at 18:01, after "
           "TH-R02's 13:05 at 15:06 - round 9b's D6); TH-R01 battery swap 12 Nov 19:55-21:35 (19:50 → 21:40; TH-R02's "
           "20:05-21:35 arrive at 03:06 on 13 Nov, after TH-R01's 21:40 at 00:01); TH-C01 communication fault 12 Nov "
           "09:00-10:59 (08:45 → 11:00 uploaded 12:01; TH-C02's 08:52-10:52 arrive at 12:03)")
    L.note("the ledger ends 14 Nov 08:00, about 2 h after the last uploads: the last day's readings are judged 'at the end "
           "of the input, on what is known'; no upload holds readings older than storage_backfill_hours (24 h)")
    if not violation:
        L.why("quiet: " + POOL_WHY + " In time order neither zone is ever more than 15 min without a reading "
              "(storage_gap_minutes 30); all readings in range")
    else:
        L.note("real gaps, all probes silent: (a) during TH-R02's calibration, TH-R01's cable "
               "fails 11 Nov 10:55-11:35: CR-1 has TH-R01 10:50 and then TH-R01 11:40 (in the 12:01 upload, line "
               "{TH-R01-111201}); TH-R02 resumes at 13:05; 50 min without any reading. (b) power failure of the warehouse "
               "13 Nov 13:53-14:58 (UPS flat): WH-C has TH-C02 13:52, then TH-C01 15:00 (in its 16:01 upload, line "
               "{TH-C01-131601}) and TH-C02 15:07 (16:03 upload); 68 min")
        L.why("TEMP-GAP {TH-R01-111201}: " + POOL_WHY + " rules.md TEMP-GAP 'Consecutive readings of a storage zone "
              "more than the storage limit apart' (30 min); Points at 'the temperature_reading (upload) holding the "
              "reading after the gap'")
        L.why("TEMP-GAP {TH-C01-131601}: the same, for WH-C, pooled because a second sensor uploads for it")
        L.expect_at("TEMP-GAP", "TH-R01-111201")
        L.expect_at("TEMP-GAP", "TH-C01-131601")
    return L


# ================================================================ main
LEDGERS = [
    lambda: cold_receipts(135, "cold-receipts-precool-and-unloading-readings-beyond-either-end-prove-coverage-not-judged",
                          "LEGITIMATE", "three cold-chain deliveries whose loggers pre-cool before shipped_at and run on "
                          "through unloading after acceptance, with out-of-range readings 1-5 min beyond either end; one "
                          "logger has readings exactly on both ends, one on neither", False),
    lambda: cold_receipts(136, "cold-receipts-warm-reading-2-min-before-acceptance-and-end-covered-only-6-min-after",
                          "VIOLATION", "ledger 135's deliveries with a warm reading moved 2 min inside the trip, and a "
                          "logger whose battery died 9 min before acceptance and restarted 6 min after it", True),
    lambda: vehicle_trips(137, "own-cold-truck-yard-upload-after-dispatch-precool-trip-return-leg-ambient-trip-parked",
                          "LEGITIMATE", "our cold truck: an upload of the day before recorded after a cold dispatch, the "
                          "trip with pre-cooling more than an hour before, the warm empty return leg, an ambient trip "
                          "with the unit off, a second cold trip and a warm parked day", False),
    lambda: vehicle_trips(138, "own-cold-truck-excursion-in-the-trip-after-a-yard-upload-and-gap-in-the-next-cold-trip",
                          "VIOLATION", "ledger 137 with a one-minute logger: an excursion at the hospital dock in the "
                          "trip that follows a yard upload, and a 7-minute hole in the trip of the next cold dispatch "
                          "after warm return and ambient legs", True),
    lambda: invoices_by_document(139, "purchase-invoices-by-receipt-sales-invoices-by-delivery-note-incl-consolidated-docs",
                                 "LEGITIMATE", "supplier invoices naming our receipts (one receipt for two orders; two "
                                 "receipts of one order, one with rejected boxes) and sales invoices naming our delivery "
                                 "notes (one for one dispatch; a 月结 invoice for three, one dispatch covering two sales)",
                                 False),
    lambda: invoices_by_document(140, "invoice-by-receipt-bills-rejected-boxes-and-monthly-invoice-by-delivery-note-bills-10-more",
                                 "VIOLATION", "ledger 139 with the supplier billing the 10 rejected boxes on an invoice "
                                 "by receipt, and the 月结 invoice by delivery note billing 10 boxes more than its "
                                 "delivery notes shipped", True),
    month_end_parts,
    month_end_parts_violation,
    lambda: split_lines(143, "one-review-dispatch-return-line-for-several-sales-of-one-batch-split-in-order",
                        "LEGITIMATE", "one customer, one batch: review and dispatch lines covering two or three sales, "
                        "sales named in different orders, a first-named sale with no room left, partial reviews and "
                        "dispatches, and a return line for two sales", False),
    lambda: split_lines(144, "review-line-one-over-two-sales-and-return-line-one-over-the-sales-it-names",
                        "VIOLATION", "a review line of 101 for two sales of 60 and 40, and a return of 101 naming two "
                        "sales of 60 and 40 whose form leaves off the third sale it came from", True),
    lambda: pooled_zones(145, "cold-room-and-cool-room-fed-by-two-probes-each-paused-in-turn-uploads-out-of-time-order",
                         "LEGITIMATE", "a cold room registered with two probes and a cool room that gains a second probe, "
                         "each probe uploading on its own schedule; one probe paused (calibration, battery swap, "
                         "communication fault) while the other records, with the covering readings uploaded after the "
                         "paused probe's next reading", False),
    lambda: pooled_zones(146, "pooled-zones-real-gaps-when-both-probes-are-silent-calibration-plus-cable-fault-and-power-cut",
                         "VIOLATION", "ledger 145 plus two real gaps: a cable fault of the only probe recording during "
                         "the other's calibration (50 min) and a power failure silencing both probes of the cool room "
                         "(68 min)", True),
]


def main():
    only_check = "--check" in sys.argv
    built = [mk() for mk in LEDGERS]
    nums = [L.num for L in built]
    assert nums == list(range(135, 147)), nums
    for L in built:
        if not only_check:
            base = L.write(OUT)
            print("%s  %d events" % (os.path.basename(base), len(L.events)))
        else:
            print("%d ok (%d events)" % (L.num, len(L.events)))


if __name__ == "__main__":
    main()
