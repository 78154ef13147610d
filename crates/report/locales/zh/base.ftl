# 共用词语（简体中文）：多个规则族共用的术语。

# 时长：整小时（$parts 为 h）、小时与分（hm）、小时分秒（hms）。
duration-hms = { $parts ->
        [h] { $hours } 小时
        [hm] { $hours } 小时 { $minutes } 分
       *[hms] { $hours } 小时 { $minutes } 分 { $seconds } 秒
    }

# 事件类型（$kind），按记录的名称。
event-kind = { $kind ->
        [party_registered] 企业资质登记
        [licence_changed] 许可证变更
        [product_registered] 品种登记
        [purchase] 采购订单
        [receipt] 收货验收
        [put_away] 入库上架
        [transfer] 移库
        [sale] 销售
        [outbound_review] 出库复核
        [dispatch] 发货
        [customer_return] 销后退回
        [supplier_return] 购进退出
        [destruction] 销毁
        [stock_count] 盘点
        [invoice] 发票
        [payment] 款项
        [temperature_reading] 温湿度数据上传
        [loss_report] 丢失被盗报告
        [aggregation] 追溯码包装关联
        [zone_registered] 库区登记
       *[other] { $kind }
    }
