"""Build the inputs of every round-14 case: python3 generator/build.py (from round14/)."""
import os, sys, shutil
sys.path.insert(0, os.path.dirname(__file__))
from erp14 import *
import case01

ROOT = os.path.join(os.path.dirname(__file__), "..", "cases")

def cdir(name):
    p = os.path.join(ROOT, name)
    os.makedirs(p, exist_ok=True)
    return p

def c01():
    d = cdir("01-erp-clean-month")
    m, g, f, p1, p2 = case01.build(d)
    rows, _ = case01.goods_file_rows(g)
    rl = row_lines(rows, "单据类型", "单据号")
    frows = fin_rows([f[k] for k in case01.FIN_ORDER])
    rl.update(row_lines(frows, "业务类型", "单据编号"))
    write_text(f"{d}/plan.txt", plan_lines(m.events, [p1, p2], rl))

BUILDERS = {"01": c01}


# ---------------------------------------------------------------- case 02
import copy

def c02_docs():
    g = case01.goods_docs()
    cg = g["CG1"]
    cg.lines = [cg.lines[0], dict(cg.lines[1], **{"数量": "1200", "价税合计": "17,400.00", "备注": ""})]
    g["SH2"].entered = "2026-11-11 16:20:05"     # 补录: accepted on 11-09, entered on 11-11 (49.7 h)
    g["RK2"].entered = "2026-11-11 16:31:40"
    return g

C02_ORDER = ["PS1", "PS2", "PS3", "XS1", "XS2", "XS3", "CG1", "CG2", "SH1", "SH2", "RK1", "RK2", "FH1", "FH2", "FH3", "PD1"]

def c02():
    d = cdir("02-erp-exactly-once-and-changed")
    m = case01.master()
    write_jsonl(f"{d}/master.jsonl", m.events)
    write_text(f"{d}/goods.toml", goods_toml())
    write_text(f"{d}/goods-utf8.toml", goods_toml(encoding="utf-8"))
    write_text(f"{d}/goods-renamed.toml", goods_toml(name="yikang-u8-goods-2026"))
    g = c02_docs()
    full = [g[k] for k in C02_ORDER]
    rows = goods_rows(full)
    write_csv(f"{d}/goods-2026-11.csv", G_HDR, rows, encoding="gb18030")
    # the same export re-saved as UTF-8 without BOM, LF line ends
    write_csv(f"{d}/goods-2026-11-utf8.csv", G_HDR, rows, encoding="utf-8", crlf=False)
    # month-to-date export run on 10 Nov in the evening: documents entered by then
    mtd = [x for x in full if x.entered.replace("/", "-") < "2026-11-11"]
    write_csv(f"{d}/goods-mtd-1110.csv", G_HDR, goods_rows(mtd), encoding="gb18030")
    # the ERP user changed sale XS2026111200002 (二甲双胍 1000 -> 900) after it was imported
    g2 = c02_docs()
    g2["XS2"].lines[1]["数量"] = "900"
    g2["XS2"].lines[1]["价税合计"] = "2,160.00"
    corr = [g2[k] for k in C02_ORDER]
    write_csv(f"{d}/goods-2026-11-corrected.csv", G_HDR, goods_rows(corr), encoding="gb18030")
    # December documents plus the corrected sale in one export
    dec = [
        gdoc("采购订单", "CG2026120200001", "2026-12-02 09:10", "2026-12-02 09:12:30", "采购-周立群", TIANHE, lines=[
            {"存货编码": P_AMX, "数量": "1200", "含税单价": "8.60"}]),
        gdoc("采购到货验收单", "SH2026120400001", "2026-12-04 10:05", "2026-12-04 10:09:10", "验收-陈晓燕", TIANHE,
             src="CG2026120200001", dn="TH-PS-2026120300007", acc="验收-陈晓燕、验收-王建华", lines=[
            {"存货编码": P_AMX, "批号": "2611020318", "生产日期": "2026-11-02", "有效期至": "2028-10", "数量": "1200",
             "合格数量": "1200", "拒收数量": "0", "货位": "RCV"}]),
        g2["XS2"]]
    write_csv(f"{d}/goods-2026-12-and-correction.csv", G_HDR, goods_rows(dec), encoding="gb18030")
    # the same month re-exported with the rows of PS2026111000001 in the other order
    g3 = c02_docs()
    g3["PS1"].lines.reverse()
    write_csv(f"{d}/goods-2026-11-resorted.csv", G_HDR, goods_rows([g3[k] for k in C02_ORDER]), encoding="gb18030")
    # plan
    p_mtd = order_plan(mtd, len(m.events) + 1)
    rest = [x for x in full if x not in mtd]
    p_rest = order_plan(rest, len(m.events) + 1 + len(mtd))
    rl = {}
    for name, docs in (("goods-2026-11.csv", full), ("goods-mtd-1110.csv", mtd), ("corrected", corr), ("dec", dec),
                       ("resorted", [g3[k] for k in C02_ORDER])):
        rl[name] = row_lines(goods_rows(docs), "单据类型", "单据号")
    txt = plan_lines(m.events, [p_mtd, p_rest], rl["goods-2026-11.csv"])
    txt += "\n# file lines of documents in each file\n"
    for name, r in rl.items():
        txt += f"{name}: " + "; ".join(f"{k[1]} {v}" for k, v in r.items()) + "\n"
    write_text(f"{d}/plan.txt", txt)

BUILDERS["02"] = c02

# ---------------------------------------------------------------- case 03
def c03_dec():
    A = gdoc
    d = {}
    d["CG"] = A("采购订单", "CG2026120200001", "2026-12-02 09:10", "2026-12-02 09:12:30", "采购-周立群", TIANHE, lines=[
        {"存货编码": P_AMX, "数量": "1200", "含税单价": "8.60", "价税合计": "10,320.00"},
        {"存货编码": P_CEF, "数量": "600", "含税单价": "14.50", "价税合计": "8,700.00"}])
    d["SH"] = A("采购到货验收单", "SH2026120400001", "2026-12-04 10:05", "2026-12-04 10:09:10", "验收-陈晓燕", TIANHE,
                src="CG2026120200001", dn="TH-PS-2026120300007", acc="验收-陈晓燕、验收-王建华", lines=[
        {"存货编码": P_AMX, "批号": "2611020318", "生产日期": "2026-11-02", "有效期至": "2028-10", "数量": "1200",
         "合格数量": "1200", "拒收数量": "0", "货位": "RCV"},
        {"存货编码": P_CEF, "批号": "2610180226", "生产日期": "2026-10-18", "有效期至": "2028-09-30", "数量": "600",
         "合格数量": "600", "拒收数量": "0", "货位": "RCV"}])
    d["RK"] = A("采购入库单", "RK2026120400001", "2026-12-04 11:00", "2026-12-04 11:02:00", "保管-李国强",
                src="CG2026120200001", rec="SH2026120400001", lines=[
        {"存货编码": P_AMX, "批号": "2611020318", "数量": "1200", "货位": "RCV", "目标货位": "WH-A"},
        {"存货编码": P_CEF, "批号": "2610180226", "数量": "600", "货位": "RCV", "目标货位": "WH-A"}])
    d["XS"] = A("销售订单", "XS2026120700001", "2026-12-07 10:30", "2026-12-07 10:31:40", "销售-赵敏", HOSP, lines=[
        {"存货编码": P_AMX, "批号": "2610150231", "有效期至": "2028-09", "数量": "300", "含税单价": "10.30"},
        {"存货编码": P_CEF, "批号": "2609220117", "有效期至": "2028-08-31", "数量": "100", "含税单价": "17.80"}])
    d["FH"] = A("出库复核单", "FH2026120700001", "2026-12-07 13:00", "2026-12-07 13:02:00", "复核-孙丽", HOSP,
                src="XS2026120700001", rev="复核-孙丽", lines=[
        {"存货编码": P_AMX, "批号": "2610150231", "有效期至": "2028-09", "数量": "300", "复核结论": "合格"},
        {"存货编码": P_CEF, "批号": "2609220117", "有效期至": "2028-08-31", "数量": "100", "复核结论": "合格"}])
    d["PS"] = A("销售出库单", "PS2026120700001", "2026-12-07 14:10", "2026-12-07 14:12:00", "发货-吴斌", HOSP,
                src="XS2026120700001", consignee="滨江区人民医院药剂科 刘芳", address=ADDR[HOSP][1], lines=[
        {"存货编码": P_AMX, "批号": "2610150231", "数量": "300", "货位": "WH-A"},
        {"存货编码": P_CEF, "批号": "2609220117", "数量": "100", "货位": "WH-A"}])
    return d

C03_ORDER = ["CG", "SH", "RK", "XS", "FH", "PS"]

def c03_fin():
    inv = fapiao(26, 33, 211460233)
    return [
        fdoc("进项发票", inv, "2026-12-04 15:20", "2026/12/04 15:22", "财务-郑红",
             {"销售方税号": TIANHE, "购买方税号": OWNER, "开票日期": "2026年12月04日", "关联采购订单": "CG2026120200001"}, [
            {"商品编码": P_AMX, "数量": "1200", "单价(含税)": "8.60", "金额(含税)": "10,320.00"},
            {"商品编码": P_CEF, "数量": "600", "单价(含税)": "14.50", "金额(含税)": "8,700.00"}]),
        fdoc("付款单", "FK2026121500001", "2026-12-15 10:00", "2026/12/15 10:03", "财务-郑红",
             {"付款单位": OWNER, "收款单位": TIANHE, "付款账号": ACC[OWNER][1], "收款账号": ACC[TIANHE][1],
              "结算金额": "19,020.00", "结算方式": "电汇", "核销发票号码": inv})]

def c03():
    d = cdir("03-erp-malformed-rows")
    # base: case 01's master and goods
    m, g, f, p1, p2 = case01.build(d)
    write_text(f"{d}/goods-utf8.toml", goods_toml(encoding="utf-8"))
    def variant(name, change, enc="gb18030", hdr=G_HDR):
        docs = c03_dec()
        rows = goods_rows([docs[k] for k in C03_ORDER])
        change(rows)
        write_csv(f"{d}/{name}", hdr, rows, encoding=enc)
        return rows
    variant("dec-valid.csv", lambda r: None)
    def set_(i, col, v):            # i: file line
        return lambda rows: rows[i - 2].__setitem__(col, v)
    variant("m-a-qty-unit.csv", set_(4, "数量", "1200箱"))
    variant("m-b-bad-date.csv", set_(5, "生产日期", "2026/13/15"))
    variant("m-c-accepted-sum.csv", set_(4, "合格数量", "1300"))
    variant("m-d-negative.csv", set_(13, "数量", "-3"))
    variant("m-e-unknown-word.csv", set_(11, "复核结论", "待复检"))
    variant("m-f-unknown-kind.csv", lambda rows: rows.append({
        "单据类型": "调拨单", "单据号": "YK2026120800001", "业务日期": "2026-12-08 09:00", "录入时间": "2026-12-08 09:01:00",
        "操作员": "保管-李国强", "存货编码": P_AMX, "批号": "2610150231", "数量": "100", "货位": "WH-A", "目标货位": "WH-B"}))
    variant("m-g-header-differs.csv", set_(13, "客商编码", CHAIN))
    variant("m-j-missing-batch.csv", set_(5, "批号", ""))
    variant("m-k-bad-instant.csv", lambda rows: [rows[0].__setitem__("业务日期", "12/02/2026 09:10"),
                                                 rows[1].__setitem__("业务日期", "12/02/2026 09:10")])
    # h: UTF-8 export in which one cell was pasted from an old GBK system
    rows = variant("m-h-gbk-in-utf8.csv", lambda r: None, enc="utf-8")
    raw = open(f"{d}/m-h-gbk-in-utf8.csv", "rb").read()
    good = "滨江区人民医院药剂科 刘芳".encode("utf-8")
    lines = raw.split(b"\r\n")
    i = 12 - 1
    assert good in lines[i]
    lines[i] = lines[i].replace(good, "滨江区人民医院药剂科 刘芳".encode("gbk"))
    try:
        lines[i].decode("utf-8"); raise SystemExit("gbk bytes decode as utf-8?")
    except UnicodeDecodeError:
        pass
    open(f"{d}/m-h-gbk-in-utf8.csv", "wb").write(b"\r\n".join(lines))
    # i: an address with an unquoted comma (the ERP did not quote it): one cell too many on line 12
    variant("m-i-extra-column.csv", set_(12, "收货地址", "浙江省杭州市滨江区江汉路 1509 号，门诊楼药库"))
    raw = open(f"{d}/m-i-extra-column.csv", "rb").read().decode("gb18030")
    raw = raw.replace("1509 号，门诊楼药库", "1509 号,门诊楼药库", 1)
    open(f"{d}/m-i-extra-column.csv", "wb").write(raw.encode("gb18030"))
    # l: an older export template without the 录入时间 column
    hdr = [h for h in G_HDR if h != "录入时间"]
    variant("m-l-missing-column.csv", lambda r: None, hdr=hdr)
    # m: a mapping with a misspelt kind
    t = goods_toml().replace('kind = "receipt"', 'kind = "receit"')
    write_text(f"{d}/goods-bad.toml", t)
    # finance variants
    write_text(f"{d}/finance.toml", fin_toml())
    def fvariant(name, change):
        rows = fin_rows(c03_fin())
        change(rows)
        write_csv(f"{d}/{name}", F_HDR, rows, encoding="utf-8", bom=True)
    fvariant("fin-dec-valid.csv", lambda r: None)
    fvariant("f-n-money-3dp.csv", lambda r: r[0].__setitem__("单价(含税)", "8.605"))
    fvariant("f-o-amount-mismatch.csv", lambda r: r[1].__setitem__("金额(含税)", "8,770.00"))
    fvariant("f-p-unknown-method.csv", lambda r: r[2].__setitem__("结算方式", "微信支付"))
    fvariant("f-q-negative-amount.csv", lambda r: r[2].__setitem__("结算金额", "-19,020.00"))
    shutil.copy(os.path.join(os.path.dirname(__file__), "..", "..", "samples", "erp", "goods-2026-10.xlsx"), f"{d}/goods-2026-10.xlsx")
    rl = row_lines(goods_rows([c03_dec()[k] for k in C03_ORDER]), "单据类型", "单据号")
    txt = "# dec-valid.csv file lines: " + "; ".join(f"{k[1]} {v}" for k, v in rl.items()) + "\n"
    txt += "# fin-dec-valid.csv: invoice lines 2,3; payment line 4\n"
    txt += "# goods-bad.toml: line of kind = \"receit\": " + str(t.splitlines().index('kind = "receit"') + 1) + "\n"
    write_text(f"{d}/plan.txt", txt)

BUILDERS["03"] = c03

# ---------------------------------------------------------------- case 04
def c04():
    d = cdir("04-erp-planted-violations")
    m = std_master("r14-04")
    write_jsonl(f"{d}/master.jsonl", m.events)
    write_text(f"{d}/goods.toml", goods_toml())
    write_text(f"{d}/finance.toml", fin_toml())
    A = gdoc
    B1, B2, BM = "2611020318", "2611100402", "2611150077"
    g = [
        A("采购订单", "CG2026120100001", "2026-12-01 09:00", "2026-12-01 09:02:11", "采购-周立群", TIANHE, lines=[
            {"存货编码": P_AMX, "数量": "2,400", "含税单价": "8.60", "价税合计": "20,640.00"}]),
        A("采购订单", "CG2026120100002", "2026-12-01 09:20", "2026-12-01 09:21:30", "采购-周立群", RUIKANG, lines=[
            {"存货编码": P_MET, "数量": "2,000", "含税单价": "1.85", "价税合计": "3,700.00"}]),
        A("采购到货验收单", "SH2026120300001", "2026-12-03 10:00", "2026-12-03 10:04:50", "验收-陈晓燕", TIANHE,
          src="CG2026120100001", dn="TH-PS-2026120200011", acc="验收-陈晓燕、验收-王建华", lines=[
            {"存货编码": P_AMX, "批号": B1, "生产日期": "2026.11.02", "有效期至": "2028-10", "数量": "1200", "合格数量": "1200", "拒收数量": "0", "货位": "RCV"},
            {"存货编码": P_AMX, "批号": B2, "生产日期": "2026.11.10", "有效期至": "2028-10", "数量": "1200", "合格数量": "1200", "拒收数量": "0", "货位": "RCV"}]),
        A("采购入库单", "RK2026120300001", "2026-12-03 11:00", "2026-12-03 11:03:00", "保管-李国强",
          src="CG2026120100001", rec="SH2026120300001", lines=[
            {"存货编码": P_AMX, "批号": B1, "数量": "1200", "货位": "RCV", "目标货位": "WH-A"},
            {"存货编码": P_AMX, "批号": B2, "数量": "1200", "货位": "RCV", "目标货位": "WH-A"}]),
        A("采购到货验收单", "SH2026120400002", "2026-12-04 14:00", "2026-12-04 14:05:00", "验收-王建华", RUIKANG,
          src="CG2026120100002", dn="RK-FH-20261202-0051", acc="验收-王建华、验收-陈晓燕", lines=[
            {"存货编码": P_MET, "批号": BM, "生产日期": "2026-11-15", "有效期至": "2028-10-31", "数量": "2000", "合格数量": "2000", "拒收数量": "0", "货位": "RCV"}]),
        A("采购入库单", "RK2026120400002", "2026-12-04 15:00", "2026-12-04 15:02:00", "保管-李国强",
          src="CG2026120100002", rec="SH2026120400002", lines=[
            {"存货编码": P_MET, "批号": BM, "数量": "2000", "货位": "RCV", "目标货位": "WH-A"}]),
        # V3: 翠苑社区's 医疗机构执业许可证 ran out on 30 Nov; the renewal is not on file
        A("销售订单", "XS2026120700003", "2026-12-07 10:00", "2026-12-07 10:01:30", "销售-赵敏", CHC, lines=[
            {"存货编码": P_MET, "批号": BM, "有效期至": "2028-10-31", "数量": "300", "含税单价": "2.35", "价税合计": "705.00"}]),
        A("出库复核单", "FH2026120700003", "2026-12-07 13:00", "2026-12-07 13:01:00", "复核-孙丽", CHC,
          src="XS2026120700003", rev="复核-孙丽", lines=[
            {"存货编码": P_MET, "批号": BM, "有效期至": "2028-10-31", "数量": "300", "复核结论": "合格"}]),
        A("销售出库单", "PS2026120700003", "2026-12-07 14:00", "2026-12-07 14:03:00", "发货-吴斌", CHC,
          src="XS2026120700003", consignee="翠苑社区卫生服务中心药房 陈静", address=ADDR[CHC][1], lines=[
            {"存货编码": P_MET, "批号": BM, "数量": "300", "货位": "WH-A"}]),
        A("销售订单", "XS2026120800001", "2026-12-08 09:30", "2026-12-08 09:31:00", "销售-赵敏", HOSP, lines=[
            {"存货编码": P_AMX, "批号": B1, "有效期至": "2028-10", "数量": "400", "含税单价": "10.30", "价税合计": "4,120.00"}]),
        A("出库复核单", "FH2026120800001", "2026-12-08 11:00", "2026-12-08 11:02:00", "复核-何伟", HOSP,
          src="XS2026120800001", rev="复核-何伟", lines=[
            {"存货编码": P_AMX, "批号": B1, "有效期至": "2028-10", "数量": "400", "复核结论": "合格"}]),
        # V2: the picker took the other batch; the 出库单 was printed from the pick list
        A("销售出库单", "PS2026120800001", "2026-12-08 14:00", "2026-12-08 14:02:00", "发货-吴斌", HOSP,
          src="XS2026120800001", consignee="滨江区人民医院药剂科 刘芳", address=ADDR[HOSP][1], lines=[
            {"存货编码": P_AMX, "批号": B2, "数量": "400", "货位": "WH-A"}]),
        A("销售订单", "XS2026120900002", "2026-12-09 09:40", "2026-12-09 09:41:00", "销售-赵敏", CHAIN, lines=[
            {"存货编码": P_AMX, "批号": B1, "有效期至": "2028-10", "数量": "300", "含税单价": "10.10", "价税合计": "3,030.00"},
            {"存货编码": P_MET, "批号": BM, "有效期至": "2028-10-31", "数量": "500", "含税单价": "2.40", "价税合计": "1,200.00"}]),
        A("出库复核单", "FH2026120900002", "2026-12-09 11:00", "2026-12-09 11:01:00", "复核-孙丽", CHAIN,
          src="XS2026120900002", rev="复核-孙丽", lines=[
            {"存货编码": P_AMX, "批号": B1, "有效期至": "2028-10", "数量": "300", "复核结论": "合格"},
            {"存货编码": P_MET, "批号": BM, "有效期至": "2028-10-31", "数量": "500", "复核结论": "合格"}]),
        A("销售出库单", "PS2026120900002", "2026-12-09 13:30", "2026-12-09 13:32:00", "发货-吴斌", CHAIN,
          src="XS2026120900002", consignee="民生大药房配送中心 黄磊", address=ADDR[CHAIN][1], lines=[
            {"存货编码": P_AMX, "批号": B1, "数量": "300", "货位": "WH-A"},
            {"存货编码": P_MET, "批号": BM, "数量": "500", "货位": "WH-A"}]),
        A("盘点单", "PD2026123100001", "2026-12-31 17:00", "2026-12-31 17:20:00", "保管-李国强;质管-钱芳", loc="WH-A", lines=[
            {"存货编码": P_AMX, "批号": B1, "数量": "900"},
            {"存货编码": P_AMX, "批号": B2, "数量": "800"},
            {"存货编码": P_MET, "批号": BM, "数量": "1200"}]),
    ]
    # the export groups rows by type: purchases, receipts, put-aways, sales, reviews, dispatches, count
    typ_order = ["采购订单", "采购到货验收单", "采购入库单", "销售订单", "出库复核单", "销售出库单", "盘点单"]
    gfile = sorted(g, key=lambda x: typ_order.index(x.typ))
    write_csv(f"{d}/goods-2026-12.csv", G_HDR, goods_rows(gfile), encoding="gb18030")
    I_TH, I_RK = fapiao(26, 33, 211460588), fapiao(26, 37, 118830977)
    I_C, I_H, I_M = fapiao(26, 33, 240771203), fapiao(26, 33, 240771218), fapiao(26, 33, 240771224)
    F = fdoc
    pay = lambda k, no, when, payer, payee, amt, inv, payee_acc=None: F(k, no, when, when.replace("-", "/")[:16], "财务-郑红", {
        "付款单位": payer, "收款单位": payee, "付款账号": ACC[payer][1], "收款账号": payee_acc or ACC[payee][1],
        "结算金额": amt, "结算方式": "银行转账", "核销发票号码": inv})
    f = [
        F("进项发票", I_TH, "2026-12-03 15:00", "2026/12/03 15:02", "财务-郑红", {"销售方税号": TIANHE, "购买方税号": OWNER,
          "开票日期": "2026年12月03日", "关联采购订单": "CG2026120100001"}, [{"商品编码": P_AMX, "数量": "2400", "单价(含税)": "8.60", "金额(含税)": "20,640.00"}]),
        F("进项发票", I_RK, "2026-12-04 16:30", "2026/12/04 16:31", "财务-郑红", {"销售方税号": RUIKANG, "购买方税号": OWNER,
          "开票日期": "2026年12月04日", "关联采购订单": "CG2026120100002"}, [{"商品编码": P_MET, "数量": "2000", "单价(含税)": "1.85", "金额(含税)": "3,700.00"}]),
        F("销项发票", I_C, "2026-12-07 16:00", "2026/12/07 16:01", "财务-郑红", {"销售方税号": OWNER, "购买方税号": CHC,
          "开票日期": "2026年12月07日", "关联销售订单": "XS2026120700003"}, [{"商品编码": P_MET, "数量": "300", "单价(含税)": "2.35", "金额(含税)": "705.00"}]),
        # V4: the clerk picked the pharmacy chain as buyer of the hospital's invoice
        F("销项发票", I_H, "2026-12-08 16:10", "2026/12/08 16:12", "财务-郑红", {"销售方税号": OWNER, "购买方税号": CHAIN,
          "开票日期": "2026年12月08日", "关联销售订单": "XS2026120800001"}, [{"商品编码": P_AMX, "数量": "400", "单价(含税)": "10.30", "金额(含税)": "4,120.00"}]),
        F("销项发票", I_M, "2026-12-09 16:00", "2026/12/09 16:02", "财务-郑红", {"销售方税号": OWNER, "购买方税号": CHAIN,
          "开票日期": "2026年12月09日", "关联销售订单": "XS2026120900002"}, [
            {"商品编码": P_AMX, "数量": "300", "单价(含税)": "10.10", "金额(含税)": "3,030.00"},
            {"商品编码": P_MET, "数量": "500", "单价(含税)": "2.40", "金额(含税)": "1,200.00"}]),
        # V1: 天和's money paid into its sales rep's personal 建设银行 card
        pay("付款单", "FK2026121800001", "2026-12-18 10:00", OWNER, TIANHE, "20,640.00", I_TH, payee_acc="6217000130005678921"),
        pay("付款单", "FK2026122000002", "2026-12-20 10:00", OWNER, RUIKANG, "3,700.00", I_RK),
        pay("收款单", "SK2026122200001", "2026-12-22 14:00", CHC, OWNER, "705.00", I_C),
        pay("收款单", "SK2026122300002", "2026-12-23 09:30", CHAIN, OWNER, "4,230.00", I_M),
    ]
    write_csv(f"{d}/finance-2026-12.csv", F_HDR, fin_rows(f), encoding="utf-8", bom=True)
    p1 = order_plan(gfile, len(m.events) + 1)
    p2 = order_plan(f, len(m.events) + 1 + len(g))
    rl = row_lines(goods_rows(gfile), "单据类型", "单据号")
    rl.update(row_lines(fin_rows(f), "业务类型", "单据编号"))
    write_text(f"{d}/plan.txt", plan_lines(m.events, [p1, p2], rl))

BUILDERS["04"] = c04

# ---------------------------------------------------------------- case 05
import yun14

def c05_docs():
    Y = yun14.ydoc
    B_A, B_C, B_M = "2609050112", "2411200035", "2611200081"
    def l(p, **k):
        r = {"药品编码": p}
        r.update({ {"b": "批号", "pd": "生产日期", "ex": "有效期至", "q": "数量", "acc": "合格数量", "rej": "拒收数量",
                    "up": "单价", "amt": "金额", "loc": "库位", "to": "目标库位", "ok": "复核结论"}[a]: v for a, v in k.items()})
        return r
    def h(party=None, **k):
        r = {}
        if party: r["往来单位"] = party
        r.update({ {"src": "关联单号", "dn": "随货同行单号", "rec": "验收单号", "accp": "验收人", "rev": "复核人",
                    "cons": "收货人", "addr": "收货地址", "loc": "库位", "iss": "开票方", "buy": "购买方", "on": "开票日期",
                    "payer": "付款方", "payee": "收款方", "pa": "付款账号", "pe": "收款账号", "amt": "结算金额",
                    "how": "结算方式", "inv": "核销发票"}[a]: v for a, v in k.items()})
        return r
    I1, I2, I3 = fapiao(26, 33, 211459876), fapiao(26, 33, 240760519), fapiao(26, 33, 211460312)
    I4, I5, I6 = fapiao(26, 33, 240771488), fapiao(26, 37, 118831206), fapiao(26, 33, 240771495)
    pay = lambda k, no, t, payer, payee, amt, inv: Y(k, no, t, "财务-郑红", h(None, payer=payer, payee=payee,
        pa=ACC[payer][1], pe=ACC[payee][1], amt=amt, how="银行转账", inv=inv), [{}])
    D = [
        Y("采购订单", "CG2026092500001", "2026-09-25 01:30", "采购-周立群", h(TIANHE), [l(P_AMX, q="1000", up="8.60")]),
        Y("验收记录", "SH2026092600001", "2026-09-26 02:20", "验收-陈晓燕", h(TIANHE, src="CG2026092500001", dn="TH-PS-2026092500003",
          accp="验收-陈晓燕;验收-王建华"), [l(P_AMX, b=B_A, pd="2026-09-05", ex="2028-08", q="1000", acc="1000", rej="0", loc="RCV")]),
        Y("入库单", "RK2026092600001", "2026-09-26 03:00", "保管-李国强", h(None, src="CG2026092500001", rec="SH2026092600001"),
          [l(P_AMX, b=B_A, q="1000", loc="RCV", to="WH-A")]),
        Y("采购发票", I1, "2026-09-26 07:00", "财务-郑红", h(None, src="CG2026092500001", iss=TIANHE, buy=OWNER, on="2026-09-26"),
          [l(P_AMX, q="1000", up="8.60", amt="8600.00")]),
        Y("销售订单", "XS2026093000001", "2026-09-30 01:00", "销售-赵敏", h(HOSP), [l(P_AMX, b=B_A, ex="2028-08", q="600", up="10.30")]),
        Y("出库复核", "FH2026093000001", "2026-09-30 05:00", "复核-孙丽", h(HOSP, src="XS2026093000001", rev="复核-孙丽"),
          [l(P_AMX, b=B_A, ex="2028-08", q="600", ok="合格")]),
        Y("出库单", "PS2026093000001", "2026-09-30 08:00", "发货-吴斌", h(HOSP, src="XS2026093000001", cons="滨江区人民医院药剂科 刘芳",
          addr=ADDR[HOSP][1]), [l(P_AMX, b=B_A, q="600", loc="WH-A")]),
        # the billing job runs after midnight Beijing: booked 00:05 on 1 Oct (UTC: 30 Sep 16:05), 开票日期 1 Oct
        Y("销售发票", I2, "2026-09-30 16:05", "财务-郑红", h(None, src="XS2026093000001", dn="PS2026093000001", iss=OWNER, buy=HOSP,
          on="2026-10-01"), [l(P_AMX, q="600", up="10.30", amt="6180.00")]),
        pay("付款", "FK2026102000001", "2026-10-20 02:00", OWNER, TIANHE, "8600.00", I1),
        Y("采购订单", "CG2026110200001", "2026-11-02 01:00", "采购-周立群", h(TIANHE), [l(P_CEF, q="300", up="9.80")]),
        Y("验收记录", "SH2026110200001", "2026-11-02 06:00", "验收-陈晓燕", h(TIANHE, src="CG2026110200001", dn="TH-PS-2026110200021",
          accp="验收-陈晓燕;验收-王建华"), [l(P_CEF, b=B_C, pd="2024-11-20", ex="2026-11", q="300", acc="300", rej="0", loc="RCV")]),
        Y("入库单", "RK2026110200001", "2026-11-02 07:00", "保管-李国强", h(None, src="CG2026110200001", rec="SH2026110200001"),
          [l(P_CEF, b=B_C, q="300", loc="RCV", to="WH-A")]),
        Y("采购发票", I3, "2026-11-02 08:00", "财务-郑红", h(None, src="CG2026110200001", iss=TIANHE, buy=OWNER, on="2026-11-02"),
          [l(P_CEF, q="300", up="9.80", amt="2940.00")]),
        pay("付款", "FK2026112000002", "2026-11-20 02:00", OWNER, TIANHE, "2940.00", I3),
        # the hospital's bank transfer posts at 00:30 Beijing on 30 Nov, 25 minutes after the 60-day deadline
        pay("收款", "SK2026113000001", "2026-11-29 16:30", HOSP, OWNER, "6180.00", I2),
        Y("销售订单", "XS2026113000002", "2026-11-30 01:00", "销售-赵敏", h(HOSP), [l(P_CEF, b=B_C, ex="2026-11", q="300", up="12.00")]),
        Y("出库复核", "FH2026113000002", "2026-11-30 06:00", "复核-何伟", h(HOSP, src="XS2026113000002", rev="复核-何伟"),
          [l(P_CEF, b=B_C, ex="2026-11", q="300", ok="合格")]),
        # 瑞康's licence is on file valid to 2026-11-30: order at 23:30 Beijing on 30 Nov ...
        Y("采购订单", "CG2026113000003", "2026-11-30 15:30", "采购-周立群", h(RUIKANG), [l(P_MET, q="2000", up="1.85")]),
        # 民生大药房连锁's new licence is valid from 2026-12-01: order at 00:10 Beijing on 1 Dec
        Y("销售订单", "XS2026113000004", "2026-11-30 16:10", "销售-赵敏", h(CHAIN), [l(P_AMX, b=B_A, ex="2028-08", q="200", up="10.10")]),
        # the short-dated batch (有效期至 2026-11) leaves on the night truck at 00:20 Beijing on 1 Dec
        Y("出库单", "PS2026113000002", "2026-11-30 16:20", "发货-吴斌", h(HOSP, src="XS2026113000002", cons="滨江区人民医院药剂科 刘芳",
          addr=ADDR[HOSP][1]), [l(P_CEF, b=B_C, q="300", loc="WH-A")]),
        # ... 瑞康's goods arrive at 00:30 Beijing on 1 Dec
        Y("验收记录", "SH2026113000003", "2026-11-30 16:30", "验收-王建华", h(RUIKANG, src="CG2026113000003", dn="RK-FH-20261129-0107",
          accp="验收-王建华;验收-陈晓燕"), [l(P_MET, b=B_M, pd="2026-11-20", ex="2028-11-30", q="2000", acc="2000", rej="0", loc="RCV")]),
        Y("入库单", "RK2026113000003", "2026-11-30 17:10", "保管-李国强", h(None, src="CG2026113000003", rec="SH2026113000003"),
          [l(P_MET, b=B_M, q="2000", loc="RCV", to="WH-A")]),
        Y("出库复核", "FH2026113000004", "2026-11-30 23:00", "复核-孙丽", h(CHAIN, src="XS2026113000004", rev="复核-孙丽"),
          [l(P_AMX, b=B_A, ex="2028-08", q="200", ok="合格")]),
        Y("出库单", "PS2026113000004", "2026-12-01 01:30", "发货-吴斌", h(CHAIN, src="XS2026113000004", cons="民生大药房配送中心 黄磊",
          addr=ADDR[CHAIN][1]), [l(P_AMX, b=B_A, q="200", loc="WH-A")]),
        Y("销售发票", I4, "2026-12-01 02:00", "财务-郑红", h(None, src="XS2026113000002", dn="PS2026113000002", iss=OWNER, buy=HOSP,
          on="2026-12-01"), [l(P_CEF, q="300", up="12.00", amt="3600.00")]),
        Y("采购发票", I5, "2026-12-01 03:00", "财务-郑红", h(None, src="CG2026113000003", iss=RUIKANG, buy=OWNER, on="2026-12-01"),
          [l(P_MET, q="2000", up="1.85", amt="3700.00")]),
        Y("销售发票", I6, "2026-12-01 04:00", "财务-郑红", h(None, src="XS2026113000004", dn="PS2026113000004", iss=OWNER, buy=CHAIN,
          on="2026-12-01"), [l(P_AMX, q="200", up="10.10", amt="2020.00")]),
        Y("盘点单", "PD2026120100001", "2026-12-01 09:00", "保管-李国强;质管-钱芳", h(None, loc="WH-A"),
          [l(P_AMX, b=B_A, q="200"), l(P_MET, b=B_M, q="2000")]),
    ]
    return D

def c05():
    d = cdir("05-erp-in-utc")
    m = std_master("r14-05", start="2026-09-20 09:00",
                   ruikang_licence=lic("鲁20160088", "drug_manufacturing", "2021-12-01", "2026-11-30"),
                   chain_licence=lic("浙CA5710733", "drug_retail", "2026-12-01", "2031-11-30"))
    write_jsonl(f"{d}/master.jsonl", m.events)
    write_text(f"{d}/yunerp.toml", yun14.yun_toml())
    # the same mapping by an integrator who forgot that the cloud ERP writes UTC
    write_text(f"{d}/yunerp-misread.toml", yun14.yun_toml(tz="+08:00").replace('name = "yikang-yun-all"', 'name = "yikang-yun-all-misread"'))
    D = c05_docs()
    # the cloud ERP exports by document type, then number
    typ_order = ["采购订单", "验收记录", "入库单", "销售订单", "出库复核", "出库单", "盘点单", "采购发票", "销售发票", "付款", "收款"]
    F = sorted(D, key=lambda x: (typ_order.index(x.typ), x.no))
    write_csv(f"{d}/yunerp-2026q4.csv", yun14.Y_HDR, yun14.yun_rows(F), encoding="utf-8", crlf=False)
    p = order_plan(F, len(m.events) + 1)
    rl = row_lines(yun14.yun_rows(F), "单据类型", "单据编号")
    write_text(f"{d}/plan.txt", plan_lines(m.events, [p], rl))

BUILDERS["05"] = c05

# ---------------------------------------------------------------- case 06
def c06_months():
    A = gdoc
    BA1, BA2, BD = "2609120077", "2610200145", "2501300219"
    I_TH10, I_TH11 = fapiao(26, 33, 211458803), fapiao(26, 33, 211460021)
    I_C1, I_C2 = fapiao(26, 33, 240769905), fapiao(26, 33, 240769912)
    I_H, I_H2 = fapiao(26, 33, 240770288), fapiao(26, 33, 240772051)
    sale3 = lambda c, xs, fh, ps, t_xs, t_fh, t_ps, lines, cons: [
        A("销售订单", xs, t_xs, t_xs + ":40", "销售-赵敏", c, lines=[dict(l) for l in lines]),
        A("出库复核单", fh, t_fh, t_fh + ":30", "复核-孙丽", c, src=xs, rev="复核-孙丽",
          lines=[{k: v for k, v in dict(l, **{"复核结论": "合格"}).items() if k not in ("含税单价",)} for l in lines]),
        A("销售出库单", ps, t_ps, t_ps + ":50", "发货-吴斌", c, src=xs, consignee=cons, address=ADDR[c][1],
          lines=[{"存货编码": l["存货编码"], "批号": l["批号"], "数量": l["数量"], "货位": "WH-A"} for l in lines])]
    HC, CC = "滨江区人民医院药剂科 刘芳", "民生大药房配送中心 黄磊"
    goods = {
        "2026-10": [
            A("采购订单", "CG2026100800001", "2026-10-08 09:30", "2026-10-08 09:33:00", "采购-周立群", TIANHE, lines=[
                {"存货编码": P_AMX, "数量": "1000", "含税单价": "8.60"}, {"存货编码": P_DS, "数量": "400", "含税单价": "12.50"}]),
            A("采购到货验收单", "SH2026100900001", "2026-10-09 10:00", "2026-10-09 10:05:00", "验收-陈晓燕", TIANHE,
              src="CG2026100800001", dn="TH-PS-2026100800005", acc="验收-陈晓燕、验收-王建华", lines=[
                {"存货编码": P_AMX, "批号": BA1, "生产日期": "2026-09-12", "有效期至": "2028-08", "数量": "1000", "合格数量": "1000", "拒收数量": "0", "货位": "RCV"},
                {"存货编码": P_DS, "批号": BD, "生产日期": "2025-01-30", "有效期至": "2027-01-30", "数量": "400", "合格数量": "400", "拒收数量": "0", "货位": "RCV"}]),
            A("采购入库单", "RK2026100900001", "2026-10-09 11:00", "2026-10-09 11:02:00", "保管-李国强",
              src="CG2026100800001", rec="SH2026100900001", lines=[
                {"存货编码": P_AMX, "批号": BA1, "数量": "1000", "货位": "RCV", "目标货位": "WH-A"},
                {"存货编码": P_DS, "批号": BD, "数量": "400", "货位": "RCV", "目标货位": "WH-A"}]),
            *sale3(HOSP, "XS2026101200001", "FH2026101200001", "PS2026101200001", "2026-10-12 10:00", "2026-10-12 13:00",
                   "2026-10-12 14:00", [{"存货编码": P_AMX, "批号": BA1, "有效期至": "2028-08", "数量": "300", "含税单价": "10.30"}], HC),
            *sale3(HOSP, "XS2026102600002", "FH2026102600002", "PS2026102600002", "2026-10-26 10:00", "2026-10-26 13:00",
                   "2026-10-26 14:00", [{"存货编码": P_AMX, "批号": BA1, "有效期至": "2028-08", "数量": "200", "含税单价": "10.30"}], HC),
            A("盘点单", "PD2026103100001", "2026-10-31 18:00", "2026-10-31 18:10:00", "保管-李国强;质管-钱芳", loc="WH-A", lines=[
                {"存货编码": P_AMX, "批号": BA1, "数量": "500"}, {"存货编码": P_DS, "批号": BD, "数量": "400"}]),
            # the chain's B2B order at 21:00 leaves on the night run at 23:40 (91 days before the batch's expiry)
            *sale3(CHAIN, "XS2026103100003", "FH2026103100003", "PS2026103100003", "2026-10-31 21:00", "2026-10-31 22:30",
                   "2026-10-31 23:40", [{"存货编码": P_DS, "批号": BD, "有效期至": "2027-01-30", "数量": "150", "含税单价": "15.80"}], CC),
        ],
        "2026-11": [
            # a second order after midnight leaves at 00:30 on 1 Nov (90 days before expiry)
            *sale3(CHAIN, "XS2026110100004", "FH2026110100004", "PS2026110100004", "2026-11-01 00:10", "2026-11-01 00:25",
                   "2026-11-01 00:30", [{"存货编码": P_DS, "批号": BD, "有效期至": "2027-01-30", "数量": "100", "含税单价": "15.80"}], CC),
            A("采购订单", "CG2026110200002", "2026-11-02 09:00", "2026-11-02 09:03:00", "采购-周立群", TIANHE, lines=[
                {"存货编码": P_AMX, "数量": "800", "含税单价": "8.60"}]),
            A("采购到货验收单", "SH2026110300002", "2026-11-03 10:00", "2026-11-03 10:04:00", "验收-王建华", TIANHE,
              src="CG2026110200002", dn="TH-PS-2026110200019", acc="验收-王建华、验收-陈晓燕", lines=[
                {"存货编码": P_AMX, "批号": BA2, "生产日期": "2026-10-20", "有效期至": "2028-09", "数量": "800", "合格数量": "800", "拒收数量": "0", "货位": "RCV"}]),
            A("采购入库单", "RK2026110300002", "2026-11-03 11:00", "2026-11-03 11:03:00", "保管-李国强",
              src="CG2026110200002", rec="SH2026110300002", lines=[
                {"存货编码": P_AMX, "批号": BA2, "数量": "800", "货位": "RCV", "目标货位": "WH-A"}]),
            A("盘点单", "PD2026113000001", "2026-11-30 17:30", "2026-11-30 17:41:00", "保管-李国强;质管-钱芳", loc="WH-A", lines=[
                {"存货编码": P_AMX, "批号": BA1, "数量": "500"}, {"存货编码": P_AMX, "批号": BA2, "数量": "800"},
                {"存货编码": P_DS, "批号": BD, "数量": "150"}]),
        ],
        "2026-12": [
            *sale3(HOSP, "XS2026121000005", "FH2026121000005", "PS2026121000005", "2026-12-10 10:00", "2026-12-10 13:00",
                   "2026-12-10 14:00", [{"存货编码": P_AMX, "批号": BA2, "有效期至": "2028-09", "数量": "300", "含税单价": "10.30"}], HC),
            A("盘点单", "PD2026123100001", "2026-12-31 17:30", "2026-12-31 17:42:00", "保管-李国强;质管-钱芳", loc="WH-A", lines=[
                {"存货编码": P_AMX, "批号": BA1, "数量": "500"}, {"存货编码": P_AMX, "批号": BA2, "数量": "500"},
                {"存货编码": P_DS, "批号": BD, "数量": "150"}]),
        ],
        "2027-01": [
            A("盘点单", "PD2027011000001", "2027-01-10 17:30", "2027-01-10 17:40:00", "保管-李国强;质管-钱芳", loc="WH-A", lines=[
                {"存货编码": P_AMX, "批号": BA1, "数量": "500"}, {"存货编码": P_AMX, "批号": BA2, "数量": "500"},
                {"存货编码": P_DS, "批号": BD, "数量": "150"}]),
        ],
    }
    F = fdoc
    pay = lambda k, no, day, ent, payer, payee, amt, inv: F(k, no, day, ent, "财务-郑红", {
        "付款单位": payer, "收款单位": payee, "付款账号": ACC[payer][1], "收款账号": ACC[payee][1],
        "结算金额": amt, "结算方式": "银行转账", "核销发票号码": inv, "摘要": "银行回单（仅日期）"})
    fin = {
        "2026-10": [
            F("进项发票", I_TH10, "2026-10-09 15:00", "2026/10/09 15:02", "财务-郑红", {"销售方税号": TIANHE, "购买方税号": OWNER,
              "开票日期": "2026年10月09日", "关联采购订单": "CG2026100800001"}, [
                {"商品编码": P_AMX, "数量": "1000", "单价(含税)": "8.60", "金额(含税)": "8,600.00"},
                {"商品编码": P_DS, "数量": "400", "单价(含税)": "12.50", "金额(含税)": "5,000.00"}])],
        "2026-11": [
            # the billing job after midnight invoices the night delivery of 31 Oct
            F("销项发票", I_C1, "2026-11-01 00:20", "2026/11/01 00:21", "财务-系统开票", {"销售方税号": OWNER, "购买方税号": CHAIN,
              "开票日期": "2026年11月01日", "关联销售订单": "XS2026103100003", "随货同行单号": "PS2026103100003"}, [
                {"商品编码": P_DS, "数量": "150", "单价(含税)": "15.80", "金额(含税)": "2,370.00"}]),
            F("销项发票", I_C2, "2026-11-01 09:00", "2026/11/01 09:02", "财务-郑红", {"销售方税号": OWNER, "购买方税号": CHAIN,
              "开票日期": "2026年11月01日", "关联销售订单": "XS2026110100004", "随货同行单号": "PS2026110100004"}, [
                {"商品编码": P_DS, "数量": "100", "单价(含税)": "15.80", "金额(含税)": "1,580.00"}]),
            F("进项发票", I_TH11, "2026-11-03 15:00", "2026/11/03 15:02", "财务-郑红", {"销售方税号": TIANHE, "购买方税号": OWNER,
              "开票日期": "2026年11月03日", "关联采购订单": "CG2026110200002"}, [
                {"商品编码": P_AMX, "数量": "800", "单价(含税)": "8.60", "金额(含税)": "6,880.00"}]),
            # 月结: one invoice on 5 Nov for the hospital's two October sales
            F("销项发票", I_H, "2026-11-05 07:00", "2026/11/05 07:03", "财务-郑红", {"销售方税号": OWNER, "购买方税号": HOSP,
              "开票日期": "2026年11月05日", "关联销售订单": "XS2026101200001;XS2026102600002"}, [
                {"商品编码": P_AMX, "数量": "500", "单价(含税)": "10.30", "金额(含税)": "5,150.00"}]),
            pay("付款单", "FK2026112000001", "2026-11-20", "2026/11/20 10:04", OWNER, TIANHE, "13,600.00", I_TH10)],
        "2026-12": [
            F("销项发票", I_H2, "2026-12-10 16:00", "2026/12/10 16:02", "财务-郑红", {"销售方税号": OWNER, "购买方税号": HOSP,
              "开票日期": "2026年12月10日", "关联销售订单": "XS2026121000005", "随货同行单号": "PS2026121000005"}, [
                {"商品编码": P_AMX, "数量": "300", "单价(含税)": "10.30", "金额(含税)": "3,090.00"}]),
            pay("收款单", "SK2026121500001", "2026-12-15", "2026/12/15 11:20", CHAIN, OWNER, "3,950.00", f"{I_C1};{I_C2}"),
            pay("付款单", "FK2026121800002", "2026-12-18", "2026/12/18 10:30", OWNER, TIANHE, "6,880.00", I_TH11)],
        "2027-01": [
            # the hospital's transfer: the bank statement gives the date only (2027-01-04)
            pay("收款单", "SK2027010400001", "2027-01-04", "2027/01/04 09:15", HOSP, OWNER, "8,240.00", f"{I_H};{I_H2}")],
    }
    return goods, fin, dict(I_C1=I_C1, I_C2=I_C2, I_H=I_H, I_H2=I_H2)

def c06():
    d = cdir("06-erp-monthly-import-order-and-bare-dates")
    m = std_master("r14-06", start="2026-09-28 09:00", products=(P_AMX, P_DS))
    write_jsonl(f"{d}/master.jsonl", m.events)
    write_text(f"{d}/goods.toml", goods_toml())
    write_text(f"{d}/finance.toml", fin_toml())
    goods, fin, inv = c06_months()
    for mo in goods:
        write_csv(f"{d}/goods-{mo}.csv", G_HDR, goods_rows(goods[mo]), encoding="gb18030")
        write_csv(f"{d}/finance-{mo}.csv", F_HDR, fin_rows(fin[mo]), encoding="utf-8", bom=True)
    txt = ""
    for label, first in (("A: docs order (goods then finance, month by month)", "goods"),
                         ("B: finance then goods, month by month", "fin")):
        plans = []
        n = len(m.events) + 1
        for mo in goods:
            for kind in ((goods, fin) if first == "goods" else (fin, goods)):
                p = order_plan(kind[mo], n)
                n += len(p)
                plans.append(p)
        txt += f"\n######## ledger {label}\n" + plan_lines(m.events, plans)
    txt += "\ninvoices: " + json.dumps(inv) + "\n"
    write_text(f"{d}/plan.txt", txt)

BUILDERS["06"] = c06

# ---------------------------------------------------------------- case 07
import random

TEMP_TOML = '''# 温湿度自动监测系统 export (历史数据导出): one row per reading, 上传批次号 groups the readings of one
# upload. The system writes local (Beijing) time without an offset. GBK, as such systems write.
name = "yikang-wsd"
encoding = "gbk"
timezone = "+08:00"
instant_formats = ["%Y-%m-%d %H:%M:%S"]

[[document]]
kind = "temperature_reading"
group_by = "上传批次号"
[document.fields]
occurred_at = "上传时间"
entered_at = "上传时间"
recorded_by = { value = ["温湿度监测系统"] }
"data.sensor" = "测点编号"
"data.zone" = "库区"
"data.readings[].at" = "采集时间"
"data.readings[].celsius" = "温度(℃)"
"data.readings[].humidity" = "湿度(%RH)"
'''
T_HDR = ["上传批次号", "上传时间", "测点编号", "库区", "采集时间", "温度(℃)", "湿度(%RH)", "报警状态"]

def c07():
    d = cdir("07-temperature-csv-copied-beijing-day")
    m = Master("r14-07", start="2026-10-01 09:00")
    m.party(OWNER, "wholesaler", "self", lic("浙AA5710452", "drug_wholesale", "2024-03-01", "2029-02-28"),
            ["chemical", "tcm_patent", "biological", "cold_chain"], *ADDR[OWNER])
    m.zone("CR-1", "cold", ["TH-R01"])
    m.zone("CR-2", "cold", ["TH-R02"])
    write_jsonl(f"{d}/master.jsonl", m.events)
    write_text(f"{d}/temperature.toml", TEMP_TOML)
    rnd = random.Random(1407)
    start = bj("2026-10-10 00:00")
    n = 4 * 144 + 24          # 10 Oct 00:00 .. 14 Oct 03:50 every 10 minutes
    def walk():
        v, h, out = 5.0, 55.0, []
        for i in range(n):
            v = min(6.4, max(3.6, v + rnd.choice([-0.2, -0.1, -0.1, 0, 0.1, 0.1, 0.2])))
            h = min(65.0, max(45.0, h + rnd.choice([-1, 0, 0, 1])))
            out.append([round(v, 1), h])
        return out
    s1, s2 = walk(), walk()
    # CR-1: the day of 12 Oct (Beijing) is a copy, value for value, of 11 Oct
    for i in range(144):
        s1[2 * 144 + i] = list(s1[144 + i])
    # CR-2: the 24 hours from 12 Oct 08:00 to 13 Oct 07:50 Beijing (= the UTC day of 12 Oct) repeat 11 Oct 08:00 .. 12 Oct 07:50
    for i in range(144):
        s2[144 + 48 + 144 + i] = list(s2[144 + 48 + i])
    rows, uploads = [], []
    for sensor, zone, series, off in (("TH-R01", "CR-1", s1, 30), ("TH-R02", "CR-2", s2, 90)):
        for k in range(n // 24):
            up = start + timedelta(hours=4 * (k + 1), seconds=off)
            no = f"{zone}-{up.strftime('%Y%m%d%H%M')}"
            uploads.append((up, no, sensor, k))
            for i in range(24 * k, 24 * (k + 1)):
                at = start + timedelta(minutes=10 * i)
                rows.append({"上传批次号": no, "上传时间": up.strftime("%Y-%m-%d %H:%M:%S"), "测点编号": sensor, "库区": zone,
                             "采集时间": at.strftime("%Y-%m-%d %H:%M:%S"), "温度(℃)": f"{series[i][0]:.1f}",
                             "湿度(%RH)": f"{series[i][1]:.0f}", "报警状态": "正常"})
    write_csv(f"{d}/wsd-CR-2026-10-10_14.csv", T_HDR, rows, encoding="gbk")
    uploads.sort()
    txt = "# predicted seqs: master 1-3, then uploads by occurred_at (upload time)\n"
    for i, (up, no, sensor, k) in enumerate(uploads, len(m.events) + 1):
        first = start + timedelta(hours=4 * k)
        last = first + timedelta(minutes=230)
        txt += f"{i:3d} {no} {sensor} upload {up.strftime('%m-%d %H:%M:%S')} readings {first.strftime('%m-%d %H:%M')}..{last.strftime('%m-%d %H:%M')}\n"
    # self-check: the copied Beijing day of CR-1 equals 11 Oct; no other pair of Beijing days of either sensor does
    def day(series, dd):
        return [x[0] for x in series[144 * dd:144 * (dd + 1)]]
    pairs = [(a, b) for a in range(4) for b in range(4) if a < b and day(s1, a) == day(s1, b)]
    pairs2 = [(a, b) for a in range(4) for b in range(4) if a < b and day(s2, a) == day(s2, b)]
    txt += f"# self-check: equal Beijing days CR-1 {pairs}, CR-2 {pairs2} (day 0 = 10 Oct)\n"
    utc_day = lambda series, dd: [x[0] for x in series[144 * dd + 48:144 * (dd + 1) + 48]]
    txt += f"# self-check: equal UTC days CR-1 {[(a,b) for a in range(3) for b in range(3) if a<b and utc_day(s1,a)==utc_day(s1,b)]}, CR-2 {[(a,b) for a in range(3) for b in range(3) if a<b and utc_day(s2,a)==utc_day(s2,b)]} (UTC day 0 = 10 Oct UTC)\n"
    changes = lambda xs: sum(1 for a, b in zip(xs, xs[1:]) if a != b)
    txt += f"# value changes per Beijing day CR-1 {[changes(day(s1, k)) for k in range(4)]}, CR-2 {[changes(day(s2, k)) for k in range(4)]}\n"
    write_text(f"{d}/plan.txt", txt)

BUILDERS["07"] = c07

# ---------------------------------------------------------------- case 08
import epcis14 as EP

B8_IBU1, B8_IBU2, B8_MTS1, B8_MTS2 = "2610280061", "2610280062", "2610300118", "2611050203"
SER8 = [f"1{n:05d}" for n in range(1, 21)]       # serials of the 20 serialized boxes

def c08_partner_events():
    e0 = EP.receiving("2026-11-18T10:20:00+08:00", "2026-11-18T10:27:41+08:00", "SH2026111800001", "CG2026111600001",
                      "TH-PS-2026111700004", TIANHE, [
                          {"epcClass": EP.dl_class(G_IBU, B8_IBU1, "261028", "290930"), "quantity": 1200, "uom": "H87"},
                          {"epcClass": EP.dl_class(G_MTS, B8_MTS1, "261030", "281031"), "quantity": 600, "uom": "H87"}],
                      event_id=EP.uid("tonghe-rcv-0001"), read_point="urn:epc:id:sgln:6970001.00002.0")
    e1 = EP.receiving("2026-11-19T02:15:00Z", "2026-11-19T02:21:09Z", "SH2026111900002", "CG2026111700002",
                      "TH-PS-2026111800009", TIANHE, [
                          {"epcClass": EP.dl_class(G_MTS), "quantity": 400, "uom": "H87"}],
                      action="ADD", biz_step="https://ref.gs1.org/cbv/BizStep-receiving",
                      ilmd={"cbvmda:lotNumber": B8_MTS2, "cbvmda:itemExpirationDate": "2028-10-31",
                            "cbvmda:productionDate": "2026-11-05"},
                      event_id=EP.uid("tonghe-rcv-0002"))
    epcs = [EP.sgtin_urn(G_IBU, s) if i % 2 == 0 else EP.sgtin_dl(G_IBU, s) for i, s in enumerate(SER8)]
    e2 = EP.receiving("2026-11-20T14:05:00+08:00", "2026-11-20T14:09:30+08:00", "SH2026112000003", "CG2026112000003",
                      "TH-PS-2026112000012", TIANHE, [
                          {"epcClass": EP.dl_class(G_IBU, B8_IBU2, "261028", "290930"), "quantity": 20, "uom": "H87"}],
                      epcs=epcs, biz_step="urn:epcglobal:cbv:bizstep:receiving", event_id=EP.uid("tonghe-rcv-0003"))
    return [e0, e1, e2]

def c08_erp():
    A = gdoc
    po = [
        A("采购订单", "CG2026111600001", "2026-11-16 09:30", "2026-11-16 09:32:00", "采购-周立群", TIANHE, lines=[
            {"存货编码": G_IBU, "数量": "1200", "含税单价": "9.20"}, {"存货编码": G_MTS, "数量": "600", "含税单价": "6.80"}]),
        A("采购订单", "CG2026111700002", "2026-11-17 10:00", "2026-11-17 10:01:00", "采购-周立群", TIANHE, lines=[
            {"存货编码": G_MTS, "数量": "400", "含税单价": "6.80"}]),
        A("采购订单", "CG2026112000003", "2026-11-20 09:00", "2026-11-20 09:02:00", "采购-周立群", TIANHE, lines=[
            {"存货编码": G_IBU, "数量": "20", "含税单价": "9.20"}]),
    ]
    codes = ";".join(f"(01){G_IBU}(21){s}" for s in SER8[:5])
    after = [
        A("采购入库单", "RK2026111800001", "2026-11-18 11:00", "2026-11-18 11:02:00", "保管-李国强", src="CG2026111600001",
          rec="SH2026111800001", lines=[{"存货编码": G_IBU, "批号": B8_IBU1, "数量": "1200", "货位": "RCV", "目标货位": "WH-A"},
                                        {"存货编码": G_MTS, "批号": B8_MTS1, "数量": "600", "货位": "RCV", "目标货位": "WH-A"}]),
        A("采购入库单", "RK2026111900002", "2026-11-19 11:00", "2026-11-19 11:02:00", "保管-李国强", src="CG2026111700002",
          rec="SH2026111900002", lines=[{"存货编码": G_MTS, "批号": B8_MTS2, "数量": "400", "货位": "RCV", "目标货位": "WH-A"}]),
        A("采购入库单", "RK2026112000003", "2026-11-20 15:00", "2026-11-20 15:02:00", "保管-李国强", src="CG2026112000003",
          rec="SH2026112000003", lines=[{"存货编码": G_IBU, "批号": B8_IBU2, "数量": "20", "货位": "RCV", "目标货位": "WH-A"}]),
        A("销售订单", "XS2026112300001", "2026-11-23 10:00", "2026-11-23 10:01:00", "销售-赵敏", HOSP, lines=[
            {"存货编码": G_IBU, "批号": B8_IBU1, "有效期至": "2029-09-30", "数量": "500", "含税单价": "11.50"},
            {"存货编码": G_MTS, "批号": B8_MTS2, "有效期至": "2028-10-31", "数量": "200", "含税单价": "8.40"}]),
        A("出库复核单", "FH2026112300001", "2026-11-23 13:00", "2026-11-23 13:02:00", "复核-孙丽", HOSP, src="XS2026112300001",
          rev="复核-孙丽", lines=[
            {"存货编码": G_IBU, "批号": B8_IBU1, "有效期至": "2029-09-30", "数量": "500", "复核结论": "合格"},
            {"存货编码": G_MTS, "批号": B8_MTS2, "有效期至": "2028-10-31", "数量": "200", "复核结论": "合格"}]),
        A("销售出库单", "PS2026112300001", "2026-11-23 14:30", "2026-11-23 14:32:00", "发货-吴斌", HOSP, src="XS2026112300001",
          consignee="滨江区人民医院药剂科 刘芳", address=ADDR[HOSP][1], lines=[
            {"存货编码": G_IBU, "批号": B8_IBU1, "数量": "500", "货位": "WH-A"},
            {"存货编码": G_MTS, "批号": B8_MTS2, "数量": "200", "货位": "WH-A"}]),
        A("盘点单", "PD2026113000001", "2026-11-30 17:30", "2026-11-30 17:40:00", "保管-李国强;质管-钱芳", loc="WH-A", lines=[
            {"存货编码": G_IBU, "批号": B8_IBU1, "数量": "700"}, {"存货编码": G_IBU, "批号": B8_IBU2, "数量": "20"},
            {"存货编码": G_MTS, "批号": B8_MTS1, "数量": "600"}, {"存货编码": G_MTS, "批号": B8_MTS2, "数量": "200"}]),
    ]
    I1, I2, I3, IS = fapiao(26, 33, 211461102), fapiao(26, 33, 211461119), fapiao(26, 33, 211461175), fapiao(26, 33, 240771602)
    F = fdoc
    fin = [
        F("进项发票", I1, "2026-11-18 16:00", "2026/11/18 16:02", "财务-郑红", {"销售方税号": TIANHE, "购买方税号": OWNER,
          "开票日期": "2026年11月18日", "关联采购订单": "CG2026111600001"}, [
            {"商品编码": G_IBU, "数量": "1200", "单价(含税)": "9.20", "金额(含税)": "11,040.00"},
            {"商品编码": G_MTS, "数量": "600", "单价(含税)": "6.80", "金额(含税)": "4,080.00"}]),
        F("进项发票", I2, "2026-11-19 16:00", "2026/11/19 16:02", "财务-郑红", {"销售方税号": TIANHE, "购买方税号": OWNER,
          "开票日期": "2026年11月19日", "关联采购订单": "CG2026111700002"}, [
            {"商品编码": G_MTS, "数量": "400", "单价(含税)": "6.80", "金额(含税)": "2,720.00"}]),
        F("进项发票", I3, "2026-11-20 16:00", "2026/11/20 16:02", "财务-郑红", {"销售方税号": TIANHE, "购买方税号": OWNER,
          "开票日期": "2026年11月20日", "关联采购订单": "CG2026112000003"}, [
            {"商品编码": G_IBU, "数量": "20", "单价(含税)": "9.20", "金额(含税)": "184.00"}]),
        F("销项发票", IS, "2026-11-23 16:00", "2026/11/23 16:02", "财务-郑红", {"销售方税号": OWNER, "购买方税号": HOSP,
          "开票日期": "2026年11月23日", "关联销售订单": "XS2026112300001", "随货同行单号": "PS2026112300001"}, [
            {"商品编码": G_IBU, "数量": "500", "单价(含税)": "11.50", "金额(含税)": "5,750.00"},
            {"商品编码": G_MTS, "数量": "200", "单价(含税)": "8.40", "金额(含税)": "1,680.00"}]),
        F("付款单", "FK2026112800001", "2026-11-28 10:00", "2026/11/28 10:03", "财务-郑红", {"付款单位": OWNER, "收款单位": TIANHE,
          "付款账号": ACC[OWNER][1], "收款账号": ACC[TIANHE][1], "结算金额": "18,024.00", "结算方式": "电汇",
          "核销发票号码": f"{I1};{I2};{I3}"}),
        F("收款单", "SK2026113000001", "2026-11-30 14:00", "2026/11/30 14:03", "财务-郑红", {"付款单位": HOSP, "收款单位": OWNER,
          "付款账号": ACC[HOSP][1], "收款账号": ACC[OWNER][1], "结算金额": "7,430.00", "结算方式": "银行转账", "核销发票号码": IS}),
    ]
    return po, after, fin

def c08():
    d = cdir("08-epcis-partner-receipts-with-erp")
    m = std_master("r14-08", start="2026-11-10 09:00", products=(G_IBU, G_MTS))
    write_jsonl(f"{d}/master.jsonl", m.events)
    write_text(f"{d}/goods.toml", goods_toml())
    write_text(f"{d}/finance.toml", fin_toml())
    po, after, fin = c08_erp()
    write_csv(f"{d}/goods-po-2026-11.csv", G_HDR, goods_rows(po), encoding="gb18030")
    write_csv(f"{d}/goods-2026-11.csv", G_HDR, goods_rows(after), encoding="gb18030")
    write_csv(f"{d}/finance-2026-11.csv", F_HDR, fin_rows(fin), encoding="utf-8", bom=True)
    write_json(f"{d}/tonghe-receiving-2026-11.jsonld", EP.document(c08_partner_events()))
    n = len(m.events) + 1
    p1 = order_plan(po, n); n += len(p1)
    txt = plan_lines(m.events, [p1])
    for i, (t, doc) in enumerate((("2026-11-18 10:20", "SH2026111800001"), ("2026-11-19 10:15", "SH2026111900002"),
                                  ("2026-11-20 14:05", "SH2026112000003"))):
        txt += f"{n + i:3d}  receipt(EPCIS) {doc} {t}\n"
    n += 3
    p2 = order_plan(after, n); n += len(p2)
    p3 = order_plan(fin, n)
    txt += plan_lines([], [p2, p3]).split("\n", 2)[2]
    write_text(f"{d}/plan.txt", txt)

BUILDERS["08"] = c08

# ---------------------------------------------------------------- case 09
def c09():
    d = cdir("09-epcis-refusals-and-duplicates")
    m = std_master("r14-08", start="2026-11-10 09:00", products=(G_IBU, G_MTS))
    write_jsonl(f"{d}/master.jsonl", m.events)
    write_text(f"{d}/goods.toml", goods_toml())
    po, _, _ = c08_erp()
    write_csv(f"{d}/goods-po-2026-11.csv", G_HDR, goods_rows(po), encoding="gb18030")
    def base(**k):
        a = dict(event_time="2026-11-18T10:20:00+08:00", record_time="2026-11-18T10:27:41+08:00",
                 recadv="SH2026111800001", po="CG2026111600001", desadv="TH-PS-2026111700004", supplier=TIANHE,
                 qlist=[{"epcClass": EP.dl_class(G_IBU, B8_IBU1, "261028", "290930"), "quantity": 1200, "uom": "H87"}],
                 event_id=EP.uid("tonghe-rcv-0001"))
        a.update(k)
        return EP.receiving(**a)
    def put(name, events):
        write_json(f"{d}/{name}.jsonld", EP.document(events))
    good = base()
    put("d1-receiving", [good])
    # refusals
    e = base(); e["bizStep"] = "shipping"; e["disposition"] = "in_transit"
    e["destinationList"] = [{"type": "owning_party", "destination": f"urn:rxledger:party:{HOSP}"}]; put("r01-shipping", [e])
    agg = {"type": "AggregationEvent", "eventTime": "2026-11-18T09:00:00+08:00", "eventTimeZoneOffset": "+08:00",
           "eventID": EP.uid("tonghe-agg-1"), "parentID": "urn:epc:id:sscc:6970001.0000000011",
           "childEPCs": [EP.sgtin_urn(G_IBU, "100001"), EP.sgtin_urn(G_IBU, "100002")], "action": "ADD",
           "bizStep": "packing", "disposition": "in_progress", "bizLocation": {"id": "urn:rxledger:loc:RCV"}}
    put("r04-aggregation", [agg])
    e = base(); e["bizTransactionList"].append({"type": "recadv", "bizTransaction": "urn:rxledger:doc:SH2026111800001-2"}); put("r05-two-recadv", [e])
    e = base(); e["bizLocation"] = {"id": "https://id.gs1.org/414/6970001000021"}; put("r06-gln-location", [e])
    put("r07-no-expiry", [base(qlist=[{"epcClass": EP.dl_class(G_IBU, B8_IBU1, "261028"), "quantity": 1200, "uom": "H87"}])])
    put("r08-uom-kgm", [base(qlist=[{"epcClass": EP.dl_class(G_IBU, B8_IBU1, "261028", "290930"), "quantity": 1200, "uom": "KGM"}])])
    put("r09-fractional", [base(qlist=[{"epcClass": EP.dl_class(G_IBU, B8_IBU1, "261028", "290930"), "quantity": 1199.5, "uom": "H87"}])])
    ilmd = {"cbvmda:lotNumber": B8_IBU1, "cbvmda:itemExpirationDate": "2029-09-30", "cbvmda:productionDate": "2026-10-28"}
    put("r10-observe-with-ilmd", [base(ilmd=ilmd)])
    put("r11-add-without-ilmd", [base(action="ADD")])
    put("r12-ilmd-lot-differs", [base(action="ADD", ilmd=dict(ilmd, **{"cbvmda:lotNumber": "2610280099"}))])
    put("r13-malformed-sgtin", [base(epcs=["urn:epc:id:sgtin:6971234.05001.100001"])])
    e = base(epcs=[EP.sgtin_urn(G_IBU, s) for s in SER8[:3]]); del e["quantityList"]; put("r14-epclist-only", [e])
    put("r15-gtin-check-digit", [base(qlist=[{"epcClass": EP.dl_class("06971234500015", B8_IBU1, "261028", "290930"), "quantity": 1200, "uom": "H87"}])])
    write_text(f"{d}/r16-xml.jsonld", '<?xml version="1.0" encoding="UTF-8"?>\n<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-11-20T15:00:00+08:00">\n  <EPCISBody><EventList/></EPCISBody>\n</epcis:EPCISDocument>\n')
    put("r17-eventid-hash-mismatch", [base(event_id="ni:///sha-256;" + "0" * 64 + "?ver=CBV2.0")])
    e2 = base(recadv="SH2026111900002", po="CG2026111700002", desadv="TH-PS-2026111800009", event_time="2026-11-19T10:15:00+08:00",
              record_time="2026-11-19T10:21:09+08:00", event_id=EP.uid("tonghe-rcv-0002"),
              qlist=[{"epcClass": EP.dl_class(G_MTS, B8_MTS2, "261105", "281031"), "quantity": 400, "uom": "H87"}])
    bad = base(); bad["bizStep"] = "shipping"
    put("r18-two-good-one-bad", [good, e2, bad])
    put("r19-quantity-zero", [base(qlist=[{"epcClass": EP.dl_class(G_IBU, B8_IBU1, "261028", "290930"), "quantity": 0, "uom": "H87"}])])
    put("r20-codes-two-entries", [base(epcs=[EP.sgtin_urn(G_IBU, "100001")], qlist=[
        {"epcClass": EP.dl_class(G_IBU, B8_IBU1, "261028", "290930"), "quantity": 1200, "uom": "H87"},
        {"epcClass": EP.dl_class(G_MTS, B8_MTS1, "261030", "281031"), "quantity": 600, "uom": "H87"}])])
    put("r21-lgtin-without-ilmd", [base(qlist=[{"epcClass": f"urn:epc:class:lgtin:6971234.050001.{B8_IBU1}", "quantity": 1200, "uom": "H87"}])])
    e = base(); e["sourceList"].append({"type": "owning_party", "source": "urn:rxledger:party:" + RUIKANG}); put("r22-two-owning-parties", [e])
    e = base(); e["bizTransactionList"] = [b for b in e["bizTransactionList"] if b["type"] != "recadv"]; put("r23-no-recadv", [e])
    e = base(); e["eventTime"] = "2026-11-18T10:20:00"; put("r26-time-without-offset", [e])
    # accepted, with consequences (on copies)
    put("g24-gln-supplier", [base(party_uri="https://id.gs1.org/417/6970001000014")])
    put("g25-expiry-day-00", [base(qlist=[{"epcClass": EP.dl_class(G_IBU, B8_IBU1, "261028", "290900"), "quantity": 1200, "uom": "H87"}])])
    # duplicates
    e = base(); e["recordTime"] = "2026-11-19T08:00:00+08:00"; put("d3-resent-other-recordtime", [e])
    put("d4-same-event-twice", [e2, e2])
    e5 = EP.receiving("2026-11-20T14:05:00+08:00", "2026-11-20T14:09:30+08:00", "SH2026112000003", "CG2026112000003",
                      "TH-PS-2026112000012", TIANHE, [{"epcClass": EP.dl_class(G_IBU, B8_IBU2, "261028", "290930"), "quantity": 20, "uom": "H87"}],
                      epcs=[EP.sgtin_urn(G_IBU, s) for s in SER8])
    put("d5-no-eventid", [e5])
    e6 = base(event_id=EP.uid("tonghe-rcv-0001-resend")); put("d6-new-eventid-same-doc", [e6])
    write_text(f"{d}/plan.txt", "# seqs: master 1-9, purchase orders 10-12 (CG…16 10, CG…17 11, CG…20 12)\n"
               "# d1 receipt SH2026111800001 -> 13; d4 SH2026111900002 -> 14; d5 SH2026112000003 -> 15\n")

BUILDERS["09"] = c09

# ---------------------------------------------------------------- case 10
def c10():
    d = cdir("10-epcis-export-roundtrip-and-tamper")
    case01.build(d)
    c07_src = os.path.join(ROOT, "07-temperature-csv-copied-beijing-day")
    for f in ("master.jsonl", "temperature.toml", "wsd-CR-2026-10-10_14.csv"):
        shutil.copy(os.path.join(c07_src, f), os.path.join(d, ("cold-" + f) if f == "master.jsonl" else f))
    write_text(f"{d}/plan.txt", "# ledger A = case 01 (36 records); movement records 13 SH (2 lines), 14 RK (2), 15 SH (1), 16 RK (1),\n"
               "# 19 PS (2), 22 PS (2), 25 PS (1), 26 PD (3): 8 events, 14 EPCIS events in record order (eventList[6] = PS…01 line 0, 600)\n"
               "# ledger C = case 07 (53 records: 3 master, 50 uploads)\n")

BUILDERS["10"] = c10

# ---------------------------------------------------------------- case 11
def c11():
    d = cdir("11-ci-exit-codes-and-formats")
    src = {"L01": ("01-erp-clean-month", ["master.jsonl", "goods.toml", "finance.toml", "goods-2026-11.csv", "finance-2026-11.csv"]),
           "L02": ("02-erp-exactly-once-and-changed", ["master.jsonl", "goods.toml", "goods-mtd-1110.csv", "goods-2026-11.csv"]),
           "L04": ("04-erp-planted-violations", ["master.jsonl", "goods.toml", "finance.toml", "goods-2026-12.csv", "finance-2026-12.csv"]),
           "L06": ("06-erp-monthly-import-order-and-bare-dates", ["master.jsonl", "goods.toml", "finance.toml"] +
                   [f"{k}-{m}.csv" for m in ("2026-10", "2026-11", "2026-12", "2027-01") for k in ("goods", "finance")])}
    for sub, (case, files) in src.items():
        os.makedirs(f"{d}/{sub}", exist_ok=True)
        for f in files:
            shutil.copy(os.path.join(ROOT, case, f), f"{d}/{sub}/{f}")
    write_text(f"{d}/ci-expired-near-major.toml", '# policy: a near-expiry dispatch blocks the pipeline\n[severity]\n"EXPIRED-NEAR" = "major"\n')
    write_text(f"{d}/ci-disable-expired-near.toml", 'disabled = ["EXPIRED-NEAR"]\n')
    write_text(f"{d}/ci-bad-key.toml", '[thresholds]\nunpaid_dayz = 90\n')
    write_text(f"{d}/ci-bad-rule.toml", '[severity]\n"EXPIRD-NEAR" = "minor"\n')
    write_text(f"{d}/ci-negative.toml", '[thresholds]\nunpaid_days = -1\n')

BUILDERS["11"] = c11

# ---------------------------------------------------------------- case 12
import xlsx14 as X

def c12_docs():
    A = gdoc
    B = "2412010044"
    return [
        A("采购订单", "CG2026121500001", "2026-12-15 09:00", "2026-12-15 09:03:00", "采购-周立群", TIANHE, lines=[
            {"存货编码": P_CEF, "数量": "200", "含税单价": "9.80"}]),
        A("采购到货验收单", "SH2026121600001", "2026-12-16 10:00", "2026-12-16 10:04:00", "验收-陈晓燕", TIANHE,
          src="CG2026121500001", dn="TH-PS-2026121500031", acc="验收-陈晓燕、验收-王建华", lines=[
            {"存货编码": P_CEF, "批号": B, "生产日期": "2024-12-01", "有效期至": "2026-12-31", "数量": "200",
             "合格数量": "200", "拒收数量": "0", "货位": "RCV"}]),
        A("采购入库单", "RK2026121600001", "2026-12-16 11:00", "2026-12-16 11:02:00", "保管-李国强",
          src="CG2026121500001", rec="SH2026121600001", lines=[
            {"存货编码": P_CEF, "批号": B, "数量": "200", "货位": "RCV", "目标货位": "WH-A"}]),
        A("销售订单", "XS2026123100001", "2026-12-31 09:00", "2026-12-31 09:02:00", "销售-赵敏", HOSP, lines=[
            {"存货编码": P_CEF, "批号": B, "有效期至": "2026-12-31", "数量": "200", "含税单价": "12.00"}]),
        A("出库复核单", "FH2026123100001", "2026-12-31 15:00", "2026-12-31 15:02:00", "复核-孙丽", HOSP,
          src="XS2026123100001", rev="复核-孙丽", lines=[
            {"存货编码": P_CEF, "批号": B, "有效期至": "2026-12-31", "数量": "200", "复核结论": "合格"}]),
        # the hospital's emergency order leaves at 23:50 on the expiry day (Beijing)
        A("销售出库单", "PS2026123100001", "2026-12-31 23:50", "2026-12-31 23:52:00", "发货-吴斌", HOSP,
          src="XS2026123100001", consignee="滨江区人民医院急诊药房 王磊", address=ADDR[HOSP][1], lines=[
            {"存货编码": P_CEF, "批号": B, "数量": "200", "货位": "WH-A"}]),
    ]

def c12_cells(rows, change=None):
    """ERP rows -> spreadsheet cells: instants as date-time cells, dates as date cells, quantities and
    prices as number cells, codes as text."""
    out = []
    for i, r in enumerate(rows):
        row = []
        for h in G_HDR:
            v = r.get(h, "")
            if v and h in ("业务日期",):
                v = X.Date(v)
            elif v and h == "录入时间":
                v = X.Date(v[:16])
            elif v and h in ("生产日期", "有效期至") and len(v) == 10:
                v = X.Date(v)
            elif v and h in ("数量", "合格数量", "拒收数量"):
                v = int(v.replace(",", ""))
            elif v and h in ("含税单价",):
                v = float(v)
            row.append(v)
        out.append(row)
    if change:
        change(out)
    return out

def c12():
    d = cdir("12-xlsx-date-cells-and-long-numbers")
    m = std_master("r14-12", start="2026-12-01 09:00")
    write_jsonl(f"{d}/master.jsonl", m.events)
    t = goods_toml().replace('kind_column = "单据类型"', 'sheet = "出入库明细"\nkind_column = "单据类型"')
    write_text(f"{d}/goods.toml", t)
    docs = c12_docs()
    rows = goods_rows(docs)
    write_csv(f"{d}/goods-2026-12.csv", G_HDR, rows, encoding="gb18030")
    X.write(f"{d}/goods-2026-12.xlsx", "出入库明细", G_HDR, c12_cells(rows))
    ci = G_HDR.index
    def setc(r, c, v):
        return lambda out: out[r - 2].__setitem__(ci(c), v)
    X.write(f"{d}/x-18digit-number.xlsx", "出入库明细", G_HDR, c12_cells(rows, setc(5, "客商编码", X.Raw("123301084701132587"))))
    X.write(f"{d}/x-datetime-in-date.xlsx", "出入库明细", G_HDR, c12_cells(rows, setc(3, "生产日期", X.Date("2024-12-01 08:00"))))
    X.write(f"{d}/x-formula-error.xlsx", "出入库明细", G_HDR, c12_cells(rows, setc(3, "数量", X.Err("#N/A"))))
    X.write(f"{d}/x-date-in-number.xlsx", "出入库明细", G_HDR, c12_cells(rows, setc(7, "数量", X.Date("2026-12-31"))))
    p = order_plan(docs, len(m.events) + 1)
    rl = row_lines(rows, "单据类型", "单据号")
    write_text(f"{d}/plan.txt", plan_lines(m.events, [p], rl) + "# spreadsheet rows = CSV lines (header row 1)\n")

BUILDERS["12"] = c12
