"""Regenerate round 26: python3 generator/build.py (from round26/). Deterministic."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import CONV
import l290, l291, l292, l293, l294, l295

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "ledgers")
imp = os.path.join(root, "imports")
os.makedirs(out, exist_ok=True)
for mod in (l290, l291, l292, l293, l294, l295):
    L = mod.build()
    name, seq = L.write(out, [CONV])
    if hasattr(mod, "write_imports"):
        mod.write_imports(L, imp)
    print(name, len(L.events), "events", len(L.expect), "expected findings")
