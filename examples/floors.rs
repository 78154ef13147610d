//! The floors of the side-by-side CLI benchmark (`scripts/bench_cli.sh`, issue 13): the least
//! work any `verify` or `check` of an exported ledger must do, each as a whole process over the
//! same file, so that the commands can be compared with them.
//!
//! `cargo run --release --example floors -- read|blake3|lex FILE`
//!
//! - `read`: read the file in 1 MiB chunks and throw the bytes away.
//! - `blake3`: read it the same way, split it into record lines and hash each record's payload
//!   bytes (the `event` value) with `blake3::hash`, one record at a time, on one thread.
//! - `blake3-many`: the same payloads hashed side by side, 512 records at a time
//!   (`rxledger::chain::ManyHasher`, SIMD across records, as append, verify and check do), on one
//!   thread.
//! - `lex`: read it the same way and let `serde_json` lex every line into
//!   `serde::de::IgnoredAny` (no values built, no allocation per field).
//!
//! Each prints one line to stdout (bytes, records and a checksum that keeps the work from being
//! optimised away). Exit 2 on a usage or I/O error, or a line that is not a record.

use std::fs::File;
use std::io::Read;
use std::process::ExitCode;

use serde::de::IgnoredAny;

/// Size of one read.
const CHUNK: usize = 1 << 20;

/// What is done to every record line.
#[derive(Clone, Copy)]
enum Floor {
    Blake3,
    Blake3Many,
    Lex,
}

/// Records hashed side by side at a time by the `blake3-many` floor.
const MANY: usize = 512;

/// The `blake3-many` floor's hasher and the payloads it holds.
struct Many {
    hasher: rxledger::chain::ManyHasher,
    out: Vec<rxledger::chain::Digest>,
}

impl Many {
    /// Hashes what is held; returns a byte of the result.
    fn flush(&mut self) -> u8 {
        self.hasher.finish(&mut self.out);
        self.out.iter().fold(0, |a, d| a ^ d.0[0])
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, path] = args.as_slice() else {
        eprintln!("usage: floors read|blake3|blake3-many|lex FILE");
        return ExitCode::from(2);
    };
    let (mode, path) = (mode.as_str(), path.as_str());
    let result = match mode {
        "read" => read(path),
        "blake3" => lines(path, Floor::Blake3),
        "blake3-many" => lines(path, Floor::Blake3Many),
        "lex" => lines(path, Floor::Lex),
        other => Err(format!(
            "unknown floor `{other}` (expected read, blake3, blake3-many or lex)"
        )),
    };
    match result {
        Ok(summary) => {
            println!("{mode} {path}: {summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floors: {path}: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads the whole file in 1 MiB chunks.
fn read(path: &str) -> Result<String, String> {
    let mut f = File::open(path).map_err(|e| e.to_string())?;
    let mut buf = vec![0u8; CHUNK];
    let mut bytes = 0u64;
    let mut acc = 0u8;
    loop {
        let n = f.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        acc ^= buf[n - 1];
    }
    Ok(format!("{bytes} bytes, checksum {acc}"))
}

/// Reads the file in 1 MiB chunks and applies `floor` to every complete line (a line longer
/// than a chunk grows the buffer).
fn lines(path: &str, floor: Floor) -> Result<String, String> {
    let mut f = File::open(path).map_err(|e| e.to_string())?;
    let mut buf = vec![0u8; CHUNK];
    let mut filled = 0usize;
    let mut bytes = 0u64;
    let mut records = 0u64;
    let mut line_no = 0u64;
    let mut acc = 0u8;
    let marker = memchr::memmem::Finder::new(b",\"event\":");
    let mut many = Many {
        hasher: rxledger::chain::ManyHasher::new(rxledger::chain::LEAF_CONTEXT),
        out: Vec::new(),
    };
    loop {
        if filled == buf.len() {
            buf.resize(buf.len() * 2, 0);
        }
        let n = f.read(&mut buf[filled..]).map_err(|e| e.to_string())?;
        bytes += n as u64;
        let end = filled + n;
        let mut start = 0usize;
        while let Some(i) = memchr::memchr(b'\n', &buf[start..end]) {
            line_no += 1;
            let line = &buf[start..start + i];
            start += i + 1;
            if line.is_empty() {
                continue;
            }
            acc ^= apply(floor, line, &marker, &mut many)
                .map_err(|e| format!("line {line_no}: {e}"))?;
            records += 1;
        }
        if n == 0 {
            if start < end {
                line_no += 1;
                acc ^= apply(floor, &buf[start..end], &marker, &mut many)
                    .map_err(|e| format!("line {line_no}: {e}"))?;
                records += 1;
            }
            break;
        }
        buf.copy_within(start..end, 0);
        filled = end - start;
    }
    acc ^= many.flush();
    Ok(format!("{bytes} bytes, {records} records, checksum {acc}"))
}

/// The work of one floor on one record line; returns a byte of its result.
fn apply(
    floor: Floor,
    line: &[u8],
    marker: &memchr::memmem::Finder,
    many: &mut Many,
) -> Result<u8, String> {
    // A record line is `{…,"event":<payload>}`: the payload runs from after the first
    // `,"event":` to the closing brace.
    let payload = || {
        let at = marker
            .find(line)
            .ok_or("not a record line (no \"event\" field)")?;
        line.get(at + marker.needle().len()..line.len() - 1)
            .ok_or("not a record line")
    };
    match floor {
        Floor::Blake3 => Ok(blake3::hash(payload()?).as_bytes()[0]),
        Floor::Blake3Many => {
            many.hasher.push(&[payload()?]);
            Ok(if many.hasher.len() == MANY {
                many.flush()
            } else {
                0
            })
        }
        Floor::Lex => {
            serde_json::from_slice::<IgnoredAny>(line).map_err(|e| e.to_string())?;
            Ok(line[line.len() / 2])
        }
    }
}
