//! Ways into and out of an rxledger ledger besides its own JSON Lines:
//!
//! - [`erp`]: CSV exports of an ERP (purchase, receipt, sales, outbound, invoice and payment
//!   documents, Chinese headers, GBK / GB18030 or UTF-8), turned into validated events by a
//!   [`mapping::Mapping`] file (`docs/import.md`); spreadsheets (`.xlsx`) with the same mapping
//!   through `import_xlsx` (feature `xlsx`). Event ids are derived from each document's
//!   ERP identity ([`id`]), so importing the same export twice appends it once.
//! - [`epcis`]: GS1 EPCIS 2.0 JSON-LD documents of the movements, out and back in
//!   (`docs/epcis.md`), with the CBV 2.0 event hash of each event in [`hash`].
//!
//! The library returns events; appending them all-or-nothing, exactly once, is the facade's
//! `rxledger::ingest::append_lines`.
#![forbid(unsafe_code)]

mod cell;
mod dl;
mod epc;
pub mod epcis;
pub mod erp;
pub mod hash;
pub mod id;
pub mod mapping;
mod reason;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use epc::{EpcError, EpcFault, EpcPart};
pub use erp::{import_csv, ImportError, Imported};
pub use mapping::{Mapping, MappingError};
pub use reason::{LotPart, Reason};
#[cfg(feature = "xlsx")]
pub use xlsx::import_xlsx;
