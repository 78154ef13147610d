# Words of the reports themselves (English): the text report of `rxledger check`, JUnit bodies.

severity-critical = critical
severity-major = major
severity-minor = minor

# The first line of the text report.
report-head = { $ledger }: { $records } records, { $events } events reconciled, head { $head }
# A rule's heading: $code, $severity, $count of findings, $title.
report-rule = { $code } ({ $severity }, { $count }): { $title }
report-seq = seq
report-figures = expected { $expected }, found { $actual }
report-more = … and { $count } more (use --format json for all)
report-pending-head = Pending: { $count } open { $count_plural ->
        [one] item
       *[other] items
    }, not findings; each becomes a finding when due unless closed first.
report-pending-rule = { $code } pending ({ $severity }, { $count }): { $title }
report-due = due { $due }, closed by { $closed_by }
# `rxledger report`'s line once the file is written: the charts drawn (zones and vehicles with an
# excursion or a recording gap), their close-ups, and the zones and vehicles without either,
# which are rows of one table instead of charts.
report-written = wrote { $path } ({ $bytes } bytes): { $ledgers_plural ->
        [one] { $ledgers } ledger
       *[other] { $ledgers } ledgers
    }, { $findings_plural ->
        [one] { $findings } finding
       *[other] { $findings } findings
    }, { $charts_plural ->
        [one] { $charts } temperature chart
       *[other] { $charts } temperature charts
    } with { $closeups_plural ->
        [one] { $closeups } close-up
       *[other] { $closeups } close-ups
    }, { $quiet } zones and vehicles without excursions or gaps in one table, { $custody_plural ->
        [one] { $custody } custody chain
       *[other] { $custody } custody chains
    }
# The summary table's header and last row.
report-col-rule = rule
report-col-severity = severity
report-col-findings = findings
report-total = total
# The body of a JUnit `skipped` element after the sentence.
junit-due = Due { $due }, closed by { $closed_by }.
# SARIF rule help.
sarif-source = Source: { $source }
# `rxledger rules`: the labels of a rule's lines.
rules-source = source
rules-points-at = points at
rules-thresholds = thresholds
# Names beside ids: a party's registered name, a product's generic name and spec, then the code.
named-party = { $name } ({ $code })
named-product = { $name } { $spec } ({ $code })
named-product-no-spec = { $name } ({ $code })
