"""332: morphine custody, unit traces broken and unbroken; SPECIAL-2P and CODE-FORMAT wording."""
import sys; sys.path.insert(0, __file__.rsplit('/', 1)[0])
from lib import *

PFX = "81002345000000"
def C(i): return f"{PFX}{i:06d}"

def build():
    L = Ledger("332"); master(L, narcotic=True)
    rows = []
    def X(rule, seq, why): rows.append((rule, seq, why))
    B = "MF2611001"; E = "2028-10-31"; BD = "DZ2611002"
    purchase(L, "2026-12-01 09:00", "CG20261201", NAT, [(P_MOR, 50)], by=("采购-李明",))
    receipt(L, "2026-12-02 10:00", "SH20261202", NAT, "CG20261201", "GK-DN-5501", [(P_MOR, B, E, 50, 50, "RCV", [C(i) for i in range(1, 51)])])
    put_away(L, "2026-12-02 10:40", "RK20261202", [(P_MOR, B, 30, "RCV", "SP-1", [C(i) for i in range(1, 31)]), (P_MOR, B, 20, "RCV", "SP-2", [C(i) for i in range(31, 51)])], by=("保管-赵磊", "保管-钱敏"))
    # diazepam (psychotropic2) from the manufacturer, coded
    purchase(L, "2026-12-01 09:30", "CG20261202", SUP1, [(P_DIAZ, 20), (P_AMOX, 100)])
    dz = [f"8190420100000000{i:04d}" for i in range(1, 21)]
    amox_codes = ["81904301000000000001", "8190430100000000002"]   # the second is 19 digits (scanner dropped one)
    rdz = receipt(L, "2026-12-03 10:00", "SH20261203", SUP1, "CG20261202", "NK-DN-7781",
        [(P_DIAZ, BD, E, 20, 20, "RCV", dz), (P_AMOX, "2611150111", E, 100, 100, "RCV", None)])
    # the amoxicillin line carries two scanned box codes, one malformed
    L.ev[-1]["data"]["lines"][1]["codes"] = amox_codes
    L.ev[-1]["data"]["lines"][1]["arrived"] = 100
    X("CODE-FORMAT", rdz, "amoxicillin line: 1 malformed code 8190430100000000002 (19 digits)")
    put_away(L, "2026-12-03 10:40", "RK20261203", [(P_DIAZ, BD, 20, "RCV", "SP-1", dz), (P_AMOX, "2611150111", 100, "RCV", "WH-A", None)], by=("保管-赵磊", "保管-钱敏"))
    # sale 1: 10 ampoules 1-10 to 第一人民医院
    def sell(t, doc, cust, q, codes_, frm, reviewers=("复核-刘洋", "复核-郭婷"), prod=P_MOR, batch=B):
        ln = [(prod, batch, E, q)]
        sale(L, t, doc, cust, ln)
        rv = review(L, T(t) + dt.timedelta(minutes=30), "FH" + doc[2:], doc, cust, ln, reviewers)
        d = dispatch(L, T(t) + dt.timedelta(minutes=60), "PS" + doc[2:], doc, cust, [(prod, batch, q, frm, codes_)])
        return rv, d
    import datetime as dt
    sell("2026-12-04 09:00", "XS20261204", H1, 10, [C(i) for i in range(1, 11)], "SP-1")
    sell("2026-12-05 09:00", "XS20261205", H3, 10, [C(i) for i in range(11, 21)], "SP-1")
    # sale to 第一人民医院 of 5: dispatched 'from SP-1', but the ledger put ...031-...035 in SP-2
    _, d3 = sell("2026-12-07 09:00", "XS20261207", H1, 5, [C(i) for i in range(31, 36)], "SP-1")
    X("SPECIAL-CHAIN", d3, "ampoules ...031-...035 leave SP-1, the ledger had them in SP-2")
    # sale to 第一人民医院 of 2 (...021, ...022) from SP-1
    sell("2026-12-08 09:00", "XS20261208", H1, 2, [C(21), C(22)], "SP-1")
    # lawful twin: 第一人民医院 returns ...003 (went to it), into RET, two acceptors; released to SP-1 and resold to 嘉兴二院
    L.add("customer_return", "2026-12-09 10:00", {"doc": "TH20261209", "customer": H1, "reason": "医院调剂多领，未开封",
          "lines": [{"product": P_MOR, "batch": B, "quantity": 1, "to": "RET", "codes": [C(3)]}]}, refs={"sale": ["XS20261204"]}, by=("验收-张伟", "验收-孙浩"))
    transfer(L, "2026-12-10 10:00", "YK20261210", "release", [(P_MOR, B, 1, "RET", "SP-1", [C(3)])], by=("质管-沈佳怡", "保管-赵磊"))
    sell("2026-12-11 09:00", "XS20261211", H3, 1, [C(3)], "SP-1")
    # 第一人民医院 'returns' ...013, which went to 嘉兴市第二医院 (returned by another party)
    r13 = L.add("customer_return", "2026-12-14 10:00", {"doc": "TH20261214", "customer": H1, "reason": "医院退回",
          "lines": [{"product": P_MOR, "batch": B, "quantity": 1, "to": "RET", "codes": [C(13)]}]}, refs={"sale": ["XS20261204"]}, by=("验收-张伟", "验收-孙浩"))
    X("CODE-UNKNOWN", r13, "...013 went to 嘉兴市第二医院, returned by 第一人民医院")
    # ...021 shipped again (cloned code) to 嘉兴市第二医院
    _, d21 = sell("2026-12-15 09:00", "XS20261215", H3, 1, [C(21)], "SP-1")
    X("CODE-DUP", d21, "...021 left on 12-08 to 第一人民医院, dispatched again")
    # 第一人民医院 'returns' ...025, which never left SP-1 (received while still held)
    r25 = L.add("customer_return", "2026-12-16 10:00", {"doc": "TH20261216", "customer": H1, "reason": "医院退回",
          "lines": [{"product": P_MOR, "batch": B, "quantity": 1, "to": "RET", "codes": [C(25)]}]}, refs={"sale": ["XS20261208"]}, by=("验收-张伟", "验收-孙浩"))
    X("CODE-DUP", r25, "...025 still in SP-1, received again")
    # diazepam sale reviewed by one person
    rv, _ = sell("2026-12-17 09:00", "XS20261217", H1, 4, dz[:4], "SP-1", reviewers=("复核-刘洋",), prod=P_DIAZ, batch=BD)
    X("SPECIAL-2P", rv, "地西泮片 batch DZ2611002 reviewed by 复核-刘洋 alone")
    # lawful: ...040 moved SP-2 -> SP-1 with its code, then shipped from SP-1
    transfer(L, "2026-12-18 10:00", "YK20261218", "relocation", [(P_MOR, B, 1, "SP-2", "SP-1", [C(40)])], by=("保管-赵磊", "保管-钱敏"))
    sell("2026-12-18 14:00", "XS20261218", H1, 1, [C(40)], "SP-1")
    trace = {"codes_break": [C(13), C(21), C(25), C(31)], "codes_ok": [C(5), C(3), C(40), C(45)],
             "batch_break": f"{P_MOR}:{B}"}
    return L, rows, trace

if __name__ == "__main__":
    L, rows, tr = build(); print(len(L.ev)); [print(r) for r in rows]; print(tr)
    L.write(sys.argv[1])
