"""Business helpers with a simple stock/code tracker (my own reading of the rules, not the engine)."""
import datetime as dt
from collections import defaultdict
from lib import *

D = dt.timedelta


class Biz:
    def __init__(self, L, owner):
        self.L = L
        self.owner = owner
        self.stock = defaultdict(int)          # (prod,batch,loc) -> qty
        self.codes = defaultdict(list)         # (prod,batch,loc) -> [codes]
        self.expiry = {}                       # (prod,batch) -> expiry
        self.inv_no = 0
        self.allow_neg = False

    def nxt_inv(self, prefix='2633'):
        self.inv_no += 1
        return f"{prefix}{self.inv_no:016d}"

    def _out(self, p, b, loc, q, codes):
        k = (p, b, loc)
        self.stock[k] -= q
        if self.stock[k] < 0 and not self.allow_neg:
            raise AssertionError(f"negative stock {k}")
        for c in codes:
            if c in self.codes[k]:
                self.codes[k].remove(c)

    def _in(self, p, b, loc, q, codes):
        k = (p, b, loc)
        self.stock[k] += q
        self.codes[k].extend(codes)

    def take_codes(self, p, b, loc, q):
        return list(self.codes[(p, b, loc)][:q])

    # ---- documents ----
    def purchase(self, t, doc, supplier, lines, by=('采购-李明',)):
        return self.L.add("purchase", t, {"doc": doc, "supplier": supplier, "lines": [
            {"product": p, "quantity": q, "unit_price": M(u)} for p, q, u in lines]}, list(by))

    def receipt(self, t, doc, supplier, orders, dn, lines, acceptors, transport=None, by=None, **kw):
        ls = []
        for ln in lines:
            p, b, pd, ex, arr, acc, loc = ln[:7]
            codes = ln[7] if len(ln) > 7 else []
            d = {"product": p, "batch": b, "production_date": pd, "expiry": ex, "arrived": arr,
                 "accepted": acc}
            if arr != acc:
                d["rejected"] = arr - acc
                d["reject_reason"] = "外包装破损"
            d["location"] = loc
            if codes:
                d["codes"] = codes
            ls.append(d)
            self.expiry[(p, b)] = ex
            self._in(p, b, loc, acc, codes[:acc] if codes else [])
        data = {"doc": doc, "supplier": supplier, "lines": ls, "acceptors": list(acceptors)}
        if transport:
            data["transport"] = transport
        refs = {"delivery_note": [dn]}
        if orders:
            refs = {"order": list(orders), "delivery_note": [dn]}
        return self.L.add("receipt", t, data, list(by or acceptors), refs=refs, **kw)

    def move(self, kind, t, doc, lines, by, refs=None, reason=None, **kw):
        ls = []
        for p, b, q, fr, to, *rest in lines:
            codes = rest[0] if rest else []
            d = {"product": p, "batch": b, "quantity": q, "from": fr, "to": to}
            if codes:
                d["codes"] = codes
            ls.append(d)
            self._out(p, b, fr, q, codes)
            self._in(p, b, to, q, codes)
        data = {"doc": doc}
        if reason:
            data["reason"] = reason
        data["lines"] = ls
        return self.L.add(kind, t, data, list(by), refs=refs, **kw)

    def sale(self, t, doc, customer, lines, by=('销售-陈静',), refs=None, **kw):
        return self.L.add("sale", t, {"doc": doc, "customer": customer, "channel": "wholesale", "lines": [
            {"product": p, "batch": b, "expiry": self.expiry[(p, b)], "quantity": q, "unit_price": M(u)}
            for p, b, q, u in lines]}, list(by), refs=refs, **kw)

    def review(self, t, doc, customer, sales, lines, reviewers, by=None, **kw):
        return self.L.add("outbound_review", t, {"doc": doc, "customer": customer, "lines": [
            {"product": p, "batch": b, "expiry": ex if ex else self.expiry[(p, b)], "quantity": q, "quality": "ok"}
            for p, b, q, ex in lines], "reviewers": list(reviewers)}, list(by or reviewers),
            refs={"sale": list(sales)}, **kw)

    def dispatch(self, t, doc, customer, sales, lines, consignee, address, vehicle=None, by=('发货-吴凯',), **kw):
        ls = []
        for p, b, q, fr, *rest in lines:
            codes = rest[0] if rest else []
            d = {"product": p, "batch": b, "quantity": q, "from": fr}
            if codes:
                d["codes"] = codes
            ls.append(d)
            self._out(p, b, fr, q, codes)
        data = {"doc": doc, "customer": customer, "consignee": consignee, "address": address, "lines": ls}
        if vehicle:
            data["vehicle"] = vehicle
        return self.L.add("dispatch", t, data, list(by), refs={"sale": list(sales)}, **kw)

    def creturn(self, t, doc, customer, sales, reason, lines, by=('销售-陈静', '验收-张伟'), **kw):
        ls = []
        for p, b, q, to, *rest in lines:
            codes = rest[0] if rest else []
            d = {"product": p, "batch": b, "quantity": q, "to": to}
            if codes:
                d["codes"] = codes
            ls.append(d)
            self._in(p, b, to, q, codes)
        return self.L.add("customer_return", t, {"doc": doc, "customer": customer, "reason": reason,
                                                  "lines": ls}, list(by), refs={"sale": list(sales)}, **kw)

    def outdoc(self, kind, t, doc, lines, by, extra=None, refs=None, **kw):
        """supplier_return / destruction / loss_report lines: (p,b,q,from[,codes])"""
        ls = []
        for p, b, q, fr, *rest in lines:
            codes = rest[0] if rest else []
            d = {"product": p, "batch": b, "quantity": q, "from": fr}
            if codes:
                d["codes"] = codes
            ls.append(d)
            self._out(p, b, fr, q, codes)
        data = {"doc": doc}
        data.update(extra or {})
        data["lines"] = ls
        # keep field order of format.md
        order = {"supplier_return": ["doc", "supplier", "reason", "lines"],
                 "destruction": ["doc", "reason", "method", "lines", "supervisors"],
                 "loss_report": ["doc", "loss", "discovered_at", "lines", "reported_to"]}[kind]
        data = {k: data[k] for k in order if k in data}
        return self.L.add(kind, t, data, list(by), refs=refs, **kw)

    def invoice(self, t, doc, direction, issuer, buyer, issued_on, lines, refs, credit_for=None,
                by=('财务-王芳',), **kw):
        ls = [{"product": p, "quantity": q, "unit_price": M(u), "amount": M(a if a is not None else q * u)}
              for p, q, u, *ra in lines for a in [ra[0] if ra else None]]
        tot = sum(l["amount"]["minor"] for l in ls)
        data = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer, "issued_on": issued_on,
                "lines": ls, "total": M(tot)}
        if credit_for:
            data["credit_for"] = credit_for
        self.L.add("invoice", t, data, list(by), refs=refs, **kw)
        return tot

    def pay(self, t, doc, direction, payer, payee, pacc, eacc, amount, invoices, method="bank_transfer",
            by=('财务-王芳',), **kw):
        return self.L.add("payment", t, {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                                         "payer_account": pacc, "payee_account": eacc, "amount": M(amount),
                                         "method": method, "invoices": list(invoices)}, list(by),
                          refs={"invoice": invoices[0]}, **kw)

    def count(self, t, doc, loc, by=('保管-赵磊', '质管-沈佳怡'), override=None, omit=()):
        lines = []
        for (p, b, l), q in sorted(self.stock.items()):
            if l != loc or (p, b) in omit:
                continue
            if q == 0 and (override is None or (p, b) not in override):
                continue
            c = override.get((p, b), q) if override else q
            lines.append({"product": p, "batch": b, "counted": c})
        return self.L.add("stock_count", t, {"doc": doc, "location": loc, "lines": lines}, list(by))


def codes_for(prefix, start, n):
    """20-digit 追溯码: prefix (8 digits) + 12-digit serial"""
    assert len(prefix) == 8
    return [f"{prefix}{i:012d}" for i in range(start, start + n)]
