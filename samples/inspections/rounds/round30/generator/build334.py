"""334: ERP CSV imports that store documents twice (DOC-DUP) beside lawful re-imports (skipped)."""
import sys, os; sys.path.insert(0, __file__.rsplit('/', 1)[0])
from lib import *

GOODS_TOML = '''name = "r30-goods"
encoding = "utf-8"
timezone = "+08:00"
instant_formats = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
date_formats = ["%Y-%m-%d"]
kind_column = "单据类型"

[[document]]
kind = "purchase"
when = "采购订单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"data.doc" = "单据编号"
"data.supplier" = "往来单位编码"
"data.lines[].product" = "药品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "单价"

[[document]]
kind = "receipt"
when = "采购验收单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"refs.order" = "关联单号"
"refs.delivery_note" = "随货同行单号"
"data.doc" = "单据编号"
"data.supplier" = "往来单位编码"
"data.acceptors" = "质检人员"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].production_date" = "生产日期"
"data.lines[].expiry" = "有效期至"
"data.lines[].arrived" = "数量"
"data.lines[].accepted" = "合格数量"
"data.lines[].location" = "库位"

[[document]]
kind = "put_away"
when = "采购入库单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"refs.order" = "关联单号"
"refs.receipt" = "关联验收单号"
"data.doc" = "单据编号"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].quantity" = "数量"
"data.lines[].from" = "库位"
"data.lines[].to" = "目标库位"
'''

FIN_TOML = '''name = "r30-finance"
encoding = "utf-8"
timezone = "+08:00"
instant_formats = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
date_formats = ["%Y-%m-%d"]
kind_column = "业务类型"

[[document]]
kind = "invoice"
when = ["进项发票"]
group_by = "单据号"
[document.fields]
occurred_at = "记账时间"
entered_at = "录入时间"
recorded_by = "经办人"
"refs.order" = "关联订单号"
"data.doc" = "单据号"
"data.direction" = { value = "purchase" }
"data.issuer" = "开票方"
"data.buyer" = "购买方"
"data.issued_on" = "开票日期"
"data.lines[].product" = "药品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "含税单价"
"data.lines[].amount" = "含税金额"
"data.total" = { sum = "amount" }

# payments: one row each, mapped WITHOUT group_by (the integrator's mistake docs/import.md warns of)
[[document]]
kind = "payment"
when = ["付款单"]
[document.fields]
occurred_at = "记账时间"
entered_at = "录入时间"
recorded_by = "经办人"
"data.doc" = "单据号"
"data.direction" = { value = "outgoing" }
"data.payer" = "付款方"
"data.payee" = "收款方"
"data.payer_account" = "付款账号"
"data.payee_account" = "收款账号"
"data.amount" = "结算金额"
"data.method" = { value = "bank_transfer" }
"data.invoices" = "核销发票号"
'''

GH = "单据类型,单据编号,业务时间,制单时间,制单人,往来单位编码,关联单号,随货同行单号,关联验收单号,药品编码,批号,生产日期,有效期至,数量,合格数量,单价,库位,目标库位,质检人员"
def goods(receipt_time):
    return "\n".join([GH,
      f"采购订单,CG20261201,2026-12-01 09:00,2026-12-01 09:03,采购-李明,{SUP1},,,,{P_AMOX},,,,500,,8.60,,,",
      f"采购订单,CG20261201,2026-12-01 09:00,2026-12-01 09:03,采购-李明,{SUP1},,,,{P_IBU},,,,200,,12.00,,,",
      f"采购验收单,SH20261203,{receipt_time},2026-12-03 10:25,验收-张伟,{SUP1},CG20261201,NK-DN-6601,,{P_AMOX},2611150111,2026-11-15,2028-10-31,500,500,,RCV,,验收-张伟",
      f"采购验收单,SH20261203,{receipt_time},2026-12-03 10:25,验收-张伟,{SUP1},CG20261201,NK-DN-6601,,{P_IBU},2611150128,2026-11-15,2028-10-31,200,200,,RCV,,验收-张伟",
      f"采购入库单,RK20261203,2026-12-03 11:00,2026-12-03 11:05,保管-赵磊,,CG20261201,,SH20261203,{P_AMOX},2611150111,,,500,,,RCV,WH-A,",
      f"采购入库单,RK20261203,2026-12-03 11:00,2026-12-03 11:05,保管-赵磊,,CG20261201,,SH20261203,{P_IBU},2611150128,,,200,,,RCV,WH-A,",
    ]) + "\n"

FH = "业务类型,单据号,记账时间,录入时间,经办人,开票方,购买方,开票日期,关联订单号,药品编码,数量,含税单价,含税金额,付款方,收款方,付款账号,收款账号,结算金额,核销发票号"
INV = "26332000000177000101"
def finance(blank_first=False):
    rows = [FH]
    if blank_first: rows.append(",,,,,,,,,,,,,,,,,,")
    rows += [f"进项发票,{INV},2026-12-03 15:00,2026-12-03 15:04,财务-王芳,{SUP1},{SELF},2026-12-03,CG20261201,{P_AMOX},500,8.60,4300.00,,,,,,",
             f"进项发票,{INV},2026-12-03 15:00,2026-12-03 15:04,财务-王芳,{SUP1},{SELF},2026-12-03,CG20261201,{P_IBU},200,12.00,2400.00,,,,,,",
             f"付款单,FK20261205,2026-12-05 10:00,2026-12-05 10:04,财务-王芳,,,,,,,,,{SELF},{SUP1},{ACC_SELF},{ACC_SUP1},3000.00,{INV}",
             f"付款单,FK20261210,2026-12-10 10:00,2026-12-10 10:04,财务-王芳,,,,,,,,,{SELF},{SUP1},{ACC_SELF},{ACC_SUP1},3700.00,{INV}"]
    return "\n".join(rows) + "\n"

def build(outdir):
    L = Ledger("334"); master(L)
    L.write(os.path.join(outdir, "334-master.jsonl"))
    open(os.path.join(outdir, "334-goods.toml"), "w").write(GOODS_TOML)
    open(os.path.join(outdir, "334-finance.toml"), "w").write(FIN_TOML)
    open(os.path.join(outdir, "334-goods-a.csv"), "w").write(goods("2026-12-03 10:20"))
    open(os.path.join(outdir, "334-finance-a.csv"), "w").write(finance())
    # the same month exported again: the receipt's time corrected 10:20 -> 10:21; the finance export with a blank row on top
    open(os.path.join(outdir, "334-goods-b.csv"), "w").write(goods("2026-12-03 10:21"))
    open(os.path.join(outdir, "334-finance-b.csv"), "w").write(finance(blank_first=True))
    # a lawful re-run: the first export imported again (appends nothing)
    n = len(L.ev)
    # order within import 1: purchase, receipt, put_away, invoice, FK1205, FK1210 (occurred_at order)
    # import 2 (b files): receipt' (new id), FK1205', FK1210' (new ids: line numbers moved); others already present
    rows = [("DOC-DUP", n + 7, "receipt SH20261203 re-imported after its time was corrected; first record %d" % (n + 2)),
            ("REC-DOC", n + 7, "arrivals 1400 > 700 ordered"),
            ("DOC-DUP", n + 8, "payment FK20261205 appended again (row ids moved by the blank row); first %d" % (n + 5)),
            ("DOC-DUP", n + 9, "payment FK20261210 appended again; first %d" % (n + 6))]
    return n, rows

if __name__ == "__main__":
    n, rows = build(sys.argv[1]); print(n); [print(r) for r in rows]
