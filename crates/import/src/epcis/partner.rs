//! EPCIS events of trading partners (without `rxl:event`): an `ObjectEvent` with bizStep
//! `receiving` becomes a `receipt` when everything a receipt needs is in the event, without
//! guessing; anything else is refused naming the event and the field. What is required is in
//! `docs/epcis.md` ("Events of trading partners").

use serde_json::{Map, Value};

use super::{loc_code, parse_class, parse_epc, str_at, unpct};
use crate::epc::{to_digital_link, EpcError};
use crate::reason::{LotPart, Reason, Why};

/// What a partner's EPCIS events do not carry and the importer supplies.
#[derive(Clone, Debug, Default)]
pub struct Partner {
    /// People recording the imported events (`recorded_by`); required for partner events.
    pub recorded_by: Vec<String>,
    /// People who accepted the goods of a receipt (`acceptors`); required for `receiving`.
    pub acceptors: Vec<String>,
}

fn step(o: &Value) -> &str {
    let s = o.get("bizStep").and_then(Value::as_str).unwrap_or_default();
    s.strip_prefix("https://ref.gs1.org/cbv/BizStep-")
        .or_else(|| s.strip_prefix("urn:epcglobal:cbv:bizstep:"))
        .unwrap_or(s)
}

fn is_type(v: &Value, want: &str) -> bool {
    let t = v.get("type").and_then(Value::as_str).unwrap_or_default();
    t == want
        || t.strip_prefix("https://ref.gs1.org/cbv/")
            .or_else(|| t.strip_prefix("urn:epcglobal:cbv:"))
            .and_then(|r| r.split_once(['-', ':']))
            .is_some_and(|(_, w)| w == want)
}

/// A party id: `urn:rxledger:party:{id}`, or a GLN (`https://id.gs1.org/417/…`,
/// `urn:epc:id:pgln:…`) taken as the party id.
fn party_id(uri: &str) -> Option<String> {
    if let Some(p) = uri.strip_prefix("urn:rxledger:party:") {
        return unpct(p);
    }
    let dl = to_digital_link(uri).unwrap_or_else(|_| uri.to_owned());
    let gln = dl.strip_prefix("https://id.gs1.org/417/")?;
    (gln.len() == 13 && gln.bytes().all(|b| b.is_ascii_digit())).then(|| gln.to_owned())
}

/// `uri` as a Digital Link URI (an EPC URN converted, other URIs as written), or why an EPC URN
/// is malformed.
fn as_dl(uri: &str) -> Result<String, Reason> {
    match to_digital_link(uri) {
        Ok(dl) => Ok(dl),
        Err(EpcError::NotEpc | EpcError::Unsupported(_)) => Ok(uri.to_owned()),
        Err(error @ EpcError::Malformed { .. }) => Err(Reason::MalformedEpc {
            uri: uri.to_owned(),
            error: Box::new(error),
        }),
    }
}

/// A Digital Link date attribute (`YYMMDD`, GS1: day `00` is the month's last day, the century
/// the one nearest `year`) as `YYYY-MM-DD`; a value that is no such date as written, for the
/// event's validation to refuse.
fn gs1_date(s: &str, year: i32) -> String {
    rxledger_model::codes::gs1_date(s, year)
        .map_or_else(|| s.to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

/// The event from a partner's `ObjectEvent` `o` at `index`, or why not (naming the field).
pub(super) fn import(o: &Value, p: &Partner) -> Result<Map<String, Value>, Why> {
    if p.recorded_by.is_empty() {
        return Err(Why::at("rxl:event", Reason::NoRecorder));
    }
    if o.get("type").and_then(Value::as_str) != Some("ObjectEvent") {
        return Err(Why::at("type", Reason::NotObjectEvent));
    }
    match step(o) {
        "receiving" => {}
        "shipping" => return Err(Why::at("bizStep", Reason::PartnerShipping)),
        s => {
            return Err(Why::at(
                "bizStep",
                Reason::PartnerStep { step: s.to_owned() },
            ))
        }
    }
    // EPCIS 2.0 allows `ilmd` only on ADD events: a receiving that carries its lot's master
    // data is ADD, any other is OBSERVE.
    match (
        o.get("action").and_then(Value::as_str),
        o.get("ilmd").is_some(),
    ) {
        (Some("OBSERVE"), false) | (Some("ADD"), true) => {}
        (Some("OBSERVE"), true) => return Err(Why::at("ilmd", Reason::IlmdNotAdd)),
        _ => return Err(Why::at("action", Reason::ReceivingAction)),
    }
    if p.acceptors.is_empty() {
        // No field of the event is wrong: what is missing is an option of the command.
        return Err(Why {
            field: None,
            reason: Reason::NoAcceptor,
        });
    }
    let biz = o.get("bizTransactionList").and_then(Value::as_array);
    let docs: Vec<&str> = biz
        .into_iter()
        .flatten()
        .filter(|b| is_type(b, "recadv"))
        .filter_map(|b| b.get("bizTransaction")?.as_str())
        .collect();
    let [doc] = docs[..] else {
        return Err(Why::at(
            "bizTransactionList",
            Reason::ReceiptNumbers {
                count: docs.len() as u64,
            },
        ));
    };
    let doc = doc_number(doc);
    // The partner's `po` and `desadv` are the receipt's purchase orders and delivery notes.
    let mut refs = Map::new();
    for (t, field) in [("po", "order"), ("desadv", "delivery_note")] {
        let docs: Vec<Value> = biz
            .into_iter()
            .flatten()
            .filter(|b| is_type(b, t))
            .filter_map(|b| b.get("bizTransaction")?.as_str())
            .map(|d| Value::from(doc_number(d)))
            .collect();
        if !docs.is_empty() {
            refs.insert(field.into(), Value::Array(docs));
        }
    }
    let sources = o.get("sourceList").and_then(Value::as_array);
    let owners: Vec<&Value> = sources
        .into_iter()
        .flatten()
        .filter(|s| is_type(s, "owning_party"))
        .collect();
    let [owner] = owners[..] else {
        return Err(Why::at(
            "sourceList",
            Reason::Suppliers {
                count: owners.len() as u64,
            },
        ));
    };
    let supplier = owner
        .get("source")
        .and_then(Value::as_str)
        .and_then(party_id)
        .ok_or(Why {
            field: None,
            reason: Reason::SupplierNotParty,
        })?;
    let location = loc_code(str_at(o, "/bizLocation/id"))
        .ok_or_else(|| Why::at("bizLocation", Reason::NoLocation))?;
    let lines = lines(o, &location)?;
    let mut data = Map::new();
    data.insert("doc".into(), doc.into());
    data.insert("supplier".into(), supplier.into());
    data.insert("lines".into(), Value::Array(lines));
    data.insert("acceptors".into(), p.acceptors.clone().into());
    let mut env = Map::new();
    env.insert("v".into(), Value::from(rxledger_model::FORMAT_VERSION));
    env.insert("kind".into(), "receipt".into());
    let at = o
        .get("eventTime")
        .cloned()
        .ok_or_else(|| Why::at("eventTime", Reason::Missing))?;
    env.insert("occurred_at".into(), at.clone());
    env.insert(
        "entered_at".into(),
        o.get("recordTime").cloned().unwrap_or(at),
    );
    env.insert("recorded_by".into(), p.recorded_by.clone().into());
    env.insert("data".into(), Value::Object(data));
    if !refs.is_empty() {
        env.insert("refs".into(), Value::Object(refs));
    }
    Ok(env)
}

/// A document number of a `bizTransaction`: rxledger's own `urn:rxledger:doc:` form decoded,
/// any other identifier as the partner wrote it.
fn doc_number(d: &str) -> String {
    d.strip_prefix("urn:rxledger:doc:")
        .and_then(unpct)
        .unwrap_or_else(|| d.to_owned())
}

/// The lot master data of an event's `ilmd` that a receipt line uses.
#[derive(Default)]
struct Ilmd {
    lot: Option<String>,
    production: Option<String>,
    expiry: Option<String>,
}

/// `cbvmda:lotNumber`, `cbvmda:productionDate` and `cbvmda:itemExpirationDate` of the event's
/// `ilmd` (other members are master data the ledger does not keep).
fn ilmd(o: &Value) -> Result<Ilmd, Why> {
    let Some(m) = o.get("ilmd") else {
        return Ok(Ilmd::default());
    };
    let m = m
        .as_object()
        .ok_or_else(|| Why::at("ilmd", Reason::IlmdNotObject))?;
    let text = |k: &str| -> Result<Option<String>, Why> {
        match m.get(k) {
            None => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
            Some(v) => Err(Why::at(
                &format!("ilmd.{k}"),
                Reason::NotText {
                    value: v.to_string(),
                },
            )),
        }
    };
    let date = |k: &str| -> Result<Option<String>, Why> {
        let Some(d) = text(k)? else { return Ok(None) };
        chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
            .map(|_| Some(d.clone()))
            .map_err(|_| {
                Why::at(
                    &format!("ilmd.{k}"),
                    Reason::IlmdNotDate { value: d.clone() },
                )
            })
    };
    Ok(Ilmd {
        lot: text("cbvmda:lotNumber")?,
        production: date("cbvmda:productionDate")?,
        expiry: date("cbvmda:itemExpirationDate")?,
    })
}

/// One of two sources of a value, which must agree where both give it.
fn agree(
    from_class: Option<String>,
    from_ilmd: Option<String>,
    part: LotPart,
) -> Result<Option<String>, Why> {
    match (from_class, from_ilmd) {
        (Some(a), Some(b)) if a != b => Err(Why::at(
            &format!("ilmd.{}", part.ilmd_key()),
            Reason::IlmdDiffers {
                value: b,
                part,
                class_value: a,
            },
        )),
        (a, b) => Ok(a.or(b)),
    }
}

/// The receipt's lines: one per `quantityList` entry, with its lot and dates from the
/// epcClass (Digital Link `/10/` and attributes `11`, production, and `17`, expiry) or from the
/// event's `ilmd` (one entry only); the `epcList` codes go to the only line.
fn lines(o: &Value, location: &str) -> Result<Vec<Value>, Why> {
    // The year of the event, for the century of GS1 dates (else this year's).
    let year = o
        .get("eventTime")
        .and_then(Value::as_str)
        .and_then(|t| t.get(..4)?.parse().ok())
        .unwrap_or_else(|| chrono::Datelike::year(&chrono::Utc::now()));
    let qs = o
        .get("quantityList")
        .and_then(Value::as_array)
        .filter(|q| !q.is_empty())
        .ok_or_else(|| Why::at("quantityList", Reason::NoQuantityList))?;
    let lot_data = ilmd(o)?;
    if o.get("ilmd").is_some() && qs.len() > 1 {
        return Err(Why::at("ilmd", Reason::IlmdAmbiguous));
    }
    let epcs = o
        .get("epcList")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    if !epcs.is_empty() && qs.len() > 1 {
        return Err(Why::at("epcList", Reason::EpcListAmbiguous));
    }
    let mut codes = Vec::new();
    for (k, e) in epcs.iter().enumerate() {
        let uri = e.as_str().unwrap_or_default();
        let at = |r: Reason| Why::at(&format!("epcList[{k}]"), r);
        let dl = as_dl(uri).map_err(at)?;
        let c = parse_epc(&dl)
            .filter(|c| c.starts_with("(01)"))
            .ok_or_else(|| {
                at(Reason::NotSgtin {
                    uri: uri.to_owned(),
                })
            })?;
        codes.push(Value::String(c));
    }
    let mut out = Vec::new();
    for (k, q) in qs.iter().enumerate() {
        let f = |name: &str, r: Reason| Why::at(&format!("quantityList[{k}].{name}"), r);
        let class = q
            .get("epcClass")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let (class, query) = class.split_once('?').unwrap_or((class, ""));
        let dl = as_dl(class).map_err(|r| f("epcClass", r))?;
        let (product, batch) = match parse_class(&dl).filter(|_| dl.starts_with("https://")) {
            Some((p, b)) => (p, Some(b)),
            // A GTIN without lot (`/01/{gtin}`, `urn:epc:idpat:sgtin:…*`): the lot from `ilmd`.
            None => match dl.strip_prefix("https://id.gs1.org/01/") {
                Some(g) if g.len() == 14 && g.bytes().all(|b| b.is_ascii_digit()) => {
                    (g.to_owned(), None)
                }
                _ => return Err(f("epcClass", Reason::NotLgtin)),
            },
        };
        if !rxledger_model::codes::gtin_check_ok(&product) {
            return Err(f("epcClass", Reason::GtinCheckDigit { gtin: product }));
        }
        let batch = agree(batch, lot_data.lot.clone(), LotPart::Lot)?
            .ok_or_else(|| f("epcClass", Reason::NoLot))?;
        let attr = |ai: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(ai)?.strip_prefix('='))
        };
        let date = |part: LotPart, ilmd: &Option<String>| {
            agree(
                attr(part.ai()).map(|d| gs1_date(d, year)),
                ilmd.clone(),
                part,
            )?
            .ok_or_else(|| f("epcClass", Reason::NoDate { part }))
        };
        let production = date(LotPart::Production, &lot_data.production)?;
        let expiry = date(LotPart::Expiry, &lot_data.expiry)?;
        if let Some(u) = q.get("uom").and_then(Value::as_str) {
            if u != "H87" {
                return Err(f("uom", Reason::NotPieces { uom: u.to_owned() }));
            }
        }
        let n = q
            .get("quantity")
            .filter(|n| n.is_u64())
            .cloned()
            .ok_or_else(|| f("quantity", Reason::NotWhole))?;
        let mut line = Map::new();
        line.insert("product".into(), product.into());
        line.insert("batch".into(), batch.into());
        line.insert("production_date".into(), production.into());
        line.insert("expiry".into(), expiry.into());
        line.insert("arrived".into(), n.clone());
        line.insert("accepted".into(), n);
        line.insert("location".into(), location.into());
        if !codes.is_empty() {
            line.insert("codes".into(), Value::Array(std::mem::take(&mut codes)));
        }
        out.push(Value::Object(line));
    }
    Ok(out)
}
