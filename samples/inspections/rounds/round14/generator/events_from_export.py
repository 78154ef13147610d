"""For every cases/*/NN*.jsonl (an exported ledger), write NN*.events.jsonl: the stored events, one per line, in
record order (line N = record N), which `rxledger append` takes (as samples/inspections/*.jsonl), and check that a
fresh ledger appended from it gives the same findings as the export."""
import glob, json, os, subprocess, tempfile
R = os.environ.get("RXLEDGER", "/work/insp14/bin/rxledger")
for p in sorted(glob.glob("cases/*/[0-9][0-9]*.jsonl")):
    if p.endswith(".events.jsonl"):
        continue
    out = p[:-len(".jsonl")] + ".events.jsonl"
    with open(p, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for line in f:
            if line.strip():
                g.write(line[line.index('"event":') + 8:].rstrip("\n")[:-1] + "\n")
    with tempfile.TemporaryDirectory() as t:
        subprocess.run([R, "init", f"{t}/L"], capture_output=True, check=True)
        subprocess.run([R, "append", f"{t}/L", out], capture_output=True, check=True)
        a = json.loads(subprocess.run([R, "check", f"{t}/L", "--format", "json"], capture_output=True, text=True).stdout)
        b = json.loads(subprocess.run([R, "check", p, "--format", "json"], capture_output=True, text=True).stdout)
        fa = sorted((x["rule"], x["seq"]) for x in a["findings"]); fb = sorted((x["rule"], x["seq"]) for x in b["findings"])
        print(("same" if fa == fb else "DIFFERENT"), out, fa)
