"""Round 24 generator library: deterministic event builder for rxledger inspection ledgers.

Standard library only. Written from docs/format.md and docs/rules.md.
"""
import hashlib, json, datetime as dt, os

BJ = dt.timezone(dt.timedelta(hours=8))
UTC = dt.timezone.utc


def t(s):
    """'2026-10-08 09:00' or '2026-10-08 09:00:01' (Beijing) -> aware datetime (+08:00)."""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    return dt.datetime.strptime(s, fmt).replace(tzinfo=BJ)


def tz(s):
    """UTC literal '2026-10-08T01:00:00Z' -> aware datetime."""
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def rfc(d, utc=False):
    if utc:
        d = d.astimezone(UTC)
        s = d.strftime("%Y-%m-%dT%H:%M:%S")
        if d.microsecond:
            s += (".%06d" % d.microsecond).rstrip("0")
        return s + "Z"
    d = d.astimezone(BJ)
    s = d.strftime("%Y-%m-%dT%H:%M:%S")
    if d.microsecond:
        s += (".%06d" % d.microsecond).rstrip("0")
    return s + "+08:00"


def money(minor):
    return {"minor": int(minor), "currency": "CNY"}


# ---------------------------------------------------------------- check characters
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_check(code8):
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * wi for c, wi in zip(code8, w))
    c = 11 - s % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc(dept_type, area, org8):
    """GB 32100 unified social credit code with GB 11714 organisation code check."""
    body = dept_type + area + org8 + org_check(org8)
    assert len(body) == 17 and all(c in USCC_CHARS for c in body), body
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_W))
    c = 31 - s % 31
    return body + USCC_CHARS[0 if c == 31 else c]


def gs1_check(digits):
    s = 0
    for i, c in enumerate(reversed(digits)):
        s += int(c) * (3 if i % 2 == 0 else 1)
    return str((10 - s % 10) % 10)


def gtin14(body13):
    return body13 + gs1_check(body13)


def code20(prefix7, serial9):
    """A 20-digit 追溯码: 7-digit product identifier, 9-digit serial, 4 digits derived."""
    base = "%s%09d" % (prefix7, serial9)
    h = int(hashlib.sha256(base.encode()).hexdigest(), 16) % 10000
    return base + "%04d" % h


def codes20(prefix7, first, n):
    return [code20(prefix7, i) for i in range(first, first + n)]


# ---------------------------------------------------------------- UUID v7
def uuid7(ms, salt):
    h = hashlib.sha256(salt.encode()).digest()
    rand_a = int.from_bytes(h[0:2], "big") & 0x0FFF
    rand_b = int.from_bytes(h[2:10], "big") & ((1 << 62) - 1)
    v = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    x = "%032x" % v
    return "%s-%s-%s-%s-%s" % (x[0:8], x[8:12], x[12:16], x[16:20], x[20:32])


# ---------------------------------------------------------------- world: parties and products
AREA_HZ = "330106"


def _party(key, name, kind, relation, id_, licence, scope, account, province, address,
           special=None, public=False):
    return dict(key=key, party=id_, name=name, kind=kind, relation=relation, licence=licence,
                scope=scope, accounts=[account] if account else [], province=province,
                address=address, special=special, public_hospital=public)


ALL_SCOPE = ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2",
             "medical_toxic", "radioactive", "precursor", "compound_ephedrine", "cold_chain"]

PARTIES = {}


def P(key, **kw):
    PARTIES[key] = _party(key, **kw)
    return PARTIES[key]


P("O", name="浙江禾康医药有限公司", kind="wholesaler", relation="self",
  id_=uscc("91", "330106", "MA2KH7Q3"),
  licence=dict(number="浙AA5710824", kind="drug_wholesale", valid_from="2023-05-01", valid_to="2028-04-30"),
  scope=ALL_SCOPE, account=dict(bank="中国工商银行杭州古荡支行", number="1202024509900512781"),
  province="浙江", address="浙江省杭州市西湖区古墩路 701 号",
  special=dict(designation="regional_wholesaler", valid_to="2028-04-30"))
P("M1", name="杭州康恩制药有限公司", kind="manufacturer", relation="supplier",
  id_=uscc("91", "330110", "14395827"),
  licence=dict(number="浙20000157", kind="drug_manufacturing", valid_from="2025-01-01", valid_to="2029-12-31"),
  scope=["chemical", "tcm_patent", "compound_ephedrine"], account=dict(bank="中国银行杭州余杭支行", number="359758391044"),
  province="浙江", address="浙江省杭州市余杭区五常大道 181 号")
P("M2", name="浙江天目堂药业有限公司", kind="manufacturer", relation="supplier",
  id_=uscc("91", "330185", "70428561"),
  licence=dict(number="浙20000263", kind="drug_manufacturing", valid_from="2024-07-01", valid_to="2029-06-30"),
  scope=["tcm_patent", "chemical"], account=dict(bank="浙江临安农村商业银行锦城支行", number="201000123456789"),
  province="浙江", address="浙江省杭州市临安区锦城街道天目路 66 号")
P("MN", name="宜昌安康药业有限公司", kind="manufacturer", relation="supplier",
  id_=uscc("91", "420500", "17921553"),
  licence=dict(number="鄂20160047", kind="drug_manufacturing", valid_from="2025-01-01", valid_to="2030-12-31"),
  scope=["chemical", "narcotic", "psychotropic1"], account=dict(bank="中国建设银行宜昌西陵支行", number="42001616708050012345"),
  province="湖北", address="湖北省宜昌市西陵区东山大道 95 号",
  special=dict(designation="designated_manufacturer", valid_to="2030-12-31"))
P("M3", name="江苏徐安制药有限公司", kind="manufacturer", relation="supplier",
  id_=uscc("91", "320300", "13478902"),
  licence=dict(number="苏20000412", kind="drug_manufacturing", valid_from="2024-03-01", valid_to="2029-02-28"),
  scope=["chemical", "psychotropic1", "psychotropic2"], account=dict(bank="中国农业银行徐州泉山支行", number="10360101040009876"),
  province="江苏", address="江苏省徐州市泉山区矿山路 18 号",
  special=dict(designation="designated_manufacturer", valid_to="2029-02-28"))
P("MP", name="山西晋安药业有限公司", kind="manufacturer", relation="supplier",
  id_=uscc("91", "140100", "11023456"),
  licence=dict(number="晋20000031", kind="drug_manufacturing", valid_from="2025-06-01", valid_to="2030-05-31"),
  scope=["chemical", "precursor"], account=dict(bank="中国工商银行太原并州支行", number="0502123409024012345"),
  province="山西", address="山西省太原市小店区并州南路 22 号")
P("MR", name="四川核源同位素药业有限公司", kind="manufacturer", relation="supplier",
  id_=uscc("91", "510100", "20261888"),
  licence=dict(number="川20000456", kind="drug_manufacturing", valid_from="2024-09-01", valid_to="2029-08-31"),
  scope=["radioactive"], account=dict(bank="中国银行成都高新支行", number="128777654321"),
  province="四川", address="四川省成都市高新区科园南路 7 号")
P("W1", name="浙江华通医药有限公司", kind="wholesaler", relation="supplier",
  id_=uscc("91", "330102", "MA27WT5N"),
  licence=dict(number="浙AA5710066", kind="drug_wholesale", valid_from="2024-01-01", valid_to="2028-12-31"),
  scope=["chemical", "tcm_patent", "compound_ephedrine"], account=dict(bank="杭州银行庆春支行", number="3301040160001234567"),
  province="浙江", address="浙江省杭州市上城区庆春路 225 号")
P("M4", name="安徽济和制药有限公司", kind="manufacturer", relation="supplier",
  id_=uscc("91", "340100", "14902381"),
  licence=dict(number="皖20000199", kind="drug_manufacturing", valid_from="2025-03-01", valid_to="2030-02-28"),
  scope=["chemical"], account=dict(bank="徽商银行合肥庐阳支行", number="1020301021000456789"),
  province="安徽", address="安徽省合肥市庐阳区阜阳北路 505 号")
P("W2", name="浙江新康医药有限公司", kind="wholesaler", relation="supplier",
  id_=uscc("91", "330105", "MA2H9N4C"),
  licence=dict(number="浙AA5710911", kind="drug_wholesale", valid_from="2026-12-01", valid_to="2031-11-30"),
  scope=["chemical", "tcm_patent"], account=dict(bank="招商银行杭州城西支行", number="571912345610808"),
  province="浙江", address="浙江省杭州市拱墅区莫干山路 1177 号")

P("H1", name="杭州市第一人民医院", kind="medical_institution", relation="customer",
  id_=uscc("12", "330100", "47008912"),
  licence=dict(number="PDY00001233010315A1001", kind="medical_institution", valid_from="2022-01-01", valid_to="2031-12-31"),
  scope=ALL_SCOPE, account=dict(bank="中国农业银行杭州上城支行", number="19030101040012345"),
  province="浙江", address="浙江省杭州市上城区浣纱路 261 号",
  special=dict(designation="seal_card_holder", seal_card="浙杭麻印〔2024〕0031", valid_to="2028-12-31"), public=True)
P("H2", name="杭州市西溪医院", kind="medical_institution", relation="customer",
  id_=uscc("12", "330100", "47009140"),
  licence=dict(number="PDY00001433010615A1001", kind="medical_institution", valid_from="2022-07-01", valid_to="2032-06-30"),
  scope=ALL_SCOPE, account=dict(bank="中国建设银行杭州西溪支行", number="33050161622700001234"),
  province="浙江", address="浙江省杭州市西湖区横埠街 2 号",
  special=dict(designation="seal_card_holder", seal_card="浙杭麻印〔2024〕0047", valid_to="2028-06-30"), public=True)
P("H3", name="杭州和睦医院有限公司", kind="medical_institution", relation="customer",
  id_=uscc("91", "330105", "MA2B8R1K"),
  licence=dict(number="PDY00052633010515D1002", kind="medical_institution", valid_from="2023-04-01", valid_to="2028-03-31"),
  scope=["chemical", "tcm_patent", "psychotropic2", "precursor", "compound_ephedrine"],
  account=dict(bank="中信银行杭州分行营业部", number="8110801012345678901"),
  province="浙江", address="浙江省杭州市拱墅区和睦路 400 号")
P("H4", name="拉萨市人民医院", kind="medical_institution", relation="customer",
  id_=uscc("12", "540100", "47010231"),
  licence=dict(number="PDY00000154010215A1001", kind="medical_institution", valid_from="2021-01-01", valid_to="2030-12-31"),
  scope=["chemical", "tcm_patent", "biological"], account=dict(bank="中国农业银行拉萨城关支行", number="25010101040000123"),
  province="西藏", address="西藏自治区拉萨市城关区北京中路 1 号", public=True)
P("H5", name="杭州市拱宸医院", kind="medical_institution", relation="customer",
  id_=uscc("12", "330100", "47011245"),
  licence=dict(number="PDY00002133010515A1001", kind="medical_institution", valid_from="2022-03-01", valid_to="2032-02-29"),
  scope=["chemical", "tcm_patent", "psychotropic2", "compound_ephedrine"],
  account=dict(bank="中国工商银行杭州拱宸桥支行", number="1202020509900098765"),
  province="浙江", address="浙江省杭州市拱墅区登云路 58 号", public=True)
P("H6", name="杭州滨江康复医院有限公司", kind="medical_institution", relation="customer",
  id_=uscc("91", "330108", "MA2CK5P0"),
  licence=dict(number="PDY00077133010815D1001", kind="medical_institution", valid_from="2024-01-01", valid_to="2029-12-31"),
  scope=["chemical", "tcm_patent", "psychotropic2"], account=dict(bank="宁波银行杭州滨江支行", number="71040122000876543"),
  province="浙江", address="浙江省杭州市滨江区江南大道 3888 号")
P("C1", name="杭州九洲大药房连锁有限公司", kind="retail_chain", relation="customer",
  id_=uscc("91", "330104", "MA28U7M2"),
  licence=dict(number="浙CA5710333", kind="drug_retail", valid_from="2024-05-01", valid_to="2029-04-30"),
  scope=["chemical", "tcm_patent", "compound_ephedrine"], account=dict(bank="中国银行杭州江干支行", number="368962013456"),
  province="浙江", address="浙江省杭州市上城区九堡大道 1800 号")
P("C2", name="浙江百姓缘大药房连锁有限公司", kind="retail_chain", relation="customer",
  id_=uscc("91", "330109", "MA2D3E8F"),
  licence=dict(number="浙CA5710458", kind="drug_retail", valid_from="2023-09-01", valid_to="2028-08-31"),
  scope=["chemical", "tcm_patent", "compound_ephedrine"], account=dict(bank="浙商银行萧山支行", number="3310010910120100012345"),
  province="浙江", address="浙江省杭州市萧山区市心中路 819 号")
P("K1", name="杭州市西湖区北山街道社区卫生服务中心", kind="medical_institution", relation="customer",
  id_=uscc("12", "330106", "47013307"),
  licence=dict(number="PDY00031233010615B1001", kind="medical_institution", valid_from="2022-01-01", valid_to="2031-12-31"),
  scope=["chemical", "tcm_patent"], account=dict(bank="杭州联合农村商业银行西湖支行", number="201000876543210"),
  province="浙江", address="浙江省杭州市西湖区曙光路 9 号", public=True)
P("Q1", name="杭州仁心诊所有限公司", kind="medical_institution", relation="customer",
  id_=uscc("91", "330106", "MA2J4W6T"),
  licence=dict(number="PDY00099933010617D1001", kind="medical_institution", valid_from="2024-06-01", valid_to="2029-05-31"),
  scope=["chemical", "tcm_patent"], account=dict(bank="中国民生银行杭州文三支行", number="631234567"),
  province="浙江", address="浙江省杭州市西湖区文三路 90 号")


def prod(key, code13, name, form, spec, mfr, appr, cat, control, storage, unit, rx=True):
    return dict(key=key, product=gtin14(code13), generic_name=name, form=form, spec=spec,
                manufacturer=PARTIES[mfr]["name"], approval_number=appr, category=cat,
                control=control, storage=storage, rx=rx, unit=unit, mfr=mfr)


PRODUCTS = {}
for p in [
    prod("A", "8690123400013", "阿莫西林胶囊", "胶囊剂", "0.25g×24粒/盒", "M1", "国药准字H33020011", "chemical", "none", "ambient", "盒"),
    prod("B", "8690123400027", "头孢克肟分散片", "片剂", "0.1g×6片/盒", "M1", "国药准字H20051234", "chemical", "none", "ambient", "盒"),
    prod("C", "8690123400034", "头孢呋辛酯片", "片剂", "0.25g×12片/盒", "M1", "国药准字H20063311", "chemical", "none", "ambient", "盒"),
    prod("G", "0690123456789", "阿托伐他汀钙片", "片剂", "20mg×7片/盒", "M1", "国药准字H20073456", "chemical", "none", "ambient", "盒"),
    prod("D", "8690123400041", "盐酸二甲双胍片", "片剂", "0.5g×48片/盒", "M1", "国药准字H33021234", "chemical", "none", "ambient", "盒"),
    prod("GL", "8690123400058", "格列美脲片", "片剂", "2mg×30片/盒", "M1", "国药准字H20084567", "chemical", "none", "ambient", "盒"),
    prod("K", "8690123400065", "头孢克洛胶囊", "胶囊剂", "0.25g×12粒/盒", "M1", "国药准字H20045678", "chemical", "none", "ambient", "盒"),
    prod("F", "8690223400012", "复方丹参滴丸", "滴丸剂", "27mg×180丸/瓶", "M2", "国药准字Z33020587", "tcm_patent", "none", "ambient", "瓶", rx=False),
    prod("SH", "8690223400029", "双黄连口服液", "合剂", "10ml×10支/盒", "M2", "国药准字Z33020612", "tcm_patent", "none", "cool", "盒", rx=False),
    prod("YX", "8690423400017", "银杏叶片", "片剂", "9.6mg×24片/盒", "M4", "国药准字Z34020188", "tcm_patent", "none", "ambient", "盒", rx=False),
    prod("E", "8690323400019", "艾司唑仑片", "片剂", "1mg×20片/盒", "M3", "国药准字H32020691", "chemical", "psychotropic2", "ambient", "盒"),
    prod("DZ", "8690323400026", "地西泮片", "片剂", "2.5mg×20片/盒", "M3", "国药准字H32020702", "psychotropic2", "psychotropic2", "ambient", "盒"),
    prod("MO", "8690523400015", "盐酸吗啡注射液", "注射剂", "1ml:10mg", "MN", "国药准字H42021234", "narcotic", "narcotic", "ambient", "支"),
    prod("PE", "8690623400011", "盐酸麻黄碱注射液", "注射剂", "1ml:30mg", "MP", "国药准字H14020765", "precursor", "precursor", "ambient", "支"),
    prod("RI", "8690723400017", "碘[131I]化钠口服溶液", "口服溶液剂", "370MBq/瓶", "MR", "国药准字H51023310", "radioactive", "radioactive", "ambient", "瓶"),
    prod("PSE", "8690123400072", "复方盐酸伪麻黄碱缓释胶囊", "胶囊剂", "10粒/盒", "M1", "国药准字H20045566", "compound_ephedrine", "compound_ephedrine", "ambient", "盒", rx=False),
]:
    PRODUCTS[p["key"]] = p
# 艾司唑仑 category: a psychotropic drug must be in scope psychotropic2
PRODUCTS["E"]["category"] = "psychotropic2"


# ---------------------------------------------------------------- ledger builder
class Ledger:
    def __init__(self, num, name, title):
        self.num, self.name, self.title = num, name, title
        self.items = []  # (occurred dt, idx, event, label, entered dt)
        self.counters = {}
        self.expect = []  # (rule, label, why)
        self.notes = []
        self.comments = []
        self.labels = {}

    # numbering -----------------------------------------------------------
    def docno(self, prefix, when):
        day = when.astimezone(BJ).strftime("%Y%m%d")
        k = (prefix, day)
        self.counters[k] = self.counters.get(k, 0) + 1
        return "%s%s%03d" % (prefix, day, self.counters[k])

    def invno(self, issuer_prov="33", kind="1"):
        k = ("INV", issuer_prov, kind)
        self.counters[k] = self.counters.get(k, 0) + 1
        return "26%s%03d%s%012d" % (issuer_prov, self.num, kind, self.counters[k])

    # core ------------------------------------------------------------------
    def add(self, kind, when, data, refs=None, by=None, label=None, entered=None, delay_s=300):
        ev = {"v": 2, "id": None, "kind": kind, "occurred_at": when, "entered_at": entered,
              "recorded_by": by or ["系统"], "data": data}
        if refs:
            ev["refs"] = {k: v for k, v in refs.items() if v}
        ent = entered if entered is not None else when + dt.timedelta(seconds=delay_s)
        self.items.append([when, len(self.items), ev, label, ent])
        return ev

    def finish(self):
        self.items.sort(key=lambda x: (x[0], x[1]))
        out = []
        for seq, (when, idx, ev, label, ent) in enumerate(self.items, 1):
            ms = int(ent.timestamp() * 1000)
            ev["id"] = uuid7(ms, "%d/%d" % (self.num, idx))
            ev["occurred_at"] = rfc(when) if not ev.get("_utc") else rfc(when, utc=True)
            ev["entered_at"] = rfc(ent) if not ev.get("_utc_entered") else rfc(ent, utc=True)
            ev.pop("_utc", None); ev.pop("_utc_entered", None)
            # canonical key order of the envelope
            e2 = {"v": 2, "id": ev["id"], "kind": ev["kind"], "occurred_at": ev["occurred_at"],
                  "entered_at": ev["entered_at"], "recorded_by": ev["recorded_by"]}
            if ev.get("refs"):
                e2["refs"] = ev["refs"]
            e2["data"] = ev["data"]
            out.append(e2)
            if label:
                assert label not in self.labels, label
                self.labels[label] = seq
        return out

    def write(self, outdir):
        evs = self.finish()
        base = os.path.join(outdir, "%d-%s" % (self.num, self.name))
        with open(base + ".jsonl", "w", encoding="utf-8") as f:
            for e in evs:
                f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
        lines = ["# %d %s" % (self.num, self.title)]
        for n in self.notes:
            lines.append("# note: " + self._sub(n))
        for c in self.comments:
            lines.append("# " + self._sub(c))
        exp = []
        for rule, label, why in self.expect:
            seq = self.labels[label]
            if why:
                lines.append("# why: %s %d: %s" % (rule, seq, self._sub(why)))
            exp.append((seq, rule))
        for seq, rule in sorted(exp):
            lines.append("%s %d" % (rule, seq))
        with open(base + ".expected", "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return base

    def _sub(self, s):
        # replace @label@ by its seq
        import re
        return re.sub(r"@([A-Za-z0-9_.-]+)@", lambda m: str(self.labels[m.group(1)]), s)

    def exp(self, rule, label, why=""):
        self.expect.append((rule, label, why))

    def seq(self, label):
        return self.labels[label]

    # master data -------------------------------------------------------------
    def master(self, when, parties, products, zones, owner="O", overrides=None):
        overrides = overrides or {}
        k = 0
        for key in [owner] + [p for p in parties if p != owner]:
            pa = dict(PARTIES[key]); pa.update(overrides.get(key, {}))
            d = {"party": pa["party"], "name": pa["name"], "kind": pa["kind"], "relation": pa["relation"],
                 "licence": pa["licence"], "scope": pa["scope"], "accounts": pa["accounts"],
                 "province": pa["province"], "address": pa["address"]}
            if pa.get("special"):
                d["special"] = pa["special"]
            if pa.get("public_hospital"):
                d["public_hospital"] = True
            self.add("party_registered", when + dt.timedelta(minutes=k), d, by=["质管-周敏"])
            k += 1
        for key in products:
            pr = PRODUCTS[key]
            d = {x: pr[x] for x in ["product", "generic_name", "form", "spec", "manufacturer", "approval_number",
                                    "category", "control", "storage"]}
            d["rx"] = pr["rx"]; d["unit"] = pr["unit"]
            self.add("product_registered", when + dt.timedelta(minutes=k), d, by=["质管-周敏"])
            k += 1
        for z in zones:
            zd = {"zone": z[0], "storage": z[1]}
            if len(z) > 2 and z[2]:
                zd["sensors"] = z[2]
            self.add("zone_registered", when + dt.timedelta(minutes=k), zd, by=["质管-周敏"])
            k += 1

    # business ------------------------------------------------------------------
    def pid(self, key):
        return PARTIES[key]["party"]

    def gid(self, key):
        return PRODUCTS[key]["product"]

    def purchase(self, when, sup, lines, label=None, doc=None):
        doc = doc or self.docno("CG", when)
        d = {"doc": doc, "supplier": self.pid(sup),
             "lines": [{"product": self.gid(p), "quantity": q, "unit_price": money(pr)} for p, q, pr in lines]}
        self.add("purchase", when, d, by=["采购-李明"], label=label)
        return doc

    def receipt(self, when, sup, orders, lines, dn=None, acceptors=None, label=None, doc=None, transport=None):
        """lines: dict(p, batch, prod, exp, arrived, accepted, loc='RCV', codes=[], reason=None)"""
        doc = doc or self.docno("SH", when)
        dn = dn or ("DN-" + doc[2:])
        ls = []
        for l in lines:
            x = {"product": self.gid(l["p"]), "batch": l["batch"], "production_date": l["prod"], "expiry": l["exp"],
                 "arrived": l["arrived"], "accepted": l["accepted"], "rejected": l["arrived"] - l["accepted"]}
            if l.get("reason"):
                x["reject_reason"] = l["reason"]
            x["location"] = l.get("loc", "RCV")
            if l.get("codes"):
                x["codes"] = l["codes"]
            ls.append(x)
        d = {"doc": doc, "supplier": self.pid(sup), "lines": ls,
             "acceptors": acceptors or ["验收-张伟"]}
        if transport:
            d["transport"] = transport
        refs = {"order": orders if isinstance(orders, list) else [orders], "delivery_note": dn if isinstance(dn, list) else [dn]}
        if orders is None:
            refs.pop("order")
        self.add("receipt", when, d, refs=refs, by=d["acceptors"], label=label)
        return doc

    def move(self, kind, when, lines, refs=None, label=None, reason=None, by=None, doc=None, prefix=None):
        """lines: (p, batch, qty, from, to, codes)"""
        prefix = prefix or {"put_away": "RK", "transfer": "YK"}[kind]
        doc = doc or self.docno(prefix, when)
        ls = []
        for l in lines:
            p, b, q, fr, to = l[:5]
            x = {"product": self.gid(p), "batch": b, "quantity": q, "from": fr, "to": to}
            if len(l) > 5 and l[5]:
                x["codes"] = l[5]
            ls.append(x)
        d = {"doc": doc}
        if kind == "transfer":
            d["reason"] = reason
        d["lines"] = ls
        self.add(kind, when, d, refs=refs, by=by or ["保管-赵磊"], label=label)
        return doc

    def put_away(self, when, receipt_doc, lines, label=None, by=None):
        return self.move("put_away", when, lines, refs={"receipt": [receipt_doc]}, label=label, by=by)

    def transfer(self, when, reason, lines, label=None, refs=None, by=None):
        return self.move("transfer", when, lines, refs=refs, label=label, reason=reason, by=by)

    def sale(self, when, cust, lines, label=None, channel="wholesale", refs=None, doc=None):
        """lines: (p, batch, expiry, qty, price)"""
        doc = doc or self.docno("XS", when)
        d = {"doc": doc, "customer": self.pid(cust), "channel": channel,
             "lines": [{"product": self.gid(p), "batch": b, "expiry": e, "quantity": q, "unit_price": money(pr)}
                       for p, b, e, q, pr in lines]}
        self.add("sale", when, d, refs=refs, by=["销售-陈静"], label=label)
        return doc

    def review(self, when, sales, cust, lines, reviewers=None, label=None):
        """lines: (p, batch, expiry, qty[, quality])"""
        doc = self.docno("FH", when)
        d = {"doc": doc, "customer": self.pid(cust),
             "lines": [{"product": self.gid(l[0]), "batch": l[1], "expiry": l[2], "quantity": l[3],
                        "quality": l[4] if len(l) > 4 else "ok"} for l in lines],
             "reviewers": reviewers or ["复核-刘洋"]}
        self.add("outbound_review", when, d, refs={"sale": sales if isinstance(sales, list) else [sales]},
                 by=d["reviewers"], label=label)
        return doc

    def dispatch(self, when, sales, cust, lines, label=None, address=None, consignee=None, doc=None, by=None, vehicle=None):
        """lines: (p, batch, qty, from, codes)"""
        doc = doc or self.docno("PS", when)
        ls = []
        for l in lines:
            x = {"product": self.gid(l[0]), "batch": l[1], "quantity": l[2], "from": l[3]}
            if len(l) > 4 and l[4]:
                x["codes"] = l[4]
            ls.append(x)
        d = {"doc": doc, "customer": self.pid(cust), "consignee": consignee or (PARTIES[cust]["name"] + " 药剂科"),
             "address": address or PARTIES[cust]["address"], "lines": ls}
        if vehicle:
            d["vehicle"] = vehicle
        self.add("dispatch", when, d, refs={"sale": sales if isinstance(sales, list) else [sales]},
                 by=by or ["发货-吴凯"], label=label)
        return doc

    def invoice(self, when, direction, issuer, buyer, lines, issued_on=None, refs=None, credit_for=None,
                label=None, doc=None):
        """lines: (p, qty, price[, amount])"""
        if doc is None:
            prov = "33"
            if direction == "purchase":
                prov = {"浙江": "33", "湖北": "42", "江苏": "32", "山西": "14", "四川": "51", "安徽": "34"}.get(
                    PARTIES[issuer]["province"], "33")
            doc = self.invno(prov, "1" if direction == "sale" else "2")
        ls = []
        tot = 0
        for l in lines:
            p, q, pr = l[:3]
            amt = l[3] if len(l) > 3 else q * pr
            tot += amt
            ls.append({"product": self.gid(p), "quantity": q, "unit_price": money(pr), "amount": money(amt)})
        d = {"doc": doc, "direction": direction, "issuer": self.pid(issuer), "buyer": self.pid(buyer),
             "issued_on": issued_on or when.astimezone(BJ).strftime("%Y-%m-%d"), "lines": ls, "total": money(tot)}
        if credit_for:
            d["credit_for"] = credit_for
        self.add("invoice", when, d, refs=refs, by=["财务-王芳"], label=label)
        return doc, tot

    def sinv(self, when, cust, sales, lines, **kw):
        refs = kw.pop("refs", None) or {"sale": sales if isinstance(sales, list) else [sales]}
        return self.invoice(when, "sale", "O", cust, lines, refs=refs, **kw)

    def pinv(self, when, sup, orders, lines, **kw):
        refs = kw.pop("refs", None) or {"order": orders if isinstance(orders, list) else [orders]}
        return self.invoice(when, "purchase", sup, "O", lines, refs=refs, **kw)

    def pay(self, when, direction, payer, payee, amount, invoices, method="bank_transfer", payer_account=None,
            payee_account=None, label=None, doc=None):
        doc = doc or self.docno("SK" if direction == "incoming" else "FK", when)
        if method == "cash":
            pa = payer_account if payer_account is not None else ""
            pe = payee_account if payee_account is not None else ""
        else:
            pa = payer_account if payer_account is not None else PARTIES[payer]["accounts"][0]["number"]
            pe = payee_account if payee_account is not None else PARTIES[payee]["accounts"][0]["number"]
        d = {"doc": doc, "direction": direction, "payer": self.pid(payer), "payee": self.pid(payee),
             "payer_account": pa, "payee_account": pe, "amount": money(amount), "method": method,
             "invoices": invoices}
        self.add("payment", when, d, refs={"invoice": invoices[0]} if invoices else None, by=["财务-王芳"], label=label)
        return doc

    def pay_in(self, when, cust, amount, invoices, **kw):
        return self.pay(when, "incoming", cust, "O", amount, invoices, **kw)

    def pay_out(self, when, sup, amount, invoices, **kw):
        return self.pay(when, "outgoing", "O", sup, amount, invoices, **kw)

    def cust_return(self, when, cust, sales, lines, reason="质量问题退货", label=None, by=None):
        """lines: (p, batch, qty, to, codes)"""
        doc = self.docno("TH", when)
        ls = []
        for l in lines:
            x = {"product": self.gid(l[0]), "batch": l[1], "quantity": l[2], "to": l[3]}
            if len(l) > 4 and l[4]:
                x["codes"] = l[4]
            ls.append(x)
        d = {"doc": doc, "customer": self.pid(cust), "reason": reason, "lines": ls}
        self.add("customer_return", when, d, refs={"sale": sales if isinstance(sales, list) else [sales]},
                 by=by or ["销售-陈静", "验收-张伟"], label=label)
        return doc

    def sup_return(self, when, sup, orders, lines, reason="召回", label=None, by=None):
        doc = self.docno("TC", when)
        ls = []
        for l in lines:
            x = {"product": self.gid(l[0]), "batch": l[1], "quantity": l[2], "from": l[3]}
            if len(l) > 4 and l[4]:
                x["codes"] = l[4]
            ls.append(x)
        d = {"doc": doc, "supplier": self.pid(sup), "reason": reason, "lines": ls}
        self.add("supplier_return", when, d, refs={"order": orders if isinstance(orders, list) else [orders]},
                 by=by or ["采购-李明", "质管-周敏"], label=label)
        return doc

    def destroy(self, when, lines, supervisors, reason="破损", method="焚烧", label=None, by=None):
        doc = self.docno("XH", when)
        ls = []
        for l in lines:
            x = {"product": self.gid(l[0]), "batch": l[1], "quantity": l[2], "from": l[3]}
            if len(l) > 4 and l[4]:
                x["codes"] = l[4]
            ls.append(x)
        d = {"doc": doc, "reason": reason, "method": method, "lines": ls}
        if supervisors:
            d["supervisors"] = supervisors
        self.add("destruction", when, d, by=by or ["质管-周敏", "保管-赵磊"], label=label)
        return doc

    def loss(self, when, discovered, kind, lines, reported_to, label=None):
        doc = self.docno("BS", when)
        ls = []
        for l in lines:
            x = {"product": self.gid(l[0]), "batch": l[1], "quantity": l[2], "from": l[3]}
            if len(l) > 4 and l[4]:
                x["codes"] = l[4]
            ls.append(x)
        d = {"doc": doc, "loss": kind, "discovered_at": rfc(discovered), "lines": ls}
        if reported_to:
            d["reported_to"] = reported_to
        self.add("loss_report", when, d, by=["保管-赵磊", "质管-周敏"], label=label)
        return doc

    def count(self, when, loc, lines, label=None):
        doc = self.docno("PD", when)
        d = {"doc": doc, "location": loc,
             "lines": [{"product": self.gid(p), "batch": b, "counted": c} for p, b, c in lines]}
        self.add("stock_count", when, d, by=["保管-赵磊", "质管-周敏"], label=label)
        return doc

    def licence_changed(self, when, party, licence, reason, scope=None, accounts=None, special=None, label=None):
        d = {"party": self.pid(party), "licence": licence}
        if scope is not None:
            d["scope"] = scope
        if accounts is not None:
            d["accounts"] = accounts
        if special is not None:
            d["special"] = special
        d["reason"] = reason
        self.add("licence_changed", when, d, by=["质管-周敏"], label=label)

    def aggregation(self, when, action, parent, children, label=None):
        doc = self.docno("BZ", when)
        self.add("aggregation", when, {"doc": doc, "action": action, "parent": parent, "children": children},
                 by=["保管-赵磊"], label=label)

    def temps(self, when, sensor, zone, readings, label=None):
        """readings: list of (dt, celsius)"""
        d = {"sensor": sensor, "zone": zone,
             "readings": [{"at": rfc(a), "celsius": c} for a, c in readings]}
        self.add("temperature_reading", when, d, by=["系统-温湿度监测"], label=label, delay_s=30)


def days(n):
    return dt.timedelta(days=n)


def hours(n):
    return dt.timedelta(hours=n)


def mins(n):
    return dt.timedelta(minutes=n)
