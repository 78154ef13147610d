# 完整性规则族消息（简体中文）。

event-invalid = 记录 { $record } 不是有效的事件：{ $error }。

event-dup = 记录 { $record } 重复了事件 { $id }（已记为记录 { $first }）：该事件被计算两次。
doc-dup = 记录 { $record } 与记录 { $first } 载有同一{ event-kind }（{ $by ->
        [party] 单据编号与往来单位相同
        [location] 单据编号与库位相同
       *[number] 单据编号相同
    }，相隔不超过 { $days } 天），事件编号却不同：该单据被计算两次。

late-entry = { $occurred } 发生的{ event-kind }{ $doc ->
        [none] {""}
       *[doc] {" "}{ $docno }{" "}
    }于 { $at } 才{ $how ->
        [entered] 录入
       *[recorded] 记入账本
    }，在发生 { $hours } 小时后（时限 { $limit } 小时）。
late-entry-expected = ≤ { $hours } 小时
late-entry-actual = { $hours } 小时
