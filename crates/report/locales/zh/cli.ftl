# 命令行自己的话（简体中文）：错误、警告、校验结果、`summary`。
# 库的错误按其类型化字段在此渲染；库只以文字给出的细节（$detail）原样保留。

cli-error = 错误：{ $message }
cli-warning = 警告：{ $message }

## 输入与输出。
io-not-found = 文件或目录不存在（系统错误 { $code }）
io-permission = 没有访问权限（系统错误 { $code }）
io-exists = 文件已存在（系统错误 { $code }）
io-other = { $detail }
cli-reading-config = 读取配置文件 { $path }
cli-not-a-file-name = { $path }：不是文件名
cli-output-in-ledger = { $path } 是账本自身的文件：任何命令都不会把输出写到它上面（请写到账本目录之外）

## 命令行检查的选项。
cli-head-hash = 链头“{ $head }”不是 64 位十六进制数字（或 记录号:十六进制）
cli-head-seq = 链头“{ $head }”：“{ $part }”不是记录号
cli-head-hex = 链头“{ $head }”：“{ $part }”不是 64 位十六进制数字
cli-head-zero = 链头“{ $head }”：记录号 0 是空账本，其链头哈希为 64 个零
cli-bad-zone = 未知时区“{ $zone }”：请给出 +08:00 这样的偏移，或以下之一：{ $names }
cli-violations-range = --violations 须在 0 与 1 之间（给出的是 { $got }）
cli-not-plantable = --rules：生成器不能植入“{ $rule }”；可植入的规则：{ $plantable }
cli-trace-no-ledger = 请在追溯码之后至少给出一个账本
cli-trace-batch-form = --batch 须为 品种:批号（给出的是“{ $got }”）
cli-trace-code-or-batch = 请给出追溯码或 --batch 品种:批号，二者取一
cli-prove-what = 请给出 --seq 记录号 或 --consistency 旧检查点
cli-proof-needs-record = 包含证明需要 --record 文件
cli-proof-needs-old = 一致性证明需要 --old-checkpoint 文件
cli-key-needs-name = -o 须给出文件名
cli-key-exists = { $path }：密钥已存在，拒绝覆盖
cli-copy-not-empty = { $path }：目标已有 { $records } 条记录；请复制到空账本
cli-trace-not-found = 在给出的账本中未找到

cli-cut-tail = { $segment }：已截去中断的写入留下的未确认尾部，共 { $bytes } 字节（一个未完成批次中的 { $records } 条完整记录）
cli-index-unwritten = 编号索引未能写入（{ $detail }）；下次追加时会重建

cli-copy-source-fails = { $src }：来源在记录 { $seq } 处未通过校验（{ $error }）；已将 { $records } 条记录（其校验通过的批次）复制到 { $dst }
cli-copy-differs = { $dst }：副本的校验结果与来源不同（副本链头 { $copy }，来源链头 { $source }）{ $why }
cli-copy-why = ：{ $error }

## 命令做了什么。
cli-initialised = 已创建空账本 { $ledger }
cli-exported = 已将 { $records } 条记录导出到 { $path }；链头 { $head }
cli-checkpoint-other-signers = 账本的检查点历史中有 { $count } { $count_plural ->
        [one] 条
       *[other] 条
    }记录（最新一条为 { $size } 条记录）由其他密钥（{ $signers }）签名，而非 { $key }：已将其根哈希与记录核对，但未核验其签名。能写入账本目录的人都能写入这样的记录或删除历史；只有另行保存的检查点（`verify --checkpoint`）能发现。如非有意更换密钥，请与已发出的检查点比对
cli-checkpoint-written = 已将 { $signer } 签署的 { $records } 条记录的检查点写入 { $path }
cli-keys-written = 已写出 { $key }（私钥，权限 0600）和 { $public }
cli-proof-written = 证明已写入 { $path }
cli-copied = 已将 { $records } 条记录分 { $batches } 个批次从 { $src } 复制到 { $dst }；副本校验通过；链头 { $head }
cli-appended-none = { $file }：没有事件；未追加任何事件（链头 { $head }）
cli-appended-all-present = { $file }：全部 { $present } 个事件已在账本中；未追加任何事件（链头 { $head }）
cli-appended = 已从 { $file } 追加 { $appended } 个事件；链头 { $head }
cli-appended-some-present = 已从 { $file } 追加 { $appended } 个事件，{ $present } 个已在账本中（跳过）；链头 { $head }

cli-no-postgres = { $url }：此 `rxledger` 构建时未含 `PostgreSQL` 支持（构建特性 `postgres`）
cli-not-pg-url = 不是 `PostgreSQL` 网址
cli-pg-one-at-a-time = `PostgreSQL` 账本只能逐个检查（尚不能与其他账本相互核对）

## 存储。
store-not-a-ledger = { $path } 不是 `rxledger` 账本（没有 { $marker } 标记文件，或该文件并非 `rxledger init` 所写；请先运行 `rxledger init`）
store-exists = { $path } 已存在且不为空
store-locked = 账本 { $dir } 正由另一写入程序使用（锁文件 { $lock } 被占用）；请待其完成后再试
store-corrupt = { $path }：{ $error }；拒绝追加（请运行 `rxledger verify`）
store-poisoned = 先前的写入失败；请重新打开账本后再追加
store-history = { $path } 第 { $line } 行：不是检查点历史条目：{ $detail }

## 输入的事件（`append`、`import`）：文件、行与字段。
ingest-event = { $file } 第 { $line } 行：{ $error }
ingest-io = { $file }：{ $error }
ingest-duplicate-record = { $file } 第 { $line } 行：字段 `id`：事件编号 { $id } 已作为记录 { $seq } 存储，内容不同；未追加任何事件
ingest-duplicate-line = { $file } 第 { $line } 行：字段 `id`：事件编号 { $id } 已在本输入第 { $earlier } 行出现，内容不同；未追加任何事件
ingest-utf8 = { $file } 第 { $line } 行：不是有效的 UTF-8 文本
ingest-too-long = { $file } 第 { $line } 行：该行超过 { $max } 字节；未追加任何事件
event-json = 第 { $column } 列起不是有效的 JSON：{ $detail }
event-field = 字段 `{ $field }`：{ $detail }
detail-missing-field = 缺少字段 `{ $name }`
detail-unknown-variant = 未知取值 `{ $value }`，应为以下之一：{ $expected }
json-expected-value = 此处应为一个值
json-trailing = 事件之后还有多余字符
json-key = 键须为字符串
json-object = 此处应为逗号或对象结束
json-array = 此处应为逗号或列表结束
json-eof = 该行在事件中途结束
json-control = 字符串中有控制字符
detail-not-blank = 不得为空
detail-uuid = 不是有效的 UUID（{ $detail }）
detail-object = 须为 JSON 对象
detail-event-object = 事件须为 JSON 对象
detail-required = 缺少必填字段
detail-unknown-field = 未知字段
detail-unknown-kind = 未知的事件类型
detail-not-negative = 不得为负数
detail-not-empty = 不得为空
detail-positive = 须为正数
detail-at-least-1 = 至少为 1
detail-one-line = 至少须有一行
detail-one-reading = 至少须有一个读数
detail-one-code = 至少须有一个追溯码
detail-one-person = 至少须注明一人
detail-0-100 = 须在 0 与 100 之间
detail-after-production = 须晚于 production_date（生产日期）
detail-party-licence = 除个人外每个单位都必须填写
detail-trace-code = 既不是 20 位药品追溯码，也不是 GS1 元素串
detail-price-negative = 价格不得为负
detail-zone-or-vehicle = `zone` 与 `vehicle` 须且只能填一个
detail-before-valid-from = 早于 valid_from（生效日期）
detail-min-max = min_c 须 ≤ max_c
detail-minus-100-100 = 须在 -100 至 100 之间
detail-readings-order = 读数须按时间顺序
detail-sum-overflow = 金额合计溢出
problem-written-twice = 在同一对象中出现两次（不同的读取程序会取不同的值）
problem-leap-second = 处于闰秒（:60）中，本格式不支持；请写作前一秒
problem-too-long = 长 { $bytes } 字节，最多允许 { $max } 字节
problem-year = { $value } 超出本格式接受的年份 { $first } 至 { $last }
problem-quantity-max = { $value } 超过最大数量 { $max }
problem-amount-max = { $value } 超过最大金额 { $max }
problem-line-value-max = 数量 { $quantity } × 单价 { $price } 超过最大金额 { $max }（最小货币单位）
# $limit：quantity（行的数量）或 arrived（收货行的到货数量）。
problem-codes-over = { $limit ->
        [arrived] 到货数量（arrived）{ $quantity }
       *[quantity] 数量 { $quantity }
    } 却有 { $codes } 个不同的追溯码
problem-negative = 不得为负数（实为 { $got }）
# $unit：quantity 或 minor（以最小货币单位计的金额）；$written：应为整数处所写的内容（number、string、null、boolean、list、object；none：不显示的数字），$value 为数字、带引号的字符串或布尔值。
problem-not-whole = 须为 0 至 { $max } 的整数{ $unit ->
        [minor] （以最小货币单位计）
       *[quantity] {""}
    }{ $written ->
        [number] （实为 { $value }）
        [string] （实为字符串 { $value }）
        [null] （实为 `null`）
        [boolean] （实为 `{ $value }`）
        [list] （实为列表）
        [object] （实为对象）
       *[none] {""}
    }
problem-uuid-version = 须为第 7 版 UUID（实为第 { $got } 版）
problem-accepted-rejected = 合格 { $accepted } + 拒收 { $rejected } 须等于到货 { $arrived }
problem-line-amount = { $amount } 不等于数量 { $quantity } × 单价 { $price }（允许每单位半分的误差）
problem-invoice-total = { $total } 不等于明细金额之和（{ $sum }）

## 哈希链校验。
verify-unparsable = 第 { $line } 行：记录无法解析（应为记录 { $seq }）：{ $detail }
verify-reason-start = 行首不是记录的 `seq`
verify-reason-seq = `seq` 不是正整数
verify-reason-after-seq = `seq` 之后应为 `batch_end`
verify-reason-batch-end = `batch_end` 不是正整数
verify-reason-after-batch-end = `batch_end` 之后应为 `recorded_at`
verify-reason-recorded-at = `recorded_at` 不是短字符串
verify-reason-recorded-at-chars = `recorded_at` 含有 RFC 3339 时间戳以外的字符
verify-reason-after-recorded-at = `recorded_at` 之后应为 `prev`
verify-reason-prev-short = `prev` 过短
verify-reason-prev-hex = `prev` 不是 64 位十六进制数
verify-reason-after-prev = `prev` 之后应为 `hash`
verify-reason-hash-short = `hash` 过短
verify-reason-hash-hex = `hash` 不是 64 位十六进制数
verify-reason-after-hash = `hash` 之后应为 `event`
verify-reason-end = 记录在行末未闭合
verify-reason-event-empty = `event` 内容为空
verify-reason-blank = 记录之间有空行
verify-reason-newline = 行末没有换行符
verify-reason-reread = 记录第二次读取时解析结果不同
verify-gap = 第 { $line } 行：记录号不连续：应为记录 { $seq }，实为记录 { $found }（记录 { $seq }..{ $last } 缺失或顺序错乱）
verify-duplicate = 第 { $line } 行：记录重复或顺序错乱：应为记录 { $seq }，记录 { $found } 再次出现
verify-link = 第 { $line } 行：记录 { $seq } 处链接断裂：其 `prev` { $found } 不等于前一条记录的哈希 { $expected }
verify-hash = 第 { $line } 行：记录 { $seq } 哈希不符：记录内容被修改（存储的 { $stored }，计算的 { $computed }）
verify-framing = 第 { $line } 行：记录 { $seq } 批次框定错误：`batch_end` 为 { $batch_end }（应为 { $expected }）
verify-incomplete = 账本止于一个批次中间：记录 { $seq }..={ $batch_end } 缺失（被截断，或在批次确认前崩溃）
verify-other-origin = 该检查点签署的来源为 { $signed }，而本账本的来源为 { $origin }（其所属企业，或登记所属企业之前的目录名）：记录即为所签署的记录，但署名不同
verify-head-differs = 记录 { $seq } 的哈希为 { $found }，而非预期的 { $expected }：账本在记录 { $seq } 或其之前被改写
verify-checkpoint-root = 前 { $size } 条记录的默克尔根与目录自身检查点历史（checkpoints.jsonl）中签署的不符：此后记录被更改或历史被改写；请从备份恢复该目录
verify-history-damaged = 目录的检查点历史（checkpoints.jsonl）{ $fault ->
        [out_of_order] 第 { $line } 行是 { $size } 条记录的检查点，却排在 { $after } 条记录的检查点之后
        [forked] 第 { $line } 行与前一条都是 { $size } 条记录的检查点，但根哈希不同
        [not_a_file] 不是普通文件
        [too_large] 有 { $bytes } 字节，超过任何检查点历史
        [unreadable] 无法读取
       *[not_an_entry] 第 { $line } 行不是检查点
    }：历史已损坏或被改动，无法为记录作证
verify-below-checkpoint = 账本只有 { $last } 条已确认记录，但其自身的检查点历史（checkpoints.jsonl）已签署 { $signed } 条：记录 { $seq }..{ $signed } 被删除（截断）；请从备份恢复该目录（写入程序将拒绝写入）
verify-head = 未找到预期链头 { $expected }：账本止于记录 { $last }，链头 { $found }；账本被截断或改写（第一条无法担保的记录 { $seq }）
verify-reformatted = 文件与导出时的字节不完全一致：{ $changes }；其中的记录完好（{ $records }）
verify-bom = 第一条记录前加了 UTF-8 字节顺序标记
verify-crlf-all = 换行符被改为 CRLF
verify-crlf-some = { $lines } 行中有 { $crlf } 行的换行符被改为 CRLF
verify-blank-one = 末尾加了 1 个空行
verify-blank-many = 末尾加了 { $blank } 个空行
verify-records-none = 其中没有记录
verify-records-one = 唯一的一条记录校验通过
verify-records-many = 全部 { $records } 条记录校验通过
verify-holds-head = 预期链头 { $head } 存在：它证明记录 1..={ $seq }，此后账本又有 { $after } 条记录
verify-holds-empty-head = 预期链头 { $head } 是空账本的链头，任何账本都延续它：它不证明这 { $after } 条记录中的任何一条
verify-ok = 通过：{ $records } 条记录校验通过；链头 { $head }{ $blank }
verify-ok-blank-one = ；最后一条记录之后的 1 个空行已忽略（不含数据）
verify-ok-blank-many = ；最后一条记录之后的 { $blank } 个空行已忽略（不含数据）
verify-failed = 未通过：第一条出错记录 { $seq }
verify-failed-at = 未通过：{ $error }
verify-none = 没有记录校验通过
verify-verified = 记录 1..={ $last } 校验通过；链头 { $head }
verify-intact = 未通过：记录完好，但记录之外的文件内容被改动
verify-restore = 恢复导出时的字节（LF 换行，无字节顺序标记）即可按导出文件校验；链头 { $head }
verify-tail = { $segment }：最后一个已确认批次之后有 { $bytes } 字节（{ $records } 条完整记录）：正在写入的批次，或中断的写入留下的尾部（下一个写入程序会截去这样的尾部）；尚未确认
verify-extends = 通过：{ $records } 条记录校验通过；它们延续了 { $origin } 签署的 { $size } 条记录的检查点

## 检查点与证明。
verify-proof-ok = 通过：证明已对照 { $origin } 签署的 { $size } 条记录的检查点核验
verify-proof-ok-consistency = 通过：{ $origin } 签署的 { $size } 条记录的检查点延续了 { $old_size } 条记录的检查点（同一历史）
log-failed = 未通过：第一条出错记录 { $seq }：{ $error }

checkpoint-key = 密钥格式错误：{ $detail }
checkpoint-format = 检查点格式错误：{ $detail }
checkpoint-signature = 检查点签名校验未通过：{ $detail }
checkpoint-proof = 证明格式错误：{ $detail }
checkpoint-random = 随机数生成器：{ $detail }

## 配置。
config-toml = 配置无效：第 { $line } 行第 { $column } 列（`{ $text }`）：{ $detail }
config-negative = 配置无效：thresholds.{ $name } 不得为负数
config-too-large = 配置无效：thresholds.{ $name } 不得大于 { $max }

## `rxledger log`：每个事件一行。
log-party = { $name }（{ $kind }）
log-licence = { $party } 许可证 { $number } 有效期至 { $valid_to }
log-product = { $code } { $name } { $spec }
log-from-lines = { $doc } 来自 { $party }（{ $lines } { $lines_plural ->
        [one] 行
       *[other] 行
    }）
log-to-lines = { $doc } 售予 { $party }（{ $lines } { $lines_plural ->
        [one] 行
       *[other] 行
    }）
log-lines = { $doc }（{ $lines } { $lines_plural ->
        [one] 行
       *[other] 行
    }）
log-for = { $doc } 购货单位 { $party }
log-to = { $doc } 发往 { $party }
log-from = { $doc } 来自 { $party }
log-reason = { $doc }（{ $reason }）
log-at = { $doc } 库位 { $location }
log-money = { $doc } { $from } → { $to } { $amount }
log-readings = { $where } { $count } 个读数
log-loss = { $doc } { $kind }
log-aggregation = { $doc } { $action } { $parent }（{ $count } 个追溯码）
log-zone = { $zone } { $storage }
log-invalid = （无效事件：{ $error }）

## `rxledger summary`。
summary-records = 记录数
summary-head = 链头
summary-chain = 链校验
summary-tail = 未确认尾部
summary-period = 期间
summary-verified = 通过
summary-failed = 未通过，第一条出错记录 { $seq }：{ $error }
summary-failed-intact = 未通过，记录完好：{ $error }
summary-tail-text = { $segment } 中有 { $bytes } 字节未确认（{ $records } 条完整记录）；下一个写入程序会将其截去
summary-period-text = { $from } 至 { $to }
summary-invalid = 无效事件：{ $count }
summary-invalid-line = 记录 { $seq }：{ $error }
summary-kinds = 各类事件数：
summary-stock = 各品种批号库存（现有，按库位）：

## `rxledger import csv|xlsx|epcis`：先说位置（文件与行、工作表与行、列、字段、EPCIS 事件），再说问题；
## 单元格内容、编号和路径原样保留。
import-epcis-written-twice = { $file }：字段 `{ $path }` { problem-written-twice }；未导入任何事件
import-epcis-xml = { $file } 是 XML 文档：`rxledger` 只读取 EPCIS 2.0 的 JSON-LD 格式（docs/epcis.md）；请向对方索取 JSON-LD 格式或先行转换
import-mappings = { $files } 个文件、{ $mappings } 个映射：请为所有文件给一个映射，或按文件顺序每个文件给一个
import-duplicate-line = { $file } 第 { $line } 行：字段 `id`：事件编号 { $id } 已在本次导入的 { $earlier_file } 第 { $earlier } 行出现，内容不同；未追加任何事件
import-changed-document = { $error }（{ event-kind } { $doc } 导入后在导出中已改变：更正应记为新单据）
import-epcis-duplicate-record = { $file }：{ $event }：字段 `id`：事件编号 { $id } 已作为记录 { $seq } 存储，内容不同；未追加任何事件
import-epcis-duplicate-event = { $file }：{ $event }：字段 `id`：事件编号 { $id } 已是本文档的 { $earlier }，内容不同；未追加任何事件
import-repeated-row = { $file } 第 { $line } 行与同一单据的第 { $first } 行完全相同；按单独一行读取（如果是导出时误重复，该单据会重复计算这一行）
import-error = { $text }
import-line = { $file } 第 { $line } 行
import-sheet-row = { $file }：工作表 `{ $sheet }` 第 { $line } 行
import-column = 列 `{ $column }`
import-field = 字段 `{ $field }`
import-decode = 不是有效的 { $encoding } 文本
import-zip = { $file }：这是电子表格（ZIP 压缩）文件，不是 CSV：请用 `rxledger import xlsx`
import-done = 已从 { $file } 导入 { $events } 个事件：追加 { $appended } 个，{ $present } 个已在账本中；链头 { $head }
import-earlier = 本次导入中有 { $count } 个货物移动发生在账本末尾最近的货物移动（{ $latest }）之前：规则按账本中的记录顺序读取，后导入较早的货物，可能产生按业务顺序不会出现的问题（如 STOCK-NEG、NO-SOURCE）（请将同一期间的各导出文件在一次 `import csv` 中一并导入：docs/import.md“顺序”一节）
mapping-line = 映射文件 { $file } 第 { $line } 行
mapping-section = 第 { $n } 个 `[[document]]` 节（`{ $kind }`）
epcis-event = { $file }：{ $event }
json-at = 第 { $line } 行第 { $column } 列：不是有效的 JSON：{ $detail }
export-epcis-unverified = { $dir }：账本未通过校验；请运行 `rxledger verify`
export-epcis-bad-record = { $dir }：记录 { $seq }：{ $error }
export-epcis-done = 已将 { $records } 条记录导出为 { $events } 个 EPCIS 事件，写入 { $path }
detail-unknown-key = 未知字段 `{ $name }`，应为以下之一：{ $expected }
cell-type-string = 文本
cell-type-integer = 整数
cell-type-number = 数字
cell-type-money = 金额
cell-type-date = 日期
cell-type-expiry = 有效期至（日期或年月）
cell-type-instant = 日期时间
cell-type-bool = 是或否
cell-type-list = 列表
reason-spreadsheet-error = 单元格是电子表格的错误值 `{ $value }`
reason-inexact-number = `{ $value }` 是超过 15 位的数字单元格，电子表格无法精确保存：编码和单据号应存为文本单元格
reason-date-time = `{ $cell }` 是带时刻的日期单元格，此处须为日期
reason-date-cell = `{ $cell }` 是日期单元格，此处须为{ $expected }
reason-not-in-zone = `{ $cell }` 在时区 { $zone } 中不存在
reason-not-date = `{ $cell }` 不是日期（格式：{ $formats }）
reason-not-expiry = `{ $cell }` 不是有效期至的日期或年月（格式：{ $formats }，或 YYYY-MM）
reason-not-instant = `{ $cell }` 不是日期时间（格式：{ $formats }，时区 { $zone }）
reason-not-integer = `{ $cell }` 不是非负整数
reason-not-number = `{ $cell }` 不是数字
reason-not-money = `{ $cell }` 不是金额（以元计，至多两位小数）
reason-not-bool = `{ $cell }` 不是“是”或“否”（是/否、Y/N、true/false、1/0）
reason-not-mapped = `{ $cell }` 不在映射的取值之中：{ $known }
reason-no-document = `{ $value }` 不是映射文件中任何 `[[document]]` 节的 `when` 取值
reason-empty-document-number = 单据号为空
reason-differs = `{ $got }` 与单据 `{ $document }` 首行（第 { $first } 行）的 `{ $want }` 不同
reason-no-column = 表头中没有此列
reason-same-column = 表头中此列出现 { $count } 次（第 { $positions } 列）：映射无法确定所指哪一列；请在导出中重命名其中一列
reason-empty = 为空
reason-unequal = 该行有 { $found } 个单元格，而表头有 { $expected } 个{ $quote ->
        [open] ：该行中的引号（"）没有闭合，文件其余部分被读成一个单元格
       *[none] {""}
    }
reason-csv = 不是有效的 CSV：{ $detail }
reason-timezone = `timezone`：`{ $value }` 不是 +08:00 这样的时区偏移
reason-encoding = `encoding`：未知编码 `{ $value }`
reason-not-xlsx = 不是可读的 `.xlsx` 工作簿（{ $detail }）
reason-no-sheet = 没有工作表 `{ $sheet }`（工作簿中有 { $names }）
reason-no-sheets = 工作簿中没有工作表
reason-sheet-unreadable = 工作表 `{ $sheet }`：{ $detail }
reason-sheet-empty = 工作表 `{ $sheet }` 为空
reason-toml = 不是有效的映射文件：{ $detail }
reason-blank-name = `name` 不得为空
reason-no-section = 没有 `[[document]]` 节
reason-need-kind-column = 有多个 `[[document]]` 节时须给出 `kind_column`（并在每节给出 `when`）
reason-unknown-kind = `kind`：没有 `{ $kind }` 这种事件类型
reason-when-required = 给出 `kind_column` 时每节须有 `when`
reason-group-by-empty = `group_by` 未指明任何列
reason-path-start = 须以 `occurred_at`、`entered_at`、`recorded_by`、`refs.` 或 `data.` 开头
reason-one-bracket = 每个路径至多一个 `[]`
reason-empty-segment = 路径中有空段
reason-one-source = `column`、`value`、`sum` 须恰好给出其一
reason-occurred-at-unmapped = 未映射字段 `occurred_at`
reason-no-event-list = 没有 `{ $path }`
reason-hash-ignores = 文档的 `{ $key }` 把 `{ $ignored }` 排除在 CBV 2.0 哈希之外，但本系统会导入该字段：哈希无法显示对它的改动
reason-hash-mismatch = `{ $id }` 不是该事件的 CBV 2.0 哈希（该事件的哈希为 `{ $computed }`）：事件在其编号算出之后被改动过
reason-no-recorder = 缺失，且未给出其他系统事件的记录人（`--recorded-by`）
reason-not-object-event = 其他系统的事件只导入 `{ $type }`
reason-partner-shipping = 不导入其他系统的 `shipping`（发货）事件：出库需要收货单位和收货地址，而 EPCIS 不含这些信息
reason-partner-step = 不导入其他系统的 `{ $step }` 事件（只导入 `receiving`，即收货）
reason-ilmd-not-add = EPCIS 2.0 只允许 `action` 为 ADD 的事件带有 `ilmd`
reason-receiving-action = 收货事件的 `action` 须为 OBSERVE（或带批次信息 `ilmd` 的 ADD）
reason-no-acceptor = 收货需要验收人，而 EPCIS 不含此信息：请用 `--acceptor 姓名` 给出
reason-receipt-numbers = 有 { $count } 个类型为 `recadv`（收货单号）的条目：须恰好一个
reason-suppliers = 有 { $count } 个 `owning_party`（供货单位）条目：须恰好一个
reason-ilmd-not-object = 不是对象
reason-not-text = `{ $value }` 不是非空字符串
reason-ilmd-not-date = `{ $value }` 不是日期（YYYY-MM-DD）
reason-ilmd-differs = `{ $value }` 与 `{ $field }` 中的{ $part } `{ $class }` 不一致
lot-part-lot = 批号
lot-part-production = 生产日期
lot-part-expiry = 有效期
reason-no-quantity-list = 缺失（各明细行的批号和数量）
reason-ilmd-ambiguous = 有多个 `{ $list }` 条目时，无法确定批次主数据属于哪一明细行
reason-epc-list-ambiguous = 有多个 `{ $list }` 条目时，无法确定追溯码属于哪一明细行
reason-not-sgtin = `{ $uri }` 不是 SGTIN（GS1 数字链接 `/01/…/21/…` 或 `urn:epc:id:sgtin:`）
reason-not-lgtin = 不是带批号的 GTIN（GS1 数字链接 `/01/…/10/…` 或 `urn:epc:class:lgtin:`，或带 `ilmd` `{ $key }` 的 GTIN）
reason-gtin-check-digit = GTIN `{ $gtin }` 的校验位错误
reason-no-lot = 没有批号（GS1 数字链接 `/10/…` 或 `ilmd` `{ $key }`）
reason-no-date = 没有{ $part }（GS1 数字链接属性 `{ $ai }=YYMMDD` 或 `ilmd` `{ $key }`）
reason-not-pieces = `{ $uom }` 不是 H87（件，即最小销售单元）
reason-not-whole = 不是整数
reason-supplier-not-party = 字段 `{ $field }`（`owning_party`）：既不是 `urn:rxledger:party:`，也不是 GLN
reason-no-location = 缺失，或不是 `urn:rxledger:loc:`（仓库货位）
reason-not-sensor-id = 不是以 `{ $prefix }` 开头的传感器标识
reason-bad-percent = 百分号编码错误
reason-no-place = 缺失（应为库区，或以 `{ $field }` 给出的车辆）
reason-missing = 缺失
reason-not-a-number = 不是数值
reason-not-celsius = `{ $uom }` 不是 CEL（摄氏度）
reason-not-percent = `{ $uom }` 不是 P1（百分比）
reason-humidity-alone = 湿度读数没有同一时间的温度读数
reason-not-sensor-type = `{ $type }` 既不是 `{ $temperature }`，也不是 `{ $humidity }`
reason-not-own-document = 不是本事件自身的单据
reason-not-pack-action = `{ $action }` 既不是 ADD（装箱），也不是 DELETE（拆箱）
reason-not-code = 不是追溯码（GS1 数字链接 `/01/…/21/…` 或 `urn:rxledger:code:`）
reason-not-rfc3339 = 不是 RFC 3339 格式的时间
reason-no-data = 该事件的第一行缺少此字段
reason-no-owning-party = 没有 `owning_party`（货权方）条目
reason-not-exported-kind = `{ $kind }` 不是可导出的事件类型
reason-empty-list = 为空
reason-not-batch-class = 不是产品批次（GS1 数字链接 `/01/…/10/…` 或 `urn:rxledger:class:`）
reason-malformed-epc = `{ $uri }`：`{ $scheme }` EPC 格式错误：{ $detail }
epc-no-colon = 编码方案与其组成部分之间没有 `:`
epc-components = 应有 { $n } 个以 `.` 分隔的组成部分
epc-company-prefix = GS1 厂商识别代码 `{ $company }` 不是 6 至 12 位数字
epc-digits = 厂商识别代码与代码 `{ $reference }` 合计不是 { $total } 位数字
epc-length = { $part } `{ $value }` 有 { $n } 个字符，应为 { $min } 至 { $max } 个
epc-charset = { $part } `{ $value }` 在第 { $at } 字节处有不在其字符集中的字符
epc-serial = 序列号 `{ $value }` 不是 1 至 12 位数字
epc-not-star = `{ $value }` 处，模式要求为 `*`
epc-piece-total = 件号 `{ $piece }` 与总件数 `{ $total }` 不都是两位数字
epc-part-lot = 批号
epc-part-serial = 序列号
epc-part-extension = 扩展码
epc-part-asset-reference = 资产代码
epc-part-consignment-reference = 托运代码
epc-part-component-reference = 部件代码
epc-part-third-party-serial = 第三方序列号

## 终端上的进度。
progress-eta = 剩余
progress-appended = 已追加 { $appended } 个事件，{ $present } 个已在账本中
