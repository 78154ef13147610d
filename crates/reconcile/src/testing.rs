//! Helpers of the crate's own tests.

/// Calls `damage` with every file this process has open in `dir` (found through
/// `/proc/self/fd`: the temporary files of the engine have no name of their own), opened for
/// writing, and returns how many there were.
#[cfg(target_os = "linux")]
pub(crate) fn damage_open_files_in(
    dir: &std::path::Path,
    damage: impl Fn(&std::fs::File),
) -> usize {
    let mut damaged = 0;
    for fd in std::fs::read_dir("/proc/self/fd").unwrap().flatten() {
        let Ok(target) = std::fs::read_link(fd.path()) else {
            continue;
        };
        if target.starts_with(dir) {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(fd.path())
                .unwrap();
            damage(&f);
            damaged += 1;
        }
    }
    damaged
}

/// Writes `bytes` at `offset` of `f`.
#[cfg(target_os = "linux")]
pub(crate) fn write_at(f: &std::fs::File, bytes: &[u8], offset: u64) {
    std::os::unix::fs::FileExt::write_all_at(f, bytes, offset).unwrap();
}
