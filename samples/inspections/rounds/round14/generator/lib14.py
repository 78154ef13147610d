"""Round 14 helpers: identifiers with valid check characters, time, CSV writers, master data.

Written from docs/ only (README.md, docs/import.md, docs/epcis.md, docs/format.md, docs/rules.md).
Standard library only. Deterministic.
"""
import csv, hashlib, io, json, os
from datetime import datetime, timedelta, timezone

BJ = timezone(timedelta(hours=8))
UTC = timezone.utc

# --- GB 32100-2015 unified social credit code -------------------------------------------
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

def uscc(s17):
    assert len(s17) == 17 and all(c in _USCC for c in s17), s17
    t = sum(_USCC.index(c) * w for c, w in zip(s17, _W))
    c = 31 - t % 31
    return s17 + _USCC[0 if c == 31 else c]

def uscc_ok(s):
    return len(s) == 18 and uscc(s[:17]) == s

# --- GS1 mod-10 (GTIN, 本位码 as in samples/erp) ---------------------------------------
def gs1_check(body):
    t = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - t % 10) % 10)

def gtin(body):
    return body + gs1_check(body)

def gtin_ok(s):
    return s[:-1] + gs1_check(s[:-1]) == s

# --- 数电票 number: YY + 2-digit province + channel + 15-digit sequence --------------------
def fapiao(yy, prov, seq, channel="2"):
    s = f"{yy:02d}{prov:02d}{channel}{seq:015d}"
    assert len(s) == 20
    return s

# --- time --------------------------------------------------------------------------------
def bj(s):
    """'2026-11-03 09:30[:ss]' in Beijing time -> aware datetime"""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(s, fmt).replace(tzinfo=BJ)

def utc_s(dt):
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

def bj_s(dt):
    return dt.astimezone(BJ).strftime("%Y-%m-%dT%H:%M:%S+08:00")

def uuid7(dt, seed):
    ms = int(dt.timestamp() * 1000)
    h = hashlib.sha256(seed.encode()).digest()
    b = bytearray(ms.to_bytes(6, "big") + h[:10])
    b[6] = 0x70 | (b[6] & 0x0F)
    b[8] = 0x80 | (b[8] & 0x3F)
    x = b.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"

# --- writers -----------------------------------------------------------------------------
def write_csv(path, header, rows, encoding="utf-8", bom=False, crlf=True):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    for r in rows:
        if isinstance(r, dict):
            w.writerow([r.get(h, "") for h in header])
        else:
            w.writerow(r)
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)

def write_jsonl(path, events):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for e in events:
            f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")

def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)

def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")

# --- the world of round 14 ---------------------------------------------------------------
OWNER = uscc("91330108MA2KD5TX9")          # 浙江益康医药有限公司 (Hangzhou, Binjiang)
TIANHE = uscc("91330521147003628")         # 浙江天和制药有限公司 (Deqing, manufacturer)
RUIKANG = uscc("91370112MA3C4RK71")        # 山东瑞康药业有限公司 (Jinan, manufacturer)
HOSP = uscc("12330108470113258")           # 杭州市滨江区人民医院 (public hospital)
CHAIN = uscc("91330100MA2B1LX06")          # 杭州民生大药房连锁有限公司 (retail chain)
CHC = uscc("12330106MB1K60221")            # 杭州市西湖区翠苑街道社区卫生服务中心 (public)
HUAXIN = uscc("91330110MA28FK3N4")         # 杭州华信医药有限公司 (another wholesaler, case 04)

for _u in (OWNER, TIANHE, RUIKANG, HOSP, CHAIN, CHC, HUAXIN):
    assert uscc_ok(_u)

ACC = {
    OWNER: ("中国工商银行杭州高新支行", "1202021209900418326"),
    TIANHE: ("中国建设银行德清支行", "33050164863500000281"),
    RUIKANG: ("中国银行济南高新支行", "235640127815"),
    HOSP: ("中国农业银行杭州滨江支行", "19033101040012873"),
    CHAIN: ("招商银行杭州分行营业部", "571908765410802"),
    CHC: ("杭州银行西湖支行", "3301040160008765421"),
    HUAXIN: ("中国工商银行杭州半山支行", "1202020509900566718"),
}

P_AMX = gtin("8693302411521")    # 阿莫西林胶囊 0.25g×24粒/盒 (本位码, GS1 check as samples/erp)
P_CEF = gtin("8693302411538")    # 头孢呋辛酯片 0.25g×12片/盒
P_MET = gtin("8693701226048")    # 盐酸二甲双胍缓释片 0.5g×30片/盒
P_DS = gtin("8693302410043")     # 复方丹参片 0.32g×60片/瓶
G_IBU = gtin("0697123450001")    # 布洛芬缓释胶囊 (GTIN-14, EPCIS cases)
G_MTS = gtin("0697123450002")    # 蒙脱石散 (GTIN-14, EPCIS cases)

NAMES = {
    OWNER: "浙江益康医药有限公司", TIANHE: "浙江天和制药有限公司", RUIKANG: "山东瑞康药业有限公司",
    HOSP: "杭州市滨江区人民医院", CHAIN: "杭州民生大药房连锁有限公司",
    CHC: "杭州市西湖区翠苑街道社区卫生服务中心", HUAXIN: "杭州华信医药有限公司",
    P_AMX: "阿莫西林胶囊", P_CEF: "头孢呋辛酯片", P_MET: "盐酸二甲双胍缓释片", P_DS: "复方丹参片",
    G_IBU: "布洛芬缓释胶囊", G_MTS: "蒙脱石散",
}
SPEC = {P_AMX: "0.25g×24粒/盒", P_CEF: "0.25g×12片/盒", P_MET: "0.5g×30片/盒", P_DS: "0.32g×60片/瓶",
        G_IBU: "0.3g×20粒/盒", G_MTS: "3g×10袋/盒"}

class Master:
    """Master data events (JSON Lines, format v2), ids UUID v7 of entered_at."""
    def __init__(self, seed, start="2026-10-20 09:00"):
        self.seed = seed
        self.t = bj(start)
        self.events = []
        self.n = 0

    def _ev(self, kind, data):
        self.n += 1
        occ = self.t
        ent = occ + timedelta(minutes=3)
        self.t += timedelta(minutes=2)
        e = {"v": 2, "id": uuid7(ent, f"{self.seed}-{self.n}"), "kind": kind,
             "occurred_at": bj_s(occ), "entered_at": bj_s(ent), "recorded_by": ["质管-钱芳"], "data": data}
        self.events.append(e)
        return e

    def party(self, pid, kind, relation, licence, scope, province, address, public=False, special=None, accounts=None):
        d = {"party": pid, "name": NAMES[pid], "kind": kind, "relation": relation, "licence": licence,
             "scope": scope, "accounts": accounts if accounts is not None else [{"bank": ACC[pid][0], "number": ACC[pid][1]}],
             "province": province, "address": address}
        if special:
            d["special"] = special
        if public:
            d["public_hospital"] = True
        return self._ev("party_registered", d)

    def product(self, pid, form, approval, maker, category="chemical", storage="ambient", rx=True, unit="盒"):
        return self._ev("product_registered", {
            "product": pid, "generic_name": NAMES[pid], "form": form, "spec": SPEC[pid],
            "manufacturer": maker, "approval_number": approval, "category": category, "control": "none",
            "storage": storage, "rx": rx, "unit": unit})

    def zone(self, z, storage, sensors=None):
        d = {"zone": z, "storage": storage}
        if sensors:
            d["sensors"] = sensors
        return self._ev("zone_registered", d)

def lic(number, kind, a, b):
    return {"number": number, "kind": kind, "valid_from": a, "valid_to": b}

ADDR = {
    OWNER: ("浙江", "浙江省杭州市滨江区江陵路 1888 号"),
    TIANHE: ("浙江", "浙江省湖州市德清县阜溪街道科源路 19 号"),
    RUIKANG: ("山东", "山东省济南市高新区舜华路 2001 号"),
    HOSP: ("浙江", "浙江省杭州市滨江区江汉路 1509 号"),
    CHAIN: ("浙江", "浙江省杭州市拱墅区湖州街 168 号"),
    CHC: ("浙江", "浙江省杭州市西湖区翠苑一区 33 号"),
    HUAXIN: ("浙江", "浙江省杭州市拱墅区半山路 256 号"),
}

def std_master(seed, start="2026-10-20 09:00", chc_licence=None, ruikang_licence=None, extra=None,
               products=(P_AMX, P_CEF, P_MET), zones=(("WH-A", "ambient", None),), chain_licence=None):
    """The owner, its suppliers and customers, products and zones."""
    m = Master(seed, start)
    m.party(OWNER, "wholesaler", "self", lic("浙AA5710452", "drug_wholesale", "2024-03-01", "2029-02-28"),
            ["chemical", "tcm_patent", "biological", "cold_chain"], *ADDR[OWNER])
    m.party(TIANHE, "manufacturer", "supplier", lic("浙20000211", "drug_manufacturing", "2025-06-01", "2030-05-31"),
            ["chemical", "tcm_patent"], *ADDR[TIANHE])
    m.party(RUIKANG, "manufacturer", "supplier",
            ruikang_licence or lic("鲁20160088", "drug_manufacturing", "2021-01-01", "2030-12-31"),
            ["chemical"], *ADDR[RUIKANG])
    m.party(HOSP, "medical_institution", "customer",
            lic("47011325833010811A1001", "medical_institution", "2022-06-01", "2027-05-31"),
            ["chemical", "tcm_patent", "biological", "cold_chain"], *ADDR[HOSP], public=True)
    m.party(CHAIN, "retail_chain", "customer", chain_licence or lic("浙CA5710118", "drug_retail", "2024-01-01", "2028-12-31"),
            ["chemical", "tcm_patent", "biological"], *ADDR[CHAIN])
    m.party(CHC, "medical_institution", "customer",
            chc_licence or lic("PDY60221233010617D2122", "medical_institution", "2021-12-01", "2026-11-30"),
            ["chemical", "tcm_patent"], *ADDR[CHC], public=True)
    if extra:
        extra(m)
    forms = {P_AMX: ("胶囊剂", "国药准字H33020436", TIANHE), P_CEF: ("片剂", "国药准字H33020587", TIANHE),
             P_MET: ("片剂（缓释）", "国药准字H20103512", RUIKANG), P_DS: ("片剂", "国药准字Z33020112", TIANHE),
             G_IBU: ("胶囊剂（缓释）", "国药准字H33022870", TIANHE), G_MTS: ("散剂", "国药准字H33021943", TIANHE)}
    for p in products:
        f, a, mk = forms[p]
        cat = "tcm_patent" if p == P_DS else "chemical"
        m.product(p, f, a, mk, category=cat, rx=p in (P_AMX, P_CEF, P_MET),
                  unit="瓶" if p == P_DS else "盒")
    for z, st, sens in zones:
        m.zone(z, st, sens)
    return m

def money(minor, style=0):
    """an amount in fen as an ERP writes it"""
    y = f"{minor // 100:,}.{minor % 100:02d}"
    plain = f"{minor // 100}.{minor % 100:02d}"
    return [plain, y, "¥" + y, y + "元", "￥" + plain][style]
