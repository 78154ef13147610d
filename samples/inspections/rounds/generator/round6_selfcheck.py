"""My own sanity checks of the written ledgers (not the engine): every controlled movement line carries one
code per unit, no code listed twice in a line, invoice totals add up, readings are in time order."""
import json, glob, sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from lib3 import CODED
for f in sorted(glob.glob(__file__.rsplit("/", 3)[0] + "/*.jsonl")):
    prods = set()
    for i, l in enumerate(open(f), 1):
        e = json.loads(l); d = e["data"]
        if e["kind"] in ("receipt", "put_away", "transfer", "dispatch", "customer_return", "destruction", "loss_report"):
            for ln in d["lines"]:
                q = ln.get("accepted", ln.get("quantity"))
                if ln["product"] in CODED:
                    assert len(ln.get("codes", [])) == q, (f, i)
                    assert len(set(ln["codes"])) == q, (f, i)
        if e["kind"] == "invoice":
            assert sum(x["amount"]["minor"] for x in d["lines"]) == d["total"]["minor"]
        if e["kind"] == "temperature_reading":
            from datetime import datetime
            ts = [datetime.fromisoformat(r["at"].replace("Z", "+00:00")) for r in d["readings"]]
            assert ts == sorted(ts) and ts[-1] <= datetime.fromisoformat(e["occurred_at"].replace("Z", "+00:00")), (f, i)
    print("ok", f.rsplit("/", 1)[1])
