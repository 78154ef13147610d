# 单据规则族消息（简体中文）。

## REC-DOC：收货与采购订单。

rec-doc = 收货 { $doc } 与其单据不符：{ rec-doc-actual }（应为 { rec-doc-expected }）。
rec-doc-actual = { $problem ->
        [no_delivery_note] 无随货同行单（refs.delivery_note）
        [no_order] 无采购订单（refs.order）
        [unknown_order] 采购订单 { $order } 不存在
        [supplier] 供货单位为 { $supplier }
        [not_on_order] { $product } 不在订单上
       *[over] { $orders } 的 { $product } 累计到货 { $arrived }（本次 { $this }）
    }
rec-doc-expected = { $problem ->
        [no_delivery_note] 随货同行单
        [no_order] 采购订单
        [unknown_order] 已记录的采购订单
        [supplier] 供货单位 { $order_supplier }
        [not_on_order] { $product } 在订单上
       *[over] ≤ 订购数量 { $ordered }
    }

## OUT-REV：出库复核与销售、发货与出库复核。

out-rev-no-sale = 出库复核 { $doc } 未注明销售单（refs.sale）。
out-rev-review = 出库复核 { $doc } 与销售 { $sale } 不符：{ out-rev-review-actual }，应为 { out-rev-review-expected }。
out-rev-review-actual = { $problem ->
        [not_on_sale] 不在销售单上
        [quantity] 数量 { $reviewed }
        [expiry] 有效期至 { $expiry }
       *[unknown_sale] 销售 { $sale } 未知
    }
out-rev-review-expected = { $problem ->
        [not_on_sale] 在销售单上
        [quantity] 数量 { $quantity }
        [expiry] 有效期至 { $expected_expiry }
       *[unknown_sale] 已记录的销售
    }
out-rev-dispatch = 发货 { $doc } 中 { $product } 批号 { $batch } 没有相符的出库复核：{ out-rev-dispatch-actual }。
out-rev-dispatch-expected = 复核合格数量 ≥ 发货数量
out-rev-dispatch-actual = { $problem ->
        [no_sale] 无可复核的销售
       *[unreviewed] 发货 { $dispatched }，复核合格 { $reviewed }
    }
out-rev-customer = { event-kind } { $doc } 的购货单位为 { $customer }，所列销售 { $sale } 却属于 { $sale_customer }。

## TTGK-P、TTGK-S：货账票款（$dir：purchase 采购或 sale 销售）。

ttgk-invoice-owner = 发票 { $doc } 的{ $dir ->
        [purchase] 购买方
       *[sale] 开票方
    }为 { $party }，而非本企业。
ttgk-invoice-party = 发票 { $doc } 的{ $dir ->
        [purchase] 开票方
       *[sale] 购买方
    }为 { $party }，但货物的交易方为 { $traded_with }（第三方开票：走票）。
ttgk-credit-party = 红字发票 { $doc } 的{ $dir ->
        [purchase] 开票方
       *[sale] 购买方
    }为 { $party }，冲减发票 { $invoice }，但该发票的交易方为 { $invoice_party }。
ttgk-payment-party = { $document ->
        [credit_note] 红字发票
       *[invoice] 发票
    } { $invoice } 的款项 { $doc } { $direction ->
        [outgoing] 付给
       *[incoming] 收自
    } { $party }，但{ $document ->
        [credit_note] 红字发票
       *[invoice] 发票
    }的交易方为 { $invoice_party }。
ttgk-payment-account = { $document ->
        [credit_note] 红字发票
       *[invoice] 发票
    } { $invoice } 的款项 { $doc } 使用账户 { $account }，该账户不是 { $party } 登记的账户。
ttgk-overinvoiced = { $doc }（{ $party }）的 { $product } 开票 { $invoiced }，但扣除退货后仅{ $dir ->
        [purchase] 验收合格
       *[sale] 发货
    } { $goods }，超开部分未在 { $days } 天内（截至 { $due }）更正。
ttgk-overpaid = 发票 { $doc }（{ $party }）金额 { $total }{ $net ->
        [none] {""}
       *[credits] （已扣除红字发票 { $credits }）
    }，已付 { $paid }，超付部分未在 { $days } 天内（截至 { $due }）退回。
ttgk-overinvoiced-closed-by = { $product } 数量 { $excess }{ $excess_plural ->
        [one] {""}
       *[other] {""}
    } 的红字发票，或再{ $dir ->
        [purchase] 验收合格
       *[sale] 发货
    } { $excess }
ttgk-overpaid-closed-by = 退款 { $amount }
ttgk-party = { $party }
ttgk-account-expected = 已登记的账户
ttgk-account = { $account }
ttgk-qty = { $qty }
ttgk-amount = { $amount }

## UNINVOICED、UNPAID、ORPHAN：货、票、款的期限。

uninvoiced = { $doc }（{ $party }）{ $dir ->
        [purchase] 验收合格
       *[sale] 发货
    } { $product } 数量 { $goods }{ $goods_plural ->
        [one] {""}
       *[other] {""}
    }，{ $days } 天后（截至 { $due }）仅开票 { $invoiced }（均已扣除退货和红字发票）。
uninvoiced-qty = { $qty }
unpaid = 发票 { $doc }（{ $party }）金额 { $total }，{ $days } 天后（截至 { $due }）已付 { $paid }。
unpaid-amount = { $amount }
orphan-credit = 红字发票 { $doc } 冲销发票 { $invoice }，该发票未知（从未记账，或已超过退货期限被遗忘）。
orphan-invoice = 发票 { $doc }（{ $party }）在 { $days } 天后仍{ $goods ->
        [none] 未注明采购订单或销售单
       *[unmoved] 无 { $goods_doc } 的货物收发
    }。
orphan-payment = 与 { $party } 的款项 { $doc } 在 { $days } 天内（截至 { $due }）未对应任何已知发票（{ $invoices }）。

## 账本末尾的未结事项：未结的内容，以及如何结清。

uninvoiced-pending = { $doc }（{ $party }）{ $dir ->
        [purchase] 验收合格
       *[sale] 发货
    } { $product } 数量 { $goods }{ $goods_plural ->
        [one] {""}
       *[other] {""}
    }，目前已开票 { $invoiced }。
uninvoiced-closed-by = { $part ->
        [all] { $product } 全部 { $missing } 的发票
       *[rest] { $product } 其余 { $missing } 的发票
    }
unpaid-pending = 发票 { $doc }（{ $party }）金额 { $total }，目前已付 { $paid }。
unpaid-closed-by = 付款 { $amount }
orphan-invoice-pending = 发票 { $doc }（{ $party }）目前{ $goods ->
        [none] 未注明采购订单或销售单
       *[unmoved] 尚无 { $goods_doc } 的货物收发
    }。
orphan-invoice-closed-by = { $goods ->
        [none] 账本无法补充：发票未注明采购订单或销售单
       *[unmoved] { $goods_doc } 的收货或发货
    }
orphan-payment-pending = 与 { $party } 的款项 { $doc } 目前未对应任何已知发票（{ $invoices }）。
orphan-payment-closed-by = 记账发票 { $invoices } 之一
orphan-credit-closed-by = 记账发票 { $invoice }

## TWO-INVOICE（两票制）

two-invoice = 销往公立医院 { $customer } 的 { $product } 批号 { $batch } 购自批发企业而非生产企业：从生产企业到医院至少三张发票。
two-invoice-expected = ≤ 2 张发票
two-invoice-actual = ≥ 3 张发票
