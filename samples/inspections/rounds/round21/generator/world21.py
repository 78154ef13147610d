from lib21 import uscc, gtin14, money

A = uscc("91", "330106", "57230418")    # 浙江瑞和医药有限公司 (owner, regional wholesaler)
M = uscc("91", "420500", "61530927")    # 湖北福瑞制药有限公司 (designated manufacturer)
W = uscc("91", "330110", "34071265")    # 浙江华顺医药有限公司 (wholesaler, not designated)
S = uscc("91", "330109", "14395827")    # 浙江海康制药有限公司 (ordinary manufacturer)
S2 = uscc("91", "330522", "25906143")   # 浙江安吉百草制药有限公司 (licence ends 2026-11-15)
H = uscc("12", "330106", "47008912")    # 杭州市西溪人民医院 (public, seal card)
H2 = uscc("12", "330110", "47021145")   # 杭州市余杭区第二人民医院 (public)
N = uscc("12", "330212", "47035521")    # 宁波市鄞州第三医院 (card valid to 2026-10-31)
C = uscc("52", "330602", "50824318")    # 绍兴越城康宁医院 (seal card holder, no number)
X = uscc("12", "340100", "48530219")    # 合肥市第六人民医院 (安徽, seal card)
P = uscc("91", "330105", "32861045")    # 杭州民生大药房连锁有限公司 (retail chain)
K = uscc("52", "330104", "50917326")    # 杭州上城仁心诊所 (licence ends 2026-11-20)

MOR = gtin14("8690412300017"[:13])   # 盐酸吗啡注射液
PMZ = gtin14("8690412300031"[:13])   # 盐酸哌甲酯缓释片 (psychotropic1)
AMX = gtin14("8690123400001"[:13])   # 阿莫西林胶囊
CFX = gtin14("8690123400025"[:13])   # 头孢克肟片
IBU = gtin14("8690123400049"[:13])   # 布洛芬缓释胶囊

ACC = {A: "1202026209900881234", M: "17100101040023456", W: "33050161623500001234",
       S: "33050161623500000917", S2: "33050162680000003321", H: "19030101040012345",
       H2: "19035101040077881", N: "39401001040009876", C: "33001616835053004567",
       X: "34050146860800000123", P: "1202020409900123456", K: "1202021309900567890"}

ALLCAT = ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2",
          "precursor", "compound_ephedrine", "cold_chain"]

def lic(num, kind, f="2023-03-01", t="2028-02-28"):
    return {"number": num, "kind": kind, "valid_from": f, "valid_to": t}

def acct(bank, p):
    return [{"bank": bank, "number": ACC[p]}]

PARTY = {
 A: dict(party=A, name="浙江瑞和医药有限公司", kind="wholesaler", relation="self",
         licence=lic("浙AA5710318", "drug_wholesale"), scope=ALLCAT,
         accounts=acct("中国工商银行杭州西湖支行", A), province="浙江",
         address="浙江省杭州市西湖区文二西路 518 号",
         special={"designation": "regional_wholesaler", "valid_to": "2028-02-28"}),
 M: dict(party=M, name="湖北福瑞制药有限公司", kind="manufacturer", relation="supplier",
         licence=lic("鄂20160031", "drug_manufacturing", "2021-01-01", "2030-12-31"),
         scope=["chemical", "narcotic", "psychotropic1"],
         accounts=acct("中国农业银行宜昌开发区支行", M), province="湖北",
         address="湖北省宜昌市东山开发区大连路 19 号",
         special={"designation": "designated_manufacturer", "valid_to": "2029-12-31"}),
 W: dict(party=W, name="浙江华顺医药有限公司", kind="wholesaler", relation="supplier",
         licence=lic("浙AA5710992", "drug_wholesale", "2022-05-01", "2027-04-30"),
         scope=["chemical", "tcm_patent", "narcotic", "psychotropic1"],
         accounts=acct("杭州银行滨江支行", W), province="浙江",
         address="浙江省杭州市滨江区江南大道 3888 号"),
 S: dict(party=S, name="浙江海康制药有限公司", kind="manufacturer", relation="supplier",
         licence=lic("浙20000128", "drug_manufacturing", "2021-01-01", "2030-12-31"),
         scope=["chemical"], accounts=acct("杭州银行余杭支行", S), province="浙江",
         address="浙江省杭州市余杭区仁和街道启航路 66 号"),
 S2: dict(party=S2, name="浙江安吉百草制药有限公司", kind="manufacturer", relation="supplier",
         licence=lic("浙20110417", "drug_manufacturing", "2021-11-16", "2026-11-15"),
         scope=["chemical"], accounts=acct("浙江安吉农村商业银行递铺支行", S2), province="浙江",
         address="浙江省湖州市安吉县递铺街道天子湖大道 8 号"),
 H: dict(party=H, name="杭州市西溪人民医院", kind="medical_institution", relation="customer",
         licence=lic("PDY00033010612A1001", "medical_institution", "2022-01-01", "2031-12-31"),
         scope=["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2"],
         accounts=acct("中国农业银行杭州西湖支行", H), province="浙江",
         address="浙江省杭州市西湖区天目山路 336 号",
         special={"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2026〕0213", "valid_to": "2027-12-31"},
         public_hospital=True),
 H2: dict(party=H2, name="杭州市余杭区第二人民医院", kind="medical_institution", relation="customer",
         licence=lic("PDY00033011012A1002", "medical_institution", "2022-01-01", "2031-12-31"),
         scope=["chemical", "tcm_patent", "biological"], accounts=acct("中国建设银行余杭支行", H2),
         province="浙江", address="浙江省杭州市余杭区临平街道南苑街 28 号", public_hospital=True),
 N: dict(party=N, name="宁波市鄞州第三医院", kind="medical_institution", relation="customer",
         licence=lic("PDY00033021212A1003", "medical_institution", "2022-01-01", "2031-12-31"),
         scope=["chemical", "narcotic", "psychotropic1", "psychotropic2"], accounts=acct("宁波银行鄞州支行", N),
         province="浙江", address="浙江省宁波市鄞州区首南中路 1 号",
         special={"designation": "seal_card_holder", "seal_card": "浙甬麻印〔2023〕0088", "valid_to": "2026-10-31"},
         public_hospital=True),
 C: dict(party=C, name="绍兴越城康宁医院", kind="medical_institution", relation="customer",
         licence=lic("PDY00033060252A2001", "medical_institution", "2023-06-01", "2028-05-31"),
         scope=["chemical", "narcotic", "psychotropic1"], accounts=acct("绍兴银行越城支行", C),
         province="浙江", address="浙江省绍兴市越城区解放北路 201 号",
         special={"designation": "seal_card_holder", "valid_to": "2027-06-30"}),
 X: dict(party=X, name="合肥市第六人民医院", kind="medical_institution", relation="customer",
         licence=lic("PDY00034010012A1006", "medical_institution", "2022-01-01", "2031-12-31"),
         scope=["chemical", "narcotic", "psychotropic1"], accounts=acct("徽商银行合肥庐阳支行", X),
         province="安徽", address="安徽省合肥市庐阳区阜阳路 99 号",
         special={"designation": "seal_card_holder", "seal_card": "皖合麻印〔2025〕0031", "valid_to": "2027-12-31"},
         public_hospital=True),
 P: dict(party=P, name="杭州民生大药房连锁有限公司", kind="retail_chain", relation="customer",
         licence=lic("浙CA5710445", "drug_retail", "2022-08-01", "2027-07-31"),
         scope=["chemical", "tcm_patent"], accounts=acct("招商银行杭州分行", P), province="浙江",
         address="浙江省杭州市上城区解放路 138 号"),
 K: dict(party=K, name="杭州上城仁心诊所", kind="medical_institution", relation="customer",
         licence=lic("PDY00033010252A3009", "medical_institution", "2021-11-21", "2026-11-20"),
         scope=["chemical"], accounts=acct("杭州联合银行上城支行", K), province="浙江",
         address="浙江省杭州市上城区望江东路 77 号"),
}

def prod(p, name, form, spec, mfr, appr, cat, ctl, unit, storage="ambient"):
    return dict(product=p, generic_name=name, form=form, spec=spec, manufacturer=mfr,
                approval_number=appr, category=cat, control=ctl, storage=storage, rx=True, unit=unit)

PRODUCT = {
 MOR: prod(MOR, "盐酸吗啡注射液", "注射剂", "1ml:10mg", "湖北福瑞制药有限公司", "国药准字H42021593", "narcotic", "narcotic", "支"),
 PMZ: prod(PMZ, "盐酸哌甲酯缓释片", "片剂", "18mg×15片/盒", "湖北福瑞制药有限公司", "国药准字H42024417", "psychotropic1", "psychotropic1", "盒"),
 AMX: prod(AMX, "阿莫西林胶囊", "胶囊剂", "0.25g×24粒/盒", "浙江海康制药有限公司", "国药准字H33020011", "chemical", "none", "盒"),
 CFX: prod(CFX, "头孢克肟片", "片剂", "100mg×6片/盒", "浙江海康制药有限公司", "国药准字H33021876", "chemical", "none", "盒"),
 IBU: prod(IBU, "布洛芬缓释胶囊", "胶囊剂", "0.3g×20粒/盒", "浙江安吉百草制药有限公司", "国药准字H33022305", "chemical", "none", "盒"),
}

def codes(product, serial_from, n):
    """20-digit 追溯码: 7-digit product id from the GTIN + 13-digit serial."""
    pid = "8" + product[7:13]
    return [f"{pid}{s:013d}" for s in range(serial_from, serial_from + n)]
