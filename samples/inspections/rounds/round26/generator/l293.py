"""293: a supplier's GS1 EPCIS 2.0 receiving events imported as receipts (docs/epcis.md), then the rest of the business appended."""
from lib import *
import os

E1, E2, E3 = "2028-09-30", "2028-08-31", "2028-10-31"
DZ_CODES = [f"DZ2611{i:04d}" for i in range(1, 21)]


def build():
    L = Ledger(293, "epcis-partner-receiving-digital-link-and-ilmd-sgtins-of-a-psychotropic-receipt-without-po-then-put-away-sale-and-epcis-round-trip",
               "VIOLATION: three receipts from a supplier's EPCIS document (imports/293-*), the rest appended; one receipt names no purchase order")
    L.master()
    L.purchase(T(2, 9, 30), "CG26110207", SUP, [(AMOX, 300, 860), (IBU, 100, 1450), (DZP, 20, 2200)])
    acc = ["验收-张伟", "质管-周敏"]
    L.receipt(T(4, 10, 20), "SH26110401", SUP, "CG26110207", "NK-PS-261103-88",
              [{"product": AMOX, "batch": "2610141", "accepted": 300, "prod": "2026-10-14", "exp": E1},
               {"product": IBU, "batch": "2610082", "accepted": 100, "prod": "2026-10-08", "exp": E2}], acceptors=acc, label="e1")
    L.receipt(T(4, 10, 50), "SH26110402", SUP, "CG26110207", "NK-PS-261103-88",
              [{"product": DZP, "batch": "DZ26101", "accepted": 20, "prod": "2026-10-01", "exp": E3,
                "codes": [f"(01){DZP}(21){c}" for c in DZ_CODES]}], acceptors=acc, label="e2")
    L.receipt(T(4, 11, 10), "SH26110403", SUP, None, "NK-PS-261104-02",
              [{"product": AMOX, "batch": "2610142", "accepted": 50, "prod": "2026-10-14", "exp": E3}], acceptors=acc, label="e3")
    L.exp("REC-DOC", "e3", "the EPCIS event has no `po` bizTransaction: epcis.md 'none given, none set (and REC-DOC then reports the receipt's missing order or delivery note)'; rules.md REC-DOC 'A receipt must reference a known purchase order'")
    # tail: appended after the EPCIS import
    L.put_away(T(4, 11, 30), "RK26110401", [(AMOX, "2610141", 300, "RCV", "WH-A"), (IBU, "2610082", 100, "RCV", "WH-C")], receipt="SH26110401")
    L.put_away(T(4, 11, 40), "RK26110402", [(DZP, "DZ26101", 20, "RCV", "SP-1", [f"(01){DZP}(21){c}" for c in DZ_CODES])], receipt="SH26110402")
    L.put_away(T(4, 11, 50), "RK26110403", [(AMOX, "2610142", 50, "RCV", "WH-A")], receipt="SH26110403")
    pinv = "26332000000103581401"
    L.invoice(T(4, 15), pinv, "purchase", SUP, OWNER, [(AMOX, 300, 860), (IBU, 100, 1450), (DZP, 20, 2200)], {"order": ["CG26110207"]})
    L.pay(T(12, 10), "FK26111201", "outgoing", OWNER, SUP, 300 * 860 + 100 * 1450 + 20 * 2200, [pinv])
    # a psychotropic sale with its codes (GS1 spelt as received), two reviewers
    L.sale(T(6, 9), "XS26110601", HOSP1, [(DZP, "DZ26101", E3, 8, 2600), (AMOX, "2610141", E1, 100, 1030)])
    L.review(T(6, 10), "FH26110601", HOSP1, "XS26110601", [(DZP, "DZ26101", E3, 8), (AMOX, "2610141", E1, 100)], reviewers=["复核-刘洋", "质管-周敏"])
    L.dispatch(T(6, 11), "PS26110601", HOSP1, "XS26110601",
               [(DZP, "DZ26101", 8, "SP-1", [f"(01){DZP}(21){c}" for c in DZ_CODES[:8]]), (AMOX, "2610141", 100, "WH-A")])
    L.invoice(T(6, 15), "26332000000104471101", "sale", OWNER, HOSP1, [(DZP, 8, 2600), (AMOX, 100, 1030)], {"sale": ["XS26110601"]})
    L.pay(T(16, 10), "SK26111601", "incoming", HOSP1, OWNER, 8 * 2600 + 100 * 1030, ["26332000000104471101"])
    L.notes += [
        "records 1-16 (master data and the purchase order) are appended from imports/293-pre.jsonl; records 17-19 are the three receipts `rxledger import epcis L imports/293-receiving.jsonld --recorded-by 验收-张伟 --acceptor 验收-张伟 --acceptor 质管-周敏` appends; the rest from imports/293-tail.jsonl",
        "receiving 1: OBSERVE, two quantityList entries with Digital Link attributes 11= and 17= (280930 -> 2028-09-30); receiving 2: ADD with ilmd (lot, itemExpirationDate, productionDate), epcClass a GTIN without lot, 20 SGTINs in epcList -> codes (01)GTIN(21)SERIAL; recordTime -> entered_at",
        "the 20 codes are psychotropic2 unit codes: put away RCV -> SP-1 and 8 dispatched with their codes spelt as the import stores them: SPECIAL-CHAIN quiet; two acceptors (--acceptor twice) and two reviewers: SPECIAL-2P quiet",
        "the third receipt (no order) is not invoiced: UNINVOICED would be due 12-04, after the ledger's last event (pending only)",
        "run_all.sh also: exports the ledger as EPCIS, imports that export into a fresh ledger and compares the movement events (epcis.md: 'importing it gives back those events byte for byte'); feeds three refused partner documents (a shipping event, OBSERVE with ilmd, no --acceptor)",
    ]
    return L


def dl(gtin, lot=None, prod=None, exp=None):
    u = f"https://id.gs1.org/01/{gtin}" + (f"/10/{lot}" if lot else "")
    q = []
    if prod:
        q.append("11=" + prod)
    if exp:
        q.append("17=" + exp)
    return u + ("?" + "&".join(q) if q else "")


def ev(eid, t, rec, action, qlist, btx, epcs=(), ilmd=None, bizstep="receiving"):
    e = {"type": "ObjectEvent", "eventID": eid, "eventTime": t, "eventTimeZoneOffset": "+08:00", "recordTime": rec,
         "epcList": list(epcs), "action": action, "bizStep": bizstep, "disposition": "in_progress",
         "readPoint": {"id": "urn:rxledger:loc:RCV"}, "bizLocation": {"id": "urn:rxledger:loc:RCV"},
         "bizTransactionList": [{"type": t_, "bizTransaction": "urn:rxledger:doc:" + n} for t_, n in btx],
         "sourceList": [{"type": "owning_party", "source": "urn:rxledger:party:" + SUP}],
         "destinationList": [{"type": "owning_party", "destination": "urn:rxledger:party:" + OWNER}],
         "quantityList": qlist}
    if ilmd:
        e["ilmd"] = ilmd
    return e


def doc(events):
    return {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"cbvmda": "urn:epcglobal:cbv:mda:"}],
            "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-04T12:00:00+08:00",
            "epcisBody": {"eventList": events}}


def write_imports(L, outdir):
    order, seq = L.seqs()
    os.makedirs(outdir, exist_ok=True)
    pre = [e for t, _, lab, e in order if lab not in ("e1", "e2", "e3") and t < T(4, 10)]
    tail = [e for t, _, lab, e in order if lab not in ("e1", "e2", "e3") and t >= T(4, 10)]
    for name, evs in (("pre", pre), ("tail", tail)):
        with open(f"{outdir}/293-{name}.jsonl", "w", encoding="utf-8") as f:
            for e in evs:
                f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
    e1 = ev("urn:uuid:7a1c2d7e-3b1a-4c55-9a0e-261104000001", "2026-11-04T10:20:00+08:00", "2026-11-04T10:25:00+08:00", "OBSERVE",
            [{"epcClass": dl(AMOX, "2610141", "261014", "280930"), "quantity": 300, "uom": "H87"},
             {"epcClass": dl(IBU, "2610082", "261008", "280831"), "quantity": 100}],
            [("po", "CG26110207"), ("desadv", "NK-PS-261103-88"), ("recadv", "SH26110401")])
    e2 = ev("urn:uuid:7a1c2d7e-3b1a-4c55-9a0e-261104000002", "2026-11-04T02:50:00Z", "2026-11-04T02:55:00Z", "ADD",
            [{"epcClass": dl(DZP), "quantity": 20, "uom": "H87"}],
            [("po", "CG26110207"), ("desadv", "NK-PS-261103-88"), ("recadv", "SH26110402")],
            epcs=[f"https://id.gs1.org/01/{DZP}/21/{c}" for c in DZ_CODES],
            ilmd={"cbvmda:lotNumber": "DZ26101", "cbvmda:itemExpirationDate": E3, "cbvmda:productionDate": "2026-10-01"})
    e3 = ev("urn:uuid:7a1c2d7e-3b1a-4c55-9a0e-261104000003", "2026-11-04T11:10:00+08:00", "2026-11-04T11:15:00+08:00", "OBSERVE",
            [{"epcClass": dl(AMOX, "2610142", "261014", "281031"), "quantity": 50, "uom": "H87"}],
            [("desadv", "NK-PS-261104-02"), ("recadv", "SH26110403")])
    json.dump(doc([e1, e2, e3]), open(f"{outdir}/293-receiving.jsonld", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    # refused documents
    sh = ev("urn:uuid:7a1c2d7e-3b1a-4c55-9a0e-261104000009", "2026-11-05T10:00:00+08:00", "2026-11-05T10:05:00+08:00", "OBSERVE",
            [{"epcClass": dl(AMOX, "2610141", "261014", "280930"), "quantity": 5}], [("desadv", "X-1"), ("recadv", "SH-X1")], bizstep="shipping")
    json.dump(doc([sh]), open(f"{outdir}/293-refused-shipping.jsonld", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    ob = dict(e2); ob["action"] = "OBSERVE"; ob["eventID"] = "urn:uuid:7a1c2d7e-3b1a-4c55-9a0e-26110400000a"
    json.dump(doc([e1, ob]), open(f"{outdir}/293-refused-observe-ilmd.jsonld", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
