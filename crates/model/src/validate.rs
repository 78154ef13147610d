//! Semantic validation beyond types: required non-empty values, consistent quantities and
//! amounts. Every error names the field.

use crate::{Event, EventBody, EventError, Money, PartyKind};

type R = Result<(), EventError>;

fn err(field: impl Into<String>, msg: impl Into<String>) -> EventError {
    EventError::field_err(field, msg)
}

fn non_empty(field: &str, s: &str) -> R {
    if s.trim().is_empty() {
        Err(err(field, "must not be empty"))
    } else {
        Ok(())
    }
}

fn positive(field: String, q: u64) -> R {
    if q == 0 {
        Err(err(field, "must be at least 1"))
    } else {
        Ok(())
    }
}

fn lines_present<T>(lines: &[T]) -> R {
    if lines.is_empty() {
        Err(err("data.lines", "must hold at least one line"))
    } else {
        Ok(())
    }
}

fn people(field: &str, names: &[String]) -> R {
    if names.is_empty() {
        return Err(err(field, "must name at least one person"));
    }
    for (i, n) in names.iter().enumerate() {
        non_empty(&format!("{field}[{i}]"), n)?;
    }
    Ok(())
}

fn price(field: String, m: &Money) -> R {
    if m.minor < 0 {
        Err(err(field + ".minor", "a price must not be negative"))
    } else {
        Ok(())
    }
}

fn codes(field: String, codes: &[String], quantity: u64) -> R {
    for (i, c) in codes.iter().enumerate() {
        non_empty(&format!("{field}[{i}]"), c)?;
    }
    if codes.len() as u64 > quantity {
        return Err(err(
            field,
            format!(
                "{} traceability codes for a quantity of {quantity}",
                codes.len()
            ),
        ));
    }
    Ok(())
}

/// Validates an event.
pub(crate) fn validate(e: &Event) -> R {
    if e.id.get_version_num() != 7 {
        return Err(err(
            "id",
            format!(
                "must be a UUID version 7 (got version {})",
                e.id.get_version_num()
            ),
        ));
    }
    people("recorded_by", &e.recorded_by)?;
    match &e.body {
        EventBody::PartyRegistered(p) => party(p)?,
        EventBody::LicenceChanged(c) => {
            non_empty("data.party", &c.party)?;
            non_empty("data.licence.number", &c.licence.number)?;
            if c.licence.valid_to < c.licence.valid_from {
                return Err(err("data.licence.valid_to", "is before valid_from"));
            }
        }
        EventBody::ProductRegistered(p) => product(p)?,
        EventBody::Purchase(p) => {
            non_empty("data.doc", &p.doc)?;
            non_empty("data.supplier", &p.supplier)?;
            lines_present(&p.lines)?;
            for (i, l) in p.lines.iter().enumerate() {
                non_empty(&format!("data.lines[{i}].product"), &l.product)?;
                positive(format!("data.lines[{i}].quantity"), l.quantity)?;
                price(format!("data.lines[{i}].unit_price"), &l.unit_price)?;
            }
        }
        EventBody::Receipt(r) => receipt(r)?,
        EventBody::PutAway(m) => {
            non_empty("data.doc", &m.doc)?;
            lines_present(&m.lines)?;
            move_lines(&m.lines)?;
        }
        EventBody::Transfer(m) => {
            non_empty("data.doc", &m.doc)?;
            lines_present(&m.lines)?;
            move_lines(&m.lines)?;
        }
        EventBody::Sale(s) => sale(s)?,
        EventBody::OutboundReview(r) => {
            non_empty("data.doc", &r.doc)?;
            non_empty("data.customer", &r.customer)?;
            people("data.reviewers", &r.reviewers)?;
            lines_present(&r.lines)?;
            for (i, l) in r.lines.iter().enumerate() {
                non_empty(&format!("data.lines[{i}].batch"), &l.batch)?;
                positive(format!("data.lines[{i}].quantity"), l.quantity)?;
            }
        }
        EventBody::Dispatch(d) => {
            non_empty("data.doc", &d.doc)?;
            non_empty("data.customer", &d.customer)?;
            non_empty("data.address", &d.address)?;
            lines_present(&d.lines)?;
            out_lines(&d.lines)?;
        }
        EventBody::CustomerReturn(r) => {
            non_empty("data.doc", &r.doc)?;
            non_empty("data.customer", &r.customer)?;
            lines_present(&r.lines)?;
            for (i, l) in r.lines.iter().enumerate() {
                let f = |n: &str| format!("data.lines[{i}].{n}");
                non_empty(&f("batch"), &l.batch)?;
                non_empty(&f("to"), &l.to)?;
                positive(f("quantity"), l.quantity)?;
                codes(f("codes"), &l.codes, l.quantity)?;
            }
        }
        EventBody::SupplierReturn(r) => {
            non_empty("data.doc", &r.doc)?;
            non_empty("data.supplier", &r.supplier)?;
            lines_present(&r.lines)?;
            out_lines(&r.lines)?;
        }
        EventBody::Destruction(d) => {
            non_empty("data.doc", &d.doc)?;
            non_empty("data.reason", &d.reason)?;
            lines_present(&d.lines)?;
            out_lines(&d.lines)?;
        }
        EventBody::StockCount(c) => {
            non_empty("data.doc", &c.doc)?;
            non_empty("data.location", &c.location)?;
            lines_present(&c.lines)?;
            for (i, l) in c.lines.iter().enumerate() {
                non_empty(&format!("data.lines[{i}].batch"), &l.batch)?;
            }
        }
        EventBody::Invoice(inv) => invoice(inv)?,
        EventBody::Payment(p) => payment(p)?,
        EventBody::TemperatureReading(t) => temperature(t)?,
        EventBody::ZoneRegistered(z) => {
            non_empty("data.zone", &z.zone)?;
            if let Some(r) = &z.temp_range {
                if !(r.min_c.is_finite() && r.max_c.is_finite() && r.min_c <= r.max_c) {
                    return Err(err("data.temp_range", "min_c must be ≤ max_c"));
                }
            }
        }
        EventBody::Aggregation(a) => {
            non_empty("data.doc", &a.doc)?;
            non_empty("data.parent", &a.parent)?;
            if a.children.is_empty() {
                return Err(err("data.children", "must hold at least one code"));
            }
            for (i, c) in a.children.iter().enumerate() {
                non_empty(&format!("data.children[{i}]"), c)?;
            }
        }
        EventBody::LossReport(l) => {
            non_empty("data.doc", &l.doc)?;
            lines_present(&l.lines)?;
            out_lines(&l.lines)?;
        }
    }
    Ok(())
}

fn move_lines(lines: &[crate::MoveLine]) -> R {
    for (i, l) in lines.iter().enumerate() {
        let f = |n: &str| format!("data.lines[{i}].{n}");
        non_empty(&f("product"), &l.product)?;
        non_empty(&f("batch"), &l.batch)?;
        non_empty(&f("from"), &l.from)?;
        non_empty(&f("to"), &l.to)?;
        positive(f("quantity"), l.quantity)?;
        codes(f("codes"), &l.codes, l.quantity)?;
    }
    Ok(())
}

fn out_lines(lines: &[crate::OutLine]) -> R {
    for (i, l) in lines.iter().enumerate() {
        let f = |n: &str| format!("data.lines[{i}].{n}");
        non_empty(&f("product"), &l.product)?;
        non_empty(&f("batch"), &l.batch)?;
        non_empty(&f("from"), &l.from)?;
        positive(f("quantity"), l.quantity)?;
        codes(f("codes"), &l.codes, l.quantity)?;
    }
    Ok(())
}

fn party(p: &crate::PartyRegistered) -> R {
    non_empty("data.party", &p.party)?;
    non_empty("data.name", &p.name)?;
    non_empty("data.province", &p.province)?;
    if p.kind != PartyKind::Individual && p.licence.is_none() {
        return Err(err(
            "data.licence",
            "required for every party except an individual",
        ));
    }
    if let Some(l) = &p.licence {
        non_empty("data.licence.number", &l.number)?;
        if l.valid_to < l.valid_from {
            return Err(err("data.licence.valid_to", "is before valid_from"));
        }
    }
    Ok(())
}

fn product(p: &crate::ProductRegistered) -> R {
    non_empty("data.product", &p.product)?;
    non_empty("data.generic_name", &p.generic_name)?;
    non_empty("data.approval_number", &p.approval_number)?;
    non_empty("data.unit", &p.unit)?;
    if let Some(r) = &p.temp_range {
        if !(r.min_c.is_finite() && r.max_c.is_finite() && r.min_c <= r.max_c) {
            return Err(err("data.temp_range", "min_c must be ≤ max_c"));
        }
    }
    Ok(())
}

fn receipt(r: &crate::Receipt) -> R {
    non_empty("data.doc", &r.doc)?;
    non_empty("data.supplier", &r.supplier)?;
    people("data.acceptors", &r.acceptors)?;
    lines_present(&r.lines)?;
    for (i, l) in r.lines.iter().enumerate() {
        let f = |n: &str| format!("data.lines[{i}].{n}");
        non_empty(&f("product"), &l.product)?;
        non_empty(&f("batch"), &l.batch)?;
        non_empty(&f("location"), &l.location)?;
        positive(f("arrived"), l.arrived)?;
        if l.accepted.checked_add(l.rejected) != Some(l.arrived) {
            return Err(err(
                f("accepted"),
                format!(
                    "accepted {} + rejected {} must equal arrived {}",
                    l.accepted, l.rejected, l.arrived
                ),
            ));
        }
        if l.expiry <= l.production_date {
            return Err(err(f("expiry"), "must be after production_date"));
        }
        codes(f("codes"), &l.codes, l.arrived)?;
    }
    Ok(())
}

fn sale(s: &crate::Sale) -> R {
    non_empty("data.doc", &s.doc)?;
    non_empty("data.customer", &s.customer)?;
    lines_present(&s.lines)?;
    for (i, l) in s.lines.iter().enumerate() {
        let f = |n: &str| format!("data.lines[{i}].{n}");
        non_empty(&f("product"), &l.product)?;
        non_empty(&f("batch"), &l.batch)?;
        positive(f("quantity"), l.quantity)?;
        price(f("unit_price"), &l.unit_price)?;
    }
    Ok(())
}

fn invoice(inv: &crate::Invoice) -> R {
    non_empty("data.doc", &inv.doc)?;
    non_empty("data.issuer", &inv.issuer)?;
    non_empty("data.buyer", &inv.buyer)?;
    lines_present(&inv.lines)?;
    let mut sum: i64 = 0;
    for (i, l) in inv.lines.iter().enumerate() {
        let f = |n: &str| format!("data.lines[{i}].{n}");
        positive(f("quantity"), l.quantity)?;
        price(f("unit_price"), &l.unit_price)?;
        if l.amount.currency != inv.total.currency || l.unit_price.currency != inv.total.currency {
            return Err(err(
                f("amount.currency"),
                "differs from the total's currency",
            ));
        }
        let expect = i64::try_from(l.quantity)
            .ok()
            .and_then(|q| q.checked_mul(l.unit_price.minor));
        if expect != Some(l.amount.minor) {
            return Err(err(
                f("amount"),
                format!(
                    "{} is not quantity {} × unit price {}",
                    l.amount, l.quantity, l.unit_price
                ),
            ));
        }
        sum = sum
            .checked_add(l.amount.minor)
            .ok_or_else(|| err(f("amount"), "sum of amounts overflows"))?;
    }
    if sum != inv.total.minor {
        return Err(err(
            "data.total",
            format!(
                "{} is not the sum of the line amounts ({})",
                inv.total,
                Money {
                    minor: sum,
                    currency: inv.total.currency
                }
            ),
        ));
    }
    Ok(())
}

fn payment(p: &crate::Payment) -> R {
    non_empty("data.doc", &p.doc)?;
    non_empty("data.payer", &p.payer)?;
    non_empty("data.payee", &p.payee)?;
    if p.amount.minor <= 0 {
        return Err(err("data.amount.minor", "must be positive"));
    }
    if p.method != crate::PaymentMethod::Cash {
        non_empty("data.payer_account", &p.payer_account)?;
        non_empty("data.payee_account", &p.payee_account)?;
    }
    Ok(())
}

fn temperature(t: &crate::TemperatureReading) -> R {
    non_empty("data.sensor", &t.sensor)?;
    if t.zone.is_some() == t.vehicle.is_some() {
        return Err(err("data.zone", "give exactly one of `zone` and `vehicle`"));
    }
    if t.readings.is_empty() {
        return Err(err("data.readings", "must hold at least one reading"));
    }
    let mut last = None;
    for (i, r) in t.readings.iter().enumerate() {
        if !(r.celsius.is_finite() && (-100.0..=100.0).contains(&r.celsius)) {
            return Err(err(
                format!("data.readings[{i}].celsius"),
                "must be between -100 and 100",
            ));
        }
        if let Some(h) = r.humidity {
            if !(0.0..=100.0).contains(&h) {
                return Err(err(
                    format!("data.readings[{i}].humidity"),
                    "must be between 0 and 100",
                ));
            }
        }
        if last.is_some_and(|l| r.at < l) {
            return Err(err(
                format!("data.readings[{i}].at"),
                "readings must be in time order",
            ));
        }
        last = Some(r.at);
    }
    Ok(())
}
