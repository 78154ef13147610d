"""Round 30 (ledgers 330-334): writes ledgers/, their .expected files, sentences.expected, trace.expected.json."""
import os, sys, json
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
import build330, build331, build332, build333, build334
OUT = os.path.join(os.path.dirname(HERE), "ledgers"); os.makedirs(OUT, exist_ok=True)
CONV = ["# note: round 30 conventions: instants +08:00 (Beijing); entered_at 5 min after occurred_at unless noted; ids UUID v7 of entered_at",
        "# note: RCV, QA, RET are unregistered locations; QA and RET are the default quarantine_locations"]

def exp(name, head, rows, notes=()):
    with open(os.path.join(OUT, name + ".expected"), "w") as f:
        f.write(head + "\n")
        for l in CONV + list(notes): f.write(l + "\n")
        for r, s, w in rows: f.write(f"# why: {r} {s}: {w}\n")
        for r, s, w in rows: f.write(f"{r} {s}\n")

N330 = "330-lawful-december-472-events-doc-numbers-shared-across-kinds-issuers-directions-locations-route-sheets-instalments-red-letter-refund-quiet"
L = build330.build(); L.write(os.path.join(OUT, N330 + ".jsonl"))
exp(N330, f"# 330 LEGITIMATE: a lawful December of {len(L.ev)} events; every DOC-DUP trap is lawful business", [], [
 "# note: 一单到底: sale, outbound review and dispatch carry the sale's number; purchase, receipt and put-away the order's number (kinds differ)",
 "# note: partial deliveries of one order get receipts CG20261202-1 / -2; one payment in two instalments; 第一人民医院 pays some invoices in three",
 "# note: paper VAT invoices: 宁康 and 天士力 both issue 发票号码 00031207 to us (issuer differs); each supplier's payment names 00031207",
 "# note: the ERP numbers 付款单 and 收款单 in separate sequences 0001..: refund 0005 to 西溪医院 (payer us) and receipt 0005 from 西溪医院 (payer it)",
 "# note: route sheets LX1210-01.. on 10-12 Dec: one dispatch number for three customers' stops (customer differs)",
 "# note: month-end count sheet PD20261231 for WH-A and WH-B (location differs); return, release, red-letter invoice and refund for 西溪医院",
])
N331 = "331-doc-dup-receipt-time-corrected-put-away-dispatch-invoice-payment-count-resent-beside-year-reset-numbers-and-shared-numbers"
L, rows = build331.build(); L.write(os.path.join(OUT, N331 + ".jsonl"))
exp(N331, "# 331 VIOLATION: documents stored twice by ERP/WMS/bank re-sends, beside lawful shared numbers", rows, [
 "# note: lawful twins: receipt and put-away under one number; 00031207 from two issuers; voucher HD20270107001 from two hospitals; PD-0001 for WH-A and WH-B",
 "# note: year-reset numbering (CG-0001, SH-0001, XS-0001, FK-0001, PD-0001 in Jan 2026 and again in Jan 2027, same partners): EXPECTED QUIET",
 "# note:   (two documents a year apart, not one document twice; the engine forgets the 2026 ones after return_window_days; rules.md's DOC-DUP text sets no time limit: see REPORT B)",
 "# note: overpayment (P2), invoiced/uninvoiced effects stay pending (ledger ends within correction_days/uninvoiced_days)",
])
N332 = "332-morphine-unit-traces-wrong-store-returned-by-other-hospital-cloned-dispatch-return-while-held-lawful-return-resale-diazepam-one-reviewer-malformed-box-code"
L, rows, tr = build332.build(); L.write(os.path.join(OUT, N332 + ".jsonl"))
exp(N332, "# 332 VIOLATION: morphine custody by unit code; unit traces broken and unbroken", rows, [
 "# note: no invoices (the ledger ends 16 days after the first receipt: UNINVOICED only pending)",
 "# note: trace expectations in trace.expected.json: break = exit 1, ok = exit 0",
])
json.dump({"332": tr}, open(os.path.join(OUT, "trace.expected.json"), "w"), indent=1)
N333 = "333-vaccines-expired-isolated-at-deadline-and-1s-late-never-isolated-never-destroyed-excursion-zone-isolated-in-3-days-and-not"
L, rows = build333.build(); L.write(os.path.join(OUT, N333 + ".jsonl"))
exp(N333, "# 333 VIOLATION: vaccines after expiry and after an excursion", rows, [
 "# note: lawful twins: V2 isolated the day after expiry, destroyed in 15 days; V3 isolated at exactly 00:00 two days after expiry; V6 moved to QA 1 min before 3 days",
 "# note: expired-vaccine deadlines per rules.md: isolation by 00:00 two days after expiry; destruction 30 days after 00:00 of the day after expiry",
])
N334 = "334-erp-csv-reimport-corrected-receipt-time-and-payments-without-group-by-blank-row"
n, rows = build334.build(OUT)
with open(os.path.join(OUT, N334 + ".jsonl"), "w") as f: f.write(open(os.path.join(OUT, "334-master.jsonl")).read())
exp(N334, "# 334 VIOLATION: an ERP month imported, then its re-export imported again", rows, [
 "# note: commands: append 334-master.jsonl; import csv goods-a+finance-a (both mappings); again (appends nothing); import csv goods-b+finance-b",
 "# note: the .jsonl holds the master data only; the imported events' seqs follow docs/import.md 'Order' (occurred_at order within one import)",
 "# note: import 1 appends seqs n+1..n+6: purchase, receipt, put-away, invoice, FK20261205, FK20261210 (n = master lines)",
 "# note: import 2 appends the receipt with its corrected time (new id) and both payments (ids follow row numbers, moved by the blank row)",
])
S = [("331", "DOC-DUP", 29, "en", "SH20261229"), ("331", "DOC-DUP", 29, "zh", "SH20261229"),
     ("331", "DOC-DUP", 56, "en", "HD20270108007"), ("331", "DOC-DUP", 59, "en", "WH-A"),
     ("332", "SPECIAL-2P", 47, "en", "地西泮片"), ("332", "SPECIAL-2P", 47, "en", "DZ2611002"), ("332", "SPECIAL-2P", 47, "zh", "DZ2611002"),
     ("332", "CODE-FORMAT", 22, "en", "8190430100000000002"), ("332", "CODE-FORMAT", 22, "en", "1 malformed code"),
     ("332", "SPECIAL-CHAIN", 32, "en", "SP-2"), ("332", "SPECIAL-CHAIN", 32, "zh", "SP-2"),
     ("332", "CODE-UNKNOWN", 41, "en", "嘉兴市第二医院"), ("332", "CODE-UNKNOWN", 41, "zh", "嘉兴市第二医院"),
     ("333", "VAC-DISPOSE", 26, "en", "2026-12-10"), ("333", "VAC-DISPOSE", 26, "en", "瓶"), ("333", "VAC-DISPOSE", 26, "zh", "瓶"),
     ("333", "VAC-DISPOSE", 26, "en", "2026-12-12 00:00"), ("333", "VAC-DISPOSE", 26, "zh", "2026-12-12 00:00"),
     ("333", "VAC-DISPOSE", 26, "en", "2027-01-10 00:00"),
     ("333", "VAC-DISPOSE", 32, "en", "2026-12-10 00:00"), ("333", "VAC-DISPOSE", 32, "en", "CR-1"), ("333", "VAC-DISPOSE", 32, "en", "25"),
     ("333", "VAC-DISPOSE", 55, "en", "CR-2")]
with open(os.path.join(OUT, "sentences.expected"), "w") as f:
    f.write("# LEDGER\tRULE\tSEQ\tLANG\tsubstring (each must occur in one finding of that rule at that seq)\n")
    for r in S: f.write("\t".join(map(str, r)) + "\n")
print("ok")
