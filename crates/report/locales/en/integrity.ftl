# Messages of the integrity rule family (English).

event-invalid = Record { $record } is not a valid event: { $error }.

event-dup = Record { $record } repeats event { $id }, already recorded as record { $first }: the event counts twice.
# $kind: the event kind of the document (through event-kind); $first: the record that first
# holds it; $by: what else the two share (party: the counterparty; location: a count's location;
# number: the number alone); $days: the window (a number used again later is another document).
doc-dup = Record { $record } holds the same { event-kind } as record { $first } ({ $by ->
        [party] document number and counterparty
        [location] document number and location
       *[number] document number
    }, within { $days } days) under another event id: the document counts twice.

late-entry = The { event-kind }{ $doc ->
        [none] {""}
       *[doc] {" "}{ $docno }
    } of { $occurred } was { $how ->
        [entered] entered
       *[recorded] recorded in the ledger
    } at { $at }, { $hours } hours after it happened (limit { $limit } hours).
late-entry-expected = ≤ { $hours } h
late-entry-actual = { $hours } h
