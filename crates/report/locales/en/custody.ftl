# Breaks of a custody chain between the ledgers given (`rxledger trace`, the report's custody
# section). Breaks inside one ledger are SPECIAL-CHAIN findings, rendered with their own messages.

# The chain's first step is not a receipt. $kind: the event kind; $seq, $ledger: its record.
custody-first-seen = first seen in a { event-kind } (seq { $seq } of { $ledger }), not a receipt
# A dispatch to the owner of another given ledger that no receipt there answers.
# $holder: the dispatching company; $to: the customer; $doc, $seq: the dispatch.
custody-not-received = dispatched by { $holder } to { $to } ({ $doc } seq { $seq }) but never received there
# A receipt from the owner of another given ledger that no dispatch there answers.
# $holder: the receiving company; $from: the supplier; $doc, $seq: the receipt.
custody-not-shipped = received by { $holder } from { $from } ({ $doc } seq { $seq }) but never shipped from there
# A unit moved again by the company it had left (dispatched, returned, destroyed or lost at
# record $left) without coming back. $kind, $doc, $seq: the later step.
custody-returned-by-other = returned to { $holder } by { $customer } ({ $doc } seq { $seq }), but it left at seq { $left } in a { event-kind }{ $to ->
        [none] {""}
       *[other] {" "}to { $party }
    }
custody-moved-after-leaving = moved again by { $holder } in a { event-kind } ({ $doc } seq { $seq }) after it left at seq { $left }, without coming back
# A unit received (or returned) by a company that still held it since record $since, at
# $location. $kind, $doc, $seq: the later receipt or return.
custody-arrived-while-held = received by { $holder } in a { event-kind } ({ $doc } seq { $seq }) while it still held the unit (at { $location } since seq { $since })
# A special-control unit moved from $from, where the ledger did not have it: it put the unit at
# $location at record $since. $kind, $doc, $seq: the move.
custody-moved-from-elsewhere = moved by { $holder } from { $from } in a { event-kind } ({ $doc } seq { $seq }), but it had put the unit at { $location } (seq { $since })

# `rxledger trace`: the heading, the step columns, and the breaks.
custody-unit = unit { $code }
custody-batch = { $product } batch { $batch }
custody-head = custody chain of { $what }: { $steps } { $steps_plural ->
        [one] step
       *[other] steps
    }
custody-kind-reason = { $kind }: { $reason }
custody-holder = holder
custody-qty = qty
custody-unbroken = chain unbroken across the given ledgers
# The balance of a batch at the end of the chain: what each holder's locations hold, and what
# left the ledgers given (to a party whose ledger was not given, destroyed, lost).
custody-balance = at the end:
custody-balance-at = { $holder } { $location }: { $qty }
# $how: party (to $to, whose ledger was not given), destroyed or lost.
custody-balance-left = left the ledgers given: { $how ->
        [destroyed] { $qty } destroyed
        [lost] { $qty } lost
       *[party] { $qty } to { $to }
    }
custody-break = BREAK:{" "}
# A break that is a finding: its rule, record and ledger, then its sentence.
custody-break-at = { $rule } at seq { $seq } of { $ledger }: { $sentence }
# Where a unit goes when it is destroyed or lost (the `to` of a custody step).
custody-destroyed = destroyed
custody-lost = lost
