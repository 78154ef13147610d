# 特殊管理药品规则族消息（简体中文）。

# $how：in（收货或销后退回，收入 $place）或 out（从 $place 移出）；$codes：追溯码对应的不同单件数（同一记录中重复列出或前一行已列出的单件只计一次）。
special-chain-coverage = 特殊管理药品 { $product } 批号 { $batch } { $how ->
        [in] 在 { $place } 收入
       *[out] 从 { $place } 移出
    } { $quantity }{ $quantity_plural ->
        [one] {""}
       *[other] {""}
    }，但追溯码仅对应 { $codes } { $codes_plural ->
        [one] 个
       *[other] 个
    }不同单件：单件追溯链断裂。
special-chain-coverage-figure = 追溯码对应 { $codes } { $codes_plural ->
        [one] 个
       *[other] 个
    }单件
special-chain-elsewhere = 特殊管理药品 { $product } 批号 { $batch } 有 { $units } { $units_plural ->
        [one] 件
       *[other] 件
    }从 { $location } 移出，但账本记载其在别处，例如“{ $code }”在 { $held }。
special-chain-elsewhere-unaccepted = 特殊管理药品 { $product } 批号 { $batch } 有 { $units } { $units_plural ->
        [one] 件
       *[other] 件
    }从 { $location } 移出，但账本未记载其在该处，例如“{ $code }”：该码在 { $held } 收货时扫描，而该次收货验收合格的件数少于扫描的件数（可能是拒收的单件）。
special-chain-elsewhere-expected = 在 { $location } 的库存
special-chain-elsewhere-actual = { $units } 件在别处

special-channel-purchase = 麻醉药品或第一类精神药品采购（{ $doc }）的供货单位 { $supplier }{ $problem ->
        [expired] 的定点资格有效期至 { $valid_to }（最后有效日），在 { $date } 已不是定点生产企业或定点批发企业
       *[none] 在 { $date } 不是定点生产企业或定点批发企业
    }。
special-channel-sale = 麻醉药品或第一类精神药品销售（{ $doc }）的购货单位 { $customer }{ $problem ->
        [no_designation] 既无定点资格，也无印鉴卡
        [expired] 的定点资格有效期至 { $valid_to }（最后有效日），已过期
        [card_expired] 的印鉴卡有效期至 { $valid_to }（最后有效日），已过期
        [other_province] 位于 { $province }（外省），销售未注明批准文件
       *[designation] 为{ $designation ->
            [designated_manufacturer] 定点生产企业
            [national_wholesaler] 全国性批发企业
            [regional_wholesaler] 区域性批发企业
            [designated_retail] 定点零售企业
            [seal_card_holder] 印鉴卡持有单位
           *[other] { $designation }
        }，无权购买
    }。

special-cash = 现金款项 { $doc } 结算了含麻醉药品、精神药品或药品类易制毒化学品的{ $document ->
        [credit_note] 发票的红字发票
       *[invoice] 发票
    } { $invoice }。

special-2p = 特殊管理药品的{ $what ->
        [acceptance] 验收
       *[outbound_review] 出库复核
    } { $doc }（{ $product } 批号 { $batch }{ $lines ->
        [one] {""}
       *[several] {"，"}另有 { $more } { $more_plural ->
            [one] 行
           *[other] 行
        }特殊管理药品
    }）由 { $count } { $count_plural ->
        [one] 人
       *[other] 人
    }签字；须由两名不同人员双人签字。
special-2p-expected = 两人
special-2p-actual = { $count } 人（{ $people }）

special-loss = { $doc } 中特殊管理药品的{ $loss ->
        [loss] 丢失
       *[theft] 被盗
    }于 { $discovered } 发现，{ $reported ->
        [none] 未向任何主管部门报告
       *[late] 于 { $at } 才报告，在发现 { $hours }后（时限 { $limit } 小时）
    }。
special-loss-expected = 发现后 { $limit } 小时内报告
special-loss-actual = { $reported ->
        [none] 未报告
       *[late] 发现 { $hours }后报告
    }

# $quantity、$product、$batch：第一行特殊管理药品；$lines：one 或 several（此时 $more 为其余特殊管理药品行数）。
special-destroy = 特殊管理药品销毁 { $doc }（{ $product } 批号 { $batch }，数量 { $quantity }{ $quantity_plural ->
        [one] {""}
       *[other] {""}
    }{ $lines ->
        [one] {""}
       *[several] {"，"}另有 { $more } { $more_plural ->
            [one] 行
           *[other] 行
        }特殊管理药品
    }）未记录监督销毁的药品监督管理部门人员。

eph-retail-address = 含麻黄碱类复方制剂由 { $doc } 送至“{ $address }”，而非 { $customer } 许可证登记地址“{ $licensed }”。
eph-retail-address-figure = { $address }
eph-retail-cash = 现金款项 { $doc } 结算了批发含麻黄碱类复方制剂的{ $document ->
        [credit_note] 发票的红字发票
       *[invoice] 发票
    } { $invoice }。
eph-retail-no-id = 含麻黄碱类复方制剂零售 { $doc } 未登记购买者身份证件。
eph-retail-packs = 含麻黄碱类复方制剂零售 { $doc } 无处方销售 { $packs } 个最小包装（限量 { $limit }）。
eph-retail-window = 身份证件 { $buyer } 在 { $days } 天内购买含麻黄碱类复方制剂 { $packs } 个最小包装（限量 { $limit }）。
eph-retail-expected = ≤ { $qty }
eph-retail-actual = { $qty }

som-size = { $customer } 的订单 { $doc } 订购 { $product } 数量 { $quantity }，为该客户近 { $orders } 笔订单平均值 { $average } 的 { $ratio } 倍（阈值 { $factor } 倍）。
som-size-expected = ≤ { $limit }（近期平均值 { $average } 的 { $factor } 倍）
som-peer = { $customer } 的订单 { $doc } 订购 { $product } 数量 { $quantity }，为其他 { $peers } 个客户近期平均值中位数（{ $median }）的 { $ratio } 倍（阈值 { $factor } 倍）。
som-peer-expected = ≤ { $limit }（同类客户中位数 { $median } 的 { $factor } 倍）
som-frequency = { $customer } 在 7 天内下了 { $orders } 笔 { $product } 订单，而此前 8 周的周平均为 { $weekly } 笔（阈值 { $factor } 倍）。
som-frequency-expected = ≤ 每周 { $limit } 笔订单
som-actual = { $qty }
special-card = { $customer } 登记为印鉴卡持有单位，但未存档其印鉴卡号；麻醉药品或第一类精神药品销售 { $doc } 依据该印鉴卡。
