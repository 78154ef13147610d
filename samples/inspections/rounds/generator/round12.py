#!/usr/bin/env python3
"""Round 12 inspection ledgers 158-165: both sides of the texts changed after round 11 (CC-RECEIPT's run of
readings kept whole back to 30 days, which clock forgets a vehicle, a receipt recorded after its settle window;
the rules.md introduction's credit notes keeping their invoice, orders with goods known to invoices from their
latest goods movement, windows of goods recorded late starting at the ledger's clock, deadlines already past
firing when the clock next moves on; UNPAID once; ORPHAN's credit note matched by credit_for alone).

Written from README.md, docs/ and the earlier rounds' ledgers/reports only; the library part (identifiers,
time, the Ledger class, self-checks, buy_cold, amx_stock, sell) is copied from rounds/generator/round11.py.
Deterministic: no clock, no randomness (temperature noise is a hash of the sensor and the instant).

    python3 generator/round12.py            # writes NN-name.jsonl / NN-name.expected into ../ledgers/
    python3 generator/round12.py --check    # only the self-checks, writes nothing
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
            h = hashlib.sha256(("r12-%d-%s-%d" % (self.num, self.name, i)).encode()).digest()
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




# ================================================================ round 12 additions
SUP_TS = uscc("91650100MA77TK5P")   # 新疆天山生物制药有限公司 (Urumqi: interferon, cold; rail-sea container)
P(SUP_TS, "新疆天山生物制药有限公司", "manufacturer", LIC("新20000088", "drug_manufacturing", "2023-05-01", "2028-04-30"),
  ["biological", "cold_chain"], "新疆", "新疆维吾尔自治区乌鲁木齐市经济技术开发区融合南路 66 号",
  ("中国工商银行乌鲁木齐经开区支行", "3002011019200123456"))
W_PK = uscc("91310115MA1K4P2R")     # 上海浦康国际医药有限公司 (wholesaler, importer of record of a European biologic)
P(W_PK, "上海浦康国际医药有限公司", "wholesaler", LIC("沪AA0210066", "drug_wholesale", "2022-07-01", "2027-06-30"),
  ["chemical", "biological", "cold_chain"], "上海", "上海市浦东新区外高桥保税区富特北路 211 号",
  ("中国银行上海自贸试验区分行", "437480123456"))
P_IFN = bwm("8690567800031")   # 重组人干扰素α2b注射液 (cold 2-8 °C)
PRODUCTS[P_IFN] = dict(generic_name="重组人干扰素α2b注射液", form="注射剂", spec="300万IU/1ml/支",
                       manufacturer="新疆天山生物制药有限公司", approval_number="国药准字S20260088",
                       category="biological", control="none", storage="cold", rx=True, unit="支")
P_TRZ = bwm("8690987600012")   # 注射用曲妥珠单抗 (imported, cold 2-8 °C)
PRODUCTS[P_TRZ] = dict(generic_name="注射用曲妥珠单抗", form="注射剂（冻干粉）", spec="440mg/瓶",
                       manufacturer="Biocorp Pharma GmbH（德国）", approval_number="国药准字SJ20260018",
                       category="biological", control="none", storage="cold", rx=True, unit="瓶")

CR1 = {"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}, "sensors": ["TH-R01"]}
CR1_NOSENSOR = {"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}}
WHA = {"zone": "WH-A", "storage": "ambient"}

CC_RUN = ("rules.md CC-RECEIPT Checks: 'A vehicle's readings are kept for 7 days before its latest reading (a run of "
          "readings without a gap over `transport_gap_minutes` that reaches into those 7 days is kept whole, back to "
          "30 days: a rail or sea trip of more than a week, logged throughout, is covered)'; 'needs a "
          "temperature-controlled transport whose readings cover ship time to arrival without gaps'")
CC_FORGET = ("rules.md CC-RECEIPT Checks: 'the vehicle is forgotten once the latest `occurred_at` of any vehicle's upload "
             "is 30 days past its latest reading: a receipt recorded that long after its trip finds no readings'")
CC_LATE = ("rules.md CC-RECEIPT Checks: 'A receipt recorded after its settle window has passed on the ledger's clock is "
           "judged when the clock next moves on: a log uploaded before that (re-sent right after the receipt) counts'; "
           "rules.md intro: 'A deadline that has already passed when it is set ... is judged when the clock next moves "
           "on, or at the end of the ledger: records in between that do not move the clock (other late records, such "
           "as the truck's log re-sent right after the receipt) still count'")
CN_WHY = ("rules.md intro: 'a credit note keeps the invoice it credits, and itself, until the return window after the "
          "credit note's own payment deadline (`unpaid_days` after its `occurred_at`) when that is later, so that a "
          "refund of a rebate booked late in an invoice's memory still finds it'; 'invoices from their payment deadline'; "
          "'a credit note of a forgotten invoice is an `ORPHAN`'")
ORD_WHY = ("rules.md intro: 'an order or sale that had goods stays known to invoices naming it for the return window "
           "after its latest goods movement'; 'Windows that run from a goods movement (`UNINVOICED`'s `uninvoiced_days`, "
           "and the return window in which invoices still find the order or sale a movement was for) start at the "
           "ledger's clock when the movement is recorded: its `occurred_at`, or, for a movement recorded after events "
           "of later date (re-sent, or entered late: 补录), the latest `occurred_at` before it'")
PAST_WHY = ("rules.md intro: 'A deadline that has already passed when it is set ... is judged when the clock next moves "
            "on, or at the end of the ledger: records in between that do not move the clock (other late records ...) "
            "still count'")


def container_trip(L, D, supplier, product, qty, price, veh, sensor, ship, arr, batch, label, hole=None,
                   prov="33", every_h=6):
    """a reefer container's trip: the logger records every 5 min (hole: (t0, t1) with no reading), uploads every
    `every_h` hours (at :02) what it recorded since, and once more 20 min after arrival; receipt into CR-1 at
    arrival; invoice the next day, paid 10 days later."""
    oat = ship - timedelta(days=2)
    po = D("CG", oat)
    L.purchase(oat, po, supplier, [(product, qty, price)], label=label + "-po")
    rd = readings(sensor, ship - timedelta(minutes=10), arr + timedelta(minutes=10), lo=3.2, hi=6.8,
                  skip=[hole] if hole else ())
    t = T(ship.strftime("%Y-%m-%d 00:00"))
    while t <= ship:
        t += timedelta(hours=every_h)
    prev = ship - timedelta(hours=1)
    while t < arr:
        part = [r for r in rd if prev < r[0] <= t]
        if part:
            L.temps(t + timedelta(minutes=2), sensor, part, vehicle=veh)
        prev = t
        t += timedelta(hours=every_h)
    L.temps(arr + timedelta(minutes=20), sensor, [r for r in rd if prev < r[0]], vehicle=veh, label=label + "-up")
    L.receipt(arr, D("SH", arr), supplier, po, "DN-%s" % D("", ship),
              [dict(product=product, batch=batch, production_date="2026-08-20", expiry="2028-08-19",
                    arrived=qty, location="CR-1")],
              transport={"vehicle": veh, "shipped_at": spell(ship), "cold_chain": True}, label=label)
    iat = arr + timedelta(days=1)
    ino = L.inv_no(iat, prov=prov)
    tot = L.invoice(iat, ino, "purchase", supplier, OWNER, [(product, qty, price)], {"order": [po]},
                    label=label + "-inv")
    L.payment(iat + timedelta(days=10), D("FK", iat + timedelta(days=10)), "outgoing", OWNER, supplier, tot, [ino])
    return rd


# ---------------------------------------------------------------- 158 / 159: long trips, one run of readings
def cc_runs(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-10-10 09:00"), [(SUP_TS, "supplier"), (W_PK, "supplier")], [P_IFN, P_TRZ], [CR1_NOSENSOR])
    # S: rail-sea (多式联运) container from Urumqi, 12 days
    shipS, arrS = T("2026-11-01 08:00"), T("2026-11-13 08:00")
    hole = (T("2026-11-03 10:02"), T("2026-11-03 10:08")) if violation else None   # drops the 10:05 reading
    container_trip(L, D, SUP_TS, P_IFN, 1000, 3650, "冷箱TBJU3012457", "TL-C457", shipS, arrS, "TS2608201", "S",
                   hole=hole, prov="65")
    # M: sea container from Rotterdam via Shanghai (importer 上海浦康), 29 days / 31 days door to door
    arrM = T("2026-11-18 08:00")
    shipM = arrM - timedelta(days=31 if violation else 29)
    container_trip(L, D, W_PK, P_TRZ, 200, 152000, "冷箱MNBU9031287", "TL-M287", shipM, arrM, "BC26H0815", "M",
                   prov="31")
    L.stock_count(T("2027-01-30 10:00"), "PD20270130001", "CR-1", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("CR-1 (cold, no sensors listed) sends no readings in this ledger (as in ledger 152); each container's logger "
           "records every 5 minutes, in range (3.2-6.8 °C), from 10 min before shipped_at to 10 min after arrival, and "
           "uploads every 6 hours (at :02) what it recorded since, then once more 20 min after arrival: no reading is "
           "older than 6 h at its upload (no TEMP-BACKFILL)")
    if not violation:
        L.note("S (line {S}): 冷箱TBJU3012457, 新疆天山's interferon by rail to Lianyungang and by sea to Ningbo "
               "(多式联运), shipped 1 Nov 08:00, arrived 13 Nov 08:00: a 12-day trip logged throughout, one run of "
               "readings from 1 Nov 07:50 to 13 Nov 08:10")
        L.note("M (line {M}): 冷箱MNBU9031287, 上海浦康's imported 注射用曲妥珠单抗, door to door from the plant near "
               "Rotterdam, shipped 20 Oct 08:00, arrived 18 Nov 08:00: a 29-day trip, one run of readings from 20 Oct "
               "07:50 to 18 Nov 08:10 (29 days 20 min, inside 30 days before the latest reading)")
        L.why("quiet: " + CC_RUN + "; both runs reach into the 7 days before the container's latest reading and "
              "begin less than 30 days before it")
        L.why("the ledger runs to 30 Jan 2027, past every invoice's payment deadline (all paid 10 days after)")
    else:
        L.note("S (line {S}): as in ledger 158 (12-day trip), but the logger missed the reading of 3 Nov 10:05: "
               "10:00 -> 10:10 is a 10-minute hole (transport_gap_minutes 5), 10 days before arrival")
        L.note("M (line {M}): as in ledger 158, but shipped 18 Oct 08:00: a 31-day trip logged throughout; one run of "
               "readings of 31 days 20 min, more than the 30 days a run is kept")
        L.why("CC-RECEIPT {S}: " + CC_RUN + "; the run that reaches into the 7 days begins after the hole (3 Nov "
              "10:10), so the first two days of the trip are not kept, and the hole itself is a gap over "
              "transport_gap_minutes")
        L.why("CC-RECEIPT {M}: 'kept whole, back to 30 days': the first day of the 31-day trip (18 Oct 07:50 - "
              "19 Oct 08:10) is not kept, so the readings do not cover ship time")
        L.note("wording (rules.md intro to findings after round 11, round11-REPORT M1): for M I expect the finding to "
               "say the readings of the trip's start are no longer kept, not a 'gap' of the readings dropped")
        L.expect_at("CC-RECEIPT", "S")
        L.expect_at("CC-RECEIPT", "M")
    return L


# ---------------------------------------------------------------- 160 / 161: which clock forgets, and the re-sent log
def cc_clocks(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-11-01 09:00"), [(SUP_KN, "supplier"), (SUP_LC, "supplier")], [P_INS, P_PRO], [CR1])
    zone_feed(L, T("2026-11-01 12:00"), T("2026-12-28 06:00"))
    # A: 津A·L2231冷, one trip (latest reading 5 Nov 00:20), receipt re-sent 10 Dec 10:00 (35 days later)
    shipA, arrA = T("2026-11-04 13:00"), T("2026-11-05 00:10")
    poA = D("CG", T("2026-11-02 10:00"))
    L.purchase(T("2026-11-02 10:00"), poA, SUP_KN, [(P_INS, 1000, 4215)], label="A-po")
    buy_cold(L, D, SUP_KN, P_INS, 1000, 4215, "津A·L2231冷", "TL-2231", shipA, arrA, kn_batch(1), "2026-09-03",
             "2028-09-02", "A", po=poA, receipt_pos=T("2026-12-10 10:00"), inv_at=T("2026-11-12 10:00"))
    # C: 津A·L2233冷, receipt + invoice + log lost by the interface, re-sent 3 Dec
    poC = D("CG", T("2026-11-16 10:00"))
    L.purchase(T("2026-11-16 10:00"), poC, SUP_KN, [(P_INS, 600, 4215)], label="C-po")
    shipC, arrC = T("2026-11-18 13:00"), T("2026-11-19 00:05")
    rd = readings("TL-2233", shipC - timedelta(minutes=10), arrC + timedelta(minutes=10))
    rs = T("2026-12-03 12:15")
    L.receipt(arrC, D("SH", arrC), SUP_KN, poC, "DN-%s" % D("", shipC),
              [dict(product=P_INS, batch=kn_batch(4), production_date="2026-10-08", expiry="2028-10-07", arrived=600,
                    location="CR-1")],
              transport={"vehicle": "津A·L2233冷", "shipped_at": spell(shipC), "cold_chain": True}, label="C", pos=rs)
    iC = T("2026-11-20 10:00")
    inoC = L.inv_no(iC)
    totC = L.invoice(iC, inoC, "purchase", SUP_KN, OWNER, [(P_INS, 600, 4215)], {"order": [poC]}, label="C-inv",
                     pos=rs + timedelta(seconds=30))
    L.temps(arrC + timedelta(minutes=20), "TL-2233", rd, vehicle="津A·L2233冷", label="C-up",
            pos=(T("2026-12-03 12:25") if violation else rs + timedelta(minutes=1)))
    L.payment(T("2026-12-10 10:30"), D("FK", T("2026-12-10 10:30")), "outgoing", OWNER, SUP_KN, totC, [inoC],
              label="C-pay")
    # L: 嘉兴乐成's own truck makes one delivery: its upload 29 d 22 h (160) / 30 d 2 h (161) after A's latest reading
    arrL = T("2026-12-05 02:00") if violation else T("2026-12-04 22:00")
    buy_cold(L, D, SUP_LC, P_PRO, 100, 1860, "浙F·K0907冷", "TL-0907", arrL - timedelta(minutes=150), arrL,
             "LC260101", "2026-10-15", "2028-04-14", "LC", rd=readings("TL-0907", arrL - timedelta(minutes=160),
                                                                          arrL + timedelta(minutes=10), lo=4.0, hi=8.8))
    L.stock_count(T("2027-01-25 10:00"), "PD20270125001", "CR-1", label="cnt")
    L.finalize()
    L.assert_balanced()
    L.note("CR-1 (cold 2-8 °C, probe TH-R01) uploads every 6 hours (00:20, 06:20, 12:20, 18:20) from 1 Nov to 28 Dec: "
           "the ledger's clock, and the latest *zone* upload, move on every 6 hours; the ledger ends with a count on "
           "25 Jan 2027, past every deadline")
    L.note("'re-sent': the WMS entered these records in time (entered_at a few minutes after occurred_at, so no "
           "LATE-ENTRY), but the WMS-to-ledger interface lost them and IT re-sent them later; they sit in the file where "
           "they reached the ledger")
    L.note("A (line {A}): 津A·L2231冷 shipped 4 Nov 13:00, arrived 5 Nov 00:10, log uploaded 00:30 (line {A-up}; "
           "readings to 00:20); the receipt reached the ledger on 10 Dec 10:00, 35 days after; its invoice (line "
           "{A-inv}) was booked 12 Nov (先票后货 in the books, orphan deadline 12 Dec 10:00, after the receipt)")
    L.note("vehicle uploads in the ledger: A's (5 Nov 00:30), C's log (occurred 19 Nov 00:25, re-sent 3 Dec) and "
           "嘉兴乐成's truck 浙F·K0907冷 (line {LC-up}) " + ("on 5 Dec 02:20, 30 days 2 h after A's latest reading"
                                                           if violation else
                                                           "on 4 Dec 22:20, 29 days 22 h after A's latest reading")
           + "; no other vehicle uploads before A's receipt reaches the ledger")
    L.note("C (line {C}): 津A·L2233冷 arrived 19 Nov 00:05 (settle window to 04:05); its receipt, its invoice (line "
           "{C-inv}, occurred 20 Nov 10:00) and its log (line {C-up}, occurred 19 Nov 00:25, readings 12:50-00:15) were "
           "lost by the interface and re-sent on 3 Dec, the receipt first; the clock is then 3 Dec 06:20 (CR-1)")
    if not violation:
        L.note("C: the record between the receipt and its log is the re-sent invoice, dated 20 Nov: it does not move "
               "the clock; the log follows before CR-1's 12:20 upload")
        L.why("quiet (A): " + CC_FORGET + "; the latest occurred_at of a vehicle upload when A's receipt reaches the "
              "ledger is 4 Dec 22:20, 29 days 22 h after A's latest reading; CR-1's uploads are not vehicle uploads")
        L.why("quiet (C): " + CC_LATE)
    else:
        L.note("C: as in ledger 160, but CR-1's 12:20 upload (occurred 3 Dec 12:20, moving the clock) lies between the "
               "receipt and its log; the re-sent invoice (dated 20 Nov) does not move it")
        L.why("CC-RECEIPT {A}: " + CC_FORGET + "; 浙F·K0907冷's upload of 5 Dec 02:20 is 30 days 2 h past A's latest "
              "reading (5 Nov 00:20), so A is forgotten before its receipt reaches the ledger")
        L.why("CC-RECEIPT {C}: " + CC_LATE + "; here the clock moves on (CR-1 upload, 3 Dec 12:20) before the log")
        L.expect_at("CC-RECEIPT", "A")
        L.expect_at("CC-RECEIPT", "C")
    return L


def counts(L, days, loc="WH-A", prefix="PD"):
    """ordinary monthly stock counts: records that move the ledger's clock on"""
    for i, d in enumerate(days):
        L.stock_count(d, "%s%s%03d" % (prefix, d.strftime("%Y%m%d"), i + 1), loc, label="cnt-%s" % d.strftime("%Y%m%d%H%M"))


# ---------------------------------------------------------------- 162 / 163: credit notes, credit_for, UNPAID once
def credit_notes(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-01-02 09:00"), [(SUP_NK, "supplier"), (SUP_HB, "supplier"), (CUS_KT, "customer")],
             [P_AMX, P_IBU], [WHA])
    po1, ino1, tot1 = amx_stock(L, D, T("2026-01-05 10:00"), 2000, pay_days=40)   # I1 8 Jan 10:00, paid 17 Feb
    # (a) 2025 rebate cn1 on 4 Sep 2026 (the day before I1 is forgotten), refunded; 2026 rebate cn2 on 2 May 2027
    c1 = T("2026-09-04 10:00")
    cno1 = L.inv_no(c1)
    L.invoice(c1, cno1, "purchase", SUP_NK, OWNER, [(P_AMX, 0, 0, 50000)], {"order": [po1]}, credit_for=ino1,
              label="cn1")
    L.payment(T("2026-09-10 10:00"), D("SK", T("2026-09-10 10:00")), "incoming", SUP_NK, OWNER, 50000, [cno1],
              label="ref1")
    c2 = T("2027-05-02 11:00") if violation else T("2027-05-02 09:00")
    cno2 = L.inv_no(c2)
    L.invoice(c2, cno2, "purchase", SUP_NK, OWNER, [(P_AMX, 0, 0, 30000)], {"order": [po1]}, credit_for=ino1,
              label="cn2")
    if not violation:
        L.payment(T("2027-05-08 10:00"), D("SK", T("2027-05-08 10:00")), "incoming", SUP_NK, OWNER, 30000, [cno2],
                  label="ref2")
    # (b) 海博: order po2 delivered and invoiced (I2); a rebate credit note cn3 on 10 Apr
    po2 = D("CG", T("2026-03-02 10:00"))
    L.purchase(T("2026-03-02 10:00"), po2, SUP_HB, [(P_IBU, 800, 1050)], label="po2")
    L.receipt(T("2026-03-03 10:00"), D("SH", T("2026-03-03 10:00")), SUP_HB, po2, "DN-HB-20260303",
              [dict(product=P_IBU, batch="HB2602101", production_date="2026-02-10", expiry="2029-02-09", arrived=800,
                    location="WH-A")], label="r2")
    ino2 = L.inv_no(T("2026-03-05 10:00"))
    tot2 = L.invoice(T("2026-03-05 10:00"), ino2, "purchase", SUP_HB, OWNER, [(P_IBU, 800, 1050)], {"order": [po2]},
                     label="I2")
    L.payment(T("2026-03-20 10:00"), D("FK", T("2026-03-20 10:00")), "outgoing", OWNER, SUP_HB, tot2, [ino2])
    po3 = D("CG", T("2026-04-08 10:00"))
    L.purchase(T("2026-04-08 10:00"), po3, SUP_HB, [(P_IBU, 600, 1050)], label="po3")
    c3 = T("2026-04-10 10:00")
    cno3 = L.inv_no(c3)
    wrong = "26332%015d" % 880012345
    if violation:
        L.invoice(c3, cno3, "purchase", SUP_HB, OWNER, [(P_IBU, 0, 0, 30000)], {"order": [po2]}, credit_for=wrong,
                  label="cn3")
    else:
        L.invoice(c3, cno3, "purchase", SUP_HB, OWNER, [(P_IBU, 0, 0, 30000)], {"order": [po3]}, credit_for=ino2,
                  label="cn3")
        L.payment(T("2026-04-15 10:00"), D("SK", T("2026-04-15 10:00")), "incoming", SUP_HB, OWNER, 30000, [cno3],
                  label="ref3")
    # po3's goods arrive 45 days after cn3
    L.receipt(T("2026-05-25 10:00"), D("SH", T("2026-05-25 10:00")), SUP_HB, po3, "DN-HB-20260525",
              [dict(product=P_IBU, batch="HB2605021", production_date="2026-05-02", expiry="2029-05-01", arrived=600,
                    location="WH-A")], label="r3")
    ino3 = L.inv_no(T("2026-05-27 10:00"))
    tot3 = L.invoice(T("2026-05-27 10:00"), ino3, "purchase", SUP_HB, OWNER, [(P_IBU, 600, 1050)], {"order": [po3]},
                     label="I3")
    L.payment(T("2026-06-10 10:00"), D("FK", T("2026-06-10 10:00")), "outgoing", OWNER, SUP_HB, tot3, [ino3])
    # (c) a sale to 杭州康泰医院; invoice booked 12 Mar 16:00 -> payment deadline 11 May 16:00
    sdoc, dns, sino, stot = sell(L, D, T("2026-03-10 10:00"), CUS_KT, 300, inv_at=T("2026-03-12 16:00"), label="s1")
    if violation:
        L.payment(T("2026-05-11 16:01"), D("SK", T("2026-05-11 16:01")), "incoming", CUS_KT, OWNER, stot // 2, [sino],
                  label="p1a")
        L.payment(T("2026-06-10 10:00"), D("SK", T("2026-06-10 10:00")), "incoming", CUS_KT, OWNER, stot - stot // 2,
                  [sino], label="p1b")
    else:
        L.payment(T("2026-05-11 16:00"), D("SK", T("2026-05-11 16:00")), "incoming", CUS_KT, OWNER, stot, [sino],
                  label="p1")
    counts(L, [T("2026-07-31 17:00"), T("2026-10-31 17:00"), T("2026-12-31 17:00"), T("2027-02-28 17:00"),
               T("2027-04-30 17:00"), T("2027-06-15 17:00")])
    L.finalize()
    if not violation:
        L.assert_balanced()
    else:
        L.assert_balanced(parties=[CUS_KT])
    L.note("purchase invoice I1 (line {stock-inv}, 阿莫西林胶囊 2000 boxes, issued_on 8 Jan, booked 8 Jan 10:00): payment "
           "deadline 9 Mar 10:00, paid 17 Feb; remembered on its own until 9 Mar + 180 days = 5 Sep 2026 10:00")
    L.note("cn1 (line {cn1}): 宁康's 2025 volume rebate (折让, quantity 0, 500.00 CNY) on 4 Sep 2026 10:00, credit_for I1, "
           "refunded 10 Sep (line {ref1}); cn1's own payment deadline is 4 Sep + 60 days = 3 Nov 2026 10:00, so cn1 "
           "keeps I1 until 3 Nov + 180 days = 2 May 2027 10:00")
    L.note("ordinary stock counts of WH-A move the clock on (31 Jul, 31 Oct, 31 Dec, 28 Feb, 30 Apr, 15 Jun 2027); the "
           "ledger ends on 15 Jun 2027, past every ORPHAN deadline (cn2 + 30 days = 1 Jun 2027) and payment deadline")
    L.note("I2 (line {I2}): 海博's invoice for the order of line {po2}, 800 boxes of 布洛芬缓释胶囊, received 3 Mar "
           "(line {r2}), paid 20 Mar; the order of line {po3} (8 Apr) has its goods only on 25 May (line {r3}), "
           "invoiced 27 May (line {I3})")
    L.note("sale s1 (line {s1}, 10 Mar) of 300 boxes to 杭州康泰医院, invoice line {s1-inv} booked 12 Mar 16:00 "
           "(issued_on 12 Mar): payment deadline 12 Mar 16:00 + 60 days = 11 May 16:00")
    if not violation:
        L.note("cn2 (line {cn2}): 宁康's 2026 rebate (quantity 0, 300.00 CNY) on 2 May 2027 09:00, credit_for I1, one "
               "hour before cn1's hold on I1 ends; refunded 8 May (line {ref2})")
        L.note("cn3 (line {cn3}): 海博's rebate (quantity 0, 300.00 CNY) on 10 Apr, credit_for I2 (a known invoice), but "
               "finance filled refs.order with the open order of line {po3}, which has no goods until 25 May (45 days later, "
               "past the 30-day orphan_days); refunded 15 Apr (line {ref3})")
        L.note("s1 is paid in full at 11 May 16:00 exactly (line {p1})")
        L.why("quiet (cn2): " + CN_WHY)
        L.why("quiet (cn3): rules.md ORPHAN 'A credit note is matched to the invoice it credits by `credit_for` alone: "
              "the order or sale it also names only carries its quantities, and a credit note is never an `ORPHAN` "
              "for want of goods'")
        L.why("quiet (s1): rules.md intro 'an event exactly at the deadline is in time, one a second later is not'; "
              "UNPAID counts 'from the later of the invoice's `occurred_at` and 00:00 Beijing time of `issued_on`'")
    else:
        L.note("cn2 (line {cn2}): as in ledger 162 but on 2 May 2027 11:00, one hour after cn1's hold on I1 ends; 宁康 "
               "offsets it against a later order outside this ledger (no refund here)")
        L.note("cn3 (line {cn3}): 海博's rebate on 10 Apr names the delivered, invoiced order of line {po2} in refs.order, but its "
               "credit_for is {wrong}, an invoice number that is not in this ledger (finance copied the number of "
               "海博's invoice to another buyer); not refunded in this ledger")
        L.note("s1 is paid late in two instalments: half at 11 May 16:01 (line {p1a}), one minute after the deadline, "
               "the rest on 10 Jun (line {p1b})")
        L.why("ORPHAN {cn2}: " + CN_WHY + "; I1's own memory ended 5 Sep 2026 10:00 and cn1's hold on it 2 May 2027 "
              "10:00, so cn2 credits a forgotten invoice (reported at its ORPHAN deadline, 1 Jun 2027 11:00)")
        L.why("ORPHAN {cn3}: rules.md ORPHAN 'a credit note for an unknown invoice'; 'A credit note is matched to the "
              "invoice it credits by `credit_for` alone: the order or sale it also names only carries its quantities'")
        L.why("UNPAID {s1-inv}: rules.md UNPAID 'Reported once, when the deadline passes: a payment after it closes the "
              "invoice without a second finding' (one UNPAID for two late instalments, and no ORPHAN for them)")
        L.expect_at("ORPHAN", "cn2")
        L.expect_at("ORPHAN", "cn3")
        L.expect_at("UNPAID", "s1-inv")
    L.notes = [n.replace("{wrong}", wrong) for n in L.notes]
    return L


# ---------------------------------------------------------------- 164 / 165: goods recorded late, orders known from goods
def late_goods(num, name, kind, title, violation):
    L = Ledger(num, name, kind, title)
    D = Docs()
    L.master(T("2026-01-02 09:00"), [(SUP_NK, "supplier"), (SUP_HB, "supplier")], [P_AMX, P_IBU], [WHA])

    def rec(lab, at, supplier, po, product, qty, batch, pos=None):
        return L.receipt(at, D("SH", at), supplier, po, "DN-%s" % D("", at),
                         [dict(product=product, batch=batch, production_date="2025-12-01", expiry="2028-11-30",
                               arrived=qty, location="WH-A")], label=lab, pos=pos)

    def inv(lab, at, supplier, po, product, qty, price, pay_days=None, pos=None, credit_for=None):
        ino = L.inv_no(at)
        tot = L.invoice(at, ino, "purchase", supplier, OWNER, [(product, qty, price)], {"order": [po]}, label=lab,
                        pos=pos, credit_for=credit_for)
        if pay_days is not None:
            pat = at + timedelta(days=pay_days)
            if credit_for:
                L.payment(pat, D("SK", pat), "incoming", supplier, OWNER, tot, [ino], label=lab + "-pay")
            else:
                L.payment(pat, D("FK", pat), "outgoing", OWNER, supplier, tot, [ino], label=lab + "-pay")
        return ino, tot

    resend = T("2026-05-05 10:00")
    # X: 海博 ibuprofen, 1000 ordered, 600 on 6 Jan, the back-ordered 400 on 10 Apr (receipt re-sent 5 May)
    pox = D("CG", T("2026-01-05 10:00"))
    L.purchase(T("2026-01-05 10:00"), pox, SUP_HB, [(P_IBU, 1000, 1050)], label="X-po")
    rec("X1", T("2026-01-06 10:00"), SUP_HB, pox, P_IBU, 600, "HB2512151")
    inv("X1-inv", T("2026-01-08 10:00"), SUP_HB, pox, P_IBU, 600, 1050, pay_days=12)
    rec("Xb", T("2026-04-10 10:00"), SUP_HB, pox, P_IBU, 400, "HB2603281", pos=resend)
    inv("Xb-inv", T("2026-06-05 10:00") if violation else T("2026-05-20 10:00"), SUP_HB, pox, P_IBU, 400, 1050,
        pay_days=15)
    # Y: 宁康 amoxicillin, 1000 ordered, 600 on 6 Jan, the back-ordered 400 on 10 Apr (receipt re-sent 5 May)
    poy = D("CG", T("2026-01-05 10:10"))
    L.purchase(T("2026-01-05 10:10"), poy, SUP_NK, [(P_AMX, 1000, 860)], label="Y-po")
    rec("Y1", T("2026-01-06 11:00"), SUP_NK, poy, P_AMX, 600, "NK2512151")
    inv("Y1-inv", T("2026-01-08 11:00"), SUP_NK, poy, P_AMX, 600, 860, pay_days=12)
    rec("Yb", T("2026-04-10 11:00"), SUP_NK, poy, P_AMX, 400, "NK2603301", pos=resend + timedelta(minutes=1))
    yino, _ = inv("Yb-inv", T("2026-05-08 10:00"), SUP_NK, poy, P_AMX, 400, 860, pay_days=12)
    # price cut after 集采: full red-letter of Yb-inv and a reissue at 8.00 naming the order
    rl = T("2026-11-02 10:00") if violation else T("2026-10-22 10:00")
    inv("Yb-red", rl, SUP_NK, poy, P_AMX, 400, 860, pay_days=6, credit_for=yino)
    inv("Yb-new", rl + timedelta(minutes=5), SUP_NK, poy, P_AMX, 400, 800, pay_days=6)
    # Z: 宁康 amoxicillin 500, order 1 Jun in time; receipt, invoice and payment lost, re-sent 15 Jul
    poz = D("CG", T("2026-06-01 10:00"))
    L.purchase(T("2026-06-01 10:00"), poz, SUP_NK, [(P_AMX, 500, 860)], label="Z-po")
    rs = T("2026-07-15 10:00")
    rec("Z", T("2026-06-02 10:00"), SUP_NK, poz, P_AMX, 500, "NK2605201", pos=rs)
    zino = L.inv_no(T("2026-06-03 10:00"))
    L.payment(T("2026-06-04 10:00"), D("FK", T("2026-06-04 10:00")), "outgoing", OWNER, SUP_NK, 500 * 860, [zino],
              label="Z-pay", pos=rs + timedelta(minutes=1))
    L.invoice(T("2026-06-03 10:00"), zino, "purchase", SUP_NK, OWNER, [(P_AMX, 500, 860)], {"order": [poz]},
              label="Z-inv", pos=rs + timedelta(minutes=10 if violation else 2))
    counts(L, [T("2026-01-31 17:00"), T("2026-02-28 17:00"), T("2026-03-31 17:00"), T("2026-04-30 17:00"),
               T("2026-05-05 09:00"), T("2026-06-04 12:00"), T("2026-06-30 17:00"), T("2026-07-15 09:00"),
               T("2026-07-15 10:05"), T("2026-08-31 17:00"), T("2026-09-30 17:00"), T("2026-10-31 17:00"),
               T("2026-11-30 17:00"), T("2026-12-31 17:00")])
    L.finalize()
    L.assert_balanced()
    L.note("'re-sent': the WMS and finance entered these records in time (entered_at a few minutes after occurred_at, "
           "so no LATE-ENTRY), but the interface to the ledger lost them and IT re-sent them later; they sit in the file "
           "where they reached the ledger. Ordinary stock counts of WH-A (month ends, and 5 May 09:00, 4 Jun 12:00, 15 Jul "
           "09:00 and 10:05) move the ledger's clock on; the ledger ends on 31 Dec 2026, past every deadline")
    L.note("X (海博 布洛芬缓释胶囊, order line {X-po} of 5 Jan for 1000): 600 received 6 Jan (line {X1}) and invoiced 8 Jan; "
           "the back-ordered 400 arrived 10 Apr 10:00 (line {Xb}), and its receipt reached the ledger on 5 May 10:00, "
           "when the clock was 5 May 09:00 (count line {cnt-202605050900}): UNINVOICED deadline 5 May 09:00 + 30 days "
           "= 4 Jun 09:00 (it would be 10 May 10:00 from the goods' occurred_at)")
    L.note("Y (宁康 阿莫西林胶囊, order line {Y-po} of 5 Jan 10:10 for 1000): 600 received 6 Jan (line {Y1}); the "
           "back-ordered 400 arrived 10 Apr 11:00 (line {Yb}), receipt re-sent 5 May 10:01 (clock still 5 May 09:00), "
           "invoiced 8 May (line {Yb-inv}) and paid. After the 集采 price cut 宁康 issues a full red-letter invoice of "
           "the 8 May invoice (line {Yb-red}, credit_for it) and reissues it at 8.00 CNY naming the order (line "
           "{Yb-new}); the refund and the new payment follow 6 days later. The order is known to invoices until "
           "5 May 09:00 + 180 days = 1 Nov 2026 09:00 (from the order's occurred_at it would be 4 Jul; from the "
           "back-order's occurred_at 7 Oct)")
    L.note("Z (宁康, order line {Z-po} of 1 Jun): the receipt (2 Jun, line {Z}), the invoice (3 Jun, line {Z-inv}) and "
           "the payment (4 Jun, line {Z-pay}) were lost and re-sent together on 15 Jul, the payment before the invoice; "
           "the clock is 15 Jul 09:00 (count); the payment's ORPHAN deadline (4 Jun 10:00 + 30 days = 4 Jul 10:00) has "
           "already passed when it reaches the ledger")
    if not violation:
        L.note("X: the back-order is invoiced on 20 May (line {Xb-inv}): 40 days after the goods moved, 15 days after "
               "its receipt was recorded")
        L.note("Y: red-letter and reissue on 22 Oct 2026, 170 days after the back-order was recorded (195 days after it "
               "arrived)")
        L.note("Z: the invoice follows the payment directly (re-sent at 10:02); the count of 10:05 (line "
               "{cnt-202607151005}) comes after both")
        L.why("quiet (X): " + ORD_WHY)
        L.why("quiet (Y): " + ORD_WHY)
        L.why("quiet (Z): " + PAST_WHY + "; TTGK-P 'Payments and credit notes recorded before their invoice are applied "
              "when it is booked'")
    else:
        L.note("X: the back-order is invoiced on 5 Jun 10:00 (line {Xb-inv}), 1 day 1 h after its deadline (4 Jun 09:00); "
               "the count of 4 Jun 12:00 moves the clock past the deadline before the invoice")
        L.note("Y: red-letter and reissue on 2 Nov 2026 10:00, 181 days 1 h after the back-order was recorded")
        L.note("Z: the count of 15 Jul 10:05 (line {cnt-202607151005}), which moves the clock, lies between the re-sent "
               "payment and the re-sent invoice (10:10)")
        L.note("ASSUMPTION (Y): the reissued invoice names a forgotten order, so it is an invoice 'whose order ... has no "
               "goods movement' (ORPHAN); the red-letter invoice is matched by credit_for to the remembered 8 May "
               "invoice and stays quiet")
        L.why("UNINVOICED {Xb}: " + ORD_WHY + "; rules.md UNINVOICED 'goods moved later are due this many days after "
              "they moved'; Points at 'the first goods movement of the order ... since it was last judged'")
        L.why("ORPHAN {Yb-new}: " + ORD_WHY + "; rules.md intro 'A document forgotten is unknown to later events'; "
              "rules.md ORPHAN 'An invoice whose order or sale has no goods movement'")
        L.why("ORPHAN {Z-pay}: " + PAST_WHY + "; rules.md ORPHAN 'a payment that settles no known invoice, within the "
              "threshold'; no UNPAID afterwards: 'an invoice booked later still gets the payment'")
        L.expect_at("UNINVOICED", "Xb")
        L.expect_at("ORPHAN", "Yb-new")
        L.expect_at("ORPHAN", "Z-pay")
    return L


# ================================================================ main
LEDGERS = [
    lambda: cc_runs(158, "rail-sea-container-12-days-and-sea-container-29-days-logged-throughout", "LEGITIMATE",
                    "two reefer containers logged every 5 minutes throughout: a 12-day rail-sea trip from Urumqi and a "
                    "29-day sea trip from Rotterdam (one run of readings each, inside 30 days)", False),
    lambda: cc_runs(159, "12-day-trip-with-a-10-minute-hole-and-31-day-sea-trip-logged-throughout", "VIOLATION",
                    "ledger 158 with a 10-minute hole 10 days before arrival in the 12-day trip, and the sea trip 31 "
                    "days long (a run longer than the 30 days kept)", True),
    lambda: cc_clocks(160, "receipt-re-sent-35-days-late-last-vehicle-upload-29d22h-and-re-sent-log-after-a-re-sent-invoice",
                      "LEGITIMATE", "a cold receipt re-sent 35 days after its trip while only a cold room and one truck "
                      "29 d 22 h later upload; a receipt re-sent after its settle window with its log one record later, "
                      "the record between being another re-sent record", False),
    lambda: cc_clocks(161, "receipt-re-sent-35-days-late-another-truck-uploaded-30d2h-and-log-after-a-clock-moving-upload",
                      "VIOLATION", "ledger 160 with the other truck's upload 30 d 2 h after the idle truck's latest "
                      "reading, and a cold-room upload that moves the clock between the re-sent receipt and its log", True),
    lambda: credit_notes(162, "second-rebate-1h-inside-the-first-credit-notes-hold-rebate-naming-an-order-without-goods-paid-at-deadline",
                         "LEGITIMATE", "a second rebate credit note 1 h before the first credit note's hold on its "
                         "forgotten invoice ends, a rebate credit note naming an order without goods but a known invoice, "
                         "an invoice paid exactly at its deadline", False),
    lambda: credit_notes(163, "second-rebate-1h-after-the-hold-rebate-crediting-an-unknown-invoice-paid-late-in-two-parts",
                         "VIOLATION", "ledger 162 with the second rebate 1 h after the hold ends, a rebate credit note "
                         "whose credit_for is unknown though its order had goods, and an invoice paid late in two "
                         "instalments", True),
    lambda: late_goods(164, "back-orders-re-sent-late-invoiced-40-days-after-reissued-170-days-after-and-re-sent-payment-before-its-invoice",
                       "LEGITIMATE", "back-ordered deliveries whose receipts reach the ledger 25 days late: one invoiced "
                       "15 days after it was recorded, one re-invoiced after a price cut 170 days after; a re-sent "
                       "payment followed directly by its re-sent invoice", False),
    lambda: late_goods(165, "back-order-invoiced-31-days-after-recorded-reissue-181-days-after-and-clock-moving-count-before-the-invoice",
                       "VIOLATION", "ledger 164 with the back-order invoiced 31 days after it was recorded, the reissue "
                       "181 days after, and a clock-moving stock count between the re-sent payment and its invoice",
                       True),
]


def main():
    only_check = "--check" in sys.argv
    built = [mk() for mk in LEDGERS]
    nums = [L.num for L in built]
    assert nums == list(range(158, 166)), nums
    os.makedirs(OUT, exist_ok=True)
    for L in built:
        if not only_check:
            base = L.write(OUT)
            print("%s  %d events" % (os.path.basename(base), len(L.events)))
        else:
            print("%d ok (%d events)" % (L.num, len(L.events)))


if __name__ == "__main__":
    main()
