//! Helpers shared by the commands: configuration, trusted heads, the ledger writer, input and
//! output files, checkpoints.

use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::Path;

use anyhow::{Context, Result};
use rxledger::chain::ExpectedHead;
use rxledger::store::FileStore;

use crate::cmd::Outcome;
use crate::fail::said;
use rxledger::reconcile::Msg;

/// The configuration file, or the defaults.
pub fn load_config(path: Option<&Path>) -> Result<rxledger::reconcile::Config> {
    let Some(p) = path else {
        return Ok(rxledger::reconcile::Config::default());
    };
    let text = std::fs::read_to_string(p).with_context(|| {
        crate::fail::Said(Msg::new("cli-reading-config").arg("path", p.display().to_string()))
    })?;
    rxledger::reconcile::Config::from_toml(&text).with_context(|| p.display().to_string())
}

/// The `--head` option: a trusted earlier head, HEX or SEQ:HEX.
pub fn parse_head(head: Option<&str>) -> Result<Option<ExpectedHead>> {
    head.map(|h| h.parse::<ExpectedHead>().map_err(|_| said(bad_head(h))))
        .transpose()
}

/// Why `head` is not a head, as [`ExpectedHead`]'s parser finds it, in the catalogue's words.
fn bad_head(head: &str) -> Msg {
    let s = head.trim();
    let Some((seq, hex)) = s.split_once(':') else {
        return Msg::new("cli-head-hash").arg("head", s);
    };
    if seq.parse::<u64>().is_err() {
        return Msg::new("cli-head-seq").arg("head", s).arg("part", seq);
    }
    if rxledger::chain::Digest::from_hex(hex).is_none() {
        return Msg::new("cli-head-hex").arg("head", s).arg("part", hex);
    }
    Msg::new("cli-head-zero").arg("head", s)
}

/// Prints a message of the catalogue on stdout, in the chosen language.
pub fn say(msg: &Msg) {
    println!("{}", crate::lang::messages().render(msg));
}

/// Prints `warning: …` on stderr, in the chosen language.
pub fn warn(msg: &Msg) {
    let m = crate::lang::messages();
    eprintln!(
        "{}",
        m.render(&Msg::new("cli-warning").arg("message", m.render(msg)))
    );
}

/// Terminal columns of `s`: two for a CJK character (and full-width forms), one for others.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FF60}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Opens a ledger for writing (taking its lock), warning on stderr about a cut-off tail.
pub fn open_writer(dir: &Path) -> Result<FileStore> {
    let store = FileStore::open(dir)?;
    let r = store.open_report();
    if r.cut_bytes > 0 {
        warn(
            &Msg::new("cli-cut-tail")
                .arg(
                    "segment",
                    r.cut_segment
                        .as_deref()
                        .unwrap_or(dir)
                        .display()
                        .to_string(),
                )
                .arg("bytes", r.cut_bytes)
                .arg("records", r.cut_records),
        );
    }
    Ok(store)
}

/// A text file, with its path as the error context.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| path.display().to_string())
}

/// Writes a file atomically ([`write_atomic`]), with its path as the error context.
pub fn write_file(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    write_atomic(path, Replace::Allow, |tmp| {
        tmp.as_file_mut()
            .write_all(contents.as_ref())
            .with_context(|| path.display().to_string())
    })
}

/// What [`write_atomic`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// An output file: replaces an existing one, keeping its permissions; a new one gets the
    /// usual permissions (0666 less the umask on Unix).
    Allow,
    /// A private key: readable by its owner only (0600 on Unix) from the start, and never over
    /// an existing file.
    Refuse,
}

/// Writes the file `path` all at once: `fill` writes a temporary file in the same directory
/// (`.NAME.XXXXXX.tmp`), which is synced and then renamed over `path`, so that `path` is
/// either the old file or the whole new one, never a part (an existing device or pipe, such as
/// `/dev/null`, is written into instead: renaming over it would replace it). When anything
/// fails, the temporary file is removed and `path` is left as it was (a process killed outright can leave the
/// temporary file behind, never a partial `path`).
pub fn write_atomic<T>(
    path: &Path,
    replace: Replace,
    fill: impl FnOnce(&mut tempfile::NamedTempFile) -> Result<T>,
) -> Result<T> {
    let context = || path.display().to_string();
    if rxledger::store::layout::is_ledger_file(path) {
        return Err(said(
            Msg::new("cli-output-in-ledger").arg("path", path.display().to_string()),
        ));
    }
    let name = path.file_name().ok_or_else(|| {
        said(Msg::new("cli-not-a-file-name").arg("path", path.display().to_string()))
    })?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(
        if replace == Replace::Allow {
            0o666
        } else {
            0o600
        },
    ));
    let mut tmp = builder.tempfile_in(dir).with_context(context)?;
    // `fill` names its own errors (the output file, or what it read).
    let value = fill(&mut tmp)?;
    if replace == Replace::Allow {
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(tmp.path(), meta.permissions()).with_context(context)?;
        }
    }
    tmp.as_file().sync_all().with_context(context)?;
    if replace == Replace::Allow && is_special(path) {
        // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO): renaming over it would
        // replace it with a regular file, so the bytes are written into it instead.
        let mut src = tmp.reopen().with_context(context)?;
        let mut dst = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(context)?;
        io::copy(&mut src, &mut dst).with_context(context)?;
        return Ok(value);
    }
    match replace {
        Replace::Allow => tmp.persist(path).map(drop).map_err(|e| e.error),
        Replace::Refuse => tmp.persist_noclobber(path).map(drop).map_err(|e| e.error),
    }
    .with_context(context)?;
    // Make the rename durable too (best effort: not every platform can sync a directory).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(value)
}

/// Whether `path` exists and is neither a regular file nor a directory (a device, a pipe, a
/// socket; a symbolic link is followed).
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes `text` to the `-o` file or to stdout, ending with a newline.
pub fn write_output(output: Option<&Path>, text: &str) -> Result<()> {
    write_output_with(output, |w| w.write_all(text.as_bytes()))
}

/// [`write_output`] of what `write` writes as it renders it, buffered, ending with a newline
/// (a text file's last line ends with one, as POSIX tools expect): to the `-o` file (all at
/// once, see [`write_atomic`]) or to stdout. The document is never held in memory whole.
pub fn write_output_with(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    /// `write`, then a newline unless the last byte was one.
    fn ended(
        w: impl Write,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut out = LastByte {
            inner: io::BufWriter::with_capacity(1 << 16, w),
            last: None,
        };
        write(&mut out)?;
        if out.last != Some(b'\n') {
            out.write_all(b"\n")?;
        }
        out.flush()
    }
    if let Some(p) = output {
        return write_atomic(p, Replace::Allow, |tmp| {
            ended(tmp.as_file_mut(), write).with_context(|| p.display().to_string())
        });
    }
    ended(io::stdout().lock(), write)?;
    Ok(())
}

/// A writer that remembers the last byte written through it.
struct LastByte<W> {
    inner: W,
    last: Option<u8>,
}

impl<W: Write> Write for LastByte<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Reads a checkpoint and verifies its signature with the public key file.
pub fn open_checkpoint(cp: &Path, pubkey: &Path) -> Result<rxledger::checkpoint::Checkpoint> {
    let key = read_text(pubkey)?;
    let key = rxledger::checkpoint::VerifierKey::parse(&key)
        .with_context(|| pubkey.display().to_string())?;
    let note = read_text(cp)?;
    key.open(&note).with_context(|| cp.display().to_string())
}

/// As [`open_checkpoint`], but a signature that does not verify is a finding: it is printed as
/// `FAILED: …` and the command ends with [`Outcome::Findings`] (`Break`).
pub fn open_checkpoint_or_fail(
    cp: &Path,
    pubkey: &Path,
) -> Result<ControlFlow<Outcome, rxledger::checkpoint::Checkpoint>> {
    match open_checkpoint(cp, pubkey) {
        Ok(cp) => Ok(ControlFlow::Continue(cp)),
        Err(e) if is_bad_signature(&e) => {
            let m = crate::lang::messages();
            let why = crate::fail::render(&e, &m);
            println!(
                "{}",
                m.render(&Msg::new("verify-failed-at").arg("error", why))
            );
            Ok(ControlFlow::Break(Outcome::Findings))
        }
        Err(e) => Err(e),
    }
}

/// True when the error is a checkpoint signature that does not verify (a finding, exit 1).
fn is_bad_signature(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(
            c.downcast_ref::<rxledger::checkpoint::CheckpointError>(),
            Some(rxledger::checkpoint::CheckpointError::Signature(_))
        )
    })
}

/// Reads a checkpoint's body without checking its signature (the prover needs only the size and
/// root; verifiers check the signature).
pub fn read_checkpoint_unverified(cp: &Path) -> Result<rxledger::checkpoint::Checkpoint> {
    let note = read_text(cp)?;
    rxledger::checkpoint::Checkpoint::parse_note_unverified(&note)
        .with_context(|| cp.display().to_string())
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::{write_atomic, write_file, Replace};

    fn names(d: &std::path::Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out.txt");
        write_file(&out, "old\n").unwrap();
        let r: anyhow::Result<()> = write_atomic(&out, Replace::Allow, |tmp| {
            tmp.as_file_mut().write_all(b"half of the new")?;
            anyhow::bail!("disk full, say")
        });
        assert_eq!(r.unwrap_err().to_string(), "disk full, say");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old\n");
        assert_eq!(names(d.path()), ["out.txt"]);
        // A successful one replaces it whole.
        write_file(&out, "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new\n");
        assert_eq!(names(d.path()), ["out.txt"]);
    }

    #[test]
    fn a_key_is_never_written_over_an_existing_file() {
        let d = tempfile::tempdir().unwrap();
        let key = d.path().join("k.key");
        std::fs::write(&key, "mine\n").unwrap();
        let r = write_atomic(&key, Replace::Refuse, |tmp| {
            Ok(tmp.as_file_mut().write_all(b"other\n")?)
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&key).unwrap(), "mine\n");
        assert_eq!(names(d.path()), ["k.key"]);
    }

    /// `-o /dev/null` once replaced the machine's `/dev/null` with a regular file (a rename over
    /// it): a pipe or device is written into and stays what it was.
    #[cfg(unix)]
    #[test]
    fn a_pipe_is_written_into_not_replaced() {
        use std::os::unix::fs::FileTypeExt as _;
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write_file(&fifo, "through the pipe\n").unwrap();
        // Checked before waiting for the reader, which a replaced pipe would leave blocked.
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(reader.join().unwrap(), "through the pipe\n");
        assert_eq!(names(d.path()), ["fifo"]);
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let e = write_file(std::path::Path::new(""), "x").unwrap_err();
        assert!(e.to_string().contains("not a file name"), "{e}");
    }
}
