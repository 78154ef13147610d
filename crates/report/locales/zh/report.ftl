# 报告自身的用语（简体中文）：`rxledger check` 的文本报告、JUnit 正文。

severity-critical = 严重
severity-major = 主要
severity-minor = 一般

report-head = { $ledger }：{ $records } 条记录，核对 { $events } 个事件，链头 { $head }
report-rule = { $code }（{ $severity }，{ $count }）：{ $title }
report-seq = 记录
report-figures = 应为 { $expected }，实为 { $actual }
report-more = … 另有 { $count } 条（使用 --format json 查看全部）
report-pending-head = 未结事项：{ $count } { $count_plural ->
        [one] 项
       *[other] 项
    }，尚不是问题；到期仍未结清即成为问题。
report-pending-rule = { $code } 未结（{ $severity }，{ $count }）：{ $title }
report-due = 到期 { $due }，结清条件：{ $closed_by }
# `rxledger report` 写完文件后的一行：画出的温度图（有超标或记录中断的库区和车辆）、其局部放大图，
# 以及无超标、无中断、列在一张表中的库区和车辆。
report-written = 已写入 { $path }（{ $bytes } 字节）：{ $ledgers_plural ->
        [one] { $ledgers } 个账本
       *[other] { $ledgers } 个账本
    }，{ $findings_plural ->
        [one] { $findings } 个问题
       *[other] { $findings } 个问题
    }，{ $charts_plural ->
        [one] { $charts } 张温度图
       *[other] { $charts } 张温度图
    }及 { $closeups_plural ->
        [one] { $closeups } 张局部放大图
       *[other] { $closeups } 张局部放大图
    }，{ $quiet } 个无超标、无记录中断的库区和车辆列于一表，{ $custody_plural ->
        [one] { $custody } 条流向链
       *[other] { $custody } 条流向链
    }
report-col-rule = 规则
report-col-severity = 严重程度
report-col-findings = 问题数
report-total = 合计
junit-due = 到期 { $due }，结清条件：{ $closed_by }。
# SARIF 规则说明。
sarif-source = 依据：{ $source }
# `rxledger rules`：每条规则各行的标签。
rules-source = 依据
rules-points-at = 指向记录
rules-thresholds = 阈值
# 名称后附代码：企业的登记名称，药品的通用名与规格。
named-party = { $name }（{ $code }）
named-product = { $name } { $spec }（{ $code }）
named-product-no-spec = { $name }（{ $code }）
