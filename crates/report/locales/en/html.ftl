# Words of the HTML inspection report (English).

html-title = Inspection report
html-title-of = Inspection report: { $company }
html-company-unknown = (company not registered in the ledger)
html-period = Period covered: { $from } to { $to }
html-made = Made { $at } with { $tool }; times in { $zone }.
html-ledgers = Ledgers: { $ledgers }
html-nav-overview = overview
html-nav-custody = custody chains
html-overview = Chain status and findings
html-col-ledger = ledger
html-col-records = records
html-col-chain = chain
html-col-checkpoint = last checkpoint
html-col-pending = pending
html-intact = intact
html-file-changed = file changed, records intact
html-broken-at = broken at seq { $seq }
html-none = none
html-size = size { $size }
html-extended = extended
html-signature-unchecked = (signature not checked here)
html-not-extended = not extended
html-ledger = Ledger
html-ledger-records = { $records } records, { $events } events reconciled. Head
html-last-checkpoint = Last checkpoint: size { $size }, root
html-extends = the ledger ({ $records } records) extends it
html-findings = Findings ({ $count })
html-no-findings = No findings.
html-col-rule = rule
html-col-severity = severity
html-col-findings = findings
html-col-checks = what it checks
html-col-source = source
html-col-seq = seq
html-col-involved = records involved
html-col-party = party
html-col-what = product / batch / location
html-col-product = product
html-col-batch = batch
html-col-location = location
html-col-expected = expected
html-col-found = found
html-more = … and { $count } more ({ $command } lists them all).
html-pending = Pending items ({ $count })
html-no-pending = No open items.
html-pending-note = Open at the end of the ledger, not findings: each becomes a finding when its due time passes unless what closes it is recorded first.
html-pending-count = { $count } pending
html-col-due = due
html-col-closed-by = closed by
html-temperatures = Temperatures ({ $count } zones and vehicles)
html-times-in = Times in { $zone }.
html-legend-allowed = allowed range
html-legend-excursion = excursion (TEMP-RANGE)
html-legend-gap = recording gap (TEMP-GAP)
html-series = { $kind ->
        [zone] zone
       *[vehicle] vehicle
    } { $name }
html-series-counts = · { $readings } readings · { $excursions } excursions · { $gaps } gaps
html-closeup = { $kind ->
        [excursion] Excursion
       *[gap] Recording gap
    } { $from } – { $to }, record { $seq }
html-closeup-part = partly from the summary, { $minutes }-min slots (memory cap)
html-closeup-summary = from the summary, { $minutes }-min slots (memory cap)
html-closeups-more = { $count } more not shown in close-up (all in the findings above).
html-quiet = Without excursions or gaps: { $count } zones and vehicles
html-col-series = zone or vehicle
html-col-readings = readings
html-col-first = first reading
html-col-last = last reading
html-col-lowest = lowest
html-col-highest = highest
html-col-allowed = allowed range
html-range = { $min }–{ $max } °C
html-chart-allowed = allowed { $min }–{ $max } °C
html-custody = Custody chains of special-control batches
html-custody-none = No narcotic, psychotropic, toxic, radioactive or precursor batches in these ledgers.
html-custody-summary = { $batches } batches across { $plural ->
        [one] { $ledgers } ledger
       *[other] { $ledgers } ledgers
    }; { $broken } with a break in the chain.
html-custody-omitted = { $count } more batches not shown ({ $command } follows any of them).
html-chain-head = { $product } batch { $batch } · { $steps } { $steps_plural ->
        [one] step
       *[other] steps
    } ·
html-unbroken = unbroken
html-breaks = { $count } { $count_plural ->
        [one] break
       *[other] breaks
    }
html-break = Break:
html-col-when = when
html-col-event = event
html-col-holder = holder
html-col-document = document
html-col-counterparty = counterparty
html-col-movement = movement
html-col-quantity = quantity
html-col-record = record
html-more-steps = … and { $count } more steps ({ $command } lists them all).
html-stock = Stock by product and batch
html-stock-summary = { $live } batches in stock ({ $ever } ever held)
html-col-locations = locations
html-col-total = total
