"""295: a morphine batch's custody end to end for a Chinese inspector (trace, --lang zh, Beijing time), two plants on a second batch and a late loss report."""
from lib import *

EA, EB = "2028-03-31", "2028-04-30"
A = [f"8103456026111{i:07d}" for i in range(1, 41)]
B = [f"8103456026112{i:07d}" for i in range(1, 11)]
FOREIGN = "81034560261129999999"


def build():
    L = Ledger(295, "morphine-custody-return-release-resale-quarantine-destruction-loss-24h-and-24h01s-supplier-recall-trace-zh-foreign-code-returned",
               "VIOLATION: 盐酸吗啡注射液 custody for an inspector: batch MA2611 lawful end to end (trace unbroken), batch MB2611 returned with a code this ledger never had; a loss reported 24 h 1 s after discovery")
    L.master()
    acc = ["验收-张伟", "质管-周敏"]
    rev = ["复核-刘洋", "质管-周敏"]
    L.purchase(T(2, 9), "CG26110209", NARC_SUP, [(MOR, 40, 1500), (MOR, 10, 1500)])
    L.receipt(T(3, 10), "SH26110309", NARC_SUP, "CG26110209", "HA-PS-261102-01",
              [{"product": MOR, "batch": "MA2611", "accepted": 40, "exp": EA, "codes": A},
               {"product": MOR, "batch": "MB2611", "accepted": 10, "exp": EB, "codes": B}], acceptors=acc, label="rcv")
    L.put_away(T(3, 11), "RK26110309", [(MOR, "MA2611", 40, "RCV", "SP-1", A), (MOR, "MB2611", 10, "RCV", "SP-1", B)], receipt="SH26110309")
    pinv = "26510000000011000201"
    L.invoice(T(3, 15), pinv, "purchase", NARC_SUP, OWNER, [(MOR, 50, 1500)], {"order": ["CG26110209"]})
    L.pay(T(6, 10), "FK26110601", "outgoing", OWNER, NARC_SUP, 50 * 1500, [pinv])

    def sell(day, n, cust, lines):
        s = f"XS261100{n:02d}"
        L.sale(T(day, 9), s, cust, [(MOR, b, e, len(c), 2000) for b, e, c in lines])
        L.review(T(day, 10), f"FH261100{n:02d}", cust, s, [(MOR, b, e, len(c)) for b, e, c in lines], reviewers=rev)
        L.dispatch(T(day, 11), f"PS261100{n:02d}", cust, s, [(MOR, b, len(c), "SP-1", c) for b, e, c in lines], label=f"d{n}")
        inv = f"265100000000210000{n:02d}"
        L.invoice(T(day, 15), inv, "sale", OWNER, cust, [(MOR, sum(len(c) for *_, c in lines), 2000)], {"sale": [s]})
        L.pay(T(day + 5, 10), f"SK261100{n:02d}", "incoming", cust, OWNER, 2000 * sum(len(c) for *_, c in lines), [inv])
        return s, inv

    s1, i1 = sell(4, 1, HOSP1, [("MA2611", EA, A[0:10])])
    s2, i2 = sell(5, 2, HOSP2, [("MA2611", EA, A[10:16]), ("MB2611", EB, B[0:5])])
    # 仁和 returns two unopened units (A[8], A[9]) into RET; credit note and refund; released after re-inspection; resold to 明州
    L.customer_return(T(10, 9), "TH26111001", HOSP1, s1, [(MOR, "MA2611", 2, "RET", A[8:10])], label="cr1")
    cn1 = "26510000000029000001"
    L.invoice(T(10, 15), cn1, "sale", OWNER, HOSP1, [(MOR, 2, 2000)], {"sale": [s1]}, credit_for=i1)
    L.pay(T(10, 16), "TK26111001", "outgoing", OWNER, HOSP1, 4000, [cn1])
    L.transfer(T(11, 9), "YK26111101", "release", [(MOR, "MA2611", 2, "RET", "SP-1", A[8:10])], refs={"receipt": ["TH26111001"]})
    s3, i3 = sell(12, 3, HOSP2, [("MA2611", EA, A[8:10] + A[16:18])])
    # 3 damaged units to QA and destroyed under supervision
    L.transfer(T(13, 9), "YK26111301", "quarantine", [(MOR, "MA2611", 3, "SP-1", "QA", A[18:21])])
    L.destruction(T(14, 10), "XH26111401", [(MOR, "MA2611", 3, "QA", A[18:21])], supervisors=["杭州市市场监督管理局 执法人员 何立"], label="destroy")
    # losses: reported exactly 24 h after discovery (quiet) and 24 h 1 s after (fires)
    L.loss(T(16, 9), "BS26111601", T(15, 9), [(MOR, "MA2611", 1, "SP-1", A[21:22])], ["杭州市公安局西湖分局", "杭州市市场监督管理局", "杭州市卫生健康委员会"], label="loss24")
    L.loss(T(18, 9, 0, 1), "BS26111801", T(17, 9), [(MOR, "MA2611", 1, "SP-1", A[22:23])], ["杭州市公安局西湖分局", "杭州市市场监督管理局", "杭州市卫生健康委员会"], label="loss24s")
    L.exp("SPECIAL-LOSS", "loss24s", "discovered 11-17 09:00, reported 11-18 09:00:01: 24 h 1 s > special_loss_hours 24; BS26111601 (exactly 24 h) is quiet")
    # recall: 2 units back to the maker, credit note and refund
    L.supplier_return(T(20, 10), "TC26112001", NARC_SUP, "CG26110209", [(MOR, "MA2611", 2, "SP-1", A[23:25])], label="sr")
    cnp = "26510000000011000291"
    L.invoice(T(20, 15), cnp, "purchase", NARC_SUP, OWNER, [(MOR, 2, 1500)], {"order": ["CG26110209"]}, credit_for=pinv)
    L.pay(T(21, 10), "SK26112191", "incoming", NARC_SUP, OWNER, 3000, [cnp])
    # plant: 明州 returns one unit of MB2611 whose code this ledger never had
    L.customer_return(T(24, 9), "TH26112401", HOSP2, s2, [(MOR, "MB2611", 1, "RET", [FOREIGN])], label="foreign")
    L.exp("CODE-UNKNOWN", "foreign", f"customer return of code {FOREIGN}, which no receipt brought in: 'A unit code moved, shipped or returned that this ledger never received'; RETURN-ORIG quiet (明州 bought 5 of MB2611 on XS26110002)")
    cn2 = "26510000000029000002"
    L.invoice(T(24, 15), cn2, "sale", OWNER, HOSP2, [(MOR, 1, 2000)], {"sale": [s2]}, credit_for=i2)
    L.pay(T(24, 16), "TK26112401", "outgoing", OWNER, HOSP2, 2000, [cn2])
    sp = L.stock[(MOR, "MA2611", "SP-1")]
    L.count(T(27, 17), "PD26112701", "SP-1", [(MOR, "MA2611", sp), (MOR, "MB2611", L.stock[(MOR, "MB2611", "SP-1")])])
    L.notes += [
        "channel: owner regional_wholesaler (浙江), supplier 西南恒安制药 designated_manufacturer (四川: buying across provinces is not restricted by rules.md), hospitals seal_card_holder in 浙江 with card numbers; two acceptors, two reviewers, bank transfers only",
        f"MA2611 balance (trace, written before running): received 40 from 西南恒安制药; dispatched 10 to 仁和, 6 + 4 to 明州; 2 returned by 仁和 and released RET -> SP-1 and re-sold; 3 destroyed; 2 lost; 2 returned to the maker; at the end SP-1 holds {sp}: {sp} + 8 (仁和) + 10 (明州) + 3 + 2 + 2 = {sp + 8 + 10 + 3 + 2 + 2}",
        "trace --batch MA2611 must be unbroken (exit 0); trace --batch MB2611 breaks at the customer return of the foreign code (README: trace breaks exactly where CODE-UNKNOWN does), exit 1",
        "stock count of SP-1 equals the books; every invoice paid or credited; nothing due at the end",
    ]
    return L
