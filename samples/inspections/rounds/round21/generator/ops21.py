from lib21 import money, parse
from world21 import *
import datetime as dt

Q2 = ["验收-孙立", "质管-钱芳"]      # two acceptors
R2 = ["复核-林涛", "质管-钱芳"]      # two reviewers
KEEP2 = ["保管-何军", "质管-钱芳"]

def master(L, when, parties, products, zones):
    t = parse(when)
    for p in parties:
        L.add("party_registered", t.isoformat(), PARTY[p], by=["质管-钱芳"]); t += dt.timedelta(minutes=2)
    for p in products:
        L.add("product_registered", t.isoformat(), PRODUCT[p], by=["质管-钱芳"]); t += dt.timedelta(minutes=2)
    for z in zones:
        L.add("zone_registered", t.isoformat(), {"zone": z, "storage": "ambient"}, by=["质管-钱芳"]); t += dt.timedelta(minutes=2)

def purchase(L, when, doc, sup, lines, by=("采购-李明",)):
    return L.add("purchase", when, {"doc": doc, "supplier": sup,
        "lines": [{"product": p, "quantity": q, "unit_price": money(u)} for p, q, u in lines]}, by=by)

def rline(p, batch, pd, exp, arr, acc, loc="RCV", codes=None, reason=None):
    d = {"product": p, "batch": batch, "production_date": pd, "expiry": exp, "arrived": arr,
         "accepted": acc, "rejected": arr - acc}
    if reason: d["reject_reason"] = reason
    d["location"] = loc
    if codes: d["codes"] = codes
    return d

def receipt(L, when, doc, sup, order, dn, lines, acceptors=Q2, transport=None):
    refs = {}
    if order: refs["order"] = order if isinstance(order, list) else [order]
    if dn: refs["delivery_note"] = [dn]
    d = {"doc": doc, "supplier": sup, "lines": lines, "acceptors": list(acceptors)}
    if transport: d["transport"] = transport
    return L.add("receipt", when, d, refs=refs or None, by=acceptors)

def mline(p, batch, q, f, t, codes=None):
    d = {"product": p, "batch": batch, "quantity": q, "from": f, "to": t}
    if codes: d["codes"] = codes
    return d

def put_away(L, when, doc, lines, receipt_doc=None, by=KEEP2):
    return L.add("put_away", when, {"doc": doc, "lines": lines},
                 refs={"receipt": [receipt_doc]} if receipt_doc else None, by=by)

def transfer(L, when, doc, reason, lines, refs=None, by=KEEP2):
    return L.add("transfer", when, {"doc": doc, "reason": reason, "lines": lines}, refs=refs, by=by)

def sale(L, when, doc, cust, lines, approval=None, by=("销售-陈静",)):
    return L.add("sale", when, {"doc": doc, "customer": cust, "channel": "wholesale",
        "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "unit_price": money(u)} for p, b, e, q, u in lines]},
        refs={"approval": approval} if approval else None, by=by)

def review(L, when, doc, cust, sale_docs, lines, reviewers=R2):
    return L.add("outbound_review", when, {"doc": doc, "customer": cust,
        "lines": [{"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q in lines],
        "reviewers": list(reviewers)}, refs={"sale": sale_docs}, by=reviewers)

def oline(p, batch, q, f, codes=None):
    d = {"product": p, "batch": batch, "quantity": q, "from": f}
    if codes: d["codes"] = codes
    return d

def dispatch(L, when, doc, cust, sale_docs, lines, consignee="药剂科", by=("发货-吴凯", "发货-郑浩")):
    return L.add("dispatch", when, {"doc": doc, "customer": cust, "consignee": consignee,
        "address": PARTY[cust]["address"], "lines": lines}, refs={"sale": sale_docs}, by=by)

def invoice(L, when, doc, direction, issuer, buyer, issued_on, lines, refs, credit_for=None, by=("财务-王芳",)):
    ls = [{"product": p, "quantity": q, "unit_price": money(u), "amount": money(q * u)} for p, q, u in lines]
    d = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer, "issued_on": issued_on,
         "lines": ls, "total": money(sum(q * u for _, q, u in lines))}
    if credit_for: d["credit_for"] = credit_for
    return L.add("invoice", when, d, refs=refs, by=by)

def payment(L, when, doc, direction, payer, payee, amount, invoices, method="bank_transfer", by=("财务-王芳",)):
    cash = method == "cash"
    return L.add("payment", when, {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
        "payer_account": "" if cash else ACC[payer], "payee_account": "" if cash else ACC[payee],
        "amount": money(amount), "method": method, "invoices": invoices},
        refs={"invoice": invoices[0]}, by=by)

def count(L, when, doc, loc, lines, by=KEEP2, entered=None):
    return L.add("stock_count", when, {"doc": doc, "location": loc,
        "lines": [{"product": p, "batch": b, "counted": c} for p, b, c in lines]}, by=by, entered=entered)
