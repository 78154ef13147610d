"""Common helpers for round 26 ledgers (written from docs/format.md and docs/rules.md only)."""
import datetime as dt, hashlib, json, random, collections

BJ = dt.timezone(dt.timedelta(hours=8))


def T(day, hh=9, mm=0, ss=0, month=11, year=2026):
    return dt.datetime(year, month, day, hh, mm, ss, tzinfo=BJ)


def iso(t):
    return t.isoformat()


def uuid7(t, salt):
    ms = int(t.timestamp() * 1000)
    h = hashlib.sha256(salt.encode()).digest()
    b = bytearray(ms.to_bytes(6, "big") + h[:10])
    b[6] = 0x70 | (b[6] & 0x0F)
    b[8] = 0x80 | (b[8] & 0x3F)
    x = b.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def money(fen):
    return {"minor": int(fen), "currency": "CNY"}


def gtin_check(d13):
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(d13)))
    return d13 + str((10 - s % 10) % 10)


# --- parties (USCCs reused from samples/inspections 282 and 121, which carry valid check characters)
OWNER = "91330100MA27X8K3QE"
SUP = "91330100143958271W"      # 杭州宁康制药 manufacturer
NARC_SUP = "91510100MA61XN4H6K"  # 西南恒安制药 designated manufacturer, 四川
HOSP1 = "123300004700891235"     # 杭州市仁和医院 public, seal card
HOSP2 = "123302004702114562"     # 宁波市明州人民医院 public, seal card
CHAIN = "91330106MA2H1RT589"     # 杭州康宁大药房连锁
PHARM = "91330108MA2J7PL21X"     # 杭州百济大药房
ACC = {OWNER: "62168256225533864", SUP: "62248461562941922", NARC_SUP: "51050188000012345",
       HOSP1: "62101850456507379", HOSP2: "6259568795852227", CHAIN: "62160587240072168",
       PHARM: "62251415348949556"}
ADDR = {HOSP1: "浙江省杭州市拱墅区湖墅南路 120 号", HOSP2: "浙江省宁波市鄞州区百丈路 88 号",
        CHAIN: "浙江省杭州市余杭区文一西路 998 号", PHARM: "浙江省杭州市上城区解放路 56 号"}
NAME = {OWNER: "浙江仁济医药有限公司", SUP: "杭州宁康制药有限公司", NARC_SUP: "西南恒安制药有限公司",
        HOSP1: "杭州市仁和医院", HOSP2: "宁波市明州人民医院", CHAIN: "杭州康宁大药房连锁有限公司",
        PHARM: "杭州百济大药房有限公司"}

# products: 14-digit codes that are also valid GTIN-14 (for EPCIS)
AMOX = gtin_check("0690123400001")
IBU = gtin_check("0690123400002")
DZP = gtin_check("0690123400003")   # 地西泮片 psychotropic2
MOR = gtin_check("0690123400004")   # 盐酸吗啡注射液 narcotic
INS = gtin_check("0690123400005")   # 门冬胰岛素 cold
PROD = {
    AMOX: dict(generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", category="chemical", control="none", storage="ambient", unit="盒"),
    IBU: dict(generic_name="布洛芬缓释胶囊", form="胶囊剂", spec="0.3g×20粒/盒", category="chemical", control="none", storage="cool", unit="盒"),
    DZP: dict(generic_name="地西泮片", form="片剂", spec="2.5mg×20片/盒", category="psychotropic2", control="psychotropic2", storage="ambient", unit="盒"),
    MOR: dict(generic_name="盐酸吗啡注射液", form="注射剂", spec="1ml:10mg/支", category="narcotic", control="narcotic", storage="ambient", unit="支"),
    INS: dict(generic_name="门冬胰岛素注射液", form="注射剂", spec="3ml:300单位/支", category="biological", control="none", storage="cold", unit="支"),
}
ALLSCOPE = ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "precursor",
            "compound_ephedrine", "cold_chain"]


class Ledger:
    def __init__(self, num, slug, title):
        self.num, self.slug, self.title = num, slug, title
        self.events = []  # (occurred, order, label, ev)
        self.n = 0
        self.expect = []  # (rule, label)
        self.notes = []
        self.stock = collections.Counter()
        self.allow_neg = set()

    # ---- envelope
    def add(self, kind, t, data, refs=None, by=None, label=None, entered=None):
        self.n += 1
        ent = entered if entered is not None else (t + dt.timedelta(seconds=30) if kind == "temperature_reading" else t + dt.timedelta(minutes=5))
        ev = {"v": 2, "id": uuid7(ent, f"{self.num}-{self.n}"), "kind": kind, "occurred_at": iso(t),
              "entered_at": iso(ent), "recorded_by": by or ["质管-周敏"]}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.events.append((t, self.n, label or f"#{self.n}", ev))
        return ev

    def seqs(self):
        order = sorted(self.events, key=lambda e: (e[0], e[1]))
        return order, {lab: i + 1 for i, (_, _, lab, _) in enumerate(order)}

    def exp(self, rule, label, why):
        self.expect.append((rule, label, why))

    def move(self, prod, batch, loc, q, label):
        self.stock[(prod, batch, loc)] += q
        if self.stock[(prod, batch, loc)] < 0 and label not in self.allow_neg:
            raise SystemExit(f"{self.num}: negative stock {prod} {batch} {loc} at {label}")

    # ---- master data
    def master(self, t=None, special_owner=True, extra_parties=(), zones=None):
        t = t or T(1, 9, 0)
        def party(pid, kind, rel, lic, prov, scope=ALLSCOPE, special=None, public=False):
            d = {"party": pid, "name": NAME[pid], "kind": kind, "relation": rel,
                 "licence": {"number": "浙" + pid[-8:], "kind": lic, "valid_from": "2023-01-01", "valid_to": "2029-12-31"},
                 "scope": scope, "accounts": [{"bank": "中国工商银行杭州分行", "number": ACC[pid]}],
                 "province": prov, "address": ADDR.get(pid, f"{prov}省某市{NAME[pid]}路 1 号")}
            if special:
                d["special"] = special
            if public:
                d["public_hospital"] = True
            self.add("party_registered", t, d)
        party(OWNER, "wholesaler", "self", "drug_wholesale", "浙江",
              special={"designation": "regional_wholesaler", "valid_to": "2029-12-31"} if special_owner else None)
        party(SUP, "manufacturer", "supplier", "drug_manufacturing", "浙江",
              scope=["chemical", "psychotropic2", "biological", "cold_chain"])
        party(NARC_SUP, "manufacturer", "supplier", "drug_manufacturing", "四川", scope=["narcotic", "chemical"],
              special={"designation": "designated_manufacturer", "valid_to": "2029-12-31"})
        party(HOSP1, "medical_institution", "customer", "medical_institution", "浙江",
              special={"designation": "seal_card_holder", "seal_card": "浙印0100123", "valid_to": "2029-12-31"}, public=True)
        party(HOSP2, "medical_institution", "customer", "medical_institution", "浙江",
              special={"designation": "seal_card_holder", "seal_card": "浙印0200456", "valid_to": "2029-12-31"}, public=True)
        party(CHAIN, "retail_chain", "customer", "drug_retail", "浙江", scope=["chemical", "tcm_patent", "biological", "cold_chain"])
        party(PHARM, "retail_pharmacy", "customer", "drug_retail", "浙江", scope=["chemical", "tcm_patent"])
        for p, d in PROD.items():
            dd = {"product": p, **{k: d[k] for k in ("generic_name", "form", "spec")}, "manufacturer": "见首营资料",
                  "approval_number": "国药准字H" + p[-8:], "category": d["category"], "control": d["control"],
                  "storage": d["storage"], "rx": True, "unit": d["unit"]}
            self.add("product_registered", t, dd)
        for z, s, sensors in (zones or [("WH-A", "ambient", []), ("WH-C", "cool", []), ("CR-1", "cold", []), ("SP-1", "ambient", [])]):
            d = {"zone": z, "storage": s}
            if sensors:
                d["sensors"] = sensors
            self.add("zone_registered", t, d)

    # ---- business helpers (each keeps the stock tracker)
    def purchase(self, t, doc, sup, lines, label=None):
        return self.add("purchase", t, {"doc": doc, "supplier": sup, "lines": [
            {"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]}, by=["采购-李明"], label=label)

    def receipt(self, t, doc, sup, order, dn, lines, label=None, acceptors=None, transport=None):
        ls = []
        for ln in lines:
            p, b, q = ln["product"], ln["batch"], ln["accepted"]
            d = {"product": p, "batch": b, "production_date": ln.get("prod", "2026-06-01"), "expiry": ln.get("exp", "2028-05-31"),
                 "arrived": ln.get("arrived", q), "accepted": q, "rejected": ln.get("arrived", q) - q}
            if d["rejected"]:
                d["reject_reason"] = "外包装破损"
            d["location"] = ln.get("loc", "RCV")
            if ln.get("codes"):
                d["codes"] = ln["codes"]
            ls.append(d)
            self.move(p, b, d["location"], q, label)
        refs = {}
        if order:
            refs["order"] = [order] if isinstance(order, str) else order
        if dn:
            refs["delivery_note"] = [dn]
        data = {"doc": doc, "supplier": sup, "lines": ls, "acceptors": acceptors or ["验收-张伟"]}
        if transport:
            data["transport"] = transport
        return self.add("receipt", t, data, refs=refs, by=["验收-张伟"], label=label)

    def _mv(self, lines, frm_key="from", to_key=None, label=None):
        out = []
        for ln in lines:
            p, b, q = ln[0], ln[1], ln[2]
            d = {"product": p, "batch": b, "quantity": q, "from": ln[3]}
            if to_key:
                d["to"] = ln[4]
            codes = ln[5] if len(ln) > 5 else (ln[4] if not to_key and len(ln) > 4 else None)
            if codes:
                d["codes"] = codes
            self.move(p, b, ln[3], -q, label)
            if to_key:
                self.move(p, b, ln[4], q, label)
            out.append(d)
        return out

    def put_away(self, t, doc, lines, receipt=None, label=None, entered=None):
        return self.add("put_away", t, {"doc": doc, "lines": self._mv(lines, to_key=True, label=label)},
                        refs={"receipt": [receipt]} if receipt else None, by=["保管-赵磊"], label=label, entered=entered)

    def transfer(self, t, doc, reason, lines, label=None, refs=None):
        return self.add("transfer", t, {"doc": doc, "reason": reason, "lines": self._mv(lines, to_key=True, label=label)},
                        refs=refs, by=["保管-赵磊", "质管-周敏"], label=label)

    def sale(self, t, doc, cust, lines, label=None, refs=None):
        return self.add("sale", t, {"doc": doc, "customer": cust, "channel": "wholesale", "lines": [
            {"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)} for p, b, e, q, pr in lines]},
            refs=refs, by=["销售-陈静"], label=label)

    def review(self, t, doc, cust, sale, lines, label=None, reviewers=None):
        return self.add("outbound_review", t, {"doc": doc, "customer": cust, "lines": [
            {"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q in lines],
            "reviewers": reviewers or ["复核-刘洋"]}, refs={"sale": [sale]}, by=["复核-刘洋"], label=label)

    def dispatch(self, t, doc, cust, sale, lines, label=None, vehicle=None):
        data = {"doc": doc, "customer": cust, "consignee": NAME[cust] + "药剂科", "address": ADDR[cust],
                "lines": self._mv(lines, label=label)}
        if vehicle:
            data["vehicle"] = vehicle
        return self.add("dispatch", t, data, refs={"sale": [sale]}, by=["发货-吴凯"], label=label)

    def customer_return(self, t, doc, cust, sale, lines, label=None):
        ls = []
        for ln in lines:
            p, b, q, to = ln[:4]
            d = {"product": p, "batch": b, "quantity": q, "to": to}
            if len(ln) > 4 and ln[4]:
                d["codes"] = ln[4]
            self.move(p, b, to, q, label)
            ls.append(d)
        return self.add("customer_return", t, {"doc": doc, "customer": cust, "reason": "客户退货（包装完好）", "lines": ls},
                        refs={"sale": [sale]}, by=["销售-陈静", "验收-张伟"], label=label)

    def supplier_return(self, t, doc, sup, order, lines, label=None):
        return self.add("supplier_return", t, {"doc": doc, "supplier": sup, "reason": "质量问题退回供应商",
                                               "lines": self._mv(lines, label=label)},
                        refs={"order": [order]}, by=["采购-李明", "质管-周敏"], label=label)

    def destruction(self, t, doc, lines, supervisors=None, label=None):
        d = {"doc": doc, "reason": "破损", "method": "焚烧", "lines": self._mv(lines, label=label)}
        if supervisors:
            d["supervisors"] = supervisors
        return self.add("destruction", t, d, by=["质管-周敏", "保管-赵磊"], label=label)

    def loss(self, t, doc, discovered, lines, reported_to, label=None):
        return self.add("loss_report", t, {"doc": doc, "loss": "loss", "discovered_at": iso(discovered),
                                           "lines": self._mv(lines, label=label), "reported_to": reported_to},
                        by=["质管-周敏", "保管-赵磊"], label=label)

    def count(self, t, doc, loc, lines, label=None):
        return self.add("stock_count", t, {"doc": doc, "location": loc, "lines": [
            {"product": p, "batch": b, "counted": c} for p, b, c in lines]}, by=["保管-赵磊", "质管-周敏"], label=label)

    def invoice(self, t, doc, direction, issuer, buyer, lines, refs, credit_for=None, label=None, issued_on=None):
        ls = [{"product": p, "quantity": q, "unit_price": money(pr), "amount": money(q * pr)} for p, q, pr in lines]
        d = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer,
             "issued_on": issued_on or t.date().isoformat(), "lines": ls, "total": money(sum(q * pr for _, q, pr in lines))}
        if credit_for:
            d["credit_for"] = credit_for
        return self.add("invoice", t, d, refs=refs, by=["财务-韩雪"], label=label)

    def pay(self, t, doc, direction, payer, payee, amount, invoices, method="bank_transfer", label=None):
        return self.add("payment", t, {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                                       "payer_account": ACC[payer] if method != "cash" else "",
                                       "payee_account": ACC[payee] if method != "cash" else "",
                                       "amount": money(amount), "method": method, "invoices": invoices},
                        by=["财务-韩雪"], label=label)

    def temp(self, t, sensor, readings, zone=None, vehicle=None, label=None):
        d = {"sensor": sensor}
        if zone:
            d["zone"] = zone
        if vehicle:
            d["vehicle"] = vehicle
        d["readings"] = [{"at": iso(a), "celsius": c} for a, c in readings]
        return self.add("temperature_reading", t, d, by=["温控系统"], label=label)

    # ---- output
    def write(self, outdir, header_notes=()):
        order, seq = self.seqs()
        name = f"{self.num}-{self.slug}"
        with open(f"{outdir}/{name}.jsonl", "w", encoding="utf-8") as f:
            for _, _, _, ev in order:
                f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")) + "\n")
        lines = [f"# {self.num} {self.title}"]
        lines += [f"# note: {n}" for n in list(header_notes) + self.notes]
        rows = []
        for rule, label, why in self.expect:
            lines.append(f"# why: {rule} {seq[label]}: {why}")
            rows.append((seq[label], rule))
        for s, r in sorted(rows):
            lines.append(f"{r} {s}")
        with open(f"{outdir}/{name}.expected", "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return name, seq


CONV = ("round 26 conventions: master data first; owner 浙江仁济医药有限公司 (Hangzhou, relation self, regional_wholesaler); "
        "events in occurred_at order (the generator sorts them); instants +08:00; entered_at 5 min after occurred_at (uploads 30 s); "
        "ids UUID v7 of entered_at; RCV, QA, RET unregistered staging/quarantine locations; product codes are 14-digit GTINs with valid check digits")
