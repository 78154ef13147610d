"""Probes of 'a unit listed twice on one line counts once' at its edges (not ledgers)."""
import sys, os, json, subprocess, tempfile
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "generator"))
from build16 import *
R = "/work/insp16/bin/rxledger"
env = dict(os.environ, LC_ALL="C.UTF-8")


def check(L, title):
    L.finalize()
    with tempfile.TemporaryDirectory() as t:
        base = L.write(t, "p")
        subprocess.run([R, "init", t + "/L"], check=True, capture_output=True, env=env)
        a = subprocess.run([R, "append", t + "/L", base + ".jsonl"], capture_output=True, text=True, env=env)
        if a.returncode:
            print("## %s\n   append refused: %s" % (title, a.stderr.strip()))
            return
        p = subprocess.run([R, "check", t + "/L", "--format", "json"], capture_output=True, text=True, env=env)
    doc = json.loads(p.stdout)
    print("## " + title)
    for f in doc["findings"]:
        print("   %s %d %s" % (f["rule"], f["seq"], f["message"]))
    if not doc["findings"]:
        print("   (no findings)")


def base(receipt_codes=None, put=True):
    L = Ledger(299, "probe")
    F = Flow(L)
    F.master(T("2026-07-01 08:30"), [HUAIEN, SHANGCHENG], [MIDA], [ZONE_SP1, ZONE_SP2])
    m = Codes("8104563", 200001).take(20)
    b = F.buy(T("2026-07-01 10:00"), HUAIEN, [(MIDA, "M1", "2026-05-14", "2029-05-13", 20, 860)], None,
              codes={"M1": receipt_codes or m}, prov="32")
    if put:
        F.move("put_away", T("2026-07-02 12:40"), [(MIDA, "M1", 10, "RCV", "SP-1", m[:10]), (MIDA, "M1", 10, "RCV", "SP-2", m[10:])],
               refs={"order": [b["order"]], "receipt": [b["receipt"]]})
    return L, F, m


L, F, m = base()
F.sell(T("2026-07-06 09:00"), SHANGCHENG, [(MIDA, "M1", "2029-05-13", 4, 1050, "SP-1", m[:3] + [m[10]]), (MIDA, "M1", "2029-05-13", 4, 1050, "SP-2", [m[10], m[11], m[12], m[13]])])
check(L, "a) one dispatch, two lines (SP-1, SP-2) of one batch; m11 (held in SP-2) on both lines")

L = Ledger(299, "probe"); F = Flow(L)
F.master(T("2026-07-01 08:30"), [HUAIEN, SHANGCHENG], [MIDA], [ZONE_SP1])
m = Codes("8104563", 200001).take(20)
rc = m[:9] + [m[8]] + m[10:]           # 20 codes, m9 twice, m10 missing
b = F.buy(T("2026-07-01 10:00"), HUAIEN, [(MIDA, "M1", "2026-05-14", "2029-05-13", 20, 860)], None, codes={"M1": rc}, prov="32")
check(L, "b) receipt of 20 listing 20 codes, m9 twice (m10 never scanned); nothing else")

L, F, m = base()
F.loss(T("2026-07-09 11:00"), "theft", T("2026-07-09 07:40"), [(MIDA, "M1", 2, "SP-1", [m[15], m[15]])], REPORTED)
check(L, "c) theft report from SP-1 naming m16 (held in SP-2) twice")

L, F, m = base()
s = F.sell(T("2026-07-06 09:00"), SHANGCHENG, [(MIDA, "M1", "2029-05-13", 5, 1050, "SP-1", m[:5])])
F.customer_return(T("2026-07-08 10:00"), SHANGCHENG, s["sale"], "退药", [(MIDA, "M1", 3, "RET", [m[0], m[0], m[1]])])
F.move("transfer", T("2026-07-09 10:00"), [(MIDA, "M1", 3, "RET", "QA", [m[0], m[1], m[2]])], reason="quarantine")
check(L, "d) return of 3 listing m1, m1, m2 (m3 not scanned), then RET -> QA listing m1, m2, m3")

L, F, m = base()
F.move("transfer", T("2026-07-05 09:00"), [(MIDA, "M1", 12, "SP-1", "QA", m[:12])], reason="quarantine")
F.move("transfer", T("2026-07-05 10:00"), [(MIDA, "M1", 2, "SP-1", "QA", m[12:14])], reason="quarantine")
F.loss(T("2026-07-06 10:00"), "loss", T("2026-07-06 08:00"), [(MIDA, "M1", 1, "SP-1")], REPORTED)
F.destruction(T("2026-07-07 10:00"), "破损", [(MIDA, "M1", 14, "QA", m[:14])], SUPERV)
check(L, "e) STOCK-NEG from below zero by other kinds: 12 and 2 moved out of SP-1 (books 10), then a loss of 1 from SP-1 (no codes)")
