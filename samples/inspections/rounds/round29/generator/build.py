#!/usr/bin/env python3
"""Round 29: writes ledgers/NNN-slug.jsonl + .expected, trace.expected.json, sentences.expected (deterministic)."""
import os, sys, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import write
import l320, l321, l322, l323, l324, l325

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'ledgers')
os.makedirs(OUT, exist_ok=True)

COMMON = ["# note: round 29 conventions: events sorted by occurred_at; instants +08:00 (Beijing); entered_at 5 min after occurred_at (uploads 30 s) unless noted; ids UUID v7 of entered_at, increasing in file order",
          "# note: RCV, QA, RET are unregistered locations; QA and RET are the default quarantine_locations"]


def seq(ev, kind, doc=None, pred=None):
    hits = [i + 1 for i, e in enumerate(ev) if e['kind'] == kind and (doc is None or e['data'].get('doc') == doc)
            and (pred is None or pred(e))]
    assert len(hits) == 1, (kind, doc, hits)
    return hits[0]


def upload_with(ev, where, at):
    """seq of the temperature_reading upload of zone/vehicle `where` holding a reading at instant `at` (iso)"""
    hits = [i + 1 for i, e in enumerate(ev) if e['kind'] == 'temperature_reading'
            and (e['data'].get('zone') == where or e['data'].get('vehicle') == where)
            and any(r['at'] == at for r in e['data']['readings'])]
    assert len(hits) == 1, (where, at, hits)
    return hits[0]


def emit(n, slug, ev, head, notes, exp):
    base = f"{n}-{slug}"
    write(os.path.join(OUT, base + '.jsonl'), ev)
    with open(os.path.join(OUT, base + '.expected'), 'w', encoding='utf-8') as f:
        f.write(f"# {n} {head}\n")
        for l in COMMON + notes:
            f.write(l + '\n')
        for rule, s, why in exp:
            f.write(f"# why: {rule} {s}: {why}\n")
        for rule, s, why in exp:
            f.write(f"{rule} {s}\n")
    print(base, len(ev), 'events', len(exp), 'expected')


def main():
    sentences = []
    trace = {}
    # ---------------- 320 ----------------
    ev = l320.build320()
    emit(320, 'a-lawful-december-insulin-cold-chain-psychotropic2-partial-invoices-prepayment-instalments-red-letter-return-discount-month-end-counts-quiet',
         ev, 'LEGITIMATE: a whole December (Beijing) of a Hangzhou wholesaler: weekly replenishment from three manufacturers, '
         'insulin by cold truck with the logger uploaded after the receipt, insulin in two partial purchase invoices, '
         'sales to five customers six days a week, insulin by own cold van (trip logs), 地西泮片 with unit codes and two people, '
         'a customer return released and red-lettered, a price reduction (折让) credit note, instalments, a retail chain prepaying '
         'its month-end monthly invoice, CR-1 read every 10 min, four matching month-end stock counts',
         ["# note: no opening stock (the format has no opening-balance event): the month starts with receipts on 12-02",
          "# note: every expiry is in 2028; all suppliers are manufacturers (TWO-INVOICE quiet); every sale invoiced the same day except the chain's (monthly, 12-31)",
          "# note: payments due in January are simply not in the ledger (pending, not findings: UNPAID needs 60 days)",
          "# note: 折让 credit note: quantity 0, unit_price 0, amount 20.00 (format.md InvoiceLine.quantity)"], [])

    # ---------------- 321 ----------------
    ev = l321.build321()[0].finish()
    exp = [
        ('CC-RECEIPT', seq(ev, 'receipt', 'SH2026120003'), 'truck 京A·L2202冷 logged every 5 min but nothing 12:25-12:40 (15 min > transport_gap_minutes 5) between shipped_at 10:00 and arrival 15:00; goods accepted anyway'),
        ('EXPIRED-NEAR', seq(ev, 'dispatch', 'PS2026120001'), 'PPV202412X (有效期至 2026-12-05) delivered 12-04: 1 day before expiry, inside near_expiry_days 90 (policy warning, minor)'),
        ('EXPIRED-NEAR', seq(ev, 'dispatch', 'PS2026120003'), 'PPV202412Y (有效期至 2026-12-08) delivered 12-07 (the same dispatch also carries the long PPV lot)'),
        ('TEMP-RANGE', upload_with(ev, 'CR-1', '2026-12-08T10:30:00+08:00'), 'CR-1 8.4 °C 10:10-10:30 on 12-08 (door open during stocktaking); handled lawfully below, but the excursion itself is a finding'),
        ('TEMP-RANGE', upload_with(ev, 'CR-2', '2026-12-10T03:50:00+08:00'), 'CR-2 8.9 °C 03:10-03:50 on 12-10 (compressor fault)'),
        ('VAC-DISPOSE', upload_with(ev, 'CR-2', '2026-12-10T03:50:00+08:00'), 'vaccines left in CR-2 after its excursion (FLU202611A 150, PPV202610B 110): never isolated within vac_isolate_days 3; PPV202610B even delivered on 12-15'),
        ('VAC-DISPOSE', seq(ev, 'receipt', 'SH2026120002'), 'PPV202412Y expired 12-08; its 5 remaining vials isolated at 12-10 00:00:01, one second after the deadline (00:00 Beijing two days after expiry)'),
        ('TEMP-COPY', upload_with(ev, 'CR-1', '2026-12-12T23:50:00+08:00'), "CR-1's 12-12 is 12-11's values, value for value, 24 h later"),
        ('TEMP-RANGE', upload_with(ev, '浙A·L5501冷', '2026-12-14T10:00:00+08:00'), 'own van trip of 12-14 09:30: 8.6 °C from 10:00 for 16 min, readings every 2 min while out of range'),
    ]
    emit(321, 'district-cdc-vaccine-cold-chain-logger-hole-excursions-handled-and-not-expired-isolation-1s-late-day-copied-warm-van-trip',
         ev, 'VIOLATION: a district CDC (疾控中心) stores and delivers non-programme vaccines to two vaccination clinics: '
         'two cold rooms read every 10 min, cold receipts, expired lots isolated and destroyed, an excursion handled (isolate, assess, release) '
         'and one not, a copied day of monitoring data and a warm van trip',
         ["# note: lawful twins: receipt SH2026120001's logger uploaded 3 h after the receipt (settle window 4 h); PPV202412X isolated on the day after expiry and destroyed on 12-18 (< 30 days);",
          "# note:   CR-1's vaccines isolated 80 min after its excursion and released after assessment 4 days later (expected quiet: they were isolated in time)",
          "# note: 2-minute readings while out of range so that TEMP-GAP stays quiet (excursion_gap_minutes 2)",
          "# note: the CR-2 excursion hits two batches; I expect one VAC-DISPOSE for the excursion (rules.md: points at the reading that ended it)",
          "# note: vaccines destroyed without a regulator supervisor: SPECIAL-DESTROY is for special-control classes only (quiet)"], exp)

    # ---------------- 322 ----------------
    L, B = l322.build322()
    ev = L.finish()
    exp = [
        ('STOCK-COUNT', seq(ev, 'stock_count', 'PD2026111001'), 'WH-A 阿莫西林 2610A01 books 400, counted 398 (shortage later booked by loss report BS2026111001; recount agrees)'),
        ('STOCK-COUNT', seq(ev, 'stock_count', 'PD2026111002'), 'WH-B 布洛芬 2610B01 books 250, counted 251 (盘盈: no event kind can book a gain)'),
        ('STOCK-COUNT', seq(ev, 'stock_count', 'PD2026111003'), 'SP-1 地西泮片 books 80, counted 79 (loss reported in 23 h: quiet SPECIAL-LOSS; recount agrees)'),
        ('STOCK-COUNT', seq(ev, 'stock_count', 'PD2026111004'), 'CR-1 sheet lists insulin only: 注射用A型肉毒毒素 BTX202609 (20 on the books) missing from the sheet counts as 0'),
        ('SPECIAL-CHAIN', seq(ev, 'destruction', 'XH2026112502'), 'destruction of 2 returned 地西泮片 from RET with 1 code'),
        ('SPECIAL-DESTROY', seq(ev, 'destruction', 'XH2026112503'), '注射用A型肉毒毒素 (medical_toxic) destroyed with no supervisors'),
        ('STOCK-NEG', seq(ev, 'destruction', 'XH2026112504'), 'recalled 2610A03 destroyed "from WH-A" although all 30 were transferred to QA on 11-18'),
    ]
    emit(322, 'stock-counts-shortage-gain-omitted-batch-special-loss-23h-recounts-destructions-ordinary-psychotropic-medical-toxic-wrong-location',
         ev, 'VIOLATION: November month-end counts (盘点) of four locations with a shortage, a gain, a psychotropic shortage and '
         'a count sheet that omits a batch; losses booked by loss reports and recounted; destruction of water-damaged, broken, '
         'returned and recalled goods with and without regulator supervisors',
         ["# note: lawful twins: ibuprofen destroyed from QA without supervisor (ordinary drug); diazepam destroyed from QA with supervisors and codes;",
          "# note:   recounts PD2026111005/1006 agree with the books after the loss reports",
          "# note: the loss of 2 ordinary boxes needs no reported_to (SPECIAL-LOSS covers special-control classes only)"], exp)

    # ---------------- 323 ----------------
    L, B = l323.build323()
    ev = L.finish()
    exp = [
        ('TTGK-P', seq(ev, 'invoice', '26332000000000120601'), 'order CG2026120101: 300 accepted, invoiced 200 + 110; the credit note for 10 came 22 days later (> correction_days 14); points at the latest invoice at the deadline'),
        ('TTGK-S', seq(ev, 'invoice', '26332000000000120801'), '第一人民医院 overpaid 100.00 on 12-15 10:00, refunded 12-30 10:00:01 (14 d + 1 s)'),
        ('UNPAID', seq(ev, 'invoice', '26332000000000113001'), 'issued_on 2026-11-30 (booked 11-29 20:00): deadline 2027-01-29 00:00 Beijing; paid 00:00:01'),
        ('ORPHAN', seq(ev, 'payment', 'FK2026120501'), 'prepayment of 860.00 to 宁康 for an invoice that never came (order cancelled)'),
    ]
    # the H sale: dispatch of the sale named by invoice 26332000000000121002
    inv = next(e for e in ev if e['kind'] == 'invoice' and e['data']['doc'] == '26332000000000121002')
    sd = inv['refs']['sale'][0]
    exp.append(('UNINVOICED', seq(ev, 'dispatch', pred=lambda e: e['refs']['sale'] == [sd]),
                '西溪医院 sale of 100 boxes dispatched 12-10, invoiced for 80 only; 30 days pass on 2027-01-09'))
    emit(323, 'invoices-payments-beijing-month-ends-partial-deliveries-and-invoices-instalments-red-letter-discount-prepayment-30d-exact-unpaid-1s-overpayment-refund-late-over-invoice',
         ev, 'VIOLATION: November 2026 - February 2027: partial deliveries and partial invoices paid in instalments, invoices dated '
         'the day after or the day before they were booked around Beijing midnight, red-letter invoices for a return and a price reduction, '
         'a chain prepaying its monthly invoice exactly 30 days ahead, overpayments refunded in and out of time, an over-invoice corrected late, '
         'a prepayment never matched and a partly invoiced sale',
         ["# note: lawful twins: 西溪医院 invoice 26332000000000113002 paid exactly at 2027-01-29 00:00:00 Beijing (in time);",
          "# note:   invoice 26332000000000113003 dated 11-30 but booked 12-01 00:30 Beijing: deadline from the booking (later of the two), paid 2027-01-30 00:20 (quiet)",
          "# note:   chain prepayment 12-01 23:00 Beijing, monthly invoice 12-31 23:00 Beijing = exactly orphan_days 30 (in time); 西溪医院's overpayment refunded after 10 days",
          "# note: the last event is a matching stock count on 2027-02-05 (moves the clock past every deadline above)"], exp)

    # ---------------- 324 ----------------
    L, B, cm, cr = l324.build324()
    ev = L.finish()
    exp = [
        ('SPECIAL-2P', seq(ev, 'outbound_review', 'FH2026120003'), '盐酸哌醋甲酯缓释片 (psychotropic1) reviewed by 复核-刘洋 alone; the keeper on recorded_by is not a reviewer'),
        ('SPECIAL-CHAIN', seq(ev, 'dispatch', 'PS2026120004'), 'dispatch from SP-1 scans ampoules ...121-...123, which the ledger put in SP-2'),
        ('CODE-DUP', seq(ev, 'customer_return', 'TH2026122001'), 'return by 第一人民医院 of ampoule ...150, which never left SP-2 (received while already in stock)'),
        ('SPECIAL-LOSS', seq(ev, 'loss_report', 'BS2026122901'), 'loss discovered 12-28 08:00, reported 12-29 08:01 (24 h 01 min > 24 h)'),
    ]
    emit(324, 'narcotic-and-psychotropic1-custody-two-stores-return-release-resale-seal-card-renewal-cross-province-approval-one-reviewer-wrong-store-scan-cloned-return-loss-24h01',
         ev, 'VIOLATION: a regional wholesaler buys morphine from a national wholesaler and methylphenidate from its designated manufacturer, '
         'keeps morphine in two special stores, sells to seal-card hospitals (one renewing its card, one in Shanghai with an approval), '
         'takes back and re-sells two ampoules, destroys broken ones under supervision, reports two losses',
         ["# note: lawful twins: return of ampoules ...003/...004 into RET by two people, released to SP-1 and resold; 嘉兴市第二医院 card expires 12-15, renewed card filed 12-14, sale 12-16;",
          "# note:   Shanghai sale with refs.approval; destruction with two supervisors and codes; theft reported 23 h 59 min after discovery",
          "# note: TWO-INVOICE does not apply to narcotics / class-1 psychotropics (rules.md); the national wholesaler supplier is the lawful channel"], exp)
    trace['324'] = {"codes_break": [cm[120], cm[149]], "codes_ok": [cm[2], cm[185], cr[0]],
                    "batch_break": f"{l324.M}:MF2611001", "batch_ok": f"{l324.R}:PC2610007"}
    sentences += [
        ('324', 'SPECIAL-CHAIN', seq(ev, 'dispatch', 'PS2026120004'), 'en', 'SP-2'),
        ('324', 'SPECIAL-CHAIN', seq(ev, 'dispatch', 'PS2026120004'), 'zh', 'SP-2'),
        ('324', 'SPECIAL-LOSS', seq(ev, 'loss_report', 'BS2026122901'), 'zh', '2026-12-28 08:00'),
        ('324', 'SPECIAL-LOSS', seq(ev, 'loss_report', 'BS2026122901'), 'zh', '2026-12-29 08:01'),
        ('324', 'CODE-DUP', seq(ev, 'customer_return', 'TH2026122001'), 'en', cm[149]),
    ]

    # ---------------- 325 ----------------
    L, B = l325.build325()
    ev = L.finish()
    exp = [
        ('TTGK-P', seq(ev, 'invoice', '26332000000000120501'), "invoice for 英特's order issued by 浙江英特物流 (not the order's supplier): 走票"),
        ('LATE-ENTRY', seq(ev, 'put_away', 'RK2026120401'), 'put-away of 12-04 16:00 entered 12-07 17:00 (73 h > 72 h)'),
        ('CC-RECEIPT', seq(ev, 'receipt', 'SH2026120601'), 'insulin accepted from a foam box declared cold_chain false (readings fine)'),
        ('TWO-INVOICE', seq(ev, 'sale', 'XS2026120003'), 'batch 2610A01 was also received from the wholesaler 英特: sale to the public hospital'),
        ('TTGK-P', seq(ev, 'payment', 'FK2026121001'), "payment of 宁康's invoice to 英特's account 33050161627200000456"),
        ('CUS-LIC', seq(ev, 'sale', 'XS2026120005'), "chain's licence ended 2026-12-10; sale at 2026-12-11 00:10 Beijing (16:10 UTC on 12-10)"),
    ]
    emit(325, 'lawful-fortnight-six-subtle-plants-invoice-by-affiliate-late-put-away-73h-cold-box-not-cold-chain-mixed-source-batch-to-public-hospital-payment-to-other-account-licence-lapse-beijing-midnight',
         ev, 'VIOLATION: the first three weeks of December: CR-1 read every 10 min, manufacturer and wholesaler purchases, '
         'insulin, hospital, clinic and chain sales; six subtle plants',
         ["# note: lawful twins: the manufacturer-only batch 2611A02 to the public hospital; the mixed batch to a private clinic; the chain's sale at 23:50 Beijing on its licence's last day;",
          "# note:   outbound review expiry written '2028-10' for a batch received with expiry 2028-10-31 (same day, OUT-REV quiet)",
          "# note: the affiliate's invoice is left unpaid (ledger ends before any deadline)"], exp)
    sentences += [
        ('325', 'CUS-LIC', seq(ev, 'sale', 'XS2026120005'), 'zh', '2026-12-11 00:10'),
        ('325', 'CUS-LIC', seq(ev, 'sale', 'XS2026120005'), 'en', '2026-12-10'),
        ('325', 'LATE-ENTRY', seq(ev, 'put_away', 'RK2026120401'), 'zh', '2026-12-07 17:00'),
    ]
    with open(os.path.join(OUT, 'trace.expected.json'), 'w') as f:
        json.dump(trace, f, indent=1)
    with open(os.path.join(OUT, 'sentences.expected'), 'w', encoding='utf-8') as f:
        f.write('# LEDGER\tRULE\tSEQ\tLANG\tsubstring (each must occur in that finding\'s message)\n')
        for s in sentences:
            f.write('\t'.join(map(str, s)) + '\n')


if __name__ == '__main__':
    main()
