#!/usr/bin/env python3
"""Structural checks of the CI outputs written by p4_ci.sh, against docs/findings.md."""
import json, os, re, xml.etree.ElementTree as ET, urllib.parse
os.chdir(os.path.dirname(os.path.abspath(__file__)))
def load(p): return open(p, encoding="utf-8").read()
for n in ("222", "219", "217"):
    print(f"===== {n}")
    out = load(f"ci/{n}.json.out")
    d = json.loads(out)
    head = load(f"ci/verify-{n}.txt").split()[-1]
    print("json: format", d["format"], "ledger", d["ledger"], "records", d["records"], "events", d["events"], "chain_ok", d["chain_ok"],
          "head matches verify:", f"{d['records']}:{d['head']}" == head, "counts", d["counts"], "findings", len(d["findings"]),
          "pending" in d and len(d["pending"]))
    order = [(f["seq"], f["rule"]) for f in d["findings"]]
    print("  findings in (seq, rule) order:", order == sorted(order), "; -o file identical to stdout:", load(f"ci/{n}.file.json") == out,
          "; stdout of -o run empty:", load(f"ci/{n}.json-o.out") == "")
    for f in d["findings"]:
        assert f["seq"] in f["seqs"] and f["seqs"] == sorted(f["seqs"])
    # JUnit
    x = ET.fromstring(load(f"ci/{n}.junit.out"))
    suites = [x] if x.tag == "testsuite" else list(x.iter("testsuite"))
    for s in suites:
        cases = list(s.iter("testcase"))
        failing_cases = [c for c in cases if c.find("failure") is not None]
        nfail_el = sum(len(c.findall("failure")) for c in cases)
        skipped = [c for c in cases if c.find("skipped") is not None]
        print(f"junit suite {s.get('name')}: tests={s.get('tests')} failures={s.get('failures')} skipped={s.get('skipped')} errors={s.get('errors')}"
              f" | counted: testcases={len(cases)} failing testcases={len(failing_cases)} <failure> elements={nfail_el} skipped cases={len(skipped)}")
    if x.tag == "testsuites":
        print("junit root testsuites:", dict(x.attrib))
    fc = [c for c in x.iter("testcase") if c.find("failure") is not None]
    if fc:
        f = fc[0].find("failure"); print("  first failure: classname", fc[0].get("classname"), "name", fc[0].get("name"), "type", f.get("type"), "| body:", (f.text or "")[:160])
    sk = [c for c in x.iter("testcase") if c.find("skipped") is not None]
    if sk:
        s0 = sk[0].find("skipped"); print("  first skipped: classname", sk[0].get("classname"), "name", sk[0].get("name"), "| body:", (s0.text or "")[:200])
    # SARIF
    s = json.loads(load(f"ci/{n}.sarif.out"))
    run = s["runs"][0]; rules = run["tool"]["driver"]["rules"]
    res = run["results"]
    print("sarif:", s.get("version"), s.get("$schema"), "| rules", len(rules), "| results", len(res),
          "| informationUri" in json.dumps(run["tool"]["driver"]), "| driver keys", sorted(run["tool"]["driver"].keys()))
    for r in res:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r
    lv = {}
    for r in res:
        lv.setdefault((r["ruleId"], r.get("kind", "fail"), r.get("level")), 0); lv[(r["ruleId"], r.get("kind", "fail"), r.get("level"))] += 1
    print("  (rule, kind, level) counts:", lv)
    locs = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in res[:3]}
    print("  first locations:", sorted(locs))
    if res:
        print("  first result properties:", res[0].get("properties"))
print("===== SARIF artifact URIs")
for lab in ("219.sarif", "219.sarif-abs", "219.sarif-dotdot", "219.sarif-dot", "219.sarif-colon", "219.sarif-hash", "219.sarif-dir", "219.sarif-dir-abs"):
    s = json.loads(load(f"ci/{lab}.out"))
    uris = sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in s["runs"][0]["results"]})
    arts = s["runs"][0].get("artifacts")
    base = s["runs"][0].get("originalUriBaseIds")
    for u in uris:
        p = urllib.parse.urlsplit(u)
        print(f"{lab:18s} uri={u!r} -> parsed scheme={p.scheme!r} path={urllib.parse.unquote(p.path)!r} fragment={p.fragment!r}")
    if arts or base: print("   artifacts/originalUriBaseIds:", arts, base)
