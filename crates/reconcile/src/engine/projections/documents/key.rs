//! A borrowed (side, document) key: looks up the maps keyed by `(Dir, String)` without building
//! the owned key (which allocates), and follows group aliases by reference.

use std::hash::{Hash, Hasher};

use hashbrown::{Equivalent, HashMap};

use super::Dir;

/// How deep an alias chain may be followed (groups are merged root to root, so chains stay
/// short; the bound only guards against a cycle).
const MAX_CHAIN: usize = 64;

/// A borrowed `(Dir, String)` key: hashes exactly as the owned tuple does (the tuple hashes its
/// fields in order, and a `str` hashes as a `String`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct DocKey<'a>(pub Dir, pub &'a str);

impl Hash for DocKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
        self.1.hash(state);
    }
}

impl Equivalent<(Dir, String)> for DocKey<'_> {
    fn equivalent(&self, key: &(Dir, String)) -> bool {
        self.0 == key.0 && self.1 == key.1
    }
}

/// The root of the group that `doc` of side `dir` belongs to (`doc` itself when it is in
/// none), following `alias` at most [`MAX_CHAIN`] steps.
pub(super) fn root_in<'a>(
    alias: &'a HashMap<(Dir, String), String>,
    dir: Dir,
    doc: &'a str,
) -> &'a str {
    let mut k = doc;
    for _ in 0..MAX_CHAIN {
        match alias.get(&DocKey(dir, k)) {
            Some(root) => k = root,
            None => break,
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn hashes_and_compares_as_the_owned_key() {
        let s = hashbrown::DefaultHashBuilder::default();
        for (dir, doc) in [
            (Dir::Purchase, "PO-1"),
            (Dir::Sale, "PO-1"),
            (Dir::Sale, ""),
        ] {
            let owned = (dir, doc.to_owned());
            assert_eq!(s.hash_one(DocKey(dir, doc)), s.hash_one(&owned));
            assert!(DocKey(dir, doc).equivalent(&owned));
        }
        assert!(!DocKey(Dir::Sale, "PO-1").equivalent(&(Dir::Purchase, "PO-1".to_owned())));
        let mut alias = HashMap::new();
        alias.insert((Dir::Sale, "b".to_owned()), "a".to_owned());
        alias.insert((Dir::Sale, "c".to_owned()), "b".to_owned());
        assert_eq!(root_in(&alias, Dir::Sale, "c"), "a");
        assert_eq!(root_in(&alias, Dir::Purchase, "c"), "c");
    }
}
