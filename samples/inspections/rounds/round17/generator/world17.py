"""Master data and business flows of 浙江明湖医药有限公司 (Hangzhou), round 17."""
import datetime as dt, random
from lib17 import *

D = dt.timedelta
OWNER_ID = uscc('91', '330106', 'MA2J8RW5')

SPECIAL = {'narcotic', 'psychotropic1', 'psychotropic2', 'medical_toxic', 'radioactive', 'precursor'}

ALL_SCOPE = ["chemical", "tcm_patent", "biological", "vaccine", "narcotic", "psychotropic1", "psychotropic2",
             "medical_toxic", "precursor", "compound_ephedrine", "cold_chain"]

def party(pid, name, kind, relation, lic_no, lic_kind, vf, vt, scope, bank, acct, province, address,
          special=None, public=False):
    d = {"party": pid, "name": name, "kind": kind, "relation": relation,
         "licence": {"number": lic_no, "kind": lic_kind, "valid_from": vf, "valid_to": vt},
         "scope": scope, "accounts": [{"bank": bank, "number": acct}], "province": province, "address": address}
    if special:
        d["special"] = special
    if public:
        d["public_hospital"] = True
    return d

OWNER = party(OWNER_ID, "浙江明湖医药有限公司", "wholesaler", "self", "浙AA5710619", "drug_wholesale",
              "2024-01-01", "2028-12-31", ALL_SCOPE, "中国建设银行杭州西湖支行", "33050161672700001958",
              "浙江", "浙江省杭州市西湖区转塘街道象山路 58 号",
              special={"designation": "regional_wholesaler", "valid_to": "2028-12-31"})

# ---- suppliers
SUP = {
  'hengze': party(uscc('91', '321200', 'MA1N3H7K'), "江苏恒泽制药有限公司", "manufacturer", "supplier", "苏20160045",
                  "drug_manufacturing", "2021-01-01", "2030-12-31", ["chemical", "compound_ephedrine"],
                  "中国农业银行泰州医药城支行", "10212301040008826", "江苏", "江苏省泰州市医药高新区药城大道 1 号"),
  'shuan': party(uscc('91', '510100', '20196853'), "四川蜀安制药有限公司", "manufacturer", "supplier", "川20160012",
                 "drug_manufacturing", "2021-06-01", "2031-05-31", ["chemical", "narcotic", "psychotropic1", "psychotropic2"],
                 "中国工商银行成都高新支行", "4402239009100078341", "四川", "四川省成都市高新区科园南路 8 号",
                 special={"designation": "designated_manufacturer", "valid_to": "2030-12-31"}),
  'yuanxin': party(uscc('91', '330100', '14395827'), "杭州远信制药有限公司", "manufacturer", "supplier", "浙20000312",
                   "drug_manufacturing", "2022-01-01", "2031-12-31", ["chemical", "tcm_patent"],
                   "中国银行杭州滨江支行", "358659213381", "浙江", "浙江省杭州市滨江区江陵路 1766 号"),
  'tonghua': party(uscc('91', '220500', '12460381'), "通化康元生物制药有限公司", "manufacturer", "supplier", "吉20160071",
                   "drug_manufacturing", "2021-03-01", "2030-02-28", ["biological", "chemical", "cold_chain"],
                   "吉林银行通化分行", "0701011000018836", "吉林", "吉林省通化市医药高新区康元路 9 号"),
  'huaxin': party(uscc('91', '330200', 'MA28A6QT'), "宁波华信医药有限公司", "wholesaler", "supplier", "浙AA5740207",
                  "drug_wholesale", "2021-10-01", "2026-09-30", ["chemical", "tcm_patent"],
                  "宁波银行鄞州支行", "51010122000931472", "浙江", "浙江省宁波市鄞州区天童南路 588 号"),
}

def customer(key, pid, name, kind, lic_no, lic_kind, scope, bank, acct, address, public=False, special=None,
             province="浙江"):
    return party(pid, name, kind, "customer", lic_no, lic_kind, "2023-01-01", "2028-12-31", scope, bank, acct,
                 province, address, special=special, public=public)

CHAIN_SCOPE = ["chemical", "tcm_patent", "biological", "compound_ephedrine"]
HOSP_SCOPE = ["chemical", "tcm_patent", "biological", "psychotropic2", "compound_ephedrine", "cold_chain"]

# ---- products
def product(code, name, form, spec, mfr, appr, cat, control, storage, unit, temp=None, rx=True):
    d = {"product": code, "generic_name": name, "form": form, "spec": spec, "manufacturer": mfr,
         "approval_number": appr, "category": cat, "control": control, "storage": storage}
    if temp:
        d["temp_range"] = {"min_c": temp[0], "max_c": temp[1]}
    d["rx"] = rx
    d["unit"] = unit
    return d

PROD = {
  'pse': product(with_check("8690432100061"), "复方盐酸伪麻黄碱缓释胶囊", "胶囊剂", "10粒/盒", "江苏恒泽制药有限公司",
                 "国药准字H32026117", "compound_ephedrine", "compound_ephedrine", "ambient", "盒", rx=False),
  'lpse': product(with_check("8690432100072"), "氯雷他定伪麻黄碱缓释片", "片剂", "6片/盒", "江苏恒泽制药有限公司",
                  "国药准字H32026230", "compound_ephedrine", "compound_ephedrine", "ambient", "盒", rx=False),
  'mpw': product(with_check("8690432100089"), "美扑伪麻片", "片剂", "12片/盒", "江苏恒泽制药有限公司",
                 "国药准字H32026348", "compound_ephedrine", "compound_ephedrine", "ambient", "盒", rx=False),
  'dzp': product(with_check("8690512300154"), "地西泮片", "片剂", "2.5mg×100片/瓶", "四川蜀安制药有限公司",
                 "国药准字H51021104", "psychotropic2", "psychotropic2", "ambient", "瓶"),
  'dzpi': product(with_check("8690512300161"), "地西泮注射液", "注射剂", "2ml:10mg×10支/盒", "四川蜀安制药有限公司",
                  "国药准字H51021255", "psychotropic2", "psychotropic2", "ambient", "盒"),
  'esz': product(with_check("8690512300178"), "艾司唑仑片", "片剂", "1mg×20片/盒", "四川蜀安制药有限公司",
                 "国药准字H51021376", "psychotropic2", "psychotropic2", "ambient", "盒"),
  'mor': product(with_check("8690512300185"), "盐酸吗啡注射液", "注射剂", "1ml:10mg×10支/盒", "四川蜀安制药有限公司",
                 "国药准字H51021017", "narcotic", "narcotic", "ambient", "支"),
  'amx': product(with_check("8690331200047"), "阿莫西林胶囊", "胶囊剂", "0.25g×24粒/盒", "杭州远信制药有限公司",
                 "国药准字H33020418", "chemical", "none", "ambient", "盒"),
  'cfx': product(with_check("8690331200054"), "头孢呋辛酯片", "片剂", "0.25g×12片/盒", "杭州远信制药有限公司",
                 "国药准字H33020527", "chemical", "none", "ambient", "盒"),
  'ibu': product(with_check("8690331200061"), "布洛芬缓释胶囊", "胶囊剂", "0.3g×20粒/盒", "杭州远信制药有限公司",
                 "国药准字H33020639", "chemical", "none", "ambient", "盒", rx=False),
  'amc': product(with_check("8690331200078"), "阿莫西林克拉维酸钾片", "片剂", "0.375g×12片/盒", "杭州远信制药有限公司",
                 "国药准字H33020746", "chemical", "none", "cool", "盒"),
  'ins': product(with_check("8690622000195"), "门冬胰岛素注射液", "注射剂", "3ml:300单位/支", "通化康元生物制药有限公司",
                 "国药准字S22026013", "biological", "none", "cold", "支"),
  'oxy': product(with_check("8690622000201"), "缩宫素注射液", "注射剂", "1ml:10单位×10支/盒", "通化康元生物制药有限公司",
                 "国药准字H22026188", "chemical", "none", "cold", "盒", temp=(2.0, 10.0)),
}

PROD['cfk'] = product(with_check("0694512340001"), "头孢克肟分散片", "片剂", "0.1g×6片/盒", "杭州远信制药有限公司",
                      "国药准字H33021152", "chemical", "none", "ambient", "盒")

ZONES = {
  'WH-A': {"zone": "WH-A", "storage": "ambient"},
  'WH-B': {"zone": "WH-B", "storage": "ambient"},
  'WH-C': {"zone": "WH-C", "storage": "cool"},
  'CR-1': {"zone": "CR-1", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 8.0}},
  'CR-3': {"zone": "CR-3", "storage": "cold", "temp_range": {"min_c": 2.0, "max_c": 10.0}},
  'SP-1': {"zone": "SP-1", "storage": "ambient"},
  'SP-2': {"zone": "SP-2", "storage": "ambient"},
}

QM = ["质管-沈佳"]
BUYER = ["采购-徐涛"]
ACC2 = ["验收-吴倩", "验收-蒋波"]
ACC1 = ["验收-吴倩"]
KEEP = ["保管-钱磊", "保管-孔丽"]
SALES = ["销售-陆婷"]
REV2 = ["复核-韩冬", "复核-曹颖"]
SHIP = ["发货-严峰", "发货-华明"]
FIN = ["财务-金萍"]
SYS = ["系统-温湿度监测"]


class World:
    """A ledger of the owner with registered parties, products and zones; stock pools with codes for
    picking units in time order; invoices and payments."""

    def __init__(self, num, name, start):
        self.L = Ledger(f"{num}")
        self.num = num
        self.parties = {}
        self.products = {}
        self.expiry = {}
        self.pools = {}          # (product, batch, loc) -> [codes]
        self.qty = {}            # (product, batch, loc) -> qty
        self.invoices = []       # dicts: doc, direction, party, total, occurred, issued_on, paid
        self.t0 = start
        self.codeseq = 0
        self.docseq = 0
        self.rng = random.Random(num)
        self.ev_t = start
        self.reg(OWNER, start)

    # -- master data
    def reg(self, p, t=None, tag=None):
        t = t or self.next_master()
        self.parties[p['party']] = p
        self.L.add('party_registered', t, p, QM, tag=tag)
        return p

    def next_master(self):
        self.ev_t = self.ev_t + D(minutes=2)
        return self.ev_t

    def prod(self, key, t=None):
        p = PROD[key]
        self.products[key] = p
        self.L.add('product_registered', t or self.next_master(), p, QM)
        return p

    def zone(self, key, sensors=None, t=None):
        z = dict(ZONES[key])
        if sensors:
            z["sensors"] = sensors
        self.L.add('zone_registered', t or self.next_master(), z, QM)

    def pid(self, key):
        return PROD[key]['product']

    def special(self, key):
        return PROD[key]['control'] in SPECIAL

    def newdoc(self, prefix, t):
        self.docseq += 1
        return f"{prefix}{t.strftime('%Y%m%d')}{self.num}{self.docseq:03d}"

    def invno(self, t, direction):
        """20-digit 数电票 number: 26 (year) 33 (Zhejiang) ledger number, direction digit, serial"""
        self.docseq += 1
        n = f"2633{self.num:03d}{'1' if direction == 'sale' else '2'}{self.docseq:012d}"
        assert len(n) == 20 and n.isdigit()
        return n

    def mkcodes(self, key, n):
        out = []
        base = PROD[key]['product'][3:10]
        for _ in range(n):
            self.codeseq += 1
            out.append(f"81{base}{self.num}{self.codeseq:08d}")
        assert all(len(c) == 20 and c.isdigit() for c in out)
        return out

    # -- stock pools
    def _in(self, key, batch, loc, q, codes):
        k = (key, batch, loc)
        self.qty[k] = self.qty.get(k, 0) + q
        self.pools.setdefault(k, []).extend(codes)

    def _out(self, key, batch, loc, q, codes=None):
        k = (key, batch, loc)
        self.qty[k] = self.qty.get(k, 0) - q
        assert self.qty[k] >= 0, (k, self.qty[k])
        pool = self.pools.setdefault(k, [])
        if codes is None:
            if self.special(key) or pool:
                codes, self.pools[k] = pool[:q], pool[q:]
                if self.special(key):
                    assert len(codes) == q, (k, len(codes), q)
            else:
                codes = []
        else:
            for c in codes:
                if c in pool:
                    pool.remove(c)
        return codes

    # -- purchase side
    def purchase(self, sup, t, lines, tag=None):
        """lines: [(key, qty, price_fen)]"""
        doc = self.newdoc('CG', t)
        self.L.add('purchase', t, {"doc": doc, "supplier": sup['party'],
                   "lines": [{"product": self.pid(k), "quantity": q, "unit_price": money(p)} for k, q, p in lines]},
                   BUYER, tag=tag)
        return doc

    def receipt(self, sup, t, order, lines, transport=None, tag=None, acceptors=None, codes_override=None):
        """lines: dicts key,batch,pd,exp,arrived,accepted,loc[,codes][,reason]"""
        doc = self.newdoc('SH', t)
        out = []
        special = False
        for i, l in enumerate(lines):
            k = l['key']
            self.expiry[(k, l['batch'])] = l['exp']
            acc = l.get('accepted', l['arrived'])
            line = {"product": self.pid(k), "batch": l['batch'], "production_date": l['pd'], "expiry": l['exp'],
                    "arrived": l['arrived'], "accepted": acc, "rejected": l['arrived'] - acc}
            if l.get('reason'):
                line["reject_reason"] = l['reason']
            line["location"] = l['loc']
            codes = l.get('codes')
            if codes is None and self.special(k):
                codes = self.mkcodes(k, acc)
            if codes:
                line["codes"] = codes
            self._in(k, l['batch'], l['loc'], acc, [c for c in (l.get('stock_codes', codes) or [])])
            special = special or self.special(k) or PROD[k]['control'] != 'none'
            out.append(line)
        data = {"doc": doc, "supplier": sup['party'], "lines": out,
                "acceptors": acceptors or (ACC2 if special else ACC1)}
        if transport:
            data["transport"] = transport
        self.L.add('receipt', t, data, acceptors or (ACC2 if special else ACC1),
                   refs={"order": [order], "delivery_note": [f"SN-{sup['party'][10:16]}-{doc[2:]}"]}, tag=tag)
        return doc, out

    def move(self, kind, t, lines, reason=None, refs=None, tag=None):
        """lines: (key, batch, q, from, to[, codes])"""
        doc = self.newdoc('RK' if kind == 'put_away' else 'YK', t)
        out = []
        for l in lines:
            k, b, q, fr, to = l[:5]
            codes = self._out(k, b, fr, q, l[5] if len(l) > 5 else None)
            self._in(k, b, to, q, codes)
            line = {"product": self.pid(k), "batch": b, "quantity": q, "from": fr, "to": to}
            if codes:
                line["codes"] = codes
            out.append(line)
        data = {"doc": doc}
        if kind == 'transfer':
            data["reason"] = reason
        data["lines"] = out
        self.L.add(kind, t, data, KEEP, refs=refs, tag=tag)
        return doc

    def invoice(self, t, direction, issuer, buyer, lines, refs, tag=None, credit_for=None, issued_on=None):
        """lines: [(key, qty, price)]"""
        doc = self.invno(t, direction)
        ls = [{"product": self.pid(k), "quantity": q, "unit_price": money(p), "amount": money(q * p)} for k, q, p in lines]
        total = sum(q * p for k, q, p in lines)
        data = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer,
                "issued_on": (issued_on or t).strftime('%Y-%m-%d'), "lines": ls, "total": money(total)}
        if credit_for:
            data["credit_for"] = credit_for
        self.L.add('invoice', t, data, FIN, refs=refs, tag=tag)
        inv = {"doc": doc, "direction": direction, "party": buyer if direction == 'sale' else issuer,
               "total": total, "t": t, "credit_for": credit_for}
        self.invoices.append(inv)
        return inv

    def pay(self, t, direction, party_id, amount, invoices, tag=None, method="bank_transfer"):
        p = self.parties[party_id]
        if direction == 'outgoing':
            payer, payee, pa, pe = OWNER_ID, party_id, OWNER['accounts'][0]['number'], p['accounts'][0]['number']
        else:
            payer, payee, pa, pe = party_id, OWNER_ID, p['accounts'][0]['number'], OWNER['accounts'][0]['number']
        doc = self.newdoc('FK' if direction == 'outgoing' else 'SK', t)
        self.L.add('payment', t, {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                                  "payer_account": pa, "payee_account": pe, "amount": money(amount),
                                  "method": method, "invoices": invoices}, FIN, tag=tag)

    def buy(self, sup, t, key, batch, pd, exp, qty, price, loc_put, rcv_loc='RCV', transport=None,
            tag=None, pay_days=25, end=None, put=True):
        """purchase -> receipt next day -> put-away -> invoice -> payment"""
        order = self.purchase(sup, t, [(key, qty, price)])
        tr = t + D(days=1)
        doc, _ = self.receipt(sup, tr, order, [dict(key=key, batch=batch, pd=pd, exp=exp, arrived=qty, loc=rcv_loc)],
                              transport=transport(tr) if callable(transport) else transport, tag=tag)
        if put and loc_put and loc_put != rcv_loc:
            self.move('put_away', tr + D(minutes=50), [(key, batch, qty, rcv_loc, loc_put)],
                      refs={"order": [order], "receipt": [doc]})
        inv = self.invoice(tr + D(hours=3), 'purchase', sup['party'], OWNER_ID, [(key, qty, price)],
                           {"order": [order], "receipt": [doc]})
        if end is None or tr + D(days=pay_days) <= end:
            self.pay(tr + D(days=pay_days), 'outgoing', sup['party'], inv['total'], [inv['doc']])
        return order, doc

    # -- sales side
    def sell(self, cust, t, lines, tag=None, dispatch_lines=None, address=None, vehicle=None,
             invoice=True, review_tag=None, dispatch_tag=None, dispatch=True):
        """lines: [(key, batch, qty, price, from)]; a sale, two-person review, dispatch 1h30 later, invoice 3h later"""
        doc = self.newdoc('XS', t)
        self.L.add('sale', t, {"doc": doc, "customer": cust['party'], "channel": "wholesale",
                   "lines": [{"product": self.pid(k), "batch": b, "expiry": self.expiry[(k, b)], "quantity": q,
                              "unit_price": money(p)} for k, b, q, p, fr in lines]}, SALES, tag=tag)
        if not dispatch:
            return doc, None
        if 7 <= t.hour < 19:
            tr, td, ti = t + D(minutes=40), t + D(minutes=90), t + D(hours=3)
        else:
            day = t.date() if t.hour < 7 else t.date() + D(days=1)
            tr = dt.datetime(day.year, day.month, day.day, 8, 30, tzinfo=BJ)
            td, ti = tr + D(minutes=60), tr + D(minutes=150)
        ctrl = any(PROD[k]['control'] != 'none' for k, *_ in lines)
        self.L.add('outbound_review', tr, {"doc": self.newdoc('FH', tr), "customer": cust['party'],
                   "lines": [{"product": self.pid(k), "batch": b, "expiry": self.expiry[(k, b)], "quantity": q,
                              "quality": "ok"} for k, b, q, p, fr in lines],
                   "reviewers": REV2 if ctrl else REV2[:1]}, REV2 if ctrl else REV2[:1], refs={"sale": [doc]},
                   tag=review_tag)
        pdoc = self.newdoc('PS', td)
        outl = []
        for dl in (dispatch_lines or [(k, b, q, fr) for k, b, q, p, fr in lines]):
            k, b, q, fr = dl[:4]
            codes = self._out(k, b, fr, q, dl[4] if len(dl) > 4 else None)
            line = {"product": self.pid(k), "batch": b, "quantity": q, "from": fr}
            if codes:
                line["codes"] = codes
            outl.append(line)
        data = {"doc": pdoc, "customer": cust['party'], "consignee": cust['name'] + " 药剂科" if cust['kind'] == 'medical_institution' else cust['name'] + " 收货部",
                "address": address or cust['address'], "lines": outl}
        if vehicle:
            data["vehicle"] = vehicle
        self.L.add('dispatch', td, data, SHIP, refs={"sale": [doc]}, tag=dispatch_tag)
        inv = None
        if invoice:
            inv = self.invoice(ti, 'sale', OWNER_ID, cust['party'],
                               [(k, q, p) for k, b, q, p, fr in lines], {"sale": [doc], "delivery_note": [pdoc]})
        return doc, inv

    def settle_sales(self, end, day=18):
        """one incoming payment per customer and month, on `day` of the next month, naming that month's
        sales invoices (net of credit notes already booked), if that date is before `end`."""
        groups = {}
        for inv in self.invoices:
            if inv['direction'] != 'sale' or inv.get('settled'):
                continue
            key = (inv['party'], inv['t'].year, inv['t'].month)
            groups.setdefault(key, []).append(inv)
        for (party_id, y, m), invs in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
            ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
            tp = bj(ny, nm, day, 10, 30)
            if tp > end:
                for inv in invs:
                    assert (end - inv['t']).days < 59, inv
                continue
            tot = sum(i['total'] for i in invs if not i.get('credit_for'))
            self.pay(tp, 'incoming', party_id, tot, [i['doc'] for i in invs if not i.get('credit_for')])
            for i in invs:
                i['settled'] = True

    def upload(self, t, sensor, readings, zone=None, vehicle=None, tag=None):
        d = {"sensor": sensor}
        if zone:
            d["zone"] = zone
        if vehicle:
            d["vehicle"] = vehicle
        d["readings"] = [{"at": iso(a), "celsius": round(c, 1)} for a, c in readings]
        self.L.add('temperature_reading', t, d, SYS, tag=tag)

    def cold_trip(self, vehicle, sensor, start, end, upload_at, lo=3.4, hi=6.6, step=5, seed=None, tag=None):
        rng = random.Random(seed if seed is not None else f"{vehicle}{start}")
        rs = []
        a = start
        while a <= end:
            rs.append((a, rng.uniform(lo, hi)))
            a += D(minutes=step)
        self.upload(upload_at, sensor, rs, vehicle=vehicle, tag=tag)
        return rs
