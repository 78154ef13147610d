#!/usr/bin/env python3
"""Round 13 inspection ledgers 166-173: special-control drugs through lawful but unusual business (a
manufacturer's recall of a narcotic batch returned from the hospital and from the special store; expired
psychotropics quarantined and destroyed under supervision; transfers between our own warehouses and stock counts
adjusted by loss reports; licences and seal cards renewed mid-year; narcotics bought from a national wholesaler on
two orders under one invoice), with violations placed next to the lawful cases.

Written from README.md, docs/ and the earlier rounds' ledgers/reports only; the library part (identifiers, time,
the Ledger class, self-checks, Docs) is copied from rounds/generator/round12.py (id seed changed to r13).
Deterministic: no clock, no randomness.

    python3 generator/round13.py            # writes NN-name.jsonl / NN-name.expected into ../ledgers/
    python3 generator/round13.py --check    # only the self-checks, writes nothing
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
            h = hashlib.sha256(("r13-%d-%s-%d" % (self.num, self.name, i)).encode()).digest()
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


class Docs:
    """document numbers per ledger"""
    def __init__(self):
        self.n = defaultdict(int)

    def __call__(self, prefix, at):
        key = prefix + at.astimezone(CST).strftime("%Y%m%d")
        self.n[key] += 1
        return "%s%03d" % (key, self.n[key])




# ================================================================ round 13 master data
# the owner holds the narcotic / psychotropic scope and is a regional wholesaler (as in rounds 6 and 9a)
P(OWNER, "浙江仁济医药有限公司", "wholesaler", LIC("浙AA5710023", "drug_wholesale", "2023-03-01", "2028-02-28"),
  ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "cold_chain"], "浙江",
  "浙江省杭州市西湖区文三路 388 号", ("中国工商银行杭州西湖支行", "1202021109900371234"),
  special={"designation": "regional_wholesaler", "valid_to": "2028-02-28"})
SUP_HA = uscc("91510100MA61XN4H")   # 西南恒安制药有限公司 (Chengdu, designated manufacturer of narcotics)
P(SUP_HA, "西南恒安制药有限公司", "manufacturer", LIC("川20000311", "drug_manufacturing", "2021-06-01", "2026-05-31"),
  ["chemical", "narcotic", "psychotropic1"], "四川", "四川省成都市高新区天府大道中段 1388 号",
  ("中国银行成都高新支行", "128765432101"),
  special={"designation": "designated_manufacturer", "valid_to": "2030-08-31"})
W_ZK = uscc("91310000MA1FWK7N")     # 中康医药集团（上海）有限公司 (national wholesaler of narcotics)
P(W_ZK, "中康医药集团（上海）有限公司", "wholesaler", LIC("沪AA0210001", "drug_wholesale", "2024-01-01", "2028-12-31"),
  ["chemical", "narcotic", "psychotropic1", "psychotropic2"], "上海", "上海市静安区江宁路 1111 号",
  ("交通银行上海静安支行", "310066726018010012345"),
  special={"designation": "national_wholesaler", "valid_to": "2028-12-31"})
RH_CARD = {"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2023〕0107", "valid_to": "2029-06-30"}
P(CUS_RH, "杭州市仁和医院", "medical_institution",
  LIC("PDY00012330105A1001", "medical_institution", "2022-01-01", "2031-12-31"),
  ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "cold_chain"], "浙江",
  "浙江省杭州市拱墅区湖墅南路 120 号", ("中国农业银行杭州拱墅支行", "19030101040012345"),
  public_hospital=True, special=RH_CARD)
P(CUS_KT, "杭州康泰医院", "medical_institution",
  LIC("PDY00078330106A2101", "medical_institution", "2021-07-01", "2031-06-30"),
  ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "cold_chain"], "浙江",
  "浙江省杭州市西湖区留下街道西溪路 1003 号", ("杭州银行西湖支行", "3301040160001234567"),
  special={"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2024〕0388", "valid_to": "2029-12-31"})

P_MOR = bwm("8690345600011")   # 盐酸吗啡注射液 (narcotic)
P_PTD = bwm("8690345600028")   # 盐酸哌替啶注射液 (narcotic)
PRODUCTS[P_MOR] = dict(generic_name="盐酸吗啡注射液", form="注射剂", spec="1ml:10mg", manufacturer="西南恒安制药有限公司",
                       approval_number="国药准字H51021234", category="narcotic", control="narcotic", storage="ambient",
                       rx=True, unit="支")
PRODUCTS[P_PTD] = dict(generic_name="盐酸哌替啶注射液", form="注射剂", spec="2ml:100mg", manufacturer="西南恒安制药有限公司",
                       approval_number="国药准字H51021256", category="narcotic", control="narcotic", storage="ambient",
                       rx=True, unit="支")
CONTROLLED.update({P_MOR, P_PTD})
CODE_PREFIX.update({P_MOR: "81034560", P_PTD: "81034561"})

SP1 = {"zone": "SP-1", "storage": "ambient"}
SP2 = {"zone": "SP-2", "storage": "ambient"}
WHA = {"zone": "WH-A", "storage": "ambient"}
WHB = {"zone": "WH-B", "storage": "ambient"}

SUPERVISORS = ["杭州市西湖区市场监督管理局 林强", "杭州市西湖区市场监督管理局 何静"]
AUTHORITIES = ["杭州市公安局萧山区分局", "杭州市萧山区市场监督管理局", "杭州市萧山区卫生健康局"]


def ucodes(product, batch_key, a, b):
    """unit codes a..b (inclusive) of one batch: 8-digit product prefix + 6-digit batch key + 6-digit serial"""
    return ["%s%s%06d" % (CODE_PREFIX[product], batch_key, i) for i in range(a, b + 1)]


def buy(L, D, at, supplier, items, to_loc, label, inv_at=None, pay_days=14, invoice=True, rcv_loc="RCV"):
    """items: dicts product, qty, price, batch, pd, exp[, codes]; purchase at, receipt +1 d into RCV,
    put-away +1 d 2 h to to_loc, invoice +3 d, payment pay_days later."""
    po = D("CG", at)
    L.purchase(at, po, supplier, [(i["product"], i["qty"], i["price"]) for i in items], label=label + "-po")
    r = at + timedelta(days=1)
    rdoc = D("SH", r)
    L.receipt(r, rdoc, supplier, po, "DN-%s" % D("", r),
              [dict(product=i["product"], batch=i["batch"], production_date=i["pd"], expiry=i["exp"],
                    arrived=i["qty"], location=rcv_loc, codes=i.get("codes")) for i in items], label=label)
    if rcv_loc != to_loc:
        pa = r + timedelta(hours=2)
        L.put_away(pa, D("RK", pa), rdoc, po, [(i["product"], i["batch"], i["qty"], rcv_loc, to_loc, i.get("codes"))
                                               for i in items], label=label + "-pa")
    res = dict(po=po, rdoc=rdoc)
    if invoice:
        iat = inv_at or (at + timedelta(days=3))
        ino = L.inv_no(iat)
        tot = L.invoice(iat, ino, "purchase", supplier, OWNER, [(i["product"], i["qty"], i["price"]) for i in items],
                        {"order": [po]}, label=label + "-inv")
        pat = iat + timedelta(days=pay_days)
        L.payment(pat, D("FK", pat), "outgoing", OWNER, supplier, tot, [ino], label=label + "-pay")
        res.update(ino=ino, tot=tot)
    return res


def sell_items(L, D, at, customer, items, label, invoice=True, pay_days=30, inv_at=None):
    """items: (product, batch, expiry, qty, price, from, codes|None); sale, review +3 h, dispatch +4 h,
    invoice +5 h, payment pay_days later."""
    sdoc = D("XS", at)
    L.sale(at, sdoc, customer, [(p, b, e, q, pr) for p, b, e, q, pr, fr, cs in items], label=label)
    rv = at + timedelta(hours=3)
    L.review(rv, D("FH", rv), customer, sdoc, [(p, b, e, q) for p, b, e, q, pr, fr, cs in items],
             label=label + "-rev")
    dt = at + timedelta(hours=4)
    dn = D("PS", dt)
    L.dispatch(dt, dn, customer, sdoc, [(p, b, q, fr, cs) for p, b, e, q, pr, fr, cs in items], label=label + "-d")
    res = dict(sdoc=sdoc, dn=dn)
    if invoice:
        iat = inv_at or (at + timedelta(hours=5))
        ino = L.inv_no(iat)
        tot = L.invoice(iat, ino, "sale", OWNER, customer, [(p, q, pr) for p, b, e, q, pr, fr, cs in items],
                        {"sale": [sdoc], "delivery_note": [dn]}, label=label + "-inv")
        pat = iat + timedelta(days=pay_days)
        L.payment(pat, D("SK", pat), "incoming", customer, OWNER, tot, [ino], label=label + "-pay")
        res.update(ino=ino, tot=tot)
    return res


def cash_payment(L, at, doc, direction, payer, payee, amount, invoices, label):
    data = {"doc": doc, "direction": direction, "payer": payer, "payee": payee, "payer_account": "",
            "payee_account": "", "amount": money(amount), "method": "cash", "invoices": invoices}
    return L.add("payment", at, data, refs={"invoice": invoices[0]}, by=["财务-王芳", "出纳-蒋琳"], label=label)


def licence_changed(L, at, party, lic, reason, label=None, **fields):
    data = {"party": party, "licence": lic}
    for k in ("scope", "accounts", "special"):
        if k in fields:
            data[k] = fields[k]
    data["reason"] = reason
    return L.add("licence_changed", at, data, by=["质管-周敏"], label=label)


SPECIAL_NOTE = ("owner 浙江仁济医药 is a regional_wholesaler with narcotic/psychotropic scope; 西南恒安制药 (四川) is a "
                "designated_manufacturer; hospitals hold seal cards with their numbers on file, in 浙江; receipts, reviews and "
                "special-store movements are signed by two people; every special-control movement line carries one unit code "
                "per unit; payments are bank transfers unless a note says otherwise")
CHAIN_WHY = ("rules.md SPECIAL-CHAIN: 'each movement line carries one code per unit, and a unit leaves from the location "
             "where the ledger last put it'; QUARANTINE: 'Stock in a quarantine or returns location may move only to another "
             "quarantine location, back to the supplier, to destruction, or to storage by an explicit release'")


# ---------------------------------------------------------------- 166 / 173: a manufacturer's recall of a narcotic batch
def recall(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-03-02 09:00"), [(SUP_HA, "supplier"), (CUS_RH, "customer")], [P_MOR], [SP1])
    B = ("2602150011", "2026-02-15", "2029-01-31")
    cs = ucodes(P_MOR, "260215", 1, 40)
    b = buy(L, D, T("2026-03-05 10:00"), SUP_HA, [dict(product=P_MOR, qty=40, price=2850, batch=B[0], pd=B[1], exp=B[2],
                                                      codes=cs)], "SP-1", "buy", pay_days=11)
    s = sell_items(L, D, T("2026-03-16 10:00"), CUS_RH, [(P_MOR, B[0], B[2], 10, 3200, "SP-1", cs[:10])], "s1")
    # 20 Apr: 西南恒安 recalls the batch (二级召回): our 30 units are locked in QA, 仁和 sends back its 3 unused units
    t = T("2026-04-20 15:00")
    L.transfer(t, D("YK", t), "quarantine", [(P_MOR, B[0], 30, "SP-1", "QA", cs[10:])], label="lock")
    t = T("2026-04-21 10:00")
    L.customer_return(t, D("TH", t), CUS_RH, s["sdoc"], s["dn"], "厂家召回（二级召回），未使用退回",
                      [(P_MOR, B[0], 3, "RET", cs[7:10])], label="ret")
    t = T("2026-04-22 10:00")
    cn_s = L.inv_no(t)
    L.invoice(t, cn_s, "sale", OWNER, CUS_RH, [(P_MOR, 3, 3200)], {"sale": [s["sdoc"]]}, credit_for=s["ino"],
              label="cn-s")
    t = T("2026-04-23 10:00")
    L.move("supplier_return", t, D("GT", t), [(P_MOR, B[0], 30, "QA", None, cs[10:]),
                                               (P_MOR, B[0], 3, "RET", None, cs[7:10])],
           refs={"order": [b["po"]]}, reason="厂家召回（二级召回）", extra={"supplier": SUP_HA}, label="sret")
    t = T("2026-04-24 10:00")
    if violation:
        cash_payment(L, t, D("TK", t), "outgoing", OWNER, CUS_RH, 9600, [cn_s], label="refund-s")
    else:
        L.payment(t, D("TK", t), "outgoing", OWNER, CUS_RH, 9600, [cn_s], label="refund-s")
    t = T("2026-04-25 10:00")
    cn_p = L.inv_no(t)
    L.invoice(t, cn_p, "purchase", SUP_HA, OWNER, [(P_MOR, 33, 2850)], {"order": [b["po"]]}, credit_for=b["ino"],
              label="cn-p")
    t = T("2026-04-28 10:00")
    L.payment(t, D("SK", t), "incoming", SUP_HA, OWNER, 33 * 2850, [cn_p], label="refund-p")
    for d in ("2026-04-30 17:00", "2026-07-15 17:00"):
        L.stock_count(T(d), D("PD", T(d)), "SP-1", zero=[(P_MOR, B[0])], label="cnt-" + d[:10])
    L.note(SPECIAL_NOTE)
    L.note("recall of batch 2602150011: 30 units locked SP-1 -> QA (line {lock}), 3 unused units back from 仁和 to RET "
           "(line {ret}), all 33 returned to the manufacturer from QA and RET with their codes (line {sret}); red-letter "
           "invoices both ways (lines {cn-s}, {cn-p}) and refunds within 14 days of each overpayment")
    L.note("the ledger runs to 15 Jul 2026, past the UNPAID deadline of every invoice (60 days) and every correction window")
    L.why(CHAIN_WHY)
    L.why("rules.md TTGK-P/TTGK-S: 'invoiced quantities (net of credit notes) must not exceed the accepted quantities'; "
          "'An excess is pending at once and becomes a finding if not corrected (more goods, a credit note, a refund) "
          "within the correction window'; RETURN-ORIG: return names the sale to the same customer, 3 <= 10 dispatched")
    if violation:
        L.why("SPECIAL-CASH LINE {refund-s}: rules.md SPECIAL-CASH 'No cash payment may settle an invoice with a narcotic, "
              "psychotropic or precursor line'; Reads 'invoice.{{doc,credit_for}}': the refund of the red-letter invoice "
              "for 3 支 of 盐酸吗啡注射液 is paid out in cash to the hospital's pharmacist")
        L.expect_at("SPECIAL-CASH", "refund-s")
    L.finalize()
    L.assert_balanced()
    return L


# ---------------------------------------------------------------- 167: expired psychotropics, quarantined and destroyed
def expired(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-01-05 09:00"), [(SUP_HY, "supplier"), (SUP_NK, "supplier"), (CUS_RH, "customer"),
                                     (CUS_MZ, "customer")], [P_DZP, P_AMX], [SP1, WHA])
    B1 = ("HY2502011", "2025-02-01", "2027-01-31")
    c1 = ucodes(P_DZP, "250201", 1, 100)
    buy(L, D, T("2026-01-08 10:00"), SUP_HY, [dict(product=P_DZP, qty=100, price=1250, batch=B1[0], pd=B1[1],
                                                  exp=B1[2], codes=c1)], "SP-1", "dz1")
    A1 = ("NK2501051", "2025-01-05", "2027-01-04")
    buy(L, D, T("2026-01-08 11:00"), SUP_NK, [dict(product=P_AMX, qty=200, price=860, batch=A1[0], pd=A1[1],
                                                  exp=A1[2])], "WH-A", "ax1", rcv_loc="WH-A")
    sell_items(L, D, T("2026-04-10 10:00"), CUS_RH, [(P_DZP, B1[0], B1[2], 60, 1500, "SP-1", c1[:60])], "s1")
    sell_items(L, D, T("2026-05-10 10:00"), CUS_RH, [(P_AMX, A1[0], A1[2], 150, 1100, "WH-A", None)], "s2")
    B2 = ("HY2603011", "2026-03-01", "2029-02-28")
    c2 = ucodes(P_DZP, "260301", 1, 50)
    buy(L, D, T("2026-09-01 10:00"), SUP_HY, [dict(product=P_DZP, qty=50, price=1250, batch=B2[0], pd=B2[1],
                                                  exp=B2[2], codes=c2)], "SP-1", "dz2")
    # 2 Nov: both old batches are within 3 months of expiry: our policy locks them (近效期锁定, no more sales)
    t = T("2026-11-02 09:30")
    L.transfer(t, D("YK", t), "quarantine", [(P_DZP, B1[0], 40, "SP-1", "QA", c1[60:])], label="lock-dz",
               by=["质管-周敏", "保管-赵磊"])
    t = T("2026-11-02 10:00")
    L.transfer(t, D("YK", t), "quarantine", [(P_AMX, A1[0], 50, "WH-A", "QA", None)], label="lock-ax")
    sell_items(L, D, T("2026-12-01 10:00"), CUS_MZ, [(P_DZP, B2[0], B2[2], 20, 1500, "SP-1", c2[:20])], "s3")
    # the ordinary batch is destroyed without regulators (an ordinary drug), the psychotropic under supervision
    t = T("2027-02-10 10:00")
    L.move("destruction", t, D("XH", t), [(P_AMX, A1[0], 50, "QA", None, None)], reason="过期（有效期至 2027-01-04）",
           extra={"method": "委托杭州市固废处置中心焚烧"}, by=["质管-周敏", "保管-赵磊"], label="destroy-ax")
    t = T("2027-02-20 10:00")
    L.move("destruction", t, D("XH", t), [(P_DZP, B1[0], 40, "QA", None, c1[60:])], reason="过期（有效期至 2027-01-31）",
           extra={"method": "焚烧（杭州市固废处置中心，监督销毁）", "supervisors": SUPERVISORS},
           by=["质管-周敏", "保管-赵磊"], label="destroy-dz")
    for d in ("2027-03-01 17:00",):
        L.stock_count(T(d), D("PD", T(d)), "SP-1", zero=[(P_DZP, B1[0])], label="cnt-sp")
        L.stock_count(T(d) + timedelta(minutes=20), D("PD", T(d)), "QA", zero=[(P_DZP, B1[0]), (P_AMX, A1[0])],
                      label="cnt-qa")
    L.note(SPECIAL_NOTE)
    L.note("地西泮片 batch HY2502011 (expiry 2027-01-31): 60 boxes sold 10 Apr 2026 (296 days before expiry), the other "
           "40 locked in QA on 2 Nov 2026 (line {lock-dz}) and destroyed on 20 Feb 2027 with two supervisors and their "
           "codes (line {destroy-dz}); 阿莫西林 batch NK2501051: 150 sold, 50 locked (line {lock-ax}) and destroyed without "
           "supervisors (line {destroy-ax}): not a special-control drug")
    L.note("no dispatch is within 90 days of its batch's expiry (EXPIRED-NEAR); the ledger runs to 1 Mar 2027, past every deadline")
    L.why(CHAIN_WHY)
    L.why("rules.md SPECIAL-DESTROY: 'Destruction of special-control drugs records the regulator's supervisor(s) present' "
          "(line {destroy-ax} destroys an ordinary drug: the rule reads product_registered.control); EXPIRED: 'A batch was "
          "dispatched after its expiry date' (nothing expired is dispatched: destruction is not a dispatch)")
    L.finalize()
    L.assert_balanced()
    return L


# ---------------------------------------------------------------- 168 / 172: own warehouses, counts adjusted by loss reports
def warehouses(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-05-04 09:00"), [(SUP_HY, "supplier"), (SUP_NK, "supplier"), (CUS_MZ, "customer")],
             [P_DZP, P_AMX], [WHA, WHB, SP1, SP2])
    A = ("NK2604011", "2026-04-01", "2029-03-31")
    buy(L, D, T("2026-05-06 10:00"), SUP_NK, [dict(product=P_AMX, qty=600, price=860, batch=A[0], pd=A[1], exp=A[2])],
        "WH-A", "ax", rcv_loc="WH-A")
    B = ("HY2604021", "2026-04-02", "2029-04-01")
    cs = ucodes(P_DZP, "260402", 1, 60)
    buy(L, D, T("2026-05-06 11:00"), SUP_HY, [dict(product=P_DZP, qty=60, price=1250, batch=B[0], pd=B[1], exp=B[2],
                                                  codes=cs)], "SP-1", "dz")
    # 12 May: stock for the Ningbo customers moves to our Xiaoshan warehouse (WH-B, SP-2), in our own van
    t = T("2026-05-12 09:00")
    L.transfer(t, D("YK", t), "relocation", [(P_AMX, A[0], 400, "WH-A", "WH-B", None)], label="tr-ax",
               by=["保管-赵磊"])
    t = T("2026-05-12 09:10")
    L.transfer(t, D("YK", t), "relocation", [(P_DZP, B[0], 40, "SP-1", "SP-2", cs[20:60])], label="tr-dz",
               by=["保管-赵磊", "保管-钱程"])
    sell_items(L, D, T("2026-05-20 10:00"), CUS_MZ, [(P_AMX, A[0], A[2], 200, 1100, "WH-B", None),
                                                    (P_DZP, B[0], B[2], 20, 1500, "SP-2", cs[20:40])], "s1")
    # 31 May month-end count: 2 boxes of 阿莫西林 missing in WH-B, 1 box of 地西泮片 (code ...000053) missing in SP-2
    disc = T("2026-05-31 10:00")
    t = T("2026-05-31 15:00")
    L.move("loss_report", t, D("BS", t), [(P_AMX, A[0], 2, "WH-B", None, None)],
           extra={"loss": "loss", "discovered_at": spell(disc)}, by=["保管-赵磊", "质管-周敏"], label="loss-ax")
    disc2 = T("2026-05-31 10:30")
    t = T("2026-06-01 08:00")
    L.move("loss_report", t, D("BS", t), [(P_DZP, B[0], 1, "SP-2", None, [cs[52]])],
           extra={"loss": "loss", "discovered_at": spell(disc2), "reported_to": [] if violation else AUTHORITIES},
           by=["保管-赵磊", "质管-周敏"], label="loss-dz")
    for i, loc in enumerate(("WH-A", "WH-B", "SP-1", "SP-2")):
        t = T("2026-06-01 09:00") + timedelta(minutes=10 * i)
        L.stock_count(t, D("PD", t), loc, label="cnt1-" + loc)
    for i, loc in enumerate(("WH-B", "SP-2")):
        t = T("2026-08-10 17:00") + timedelta(minutes=10 * i)
        L.stock_count(t, D("PD", t), loc, label="cnt2-" + loc)
    L.note(SPECIAL_NOTE)
    L.note("WH-A/SP-1 (西湖) and WH-B/SP-2 (萧山) are our own registered ambient zones; transfers between them are "
           "relocations (lines {tr-ax}, {tr-dz}); the month-end count found 2 boxes of 阿莫西林 and 1 box of 地西泮片 short: "
           "loss reports (lines {loss-ax}, {loss-dz}) are booked before the count sheets are closed (lines {cnt1-WH-A}-"
           "{cnt1-SP-2}), which then agree with the books")
    L.note("the 地西泮片 loss is reported 21.5 h after its discovery; the ordinary 阿莫西林 loss names no authority")
    L.note("the ledger runs to 10 Aug 2026, past every deadline")
    L.why(CHAIN_WHY)
    L.why("rules.md STOCK-COUNT: 'A stock count found a quantity different from the book quantity at that location' "
          "(the counts follow the loss reports); SPECIAL-LOSS: 'A loss or theft of special-control drugs is reported to the "
          "police, drug and health authorities within the threshold after discovery' (24 h)")
    if violation:
        L.why("SPECIAL-LOSS LINE {loss-dz}: rules.md SPECIAL-LOSS 'reported to the police, drug and health authorities "
              "within the threshold'; format.md loss_report.reported_to 'must not be empty for special-control drugs "
              "(SPECIAL-LOSS)': the 地西泮片 loss report is booked in time but names no authority")
        L.expect_at("SPECIAL-LOSS", "loss-dz")
    L.finalize()
    L.assert_balanced()
    return L


# ---------------------------------------------------------------- 169 / 170: licences and seal card renewed mid-year
def renewals(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    rh_old = LIC("PDY00012330105A1001", "medical_institution", "2021-07-01", "2026-06-30")
    rh_new = LIC("PDY00012330105A1001", "medical_institution", "2026-07-01", "2031-06-30")
    L.party(T("2026-05-04 09:00"), OWNER, "self")
    L.party(T("2026-05-04 09:02"), SUP_HA, "supplier")
    L.party(T("2026-05-04 09:04"), CUS_RH, "customer", licence=rh_old,
            special={"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2023〕0107", "valid_to": "2026-06-30"})
    L.add("product_registered", T("2026-05-04 09:06"), dict(product=P_MOR, **PRODUCTS[P_MOR]), by=["质管-周敏"])
    L.add("zone_registered", T("2026-05-04 09:08"), SP1, by=["质管-周敏"])
    # 25 May: 西南恒安 renews its manufacturing licence (from 1 Jun) and moves its account to another bank
    new_acc = ("中国建设银行成都高新支行", "51050142610800001234")
    licence_changed(L, T("2026-05-25 10:00"), SUP_HA, LIC("川20000311", "drug_manufacturing", "2026-06-01", "2031-05-31"),
                    "药品生产许可证到期换证；变更基本存款账户", label="lc-sup",
                    accounts=[{"bank": new_acc[0], "number": new_acc[1]}])
    B = ("2605100021", "2026-05-10", "2029-04-30")
    cs = ucodes(P_MOR, "260510", 1, 60)
    b1 = buy(L, D, T("2026-05-27 10:00"), SUP_HA, [dict(product=P_MOR, qty=30, price=2850, batch=B[0], pd=B[1],
                                                       exp=B[2], codes=cs[:30])], "SP-1", "b1", invoice=False)
    b2 = buy(L, D, T("2026-06-01 10:00"), SUP_HA, [dict(product=P_MOR, qty=30, price=2850, batch=B[0], pd=B[1],
                                                       exp=B[2], codes=cs[30:])], "SP-1", "b2", invoice=False)
    ACC[SUP_HA] = new_acc          # payments from now on go to the new account
    for lab, bb, iat in (("b1", b1, T("2026-06-02 10:00")), ("b2", b2, T("2026-06-04 10:00"))):
        ino = L.inv_no(iat)
        tot = L.invoice(iat, ino, "purchase", SUP_HA, OWNER, [(P_MOR, 30, 2850)], {"order": [bb["po"]]},
                        label=lab + "-inv")
        pat = T("2026-06-10 10:00") + timedelta(minutes=5 if lab == "b2" else 0)
        L.payment(pat, D("FK", pat), "outgoing", OWNER, SUP_HA, tot, [ino], label=lab + "-pay")
    # 20 Jun: 仁和's practising licence is renewed (校验换证, from 1 Jul); its new seal card reaches us separately
    licence_changed(L, T("2026-06-20 10:00"), CUS_RH, rh_new, "医疗机构执业许可证校验换证", label="lc-rh")
    card_at = T("2026-07-05 10:00") if violation else T("2026-06-28 10:00")
    licence_changed(L, card_at, CUS_RH, rh_new, "印鉴卡换发（新卡号）", label="lc-card",
                    special={"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2026〕0231",
                             "valid_to": "2029-06-30"})
    sell_items(L, D, T("2026-06-29 10:00"), CUS_RH, [(P_MOR, B[0], B[2], 10, 3200, "SP-1", cs[:10])], "s1")
    sell_items(L, D, T("2026-07-02 10:00"), CUS_RH, [(P_MOR, B[0], B[2], 10, 3200, "SP-1", cs[10:20])], "s2")
    for d in ("2026-07-31 17:00", "2026-09-15 17:00"):
        L.stock_count(T(d), D("PD", T(d)), "SP-1", label="cnt-" + d[:10])
    L.note(SPECIAL_NOTE)
    L.note("西南恒安's licence ran to 31 May 2026; the renewal (line {lc-sup}, new licence from 1 Jun, new bank account) is "
           "recorded on 25 May; purchases on 27 May and 1 Jun; both invoices are paid on 10 Jun to the new account")
    L.note("仁和's practising licence and its seal card ran to 30 Jun 2026; the renewed licence (from 1 Jul) is recorded on 20 "
           "Jun (line {lc-rh}), the new seal card (valid to 2029-06-30) on line {lc-card}; morphine sales on 29 Jun (line {s1}) "
           "and 2 Jul (line {s2})")
    L.note("the ledger runs to 15 Sep 2026, past every deadline")
    L.why("format.md licence_changed: 'The new licence is added to the party's licences: an event date inside the old or the "
          "new validity period qualifies'; '`scope`, `accounts` and `special`, when given, replace the registered ones'; "
          "Special: 'a designation counts from its registration to `valid_to`'")
    if violation:
        L.why("SPECIAL-CHANNEL LINE {s2}: rules.md SPECIAL-CHANNEL 'sold only to a designated wholesaler or to a medical "
              "institution holding a valid purchase-seal card'; format.md Special.valid_to 'from the next day the party counts "
              "as not designated'; the new card is recorded on 5 Jul (line {lc-card}), after the 2 Jul sale; the 29 Jun sale "
              "is on the old card's last day (inclusive)")
        L.expect_at("SPECIAL-CHANNEL", "s2")
    L.finalize()
    L.assert_balanced()
    return L


# ---------------------------------------------------------------- 171: narcotics from a national wholesaler, one invoice for two orders
def national(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-08-03 09:00"), [(W_ZK, "supplier"), (CUS_RH, "customer"), (CUS_KT, "customer")],
             [P_MOR, P_PTD], [SP1])
    M1, M2 = ("2607010031", "2026-07-01", "2029-06-30"), ("2608010017", "2026-08-01", "2029-07-31")
    Q1, Q2 = ("2606150008", "2026-06-15", "2029-05-31"), ("2607200012", "2026-07-20", "2029-06-30")
    m1, m2 = ucodes(P_MOR, "260701", 1, 30), ucodes(P_MOR, "260801", 1, 30)
    q1, q2 = ucodes(P_PTD, "260615", 1, 20), ucodes(P_PTD, "260720", 1, 10)
    o1 = buy(L, D, T("2026-08-05 10:00"), W_ZK, [
        dict(product=P_MOR, qty=30, price=2900, batch=M1[0], pd=M1[1], exp=M1[2], codes=m1),
        dict(product=P_PTD, qty=20, price=2400, batch=Q1[0], pd=Q1[1], exp=Q1[2], codes=q1)], "SP-1", "o1", invoice=False)
    s1 = sell_items(L, D, T("2026-08-10 10:00"), CUS_RH, [(P_MOR, M1[0], M1[2], 20, 3300, "SP-1", m1[:20])], "s1",
                    invoice=False)
    o2 = buy(L, D, T("2026-08-19 10:00"), W_ZK, [
        dict(product=P_MOR, qty=30, price=2900, batch=M2[0], pd=M2[1], exp=M2[2], codes=m2),
        dict(product=P_PTD, qty=10, price=2400, batch=Q2[0], pd=Q2[1], exp=Q2[2], codes=q2)], "SP-1", "o2", invoice=False)
    s2 = sell_items(L, D, T("2026-08-24 10:00"), CUS_KT, [(P_MOR, M1[0], M1[2], 10, 3300, "SP-1", m1[20:30]),
                                                         (P_PTD, Q1[0], Q1[2], 10, 2750, "SP-1", q1[:10])], "s2",
                    pay_days=20)
    s3 = sell_items(L, D, T("2026-08-26 10:00"), CUS_RH, [(P_MOR, M2[0], M2[2], 20, 3300, "SP-1", m2[:20]),
                                                         (P_PTD, Q1[0], Q1[2], 10, 2750, "SP-1", q1[10:20])], "s3",
                    invoice=False)
    # 31 Aug: 中康's monthly invoice for both orders; our monthly invoice to 仁和 for both its sales
    t = T("2026-08-31 15:00")
    ino = L.inv_no(t, prov="31")
    tot = L.invoice(t, ino, "purchase", W_ZK, OWNER, [(P_MOR, 60, 2900), (P_PTD, 30, 2400)],
                    {"order": [o1["po"], o2["po"]]}, label="inv-p")
    t = T("2026-09-10 10:00")
    L.payment(t, D("FK", t), "outgoing", OWNER, W_ZK, tot, [ino], label="pay-p", method="acceptance_bill")
    t = T("2026-08-31 16:00")
    ino = L.inv_no(t)
    tot = L.invoice(t, ino, "sale", OWNER, CUS_RH, [(P_MOR, 40, 3300), (P_PTD, 10, 2750)],
                    {"sale": [s1["sdoc"], s3["sdoc"]], "delivery_note": [s1["dn"], s3["dn"]]}, label="inv-s")
    t = T("2026-09-30 10:00")
    L.payment(t, D("SK", t), "incoming", CUS_RH, OWNER, tot, [ino], label="pay-s")
    for d in ("2026-09-01 09:00", "2026-11-10 17:00"):
        L.stock_count(T(d), D("PD", T(d)), "SP-1", label="cnt-" + d[:10])
    L.note(SPECIAL_NOTE + "; 中康医药集团（上海） is a national_wholesaler of narcotics (in 上海: buying from another province "
           "is not restricted by SPECIAL-CHANNEL, only selling)")
    L.note("two purchase orders (lines {o1-po}, {o2-po}) invoiced by one monthly invoice naming both (line {inv-p}), paid by "
           "bank acceptance bill (line {pay-p}); two sales to 仁和 (lines {s1}, {s3}) under one monthly invoice (line {inv-s}); "
           "one sale to the private 康泰医院 (line {s2}) invoiced on its own")
    L.note("the ledger runs to 10 Nov 2026, past every deadline")
    L.note("LEGITIMATE in law as I understand it: national wholesaler -> regional wholesaler -> seal-card hospital is the "
           "channel 麻醉药品和精神药品管理条例 prescribes for narcotics, and (unverified) the 两票制 implementation leaves special "
           "drugs to those rules; the docs' TWO-INVOICE has no such exemption, so the docs predict it at each sale to the public "
           "仁和医院 and not at the sale to the private 康泰医院")
    L.why("TWO-INVOICE LINE {s1}, LINE {s3}: rules.md TWO-INVOICE 'Goods sold to a public hospital must come from the "
          "manufacturer (or its group sales company) through one distributor ... Goods bought from another wholesaler mean "
          "a third invoice, unless the customer's province is a configured remote area'; Points at 'the `sale` to the public "
          "hospital'")
    L.why("quiet otherwise: SPECIAL-CHANNEL 'bought only from a designated manufacturer or a national or regional wholesaler'; "
          "format.md Consolidated documents: 'a monthly invoice ... for a purchase invoice, several `order`s'; SPECIAL-CASH "
          "concerns cash only (an acceptance bill is not cash)")
    L.expect_at("TWO-INVOICE", "s1")
    L.expect_at("TWO-INVOICE", "s3")
    L.finalize()
    L.assert_balanced()
    return L


LEDGERS = [
    lambda: recall(166, "narcotic-batch-recall-returned-from-hospital-and-special-store-to-manufacturer", "LEGITIMATE",
                   "a manufacturer's recall of a 盐酸吗啡注射液 batch: 30 units locked SP-1 -> QA, 3 unused units returned "
                   "by the hospital to RET, all 33 returned to the manufacturer from QA and RET with their codes, "
                   "red-letter invoices and bank refunds both ways", False),
    lambda: expired(167, "expired-psychotropic-locked-and-destroyed-under-supervision-ordinary-drug-without", "LEGITIMATE",
                    "expired 地西泮片 locked in QA before expiry and destroyed with two supervisors and its codes; an expired "
                    "ordinary drug destroyed without supervisors; a newer batch sold meanwhile", False),
    lambda: warehouses(168, "own-warehouses-relocation-count-shortages-booked-as-loss-reports", "LEGITIMATE",
                       "stock moved between our Hangzhou and Xiaoshan warehouses (ordinary and psychotropic), a month-end "
                       "count whose shortages are booked as loss reports before the sheets close (the psychotropic one "
                       "reported to the authorities within 24 h)", False),
    lambda: renewals(169, "supplier-licence-and-account-renewed-hospital-licence-and-seal-card-renewed", "LEGITIMATE",
                     "a supplier's licence renewed with a new bank account, a hospital's practising licence and seal card "
                     "renewed at the end of June, morphine sold on the old card's last day and after the renewal", False),
    lambda: renewals(170, "seal-card-renewal-recorded-after-the-sale", "VIOLATION",
                     "as 169, but the hospital's new seal card is recorded on 5 Jul, after the 2 Jul morphine sale", True),
    lambda: national(171, "narcotics-from-national-wholesaler-two-orders-one-invoice-acceptance-bill", "LEGITIMATE",
                     "narcotics bought from a national wholesaler on two orders under one monthly invoice paid by "
                     "acceptance bill; two sales to a public seal-card hospital under one monthly invoice and one to a "
                     "private one (docs predict TWO-INVOICE at the public hospital's sales)", False),
    lambda: warehouses(172, "psychotropic-loss-report-naming-no-authority", "VIOLATION",
                       "as 168, but the 地西泮片 loss report, booked in time, names no authority it was reported to", True),
    lambda: recall(173, "narcotic-recall-refund-to-hospital-in-cash", "VIOLATION",
                   "as 166, but the refund of the hospital's red-letter invoice for 3 支 of morphine is paid in cash", True),
]


def main():
    only_check = "--check" in sys.argv
    built = [mk() for mk in LEDGERS]
    nums = [L.num for L in built]
    assert nums == list(range(166, 174)), nums
    os.makedirs(OUT, exist_ok=True)
    for L in built:
        if not only_check:
            base = L.write(OUT)
            print("%s  %d events" % (os.path.basename(base), len(L.events)))
        else:
            print("%d ok (%d events)" % (L.num, len(L.events)))


if __name__ == "__main__":
    main()
