"""Helpers of case 10 (run at run time on the tool's own EPCIS export).
  summary FILE                         counts and the shape of the exported document
  qty FILE OUT INDEX QTY [--uuid]      change quantityList[0].quantity of eventList[INDEX] (and the eventID to a urn:uuid)
  ignore FILE OUT FIELD [--add]        declare repox: and a document-level repox:ignoreFields [FIELD] (--add: give every
                                       event a repox:captureID, the field a repository adds)
  fah FILE OUT INDEX                   first temperature report of eventList[INDEX] in FAH (value converted), eventID urn:uuid
  compare A.jsonl B.jsonl              compare the stored event bytes of both exported ledgers, by event id
"""
import collections, json, sys

def load(p):
    return json.load(open(p, encoding="utf-8"))

def save(d, p):
    json.dump(d, open(p, "w", encoding="utf-8"), ensure_ascii=False, indent=1)

cmd = sys.argv[1]
if cmd == "summary":
    d = load(sys.argv[2])
    ev = d["epcisBody"]["eventList"]
    print("type", d.get("type"), "schemaVersion", d.get("schemaVersion"), "events", len(ev))
    print("eventTypes", dict(collections.Counter(e["type"] for e in ev)))
    print("bizSteps", dict(collections.Counter(e.get("bizStep") for e in ev)))
    print("rxledger events", len({e.get("rxl:event", {}).get("id") for e in ev}))
    print("all eventID ni:///sha-256;…?ver=CBV2.0:", all(e.get("eventID", "").startswith("ni:///sha-256;") and e["eventID"].endswith("?ver=CBV2.0") for e in ev))
    print("eventTimeZoneOffset", sorted({e.get("eventTimeZoneOffset") for e in ev}))
    for i, e in enumerate(ev[:20]):
        q = (e.get("quantityList") or [{}])[0]
        x = e.get("rxl:event", {})
        print(f"[{i}] {e['type']} {e.get('bizStep')} {e.get('action')} {e['eventTime']} {q.get('epcClass')} {q.get('quantity')} {q.get('uom')} kind={x.get('kind')} line={x.get('line')}/{x.get('lines')}")
elif cmd == "qty":
    d = load(sys.argv[2]); i = int(sys.argv[4])
    e = d["epcisBody"]["eventList"][i]
    e["quantityList"][0]["quantity"] = int(sys.argv[5])
    if "--uuid" in sys.argv:
        e["eventID"] = "urn:uuid:6f1c2a34-8b9d-4e5f-a012-3456789abcde"
    save(d, sys.argv[3])
elif cmd == "ignore":
    d = load(sys.argv[2])
    d["@context"].append({"repox": "https://repository-x.example.com/"})
    d["repox:ignoreFields"] = [sys.argv[4]]
    if "--add" in sys.argv:
        for n, e in enumerate(d["epcisBody"]["eventList"]):
            e["repox:captureID"] = f"cap-{n:05d}"
    save(d, sys.argv[3])
elif cmd == "fah":
    d = load(sys.argv[2]); i = int(sys.argv[4])
    e = d["epcisBody"]["eventList"][i]
    r = e["sensorElementList"][0]["sensorReport"][0]
    r["uom"] = "FAH"; r["value"] = round(r["value"] * 9 / 5 + 32, 2)
    e["eventID"] = "urn:uuid:0b7d5c3e-1f2a-4b6c-8d9e-0f1a2b3c4d5e"
    save(d, sys.argv[3])
elif cmd == "compare":
    def evs(p):
        out = {}
        for line in open(p, encoding="utf-8"):
            if line.strip():
                raw = line[line.index('"event":') + 8:].rstrip("\n")[:-1]
                out[json.loads(raw)["id"]] = (json.loads(line)["seq"], raw)
        return out
    a, b = evs(sys.argv[2]), evs(sys.argv[3])
    common = set(a) & set(b)
    same = [i for i in common if a[i][1] == b[i][1]]
    print(f"events in both: {len(common)}; byte-identical: {len(same)}; differing: {sorted(a[i][0] for i in common if i not in same)}")
    print("seqs in A of the common events:", sorted(a[i][0] for i in common))
