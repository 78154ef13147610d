#!/usr/bin/env python3
"""Round 20 generator: python3 build20.py OUTDIR  (deterministic; standard library only)."""
import os, sys, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import l246, l247_251, l252_255
from world20 import *

NAMES_ = {
    246: "246-a-month-of-lawful-business-three-planted-expired-customer-licence-truck-log-gap-personal-card-payment",
    247: "247-qualifications-supplier-scope-unregistered-product-no-source-licence-renewal-midnight-individual-customer-scope",
    248: "248-recall-quarantine-release-relocation-out-of-qa-shipped-from-qa-expiry-day-after-expiry-90-91-days",
    249: "249-config-thresholds-near-expiry-unpaid-late-entry-default-vs-changed",
    250: "250-cold-chain-truck-trips-log-after-receipt-precooling-excursion-gap-at-5min-and-5min01s-no-cold-van-settle-window",
    251: "251-round19-fixes-rejected-units-redelivered-quiet-rejected-unit-shipped-seconds-and-fractions-in-sentences",
    252: "252-refused-dispatch-quantity-as-json-string",
    253: "253-erp-csv-import-utf8-bom-excel-quoting-gbk-finance-leading-zeros-stock-count-short",
    254: "254-epcis-partner-receiving-digital-link-ilmd-sgtins-one-without-delivery-note",
    255: "255-refused-file-cut-off-mid-line",
}


def check_ledger(lines):
    """My own pre-freeze checks: time order, USCC check characters, ids unique."""
    prev = None
    ids = set()
    for i, (ev, _) in enumerate(lines, 1):
        t = dt.datetime.fromisoformat(ev["occurred_at"])
        assert prev is None or t >= prev, ("time order", i)
        prev = t
        assert ev["id"] not in ids
        ids.add(ev["id"])
        d = ev["data"]
        for k in ("supplier", "customer", "issuer", "buyer", "payer", "payee"):
            if k in d and len(d[k]) == 18 and not d[k].isdigit():
                assert uscc_ok(d[k]), (i, d[k])
        for ln in d.get("lines", []):
            p = ln.get("product")
            if p:
                assert len(p) == 14 and gs1_check(p[:13]) == p[13], (i, p)


def write_expected(path, head, notes, exp):
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "\n")
        for n in notes:
            f.write(n + "\n")
        for rule, line, why in exp:
            if line is None:
                f.write("# why-not: %s: %s\n" % (rule, why))
            else:
                f.write("# why: %s %d: %s\n" % (rule, line, why))
        for rule, line, why in exp:
            if line is not None:
                f.write("%s %d\n" % (rule, line))


def main(out):
    os.makedirs(out, exist_ok=True)
    conv = l252_255.CONV
    for num, fn in ((246, l246.build), (247, l247_251.l247), (248, l247_251.l248), (250, l247_251.l250), (251, l247_251.l251)):
        L, head, notes, exp = fn()
        check_ledger(L.lines)
        open(os.path.join(out, NAMES_[num] + ".jsonl"), "w", encoding="utf-8").write(L.dump())
        write_expected(os.path.join(out, NAMES_[num] + ".expected"), head, [conv] + notes, exp)
    # 249: default and config expectations
    L, head, notes, exp, cfg = l247_251.l249()
    check_ledger(L.lines)
    open(os.path.join(out, NAMES_[249] + ".jsonl"), "w", encoding="utf-8").write(L.dump())
    write_expected(os.path.join(out, NAMES_[249] + ".expected"), head, [conv] + notes, exp)
    write_expected(os.path.join(out, NAMES_[249] + ".config.expected"),
                   "# 249 with --config 249.toml (near_expiry_days = 30, unpaid_days = 90, late_entry_hours = 24, LATE-ENTRY = minor)",
                   [conv, "# note: `check --config 249.toml --fail-on major` must exit 0 (only a minor finding); the default `check --fail-on major` exits 1 (UNPAID is major)"], cfg)
    open(os.path.join(out, "249.toml"), "w", encoding="utf-8").write(
        "# 249: the company's own terms\ndisabled = []\n\n[thresholds]\nnear_expiry_days = 30\nunpaid_days = 90\nlate_entry_hours = 24\n\n"
        "[severity]\n\"LATE-ENTRY\" = \"minor\"\n")
    # 252
    text, head, notes, n = l252_255.l252()
    open(os.path.join(out, NAMES_[252] + ".jsonl"), "w", encoding="utf-8").write(text)
    write_expected(os.path.join(out, NAMES_[252] + ".expected"), head, notes, [])
    # 255 (and the complete file for the retry)
    text, head, notes, full = l252_255.l255()
    open(os.path.join(out, NAMES_[255] + ".jsonl"), "w", encoding="utf-8").write(text)
    open(os.path.join(out, "255-complete-resent.jsonl.txt"), "w", encoding="utf-8").write(full)
    write_expected(os.path.join(out, NAMES_[255] + ".expected"), head, notes, [])
    # 253
    L, head, notes, exp, goods, fin, seq = l252_255.l253()
    check_ledger(L.lines)
    open(os.path.join(out, NAMES_[253] + ".jsonl"), "w", encoding="utf-8").write(L.dump())
    open(os.path.join(out, "253-goods-2026-11.csv"), "w", encoding="utf-8", newline="").write(goods)
    open(os.path.join(out, "253-finance-2026-11.csv"), "wb").write(fin)
    open(os.path.join(out, "253-goods.toml"), "w", encoding="utf-8").write(l252_255.GOODS_TOML)
    open(os.path.join(out, "253-finance.toml"), "w", encoding="utf-8").write(l252_255.FIN_TOML)
    write_expected(os.path.join(out, NAMES_[253] + ".expected"), head, notes, exp)
    # 254
    L, head, notes, exp, doc = l252_255.l254()
    check_ledger(L.lines)
    open(os.path.join(out, NAMES_[254] + ".jsonl"), "w", encoding="utf-8").write(L.dump())
    open(os.path.join(out, "254-receiving.jsonld"), "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    write_expected(os.path.join(out, NAMES_[254] + ".expected"), head, notes, exp)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "ledgers")
