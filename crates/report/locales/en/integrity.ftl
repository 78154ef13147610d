# Messages of the integrity rule family (English).

event-invalid = Record { $record } is not a valid event: { $error }.

event-dup = Record { $record } repeats event { $id }, already recorded as record { $first }: the event counts twice.

late-entry = The { event-kind } of { $occurred } was { $how ->
        [entered] entered
       *[recorded] recorded in the ledger
    } { $hours } hours after it happened (limit { $limit } hours).
late-entry-expected = ≤ { $hours } h
late-entry-actual = { $hours } h
