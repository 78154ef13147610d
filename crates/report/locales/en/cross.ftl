# Messages of the cross rule family (English).

cross-missing = Dispatch { $doc } to { $party } was never received: { $ledger } has no receipt of it.
cross-missing-expected = a receipt in the customer's ledger
cross-missing-actual = none

# $lines: the differing lines; $missing / $extra: how many unit codes were shipped and not
# received / received and not shipped, $missing_codes / $extra_codes the first few of them.
cross-diff = Dispatch { $doc } differs from its receipt (seq { $receipt } in { $ledger }): { $lines }.
cross-diff-codes = Dispatch { $doc } differs from its receipt (seq { $receipt } in { $ledger }): { $lines }; unit codes shipped but not received: { $missing } ({ $missing_codes }); received but not shipped: { $extra } ({ $extra_codes }).
cross-diff-codes-only = Dispatch { $doc } and its receipt (seq { $receipt } in { $ledger }) agree on products, batches and quantities, but not on unit codes: shipped but not received: { $missing } ({ $missing_codes }); received but not shipped: { $extra } ({ $extra_codes }).
cross-diff-expected = the shipped lines and codes
cross-diff-actual = { $lines }
cross-diff-codes-actual = { $missing } shipped code(s) not received, { $extra } received code(s) not shipped
cross-diff-line = { $product } batch { $batch }: { $shipped } shipped, { $received } received
cross-diff-extra = { $product } batch { $batch } received but not shipped

cross-transit = Dispatch { $doc } took { $hours } hours to reach { $party } (limit { $limit }).
cross-transit-expected = ≤ { $limit } h
cross-transit-actual = { $hours } h

cross-unmatched = Receipt from { $party } (delivery note "{ $note }") matches no dispatch in that company's ledger.

cross-code = Unit codes received here were also received by { $party } ({ $ledger }), which did not ship them here.
