# Messages of the codes rule family (English).

code-format-line = { $count } malformed traceability { $count_plural ->
        [one] code
       *[other] codes
    } on { $product } batch { $batch }, e.g. "{ $code }": { code-error }.
code-format-expected = valid codes
code-format-actual = { $count } malformed
code-format-pack = Aggregation { $doc }: malformed pack code "{ $code }": { code-error }.
code-format-children = Aggregation { $doc }: { $count } malformed code(s), e.g. "{ $code }".

code-dup-received = { $count } unit { $count_plural ->
        [one] code
       *[other] codes
    } of { $product } batch { $batch } received while already in stock (cloned or counterfeit codes), e.g. "{ $code }".
code-dup-received-expected = codes not in stock
code-dup-received-actual = { $count } already in stock
code-dup-moved = { $count } unit { $count_plural ->
        [one] code
       *[other] codes
    } of { $product } batch { $batch } moved after { $count_plural ->
        [one] it
       *[other] they
    } had already left the company (dispatched, returned to the supplier, destroyed or reported lost: moved twice, or a cloned code), e.g. "{ $code }".

code-unknown-returned = { $count } unit { $count_plural ->
        [one] code
       *[other] codes
    } of { $product } batch { $batch } that { $customer } returned in { $doc } { $count_plural ->
        [one] was
       *[other] were
    } not shipped from this ledger, or not within the last { $days } days (the return window), e.g. "{ $code }".
code-unknown-returned-other = { $count } unit { $count_plural ->
        [one] code
       *[other] codes
    } of { $product } batch { $batch } that { $customer } returned in { $doc } { $left ->
        [destroyed] had been destroyed in this ledger, e.g. "{ $code }": a destroyed unit cannot come back.
        [lost] had been reported lost in this ledger, e.g. "{ $code }": a unit reported lost is not returned by a customer.
       *[party] went to { $party }, not to it, e.g. "{ $code }": a return must come from the party the units went to.
    }
code-unknown-moved = { $count } unit { $count_plural ->
        [one] code
       *[other] codes
    } of { $product } batch { $batch } moved from { $location } { $count_plural ->
        [one] was
       *[other] were
    } never received, or left more than { $days } days ago (the return window, after which a code that left is forgotten), e.g. "{ $code }".
code-unknown-packed = Aggregation { $doc } packs { $count } code(s) already in another pack (or reuses pack { $pack }).
code-unknown-unpack = Aggregation { $doc } unpacks { $pack }, which is not a known pack.

# Why a code is malformed ($error), with its detail ($error_ai, $error_gtin, $error_text).
code-error = { $error ->
        [empty] empty code
        [unrecognised] not a 20-digit traceability code nor a GS1 element string
        [unknown_ai] unsupported GS1 application identifier ({ $error_ai })
        [bad_field] GS1 AI ({ $error_ai }): malformed value
        [check_digit] GTIN { $error_gtin }: wrong check digit
        [bad_date] GS1 AI ({ $error_ai }): not a valid YYMMDD date
        [no_gtin] GS1 element string without a GTIN (01)
        [repeated] GS1 AI ({ $error_ai }) appears twice
        [whitespace] white space before or after the code
       *[other] { $error_text }
    }
