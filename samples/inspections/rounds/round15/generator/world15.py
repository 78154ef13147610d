# The fictitious world of round 15: 浙江瑞禾医药有限公司 (Hangzhou), a regional wholesaler of
# narcotics and class-1 psychotropics, its suppliers and customers, products, zones, people, and
# small helpers writing one event of each kind.
from lib15 import uscc, bwm, trace_code, invoice_no, money, m, t

# ---------------------------------------------------------------- parties
OWNER = uscc("91330105", "MA2J5R8W")
NATWH = uscc("91110000", "10169284")      # 华药集团（北京）医药有限公司, national wholesaler
MFR_NARC = uscc("91420500", "71465302")   # 湖北宜康药业, designated manufacturer (narcotics, psy1)
MFR_PSY = uscc("91320300", "13876452")    # 江苏徐恩制药, designated manufacturer (psy1, psy2)
MFR_CHEM = uscc("91330110", "14395827")   # 杭州宁康制药, ordinary manufacturer
MFR_EPH = uscc("91330624", "14678203")    # 浙江天姥制药 (新昌), compound ephedrine
MFR_PREC = uscc("91140100", "11023546")   # 山西晋康药业, precursor (盐酸麻黄碱)
HOSP1 = uscc("12330105", "47008815")      # 杭州市拱宸人民医院 (public, seal card)
HOSP2 = uscc("12330109", "47011243")      # 杭州市萧山区第二人民医院 (public, seal card)
HOSP3 = uscc("91330106", "MA28E4LT")      # 杭州康复医院有限公司 (private, seal card)
CHAIN = uscc("91330102", "MA27Y3NB")      # 杭州民康大药房连锁有限公司
CHAIN_XS = uscc("91330109", "MA2B8F6K")   # 杭州萧然大药房连锁有限公司 (case 3)

ADDR = {
    OWNER: "浙江省杭州市拱墅区康桥路 168 号",
    NATWH: "北京市西城区阜成门外大街 12 号",
    MFR_NARC: "湖北省宜昌市西陵区东山大道 95 号",
    MFR_PSY: "江苏省徐州市经济技术开发区杨山路 18 号",
    MFR_CHEM: "浙江省杭州市余杭区仓前街道文一西路 1500 号",
    MFR_EPH: "浙江省绍兴市新昌县七星街道新昌大道东路 98 号",
    MFR_PREC: "山西省太原市小店区龙城大街 71 号",
    HOSP1: "浙江省杭州市拱墅区上塘路 358 号",
    HOSP2: "浙江省杭州市萧山区城厢街道拱秀路 1 号",
    HOSP3: "浙江省杭州市西湖区古墩路 688 号",
    CHAIN: "浙江省杭州市上城区望江东路 66 号",
    CHAIN_XS: "浙江省杭州市萧山区北干街道金城路 432 号",
}

ACCT = {
    OWNER: ("中国建设银行杭州拱墅支行", "33050161622700001234"),
    NATWH: ("中国工商银行北京阜成门支行", "0200001409021234567"),
    MFR_NARC: ("中国银行宜昌分行营业部", "563058123456"),
    MFR_PSY: ("中国农业银行徐州经济开发区支行", "10135101040012345"),
    MFR_CHEM: ("中国建设银行杭州余杭支行", "33050161710009001234"),
    MFR_EPH: ("浙江新昌农村商业银行城关支行", "201000123456789"),
    MFR_PREC: ("中国工商银行太原小店支行", "0502123409024567891"),
    HOSP1: ("中国农业银行杭州拱墅支行", "19030101040012345"),
    HOSP2: ("杭州联合农村商业银行萧山支行", "201000234567890"),
    HOSP3: ("招商银行杭州西湖支行", "571908765410201"),
    CHAIN: ("中国银行杭州上城支行", "367858123409"),
    CHAIN_XS: ("浙江萧山农村商业银行金城支行", "201000345678901"),
}

PSCOPE_HOSP = ["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "precursor"]


def party_events(L, when, which):
    """Register the owner and the given parties (ids), one minute apart, by 质管-周敏."""
    defs = {
        OWNER: dict(name="浙江瑞禾医药有限公司", kind="wholesaler", relation="self",
                    licence={"number": "浙AA5710231", "kind": "drug_wholesale", "valid_from": "2024-01-15", "valid_to": "2029-01-14"},
                    scope=["chemical", "tcm_patent", "biological", "narcotic", "psychotropic1", "psychotropic2", "precursor", "compound_ephedrine", "cold_chain"],
                    province="浙江", special={"designation": "regional_wholesaler", "valid_to": "2029-01-14"}),
        NATWH: dict(name="华药集团（北京）医药有限公司", kind="wholesaler", relation="supplier",
                    licence={"number": "京AA0100012", "kind": "drug_wholesale", "valid_from": "2025-03-01", "valid_to": "2030-02-28"},
                    scope=["chemical", "biological", "narcotic", "psychotropic1", "psychotropic2", "precursor"],
                    province="北京", special={"designation": "national_wholesaler", "valid_to": "2030-02-28"}),
        MFR_NARC: dict(name="湖北宜康药业有限公司", kind="manufacturer", relation="supplier",
                       licence={"number": "鄂20000318", "kind": "drug_manufacturing", "valid_from": "2025-07-01", "valid_to": "2030-06-30"},
                       scope=["chemical", "narcotic", "psychotropic1"], province="湖北",
                       special={"designation": "designated_manufacturer", "valid_to": "2030-06-30"}),
        MFR_PSY: dict(name="江苏徐恩制药有限公司", kind="manufacturer", relation="supplier",
                      licence={"number": "苏20000587", "kind": "drug_manufacturing", "valid_from": "2025-01-01", "valid_to": "2029-12-31"},
                      scope=["chemical", "psychotropic1", "psychotropic2"], province="江苏",
                      special={"designation": "designated_manufacturer", "valid_to": "2029-12-31"}),
        MFR_CHEM: dict(name="杭州宁康制药有限公司", kind="manufacturer", relation="supplier",
                       licence={"number": "浙20000123", "kind": "drug_manufacturing", "valid_from": "2022-06-01", "valid_to": "2027-05-31"},
                       scope=["chemical"], province="浙江"),
        MFR_EPH: dict(name="浙江天姥制药有限公司", kind="manufacturer", relation="supplier",
                      licence={"number": "浙20000266", "kind": "drug_manufacturing", "valid_from": "2023-09-01", "valid_to": "2028-08-31"},
                      scope=["chemical", "compound_ephedrine"], province="浙江"),
        MFR_PREC: dict(name="山西晋康药业有限公司", kind="manufacturer", relation="supplier",
                       licence={"number": "晋20000145", "kind": "drug_manufacturing", "valid_from": "2024-05-01", "valid_to": "2029-04-30"},
                       scope=["chemical", "precursor"], province="山西"),
        HOSP1: dict(name="杭州市拱宸人民医院", kind="medical_institution", relation="customer",
                    licence={"number": "47008815833010511A1001", "kind": "medical_institution", "valid_from": "2022-01-01", "valid_to": "2031-12-31"},
                    scope=PSCOPE_HOSP, province="浙江",
                    special={"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2024〕0231", "valid_to": "2028-06-30"},
                    public_hospital=True),
        HOSP2: dict(name="杭州市萧山区第二人民医院", kind="medical_institution", relation="customer",
                    licence={"number": "47011243633010911A1001", "kind": "medical_institution", "valid_from": "2021-07-01", "valid_to": "2030-06-30"},
                    scope=PSCOPE_HOSP, province="浙江",
                    special={"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2023〕0418", "valid_to": "2027-12-31"},
                    public_hospital=True),
        HOSP3: dict(name="杭州康复医院有限公司", kind="medical_institution", relation="customer",
                    licence={"number": "MA28E4LT333010611D1571", "kind": "medical_institution", "valid_from": "2023-04-01", "valid_to": "2028-03-31"},
                    scope=PSCOPE_HOSP, province="浙江",
                    special={"designation": "seal_card_holder", "seal_card": "浙杭麻印〔2025〕0076", "valid_to": "2028-03-31"}),
        CHAIN: dict(name="杭州民康大药房连锁有限公司", kind="retail_chain", relation="customer",
                    licence={"number": "浙CA5710086", "kind": "drug_retail", "valid_from": "2023-06-01", "valid_to": "2028-05-31"},
                    scope=["chemical", "tcm_patent", "compound_ephedrine"], province="浙江"),
        CHAIN_XS: dict(name="杭州萧然大药房连锁有限公司", kind="retail_chain", relation="customer",
                       licence={"number": "浙CA5710142", "kind": "drug_retail", "valid_from": "2024-02-01", "valid_to": "2029-01-31"},
                       scope=["chemical", "tcm_patent"], province="浙江"),
    }
    d0 = t(when)
    import datetime as dt
    for i, p in enumerate(which):
        d = dict(defs[p])
        data = {"party": p, "name": d["name"], "kind": d["kind"], "relation": d["relation"],
                "licence": d["licence"], "scope": d["scope"],
                "accounts": [{"bank": ACCT[p][0], "number": ACCT[p][1]}],
                "province": d["province"], "address": ADDR[p]}
        if "special" in d:
            data["special"] = d["special"]
        if d.get("public_hospital"):
            data["public_hospital"] = True
        L.add("party_registered", d0 + dt.timedelta(minutes=2 * i), data, "质管-周敏")
    return d0 + dt.timedelta(minutes=2 * len(which))


# ---------------------------------------------------------------- products
PROD = {
    "MOR": dict(product=bwm("8690123410021"), generic_name="盐酸吗啡注射液", form="注射剂", spec="1ml:10mg", manufacturer="湖北宜康药业有限公司",
                approval_number="国药准字H42020571", category="narcotic", control="narcotic", unit="支", prefix="8103456"),
    "PET": dict(product=bwm("8690123410038"), generic_name="盐酸哌替啶注射液", form="注射剂", spec="2ml:100mg", manufacturer="湖北宜康药业有限公司",
                approval_number="国药准字H42020583", category="narcotic", control="narcotic", unit="支", prefix="8103462"),
    "FEN": dict(product=bwm("8690123410045"), generic_name="枸橼酸芬太尼注射液", form="注射剂", spec="2ml:0.1mg", manufacturer="湖北宜康药业有限公司",
                approval_number="国药准字H42022076", category="narcotic", control="narcotic", unit="支", prefix="8103471"),
    "KET": dict(product=bwm("8690123420013"), generic_name="盐酸氯胺酮注射液", form="注射剂", spec="2ml:0.1g", manufacturer="江苏徐恩制药有限公司",
                approval_number="国药准字H32022820", category="psychotropic1", control="psychotropic1", unit="支", prefix="8104013"),
    "DZP": dict(product=bwm("8690123420020"), generic_name="地西泮片", form="片剂", spec="2.5mg×20片/盒", manufacturer="江苏徐恩制药有限公司",
                approval_number="国药准字H32020264", category="psychotropic2", control="psychotropic2", unit="盒", prefix="8104128"),
    "MDZ": dict(product=bwm("8690123420037"), generic_name="咪达唑仑注射液", form="注射剂", spec="2ml:10mg", manufacturer="江苏徐恩制药有限公司",
                approval_number="国药准字H32024415", category="psychotropic2", control="psychotropic2", unit="支", prefix="8104135"),
    "EPHI": dict(product=bwm("8690123430012"), generic_name="盐酸麻黄碱注射液", form="注射剂", spec="1ml:30mg", manufacturer="山西晋康药业有限公司",
                 approval_number="国药准字H14021963", category="precursor", control="precursor", unit="支", prefix="8105207"),
    "PSE": dict(product=bwm("8690123430029"), generic_name="复方盐酸伪麻黄碱缓释胶囊", form="胶囊剂", spec="10粒/盒", manufacturer="浙江天姥制药有限公司",
                approval_number="国药准字H33021457", category="compound_ephedrine", control="compound_ephedrine", unit="盒", prefix=None),
    "AMX": dict(product=bwm("8690123440011"), generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", manufacturer="杭州宁康制药有限公司",
                approval_number="国药准字H33020011", category="chemical", control="none", unit="盒", prefix=None),
    "IBU": dict(product=bwm("8690123440028"), generic_name="布洛芬缓释胶囊", form="胶囊剂", spec="0.3g×20粒/盒", manufacturer="杭州宁康制药有限公司",
                approval_number="国药准字H33020219", category="chemical", control="none", unit="盒", prefix=None),
}
P = {k: v["product"] for k, v in PROD.items()}


def product_events(L, when, which):
    import datetime as dt
    d0 = t(when)
    for i, k in enumerate(which):
        d = PROD[k]
        data = {x: d[x] for x in ("product", "generic_name", "form", "spec", "manufacturer", "approval_number", "category", "control")}
        data.update({"storage": "ambient", "rx": True, "unit": d["unit"]})
        L.add("product_registered", d0 + dt.timedelta(minutes=2 * i), data, "质管-周敏")
    return d0 + dt.timedelta(minutes=2 * len(which))


def zone_events(L, when, zones=("WH-A", "SP-1")):
    import datetime as dt
    d0 = t(when)
    for i, z in enumerate(zones):
        L.add("zone_registered", d0 + dt.timedelta(minutes=2 * i), {"zone": z, "storage": "ambient"}, "质管-周敏")
    return d0 + dt.timedelta(minutes=2 * len(zones))


def codes(k, first, n):
    """n unit codes of product k with serials first..first+n-1."""
    return [trace_code(PROD[k]["prefix"], "%09d" % s) for s in range(first, first + n)]


def case_code(k, n):
    """A manufacturer's case code (箱码), 20 digits, serial range 9xxxxxxxx."""
    return trace_code(PROD[k]["prefix"], "9%08d" % n)


# ---------------------------------------------------------------- people
ACC2 = ["验收-张丽", "验收-王强"]
REV2 = ["复核-李娜", "复核-陈刚"]
KEEP2 = ["保管-赵磊", "保管-孙悦"]
QA = "质管-周敏"
FIN = "财务-吴芳"
BUY = "采购-钱伟"
SELL = "销售-郑浩"
SUPERVISORS = ["杭州市拱墅区市场监督管理局-黄建国", "杭州市拱墅区卫生健康局-林晓"]
POLICE_ETC = ["杭州市公安局拱墅区分局康桥派出所", "杭州市拱墅区市场监督管理局", "杭州市拱墅区卫生健康局"]


# ---------------------------------------------------------------- event helpers (one event each)
def purchase(L, when, doc, supplier, lines):
    return L.add("purchase", when, {"doc": doc, "supplier": supplier,
                 "lines": [{"product": P[k], "quantity": q, "unit_price": money(pr)} for k, q, pr in lines]}, BUY)


def receipt(L, when, doc, supplier, order, dn, lines, acceptors=ACC2):
    """lines: (k, batch, prod_date, expiry, qty, codes)"""
    ls = []
    for k, b, pd, ex, q, cs in lines:
        ln = {"product": P[k], "batch": b, "production_date": pd, "expiry": ex, "arrived": q, "accepted": q,
              "rejected": 0, "location": "RCV"}
        if cs:
            ln["codes"] = cs
        ls.append(ln)
    return L.add("receipt", when, {"doc": doc, "supplier": supplier, "lines": ls, "acceptors": acceptors},
                 acceptors, refs={"order": [order], "delivery_note": [dn]})


def move(kind, L, when, doc, lines, by=KEEP2, reason=None, refs=None):
    """lines: (k, batch, qty, from, to, codes)"""
    ls = []
    for k, b, q, fr, to, cs in lines:
        ln = {"product": P[k], "batch": b, "quantity": q, "from": fr, "to": to}
        if cs:
            ln["codes"] = cs
        ls.append(ln)
    data = {"doc": doc}
    if reason:
        data["reason"] = reason
    data["lines"] = ls
    return L.add(kind, when, data, by, refs=refs)


def put_away(L, when, doc, order, rec, lines, by=KEEP2):
    return move("put_away", L, when, doc, lines, by, refs={"order": [order], "receipt": [rec]})


def transfer(L, when, doc, reason, lines, by=KEEP2):
    return move("transfer", L, when, doc, lines, by, reason=reason)


def aggregation(L, when, doc, action, parent, children, by="保管-赵磊"):
    return L.add("aggregation", when, {"doc": doc, "action": action, "parent": parent, "children": children}, by)


def sale(L, when, doc, customer, lines):
    """lines: (k, batch, expiry, qty, price)"""
    return L.add("sale", when, {"doc": doc, "customer": customer, "channel": "wholesale",
                 "lines": [{"product": P[k], "batch": b, "expiry": ex, "quantity": q, "unit_price": money(pr)} for k, b, ex, q, pr in lines]}, SELL)


def review(L, when, doc, customer, sale_doc, lines, reviewers=REV2):
    """lines: (k, batch, expiry, qty)"""
    return L.add("outbound_review", when, {"doc": doc, "customer": customer,
                 "lines": [{"product": P[k], "batch": b, "expiry": ex, "quantity": q, "quality": "ok"} for k, b, ex, q in lines],
                 "reviewers": reviewers}, reviewers, refs={"sale": [sale_doc]})


def dispatch(L, when, doc, customer, consignee, sale_doc, lines, by=KEEP2):
    """lines: (k, batch, qty, from, codes)"""
    ls = []
    for k, b, q, fr, cs in lines:
        ln = {"product": P[k], "batch": b, "quantity": q, "from": fr}
        if cs:
            ln["codes"] = cs
        ls.append(ln)
    return L.add("dispatch", when, {"doc": doc, "customer": customer, "consignee": consignee,
                 "address": ADDR[customer], "lines": ls}, by, refs={"sale": [sale_doc]})


def customer_return(L, when, doc, customer, sale_doc, reason, lines, by=KEEP2):
    """lines: (k, batch, qty, to, codes)"""
    ls = []
    for k, b, q, to, cs in lines:
        ln = {"product": P[k], "batch": b, "quantity": q, "to": to}
        if cs:
            ln["codes"] = cs
        ls.append(ln)
    return L.add("customer_return", when, {"doc": doc, "customer": customer, "reason": reason, "lines": ls},
                 by, refs={"sale": [sale_doc]})


def supplier_return(L, when, doc, supplier, order, reason, lines, by=KEEP2):
    """lines: (k, batch, qty, from, codes)"""
    ls = []
    for k, b, q, fr, cs in lines:
        ln = {"product": P[k], "batch": b, "quantity": q, "from": fr}
        if cs:
            ln["codes"] = cs
        ls.append(ln)
    return L.add("supplier_return", when, {"doc": doc, "supplier": supplier, "reason": reason, "lines": ls},
                 by, refs={"order": [order]})


def destruction(L, when, doc, reason, method, lines, supervisors, by=KEEP2):
    ls = []
    for k, b, q, fr, cs in lines:
        ln = {"product": P[k], "batch": b, "quantity": q, "from": fr}
        if cs:
            ln["codes"] = cs
        ls.append(ln)
    data = {"doc": doc, "reason": reason, "method": method, "lines": ls}
    if supervisors:
        data["supervisors"] = supervisors
    return L.add("destruction", when, data, by)


def loss_report(L, when, doc, loss, discovered, lines, reported_to, by=KEEP2):
    ls = []
    for k, b, q, fr, cs in lines:
        ln = {"product": P[k], "batch": b, "quantity": q, "from": fr}
        if cs:
            ln["codes"] = cs
        ls.append(ln)
    from lib15 import iso
    data = {"doc": doc, "loss": loss, "discovered_at": iso(t(discovered)), "lines": ls}
    if reported_to:
        data["reported_to"] = reported_to
    return L.add("loss_report", when, data, by)


def stock_count(L, when, doc, location, lines, by=KEEP2):
    """lines: (k, batch, counted)"""
    return L.add("stock_count", when, {"doc": doc, "location": location,
                 "lines": [{"product": P[k], "batch": b, "counted": c} for k, b, c in lines]}, by)


def invoice(L, when, doc, direction, issuer, buyer, issued_on, lines, refs, credit_for=None):
    """lines: (k, qty, price)"""
    ls = []
    tot = 0
    for k, q, pr in lines:
        up = money(pr)
        ls.append({"product": P[k], "quantity": q, "unit_price": up, "amount": m(q * up["minor"])})
        tot += q * up["minor"]
    data = {"doc": doc, "direction": direction, "issuer": issuer, "buyer": buyer, "issued_on": issued_on,
            "lines": ls, "total": m(tot)}
    if credit_for:
        data["credit_for"] = credit_for
    L.add("invoice", when, data, FIN, refs=refs)
    return tot


def payment(L, when, doc, direction, payer, payee, amount_minor, invoices, method="bank_transfer"):
    return L.add("payment", when, {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                 "payer_account": ACCT[payer][1], "payee_account": ACCT[payee][1],
                 "amount": m(amount_minor), "method": method, "invoices": invoices}, FIN)
