//! The reasons of refused EPCIS events that name lots and EPC URNs, in the catalogue's words.

use rxledger::reconcile::{Fact, Msg};
use rxledger_import::{EpcError, EpcFault, EpcPart, LotPart, Reason};

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

/// The reasons of refused sensor, packing and exported events in the catalogue's words, or
/// `None` for a reason rendered elsewhere.
pub(super) fn event_reason(r: &Reason) -> Option<Msg> {
    use Reason as R;
    Some(match r {
        R::NotSensorId { prefix } => {
            Msg::new("reason-not-sensor-id").arg("prefix", prefix.as_str())
        }
        R::BadPercent => Msg::new("reason-bad-percent"),
        R::NoPlace => Msg::new("reason-no-place").arg("field", "readPoint"),
        R::Missing => Msg::new("reason-missing"),
        R::NotANumber => Msg::new("reason-not-a-number"),
        R::NotCelsius { uom } => Msg::new("reason-not-celsius").arg("uom", uom.as_str()),
        R::NotPercent { uom } => Msg::new("reason-not-percent").arg("uom", uom.as_str()),
        R::HumidityAlone => Msg::new("reason-humidity-alone"),
        R::NotSensorType { ty } => Msg::new("reason-not-sensor-type")
            .arg("type", ty.as_str())
            .arg("temperature", "gs1:Temperature")
            .arg("humidity", "gs1:RelativeHumidity"),
        R::NotOwnDocument => Msg::new("reason-not-own-document"),
        R::NotPackAction { action } => {
            Msg::new("reason-not-pack-action").arg("action", action.as_str())
        }
        R::NotCode => Msg::new("reason-not-code"),
        R::NotRfc3339 => Msg::new("reason-not-rfc3339"),
        R::NoData => Msg::new("reason-no-data"),
        R::NoOwningParty => Msg::new("reason-no-owning-party"),
        R::NotExportedKind { kind } => {
            Msg::new("reason-not-exported-kind").arg("kind", kind.as_str())
        }
        R::EmptyList => Msg::new("reason-empty-list"),
        R::NotBatchClass => Msg::new("reason-not-batch-class"),
        R::Event { error } => super::event_msg(error),
        _ => return None,
    })
}
