# 追溯码规则族消息（简体中文）。

code-format-line = { $product } 批号 { $batch } 有 { $count } { $count_plural ->
        [one] 个
       *[other] 个
    }格式错误的追溯码，例如“{ $code }”：{ code-error }。
code-format-expected = 格式正确的追溯码
code-format-actual = { $count } 个格式错误
code-format-pack = 包装关联 { $doc }：包装码“{ $code }”格式错误：{ code-error }。
code-format-children = 包装关联 { $doc }：{ $count } 个追溯码格式错误，例如“{ $code }”。

code-dup-received = { $product } 批号 { $batch } 有 { $count } { $count_plural ->
        [one] 个
       *[other] 个
    }追溯码在仍有库存时再次收货（克隆或假冒追溯码），例如“{ $code }”。
code-dup-received-expected = 不在库的追溯码
code-dup-received-actual = { $count } 个已在库
code-dup-moved = { $product } 批号 { $batch } 有 { $count } { $count_plural ->
        [one] 个
       *[other] 个
    }追溯码在已离开本企业（发货、退回供货单位、销毁或报损）后再次移动（重复移动或克隆追溯码），例如“{ $code }”。

code-unknown-returned = { $customer } 以 { $doc } 退回的 { $product } 批号 { $batch } 中有 { $count } { $count_plural ->
        [one] 个
       *[other] 个
    }追溯码未由本账本发出，或不在最近 { $days } 天（退货期限）内发出，例如“{ $code }”。
code-unknown-returned-other = { $customer } 以 { $doc } 退回的 { $product } 批号 { $batch } 中有 { $count } { $count_plural ->
        [one] 个
       *[other] 个
    }追溯码{ $left ->
        [destroyed] 已在本账本中销毁，例如“{ $code }”：已销毁的药品不可能退回。
        [lost] 已在本账本中报告丢失，例如“{ $code }”：报告丢失的药品不应由购货单位退回。
       *[party] 的去向是 { $party }，不是该单位，例如“{ $code }”：退货须来自药品的去向单位。
    }
code-unknown-moved = 从 { $location } 移出的 { $product } 批号 { $batch } 有 { $count } { $count_plural ->
        [one] 个
       *[other] 个
    }追溯码从未收货，或已于 { $days } 天（退货期限，期满后已离开的追溯码不再记忆）之前离开，例如“{ $code }”。
code-unknown-packed = 包装关联 { $doc } 包装了 { $count } 个已在其他包装中的追溯码（或重复使用包装码 { $pack }）。
code-unknown-unpack = 包装关联 { $doc } 拆开了 { $pack }，该包装码未知。

# 追溯码格式错误的原因（$error）及其细节（$error_ai、$error_gtin、$error_text）。
code-error = { $error ->
        [empty] 空码
        [unrecognised] 既不是 20 位药品追溯码，也不是 GS1 元素串
        [unknown_ai] 不支持的 GS1 应用标识符（{ $error_ai }）
        [bad_field] GS1 AI（{ $error_ai }）：值格式错误
        [check_digit] GTIN { $error_gtin }：校验位错误
        [bad_date] GS1 AI（{ $error_ai }）：不是有效的 YYMMDD 日期
        [no_gtin] GS1 元素串缺少 GTIN（01）
        [repeated] GS1 AI（{ $error_ai }）出现两次
        [whitespace] 追溯码前后有空白字符
       *[other] { $error_text }
    }
