//! The reasons of refused EPCIS events that name lots and EPC URNs, in the catalogue's words.

use rxledger::reconcile::{Fact, Msg};
use rxledger_import::{EpcError, EpcFault, EpcPart, LotPart};

/// A lot, production date or expiry date in the catalogue's words.
pub(super) fn lot_part(p: LotPart) -> Fact {
    Fact::from(Msg::new(match p {
        LotPart::Lot => "lot-part-lot",
        LotPart::Production => "lot-part-production",
        LotPart::Expiry => "lot-part-expiry",
    }))
}

/// Why the EPC URN `uri` is malformed, in the catalogue's words, its values verbatim.
pub(super) fn epc_fact(uri: &str, e: &EpcError) -> Fact {
    use EpcFault as F;
    let EpcError::Malformed { scheme, reason } = e else {
        return Fact::Text(format!("`{uri}`: {e}"));
    };
    let part = |p: &EpcPart| {
        Fact::from(Msg::new(match p {
            EpcPart::Lot => "epc-part-lot",
            EpcPart::Serial => "epc-part-serial",
            EpcPart::Extension => "epc-part-extension",
            EpcPart::AssetReference => "epc-part-asset-reference",
            EpcPart::ConsignmentReference => "epc-part-consignment-reference",
            EpcPart::ComponentReference => "epc-part-component-reference",
            EpcPart::ThirdPartySerial => "epc-part-third-party-serial",
        }))
    };
    let detail = match reason {
        F::NoColon => Msg::new("epc-no-colon"),
        F::Components { n } => Msg::new("epc-components").arg("n", *n),
        F::CompanyPrefix { company } => {
            Msg::new("epc-company-prefix").arg("company", company.as_str())
        }
        F::Digits { reference, total } => Msg::new("epc-digits")
            .arg("reference", reference.as_str())
            .arg("total", *total),
        F::Length {
            part: p,
            value,
            n,
            min,
            max,
        } => Msg::new("epc-length")
            .arg("part", part(p))
            .arg("value", value.as_str())
            .arg("n", *n)
            .arg("min", *min)
            .arg("max", *max),
        F::Charset { part: p, value, at } => Msg::new("epc-charset")
            .arg("part", part(p))
            .arg("value", value.as_str())
            .arg("at", *at),
        F::Serial { value } => Msg::new("epc-serial").arg("value", value.as_str()),
        F::NotStar { value } => Msg::new("epc-not-star").arg("value", value.as_str()),
        F::PieceTotal { piece, total } => Msg::new("epc-piece-total")
            .arg("piece", piece.as_str())
            .arg("total", total.as_str()),
        _ => return Fact::Text(format!("`{uri}`: {e}")),
    };
    Fact::from(
        Msg::new("reason-malformed-epc")
            .arg("uri", uri)
            .arg("scheme", scheme.as_str())
            .arg("detail", Fact::from(detail)),
    )
}
