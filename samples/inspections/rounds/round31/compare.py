#!/usr/bin/env python3
"""Compare work/NNN/check.*.json with ledgers/NNN-*.expected (RULE SEQ lines, '# seqs:' lines)
and NNN.sentences.expected (LANG RULE SEQ<TAB>substring, checked in json message and text output)."""
import json, glob, os, sys, collections
os.chdir(os.path.dirname(os.path.abspath(__file__)))
ok_all = True
rows = []
for exp in sorted(glob.glob("ledgers/[0-9]*-*.expected")):
    n = os.path.basename(exp)[:3]
    want = collections.Counter(); seqs_want = {}
    for line in open(exp, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# seqs:"):
            r, s, ss = line[len("# seqs:"):].split()[:3]
            seqs_want[(r, int(s))] = [int(x) for x in ss.split(",")]
        elif line and not line.startswith("#"):
            r, s = line.split(); want[(r, int(s))] += 1
    docs = {lang: json.load(open(f"work/{n}/check.{lang}.json", encoding="utf-8")) for lang in ("en", "zh")}
    got = collections.Counter((f["rule"], f["seq"]) for f in docs["en"]["findings"])
    got_zh = collections.Counter((f["rule"], f["seq"]) for f in docs["zh"]["findings"])
    missing = want - got; extra = got - want
    print(f"== {n}: events {docs['en']['events']}, expected {sum(want.values())}, got {sum(got.values())}, exit en={open(f'work/{n}/check.en.json.rc').read().strip()}")
    if got != got_zh: print("  !! en and zh findings differ"); ok_all = False
    for k in sorted(missing): print("  MISSING", *k)
    for k in sorted(extra):
        f = [x for x in docs["en"]["findings"] if (x["rule"], x["seq"]) == k][0]
        print("  EXTRA", *k, "seqs", f["seqs"], "|", f["message"])
    for k, ss in seqs_want.items():
        fs = [x for x in docs["en"]["findings"] if (x["rule"], x["seq"]) == k]
        if fs and fs[0]["seqs"] != ss:
            print("  SEQS", *k, "want", ss, "got", fs[0]["seqs"]); ok_all = False
    for p in docs["en"].get("pending", []):
        print("  pending", p["rule"], p["seq"], p["seqs"], "|", p["message"][:160])
    sent = f"ledgers/{n}.sentences.expected"
    if os.path.exists(sent):
        for line in open(sent, encoding="utf-8"):
            if line.startswith("#") or not line.strip(): continue
            head, sub = line.rstrip("\n").split("\t")
            lang, r, s = head.split()
            fs = [x for x in docs[lang]["findings"] if x["rule"] == r and x["seq"] == int(s)]
            txt = open(f"work/{n}/check.{lang}.txt", encoding="utf-8").read()
            if not fs: print(f"  SENT {lang} {r} {s}: no such finding"); ok_all = False; continue
            inj = sub in fs[0]["message"]; intxt = sub in txt
            if not (inj and intxt):
                print(f"  SENT {lang} {r} {s}: {sub!r} json={inj} text={intxt} :: {fs[0]['message']}"); ok_all = False
    res = "exact" if not missing and not extra else "DIFF"
    if res != "exact": ok_all = False
    rows.append((n, docs["en"]["events"], sum(want.values()), sum(got.values()), res))
print()
print("| ledger | events | expected | got | result |"); print("|---|---|---|---|---|")
for r in rows: print("| %s | %d | %d | %d | %s |" % r)
sys.exit(0 if ok_all else 1)
