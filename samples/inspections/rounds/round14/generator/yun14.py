"""A cloud ERP (SaaS) export of round 14: every document type in one file, instants in UTC
(columns headed 业务时间(UTC)), UTF-8 without BOM, LF line ends. Mapping timezone "+00:00"."""
from erp14 import *

Y_HDR = ["单据类型", "单据编号", "业务时间(UTC)", "录入时间(UTC)", "经办人", "往来单位", "关联单号", "随货同行单号",
         "验收单号", "药品编码", "批号", "生产日期", "有效期至", "数量", "合格数量", "拒收数量", "单价", "金额",
         "库位", "目标库位", "验收人", "复核人", "复核结论", "收货人", "收货地址", "开票方", "购买方", "开票日期",
         "付款方", "收款方", "付款账号", "收款账号", "结算金额", "结算方式", "核销发票"]

YUN_TOML = '''# One export of every document type from 浙江益康医药's cloud ERP (单据流水导出). Its instants are
# UTC (the column headers say so), so this mapping reads them at +00:00. Written for round 14.
name = "yikang-yun-all"
encoding = "utf-8"
timezone = "{tz}"
date_formats = ["%Y-%m-%d"]
instant_formats = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
kind_column = "单据类型"

[[document]]
kind = "purchase"
when = "采购订单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"data.doc" = "单据编号"
"data.supplier" = "往来单位"
"data.lines[].product" = "药品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "单价"

[[document]]
kind = "receipt"
when = "验收记录"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"refs.order" = "关联单号"
"refs.delivery_note" = "随货同行单号"
"data.doc" = "单据编号"
"data.supplier" = "往来单位"
"data.acceptors" = "验收人"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].production_date" = "生产日期"
"data.lines[].expiry" = "有效期至"
"data.lines[].arrived" = "数量"
"data.lines[].accepted" = "合格数量"
"data.lines[].rejected" = "拒收数量"
"data.lines[].location" = "库位"

[[document]]
kind = "put_away"
when = "入库单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"refs.order" = "关联单号"
"refs.receipt" = "验收单号"
"data.doc" = "单据编号"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].quantity" = "数量"
"data.lines[].from" = "库位"
"data.lines[].to" = "目标库位"

[[document]]
kind = "sale"
when = "销售订单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"data.doc" = "单据编号"
"data.customer" = "往来单位"
"data.channel" = {{ value = "wholesale" }}
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].expiry" = "有效期至"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "单价"

[[document]]
kind = "outbound_review"
when = "出库复核"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"refs.sale" = "关联单号"
"data.doc" = "单据编号"
"data.customer" = "往来单位"
"data.reviewers" = "复核人"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].expiry" = "有效期至"
"data.lines[].quantity" = "数量"
"data.lines[].quality" = {{ column = "复核结论", map = {{ "合格" = "ok", "不合格" = "defective" }} }}

[[document]]
kind = "dispatch"
when = "出库单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"refs.sale" = "关联单号"
"data.doc" = "单据编号"
"data.customer" = "往来单位"
"data.consignee" = "收货人"
"data.address" = "收货地址"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].quantity" = "数量"
"data.lines[].from" = "库位"

[[document]]
kind = "stock_count"
when = "盘点单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"data.doc" = "单据编号"
"data.location" = "库位"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].counted" = "数量"

[[document]]
kind = "invoice"
when = "采购发票"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"refs.order" = "关联单号"
"data.doc" = "单据编号"
"data.direction" = {{ value = "purchase" }}
"data.issuer" = "开票方"
"data.buyer" = "购买方"
"data.issued_on" = "开票日期"
"data.lines[].product" = "药品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "单价"
"data.lines[].amount" = "金额"
"data.total" = {{ sum = "amount" }}

[[document]]
kind = "invoice"
when = "销售发票"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"refs.sale" = "关联单号"
"refs.delivery_note" = "随货同行单号"
"data.doc" = "单据编号"
"data.direction" = {{ value = "sale" }}
"data.issuer" = "开票方"
"data.buyer" = "购买方"
"data.issued_on" = "开票日期"
"data.lines[].product" = "药品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "单价"
"data.lines[].amount" = "金额"
"data.total" = {{ sum = "amount" }}

[[document]]
kind = "payment"
when = ["付款", "收款"]
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间(UTC)"
entered_at = "录入时间(UTC)"
recorded_by = "经办人"
"data.doc" = "单据编号"
"data.direction" = {{ column = "单据类型", map = {{ "付款" = "outgoing", "收款" = "incoming" }} }}
"data.payer" = "付款方"
"data.payee" = "收款方"
"data.payer_account" = "付款账号"
"data.payee_account" = "收款账号"
"data.amount" = "结算金额"
"data.method" = {{ column = "结算方式", map = {{ "银行转账" = "bank_transfer", "承兑汇票" = "acceptance_bill" }} }}
"data.invoices" = "核销发票"
'''

def yun_toml(tz="+00:00"):
    return YUN_TOML.format(tz=tz)

def ydoc(typ, no, when_utc, by, hdr=None, lines=(), entered_min=4):
    occ = datetime.strptime(when_utc, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    ent = (occ + timedelta(minutes=entered_min)).strftime("%Y-%m-%d %H:%M:%S")
    d = Doc(typ, no, when_utc, ent, by, hdr, lines, tz=UTC)
    return d

def yun_rows(docs):
    rows = []
    for d in docs:
        rows += d.rows("业务时间(UTC)", "录入时间(UTC)", "经办人", "单据类型", "单据编号")
    return rows
