"""Print chosen fields of an exported ledger (rxledger export) for comparison with expected.md.
Usage: inspect_export.py FILE [seq ...]  - prints seq, kind, occurred_at, entered_at, id-ms check and data."""
import json, sys
from datetime import datetime, timezone
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
want = set(int(x) for x in sys.argv[2:]) or None
for r in recs:
    if want and r["seq"] not in want:
        continue
    e = r["event"]
    ms = int(e["id"].replace("-", "")[:12], 16)
    occ = datetime.fromisoformat(e["occurred_at"].replace("Z", "+00:00"))
    idok = "id-ms=occurred_at" if ms == int(occ.timestamp() * 1000) else f"id-ms={datetime.fromtimestamp(ms/1000, timezone.utc).isoformat()}"
    print(f"seq {r['seq']}: {e['kind']} occurred_at={e['occurred_at']} entered_at={e.get('entered_at')} {idok} v{e['id'][14]}")
    print("   recorded_by=" + json.dumps(e["recorded_by"], ensure_ascii=False) + (" refs=" + json.dumps(e.get("refs"), ensure_ascii=False) if e.get("refs") else ""))
    print("   data=" + json.dumps(e["data"], ensure_ascii=False))
