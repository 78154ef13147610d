#!/usr/bin/env python3
"""Writes the per-kind field tables and examples of docs/format.md from crates/model/src/events.rs
and the bundled sample. Run from the repository root after changing the event model:

    python3 scripts/gen_format_doc.py > /tmp/kinds.md   # then paste into docs/format.md

The test `tests/format_doc.rs` checks that every example in docs/format.md parses and that every
kind has one, so the document cannot drift from the code unnoticed."""
import json, re, sys

src = open('crates/model/src/events.rs', encoding='utf-8').read()
structs = {}
for m in re.finditer(r'((?:\s*///[^\n]*\n)*)\s*#\[derive[^\n]*\n(?:\s*#\[serde[^\n]*\n)?pub struct (\w+) \{(.*?)\n\}', src, re.S):
    doc = ' '.join(l.strip()[3:].strip() for l in m.group(1).strip().splitlines())
    fields = []
    for f in re.finditer(r'((?:\s*///[^\n]*\n)+)((?:\s*#\[serde[^\n]*\n)*)\s*pub (\w+): ([^\n]+),', m.group(3)):
        fdoc = ' '.join(l.strip()[3:].strip() for l in f.group(1).strip().splitlines())
        optional = 'default' in f.group(2) or f.group(4).startswith('Option<')
        fields.append((f.group(3), f.group(4), fdoc, optional))
    structs[m.group(2)] = (doc, fields)

kinds = [('party_registered','PartyRegistered'),('licence_changed','LicenceChanged'),('product_registered','ProductRegistered'),
 ('purchase','Purchase'),('receipt','Receipt'),('put_away','PutAway'),('transfer','Transfer'),('sale','Sale'),
 ('outbound_review','OutboundReview'),('dispatch','Dispatch'),('customer_return','CustomerReturn'),
 ('supplier_return','SupplierReturn'),('destruction','Destruction'),('stock_count','StockCount'),('invoice','Invoice'),
 ('payment','Payment'),('temperature_reading','TemperatureReading'),('loss_report','LossReport'),
 ('aggregation','Aggregation'), ('zone_registered','ZoneRegistered')]

examples = json.load(open(sys.argv[1], encoding='utf-8')) if len(sys.argv) > 1 else {}

def table(name, seen):
    doc, fields = structs[name]
    out = ['| field | type | required | meaning |', '|---|---|---|---|']
    nested = []
    for f, t, d, opt in fields:
        out.append(f'| `{f}` | `{t}` | {"no" if opt else "yes"} | {d} |')
        for inner in re.findall(r'\b([A-Z]\w+)\b', t):
            if inner in structs and inner not in seen:
                seen.add(inner); nested.append(inner)
    res = '\n'.join(out)
    for n in nested:
        res += f'\n\n`{n}`: {structs[n][0]}\n\n' + table(n, seen)
    return res

for kind, name in kinds:
    print(f'### `{kind}`\n\n{structs[name][0]}\n')
    print(table(name, set()))
    if kind in examples:
        print('\n```json\n' + json.dumps(examples[kind], ensure_ascii=False, indent=2) + '\n```\n')

def snake(n):
    return re.sub(r'(?<=[a-z0-9])([A-Z])', r'_\1', n).lower()

print('## Enumerations\n')
for path in ['crates/model/src/types.rs', 'crates/model/src/events.rs']:
    text = open(path, encoding='utf-8').read()
    for m in re.finditer(r'((?:\s*///[^\n]*\n)*)\s*#\[derive[^\n]*\n\s*#\[serde\(rename_all = "snake_case"\)\]\npub enum (\w+) \{(.*?)\n\}', text, re.S):
        doc = ' '.join(l.strip()[3:].strip() for l in m.group(1).strip().splitlines())
        vals = []
        for v in re.finditer(r'((?:\s*///[^\n]*\n)+)(\s*#\[serde\(rename = "(\w+)"\)\]\n)?\s*(\w+),', m.group(3)):
            vdoc = ' '.join(l.strip()[3:].strip() for l in v.group(1).strip().splitlines())
            name = v.group(3) or snake(v.group(4))
            vals.append(f'`{name}` ({vdoc.rstrip(".")})')
        print(f'- `{m.group(2)}`: {doc} One of: ' + ', '.join(vals) + '.')
print()
