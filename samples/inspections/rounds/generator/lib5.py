"""Round-7 helpers (ledgers 99-110: invoicing and money). lib3.py (round 5) is copied unchanged;
this module adds the parties and products of this round and a receipt with rejections.
Written from docs/ alone. Deterministic: no clock, no randomness."""
from lib3 import *  # noqa
import lib3

SUP_HK = uscc("91330000MA2B7HK5")   # 浙江华康医药商业有限公司 (wholesaler)
SUP_RF = uscc("91330108MA2CRF61")   # 杭州瑞丰医药有限公司 (wholesaler, a third party)
SUP_HB = uscc("91330500MA2D0HB3")   # 浙江海康生物制品有限公司 (manufacturer, blood products)
SUP_JY = uscc("91330600MA2E9JY4")   # 浙江景岳堂中药饮片有限公司 (manufacturer of 中药饮片)
CUS_MS = uscc("52330100MA2F3M57")   # 杭州民生医院 (private, not public)

ACC.update({
    SUP_HK: ("中国银行杭州城东支行", "367858371234"),
    SUP_RF: ("杭州联合农村商业银行西湖支行", "201000123456789"),
    SUP_HB: ("中国农业银行湖州吴兴支行", "19150101040023456"),
    SUP_JY: ("绍兴银行越城支行", "1101008812345678"),
    CUS_MS: ("中信银行杭州分行", "7331010182600123456"),
})
ADDR.update({
    SUP_HK: "浙江省杭州市拱墅区莫干山路 808 号",
    SUP_RF: "浙江省杭州市西湖区西溪路 525 号",
    SUP_HB: "浙江省湖州市吴兴区康山街道红丰路 1999 号",
    SUP_JY: "浙江省绍兴市越城区灵芝街道中兴北路 66 号",
    CUS_MS: "浙江省杭州市西湖区天目山路 160 号",
})
PARTIES[OWNER] = dict(PARTIES[OWNER])
PARTIES[OWNER]["scope"] = ["chemical", "tcm_patent", "tcm_pieces", "biological", "cold_chain"]
PARTIES[OWNER].pop("special", None)
for h in (CUS_RH, CUS_MZ):
    PARTIES[h] = dict(PARTIES[h])
    PARTIES[h]["scope"] = ["chemical", "tcm_patent", "tcm_pieces", "biological"]
    PARTIES[h].pop("special", None)
PARTIES[SUP_NK] = dict(PARTIES[SUP_NK])
PARTIES[SUP_NK]["scope"] = ["chemical"]
PARTIES[RC_KN] = dict(PARTIES[RC_KN])
PARTIES[RC_KN]["scope"] = ["chemical", "tcm_patent"]
PARTIES.update({
    SUP_HK: dict(name="浙江华康医药商业有限公司", kind="wholesaler",
                 licence=dict(number="浙AA5710056", kind="drug_wholesale", valid_from="2022-09-01", valid_to="2027-08-31"),
                 scope=["chemical", "tcm_patent", "biological"], province="浙江"),
    SUP_RF: dict(name="杭州瑞丰医药有限公司", kind="wholesaler",
                 licence=dict(number="浙AA5710121", kind="drug_wholesale", valid_from="2023-05-01", valid_to="2028-04-30"),
                 scope=["chemical", "tcm_patent"], province="浙江"),
    SUP_HB: dict(name="浙江海康生物制品有限公司", kind="manufacturer",
                 licence=dict(number="浙20000456", kind="drug_manufacturing", valid_from="2021-11-01", valid_to="2026-10-31"),
                 scope=["biological"], province="浙江"),
    SUP_JY: dict(name="浙江景岳堂中药饮片有限公司", kind="manufacturer",
                 licence=dict(number="浙20000601", kind="drug_manufacturing", valid_from="2022-03-01", valid_to="2027-02-28"),
                 scope=["tcm_pieces"], province="浙江"),
    CUS_MS: dict(name="杭州民生医院", kind="medical_institution",
                 licence=dict(number="PDY00078330106D1001", kind="medical_institution", valid_from="2023-01-01", valid_to="2032-12-31"),
                 scope=["chemical", "tcm_patent", "tcm_pieces", "biological"], province="浙江"),
})

P_AMOX = bwm("8690123400001")   # 阿莫西林胶囊 (13 %)
P_IBU = bwm("8690123400002")    # 布洛芬缓释胶囊 (13 %)
P_ALB = bwm("8690789100011")    # 人血白蛋白 (生物制品, 3 % simple levy)
P_HQ = bwm("8690555000017")     # 黄芪 饮片 (9 %)
PRODUCTS.update({
    P_AMOX: dict(generic_name="阿莫西林胶囊", form="胶囊剂", spec="0.25g×24粒/盒", manufacturer=SUP_NK,
                 approval_number="国药准字H33020011", category="chemical", control="none", storage="ambient",
                 rx=True, unit="盒"),
    P_IBU: dict(generic_name="布洛芬缓释胶囊", form="胶囊剂", spec="0.3g×20粒/盒", manufacturer=SUP_NK,
                approval_number="国药准字H33020187", category="chemical", control="none", storage="ambient",
                rx=False, unit="盒"),
    P_ALB: dict(generic_name="人血白蛋白", form="注射剂", spec="10g（20%，50ml）/瓶", manufacturer=SUP_HB,
                approval_number="国药准字S33020031", category="biological", control="none", storage="cool",
                rx=True, unit="瓶"),
    P_HQ: dict(generic_name="黄芪（饮片）", form="饮片", spec="片，1kg/袋", manufacturer=SUP_JY,
               approval_number="饮片无批准文号（执行《中国药典》2025年版一部）", category="tcm_pieces", control="none",
               storage="ambient", rx=False, unit="袋"),
})

ZONES = (("WH-A", "ambient", None), ("WH-C", "cool", None))
HOME = {P_AMOX: "WH-A", P_IBU: "WH-A", P_HQ: "WH-A", P_ALB: "WH-C"}


class L5(Ledger):
    def receipt_rej(self, at, doc, supplier, orders, dns, lines, label=None):
        """lines: (product, batch, production_date, expiry, arrived, accepted, reject_reason|None)"""
        out = []
        for p, batch, prod, exp, arr, acc, why in lines:
            line = {"product": p, "batch": batch, "production_date": prod, "expiry": exp,
                    "arrived": arr, "accepted": acc, "rejected": arr - acc}
            if why:
                line["reject_reason"] = why
            line["location"] = "RCV"
            out.append(line)
        data = {"doc": doc, "supplier": supplier, "lines": out, "acceptors": ["验收-张伟"]}
        return self.add("receipt", at, data, refs={"order": orders, "delivery_note": dns}, by=["验收-张伟"], label=label)

    def review_multi(self, at, doc, customer, sales, lines, label=None):
        return self.add("outbound_review", at, {"doc": doc, "customer": customer, "lines": [
            {"product": p, "batch": b, "expiry": e, "quantity": q, "quality": "ok"} for p, b, e, q in lines],
            "reviewers": ["复核-刘洋"]}, refs={"sale": sales}, by=["复核-刘洋"], label=label)

    def pay(self, at, doc, direction, payer, payee, amount, invoices, label=None, method="bank_transfer",
            payer_account=None, payee_account=None):
        data = {"doc": doc, "direction": direction, "payer": payer, "payee": payee,
                "payer_account": payer_account if payer_account is not None else ACC[payer][1],
                "payee_account": payee_account if payee_account is not None else ACC[payee][1],
                "amount": money(amount), "method": method, "invoices": invoices}
        return self.add("payment", at, data, refs={"invoice": invoices[0]}, by=["财务-王芳"], label=label)
