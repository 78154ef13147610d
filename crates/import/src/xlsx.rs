//! Spreadsheet exports (`.xlsx`, read with calamine): the mapping's sheet (or the first) as a
//! table, fed to the same mapping code as CSV. Text cells are trimmed; numbers are written as
//! numbers (`2400`, not `2400.0`; `8.6`); date cells stay dates (read as a date, an expiry or an
//! instant in the mapping's zone, by the field); formula errors (`#N/A`) are refused where a
//! field reads them. The header is the first row that holds anything; rows keep the numbers
//! the spreadsheet shows.

use std::io::Cursor;

use calamine::{Data, Reader as _, Xlsx};

use crate::cell::Cell;
use crate::erp::{import_table, ImportError, Imported, Table};
use crate::mapping::Mapping;
use crate::reason::Reason;

/// Reads a spreadsheet export `bytes` (an `.xlsx` file named `file` in errors) with `mapping`:
/// the sheet `mapping.sheet` (default the first) is read like a CSV export (see
/// [`crate::import_csv`]); errors name the file, the sheet, the row, the column and the field.
pub fn import_xlsx(
    file: &str,
    bytes: &[u8],
    mapping: &Mapping,
) -> Result<Vec<Imported>, ImportError> {
    let err = |reason: Reason| ImportError::Sheet {
        file: file.to_owned(),
        reason: Box::new(reason),
    };
    let offset = mapping.timezone_offset().map_err(err)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        err(Reason::NotXlsx {
            detail: e.to_string(),
        })
    })?;
    let names = book.sheet_names();
    let sheet = match &mapping.sheet {
        Some(s) if names.contains(s) => s.clone(),
        Some(s) => {
            return Err(err(Reason::NoSheet {
                sheet: s.clone(),
                names: names.clone(),
            }))
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| err(Reason::NoSheets))?,
    };
    let range = book.worksheet_range(&sheet).map_err(|e| {
        err(Reason::SheetUnreadable {
            sheet: sheet.clone(),
            detail: e.to_string(),
        })
    })?;
    let Some((top, _)) = range.start() else {
        return Err(err(Reason::SheetEmpty { sheet }));
    };
    let mut rows = range.rows().zip(u64::from(top) + 1..);
    let mut table = Table {
        file: file.to_owned(),
        sheet: Some(sheet.clone()),
        ..Table::default()
    };
    // The header: the first row with a cell (the range starts at the first used cell).
    let (header, line) = rows.next().ok_or_else(|| {
        err(Reason::SheetEmpty {
            sheet: sheet.clone(),
        })
    })?;
    table.header_line = line;
    table.headers = header.iter().map(|c| cell(c).text().into_owned()).collect();
    for (row, line) in rows {
        table.rows.push((line, row.iter().map(cell).collect()));
    }
    import_table(&table, mapping, offset)
}

/// A spreadsheet cell as a table cell.
fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Text(String::new()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Cell::Text(s.trim().to_owned())
        }
        Data::Int(i) => Cell::Text(i.to_string()),
        // Spreadsheets keep 15 significant digits: a longer number (an 18-digit credit code or
        // a 20-digit invoice number typed into a number cell) is no longer the one written.
        Data::Float(f) if f.abs() >= 1e15 => Cell::Inexact(number(*f)),
        Data::Float(f) => Cell::Text(number(*f)),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(t) => match t.as_datetime().filter(|_| t.is_datetime()) {
            // To the nearest second, as a spreadsheet shows it at most: a serial written with
            // fewer decimals (`46372.41667`) is 10:00:00, not 10:00:00.288, so the same
            // document exported as CSV (whose instants have seconds at most) gets the same id.
            Some(d) => Cell::Date(chrono::SubsecRound::round_subsecs(d, 0)),
            None => Cell::Text(number(t.as_f64())),
        },
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// A number as a spreadsheet shows it in general format: whole numbers without `.0`, others
/// in the shortest form that reads back the same (`8.6`, `0.1`).
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_time_cells_are_read_to_the_nearest_second() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        let at = |serial: f64| match cell(&Data::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))) {
            Cell::Date(d) => d.to_string(),
            other => panic!("{other:?}"),
        };
        // 2026-12-16 10:00 written with five decimals (10:00:00.288), and exactly.
        assert_eq!(at(46372.41667), "2026-12-16 10:00:00");
        assert_eq!(at(46372.0 + 10.0 / 24.0), "2026-12-16 10:00:00");
        // 23:59:59.6 rounds into the next day.
        assert_eq!(at(46372.0 + 86_399.6 / 86_400.0), "2026-12-17 00:00:00");
        assert_eq!(at(46372.0 + 86_399.4 / 86_400.0), "2026-12-16 23:59:59");
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(2400.0), "2400");
        assert_eq!(number(8.6), "8.6");
        assert_eq!(number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(1e20), "100000000000000000000");
        assert_eq!(cell(&Data::Float(1200.0)), Cell::Text("1200".into()));
        assert_eq!(
            cell(&Data::Float(999_999_999_999_999.0)),
            Cell::Text("999999999999999".into())
        );
        assert_eq!(
            cell(&Data::Float(123_201_154_660_041_268.0)),
            Cell::Inexact("123201154660041260".into())
        );
        assert_eq!(
            cell(&Data::String("  批号 ".into())),
            Cell::Text("批号".into())
        );
    }
}
