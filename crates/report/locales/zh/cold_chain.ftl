# 冷链规则族消息（简体中文）。

temp-zone = { $product } 批号 { $batch }（要求 { $min }–{ $max } °C）储存于库区 { $zone }，该库区温度为 { $zone_min }–{ $zone_max } °C。
temp-zone-range = { $min }–{ $max } °C

# $kind：zone 库区或 vehicle 车辆。
temp-range = { $kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $name } 温度超标：{ $from } 至 { $to }（{ $minutes } 分钟），峰值 { $peak } °C，平均动力学温度 { $mkt } °C；允许范围 { $min }–{ $max } °C。
temp-range-expected = { $min }–{ $max } °C
temp-range-actual = 峰值 { $peak } °C 持续 { $minutes } 分钟，平均动力学温度 { $mkt } °C

# $state：normal，或间断发生在超标期间时为 excursion。
temp-gap = { $kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $name } 在 { $from } 至 { $to } 无温度记录（{ $minutes } 分钟；时限 { $limit } 分钟{ $state ->
        [excursion] ，处于温度超标期间
       *[normal] {""}
    }）。
temp-gap-expected = ≤ { $minutes } 分钟
temp-gap-actual = { $minutes } 分钟

cc-receipt = 收货 { $doc } 验收合格了{ $goods ->
        [vaccines] 疫苗
       *[cold_chain] 冷藏冷冻药品
    }，但{ cc-receipt-actual }；应当拒收。
cc-receipt-expected = 全程温度记录在范围内，或拒收
cc-receipt-actual = { $problem ->
        [no_transport] 冷链药品无运输记录（车辆、启运时间）
        [not_cold_chain] 车辆 { $vehicle } 不是温控运输工具
        [no_readings] 截至 { $by }（到货后 { $hours } 小时，温度记录应到之时）无车辆 { $vehicle } 本次运输的温度记录
        [not_kept] 车辆 { $vehicle } 在 { $from } 至 { $to } 的温度记录已不再保留（车辆温度记录保留至其最新记录前 7 天，间隔不超过 { $limit } 分钟的连续记录最多保留 30 天）：运输时间超过温度记录的保留期
        [not_kept_late] 车辆 { $vehicle } 在 { $from } 至 { $to } 的温度记录已不再保留（车辆温度记录保留至其最新记录前 7 天，并在最新记录后保留 30 天）：收货记录距运输过久
        [not_covered] 车辆 { $vehicle } 的运输温度记录未覆盖 { $from } 至 { $to }（最长间断 { $gap } 分钟）
       *[out_of_range] 车辆 { $vehicle } 有 { $readings } 条运输温度记录超出 { $min }–{ $max } °C，首条在 { $first }，偏离最远的为 { $worst } °C
    }

cc-receipt-pending = 收货 { $doc } 验收合格了{ $goods ->
        [vaccines] 疫苗
       *[cold_chain] 冷藏冷冻药品
    }，正在等待车辆 { $vehicle } 的温度记录：目前{ cc-receipt-actual }。
cc-receipt-closed-by = 车辆 { $vehicle } 在 { $from } 至 { $to } 的温度记录，间隔不超过 { $limit } 分钟，且在 { $min }–{ $max } °C 之内

vac-dispose-isolate = 疫苗 { $product } 批号 { $batch } 共 { $units } { $unit }在温度超标后仍留在 { $zone }，未在 { $days } 天内（{ $by } 前）隔离。
vac-dispose-isolate-expected = { $by } 前 { $zone } 中无剩余
vac-dispose-isolate-actual = { $zone } 中仍有 { $units } { $unit }
vac-dispose-expired = 疫苗 { $product } 批号 { $batch } 已于 { $expiry } 过期，共 { $units } { $unit }未在 { $by } 前{ $step ->
        [dispose] 销毁处置
       *[isolate] 隔离
    }（仍在 { $places }）。
vac-dispose-expired-expected = { $by } 前{ $step ->
        [dispose] 已无库存
       *[isolate] 隔离区外无剩余
    }
vac-dispose-expired-actual = { $units } { $unit }：{ $places }
vac-dispose-isolate-pending = 疫苗 { $product } 批号 { $batch } 共 { $units } { $unit }在温度超标后仍在 { $zone }。
vac-dispose-isolate-closed-by = 将其移出 { $zone }（隔离）
vac-dispose-expired-pending = 疫苗 { $product } 批号 { $batch } 已于 { $expiry } 过期，共 { $units } { $unit }尚未{ $step ->
        [dispose] 销毁处置
       *[isolate] 隔离
    }。
vac-dispose-expired-closed-by = { $step ->
        [dispose] 将其销毁
       *[isolate] 将其移入隔离区
    }
