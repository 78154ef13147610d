//! Events refused at input: the field and the problem, typed problems with their figures in the
//! catalogue's words, the parser's common complaints likewise, any other explanation as the
//! library gives it.

use rxledger::model::{EventError, Problem, Written};
use rxledger::reconcile::{Fact, Msg};

/// What is wrong with an event: the field and, for the parser's common complaints, the
/// catalogue's words; any other explanation as the library gives it.
pub fn event_msg(e: &EventError) -> Msg {
    match e {
        EventError::Json { column, message } => {
            // `serde_json` ends its message with the place, which the line and column give.
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            Msg::new("event-json")
                .arg("column", *column)
                .arg("detail", json_detail(message))
        }
        EventError::Field {
            field,
            message,
            problem,
        } => Msg::new("event-field")
            .arg("field", field.as_str())
            .arg("detail", detail(message, problem.as_deref())),
        _ => Msg::new("io-other").arg("detail", e.to_string()),
    }
}

/// `serde_json`'s common complaints in the catalogue's words.
pub(super) fn json_detail(message: &str) -> Fact {
    let id = match message {
        "expected value" | "expected ident" => "json-expected-value",
        "trailing characters" => "json-trailing",
        "key must be a string" => "json-key",
        "expected `,` or `}`" => "json-object",
        "expected `,` or `]`" => "json-array",
        m if m.starts_with("EOF while parsing") => "json-eof",
        m if m.starts_with("control character") => "json-control",
        _ => return Fact::Text(message.to_owned()),
    };
    Fact::from(Msg::new(id))
}

/// The backticked names of `s` (`` `a`, `b` `` of serde's "expected one of `a`, `b`").
pub(super) fn backticked(s: &str) -> Vec<Fact> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(|n| Fact::Text(format!("`{n}`")))
        .collect()
}

/// The model's fixed explanations of a field's problem, and their catalogue messages.
const FIELD_DETAILS: &[(&str, &str)] = &[
    ("must not be blank", "detail-not-blank"),
    ("must be a JSON object", "detail-object"),
    ("an event must be a JSON object", "detail-event-object"),
    ("required field is missing", "detail-required"),
    ("unknown field", "detail-unknown-field"),
    ("unknown kind", "detail-unknown-kind"),
    ("must not be negative", "detail-not-negative"),
    ("must not be empty", "detail-not-empty"),
    ("must be positive", "detail-positive"),
    ("must be at least 1", "detail-at-least-1"),
    ("must hold at least one line", "detail-one-line"),
    ("must hold at least one reading", "detail-one-reading"),
    ("must hold at least one code", "detail-one-code"),
    ("must name at least one person", "detail-one-person"),
    ("must be between 0 and 100", "detail-0-100"),
    ("must be after production_date", "detail-after-production"),
    (
        "required for every party except an individual",
        "detail-party-licence",
    ),
    (
        "not a 20-digit traceability code nor a GS1 element string",
        "detail-trace-code",
    ),
    ("a price must not be negative", "detail-price-negative"),
    (
        "give exactly one of `zone` and `vehicle`",
        "detail-zone-or-vehicle",
    ),
    ("is before valid_from", "detail-before-valid-from"),
    ("min_c must be ≤ max_c", "detail-min-max"),
    ("must be between -100 and 100", "detail-minus-100-100"),
    ("readings must be in time order", "detail-readings-order"),
    ("sum of amounts overflows", "detail-sum-overflow"),
];

/// A field's problem in the catalogue's words: the typed problem when there is one, else the
/// model's fixed explanation.
pub(super) fn detail(message: &str, problem: Option<&Problem>) -> Fact {
    problem.map_or_else(|| field_detail(message), |p| Fact::from(problem_msg(p)))
}

/// A typed problem as a catalogue message (`problem-*`).
fn problem_msg(p: &Problem) -> Msg {
    match p {
        Problem::LeapSecond => Msg::new("problem-leap-second"),
        Problem::WrittenTwice => Msg::new("problem-written-twice"),
        Problem::TooLong { bytes, max } => Msg::new("problem-too-long")
            .arg("bytes", *bytes)
            .arg("max", *max),
        Problem::YearOutOfRange { value, first, last } => Msg::new("problem-year")
            .arg("value", value.as_str())
            .arg("first", i64::from(*first))
            .arg("last", i64::from(*last)),
        Problem::QuantityTooLarge { value, max } => Msg::new("problem-quantity-max")
            .arg("value", *value)
            .arg("max", *max),
        Problem::AmountTooLarge { value, max } => Msg::new("problem-amount-max")
            .arg("value", *value)
            .arg("max", *max),
        Problem::LineValueTooLarge {
            quantity,
            unit_price,
            max,
        } => Msg::new("problem-line-value-max")
            .arg("quantity", *quantity)
            .arg("price", unit_price.as_str())
            .arg("max", *max),
        Problem::CodesOverQuantity {
            codes,
            quantity,
            arrived,
        } => Msg::new("problem-codes-over")
            .arg("codes", *codes)
            .arg("quantity", *quantity)
            .arg("limit", if *arrived { "arrived" } else { "quantity" }),
        Problem::UuidVersion { got } => Msg::new("problem-uuid-version").arg("got", *got),
        Problem::Negative { got } => Msg::new("problem-negative").arg("got", got.as_str()),
        Problem::NotWholeNumber {
            max,
            minor_units,
            got,
        } => {
            let (written, value) = match got {
                Some(Written::Number(n)) => ("number", n.clone()),
                Some(Written::Text(s)) => ("string", s.clone()),
                Some(Written::Null) => ("null", String::new()),
                Some(Written::Bool(b)) => ("boolean", b.to_string()),
                Some(Written::List) => ("list", String::new()),
                Some(Written::Object) => ("object", String::new()),
                _ => ("none", String::new()),
            };
            Msg::new("problem-not-whole")
                .arg("max", *max)
                .arg("unit", if *minor_units { "minor" } else { "quantity" })
                .arg("written", written)
                .arg("value", value)
        }
        Problem::AcceptedRejected {
            accepted,
            rejected,
            arrived,
        } => Msg::new("problem-accepted-rejected")
            .arg("accepted", *accepted)
            .arg("rejected", *rejected)
            .arg("arrived", *arrived),
        Problem::LineAmount {
            amount,
            quantity,
            unit_price,
        } => Msg::new("problem-line-amount")
            .arg("amount", amount.as_str())
            .arg("quantity", *quantity)
            .arg("price", unit_price.as_str()),
        Problem::InvoiceTotal { total, sum } => Msg::new("problem-invoice-total")
            .arg("total", total.as_str())
            .arg("sum", sum.as_str()),
        _ => Msg::new("io-other").arg("detail", p.to_string()),
    }
}

/// A field's problem in the catalogue's words when it is one of the common ones.
pub(super) fn field_detail(message: &str) -> Fact {
    if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return Fact::from(Msg::new("detail-missing-field").arg("name", name));
    }
    if let Some((value, expected)) = message
        .strip_prefix("unknown variant `")
        .and_then(|r| r.split_once("`, expected "))
    {
        return Fact::from(
            Msg::new("detail-unknown-variant")
                .arg("value", value)
                .arg("expected", Fact::List(backticked(expected))),
        );
    }
    if let Some(detail) = message.strip_prefix("UUID parsing failed: ") {
        return Fact::from(Msg::new("detail-uuid").arg("detail", detail));
    }
    match FIELD_DETAILS.iter().find(|(text, _)| *text == message) {
        Some((_, id)) => Fact::from(Msg::new(id)),
        None => Fact::Text(message.to_owned()),
    }
}
