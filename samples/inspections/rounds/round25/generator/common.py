from lib25 import *

ALL = ["chemical", "tcm_patent", "biological", "psychotropic2", "precursor", "medical_toxic", "radioactive",
       "compound_ephedrine", "cold_chain"]
OWNER = uscc("91330100MA27X8K3Q")
MAKER = uscc("91330100143958271")      # 杭州宁康制药
BIO = uscc("91310115MA1K4QW27")        # 上海瑞和生物制品
HOSP1 = uscc("12330000470089123")      # 杭州市仁和医院 (public)
HOSP2 = uscc("12330200470211456")      # 宁波市明州人民医院 (public)
PHARM1 = uscc("91330106MA2H1RT58")     # 杭州康宁大药房连锁
PHARM2 = uscc("91330108MA2J7PL21")     # 杭州百济大药房
CLINIC = uscc("52330105MA2KD7A19")     # 杭州拱墅仁康门诊部 (private)

AMOX = gtin_check("8690123400001")   # ambient
IBU = gtin_check("8690123400002")    # cool
INSULIN = gtin_check("8692345600004")  # cold 2-8
GH = gtin_check("8692345600005")     # cold, temp_range 2-6
DIAZ = gtin_check("8693456700001")   # psychotropic2
EPH = gtin_check("8690123400005")    # compound ephedrine


def master(L, t, extra_products=(), zones=(("WH-A", "ambient", None), ("WH-C", "cool", None), ("CR-1", "cold", None))):
    L.party(t, OWNER, "浙江仁济医药有限公司", "wholesaler", "self", ALL + ["vaccine"], address="浙江省杭州市西湖区文三路 388 号")
    L.party(t, MAKER, "杭州宁康制药有限公司", "manufacturer", "supplier", ALL)
    L.party(t, BIO, "上海瑞和生物制品有限公司", "manufacturer", "supplier", ["biological", "cold_chain", "chemical"], province="上海")
    L.party(t, HOSP1, "杭州市仁和医院", "medical_institution", "customer", ALL, public_hospital=True,
            address="浙江省杭州市拱墅区湖墅南路 120 号")
    L.party(t, HOSP2, "宁波市明州人民医院", "medical_institution", "customer", ALL, public_hospital=True,
            address="浙江省宁波市鄞州区百丈路 88 号")
    L.party(t, PHARM1, "杭州康宁大药房连锁有限公司", "retail_chain", "customer",
            ["chemical", "tcm_patent", "compound_ephedrine", "biological", "cold_chain"],
            address="浙江省杭州市余杭区文一西路 998 号")
    L.party(t, PHARM2, "杭州百济大药房有限公司", "retail_pharmacy", "customer",
            ["chemical", "tcm_patent", "compound_ephedrine"], address="浙江省杭州市上城区解放路 56 号")
    L.product(t, AMOX, "阿莫西林胶囊", "chemical", spec="0.25g×24粒/盒", form="胶囊剂")
    L.product(t, IBU, "布洛芬缓释胶囊", "chemical", storage="cool", spec="0.3g×20粒/盒", form="胶囊剂")
    L.product(t, INSULIN, "门冬胰岛素注射液", "biological", storage="cold", unit="支", spec="3ml:300单位/支", form="注射剂")
    L.product(t, GH, "注射用重组人生长激素", "biological", storage="cold", temp_range=(2.0, 6.0), unit="瓶",
              spec="4IU/瓶", form="注射剂")
    L.product(t, DIAZ, "地西泮片", "psychotropic2", control="psychotropic2", spec="2.5mg×20片/盒")
    L.product(t, EPH, "复方盐酸伪麻黄碱缓释胶囊", "compound_ephedrine", control="compound_ephedrine", spec="10粒/盒",
              form="胶囊剂")
    for a in extra_products:
        L.product(t, *a[0], **a[1])
    for z, s, sensors in zones:
        L.zone(t, z, s, sensors=sensors)
