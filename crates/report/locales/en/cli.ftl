# The command line's own words (English): errors, warnings, verification results, `summary`.
# Errors of the libraries are rendered here from their typed fields; a detail the library gives
# only as text ($detail) is kept as it is.

cli-error = error: { $message }
cli-warning = warning: { $message }

## Input and output.
io-not-found = No such file or directory (os error { $code })
io-permission = Permission denied (os error { $code })
io-exists = File exists (os error { $code })
io-other = { $detail }
cli-reading-config = reading configuration { $path }
cli-not-a-file-name = { $path }: not a file name
cli-output-in-ledger = { $path } is one of the ledger's own files: no command writes its output over them (write it outside the ledger directory)

## Options the command line checks.
cli-head-hash = head "{ $head }" is not 64 hex digits (or SEQ:HEX)
cli-head-seq = head "{ $head }": "{ $part }" is not a sequence number
cli-head-hex = head "{ $head }": "{ $part }" is not 64 hex digits
cli-head-zero = head "{ $head }": seq 0 is the empty ledger, whose head hash is 64 zeros
cli-bad-zone = unknown time zone "{ $zone }": give an offset such as +08:00, or one of { $names }
cli-violations-range = --violations must be between 0 and 1 (got { $got })
cli-not-plantable = --rules: the generator cannot plant "{ $rule }"; plantable: { $plantable }
cli-trace-no-ledger = give at least one ledger after the code
cli-trace-batch-form = --batch must be PRODUCT:BATCH (got "{ $got }")
cli-trace-code-or-batch = give either a CODE or --batch PRODUCT:BATCH
cli-prove-what = give --seq N or --consistency OLD_CHECKPOINT
cli-proof-needs-record = an inclusion proof needs --record FILE
cli-proof-needs-old = a consistency proof needs --old-checkpoint FILE
cli-key-needs-name = -o needs a file name
cli-key-exists = { $path }: refusing to overwrite a key
cli-copy-not-empty = { $path }: the destination already holds { $records } records; copy into an empty ledger
cli-trace-not-found = not found in the given ledgers

cli-cut-tail = { $segment }: cut off an unacknowledged tail of { $bytes } bytes ({ $records } complete records of an incomplete batch) left by an interrupted write
cli-index-unwritten = the id index could not be written ({ $detail }); the next append rebuilds it

cli-copy-source-fails = { $src }: the source fails verification at seq { $seq } ({ $error }); { $records } records (its verified batches) were copied to { $dst }
cli-copy-differs = { $dst }: the copy does not verify as the source does (copy head { $copy }, source head { $source }){ $why }
cli-copy-why = : { $error }

## What a command did.
cli-initialised = initialised empty ledger { $ledger }
cli-exported = exported { $records } records to { $path }; head { $head }
cli-checkpoint-other-signers = { $count } { $count_plural ->
        [one] entry
       *[other] entries
    } of the ledger's checkpoint history (the newest for { $size } records) { $count_plural ->
        [one] is
       *[other] are
    } signed by another key ({ $signers }), not { $key }: { $count_plural ->
        [one] its root was checked against the records, its signature was not
       *[other] their roots were checked against the records, their signatures were not
    }. Anyone who can write the ledger directory can write such an entry, or remove the history; only a checkpoint kept elsewhere (`verify --checkpoint`) tells. If the key was not changed on purpose, compare with the checkpoints handed out
cli-checkpoint-written = checkpoint of { $records } records signed by { $signer } written to { $path }
cli-keys-written = wrote { $key } (private, mode 0600) and { $public }
cli-proof-written = proof written to { $path }
cli-copied = copied { $records } records in { $batches } batches from { $src } to { $dst }; the copy verifies; head { $head }
cli-appended-none = { $file }: no events; nothing appended (head { $head })
cli-appended-all-present = { $file }: all { $present } events already present; nothing appended (head { $head })
cli-appended = appended { $appended } events from { $file }; head { $head }
cli-appended-some-present = appended { $appended } events from { $file }, { $present } already present (skipped); head { $head }

cli-no-postgres = { $url }: this rxledger was built without PostgreSQL support (cargo feature `postgres`)
cli-not-pg-url = not a PostgreSQL URL
cli-pg-one-at-a-time = PostgreSQL ledgers are checked one at a time (not against other ledgers yet)

## The store.
store-not-a-ledger = { $path } is not an rxledger ledger (no { $marker } marker file, or one that `rxledger init` did not write; run `rxledger init`)
store-exists = { $path } already exists and is not empty
store-locked = ledger { $dir } is in use by another writer (lock file { $lock } is held); try again when it has finished
store-corrupt = { $path }: { $error }; refusing to append (run `rxledger verify`)
store-poisoned = an earlier write failed; reopen the ledger before appending again
store-history = { $path }:{ $line }: not a checkpoint history entry: { $detail }

## Input events (`append`, `import`): file, line and field.
ingest-event = { $file }:{ $line }: { $error }
ingest-io = { $file }: { $error }
ingest-duplicate-record = { $file }:{ $line }: field `id`: event id { $id } is already stored as record { $seq } with different content; nothing was appended
ingest-duplicate-line = { $file }:{ $line }: field `id`: event id { $id } is already on line { $earlier } of this input with different content; nothing was appended
ingest-utf8 = { $file }:{ $line }: not valid UTF-8
ingest-too-long = { $file }:{ $line }: the line is longer than { $max } bytes; nothing was appended
event-json = invalid JSON at column { $column }: { $detail }
event-field = field `{ $field }`: { $detail }
detail-missing-field = missing field `{ $name }`
detail-unknown-variant = unknown variant `{ $value }`, expected one of { $expected }
json-expected-value = expected a value
json-trailing = trailing characters after the event
json-key = a key must be a string
json-object = expected a comma or the end of the object
json-array = expected a comma or the end of the list
json-eof = the line ends inside the event
json-control = a control character inside a string
detail-not-blank = must not be blank
detail-uuid = UUID parsing failed: { $detail }
detail-object = must be a JSON object
detail-event-object = an event must be a JSON object
detail-required = required field is missing
detail-unknown-field = unknown field
detail-unknown-kind = unknown kind
detail-not-negative = must not be negative
detail-not-empty = must not be empty
detail-positive = must be positive
detail-at-least-1 = must be at least 1
detail-one-line = must hold at least one line
detail-one-reading = must hold at least one reading
detail-one-code = must hold at least one code
detail-one-person = must name at least one person
detail-0-100 = must be between 0 and 100
detail-after-production = must be after production_date
detail-party-licence = required for every party except an individual
detail-trace-code = not a 20-digit traceability code nor a GS1 element string
detail-price-negative = a price must not be negative
detail-zone-or-vehicle = give exactly one of `zone` and `vehicle`
detail-before-valid-from = is before valid_from
detail-min-max = min_c must be ≤ max_c
detail-minus-100-100 = must be between -100 and 100
detail-readings-order = readings must be in time order
detail-sum-overflow = sum of amounts overflows
problem-written-twice = is written twice in one object (a reader would keep one of the two values)
problem-leap-second = is in a leap second (:60), which this format does not hold; write the second before
problem-too-long = is { $bytes } bytes long; at most { $max } bytes are allowed
problem-year = { $value } is outside the years { $first } to { $last } this format accepts
problem-quantity-max = { $value } is more than the largest quantity, { $max }
problem-amount-max = { $value } is more than the largest amount, { $max }
problem-line-value-max = quantity { $quantity } × unit price { $price } is more than the largest amount, { $max } minor units
# $limit: quantity (a line's quantity) or arrived (a receipt line's units that arrived).
problem-codes-over = { $codes } different traceability codes for { $limit ->
        [arrived] { $quantity } unit(s) that arrived (`arrived`)
       *[quantity] a quantity of { $quantity }
    }
problem-negative = must not be negative (got { $got })
# $unit: quantity or minor (an amount in minor units); $written: what was written where a whole
# number goes (number, string, null, boolean, list, object; none: a number not shown), $value
# the number, the quoted string or the boolean.
problem-not-whole = must be a whole number { $unit ->
        [minor] of minor units from 0 to { $max }
       *[quantity] from 0 to { $max }
    }{ $written ->
        [number] { " " }(got { $value })
        [string] { " " }(got the string { $value })
        [null] { " " }(got null)
        [boolean] { " " }(got { $value })
        [list] { " " }(got a list)
        [object] { " " }(got an object)
       *[none] {""}
    }
problem-uuid-version = must be a UUID version 7 (got version { $got })
problem-accepted-rejected = accepted { $accepted } + rejected { $rejected } must equal arrived { $arrived }
problem-line-amount = { $amount } is not quantity { $quantity } × unit price { $price } (to within half a fen per unit)
problem-invoice-total = { $total } is not the sum of the line amounts ({ $sum })

## Verification of the chain.
verify-unparsable = line { $line }: unparsable record (expected seq { $seq }): { $detail }
verify-reason-start = the line does not begin with a record's `seq`
verify-reason-seq = `seq` is not a positive integer
verify-reason-after-seq = expected `batch_end` after `seq`
verify-reason-batch-end = `batch_end` is not a positive integer
verify-reason-after-batch-end = expected `recorded_at` after `batch_end`
verify-reason-recorded-at = `recorded_at` is not a short string
verify-reason-recorded-at-chars = `recorded_at` has characters outside an RFC 3339 timestamp
verify-reason-after-recorded-at = expected `prev` after `recorded_at`
verify-reason-prev-short = `prev` is too short
verify-reason-prev-hex = `prev` is not 64 hex digits
verify-reason-after-prev = expected `hash` after `prev`
verify-reason-hash-short = `hash` is too short
verify-reason-hash-hex = `hash` is not 64 hex digits
verify-reason-after-hash = expected `event` after `hash`
verify-reason-end = the record is not closed at the end of its line
verify-reason-event-empty = `event` payload is empty
verify-reason-blank = blank line between records
verify-reason-newline = line is not newline-terminated
verify-reason-reread = record parsed differently on a second reading
verify-gap = line { $line }: sequence gap: expected seq { $seq }, found seq { $found } (record(s) { $seq }..{ $last } missing or reordered)
verify-duplicate = line { $line }: duplicate or out-of-order record: expected seq { $seq }, found seq { $found } again
verify-link = line { $line }: broken link at seq { $seq }: prev { $found } does not equal the previous record's hash { $expected }
verify-hash = line { $line }: hash mismatch at seq { $seq }: the record's content was altered (stored { $stored }, computed { $computed })
verify-framing = line { $line }: bad batch framing at seq { $seq }: batch_end { $batch_end } (expected { $expected })
verify-incomplete = ledger ends inside a batch: records { $seq }..={ $batch_end } are missing (truncated, or a crash before the batch was acknowledged)
verify-other-origin = the checkpoint was signed for { $signed }, but this ledger's origin is { $origin } (its owner party, or its directory's name before one was registered): the records are the ones signed, under another name
verify-head-differs = record { $seq } has hash { $found }, not the expected { $expected }: the ledger was rewritten at or before seq { $seq }
verify-checkpoint-root = the first { $size } records do not have the Merkle root their checkpoint in the directory's own history (checkpoints.jsonl) signed: records were changed or history rewritten since; restore the directory from a backup
verify-history-damaged = the directory's checkpoint history (checkpoints.jsonl) { $fault ->
        [out_of_order] has an entry for { $size } records (line { $line }) after one for { $after }
        [forked] has two entries for { $size } records with different roots (line { $line })
        [not_a_file] is not a regular file
        [too_large] is { $bytes } bytes, larger than any checkpoint history
        [unreadable] cannot be read
       *[not_an_entry] has a line ({ $line }) that is not a checkpoint
    }: the history was damaged or altered, and cannot vouch for the records
verify-below-checkpoint = the ledger holds { $last } acknowledged record(s), but its own checkpoint history (checkpoints.jsonl) signed { $signed }: records { $seq }..{ $signed } were removed (truncated); restore the directory from a backup (a writer refuses it)
verify-head = expected head { $expected } not found: the ledger ends at seq { $last } with head { $found }; it was truncated or rewritten (first unverifiable seq { $seq })
verify-reformatted = the file is not the export byte for byte: { $changes }; the records are otherwise intact ({ $records })
verify-bom = a UTF-8 byte-order mark was added before the first record
verify-crlf-all = line endings changed to CRLF
verify-crlf-some = line endings of { $crlf } of { $lines } lines changed to CRLF
verify-blank-one = 1 blank line added at the end
verify-blank-many = { $blank } blank lines added at the end
verify-records-none = it holds no records
verify-records-one = the one record verifies
verify-records-many = all { $records } verify
verify-holds-head = the expected head { $head } is there: it vouches for records 1..={ $seq }, and the ledger holds { $after } more since
verify-holds-empty-head = the expected head { $head } is the empty ledger's, which every ledger extends: it vouches for none of the { $after } records
verify-ok = ok: { $records } records verified; head { $head }{ $blank }
verify-ok-blank-one = ; 1 blank line after the last record ignored (it holds no data)
verify-ok-blank-many = ; { $blank } blank lines after the last record ignored (they hold no data)
verify-failed = FAILED: first bad seq { $seq }
verify-failed-at = FAILED: { $error }
verify-none = no record verified
verify-verified = records 1..={ $last } verified; head { $head }
verify-intact = FAILED: the records are intact, the file around them was changed
verify-restore = restore the exported bytes (LF line endings, no byte-order mark) to verify it as exported; head { $head }
verify-tail = { $segment }: { $bytes } bytes after the last acknowledged batch ({ $records } complete records): a batch being written now, or left by an interrupted write (the next writer cuts such a tail off); not acknowledged
verify-extends = ok: { $records } records verified; they extend the checkpoint of { $size } records signed for { $origin }

## Checkpoints and proofs.
verify-proof-ok = ok: proof verified against the checkpoint of { $size } records signed for { $origin }
verify-proof-ok-consistency = ok: the checkpoint of { $size } records signed for { $origin } extends the one of { $old_size } records (same history)
log-failed = FAILED: first bad seq { $seq }: { $error }

checkpoint-key = malformed key: { $detail }
checkpoint-format = malformed checkpoint: { $detail }
checkpoint-signature = checkpoint signature does not verify: { $detail }
checkpoint-proof = malformed proof: { $detail }
checkpoint-random = random generator: { $detail }

## Configuration.
config-toml = invalid configuration: line { $line }, column { $column } (`{ $text }`): { $detail }
config-negative = invalid configuration: thresholds.{ $name } must not be negative
config-too-large = invalid configuration: thresholds.{ $name } must be at most { $max }

## `rxledger log`: one line about an event.
log-party = { $name } ({ $kind })
log-licence = { $party } licence { $number } to { $valid_to }
log-product = { $code } { $name } { $spec }
log-from-lines = { $doc } from { $party } ({ $lines } { $lines_plural ->
        [one] line
       *[other] lines
    })
log-to-lines = { $doc } to { $party } ({ $lines } { $lines_plural ->
        [one] line
       *[other] lines
    })
log-lines = { $doc } ({ $lines } { $lines_plural ->
        [one] line
       *[other] lines
    })
log-for = { $doc } for { $party }
log-to = { $doc } to { $party }
log-from = { $doc } from { $party }
log-reason = { $doc } ({ $reason })
log-at = { $doc } at { $location }
log-money = { $doc } { $from } -> { $to } { $amount }
log-readings = { $where } { $count } readings
log-loss = { $doc } { $kind }
log-aggregation = { $doc } { $action } { $parent } ({ $count } codes)
log-zone = { $zone } { $storage }
log-invalid = (invalid event: { $error })

## `rxledger summary`.
summary-records = records
summary-head = head
summary-chain = chain
summary-tail = tail
summary-period = period
summary-verified = verified
summary-failed = FAILED at seq { $seq }: { $error }
summary-failed-intact = FAILED, records intact: { $error }
summary-tail-text = { $bytes } unacknowledged bytes ({ $records } complete records) in { $segment }; the next writer cuts them off
summary-period-text = { $from } to { $to }
summary-invalid = invalid events: { $count }
summary-invalid-line = seq { $seq }: { $error }
summary-kinds = events per kind:
summary-stock = stock per product and batch (on hand, by location):

## `rxledger import csv|xlsx|epcis`: where (file and line, sheet and row, column, field, EPCIS
## event), then what is wrong; cells, ids and paths verbatim.
import-epcis-written-twice = { $file }: field `{ $path }` { problem-written-twice }; nothing was imported
import-epcis-xml = { $file } is an XML document: rxledger reads EPCIS 2.0 in its JSON-LD binding only (docs/epcis.md); ask the partner for JSON-LD, or convert the document
import-mappings = { $files } files and { $mappings } mappings: give one mapping for all the files, or one per file in the same order
import-duplicate-line = { $file }:{ $line }: field `id`: event id { $id } is already on line { $earlier } of { $earlier_file } in this import with different content; nothing was appended
import-changed-document = { $error } ({ event-kind } { $doc } changed in the export since it was imported: record a correction as a new document)
import-epcis-duplicate-record = { $file }: { $event }: field `id`: event id { $id } is already stored as record { $seq } with different content; nothing was appended
import-epcis-duplicate-event = { $file }: { $event }: field `id`: event id { $id } is already { $earlier } of this document with different content; nothing was appended
import-repeated-row = { $file }:{ $line } repeats line { $first } of the same document cell for cell; it is read as a line of its own (if the export repeated the row by mistake, the document counts it twice)
import-error = { $text }
import-line = { $file }:{ $line }
import-sheet-row = { $file }: sheet `{ $sheet }` row { $line }
import-column = column `{ $column }`
import-field = field `{ $field }`
import-decode = not valid { $encoding } text
import-zip = { $file }: a spreadsheet (zip) file, not CSV: use `rxledger import xlsx`
import-done = imported { $events } events from { $file }: { $appended } appended, { $present } already present; head { $head }
import-earlier = { $count } goods movements of this import happened before { $latest }, the latest goods movement at the end of the ledger: rules read records in ledger order, so goods imported after later ones can raise findings such as STOCK-NEG or NO-SOURCE that business order would not (import a period's exports together, in one `import csv`: docs/import.md, "Order")
mapping-line = { $file }:{ $line }
mapping-section = [[document]] { $n } (`{ $kind }`)
epcis-event = { $file }: { $event }
json-at = line { $line } column { $column }: not valid JSON: { $detail }
export-epcis-unverified = { $dir }: the ledger does not verify; run `rxledger verify`
export-epcis-bad-record = { $dir }: record { $seq }: { $error }
export-epcis-done = exported { $events } EPCIS events from { $records } records to { $path }
detail-unknown-key = unknown field `{ $name }`, expected one of { $expected }
cell-type-string = text
cell-type-integer = a whole number
cell-type-number = a number
cell-type-money = an amount
cell-type-date = a date
cell-type-expiry = an expiry date or month
cell-type-instant = a date and time
cell-type-bool = yes or no
cell-type-list = a list
reason-spreadsheet-error = the cell holds the spreadsheet error `{ $value }`
reason-inexact-number = `{ $value }` is a number cell of more than 15 digits, which a spreadsheet does not keep exactly: store codes and document numbers as text cells
reason-date-time = `{ $cell }` is a date cell with a time of day, not a date
reason-date-cell = `{ $cell }` is a date cell, not { $expected }
reason-not-in-zone = `{ $cell }` does not exist in { $zone }
reason-not-date = `{ $cell }` is not a date ({ $formats })
reason-not-expiry = `{ $cell }` is not an expiry date or month ({ $formats }, or YYYY-MM)
reason-not-instant = `{ $cell }` is not a date and time ({ $formats }, in { $zone })
reason-not-integer = `{ $cell }` is not a whole number of 0 or more
reason-not-number = `{ $cell }` is not a number
reason-not-money = `{ $cell }` is not an amount (yuan, at most two decimals)
reason-not-bool = `{ $cell }` is not yes or no (是/否, Y/N, true/false, 1/0)
reason-not-mapped = `{ $cell }` is not one of { $known }
reason-no-document = `{ $value }` is the `when` of no [[document]] of the mapping
reason-empty-document-number = the document number is empty
reason-differs = `{ $got }` differs from `{ $want }` on line { $first }, the first row of document `{ $document }`
reason-no-column = no such column in the header
reason-same-column = the header has this column { $count } times (columns { $positions }): the mapping cannot tell which it means; rename one of them in the export
reason-empty = is empty
reason-unequal = a row of { $found } cells where the header has { $expected }{ $quote ->
        [open] : a quote (") opened in this row is never closed, so the rest of the file was read as one cell
       *[none] {""}
    }
reason-csv = not valid CSV: { $detail }
reason-timezone = `timezone`: `{ $value }` is not an offset such as +08:00
reason-encoding = `encoding`: unknown encoding `{ $value }`
reason-not-xlsx = not a readable .xlsx workbook ({ $detail })
reason-no-sheet = no sheet `{ $sheet }` (the workbook has { $names })
reason-no-sheets = the workbook has no sheet
reason-sheet-unreadable = sheet `{ $sheet }`: { $detail }
reason-sheet-empty = sheet `{ $sheet }` is empty
reason-toml = not a valid mapping: { $detail }
reason-blank-name = `name` must not be blank
reason-no-section = no [[document]] section
reason-need-kind-column = several [[document]] sections need `kind_column` (and a `when` in each)
reason-unknown-kind = `kind`: no event kind `{ $kind }`
reason-when-required = `when` is required with `kind_column`
reason-group-by-empty = `group_by` names no column
reason-path-start = must start with `occurred_at`, `entered_at`, `recorded_by`, `refs.` or `data.`
reason-one-bracket = at most one `[]` per path
reason-empty-segment = empty path segment
reason-one-source = give exactly one of `column`, `value` and `sum`
reason-occurred-at-unmapped = field `occurred_at` is not mapped
reason-no-event-list = no `{ $path }`
reason-hash-ignores = the document's `{ $key }` leaves `{ $ignored }` out of the CBV 2.0 hash, but rxledger imports that field: the hash could not show a change to it
reason-hash-mismatch = `{ $id }` is not the event's CBV 2.0 hash (the event hashes to `{ $computed }`): the event was changed after its id was computed
reason-no-recorder = missing, and no recorder given for events of other systems (`--recorded-by`)
reason-not-object-event = only `{ $type }` events of other systems are imported
reason-partner-shipping = `shipping` of another system is not imported: a dispatch needs the consignee and the delivery address, which EPCIS does not carry
reason-partner-step = `{ $step }` of another system is not imported (only `receiving`)
reason-ilmd-not-add = EPCIS 2.0 allows `ilmd` only with action ADD
reason-receiving-action = a receiving must be OBSERVE (or ADD with the lot's `ilmd`)
reason-no-acceptor = a receipt needs its acceptors, which EPCIS does not carry: name them with `--acceptor NAME`
reason-receipt-numbers = { $count } entries of type `recadv` (the receipt's number): exactly one is needed
reason-suppliers = { $count } `owning_party` entries (the supplier): exactly one is needed
reason-ilmd-not-object = not an object
reason-not-text = `{ $value }` is not a non-empty string
reason-ilmd-not-date = `{ $value }` is not a date (YYYY-MM-DD)
reason-ilmd-differs = `{ $value }` differs from the { $part } `{ $class }` of `{ $field }`
lot-part-lot = lot
lot-part-production = production date
lot-part-expiry = expiry date
reason-no-quantity-list = missing (the batch and quantity of each line)
reason-ilmd-ambiguous = with several `{ $list }` entries, which line the lot's master data belongs to is ambiguous
reason-epc-list-ambiguous = with several `{ $list }` entries, which line a code belongs to is ambiguous
reason-not-sgtin = `{ $uri }` is not an SGTIN (Digital Link /01/…/21/… or urn:epc:id:sgtin:)
reason-not-lgtin = not a GTIN with its lot (Digital Link /01/…/10/… or urn:epc:class:lgtin:, or a GTIN with `ilmd` `{ $key }`)
reason-gtin-check-digit = GTIN `{ $gtin }` has a wrong check digit
reason-no-lot = no lot (Digital Link `/10/…` or `ilmd` `{ $key }`)
reason-no-date = no { $part } (Digital Link attribute `{ $ai }=YYMMDD` or `ilmd` `{ $key }`)
reason-not-pieces = `{ $uom }` is not H87 (pieces: minimum sale units)
reason-not-whole = not a whole number
reason-supplier-not-party = field `{ $field }` (`owning_party`): not `urn:rxledger:party:` nor a GLN
reason-no-location = missing or not `urn:rxledger:loc:` (the warehouse location)
reason-not-sensor-id = not a { $prefix } id
reason-bad-percent = bad percent-encoding
reason-no-place = missing (a zone, or a vehicle as `{ $field }`)
reason-missing = missing
reason-not-a-number = not a number
reason-not-celsius = `{ $uom }` is not CEL (degrees Celsius)
reason-not-percent = `{ $uom }` is not P1 (percent)
reason-humidity-alone = a humidity without the temperature of its time
reason-not-sensor-type = `{ $type }` is neither { $temperature } nor { $humidity }
reason-not-own-document = not the event's own document
reason-not-pack-action = `{ $action }` is neither ADD (packing) nor DELETE (unpacking)
reason-not-code = not a code (Digital Link /01/…/21/… or urn:rxledger:code:)
reason-not-rfc3339 = not an RFC 3339 instant
reason-no-data = missing on the event's first line
reason-no-owning-party = no owning_party
reason-not-exported-kind = `{ $kind }` is not an exported kind
reason-empty-list = empty
reason-not-batch-class = not a product batch (Digital Link /01/…/10/… or urn:rxledger:class:)
reason-malformed-epc = `{ $uri }`: malformed `{ $scheme }` EPC: { $detail }
epc-no-colon = no `:` between the scheme and its components
epc-components = expected { $n } components separated by `.`
epc-company-prefix = the GS1 company prefix `{ $company }` is not 6 to 12 digits
epc-digits = the company prefix and the reference `{ $reference }` are not { $total } digits together
epc-length = the { $part } `{ $value }` has { $n } characters, not { $min } to { $max }
epc-charset = the { $part } `{ $value }` has a character outside its set at byte { $at }
epc-serial = the serial `{ $value }` is not 1 to 12 digits
epc-not-star = `{ $value }` where the pattern needs `*`
epc-piece-total = the piece `{ $piece }` and total `{ $total }` are not two digits each
epc-part-lot = lot
epc-part-serial = serial
epc-part-extension = extension
epc-part-asset-reference = asset reference
epc-part-consignment-reference = consignment reference
epc-part-component-reference = component reference
epc-part-third-party-serial = third-party serial

## Progress on a terminal.
progress-eta = eta
progress-appended = { $appended } events appended, { $present } already present
