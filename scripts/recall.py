#!/usr/bin/env python3
"""Compares `rxledger check --format json` findings with a `gen --manifest` file.

Usage: recall.py MANIFEST.jsonl FINDINGS.json
Prints recall, false positives and misses per rule; exits 1 unless both are perfect."""
import collections, json, sys

planted = collections.Counter()
for line in open(sys.argv[1]):
    if line.strip():
        m = json.loads(line)
        planted[(m['rule'], m['seq'])] += 1
found = collections.Counter((f['rule'], f['seq']) for f in json.load(open(sys.argv[2]))['findings'])
missed = planted - found
extra = found - planted
by_rule = collections.Counter(r for (r, _) in planted.elements())
print(f"planted {sum(planted.values())}, found {sum(found.values())}, missed {sum(missed.values())}, unexpected {sum(extra.values())}")
for rule, n in sorted(by_rule.items()):
    miss = sum(c for (r, _), c in missed.items() if r == rule)
    print(f"  {rule:<14} planted {n:>5}  missed {miss}")
for (r, s), c in sorted(missed.items())[:20]:
    print(f"  MISSED {r} seq {s} x{c}")
for (r, s), c in sorted(extra.items())[:20]:
    print(f"  UNEXPECTED {r} seq {s} x{c}")
sys.exit(0 if not missed and not extra else 1)
