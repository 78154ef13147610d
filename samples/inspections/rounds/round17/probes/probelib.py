import json, subprocess, tempfile, os, glob
BIN = "/work/insp17/bin/rxledger"
def ledger(n):
    return open(glob.glob(f"/work/insp17/round17/ledgers/{n}-*.jsonl")[0], encoding="utf-8").read().splitlines()
def dump(e):
    return json.dumps(e, ensure_ascii=False, separators=(',', ':'))
def check(lines, args=(), lang="en"):
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "x.jsonl"); open(p, "w").write("\n".join(lines) + "\n")
        L = os.path.join(d, "L")
        subprocess.run([BIN, "init", L], check=True, capture_output=True)
        a = subprocess.run([BIN, "append", L, p], capture_output=True, text=True)
        if a.returncode:
            return {"append_error": a.stderr.strip(), "rc": a.returncode}
        c = subprocess.run([BIN, "check", L, "--format", "json", "--lang", lang, *args], capture_output=True, text=True)
        return json.loads(c.stdout)
def show(doc, rules=None, label=""):
    print(f"== {label}")
    if "append_error" in doc:
        print("   append refused:", doc["append_error"]); return
    fs = [f for f in doc["findings"] if rules is None or f["rule"] in rules]
    for f in fs:
        print(f"   {f['rule']} {f['seq']}: {f['message']}")
    if not fs:
        print("   (none)")
