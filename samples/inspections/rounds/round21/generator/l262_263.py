from lib21 import Ledger
from ops21 import *
from l256_258 import CONV, MB, MPD, MEXP, PB, PPD, PEXP

AB, ACB = "A2609114", "C2609207"
AEXP, CEXP = "2028-08-31", "2028-09-30"

def business(name, ndays, planted):
    L = Ledger(name)
    master(L, "2026-11-02 08:00", [A, S, M, H, H2, P], [AMX, CFX, PMZ], ["WH-A", "SP-1"])
    PCODES = codes(PMZ, 7001, 30)
    purchase(L, "2026-11-02 08:40", "CG2026110200001", S, [(AMX, 1500, 860), (CFX, 800, 1250)])
    purchase(L, "2026-11-02 08:50", "CG2026110200002", M, [(PMZ, 30, 3000)])
    receipt(L, "2026-11-02 14:00", "SH2026110200001", S, "CG2026110200001", "HKPS2026110200007",
            [rline(AMX, AB, "2026-09-11", AEXP, 1000, 1000), rline(CFX, ACB, "2026-09-20", CEXP, 800, 800)], acceptors=["验收-孙立"])
    put_away(L, "2026-11-02 15:00", "RK2026110200001", [mline(AMX, AB, 1000, "RCV", "WH-A"), mline(CFX, ACB, 800, "RCV", "WH-A")], "SH2026110200001")
    receipt(L, "2026-11-02 16:00", "SH2026110200002", M, "CG2026110200002", "FRPS20261101044",
            [rline(PMZ, PB, PPD, PEXP, 30, 30, codes=PCODES)])
    put_away(L, "2026-11-02 16:30", "RK2026110200002", [mline(PMZ, PB, 30, "RCV", "SP-1", PCODES)], "SH2026110200002")
    PI1, PI2 = "26332000000111020101", "26422000000111020102"
    invoice(L, "2026-11-02 17:00", PI1, "purchase", S, A, "2026-11-02", [(AMX, 1000, 860), (CFX, 800, 1250)], {"order": ["CG2026110200001"]})
    invoice(L, "2026-11-02 17:10", PI2, "purchase", M, A, "2026-11-02", [(PMZ, 30, 3000)], {"order": ["CG2026110200002"]})
    stock = {AMX: 1000, CFX: 800, PMZ: 30}
    pc = 0
    unpaid = []
    import datetime as dt
    for d in range(ndays):
        day = dt.date(2026, 11, 3) + dt.timedelta(days=d)
        if day.weekday() == 6:
            continue
        ds = day.strftime("%Y%m%d")
        k = 1
        plan = [(H, AMX, AB, AEXP, 40 + d % 3 * 5, 990), (H2, CFX, ACB, CEXP, 30 + d % 4 * 2, 1420), (P, AMX, AB, AEXP, 20 + d % 2 * 4, 1010)]
        if day.day in (5, 12):
            plan.append((H, PMZ, PB, PEXP, 3, 3600))
        for hh, (cust, p, b, e, q, u) in enumerate(plan):
            base = dt.datetime(day.year, day.month, day.day, 9 + hh, 0)
            t = lambda m: (base + dt.timedelta(minutes=m)).strftime("%Y-%m-%d %H:%M")
            doc = f"{ds}{k:05d}"; k += 1
            sale(L, t(0), "XS" + doc, cust, [(p, b, e, q, u)])
            ctl = p == PMZ
            revs = R2 if ctl else ["复核-林涛"]
            if ctl and planted and day.day == 12:
                revs = ["复核-林涛"]
                rv = review(L, t(20), "FH" + doc, cust, ["XS" + doc], [(p, b, e, q)], reviewers=revs)
                L.expect("SPECIAL-2P", rv, "outbound review of 3 盒 盐酸哌甲酯缓释片 (psychotropic1) signed by 复核-林涛 alone: 'Acceptance and outbound review of special-control drugs are signed by two different people'")
            else:
                review(L, t(20), "FH" + doc, cust, ["XS" + doc], [(p, b, e, q)], reviewers=revs)
            if ctl:
                line = oline(p, b, q, "SP-1", PCODES[pc:pc + q]); pc += q
            else:
                line = oline(p, b, q, "WH-A")
            dispatch(L, t(40), "PS" + doc, cust, ["XS" + doc], [line])
            stock[p] -= q
            inv = "2633200000021%s" % (ds[2:] + f"{k:01d}")
            inv = inv[:20].ljust(20, "0")
            invoice(L, t(50), inv, "sale", A, cust, day.isoformat(), [(p, q, u)], {"sale": ["XS" + doc], "delivery_note": ["PS" + doc]})
            unpaid.append((day, cust, inv, q * u))
        # customers pay invoices 6 days old
        for (dday, cust, inv, amt) in list(unpaid):
            if (day - dday).days >= 6:
                n = len(L.events)
                payment(L, f"{day.isoformat()} 16:{(n % 50):02d}", f"SK{ds}{n:04d}", "incoming", cust, A, amt, [inv])
                unpaid.remove((dday, cust, inv, amt))
        if day.day == 9 and ndays > 7:
            purchase(L, "2026-11-09 08:30", "CG2026110900001", S, [(AMX, 500, 860)])
            r = receipt(L, "2026-11-10 08:10", "SH2026111000001", S, "CG2026110900001", None if planted else "HKPS2026110900019",
                        [rline(AMX, AB, "2026-09-11", AEXP, 500, 500)], acceptors=["验收-孙立"])
            if planted:
                L.expect("REC-DOC", r, "second delivery of 阿莫西林胶囊 accepted without its 随货同行单: 'A receipt must reference a known purchase order from the same supplier and a delivery note'")
            put_away(L, "2026-11-10 08:40", "RK2026111000001", [mline(AMX, AB, 500, "RCV", "WH-A")], "SH2026111000001")
            invoice(L, "2026-11-10 08:50", "26332000000111100111", "purchase", S, A, "2026-11-10", [(AMX, 500, 860)], {"order": ["CG2026110900001"]})
            stock[AMX] += 500
        if day.day == 10:
            payment(L, "2026-11-10 17:30", "FK2026111000001", "outgoing", A, S, 1000 * 860 + 800 * 1250, [PI1])
            payment(L, "2026-11-10 17:40", "FK2026111000002", "outgoing", A, M, 30 * 3000, [PI2])
    last = dt.date(2026, 11, 3) + dt.timedelta(days=ndays - 1)
    count(L, f"{last.isoformat()} 18:00", "PD%s01" % last.strftime("%Y%m%d"), "WH-A", [(AMX, AB, stock[AMX]), (CFX, ACB, stock[CFX])])
    count(L, f"{last.isoformat()} 18:20", "PD%s02" % last.strftime("%Y%m%d"), "SP-1", [(PMZ, PB, stock[PMZ])])
    L.notes.append(CONV)
    L.notes.append("each working day: 阿莫西林 to 西溪医院 and 民生大药房, 头孢克肟 to 余杭二院, reviewed, dispatched, invoiced the same hour; customers pay 6 days later; 盐酸哌甲酯 to 西溪医院 (seal card) on 11-05 and 11-12 with codes and two reviewers; stock counted at the end equals the books (%s)" % stock)
    return L

def l262():
    L = business("262-a-fortnight-of-lawful-business-two-planted-receipt-without-delivery-note-psychotropic-review-by-one-person", 13, True)
    return L, ["262 VIOLATION: a realistic fortnight (2026-11-02 .. 11-15) of lawful business with exactly two planted violations of two families (documents: REC-DOC; special control: SPECIAL-2P); everything else must stay quiet; open items (UNPAID / UNINVOICED not yet due) are pending, not findings"]

def l263():
    L = business("263-lawful-week-for-tamper-evidence-probes-verify-checkpoint-prove", 4, False)
    return L, ["263 LEGITIMATE: four days of lawful business, quiet; used by probes/tamper.sh for verify, checkpoint, prove and verify-proof on tampered copies"]
