"""Helpers for round 9a (ledgers 111-122). Adapted from round 5's generator/lib3.py (check
characters, UUID v7 ids, the Ledger builder), extended with explicit invoice amounts (the rounding
slack of format.md), explicit count sheets, planted negative stock and 身份证 check digits.
Written from README.md, docs/ and the earlier rounds' files only. Deterministic: no clock, no
randomness."""
import json
import hashlib
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
UTC = timezone.utc
D = timedelta(days=1)
H = timedelta(hours=1)
M = timedelta(minutes=1)

# ---------------------------------------------------------------- check characters
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def _orgval(c):
    return int(c) if c.isdigit() else ord(c) - 55


def uscc(prefix16):
    """统一社会信用代码 (GB 32100): 16 given characters + organisation-code check (GB 11714) + check."""
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


def idcard(prefix17):
    """居民身份证号码 (GB 11643): 17 digits + ISO 7064 MOD 11-2 check character."""
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * x for c, x in zip(prefix17, w))
    return prefix17 + "10X98765432"[s % 11]


# ---------------------------------------------------------------- time, money, codes
def T(s):
    """'2026-01-20 10:00[:ss]' in Beijing time."""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(s, fmt).replace(tzinfo=CST)


def iso(dt):
    return dt.astimezone(CST).isoformat()


def money(minor):
    return {"minor": int(minor), "currency": "CNY"}


def ymd(at):
    return at.astimezone(CST).strftime("%Y%m%d")


def codes(prefix8, n0, n):
    """n 20-digit unit codes (追溯码): 8-digit prefix + 12-digit serial."""
    assert len(prefix8) == 8
    return ["%s%012d" % (prefix8, n0 + i) for i in range(n)]


def noise(key, lo, hi):
    """deterministic pseudo-random temperature in [lo, hi] with 0.1 degree steps."""
    h = int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big")
    steps = int(round((hi - lo) * 10))
    return round(lo + (h % (steps + 1)) / 10.0, 1)


def yuan(minor):
    return "{:,.2f}".format(minor / 100.0)


# ---------------------------------------------------------------- parties
OWNER = uscc("91330100MA2H7K3R")    # 浙江仁济医药有限公司 (wholesaler, regional narcotics wholesaler)
SUP_XN = uscc("91510100MA61XN4H")   # 西南恒安制药有限公司 (designated manufacturer, 四川)
SUP_HR = uscc("91330400MA29HR5T")   # 浙江华瑞制药有限公司 (manufacturer, chemical drugs)
SUP_NK = uscc("91330100143958FL")   # 杭州宁康制药有限公司 (manufacturer, incl. compound ephedrine)
SUP_RH = uscc("91310000MA1K9RH8")   # 上海瑞和生物制品有限公司 (manufacturer, biological, cold chain)
CUS_RH = uscc("12330100470089QH")   # 杭州市仁和医院 (public hospital, seal card)
CUS_MZ = uscc("12330200470211MP")   # 宁波市明州人民医院 (public hospital, seal card)
PH_BJ = uscc("91330106MA2CBJ7D")    # 杭州百济大药房有限公司 (retail pharmacy; owner of 119/120)

ACC = {
    OWNER: ("中国工商银行杭州西湖支行", "1202021109900371234"),
    SUP_XN: ("中国银行成都高新支行", "128765432101"),
    SUP_HR: ("中国建设银行嘉兴南湖支行", "33050163720009005678"),
    SUP_NK: ("中国建设银行杭州余杭支行", "33050161710009001234"),
    SUP_RH: ("交通银行上海张江支行", "310066726018800012345"),
    CUS_RH: ("中国农业银行杭州拱墅支行", "19030101040012345"),
    CUS_MZ: ("宁波银行明州支行", "51010122000456789"),
    PH_BJ: ("杭州银行文三支行", "3301040160009876543"),
}

ADDR = {
    OWNER: "浙江省杭州市西湖区文三路 388 号",
    SUP_XN: "四川省成都市高新区天府大道中段 1388 号",
    SUP_HR: "浙江省嘉兴市南湖区亚太路 1052 号",
    SUP_NK: "浙江省杭州市余杭区仓前街道文一西路 1500 号",
    SUP_RH: "上海市浦东新区张江路 1200 号",
    CUS_RH: "浙江省杭州市拱墅区湖墅南路 120 号",
    CUS_MZ: "浙江省宁波市鄞州区天童南路 666 号",
    PH_BJ: "浙江省杭州市西湖区文二路 186 号 1 层",
}

SEAL = lambda card, to: {"designation": "seal_card_holder", "seal_card": card, "valid_to": to}

PARTIES = {
    OWNER: dict(name="浙江仁济医药有限公司", kind="wholesaler",
                licence=dict(number="浙AA5710023", kind="drug_wholesale", valid_from="2023-03-01", valid_to="2028-02-28"),
                scope=["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2",
                       "compound_ephedrine", "cold_chain"], province="浙江",
                special={"designation": "regional_wholesaler", "valid_to": "2028-02-28"}),
    SUP_XN: dict(name="西南恒安制药有限公司", kind="manufacturer",
                 licence=dict(number="川20000311", kind="drug_manufacturing", valid_from="2025-09-01", valid_to="2030-08-31"),
                 scope=["chemical", "narcotic", "psychotropic1"], province="四川",
                 special={"designation": "designated_manufacturer", "valid_to": "2030-08-31"}),
    SUP_HR: dict(name="浙江华瑞制药有限公司", kind="manufacturer",
                 licence=dict(number="浙20000278", kind="drug_manufacturing", valid_from="2024-01-01", valid_to="2028-12-31"),
                 scope=["chemical"], province="浙江"),
    SUP_NK: dict(name="杭州宁康制药有限公司", kind="manufacturer",
                 licence=dict(number="浙20000123", kind="drug_manufacturing", valid_from="2022-06-01", valid_to="2027-05-31"),
                 scope=["chemical", "compound_ephedrine"], province="浙江"),
    SUP_RH: dict(name="上海瑞和生物制品有限公司", kind="manufacturer",
                 licence=dict(number="沪20000789", kind="drug_manufacturing", valid_from="2022-05-01", valid_to="2027-04-30"),
                 scope=["biological", "cold_chain"], province="上海"),
    CUS_RH: dict(name="杭州市仁和医院", kind="medical_institution",
                 licence=dict(number="PDY00012330105A1001", kind="medical_institution", valid_from="2022-01-01", valid_to="2031-12-31"),
                 scope=["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "cold_chain"],
                 province="浙江", public_hospital=True, special=SEAL("浙杭麻印〔2025〕0107", "2027-12-31")),
    CUS_MZ: dict(name="宁波市明州人民医院", kind="medical_institution",
                 licence=dict(number="PDY00033330212A1001", kind="medical_institution", valid_from="2022-07-01", valid_to="2032-06-30"),
                 scope=["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "cold_chain"],
                 province="浙江", public_hospital=True, special=SEAL("浙甬麻印〔2024〕0233", "2027-06-30")),
    PH_BJ: dict(name="杭州百济大药房有限公司", kind="retail_pharmacy",
                licence=dict(number="浙CB5710316", kind="drug_retail", valid_from="2024-06-01", valid_to="2029-05-31"),
                scope=["chemical", "tcm_patent", "compound_ephedrine"], province="浙江"),
}

# ---------------------------------------------------------------- products
P_LDK = bwm("8690123400101")   # 盐酸利多卡因注射液 5ml:0.1g (支)
P_VC = bwm("8690123400102")    # 维生素C片 0.1g×100片 (瓶)
P_ASP = bwm("8690123400103")   # 阿司匹林肠溶片 100mg×30片 (盒)
P_CEF = bwm("8690123400104")   # 注射用头孢曲松钠 1.0g (瓶)
P_AMX = bwm("8690123400105")   # 阿莫西林胶囊 0.25g×24粒 (盒)
P_INS = bwm("8690789000201")   # 重组人胰岛素注射液 3ml:300单位 (支, cold)
P_EPH = bwm("8690123400031")   # 复方盐酸伪麻黄碱缓释胶囊 10粒 (盒, compound ephedrine)
P_EPH2 = bwm("8690123400032")  # 氨酚伪麻美芬片(Ⅱ)/氨麻苯美片 (盒, compound ephedrine)
P_MOR = bwm("8693456700003")   # 盐酸吗啡注射液 1ml:10mg (支, narcotic)
P_FEN = bwm("8693456700011")   # 枸橼酸芬太尼注射液 2ml:0.1mg (支, narcotic)

PRODUCTS = {
    P_LDK: dict(generic_name="盐酸利多卡因注射液", form="注射剂", spec="5ml:0.1g", manufacturer=SUP_HR,
                approval_number="国药准字H33021661", category="chemical", control="none", storage="ambient", rx=True, unit="支"),
    P_VC: dict(generic_name="维生素C片", form="片剂", spec="0.1g×100片/瓶", manufacturer=SUP_HR,
               approval_number="国药准字H33020722", category="chemical", control="none", storage="ambient", rx=False, unit="瓶"),
    P_ASP: dict(generic_name="阿司匹林肠溶片", form="片剂", spec="100mg×30片/盒", manufacturer=SUP_HR,
                approval_number="国药准字H33020993", category="chemical", control="none", storage="ambient", rx=False, unit="盒"),
    P_CEF: dict(generic_name="注射用头孢曲松钠", form="注射剂", spec="1.0g", manufacturer=SUP_HR,
                approval_number="国药准字H33021204", category="chemical", control="none", storage="ambient", rx=True, unit="瓶"),
    P_AMX: dict(generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", manufacturer=SUP_NK,
                approval_number="国药准字H33020011", category="chemical", control="none", storage="ambient", rx=True, unit="盒"),
    P_INS: dict(generic_name="重组人胰岛素注射液", form="注射剂", spec="3ml:300单位/支", manufacturer=SUP_RH,
                approval_number="国药准字S31020456", category="biological", control="none", storage="cold", rx=True, unit="支"),
    P_EPH: dict(generic_name="复方盐酸伪麻黄碱缓释胶囊", form="胶囊剂", spec="10粒/盒", manufacturer=SUP_NK,
                approval_number="国药准字H33021999", category="compound_ephedrine", control="compound_ephedrine",
                storage="ambient", rx=False, unit="盒"),
    P_EPH2: dict(generic_name="氨酚伪麻美芬片(Ⅱ)/氨麻苯美片", form="片剂", spec="日片10片+夜片10片/盒", manufacturer=SUP_NK,
                 approval_number="国药准字H33022077", category="compound_ephedrine", control="compound_ephedrine",
                 storage="ambient", rx=False, unit="盒"),
    P_MOR: dict(generic_name="盐酸吗啡注射液", form="注射剂", spec="1ml:10mg", manufacturer=SUP_XN,
                approval_number="国药准字H51021234", category="narcotic", control="narcotic", storage="ambient", rx=True, unit="支"),
    P_FEN: dict(generic_name="枸橼酸芬太尼注射液", form="注射剂", spec="2ml:0.1mg", manufacturer=SUP_XN,
                approval_number="国药准字H51025678", category="narcotic", control="narcotic", storage="ambient", rx=True, unit="支"),
}
CONTROLLED = {P_MOR, P_FEN, P_EPH, P_EPH2}   # two people sign acceptance and review
CODED = {P_MOR, P_FEN}                       # one unit code per unit on every movement


class Ledger:
    def __init__(self, num, name, kind, title, owner=OWNER):
        self.num, self.name, self.kind, self.title = num, name, kind, title
        self.owner = owner
        self.events = []
        self.notes, self.whys, self.expect, self.extra = [], [], [], []
        self.n = 0
        self.inv_seq = 0
        self.allow_negative = set()   # (product, batch, location) planted below zero
        self.individuals = {}

    def add(self, kind, at, data, refs=None, by=None, label=None, lag_min=5):
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": iso(at),
              "entered_at": iso(at + timedelta(minutes=lag_min)), "recorded_by": by or ["系统-ERP"]}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.n += 1
        self.events.append([at, self.n, ev, label])
        return label

    # ------------------------------------------------------------ master data
    def party(self, at, p, relation):
        d = PARTIES[p]
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
        self.individuals[pid] = name
        data = {"party": pid, "name": name, "kind": "individual", "relation": "customer", "scope": [],
                "accounts": [], "province": "浙江", "address": addr}
        self.add("party_registered", at, data, by=["质管-周敏"])

    def master(self, at, parties, products, zones=(("WH-A", "ambient", None),)):
        """parties: list of (party, relation); the owner comes first automatically."""
        self.party(at, self.owner, "self")
        for p, rel in parties:
            at += 2 * M
            self.party(at, p, rel)
        for p in products:
            at += 2 * M
            self.add("product_registered", at, dict(product=p, **PRODUCTS[p]), by=["质管-周敏"])
        for z, st, sensors in zones:
            at += 2 * M
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

    def receipt(self, at, doc, supplier, order, dn, lines, label=None, transport=None, acceptors=None):
        """lines: (product, batch, production_date, expiry, qty, codes[, location])"""
        ctrl = any(l[0] in CONTROLLED for l in lines)
        acceptors = acceptors or (["验收-张伟", "验收-孙丽"] if ctrl else ["验收-张伟"])
        out = []
        for l in lines:
            p, batch, prod, exp, q, cs = l[:6]
            loc = l[6] if len(l) > 6 else "RCV"
            line = {"product": p, "batch": batch, "production_date": prod, "expiry": exp,
                    "arrived": q, "accepted": q, "rejected": 0, "location": loc}
            if cs:
                line["codes"] = cs
            out.append(line)
        data = {"doc": doc, "supplier": supplier, "lines": out, "acceptors": acceptors}
        if transport:
            data["transport"] = transport
        return self.add("receipt", at, data, refs={"order": [order], "delivery_note": [dn]},
                        by=list(acceptors), label=label)

    def move(self, kind, at, doc, lines, refs=None, reason=None, label=None, by=None, extra=None):
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
        if kind == "destruction" and "supervisors" in data:
            data["supervisors"] = data.pop("supervisors")
        ctrl = any(l[0] in CONTROLLED for l in lines)
        by = by or (["保管-赵磊", "保管-钱程"] if ctrl else ["保管-赵磊"])
        return self.add(kind, at, data, refs=refs, by=by, label=label)

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
            "reviewers": reviewers}, refs={"sale": [sale]}, by=list(reviewers), label=label)

    def dispatch(self, at, doc, customer, sale, lines, label=None, address=None, consignee=None):
        """lines: (product, batch, qty, from, codes)"""
        out = []
        for p, b, q, fr, cs in lines:
            line = {"product": p, "batch": b, "quantity": q, "from": fr}
            if cs:
                line["codes"] = cs
            out.append(line)
        data = {"doc": doc, "customer": customer,
                "consignee": consignee or (PARTIES[customer]["name"] + " 药剂科"),
                "address": address or ADDR[customer], "lines": out}
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

    def stock_count(self, at, doc, location, lines, label=None):
        """lines: explicit sheet (product, batch, counted)."""
        return self.add("stock_count", at, {"doc": doc, "location": location, "lines": [
            {"product": p, "batch": b, "counted": c} for p, b, c in lines]},
            by=["保管-赵磊", "质管-周敏"], label=label)

    def temps(self, at, sensor, readings, zone=None, vehicle=None, label=None):
        """readings: list of (instant, celsius)"""
        data = {"sensor": sensor}
        if zone:
            data["zone"] = zone
        if vehicle:
            data["vehicle"] = vehicle
        data["readings"] = [{"at": iso(t), "celsius": c} for t, c in readings]
        return self.add("temperature_reading", at, data, by=["系统-温湿度监测"], label=label, lag_min=1)

    # ------------------------------------------------------------ money
    def inv_no(self, at, prefix="3300"):
        """20-digit 数电票 number: YY + 4-digit area/kind + 14-digit serial."""
        self.inv_seq += 1
        return "%02d%s%014d" % (at.year % 100, prefix, 10000 * self.num + self.inv_seq)

    def invoice(self, at, doc, direction, issuer, buyer, lines, refs, issued_on=None, credit_for=None, label=None):
        """lines: (product, qty, unit_price_fen[, amount_fen]); amount defaults to qty x price."""
        ls = []
        for l in lines:
            p, q, pr = l[:3]
            amt = l[3] if len(l) > 3 else q * pr
            ls.append({"product": p, "quantity": q, "unit_price": money(pr), "amount": money(amt)})
        data = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer,
                "issued_on": issued_on or at.astimezone(CST).strftime("%Y-%m-%d"), "lines": ls,
                "total": money(sum(l["amount"]["minor"] for l in ls))}
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

    def comment(self, tag, s):
        self.extra.append((tag, s))

    def expect_at(self, rule, label):
        self.expect.append((rule, label))

    # ------------------------------------------------------------ output
    def finalize(self):
        self.events.sort(key=lambda e: (e[0], e[1]))
        book = {}

        def mv(p, b, loc, q):
            book[(p, b, loc)] = book.get((p, b, loc), 0) + q

        self.count_checks = []
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
                sheet = {(l["product"], l["batch"]): l["counted"] for l in d["lines"]}
                diffs = []
                for (p, b, loc), q in sorted(book.items()):
                    if loc != d["location"]:
                        continue
                    c = sheet.get((p, b))
                    if q > 0 and (c is None or c != q):
                        diffs.append((p, b, q, c))
                    if q < 0 and c not in (None, 0):
                        diffs.append((p, b, q, c))
                for (p, b), c in sheet.items():
                    if (p, b, d["location"]) not in book and c != 0:
                        diffs.append((p, b, 0, c))
                self.count_checks.append((d["doc"], diffs))
            for key, q in book.items():
                assert q >= 0 or key in self.allow_negative, (self.num, key, q, ev["kind"])
        self.final_book = {k: v for k, v in book.items() if v}
        last = 0
        for i, (at, _, ev, _) in enumerate(self.events):
            ms = int(datetime.fromisoformat(ev["entered_at"]).timestamp() * 1000)
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
        base = "%s/%d-%s" % (outdir, self.num, self.name)
        with open(base + ".jsonl", "w", encoding="utf-8") as f:
            for e in self.events:
                f.write(json.dumps(e[2], ensure_ascii=False, separators=(",", ":")) + "\n")
        with open(base + ".expected", "w", encoding="utf-8") as f:
            f.write("# %s %s: %s\n" % (self.num, self.kind, self.title))
            for n in self.notes:
                f.write("# note: %s\n" % n.format(**self.line_of))
            for w in self.whys:
                f.write("# why: %s\n" % w.format(**self.line_of))
            for tag, s in self.extra:
                f.write("# %s: %s\n" % (tag, s.format(**self.line_of)))
            for rule, label in sorted(self.expect, key=lambda x: (self.line_of[x[1]], x[0])):
                f.write("%s %d\n" % (rule, self.line_of[label]))
        return base
