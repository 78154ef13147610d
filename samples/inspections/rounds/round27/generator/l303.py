import random
from biz import *

M1 = "91330100143958271W"; M1A = "62248461562941922"
M4 = "91330500MA2B7T6K5P"; M4A = "33001616835050001111"
CUS = [("123300004700891235", "杭州市仁和医院", "medical_institution", "medical_institution", True),
       ("12330100470067138G", "杭州市西溪医院", "medical_institution", "medical_institution", True),
       ("91330105MA2CL5E47K", "杭州康宁大药房连锁有限公司", "retail_chain", "drug_retail", False),
       ("52330106MA2J8N0C1R", "杭州之江社区卫生服务中心", "medical_institution", "medical_institution", False),
       ("91330108MA2KX0T95E", "杭州滨江华东大药房有限公司", "retail_chain", "drug_retail", False)]
ACC = {c[0]: "6222" + str(10 ** 14 + i * 7919) for i, c in enumerate(CUS)}
ACC.update({M1: M1A, M4: M4A})
PRODS = [(gtin("6901234500001"), "阿莫西林胶囊", "chemical", M1, 860, 1200),
         (gtin("6901234500002"), "布洛芬缓释胶囊", "chemical", M1, 650, 900),
         (gtin("6901234500041"), "盐酸二甲双胍片", "chemical", M1, 1230, 1580),
         (gtin("6901234500042"), "苯磺酸氨氯地平片", "chemical", M4, 2100, 2650),
         (gtin("6901234500043"), "连花清瘟胶囊", "tcm_patent", M4, 1150, 1480),
         (gtin("6901234500044"), "复方丹参滴丸", "tcm_patent", M4, 2490, 2990)]
PD = gtin("6901234500011")
H1 = CUS[0][0]
TWO = ("验收-孙浩", "质管-陆文清")
TWOR = ("复核-郭婷", "质管-陆文清")


def build():
    L = Ledger(303, "a-lawful-busy-november-five-customers-six-products-psychotropic-codes-zone-every-10-min-two-plants-dispatch-at-beijing-midnight-after-expiry-and-one-reviewer",
               "VIOLATION (two plants in a lawful month): November 2026 of a busy wholesaler: replenishment from two manufacturers, three sales a day to five customers invoiced the same day and paid within a week, a psychotropic sold twice a week with codes and two people, WH-A read every 10 minutes; plants: a dispatch at 00:00 Beijing the day after its batch's expiry (written in UTC), and a psychotropic outbound review signed by one person")
    rnd = random.Random(303)
    B = Biz(L, ACC)
    t0 = T("2026-11-01 08:00")
    L.self_party(t0)
    L.party(t0, M1, "杭州宁康制药有限公司", "manufacturer", "supplier", "drug_manufacturing", ["chemical", "psychotropic2"], [M1A])
    L.party(t0, M4, "湖州仁和制药有限公司", "manufacturer", "supplier", "drug_manufacturing", ["chemical", "tcm_patent"], [M4A])
    for pid, name, kind, lk, pub in CUS:
        scope = ["chemical", "tcm_patent"] + (["psychotropic2"] if pid == H1 else [])
        L.party(t0, pid, name, kind, "customer", lk, scope, [ACC[pid]], public=pub)
        B.addr[pid] = f"浙江省杭州市{name}路 1 号"
    for code, name, cat, _, _, _ in PRODS:
        L.product(t0, code, name, category=cat)
    L.product(t0, PD, "地西泮片", category="psychotropic2", control="psychotropic2", spec="2.5mg×20片/盒")
    L.zone(t0, "WH-A", "ambient", ["TH-A01"])
    L.notes += ["all suppliers are manufacturers (TWO-INVOICE quiet for the public hospitals); every batch expires 2028 except the plant's; every receipt put away whole into WH-A (ambient zone) or SP-1 (the psychotropic's locked store, not a zone)",
                "every sale reviewed, shipped, invoiced the same day and paid 2-6 days later (at the latest 11-30 18:00); purchase invoices the day after the receipt, paid 5 days later: nothing due or pending at the end (last event 12-01 00:00:30)",
                "WH-A readings every 10 minutes from 11-01 00:00 to 11-30 23:50, 18.0-24.0 °C at random (seed 303), uploaded every 4 hours 30 s after the block: no gap, flat run, copy, backfill or future reading",
                "地西泮片 sold to 仁和医院 only, 10 boxes each Tuesday and Friday (SOM quiet: steady size and frequency, no peers)"]

    stock = {p[0]: [] for p in PRODS}
    stock[PD] = []
    bn = [0]

    def replenish(t, prod, sup, price, qty, expiry="2028-06-30", codes_=None):
        bn[0] += 1
        batch = f"N26{bn[0]:04d}"
        cs = [f"81011{bn[0]:05d}{i:010d}" for i in range(1, qty + 1)] if codes_ else None
        B.buy(t, sup, prod, batch, expiry, qty, qty, price, put_to="SP-1" if cs else "WH-A", codes=cs,
              acceptors=TWO if cs else ("验收-孙浩",))
        stock[prod].append([batch, expiry, qty, cs])
        return batch

    # opening stock (received 11-02 .. 11-03)
    for i, (code, name, cat, sup, buy, sell) in enumerate(PRODS):
        replenish(T("2026-11-01 09:00") + i * 10 * M, code, sup, buy, 300)
    replenish(T("2026-11-01 10:30"), PD, M1, 1500, 60, codes_=True)
    # the plant's batch: 布洛芬 expiring 2026-11-20, 10 boxes, kept aside until the 11-20 order
    bn[0] += 1
    xb = f"N26{bn[0]:04d}"
    B.buy(T("2026-11-02 09:00"), M1, PRODS[1][0], xb, "2026-11-20", 10, 10, 650)

    pay_cap = T("2026-11-30 18:00")
    day = T("2026-11-03 08:30")
    while day < T("2026-11-30 08:00"):
        wd = day.weekday()
        if wd < 6:
            # replenish Mondays and Thursdays
            if wd in (0, 3):
                for i, (code, name, cat, sup, buy, sell) in enumerate(PRODS):
                    if sum(b[2] for b in stock[code]) < 150:
                        replenish(day + i * 5 * M, code, sup, buy, 200)
                if sum(b[2] for b in stock[PD]) < 30:
                    replenish(day + 40 * M, PD, M1, 1500, 40, codes_=True)
            for k in range(3):
                t = day + (2 + k) * H + rnd.randrange(0, 30) * M
                code, name, cat, sup, buy, sell = PRODS[rnd.randrange(len(PRODS))]
                cust = CUS[rnd.randrange(len(CUS))][0]
                q = rnd.randrange(5, 31)
                lot = next(b for b in stock[code] if b[2] > 0)
                q = min(q, lot[2])
                lot[2] -= q
                s = B.sell(t, cust, code, lot[0], lot[1], q, sell)
                pt = min(t + rnd.randrange(2, 7) * 24 * H, pay_cap)
                L.pay(pt, [s["inv"]], q * sell, "incoming", cust, ACC[cust])
            if wd in (1, 4):
                t = day + 6 * H
                lot = next(b for b in stock[PD] if b[2] > 0)
                q = min(10, lot[2])
                cs = lot[3][:q]; lot[3] = lot[3][q:]; lot[2] -= q
                plant = day.date() == T("2026-11-17 00:00").date()
                s = B.sell(t, H1, PD, lot[0], lot[1], q, 2000, frm="SP-1", codes=cs,
                           reviewers=("复核-郭婷",) if plant else TWOR)
                if plant:
                    L.expect(s["review"], "SPECIAL-2P", "outbound review of 地西泮片 (psychotropic2) signed by 复核-郭婷 alone")
                L.pay(min(t + 3 * 24 * H, pay_cap), [s["inv"]], q * 2000, "incoming", H1, ACC[H1])
        day += 24 * H

    # plant 1: the expiring batch ordered and reviewed on its expiry day, dispatched at 00:00 of 11-21 Beijing (16:00Z on 11-20)
    cust = CUS[3][0]
    lines = [(PRODS[1][0], xb, "2026-11-20", 4, 900)]
    s, _ = L.sale(T("2026-11-20 22:00"), cust, lines)
    L.review(T("2026-11-20 22:30"), s, cust, lines)
    dn, dr = L.dispatch(T("2026-11-21 00:00:00"), s, cust, lines, B.addr[cust])
    dr[2]["occurred_at"] = "2026-11-20T16:00:00Z"; dr[2]["entered_at"] = "2026-11-20T16:05:00Z"
    L.expect(dr, "EXPIRED", "batch expiring 2026-11-20 dispatched at 2026-11-20T16:00:00Z = 00:00 of 11-21 Beijing; sale and review on the expiry day are lawful; no EXPIRED-NEAR (after, not before, its expiry: ledger 90's note)")
    inv, _ = L.invoice(T("2026-11-21 09:00"), "sale", cust, [(PRODS[1][0], 4, 900)], {"sale": [s], "delivery_note": [dn]})
    L.pay(T("2026-11-24 10:00"), [inv], 3600, "incoming", cust, ACC[cust])
    L.move("transfer", T("2026-11-21 09:30"), [(PRODS[1][0], xb, 6, "WH-A", "QA")], reason="quarantine")
    L.destruction(T("2026-11-27 10:00"), [(PRODS[1][0], xb, 6, "QA")])
    L.notes.append("quiet: the other 6 boxes of the expired batch quarantined on 11-21 and destroyed from QA on 11-27")

    B.settle(T("2026-11-29 09:00"), skip=[o[0] for o in B.open if o[1] == "sale"])
    # zone readings
    t = T("2026-11-01 00:00")
    end = T("2026-12-01 00:00")
    while t < end:
        pts = []
        for i in range(24):
            a = t + i * 10 * M
            pts.append((a, round(18 + rnd.randrange(0, 61) / 10, 1)))
        L.readings(t + 4 * H + dt.timedelta(seconds=30), "TH-A01", "WH-A", pts)
        t += 4 * H
    return L
