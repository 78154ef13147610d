# HTML 检查报告的用语（简体中文）。

html-title = 检查报告
html-title-of = 检查报告：{ $company }
html-company-unknown = （账本中未登记本企业）
html-period = 报告期间：{ $from } 至 { $to }
html-made = 生成时间 { $at }，{ $tool }；时间均为 { $zone }。
html-ledgers = 账本：{ $ledgers }
html-nav-overview = 概览
html-nav-custody = 特殊药品流向链
html-overview = 账本链状态与问题
html-col-ledger = 账本
html-col-records = 记录数
html-col-chain = 链
html-col-checkpoint = 最近检查点
html-col-pending = 未结
html-intact = 完整
html-file-changed = 文件有改动，记录完整
html-broken-at = 在记录 { $seq } 处断裂
html-none = 无
html-size = 大小 { $size }
html-extended = 已延续
html-signature-unchecked = （此处未验证签名）
html-not-extended = 未延续
html-ledger = 账本
html-ledger-records = { $records } 条记录，核对 { $events } 个事件。链头
html-last-checkpoint = 最近检查点：大小 { $size }，根
html-extends = 账本（{ $records } 条记录）延续了该检查点
html-findings = 问题（{ $count }）
html-no-findings = 未发现问题。
html-col-rule = 规则
html-col-severity = 严重程度
html-col-findings = 问题数
html-col-checks = 检查内容
html-col-source = 依据
html-col-seq = 记录
html-col-involved = 涉及记录
html-col-party = 单位
html-col-what = 药品 / 批号 / 库位
html-col-product = 药品
html-col-batch = 批号
html-col-location = 库位
html-col-expected = 应为
html-col-found = 实为
html-more = … 另有 { $count } 条（{ $command } 列出全部）。
html-pending = 未结事项（{ $count }）
html-no-pending = 无未结事项。
html-pending-note = 账本末尾尚未结清的事项，尚不是问题：到期前未记录结清即成为问题。
html-pending-count = { $count } 项未结
html-col-due = 到期
html-col-closed-by = 结清条件
html-temperatures = 温度（{ $count } 个库区和车辆）
html-times-in = 时间均为 { $zone }。
html-legend-allowed = 允许范围
html-legend-excursion = 温度超标（TEMP-RANGE）
html-legend-gap = 记录中断（TEMP-GAP）
html-series = { $kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $name }
html-series-counts = · { $readings } 个读数 · { $excursions } 次超标 · { $gaps } 次中断
html-closeup = { $kind ->
        [excursion] 温度超标
       *[gap] 记录中断
    } { $from } 至 { $to }，记录 { $seq }
html-closeup-part = 部分为汇总：每格 { $minutes } 分钟（超出内存上限）
html-closeup-summary = 汇总：每格 { $minutes } 分钟（超出内存上限）
html-closeups-more = 另有 { $count } 处未单独放大显示（均列于上方发现项中）。
html-quiet = 无超标、无记录中断：{ $count } 个库区和车辆
html-col-series = 库区或车辆
html-col-readings = 读数
html-col-first = 首个读数
html-col-last = 末个读数
html-col-lowest = 最低
html-col-highest = 最高
html-col-allowed = 允许范围
html-range = { $min }–{ $max } °C
html-chart-allowed = 允许 { $min }–{ $max } °C
html-custody = 特殊管理药品批次流向链
html-custody-none = 这些账本中没有麻醉药品、精神药品、医疗用毒性药品、放射性药品或药品类易制毒化学品批次。
html-custody-summary = { $plural ->
        [one] { $ledgers } 个账本
       *[other] { $ledgers } 个账本
    }中共 { $batches } 个批次；{ $broken } 个批次流向链断裂。
html-custody-omitted = 另有 { $count } 个批次未列出（{ $command } 可追踪其中任一批次）。
html-chain-head = { $product } 批号 { $batch } · { $steps } { $steps_plural ->
        [one] 步
       *[other] 步
    } ·
html-unbroken = 完整
html-breaks = { $count } { $count_plural ->
        [one] 处断裂
       *[other] 处断裂
    }
html-break = 断裂：
html-col-when = 时间
html-col-event = 事件
html-col-holder = 持有单位
html-col-document = 单据
html-col-counterparty = 往来单位
html-col-movement = 移动
html-col-quantity = 数量
html-col-record = 记录
html-more-steps = … 另有 { $count } 步（{ $command } 列出全部）。
html-stock = 按药品和批号的库存
html-stock-summary = 在库 { $live } 个批次（曾持有 { $ever } 个）
html-col-locations = 库位
html-col-total = 合计
