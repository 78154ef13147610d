"""Helpers for the round-4 and round-5 inspection ledgers (59-70, 71-74): master data, event builders, UUID v7 ids,
check characters, a small stock book used only to fill count sheets. Written from docs/ alone."""
import json
import hashlib
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))

# ---------------------------------------------------------------- check characters
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def _orgval(c):
    return int(c) if c.isdigit() else ord(c) - 55


def uscc(prefix16):
    """prefix16 = 2 (registration) + 6 (division) + 8 (organisation body); adds the GB 11714
    organisation check character and the GB 32100 check character."""
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
    check = (11 - p) % 10
    return prefix13 + str(check)


# ---------------------------------------------------------------- time
def T(s):
    """'2026-01-20 10:00[:ss]' in Beijing time."""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(s, fmt).replace(tzinfo=CST)


def iso(dt):
    return dt.astimezone(CST).isoformat()


def money(minor):
    return {"minor": int(minor), "currency": "CNY"}


# ---------------------------------------------------------------- master data
OWNER = uscc("91330100MA2H7K3R")
SUP_NK = uscc("91330100143958FL")   # 杭州宁康制药有限公司 (manufacturer)
SUP_HY = uscc("91320500MA1N6W2D")   # 江苏华元制药有限公司 (manufacturer, psychotropic2)
CUS_RH = uscc("12330100470089QH")   # 杭州市仁和医院 (public hospital)
CUS_MZ = uscc("12330200470211MP")   # 宁波市明州人民医院 (public hospital)
CUS_KN = uscc("91330100MA28A4FB")   # 杭州康宁大药房连锁有限公司 (retail chain)

ACC = {
    OWNER: ("中国工商银行杭州西湖支行", "1202021109900371234"),
    SUP_NK: ("中国建设银行杭州余杭支行", "33050161710009001234"),
    SUP_HY: ("中国银行苏州分行营业部", "547268123456"),
    CUS_RH: ("中国农业银行杭州拱墅支行", "19030101040012345"),
    CUS_MZ: ("宁波银行明州支行", "51010122000456789"),
    CUS_KN: ("招商银行杭州分行", "571908765410201"),
}

ADDR = {
    OWNER: "浙江省杭州市西湖区文三路 388 号",
    SUP_NK: "浙江省杭州市余杭区仓前街道文一西路 1500 号",
    SUP_HY: "江苏省苏州市吴中区宝带东路 88 号",
    CUS_RH: "浙江省杭州市拱墅区湖墅南路 120 号",
    CUS_MZ: "浙江省宁波市鄞州区天童南路 666 号",
    CUS_KN: "浙江省杭州市上城区解放路 218 号",
}

PARTIES = {
    OWNER: dict(name="浙江仁济医药有限公司", kind="wholesaler", relation="self",
                licence=dict(number="浙AA5710023", kind="drug_wholesale", valid_from="2023-03-01", valid_to="2028-02-28"),
                scope=["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], province="浙江"),
    SUP_NK: dict(name="杭州宁康制药有限公司", kind="manufacturer", relation="supplier",
                 licence=dict(number="浙20000123", kind="drug_manufacturing", valid_from="2022-06-01", valid_to="2027-05-31"),
                 scope=["chemical"], province="浙江"),
    SUP_HY: dict(name="江苏华元制药有限公司", kind="manufacturer", relation="supplier",
                 licence=dict(number="苏20000456", kind="drug_manufacturing", valid_from="2023-01-01", valid_to="2027-12-31"),
                 scope=["chemical", "psychotropic2"], province="江苏"),
    CUS_RH: dict(name="杭州市仁和医院", kind="medical_institution", relation="customer",
                 licence=dict(number="PDY00012330105A1001", kind="medical_institution", valid_from="2022-01-01", valid_to="2031-12-31"),
                 scope=["chemical", "tcm_patent", "psychotropic2"], province="浙江", public_hospital=True),
    CUS_MZ: dict(name="宁波市明州人民医院", kind="medical_institution", relation="customer",
                 licence=dict(number="PDY00033330212A1001", kind="medical_institution", valid_from="2022-07-01", valid_to="2032-06-30"),
                 scope=["chemical", "tcm_patent", "psychotropic2"], province="浙江", public_hospital=True),
    CUS_KN: dict(name="杭州康宁大药房连锁有限公司", kind="retail_chain", relation="customer",
                 licence=dict(number="浙CA5710088", kind="drug_retail", valid_from="2024-04-01", valid_to="2029-03-31"),
                 scope=["chemical", "tcm_patent"], province="浙江"),
}

P_AMOX = bwm("8690123400001")
P_IBU = bwm("8690123400002")
P_EST = bwm("8690456700001")

PRODUCTS = {
    P_AMOX: dict(generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", manufacturer=SUP_NK,
                 approval_number="国药准字H33020011", category="chemical", control="none", storage="ambient", rx=True, unit="盒"),
    P_IBU: dict(generic_name="布洛芬缓释胶囊", form="胶囊剂", spec="0.3g×20粒/盒", manufacturer=SUP_NK,
                approval_number="国药准字H33020345", category="chemical", control="none", storage="ambient", rx=False, unit="盒"),
    P_EST: dict(generic_name="艾司唑仑片", form="片剂", spec="1mg×20片/盒", manufacturer=SUP_HY,
                approval_number="国药准字H32020789", category="psychotropic2", control="psychotropic2", storage="ambient", rx=True, unit="盒"),
}

CONTROLLED = {P_EST}


class Ledger:
    def __init__(self, num, name, kind, title):
        self.num, self.name, self.kind, self.title = num, name, kind, title
        self.events = []          # (occurred dt, order, event dict, label)
        self.notes, self.whys, self.expect = [], [], []   # expect: (rule, label)
        self.n = 0
        self.inv_seq = 0

    # ------------------------------------------------------------ envelope
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
    def master(self, at, parties, products, zones=("WH-A", "SP-1")):
        for p in [OWNER] + [x for x in parties if x != OWNER]:
            d = dict(PARTIES[p])
            data = {"party": p, "name": d["name"], "kind": d["kind"], "relation": d["relation"],
                    "licence": d["licence"], "scope": d["scope"],
                    "accounts": [{"bank": ACC[p][0], "number": ACC[p][1]}],
                    "province": d["province"], "address": ADDR[p]}
            if d.get("public_hospital"):
                data["public_hospital"] = True
            self.add("party_registered", at, data, by=["质管-周敏"])
            at += timedelta(minutes=2)
        for p in products:
            self.add("product_registered", at, dict(product=p, **PRODUCTS[p]), by=["质管-周敏"])
            at += timedelta(minutes=2)
        for z in zones:
            self.add("zone_registered", at, {"zone": z, "storage": "ambient"}, by=["质管-周敏"])
            at += timedelta(minutes=2)

    # ------------------------------------------------------------ goods
    def purchase(self, at, doc, supplier, lines, label=None):
        return self.add("purchase", at, {"doc": doc, "supplier": supplier, "lines": [
            {"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]},
            by=["采购-李明"], label=label)

    def receipt(self, at, doc, supplier, order, dn, lines, label=None):
        ctrl = any(l[0] in CONTROLLED for l in lines)
        acceptors = ["验收-张伟", "验收-孙丽"] if ctrl else ["验收-张伟"]
        out = []
        for p, batch, prod, exp, q, codes in lines:
            line = {"product": p, "batch": batch, "production_date": prod, "expiry": exp,
                    "arrived": q, "accepted": q, "rejected": 0, "location": "RCV"}
            if codes:
                line["codes"] = codes
            out.append(line)
        return self.add("receipt", at, {"doc": doc, "supplier": supplier, "lines": out, "acceptors": acceptors},
                        refs={"order": [order], "delivery_note": [dn]}, by=list(acceptors), label=label)

    def move(self, kind, at, doc, lines, refs=None, reason=None, label=None, supplier=None):
        out = []
        for p, batch, q, fr, to, codes in lines:
            line = {"product": p, "batch": batch, "quantity": q, "from": fr}
            if to is not None:
                line["to"] = to
            if codes:
                line["codes"] = codes
            out.append(line)
        data = {"doc": doc}
        if supplier:
            data["supplier"] = supplier
        if reason:
            data["reason"] = reason
        data["lines"] = out
        ctrl = any(l[0] in CONTROLLED for l in lines)
        by = ["保管-赵磊", "质管-周敏"] if (ctrl or kind == "transfer") else ["保管-赵磊"]
        return self.add(kind, at, data, refs=refs, by=by, label=label)

    def sale(self, at, doc, customer, lines, label=None):
        return self.add("sale", at, {"doc": doc, "customer": customer, "channel": "wholesale", "lines": [
            {"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)} for p, b, e, q, pr in lines]},
            by=["销售-陈静"], label=label)

    def review(self, at, doc, customer, sale, lines, label=None):
        ctrl = any(l[0] in CONTROLLED for l in lines)
        reviewers = ["复核-刘洋", "复核-许强"] if ctrl else ["复核-刘洋"]
        return self.add("outbound_review", at, {"doc": doc, "customer": customer, "lines": [
            {"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q in lines],
            "reviewers": reviewers}, refs={"sale": [sale]}, by=list(reviewers), label=label)

    def dispatch(self, at, doc, customer, sale, lines, label=None):
        out = []
        for p, b, q, fr, codes in lines:
            line = {"product": p, "batch": b, "quantity": q, "from": fr}
            if codes:
                line["codes"] = codes
            out.append(line)
        return self.add("dispatch", at, {"doc": doc, "customer": customer, "consignee": PARTIES[customer]["name"] + " 药剂科/采购部",
                                         "address": ADDR[customer], "lines": out},
                        refs={"sale": [sale]}, by=["发货-吴凯", "发货-郑浩"], label=label)

    def customer_return(self, at, doc, customer, sale, dn, reason, lines, label=None):
        out = []
        for p, b, q, to, codes in lines:
            line = {"product": p, "batch": b, "quantity": q, "to": to}
            if codes:
                line["codes"] = codes
            out.append(line)
        return self.add("customer_return", at, {"doc": doc, "customer": customer, "reason": reason, "lines": out},
                        refs={"sale": [sale], "delivery_note": [dn]}, by=["销售-陈静", "验收-张伟"], label=label)

    def stock_count(self, at, doc, location, label=None):
        # lines filled in by finalize() from the book stock at that moment
        return self.add("stock_count", at, {"doc": doc, "location": location, "lines": None},
                        by=["保管-赵磊", "质管-周敏"], label=label)

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

    def payment(self, at, doc, direction, payer, payee, amount, invoices, label=None):
        data = {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                "payer_account": ACC[payer][1], "payee_account": ACC[payee][1],
                "amount": money(amount), "method": "bank_transfer", "invoices": invoices}
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
        # fill count sheets from the books
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
                lines = [{"product": p, "batch": b, "counted": q} for (p, b, loc), q in sorted(book.items())
                         if loc == d["location"] and q != 0]
                assert lines, "count of an empty location"
                d["lines"] = lines
            for (p, b, loc), q in book.items():
                assert q >= 0, (self.num, p, b, loc, q, ev)
        # ids: UUID v7 from entered_at (ms), strictly increasing
        last = 0
        for i, (at, _, ev, _) in enumerate(self.events):
            ms = int(datetime.fromisoformat(ev["entered_at"]).timestamp() * 1000)
            ms = max(ms, last + 1)
            last = ms
            h = hashlib.sha256(("%d-%d" % (self.num, i)).encode()).digest()
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
        base = "%s/%02d-%s" % (outdir, self.num, self.name)
        with open(base + ".jsonl", "w", encoding="utf-8") as f:
            for e in self.events:
                f.write(json.dumps(e[2], ensure_ascii=False, separators=(",", ":")) + "\n")
        with open(base + ".expected", "w", encoding="utf-8") as f:
            f.write("# %02d %s: %s\n" % (self.num, self.kind, self.title))
            for n in self.notes:
                f.write("# note: %s\n" % n)
            for w in self.whys:
                f.write("# why: %s\n" % w.format(**{k: v for k, v in self.line_of.items()}))
            for rule, label in sorted(self.expect, key=lambda x: (self.line_of[x[1]], x[0])):
                f.write("%s %d\n" % (rule, self.line_of[label]))
        return base
