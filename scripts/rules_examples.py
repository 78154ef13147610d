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
