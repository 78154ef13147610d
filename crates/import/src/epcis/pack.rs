//! `aggregation` ⇄ one `AggregationEvent`: the case or middle-pack code as `parentID`, the unit
//! codes as `childEPCs` (EPCs as in `epcList`), `pack` as action `ADD` with bizStep `packing`,
//! `unpack` as `DELETE` with `unpacking`, the record number in `bizTransactionList`.

use serde_json::{json, Map, Value};

use super::{doc_uri, env_whole, epc, head, parse_epc, rx_whole, str_at, unpct};
use crate::reason::{Reason, Why};

/// The `AggregationEvent` of an `aggregation` (envelope `ev`, `data`).
pub(super) fn export(ev: &Map<String, Value>, mut data: Map<String, Value>) -> Value {
    let mut o = head("AggregationEvent", ev);
    let s = |v: Option<Value>| {
        v.and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    o.insert("parentID".into(), epc(&s(data.remove("parent"))).into());
    let children: Vec<Value> = match data.remove("children") {
        Some(Value::Array(c)) => c
            .iter()
            .filter_map(Value::as_str)
            .map(|c| epc(c).into())
            .collect(),
        _ => Vec::new(),
    };
    o.insert("childEPCs".into(), Value::Array(children));
    let unpack = data
        .remove("action")
        .and_then(|a| a.as_str().map(|a| a == "unpack"));
    let (action, step) = if unpack == Some(true) {
        ("DELETE", "unpacking")
    } else {
        ("ADD", "packing")
    };
    o.insert("action".into(), action.into());
    o.insert("bizStep".into(), step.into());
    let doc = s(data.remove("doc"));
    o.insert(
        "bizTransactionList".into(),
        json!([{ "bizTransaction": doc_uri(&doc) }]),
    );
    o.insert("rxl:event".into(), rx_whole(ev, "aggregation", data));
    Value::Object(o)
}

/// The envelope of the `aggregation` exported as `o`.
pub(super) fn import(o: &Value, rx: &Map<String, Value>) -> Result<Map<String, Value>, Why> {
    let mut data = match rx.get("data") {
        Some(Value::Object(d)) => d.clone(),
        _ => Map::new(),
    };
    let doc = str_at(o, "/bizTransactionList/0/bizTransaction")
        .and_then(|d| unpct(d.strip_prefix("urn:rxledger:doc:")?))
        .ok_or_else(|| Why::at("bizTransactionList[0]", Reason::NotOwnDocument))?;
    data.insert("doc".into(), doc.into());
    let action = match o.get("action").and_then(Value::as_str) {
        Some("ADD") => "pack",
        Some("DELETE") => "unpack",
        other => {
            let action = other.unwrap_or_default().to_owned();
            return Err(Why::at("action", Reason::NotPackAction { action }));
        }
    };
    data.insert("action".into(), action.into());
    let parent = str_at(o, "/parentID")
        .and_then(parse_epc)
        .ok_or_else(|| Why::at("parentID", Reason::NotCode))?;
    data.insert("parent".into(), parent.into());
    let mut children = Vec::new();
    for (k, c) in o
        .get("childEPCs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let c = c
            .as_str()
            .and_then(parse_epc)
            .ok_or_else(|| Why::at(&format!("childEPCs[{k}]"), Reason::NotCode))?;
        children.push(Value::String(c));
    }
    data.insert("children".into(), Value::Array(children));
    Ok(env_whole(o, rx, data))
}
