"""Helpers for the round-7 inspection ledgers (87-98): stock, batches, records and temperature-data
integrity. Copied from round 6's generator/lib3.py (check characters, UUID v7 ids, count sheets, temperature
streams) and extended: partial rejection on receipts, count sheets with zero/omitted lines, ledgers that
may go negative on purpose, events without entered_at, ordinary (non-controlled) products.
Written from docs/ alone. Deterministic: no clock, no randomness."""
import json
import hashlib
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
UTC = timezone.utc

# ---------------------------------------------------------------- check characters (from round 4)
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def _orgval(c):
    return int(c) if c.isdigit() else ord(c) - 55


def uscc(prefix16):
    assert len(prefix16) == 16
    body = prefix16[8:]
    s = sum(_orgval(c) * w for c, w in zip(body, _ORG_W))
    c9 = 11 - s % 11
    org_check = "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
    first17 = prefix16 + org_check
    s = sum(_USCC.index(c) * w for c, w in zip(first17, _USCC_W))
    c18 = (31 - s % 31) % 31
    code = first17 + _USCC[c18]
    assert all(c in _USCC for c in code), code
    return code


def bwm(prefix13):
    """药品本位码: 13 digits + ISO 7064 MOD 11,10 check digit."""
    assert len(prefix13) == 13 and prefix13.startswith("869")
    p = 10
    for ch in prefix13:
        s = (p + int(ch)) % 10
        if s == 0:
            s = 10
        p = (s * 2) % 11
    return prefix13 + str((11 - p) % 10)


# ---------------------------------------------------------------- time
def T(s):
    """'2026-01-20 10:00[:ss]' in Beijing time."""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(s, fmt).replace(tzinfo=CST)


def iso(dt, z=False):
    if z:
        return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return dt.astimezone(CST).isoformat()


def money(minor):
    return {"minor": int(minor), "currency": "CNY"}


def codes(prefix8, n0, n):
    """n 20-digit unit codes (追溯码): 8-digit prefix + 12-digit serial."""
    assert len(prefix8) == 8
    return ["%s%012d" % (prefix8, n0 + i) for i in range(n)]


def noise(key, lo, hi):
    """deterministic pseudo-random temperature in [lo, hi] with 0.1 °C steps."""
    h = int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big")
    steps = int(round((hi - lo) * 10))
    return round(lo + (h % (steps + 1)) / 10.0, 1)


# ---------------------------------------------------------------- parties
OWNER = uscc("91330100MA2H7K3R")    # 浙江仁济医药有限公司 (regional narcotics wholesaler)
SUP_XN = uscc("91510100MA61XN4H")   # 西南恒安制药有限公司 (designated manufacturer, 四川)
SUP_HY = uscc("91320500MA1N6W2D")   # 江苏华元制药有限公司 (designated manufacturer of psychotropic1)
SUP_RH = uscc("91310000MA1K9RH8")   # 上海瑞和生物制品有限公司 (vaccine manufacturer)
SUP_NK = uscc("91330100143958FL")   # 杭州宁康制药有限公司 (manufacturer, compound ephedrine)
CUS_RH = uscc("12330100470089QH")   # 杭州市仁和医院 (public hospital, seal card)
CUS_MZ = uscc("12330200470211MP")   # 宁波市明州人民医院 (public hospital, seal card)
CUS_HF = uscc("12340100485931DA")   # 合肥市德安医院 (安徽, seal card)
CUS_CDC = uscc("12330106470155CD")  # 杭州市西湖区疾病预防控制中心
RC_KN = uscc("91330100MA28A4FB")    # 杭州康宁大药房连锁有限公司 (retail chain; owner of 79/80)

ACC = {
    OWNER: ("中国工商银行杭州西湖支行", "1202021109900371234"),
    SUP_XN: ("中国银行成都高新支行", "128765432101"),
    SUP_HY: ("中国银行苏州分行营业部", "547268123456"),
    SUP_RH: ("交通银行上海张江支行", "310066726018800012345"),
    SUP_NK: ("中国建设银行杭州余杭支行", "33050161710009001234"),
    CUS_RH: ("中国农业银行杭州拱墅支行", "19030101040012345"),
    CUS_MZ: ("宁波银行明州支行", "51010122000456789"),
    CUS_HF: ("徽商银行合肥庐阳支行", "1021001234567890"),
    CUS_CDC: ("杭州银行西湖支行", "3301040160001234567"),
    RC_KN: ("招商银行杭州分行", "571908765410201"),
}

ADDR = {
    OWNER: "浙江省杭州市西湖区文三路 388 号",
    SUP_XN: "四川省成都市高新区天府大道中段 1388 号",
    SUP_HY: "江苏省苏州市吴中区宝带东路 88 号",
    SUP_RH: "上海市浦东新区张江路 1200 号",
    SUP_NK: "浙江省杭州市余杭区仓前街道文一西路 1500 号",
    CUS_RH: "浙江省杭州市拱墅区湖墅南路 120 号",
    CUS_MZ: "浙江省宁波市鄞州区天童南路 666 号",
    CUS_HF: "安徽省合肥市庐阳区阜阳路 99 号",
    CUS_CDC: "浙江省杭州市西湖区古墩路 215 号",
    RC_KN: "浙江省杭州市上城区解放路 218 号",
}

SEAL = lambda card, to: {"designation": "seal_card_holder", "seal_card": card, "valid_to": to}

PARTIES = {
    OWNER: dict(name="浙江仁济医药有限公司", kind="wholesaler",
                licence=dict(number="浙AA5710023", kind="drug_wholesale", valid_from="2023-03-01", valid_to="2028-02-28"),
                scope=["chemical", "tcm_patent", "biological", "vaccine", "narcotic", "psychotropic1", "psychotropic2",
                       "compound_ephedrine", "cold_chain"], province="浙江",
                special={"designation": "regional_wholesaler", "valid_to": "2028-02-28"}),
    SUP_XN: dict(name="西南恒安制药有限公司", kind="manufacturer",
                 licence=dict(number="川20000311", kind="drug_manufacturing", valid_from="2021-09-01", valid_to="2026-12-31"),
                 scope=["chemical", "narcotic", "psychotropic1"], province="四川",
                 special={"designation": "designated_manufacturer", "valid_to": "2026-12-31"}),
    SUP_HY: dict(name="江苏华元制药有限公司", kind="manufacturer",
                 licence=dict(number="苏20000456", kind="drug_manufacturing", valid_from="2023-01-01", valid_to="2027-12-31"),
                 scope=["chemical", "psychotropic1", "psychotropic2"], province="江苏",
                 special={"designation": "designated_manufacturer", "valid_to": "2027-12-31"}),
    SUP_RH: dict(name="上海瑞和生物制品有限公司", kind="manufacturer",
                 licence=dict(number="沪20000789", kind="drug_manufacturing", valid_from="2022-05-01", valid_to="2027-04-30"),
                 scope=["biological", "vaccine", "cold_chain"], province="上海"),
    SUP_NK: dict(name="杭州宁康制药有限公司", kind="manufacturer",
                 licence=dict(number="浙20000123", kind="drug_manufacturing", valid_from="2022-06-01", valid_to="2027-05-31"),
                 scope=["chemical", "compound_ephedrine"], province="浙江"),
    CUS_RH: dict(name="杭州市仁和医院", kind="medical_institution",
                 licence=dict(number="PDY00012330105A1001", kind="medical_institution", valid_from="2022-01-01", valid_to="2031-12-31"),
                 scope=["chemical", "tcm_patent", "narcotic", "psychotropic1", "psychotropic2"], province="浙江",
                 public_hospital=True, special=SEAL("浙杭麻印〔2025〕0107", "2027-12-31")),
    CUS_MZ: dict(name="宁波市明州人民医院", kind="medical_institution",
                 licence=dict(number="PDY00033330212A1001", kind="medical_institution", valid_from="2022-07-01", valid_to="2032-06-30"),
                 scope=["chemical", "tcm_patent", "narcotic", "psychotropic1", "psychotropic2"], province="浙江",
                 public_hospital=True, special=SEAL("浙甬麻印〔2024〕0233", "2027-06-30")),
    CUS_HF: dict(name="合肥市德安医院", kind="medical_institution",
                 licence=dict(number="PDY00045340103A1002", kind="medical_institution", valid_from="2023-02-01", valid_to="2033-01-31"),
                 scope=["chemical", "narcotic", "psychotropic1", "psychotropic2"], province="安徽",
                 public_hospital=True, special=SEAL("皖合麻印〔2025〕0041", "2027-09-30")),
    CUS_CDC: dict(name="杭州市西湖区疾病预防控制中心", kind="cdc",
                  licence=dict(number="浙卫公〔2022〕0106", kind="public_health", valid_from="2022-01-01", valid_to="2031-12-31"),
                  scope=["biological", "vaccine", "cold_chain"], province="浙江"),
    RC_KN: dict(name="杭州康宁大药房连锁有限公司", kind="retail_chain",
                licence=dict(number="浙CA5710088", kind="drug_retail", valid_from="2024-04-01", valid_to="2029-03-31"),
                scope=["chemical", "tcm_patent", "compound_ephedrine"], province="浙江"),
}

# ---------------------------------------------------------------- products
P_MOR = bwm("8693456700003")   # 盐酸吗啡注射液 (narcotic)
P_FEN = bwm("8693456700011")   # 枸橼酸芬太尼注射液 (narcotic)
P_MPH = bwm("8690456700021")   # 盐酸哌甲酯缓释片 (psychotropic1)
P_HEPB = bwm("8690789000012")  # 重组乙型肝炎疫苗（酿酒酵母） (vaccine, cold)
P_EPH = bwm("8690123400031")   # 复方盐酸伪麻黄碱缓释胶囊 (compound ephedrine)

PRODUCTS = {
    P_MOR: dict(generic_name="盐酸吗啡注射液", form="注射剂", spec="1ml:10mg", manufacturer=SUP_XN,
                approval_number="国药准字H51021234", category="narcotic", control="narcotic", storage="ambient",
                rx=True, unit="支"),
    P_FEN: dict(generic_name="枸橼酸芬太尼注射液", form="注射剂", spec="2ml:0.1mg", manufacturer=SUP_XN,
                approval_number="国药准字H51025678", category="narcotic", control="narcotic", storage="ambient",
                rx=True, unit="支"),
    P_MPH: dict(generic_name="盐酸哌甲酯缓释片", form="片剂", spec="18mg×15片/盒", manufacturer=SUP_HY,
                approval_number="国药准字H32026011", category="psychotropic1", control="psychotropic1",
                storage="ambient", rx=True, unit="盒"),
    P_HEPB: dict(generic_name="重组乙型肝炎疫苗（酿酒酵母）", form="注射剂", spec="0.5ml:10μg/支", manufacturer=SUP_RH,
                 approval_number="国药准字S31020123", category="vaccine", control="none", storage="cold",
                 rx=True, vaccine=True, unit="支"),
    P_EPH: dict(generic_name="复方盐酸伪麻黄碱缓释胶囊", form="胶囊剂", spec="10粒/盒", manufacturer=SUP_NK,
                approval_number="国药准字H33021999", category="compound_ephedrine", control="compound_ephedrine",
                storage="ambient", rx=False, unit="盒"),
}
P_AMOX = bwm("8690123400001")  # 阿莫西林胶囊 (as in round 4)
P_IBU = bwm("8690123400002")   # 布洛芬缓释胶囊 (as in round 4)
PRODUCTS[P_AMOX] = dict(generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", manufacturer=SUP_NK,
                        approval_number="国药准字H33020011", category="chemical", control="none", storage="ambient",
                        rx=True, unit="盒")
PRODUCTS[P_IBU] = dict(generic_name="布洛芬缓释胶囊", form="胶囊剂", spec="0.3g×20粒/盒", manufacturer=SUP_NK,
                       approval_number="国药准字H33020345", category="chemical", control="none", storage="ambient",
                       rx=False, unit="盒")
CUS_JK = uscc("91330106MA2CJ8P4")   # 杭州健康源大药房连锁有限公司 (second retail chain, SOM peer)
ACC[CUS_JK] = ("浙商银行杭州西湖支行", "3310010010120100098765")
ADDR[CUS_JK] = "浙江省杭州市西湖区教工路 77 号"
PARTIES[CUS_JK] = dict(name="杭州健康源大药房连锁有限公司", kind="retail_chain",
                       licence=dict(number="浙CA5710102", kind="drug_retail", valid_from="2024-01-01", valid_to="2028-12-31"),
                       scope=["chemical", "tcm_patent", "compound_ephedrine"], province="浙江")
CONTROLLED = {P_MOR, P_FEN, P_MPH, P_EPH}          # two people sign
CODED = {P_MOR, P_FEN, P_MPH}                        # unit codes on every movement (SPECIAL-CHAIN)


class Ledger:
    def __init__(self, num, name, kind, title, owner=OWNER, allow_negative=False):
        self.num, self.name, self.kind, self.title = num, name, kind, title
        self.allow_negative = allow_negative
        self.owner = owner
        self.events = []
        self.notes, self.whys, self.expect = [], [], []
        self.n = 0
        self.inv_seq = 0
        self.count_override = {}
        self.extra_parties = {}

    def add(self, kind, at, data, refs=None, by=None, label=None, lag_min=5, z=False, entered=None, no_entered=False):
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": iso(at, z),
              "entered_at": iso(entered or (at + timedelta(minutes=lag_min)), z), "recorded_by": by or ["系统-ERP"]}
        if no_entered:
            del ev["entered_at"]
            ev["_id_ms"] = at + timedelta(minutes=lag_min)
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.n += 1
        self.events.append([at, self.n, ev, label])
        return label

    # ------------------------------------------------------------ master data
    def party(self, at, p, relation, **over):
        d = dict(PARTIES[p])
        d.update(over)
        data = {"party": p, "name": d["name"], "kind": d["kind"], "relation": relation}
        if d.get("licence"):
            data["licence"] = d["licence"]
        data["scope"] = d.get("scope", [])
        data["accounts"] = [{"bank": ACC[p][0], "number": ACC[p][1]}] if p in ACC else []
        data["province"] = d["province"]
        data["address"] = ADDR[p]
        if d.get("special"):
            data["special"] = d["special"]
        if d.get("public_hospital"):
            data["public_hospital"] = True
        self.add("party_registered", at, data, by=["质管-周敏"])

    def individual(self, at, pid, name, addr):
        data = {"party": pid, "name": name, "kind": "individual", "relation": "customer", "scope": [],
                "accounts": [], "province": "浙江", "address": addr}
        self.add("party_registered", at, data, by=["质管-周敏"])

    def master(self, at, parties, products, zones=(("SP-1", "ambient", None),)):
        """parties: list of (party, relation); owner first automatically."""
        self.party(at, self.owner, "self")
        for p, rel in parties:
            at += timedelta(minutes=2)
            self.party(at, p, rel)
        for p in products:
            at += timedelta(minutes=2)
            self.add("product_registered", at, dict(product=p, **PRODUCTS[p]), by=["质管-周敏"])
        for z, st, sensors in zones:
            at += timedelta(minutes=2)
            d = {"zone": z, "storage": st}
            if sensors:
                d["sensors"] = sensors
            self.add("zone_registered", at, d, by=["质管-周敏"])
        return at

    # ------------------------------------------------------------ goods
    def purchase(self, at, doc, supplier, lines, label=None):
        return self.add("purchase", at, {"doc": doc, "supplier": supplier, "lines": [
            {"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]},
            by=["采购-李明"], label=label)

    def receipt(self, at, doc, supplier, order, dn, lines, label=None, transport=None, acceptors=None, z=False):
        """lines: (product, batch, production_date, expiry, arrived, codes[, location[, rejected[, reason]]])"""
        ctrl = any(l[0] in CONTROLLED for l in lines)
        acceptors = acceptors or (["验收-张伟", "验收-孙丽"] if ctrl else ["验收-张伟"])
        out = []
        for l in lines:
            p, batch, prod, exp, q, cs = l[:6]
            loc = l[6] if len(l) > 6 and l[6] else "RCV"
            rej = l[7] if len(l) > 7 else 0
            line = {"product": p, "batch": batch, "production_date": prod, "expiry": exp,
                    "arrived": q, "accepted": q - rej, "rejected": rej, "location": loc}
            if rej:
                line["reject_reason"] = l[8] if len(l) > 8 else "外包装破损"
            if cs:
                line["codes"] = cs
            out.append(line)
        data = {"doc": doc, "supplier": supplier, "lines": out, "acceptors": acceptors}
        if transport:
            data["transport"] = transport
        return self.add("receipt", at, data, refs={"order": [order], "delivery_note": [dn]},
                        by=sorted(set(acceptors), key=acceptors.index), label=label, z=z)

    def move(self, kind, at, doc, lines, refs=None, reason=None, label=None, by=None, z=False, extra=None):
        """lines: (product, batch, qty, from, to|None, codes)"""
        out = []
        for p, batch, q, fr, to, cs in lines:
            line = {"product": p, "batch": batch, "quantity": q, "from": fr}
            if to is not None:
                line["to"] = to
            if cs:
                line["codes"] = cs
            out.append(line)
        data = {"doc": doc}
        if reason:
            data["reason"] = reason
        if extra:
            data.update(extra)
        data["lines"] = out
        ctrl = any(l[0] in CONTROLLED for l in lines)
        by = by or (["保管-赵磊", "保管-钱程"] if ctrl else ["保管-赵磊"])
        return self.add(kind, at, data, refs=refs, by=by, label=label, z=z)

    def sale(self, at, doc, customer, lines, label=None, channel="wholesale", buyer_id=None, prescription=None,
             refs=None):
        data = {"doc": doc, "customer": customer, "channel": channel}
        if buyer_id:
            data["buyer_id"] = buyer_id
        if prescription:
            data["prescription"] = prescription
        data["lines"] = [{"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)}
                         for p, b, e, q, pr in lines]
        return self.add("sale", at, data, refs=refs, by=["销售-陈静"], label=label)

    def review(self, at, doc, customer, sale, lines, label=None, reviewers=None):
        ctrl = any(l[0] in CONTROLLED for l in lines)
        reviewers = reviewers or (["复核-刘洋", "复核-许强"] if ctrl else ["复核-刘洋"])
        return self.add("outbound_review", at, {"doc": doc, "customer": customer, "lines": [
            {"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q in lines],
            "reviewers": reviewers}, refs={"sale": [sale]}, by=sorted(set(reviewers), key=reviewers.index), label=label)

    def dispatch(self, at, doc, customer, sale, lines, label=None, vehicle=None, address=None, consignee=None):
        """lines: (product, batch, qty, from, codes)"""
        out = []
        for p, b, q, fr, cs in lines:
            line = {"product": p, "batch": b, "quantity": q, "from": fr}
            if cs:
                line["codes"] = cs
            out.append(line)
        data = {"doc": doc, "customer": customer,
                "consignee": consignee or (PARTIES[customer]["name"] + " 药剂科" if customer in PARTIES else "顾客本人"),
                "address": address or ADDR[customer], "lines": out}
        if vehicle:
            data["vehicle"] = vehicle
        return self.add("dispatch", at, data, refs={"sale": [sale]}, by=["发货-吴凯", "发货-郑浩"], label=label)

    def customer_return(self, at, doc, customer, sale, dn, reason, lines, label=None):
        out = []
        for p, b, q, to, cs in lines:
            line = {"product": p, "batch": b, "quantity": q, "to": to}
            if cs:
                line["codes"] = cs
            out.append(line)
        return self.add("customer_return", at, {"doc": doc, "customer": customer, "reason": reason, "lines": out},
                        refs={"sale": [sale], "delivery_note": [dn]}, by=["验收-张伟", "验收-孙丽"], label=label)

    def stock_count(self, at, doc, location, label=None, override=None, omit=(), zeros=(), entered=None, z=False,
                    no_entered=False):
        """override {(p,b): counted}; omit: batches left off the sheet; zeros: (p,b) listed with counted 0."""
        self.count_override[doc] = (override or {}, set(omit), list(zeros))
        return self.add("stock_count", at, {"doc": doc, "location": location, "lines": None},
                        by=["保管-赵磊", "质管-周敏"], label=label, entered=entered, z=z, no_entered=no_entered)

    def temps(self, at, sensor, readings, zone=None, vehicle=None, label=None, z=False, entered=None):
        """readings: list of (instant, celsius, as_z)"""
        data = {"sensor": sensor}
        if zone:
            data["zone"] = zone
        if vehicle:
            data["vehicle"] = vehicle
        data["readings"] = [{"at": iso(t, zz), "celsius": c} for t, c, zz in readings]
        return self.add("temperature_reading", at, data, by=["系统-温湿度监测"], label=label, z=z, lag_min=1,
                        entered=entered)

    def zone_stream(self, zone, sensor, points, upload_every_h=6, label_at=None):
        """points: sorted list of (instant, celsius). Uploads: one per upload_every_h block, at the block's
        last reading + 1 min. label_at: {instant: label} labels the upload holding that reading."""
        label_at = label_at or {}
        block, blocks = [], []
        start = points[0][0]
        for t, c in points:
            if block and (t - start) >= timedelta(hours=upload_every_h):
                blocks.append(block)
                block, start = [], t
            block.append((t, c))
        if block:
            blocks.append(block)
        for b in blocks:
            lab = None
            for t, _ in b:
                if t in label_at:
                    lab = label_at[t]
            up = b[-1][0] + timedelta(minutes=1)
            self.temps(up, sensor, [(t, c, False) for t, c in b], zone=zone, label=lab)

    # ------------------------------------------------------------ money
    def inv_no(self, at, prefix="3301"):
        self.inv_seq += 1
        return "%02d%s%014d" % (at.year % 100, prefix, 10000 * self.num + self.inv_seq)

    def invoice(self, at, doc, direction, issuer, buyer, lines, refs, issued_on=None, credit_for=None, label=None):
        ls = [{"product": p, "quantity": q, "unit_price": money(pr), "amount": money(q * pr)} for p, q, pr in lines]
        data = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer,
                "issued_on": issued_on or at.astimezone(CST).strftime("%Y-%m-%d"), "lines": ls,
                "total": money(sum(q * pr for _, q, pr in lines))}
        if credit_for:
            data["credit_for"] = credit_for
        self.add("invoice", at, data, refs=refs, by=["财务-王芳"], label=label)
        return data["total"]["minor"]

    def payment(self, at, doc, direction, payer, payee, amount, invoices, label=None, method="bank_transfer"):
        cash = method == "cash"
        data = {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                "payer_account": "" if cash else ACC[payer][1], "payee_account": "" if cash else ACC[payee][1],
                "amount": money(amount), "method": method, "invoices": invoices}
        return self.add("payment", at, data, refs={"invoice": invoices[0]}, by=["财务-王芳"], label=label)

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
        book = {}

        def mv(p, b, loc, q):
            book[(p, b, loc)] = book.get((p, b, loc), 0) + q

        for at, _, ev, _ in self.events:
            k, d = ev["kind"], ev["data"]
            if k == "receipt":
                for l in d["lines"]:
                    mv(l["product"], l["batch"], l["location"], l["accepted"])
            elif k in ("put_away", "transfer"):
                for l in d["lines"]:
                    mv(l["product"], l["batch"], l["from"], -l["quantity"])
                    mv(l["product"], l["batch"], l["to"], l["quantity"])
            elif k in ("dispatch", "supplier_return", "destruction", "loss_report"):
                for l in d["lines"]:
                    mv(l["product"], l["batch"], l["from"], -l["quantity"])
            elif k == "customer_return":
                for l in d["lines"]:
                    mv(l["product"], l["batch"], l["to"], l["quantity"])
            elif k == "stock_count":
                ov, omit, zeros = self.count_override.get(d["doc"], ({}, set(), []))
                lines = [{"product": p, "batch": b, "counted": ov.get((p, b), max(q, 0))}
                         for (p, b, loc), q in sorted(book.items()) if loc == d["location"] and q != 0
                         and (p, b) not in omit]
                lines += [{"product": p, "batch": b, "counted": 0} for p, b in zeros]
                assert lines, "count of an empty location"
                d["lines"] = lines
            for (p, b, loc), q in book.items():
                assert q >= 0 or self.allow_negative, (self.num, p, b, loc, q, ev)
        self.final_book = {k: v for k, v in book.items() if v}
        last = 0
        for i, (at, _, ev, _) in enumerate(self.events):
            if "_id_ms" in ev:
                ms = int(ev.pop("_id_ms").timestamp() * 1000)
            else:
                ms = int(datetime.fromisoformat(ev["entered_at"].replace("Z", "+00:00")).timestamp() * 1000)
            ms = max(ms, last + 1)
            last = ms
            h = hashlib.sha256(("%d-%s-%d" % (self.num, self.name, i)).encode()).digest()
            rand_a = int.from_bytes(h[:2], "big") & 0x0FFF
            rand_b = int.from_bytes(h[2:10], "big") & ((1 << 62) - 1)
            val = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
            hx = "%032x" % val
            ev["id"] = "%s-%s-%s-%s-%s" % (hx[:8], hx[8:12], hx[12:16], hx[16:20], hx[20:])
        self.line_of = {}
        for i, e in enumerate(self.events, 1):
            if e[3]:
                assert e[3] not in self.line_of, e[3]
                self.line_of[e[3]] = i

    def write(self, outdir):
        self.finalize()
        base = "%s/%02d-%s" % (outdir, self.num, self.name) if isinstance(self.num, int) else "%s/%s-%s" % (outdir, self.num, self.name)
        with open(base + ".jsonl", "w", encoding="utf-8") as f:
            for e in self.events:
                f.write(json.dumps(e[2], ensure_ascii=False, separators=(",", ":")) + "\n")
        with open(base + ".expected", "w", encoding="utf-8") as f:
            f.write("# %s %s: %s\n" % (self.num, self.kind, self.title))
            for n in self.notes:
                f.write("# note: %s\n" % n.format(**self.line_of))
            for w in self.whys:
                f.write("# why: %s\n" % w.format(**self.line_of))
            for rule, label in sorted(self.expect, key=lambda x: (self.line_of[x[1]], x[0])):
                f.write("%s %d\n" % (rule, self.line_of[label]))
        return base
