# 库存规则族消息（简体中文）。

stock-neg = { $location } 的 { $product } 批号 { $batch } 库存降至 { $after }：移出 { $moved }，但账面仅有 { $on_books }。
stock-neg-further = { $location } 的 { $product } 批号 { $batch } 库存进一步降至 { $after }：移出 { $moved }，而账面已为 { $on_books }。
stock-neg-expected = ≥ { $qty }
stock-neg-actual = { $qty }

stock-count = 盘点 { $doc } 在 { $location } { $listed ->
        [missing] 未列出 { $product } 批号 { $batch }（按 { $counted } 计）
       *[listed] 盘得 { $product } 批号 { $batch } 数量 { $counted }
    }；账面为 { $book }（差异 { $difference }）。
stock-count-qty = { $qty }

acc-gate-put-away = { $product } 批号 { $batch } 从 { $location } 入库上架 { $put_away }{ $put_away_plural ->
        [one] {""}
       *[other] {""}
    }，但该处验收合格的仅 { $accepted }（验收合格且在该处的数量：在该处收货验收、由购货单位退回或从隔离库位放行至该处，或由这类药品的上架、移库带到该处）。
acc-gate-put-away-expected = ≤ { $qty }
acc-gate-put-away-actual = { $qty }
acc-gate-dispatch = { $product } 批号 { $batch } 已发货，但该批号无任何验收合格数量。
acc-gate-dispatch-expected = 验收合格数量 > 0
acc-gate-dispatch-actual = 验收合格数量 0

no-source-never-received = { $product } 批号 { $batch } 已发往 { $customer }，但从未收货。
no-source-unqualified = { $product } 批号 { $batch } 已发往 { $customer }，但仅从不合格的供货单位收货。

expired = { $product } 批号 { $batch } 有效期至 { $expiry }，却于 { $date } 发货。
expired-expected = { $expiry } 当日或之前
expired-actual = { $date }
expired-near = { $product } 批号 { $batch } 于有效期至 { $expiry } 前 { $days } 天发货。
expired-near-expected = > { $days } 天
expired-near-actual = { $days } 天

# $how：出隔离区的方式（put_away、transfer 或 dispatch）；$to：去向。
quarantine = 隔离库位 { $location } 中的 { $product } 批号 { $batch } { $how ->
        [put_away] 被上架至 { $to }
        [transfer] 未经放行移至 { $to }
       *[dispatch] 被发往 { $to }
    }。

return-orig = { $customer } 的销后退回 { $doc }（{ $product } 批号 { $batch }）与原销售不符：{ return-orig-actual }（应为 { return-orig-expected }）。
return-orig-actual = { $problem ->
        [no_sale] 无已知销售
        [unknown_sale] 销售 { $sale } 未知（从未记录，或早于退货期限）
        [other_customer] 销售对象为 { $sale_customer }
       *[over] 退回 { $returned }
    }
return-orig-expected = { $problem ->
        [no_sale] 原销售
        [unknown_sale] 原销售
        [other_customer] 销售对象为 { $customer }
       *[over] ≤ 发货数量 { $dispatched }
    }
