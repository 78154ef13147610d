# Probe p2: one-change variants of the round-15 ledgers around changes (1) and (2). Not ledgers: each variant
# is appended to a fresh ledger and checked; the findings are printed. python3 p2_variants.py > p2_variants.out
import copy, glob, json, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "generator"))
from lib15 import Ids
R = "/work/insp15/bin/rxledger"
LED = os.path.join(os.path.dirname(__file__), "..", "ledgers")
env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
ids = Ids("r15-probe-p2")


def load(n):
    return [json.loads(l) for l in open(glob.glob(os.path.join(LED, "%d-*.jsonl" % n))[0], encoding="utf-8")]


def run(title, evs):
    print("\n### " + title)
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "e.jsonl")
        with open(f, "w", encoding="utf-8") as g:
            for e in evs:
                g.write(json.dumps(e, ensure_ascii=False) + "\n")
        subprocess.run([R, "init", d + "/L"], capture_output=True, env=env)
        a = subprocess.run([R, "append", d + "/L", f], capture_output=True, text=True, env=env)
        if a.returncode:
            print("append exit %d: %s" % (a.returncode, (a.stderr or a.stdout).strip().replace(d, "$T")))
            return
        c = subprocess.run([R, "check", d + "/L", "--format", "json"], capture_output=True, text=True, env=env)
        doc = json.loads(c.stdout)
        print("check exit %d, %d findings" % (c.returncode, len(doc["findings"])))
        for x in doc["findings"]:
            print("  %s %d: %s" % (x["rule"], x["seq"], x["message"]))


def new_id(e):
    e["id"] = ids.uuid7(__import__("datetime").datetime.fromisoformat(e["entered_at"]))
    return e


# a) 188's destruction: 4 units of batch B with 4 codes, one of them listed twice (3 distinct)
L = load(187)
x = L[30]; assert x["kind"] == "destruction"
cs = x["data"]["lines"][1]["codes"]
x["data"]["lines"][1]["codes"] = cs[:3] + [cs[2]]
run("a) 187, destruction line of 4 units listing 4 codes, one of them twice (3 distinct)", L)

# b) 187's destruction lists the opened case 2's own code for its 3 loose units instead of their unit codes
L = load(187)
case2 = L[22]["data"]["parent"]; assert L[22]["data"]["action"] == "unpack"
L[29]["data"]["lines"][0]["codes"] = L[29]["data"]["lines"][0]["codes"][:3] + [case2]   # quarantine transfer
L[30]["data"]["lines"][0]["codes"] = L[30]["data"]["lines"][0]["codes"][:3] + [case2]   # destruction
run("b) 187, the 3 loose units of the opened case 2 moved to QA and destroyed under the opened case's code", L)

# c) 187 + the hospital returns one unit of the case it got whole (by the unit's own code), then it is destroyed
L = load(187)
case1 = L[18]["data"]["lines"][0]["codes"][0]
unit = L[8]["data"]["children"][4]
ret = copy.deepcopy(L[27]); ret["kind"] = "customer_return"; ret["occurred_at"] = "2026-03-10T14:00:00+08:00"; ret["entered_at"] = "2026-03-10T14:05:00+08:00"
ret["refs"] = {"sale": ["XS2026012000001"]}
ret["data"] = {"doc": "TH2026031000001", "customer": L[2]["data"]["party"], "reason": "安瓿外观异常退回1支",
               "lines": [{"product": L[4]["data"]["product"], "batch": "M2407015", "quantity": 1, "to": "RET", "codes": [unit]}]}
L.insert(29, new_id(ret))
run("c) 187 + a return (by unit code) of one unit of the case shipped whole by its case code", L)

# d) as c) but the return lists the case code itself for 1 unit
L2 = copy.deepcopy(L)
L2[29]["data"]["lines"][0]["codes"] = [case1]
run("d) as c) but the return line (1 unit) lists the case code (10 units)", L2)

# e) 191: the loss report of 2 units names a code already shipped to 拱宸 (it had left)
L = load(191)
shipped = L[13]["data"]["lines"][0]["codes"][5]
L[18]["data"]["lines"][0]["codes"] = [shipped]
run("e) 191, the loss report names a code shipped on seq 14 (left)", L)

# f) 191: the loss report of 2 units names 3 codes (more codes than units)
L = load(191)
pool = L[8]["data"]["lines"][0]["codes"]
L[18]["data"]["lines"][0]["codes"] = [pool[44], pool[89], pool[88]]
run("f) 191, the loss report of 2 units names 3 codes", L)

# g) 191: the theft report names no code but the later dispatch ships 40 units with 39 codes
L = load(191)
L[22]["data"]["lines"][0]["codes"] = L[22]["data"]["lines"][0]["codes"][:39]
run("g) 191, control: the dispatch of 40 lists 39 codes (unchanged rule)", L)

# h) 192: the compound-ephedrine customer return lists 1 code for 20 units; its destruction-like path unchanged
L = load(192)
L[25]["data"]["lines"][0]["codes"] = ["81033290002604050017"]
run("h) 192, compound ephedrine return of 20 with 1 code (not held to codes)", L)

# i) 192: the 阿莫西林 destruction lists 5 codes for 24 units (ordinary drug, codes optional)
L = load(192)
L[32]["data"]["lines"][0]["codes"] = ["8103310000%010d" % i for i in range(1, 6)]
run("i) 192, ordinary drug destroyed with 5 codes for 24 units", L)

# j) 190 variant: the return without codes, then released RET -> SP-1 with codes and resold instead of returned to the supplier
L = load(190)
sr = L[18]; assert sr["kind"] == "supplier_return"
rel = copy.deepcopy(L[16]); rel["data"]["doc"] = "FX2026042300001"; rel["data"]["reason"] = "release"
rel["occurred_at"] = "2026-04-23T10:00:00+08:00"; rel["entered_at"] = "2026-04-23T10:05:00+08:00"
rel["data"]["lines"] = [{"product": sr["data"]["lines"][1]["product"], "batch": "M2601088", "quantity": 4, "from": "RET", "to": "SP-1",
                         "codes": sr["data"]["lines"][1]["codes"]}]
L[18] = new_id(rel)
L = L[:19]
run("j) 190 cut after the return: the 4 returned units (no codes on the return) released RET -> SP-1 with their codes", L)

# k) 194: return A lists the unknown code first and the shipped code second
L = load(194)
c = L[15]["data"]["lines"][0]["codes"]
L[15]["data"]["lines"][0]["codes"] = [c[1], c[0]]
run("k) 194, return A with the never-received code first", L)

# l) 194: return A lists two never-received codes
L = load(194)
c = L[15]["data"]["lines"][0]["codes"]
L[15]["data"]["lines"][0]["codes"] = [c[1], c[1][:-5] + "29999"[:5]]
run("l) 194, return A with two never-received codes", L)

# m) 189: the hospital's return of 5 lists 5 codes, the 5th a repeat of the 4th (one unit not scanned, one scanned twice)
L = load(189)
c = L[15]["data"]["lines"][0]["codes"]
L[15]["data"]["lines"][0]["codes"] = c[:4] + [c[3]]
L[16]["data"]["lines"][0]["codes"] = c[:4] + [c[3]]
L[21]["data"]["lines"][0]["codes"] = c[:4] + [c[3]] + L[21]["data"]["lines"][0]["codes"][5:]
run("m) 189, return of 5 with the 4th code scanned twice (the 5th unit not scanned), released and resold likewise", L)

# n) 193 without its three planted errors, except: the 6 May dispatch lists one unit of the still-packed case 4
#    (instead of a case-3 unit), and the relocation then moves cases 4 and 5 by their case codes
L = load(193)
u3 = L[34]["data"]["children"]            # unpack of case 3 (line 35)
case4, case5 = L[13]["data"]["parent"], L[14]["data"]["parent"]
c4child = L[13]["data"]["children"][6]
d2 = L[31]["data"]["lines"][0]["codes"]; d2[-1] = L[24]["data"]["children"][9]     # line 32: the really shipped unit
L[36]["data"]["lines"][0]["codes"] = [u3[0], c4child, u3[1], u3[2], u3[3]]          # line 37
L[38]["data"]["lines"][0]["codes"] = [case4, case5]                                  # line 39
run("n) 193 repaired, but line 37 ships a unit of the still-packed case 4 (2nd code) and line 39 moves cases 4 and 5", L)
