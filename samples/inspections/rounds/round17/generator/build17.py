#!/usr/bin/env python3
"""Round 17 ledgers 213-225 and their .expected files (deterministic).
python3 build17.py OUTDIR"""
import os, sys
from common17 import *

LEDGERS = {}

def ledger(num, name):
    def deco(f):
        LEDGERS[num] = (name, f)
        return f
    return deco

CONV = ("# note: conventions of samples/inspections/README.md: master data first; owner 浙江明湖医药有限公司 (Hangzhou, "
        f"{OWNER_ID}), a regional_wholesaler (区域性批发企业) with every scope; every event carries entered_at 5 minutes after "
        "occurred_at (temperature uploads: 30 s); ids are UUID v7 of entered_at; unified social credit codes carry valid "
        "GB 32100 and GB 11714 check characters; 药品本位码 and GTINs carry a GS1 check digit; unit codes are 20-digit 追溯码 "
        "unless a note says GS1; invoices are 20-digit 数电票 numbers; instants +08:00")
CONV2 = ("# note: the ledger's clock is the latest occurred_at; purchase invoices are booked on the receipt day and paid "
         "20-25 days later, sales invoices on the dispatch day and paid by the customer on the 18th of the next month, all "
         "by bank transfer between registered accounts; RCV, QA and RET are unregistered staging, quarantine and returns "
         "locations; controlled products (any control but none) are accepted and reviewed by two people; no dispatch is "
         "within 90 days of its batch's expiry")

def std_master(W, sups, prods, zones, custs, zone_sensors=None):
    for s in sups:
        W.reg(s)
    for p in prods:
        W.prod(p)
    for z in zones:
        W.zone(z, (zone_sensors or {}).get(z))
    for c in custs:
        W.reg(c)


# =====================================================================================================
@ledger(213, "som-new-customers-against-peers-b-with-exactly-4-orders-counts-d-with-3-does-not-600-is-10x-601-fires")
def l213():
    W = World(213, "", bj(2026, 7, 27, 8, 30))
    A = chain("杭州康和大药房连锁有限公司", "330105", "拱墅区", "莫干山路 1109 号", "浙CA5710231", 0)
    B = chain("浙江百草堂大药房连锁有限公司", "330102", "上城区", "望江路 277 号", "浙CA5710118", 1)
    C = chain("杭州仁心大药房连锁有限公司", "330108", "滨江区", "长河街道江汉路 1785 号", "浙CA5710342", 2)
    Dd = chain("杭州益寿堂大药房连锁有限公司", "330109", "萧山区", "城厢街道人民路 66 号", "浙CA5710415", 3)
    E = chain("浙江天一堂大药房连锁有限公司", "330110", "余杭区", "临平街道迎宾路 350 号", "浙CA5710506", 4)
    N1 = chain("杭州民和大药房连锁有限公司", "330106", "西湖区", "古墩路 702 号", "浙CA5710633", 5)
    N2 = chain("绍兴越康大药房连锁有限公司", "330602", "", "浙江省绍兴市越城区解放北路 218 号", "浙CA5750127", 6)
    std_master(W, [SUP['hengze']], ['pse', 'lpse'], ['WH-A'], [A, B, C, Dd, E])
    hz = SUP['hengze']
    W.buy(hz, bj(2026, 7, 28, 9), 'pse', 'P2607121', '2026-07-12', '2028-07-11', 2500, 1150, 'WH-A')
    W.buy(hz, bj(2026, 7, 28, 9, 30), 'lpse', 'L2607083', '2026-07-08', '2028-07-07', 800, 1620, 'WH-A')
    W.reg(N1, bj(2026, 9, 21, 9))
    W.reg(N2, bj(2026, 9, 22, 9))
    orders = []
    for t in mondays(bj(2026, 8, 10), 7, 10): orders.append((t, A, 'pse', 30, None))     # Aug 10 .. Sep 21
    for t in mondays(bj(2026, 8, 11), 7, 10): orders.append((t, C, 'pse', 70, None))     # Aug 11 .. Sep 22
    for t in mondays(bj(2026, 9, 2), 4, 10): orders.append((t, B, 'pse', 60, None))      # Sep 2, 9, 16, 23
    for t in mondays(bj(2026, 9, 10), 3, 10): orders.append((t, Dd, 'pse', 10, None))    # Sep 10, 17, 24
    for t in mondays(bj(2026, 8, 14), 7, 10): orders.append((t, E, 'lpse', 100, None))   # Aug 14 .. Sep 25
    orders.append((bj(2026, 9, 28, 10), N1, 'pse', 600, 'n1'))
    orders.append((bj(2026, 9, 28, 14), N2, 'pse', 601, 'n2'))
    batch = {'pse': 'P2607121', 'lpse': 'L2607083'}
    price = {'pse': 1480, 'lpse': 2060}
    for t, c, k, q, tag in sorted(orders, key=lambda o: o[0]):
        W.sell(c, t, [(k, batch[k], q, price[k], 'WH-A')], tag=tag)
    W.settle_sales(bj(2026, 10, 20))
    exp = [("SOM", "n2")]
    head = "213 VIOLATION: 复方盐酸伪麻黄碱缓释胶囊 sold wholesale to pharmacy chains; two newly qualified chains place their first orders on 28 Sep 2026: 600 boxes (exactly 10x the peers' median trailing average of 60) and 601"
    notes = [
        "peers for 复方盐酸伪麻黄碱 on 28 Sep: 杭州康和 (A) 7 orders of 30 (trailing average 30), 杭州仁心 (C) 7 orders of 70 (70), 浙江百草堂 (B) exactly 4 orders of 60 (60): median 60",
        "not peers: 杭州益寿堂 (D) 3 orders of 10 (som_min_history 4 not met); 浙江天一堂 (E) 7 orders of 100 of another compound-ephedrine product (氯雷他定伪麻黄碱缓释片), none of this one; 杭州民和 (N1) one order when N2 is judged",
        "readings that would differ: B not counted (needs more than 4) -> median of 30, 70 = 50 -> 600 fires; D counted -> median of 10, 30, 60, 70 = 45 -> 600 fires; E or N1 counted -> median 65 -> 601 quiet",
        "SOM size test: A, B, C, D order the same quantity every time (no size finding); E is the only customer of its product (no peers); the first orders of A and C have no peers (nobody has 4 orders yet); B's and D's first orders compare with A and C (median 50)",
        "frequency: one order a week per customer, below som_freq_min 6",
        "wholesale compound ephedrine: delivered to each chain's registered address, paid by bank transfer, reviewed by two",
        "expected message of n2: 601 against a peer median of 60 over 3 other customers, 10.02x, threshold 10x",
    ]
    whys = ["SOM n2: rules.md SOM 'Peers: otherwise (a new customer's first order too), above som_peer_factor times the median trailing average of the other customers that have som_min_history orders each, when there are at least two'; 600 is not above 10 x 60, 601 is"]
    return W, head, notes, whys, exp



# =====================================================================================================
@ledger(214, "som-peers-one-peer-is-not-enough-two-peers-median-of-40-and-60-customer-with-3-orders-judged-by-peers-with-4-by-its-own")
def l214():
    W = World(214, "", bj(2026, 7, 27, 8, 30))
    P1 = chain("杭州华康大药房连锁有限公司", "330105", "拱墅区", "湖墅南路 186 号", "浙CA5710276", 0)
    P2 = chain("浙江瑞人堂医药连锁有限公司", "330102", "上城区", "清泰街 461 号", "浙CA5710139", 1)
    Q1 = chain("杭州九州大药房连锁有限公司", "330109", "萧山区", "北干街道金城路 438 号", "浙CA5710451", 2)
    Q2 = chain("浙江英特怡年药房连锁有限公司", "330110", "余杭区", "五常街道文一西路 998 号", "浙CA5710528", 3)
    Q3 = chain("杭州海王星辰健康药房连锁有限公司", "330108", "滨江区", "西兴街道江南大道 3850 号", "浙CA5710367", 4)
    R1 = chain("杭州全德堂大药房连锁有限公司", "330106", "西湖区", "文三路 259 号", "浙CA5710655", 5)
    R2 = chain("杭州老百姓惠民大药房连锁有限公司", "330105", "拱墅区", "上塘路 333 号", "浙CA5710298", 6)
    std_master(W, [SUP['hengze']], ['mpw'], ['WH-A'], [P1, P2, R1, R2])
    hz = SUP['hengze']
    W.buy(hz, bj(2026, 7, 28, 9), 'mpw', 'M2607155', '2026-07-15', '2028-07-14', 3500, 980, 'WH-A')
    W.reg(Q1, bj(2026, 8, 27, 9))
    W.reg(Q2, bj(2026, 8, 28, 9))
    W.reg(Q3, bj(2026, 8, 28, 9, 10))
    orders = []
    for t in mondays(bj(2026, 8, 3), 11, 10): orders.append((t, P1, 40, None))          # Mondays Aug 3 .. Oct 12
    ts = mondays(bj(2026, 8, 11), 10, 15)                                                 # Tuesdays Aug 11 .. Oct 13, 15:00
    for i, t in enumerate(ts): orders.append((t, P2, 60, 'p2_4' if i == 3 else None))
    orders.append((bj(2026, 9, 1, 10), Q1, 1000, 'q1'))                                  # Tue Sep 1 10:00, before P2's 4th
    orders.append((bj(2026, 9, 2, 10), Q2, 500, 'q2'))
    orders.append((bj(2026, 9, 2, 14), Q3, 501, 'q3'))
    for i, (q1, q2) in enumerate([(10, 10), (10, 10), (10, 10), (34, 34), (48, 49)]):
        t = bj(2026, 9, 7) + D(days=7 * i)
        orders.append((t + D(hours=10), R1, q1, f"r1_{i+1}"))
        orders.append((t + D(hours=14), R2, q2, f"r2_{i+1}"))
    for t, c, q, tag in sorted(orders, key=lambda o: o[0]):
        W.sell(c, t, [('mpw', 'M2607155', q, 1390, 'WH-A')], tag=tag)
    W.settle_sales(bj(2026, 10, 20))
    exp = [("SOM", "q3"), ("SOM", "r2_5")]
    head = ("214 VIOLATION: 美扑伪麻片 sold wholesale to pharmacy chains: a new chain's first order of 1000 boxes while only one "
            "other customer has 4 orders (quiet); two new chains' first orders of 500 and 501 against two peers of 40 and 60 "
            "(median 50); two chains ordering 10, 10, 10, then 34 (judged by peers), then 48 and 49 (3.0x and 3.06x their own 16)")
    notes = [
        "P1 杭州华康 orders 40 every Monday from 3 Aug (5 orders by 31 Aug); P2 浙江瑞人堂 orders 60 every Tuesday 15:00 from 11 Aug, its 4th order on Tue 1 Sep 15:00 (@p2_4@)",
        "@q1@ (Tue 1 Sep 10:00): 杭州九州's first order, 1000 = 25x P1's 40; P2 has only 3 orders then: one peer, and the peer test needs at least two -> quiet (if P2 counted with 3 orders: median 50, 1000 = 20x, would fire)",
        "@q2@ (Wed 2 Sep 10:00): 浙江英特怡年's first order, 500; peers P1 (5 orders, 40) and P2 (4 orders, 60): median of two = 50 (mean of the two middle values), 500 = 10.0x, not above -> quiet",
        "@q3@ (Wed 2 Sep 14:00): 杭州海王星辰's first order, 501 = 10.02x 50 -> SOM; if the median of two were the lower value (40), @q2@ would fire as well; if the upper (60), @q3@ would be quiet",
        "R1 杭州全德堂 and R2 杭州老百姓惠民 order 10 on 7, 14, 21 Sep and 34 on 28 Sep (@r1_4@, @r2_4@): with 3 orders their own average (10) is not used ('once it has som_min_history orders'); peers P1 40, P2 60 (Q1, Q2, Q3 have one order): median 50, 34 is 0.68x -> quiet (by their own average 34 would be 3.4x)",
        "5 Oct: R1 48 (@r1_5@) and R2 49 (@r2_5@); each now has 4 orders, trailing average (10+10+10+34)/4 = 16: 48 = 3.0x (not above som_k 3) -> quiet; 49 = 3.06x -> SOM",
        "P1 and P2 keep ordering the same quantity (no size finding); one order a week per customer (frequency quiet)",
        "expected messages: @q3@ 501 against the median 50.0 of 2 other customers (10.02x, threshold 10x); @r2_5@ 49 against its trailing average 16.0 over 4 orders (3.06x, threshold 3x)",
    ]
    whys = ["SOM q3: rules.md SOM 'Peers: otherwise (a new customer's first order too), above som_peer_factor times the median trailing average of the other customers that have som_min_history orders each, when there are at least two'",
            "SOM r2_5: 'Size: above som_k times the customer's trailing average for the product (its last som_history orders, this one excluded), once it has som_min_history orders'"]
    return W, head, notes, whys, exp


# =====================================================================================================
@ledger(215, "som-frequency-7-beijing-days-order-at-0010-counts-order-at-2200-the-day-before-does-not-first-order-55-and-56-days-old")
def l215():
    W = World(215, "", bj(2026, 7, 27, 8, 30))
    H1 = hospital("杭州市之江医院", "330106", "浙江省杭州市西湖区之江路 88 号", "47000431733010611A1001", 0)
    H2 = hospital("杭州市西溪联合医院", "330106", "浙江省杭州市西湖区天目山路 398 号", "47000452133010611A1002", 1)
    H3 = hospital("杭州钱塘新区人民医院", "330114", "浙江省杭州市钱塘区文渊路 60 号", "47000477233011411A1001", 2)
    H4 = hospital("杭州市临平区第二人民医院", "330113", "浙江省杭州市临平区南苑街道世纪大道 99 号", "47000488933011311A1001", 3)
    std_master(W, [SUP['shuan']], ['esz'], ['SP-1'], [H1, H2, H3, H4])
    sa = SUP['shuan']
    W.buy(sa, bj(2026, 7, 28, 9), 'esz', 'E2606183', '2026-06-18', '2029-06-17', 350, 1150, 'SP-1')
    W.buy(sa, bj(2026, 9, 28, 9), 'esz', 'E2609047', '2026-09-04', '2029-09-03', 350, 1150, 'SP-1')
    orders = []
    for t in mondays(bj(2026, 8, 3), 11, 10): orders.append((t, H1, None))                 # Aug 3 .. Oct 12
    for t in mondays(bj(2026, 8, 3), 11, 11): orders.append((t, H2, None))
    for t in mondays(bj(2026, 9, 7), 6, 9): orders.append((t, H3, 'h3_first' if t.day == 7 and t.month == 9 else None))
    for t in mondays(bj(2026, 9, 7), 6, 14): orders.append((t, H4, 'h4_first' if t.day == 7 and t.month == 9 else None))
    burst = {
        'h1': (H1, [bj(2026, 10, 20, 0, 10), bj(2026, 10, 21, 10), bj(2026, 10, 22, 10), bj(2026, 10, 23, 10), bj(2026, 10, 24, 10), bj(2026, 10, 26, 23, 30)]),
        'h2': (H2, [bj(2026, 10, 19, 22, 0), bj(2026, 10, 21, 11), bj(2026, 10, 22, 11), bj(2026, 10, 23, 11), bj(2026, 10, 24, 11), bj(2026, 10, 26, 7, 0)]),
        'h3': (H3, [bj(2026, 10, 27, 9), bj(2026, 10, 28, 9), bj(2026, 10, 29, 9), bj(2026, 10, 30, 9), bj(2026, 10, 31, 9), bj(2026, 11, 1, 9)]),
        'h4': (H4, [bj(2026, 10, 28, 14), bj(2026, 10, 29, 14), bj(2026, 10, 30, 14), bj(2026, 10, 31, 14), bj(2026, 11, 1, 14), bj(2026, 11, 2, 14)]),
    }
    for k, (h, ts) in burst.items():
        for i, t in enumerate(ts, 1):
            orders.append((t, h, f"{k}_b{i}"))
    for t, c, tag in sorted(orders, key=lambda o: o[0]):
        b = 'E2606183' if t < bj(2026, 10, 1) else 'E2609047'
        W.sell(c, t, [('esz', b, 10, 1420, 'SP-1')], tag=tag)
    W.settle_sales(bj(2026, 11, 20))
    exp = [("SOM", "h1_b6"), ("SOM", "h4_b6")]
    head = ("215 VIOLATION: 艾司唑仑片 (psychotropic2) sold to four hospitals, 10 boxes an order, about weekly; then each orders on "
            "six days within a week: SOM's frequency window of 7 Beijing days at its edges (00:10 on the first day, 22:00 the day "
            "before), and a customer whose first order is 55 or exactly 56 days old")
    notes = [
        "杭州市之江医院 (H1) and 杭州市西溪联合医院 (H2) order every Monday 3 Aug .. 12 Oct (11 orders); 杭州钱塘新区人民医院 (H3, 09:00) and 临平区第二人民医院 (H4, 14:00) every Monday 7 Sep .. 12 Oct (6 orders)",
        "H1 burst: Tue 20 Oct 00:10 (@h1_b1@; UTC 19 Oct 16:10), 21, 22, 23, 24 Oct 10:00, Mon 26 Oct 23:30 (@h1_b6@; UTC 15:30). At @h1_b6@ the Beijing days 20..26 Oct hold 6 orders (>= som_freq_min 6); the 8 weeks before them (25 Aug .. 19 Oct) hold 7 (31 Aug .. 12 Oct): 0.875 a week, 4x = 3.5, 6 > 3.5 -> SOM. Counted in UTC days (20..26 Oct UTC) the 00:10 order falls out: 5, quiet",
        "earlier H1 burst orders: 24 Oct (@h1_b5@): days 18..24 Oct hold 5 -> quiet",
        "H2 burst: Mon 19 Oct 22:00 (@h2_b1@; UTC 14:00), 21, 22, 23, 24 Oct 11:00, Mon 26 Oct 07:00 (@h2_b6@; UTC 25 Oct 23:00). Beijing days 20..26 Oct hold 5 -> quiet. A 7 x 24 h window (19 Oct 07:00 on) or the UTC days 19..25 Oct would hold 6 and fire",
        "H3 burst: 27..31 Oct and Sun 1 Nov 09:00 (@h3_b6@): 6 orders in 26 Oct .. 1 Nov, but its first order (@h3_first@, 7 Sep 09:00) is 55 days old: 'once its first order is 56 days old' -> quiet",
        "H4 burst: 28..31 Oct, 1 Nov, Mon 2 Nov 14:00 (@h4_b6@): 6 orders in 27 Oct .. 2 Nov; its first order (@h4_first@, 7 Sep 14:00) is exactly 56 x 24 h (and 56 Beijing days) old -> the test applies; the 8 weeks before (1 Sep .. 26 Oct) hold 6 orders: 0.75 a week, 4x = 3.0, 6 > 3 -> SOM. H4's order of 1 Nov: days 26 Oct .. 1 Nov hold 5 -> quiet",
        "doc gap risk: 'once its first order is 56 days old' does not say whether 56 days is reached at the instant 56 x 24 h later (my reading, same here as 56 Beijing days) nor whether the 8-week base must lie wholly after the first order",
        "size: every order is 10 boxes (no size finding); peers: every first order is 10 against peers of 10",
        "每单: sale, two-person review, dispatch from SP-1 with one code per box, invoice; night orders (00:10, 22:00, 23:30) are reviewed and dispatched the next morning",
    ]
    whys = ["SOM h1_b6, h4_b6: rules.md SOM 'Frequency: the customer's orders of the product on the Beijing day of this one and the 6 days before (this one included), at least som_freq_min and above som_freq_factor times its weekly average over the 8 weeks (56 days) before those 7, once its first order is 56 days old'"]
    return W, head, notes, whys, exp



# =====================================================================================================
@ledger(216, "diazepam-injection-in-two-safes-one-dispatch-two-lines-lawful-then-a-unit-of-line-1-rescanned-on-line-2-receipt-rescan-across-cartons")
def l216():
    W = World(216, "", bj(2026, 8, 24, 8, 30))
    H = hospital("杭州市转塘人民医院", "330106", "浙江省杭州市西湖区转塘街道美院南路 35 号", "47000461033010611A1003", 0)
    K = chain("杭州康和大药房连锁有限公司", "330105", "拱墅区", "莫干山路 1109 号", "浙CA5710231", 1)
    std_master(W, [SUP['shuan'], SUP['yuanxin']], ['dzpi', 'amx'], ['WH-A', 'WH-B', 'SP-1', 'SP-2'], [H, K])
    sa, yx = SUP['shuan'], SUP['yuanxin']
    # diazepam injection: 40 boxes in two cartons of 20, one receipt line per carton
    o1 = W.purchase(sa, bj(2026, 9, 1, 9), [('dzpi', 40, 2650)])
    c1, c2 = W.mkcodes('dzpi', 20), W.mkcodes('dzpi', 20)
    r1, _ = W.receipt(sa, bj(2026, 9, 2, 10), o1, [
        dict(key='dzpi', batch='D2608114', pd='2026-08-11', exp='2029-08-10', arrived=20, loc='RCV', codes=c1),
        dict(key='dzpi', batch='D2608114', pd='2026-08-11', exp='2029-08-10', arrived=20, loc='RCV', codes=c2)], tag='r1')
    W.move('put_away', bj(2026, 9, 2, 10, 50), [('dzpi', 'D2608114', 20, 'RCV', 'SP-1', c1), ('dzpi', 'D2608114', 20, 'RCV', 'SP-2', c2)],
           refs={"order": [o1], "receipt": [r1]}, tag='put1')
    i1 = W.invoice(bj(2026, 9, 2, 14), 'purchase', sa['party'], OWNER_ID, [('dzpi', 40, 2650)], {"order": [o1], "receipt": [r1]})
    W.pay(bj(2026, 9, 22, 10), 'outgoing', sa['party'], i1['total'], [i1['doc']])
    # amoxicillin with 追溯码 scanned (ordinary product)
    o2 = W.purchase(yx, bj(2026, 9, 2, 9), [('amx', 200, 760)])
    k = W.mkcodes('amx', 200)
    r2, _ = W.receipt(yx, bj(2026, 9, 3, 10), o2, [dict(key='amx', batch='A2608203', pd='2026-08-20', exp='2028-08-19', arrived=200, loc='RCV', codes=k)])
    W.move('put_away', bj(2026, 9, 3, 10, 40), [('amx', 'A2608203', 120, 'RCV', 'WH-A', k[:120]), ('amx', 'A2608203', 80, 'RCV', 'WH-B', k[120:])],
           refs={"order": [o2], "receipt": [r2]})
    i2 = W.invoice(bj(2026, 9, 3, 14), 'purchase', yx['party'], OWNER_ID, [('amx', 200, 760)], {"order": [o2], "receipt": [r2]})
    W.pay(bj(2026, 9, 23, 10), 'outgoing', yx['party'], i2['total'], [i2['doc']])
    # S1: one dispatch, two lines of one batch from two safes, every unit scanned once
    W.sell(H, bj(2026, 9, 8, 9), [('dzpi', 'D2608114', 10, 3180, None)], tag='s1',
           dispatch_lines=[('dzpi', 'D2608114', 5, 'SP-1', c1[0:5]), ('dzpi', 'D2608114', 5, 'SP-2', c2[0:5])], dispatch_tag='d1')
    # S2: line 2 lists the last SP-1 unit of line 1 again instead of the fifth SP-2 unit
    W.sell(H, bj(2026, 9, 10, 9), [('dzpi', 'D2608114', 10, 3180, None)], tag='s2',
           dispatch_lines=[('dzpi', 'D2608114', 5, 'SP-1', c1[5:10]), ('dzpi', 'D2608114', 5, 'SP-2', c2[5:9] + [c1[9]])], dispatch_tag='d2')
    # amoxicillin to a pharmacy chain: two lines, WH-A and WH-B, one code on both lines (ordinary product)
    W.sell(K, bj(2026, 9, 10, 14), [('amx', 'A2608203', 30, 920, None)], tag='s3',
           dispatch_lines=[('amx', 'A2608203', 20, 'WH-A', k[0:20]), ('amx', 'A2608203', 10, 'WH-B', k[120:129] + [k[19]])], dispatch_tag='d3')
    W.sell(H, bj(2026, 9, 15, 9), [('amx', 'A2608203', 20, 900, 'WH-A')], tag='s4')
    # stock count of both safes (quantities)
    for loc, q in (('SP-1', 10), ('SP-2', 10)):
        W.L.add('stock_count', bj(2026, 9, 24, 16), {"doc": W.newdoc('PD', bj(2026, 9, 24)), "location": loc,
                "lines": [{"product": W.pid('dzpi'), "batch": 'D2608114', "counted": q}]}, KEEP, tag=f"pd{loc[-1]}")
    # incoming payments of September's invoices
    for c in (H, K):
        invs = [i for i in W.invoices if i['direction'] == 'sale' and i['party'] == c['party']]
        W.pay(bj(2026, 9, 24, 10), 'incoming', c['party'], sum(i['total'] for i in invs), [i['doc'] for i in invs])
    # second batch: two cartons of 10; the last code of carton 1 is scanned again for carton 2, whose 10th unit is not scanned
    o3 = W.purchase(sa, bj(2026, 9, 22, 9), [('dzpi', 20, 2650)])
    v1, v2 = W.mkcodes('dzpi', 10), W.mkcodes('dzpi', 10)
    W.receipt(sa, bj(2026, 9, 25, 16), o3, [
        dict(key='dzpi', batch='D2609027', pd='2026-09-02', exp='2029-09-01', arrived=10, loc='RCV', codes=v1),
        dict(key='dzpi', batch='D2609027', pd='2026-09-02', exp='2029-09-01', arrived=10, loc='RCV', codes=[v1[9]] + v2[0:9], stock_codes=v2[0:9])],
        tag='r3')
    exp = [("SPECIAL-CHAIN", "d2"), ("SPECIAL-CHAIN", "r3")]
    head = ("216 VIOLATION: 地西泮注射液 (psychotropic2) of one batch in two safes SP-1 and SP-2, shipped to a hospital on one "
            "delivery note with a line per safe; on the second delivery the picker scanned the last SP-1 unit again for the "
            "SP-2 line; a receipt of two cartons where carton 2's scan repeats carton 1's last code; 阿莫西林胶囊 (ordinary, "
            "scanned) shipped from WH-A and WH-B with one code on both lines")
    notes = [
        "@r1@ receipt of batch D2608114 as two lines (two cartons of 20) with 40 distinct codes; @put1@ puts carton 1 into SP-1 and carton 2 into SP-2",
        "@d1@ (quiet): one dispatch, line 1 five units from SP-1, line 2 five from SP-2, each unit scanned once: a lawful multi-line dispatch of one batch from two locations",
        "@d2@: line 1 five SP-1 units (c1[5..9]); line 2 (from SP-2, quantity 5) lists four SP-2 codes and the last SP-1 code of line 1 again. CHANGELOG Round 16 / rules.md SPECIAL-CHAIN: 'A unit listed twice on one record (its code twice, or beside its pack's, on one line or on two) counts once, on its first line': line 2 covers 4 of 5 units -> SPECIAL-CHAIN; no CODE-DUP (CODE-DUP: 'A code listed twice on one record ... is one unit scanned twice, not this rule'), and no 'left SP-2 but the ledger had it at SP-1' since the repeat counts only on line 1",
        "@d3@ (quiet): ordinary 阿莫西林胶囊, line 1 twenty from WH-A, line 2 ten from WH-B whose tenth code is line 1's last: not CODE-DUP, and SPECIAL-CHAIN does not apply to control none",
        "stock count @pd1@/@pd2@: 10 and 10 boxes, as the books (quantities: 40 - 10 - 10 - ... by location: SP-1 20-5-5 = 10, SP-2 20-5-5 = 10) -> quiet",
        "@r3@ receipt of batch D2609027, two cartons of 10: line 1 ten codes, line 2 ten entries of which the first is line 1's last code: line 2 covers 9 of its 10 accepted units -> SPECIAL-CHAIN ('codes do not cover its quantity'); not CODE-DUP ('received while already in stock' does not apply to a repeat within one record). The ledger ends at this receipt (put-away pending)",
        "every delivery invoiced the same day and paid on 24 Sep; purchase invoices paid after 20 days; the second batch's purchase invoice is not yet booked when the ledger ends (nothing due)",
        "expected messages: @d2@ 5 units of D2608114 moved from SP-2 but 4 distinct traceability codes; @r3@ 10 units accepted but 9 distinct codes",
    ]
    whys = ["SPECIAL-CHAIN d2, r3: rules.md 'each movement line carries one code per unit ... A unit listed twice on one record (its code twice, or beside its pack's, on one line or on two) counts once, on its first line'",
            "CODE-DUP (quiet at d2, d3, r3): 'A code listed twice on one record (twice on a line, or on two of its lines) is one unit scanned twice, not this rule: it counts on its first line only (for a special-control drug the other line then covers one unit fewer: SPECIAL-CHAIN)'"]
    return W, head, notes, whys, exp


# =====================================================================================================
def cold_transport(W, vehicle, sensor, shipped, arrived, seed, lo=3.4, hi=6.6, tag=None, spikes=None):
    """logger readings every 5 min from 10 min before shipping to 5 min after arrival, uploaded 20 min after arrival"""
    rng = random.Random(seed)
    rs = []
    a = shipped - D(minutes=10)
    while a <= arrived + D(minutes=5):
        rs.append((a, rng.uniform(lo, hi)))
        a += D(minutes=5)
    if spikes:
        rs = [(a, spikes.get(a, c)) for a, c in rs]
    W.upload(arrived + D(minutes=20), sensor, rs, vehicle=vehicle, tag=tag)
    return {"vehicle": vehicle, "shipped_at": iso(shipped), "cold_chain": True}

@ledger(217, "temp-zone-at-receipt-insulin-accepted-into-the-cold-room-quiet-into-the-2-10-cabinet-fires-via-rcv-quiet-all-rejected-quiet-ibuprofen-into-cool-store")
def l217():
    W = World(217, "", bj(2026, 10, 5, 8, 30))
    std_master(W, [SUP['tonghua'], SUP['yuanxin']], ['ins', 'oxy', 'ibu', 'amc'], ['WH-A', 'WH-C', 'CR-1', 'CR-3'], [])
    th, yx = SUP['tonghua'], SUP['yuanxin']
    def cold_buy(t_order, t_arr, lines, seed, tag, price, spikes=None, shipped_h=38, put=None, invoice_lines=None):
        order = W.purchase(th, t_order, [(k, l['arrived'], price[k]) for k, l in ((l['key'], l) for l in lines)])
        tr = cold_transport(W, f"吉E·C77{30 + seed}冷", f"TL-77{30 + seed}", t_arr - D(hours=shipped_h), t_arr, seed, spikes=spikes)
        doc, _ = W.receipt(th, t_arr, order, lines, transport=tr, tag=tag)
        if put:
            W.move('put_away', t_arr + D(minutes=40), put, refs={"order": [order], "receipt": [doc]}, tag=tag + "_put")
        il = invoice_lines if invoice_lines is not None else [(l['key'], l.get('accepted', l['arrived']), price[l['key']]) for l in lines]
        if il:
            inv = W.invoice(t_arr + D(hours=4), 'purchase', th['party'], OWNER_ID, il, {"order": [order], "receipt": [doc]})
            W.pay(t_arr + D(days=25), 'outgoing', th['party'], inv['total'], [inv['doc']])
        return order, doc
    price = {'ins': 4350, 'oxy': 1280}
    cold_buy(bj(2026, 10, 8, 9), bj(2026, 10, 12, 10), [dict(key='ins', batch='I2609011', pd='2026-09-01', exp='2028-08-31', arrived=100, loc='CR-1')], 1, 'ra', price)
    cold_buy(bj(2026, 10, 9, 9), bj(2026, 10, 13, 10), [dict(key='ins', batch='I2609023', pd='2026-09-02', exp='2028-09-01', arrived=60, loc='CR-3')], 2, 'rb', price)
    W.move('transfer', bj(2026, 10, 13, 15), [('ins', 'I2609023', 60, 'CR-3', 'CR-1')], reason='relocation', tag='rb_fix')
    cold_buy(bj(2026, 10, 10, 9), bj(2026, 10, 14, 10), [dict(key='ins', batch='I2609035', pd='2026-09-03', exp='2028-09-02', arrived=80, loc='RCV')], 3, 'rc', price,
             put=[('ins', 'I2609035', 80, 'RCV', 'CR-1')])
    exc = {bj(2026, 10, 14, 20) + D(minutes=5 * i): c for i, c in enumerate([8.6, 9.8, 10.9, 11.2, 10.4, 9.1, 8.3])}
    cold_buy(bj(2026, 10, 11, 9), bj(2026, 10, 15, 10), [dict(key='ins', batch='I2609047', pd='2026-09-04', exp='2028-09-03', arrived=50, accepted=0,
             reason='运输途中冷藏车温度超标（最高 11.2 °C），整批拒收', loc='WH-C')], 4, 'rd', price, spikes=exc, invoice_lines=[])
    cold_buy(bj(2026, 10, 15, 11), bj(2026, 10, 16, 15), [dict(key='ins', batch='I2609059', pd='2026-09-05', exp='2028-09-04', arrived=50, accepted=48,
             reason='外包装破损 2 支', loc='CR-1')], 5, 're', price, shipped_h=29)
    # ambient and cool products from 杭州远信
    o = W.purchase(yx, bj(2026, 10, 16, 9), [('ibu', 300, 1050), ('amc', 200, 1830)])
    rf, _ = W.receipt(yx, bj(2026, 10, 19, 10), o, [dict(key='ibu', batch='B2609126', pd='2026-09-12', exp='2028-09-11', arrived=300, loc='WH-C')], tag='rf')
    W.move('transfer', bj(2026, 10, 19, 16), [('ibu', 'B2609126', 300, 'WH-C', 'WH-A')], reason='relocation', tag='rf_fix')
    rg, _ = W.receipt(yx, bj(2026, 10, 19, 14), o, [dict(key='amc', batch='K2609088', pd='2026-09-08', exp='2028-03-07', arrived=200, loc='CR-1')], tag='rg')
    inv = W.invoice(bj(2026, 10, 19, 17), 'purchase', yx['party'], OWNER_ID, [('ibu', 300, 1050), ('amc', 200, 1830)], {"order": [o], "receipt": [rf, rg]})
    W.pay(bj(2026, 11, 13, 10), 'outgoing', yx['party'], inv['total'], [inv['doc']])
    cold_buy(bj(2026, 10, 16, 9), bj(2026, 10, 20, 10), [dict(key='oxy', batch='X2609071', pd='2026-09-07', exp='2028-09-06', arrived=100, loc='CR-3')], 6, 'rh', price)
    cold_buy(bj(2026, 10, 17, 9), bj(2026, 10, 21, 10), [dict(key='oxy', batch='X2609083', pd='2026-09-08', exp='2028-09-07', arrived=50, loc='CR-1')], 7, 'ri', price)
    cold_buy(bj(2026, 10, 18, 9), bj(2026, 10, 22, 10), [dict(key='ins', batch='I2610061', pd='2026-10-06', exp='2028-10-05', arrived=40, loc='CR-1'),
                                                        dict(key='oxy', batch='X2609095', pd='2026-09-09', exp='2028-09-08', arrived=30, loc='CR-3')], 8, 'rj', price)
    exp = [("TEMP-ZONE", "rb"), ("TEMP-ZONE", "rf")]
    head = ("217 VIOLATION: a fortnight of receiving at the cold rooms: 门冬胰岛素 (2-8 °C) accepted straight into the cold room "
            "CR-1 (2-8), into the 2-10 °C cabinet CR-3, via the unregistered dock RCV, rejected whole at a wrong location, and "
            "accepted in part; 缩宫素 (2-10) into CR-3 and CR-1; 布洛芬 (ambient 10-30) accepted into the cool store WH-C (0-20); "
            "阿莫西林克拉维酸钾 (cool 0-20) into CR-1")
    notes = [
        "zones: CR-1 cold, explicit 2.0-8.0; CR-3 cold, explicit 2.0-10.0 (冷处 cabinet); WH-C cool (class 0-20); WH-A ambient (10-30); RCV is not registered",
        "@ra@ insulin (cold class 2-8) accepted 100 at CR-1: 2-8 inside 2-8 -> quiet",
        "@rb@ insulin accepted 60 at CR-3 (2-10): the zone reaches 10 °C, insulin allows 8 -> TEMP-ZONE at the receipt (CHANGELOG Round 16, rules.md TEMP-ZONE 'A receipt line is judged by its location when it accepts anything'); @rb_fix@ moves it to CR-1 the same afternoon (quiet)",
        "@rc@ insulin accepted 80 at RCV (unregistered: 'an unregistered location (a staging area) is not judged'), then put away to CR-1 (@rc_put@) -> quiet",
        "@rd@ insulin arrived 50, accepted 0 (truck excursion up to 11.2 °C), line location WH-C (the ERP's default dock): accepts nothing -> not judged -> quiet; CC-RECEIPT is for 'a receipt accepting cold-chain products', so the excursion in its log is no finding either, and no purchase invoice is booked",
        "@re@ replacement delivery (own order), 50 arrived, 48 accepted, 2 rejected (broken), at CR-1 -> quiet",
        "@rf@ 布洛芬缓释胶囊 (ambient 10-30) accepted 300 at WH-C (0-20): the zone can be colder than the product allows -> TEMP-ZONE; @rf_fix@ moves it to WH-A (quiet)",
        "@rg@ 阿莫西林克拉维酸钾片 (cool class 0-20) accepted at CR-1 (2-8 inside 0-20) -> quiet; @rh@ 缩宫素 (temp_range 2-10) at CR-3 (2-10) -> quiet; @ri@ 缩宫素 at CR-1 (2-8 inside 2-10) -> quiet; @rj@ one delivery of insulin into CR-1 and 缩宫素 into CR-3 on two lines -> quiet",
        "every accepted cold receipt has a cold_chain transport of one of 通化康元's trucks (吉E·C7731冷 .. 吉E·C7738冷, one logger each) whose logger reads every 5 min from 10 min before shipped_at to 5 min after arrival (3.4-6.6 °C), uploaded 20 min after arrival (CC-RECEIPT quiet); no zone readings are uploaded",
        "expected messages: @rb@ CR-3 2.0-10.0 °C against insulin 2.0-8.0 °C; @rf@ WH-C 0-20 °C against 布洛芬 10-30 °C",
    ]
    whys = ["TEMP-ZONE rb, rf: rules.md 'A product is accepted, put away or moved into a zone whose temperature range is not inside the product's required range ... A receipt line is judged by its location when it accepts anything (goods accepted straight into a cold room are in that room); an unregistered location (a staging area) is not judged'"]
    return W, head, notes, whys, exp



# =====================================================================================================
@ledger(218, "returns-180-days-after-the-sale-one-minute-late-not-known-exactly-on-time-quiet-a-sale-number-never-recorded-and-another-customers-sale")
def l218():
    W = World(218, "", bj(2026, 4, 20, 8, 30))
    H1 = hospital("杭州市西湖区中西医结合医院", "330106", "浙江省杭州市西湖区灵隐路 22 号", "47000418233010611A5001", 0)
    H2 = hospital("杭州市拱墅区康复医院", "330105", "浙江省杭州市拱墅区登云路 518 号", "47000426933010511A5001", 1)
    H3 = hospital("杭州市滨江区浦沿医院", "330108", "浙江省杭州市滨江区浦沿街道东信大道 66 号", "47000433533010811A5001", 2)
    std_master(W, [SUP['yuanxin']], ['cfx'], ['WH-A'], [H1, H2, H3])
    yx = SUP['yuanxin']
    W.buy(yx, bj(2026, 4, 21, 9), 'cfx', 'C2603155', '2026-03-15', '2028-03-14', 600, 1320, 'WH-A')
    W.buy(yx, bj(2026, 8, 4, 9), 'cfx', 'C2607221', '2026-07-22', '2028-07-21', 600, 1320, 'WH-A')
    price = 1690
    sales = {}
    def sell(c, t, q, tag=None):
        b = 'C2603155' if t < bj(2026, 8, 10) else 'C2607221'
        doc, inv = W.sell(c, t, [('cfx', b, q, price, 'WH-A')], tag=tag)
        sales[tag] = (doc, inv, b)
        return doc, inv
    sell(H1, bj(2026, 5, 20, 9, 30), 100, 's1')
    sell(H2, bj(2026, 5, 21, 10), 80, 's2')
    sell(H3, bj(2026, 5, 22, 10), 60, 's3')
    for m in range(6, 12):
        for i, (c, q) in enumerate(((H1, 40), (H2, 30), (H3, 20))):
            tag = 's5' if (m == 10 and c is H1) else None
            sell(c, bj(2026, m, 10 + i, 10), q, tag)
    W.settle_sales(bj(2026, 11, 20))
    def ret(c, t, sale_doc, b, q, reason, tag, dn=None):
        refs = {"sale": [sale_doc]}
        if dn:
            refs["delivery_note"] = [dn]
        W.L.add('customer_return', t, {"doc": W.newdoc('TH', t), "customer": c['party'], "reason": reason,
                "lines": [{"product": W.pid('cfx'), "batch": b, "quantity": q, "to": "RET"}]}, SALES + ["验收-吴倩"],
                refs=refs, tag=tag)
        W._in('cfx', b, 'RET', q, [])
    s1doc, s1inv, _ = sales['s1']
    s2doc, s2inv, _ = sales['s2']
    s5doc, s5inv, s5b = sales['s5']
    ret(H1, bj(2026, 5, 20, 9, 30) + D(days=180, minutes=1), s1doc, 'C2603155', 10, '科室用药调整，退回未开封药品', 'ra')
    ret(H2, bj(2026, 5, 21, 10) + D(days=180), s2doc, 'C2603155', 8, '科室用药调整，退回未开封药品', 'rb')
    ret(H3, bj(2026, 11, 18, 10), "XS20260522218999", 'C2603155', 5, '医院退货单所列原销售单号', 'rc')
    ret(H3, bj(2026, 11, 18, 14), s5doc, s5b, 4, '破损包装退回', 'rd')
    # the lawful return: re-inspected and released, credited and refunded
    W.move('transfer', bj(2026, 11, 17, 15), [('cfx', 'C2603155', 8, 'RET', 'WH-A')], reason='release', tag='rb_rel')
    cn = W.invoice(bj(2026, 11, 17, 16), 'sale', OWNER_ID, H2['party'], [('cfx', 8, price)], {"sale": [s2doc]}, credit_for=s2inv['doc'], tag='rb_cn')
    W.pay(bj(2026, 11, 19, 10), 'outgoing', H2['party'], cn['total'], [cn['doc']], tag='rb_refund')
    exp = [("RETURN-ORIG", "ra"), ("RETURN-ORIG", "rc"), ("RETURN-ORIG", "rd")]
    head = ("218 VIOLATION: 头孢呋辛酯片 sold to three hospitals every month from May to November 2026; in November one returns goods of "
            "a May sale 180 days and 1 minute after it, another exactly 180 days after its sale, a third quotes a sale number we never "
            "recorded, and the same hospital returns goods of a sale made to another hospital")
    notes = [
        "@s1@ 杭州市西湖区中西医结合医院 buys 100 on 2026-05-20 09:30:00 +08:00; @ra@ returns 10 of it on 2026-11-16 09:31:00 +08:00 = 180 days (return_window_days) and 1 minute later: the sale is forgotten -> RETURN-ORIG, worded (CHANGELOG Round 16) 'sale ... not known (never recorded, or older than the return window)' / 未知, not 不存在",
        "@s2@ 杭州市拱墅区康复医院 buys 80 on 2026-05-21 10:00:00; @rb@ returns 8 on 2026-11-17 10:00:00, exactly 180 days later: 'a return at exactly that instant still finds it' -> quiet; released to WH-A after re-inspection (@rb_rel@), credit note for 8 (@rb_cn@, credit_for the May invoice, whose payment deadline 20 Jul keeps it known until Jan 2027) and refund to the hospital's registered account (@rb_refund@)",
        "@rc@ 杭州市滨江区浦沿医院 returns 5 quoting XS20260522218999, which was never recorded -> RETURN-ORIG with the same wording as @ra@ (never recorded, or older than the return window)",
        "@rd@ the same hospital returns 4 of the October sale @s5@, which was made to 杭州市西湖区中西医结合医院 -> RETURN-ORIG, sale to another customer, seqs adding the sale",
        "the goods of @ra@, @rc@ and @rd@ stay in RET (quarantine) while the returns are disputed; nothing is credited; the ledger ends 2 days after them (no UNINVOICED, TTGK-S correction or ORPHAN deadline passes)",
        "monthly sales on the 10th..12th of June-November (40, 30, 20) are invoiced the same day and paid on the 18th of the next month; November's invoices are open (due in January)",
        "ordinary product without codes: no CODE-UNKNOWN",
    ]
    whys = ["RETURN-ORIG ra, rc, rd: rules.md 'A customer return must reference an earlier sale to the same customer of the same product and batch ... A sale is remembered for return_window_days from its occurred_at, to the second: a return at exactly that instant still finds it, a later one does not'"]
    return W, head, notes, whys, exp


# =====================================================================================================
@ledger(219, "special-destroy-messages-two-controlled-lines-and-an-ordinary-line-first-no-source-of-a-batch-only-from-a-lapsed-supplier-names-the-customer")
def l219():
    W = World(219, "", bj(2026, 3, 2, 8, 30))
    H = hospital("杭州市余杭区第一人民医院", "330110", "浙江省杭州市余杭区南苑街道迎宾路 369 号", "47000492733011011A1001", 0,
                 scope=HOSP_SCOPE + ["narcotic", "psychotropic1"],
                 special={"designation": "seal_card_holder", "seal_card": "浙印鉴卡(2024)0371", "valid_to": "2027-06-30"})
    K = chain("杭州华东大药房连锁有限公司", "330105", "拱墅区", "湖墅南路 503 号", "浙CA5710284", 1)
    std_master(W, [SUP['shuan'], SUP['yuanxin'], SUP['huaxin']], ['mor', 'dzp', 'amx'], ['WH-A', 'SP-1'], [H, K])
    sa, yx, hx = SUP['shuan'], SUP['yuanxin'], SUP['huaxin']
    W.buy(sa, bj(2026, 3, 9, 9), 'mor', 'M2503041', '2025-03-04', '2028-03-03', 30, 980, 'SP-1')
    W.buy(sa, bj(2026, 3, 9, 10), 'dzp', 'Z2502116', '2025-02-11', '2028-02-10', 60, 1560, 'SP-1')
    W.buy(yx, bj(2026, 3, 10, 9), 'amx', 'A2602087', '2026-02-08', '2028-02-07', 300, 760, 'WH-A')
    W.sell(H, bj(2026, 4, 14, 9), [('mor', 'M2503041', 10, 1280, 'SP-1'), ('dzp', 'Z2502116', 20, 1980, 'SP-1')])
    W.sell(H, bj(2026, 6, 16, 9), [('mor', 'M2503041', 10, 1280, 'SP-1'), ('dzp', 'Z2502116', 30, 1980, 'SP-1')])
    W.sell(K, bj(2026, 5, 12, 10), [('amx', 'A2602087', 200, 920, 'WH-A')])
    W.settle_sales(bj(2026, 11, 10))
    # damaged and unsold stock moved into quarantine
    W.move('transfer', bj(2026, 9, 7, 11), [('mor', 'M2503041', 10, 'SP-1', 'QA'), ('dzp', 'Z2502116', 10, 'SP-1', 'QA')], reason='quarantine', tag='q1')
    W.move('transfer', bj(2026, 9, 8, 15), [('amx', 'A2602087', 20, 'WH-A', 'QA')], reason='quarantine', tag='q2')
    def destroy(t, lines, sup, tag, reason):
        out = []
        for k, b, q in lines:
            codes = W._out(k, b, 'QA', q)
            l = {"product": W.pid(k), "batch": b, "quantity": q, "from": "QA"}
            if codes:
                l["codes"] = codes
            out.append(l)
        d = {"doc": W.newdoc('XH', t), "reason": reason, "method": "焚烧", "lines": out}
        if sup:
            d["supervisors"] = sup
        W.L.add('destruction', t, d, QM + KEEP, tag=tag)
    destroy(bj(2026, 10, 20, 14), [('mor', 'M2503041', 7), ('dzp', 'Z2502116', 5)], None, 'x1', '库房漏水，外包装受潮污染，报损销毁')
    destroy(bj(2026, 10, 22, 14), [('amx', 'A2602087', 20), ('dzp', 'Z2502116', 3)], None, 'x2', '库房漏水，外包装受潮污染，报损销毁')
    destroy(bj(2026, 10, 27, 10), [('mor', 'M2503041', 3), ('dzp', 'Z2502116', 2)],
            ["杭州市西湖区市场监督管理局 执法人员 陈刚", "杭州市西湖区卫生健康局 执法人员 李敏"], 'x3', '库房漏水，外包装受潮污染，报损销毁')
    # a wholesaler whose licence lapsed on 30 Sep 2026
    o = W.purchase(hx, bj(2026, 10, 9, 9), [('amx', 100, 700), ('amx', 50, 700)], tag='p_hx')
    r, _ = W.receipt(hx, bj(2026, 10, 10, 10), o, [dict(key='amx', batch='A2608196', pd='2026-08-19', exp='2028-08-18', arrived=100, loc='RCV'),
                                                  dict(key='amx', batch='A2602087', pd='2026-02-08', exp='2028-02-07', arrived=50, loc='RCV')], tag='r_hx')
    W.move('put_away', bj(2026, 10, 10, 10, 50), [('amx', 'A2608196', 100, 'RCV', 'WH-A'), ('amx', 'A2602087', 50, 'RCV', 'WH-A')], refs={"order": [o], "receipt": [r]})
    inv = W.invoice(bj(2026, 10, 10, 15), 'purchase', hx['party'], OWNER_ID, [('amx', 150, 700)], {"order": [o], "receipt": [r]})
    W.pay(bj(2026, 11, 4, 10), 'outgoing', hx['party'], inv['total'], [inv['doc']])
    W.sell(K, bj(2026, 10, 14, 10), [('amx', 'A2608196', 40, 920, 'WH-A')], tag='s_u', dispatch_tag='d_u')
    W.sell(K, bj(2026, 10, 15, 10), [('amx', 'A2602087', 60, 920, 'WH-A')], tag='s_z', dispatch_tag='d_z')
    W.pay(bj(2026, 11, 9, 10), 'incoming', K['party'], sum(i['total'] for i in W.invoices[-2:]), [i['doc'] for i in W.invoices[-2:]])
    exp = [("SPECIAL-DESTROY", "x1"), ("SPECIAL-DESTROY", "x2"), ("SUP-LIC", "p_hx"), ("SUP-LIC", "r_hx"), ("NO-SOURCE", "d_u")]
    head = ("219 VIOLATION: a roof leak spoils 盐酸吗啡注射液, 地西泮片 and 阿莫西林胶囊 in the stores; two destructions without the "
            "regulators' supervisors (two controlled lines; an ordinary line first), one supervised; 阿莫西林 bought from a "
            "wholesaler whose licence lapsed on 30 Sep: a batch bought only from it is shipped to a pharmacy chain")
    notes = [
        "morphine (narcotic) and diazepam (psychotropic2) from the designated manufacturer 四川蜀安, sold to 杭州市余杭区第一人民医院 (seal card 浙印鉴卡(2024)0371, valid to 2027-06-30) in April and June; damaged units moved to QA on 7-8 Sep (@q1@, @q2@), every controlled unit with its code",
        "@x1@ destruction without supervisors: line 1 盐酸吗啡注射液 M2503041 7 支, line 2 地西泮片 Z2502116 5 瓶 -> SPECIAL-DESTROY; CHANGELOG Round 16: it 'names what was destroyed (the first line's product, batch and quantity, and how many more lines of controlled drugs)': expected 盐酸吗啡注射液 batch M2503041, 7, and 1 more line",
        "@x2@ destruction without supervisors: line 1 阿莫西林胶囊 (ordinary) 20 盒, line 2 地西泮片 Z2502116 3 瓶 -> SPECIAL-DESTROY; which line is named is not clear from the CHANGELOG ('the first line's product' vs 'how many more lines of controlled drugs'): I expect the first controlled line, 地西泮片 Z2502116 3, and no more lines",
        "@x3@ destruction of 3 支 morphine and 2 瓶 diazepam with two supervisors -> quiet",
        "宁波华信医药 (wholesaler) licence 浙AA5740207 valid 2021-10-01 .. 2026-09-30; purchase @p_hx@ on 9 Oct and receipt @r_hx@ on 10 Oct -> SUP-LIC at each ('One finding per record')",
        "@r_hx@ brings batch A2608196 (only ever received from 华信) and 50 more of A2602087 (received in March from the manufacturer 杭州远信): @d_u@ ships 40 of A2608196 to 杭州华东大药房连锁 -> NO-SOURCE, whose sentence should name the customer (CHANGELOG Round 16: 'NO-SOURCE for a batch received only from unqualified suppliers names the customer it went to'); @d_z@ ships 60 of A2602087 -> quiet (also received from a qualified supplier)",
        "SPECIAL-CHAIN: every controlled movement lists one code per unit (receipts, put-aways, dispatches, transfers to QA, destructions) -> quiet",
        "TWO-INVOICE: the hospital's goods come from the manufacturers; 杭州华东 is a pharmacy chain -> quiet",
    ]
    whys = ["SPECIAL-DESTROY x1, x2: rules.md 'Destruction of special-control drugs records the regulator's supervisor(s) present'",
            "SUP-LIC p_hx, r_hx: 'Purchases and receipts only from registered suppliers (首营企业) whose licence is valid on the event date'",
            "NO-SOURCE d_u: 'A batch was dispatched that was never received, or was received only from suppliers that failed qualification'"]
    return W, head, notes, whys, exp


# =====================================================================================================
@ledger(220, "cold-room-gaps-in-range-to-out-of-range-after-30-min-quiet-after-31-min-gap-out-of-range-then-in-range-after-3-min-gap-2-min-quiet")
def l220():
    W = World(220, "", bj(2026, 10, 2, 8, 30))
    std_master(W, [SUP['tonghua']], ['ins'], ['CR-1'], [], zone_sensors={'CR-1': ['TH-R01']})
    th = SUP['tonghua']
    # insulin accepted into the cold room
    o = W.purchase(th, bj(2026, 10, 2, 9), [('ins', 120, 4350)])
    tr = cold_transport(W, "吉E·C7741冷", "TL-7741", bj(2026, 10, 3, 20), bj(2026, 10, 5, 9), 41)
    r, _ = W.receipt(th, bj(2026, 10, 5, 9), o, [dict(key='ins', batch='I2609102', pd='2026-09-10', exp='2028-09-09', arrived=120, loc='CR-1')], transport=tr)
    inv = W.invoice(bj(2026, 10, 5, 14), 'purchase', th['party'], OWNER_ID, [('ins', 120, 4350)], {"order": [o], "receipt": [r]})
    W.pay(bj(2026, 10, 28, 10), 'outgoing', th['party'], inv['total'], [inv['doc']])
    # readings every 10 minutes 5 Oct 00:10 .. 13 Oct 00:00, uploads every 4 hours
    rng = random.Random(220)
    rs = {}
    t = bj(2026, 10, 5, 0, 10)
    while t <= bj(2026, 10, 13, 0, 0):
        rs[t] = round(rng.uniform(4.0, 6.4), 1)
        t += D(minutes=10)
    def drop(a, b):
        for k in [k for k in rs if a <= k <= b]:
            del rs[k]
    # E1 6 Oct: 10:00 in range, 10:30 out (30 min), 10:32, 10:34 back in
    drop(bj(2026, 10, 6, 10, 10), bj(2026, 10, 6, 10, 30))
    rs.update({bj(2026, 10, 6, 10, 0): 5.2, bj(2026, 10, 6, 10, 30): 8.6, bj(2026, 10, 6, 10, 32): 8.4, bj(2026, 10, 6, 10, 34): 7.6})
    # E2 8 Oct: 14:00 in range, 14:31 out (31 min), 14:33, 14:35 back in
    drop(bj(2026, 10, 8, 14, 10), bj(2026, 10, 8, 14, 30))
    rs.update({bj(2026, 10, 8, 14, 0): 5.0, bj(2026, 10, 8, 14, 31): 9.1, bj(2026, 10, 8, 14, 33): 9.0, bj(2026, 10, 8, 14, 35): 7.8})
    # E3 10 Oct: 08:50 in, 09:00 out, 09:02 out, 09:05 back in (3 min after a reading out of range)
    rs.update({bj(2026, 10, 10, 8, 50): 5.9, bj(2026, 10, 10, 9, 0): 8.7, bj(2026, 10, 10, 9, 2): 8.9, bj(2026, 10, 10, 9, 5): 7.2})
    # E4 11 Oct: 14:50 in, 15:00 out, 15:02 out, 15:04 back in (2 min exactly)
    rs.update({bj(2026, 10, 11, 14, 50): 6.1, bj(2026, 10, 11, 15, 0): 8.3, bj(2026, 10, 11, 15, 2): 8.5, bj(2026, 10, 11, 15, 4): 7.9})
    # E5 12 Oct: out from 11:50 across the 12:00 upload, back in at 12:02
    for i, c in enumerate([8.4, 8.6, 8.2, 8.1, 8.3, 8.2]):
        rs[bj(2026, 10, 12, 11, 50) + D(minutes=2 * i)] = c
    rs[bj(2026, 10, 12, 12, 2)] = 7.5
    up = bj(2026, 10, 5, 4)
    tags = {bj(2026, 10, 6, 12): 'u_e1', bj(2026, 10, 8, 16): 'u_e2', bj(2026, 10, 10, 12): 'u_e3', bj(2026, 10, 11, 16): 'u_e4',
            bj(2026, 10, 12, 12): 'u_e5a', bj(2026, 10, 12, 16): 'u_e5b'}
    while up <= bj(2026, 10, 13, 0):
        batch = sorted((a, c) for a, c in rs.items() if up - D(hours=4) < a <= up)
        W.upload(up, "TH-R01", batch, zone="CR-1", tag=tags.get(up))
        up += D(hours=4)
    exp = [("TEMP-RANGE", "u_e1"), ("TEMP-GAP", "u_e2"), ("TEMP-RANGE", "u_e2"), ("TEMP-GAP", "u_e3"), ("TEMP-RANGE", "u_e3"),
           ("TEMP-RANGE", "u_e4"), ("TEMP-RANGE", "u_e5b")]
    head = ("220 VIOLATION: the cold room CR-1 (2-8 °C, one probe TH-R01, a reading every 10 min, uploads every 4 h) holding "
            "insulin, 5-12 Oct 2026: five short excursions; the gap before each and while out of range at its limits")
    notes = [
        "E1 6 Oct (@u_e1@, 08:00-12:00 upload): 10:00 5.2 °C in range, next reading 10:30 8.6 °C out of range: 30 min, the storage limit, 'a gap after a reading in range is held to the storage or transport limit, even when the next reading is out of range' -> no TEMP-GAP; 10:32 8.4, 10:34 7.6 back in (2 min each) -> TEMP-RANGE 10:30-10:34, peak 8.6",
        "E2 8 Oct (@u_e2@): 14:00 5.0 in range, next 14:31 9.1 out: 31 min > 30 -> TEMP-GAP (31 min, limit 30); 14:33 9.0, 14:35 7.8 back in -> TEMP-RANGE 14:31-14:35, peak 9.1; both at the upload holding 14:31 and 14:35",
        "E3 10 Oct (@u_e3@): 08:50 5.9, 09:00 8.7 out (10 min after a reading in range: storage limit), 09:02 8.9 (2 min), 09:05 7.2 back in: 3 min after a reading out of range, 'more than the excursion limit apart after a reading out of range (whatever the next reading)' -> TEMP-GAP (3 min, limit 2); TEMP-RANGE 09:00-09:05, peak 8.9",
        "E4 11 Oct (@u_e4@): 15:00 8.3, 15:02 8.5, 15:04 7.9 back in, 2 min exactly -> no TEMP-GAP; TEMP-RANGE 15:00-15:04, peak 8.5",
        "E5 12 Oct: out of range from 11:50 (8.4) every 2 min to 12:00 (8.2) in the 12:00 upload (@u_e5a@), back in at 12:02 (7.5) in the 16:00 upload (@u_e5b@) -> TEMP-RANGE at @u_e5b@ with seqs adding @u_e5a@; the 2 min from 12:00 to 12:02 cross the upload boundary (no gap)",
        "every other pair of readings is 10 min apart, values 4.0-6.4 °C from a seeded random sequence (no flat runs, no copied days); every reading is uploaded within 4 h of being taken; TH-R01 is registered for CR-1",
        "insulin (not a vaccine) in CR-1: no VAC-DISPOSE; its receipt has a cold-chain truck log (CC-RECEIPT quiet)",
    ]
    whys = ["TEMP-GAP u_e2, u_e3: rules.md TEMP-GAP 'Consecutive readings of a storage zone more than the storage limit apart ... or more than the excursion limit apart after a reading out of range (whatever the next reading; a gap after a reading in range is held to the storage or transport limit, even when the next reading is out of range)'",
            "TEMP-RANGE: 'Readings of a storage zone ... left the allowed range'; points at 'the upload holding the reading that ended the excursion: the first back in range'; seqs add the upload where it began"]
    return W, head, notes, whys, exp



# =====================================================================================================
@ledger(221, "code-format-diagnoses-a-letter-in-a-zhuisuma-19-and-21-digits-on-two-lines-gs1-check-digit-date-raw-d2-unknown-ai-bare-ai-digits-serial-space-leading-space")
def l221():
    W = World(221, "", bj(2026, 10, 5, 8, 30))
    K = chain("杭州康和大药房连锁有限公司", "330105", "拱墅区", "莫干山路 1109 号", "浙CA5710231", 1)
    std_master(W, [SUP['yuanxin']], ['amx', 'ibu', 'cfk'], ['WH-A'], [])
    yx = SUP['yuanxin']
    gtin = W.pid('cfk')
    # (C) after the first run: a GS1 unit is its GTIN and serial (SGTIN), so serials run on across batches;
    # the first version restarted them at S000001 in every batch (probes/221-first-version-...jsonl)
    serial_base = {}
    def _ser(batch, serial):
        if batch not in serial_base:
            serial_base[batch] = 100 * (len(serial_base) + 1)
        return f"S{serial_base[batch] + int(serial[1:]):06d}" if serial[1:].isdigit() else serial
    def gs1(yymmdd, batch, serial):
        return f"(01){gtin}(17){yymmdd}(10){batch}(21){_ser(batch, serial)}"
    def raw(yymmdd, batch, serial, g=None):
        return "]d2" + "01" + (g or gtin) + "17" + yymmdd + "10" + batch + "\x1d" + "21" + _ser(batch, serial)
    bad_gtin = gtin[:-1] + str((int(gtin[-1]) + 1) % 10)
    n = [0]
    def rec(t, lines, tag, price):
        """lines: (key, batch, pd, exp, qty, codes)"""
        order = W.purchase(yx, t - D(days=2), [(k, q, price[k]) for k, b, pd, ex, q, c in lines])
        doc, _ = W.receipt(yx, t, order, [dict(key=k, batch=b, pd=pd, exp=ex, arrived=q, loc='RCV', codes=c, stock_codes=[]) for k, b, pd, ex, q, c in lines], tag=tag)
        W.move('put_away', t + D(minutes=45), [(k, b, q, 'RCV', 'WH-A', []) for k, b, pd, ex, q, c in lines], refs={"order": [order], "receipt": [doc]})
        inv = W.invoice(t + D(hours=3), 'purchase', yx['party'], OWNER_ID, [(k, q, price[k]) for k, b, pd, ex, q, c in lines], {"order": [order], "receipt": [doc]})
        W.pay(t + D(days=25), 'outgoing', yx['party'], inv['total'], [inv['doc']])
    price = {'amx': 760, 'ibu': 1050, 'cfk': 1460}
    c = W.mkcodes('amx', 50); bad1 = c[9][:-1] + "X"; c[9] = bad1
    rec(bj(2026, 10, 8, 10), [('amx', 'A2609014', '2026-09-01', '2028-08-31', 50, c)], 'r1', price)
    c1 = W.mkcodes('ibu', 40); bad2a = c1[5][:-1]; c1[5] = bad2a
    c2 = W.mkcodes('ibu', 40); bad2b = c2[7] + "7"; c2[7] = bad2b
    rec(bj(2026, 10, 9, 10), [('ibu', 'B2609033', '2026-09-03', '2028-09-02', 40, c1), ('ibu', 'B2609045', '2026-09-04', '2028-09-03', 40, c2)], 'r2', price)
    c = [gs1("280200" if i % 2 else "280229", "F2603011", f"S{i:06d}") for i in range(1, 41)]
    bad3 = c[12].replace(f"(01){gtin}", f"(01){bad_gtin}"); c[12] = bad3
    rec(bj(2026, 10, 12, 10), [('cfk', 'F2603011', '2026-03-01', '2028-02-29', 40, c)], 'r3', price)
    c = [gs1("280331", "F2603022", f"S{i:06d}") for i in range(1, 31)]
    bad4 = c[3].replace("(17)280331", "(17)281331"); c[3] = bad4
    rec(bj(2026, 10, 13, 10), [('cfk', 'F2603022', '2026-03-02', '2028-03-31', 30, c)], 'r4', price)
    c = [raw("280331", "F2603033", f"S{i:06d}") for i in range(1, 31)]
    bad5 = raw("280331", "F2603033", "S000031", g=bad_gtin); c[29] = bad5
    rec(bj(2026, 10, 14, 10), [('cfk', 'F2603033', '2026-03-03', '2028-03-31', 30, c)], 'r5', price)
    c = [gs1("280430", "F2604014", f"S{i:06d}") for i in range(1, 21)]
    bad6 = c[0] + "(240)YX-0612"; c[0] = bad6
    rec(bj(2026, 10, 15, 10), [('cfk', 'F2604014', '2026-04-01', '2028-04-30', 20, c)], 'r6', price)
    c = [gs1("280430", "F2604025", f"S{i:06d}") for i in range(1, 21)]
    bad7 = "01" + gtin + "17" + "280430" + "21" + "0000000021"; c[19] = bad7
    rec(bj(2026, 10, 16, 10), [('cfk', 'F2604025', '2026-04-02', '2028-04-30', 20, c)], 'r7', price)
    c = [gs1("280531", "F2605016", f"S{i:06d}") for i in range(1, 21)]
    bad8 = gs1("280531", "F2605016", "S000008").replace("(21)S", "(21)S "); c[7] = bad8
    rec(bj(2026, 10, 19, 10), [('cfk', 'F2605016', '2026-05-01', '2028-05-31', 20, c)], 'r8', price)
    c = W.mkcodes('amx', 30); bad9 = " " + c[0]; c[0] = bad9
    rec(bj(2026, 10, 20, 10), [('amx', 'A2609026', '2026-09-02', '2028-09-01', 30, c)], 'r9', price)
    c = W.mkcodes('amx', 40); b10 = [c[4][:-1], c[11][:-1] + "Y", c[30] + "0"]; c[4], c[11], c[30] = b10
    rec(bj(2026, 10, 21, 10), [('amx', 'A2609038', '2026-09-03', '2028-09-02', 40, c)], 'r10', price)
    c = [gs1("280630", "F2606017", f"S{i:06d}") for i in range(1, 21)]
    bad11 = f"(01){gtin[1:]}(17)280630(10)F2606017(21)S000005"; c[4] = bad11
    rec(bj(2026, 10, 22, 10), [('cfk', 'F2606017', '2026-06-01', '2028-06-30', 20, c)], 'r11', price)
    # a quiet receipt: GS1 codes bracketed and raw with a symbology identifier, 20-digit codes on another line
    cq = [gs1("280630", "F2606028", f"S{i:06d}") for i in range(1, 11)] + [raw("280630", "F2606028", f"S{i:06d}") for i in range(11, 21)]
    rec(bj(2026, 10, 23, 10), [('cfk', 'F2606028', '2026-06-02', '2028-06-30', 20, cq), ('amx', 'A2609040', '2026-09-04', '2028-09-03', 20, W.mkcodes('amx', 20))], 'r12', price)
    exp = [("CODE-FORMAT", t) for t in ('r1', 'r2', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11')]
    j = lambda x: x.replace("\x1d", "<GS>")
    head = ("221 VIOLATION: a fortnight of receipts from 杭州远信制药 with 追溯码 scanned on arrival (ordinary products), each with one "
            "kind of malformed code, and one clean receipt of GS1 codes bracketed and raw")
    notes = [
        f"@r1@ 阿莫西林胶囊: one 20-character 追溯码 ending in a letter, {bad1}: no brackets, no symbology identifier, no known AI first (starts 81): expected diagnosis 'not a 20-digit traceability code nor a GS1 element string' (CHANGELOG Round 16), not an AI (81)",
        f"@r2@ 布洛芬 on two lines: line 1 a 19-digit code {bad2a}, line 2 a 21-digit code {bad2b}: 'One finding per line' -> two CODE-FORMAT findings at the same record, each 'not a 20-digit traceability code nor a GS1 element string'",
        f"@r3@ 头孢克肟分散片 (registered by its GTIN {gtin}), bracketed GS1 codes, (17) 280229 and 280200 (day 00 = the month's last day, 29 Feb 2028) alternating (valid); one with a wrong GTIN check digit {bad3}: expected diagnosis 'check digit'",
        f"@r4@ one code with (17)281331, month 13: {bad4}: expected diagnosis 'invalid date'",
        f"@r5@ raw codes after the symbology identifier ]d2 with GS ending the batch (valid); one with a wrong GTIN check digit {j(bad5)}: expected 'check digit'",
        f"@r6@ one bracketed code with an extra AI (240), which format.md does not list among (01), (10), (11), (17), (21): {bad6}: expected 'unsupported GS1 application identifier (240)'",
        f"@r7@ one bare string of AIs without brackets or symbology identifier, {bad7} ({len(bad7)} digits, which as raw AIs would read (01){gtin} (17)280430 (21)0000000021): format.md says GS1 element strings are 'bracketed ... or raw after a symbology identifier', so by the docs this is neither a 20-digit code nor a GS1 element string -> CODE-FORMAT (the CHANGELOG's 'a code that starts with no known GS1 AI and has neither brackets nor a symbology identifier' leaves open what happens to one that does start with a known AI: doc gap risk)",
        f"@r8@ one code whose serial holds a space, {bad8}: a space is not in GS1 CSET 82 -> CODE-FORMAT",
        f"@r9@ one 20-digit code with a leading space '{bad9}': 'A code is taken exactly as written: white space before or after it is an error, never trimmed' and 'Codes are not refused at append' -> CODE-FORMAT",
        f"@r10@ three malformed codes on one line of 40: {b10[0]} (19 digits, 5th), {b10[1]} (letter, 12th), {b10[2]} (21 digits, 31st): one finding, count 3, naming the first, {b10[0]}",
        f"@r11@ a GTIN of 13 digits after (01): {bad11} -> CODE-FORMAT",
        "@r12@ (quiet): 10 bracketed and 10 raw ]d2 GS1 codes of one batch, and 20 well-formed 追溯码 on a second line",
        "put-aways carry no codes (ordinary products), so each malformed code appears on one record only; every receipt is invoiced and paid",
        "(after the first run, my mistake C1 in REPORT.md) the first version restarted the GS1 serials at S000001 in every batch of the one GTIN, and the tool rightly read (01)+(21) as one unit: 7 CODE-DUP 'received while already in stock' at 21, 25, 29, 32, 37, 49, 52; the serials now run on (batch n: S000n01..); no expectation changed (original-expected/ holds the frozen file)",
    ]
    whys = ["CODE-FORMAT: rules.md 'A code that is neither a 20-digit Chinese traceability code nor a valid GS1 element string (AI 01 GTIN with correct check digit, 17/11 dates, 10 batch, 21 serial). One finding per line, with the number of malformed codes on it and the first of them named'"]
    return W, head, notes, whys, exp


# =====================================================================================================
@ledger(222, "legit-compound-ephedrine-flu-season-peak-at-3x-and-twice-weekly-new-chains-and-a-new-private-hospitals-first-orders-of-normal-size")
def l222():
    W = World(222, "", bj(2026, 7, 27, 8, 30))
    A = chain("杭州康和大药房连锁有限公司", "330105", "拱墅区", "莫干山路 1109 号", "浙CA5710231", 0)
    B = chain("浙江百草堂大药房连锁有限公司", "330102", "上城区", "望江路 277 号", "浙CA5710118", 1)
    C = chain("杭州仁心大药房连锁有限公司", "330108", "滨江区", "长河街道江汉路 1785 号", "浙CA5710342", 2)
    Dd = chain("杭州益寿堂大药房连锁有限公司", "330109", "萧山区", "城厢街道人民路 66 号", "浙CA5710415", 3)
    N1 = chain("杭州民和大药房连锁有限公司", "330106", "西湖区", "古墩路 702 号", "浙CA5710633", 5)
    N2 = chain("杭州临安天目大药房连锁有限公司", "330112", "临安区", "锦城街道钱王大街 399 号", "浙CA5710781", 6)
    H1 = hospital("杭州市之江医院", "330106", "浙江省杭州市西湖区之江路 88 号", "47000431733010611A1001", 0)
    H2 = hospital("杭州市西溪联合医院", "330106", "浙江省杭州市西湖区天目山路 398 号", "47000452133010611A1002", 1)
    H3 = hospital("杭州明德康复医院有限公司", "330105", "浙江省杭州市拱墅区丽水路 166 号", "PDY02471833010517D2142", 2, public=False)
    H4 = hospital("杭州萧山仁安医院有限公司", "330109", "浙江省杭州市萧山区城厢街道工人路 28 号", "PDY02518633010917D2152", 3, public=False)
    std_master(W, [SUP['hengze'], SUP['shuan']], ['pse', 'esz'], ['WH-A', 'SP-1'], [A, B, C, Dd, H1, H2])
    hz, sa = SUP['hengze'], SUP['shuan']
    W.buy(hz, bj(2026, 7, 28, 9), 'pse', 'P2607121', '2026-07-12', '2028-07-11', 3000, 1150, 'WH-A')
    W.buy(hz, bj(2026, 10, 12, 9), 'pse', 'P2609284', '2026-09-28', '2028-09-27', 2500, 1150, 'WH-A')
    W.buy(sa, bj(2026, 7, 28, 10), 'esz', 'E2606183', '2026-06-18', '2029-06-17', 600, 1150, 'SP-1')
    W.buy(sa, bj(2026, 10, 12, 10), 'esz', 'E2609047', '2026-09-04', '2029-09-03', 400, 1150, 'SP-1')
    W.reg(N1, bj(2026, 10, 19, 9)); W.reg(H3, bj(2026, 10, 20, 9)); W.reg(N2, bj(2026, 11, 9, 9)); W.reg(H4, bj(2026, 11, 2, 9))
    orders = []
    for c, d0, q in ((A, 3, 40), (B, 4, 50), (C, 5, 60), (Dd, 6, 45)):
        for t in mondays(bj(2026, 8, d0), 13, 10): orders.append((t, c, 'pse', q, None))      # 13 weeks to end of Oct
    for t, c, q, tag in [(bj(2026, 11, 2, 10), A, 120, 'a_peak'), (bj(2026, 11, 9, 10), A, 100, None), (bj(2026, 11, 16, 10), A, 100, None),
                         (bj(2026, 11, 3, 10), B, 100, 'b_peak'), (bj(2026, 11, 6, 10), B, 100, None), (bj(2026, 11, 10, 10), B, 100, None), (bj(2026, 11, 13, 10), B, 100, None),
                         (bj(2026, 11, 4, 10), C, 150, None), (bj(2026, 11, 11, 10), C, 150, None),
                         (bj(2026, 11, 5, 10), Dd, 135, 'd_peak'), (bj(2026, 11, 12, 10), Dd, 120, None),
                         (bj(2026, 10, 26, 14), N1, 100, 'n1_first'), (bj(2026, 11, 2, 14), N1, 150, None), (bj(2026, 11, 9, 14), N1, 200, None), (bj(2026, 11, 16, 14), N1, 200, None),
                         (bj(2026, 11, 17, 14), N2, 80, 'n2_first')]:
        orders.append((t, c, 'pse', q, tag))
    for t in mondays(bj(2026, 8, 3), 16, 9): orders.append((t, H1, 'esz', 20, None))           # to 16 Nov
    for t in mondays(bj(2026, 8, 5), 16, 9): orders.append((t, H2, 'esz', 30, None))           # Wednesdays to 18 Nov? (15 needed)
    for i, t in enumerate(mondays(bj(2026, 10, 28), 3, 9)): orders.append((t, H3, 'esz', 40, 'h3_first' if i == 0 else None))
    orders.append((bj(2026, 11, 11, 14), H4, 'esz', 20, 'h4_first'))
    end = bj(2026, 11, 18, 12)
    for t, c, k, q, tag in sorted(orders, key=lambda o: o[0]):
        if t > end:
            continue
        b = ('P2607121' if t < bj(2026, 10, 19) else 'P2609284') if k == 'pse' else ('E2606183' if t < bj(2026, 10, 19) else 'E2609047')
        W.sell(c, t, [(k, b, q, 1480 if k == 'pse' else 1420, 'WH-A' if k == 'pse' else 'SP-1')], tag=tag)
    W.settle_sales(bj(2026, 11, 18, 12))
    exp = []
    head = ("222 LEGITIMATE: 复方盐酸伪麻黄碱缓释胶囊 to four pharmacy chains weekly from August, doubled and tripled in the November "
            "flu season (one order at exactly 3.0x its trailing average, one chain ordering twice a week), two newly qualified chains' "
            "first orders; 艾司唑仑片 to two public hospitals weekly and to two newly licensed private hospitals")
    notes = [
        "chains: 杭州康和 (A) 40, 浙江百草堂 (B) 50, 杭州仁心 (C) 60, 杭州益寿堂 (D) 45 every week 3 Aug .. 29 Oct (13 orders each)",
        "flu season: @a_peak@ A 120 = 3.0x its trailing average 40 (not above som_k 3); 9 and 16 Nov 100 against 50 and 57.5; @b_peak@ B 100 = 2.0x, then 100 on 6, 10, 13 Nov: at most 2 orders in any 7 Beijing days (som_freq_min 6); C 150 = 2.5x; @d_peak@ D 135 = 3.0x 45",
        "@n1_first@ 杭州民和's first order 100: peers A 40, B 50, C 60, D 45, median 47.5 (mean of the middle two; 45 or 50 otherwise): 2.1x, far below som_peer_factor 10; its next three orders (150, 200, 200) are still judged against peers (median 50 .. 61): quiet",
        "@n2_first@ 杭州临安天目's first order 80 against the same peers: quiet",
        "艾司唑仑片 (psychotropic2): 杭州市之江医院 20 every Monday, 杭州市西溪联合医院 30 every Wednesday from August; @h3_first@ the newly licensed private hospital 杭州明德康复医院's first order 40 (peers 20 and 30, median 25: 1.6x), then 40 weekly; @h4_first@ 杭州萧山仁安医院's first order 20: quiet",
        "every sale reviewed by two, dispatched to the registered address (compound ephedrine wholesale), each 艾司唑仑 box with its code from SP-1; invoiced the same day; paid by bank transfer on the 18th of the next month (November's invoices open, due in January)",
        "this ledger is the clean one of the CI probes (exit 0 with every format; --fail-on-pending fails on its open UNPAID items)",
    ]
    whys = ["quiet: SOM 'Size: above som_k times the customer's trailing average' (3.0x is not above 3); 'Peers: ... above som_peer_factor times the median trailing average of the other customers'; 'Frequency: ... at least som_freq_min'"]
    return W, head, notes, whys, exp



# =====================================================================================================
def zone_stream(W, zone, sensor, start, end, seed, lo=3.6, hi=6.4, every=10, upload_h=4):
    rng = random.Random(seed)
    rs = []
    t = start
    while t <= end:
        rs.append((t, round(rng.uniform(lo, hi), 1)))
        t += D(minutes=every)
    up = start - D(minutes=every) + D(hours=upload_h)
    while up <= end + D(hours=upload_h):
        batch = [(a, c) for a, c in rs if up - D(hours=upload_h) < a <= up]
        if batch:
            W.upload(up, sensor, batch, zone=zone)
        up += D(hours=upload_h)

def trip(W, vehicle, sensor, start, end, upload_at, seed, changes=None, drop=(), tag=None):
    rng = random.Random(seed)
    rs = {}
    a = start
    while a <= end:
        rs[a] = round(rng.uniform(3.6, 6.6), 1)
        a += D(minutes=5)
    for d in drop:
        rs.pop(d, None)
    rs.update(changes or {})
    W.upload(upload_at, sensor, sorted(rs.items()), vehicle=vehicle, tag=tag)

@ledger(223, "legit-insulin-accepted-in-the-cold-room-one-batch-shipped-from-two-locations-case-code-and-its-unit-on-two-lines-rescan-of-an-ordinary-code-counts")
def l223():
    W = World(223, "", bj(2026, 10, 9, 8, 30))
    H1 = hospital("杭州市转塘人民医院", "330106", "浙江省杭州市西湖区转塘街道美院南路 35 号", "47000461033010611A1003", 0)
    H2 = hospital("杭州市西溪联合医院", "330106", "浙江省杭州市西湖区天目山路 398 号", "47000452133010611A1002", 1)
    K = chain("杭州康和大药房连锁有限公司", "330105", "拱墅区", "莫干山路 1109 号", "浙CA5710231", 2)
    std_master(W, [SUP['tonghua'], SUP['yuanxin'], SUP['shuan']], ['ins', 'amx', 'dzp'], ['CR-1', 'WH-A', 'WH-B', 'SP-1', 'SP-2'], [H1, H2, K],
               zone_sensors={'CR-1': ['TH-R01']})
    th, yx, sa = SUP['tonghua'], SUP['yuanxin'], SUP['shuan']
    zone_stream(W, 'CR-1', 'TH-R01', bj(2026, 10, 12, 0, 10), bj(2026, 10, 24, 0, 0), 223)
    # insulin accepted straight into the cold room
    o = W.purchase(th, bj(2026, 10, 9, 10), [('ins', 200, 4350)])
    tr = cold_transport(W, "吉E·C7751冷", "TL-7751", bj(2026, 10, 11, 20), bj(2026, 10, 13, 10), 51)
    r, _ = W.receipt(th, bj(2026, 10, 13, 10), o, [dict(key='ins', batch='I2609114', pd='2026-09-11', exp='2028-09-10', arrived=200, loc='CR-1')], transport=tr, tag='r_ins')
    inv = W.invoice(bj(2026, 10, 13, 14), 'purchase', th['party'], OWNER_ID, [('ins', 200, 4350)], {"order": [o], "receipt": [r]})
    W.pay(bj(2026, 11, 6, 10), 'outgoing', th['party'], inv['total'], [inv['doc']])
    # amoxicillin with codes into two ambient stores
    o = W.purchase(yx, bj(2026, 10, 10, 9), [('amx', 200, 760)])
    k = W.mkcodes('amx', 200)
    r, _ = W.receipt(yx, bj(2026, 10, 12, 14), o, [dict(key='amx', batch='A2609117', pd='2026-09-11', exp='2028-09-10', arrived=200, loc='RCV', codes=k)])
    W.move('put_away', bj(2026, 10, 12, 14, 40), [('amx', 'A2609117', 100, 'RCV', 'WH-A', k[:100]), ('amx', 'A2609117', 100, 'RCV', 'WH-B', k[100:])], refs={"order": [o], "receipt": [r]})
    inv = W.invoice(bj(2026, 10, 12, 16), 'purchase', yx['party'], OWNER_ID, [('amx', 200, 760)], {"order": [o], "receipt": [r]})
    W.pay(bj(2026, 11, 6, 10, 30), 'outgoing', yx['party'], inv['total'], [inv['doc']])
    # diazepam tablets in four manufacturer's cases of 10
    o = W.purchase(sa, bj(2026, 10, 10, 10), [('dzp', 40, 1560)])
    u = W.mkcodes('dzp', 40)
    cases = [f"8{W.pid('dzp')[3:10]}22390000{i}01"[:20] for i in range(1, 5)]
    cases = [c.ljust(20, '0') for c in cases]
    r, _ = W.receipt(sa, bj(2026, 10, 12, 15), o, [dict(key='dzp', batch='Z2609058', pd='2026-09-05', exp='2029-09-04', arrived=40, loc='RCV', codes=u)], tag='r_dzp')
    for i in range(4):
        W.L.add('aggregation', bj(2026, 10, 12, 15, 10 + i), {"doc": W.newdoc('BZ', bj(2026, 10, 12)), "action": "pack", "parent": cases[i],
                "children": u[10 * i:10 * i + 10]}, KEEP, tag=f"agg{i+1}")
    W.move('put_away', bj(2026, 10, 12, 15, 40), [('dzp', 'Z2609058', 20, 'RCV', 'SP-1', cases[0:2]), ('dzp', 'Z2609058', 20, 'RCV', 'SP-2', cases[2:4])],
           refs={"order": [o], "receipt": [r]}, tag='put_dzp')
    for kk in ('dzp', 'Z2609058', 'SP-1'), ('dzp', 'Z2609058', 'SP-2'):
        pass
    W.pools[('dzp', 'Z2609058', 'SP-1')] = u[0:20]
    W.pools[('dzp', 'Z2609058', 'SP-2')] = u[20:40]
    inv = W.invoice(bj(2026, 10, 12, 17), 'purchase', sa['party'], OWNER_ID, [('dzp', 40, 1560)], {"order": [o], "receipt": [r]})
    W.pay(bj(2026, 11, 6, 11), 'outgoing', sa['party'], inv['total'], [inv['doc']])
    # 15 Oct: insulin and diazepam to 转塘人民医院 on the cold truck; diazepam from both safes, case 1 on line 1, case 3 and a unit of case 1 on line 2
    veh = "浙A·L5203冷"
    W.sell(H1, bj(2026, 10, 15, 8, 30), [('ins', 'I2609114', 40, 5200, None), ('dzp', 'Z2609058', 20, 1980, None)], tag='s1',
           dispatch_lines=[('ins', 'I2609114', 40, 'CR-1'), ('dzp', 'Z2609058', 10, 'SP-1', [cases[0]]), ('dzp', 'Z2609058', 10, 'SP-2', [cases[2], u[4]])],
           vehicle=veh, dispatch_tag='d1')
    W.pools[('dzp', 'Z2609058', 'SP-1')] = u[10:20]
    W.pools[('dzp', 'Z2609058', 'SP-2')] = u[30:40]
    trip(W, veh, "TL-5203", bj(2026, 10, 15, 9, 30), bj(2026, 10, 15, 12, 0), bj(2026, 10, 15, 12, 30), 1, tag='trip1')
    # 16 Oct: amoxicillin to the chain, one delivery note, 80 from WH-A and 40 from WH-B
    W.sell(K, bj(2026, 10, 16, 10), [('amx', 'A2609117', 120, 920, None)], tag='s2',
           dispatch_lines=[('amx', 'A2609117', 80, 'WH-A', k[0:80]), ('amx', 'A2609117', 40, 'WH-B', k[100:140])], dispatch_tag='d2')
    # 19 Oct: 10 more from WH-A; the scanner read k[88] twice and missed k[89]
    W.sell(K, bj(2026, 10, 19, 10), [('amx', 'A2609117', 10, 920, None)], tag='s3',
           dispatch_lines=[('amx', 'A2609117', 10, 'WH-A', k[80:89] + [k[88]])], dispatch_tag='d3')
    # 20 Oct: case 4 opened in SP-2; insulin and diazepam to 西溪联合医院
    W.L.add('aggregation', bj(2026, 10, 20, 8, 0), {"doc": W.newdoc('BZ', bj(2026, 10, 20)), "action": "unpack", "parent": cases[3],
            "children": u[30:40]}, KEEP, tag='unpack4')
    W.sell(H2, bj(2026, 10, 20, 8, 30), [('ins', 'I2609114', 30, 5200, None), ('dzp', 'Z2609058', 12, 1980, None)], tag='s4',
           dispatch_lines=[('ins', 'I2609114', 30, 'CR-1'), ('dzp', 'Z2609058', 10, 'SP-1', [cases[1]]), ('dzp', 'Z2609058', 2, 'SP-2', u[30:32])],
           vehicle=veh, dispatch_tag='d4')
    trip(W, veh, "TL-5203", bj(2026, 10, 20, 9, 30), bj(2026, 10, 20, 11, 30), bj(2026, 10, 20, 12, 0), 2, tag='trip2')
    # 23 Oct: month-end style counts of every store
    counts = [('CR-1', 'ins', 'I2609114', 130), ('WH-A', 'amx', 'A2609117', 10), ('WH-B', 'amx', 'A2609117', 60), ('SP-2', 'dzp', 'Z2609058', 8)]
    for loc, kk, b, q in counts:
        W.L.add('stock_count', bj(2026, 10, 23, 17), {"doc": W.newdoc('PD', bj(2026, 10, 23)), "location": loc,
                "lines": [{"product": W.pid(kk), "batch": b, "counted": q}]}, KEEP + ["质管-沈佳"], tag=f"pd_{loc[-1]}{loc[0]}")
    W.settle_sales(bj(2026, 11, 20))
    exp = []
    head = ("223 LEGITIMATE: a week of a wholesaler's cold room and stores: 门冬胰岛素 accepted straight into the cold room with the "
            "truck's log, shipped on our cold truck; one batch of 阿莫西林 shipped on one delivery note from WH-A and WH-B; 地西泮片 in "
            "manufacturer's cases in two safes, shipped with a line per safe, a unit re-scanned beside its case on the other line; an "
            "ordinary code read twice by the scanner; counts that agree")
    notes = [
        "CR-1 (2.0-8.0 °C, probe TH-R01) reads every 10 min 12 Oct 00:10 .. 24 Oct 00:00 (3.6-6.4 °C), uploaded every 4 h: no gap, excursion, flat run or copy",
        "@r_ins@ insulin accepted 200 at CR-1 (2-8 inside 2-8: TEMP-ZONE quiet) with 通化康元's cold truck log every 5 min from 10 min before shipping to 5 min after arrival (CC-RECEIPT quiet)",
        "@r_dzp@ 40 地西泮片 with 40 unit codes; @agg1@..@agg4@ the manufacturer's four case codes (10 units each, 关联关系); @put_dzp@ puts cases 1-2 into SP-1 and 3-4 into SP-2 by their case codes",
        "@d1@ insulin 40 from CR-1, 地西泮 10 from SP-1 by case 1, 10 from SP-2 by case 3 plus unit 5 of case 1 scanned again: that unit counts once, on line 1 ('beside its pack's, on one line or on two'): line 2 covers its 10 units by case 3 -> quiet (no SPECIAL-CHAIN, CODE-DUP or 'had them elsewhere'); @trip1@ the truck's log in range",
        "@d2@ 阿莫西林 A2609117, 80 from WH-A and 40 from WH-B on one delivery note, every code once -> quiet",
        "@d3@ 10 阿莫西林 from WH-A listing 10 entries, one code twice (the 10th unit not read): ordinary product, codes optional, no CODE-DUP for a code twice on one record -> quiet",
        "@unpack4@ case 4 opened in SP-2; @d4@ insulin 30, 地西泮 10 by case 2 from SP-1 and 2 loose units of case 4 from SP-2 -> quiet; @trip2@ in range",
        "counts on 23 Oct agree with the books: CR-1 insulin 200-40-30 = 130, WH-A 100-80-10 = 10, WH-B 100-40 = 60, SP-2 20-10-2 = 8 (SP-1 holds none and is not counted)",
        "invoices the same day, paid on 18 Nov; purchase invoices paid 6 Nov",
    ]
    whys = ["quiet: rules.md SPECIAL-CHAIN 'A unit listed twice on one record (its code twice, or beside its pack's, on one line or on two) counts once, on its first line'; CODE-DUP 'A code listed twice on one record ... is one unit scanned twice, not this rule'; TEMP-ZONE 'goods accepted straight into a cold room are in that room'"]
    return W, head, notes, whys, exp


# =====================================================================================================
@ledger(224, "cold-truck-trips-in-range-to-out-of-range-after-5-min-quiet-after-6-min-gap-out-of-range-then-back-after-3-min-gap")
def l224():
    W = World(224, "", bj(2026, 10, 2, 8, 30))
    H1 = hospital("杭州市转塘人民医院", "330106", "浙江省杭州市西湖区转塘街道美院南路 35 号", "47000461033010611A1003", 0)
    H2 = hospital("杭州市西溪联合医院", "330106", "浙江省杭州市西湖区天目山路 398 号", "47000452133010611A1002", 1)
    std_master(W, [SUP['tonghua']], ['ins'], ['CR-1'], [H1, H2])
    th = SUP['tonghua']
    o = W.purchase(th, bj(2026, 10, 2, 10), [('ins', 200, 4350)])
    tr = cold_transport(W, "吉E·C7761冷", "TL-7761", bj(2026, 10, 3, 20), bj(2026, 10, 5, 10), 61)
    r, _ = W.receipt(th, bj(2026, 10, 5, 10), o, [dict(key='ins', batch='I2609126', pd='2026-09-12', exp='2028-09-11', arrived=200, loc='CR-1')], transport=tr)
    inv = W.invoice(bj(2026, 10, 5, 14), 'purchase', th['party'], OWNER_ID, [('ins', 200, 4350)], {"order": [o], "receipt": [r]})
    W.pay(bj(2026, 10, 30, 10), 'outgoing', th['party'], inv['total'], [inv['doc']])
    veh, lg = "浙A·L5203冷", "TL-5203"
    def day_trip(d, cust, q, seed, changes, drop, tag):
        W.sell(cust, bj(2026, 10, d, 7, 30), [('ins', 'I2609126', q, 5200, 'CR-1')], vehicle=veh, dispatch_tag=f"d_{tag}")
        trip(W, veh, lg, bj(2026, 10, d, 8, 30), bj(2026, 10, d, 11, 0), bj(2026, 10, d, 11, 30), seed, changes, drop, tag=tag)
    T = lambda d, hh, mm: bj(2026, 10, d, hh, mm)
    day_trip(8, H1, 20, 1, {T(8, 9, 50): 6.9, T(8, 9, 55): 8.4, T(8, 9, 57): 8.6, T(8, 9, 59): 7.8}, (), 't1')
    day_trip(9, H2, 20, 2, {T(9, 9, 50): 6.8, T(9, 9, 56): 8.5, T(9, 9, 58): 8.3, T(9, 10, 0): 7.6}, (T(9, 9, 55),), 't2')
    day_trip(12, H1, 20, 3, {T(12, 9, 50): 7.1, T(12, 9, 55): 8.3, T(12, 9, 58): 7.4}, (), 't3')
    day_trip(13, H2, 20, 4, {}, (), 't4')
    W.settle_sales(bj(2026, 11, 20))
    exp = [("TEMP-RANGE", "t1"), ("TEMP-GAP", "t2"), ("TEMP-RANGE", "t2"), ("TEMP-GAP", "t3"), ("TEMP-RANGE", "t3")]
    head = ("224 VIOLATION: 门冬胰岛素 delivered to two hospitals on our cold truck 浙A·L5203冷 (logger TL-5203, a reading every 5 min, "
            "uploaded after each trip); three trips with a short excursion (door opened at a stop), the gap into and out of each at its limits")
    notes = [
        "each dispatch leaves at 09:00 (sale 07:30, review 08:10); the logger reads 08:30 .. 11:00 every 5 min (3.6-6.6 °C), uploaded at 11:30: the trip is that upload ('its next upload after the dispatch, from one hour before the dispatch on')",
        "@t1@ (8 Oct): 09:50 6.9 in range, 09:55 8.4 out: 5 min after a reading in range, the transport limit exactly -> no TEMP-GAP; 09:57 8.6, 09:59 7.8 back in (2 min each), then 10:00 -> TEMP-RANGE 09:55-09:59, peak 8.6",
        "@t2@ (9 Oct): 09:50 6.8 in range, no 09:55 reading, 09:56 8.5 out: 6 min after a reading in range > transport limit 5 -> TEMP-GAP (6 min; limit 5, even though the next reading is out of range); 09:58 8.3, 10:00 7.6 back in -> TEMP-RANGE 09:56-10:00, peak 8.5",
        "@t3@ (12 Oct): 09:50 7.1, 09:55 8.3 out, 09:58 7.4 back in: 3 min after a reading out of range > excursion limit 2 -> TEMP-GAP (3 min, limit 2: 'whatever the next reading'); TEMP-RANGE 09:55-09:58, peak 8.3",
        "@t4@ (13 Oct): in range throughout -> quiet",
        "readings between trips (none are taken) are no gap: 'Later uploads of the vehicle ... held to no gap limit until the next cold dispatch' and each trip starts at 08:30, within the hour before its dispatch",
        "insulin accepted into CR-1 with the supplier truck's log (CC-RECEIPT quiet); invoices paid on 18 Nov",
    ]
    whys = ["TEMP-GAP t2, t3: rules.md 'of a vehicle's cold trip ... more than the transport limit apart, or more than the excursion limit apart after a reading out of range (whatever the next reading; a gap after a reading in range is held to the storage or transport limit, even when the next reading is out of range)'",
            "TEMP-RANGE t1, t2, t3: 'Readings ... of a vehicle's trip with cold-chain goods: its next upload after the dispatch, from one hour before the dispatch on) left the allowed range'; points at 'a vehicle's trip upload'"]
    return W, head, notes, whys, exp


# =====================================================================================================
@ledger(225, "som-peers-trailing-average-of-a-peers-last-8-orders-new-customers-second-order-401-against-peers-median-40-fires-400-quiet")
def l225():
    W = World(225, "", bj(2026, 6, 29, 8, 30))
    P1 = chain("杭州天天好大药房连锁有限公司", "330105", "拱墅区", "大关路 100 号", "浙CA5710301", 0)
    P2 = chain("浙江震元堂大药房连锁有限公司", "330102", "上城区", "解放路 185 号", "浙CA5710152", 1)
    P3 = chain("杭州之江大药房连锁有限公司", "330106", "西湖区", "之江路 518 号", "浙CA5710688", 2)
    N = chain("湖州太湖大药房连锁有限公司", "330502", "", "浙江省湖州市吴兴区红旗路 168 号", "浙CA5720093", 3)
    std_master(W, [SUP['hengze']], ['pse'], ['WH-A'], [P1, P2, P3])
    hz = SUP['hengze']
    W.buy(hz, bj(2026, 6, 30, 9), 'pse', 'P2606153', '2026-06-15', '2028-06-14', 4000, 1150, 'WH-A')
    W.reg(N, bj(2026, 9, 1, 9))
    orders = []
    ts = mondays(bj(2026, 7, 6), 15, 9)                     # Jul 6 .. Oct 12
    for i, t in enumerate(ts): orders.append((t, P1, 400 if i < 2 else 40, f"p1_{i+1}"))
    for t in mondays(bj(2026, 7, 20), 13, 11): orders.append((t, P2, 50, None))
    for t in mondays(bj(2026, 7, 21), 13, 11): orders.append((t, P3, 30, None))
    for i, q in enumerate([200, 401, 400, 150, 300]):
        orders.append((bj(2026, 9, 7, 15) + D(days=7 * i), N, q, f"n{i+1}"))
    for t, c, q, tag in sorted(orders, key=lambda o: o[0]):
        W.sell(c, t, [('pse', 'P2606153', q, 1480, 'WH-A')], tag=tag)
    W.settle_sales(bj(2026, 10, 20))
    exp = [("SOM", "n2")]
    head = ("225 VIOLATION: 复方盐酸伪麻黄碱缓释胶囊 to pharmacy chains; one chain opened with two stocking orders of 400 and then 40 "
            "a week; a chain newly qualified in September orders 200, 401, 400, 150, 300: its second order is 10.03x the peers' "
            "median, its third exactly 10x")
    notes = [
        "杭州天天好 (P1): 400 on 6 and 13 Jul (@p1_1@, @p1_2@: stocking a new chain), then 40 every Monday 09:00 to 12 Oct; its last 8 orders are all 40 from 7 Sep on (trailing average 40); over all its orders it would be 105.5 on 14 Sep",
        "浙江震元堂 (P2) 50 every Monday 11:00 from 20 Jul; 杭州之江 (P3) 30 every Tuesday 11:00 from 21 Jul",
        "湖州太湖 (N), registered 1 Sep, orders every Monday 15:00 from 7 Sep: @n1@ 200, @n2@ 401, @n3@ 400, @n4@ 150, @n5@ 300",
        "@n1@: first order; peers P1 40, P2 50, P3 30: median 40; 200 = 5x -> quiet",
        "@n2@: N has 1 order (own average not used before 4: 'Peers: otherwise'); 401 = 10.03x 40 -> SOM. If a peer's trailing average were taken over all its orders, P1 = 105.5 and the median 50: 8.0x, quiet; if N's own one-order average were used, 2.0x, quiet",
        "@n3@: 400 = 10.0x 40, not above -> quiet; @n4@ (3 previous orders) 150 against the peers -> quiet; @n5@ with 4 previous orders (200, 401, 400, 150: 287.75) 300 = 1.04x -> quiet",
        "P1's early orders: its first has no peers; its second (13 Jul) has no peers either (nobody has 4 orders); from 3 Aug its own average (400, 400, 40, 40: 220) makes 40 quiet",
        "one order a week per customer (frequency quiet); wholesale compound ephedrine delivered to each registered address, paid by bank transfer",
        "expected message of @n2@: 401 against a peer median of 40.0 over 3 other customers, 10.03x, threshold 10x",
    ]
    whys = ["SOM n2: rules.md SOM 'Peers: otherwise (a new customer's first order too), above som_peer_factor times the median trailing average of the other customers'; 'trailing average ... (its last som_history orders, this one excluded)'"]
    return W, head, notes, whys, exp


# =====================================================================================================
def write(outdir, num, name, W, head, notes, whys, exp):
    lines = W.L.finish()
    base = os.path.join(outdir, f"{num}-{name}")
    with open(base + ".jsonl", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    def res(x):
        return W.L.line(x) if isinstance(x, str) else x
    ex = sorted((res(tag), rule) for rule, tag in exp)
    def sub(s):
        # @tag@ -> line number
        import re
        return re.sub(r"@([A-Za-z0-9_]+)@", lambda m: str(W.L.line(m.group(1))), s)
    with open(base + ".expected", "w", encoding="utf-8") as f:
        f.write(f"# {sub(head)}\n{CONV}\n{CONV2}\n")
        for n in notes:
            f.write(f"# note: {sub(n)}\n")
        for w in whys:
            f.write(f"# why: {sub(w)}\n")
        for line, rule in ex:
            f.write(f"{rule} {line}\n")
    # self-check of stock and codes in file order
    import json
    specials = {p['product'] for p in PROD.values() if p['control'] in SPECIAL}
    st = Stock(specials)
    for i, l in enumerate(lines, 1):
        st.apply(i, json.loads(l))
    return base, len(lines), st.problems

if __name__ == "__main__":
    outdir = sys.argv[1] if len(sys.argv) > 1 else "../ledgers"
    only = [int(a) for a in sys.argv[2:]]
    os.makedirs(outdir, exist_ok=True)
    for num in sorted(LEDGERS):
        if only and num not in only:
            continue
        name, f = LEDGERS[num]
        W, head, notes, whys, exp = f()
        base, n, probs = write(outdir, num, name, W, head, notes, whys, exp)
        print(f"{os.path.basename(base)}: {n} lines; self-check: {probs if probs else 'ok'}")
