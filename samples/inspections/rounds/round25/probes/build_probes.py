"""Round 25 probes. Each function states its expectation (from the docs) before the run."""
import sys, os, json
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "generator"))
from common import *
from l284_287 import TOXIC
D = dt.timedelta
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ledgers")


def p901():
    """Returned goods re-accepted and put away. Expect (rules.md ACC-GATE, 'a put-away exceeding the accepted
    quantity of the batch'): literal reading fires at seq of the put_away RCV->WH-A of the 5 returned boxes;
    an inspector expects quiet (the goods passed acceptance on receipt and again on return). Also the
    release transfer QA->WH-A (no put_away) for comparison: quiet."""
    L = Ledger(901, "returned-goods-put-away-again", "ACC-GATE on returned goods put away")
    master(L, T(2026, 11, 1, 9))
    L.buy(T(2026, 11, 2, 9), MAKER, [(AMOX, "2609011", "2026-09-01", "2028-08-31", 100, 860)])
    s = L.sell(T(2026, 11, 5, 9), HOSP1, [(AMOX, "2609011", "2028-08-31", 10, 1100, "WH-A")], invoice=False)
    L.customer_return(T(2026, 11, 6, 9), HOSP1, s["sdoc"], [(AMOX, "2609011", 5, "RCV", None)])
    inv, _, tot = L.invoice(T(2026, 11, 6, 15), "sale", HOSP1, [(AMOX, 5, 1100)], {"sale": [s["sdoc"]]})
    L.payment(T(2026, 11, 10, 9), "incoming", HOSP1, tot, [inv])
    L.put_away(T(2026, 11, 6, 11), [(AMOX, "2609011", 5, "RCV", "WH-A")])
    return L


def p902():
    """trace --batch after a customer return and a supplier return of the returned units (CHANGELOG Unreleased:
    returns to the supplier in the closing balance). 20 received; 10 to HOSP1; HOSP1 returns 2 (codes) to RET;
    the 2 go back to the maker from RET; 1 destroyed. Expect: SP-1 9; left: 8 to 杭州市仁和医院 (10 less the 2 it
    returned), 2 to 杭州宁康制药有限公司, 1 destroyed (9+8+2+1 = 20); unbroken, exit 0; check: quiet."""
    L = Ledger(902, "trace-customer-and-supplier-return", "trace balance")
    master(L, T(2026, 11, 1, 9), extra_products=[((TOXIC, "亚砷酸注射液", "medical_toxic"), dict(control="medical_toxic", unit="支"))])
    p = L.buy(T(2026, 11, 2, 9), MAKER, [(TOXIC, "2609151", "2026-09-01", "2028-08-31", 20, 4500)], put_to="SP-1")
    s = L.sell(T(2026, 11, 4, 9), HOSP1, [(TOXIC, "2609151", "2028-08-31", 10, 6000, "SP-1")], invoice=False)
    back = s["disp"]["data"]["lines"][0]["codes"][:2]
    L.customer_return(T(2026, 11, 5, 9), HOSP1, s["sdoc"], [(TOXIC, "2609151", 2, "RET", back)], reason="破损")
    inv, _, tot = L.invoice(T(2026, 11, 5, 15), "sale", HOSP1, [(TOXIC, 8, 6000)], {"sale": [s["sdoc"]]})
    L.payment(T(2026, 11, 12, 9), "incoming", HOSP1, tot, [inv])
    L.supplier_return(T(2026, 11, 7, 9), MAKER, p["order"], [(TOXIC, "2609151", 2, "RET")])
    cn, _, ct = L.invoice(T(2026, 11, 8, 9), "purchase", MAKER, [(TOXIC, 2, 4500)], {"order": [p["order"]]}, credit_for=p["invdoc"])
    L.payment(T(2026, 11, 15, 9), "incoming", MAKER, ct, [cn])
    L.destruction(T(2026, 11, 9, 9), [(TOXIC, "2609151", 1, "SP-1")], supervisors=["杭州市市场监督管理局 何立"])
    return L


def p903():
    """Cash for wholesale compound ephedrine: EPH-RETAIL at the payment, not SPECIAL-CASH (rules.md SPECIAL-CASH:
    'narcotic, psychotropic or precursor line'; EPH-RETAIL: wholesale 'is not paid in cash'). Expect EPH-RETAIL only."""
    L = Ledger(903, "compound-ephedrine-wholesale-cash", "cash for compound ephedrine")
    master(L, T(2026, 11, 1, 9))
    L.buy(T(2026, 11, 2, 9), MAKER, [(EPH, "2609011", "2026-09-01", "2028-08-31", 100, 1200)])
    L.sell(T(2026, 11, 5, 9), PHARM1, [(EPH, "2609011", "2028-08-31", 20, 1800, "WH-A")], method="cash", pay_days=2)
    return L


for f in (p901, p902, p903):
    L = f()
    L.write(OUT, "PROBE")

# refused inputs: control characters and duplicate keys (CHANGELOG Unreleased). Expect exit 2, FILE:LINE: field `PATH`: ...,
# nothing appended; the tab (allowed) file appends.
base = json.loads(open(os.path.join(OUT, "903-compound-ephedrine-wholesale-cash.jsonl"), encoding="utf-8").readline())
sale_line = [l for l in open(os.path.join(OUT, "903-compound-ephedrine-wholesale-cash.jsonl"), encoding="utf-8") if '"kind":"purchase"' in l][0].rstrip("\n")
cases = {
    "r1-nul-in-doc": sale_line.replace('"doc":"CG', '"doc":"CG\\u0000'),
    "r2-esc-in-name": sale_line.replace('"recorded_by":["采购-李明"]', '"recorded_by":["采购-李明\\u001b[31m"]'),
    "r3-del-in-product": sale_line.replace('"supplier":"', '"supplier":"\\u007f'),
    "r4-u0085-raw": sale_line.replace('"doc":"CG', '"doc":"CG\u0085'),
    "r5-tab-allowed": sale_line.replace('"doc":"CG', '"doc":"CG\\t'),
    "r6-dup-quantity": sale_line.replace('"quantity":100', '"quantity":100,"quantity":7'),
    "r7-dup-kind": sale_line.replace('"kind":"purchase"', '"kind":"purchase","kind":"purchase"'),
    "r8-dup-same-value-in-money": sale_line.replace('"minor":1200', '"minor":1200,"minor":1200'),
    "r9-dup-key-escaped-spelling": sale_line.replace('"quantity":100', '"quantity":100,"quan\\u0074ity":100'),
}
os.makedirs(os.path.join(OUT, "refused"), exist_ok=True)
for k, v in cases.items():
    open(os.path.join(OUT, "refused", k + ".jsonl"), "w", encoding="utf-8").write(v + "\n")
