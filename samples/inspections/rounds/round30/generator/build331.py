"""331: DOC-DUP plants (documents recorded twice) beside lawful twins, and sale/order numbers reset each year."""
import sys; sys.path.insert(0, __file__.rsplit('/', 1)[0])
from lib import *

def build():
    L = Ledger("331"); master(L, t="2025-12-30 09:00")
    exp = {}  # rule -> list of seqs
    def X(rule, seq, why): exp.setdefault("rows", []).append((rule, seq, why))
    E = "2028-10-31"
    # ---- January 2026: the ERP numbers documents from 0001 each year (年度流水号) ----
    purchase(L, "2026-01-05 09:00", "CG-0001", SUP1, [(P_AMOX, 500)])
    receipt(L, "2026-01-06 10:00", "SH-0001", SUP1, "CG-0001", "NK-DN-26001", [(P_AMOX, "2512010111", E, 500, 500, "RCV", None)])
    put_away(L, "2026-01-06 11:00", "SH-0001", [(P_AMOX, "2512010111", 500, "RCV", "WH-A", None)], refs={"receipt": ["SH-0001"]})
    invoice(L, "2026-01-06 15:00", "26332000000100000011", "purchase", SUP1, SELF, [(P_AMOX, 500)], {"order": ["CG-0001"]})
    payment(L, "2026-01-10 10:00", "FK-0001", "outgoing", SELF, SUP1, ACC_SELF, ACC_SUP1, 500 * 860, ["26332000000100000011"])
    ln = [(P_AMOX, "2512010111", E, 500)]
    sale(L, "2026-01-08 09:00", "XS-0001", H1, ln); review(L, "2026-01-08 09:40", "FH-0001", "XS-0001", H1, ln)
    dispatch(L, "2026-01-08 10:30", "PS-0001", "XS-0001", H1, [(P_AMOX, "2512010111", 500, "WH-A", None)])
    invoice(L, "2026-01-08 15:00", "26332000000100000021", "sale", SELF, H1, [(P_AMOX, 500)], {"sale": ["XS-0001"]})
    payment(L, "2026-01-20 10:00", "SK-0001", "incoming", H1, SELF, ACC_H1, ACC_SELF, 500 * 1050, ["26332000000100000021"])
    L.add("stock_count", "2026-01-31 17:00", {"doc": "PD-0001", "location": "WH-A", "lines": [{"product": P_AMOX, "batch": "2512010111", "counted": 0}]}, by=("保管-赵磊", "质管-沈佳怡"))
    # ---- December 2026 / January 2027 ----
    B1, B2 = "2611150111", "2611150128"
    purchase(L, "2026-12-28 09:00", "CG20261228", SUP1, [(P_AMOX, 1000), (P_IBU, 400)])
    purchase(L, "2026-12-28 09:10", "CG20261229", SUP2, [(P_DS, 200)])
    # twin T1: receipt and put-away under the same number (docs/import.md: 'a receipt and its put-away')
    r1 = receipt(L, "2026-12-29 10:20", "SH20261229", SUP1, "CG20261228", "NK-DN-99012", [(P_AMOX, B1, E, 1000, 1000, "RCV", None), (P_IBU, B2, E, 400, 400, "RCV", None)])
    # PLANT P1: the same receipt re-imported after its time was corrected in the ERP (10:20 -> 10:21): new id, same document
    r1b = receipt(L, "2026-12-29 10:21", "SH20261229", SUP1, "CG20261228", "NK-DN-99012", [(P_AMOX, B1, E, 1000, 1000, "RCV", None), (P_IBU, B2, E, 400, 400, "RCV", None)], )
    L.ev[-1]["entered_at"] = "2026-12-30T09:00:00+08:00"
    X("DOC-DUP", r1b, "receipt SH20261229 from 宁康 recorded again under another id (time corrected 10:20->10:21), first record %d" % r1)
    X("REC-DOC", r1b, "cumulative arrivals 2000 > 1000 ordered (the copy counts as a second delivery)")
    pa = put_away(L, "2026-12-29 11:00", "SH20261229", [(P_AMOX, B1, 1000, "RCV", "WH-A", None), (P_IBU, B2, 400, "RCV", "WH-A", None)], refs={"receipt": ["SH20261229"]})
    rs = receipt(L, "2026-12-29 14:00", "SH20261229-2", SUP2, "CG20261229", "TSL-DN-1", [(P_DS, "2611200157", E, 200, 200, "RCV", None)])
    pa2 = put_away(L, "2026-12-29 15:00", "RK20261229-2", [(P_DS, "2611200157", 120, "RCV", "WH-B", None)], refs={"receipt": ["SH20261229-2"]})
    # PLANT P6: the put-away of the rest re-sent by the WMS under the first put-away's number: 80 more boxes... no:
    # the same put-away document (same number, same lines) stored twice
    pa2b = put_away(L, "2026-12-29 15:00:30", "RK20261229-2", [(P_DS, "2611200157", 120, "RCV", "WH-B", None)], refs={"receipt": ["SH20261229-2"]})
    X("DOC-DUP", pa2b, "put-away RK20261229-2 stored twice (WMS re-send under a new id), first record %d" % pa2)
    X("ACC-GATE", pa2b, "second copy takes 120 more from RCV where only 200 passed acceptance: 240 > 200")
    X("STOCK-NEG", pa2b, "RCV holds 80 of the batch before the copy takes 120")
    # twin T2: invoices with the same 8-digit paper number from two issuers
    invoice(L, "2026-12-29 16:00", "00031207", "purchase", SUP1, SELF, [(P_AMOX, 1000), (P_IBU, 400)], {"order": ["CG20261228"]})
    invoice(L, "2026-12-29 16:10", "00031207", "purchase", SUP2, SELF, [(P_DS, 200)], {"order": ["CG20261229"]})
    payment(L, "2026-12-30 10:00", "FK20261230-1", "outgoing", SELF, SUP1, ACC_SELF, ACC_SUP1, 1000 * 860 + 400 * 1200, ["00031207"])
    payment(L, "2026-12-30 10:05", "FK20261230-2", "outgoing", SELF, SUP2, ACC_SELF, ACC_SUP2, 200 * 2500, ["00031207"])
    # ---- January 2027: year-reset numbers again (CG-0001, XS-0001, PD-0001 ...) for the same partners ----
    purchase(L, "2027-01-04 09:00", "CG-0001", SUP1, [(P_AMOX, 300)])
    receipt(L, "2027-01-05 10:00", "SH-0001", SUP1, "CG-0001", "NK-DN-27001", [(P_AMOX, "2612010111", E, 300, 300, "RCV", None)])
    put_away(L, "2027-01-05 11:00", "SH-0001", [(P_AMOX, "2612010111", 300, "RCV", "WH-A", None)], refs={"receipt": ["SH-0001"]})
    invoice(L, "2027-01-05 15:00", "26332000000100000311", "purchase", SUP1, SELF, [(P_AMOX, 300)], {"order": ["CG-0001"]})
    payment(L, "2027-01-06 10:00", "FK-0001", "outgoing", SELF, SUP1, ACC_SELF, ACC_SUP1, 300 * 860, ["26332000000100000311"])
    # twin T4: sale, review and dispatch under one number; XS-0001 again for 第一人民医院 (last year's XS-0001 too)
    ln = [(P_AMOX, B1, E, 100), (P_IBU, B2, E, 50)]
    sale(L, "2027-01-05 09:00", "XS-0001", H1, ln); review(L, "2027-01-05 09:40", "XS-0001", "XS-0001", H1, ln)
    d1 = dispatch(L, "2027-01-05 10:30", "XS-0001", "XS-0001", H1, [(P_AMOX, B1, 100, "WH-A", None), (P_IBU, B2, 50, "WH-A", None)])
    i1, t1 = invoice(L, "2027-01-05 15:00", "26332000000100000321", "sale", SELF, H1, [(P_AMOX, 100), (P_IBU, 50)], {"sale": ["XS-0001"]})
    ln2 = [(P_AMOX, B1, E, 80)]
    sale(L, "2027-01-05 09:30", "XS-0002", H2, ln2); review(L, "2027-01-05 10:10", "XS-0002", "XS-0002", H2, ln2)
    d2 = dispatch(L, "2027-01-05 11:00", "XS-0002", "XS-0002", H2, [(P_AMOX, B1, 80, "WH-A", None)])
    # PLANT P5: the dispatch re-sent by the WMS under another id
    d2b = dispatch(L, "2027-01-05 11:00:20", "XS-0002", "XS-0002", H2, [(P_AMOX, B1, 80, "WH-A", None)])
    X("DOC-DUP", d2b, "dispatch XS-0002 to 西溪医院 stored twice, first record %d" % d2)
    X("OUT-REV", d2b, "160 dispatched on XS-0002, 80 reviewed fit")
    i2, t2 = invoice(L, "2027-01-05 15:10", "26332000000100000322", "sale", SELF, H2, [(P_AMOX, 80)], {"sale": ["XS-0002"]})
    # PLANT P3: the sales invoice to 西溪医院 recorded twice (finance re-import)
    i2b, _ = invoice(L, "2027-01-05 15:10:40", "26332000000100000322", "sale", SELF, H2, [(P_AMOX, 80)], {"sale": ["XS-0002"]})
    X("DOC-DUP", i2b, "sales invoice ...322 (us -> 西溪医院) stored twice, first record %d" % i2)
    # twin T3: two hospitals' payments carry the same bank voucher number (different banks)
    payment(L, "2027-01-07 10:00", "HD20270107001", "incoming", H1, SELF, ACC_H1, ACC_SELF, t1 // 2, ["26332000000100000321"])
    payment(L, "2027-01-07 10:30", "HD20270107001", "incoming", H2, SELF, ACC_H2, ACC_SELF, t2, ["26332000000100000322"])
    # instalment 2 of 第一人民医院 (another voucher)
    p1 = payment(L, "2027-01-08 10:00", "HD20270108007", "incoming", H1, SELF, ACC_H1, ACC_SELF, t1 - t1 // 2, ["26332000000100000321"])
    # PLANT P2: the bank interface re-sends 第一人民医院's second instalment under a new id
    p1b = payment(L, "2027-01-08 10:00:05", "HD20270108007", "incoming", H1, SELF, ACC_H1, ACC_SELF, t1 - t1 // 2, ["26332000000100000321"])
    X("DOC-DUP", p1b, "incoming payment HD20270108007 from 第一人民医院 stored twice, first record %d" % p1)
    # twin T5 / PLANT P4: one count sheet for two locations; the WH-A sheet stored twice
    c1 = L.add("stock_count", "2027-01-08 17:00", {"doc": "PD-0001", "location": "WH-A", "lines": [
        {"product": P_AMOX, "batch": B1, "counted": 820}, {"product": P_AMOX, "batch": "2612010111", "counted": 300}, {"product": P_IBU, "batch": B2, "counted": 350}]}, by=("保管-赵磊", "质管-沈佳怡"))
    L.add("stock_count", "2027-01-08 17:00:10", {"doc": "PD-0001", "location": "WH-B", "lines": [
        {"product": P_DS, "batch": "2611200157", "counted": 120}]}, by=("保管-赵磊", "质管-沈佳怡"))
    X("STOCK-COUNT", len(L.ev), "WH-B: books 240 (put-away stored twice), 120 on the shelf")
    X("STOCK-COUNT", c1, "WH-A: books 740 of 2611150111 (dispatch stored twice), 820 on the shelf")
    c1b = L.add("stock_count", "2027-01-08 17:00:30", {"doc": "PD-0001", "location": "WH-A", "lines": [
        {"product": P_AMOX, "batch": B1, "counted": 820}, {"product": P_AMOX, "batch": "2612010111", "counted": 300}, {"product": P_IBU, "batch": B2, "counted": 350}]}, by=("保管-赵磊", "质管-沈佳怡"))
    X("STOCK-COUNT", c1b, "WH-A again: books 740, counted 820")
    X("DOC-DUP", c1b, "count sheet PD-0001 of WH-A stored twice, first record %d" % c1)
    return L, exp["rows"]

if __name__ == "__main__":
    L, rows = build(); print(len(L.ev)); [print(r) for r in rows]
    L.write(sys.argv[1])
