# 温湿度数据真实性规则族消息（简体中文）。
# $kind、$orig_kind：zone 库区或 vehicle 车辆。

temp-copy = { $kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $name }（传感器 { $sensor }）在 { $from } 至 { $to } 的温度记录（{ $readings } 条）在 { $resolution } °C 精度内逐条重复了{ $orig_kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $orig_name }（传感器 { $orig_sensor }）在 { $orig_from } 至 { $orig_to } 的记录。
temp-copy-expected = 自身的实测记录
temp-copy-actual = { $orig_from } 至 { $orig_to } 记录的副本

temp-flat = { $kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $name } 的传感器 { $sensor } 在 { $from } 至 { $to } 连续 { $readings } 次报告同一数值 { $value } °C（{ $minutes } 分钟；时限 { $limit } 分钟）。
temp-flat-expected = { $limit } 分钟内数值有变化
temp-flat-actual = { $value } °C 持续 { $minutes } 分钟

temp-backfill = 传感器 { $sensor } 于 { $upload } 上传的{ $kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $name } 数据中含有早于上传 { $limit } 小时以上的记录：{ $readings } 条，最早为 { $oldest }（上传前 { $hours } 小时）。
temp-backfill-expected = 记录后 { $limit } 小时内上传
temp-backfill-actual = 记录后 { $hours } 小时才上传

temp-future = 传感器 { $sensor } 于 { $upload } 上传的{ $kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $name } 数据中含有晚于上传时间的记录：{ $readings } 条，最晚为 { $latest }（上传后 { $minutes } 分钟；容差 { $limit } 分钟）。
temp-future-expected = 上传前采集的记录（时钟容差 { $limit } 分钟）
temp-future-actual = 一条记录晚于上传 { $minutes } 分钟

# $installed：other_zone（传感器登记在库区 $zone）或 unregistered。
temp-sensor-zone = 传感器 { $sensor } 为库区 { $name } 报告了 { $readings } 条记录，而该库区登记的传感器为 { $registered }；{ $installed ->
        [other_zone] { $sensor } 安装在库区 { $zone }
       *[unregistered] { $sensor } 未登记在任何库区
    }。
temp-sensor-vehicle = 安装在库区 { $zone } 的传感器 { $sensor } 为车辆 { $name } 报告了 { $readings } 条记录。
temp-sensor-expected = { $kind ->
        [zone] 登记在 { $name } 的传感器：{ $registered }
       *[vehicle] 车辆自带的温度记录仪
    }
temp-sensor-actual = { $installed ->
        [other_zone] { $sensor }，库区 { $zone } 的传感器
       *[unregistered] { $sensor }，未登记在任何库区
    }

temp-conflict = 传感器 { $sensor } 上传的{ $kind ->
        [zone] 库区
       *[vehicle] 车辆
    } { $name } 记录与其在记录 { $record } 中的上传相差超过 { $resolution } °C：{ $readings } 条，第一条在 { $at }（原为 { $before } °C，此处为 { $after } °C）。
temp-conflict-expected = { $at } 为 { $before } °C，与记录 { $record } 一致
temp-conflict-actual = { $after } °C
