# Exported ledger -> "seq occurred(+08:00) kind doc" lines, to compare with plan.txt.
import json, sys, signal, datetime as dt
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
tz = dt.timezone(dt.timedelta(hours=8))
first = int(sys.argv[2]) if len(sys.argv) > 2 else 1
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line); e = r["event"]
    if r["seq"] < first: continue
    occ = dt.datetime.fromisoformat(e["occurred_at"].replace("Z", "+00:00")).astimezone(tz).strftime("%Y-%m-%d %H:%M")
    print("%4d %s %-15s %s" % (r["seq"], occ, e["kind"], e["data"].get("doc", "")))
