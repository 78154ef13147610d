#!/usr/bin/env python3
# t4: `import epcis`: partner re-sends, duplicate eventIDs, own export re-sent with edits, malformed documents
import json, sys, os, copy
sys.path.insert(0, os.path.dirname(__file__)); from h import *
def ev(eid, t="2026-10-10T10:20:00+08:00", q=2400, doc="SH-P-1", rt=None):
    e = {"type": "ObjectEvent", "eventTime": t, "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
         "bizStep": "receiving", "bizLocation": {"id": "urn:rxledger:loc:RCV"},
         "bizTransactionList": [{"type": "recadv", "bizTransaction": "urn:rxledger:doc:" + doc},
                                {"type": "po", "bizTransaction": "urn:rxledger:doc:CG2026100800001"}],
         "sourceList": [{"type": "owning_party", "source": "urn:rxledger:party:91330110143958275Q"}],
         "quantityList": [{"epcClass": "https://id.gs1.org/01/86933021156015/10/2609150231?11=260915&17=280831", "quantity": q, "uom": "H87"}]}
    if eid is not None: e["eventID"] = eid
    if rt: e["recordTime"] = rt
    return e
def doc(evs, name):
    d = {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
         "creationDate": "2026-10-10T03:00:00Z", "epcisBody": {"eventList": evs}}
    open(name, "w").write(json.dumps(d, ensure_ascii=False)); return name
P = ["--recorded-by", "验收-孙晓峰", "--acceptor", "验收-孙晓峰"]
def imp(led, f, label, extra=P):
    b = state(led); res = run(["import", "epcis", led, f] + extra); a = state(led); show(label, res, b, a, 3); return res
def receipts(led): return [(e["data"]["doc"], e["occurred_at"], [l["arrived"] for l in e["data"]["lines"]]) for e in payloads(led) if e["kind"] == "receipt"]
def chk(led):
    rc, out, err, _ = run(["check", led, "--format", "json"])
    try: rules = sorted({f["rule"] for f in json.loads(out).get("findings", [])})
    except Exception: rules = out[:200]
    print(f"  receipts stored: {receipts(led)}\n  check rc={rc} rules={rules}\n")
L = fresh("T4A")
imp(L, doc([ev("urn:uuid:0190f3a0-0000-7000-8000-000000000001")], "t4_a.json"), "A1 partner receiving, eventID uuid-1")
imp(L, doc([ev("urn:uuid:0190f3a0-0000-7000-8000-000000000001")], "t4_a.json"), "A2 same document again (expect 0 appended)")
imp(L, doc([ev("urn:uuid:0190f3a0-0000-7000-8000-000000000002")], "t4_b.json"), "A3 partner re-sends the same receiving from another repository: new eventID, same recadv/doc, same content")
imp(L, doc([ev(None)], "t4_c.json"), "A4 the same receiving re-sent without eventID (id from the doc number)")
imp(L, doc([ev("urn:uuid:0190f3a0-0000-7000-8000-000000000001", t="2026-10-10T02:20:00.000Z")], "t4_d.json"), "A5 same eventID, eventTime written in UTC with .000")
imp(L, doc([ev("urn:uuid:0190f3a0-0000-7000-8000-000000000001", t="2026-10-10T10:20:00.0001+08:00")], "t4_e.json"), "A6 same eventID, eventTime +100 µs (a re-send with sub-ms noise)")
imp(L, doc([ev("URN:UUID:0190F3A0-0000-7000-8000-000000000001")], "t4_f.json"), "A7 same eventID in upper case (URNs are case-insensitive in scheme and NID; UUID hex too)")
chk(L)
L = fresh("T4B")
imp(L, doc([ev("urn:uuid:x-1"), ev("urn:uuid:x-1", q=1200)], "t4_g.json"), "B1 two events with the same eventID, other quantities, in one document")
imp(L, doc([ev("urn:uuid:x-1"), ev("urn:uuid:x-1")], "t4_h.json"), "B2 two identical events with the same eventID in one document")
chk(L)
# own export re-sent
E = fresh("T4E"); run(["import", "csv", E, "goods-utf8.csv", "--mapping", "goods-u8.toml"]); run(["export", E, "-o", "t4_own.json", "--format", "epcis"])
d = json.load(open("t4_own.json"))
L = fresh("T4C"); imp(L, "t4_own.json", "C1 own export into a fresh ledger", [])
imp(L, "t4_own.json", "C2 own export again", [])
d2 = copy.deepcopy(d); e0 = d2["epcisBody"]["eventList"][0]; e0["eventID"] = e0["eventID"].upper() if "eventID" in e0 else None
open("t4_own_up.json", "w").write(json.dumps(d2, ensure_ascii=False)); imp(L, "t4_own_up.json", "C3 own export with the first eventID upper-cased", [])
d3 = copy.deepcopy(d); e0 = d3["epcisBody"]["eventList"][0]; e0.pop("eventID", None)
open("t4_own_noid.json", "w").write(json.dumps(d3, ensure_ascii=False)); imp(L, "t4_own_noid.json", "C4 own export with the first eventID removed", [])
print("  first exported event keys:", list(d["epcisBody"]["eventList"][0].keys()))
# malformed documents
M = fresh("T4M")
open("t4_x.xml", "w").write('<?xml version="1.0"?><epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"><EPCISBody><EventList/></EPCISBody></epcis:EPCISDocument>')
imp(M, "t4_x.xml", "M1 EPCIS 2.0 XML document")
open("t4_bom.json", "wb").write(b"\xef\xbb\xbf" + open("t4_a.json", "rb").read()); imp(M, "t4_bom.json", "M2 JSON-LD with a UTF-8 BOM")
open("t4_u16.json", "wb").write(open("t4_a.json", encoding="utf-8").read().encode("utf-16")); imp(M, "t4_u16.json", "M3 JSON-LD in UTF-16 with BOM")
open("t4_two.json", "w").write(open("t4_a.json").read() + "\n" + open("t4_b.json").read()); imp(M, "t4_two.json", "M4 two JSON documents concatenated")
open("t4_arr.json", "w").write("[" + open("t4_a.json").read() + "]"); imp(M, "t4_arr.json", "M5 document wrapped in an array")
dd = json.load(open("t4_a.json")); dd["epcisBody"]["eventList"][0]["quantityList"][0]["quantity"] = 2400.0
open("t4_f1.json", "w").write(json.dumps(dd)); imp(M, "t4_f1.json", "M6 quantity 2400.0")
for q in ["1e3", "2.4e3", "1E400", "-0", "24000000000000000000000"]:
    s = open("t4_a.json").read().replace('"quantity": 2400', '"quantity": ' + q); open("t4_q.json", "w").write(s)
    imp(M, "t4_q.json", f"M7 quantity {q}")
s = open("t4_a.json").read().replace('"eventList": [', '"eventList": [' + "{}," * 200000); open("t4_empty.json", "w").write(s)
imp(M, "t4_empty.json", "M8 200k empty objects before the event")
s = open("t4_a.json").read().replace('"eventTime"', '"ext":' + '[' * 20000 + ']' * 20000 + ', "eventTime"'); open("t4_deep.json", "w").write(s)
imp(M, "t4_deep.json", "M9 unknown member nested 20k arrays deep")
s = open("t4_a.json").read().replace('"eventTime"', '"ext":"' + "A" * (200 * 1024 * 1024) + '", "eventTime"'); open("t4_hugestr.json", "w").write(s)
imp(M, "t4_hugestr.json", "M10 unknown member holding a 200 MB string")
os.remove("t4_hugestr.json")
