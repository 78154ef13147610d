"""330: a lawful December (300+ events) full of DOC-DUP traps: quiet."""
import sys; sys.path.insert(0, __file__.rsplit('/', 1)[0])
from lib import *
import datetime as dt

def build():
    L = Ledger("330"); master(L)
    stock = {}
    def mv(p, b, loc, q): stock[(p, b, loc)] = stock.get((p, b, loc), 0) + q
    # purchases: ERP uses the order number for receipt and put-away too (一单到底)
    B_A, B_I, B_D1, B_D2, B_A2 = "2611150111", "2611150128", "2611200157", "2611200158", "2612100111"
    E = "2028-10-31"
    purchase(L, "2026-12-01 09:00", "CG20261201", SUP1, [(P_AMOX, 3000), (P_IBU, 2000)])
    purchase(L, "2026-12-01 09:10", "CG20261202", SUP2, [(P_DS, 1500)])
    receipt(L, "2026-12-02 10:00", "CG20261201", SUP1, "CG20261201", "NK-PS-88001", [(P_AMOX, B_A, E, 3000, 3000, "RCV", None), (P_IBU, B_I, E, 2000, 2000, "RCV", None)])
    put_away(L, "2026-12-02 11:00", "CG20261201", [(P_AMOX, B_A, 3000, "RCV", "WH-A", None), (P_IBU, B_I, 2000, "RCV", "WH-A", None)], refs={"order": ["CG20261201"], "receipt": ["CG20261201"]})
    mv(P_AMOX, B_A, "WH-A", 3000); mv(P_IBU, B_I, "WH-A", 2000)
    # partial deliveries from 天士力: two receipts of one order
    receipt(L, "2026-12-03 14:00", "CG20261202-1", SUP2, "CG20261202", "TSL-DN-7001", [(P_DS, B_D1, E, 750, 750, "RCV", None)])
    put_away(L, "2026-12-03 15:00", "CG20261202-1", [(P_DS, B_D1, 750, "RCV", "WH-B", None)], refs={"order": ["CG20261202"], "receipt": ["CG20261202-1"]})
    mv(P_DS, B_D1, "WH-B", 750)
    # paper VAT invoices (增值税专用发票, 8-digit 发票号码) from two different issuers, same number
    invoice(L, "2026-12-03 16:00", "00031207", "purchase", SUP1, SELF, [(P_AMOX, 3000), (P_IBU, 2000)], {"order": ["CG20261201"]})
    receipt(L, "2026-12-06 14:00", "CG20261202-2", SUP2, "CG20261202", "TSL-DN-7002", [(P_DS, B_D2, E, 750, 750, "RCV", None)])
    put_away(L, "2026-12-06 15:00", "CG20261202-2", [(P_DS, B_D2, 750, "RCV", "WH-B", None)], refs={"order": ["CG20261202"], "receipt": ["CG20261202-2"]})
    mv(P_DS, B_D2, "WH-B", 750)
    invoice(L, "2026-12-07 10:00", "00031207", "purchase", SUP2, SELF, [(P_DS, 1500)], {"order": ["CG20261202"]})
    # outgoing payments: 付款单 sequence 0001.. (no prefix); incoming 收款单 its own sequence 0001..
    out_no = [0]
    def pay_out(t, payee, acc, amt, invs):
        out_no[0] += 1; return payment(L, t, f"{out_no[0]:04d}", "outgoing", SELF, payee, ACC_SELF, acc, amt, invs)
    inc_no = [0]
    def pay_in(t, payer, acc, amt, invs):
        inc_no[0] += 1; return payment(L, t, f"{inc_no[0]:04d}", "incoming", payer, SELF, acc, ACC_SELF, amt, invs)
    # supplier 1 paid in two instalments, supplier 2 in one
    tot1 = 3000 * 860 + 2000 * 1200
    pay_out("2026-12-08 10:00", SUP1, ACC_SUP1, tot1 // 2, ["00031207"])
    pay_out("2026-12-09 10:00", SUP2, ACC_SUP2, 1500 * 2500, ["00031207"])
    # second amoxicillin purchase mid-month, received and put away
    purchase(L, "2026-12-09 09:00", "CG20261203", SUP1, [(P_AMOX, 2000)])
    receipt(L, "2026-12-10 10:00", "CG20261203", SUP1, "CG20261203", "NK-PS-88045", [(P_AMOX, B_A2, E, 2000, 2000, "RCV", None)])
    put_away(L, "2026-12-10 11:00", "CG20261203", [(P_AMOX, B_A2, 2000, "RCV", "WH-A", None)], refs={"order": ["CG20261203"], "receipt": ["CG20261203"]})
    mv(P_AMOX, B_A2, "WH-A", 2000)
    inv3, tot3 = invoice(L, "2026-12-10 15:00", "26332000000188000301", "purchase", SUP1, SELF, [(P_AMOX, 2000)], {"order": ["CG20261203"]})
    # sales: 66 sales over the month
    custs = [H1, H2, RC]
    sales = []
    inv_no = [0]
    day = dt.date(2026, 12, 4)
    k = 0
    pend_in = []  # (due_time, payer, acc, amount, [invoice])
    first_half_paid = False
    while day <= dt.date(2026, 12, 29):
        for slot in range(3):
            k += 1
            c = custs[(k + slot) % 3]
            q1 = 10 + (k * 7) % 31; q2 = 5 + (k * 3) % 17
            lines = [(P_AMOX, B_A, E, q1)]
            if k % 2 == 0: lines.append((P_IBU, B_I, E, q2))
            if k % 5 == 0: lines.append((P_DS, B_D1 if stock.get((P_DS, B_D1, "WH-B"), 0) >= 40 else B_D2, E, 8))
            t0 = dt.datetime.combine(day, dt.time(9 + slot * 2, 0), TZ)
            doc = f"XS{day:%Y%m%d}{slot+1:02d}"
            sale(L, t0, doc, c, lines)
            review(L, t0 + dt.timedelta(minutes=40), doc, doc, c, lines)       # review under the sale's number
            # route sheets (线路配送单) on 10-12 Dec: one route number for several customers' stops
            ddoc = f"LX{day:%m%d}-01" if day.day in (10, 11, 12) else doc
            dispatch(L, t0 + dt.timedelta(minutes=70), ddoc, doc, c, [(p, b, q, "WH-B" if p == P_DS else "WH-A", None) for p, b, e, q in lines])
            for p, b, e, q in lines: mv(p, b, "WH-B" if p == P_DS else "WH-A", -q)
            inv_no[0] += 1
            idoc = f"263320000001990{inv_no[0]:05d}"
            _, tot = invoice(L, t0 + dt.timedelta(minutes=120), idoc, "sale", SELF, c, [(p, q) for p, b, e, q in lines], {"sale": [doc]})
            sales.append((doc, c, lines, idoc, tot, t0))
            acc = {H1: ACC_H1, H2: ACC_H2, RC: ACC_RC}[c]
            if c == H1 and k % 4 == 1:
                # 杭州市第一人民医院 pays some invoices in three instalments
                a = tot // 3
                pend_in += [(t0 + dt.timedelta(days=1, hours=1), c, acc, a, [idoc]), (t0 + dt.timedelta(days=2, hours=1), c, acc, a, [idoc]), (t0 + dt.timedelta(days=3, hours=1), c, acc, tot - 2 * a, [idoc])]
            else:
                pend_in.append((t0 + dt.timedelta(days=2, hours=2), c, acc, tot, [idoc]))
        # flush incoming payments due up to the end of this day, in time order
        end = dt.datetime.combine(day, dt.time(23, 59), TZ)
        due = sorted([x for x in pend_in if x[0] <= end], key=lambda x: x[0])
        pend_in = [x for x in pend_in if x[0] > end]
        for d, c, acc, a, invs in due: pay_in(d, c, acc, a, invs)
        if day == dt.date(2026, 12, 14):
            pay_out("2026-12-14 16:00", SUP1, ACC_SUP1, tot1 - tot1 // 2, ["00031207"])
            pay_out("2026-12-14 16:10", SUP1, ACC_SUP1, tot3, [L.ev[inv3 - 1]["data"]["doc"]])
        if day == dt.date(2026, 12, 16):
            # 西溪医院 returns 5 boxes (医院多订); back to RET, re-accepted and released; red-letter invoice; refund
            s = next(x for x in sales if x[1] == H2 and x[2][0][3] >= 5)
            doc, c, lines, idoc, tot, t0 = s
            L.add("customer_return", "2026-12-16 15:00", {"doc": "TH20261216", "customer": H2, "reason": "医院多订，包装完好",
                  "lines": [{"product": P_AMOX, "batch": B_A, "quantity": 5, "to": "RET"}]}, refs={"sale": [doc]}, by=("销售-陈静", "验收-张伟"))
            transfer(L, "2026-12-17 10:00", "YK20261217", "release", [(P_AMOX, B_A, 5, "RET", "WH-A", None)])
            mv(P_AMOX, B_A, "WH-A", 5)
            invoice(L, "2026-12-17 11:00", "26332000000199100001", "sale", SELF, H2, [(P_AMOX, 5)], {"sale": [doc]}, credit_for=idoc)
            # refund: next number of the 付款单 sequence; the ERP's 收款单 sequence has the same number from the same hospital
            # (checked below: the collision is the point of this trap)
            refund_no = out_no[0] + 1
            out_no[0] = refund_no
            payment(L, "2026-12-17 14:00", f"{refund_no:04d}", "outgoing", SELF, H2, ACC_SELF, ACC_H2, 5 * PRICE[P_AMOX][1], ["26332000000199100001"])
            L.refund_doc = f"{refund_no:04d}"
        day += dt.timedelta(days=1)
    for d, c, acc, a, invs in sorted(pend_in, key=lambda x: x[0]): pay_in(d, c, acc, a, invs)
    # month-end counts: one count sheet number for the two warehouses (location differs)
    for loc in ("WH-A", "WH-B"):
        lines = [{"product": p, "batch": b, "counted": q} for (p, b, l), q in sorted(stock.items()) if l == loc and q > 0]
        L.add("stock_count", "2026-12-31 17:00", {"doc": "PD20261231", "location": loc, "lines": lines}, by=("保管-赵磊", "质管-沈佳怡"))
    # sort by occurred_at (payments were flushed per day; keep a stable order)
    L.ev.sort(key=lambda e: T(e["occurred_at"][:19].replace("T", " ")))
    # re-derive ids so that they increase in file order (entered_at may tie; ids only need uniqueness)
    return L

if __name__ == "__main__":
    L = build()
    # check the refund's number collides with an incoming payment from 西溪医院
    inc = {e["data"]["doc"]: e["data"]["payer"] for e in L.ev if e["kind"] == "payment" and e["data"]["direction"] == "incoming"}
    print("events", len(L.ev), "refund doc", L.refund_doc, "incoming with that number from", inc.get(L.refund_doc))
    L.write(sys.argv[1])
