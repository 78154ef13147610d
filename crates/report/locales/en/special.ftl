# Messages of the special rule family (English).

# $how: in (a receipt or customer return, at $place) or out (leaving $place); $codes: the distinct
# units its codes name, a unit listed twice in the record (or already on an earlier line) once.
special-chain-coverage = { $quantity } { $quantity_plural ->
        [one] unit
       *[other] units
    } of controlled { $product } batch { $batch } { $how ->
        [in] came in at { $place }
       *[out] left { $place }
    } with codes for { $codes } distinct { $codes_plural ->
        [one] unit
       *[other] units
    }: the unit custody chain is broken.
special-chain-coverage-figure = codes for { $codes } { $codes_plural ->
        [one] unit
       *[other] units
    }
special-chain-elsewhere = { $units } { $units_plural ->
        [one] unit
       *[other] units
    } of controlled { $product } batch { $batch } left { $location }, but the ledger had { $units_plural ->
        [one] it
       *[other] them
    } elsewhere, e.g. "{ $code }" at { $held }.
special-chain-elsewhere-unaccepted = { $units } { $units_plural ->
        [one] unit
       *[other] units
    } of controlled { $product } batch { $batch } left { $location }, but the ledger did not have { $units_plural ->
        [one] it
       *[other] them
    } there, e.g. "{ $code }", scanned on arrival at { $held } by a receipt that accepted fewer units than it scanned (perhaps a rejected unit).
special-chain-elsewhere-expected = units at { $location }
special-chain-elsewhere-actual = { $units } elsewhere

special-channel-purchase = Narcotics or class-1 psychotropics ordered ({ $doc }) from { $supplier }, which { $problem ->
        [expired] was a designated manufacturer or wholesaler only until { $valid_to } (its last valid day), not on { $date }
       *[none] is not a designated manufacturer or wholesaler on { $date }
    }.
special-channel-sale = Narcotics or class-1 psychotropics sold ({ $doc }) to { $customer }, which { $problem ->
        [no_designation] holds no designation or purchase-seal card
        [expired] was designated only until { $valid_to } (its last valid day)
        [card_expired] held a purchase-seal card valid only until { $valid_to } (its last valid day)
        [other_province] is in { $province } (another province) and the sale cites no approval
       *[designation] is { $designation ->
            [designated_manufacturer] a designated manufacturer
            [national_wholesaler] a national wholesaler
            [regional_wholesaler] a regional wholesaler
            [designated_retail] a designated retailer
            [seal_card_holder] a seal-card holder
           *[other] designated { $designation }
        }, not allowed to buy them
    }.

special-cash = Payment { $doc } in cash settles { $document ->
        [credit_note] credit note { $invoice }, of an invoice that
       *[invoice] invoice { $invoice }, which
    } has narcotic, psychotropic or precursor lines.

special-2p = The { $what ->
        [acceptance] acceptance
       *[outbound_review] outbound review
    } { $doc } of controlled { $product } batch { $batch }{ $lines ->
        [one] {""}
       *[several] {" "}(and { $more } more { $more_plural ->
            [one] line
           *[other] lines
        } of controlled drugs)
    } was signed by { $count } { $count_plural ->
        [one] person
       *[other] people
    }; two different people are required.
special-2p-expected = 2 people
special-2p-actual = { $count } ({ $people })

special-loss = The { $loss ->
        [loss] loss
       *[theft] theft
    } of controlled drugs in { $doc }, discovered { $discovered }, { $reported ->
        [none] was not reported to any authority
       *[late] was reported { $at }, { $hours } after discovery (limit { $limit } hours)
    }.
special-loss-expected = reported within { $limit } h
special-loss-actual = { $reported ->
        [none] not reported
       *[late] reported after { $hours }
    }

# $quantity, $product, $batch: the first line of a controlled drug; $lines: one, or several
# (then $more: the further such lines).
special-destroy = Destruction { $doc } of { $quantity } { $quantity_plural ->
        [one] unit
       *[other] units
    } of controlled { $product } batch { $batch }{ $lines ->
        [one] {""}
       *[several] {" "}(and { $more } more { $more_plural ->
            [one] line
           *[other] lines
        } of controlled drugs)
    } records no supervising regulator.

eph-retail-address = Compound ephedrine delivered by { $doc } to "{ $address }", not to { $customer }'s licensed address "{ $licensed }".
eph-retail-address-figure = { $address }
eph-retail-cash = Payment { $doc } in cash settles { $document ->
        [credit_note] credit note
       *[invoice] invoice
    } { $invoice } for compound ephedrine sold wholesale.
eph-retail-no-id = Retail sale { $doc } of compound ephedrine records no buyer ID.
eph-retail-packs = Retail sale { $doc } of { $packs } packs of compound ephedrine without prescription (limit { $limit }).
eph-retail-window = Buyer ID { $buyer } bought { $packs } packs of compound ephedrine within { $days } days (limit { $limit }).
eph-retail-expected = ≤ { $qty }
eph-retail-actual = { $qty }

som-size = Order { $doc } of { $quantity } units of { $product } by { $customer } is { $ratio }x the customer's trailing average of { $average } over its last { $orders } orders (threshold { $factor }x).
som-size-expected = ≤ { $limit } ({ $factor }x trailing average { $average })
som-peer = Order { $doc } of { $quantity } units of { $product } by { $customer } is { $ratio }x the median trailing average of { $peers } other customers ({ $median }; threshold { $factor }x).
som-peer-expected = ≤ { $limit } ({ $factor }x peer median { $median })
som-frequency = { $customer } placed { $orders } orders of { $product } in 7 days against a weekly average of { $weekly } over the previous 8 weeks (threshold { $factor }x).
som-frequency-expected = ≤ { $limit } orders/week
som-actual = { $qty }
special-card = { $customer } is registered as a seal-card holder (印鉴卡) but its card number is not on file; sale { $doc } of narcotics or class-1 psychotropics relies on that card.
