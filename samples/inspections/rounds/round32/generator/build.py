#!/usr/bin/env python3
"""Round 32 generator: invoices sharing an 8-digit paper 发票号码, payments and credit notes
recorded before their invoice, the ORPHAN deadline. Written from the docs only."""
import json, random, os, datetime as dt

OUT = os.path.join(os.path.dirname(__file__), '..', 'ledgers')
TZ = dt.timezone(dt.timedelta(hours=8))
OWN = '91330106MA2R27QX0B'; OWN_ACC = '1202024109900527001'
A = '91330100143958271W'; A_ACC = '62248461562941922'      # 杭州宁康制药
B = '91120000103071899G'; B_ACC = '12050188000000000789'   # 天士力
C = '91330110143958275Q'; C_ACC = '33050161627200000555'   # 杭州民康制药
RH = '123300004700891235'; RH_ACC = '62101850456507379'    # 杭州市仁和医院
XX = '12330100470067138G'; XX_ACC = '62101850456500001'    # 杭州市西溪医院
KN = '91330105MA2G8U5W41'; KN_ACC = '6217856100023418872'  # 杭州康宁大药房连锁
AMX = '69012345000013'; IBU = '69012345000020'

class L:
    def __init__(self, start):
        self.ev = []; self.rng = random.Random(start); self.ms = 0
    def uid(self, t):
        ms = int(t.timestamp() * 1000)
        ms = max(ms, self.ms + 1); self.ms = ms
        r = self.rng.getrandbits(74)
        ra = (r >> 62) & 0xfff; rb = r & ((1 << 62) - 1)
        v = (ms << 80) | (0x7 << 76) | (ra << 64) | (0b10 << 62) | rb
        h = '%032x' % v
        return f'{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}'
    def add(self, kind, t, data, who, refs=None, note=''):
        ent = t + dt.timedelta(minutes=5)
        e = {"v": 2, "id": self.uid(ent), "kind": kind, "occurred_at": t.isoformat(),
             "entered_at": ent.isoformat(), "recorded_by": [who]}
        if refs: e["refs"] = refs
        e["data"] = data
        self.ev.append((e, note)); return len(self.ev)
    def write(self, name, header, expected):
        with open(os.path.join(OUT, name + '.jsonl'), 'w') as f:
            for e, _ in self.ev: f.write(json.dumps(e, ensure_ascii=False, separators=(',', ':')) + '\n')
        with open(os.path.join(OUT, name + '.expected'), 'w') as f:
            for h in header: f.write('# ' + h + '\n')
            for i, (e, n) in enumerate(self.ev, 1):
                if n: f.write(f'# seq {i}: {n}\n')
            for x in expected: f.write(x + '\n')

def T(s): return dt.datetime.fromisoformat(s).replace(tzinfo=TZ)
def M(m): return {"minor": m, "currency": "CNY"}

def master(l, t):
    def party(p, name, kind, rel, lk, scope, acc, prov):
        l.add('party_registered', t, {"party": p, "name": name, "kind": kind, "relation": rel,
              "licence": {"number": "L-" + p[-8:], "kind": lk, "valid_from": "2023-01-01", "valid_to": "2029-12-31"},
              "scope": scope, "accounts": [{"bank": "中国工商银行杭州分行", "number": acc}],
              "province": prov, "address": prov + "省" + name + "路 1 号"}, '质管-陆文清')
    party(OWN, '浙江和瑞医药有限公司', 'wholesaler', 'self', 'drug_wholesale', ['chemical', 'tcm_patent'], OWN_ACC, '浙江')
    party(A, '杭州宁康制药有限公司', 'manufacturer', 'supplier', 'drug_manufacturing', ['chemical'], A_ACC, '浙江')
    party(B, '天士力医药集团股份有限公司', 'manufacturer', 'supplier', 'drug_manufacturing', ['chemical', 'tcm_patent'], B_ACC, '天津')
    party(C, '杭州民康制药有限公司', 'manufacturer', 'supplier', 'drug_manufacturing', ['chemical'], C_ACC, '浙江')
    party(RH, '杭州市仁和医院', 'medical_institution', 'customer', 'medical_institution', ['chemical', 'tcm_patent'], RH_ACC, '浙江')
    party(XX, '杭州市西溪医院', 'medical_institution', 'customer', 'medical_institution', ['chemical', 'tcm_patent'], XX_ACC, '浙江')
    party(KN, '杭州康宁大药房连锁有限公司', 'retail_chain', 'customer', 'drug_retail', ['chemical', 'tcm_patent'], KN_ACC, '浙江')
    for p, g, sp in ((AMX, '阿莫西林胶囊', '0.25g×24粒/盒'), (IBU, '布洛芬缓释胶囊', '0.3g×20粒/盒')):
        l.add('product_registered', t, {"product": p, "generic_name": g, "form": "胶囊剂", "spec": sp,
              "manufacturer": "见批准证明文件", "approval_number": "国药准字H" + p[-8:], "category": "chemical",
              "control": "none", "storage": "ambient", "rx": True, "unit": "盒"}, '质管-陆文清')
    l.add('zone_registered', t, {"zone": "WH-A", "storage": "ambient"}, '质管-陆文清')

ACC = {A: A_ACC, B: B_ACC, C: C_ACC, RH: RH_ACC, XX: XX_ACC, KN: KN_ACC, OWN: OWN_ACC}
PRICE = {AMX: 860, IBU: 1200}
SPRICE = {AMX: 1200, IBU: 1600}

def buy(l, t, sup, order, prod, qty, batch, putaway=False):
    l.add('purchase', t, {"doc": order, "supplier": sup, "lines": [{"product": prod, "quantity": qty, "unit_price": M(PRICE[prod])}]}, '采购-钱立')
    l.add('receipt', t + dt.timedelta(hours=1), {"doc": 'SH' + order[2:], "supplier": sup, "lines": [{"product": prod, "batch": batch,
          "production_date": "2026-06-01", "expiry": "2028-05-31", "arrived": qty, "accepted": qty, "rejected": 0, "location": "RCV"}],
          "acceptors": ["验收-孙浩", "验收-李娜"]}, '验收-孙浩', refs={"order": [order], "delivery_note": ['DN' + order[2:]]})
    if putaway:
        l.add('put_away', t + dt.timedelta(hours=1, minutes=30), {"doc": 'RK' + order[2:], "lines": [{"product": prod, "batch": batch,
              "quantity": qty, "from": "RCV", "to": "WH-A"}]}, '保管-朱平')

def pinv(l, t, sup, num, order, prod, qty, note=''):
    amt = qty * PRICE[prod]
    return l.add('invoice', t, {"doc": num, "direction": "purchase", "issuer": sup, "buyer": OWN, "issued_on": t.date().isoformat(),
                 "lines": [{"product": prod, "quantity": qty, "unit_price": M(PRICE[prod]), "amount": M(amt)}], "total": M(amt)},
                 '财务-韩雪', refs={"order": [order]}, note=note)

def cnote(l, t, issuer, buyer, direction, num, credit_for, prod, amt, note=''):
    # price reduction (折让): quantity 0, unit_price 0, amount alone
    return l.add('invoice', t, {"doc": num, "direction": direction, "issuer": issuer, "buyer": buyer, "issued_on": t.date().isoformat(),
                 "lines": [{"product": prod, "quantity": 0, "unit_price": M(0), "amount": M(amt)}], "total": M(amt),
                 "credit_for": credit_for}, '财务-韩雪', note=note)

def pay(l, t, doc, payer, payee, amt, invoices, note=''):
    direction = 'outgoing' if payer == OWN else 'incoming'
    return l.add('payment', t, {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                 "payer_account": ACC[payer], "payee_account": ACC[payee], "amount": M(amt), "method": "bank_transfer",
                 "invoices": invoices}, '财务-韩雪', refs={"invoice": invoices[0]}, note=note)

def sell(l, t, cust, sale, prod, qty, batch):
    l.add('sale', t, {"doc": sale, "customer": cust, "channel": "wholesale", "lines": [{"product": prod, "batch": batch,
          "expiry": "2028-05-31", "quantity": qty, "unit_price": M(SPRICE[prod])}]}, '销售-许晨')
    l.add('outbound_review', t + dt.timedelta(minutes=10), {"doc": 'FH' + sale[2:], "customer": cust, "lines": [{"product": prod,
          "batch": batch, "expiry": "2028-05-31", "quantity": qty, "quality": "ok"}], "reviewers": ["复核-郭婷", "复核-马骏"]},
          '复核-郭婷', refs={"sale": [sale]})
    l.add('dispatch', t + dt.timedelta(minutes=20), {"doc": 'PS' + sale[2:], "customer": cust, "consignee": "收货人 王敏",
          "address": "浙江省杭州市收货地址 1 号", "lines": [{"product": prod, "batch": batch, "quantity": qty, "from": "WH-A"}]},
          '发货-蒋涛', refs={"sale": [sale]})

def sinv(l, t, cust, num, sale, prod, qty, note=''):
    amt = qty * SPRICE[prod]
    return l.add('invoice', t, {"doc": num, "direction": "sale", "issuer": OWN, "buyer": cust, "issued_on": t.date().isoformat(),
                 "lines": [{"product": prod, "quantity": qty, "unit_price": M(SPRICE[prod]), "amount": M(amt)}], "total": M(amt)},
                 '财务-韩雪', refs={"sale": [sale]}, note=note)

# ---------------------------------------------------------------- 350 lawful
def l350():
    l = L(350); master(l, T('2026-11-02T09:00:00'))
    d = lambda s: T('2026-11-' + s)
    # L1: prepayment to 宁康 naming 00031207 before any invoice; 天士力's 00031207 booked first, then 宁康's
    l.add('purchase', d('03T09:00:00'), {"doc": "CG2026110335001", "supplier": A, "lines": [{"product": AMX, "quantity": 100, "unit_price": M(860)}]}, '采购-钱立')
    pay(l, d('03T10:00:00'), 'FK2026110335001', OWN, A, 86000, ['00031207'], note='L1 prepayment 860.00 to 宁康 naming 00031207; no invoice of that number yet: waits for 宁康\'s own')
    buy(l, d('04T09:00:00'), B, 'CG2026110435002', IBU, 50, 'B350-01', putaway=True)
    pinv(l, d('04T11:00:00'), B, '00031207', 'CG2026110435002', IBU, 50, note='L1 天士力 invoice 00031207 600.00 booked first: must NOT take 宁康\'s prepayment (format.md invoice.doc)')
    pay(l, d('05T10:00:00'), 'FK2026110535002', OWN, B, 60000, ['00031207'], note='L1 天士力 paid 600.00 for its own 00031207')
    l.add('receipt', d('06T09:00:00'), {"doc": "SH2026110335001", "supplier": A, "lines": [{"product": AMX, "batch": "A350-01",
          "production_date": "2026-06-01", "expiry": "2028-05-31", "arrived": 100, "accepted": 100, "rejected": 0, "location": "RCV"}],
          "acceptors": ["验收-孙浩", "验收-李娜"]}, '验收-孙浩', refs={"order": ["CG2026110335001"], "delivery_note": ["DN2026110335001"]})
    l.add('put_away', d('06T09:30:00'), {"doc": "RK2026110335001", "lines": [{"product": AMX, "batch": "A350-01", "quantity": 100, "from": "RCV", "to": "WH-A"}]}, '保管-朱平')
    pinv(l, d('06T11:00:00'), A, '00031207', 'CG2026110335001', AMX, 100, note='L1 宁康 invoice 00031207 860.00: takes the waiting prepayment; both invoices settled')
    # L2: shared invoice number 00045678 and shared credit-note number 00051111; refund names the credit note
    buy(l, d('09T09:00:00'), A, 'CG2026110935003', AMX, 200, 'A350-02', putaway=True)
    pinv(l, d('09T11:00:00'), A, '00045678', 'CG2026110935003', AMX, 200, note='L2 宁康 invoice 00045678 1,720.00')
    buy(l, d('10T09:00:00'), B, 'CG2026111035004', IBU, 100, 'B350-02', putaway=True)
    pinv(l, d('10T11:00:00'), B, '00045678', 'CG2026111035004', IBU, 100, note='L2 天士力 invoice 00045678 1,200.00 (same number)')
    cnote(l, d('11T11:00:00'), B, OWN, 'purchase', '00051111', '00045678', IBU, 12000, note='L2 天士力 red-letter 00051111 −120.00 (折让) credits its own 00045678 → net 1,080.00')
    pay(l, d('12T10:00:00'), 'FK2026111235005', OWN, A, 172000, ['00045678'], note='L2 宁康 paid 1,720.00 in full')
    cnote(l, d('13T11:00:00'), A, OWN, 'purchase', '00051111', '00045678', AMX, 17200, note='L2 宁康 red-letter 00051111 −172.00 credits its own 00045678 → 宁康 overpaid 172.00 (pending, correction_days 14)')
    pay(l, d('14T10:00:00'), 'FK2026111435006', OWN, B, 108000, ['00045678'], note='L2 天士力 paid net 1,080.00')
    pay(l, d('16T10:00:00'), 'SK2026111635007', A, OWN, 17200, ['00051111'], note='L2 refund 172.00 from 宁康 naming its credit note 00051111 (天士力 also has a 00051111): closes 宁康\'s overpayment within 14 d')
    # L3: sales side: 仁和 prepays naming 00088001 before any invoice; our 00088001 to 西溪 first, then to 仁和
    pay(l, d('17T10:00:00'), 'SK2026111735008', RH, OWN, 24000, ['00088001'], note='L3 仁和 prepays 240.00 naming 00088001 before any invoice of it')
    sell(l, d('18T09:00:00'), XX, 'XS2026111835009', AMX, 10, 'A350-01')
    sinv(l, d('18T11:00:00'), XX, '00088001', 'XS2026111835009', AMX, 10, note='L3 our invoice 00088001 to 西溪 120.00 booked first: must not take 仁和\'s prepayment')
    pay(l, d('19T10:00:00'), 'SK2026111935010', XX, OWN, 12000, ['00088001'], note='L3 西溪 pays its own 00088001')
    sell(l, d('20T09:00:00'), RH, 'XS2026112035011', AMX, 20, 'A350-01')
    sinv(l, d('20T11:00:00'), RH, '00088001', 'XS2026112035011', AMX, 20, note='L3 our invoice 00088001 to 仁和 240.00: takes the waiting prepayment')
    # clock past every ORPHAN deadline (30 d after 11-17 = 12-17) and UNINVOICED; UNPAID (60 d) not reached and all paid anyway
    l.add('purchase', T('2026-12-20T09:00:00'), {"doc": "CG2026122035012", "supplier": A, "lines": [{"product": AMX, "quantity": 10, "unit_price": M(860)}]}, '采购-钱立',
          note='clock to 12-20: every ORPHAN deadline of the prepayments has passed; nothing waits')
    l.write('350-lawful-shared-paper-numbers-prepayment-before-both-invoices-shared-credit-note-number-refund-sales-prepayment-quiet',
            ['350 LEGITIMATE: two suppliers (宁康, 天士力) share paper 发票号码 00031207 and 00045678 and red-letter number 00051111; two of our buyers share 00088001',
             'note: round 32 conventions as 313: +08:00, entered_at 5 min after occurred_at, ids UUID v7 of entered_at; RCV unregistered',
             'note: default configuration (orphan_days 30, correction_days 14, unpaid_days 60)',
             'why quiet: format.md invoice.doc: "A payment or credit note recorded before any invoice of its number waits for its own counterparty\'s (another counterparty\'s invoice of that number booked meanwhile does not take it"',
             'why quiet: format.md payment.invoices: "those of its counterparty (the payee of an outgoing payment, the payer of an incoming one) when two counterparties\' invoices share a number"',
             'why quiet: format.md refund: a refund naming the credit note counts against that invoice, closing the overpayment within correction_days'], [])

# ---------------------------------------------------------------- 351 violations, orphan_days = 10
def l351():
    l = L(351); master(l, T('2026-11-02T09:00:00'))
    d = lambda s: T('2026-11-' + s)
    # goods first so every invoice has goods
    buy(l, d('02T10:00:00'), A, 'CG2026110235101', AMX, 100, 'A351-01')
    buy(l, d('02T10:10:00'), B, 'CG2026110235102', IBU, 100, 'B351-01')
    buy(l, d('02T10:20:00'), A, 'CG2026110235103', AMX, 100, 'A351-02')
    buy(l, d('02T10:30:00'), A, 'CG2026110235104', AMX, 30, 'A351-03')
    # V1 prepayment to 宁康 naming 00062001; only 天士力 ever issues 00062001
    s_v1 = pay(l, d('03T10:00:00'), 'FK2026110335101', OWN, A, 30000, ['00062001'], note='V1 prepayment 300.00 to 宁康 naming 00062001, before any invoice of it; 宁康 never issues 00062001; deadline 11-13 10:00')
    # V2 prepayment naming a number nobody issues
    s_v2 = pay(l, d('03T10:10:00'), 'FK2026110335102', OWN, A, 20000, ['00062002'], note='V2 prepayment 200.00 to 宁康 naming 00062002, never issued by anyone; deadline 11-13 10:10')
    # V3 / V4 boundary
    s_v3 = pay(l, d('03T10:20:00'), 'FK2026110335103', OWN, A, 86000, ['00062003'], note='V3 prepayment 860.00 to 宁康 naming 00062003; deadline 11-13 10:20:00')
    s_v4 = pay(l, d('03T10:30:00'), 'FK2026110335104', OWN, A, 25800, ['00062004'], note='V4 prepayment 258.00 (≤ 天士力\'s 300.00, so no overpayment arises) to 宁康 naming 00062004; deadline 11-13 10:30:00')
    # V6 credit note of 民康 recorded before any invoice of 00062006
    s_v6 = cnote(l, d('03T11:00:00'), C, OWN, 'purchase', '00099006', '00062006', AMX, 5000, note='V6 民康 red-letter 00099006 −50.00 credit_for 00062006, recorded before any invoice of it; 民康 never issues 00062006; deadline 11-13 11:00')
    s_b1 = pinv(l, d('04T09:00:00'), B, '00062001', 'CG2026110235102', IBU, 25, note='V1 天士力 invoice 00062001 300.00 (25 × 12.00), never paid by us otherwise (UNPAID not reached)')
    pinv(l, d('04T09:10:00'), B, '00062003', 'CG2026110235102', IBU, 25, note='V3 天士力 invoice 00062003 300.00 booked meanwhile')
    pinv(l, d('04T09:20:00'), B, '00062004', 'CG2026110235102', IBU, 25, note='V4 天士力 invoice 00062004 300.00 booked meanwhile')
    pinv(l, d('04T09:30:00'), B, '00062006', 'CG2026110235102', IBU, 25, note='V6 天士力 invoice 00062006 300.00 (booked first of 00062006)')
    pinv(l, d('04T09:40:00'), A, '00062006', 'CG2026110235101', AMX, 50, note='V6 宁康 invoice 00062006 430.00')
    # V5 credit note of 民康 after both invoices of 00062005
    pinv(l, d('05T09:00:00'), A, '00062005', 'CG2026110235101', AMX, 50, note='V5 宁康 invoice 00062005 430.00 (booked first of 00062005)')
    buy(l, d('05T09:10:00'), B, 'CG2026110535105', IBU, 20, 'B351-02')
    pinv(l, d('05T11:00:00'), B, '00062005', 'CG2026110535105', IBU, 20, note='V5 天士力 invoice 00062005 240.00')
    s_v5 = cnote(l, d('06T11:00:00'), C, OWN, 'purchase', '00099005', '00062005', AMX, 4300, note='V5 民康 red-letter 00099005 −43.00 credit_for 00062005: 民康 has no invoice 00062005 → TTGK-P at once')
    # V7 refund from 天士力 naming 宁康's credit note number 00071007 (天士力 has none)
    buy(l, d('07T09:00:00'), A, 'CG2026110735106', AMX, 10, 'A351-04')
    pinv(l, d('07T11:00:00'), A, '00071000', 'CG2026110735106', AMX, 10, note='V7 宁康 invoice 00071000 86.00')
    pay(l, d('07T12:00:00'), 'FK2026110735107', OWN, A, 8600, ['00071000'], note='V7 paid 86.00 in full')
    cnote(l, d('08T11:00:00'), A, OWN, 'purchase', '00071007', '00071000', AMX, 860, note='V7 宁康 red-letter 00071007 −8.60 → 宁康 overpaid 8.60')
    pay(l, d('09T10:00:00'), 'SK2026110935108', A, OWN, 860, ['00071007'], note='V7 宁康 refunds 8.60 naming 00071007: lawful, closes the overpayment')
    s_v7 = pay(l, d('09T10:30:00'), 'SK2026110935109', B, OWN, 500, ['00071007'], note='V7 天士力 "refunds" 5.00 naming 00071007, a credit note only 宁康 has → matched to 宁康\'s, payer does not fit → TTGK-P at once')
    # V3 own invoice exactly at deadline, V4 one second after
    pinv(l, T('2026-11-13T10:20:00'), A, '00062003', 'CG2026110235103', AMX, 100, note='V3 宁康 invoice 00062003 860.00 exactly at the deadline (in time): takes the prepayment → quiet')
    pinv(l, T('2026-11-13T10:30:01'), A, '00062004', 'CG2026110235104', AMX, 30, note='V4 宁康 invoice 00062004 258.00 one second after the deadline: the prepayment already settled 天士力\'s 00062004 → TTGK-P at the prepayment')
    l.add('purchase', T('2026-11-20T09:00:00'), {"doc": "CG2026112035110", "supplier": A, "lines": [{"product": AMX, "quantity": 10, "unit_price": M(860)}]}, '采购-钱立',
          note='clock to 11-20: every 10-day ORPHAN deadline passed; correction windows of V7 (to 11-23) not yet: 天士力 over-refund not judged')
    exp = [f'TTGK-P {s_v1}', f'ORPHAN {s_v2}', f'TTGK-P {s_v4}', f'TTGK-P {s_v5}', f'TTGK-P {s_v6}', f'TTGK-P {s_v7}']
    l.write('351-orphan10-prepayment-own-invoice-never-comes-other-supplier-has-it-deadline-exact-and-1s-credit-note-of-third-party-before-and-after-refund-by-wrong-party',
            ['351 VIOLATION: shared paper numbers with payments and credit notes recorded before their invoice; ORPHAN deadline shortened',
             'note: CONFIG: check with --config 351.toml (orphan_days = 10, saved next to this ledger); everything else default',
             'note: conventions as 350; all purchase invoices have accepted goods; invoices issued 11-04..11-13, ledger ends 11-20: UNPAID (60 d) and UNINVOICED (30 d) not reached',
             'why: V1 TTGK-P: format.md invoice.doc "at its ORPHAN deadline it settles that one, and is TTGK"; my reading: TTGK-P only, not also ORPHAN (it settled a known invoice)',
             'why: V2 ORPHAN: rules.md ORPHAN "a payment that settles no known invoice, within the threshold" (00062002 never booked)',
             'why: V3 quiet: rules.md "an event exactly at the deadline is in time"',
             'why: V4 TTGK-P: "one a second later is not": at the deadline it settled 天士力\'s 00062004 (format.md); rules.md TTGK-P also says waiting payments "are applied when it is booked, even after their own ORPHAN deadline passed": conflict (see REPORT B)',
             'why: V5 TTGK-P: format.md credit_for "a credit note of a party with no invoice of that number credits another party\'s: TTGK-P"; CHANGELOG "at once"',
             'why: V6 TTGK-P: CHANGELOG round 31 "at once or at its ORPHAN deadline"; recorded before any 00062006: waits; at 11-13 11:00 settles the first booked (天士力\'s) → TTGK-P',
             'why: V7 TTGK-P: format.md invoice.doc "A party with no invoice of that number is matched to the first one booked (a payment to the wrong party: TTGK-P, TTGK-S)"'], exp)
    with open(os.path.join(OUT, '351.toml'), 'w') as f:
        f.write('# round 32: ledger 351 is checked with this file (docs/configuration.md)\n[thresholds]\norphan_days = 10\n')

# ---------------------------------------------------------------- 352 sales side, credit notes before invoices, the documented limit
def l352():
    l = L(352); master(l, T('2026-11-02T09:00:00'))
    d = lambda s: T('2026-11-' + s)
    buy(l, d('02T10:00:00'), A, 'CG2026110235201', AMX, 200, 'A352-01', putaway=True)
    pinv(l, d('02T12:00:00'), A, '26330000000035200001', 'CG2026110235201', AMX, 200)
    buy(l, d('02T13:00:00'), A, 'CG2026110235202', AMX, 50, 'A352-02')
    buy(l, d('02T13:10:00'), B, 'CG2026110235203', IBU, 50, 'B352-01')
    # S1: 仁和 prepays naming 00088002; we issue 00088002 only to 西溪
    s_s1 = pay(l, d('03T10:00:00'), 'SK2026110335201', RH, OWN, 12000, ['00088002'], note='S1 仁和 prepays 120.00 naming 00088002 before any invoice; we never issue 00088002 to 仁和; deadline 30 d = 12-03 10:00')
    # S4: 宁康 credit note recorded before its own invoice; 天士力's of that number booked meanwhile (lawful)
    cnote(l, d('03T11:00:00'), A, OWN, 'purchase', '00099010', '00062010', AMX, 4300, note='S4 宁康 red-letter 00099010 −43.00 credit_for 00062010 before any invoice of it: waits for 宁康\'s own (lawful)')
    sell(l, d('04T09:00:00'), XX, 'XS2026110435202', AMX, 10, 'A352-01')
    sinv(l, d('04T11:00:00'), XX, '00088002', 'XS2026110435202', AMX, 10, note='S1 our 00088002 to 西溪 120.00, unpaid by 西溪 (UNPAID 60 d not reached)')
    pinv(l, d('04T12:00:00'), B, '00062010', 'CG2026110235203', IBU, 50, note='S4 天士力 00062010 600.00 booked meanwhile: must not take 宁康\'s credit note')
    pinv(l, d('05T11:00:00'), A, '00062010', 'CG2026110235202', AMX, 50, note='S4 宁康 00062010 430.00: takes its credit note → net 387.00')
    pay(l, d('06T10:00:00'), 'FK2026110635203', OWN, A, 38700, ['00062010'], note='S4 paid net 387.00 → quiet if the credit note went to 宁康 (else overpaid)')
    pay(l, d('06T10:10:00'), 'FK2026110635204', OWN, B, 60000, ['00062010'], note='S4 天士力 paid 600.00 → quiet if its invoice was not credited')
    # S2: the limit: 仁和 pays naming 00088003 after our 00088003 to 西溪 is booked, before ours to 仁和
    sell(l, d('09T09:00:00'), XX, 'XS2026110935204', AMX, 10, 'A352-01')
    sinv(l, d('09T11:00:00'), XX, '00088003', 'XS2026110935204', AMX, 10, note='S2 our 00088003 to 西溪 120.00')
    pay(l, d('09T12:00:00'), 'SK2026110935205', XX, OWN, 12000, ['00088003'], note='S2 西溪 pays its own 00088003 in full')
    s_s2 = pay(l, d('10T10:00:00'), 'SK2026111035206', RH, OWN, 24000, ['00088003'], note='S2 仁和 prepays 240.00 naming 00088003, which only 西溪\'s booked invoice has: format.md "matched to that one at once" (the documented limit) → TTGK-S at once')
    sell(l, d('11T09:00:00'), RH, 'XS2026111135207', AMX, 20, 'A352-01')
    s_s2i = sinv(l, d('11T11:00:00'), RH, '00088003', 'XS2026111135207', AMX, 20, note='S2 our 00088003 to 仁和 240.00: gets nothing (payment already taken); 西溪\'s now overpaid 240.00 → TTGK-S overpayment after 14 d (from 11-10 → 11-24)')
    # S3: our credit note to 康宁大药房 credit_for 00088002 (invoices of it only to 西溪)
    sell(l, d('12T09:00:00'), XX, 'XS2026111235211', AMX, 10, 'A352-01')
    sinv(l, d('12T10:00:00'), XX, '00088005', 'XS2026111235211', AMX, 10, note='S3 our 00088005 to 西溪 120.00 (unpaid; UNPAID not reached)')
    s_s3 = cnote(l, d('12T11:00:00'), OWN, KN, 'sale', '00088900', '00088005', AMX, 1200, note='S3 our red-letter 00088900 −12.00 to 康宁大药房 credit_for 00088005, which only 西溪 has → TTGK-S at once')
    # S5: the limit for a credit note: 宁康 red-letter after 天士力's 00062011 is booked, before 宁康's own
    buy(l, d('13T09:00:00'), B, 'CG2026111335208', IBU, 10, 'B352-02')
    pinv(l, d('13T11:00:00'), B, '00062011', 'CG2026111335208', IBU, 10, note='S5 天士力 00062011 120.00')
    s_s5 = cnote(l, d('14T11:00:00'), A, OWN, 'purchase', '00099011', '00062011', AMX, 860, note='S5 宁康 red-letter 00099011 −8.60 credit_for 00062011 before 宁康\'s own; 天士力\'s booked: "matched to that one at once" → TTGK-P at once (documented limit)')
    buy(l, d('15T09:00:00'), A, 'CG2026111535209', AMX, 10, 'A352-03')
    pinv(l, d('15T11:00:00'), A, '00062011', 'CG2026111535209', AMX, 10, note='S5 宁康 00062011 86.00 (its credit note went to 天士力)')
    l.add('purchase', T('2026-12-05T09:00:00'), {"doc": "CG2026120535210", "supplier": A, "lines": [{"product": AMX, "quantity": 10, "unit_price": M(860)}]}, '采购-钱立',
          note='clock to 12-05: S1 deadline (12-03 10:00) passed; UNINVOICED of 11-02..11-15 goods all invoiced; UNPAID (60 d) not reached')
    # S2 overpayment: TTGK-S at the invoice it was matched to (西溪's 00088003)
    xx3 = [i for i, (e, n) in enumerate(l.ev, 1) if e['kind'] == 'invoice' and e['data']['doc'] == '00088003' and e['data']['buyer'] == XX][0]
    exp = [f'TTGK-S {s_s1}', f'TTGK-S {s_s2}', f'TTGK-S {xx3}', f'TTGK-S {s_s3}', f'TTGK-P {s_s5}']
    l.write('352-sales-prepayment-never-invoiced-to-payer-documented-limit-payment-and-credit-note-before-own-invoice-credit-note-to-wrong-customer-lawful-credit-note-before-invoice',
            ['352 VIOLATION: sales-side shared numbers, credit notes recorded before their invoice, and the limit format.md and the CHANGELOG admit',
             'note: default configuration (orphan_days 30, correction_days 14); conventions as 350; ledger ends 12-05 (purchase order only)',
             'why: S1 TTGK-S: format.md "at its ORPHAN deadline it settles that one, and is TTGK" (12-03 10:00 < clock 12-05)',
             'why: S2 TTGK-S at the payment: format.md "One recorded before its invoice, naming a number another counterparty\'s booked invoice already has, is matched to that one at once" (CHANGELOG "Left:"), payer 仁和 does not fit 西溪\'s invoice',
             'why: S2 TTGK-S at 西溪\'s 00088003: paid 120 + 240 = 360 > 120, not refunded within correction_days 14 (to 11-24 10:00) → overpaid invoice; rules.md points at the invoice. My reading: the wrong-party payment counts toward that invoice\'s paid amount ("settles")',
             'why: S3 TTGK-S: format.md credit_for "a credit note of a party with no invoice of that number credits another party\'s: TTGK-P, TTGK-S"',
             'why: S4 quiet: the credit note waits for 宁康\'s own (format.md)',
             'why: S5 TTGK-P: the documented limit for credit notes ("A payment or credit note ... One recorded before its invoice ... is matched to that one at once")',
             'note: S5 side effect not expected: 天士力\'s 00062011 is then credited 8.60 and 宁康\'s 00062011 is not; neither is paid, no UNPAID before 60 d'], exp)

os.makedirs(OUT, exist_ok=True)
l350(); l351(); l352()
