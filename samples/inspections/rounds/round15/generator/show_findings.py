# Reads `rxledger check --format json` on stdin; prints "RULE SEQ seqs: message" per finding and the pending items.
import json, sys
doc = json.load(sys.stdin)
docs = doc if isinstance(doc, list) else [doc]
for d in docs:
    print("records=%s events=%s chain_ok=%s counts=%s" % (d["records"], d["events"], d["chain_ok"], json.dumps(d["counts"], ensure_ascii=False)))
    for f in d["findings"]:
        print("  %s %d %s: %s" % (f["rule"], f["seq"], f["seqs"], f["message"]))
    for p in d.get("pending", []):
        print("  pending %s %d due %s: %s" % (p["rule"], p["seq"], p["due"], p["message"]))
