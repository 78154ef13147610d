//! Reading one cell as the JSON value of a field.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Utc};
use serde_json::{json, Value};

use crate::mapping::{CellType, Mapping};
use crate::reason::Reason;

/// One cell of a table: text (every CSV cell; spreadsheet text, numbers and booleans, written
/// as text), a spreadsheet date cell, or a spreadsheet error (`#N/A`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))] // dates and errors come from spreadsheets
pub(crate) enum Cell {
    /// Trimmed text.
    Text(String),
    /// A date (and time of day) cell, without zone.
    Date(NaiveDateTime),
    /// A formula's error value, as the spreadsheet shows it.
    Error(String),
    /// A number cell of 16 or more digits, as text: a spreadsheet keeps only 15 significant
    /// digits, so it is refused whatever the field.
    Inexact(String),
}

impl Cell {
    /// The cell as text: dates as `YYYY-MM-DD` (with ` HH:MM:SS` when not midnight).
    pub(crate) fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(s) | Cell::Error(s) | Cell::Inexact(s) => std::borrow::Cow::Borrowed(s),
            Cell::Date(d) if d.time() == chrono::NaiveTime::MIN => {
                d.format("%Y-%m-%d").to_string().into()
            }
            Cell::Date(d) => d.format("%Y-%m-%d %H:%M:%S").to_string().into(),
        }
    }

    /// Whether the cell holds nothing.
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Cell::Text(s) if s.is_empty())
    }
}

/// What a cell is read with: the mapping's formats and zone.
pub(crate) struct Reader<'m> {
    pub(crate) mapping: &'m Mapping,
    pub(crate) offset: FixedOffset,
}

impl Reader<'_> {
    /// The value of a non-empty, trimmed cell read as `ty`, or why not.
    pub(crate) fn read(&self, ty: CellType, cell: &str) -> Result<Value, Reason> {
        match ty {
            CellType::String => Ok(Value::String(cell.to_owned())),
            CellType::Integer => integer(cell).map(Value::from),
            CellType::Number => number(cell),
            CellType::Money => {
                let minor = money_minor(cell)?;
                Ok(json!({"minor": minor, "currency": self.mapping.currency}))
            }
            CellType::Date => self
                .date(cell)
                .map(|d| Value::String(d.format("%Y-%m-%d").to_string())),
            CellType::Expiry => self.expiry(cell).map(Value::String),
            CellType::Instant => self
                .instant(cell)
                .map(|t| Value::String(t.to_rfc3339_opts(SecondsFormat::AutoSi, true))),
            CellType::Bool => boolean(cell).map(Value::Bool),
            CellType::List => Ok(Value::Array(
                self.list(cell).into_iter().map(Value::String).collect(),
            )),
        }
    }

    /// The value of a non-empty cell read as `ty`: text as [`Reader::read`]; a date cell as a
    /// date, an expiry or an instant (in the mapping's zone), refused where a number or yes/no
    /// is wanted; an error cell refused.
    pub(crate) fn read_cell(&self, ty: CellType, cell: &Cell) -> Result<Value, Reason> {
        let d = match cell {
            Cell::Text(s) => return self.read(ty, s),
            Cell::Error(e) => return Err(Reason::SpreadsheetError { value: e.clone() }),
            Cell::Inexact(n) => return Err(Reason::InexactNumber { value: n.clone() }),
            Cell::Date(d) => *d,
        };
        let text = cell.text();
        let day = || {
            if d.time() == chrono::NaiveTime::MIN {
                Ok(Value::String(d.format("%Y-%m-%d").to_string()))
            } else {
                Err(Reason::DateCellWithTime {
                    cell: text.to_string(),
                })
            }
        };
        match ty {
            CellType::String => Ok(Value::String(text.into_owned())),
            CellType::List => Ok(Value::Array(vec![Value::String(text.into_owned())])),
            CellType::Date | CellType::Expiry => day(),
            CellType::Instant => self
                .offset
                .from_local_datetime(&d)
                .single()
                .map(|t| {
                    Value::String(
                        t.with_timezone(&Utc)
                            .to_rfc3339_opts(SecondsFormat::AutoSi, true),
                    )
                })
                .ok_or_else(|| Reason::NotInZone {
                    cell: text.to_string(),
                    zone: self.mapping.timezone.clone(),
                }),
            CellType::Integer | CellType::Number | CellType::Money | CellType::Bool => {
                Err(Reason::DateCellNot {
                    cell: text.to_string(),
                    expected: ty,
                })
            }
        }
    }

    /// The items of a list cell, trimmed, empty ones dropped.
    pub(crate) fn list(&self, cell: &str) -> Vec<String> {
        let mut items = vec![cell.to_owned()];
        for sep in &self.mapping.list_separators {
            items = items
                .iter()
                .flat_map(|s| s.split(sep.as_str()).map(str::to_owned))
                .collect();
        }
        items
            .into_iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn date(&self, cell: &str) -> Result<NaiveDate, Reason> {
        for f in &self.mapping.date_formats {
            if let Ok(d) = NaiveDate::parse_from_str(cell, f) {
                return Ok(d);
            }
        }
        Err(Reason::NotDate {
            cell: cell.to_owned(),
            formats: self.mapping.date_formats.clone(),
        })
    }

    fn expiry(&self, cell: &str) -> Result<String, Reason> {
        if let Ok(d) = self.date(cell) {
            return Ok(d.format("%Y-%m-%d").to_string());
        }
        for sep in ['-', '/', '.'] {
            if let Some((y, m)) = cell.split_once(sep) {
                if let (Ok(y), Ok(m)) = (y.parse::<u16>(), m.parse::<u8>()) {
                    if (1..=12).contains(&m) && y >= 1000 {
                        return Ok(format!("{y:04}-{m:02}"));
                    }
                }
            }
        }
        Err(Reason::NotExpiry {
            cell: cell.to_owned(),
            formats: self.mapping.date_formats.clone(),
        })
    }

    fn instant(&self, cell: &str) -> Result<DateTime<Utc>, Reason> {
        if let Ok(t) = DateTime::parse_from_rfc3339(cell) {
            return Ok(t.with_timezone(&Utc));
        }
        let local = self
            .mapping
            .instant_formats
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(cell, f).ok())
            .or_else(|| self.date(cell).ok().and_then(|d| d.and_hms_opt(0, 0, 0)));
        let Some(local) = local else {
            return Err(Reason::NotInstant {
                cell: cell.to_owned(),
                formats: self.mapping.instant_formats.clone(),
                zone: self.mapping.timezone.clone(),
            });
        };
        self.offset
            .from_local_datetime(&local)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| Reason::NotInZone {
                cell: cell.to_owned(),
                zone: self.mapping.timezone.clone(),
            })
    }
}

/// `cell` without its thousands separators, or `None` when its commas do not separate groups of
/// three digits of the whole part (`1,234.5`, not `24,00`, `2,4,0,0` or `8,6`: a decimal comma
/// or a typo must not silently become another number; attacker round 29, M2).
fn ungrouped(cell: &str) -> Option<String> {
    if !cell.contains(',') {
        return Some(cell.to_owned());
    }
    let (whole, frac) = cell.split_once('.').unwrap_or((cell, ""));
    let whole = whole.strip_prefix('+').unwrap_or(whole);
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let ok = (1..=3).contains(&first.len())
        && digits(first)
        && groups.all(|g| g.len() == 3 && digits(g))
        && !frac.contains(',');
    ok.then(|| cell.replace(',', ""))
}

/// Digits with optional thousands separators, no sign other than a leading `+`.
fn integer(cell: &str) -> Result<u64, Reason> {
    let Some(t) = ungrouped(cell) else {
        return Err(Reason::NotInteger {
            cell: cell.to_owned(),
        });
    };
    let t = t.strip_suffix(".0").unwrap_or(&t);
    t.strip_prefix('+')
        .unwrap_or(t)
        .parse::<u64>()
        .ok()
        .filter(|_| !t.is_empty() && t.bytes().last().is_some_and(|b| b.is_ascii_digit()))
        .ok_or_else(|| Reason::NotInteger {
            cell: cell.to_owned(),
        })
}

fn number(cell: &str) -> Result<Value, Reason> {
    ungrouped(cell)
        .and_then(|t| t.parse::<f64>().ok())
        .filter(|f| f.is_finite())
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .ok_or_else(|| Reason::NotNumber {
            cell: cell.to_owned(),
        })
}

/// `1,234.5` yuan → 123450 fen; a leading `¥` or `￥` and a trailing `元` (as Chinese ERPs
/// print amounts) are allowed. Refuses more than two decimals and negative amounts.
pub(crate) fn money_minor(cell: &str) -> Result<u64, Reason> {
    let bad = || Reason::NotMoney {
        cell: cell.to_owned(),
    };
    let trimmed = cell.trim();
    let trimmed = trimmed.strip_suffix('元').unwrap_or(trimmed).trim_end();
    // One currency sign, in front only.
    let trimmed = trimmed
        .strip_prefix(['¥', '￥'])
        .unwrap_or(trimmed)
        .trim_start();
    let t = ungrouped(trimmed).ok_or_else(bad)?;
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
    {
        return Err(bad());
    }
    let whole: u64 = whole.parse().map_err(|_| bad())?;
    let frac: u64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or_else(bad)
}

fn boolean(cell: &str) -> Result<bool, Reason> {
    match cell.to_lowercase().as_str() {
        "是" | "y" | "yes" | "true" | "1" | "√" => Ok(true),
        "否" | "n" | "no" | "false" | "0" => Ok(false),
        _ => Err(Reason::NotBool {
            cell: cell.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_exact_and_refuses_what_it_cannot_hold() {
        assert_eq!(money_minor("8.6"), Ok(860));
        assert_eq!(money_minor("1,234.56"), Ok(123_456));
        assert_eq!(money_minor("¥12"), Ok(1200));
        assert_eq!(money_minor("1,234.50元"), Ok(123_450));
        assert_eq!(money_minor("￥8.6 元"), Ok(860));
        assert!(money_minor("元").is_err());
        assert!(money_minor("12元元").is_err());
        assert!(money_minor("1.234").is_err());
        assert!(money_minor("-1").is_err());
        assert!(money_minor("abc").is_err());
        // Commas only between groups of three digits; one currency sign, in front (round 29).
        assert_eq!(money_minor("12,345,678.90"), Ok(1_234_567_890));
        for bad in [
            "8,6",
            "1,0000.00",
            "2,4,0,0",
            ",123",
            "1,23",
            "1.2,3",
            "¥¥8.6",
            "8.6¥",
        ] {
            assert!(money_minor(bad).is_err(), "{bad}");
        }
        assert_eq!(integer("1,200"), Ok(1200));
        assert_eq!(integer("+12,345"), Ok(12345));
        for bad in ["24,00", "2,4,0,0", "1200,", ",200", "1,20"] {
            assert!(integer(bad).is_err(), "{bad}");
        }
        assert!(number("1,234.5").is_ok());
        assert!(number("1,5").is_err());
    }

    #[test]
    fn date_and_error_cells_are_read_by_the_fields_type() {
        let m = Mapping::from_toml(
            "m.toml",
            "name = \"m\"\n[[document]]\nkind = \"receipt\"\n[document.fields]\noccurred_at = \"t\"\n",
        )
        .unwrap();
        let r = Reader {
            mapping: &m,
            offset: m.timezone_offset().unwrap(),
        };
        let day = NaiveDate::from_ymd_opt(2026, 10, 8).unwrap();
        let midnight = Cell::Date(day.and_hms_opt(0, 0, 0).unwrap());
        let morning = Cell::Date(day.and_hms_opt(9, 30, 0).unwrap());
        assert_eq!(
            r.read_cell(CellType::Date, &midnight),
            Ok(json!("2026-10-08"))
        );
        assert_eq!(
            r.read_cell(CellType::Expiry, &midnight),
            Ok(json!("2026-10-08"))
        );
        assert_eq!(
            r.read_cell(CellType::Instant, &morning),
            Ok(json!("2026-10-08T01:30:00Z"))
        );
        assert_eq!(
            r.read_cell(CellType::String, &morning),
            Ok(json!("2026-10-08 09:30:00"))
        );
        assert_eq!(
            r.read_cell(CellType::Date, &morning)
                .map_err(|e| e.to_string()),
            Err("`2026-10-08 09:30:00` is a date cell with a time of day, not a date".into())
        );
        assert_eq!(
            r.read_cell(CellType::Integer, &midnight)
                .map_err(|e| e.to_string()),
            Err("`2026-10-08` is a date cell, not a whole number".into())
        );
        assert_eq!(
            r.read_cell(CellType::String, &Cell::Error("#N/A".into()))
                .map_err(|e| e.to_string()),
            Err("the cell holds the spreadsheet error `#N/A`".into())
        );
        assert_eq!(
            r.read_cell(CellType::Integer, &Cell::Text("2400".into())),
            Ok(json!(2400))
        );
    }

    #[test]
    fn integers_take_separators_and_refuse_words() {
        assert_eq!(integer("2,400"), Ok(2400));
        assert_eq!(integer("12.0"), Ok(12));
        assert!(integer("12箱").is_err());
        assert!(integer("-3").is_err());
        assert!(integer("1.5").is_err());
    }
}
