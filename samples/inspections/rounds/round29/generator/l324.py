"""324: narcotic and class-1 psychotropic custody, December 2026 (two stores, returns, renewal, losses)."""
from common import *

SELF = uscc('91330000MA2H7R2N')   # 浙江瑞和医药有限公司 (regional wholesaler)
NW = uscc('91310000134588021')    # 国药控股股份有限公司 (national wholesaler)
DM = uscc('91210100117822511')    # 东北制药 (designated manufacturer)
H1 = uscc('12330100470001234')    # 杭州市第一人民医院
H3 = uscc('12330400470099881')    # 嘉兴市第二医院
H4 = uscc('12310000425006611')    # 上海市东方医院 (other province)
ACC = {SELF: '1202024109900527001', NW: '31050161627200000999', DM: '21050141000152000777',
       H1: '33001616835050000011', H3: '33001616835050000066', H4: '31001616835050000077'}
M, R = '86902345000016', '86902345000023'
ADDR = {H1: '浙江省杭州市上城区浣纱路 261 号', H3: '浙江省嘉兴市南湖区环城北路 1518 号', H4: '上海市浦东新区即墨路 150 号'}
SUPV = ['杭州市市场监督管理局 执法人员 何立', '杭州市卫生健康委员会 监督员 王宁']
AUTH = ['杭州市公安局西湖分局', '杭州市市场监督管理局', '杭州市卫生健康委员会']


def build324():
    L = Ledger(324)
    B = Biz(L, SELF)
    t0 = T('2026-11-30 09:00')
    party(L, t0, SELF, '浙江瑞和医药有限公司', 'wholesaler', 'self', '浙AA5710320', 'drug_wholesale',
          ['chemical', 'narcotic', 'psychotropic1', 'psychotropic2'], [('中国工商银行杭州西湖支行', ACC[SELF])], '浙江',
          '浙江省杭州市西湖区文三路 388 号', special={"designation": "regional_wholesaler", "valid_to": "2028-12-31"})
    party(L, t0, NW, '国药控股股份有限公司', 'wholesaler', 'supplier', '沪AA0210001', 'drug_wholesale',
          ['chemical', 'narcotic', 'psychotropic1', 'psychotropic2'], [('中国银行上海分行', ACC[NW])], '上海',
          '上海市黄浦区龙华东路 385 号', special={"designation": "national_wholesaler", "valid_to": "2029-12-31"})
    party(L, t0, DM, '东北制药集团股份有限公司', 'manufacturer', 'supplier', '辽20000005', 'drug_manufacturing',
          ['chemical', 'psychotropic1'], [('中国银行沈阳分行', ACC[DM])], '辽宁', '辽宁省沈阳市经济技术开发区昆明湖街 8 号',
          special={"designation": "designated_manufacturer", "valid_to": "2029-12-31"})
    sc = ['chemical', 'narcotic', 'psychotropic1', 'psychotropic2']
    party(L, t0, H1, '杭州市第一人民医院', 'medical_institution', 'customer', 'PDY00001233010', 'medical_institution', sc,
          [('中国工商银行杭州分行', ACC[H1])], '浙江', ADDR[H1], public=True,
          special={"designation": "seal_card_holder", "seal_card": "浙杭印2024-0031", "valid_to": "2027-03-31"})
    party(L, t0, H3, '嘉兴市第二医院', 'medical_institution', 'customer', 'PDY00009988110', 'medical_institution', sc,
          [('中国工商银行嘉兴分行', ACC[H3])], '浙江', ADDR[H3], public=True,
          special={"designation": "seal_card_holder", "seal_card": "浙嘉印2023-0107", "valid_to": "2026-12-15"})
    party(L, t0, H4, '上海市东方医院', 'medical_institution', 'customer', 'PDY00042500661', 'medical_institution', sc,
          [('交通银行上海浦东分行', ACC[H4])], '上海', ADDR[H4], public=True,
          special={"designation": "seal_card_holder", "seal_card": "沪浦印2025-0219", "valid_to": "2027-06-30"})
    product(L, T('2026-11-30 09:30'), M, '盐酸吗啡注射液', '注射剂', '1ml:10mg×10支/盒', '东北制药集团股份有限公司',
            '国药准字H21022436', 'narcotic', 'narcotic', 'ambient', '支')
    product(L, T('2026-11-30 09:30'), R, '盐酸哌醋甲酯缓释片', '片剂', '18mg×15片/盒', '东北制药集团股份有限公司',
            '国药准字H20100044', 'psychotropic1', 'psychotropic1', 'ambient', '盒')
    for z in ('SP-1', 'SP-2'):
        zone(L, T('2026-11-30 10:00'), z, 'ambient', [])
    two_acc = ['验收-张伟', '验收-孙浩']
    two_rev = ['复核-刘洋', '复核-郭婷']
    two_keep = ['保管-赵磊', '保管-钱峰']
    cm = codes_for('81002345', 1, 200)    # morphine unit codes ...001-...200
    cr = codes_for('81002346', 1, 100)
    B.purchase(T('2026-12-01 09:00'), 'CG2026120101', NW, [(M, 200, 1850)])
    B.purchase(T('2026-12-01 09:10'), 'CG2026120102', DM, [(R, 100, 9800)])
    B.receipt(T('2026-12-02 10:00'), 'SH2026120201', NW, ['CG2026120101'], 'GKPS2026120100031',
              [(M, 'MF2611001', '2026-11-03', '2028-10-31', 200, 200, 'RCV', cm)], two_acc)
    B.receipt(T('2026-12-02 14:00'), 'SH2026120202', DM, ['CG2026120102'], 'DBPS2026120100008',
              [(R, 'PC2610007', '2026-10-20', '2028-10-19', 100, 100, 'RCV', cr)], two_acc)
    B.move('put_away', T('2026-12-02 11:00'), 'RK2026120201',
           [(M, 'MF2611001', 120, 'RCV', 'SP-1', cm[:120]), (M, 'MF2611001', 80, 'RCV', 'SP-2', cm[120:])], two_keep,
           refs={"order": ['CG2026120101'], "receipt": ['SH2026120201']})
    B.move('put_away', T('2026-12-02 15:00'), 'RK2026120202', [(R, 'PC2610007', 100, 'RCV', 'SP-1', cr)], two_keep,
           refs={"order": ['CG2026120102'], "receipt": ['SH2026120202']})
    for tt, inv, sup, p, q, u, po in ((T('2026-12-03 10:00'), '26312000000000120301', NW, M, 200, 1850, 'CG2026120101'),
                                      (T('2026-12-03 10:10'), '26212000000000120302', DM, R, 100, 9800, 'CG2026120102')):
        amt = B.invoice(tt, inv, 'purchase', sup, SELF, tt.date().isoformat(), [(p, q, u)], {"order": [po]})
        B.pay(tt + D(days=10), 'FK' + inv[-8:], 'outgoing', SELF, sup, ACC[SELF], ACC[sup], amt, [inv])

    xs = [0]
    PRICE = {M: 2100, R: 11200}

    def sell(ts, cust, p, b, loc, codes, reviewers=two_rev, rec_by=None, approval=None):
        xs[0] += 1
        sd = f"XS2026120{xs[0]:03d}"
        q = len(codes)
        B.sale(ts, sd, cust, [(p, b, q, PRICE[p])], refs={"approval": approval} if approval else None)
        B.review(ts + D(minutes=40), f"FH2026120{xs[0]:03d}", cust, [sd], [(p, b, q, None)], reviewers, by=rec_by)
        B.dispatch(ts + D(hours=1, minutes=20), f"PS2026120{xs[0]:03d}", cust, [sd], [(p, b, q, loc, codes)],
                   '药剂科麻醉药品管理员', ADDR[cust], by=('发货-吴凯', '保管-赵磊'))
        inv = f"2633200000000012{xs[0]:04d}"
        amt = B.invoice(ts + D(hours=5), inv, 'sale', SELF, cust, (ts + D(hours=5)).date().isoformat(),
                        [(p, q, PRICE[p])], {"sale": [sd]})
        B.pay(ts + D(days=6), f"SK2026120{xs[0]:03d}", 'incoming', cust, SELF, ACC[cust], ACC[SELF], amt, [inv])
        return sd

    s1 = sell(T('2026-12-03 09:00'), H1, M, 'MF2611001', 'SP-1', cm[0:30])
    sell(T('2026-12-05 09:00'), H3, R, 'PC2610007', 'SP-1', cr[0:20])
    # lawful: H1 returns 2 unopened ampoules; two people receive them into RET; released to SP-1; resold
    B.creturn(T('2026-12-08 10:00'), 'TH2026120801', H1, [s1], '医院调剂多领，未开封', [(M, 'MF2611001', 2, 'RET', cm[2:4])],
              by=('验收-张伟', '验收-孙浩'))
    B.invoice(T('2026-12-08 15:00'), '26332000000000120899', 'sale', SELF, H1, '2026-12-08', [(M, 2, PRICE[M])],
              {"sale": [s1]}, credit_for='26332000000000120001')
    B.pay(T('2026-12-10 10:00'), 'FK2026121001', 'outgoing', SELF, H1, ACC[SELF], ACC[H1], 2 * PRICE[M],
          ['26332000000000120899'])
    B.move('transfer', T('2026-12-09 10:00'), 'YK2026120901', [(M, 'MF2611001', 2, 'RET', 'SP-1', cm[2:4])],
           ['质管-沈佳怡', '保管-赵磊'], refs={"receipt": ['TH2026120801']}, reason='release')
    # PLANT: psychotropic1 outbound review signed by one reviewer (the keeper only recorded it)
    sell(T('2026-12-10 09:00'), H3, R, 'PC2610007', 'SP-1', cr[20:30], reviewers=['复核-刘洋'],
         rec_by=['复核-刘洋', '保管-赵磊'])
    # PLANT: picked in SP-1 but four of the scanned ampoules are SP-2's (114-123: 121-123 are in SP-2)
    sell(T('2026-12-12 09:00'), H1, M, 'MF2611001', 'SP-1', cm[113:123])
    # H3's seal card expires 12-15; the renewed card is filed on 12-14; sale on 12-16 is lawful
    L.add('licence_changed', T('2026-12-14 11:00'), {"party": H3, "licence": {"number": "PDY00009988110",
          "kind": "medical_institution", "valid_from": "2023-01-01", "valid_to": "2029-12-31"},
          "special": {"designation": "seal_card_holder", "seal_card": "浙嘉印2026-0211", "valid_to": "2029-12-15"},
          "reason": "印鉴卡换发"}, ['质管-沈佳怡'])
    sell(T('2026-12-16 09:00'), H3, M, 'MF2611001', 'SP-1', cm[30:40])
    # resale of the returned ampoules 3 and 4 with eight more
    sell(T('2026-12-17 09:00'), H1, M, 'MF2611001', 'SP-1', cm[2:4] + cm[40:48])
    # lawful: Shanghai hospital, cross-province with the provincial approval
    sell(T('2026-12-18 09:00'), H4, M, 'MF2611001', 'SP-2', cm[180:190], approval='浙药监麻审〔2026〕118号')
    # PLANT: H1 "returns" an ampoule whose code is still in our SP-2 (a cloned code)
    B.creturn(T('2026-12-20 10:00'), 'TH2026122001', H1, [s1], '医院退回', [(M, 'MF2611001', 1, 'RET', [cm[149]])],
              by=('验收-张伟', '验收-孙浩'))
    # lawful: two broken ampoules in SP-2 quarantined and destroyed under supervision
    B.move('transfer', T('2026-12-21 10:00'), 'YK2026122101', [(M, 'MF2611001', 2, 'SP-2', 'QA', cm[198:200])],
           two_keep, reason='quarantine')
    B.outdoc('destruction', T('2026-12-22 14:00'), 'XH2026122201', [(M, 'MF2611001', 2, 'QA', cm[198:200])],
             ['质管-沈佳怡', '保管-赵磊'], extra={"reason": "安瓿破损", "method": "焚烧", "supervisors": SUPV})
    # lawful: a theft reported 23 h 59 min after discovery; PLANT: another 24 h 01 min after
    B.outdoc('loss_report', T('2026-12-24 07:59'), 'BS2026122401', [(R, 'PC2610007', 1, 'SP-1', [cr[99]])],
             ['保管-赵磊', '质管-沈佳怡'], extra={"loss": "theft", "discovered_at": iso(T('2026-12-23 08:00')),
                                                "reported_to": AUTH})
    B.outdoc('loss_report', T('2026-12-29 08:01'), 'BS2026122901', [(R, 'PC2610007', 1, 'SP-1', [cr[98]])],
             ['保管-赵磊', '质管-沈佳怡'], extra={"loss": "loss", "discovered_at": iso(T('2026-12-28 08:00')),
                                                "reported_to": AUTH})
    return L, B, cm, cr


if __name__ == '__main__':
    L, B, cm, cr = build324()
    print(len(L.finish()))
