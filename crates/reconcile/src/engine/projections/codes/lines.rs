//! The lines of an event that move unit codes ([`code_lines`]), with what their codes must
//! cover and whom they leave to or come back from.

use rxledger_model::{Event, EventBody};

use crate::engine::projections::Id;

/// How a line's codes must cover its quantity (`SPECIAL-CHAIN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Coverage {
    /// One unit per unit moved, packs expanded.
    Units,
    /// At least one unit per unit accepted and at most one per unit that arrived (`.0`): a
    /// receipt's rejected units may be scanned on arrival too (round 18).
    UpTo(u64),
    /// Not checked.
    None,
}

/// A line of an event that moves unit codes.
pub(crate) struct CodeLine<'e> {
    pub product: &'e str,
    pub batch: &'e str,
    /// The quantity the codes must cover.
    pub quantity: u64,
    /// Where the units leave from; `None` when they arrive from outside.
    pub from: Option<&'e str>,
    /// Where they go; `None` when they leave the company.
    pub to: Option<&'e str>,
    pub codes: &'e [Id],
    /// Units coming back from a customer.
    pub returned: bool,
    /// The party the units leave to (a dispatch's customer, a supplier return's supplier) or come
    /// back from (a customer return's customer).
    pub party: Option<&'e str>,
    /// Units leaving by a destruction (to no party; else a loss).
    pub destroyed: bool,
    pub coverage: Coverage,
}

/// The lines of `e` that move unit codes, in order.
pub(crate) fn code_lines<'e>(e: &'e Event, mut f: impl FnMut(CodeLine<'e>)) {
    let out = |f: &mut dyn FnMut(CodeLine<'e>),
               l: &'e rxledger_model::OutLine,
               party: Option<&'e str>,
               destroyed: bool,
               coverage| {
        f(CodeLine {
            product: &l.product,
            batch: &l.batch,
            quantity: l.quantity,
            from: Some(&l.from),
            to: None,
            codes: &l.codes,
            returned: false,
            party,
            destroyed,
            coverage,
        });
    };
    match &e.body {
        EventBody::Receipt(r) => {
            for l in &r.lines {
                f(CodeLine {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.accepted,
                    from: None,
                    to: Some(&l.location),
                    codes: &l.codes,
                    returned: false,
                    party: None,
                    destroyed: false,
                    // A case code stands for the units packed in it when the packing is known
                    // (an aggregation recorded before the receipt, as manufacturers send it).
                    coverage: Coverage::UpTo(l.arrived.max(l.accepted)),
                });
            }
        }
        EventBody::PutAway(rxledger_model::PutAway { lines, .. })
        | EventBody::Transfer(rxledger_model::Transfer { lines, .. }) => {
            for l in lines {
                f(CodeLine {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    from: Some(&l.from),
                    to: Some(&l.to),
                    codes: &l.codes,
                    returned: false,
                    party: None,
                    destroyed: false,
                    coverage: Coverage::Units,
                });
            }
        }
        // Units destroyed are in hand, under supervision: each is scanned, as dispatched units
        // are. Units lost or stolen cannot be: a loss report names the codes it can.
        EventBody::Dispatch(rxledger_model::Dispatch {
            lines, customer, ..
        }) => {
            for l in lines {
                out(&mut f, l, Some(customer), false, Coverage::Units);
            }
        }
        EventBody::SupplierReturn(rxledger_model::SupplierReturn {
            lines, supplier, ..
        }) => {
            for l in lines {
                out(&mut f, l, Some(supplier), false, Coverage::Units);
            }
        }
        EventBody::Destruction(rxledger_model::Destruction { lines, .. }) => {
            for l in lines {
                out(&mut f, l, None, true, Coverage::Units);
            }
        }
        EventBody::LossReport(rxledger_model::LossReport { lines, .. }) => {
            for l in lines {
                out(&mut f, l, None, false, Coverage::None);
            }
        }
        EventBody::CustomerReturn(r) => {
            for l in &r.lines {
                f(CodeLine {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    from: None,
                    to: Some(&l.to),
                    codes: &l.codes,
                    returned: true,
                    party: Some(&r.customer),
                    destroyed: false,
                    // Units back in hand are scanned as they arrive, as at a receipt.
                    coverage: Coverage::Units,
                });
            }
        }
        _ => {}
    }
}
