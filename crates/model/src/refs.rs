//! Document references (`refs`): the numbers of the other documents an event belongs with, and
//! how each format version spells them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::types::Text;

#[cfg(feature = "schema")]
use crate::schema;
use crate::{EventError, FORMAT_VERSION};

/// Document numbers linking an event to other documents (all optional). Every document-bearing
/// event carries its own number in `data.doc`; `refs` hold the numbers of the other documents it
/// belongs with. An empty list means "none".
///
/// `order`, `sale`, `receipt` and `delivery_note` are lists: one document may cover several
/// others (a monthly invoice for several sales, one delivery for several orders). They are
/// written as JSON arrays (format version 2); a version-1 event writes each as one string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Refs {
    /// Purchase order numbers (`purchase.doc`). Link receipts, supplier returns and purchase
    /// invoices to their orders.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<Text>,
    /// Sales order numbers (`sale.doc`). Link outbound reviews, dispatches, customer returns and
    /// sales invoices to their sales.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sale: Vec<Text>,
    /// Delivery notes (随货同行单): the supplier's dispatch numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub delivery_note: Vec<Text>,
    /// Receiving / acceptance records (`receipt.doc`), or quarantine or returns records.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub receipt: Vec<Text>,
    /// Invoice number (`invoice.doc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice: Option<Text>,
    /// Payment reference (`payment.doc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment: Option<Text>,
    /// Regulator approval reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<Text>,
}

impl Refs {
    pub(crate) fn is_empty(&self) -> bool {
        self == &Refs::default()
    }

    /// The first purchase order named, if any.
    pub fn first_order(&self) -> Option<&str> {
        self.order.first().map(Text::as_str)
    }

    /// The first sale named, if any.
    pub fn first_sale(&self) -> Option<&str> {
        self.sale.first().map(Text::as_str)
    }

    /// The first delivery note named, if any.
    pub fn first_delivery_note(&self) -> Option<&str> {
        self.delivery_note.first().map(Text::as_str)
    }
}

/// Reads refs as the current format version writes them.
impl<'de> Deserialize<'de> for Refs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RefsIn::deserialize(d)?
            .into_refs(FORMAT_VERSION)
            .map_err(serde::de::Error::custom)
    }
}

/// One document number, or (format version 2) a list of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DocRef {
    One(Text),
    Many(Vec<Text>),
}

impl<'de> Deserialize<'de> for DocRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = DocRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a document number, or a list of document numbers")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DocRef, E> {
                Ok(DocRef::One(Text::from(v)))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<DocRef, E> {
                Ok(DocRef::One(Text::from(v)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<DocRef, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<Text>()? {
                    out.push(s);
                }
                Ok(DocRef::Many(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DocRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocRef".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // One schema for both spellings: `pattern` constrains the string, the array keywords
        // the list.
        schemars::json_schema!({
            "type": ["string", "array"],
            "pattern": schema::NOT_BLANK,
            "items": {"type": "string", "pattern": schema::NOT_BLANK},
            "minItems": 1,
            "uniqueItems": true
        })
    }
}

/// Document numbers linking an event to other documents (all optional). Every document-bearing
/// event carries its own number in `data.doc`; `refs` hold the numbers of the other documents it
/// belongs with. In format version 2, `order`, `sale`, `delivery_note` and `receipt` take a list
/// of numbers where one document covers several others (a monthly invoice for several sales, one
/// delivery for several orders); a single string still means a list of one. Version 1 takes a
/// single string only.
#[derive(Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename = "Refs", deny_unknown_fields)]
pub(crate) struct RefsIn {
    /// Purchase order numbers (`purchase.doc`). Link receipts, supplier returns and purchase
    /// invoices to their orders. A receipt or purchase invoice covering several orders lists
    /// them all; the invoice is then matched against the sum of their goods.
    #[serde(default)]
    pub(crate) order: Option<DocRef>,
    /// Sales order numbers (`sale.doc`). Link outbound reviews, dispatches, customer returns
    /// and sales invoices to their sales. A monthly (月结) invoice or a dispatch covering
    /// several sales lists them all; the invoice is then matched against the sum of their
    /// goods.
    #[serde(default)]
    pub(crate) sale: Option<DocRef>,
    /// Delivery notes (随货同行单): the supplier's dispatch numbers. Required on every receipt
    /// (REC-DOC); match dispatches and receipts across ledgers. A sales invoice without `sale`
    /// is matched to the goods of these dispatches: to the sales a dispatch named (its own
    /// number when it named none), as if the invoice had named them. A purchase invoice without
    /// `order` or `receipt` is matched likewise to the orders of its issuer's receipts that
    /// named these delivery notes (the supplier's 随货同行单: two suppliers may print the same
    /// number, and each invoice meets its own supplier's receipts).
    #[serde(default)]
    pub(crate) delivery_note: Option<DocRef>,
    /// Receiving / acceptance records (`receipt.doc`), or quarantine or returns records. A
    /// purchase invoice without `order` is matched to the goods of these receipts: to the orders
    /// a receipt named (its own number when it named none), as if the invoice had named them.
    #[serde(default)]
    pub(crate) receipt: Option<DocRef>,
    /// Invoice number (`invoice.doc`). Recorded; no rule reads it at present.
    #[serde(default)]
    pub(crate) invoice: Option<Text>,
    /// Payment reference (`payment.doc`). Recorded; no rule reads it at present.
    #[serde(default)]
    pub(crate) payment: Option<Text>,
    /// Regulator approval reference, e.g. for narcotics or class-1 psychotropics sold to another
    /// province (SPECIAL-CHANNEL).
    #[serde(default)]
    pub(crate) approval: Option<Text>,
}

impl RefsIn {
    /// The typed refs of a version-`v` event.
    pub(crate) fn into_refs(self, v: u32) -> Result<Refs, EventError> {
        let list = |name: &str, r: Option<DocRef>| -> Result<Vec<Text>, EventError> {
            // Made only on error: this runs for every event read.
            let field = || format!("refs.{name}");
            let docs = match r {
                None => return Ok(Vec::new()),
                Some(DocRef::One(s)) => vec![s],
                Some(DocRef::Many(_)) if v < 2 => {
                    return Err(EventError::field_err(
                        field(),
                        "a list of documents needs format version 2 (\"v\":2); version 1 takes one string",
                    ));
                }
                Some(DocRef::Many(list)) if list.is_empty() => {
                    return Err(EventError::field_err(
                        field(),
                        "must name at least one document (leave the field out for none)",
                    ));
                }
                Some(DocRef::Many(list)) => list,
            };
            // The numbers seen, for lists too long to search each time (a consolidated invoice
            // can name thousands of sales: a search per number was quadratic).
            let mut seen = std::collections::HashSet::new();
            for (i, d) in docs.iter().enumerate() {
                if d.trim().is_empty() {
                    return Err(EventError::field_err(field(), "must not be blank"));
                }
                let twice = if docs.len() <= 16 {
                    docs.iter().take(i).any(|x| x == d)
                } else {
                    !seen.insert(d.as_str())
                };
                if twice {
                    return Err(EventError::field_err(
                        field(),
                        format!("names document {d:?} twice"),
                    ));
                }
            }
            Ok(docs)
        };
        Ok(Refs {
            order: list("order", self.order)?,
            sale: list("sale", self.sale)?,
            delivery_note: list("delivery_note", self.delivery_note)?,
            receipt: list("receipt", self.receipt)?,
            invoice: self.invoice,
            payment: self.payment,
            approval: self.approval,
        })
    }
}
