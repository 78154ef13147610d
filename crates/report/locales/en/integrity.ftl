# Messages of the integrity rule family (English).

event-invalid = Record { $record } is not a valid event: { $error }.

event-dup = Record { $record } repeats event { $id }, already recorded as record { $first }: the event counts twice.

late-entry = The { event-kind }{ $doc ->
        [none] {""}
       *[doc] {" "}{ $docno }
    } of { $occurred } was { $how ->
        [entered] entered
       *[recorded] recorded in the ledger
    } at { $at }, { $hours } hours after it happened (limit { $limit } hours).
late-entry-expected = ≤ { $hours } h
late-entry-actual = { $hours } h
