//! Semantic validation beyond types: required non-empty values, consistent quantities and
//! amounts, the limits of every quantity, amount, text and year. Every error names the field.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use crate::{
    Event, EventBody, EventError, Money, PartyKind, Problem, Text, Written, MAX_AMOUNT,
    MAX_QUANTITY, MAX_TEXT_BYTES, YEARS,
};

type R = Result<(), EventError>;

/// The path of a field (`data.lines[2].batch`), spelled out only when an error names it: every
/// event read is validated, and formatting the paths of valid fields cost more than the checks.
#[derive(Clone, Copy)]
enum Field<'a> {
    /// A top-level path such as `data.doc`.
    Name(&'a str),
    /// An item of a list: `field[i]`.
    Index(&'a Field<'a>, usize),
    /// A member: `field.name`.
    Member(&'a Field<'a>, &'a str),
}

impl Field<'_> {
    /// The member `name` of this field: `field.name`.
    fn at<'b>(&'b self, name: &'b str) -> Field<'b> {
        Field::Member(self, name)
    }
}

impl<'a> From<&'a str> for Field<'a> {
    fn from(name: &'a str) -> Self {
        Field::Name(name)
    }
}

impl std::fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Name(n) => f.write_str(n),
            Field::Index(field, i) => write!(f, "{field}[{i}]"),
            Field::Member(field, n) => write!(f, "{field}.{n}"),
        }
    }
}

fn err<'a>(field: impl Into<Field<'a>>, msg: impl Into<String>) -> EventError {
    let field = field.into();
    EventError::field_err(field.to_string(), msg)
}

fn problem<'a>(field: impl Into<Field<'a>>, p: Problem) -> EventError {
    let field = field.into();
    EventError::field_problem(field.to_string(), p)
}

/// Any text field: at most [`MAX_TEXT_BYTES`]. (Control characters are text: the sentences show
/// them visibly, `docs/findings.md`.)
fn text<'a>(field: impl Into<Field<'a>>, s: &str) -> R {
    let field = field.into();
    if s.len() > MAX_TEXT_BYTES {
        Err(problem(
            field,
            Problem::TooLong {
                bytes: s.len(),
                max: MAX_TEXT_BYTES,
            },
        ))
    } else {
        Ok(())
    }
}

fn opt_text<'a>(field: impl Into<Field<'a>>, s: Option<&Text>) -> R {
    let field = field.into();
    s.map_or(Ok(()), |s| text(field, s))
}

fn texts<'a>(field: impl Into<Field<'a>>, list: &[Text]) -> R {
    let field = field.into();
    for (i, s) in list.iter().enumerate() {
        text(Field::Index(&field, i), s)?;
    }
    Ok(())
}

fn non_empty<'a>(field: impl Into<Field<'a>>, s: &str) -> R {
    let field = field.into();
    if s.trim().is_empty() {
        Err(err(field, "must not be empty"))
    } else {
        text(field, s)
    }
}

/// A date in the years [`YEARS`].
fn date<'a>(field: impl Into<Field<'a>>, d: NaiveDate) -> R {
    let field = field.into();
    if YEARS.contains(&d.year()) {
        Ok(())
    } else {
        Err(problem(
            field,
            Problem::YearOutOfRange {
                value: d.to_string(),
                first: *YEARS.start(),
                last: *YEARS.end(),
            },
        ))
    }
}

/// An instant in the years [`YEARS`] (UTC).
fn instant<'a>(field: impl Into<Field<'a>>, t: &DateTime<Utc>) -> R {
    let field = field.into();
    // A leap second (`23:59:60`): chrono holds it as a second of a billion nanoseconds and more,
    // which the canonical spelling writes back as `:60`; no clock of a ledger is read in them
    // (attacker round 24: stored as written).
    if t.nanosecond() >= 1_000_000_000 {
        return Err(problem(field, Problem::LeapSecond));
    }
    // `naive_utc`: `DateTime::year` adds the (zero) offset first, on every sample of every upload.
    if YEARS.contains(&t.naive_utc().year()) {
        Ok(())
    } else {
        Err(problem(
            field,
            Problem::YearOutOfRange {
                value: t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                first: *YEARS.start(),
                last: *YEARS.end(),
            },
        ))
    }
}

/// A quantity: at most [`MAX_QUANTITY`].
fn quantity<'a>(field: impl Into<Field<'a>>, q: u64) -> R {
    let field = field.into();
    if q > MAX_QUANTITY {
        Err(problem(
            field,
            Problem::QuantityTooLarge {
                value: q,
                max: MAX_QUANTITY,
            },
        ))
    } else {
        Ok(())
    }
}

fn positive<'a>(field: impl Into<Field<'a>>, q: u64) -> R {
    let field = field.into();
    if q == 0 {
        Err(err(field, "must be at least 1"))
    } else {
        quantity(field, q)
    }
}

/// `data.lines`, the parent of every line's fields.
const LINES: Field<'static> = Field::Name("data.lines");
/// `data.readings`, the parent of every reading's fields.
const READINGS: Field<'static> = Field::Name("data.readings");

/// Checks every line of `data.lines`, of which there must be one: `check` gets the line's path
/// (`data.lines[i]`, whose fields are `line.at("batch")`) and the line.
fn each_line<T>(lines: &[T], mut check: impl FnMut(&Field<'_>, &T) -> R) -> R {
    lines_present(lines)?;
    for (i, l) in lines.iter().enumerate() {
        check(&Field::Index(&LINES, i), l)?;
    }
    Ok(())
}

fn lines_present<T>(lines: &[T]) -> R {
    if lines.is_empty() {
        Err(err("data.lines", "must hold at least one line"))
    } else {
        Ok(())
    }
}

fn people<'a>(field: impl Into<Field<'a>>, names: &[Text]) -> R {
    let field = field.into();
    if names.is_empty() {
        return Err(err(field, "must name at least one person"));
    }
    for (i, n) in names.iter().enumerate() {
        non_empty(Field::Index(&field, i), n)?;
    }
    Ok(())
}

/// An amount: not negative, at most [`MAX_AMOUNT`].
fn amount<'a>(field: impl Into<Field<'a>>, m: &Money) -> R {
    let field = field.into();
    if m.minor < 0 {
        Err(err(field.at("minor"), "must not be negative"))
    } else if m.minor > MAX_AMOUNT {
        Err(problem(
            field.at("minor"),
            Problem::AmountTooLarge {
                value: m.minor,
                max: MAX_AMOUNT,
            },
        ))
    } else {
        Ok(())
    }
}

fn price<'a>(field: impl Into<Field<'a>>, m: &Money) -> R {
    let field = field.into();
    if m.minor < 0 {
        Err(err(field.at("minor"), "a price must not be negative"))
    } else {
        amount(field, m)
    }
}

/// A line's value, quantity × unit price, is at most [`MAX_AMOUNT`].
fn line_value<'a>(field: impl Into<Field<'a>>, q: u64, unit_price: &Money) -> R {
    let field = field.into();
    let value = i64::try_from(q)
        .ok()
        .and_then(|q| q.checked_mul(unit_price.minor));
    if value.is_some_and(|v| v <= MAX_AMOUNT) {
        Ok(())
    } else {
        Err(problem(
            field,
            Problem::LineValueTooLarge {
                quantity: q,
                unit_price: unit_price.to_string(),
                max: MAX_AMOUNT,
            },
        ))
    }
}

/// The codes of a line of `quantity` units (`arrived`: a receipt line's units that arrived).
fn codes<'a>(field: impl Into<Field<'a>>, codes: &[Text], quantity: u64, arrived: bool) -> R {
    let field = field.into();
    for (i, c) in codes.iter().enumerate() {
        non_empty(Field::Index(&field, i), c)?;
    }
    // A code listed twice is one unit scanned twice (the rules count it once): only more
    // different units than the quantity is impossible. Counted only when the list is too long,
    // by unit: a GS1 unit spelt twice (bracketed and raw) is one unit, as the rules count it.
    // The year only decides the century of GS1 dates, which no unit's key holds: a fixed one
    // keeps validation a pure function of the event.
    if codes.len() as u64 > quantity {
        #[derive(PartialEq, Eq, Hash)]
        enum Unit<'a> {
            Key(u128),
            Unread(&'a str),
        }
        let distinct: std::collections::HashSet<Unit<'_>> = codes
            .iter()
            .map(|c| match crate::codes::parse_code_at(c, 2000) {
                Ok(code) => Unit::Key(code.key()),
                Err(_) => Unit::Unread(c.as_str()),
            })
            .collect();
        if distinct.len() as u64 > quantity {
            return Err(problem(
                field,
                Problem::CodesOverQuantity {
                    codes: distinct.len(),
                    quantity,
                    arrived,
                },
            ));
        }
    }
    Ok(())
}

/// The envelope: id, instants, people and document numbers.
fn envelope(e: &Event) -> R {
    if e.id.get_version_num() != 7 {
        return Err(problem(
            "id",
            Problem::UuidVersion {
                got: e.id.get_version_num(),
            },
        ));
    }
    instant("occurred_at", &e.occurred_at)?;
    if let Some(t) = &e.entered_at {
        instant("entered_at", t)?;
    }
    people("recorded_by", &e.recorded_by)?;
    refs(&e.refs)
}

/// Every document number in `refs` is at most [`MAX_TEXT_BYTES`] (checked in the order of the
/// field names, so that the first too-long number named is the same whatever the spelling).
fn refs(r: &crate::Refs) -> R {
    let crate::Refs {
        order,
        sale,
        delivery_note,
        receipt,
        invoice,
        payment,
        approval,
    } = r;
    let refs = Field::Name("refs");
    let one = |name, s: &Option<Text>| opt_text(refs.at(name), s.as_ref());
    let list = |name, list: &[Text]| {
        let field = refs.at(name);
        list.iter()
            .enumerate()
            .try_for_each(|(i, s)| text(Field::Index(&field, i), s))
    };
    one("approval", approval)?;
    list("delivery_note", delivery_note)?;
    one("invoice", invoice)?;
    list("order", order)?;
    one("payment", payment)?;
    list("receipt", receipt)?;
    list("sale", sale)
}

/// Validates an event.
pub(crate) fn validate(e: &Event) -> R {
    envelope(e)?;
    match &e.body {
        EventBody::PartyRegistered(p) => party(p),
        EventBody::LicenceChanged(c) => licence_changed(c),
        EventBody::ProductRegistered(p) => product(p),
        EventBody::Purchase(p) => purchase(p),
        EventBody::Receipt(r) => receipt(r),
        EventBody::PutAway(m) => {
            non_empty("data.doc", &m.doc)?;
            move_lines(&m.lines)
        }
        EventBody::Transfer(m) => {
            non_empty("data.doc", &m.doc)?;
            move_lines(&m.lines)
        }
        EventBody::Sale(s) => sale(s),
        EventBody::OutboundReview(r) => review(r),
        EventBody::Dispatch(d) => {
            non_empty("data.doc", &d.doc)?;
            non_empty("data.customer", &d.customer)?;
            text("data.consignee", &d.consignee)?;
            non_empty("data.address", &d.address)?;
            opt_text("data.vehicle", d.vehicle.as_ref())?;
            out_lines(&d.lines)
        }
        EventBody::CustomerReturn(r) => customer_return(r),
        EventBody::SupplierReturn(r) => {
            non_empty("data.doc", &r.doc)?;
            non_empty("data.supplier", &r.supplier)?;
            text("data.reason", &r.reason)?;
            out_lines(&r.lines)
        }
        EventBody::Destruction(d) => {
            non_empty("data.doc", &d.doc)?;
            non_empty("data.reason", &d.reason)?;
            text("data.method", &d.method)?;
            texts("data.supervisors", &d.supervisors)?;
            out_lines(&d.lines)
        }
        EventBody::StockCount(c) => stock_count(c),
        EventBody::Invoice(inv) => invoice(inv),
        EventBody::Payment(p) => payment(p),
        EventBody::TemperatureReading(t) => temperature(t),
        EventBody::ZoneRegistered(z) => {
            non_empty("data.zone", &z.zone)?;
            texts("data.sensors", &z.sensors)?;
            temp_range(z.temp_range.as_ref())
        }
        EventBody::Aggregation(a) => {
            non_empty("data.doc", &a.doc)?;
            non_empty("data.parent", &a.parent)?;
            if a.children.is_empty() {
                return Err(err("data.children", "must hold at least one code"));
            }
            for (i, c) in a.children.iter().enumerate() {
                non_empty(Field::Index(&Field::Name("data.children"), i), c)?;
            }
            Ok(())
        }
        EventBody::LossReport(l) => {
            non_empty("data.doc", &l.doc)?;
            instant("data.discovered_at", &l.discovered_at)?;
            texts("data.reported_to", &l.reported_to)?;
            out_lines(&l.lines)
        }
    }
}

fn move_lines(lines: &[crate::MoveLine]) -> R {
    each_line(lines, |line, l| {
        non_empty(line.at("product"), &l.product)?;
        non_empty(line.at("batch"), &l.batch)?;
        non_empty(line.at("from"), &l.from)?;
        non_empty(line.at("to"), &l.to)?;
        positive(line.at("quantity"), l.quantity)?;
        codes(line.at("codes"), &l.codes, l.quantity, false)?;
        Ok(())
    })
}

fn out_lines(lines: &[crate::OutLine]) -> R {
    each_line(lines, |line, l| {
        non_empty(line.at("product"), &l.product)?;
        non_empty(line.at("batch"), &l.batch)?;
        non_empty(line.at("from"), &l.from)?;
        positive(line.at("quantity"), l.quantity)?;
        codes(line.at("codes"), &l.codes, l.quantity, false)?;
        Ok(())
    })
}

fn temp_range(r: Option<&crate::TempRange>) -> R {
    match r {
        Some(r) if !(r.min_c.is_finite() && r.max_c.is_finite() && r.min_c <= r.max_c) => {
            Err(err("data.temp_range", "min_c must be ≤ max_c"))
        }
        _ => Ok(()),
    }
}

fn licence<'a>(field: impl Into<Field<'a>>, l: &crate::Licence) -> R {
    let field = field.into();
    non_empty(field.at("number"), &l.number)?;
    date(field.at("valid_from"), l.valid_from)?;
    date(field.at("valid_to"), l.valid_to)?;
    if l.valid_to < l.valid_from {
        return Err(err(field.at("valid_to"), "is before valid_from"));
    }
    Ok(())
}

fn accounts<'a>(field: impl Into<Field<'a>>, list: &[crate::BankAccount]) -> R {
    let field = field.into();
    for (i, a) in list.iter().enumerate() {
        let item = Field::Index(&field, i);
        text(item.at("bank"), &a.bank)?;
        text(item.at("number"), &a.number)?;
    }
    Ok(())
}

fn special(s: Option<&crate::Special>) -> R {
    if let Some(s) = s {
        opt_text("data.special.seal_card", s.seal_card.as_ref())?;
        date("data.special.valid_to", s.valid_to)?;
    }
    Ok(())
}

fn party(p: &crate::PartyRegistered) -> R {
    non_empty("data.party", &p.party)?;
    non_empty("data.name", &p.name)?;
    non_empty("data.province", &p.province)?;
    text("data.address", &p.address)?;
    if p.kind != PartyKind::Individual && p.licence.is_none() {
        return Err(err(
            "data.licence",
            "required for every party except an individual",
        ));
    }
    if let Some(l) = &p.licence {
        licence("data.licence", l)?;
    }
    accounts("data.accounts", &p.accounts)?;
    special(p.special.as_ref())
}

fn licence_changed(c: &crate::LicenceChanged) -> R {
    non_empty("data.party", &c.party)?;
    licence("data.licence", &c.licence)?;
    accounts("data.accounts", c.accounts.as_deref().unwrap_or_default())?;
    special(c.special.as_ref())?;
    text("data.reason", &c.reason)
}

fn product(p: &crate::ProductRegistered) -> R {
    non_empty("data.product", &p.product)?;
    non_empty("data.generic_name", &p.generic_name)?;
    text("data.form", &p.form)?;
    text("data.spec", &p.spec)?;
    text("data.manufacturer", &p.manufacturer)?;
    non_empty("data.approval_number", &p.approval_number)?;
    non_empty("data.unit", &p.unit)?;
    temp_range(p.temp_range.as_ref())
}

fn purchase(p: &crate::Purchase) -> R {
    non_empty("data.doc", &p.doc)?;
    non_empty("data.supplier", &p.supplier)?;
    each_line(&p.lines, |line, l| {
        non_empty(line.at("product"), &l.product)?;
        positive(line.at("quantity"), l.quantity)?;
        price(line.at("unit_price"), &l.unit_price)?;
        line_value(line.at("unit_price"), l.quantity, &l.unit_price)?;
        Ok(())
    })
}

fn receipt(r: &crate::Receipt) -> R {
    non_empty("data.doc", &r.doc)?;
    non_empty("data.supplier", &r.supplier)?;
    people("data.acceptors", &r.acceptors)?;
    if let Some(t) = &r.transport {
        text("data.transport.vehicle", &t.vehicle)?;
        instant("data.transport.shipped_at", &t.shipped_at)?;
    }
    each_line(&r.lines, |line, l| {
        non_empty(line.at("product"), &l.product)?;
        non_empty(line.at("batch"), &l.batch)?;
        non_empty(line.at("location"), &l.location)?;
        opt_text(line.at("reject_reason"), l.reject_reason.as_ref())?;
        positive(line.at("arrived"), l.arrived)?;
        if l.accepted.checked_add(l.rejected) != Some(l.arrived) {
            return Err(problem(
                line.at("accepted"),
                Problem::AcceptedRejected {
                    accepted: l.accepted,
                    rejected: l.rejected,
                    arrived: l.arrived,
                },
            ));
        }
        date(line.at("production_date"), l.production_date)?;
        date(line.at("expiry"), l.expiry)?;
        if l.expiry <= l.production_date {
            return Err(err(line.at("expiry"), "must be after production_date"));
        }
        codes(line.at("codes"), &l.codes, l.arrived, true)?;
        Ok(())
    })
}

fn sale(s: &crate::Sale) -> R {
    non_empty("data.doc", &s.doc)?;
    non_empty("data.customer", &s.customer)?;
    opt_text("data.buyer_id", s.buyer_id.as_ref())?;
    opt_text("data.prescription", s.prescription.as_ref())?;
    each_line(&s.lines, |line, l| {
        non_empty(line.at("product"), &l.product)?;
        non_empty(line.at("batch"), &l.batch)?;
        date(line.at("expiry"), l.expiry)?;
        positive(line.at("quantity"), l.quantity)?;
        price(line.at("unit_price"), &l.unit_price)?;
        line_value(line.at("unit_price"), l.quantity, &l.unit_price)?;
        Ok(())
    })
}

fn review(r: &crate::OutboundReview) -> R {
    non_empty("data.doc", &r.doc)?;
    non_empty("data.customer", &r.customer)?;
    people("data.reviewers", &r.reviewers)?;
    each_line(&r.lines, |line, l| {
        text(line.at("product"), &l.product)?;
        non_empty(line.at("batch"), &l.batch)?;
        date(line.at("expiry"), l.expiry)?;
        positive(line.at("quantity"), l.quantity)?;
        Ok(())
    })
}

fn customer_return(r: &crate::CustomerReturn) -> R {
    non_empty("data.doc", &r.doc)?;
    non_empty("data.customer", &r.customer)?;
    text("data.reason", &r.reason)?;
    each_line(&r.lines, |line, l| {
        text(line.at("product"), &l.product)?;
        non_empty(line.at("batch"), &l.batch)?;
        non_empty(line.at("to"), &l.to)?;
        positive(line.at("quantity"), l.quantity)?;
        codes(line.at("codes"), &l.codes, l.quantity, false)?;
        Ok(())
    })
}

fn stock_count(c: &crate::StockCount) -> R {
    non_empty("data.doc", &c.doc)?;
    non_empty("data.location", &c.location)?;
    each_line(&c.lines, |line, l| {
        text(line.at("product"), &l.product)?;
        non_empty(line.at("batch"), &l.batch)?;
        quantity(line.at("counted"), l.counted)?;
        Ok(())
    })
}

fn invoice(inv: &crate::Invoice) -> R {
    non_empty("data.doc", &inv.doc)?;
    non_empty("data.issuer", &inv.issuer)?;
    non_empty("data.buyer", &inv.buyer)?;
    date("data.issued_on", inv.issued_on)?;
    opt_text("data.credit_for", inv.credit_for.as_ref())?;
    amount("data.total", &inv.total)?;
    let mut sum: i64 = 0;
    each_line(&inv.lines, |line, l| {
        text(line.at("product"), &l.product)?;
        // A credit note's line of quantity 0 is a price reduction (折让) of its amount alone.
        let reduction = inv.credit_for.is_some() && l.quantity == 0;
        if reduction && l.unit_price.minor != 0 {
            return Err(err(
                line.at("quantity"),
                "must be at least 1 (0 only on a credit note's price reduction, with unit_price 0)",
            ));
        }
        if !reduction {
            positive(line.at("quantity"), l.quantity)?;
        }
        price(line.at("unit_price"), &l.unit_price)?;
        amount(line.at("amount"), &l.amount)?;
        if l.amount.currency != inv.total.currency || l.unit_price.currency != inv.total.currency {
            return Err(err(
                line.at("amount.currency"),
                "differs from the total's currency",
            ));
        }
        // A unit price is in whole fen, while an invoice may print one with more decimals
        // (0.875 元/支) and round the line's amount once: quantity × the price rounded to fen
        // is then up to half a fen per unit from the amount printed.
        let expect = i64::try_from(l.quantity)
            .ok()
            .and_then(|q| q.checked_mul(l.unit_price.minor));
        let slack = l.quantity.div_ceil(2);
        if !reduction && expect.is_none_or(|e| e.abs_diff(l.amount.minor) > slack) {
            return Err(problem(
                line.at("amount"),
                Problem::LineAmount {
                    amount: l.amount.to_string(),
                    quantity: l.quantity,
                    unit_price: l.unit_price.to_string(),
                },
            ));
        }
        sum = sum
            .checked_add(l.amount.minor)
            .ok_or_else(|| err(line.at("amount"), "sum of amounts overflows"))?;
        Ok(())
    })?;
    if sum != inv.total.minor {
        return Err(problem(
            "data.total",
            Problem::InvoiceTotal {
                total: inv.total.to_string(),
                sum: Money {
                    minor: sum,
                    currency: inv.total.currency,
                }
                .to_string(),
            },
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
    amount("data.amount", &p.amount)?;
    if p.method == crate::PaymentMethod::Cash {
        text("data.payer_account", &p.payer_account)?;
        text("data.payee_account", &p.payee_account)?;
    } else {
        non_empty("data.payer_account", &p.payer_account)?;
        non_empty("data.payee_account", &p.payee_account)?;
    }
    texts("data.invoices", &p.invoices)
}

fn temperature(t: &crate::TemperatureReading) -> R {
    non_empty("data.sensor", &t.sensor)?;
    opt_text("data.zone", t.zone.as_ref())?;
    opt_text("data.vehicle", t.vehicle.as_ref())?;
    if t.zone.is_some() == t.vehicle.is_some() {
        return Err(err("data.zone", "give exactly one of `zone` and `vehicle`"));
    }
    if t.readings.is_empty() {
        return Err(err("data.readings", "must hold at least one reading"));
    }
    let mut last = None;
    for (i, r) in t.readings.iter().enumerate() {
        let reading = Field::Index(&READINGS, i);
        instant(reading.at("at"), &r.at)?;
        if !(r.celsius.is_finite() && (-100.0..=100.0).contains(&r.celsius)) {
            return Err(err(reading.at("celsius"), "must be between -100 and 100"));
        }
        if let Some(h) = r.humidity {
            if !(0.0..=100.0).contains(&h) {
                return Err(err(reading.at("humidity"), "must be between 0 and 100"));
            }
        }
        if last.is_some_and(|l| r.at < l) {
            return Err(err(reading.at("at"), "readings must be in time order"));
        }
        last = Some(r.at);
    }
    Ok(())
}

/// For serde's message on a value that does not fit a quantity (`u64`) or an amount (`i64`)
/// (a fraction; a value beyond 64 bits, which JSON reads as a float; a string, `null`, a
/// boolean, a list or an object), what the field takes, and what it got where that helps:
/// `must be a whole number from 0 to 1000000000000 (got 10.0)`. A float beyond 2^53 is not
/// echoed (it would be shown rounded, `1.8446744073709552e19`, a number nobody wrote).
pub(crate) fn number_limit(message: &str) -> Option<Problem> {
    let (max, minor_units) = if message.ends_with(", expected u64") {
        (MAX_QUANTITY, false)
    } else if message.ends_with(", expected i64") {
        (u64::try_from(MAX_AMOUNT).unwrap_or(u64::MAX), true)
    } else {
        return None;
    };
    let got = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    let got = got.get(..got.rfind(", expected ")?)?;
    // serde writes `floating point `10.0``, `integer `-1``, `string "10"`, `null`, `boolean
    // `true``, `sequence`, `map`.
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_owned);
    let got = match got.split_once(' ').map_or(got, |(kind, _)| kind) {
        "floating" => quoted(got)
            .filter(|v| !v.contains('e') && v.len() <= 17)
            .map(Written::Number),
        "integer" => quoted(got).map(Written::Number),
        "string" => got
            .strip_prefix("string ")
            .map(|s| Written::Text(s.to_owned())),
        "null" => Some(Written::Null),
        "boolean" => quoted(got).map(|b| Written::Bool(b == "true")),
        "sequence" => Some(Written::List),
        "map" => Some(Written::Object),
        _ => None,
    };
    Some(Problem::NotWholeNumber {
        max,
        minor_units,
        got,
    })
}

#[cfg(test)]
mod tests;
