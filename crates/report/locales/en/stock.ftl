# Messages of the stock rule family (English).

stock-neg = Stock of { $product } batch { $batch } at { $location } fell to { $after }: { $moved } left but the books showed only { $on_books }.
stock-neg-further = Stock of { $product } batch { $batch } at { $location } fell further to { $after }: { $moved } left while the books already showed { $on_books }.
stock-neg-expected = ≥ { $qty }
stock-neg-actual = { $qty }

stock-count = Count { $doc } at { $location } { $listed ->
        [missing] does not list { $product } batch { $batch } (counted as { $counted })
       *[listed] found { $counted } of { $product } batch { $batch }
    }; the books say { $book } (difference { $difference }).
stock-count-qty = { $qty }

acc-gate-put-away = { $put_away } { $put_away_plural ->
        [one] unit
       *[other] units
    } of { $product } batch { $batch } { $put_away_plural ->
        [one] was
       *[other] were
    } put away from { $location }, but only { $accepted } there had passed acceptance (units that passed acceptance and are there: received, returned by customers or released from quarantine there, or brought there by a put-away or transfer of such units).
acc-gate-put-away-expected = ≤ { $qty }
acc-gate-put-away-actual = { $qty }
acc-gate-dispatch = { $product } batch { $batch } was dispatched but no quantity of it passed acceptance.
acc-gate-dispatch-expected = > 0 accepted
acc-gate-dispatch-actual = 0 accepted

no-source-never-received = { $product } batch { $batch } was dispatched to { $customer } but was never received.
no-source-unqualified = { $product } batch { $batch } was dispatched to { $customer } but was received only from unqualified suppliers.

expired = { $product } batch { $batch } expired on { $expiry } and was dispatched on { $date }.
expired-expected = on or before { $expiry }
expired-actual = { $date }
expired-near = { $product } batch { $batch } was dispatched { $days } days before its expiry on { $expiry }.
expired-near-expected = > { $days } days
expired-near-actual = { $days } days

# $how: the movement out of quarantine (put_away, transfer or dispatch); $to: where to.
quarantine = { $product } batch { $batch } in quarantine location { $location } was { $how ->
        [put_away] put away to { $to }
        [transfer] moved to { $to } without a release
       *[dispatch] dispatched to { $to }
    }.

return-orig = Return { $doc } of { $product } batch { $batch } from { $customer } does not match an original sale: { return-orig-actual } (expected { return-orig-expected }).
return-orig-actual = { $problem ->
        [no_sale] no known sale
        [unknown_sale] sale { $sale } not known (never recorded, or older than the return window)
        [other_customer] sale to { $sale_customer }
       *[over] { $returned } returned
    }
return-orig-expected = { $problem ->
        [no_sale] an original sale
        [unknown_sale] an original sale
        [other_customer] sale to { $customer }
       *[over] ≤ { $dispatched } dispatched
    }
