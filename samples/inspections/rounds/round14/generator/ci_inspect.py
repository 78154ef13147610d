"""Print what a CI reads from rxledger's SARIF / JUnit / JSON outputs (case 11).
  sarif FILE | junit FILE | json FILE"""
import json, sys
import xml.etree.ElementTree as ET
kind, path = sys.argv[1], sys.argv[2]
if kind == "sarif":
    d = json.load(open(path, encoding="utf-8"))
    run = d["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    print("version", d.get("version"), "| rules", len(rules), "| results", len(run.get("results", [])))
    ids = [r["id"] for r in rules]
    for r in run.get("results", []):
        loc = r.get("locations", [{}])[0].get("physicalLocation", {})
        uri = loc.get("artifactLocation", {}).get("uri", "")
        uri = "…/" + uri.split("/")[-1] if "/" in uri else uri
        ri = r.get("ruleIndex")
        print(f"  {r['ruleId']:<12} level={r.get('level')} kind={r.get('kind', '-')} ruleIndex-ok={ri is not None and ids[ri] == r['ruleId']}"
              f" uri={uri} line={loc.get('region', {}).get('startLine')} props={json.dumps(r.get('properties', {}), ensure_ascii=False)[:160]}")
    if rules:
        r0 = [r for r in rules if r["id"] == "TTGK-P"] or rules[:1]
        print("  rule TTGK-P:", json.dumps({k: r0[0].get(k) for k in ("id", "name", "defaultConfiguration")}, ensure_ascii=False),
              "| has help:", bool(r0[0].get("help")), "| has shortDescription:", bool(r0[0].get("shortDescription")))
elif kind == "junit":
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    print("root", root.tag, {k: v for k, v in root.attrib.items() if k in ("tests", "failures", "skipped", "errors", "name")})
    for s in suites:
        cases = s.findall("testcase")
        print(" suite", {k: v for k, v in s.attrib.items() if k in ("name", "tests", "failures", "skipped", "errors")}, "testcases", len(cases))
        for c in cases:
            f = c.findall("failure"); sk = c.findall("skipped")
            if f or sk:
                print(f"  case classname={c.get('classname')} name={c.get('name')} failures={len(f)} skipped={len(sk)}")
                for x in f + sk:
                    body = (x.text or "").strip().splitlines()
                    print(f"    <{x.tag} type={x.get('type')}> message={x.get('message', '')[:90]!r}")
                    print(f"      body={body[0][:200] if body else ''!r}")
elif kind == "json":
    d = json.load(open(path, encoding="utf-8"))
    docs = d if isinstance(d, list) else [d]
    for d in docs:
        print({k: d[k] for k in ("format", "records", "chain_ok", "events", "counts")}, "ledger=" + d["ledger"].split("/")[-1])
        for f in d["findings"]:
            print(f"  finding {f['rule']} {f['severity']} seq={f['seq']} seqs={f['seqs']} id={f['message_id']}")
        for p in d.get("pending", []):
            print(f"  pending {p['rule']} {p['severity']} seq={p['seq']} due={p['due']} closed_by={p.get('closed_by', '')[:60]!r}")
