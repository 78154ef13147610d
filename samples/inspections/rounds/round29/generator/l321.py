"""321: a district CDC's vaccine cold chain, December 2026: lawful twins and planted violations."""
from common import *

SELF = uscc('12330106470112233')      # 杭州市西湖区疾病预防控制中心
V1 = uscc('91110000600047582')        # 北京科兴生物 (manufacturer)
V2 = uscc('91530000709709561')        # 云南沃森生物 (manufacturer)
K1 = uscc('12330106470223344')        # 西湖区北山街道社区卫生服务中心 (接种单位)
K2 = uscc('12330106470334455')        # 西湖区转塘街道社区卫生服务中心 (接种单位)
ACC = {SELF: '1202024109900600001', V1: '11050188000000001111', V2: '53050188000000002222',
       K1: '33001616835050001111', K2: '33001616835050002222'}
FLU = '86979001000011'   # 流感病毒裂解疫苗
PPV = '86979002000028'   # 23价肺炎球菌多糖疫苗
ADDR = {K1: '浙江省杭州市西湖区北山路 50 号', K2: '浙江省杭州市西湖区转塘街道美院南街 8 号'}


def build321():
    L = Ledger(321)
    B = Biz(L, SELF)
    rng = random.Random(3211)
    t0 = T('2026-11-30 09:00')
    party(L, t0, SELF, '杭州市西湖区疾病预防控制中心', 'cdc', 'self', '浙疾控0106', 'public_health',
          ['vaccine', 'biological', 'cold_chain'], [('中国农业银行杭州西湖支行', ACC[SELF])], '浙江',
          '浙江省杭州市西湖区古翠路 40 号')
    party(L, t0, V1, '北京科兴生物制品有限公司', 'manufacturer', 'supplier', '京20000231', 'drug_manufacturing',
          ['vaccine', 'cold_chain'], [('中国银行北京海淀支行', ACC[V1])], '北京', '北京市海淀区上地西路 39 号')
    party(L, t0, V2, '玉溪沃森生物技术有限公司', 'manufacturer', 'supplier', '滇20000088', 'drug_manufacturing',
          ['vaccine', 'cold_chain'], [('中国建设银行玉溪分行', ACC[V2])], '云南', '云南省玉溪市高新区九龙片区')
    for k, nm in ((K1, '西湖区北山街道社区卫生服务中心'), (K2, '西湖区转塘街道社区卫生服务中心')):
        party(L, t0, k, nm, 'medical_institution', 'customer', 'PDY' + k[-8:], 'medical_institution',
              ['vaccine', 'chemical'], [('杭州银行西湖支行', ACC[k])], '浙江', ADDR[k], public=True)
    t1 = T('2026-11-30 09:30')
    product(L, t1, FLU, '流感病毒裂解疫苗', '注射剂', '0.5ml/支', '北京科兴生物制品有限公司', '国药准字S20180011',
            'vaccine', 'none', 'cold', '支', vaccine=True)
    product(L, t1, PPV, '23价肺炎球菌多糖疫苗', '注射剂', '0.5ml/瓶', '玉溪沃森生物技术有限公司',
            '国药准字S20130002', 'vaccine', 'none', 'cold', '瓶', vaccine=True)
    t2 = T('2026-11-30 10:00')
    zone(L, t2, 'CR-1', 'cold', ['TH-R01'], rng=(2.0, 8.0))
    zone(L, t2, 'CR-2', 'cold', ['TH-R02'], rng=(2.0, 8.0))

    # ---- storage readings, every 10 min, 4-hourly uploads; planted patterns ----
    start, end = T('2026-12-01 00:00'), T('2026-12-20 23:50')
    base = {}
    for zname, sensor in (('CR-1', 'TH-R01'), ('CR-2', 'TH-R02')):
        pts = series(start, end, 10, lambda _: round(max(3.0, min(7.0, rng.gauss(5.0, 0.7))), 1))
        base[zname] = (sensor, pts)
    # CR-1 excursion 12-08 10:10-10:30 (door left open during stocktaking), 2-minute readings while out of range
    # CR-2 excursion 12-10 03:10-03:50 (compressor fault at night), 2-minute readings while out of range
    def excursion(pts, s, e, peak):
        out = [(a, c) for a, c in pts if not (s <= a <= e)]
        a = s
        while a < e:
            out.append((a, peak))
            a += D(minutes=2)
        out.append((e, 6.9))  # back in range
        return sorted(out)
    s1, e1 = T('2026-12-08 10:10'), T('2026-12-08 10:30')
    s2, e2 = T('2026-12-10 03:10'), T('2026-12-10 03:50')
    sen, pts = base['CR-1']
    pts = excursion(pts, s1, e1, 0)
    pts = [(a, (8.4 if s1 <= a < e1 else c)) for a, c in pts]
    # TEMP-COPY: 12-12 of CR-1 is 12-11's values, value for value, 24 h later
    d11 = [c for a, c in pts if T('2026-12-11 00:00') <= a <= T('2026-12-11 23:50')]
    pts = [(a, c) for a, c in pts if not (T('2026-12-12 00:00') <= a <= T('2026-12-12 23:50'))]
    pts += [(T('2026-12-12 00:00') + D(minutes=10 * i), c) for i, c in enumerate(d11)]
    pts.sort()
    base['CR-1'] = (sen, pts)
    sen, pts = base['CR-2']
    pts = excursion(pts, s2, e2, 0)
    pts = [(a, (8.9 if s2 <= a < e2 else c)) for a, c in pts]
    base['CR-2'] = (sen, pts)
    for zname, (sensor, pts) in base.items():
        a = start
        while a <= end:
            blk = [(x, c) for x, c in pts if a <= x < a + D(hours=4)]
            readings(L, a + D(hours=4, seconds=30), sensor, zname, blk)
            a += D(hours=4)

    # ---- receipts ----
    def cold_receipt(tr, doc, sup, po, lines, veh, logger, gap_at=None, upload_after=D(hours=1)):
        shipped = tr - D(hours=5)
        pts = series(shipped - D(minutes=10), tr + D(minutes=10), 5,
                     lambda _: max(3.0, min(7.0, rng.gauss(4.6, 0.6))))
        if gap_at:
            pts = [(a, c) for a, c in pts if not (gap_at <= a < gap_at + D(minutes=10))]  # 15-minute gap
        readings(L, tr + upload_after, logger, veh, pts, vehicle=True, by=('系统-冷链监测',))
        return B.receipt(tr, doc, sup, [po], f"DN-{po}", lines, ['验收-冯晓', '质管-许宁'],
                         {"vehicle": veh, "shipped_at": iso(shipped), "cold_chain": True})

    B.purchase(T('2026-12-01 09:00'), 'CG2026120001', V1, [(FLU, 400, 3500)])
    B.purchase(T('2026-12-01 09:05'), 'CG2026120002', V2, [(PPV, 200, 18000)])
    B.purchase(T('2026-12-01 09:10'), 'CG2026120003', V1, [(FLU, 100, 3500)])
    # lawful: logger uploaded 3 h after the receipt (within the 4 h settle window)
    cold_receipt(T('2026-12-02 10:00'), 'SH2026120001', V1, 'CG2026120001',
                 [(FLU, 'FLU202611A', '2026-11-05', '2027-11-04', 400, 400, 'RCV')], '京A·L2201冷', 'TL-2201',
                 upload_after=D(hours=3))
    B.move('put_away', T('2026-12-02 10:40'), 'RK2026120001', [(FLU, 'FLU202611A', 250, 'RCV', 'CR-1'),
                                                              (FLU, 'FLU202611A', 150, 'RCV', 'CR-2')], ['保管-潘磊'],
           refs={"order": ['CG2026120001'], "receipt": ['SH2026120001']})
    # lawful: PPV, batch expiring 2026-12-05 (short-dated lot accepted for the December campaign) and a long one
    cold_receipt(T('2026-12-03 11:00'), 'SH2026120002', V2, 'CG2026120002',
                 [(PPV, 'PPV202412X', '2024-12-06', '2026-12-05', 40, 40, 'RCV'),
                  (PPV, 'PPV202412Y', '2024-12-09', '2026-12-08', 30, 30, 'RCV'),
                  (PPV, 'PPV202610B', '2026-10-12', '2028-10-11', 130, 130, 'RCV')], '云F·L0901冷', 'TL-0901')
    B.move('put_away', T('2026-12-03 11:40'), 'RK2026120002', [(PPV, 'PPV202412X', 40, 'RCV', 'CR-2'),
                                                              (PPV, 'PPV202412Y', 30, 'RCV', 'CR-2'),
                                                              (PPV, 'PPV202610B', 130, 'RCV', 'CR-2')], ['保管-潘磊'],
           refs={"order": ['CG2026120002'], "receipt": ['SH2026120002']})
    # PLANT: truck log with a 15-minute hole mid-trip, goods accepted anyway
    cold_receipt(T('2026-12-04 15:00'), 'SH2026120003', V1, 'CG2026120003',
                 [(FLU, 'FLU202611B', '2026-11-10', '2027-11-09', 100, 100, 'RCV')], '京A·L2202冷', 'TL-2202',
                 gap_at=T('2026-12-04 12:30'))
    B.move('put_away', T('2026-12-04 15:40'), 'RK2026120003', [(FLU, 'FLU202611B', 100, 'RCV', 'CR-1')],
           ['保管-潘磊'], refs={"order": ['CG2026120003'], "receipt": ['SH2026120003']})

    # ---- deliveries to vaccination clinics (own van with logger TL-5501) ----
    xs = [0]
    van = '浙A·L5501冷'

    def deliver(td, cust, lines, trip_fn=None):
        xs[0] += 1
        sd = f"XS2026120{xs[0]:03d}"
        B.sale(td - D(hours=2), sd, cust, [(p, b, q, pr) for p, b, q, loc, pr in lines])
        B.review(td - D(hours=1), f"FH2026120{xs[0]:03d}", cust, [sd], [(p, b, q, None) for p, b, q, loc, pr in lines],
                 ['复核-方敏'])
        B.dispatch(td, f"PS2026120{xs[0]:03d}", cust, [sd], [(p, b, q, loc) for p, b, q, loc, pr in lines],
                   '预防接种门诊', ADDR[cust], vehicle=van)
        pts = series(td - D(minutes=20), td + D(minutes=90), 5, lambda _: max(3.2, min(6.8, rng.gauss(5.0, 0.6))))
        if trip_fn:
            pts = trip_fn(pts, td)
        readings(L, td + D(hours=2), 'TL-5501', van, pts, vehicle=True, by=('系统-冷链监测',))
        inv = B.nxt_inv('2633')
        B.invoice(td + D(hours=3), inv, 'sale', SELF, cust, (td + D(hours=3)).date().isoformat(),
                  [(p, q, pr) for p, b, q, loc, pr in lines], {"sale": [sd]})
        return sd

    deliver(T('2026-12-04 09:30'), K1, [(PPV, 'PPV202412X', 30, 'CR-2', 18500)])
    deliver(T('2026-12-07 09:30'), K1, [(FLU, 'FLU202611A', 120, 'CR-1', 3600)])
    # lawful: expired PPV202412X (10 left) isolated on 12-06 08:30, the day after expiry
    B.move('transfer', T('2026-12-06 08:30'), 'YK2026120001', [(PPV, 'PPV202412X', 10, 'CR-2', 'QA')],
           ['质管-许宁'], reason='quarantine')
    deliver(T('2026-12-07 14:00'), K2, [(PPV, 'PPV202412Y', 25, 'CR-2', 18500), (PPV, 'PPV202610B', 20, 'CR-2', 18500)])
    # CR-1 excursion 12-08 10:10-10:30: lawful handling: all vaccines in CR-1 isolated the same day, assessed, released 12-12
    onhand = [(b, B.stock[(FLU, b, 'CR-1')]) for b in ('FLU202611A', 'FLU202611B')]
    B.move('transfer', T('2026-12-08 11:30'), 'YK2026120002', [(FLU, b, q, 'CR-1', 'QA') for b, q in onhand],
           ['质管-许宁'], reason='quarantine')
    B.move('transfer', T('2026-12-12 16:00'), 'YK2026120003', [(FLU, b, q, 'QA', 'CR-1') for b, q in onhand],
           ['质管-许宁'], reason='release')
    # PLANT: PPV202412Y expired 12-08; its 5 remaining isolated at 12-10 00:00:01 (one second after the deadline)
    B.move('transfer', T('2026-12-10 00:00:01'), 'YK2026120004', [(PPV, 'PPV202412Y', 5, 'CR-2', 'QA')],
           ['质管-许宁'], reason='quarantine')
    # PLANT: CR-2 excursion 12-10 03:10-03:50; PPV202610B left in CR-2 (no isolation at all); delivered later
    # PLANT: a van trip at 8.6 °C for 16 minutes (2-minute readings while out of range)
    def warm(pts, td):
        s = td + D(minutes=30)
        out = [(a, c) for a, c in pts if not (s <= a <= s + D(minutes=16))]
        a = s
        while a < s + D(minutes=16):
            out.append((a, 8.6))
            a += D(minutes=2)
        out.append((s + D(minutes=16), 7.2))
        return sorted(out)
    deliver(T('2026-12-14 09:30'), K2, [(FLU, 'FLU202611A', 60, 'CR-1', 3600)], trip_fn=warm)
    deliver(T('2026-12-15 09:30'), K1, [(PPV, 'PPV202610B', 30, 'CR-2', 18500)])
    # lawful: both expired lots destroyed from QA (ordinary vaccines: no regulator supervisor required by the rule)
    B.outdoc('destruction', T('2026-12-18 14:00'), 'XH2026120001',
             [(PPV, 'PPV202412X', 10, 'QA'), (PPV, 'PPV202412Y', 5, 'QA')], ['质管-许宁', '保管-潘磊'],
             extra={"reason": "过期疫苗", "method": "高温灭菌后交医疗废物处置单位焚烧"})
    # invoices & payments (purchase, sale) to keep the books clean
    for tt, po, sup, p, q, u, rc in ((T('2026-12-03 09:00'), 'CG2026120001', V1, FLU, 400, 3500, 'SH2026120001'),
                                     (T('2026-12-04 09:00'), 'CG2026120002', V2, PPV, 200, 18000, 'SH2026120002'),
                                     (T('2026-12-05 09:00'), 'CG2026120003', V1, FLU, 100, 3500, 'SH2026120003')):
        inv = B.nxt_inv('2611')
        amt = B.invoice(tt, inv, 'purchase', sup, SELF, tt.date().isoformat(), [(p, q, u)], {"order": [po]})
        B.pay(tt + D(days=6), 'FK' + inv[-6:], 'outgoing', SELF, sup, ACC[SELF], ACC[sup], amt, [inv])
    return L, B


def sales_invoices(L, B, evs):
    pass


if __name__ == '__main__':
    L, B = build321()
    print(len(L.finish()))
