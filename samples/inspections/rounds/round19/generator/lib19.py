"""Helpers for round 19 inspection ledgers (standard library only)."""
import json, hashlib
from datetime import datetime, timedelta, timezone

BJ = timezone(timedelta(hours=8))

# ---------- identifiers with check characters ----------
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_check(code8):
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    def val(c):
        return int(c) if c.isdigit() else ord(c) - 55
    s = sum(val(c) * wi for c, wi in zip(code8, w))
    c = 11 - s % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc(prefix8, org8):
    """prefix8: e.g. '91330106' (dept, type, admin division); org8: 8 chars of the org code."""
    body = prefix8 + org8 + org_check(org8)
    s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
    c = (31 - s % 31) % 31
    return body + USCC_CH[c]


def gtin_check(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        s += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)


def gtin(d13):
    return d13 + gtin_check(d13)


def bj(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=BJ)


def iso(t):
    return t.astimezone(BJ).isoformat()


def money(minor):
    return {"minor": minor, "currency": "CNY"}


class Ledger:
    def __init__(self, name):
        self.name = name
        self.lines = []   # json strings
        self.kinds = []
        self.ctr = 0
        self.last_entered = None
        self.inv_ctr = 0
        self.doc_ctr = {}

    def _uuid7(self, t):
        ms = int(t.timestamp() * 1000)
        self.ctr += 1
        h = hashlib.sha256(f"{self.name}:{self.ctr}".encode()).hexdigest()
        ra = self.ctr % 4096
        var = 0x8 | (int(h[0], 16) & 0x3)
        return f"{ms >> 16:08x}-{ms & 0xffff:04x}-7{ra:03x}-{var:x}{h[1:4]}-{h[4:16]}"

    def ev(self, kind, at, data, refs=None, by=("系统",), entered=None, delay=300):
        if entered is None:
            entered = at + timedelta(seconds=delay)
        if self.last_entered is not None and entered <= self.last_entered:
            entered = self.last_entered + timedelta(milliseconds=1)
        self.last_entered = entered
        e = {"v": 2, "id": self._uuid7(entered), "kind": kind, "occurred_at": iso(at),
             "entered_at": iso(entered), "recorded_by": list(by)}
        if refs:
            e["refs"] = refs
        e["data"] = data
        self.lines.append(json.dumps(e, ensure_ascii=False, separators=(",", ":")))
        self.kinds.append(kind)
        return len(self.lines)

    def doc(self, prefix, day):
        k = (prefix, day)
        self.doc_ctr[k] = self.doc_ctr.get(k, 0) + 1
        return f"{prefix}{day}{self.doc_ctr[k]:04d}"

    def invno(self, base="2633200000000"):
        self.inv_ctr += 1
        return f"{base}{self.inv_ctr:07d}"

    def write(self, outdir, fname, expected_lines):
        with open(f"{outdir}/{fname}.jsonl", "w", encoding="utf-8") as f:
            for l in self.lines:
                f.write(l + "\n")
        with open(f"{outdir}/{fname}.expected", "w", encoding="utf-8") as f:
            for l in expected_lines:
                f.write(l + "\n")


# ---------- master data ----------
OWNER = uscc("91330106", "MA2K9T4H")
SUP_M = uscc("91330100", "14395833")     # 杭州康和制药 manufacturer
SUP_PSY = uscc("91320300", "13476582")   # 江苏恒恩制药 designated manufacturer
SUP_BIO = uscc("91310115", "MA1K5RQ3")   # 上海瑞康生物制品
SUP_WS = uscc("91330000", "14291175")    # 浙江华通医药 wholesaler
HOSP1 = uscc("12330108", "47006713")     # 杭州市滨江区人民医院 public
HOSP2 = uscc("12330109", "47011836")     # 杭州市萧山区中医院 public
CHAIN = uscc("91330100", "MA27R6T1")     # 浙江康佳大药房连锁
CLINIC = uscc("92330106", "MA2H8B3N")    # 杭州西溪门诊部 (private clinic)

ACC = {
    OWNER: "33050161672700019921", SUP_M: "1202021109900456712", SUP_PSY: "1103020109000231845",
    SUP_BIO: "31001520313050012345", SUP_WS: "1202020209000567891", HOSP1: "1202026209000077123",
    HOSP2: "1202026309000088234", CHAIN: "6222913301007541188", CLINIC: "6222081202003345566",
}

P_AMOX = gtin("8690331200047")   # 阿莫西林胶囊
P_IBU = gtin("8690331200112")    # 布洛芬缓释胶囊
P_DZP = gtin("8693456700002")    # 地西泮注射液 psychotropic2
P_EST = gtin("0690123456001")    # 艾司唑仑片 psychotropic2, registered by GTIN-14
P_INS = gtin("8692345600019")    # 重组人胰岛素注射液 cold

PRODUCTS = {
    P_AMOX: dict(generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", manufacturer="杭州康和制药有限公司",
                 approval_number="国药准字H33020418", category="chemical", control="none", storage="ambient", rx=True, unit="盒"),
    P_IBU: dict(generic_name="布洛芬缓释胶囊", form="胶囊剂", spec="0.3g×20粒/盒", manufacturer="杭州康和制药有限公司",
                approval_number="国药准字H33021175", category="chemical", control="none", storage="ambient", rx=False, unit="盒"),
    P_DZP: dict(generic_name="地西泮注射液", form="注射剂", spec="2ml:10mg", manufacturer="江苏恒恩制药有限公司",
                approval_number="国药准字H32022134", category="psychotropic2", control="psychotropic2", storage="ambient", rx=True, unit="支"),
    P_EST: dict(generic_name="艾司唑仑片", form="片剂", spec="1mg×20片/盒", manufacturer="江苏恒恩制药有限公司",
                approval_number="国药准字H32020577", category="psychotropic2", control="psychotropic2", storage="ambient", rx=True, unit="盒"),
    P_INS: dict(generic_name="重组人胰岛素注射液", form="注射剂", spec="3ml:300IU", manufacturer="上海瑞康生物制品有限公司",
                approval_number="国药准字S31020045", category="biological", control="none", storage="cold", rx=True, unit="支"),
}

LIC = lambda num, kind: {"number": num, "kind": kind, "valid_from": "2023-01-01", "valid_to": "2030-12-31"}

PARTIES = {
    OWNER: dict(name="浙江衡泰医药有限公司", kind="wholesaler", relation="self", licence=LIC("浙AA5710931", "drug_wholesale"),
                scope=["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], province="浙江",
                address="浙江省杭州市西湖区西园八路 11 号", special={"designation": "regional_wholesaler", "valid_to": "2030-12-31"}),
    SUP_M: dict(name="杭州康和制药有限公司", kind="manufacturer", relation="supplier", licence=LIC("浙20000418", "drug_manufacturing"),
                scope=["chemical", "tcm_patent"], province="浙江", address="浙江省杭州市钱塘区 18 号大街 66 号"),
    SUP_PSY: dict(name="江苏恒恩制药有限公司", kind="manufacturer", relation="supplier", licence=LIC("苏20000134", "drug_manufacturing"),
                  scope=["chemical", "psychotropic1", "psychotropic2"], province="江苏", address="江苏省徐州市经济开发区恒恩路 1 号",
                  special={"designation": "designated_manufacturer", "valid_to": "2030-12-31"}),
    SUP_BIO: dict(name="上海瑞康生物制品有限公司", kind="manufacturer", relation="supplier", licence=LIC("沪20000045", "drug_manufacturing"),
                  scope=["biological", "cold_chain"], province="上海", address="上海市浦东新区张江路 88 号"),
    SUP_WS: dict(name="浙江华通医药股份有限公司", kind="wholesaler", relation="supplier", licence=LIC("浙AA5710002", "drug_wholesale"),
                 scope=["chemical", "tcm_patent", "biological"], province="浙江", address="浙江省杭州市拱墅区莫干山路 188 号"),
    HOSP1: dict(name="杭州市滨江区人民医院", kind="medical_institution", relation="customer", licence=LIC("47006713733010811A1001", "medical_institution"),
                scope=["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], province="浙江",
                address="浙江省杭州市滨江区江南大道 3001 号", public_hospital=True),
    HOSP2: dict(name="杭州市萧山区中医院", kind="medical_institution", relation="customer", licence=LIC("47011836733010911A1001", "medical_institution"),
                scope=["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], province="浙江",
                address="浙江省杭州市萧山区人民路 156 号", public_hospital=True),
    CHAIN: dict(name="浙江康佳大药房连锁有限公司", kind="retail_chain", relation="customer", licence=LIC("浙DA5710488", "drug_retail"),
                scope=["chemical", "tcm_patent"], province="浙江", address="浙江省杭州市上城区解放路 210 号"),
    CLINIC: dict(name="杭州西溪门诊部有限公司", kind="medical_institution", relation="customer", licence=LIC("PDY00123733010611D1002", "medical_institution"),
                 scope=["chemical", "tcm_patent"], province="浙江", address="浙江省杭州市西湖区天目山路 398 号"),
}

ZONES = {
    "WH-A": dict(storage="ambient", sensors=["TH-A01"]),
    "SP-1": dict(storage="ambient", sensors=["TH-S01"]),
    "CR-1": dict(storage="cold", temp_range={"min_c": 2.0, "max_c": 8.0}, sensors=["TH-R01"]),
    "WH-B": dict(storage="ambient", sensors=["TH-B01"]),
}

QM = ("质管-沈丽",)
BUYER = ("采购-周强",)
ACC2 = ["验收-钱芳", "验收-孙浩"]
STORE = ("保管-李军",)
SALES = ("销售-吴敏",)
REV2 = ["复核-郑伟", "复核-王婷"]
SHIP = ("发货-陈刚",)
FIN = ("财务-赵颖",)


def master(L, t, parties, products, zones=()):
    for p in parties:
        d = dict(party=p, **PARTIES[p])
        d = {k: d[k] for k in ["party", "name", "kind", "relation", "licence", "scope"] if k in d} | \
            {"accounts": [{"bank": "中国工商银行杭州分行", "number": ACC[p]}]} | \
            {k: d[k] for k in ["province", "address", "special", "public_hospital"] if k in d}
        L.ev("party_registered", t, d, by=QM)
        t += timedelta(minutes=2)
    for p in products:
        L.ev("product_registered", t, dict(product=p, **PRODUCTS[p]), by=QM)
        t += timedelta(minutes=2)
    for z in zones:
        L.ev("zone_registered", t, dict(zone=z, **ZONES[z]), by=QM)
        t += timedelta(minutes=2)
    return t


def cn20(prefix7, n):
    """20-digit 追溯码: 7-digit product prefix + 13-digit serial."""
    return f"{prefix7}{n:013d}"


def gs1_br(gt, exp6, batch, serial):
    return f"(01){gt}(17){exp6}(10){batch}(21){serial}"


def gs1_raw(gt, exp6, batch, serial):
    return f"]d201{gt}17{exp6}10{batch}\u001d21{serial}"


def readings(start, step_s, n, fn):
    return [{"at": iso(start + timedelta(seconds=i * step_s)), "celsius": fn(i)} for i in range(n)]


def noise(key, i, lo, hi):
    h = hashlib.sha256(f"{key}:{i}".encode()).digest()
    steps = int(round((hi - lo) * 10))
    return round(lo + (h[0] * 256 + h[1]) % (steps + 1) / 10, 1)


# ---------- event helpers ----------
def day(t):
    return t.astimezone(BJ).strftime("%Y%m%d")


def purchase(L, t, sup, lines):
    doc = L.doc("CG", day(t))
    n = L.ev("purchase", t, {"doc": doc, "supplier": sup, "lines": [
        {"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]}, by=BUYER)
    return n, doc


def rline(p, batch, prod, exp, arrived, accepted=None, rejected=0, reason=None, loc="RCV", codes=None):
    d = {"product": p, "batch": batch, "production_date": prod, "expiry": exp, "arrived": arrived,
         "accepted": arrived - rejected if accepted is None else accepted, "rejected": rejected}
    if reason:
        d["reject_reason"] = reason
    d["location"] = loc
    if codes:
        d["codes"] = list(codes)
    return d


def receipt(L, t, sup, order, dn, lines, acceptors=ACC2, transport=None):
    doc = L.doc("SH", day(t))
    data = {"doc": doc, "supplier": sup, "lines": lines, "acceptors": list(acceptors)}
    if transport:
        data["transport"] = transport
    refs = {"delivery_note": [dn]}
    if order:
        refs = {"order": [order] if isinstance(order, str) else order, "delivery_note": [dn]}
    n = L.ev("receipt", t, data, refs=refs, by=(acceptors[0],))
    return n, doc


def mline(p, b, q, frm, to, codes=None):
    d = {"product": p, "batch": b, "quantity": q, "from": frm, "to": to}
    if codes:
        d["codes"] = list(codes)
    return d


def oline(p, b, q, frm, codes=None):
    d = {"product": p, "batch": b, "quantity": q, "from": frm}
    if codes:
        d["codes"] = list(codes)
    return d


def iline(p, b, q, to, codes=None):
    d = {"product": p, "batch": b, "quantity": q, "to": to}
    if codes:
        d["codes"] = list(codes)
    return d


def put_away(L, t, rdoc, order, lines):
    doc = L.doc("RK", day(t))
    refs = {"receipt": rdoc if isinstance(rdoc, list) else [rdoc]}
    if order:
        refs["order"] = [order]
    return L.ev("put_away", t, {"doc": doc, "lines": lines}, refs=refs, by=STORE), doc


def transfer(L, t, reason, lines, refs=None, by=STORE):
    doc = L.doc("YK", day(t))
    return L.ev("transfer", t, {"doc": doc, "reason": reason, "lines": lines}, refs=refs, by=by), doc


def sale(L, t, cust, lines, channel="wholesale"):
    doc = L.doc("XS", day(t))
    n = L.ev("sale", t, {"doc": doc, "customer": cust, "channel": channel, "lines": [
        {"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)} for p, b, e, q, pr in lines]}, by=SALES)
    return n, doc


def review(L, t, sdoc, cust, lines, reviewers=REV2):
    doc = L.doc("FH", day(t))
    n = L.ev("outbound_review", t, {"doc": doc, "customer": cust, "lines": [
        {"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q in lines],
        "reviewers": list(reviewers)}, refs={"sale": [sdoc]}, by=(reviewers[0],))
    return n, doc


def dispatch(L, t, sdoc, cust, lines, vehicle=None, doc=None):
    doc = doc or L.doc("PS", day(t))
    data = {"doc": doc, "customer": cust, "consignee": PARTIES[cust]["name"] + " 药剂科",
            "address": PARTIES[cust]["address"], "lines": lines}
    if vehicle:
        data["vehicle"] = vehicle
    return L.ev("dispatch", t, data, refs={"sale": [sdoc]}, by=SHIP), doc


def invoice(L, t, direction, issuer, buyer, lines, refs, credit_for=None, issued_on=None, no=None, base="2633200000000"):
    no = no or L.invno(base)
    ls = []
    tot = 0
    for p, q, pr in lines:
        amt = q * pr
        tot += amt
        ls.append({"product": p, "quantity": q, "unit_price": money(pr), "amount": money(amt)})
    data = {"doc": no, "direction": direction, "issuer": issuer, "buyer": buyer,
            "issued_on": issued_on or t.astimezone(BJ).strftime("%Y-%m-%d"), "lines": ls, "total": money(tot)}
    if credit_for:
        data["credit_for"] = credit_for
    return L.ev("invoice", t, data, refs=refs, by=FIN), no, tot


def credit_reduction(L, t, direction, issuer, buyer, p, amount, credit_for, refs, base="2633200000000"):
    no = L.invno(base)
    data = {"doc": no, "direction": direction, "issuer": issuer, "buyer": buyer,
            "issued_on": t.astimezone(BJ).strftime("%Y-%m-%d"),
            "lines": [{"product": p, "quantity": 0, "unit_price": money(0), "amount": money(amount)}],
            "total": money(amount), "credit_for": credit_for}
    return L.ev("invoice", t, data, refs=refs, by=FIN), no


def payment(L, t, direction, payer, payee, amount, invoices, method="bank_transfer", payer_acc=None, payee_acc=None):
    doc = L.doc("FK" if direction == "outgoing" else "SK", day(t))
    data = {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
            "payer_account": ACC[payer] if payer_acc is None else payer_acc,
            "payee_account": ACC[payee] if payee_acc is None else payee_acc,
            "amount": money(amount), "method": method, "invoices": list(invoices)}
    return L.ev("payment", t, data, refs={"invoice": invoices[0]}, by=FIN), doc


def customer_return(L, t, sdoc, cust, lines, reason="客户订货过多，包装完好", by=("销售-吴敏", "验收-钱芳")):
    doc = L.doc("TH", day(t))
    return L.ev("customer_return", t, {"doc": doc, "customer": cust, "reason": reason, "lines": lines},
                refs={"sale": [sdoc]}, by=by), doc


def stock_count(L, t, loc, lines):
    doc = L.doc("PD", day(t))
    return L.ev("stock_count", t, {"doc": doc, "location": loc, "lines": [
        {"product": p, "batch": b, "counted": c} for p, b, c in lines]}, by=("保管-李军", "质管-沈丽")), doc


def upload(L, sensor, rds, zone=None, vehicle=None, at=None):
    last = datetime.fromisoformat(rds[-1]["at"])
    at = at or (last + timedelta(seconds=60))
    d = {"sensor": sensor}
    if zone:
        d["zone"] = zone
    else:
        d["vehicle"] = vehicle
    d["readings"] = rds
    return L.ev("temperature_reading", at, d, by=("系统-温湿度监测",), delay=30)
