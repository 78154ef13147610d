//! Streaming verification of a record stream: [`Verifier`], its errors and expected heads.

use std::fmt;

use crate::{Digest, Hashers, Head, LeafBatch, RecordRef};

/// Why verification stopped. Every variant names the first bad record (`seq`) and, where the
/// input is line-oriented, the 1-based `line`.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// The line is not a record in the canonical envelope.
    #[error("line {line}: unparsable record (expected seq {seq}): {reason}")]
    Unparsable {
        /// 1-based line number.
        line: u64,
        /// The seq the line should have carried.
        seq: u64,
        /// What is wrong.
        reason: &'static str,
    },
    /// One or more records are missing: the line carries a later seq than expected.
    #[error("line {line}: sequence gap: expected seq {seq}, found seq {found} (record(s) {seq}..{} missing or reordered)", found - 1)]
    Gap {
        /// 1-based line number.
        line: u64,
        /// The first missing seq.
        seq: u64,
        /// The seq found instead.
        found: u64,
    },
    /// A seq repeats or goes backwards (duplicated or reordered record).
    #[error("line {line}: duplicate or out-of-order record: expected seq {seq}, found seq {found} again")]
    Duplicate {
        /// 1-based line number.
        line: u64,
        /// The seq that was expected at this line.
        seq: u64,
        /// The seq found instead (already seen).
        found: u64,
    },
    /// `prev` does not equal the previous record's hash.
    #[error("line {line}: broken link at seq {seq}: prev {found} does not equal the previous record's hash {expected}")]
    BrokenLink {
        /// 1-based line number.
        line: u64,
        /// The record whose link is broken.
        seq: u64,
        /// The previous record's hash.
        expected: Digest,
        /// The `prev` stored in this record.
        found: Digest,
    },
    /// The stored hash does not match the record's content.
    #[error("line {line}: hash mismatch at seq {seq}: the record's content was altered (stored {stored}, computed {computed})")]
    HashMismatch {
        /// 1-based line number.
        line: u64,
        /// The altered record.
        seq: u64,
        /// The hash stored in the record.
        stored: Digest,
        /// The hash computed from its content.
        computed: Digest,
    },
    /// `batch_end` is inconsistent with the records around it.
    #[error(
        "line {line}: bad batch framing at seq {seq}: batch_end {batch_end} (expected {expected})"
    )]
    BatchFraming {
        /// 1-based line number.
        line: u64,
        /// The record.
        seq: u64,
        /// Its `batch_end`.
        batch_end: u64,
        /// What was expected (the open batch's end, or at least `seq`).
        expected: u64,
    },
    /// The input ends inside a batch: records `seq..=batch_end` were never written.
    #[error("ledger ends inside a batch: records {seq}..={batch_end} are missing (truncated, or a crash before the batch was acknowledged)")]
    IncompleteBatch {
        /// The first missing seq.
        seq: u64,
        /// The end of the incomplete batch.
        batch_end: u64,
    },
    /// A ledger directory holds fewer acknowledged records than its own checkpoint history
    /// signed: records were cut off its end (an unacknowledged tail looks like a crash's, but a
    /// checkpoint was signed over those records, so they had been acknowledged).
    #[error("the ledger holds {last} acknowledged record(s), but its own checkpoint history (checkpoints.jsonl) signed {signed}: records {seq}..{signed} were removed (truncated)")]
    BelowCheckpoint {
        /// The first record missing (`last + 1`).
        seq: u64,
        /// The last acknowledged record the ledger holds.
        last: u64,
        /// The records the latest checkpoint of its history vouches for.
        signed: u64,
    },
    /// A ledger directory's first `size` records do not have the Merkle root its own checkpoint
    /// history signed for them: records were changed, or history rewritten, since.
    #[error("the first {size} records do not have the Merkle root their checkpoint in the directory's own history (checkpoints.jsonl) signed: records were changed or history rewritten since")]
    CheckpointRoot {
        /// The first record the checkpoint no longer vouches for (1: which one changed is not
        /// known).
        seq: u64,
        /// The records the checkpoint signed.
        size: u64,
    },
    /// A ledger directory's checkpoint history cannot vouch for the records (`fault` says why):
    /// it was damaged or altered.
    #[error("the directory's checkpoint history (checkpoints.jsonl) {fault}: the history was damaged or altered, and cannot vouch for the records")]
    HistoryDamaged {
        /// Always 1: no record is known to be bad.
        seq: u64,
        /// The 1-based line of the history file (0: the file as a whole).
        line: u64,
        /// What is wrong with it.
        fault: HistoryFault,
    },
    /// The record at the expected head's seq has another hash: the ledger was rewritten at or
    /// before it (it is not shorter: attacker round 24 was told it "ends" there).
    #[error("record {seq} has hash {found}, not the expected {expected}: the ledger was rewritten at or before seq {seq}")]
    HeadDiffers {
        /// The expected head's seq.
        seq: u64,
        /// The hash expected there.
        expected: Digest,
        /// The hash the record has.
        found: Digest,
    },
    /// The expected head was not found: the ledger was truncated or rewritten.
    #[error("expected head {expected} not found: the ledger ends at seq {last} with head {found}; it was truncated or rewritten (first unverifiable seq {seq})")]
    HeadMismatch {
        /// The first seq that cannot be vouched for.
        seq: u64,
        /// Last seq in the ledger.
        last: u64,
        /// The expected head (as given).
        expected: String,
        /// The ledger's head.
        found: Digest,
    },
    /// An exported file whose records all verify, but whose bytes around them were changed: a
    /// byte-order mark added before the first record, or line endings changed to CR LF (an
    /// editor or a transfer in text mode re-saved it). Nothing a record holds was changed; the
    /// file is not the export byte for byte. Only [`Verifier::push_export_line`] reports it.
    #[error("{}", reformatted_text(*bom, *crlf, *lines, *blank, *last))]
    Reformatted {
        /// The first record whose line was changed (1 when a byte-order mark was added).
        seq: u64,
        /// A UTF-8 byte-order mark was added before the first record.
        bom: bool,
        /// Lines whose newline became CR LF.
        crlf: u64,
        /// Lines in the file (records and trailing blank lines).
        lines: u64,
        /// Blank lines after the last record (tolerated on their own).
        blank: u64,
        /// The last record; records `1..=last` verify.
        last: u64,
    },
}

/// What [`VerifyError::Reformatted`] says: exactly what was changed, then that the records are
/// intact.
fn reformatted_text(bom: bool, crlf: u64, lines: u64, blank: u64, last: u64) -> String {
    let mut changes = Vec::new();
    if bom {
        changes.push("a UTF-8 byte-order mark was added before the first record".to_owned());
    }
    match crlf {
        0 => {}
        n if n == lines => changes.push("line endings changed to CRLF".to_owned()),
        n => changes.push(format!(
            "line endings of {n} of {lines} lines changed to CRLF"
        )),
    }
    if blank > 0 {
        let s = if blank == 1 { "" } else { "s" };
        changes.push(format!("{blank} blank line{s} added at the end"));
    }
    let records = match last {
        0 => "it holds no records".to_owned(),
        1 => "the one record verifies".to_owned(),
        n => format!("all {n} verify"),
    };
    format!(
        "the file is not the export byte for byte: {}; the records are otherwise intact ({records})",
        changes.join(", ")
    )
}

impl VerifyError {
    /// The first bad (missing, altered or unverifiable) seq.
    pub fn seq(&self) -> u64 {
        match self {
            VerifyError::Unparsable { seq, .. }
            | VerifyError::Gap { seq, .. }
            | VerifyError::Duplicate { seq, .. }
            | VerifyError::BrokenLink { seq, .. }
            | VerifyError::HashMismatch { seq, .. }
            | VerifyError::BatchFraming { seq, .. }
            | VerifyError::IncompleteBatch { seq, .. }
            | VerifyError::HeadMismatch { seq, .. }
            | VerifyError::HeadDiffers { seq, .. }
            | VerifyError::BelowCheckpoint { seq, .. }
            | VerifyError::CheckpointRoot { seq, .. }
            | VerifyError::HistoryDamaged { seq, .. }
            | VerifyError::Reformatted { seq, .. } => *seq,
        }
    }

    /// True when the records verified but disagree with the directory's own checkpoint history
    /// ([`VerifyError::CheckpointRoot`]), or the history cannot vouch for them
    /// ([`VerifyError::HistoryDamaged`]): every record was read.
    pub fn against_history(&self) -> bool {
        matches!(
            self,
            VerifyError::CheckpointRoot { .. } | VerifyError::HistoryDamaged { .. }
        )
    }

    /// True when the records themselves are intact and only the bytes around them changed
    /// ([`VerifyError::Reformatted`]): not tampering.
    pub fn records_intact(&self) -> bool {
        matches!(self, VerifyError::Reformatted { .. })
    }
}

/// An expected head given by someone who trusts an earlier state of the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpectedHead {
    /// Some record in the ledger must have this hash (the ledger may have grown since).
    Hash(Digest),
    /// Record `seq` must have this hash.
    At(Head),
}

impl std::str::FromStr for ExpectedHead {
    type Err = String;

    /// Parses `HEX` or `SEQ:HEX`.
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if let Some((seq, hex)) = s.split_once(':') {
            let seq: u64 = seq
                .parse()
                .map_err(|_| format!("head {s:?}: {seq:?} is not a sequence number"))?;
            let hash = Digest::from_hex(hex)
                .ok_or_else(|| format!("head {s:?}: {hex:?} is not 64 hex digits"))?;
            if seq == 0 && hash != Digest::ZERO {
                return Err(format!(
                    "head {s:?}: seq 0 is the empty ledger, whose head hash is 64 zeros"
                ));
            }
            Ok(ExpectedHead::At(Head { seq, hash }))
        } else {
            Digest::from_hex(s)
                .map(ExpectedHead::Hash)
                .ok_or_else(|| format!("head {s:?} is not 64 hex digits (or SEQ:HEX)"))
        }
    }
}

impl ExpectedHead {
    /// True for the head of the empty ledger (`0:` and 64 zeros, or 64 zeros alone): every
    /// ledger extends it, so it is seen before the first record.
    pub fn is_empty_ledger(&self) -> bool {
        match self {
            ExpectedHead::Hash(d) => *d == Digest::ZERO,
            ExpectedHead::At(h) => h.seq == 0 && h.hash == Digest::ZERO,
        }
    }
}

impl fmt::Display for ExpectedHead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExpectedHead::Hash(d) => write!(f, "{d}"),
            ExpectedHead::At(h) => write!(f, "{h}"),
        }
    }
}

/// Why a ledger directory's checkpoint history cannot vouch for its records
/// ([`VerifyError::HistoryDamaged`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryFault {
    /// A complete line is not a checkpoint entry.
    #[error("has a line that is not a checkpoint")]
    NotAnEntry,
    /// An entry for `size` records comes after one for more (`after`): a checkpoint only ever
    /// signs a ledger as large as before or larger, so the lines were reordered or copied
    /// (attacker round 26: an older entry copied to the end turned the root check off).
    #[error("has an entry for {size} records after one for {after}")]
    OutOfOrder {
        /// The smaller size, later in the file.
        size: u64,
        /// The larger size, earlier.
        after: u64,
    },
    /// Two entries for `size` records with different roots: two different ledgers were signed.
    #[error("has two entries for {size} records with different roots")]
    Forked {
        /// Their size.
        size: u64,
    },
    /// It is not a regular file (a directory, a FIFO, a device).
    #[error("is not a regular file")]
    NotAFile,
    /// It is larger than any checkpoint history (`bytes`).
    #[error("is {bytes} bytes, larger than any checkpoint history")]
    TooLarge {
        /// Its length.
        bytes: u64,
    },
    /// It exists but cannot be read, or is not UTF-8.
    #[error("cannot be read")]
    Unreadable,
}

/// A record line parsed and hashed, independently of the records before it: the part of
/// verification that can run on any thread, ahead of [`Verifier::push_line_hashed`].
#[derive(Clone, Copy, Debug)]
pub struct Prehashed<'a> {
    /// The parsed record.
    pub rec: RecordRef<'a>,
    /// The hash its content implies: `link(prev, leaf(seq, batch_end, recorded_at, payload))`.
    pub computed: Digest,
    /// Its leaf hash, `leaf(seq, batch_end, recorded_at, payload)` (which a Merkle tree leaf
    /// hashes once more).
    pub leaf: Digest,
}

impl<'a> Prehashed<'a> {
    /// Parses `line` (without its newline) and computes its hash.
    pub fn of(hashers: &Hashers, line: &'a [u8]) -> Result<Prehashed<'a>, &'static str> {
        Ok(Self::hashed(hashers, RecordRef::parse(line)?))
    }

    /// [`Prehashed::of`] a line split at newlines, which holds none (see
    /// [`RecordRef::parse_line`]).
    pub fn of_line(hashers: &Hashers, line: &'a [u8]) -> Result<Prehashed<'a>, &'static str> {
        Ok(Self::hashed(hashers, RecordRef::parse_line(line)?))
    }

    fn hashed(hashers: &Hashers, rec: RecordRef<'a>) -> Prehashed<'a> {
        let leaf = hashers.leaf(
            rec.seq,
            rec.batch_end,
            rec.recorded_at.as_bytes(),
            rec.payload,
        );
        let computed = hashers.link(&rec.prev, &leaf);
        Prehashed {
            rec,
            computed,
            leaf,
        }
    }
}

/// Hashes records many at a time, side by side ([`LeafBatch`]): [`Prehashed::of`] for a whole
/// block of lines, several times faster on records of a few KiB or less.
#[derive(Debug, Default)]
pub struct PrehashBatch {
    hashers: Hashers,
    leaves: LeafBatch,
    digests: Vec<Digest>,
    links: Vec<Digest>,
}

impl PrehashBatch {
    /// An empty batch.
    pub fn new() -> Self {
        Self::default()
    }

    /// For every line of `lines`, in order, appended to `out`: its record (as `parse` reads it:
    /// [`RecordRef::parse`], or [`RecordRef::parse_line`] for lines split at newlines) and the
    /// hash its content implies, or `None` for a line that does not parse (the verifier then
    /// says why). The same as [`Prehashed::of`] line by line.
    pub fn hash_lines<'a>(
        &mut self,
        lines: &[&'a [u8]],
        parse: impl Fn(&'a [u8]) -> Result<RecordRef<'a>, &'static str>,
        out: &mut Vec<Option<Prehashed<'a>>>,
    ) {
        let first = out.len();
        out.extend(lines.iter().map(|line| {
            let rec = parse(line).ok()?;
            self.leaves.push_record(&rec);
            // The hash is filled in below, once the leaves are known.
            Some(Prehashed {
                rec,
                computed: Digest::ZERO,
                leaf: Digest::ZERO,
            })
        }));
        self.leaves.finish(&mut self.digests);
        let added = out.get_mut(first..).unwrap_or_default();
        self.links.clear();
        self.hashers.links(
            added
                .iter()
                .flatten()
                .map(|p| &p.rec.prev)
                .zip(&self.digests),
            &mut self.links,
        );
        for ((p, link), leaf) in added
            .iter_mut()
            .flatten()
            .zip(&self.links)
            .zip(&self.digests)
        {
            p.computed = *link;
            p.leaf = *leaf;
        }
    }
}

/// The record bytes of a line of an exported file, as [`Verifier::push_export_line`] verifies
/// them: without a UTF-8 byte-order mark before the first line (`first`) and without a CR
/// before the newline.
pub fn export_record_bytes(line: &[u8], first: bool) -> &[u8] {
    export_parts(line, first).0
}

/// The record bytes of an export line, and whether a byte-order mark and a CR were set aside.
fn export_parts(line: &[u8], first: bool) -> (&[u8], bool, bool) {
    let (line, bom) = match line.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) if first => (rest, true),
        _ => (line, false),
    };
    match line.strip_suffix(b"\r") {
        Some(rest) => (rest, bom, true),
        None => (line, bom, false),
    }
}

/// Streaming verifier: push record lines in order, then [`Verifier::finish`].
///
/// Memory is constant; each line is checked for framing, sequence, link and hash as it arrives.
#[derive(Clone)]
pub struct Verifier {
    hashers: Hashers,
    head: Head,
    line: u64,
    batch_end: u64,
    expected: Option<ExpectedHead>,
    expected_seen: bool,
    /// What [`Verifier::push_export_line`] found around the records.
    export: ExportBytes,
}

/// Bytes around the records of an exported file, as [`Verifier::push_export_line`] finds them.
#[derive(Clone, Copy, Debug, Default)]
struct ExportBytes {
    /// Lines seen (records and blank lines).
    lines: u64,
    /// A byte-order mark before the first record.
    bom: bool,
    /// Lines ending in CR LF.
    crlf: u64,
    /// The seq of the first record whose line ends in CR LF.
    first_crlf: Option<u64>,
    /// Empty lines not (yet) followed by a record.
    blank: u64,
}

impl Default for Verifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Verifier {
    /// A verifier for a ledger starting at seq 1.
    pub fn new() -> Self {
        Verifier {
            hashers: Hashers::new(),
            head: Head::default(),
            line: 0,
            batch_end: 0,
            expected: None,
            expected_seen: false,
            export: ExportBytes::default(),
        }
    }

    /// A verifier continuing after `head` (for example at the start of a later segment), with
    /// `head` taken on trust.
    pub fn resume(head: Head) -> Self {
        Verifier {
            head,
            batch_end: head.seq,
            ..Self::new()
        }
    }

    /// Also require the ledger to contain `expected` (see [`ExpectedHead`]).
    #[must_use]
    pub fn expect_head(mut self, expected: ExpectedHead) -> Self {
        self.expected = Some(expected);
        // The empty ledger's head is seen before the first record.
        self.expected_seen = expected.is_empty_ledger();
        self
    }

    /// The head after the last verified record.
    pub fn head(&self) -> Head {
        self.head
    }

    /// Number of lines pushed so far.
    pub fn lines(&self) -> u64 {
        self.line
    }

    /// True when the last verified record closed its batch.
    pub fn at_batch_boundary(&self) -> bool {
        self.head.seq == self.batch_end
    }

    /// Verifies the next line (without its newline). Returns the parsed record.
    pub fn push_line<'a>(&mut self, line: &'a [u8]) -> Result<RecordRef<'a>, VerifyError> {
        self.push_line_hashed(line, None)
    }

    /// [`Verifier::push_line`] with the work that depends on the line alone already done,
    /// possibly on another thread: `pre` is the line parsed by [`RecordRef::parse`] and its
    /// computed hash, from [`Prehashed::of`] over the same bytes. With `None` the line is parsed
    /// and hashed here. The checks that depend on the records before it (sequence, batch framing,
    /// link, expected head) are always made here, in order, so the result is the same as
    /// [`Verifier::push_line`]'s.
    pub fn push_line_hashed<'a>(
        &mut self,
        line: &'a [u8],
        pre: Option<Prehashed<'a>>,
    ) -> Result<RecordRef<'a>, VerifyError> {
        self.line += 1;
        let expected_seq = self.head.seq + 1;
        let Prehashed { rec, computed, .. } = match pre {
            Some(p) => p,
            None => {
                Prehashed::of(&self.hashers, line).map_err(|reason| VerifyError::Unparsable {
                    line: self.line,
                    seq: expected_seq,
                    reason,
                })?
            }
        };
        if rec.seq > expected_seq {
            return Err(VerifyError::Gap {
                line: self.line,
                seq: expected_seq,
                found: rec.seq,
            });
        }
        if rec.seq < expected_seq {
            return Err(VerifyError::Duplicate {
                line: self.line,
                seq: expected_seq,
                found: rec.seq,
            });
        }
        let open = self.head.seq < self.batch_end;
        if (open && rec.batch_end != self.batch_end) || (!open && rec.batch_end < rec.seq) {
            return Err(VerifyError::BatchFraming {
                line: self.line,
                seq: rec.seq,
                batch_end: rec.batch_end,
                expected: if open { self.batch_end } else { rec.seq },
            });
        }
        if rec.prev != self.head.hash {
            return Err(VerifyError::BrokenLink {
                line: self.line,
                seq: rec.seq,
                expected: self.head.hash,
                found: rec.prev,
            });
        }
        if computed != rec.hash {
            return Err(VerifyError::HashMismatch {
                line: self.line,
                seq: rec.seq,
                stored: rec.hash,
                computed,
            });
        }
        self.head = Head {
            seq: rec.seq,
            hash: rec.hash,
        };
        self.batch_end = rec.batch_end;
        match self.expected {
            Some(ExpectedHead::Hash(d)) if d == rec.hash => self.expected_seen = true,
            Some(ExpectedHead::At(h)) if h.seq == rec.seq => {
                if h.hash != rec.hash {
                    return Err(VerifyError::HeadDiffers {
                        seq: rec.seq,
                        expected: h.hash,
                        found: rec.hash,
                    });
                }
                self.expected_seen = true;
            }
            _ => {}
        }
        Ok(rec)
    }

    /// Verifies the next line of an exported file (without its `\n`), telling the bytes an
    /// editor or a text-mode transfer adds around records from changes to them:
    ///
    /// * a UTF-8 byte-order mark before the first record and a CR before a line's `\n` are set
    ///   aside (no record line starts or ends with them) and the rest of the line is verified
    ///   exactly; [`Verifier::finish`] then reports [`VerifyError::Reformatted`] if nothing else
    ///   is wrong;
    /// * an empty line is held back (`Ok(None)`): at the end of the file it is tolerated
    ///   ([`Verifier::trailing_blank_lines`]), since it holds no byte of any record and cannot
    ///   hide, add or change one; followed by a record it is an unparsable line, as before.
    ///
    /// Anything else inside a line (a changed byte, a space, a lost `}`) fails as
    /// [`Verifier::push_line`] fails, at the record's seq.
    pub fn push_export_line<'a>(
        &mut self,
        line: &'a [u8],
    ) -> Result<Option<RecordRef<'a>>, VerifyError> {
        self.push_export_line_hashed(line, None)
    }

    /// [`Verifier::push_export_line`] with the line's record already parsed and hashed (see
    /// [`Verifier::push_line_hashed`]); `pre` must have been made from the line as
    /// [`export_record_bytes`] returns it.
    pub fn push_export_line_hashed<'a>(
        &mut self,
        line: &'a [u8],
        pre: Option<Prehashed<'a>>,
    ) -> Result<Option<RecordRef<'a>>, VerifyError> {
        let first = self.export.lines == 0;
        let (line, bom, cr) = export_parts(line, first);
        self.export.bom |= bom;
        self.export.lines += 1;
        if cr {
            self.export.crlf += 1;
        }
        if line.is_empty() {
            self.export.blank += 1;
            return Ok(None);
        }
        if self.export.blank > 0 {
            // A blank line between records: where a record should be.
            self.line += 1;
            return Err(VerifyError::Unparsable {
                line: self.line,
                seq: self.head.seq + 1,
                reason: "blank line between records",
            });
        }
        let crlf_before = self.export.crlf;
        let rec = self.push_line_hashed(line, pre)?;
        if self.export.first_crlf.is_none() && crlf_before > 0 {
            self.export.first_crlf = Some(rec.seq);
        }
        Ok(Some(rec))
    }

    /// Blank lines after the last record of an exported file (see
    /// [`Verifier::push_export_line`]); tolerated.
    pub fn trailing_blank_lines(&self) -> u64 {
        self.export.blank
    }

    /// Ends verification: the input must end at a batch boundary and contain the expected head.
    /// For an exported file read with [`Verifier::push_export_line`], an added byte-order mark or
    /// CR LF line endings are then reported as [`VerifyError::Reformatted`].
    pub fn finish(self) -> Result<Head, VerifyError> {
        let export = self.export;
        let head = self
            .finish_allowing_open_batch()
            .and_then(|(head, open)| match open {
                Some(batch_end) => Err(VerifyError::IncompleteBatch {
                    seq: head.seq + 1,
                    batch_end,
                }),
                None => Ok(head),
            })?;
        if export.bom || export.crlf > 0 {
            return Err(VerifyError::Reformatted {
                seq: if export.bom {
                    1
                } else {
                    export.first_crlf.unwrap_or(head.seq + 1)
                },
                bom: export.bom,
                crlf: export.crlf,
                lines: export.lines,
                blank: export.blank,
                last: head.seq,
            });
        }
        Ok(head)
    }

    /// Like [`Verifier::finish`], but an incomplete last batch is returned (as its `batch_end`)
    /// instead of being an error. Used for store directories, where it is the residue of a crash.
    pub fn finish_allowing_open_batch(self) -> Result<(Head, Option<u64>), VerifyError> {
        if let Some(expected) = self.expected {
            if !self.expected_seen {
                return Err(VerifyError::HeadMismatch {
                    seq: self.head.seq + 1,
                    last: self.head.seq,
                    expected: expected.to_string(),
                    found: self.head.hash,
                });
            }
        }
        let open = (self.head.seq < self.batch_end).then_some(self.batch_end);
        Ok((self.head, open))
    }
}
