from lib24 import *
from l270_272 import CONV

TWO_ACC = ["验收-张伟", "验收-孙丽"]
TWO_REV = ["复核-刘洋", "复核-何倩"]
TWO_KEEP = ["保管-赵磊", "保管-钱程"]
AUTH = ["杭州市公安局西湖分局", "杭州市市场监督管理局", "杭州市卫生健康委员会"]


# ====================================================================================== 273
def l273():
    L = Ledger(273, "morphine-custody-return-quarantine-destruction-loss-recall-designation-and-seal-card-lapsing-at-beijing-midnight-account-replaced-lost-unit-shipped-trace",
               "VIOLATION: 盐酸吗啡注射液 (narcotic) custody end to end at a regional wholesaler: receipt with codes, special store, sales "
               "to two seal-card hospitals, a return of 3 (2 quarantined and destroyed under supervision, 1 released), a loss reported in "
               "6.5 h, a recall of 5 to the maker with a credit note and refund (all quiet); the maker's designation and a hospital's seal "
               "card lapse at Beijing midnight (an order at 00:20 and a sale at 07:30, both still the previous day in UTC); a hospital "
               "pays from the account its licence change replaced; the ampoule reported lost is shipped; a batch with 2 rejected "
               "ampoules scanned on arrival; batch traces")
    L.notes.append(CONV)
    L.notes.append("two acceptors, two reviewers and two keepers on every morphine record; one code per unit on every movement line "
                   "(20-digit codes: 8103456 + 9-digit serial + 4 digits; batch 2609201 m1..m50 = serials 1-50, batch 2610151 n1..n40 = serials 101-140)")
    mn_over = {"MN": {"special": dict(designation="designated_manufacturer", valid_to="2026-11-15")},
               "H1": {"special": dict(designation="seal_card_holder", seal_card="浙杭麻印〔2024〕0031", valid_to="2026-11-30")}}
    L.master(t("2026-09-28 09:00"), ["MN", "H1", "H2"], ["MO"], [("SP-1", "ambient")], overrides=mn_over)
    m = [None] + codes20("8103456", 1, 50)
    n = [None] + codes20("8103456", 101, 40)
    M1, M1E = "2609201", "2029-08-31"
    M2, M2E = "2610151", "2029-09-30"

    cg1 = L.purchase(t("2026-10-08 09:00"), "MN", [("MO", 50, 2850)])
    r = L.receipt(t("2026-10-12 10:00"), "MN", cg1, [dict(p="MO", batch=M1, prod="2026-09-20", exp=M1E, arrived=50, accepted=50,
                                                           codes=m[1:51])], acceptors=TWO_ACC)
    L.put_away(t("2026-10-12 11:00"), r, [("MO", M1, 50, "RCV", "SP-1", m[1:51])], by=TWO_KEEP)
    pi1, _ = L.pinv(t("2026-10-12 15:00"), "MN", cg1, [("MO", 50, 2850)])
    L.pay_out(t("2026-10-20 10:00"), "MN", 142500, [pi1])

    s1 = L.sale(t("2026-10-14 09:00"), "H1", [("MO", M1, M1E, 20, 3200)])
    L.review(t("2026-10-14 10:00"), s1, "H1", [("MO", M1, M1E, 20)], reviewers=TWO_REV)
    L.dispatch(t("2026-10-14 11:00"), s1, "H1", [("MO", M1, 20, "SP-1", m[1:21])], by=TWO_KEEP)
    is1, _ = L.sinv(t("2026-10-14 15:00"), "H1", s1, [("MO", 20, 3200)])
    s2 = L.sale(t("2026-10-15 09:00"), "H2", [("MO", M1, M1E, 10, 3200)])
    L.review(t("2026-10-15 10:00"), s2, "H2", [("MO", M1, M1E, 10)], reviewers=TWO_REV)
    L.dispatch(t("2026-10-15 11:00"), s2, "H2", [("MO", M1, 10, "SP-1", m[21:31])], by=TWO_KEEP)
    is2, _ = L.sinv(t("2026-10-15 15:00"), "H2", s2, [("MO", 10, 3200)])
    L.pay_in(t("2026-10-28 10:00"), "H2", 32000, [is2])

    rr = L.cust_return(t("2026-10-20 10:00"), "H1", s1, [("MO", M1, 3, "RET", m[1:4])], reason="医嘱取消，未开封退回",
                       by=["药剂-林主任", "验收-张伟"])
    cn1, _ = L.sinv(t("2026-10-21 10:00"), "H1", s1, [("MO", 3, 3200)], credit_for=is1)
    L.pay_in(t("2026-10-25 10:00"), "H1", 54400, [is1])
    L.transfer(t("2026-10-22 10:00"), "quarantine", [("MO", M1, 2, "RET", "QA", m[1:3])], refs={"receipt": [rr]}, by=TWO_KEEP)
    L.transfer(t("2026-10-22 10:30"), "release", [("MO", M1, 1, "RET", "SP-1", [m[3]])], refs={"receipt": [rr]}, by=["质管-周敏", "保管-赵磊"])
    L.destroy(t("2026-10-30 10:00"), [("MO", M1, 2, "QA", m[1:3])],
              ["杭州市市场监督管理局 执法人员 何立", "杭州市卫生健康委员会 孙敏"], reason="复检发现安瓿裂纹", method="焚烧")
    L.loss(t("2026-11-02 15:00"), t("2026-11-02 08:30"), "loss", [("MO", M1, 1, "SP-1", [m[40]])], AUTH)
    L.sup_return(t("2026-11-05 10:00"), "MN", cg1, [("MO", M1, 5, "SP-1", m[41:46])], reason="生产企业召回（批次外观问题）",
                 by=["采购-李明", "质管-周敏"])
    pcn, _ = L.pinv(t("2026-11-06 10:00"), "MN", cg1, [("MO", 5, 2850)], credit_for=pi1)
    L.pay(t("2026-11-10 10:00"), "incoming", "MN", "O", 14250, [pcn])
    L.count(t("2026-11-06 17:00"), "SP-1", [("MO", M1, 15)])

    # H2 changes its bank account
    h2 = PARTIES["H2"]
    L.licence_changed(t("2026-11-10 09:00"), "H2", h2["licence"], "基本存款账户变更",
                      accounts=[dict(bank="杭州银行西溪支行", number="3301040160009988776")])

    # designation lapse at Beijing midnight
    cg2 = L.purchase(t("2026-11-15 23:30"), "MN", [("MO", 30, 2850)], label="cg2")
    cg3 = L.purchase(t("2026-11-16 00:20"), "MN", [("MO", 10, 2850)], label="cg3")
    L.exp("SPECIAL-CHANNEL", "cg3", "rules.md SPECIAL-CHANNEL 'bought only from a designated manufacturer ...'; format.md Special.valid_to "
          "'Last valid day ... from the next day the party counts as not designated'; format.md Dates 'compares them with the date of "
          "an event's occurred_at at UTC+08:00': 00:20 on 11-16 Beijing (11-15 16:20 UTC) is the day after valid_to 2026-11-15; the "
          "renewal is filed at 09:00 (@mn_renew@), 'A seal card or designation counts from the occurred_at of the record that files it'")
    L.licence_changed(t("2026-11-16 09:00"), "MN", PARTIES["MN"]["licence"], "麻醉药品定点生产资格延续",
                      special=dict(designation="designated_manufacturer", valid_to="2031-11-15"), label="mn_renew")
    r = L.receipt(t("2026-11-18 10:00"), "MN", cg2, [dict(p="MO", batch=M2, prod="2026-10-15", exp=M2E, arrived=30, accepted=28,
                                                           reason="2 支安瓿破裂", codes=n[1:31])], acceptors=TWO_ACC)
    L.put_away(t("2026-11-18 11:00"), r, [("MO", M2, 28, "RCV", "SP-1", n[1:29])], by=TWO_KEEP)
    r = L.receipt(t("2026-11-19 10:00"), "MN", cg3, [dict(p="MO", batch=M2, prod="2026-10-15", exp=M2E, arrived=10, accepted=10,
                                                           codes=n[31:41])], acceptors=TWO_ACC)
    L.put_away(t("2026-11-19 11:00"), r, [("MO", M2, 10, "RCV", "SP-1", n[31:41])], by=TWO_KEEP)
    pi2, _ = L.pinv(t("2026-11-18 15:00"), "MN", cg2, [("MO", 28, 2850)])
    pi3, _ = L.pinv(t("2026-11-19 15:00"), "MN", cg3, [("MO", 10, 2850)])
    L.pay_out(t("2026-11-28 10:00"), "MN", 79800 + 28500, [pi2, pi3])

    s6 = L.sale(t("2026-11-20 09:00"), "H2", [("MO", M2, M2E, 8, 3200)])
    L.review(t("2026-11-20 10:00"), s6, "H2", [("MO", M2, M2E, 8)], reviewers=TWO_REV)
    L.dispatch(t("2026-11-20 11:00"), s6, "H2", [("MO", M2, 8, "SP-1", n[21:29])], by=TWO_KEEP)
    is6, _ = L.sinv(t("2026-11-20 15:00"), "H2", s6, [("MO", 8, 3200)])

    # seal card lapse at Beijing midnight
    s3 = L.sale(t("2026-11-30 23:40"), "H1", [("MO", M2, M2E, 10, 3200)], label="s3")
    L.review(t("2026-11-30 23:50"), s3, "H1", [("MO", M2, M2E, 10)], reviewers=TWO_REV)
    L.dispatch(t("2026-12-01 00:10"), s3, "H1", [("MO", M2, 10, "SP-1", n[1:11])], by=TWO_KEEP)
    s4 = L.sale(t("2026-12-01 07:30"), "H1", [("MO", M2, M2E, 5, 3200)], label="s4")
    L.review(t("2026-12-01 07:45"), s4, "H1", [("MO", M2, M2E, 5)], reviewers=TWO_REV)
    L.dispatch(t("2026-12-01 08:00"), s4, "H1", [("MO", M2, 5, "SP-1", n[11:16])], by=TWO_KEEP)
    L.exp("SPECIAL-CHANNEL", "s4", "rules.md SPECIAL-CHANNEL 'sold only to ... a medical institution holding a valid purchase-seal card': "
          "card valid_to 2026-11-30; 07:30 on 12-01 Beijing (11-30 23:30 UTC) is the next day; the renewed card is filed at 08:30 "
          "(@h1_renew@); the 23:40 sale of 11-30 (@s3@) is quiet")
    L.licence_changed(t("2026-12-01 08:30"), "H1", PARTIES["H1"]["licence"], "印鉴卡到期换发",
                      special=dict(designation="seal_card_holder", seal_card="浙杭麻印〔2026〕0112", valid_to="2029-11-30"),
                      label="h1_renew")
    s5 = L.sale(t("2026-12-01 10:00"), "H1", [("MO", M2, M2E, 5, 3200)])
    L.review(t("2026-12-01 10:30"), s5, "H1", [("MO", M2, M2E, 5)], reviewers=TWO_REV)
    L.dispatch(t("2026-12-01 11:00"), s5, "H1", [("MO", M2, 5, "SP-1", n[16:21])], by=TWO_KEEP)
    is3, _ = L.sinv(t("2026-12-01 09:30"), "H1", s3, [("MO", 10, 3200)])
    is4, _ = L.sinv(t("2026-12-01 09:40"), "H1", s4, [("MO", 5, 3200)])
    is5, _ = L.sinv(t("2026-12-01 15:00"), "H1", s5, [("MO", 5, 3200)])

    # the lost ampoule turns up and is shipped
    s7 = L.sale(t("2026-12-02 09:00"), "H2", [("MO", M1, M1E, 2, 3200)])
    L.review(t("2026-12-02 10:00"), s7, "H2", [("MO", M1, M1E, 2)], reviewers=TWO_REV)
    L.dispatch(t("2026-12-02 11:00"), s7, "H2", [("MO", M1, 2, "SP-1", [m[46], m[40]])], by=TWO_KEEP, label="d7")
    is7, _ = L.sinv(t("2026-12-02 15:00"), "H2", s7, [("MO", 2, 3200)])
    L.exp("CODE-DUP", "d7", "rules.md CODE-DUP 'dispatched after it had already left'; Points at 'a ... dispatch ... moving a unit that "
          "had left'; the unit was written off by the loss report of 11-02 (architecture.md: a unit 'left its holder (dispatched, "
          "returned to the supplier, destroyed or lost)') and is now shipped without a record that it was found")

    L.pay_in(t("2026-12-03 10:00"), "H2", 25600, [is6], payer_account=h2["accounts"][0]["number"], label="pay_old_account")
    L.exp("TTGK-S", "pay_old_account", "rules.md TTGK-S 'the customer's payments must come from that customer, from an account "
          "registered for it'; format.md licence_changed 'scope, accounts and special, when given, replace the registered ones': the "
          "account of the registration was replaced on 11-10")
    L.pay_in(t("2026-12-04 10:00"), "H2", 6400, [is7], payer_account="3301040160009988776")
    L.pay_in(t("2026-12-08 10:00"), "H1", 64000, [is3, is4, is5])
    L.count(t("2026-12-08 17:00"), "SP-1", [("MO", M1, 13), ("MO", M2, 10)])

    L.notes.append("quiet: the return names the sale (3 <= 20), the released unit goes back to SP-1, the 2 quarantined are destroyed "
                   "from QA with two supervisors, the loss is reported 6.5 h after discovery to three authorities with the unit's code, "
                   "the recall leaves from SP-1 with codes and is credited and refunded within 4 days; the 23:30 order of 11-15 (@cg2@) and "
                   "the 23:40 sale of 11-30 (@s3@) are on the last valid day in Beijing; receipt of 30 with 28 accepted and all 30 "
                   "scanned (format.md ReceiptLine.codes 'rejected units may be scanned too')")
    L.notes.append("books: SP-1 batch 2609201: 50-20-10+1-1-5 = 15 at the 11-06 count, -2 = 13 at the end; batch 2610151: 28+10-8-10-5-5 "
                   "= 10: counts agree")
    L.comments.append("trace (written before running): `rxledger trace --batch %s:%s L` - steps: receipt 50, put-away 50, dispatch 20 "
                      "(H1), dispatch 10 (H2), customer return 3, transfer 2 RET->QA, transfer 1 RET->SP-1, destruction 2, loss 1, "
                      "supplier return 5, dispatch 2 (H2); broken at @d7@ (CODE-DUP), exit 1; at the end: 浙江禾康医药 SP-1: 13; left "
                      "the ledgers: 17 to 杭州市第一人民医院 (20 less 3 returned), 12 to 杭州市西溪医院, 5 to 宜昌安康药业 (returned to "
                      "the supplier), 2 destroyed, 1 lost (13+17+12+5+2+1 = 50)" % (PRODUCTS["MO"]["product"], M1))
    L.comments.append("trace (written before running): `rxledger trace --batch %s:%s L` - receipt 28 of 30 (2 rejected), receipt 10, "
                      "put-aways 28 and 10, dispatches 8 (H2), 10, 5, 5 (H1); unbroken, exit 0; at the end: SP-1: 10 (and nothing at "
                      "RCV: the 2 rejected ampoules never entered stock); left: 20 to 杭州市第一人民医院, 8 to 杭州市西溪医院 (10+20+8 = 38 "
                      "accepted)" % (PRODUCTS["MO"]["product"], M2))
    L.comments.append("trace (written before running): `rxledger trace %s L` (m3: returned and released) - receipt, put-away, dispatch "
                      "to H1, customer return, transfer RET->SP-1; unbroken, exit 0; `rxledger trace %s L` (m40) - receipt, put-away, "
                      "loss, dispatch to H2: broken at the dispatch (moves again after it was lost), exit 1" % (m[3], m[40]))
    L.extra = dict(m=m, n=n)
    return L


# ====================================================================================== 274
def l274():
    L = Ledger(274, "precursor-and-radioactive-custody-cash-for-precursor-fires-cash-for-radioactive-quiet-no-seal-card-needed-theft-reported-24h01s-short-codes-unsupervised-destruction-trace",
               "VIOLATION: 盐酸麻黄碱注射液 (药品类易制毒化学品, control precursor) and 碘[131I]化钠口服溶液 (放射性药品, control "
               "radioactive): custody with codes, a private hospital without seal card buys the precursor (quiet: SPECIAL-CHANNEL is for "
               "narcotics and class-1 psychotropics), pays it in cash; radioactive paid in cash (quiet: SPECIAL-CASH names narcotic, "
               "psychotropic and precursor lines); a precursor theft reported 24 h 1 s after discovery; 8 vials shipped with 7 codes; "
               "a radioactive vial destroyed without supervisors; short-lived radioactive batch shipped inside 90 days of expiry")
    L.notes.append(CONV)
    L.master(t("2026-10-01 09:00"), ["MP", "MR", "H1", "H3"], ["PE", "RI"], [("SP-1", "ambient"), ("SP-R", "ambient")])
    p = [None] + codes20("8104567", 1, 200)
    rc = [None] + codes20("8105678", 1, 20)
    PB, PEX = "2609101", "2029-09-09"
    RB, REX = "R261012", "2026-11-30"

    cg1 = L.purchase(t("2026-10-08 09:00"), "MP", [("PE", 200, 350)])
    r = L.receipt(t("2026-10-10 10:00"), "MP", cg1, [dict(p="PE", batch=PB, prod="2026-09-10", exp=PEX, arrived=200, accepted=200,
                                                           codes=p[1:201])], acceptors=TWO_ACC)
    L.put_away(t("2026-10-10 11:00"), r, [("PE", PB, 200, "RCV", "SP-1", p[1:201])], by=TWO_KEEP)
    pi1, _ = L.pinv(t("2026-10-10 15:00"), "MP", cg1, [("PE", 200, 350)])
    L.pay_out(t("2026-10-20 10:00"), "MP", 70000, [pi1])

    s1 = L.sale(t("2026-10-13 09:00"), "H1", [("PE", PB, PEX, 50, 420)])
    L.review(t("2026-10-13 10:00"), s1, "H1", [("PE", PB, PEX, 50)], reviewers=TWO_REV)
    L.dispatch(t("2026-10-13 11:00"), s1, "H1", [("PE", PB, 50, "SP-1", p[1:51])], by=TWO_KEEP)
    i1, _ = L.sinv(t("2026-10-13 15:00"), "H1", s1, [("PE", 50, 420)])
    s2 = L.sale(t("2026-10-14 09:00"), "H3", [("PE", PB, PEX, 30, 450)], label="s2")
    L.review(t("2026-10-14 10:00"), s2, "H3", [("PE", PB, PEX, 30)], reviewers=TWO_REV)
    L.dispatch(t("2026-10-14 11:00"), s2, "H3", [("PE", PB, 30, "SP-1", p[51:81])], by=TWO_KEEP)
    i2, _ = L.sinv(t("2026-10-14 15:00"), "H3", s2, [("PE", 30, 450)])
    L.pay_in(t("2026-10-20 14:00"), "H3", 13500, [i2], method="cash", label="cash_pe")
    L.exp("SPECIAL-CASH", "cash_pe", "rules.md SPECIAL-CASH 'No cash payment may settle an invoice with a narcotic, psychotropic or "
          "precursor line'")
    rr = L.cust_return(t("2026-10-16 10:00"), "H1", s1, [("PE", PB, 2, "RET", p[1:3])], reason="科室备药调整，未开封退回")
    cn1, _ = L.sinv(t("2026-10-17 10:00"), "H1", s1, [("PE", 2, 420)], credit_for=i1)
    L.transfer(t("2026-10-18 10:00"), "release", [("PE", PB, 2, "RET", "SP-1", p[1:3])], refs={"receipt": [rr]}, by=["质管-周敏", "保管-赵磊"])
    L.pay_in(t("2026-10-25 10:00"), "H1", 20160, [i1])
    L.loss(t("2026-11-04 09:00:01"), t("2026-11-03 09:00"), "theft", [("PE", PB, 1, "SP-1", [p[200]])],
           ["杭州市公安局西湖分局", "杭州市市场监督管理局"], label="loss")
    L.exp("SPECIAL-LOSS", "loss", "rules.md SPECIAL-LOSS 'reported ... within the threshold after discovery' (special_loss_hours 24): "
          "discovered 11-03 09:00, reported 11-04 09:00:01, 24 h 1 s; the precursor is a special-control drug (format.md OutLine.codes "
          "lists precursor among them)")

    cg2 = L.purchase(t("2026-10-12 09:00"), "MR", [("RI", 20, 4800)])
    r = L.receipt(t("2026-10-14 10:00"), "MR", cg2, [dict(p="RI", batch=RB, prod="2026-10-12", exp=REX, arrived=20, accepted=20,
                                                           codes=rc[1:21])], acceptors=TWO_ACC)
    L.put_away(t("2026-10-14 11:00"), r, [("RI", RB, 20, "RCV", "SP-R", rc[1:21])], by=TWO_KEEP)
    pi2, _ = L.pinv(t("2026-10-14 15:00"), "MR", cg2, [("RI", 20, 4800)])
    L.pay_out(t("2026-10-24 10:00"), "MR", 96000, [pi2])
    s3 = L.sale(t("2026-10-15 09:00"), "H1", [("RI", RB, REX, 8, 5600)])
    L.review(t("2026-10-15 10:00"), s3, "H1", [("RI", RB, REX, 8)], reviewers=TWO_REV)
    L.dispatch(t("2026-10-15 11:00"), s3, "H1", [("RI", RB, 8, "SP-R", rc[1:8])], by=TWO_KEEP, label="d3")
    i3, _ = L.sinv(t("2026-10-15 15:00"), "H1", s3, [("RI", 8, 5600)])
    L.pay_in(t("2026-10-30 10:00"), "H1", 44800, [i3])
    L.exp("SPECIAL-CHAIN", "d3", "rules.md SPECIAL-CHAIN 'each movement line carries one code per unit': 8 vials, 7 codes (format.md "
          "OutLine.codes: 'radioactive' is held to one unit code per unit)")
    L.exp("EXPIRED-NEAR", "d3", "rules.md EXPIRED-NEAR near_expiry_days 90: expiry 2026-11-30, dispatched 10-15 (46 days before); the "
          "policy threshold is not tuned for a short-lived radioactive drug")
    s4 = L.sale(t("2026-10-20 09:00"), "H1", [("RI", RB, REX, 4, 5600)])
    L.review(t("2026-10-20 10:00"), s4, "H1", [("RI", RB, REX, 4)], reviewers=TWO_REV)
    L.dispatch(t("2026-10-20 11:00"), s4, "H1", [("RI", RB, 4, "SP-R", rc[9:13])], by=TWO_KEEP, label="d4")
    i4, _ = L.sinv(t("2026-10-20 15:00"), "H1", s4, [("RI", 4, 5600)])
    L.pay_in(t("2026-10-30 11:00"), "H1", 22400, [i4], method="cash", label="cash_ri")
    L.exp("EXPIRED-NEAR", "d4", "as above: 41 days before expiry")
    L.destroy(t("2026-10-28 10:00"), [("RI", RB, 2, "SP-R", rc[13:15])],
              ["杭州市生态环境局 辐射安全监管 陈刚", "杭州市市场监督管理局 执法人员 何立"], reason="铅罐破损，放射性污染",
              method="衰变贮存后按放射性废物处置")
    L.destroy(t("2026-11-02 10:00"), [("RI", RB, 1, "SP-R", [rc[15]])], [], reason="瓶体泄漏", method="衰变贮存后按放射性废物处置",
              label="destroy_unsup")
    L.exp("SPECIAL-DESTROY", "destroy_unsup", "rules.md SPECIAL-DESTROY 'Destruction of special-control drugs records the regulator's "
          "supervisor(s) present'; radioactive is a special-control class (format.md ControlClass / OutLine.codes)")
    L.count(t("2026-11-05 10:00"), "SP-1", [("PE", PB, 121)])
    L.count(t("2026-11-05 10:30"), "SP-R", [("RI", RB, 5)])
    L.notes.append("quiet: @s2@ sells the precursor to a private hospital without a seal card (its scope covers precursor): "
                   "SPECIAL-CHANNEL applies to 'Narcotics and class-1 psychotropics' only; @cash_ri@ pays a radioactive invoice in cash: "
                   "SPECIAL-CASH names 'a narcotic, psychotropic or precursor line' only, and cash needs no registered account (TTGK-S)")
    L.notes.append("books: SP-1 PE 200-50-30+2-1 = 121; SP-R RI 20-8-4-2-1 = 5: counts agree")
    L.comments.append("trace (written before running): `rxledger trace --batch %s:%s L` - receipt 200, put-away 200, dispatch 50 (H1), "
                      "dispatch 30 (H3), customer return 2, transfer 2 RET->SP-1, loss 1; unbroken, exit 0; at the end: SP-1: 121; "
                      "left: 48 to 杭州市第一人民医院, 30 to 杭州和睦医院; 1 lost (121+48+30+1 = 200)" % (PRODUCTS["PE"]["product"], PB))
    L.comments.append("trace (written before running): `rxledger trace --batch %s:%s L` - broken at @d3@ (SPECIAL-CHAIN), exit 1; at "
                      "the end: SP-R: 5; left: 12 to 杭州市第一人民医院; 3 destroyed (5+12+3 = 20)" % (PRODUCTS["RI"]["product"], RB))
    return L
