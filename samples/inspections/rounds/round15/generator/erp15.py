# Round 15 import cases: ERP exports of 浙江瑞禾医药 (用友-style goods export in GB18030 with CRLF,
# 金蝶-style finance export in UTF-8 with BOM), their mappings, master data, and plan.txt: the
# record order I derive from docs/import.md ("Order") for each way of importing them.
# python3 erp15.py CASESDIR   (deterministic)
import csv
import io
import json
import os
import sys
from lib15 import Ledger, invoice_no, trace_code
from world15 import (OWNER, MFR_CHEM, NATWH, HOSP1, CHAIN, CHAIN_XS, ADDR, ACCT, P, PROD, codes,
                     party_events, product_events, zone_events)

OUT = sys.argv[1] if len(sys.argv) > 1 else "../cases"

GOODS_COLS = ["单据类型", "单据号", "业务时间", "录入时间", "操作员", "客商编码", "来源单号", "随货单号", "验收单号",
              "存货编码", "批号", "生产日期", "有效期至", "数量", "合格数量", "拒收数量", "货位", "目标货位", "移库类型",
              "含税单价", "验收员", "复核员", "复核结论", "收货人", "收货地址", "追溯码"]
FIN_COLS = ["业务类型", "单据编号", "记账日期", "制单日期", "制单人", "关联采购订单", "关联销售订单", "销售方税号", "购买方税号",
            "开票日期", "商品编码", "数量", "单价(含税)", "金额(含税)", "付款单位", "收款单位", "付款账号", "收款账号",
            "结算金额", "结算方式", "核销发票号码"]

GOODS_TOML = '''# 用友 U8-style goods export of 浙江瑞禾医药有限公司 (进销存单据明细): one row per document line,
# 单据类型 says which document. GB18030, CRLF. Written for round 15 from docs/import.md.
name = "ruihe-u8-goods"
encoding = "gb18030"
timezone = "+08:00"
date_formats = ["%Y-%m-%d", "%Y/%m/%d"]
instant_formats = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
kind_column = "单据类型"
skip = ["作废"]

[[document]]
kind = "purchase"
when = "采购订单"
group_by = "单据号"
[document.fields]
occurred_at = "业务时间"
entered_at = "录入时间"
recorded_by = "操作员"
"data.doc" = "单据号"
"data.supplier" = "客商编码"
"data.lines[].product" = "存货编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "含税单价"

[[document]]
kind = "receipt"
when = "采购到货验收单"
group_by = "单据号"
[document.fields]
occurred_at = "业务时间"
entered_at = "录入时间"
recorded_by = "操作员"
"refs.order" = "来源单号"
"refs.delivery_note" = "随货单号"
"data.doc" = "单据号"
"data.supplier" = "客商编码"
"data.acceptors" = "验收员"
"data.lines[].product" = "存货编码"
"data.lines[].batch" = "批号"
"data.lines[].production_date" = "生产日期"
"data.lines[].expiry" = "有效期至"
"data.lines[].arrived" = "数量"
"data.lines[].accepted" = "合格数量"
"data.lines[].rejected" = "拒收数量"
"data.lines[].location" = "货位"
"data.lines[].codes" = "追溯码"

[[document]]
kind = "put_away"
when = "采购入库单"
group_by = "单据号"
[document.fields]
occurred_at = "业务时间"
entered_at = "录入时间"
recorded_by = "操作员"
"refs.order" = "来源单号"
"refs.receipt" = "验收单号"
"data.doc" = "单据号"
"data.lines[].product" = "存货编码"
"data.lines[].batch" = "批号"
"data.lines[].quantity" = "数量"
"data.lines[].from" = "货位"
"data.lines[].to" = "目标货位"
"data.lines[].codes" = "追溯码"

[[document]]
kind = "transfer"
when = "移库单"
group_by = "单据号"
[document.fields]
occurred_at = "业务时间"
entered_at = "录入时间"
recorded_by = "操作员"
"data.doc" = "单据号"
"data.reason" = { column = "移库类型", map = { "调拨" = "relocation", "质量锁定" = "quarantine", "复检放行" = "release" } }
"data.lines[].product" = "存货编码"
"data.lines[].batch" = "批号"
"data.lines[].quantity" = "数量"
"data.lines[].from" = "货位"
"data.lines[].to" = "目标货位"
"data.lines[].codes" = "追溯码"

[[document]]
kind = "sale"
when = "销售订单"
group_by = "单据号"
[document.fields]
occurred_at = "业务时间"
entered_at = "录入时间"
recorded_by = "操作员"
"data.doc" = "单据号"
"data.customer" = "客商编码"
"data.channel" = { value = "wholesale" }
"data.lines[].product" = "存货编码"
"data.lines[].batch" = "批号"
"data.lines[].expiry" = "有效期至"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "含税单价"

[[document]]
kind = "outbound_review"
when = "出库复核单"
group_by = "单据号"
[document.fields]
occurred_at = "业务时间"
entered_at = "录入时间"
recorded_by = "操作员"
"refs.sale" = "来源单号"
"data.doc" = "单据号"
"data.customer" = "客商编码"
"data.reviewers" = "复核员"
"data.lines[].product" = "存货编码"
"data.lines[].batch" = "批号"
"data.lines[].expiry" = "有效期至"
"data.lines[].quantity" = "数量"
"data.lines[].quality" = { column = "复核结论", map = { "合格" = "ok", "不合格" = "defective" } }

[[document]]
kind = "dispatch"
when = "销售出库单"
group_by = "单据号"
[document.fields]
occurred_at = "业务时间"
entered_at = "录入时间"
recorded_by = "操作员"
"refs.sale" = "来源单号"
"data.doc" = "单据号"
"data.customer" = "客商编码"
"data.consignee" = "收货人"
"data.address" = "收货地址"
"data.lines[].product" = "存货编码"
"data.lines[].batch" = "批号"
"data.lines[].quantity" = "数量"
"data.lines[].from" = "货位"
"data.lines[].codes" = "追溯码"

[[document]]
kind = "stock_count"
when = "盘点单"
group_by = "单据号"
[document.fields]
occurred_at = "业务时间"
entered_at = "录入时间"
recorded_by = "操作员"
"data.doc" = "单据号"
"data.location" = "货位"
"data.lines[].product" = "存货编码"
"data.lines[].batch" = "批号"
"data.lines[].counted" = "数量"
'''

FIN_TOML = '''# 金蝶-style finance export of 浙江瑞禾医药有限公司 (往来单据: 进项/销项发票, 付款单/收款单).
# UTF-8 with BOM, LF. 开票日期 written 2026年10月01日. Written for round 15 from docs/import.md.
name = "ruihe-kis-finance"
encoding = "utf-8"
timezone = "+08:00"
date_formats = ["%Y年%m月%d日", "%Y-%m-%d"]
instant_formats = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
kind_column = "业务类型"

[[document]]
kind = "invoice"
when = ["进项发票", "销项发票"]
group_by = "单据编号"
[document.fields]
occurred_at = "记账日期"
entered_at = "制单日期"
recorded_by = "制单人"
"refs.order" = "关联采购订单"
"refs.sale" = "关联销售订单"
"data.doc" = "单据编号"
"data.direction" = { column = "业务类型", map = { "进项发票" = "purchase", "销项发票" = "sale" } }
"data.issuer" = "销售方税号"
"data.buyer" = "购买方税号"
"data.issued_on" = "开票日期"
"data.lines[].product" = "商品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "单价(含税)"
"data.lines[].amount" = "金额(含税)"
"data.total" = { sum = "amount" }

[[document]]
kind = "payment"
when = ["付款单", "收款单"]
group_by = "单据编号"
[document.fields]
occurred_at = "记账日期"
entered_at = "制单日期"
recorded_by = "制单人"
"data.doc" = "单据编号"
"data.direction" = { column = "业务类型", map = { "付款单" = "outgoing", "收款单" = "incoming" } }
"data.payer" = "付款单位"
"data.payee" = "收款单位"
"data.payer_account" = "付款账号"
"data.payee_account" = "收款账号"
"data.amount" = "结算金额"
"data.method" = { column = "结算方式", map = { "银行转账" = "bank_transfer", "电汇" = "bank_transfer", "承兑汇票" = "acceptance_bill", "支票" = "cheque", "现金" = "cash" } }
"data.invoices" = "核销发票号码"
'''

import datetime as dt


def plus(s, minutes):
    d = dt.datetime.strptime(s, "%Y-%m-%d %H:%M") + dt.timedelta(minutes=minutes)
    return d.strftime("%Y-%m-%d %H:%M")


def yuan(minor):
    return "{:,.2f}".format(minor / 100)


class Goods:
    """Documents of the goods export; each doc is a list of rows (dicts of GOODS_COLS)."""
    def __init__(self):
        self.docs = []      # (kind_word, doc_no, occurred, entered, kind, rows)

    def add(self, word, kind, no, occ, by, rows, entered=None, **common):
        ent = entered or plus(occ, 5)
        out = []
        for r in rows:
            row = {c: "" for c in GOODS_COLS}
            row.update({"单据类型": word, "单据号": no, "业务时间": occ, "录入时间": ent, "操作员": by})
            row.update(common)
            row.update(r)
            out.append(row)
        self.docs.append((word, no, occ, ent, kind, out))


class Fin:
    def __init__(self):
        self.docs = []

    def invoice(self, word, no, occ, by, order, sale, issuer, buyer, issued, lines, entered=None):
        ent = entered or plus(occ, 5)
        rows = []
        for k, q, price in lines:
            pm = round(float(price) * 100)
            rows.append({"业务类型": word, "单据编号": no, "记账日期": occ, "制单日期": ent, "制单人": by,
                         "关联采购订单": order, "关联销售订单": sale, "销售方税号": issuer, "购买方税号": buyer,
                         "开票日期": issued, "商品编码": P[k], "数量": str(q), "单价(含税)": price,
                         "金额(含税)": yuan(q * pm)})
        self.docs.append((word, no, occ, ent, "invoice", [{**{c: "" for c in FIN_COLS}, **r} for r in rows]))
        return sum(q * round(float(pr) * 100) for _, q, pr in lines)

    def payment(self, word, no, occ, by, payer, payee, amount_minor, invoices, entered=None):
        ent = entered or plus(occ, 5)
        row = {c: "" for c in FIN_COLS}
        row.update({"业务类型": word, "单据编号": no, "记账日期": occ, "制单日期": ent, "制单人": by,
                    "付款单位": payer, "收款单位": payee, "付款账号": ACCT[payer][1], "收款账号": ACCT[payee][1],
                    "结算金额": yuan(amount_minor), "结算方式": "银行转账", "核销发票号码": ";".join(invoices)})
        self.docs.append((word, no, occ, ent, "payment", [row]))


def write_csv(path, cols, docs, encoding, newline, bom=False, grouped=True, cutoff=None):
    """Rows grouped by document type in the order of `order_words` (as ERPs list them), each
    document's rows together; only documents entered at or before `cutoff` (an export snapshot)."""
    ds = [d for d in docs if cutoff is None or d[3] <= cutoff]
    if grouped:
        order = []
        for d in ds:
            if d[0] not in order:
                order.append(d[0])
        ds = sorted(ds, key=lambda d: (order.index(d[0]), ds.index(d)))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(cols)
    for d in ds:
        for r in d[5]:
            w.writerow([r[c] for c in cols])
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)
    return ds


def plan(files, start_seq, present=()):
    """docs/import.md, Order: 'the events are appended in the order of their occurred_at (documents of
    the same instant in the order of their first rows, and of the files as named)'. files: list of
    (name, docs as written in file order). Returns lines 'seq occurred kind doc file'."""
    ev = []
    for fi, (name, ds) in enumerate(files):
        for di, d in enumerate(ds):
            ev.append((d[2], fi, di, d[4], d[1], name))
    ev.sort(key=lambda e: (e[0], e[1], e[2]))
    out, seq = [], start_seq
    for e in ev:
        if (e[3], e[4]) in present:
            out.append("   - %s %-15s %-22s %s (already present)" % (e[0], e[3], e[4], e[5]))
            continue
        out.append("%4d %s %-15s %-22s %s" % (seq, e[0], e[3], e[4], e[5]))
        seq += 1
    return out, seq


def master(path, day, parties, products, zones):
    L = Ledger("r15-erp-" + os.path.basename(os.path.dirname(path)))
    party_events(L, day + " 09:00", [OWNER] + parties)
    product_events(L, day + " 10:00", products)
    zone_events(L, day + " 11:00", zones)
    L.write(path)
    return len(L.lines)


def gcode_cell(cs):
    return ";".join(cs)


# ======================================================================= case 01
def case01():
    d = os.path.join(OUT, "01-one-period-goods-and-finance-together-and-apart")
    os.makedirs(d, exist_ok=True)
    n_master = master(os.path.join(d, "master.jsonl"), "2026-09-28", [MFR_CHEM, NATWH, HOSP1, CHAIN], ["AMX", "MOR"], ("WH-A", "SP-1"))
    A_b, A_pd, A_ex = "NK2608153", "2026-08-15", "2028-08-14"
    M_b, M_pd, M_ex = "M2607124", "2026-07-12", "2029-07-11"
    mc = codes("MOR", 271001, 100)
    g = Goods()
    # ERP lists documents grouped by type: orders, receipts, put-aways, sales, reviews, dispatches, counts
    g.add("采购订单", "purchase", "CG2026100100001", "2026-10-01 08:30", "采购-钱伟",
          [{"存货编码": P["AMX"], "数量": "3000", "含税单价": "8.60"}], 客商编码=MFR_CHEM)
    g.add("采购订单", "purchase", "CG2026100800002", "2026-10-08 09:00", "采购-钱伟",
          [{"存货编码": P["MOR"], "数量": "100", "含税单价": "3.12"}], 客商编码=NATWH)
    g.add("采购到货验收单", "receipt", "YS2026100100001", "2026-10-01 14:00", "验收-张丽",
          [{"存货编码": P["AMX"], "批号": A_b, "生产日期": A_pd, "有效期至": A_ex, "数量": "3000", "合格数量": "3000", "拒收数量": "0", "货位": "RCV"}],
          客商编码=MFR_CHEM, 来源单号="CG2026100100001", 随货单号="NK-PS2026100100517", 验收员="验收-张丽")
    g.add("采购到货验收单", "receipt", "YS2026100900002", "2026-10-09 10:00", "验收-张丽;验收-王强",
          [{"存货编码": P["MOR"], "批号": M_b, "生产日期": M_pd, "有效期至": M_ex, "数量": "100", "合格数量": "100", "拒收数量": "0", "货位": "RCV",
            "追溯码": gcode_cell(mc)}],
          客商编码=NATWH, 来源单号="CG2026100800002", 随货单号="HYBJ-PS2026100800733", 验收员="验收-张丽;验收-王强")
    g.add("采购入库单", "put_away", "RK2026100100001", "2026-10-01 14:40", "保管-赵磊",
          [{"存货编码": P["AMX"], "批号": A_b, "数量": "3000", "货位": "RCV", "目标货位": "WH-A"}],
          来源单号="CG2026100100001", 验收单号="YS2026100100001")
    g.add("采购入库单", "put_away", "RK2026100900002", "2026-10-09 10:30", "保管-赵磊;保管-孙悦",
          [{"存货编码": P["MOR"], "批号": M_b, "数量": "100", "货位": "RCV", "目标货位": "SP-1", "追溯码": gcode_cell(mc)}],
          来源单号="CG2026100800002", 验收单号="YS2026100900002")
    g.add("销售订单", "sale", "XS2026100100001", "2026-10-01 15:00", "销售-郑浩",
          [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": "600", "含税单价": "9.50"}], 客商编码=HOSP1)
    g.add("销售订单", "sale", "XS2026101200002", "2026-10-12 09:00", "销售-郑浩",
          [{"存货编码": P["MOR"], "批号": M_b, "有效期至": M_ex, "数量": "30", "含税单价": "3.45"}], 客商编码=HOSP1)
    g.add("销售订单", "sale", "XS2026101500003", "2026-10-15 09:00", "销售-郑浩",
          [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": "200", "含税单价": "9.80"}], 客商编码=CHAIN)
    g.add("销售订单", "sale", "XS2026102000004", "2026-10-20 09:00", "销售-郑浩",
          [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": "400", "含税单价": "9.50"}], 客商编码=HOSP1)
    g.add("出库复核单", "outbound_review", "FH2026100100001", "2026-10-01 15:15", "复核-李娜",
          [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": "600", "复核结论": "合格"}], 客商编码=HOSP1, 来源单号="XS2026100100001", 复核员="复核-李娜")
    g.add("出库复核单", "outbound_review", "FH2026101200002", "2026-10-12 10:00", "复核-李娜;复核-陈刚",
          [{"存货编码": P["MOR"], "批号": M_b, "有效期至": M_ex, "数量": "30", "复核结论": "合格"}], 客商编码=HOSP1, 来源单号="XS2026101200002", 复核员="复核-李娜;复核-陈刚")
    g.add("出库复核单", "outbound_review", "FH2026101500003", "2026-10-15 09:40", "复核-李娜",
          [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": "200", "复核结论": "合格"}], 客商编码=CHAIN, 来源单号="XS2026101500003", 复核员="复核-李娜")
    g.add("出库复核单", "outbound_review", "FH2026102000004", "2026-10-20 13:30", "复核-陈刚",
          [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": "400", "复核结论": "合格"}], 客商编码=HOSP1, 来源单号="XS2026102000004", 复核员="复核-陈刚")
    g.add("销售出库单", "dispatch", "PS2026100100001", "2026-10-01 15:30", "保管-赵磊",
          [{"存货编码": P["AMX"], "批号": A_b, "数量": "600", "货位": "WH-A"}], 客商编码=HOSP1, 来源单号="XS2026100100001",
          收货人="拱宸人民医院药库 蒋涛", 收货地址=ADDR[HOSP1])
    g.add("销售出库单", "dispatch", "PS2026101200002", "2026-10-12 10:30", "保管-赵磊;保管-孙悦",
          [{"存货编码": P["MOR"], "批号": M_b, "数量": "30", "货位": "SP-1", "追溯码": gcode_cell(mc[:30])}], 客商编码=HOSP1, 来源单号="XS2026101200002",
          收货人="拱宸人民医院药剂科 麻精药品管理员 许静", 收货地址=ADDR[HOSP1])
    g.add("销售出库单", "dispatch", "PS2026101500003", "2026-10-15 10:00", "保管-赵磊",
          [{"存货编码": P["AMX"], "批号": A_b, "数量": "200", "货位": "WH-A"}], 客商编码=CHAIN, 来源单号="XS2026101500003",
          收货人="民康大药房连锁配送中心 唐丽", 收货地址=ADDR[CHAIN])
    g.add("销售出库单", "dispatch", "PS2026102000004", "2026-10-20 14:00", "保管-赵磊",
          [{"存货编码": P["AMX"], "批号": A_b, "数量": "400", "货位": "WH-A"}], 客商编码=HOSP1, 来源单号="XS2026102000004",
          收货人="拱宸人民医院药库 蒋涛", 收货地址=ADDR[HOSP1])
    g.add("盘点单", "stock_count", "PD2026103100001", "2026-10-31 17:00", "保管-赵磊;质管-周敏",
          [{"存货编码": P["AMX"], "批号": A_b, "数量": "1800", "货位": "WH-A"}], 货位="WH-A")
    g.add("盘点单", "stock_count", "PD2026103100002", "2026-10-31 17:10", "保管-赵磊;保管-孙悦",
          [{"存货编码": P["MOR"], "批号": M_b, "数量": "70", "货位": "SP-1"}], 货位="SP-1")
    f = Fin()
    i1 = invoice_no(26, 33, 104580317)
    i3 = invoice_no(26, 11, 200716452)
    i5 = invoice_no(26, 33, 104663208)
    i7 = invoice_no(26, 33, 104890571)
    t1 = f.invoice("进项发票", i1, "2026-10-01 14:10", "财务-吴芳", "CG2026100100001", "", MFR_CHEM, OWNER, "2026年10月01日", [("AMX", 3000, "8.60")])
    t3 = f.invoice("进项发票", i3, "2026-10-09 10:20", "财务-吴芳", "CG2026100800002", "", NATWH, OWNER, "2026年10月09日", [("MOR", 100, "3.12")])
    t5 = f.invoice("销项发票", i5, "2026-10-15 10:00", "财务-吴芳", "", "XS2026101500003", OWNER, CHAIN, "2026年10月15日", [("AMX", 200, "9.80")])
    f.payment("付款单", "FK2026102000001", "2026-10-20 10:00", "财务-吴芳", OWNER, MFR_CHEM, t1, [i1])
    f.payment("付款单", "FK2026102300002", "2026-10-23 15:00", "财务-吴芳", OWNER, NATWH, t3, [i3])
    f.invoice("销项发票", i7, "2026-10-30 10:00", "财务-吴芳", "", "XS2026100100001;XS2026101200002;XS2026102000004", OWNER, HOSP1, "2026年10月30日",
              [("AMX", 1000, "9.50"), ("MOR", 30, "3.45")])
    f.payment("收款单", "SK2026103100001", "2026-10-31 16:00", "财务-吴芳", CHAIN, OWNER, t5, [i5])
    gd = write_csv(os.path.join(d, "goods-2026-10.csv"), GOODS_COLS, g.docs, "gb18030", "\r\n")
    fd = write_csv(os.path.join(d, "finance-2026-10.csv"), FIN_COLS, f.docs, "utf-8", "\n", bom=True)
    open(os.path.join(d, "goods.toml"), "w", encoding="utf-8").write(GOODS_TOML)
    open(os.path.join(d, "finance.toml"), "w", encoding="utf-8").write(FIN_TOML)
    s0 = n_master + 1
    lines = ["# plan.txt: the record order I derive from docs/import.md 'Order' (written before the first run)",
             "# master.jsonl: seqs 1-%d" % n_master, "", "## A: import csv L goods-2026-10.csv finance-2026-10.csv --mapping goods.toml --mapping finance.toml"]
    p, _ = plan([("goods", gd), ("finance", fd)], s0); lines += p
    lines += ["", "## B: goods first (import csv L goods-2026-10.csv --mapping goods.toml), then finance"]
    p, s = plan([("goods", gd)], s0); lines += p
    p, _ = plan([("finance", fd)], s); lines += p
    lines += ["", "## C: finance first, then goods"]
    p, s = plan([("finance", fd)], s0); lines += p
    p, _ = plan([("goods", gd)], s); lines += p
    lines += ["", "## D: together, files named finance first (import csv L finance-2026-10.csv goods-2026-10.csv --mapping finance.toml --mapping goods.toml)"]
    p, _ = plan([("finance", fd), ("goods", gd)], s0); lines += p
    open(os.path.join(d, "plan.txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")


# ======================================================================= case 02
def case02():
    d = os.path.join(OUT, "02-month-to-date-imports-and-the-out-of-order-warning")
    os.makedirs(d, exist_ok=True)
    n_master = master(os.path.join(d, "master.jsonl"), "2026-10-28", [MFR_CHEM, HOSP1, CHAIN], ["AMX", "IBU"], ("WH-A",))
    I_b, I_pd, I_ex = "NK2609207", "2026-09-20", "2028-09-19"
    A_b, A_pd, A_ex = "NK2609186", "2026-09-18", "2028-09-17"
    g = Goods()
    f = Fin()
    fi = {}

    def sell(no, day, hh, cust, k, b, ex, q, price, rev_hm, ps_hm, reviewer="复核-李娜"):
        g.add("销售订单", "sale", "XS" + no, day + " " + hh, "销售-郑浩",
              [{"存货编码": P[k], "批号": b, "有效期至": ex, "数量": str(q), "含税单价": price}], 客商编码=cust)
        g.add("出库复核单", "outbound_review", "FH" + no, day + " " + rev_hm, reviewer,
              [{"存货编码": P[k], "批号": b, "有效期至": ex, "数量": str(q), "复核结论": "合格"}], 客商编码=cust, 来源单号="XS" + no, 复核员=reviewer)
        who = "拱宸人民医院药库 蒋涛" if cust == HOSP1 else "民康大药房连锁配送中心 唐丽"
        g.add("销售出库单", "dispatch", "PS" + no, day + " " + ps_hm, "保管-赵磊",
              [{"存货编码": P[k], "批号": b, "数量": str(q), "货位": "WH-A"}], 客商编码=cust, 来源单号="XS" + no, 收货人=who, 收货地址=ADDR[cust])

    g.add("采购订单", "purchase", "CG2026110200001", "2026-11-02 09:00", "采购-钱伟", [{"存货编码": P["IBU"], "数量": "1000", "含税单价": "12.80"}], 客商编码=MFR_CHEM)
    g.add("采购到货验收单", "receipt", "YS2026110300001", "2026-11-03 10:00", "验收-张丽",
          [{"存货编码": P["IBU"], "批号": I_b, "生产日期": I_pd, "有效期至": I_ex, "数量": "1000", "合格数量": "1000", "拒收数量": "0", "货位": "RCV"}],
          客商编码=MFR_CHEM, 来源单号="CG2026110200001", 随货单号="NK-PS2026110200611", 验收员="验收-张丽")
    g.add("采购入库单", "put_away", "RK2026110300001", "2026-11-03 10:40", "保管-赵磊",
          [{"存货编码": P["IBU"], "批号": I_b, "数量": "1000", "货位": "RCV", "目标货位": "WH-A"}], 来源单号="CG2026110200001", 验收单号="YS2026110300001")
    fi["ibu_in"] = invoice_no(26, 33, 104993125)
    t_ibu_in = f.invoice("进项发票", fi["ibu_in"], "2026-11-03 10:15", "财务-吴芳", "CG2026110200001", "", MFR_CHEM, OWNER, "2026年11月03日", [("IBU", 1000, "12.80")])
    sell("2026110500001", "2026-11-05", "09:00", HOSP1, "IBU", I_b, I_ex, 300, "14.20", "10:00", "10:30")
    fi["s1"] = invoice_no(26, 33, 105002716)
    f.invoice("销项发票", fi["s1"], "2026-11-05 10:35", "财务-吴芳", "", "XS2026110500001", OWNER, HOSP1, "2026年11月05日", [("IBU", 300, "14.20")])
    g.add("采购订单", "purchase", "CG2026110600002", "2026-11-06 09:00", "采购-钱伟", [{"存货编码": P["AMX"], "数量": "2000", "含税单价": "8.60"}], 客商编码=MFR_CHEM)
    sell("2026110900002", "2026-11-09", "14:00", CHAIN, "IBU", I_b, I_ex, 200, "14.60", "14:30", "15:00")
    fi["s2"] = invoice_no(26, 33, 105110094)
    t_s2 = f.invoice("销项发票", fi["s2"], "2026-11-09 15:05", "财务-吴芳", "", "XS2026110900002", OWNER, CHAIN, "2026年11月09日", [("IBU", 200, "14.60")])
    sell("2026111000003", "2026-11-10", "09:00", HOSP1, "IBU", I_b, I_ex, 150, "14.20", "15:30", "16:00")
    fi["s3"] = invoice_no(26, 33, 105128830)
    f.invoice("销项发票", fi["s3"], "2026-11-10 16:05", "财务-吴芳", "", "XS2026111000003", OWNER, HOSP1, "2026年11月10日", [("IBU", 150, "14.20")])
    # 补录: the AMX acceptance of 10 Nov 14:00 was written up the next morning (after the 10 Nov 18:00 export)
    g.add("采购到货验收单", "receipt", "YS2026111000002", "2026-11-10 14:00", "验收-王强",
          [{"存货编码": P["AMX"], "批号": A_b, "生产日期": A_pd, "有效期至": A_ex, "数量": "2000", "合格数量": "2000", "拒收数量": "0", "货位": "RCV"}],
          entered="2026-11-11 09:30", 客商编码=MFR_CHEM, 来源单号="CG2026110600002", 随货单号="NK-PS2026111000648", 验收员="验收-王强")
    g.add("采购入库单", "put_away", "RK2026111000002", "2026-11-10 14:30", "保管-孙悦",
          [{"存货编码": P["AMX"], "批号": A_b, "数量": "2000", "货位": "RCV", "目标货位": "WH-A"}], entered="2026-11-11 09:40",
          来源单号="CG2026110600002", 验收单号="YS2026111000002")
    fi["amx_in"] = invoice_no(26, 33, 105131277)
    t_amx_in = f.invoice("进项发票", fi["amx_in"], "2026-11-10 14:20", "财务-吴芳", "CG2026110600002", "", MFR_CHEM, OWNER, "2026年11月10日", [("AMX", 2000, "8.60")], entered="2026-11-11 09:50")
    sell("2026111200004", "2026-11-12", "09:00", HOSP1, "AMX", A_b, A_ex, 500, "9.50", "09:40", "10:10")
    fi["s4"] = invoice_no(26, 33, 105160842)
    f.invoice("销项发票", fi["s4"], "2026-11-12 10:15", "财务-吴芳", "", "XS2026111200004", OWNER, HOSP1, "2026年11月12日", [("AMX", 500, "9.50")])
    f.payment("付款单", "FK2026111500001", "2026-11-15 10:00", "财务-吴芳", OWNER, MFR_CHEM, t_ibu_in, [fi["ibu_in"]])
    f.payment("收款单", "SK2026111600001", "2026-11-16 10:00", "财务-吴芳", CHAIN, OWNER, t_s2, [fi["s2"]])
    sell("2026111800005", "2026-11-18", "09:00", CHAIN, "AMX", A_b, A_ex, 300, "9.80", "10:30", "11:00")
    fi["s5"] = invoice_no(26, 33, 105207713)
    t_s5 = f.invoice("销项发票", fi["s5"], "2026-11-18 11:05", "财务-吴芳", "", "XS2026111800005", OWNER, CHAIN, "2026年11月18日", [("AMX", 300, "9.80")])
    sell("2026112000006", "2026-11-20", "09:00", HOSP1, "IBU", I_b, I_ex, 200, "14.20", "10:30", "11:00")
    fi["s6"] = invoice_no(26, 33, 105233408)
    f.invoice("销项发票", fi["s6"], "2026-11-20 11:05", "财务-吴芳", "", "XS2026112000006", OWNER, HOSP1, "2026年11月20日", [("IBU", 200, "14.20")])
    sell("2026112500007", "2026-11-25", "09:00", CHAIN, "IBU", I_b, I_ex, 100, "14.60", "09:40", "10:10")
    fi["s7"] = invoice_no(26, 33, 105301156)
    t_s7 = f.invoice("销项发票", fi["s7"], "2026-11-25 10:15", "财务-吴芳", "", "XS2026112500007", OWNER, CHAIN, "2026年11月25日", [("IBU", 100, "14.60")])
    f.payment("付款单", "FK2026112700002", "2026-11-27 10:00", "财务-吴芳", OWNER, MFR_CHEM, t_amx_in, [fi["amx_in"]])
    f.payment("收款单", "SK2026112800002", "2026-11-28 10:00", "财务-吴芳", CHAIN, OWNER, t_s5 + t_s7, [fi["s5"], fi["s7"]])
    g.add("盘点单", "stock_count", "PD2026113000001", "2026-11-30 17:00", "保管-赵磊;质管-周敏",
          [{"存货编码": P["IBU"], "批号": I_b, "数量": "50", "货位": "WH-A"}, {"存货编码": P["AMX"], "批号": A_b, "数量": "1200", "货位": "WH-A"}], 货位="WH-A")
    exports = [("mtd-1110", "2026-11-10 18:00"), ("mtd-1120", "2026-11-20 18:00"), ("2026-11", "2026-12-01 08:30")]
    written = {}
    for tag, cut in exports:
        gd = write_csv(os.path.join(d, "goods-%s.csv" % tag), GOODS_COLS, g.docs, "gb18030", "\r\n", cutoff=cut)
        fd = write_csv(os.path.join(d, "finance-%s.csv" % tag), FIN_COLS, f.docs, "utf-8", "\n", bom=True, cutoff=cut)
        written[tag] = (gd, fd)
    open(os.path.join(d, "goods.toml"), "w", encoding="utf-8").write(GOODS_TOML)
    open(os.path.join(d, "finance.toml"), "w", encoding="utf-8").write(FIN_TOML)
    lines = ["# plan.txt: the record order I derive from docs/import.md 'Order' (written before the first run)",
             "# master.jsonl: seqs 1-%d; exports taken at %s" % (n_master, ", ".join("%s (%s)" % e for e in exports))]
    s, present = n_master + 1, set()
    for tag, cut in exports + [("2026-11", "again")]:
        gd, fd = written[tag]
        lines += ["", "## import csv L goods-%s.csv finance-%s.csv --mapping goods.toml --mapping finance.toml" % (tag, tag)]
        p, s2 = plan([("goods-" + tag, gd), ("finance-" + tag, fd)], s, present)
        lines += p
        s = s2
        present |= {(x[4], x[1]) for x in gd + fd}
    open(os.path.join(d, "plan.txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")


# ======================================================================= case 03
def case03():
    d = os.path.join(OUT, "03-two-warehouse-exports-one-mapping-and-finance")
    os.makedirs(d, exist_ok=True)
    n_master = master(os.path.join(d, "master.jsonl"), "2026-10-28", [MFR_CHEM, HOSP1, CHAIN_XS], ["AMX"], ("WH-A", "XS-A"))
    A_b, A_pd, A_ex = "NK2609186", "2026-09-18", "2028-09-17"
    hz, xs, f = Goods(), Goods(), Fin()
    hz.add("采购订单", "purchase", "CG2026110200011", "2026-11-02 09:00", "采购-钱伟", [{"存货编码": P["AMX"], "数量": "1200", "含税单价": "8.60"}], 客商编码=MFR_CHEM)
    hz.add("采购到货验收单", "receipt", "YS2026110300011", "2026-11-03 10:00", "验收-张丽",
           [{"存货编码": P["AMX"], "批号": A_b, "生产日期": A_pd, "有效期至": A_ex, "数量": "1200", "合格数量": "1200", "拒收数量": "0", "货位": "RCV"}],
           客商编码=MFR_CHEM, 来源单号="CG2026110200011", 随货单号="NK-PS2026110200598", 验收员="验收-张丽")
    hz.add("采购入库单", "put_away", "RK2026110300011", "2026-11-03 10:40", "保管-赵磊",
           [{"存货编码": P["AMX"], "批号": A_b, "数量": "1200", "货位": "RCV", "目标货位": "WH-A"}], 来源单号="CG2026110200011", 验收单号="YS2026110300011")
    hz.add("移库单", "transfer", "DB2026111500001", "2026-11-15 14:00", "保管-赵磊",
           [{"存货编码": P["AMX"], "批号": A_b, "数量": "400", "货位": "WH-A", "目标货位": "XS-A"}], 移库类型="调拨")
    hz.add("销售订单", "sale", "XS2026112600012", "2026-11-26 09:00", "销售-郑浩",
           [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": "300", "含税单价": "9.50"}], 客商编码=HOSP1)
    hz.add("出库复核单", "outbound_review", "FH2026112600012", "2026-11-26 10:00", "复核-李娜",
           [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": "300", "复核结论": "合格"}], 客商编码=HOSP1, 来源单号="XS2026112600012", 复核员="复核-李娜")
    hz.add("销售出库单", "dispatch", "PS2026112800012", "2026-11-28 14:00", "保管-赵磊",
           [{"存货编码": P["AMX"], "批号": A_b, "数量": "300", "货位": "WH-A"}], 客商编码=HOSP1, 来源单号="XS2026112600012",
           收货人="拱宸人民医院药库 蒋涛", 收货地址=ADDR[HOSP1])
    hz.add("盘点单", "stock_count", "PD2026113000011", "2026-11-30 17:00", "保管-赵磊;质管-周敏",
           [{"存货编码": P["AMX"], "批号": A_b, "数量": "500", "货位": "WH-A"}], 货位="WH-A")
    # 萧山仓 (the Xiaoshan branch warehouse) exports from the same ERP, with its own document numbers
    for no, day, q, rev, ps in (("2026111800021", "2026-11-18", 150, "2026-11-19 09:30", "2026-11-20 10:00"),
                                ("2026112900022", "2026-11-29", 100, "2026-11-29 09:30", "2026-11-29 10:00")):
        xs.add("销售订单", "sale", "XS" + no, day + " 09:00", "销售-何静",
               [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": str(q), "含税单价": "9.80"}], 客商编码=CHAIN_XS)
        xs.add("出库复核单", "outbound_review", "FH" + no, rev, "复核-何静",
               [{"存货编码": P["AMX"], "批号": A_b, "有效期至": A_ex, "数量": str(q), "复核结论": "合格"}], 客商编码=CHAIN_XS, 来源单号="XS" + no, 复核员="复核-何静")
        xs.add("销售出库单", "dispatch", "PS" + no, ps, "保管-汪洋",
               [{"存货编码": P["AMX"], "批号": A_b, "数量": str(q), "货位": "XS-A"}], 客商编码=CHAIN_XS, 来源单号="XS" + no,
               收货人="萧然大药房连锁配送部 沈佳", 收货地址=ADDR[CHAIN_XS])
    xs.add("盘点单", "stock_count", "PD2026113000021", "2026-11-30 17:30", "保管-汪洋",
           [{"存货编码": P["AMX"], "批号": A_b, "数量": "150", "货位": "XS-A"}], 货位="XS-A")
    ii = invoice_no(26, 33, 104990518)
    s21 = invoice_no(26, 33, 105240377)
    s22 = invoice_no(26, 33, 105388204)
    s12 = invoice_no(26, 33, 105360925)
    t_in = f.invoice("进项发票", ii, "2026-11-03 10:15", "财务-吴芳", "CG2026110200011", "", MFR_CHEM, OWNER, "2026年11月03日", [("AMX", 1200, "8.60")])
    t21 = f.invoice("销项发票", s21, "2026-11-20 10:05", "财务-吴芳", "", "XS2026111800021", OWNER, CHAIN_XS, "2026年11月20日", [("AMX", 150, "9.80")])
    f.payment("付款单", "FK2026112500011", "2026-11-25 10:00", "财务-吴芳", OWNER, MFR_CHEM, t_in, [ii])
    f.invoice("销项发票", s12, "2026-11-28 14:05", "财务-吴芳", "", "XS2026112600012", OWNER, HOSP1, "2026年11月28日", [("AMX", 300, "9.50")])
    t22 = f.invoice("销项发票", s22, "2026-11-29 10:05", "财务-吴芳", "", "XS2026112900022", OWNER, CHAIN_XS, "2026年11月29日", [("AMX", 100, "9.80")])
    f.payment("收款单", "SK2026113000021", "2026-11-30 10:00", "财务-吴芳", CHAIN_XS, OWNER, t21 + t22, [s21, s22])
    hd = write_csv(os.path.join(d, "hz-goods-2026-11.csv"), GOODS_COLS, hz.docs, "gb18030", "\r\n")
    xd = write_csv(os.path.join(d, "xs-goods-2026-11.csv"), GOODS_COLS, xs.docs, "gb18030", "\r\n")
    fd = write_csv(os.path.join(d, "finance-2026-11.csv"), FIN_COLS, f.docs, "utf-8", "\n", bom=True)
    open(os.path.join(d, "goods.toml"), "w", encoding="utf-8").write(GOODS_TOML)
    open(os.path.join(d, "finance.toml"), "w", encoding="utf-8").write(FIN_TOML)
    s0 = n_master + 1
    lines = ["# plan.txt: the record order I derive from docs/import.md 'Order' (written before the first run)",
             "# master.jsonl: seqs 1-%d" % n_master,
             "", "## A: import csv L hz-goods-2026-11.csv xs-goods-2026-11.csv finance-2026-11.csv --mapping goods.toml --mapping goods.toml --mapping finance.toml"]
    p, _ = plan([("hz", hd), ("xs", xd), ("finance", fd)], s0); lines += p
    lines += ["", "## B: xs alone first, then hz + finance together"]
    p, s = plan([("xs", xd)], s0); lines += p
    p, _ = plan([("hz", hd), ("finance", fd)], s); lines += p
    lines += ["", "## C: hz + finance together first, then xs alone"]
    p, s = plan([("hz", hd), ("finance", fd)], s0); lines += p
    p, _ = plan([("xs", xd)], s); lines += p
    lines += ["", "## D: hz + xs with one mapping for both (--mapping goods.toml once), then finance"]
    p, s = plan([("hz", hd), ("xs", xd)], s0); lines += p
    p, _ = plan([("finance", fd)], s); lines += p
    open(os.path.join(d, "plan.txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    case01()
    case02()
    case03()
