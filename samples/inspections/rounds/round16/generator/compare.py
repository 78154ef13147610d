"""init + append + check --format json for every ledger; compare with its .expected (rule, seq)."""
import json, os, subprocess, sys, tempfile
R = os.environ.get("RXLEDGER", "/work/insp16/bin/rxledger")
OUT = os.path.join(os.path.dirname(__file__), "..", "tool-output")
env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
env.pop("RXLEDGER_ZONE", None)
env.pop("LC_MESSAGES", None)


def run(path):
    name = os.path.basename(path)[:-6]
    with tempfile.TemporaryDirectory() as t:
        L = os.path.join(t, "L")
        subprocess.run([R, "init", L], check=True, env=env, capture_output=True)
        subprocess.run([R, "append", L, path], check=True, env=env, capture_output=True)
        p = subprocess.run([R, "check", L, "--format", "json"], env=env, capture_output=True, text=True)
    open(os.path.join(OUT, name + ".json"), "w").write(p.stdout)
    doc = json.loads(p.stdout)
    got = sorted((f["rule"], f["seq"]) for f in doc["findings"])
    exp = []
    for l in open(path[:-6] + ".expected", encoding="utf-8"):
        if l.strip() and not l.startswith("#"):
            r, s = l.split()
            exp.append((r, int(s)))
    exp.sort()
    ok = got == exp
    print("%s %s exit=%d" % ("ok  " if ok else "DIFF", name[:60], p.returncode))
    if not ok:
        print("   expected:", exp)
        print("   got:     ", got)
    for f in doc["findings"]:
        print("   %-14s %4d %s seqs=%s" % (f["rule"], f["seq"], f["message"], f["seqs"]))
    for f in doc.get("pending", []):
        print("   pending %-14s %4d due %s: %s" % (f["rule"], f["seq"], f["due"], f["message"]))
    return ok


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    res = [run(p) for p in sys.argv[1:]]
    print("%d of %d as expected" % (sum(res), len(res)))
