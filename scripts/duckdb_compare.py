#!/usr/bin/env python3
"""What a user might do instead of `rxledger check` with SQL: load the events of an exported
ledger into DuckDB with an explicit schema and run two reconciliation queries. Driven by
scripts/duckdb_compare.sh (which makes the virtual environment and the input); see its header
for what is loaded and what the queries compute.

Each round: a fresh in-memory database (SET threads=N), load, query 1, query 2, each timed
(wall); then, if --rxledger is given, `rxledger check FILE --format json` on the same file as a
whole process, so the two are measured in turn. Prints the medians and the query results.
"""

import argparse
import statistics
import subprocess
import sys
import time

import duckdb

# Only the fields the two queries read; every record line is still read and parsed whole.
# Keys not named in a STRUCT (temperature readings, parties, codes, …) are skipped by the reader.
LOAD = """
CREATE TABLE records AS
SELECT * FROM read_json(?, format = 'newline_delimited', columns = {
  'seq': 'BIGINT',
  'event': 'STRUCT(
     id UUID,
     kind VARCHAR,
     occurred_at TIMESTAMPTZ,
     data STRUCT(
       doc VARCHAR,
       lines STRUCT(
         product VARCHAR, batch VARCHAR, quantity BIGINT, accepted BIGINT,
         location VARCHAR, "from" VARCHAR, "to" VARCHAR)[],
       direction VARCHAR,
       credit_for VARCHAR,
       total STRUCT(minor BIGINT, currency VARCHAR),
       amount STRUCT(minor BIGINT, currency VARCHAR),
       invoices VARCHAR[]))'
})
"""

# (i) Stock with a running balance per product, batch and location, in ledger order.
STOCK = """
WITH lines AS (
  SELECT seq, event.kind AS kind, unnest(event.data.lines) AS l
  FROM records
  WHERE event.kind IN ('receipt', 'put_away', 'transfer', 'customer_return', 'dispatch',
                       'supplier_return', 'destruction', 'loss_report')
),
moves AS (
  SELECT seq, l.product AS product, l.batch AS batch, l.location AS location, l.accepted AS qty
  FROM lines WHERE kind = 'receipt' AND l.accepted > 0
  UNION ALL
  SELECT seq, l.product, l.batch, l."from", -l.quantity
  FROM lines WHERE kind IN ('put_away', 'transfer', 'dispatch', 'supplier_return', 'destruction',
                            'loss_report')
  UNION ALL
  SELECT seq, l.product, l.batch, l."to", l.quantity
  FROM lines WHERE kind IN ('put_away', 'transfer', 'customer_return')
),
running AS (
  SELECT product, batch, location, seq, qty,
         sum(qty) OVER (PARTITION BY product, batch, location ORDER BY seq) AS balance
  FROM moves
),
positions AS (
  SELECT product, batch, location, arg_max(balance, seq) AS final, min(balance) AS lowest
  FROM running GROUP BY ALL
)
SELECT
  (SELECT count(*) FROM running) AS movements,
  count(*) AS positions,
  (SELECT count(*) FROM running WHERE balance < 0) AS movements_leaving_negative_stock,
  count(*) FILTER (WHERE lowest < 0) AS positions_ever_negative,
  count(*) FILTER (WHERE final <> 0) AS positions_with_stock,
  sum(final) AS units_in_stock
FROM positions
"""

# (ii) Invoice against payment totals per invoice.
INVOICES = """
WITH docs AS (
  SELECT event.data.doc AS doc, any_value(event.data.credit_for) AS credit_for,
         sum(event.data.total.minor) AS total
  FROM records WHERE event.kind = 'invoice' GROUP BY 1
),
pay_lines AS (
  SELECT seq, event.data.amount.minor AS amount, len(event.data.invoices) AS n,
         generate_subscripts(event.data.invoices, 1) AS k, unnest(event.data.invoices) AS doc
  FROM records WHERE event.kind = 'payment'
),
alloc AS (
  SELECT p.*, d.doc IS NOT NULL AS known, coalesce(d.total, 0) AS due,
         coalesce(sum(coalesce(d.total, 0)) OVER (PARTITION BY p.seq ORDER BY p.k
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM pay_lines p LEFT JOIN docs d USING (doc)
),
paid AS (
  SELECT doc, bool_or(known) AS known,
         sum(CASE WHEN k < n THEN greatest(0, least(due, amount - before))
                  ELSE greatest(0, amount - before) END) AS paid
  FROM alloc GROUP BY doc
),
per_invoice AS (
  SELECT coalesce(d.credit_for, d.doc) AS invoice,
         sum(CASE WHEN d.credit_for IS NULL THEN d.total ELSE -d.total END) AS invoiced,
         sum(CASE WHEN d.credit_for IS NULL THEN 1 ELSE -1 END * coalesce(p.paid, 0)) AS paid
  FROM docs d LEFT JOIN paid p USING (doc) GROUP BY 1
)
SELECT count(*) AS invoices,
       count(*) FILTER (WHERE paid = invoiced) AS settled,
       count(*) FILTER (WHERE paid = 0 AND invoiced <> 0) AS unpaid,
       count(*) FILTER (WHERE paid > 0 AND paid < invoiced) AS part_paid,
       count(*) FILTER (WHERE paid > invoiced) AS overpaid,
       sum(invoiced) AS invoiced_minor,
       sum(paid) AS paid_minor,
       (SELECT count(*) FROM paid WHERE NOT known) AS paid_documents_not_invoiced
FROM per_invoice
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ledger", help="exported ledger (.jsonl)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rxledger", help="also time `rxledger check` with this binary")
    a = ap.parse_args()
    times = {"load": [], "stock": [], "invoices": [], "total": [], "check": []}
    results = {}
    for rnd in range(1, a.reps + 1):
        con = duckdb.connect(":memory:")
        con.execute(f"SET threads = {a.threads}")
        t0 = time.monotonic()
        con.execute(LOAD, [a.ledger])
        t1 = time.monotonic()
        stock = con.execute(STOCK)
        results["stock"] = (stock.description, stock.fetchall())
        t2 = time.monotonic()
        inv = con.execute(INVOICES)
        results["invoices"] = (inv.description, inv.fetchall())
        t3 = time.monotonic()
        results["records"] = con.execute("SELECT count(*) FROM records").fetchone()[0]
        con.close()
        for k, v in (("load", t1 - t0), ("stock", t2 - t1), ("invoices", t3 - t2),
                     ("total", t3 - t0)):
            times[k].append(v)
        line = f"round {rnd}/{a.reps}: load {t1 - t0:.2f} s, stock {t2 - t1:.2f} s, " \
               f"invoices {t3 - t2:.2f} s"
        if a.rxledger:
            t4 = time.monotonic()
            p = subprocess.run(
                [a.rxledger, "check", a.ledger, "--format", "json", "-o", "/dev/null"],
                stderr=subprocess.PIPE,
            )
            if p.returncode not in (0, 1):
                sys.exit(f"duckdb_compare.py: rxledger check exited with {p.returncode}:\n"
                         f"{p.stderr.decode(errors='replace')[-2000:]}")
            times["check"].append(time.monotonic() - t4)
            line += f"; rxledger check {times['check'][-1]:.2f} s"
        print(line, file=sys.stderr)

    med = {k: statistics.median(v) for k, v in times.items() if v}
    n = results["records"]
    print(f"DuckDB {duckdb.__version__}, threads={a.threads}, {n:,} events, "
          f"{a.reps} rounds, medians (wall)")
    print()
    print("| step | wall | events/s |")
    print("|---|---:|---:|")
    for k, what in (("load", "load (explicit schema)"),
                    ("stock", "(i) stock, running balance per product/batch/location"),
                    ("invoices", "(ii) invoice vs payment totals per invoice"),
                    ("total", "DuckDB: load + both queries"),
                    ("check", "`rxledger check --format json`, same file, in turn")):
        if k in med:
            print(f"| {what} | {med[k]:.2f} s | {n / med[k]:,.0f} |")
    if "check" in med:
        ratios = [d / c for d, c in zip(times["total"], times["check"])]
        print()
        print(f"DuckDB (load + queries) / rxledger check: {statistics.median(ratios):.2f}x "
              "(median of the per-round ratios; above 1: rxledger is faster)")
    for name in ("stock", "invoices"):
        desc, rows = results[name]
        print()
        print(f"{name}: " + ", ".join(f"{d[0]} {v:,}" if isinstance(v, int) else f"{d[0]} {v}"
                                      for d, v in zip(desc, rows[0])))


if __name__ == "__main__":
    main()
