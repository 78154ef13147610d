# Breaks of a custody chain between the ledgers given (`rxledger trace`, the report's custody
# section). Breaks inside one ledger are SPECIAL-CHAIN findings, rendered with their own messages.

# The chain's first step is not a receipt. $kind: the event kind; $seq, $ledger: its record.
custody-first-seen = first seen in a { $kind } (seq { $seq } of { $ledger }), not a receipt
# A dispatch to the owner of another given ledger that no receipt there answers.
# $holder: the dispatching company; $to: the customer; $doc, $seq: the dispatch.
custody-not-received = dispatched by { $holder } to { $to } ({ $doc } seq { $seq }) but never received there
