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
use std::io::{self, Read, Seek, SeekFrom};
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::{Compact, Waiting};
use crate::engine::projections::documents::Dir;
use crate::engine::projections::Id;
use crate::engine::spill::{unframe, write_frame, BadFrame, Dec, Enc, FRAME_HEAD};

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
    buf: Enc,
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
    pub fn take_first(&mut self, mut each: impl FnMut(Waiting<Compact>)) {
        let Some((w, week)) = self.weeks.pop_first() else {
            return;
        };
        self.loaded_through = self.loaded_through.max(w + 1);
        let mut taken = 0u64;
        let counted = |item| {
            taken += 1;
            each(item);
        };
        if let Err(e) = read_week(week, counted) {
            let e = io::Error::new(e.kind(), format!("deadlines set aside on disk: {e}"));
            self.fault.get_or_insert(e);
        }
        self.waiting = self.waiting.saturating_sub(taken);
    }
}

/// Writes the chunk being filled to the week's file (made on first use) and empties it; on
/// failure the chunk stays in memory.
fn write_chunk(dir: &std::path::Path, week: &mut Week) -> io::Result<()> {
    let file = match &mut week.file {
        Some(f) => f,
        None => week.file.insert(tempfile::tempfile_in(dir)?),
    };
    file.seek(SeekFrom::Start(week.written))?;
    // Two writes (head, then payload): the week counts the chunk only once both are done.
    week.written += write_frame(file, week.buf.bytes())?;
    week.buf.clear();
    Ok(())
}

/// Reads a week's chunks back from its file, then the chunk still in memory, into `out`.
fn read_week(week: Week, mut out: impl FnMut(Waiting<Compact>)) -> io::Result<()> {
    if let Some(mut file) = week.file {
        file.seek(SeekFrom::Start(0))?;
        // A chunk at a time (a week of a wholesaler's deadlines is megabytes).
        let mut reader = io::BufReader::new((&mut file).take(week.written));
        let mut left = week.written;
        let mut chunk = Vec::new();
        while left > 0 {
            let short = |e: io::Error| match e.kind() {
                io::ErrorKind::UnexpectedEof => {
                    corrupt("a file of far deadlines is shorter than written")
                }
                _ => e,
            };
            chunk.resize(FRAME_HEAD, 0);
            reader.read_exact(&mut chunk).map_err(short)?;
            let len = u64::from(u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]));
            if len + FRAME_HEAD as u64 > left {
                return Err(corrupt("a chunk of far deadlines is cut short"));
            }
            chunk.resize(FRAME_HEAD + len as usize, 0);
            reader.read_exact(&mut chunk[FRAME_HEAD..]).map_err(short)?;
            let (payload, _) = unframe(&chunk).map_err(|e| match e {
                BadFrame::CutShort => corrupt("a chunk of far deadlines is cut short"),
                BadFrame::Checksum => corrupt("a chunk of far deadlines fails its checksum"),
            })?;
            decode_all(payload, &mut out)?;
            left -= chunk.len() as u64;
        }
    }
    decode_all(week.buf.bytes(), &mut out)
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

/// Appends `item` to `out`: its time, order (u64), kind (u8), then its numbers.
fn encode(item: &Waiting<Compact>, out: &mut Enc) {
    out.time(item.at);
    out.u64(item.n);
    let (kind, first, second) = match &item.v {
        Compact::Invoice(n) => (INVOICE, n, None),
        Compact::ForgetInvoice(n) => (FORGET_INVOICE, n, None),
        Compact::ForgetOrder(n) => (FORGET_ORDER, n, None),
        Compact::ForgetSale(n) => (FORGET_SALE, n, None),
        Compact::ForgetSeen(Dir::Purchase, n) => (FORGET_SEEN_PURCHASE, n, None),
        Compact::ForgetSeen(Dir::Sale, n) => (FORGET_SEEN_SALE, n, None),
        Compact::ForgetMovement(Dir::Purchase, n) => (FORGET_RECEIPT, n, None),
        Compact::ForgetMovement(Dir::Sale, n) => (FORGET_DISPATCH, n, None),
        Compact::ForgetDelivery(n) => (FORGET_DELIVERY, n, None),
        Compact::ForgetBatch(k) => (FORGET_BATCH, &k.0, Some(&k.1)),
    };
    out.u8(kind);
    out.str(first);
    if let Some(second) = second {
        out.str(second);
    }
}

/// Reads the deadlines [`encode`] wrote into `bytes`.
fn decode_all(bytes: &[u8], out: &mut impl FnMut(Waiting<Compact>)) -> io::Result<()> {
    let mut d = Dec::new(bytes);
    while d.remaining() > 0 {
        let item = decode(&mut d).ok_or_else(|| corrupt("a far deadline cannot be read"))?;
        out(item);
    }
    Ok(())
}

/// One deadline [`encode`] wrote, or `None` when the bytes are not one.
fn decode(d: &mut Dec<'_>) -> Option<Waiting<Compact>> {
    let (at, n, kind) = (d.time()?, d.u64()?, d.u8()?);
    let id: Id = d.str()?;
    let v = match kind {
        INVOICE => Compact::Invoice(id),
        FORGET_INVOICE => Compact::ForgetInvoice(id),
        FORGET_ORDER => Compact::ForgetOrder(id),
        FORGET_SALE => Compact::ForgetSale(id),
        FORGET_SEEN_PURCHASE => Compact::ForgetSeen(Dir::Purchase, id),
        FORGET_SEEN_SALE => Compact::ForgetSeen(Dir::Sale, id),
        FORGET_RECEIPT => Compact::ForgetMovement(Dir::Purchase, id),
        FORGET_DISPATCH => Compact::ForgetMovement(Dir::Sale, id),
        FORGET_DELIVERY => Compact::ForgetDelivery(id),
        FORGET_BATCH => Compact::ForgetBatch(Box::new((id, d.str()?))),
        _ => return None,
    };
    Some(Waiting { at, n, v })
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
        let mut buf = Enc::default();
        let want: Vec<String> = kinds.iter().map(|k| format!("{k:?}")).collect();
        for (n, v) in (1..).zip(kinds) {
            encode(&Waiting { at, n, v }, &mut buf);
        }
        let mut out = Vec::new();
        decode_all(buf.bytes(), &mut |w| out.push(w)).unwrap();
        let got: Vec<String> = out.iter().map(|w| format!("{:?}", w.v)).collect();
        assert_eq!(got, want);
        assert!(out.iter().all(|w| w.at == at));
        let cut = &buf.bytes()[..buf.len() - 1];
        assert!(decode_all(cut, &mut |_| {}).is_err());
    }
}
