//! The plan of an append's second pass: what the first pass learnt of every input line, in order.
//!
//! The first pass parses and validates each line once. Most lines are already canonical (an
//! exported or generated file): for those the plan keeps nothing but a run length, and the second
//! pass appends the line's own bytes. For the others it keeps the canonical bytes. Every batch
//! ends with a fingerprint (XXH3-128) of the raw input lines it covers, so that the second pass,
//! which parses nothing, can tell that the file still holds what was validated before it appends
//! the batch.
//!
//! The plan is a byte stream kept in memory up to [`MEMORY`] bytes and spilled beyond it to an
//! unnamed temporary file (which the system removes when the plan is dropped or the process
//! ends, however it ends); if the file cannot be made it stays in memory, as the id sorter does.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// Bytes of plan kept in memory before it is spilled to a temporary file.
const MEMORY: usize = 16 << 20;

const SAME: u8 = 0;
const BLANK: u8 = 1;
const REPLACE: u8 = 2;
const BATCH_END: u8 = 3;
const END: u8 = 4;

/// One step of the second pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Op {
    /// The next `n` lines are events whose canonical bytes are the line itself (without its
    /// line end, and on line 1 without a byte-order mark).
    Same(u64),
    /// The next `n` lines are blank.
    Blank(u64),
    /// The next line is an event whose canonical bytes were put in the caller's buffer.
    Replace,
    /// A batch ends: the raw lines since the previous batch end have this fingerprint.
    BatchEnd(u128),
    /// The input ends: the raw lines since the last batch end have this fingerprint.
    End(u128),
}

/// A new unnamed temporary file in `dir` (the system removes it when it is closed, even if the
/// process is killed), and the path that names it in errors.
fn temp_file(dir: &Path) -> io::Result<(File, PathBuf)> {
    let file = tempfile::tempfile_in(dir)?;
    Ok((file, dir.join("(unnamed temporary append plan)")))
}

/// Writes a plan.
pub(super) struct PlanWriter {
    /// Where a plan too large for memory is spilled.
    dir: PathBuf,
    mem: Vec<u8>,
    file: Option<(BufWriter<File>, PathBuf)>,
    spill_failed: bool,
    /// A run not yet written: its kind and length.
    run: Option<(u8, u64)>,
}

impl Default for PlanWriter {
    fn default() -> Self {
        PlanWriter::in_dir(std::env::temp_dir())
    }
}

impl PlanWriter {
    /// A plan spilled (when it outgrows memory) to `dir` instead of the system's temporary
    /// directory.
    pub(super) fn in_dir(dir: PathBuf) -> Self {
        PlanWriter {
            dir,
            mem: Vec::new(),
            file: None,
            spill_failed: false,
            run: None,
        }
    }

    /// The next line is an event whose canonical bytes are the line's.
    pub(super) fn same(&mut self) -> io::Result<()> {
        self.extend_run(SAME)
    }

    /// The next line is blank.
    pub(super) fn blank(&mut self) -> io::Result<()> {
        self.extend_run(BLANK)
    }

    /// The next line is an event with these canonical bytes.
    pub(super) fn replace(&mut self, canonical: &[u8]) -> io::Result<()> {
        self.put_run()?;
        self.put(&[REPLACE])?;
        self.put_varint(canonical.len() as u64)?;
        self.put(canonical)
    }

    /// A batch ends, its lines with this fingerprint.
    pub(super) fn batch_end(&mut self, fingerprint: u128) -> io::Result<()> {
        self.put_run()?;
        self.put(&[BATCH_END])?;
        self.put(&fingerprint.to_le_bytes())
    }

    /// The input ends, the lines after the last batch with this fingerprint; the plan is ready
    /// to be read.
    pub(super) fn end(mut self, fingerprint: u128) -> io::Result<PlanReader> {
        self.put_run()?;
        self.put(&[END])?;
        self.put(&fingerprint.to_le_bytes())?;
        match self.file {
            None => Ok(PlanReader {
                src: Src::Mem(io::Cursor::new(self.mem)),
                path: None,
            }),
            Some((w, temp)) => {
                let mut file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
                std::io::Seek::rewind(&mut file)?;
                Ok(PlanReader {
                    src: Src::File(BufReader::with_capacity(1 << 16, file)),
                    path: Some(temp),
                })
            }
        }
    }

    fn extend_run(&mut self, kind: u8) -> io::Result<()> {
        match &mut self.run {
            Some((k, n)) if *k == kind => *n += 1,
            _ => {
                self.put_run()?;
                self.run = Some((kind, 1));
            }
        }
        Ok(())
    }

    fn put_run(&mut self) -> io::Result<()> {
        if let Some((kind, n)) = self.run.take() {
            self.put(&[kind])?;
            self.put_varint(n)?;
        }
        Ok(())
    }

    fn put_varint(&mut self, mut n: u64) -> io::Result<()> {
        let mut b = [0u8; 10];
        let mut len = 0;
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                b[len] = low;
                len += 1;
                break;
            }
            b[len] = low | 0x80;
            len += 1;
        }
        self.put(&b[..len])
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Some((w, _)) = &mut self.file {
            return w.write_all(bytes);
        }
        self.mem.extend_from_slice(bytes);
        if self.mem.len() > MEMORY && !self.spill_failed {
            match temp_file(&self.dir) {
                Ok((file, temp)) => {
                    let mut w = BufWriter::with_capacity(1 << 16, file);
                    w.write_all(&self.mem)?;
                    self.mem = Vec::new();
                    self.file = Some((w, temp));
                }
                Err(_) => self.spill_failed = true,
            }
        }
        Ok(())
    }
}

enum Src {
    Mem(io::Cursor<Vec<u8>>),
    File(BufReader<File>),
}

/// Reads a plan back, in order.
pub(super) struct PlanReader {
    src: Src,
    path: Option<PathBuf>,
}

impl PlanReader {
    /// What names the temporary file holding the plan in errors, if it was spilled.
    pub(super) fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The next step; for [`Op::Replace`], the canonical bytes are put in `bytes`.
    pub(super) fn next(&mut self, bytes: &mut Vec<u8>) -> io::Result<Op> {
        let tag = self.byte()?;
        Ok(match tag {
            SAME => Op::Same(self.varint()?),
            BLANK => Op::Blank(self.varint()?),
            REPLACE => {
                let len = usize::try_from(self.varint()?).map_err(io::Error::other)?;
                bytes.clear();
                bytes.resize(len, 0);
                self.read_exact(bytes)?;
                Op::Replace
            }
            BATCH_END => Op::BatchEnd(self.u128()?),
            END => Op::End(self.u128()?),
            _ => return Err(io::Error::other("the append plan is damaged")),
        })
    }

    fn read_exact(&mut self, buf: &mut [u8]) -> io::Result<()> {
        match &mut self.src {
            Src::Mem(c) => c.read_exact(buf),
            Src::File(f) => f.read_exact(buf),
        }
    }

    fn byte(&mut self) -> io::Result<u8> {
        let mut b = [0u8];
        self.read_exact(&mut b)?;
        Ok(b[0])
    }

    fn varint(&mut self) -> io::Result<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(io::Error::other("the append plan is damaged"))
    }

    fn u128(&mut self) -> io::Result<u128> {
        let mut b = [0u8; 16];
        self.read_exact(&mut b)?;
        Ok(u128::from_le_bytes(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replay(mut r: PlanReader) -> Vec<(Op, Vec<u8>)> {
        let mut out = Vec::new();
        loop {
            let mut bytes = Vec::new();
            let op = r.next(&mut bytes).unwrap();
            out.push((op, bytes));
            if matches!(op, Op::End(_)) {
                return out;
            }
        }
    }

    #[test]
    fn runs_are_coalesced_and_replacements_kept_in_order() {
        let mut w = PlanWriter::default();
        for _ in 0..300 {
            w.same().unwrap();
        }
        w.blank().unwrap();
        w.replace(b"{\"a\":1}").unwrap();
        w.same().unwrap();
        w.batch_end(u128::MAX - 7).unwrap();
        let ops = replay(w.end(42).unwrap());
        let want = [
            (Op::Same(300), vec![]),
            (Op::Blank(1), vec![]),
            (Op::Replace, b"{\"a\":1}".to_vec()),
            (Op::Same(1), vec![]),
            (Op::BatchEnd(u128::MAX - 7), vec![]),
            (Op::End(42), vec![]),
        ];
        assert_eq!(ops, want);
    }

    #[test]
    fn a_large_plan_is_spilled_and_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let listed = || std::fs::read_dir(dir.path()).unwrap().count();
        let mut w = PlanWriter::in_dir(dir.path().to_owned());
        let big = vec![b'x'; 1 << 20];
        for i in 0..20u8 {
            let mut p = big.clone();
            p[0] = i;
            w.replace(&p).unwrap();
        }
        let r = w.end(1).unwrap();
        assert!(r.path().expect("spilled").starts_with(dir.path()));
        // Spilled to a file that no name in the directory points at: a process killed now
        // leaves nothing behind. (On Unix; on Windows the system deletes it when it is closed,
        // and lists it until then.)
        #[cfg(unix)]
        assert_eq!(listed(), 0);
        let ops = replay(r);
        assert_eq!(ops.len(), 21);
        for (i, (op, bytes)) in ops.iter().take(20).enumerate() {
            assert_eq!(*op, Op::Replace);
            assert_eq!(bytes.len(), 1 << 20);
            assert_eq!(usize::from(bytes[0]), i);
        }
        assert_eq!(listed(), 0);
    }

    /// A directory where no file can be made: the plan stays in memory, whole.
    #[test]
    fn without_a_usable_directory_the_plan_stays_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = PlanWriter::in_dir(dir.path().join("missing"));
        let big = vec![b'y'; 1 << 20];
        for _ in 0..20 {
            w.replace(&big).unwrap();
        }
        let r = w.end(3).unwrap();
        assert!(r.path().is_none());
        let ops = replay(r);
        assert_eq!(ops.len(), 21);
        assert_eq!(ops[20].0, Op::End(3));
    }
}
