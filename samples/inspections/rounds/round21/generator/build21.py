#!/usr/bin/env python3
"""Round 21 generator: python3 build21.py OUTDIR writes ledgers 256-263 and their .expected files."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from l256_258 import l256, l257, l258
from l259_261 import l259, l260, l261
from l262_263 import l262, l263

def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "ledgers"
    os.makedirs(out, exist_ok=True)
    for f in (l256, l257, l258, l259, l260, l261, l262, l263):
        L, header = f()
        L.write(out, header)
        print(L.name, len(L.events), "events;", len(L.expected), "expected findings")

if __name__ == "__main__":
    main()
