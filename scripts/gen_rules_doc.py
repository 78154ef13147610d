import re, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from rules_examples import EX
src = open('crates/reconcile/src/rules.rs', encoding='utf-8').read()
rules = re.findall(r'RuleInfo \{\s*code: "([^"]+)",\s*severity: Severity::(\w+),\s*title: "([^"]+)",\s*description: "([^"]+)",\s*source: "([^"]+)",\s*thresholds: &\[([^\]]*)\],', src)
cfg = open('crates/reconcile/src/config.rs', encoding='utf-8').read()
out = ['''# Rules

Every rule the reconciliation engine has, in the order of `rxledger rules` (a test keeps the two
in step). Each finding names the rule, its severity, the records involved (`seq`), the party,
product, batch and location where relevant, the expected and actual figures, and one sentence.

Thresholds marked *policy* are not law: they are configurable in the TOML configuration
(`rxledger rules --config-template` prints the defaults; `rxledger check --config FILE`), as are
every rule's severity and whether it is enabled. Legal citations are best effort; where the
source documents were uncertain the threshold is configurable.

Time-dependent findings (UNINVOICED, UNPAID, ORPHAN) become certain when the ledger's clock (the
latest `occurred_at` seen) passes the deadline; at the end of a ledger, open items whose deadline
has not passed are not findings. The engine remembers sales, orders and closed invoices for
`return_window_days` (default 180) and forgets them afterwards, so memory follows open business,
not history.

Each example below is an event sequence that makes the rule fire; `samples/scenarios/` holds
ledgers where each rule fires (the scenario named), with the expected findings and a snapshot of
the report, and `samples/scenarios/clean.jsonl` where none does.
''']
for code, sev, title, desc, source, th in rules:
    out.append(f'## `{code}`: {title}\n')
    out.append(f'- **Severity**: {sev.lower()}')
    out.append(f'- **Checks**: {desc}')
    ths = [t.strip().strip('"') for t in th.split(',') if t.strip()]
    if ths:
        docs = []
        for t in ths:
            m = re.search(r'/// ([^\n]*)\n(?:\s*///[^\n]*\n)*\s*pub ' + t + ':', cfg)
            d = re.search(r'((?:\s*///[^\n]*\n)+)\s*pub ' + t + ':', cfg)
            text = ' '.join(l.strip()[3:].strip() for l in d.group(1).strip().splitlines()) if d else ''
            docs.append(f'`{t}` ({text})')
        out.append('- **Thresholds** (policy): ' + '; '.join(docs))
    else:
        out.append('- **Thresholds**: none (the condition is the law itself)')
    out.append(f'- **Source**: {source}')
    out.append('- **Example**:\n')
    out.append(EX[code] + '\n')
print('\n'.join(out))
