# 追溯链在所给账本之间的断点（`rxledger trace`、报告的追溯链部分）。

# 链的第一步不是收货。$kind：事件类型；$seq、$ledger：其记录。
custody-first-seen = 首次出现于{ event-kind }（{ $ledger } 的记录 { $seq }），而非收货
# 发往另一所给账本所有者的发货，对方无收货记录。
custody-not-received = { $holder } 发往 { $to } 的货物（{ $doc }，记录 { $seq }）对方从未收货
custody-not-shipped = { $holder } 从 { $from } 收到的货物（{ $doc }，记录 { $seq }）对方从未发货
custody-returned-by-other = 由 { $customer } 退回 { $holder }（{ $doc }，记录 { $seq }），但该单元于记录 { $left } 以{ event-kind }离开{ $to ->
        [none] {""}
       *[other] ，去向为 { $party }
    }
custody-moved-after-leaving = 该单元已于记录 { $left } 离开 { $holder } 且未退回，却又在{ event-kind }（{ $doc }，记录 { $seq }）中被移动
custody-arrived-while-held = { $holder } 仍持有该单元（自记录 { $since } 起在 { $location }），却又在{ event-kind }（{ $doc }，记录 { $seq }）中收到它
custody-moved-from-elsewhere = { $holder } 在{ event-kind }（{ $doc }，记录 { $seq }）中从 { $from } 移出该单元，但账上该单元在 { $location }（记录 { $since }）

# `rxledger trace`：标题、各步骤的列、断点。
custody-unit = 追溯码 { $code }
custody-batch = { $product } 批号 { $batch }
custody-head = { $what } 的追溯链：{ $steps } { $steps_plural ->
        [one] 步
       *[other] 步
    }
custody-kind-reason = { $kind }：{ $reason }
custody-holder = 持有方
custody-qty = 数量
custody-balance = 期末结存：
custody-balance-at = { $holder } { $location }：{ $qty }
# $how：party（发往 $to，其账本未给出）、destroyed 或 lost。
custody-balance-left = 已离开所给账本：{ $how ->
        [destroyed] 销毁 { $qty }
        [lost] 丢失 { $qty }
       *[party] { $qty } 发往 { $to }
    }
custody-unbroken = 追溯链在所给账本之间完整
custody-break = 断点：
custody-break-at = { $rule }，{ $ledger } 的记录 { $seq }：{ $sentence }
# Where a unit goes when it is destroyed or lost (the `to` of a custody step).
custody-destroyed = 销毁
custody-lost = 丢失
