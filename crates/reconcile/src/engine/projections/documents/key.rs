//! Group aliases followed by reference, with borrowed (side, document) keys
//! ([`doc_key`]).

use std::borrow::Cow;

use hashbrown::HashMap;

use super::Dir;
use crate::engine::projections::doc_key;

/// How deep an alias chain may be followed (groups are merged root to root, so chains stay
/// short; the bound only guards against a cycle).
const MAX_CHAIN: usize = 64;

/// The root of the group that `doc` of side `dir` belongs to (`doc` itself when it is in
/// none), following `alias` at most [`MAX_CHAIN`] steps.
pub(super) fn root_in<'a>(
    alias: &'a HashMap<(Dir, String), String>,
    dir: Dir,
    doc: &'a str,
) -> &'a str {
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
pub(super) fn root_of<'d>(
    alias: &HashMap<(Dir, String), String>,
    dir: Dir,
    doc: &'d str,
) -> Cow<'d, str> {
    let root = root_in(alias, dir, doc);
    if root == doc {
        Cow::Borrowed(doc)
    } else {
        Cow::Owned(root.to_owned())
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
        for (dir, doc) in [
            (Dir::Purchase, "PO-1"),
            (Dir::Sale, "PO-1"),
            (Dir::Sale, ""),
        ] {
            let owned = (dir, doc.to_owned());
            assert_eq!(s.hash_one(doc_key(dir, doc)), s.hash_one(&owned));
            assert!(doc_key(dir, doc).equivalent(&owned));
            let pair = (doc.to_owned(), "B1".to_owned());
            assert_eq!(s.hash_one(pb(doc, "B1")), s.hash_one(&pair));
            assert!(pb(doc, "B1").equivalent(&pair));
        }
        assert!(!doc_key(Dir::Sale, "PO-1").equivalent(&(Dir::Purchase, "PO-1".to_owned())));
        let mut alias = HashMap::new();
        alias.insert((Dir::Sale, "b".to_owned()), "a".to_owned());
        alias.insert((Dir::Sale, "c".to_owned()), "b".to_owned());
        assert_eq!(root_in(&alias, Dir::Sale, "c"), "a");
        assert_eq!(root_in(&alias, Dir::Purchase, "c"), "c");
    }
}
