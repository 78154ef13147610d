import json, xml.etree.ElementTree as ET, os, sys
D = "ci"
LV = {"critical": "error", "major": "warning", "minor": "note"}


def sarif(path, jsonpath=None):
    s = json.load(open(path))
    errs = []
    assert s["version"] == "2.1.0", s["version"]
    if "$schema" not in s:
        errs.append("no $schema")
    run = s["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    for r in rules:
        for k in ("id", "shortDescription", "fullDescription", "defaultConfiguration"):
            if k not in r:
                errs.append("rule %s lacks %s" % (r.get("id"), k))
    res = run.get("results", [])
    sev = {}
    if jsonpath:
        j = json.load(open(jsonpath))
        sev = {(f["rule"], f["seq"]): f for f in j["findings"]}
    for r in res:
        if ids[r["ruleIndex"]] != r["ruleId"]:
            errs.append("ruleIndex mismatch %s" % r["ruleId"])
        if r.get("kind") == "open":
            if r["level"] != "none":
                errs.append("open result level %s" % r["level"])
        loc = r["locations"][0]["physicalLocation"]
        seq = r["properties"]["seqs"]
        if sev:
            f = [v for (rule, sq), v in sev.items() if rule == r["ruleId"] and sq in seq]
            if f and LV[f[0]["severity"]] != r["level"]:
                errs.append("level %s for %s" % (r["level"], f[0]["severity"]))
        print("   %-14s %-8s %-5s %s:%s seqs=%s  %s" % (r["ruleId"], r["level"], r.get("kind", "-"), os.path.basename(loc["artifactLocation"]["uri"]),
                                               loc["region"]["startLine"], seq, r["message"]["text"][:70]))
    print("  %s: %d rules, %d results, errors: %s" % (path, len(rules), len(res), errs or "none"))
    return s


def junit(path):
    t = ET.parse(path).getroot()
    suites = [t] + list(t.iter("testsuite"))
    cases = list(t.iter("testcase"))
    nf = sum(len(c.findall("failure")) for c in cases)
    nfc = sum(1 for c in cases if c.findall("failure"))
    ns = sum(1 for c in cases if c.findall("skipped"))
    print("  %s: root tests=%s failures=%s skipped=%s; %d testcases, %d <failure> in %d testcases, %d skipped" % (
        path, t.get("tests"), t.get("failures"), t.get("skipped"), len(cases), nf, nfc, ns))
    for c in cases:
        for f in c.findall("failure"):
            print("   %s type=%s | %s" % (c.get("name"), f.get("type"), (f.text or "")[:110]))


for n in ("210", "210cut", "203", "205"):
    print("==", n)
    sarif(os.path.join(D, n + ".sarif.o"), os.path.join(D, n + ".json.o"))
    junit(os.path.join(D, n + ".junit.o"))
print("== exported 203 (x203)")
open("/tmp/x203.sarif", "w").write(open(os.path.join(D, "x203.sarif.out")).read())
sarif("/tmp/x203.sarif", os.path.join(D, "203.json.o"))
open("/tmp/x203.junit", "w").write(open(os.path.join(D, "x203.junit.out")).read())
junit("/tmp/x203.junit")
print("== 203 zh")
s = json.load(open(os.path.join(D, "203.sarif.zh.out")))
r0 = s["runs"][0]["tool"]["driver"]["rules"]
sc = [r for r in r0 if r["id"] == "SPECIAL-CHAIN"][0]
print("  SPECIAL-CHAIN rule:", json.dumps(sc, ensure_ascii=False)[:600])
print("  result 0:", s["runs"][0]["results"][0]["message"]["text"])
# json -o equals stdout json
a = json.load(open(os.path.join(D, "203.json.o"))); b = json.load(open(os.path.join(D, "203.json.out")))
print("json -o == stdout:", a == b)
