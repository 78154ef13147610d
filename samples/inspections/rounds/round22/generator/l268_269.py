from world22 import *
from l264_265 import CONV
from l266_267 import zone, series


def l268():
    L = Ledger(268, 268)
    OWN = P(uscc("91330105", "MA2J6NB8"), "杭州百草堂大药房连锁有限公司", "retail_chain", "self", ("浙DA5710588", "drug_retail"),
            ["chemical", "tcm_patent", "compound_ephedrine"], ("中国银行杭州湖墅支行", "367958812230"), "浙江", "浙江省杭州市拱墅区湖墅南路 186 号")
    B = Biz(L, OWN)
    store = "浙江省杭州市拱墅区湖墅南路 186 号（百草堂湖墅店）"
    names = ["张丽华", "王建国", "李秀英", "刘志强", "陈美玲", "杨帆", "赵德明", "黄小燕", "周海涛", "吴静", "徐国平"]
    bodies = ["33010519780412", "33010619850923", "33010219900117", "33038219720605", "33068119881230",
              "33010319950308", "33012719690721", "33010819921115", "33048119800226", "33010519870514", "33012219760901"]
    buyers = []
    for i, (n, b) in enumerate(zip(names, bodies)):
        idn = idcard(b + "%03d" % (101 + i * 12))
        pid = "IND-" + idn[-6:]
        buyers.append((P(pid, n, "individual", "customer", None, [], None, "浙江", "浙江省杭州市拱墅区"), idn))
    B.master(t(2026, 10, 8, 9), [OWN, WS] + [b for b, _ in buyers], [PSE, AFM, AMOX])
    E1, E2, A9 = "2607110932", "2608020517", "2608150233"
    B.buy(t(2026, 10, 9, 9), WS, [(PSE, E1, "2026-07-11", "2028-06-30", 100, 1650), (AFM, E2, "2026-08-02", "2028-07-31", 60, 1280),
                                 (AMOX, A9, "2026-08-15", "2028-07-31", 100, 990)], to="MD-1", pay_days=15)
    rx_n = [0]
    def sale(when, bi, lines, rx=False, mark=None, no_id=False):
        b, idn = buyers[bi]
        pr = None
        if rx:
            rx_n[0] += 1
            pr = "CF%s%03d" % (when.strftime("%Y%m%d"), rx_n[0])
        B.sell(when, b, [(p, bt, ex, q, u) for p, bt, ex, q, u in lines], frm="MD-1", channel="retail", address=store,
               buyer_id=None if no_id else idn, prescription=pr, pay_days=0, method="cash", mark_sale=mark, consignee=b["name"],
               reviewers=("药师-孙倩",))
    pse = lambda q: (PSE, E1, "2028-06-30", q, 2280)
    afm = lambda q: (AFM, E2, "2028-07-31", q, 1790)
    amx = lambda q: (AMOX, A9, "2028-07-31", q, 1460)
    sale(t(2026, 10, 12, 9, 10), 0, [pse(2)])                          # 2 packs: quiet
    sale(t(2026, 10, 12, 9, 40), 1, [pse(3)], mark="three")             # 3 packs without prescription
    sale(t(2026, 10, 12, 10, 5), 2, [pse(3)], rx=True)                  # 3 packs on prescription: quiet
    sale(t(2026, 10, 12, 10, 0), 3, [pse(2)])
    sale(t(2026, 10, 15, 10, 0), 3, [afm(2)])
    sale(t(2026, 10, 18, 16, 0), 3, [pse(1)], mark="win5")              # 5 in 7 days
    sale(t(2026, 10, 12, 11, 0), 4, [pse(2)])
    sale(t(2026, 10, 15, 11, 0), 4, [pse(2)])
    sale(t(2026, 10, 19, 11, 0, 0), 4, [pse(2)])                        # first is exactly 7 x 24 h before: outside -> 4: quiet
    sale(t(2026, 10, 12, 11, 30), 5, [afm(2)])
    sale(t(2026, 10, 15, 11, 30), 5, [afm(2)])
    sale(t(2026, 10, 19, 11, 29, 59), 5, [afm(1)], mark="win7m1s")      # 7 d minus 1 s: 5
    sale(t(2026, 10, 13, 14, 20), 6, [pse(1)], no_id=True, mark="noid")  # no buyer ID
    sale(t(2026, 10, 14, 15, 0), 7, [pse(1), afm(2)], mark="twoprod")   # 3 packs over two products
    sale(t(2026, 10, 14, 16, 0), 8, [afm(2), amx(5)])                   # 2 packs + non-controlled: quiet
    sale(t(2026, 10, 13, 9, 0), 9, [pse(4)], rx=True)                   # 4 on prescription: quiet
    sale(t(2026, 10, 14, 9, 0), 9, [pse(1)], mark="rxwin")              # +1 without prescription: 5 in the window
    sale(t(2026, 10, 16, 9, 0), 10, [pse(1)])                           # 1: quiet
    lines, m = L.finish()
    hdr = ["268 VIOLATION: a Hangzhou pharmacy chain's counter sales of compound ephedrine (复方盐酸伪麻黄碱缓释胶囊, 氨酚伪麻美芬片) 12-19 Oct 2026 at the retail limits: 2 packs, 3 packs, 3 on prescription, 5 in a 7-day window, exactly 7 x 24 h back, 7 days minus 1 second, no buyer ID, 3 packs over two products, 2 packs beside 5 boxes of amoxicillin, 4 on prescription then 1 more",
           "note: " + CONV.replace("浙江瑞康医药有限公司 (91330106MA2L7R4K08, Hangzhou, wholesaler)", "杭州百草堂大药房连锁有限公司 (%s, retail_chain)" % OWN["party"]),
           "note: format.md 'A retail sale ... is a sale with channel: retail: its customer is the buyer, registered as a party of kind individual ... buyer_id their identity document number'; each buyer's 18-digit 居民身份证号 has a valid GB 11643 check character; each sale has a review by a pharmacist, a dispatch (handed over at the store, from MD-1, an unregistered shelf location), an invoice and a cash payment (format.md: 'payment (cash allowed)'; the wholesale conditions of EPH-RETAIL do not apply)",
           "note: goods bought from 浙江英特药业 (wholesaler, compound_ephedrine scope), invoiced and paid by bank transfer",
           "note: no buyer has 4 orders, so SOM has no own history and no peers: quiet",
           "note: planted three: 3 packs without prescription (eph_max_packs 2) -> EPH-RETAIL",
           "note: planted win5: 刘志强 2 (12 Oct 10:00) + 2 (15 Oct) + 1 (18 Oct 16:00) = 5 within 7 x 24 h (eph_window_packs 4) -> EPH-RETAIL at the third sale; the two products count together ('Most packs one buyer ID may buy within the window')",
           "note: 陈美玲 2 (12 Oct 11:00:00) + 2 (15 Oct) + 2 (19 Oct 11:00:00): 'a purchase exactly that long before is outside' -> 4 in the window: quiet",
           "note: planted win7m1s: 杨帆 2 (12 Oct 11:30:00) + 2 (15 Oct) + 1 (19 Oct 11:29:59) = 5 -> EPH-RETAIL",
           "note: planted noid: 1 pack without buyer_id -> EPH-RETAIL",
           "note: planted twoprod: one sale of 1 复方盐酸伪麻黄碱 + 2 氨酚伪麻美芬 = 3 packs of compound ephedrine preparations in one sale -> EPH-RETAIL (my reading: the limit is per sale, not per line)",
           "note: planted rxwin: 周海涛 buys 4 on prescription (13 Oct; per-sale limit lifted, 4 in the window: quiet) and 1 without prescription the next day -> 5 in the window -> EPH-RETAIL (format.md: prescription 'lifts the per-sale pack limit', nothing more)",
           "why: EPH-RETAIL rules.md 'Retail of compound ephedrine preparations records the buyer's ID, sells at most the threshold of minimum packs per sale without prescription, and not more than the window limit to one ID within eph_window_days 24-hour days before the sale (a purchase exactly that long before is outside)'; points at 'the retail sale (no buyer ID, too many packs, over the window limit)'"]
    exp = [(r, m[k][0]) for r, k in [("EPH-RETAIL", "three"), ("EPH-RETAIL", "win5"), ("EPH-RETAIL", "win7m1s"), ("EPH-RETAIL", "noid"),
                                      ("EPH-RETAIL", "twoprod"), ("EPH-RETAIL", "rxwin")]]
    exp.sort(key=lambda x: x[1])
    return "268-compound-ephedrine-counter-sales-2-and-3-packs-window-of-5-exactly-7-days-and-7-days-minus-1s-no-id-two-products-prescription", lines, hdr, exp


def l269():
    L = Ledger(269, 269)
    B = Biz(L, OWNER)
    zones = [zone("WH-A", "ambient", ["TH-A01"]), zone("WH-C", "cool", ["TH-C01"]), zone("CR-1", "cold", ["TH-R01"])]
    B.master(t(2026, 10, 3, 9), [OWNER, M1, M3, H1, H2, H3, R1], [AMOX, CEF, INS, PSE], zones)
    rng = L.rng
    t0, t1 = t(2026, 10, 5), t(2026, 11, 3, 18)
    ra = series(rng, t0, t1, 21.0, 17.0, 25.0)
    rc = series(rng, t0, t1, 15.0, 12.0, 18.5)
    rr = [r for r in series(rng, t0, t1, 5.0, 3.5, 6.5) if not (t(2026, 10, 17, 2, 10) < r[0] < t(2026, 10, 17, 2, 50))]
    uploads(L, "TH-A01", {"zone": "WH-A"}, ra, 2)
    uploads(L, "TH-C01", {"zone": "WH-C"}, rc, 2)
    uploads(L, "TH-R01", {"zone": "CR-1"}, rr, 2, marks={t(2026, 10, 17, 2, 50): "gap"})
    A1, C1, E1 = "2608120331", "2607220187", "2607300845"
    I1, I2 = "T20260811", "T20260903"
    B.buy(t(2026, 10, 5, 9), M1, [(AMOX, A1, "2026-08-12", "2028-07-31", 2000, 860), (CEF, C1, "2026-07-22", "2028-06-30", 1000, 1250),
                                 (PSE, E1, "2026-07-30", "2028-06-30", 600, 1320)], pay_days=18)
    def cold_in(when, batch, qty, veh, logger):
        ship = when - D(hours=26)
        B.buy(when - D(days=2), M3, [(INS, batch, "2026-08-11", "2028-08-10", qty, 4260)], to="CR-1",
              transport={"vehicle": veh, "shipped_at": iso(ship), "cold_chain": True}, rcv_delay=D(days=2), pay_days=18)
        trip(L, rng, logger, veh, ship - D(minutes=10), when + D(minutes=5), when + D(minutes=20))
    cold_in(t(2026, 10, 7, 10), I1, 600, "吉E·C5521冷", "TL-5521")
    cold_in(t(2026, 10, 16, 10), I2, 400, "吉E·C5522冷", "TL-5521")
    # put-away of the PSE into the cool store is not needed: ambient product stays in WH-A
    stock = {("A", A1): 2000, ("C", C1): 1000, ("E", E1): 600, ("I", I1): 600, ("I", I2): 0}
    trips = [0]
    def cold_out(when, cus, batch, qty):
        trips[0] += 1
        veh = "浙A·L77%02d冷" % (trips[0] % 3 + 1)
        r = B.sell(when, cus, [(INS, batch, "2028-08-10", qty, 5120)], frm="CR-1", vehicle=veh, pay_days=9)
        dt_ = when + D(minutes=60)
        trip(L, rng, "TL-77%02d" % (trips[0] % 3 + 1), veh, dt_ - D(minutes=20), dt_ + D(minutes=95), dt_ + D(minutes=130))
        return r
    day = t(2026, 10, 8, 9)
    plan = [(H1, "A", 120), (H2, "C", 80), (H3, "I", 30), (R1, "E", 60), (H1, "I", 40), (H2, "A", 150), (R1, "A", 90),
            (H3, "C", 40), (H1, "C", 60), (H2, "I", 50), (R1, "E", 80), (H3, "A", 70), (H1, "A", 100), (H2, "E", 30),
            (R1, "C", 40), (H3, "I", 20), (H1, "I", 60), (H2, "C", 70)]
    sales = {}
    for i, (cus, kind, q) in enumerate(plan):
        when = day + D(days=i * 15 // 18, hours=(i % 3) * 2)
        if kind == "I":
            batch = I1 if when < t(2026, 10, 17) else I2
            if batch == I2 and stock[("I", I2)] == 0:
                stock[("I", I2)] = 400
            stock[("I", batch)] -= q
            sales[i] = cold_out(when, cus, batch, q)
        else:
            prod_, batch, price = {"A": (AMOX, A1, 1030), "C": (CEF, C1, 1500), "E": (PSE, E1, 1590)}[kind]
            stock[(kind, batch)] -= q
            cash = cus is R1 and kind == "E" and i == 10
            sales[i] = B.sell(when, cus, [(prod_, batch, "2028-07-31" if kind == "A" else "2028-06-30", q, price)], pay_days=9,
                              method="cash" if cash else "bank_transfer", mark_pay="cash" if cash else None)
    # a lawful customer return: H2 returns 10 of CEF sale 1, credit note, refund, release
    s = sales[1]
    th = B.creturn(t(2026, 10, 20, 10), H2, [s["xs"]], [(CEF, C1, 10)], "外包装破损")
    cn, _ = B.inv(t(2026, 10, 20, 15), "sale", OWNER["party"], H2["party"], [(CEF["product"], 10, 1500)], {"sale": [s["xs"]]}, credit_for=s["inv"])
    B.pay(t(2026, 10, 22, 10), "outgoing", OWNER, H2, 10 * 1500, [cn])
    B.transfer(t(2026, 10, 21, 10), "release", [(CEF, C1, 10, "RET", "WH-A")], refs={"receipt": [th]})
    stock[("C", C1)] += 10
    # month-end-style count on 25 Oct
    L.add("stock_count", t(2026, 10, 25, 17), {"doc": "PD2026102500001", "location": "WH-A", "lines": [
        {"product": AMOX["product"], "batch": A1, "counted": stock[("A", A1)]},
        {"product": CEF["product"], "batch": C1, "counted": stock[("C", C1)]},
        {"product": PSE["product"], "batch": E1, "counted": stock[("E", E1)]}]}, ["保管-赵磊", QM])
    L.add("stock_count", t(2026, 10, 25, 17, 30), {"doc": "PD2026102500002", "location": "CR-1", "lines": [
        {"product": INS["product"], "batch": I1, "counted": stock[("I", I1)]},
        {"product": INS["product"], "batch": I2, "counted": stock[("I", I2)]}]}, ["保管-赵磊", QM])
    lines, m = L.finish()
    hdr = ["269 VIOLATION (2 planted in three lawful weeks): 5 Oct - 3 Nov 2026 (three weeks of trading, then a week of payments) of 浙江瑞康医药: ambient WH-A, cool WH-C and cold CR-1 read every 10 min and uploaded every 2 h; purchases of 阿莫西林, 头孢克肟, 复方盐酸伪麻黄碱 from the manufacturer and two refrigerated deliveries of 门冬胰岛素 from 吉林 with their truck logs; 18 sales to two public hospitals, a private hospital and a pharmacy chain (insulin in refrigerated vans with trip logs every 5 min), reviews, invoices, payments by bank transfer, a customer return credited, refunded and released, stock counts of WH-A and CR-1 that agree",
           "note: " + CONV,
           "note: planted gap: CR-1's readings stop after 17 Oct 02:10 and resume 02:50 (40 min; storage_gap_minutes 30) -> TEMP-GAP at the upload holding 02:50",
           "note: planted cash: 杭州九洲大药房连锁 pays the invoice of its wholesale 复方盐酸伪麻黄碱缓释胶囊 sale in cash -> EPH-RETAIL at the payment (no TTGK-S: format.md 'Payments with the party must use one of these account numbers, except in cash')",
           "note: all goods come from manufacturers (two-invoice rule kept); compound ephedrine is delivered to the chain's licensed address; every dispatch is reviewed; invoices the same day, paid 9 days later (purchases 18 days); readings run to 3 Nov 18:00, after the last payment (3 Nov); no UNPAID (60 d) or UNINVOICED deadline passes",
           "why: TEMP-GAP rules.md 'Consecutive readings of a storage zone more than the storage limit apart'; EPH-RETAIL rules.md 'wholesale (a sale of channel: wholesale, its dispatch and the payment of its invoice) is not paid in cash'; points at 'the cash payment'"]
    exp = [("TEMP-GAP", m["gap"][0]), ("EPH-RETAIL", m["cash"][0])]
    exp.sort(key=lambda x: x[1])
    return "269-three-lawful-weeks-with-cold-chain-two-planted-cold-room-gap-40-min-compound-ephedrine-paid-in-cash", lines, hdr, exp
