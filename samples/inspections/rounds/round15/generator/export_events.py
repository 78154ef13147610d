# Exported ledger (records, one per line) -> event lines (each record's `event`), for `rxledger append`.
import json, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as g:
    for line in f:
        if line.strip():
            g.write(json.dumps(json.loads(line)["event"], ensure_ascii=False, separators=(",", ":")) + "\n")
