# probes on code counting at append and in SPECIAL-CHAIN (copies of ledger 234)
import json, subprocess, glob, os, shutil
BIN = "/work/insp18/bin/rxledger"
src = glob.glob("../ledgers/234-*.jsonl")[0]
L = open(src, encoding="utf-8").read().splitlines()
os.makedirs("W4", exist_ok=True)
ri = next(i for i, l in enumerate(L) if '"kind":"receipt"' in l)
def run(name, lines):
    p = f"W4/{name}.jsonl"; open(p, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    d = f"W4/{name}.L"; shutil.rmtree(d, ignore_errors=True)
    subprocess.run([BIN, "init", d], capture_output=True)
    a = subprocess.run([BIN, "--lang", "en", "append", d, p], capture_output=True, text=True)
    print(f"## {name}\n{(a.stdout + a.stderr).strip()}\nexit {a.returncode}")
    if a.returncode == 0:
        c = subprocess.run([BIN, "--lang", "en", "check", d], capture_output=True, text=True)
        print("\n".join(x for x in c.stdout.splitlines() if x.startswith("  seq") or "expected" in x))
def mod(fn):
    M = L[:]; e = json.loads(M[ri]); fn(e["data"]["lines"][0]); M[ri] = json.dumps(e, ensure_ascii=False, separators=(",", ":")); return M
# a) one unit listed raw and bracketed beyond the quantity: 26 entries, 25 distinct strings, 24 distinct units
def a(l):
    c = l["codes"][0]; gt = c[5:19]; l["codes"].append(f"(01){gt}(17)280731(10)Z26081(21)D00001")
run("a-same-unit-two-spellings-beyond-quantity", mod(a))
# b) 25 different units for 24 arrived
def b(l): l["codes"].append(l["codes"][0].replace("D00001", "D00099"))
run("b-25-different-units-for-24-arrived", mod(b))
# c) 24 arrived, 22 accepted, 2 rejected, 24 codes (the rejected units scanned too)
def c(l): l["accepted"] = 22; l["rejected"] = 2; l["reject_reason"] = "破损"
run("c-22-accepted-24-codes", mod(c))
