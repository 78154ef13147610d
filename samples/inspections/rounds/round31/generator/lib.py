"""Tiny event builder for round 31 (written from docs/format.md only)."""
import json, hashlib, datetime as dt

TZ = dt.timezone(dt.timedelta(hours=8))
OWNER = "91330100MA27R31X0A"

def ts(s):  # "2026-03-02 09:00" -> aware datetime +08:00
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)

def iso(d):
    return d.isoformat()

def money(fen):
    return {"minor": fen, "currency": "CNY"}

class Ledger:
    def __init__(self, name):
        self.name = name
        self.events = []
        self.labels = {}
        self.n = 0

    def _id(self, entered):
        ms = int(entered.timestamp() * 1000)
        self.n += 1
        h = hashlib.sha256(f"{self.name}/{self.n}".encode()).hexdigest()
        rand_a = int(h[0:3], 16)
        rand_b = int(h[3:19], 16) & ((1 << 62) - 1)
        v = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
        x = f"{v:032x}"
        return f"{x[0:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:32]}"

    def add(self, kind, when, data, refs=None, by=("财务-王芳",), label=None, entered=None):
        occ = ts(when)
        ent = occ + dt.timedelta(minutes=5) if entered is None else ts(entered)
        ev = {"v": 2, "id": self._id(ent), "kind": kind, "occurred_at": iso(occ),
              "entered_at": iso(ent), "recorded_by": list(by)}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        self.events.append(ev)
        seq = len(self.events)
        if label:
            assert label not in self.labels, label
            self.labels[label] = seq
        return seq

    # ---- master data
    def party(self, when, pid, name, kind, relation, scope, accounts, lic_kind, public=False,
              address="浙江省杭州市", province="浙江", label=None):
        d = {"party": pid, "name": name, "kind": kind, "relation": relation}
        if lic_kind:
            d["licence"] = {"number": "LIC-" + pid[-6:], "kind": lic_kind,
                            "valid_from": "2024-01-01", "valid_to": "2029-12-31"}
        d["scope"] = scope
        d["accounts"] = [{"bank": "开户行", "number": a} for a in accounts]
        d["province"] = province
        d["address"] = address
        if public:
            d["public_hospital"] = True
        return self.add("party_registered", when, d, by=("质管-周敏",), label=label)

    def product(self, when, code, name, category, control, unit="盒"):
        return self.add("product_registered", when, {
            "product": code, "generic_name": name, "form": "片剂", "spec": "规格",
            "manufacturer": "某制药", "approval_number": "国药准字H" + code[-8:],
            "category": category, "control": control, "storage": "ambient", "rx": True,
            "unit": unit}, by=("质管-周敏",))

    def zone(self, when, z):
        return self.add("zone_registered", when, {"zone": z, "storage": "ambient", "sensors": []},
                        by=("质管-周敏",))

    # ---- purchase side
    def purchase(self, when, doc, sup, lines, label=None):
        return self.add("purchase", when, {"doc": doc, "supplier": sup, "lines": [
            {"product": p, "quantity": q, "unit_price": money(u)} for p, q, u in lines]},
            by=("采购-李明",), label=label)

    def receipt(self, when, doc, sup, order, dn, lines, label=None, special=False):
        ls = []
        for l in lines:
            p, b, q = l[0], l[1], l[2]
            codes = l[3] if len(l) > 3 else None
            d = {"product": p, "batch": b, "production_date": "2026-01-10", "expiry": "2028-01-09",
                 "arrived": q, "accepted": q, "rejected": 0, "location": "RCV"}
            if codes:
                d["codes"] = codes
            ls.append(d)
        acc = ["验收-张伟", "验收-刘洋"] if special else ["验收-张伟"]
        return self.add("receipt", when, {"doc": doc, "supplier": sup, "lines": ls, "acceptors": acc},
                        refs={"order": [order], "delivery_note": [dn]}, by=("验收-张伟",), label=label)

    def put_away(self, when, doc, receipt, lines, label=None):
        ls = []
        for l in lines:
            p, b, q = l[0], l[1], l[2]
            d = {"product": p, "batch": b, "quantity": q, "from": "RCV", "to": "WH-A"}
            if len(l) > 3 and l[3]:
                d["codes"] = l[3]
            ls.append(d)
        return self.add("put_away", when, {"doc": doc, "lines": ls}, refs={"receipt": [receipt]},
                        by=("保管-赵磊",), label=label)

    def transfer(self, when, doc, reason, lines, label=None):
        return self.add("transfer", when, {"doc": doc, "reason": reason, "lines": [
            {"product": p, "batch": b, "quantity": q, "from": f, "to": t} for p, b, q, f, t in lines]},
            by=("质管-周敏",), label=label)

    def supplier_return(self, when, doc, sup, order, lines, label=None):
        return self.add("supplier_return", when, {"doc": doc, "supplier": sup, "reason": "质量问题退货",
            "lines": [{"product": p, "batch": b, "quantity": q, "from": f} for p, b, q, f in lines]},
            refs={"order": [order]}, by=("采购-李明", "质管-周敏"), label=label)

    # ---- sale side
    def sale(self, when, doc, cust, lines, channel="wholesale", buyer_id=None, prescription=None, label=None):
        d = {"doc": doc, "customer": cust, "channel": channel}
        if buyer_id:
            d["buyer_id"] = buyer_id
        if prescription:
            d["prescription"] = prescription
        d["lines"] = [{"product": p, "batch": b, "expiry": "2028-01-09", "quantity": q,
                       "unit_price": money(u)} for p, b, q, u in lines]
        return self.add("sale", when, d, by=("销售-陈静",), label=label)

    def review(self, when, doc, cust, sales, lines, special=False, label=None):
        return self.add("outbound_review", when, {"doc": doc, "customer": cust, "lines": [
            {"product": p, "batch": b, "expiry": "2028-01-09", "quantity": q, "quality": "ok"}
            for p, b, q in lines], "reviewers": ["复核-刘洋", "复核-孙丽"] if special else ["复核-刘洋"]},
            refs={"sale": sales}, by=("复核-刘洋",), label=label)

    def dispatch(self, when, doc, cust, sales, address, lines, label=None):
        ls = []
        for l in lines:
            p, b, q = l[0], l[1], l[2]
            d = {"product": p, "batch": b, "quantity": q, "from": "WH-A"}
            if len(l) > 3 and l[3]:
                d["codes"] = l[3]
            ls.append(d)
        return self.add("dispatch", when, {"doc": doc, "customer": cust, "consignee": "药剂科",
                        "address": address, "lines": ls}, refs={"sale": sales},
                        by=("发货-吴凯",), label=label)

    def customer_return(self, when, doc, cust, sale, lines, label=None):
        return self.add("customer_return", when, {"doc": doc, "customer": cust, "reason": "订货有误",
            "lines": [{"product": p, "batch": b, "quantity": q, "to": "RET"} for p, b, q in lines]},
            refs={"sale": [sale]}, by=("销售-陈静", "验收-张伟"), label=label)

    # ---- money
    def invoice(self, when, doc, direction, issuer, buyer, issued_on, lines, refs, credit_for=None, label=None):
        ls = [{"product": p, "quantity": q, "unit_price": money(u), "amount": money(a if a is not None else q * u)}
              for p, q, u, a in [(l + (None,))[:4] for l in lines]]
        total = sum(l["amount"]["minor"] for l in ls)
        d = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer,
             "issued_on": issued_on, "lines": ls, "total": money(total)}
        if credit_for:
            d["credit_for"] = credit_for
        return self.add("invoice", when, d, refs=refs, label=label)

    def payment(self, when, doc, direction, payer, payee, payer_acct, payee_acct, fen, invoices,
                method="bank_transfer", label=None):
        return self.add("payment", when, {"doc": doc, "direction": direction, "payer": payer,
            "payee": payee, "payer_account": payer_acct, "payee_account": payee_acct,
            "amount": money(fen), "method": method, "invoices": invoices}, label=label)

    def marker(self, when, doc, label=None):
        """A harmless event that moves the ledger clock: a stock count of an empty location."""
        return self.add("stock_count", when, {"doc": doc, "location": "WH-Z", "lines": [
            {"product": "86901234000011", "batch": "NONE", "counted": 0}]}, by=("保管-赵磊",), label=label)

    def write(self, outdir, stem, expected_lines, notes, sentences=None):
        import os
        with open(os.path.join(outdir, stem + ".jsonl"), "w", encoding="utf-8") as f:
            for e in self.events:
                f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
        with open(os.path.join(outdir, stem + ".expected"), "w", encoding="utf-8") as f:
            for n in notes:
                f.write("# " + n + "\n")
            for item in expected_lines:
                rule, label, why = item[:3]
                seq = self.labels[label] if isinstance(label, str) else label
                f.write(f"# why: {rule} {seq} ({label}): {why}\n")
                if len(item) > 3:
                    ss = sorted(self.labels[x] for x in item[3])
                    f.write(f"# seqs: {rule} {seq} {','.join(map(str, ss))}\n")
                f.write(f"{rule} {seq}\n")
        if sentences:
            num = stem.split("-")[0]
            with open(os.path.join(outdir, num + ".sentences.expected"), "w", encoding="utf-8") as f:
                f.write("# LANG RULE SEQ<TAB>substring expected in that finding's message (text and json)\n")
                for lang, rule, label, sub in sentences:
                    seq = self.labels[label] if isinstance(label, str) else label
                    f.write(f"{lang} {rule} {seq}\t{sub}\n")
