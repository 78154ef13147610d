"""EPCIS 2.0 JSON-LD documents as a trading partner (浙江通和医药物流, our 3PL) writes them."""
import hashlib, uuid
from lib14 import *

CTX = ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"cbvmda": "urn:epcglobal:cbv:mda:"}]

def uid(seed):
    return "urn:uuid:" + str(uuid.UUID(bytes=hashlib.sha256(seed.encode()).digest()[:16], version=4))

def document(events, created="2026-11-20T15:00:00+08:00"):
    return {"@context": CTX, "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": created,
            "epcisBody": {"eventList": events}}

def dl_class(gtin14, lot=None, prod=None, exp=None):
    u = f"https://id.gs1.org/01/{gtin14}"
    if lot:
        u += f"/10/{lot}"
    q = []
    if prod: q.append(f"11={prod}")
    if exp: q.append(f"17={exp}")
    return u + ("?" + "&".join(q) if q else "")

def sgtin_urn(gtin14, serial, cp_len=7):
    # urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial
    ind, cp, item = gtin14[0], gtin14[1:1 + cp_len], gtin14[1 + cp_len:13]
    return f"urn:epc:id:sgtin:{cp}.{ind}{item}.{serial}"

def sgtin_dl(gtin14, serial):
    return f"https://id.gs1.org/01/{gtin14}/21/{serial}"

def receiving(event_time, record_time, recadv, po, desadv, supplier, qlist, loc="RCV", epcs=(), action="OBSERVE",
              biz_step="receiving", ilmd=None, event_id=None, read_point=None, tz="+08:00", party_uri=None):
    e = {"type": "ObjectEvent", "eventTime": event_time, "eventTimeZoneOffset": tz}
    if record_time:
        e["recordTime"] = record_time
    if event_id:
        e["eventID"] = event_id
    e["epcList"] = list(epcs)
    e["action"] = action
    e["bizStep"] = biz_step
    e["disposition"] = "in_progress"
    if read_point:
        e["readPoint"] = {"id": read_point}
    e["bizLocation"] = {"id": f"urn:rxledger:loc:{loc}"}
    bt = []
    for t, v in (("po", po), ("desadv", desadv), ("recadv", recadv)):
        for x in ([v] if isinstance(v, str) else (v or [])):
            bt.append({"type": t, "bizTransaction": x if x.startswith(("urn:", "http")) else f"urn:rxledger:doc:{x}"})
    e["bizTransactionList"] = bt
    e["sourceList"] = [{"type": "owning_party", "source": party_uri or f"urn:rxledger:party:{supplier}"}]
    e["quantityList"] = qlist
    if ilmd:
        e["ilmd"] = ilmd
    return e
