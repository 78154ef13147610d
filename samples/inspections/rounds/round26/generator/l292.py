"""292: an ERP integrator's CSV import with the author's own mapping (goods UTF-8 with BOM and CRLF, finance GBK)."""
from lib import *
import os

E = "2028-05-31"

GOODS_COLS = ["单据类型", "单据编号", "业务时间", "制单时间", "制单人", "往来单位编码", "关联单号", "随货同行单号", "关联验收单号",
              "药品编码", "批号", "生产日期", "有效期至", "数量", "合格数量", "拒收数量", "单价", "库位", "目标库位", "质检人员",
              "质量状况", "收货人", "收货地址", "原因", "移库原因"]
FIN_COLS = ["业务类型", "单据号", "记账时间", "录入时间", "经办人", "开票方", "购买方", "开票日期", "关联订单号", "关联销售单号",
            "红冲原发票号", "药品编码", "数量", "含税单价", "含税金额", "付款方", "收款方", "付款账号", "收款账号", "结算金额",
            "结算方式", "核销发票号"]

GOODS_TOML = '''# round 26: the author's own mapping of a 进销存 export (UTF-8 with BOM, CRLF), incl. 销后退回单 and 移库单
name = "insp26-goods"
encoding = "utf-8"
timezone = "+08:00"
date_formats = ["%Y/%m/%d", "%Y-%m-%d"]
instant_formats = ["%Y-%m-%d %H:%M"]
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
kind = "customer_return"
when = "销后退回单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"refs.sale" = "关联单号"
"data.doc" = "单据编号"
"data.customer" = "往来单位编码"
"data.reason" = "原因"
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].quantity" = "数量"
"data.lines[].to" = "目标库位"

[[document]]
kind = "transfer"
when = "移库单"
group_by = "单据编号"
[document.fields]
occurred_at = "业务时间"
entered_at = "制单时间"
recorded_by = "制单人"
"refs.receipt" = "关联验收单号"
"data.doc" = "单据编号"
"data.reason" = { column = "移库原因", map = { "普通移库" = "relocation", "质量锁定" = "quarantine", "复检放行" = "release" } }
"data.lines[].product" = "药品编码"
"data.lines[].batch" = "批号"
"data.lines[].quantity" = "数量"
"data.lines[].from" = "库位"
"data.lines[].to" = "目标库位"

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

FIN_TOML = '''# round 26: the author's own finance mapping (GBK), red-letter invoices as credit notes, refunds both ways
name = "insp26-finance"
encoding = "gbk"
timezone = "+08:00"
instant_formats = ["%Y-%m-%d %H:%M"]
kind_column = "业务类型"

[[document]]
kind = "invoice"
when = ["进项发票", "销项发票", "进项红字发票", "销项红字发票"]
group_by = "单据号"
[document.fields]
occurred_at = "记账时间"
entered_at = "录入时间"
recorded_by = "经办人"
"refs.order" = "关联订单号"
"refs.sale" = "关联销售单号"
"data.doc" = "单据号"
"data.direction" = { column = "业务类型", map = { "进项发票" = "purchase", "销项发票" = "sale", "进项红字发票" = "purchase", "销项红字发票" = "sale" } }
"data.issuer" = "开票方"
"data.buyer" = "购买方"
"data.issued_on" = "开票日期"
"data.lines[].product" = "药品编码"
"data.lines[].quantity" = "数量"
"data.lines[].unit_price" = "含税单价"
"data.lines[].amount" = "含税金额"
"data.total" = { sum = "amount" }
"data.credit_for" = { column = "红冲原发票号", type = "string" }

[[document]]
kind = "payment"
when = ["付款单", "收款单"]
group_by = "单据号"
[document.fields]
occurred_at = "记账时间"
entered_at = "录入时间"
recorded_by = "经办人"
"data.doc" = "单据号"
"data.direction" = { column = "业务类型", map = { "付款单" = "outgoing", "收款单" = "incoming" } }
"data.payer" = "付款方"
"data.payee" = "收款方"
"data.payer_account" = { column = "付款账号", type = "string" }
"data.payee_account" = { column = "收款账号", type = "string" }
"data.amount" = "结算金额"
"data.method" = { column = "结算方式", map = { "银行转账" = "bank_transfer", "承兑汇票" = "acceptance_bill", "现金" = "cash" } }
"data.invoices" = "核销发票号"
'''


def yuan(fen, thousands=False):
    s = f"{fen / 100:,.2f}" if thousands else f"{fen / 100:.2f}"
    return s


def hm(s):
    return dt.datetime.fromisoformat(s).astimezone(BJ).strftime("%Y-%m-%d %H:%M")


def ymd_slash(s):
    return s.replace("-", "/")


def goods_rows(ev):
    k, d, r = ev["kind"], ev["data"], ev.get("refs", {})
    typ = {"purchase": "采购订单", "receipt": "采购验收单", "put_away": "采购入库单", "sale": "销售订单", "outbound_review": "出库复核单",
           "dispatch": "销售出库单", "customer_return": "销后退回单", "transfer": "移库单", "stock_count": "盘点单"}[k]
    base = {"单据类型": typ, "单据编号": d["doc"], "业务时间": hm(ev["occurred_at"]), "制单时间": hm(ev["entered_at"]),
            "制单人": ";".join(ev["recorded_by"])}
    rows = []
    for ln in d["lines"]:
        row = dict(base)
        row["药品编码"] = ln["product"]
        if k == "purchase":
            row.update({"往来单位编码": d["supplier"], "数量": str(ln["quantity"]), "单价": yuan(ln["unit_price"]["minor"])})
        elif k == "receipt":
            row.update({"往来单位编码": d["supplier"], "关联单号": ";".join(r["order"]), "随货同行单号": ";".join(r["delivery_note"]),
                        "批号": ln["batch"], "生产日期": ymd_slash(ln["production_date"]), "有效期至": ymd_slash(ln["expiry"]),
                        "数量": str(ln["arrived"]), "合格数量": str(ln["accepted"]), "拒收数量": str(ln["rejected"]),
                        "库位": ln["location"], "质检人员": ";".join(d["acceptors"])})
        elif k in ("put_away", "transfer"):
            row.update({"关联验收单号": ";".join(r.get("receipt", [])), "批号": ln["batch"], "数量": str(ln["quantity"]),
                        "库位": ln["from"], "目标库位": ln["to"]})
            if k == "transfer":
                row["移库原因"] = {"relocation": "普通移库", "quarantine": "质量锁定", "release": "复检放行"}[d["reason"]]
        elif k == "sale":
            row.update({"往来单位编码": d["customer"], "批号": ln["batch"], "有效期至": ymd_slash(ln["expiry"]),
                        "数量": str(ln["quantity"]), "单价": yuan(ln["unit_price"]["minor"])})
        elif k == "outbound_review":
            row.update({"往来单位编码": d["customer"], "关联单号": ";".join(r["sale"]), "批号": ln["batch"],
                        "有效期至": ymd_slash(ln["expiry"]), "数量": str(ln["quantity"]), "质检人员": ";".join(d["reviewers"]),
                        "质量状况": "合格"})
        elif k == "dispatch":
            row.update({"往来单位编码": d["customer"], "关联单号": ";".join(r["sale"]), "批号": ln["batch"],
                        "数量": str(ln["quantity"]), "库位": ln["from"], "收货人": d["consignee"], "收货地址": d["address"]})
        elif k == "customer_return":
            row.update({"往来单位编码": d["customer"], "关联单号": ";".join(r["sale"]), "批号": ln["batch"],
                        "数量": str(ln["quantity"]), "目标库位": ln["to"], "原因": d["reason"]})
        elif k == "stock_count":
            row.update({"批号": ln["batch"], "数量": str(ln["counted"]), "库位": d["location"]})
        rows.append(row)
    return rows


def fin_rows(ev):
    k, d, r = ev["kind"], ev["data"], ev.get("refs", {})
    base = {"单据号": d["doc"], "记账时间": hm(ev["occurred_at"]), "录入时间": hm(ev["entered_at"]), "经办人": ";".join(ev["recorded_by"])}
    if k == "invoice":
        typ = ("进项" if d["direction"] == "purchase" else "销项") + ("红字发票" if d.get("credit_for") else "发票")
        rows = []
        for ln in d["lines"]:
            row = dict(base, 业务类型=typ, 开票方=d["issuer"], 购买方=d["buyer"], 开票日期=d["issued_on"],
                       关联订单号=";".join(r.get("order", [])), 关联销售单号=";".join(r.get("sale", [])),
                       红冲原发票号=d.get("credit_for", ""), 药品编码=ln["product"], 数量=str(ln["quantity"]),
                       含税单价=yuan(ln["unit_price"]["minor"]), 含税金额=yuan(ln["amount"]["minor"]))
            rows.append(row)
        return rows
    typ = "付款单" if d["direction"] == "outgoing" else "收款单"
    return [dict(base, 业务类型=typ, 付款方=d["payer"], 收款方=d["payee"], 付款账号="\t" + d["payer_account"],
                 收款账号="\t" + d["payee_account"], 结算金额=yuan(d["amount"]["minor"], True),
                 结算方式={"bank_transfer": "银行转账", "cash": "现金", "acceptance_bill": "承兑汇票"}[d["method"]],
                 核销发票号=";".join(d["invoices"]))]


def csv_line(cols, row):
    out = []
    for c in cols:
        v = row.get(c, "")
        if any(ch in v for ch in ',"\n'):
            v = '"' + v.replace('"', '""') + '"'
        out.append(v)
    return ",".join(out)


def build():
    L = Ledger(292, "erp-csv-import-own-mapping-utf8-bom-gbk-finance-returns-release-and-relocation-out-of-ret-red-letter-invoices-refunds",
               "VIOLATION: a month imported from the ERP's CSV exports with the author's own mapping (imports/292-*); one planted relocation out of RET")
    L.master()
    B1, B2 = "2611031", "2611032"
    L.purchase(T(2, 9, 30), "CG26110201", SUP, [(AMOX, 300, 860), (IBU, 120, 1450)])
    L.receipt(T(3, 10, 20), "SH26110301", SUP, "CG26110201", "NK-PS-261103-07",
              [{"product": AMOX, "batch": B1, "accepted": 300, "prod": "2026-10-15", "exp": E},
               {"product": IBU, "batch": B2, "accepted": 120, "prod": "2026-09-20", "exp": "2028-08-31"}],
              acceptors=["验收-张伟", "质管-周敏"])
    L.put_away(T(3, 11, 5), "RK26110301", [(AMOX, B1, 300, "RCV", "WH-A"), (IBU, B2, 120, "RCV", "WH-C")], receipt="SH26110301")
    pinv = "26332000000103581301"
    L.invoice(T(3, 15, 30), pinv, "purchase", SUP, OWNER, [(AMOX, 300, 860), (IBU, 120, 1450)], {"order": ["CG26110201"]})
    L.pay(T(10, 10, 0), "FK26111001", "outgoing", OWNER, SUP, 300 * 860 + 120 * 1450, [pinv])
    sales = []
    for n, (day, cust, lines) in enumerate([(4, HOSP1, [(AMOX, B1, E, 100, 1030), (IBU, B2, "2028-08-31", 40, 1780)]),
                                            (5, CHAIN, [(AMOX, B1, E, 60, 1010)]),
                                            (6, HOSP2, [(IBU, B2, "2028-08-31", 30, 1780)])], start=1):
        s = f"XS2611{day:02d}0{n}"
        L.sale(T(day, 10, 0), s, cust, lines)
        L.review(T(day, 13, 10), f"FH2611{day:02d}0{n}", cust, s, [(p, b, e, q) for p, b, e, q, _ in lines], reviewers=["复核-郭婷"])
        loc = {AMOX: "WH-A", IBU: "WH-C"}
        L.dispatch(T(day, 14, 20), f"PS2611{day:02d}0{n}", cust, s, [(p, b, q, loc[p]) for p, b, _, q, _ in lines])
        inv = f"2633200000010447{day:02d}{n:02d}"
        L.invoice(T(day, 16, 0), inv, "sale", OWNER, cust, [(p, q, pr) for p, _, _, q, pr in lines], {"sale": [s]})
        L.pay(T(day + 10, 14, 10), f"SK2611{day + 10:02d}0{n}", "incoming", cust, OWNER, sum(q * pr for *_, q, pr in lines), [inv])
        sales.append((s, inv, cust))
    s1, i1, _ = sales[0]
    L.customer_return(T(18, 9, 15), "TH26111801", HOSP1, s1, [(AMOX, B1, 5, "RET")])
    L.transfer(T(19, 9, 40), "YK26111901", "release", [(AMOX, B1, 3, "RET", "WH-A")], refs={"receipt": ["TH26111801"]})
    L.transfer(T(19, 10, 40), "YK26111902", "relocation", [(AMOX, B1, 2, "RET", "WH-A")], refs={"receipt": ["TH26111801"]}, label="reloc")
    L.exp("QUARANTINE", "reloc", "移库单 YK26111902 with 移库原因 普通移库 (mapped to relocation) moves 2 returned boxes RET -> WH-A: 'Only a release may take goods from a quarantine location into storage'; YK26111901 (复检放行 = release) is quiet")
    cn = "26332000000104479901"
    L.invoice(T(18, 15, 0), cn, "sale", OWNER, HOSP1, [(AMOX, 5, 1030)], {"sale": [s1]}, credit_for=i1)
    L.pay(T(18, 16, 0), "FK26111801", "outgoing", OWNER, HOSP1, 5 * 1030, [cn])
    L.count(T(28, 17, 30), "PD26112801", "WH-A", [(AMOX, B1, L.stock[(AMOX, B1, "WH-A")])])
    L.count(T(28, 17, 40), "PD26112802", "WH-C", [(IBU, B2, L.stock[(IBU, B2, "WH-C")])])
    L.notes += [
        "this .jsonl is what the author expects the import to append: master data (appended as imports/292-master.jsonl), then the events of imports/292-goods-2026-11.csv (UTF-8 with BOM, CRLF) and imports/292-finance-2026-11.csv (GBK) imported together with imports/292-goods.toml and 292-finance.toml, in occurred_at order (import.md Order); no two documents share an instant",
        "run_all.sh checks that the export of the imported ledger equals the export of this file appended, event for event (ids aside), and that the imported ledger gives these findings",
        "finance: 账号 cells start with a tab (import.md: 'a tab before a long number keeps spreadsheets from mangling it'; cells are trimmed); 结算金额 with thousands separators, quoted",
        "quiet: purchase invoiced and paid; three sales reviewed, dispatched, invoiced and paid; 仁和 returns 5 (销后退回单), a red-letter invoice (credit_for) and a refund; 3 released (复检放行); counts agree",
    ]
    return L


def write_imports(L, outdir):
    order, seq = L.seqs()
    os.makedirs(outdir, exist_ok=True)
    n = "292"
    master = [ev for _, _, _, ev in order if ev["kind"].endswith("_registered")]
    with open(f"{outdir}/{n}-master.jsonl", "w", encoding="utf-8") as f:
        for ev in master:
            f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")) + "\n")
    g, fi = [], []
    for _, _, _, ev in order:
        if ev["kind"].endswith("_registered"):
            continue
        if ev["kind"] in ("invoice", "payment"):
            fi += fin_rows(ev)
        else:
            g += goods_rows(ev)
    glines = [",".join(GOODS_COLS)] + [csv_line(GOODS_COLS, r) for r in g]
    flines = [",".join(FIN_COLS)] + [csv_line(FIN_COLS, r) for r in fi]
    open(f"{outdir}/{n}-goods.toml", "w", encoding="utf-8").write(GOODS_TOML)
    open(f"{outdir}/{n}-finance.toml", "w", encoding="utf-8").write(FIN_TOML)
    open(f"{outdir}/{n}-goods-2026-11.csv", "wb").write(b"\xef\xbb\xbf" + "\r\n".join(glines + [""]).encode("utf-8"))
    open(f"{outdir}/{n}-finance-2026-11.csv", "wb").write("\r\n".join(flines + [""]).encode("gbk"))
    # bad variants: (file, line, expected substrings)
    bads = []
    # a) receipt row: 数量 '12箱'
    ri = next(i for i, r in enumerate(g) if r["单据类型"] == "采购验收单")
    def variant(tag, idx, col, val):
        rows = [dict(r) for r in g]
        rows[idx][col] = val
        ls = [",".join(GOODS_COLS)] + [csv_line(GOODS_COLS, r) for r in rows]
        fn = f"{n}-goods-bad-{tag}.csv"
        open(f"{outdir}/{fn}", "wb").write(b"\xef\xbb\xbf" + "\r\n".join(ls + [""]).encode("utf-8"))
        return fn, idx + 2
    fn, line = variant("a", ri, "数量", "12箱")
    bads.append((fn, "en", [f"{fn}:{line}: column `数量`: field `data.lines[].arrived`: `12箱` is not a whole number of 0 or more"]))
    bads.append((fn, "zh", [f"{fn} 第 {line} 行：列 `数量`：字段 `data.lines[].arrived`：`12箱` 不是非负整数"]))
    fn, line = variant("b", ri, "生产日期", "2026/13/15")
    bads.append((fn, "en", [f"{fn}:{line}: column `生产日期`: field `data.lines[].production_date`: `2026/13/15` is not a date (%Y/%m/%d, %Y-%m-%d)"]))
    fn, line = variant("c", ri + 1, "合格数量", "130")
    bads.append((fn, "en", [f"{fn}:{line}: column `合格数量`: field `data.lines[1].accepted`: accepted 130 + rejected 0 must equal arrived 120"]))
    # d) finance: unknown 结算方式
    rows = [dict(r) for r in fi]
    pi = next(i for i, r in enumerate(rows) if r["业务类型"] == "收款单")
    rows[pi]["结算方式"] = "微信支付"
    ls = [",".join(FIN_COLS)] + [csv_line(FIN_COLS, r) for r in rows]
    fnd = f"{n}-finance-bad-d.csv"
    open(f"{outdir}/{fnd}", "wb").write("\r\n".join(ls + [""]).encode("gbk"))
    bads.append((fnd, "en", [f"{fnd}:{pi + 2}: column `结算方式`", "微信支付", "银行转账"]))
    with open(f"{outdir}/{n}-bad.expected", "w", encoding="utf-8") as f:
        f.write("# refusals expected by import.md 'All or nothing' (file, line, column, field; exit 2; ledger unchanged). One line per case: FILE<TAB>LANG<TAB>substring[<TAB>substring...]\n")
        for fn, lang, subs in bads:
            f.write("\t".join([fn, lang] + subs) + "\n")
    return bads
