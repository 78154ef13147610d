//! Group aliases followed by reference, with borrowed (side, document) keys
//! ([`doc_key`]).

use hashbrown::HashMap;

use super::Dir;
use crate::engine::projections::{doc_key, Id};

/// How deep an alias chain may be followed (groups are merged root to root, so chains stay
/// short; the bound only guards against a cycle).
const MAX_CHAIN: usize = 64;

/// The root of the group that `doc` of side `dir` belongs to (`doc` itself when it is in
/// none), following `alias` at most [`MAX_CHAIN`] steps.
pub(super) fn root_in<'a>(alias: &'a HashMap<(Dir, Id), Id>, dir: Dir, doc: &'a str) -> &'a str {
    let mut k = doc;
    for _ in 0..MAX_CHAIN {
        match alias.get(&doc_key(dir, k)) {
            Some(root) => k = root,
            None => break,
        }
    }
    k
}

/// [`root_in`] held apart from `alias` (which may change while it is held): borrowed from `doc`
/// when `doc` is its own root, the usual case, else copied.
pub(super) fn root_of<'d>(alias: &HashMap<(Dir, Id), Id>, dir: Dir, doc: &'d str) -> Root<'d> {
    let root = root_in(alias, dir, doc);
    if root == doc {
        Root::Borrowed(doc)
    } else {
        Root::Owned(Id::from(root))
    }
}

/// The root of a group, borrowed or (inline) owned: see [`root_of`].
#[derive(Clone, Debug)]
pub(crate) enum Root<'d> {
    Borrowed(&'d str),
    Owned(Id),
}

impl std::ops::Deref for Root<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Root::Borrowed(s) => s,
            Root::Owned(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn hashes_and_compares_as_the_owned_key() {
        use crate::engine::projections::pb;
        use hashbrown::Equivalent;
        let s = hashbrown::DefaultHashBuilder::default();
        // Inline, at the inline limit, and on the heap (longer than 24 bytes).
        let long = "DOC-0123456789-0123456789-0123456789";
        for (dir, doc) in [
            (Dir::Purchase, "PO-1"),
            (Dir::Sale, "PO-1"),
            (Dir::Sale, ""),
            (Dir::Sale, "PO-0123456789-0123456789"),
            (Dir::Purchase, long),
        ] {
            // An `Id` hashes as its `str` (and as a `String`): a `&str` finds it.
            assert_eq!(s.hash_one(Id::from(doc)), s.hash_one(doc));
            assert_eq!(s.hash_one(Id::from(doc)), s.hash_one(doc.to_owned()));
            let owned = (dir, Id::from(doc));
            assert_eq!(s.hash_one(doc_key(dir, doc)), s.hash_one(&owned));
            assert_eq!(s.hash_one((dir, doc.to_owned())), s.hash_one(&owned));
            assert!(doc_key(dir, doc).equivalent(&owned));
            let pair = (Id::from(doc), Id::from("B1"));
            assert_eq!(s.hash_one(pb(doc, "B1")), s.hash_one(&pair));
            assert!(pb(doc, "B1").equivalent(&pair));
            assert!(!pb(doc, "B2").equivalent(&pair));
        }
        assert!(!doc_key(Dir::Sale, "PO-1").equivalent(&(Dir::Purchase, Id::from("PO-1"))));
        let mut alias = HashMap::new();
        alias.insert((Dir::Sale, Id::from("b")), Id::from("a"));
        alias.insert((Dir::Sale, Id::from("c")), Id::from("b"));
        assert_eq!(root_in(&alias, Dir::Sale, "c"), "a");
        assert_eq!(root_in(&alias, Dir::Purchase, "c"), "c");
    }
}
