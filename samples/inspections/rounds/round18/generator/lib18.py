"""Round 18 helper library: deterministic events in the rxledger interchange format v2 (docs/format.md)."""
import json, hashlib, datetime as dt

TZ = dt.timezone(dt.timedelta(hours=8))
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W32100 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
W11714 = [3, 7, 9, 10, 5, 8, 4, 2]

def orgcode(body8):
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body8, W11714))
    c = 11 - s % 11
    return body8 + ("X" if c == 10 else "0" if c == 11 else str(c))

def uscc(prefix2, region6, body8):
    """GB 32100 code: 2-char registration dept/type, 6-digit region, GB 11714 org code (9), check."""
    s17 = prefix2 + region6 + orgcode(body8)
    s = sum(USCC_CH.index(c) * w for c, w in zip(s17, W32100))
    return s17 + USCC_CH[(31 - s % 31) % 31]

def gs1_check(digits):
    s = 0
    for i, c in enumerate(reversed(digits)):
        s += int(c) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)

def gtin14(body13):
    return body13 + gs1_check(body13)

def t(s):
    """'2026-10-08 10:00' Beijing -> aware datetime"""
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)

def iso(d):
    return d.isoformat()

def money(fen):
    return {"minor": fen, "currency": "CNY"}

class L:
    def __init__(self, name, owner, seed):
        self.name = name; self.events = []; self.seed = seed; self.owner = owner
        self._tags = {}; self.inv_seq = 0; self.doc_seq = {}; self.final = False
        self.last_ms = 0
    def uuid7(self, d, n):
        ms = int(d.timestamp() * 1000)
        if ms <= self.last_ms: ms = self.last_ms + 1
        self.last_ms = ms
        h = hashlib.sha256(f"{self.seed}:{n}".encode()).digest()
        b = bytearray(ms.to_bytes(6, "big") + h[:10])
        b[6] = 0x70 | (b[6] & 0x0F); b[8] = 0x80 | (b[8] & 0x3F)
        x = b.hex()
        return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"
    def ev(self, kind, when, data, refs=None, by=None, tag=None, entered=None, delay=5):
        if entered is None:
            entered = when + dt.timedelta(minutes=delay) if kind != "temperature_reading" else when + dt.timedelta(seconds=30)
        e = {"v": 2, "id": self.uuid7(entered, len(self.events)), "kind": kind, "occurred_at": iso(when),
             "entered_at": iso(entered), "recorded_by": by or ["质管-周敏"]}
        if refs: e["refs"] = refs
        e["data"] = data
        self.events.append(e)
        n = len(self.events)
        if tag: self._tags[tag] = e
        return n
    def finalize(self):
        if self.final: return
        self.final = True
        self.events.sort(key=lambda e: dt.datetime.fromisoformat(e["occurred_at"]))
        self.last_ms = 0
        for i, e in enumerate(self.events):
            e["id"] = self.uuid7(dt.datetime.fromisoformat(e["entered_at"]), i)
    @property
    def tags(self):
        self.finalize()
        pos = {id(e): i + 1 for i, e in enumerate(self.events)}
        return {k: pos[id(e)] for k, e in self._tags.items()}
    def doc(self, prefix, when):
        k = (prefix, when.strftime("%Y%m%d"))
        self.doc_seq[k] = self.doc_seq.get(k, 0) + 1
        return f"{prefix}{when:%Y%m%d}{self.seed % 100:02d}{self.doc_seq[k]:03d}"
    def invno(self, region="3301"):
        self.inv_seq += 1
        return f"26{region}{self.seed:04d}{self.inv_seq:010d}"
    def lines(self):
        return [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in self.events]
    def write(self, outdir, fname, header, expected):
        self.finalize()
        with open(f"{outdir}/{fname}.jsonl", "w", encoding="utf-8") as f:
            for l in self.lines(): f.write(l + "\n")
        with open(f"{outdir}/{fname}.expected", "w", encoding="utf-8") as f:
            for h in header: f.write(h.rstrip() + "\n")
            for r in expected: f.write(r + "\n")

# ---------------------------------------------------------------- master data
OWNER = uscc("91", "330106", "MA2K8T3W")
OWNER_ACC = "33050161672700018818"
OWNER_ADDR = "浙江省杭州市西湖区三墩镇振华路 298 号"

def owner_event(L_, when, special=True):
    d = {"party": OWNER, "name": "浙江润和医药有限公司", "kind": "wholesaler", "relation": "self",
         "licence": {"number": "浙AA5710826", "kind": "drug_wholesale", "valid_from": "2024-06-01", "valid_to": "2029-05-31"},
         "scope": ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "medical_toxic",
                   "precursor", "compound_ephedrine", "cold_chain"],
         "accounts": [{"bank": "中国建设银行杭州三墩支行", "number": OWNER_ACC}],
         "province": "浙江", "address": OWNER_ADDR}
    if special: d["special"] = {"designation": "regional_wholesaler", "valid_to": "2029-05-31"}
    return L_.ev("party_registered", when, d)

def party(L_, when, pid, name, kind, relation, lic_no, lic_kind, scope, acc, province, address,
          valid_from="2023-01-01", valid_to="2030-12-31", special=None, public=False, bank="中国工商银行杭州分行"):
    d = {"party": pid, "name": name, "kind": kind, "relation": relation,
         "licence": {"number": lic_no, "kind": lic_kind, "valid_from": valid_from, "valid_to": valid_to},
         "scope": scope, "accounts": [{"bank": bank, "number": acc}], "province": province, "address": address}
    if special: d["special"] = special
    if public: d["public_hospital"] = True
    return L_.ev("party_registered", when, d)

def product(L_, when, pid, name, form, spec, mfr, appr, cat, control, storage, unit, temp_range=None, vaccine=False):
    d = {"product": pid, "generic_name": name, "form": form, "spec": spec, "manufacturer": mfr,
         "approval_number": appr, "category": cat, "control": control, "storage": storage, "rx": True, "unit": unit}
    if temp_range: d["temp_range"] = {"min_c": temp_range[0], "max_c": temp_range[1]}
    if vaccine: d["vaccine"] = True
    return L_.ev("product_registered", when, d)

def zone(L_, when, z, storage, rng=None, sensors=None):
    d = {"zone": z, "storage": storage}
    if rng: d["temp_range"] = {"min_c": rng[0], "max_c": rng[1]}
    if sensors: d["sensors"] = sensors
    return L_.ev("zone_registered", when, d)

# ---------------------------------------------------------------- business documents
def purchase(L_, when, supplier, lines, tag=None):
    """lines: [(product, qty, price_fen)]"""
    doc = L_.doc("CG", when)
    L_.ev("purchase", when, {"doc": doc, "supplier": supplier,
          "lines": [{"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]},
          by=["采购-钱伟"], tag=tag)
    return doc

def receipt(L_, when, supplier, order, rlines, two=False, transport=None, tag=None, dn=None):
    """rlines: dicts with product,batch,production_date,expiry,arrived,accepted,rejected,location,codes"""
    doc = L_.doc("SH", when)
    dn = dn or f"PS-{supplier[-6:]}-{when:%Y%m%d}{len(L_.events):03d}"
    acc = ["验收-李娜", "验收-王磊"] if two else ["验收-李娜"]
    data = {"doc": doc, "supplier": supplier, "lines": rlines, "acceptors": acc}
    if transport: data["transport"] = transport
    n = L_.ev("receipt", when, data, refs={"order": [order], "delivery_note": [dn]}, by=acc, tag=tag)
    return doc, n

def rline(product, batch, prod_date, expiry, arrived, accepted=None, location="RCV", codes=None, rejected=None, reason=None):
    accepted = arrived if accepted is None else accepted
    d = {"product": product, "batch": batch, "production_date": prod_date, "expiry": expiry,
         "arrived": arrived, "accepted": accepted, "rejected": arrived - accepted if rejected is None else rejected,
         "location": location}
    if reason: d["reject_reason"] = reason
    if codes is not None: d["codes"] = codes
    return d

def mline(product, batch, qty, frm, to=None, codes=None):
    d = {"product": product, "batch": batch, "quantity": qty, "from": frm}
    if to is not None: d["to"] = to
    if codes is not None: d["codes"] = codes
    return d

def put_away(L_, when, order, rec, lines, two=False, tag=None, entered=None):
    doc = L_.doc("RK", when)
    return L_.ev("put_away", when, {"doc": doc, "lines": lines}, refs={"order": [order], "receipt": [rec]},
                 by=["保管-赵磊", "保管-孙悦"] if two else ["保管-赵磊"], tag=tag, entered=entered)

def transfer(L_, when, reason, lines, tag=None, refs=None):
    doc = L_.doc("YK", when)
    return L_.ev("transfer", when, {"doc": doc, "reason": reason, "lines": lines}, refs=refs,
                 by=["质管-周敏", "保管-赵磊"], tag=tag)

def sale(L_, when, customer, lines, tag=None, approval=None):
    """lines: [(product, batch, expiry, qty, price)]"""
    doc = L_.doc("XS", when)
    refs = {"approval": approval} if approval else None
    L_.ev("sale", when, {"doc": doc, "customer": customer, "channel": "wholesale",
          "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)} for p, b, e, q, pr in lines]},
          refs=refs, by=["销售-林晓"], tag=tag)
    return doc

def review(L_, when, sdoc, customer, lines, two=False, tag=None):
    doc = L_.doc("FH", when)
    rv = ["复核-陈静", "复核-吴昊"] if two else ["复核-陈静"]
    return L_.ev("outbound_review", when, {"doc": doc, "customer": customer,
                 "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q, pr in lines],
                 "reviewers": rv}, refs={"sale": [sdoc]}, by=rv, tag=tag)

def dispatch(L_, when, sdoc, customer, consignee, address, olines, vehicle=None, tag=None):
    doc = L_.doc("PS", when)
    d = {"doc": doc, "customer": customer, "consignee": consignee, "address": address, "lines": olines}
    if vehicle: d["vehicle"] = vehicle
    n = L_.ev("dispatch", when, d, refs={"sale": [sdoc]}, by=["发货-郑浩", "发货-许诺"], tag=tag)
    return doc, n

def invoice(L_, when, direction, issuer, buyer, lines, refs, credit_for=None, tag=None, issued_on=None):
    """lines: [(product, qty, price)]"""
    no = L_.invno()
    ls = [{"product": p, "quantity": q, "unit_price": money(pr), "amount": money(q * pr)} for p, q, pr in lines]
    d = {"doc": no, "direction": direction, "issuer": issuer, "buyer": buyer,
         "issued_on": (issued_on or when).strftime("%Y-%m-%d"), "lines": ls,
         "total": money(sum(x["amount"]["minor"] for x in ls))}
    if credit_for: d["credit_for"] = credit_for
    n = L_.ev("invoice", when, d, refs=refs, by=["财务-王芳"], tag=tag)
    return no, d["total"]["minor"], n

def payment(L_, when, direction, payer, payee, payer_acc, payee_acc, amount, invoices, method="bank_transfer", tag=None):
    doc = L_.doc("FK" if direction == "outgoing" else "SK", when)
    return L_.ev("payment", when, {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                 "payer_account": payer_acc, "payee_account": payee_acc, "amount": money(amount),
                 "method": method, "invoices": invoices}, by=["财务-王芳"], tag=tag)

def cust_return(L_, when, sdoc, customer, lines, reason, tag=None):
    doc = L_.doc("TH", when)
    return L_.ev("customer_return", when, {"doc": doc, "customer": customer, "reason": reason, "lines": lines},
                 refs={"sale": [sdoc]}, by=["销售-林晓", "验收-李娜"], tag=tag)

def stock_count(L_, when, loc, lines, tag=None):
    doc = L_.doc("PD", when)
    return L_.ev("stock_count", when, {"doc": doc, "location": loc,
                 "lines": [{"product": p, "batch": b, "counted": c} for p, b, c in lines]},
                 by=["保管-赵磊", "质管-周敏"], tag=tag)

def readings(start, minutes, step, temp_fn):
    out = []; k = 0; d = start
    while (d - start).total_seconds() <= minutes * 60:
        out.append({"at": iso(d), "celsius": round(temp_fn(k), 1)}); k += 1
        d = start + dt.timedelta(minutes=step * k)
    return out

def temp_upload(L_, when, sensor, rds, zone_=None, vehicle=None, tag=None):
    d = {"sensor": sensor}
    if zone_: d["zone"] = zone_
    if vehicle: d["vehicle"] = vehicle
    d["readings"] = rds
    return L_.ev("temperature_reading", when, d, by=["系统-温湿度监测"], tag=tag)

def jitter(seed, k, base, amp):
    h = hashlib.sha256(f"{seed}:{k}".encode()).digest()
    return base + ((h[0] / 255.0) * 2 - 1) * amp

def zhuisuma(prefix7, n):
    return f"{prefix7}{n:013d}"
