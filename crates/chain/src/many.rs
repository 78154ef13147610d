//! blake3 over many short messages at once.
//!
//! A record of under 1 KiB is one blake3 chunk, and blake3's public API hashes one chunk a block
//! at a time: its SIMD only works across the chunks of one long input. Records are
//! independent, though, so [`ManyHasher`] hashes the chunks of *different* records side by side
//! with the same SIMD kernels (`blake3::platform::Platform::hash_many`, up to 16 chunks at once
//! with AVX-512), then finishes each record's last block and tree on its own. The digests are
//! exactly those of `blake3::Hasher` in derive-key mode for the same bytes (tested against it
//! for every length up to four chunks and for random batches).
//!
//! `blake3::platform` is public but undocumented ("for benchmarks only"), so the workspace
//! pins blake3 to one minor version, and the tests compare every digest with the public API:
//! a change of the kernels' contract fails to compile or fails those tests, never silently.

use blake3::platform::{le_bytes_from_words_32, words_from_le_bytes_32, Platform};
use blake3::IncrementCounter;

use crate::Digest;

/// blake3's flags (the blake3 specification, section 2.1).
const CHUNK_START: u8 = 1;
const CHUNK_END: u8 = 2;
const PARENT: u8 = 4;
const ROOT: u8 = 8;
const DERIVE_KEY_MATERIAL: u8 = 64;

const BLOCK: usize = 64;
const CHUNK: usize = 1024;
/// Blocks in a chunk.
const BLOCKS: usize = CHUNK / BLOCK;
/// Messages of more chunks than this are hashed one by one with `blake3::Hasher` (rare for
/// records; it bounds the tables below).
const MAX_CHUNKS: usize = 16;
/// Chunks hashed by one call of the kernel (the widest SIMD degree, AVX-512's).
const LANES: usize = 16;

type Cv = [u32; 8];

/// One chunk to hash: its bytes start at `from` in the message bytes, its message ends at
/// `end`, and its chaining value goes to slot `cv`.
#[derive(Clone, Copy)]
struct Task {
    from: usize,
    end: usize,
    cv: usize,
}

/// A derive-key context's key and the SIMD kernels to use with it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Key {
    platform: Platform,
    words: Cv,
}

impl Key {
    pub(crate) fn new(context: &str) -> Self {
        Key {
            platform: Platform::detect(),
            words: words_from_le_bytes_32(&blake3::hazmat::hash_derive_key_context(context)),
        }
    }

    /// The digest of a message of at most one block (64 bytes): one compression, without a
    /// `blake3::Hasher` (or, for `blake3::derive_key`, the context's key derived again).
    /// `None` for a longer message.
    pub(crate) fn short(&self, data: &[u8]) -> Option<Digest> {
        let mut block = [0u8; BLOCK];
        block.get_mut(..data.len())?.copy_from_slice(data);
        let mut cv = self.words;
        self.platform.compress_in_place(
            &mut cv,
            &block,
            data.len() as u8,
            0,
            DERIVE_KEY_MATERIAL | CHUNK_START | CHUNK_END | ROOT,
        );
        Some(Digest(le_bytes_from_words_32(&cv)))
    }

    /// The digest of a message of exactly one block: one compression.
    pub(crate) fn one_block(&self, block: &[u8; BLOCK]) -> Digest {
        let mut cv = self.words;
        self.platform.compress_in_place(
            &mut cv,
            block,
            BLOCK as u8,
            0,
            DERIVE_KEY_MATERIAL | CHUNK_START | CHUNK_END | ROOT,
        );
        Digest(le_bytes_from_words_32(&cv))
    }

    /// [`Key::one_block`] of every block of `blocks`, appended to `out` in order: up to
    /// [`LANES`] side by side.
    pub(crate) fn one_blocks(&self, blocks: &[[u8; BLOCK]], out: &mut Vec<Digest>) {
        for group in blocks.chunks(LANES) {
            let mut inputs = [&[0u8; BLOCK]; LANES];
            for (input, block) in inputs.iter_mut().zip(group) {
                *input = block;
            }
            let mut cvs = [0u8; LANES * 32];
            self.platform.hash_many(
                inputs.get(..group.len()).unwrap_or_default(),
                &self.words,
                0,
                IncrementCounter::No,
                DERIVE_KEY_MATERIAL,
                CHUNK_START,
                CHUNK_END | ROOT,
                &mut cvs,
            );
            out.extend(
                cvs.as_chunks::<32>()
                    .0
                    .iter()
                    .take(group.len())
                    .map(|d| Digest(*d)),
            );
        }
    }
}

/// Hashes many messages in blake3's derive-key mode for one context, side by side.
///
/// Push each message's parts with [`ManyHasher::push`], then [`ManyHasher::finish`] gives the
/// digests in push order. The buffers are kept for the next batch.
pub struct ManyHasher {
    key: Key,
    context: &'static str,
    /// The messages, one after the other.
    bytes: Vec<u8>,
    /// End of each message in `bytes`.
    ends: Vec<usize>,
    /// Whether the message being pushed was started (its end not yet in `ends`).
    open: bool,
    /// Chaining value of every chunk of every message.
    cvs: Vec<Cv>,
    /// Whole chunks that are not a message's last, by chunk number (the kernel takes one counter
    /// per call).
    full: Vec<Vec<Task>>,
    /// A message's last chunk, by chunk number and number of whole blocks before its last block.
    tail: Vec<Vec<Task>>,
}

impl std::fmt::Debug for ManyHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ManyHasher")
            .field("context", &self.context)
            .field("platform", &self.key.platform)
            .field("messages", &self.ends.len())
            .finish_non_exhaustive()
    }
}

impl ManyHasher {
    /// A hasher for `context` (as `blake3::Hasher::new_derive_key`), on the fastest SIMD this
    /// CPU has.
    pub fn new(context: &'static str) -> Self {
        ManyHasher {
            key: Key::new(context),
            context,
            bytes: Vec::new(),
            ends: Vec::new(),
            open: false,
            cvs: Vec::new(),
            full: vec![Vec::new(); MAX_CHUNKS],
            tail: vec![Vec::new(); MAX_CHUNKS * BLOCKS],
        }
    }

    /// Appends `part` to the message being pushed; [`ManyHasher::end`] closes it.
    pub fn extend(&mut self, part: &[u8]) {
        self.open = true;
        self.bytes.extend_from_slice(part);
    }

    /// Closes the message being pushed (an empty one if nothing was extended since the last).
    pub fn end(&mut self) {
        self.open = false;
        self.ends.push(self.bytes.len());
    }

    /// Pushes one message made of `parts`, in order.
    pub fn push(&mut self, parts: &[&[u8]]) {
        for p in parts {
            self.extend(p);
        }
        self.end();
    }

    /// Messages pushed since the last [`ManyHasher::finish`].
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no message was pushed since the last [`ManyHasher::finish`].
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The digests of the pushed messages, in order, into `out` (cleared first); forgets them.
    /// A message extended but not ended is ended first.
    pub fn finish(&mut self, out: &mut Vec<Digest>) {
        if self.open {
            self.end();
        }
        out.clear();
        self.cvs.clear();
        // Plan: every chunk gets a slot; whole chunks and last chunks are grouped for the kernel.
        let mut first_cv = Vec::with_capacity(self.ends.len());
        let mut start = 0;
        for &end in &self.ends {
            let len = end - start;
            let chunks = len.div_ceil(CHUNK).max(1);
            if chunks > MAX_CHUNKS {
                first_cv.push(None);
                start = end;
                continue;
            }
            first_cv.push(Some(self.cvs.len()));
            for c in 0..chunks {
                let task = Task {
                    from: start + c * CHUNK,
                    end,
                    cv: self.cvs.len(),
                };
                self.cvs.push(self.key.words);
                let rest = len - c * CHUNK;
                let group = if c + 1 < chunks {
                    self.full.get_mut(c)
                } else {
                    self.tail
                        .get_mut(c * BLOCKS + rest.saturating_sub(1) / BLOCK)
                };
                // c < MAX_CHUNKS and rest <= CHUNK: the group exists.
                if let Some(group) = group {
                    group.push(task);
                }
            }
            start = end;
        }
        // Whole chunks: all 16 blocks through the kernel, flagged start and end.
        for (c, tasks) in self.full.iter_mut().enumerate() {
            kernel::<CHUNK>(
                &self.key,
                &self.bytes,
                tasks,
                c as u64,
                CHUNK_END,
                &mut self.cvs,
            );
            tasks.clear();
        }
        // Last chunks: their whole blocks but the last through the kernel, then the last block
        // alone (it may be short, which the kernel does not take).
        for (slot, tasks) in self.tail.iter_mut().enumerate() {
            if tasks.is_empty() {
                continue;
            }
            let (c, whole) = (slot / BLOCKS, slot % BLOCKS);
            run_kernel(
                whole,
                &self.key,
                &self.bytes,
                tasks,
                c as u64,
                &mut self.cvs,
            );
            for t in tasks.iter() {
                // The last block: what the message has after the whole ones (1 to 64 bytes, or
                // none for an empty message).
                let last = self
                    .bytes
                    .get(t.from + whole * BLOCK..t.end)
                    .unwrap_or_default();
                let mut block = [0u8; BLOCK];
                block
                    .get_mut(..last.len())
                    .unwrap_or_default()
                    .copy_from_slice(last);
                let mut flags = DERIVE_KEY_MATERIAL | CHUNK_END;
                if whole == 0 {
                    flags |= CHUNK_START;
                }
                if c == 0 {
                    // The message's only chunk is its root.
                    flags |= ROOT;
                }
                if let Some(cv) = self.cvs.get_mut(t.cv) {
                    self.key.platform.compress_in_place(
                        cv,
                        &block,
                        last.len() as u8,
                        c as u64,
                        flags,
                    );
                }
            }
            tasks.clear();
        }
        // Each message's tree (one chunk: its chunk's value is the root already).
        let mut start = 0;
        for (&end, first) in self.ends.iter().zip(first_cv) {
            let bytes = self.bytes.get(start..end).unwrap_or_default();
            let digest = match first {
                None => {
                    let mut h = blake3::Hasher::new_derive_key(self.context);
                    h.update(bytes);
                    *h.finalize().as_bytes()
                }
                Some(i) => {
                    let chunks = bytes.len().div_ceil(CHUNK).max(1);
                    let cvs = self.cvs.get(i..i + chunks).unwrap_or_default();
                    le_bytes_from_words_32(&merge(&self.key, cvs, true))
                }
            };
            out.push(Digest(digest));
            start = end;
        }
        self.bytes.clear();
        self.ends.clear();
    }

    /// The digest of one message of exactly one block (64 bytes): one compression, without the
    /// copy of a `blake3::Hasher` (about 1.9 KB) per call.
    pub fn one_block(&self, block: &[u8; BLOCK]) -> Digest {
        self.key.one_block(block)
    }
}

/// The root (or a subtree's value) of chunk values `cvs`: the left subtree takes the largest
/// power of two of chunks that leaves at least one for the right (the blake3 specification,
/// section 2.5).
fn merge(key: &Key, cvs: &[Cv], root: bool) -> Cv {
    match cvs {
        [] => key.words,
        [one] => *one,
        _ => {
            let left = 1 << (usize::BITS - 1 - (cvs.len() - 1).leading_zeros());
            let (l, r) = cvs.split_at(left);
            let mut block = [0u8; BLOCK];
            let (bl, br) = block.split_at_mut(BLOCK / 2);
            bl.copy_from_slice(&le_bytes_from_words_32(&merge(key, l, false)));
            br.copy_from_slice(&le_bytes_from_words_32(&merge(key, r, false)));
            let mut cv = key.words;
            let flags = DERIVE_KEY_MATERIAL | PARENT | if root { ROOT } else { 0 };
            key.platform
                .compress_in_place(&mut cv, &block, BLOCK as u8, 0, flags);
            cv
        }
    }
}

/// [`kernel`] over `whole` blocks (the kernel's input length is a constant).
fn run_kernel(whole: usize, key: &Key, bytes: &[u8], tasks: &[Task], counter: u64, cvs: &mut [Cv]) {
    macro_rules! dispatch {
        ($($n:literal)*) => {
            match whole {
                $( $n => kernel::<{ $n * BLOCK }>(key, bytes, tasks, counter, 0, cvs), )*
                // No whole block before the last: the chunk starts from the key.
                _ => {}
            }
        };
    }
    dispatch!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15);
}

/// Runs the first `N` bytes of every task's chunk through the SIMD kernel, up to [`LANES`] at a
/// time, leaving each chunk's chaining value in its slot of `cvs`. The first block is flagged
/// as the chunk's start; the last gets `end_flags`.
fn kernel<const N: usize>(
    key: &Key,
    bytes: &[u8],
    tasks: &[Task],
    counter: u64,
    end_flags: u8,
    cvs: &mut [Cv],
) {
    const NONE: &[u8; CHUNK] = &[0; CHUNK];
    let Some(none) = NONE.first_chunk::<N>() else {
        return;
    };
    for group in tasks.chunks(LANES) {
        let mut inputs = [none; LANES];
        for (input, t) in inputs.iter_mut().zip(group) {
            // Planned inside the bytes: the fallback is never taken.
            *input = bytes
                .get(t.from..)
                .and_then(<[u8]>::first_chunk::<N>)
                .unwrap_or(none);
        }
        let mut out = [0u8; LANES * 32];
        key.platform.hash_many(
            inputs.get(..group.len()).unwrap_or_default(),
            &key.words,
            counter,
            IncrementCounter::No,
            DERIVE_KEY_MATERIAL,
            CHUNK_START,
            end_flags,
            &mut out,
        );
        for (t, cv) in group.iter().zip(out.as_chunks::<32>().0) {
            if let Some(slot) = cvs.get_mut(t.cv) {
                *slot = words_from_le_bytes_32(cv);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every SIMD kernel this CPU can run (the portable one always), not only the fastest that
    /// `Platform::detect` picks: a machine with AVX2 but not AVX-512 runs other kernels, with
    /// other widths, through the same code.
    fn platforms() -> Vec<Platform> {
        let mut all = vec![Platform::portable()];
        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
        all.extend(
            [
                Platform::sse2(),
                Platform::sse41(),
                Platform::avx2(),
                Platform::avx512(),
            ]
            .into_iter()
            .flatten(),
        );
        all
    }

    fn message(len: usize, seed: u64) -> Vec<u8> {
        let mut x = seed | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn every_kernel_gives_the_digests_of_the_public_api() {
        const CONTEXT: &str = "rxledger test context";
        // Lengths of every plan group of up to three chunks, some groups wider than 16.
        let lens: Vec<usize> = (0..=3 * CHUNK + BLOCK)
            .step_by(7)
            .chain([0, 1, 64, 65, 1024, 1025, 2048, 2049, 17 * CHUNK])
            .chain(std::iter::repeat_n(900, 40))
            .collect();
        let msgs: Vec<Vec<u8>> = lens
            .iter()
            .enumerate()
            .map(|(i, &n)| message(n, i as u64 + 5))
            .collect();
        let want: Vec<Digest> = msgs
            .iter()
            .map(|m| {
                let mut h = blake3::Hasher::new_derive_key(CONTEXT);
                h.update(m);
                Digest(*h.finalize().as_bytes())
            })
            .collect();
        let kernels = platforms();
        // On x86-64, SSE2 is always there: at least two kernels are compared.
        assert!(kernels.len() > usize::from(cfg!(target_arch = "x86_64")));
        eprintln!("kernels compared: {kernels:?}");
        for platform in kernels {
            let mut many = ManyHasher::new(CONTEXT);
            many.key.platform = platform;
            for m in &msgs {
                many.push(&[m]);
            }
            let mut out = Vec::new();
            many.finish(&mut out);
            assert_eq!(out, want, "{platform:?}");
            // One block at a time, and side by side.
            let blocks: Vec<[u8; BLOCK]> = (0..20u64)
                .map(|i| message(BLOCK, i).try_into().unwrap())
                .collect();
            let mut side = Vec::new();
            many.key.one_blocks(&blocks, &mut side);
            for (b, d) in blocks.iter().zip(&side) {
                assert_eq!(*d, many.key.one_block(b), "{platform:?}");
                let mut h = blake3::Hasher::new_derive_key(CONTEXT);
                h.update(b);
                assert_eq!(d.0, *h.finalize().as_bytes(), "{platform:?}");
            }
        }
    }
}
