//! Sorted run files: entries in checksummed 4 KiB pages behind a checksummed header page.
//!
//! ```text
//! page 0 (header)  magic "rxledger ids v1\n" | first seq u64 | last seq u64 | hash of record
//!                  `last` (32) | entries u64 | pages u64 | blake3 of the above (16) | zeros
//! page 1..         up to 102 entries of 40 bytes (key u128 BE, seq u64 BE, digest u128 BE),
//!                  at 4080 the entry count (u16 LE), at 4088 the first 8 bytes of
//!                  blake3(first seq ‖ page number ‖ bytes 0..4088)
//! ```
//!
//! Entries are sorted by `(key, seq)` across pages; every page but the last is full. A run is
//! written to a temporary name and renamed, so a run under its final name is complete unless a
//! power loss tore it; a header, length or page that does not check out is reported as
//! [`RunError::Corrupt`] and the index is rebuilt from the ledger.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rxledger_chain::Digest;

use super::{Entry, Stored};

/// Bytes per page.
pub(crate) const PAGE: usize = 4096;
/// Bytes per entry.
const ENTRY: usize = 40;
/// Entries per page.
pub(crate) const PER_PAGE: usize = 102;
const COUNT_AT: usize = PER_PAGE * ENTRY;
const SUM_AT: usize = PAGE - 8;
const MAGIC: &[u8; 16] = b"rxledger ids v1\n";
const HEADER_LEN: usize = 16 + 8 + 8 + 32 + 8 + 8;

/// Why a run could not be used.
#[derive(Debug)]
pub(crate) enum RunError {
    /// Reading or writing failed.
    Io(PathBuf, io::Error),
    /// The file is not a complete, intact run.
    Corrupt(PathBuf, &'static str),
}

impl RunError {
    pub(crate) fn into_store(self) -> crate::StoreError {
        match self {
            RunError::Io(path, source) => crate::StoreError::Io { path, source },
            RunError::Corrupt(path, why) => crate::StoreError::Io {
                path,
                source: io::Error::new(io::ErrorKind::InvalidData, why),
            },
        }
    }
}

/// What a run covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RunMeta {
    /// First record covered.
    pub first: u64,
    /// Last record covered.
    pub last: u64,
    /// Chain hash of record `last`.
    pub last_hash: Digest,
    /// Number of entries.
    pub entries: u64,
}

fn encode(e: &Entry, out: &mut [u8]) {
    if let Some(b) = out.get_mut(..ENTRY) {
        b[..16].copy_from_slice(&e.key.to_be_bytes());
        b[16..24].copy_from_slice(&e.seq.to_be_bytes());
        b[24..40].copy_from_slice(&e.digest.to_be_bytes());
    }
}

fn decode(b: &[u8]) -> Entry {
    let mut k = [0u8; 16];
    let mut s = [0u8; 8];
    let mut d = [0u8; 16];
    if let Some(b) = b.get(..ENTRY) {
        k.copy_from_slice(&b[..16]);
        s.copy_from_slice(&b[16..24]);
        d.copy_from_slice(&b[24..40]);
    }
    Entry {
        key: u128::from_be_bytes(k),
        seq: u64::from_be_bytes(s),
        digest: u128::from_be_bytes(d),
    }
}

/// The checksum of a page: the first 8 bytes of blake3 over `tag`, `page_no` (little-endian)
/// and the page's bytes before the checksum. The three go to blake3 as one input, so that its
/// four whole chunks are hashed side by side (fed in three parts, the first chunk was hashed
/// one block at a time); the digest is the same.
fn page_sum(tag: u64, page_no: u64, page: &[u8]) -> [u8; 8] {
    let body = page.get(..SUM_AT).unwrap_or_default();
    let n = 16 + body.len();
    let mut input = [0u8; 16 + SUM_AT];
    input[..8].copy_from_slice(&tag.to_le_bytes());
    input[8..16].copy_from_slice(&page_no.to_le_bytes());
    if let Some(dst) = input.get_mut(16..n) {
        dst.copy_from_slice(body);
    }
    let h = blake3::hash(input.get(..n).unwrap_or_default());
    let mut out = [0u8; 8];
    out.copy_from_slice(&h.as_bytes()[..8]);
    out
}

fn header_bytes(meta: &RunMeta, pages: u64) -> Vec<u8> {
    let mut h = vec![0u8; PAGE];
    h[..16].copy_from_slice(MAGIC);
    h[16..24].copy_from_slice(&meta.first.to_le_bytes());
    h[24..32].copy_from_slice(&meta.last.to_le_bytes());
    h[32..64].copy_from_slice(&meta.last_hash.0);
    h[64..72].copy_from_slice(&meta.entries.to_le_bytes());
    h[72..80].copy_from_slice(&pages.to_le_bytes());
    let sum = blake3::hash(&h[..HEADER_LEN]);
    h[HEADER_LEN..HEADER_LEN + 16].copy_from_slice(&sum.as_bytes()[..16]);
    h
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(b.get(at..at + 8).unwrap_or(&[0; 8]));
    u64::from_le_bytes(x)
}

/// Writes a run from entries given in sorted order.
pub(crate) struct RunWriter {
    file: BufWriter<File>,
    path: PathBuf,
    page: Vec<u8>,
    in_page: usize,
    pages: u64,
    entries: u64,
    tag: u64,
    last: Option<Entry>,
    /// Made by [`RunWriter::temporary`]: its handle reads too (one of `create` only writes).
    temporary: bool,
}

impl RunWriter {
    /// Creates (truncating) `path` for a run whose pages are tagged with `tag` (its first seq).
    pub(crate) fn create(path: &Path, tag: u64) -> Result<RunWriter, RunError> {
        let file = File::create(path).map_err(|e| RunError::Io(path.to_owned(), e))?;
        RunWriter::with_file(file, path.to_owned(), tag)
    }

    /// A run in a new unnamed temporary file in `dir`, for [`RunWriter::finish_temporary`]: the
    /// system removes it when its last handle closes, even when the process is killed (a named
    /// file would stay behind). `dir` names it in errors.
    pub(crate) fn temporary(dir: &Path, tag: u64) -> Result<RunWriter, RunError> {
        let file = tempfile::tempfile_in(dir).map_err(|e| RunError::Io(dir.to_owned(), e))?;
        let mut w = RunWriter::with_file(file, dir.join("(unnamed temporary id run)"), tag)?;
        w.temporary = true;
        Ok(w)
    }

    fn with_file(file: File, path: PathBuf, tag: u64) -> Result<RunWriter, RunError> {
        let mut file = BufWriter::with_capacity(1 << 16, file);
        file.write_all(&[0u8; PAGE])
            .map_err(|e| RunError::Io(path.clone(), e))?;
        Ok(RunWriter {
            file,
            path,
            page: vec![0u8; PAGE],
            in_page: 0,
            pages: 0,
            entries: 0,
            tag,
            last: None,
            temporary: false,
        })
    }

    /// Adds the next entry (not smaller than the previous one).
    pub(crate) fn push(&mut self, e: Entry) -> Result<(), RunError> {
        debug_assert!(self.last.is_none_or(|l| l <= e), "run entries out of order");
        self.last = Some(e);
        encode(&e, &mut self.page[self.in_page * ENTRY..]);
        self.in_page += 1;
        self.entries += 1;
        if self.in_page == PER_PAGE {
            self.flush_page()?;
        }
        Ok(())
    }

    fn flush_page(&mut self) -> Result<(), RunError> {
        if self.in_page == 0 {
            return Ok(());
        }
        for b in &mut self.page[self.in_page * ENTRY..COUNT_AT] {
            *b = 0;
        }
        self.page[COUNT_AT..COUNT_AT + 2].copy_from_slice(&(self.in_page as u16).to_le_bytes());
        let sum = page_sum(self.tag, self.pages, &self.page);
        self.page[SUM_AT..].copy_from_slice(&sum);
        self.file
            .write_all(&self.page)
            .map_err(|e| RunError::Io(self.path.clone(), e))?;
        self.pages += 1;
        self.in_page = 0;
        Ok(())
    }

    /// Writes the last page and the header (with `meta.entries` taken from the writer), and
    /// makes the file durable.
    pub(crate) fn finish(self, meta: RunMeta) -> Result<RunMeta, RunError> {
        self.finish_with(meta, true).map(|(meta, _)| meta)
    }

    /// [`RunWriter::finish`] without making the file durable, and the run opened from the same
    /// handle: for a temporary run ([`RunWriter::temporary`]), read back by this process alone
    /// (a [`super::Sorter`]'s), which a crash loses anyway. (Their `fdatasync`s, one per 32,768
    /// events of a check, were about 7 % of the engine's time.)
    pub(crate) fn finish_temporary(self, meta: RunMeta) -> Result<Run, RunError> {
        if !self.temporary {
            return Err(RunError::Corrupt(self.path, "not a temporary run"));
        }
        let path = self.path.clone();
        let (_, file) = self.finish_with(meta, false)?;
        Run::from_file(file, &path)
    }

    fn finish_with(
        mut self,
        mut meta: RunMeta,
        durable: bool,
    ) -> Result<(RunMeta, File), RunError> {
        self.flush_page()?;
        meta.entries = self.entries;
        let path = self.path.clone();
        let io = |e| RunError::Io(path.clone(), e);
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| RunError::Io(self.path.clone(), e.into_error()))?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        file.write_all(&header_bytes(&meta, self.pages))
            .map_err(io)?;
        if durable {
            file.sync_data().map_err(io)?;
        }
        Ok((meta, file))
    }
}

fn read_at(f: &File, offset: u64, buf: &mut [u8]) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
    }
    #[cfg(not(unix))]
    {
        let mut f = f.try_clone()?;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(buf)
    }
}

/// An open run.
pub(crate) struct Run {
    file: File,
    path: PathBuf,
    meta: RunMeta,
    pages: u64,
    /// Pages whose checksum was verified (one bit each).
    verified: Vec<u64>,
    /// The last page read: its number and entries.
    cached: Option<(u64, Vec<Entry>)>,
}

impl Run {
    /// Opens a run and checks its header and length.
    pub(crate) fn open(path: &Path) -> Result<Run, RunError> {
        crate::regular(path).map_err(|e| RunError::Io(path.to_owned(), e))?;
        let file = File::open(path).map_err(|e| RunError::Io(path.to_owned(), e))?;
        Run::from_file(file, path)
    }

    /// [`Run::open`] of an open file (read with positioned reads); `path` names it in errors.
    fn from_file(file: File, path: &Path) -> Result<Run, RunError> {
        let corrupt = |why| RunError::Corrupt(path.to_owned(), why);
        let len = file
            .metadata()
            .map_err(|e| RunError::Io(path.to_owned(), e))?
            .len();
        let mut h = vec![0u8; PAGE];
        if len < PAGE as u64 {
            return Err(corrupt("shorter than its header"));
        }
        read_at(&file, 0, &mut h).map_err(|e| RunError::Io(path.to_owned(), e))?;
        if h.get(..16) != Some(MAGIC.as_slice()) {
            return Err(corrupt("not an id run"));
        }
        let sum = blake3::hash(&h[..HEADER_LEN]);
        if h.get(HEADER_LEN..HEADER_LEN + 16) != sum.as_bytes().get(..16) {
            return Err(corrupt("header checksum mismatch"));
        }
        let mut hash = [0u8; 32];
        hash.copy_from_slice(&h[32..64]);
        let meta = RunMeta {
            first: u64_at(&h, 16),
            last: u64_at(&h, 24),
            last_hash: Digest(hash),
            entries: u64_at(&h, 64),
        };
        let pages = u64_at(&h, 72);
        if pages != meta.entries.div_ceil(PER_PAGE as u64)
            || len != (pages + 1) * PAGE as u64
            || meta.first > meta.last.saturating_add(1)
        {
            return Err(corrupt("length does not match the header"));
        }
        Ok(Run {
            file,
            path: path.to_owned(),
            meta,
            pages,
            verified: vec![0; usize::try_from(pages.div_ceil(64)).unwrap_or(0)],
            cached: None,
        })
    }

    /// What the run covers.
    pub(crate) fn meta(&self) -> RunMeta {
        self.meta
    }

    /// The open file (tests damage temporary runs through it).
    #[cfg(test)]
    pub(crate) fn file(&self) -> &File {
        &self.file
    }

    /// The file.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Reads and checks page `p` (0-based, after the header) into the cache.
    fn load(&mut self, p: u64) -> Result<&[Entry], RunError> {
        if self.cached.as_ref().is_none_or(|(n, _)| *n != p) {
            let mut buf = vec![0u8; PAGE];
            read_at(&self.file, (p + 1) * PAGE as u64, &mut buf)
                .map_err(|e| RunError::Io(self.path.clone(), e))?;
            let word = usize::try_from(p / 64).unwrap_or(usize::MAX);
            let bit = 1u64 << (p % 64);
            let known = self.verified.get(word).is_some_and(|w| w & bit != 0);
            if !known {
                if buf.get(SUM_AT..) != Some(page_sum(self.meta.first, p, &buf).as_slice()) {
                    return Err(RunError::Corrupt(
                        self.path.clone(),
                        "page checksum mismatch",
                    ));
                }
                if let Some(w) = self.verified.get_mut(word) {
                    *w |= bit;
                }
            }
            let count = usize::from(u16::from_le_bytes([buf[COUNT_AT], buf[COUNT_AT + 1]]));
            let expect = if p + 1 == self.pages {
                self.meta.entries - p * PER_PAGE as u64
            } else {
                PER_PAGE as u64
            };
            if count as u64 != expect || count == 0 {
                return Err(RunError::Corrupt(self.path.clone(), "page entry count"));
            }
            let entries = buf[..count * ENTRY]
                .chunks_exact(ENTRY)
                .map(decode)
                .collect();
            self.cached = Some((p, entries));
        }
        Ok(self.cached.as_ref().map_or(&[], |(_, e)| e.as_slice()))
    }

    /// Looks up `keys` (sorted by key; `(key, slot)`), filling `out[slot]` for those found.
    pub(crate) fn lookup_sorted(
        &mut self,
        keys: &[(u128, usize)],
        out: &mut [Option<Stored>],
    ) -> Result<(), RunError> {
        if self.pages == 0 || keys.is_empty() {
            return Ok(());
        }
        if keys.len() as u64 * 4 >= self.pages {
            return self.merge_lookup(keys, out);
        }
        for &(k, slot) in keys {
            if let Some(s) = self.find(k)? {
                if let Some(o) = out.get_mut(slot) {
                    *o = Some(s);
                }
            }
        }
        Ok(())
    }

    /// Reads every page in order, matching the sorted keys as it goes.
    fn merge_lookup(
        &mut self,
        keys: &[(u128, usize)],
        out: &mut [Option<Stored>],
    ) -> Result<(), RunError> {
        let mut i = 0;
        for p in 0..self.pages {
            let entries = self.load(p)?.to_vec();
            let Some(last) = entries.last() else { break };
            for e in &entries {
                while keys.get(i).is_some_and(|(k, _)| *k < e.key) {
                    i += 1;
                }
                let mut j = i;
                while let Some(&(_, slot)) = keys.get(j).filter(|(k, _)| *k == e.key) {
                    if let Some(o) = out.get_mut(slot).filter(|o| o.is_none()) {
                        *o = Some(Stored {
                            seq: e.seq,
                            digest: e.digest,
                        });
                    }
                    j += 1;
                }
            }
            while keys.get(i).is_some_and(|(k, _)| *k <= last.key) {
                i += 1;
            }
            if i >= keys.len() {
                break;
            }
        }
        Ok(())
    }

    /// Finds one key: the first page probed is where a uniform key would be, then bisection.
    fn find(&mut self, key: u128) -> Result<Option<Stored>, RunError> {
        let (mut lo, mut hi) = (0u64, self.pages);
        let guess = ((key >> 64) * u128::from(self.pages)) >> 64;
        let mut probe = u64::try_from(guess).unwrap_or(0).min(self.pages - 1);
        while lo < hi {
            let entries = self.load(probe)?;
            let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
                return Ok(None);
            };
            if key < first.key {
                hi = probe;
            } else if key > last.key {
                lo = probe + 1;
            } else {
                return Ok(entries
                    .binary_search_by(|e| e.key.cmp(&key).then(std::cmp::Ordering::Greater))
                    .err()
                    .and_then(|i| entries.get(i))
                    .filter(|e| e.key == key)
                    .map(|e| Stored {
                        seq: e.seq,
                        digest: e.digest,
                    }));
            }
            probe = lo + (hi.saturating_sub(lo)) / 2;
        }
        Ok(None)
    }

    /// Reads the entries in order.
    pub(crate) fn entries(&self) -> Result<RunIter, RunError> {
        let mut f = self
            .file
            .try_clone()
            .map_err(|e| RunError::Io(self.path.clone(), e))?;
        f.seek(SeekFrom::Start(PAGE as u64))
            .map_err(|e| RunError::Io(self.path.clone(), e))?;
        Ok(RunIter {
            reader: BufReader::with_capacity(1 << 16, f),
            path: self.path.clone(),
            tag: self.meta.first,
            pages: self.pages,
            page_no: 0,
            page: Vec::new(),
            pos: 0,
        })
    }
}

/// The entries of a run, in order, each page checked as it is read.
pub(crate) struct RunIter {
    reader: BufReader<File>,
    path: PathBuf,
    tag: u64,
    pages: u64,
    page_no: u64,
    page: Vec<Entry>,
    pos: usize,
}

impl RunIter {
    /// The next entry, or `None` at the end.
    pub(crate) fn next_entry(&mut self) -> Result<Option<Entry>, RunError> {
        if self.pos == self.page.len() {
            if self.page_no == self.pages {
                return Ok(None);
            }
            let mut buf = vec![0u8; PAGE];
            self.reader
                .read_exact(&mut buf)
                .map_err(|e| RunError::Io(self.path.clone(), e))?;
            if buf.get(SUM_AT..) != Some(page_sum(self.tag, self.page_no, &buf).as_slice()) {
                return Err(RunError::Corrupt(
                    self.path.clone(),
                    "page checksum mismatch",
                ));
            }
            let count = usize::from(u16::from_le_bytes([buf[COUNT_AT], buf[COUNT_AT + 1]]));
            if count == 0 || count > PER_PAGE {
                return Err(RunError::Corrupt(self.path.clone(), "page entry count"));
            }
            self.page = buf[..count * ENTRY]
                .chunks_exact(ENTRY)
                .map(decode)
                .collect();
            self.pos = 0;
            self.page_no += 1;
        }
        let e = self.page.get(self.pos).copied();
        self.pos += 1;
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    /// The page checksum as it was first defined: blake3 fed the tag, the page number and the
    /// page in three parts.
    fn page_sum_in_parts(tag: u64, page_no: u64, page: &[u8]) -> [u8; 8] {
        let mut h = blake3::Hasher::new();
        h.update(&tag.to_le_bytes());
        h.update(&page_no.to_le_bytes());
        h.update(page.get(..SUM_AT).unwrap_or_default());
        let mut out = [0u8; 8];
        out.copy_from_slice(&h.finalize().as_bytes()[..8]);
        out
    }

    #[test]
    fn page_sums_are_those_of_the_format() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..64u64 {
            let page: Vec<u8> = (0..PAGE)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as u8
                })
                .collect();
            assert_eq!(
                super::page_sum(x, round, &page),
                page_sum_in_parts(x, round, &page)
            );
        }
        // A page too short to hold a checksum is summed as an empty body, as before.
        assert_eq!(
            super::page_sum(1, 2, &[7; 10]),
            page_sum_in_parts(1, 2, &[7; 10])
        );
    }

    use super::*;

    fn entries(n: u64, seed: u64) -> Vec<Entry> {
        let mut x = seed | 1;
        let mut v: Vec<Entry> = (1..=n)
            .map(|seq| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                Entry {
                    key: u128::from(x) << 64 | u128::from(x.rotate_left(17)),
                    seq,
                    digest: u128::from(seq),
                }
            })
            .collect();
        v.sort();
        v
    }

    fn write(path: &Path, es: &[Entry]) -> Run {
        let mut w = RunWriter::create(path, 1).unwrap();
        for e in es {
            w.push(*e).unwrap();
        }
        w.finish(RunMeta {
            first: 1,
            last: es.len() as u64,
            last_hash: Digest([3; 32]),
            entries: 0,
        })
        .unwrap();
        Run::open(path).unwrap()
    }

    #[test]
    fn every_key_is_found_both_ways_and_absent_keys_are_not() {
        let tmp = tempfile::tempdir().unwrap();
        let es = entries(5000, 7);
        let mut run = write(&tmp.path().join("r"), &es);
        assert_eq!(run.meta().entries, 5000);
        for e in es.iter().step_by(37) {
            assert_eq!(run.find(e.key).unwrap().map(|s| s.seq), Some(e.seq));
            assert_eq!(run.find(e.key ^ 1).unwrap(), None);
        }
        // Many keys at once: the merge path.
        let keys: Vec<(u128, usize)> = es.iter().enumerate().map(|(i, e)| (e.key, i)).collect();
        let mut out = vec![None; keys.len()];
        run.lookup_sorted(&keys, &mut out).unwrap();
        assert!(out
            .iter()
            .zip(&es)
            .all(|(o, e)| o.map(|s| s.seq) == Some(e.seq)));
        let mut it = run.entries().unwrap();
        let mut back = Vec::new();
        while let Some(e) = it.next_entry().unwrap() {
            back.push(e);
        }
        assert_eq!(back, es);
    }

    #[test]
    fn a_flipped_byte_is_detected() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("r");
        let es = entries(1000, 9);
        drop(write(&p, &es));
        let mut bytes = std::fs::read(&p).unwrap();
        bytes[PAGE + 5 * PAGE + 100] ^= 1;
        std::fs::write(&p, &bytes).unwrap();
        let mut run = Run::open(&p).unwrap();
        let keys: Vec<(u128, usize)> = es.iter().enumerate().map(|(i, e)| (e.key, i)).collect();
        let mut out = vec![None; keys.len()];
        assert!(matches!(
            run.lookup_sorted(&keys, &mut out),
            Err(RunError::Corrupt(..))
        ));
        bytes[20] ^= 1;
        std::fs::write(&p, &bytes).unwrap();
        assert!(matches!(Run::open(&p), Err(RunError::Corrupt(..))));
        std::fs::write(&p, &bytes[..bytes.len() - 1]).unwrap();
        assert!(matches!(Run::open(&p), Err(RunError::Corrupt(..))));
    }
}
