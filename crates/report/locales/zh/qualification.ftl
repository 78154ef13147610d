# 资质规则族消息（简体中文）。

sup-lic-unregistered = 供货单位 { $party } 无首营资质档案（未登记）。
sup-lic-individual = 供货单位 { $party } 为个人；禁止与个人进行批发交易。
sup-lic-licence = 供货单位 { $party } 的许可证在 { $date } 无效。
sup-lic-licence-expected = { $date } 有效
sup-lic-licence-actual = { $periods }
sup-lic-scope = 品种 { $product }（{ qualification-category }）超出供货单位 { $party } 的经营（生产）范围。
sup-lic-scope-expected = 经营（生产）范围包括{ qualification-category }
sup-lic-scope-actual = 不在经营（生产）范围内
sup-lic-product = 从 { $party } 购进的品种 { $product } 未登记：本记录之前无首营品种档案（product_registered 事件）。

cus-lic-unregistered = 购货单位 { $party } 无资质档案（未登记）。
cus-lic-individual = 购货单位 { $party } 为个人；禁止向个人批发销售。
cus-lic-licence = 购货单位 { $party } 的许可证在 { $date } 无效。
cus-lic-licence-expected = { $date } 有效
cus-lic-licence-actual = { $periods }
cus-lic-scope = 品种 { $product }（{ qualification-category }）超出购货单位 { $party } 的经营范围。
cus-lic-scope-expected = 经营范围包括{ qualification-category }
cus-lic-scope-actual = 不在经营范围内
cus-lic-product = 销售给 { $party } 的品种 { $product } 未登记：本次销售之前无品种档案（product_registered 事件）。

# 药品类别（按术语）。
qualification-category = { $category ->
        [chemical] 化学药
        [tcm_patent] 中成药
        [tcm_pieces] 中药饮片
        [biological] 生物制品
        [vaccine] 疫苗
        [narcotic] 麻醉药品
        [psychotropic1] 第一类精神药品
        [psychotropic2] 第二类精神药品
        [medical_toxic] 医疗用毒性药品
        [radioactive] 放射性药品
        [precursor] 药品类易制毒化学品
        [compound_ephedrine] 含麻黄碱类复方制剂
        [cold_chain] 冷藏冷冻药品
       *[other] { $category }
    }
