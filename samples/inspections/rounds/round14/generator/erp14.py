"""ERP export layouts of round 14: a 用友-style goods export (进销存单据明细) and a 金蝶-style
finance export (往来单据), their mapping files, and helpers that turn documents into rows."""
from lib14 import *

G_HDR = ["单据类型", "单据号", "业务日期", "录入时间", "操作员", "客商编码", "客商名称", "来源单号", "随货单号",
         "验收单号", "存货编码", "存货名称", "规格型号", "批号", "生产日期", "有效期至", "数量", "合格数量",
         "拒收数量", "拒收原因", "含税单价", "价税合计", "货位", "目标货位", "验收员", "复核员", "复核结论",
         "收货人", "收货地址", "备注"]

F_HDR = ["业务类型", "单据编号", "记账日期", "制单日期", "制单人", "销售方税号", "购买方税号", "开票日期",
         "关联采购订单", "关联销售订单", "随货同行单号", "商品编码", "商品名称", "数量", "单价(含税)", "金额(含税)",
         "付款单位", "收款单位", "付款账号", "收款账号", "结算金额", "结算方式", "核销发票号码", "摘要"]

GOODS_TOML = '''# 用友-style goods export of 浙江益康医药有限公司 (进销存单据明细), one row per document line.
# Written for round 14 from docs/import.md.
name = "yikang-u8-goods"
encoding = "{encoding}"
timezone = "{tz}"
date_formats = ["%Y-%m-%d", "%Y.%m.%d", "%Y%m%d"]
kind_column = "单据类型"
skip = ["作废"]

[[document]]
kind = "purchase"
when = "采购订单"
group_by = "单据号"
[document.fields]
occurred_at = "业务日期"
entered_at = "录入时间"
recorded_by = "操作员"
"data.doc" = "单据号"
"data.supplier" = "客商编码"
"data.lines[].product" = "存货编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "含税单价"

[[document]]
kind = "receipt"
when = ["采购到货验收单", "验收记录"]
group_by = "单据号"
[document.fields]
occurred_at = "业务日期"
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
"data.lines[].reject_reason" = "拒收原因"
"data.lines[].location" = "货位"

[[document]]
kind = "put_away"
when = "采购入库单"
group_by = "单据号"
[document.fields]
occurred_at = "业务日期"
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

[[document]]
kind = "sale"
when = "销售订单"
group_by = "单据号"
[document.fields]
occurred_at = "业务日期"
entered_at = "录入时间"
recorded_by = "操作员"
"data.doc" = "单据号"
"data.customer" = "客商编码"
"data.channel" = {{ value = "wholesale" }}
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
occurred_at = "业务日期"
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
"data.lines[].quality" = {{ column = "复核结论", map = {{ "合格" = "ok", "不合格" = "defective" }} }}

[[document]]
kind = "dispatch"
when = "销售出库单"
group_by = "单据号"
[document.fields]
occurred_at = "业务日期"
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

[[document]]
kind = "stock_count"
when = "盘点单"
group_by = "单据号"
[document.fields]
occurred_at = "业务日期"
entered_at = "录入时间"
recorded_by = "操作员"
"data.doc" = "单据号"
"data.location" = "货位"
"data.lines[].product" = "存货编码"
"data.lines[].batch" = "批号"
"data.lines[].counted" = "数量"
'''

FIN_TOML = '''# 金蝶-style finance export of 浙江益康医药有限公司 (往来单据: 进项/销项发票, 付款单/收款单).
# Written for round 14 from docs/import.md. 开票日期 is written the Chinese way (2026年11月05日).
name = "yikang-kis-finance"
encoding = "{encoding}"
timezone = "{tz}"
date_formats = ["%Y年%m月%d日", "%Y-%m-%d"]
instant_formats = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"]
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
"refs.delivery_note" = "随货同行单号"
"data.doc" = "单据编号"
"data.direction" = {{ column = "业务类型", map = {{ "进项发票" = "purchase", "销项发票" = "sale" }} }}
"data.issuer" = "销售方税号"
"data.buyer" = "购买方税号"
"data.issued_on" = "开票日期"
"data.lines[].product" = "商品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "单价(含税)"
"data.lines[].amount" = "金额(含税)"
"data.total" = {{ sum = "amount" }}

[[document]]
kind = "payment"
when = ["付款单", "收款单"]
group_by = "单据编号"
[document.fields]
occurred_at = "记账日期"
entered_at = "制单日期"
recorded_by = "制单人"
"data.doc" = "单据编号"
"data.direction" = {{ column = "业务类型", map = {{ "付款单" = "outgoing", "收款单" = "incoming" }} }}
"data.payer" = "付款单位"
"data.payee" = "收款单位"
"data.payer_account" = "付款账号"
"data.payee_account" = "收款账号"
"data.amount" = "结算金额"
"data.method" = {{ column = "结算方式", map = {{ "银行转账" = "bank_transfer", "电汇" = "bank_transfer", "承兑汇票" = "acceptance_bill", "支票" = "cheque", "刷卡" = "card", "现金" = "cash" }} }}
"data.invoices" = "核销发票号码"
'''

def goods_toml(encoding="gb18030", tz="+08:00", name=None):
    t = GOODS_TOML.format(encoding=encoding, tz=tz)
    if name:
        t = t.replace('name = "yikang-u8-goods"', f'name = "{name}"')
    return t

def fin_toml(encoding="utf-8", tz="+08:00"):
    return FIN_TOML.format(encoding=encoding, tz=tz)

class Doc:
    """One ERP document: header cells and one dict of cells per line. `when` is the local time
    written in the file, `occ` the instant it means (for predicting the import order)."""
    def __init__(self, typ, no, when, entered, by, hdr=None, lines=(), tz=BJ):
        self.typ, self.no, self.when, self.entered, self.by = typ, no, when, entered, by
        self.hdr = dict(hdr or {})
        self.lines = [dict(l) for l in lines]
        self.occ = parse_local(when, tz)

    def rows(self, date_col, entered_col, by_col, type_col, no_col):
        out = []
        for l in self.lines:
            r = {type_col: self.typ, no_col: self.no, date_col: self.when, entered_col: self.entered, by_col: self.by}
            r.update(self.hdr)
            r.update(l)
            out.append(r)
        return out

def parse_local(s, tz=BJ):
    s = s.strip()
    if "T" in s and (s.endswith("Z") or "+" in s[10:]):
        return datetime.fromisoformat(s.replace("Z", "+00:00"))
    for f in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(s, f).replace(tzinfo=tz)
        except ValueError:
            pass
    raise ValueError(s)

def gdoc(typ, no, when, entered, by, party=None, src=None, dn=None, rec=None, acc=None, rev=None,
         consignee=None, address=None, loc=None, lines=(), tz=BJ):
    h = {}
    if party:
        h["客商编码"] = party
        h["客商名称"] = NAMES.get(party, "")
    if src: h["来源单号"] = src
    if dn: h["随货单号"] = dn
    if rec: h["验收单号"] = rec
    if acc: h["验收员"] = acc
    if rev: h["复核员"] = rev
    if consignee: h["收货人"] = consignee
    if address: h["收货地址"] = address
    if loc: h["货位"] = loc
    ls = []
    for l in lines:
        l = dict(l)
        p = l.get("存货编码")
        if p in NAMES:
            l.setdefault("存货名称", NAMES[p])
            l.setdefault("规格型号", SPEC[p])
        ls.append(l)
    return Doc(typ, no, when, entered, by, h, ls, tz)

def goods_rows(docs):
    rows = []
    for d in docs:
        rows += d.rows("业务日期", "录入时间", "操作员", "单据类型", "单据号")
    return rows

def fdoc(typ, no, when, entered, by, hdr, lines=None, tz=BJ):
    ls = []
    for l in (lines or [{}]):
        l = dict(l)
        p = l.get("商品编码")
        if p in NAMES:
            l.setdefault("商品名称", NAMES[p])
        ls.append(l)
    return Doc(typ, no, when, entered, by, hdr, ls, tz)

def fin_rows(docs):
    rows = []
    for d in docs:
        rows += d.rows("记账日期", "制单日期", "制单人", "业务类型", "单据编号")
    return rows

def order_plan(docs, first_seq):
    """The import order docs/import.md states: by occurred_at, ties in the order of first rows."""
    idx = {id(d): i for i, d in enumerate(docs)}
    s = sorted(docs, key=lambda d: (d.occ, idx[id(d)]))
    return [(first_seq + i, d) for i, d in enumerate(s)]

def row_lines(rows, type_col, no_col):
    """file line of every row (the header is line 1), per document number"""
    out = {}
    for i, r in enumerate(rows, 2):
        if r and r.get(type_col) and r.get(no_col):
            out.setdefault((r[type_col], r[no_col]), []).append(i)
    return out

def plan_lines(master_events, plans, rows_by_doc=None):
    out = ["# predicted record order (docs/import.md, Order): master first, then each file by occurred_at", ""]
    for i, e in enumerate(master_events, 1):
        d = e["data"]
        out.append(f"{i:3d}  {e['kind']:<20} {d.get('party') or d.get('product') or d.get('zone')} {d.get('name') or d.get('generic_name') or ''}")
    for plan in plans:
        for s, d in plan:
            ln = ""
            if rows_by_doc:
                ln = "  rows " + ",".join(map(str, rows_by_doc.get((d.typ, d.no), [])))
            out.append(f"{s:3d}  {d.typ:<10} {d.no:<22} {d.when:<20} ({utc_s(d.occ)}){ln}")
    return "\n".join(out) + "\n"
