# Messages of the documents rule family (English).

## REC-DOC: a receipt against its purchase order.

rec-doc = Receipt { $doc } does not match its documents: { rec-doc-actual } (expected { rec-doc-expected }).
rec-doc-actual = { $problem ->
        [no_delivery_note] no delivery note (refs.delivery_note)
        [no_order] no purchase order (refs.order)
        [unknown_order] unknown purchase order { $order }
        [supplier] supplier { $supplier }
        [not_on_order] { $product } not on the order
       *[over] { $arrived } of { $product } arrived on { $orders } so far, { $this } with this receipt
    }
rec-doc-expected = { $problem ->
        [no_delivery_note] a delivery note
        [no_order] a purchase order
        [unknown_order] a recorded purchase order
        [supplier] supplier { $order_supplier }
        [not_on_order] { $product } on the order
       *[over] ≤ { $ordered } ordered
    }

## OUT-REV: outbound reviews against sales, dispatches against reviews.

out-rev-no-sale = Outbound review { $doc } names no sale (refs.sale).
out-rev-review = Outbound review { $doc } does not match sale { $sale }: { out-rev-review-actual }, expected { out-rev-review-expected }.
out-rev-review-actual = { $problem ->
        [not_on_sale] not on the sale
        [quantity] quantity { $reviewed }
        [expiry] expiry { $expiry }
       *[unknown_sale] sale { $sale } unknown
    }
out-rev-review-expected = { $problem ->
        [not_on_sale] on the sale
        [quantity] quantity { $quantity }
        [expiry] expiry { $expected_expiry }
       *[unknown_sale] a recorded sale
    }
out-rev-dispatch = Dispatch { $doc } of { $product } batch { $batch } has no matching outbound review: { out-rev-dispatch-actual }.
out-rev-dispatch-expected = reviewed quantity ≥ dispatched
out-rev-dispatch-actual = { $problem ->
        [no_sale] no sale to review against
       *[unreviewed] { $dispatched } dispatched, { $reviewed } reviewed fit
    }
out-rev-customer = The { event-kind } { $doc } for { $customer } names sale { $sale }, which is { $sale_customer }'s.

## TTGK-P, TTGK-S: goods, books, invoices and payments ($dir: purchase or sale).

ttgk-invoice-owner = Invoice { $doc } names { $party } as { $dir ->
        [purchase] buyer
       *[sale] issuer
    }, not this company.
ttgk-invoice-party = Invoice { $doc } is { $dir ->
        [purchase] issued by
       *[sale] addressed to
    } { $party }, but the goods were traded with { $traded_with } (invoice from a third party: 走票).
ttgk-credit-party = Credit note { $doc } { $dir ->
        [purchase] issued by
       *[sale] addressed to
    } { $party } credits invoice { $invoice }, but that invoice is with { $invoice_party }.
ttgk-payment-party = Payment { $doc } for { $document ->
        [credit_note] credit note
       *[invoice] invoice
    } { $invoice } was { $direction ->
        [outgoing] paid to
       *[incoming] received from
    } { $party }, but the { $document ->
        [credit_note] credit note
       *[invoice] invoice
    } is with { $invoice_party }.
ttgk-payment-account = Payment { $doc } for { $document ->
        [credit_note] credit note
       *[invoice] invoice
    } { $invoice } used account { $account }, which is not registered for { $party }.
ttgk-overinvoiced = { $invoiced } units of { $product } invoiced for { $doc } ({ $party }) but only { $goods } { $dir ->
        [purchase] accepted
       *[sale] dispatched
    }, net of returns, and the excess was not corrected within { $days } days, by { $due }.
ttgk-overpaid = Invoice { $doc } ({ $party }) for { $total }{ $net ->
        [none] {""}
       *[credits] {" "}(net of credit notes { $credits })
    } was paid { $paid }, and the excess was not refunded within { $days } days, by { $due }.
ttgk-overinvoiced-closed-by = a credit note for { $excess } { $excess_plural ->
        [one] unit
       *[other] units
    } of { $product }, or { $excess } more { $excess_plural ->
        [one] unit
       *[other] units
    } { $dir ->
        [purchase] accepted
       *[sale] dispatched
    }
ttgk-overpaid-closed-by = a refund of { $amount }
ttgk-party = { $party }
ttgk-account-expected = a registered account
ttgk-account = { $account }
ttgk-qty = { $qty }
ttgk-amount = { $amount }

## UNINVOICED, UNPAID, ORPHAN: deadlines of goods, invoices and payments.

uninvoiced = { $goods } { $goods_plural ->
        [one] unit
       *[other] units
    } of { $product } { $dir ->
        [purchase] accepted
       *[sale] dispatched
    } for { $doc } ({ $party }) but only { $invoiced } invoiced after { $days } days, by { $due }; both net of returns and of credit notes.
uninvoiced-qty = { $qty }
unpaid = Invoice { $doc } ({ $party }) for { $total } has { $paid } paid after { $days } days, by { $due }.
unpaid-amount = { $amount }
orphan-credit = Credit note { $doc } credits invoice { $invoice }, which is not known (never booked, or forgotten after the return window).
orphan-invoice = Invoice { $doc } ({ $party }) has { $goods ->
        [none] no order or sale reference
       *[unmoved] no goods movement for { $goods_doc }
    } after { $days } days.
orphan-payment = Payment { $doc } with { $party } settles no invoice known { $days } days after it, by { $due } ({ $invoices }).

## Open items at the end of a ledger (pending): what is open, and what would close it.

uninvoiced-pending = { $goods } { $goods_plural ->
        [one] unit
       *[other] units
    } of { $product } { $dir ->
        [purchase] accepted
       *[sale] dispatched
    } for { $doc } ({ $party }), { $invoiced } invoiced so far.
uninvoiced-closed-by = invoices for { $part ->
        [all] the { $missing } units
       *[rest] the other { $missing } units
    } of { $product }
unpaid-pending = Invoice { $doc } ({ $party }) for { $total } has { $paid } paid so far.
unpaid-closed-by = payments of { $amount }
orphan-invoice-pending = Invoice { $doc } ({ $party }) has { $goods ->
        [none] no order or sale reference
       *[unmoved] no goods movement for { $goods_doc }
    } yet.
orphan-invoice-closed-by = { $goods ->
        [none] nothing the ledger can add: the invoice names no order or sale
       *[unmoved] goods received or dispatched for { $goods_doc }
    }
orphan-payment-pending = Payment { $doc } with { $party } settles no known invoice yet ({ $invoices }).
orphan-payment-closed-by = one of the invoices { $invoices } booked
orphan-credit-closed-by = invoice { $invoice } booked

## TWO-INVOICE

two-invoice = { $product } batch { $batch } sold to public hospital { $customer } was bought from a wholesaler, not the manufacturer: at least three invoices from manufacturer to hospital.
two-invoice-expected = ≤ 2 invoices
two-invoice-actual = ≥ 3 invoices
