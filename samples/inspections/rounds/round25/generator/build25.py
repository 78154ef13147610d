import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from l280_281 import l280, l281
from l282_283 import l282, l283
from l284_287 import l284, l285
from l286_287 import l286, l287
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ledgers")
os.makedirs(out, exist_ok=True)
for f in (l280, l281, l282, l283, l284, l285, l286, l287):
    L = f(out)
    kind = "VIOLATION" if L.expected else "LEGITIMATE"
    b = L.write(out, kind)
    print(os.path.basename(b), len(L.events), "events", len(L.expected), "expected")
