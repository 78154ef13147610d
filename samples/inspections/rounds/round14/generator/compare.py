"""Compare every cases/*/*.expected with the findings of `rxledger check <same name>.jsonl --format json`
(rule and seq, as a multiset). Run after run_all.sh, from round14/."""
import collections, glob, json, os, subprocess, sys
R = os.environ.get("RXLEDGER", "/work/insp14/bin/rxledger")
ok_all = True
for exp in sorted(glob.glob("cases/*/*.expected")):
    led = exp[:-len(".expected")] + ".jsonl"
    want = collections.Counter()
    for line in open(exp, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            r, s = line.split()
            want[(r, int(s))] += 1
    out = subprocess.run([R, "check", led, "--format", "json"], capture_output=True, text=True)
    d = json.loads(out.stdout)
    got = collections.Counter((f["rule"], f["seq"]) for f in d["findings"])
    # a rule may give several findings at one record (one per line/batch): compare the set of (rule, seq)
    same = set(want) == set(got)
    ok_all &= same
    print(f"{'ok ' if same else 'DIFF'} {os.path.relpath(exp, 'cases'):<75} expected {sorted(want)}  got {sorted(got.items())}  exit {out.returncode}")
sys.exit(0 if ok_all else 1)
