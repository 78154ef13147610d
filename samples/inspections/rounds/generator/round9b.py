#!/usr/bin/env python3
"""Round 9b inspection ledgers 123-134: lawful but unusual business that a naive checker might
flag (plus two control ledgers with planted violations).

Written from README.md, docs/ and the earlier rounds' ledgers/reports only. Deterministic: no
clock, no randomness (temperature noise is a hash of the sensor and the instant).

    python3 generator/round9b.py            # writes NN-name.jsonl / NN-name.expected into out9b/
    python3 generator/round9b.py --check    # only the self-checks, writes nothing
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
                        refs={"sale": [sale], "delivery_note": [dn]}, by=["销售-陈静", "验收-张伟"], label=label, **kw)

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
            h = hashlib.sha256(("r9b-%d-%s-%d" % (self.num, self.name, i)).encode()).digest()
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
def year_end(num, name, kind, title, control):
    """123 (legitimate) and its control 132: the same year-end night, written with every accepted
    spelling of an instant; in 132 the supplier's and the customer's licences lapse at local midnight."""
    L = Ledger(num, name, kind, title)
    nk = dict(licence=LIC("浙20000123", "drug_manufacturing", "2022-01-01", "2026-12-31")) if control else {}
    at = T("2026-12-01 09:00")
    L.party(at, OWNER, "self")
    L.party(at + timedelta(minutes=2), SUP_NK, "supplier", **nk)
    L.party(at + timedelta(minutes=4), RC_KN, "customer")
    if not control:
        L.party(at + timedelta(minutes=6), RC_HM, "customer", label="hm")
    L.add("product_registered", at + timedelta(minutes=8), dict(product=P_AMX, **PRODUCTS[P_AMX]), by=["质管-周敏"])
    L.add("zone_registered", at + timedelta(minutes=10), {"zone": "WH-A", "storage": "ambient"}, by=["质管-周敏"])
    if not control:
        L.add("licence_changed", T("2026-12-20 10:00"), {
            "party": RC_KN, "licence": LIC("浙CA5710088", "drug_retail", "2027-01-01", "2031-12-31"),
            "reason": "药品经营许可证到期换证（有效期至 2026-12-31，新证自 2027-01-01 起）"}, by=["质管-周敏"], label="renew")
    b1 = "2612150021"
    L.purchase(T("2026-12-28 10:00"), "CG20261228001", SUP_NK, [(P_AMX, 1000, 860)], sp="z")
    if control:
        L.purchase(T("2026-12-29 10:00"), "CG20261229001", SUP_NK, [(P_AMX, 500, 860)], label="po2")
    L.receipt(T("2026-12-31 22:30"), "SH20261231001", SUP_NK, "CG20261228001", "DN-NK-20261231-07",
              [dict(product=P_AMX, batch=b1, production_date="2026-12-15", expiry="2029-11", arrived=1000)], sp="z")
    L.put_away(T("2026-12-31 23:10"), "RK20261231001", "SH20261231001", "CG20261228001",
               [(P_AMX, b1, 1000, "RCV", "WH-A", None)], sp="space")
    if control:
        b2 = "2612200045"
        L.receipt(T("2027-01-01 00:20"), "SH20270101001", SUP_NK, "CG20261229001", "DN-NK-20261231-09",
                  [dict(product=P_AMX, batch=b2, production_date="2026-12-20", expiry="2029-11", arrived=500)],
                  sp="z", label="rc2")
        L.put_away(T("2027-01-01 00:45"), "RK20270101001", "SH20270101001", "CG20261229001",
                   [(P_AMX, b2, 500, "RCV", "WH-A", None)], sp="z")
    # the last sale of the year: 23:58:30 Beijing = 15:58:30 UTC, written with lower-case t and z
    L.sale(T("2026-12-31 23:58:30"), "XS20261231001", RC_KN, [(P_AMX, b1, "2029-11-30", 300, 1035)],
           sp="lz", esp="cst", entered=T("2027-01-01 00:01"), label="s1")
    i1 = L.inv_no(T("2026-12-31 23:59"))
    t1 = L.invoice(T("2026-12-31 23:59"), i1, "sale", OWNER, RC_KN, [(P_AMX, 300, 1035)],
                   {"sale": ["XS20261231001"]}, issued_on="2026-12-31", sp="compact", label="inv1")
    L.stock_count(T("2026-12-31 23:59:59.999"), "PD20261231001", "WH-A", entered=T("2027-01-01 00:20"), label="cnt1")
    L.review(T("2027-01-01 00:02"), "FH20270101001", RC_KN, "XS20261231001", [(P_AMX, b1, "2029-11-30", 300)], sp="z")
    L.dispatch(T("2027-01-01 00:03"), "PS20270101001", RC_KN, "XS20261231001", [(P_AMX, b1, 300, "WH-A", None)],
               sp="z", label="d1")
    cust2 = RC_KN if control else RC_HM
    L.sale(T("2027-01-01 00:05"), "XS20270101001", cust2, [(P_AMX, b1, "2029-11", 200, 1080)], sp="z", label="s2")
    L.review(T("2027-01-01 00:10"), "FH20270101002", cust2, "XS20270101001", [(P_AMX, b1, "2029-11", 200)], sp="compact")
    L.dispatch(T("2027-01-01 00:40"), "PS20270101002", cust2, "XS20270101001", [(P_AMX, b1, 200, "WH-A", None)], sp="lz")
    i2 = L.inv_no(T("2027-01-01 00:50"))
    t2 = L.invoice(T("2027-01-01 00:50"), i2, "sale", OWNER, cust2, [(P_AMX, 200, 1080)], {"sale": ["XS20270101001"]},
                   issued_on="2027-01-01", sp="z", label="inv2")
    ip = L.inv_no(T("2026-12-31 20:00"))
    tp = L.invoice(T("2027-01-04 09:30"), ip, "purchase", SUP_NK, OWNER, [(P_AMX, 1000, 860)],
                   {"order": ["CG20261228001"]}, issued_on="2026-12-31")
    L.payment(T("2027-01-15 10:00"), "FK20270115001", "outgoing", OWNER, SUP_NK, tp, [ip])
    if control:
        ip2 = L.inv_no(T("2026-12-31 21:00"))
        tp2 = L.invoice(T("2027-01-04 09:40"), ip2, "purchase", SUP_NK, OWNER, [(P_AMX, 500, 860)],
                        {"order": ["CG20261229001"]}, issued_on="2026-12-31")
        L.payment(T("2027-01-15 10:10"), "FK20270115002", "outgoing", OWNER, SUP_NK, tp2, [ip2])
    L.payment(T("2027-01-20 10:00"), "SK20270120001", "incoming", RC_KN, OWNER, t1, [i1], sp="z")
    L.payment(T("2027-01-22 10:00"), "SK20270122001", "incoming", cust2, OWNER, t2, [i2], sp="compact")
    L.stock_count(T("2027-03-10 10:00"), "PD20270310001", "WH-A", label="cnt2")
    L.finalize()
    L.assert_balanced()
    L.note("every instant is a Beijing-time business instant written in one of the spellings format.md accepts "
           "('`2026-10-08T10:00:00+08:00` and `2026-10-08T02:00:00Z` are the same instant (`z`, `+0800`, and a space or "
           "`t` instead of `T` are also accepted)'): +08:00, Z, lower-case t/z (line {s1}), +0800 (line {inv1}), a space "
           "(the put-away), fractional seconds (line {cnt1}, 23:59:59.999); occurred_at and entered_at of one event may use "
           "different spellings (line {s1})")
    L.note("format.md Dates: 'the engine compares them with the date of an event's occurred_at at UTC+08:00 (a licence "
           "valid to 2026-10-08 covers an event at 2026-10-08T15:00:00Z, 23:00 in Beijing). Validity dates are inclusive.'")
    L.note("every event from 2027-01-01 00:00 to 07:59 Beijing is still 2026-12-31 in UTC; the 'year-end' sale (line "
           "{s1}, 23:58:30 Beijing) is invoiced at 23:59 (先票后货, line {inv1}, issued_on 2026-12-31) and dispatched at "
           "00:03 (line {d1}); rules.md TTGK-S: 'An invoice booked before the dispatch waits for it'")
    L.note("the count at 23:59:59.999 (line {cnt1}) is the 年终盘点 of WH-A; it is entered 20 minutes later, on 2027-01-01")
    if not control:
        L.note("杭州康宁大药房连锁 (customer) has a licence valid to 2026-12-31; its renewal (line {renew}, licence_changed, "
               "valid from 2027-01-01) is recorded 11 days ahead: format.md licence_changed 'an event date inside the old or "
               "the new validity period qualifies'")
        L.note("杭州惠民大药房连锁 is a new chain whose only licence starts 2027-01-01 (line {hm}, registered a month "
               "ahead); its first order comes in through the B2B platform at 00:05 Beijing on 2027-01-01 (line {s2}), "
               "2026-12-31T16:05Z: by the local date its licence is valid, by the UTC date it would not be")
        L.note("the sales invoice at line {inv2} is issued_on 2027-01-01 with occurred_at 2026-12-31T16:50:00Z: the local "
               "date of the issue instant equals issued_on")
        L.note("UNPAID deadlines: line {inv1} from 2026-12-31 00:00 Beijing +60 d; line {inv2} from 2027-01-01 00:50; "
               "the purchase invoice from its occurred_at 2027-01-04 09:30 (later than issued_on); all paid in January; the "
               "ledger ends on 2027-03-10 (count, line {cnt2})")
        L.why("quiet: licences valid on the local date of every purchase, receipt and sale; goods, invoices and payments "
              "agree; the counts agree with the books (1000 at 23:59:59.999, 500 on 2027-03-10)")
    else:
        L.note("this is ledger 123 without the renewals: 杭州宁康制药's licence ends 2026-12-31 and 杭州康宁大药房连锁's "
               "licence ends 2026-12-31, neither renewed. Everything before local midnight is lawful; the second delivery "
               "(line {rc2}, 00:20 Beijing = 2026-12-31T16:20Z) and the second sale (line {s2}, 00:05 Beijing = "
               "2026-12-31T16:05Z) fall on 2027-01-01 in Beijing and on 2026-12-31 in UTC: a checker using UTC dates misses both")
        L.note("the second delivery's batch 2612200045 is put away but never dispatched, so NO-SOURCE does not come into "
               "play; the second sale ships batch 2612150021 from the first, lawful delivery")
        L.note("the purchase of that delivery (line {po2}, 2026-12-29) was inside the supplier's licence: no SUP-LIC there")
        L.why("SUP-LIC {rc2}: rules.md SUP-LIC 'Purchases and receipts only from registered suppliers (首营企业) whose "
              "licence is valid on the event date'; Points at 'the purchase or receipt from the supplier'; format.md: "
              "dates are compared 'with the date of an event's occurred_at at UTC+08:00'")
        L.why("CUS-LIC {s2}: rules.md CUS-LIC 'Wholesale only to registered customers whose licence is valid on the sale "
              "date'; Points at 'the wholesale sale'")
        L.expect_at("SUP-LIC", "rc2")
        L.expect_at("CUS-LIC", "s2")
    return L


def truck_readings(start, end, fn, step=5):
    out, t = [], start
    while t <= end:
        out.append((t, fn(t)))
        t += timedelta(minutes=step)
    return out


def cold_split_trucks():
    L = Ledger(124, "insulin-two-cold-trucks-across-month-end-precool-and-unload-readings-chunked-late-upload",
               "LEGITIMATE", "one purchase order of 门冬胰岛素 delivered by two cold trucks that arrive on either side of "
               "Beijing midnight 31 Oct/1 Nov (both still 31 Oct in UTC), received straight into the cold room; truck 1's "
               "logger read-out includes its pre-cooling before loading and the warm-up after unloading; truck 2 reports "
               "through the carrier's platform in hourly uploads, the last one read out by USB 3 h 50 min after arrival; "
               "our own cold truck is pre-cooled before loading and its empty return leg is a separate upload")
    at = L.master(T("2026-10-20 09:00"), [(SUP_KN, "supplier"), (CUS_RH, "customer")], [P_INS],
                  [{"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}}])
    L.purchase(T("2026-10-28 10:00"), "CG20261028001", SUP_KN, [(P_INS, 2000, 4215)])
    b1, b2 = "KN2609031", "KN2609117"
    # truck 1: pre-cooling from 12:20, loaded and shipped 13:00, accepted 23:55; logger runs on to 00:20
    pre = [14.2, 12.6, 10.9, 9.4, 8.4, 7.6, 6.8, 5.9]
    post = {T("2026-11-01 00:00"): 8.6, T("2026-11-01 00:05"): 10.2, T("2026-11-01 00:10"): 11.9,
            T("2026-11-01 00:15"): 13.0, T("2026-11-01 00:20"): 13.7}
    s1 = T("2026-10-31 12:20")

    def f1(t):
        i = int((t - s1).total_seconds() // 300)
        if i < len(pre):
            return pre[i]
        return post.get(t, noise("TL-2231" + t.isoformat(), 3.6, 6.4))
    L.temps(T("2026-11-01 00:35"), "TL-2231", truck_readings(s1, T("2026-11-01 00:20"), f1), vehicle="津A·L2231冷",
            label="up1")
    L.receipt(T("2026-10-31 23:55"), "SH20261031001", SUP_KN, "CG20261028001", "DN-KN-20261031-01",
              [dict(product=P_INS, batch=b1, production_date="2026-09-03", expiry="2028-09-02", arrived=1200,
                    location="CR-1")],
              transport={"vehicle": "津A·L2231冷", "shipped_at": spell(T("2026-10-31 13:00"), "z"), "cold_chain": True},
              label="r1")
    # truck 2: shipped 14:30, hourly platform uploads, arrival/acceptance 00:40, last chunk read out 04:30
    s2 = T("2026-10-31 14:10")

    def f2(t):
        if t == T("2026-11-01 00:45"):
            return 7.9
        if t == T("2026-11-01 00:50"):
            return 9.3
        return noise("TL-2232" + t.isoformat(), 3.4, 6.6)
    rd2 = truck_readings(s2, T("2026-11-01 00:50"), f2)
    hour = T("2026-10-31 15:00")
    while hour <= T("2026-11-01 00:00"):
        chunk = [r for r in rd2 if hour - timedelta(hours=1) <= r[0] < hour]
        if hour == T("2026-10-31 15:00"):
            chunk = [r for r in rd2 if r[0] < hour]
        L.temps(hour + timedelta(minutes=2), "TL-2232", chunk, vehicle="津A·L2232冷")
        hour += timedelta(hours=1)
    L.temps(T("2026-11-01 04:30"), "TL-2232", [r for r in rd2 if r[0] >= T("2026-11-01 00:00")], vehicle="津A·L2232冷",
            label="up2")
    L.receipt(T("2026-11-01 00:40"), "SH20261101001", SUP_KN, "CG20261028001", "DN-KN-20261031-02",
              [dict(product=P_INS, batch=b2, production_date="2026-09-17", expiry="2028-09-16", arrived=800,
                    location="CR-1")],
              transport={"vehicle": "津A·L2232冷", "shipped_at": spell(T("2026-10-31 14:30"), "cst"), "cold_chain": True},
              label="r2")
    ip = L.inv_no(T("2026-11-01 10:00"), prov="12")
    tp = L.invoice(T("2026-11-02 10:00"), ip, "purchase", SUP_KN, OWNER, [(P_INS, 2000, 4215)],
                   {"order": ["CG20261028001"]}, issued_on="2026-11-01")
    L.sale(T("2026-11-03 10:00"), "XS20261103001", CUS_RH, [(P_INS, b1, "2028-09-02", 600, 4680)])
    L.review(T("2026-11-04 08:40"), "FH20261104001", CUS_RH, "XS20261103001", [(P_INS, b1, "2028-09-02", 600)])
    L.dispatch(T("2026-11-04 09:00"), "PS20261104001", CUS_RH, "XS20261103001", [(P_INS, b1, 600, "CR-1", None)],
               vehicle="浙A·L1011冷", label="d1")
    pre3 = [13.4, 11.8, 10.1, 8.9, 8.2]
    s3 = T("2026-11-04 07:30")

    def f3(t):
        i = int((t - s3).total_seconds() // 300)
        return pre3[i] if i < len(pre3) else noise("TL-1011" + t.isoformat(), 3.5, 6.5)
    L.temps(T("2026-11-04 10:35"), "TL-1011", truck_readings(s3, T("2026-11-04 10:30"), f3), vehicle="浙A·L1011冷",
            label="up3")
    s4 = T("2026-11-04 10:35")
    ret = truck_readings(s4, T("2026-11-04 12:00"), lambda t: round(7.9 + (t - s4).total_seconds() / 300 * 0.48, 1))
    L.temps(T("2026-11-04 12:10"), "TL-1011", ret, vehicle="浙A·L1011冷", label="up4")
    i1 = L.inv_no(T("2026-11-04 14:00"))
    t1 = L.invoice(T("2026-11-04 14:00"), i1, "sale", OWNER, CUS_RH, [(P_INS, 600, 4680)], {"sale": ["XS20261103001"]})
    L.payment(T("2026-11-25 10:00"), "FK20261125001", "outgoing", OWNER, SUP_KN, tp, [ip])
    L.payment(T("2026-12-20 10:00"), "SK20261220001", "incoming", CUS_RH, OWNER, t1, [i1])
    L.stock_count(T("2027-01-10 10:00"), "PD20270110001", "CR-1")
    L.finalize()
    L.assert_balanced()
    L.note("the goods are 门冬胰岛素注射液, a cold (2-8 °C) biological product, not a vaccine (a wholesaler does not "
           "trade vaccines under 疫苗管理法); CR-1 is registered cold 2-8 °C without a sensor list and sends no readings "
           "in this ledger (no storage-zone question)")
    L.note("receipts go straight into the cold room (location CR-1), as GSP wants for cold-chain goods; TEMP-ZONE reads "
           "put_away and transfer only")
    L.note("truck 1 (line {up1}, upload 00:35 after the read-out): readings every 5 min from 12:20; 12:20-12:40 are "
           "14.2-8.4 °C while the empty truck pre-cools (loading and shipped_at at 13:00); 13:00-23:55 in 3.6-6.4 °C; "
           "receipt/acceptance at 23:55 Beijing on 31 Oct (line {r1}); after it the empty truck warms up: 8.6-13.7 °C "
           "from 00:00 to 00:20. rules.md CC-RECEIPT: 'readings cover ship time to arrival without gaps and within the "
           "products' range'; readings outside shipped_at..arrival are not the trip of our goods")
    L.note("TEMP-RANGE/TEMP-GAP for vehicles read dispatch.vehicle (rules.md Reads): an inbound truck has no range of its "
           "own outside CC-RECEIPT, so the 5-min spacing of its pre-cooling and warm-up readings is judged against the "
           "transport limit (5 min), which it meets exactly")
    L.note("truck 2 (line {r2}, 00:40 Beijing on 1 Nov = 2026-10-31T16:40Z): the carrier platform uploads each hour the "
           "readings of the hour before (10 uploads), then loses the link; the readings 00:00-00:50 are read out by USB "
           "and uploaded at 04:30 (line {up2}), 3 h 50 min after arrival: rules.md CC-RECEIPT 'when the readings do not "
           "yet cover the trip, the receipt is judged after the settle window, on every reading that arrived by then' "
           "(logger_settle_hours 4); 00:45 7.9 and 00:50 9.3 °C are after acceptance")
    L.note("our dispatch (line {d1}, 09:00 4 Nov) on 浙A·L1011冷: format.md dispatch.vehicle 'Its next "
           "temperature_reading (from one hour before the dispatch on) is judged against the range of the cold-chain "
           "goods on board'; that upload (line {up3}, at hand-over 10:35) holds pre-cooling readings 13.4-8.2 °C at "
           "07:30-07:50, i.e. more than one hour before the dispatch, then 3.5-6.5 °C from 07:55 to 10:30; the empty "
           "return leg is a separate, later upload (line {up4}, 7.9 rising to 16.0 °C) with no cold goods on board")
    L.note("TEMP-BACKFILL (transport 72 h), TEMP-FUTURE, TEMP-SENSOR (vehicle loggers, no zone sensor lists), TEMP-COPY "
           "(distinct values; hourly chunks of 12 readings have fewer than copy_min_changes 12 changes) and TEMP-FLAT do "
           "not apply")
    L.why("quiet: both cold receipts are covered from shipped_at to acceptance by readings 5 min apart in 2-8 °C; the "
          "outbound trip is in range from one hour before the dispatch; goods, invoices and payments agree")
    return L


def split_shipments():
    L = Ledger(125, "one-sale-four-shipments-over-five-weeks-monthly-invoices-by-delivery-note-bill-and-transfer",
               "LEGITIMATE", "a public hospital orders 400 阿莫西林 and 300 布洛芬 on 8 Oct and, for lack of "
               "pharmacy space, takes them in four shipments over five weeks (8 Oct, 20 Oct, 5 Nov, 12 Nov); two more "
               "small orders ship at once; each month's deliveries are invoiced at month end (月结) by delivery note; "
               "the hospital pays with a 10,000 元 bank acceptance bill covering October and part of November, and a "
               "transfer for the rest")
    L.master(T("2026-09-25 09:00"), [(SUP_NK, "supplier"), (SUP_HB, "supplier"), (CUS_RH, "customer")], [P_AMX, P_IBU],
             [{"zone": "WH-A", "storage": "ambient"}])
    A1, A2, I1 = "2609100011", "2610200035", "2609150007"
    L.purchase(T("2026-10-05 10:00"), "CG20261005001", SUP_NK, [(P_AMX, 1000, 860)])
    L.purchase(T("2026-10-05 10:10"), "CG20261005002", SUP_HB, [(P_IBU, 600, 1050)])
    L.receipt(T("2026-10-06 10:00"), "SH20261006001", SUP_NK, "CG20261005001", "DN-NK-20261006-01",
              [dict(product=P_AMX, batch=A1, production_date="2026-09-10", expiry="2029-08-31", arrived=1000)])
    L.receipt(T("2026-10-06 11:00"), "SH20261006002", SUP_HB, "CG20261005002", "DN-HB-20261006-03",
              [dict(product=P_IBU, batch=I1, production_date="2026-09-15", expiry="2028-09-14", arrived=600)])
    L.put_away(T("2026-10-06 14:00"), "RK20261006001", "SH20261006001", "CG20261005001", [(P_AMX, A1, 1000, "RCV", "WH-A", None)])
    L.put_away(T("2026-10-06 14:10"), "RK20261006002", "SH20261006002", "CG20261005002", [(P_IBU, I1, 600, "RCV", "WH-A", None)])
    ia = L.inv_no(T("2026-10-08 09:00")); ta = L.invoice(T("2026-10-08 09:00"), ia, "purchase", SUP_NK, OWNER, [(P_AMX, 1000, 860)], {"order": ["CG20261005001"]})
    ib = L.inv_no(T("2026-10-08 09:10")); tb = L.invoice(T("2026-10-08 09:10"), ib, "purchase", SUP_HB, OWNER, [(P_IBU, 600, 1050)], {"order": ["CG20261005002"]})
    # the big order
    L.sale(T("2026-10-08 09:30"), "XS20261008001", CUS_RH, [(P_AMX, A1, "2029-08-31", 400, 1035), (P_IBU, I1, "2028-09-14", 300, 1380)], label="sA")
    ship = [("2026-10-08 10:00", "PS20261008001", [(P_AMX, A1, "2029-08-31", 200), (P_IBU, I1, "2028-09-14", 150)], "d1"),
            ("2026-10-20 10:00", "PS20261020001", [(P_AMX, A1, "2029-08-31", 200)], "d3"),
            ("2026-11-05 10:00", "PS20261105001", [(P_IBU, I1, "2028-09-14", 100)], "d5"),
            ("2026-11-12 10:00", "PS20261112001", [(P_IBU, I1, "2028-09-14", 50)], "d6")]
    for when, doc, lines, lab in ship:
        t = T(when)
        L.review(t - timedelta(minutes=30), "FH" + doc[2:], CUS_RH, "XS20261008001", lines)
        L.dispatch(t, doc, CUS_RH, "XS20261008001", [(p, b, q, "WH-A", None) for p, b, _, q in lines], label=lab)
    L.sale(T("2026-10-15 09:00"), "XS20261015001", CUS_RH, [(P_AMX, A1, "2029-08-31", 100, 1035)], label="sB")
    L.review(T("2026-10-15 09:30"), "FH20261015001", CUS_RH, "XS20261015001", [(P_AMX, A1, "2029-08-31", 100)])
    L.dispatch(T("2026-10-15 10:00"), "PS20261015001", CUS_RH, "XS20261015001", [(P_AMX, A1, 100, "WH-A", None)], label="d2")
    L.purchase(T("2026-10-25 10:00"), "CG20261025001", SUP_NK, [(P_AMX, 500, 860)])
    L.receipt(T("2026-10-30 10:00"), "SH20261030001", SUP_NK, "CG20261025001", "DN-NK-20261030-02",
              [dict(product=P_AMX, batch=A2, production_date="2026-10-20", expiry="2029-09-30", arrived=500)])
    L.put_away(T("2026-10-30 14:00"), "RK20261030001", "SH20261030001", "CG20261025001", [(P_AMX, A2, 500, "RCV", "WH-A", None)])
    ic = L.inv_no(T("2026-11-01 09:00")); tc = L.invoice(T("2026-11-01 09:00"), ic, "purchase", SUP_NK, OWNER, [(P_AMX, 500, 860)], {"order": ["CG20261025001"]})
    L.sale(T("2026-11-03 09:00"), "XS20261103001", CUS_RH, [(P_AMX, A2, "2029-09-30", 150, 1035)], label="sC")
    L.review(T("2026-11-03 09:30"), "FH20261103001", CUS_RH, "XS20261103001", [(P_AMX, A2, "2029-09-30", 150)])
    L.dispatch(T("2026-11-03 10:00"), "PS20261103001", CUS_RH, "XS20261103001", [(P_AMX, A2, 150, "WH-A", None)], label="d4")
    # month-end invoices by delivery note (no refs.sale)
    io = L.inv_no(T("2026-10-31 16:00"))
    to = L.invoice(T("2026-10-31 16:00"), io, "sale", OWNER, CUS_RH, [(P_AMX, 500, 1035), (P_IBU, 150, 1380)],
                   {"delivery_note": ["PS20261008001", "PS20261015001", "PS20261020001"]}, label="invO")
    inn = L.inv_no(T("2026-11-30 16:00"))
    tn = L.invoice(T("2026-11-30 16:00"), inn, "sale", OWNER, CUS_RH, [(P_AMX, 150, 1035), (P_IBU, 150, 1380)],
                   {"delivery_note": ["PS20261103001", "PS20261105001", "PS20261112001"]}, label="invN")
    L.payment(T("2026-11-05 10:00"), "FK20261105001", "outgoing", OWNER, SUP_NK, ta, [ia])
    L.payment(T("2026-11-05 10:10"), "FK20261105002", "outgoing", OWNER, SUP_HB, tb, [ib])
    L.payment(T("2026-12-01 10:00"), "FK20261201001", "outgoing", OWNER, SUP_NK, tc, [ic])
    bill = 1000000
    assert to < bill < to + tn
    L.payment(T("2026-12-10 10:00"), "SK20261210001", "incoming", CUS_RH, OWNER, bill, [io, inn], method="acceptance_bill", label="bill")
    L.payment(T("2027-01-20 10:00"), "SK20270120001", "incoming", CUS_RH, OWNER, to + tn - bill, [inn], label="rest")
    L.stock_count(T("2027-02-05 10:00"), "PD20270205001", "WH-A", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("sale XS20261008001 (line {sA}) ships in four partial shipments (lines {d1}, {d3}, {d5}, {d6}), each after its "
           "own outbound review of the quantities shipped; two small sales ship in full (lines {d2}, {d4})")
    L.note("format.md Refs.delivery_note: 'A sales invoice without `sale` is matched to the goods of these dispatches.' "
           "The October invoice (line {invO}, 31 Oct 16:00) names the three October delivery notes, the November invoice "
           "(line {invN}, 30 Nov 16:00) the three November ones; per product each equals what its delivery notes shipped "
           "(Oct: 阿莫西林 500, 布洛芬 150; Nov: 阿莫西林 150, 布洛芬 150)")
    L.note("UNINVOICED: rules.md 'Goods received or dispatched for which no invoice covers the quantity within the "
           "threshold' (uninvoiced_days 30); Points at 'the first goods movement of the order or sale (or group) since it "
           "was last judged'. Every shipment is invoiced within 30 days of itself (longest: 5 Nov → 30 Nov, 25 d 6 h). I "
           "read 'since it was last judged' as: goods that move after a sale was judged start a window of their own. A "
           "literal per-sale reading (all goods of XS20261008001 covered 30 days after its first dispatch, 7 Nov 10:00, "
           "or at the latest member deadline of a group formed by the delivery notes, 14 Nov 10:00) would call the 5 Nov "
           "and 12 Nov shipments uninvoiced although they are 9 and 2 days old; a 月结 customer whose order spans a month "
           "end would then always be flagged. The expected file is written for the first reading (DOC GAP)")
    L.note("payments: a 10,000.00 元 bank acceptance bill (line {bill}, 10 Dec) lists [October, November]: format.md 'The "
           "amount goes to them in order, each up to its open amount, the last taking the remainder' → October 7,245.00 "
           "settled, November 2,755.00 of 3,622.50; the transfer of 867.50 (line {rest}, 20 Jan) settles November; UNPAID "
           "deadlines 30 Dec 16:00 and 29 Jan 16:00; the ledger ends on 5 Feb (line {cnt})")
    L.note("TWO-INVOICE: both products come from their manufacturers")
    L.why("quiet: every delivery reviewed, invoiced within 30 days of itself and paid within 60 days of its invoice; "
          "goods, invoices and payments agree per product and in money; the count agrees with the books")
    return L


def same_batch_lines():
    L = Ledger(126, "same-batch-on-two-price-lines-one-review-line-for-two-sales-and-defective-box-replaced",
               "LEGITIMATE", "the same product and batch appears on two lines of one purchase order and one sale "
               "(tiered and 集采/non-集采 prices); the picker reviews it as one line and ships it from two warehouse "
               "areas; one review and one dispatch line of 100 cover two orders of 60 and 40; an outbound review finds "
               "two crushed boxes, which are quarantined and replaced from the same batch before the dispatch")
    L.master(T("2026-11-01 09:00"), [(SUP_NK, "supplier"), (SUP_HB, "supplier"), (CUS_RH, "customer"), (CUS_KT, "customer")],
             [P_AMX, P_IBU], [{"zone": "WH-A", "storage": "ambient"}, {"zone": "WH-B", "storage": "ambient"}])
    A1, I1 = "2610120018", "2610080044"
    L.purchase(T("2026-11-02 10:00"), "CG20261102001", SUP_NK, [(P_AMX, 1000, 860), (P_AMX, 200, 820)], label="po")
    L.purchase(T("2026-11-02 10:10"), "CG20261102002", SUP_HB, [(P_IBU, 500, 1050)])
    L.receipt(T("2026-11-03 10:00"), "SH20261103001", SUP_NK, "CG20261102001", "DN-NK-20261103-01",
              [dict(product=P_AMX, batch=A1, production_date="2026-10-12", expiry="2029-10-11", arrived=1200)], label="rc")
    L.receipt(T("2026-11-03 11:00"), "SH20261103002", SUP_HB, "CG20261102002", "DN-HB-20261103-02",
              [dict(product=P_IBU, batch=I1, production_date="2026-10-08", expiry="2028-10-07", arrived=500)])
    L.put_away(T("2026-11-03 14:00"), "RK20261103001", "SH20261103001", "CG20261102001",
               [(P_AMX, A1, 800, "RCV", "WH-A", None), (P_AMX, A1, 400, "RCV", "WH-B", None)], label="pa")
    L.put_away(T("2026-11-03 14:20"), "RK20261103002", "SH20261103002", "CG20261102002", [(P_IBU, I1, 500, "RCV", "WH-A", None)])
    ip1 = L.inv_no(T("2026-11-04 09:00"))
    tp1 = L.invoice(T("2026-11-04 09:00"), ip1, "purchase", SUP_NK, OWNER, [(P_AMX, 1000, 860), (P_AMX, 200, 820)], {"order": ["CG20261102001"]})
    ip2 = L.inv_no(T("2026-11-04 09:10"))
    tp2 = L.invoice(T("2026-11-04 09:10"), ip2, "purchase", SUP_HB, OWNER, [(P_IBU, 500, 1050)], {"order": ["CG20261102002"]})
    # XS-1: two lines of one batch at two prices; one review line; dispatched from two areas
    L.sale(T("2026-11-05 09:00"), "XS20261105001", CUS_RH, [(P_AMX, A1, "2029-10-11", 300, 1035), (P_AMX, A1, "2029-10-11", 50, 1080)], label="s1")
    L.review(T("2026-11-05 10:00"), "FH20261105001", CUS_RH, "XS20261105001", [(P_AMX, A1, "2029-10-11", 350)], label="r1")
    L.dispatch(T("2026-11-05 10:30"), "PS20261105001", CUS_RH, "XS20261105001",
               [(P_AMX, A1, 200, "WH-A", None), (P_AMX, A1, 150, "WH-B", None)], label="d1")
    i1 = L.inv_no(T("2026-11-05 15:00"))
    t1 = L.invoice(T("2026-11-05 15:00"), i1, "sale", OWNER, CUS_RH, [(P_AMX, 300, 1035), (P_AMX, 50, 1080)], {"sale": ["XS20261105001"]})
    # XS-2 (60) and XS-3 (40): one review line and one dispatch line of 100 for both
    L.sale(T("2026-11-06 09:00"), "XS20261106001", CUS_KT, [(P_AMX, A1, "2029-10-11", 60, 1100)], label="s2")
    L.sale(T("2026-11-07 09:00"), "XS20261107001", CUS_KT, [(P_AMX, A1, "2029-10-11", 40, 1100)], label="s3")
    L.review(T("2026-11-08 09:00"), "FH20261108001", CUS_KT, ["XS20261106001", "XS20261107001"], [(P_AMX, A1, "2029-10-11", 100)], label="r2")
    L.dispatch(T("2026-11-08 09:30"), "PS20261108001", CUS_KT, ["XS20261106001", "XS20261107001"], [(P_AMX, A1, 100, "WH-A", None)], label="d2")
    # XS-4: review finds 2 crushed boxes, replaced from the same batch
    L.sale(T("2026-11-09 09:00"), "XS20261109001", CUS_KT, [(P_IBU, I1, "2028-10-07", 100, 1450)], label="s4")
    L.review(T("2026-11-10 09:00"), "FH20261110001", CUS_KT, "XS20261109001",
             [(P_IBU, I1, "2028-10-07", 98, "ok"), (P_IBU, I1, "2028-10-07", 2, "defective")], label="r3")
    L.transfer(T("2026-11-10 09:20"), "YK20261110001", "quarantine", [(P_IBU, I1, 2, "WH-A", "QA", None)], label="q")
    L.review(T("2026-11-10 09:40"), "FH20261110002", CUS_KT, "XS20261109001", [(P_IBU, I1, "2028-10-07", 2, "ok")], label="r4")
    L.dispatch(T("2026-11-10 10:00"), "PS20261110001", CUS_KT, "XS20261109001", [(P_IBU, I1, 100, "WH-A", None)], label="d3")
    i2 = L.inv_no(T("2026-11-30 16:00"))
    t2 = L.invoice(T("2026-11-30 16:00"), i2, "sale", OWNER, CUS_KT, [(P_AMX, 100, 1100), (P_IBU, 100, 1450)],
                   {"sale": ["XS20261106001", "XS20261107001", "XS20261109001"]})
    L.move("destruction", T("2026-11-20 14:00"), "XH20261120001", [(P_IBU, I1, 2, "QA", None, None)],
           reason="出库复核发现外包装压损变形，不合格", extra={"method": "交有资质单位焚烧"}, by=["质管-周敏", "保管-赵磊"])
    L.payment(T("2026-12-01 10:00"), "FK20261201001", "outgoing", OWNER, SUP_NK, tp1, [ip1])
    L.payment(T("2026-12-01 10:10"), "FK20261201002", "outgoing", OWNER, SUP_HB, tp2, [ip2])
    L.payment(T("2026-12-15 10:00"), "SK20261215001", "incoming", CUS_RH, OWNER, t1, [i1])
    L.payment(T("2026-12-20 10:00"), "SK20261220001", "incoming", CUS_KT, OWNER, t2, [i2])
    L.stock_count(T("2027-02-05 10:00"), "PD20270205001", "WH-A")
    L.stock_count(T("2027-02-05 10:30"), "PD20270205002", "WH-B")
    L.stock_count(T("2027-02-05 11:00"), "PD20270205003", "QA", zero=[(P_IBU, I1)])
    L.finalize()
    L.assert_balanced()
    L.note("purchase order line {po} has 阿莫西林 twice: 1000 at 8.60 (contract) and 200 at 8.20 (阶梯价 for the extra "
           "quantity); the receipt (line {rc}) has one line of 1200 of one batch: rules.md REC-DOC 'every product "
           "received must be on the order, and cumulative arrivals must not exceed the ordered quantity' (per product: 1200)")
    L.note("the put-away (line {pa}) has two lines of the same batch, 800 to WH-A and 400 to WH-B")
    L.note("sale line {s1} has the batch twice: 300 at the 集采 price 10.35 and 50 over the agreed quantity at 10.80; "
           "the review (line {r1}) lists the batch once, 350; the dispatch (line {d1}) ships 200 from WH-A and 150 from "
           "WH-B. rules.md OUT-REV compares 'product, batch, expiry and quantity' of review, goods shipped and sale: per "
           "product and batch they are 350 each")
    L.note("the sales at lines {s2} (60) and {s3} (40) are picked together: review (line {r2}) and dispatch (line {d2}) each have one "
           "line of 100 naming both. format.md Consolidated documents: 'a review, dispatch or customer return covering "
           "several sales counts each line on the first sale named that has the line and room for it'. I read this as "
           "filling the first sale's room (60) and the rest (40) on the next; the docs do not say what happens when a "
           "line is larger than the room left on the first sale (third-round gap A2, still open)")
    L.note("the sale at line {s4}: the first review (line {r3}) finds 98 fit and 2 defective (crushed), the 2 go to QA (line {q}), a "
           "second review (line {r4}) passes 2 replacement boxes of the same batch; the dispatch (line {d3}) ships 100. "
           "format.md ReviewLine.quality: 'only ok quantities count as reviewed fit for dispatch' (98 + 2 = 100)")
    L.note("the two crushed boxes are destroyed from QA on 20 Nov (not special-control: no supervisor needed)")
    L.why("quiet: per product and batch, reviewed-fit = dispatched = sold on every sale; arrivals = ordered; invoices "
          "equal goods per sale and are paid; counts agree (QA listed with 0 after the destruction)")
    return L


def colliding_numbers():
    L = Ledger(127, "wholesaler-both-supplier-and-customer-with-colliding-document-numbers", "LEGITIMATE",
               "浙江华康医药 is both a supplier (布洛芬) and a customer (阿莫西林, 调剂 between wholesalers); our ERP "
               "numbers every document type with its own daily sequence (YYYYMMDD-NNN), so a purchase order, a sales "
               "order, a receipt, a put-away, a review, a dispatch and the partner's delivery note share numbers; "
               "returns both ways with red-letter invoices, net payments")
    L.master(T("2026-11-01 09:00"), [(SUP_NK, "supplier"), (W_HK, "both"), (RC_KN, "customer")], [P_AMX, P_IBU],
             [{"zone": "WH-A", "storage": "ambient"}])
    A1, I1 = "2610150027", "2610050019"
    L.purchase(T("2026-11-02 10:00"), "20261102-001", SUP_NK, [(P_AMX, 1000, 860)], label="poNK")
    L.sale(T("2026-11-02 14:00"), "20261102-001", W_HK, [(P_AMX, A1, "2029-10-14", 300, 950)], label="sW")
    L.receipt(T("2026-11-03 10:00"), "20261103-001", SUP_NK, "20261102-001", "20261103-001",
              [dict(product=P_AMX, batch=A1, production_date="2026-10-15", expiry="2029-10-14", arrived=1000)], label="rNK")
    L.put_away(T("2026-11-03 11:00"), "20261103-001", "20261103-001", "20261102-001", [(P_AMX, A1, 1000, "RCV", "WH-A", None)])
    L.purchase(T("2026-11-03 14:00"), "20261103-001", W_HK, [(P_IBU, 400, 1120)], label="poW")
    L.sale(T("2026-11-03 15:00"), "20261103-001", RC_KN, [(P_IBU, I1, "2028-10-04", 200, 1500), (P_AMX, A1, "2029-10-14", 100, 1080)], label="sK")
    L.receipt(T("2026-11-05 10:00"), "20261105-001", W_HK, "20261103-001", "20261105-001",
              [dict(product=P_IBU, batch=I1, production_date="2026-10-05", expiry="2028-10-04", arrived=400)], label="rW")
    L.put_away(T("2026-11-05 11:00"), "20261105-001", "20261105-001", "20261103-001", [(P_IBU, I1, 400, "RCV", "WH-A", None)])
    L.review(T("2026-11-05 13:30"), "20261105-001", W_HK, "20261102-001", [(P_AMX, A1, "2029-10-14", 300)])
    L.dispatch(T("2026-11-05 14:00"), "20261105-001", W_HK, "20261102-001", [(P_AMX, A1, 300, "WH-A", None)], label="dW")
    L.review(T("2026-11-06 09:30"), "20261106-001", RC_KN, "20261103-001", [(P_IBU, I1, "2028-10-04", 200), (P_AMX, A1, "2029-10-14", 100)])
    L.dispatch(T("2026-11-06 10:00"), "20261106-001", RC_KN, "20261103-001", [(P_IBU, I1, 200, "WH-A", None), (P_AMX, A1, 100, "WH-A", None)], label="dK")
    ipn = L.inv_no(T("2026-11-04 09:00"))
    tpn = L.invoice(T("2026-11-04 09:00"), ipn, "purchase", SUP_NK, OWNER, [(P_AMX, 1000, 860)], {"order": ["20261102-001"]})
    ipw = L.inv_no(T("2026-11-06 15:00"))
    tpw = L.invoice(T("2026-11-06 15:00"), ipw, "purchase", W_HK, OWNER, [(P_IBU, 400, 1120)], {"order": ["20261103-001"]})
    isw = L.inv_no(T("2026-11-05 16:00"))
    tsw = L.invoice(T("2026-11-05 16:00"), isw, "sale", OWNER, W_HK, [(P_AMX, 300, 950)], {"sale": ["20261102-001"]})
    isk = L.inv_no(T("2026-11-06 16:00"))
    tsk = L.invoice(T("2026-11-06 16:00"), isk, "sale", OWNER, RC_KN, [(P_IBU, 200, 1500), (P_AMX, 100, 1080)], {"sale": ["20261103-001"]})
    # returns both ways on the same day, same return number in both directions
    L.customer_return(T("2026-11-15 10:00"), "20261115-001", W_HK, "20261102-001", "20261105-001",
                      "华康医药调剂余量退回（包装完好）", [(P_AMX, A1, 20, "RET", None)], label="crW")
    L.move("supplier_return", T("2026-11-15 11:00"), "20261115-001", [(P_IBU, I1, 30, "WH-A", None, None)],
           refs={"order": ["20261103-001"], "receipt": ["20261105-001"]}, reason="滞销，经协商退回华康医药（包装完好）",
           extra={"supplier": W_HK}, by=["采购-李明", "质管-周敏"], label="srW")
    icw = L.inv_no(T("2026-11-15 15:00"))
    tcw = L.invoice(T("2026-11-15 15:00"), icw, "sale", OWNER, W_HK, [(P_AMX, 20, 950)], {"sale": ["20261102-001"]}, credit_for=isw)
    icp = L.inv_no(T("2026-11-16 10:00"))
    tcp = L.invoice(T("2026-11-16 10:00"), icp, "purchase", W_HK, OWNER, [(P_IBU, 30, 1120)], {"order": ["20261103-001"]}, credit_for=ipw)
    L.transfer(T("2026-11-16 14:00"), "20261116-001", "release", [(P_AMX, A1, 20, "RET", "WH-A", None)], refs={"receipt": ["20261115-001"]})
    L.payment(T("2026-12-01 10:00"), "20261201-001", "outgoing", OWNER, SUP_NK, tpn, [ipn])
    L.payment(T("2026-12-01 10:10"), "20261201-002", "outgoing", OWNER, W_HK, tpw - tcp, [ipw])
    L.payment(T("2026-12-01 15:00"), "20261201-001", "incoming", W_HK, OWNER, tsw - tcw, [isw])
    L.payment(T("2026-12-05 10:00"), "20261205-001", "incoming", RC_KN, OWNER, tsk, [isk])
    L.stock_count(T("2027-02-05 10:00"), "20270205-001", "WH-A")
    L.stock_count(T("2027-02-05 10:30"), "20270205-002", "RET", zero=[(P_AMX, A1)])
    L.finalize()
    L.assert_balanced()
    L.note("浙江华康医药 is registered once with relation `both` (format.md Relation: 'Both supplier and customer'); it "
           "buys 阿莫西林 from us (sale line {sW}) and sells us 布洛芬 (purchase line {poW}); wholesaler-to-wholesaler "
           "trade (调剂) is lawful between licensed wholesalers; no public hospital is involved (no TWO-INVOICE question)")
    L.note("document numbers are per document type, as many ERPs number them: purchase order 20261102-001 (line {poNK}, to "
           "宁康) = sales order 20261102-001 (line {sW}, to 华康); purchase order 20261103-001 (line {poW}) = sales order "
           "20261103-001 (line {sK}) = receipt and put-away 20261103-001 = 宁康's delivery note 20261103-001; receipt, "
           "put-away, outbound review and dispatch 20261105-001 (lines {rW}, {dW}) = 华康's delivery note 20261105-001; "
           "customer return and supplier return 20261115-001 (lines {crW}, {srW}); payment vouchers repeat too")
    L.note("format.md Refs keeps the kinds apart: refs.order names purchase.doc, refs.sale names sale.doc, "
           "refs.receipt names receipt/returns records, refs.delivery_note the supplier's dispatch numbers; nothing in "
           "the docs says a number must be unique across document kinds (DOC GAP if the engine assumes it)")
    L.note("returns: 华康 returns 20 阿莫西林 to RET (credit note the same day), which are released to WH-A the next day; we "
           "return 30 布洛芬 from WH-A to 华康 (its red-letter invoice the next day); each side pays the other the net "
           "amount on 1 Dec")
    L.why("quiet: every order and sale, taken by kind, has goods = invoices net of credit notes = payments; counts agree")
    return L


def recall():
    L = Ledger(128, "batch-recall-quarantine-customer-returns-to-manufacturer-local-destruction-refunds", "LEGITIMATE",
               "杭州宁康制药 recalls (二级召回) one batch of 阿莫西林: we lock the 150 boxes in stock (QA), three customers "
               "return 180, 150 and 60 boxes (RET), 10 boxes arrive wet and are destroyed on site with the manufacturer's "
               "written consent and witnesses, the other 530 go back to the manufacturer; red-letter invoices both ways, "
               "refunds to the hospitals that had paid, the manufacturer refunds us; the hospital gets replacement goods "
               "from a new batch")
    L.master(T("2026-08-01 09:00"), [(SUP_NK, "supplier"), (CUS_RH, "customer"), (RC_KN, "customer"), (CUS_MZ, "customer")],
             [P_AMX], [{"zone": "WH-A", "storage": "ambient"}])
    R, N = "2607150088", "2609200120"
    L.purchase(T("2026-08-08 10:00"), "CG20260808001", SUP_NK, [(P_AMX, 600, 860)])
    L.receipt(T("2026-08-10 10:00"), "SH20260810001", SUP_NK, "CG20260808001", "DN-NK-20260810-01",
              [dict(product=P_AMX, batch=R, production_date="2026-07-15", expiry="2029-06-30", arrived=600)])
    L.put_away(T("2026-08-10 14:00"), "RK20260810001", "SH20260810001", "CG20260808001", [(P_AMX, R, 600, "RCV", "WH-A", None)])
    ip1 = L.inv_no(T("2026-08-12 09:00"))
    tp1 = L.invoice(T("2026-08-12 09:00"), ip1, "purchase", SUP_NK, OWNER, [(P_AMX, 600, 860)], {"order": ["CG20260808001"]})
    L.payment(T("2026-09-05 10:00"), "FK20260905001", "outgoing", OWNER, SUP_NK, tp1, [ip1])
    sales = [("2026-08-20", "XS20260820001", CUS_RH, 200, 1035, "sRH"), ("2026-09-05", "XS20260905001", RC_KN, 150, 1080, "sKN"),
             ("2026-09-20", "XS20260920001", CUS_MZ, 100, 1035, "sMZ")]
    inv = {}
    for d, doc, cus, q, pr, lab in sales:
        t = T(d + " 09:00")
        L.sale(t, doc, cus, [(P_AMX, R, "2029-06-30", q, pr)], label=lab)
        L.review(t + timedelta(minutes=30), "FH" + doc[2:], cus, doc, [(P_AMX, R, "2029-06-30", q)])
        L.dispatch(t + timedelta(hours=1), "PS" + doc[2:], cus, doc, [(P_AMX, R, q, "WH-A", None)])
        i = L.inv_no(t + timedelta(days=1))
        inv[doc] = (i, L.invoice(t + timedelta(days=1), i, "sale", OWNER, cus, [(P_AMX, q, pr)], {"sale": [doc]}, label="i" + lab))
    L.payment(T("2026-09-25 10:00"), "SK20260925001", "incoming", CUS_RH, OWNER, inv["XS20260820001"][1], [inv["XS20260820001"][0]])
    L.payment(T("2026-10-12 10:00"), "SK20261012001", "incoming", CUS_MZ, OWNER, inv["XS20260920001"][1], [inv["XS20260920001"][0]])
    L.purchase(T("2026-09-28 10:00"), "CG20260928001", SUP_NK, [(P_AMX, 400, 860)])
    L.receipt(T("2026-10-01 10:00"), "SH20261001001", SUP_NK, "CG20260928001", "DN-NK-20261001-02",
              [dict(product=P_AMX, batch=N, production_date="2026-09-20", expiry="2029-08-31", arrived=400)])
    L.put_away(T("2026-10-01 14:00"), "RK20261001001", "SH20261001001", "CG20260928001", [(P_AMX, N, 400, "RCV", "WH-A", None)])
    ip2 = L.inv_no(T("2026-10-02 09:00"))
    tp2 = L.invoice(T("2026-10-02 09:00"), ip2, "purchase", SUP_NK, OWNER, [(P_AMX, 400, 860)], {"order": ["CG20260928001"]})
    L.payment(T("2026-10-30 10:00"), "FK20261030001", "outgoing", OWNER, SUP_NK, tp2, [ip2])
    # the recall
    L.transfer(T("2026-10-15 11:00"), "YK20261015001", "quarantine", [(P_AMX, R, 150, "WH-A", "QA", None)], label="lock")
    rets = [("2026-10-18 10:00", "TH20261018001", CUS_RH, "XS20260820001", 180, 1035, "rRH"),
            ("2026-10-19 10:00", "TH20261019001", RC_KN, "XS20260905001", 150, 1080, "rKN"),
            ("2026-10-21 10:00", "TH20261021001", CUS_MZ, "XS20260920001", 60, 1035, "rMZ")]
    cn = {}
    for when, doc, cus, sdoc, q, pr, lab in rets:
        t = T(when)
        L.customer_return(t, doc, cus, sdoc, "PS" + sdoc[2:], "生产企业二级召回（批号 %s），按召回通知退回" % R,
                          [(P_AMX, R, q, "RET", None)], label=lab)
        c = L.inv_no(t + timedelta(hours=5))
        cn[cus] = (c, L.invoice(t + timedelta(hours=5), c, "sale", OWNER, cus, [(P_AMX, q, pr)], {"sale": [sdoc]},
                                credit_for=inv[sdoc][0], label="c" + lab))
    L.sale(T("2026-10-20 09:00"), "XS20261020001", CUS_RH, [(P_AMX, N, "2029-08-31", 180, 1035)], label="sRepl")
    L.review(T("2026-10-20 09:30"), "FH20261020001", CUS_RH, "XS20261020001", [(P_AMX, N, "2029-08-31", 180)])
    L.dispatch(T("2026-10-20 10:00"), "PS20261020001", CUS_RH, "XS20261020001", [(P_AMX, N, 180, "WH-A", None)])
    i4 = L.inv_no(T("2026-10-20 15:00"))
    t4 = L.invoice(T("2026-10-20 15:00"), i4, "sale", OWNER, CUS_RH, [(P_AMX, 180, 1035)], {"sale": ["XS20261020001"]})
    L.payment(T("2026-10-25 10:00"), "TK20261025001", "outgoing", OWNER, CUS_RH, cn[CUS_RH][1], [cn[CUS_RH][0]], label="refRH")
    L.payment(T("2026-10-28 10:00"), "TK20261028001", "outgoing", OWNER, CUS_MZ, cn[CUS_MZ][1], [cn[CUS_MZ][0]], label="refMZ")
    L.move("destruction", T("2026-10-26 10:00"), "XH20261026001", [(P_AMX, R, 10, "RET", None, None)],
           reason="召回退回途中受潮，外包装霉变，经杭州宁康制药书面同意就地销毁", extra={
               "method": "交杭州市危险废物处置中心焚烧", "supervisors": ["杭州市西湖区市场监督管理局 执法人员 林涛"]},
           by=["质管-周敏", "保管-赵磊", "杭州宁康制药 质量代表 马骏"], label="destroy")
    L.move("supplier_return", T("2026-10-27 10:00"), "TC20261027001", [(P_AMX, R, 150, "QA", None, None), (P_AMX, R, 380, "RET", None, None)],
           refs={"order": ["CG20260808001"], "receipt": ["SH20260810001"]}, reason="二级召回，按生产企业召回通知退回",
           extra={"supplier": SUP_NK}, by=["采购-李明", "质管-周敏"], label="sret")
    cp = L.inv_no(T("2026-10-30 09:00"))
    tcp = L.invoice(T("2026-10-30 09:00"), cp, "purchase", SUP_NK, OWNER, [(P_AMX, 530, 860)], {"order": ["CG20260808001"]},
                    credit_for=ip1, label="cnP")
    L.payment(T("2026-11-06 10:00"), "SK20261106001", "incoming", SUP_NK, OWNER, tcp, [cp], label="refNK")
    L.payment(T("2026-11-20 10:00"), "SK20261120001", "incoming", CUS_RH, OWNER, t4, [i4])
    for loc, zero in (("WH-A", []), ("QA", [(P_AMX, R)]), ("RET", [(P_AMX, R)])):
        L.stock_count(T("2027-01-05 10:00") + timedelta(minutes=len(L.count_spec) * 10), "PD2027010500%d" % (len(L.count_spec) + 1),
                      loc, zero=zero if loc != "WH-A" else [])
    L.finalize()
    L.assert_balanced()
    L.note("the recall itself has no event kind (召回通知 is a letter); the batch is locked by a quarantine transfer "
           "(line {lock}); the returns (lines {rRH}, {rKN}, {rMZ}) name their sales, which are 59, 44 and 31 days old "
           "(return_window_days 180)")
    L.note("rules.md QUARANTINE: 'Stock in a quarantine or returns location may move only to another quarantine "
           "location, back to the supplier, to destruction, or to storage by an explicit release'; the 10 wet boxes are "
           "destroyed from RET (line {destroy}, witnesses and a regulator's officer recorded although the product is not "
           "special-control), the 530 others go back from QA (150) and RET (380) in one supplier return (line {sret})")
    L.note("sales side, per sale: 杭州市仁和医院 dispatched 200, returned 180, invoiced 200 − 180 (credit note line "
           "{crRH}), paid 2,070.00 − refund 1,863.00 (line {refRH}, 7 days after the credit note) = 20 boxes; 康宁大药房 "
           "dispatched 150, returned 150, credited 150 (line {crKN}): its invoice (line {isKN}) is fully credited and "
           "was never paid (UNPAID: 'An invoice (net of credit notes) not fully paid' — net 0); 明州人民医院 100 − 60, "
           "refund 621.00 (line {refMZ}). format.md: 'A refund is a payment in the other direction … Its invoices name "
           "the credit note that caused it'")
    L.note("purchase side: accepted 600, returned 530, invoiced 600 − 530 (red-letter invoice line {cnP}, 3 days after "
           "the return), paid 5,160.00 − refunded 4,558.00 (line {refNK}, 7 days after the credit note) = 70 boxes; the "
           "10 destroyed boxes stay our loss (still invoiced and paid, the goods counted as received)")
    L.note("TTGK-P/TTGK-S excesses arise for hours (return before its credit note) and days (paid before the refund): "
           "all closed well inside correction_days 14; the replacement batch goes to 仁和医院 (line {sRepl}) from the "
           "manufacturer's new batch (TWO-INVOICE satisfied)")
    L.why("quiet: every recalled box is accounted for (returned to the manufacturer or destroyed from a returns location); "
          "goods, invoices and payments agree net of returns, credit notes and refunds; counts agree (QA and RET empty)")
    return L


def cold_room_probes():
    L = Ledger(129, "cold-room-two-probes-one-calibrated-interleaved-uploads-and-zone-range-overrides", "LEGITIMATE",
               "a cold room with two probes uploading every 6 h at staggered times (readings interleave across uploads), "
               "one probe off for 3 h of calibration while the other keeps recording, one identical re-upload after a "
               "network retry; products moved between zones of different classes where the ranges allow it: a 冷处 "
               "(2-10 °C) product in 2-8 °C and 3-7 °C rooms and on a truck at 8.3-9.6 °C, insulin into a 3-7 °C room, "
               "布洛芬 (常温 10-30 °C) in a 阴凉库 validated at 10-20 °C")
    zones = [{"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}, "sensors": ["TH-R01", "TH-R02"]},
             {"zone": "CR-2", "storage": "cold", "temp_range": {"min_c": 3.0, "max_c": 7.0}},
             {"zone": "WH-C", "storage": "cool", "temp_range": {"min_c": 10.0, "max_c": 20.0}},
             {"zone": "WH-A", "storage": "ambient"}]
    L.master(T("2026-11-09 08:00"), [(SUP_KN, "supplier"), (SUP_LC, "supplier"), (SUP_HB, "supplier"), (CUS_KT, "customer")],
             [P_INS, P_PRO, P_IBU], zones)
    # --- CR-1 probes: TH-R01 at :00/:10/..., TH-R02 at :05/:15/...; 10 Nov 00:00 to 14 Nov 05:55
    start, end = T("2026-11-10 00:00"), T("2026-11-14 05:55")
    cal_from, cal_to = T("2026-11-11 10:00"), T("2026-11-11 13:00")

    def probe(sensor, offset):
        out, t = [], start + timedelta(minutes=offset)
        while t <= end:
            if not (sensor == "TH-R02" and cal_from <= t < cal_to):
                out.append((t, noise(sensor + t.isoformat(), 3.0, 6.8)))
            t += timedelta(minutes=10)
        return out
    r1, r2 = probe("TH-R01", 0), probe("TH-R02", 5)
    up = T("2026-11-10 06:01")
    while up <= T("2026-11-14 06:01"):
        chunk = [r for r in r1 if up - timedelta(hours=6, minutes=1) <= r[0] < up - timedelta(minutes=1)]
        L.temps(up, "TH-R01", chunk, zone="CR-1", label="r1up%s" % up.strftime("%d%H"))
        up += timedelta(hours=6)
    up = T("2026-11-10 03:06")
    while up <= T("2026-11-14 03:06"):
        chunk = [r for r in r2 if up - timedelta(hours=6, minutes=6) <= r[0] < up - timedelta(minutes=6)]
        if chunk:
            L.temps(up, "TH-R02", chunk, zone="CR-1", label="r2up%s" % up.strftime("%d%H"))
        up += timedelta(hours=6)
    # the monitoring system re-sends TH-R01's last hour after a network retry: identical readings
    resend = [r for r in r1 if T("2026-11-12 05:00") <= r[0] < T("2026-11-12 06:00")]
    L.temps(T("2026-11-12 06:20"), "TH-R01", resend, zone="CR-1", label="resend")
    # --- goods
    INS, PRO, IBU = "KN2610021", "LC2610150", "2610220031"
    L.purchase(T("2026-11-09 09:00"), "CG20261109001", SUP_KN, [(P_INS, 400, 4215)])
    L.purchase(T("2026-11-09 09:10"), "CG20261109002", SUP_LC, [(P_PRO, 300, 1860)])
    L.purchase(T("2026-11-09 09:20"), "CG20261109003", SUP_HB, [(P_IBU, 600, 1050)])
    tr1 = truck_readings(T("2026-11-09 21:50"), T("2026-11-10 10:00"), lambda t: noise("TL-2231" + t.isoformat(), 3.5, 6.5))
    L.temps(T("2026-11-10 10:20"), "TL-2231", tr1, vehicle="津A·L2231冷")
    L.receipt(T("2026-11-10 10:00"), "SH20261110001", SUP_KN, "CG20261109001", "DN-KN-20261109-05",
              [dict(product=P_INS, batch=INS, production_date="2026-10-02", expiry="2028-10-01", arrived=400, location="CR-1")],
              transport={"vehicle": "津A·L2231冷", "shipped_at": spell(T("2026-11-09 22:00")), "cold_chain": True})
    L.receipt(T("2026-11-10 11:00"), "SH20261110002", SUP_HB, "CG20261109003", "DN-HB-20261110-01",
              [dict(product=P_IBU, batch=IBU, production_date="2026-10-22", expiry="2028-10-21", arrived=600)])
    L.put_away(T("2026-11-10 11:30"), "RK20261110001", "SH20261110002", "CG20261109003", [(P_IBU, IBU, 600, "RCV", "WH-C", None)], label="paC")
    tr2 = truck_readings(T("2026-11-10 12:55"), T("2026-11-10 15:00"), lambda t: noise("TL-0907" + t.isoformat(), 8.3, 9.6))
    L.temps(T("2026-11-10 15:10"), "TL-0907", tr2, vehicle="浙F·K0907冷", label="upPro")
    L.receipt(T("2026-11-10 15:00"), "SH20261110003", SUP_LC, "CG20261109002", "DN-LC-20261110-02",
              [dict(product=P_PRO, batch=PRO, production_date="2026-10-15", expiry="2028-04-14", arrived=300, location="CR-1")],
              transport={"vehicle": "浙F·K0907冷", "shipped_at": spell(T("2026-11-10 13:00")), "cold_chain": True}, label="rPro")
    L.transfer(T("2026-11-11 14:00"), "YK20261111001", "relocation",
               [(P_INS, INS, 100, "CR-1", "CR-2", None), (P_PRO, PRO, 50, "CR-1", "CR-2", None)], label="t2")
    L.transfer(T("2026-11-12 09:00"), "YK20261112001", "relocation", [(P_IBU, IBU, 200, "WH-C", "WH-A", None)])
    for inv_at, sup, prod, q, pr, po, prov in (("2026-11-10 16:00", SUP_KN, P_INS, 400, 4215, "CG20261109001", "12"),
                                              ("2026-11-10 16:10", SUP_LC, P_PRO, 300, 1860, "CG20261109002", "33"),
                                              ("2026-11-10 16:20", SUP_HB, P_IBU, 600, 1050, "CG20261109003", "33")):
        i = L.inv_no(T(inv_at), prov=prov)
        tot = L.invoice(T(inv_at), i, "purchase", sup, OWNER, [(prod, q, pr)], {"order": [po]})
        L.payment(T(inv_at) + timedelta(hours=18), "FK" + T(inv_at).strftime("%Y%m%d%H%M"), "outgoing", OWNER, sup, tot, [i])
    L.sale(T("2026-11-12 10:00"), "XS20261112001", CUS_KT,
           [(P_INS, INS, "2028-10-01", 150, 4680), (P_PRO, PRO, "2028-04-14", 80, 2350), (P_IBU, IBU, "2028-10-21", 100, 1450)])
    L.review(T("2026-11-13 08:30"), "FH20261113001", CUS_KT, "XS20261112001",
             [(P_INS, INS, "2028-10-01", 150), (P_PRO, PRO, "2028-04-14", 80), (P_IBU, IBU, "2028-10-21", 100)])
    L.dispatch(T("2026-11-13 09:00"), "PS20261113001", CUS_KT, "XS20261112001",
               [(P_INS, INS, 100, "CR-2", None), (P_INS, INS, 50, "CR-1", None), (P_PRO, PRO, 80, "CR-1", None)],
               vehicle="浙A·L1011冷", label="dCold")
    L.dispatch(T("2026-11-13 09:20"), "PS20261113002", CUS_KT, "XS20261112001", [(P_IBU, IBU, 100, "WH-A", None)], label="dAmb")
    tr3 = truck_readings(T("2026-11-13 08:00"), T("2026-11-13 10:30"), lambda t: noise("TL-1011" + t.isoformat(), 3.5, 6.5))
    L.temps(T("2026-11-13 10:40"), "TL-1011", tr3, vehicle="浙A·L1011冷")
    i = L.inv_no(T("2026-11-13 14:00"))
    tot = L.invoice(T("2026-11-13 14:00"), i, "sale", OWNER, CUS_KT, [(P_INS, 150, 4680), (P_PRO, 80, 2350), (P_IBU, 100, 1450)],
                    {"sale": ["XS20261112001"]})
    L.stock_count(T("2026-11-14 08:00"), "PD20261114001", "CR-1")
    L.stock_count(T("2026-11-14 08:20"), "PD20261114002", "CR-2", zero=[(P_INS, INS)])
    L.stock_count(T("2026-11-14 08:40"), "PD20261114003", "WH-C")
    L.stock_count(T("2026-11-14 09:00"), "PD20261114004", "WH-A")
    L.payment(T("2026-11-14 10:00"), "SK20261114001", "incoming", CUS_KT, OWNER, tot, [i], label="last")
    L.finalize()
    L.assert_balanced()
    n_up = sum(1 for e in L.events if e[2]["kind"] == "temperature_reading" and e[2]["data"].get("zone") == "CR-1")
    L.note("CR-1 is registered cold 2-8 °C with sensors [TH-R01, TH-R02]; TH-R01 reads at :00, :10, …, TH-R02 at :05, "
           ":15, …, both every 10 min in 3.0-6.8 °C from 10 Nov 00:00 to 14 Nov 05:55; TH-R01 uploads at 00:01/06:01/"
           "12:01/18:01, TH-R02 at 03:06/09:06/15:06/21:06, each the 6 h before: the two sensors' uploads overlap in time, so "
           "the zone's readings arrive out of time order across uploads (%d CR-1 uploads)" % n_up)
    L.note("TH-R02 is off for calibration (校准) on 11 Nov from 10:00 to 13:00 (its readings 09:55 → 13:05, 3 h 10 min "
           "apart) while TH-R01 keeps reading every 10 min: rules.md TEMP-GAP 'Consecutive readings of a storage zone more "
           "than the storage limit apart'; the zone's readings are never more than 10 min apart (storage_gap_minutes 30); "
           "architecture.md: 'one stream per storage zone (continuous across uploads)'")
    L.note("line {resend} re-sends TH-R01's readings 12 Nov 05:00-05:50 unchanged (network retry): format.md 'sending the "
           "same samples again is harmless'; rules.md TEMP-COPY 'a re-upload of the same readings at the same times is not "
           "a copy' (round 7 disagreement D2 was a false TEMP-GAP on such a re-upload)")
    L.note("zones: CR-2 cold with temp_range 3-7 °C, WH-C cool with temp_range 10-20 °C (a 阴凉库 validated with winter "
           "heating), WH-A ambient 10-30 °C. rules.md TEMP-ZONE: 'A product is put away or moved into a zone whose "
           "temperature range is not inside the product's required range'; 布洛芬 (ambient 10-30) into WH-C 10-20 (line "
           "{paC}); insulin (2-8) and the 冷处 product (temp_range 2-10) into CR-2 3-7 (line {t2}); both received "
           "straight into CR-1 (2-8): every zone range is inside the product's")
    L.note("the 冷处 product 双歧杆菌三联活菌胶囊 is `storage: cold` with `temp_range` 2-10 °C (format.md: 'Explicit "
           "storage range, replacing the class's range'); its truck (line {upPro}) logged 8.3-9.6 °C every 5 min from "
           "12:55 to arrival at 15:00 (receipt line {rPro}): inside 2-10, outside the cold class's 2-8; CC-RECEIPT 'within "
           "the products' range'")
    L.note("the cold goods (insulin + 冷处 product: intersection 2-8 °C) leave on 浙A·L1011冷 (line {dCold}), logged "
           "3.5-6.5 °C from 08:00; 布洛芬 of the same sale leaves separately without a cold truck (line {dAmb}); the "
           "purchases are paid the next morning and the hospital pays on delivery (款到发货 terms) so that the ledger can "
           "end on 14 Nov (line {last}) without open deadlines")
    L.why("quiet: no zone reading out of range, no storage gap in CR-1, no copy/flat/backfill/future/sensor issue, every "
          "zone range inside its products' ranges, cold receipts covered within the products' ranges, counts agree")
    return L


def _exact_bytes(base, n):
    """text of exactly n UTF-8 bytes, built from base (Chinese) and padded with ASCII if needed."""
    s = ""
    while len((s + base).encode()) <= n:
        s += base
    for ch in base:
        if len((s + ch).encode()) > n:
            break
        s += ch
    s += "." * (n - len(s.encode()))
    assert len(s.encode()) == n
    return s


def long_texts_control():
    L = Ledger(130, "long-chinese-texts-4096-bytes-xml-characters-returned-bags-shipped-from-RET-and-count-short",
               "VIOLATION", "a three-chamber parenteral-nutrition bag with a 60-character generic name and a spec "
               "holding & < > \" ', a hospital with a 60-character name and address, a rejection reason and a return "
               "reason of exactly 4,096 UTF-8 bytes and a consignee with a 4-byte CJK character; planted: 5 returned bags "
               "shipped to another hospital straight from RET, and one leaked bag discarded without a record (count short)")
    L.master(T("2026-12-01 09:00"), [(SUP_HR, "supplier"), (CUS_ZT, "customer"), (CUS_MZ, "customer")], [P_KB],
             [{"zone": "WH-A", "storage": "ambient"}])
    B = "HR2611080042"
    rej = _exact_bytes("到货验收时发现第3、7、12、19箱中共4袋三腔袋外袋有破损渗漏，脂肪乳腔与葡萄糖腔之间的可剥离虚焊封条"
                       "已部分开启，开口处可见乳白色液体渗出，内袋表面有水珠及结晶，依据《药品经营质量管理规范》第七十四条及"
                       "本公司《药品收货与验收管理制度》（RJ-SOP-QA-012）之规定予以拒收，已拍照留存并通知供货单位质量部门；", 4096)
    L.purchase(T("2026-12-02 10:00"), "CG20261202001", SUP_HR, [(P_KB, 200, 15800)])
    L.receipt(T("2026-12-03 10:00"), "SH20261203001", SUP_HR, "CG20261202001", "DN-HR-20261202-11",
              [dict(product=P_KB, batch=B, production_date="2026-11-08", expiry="2028-11-07", arrived=200, accepted=196,
                    reject_reason=rej)], label="rc")
    L.put_away(T("2026-12-03 14:00"), "RK20261203001", "SH20261203001", "CG20261202001", [(P_KB, B, 196, "RCV", "WH-A", None)])
    ip = L.inv_no(T("2026-12-04 09:00"), prov="32")
    tp = L.invoice(T("2026-12-04 09:00"), ip, "purchase", SUP_HR, OWNER, [(P_KB, 196, 15800)], {"order": ["CG20261202001"]})
    cons = "转塘分院药剂科 西药库 王𬀩（主管药师）<收货专用章> & \"冷链/常温\"分区 李'晓'雯 复核"
    L.sale(T("2026-12-05 09:00"), "XS20261205001", CUS_ZT, [(P_KB, B, "2028-11-07", 100, 17500)])
    L.review(T("2026-12-05 09:30"), "FH20261205001", CUS_ZT, "XS20261205001", [(P_KB, B, "2028-11-07", 100)])
    L.dispatch(T("2026-12-05 10:00"), "PS20261205001", CUS_ZT, "XS20261205001", [(P_KB, B, 100, "WH-A", None)], consignee=cons)
    i1 = L.inv_no(T("2026-12-05 15:00"))
    t1 = L.invoice(T("2026-12-05 15:00"), i1, "sale", OWNER, CUS_ZT, [(P_KB, 100, 17500)], {"sale": ["XS20261205001"]})
    rr = _exact_bytes("医院药剂科反映：临床营养科原申请规格为1440ml三腔袋（外周静脉型），实际医嘱调整为中心静脉型1920ml规格，"
                      "本批次剩余5袋未拆封、未上病区，外包装完好，储存条件符合要求（有温湿度记录），经双方协商同意退回；", 4096)
    L.customer_return(T("2026-12-08 10:00"), "TH20261208001", CUS_ZT, "XS20261205001", "PS20261205001", rr,
                      [(P_KB, B, 5, "RET", None)], label="ret")
    c1 = L.inv_no(T("2026-12-08 15:00"))
    tc1 = L.invoice(T("2026-12-08 15:00"), c1, "sale", OWNER, CUS_ZT, [(P_KB, 5, 17500)], {"sale": ["XS20261205001"]}, credit_for=i1)
    L.sale(T("2026-12-10 09:00"), "XS20261210001", CUS_MZ, [(P_KB, B, "2028-11-07", 5, 17500)])
    L.review(T("2026-12-10 09:30"), "FH20261210001", CUS_MZ, "XS20261210001", [(P_KB, B, "2028-11-07", 5)])
    L.dispatch(T("2026-12-10 10:00"), "PS20261210001", CUS_MZ, "XS20261210001", [(P_KB, B, 5, "RET", None)], label="dRET")
    i2 = L.inv_no(T("2026-12-10 15:00"))
    t2 = L.invoice(T("2026-12-10 15:00"), i2, "sale", OWNER, CUS_MZ, [(P_KB, 5, 17500)], {"sale": ["XS20261210001"]})
    L.stock_count(T("2026-12-31 16:00"), "PD20261231001", "WH-A", override={(P_KB, B): 95}, label="cnt")
    L.payment(T("2026-12-20 10:00"), "FK20261220001", "outgoing", OWNER, SUP_HR, tp, [ip])
    L.payment(T("2027-01-10 10:00"), "SK20270110001", "incoming", CUS_ZT, OWNER, t1 - tc1, [i1])
    L.payment(T("2027-01-10 10:30"), "SK20270110002", "incoming", CUS_MZ, OWNER, t2, [i2])
    L.stock_count(T("2027-02-15 10:00"), "PD20270215001", "RET", zero=[(P_KB, B)])
    L.finalize()
    L.assert_balanced()
    L.note("format.md Texts: 'every string field … is at most 4,096 bytes of UTF-8 (at least 1,365 Chinese "
           "characters)'; the reject_reason (line {rc}) and the return reason (line {ret}) are exactly 4,096 bytes; the "
           "consignee holds 𬀩 (U+2C029, 4 bytes in UTF-8) and the characters < > & \" ' (as the product spec does), which "
           "JUnit and SARIF must escape")
    L.note("the hospital's licence kind and public_hospital are as for any public hospital; the product comes from its "
           "manufacturer (TWO-INVOICE satisfied for both hospitals)")
    L.note("receipt: 200 arrived, 196 accepted, 4 rejected; the supplier invoices the 196 accepted")
    L.why("QUARANTINE {dRET}: rules.md QUARANTINE 'Stock in a quarantine or returns location may move only to another "
          "quarantine location, back to the supplier, to destruction, or to storage by an explicit release after "
          "re-inspection; never straight to a customer'; Points at 'the put_away, transfer or dispatch that moved the goods "
          "out of quarantine'; RET is a default quarantine location")
    L.why("STOCK-COUNT {cnt}: rules.md STOCK-COUNT 'A stock count found a quantity different from the book quantity at "
          "that location' (book 96, counted 95); Points at 'the stock_count'")
    L.expect_at("QUARANTINE", "dRET")
    L.expect_at("STOCK-COUNT", "cnt")
    return L


def quiet_year():
    L = Ledger(131, "thirteen-quiet-months-then-activity-psychotropic2-units-held-all-year-same-batch-redelivered",
               "LEGITIMATE", "a small line of business (阿莫西林 and 地西泮片 for one public hospital) trades in January 2026, "
               "then nothing moves for 13 months while the stock waits in WH-A and the special store (30 地西泮 boxes with "
               "their unit codes); during the quiet time the supplier changes its bank account and the hospital renews its "
               "licence; in March 2027 the stock is counted and sold, and the manufacturer re-delivers the same batch")
    L.master(T("2026-01-05 09:00"), [(SUP_NK, "supplier"), (SUP_HY, "supplier"), (CUS_MZ, "customer")], [P_AMX, P_DZP],
             [{"zone": "WH-A", "storage": "ambient"}, {"zone": "SP-1", "storage": "ambient"}])
    A, D = "2512050077", "2511200031"
    dz = codes(CODE_PREFIX[P_DZP], 5120000, 40)
    L.purchase(T("2026-01-10 10:00"), "CG20260110001", SUP_NK, [(P_AMX, 500, 860)])
    L.purchase(T("2026-01-10 10:10"), "CG20260110002", SUP_HY, [(P_DZP, 40, 1250)])
    L.receipt(T("2026-01-12 10:00"), "SH20260112001", SUP_NK, "CG20260110001", "DN-NK-20260112-01",
              [dict(product=P_AMX, batch=A, production_date="2025-12-05", expiry="2028-11-30", arrived=500)], label="rA")
    L.receipt(T("2026-01-12 11:00"), "SH20260112002", SUP_HY, "CG20260110002", "DN-HY-20260111-04",
              [dict(product=P_DZP, batch=D, production_date="2025-11-20", expiry="2028-10", arrived=40, codes=dz)], label="rD")
    L.put_away(T("2026-01-12 14:00"), "RK20260112001", "SH20260112001", "CG20260110001", [(P_AMX, A, 500, "RCV", "WH-A", None)])
    L.put_away(T("2026-01-12 14:20"), "RK20260112002", "SH20260112002", "CG20260110002", [(P_DZP, D, 40, "RCV", "SP-1", dz)])
    ia = L.inv_no(T("2026-01-14 09:00")); ta = L.invoice(T("2026-01-14 09:00"), ia, "purchase", SUP_NK, OWNER, [(P_AMX, 500, 860)], {"order": ["CG20260110001"]})
    ib = L.inv_no(T("2026-01-14 09:10"), prov="32"); tb = L.invoice(T("2026-01-14 09:10"), ib, "purchase", SUP_HY, OWNER, [(P_DZP, 40, 1250)], {"order": ["CG20260110002"]})
    L.sale(T("2026-01-20 09:00"), "XS20260120001", CUS_MZ, [(P_AMX, A, "2028-11-30", 200, 1035), (P_DZP, D, "2028-10-31", 10, 1480)])
    L.review(T("2026-01-20 09:30"), "FH20260120001", CUS_MZ, "XS20260120001", [(P_AMX, A, "2028-11-30", 200), (P_DZP, D, "2028-10-31", 10)])
    L.dispatch(T("2026-01-20 10:00"), "PS20260120001", CUS_MZ, "XS20260120001", [(P_AMX, A, 200, "WH-A", None), (P_DZP, D, 10, "SP-1", dz[:10])])
    i1 = L.inv_no(T("2026-01-21 09:00"))
    t1 = L.invoice(T("2026-01-21 09:00"), i1, "sale", OWNER, CUS_MZ, [(P_AMX, 200, 1035), (P_DZP, 10, 1480)], {"sale": ["XS20260120001"]})
    L.payment(T("2026-02-10 10:00"), "FK20260210001", "outgoing", OWNER, SUP_NK, ta, [ia])
    L.payment(T("2026-02-10 10:10"), "FK20260210002", "outgoing", OWNER, SUP_HY, tb, [ib])
    L.payment(T("2026-02-25 10:00"), "SK20260225001", "incoming", CUS_MZ, OWNER, t1, [i1], label="lastOld")
    # the quiet time: master data only
    new_acc = ("中国建设银行杭州未来科技城支行", "33050161726300000888")
    L.add("licence_changed", T("2026-06-15 10:00"), {
        "party": SUP_NK, "licence": PN[SUP_NK]["licence"], "accounts": [{"bank": new_acc[0], "number": new_acc[1]}],
        "reason": "基本存款账户变更（原账户销户），许可证不变"}, by=["质管-周敏"], label="acc")
    L.add("licence_changed", T("2026-11-20 10:00"), {
        "party": CUS_MZ, "licence": LIC("PDY00033330212A1001", "medical_institution", "2027-01-01", "2031-12-31"),
        "reason": "医疗机构执业许可证校验换证（有效期至 2026-12-31，新证自 2027-01-01 起）"}, by=["质管-周敏"], label="renew")
    # activity again
    L.stock_count(T("2027-03-15 09:00"), "PD20270315001", "WH-A", label="c1")
    L.stock_count(T("2027-03-15 09:30"), "PD20270315002", "SP-1", label="c2")
    L.sale(T("2027-03-16 09:00"), "XS20270316001", CUS_MZ, [(P_AMX, A, "2028-11-30", 100, 1035), (P_DZP, D, "2028-10-31", 10, 1480)], label="s2")
    L.review(T("2027-03-17 09:00"), "FH20270317001", CUS_MZ, "XS20270316001", [(P_AMX, A, "2028-11-30", 100), (P_DZP, D, "2028-10", 10)], label="rv2")
    L.dispatch(T("2027-03-17 09:30"), "PS20270317001", CUS_MZ, "XS20270316001",
               [(P_AMX, A, 100, "WH-A", None), (P_DZP, D, 10, "SP-1", dz[10:20])], label="d2")
    i2 = L.inv_no(T("2027-03-17 15:00"))
    t2 = L.invoice(T("2027-03-17 15:00"), i2, "sale", OWNER, CUS_MZ, [(P_AMX, 100, 1035), (P_DZP, 10, 1480)], {"sale": ["XS20270316001"]})
    L.purchase(T("2027-03-20 10:00"), "CG20270320001", SUP_NK, [(P_AMX, 300, 860)])
    L.receipt(T("2027-03-22 10:00"), "SH20270322001", SUP_NK, "CG20270320001", "DN-NK-20270322-02",
              [dict(product=P_AMX, batch=A, production_date="2025-12-05", expiry="2028-11-30", arrived=300)], label="rA2")
    L.put_away(T("2027-03-22 14:00"), "RK20270322001", "SH20270322001", "CG20270320001", [(P_AMX, A, 300, "RCV", "WH-A", None)])
    ic = L.inv_no(T("2027-03-23 09:00")); tc = L.invoice(T("2027-03-23 09:00"), ic, "purchase", SUP_NK, OWNER, [(P_AMX, 300, 860)], {"order": ["CG20270320001"]})
    old = ACC[SUP_NK]
    ACC[SUP_NK] = new_acc
    L.payment(T("2027-04-10 10:00"), "FK20270410001", "outgoing", OWNER, SUP_NK, tc, [ic], label="payNew")
    ACC[SUP_NK] = old
    L.payment(T("2027-04-15 10:00"), "SK20270415001", "incoming", CUS_MZ, OWNER, t2, [i2])
    L.stock_count(T("2027-06-01 09:00"), "PD20270601001", "WH-A")
    L.stock_count(T("2027-06-01 09:30"), "PD20270601002", "SP-1")
    L.finalize()
    L.assert_balanced()
    L.note("the last business event of the first period is line {lastOld} (25 Feb 2026); the next goods event is the count "
           "on 15 Mar 2027 (line {c1}): 383 days with only two licence_changed events (lines {acc}, {renew}); format.md "
           "Years: 'Within the window, the engine copes with any jump of time between events'")
    L.note("rules.md intro: 'The engine remembers closed business for return_window_days (default 180) and forgets it "
           "afterwards … sales and orders from their occurred_at, invoices from their payment deadline …'; the January "
           "2026 orders, sales and invoices are closed and forgotten, but the stock is not closed business: "
           "architecture.md 'batches are forgotten once they hold no stock and saw no activity for that window' — both "
           "batches hold stock all year")
    L.note("地西泮片 (psychotropic2, SPECIAL-CHAIN): the 30 unit codes stay in SP-1 the whole year and 10 of them leave on "
           "17 Mar 2027 (line {d2}); architecture.md 'a sweep once a week of the clock removes such codes [codes that "
           "left] from memory, so memory follows live stock'; two acceptors and two reviewers sign; the hospital's "
           "scope has psychotropic2; SOM: 2 orders, below som_min_history 4")
    L.note("the review of line {rv2} gives the 地西泮 expiry as the label prints it, '2028-10', and the sale as "
           "2028-10-31; the receipt (line {rD}) said '2028-10': format.md 'A label with month precision (2027-06) means "
           "the last day of that month and is stored as that date'; OUT-REV compares with 'the batch's expiry on receipt', "
           "a receipt 14 months old")
    L.note("the supplier's bank account is replaced (line {acc}, licence_changed with the unchanged licence, since "
           "`licence` is required) and the 2027 purchase is paid to the new account (line {payNew}): format.md "
           "licence_changed 'accounts … replace the registered ones'")
    L.note("the hospital's licence ended 2026-12-31 and was renewed from 2027-01-01 (line {renew}, recorded in Nov 2026); "
           "the 2027 sale (line {s2}) is inside the new licence")
    L.note("宁康 re-delivers the same batch 2512050077 fourteen months after the first delivery (line {rA2}, same "
           "production date and expiry): one batch arriving on two orders 14 months apart")
    L.why("quiet: stock held through the quiet year counts right (300 阿莫西林, 30 地西泮 with their codes) and leaves "
          "lawfully; licences valid on every event date; goods, invoices and payments agree; the June 2027 counts agree")
    return L


def batch_identity():
    L = Ledger(133, "same-batch-number-two-products-one-expired-and-month-vs-day-expiry-spellings", "LEGITIMATE",
               "two manufacturers print the same batch number 250501 on 维生素C片 (有效期至 2026.11) and on 阿莫西林胶囊 "
               "(有效期至 2028.04); the vitamin C batch expires, is locked the next morning and destroyed, while the "
               "amoxicillin batch of the same number keeps selling in December; the amoxicillin batch arrives twice, once "
               "recorded with the month-precision expiry '2028-04' and once as '2028-04-30', and sales and reviews use both")
    L.master(T("2026-05-25 09:00"), [(SUP_VC, "supplier"), (SUP_NK, "supplier"), (CUS_KT, "customer"), (RC_KN, "customer")],
             [P_VC, P_AMX], [{"zone": "WH-A", "storage": "ambient"}])
    B = "250501"
    L.purchase(T("2026-06-01 10:00"), "CG20260601001", SUP_VC, [(P_VC, 300, 350)])
    L.purchase(T("2026-06-01 10:10"), "CG20260601002", SUP_NK, [(P_AMX, 600, 860)])
    L.receipt(T("2026-06-02 10:00"), "SH20260602001", SUP_VC, "CG20260601001", "DN-VC-20260602-01",
              [dict(product=P_VC, batch=B, production_date="2025-05-01", expiry="2026-11", arrived=300)], label="rVC")
    L.receipt(T("2026-06-03 10:00"), "SH20260603001", SUP_NK, "CG20260601002", "DN-NK-20260603-01",
              [dict(product=P_AMX, batch=B, production_date="2025-05-01", expiry="2028-04", arrived=600)], label="rA1")
    L.put_away(T("2026-06-02 14:00"), "RK20260602001", "SH20260602001", "CG20260601001", [(P_VC, B, 300, "RCV", "WH-A", None)])
    L.put_away(T("2026-06-03 14:00"), "RK20260603001", "SH20260603001", "CG20260601002", [(P_AMX, B, 600, "RCV", "WH-A", None)])
    iv = L.inv_no(T("2026-06-03 09:00")); tv = L.invoice(T("2026-06-03 09:00"), iv, "purchase", SUP_VC, OWNER, [(P_VC, 300, 350)], {"order": ["CG20260601001"]})
    ia = L.inv_no(T("2026-06-04 09:00")); ta = L.invoice(T("2026-06-04 09:00"), ia, "purchase", SUP_NK, OWNER, [(P_AMX, 600, 860)], {"order": ["CG20260601002"]})
    L.payment(T("2026-06-30 10:00"), "FK20260630001", "outgoing", OWNER, SUP_VC, tv, [iv])
    L.payment(T("2026-07-05 10:00"), "FK20260705001", "outgoing", OWNER, SUP_NK, ta, [ia])
    # sales
    sales = [("2026-06-20", "XS20260620001", RC_KN, P_VC, "2026-11-30", "2026-11", 280, 520, "sVC"),
             ("2026-07-10", "XS20260710001", CUS_KT, P_AMX, "2028-04-30", "2028-04", 300, 1100, "sA1"),
             ("2026-12-01", "XS20261201001", CUS_KT, P_AMX, "2028-04", "2028-04-30", 400, 1100, "sA2"),
             ("2026-12-20", "XS20261220001", RC_KN, P_AMX, "2028-04-30", "2028-04", 200, 1080, "sA3")]
    pay = []
    for d, doc, cus, p, sexp, rexp, q, pr, lab in sales:
        t = T(d + " 10:00")
        L.sale(t, doc, cus, [(p, B, sexp, q, pr)], label=lab)
        L.review(t + timedelta(minutes=20), "FH" + doc[2:], cus, doc, [(p, B, rexp, q)], label="r" + lab)
        L.dispatch(t + timedelta(minutes=30), "PS" + doc[2:], cus, doc, [(p, B, q, "WH-A", None)], label="d" + lab)
        i = L.inv_no(t + timedelta(hours=5))
        tot = L.invoice(t + timedelta(hours=5), i, "sale", OWNER, cus, [(p, q, pr)], {"sale": [doc]})
        pay.append((t + timedelta(days=40), cus, tot, i))
    # the vitamin C batch expired on 30 Nov: locked at 08:30 the next day, destroyed on 15 Dec
    L.transfer(T("2026-12-01 08:30"), "YK20261201001", "quarantine", [(P_VC, B, 20, "WH-A", "QA", None)], label="lock")
    L.move("destruction", T("2026-12-15 10:00"), "XH20261215001", [(P_VC, B, 20, "QA", None, None)], reason="过期（有效期至 2026.11）",
           extra={"method": "交有资质单位焚烧"}, by=["质管-周敏", "保管-赵磊"])
    # second delivery of the amoxicillin batch, expiry recorded to the day
    L.purchase(T("2026-11-20 10:00"), "CG20261120001", SUP_NK, [(P_AMX, 400, 860)])
    L.receipt(T("2026-11-21 10:00"), "SH20261121001", SUP_NK, "CG20261120001", "DN-NK-20261121-03",
              [dict(product=P_AMX, batch=B, production_date="2025-05-01", expiry="2028-04-30", arrived=400)], label="rA2")
    L.put_away(T("2026-11-21 14:00"), "RK20261121001", "SH20261121001", "CG20261120001", [(P_AMX, B, 400, "RCV", "WH-A", None)])
    ic = L.inv_no(T("2026-11-22 09:00")); tc = L.invoice(T("2026-11-22 09:00"), ic, "purchase", SUP_NK, OWNER, [(P_AMX, 400, 860)], {"order": ["CG20261120001"]})
    L.payment(T("2026-12-20 11:00"), "FK20261220001", "outgoing", OWNER, SUP_NK, tc, [ic])
    for k, (t, cus, tot, i) in enumerate(pay):
        L.payment(t, "SK%s%03d" % (t.strftime("%Y%m%d"), k + 1), "incoming", cus, OWNER, tot, [i])
    L.stock_count(T("2027-02-25 10:00"), "PD20270225001", "WH-A", zero=[(P_VC, B)])
    L.stock_count(T("2027-02-25 10:30"), "PD20270225002", "QA", zero=[(P_VC, B)])
    L.finalize()
    L.assert_balanced()
    L.note("batch numbers are printed by each manufacturer and are unique only per product: 250501 is a batch of 维生素C片 "
           "(line {rVC}, 有效期至 2026-11 = 2026-11-30) and of 阿莫西林胶囊 (line {rA1}, 有效期至 2028-04 = 2028-04-30); "
           "format.md names a batch by product and batch everywhere (MoveLine/OutLine `product` + `batch`); rules.md "
           "EXPIRED reads receipt.lines[].{{product,batch,expiry}} and dispatch.lines[].{{product,batch}}")
    L.note("the 阿莫西林 dispatches of 1 Dec 10:30 (line {dsA2}) and 20 Dec (line {dsA3}) come after the 维生素C batch "
           "250501 expired (30 Nov), 17 months before their own expiry; the vitamin C batch last left on 20 Jun (line "
           "{dsVC}, 163 days before its expiry: no EXPIRED-NEAR); its remaining 20 bottles are locked at 08:30 on 1 Dec "
           "(line {lock}) and destroyed on 15 Dec")
    L.note("format.md ReceiptLine.expiry: 'A label with month precision (2027-06) means the last day of that month and is "
           "stored as that date'; the amoxicillin batch is received once as '2028-04' (line {rA1}) and once as "
           "'2028-04-30' (line {rA2}); sales and reviews use either spelling (lines {sA1}/{rsA1}, {sA2}/{rsA2}, "
           "{sA3}/{rsA3}): rules.md OUT-REV 'whose product, batch, expiry and quantity equal the goods shipped and the sale'")
    L.note("customers pay 40 days after each sale; the ledger ends with counts on 25 Feb 2027, after every deadline")
    L.why("quiet: no batch of any product is dispatched after its own expiry or within 90 days of it; expiries agree "
          "between receipt, sale and review as dates; goods, invoices and payments agree; counts agree")
    return L


def returns_and_net_payment():
    L = Ledger(134, "customer-returns-one-released-and-resold-one-psychotropic2-destroyed-and-net-payment-listing-red-invoice",
               "LEGITIMATE", "a public hospital returns 30 boxes of 阿莫西林 it over-ordered (re-accepted and released to "
               "stock, then sold to a pharmacy chain) and 2 boxes of 地西泮片 with broken seals (quarantined and destroyed "
               "under a regulator's supervision with witnesses); one red-letter invoice credits both, and the hospital "
               "pays the net amount with one transfer whose payment notice lists the blue and the red invoice numbers")
    L.master(T("2026-09-01 09:00"), [(SUP_NK, "supplier"), (SUP_HY, "supplier"), (CUS_RH, "customer"), (RC_KN, "customer")],
             [P_AMX, P_DZP], [{"zone": "WH-A", "storage": "ambient"}, {"zone": "SP-1", "storage": "ambient"}])
    A, D = "2608200041", "2607300012"
    dz = codes(CODE_PREFIX[P_DZP], 7300000, 50)
    L.purchase(T("2026-09-02 10:00"), "CG20260902001", SUP_NK, [(P_AMX, 800, 860)])
    L.purchase(T("2026-09-02 10:10"), "CG20260902002", SUP_HY, [(P_DZP, 50, 1250)])
    L.receipt(T("2026-09-03 10:00"), "SH20260903001", SUP_NK, "CG20260902001", "DN-NK-20260903-01",
              [dict(product=P_AMX, batch=A, production_date="2026-08-20", expiry="2029-08-19", arrived=800)])
    L.receipt(T("2026-09-04 10:00"), "SH20260904001", SUP_HY, "CG20260902002", "DN-HY-20260903-02",
              [dict(product=P_DZP, batch=D, production_date="2026-07-30", expiry="2029-07-29", arrived=50, codes=dz)])
    L.put_away(T("2026-09-03 14:00"), "RK20260903001", "SH20260903001", "CG20260902001", [(P_AMX, A, 800, "RCV", "WH-A", None)])
    L.put_away(T("2026-09-04 14:00"), "RK20260904001", "SH20260904001", "CG20260902002", [(P_DZP, D, 50, "RCV", "SP-1", dz)])
    ia = L.inv_no(T("2026-09-04 16:00")); ta = L.invoice(T("2026-09-04 16:00"), ia, "purchase", SUP_NK, OWNER, [(P_AMX, 800, 860)], {"order": ["CG20260902001"]})
    ib = L.inv_no(T("2026-09-05 16:00"), prov="32"); tb = L.invoice(T("2026-09-05 16:00"), ib, "purchase", SUP_HY, OWNER, [(P_DZP, 50, 1250)], {"order": ["CG20260902002"]})
    L.sale(T("2026-09-10 09:00"), "XS20260910001", CUS_RH, [(P_AMX, A, "2029-08-19", 300, 1035), (P_DZP, D, "2029-07-29", 20, 1480)])
    L.review(T("2026-09-10 09:30"), "FH20260910001", CUS_RH, "XS20260910001", [(P_AMX, A, "2029-08-19", 300), (P_DZP, D, "2029-07-29", 20)])
    L.dispatch(T("2026-09-10 10:00"), "PS20260910001", CUS_RH, "XS20260910001", [(P_AMX, A, 300, "WH-A", None), (P_DZP, D, 20, "SP-1", dz[:20])])
    i1 = L.inv_no(T("2026-09-11 09:00"))
    t1 = L.invoice(T("2026-09-11 09:00"), i1, "sale", OWNER, CUS_RH, [(P_AMX, 300, 1035), (P_DZP, 20, 1480)], {"sale": ["XS20260910001"]}, label="inv")
    L.customer_return(T("2026-09-15 10:00"), "TH20260915001", CUS_RH, "XS20260910001", "PS20260910001",
                      "阿莫西林订货数量有误（多订30盒，未拆封）；地西泮片2盒外包装封签破损",
                      [(P_AMX, A, 30, "RET", None), (P_DZP, D, 2, "RET", dz[18:20])], label="ret")
    c1 = L.inv_no(T("2026-09-15 15:00"))
    tc1 = L.invoice(T("2026-09-15 15:00"), c1, "sale", OWNER, CUS_RH, [(P_AMX, 30, 1035), (P_DZP, 2, 1480)], {"sale": ["XS20260910001"]}, credit_for=i1, label="cn")
    L.transfer(T("2026-09-16 10:00"), "YK20260916001", "release", [(P_AMX, A, 30, "RET", "WH-A", None)], refs={"receipt": ["TH20260915001"]}, label="rel")
    L.transfer(T("2026-09-16 10:30"), "YK20260916002", "quarantine", [(P_DZP, D, 2, "RET", "QA", dz[18:20])],
               refs={"receipt": ["TH20260915001"]}, by=["质管-周敏", "保管-赵磊"], label="q")
    L.sale(T("2026-09-20 09:00"), "XS20260920001", RC_KN, [(P_AMX, A, "2029-08-19", 30, 1080)], label="resale")
    L.review(T("2026-09-20 09:30"), "FH20260920001", RC_KN, "XS20260920001", [(P_AMX, A, "2029-08-19", 30)])
    L.dispatch(T("2026-09-20 10:00"), "PS20260920001", RC_KN, "XS20260920001", [(P_AMX, A, 30, "WH-A", None)])
    i2 = L.inv_no(T("2026-09-20 15:00"))
    t2 = L.invoice(T("2026-09-20 15:00"), i2, "sale", OWNER, RC_KN, [(P_AMX, 30, 1080)], {"sale": ["XS20260920001"]})
    L.move("destruction", T("2026-09-28 10:00"), "XH20260928001", [(P_DZP, D, 2, "QA", None, dz[18:20])],
           reason="销后退回，外包装封签破损，不得再销售，经批准销毁", extra={
               "method": "粉碎后交有资质单位焚烧", "supervisors": ["杭州市西湖区市场监督管理局 执法人员 林涛", "杭州市西湖区市场监督管理局 执法人员 陈晓"]},
           by=["质管-周敏", "保管-赵磊", "保管-钱程"], label="destroy")
    L.payment(T("2026-10-08 10:00"), "FK20261008001", "outgoing", OWNER, SUP_NK, ta, [ia])
    L.payment(T("2026-10-08 10:10"), "FK20261008002", "outgoing", OWNER, SUP_HY, tb, [ib])
    L.payment(T("2026-10-20 10:00"), "SK20261020001", "incoming", RC_KN, OWNER, t2, [i2])
    L.payment(T("2026-10-25 10:00"), "SK20261025001", "incoming", CUS_RH, OWNER, t1 - tc1, [i1, c1], label="net")
    for k, (loc, zero) in enumerate((("WH-A", []), ("SP-1", []), ("RET", [(P_AMX, A), (P_DZP, D)]), ("QA", [(P_DZP, D)]))):
        L.stock_count(T("2026-12-01 10:00") + timedelta(minutes=15 * k), "PD2026120100%d" % (k + 1), loc, zero=zero)
    L.finalize()
    L.assert_balanced()
    L.note("the return (line {ret}) names the sale and its delivery note and carries the two 地西泮 unit codes, which "
           "left with the dispatch (format.md customer_return codes: 'each must have been shipped from this ledger')")
    L.note("阿莫西林: RET → WH-A by an explicit `release` after re-acceptance (line {rel}) and resold to 康宁大药房 (line "
           "{resale}); rules.md QUARANTINE allows 'to storage by an explicit release after re-inspection'")
    L.note("地西泮片: RET → QA (line {q}, reason quarantine, codes, two people), destroyed from QA (line {destroy}) with "
           "codes, two regulator supervisors and three people signing: rules.md SPECIAL-DESTROY 'Destruction of "
           "special-control drugs records the regulator's supervisor(s) present'")
    L.note("one red-letter invoice (line {cn}) credits 30 阿莫西林 and 2 地西泮 of the invoice at line {inv}; the "
           "hospital's payment (line {net}) of the net 3,060.90 元 (3,401.00 − 340.10) lists [blue invoice, red invoice], "
           "as its payment notice does. format.md payment.invoices: 'Numbers of the invoices (or credit notes) this payment "
           "settles. The amount goes to them in order, each up to its open amount, the last taking the remainder'; UNPAID: "
           "'An invoice (net of credit notes) not fully paid'. The docs do not define the open amount of a credit note "
           "(third-round gap B10): I assume the blue invoice's open amount is its net 3,060.90, which the payment covers, "
           "and the credit note takes the remainder 0")
    L.note("SPECIAL-CASH: bank transfer; SPECIAL-2P: two acceptors and two reviewers for the 地西泮 lines; SOM: one order")
    L.why("quiet: every returned box is either released and resold or quarantined and destroyed under supervision; the "
          "custody chain of the 地西泮 codes is unbroken; goods net of returns = invoices net of the credit note = payments; "
          "counts agree")
    return L


LEDGERS = [
    lambda: year_end(123, "year-end-midnight-beijing-utc-previous-day-every-instant-spelling-licence-renewal", "LEGITIMATE",
                     "the night of 31 Dec 2026 → 1 Jan 2027 in Beijing (still 31 Dec until 08:00 UTC): a delivery at 22:30, "
                     "a year-end sale at 23:58:30 invoiced at 23:59 and shipped at 00:03, the year-end count at "
                     "23:59:59.999, a new customer whose licence starts on 1 Jan ordering at 00:05, a customer whose "
                     "licence renewal takes effect at midnight; instants written as +08:00, Z, lower-case t/z, +0800, with "
                     "a space and with fractional seconds", control=False),
    cold_split_trucks, split_shipments, same_batch_lines, colliding_numbers, recall, cold_room_probes,
    long_texts_control, quiet_year,
    lambda: year_end(132, "year-end-midnight-supplier-and-customer-licences-lapse-at-local-midnight", "VIOLATION",
                     "ledger 123's year-end night without the renewals: the supplier's and the customer's licences end on "
                     "31 Dec; a delivery at 00:20 and a sale at 00:05 Beijing on 1 Jan (31 Dec in UTC)", control=True),
    batch_identity, returns_and_net_payment,
]


def main():
    only_check = "--check" in sys.argv
    built = [mk() for mk in LEDGERS]
    nums = [L.num for L in built]
    assert nums == list(range(123, 135)), nums
    for L in built:
        if not only_check:
            base = L.write(OUT)
            print("%s  %d events" % (os.path.basename(base), len(L.events)))
        else:
            print("%d ok (%d events)" % (L.num, len(L.events)))


if __name__ == "__main__":
    main()
