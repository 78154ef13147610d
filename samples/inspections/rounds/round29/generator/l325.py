"""325: a lawful first half of December with six subtle violations an inspector would catch."""
from common import *

SELF = uscc('91330106MA2H7R2C')
S1 = uscc('91330100143958271')   # 杭州宁康制药 (manufacturer)
W1 = uscc('91330000142917333')   # 浙江英特药业 (wholesaler)
WL = uscc('91330000MA27U0X1L')   # 浙江英特物流 (W1's logistics affiliate, not a supplier)
S2 = uscc('91220500244578902')   # 通化东宝 (insulin)
H1 = uscc('12330100470001234')   # 杭州市第一人民医院 (public)
C3 = uscc('91330105MA2CL5E47')   # 杭州康宁大药房连锁 (licence to 2026-12-10)
C5 = uscc('91330106MA2K9P3D2')   # 杭州仁爱门诊部 (private)
ACC = {SELF: '1202024109900527001', S1: '33050161627200000123', W1: '33050161627200000456',
       S2: '22050141000152000456', H1: '33001616835050000011', C3: '33001616835050000033', C5: '33001616835050000055',
       WL: '33050161627200000789'}
P1, P3 = '86901234000011', '86978901000034'
ADDR = {H1: '浙江省杭州市上城区浣纱路 261 号', C3: '浙江省杭州市拱墅区莫干山路 110 号', C5: '浙江省杭州市西湖区文三路 90 号'}


def build325():
    L = Ledger(325)
    B = Biz(L, SELF)
    rng = random.Random(3251)
    t0 = T('2026-11-30 09:00')
    party(L, t0, SELF, '浙江瑞和医药有限公司', 'wholesaler', 'self', '浙AA5710320', 'drug_wholesale',
          ['chemical', 'biological', 'cold_chain'], [('中国工商银行杭州西湖支行', ACC[SELF])], '浙江',
          '浙江省杭州市西湖区文三路 388 号')
    party(L, t0, S1, '杭州宁康制药有限公司', 'manufacturer', 'supplier', '浙20000101', 'drug_manufacturing',
          ['chemical'], [('杭州银行高新支行', ACC[S1])], '浙江', '浙江省杭州市滨江区江南大道 1 号')
    party(L, t0, W1, '浙江英特药业有限责任公司', 'wholesaler', 'supplier', '浙AA5710002', 'drug_wholesale',
          ['chemical', 'biological'], [('中国银行杭州分行', ACC[W1])], '浙江', '浙江省杭州市拱墅区东新路 1 号')
    party(L, t0, S2, '通化东宝药业股份有限公司', 'manufacturer', 'supplier', '吉20000038', 'drug_manufacturing',
          ['biological', 'cold_chain'], [('中国银行通化分行', ACC[S2])], '吉林', '吉林省通化县东宝新村')
    party(L, t0, H1, '杭州市第一人民医院', 'medical_institution', 'customer', 'PDY00001233010', 'medical_institution',
          ['chemical', 'biological'], [('中国工商银行杭州分行', ACC[H1])], '浙江', ADDR[H1], public=True)
    party(L, t0, C3, '杭州康宁大药房连锁有限公司', 'retail_chain', 'customer', '浙CB5710011', 'drug_retail',
          ['chemical', 'biological'], [('招商银行杭州分行', ACC[C3])], '浙江', ADDR[C3], valid_to='2026-12-10')
    party(L, t0, C5, '杭州仁爱门诊部', 'medical_institution', 'customer', 'PDY00009931210', 'medical_institution',
          ['chemical'], [('浙江泰隆银行杭州分行', ACC[C5])], '浙江', ADDR[C5])
    product(L, T('2026-11-30 09:30'), P1, '阿莫西林胶囊', '胶囊剂', '0.25g×24粒/盒', '杭州宁康制药有限公司',
            '国药准字H33020011', 'chemical', 'none', 'ambient', '盒')
    product(L, T('2026-11-30 09:30'), P3, '门冬胰岛素注射液', '注射剂', '3ml:300单位(笔芯)', '通化东宝药业股份有限公司',
            '国药准字S20190012', 'biological', 'none', 'cold', '支')
    zone(L, T('2026-11-30 10:00'), 'WH-A', 'ambient', [])
    zone(L, T('2026-11-30 10:00'), 'CR-1', 'cold', ['TH-R01'], rng=(2.0, 8.0))
    # CR-1 readings 12-01 .. 12-20, every 10 min, hourly uploads
    a = T('2026-12-01 00:00')
    while a < T('2026-12-21 00:00'):
        readings(L, a + D(hours=1, seconds=30), 'TH-R01', 'CR-1',
                 series(a, a + D(minutes=50), 10, lambda _: round(max(3.0, min(7.0, rng.gauss(5.0, .7))), 2)))
        a += D(hours=1)
    # purchases
    B.purchase(T('2026-12-01 09:00'), 'CG2026120101', S1, [(P1, 600, 860)])
    B.receipt(T('2026-12-02 10:00'), 'SH2026120201', S1, ['CG2026120101'], 'DN-NK-261202',
              [(P1, '2610A01', '2026-10-01', '2028-09-30', 400, 400, 'RCV'),
               (P1, '2611A02', '2026-11-02', '2028-10-31', 200, 200, 'RCV')], ['验收-张伟'])
    B.move('put_away', T('2026-12-02 11:00'), 'RK2026120201', [(P1, '2610A01', 400, 'RCV', 'WH-A'),
                                                              (P1, '2611A02', 200, 'RCV', 'WH-A')], ['保管-赵磊'],
           refs={"order": ['CG2026120101'], "receipt": ['SH2026120201']})
    B.invoice(T('2026-12-03 10:00'), '26332000000000120301', 'purchase', S1, SELF, '2026-12-03', [(P1, 600, 860)],
              {"order": ['CG2026120101']})
    # PLANT 5: payment for 宁康's invoice sent to 英特's account
    B.pay(T('2026-12-10 10:00'), 'FK2026121001', 'outgoing', SELF, S1, ACC[SELF], ACC[W1], 516000,
          ['26332000000000120301'])
    # shortage: 200 more boxes of the same batch bought from the wholesaler 英特
    B.purchase(T('2026-12-04 09:00'), 'CG2026120401', W1, [(P1, 200, 900)])
    B.receipt(T('2026-12-04 15:00'), 'SH2026120401', W1, ['CG2026120401'], 'YTPS20261204017',
              [(P1, '2610A01', '2026-10-01', '2028-09-30', 200, 200, 'RCV')], ['验收-张伟'])
    # PLANT 6: put-away done on 12-04 but keyed in after the WMS outage, 73 h later
    B.move('put_away', T('2026-12-04 16:00'), 'RK2026120401', [(P1, '2610A01', 200, 'RCV', 'WH-A')], ['保管-赵磊'],
           refs={"order": ['CG2026120401'], "receipt": ['SH2026120401']}, entered=T('2026-12-07 17:00'))
    # PLANT 4: the invoice for 英特's goods is issued by its logistics affiliate (走票)
    B.invoice(T('2026-12-05 10:00'), '26332000000000120501', 'purchase', WL, SELF, '2026-12-05', [(P1, 200, 900)],
              {"order": ['CG2026120401']})
    # insulin: PLANT 3: delivered in a foam box with logger, transport not temperature-controlled
    B.purchase(T('2026-12-05 09:00'), 'CG2026120501', S2, [(P3, 60, 6500)])
    tr = T('2026-12-06 11:00')
    shipped = tr - D(hours=4)
    readings(L, tr + D(minutes=30), 'TL-BX07', '保温箱BX-07', series(shipped - D(minutes=5), tr + D(minutes=5), 5,
             lambda _: round(max(3.0, min(7.0, rng.gauss(5.0, .5))), 2)), vehicle=True, by=('系统-冷链监测',))
    B.receipt(tr, 'SH2026120601', S2, ['CG2026120501'], 'DBPS20261205001',
              [(P3, 'DB2611C1', '2026-11-01', '2028-10-31', 60, 60, 'RCV')], ['验收-张伟'],
              {"vehicle": "保温箱BX-07", "shipped_at": iso(shipped), "cold_chain": False})
    B.move('put_away', tr + D(minutes=20), 'RK2026120601', [(P3, 'DB2611C1', 60, 'RCV', 'CR-1')], ['保管-赵磊'],
           refs={"order": ['CG2026120501'], "receipt": ['SH2026120601']})
    B.invoice(T('2026-12-07 10:00'), '26222000000000120701', 'purchase', S2, SELF, '2026-12-07', [(P3, 60, 6500)],
              {"order": ['CG2026120501']})
    B.pay(T('2026-12-14 10:00'), 'FK2026121401', 'outgoing', SELF, S2, ACC[SELF], ACC[S2], 390000,
          ['26222000000000120701'])

    xs = [0]

    def sell(ts, cust, lines, exp_override=None):
        xs[0] += 1
        sd = f"XS2026120{xs[0]:03d}"
        B.sale(ts, sd, cust, [(p, b, q, pr) for p, b, q, pr in lines])
        B.review(ts + D(minutes=30), f"FH2026120{xs[0]:03d}", cust, [sd],
                 [(p, b, q, (exp_override or {}).get(b)) for p, b, q, pr in lines], ['复核-刘洋'])
        B.dispatch(ts + D(hours=1), f"PS2026120{xs[0]:03d}", cust, [sd],
                   [(p, b, q, 'CR-1' if p == P3 else 'WH-A') for p, b, q, pr in lines], '收货组', ADDR[cust])
        inv = f"2633200000000012{xs[0]:04d}"
        amt = B.invoice(ts + D(hours=4), inv, 'sale', SELF, cust, (ts + D(hours=4)).date().isoformat(),
                        [(p, q, pr) for p, b, q, pr in lines], {"sale": [sd]})
        B.pay(ts + D(days=4), f"SK2026120{xs[0]:03d}", 'incoming', cust, SELF, ACC[cust], ACC[SELF], amt, [inv])

    # lawful: hospital sale of the batch bought only from the manufacturer; expiry written with month precision
    sell(T('2026-12-03 09:00'), H1, [(P1, '2611A02', 50, 1050)], exp_override={'2611A02': '2028-10'})
    # lawful: the wholesaler-sourced batch to a private clinic (two-invoice rule does not apply)
    sell(T('2026-12-08 09:00'), C5, [(P1, '2610A01', 40, 1100)])
    # PLANT 1: the mixed-source batch to the public hospital (third invoice)
    sell(T('2026-12-09 09:00'), H1, [(P1, '2610A01', 100, 1050)])
    # lawful: the chain's order on the last day of its licence, 23:50 Beijing (15:50 UTC)
    sell(T('2026-12-10 23:50'), C3, [(P1, '2611A02', 30, 1080), (P3, 'DB2611C1', 10, 7300)])
    # PLANT 2: the chain's next order 20 minutes later, 00:10 Beijing on 12-11 (still 12-10 in UTC)
    sell(T('2026-12-11 00:10'), C3, [(P1, '2611A02', 20, 1080)])
    sell(T('2026-12-15 09:00'), H1, [(P3, 'DB2611C1', 20, 7200), (P1, '2611A02', 40, 1050)])
    sell(T('2026-12-18 09:00'), C5, [(P1, '2610A01', 60, 1100)])
    B.count(T('2026-12-20 17:00'), 'PD2026122001', 'WH-A')
    B.count(T('2026-12-20 17:30'), 'PD2026122002', 'CR-1')
    return L, B


if __name__ == '__main__':
    L, B = build325()
    print(len(L.finish()))
