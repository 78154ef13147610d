"""322: stock counts (盘点) with losses and gains, and destructions (报损销毁), November 2026."""
from common import *

SELF = uscc('91330106MA2H7R2C')
S1 = uscc('91330100143958271')   # 杭州宁康制药
S4 = uscc('91620100224333521')   # 兰州生物制品研究所 (A型肉毒毒素)
S2 = uscc('91220500244578902')   # 通化东宝
H1 = uscc('12330100470001234')   # 杭州市第一人民医院
ACC = {SELF: '1202024109900527001', S1: '33050161627200000123', S4: '62050141000152000888',
       S2: '22050141000152000456', H1: '33001616835050000011'}
P1, P2, P3, P4, BTX = '86901234000011', '86901234000028', '86978901000034', '86901234000042', '86904567000019'
ADDR = '浙江省杭州市上城区浣纱路 261 号'
AUTH = ['杭州市公安局西湖分局', '杭州市市场监督管理局', '杭州市卫生健康委员会']


def build322():
    L = Ledger(322)
    B = Biz(L, SELF)
    rng = random.Random(3221)
    t0 = T('2026-11-01 09:00')
    party(L, t0, SELF, '浙江瑞和医药有限公司', 'wholesaler', 'self', '浙AA5710320', 'drug_wholesale',
          ['chemical', 'biological', 'psychotropic2', 'medical_toxic', 'cold_chain'],
          [('中国工商银行杭州西湖支行', ACC[SELF])], '浙江', '浙江省杭州市西湖区文三路 388 号')
    party(L, t0, S1, '杭州宁康制药有限公司', 'manufacturer', 'supplier', '浙20000101', 'drug_manufacturing',
          ['chemical', 'psychotropic2'], [('杭州银行高新支行', ACC[S1])], '浙江', '浙江省杭州市滨江区江南大道 1 号')
    party(L, t0, S4, '兰州生物制品研究所有限责任公司', 'manufacturer', 'supplier', '甘20000007', 'drug_manufacturing',
          ['biological', 'medical_toxic', 'cold_chain'], [('中国银行兰州分行', ACC[S4])], '甘肃', '甘肃省兰州市城关区雁北路 2888 号')
    party(L, t0, S2, '通化东宝药业股份有限公司', 'manufacturer', 'supplier', '吉20000038', 'drug_manufacturing',
          ['biological', 'cold_chain'], [('中国银行通化分行', ACC[S2])], '吉林', '吉林省通化县东宝新村')
    party(L, t0, H1, '杭州市第一人民医院', 'medical_institution', 'customer', 'PDY00001233010', 'medical_institution',
          ['chemical', 'biological', 'psychotropic2', 'medical_toxic'], [('中国工商银行杭州分行', ACC[H1])], '浙江', ADDR,
          public=True)
    t1 = T('2026-11-01 09:30')
    product(L, t1, P1, '阿莫西林胶囊', '胶囊剂', '0.25g×24粒/盒', '杭州宁康制药有限公司', '国药准字H33020011',
            'chemical', 'none', 'ambient', '盒')
    product(L, t1, P2, '布洛芬缓释胶囊', '胶囊剂', '0.3g×20粒/盒', '杭州宁康制药有限公司', '国药准字H33020234',
            'chemical', 'none', 'ambient', '盒', rx=False)
    product(L, t1, P3, '门冬胰岛素注射液', '注射剂', '3ml:300单位(笔芯)', '通化东宝药业股份有限公司',
            '国药准字S20190012', 'biological', 'none', 'cold', '支')
    product(L, t1, P4, '地西泮片', '片剂', '2.5mg×20片/盒', '杭州宁康制药有限公司', '国药准字H33020567',
            'chemical', 'psychotropic2', 'ambient', '盒')
    product(L, t1, BTX, '注射用A型肉毒毒素', '注射剂', '100单位/瓶', '兰州生物制品研究所有限责任公司',
            '国药准字S10970037', 'biological', 'medical_toxic', 'cold', '瓶')
    t2 = T('2026-11-01 10:00')
    for z, st in (('WH-A', 'ambient'), ('WH-B', 'ambient'), ('CR-1', 'cold'), ('SP-1', 'ambient')):
        zone(L, t2, z, st, [])

    # --- purchases and receipts (11-02) ---
    B.purchase(T('2026-11-02 08:30'), 'CG2026110001', S1, [(P1, 500, 860), (P2, 300, 1200), (P4, 100, 500)])
    B.purchase(T('2026-11-02 08:35'), 'CG2026110002', S1, [(P1, 30, 860)])
    B.purchase(T('2026-11-02 08:40'), 'CG2026110003', S4, [(BTX, 20, 98000)])
    B.purchase(T('2026-11-02 08:45'), 'CG2026110004', S2, [(P3, 100, 6500)])
    c4 = codes_for('81904201', 1, 100)
    cb = codes_for('81901901', 1, 20)
    B.receipt(T('2026-11-02 14:00'), 'SH2026110001', S1, ['CG2026110001'], 'DN-NK-261102-01',
              [(P1, '2610A01', '2026-10-01', '2028-09-30', 500, 500, 'RCV'),
               (P2, '2610B01', '2026-10-03', '2028-10-02', 300, 300, 'RCV'),
               (P4, '2610D01', '2026-10-05', '2028-10-04', 100, 100, 'RCV', c4)], ['验收-张伟', '验收-孙浩'])
    B.receipt(T('2026-11-02 14:20'), 'SH2026110002', S1, ['CG2026110002'], 'DN-NK-261102-02',
              [(P1, '2610A03', '2026-10-08', '2028-10-07', 30, 30, 'RCV')], ['验收-张伟'])
    for doc, sup, po, veh, logger, lines in (
            ('SH2026110003', S4, 'CG2026110003', '甘A·L0707冷', 'TL-0707',
             [(BTX, 'BTX202609', '2026-09-01', '2029-08-31', 20, 20, 'RCV', cb)]),
            ('SH2026110004', S2, 'CG2026110004', '吉E·L3391冷', 'TL-3391',
             [(P3, 'DB2610C1', '2026-10-10', '2028-10-09', 100, 100, 'RCV')])):
        tr = T('2026-11-03 10:00') if sup == S4 else T('2026-11-03 11:00')
        shipped = tr - D(hours=8)
        pts = series(shipped - D(minutes=10), tr + D(minutes=10), 5, lambda _: max(3.0, min(7.0, rng.gauss(4.8, .6))))
        readings(L, tr + D(minutes=40), logger, veh, pts, vehicle=True, by=('系统-冷链监测',))
        B.receipt(tr, doc, sup, [po], 'DN-' + po, lines, ['验收-张伟', '质管-沈佳怡'],
                  {"vehicle": veh, "shipped_at": iso(shipped), "cold_chain": True})
    B.move('put_away', T('2026-11-02 15:00'), 'RK2026110001',
           [(P1, '2610A01', 500, 'RCV', 'WH-A'), (P2, '2610B01', 300, 'RCV', 'WH-B'),
            (P4, '2610D01', 100, 'RCV', 'SP-1', c4), (P1, '2610A03', 30, 'RCV', 'WH-A')], ['保管-赵磊'],
           refs={"order": ['CG2026110001', 'CG2026110002'], "receipt": ['SH2026110001', 'SH2026110002']})
    B.move('put_away', T('2026-11-03 11:40'), 'RK2026110002',
           [(BTX, 'BTX202609', 20, 'RCV', 'CR-1', cb), (P3, 'DB2610C1', 100, 'RCV', 'CR-1')], ['保管-赵磊'],
           refs={"order": ['CG2026110003', 'CG2026110004'], "receipt": ['SH2026110003', 'SH2026110004']})
    pinv = []
    for tt, sup, po, lines in ((T('2026-11-04 10:00'), S1, 'CG2026110001', [(P1, 500, 860), (P2, 300, 1200), (P4, 100, 500)]),
                               (T('2026-11-04 10:05'), S1, 'CG2026110002', [(P1, 30, 860)]),
                               (T('2026-11-04 10:10'), S4, 'CG2026110003', [(BTX, 20, 98000)]),
                               (T('2026-11-04 10:15'), S2, 'CG2026110004', [(P3, 100, 6500)])):
        inv = B.nxt_inv('2633')
        amt = B.invoice(tt, inv, 'purchase', sup, SELF, tt.date().isoformat(), lines, {"order": [po]})
        B.pay(tt + D(days=7), 'FK' + inv[-6:], 'outgoing', SELF, sup, ACC[SELF], ACC[sup], amt, [inv])

    # --- sales 11-05 ---
    B.sale(T('2026-11-05 09:00'), 'XS2026110001', H1, [(P1, '2610A01', 100, 1050), (P2, '2610B01', 50, 1450),
                                                       (P4, '2610D01', 20, 620)])
    B.review(T('2026-11-05 10:00'), 'FH2026110001', H1, ['XS2026110001'],
             [(P1, '2610A01', 100, None), (P2, '2610B01', 50, None), (P4, '2610D01', 20, None)], ['复核-刘洋', '复核-郭婷'])
    sold4 = B.take_codes(P4, '2610D01', 'SP-1', 20)
    B.dispatch(T('2026-11-05 11:00'), 'PS2026110001', H1, ['XS2026110001'],
               [(P1, '2610A01', 100, 'WH-A'), (P2, '2610B01', 50, 'WH-B'), (P4, '2610D01', 20, 'SP-1', sold4)],
               '药剂科', ADDR, by=('发货-吴凯', '发货-郑浩'))
    inv1 = B.nxt_inv('2633')
    a1 = B.invoice(T('2026-11-05 15:00'), inv1, 'sale', SELF, H1, '2026-11-05',
                   [(P1, 100, 1050), (P2, 50, 1450), (P4, 20, 620)], {"sale": ['XS2026110001']})

    # --- monthly count 11-10 (盘点) ---
    # WH-A: amoxicillin 2610A01 2 boxes short (loss, booked by loss report the same day; recount agrees)
    B.count(T('2026-11-10 14:00'), 'PD2026111001', 'WH-A', override={(P1, '2610A01'): 398})
    # WH-B: ibuprofen one box more than the books (盘盈): no event kind books a gain
    B.count(T('2026-11-10 14:30'), 'PD2026111002', 'WH-B', override={(P2, '2610B01'): 251})
    # SP-1: diazepam one box short -> loss report within 24 h to police, MPA and health commission; recount agrees
    missing = B.take_codes(P4, '2610D01', 'SP-1', 80)[37]
    B.count(T('2026-11-10 15:00'), 'PD2026111003', 'SP-1', override={(P4, '2610D01'): 79}, by=('保管-赵磊', '保管-钱峰', '质管-沈佳怡'))
    # CR-1: the count sheet lists insulin only; the botulinum toxin box was not counted (sheet omits the batch)
    B.count(T('2026-11-10 15:30'), 'PD2026111004', 'CR-1', omit=[(BTX, 'BTX202609')])
    B.outdoc('loss_report', T('2026-11-10 17:00'), 'BS2026111001', [(P1, '2610A01', 2, 'WH-A')],
             ['保管-赵磊', '质管-沈佳怡'], extra={"loss": "loss", "discovered_at": iso(T('2026-11-10 14:00'))})
    B.outdoc('loss_report', T('2026-11-11 14:00'), 'BS2026111002', [(P4, '2610D01', 1, 'SP-1', [missing])],
             ['保管-赵磊', '质管-沈佳怡'], extra={"loss": "loss", "discovered_at": iso(T('2026-11-10 15:00')),
                                                "reported_to": AUTH})
    B.count(T('2026-11-11 16:00'), 'PD2026111005', 'WH-A')
    B.count(T('2026-11-12 09:00'), 'PD2026111006', 'SP-1', by=('保管-赵磊', '保管-钱峰'))

    # --- returns, damage, recall ---
    ret4 = sold4[:2]
    B.creturn(T('2026-11-15 10:00'), 'TH2026111501', H1, ['XS2026110001'], '运输途中瓶盖破损',
              [(P4, '2610D01', 2, 'RET', ret4)], by=('销售-陈静', '验收-张伟', '验收-孙浩'))
    cn = B.nxt_inv('2633')
    B.invoice(T('2026-11-15 15:00'), cn, 'sale', SELF, H1, '2026-11-15', [(P4, 2, 620)], {"sale": ['XS2026110001']},
              credit_for=inv1)
    B.pay(T('2026-11-16 10:00'), 'SK2026111601', 'incoming', H1, SELF, ACC[H1], ACC[SELF], a1 - 2 * 620, [inv1])
    dmg4 = B.take_codes(P4, '2610D01', 'SP-1', 3)
    B.move('transfer', T('2026-11-16 09:00'), 'YK2026111601', [(P4, '2610D01', 3, 'SP-1', 'QA', dmg4)],
           ['保管-赵磊', '质管-沈佳怡'], reason='quarantine')
    B.move('transfer', T('2026-11-16 09:10'), 'YK2026111602', [(P2, '2610B01', 6, 'WH-B', 'QA')],
           ['保管-赵磊'], reason='quarantine')
    dmgb = B.take_codes(BTX, 'BTX202609', 'CR-1', 2)
    B.move('transfer', T('2026-11-16 09:20'), 'YK2026111603', [(BTX, 'BTX202609', 2, 'CR-1', 'QA', dmgb)],
           ['保管-赵磊', '质管-沈佳怡'], reason='quarantine')
    # manufacturer's recall of batch 2610A03: all 30 boxes locked in QA
    B.move('transfer', T('2026-11-18 10:00'), 'YK2026111801', [(P1, '2610A03', 30, 'WH-A', 'QA')],
           ['质管-沈佳怡'], reason='quarantine')
    sup4 = ['杭州市市场监督管理局 执法人员 何立', '杭州市市场监督管理局 执法人员 陈珂']
    # lawful: ibuprofen (water damage) destroyed from QA without a regulator present
    B.outdoc('destruction', T('2026-11-20 14:00'), 'XH2026112001', [(P2, '2610B01', 6, 'QA')],
             ['质管-沈佳怡', '保管-赵磊'], extra={"reason": "仓库漏水浸湿", "method": "交有资质单位焚烧"})
    # lawful: diazepam (broken) destroyed from QA under supervision, codes scanned
    B.outdoc('destruction', T('2026-11-25 09:30'), 'XH2026112501', [(P4, '2610D01', 3, 'QA', dmg4)],
             ['质管-沈佳怡', '保管-赵磊'], extra={"reason": "破损", "method": "焚烧", "supervisors": sup4})
    # PLANT: returned diazepam destroyed under supervision, 2 boxes but one code scanned
    B.outdoc('destruction', T('2026-11-25 09:45'), 'XH2026112502', [(P4, '2610D01', 2, 'RET', ret4[:1])],
             ['质管-沈佳怡', '保管-赵磊'], extra={"reason": "退货破损", "method": "焚烧", "supervisors": sup4})
    # PLANT: botulinum toxin (medical toxic) destroyed with no supervisor recorded
    B.outdoc('destruction', T('2026-11-25 10:00'), 'XH2026112503', [(BTX, 'BTX202609', 2, 'QA', dmgb)],
             ['质管-沈佳怡', '保管-赵磊'], extra={"reason": "瓶身破裂", "method": "高温灭活后焚烧"})
    # PLANT: recalled amoxicillin destroyed, but the record takes it from WH-A (it is in QA)
    B.allow_neg = True
    B.outdoc('destruction', T('2026-11-25 10:30'), 'XH2026112504', [(P1, '2610A03', 30, 'WH-A')],
             ['质管-沈佳怡', '保管-赵磊'], extra={"reason": "生产企业召回", "method": "交有资质单位焚烧"})
    return L, B


if __name__ == '__main__':
    L, B = build322()
    print(len(L.finish()))
