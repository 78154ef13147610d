"""Business flows on top of lib.Ledger: buy, sell, return, and settle every document."""
import datetime as dt
from lib import *

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


class Biz:
    def __init__(self, L, accounts):
        self.L = L
        self.acc = accounts          # party -> account number
        self.addr = {}               # party -> licensed address
        self.open = []               # [invoice doc, direction, party, total]
        self.credits = {}            # invoice doc -> credited amount
        self.sale_inv = {}           # sale doc -> (invoice doc, unit price)
        self.order_inv = {}
        self.codes = {}              # (product, batch) -> list of codes in stock (special control)

    def buy(self, t, supplier, product, batch, expiry, arrived, accepted, price, put_to="WH-A", loc="RCV",
            invoice=True, codes=None, acceptors=("验收-孙浩",), order_qty=None):
        L = self.L
        order, po = L.purchase(t, supplier, [(product, order_qty or arrived, price)])
        rdoc, rec = L.receipt(t + 24 * H, supplier, order, [(product, batch, expiry, arrived, accepted, loc, codes)],
                              acceptors=acceptors)
        pa = None
        if put_to and accepted:
            pa = L.move("put_away", t + 25 * H, [(product, batch, accepted, loc, put_to, codes)],
                        refs={"order": [order], "receipt": [rdoc]})
        inv = None
        if invoice and accepted:
            inv, _ = L.invoice(t + 26 * H, "purchase", supplier, [(product, accepted, price)], {"order": [order]})
            self.open.append([inv, "purchase", supplier, accepted * price])
            self.order_inv[order] = (inv, price)
        return dict(order=order, po=po, receipt=rdoc, rec=rec, put=pa, inv=inv)

    def sell(self, t, customer, product, batch, expiry, qty, price, frm="WH-A", invoice=True, codes=None,
             reviewers=("复核-郭婷",), inv_at=None, inv_issued=None, inv_doc=None):
        L = self.L
        lines = [(product, batch, expiry, qty, price)]
        sale, srec = L.sale(t, customer, lines)
        rv = L.review(t + 20 * M, sale, customer, lines, reviewers=reviewers)
        dn, drec = L.dispatch(t + 40 * M, sale, customer, lines, self.addr.get(customer, "地址"), frm=frm,
                              codes=[codes] if codes else None)
        inv = irec = None
        if invoice:
            inv, irec = L.invoice(inv_at or t + 2 * H, "sale", customer, [(product, qty, price)],
                                  {"sale": [sale], "delivery_note": [dn]}, issued_on=inv_issued, doc=inv_doc)
            self.open.append([inv, "sale", customer, qty * price])
            self.sale_inv[sale] = (inv, price)
        return dict(sale=sale, srec=srec, review=rv, dispatch=dn, drec=drec, inv=inv, irec=irec)

    def ret(self, t, s, customer, product, batch, qty, to, credit=True, codes=None):
        L = self.L
        doc, rec = L.cust_return(t, s["sale"], customer, [(product, batch, qty, to, codes)])
        if credit:
            inv, price = self.sale_inv[s["sale"]]
            cn, _ = L.invoice(t + 2 * H, "sale", customer, [(product, qty, price)], {"sale": [s["sale"]]}, credit_for=inv)
            self.credits[inv] = self.credits.get(inv, 0) + qty * price
        return doc, rec

    def settle(self, t, skip=()):
        """pay every open invoice booked before t, net of its credit notes, 10 minutes apart"""
        if not hasattr(self, "settled"):
            self.settled = set()
        i = 0
        for inv, d, party, tot in self.open:
            if inv in skip or inv in self.settled or self.L.invoices[inv]["rec"][0] >= t:
                continue
            self.settled.add(inv)
            net = tot - self.credits.get(inv, 0)
            if net > 0:
                self.L.pay(t + i * 10 * M, [inv], net, "incoming" if d == "sale" else "outgoing", party, self.acc[party])
                i += 1
