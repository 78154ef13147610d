#!/usr/bin/env python3
"""Round 28 inspection ledgers 310-313 (deterministic). Writes ../ledgers/NNN-slug.{jsonl,expected}
and ../ledgers/sentences.expected (substrings each planted finding's sentence must hold)."""
import json, hashlib, os
from datetime import datetime, timedelta, timezone

BJ = timezone(timedelta(hours=8))
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'ledgers')

OWNER = '91330106MA2R27QX0B'; OWNER_ACC = '1202024109900527001'
SUP = '91330100143958271W'; SUP_ACC = '62248461562941922'; SUP_NAME = '杭州宁康制药有限公司'
H1 = '123300004700891235'; H1_NAME = '杭州市仁和医院'; H1_ACC = '62101850456507379'
H2 = '91330105MA2G8U5W41'; H2_NAME = '杭州康宁大药房连锁有限公司'; H2_ACC = '6217856100023418872'
H3 = '12330100470067138G'; H3_NAME = '杭州市西溪医院'; H3_ACC = '62101850456500001'
P1 = '69012345000013'; P2 = '69012345000020'; P3 = '69012345000112'
PRICE_IN = {P1: 860, P2: 1050, P3: 1500}; PRICE_OUT = {P1: 1200, P2: 1400, P3: 2000}


def iso(dt):
    return dt.strftime('%Y-%m-%dT%H:%M:%S+08:00')


class Ledger:
    def __init__(self, num):
        self.num = num; self.lines = []; self.n = 0; self.docn = 0

    def doc(self, prefix, dt):
        self.docn += 1
        return f'{prefix}{dt.strftime("%Y%m%d")}{self.num}{self.docn:02d}'

    def uuid7(self, ent):
        ms = int(ent.timestamp() * 1000)
        h = hashlib.sha256(f'{self.num}-{self.n}'.encode()).hexdigest()
        r = int(h[:20], 16)
        b = (ms << 80) | (0x7 << 76) | ((r >> 68) & 0xfff) << 64 | (0b10 << 62) | (r & ((1 << 62) - 1))
        s = f'{b:032x}'
        return f'{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:]}'

    def ev(self, kind, dt, data, refs=None, by=('质管-陆文清',), entered=None):
        """append an event; returns its 1-based line number (= seq)"""
        self.n += 1
        ent = entered or dt + timedelta(minutes=5)
        e = {'v': 2, 'id': self.uuid7(ent), 'kind': kind, 'occurred_at': iso(dt),
             'entered_at': iso(ent), 'recorded_by': list(by)}
        if refs: e['refs'] = refs
        e['data'] = data
        self.lines.append((dt, self.n, json.dumps(e, ensure_ascii=False, separators=(',', ':'))))
        return self.n

    def master(self, dt, with_p3=False):
        def party(pid, name, kind, rel, lic, scope, acc, **kw):
            d = {'party': pid, 'name': name, 'kind': kind, 'relation': rel,
                 'licence': {'number': '浙' + pid[-8:], 'kind': lic, 'valid_from': '2023-01-01', 'valid_to': '2029-12-31'},
                 'scope': scope, 'accounts': [{'bank': '中国工商银行杭州分行', 'number': acc}],
                 'province': '浙江', 'address': f'浙江省杭州市{name}路 1 号'}
            d.update(kw); self.ev('party_registered', dt, d)
        party(OWNER, '浙江和瑞医药有限公司', 'wholesaler', 'self', 'drug_wholesale',
              ['chemical', 'tcm_patent', 'psychotropic2'], OWNER_ACC)
        party(SUP, SUP_NAME, 'manufacturer', 'supplier', 'drug_manufacturing', ['chemical', 'psychotropic2'], SUP_ACC)
        party(H1, H1_NAME, 'medical_institution', 'customer', 'medical_institution', ['chemical', 'tcm_patent'], H1_ACC)
        party(H2, H2_NAME, 'retail_chain', 'customer', 'drug_retail', ['chemical', 'tcm_patent'], H2_ACC)
        party(H3, H3_NAME, 'medical_institution', 'customer', 'medical_institution', ['chemical', 'tcm_patent'], H3_ACC)
        def prod(p, name, spec, cat, control):
            self.ev('product_registered', dt, {'product': p, 'generic_name': name, 'form': '胶囊剂', 'spec': spec,
                    'manufacturer': '见批准证明文件', 'approval_number': '国药准字H' + p[-8:], 'category': cat,
                    'control': control, 'storage': 'ambient', 'rx': True, 'unit': '盒'})
        prod(P1, '阿莫西林胶囊', '0.25g×24粒/盒', 'chemical', 'none')
        prod(P2, '布洛芬缓释胶囊', '0.3g×20粒/盒', 'chemical', 'none')
        if with_p3:
            prod(P3, '地西泮片', '2.5mg×20片/盒', 'psychotropic2', 'psychotropic2')
        for z in ('WH-A', 'WH-B', 'SP-1'):
            self.ev('zone_registered', dt, {'zone': z, 'storage': 'ambient'})

    # --- business helpers -------------------------------------------------------------
    def purchase(self, dt, product, qty):
        d = self.doc('CG', dt)
        self.ev('purchase', dt, {'doc': d, 'supplier': SUP, 'lines': [{'product': product, 'quantity': qty,
                'unit_price': {'minor': PRICE_IN[product], 'currency': 'CNY'}}]}, by=('采购-钱立',))
        return d

    def receipt(self, dt, order, product, batch, parts, acceptors=('验收-孙浩', '验收-李娜'), codes=None):
        """parts: list of (location, arrived, accepted)"""
        d = self.doc('SH', dt); lines = []
        for i, (loc, arr, acc) in enumerate(parts):
            l = {'product': product, 'batch': batch, 'production_date': '2026-06-01', 'expiry': '2028-05-31',
                 'arrived': arr, 'accepted': acc, 'rejected': arr - acc, 'location': loc}
            if arr > acc: l['reject_reason'] = '外包装破损'
            if codes and i == 0: l['codes'] = codes
            lines.append(l)
        s = self.ev('receipt', dt, {'doc': d, 'supplier': SUP, 'lines': lines, 'acceptors': list(acceptors)},
                    refs={'order': [order], 'delivery_note': ['DN-' + d]}, by=(acceptors[0],))
        return d, s

    def mv(self, kind, dt, product, batch, qty, frm, to, reason=None, codes=None, entered=None):
        pre = {'put_away': 'RK', 'transfer': 'YK'}[kind]
        d = self.doc(pre, dt)
        l = {'product': product, 'batch': batch, 'quantity': qty, 'from': frm, 'to': to}
        if codes: l['codes'] = codes
        data = {'doc': d}
        if reason: data['reason'] = reason
        data['lines'] = [l]
        s = self.ev(kind, dt, data, by=('保管-朱平',), entered=entered)
        return d, s

    def sell(self, dt, cust, product, batch, qty, frm, codes=None):
        """sale, outbound review, dispatch (10 min apart); returns (sale doc, dispatch doc, dispatch seq)"""
        sd = self.doc('XS', dt)
        self.ev('sale', dt, {'doc': sd, 'customer': cust, 'channel': 'wholesale', 'lines': [{'product': product,
                'batch': batch, 'expiry': '2028-05-31', 'quantity': qty,
                'unit_price': {'minor': PRICE_OUT[product], 'currency': 'CNY'}}]}, by=('销售-许晨',))
        t = dt + timedelta(minutes=10); rd = self.doc('FH', t)
        self.ev('outbound_review', t, {'doc': rd, 'customer': cust, 'lines': [{'product': product, 'batch': batch,
                'expiry': '2028-05-31', 'quantity': qty, 'quality': 'ok'}], 'reviewers': ['复核-郭婷', '复核-马骏']},
                refs={'sale': [sd]}, by=('复核-郭婷',))
        t = dt + timedelta(minutes=20); dd = self.doc('PS', t)
        l = {'product': product, 'batch': batch, 'quantity': qty, 'from': frm}
        if codes: l['codes'] = codes
        s = self.ev('dispatch', t, {'doc': dd, 'customer': cust, 'consignee': '收货人 王敏', 'address': '地址',
                    'lines': [l]}, refs={'sale': [sd]}, by=('发货-蒋涛',))
        return sd, dd, s

    def creturn(self, dt, cust, sale, product, batch, qty, to, codes=None):
        d = self.doc('TH', dt)
        l = {'product': product, 'batch': batch, 'quantity': qty, 'to': to}
        if codes: l['codes'] = codes
        s = self.ev('customer_return', dt, {'doc': d, 'customer': cust, 'reason': '医院退货（包装破损）', 'lines': [l]},
                    refs={'sale': [sale]}, by=('销售-许晨', '验收-孙浩'))
        return d, s

    def write(self, slug, expected_comments, expected):
        base = os.path.join(OUT, f'{self.num}-{slug}')
        order = sorted(self.lines, key=lambda x: (x[0], x[1]))  # occurred_at order, stable
        seq = {idx: i + 1 for i, (_, idx, _) in enumerate(order)}
        expected = sorted(((r, seq[s]) for r, s in expected), key=lambda x: (x[1], x[0]))
        for i, r in enumerate(SENT):
            if r[0] == self.num and not isinstance(r[2], str):
                SENT[i] = (r[0], r[1], str(seq[r[2]]), r[3], r[4])
        with open(base + '.jsonl', 'w') as f:
            f.write('\n'.join(l for _, _, l in order) + '\n')
        with open(base + '.expected', 'w') as f:
            for c in expected_comments: f.write(c + '\n')
            for r, s in expected: f.write(f'{r} {s}\n')


def day(d, h=9, m=0, s=0):
    return datetime(2026, 11, d, h, m, s, tzinfo=BJ) if d <= 30 else datetime(2026, 12, d - 30, h, m, s, tzinfo=BJ)


SENT = []  # (ledger, rule, seq, lang, substring)


def sent(led, rule, seq, lang, *subs):
    for s in subs: SENT.append((led, rule, seq, lang, s))


# =========================== 310: lawful paths, quiet =================================
def l310():
    L = Ledger(310); L.master(day(2))
    t = lambda d, h, m=0: day(d, h, m)
    # L1 one receipt, two receiving docks, partial acceptance at the second
    o = L.purchase(t(3, 9), P1, 102)
    L.receipt(t(4, 9), o, P1, 'A310-01', [('RCV', 60, 60), ('RCV-2', 42, 40)])
    L.mv('put_away', t(4, 10), P1, 'A310-01', 60, 'RCV', 'WH-A')
    L.mv('put_away', t(4, 10, 10), P1, 'A310-01', 40, 'RCV-2', 'WH-A')
    # L2 partial acceptance, part moved to staging by transfer, put away from both
    o = L.purchase(t(3, 9, 10), P1, 80)
    L.receipt(t(4, 11), o, P1, 'A310-02', [('RCV', 80, 78)])
    L.mv('transfer', t(4, 11, 30), P1, 'A310-02', 30, 'RCV', 'STG', 'relocation')
    L.mv('put_away', t(4, 12), P1, 'A310-02', 30, 'STG', 'WH-A')
    L.mv('put_away', t(4, 12, 10), P1, 'A310-02', 48, 'RCV', 'WH-A')
    # L3 cross-docking: dispatch straight from receiving, the rest put away
    o = L.purchase(t(3, 9, 20), P1, 50)
    L.receipt(t(4, 14), o, P1, 'A310-03', [('RCV', 50, 50)])
    L.sell(t(4, 14, 30), H1, P1, 'A310-03', 20, 'RCV')
    L.mv('put_away', t(4, 15, 30), P1, 'A310-03', 30, 'RCV', 'WH-A')
    # L4 returns into RCV, into RET (released to RCV), into QA (released to STG, moved to RCV)
    o = L.purchase(t(3, 9, 30), P1, 40)
    L.receipt(t(5, 9), o, P1, 'A310-04', [('RCV', 40, 40)])
    L.mv('put_away', t(5, 9, 30), P1, 'A310-04', 40, 'RCV', 'WH-A')
    s4, _, _ = L.sell(t(5, 10), H1, P1, 'A310-04', 30, 'WH-A')
    L.creturn(t(6, 9), H1, s4, P1, 'A310-04', 5, 'RCV')
    L.mv('put_away', t(6, 9, 30), P1, 'A310-04', 5, 'RCV', 'WH-A')
    L.creturn(t(6, 10), H1, s4, P1, 'A310-04', 4, 'RET')
    L.mv('transfer', t(6, 14), P1, 'A310-04', 4, 'RET', 'RCV', 'release')
    L.mv('put_away', t(6, 14, 30), P1, 'A310-04', 4, 'RCV', 'WH-A')
    L.creturn(t(6, 15), H1, s4, P1, 'A310-04', 3, 'QA')
    L.mv('transfer', t(7, 9), P1, 'A310-04', 3, 'QA', 'STG', 'release')
    L.mv('transfer', t(7, 9, 30), P1, 'A310-04', 3, 'STG', 'RCV', 'relocation')
    L.mv('put_away', t(7, 10), P1, 'A310-04', 3, 'RCV', 'WH-B')
    # L5 return into a second dock, re-dispatched from there (cross-dock), rest via staging
    o = L.purchase(t(3, 9, 40), P1, 30)
    L.receipt(t(5, 11), o, P1, 'A310-05', [('RCV', 30, 30)])
    L.mv('put_away', t(5, 11, 30), P1, 'A310-05', 30, 'RCV', 'WH-A')
    s5, _, _ = L.sell(t(5, 13), H2, P1, 'A310-05', 10, 'WH-A')
    L.creturn(t(7, 11), H2, s5, P1, 'A310-05', 6, 'RCV-2')
    L.sell(t(7, 13), H1, P1, 'A310-05', 4, 'RCV-2')
    L.mv('transfer', t(7, 14), P1, 'A310-05', 2, 'RCV-2', 'STG', 'relocation')
    L.mv('put_away', t(7, 14, 30), P1, 'A310-05', 2, 'STG', 'WH-A')
    # L6 return into RET released straight to storage
    o = L.purchase(t(3, 9, 50), P1, 20)
    L.receipt(t(5, 15), o, P1, 'A310-06', [('RCV', 20, 20)])
    L.mv('put_away', t(5, 15, 30), P1, 'A310-06', 20, 'RCV', 'WH-A')
    s6, _, _ = L.sell(t(5, 16), H1, P1, 'A310-06', 10, 'WH-A')
    L.creturn(t(8, 9), H1, s6, P1, 'A310-06', 4, 'RET')
    L.mv('transfer', t(8, 11), P1, 'A310-06', 4, 'RET', 'WH-A', 'release')
    # L7 return to RCV, quarantined by transfer, released back to RCV, put away (counted once)
    o = L.purchase(t(3, 10), P2, 25)
    L.receipt(t(5, 17), o, P2, 'B310-07', [('RCV', 25, 25)])
    L.mv('put_away', t(5, 17, 30), P2, 'B310-07', 25, 'RCV', 'WH-A')
    s7, _, _ = L.sell(t(6, 16), H2, P2, 'B310-07', 10, 'WH-A')
    L.creturn(t(8, 13), H2, s7, P2, 'B310-07', 5, 'RCV')
    L.mv('transfer', t(8, 13, 30), P2, 'B310-07', 5, 'RCV', 'QA', 'quarantine')
    L.mv('transfer', t(9, 10), P2, 'B310-07', 5, 'QA', 'RCV', 'release')
    L.mv('put_away', t(9, 10, 30), P2, 'B310-07', 5, 'RCV', 'WH-A')
    # L8 accepted goods put away twice (RCV->WH-A, then WH-A->WH-B)
    o = L.purchase(t(3, 10, 10), P2, 50)
    L.receipt(t(9, 13), o, P2, 'B310-08', [('RCV', 50, 50)])
    L.mv('put_away', t(9, 13, 30), P2, 'B310-08', 50, 'RCV', 'WH-A')
    L.mv('put_away', t(9, 15), P2, 'B310-08', 10, 'WH-A', 'WH-B')
    # L9 receipt accepted straight into storage, then put away from there
    o = L.purchase(t(3, 10, 20), P2, 20)
    L.receipt(t(10, 9), o, P2, 'B310-09', [('WH-A', 20, 20)])
    L.mv('put_away', t(10, 9, 30), P2, 'B310-09', 20, 'WH-A', 'WH-B')
    L.write('acc-gate-lawful-two-docks-partial-acceptance-staging-cross-dock-returns-rcv-ret-qa-released-to-rcv-stg-storage-quiet', [
        '# 310 LEGITIMATE: ACC-GATE "counted where the goods are" (CHANGELOG Unreleased round 27): every lawful path must stay quiet',
        '# note: round 28 conventions: owner 浙江和瑞医药有限公司; events in occurred_at order; +08:00; entered_at 5 min later; RCV, RCV-2, STG receiving/staging (outside quarantine), QA/RET default quarantine_locations; no invoices (ledger ends 11-10, UNINVOICED only pending)',
        '# note: A310-01 receipt lines at RCV (60/60) and RCV-2 (42 arrived, 40 accepted); put away 60 from RCV and 40 from RCV-2',
        '# note: A310-02 78 accepted at RCV; transfer 30 RCV->STG ("a transfer between two locations outside quarantine carries its units\' acceptance along"); put away 30 from STG, 48 from RCV',
        '# note: A310-03 cross-dock: dispatch 20 from RCV uses up 20; put away 30 of 30 left',
        '# note: A310-04 returns: 5 to RCV put away; 4 to RET released (transfer release) to RCV and put away (round 27 fix); 3 to QA released to STG, transferred to RCV, put away',
        '# note: A310-05 6 returned into RCV-2, 4 dispatched from RCV-2 (cross-dock), 2 transferred to STG and put away',
        '# note: A310-06 return into RET released to WH-A; B310-07 return to RCV, transfer to QA (uses up), release to RCV (counts again), put away: "counted once"',
        '# note: B310-08 put_away RCV->WH-A 50 then put_away WH-A->WH-B 10: lawful (accepted goods moved between zones). The literal rules.md list ("units a receipt accepted there, units customers returned there, units that left a quarantine location for it") does not name units put away into WH-A; I expect quiet (lawful reading)',
        '# note: B310-09 receipt accepted straight into WH-A, put away WH-A->WH-B: "units a receipt accepted there"',
    ], [])


# =========================== 311: unlawful paths, one ACC-GATE each ====================
def l311():
    L = Ledger(311); L.master(day(2)); exp = []
    t = lambda d, h, m=0: day(d, h, m)
    # U1 two docks: RCV-2 accepted 40 of 42, 42 put away from RCV-2 (RCV has 60 to spare)
    o = L.purchase(t(3, 9), P1, 102)
    L.receipt(t(4, 9), o, P1, 'A311-01', [('RCV', 60, 60), ('RCV-2', 42, 40)])
    _, s = L.mv('put_away', t(4, 10), P1, 'A311-01', 42, 'RCV-2', 'WH-A')
    exp += [('ACC-GATE', s), ('STOCK-NEG', s)]
    sent(311, 'ACC-GATE', s, 'en', '42 units', 'RCV-2', 'only 40', 'A311-01')
    sent(311, 'ACC-GATE', s, 'zh', '42', '40', 'RCV-2', 'A311-01')
    L.mv('put_away', t(4, 10, 10), P1, 'A311-01', 60, 'RCV', 'WH-A')
    # U2 rejected units moved by transfer to STG, then put away from STG
    o = L.purchase(t(3, 9, 10), P1, 30)
    L.receipt(t(4, 11), o, P1, 'A311-02', [('RCV', 30, 28)])
    _, s = L.mv('transfer', t(4, 11, 30), P1, 'A311-02', 30, 'RCV', 'STG', 'relocation')
    exp += [('STOCK-NEG', s)]
    _, s = L.mv('put_away', t(4, 12), P1, 'A311-02', 30, 'STG', 'WH-A')
    exp += [('ACC-GATE', s)]
    sent(311, 'ACC-GATE', s, 'en', '30 units', 'STG', 'only 28')
    # U3 round-26 probe via receiving: 6 returned into RET, 1 released to RCV, 2 put away from RCV
    o = L.purchase(t(3, 9, 20), P1, 40)
    L.receipt(t(4, 14), o, P1, 'A311-03', [('RCV', 40, 38)])
    L.mv('put_away', t(4, 14, 30), P1, 'A311-03', 38, 'RCV', 'WH-A')
    s3, _, _ = L.sell(t(4, 15), H1, P1, 'A311-03', 10, 'WH-A')
    L.creturn(t(5, 9), H1, s3, P1, 'A311-03', 6, 'RET')
    L.mv('transfer', t(5, 10), P1, 'A311-03', 1, 'RET', 'RCV', 'release')
    _, s = L.mv('put_away', t(5, 10, 30), P1, 'A311-03', 2, 'RCV', 'WH-A')
    exp += [('ACC-GATE', s), ('STOCK-NEG', s)]
    sent(311, 'ACC-GATE', s, 'en', '2 units', 'only 1 ')
    # U4 cross-dock then rejected units shelved: 52 arrived, 50 accepted, 20 dispatched from RCV, 32 put away
    o = L.purchase(t(3, 9, 30), P1, 52)
    L.receipt(t(5, 11), o, P1, 'A311-04', [('RCV', 52, 50)])
    L.sell(t(5, 11, 30), H2, P1, 'A311-04', 20, 'RCV')
    _, s = L.mv('put_away', t(5, 13), P1, 'A311-04', 32, 'RCV', 'WH-A')
    exp += [('ACC-GATE', s), ('STOCK-NEG', s)]
    sent(311, 'ACC-GATE', s, 'en', '32 units', 'only 30')
    # U5 acceptance carried away by a transfer is not also available where it came from
    o = L.purchase(t(3, 9, 40), P1, 30)
    L.receipt(t(5, 14), o, P1, 'A311-05', [('RCV', 30, 30)])
    L.mv('transfer', t(5, 14, 30), P1, 'A311-05', 10, 'RCV', 'STG', 'relocation')
    _, s = L.mv('put_away', t(5, 15), P1, 'A311-05', 30, 'RCV', 'WH-A')
    exp += [('ACC-GATE', s), ('STOCK-NEG', s)]
    sent(311, 'ACC-GATE', s, 'en', '30 units', 'only 20')
    L.mv('put_away', t(5, 15, 30), P1, 'A311-05', 10, 'STG', 'WH-A')  # lawful; and once per batch
    # U6 returned to RCV, moved into RET (uses acceptance up), then 1 put away from RCV
    o = L.purchase(t(3, 9, 50), P2, 20)
    L.receipt(t(6, 9), o, P2, 'B311-06', [('RCV', 20, 20)])
    L.mv('put_away', t(6, 9, 30), P2, 'B311-06', 20, 'RCV', 'WH-A')
    s6, _, _ = L.sell(t(6, 10), H1, P2, 'B311-06', 10, 'WH-A')
    L.creturn(t(7, 9), H1, s6, P2, 'B311-06', 4, 'RCV')
    L.mv('transfer', t(7, 9, 30), P2, 'B311-06', 4, 'RCV', 'RET', 'quarantine')
    _, s = L.mv('put_away', t(7, 10), P2, 'B311-06', 1, 'RCV', 'WH-A')
    exp += [('ACC-GATE', s), ('STOCK-NEG', s)]
    sent(311, 'ACC-GATE', s, 'en', '1 unit ', 'only 0')
    # U7 a batch whose only receipt was all rejected, dispatched from RCV
    o = L.purchase(t(3, 10), P2, 10)
    L.receipt(t(7, 11), o, P2, 'B311-07', [('RCV', 10, 0)])
    _, _, s = L.sell(t(7, 13), H2, P2, 'B311-07', 5, 'RCV')
    exp += [('ACC-GATE', s), ('STOCK-NEG', s)]
    # U8 returned into QA, only 3 of 5 released to STG, 5 put away from STG
    o = L.purchase(t(3, 10, 10), P2, 30)
    L.receipt(t(8, 9), o, P2, 'B311-08', [('RCV', 30, 30)])
    L.mv('put_away', t(8, 9, 30), P2, 'B311-08', 30, 'RCV', 'WH-A')
    s8, _, _ = L.sell(t(8, 10), H2, P2, 'B311-08', 12, 'WH-A')
    L.creturn(t(9, 9), H2, s8, P2, 'B311-08', 5, 'QA')
    L.mv('transfer', t(9, 10), P2, 'B311-08', 3, 'QA', 'STG', 'release')
    _, s = L.mv('put_away', t(9, 10, 30), P2, 'B311-08', 5, 'STG', 'WH-A')
    exp += [('ACC-GATE', s), ('STOCK-NEG', s)]
    sent(311, 'ACC-GATE', s, 'en', '5 units', 'only 3')
    # U9 relocation RET->STG without release: QUARANTINE once, the put-away from STG not also ACC-GATE
    o = L.purchase(t(3, 10, 20), P2, 20)
    L.receipt(t(9, 13), o, P2, 'B311-09', [('RCV', 20, 20)])
    L.mv('put_away', t(9, 13, 30), P2, 'B311-09', 20, 'RCV', 'WH-A')
    s9, _, _ = L.sell(t(9, 14), H1, P2, 'B311-09', 10, 'WH-A')
    L.creturn(t(10, 9), H1, s9, P2, 'B311-09', 3, 'RET')
    _, s = L.mv('transfer', t(10, 10), P2, 'B311-09', 3, 'RET', 'STG', 'relocation')
    exp += [('QUARANTINE', s)]
    L.mv('put_away', t(10, 10, 30), P2, 'B311-09', 3, 'STG', 'WH-A')
    exp.sort(key=lambda x: (x[1], x[0]))
    L.write('acc-gate-unlawful-wrong-dock-rejected-via-staging-released-one-of-six-cross-dock-over-transfer-used-up-return-quarantined-all-rejected-dispatch-relocation-out-of-ret', [
        '# 311 VIOLATION: ACC-GATE counted where the goods are: each unlawful path fires exactly once (rules.md ACC-GATE, "once per batch")',
        '# note: conventions as 310; one batch per probe',
        '# why: A311-01: "a put-away from a location outside quarantine may take only the units that passed acceptance at that location": 42 from RCV-2 where 40 passed (RCV\'s 60 do not help); STOCK-NEG RCV-2 -2',
        '# why: A311-02: the transfer carries the 28 accepted units (rejected units moved by a transfer show as STOCK-NEG, at the transfer); the put-away of 30 from STG > 28 is ACC-GATE',
        '# why: A311-03: 6 returned into RET (not accepted), 1 released to RCV (counts there), 2 put away from RCV > 1; STOCK-NEG RCV',
        '# why: A311-04: 50 accepted, a dispatch from RCV uses up 20, put-away 32 > 30; STOCK-NEG',
        '# why: A311-05: transfer of 10 to STG carries them away, put-away 30 from RCV > 20; the later put-away of 10 from STG is lawful and once per batch anyway',
        '# why: B311-06: 4 returned into RCV, transferred into RET ("any other movement out ... uses it up"), put-away 1 from RCV > 0; STOCK-NEG',
        '# why: B311-07: "a dispatch of a batch whose receipts were all rejected"; STOCK-NEG; NO-SOURCE quiet (a receipt counts even when it accepted nothing)',
        '# why: B311-08: 5 returned into QA, 3 released to STG, put-away of 5 from STG > 3; STOCK-NEG STG -2',
        '# why: B311-09: transfer relocation RET->STG is QUARANTINE ("leaving quarantine otherwise is QUARANTINE\'s, reported once, not also here"): the put-away from STG is quiet',
    ], exp)


# =========================== 312: CODE-UNKNOWN on returns ===============================
def code(b, i):
    return f'8109999{b}{i:08d}'[:20].ljust(20, '0') if False else f'81099990{b:04d}{i:08d}'


def l312():
    L = Ledger(312); L.master(day(2)); exp = []
    t = lambda d, h, m=0: day(d, h, m)
    C = lambda i: code(3121, i)
    D = lambda i: code(3122, i)
    o = L.purchase(t(3, 9), P2, 100)
    L.receipt(t(4, 9), o, P2, 'B312-01', [('RCV', 100, 100)], codes=[C(i) for i in range(1, 101)])
    L.mv('put_away', t(4, 9, 30), P2, 'B312-01', 100, 'RCV', 'WH-A', codes=[C(i) for i in range(1, 101)])
    o2 = L.purchase(t(3, 9, 10), P2, 20)
    L.receipt(t(4, 10), o2, P2, 'B312-02', [('RCV', 20, 20)], codes=[D(i) for i in range(1, 21)])
    L.mv('put_away', t(4, 10, 30), P2, 'B312-02', 20, 'RCV', 'WH-A', codes=[D(i) for i in range(1, 21)])
    s1, _, _ = L.sell(t(5, 9), H1, P2, 'B312-01', 10, 'WH-A', codes=[C(i) for i in range(1, 11)])
    s2, _, _ = L.sell(t(5, 10), H2, P2, 'B312-01', 10, 'WH-A', codes=[C(i) for i in range(11, 21)])
    s3, _, _ = L.sell(t(5, 11), H3, P2, 'B312-01', 5, 'WH-A', codes=[C(i) for i in range(21, 26)])
    sd, _, _ = L.sell(t(5, 13), H1, P2, 'B312-02', 8, 'WH-A', codes=[D(i) for i in range(1, 9)])
    # destruction, loss, supplier return of units still in stock
    x = L.doc('XH', t(6, 9))
    L.ev('destruction', t(6, 9), {'doc': x, 'reason': '破损，经批准销毁', 'method': '焚烧', 'lines': [{'product': P2,
         'batch': 'B312-01', 'quantity': 2, 'from': 'WH-A', 'codes': [C(91), C(92)]}]}, by=('质管-陆文清', '保管-朱平'))
    bs = L.doc('BS', t(6, 10))
    L.ev('loss_report', t(6, 10), {'doc': bs, 'loss': 'loss', 'discovered_at': iso(t(6, 8)), 'lines': [{'product': P2,
         'batch': 'B312-01', 'quantity': 1, 'from': 'WH-A', 'codes': [C(93)]}], 'reported_to': ['杭州市市场监督管理局']},
         by=('质管-陆文清', '保管-朱平'))
    tc = L.doc('TC', t(6, 11))
    L.ev('supplier_return', t(6, 11), {'doc': tc, 'supplier': SUP, 'reason': '质量问题退回供应商', 'lines': [{'product': P2,
         'batch': 'B312-01', 'quantity': 2, 'from': 'WH-A', 'codes': [C(94), C(95)]}]}, refs={'order': [o]},
         by=('采购-钱立', '质管-陆文清'))
    # quiet: H1 returns its own two units, they are released and resold to H3
    r, s = L.creturn(t(7, 9), H1, s1, P2, 'B312-01', 2, 'RET', codes=[C(1), C(2)])
    L.mv('transfer', t(7, 11), P2, 'B312-01', 2, 'RET', 'WH-A', 'release', codes=[C(1), C(2)])
    s4, _, _ = L.sell(t(7, 13), H3, P2, 'B312-01', 2, 'WH-A', codes=[C(1), C(2)])
    # planted: another customer's unit
    r, s = L.creturn(t(8, 9), H2, s2, P2, 'B312-01', 1, 'RET', codes=[C(3)])
    exp.append(('CODE-UNKNOWN', s))
    sent(312, 'CODE-UNKNOWN', s, 'en', C(3), r, H2_NAME, H1_NAME)
    sent(312, 'CODE-UNKNOWN', s, 'zh', C(3), r, H2_NAME, H1_NAME)
    # planted: destroyed then returned
    r, s = L.creturn(t(8, 10), H1, s1, P2, 'B312-01', 1, 'RET', codes=[C(91)])
    exp.append(('CODE-UNKNOWN', s))
    sent(312, 'CODE-UNKNOWN', s, 'en', C(91), r, H1_NAME, 'destroyed or lost')  # round 28 fix: docs promise no document name
    # planted: reported lost then returned
    r, s = L.creturn(t(8, 11), H3, s3, P2, 'B312-01', 1, 'RET', codes=[C(93)])
    exp.append(('CODE-UNKNOWN', s))
    sent(312, 'CODE-UNKNOWN', s, 'en', C(93), r, H3_NAME, 'destroyed or lost')  # round 28 fix, as above
    # planted: returned to the supplier, then "returned" by a customer
    r, s = L.creturn(t(8, 13), H1, s1, P2, 'B312-01', 1, 'RET', codes=[C(94)])
    exp.append(('CODE-UNKNOWN', s))
    sent(312, 'CODE-UNKNOWN', s, 'en', C(94), r, H1_NAME, SUP_NAME)
    # planted: H1's earlier unit, re-sold to H3, returned by H1 again
    r, s = L.creturn(t(9, 9), H1, s1, P2, 'B312-01', 1, 'RET', codes=[C(1)])
    exp.append(('CODE-UNKNOWN', s))
    sent(312, 'CODE-UNKNOWN', s, 'en', C(1), r, H1_NAME, H3_NAME)
    sent(312, 'CODE-UNKNOWN', s, 'zh', C(1), r, H1_NAME, H3_NAME)
    # quiet: H3 returns the unit it bought (C2), H2 returns its own two units
    L.creturn(t(9, 10), H3, s4, P2, 'B312-01', 1, 'RET', codes=[C(2)])
    L.creturn(t(9, 11), H2, s2, P2, 'B312-01', 2, 'RET', codes=[C(11), C(12)])
    # quiet batch B312-02: H1 returns its own, released, resold to H1 again and returned again
    L.creturn(t(10, 9), H1, sd, P2, 'B312-02', 2, 'RET', codes=[D(1), D(2)])
    L.mv('transfer', t(10, 10), P2, 'B312-02', 2, 'RET', 'WH-A', 'release', codes=[D(1), D(2)])
    sd2, _, _ = L.sell(t(10, 11), H1, P2, 'B312-02', 2, 'WH-A', codes=[D(1), D(2)])
    L.creturn(t(11, 9), H1, sd2, P2, 'B312-02', 1, 'RET', codes=[D(1)])
    L.write('code-unknown-returned-unit-of-another-customer-destroyed-lost-returned-to-supplier-resold-elsewhere-own-returns-quiet-trace', [
        '# 312 VIOLATION: CODE-UNKNOWN of a return whose unit left the company to another party (CHANGELOG "A returned unit must come back from the party it left to")',
        '# note: conventions as 310; 布洛芬缓释胶囊 (control none) carries 20-digit codes on every movement; no invoices (ledger ends 11-11)',
        f'# note: trace: {C(3)}, {C(91)}, {C(93)}, {C(94)}, {C(1)} break at their returns (exit 1); {C(2)}, {C(11)}, {D(1)} do not (exit 0); trace --batch {P2}:B312-01 breaks at the 5 returns (exit 1), B312-02 exit 0',
        '# why: CODE-UNKNOWN (each): "a unit shipped to one hospital and returned by another ..., or a unit destroyed or reported lost and then returned, is CODE-UNKNOWN at the return, naming where the unit went"; a unit returned to the supplier "must have left the company to the customer returning it" too',
        '# note: RETURN-ORIG quiet: every return names a sale to the same customer of the same batch within what was dispatched (H1 s1: 2+1+1+1 = 5 <= 10)',
    ], exp)
    return {'codes_break': [C(3), C(91), C(93), C(94), C(1)], 'codes_ok': [C(2), C(11), D(1)],
            'batch_break': f'{P2}:B312-01', 'batch_ok': f'{P2}:B312-02'}


# =========================== 313: sentences ==========================================
def l313():
    L = Ledger(313); L.master(day(2), with_p3=True); exp = []
    t = lambda d, h, m=0, s=0: day(d, h, m, s)
    # ORPHAN: a payment for an invoice never booked
    fk = L.doc('FK', t(3, 10))
    s = L.ev('payment', t(3, 10), {'doc': fk, 'direction': 'outgoing', 'payer': OWNER, 'payee': SUP,
             'payer_account': OWNER_ACC, 'payee_account': SUP_ACC, 'amount': {'minor': 100001, 'currency': 'CNY'},
             'method': 'bank_transfer', 'invoices': ['26330000000031300099']}, refs={'invoice': '26330000000031300099'},
             by=('财务-韩雪',))
    exp.append(('ORPHAN', s))
    sent(313, 'ORPHAN', s, 'en', fk, '2026-12-03 10:00 (+08:00)')  # round 28 fix: amount not promised
    sent(313, 'ORPHAN', s, 'zh', fk, '2026-12-03 10:00 (+08:00)')  # round 28 fix: amount not promised
    # purchase of amoxicillin, invoiced, overpaid (TTGK-P, no credit note)
    o = L.purchase(t(3, 11), P1, 50)
    L.receipt(t(4, 9), o, P1, 'A313-01', [('RCV', 50, 50)])
    L.mv('put_away', t(4, 9, 30), P1, 'A313-01', 50, 'RCV', 'WH-A')
    ip = '26330000000031300001'
    sip = L.ev('invoice', t(4, 11), {'doc': ip, 'direction': 'purchase', 'issuer': SUP, 'buyer': OWNER, 'issued_on': '2026-11-04',
               'lines': [{'product': P1, 'quantity': 50, 'unit_price': {'minor': 860, 'currency': 'CNY'}, 'amount': {'minor': 43000, 'currency': 'CNY'}}],
               'total': {'minor': 43000, 'currency': 'CNY'}}, refs={'order': [o]}, by=('财务-韩雪',))
    fk2 = L.doc('FK', t(5, 10))
    L.ev('payment', t(5, 10), {'doc': fk2, 'direction': 'outgoing', 'payer': OWNER, 'payee': SUP, 'payer_account': OWNER_ACC,
         'payee_account': SUP_ACC, 'amount': {'minor': 45000, 'currency': 'CNY'}, 'method': 'bank_transfer', 'invoices': [ip]},
         refs={'invoice': ip}, by=('财务-韩雪',))
    exp.append(('TTGK-P', sip))
    sent(313, 'TTGK-P', sip, 'en', ip, '450.00', '430.00', '2026-11-19 10:00 (+08:00)')  # round 28 fix
    sent(313, 'TTGK-P', sip, 'zh', ip, '450.00', '430.00', '2026-11-19 10:00 (+08:00)')
    # psychotropic received with one acceptor (SPECIAL-2P), loss reported 54.5 h after discovery (SPECIAL-LOSS)
    o3 = L.purchase(t(3, 11, 10), P3, 20)
    codes = [code(3131, i) for i in range(1, 21)]
    rd, s = L.receipt(t(4, 14), o3, P3, 'D313-01', [('RCV', 20, 20)], acceptors=('验收-孙浩',), codes=codes)
    exp.append(('SPECIAL-2P', s))
    sent(313, 'SPECIAL-2P', s, 'en', rd, '1 person')  # round 28 fix: the name is on the figures line
    sent(313, 'SPECIAL-2P', s, 'zh', rd, '1 人')
    L.mv('put_away', t(4, 14, 30), P3, 'D313-01', 20, 'RCV', 'SP-1', codes=codes)
    ip3 = '26330000000031300002'
    L.ev('invoice', t(4, 15), {'doc': ip3, 'direction': 'purchase', 'issuer': SUP, 'buyer': OWNER, 'issued_on': '2026-11-04',
         'lines': [{'product': P3, 'quantity': 20, 'unit_price': {'minor': 1500, 'currency': 'CNY'}, 'amount': {'minor': 30000, 'currency': 'CNY'}}],
         'total': {'minor': 30000, 'currency': 'CNY'}}, refs={'order': [o3]}, by=('财务-韩雪',))
    # sale to H1, return, credit note, overpayment (TTGK-S with a credit note)
    sd, dd, _ = L.sell(t(6, 9), H1, P1, 'A313-01', 10, 'WH-A')
    isale = '26331000000031300003'
    sis = L.ev('invoice', t(6, 11), {'doc': isale, 'direction': 'sale', 'issuer': OWNER, 'buyer': H1, 'issued_on': '2026-11-06',
               'lines': [{'product': P1, 'quantity': 10, 'unit_price': {'minor': 1200, 'currency': 'CNY'}, 'amount': {'minor': 12000, 'currency': 'CNY'}}],
               'total': {'minor': 12000, 'currency': 'CNY'}}, refs={'sale': [sd], 'delivery_note': [dd]}, by=('财务-韩雪',))
    L.creturn(t(7, 9), H1, sd, P1, 'A313-01', 2, 'RCV')
    L.mv('put_away', t(7, 9, 30), P1, 'A313-01', 2, 'RCV', 'WH-A')
    icn = '26331000000031300004'
    L.ev('invoice', t(7, 11), {'doc': icn, 'direction': 'sale', 'issuer': OWNER, 'buyer': H1, 'issued_on': '2026-11-07',
         'lines': [{'product': P1, 'quantity': 2, 'unit_price': {'minor': 1200, 'currency': 'CNY'}, 'amount': {'minor': 2400, 'currency': 'CNY'}}],
         'total': {'minor': 2400, 'currency': 'CNY'}, 'credit_for': isale}, refs={'sale': [sd]}, by=('财务-韩雪',))
    sk = L.doc('SK', t(10, 10))
    L.ev('payment', t(10, 10), {'doc': sk, 'direction': 'incoming', 'payer': H1, 'payee': OWNER, 'payer_account': H1_ACC,
         'payee_account': OWNER_ACC, 'amount': {'minor': 15000, 'currency': 'CNY'}, 'method': 'bank_transfer', 'invoices': [isale]},
         refs={'invoice': isale}, by=('财务-韩雪',))
    exp.append(('TTGK-S', sis))
    sent(313, 'TTGK-S', sis, 'en', isale, icn, '150.00', '96.00', '2026-11-24 10:00 (+08:00)')
    sent(313, 'TTGK-S', sis, 'zh', isale, icn, '150.00', '96.00', '2026-11-24 10:00 (+08:00)')
    # loss of one psychotropic unit discovered 11-10 09:00, reported 11-12 15:30 (54 h 30 min)
    bs = L.doc('BS', t(12, 15, 30))
    s = L.ev('loss_report', t(12, 15, 30), {'doc': bs, 'loss': 'loss', 'discovered_at': iso(t(10, 9)), 'lines': [{'product': P3,
             'batch': 'D313-01', 'quantity': 1, 'from': 'SP-1', 'codes': [codes[0]]}],
             'reported_to': ['杭州市公安局西湖分局', '杭州市市场监督管理局', '杭州市卫生健康委员会']}, by=('质管-陆文清', '保管-朱平'))
    exp.append(('SPECIAL-LOSS', s))
    sent(313, 'SPECIAL-LOSS', s, 'en', bs, '2026-11-10 09:00 (+08:00)', '2026-11-12 15:30 (+08:00)')
    sent(313, 'SPECIAL-LOSS', s, 'zh', bs, '2026-11-10 09:00 (+08:00)', '2026-11-12 15:30 (+08:00)')
    # LATE-ENTRY: a transfer entered 72 h 1 s late; one entered exactly 72 h late (quiet)
    d1, _ = L.mv('transfer', t(13, 10), P1, 'A313-01', 5, 'WH-A', 'WH-B', 'relocation', entered=t(16, 10))
    d2, s = L.mv('transfer', t(13, 11), P1, 'A313-01', 5, 'WH-B', 'WH-A', 'relocation', entered=t(16, 11, 0, 1))
    exp.append(('LATE-ENTRY', s))
    sent(313, 'LATE-ENTRY', s, 'en', d2, '2026-11-16 11:00:01 (+08:00)', '2026-11-13 11:00 (+08:00)')
    sent(313, 'LATE-ENTRY', s, 'zh', d2, '2026-11-16 11:00:01 (+08:00)', '2026-11-13 11:00 (+08:00)')
    # clock past the ORPHAN deadline (12-03 10:00): a purchase order on 12-04
    L.purchase(t(34, 9), P1, 10)
    exp.sort(key=lambda x: (x[1], x[0]))
    L.write('sentences-orphan-payment-30d-ttgk-p-and-ttgk-s-overpaid-net-of-credit-note-special-2p-one-acceptor-special-loss-54h30-late-entry-72h01s', [
        '# 313 VIOLATION: the sentences of ORPHAN, TTGK-P/TTGK-S overpayment, SPECIAL-2P, SPECIAL-LOSS, LATE-ENTRY (en and zh), CHANGELOG Unreleased rounds 26-27',
        '# note: conventions as 310; ledger clock ends 12-04 09:00 (purchase order only); every goods movement invoiced; UNPAID (60 d) not reached',
        '# why: ORPHAN: payment of 1,000.01 CNY on 11-03 10:00 for an invoice never booked; deadline 30 d = 12-03 10:00 (+08:00); clock 12-04',
        '# why: TTGK-P: invoice 430.00 paid 450.00 on 11-05 10:00; not refunded by 11-19 10:00 (correction_days 14 from the latest record); points at the invoice',
        '# why: TTGK-S: invoice 120.00, credit note 24.00 (net 96.00), paid 150.00 on 11-10 10:00: 54.00 over, not refunded by 11-24 10:00; points at the invoice',
        '# why: SPECIAL-2P: 地西泮片 (psychotropic2) receipt accepted by one person',
        '# why: SPECIAL-LOSS: discovered 11-10 09:00, reported (occurred_at) 11-12 15:30: 54 h 30 min > 24 h',
        '# why: LATE-ENTRY: transfer occurred 11-13 11:00 entered 11-16 11:00:01 (72 h 1 s); the 10:00 one entered exactly 72 h later is quiet ("more than")',
    ], exp)


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    l310(); l311(); tr = l312(); l313()
    with open(os.path.join(OUT, 'sentences.expected'), 'w') as f:
        f.write('# LEDGER RULE SEQ LANG substring (each must occur in that finding\'s message)\n')
        for r in SENT: f.write('\t'.join(map(str, r)) + '\n')
    with open(os.path.join(OUT, 'trace.expected.json'), 'w') as f:
        json.dump(tr, f, indent=1)
