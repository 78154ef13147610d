"""Ledgers 252-255: refused input, ERP CSV import, EPCIS partner receiving, a file cut off mid-line."""
import json, csv, io
from world20 import *
from l247_251 import simple_buy, sell

CONV = ("# note: conventions: master data first; owner 浙江禾信医药有限公司 (%s, Hangzhou); entered_at 5 min after occurred_at "
        "(uploads 30 s); ids UUID v7 of entered_at; USCCs with GB 32100/GB 11714 check characters; 本位码 with GS1 check digits; "
        "instants +08:00; invoices 20-digit 数电票 numbers" % OWNER)


def small(name):
    L = Ledger(name)
    B = Biz(L, seed=int(name[:3]))
    standard_master(L)
    simple_buy(B, T("2026-11-02 09:30"), M1, [(PA, 300, "2610141", "2026-10-14", "2028-09-30")])
    sell(B, T("2026-11-05 09:00"), H1, [(PA, "2610141", 12)], tag_disp="DISP")
    L.finish()
    return L


# ------------------------------------------------------------------ 252 refused: quantity of the wrong JSON type
def l252():
    L = small("252")
    n = L.line_of("DISP")
    text = L.dump().splitlines(keepends=True)
    ev = json.loads(text[n - 1])
    ev["data"]["lines"][0]["quantity"] = "12"
    text[n - 1] = json.dumps(ev, ensure_ascii=False, separators=(',', ':')) + "\n"
    head = "# 252 REFUSED-AT-APPEND: a dispatch (line %d) whose quantity is the JSON string \"12\" (an ERP that quotes every value)" % n
    notes = [CONV,
             "# note: format.md Quantities: 'a fraction, a string or null (must be a whole number from 0 to 1000000000000, followed by what was written where that helps: ... (got the string \"10\") ...)'; README 'nothing is appended'",
             "# expect: exit 2; message `252-….jsonl:%d: field `data.lines[0].quantity`: must be a whole number from 0 to 1000000000000 (got the string \"12\")`; the ledger stays empty (0 records)" % n]
    return "".join(text), head, notes, n


# ------------------------------------------------------------------ 255 refused: a file cut off mid-line
def l255():
    L = small("255")
    text = L.dump()
    lines = text.splitlines(keepends=True)
    last = lines[-1].rstrip("\n")
    cut = last[:len(last) * 2 // 3]
    # cut inside a string value
    while cut[-1] in '",:{}[]':
        cut = cut[:-1]
    out = "".join(lines[:-1]) + cut
    n = len(lines)
    head = "# 255 REFUSED-AT-APPEND: the events file of ledger 252's business, cut off in the middle of its last line (line %d, no newline): a transfer interrupted" % n
    notes = [CONV,
             "# note: format.md: 'a line that is not JSON at all names the column instead of a field: e.jsonl:3: invalid JSON at column 120: the line ends inside the event'",
             "# expect: exit 2; message `255-….jsonl:%d: invalid JSON at column %d: …`; nothing appended; re-sending the whole file afterwards appends all %d events once" % (n, len(cut) + 1, n)]
    return out, head, notes, text


# ------------------------------------------------------------------ 253 ERP CSV import
GOODS_HDR = ["单据类型", "单据编号", "业务时间", "制单时间", "制单人", "往来单位编码", "往来单位名称", "关联单号", "随货同行单号",
             "关联验收单号", "药品编码", "药品名称", "规格", "批号", "生产日期", "有效期至", "数量", "合格数量", "拒收数量", "单价",
             "库位", "目标库位", "质检人员", "质量状况", "收货人", "收货地址"]
FIN_HDR = ["业务类型", "单据号", "记账时间", "录入时间", "经办人", "开票方", "购买方", "开票日期", "关联订单号", "关联销售单号",
           "随货同行单号", "药品编码", "药品名称", "数量", "含税单价", "含税金额", "付款方", "收款方", "付款账号", "收款账号",
           "结算金额", "结算方式", "核销发票号"]

GOODS_TOML = '''# 进销存单据明细 of our ERP, saved from Excel as "CSV UTF-8 (逗号分隔)": UTF-8 with a BOM, CRLF, quoted cells.
name = "hx-goods"
encoding = "utf-8"
timezone = "+08:00"
date_formats = ["%Y/%m/%d", "%Y-%m-%d"]
instant_formats = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
kind_column = "单据类型"
skip = ["作废"]

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
"data.lines[].rejected" = "拒收数量"
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

[[document]]
kind = "sale"
when = "销售订单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"data.doc" = "单据编号"
"data.customer" = "往来单位编码"
"data.channel" = { value = "wholesale" }
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].expiry" = "有效期至"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "单价"

[[document]]
kind = "outbound_review"
when = "出库复核单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"refs.sale" = "关联单号"
"data.doc" = "单据编号"
"data.customer" = "往来单位编码"
"data.reviewers" = "质检人员"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].expiry" = "有效期至"
"data.lines[].quantity" = "数量"
"data.lines[].quality" = { column = "质量状况", map = { "合格" = "ok", "不合格" = "defective" } }

[[document]]
kind = "dispatch"
when = "销售出库单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"refs.sale" = "关联单号"
"data.doc" = "单据编号"
"data.customer" = "往来单位编码"
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
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"data.doc" = "单据编号"
"data.location" = "库位"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].counted" = "数量"
'''

FIN_TOML = '''# 财务往来 of our finance software: GBK, CRLF, amounts with ¥ and thousands separators.
name = "hx-finance"
encoding = "gbk"
timezone = "+08:00"
kind_column = "业务类型"

[[document]]
kind = "invoice"
when = ["进项发票", "销项发票"]
group_by = "单据号"
[document.fields]
occurred_at = "记账时间"
entered_at = "录入时间"
recorded_by = "经办人"
"refs.order" = "关联订单号"
"refs.sale" = "关联销售单号"
"refs.delivery_note" = "随货同行单号"
"data.doc" = "单据号"
"data.direction" = { column = "业务类型", map = { "进项发票" = "purchase", "销项发票" = "sale" } }
"data.issuer" = "开票方"
"data.buyer" = "购买方"
"data.issued_on" = "开票日期"
"data.lines[].product" = "药品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "含税单价"
"data.lines[].amount" = "含税金额"
"data.total" = { sum = "amount" }

[[document]]
kind = "payment"
when = ["付款单", "收款单"]
group_by = "单据号"
[document.fields]
occurred_at = "记账时间"
entered_at = "录入时间"
recorded_by = "经办人"
"refs.invoice" = { column = "核销发票号", type = "string" }
"data.doc" = "单据号"
"data.direction" = { column = "业务类型", map = { "付款单" = "outgoing", "收款单" = "incoming" } }
"data.payer" = "付款方"
"data.payee" = "收款方"
"data.payer_account" = "付款账号"
"data.payee_account" = "收款账号"
"data.amount" = "结算金额"
"data.method" = { column = "结算方式", map = { "银行转账" = "bank_transfer", "承兑汇票" = "acceptance_bill", "现金" = "cash" } }
"data.invoices" = "核销发票号"
'''


def csv_text(hdr, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(hdr)
    for r in rows:
        w.writerow([r.get(h, "") for h in hdr])
    return buf.getvalue()


def l253():
    L = Ledger("253")
    standard_master(L)
    L.finish()
    nmaster = len(L.lines)
    nm = {PA: ("阿莫西林胶囊", "0.25g×24粒/盒"), PB: ("布洛芬缓释胶囊", "0.3g×20粒/盒")}
    g = []   # (time, rows) per document
    docs = []

    def row(kind, no, t, by, **kw):
        r = {"单据类型": kind, "单据编号": no, "业务时间": t, "制单时间": kw.pop("entered", t), "制单人": by}
        r.update(kw)
        return r
    addr_h1 = "浙江省杭州市西湖区天目山路 318 号,门诊楼东侧药库"   # a comma inside the address: quoted by Excel
    # purchase order (two lines), acceptance (batch with leading zeros, expiry by month), put-away
    g += [row("采购订单", "CG2026110300001", "2026-11-03 09:30:00", "采购-钱国栋", 往来单位编码=M1, 往来单位名称=NAMES[M1],
              药品编码=PA, 药品名称=nm[PA][0], 规格=nm[PA][1], 数量="1,200", 单价="8.60"),
          row("采购订单", "CG2026110300001", "2026-11-03 09:30:00", "采购-钱国栋", 往来单位编码=M1, 往来单位名称=NAMES[M1],
              药品编码=PB, 药品名称=nm[PB][0], 规格=nm[PB][1], 数量="600", 单价="14.50")]
    g += [row("采购验收单", "SH2026110400001", "2026-11-04 10:20:30", "验收-孙晓峰", entered="2026-11-04 10:25:30",
              往来单位编码=M1, 往来单位名称=NAMES[M1], 关联单号="CG2026110300001", 随货同行单号="KE-PS-2026110300071",
              药品编码=PA, 药品名称=nm[PA][0], 规格=nm[PA][1], 批号="00261014", 生产日期="2026/10/14", 有效期至="2028/09",
              数量="1,200", 合格数量="1,200", 拒收数量="0", 库位="RCV", 质检人员="验收-孙晓峰"),
          row("采购验收单", "SH2026110400001", "2026-11-04 10:20:30", "验收-孙晓峰", entered="2026-11-04 10:25:30",
              往来单位编码=M1, 往来单位名称=NAMES[M1], 关联单号="CG2026110300001", 随货同行单号="KE-PS-2026110300071",
              药品编码=PB, 药品名称=nm[PB][0], 规格=nm[PB][1], 批号="0026-1008", 生产日期="2026/10/08", 有效期至="2028/09/30",
              数量="600", 合格数量="598", 拒收数量="2", 库位="RCV", 质检人员="验收-孙晓峰")]
    g += [row("采购入库单", "RK2026110400001", "2026-11-04 11:05", "保管-朱建平", 关联单号="CG2026110300001",
              关联验收单号="SH2026110400001", 药品编码=PA, 药品名称=nm[PA][0], 批号="00261014", 数量="1200", 库位="RCV", 目标库位="WH-A"),
          row("采购入库单", "RK2026110400001", "2026-11-04 11:05", "保管-朱建平", 关联单号="CG2026110300001",
              关联验收单号="SH2026110400001", 药品编码=PB, 药品名称=nm[PB][0], 批号="0026-1008", 数量="598", 库位="RCV", 目标库位="WH-A")]
    # a voided row (作废) that must be skipped
    g += [row("作废", "XS2026110600009", "2026-11-06 09:00", "销售-许晨", 往来单位编码=H1, 药品编码=PA, 批号="00261014", 数量="999")]
    # sale, review, dispatch to the hospital; consignee with quotes inside, address with a comma
    for kind, no, t, by, extra in (
            ("销售订单", "XS2026110600001", "2026-11-06 09:40", "销售-许晨", {"单价": "10.30"}),
            ("出库复核单", "FH2026110600001", "2026-11-06 11:00", "复核-郭婷", {"关联单号": "XS2026110600001", "质检人员": "复核-郭婷", "质量状况": "合格"}),
            ("销售出库单", "PS2026110600001", "2026-11-06 13:30", "发货-蒋涛", {"关联单号": "XS2026110600001", "库位": "WH-A",
                                                                         "收货人": '药剂科 王敏（"药库"）', "收货地址": addr_h1})):
        for p, b, q, exp in ((PA, "00261014", "300", "2028/09"), (PB, "0026-1008", "120", "2028/09/30")):
            r = row(kind, no, t, by, 往来单位编码=H1, 往来单位名称=NAMES[H1], 药品编码=p, 药品名称=nm[p][0], 批号=b, 数量=q)
            if kind != "销售出库单":
                r["有效期至"] = exp
            r.update(extra)
            if kind == "销售订单":
                r["单价"] = "10.30" if p == PA else "17.80"
            g.append(r)
    # month-end count of WH-A: 阿莫西林 900 (books 900), 布洛芬 477 (books 478): one box short
    g += [row("盘点单", "PD2026113000001", "2026-11-30 17:30", "保管-朱建平;质管-林思远", 药品编码=PA, 批号="00261014", 数量="900", 库位="WH-A"),
          row("盘点单", "PD2026113000001", "2026-11-30 17:30", "保管-朱建平;质管-林思远", 药品编码=PB, 批号="0026-1008", 数量="477", 库位="WH-A")]
    goods = "\ufeff" + csv_text(GOODS_HDR, g)

    f = []
    inv_p = "26332000000004472001"
    inv_s = "26332000000004472002"
    f += [{"业务类型": "进项发票", "单据号": inv_p, "记账时间": "2026-11-04 15:30", "录入时间": "2026-11-04 15:33", "经办人": "财务-韩雪",
           "开票方": M1, "购买方": OWNER, "开票日期": "2026-11-04", "关联订单号": "CG2026110300001", "随货同行单号": "KE-PS-2026110300071",
           "药品编码": PA, "药品名称": "阿莫西林胶囊", "数量": "1,200", "含税单价": "8.60", "含税金额": "￥10,320.00"},
          {"业务类型": "进项发票", "单据号": inv_p, "记账时间": "2026-11-04 15:30", "录入时间": "2026-11-04 15:33", "经办人": "财务-韩雪",
           "开票方": M1, "购买方": OWNER, "开票日期": "2026-11-04", "关联订单号": "CG2026110300001", "随货同行单号": "KE-PS-2026110300071",
           "药品编码": PB, "药品名称": "布洛芬缓释胶囊", "数量": "598", "含税单价": "14.50", "含税金额": "8,671.00元"}]
    f += [{"业务类型": "销项发票", "单据号": inv_s, "记账时间": "2026-11-06 16:00", "录入时间": "2026-11-06 16:03", "经办人": "财务-韩雪",
           "开票方": OWNER, "购买方": H1, "开票日期": "2026-11-06", "关联销售单号": "XS2026110600001", "随货同行单号": "PS2026110600001",
           "药品编码": p, "药品名称": n, "数量": q, "含税单价": u, "含税金额": a}
          for p, n, q, u, a in ((PA, "阿莫西林胶囊", "300", "10.30", "3,090.00"), (PB, "布洛芬缓释胶囊", "120", "17.80", "2,136.00"))]
    f += [{"业务类型": "付款单", "单据号": "FK2026111400001", "记账时间": "2026-11-14 10:00", "录入时间": "2026-11-14 10:03", "经办人": "财务-韩雪",
           "付款方": OWNER, "收款方": M1, "付款账号": ACC[OWNER], "收款账号": ACC[M1], "结算金额": "18,991.00", "结算方式": "银行转账",
           "核销发票号": inv_p},
          {"业务类型": "收款单", "单据号": "SK2026112500001", "记账时间": "2026-11-25 14:10", "录入时间": "2026-11-25 14:13", "经办人": "财务-韩雪",
           "付款方": H1, "收款方": OWNER, "付款账号": ACC[H1], "收款账号": ACC[OWNER], "结算金额": "￥5,226.00", "结算方式": "银行转账",
           "核销发票号": inv_s}]
    fin = csv_text(FIN_HDR, f).encode("gbk")
    # expected record numbers: master first, then the imported documents in occurred_at order
    order = [("purchase", "2026-11-03 09:30"), ("receipt", "2026-11-04 10:20:30"), ("put_away", "2026-11-04 11:05"),
             ("invoice-p", "2026-11-04 15:30"), ("sale", "2026-11-06 09:40"), ("review", "2026-11-06 11:00"),
             ("dispatch", "2026-11-06 13:30"), ("invoice-s", "2026-11-06 16:00"), ("pay-out", "2026-11-14 10:00"),
             ("pay-in", "2026-11-25 14:10"), ("count", "2026-11-30 17:30")]
    seq = {k: nmaster + i + 1 for i, (k, _) in enumerate(order)}
    head = ("# 253 VIOLATION (after import): ERP import of a month: master data appended from this file (%d lines), then "
            "`rxledger import csv` of 253-goods-2026-11.csv (UTF-8 with BOM, CRLF, Excel quoting: an address with a comma, a "
            "consignee with quotes, quantities \"1,200\", batches with leading zeros 00261014 and 0026-1008, expiry by month "
            "2028/09, instants with seconds, a voided 作废 row) and 253-finance-2026-11.csv (GBK; amounts ￥10,320.00, "
            "8,671.00元, ￥5,226.00) with 253-goods.toml and 253-finance.toml; records %d-%d are the %d imported documents in "
            "occurred_at order" % (nmaster, nmaster + 1, nmaster + len(order), len(order)))
    notes = [CONV,
             "# note: import.md Order: 'Within one import, the events are appended in the order of their occurred_at'; 'skip: rows whose kind_column holds one of these are ignored'",
             "# note: quiet otherwise: 2 布洛芬 rejected at acceptance, 598 put away and invoiced; the hospital pays the invoice; the supplier is paid",
             "# why: STOCK-COUNT %d: 布洛芬 batch 0026-1008 in WH-A: books 598 - 120 = 478, counted 477 ('A stock count found a quantity different from the book quantity')" % seq["count"]]
    exp = [("STOCK-COUNT", seq["count"], "one box short")]
    return L, head, notes, exp, goods, fin, seq


# ------------------------------------------------------------------ 254 EPCIS partner receiving
def l254():
    L = Ledger("254")
    B = Biz(L, seed=254)
    standard_master(L)
    o1 = B.purchase(T("2026-11-02 09:30"), M1, [(PA, 500), (PB, 200)])
    o2 = B.purchase(T("2026-11-02 10:00"), M3, [(PD, 10)])
    L.finish()
    n = len(L.lines)
    ser = ["DZ%06d" % (26110001 + i) for i in range(10)]

    def yymmdd(d):
        return d[2:4] + d[5:7] + d[8:10]
    ctx = ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
           {"cbvmda": "urn:epcglobal:cbv:mda:"}]
    ev1 = {"type": "ObjectEvent", "eventID": "urn:uuid:6f1c2d7e-3b1a-4c55-9a0e-2611040000a1",
           "eventTime": "2026-11-04T10:20:00+08:00", "eventTimeZoneOffset": "+08:00", "recordTime": "2026-11-04T10:26:12+08:00",
           "epcList": [], "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress",
           "readPoint": {"id": "urn:rxledger:loc:RCV"}, "bizLocation": {"id": "urn:rxledger:loc:RCV"},
           "bizTransactionList": [{"type": "po", "bizTransaction": "urn:rxledger:doc:%s" % o1},
                                  {"type": "desadv", "bizTransaction": "urn:rxledger:doc:KE-PS-2026110300088"},
                                  {"type": "recadv", "bizTransaction": "urn:rxledger:doc:SH2026110400001"}],
           "sourceList": [{"type": "owning_party", "source": "urn:rxledger:party:%s" % M1}],
           "destinationList": [{"type": "owning_party", "destination": "urn:rxledger:party:%s" % OWNER}],
           "quantityList": [
               {"epcClass": "https://id.gs1.org/01/%s/10/2610141?11=%s&17=%s" % (PA, yymmdd("2026-10-14"), yymmdd("2028-09-30")),
                "quantity": 500, "uom": "H87"},
               {"epcClass": "https://id.gs1.org/01/%s/10/2610082?11=%s&17=%s" % (PB, yymmdd("2026-10-08"), "280900"),
                "quantity": 150}]}
    ev2 = {"type": "ObjectEvent", "eventID": "urn:uuid:6f1c2d7e-3b1a-4c55-9a0e-2611040000a2",
           "eventTime": "2026-11-04T02:50:00Z", "eventTimeZoneOffset": "+08:00", "recordTime": "2026-11-04T02:58:40Z",
           "epcList": ["https://id.gs1.org/01/%s/21/%s" % (PD, s) for s in ser],
           "action": "ADD", "bizStep": "https://ref.gs1.org/cbv/BizStep-receiving", "disposition": "in_progress",
           "readPoint": {"id": "urn:rxledger:loc:RCV"}, "bizLocation": {"id": "urn:rxledger:loc:RCV"},
           "bizTransactionList": [{"type": "po", "bizTransaction": "urn:rxledger:doc:%s" % o2},
                                  {"type": "desadv", "bizTransaction": "urn:rxledger:doc:EH-DN-20261103-0412"},
                                  {"type": "recadv", "bizTransaction": "urn:rxledger:doc:SH2026110400002"}],
           "sourceList": [{"type": "owning_party", "source": "urn:rxledger:party:%s" % M3}],
           "quantityList": [{"epcClass": "https://id.gs1.org/01/%s" % PD, "quantity": 10, "uom": "H87"}],
           "ilmd": {"cbvmda:lotNumber": "2610215", "cbvmda:itemExpirationDate": "2029-09-30",
                    "cbvmda:productionDate": "2026-10-21", "cbvmda:bestBeforeDate": "2029-09-30"}}
    ev3 = {"type": "ObjectEvent", "eventID": "urn:uuid:6f1c2d7e-3b1a-4c55-9a0e-2611050000a3",
           "eventTime": "2026-11-05T09:10:00+08:00", "eventTimeZoneOffset": "+08:00",
           "epcList": [], "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress",
           "readPoint": {"id": "urn:rxledger:loc:RCV"}, "bizLocation": {"id": "urn:rxledger:loc:RCV"},
           "bizTransactionList": [{"type": "po", "bizTransaction": "urn:rxledger:doc:%s" % o1},
                                  {"type": "recadv", "bizTransaction": "urn:rxledger:doc:SH2026110500001"}],
           "sourceList": [{"type": "owning_party", "source": "urn:rxledger:party:%s" % M1}],
           "quantityList": [{"epcClass": "https://id.gs1.org/01/%s/10/2610083?11=261009&17=280930" % PB, "quantity": 50,
                             "uom": "H87"}]}
    doc = {"@context": ctx, "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-05T09:30:00+08:00",
           "epcisBody": {"eventList": [ev1, ev2, ev3]}}
    head = ("# 254 VIOLATION (after import): a 3PL's WMS sends our receiving events as GS1 EPCIS 2.0 (no rxl:event): master data "
            "and two purchase orders from this file (%d lines), then `rxledger import epcis L 254-receiving.jsonld --recorded-by "
            "系统-WMS接口 --acceptor 验收-孙晓峰 --acceptor 质管-林思远`: records %d-%d are the three receipts in eventList order"
            % (n, n + 1, n + 3))
    notes = [CONV,
             "# note: event 1: OBSERVE, Digital Link classes with 11= and 17= (17=280900: day 00 = the month's last day), one entry without uom; event 2: ADD with ilmd (lot, expiry, production date, and bestBeforeDate which is not read), class a GTIN without lot, 10 SGTINs of 地西泮片 in epcList, eventTime in Z, bizStep as a CBV URI; event 3: OBSERVE without a desadv entry",
             "# note: epcis.md: 'refs.order, refs.delivery_note: every bizTransactionList entry of type po ... and desadv ...; none given, none set (and REC-DOC then reports the receipt's missing order or delivery note)'",
             "# note: quiet: SPECIAL-2P (two --acceptor), SPECIAL-CHAIN (10 codes for 10 accepted); the goods stay at RCV (no put-away), nothing invoiced: UNINVOICED only pending",
             "# why: REC-DOC %d: 'A receipt must reference a known purchase order from the same supplier and a delivery note'" % (n + 3)]
    exp = [("REC-DOC", n + 3, "no delivery note")]
    return L, head, notes, exp, doc
