# 跨账本规则族消息（简体中文）。

cross-missing = 发往 { $party } 的发货 { $doc } 从未被收货：{ $ledger } 中没有对应的收货记录。
cross-missing-expected = 客户账本中的收货记录
cross-missing-actual = 无

cross-diff = 发货 { $doc } 与其收货记录（{ $ledger } 的记录 { $receipt }）不一致：{ $lines }。
cross-diff-codes = 发货 { $doc } 与其收货记录（{ $ledger } 的记录 { $receipt }）不一致：{ $lines }；已发货未收货的追溯码 { $missing } 个（{ $missing_codes }），已收货未发货的 { $extra } 个（{ $extra_codes }）。
cross-diff-codes-only = 发货 { $doc } 与其收货记录（{ $ledger } 的记录 { $receipt }）品种、批号和数量一致，但追溯码不一致：已发货未收货 { $missing } 个（{ $missing_codes }），已收货未发货 { $extra } 个（{ $extra_codes }）。
cross-diff-expected = 发货的品种、数量和追溯码
cross-diff-actual = { $lines }
cross-diff-codes-actual = 已发货未收货的追溯码 { $missing } 个，已收货未发货的 { $extra } 个
cross-diff-line = { $product } 批号 { $batch }：发货 { $shipped }，收货 { $received }
cross-diff-extra = { $product } 批号 { $batch } 已收货但未发货

cross-transit = 发货 { $doc } 经 { $hours } 小时才送达 { $party }（时限 { $limit } 小时）。
cross-transit-expected = ≤ { $limit } 小时
cross-transit-actual = { $hours } 小时

cross-unmatched = 来自 { $party } 的收货（随货同行单“{ $note }”）在该企业账本中找不到对应的发货。

cross-code = 本企业收货的追溯码也被 { $party }（{ $ledger }）收货，而该企业并未将其发往本企业。
