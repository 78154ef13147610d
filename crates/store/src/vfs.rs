//! The file-system operations the file store needs, behind a trait so that tests can inject
//! crashes ([`SimVfs`]) at every write and sync boundary.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// An append-only file handle.
pub trait VfsFile {
    /// Appends all of `buf` at the end of the file.
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()>;
    /// Makes the file's data durable (`fdatasync`).
    fn sync_data(&mut self) -> io::Result<()>;
    /// Truncates the file to `len` bytes (only ever used to cut an uncommitted tail).
    fn set_len(&mut self, len: u64) -> io::Result<()>;
}

/// File-system operations used by [`crate::FileStore`].
pub trait Vfs {
    /// Open file handle.
    type File: VfsFile;
    /// Held lock; dropping it releases the lock.
    type Lock;
    /// Names of the entries of `dir`.
    fn list_dir(&self, dir: &Path) -> io::Result<Vec<String>>;
    /// Creates `dir` and its parents.
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;
    /// Reads a whole file.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Opens an existing file for appending.
    fn open_append(&self, path: &Path) -> io::Result<Self::File>;
    /// Creates a new, empty file (fails if it exists).
    fn create_new(&self, path: &Path) -> io::Result<Self::File>;
    /// Makes directory entries (new files) in `dir` durable.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Takes an exclusive lock on `path` without waiting; `Ok(None)` when another holder has it.
    fn try_lock(&self, path: &Path) -> io::Result<Option<Self::Lock>>;
    /// True when paths name files of the real file system (`std::fs`), so that derived data
    /// (the Merkle index) may be kept beside the ledger. The default is false.
    fn is_native(&self) -> bool {
        false
    }
}

/// The real file system (`std::fs`).
#[derive(Clone, Copy, Debug, Default)]
pub struct StdVfs;

impl VfsFile for std::fs::File {
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        Write::write_all(self, buf)
    }
    fn sync_data(&mut self) -> io::Result<()> {
        std::fs::File::sync_data(self)
    }
    fn set_len(&mut self, len: u64) -> io::Result<()> {
        std::fs::File::set_len(self, len)
    }
}

/// A writer's lock on a native ledger directory: the lock file, and on Unix the directory itself.
///
/// The lock file alone is bound to a name: once it is deleted (an operator clearing a "stale
/// lock"), a second writer creates another and locks that, and both write (attacker round 24:
/// both acknowledged every batch, and the ledger broke after seq 6,500). The directory cannot be
/// replaced while it holds the ledger, so its lock holds whatever happens to the file.
#[derive(Debug)]
pub struct StdLock {
    _file: std::fs::File,
    _dir: Option<std::fs::File>,
}

/// The lock of a directory, [`lock_dir`].
enum DirLock {
    /// Locked by this writer.
    Held(std::fs::File),
    /// Another writer holds it.
    Busy,
    /// The file system cannot lock a directory: the lock file alone guards it.
    Unsupported,
}

/// Locks the directory holding `lock_path` (Unix: `flock` on the directory).
fn lock_dir(lock_path: &Path) -> io::Result<DirLock> {
    #[cfg(unix)]
    {
        let dir = lock_path.parent().unwrap_or(Path::new("."));
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let f = std::fs::File::open(dir)?;
        match f.try_lock() {
            Ok(()) => Ok(DirLock::Held(f)),
            Err(std::fs::TryLockError::WouldBlock) => Ok(DirLock::Busy),
            Err(std::fs::TryLockError::Error(_)) => Ok(DirLock::Unsupported),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = lock_path;
        Ok(DirLock::Unsupported)
    }
}

impl Vfs for StdVfs {
    type File = std::fs::File;
    type Lock = StdLock;

    fn is_native(&self) -> bool {
        true
    }

    fn list_dir(&self, dir: &Path) -> io::Result<Vec<String>> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir)? {
            out.push(e?.file_name().to_string_lossy().into_owned());
        }
        Ok(out)
    }
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        // (A FIFO or a device in place of a ledger file would block or never end.)
        crate::regular(path)?;
        std::fs::read(path)
    }
    fn open_append(&self, path: &Path) -> io::Result<Self::File> {
        crate::regular(path)?;
        std::fs::OpenOptions::new().append(true).open(path)
    }
    fn create_new(&self, path: &Path) -> io::Result<Self::File> {
        std::fs::OpenOptions::new()
            .append(true)
            .create_new(true)
            .open(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            std::fs::File::open(dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(())
        }
    }
    fn try_lock(&self, path: &Path) -> io::Result<Option<Self::Lock>> {
        let dir = match lock_dir(path)? {
            DirLock::Held(f) => Some(f),
            DirLock::Busy => return Ok(None),
            DirLock::Unsupported => None,
        };
        let f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        match f.try_lock() {
            Ok(()) => Ok(Some(StdLock {
                _file: f,
                _dir: dir,
            })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

#[derive(Default, Clone, Debug)]
struct SimFile {
    durable: Vec<u8>,
    live: Vec<u8>,
}

#[derive(Default, Debug)]
struct SimState {
    files: BTreeMap<PathBuf, SimFile>,
    /// Directory entries that survive a crash (created and the directory synced).
    durable_entries: BTreeSet<PathBuf>,
    locks: BTreeSet<PathBuf>,
    ops: u64,
    crash_at: Option<u64>,
    crashed: bool,
}

/// A simulated file system that models live versus durable bytes and can "crash" at any
/// operation, for crash-consistency tests (after the tests of `redb` and `LevelDB`).
///
/// Every mutating operation (write, sync, truncate, create, directory sync) counts as one step.
/// With [`SimVfs::crash_at`], step `n` fails and every later operation fails too, as if the
/// machine lost power. [`SimVfs::reboot`] then yields the disk as a crash could leave it:
/// durable bytes are kept, and of the bytes written since the last sync a pseudo-random prefix
/// survives (a torn write); files whose directory entry was never synced may vanish.
#[derive(Clone, Default, Debug)]
pub struct SimVfs {
    state: Arc<Mutex<SimState>>,
}

/// Lock guard of [`SimVfs`].
#[derive(Debug)]
pub struct SimLock {
    state: Arc<Mutex<SimState>>,
    path: PathBuf,
}

impl Drop for SimLock {
    fn drop(&mut self) {
        lock_state(&self.state).locks.remove(&self.path);
    }
}

/// File handle of [`SimVfs`].
#[derive(Debug)]
pub struct SimHandle {
    state: Arc<Mutex<SimState>>,
    path: PathBuf,
}

fn lock_state(m: &Mutex<SimState>) -> MutexGuard<'_, SimState> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn crash_err() -> io::Error {
    io::Error::other("simulated crash")
}

impl SimState {
    /// Counts one mutating step; fails at and after the crash point.
    fn step(&mut self) -> io::Result<()> {
        if self.crashed {
            return Err(crash_err());
        }
        self.ops += 1;
        if self.crash_at == Some(self.ops) {
            self.crashed = true;
            return Err(crash_err());
        }
        Ok(())
    }
    fn check(&self) -> io::Result<()> {
        if self.crashed {
            Err(crash_err())
        } else {
            Ok(())
        }
    }
}

impl SimVfs {
    /// An empty simulated disk.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes step `n` (1-based) and all later operations fail.
    pub fn crash_at(&self, n: u64) {
        lock_state(&self.state).crash_at = Some(n);
    }

    /// Number of mutating steps so far.
    pub fn ops(&self) -> u64 {
        lock_state(&self.state).ops
    }

    /// True once the simulated crash happened.
    pub fn crashed(&self) -> bool {
        lock_state(&self.state).crashed
    }

    /// The disk after a power loss; `seed` picks how much of the unsynced data survives.
    #[must_use]
    pub fn reboot(&self, seed: u64) -> SimVfs {
        let st = lock_state(&self.state);
        let mut rng = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut files = BTreeMap::new();
        let mut entries = BTreeSet::new();
        for (path, f) in &st.files {
            let entry_durable = st.durable_entries.contains(path);
            if !entry_durable && next() % 2 == 0 {
                continue;
            }
            let common = f
                .durable
                .iter()
                .zip(&f.live)
                .take_while(|(a, b)| a == b)
                .count();
            let content = if f.live.len() >= f.durable.len() && common == f.durable.len() {
                // Appended since the last sync: keep a random prefix of the new bytes.
                let extra = f.live.len() - common;
                let keep = if extra == 0 {
                    0
                } else {
                    (next() % (extra as u64 + 1)) as usize
                };
                f.live.get(..common + keep).unwrap_or(&f.live).to_vec()
            } else if next() % 2 == 0 {
                f.durable.clone()
            } else {
                f.live.clone()
            };
            files.insert(
                path.clone(),
                SimFile {
                    durable: content.clone(),
                    live: content,
                },
            );
            entries.insert(path.clone());
        }
        SimVfs {
            state: Arc::new(Mutex::new(SimState {
                files,
                durable_entries: entries,
                ..SimState::default()
            })),
        }
    }
}

impl VfsFile for SimHandle {
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let mut st = lock_state(&self.state);
        // The bytes reach the page cache before the failure is reported: a crash may keep any
        // prefix of them.
        let was_crashed = st.crashed;
        let result = st.step();
        if was_crashed {
            return result;
        }
        if let Some(f) = st.files.get_mut(&self.path) {
            f.live.extend_from_slice(buf);
        }
        result
    }
    fn sync_data(&mut self) -> io::Result<()> {
        let mut st = lock_state(&self.state);
        st.step()?;
        if let Some(f) = st.files.get_mut(&self.path) {
            f.durable = f.live.clone();
        }
        Ok(())
    }
    fn set_len(&mut self, len: u64) -> io::Result<()> {
        let mut st = lock_state(&self.state);
        st.step()?;
        if let Some(f) = st.files.get_mut(&self.path) {
            f.live.truncate(len as usize);
        }
        Ok(())
    }
}

impl Vfs for SimVfs {
    type File = SimHandle;
    type Lock = SimLock;

    fn list_dir(&self, dir: &Path) -> io::Result<Vec<String>> {
        let st = lock_state(&self.state);
        st.check()?;
        Ok(st
            .files
            .keys()
            .filter(|p| p.parent() == Some(dir))
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect())
    }
    fn create_dir_all(&self, _dir: &Path) -> io::Result<()> {
        lock_state(&self.state).check()
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let st = lock_state(&self.state);
        st.check()?;
        st.files
            .get(path)
            .map(|f| f.live.clone())
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    }
    fn open_append(&self, path: &Path) -> io::Result<Self::File> {
        let st = lock_state(&self.state);
        st.check()?;
        if !st.files.contains_key(path) {
            return Err(io::Error::from(io::ErrorKind::NotFound));
        }
        Ok(SimHandle {
            state: Arc::clone(&self.state),
            path: path.to_owned(),
        })
    }
    fn create_new(&self, path: &Path) -> io::Result<Self::File> {
        let mut st = lock_state(&self.state);
        st.step()?;
        if st.files.contains_key(path) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        st.files.insert(path.to_owned(), SimFile::default());
        Ok(SimHandle {
            state: Arc::clone(&self.state),
            path: path.to_owned(),
        })
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        let mut st = lock_state(&self.state);
        st.step()?;
        let in_dir: Vec<PathBuf> = st
            .files
            .keys()
            .filter(|p| p.parent() == Some(dir))
            .cloned()
            .collect();
        st.durable_entries.extend(in_dir);
        Ok(())
    }
    fn try_lock(&self, path: &Path) -> io::Result<Option<Self::Lock>> {
        let mut st = lock_state(&self.state);
        st.check()?;
        if !st.locks.insert(path.to_owned()) {
            return Ok(None);
        }
        Ok(Some(SimLock {
            state: Arc::clone(&self.state),
            path: path.to_owned(),
        }))
    }
}
