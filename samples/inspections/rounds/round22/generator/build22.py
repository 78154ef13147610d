#!/usr/bin/env python3
"""build22.py OUTDIR: writes inspection ledgers 264-269 with .expected files (deterministic)."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib22 import write
from l264_265 import l264, l265
from l266_267 import l266, l267
from l268_269 import l268, l269

out = sys.argv[1] if len(sys.argv) > 1 else "ledgers"
for f in (l264, l265, l266, l267, l268, l269):
    name, lines, hdr, exp = f()
    write(out, name, lines, hdr, exp)
    print(name, len(lines), "events;", ", ".join("%s %d" % e for e in exp))
