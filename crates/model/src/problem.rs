//! What is wrong with a field's value, as typed facts: the CLI and reports render it in the
//! reader's language; [`std::fmt::Display`] gives the English sentence that
//! [`crate::EventError`]'s message carries.

use std::fmt;

/// A field's problem that carries figures. The fixed explanations ("must not be blank" …) are
/// plain messages; these are the ones with values in them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// An instant in a leap second (`23:59:60`).
    LeapSecond,
    /// A key written twice in one JSON object.
    WrittenTwice,
    /// A text longer than the format allows.
    TooLong {
        /// Its length in bytes.
        bytes: usize,
        /// The most allowed.
        max: usize,
    },
    /// A date or instant outside the years the format accepts.
    YearOutOfRange {
        /// The value as written (a date, or an instant in RFC 3339).
        value: String,
        /// The first year accepted.
        first: i32,
        /// The last year accepted.
        last: i32,
    },
    /// A quantity above the largest the format holds.
    QuantityTooLarge {
        /// The quantity.
        value: u64,
        /// The largest.
        max: u64,
    },
    /// An amount (in minor units) above the largest the format holds.
    AmountTooLarge {
        /// The amount in minor units.
        value: i64,
        /// The largest.
        max: i64,
    },
    /// Quantity × unit price above the largest amount.
    LineValueTooLarge {
        /// The quantity.
        quantity: u64,
        /// The unit price as written (`8.60 CNY`).
        unit_price: String,
        /// The largest amount in minor units.
        max: i64,
    },
    /// A negative number where a count or amount goes.
    Negative {
        /// The number as written.
        got: String,
    },
    /// Something other than a whole number in range where a quantity or an amount goes: a
    /// fraction, a number beyond 64 bits, a string, `null`, a boolean, a list or an object.
    NotWholeNumber {
        /// The largest value the field takes.
        max: u64,
        /// Whether the field is an amount in minor units (else a quantity).
        minor_units: bool,
        /// What was written, where showing it helps (`None`: a number beyond 2^53, which would
        /// be shown rounded).
        got: Option<Written>,
    },
    /// More traceability codes than units.
    CodesOverQuantity {
        /// The number of different codes (a code listed twice counts once).
        codes: usize,
        /// The line's quantity (a receipt line's `arrived`).
        quantity: u64,
        /// Whether `quantity` is a receipt line's `arrived`: its codes may list the units that
        /// arrived, rejected ones included.
        arrived: bool,
    },
    /// An event id that is not a UUID version 7.
    UuidVersion {
        /// The version it has.
        got: usize,
    },
    /// A receipt line whose accepted and rejected quantities do not add up to what arrived.
    AcceptedRejected {
        /// Accepted.
        accepted: u64,
        /// Rejected.
        rejected: u64,
        /// Arrived.
        arrived: u64,
    },
    /// An invoice line whose amount is not quantity × unit price (to within the rounding of the
    /// unit price to whole minor units: half a minor unit per unit).
    LineAmount {
        /// The line's amount as written.
        amount: String,
        /// The quantity.
        quantity: u64,
        /// The unit price as written.
        unit_price: String,
    },
    /// An invoice total that is not the sum of its lines.
    InvoiceTotal {
        /// The total as written.
        total: String,
        /// The sum of the line amounts.
        sum: String,
    },
}

/// What was written where a whole number goes ([`Problem::NotWholeNumber`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Written {
    /// A number, as JSON reads it (`10.5`).
    Number(String),
    /// A string, quoted as JSON writes it (`"10"`).
    Text(String),
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A list.
    List,
    /// An object.
    Object,
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Written::Number(n) => f.write_str(n),
            Written::Text(s) => write!(f, "the string {s}"),
            Written::Null => f.write_str("null"),
            Written::Bool(b) => write!(f, "{b}"),
            Written::List => f.write_str("a list"),
            Written::Object => f.write_str("an object"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::WrittenTwice => f.write_str(
                "is written twice in one object (a reader would keep one of the two values)",
            ),
            Problem::LeapSecond => f.write_str(
                "is in a leap second (:60), which this format does not hold; write the second before",
            ),
            Problem::TooLong { bytes, max } => {
                write!(f, "is {bytes} bytes long; at most {max} bytes are allowed")
            }
            Problem::YearOutOfRange { value, first, last } => write!(
                f,
                "{value} is outside the years {first} to {last} this format accepts"
            ),
            Problem::QuantityTooLarge { value, max } => {
                write!(f, "{value} is more than the largest quantity, {max}")
            }
            Problem::AmountTooLarge { value, max } => {
                write!(f, "{value} is more than the largest amount, {max}")
            }
            Problem::LineValueTooLarge {
                quantity,
                unit_price,
                max,
            } => write!(
                f,
                "quantity {quantity} × unit price {unit_price} is more than the largest amount, \
                 {max} minor units"
            ),
            Problem::Negative { got } => write!(f, "must not be negative (got {got})"),
            Problem::NotWholeNumber {
                max,
                minor_units,
                got,
            } => {
                if *minor_units {
                    write!(f, "must be a whole number of minor units from 0 to {max}")?;
                } else {
                    write!(f, "must be a whole number from 0 to {max}")?;
                }
                match got {
                    Some(w) => write!(f, " (got {w})"),
                    None => Ok(()),
                }
            }
            Problem::CodesOverQuantity {
                codes,
                quantity,
                arrived: false,
            } => {
                write!(f, "{codes} different traceability codes for a quantity of {quantity}")
            }
            Problem::CodesOverQuantity {
                codes,
                quantity,
                arrived: true,
            } => write!(
                f,
                "{codes} different traceability codes for {quantity} unit(s) that arrived (`arrived`)"
            ),
            Problem::UuidVersion { got } => {
                write!(f, "must be a UUID version 7 (got version {got})")
            }
            Problem::AcceptedRejected {
                accepted,
                rejected,
                arrived,
            } => write!(
                f,
                "accepted {accepted} + rejected {rejected} must equal arrived {arrived}"
            ),
            Problem::LineAmount {
                amount,
                quantity,
                unit_price,
            } => write!(
                f,
                "{amount} is not quantity {quantity} × unit price {unit_price} (to within half a fen per unit)"
            ),
            Problem::InvoiceTotal { total, sum } => {
                write!(f, "{total} is not the sum of the line amounts ({sum})")
            }
        }
    }
}
