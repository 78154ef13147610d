EX = {
"CHAIN": """1. `rxledger export L -o x.jsonl`
2. Someone edits a quantity inside line 100 of `x.jsonl`.
3. `rxledger check x.jsonl` → `CHAIN` at seq 100 (hash mismatch); records 1–99 are reconciled,
   nothing after. Scenario: `chain-broken`.""",
"EVENT-INVALID": """1. An integrator appends a record with the library's raw `Store::append`, bypassing validation:
   `{"v":1,"kind":"teleport","data":{}}`.
2. `check` → `EVENT-INVALID` at that seq (unknown kind). Scenario: `invalid-event`.""",
"TTGK-P": """1. `purchase` CG…01 from 杭州宁康制药 (supplier `91330100143958271X`), 500 盒 阿莫西林胶囊.
2. `receipt` SH…01, 500 accepted; `invoice` 2633… issued by the same supplier, 500 × 8.60 CNY.
3. `payment` FK…01 of 4,300.00 CNY to the supplier but to account `6217001540012345678`, which
   is not among its registered accounts → `TTGK-P` at the payment.
   (Also fires when the invoice issuer differs from the order's supplier, when invoiced quantity
   exceeds accepted quantity, or when payments exceed the invoice.) Scenario:
   `goods-books-invoices-payments`.""",
"TTGK-S": """1. `sale` XS…01 to 杭州市仁和医院, `dispatch`, `invoice` addressed to the hospital.
2. `payment` (incoming) from the hospital's name but from account `6222020299990001234`, not
   registered for it → `TTGK-S` at the payment. Scenario: `goods-books-invoices-payments`.""",
"REC-DOC": """1. `purchase` CG…07 from 上海瑞和生物制品.
2. `receipt` SH…09 with `refs.order = CG…07` but without `refs.delivery_note` → `REC-DOC`
   (no delivery note). Likewise a receipt for an unknown order, from another supplier, of a
   product not on the order, or arriving beyond the ordered quantity. Scenario: `documents`.""",
"ACC-GATE": """1. `receipt` of 120 units: 118 accepted, 2 rejected (damaged).
2. `put_away` of all 120 units from `RCV` to `WH-A` → `ACC-GATE` (120 put away, 118 passed
   acceptance) and `STOCK-NEG` at `RCV`. Scenario: `documents`.""",
"OUT-REV": """1. `sale` XS…11 of 80 支 of batch 2608065240.
2. No `outbound_review` for XS…11.
3. `dispatch` PS…11 of those 80 支 → `OUT-REV` at the dispatch. Scenario: `documents`.""",
"UNINVOICED": """1. `sale` XS…20, `outbound_review`, `dispatch` PS…20 (150 瓶) on 8 Oct.
2. No sales invoice referencing XS…20 by 7 Nov (30 days) → `UNINVOICED` naming the dispatch.
   Scenario: `goods-books-invoices-payments`.""",
"UNPAID": """1. Sales `invoice` 2633… of 1,720.00 CNY on 8 Oct.
2. No payment settles it by 7 Dec (60 days) → `UNPAID` naming the invoice. Scenario:
   `goods-books-invoices-payments`.""",
"ORPHAN": """1. `payment` FK…31 of 1,000.01 CNY to 杭州宁康制药 for invoice `26990000000000000001`.
2. No such invoice appears within 30 days → `ORPHAN` naming the payment. (Also: an invoice whose
   order or sale never had goods, a credit note for an unknown invoice.) Scenario:
   `goods-books-invoices-payments`.""",
"STOCK-NEG": """1. Batch 2608149042 of 复方盐酸伪麻黄碱缓释胶囊 is stored in `WH-A`.
2. `loss_report` of 1 盒 of that batch from `WH-B`, where the books hold none → `STOCK-NEG`.
   Scenario: `stock-batches`.""",
"STOCK-COUNT": """1. Books: 969 盒 of batch 2608014057 in `WH-A`.
2. `stock_count` PD… of `WH-A` lists 970 → `STOCK-COUNT` (book 969, counted 970). Scenario:
   `stock-batches`.""",
"NO-SOURCE": """1. `sale`, `outbound_review` and `dispatch` of batch 2610990315, which no `receipt` ever
   brought in → `NO-SOURCE` (and `STOCK-NEG`) at the dispatch. Scenario: `stock-batches`.""",
"EXPIRED": """1. `receipt` of batch 2610… with expiry 21 Oct 2026.
2. `sale` on 26 Oct, `dispatch` the same day → `EXPIRED` at the dispatch. Scenario:
   `stock-batches`.""",
"EXPIRED-NEAR": """1. `receipt` of a batch expiring 31 Oct 2026.
2. `dispatch` on 6 Oct, 25 days before expiry (window 90 days) → `EXPIRED-NEAR`. Scenario:
   `stock-batches`.""",
"QUARANTINE": """1. `transfer` (reason `quarantine`) of 2 damaged units from `WH-A` to `QA`.
2. `transfer` (reason `relocation`, not `release`) from `QA` back to `WH-A` → `QUARANTINE`.
   Scenario: `stock-batches`.""",
"RETURN-ORIG": """1. `sale` XS…40 to 杭州市仁和医院, dispatched and paid.
2. `customer_return` TH…02 with `refs.sale = XS…40` but booked to 宁波市明州人民医院 →
   `RETURN-ORIG` (sale to another customer). Scenario: `stock-batches`.""",
"SUP-LIC": """1. `purchase` CG…52 from `91330000MA2UNREG01`, a party with no `party_registered` record →
   `SUP-LIC`. (Also: licence expired on the event date, product category outside its scope,
   an individual.) Scenario: `qualification`.""",
"CUS-LIC": """1. `sale` XS…60 (wholesale) to `91330100MA2UNREG02`, never registered → `CUS-LIC`. (Also:
   licence not valid that day, product outside the customer's scope, e.g. 盐酸吗啡注射液 to a
   pharmacy chain without a narcotics scope, or an individual.) Scenario: `qualification`.""",
"LATE-ENTRY": """1. `put_away` that occurred on 3 Oct 10:00 with `entered_at` 8 Oct 10:00 (limit 72 h) →
   `LATE-ENTRY`. Without `entered_at`, the ledger's `recorded_at` is used. Scenario: `records`.""",
"TWO-INVOICE": """1. `purchase`, `receipt` of 阿莫西林胶囊 from 浙江华康医药商业 (a wholesaler, not the
   manufacturer).
2. `sale` of that batch to 杭州市仁和医院 (public hospital) → `TWO-INVOICE`: manufacturer →
   华康 → us → hospital is three invoices. Scenario: `qualification`.""",
}
EX.update({
"SPECIAL-CHAIN": """1. `receipt` of 30 支 盐酸吗啡注射液 with 30 unit codes; `put_away` to the locked store `SP-1`.
2. `dispatch` of 26 支 to 杭州市仁和医院 listing only 25 codes → `SPECIAL-CHAIN` (26 units, 25
   codes). Also when units leave a location where the ledger did not have them. Scenario:
   `special-control`.""",
"SPECIAL-CHANNEL": """1. `sale` of 盐酸吗啡注射液 to 合肥市德安医院 (seal-card holder in 安徽) by a 浙江 regional
   wholesaler, without `refs.approval` → `SPECIAL-CHANNEL`. Scenario: `special-control`.""",
"SPECIAL-CASH": """1. `invoice` from 西南恒安制药 for 枸橼酸芬太尼注射液.
2. `payment` of that invoice with `method: cash` → `SPECIAL-CASH`. Scenario: `special-control`.""",
"SPECIAL-2P": """1. `receipt` of 地西泮片 (class-2 psychotropic) with `acceptors: ["验收-张伟"]` only →
   `SPECIAL-2P`. (Likewise an outbound review with one reviewer.) Scenario: `special-control`.""",
"SPECIAL-LOSS": """1. `loss_report` of 2 支 盐酸吗啡注射液 discovered on 3 Oct 09:00, reported on 6 Oct
   (limit 24 h) → `SPECIAL-LOSS`. Scenario: `special-control`.""",
"SPECIAL-DESTROY": """1. `transfer` of 2 damaged controlled units from `SP-1` to `QA`.
2. `destruction` of them with no `supervisors` → `SPECIAL-DESTROY`. Scenario:
   `special-control`.""",
"EPH-RETAIL": """1. `sale` and `dispatch` of 复方盐酸伪麻黄碱缓释胶囊 to 杭州康宁大药房连锁, delivered to
   "余杭区仓前街道临时仓库 12 号" instead of its licensed address → `EPH-RETAIL`. (Also: a retail
   sale without buyer ID, more than 2 packs without prescription, more than 4 packs to one ID in
   7 days, cash for a wholesale invoice.) Scenario: `special-control`.""",
"SOM": """1. 杭州市仁和医院 orders 盐酸吗啡注射液 about weekly: 48, 52, 45, 50, 55, 47 支.
2. `sale` of 193 支 → `SOM`: 3.9x the trailing average of 49.5 over its last 6 orders
   (threshold 3x). Scenario: `special-control`.""",
"CODE-DUP": """1. `dispatch` to 仁和医院 ships unit code 8100370…0001.
2. A later `dispatch` lists the same code again → `CODE-DUP` (sold twice: a cloned code).
   Scenario: `special-control`.""",
"CODE-UNKNOWN": """1. `dispatch` lists unit code 8100370 900000001 0000, which no `receipt` brought in →
   `CODE-UNKNOWN`. Scenario: `special-control`.""",
"CODE-FORMAT": """1. `dispatch` lists `8100370000000001234X` (not 20 digits, not GS1) → `CODE-FORMAT`; a GS1
   string `(01)06901234567893(21)S1` fails the GTIN check digit likewise. Scenario:
   `special-control`.""",
"CROSS-MISSING": """1. Ledger A (浙江康源医药) `dispatch` PS…02 of 盐酸吗啡注射液 to 仁和医院.
2. 仁和医院's ledger has no receipt of PS…02 → `rxledger check A B` reports `CROSS-MISSING`
   in A. Scenarios: `pair-a` + `pair-b-missing`.""",
"CROSS-DIFF": """1. A ships 167 盒 of batch 2609010001; B records the receipt as batch 2609010001X →
   `CROSS-DIFF`. Scenarios: `pair-a` + `pair-b-tampered`.""",
"CROSS-TRANSIT": """1. A dispatches on 5 Oct; B records the receipt 123 hours later (limit 72) → `CROSS-TRANSIT`.
   Scenarios: `pair-a` + `pair-b-tampered`.""",
"CROSS-UNMATCHED": """1. B records a receipt from A with delivery note PS-FAKE-0001, which A never issued →
   `CROSS-UNMATCHED` in B. Scenarios: `pair-a` + `pair-b-tampered`.""",
"CROSS-CODE": """1. A ships narcotic unit codes to 仁和医院 (B).
2. 明州人民医院's ledger (C) records receiving some of the same codes, which A never shipped to
   it → `CROSS-CODE` in C. Test: `tests/cross.rs`.""",
})
EX.update({
"TEMP-ZONE": """1. `zone_registered` WH-C (cool, ≤ 20 °C).
2. `transfer` of 1 盒 布洛芬缓释胶囊 (ambient, 10–30 °C) from `WH-A` to `WH-C` → `TEMP-ZONE`
   (the zone can be colder than the product allows). Scenario: `cold-chain`.""",
"TEMP-RANGE": """1. `zone_registered` CR-1 (cold, 2–8 °C).
2. `temperature_reading` of sensor TH-R01 in CR-1: 6.1 °C at 09:00, then 11.0 °C every minute
   from 09:01 to 09:45, 6.0 °C at 09:46 → `TEMP-RANGE`: 09:01–09:46 (45 min), peak 11.0 °C,
   MKT 11.0 °C, allowed 2.0–8.0 °C. Scenario: `cold-chain`.""",
"TEMP-GAP": """1. Readings of WH-A every 10 minutes, then none between 08:40 and 09:40 → `TEMP-GAP` (60 min;
   limit 30 min). During an excursion the limit is 2 min. Scenario: `cold-chain`.""",
"CC-RECEIPT": """1. `receipt` of 重组乙型肝炎疫苗 with `transport` {vehicle 沪B·C1002冷, shipped 5 h earlier,
   cold_chain} but no `temperature_reading` from that vehicle → `CC-RECEIPT` (accepted without
   transport evidence; must be rejected). Scenario: `cold-chain`.""",
"VAC-DISPOSE": """1. `receipt` of a vaccine batch expiring on 21 Oct; part of it is still in `CR-1` on 23 Oct →
   `VAC-DISPOSE` (expired, not isolated); still held on 21 Nov → `VAC-DISPOSE` (not
   destroyed). Likewise vaccines left in a zone three days after a temperature excursion.
   Scenario: `vaccines`.""",
})
EX.update({
"TEMP-COPY": """1. `zone_registered` CR-1 (cold) with `sensors: ["TH-R01"]`; the sensor uploads every 4 hours,
   a reading every 10 minutes (144 a day).
2. The six uploads of 12 Oct carry, value for value, the readings of 11 Oct (00:00–23:50) →
   `TEMP-COPY` naming the upload with 12 Oct's last reading, as soon as 13 Oct's first reading
   arrives (or the ledger ends). A vehicle's trip log (one upload) that repeats an earlier trip
   log of any vehicle is a copy too; the same log uploaded twice (same times) is not. A fridge
   at a steady 5.0 °C with ±0.1 °C of noise never repeats a day (test
   `real_sensor_noise_does_not_look_copied`). Scenario: `temp-integrity`.""",
"TEMP-FLAT": """1. Sensor TH-C01 of `WH-C` uploads 48 readings from 00:00 to 07:50, every one 13.05 °C →
   `TEMP-FLAT` (470 min; limit 240 min) naming the upload of the last identical reading, once a
   different reading arrives (or the ledger ends). A recording gap ends the run. Scenario:
   `temp-integrity`.""",
"TEMP-BACKFILL": """1. `dispatch` of cold-chain goods on vehicle 浙A·L1011冷 on 7 Oct at 10:58; its logger records every
   5 minutes until 13:58.
2. `temperature_reading` of logger TL-1011 for the vehicle with `occurred_at` 11 Oct 13:58 (the
   upload) → `TEMP-BACKFILL`: 37 readings taken more than 72 hours before the upload (the
   oldest 99 hours). A storage zone's upload holding readings more than 24 hours old likewise.
   Scenario: `temp-integrity`.""",
"TEMP-FUTURE": """1. `temperature_reading` of TH-R01 for `CR-1` with `occurred_at` 16:00, holding the readings
   12:00–15:50 and one dated 16:15 → `TEMP-FUTURE` (15 min after the upload; 5 min of clock
   difference tolerated). Scenario: `temp-integrity`.""",
"TEMP-SENSOR": """1. `zone_registered` CR-1 with `sensors: ["TH-R01"]`.
2. `temperature_reading` for zone `CR-1` from sensor TH-R01B → `TEMP-SENSOR` (registered to no
   zone). Likewise TH-A01, installed in `WH-A`, reporting for `CR-1`, or TH-R01 reporting for a
   vehicle. Zones registered without `sensors` are not checked. Scenario: `temp-integrity`.""",
"TEMP-CONFLICT": """1. `temperature_reading` of TH-A01 for `WH-A` at 12:00 with the readings 08:00–11:50, 19.9 °C at
   11:20.
2. Another upload of TH-A01 with the readings 11:00–11:50, 19.6 °C at 11:20 → `TEMP-CONFLICT`
   (differs by more than 0.05 °C from the first upload, which the finding names too). The same
   readings uploaded again are quiet. Scenario: `temp-integrity`.""",
})
