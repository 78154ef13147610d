"""Round 24 generator: python3 build24.py OUTDIR  (deterministic)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from l270_272 import l270, l271, l272
from l273_274 import l273, l274
from l275_277 import l275, l276, l277
from l278_279 import l278, l279

def main(out):
    os.makedirs(out, exist_ok=True)
    for f in (l270, l271, l272, l273, l274, l275, l276, l277, l278, l279):
        L = f()
        base = L.write(out)
        n = sum(1 for _ in open(base + ".jsonl"))
        print(os.path.basename(base), n, "events")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "ledgers")
