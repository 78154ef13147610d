//! Facts of findings that need more than a `From` conversion: domain terms, temperatures,
//! decimals, quoted data and lists.

use rxledger_model::codes::CodeError;
use rxledger_model::{Category, Designation, LossKind};

use crate::{Fact, Msg};

/// A message with id `id` and the facts of `m` (for the expected and actual figures of a
/// finding, which its sentence quotes).
pub(crate) fn with_facts(id: &'static str, m: &Msg) -> Msg {
    Msg {
        id: std::borrow::Cow::Borrowed(id),
        args: m.args.clone(),
    }
}

/// A domain term (an enum value, usable as a selector in messages).
pub(crate) fn term(t: &'static str) -> Fact {
    Fact::Term(t.to_owned())
}

/// The English plural category of `n` as a term (`one`, `other`), for a count's selector
/// `NAME_plural`: the catalogues get every fact as text, which Fluent's number selectors do not
/// match (as `rxledger_report::messages::plural`).
pub(crate) fn plural<N: PartialEq + From<u8>>(n: N) -> Fact {
    term(if n == N::from(1) { "one" } else { "other" })
}

/// A temperature, °C.
pub(crate) fn celsius(c: f64) -> Fact {
    Fact::Celsius(c)
}

/// A decimal shown with `decimals` digits.
pub(crate) fn decimal(value: f64, decimals: u8) -> Fact {
    Fact::Decimal { value, decimals }
}

/// The duration `d` as hours, then minutes and seconds where they are not zero: "72 h",
/// "24 h 1 min", "24 h 0 min 1 s", as an inspector writes a delay (round 29: "24.02 hours" was hard to read).
/// Milliseconds beyond the second round up, so a delay past a limit never reads as the limit.
pub(crate) fn hours_minutes(d: chrono::Duration) -> Fact {
    let ms = d.num_milliseconds().max(0);
    let secs = ms / 1000 + i64::from(ms % 1000 != 0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    Fact::from(
        crate::Msg::new("duration-hms")
            .arg("hours", h)
            .arg("minutes", m)
            .arg("seconds", s)
            .arg(
                "parts",
                term(match (m, s) {
                    (0, 0) => "h",
                    (_, 0) => "hm",
                    _ => "hms",
                }),
            ),
    )
}

/// The duration `d` in `unit`s (minutes, hours), compared with a limit in whole units: an `int`
/// fact when it is a whole number of units, else a `decimal` with the fewest decimals (up to 6)
/// that show it is not, so that a gap of 5 min 1 s reads 5.02 min against a limit of 5, never
/// "5 min".
pub(crate) fn duration_in(d: chrono::Duration, unit: chrono::Duration) -> Fact {
    let (n, u) = (d.num_milliseconds(), unit.num_milliseconds().max(1));
    if n % u == 0 {
        return Fact::Int(n / u);
    }
    #[allow(clippy::cast_precision_loss)] // durations of a ledger are far below 2^52 ms
    let value = n as f64 / u as f64;
    let whole = value.trunc();
    decimal(
        value,
        fewest_decimals(value, |k, shown| shown != format!("{whole:.k$}")),
    )
}

/// The ratio `value`, over the configured factor `limit`, with one decimal, or as many more
/// (up to 6) as it takes to read above the limit: 3.025 against 3 reads 3.02, not 3.0.
pub(crate) fn ratio_over(value: f64, limit: f64) -> Fact {
    let above = |_, shown: &str| shown.parse::<f64>().is_ok_and(|v| v > limit);
    decimal(value, fewest_decimals(value, above))
}

/// The fewest decimals, from 1 to 6, with which `value` written (`shown`, given with its number
/// of decimals) passes `enough`; 6 when none does.
fn fewest_decimals(value: f64, enough: impl Fn(usize, &str) -> bool) -> u8 {
    (1..=6u8)
        .find(|&k| {
            let k = usize::from(k);
            enough(k, &format!("{value:.k$}"))
        })
        .unwrap_or(6)
}

/// A configured factor, shown as written (`3` for 3.0, `2.5` for 2.5): a decimal with as many
/// digits as its shortest representation.
pub(crate) fn factor(value: f64) -> Fact {
    let shown = value.to_string();
    let digits = shown.split_once('.').map_or(0, |(_, f)| f.len());
    decimal(value, u8::try_from(digits).unwrap_or(u8::MAX))
}

/// A decimal with the fewest digits (at most `max`) that show it exactly, or `max` digits when
/// none do: `0.75`, `3`, `0.125`.
pub(crate) fn shortest(value: f64, max: u8) -> Fact {
    let decimals = (0..max)
        .find(|&d| (value * 10f64.powi(i32::from(d))).fract() == 0.0)
        .unwrap_or(max);
    decimal(value, decimals)
}

/// A list of ids or names.
pub(crate) fn texts<S: AsRef<str>>(items: &[S]) -> Fact {
    Fact::List(items.iter().map(|x| Fact::from(x.as_ref())).collect())
}

/// Document numbers: the number itself when there is one (the usual case), a list when a
/// document covered several (a group of orders or sales, `refs` lists).
pub(crate) fn docs<S: AsRef<str>>(items: &[S]) -> Fact {
    match items {
        [one] => Fact::from(one.as_ref()),
        _ => texts(items),
    }
}

/// A product category, as a term.
pub(crate) fn category(c: Category) -> Fact {
    term(match c {
        Category::Chemical => "chemical",
        Category::TcmPatent => "tcm_patent",
        Category::TcmPieces => "tcm_pieces",
        Category::Biological => "biological",
        Category::Vaccine => "vaccine",
        Category::Narcotic => "narcotic",
        Category::Psychotropic1 => "psychotropic1",
        Category::Psychotropic2 => "psychotropic2",
        Category::MedicalToxic => "medical_toxic",
        Category::Radioactive => "radioactive",
        Category::Precursor => "precursor",
        Category::CompoundEphedrine => "compound_ephedrine",
        Category::ColdChain => "cold_chain",
    })
}

/// A special-control designation, as a term.
pub(crate) fn designation(d: Designation) -> Fact {
    term(match d {
        Designation::DesignatedManufacturer => "designated_manufacturer",
        Designation::NationalWholesaler => "national_wholesaler",
        Designation::RegionalWholesaler => "regional_wholesaler",
        Designation::DesignatedRetail => "designated_retail",
        Designation::SealCardHolder => "seal_card_holder",
    })
}

/// Loss or theft, as a term.
pub(crate) fn loss(l: LossKind) -> Fact {
    term(match l {
        LossKind::Loss => "loss",
        LossKind::Theft => "theft",
    })
}

/// Adds why a code is malformed: `error` (a term) and its detail (`error_ai`, `error_gtin`, or
/// `error_text` for a reason this version does not know).
pub(crate) fn code_error(m: Msg, err: &CodeError) -> Msg {
    match err {
        CodeError::Empty => m.arg("error", term("empty")),
        CodeError::Unrecognised => m.arg("error", term("unrecognised")),
        CodeError::UnknownAi(ai) => m.arg("error", term("unknown_ai")).arg("error_ai", ai),
        CodeError::BadField(ai) => m.arg("error", term("bad_field")).arg("error_ai", *ai),
        CodeError::CheckDigit(gtin) => m.arg("error", term("check_digit")).arg("error_gtin", gtin),
        CodeError::BadDate(ai) => m.arg("error", term("bad_date")).arg("error_ai", *ai),
        CodeError::NoGtin => m.arg("error", term("no_gtin")),
        CodeError::Repeated(ai) => m.arg("error", term("repeated")).arg("error_ai", *ai),
        CodeError::Whitespace => m.arg("error", term("whitespace")),
        other => m
            .arg("error", term("other"))
            .arg("error_text", other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_and_decimals_show_as_written() {
        for (v, shown) in [(3.0, "3"), (2.5, "2.5"), (10.0, "10"), (0.125, "0.125")] {
            let Fact::Decimal { value, decimals } = factor(v) else {
                panic!()
            };
            assert_eq!(format!("{value:.*}", usize::from(decimals)), shown);
            assert_eq!(format!("{v}"), shown);
        }
        for (v, shown) in [
            (0.75, "0.75"),
            (3.0, "3"),
            (0.125, "0.125"),
            (1.0 / 3.0, "0.333"),
        ] {
            let Fact::Decimal { value, decimals } = shortest(v, 3) else {
                panic!()
            };
            assert_eq!(format!("{value:.*}", usize::from(decimals)), shown);
        }
    }

    /// A duration just over a whole number of units never reads as that whole number.
    #[test]
    fn durations_just_over_a_limit_show_it() {
        use chrono::Duration as D;
        let shown = |d: D, unit: D| match duration_in(d, unit) {
            Fact::Int(n) => n.to_string(),
            Fact::Decimal { value, decimals } => format!("{value:.*}", usize::from(decimals)),
            other => panic!("{other:?}"),
        };
        let (min, hour) = (D::minutes(1), D::hours(1));
        assert_eq!(shown(D::minutes(5), min), "5");
        assert_eq!(shown(D::minutes(5) + D::seconds(1), min), "5.02");
        assert_eq!(shown(D::minutes(7) + D::seconds(30), min), "7.5");
        assert_eq!(shown(D::hours(24) + D::minutes(1), hour), "24.02");
        assert_eq!(shown(D::hours(72) + D::seconds(1), hour), "72.0003");
        assert_eq!(shown(D::hours(24) + D::milliseconds(1), hour), "24.000000");
        assert_eq!(shown(D::minutes(5) + D::seconds(59), min), "6.0");
    }

    /// A ratio just over its factor never reads as the factor.
    #[test]
    fn ratios_just_over_a_factor_show_it() {
        let shown = |v: f64, limit: f64| {
            let Fact::Decimal { value, decimals } = ratio_over(v, limit) else {
                panic!()
            };
            format!("{value:.*}", usize::from(decimals))
        };
        assert_eq!(shown(3.025, 3.0), "3.02");
        assert_eq!(shown(4.5, 3.0), "4.5");
        assert_eq!(shown(3.0001, 3.0), "3.0001");
        assert_eq!(shown(2.51, 2.5), "2.51");
    }
}
