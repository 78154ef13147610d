# 命令行帮助（简体中文）：`help-路径` 为命令的说明，`help-路径-参数` 为其参数的说明（路径为命令名以 - 相连，如 `rxledger-check`）。
# 英文帮助即各命令 `Args` 的文档注释（clap 由此生成），故英文目录中没有这些消息；`clap-` 为命令行解析错误。

help-heading-usage = 用法：
help-heading-commands = 命令
help-heading-options = 选项
help-heading-arguments = 参数
help-value-command = 命令
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-global-lang = 问题、报告和规则说明的语言：zh 简体中文，en 英文 [默认：取自 LC_ALL、LC_MESSAGES 或 LANG（zh* 为中文），否则英文]
help-global-zone = 显示时间所用的时区：Asia/Shanghai、UTC，或 +08:00 这样的偏移 [默认：RXLEDGER_ZONE，否则 Asia/Shanghai]

clap-unknown-argument = 无法识别的参数“{ $arg }”
clap-unknown-command = 无法识别的命令“{ $name }”
clap-missing = 缺少必需的参数：{ $arg }
clap-missing-command = 请给出一个命令
clap-invalid-value = 参数 { $arg } 的值“{ $value }”无效{ $valid }
clap-valid = ；可选值：{ $valid }
clap-list-separator = 、
clap-conflict = 参数 { $arg } 不能与 { $other } 同时使用
clap-other = 命令行有误：{ $detail }
clap-more = 如需更多信息，请运行 --help。

help-rxledger = 防篡改的药品追溯账本
help-rxledger-after = 退出码：0 无问题，1 有问题（校验未通过），2 用法、输入或读写错误。
help-rxledger-help = 显示本帮助或所给命令的帮助
help-rxledger-help-subcommand = 要显示帮助的命令

help-rxledger-init = 创建空账本目录（或给出 postgres://…?ledger=名称 时，在 PostgreSQL 中创建空账本）。
help-rxledger-init-dir = 账本目录（将被创建；若已存在须为空）。

help-rxledger-append = 向账本追加事件（JSON Lines），每个事件恰好一次。先校验全部输入：只要有一行有误，或某编号在账本或输入中已有不同内容，就不追加任何事件。账本中逐字节相同的事件跳过并计数，因此重新运行中断或失败的追加是安全的。
help-rxledger-append-dir = 账本目录，或 postgres://…?ledger=名称（已有的账本）。
help-rxledger-append-file = 事件文件，或 -（默认）表示标准输入。
help-rxledger-append-batch_size = 每个持久批次的输入事件数（0 = 全部输入为一个批次）[默认：1000]
help-rxledger-append-ack = 每个持久批次之后向标准输出打印 `acknowledged 记录号 哈希 lines 文件:首行-末行 appended N present M`：输入的首行至末行已在账本中，其链头为该记录号与哈希。
help-rxledger-append-max_line_bytes = 接受的最长输入行，单位字节（更长的行为错误，注明其行号，且不追加任何事件）[默认：16777216]

help-rxledger-import = 从其他系统导入单据到账本，全有或全无，每个事件恰好一次：经映射文件导入 ERP 的 CSV 导出（docs/import.md），或 GS1 EPCIS 2.0 JSON-LD（docs/epcis.md）。
help-rxledger-import-csv = 用映射文件导入 ERP 导出（CSV）。先读取每个文件的每一行、校验每个事件，再追加；错误注明文件、行、列和字段。所有文件的事件按 `occurred_at` 顺序追加（同一期间的货物与财务导出一起导入即按业务顺序读取）。事件编号由 ERP 单据导出，因此再次导入同一文件不追加任何事件。
help-rxledger-import-csv-dir = 账本目录。
help-rxledger-import-csv-files = 导出文件（CSV；每个文件的编码按其映射文件）。
help-rxledger-import-csv-mapping = 映射文件（TOML）：所有文件共用一个，或按文件顺序每个文件一个（重复此选项）。
help-rxledger-import-csv-batch_size = 每个持久批次的事件数（0 = 全部事件为一个批次）[默认：0]
help-rxledger-import-xlsx = 用映射文件导入保存为电子表格（.xlsx）的 ERP 导出，与 `import csv` 相同：映射文件的 `sheet`（或 --sheet，否则第一个工作表）含一行表头，每个单据行一行；日期单元格和数字单元格按其类型读取。错误注明文件、工作表、行、列和字段，且不追加任何事件。
help-rxledger-import-xlsx-dir = 账本目录。
help-rxledger-import-xlsx-file = 导出文件（.xlsx）。
help-rxledger-import-xlsx-mapping = 映射文件（TOML）。
help-rxledger-import-xlsx-sheet = 要读取的工作表名称（优先于映射文件的 `sheet`）。
help-rxledger-import-epcis = 导入由 `rxledger export --format epcis` 写出的 EPCIS 2.0 JSON-LD 文档（其 `rxl:` 扩展字段承载 EPCIS 无法表达的内容），或贸易伙伴的收货事件（配合 --recorded-by 和 --acceptor；docs/epcis.md）。追加前校验全部事件；账本中已有的事件跳过。
help-rxledger-import-epcis-dir = 账本目录。
help-rxledger-import-epcis-file = EPCIS 文档（JSON-LD）。
help-rxledger-import-epcis-recorded_by = 记录其他系统事件（无 `rxl:event`）的人员；可重复。
help-rxledger-import-epcis-acceptor = 验收其他系统收货事件中货物的人员；可重复。

help-rxledger-verify = 校验账本目录、导出的 .jsonl 账本或 postgres://…?ledger=名称。
help-rxledger-verify-path = 账本目录或导出文件。
help-rxledger-verify-head = 一个可信的较早链头：十六进制哈希（须出现在账本中）或 记录号:十六进制哈希。
help-rxledger-verify-checkpoint = 账本须延续的已签名检查点（需要 --pubkey）。
help-rxledger-verify-pubkey = 检查点签署人的公钥（名称.pub）。

help-rxledger-keygen = 生成用于签署检查点的 Ed25519 密钥对：名称.key（私钥，权限 0600）和 名称.pub。
help-rxledger-keygen-output = 路径前缀（文件名部分即密钥名称）。

help-rxledger-checkpoint = 校验账本，为其当前状态签署检查点，并记入账本的检查点历史。
help-rxledger-checkpoint-dir = 账本目录，或 postgres://…?ledger=名称（历史保存在数据库中）。
help-rxledger-checkpoint-key = 私钥文件（名称.key）。
help-rxledger-checkpoint-output = 检查点写到何处。

help-rxledger-prove = 写出记录 --seq 在检查点哈希树中的包含证明，或配合 --consistency 写出自较早检查点起的一致性证明。
help-rxledger-prove-dir = 账本目录，或 postgres://…?ledger=名称。
help-rxledger-prove-seq = 要证明的记录。
help-rxledger-prove-checkpoint = （较新的）检查点。
help-rxledger-prove-consistency = 较早的检查点，用于一致性证明。
help-rxledger-prove-output = 输出文件。

help-rxledger-verify-proof = 不用账本，仅凭证明、检查点和公钥核验一条记录（或一个一致性证明）。
help-rxledger-verify-proof-record = 存有导出账本中该记录那一行的文件（包含证明）。
help-rxledger-verify-proof-proof = 证明文件。
help-rxledger-verify-proof-checkpoint = 检查点（一致性证明时为较新的一个）。
help-rxledger-verify-proof-old_checkpoint = 较早的检查点（一致性证明）。
help-rxledger-verify-proof-pubkey = 签署人的公钥。

help-rxledger-export = 将已确认的记录导出为一个 JSON Lines 文件（第 N 行 = 记录 N）。文件先以临时名称写在同一目录中，完整并同步后再改名。
help-rxledger-export-dir = 账本目录或 postgres://…?ledger=名称。
help-rxledger-export-output = 输出文件。
help-rxledger-export-format = jsonl：记录本身；epcis：货物流转，写成 GS1 EPCIS 2.0 JSON-LD 文档（docs/epcis.md）[默认：jsonl]

help-rxledger-copy = 在存储之间逐条复制账本（记录号、批次、时间戳、哈希均相同），并校验副本：来源可为账本目录、导出的 .jsonl 文件或 postgres://…?ledger=名称，目标为新的账本目录或空的 PostgreSQL 账本（不存在则创建）。来源边读边校验；校验未通过的来源只复制到其最后一个完好的批次，且命令失败。
help-rxledger-copy-src = 来源：账本目录、导出文件或 postgres://…?ledger=名称。
help-rxledger-copy-dst = 目标：新的账本目录，或 postgres://…?ledger=名称（须为空）。

help-rxledger-log = 以可读形式列出记录。
help-rxledger-log-path = 账本目录或导出文件。
help-rxledger-log-from = 显示的第一条记录号 [默认：1]
help-rxledger-log-limit = 显示多少条记录 [默认：20]

help-rxledger-gen = 在标准输出生成确定性的、贴近实际的无问题账本事件。
help-rxledger-gen-events = 事件数 [默认：1000]
help-rxledger-gen-seed = 随机种子 [默认：1]
help-rxledger-gen-start = 第一个营业日（YYYY-MM-DD）。
help-rxledger-gen-days = 生成这么多营业日后停止（两个限制以先到者为准）。
help-rxledger-gen-violations = 植入违规：每个机会的概率（如 0.001）[默认：0]
help-rxledger-gen-rules = 只植入这些规则（以逗号分隔的代码；默认所有可植入的规则）。
help-rxledger-gen-manifest = 将植入的违规（规则与记录号，JSON Lines）写入此文件。
help-rxledger-gen-scale = 模拟规模为默认企业 N 倍的批发企业（客户、品种和储存库区各 N 份；每份每个模拟年约 33,000 个事件，因此 300 约为每年 1000 万个事件）。1 即默认账本。[默认：1]

help-rxledger-check = 校验并核对账本：货物、账册、发票、款项、库存、批号、资质。有问题达到 --fail-on 时（或配合 --fail-on-pending，有未结事项达到时）退出码为 1。
help-rxledger-check-paths = 账本目录或导出文件；给出多个时，它们之间也相互核对（发货对收货、追溯码）。
help-rxledger-check-config = TOML 配置（阈值、严重程度、停用的规则）；见 `rxledger rules --config-template`。
help-rxledger-check-format = 输出格式：text 按规则分组的文本；json（docs/findings.md）；junit 每条规则一个测试用例、每个问题一个失败；sarif（SARIF 2.1.0）[默认：text]
help-rxledger-check-fail_on = 使退出码为 1 的最低严重程度：critical 严重，major 主要，minor 一般 [默认：minor]
help-rxledger-check-fail_on_pending = 未结事项（尚未到期的事项，例如尚未到付款期的发票）达到 --fail-on 时也以 1 退出。
help-rxledger-check-head = 一个可信的较早链头（同 verify）。
help-rxledger-check-output = 将报告写入此文件而非标准输出。

help-rxledger-report = 为一个或多个账本写出一份自包含的 HTML 检查报告（链状态、问题及证据、库存、特殊管理药品批号的流转链、温度图）。写出即以 0 退出，不论内容如何（在持续集成中把关请用 check）。
help-rxledger-report-paths = 账本目录或导出文件（给出多个时也相互核对）。
help-rxledger-report-output = HTML 文件写到何处。
help-rxledger-report-config = TOML 配置，同 check。
help-rxledger-report-head = 一个可信的较早链头（同 verify）。

help-rxledger-trace = 追溯一个最小包装单位（追溯码）或一个批号在各账本间的流转链。每个账本按 check 的方式检查：批号的链在 SPECIAL-CHAIN 认定断裂处断裂；账本之间，首次出现不是收货，或发往另一所给账本所属企业的货物从未收到，也是断裂。断裂或未找到时以 1 退出。
help-rxledger-trace-args = `追溯码 路径…`：最小包装单位或包装的追溯码（20 位或 GS1），然后是账本；配合 --batch 时只给账本（目录或导出文件）。
help-rxledger-trace-batch = 追溯一个批号（品种:批号）而非追溯码。
help-rxledger-trace-config = TOML 配置，同 check（停用 SPECIAL-CHAIN 则不断链）。

help-rxledger-rules = 列出每条核对规则及其严重程度、说明、依据和问题指向的记录。
help-rxledger-rules-config_template = 改为打印默认配置文件（TOML）。

help-rxledger-summary = 各类事件数、链头哈希、链状态，以及各品种批号的库存。
help-rxledger-summary-path = 账本目录或导出文件。
help-rxledger-summary-head = 一个可信的较早链头（同 verify）。
