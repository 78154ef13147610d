"""Master data and a business helper shared by round 20's ledgers."""
import random
from lib20 import *

OWNER = uscc("91", "330106", "MA2KQ7R3")
M1 = uscc("91", "330110", "14395827")     # 杭州康恩制药 (chemical, tcm_patent)
M2 = uscc("91", "310115", "MA1H8X2T")     # 上海联生生物制药 (biological, cold)
M3 = uscc("91", "320300", "13882746")     # 江苏恩华安定制药 (psychotropic2)
W1 = uscc("91", "330100", "MA28C4LW")     # 浙江华康医药商业 (a wholesaler)
H1 = uscc("12", "330106", "47008912")     # 杭州市滨湖人民医院 (public)
H2 = uscc("12", "330110", "47011836")     # 杭州市余杭区第二人民医院 (public)
P1 = uscc("91", "330105", "MA27R9NK")     # 杭州百草堂大药房连锁 (retail chain)
P2 = uscc("91", "330104", "MA2B3E7G")     # 杭州仁心大药房 (retail pharmacy)
C1 = uscc("91", "330109", "MA2CL5T8")     # 浙江冷链通物流 (carrier)
for _p in (OWNER, M1, M2, M3, W1, H1, H2, P1, P2, C1):
    assert uscc_ok(_p), _p

PA = gtin("8690331200047")   # 阿莫西林胶囊
PB = gtin("8690331200112")   # 布洛芬缓释胶囊
PC = gtin("8690452100035")   # 复方丹参片
PI = gtin("8690788300021")   # 门冬胰岛素注射液
PD = gtin("8690513600058")   # 地西泮片

ACC = {OWNER: "1202021109900478812", M1: "33050161623500004471", M2: "31001503800050062218",
       M3: "32001882636052500174", W1: "1202020209900318876", H1: "19030101040009123",
       H2: "19040201040007745", P1: "1202020709900213377", P2: "33001616183053001125",
       C1: "33050161740000001562"}
BANK = {OWNER: "中国工商银行杭州西湖支行", M1: "中国建设银行杭州余杭支行", M2: "中国建设银行上海浦东分行",
        M3: "中国建设银行徐州分行", W1: "中国工商银行杭州分行营业部", H1: "中国农业银行杭州西湖支行",
        H2: "中国农业银行杭州余杭支行", P1: "中国工商银行杭州上城支行", P2: "中国建设银行杭州拱墅支行",
        C1: "中国建设银行杭州萧山支行"}

NAMES = {OWNER: "浙江禾信医药有限公司", M1: "杭州康恩制药有限公司", M2: "上海联生生物制药有限公司",
         M3: "江苏恩华安定制药有限公司", W1: "浙江华康医药商业有限公司", H1: "杭州市滨湖人民医院",
         H2: "杭州市余杭区第二人民医院", P1: "杭州百草堂大药房连锁有限公司", P2: "杭州仁心大药房有限公司",
         C1: "浙江冷链通物流有限公司"}
ADDR = {OWNER: "浙江省杭州市西湖区三墩镇振华路 208 号", M1: "浙江省杭州市余杭区仁和街道启航路 36 号",
        M2: "上海市浦东新区张江路 1288 号", M3: "江苏省徐州市铜山区刘集镇恩华路 9 号",
        W1: "浙江省杭州市拱墅区莫干山路 1418 号", H1: "浙江省杭州市西湖区天目山路 318 号",
        H2: "浙江省杭州市余杭区临平街道北沙西路 70 号", P1: "浙江省杭州市上城区秋涛北路 86 号",
        P2: "浙江省杭州市拱墅区湖墅南路 233 号", C1: "浙江省杭州市萧山区经济技术开发区鸿达路 77 号"}

QM = "质管-林思远"


def party(L, at, pid, kind, relation, lic_kind, lic_no, vfrom, vto, scope, province, public=False, special=None, name=None, addr=None, tag=None):
    d = {"party": pid, "name": name or NAMES[pid], "kind": kind, "relation": relation}
    if lic_kind:
        d["licence"] = {"number": lic_no, "kind": lic_kind, "valid_from": vfrom, "valid_to": vto}
    d["scope"] = scope
    if pid in ACC:
        d["accounts"] = [{"bank": BANK[pid], "number": ACC[pid]}]
    d["province"] = province
    d["address"] = addr or ADDR[pid]
    if special:
        d["special"] = special
    if public:
        d["public_hospital"] = True
    return L.add("party_registered", at, QM, d, tag=tag)


ALL_SCOPE = ["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"]

PROD = {
    PA: dict(generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", manufacturer="杭州康恩制药有限公司",
             approval_number="国药准字H33021156", category="chemical", control="none", storage="ambient", rx=True, unit="盒"),
    PB: dict(generic_name="布洛芬缓释胶囊", form="胶囊剂", spec="0.3g×20粒/盒", manufacturer="杭州康恩制药有限公司",
             approval_number="国药准字H33022074", category="chemical", control="none", storage="ambient", rx=False, unit="盒"),
    PC: dict(generic_name="复方丹参片", form="片剂", spec="0.32g×60片/瓶", manufacturer="杭州康恩制药有限公司",
             approval_number="国药准字Z33020417", category="tcm_patent", control="none", storage="ambient", rx=False, unit="瓶"),
    PI: dict(generic_name="门冬胰岛素注射液", form="注射剂", spec="3ml:300单位/支", manufacturer="上海联生生物制药有限公司",
             approval_number="国药准字S20210013", category="biological", control="none", storage="cold", rx=True, unit="支"),
    PD: dict(generic_name="地西泮片", form="片剂", spec="2.5mg×20片/盒", manufacturer="江苏恩华安定制药有限公司",
             approval_number="国药准字H32020664", category="psychotropic2", control="psychotropic2", storage="ambient", rx=True, unit="盒"),
}


def product(L, at, p, tag=None):
    d = {"product": p}
    d.update(PROD[p])
    return L.add("product_registered", at, QM, d, tag=tag)


def zone(L, at, z, storage, sensors, rng=None):
    d = {"zone": z, "storage": storage}
    if rng:
        d["temp_range"] = {"min_c": rng[0], "max_c": rng[1]}
    d["sensors"] = sensors
    return L.add("zone_registered", at, QM, d)


def standard_master(L, day="2026-10-28", p2_to="2028-12-31", with_w1=False, m3_to="2030-04-30"):
    t = T(day + " 09:00")
    party(L, t, OWNER, "wholesaler", "self", "drug_wholesale", "浙AA5710733", "2024-03-01", "2029-02-28",
          ["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], "浙江")
    party(L, t + 2 * MIN, M1, "manufacturer", "supplier", "drug_manufacturing", "浙20000188", "2025-01-01", "2029-12-31",
          ["chemical", "tcm_patent"], "浙江")
    party(L, t + 4 * MIN, M2, "manufacturer", "supplier", "drug_manufacturing", "沪20000062", "2024-07-01", "2029-06-30",
          ["biological", "cold_chain"], "上海")
    party(L, t + 6 * MIN, M3, "manufacturer", "supplier", "drug_manufacturing", "苏20000041", "2021-11-11" if m3_to != "2030-04-30" else "2025-05-01", m3_to,
          ["chemical", "psychotropic2"], "江苏")
    party(L, t + 8 * MIN, H1, "medical_institution", "customer", "medical_institution", "PDY47008912330106A1001",
          "2023-01-01", "2027-12-31", ALL_SCOPE, "浙江", public=True)
    party(L, t + 10 * MIN, H2, "medical_institution", "customer", "medical_institution", "PDY47011836330110A1002",
          "2023-06-01", "2028-05-31", ALL_SCOPE, "浙江", public=True)
    party(L, t + 12 * MIN, P1, "retail_chain", "customer", "drug_retail", "浙CA5710260", "2024-01-01", "2028-12-31",
          ["chemical", "tcm_patent"], "浙江")
    party(L, t + 14 * MIN, P2, "retail_pharmacy", "customer", "drug_retail", "浙CB5710418", "2021-11-16", p2_to,
          ["chemical", "tcm_patent"], "浙江")
    party(L, t + 16 * MIN, C1, "carrier", "other", "transport", "浙交运管许可杭字330109300512号", "2024-01-01", "2028-12-31",
          [], "浙江")
    if with_w1:
        party(L, t + 18 * MIN, W1, "wholesaler", "supplier", "drug_wholesale", "浙AA5710112", "2023-01-01", "2027-12-31",
              ["chemical"], "浙江")
    for i, p in enumerate((PA, PB, PC, PI, PD)):
        product(L, t + (30 + 2 * i) * MIN, p)
    zone(L, t + 45 * MIN, "WH-A", "ambient", ["TH-A01"])
    zone(L, t + 46 * MIN, "CR-1", "cold", ["TH-R01"], (2.0, 8.0))
    zone(L, t + 47 * MIN, "SP-1", "ambient", ["TH-S01"])


class Biz:
    """Documents of the owner, with counters and a stock self-check."""

    def __init__(self, L, seed=1):
        self.L = L
        self.stock = Stock()
        self.cnt = {}
        self.inv = 0
        self.rng = random.Random(seed)
        self.code_serial = {}
        self.price_in = {PA: 860, PB: 1450, PC: 1280, PI: 4850, PD: 920}
        self.price_out = {PA: 1030, PB: 1780, PC: 1560, PI: 5600, PD: 1100}
        self.invoice_total = {}
        self.expiry = {}

    def no(self, prefix, t):
        k = (prefix, t.strftime("%Y%m%d"))
        self.cnt[k] = self.cnt.get(k, 0) + 1
        return "%s%s%05d" % (prefix, t.strftime("%Y%m%d"), self.cnt[k])

    def invno(self):
        self.inv += 1
        return "2633200000%010d" % (4471000 + self.inv)

    def codes(self, product, n):
        base = {PD: "81536020", PA: "81033120", PB: "81033121", PC: "81045210", PI: "81078830"}[product]
        s = self.code_serial.get(product, 0)
        out = ["%s%012d" % (base, 110000000000 + s + i + 1) for i in range(n)]
        self.code_serial[product] = s + n
        return out

    # purchasing ---------------------------------------------------------
    def purchase(self, t, supplier, lines, tag=None, by="采购-钱国栋"):
        doc = self.no("CG", t)
        self.L.add("purchase", t, by, {"doc": doc, "supplier": supplier, "lines": [
            {"product": p, "quantity": q, "unit_price": money(self.price_in[p])} for p, q in lines]}, tag=tag)
        return doc

    def receipt(self, t, supplier, order, lines, acceptors=("验收-孙晓峰",), transport=None, dn=None, tag=None, loc="RCV"):
        """lines: dicts with product,batch,production_date,expiry,arrived,accepted[,rejected,codes,location]"""
        doc = self.no("SH", t)
        out = []
        for ln in lines:
            d = {"product": ln["product"], "batch": ln["batch"], "production_date": ln["production_date"],
                 "expiry": ln["expiry"], "arrived": ln["arrived"], "accepted": ln["accepted"],
                 "rejected": ln.get("rejected", ln["arrived"] - ln["accepted"])}
            if d["rejected"]:
                d["reject_reason"] = ln.get("reject_reason", "外包装破损")
            d["location"] = ln.get("location", loc)
            if ln.get("codes"):
                d["codes"] = ln["codes"]
            out.append(d)
            self.stock.mv(d["product"], d["batch"], d["accepted"], to=d["location"])
            self.expiry[(d["product"], d["batch"])] = d["expiry"]
        data = {"doc": doc, "supplier": supplier, "lines": out, "acceptors": list(acceptors)}
        if transport:
            data["transport"] = transport
        refs = {"order": [order] if isinstance(order, str) else order,
                "delivery_note": [dn or ("DN-" + doc[2:])]}
        by = acceptors[0]
        self.L.add("receipt", t, by, data, refs=refs, tag=tag)
        return doc

    def put_away(self, t, order, receipt, lines, tag=None, by="保管-朱建平"):
        doc = self.no("RK", t)
        out = []
        for ln in lines:
            d = {"product": ln["product"], "batch": ln["batch"], "quantity": ln["quantity"],
                 "from": ln.get("from", "RCV"), "to": ln["to"]}
            if ln.get("codes"):
                d["codes"] = ln["codes"]
            out.append(d)
            self.stock.mv(d["product"], d["batch"], d["quantity"], d["from"], d["to"])
        refs = {"receipt": [receipt]}
        if order:
            refs["order"] = [order]
        self.L.add("put_away", t, by, {"doc": doc, "lines": out}, refs=refs, tag=tag)
        return doc

    def purchase_invoice(self, t, supplier, order, lines, dn=None, tag=None):
        doc = self.invno()
        ls = [{"product": p, "quantity": q, "unit_price": money(self.price_in[p]),
               "amount": money(q * self.price_in[p])} for p, q in lines]
        tot = sum(x["amount"]["minor"] for x in ls)
        refs = {"order": [order]}
        self.L.add("invoice", t, "财务-韩雪", {"doc": doc, "direction": "purchase", "issuer": supplier, "buyer": OWNER,
                                            "issued_on": t.strftime("%Y-%m-%d"), "lines": ls, "total": money(tot)},
                   refs=refs, tag=tag)
        self.invoice_total[doc] = tot
        return doc, tot

    def pay_out(self, t, supplier, invoices, amount, tag=None, account=None, method="bank_transfer"):
        doc = self.no("FK", t)
        self.L.add("payment", t, "财务-韩雪", {"doc": doc, "direction": "outgoing", "payer": OWNER, "payee": supplier,
                                            "payer_account": ACC[OWNER], "payee_account": account or ACC[supplier],
                                            "amount": money(amount), "method": method, "invoices": invoices},
                   refs={"invoice": invoices[0]}, tag=tag)
        return doc

    # selling -------------------------------------------------------------
    def sale(self, t, customer, lines, tag=None, by="销售-许晨", channel="wholesale"):
        """lines: (product, batch, qty)"""
        doc = self.no("XS", t)
        self.L.add("sale", t, by, {"doc": doc, "customer": customer, "channel": channel, "lines": [
            {"product": p, "batch": b, "expiry": self.expiry[(p, b)], "quantity": q,
             "unit_price": money(self.price_out[p])} for p, b, q in lines]}, tag=tag)
        return doc

    def review(self, t, sale, customer, lines, reviewers=("复核-郭婷",), tag=None):
        doc = self.no("FH", t)
        self.L.add("outbound_review", t, reviewers[0], {"doc": doc, "customer": customer, "lines": [
            {"product": p, "batch": b, "expiry": self.expiry[(p, b)], "quantity": q, "quality": "ok"}
            for p, b, q in lines], "reviewers": list(reviewers)}, refs={"sale": [sale]}, tag=tag)
        return doc

    def dispatch(self, t, sale, customer, lines, vehicle=None, tag=None, by=("发货-蒋涛",), consignee=None):
        """lines: (product, batch, qty, from[, codes])"""
        doc = "PS" + sale[2:]
        out = []
        for ln in lines:
            p, b, q, frm = ln[:4]
            d = {"product": p, "batch": b, "quantity": q, "from": frm}
            if len(ln) > 4 and ln[4]:
                d["codes"] = ln[4]
            out.append(d)
            self.stock.mv(p, b, q, frm)
        data = {"doc": doc, "customer": customer, "consignee": consignee or (NAMES[customer][:6] + "药剂科 收货组"),
                "address": ADDR[customer], "lines": out}
        if vehicle:
            data["vehicle"] = vehicle
        self.L.add("dispatch", t, list(by), data, refs={"sale": [sale]}, tag=tag)
        return doc

    def sale_invoice(self, t, sale, customer, lines, dn=None, tag=None):
        doc = self.invno()
        ls = [{"product": p, "quantity": q, "unit_price": money(self.price_out[p]),
               "amount": money(q * self.price_out[p])} for p, q in lines]
        tot = sum(x["amount"]["minor"] for x in ls)
        refs = {"sale": [sale]}
        if dn:
            refs["delivery_note"] = [dn]
        self.L.add("invoice", t, "财务-韩雪", {"doc": doc, "direction": "sale", "issuer": OWNER, "buyer": customer,
                                            "issued_on": t.strftime("%Y-%m-%d"), "lines": ls, "total": money(tot)},
                   refs=refs, tag=tag)
        self.invoice_total[doc] = tot
        return doc, tot

    def pay_in(self, t, customer, invoices, amount, tag=None, account=None, method="bank_transfer"):
        doc = self.no("SK", t)
        self.L.add("payment", t, "财务-韩雪", {"doc": doc, "direction": "incoming", "payer": customer, "payee": OWNER,
                                            "payer_account": account if account is not None else ACC[customer],
                                            "payee_account": ACC[OWNER],
                                            "amount": money(amount), "method": method, "invoices": invoices},
                   refs={"invoice": invoices[0]}, tag=tag)
        return doc

    def count(self, t, loc, tag=None, adjust=None):
        doc = self.no("PD", t)
        lines = []
        for (p, b), q in sorted(self.stock.at(loc).items()):
            c = q + (adjust.get((p, b), 0) if adjust else 0)
            lines.append({"product": p, "batch": b, "counted": c})
        self.L.add("stock_count", t, ["保管-朱建平", QM], {"doc": doc, "location": loc, "lines": lines}, tag=tag)
        return doc

    # temperature -----------------------------------------------------------
    def zone_uploads(self, start, end, zone, sensor, lo, hi, every=10, per_upload=24, tag_prefix=None):
        t = start
        buf = []
        k = 0
        while t < end:
            buf.append({"at": iso(t), "celsius": round(self.rng.uniform(lo, hi), 1)})
            t += every * MIN
            if len(buf) == per_upload:
                up = t  # upload at the next slot
                self.L.add("temperature_reading", up, "系统-温湿度监测", {"sensor": sensor, "zone": zone, "readings": buf},
                           entered=dt.timedelta(seconds=30), tag=(tag_prefix, k) if tag_prefix else None)
                k += 1
                buf = []
        if buf:
            self.L.add("temperature_reading", t, "系统-温湿度监测", {"sensor": sensor, "zone": zone, "readings": buf},
                       entered=dt.timedelta(seconds=30))

    def trip_log(self, upload_at, vehicle, sensor, start, end, every_min=5, lo=3.2, hi=6.8, drop=None, override=None, tag=None):
        rs = []
        t = start
        i = 0
        while t <= end:
            if not (drop and drop[0] <= t <= drop[1]):
                c = round(self.rng.uniform(lo, hi), 1)
                if override and i in override:
                    c = override[i]
                rs.append({"at": iso(t), "celsius": c})
            t += every_min * MIN
            i += 1
        self.L.add("temperature_reading", upload_at, "系统-冷链监测", {"sensor": sensor, "vehicle": vehicle, "readings": rs},
                   entered=dt.timedelta(seconds=30), tag=tag)
        return rs
