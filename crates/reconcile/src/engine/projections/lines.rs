//! [`Lines`]: a small map from a product (or other number) to a value, kept as one vector
//! sorted by the key.
//!
//! The engine keeps one of these per order or sale with goods: almost always a handful of
//! products. A `BTreeMap` allocates a node of eleven entries for the first one (about 800 bytes
//! for a goods line), and a hash map a table of four; at a wholesaler's volume hundreds of
//! thousands of these are alive at once. A sorted vector holds exactly its entries, and
//! iterates in the same (byte-wise key) order as a `BTreeMap` of them, so findings made by
//! walking one come out in the same order.

use super::Id;

/// Entries sorted by key, one per key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lines<V> {
    entries: Vec<(Id, V)>,
}

impl<V> Default for Lines<V> {
    fn default() -> Self {
        Lines {
            entries: Vec::new(),
        }
    }
}

impl<V> Lines<V> {
    /// The entries `items`, those of one key merged into the first of them with `merge` (in
    /// the order given): one sort, however many there are.
    pub fn merged<'a>(
        items: impl IntoIterator<Item = (&'a str, V)>,
        mut merge: impl FnMut(&mut V, V),
    ) -> Lines<V> {
        let mut all: Vec<(Id, V)> = items.into_iter().map(|(k, v)| (Id::from(k), v)).collect();
        // Stable: equal keys keep the order given.
        all.sort_by(|a, b| a.0.cmp(&b.0));
        let mut entries: Vec<(Id, V)> = Vec::with_capacity(all.len());
        for (k, v) in all {
            match entries.last_mut() {
                Some(last) if last.0 == k => merge(&mut last.1, v),
                _ => entries.push((k, v)),
            }
        }
        Lines { entries }
    }

    /// Where `key` is, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// The value of `key`, to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// The value of `key`, inserted (as `V::default()`) when absent.
    pub fn get_or_default(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                // Room for one entry first, not Vec's least capacity (four): most of these
                // hold one product for months. A second entry grows it as a Vec grows.
                if self.entries.capacity() == 0 {
                    self.entries.reserve_exact(1);
                }
                self.entries.insert(i, (Id::from(key), V::default()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// The values, in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The entries, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&Id, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The entries, in key order, the values to change.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&Id, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The number of entries.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

impl<V> IntoIterator for Lines<V> {
    type Item = (Id, V);
    type IntoIter = std::vec::IntoIter<(Id, V)>;

    /// The entries, in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    proptest::proptest! {
        /// Whatever keys are added, looked up and changed, in any order, the map holds and
        /// iterates what a `BTreeMap` of the same operations does.
        #[test]
        fn behaves_as_a_btree_map(
            ops in proptest::collection::vec(("[a-d]{0,3}|[\u{4e00}-\u{4e03}]{1,2}", -5i64..5), 0..200),
        ) {
            let mut ours: Lines<i64> = Lines::default();
            let mut theirs: BTreeMap<Id, i64> = BTreeMap::new();
            for (k, n) in &ops {
                proptest::prop_assert_eq!(ours.get(k), theirs.get(k.as_str()));
                if *n == 0 {
                    if let (Some(a), Some(b)) = (ours.get_mut(k), theirs.get_mut(k.as_str())) {
                        *a += 100;
                        *b += 100;
                    }
                } else {
                    *ours.get_or_default(k) += n;
                    *theirs.entry(Id::from(k.as_str())).or_default() += n;
                }
            }
            proptest::prop_assert_eq!(ours.len(), theirs.len());
            let a: Vec<(Id, i64)> = ours.iter().map(|(k, v)| (k.clone(), *v)).collect();
            let b: Vec<(Id, i64)> = theirs.iter().map(|(k, v)| (k.clone(), *v)).collect();
            proptest::prop_assert_eq!(&a, &b);
            let vals: Vec<i64> = ours.values().copied().collect();
            proptest::prop_assert_eq!(vals, b.iter().map(|(_, v)| *v).collect::<Vec<_>>());
            for (_, v) in ours.iter_mut() {
                *v = -*v;
            }
            let owned: Vec<(Id, i64)> = ours.into_iter().collect();
            let negated: Vec<(Id, i64)> = b.into_iter().map(|(k, v)| (k, -v)).collect();
            proptest::prop_assert_eq!(owned, negated);
        }
    }

    #[test]
    fn merged_sums_the_entries_of_a_key_in_the_order_given() {
        let items = [
            ("b", vec![1]),
            ("a", vec![2]),
            ("b", vec![3]),
            ("a", vec![4]),
        ];
        let l = Lines::merged(items, Extend::extend);
        let all: Vec<(&str, &Vec<i32>)> = l.iter().map(|(k, v)| (k.as_str(), v)).collect();
        assert_eq!(all, [("a", &vec![2, 4]), ("b", &vec![1, 3])]);
        assert!(Lines::<u8>::merged([], |_, _| {}).iter().next().is_none());
    }

    #[test]
    fn keys_are_ordered_by_bytes_as_in_a_btree_map() {
        let mut l: Lines<u8> = Lines::default();
        for k in ["b", "阿", "a", "B", "ab", ""] {
            *l.get_or_default(k) += 1;
        }
        *l.get_or_default("a") += 1;
        let keys: Vec<&str> = l.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["", "B", "a", "ab", "b", "阿"]);
        assert_eq!(l.get("a"), Some(&2));
        assert_eq!(l.get("c"), None);
    }
}
