"""Round 18 generator: python3 build18.py OUTDIR  (deterministic)."""
import sys, os, datetime as dt
sys.path.insert(0, os.path.dirname(__file__))
from lib18 import *

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "ledgers")
os.makedirs(OUT + "/refused", exist_ok=True)
D = dt.timedelta
COMMON = ["# note: conventions of samples/inspections/README.md: master data first; owner 浙江润和医药有限公司 (%s, Hangzhou, regional wholesaler); entered_at 5 min after occurred_at (temperature uploads 30 s); ids UUID v7 of entered_at, increasing; USCCs with GB 32100/GB 11714 check characters; instants +08:00; invoices 20-digit 数电票 numbers; every invoice paid by bank transfer between registered accounts unless a note says otherwise" % OWNER,
          "# note: RCV, RET and QA are unregistered staging/returns/quarantine locations; controlled lines accepted and reviewed by two people; no dispatch within 90 days of expiry"]

class Q:
    def __init__(self): self.items = []; self.n = 0
    def add(self, when, fn):
        import heapq
        self.n += 1; heapq.heappush(self.items, (when, self.n, fn))
    def run(self):
        import heapq
        while self.items:
            w, _, fn = heapq.heappop(self.items); fn()

# ---------------- parties
SUP_YX = uscc("91", "330100", "14395827")      # 杭州远信制药 manufacturer
SUP_SA = uscc("91", "510100", "20196853")      # 四川蜀安制药 designated manufacturer
SUP_TH = uscc("91", "220500", "12460381")      # 通化康元生物
SUP_HZ = uscc("91", "420100", "17768205")      # 湖北华中药业 (compound ephedrine)
SUP_HD = uscc("91", "330000", "14291174")      # 浙江华东医药股份 wholesaler
SUP_KT = uscc("91", "120000", "10306652")      # 天津康泰中药
H1 = uscc("12", "330106", "47005612")          # 杭州市西湖区人民医院
H2 = uscc("12", "330105", "47002381")          # 杭州市拱墅区中医院
PH = uscc("91", "330106", "MA2B3C4D")          # private hospital
RC1 = uscc("91", "330100", "MA27Q1R5")
RC2 = uscc("91", "330104", "MA28H3K6")
CLI = uscc("91", "330106", "MA2G7N2P")

def acc(pid): return "6222" + "".join(c if c.isdigit() else str(ord(c) % 10) for c in pid)[:15]

PARTY = {
 SUP_YX: ("杭州远信制药有限公司", "manufacturer", "supplier", "浙20000312", "drug_manufacturing", ["chemical", "tcm_patent"], "浙江", "浙江省杭州市滨江区江陵路 1766 号"),
 SUP_SA: ("四川蜀安制药有限公司", "manufacturer", "supplier", "川20160012", "drug_manufacturing", ["chemical", "narcotic", "psychotropic1", "psychotropic2"], "四川", "四川省成都市高新区科园南路 8 号"),
 SUP_TH: ("通化康元生物制药有限公司", "manufacturer", "supplier", "吉20160071", "drug_manufacturing", ["biological", "chemical", "cold_chain"], "吉林", "吉林省通化市医药高新区康元路 9 号"),
 SUP_HZ: ("湖北华中药业有限公司", "manufacturer", "supplier", "鄂20150098", "drug_manufacturing", ["chemical", "compound_ephedrine"], "湖北", "湖北省武汉市东西湖区走马岭汇通大道 18 号"),
 SUP_HD: ("浙江华东医药股份有限公司", "wholesaler", "supplier", "浙AA5710002", "drug_wholesale", ["chemical", "tcm_patent", "biological", "cold_chain"], "浙江", "浙江省杭州市拱墅区莫干山路 866 号"),
 SUP_KT: ("天津康泰中药制药有限公司", "manufacturer", "supplier", "津20160035", "drug_manufacturing", ["tcm_patent"], "天津", "天津市北辰区医药医疗器械工业园京福公路 26 号"),
 H1: ("杭州市西湖区人民医院", "medical_institution", "customer", "47005612733010611A1001", "medical_institution", ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "cold_chain"], "浙江", "浙江省杭州市西湖区文三路 158 号"),
 H2: ("杭州市拱墅区中医院", "medical_institution", "customer", "47002381633010511A1002", "medical_institution", ["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], "浙江", "浙江省杭州市拱墅区湖墅南路 208 号"),
 PH: ("杭州康华医院有限公司", "medical_institution", "customer", "PDY00312733010615D2102", "medical_institution", ["chemical", "tcm_patent", "biological", "psychotropic2", "cold_chain"], "浙江", "浙江省杭州市西湖区古墩路 701 号"),
 RC1: ("浙江九洲大药房连锁有限公司", "retail_chain", "customer", "浙DA5710391", "drug_retail", ["chemical", "tcm_patent", "compound_ephedrine"], "浙江", "浙江省杭州市上城区秋涛北路 72 号"),
 RC2: ("杭州华东大药房连锁有限公司", "retail_chain", "customer", "浙DA5710155", "drug_retail", ["chemical", "tcm_patent", "compound_ephedrine"], "浙江", "浙江省杭州市拱墅区长乐路 45 号"),
}
SPECIAL = {SUP_SA: {"designation": "designated_manufacturer", "valid_to": "2030-12-31"},
           H1: {"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2025〕0137", "valid_to": "2028-06-30"}}
PUBLIC = {H1, H2}

def reg_party(L_, when, pid, **kw):
    n, k, r, lic, lk, sc, prov, addr = PARTY[pid]
    n = kw.pop("name", n)
    return party(L_, when, pid, n, k, r, lic, lk, sc, acc(pid), prov, addr, special=SPECIAL.get(pid),
                 public=pid in PUBLIC, **kw)

def addr(pid): return PARTY[pid][7] if pid in PARTY else "浙江省杭州市西湖区蒋村街道紫金港路 21 号"
def pname(pid): return PARTY[pid][0] if pid in PARTY else "杭州仁爱门诊部有限公司"

# ---------------- products
AMOX = "86903312000471"; IBU = "86903312000488"; INS = "86906220001950"; DSP = "86901123000052"
CEF = "86904450000315"; EPH = "86904231000127"; DZI = "86905123001579"; MOR = "86902318701269"; ALB = "86906220003305"
AMC = "86903312000556"
PROD = {
 AMOX: ("阿莫西林胶囊", "胶囊剂", "0.25g×24粒/盒", "杭州远信制药有限公司", "国药准字H33020418", "chemical", "none", "ambient", "盒", None),
 IBU: ("布洛芬缓释胶囊", "胶囊剂", "0.3g×20粒/盒", "杭州远信制药有限公司", "国药准字H33021877", "chemical", "none", "ambient", "盒", None),
 INS: ("门冬胰岛素注射液", "注射剂", "3ml:300单位/支", "通化康元生物制药有限公司", "国药准字S22026013", "biological", "none", "cold", "支", None),
 DSP: ("复方丹参滴丸", "滴丸剂", "27mg×180丸/瓶", "天津康泰中药制药有限公司", "国药准字Z12020176", "tcm_patent", "none", "ambient", "瓶", None),
 CEF: ("头孢克肟分散片", "片剂", "0.1g×6片/盒", "浙江华东医药股份有限公司", "国药准字H20054113", "chemical", "none", "cool", "盒", None),
 EPH: ("复方盐酸伪麻黄碱缓释胶囊", "胶囊剂", "10粒/盒", "湖北华中药业有限公司", "国药准字H42020831", "compound_ephedrine", "compound_ephedrine", "ambient", "盒", None),
 DZI: ("地西泮注射液", "注射剂", "2ml:10mg/支", "四川蜀安制药有限公司", "国药准字H51021377", "psychotropic2", "psychotropic2", "ambient", "支", None),
 MOR: ("盐酸吗啡注射液", "注射剂", "1ml:10mg/支", "四川蜀安制药有限公司", "国药准字H51022427", "narcotic", "narcotic", "ambient", "支", None),
 ALB: ("人血白蛋白", "注射剂", "10g(20%,50ml)/瓶", "通化康元生物制药有限公司", "国药准字S22023016", "biological", "none", "cool", "瓶", (2.0, 25.0)),
 AMC: ("阿莫西林克拉维酸钾片", "片剂", "0.375g×12片/盒", "杭州远信制药有限公司", "国药准字H33022510", "chemical", "none", "cool", "盒", None),
}
def reg_prod(L_, when, pid, pidoverride=None):
    n, f, s, m, a, cat, ctl, st, u, rng = PROD[pid]
    return product(L_, when, pidoverride or pid, n, f, s, m, a, cat, ctl, st, u, temp_range=rng)

def master(L_, when, parties, products, zones):
    owner_event(L_, when); w = when
    for p in parties:
        w += D(minutes=2); reg_party(L_, w, p)
    for p in products:
        w += D(minutes=2); reg_prod(L_, w, p)
    for z in zones:
        w += D(minutes=2); zone(L_, w, *z)
    return w

def buy_simple(L_, when, supplier, rls, prices, two=False, transport=None, tag=None, pay_days=20, q=None, put=None):
    """purchase at when; receipt when+1d; invoice same day; payment +pay_days. prices: {product: fen}"""
    lines = {}
    for r in rls: lines[r["product"]] = lines.get(r["product"], 0) + r["arrived"]
    o = purchase(L_, when, supplier, [(p, qt, prices[p]) for p, qt in lines.items()])
    rt = when + D(days=1)
    rdoc, n = receipt(L_, rt, supplier, o, rls, two=two, transport=transport, tag=tag)
    if put: put_away(L_, rt + D(hours=1), o, rdoc, put, two=two)
    acc_q = {}
    for r in rls: acc_q[r["product"]] = acc_q.get(r["product"], 0) + r["accepted"]
    if not any(acc_q.values()):
        return o, rdoc, n      # all rejected: nothing to invoice (fixed after the first run: an empty invoice was refused)
    no, tot, _ = invoice(L_, rt + D(hours=4), "purchase", supplier, OWNER, [(p, qt, prices[p]) for p, qt in acc_q.items() if qt],
                         {"order": [o], "receipt": [rdoc]})
    pay = lambda: payment(L_, rt + D(days=pay_days), "outgoing", OWNER, supplier, OWNER_ACC, acc(supplier), tot, [no])
    if q: q.add(rt + D(days=pay_days), pay)
    else: pay()
    return o, rdoc, n

# =============================================================== SOM ledgers
def som_ledger(num, seed, slug, header, peers, newcomers, expect_tags, start=t("2026-08-24 09:00")):
    L_ = L(slug, OWNER, seed)
    extra = {}
    for name, pid, *_ in peers + newcomers:
        extra[pid] = name
    w = master(L_, start, [SUP_HZ], [EPH], [("WH-A", "ambient")])
    for pid, name in extra.items():
        w += D(minutes=2)
        party(L_, w, pid, name, "retail_chain", "customer", "浙DA57" + pid[-6:-1], "drug_retail",
              ["chemical", "tcm_patent", "compound_ephedrine"], acc(pid), "浙江", f"浙江省杭州市{name[2:5]}区{name[-8:-6]}路 {int(pid[-4:-1],36)%200+1} 号")
    addrs = {e["data"]["party"]: e["data"]["address"] for e in L_.events if e["kind"] == "party_registered"}
    total = sum(sum(qs) for _, _, qs, _ in peers) + sum(sum(qs) for _, _, qs, _ in newcomers)
    stock = (total // 500 + 1) * 500
    q = Q()
    bt = t("2026-08-25 10:00")
    o = purchase(L_, bt, SUP_HZ, [(EPH, stock, 1250)])
    rd, _ = receipt(L_, bt + D(days=1), SUP_HZ, o, [rline(EPH, "2607C118", "2026-07-18", "2028-07-17", stock)], two=True)
    put_away(L_, bt + D(days=1, hours=1), o, rd, [mline(EPH, "2607C118", stock, "RCV", "WH-A")], two=True)
    no, tot, _ = invoice(L_, bt + D(days=1, hours=4), "purchase", SUP_HZ, OWNER, [(EPH, stock, 1250)], {"order": [o], "receipt": [rd]})
    q.add(bt + D(days=21), lambda: payment(L_, bt + D(days=21), "outgoing", OWNER, SUP_HZ, OWNER_ACC, acc(SUP_HZ), tot, [no]))
    def cycle(cust, when, qty, tag):
        def f():
            s = sale(L_, when, cust, [(EPH, "2607C118", "2028-07-17", qty, 1580)], tag=tag)
            ln = [(EPH, "2607C118", "2028-07-17", qty, 1580)]
            review(L_, when + D(minutes=30), s, cust, ln, two=True)
            pd, _ = dispatch(L_, when + D(hours=1), s, cust, extra[cust] + " 配送中心", addrs[cust],
                             [mline(EPH, "2607C118", qty, "WH-A")])
            no, tot, _ = invoice(L_, when + D(hours=5), "sale", OWNER, cust, [(EPH, qty, 1580)], {"sale": [s], "delivery_note": [pd]})
            pw = when + D(days=15)
            q2.append((pw, lambda: payment(L_, pw, "incoming", cust, OWNER, acc(cust), OWNER_ACC, tot, [no])))
        return f
    q2 = []
    for name, pid, qs, dates in peers + newcomers:
        for i, (qt, d) in enumerate(zip(qs, dates)):
            q.add(d, cycle(pid, d, qt, f"{pid}:{i}"))
    # run: sale cycles create payments later; merge by re-queueing
    q.items.sort(key=lambda x: (x[0], x[1]))
    pending = q.items[:]
    done = []
    import heapq
    heap = [(w_, i, fn) for w_, i, fn in pending]
    heapq.heapify(heap); cnt = 10**6
    while heap:
        w_, i, fn = heapq.heappop(heap)
        fn()
        while q2:
            pw, pf = q2.pop(); cnt += 1; heapq.heappush(heap, (pw, cnt, pf))
    exp = [f"SOM {L_.tags[tg]}" for tg in expect_tags]
    L_.write(OUT, f"{num}-{slug}", header, exp)
    return L_

def weekly(start, n, days=7):
    return [start + D(days=days * i) for i in range(n)]

def build_226():
    A, B, C = uscc("91", "330102", "MA2C1A01"), uscc("91", "330108", "MA2C1B02"), uscc("91", "330110", "MA2C1C03")
    N1, N2 = uscc("91", "330109", "MA2C1D04"), uscc("91", "330113", "MA2C1E05")
    peers = [("杭州康和大药房连锁有限公司", A, [30] * 5, weekly(t("2026-09-01 10:00"), 5)),
             ("浙江百草堂医药连锁有限公司", B, [50] * 4, weekly(t("2026-09-02 10:00"), 4)),
             ("杭州仁心大药房连锁有限公司", C, [90] * 6, weekly(t("2026-09-03 10:00"), 6))]
    newc = [("杭州民和大药房连锁有限公司", N1, [500], [t("2026-10-15 10:00")]),
            ("杭州海川大药房连锁有限公司", N2, [501], [t("2026-10-16 10:00")])]
    hdr = ["# 226 VIOLATION: SOM peers, ODD number of peers (3): peer trailing averages 30 (5 orders), 50 (4 orders), 90 (6 orders); median = 50 (mean would be 56.67); two newly qualified chains' first orders of 复方盐酸伪麻黄碱缓释胶囊: 500 (exactly 10x, quiet) on 15 Oct and 501 (10.02x, fires) on 16 Oct"] + COMMON + [
           "# note: every peer orders the same quantity weekly (no size or frequency finding); each sale is reviewed by two, dispatched to the chain's registered address, invoiced the same day and paid by bank transfer 15 days later",
           "# note: a mean-of-all reading (56.67) would leave 501 quiet; an 'upper middle' reading is the same as the median for an odd count",
           "# why: SOM rules.md 'above som_peer_factor times the median trailing average of the other customers that have som_min_history orders each, when there are at least two'; 500 is not above 10 x 50, 501 is"]
    return som_ledger(226, 226, "som-peers-odd-three-peers-30-50-90-median-50-first-orders-500-quiet-501-fires", hdr, peers, newc, [f"{N2}:0"])

def build_227():
    A, B, C, Dd = [uscc("91", "33010" + str(i), "MA2D%d%03d" % (i, i * 7)) for i in (2, 3, 4, 5)]
    N1, N2, N3 = [uscc("91", "33011" + str(i), "MA2E%d%03d" % (i, i * 11)) for i in (0, 3, 4)]
    peers = [("杭州康和大药房连锁有限公司", A, [20] * 6, weekly(t("2026-09-01 10:00"), 6)),
             ("浙江百草堂医药连锁有限公司", B, [40] * 4, weekly(t("2026-09-02 10:00"), 4)),
             ("杭州仁心大药房连锁有限公司", C, [62] * 5, weekly(t("2026-09-03 10:00"), 5)),
             ("浙江天一堂药房连锁有限公司", Dd, [100] * 4, weekly(t("2026-09-04 10:00"), 4))]
    newc = [("杭州民和大药房连锁有限公司", N1, [510], [t("2026-10-14 10:00")]),
            ("杭州海川大药房连锁有限公司", N2, [511], [t("2026-10-15 10:00")]),
            ("杭州益丰大药房连锁有限公司", N3, [450], [t("2026-10-16 10:00")])]
    hdr = ["# 227 VIOLATION: SOM peers, EVEN number of peers (4): trailing averages 20, 40, 62, 100; median = (40 + 62) / 2 = 51; first orders of three new chains: 510 (exactly 10x 51, quiet), 511 (10.02x, fires), 450 (8.8x, quiet)"] + COMMON + [
           "# note: readings that would differ: upper middle (62) -> 511 quiet; lower middle (40) -> 450 and 510 fire; mean of all (55.5) -> 511 quiet",
           "# why: SOM rules.md '(the median of an even number of averages is the mean of the two middle ones)'; CHANGELOG Round 17 first item"]
    return som_ledger(227, 227, "som-peers-even-four-peers-20-40-62-100-median-51-first-orders-510-quiet-511-fires-450-quiet", hdr, peers, newc, [f"{N2}:0"])

def build_235():
    P1, P2, P3 = uscc("91", "330102", "MA2F1P01"), uscc("91", "330103", "MA2F2P02"), uscc("91", "330104", "MA2F3P03")
    N1, N2, N3, N4 = [uscc("91", "33011" + str(i), "MA2G%dN%02d" % (i, i)) for i in (0, 3, 4, 8)]
    peers = [("杭州康和大药房连锁有限公司", P1, [30, 36, 33, 33], weekly(t("2026-09-01 10:00"), 4)),
             ("浙江百草堂医药连锁有限公司", P2, [44, 45, 44, 45], weekly(t("2026-09-02 10:00"), 4)),
             ("杭州仁心大药房连锁有限公司", P3, [100, 100, 100, 100], weekly(t("2026-09-03 10:00"), 3) + [t("2026-10-01 10:00")])]
    newc = [("杭州民和大药房连锁有限公司", N1, [387], [t("2026-09-28 10:00")]),
            ("杭州海川大药房连锁有限公司", N2, [388], [t("2026-09-29 10:00")]),
            ("杭州益丰大药房连锁有限公司", N3, [445], [t("2026-10-06 10:00")]),
            ("杭州老百姓大药房连锁有限公司", N4, [446], [t("2026-10-07 10:00")])]
    hdr = ["# 235 VIOLATION: SOM peers as the peer set grows from two to three: on 28/29 Sep the peers are P1 (30, 36, 33, 33: avg 33) and P2 (44, 45, 44, 45: avg 44.5), median 38.75 -> first orders 387 quiet, 388 fires; P3's 4th order (1 Oct, 100 each) makes three peers 33, 44.5, 100, median 44.5 -> first orders 445 (6 Oct, exactly 10x) quiet, 446 (7 Oct) fires"] + COMMON + [
           "# note: P3 has only 3 orders on 28/29 Sep (not a peer: som_min_history 4); P3's orders are judged against peers (quiet: 100 < 387.5)",
           "# note: readings that would differ: upper middle with 2 peers (44.5) -> 388 quiet; a peer set frozen at first use -> 446 judged against 38.75 (fires anyway) but 445 would fire too",
           "# why: SOM rules.md 'median trailing average of the other customers that have som_min_history orders each ... (the median of an even number of averages is the mean of the two middle ones)'"]
    return som_ledger(235, 235, "som-peer-set-grows-two-peers-median-38-75-then-three-median-44-5-387-quiet-388-fires-445-quiet-446-fires", hdr, peers, newc, [f"{N2}:0", f"{N4}:0"])

# =============================================================== codes
def zsm(prefix, n): return f"{prefix}{n:013d}"

def build_228(refused=False):
    L_ = L("228", OWNER, 228)
    w = master(L_, t("2026-09-28 08:30"), [SUP_SA, SUP_YX, H1, H2], [DZI, AMOX], [("SP-1", "ambient"), ("SP-2", "ambient"), ("WH-A", "ambient")])
    c = [zsm("8105123", 26090000 + i) for i in range(0, 31)]   # c[1..30]
    e = [zsm("8105123", 26100000 + i) for i in range(0, 11)]
    a = [zsm("8103312", 26095000 + i) for i in range(0, 101)]
    q = Q()
    # 1 receipt D1 of 30 with c17 scanned twice (31 entries, 30 distinct)
    o, rd, nR1 = buy_simple(L_, t("2026-09-29 10:00"), SUP_SA,
        [rline(DZI, "D2609011", "2026-09-01", "2028-08-31", 30, codes=c[1:31] + [c[17]])], {DZI: 1150}, two=True, tag="R1", q=q,
        put=[mline(DZI, "D2609011", 20, "RCV", "SP-1", c[1:21]), mline(DZI, "D2609011", 10, "RCV", "SP-2", c[21:31])])
    o2, rd2, _ = buy_simple(L_, t("2026-09-29 11:00"), SUP_YX,
        [rline(AMOX, "A2609207", "2026-09-07", "2028-09-06", 100, codes=a[1:101])], {AMOX: 860}, q=q,
        put=[mline(AMOX, "A2609207", 100, "RCV", "WH-A")])
    # S1 to H1: 10 DZI from SP-1 with c3 twice (11 entries), 20 AMOX with a5,a6 twice (22 entries)
    s1t = t("2026-10-09 09:00")
    ln1 = [(DZI, "D2609011", "2028-08-31", 10, 1480), (AMOX, "A2609207", "2028-09-06", 20, 1035)]
    s1 = sale(L_, s1t, H1, ln1); review(L_, s1t + D(minutes=30), s1, H1, ln1, two=True)
    codes1 = c[1:11] + [c[3]] if not refused else c[1:12]
    pd1, nD1 = dispatch(L_, s1t + D(hours=1), s1, H1, "杭州市西湖区人民医院 药剂科", addr(H1),
                        [mline(DZI, "D2609011", 10, "SP-1", codes=codes1), mline(AMOX, "A2609207", 20, "WH-A", codes=a[1:21] + [a[5], a[6]])], tag="D1")
    # S2 to H2: 5 DZI from SP-2, c24 twice and c25 missing
    s2t = t("2026-10-12 09:00")
    ln2 = [(DZI, "D2609011", "2028-08-31", 5, 1480)]
    s2 = sale(L_, s2t, H2, ln2); review(L_, s2t + D(minutes=30), s2, H2, ln2, two=True)
    pd2, nD2 = dispatch(L_, s2t + D(hours=1), s2, H2, "杭州市拱墅区中医院 药剂科", addr(H2),
                        [mline(DZI, "D2609011", 5, "SP-2", codes=[c[21], c[22], c[23], c[24], c[24]])], tag="D2")
    # return from H1 of 3 DZI: codes c1, c2, c2
    cust_return(L_, t("2026-10-13 14:00"), s1, H1, [mline(DZI, "D2609011", 3, None, None, [c[1], c[2], c[2]]) | {"to": "RET"}],
                "病区退药：3 支包装完好未使用", tag="RET1")
    for x in L_.events[-1]["data"]["lines"]: x.pop("from", None)
    # invoices (net of the return) and payments
    i1, t1, _ = invoice(L_, t("2026-10-14 15:00"), "sale", OWNER, H1, [(DZI, 7, 1480), (AMOX, 20, 1035)], {"sale": [s1], "delivery_note": [pd1]})
    i2, t2, _ = invoice(L_, t("2026-10-14 15:10"), "sale", OWNER, H2, [(DZI, 5, 1480)], {"sale": [s2], "delivery_note": [pd2]})
    q.add(t("2026-11-05 10:00"), lambda: payment(L_, t("2026-11-05 10:00"), "incoming", H1, OWNER, acc(H1), OWNER_ACC, t1, [i1]))
    q.add(t("2026-11-05 11:00"), lambda: payment(L_, t("2026-11-05 11:00"), "incoming", H2, OWNER, acc(H2), OWNER_ACC, t2, [i2]))
    # receipt D2 of 10 with e9 twice, e10 missing -> 9 distinct
    buy_simple(L_, t("2026-10-19 10:00"), SUP_SA,
        [rline(DZI, "D2610022", "2026-10-02", "2028-09-30", 10, codes=e[1:10] + [e[9]])], {DZI: 1150}, two=True, tag="R2", q=q,
        put=[mline(DZI, "D2610022", 9, "RCV", "SP-1", e[1:10])])
    stock_count(L_, t("2026-10-31 17:00"), "SP-1", [(DZI, "D2609011", 10), (DZI, "D2610022", 9)])
    stock_count(L_, t("2026-10-31 17:10"), "SP-2", [(DZI, "D2609011", 5)])
    stock_count(L_, t("2026-10-31 17:20"), "WH-A", [(AMOX, "A2609207", 80)])
    q.run()
    slug = "codes-listed-twice-beyond-quantity-accepted-and-quiet-short-lines-left-sp-2-came-in-at-ret-and-rcv"
    if refused:
        hdr = ["# 228r REFUSED-AT-APPEND: ledger 228 with one change: dispatch line %d lists 11 DIFFERENT codes (c1..c11) for a quantity of 10 地西泮注射液" % L_.tags["D1"]] + COMMON + [
               "# note: format.md OutLine.codes 'No more different codes than quantity'; README 'one bad line ... is reported as FILE:LINE: field `PATH`: message and nothing is appended'",
               "# expect: exit 2; message names this file, line %d and field `data.lines[0].codes`; the ledger stays empty" % L_.tags["D1"]]
        L_.write(OUT + "/refused", f"228r-more-different-codes-than-quantity-refused-at-append", hdr, [])
        return L_
    hdr = ["# 228 VIOLATION: 地西泮注射液 (psychotropic2) and 阿莫西林 (ordinary, coded): lines listing a code twice BEYOND their quantity are accepted and quiet (receipt %d: 31 entries / 30 arrived; dispatch %d: 11 entries / 10 and 22 entries / 20); short lines with a repeat: dispatch %d leaves SP-2 with 5 entries, 4 distinct; customer return %d comes in at RET with 3 entries, 2 distinct; receipt %d comes in at RCV with 10 entries, 9 distinct" % (L_.tags["R1"], L_.tags["D1"], L_.tags["D2"], L_.tags["RET1"], L_.tags["R2"])] + COMMON + [
           "# note: the 10th unit of receipt %d has no code and stays at RCV; the 9 coded units go to SP-1; counts at month end agree with the books" % L_.tags["R2"],
           "# note: expected sentences: SPECIAL-CHAIN %d 'left SP-2 with codes for 4 distinct units'; %d 'came in at RET' (2 distinct for 3); %d 'came in at RCV' (9 for 10)" % (L_.tags["D2"], L_.tags["RET1"], L_.tags["R2"]),
           "# why: CHANGELOG Round 17 'A line may list a code twice beyond its quantity ... Only more different codes than the quantity is refused now'; 'SPECIAL-CHAIN says where a short line came in or left from'; rules.md SPECIAL-CHAIN 'A unit listed twice on one record ... counts once'"]
    L_.write(OUT, f"228-{slug}", hdr, [f"SPECIAL-CHAIN {L_.tags[k]}" for k in ("D2", "RET1", "R2")])
    return L_

GS = "\x1d"
GT_EST = gtin14("0694512340021")   # 艾司唑仑片 by GTIN
GT_AMX = gtin14("0694512340005")
def gs1_raw(gtin, exp, batch, serial): return f"]d201{gtin}17{exp}10{batch}{GS}21{serial}"
def gs1_br(gtin, exp, batch, serial): return f"(01){gtin}(17){exp}(10){batch}(21){serial}"

def build_229():
    L_ = L("229", OWNER, 229)
    owner_event(L_, t("2026-09-28 08:30"))
    w = t("2026-09-28 08:30")
    ESCN = "杭州\x1b[0m安康大药房连锁有限公司"
    for p in (SUP_SA, SUP_YX, H1, H2):
        w += D(minutes=2); reg_party(L_, w, p)
    w += D(minutes=2)
    party(L_, w, RC1, ESCN, "retail_chain", "customer", "浙DA5710391", "drug_retail", ["chemical", "tcm_patent"], acc(RC1), "浙江",
          addr(RC1), valid_from="2021-10-11", valid_to="2026-10-10")
    w += D(minutes=2)
    product(L_, w, GT_EST, "艾司唑仑片", "片剂", "1mg×20片/盒", "四川蜀安制药有限公司", "国药准字H51020911", "psychotropic2", "psychotropic2", "ambient", "盒")
    w += D(minutes=2)
    product(L_, w, GT_AMX, "阿莫西林胶囊", "胶囊剂", "0.5g×24粒/盒", "杭州远信制药有限公司", "国药准字H33020419", "chemical", "none", "ambient", "盒")
    for z in ("SP-1", "WH-A"):
        w += D(minutes=2); zone(L_, w, z, "ambient")
    q = Q()
    raw = [None] + [gs1_raw(GT_EST, "280831", "E2609A", f"S{i:06d}") for i in range(1, 21)]
    br = [None] + [gs1_br(GT_EST, "280831", "E2609A", f"S{i:06d}") for i in range(1, 21)]
    buy_simple(L_, t("2026-09-29 10:00"), SUP_SA, [rline(GT_EST, "E2609A", "2026-09-01", "2028-08-31", 20, codes=raw[1:21])],
               {GT_EST: 2260}, two=True, tag="R1", q=q, put=[mline(GT_EST, "E2609A", 20, "RCV", "SP-1", br[1:21])])
    amx = [gs1_raw(GT_AMX, "280930", "A26091", f"{i:08d}") for i in range(1, 51)]
    bad = gs1_raw(GT_AMX[:-1] + str((int(GT_AMX[-1]) + 1) % 10), "280930", "A26091", "00000050")
    amx[49] = bad
    buy_simple(L_, t("2026-09-30 10:00"), SUP_YX, [rline(GT_AMX, "A26091", "2026-09-10", "2028-09-30", 50, codes=amx)],
               {GT_AMX: 1720}, tag="R2", q=q, put=[mline(GT_AMX, "A26091", 50, "RCV", "WH-A")])
    def sell(when, cust, lns, outl, tag, two=True):
        s = sale(L_, when, cust, lns, tag=tag + "S")
        review(L_, when + D(minutes=30), s, cust, lns, two=two)
        pd, n = dispatch(L_, when + D(hours=1), s, cust, "药剂科", addr(cust), outl, tag=tag)
        no, tot, _ = invoice(L_, when + D(hours=5), "sale", OWNER, cust, [(p, qq, pr) for p, b, e, qq, pr in lns], {"sale": [s], "delivery_note": [pd]})
        q.add(when + D(days=20), lambda: payment(L_, when + D(days=20), "incoming", cust, OWNER, acc(cust), OWNER_ACC, tot, [no]))
    sell(t("2026-10-08 09:00"), H1, [(GT_EST, "E2609A", "2028-08-31", 8, 2850)], [mline(GT_EST, "E2609A", 8, "SP-1", codes=raw[1:9])], "D1")
    sell(t("2026-10-12 09:00"), H2, [(GT_EST, "E2609A", "2028-08-31", 4, 2850)], [mline(GT_EST, "E2609A", 4, "SP-1", codes=[raw[9], raw[10], raw[11], raw[5]])], "D2")
    sell(t("2026-10-20 09:00"), RC1, [(GT_AMX, "A26091", "2028-09-30", 10, 2150)], [mline(GT_AMX, "A26091", 10, "WH-A")], "D3", two=False)
    stock_count(L_, t("2026-10-31 17:00"), "SP-1", [(GT_EST, "E2609A", 8)])
    q.run()
    tg = L_.tags
    hdr = ["# 229 VIOLATION: GS1 codes with a group separator (U+001D, raw after ]d2) on 艾司唑仑片 (psychotropic2, registered by GTIN %s) and 阿莫西林 (GTIN %s); a customer name holding a terminal escape sequence (ESC [0m)" % (GT_EST, GT_AMX)] + COMMON + [
           "# note: receipt %d scans the units raw (]d2 01..17..10E2609A<GS>21S0000nn); put-away lists the same units bracketed: same units (GTIN + serial), quiet" % tg["R1"],
           "# note: dispatch %d re-ships raw unit S000005, already shipped by dispatch %d -> CODE-DUP; the fact 'code' must hold the raw U+001D verbatim, the sentence show <GS>" % (tg["D2"], tg["D1"]),
           "# note: receipt %d: one 阿莫西林 code has a wrong GTIN check digit (and a GS) -> CODE-FORMAT, code shown with <GS> in the sentence and verbatim in the fact" % tg["R2"],
           "# note: sale %d to the chain whose drug_retail licence ended 2026-10-10 -> CUS-LIC; its name carries ESC[0m, which the text output must show as <U+001B>[0m, never raw" % tg["D3S"],
           "# note: expected no SPECIAL-CHAIN at %d (4 units, 4 distinct codes; the re-shipped unit is CODE-DUP's matter)" % tg["D2"],
           "# why: CHANGELOG Round 17 'Scanned codes are kept verbatim in the JSON facts; sentences show control characters visibly ... This holds for every text fact'; rules.md CODE-DUP, CODE-FORMAT, CUS-LIC"]
    L_.write(OUT, "229-gs1-group-separator-codes-raw-and-bracketed-code-dup-and-code-format-with-gs-customer-name-with-escape-sequence", hdr,
             [f"CODE-FORMAT {tg['R2']}", f"CODE-DUP {tg['D2']}", f"CUS-LIC {tg['D3S']}"])

def build_230():
    L_ = L("230", OWNER, 230)
    master(L_, t("2026-09-28 08:30"), [SUP_SA, H1], [MOR], [("SP-1", "ambient"), ("SP-2", "ambient")])
    q = Q()
    m = [None] + [zsm("8102318", 26080000 + i) for i in range(1, 31)]
    n_ = [None] + [zsm("8102318", 26100000 + i) for i in range(1, 11)]
    buy_simple(L_, t("2026-09-29 10:00"), SUP_SA, [rline(MOR, "M2608201", "2026-08-20", "2029-08-19", 30, codes=m[1:31])],
               {MOR: 312}, two=True, q=q, put=[mline(MOR, "M2608201", 30, "RCV", "SP-1", m[1:31])])
    transfer(L_, t("2026-10-05 09:00"), "relocation", [mline(MOR, "M2608201", 6, "SP-1", "SP-2", m[1:6])], tag="T1")
    def sell(when, qty, frm, codes, tag):
        ln = [(MOR, "M2608201", "2029-08-19", qty, 398)]
        s = sale(L_, when, H1, ln, tag=tag + "S")
        review(L_, when + D(minutes=30), s, H1, ln, two=True)
        pd, _ = dispatch(L_, when + D(hours=1), s, H1, "杭州市西湖区人民医院 药剂科", addr(H1), [mline(MOR, "M2608201", qty, frm, codes=codes)], tag=tag)
        no, tot, _ = invoice(L_, when + D(hours=5), "sale", OWNER, H1, [(MOR, qty, 398)], {"sale": [s], "delivery_note": [pd]})
        return s, no, tot
    s1, i1, t1 = sell(t("2026-10-08 09:00"), 4, "SP-2", m[1:5], "D1")
    s2, i2, t2 = sell(t("2026-10-09 09:00"), 2, "SP-1", [m[5], m[7]], "D2")
    cust_return(L_, t("2026-10-12 10:00"), s1, H1, [{"product": MOR, "batch": "M2608201", "quantity": 2, "to": "RET", "codes": [m[1], m[2]]}], "病区退回：患者转院，2 支未使用", tag="RET1")
    transfer(L_, t("2026-10-12 15:00"), "quarantine", [mline(MOR, "M2608201", 2, "RET", "QA", [m[1], m[2]])])
    cust_return(L_, t("2026-10-14 10:00"), s2, H1, [{"product": MOR, "batch": "M2608201", "quantity": 1, "to": "RET"}], "病区退回 1 支，追溯码标签破损未能扫描", tag="RET2")
    c1, ct1, _ = invoice(L_, t("2026-10-14 15:00"), "sale", OWNER, H1, [(MOR, 2, 398)], {"sale": [s1]}, credit_for=i1)
    c2, ct2, _ = invoice(L_, t("2026-10-14 15:10"), "sale", OWNER, H1, [(MOR, 1, 398)], {"sale": [s2]}, credit_for=i2)
    L_.ev("destruction", t("2026-10-20 10:00"), {"doc": L_.doc("XH", t("2026-10-20 10:00")), "reason": "医疗机构退回麻醉药品，按规定销毁", "method": "焚烧",
          "lines": [{"product": MOR, "batch": "M2608201", "quantity": 2, "from": "QA", "codes": [m[1]]}],
          "supervisors": ["杭州市西湖区市场监督管理局 执法人员 何立", "杭州市西湖区市场监督管理局 执法人员 方婷"]}, by=["质管-周敏", "保管-赵磊"], tag="X1")
    buy_simple(L_, t("2026-10-21 10:00"), SUP_SA, [rline(MOR, "M2610052", "2026-10-05", "2029-10-04", 10, codes=n_[1:10])],
               {MOR: 312}, two=True, tag="R2", q=q, put=[mline(MOR, "M2610052", 9, "RCV", "SP-1", n_[1:10])])
    payment(L_, t("2026-10-28 10:00"), "incoming", H1, OWNER, acc(H1), OWNER_ACC, t1 + t2 - ct1 - ct2, [i1, c1, i2, c2])
    stock_count(L_, t("2026-10-31 17:00"), "SP-1", [(MOR, "M2608201", 22), (MOR, "M2610052", 9)])
    stock_count(L_, t("2026-10-31 17:10"), "SP-2", [(MOR, "M2608201", 2)])
    q.run()
    tg = L_.tags
    hdr = ["# 230 VIOLATION: 盐酸吗啡注射液 custody chain broken at five places, each named by where the short line came in or left: transfer %d leaves SP-1 (6 units, 5 codes); dispatch %d from SP-1 lists a unit the ledger has at SP-2; destruction %d leaves QA (2 units, 1 code, supervised); customer return %d comes in at RET with no code; receipt %d comes in at RCV (10 units, 9 codes)" % (tg["T1"], tg["D2"], tg["X1"], tg["RET2"], tg["R2"])] + COMMON + [
           "# note: SPECIAL-CHANNEL satisfied: designated manufacturer -> regional wholesaler (us) -> seal-card hospital in 浙江 with its card on file; cash never used; returns credited by red-letter invoices and the hospital pays the net",
           "# note: dispatch %d (4 units from SP-2, codes m1..m4 moved there by %d) and return %d (2 coded) are quiet" % (tg["D1"], tg["T1"], tg["RET1"]),
           "# why: rules.md SPECIAL-CHAIN 'each movement line carries one code per unit, and a unit leaves from the location where the ledger last put it'; CHANGELOG Round 17 'SPECIAL-CHAIN says where a short line came in or left from ... and carries that location'"]
    L_.write(OUT, "230-special-chain-names-where-short-lines-came-in-or-left-transfer-sp-1-destruction-qa-return-ret-receipt-rcv-unit-at-sp-2", hdr,
             [f"SPECIAL-CHAIN {tg[k]}" for k in ("T1", "D2", "RET2", "X1", "R2")])

# =============================================================== TEMP-ZONE at receipts
def cold_trip(L_, vehicle, logger, shipped, arrived, seed):
    rds = readings(shipped - D(minutes=8), int((arrived - shipped).total_seconds() / 60) + 16, 4, lambda k: jitter(seed, k, 5.0, 1.2))
    return temp_upload(L_, arrived + D(minutes=20), logger, rds, vehicle=vehicle)

def build_231():
    L_ = L("231", OWNER, 231)
    master(L_, t("2026-09-28 08:30"), [SUP_TH, SUP_YX], [INS, IBU, AMC, ALB],
           [("CR-1", "cold"), ("CR-2", "cold", (2.0, 10.0)), ("WH-C", "cool"), ("WH-A", "ambient")])
    q = Q()
    pr = {INS: 4650, IBU: 1290, AMC: 1850, ALB: 38500}
    V = "吉E·L0851冷"
    def coldbuy(day, rls, tag, seed):
        arr = day + D(days=1)
        shipped = arr - D(hours=20)
        tr = {"vehicle": V, "shipped_at": iso(shipped), "cold_chain": True}
        r = buy_simple(L_, day, SUP_TH, rls, pr, transport=tr, tag=tag, q=q)
        cold_trip(L_, V, "TL-0851", shipped, arr, seed)
        return r
    coldbuy(t("2026-10-05 14:00"), [rline(INS, "I2609114", "2026-09-11", "2028-09-10", 40, location="CR-1")], "R1", 1)
    coldbuy(t("2026-10-07 14:00"), [rline(INS, "I2609122", "2026-09-12", "2028-09-11", 30, location="CR-2")], "R2", 2)
    coldbuy(t("2026-10-09 14:00"), [rline(INS, "I2609130", "2026-09-13", "2028-09-12", 10, accepted=0, location="CR-2", reason="冷藏箱温度记录仪显示到货前超温，整批拒收")], "R3", 3)
    buy_simple(L_, t("2026-10-10 10:00"), SUP_YX, [rline(IBU, "B2609301", "2026-09-03", "2028-09-02", 200, location="WH-C")], pr, tag="R4", q=q)
    buy_simple(L_, t("2026-10-11 10:00"), SUP_YX, [rline(AMC, "K2609151", "2026-09-15", "2028-03-14", 100, location="CR-1")], pr, tag="R5", q=q)
    buy_simple(L_, t("2026-10-12 10:00"), SUP_YX, [rline(AMC, "K2609152", "2026-09-15", "2028-03-14", 60, location="WH-A")], pr, tag="R6", q=q)
    buy_simple(L_, t("2026-10-13 10:00"), SUP_TH, [rline(ALB, "S2608301", "2026-08-30", "2029-08-29", 20, location="WH-C"),
                                                   rline(ALB, "S2608302", "2026-08-30", "2029-08-29", 20, location="CR-1")], pr, tag="R7", q=q)
    buy_simple(L_, t("2026-10-14 10:00"), SUP_YX, [rline(IBU, "B2609302", "2026-09-03", "2028-09-02", 100, location="WH-A"),
                                                   rline(AMC, "K2609153", "2026-09-15", "2028-03-14", 50, location="WH-C")], pr, tag="R8", q=q)
    buy_simple(L_, t("2026-10-15 10:00"), SUP_YX, [rline(IBU, "B2609303", "2026-09-03", "2028-09-02", 30, location="CR-1"),
                                                   rline(AMC, "K2609154", "2026-09-15", "2028-03-14", 30, location="WH-A")], pr, tag="R9", q=q)
    o, rd, _ = buy_simple(L_, t("2026-10-16 10:00"), SUP_YX, [rline(IBU, "B2609304", "2026-09-03", "2028-09-02", 80, location="RCV")], pr, tag="R10", q=q)
    put_away(L_, t("2026-10-17 15:00"), o, rd, [mline(IBU, "B2609304", 80, "RCV", "WH-C")], tag="PA10")
    q.run()
    tg = L_.tags
    hdr = ["# 231 VIOLATION: TEMP-ZONE at receipts, both sides and at the range boundaries. Zones: CR-1 cold 2-8, CR-2 cold with explicit 2-10 (a pharmacy fridge), WH-C cool 0-20, WH-A ambient 10-30. Products: 门冬胰岛素 cold 2-8, 布洛芬 ambient 10-30, 阿莫西林克拉维酸钾 cool 0-20, 人血白蛋白 cool with explicit 2-25"] + COMMON + [
           "# note: quiet: %d insulin into CR-1 (equal range); %d insulin all rejected at CR-2 (accepted 0); %d cool product into CR-1 (2-8 inside 0-20); %d albumin line 2 into CR-1 (2-8 inside 2-25); %d both lines inside (ibuprofen WH-A, cool product WH-C 0-20 = 0-20); %d into RCV (unregistered)" % (tg["R1"], tg["R3"], tg["R5"], tg["R7"], tg["R8"], tg["R10"]),
           "# note: fires: %d insulin into CR-2 (10 > 8); %d ibuprofen into WH-C (0 < 10); %d cool product into WH-A (30 > 20); %d albumin line 1 into WH-C (0 < 2); %d two wrong lines (ibuprofen into CR-1, cool product into WH-A): two findings; put-away %d RCV -> WH-C (0 < 10)" % (tg["R2"], tg["R4"], tg["R6"], tg["R7"], tg["R9"], tg["PA10"]),
           "# note: cold receipts carry the supplier's cold truck with readings every 4 min from 8 min before shipping to 8 min after arrival, 3.8-6.2 C, uploaded 20 min after arrival",
           "# why: rules.md TEMP-ZONE 'accepted, put away or moved into a zone whose temperature range is not inside the product's required range ... A receipt line is judged by its location when it accepts anything ... an unregistered location (a staging area) is not judged'"]
    L_.write(OUT, "231-temp-zone-at-receipts-boundaries-equal-ranges-quiet-2-10-fridge-fires-cool-product-in-cold-room-quiet-explicit-2-25-two-wrong-lines", hdr,
             [f"TEMP-ZONE {tg[k]}" for k in ("R2", "R4", "R6", "R7", "R9", "R9", "PA10")])

exec(open(os.path.join(os.path.dirname(__file__), "build18b.py"), encoding="utf-8").read())

if __name__ == "__main__":
    build_226(); build_227(); build_228(); build_228(refused=True); build_229(); build_230(); build_231()
    build_232(); build_233(); build_234(); build_235()
    print("ok")
