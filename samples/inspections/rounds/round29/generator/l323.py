"""323: invoices and payments across the Beijing month ends Nov 2026 - Feb 2027."""
from common import *

SELF = uscc('91330106MA2H7R2C')
S1 = uscc('91330100143958271')
H1 = uscc('12330100470001234')
H2 = uscc('12330100470067138')
C3 = uscc('91330105MA2CL5E47')
ACC = {SELF: '1202024109900527001', S1: '33050161627200000123', H1: '33001616835050000011',
       H2: '33001616835050000022', C3: '33001616835050000033'}
P1, P2 = '86901234000011', '86901234000028'
ADDR = {H1: '浙江省杭州市上城区浣纱路 261 号', H2: '浙江省杭州市西湖区西溪路 28 号', C3: '浙江省杭州市拱墅区莫干山路 110 号'}
PR = {P1: 1050, P2: 1450}
BATCH = {P1: '2610A01', P2: '2610B01'}


def build323():
    L = Ledger(323)
    B = Biz(L, SELF)
    t0 = T('2026-11-20 09:00')
    party(L, t0, SELF, '浙江瑞和医药有限公司', 'wholesaler', 'self', '浙AA5710320', 'drug_wholesale',
          ['chemical', 'tcm_patent'], [('中国工商银行杭州西湖支行', ACC[SELF])], '浙江', '浙江省杭州市西湖区文三路 388 号')
    party(L, t0, S1, '杭州宁康制药有限公司', 'manufacturer', 'supplier', '浙20000101', 'drug_manufacturing',
          ['chemical'], [('杭州银行高新支行', ACC[S1])], '浙江', '浙江省杭州市滨江区江南大道 1 号')
    party(L, t0, H1, '杭州市第一人民医院', 'medical_institution', 'customer', 'PDY00001233010', 'medical_institution',
          ['chemical'], [('中国工商银行杭州分行', ACC[H1])], '浙江', ADDR[H1], public=True)
    party(L, t0, H2, '杭州市西溪医院', 'medical_institution', 'customer', 'PDY00006713810', 'medical_institution',
          ['chemical'], [('中国工商银行杭州分行', ACC[H2])], '浙江', ADDR[H2], public=True)
    party(L, t0, C3, '杭州康宁大药房连锁有限公司', 'retail_chain', 'customer', '浙CB5710011', 'drug_retail',
          ['chemical', 'tcm_patent'], [('招商银行杭州分行', ACC[C3])], '浙江', ADDR[C3])
    product(L, T('2026-11-20 09:30'), P1, '阿莫西林胶囊', '胶囊剂', '0.25g×24粒/盒', '杭州宁康制药有限公司',
            '国药准字H33020011', 'chemical', 'none', 'ambient', '盒')
    product(L, T('2026-11-20 09:30'), P2, '布洛芬缓释胶囊', '胶囊剂', '0.3g×20粒/盒', '杭州宁康制药有限公司',
            '国药准字H33020234', 'chemical', 'none', 'ambient', '盒', rx=False)
    zone(L, T('2026-11-20 10:00'), 'WH-A', 'ambient', [])
    out = lambda a, b, amt, invs, t, doc, **k: B.pay(t, doc, 'outgoing', SELF, b, ACC[SELF], ACC[b], amt, invs, **k)
    inc = lambda a, amt, invs, t, doc, **k: B.pay(t, doc, 'incoming', a, SELF, ACC[a], ACC[SELF], amt, invs, **k)

    # A: one order of 1000, delivered 600 + 400, invoiced in two parts, paid in instalments
    B.purchase(T('2026-11-26 09:00'), 'CG2026112601', S1, [(P1, 1000, 860)])
    B.receipt(T('2026-11-28 10:00'), 'SH2026112801', S1, ['CG2026112601'], 'DN-NK-261128',
              [(P1, '2610A01', '2026-10-01', '2028-09-30', 600, 600, 'RCV')], ['验收-张伟'])
    B.move('put_away', T('2026-11-28 11:00'), 'RK2026112801', [(P1, '2610A01', 600, 'RCV', 'WH-A')], ['保管-赵磊'],
           refs={"order": ['CG2026112601'], "receipt": ['SH2026112801']})
    B.receipt(T('2026-12-02 10:00'), 'SH2026120201', S1, ['CG2026112601'], 'DN-NK-261202',
              [(P1, '2610A01', '2026-10-01', '2028-09-30', 400, 400, 'RCV')], ['验收-张伟'])
    B.move('put_away', T('2026-12-02 11:00'), 'RK2026120201', [(P1, '2610A01', 400, 'RCV', 'WH-A')], ['保管-赵磊'],
           refs={"order": ['CG2026112601'], "receipt": ['SH2026120201']})
    iA1, iA2 = '26332000000000112801', '26332000000000120301'
    B.invoice(T('2026-11-30 16:00'), iA1, 'purchase', S1, SELF, '2026-11-30', [(P1, 600, 860)],
              {"order": ['CG2026112601'], "receipt": ['SH2026112801']})
    B.invoice(T('2026-12-03 16:00'), iA2, 'purchase', S1, SELF, '2026-12-03', [(P1, 400, 860)],
              {"order": ['CG2026112601'], "receipt": ['SH2026120201']})
    out(SELF, S1, 258000, [iA1], T('2026-12-15 10:00'), 'FK2026121501')
    out(SELF, S1, 258000, [iA1], T('2027-01-28 10:00'), 'FK2027012801')
    out(SELF, S1, 344000, [iA2], T('2027-01-20 10:00'), 'FK2027012001')

    # G: order of 300 ibuprofen, received 300, invoiced 200 + 110 (10 over), credit note 10 only after 22 days
    B.purchase(T('2026-12-01 09:00'), 'CG2026120101', S1, [(P2, 300, 1200)])
    B.receipt(T('2026-12-03 10:00'), 'SH2026120301', S1, ['CG2026120101'], 'DN-NK-261203',
              [(P2, '2610B01', '2026-10-03', '2028-10-02', 300, 300, 'RCV')], ['验收-张伟'])
    B.move('put_away', T('2026-12-03 11:00'), 'RK2026120301', [(P2, '2610B01', 300, 'RCV', 'WH-A')], ['保管-赵磊'],
           refs={"order": ['CG2026120101'], "receipt": ['SH2026120301']})
    iG1, iG2, iG3 = '26332000000000120401', '26332000000000120601', '26332000000000122801'
    B.invoice(T('2026-12-04 15:00'), iG1, 'purchase', S1, SELF, '2026-12-04', [(P2, 200, 1200)], {"order": ['CG2026120101']})
    B.invoice(T('2026-12-06 15:00'), iG2, 'purchase', S1, SELF, '2026-12-06', [(P2, 110, 1200)], {"order": ['CG2026120101']})
    B.invoice(T('2026-12-28 15:00'), iG3, 'purchase', S1, SELF, '2026-12-28', [(P2, 10, 1200)], {"order": ['CG2026120101']},
              credit_for=iG2)
    out(SELF, S1, 240000, [iG1], T('2026-12-20 10:00'), 'FK2026122001')
    out(SELF, S1, 120000, [iG2], T('2027-01-05 10:00'), 'FK2027010501')

    # E: prepayment to the supplier for an order that was cancelled: no invoice ever booked
    out(SELF, S1, 86000, ['26332000000000120599'], T('2026-12-05 10:00'), 'FK2026120501')

    # sales
    xs = [0]

    def sell(ts, cust, lines, inv_t=None, inv_issued=None, inv_lines=None, inv_no=None):
        xs[0] += 1
        sd = f"XS20261{xs[0]:04d}"
        B.sale(ts, sd, cust, [(p, BATCH[p], q, PR[p]) for p, q in lines])
        B.review(ts + D(minutes=30), f"FH20261{xs[0]:04d}", cust, [sd], [(p, BATCH[p], q, None) for p, q in lines],
                 ['复核-刘洋'])
        B.dispatch(ts + D(hours=1), f"PS20261{xs[0]:04d}", cust, [sd], [(p, BATCH[p], q, 'WH-A') for p, q in lines],
                   '药剂科', ADDR[cust])
        res = {"sale": sd}
        if inv_t:
            il = inv_lines or lines
            res["total"] = B.invoice(inv_t, inv_no, 'sale', SELF, cust, inv_issued, [(p, q, PR[p]) for p, q in il],
                                     {"sale": [sd]})
            res["inv"] = inv_no
        return res

    # B: invoice booked the evening before its date (issued_on 11-30); deadline 2027-01-29 00:00 Beijing
    b1 = sell(T('2026-11-29 09:00'), H1, [(P1, 100)], T('2026-11-29 20:00'), '2026-11-30', inv_no='26332000000000113001')
    b2 = sell(T('2026-11-29 09:10'), H2, [(P1, 100)], T('2026-11-29 20:05'), '2026-11-30', inv_no='26332000000000113002')
    inc(H1, b1["total"], [b1["inv"]], T('2027-01-29 00:00:01'), 'SK2027012901')   # one second late
    inc(H2, b2["total"], [b2["inv"]], T('2027-01-29 00:00:00'), 'SK2027012902')   # exactly at the deadline
    # B3: invoice dated 11-30 but booked 12-01 00:30 Beijing (16:30 UTC on 11-30): deadline runs from the booking
    b3 = sell(T('2026-11-30 15:00'), H1, [(P1, 50)], T('2026-12-01 00:30'), '2026-11-30', inv_no='26332000000000113003')
    inc(H1, b3["total"], [b3["inv"]], T('2027-01-30 00:20'), 'SK2027013001')

    # C: return of 20 with a red-letter invoice, paid net; returned goods released to stock
    c = sell(T('2026-12-10 09:00'), H2, [(P2, 200)], T('2026-12-10 15:00'), '2026-12-10', inv_no='26332000000000121001')
    B.creturn(T('2026-12-20 10:00'), 'TH2026122001', H2, [c["sale"]], '近效期调换，包装完好', [(P2, '2610B01', 20, 'RET')])
    B.move('transfer', T('2026-12-21 10:00'), 'YK2026122101', [(P2, '2610B01', 20, 'RET', 'WH-A')], ['质管-沈佳怡'],
           refs={"receipt": ['TH2026122001']}, reason='release')
    B.invoice(T('2026-12-22 10:00'), '26332000000000122201', 'sale', SELF, H2, '2026-12-22', [(P2, 20, PR[P2])],
              {"sale": [c["sale"]]}, credit_for=c["inv"])
    inc(H2, c["total"] - 20 * PR[P2], [c["inv"]], T('2027-01-05 11:00'), 'SK2027010501')

    # H: 100 dispatched, only 80 ever invoiced
    h = sell(T('2026-12-10 10:00'), H2, [(P1, 100)], T('2026-12-10 16:00'), '2026-12-10', inv_lines=[(P1, 80)],
             inv_no='26332000000000121002')
    inc(H2, h["total"], [h["inv"]], T('2026-12-30 11:00'), 'SK2026123001')

    # F: overpayments: H1 refunded after 15 days (late), H2 after 10 days (in time)
    f1 = sell(T('2026-12-08 09:00'), H1, [(P2, 40)], T('2026-12-08 15:00'), '2026-12-08', inv_no='26332000000000120801')
    inc(H1, f1["total"] + 10000, [f1["inv"]], T('2026-12-15 10:00'), 'SK2026121501')
    B.pay(T('2026-12-30 10:00:01'), 'FK2026123001', 'outgoing', SELF, H1, ACC[SELF], ACC[H1], 10000, [f1["inv"]])
    f2 = sell(T('2026-12-08 09:30'), H2, [(P2, 40)], T('2026-12-08 15:05'), '2026-12-08', inv_no='26332000000000120802')
    inc(H2, f2["total"] + 10000, [f2["inv"]], T('2026-12-16 10:00'), 'SK2026121601')
    B.pay(T('2026-12-26 10:00'), 'FK2026122601', 'outgoing', SELF, H2, ACC[SELF], ACC[H2], 10000, [f2["inv"]])

    # D: the chain's December sales on one monthly invoice booked 12-31 23:00 Beijing (15:00 UTC);
    #    its prepayment exactly 30 days earlier; a price reduction (折让) in January; paid net
    miv = '26332000000000123101'
    inc(C3, 200000, [miv], T('2026-12-01 23:00'), 'SK2026120101')
    d1 = sell(T('2026-12-07 09:00'), C3, [(P1, 150), (P2, 20)])
    d2 = sell(T('2026-12-21 09:00'), C3, [(P1, 120)])
    mt = B.invoice(T('2026-12-31 23:00'), miv, 'sale', SELF, C3, '2026-12-31', [(P1, 270, PR[P1]), (P2, 20, PR[P2])],
                   {"sale": [d1["sale"], d2["sale"]]})
    B.invoice(T('2027-01-10 10:00'), '26332000000000011001', 'sale', SELF, C3, '2027-01-10', [(P1, 0, 0, 50000)],
              {"sale": [d1["sale"]]}, credit_for=miv)
    inc(C3, mt - 50000 - 200000, [miv], T('2027-01-25 10:00'), 'SK2027012501')
    # clock: the February count of WH-A (agrees with the books)
    B.count(T('2027-02-05 17:00'), 'PD2027020501', 'WH-A')
    return L, B


if __name__ == '__main__':
    L, B = build323()
    print(len(L.finish()))
