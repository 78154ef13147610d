"""Round 27 ledger builder: events in occurred_at order, deterministic UUID v7 ids, expected findings by label."""
import json, hashlib, datetime as dt, os

CST = dt.timezone(dt.timedelta(hours=8))
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ledgers")


def T(s):
    """'2026-11-02 10:00' or '2026-11-02 10:00:01' Beijing -> aware datetime"""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return dt.datetime.strptime(s, fmt).replace(tzinfo=CST)


def iso(t):
    return t.astimezone(CST).isoformat()


def gtin(body13):
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body13)))
    return body13 + str((10 - s % 10) % 10)


def money(m):
    return {"minor": m, "currency": "CNY"}


SELF = "91330106MA2R27QX0B"
SELF_ACC = "1202024109900527001"


class Ledger:
    def __init__(self, num, slug, title):
        self.num, self.slug, self.title = num, slug, title
        self.events = []  # (t, order, ev, expects, label)
        self.notes = []
        self.whys = []
        self.n = 0
        self.docn = 0
        # book-keeping for the auto documents
        self.invoices = {}  # doc -> dict(total, direction, party, credits, paid, t)

    def doc(self, prefix, t):
        self.docn += 1
        return f"{prefix}{t.strftime('%Y%m%d')}{self.docn:04d}"

    def add(self, kind, t, data, refs=None, by=None, entered=None, expect=(), label=None):
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": iso(t),
              "entered_at": iso(entered if entered is not None else t + dt.timedelta(minutes=5)),
              "recorded_by": by or ["质管-陆文清"]}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.n += 1
        rec = [t, self.n, ev, list(expect), label]
        self.events.append(rec)
        return rec

    def expect(self, rec, rule, why=None):
        rec[3].append(rule)
        if why:
            self.whys.append((rec, rule, why))

    # ---------------- master data
    def party(self, t, party, name, kind, relation, lic_kind, scope, acc, province="浙江", address=None,
              valid=("2023-01-01", "2029-12-31"), special=None, public=False):
        d = {"party": party, "name": name, "kind": kind, "relation": relation}
        if lic_kind:
            d["licence"] = {"number": "浙" + party[-8:], "kind": lic_kind, "valid_from": valid[0], "valid_to": valid[1]}
        d["scope"] = scope
        d["accounts"] = [{"bank": "中国工商银行杭州分行", "number": a} for a in acc]
        d["province"] = province
        d["address"] = address or f"{province}省杭州市{name}路 1 号"
        if special:
            d["special"] = special
        if public:
            d["public_hospital"] = True
        return self.add("party_registered", t, d)

    def self_party(self, t):
        return self.party(t, SELF, "浙江和瑞医药有限公司", "wholesaler", "self", "drug_wholesale",
                          ["chemical", "tcm_patent", "biological", "psychotropic2", "precursor", "medical_toxic",
                           "compound_ephedrine", "cold_chain"], [SELF_ACC])

    def product(self, t, code, name, category="chemical", control="none", storage="ambient", unit="盒", spec="0.25g×24粒/盒"):
        return self.add("product_registered", t, {"product": code, "generic_name": name, "form": "胶囊剂", "spec": spec,
                        "manufacturer": "见批准证明文件", "approval_number": "国药准字H" + code[-8:],
                        "category": category, "control": control, "storage": storage, "rx": True, "unit": unit})

    def zone(self, t, zone, storage, sensors):
        return self.add("zone_registered", t, {"zone": zone, "storage": storage, "sensors": sensors})

    # ---------------- goods
    def purchase(self, t, supplier, lines, doc=None, **kw):
        doc = doc or self.doc("CG", t)
        rec = self.add("purchase", t, {"doc": doc, "supplier": supplier,
                       "lines": [{"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]},
                       by=["采购-钱立"], **kw)
        return doc, rec

    def receipt(self, t, supplier, order, lines, doc=None, acceptors=("验收-孙浩",), **kw):
        """lines: (product, batch, expiry, arrived, accepted, location, codes)"""
        doc = doc or self.doc("SH", t)
        ls = []
        for l in lines:
            p, b, e, a, acc, loc = l[:6]
            d = {"product": p, "batch": b, "production_date": "2026-06-01", "expiry": e, "arrived": a,
                 "accepted": acc, "rejected": a - acc, "location": loc}
            if len(l) > 6 and l[6]:
                d["codes"] = l[6]
            ls.append(d)
        rec = self.add("receipt", t, {"doc": doc, "supplier": supplier, "lines": ls, "acceptors": list(acceptors)},
                       refs={"order": [order], "delivery_note": ["DN-" + doc]}, by=list(acceptors), **kw)
        return doc, rec

    def move(self, kind, t, lines, reason=None, refs=None, **kw):
        """lines: (product, batch, qty, from, to, codes)"""
        doc = self.doc({"put_away": "RK", "transfer": "YK"}[kind], t)
        ls = []
        for l in lines:
            p, b, q, f, to = l[:5]
            d = {"product": p, "batch": b, "quantity": q, "from": f, "to": to}
            if len(l) > 5 and l[5]:
                d["codes"] = l[5]
            ls.append(d)
        data = {"doc": doc}
        if reason:
            data["reason"] = reason
        data["lines"] = ls
        return self.add(kind, t, data, refs=refs, by=["保管-朱平"], **kw)

    def sale(self, t, customer, lines, channel="wholesale", doc=None, **kw):
        """lines: (product, batch, expiry, qty, price)"""
        doc = doc or self.doc("XS", t)
        rec = self.add("sale", t, {"doc": doc, "customer": customer, "channel": channel,
                       "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)}
                                 for p, b, e, q, pr in lines]}, by=["销售-许晨"], **kw)
        return doc, rec

    def review(self, t, sale, customer, lines, reviewers=("复核-郭婷",), **kw):
        doc = self.doc("FH", t)
        return self.add("outbound_review", t, {"doc": doc, "customer": customer,
                        "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q, _ in lines],
                        "reviewers": list(reviewers)}, refs={"sale": [sale]}, by=list(reviewers), **kw)

    def dispatch(self, t, sale, customer, lines, address, frm="WH-A", codes=None, **kw):
        doc = self.doc("PS", t)
        ls = []
        for i, (p, b, e, q, _) in enumerate(lines):
            d = {"product": p, "batch": b, "quantity": q, "from": frm}
            if codes and codes[i]:
                d["codes"] = codes[i]
            ls.append(d)
        rec = self.add("dispatch", t, {"doc": doc, "customer": customer, "consignee": "收货人 王敏", "address": address,
                       "lines": ls}, refs={"sale": [sale]}, by=["发货-蒋涛"], **kw)
        return doc, rec

    def cust_return(self, t, sale, customer, lines, **kw):
        """lines: (product, batch, qty, to, codes)"""
        doc = self.doc("TH", t)
        ls = []
        for l in lines:
            d = {"product": l[0], "batch": l[1], "quantity": l[2], "to": l[3]}
            if len(l) > 4 and l[4]:
                d["codes"] = l[4]
            ls.append(d)
        rec = self.add("customer_return", t, {"doc": doc, "customer": customer, "reason": "医院退货（包装破损）", "lines": ls},
                       refs={"sale": [sale]}, by=["销售-许晨", "验收-孙浩"], **kw)
        return doc, rec

    def sup_return(self, t, supplier, order, lines, **kw):
        doc = self.doc("TC", t)
        ls = []
        for l in lines:
            d = {"product": l[0], "batch": l[1], "quantity": l[2], "from": l[3]}
            if len(l) > 4 and l[4]:
                d["codes"] = l[4]
            ls.append(d)
        rec = self.add("supplier_return", t, {"doc": doc, "supplier": supplier, "reason": "养护检查发现外观质量问题，供应商同意退货",
                       "lines": ls}, refs={"order": [order]}, by=["采购-钱立", "质管-陆文清"], **kw)
        return doc, rec

    def destruction(self, t, lines, supervisors=None, **kw):
        doc = self.doc("XH", t)
        d = {"doc": doc, "reason": "退回药品质量不合格，经批准销毁", "method": "焚烧",
             "lines": [{"product": p, "batch": b, "quantity": q, "from": f} for p, b, q, f in lines]}
        if supervisors:
            d["supervisors"] = supervisors
        return self.add("destruction", t, d, by=["质管-陆文清", "保管-朱平"], **kw)

    # ---------------- money
    def invoice(self, t, direction, party, lines, refs, credit_for=None, issued_on=None, doc=None, **kw):
        """lines: (product, qty, unit_price) or (product, 0, 0, amount)"""
        self.docn += 1
        doc = doc or f"2633{'1' if direction == 'sale' else '2'}000{t.strftime('%Y%m%d')}{self.docn:05d}"
        ls = []
        tot = 0
        for l in lines:
            amt = l[3] if len(l) > 3 else l[1] * l[2]
            ls.append({"product": l[0], "quantity": l[1], "unit_price": money(l[2]), "amount": money(amt)})
            tot += amt
        data = {"doc": doc, "direction": direction,
                "issuer": SELF if direction == "sale" else party, "buyer": party if direction == "sale" else SELF,
                "issued_on": issued_on or t.strftime("%Y-%m-%d"), "lines": ls, "total": money(tot)}
        if credit_for:
            data["credit_for"] = credit_for
        rec = self.add("invoice", t, data, refs=refs, by=["财务-韩雪"], **kw)
        self.invoices[doc] = {"total": tot, "direction": direction, "party": party, "credit_for": credit_for, "rec": rec}
        return doc, rec

    def pay(self, t, invoices, amount, direction, party, party_acc, method="bank_transfer", **kw):
        self.docn += 1
        doc = f"{'SK' if direction == 'incoming' else 'FK'}{t.strftime('%Y%m%d')}{self.docn:04d}"
        if direction == "incoming":
            payer, payee, pa, pe = party, SELF, party_acc, SELF_ACC
        else:
            payer, payee, pa, pe = SELF, party, SELF_ACC, party_acc
        if method == "cash":
            pa, pe = "", ""
        return self.add("payment", t, {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                        "payer_account": pa, "payee_account": pe, "amount": money(amount), "method": method,
                        "invoices": list(invoices)}, refs={"invoice": invoices[0]}, by=["财务-韩雪"], **kw)

    # ---------------- temperature
    def readings(self, t_upload, sensor, zone, pts):
        return self.add("temperature_reading", t_upload, {"sensor": sensor, "zone": zone,
                        "readings": [{"at": iso(a), "celsius": c} for a, c in pts]},
                        by=["系统-温湿度监测"], entered=t_upload + dt.timedelta(seconds=30))

    # ---------------- output
    def write(self):
        self.events.sort(key=lambda r: (r[0], r[1]))
        lines, exp = [], []
        for seq, (t, n, ev, ex, label) in enumerate(self.events, 1):
            ent = dt.datetime.fromisoformat(ev["entered_at"])
            ms = int(ent.timestamp() * 1000)
            h = hashlib.sha256(f"{self.num}:{n}".encode()).digest()
            ra = int.from_bytes(h[:2], "big") & 0x0FFF
            rb = int.from_bytes(h[2:10], "big") & ((1 << 62) - 1)
            u = (ms << 80) | (0x7 << 76) | (ra << 64) | (0b10 << 62) | rb
            x = f"{u:032x}"
            ev["id"] = f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"
            lines.append(json.dumps(ev, ensure_ascii=False, separators=(",", ":")))
            for r in ex:
                exp.append((seq, r))
        seqof = {id(r[2]): i for i, r in enumerate(self.events, 1)}
        os.makedirs(OUT, exist_ok=True)
        base = os.path.join(OUT, f"{self.num}-{self.slug}")
        with open(base + ".jsonl", "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        with open(base + ".expected", "w", encoding="utf-8") as f:
            f.write(f"# {self.num} {self.title}\n")
            f.write("# note: round 27 conventions: owner 浙江和瑞医药有限公司 (relation self); events sorted by occurred_at; instants +08:00; entered_at 5 min after occurred_at unless noted (uploads 30 s); ids UUID v7 of entered_at; RCV, QA, RET unregistered locations, QA and RET the default quarantine_locations\n")
            for n in self.notes:
                f.write(f"# note: {n}\n")
            for rec, rule, why in self.whys:
                f.write(f"# why: {rule} {seqof[id(rec[2])]}: {why}\n")
            for seq, r in sorted(exp, key=lambda x: (x[0], x[1])):
                f.write(f"{r} {seq}\n")
        return base, len(lines)
