files = {
"01.expected": """# 197 LEGITIMATE (round 15 import case 01, ledger A): October 2026 of 浙江瑞禾医药 imported from two exports of one period together, goods (GB18030, CRLF) and finance (UTF-8 with BOM), appended in one time order
# note: inputs, mappings and commands in round15/cases/01-one-period-goods-and-finance-together-and-apart/ (run.sh, plan.txt); this file holds the exported ledger's events (line N = record N)
# note: the 月结 invoice of 30 Oct for three sales of October is unpaid at the end of the period: an open UNPAID item (pending), not a finding; the first goods of 1 Oct are invoiced within 30 days
# why: import.md Order: 'import each period's exports together, in one import'; 'Within one import, the events are appended in the order of their occurred_at (documents of the same instant in the order of their first rows, and of the files as named)'; rules.md UNINVOICED, ORPHAN, UNPAID: every deadline met on the ledger's clock
""",
"01-B.expected": """# 197-B (case 01, goods imported first, then finance): the first goods of 1 Oct are judged before their invoices are read
# why: rules.md intro: deadlines 'become certain when the ledger's clock (the latest occurred_at seen) passes the deadline'; the counts of 31 Oct 17:00 pass 31 Oct 14:00 and 15:30; import.md 'Goods then finance, one month at a time, is therefore wrong'; UNINVOICED Points at 'the first goods movement of the order or sale'
UNINVOICED 11
UNINVOICED 15
""",
"01-C.expected": """# 197-C (case 01, finance imported first, then goods): the purchase invoice of 1 Oct 14:10 waits for its goods past 31 Oct 14:10 (the chain's payment of 31 Oct 16:00 moves the clock)
# why: rules.md ORPHAN 'An invoice whose order or sale has no goods movement ... within the threshold' (orphan_days 30); TTGK-P 'An invoice booked before its goods (先票后货) is no excess: its quantities wait for the goods (an ORPHAN if none move within orphan_days)'; import.md 'Finance first is wrong too'
ORPHAN 10
""",
"01-D.expected": """# 197-D (case 01, together, files named finance first): quiet; the tie at 15 Oct 10:00:00 goes to the finance file (invoice seq 26, dispatch seq 27)
# why: import.md 'documents of the same instant in the order of their first rows, and of the files as named'; TTGK-S 'An invoice booked before the dispatch waits for it'
""",
}
for k, v in files.items():
    open(k, "w", encoding="utf-8").write(v)
