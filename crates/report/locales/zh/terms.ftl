# 术语表（简体中文）：事件格式中每个枚举值的法规用语，`term-枚举-值`。docs/glossary.md 由此生成。

term-AggregationAction-pack = 装箱关联
term-AggregationAction-unpack = 拆箱

term-Category-chemical = 化学药
term-Category-tcm_patent = 中成药
term-Category-tcm_pieces = 中药饮片
term-Category-biological = 生物制品
term-Category-vaccine = 疫苗
term-Category-narcotic = 麻醉药品
term-Category-psychotropic1 = 第一类精神药品
term-Category-psychotropic2 = 第二类精神药品
term-Category-medical_toxic = 医疗用毒性药品
term-Category-radioactive = 放射性药品
term-Category-precursor = 药品类易制毒化学品
term-Category-compound_ephedrine = 含麻黄碱类复方制剂
term-Category-cold_chain = 冷藏冷冻药品

term-Channel-wholesale = 批发
term-Channel-retail = 零售

term-ControlClass-none = 非特殊管理药品
term-ControlClass-narcotic = 麻醉药品
term-ControlClass-psychotropic1 = 第一类精神药品
term-ControlClass-psychotropic2 = 第二类精神药品
term-ControlClass-medical_toxic = 医疗用毒性药品
term-ControlClass-radioactive = 放射性药品
term-ControlClass-precursor = 药品类易制毒化学品
term-ControlClass-compound_ephedrine = 含麻黄碱类复方制剂

term-Designation-designated_manufacturer = 定点生产企业
term-Designation-national_wholesaler = 全国性批发企业
term-Designation-regional_wholesaler = 区域性批发企业
term-Designation-designated_retail = 第二类精神药品定点零售药店
term-Designation-seal_card_holder = 印鉴卡持有单位

term-InvoiceDirection-purchase = 进项发票
term-InvoiceDirection-sale = 销项发票

term-LicenceKind-drug_manufacturing = 药品生产许可证
term-LicenceKind-drug_wholesale = 药品经营许可证（批发）
term-LicenceKind-drug_retail = 药品经营许可证（零售）
term-LicenceKind-medical_institution = 医疗机构执业许可证
term-LicenceKind-public_health = 疾病预防控制机构
term-LicenceKind-transport = 道路运输经营许可证

term-LossKind-loss = 丢失
term-LossKind-theft = 被盗

term-PartyKind-manufacturer = 药品生产企业
term-PartyKind-wholesaler = 药品批发企业
term-PartyKind-retail_chain = 零售连锁总部
term-PartyKind-retail_pharmacy = 零售药店
term-PartyKind-medical_institution = 医疗机构
term-PartyKind-cdc = 疾病预防控制中心
term-PartyKind-individual = 个人
term-PartyKind-carrier = 承运单位

term-PaymentDirection-outgoing = 付款
term-PaymentDirection-incoming = 收款

term-PaymentMethod-bank_transfer = 银行转账
term-PaymentMethod-acceptance_bill = 银行承兑汇票
term-PaymentMethod-cheque = 支票
term-PaymentMethod-card = 刷卡
term-PaymentMethod-cash = 现金

term-Quality-ok = 合格
term-Quality-defective = 不合格

term-Relation-self = 本企业
term-Relation-supplier = 供货单位
term-Relation-customer = 购货单位
term-Relation-both = 供货及购货单位
term-Relation-other = 其他单位

term-StorageClass-frozen = 冷冻（−25～−10 °C）
term-StorageClass-cold = 冷藏（2～8 °C）
term-StorageClass-cool = 阴凉（不超过 20 °C）
term-StorageClass-ambient = 常温（10～30 °C）

term-TransferReason-relocation = 移库
term-TransferReason-quarantine = 质量锁定（移入隔离区）
term-TransferReason-release = 复检放行
