"""Builder for round-25 inspection ledgers (docs/format.md, version 2). Deterministic."""
import json, hashlib, datetime as dt

TZ = dt.timezone(dt.timedelta(hours=8))
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(body17):
    s = sum(USCC_CH.index(c) * w for c, w in zip(body17, USCC_W))
    return body17 + USCC_CH[(31 - s % 31) % 31]


def gtin_check(d13):
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(d13)))
    return d13 + str((10 - s % 10) % 10)


def T(y, mo, d, h=0, mi=0, s=0):
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=TZ)


def iso(t):
    return t.isoformat()


def noise(key, i, spread=10):
    h = hashlib.sha256(f"{key}:{i}".encode()).digest()
    return (h[0] % (2 * spread + 1)) - spread  # in tenths


def money(minor):
    return {"minor": int(minor), "currency": "CNY"}


class Ledger:
    def __init__(self, num, name, title):
        self.num, self.name, self.title = num, name, title
        self.events = []
        self.expected = []   # (rule, seq, why)
        self.notes = []
        self.parties = {}
        self.products = {}
        self.inv_counter = 0
        self.doc_counter = {}
        self.code_counter = 0
        self.codes = {}      # (product,batch,loc) -> list
        self.owner = None
        self.last_ms = 0
        self.stock = {}

    # ---------- envelope ----------
    def add(self, kind, t, data, refs=None, by=None, entered=None):
        entered = entered or (t + dt.timedelta(minutes=5))
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": iso(t), "entered_at": iso(entered),
              "recorded_by": by or ["系统-张伟"]}
        if refs:
            ev["refs"] = refs
        ev["data"] = data
        ev["_t"] = t
        ev["_e"] = entered
        ev["_i"] = len(self.events)
        self.events.append(ev)
        return ev

    def expect(self, rule, ev, why):
        self.expected.append((rule, ev, why))

    def note(self, s):
        self.notes.append(s)

    def doc(self, prefix, t):
        k = (prefix, t.strftime("%Y%m%d"))
        self.doc_counter[k] = self.doc_counter.get(k, 0) + 1
        return f"{prefix}{t.strftime('%Y%m%d')}{self.doc_counter[k]:03d}"

    def invno(self):
        self.inv_counter += 1
        return f"2633{self.num:04d}0000{self.inv_counter:08d}"

    def newcodes(self, n):
        out = []
        for _ in range(n):
            self.code_counter += 1
            out.append(f"81{self.num:03d}{self.code_counter:015d}")
        return out

    # ---------- master data ----------
    def party(self, t, pid, name, kind, relation, scope, province="浙江", address=None,
              licence_kind=None, special=None, public_hospital=False, valid=("2023-01-01", "2029-12-31")):
        lk = licence_kind or {"manufacturer": "drug_manufacturing", "wholesaler": "drug_wholesale",
                              "retail_chain": "drug_retail", "retail_pharmacy": "drug_retail",
                              "medical_institution": "medical_institution", "cdc": "public_health"}.get(kind)
        acct = "62" + hashlib.sha256(pid.encode()).hexdigest()[:0] + str(int(hashlib.sha256(pid.encode()).hexdigest()[:12], 16))[:17]
        d = {"party": pid, "name": name, "kind": kind, "relation": relation}
        if kind != "individual":
            d["licence"] = {"number": f"浙{pid[-8:]}", "kind": lk, "valid_from": valid[0], "valid_to": valid[1]}
            d["scope"] = scope
            d["accounts"] = [{"bank": "中国工商银行杭州分行", "number": acct}]
        d["province"] = province
        d["address"] = address or f"{province}省杭州市某区{name}路 {len(self.parties) + 1} 号"
        if special:
            d["special"] = special
        if public_hospital:
            d["public_hospital"] = True
        self.parties[pid] = {"name": name, "acct": acct if kind != "individual" else "", "address": d["address"]}
        if relation == "self":
            self.owner = pid
        return self.add("party_registered", t, d, by=["质管-周敏"])

    def product(self, t, code, name, category, control="none", storage="ambient", unit="盒",
                temp_range=None, spec="10片/盒", form="片剂", vaccine=False):
        d = {"product": code, "generic_name": name, "form": form, "spec": spec,
             "manufacturer": "见首营资料", "approval_number": f"国药准字H{code[-8:]}",
             "category": category, "control": control, "storage": storage}
        if temp_range:
            d["temp_range"] = {"min_c": temp_range[0], "max_c": temp_range[1]}
        d["rx"] = True
        if vaccine:
            d["vaccine"] = True
        d["unit"] = unit
        self.products[code] = {"name": name, "control": control}
        return self.add("product_registered", t, d, by=["质管-周敏"])

    def zone(self, t, zone, storage, sensors=None, temp_range=None):
        d = {"zone": zone, "storage": storage}
        if temp_range:
            d["temp_range"] = {"min_c": temp_range[0], "max_c": temp_range[1]}
        if sensors:
            d["sensors"] = sensors
        return self.add("zone_registered", t, d, by=["质管-周敏"])

    def controlled(self, product):
        return self.products[product]["control"] not in ("none", "compound_ephedrine")

    # ---------- goods ----------
    def purchase(self, t, supplier, lines, doc=None):
        doc = doc or self.doc("CG", t)
        self.add("purchase", t, {"doc": doc, "supplier": supplier,
                                 "lines": [{"product": p, "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]},
                 by=["采购-李明"])
        return doc, self.events[-1]

    def receipt(self, t, supplier, order, lines, transport=None, acceptors=None, doc=None, dn=None, codes=True):
        """lines: dict(product,batch,pd,exp,arrived,accepted,location[,codes])"""
        doc = doc or self.doc("SH", t)
        out = []
        for l in lines:
            rl = {"product": l["product"], "batch": l["batch"], "production_date": l["pd"], "expiry": l["exp"],
                  "arrived": l["arrived"], "accepted": l["accepted"]}
            rej = l["arrived"] - l["accepted"]
            if rej:
                rl["rejected"] = rej
                rl["reject_reason"] = l.get("reason", "外包装破损")
            rl["location"] = l.get("location", "RCV")
            self.stock[(l["product"], l["batch"], rl["location"])] = self.stock.get((l["product"], l["batch"], rl["location"]), 0) + l["accepted"]
            if codes and self.controlled(l["product"]):
                cs = l.get("codes") or self.newcodes(l["accepted"])
                rl["codes"] = cs
                self.codes.setdefault((l["product"], l["batch"], rl["location"]), []).extend(cs[:l["accepted"]])
            out.append(rl)
        ctrl = any(self.controlled(l["product"]) for l in lines)
        acc = acceptors or (["验收-张伟", "验收-刘丽"] if ctrl else ["验收-张伟"])
        d = {"doc": doc, "supplier": supplier, "lines": out, "acceptors": acc}
        if transport:
            d["transport"] = transport
        refs = {"order": order if isinstance(order, list) else [order],
                "delivery_note": [dn or ("DN-" + doc)]}
        seq = self.add("receipt", t, d, refs=refs, by=acc)
        return doc, seq

    def _mv(self, p, b, q, frm, to=None, codes=None):
        self.stock[(p, b, frm)] = self.stock.get((p, b, frm), 0) - q
        if to is not None:
            self.stock[(p, b, to)] = self.stock.get((p, b, to), 0) + q
        l = {"product": p, "batch": b, "quantity": q, "from": frm}
        if to is not None:
            l["to"] = to
        if codes is None and self.controlled(p):
            pool = self.codes.get((p, b, frm), [])
            codes = pool[:q]
            del pool[:q]
            if to is not None:
                self.codes.setdefault((p, b, to), []).extend(codes)
        if codes:
            l["codes"] = codes
        return l

    def put_away(self, t, lines, receipt=None, doc=None):
        doc = doc or self.doc("RK", t)
        ls = [self._mv(p, b, q, f, to) for p, b, q, f, to in lines]
        refs = {"receipt": [receipt]} if receipt else None
        return doc, self.add("put_away", t, {"doc": doc, "lines": ls}, refs=refs, by=["保管-赵磊"])

    def transfer(self, t, reason, lines, doc=None):
        doc = doc or self.doc("YK", t)
        ls = [self._mv(p, b, q, f, to) for p, b, q, f, to in lines]
        return doc, self.add("transfer", t, {"doc": doc, "reason": reason, "lines": ls}, by=["保管-赵磊", "质管-周敏"])

    def sale(self, t, customer, lines, channel="wholesale", doc=None, buyer_id=None, prescription=None, approval=None):
        doc = doc or self.doc("XS", t)
        d = {"doc": doc, "customer": customer, "channel": channel}
        if buyer_id:
            d["buyer_id"] = buyer_id
        if prescription:
            d["prescription"] = prescription
        d["lines"] = [{"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)}
                      for p, b, e, q, pr in lines]
        refs = {"approval": approval} if approval else None
        return doc, self.add("sale", t, d, refs=refs, by=["销售-陈静"])

    def review(self, t, customer, sales, lines, reviewers=None, doc=None):
        doc = doc or self.doc("FH", t)
        ctrl = any(self.controlled(l[0]) for l in lines)
        rv = reviewers or (["复核-刘洋", "复核-孙倩"] if ctrl else ["复核-刘洋"])
        ls = [{"product": p, "batch": b, "expiry": e, "quantity": q, "quality": ql} for p, b, e, q, ql in lines]
        return doc, self.add("outbound_review", t, {"doc": doc, "customer": customer, "lines": ls, "reviewers": rv},
                             refs={"sale": sales if isinstance(sales, list) else [sales]}, by=rv)

    def dispatch(self, t, customer, sales, lines, vehicle=None, address=None, doc=None):
        doc = doc or self.doc("PS", t)
        ls = [self._mv(p, b, q, f) for p, b, q, f in lines]
        d = {"doc": doc, "customer": customer, "consignee": "药剂科 收货员",
             "address": address or self.parties[customer]["address"], "lines": ls}
        if vehicle:
            d["vehicle"] = vehicle
        return doc, self.add("dispatch", t, d, refs={"sale": sales if isinstance(sales, list) else [sales]},
                             by=["发货-吴凯"])

    def customer_return(self, t, customer, sale, lines, reason="客户订货数量有误", doc=None):
        doc = doc or self.doc("TH", t)
        ls = []
        for p, b, q, to, codes in lines:
            l = {"product": p, "batch": b, "quantity": q, "to": to}
            self.stock[(p, b, to)] = self.stock.get((p, b, to), 0) + q
            if codes:
                l["codes"] = codes
                self.codes.setdefault((p, b, to), []).extend(codes)
            ls.append(l)
        return doc, self.add("customer_return", t, {"doc": doc, "customer": customer, "reason": reason, "lines": ls},
                             refs={"sale": [sale]}, by=["销售-陈静", "验收-张伟"])

    def supplier_return(self, t, supplier, order, lines, reason="质量问题退货", doc=None):
        doc = doc or self.doc("TC", t)
        ls = [self._mv(p, b, q, f) for p, b, q, f in lines]
        return doc, self.add("supplier_return", t, {"doc": doc, "supplier": supplier, "reason": reason, "lines": ls},
                             refs={"order": [order]}, by=["采购-李明", "质管-周敏"])

    def destruction(self, t, lines, supervisors=None, reason="破损", doc=None):
        doc = doc or self.doc("XH", t)
        ls = [self._mv(p, b, q, f) for p, b, q, f in lines]
        d = {"doc": doc, "reason": reason, "method": "焚烧", "lines": ls}
        if supervisors:
            d["supervisors"] = supervisors
        return doc, self.add("destruction", t, d, by=["质管-周敏", "保管-赵磊"])

    def count(self, t, location, lines, doc=None):
        doc = doc or self.doc("PD", t)
        return doc, self.add("stock_count", t, {"doc": doc, "location": location,
                                                "lines": [{"product": p, "batch": b, "counted": c} for p, b, c in lines]},
                             by=["保管-赵磊", "质管-周敏"])

    # ---------- money ----------
    def invoice(self, t, direction, counterparty, lines, refs, issued_on=None, credit_for=None, doc=None):
        doc = doc or self.invno()
        ls, tot = [], 0
        for p, q, pr in lines:
            ls.append({"product": p, "quantity": q, "unit_price": money(pr), "amount": money(q * pr)})
            tot += q * pr
        issuer, buyer = (counterparty, self.owner) if direction == "purchase" else (self.owner, counterparty)
        d = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer,
             "issued_on": issued_on or t.strftime("%Y-%m-%d"), "lines": ls, "total": money(tot)}
        if credit_for:
            d["credit_for"] = credit_for
        seq = self.add("invoice", t, d, refs=refs, by=["财务-王芳"])
        return doc, seq, tot

    def payment(self, t, direction, counterparty, amount, invoices, method="bank_transfer", doc=None):
        doc = doc or self.doc("FK" if direction == "outgoing" else "SK", t)
        own = self.parties[self.owner]["acct"]
        cp = self.parties[counterparty]["acct"]
        if direction == "outgoing":
            payer, payee, pa, pe = self.owner, counterparty, own, cp
        else:
            payer, payee, pa, pe = counterparty, self.owner, cp, own
        if method == "cash":
            pa = pe = ""
        d = {"doc": doc, "direction": direction, "payer": payer, "payee": payee, "payer_account": pa,
             "payee_account": pe, "amount": money(amount), "method": method, "invoices": invoices}
        return doc, self.add("payment", t, d, by=["财务-王芳"])

    def temp(self, t, sensor, readings, zone=None, vehicle=None, entered=None):
        d = {"sensor": sensor}
        if zone:
            d["zone"] = zone
        else:
            d["vehicle"] = vehicle
        d["readings"] = [{"at": iso(a), "celsius": round(c, 2)} for a, c in readings]
        return self.add("temperature_reading", t, d, by=["系统-冷链监测"],
                        entered=entered or (t + dt.timedelta(seconds=30)))

    # ---------- composite flows ----------
    def buy(self, t, supplier, lines, put_to="WH-A", inv_days=1, pay_days=10, transport=None, loc="RCV",
            pay=True, invoice=True):
        """lines: (product,batch,pd,exp,qty,price). Returns dict of seqs."""
        order, s_po = self.purchase(t, supplier, [(p, q, pr) for p, b, pd, e, q, pr in lines])
        tr = t + dt.timedelta(days=1)
        rdoc, s_rc = self.receipt(tr, supplier, order,
                                  [dict(product=p, batch=b, pd=pd, exp=e, arrived=q, accepted=q, location=loc)
                                   for p, b, pd, e, q, pr in lines], transport=transport)
        r = {"order": order, "po": s_po, "rc": s_rc, "rdoc": rdoc}
        if put_to:
            _, r["pa"] = self.put_away(tr + dt.timedelta(hours=1), [(p, b, q, loc, put_to) for p, b, pd, e, q, pr in lines], receipt=rdoc)
        if invoice:
            ti = tr + dt.timedelta(days=inv_days, hours=2)
            inv, r["inv"], tot = self.invoice(ti, "purchase", supplier, [(p, q, pr) for p, b, pd, e, q, pr in lines],
                                              {"order": [order]})
            r["invdoc"] = inv
            if pay:
                _, r["pay"] = self.payment(ti + dt.timedelta(days=pay_days), "outgoing", supplier, tot, [inv])
        return r

    def sell(self, t, customer, lines, inv_hours=3, pay_days=15, vehicle=None, address=None, pay=True,
             invoice=True, method="bank_transfer", review_lines=None, channel="wholesale", **kw):
        """lines: (product,batch,expiry,qty,price,from)."""
        sdoc, s_sale = self.sale(t, customer, [(p, b, e, q, pr) for p, b, e, q, pr, f in lines], channel=channel, **kw)
        r = {"sale": s_sale, "sdoc": sdoc}
        _, r["rev"] = self.review(t + dt.timedelta(minutes=40), customer, sdoc,
                                  review_lines or [(p, b, e, q, "ok") for p, b, e, q, pr, f in lines])
        r["pdoc"], r["disp"] = self.dispatch(t + dt.timedelta(minutes=60), customer, sdoc,
                                             [(p, b, q, f) for p, b, e, q, pr, f in lines], vehicle=vehicle, address=address)
        if invoice:
            ti = t + dt.timedelta(hours=inv_hours)
            inv, r["inv"], tot = self.invoice(ti, "sale", customer, [(p, q, pr) for p, b, e, q, pr, f in lines],
                                              {"sale": [sdoc]})
            r["invdoc"], r["tot"] = inv, tot
            if pay:
                _, r["pay"] = self.payment(ti + dt.timedelta(days=pay_days), "incoming", customer, tot, [inv], method=method)
        return r

    # ---------- output ----------
    def sort_check(self):
        pass

    def finalize(self, sort=True):
        if sort:
            self.events.sort(key=lambda e: (e["_t"].timestamp(), e["_i"]))
        for n, ev in enumerate(self.events, 1):
            ev["_seq"] = n
            ms = int(ev["_e"].timestamp() * 1000)
            h = hashlib.sha256(f"{self.num}:{n}".encode()).hexdigest()
            rand = int(h[:20], 16)
            ra = rand & 0xFFF
            rb = (rand >> 12) & ((1 << 62) - 1)
            v = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | ra << 64 | 0b10 << 62 | rb
            x = f"{v:032x}"
            ev["id"] = f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"

    def write(self, outdir, header_kind, sort=True):
        import os
        self.finalize(sort)
        base = os.path.join(outdir, f"{self.num}-{self.name}")
        with open(base + ".jsonl", "w", encoding="utf-8") as f:
            for e in self.events:
                out = {k: v for k, v in e.items() if not k.startswith("_")}
                f.write(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n")
        with open(base + ".expected", "w", encoding="utf-8") as f:
            f.write(f"# {self.num} {header_kind}: {self.title}\n")
            f.write("# note: round 25 conventions: master data first; owner 浙江仁济医药有限公司 (Hangzhou, relation self); events in occurred_at order; instants +08:00; entered_at 5 min after occurred_at (uploads 30 s); ids UUID v7 of entered_at; USCCs with GB 32100 check characters; RCV, QA, RET unregistered staging/quarantine locations; every purchase and sale invoiced and paid unless a note says otherwise\n")
            for n in self.notes:
                f.write(f"# note: {n}\n")
            exp = sorted(((r, ev["_seq"], w) for r, ev, w in self.expected), key=lambda x: (x[1], x[0]))
            for rule, seq, why in exp:
                f.write(f"# why: {rule} {seq}: {why}\n")
            for rule, seq, why in exp:
                f.write(f"{rule} {seq}\n")
        return base
