"""320: a lawful December 2026 of a Hangzhou wholesaler (quiet)."""
from common import *

SELF = uscc('91330106MA2H7R2C')
S1 = uscc('91330100143958271')   # 杭州宁康制药 (manufacturer)
S2 = uscc('91220500244578902')   # 通化东宝药业 (manufacturer, insulin)
S3 = uscc('91120000103071899')   # 天士力医药集团 (manufacturer)
C1 = uscc('12330100470001234')   # 杭州市第一人民医院 (public)
C2 = uscc('12330100470067138')   # 杭州市西溪医院 (public)
C3 = uscc('91330105MA2CL5E47')   # 杭州康宁大药房连锁
C4 = uscc('52330106MA2J8N0C1')   # 杭州之江社区卫生服务中心 (public)
C5 = uscc('91330106MA2K9P3D2')   # 杭州仁爱门诊部 (private)
ACC = {SELF: '1202024109900527001', S1: '33050161627200000123', S2: '22050141000152000456',
       S3: '12050188000000000789', C1: '33001616835050000011', C2: '33001616835050000022',
       C3: '33001616835050000033', C4: '33001616835050000044', C5: '33001616835050000055'}
P1, P2, P3, P4, P5 = '86901234000011', '86901234000028', '86978901000034', '86901234000042', '86912345000057'
BUY = {P1: 860, P2: 1200, P3: 6500, P4: 500, P5: 2300}
SELL = {P1: 1050, P2: 1450, P3: 7200, P4: 620, P5: 2680}
LOC = {P1: 'WH-A', P2: 'WH-A', P3: 'CR-1', P4: 'SP-1', P5: 'WH-C'}
SUP = {P1: S1, P2: S1, P4: S1, P3: S2, P5: S3}
ADDR = {C1: '浙江省杭州市上城区浣纱路 261 号', C2: '浙江省杭州市西湖区西溪路 28 号',
        C3: '浙江省杭州市拱墅区莫干山路 110 号', C4: '浙江省杭州市西湖区之江路 1 号',
        C5: '浙江省杭州市西湖区文三路 90 号'}


def build():
    L = Ledger(320)
    B = Biz(L, SELF)
    rng = random.Random(3201)
    t0 = T('2026-11-30 09:00')
    party(L, t0, SELF, '浙江瑞和医药有限公司', 'wholesaler', 'self', '浙AA5710320', 'drug_wholesale',
          ['chemical', 'tcm_patent', 'biological', 'psychotropic2', 'cold_chain'],
          [('中国工商银行杭州西湖支行', ACC[SELF])], '浙江', '浙江省杭州市西湖区文三路 388 号')
    party(L, t0, S1, '杭州宁康制药有限公司', 'manufacturer', 'supplier', '浙20000101', 'drug_manufacturing',
          ['chemical', 'psychotropic2'], [('杭州银行高新支行', ACC[S1])], '浙江', '浙江省杭州市滨江区江南大道 1 号')
    party(L, t0, S2, '通化东宝药业股份有限公司', 'manufacturer', 'supplier', '吉20000038', 'drug_manufacturing',
          ['biological', 'cold_chain'], [('中国银行通化分行', ACC[S2])], '吉林', '吉林省通化县东宝新村')
    party(L, t0, S3, '天士力医药集团股份有限公司', 'manufacturer', 'supplier', '津20000012', 'drug_manufacturing',
          ['tcm_patent'], [('中国银行天津北辰支行', ACC[S3])], '天津', '天津市北辰区普济河东道 2 号')
    hosp_scope = ['chemical', 'tcm_patent', 'biological', 'psychotropic2']
    party(L, t0, C1, '杭州市第一人民医院', 'medical_institution', 'customer', 'PDY00001233010', 'medical_institution',
          hosp_scope, [('中国工商银行杭州分行', ACC[C1])], '浙江', ADDR[C1], public=True)
    party(L, t0, C2, '杭州市西溪医院', 'medical_institution', 'customer', 'PDY00006713810', 'medical_institution',
          hosp_scope, [('中国工商银行杭州分行', ACC[C2])], '浙江', ADDR[C2], public=True)
    party(L, t0, C3, '杭州康宁大药房连锁有限公司', 'retail_chain', 'customer', '浙CB5710011', 'drug_retail',
          ['chemical', 'tcm_patent', 'biological'], [('招商银行杭州分行', ACC[C3])], '浙江', ADDR[C3])
    party(L, t0, C4, '杭州之江社区卫生服务中心', 'medical_institution', 'customer', 'PDY00002201110',
          'medical_institution', ['chemical', 'tcm_patent'], [('杭州银行之江支行', ACC[C4])], '浙江', ADDR[C4],
          public=True)
    party(L, t0, C5, '杭州仁爱门诊部', 'medical_institution', 'customer', 'PDY00009931210', 'medical_institution',
          ['chemical', 'tcm_patent'], [('浙江泰隆银行杭州分行', ACC[C5])], '浙江', ADDR[C5])
    t1 = T('2026-11-30 09:30')
    product(L, t1, P1, '阿莫西林胶囊', '胶囊剂', '0.25g×24粒/盒', '杭州宁康制药有限公司', '国药准字H33020011',
            'chemical', 'none', 'ambient', '盒')
    product(L, t1, P2, '布洛芬缓释胶囊', '胶囊剂', '0.3g×20粒/盒', '杭州宁康制药有限公司', '国药准字H33020234',
            'chemical', 'none', 'ambient', '盒', rx=False)
    product(L, t1, P3, '门冬胰岛素注射液', '注射剂', '3ml:300单位(笔芯)', '通化东宝药业股份有限公司',
            '国药准字S20190012', 'biological', 'none', 'cold', '支')
    product(L, t1, P4, '地西泮片', '片剂', '2.5mg×20片/盒', '杭州宁康制药有限公司', '国药准字H33020567',
            'chemical', 'psychotropic2', 'ambient', '盒')
    product(L, t1, P5, '复方丹参滴丸', '滴丸剂', '27mg×180丸/瓶', '天士力医药集团股份有限公司', '国药准字Z10950111',
            'tcm_patent', 'none', 'cool', '瓶', rx=False)
    t2 = T('2026-11-30 10:00')
    zone(L, t2, 'WH-A', 'ambient', [])
    zone(L, t2, 'WH-C', 'cool', [])
    zone(L, t2, 'CR-1', 'cold', ['TH-R01'], rng=(2.0, 8.0))
    zone(L, t2, 'SP-1', 'ambient', [])

    # CR-1 readings every 10 minutes, uploaded every 4 hours (30 s after the block)
    day = T('2026-12-01 00:00')
    end = T('2026-12-31 23:50')
    a = day
    while a <= end:
        blk = series(a, a + D(minutes=230), 10, lambda _: max(3.0, min(7.0, rng.gauss(5.0, 0.8))))
        readings(L, a + D(hours=4, seconds=30), 'TH-R01', 'CR-1', blk)
        a += D(hours=4)

    # ---------- purchasing ----------
    po_n = [0]; rc_n = [0]; pa_n = [0]; fk_n = [0]
    batches = {p: [] for p in BUY}
    pinv_pending = []  # (due time, invoice, supplier, amount)

    def buy(tp, sup, lines, cold=False):
        po_n[0] += 1
        po = f"CG202612{po_n[0]:05d}"
        B.purchase(tp, po, sup, [(p, q, BUY[p]) for p, q in lines])
        tr = tp + D(days=1, hours=1)  # receipt next day 10:00
        rc_n[0] += 1
        rc = f"SH202612{rc_n[0]:05d}"
        dn = f"DN-{po}"
        rl = []
        for p, q in lines:
            b = f"{tr:%y%m%d}{rc_n[0]:02d}{p[-2:]}"
            pdate = (tr - D(days=40)).date().isoformat()
            exp = '2028-%02d-%02d' % (tr.month if tr.month <= 12 else 1, 15)
            codes = codes_for(f"8190{p[-2:]}{rc_n[0]:02d}", 1, q) if p == P4 else []
            rl.append((p, b, pdate, exp, q, q, 'RCV', codes))
            batches[p].append((b, tr + D(hours=1)))
        transport = None
        if cold:
            veh = f"吉E·L{3300 + rc_n[0]}冷"
            shipped = tr - D(hours=6)
            transport = {"vehicle": veh, "shipped_at": iso(shipped), "cold_chain": True}
            pts = series(shipped - D(minutes=10), tr + D(minutes=10), 5,
                         lambda _: max(3.0, min(7.0, rng.gauss(4.8, 0.6))))
            readings(L, tr + D(minutes=50), f"TL-{3300 + rc_n[0]}", veh, pts, vehicle=True,
                     by=('系统-冷链监测',))
        acceptors = ['验收-张伟', '验收-孙浩'] if any(p == P4 for p, _ in lines) else ['验收-张伟']
        B.receipt(tr, rc, sup, [po], dn, rl, acceptors, transport)
        pa_n[0] += 1
        B.move("put_away", tr + D(hours=1), f"RK202612{pa_n[0]:05d}",
               [(p, b, q, 'RCV', LOC[p], c) for (p, b, _, _, q, _, _, c) in rl], ['保管-赵磊'],
               refs={"order": [po], "receipt": [rc]})
        # purchase invoices: insulin in two partial invoices, others one
        ti = tr + D(days=1, hours=5)
        if cold:
            (p, q), = lines
            q1 = q * 6 // 10
            for qq, dd in ((q1, 0), (q - q1, 2)):
                inv = B.nxt_inv('2622')
                amt = B.invoice(ti + D(days=dd), inv, 'purchase', sup, SELF, (ti + D(days=dd)).date().isoformat(),
                                [(p, qq, BUY[p])], {"order": [po], "receipt": [rc]})
                pinv_pending.append((ti + D(days=dd + 7), inv, sup, amt))
        else:
            inv = B.nxt_inv('2633')
            amt = B.invoice(ti, inv, 'purchase', sup, SELF, ti.date().isoformat(),
                            [(p, q, BUY[p]) for p, q in lines], {"order": [po], "receipt": [rc]})
            pinv_pending.append((ti + D(days=7), inv, sup, amt))

    for d in (1, 8, 15, 22):
        buy(T(f'2026-12-{d:02d} 09:00'), S1, [(P1, 600), (P2, 400), (P4, 60)])
    for d in (1, 11, 21):
        buy(T(f'2026-12-{d:02d} 09:10'), S2, [(P3, 200)], cold=True)
    for d in (2, 16):
        buy(T(f'2026-12-{d:02d} 09:20'), S3, [(P5, 150)])
    for due, inv, sup, amt in pinv_pending:
        if due <= T('2026-12-31 17:00'):
            fk_n[0] += 1
            B.pay(due.replace(hour=15, minute=0), f"FK202612{fk_n[0]:05d}", 'outgoing', SELF, sup, ACC[SELF],
                  ACC[sup], amt, [inv])
    return L, B, batches


def sales(L, B, batches):
    rng = random.Random(3202)
    xs = [0]
    sk = [0]
    pending_pay = []
    c3_sales = []
    c3_lines = []
    veh = '浙A·L8801冷'

    def pick(p, q, at):
        """FIFO batch with enough stock at the location, only batches received before `at`"""
        for b, avail in batches[p]:
            if avail < at and B.stock[(p, b, LOC[p])] >= q:
                return b
        return None

    prepaid_inv = None
    cold_days = set()
    days = [T('2026-12-%02d 00:00' % d) for d in range(3, 31)]
    for dday in days:
        if dday.weekday() == 6:   # Sundays closed
            continue
        custs = [C1, C2, C3, C4, C5]
        rng.shuffle(custs)
        for k, c in enumerate(custs[:3] + ([C1, C2] if dday.weekday() in (1, 4) else [])):
            ts = dday + D(hours=9, minutes=15 + 50 * k)
            ps = [P1, P2, P5] + ([P3] if c in (C1, C2, C3) else [])
            psych = (dday.weekday() in (1, 4) and k >= 3)
            if psych:
                lines_spec = [(P4, 10)]
            else:
                chosen = rng.sample(ps, rng.randint(1, 3))
                if P3 in chosen and dday.date() in cold_days:
                    chosen.remove(P3)
                if not chosen:
                    chosen = [P1]
                lines_spec = [(p, rng.randint(2, 12) * (5 if p != P3 else 2)) for p in chosen]
            lines = []
            for p, q in lines_spec:
                b = pick(p, q, ts)
                if b:
                    lines.append((p, b, q))
            if not lines:
                continue
            xs[0] += 1
            sdoc = f"XS202612{xs[0]:05d}"
            cold = any(p == P3 for p, _, _ in lines)
            if cold:
                cold_days.add(dday.date())
            B.sale(ts, sdoc, c, [(p, b, q, SELL[p]) for p, b, q in lines])
            rv = ['复核-刘洋', '复核-郭婷'] if psych else ['复核-刘洋']
            B.review(ts + D(minutes=40), f"FH202612{xs[0]:05d}", c, [sdoc],
                     [(p, b, q, None) for p, b, q in lines], rv)
            td = ts + D(hours=2)
            if cold:
                td = dday + D(hours=14)  # the one cold run of the day
            dl = []
            for p, b, q in lines:
                codes = B.take_codes(p, b, LOC[p], q) if p == P4 else []
                dl.append((p, b, q, LOC[p], codes))
            B.dispatch(td, f"PS202612{xs[0]:05d}", c, [sdoc], dl, '药剂科 收货组', ADDR[c],
                       vehicle=veh if cold else None,
                       by=('发货-吴凯', '发货-郑浩') if psych else ('发货-吴凯',))
            if cold:
                pts = series(td - D(minutes=30), td + D(hours=2), 5,
                             lambda _: max(3.2, min(6.8, rng.gauss(5.0, 0.7))))
                readings(L, td + D(hours=2, minutes=20), 'TL-8801', veh, pts, vehicle=True, by=('系统-冷链监测',))
            if c == C3:
                c3_sales.append(sdoc)
                c3_lines += [(p, q) for p, b, q in lines]
                continue
            inv = B.nxt_inv('2633')
            ti = td + D(hours=1)
            amt = B.invoice(ti, inv, 'sale', SELF, c, ti.date().isoformat(),
                            [(p, q, SELL[p]) for p, b, q in lines], {"sale": [sdoc]})
            pending_pay.append([ti + D(days=5), c, inv, amt, sdoc, lines])
    return pending_pay, c3_sales, c3_lines


def build320():
    L, B, batches = build()
    pending_pay, c3_sales, c3_lines = sales(L, B, batches)
    SELFacc = ACC[SELF]
    sk = 0
    # customer return: 西溪医院 returns 5 boxes of amoxicillin from its first amoxicillin sale; red-letter; release
    ret = next(x for x in pending_pay if x[1] == C2 and any(p == P1 for p, b, q in x[5]))
    p, b, q = next(l for l in ret[5] if l[0] == P1)
    tret = ret[0] - D(days=3, hours=-1)   # two days after the invoice
    B.creturn(tret, 'TH2026120001', C2, [ret[4]], '医院药剂科多订，包装完好', [(P1, b, 5, 'RET')])
    cn = B.nxt_inv('2633')
    B.invoice(tret + D(hours=2), cn, 'sale', SELF, C2, (tret + D(hours=2)).date().isoformat(), [(P1, 5, SELL[P1])],
              {"sale": [ret[4]]}, credit_for=ret[2])
    B.move("transfer", tret + D(hours=20), 'YK2026120001', [(P1, b, 5, 'RET', 'WH-A')], ['质管-沈佳怡'],
           refs={"receipt": ['TH2026120001']}, reason='release')
    ret[3] -= 5 * SELL[P1]
    ret[0] = max(ret[0], tret + D(days=1))
    # price reduction (折让) for 之江社区: 20.00 CNY on its first invoice, paid net
    zj = next(x for x in pending_pay if x[1] == C4)
    cn2 = B.nxt_inv('2633')
    B.invoice(zj[0] - D(days=2), cn2, 'sale', SELF, C4, (zj[0] - D(days=2)).date().isoformat(),
              [(zj[5][0][0], 0, 0, 2000)], {"sale": [zj[4]]}, credit_for=zj[2])
    zj[3] -= 2000
    # hospital 1 pays its first invoice in two instalments
    first_c1 = next(x for x in pending_pay if x[1] == C1)
    for due, c, inv, amt, sdoc, lines in pending_pay:
        if due > T('2026-12-31 16:00'):
            continue
        tp = due.replace(hour=10, minute=30)
        if inv == first_c1[2]:
            sk += 1
            B.pay(tp, f"SK202612{sk:05d}", 'incoming', c, SELF, ACC[c], SELFacc, amt // 2, [inv])
            sk += 1
            B.pay(tp + D(days=4), f"SK202612{sk:05d}", 'incoming', c, SELF, ACC[c], SELFacc, amt - amt // 2, [inv])
            continue
        sk += 1
        B.pay(tp, f"SK202612{sk:05d}", 'incoming', c, SELF, ACC[c], SELFacc, amt, [inv])
    # retail chain: prepayment on 12-05 naming its monthly invoice, monthly invoice 12-31, balance the same day
    minv = B.nxt_inv('2633')
    tot = sum(q * SELL[p] for p, q in c3_lines)
    sk += 1
    B.pay(T('2026-12-05 11:00'), f"SK202612{sk:05d}", 'incoming', C3, SELF, ACC[C3], SELFacc, 500000, [minv])
    agg = {}
    for p, q in c3_lines:
        agg[p] = agg.get(p, 0) + q
    B.invoice(T('2026-12-31 10:00'), minv, 'sale', SELF, C3, '2026-12-31', [(p, q, SELL[p]) for p, q in agg.items()],
              {"sale": c3_sales})
    assert tot > 500000
    sk += 1
    B.pay(T('2026-12-31 16:00'), f"SK202612{sk:05d}", 'incoming', C3, SELF, ACC[C3], SELFacc, tot - 500000, [minv])
    # month-end stock counts (books agree)
    for i, loc in enumerate(('WH-A', 'WH-C', 'CR-1', 'SP-1')):
        B.count(T('2026-12-31 18:00') + D(minutes=20 * i), f"PD2026123100{i + 1}", loc)
    return L.finish()


if __name__ == '__main__':
    ev = build320()
    print(len(ev))
