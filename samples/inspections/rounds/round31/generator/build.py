"""Round 31 ledgers 340-343: money around shared paper-invoice numbers. python3 build.py"""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from lib import Ledger, OWNER

OUT = os.path.join(os.path.dirname(__file__), "..", "ledgers")
SA, SB, SC = "91330100143958271X", "91330400MA29HD8H3B", "91320500MA1MXK3E7C"
H1, H2, P1, I1 = "12330100470001234C", "12330100470067138W", "91330105MA2CL5E478", "ID330106199001011234"
ACC = {OWNER: "1202021109900310001", SA: "33050161627200000123", SB: "33050161627200000456",
       SC: "32250198880000000789", H1: "33001616835050000011", H2: "33001616835050000022",
       P1: "33001616835050000033"}
AMOX, IBU, DIAZ, EPH = "86901234000011", "86901234000028", "86901234000042", "86901234000059"
ADDR = {H1: "浙江省杭州市上城区浣纱路 261 号", H2: "浙江省杭州市西湖区西溪路 28 号", P1: "浙江省杭州市拱墅区莫干山路 110 号"}

def codes(prefix, n, start=1):
    return [f"810044{prefix:04d}{i:010d}" for i in range(start, start + n)]

def master(L, day):
    L.party(day + " 09:00", OWNER, "浙江仁心医药有限公司", "wholesaler", "self",
            ["chemical", "psychotropic2", "compound_ephedrine"], [ACC[OWNER]], "drug_wholesale",
            address="浙江省杭州市西湖区文三路 388 号")
    L.party(day + " 09:01", SA, "杭州宁康制药有限公司", "manufacturer", "supplier",
            ["chemical", "compound_ephedrine"], [ACC[SA]], "drug_manufacturing")
    L.party(day + " 09:02", SB, "浙江华东制药有限公司", "manufacturer", "supplier",
            ["chemical", "psychotropic2"], [ACC[SB]], "drug_manufacturing")
    L.party(day + " 09:03", SC, "苏州恒康制药有限公司", "manufacturer", "supplier",
            ["chemical"], [ACC[SC]], "drug_manufacturing", province="江苏", address="江苏省苏州市")
    L.party(day + " 09:04", H1, "杭州市第一人民医院", "medical_institution", "customer",
            ["chemical", "psychotropic2", "compound_ephedrine"], [ACC[H1]], "medical_institution", public=True, address=ADDR[H1])
    L.party(day + " 09:05", H2, "杭州市西溪医院", "medical_institution", "customer",
            ["chemical", "psychotropic2", "compound_ephedrine"], [ACC[H2]], "medical_institution", public=True, address=ADDR[H2])
    L.party(day + " 09:06", P1, "杭州康宁大药房连锁有限公司", "retail_chain", "customer",
            ["chemical", "compound_ephedrine"], [ACC[P1]], "drug_retail", address=ADDR[P1])
    L.product(day + " 09:30", AMOX, "阿莫西林胶囊", "chemical", "none")
    L.product(day + " 09:31", IBU, "布洛芬缓释胶囊", "chemical", "none")
    L.product(day + " 09:32", DIAZ, "地西泮片", "psychotropic2", "psychotropic2")
    L.product(day + " 09:33", EPH, "复方盐酸伪麻黄碱缓释胶囊", "compound_ephedrine", "compound_ephedrine")
    L.zone(day + " 10:00", "WH-A")

def pay_out(L, when, doc, payee, fen, invs, method="bank_transfer", acct=None, label=None):
    cash = method == "cash"
    return L.payment(when, doc, "outgoing", OWNER, payee, "" if cash else ACC[OWNER],
                     "" if cash else (acct or ACC[payee]), fen, invs, method, label)

def pay_in(L, when, doc, payer, fen, invs, method="bank_transfer", acct=None, label=None):
    cash = method == "cash"
    return L.payment(when, doc, "incoming", payer, OWNER, "" if cash else (acct or ACC[payer]),
                     "" if cash else ACC[OWNER], fen, invs, method, label)

def buy(L, day, n, sup, order, lines, special_codes=None, t="10:00"):
    """purchase on day, receipt+put-away the next day; lines: (product, batch, qty, price)."""
    L.purchase(f"{day} 08:{n:02d}", order, sup, [(p, q, u) for p, b, q, u in lines])
    rl = [(p, b, q) + ((special_codes,) if special_codes and p == DIAZ else ()) for p, b, q, u in lines]
    sp = bool(special_codes)
    rseq = L.receipt(f"{day} {t}", "SH-" + order, sup, order, "DN-" + order, rl, special=sp, label="rcv-" + order)
    L.put_away(f"{day} {t[:2]}:30", "RK-" + order, "SH-" + order, rl)
    return rseq

def sell(L, when, sale, cust, lines, label=None):
    """sale, review, dispatch at when (+10, +20 min); lines (product, batch, qty, price)."""
    d, h = when.split(" ")
    L.sale(when, sale, cust, lines, label=label)
    L.review(f"{d} {h[:2]}:10", "FH-" + sale, cust, [sale], [(p, b, q) for p, b, q, u in lines])
    return L.dispatch(f"{d} {h[:2]}:20", "PS-" + sale, cust, [sale], ADDR[cust], [(p, b, q) for p, b, q, u in lines],
                      label="dsp-" + sale)

# --------------------------------------------------------------------------------------------
def l340():
    L = Ledger("340")
    master(L, "2026-03-01")
    # A. 宁康 (SA): invoice 00031207 booked first, paid in full, goods returned, red letter 00031299, refund
    buy(L, "2026-03-03", 1, SA, "CG-A1", [(AMOX, "A2601", 1000, 860)])
    L.invoice("2026-03-04 14:00", "00031207", "purchase", SA, OWNER, "2026-03-04", [(AMOX, 1000, 860)],
              {"order": ["CG-A1"]}, label="invA")
    # B. 华东 (SB): invoice with the same number booked second
    buy(L, "2026-03-05", 2, SB, "CG-B1", [(IBU, "B2601", 500, 1200)])
    L.invoice("2026-03-06 14:00", "00031207", "purchase", SB, OWNER, "2026-03-06", [(IBU, 500, 1200)],
              {"order": ["CG-B1"]}, label="invB")
    pay_out(L, "2026-03-10 10:00", "FK-A1", SA, 860000, ["00031207"], label="payA")
    L.transfer("2026-03-12 09:00", "YK-A1", "quarantine", [(AMOX, "A2601", 100, "WH-A", "QA")])
    # SB's price reduction red letter 00031299 booked BEFORE SA's red letter with the same number
    L.invoice("2026-03-13 09:00", "00031299", "purchase", SB, OWNER, "2026-03-13", [(IBU, 0, 0, 20000)],
              {"order": ["CG-B1"]}, credit_for="00031207", label="cnB")
    L.supplier_return("2026-03-13 10:00", "TC-A1", SA, "CG-A1", [(AMOX, "A2601", 100, "QA")])
    L.invoice("2026-03-14 10:00", "00031299", "purchase", SA, OWNER, "2026-03-14", [(AMOX, 100, 860)],
              {"order": ["CG-A1"]}, credit_for="00031207", label="cnA")
    pay_in(L, "2026-03-18 10:00", "SK-A1", SA, 86000, ["00031299"], label="refA")
    pay_out(L, "2026-03-20 10:00", "FK-B1", SB, 300000, ["00031207"], label="payB1")
    # C. our own sales invoice with the same 8-digit number, to 第一人民医院
    sell(L, "2026-03-20 14:00", "XS-1", H1, [(AMOX, "A2601", 200, 1000)])
    L.invoice("2026-03-21 10:00", "00031207", "sale", OWNER, H1, "2026-03-21", [(AMOX, 200, 1000)],
              {"sale": ["XS-1"]}, label="invS1")
    # D. month-end consolidated invoice to 西溪医院, return, red letter, refund
    sell(L, "2026-03-23 14:00", "XS-2", H2, [(IBU, "B2601", 100, 1500)])
    # E. prepayment and invoice before goods (先票后货), unique number
    L.purchase("2026-03-25 08:00", "CG-B2", SB, [(IBU, 300, 1200)])
    pay_out(L, "2026-03-25 11:00", "FK-B3", SB, 360000, ["00045678"], label="prepayB")
    sell(L, "2026-03-27 14:00", "XS-3", H2, [(IBU, "B2601", 60, 1500), (AMOX, "A2601", 50, 1000)])
    L.invoice("2026-03-28 10:00", "00045678", "purchase", SB, OWNER, "2026-03-28", [(IBU, 300, 1200)],
              {"order": ["CG-B2"]}, label="invB2")
    L.invoice("2026-03-31 16:00", "26330000000001000101", "sale", OWNER, H2, "2026-03-31",
              [(IBU, 160, 1500), (AMOX, 50, 1000)], {"sale": ["XS-2", "XS-3"]}, label="invM")
    # G. 00052222: 华东's diazepam invoice booked first, 宁康's amoxicillin invoice paid in cash
    buy(L, "2026-04-01", 3, SB, "CG-B3", [(DIAZ, "D2601", 20, 2000)], special_codes=codes(1, 20), t="09:00")
    L.invoice("2026-04-01 15:00", "00052222", "purchase", SB, OWNER, "2026-04-01", [(DIAZ, 20, 2000)],
              {"order": ["CG-B3"]}, label="invBD")
    L.receipt("2026-04-02 10:00", "SH-CG-B2", SB, "CG-B2", "DN-CG-B2", [(IBU, "B2602", 300)], label="rcvB2")
    L.put_away("2026-04-02 10:30", "RK-CG-B2", "SH-CG-B2", [(IBU, "B2602", 300)])
    # H. prepayment to 宁康 naming 00053000 before anyone booked that number; 华东 books its own 00053000 first
    L.purchase("2026-04-02 10:45", "CG-A5", SA, [(AMOX, 100, 860)])
    pay_out(L, "2026-04-02 11:00", "FK-A5", SA, 86000, ["00053000"], label="prepayA5")
    buy(L, "2026-04-03", 4, SA, "CG-A3", [(AMOX, "A2603", 50, 860)])
    L.invoice("2026-04-03 15:00", "00052222", "purchase", SA, OWNER, "2026-04-03", [(AMOX, 50, 860)],
              {"order": ["CG-A3"]}, label="invAC")
    buy(L, "2026-04-04", 5, SB, "CG-B5", [(IBU, "B2605", 100, 1200)])
    L.invoice("2026-04-04 15:00", "00053000", "purchase", SB, OWNER, "2026-04-04", [(IBU, 100, 1200)],
              {"order": ["CG-B5"]}, label="invB5")
    pay_out(L, "2026-04-05 10:00", "FK-B5", SB, 120000, ["00053000"], label="payB5")
    pay_in(L, "2026-04-05 11:00", "SK-S1", H1, 200000, ["00031207"], label="payS1")
    pay_out(L, "2026-04-06 10:00", "FK-B4", SB, 40000, ["00052222"], label="payBD")
    pay_out(L, "2026-04-07 10:00", "FK-A3", SA, 43000, ["00052222"], method="cash", label="cashA")
    L.receipt("2026-04-07 14:00", "SH-CG-A5", SA, "CG-A5", "DN-CG-A5", [(AMOX, "A2605", 100)])
    L.put_away("2026-04-07 14:30", "RK-CG-A5", "SH-CG-A5", [(AMOX, "A2605", 100)])
    L.invoice("2026-04-08 09:00", "00053000", "purchase", SA, OWNER, "2026-04-08", [(AMOX, 100, 860)],
              {"order": ["CG-A5"]}, label="invA5")
    pay_in(L, "2026-04-08 10:00", "SK-M1", H2, 290000, ["26330000000001000101"], method="acceptance_bill", label="payM")
    # F. a second 宁康 invoice, paid together with the shared-number one (already settled)
    buy(L, "2026-04-09", 6, SA, "CG-A2", [(AMOX, "A2602", 400, 860)])
    L.invoice("2026-04-09 15:00", "00045679", "purchase", SA, OWNER, "2026-04-09", [(AMOX, 400, 860)],
              {"order": ["CG-A2"]}, label="invA2")
    pay_out(L, "2026-04-10 10:00", "FK-A2", SA, 344000, ["00031207", "00045679"], label="payA2")
    pay_out(L, "2026-04-10 11:00", "FK-B2", SB, 280000, ["00031207"], label="payB2")
    L.customer_return("2026-04-12 10:00", "TH-1", H2, "XS-3", [(IBU, "B2601", 10)])
    L.invoice("2026-04-13 10:00", "26330000000001000102", "sale", OWNER, H2, "2026-04-13", [(IBU, 10, 1500)],
              {"sale": ["XS-3"]}, credit_for="26330000000001000101", label="cnM")
    L.payment("2026-04-16 10:00", "FK-R1", "outgoing", OWNER, H2, ACC[OWNER], ACC[H2], 15000,
              ["26330000000001000102"], label="refM")
    notes = [
        "340 LEGITIMATE: a lawful March-April of money flows around shared 8-digit paper invoice numbers",
        "note: conventions of samples/inspections: +08:00, entered_at 5 min after occurred_at, master data first",
        "note: 00031207 is 宁康's (booked first), 华东's (second) and our own sales invoice to 第一人民医院;"
        " 00031299 is 华东's price-reduction red letter (booked first) and 宁康's goods red letter (second)",
        "note: payments to 华东 naming 00031207 (FK-B1, FK-B2 = 600,000 - 20,000) must settle 华东's invoice;"
        " the refund SK-A1 from 宁康 naming 00031299 must count against 宁康's red letter (format.md invoice.doc)",
        "note: 宁康's 00031207 is overpaid by 860.00 from the red letter (03-14) until the refund (03-18): within correction_days",
        "note: FK-A2 names 00031207 (宁康's, open 0) and 00045679: the whole amount goes to the last (payment.invoices)",
        "note: FK-A3 pays 宁康's 00052222 (amoxicillin) in cash; 华东's 00052222 (diazepam, psychotropic2) was booked"
        " first: SPECIAL-CASH must not fire (CHANGELOG: cash checks find their own counterparty's invoice)",
        "note: FK-A5 prepays 00053000 to 宁康 before any invoice of that number; 华东 books its own 00053000 first"
        " (paid by FK-B5); 宁康's arrives 04-08: 'applied when it is booked' (rules.md TTGK-P) -> quiet",
        "note: FK-B3 prepays 00045678, invoice before goods (先票后货) 03-28, goods 04-02 -> quiet",
        "note: consolidated invoice ...101 for XS-2+XS-3, return of 10, red letter ...102, refund FK-R1 within 14 days",
        "note: ledger clock ends 2026-04-16; every invoice is paid, every movement invoiced",
    ]
    L.write(OUT, "340-lawful-shared-invoice-numbers-red-letters-refunds-prepayments-cash-quiet", [], notes)
    return L

# --------------------------------------------------------------------------------------------
def l341():
    L = Ledger("341")
    master(L, "2026-05-01")
    buy(L, "2026-05-04", 1, SA, "CG-A1", [(AMOX, "A2601", 1000, 860)])
    L.invoice("2026-05-05 10:00", "00031207", "purchase", SA, OWNER, "2026-05-05", [(AMOX, 1000, 860)],
              {"order": ["CG-A1"]}, label="invA")
    buy(L, "2026-05-05", 2, SB, "CG-B1", [(IBU, "B2601", 500, 1200)], t="11:00")
    L.invoice("2026-05-06 10:00", "00031207", "purchase", SB, OWNER, "2026-05-06", [(IBU, 500, 1200)],
              {"order": ["CG-B1"]}, label="invB")
    sell(L, "2026-05-07 14:00", "XS-1", H1, [(AMOX, "A2601", 200, 1000)])
    L.invoice("2026-05-08 10:00", "00031207", "sale", OWNER, H1, "2026-05-08", [(AMOX, 200, 1000)],
              {"sale": ["XS-1"]}, label="invS1")
    pay_out(L, "2026-05-10 10:00", "FK-A1", SA, 760000, ["00031207"], label="payA")
    # V1: 恒康 (SC) has no invoice 00031207
    pay_out(L, "2026-05-11 10:00", "FK-C1", SC, 100000, ["00031207"], label="V1")
    # V2: to 华东 but into 宁康's account
    pay_out(L, "2026-05-12 10:00", "FK-B1", SB, 300000, ["00031207"], acct=ACC[SA], label="V2")
    L.transfer("2026-05-13 09:00", "YK-A1", "quarantine", [(AMOX, "A2601", 100, "WH-A", "QA")])
    L.supplier_return("2026-05-13 10:00", "TC-A1", SA, "CG-A1", [(AMOX, "A2601", 100, "QA")])
    L.invoice("2026-05-14 10:00", "00031299", "purchase", SA, OWNER, "2026-05-14", [(AMOX, 100, 860)],
              {"order": ["CG-A1"]}, credit_for="00031207", label="cnA")
    # V3: a 'refund' from 华东 naming 宁康's red letter (华东 has no 00031299)
    pay_in(L, "2026-05-15 10:00", "SK-B9", SB, 86000, ["00031299"], label="V3")
    buy(L, "2026-05-15", 3, SA, "CG-A2", [(AMOX, "A2602", 400, 860)], t="11:00")
    L.invoice("2026-05-16 10:00", "00045679", "purchase", SA, OWNER, "2026-05-16", [(AMOX, 400, 860)],
              {"order": ["CG-A2"]}, label="invA2")
    # V4: to 华东 naming its own 00031207 (open 300,000) and 宁康's 00045679: 10,000 goes to 宁康's
    pay_out(L, "2026-05-18 10:00", "FK-B2", SB, 310000, ["00031207", "00045679"], label="V4")
    pay_out(L, "2026-05-18 11:00", "FK-A2", SA, 334000, ["00045679"], label="payA2")
    # V5: 西溪医院 pays 'invoice 00031207' but only 第一人民医院 has a sales invoice of that number
    pay_in(L, "2026-05-19 10:00", "SK-H2", H2, 50000, ["00031207"], label="V5")
    pay_in(L, "2026-05-19 11:00", "SK-H1", H1, 150000, ["00031207"], label="payS1")
    # V6: a red letter issued by 恒康, which has no invoice 00031207
    L.invoice("2026-05-20 10:00", "00031300", "purchase", SC, OWNER, "2026-05-20", [(AMOX, 0, 0, 1000)],
              None, credit_for="00031207", label="V6")
    L.marker("2026-05-22 10:00", "PD-END")
    notes = [
        "341 VIOLATION: payments, refunds and a red letter naming shared invoice numbers for the wrong party",
        "note: 00031207 = 宁康's (booked first, seq invA), 华东's (invB), ours to 第一人民医院 (invS1); 00031299 = 宁康's red letter only",
        "note: format.md invoice.doc: 'A party with no invoice of that number is matched to the first one booked (a payment to the wrong party: TTGK-P, TTGK-S)'",
        "note: ledger ends 05-22: under correction_days (14) from any excess and unpaid_days (60); excesses would stay pending",
        "note: V5 is an incoming payment from a customer: I expect TTGK-S (the customer's payments must come from"
        " that customer); docs do not say which rule when the first booked invoice of the number is a purchase invoice",
    ]
    exp = [
        ("TTGK-P", "V1", "outgoing payment to 恒康, which has no invoice 00031207; matched to 宁康's (first booked): payee does not fit", ["V1", "invA"]),
        ("TTGK-P", "V2", "payment to 华东 for 华东's 00031207 into an account registered for 宁康, not 华东", ["V2", "invB"]),
        ("TTGK-P", "V3", "incoming refund from 华东 naming 00031299, which only 宁康 issued: payer does not fit"),
        ("TTGK-P", "V4", "payment to 华东 settles 宁康's 00045679 too (10,000 of it): payee does not fit that invoice", ["V4", "invA2"]),
        ("TTGK-S", "V5", "incoming payment from 西溪医院 naming 00031207; our 00031207 is 第一人民医院's", ["V5", "invS1"]),
        ("TTGK-P", "V6", "red letter issued by 恒康 crediting 00031207, matched to 宁康's: issuer is not the order's supplier"),
    ]
    sent = [
        ("en", "TTGK-P", "V1", "FK-C1"), ("zh", "TTGK-P", "V1", "FK-C1"),
        ("en", "TTGK-P", "V1", "00031207"), ("zh", "TTGK-P", "V3", "SK-B9"),
        ("en", "TTGK-P", "V2", "FK-B1"), ("en", "TTGK-S", "V5", "SK-H2"), ("zh", "TTGK-S", "V5", "杭州市西溪医院"),
    ]
    L.write(OUT, "341-shared-number-payments-refund-credit-note-to-the-wrong-party", exp, notes, sent)
    return L

# --------------------------------------------------------------------------------------------
def l342():
    L = Ledger("342")
    master(L, "2026-01-02")
    I = L.party("2026-01-02 09:07", I1, "张三", "individual", "customer", [], [], None)
    # 00063333 issued 01-05 but booked 01-20 09:00: deadline from the booking (03-21 09:00); paid 03-20
    buy(L, "2026-01-06", 3, SC, "CG-C1", [(IBU, "C2601", 50, 1100)])
    # UNPAID on the shared number: 宁康's paid, 华东's never
    buy(L, "2026-01-09", 1, SA, "CG-A1", [(AMOX, "A2601", 200, 860), (EPH, "E2601", 100, 1000)])
    L.invoice("2026-01-10 10:00", "00031207", "purchase", SA, OWNER, "2026-01-10",
              [(AMOX, 200, 860), (EPH, 100, 1000)], {"order": ["CG-A1"]}, label="invA")
    buy(L, "2026-01-11", 2, SB, "CG-B1", [(IBU, "B2601", 100, 1200)])
    L.invoice("2026-01-12 10:00", "00031207", "purchase", SB, OWNER, "2026-01-12", [(IBU, 100, 1200)],
              {"order": ["CG-B1"]}, label="invB")
    # sales to hospitals
    sell(L, "2026-01-14 14:00", "XS-1", H1, [(AMOX, "A2601", 20, 1000)])
    L.invoice("2026-01-14 16:00", "00061111", "sale", OWNER, H1, "2026-01-14", [(AMOX, 20, 1000)],
              {"sale": ["XS-1"]}, label="invS1")
    sell(L, "2026-01-15 08:00", "XS-2", H2, [(AMOX, "A2601", 10, 1000)])
    L.invoice("2026-01-15 10:00", "00062222", "sale", OWNER, H2, "2026-01-15", [(AMOX, 10, 1000)],
              {"sale": ["XS-2"]}, label="invS2")
    # EPH wholesale to 康宁 and amoxicillin to 西溪, our two sales invoices numbered 00099999
    sell(L, "2026-01-16 09:00", "XS-3", P1, [(EPH, "E2601", 10, 1500)])
    L.invoice("2026-01-16 15:00", "00099999", "sale", OWNER, P1, "2026-01-16", [(EPH, 10, 1500)],
              {"sale": ["XS-3"]}, label="invEP")
    sell(L, "2026-01-17 09:00", "XS-4", H2, [(AMOX, "A2601", 10, 1000)])
    L.invoice("2026-01-17 15:00", "00099999", "sale", OWNER, H2, "2026-01-17", [(AMOX, 10, 1000)],
              {"sale": ["XS-4"]}, label="invEH")
    pay_out(L, "2026-01-20 08:00", "FK-A1", SA, 272000, ["00031207"], label="payA")
    L.invoice("2026-01-20 09:00", "00063333", "purchase", SC, OWNER, "2026-01-05", [(IBU, 50, 1100)],
              {"order": ["CG-C1"]}, label="invC")
    pay_in(L, "2026-01-20 10:00", "SK-H2E", H2, 10000, ["00099999"], method="cash", label="cashH2")
    pay_in(L, "2026-01-20 11:00", "SK-P1E", P1, 15000, ["00099999"], method="cash", label="cashP1")
    pay_in(L, "2026-01-25 10:00", "SK-H1", H1, 19999, ["00061111"], label="payS1")
    # SPECIAL-CASH on shared 00088888 / red letters 00088890
    buy(L, "2026-01-26", 4, SB, "CG-B2", [(DIAZ, "D2601", 10, 2000)], special_codes=codes(2, 10))
    L.invoice("2026-01-27 10:00", "00088888", "purchase", SB, OWNER, "2026-01-27", [(DIAZ, 10, 2000)],
              {"order": ["CG-B2"]}, label="invBD")
    buy(L, "2026-01-27", 5, SA, "CG-A2", [(AMOX, "A2602", 10, 860)], t="11:00")
    L.invoice("2026-01-28 10:00", "00088888", "purchase", SA, OWNER, "2026-01-28", [(AMOX, 10, 860)],
              {"order": ["CG-A2"]}, label="invAC")
    pay_out(L, "2026-01-29 10:00", "FK-A2", SA, 8600, ["00088888"], method="cash", label="cashA")
    pay_out(L, "2026-01-29 11:00", "FK-B2", SB, 20000, ["00088888"], method="cash", label="cashB")
    L.invoice("2026-01-30 10:00", "00088890", "purchase", SB, OWNER, "2026-01-30", [(DIAZ, 0, 0, 2000)],
              {"order": ["CG-B2"]}, credit_for="00088888", label="cnBD")
    L.invoice("2026-01-30 11:00", "00088890", "purchase", SA, OWNER, "2026-01-30", [(AMOX, 0, 0, 600)],
              {"order": ["CG-A2"]}, credit_for="00088888", label="cnAC")
    # ORPHAN: payment naming a number never booked; and a prepayment whose invoice comes at exactly 30 days
    pay_out(L, "2026-02-01 10:00", "FK-C9", SC, 50000, ["00077777"], label="orph")
    L.purchase("2026-02-01 11:00", "CG-A4", SA, [(AMOX, 100, 860)])
    pay_out(L, "2026-02-02 12:00", "FK-A4", SA, 86000, ["00078888"], label="prepayA4")
    pay_in(L, "2026-02-03 10:00", "SK-A9", SA, 600, ["00088890"], method="cash", label="refA")
    pay_in(L, "2026-02-03 11:00", "SK-B9", SB, 2000, ["00088890"], method="cash", label="refB")
    # UNINVOICED: receipt never invoiced; a dispatch invoiced 35 of 40
    L.purchase("2026-02-09 08:00", "CG-B5", SB, [(IBU, 50, 1200)])
    L.receipt("2026-02-10 10:00", "SH-CG-B5", SB, "CG-B5", "DN-CG-B5", [(IBU, "B2605", 50)], label="rcvB5")
    L.put_away("2026-02-10 10:30", "RK-CG-B5", "SH-CG-B5", [(IBU, "B2605", 50)])
    sell(L, "2026-02-20 09:00", "XS-5", H2, [(IBU, "B2601", 40, 1500)])
    L.invoice("2026-02-25 10:00", "00064444", "sale", OWNER, H2, "2026-02-25", [(IBU, 35, 1500)],
              {"sale": ["XS-5"]}, label="invS5")
    pay_in(L, "2026-02-27 10:00", "SK-S5", H2, 52500, ["00064444"], label="payS5")
    # compound ephedrine retail to one buyer
    R = lambda when, doc, q, lab, bid="330106199001011234", rx=None: L.sale(
        when, doc, I1, [(EPH, "E2601", q, 2500)], channel="retail", buyer_id=bid, prescription=rx, label=lab)
    R("2026-03-01 10:00", "LS-1", 2, "R1")
    L.receipt("2026-03-01 11:00", "SH-CG-A4", SA, "CG-A4", "DN-CG-A4", [(AMOX, "A2604", 100)])
    L.put_away("2026-03-01 11:30", "RK-CG-A4", "SH-CG-A4", [(AMOX, "A2604", 100)])
    R("2026-03-03 10:00", "LS-2", 2, "R2")
    L.invoice("2026-03-04 12:00", "00078888", "purchase", SA, OWNER, "2026-03-04", [(AMOX, 100, 860)],
              {"order": ["CG-A4"]}, label="invA4")
    R("2026-03-08 10:00", "LS-3", 1, "R3")
    R("2026-03-09 10:00", "LS-4", 2, "R4")
    pay_in(L, "2026-03-16 10:00", "SK-S2", H2, 10000, ["00062222"], label="payS2")
    pay_out(L, "2026-03-20 10:00", "FK-C1", SC, 55000, ["00063333"], label="payC")
    R("2026-03-20 11:00", "LS-5", 3, "R5")
    R("2026-03-28 12:00", "LS-6", 3, "R6", rx="CF-20260328-01")
    R("2026-03-29 10:00", "LS-7", 1, "R7", bid=None)
    L.marker("2026-04-20 10:00", "PD-END")
    notes = [
        "342 VIOLATION: deadlines (UNPAID, ORPHAN, UNINVOICED), SPECIAL-CASH and EPH-RETAIL beside shared numbers",
        "note: 00031207 = 宁康's (amoxicillin + compound ephedrine, paid by FK-A1) and 华东's (ibuprofen, never paid)",
        "note: 00088888 = 华东's diazepam (booked first) and 宁康's amoxicillin; red letters 00088890 of both; cash both ways",
        "note: 00099999 = our sales invoices to 康宁 (compound ephedrine, wholesale) and 西溪医院 (amoxicillin); cash from both",
        "note: clock ends 2026-04-20 10:00 (a count of an empty location); the prepayment FK-A4's invoice is booked 03-04 12:00,"
        " exactly at its 30-day mark (02-02 12:00 + 30 d = 03-04 12:00: at the deadline is in time)",
        "note: invC 00063333 issued 01-05, booked 01-20 09:00: UNPAID deadline from the later, 03-21 09:00; paid 03-20",
        "note: invS2 00062222 booked 01-15 10:00: deadline 03-16 10:00, paid exactly then (in time)",
        "note: R3 on 03-08 10:00 is exactly 7 x 24 h after R1: R1 is outside the window (2+1=3)",
        "note: R6 with prescription, 3 packs: over the per-sale limit is lifted; window 03-21 12:00.. holds only R6 (R5 is 03-20 11:00)",
    ]
    exp = [
        ("UNPAID", "invB", "华东's 00031207 (1,200.00) never paid; deadline from the later of 01-12 00:00 and its occurred_at 01-12 10:00, + 60 d = 03-13 10:00; 宁康's 00031207 was paid in full", ["invB"]),
        ("UNPAID", "invS1", "200.00 invoiced, 199.99 paid; tolerance 0; deadline 03-15 16:00 (booked 01-14 16:00)", ["invS1", "payS1"]),
        ("EPH-RETAIL", "cashP1", "cash from 康宁 for our 00099999 (compound ephedrine, wholesale); 西溪医院's cash for our other 00099999 (amoxicillin) is lawful"),
        ("SPECIAL-CASH", "cashB", "cash to 华东 for its 00088888 (diazepam, psychotropic2); 宁康's cash for its 00088888 (amoxicillin) is lawful", ["cashB"]),
        ("SPECIAL-CASH", "refB", "cash refund from 华东 naming its red letter 00088890 of the diazepam invoice; 宁康's cash refund naming its own 00088890 is lawful"),
        ("ORPHAN", "orph", "payment FK-C9 names 00077777, never booked; 02-01 10:00 + 30 d = 03-03 10:00", ["orph"]),
        ("UNINVOICED", "rcvB5", "50 ibuprofen received 02-10, never invoiced; deadline 03-12 10:00"),
        ("EPH-RETAIL", "R4", "window 03-02 10:00..03-09 10:00 holds R2 (2) + R3 (1) + R4 (2) = 5 > 4"),
        ("UNINVOICED", "dsp-XS-5", "40 dispatched 02-20, 35 invoiced; deadline 03-22 09:20"),
        ("EPH-RETAIL", "R5", "3 packs without prescription > 2"),
        ("EPH-RETAIL", "R7", "retail compound ephedrine without buyer ID"),
    ]
    sent = [
        ("en", "UNPAID", "invB", "2026-03-13 10:00 (+08:00)"), ("zh", "UNPAID", "invB", "2026-03-13 10:00 (+08:00)"),
        ("en", "UNPAID", "invB", "00031207"), ("en", "ORPHAN", "orph", "FK-C9"),
        ("en", "ORPHAN", "orph", "2026-03-03 10:00 (+08:00)"), ("en", "SPECIAL-CASH", "cashB", "FK-B2"),
        ("en", "SPECIAL-CASH", "refB", "00088890"), ("zh", "SPECIAL-CASH", "cashB", "第二类精神药品"),
        ("en", "EPH-RETAIL", "cashP1", "SK-P1E"), ("zh", "UNINVOICED", "rcvB5", "SH-CG-B5"),
    ]
    L.write(OUT, "342-shared-numbers-unpaid-orphan-uninvoiced-cash-psychotropic-ephedrine-limits", exp, notes, sent)
    return L

# --------------------------------------------------------------------------------------------
def l343():
    L = Ledger("343")
    master(L, "2026-06-01")
    buy(L, "2026-06-02", 1, SA, "CG-A1", [(AMOX, "A2601", 100, 860)])
    L.invoice("2026-06-03 10:00", "00031207", "purchase", SA, OWNER, "2026-06-03", [(AMOX, 100, 860)],
              {"order": ["CG-A1"]}, label="invA")
    pay_out(L, "2026-06-04 10:00", "FK-A1", SA, 86000, ["00031207"], label="payA")
    L.purchase("2026-06-05 08:00", "CG-C1", SC, [(IBU, 100, 1100)])
    pay_out(L, "2026-06-05 10:00", "FK-C1", SC, 110000, ["00031207"], label="prepayC")
    L.receipt("2026-06-08 10:00", "SH-CG-C1", SC, "CG-C1", "DN-CG-C1", [(IBU, "C2601", 100)])
    L.put_away("2026-06-08 10:30", "RK-CG-C1", "SH-CG-C1", [(IBU, "C2601", 100)])
    L.invoice("2026-06-09 10:00", "00031207", "purchase", SC, OWNER, "2026-06-09", [(IBU, 100, 1100)],
              {"order": ["CG-C1"]}, label="invC")
    L.marker("2026-06-12 10:00", "PD-END")
    notes = [
        "343 VIOLATION (by the documented limitation): a lawful prepayment to 恒康 naming its own future invoice 00031207,"
        " recorded after 宁康's 00031207 was booked",
        "note: format.md invoice.doc: 'A payment or credit note recorded before its invoice, naming a number another"
        " counterparty's booked invoice has, is matched to that one' (CHANGELOG: 'Left'); matched to 宁康's, the payee"
        " 恒康 does not fit -> TTGK-P at the payment, at once (findings.md: wrong party is certain at once)",
        "note: the business is lawful; this pins the documented behaviour, it is no fault if it fires",
        "note: ledger ends 06-12: 宁康's overpayment and 恒康's unpaid invoice stay pending",
    ]
    exp = [("TTGK-P", "prepayC", "documented: matched to 宁康's booked 00031207; payee 恒康 does not fit")]
    L.write(OUT, "343-documented-limit-prepayment-naming-a-number-another-supplier-already-booked", exp, notes)
    return L

if __name__ == "__main__":
    for f in (l340, l341, l342, l343):
        L = f()
        print(L.name, len(L.events), {k: v for k, v in L.labels.items()})
