//! Far deadlines: the [`Scheduler`](super::Scheduler)'s compact deadlines set weeks ahead of the
//! ledger's clock wait in temporary files, one per week of their time, and come back into memory
//! a week at a time, before any deadline of that week can be due.
//!
//! At a wholesaler's volume (10 million events a year) about 2.4 million deadlines wait at once,
//! almost all of them months ahead (a sale, order or invoice is forgotten after the return
//! window): 197 MB in memory, most of the state that grows with the length of the ledger. On
//! disk they take about 40 bytes each, and the memory holds only the weeks near the clock, a
//! write buffer per week ahead and the files' handles.
//!
//! Each week's deadlines are framed in chunks (`length`, a 16-byte blake3 digest of the
//! payload, the payload), written to an unnamed temporary file (removed when closed, and by the
//! system if the process dies). A chunk that cannot be written stays in memory, so a full or
//! read-only disk costs memory, never a deadline. A chunk that cannot be read back (a failing
//! disk) is a fault: its deadlines are lost, and [`crate::Engine::try_finish_with_pending`] says
//! so instead of reporting a ledger whose later findings are missing.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::{Compact, Waiting};
use crate::engine::projections::documents::Dir;
use crate::engine::projections::Id;

/// A week's deadlines go to disk in chunks of about this many bytes (about 1,600 deadlines).
const CHUNK_BYTES: usize = if cfg!(test) { 256 } else { 64 << 10 };

/// The week of a deadline at `at` (weeks since the epoch, never decreasing with `at`).
pub(super) fn week(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(7 * 24 * 3600)
}

/// Deadlines of weeks not yet needed, by week.
pub(super) struct Far {
    /// Where the files are made (the system's temporary directory unless set).
    dir: PathBuf,
    weeks: BTreeMap<i64, Week>,
    /// Every deadline of a week before this one is in memory: a deadline is set aside only for
    /// this week or later.
    pub loaded_through: i64,
    /// Deadlines set aside and not yet brought back.
    pub waiting: u64,
    /// Why deadlines set aside could not all be read back.
    pub fault: Option<io::Error>,
    /// A file could not be made or written: what is set aside from then on stays in memory.
    write_failed: bool,
}

impl Default for Far {
    fn default() -> Self {
        Far::in_dir(std::env::temp_dir())
    }
}

/// One week's deadlines: chunks written to its file, and the chunk being filled.
#[derive(Default)]
struct Week {
    file: Option<File>,
    /// Bytes of whole chunks written to the file (a chunk whose write failed is not counted).
    written: u64,
    buf: Vec<u8>,
}

impl Far {
    /// Far deadlines kept in files made in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Far {
        Far {
            dir: dir.into(),
            weeks: BTreeMap::new(),
            loaded_through: i64::MIN,
            waiting: 0,
            fault: None,
            write_failed: false,
        }
    }

    /// Where the files are made.
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// The earliest week set aside.
    pub fn first_week(&self) -> Option<i64> {
        self.weeks.first_key_value().map(|(w, _)| *w)
    }

    /// Sets aside `item`, of week `w` (at least [`Far::loaded_through`]).
    pub fn push(&mut self, w: i64, item: &Waiting<Compact>) {
        debug_assert!(w >= self.loaded_through);
        let week = self.weeks.entry(w).or_default();
        encode(item, &mut week.buf);
        self.waiting += 1;
        if week.buf.len() >= CHUNK_BYTES
            && !self.write_failed
            && write_chunk(&self.dir, week).is_err()
        {
            self.write_failed = true;
        }
    }

    /// The earliest week set aside, removed: its deadlines, in the order they were set aside.
    /// Deadlines that cannot be read back are dropped and the error kept in [`Far::fault`].
    pub fn take_first(&mut self) -> Vec<Waiting<Compact>> {
        let Some((w, week)) = self.weeks.pop_first() else {
            return Vec::new();
        };
        self.loaded_through = self.loaded_through.max(w + 1);
        let mut items = Vec::new();
        if let Err(e) = read_week(week, &mut items) {
            let e = io::Error::new(e.kind(), format!("deadlines set aside on disk: {e}"));
            self.fault.get_or_insert(e);
        }
        self.waiting = self.waiting.saturating_sub(items.len() as u64);
        items
    }
}

/// Writes the chunk being filled to the week's file (made on first use) and empties it; on
/// failure the chunk stays in memory.
fn write_chunk(dir: &std::path::Path, week: &mut Week) -> io::Result<()> {
    let file = match &mut week.file {
        Some(f) => f,
        None => week.file.insert(tempfile::tempfile_in(dir)?),
    };
    let len = u32::try_from(week.buf.len()).map_err(io::Error::other)?;
    let digest = blake3::hash(&week.buf);
    let mut frame = Vec::with_capacity(20 + week.buf.len());
    frame.extend_from_slice(&len.to_le_bytes());
    frame.extend_from_slice(&digest.as_bytes()[..16]);
    frame.extend_from_slice(&week.buf);
    file.seek(SeekFrom::Start(week.written))?;
    file.write_all(&frame)?;
    week.written += frame.len() as u64;
    week.buf.clear();
    Ok(())
}

/// Reads a week's chunks back from its file, then the chunk still in memory, into `out`.
fn read_week(week: Week, out: &mut Vec<Waiting<Compact>>) -> io::Result<()> {
    if let Some(mut file) = week.file {
        let mut all = Vec::with_capacity(week.written as usize);
        file.seek(SeekFrom::Start(0))?;
        (&mut file).take(week.written).read_to_end(&mut all)?;
        if all.len() as u64 != week.written {
            return Err(corrupt("a file of far deadlines is shorter than written"));
        }
        let mut rest = &all[..];
        while !rest.is_empty() {
            let (len, digest, tail) = match rest {
                [a, b, c, d, tail @ ..] if tail.len() >= 16 => (
                    u32::from_le_bytes([*a, *b, *c, *d]) as usize,
                    &tail[..16],
                    &tail[16..],
                ),
                _ => return Err(corrupt("a chunk of far deadlines is cut short")),
            };
            let payload = tail
                .get(..len)
                .ok_or_else(|| corrupt("a chunk of far deadlines is cut short"))?;
            if &blake3::hash(payload).as_bytes()[..16] != digest {
                return Err(corrupt("a chunk of far deadlines fails its checksum"));
            }
            decode_all(payload, out)?;
            rest = &tail[len..];
        }
    }
    decode_all(&week.buf, out)
}

fn corrupt(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

const INVOICE: u8 = 0;
const FORGET_INVOICE: u8 = 1;
const FORGET_ORDER: u8 = 2;
const FORGET_SALE: u8 = 3;
const FORGET_SEEN_PURCHASE: u8 = 4;
const FORGET_SEEN_SALE: u8 = 5;
const FORGET_BATCH: u8 = 6;
const FORGET_RECEIPT: u8 = 7;
const FORGET_DISPATCH: u8 = 8;
const FORGET_DELIVERY: u8 = 9;

/// Appends `item` to `buf`: seconds (i64), nanoseconds (u32), order (u64), kind (u8), then its
/// numbers (u32 length and bytes each).
fn encode(item: &Waiting<Compact>, buf: &mut Vec<u8>) {
    buf.extend_from_slice(&item.at.timestamp().to_le_bytes());
    buf.extend_from_slice(&item.at.timestamp_subsec_nanos().to_le_bytes());
    buf.extend_from_slice(&item.n.to_le_bytes());
    let id = |buf: &mut Vec<u8>, s: &Id| {
        // Ids are event fields, far shorter than 4 GiB.
        buf.extend_from_slice(&(s.len() as u32).to_le_bytes());
        buf.extend_from_slice(s.as_bytes());
    };
    match &item.v {
        Compact::Invoice(n) => {
            buf.push(INVOICE);
            id(buf, n);
        }
        Compact::ForgetInvoice(n) => {
            buf.push(FORGET_INVOICE);
            id(buf, n);
        }
        Compact::ForgetOrder(n) => {
            buf.push(FORGET_ORDER);
            id(buf, n);
        }
        Compact::ForgetSale(n) => {
            buf.push(FORGET_SALE);
            id(buf, n);
        }
        Compact::ForgetSeen(dir, n) => {
            buf.push(match dir {
                Dir::Purchase => FORGET_SEEN_PURCHASE,
                Dir::Sale => FORGET_SEEN_SALE,
            });
            id(buf, n);
        }
        Compact::ForgetMovement(dir, n) => {
            buf.push(match dir {
                Dir::Purchase => FORGET_RECEIPT,
                Dir::Sale => FORGET_DISPATCH,
            });
            id(buf, n);
        }
        Compact::ForgetDelivery(n) => {
            buf.push(FORGET_DELIVERY);
            id(buf, n);
        }
        Compact::ForgetBatch(k) => {
            buf.push(FORGET_BATCH);
            id(buf, &k.0);
            id(buf, &k.1);
        }
    }
}

/// Reads the deadlines [`encode`] wrote into `bytes`.
fn decode_all(mut bytes: &[u8], out: &mut Vec<Waiting<Compact>>) -> io::Result<()> {
    fn take<'a>(bytes: &mut &'a [u8], n: usize) -> io::Result<&'a [u8]> {
        if bytes.len() < n {
            return Err(corrupt("a far deadline is cut short"));
        }
        let (head, tail) = bytes.split_at(n);
        *bytes = tail;
        Ok(head)
    }
    fn int<const N: usize>(bytes: &mut &[u8]) -> io::Result<[u8; N]> {
        let mut a = [0; N];
        a.copy_from_slice(take(bytes, N)?);
        Ok(a)
    }
    fn id(bytes: &mut &[u8]) -> io::Result<Id> {
        let len = u32::from_le_bytes(int(bytes)?) as usize;
        let s = std::str::from_utf8(take(bytes, len)?)
            .map_err(|_| corrupt("a far deadline's number is not UTF-8"))?;
        Ok(Id::from(s))
    }
    while !bytes.is_empty() {
        let secs = i64::from_le_bytes(int(&mut bytes)?);
        let nanos = u32::from_le_bytes(int(&mut bytes)?);
        let at = DateTime::from_timestamp(secs, nanos)
            .ok_or_else(|| corrupt("a far deadline's time is out of range"))?;
        let n = u64::from_le_bytes(int(&mut bytes)?);
        let [kind] = int::<1>(&mut bytes)?;
        let v = match kind {
            INVOICE => Compact::Invoice(id(&mut bytes)?),
            FORGET_INVOICE => Compact::ForgetInvoice(id(&mut bytes)?),
            FORGET_ORDER => Compact::ForgetOrder(id(&mut bytes)?),
            FORGET_SALE => Compact::ForgetSale(id(&mut bytes)?),
            FORGET_SEEN_PURCHASE => Compact::ForgetSeen(Dir::Purchase, id(&mut bytes)?),
            FORGET_SEEN_SALE => Compact::ForgetSeen(Dir::Sale, id(&mut bytes)?),
            FORGET_RECEIPT => Compact::ForgetMovement(Dir::Purchase, id(&mut bytes)?),
            FORGET_DISPATCH => Compact::ForgetMovement(Dir::Sale, id(&mut bytes)?),
            FORGET_DELIVERY => Compact::ForgetDelivery(id(&mut bytes)?),
            FORGET_BATCH => {
                let p = id(&mut bytes)?;
                Compact::ForgetBatch(Box::new((p, id(&mut bytes)?)))
            }
            _ => return Err(corrupt("a far deadline is of no known kind")),
        };
        out.push(Waiting { at, n, v });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    /// Every kind of far deadline reads back as written, and bytes cut short read as an error.
    #[test]
    fn every_kind_reads_back() {
        let at =
            Utc.with_ymd_and_hms(2027, 3, 1, 8, 0, 0).unwrap() + chrono::Duration::nanoseconds(7);
        let kinds = [
            Compact::Invoice("I-1".into()),
            Compact::ForgetInvoice("I-2".into()),
            Compact::ForgetOrder("PO-1".into()),
            Compact::ForgetSale("SO-1".into()),
            Compact::ForgetSeen(Dir::Purchase, "PO-2".into()),
            Compact::ForgetSeen(Dir::Sale, "SO-2".into()),
            Compact::ForgetMovement(Dir::Purchase, "SH-1".into()),
            Compact::ForgetMovement(Dir::Sale, "PS-1 a number longer than twenty-four".into()),
            Compact::ForgetDelivery("DN-1".into()),
            Compact::ForgetBatch(Box::new(("P".into(), "B".into()))),
        ];
        let mut buf = Vec::new();
        let want: Vec<String> = kinds.iter().map(|k| format!("{k:?}")).collect();
        for (n, v) in (1..).zip(kinds) {
            encode(&Waiting { at, n, v }, &mut buf);
        }
        let mut out = Vec::new();
        decode_all(&buf, &mut out).unwrap();
        let got: Vec<String> = out.iter().map(|w| format!("{:?}", w.v)).collect();
        assert_eq!(got, want);
        assert!(out.iter().all(|w| w.at == at));
        assert!(decode_all(&buf[..buf.len() - 1], &mut Vec::new()).is_err());
    }
}
