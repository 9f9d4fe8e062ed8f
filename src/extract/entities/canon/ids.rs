//! Strings numbered in order of first occurrence, in an open-addressed
//! table whose memory a thread keeps from one article to the next.
//!
//! The clustering numbers each article's surfaces and matches its
//! organization keys through two such tables. The strings are bytes: the
//! keys are written as bytes (`push_norm_key_bytes`), and the surfaces are
//! compared as bytes anyway. As hash maps built per
//! article they cost two allocations, fresh memory to fill, and entry
//! probes of a general map; here a slot is eight bytes (a hash tag and the
//! number), and the strings are compared only when their tags agree.

use std::hash::{BuildHasher, Hasher};

use crate::spare;

/// The table's vectors between articles (empty, kept allocations).
#[derive(Default)]
pub(super) struct KeptIds {
    slots: Vec<u64>,
    keys: Vec<&'static [u8]>,
}

/// The numbers of strings (`0..len()`, in order of first insertion).
pub(super) struct StrIds<'a> {
    /// Per slot: 0 when empty, else the hash's high half and the number
    /// plus one.
    slots: Vec<u64>,
    /// The strings by number.
    keys: Vec<&'a [u8]>,
}

/// The hash of `s`: foldhash, as the maps it replaced (it reads every byte,
/// so strings that differ anywhere spread, whatever the text), of the bytes
/// alone (`Hash for str` adds an end mark, which keys of one table need
/// not: no key is the prefix of a tuple of keys).
#[inline]
fn hash(s: &[u8]) -> u64 {
    let mut h = foldhash::fast::FixedState::default().build_hasher();
    h.write(s);
    h.finish()
}

/// Whether `a` and `b` are the same bytes, short strings (most names) by
/// a word or two read from each end, without a call.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // (Two reads that overlap when shorter than twice their width cover
    // every byte.)
    if n > 16 {
        a == b
    } else if n >= 8 {
        let w = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap());
        w(a, 0) == w(b, 0) && w(a, n - 8) == w(b, n - 8)
    } else if n >= 4 {
        let w = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap());
        w(a, 0) == w(b, 0) && w(a, n - 4) == w(b, n - 4)
    } else {
        // Up to three bytes: the first, the middle and the last.
        n == 0 || a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]
    }
}

/// The slot of `s` (hashed to `h`) in `slots`, whose numbers index
/// `keys`: where it is, or the empty slot where it goes. (On the vectors
/// rather than the table, so that `number_all` keeps them in registers.)
#[inline(always)]
fn probe(slots: &[u64], keys: &[&[u8]], s: &[u8], h: u64) -> (usize, Option<usize>) {
    let mask = slots.len() - 1;
    let tag = h >> 32;
    let mut at = h as usize & mask;
    loop {
        let slot = slots[at];
        if slot == 0 {
            return (at, None);
        }
        let id = (slot & u64::from(u32::MAX)) as usize - 1;
        if slot >> 32 == tag && same_bytes(keys[id], s) {
            return (at, Some(id));
        }
        at = (at + 1) & mask;
    }
}

impl<'a> StrIds<'a> {
    /// An empty table for about `n` strings, on the vectors of `kept`.
    pub(super) fn new_in(kept: &mut KeptIds, n: usize) -> StrIds<'a> {
        let mut slots = std::mem::take(&mut kept.slots);
        slots.clear();
        slots.resize(Self::slots_for(n), 0);
        StrIds {
            slots,
            keys: spare::keep(std::mem::take(&mut kept.keys)),
        }
    }

    /// Gives the vectors back to `kept` (let go past
    /// [`spare::MAX_KEPT_BYTES`]).
    pub(super) fn keep(self, kept: &mut KeptIds) {
        kept.slots = spare::keep(self.slots);
        kept.keys = spare::keep(self.keys);
    }

    /// Twice `n` or more, a power of two: the table is at most half full,
    /// so probe runs stay short.
    fn slots_for(n: usize) -> usize {
        (2 * n).next_power_of_two().max(16)
    }

    /// The slot of `s` (hashed to `h`): where it is, or the empty slot
    /// where it goes.
    #[inline]
    fn find(&self, s: &[u8], h: u64) -> (usize, Option<usize>) {
        probe(&self.slots, &self.keys, s, h)
    }

    /// The number of `s`, numbering it if it is new: (number, new).
    /// (Always inlined: called once per mention, the call's saving and
    /// restoring of registers was a fifth of its instructions.)
    #[inline(always)]
    pub(super) fn number(&mut self, s: &'a [u8]) -> (usize, bool) {
        let h = hash(s);
        let (at, found) = self.find(s, h);
        if let Some(id) = found {
            return (id, false);
        }
        let id = self.keys.len();
        self.slots[at] = Self::slot(h, id);
        self.keys.push(s);
        if 2 * self.keys.len() > self.slots.len() {
            self.grow();
        }
        (id, true)
    }

    /// The numbers of the strings of `strs`, in turn, pushed to `out`: what
    /// [`StrIds::number`] gives each. Room for every string is made first,
    /// so the loop never grows the table; and it is a function of its own,
    /// where `number` is inlined into the clustering, so that the table's
    /// vectors and the loop's values stay in registers (the clustering's
    /// loop of `number` kept them on the stack around its call to compare:
    /// 82 instructions a mention then, 71 here).
    #[inline(never)]
    pub(super) fn number_all<I>(&mut self, strs: I, out: &mut Vec<usize>)
    where
        I: ExactSizeIterator<Item = &'a [u8]>,
    {
        let more = strs.len();
        out.reserve(more);
        self.keys.reserve(more);
        if 2 * (self.keys.len() + more) > self.slots.len() {
            self.rehash(Self::slots_for(self.keys.len() + more));
        }
        let keys = &mut self.keys;
        let slots = &mut self.slots[..];
        for s in strs {
            let h = hash(s);
            let id = match probe(slots, keys, s, h) {
                (_, Some(id)) => id,
                (at, None) => {
                    let id = keys.len();
                    slots[at] = Self::slot(h, id);
                    keys.push(s);
                    id
                }
            };
            out.push(id);
        }
    }

    /// The number of `s`, if it has one.
    #[inline]
    pub(super) fn get(&self, s: &[u8]) -> Option<usize> {
        self.find(s, hash(s)).1
    }

    /// How many strings have numbers.
    pub(super) fn len(&self) -> usize {
        self.keys.len()
    }

    fn slot(h: u64, id: usize) -> u64 {
        let id = u32::try_from(id + 1).expect("fewer than 2^32 strings in an article");
        h >> 32 << 32 | u64::from(id)
    }

    /// Doubles the slots and places every string again (only when more
    /// strings come than the table was made for).
    #[cold]
    fn grow(&mut self) {
        self.rehash(self.slots.len() * 2);
    }

    /// Places every string again in `n` slots (a power of two, more than
    /// twice the strings).
    #[cold]
    fn rehash(&mut self, n: usize) {
        self.slots.clear();
        self.slots.resize(n, 0);
        for id in 0..self.keys.len() {
            // (The strings are distinct: each goes to the first empty slot
            // of its probe run.)
            let h = hash(self.keys[id]);
            let mask = self.slots.len() - 1;
            let mut at = h as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = Self::slot(h, id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The numbers a hash map gives (the oracle).
    fn numbered<'a>(words: &[&'a str]) -> (Vec<(usize, bool)>, HashMap<&'a str, usize>) {
        let mut map = HashMap::new();
        let out = words
            .iter()
            .map(|w| {
                let next = map.len();
                match map.get(w) {
                    Some(&id) => (id, false),
                    None => {
                        map.insert(*w, next);
                        (next, true)
                    }
                }
            })
            .collect();
        (out, map)
    }

    proptest::proptest! {
        /// Numbers, `get` and `len` agree with a hash map, table after
        /// table on one kept allocation, including tables that grow past
        /// the size they were made for.
        #[test]
        fn ids_agree_with_a_hash_map(
            articles in proptest::collection::vec(
                (proptest::collection::vec("[ab é]{0,3}", 0..80), 0usize..40),
                1..4,
            ),
            probes in proptest::collection::vec("[ab é]{0,3}", 0..10),
        ) {
            let mut kept = KeptIds::default();
            for (words, hint) in &articles {
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                let (expected, map) = numbered(&words);
                let mut ids = StrIds::new_in(&mut kept, *hint);
                let got: Vec<(usize, bool)> = words.iter().map(|w| ids.number(w.as_bytes())).collect();
                proptest::prop_assert_eq!(&got, &expected);
                proptest::prop_assert_eq!(ids.len(), map.len());
                for p in probes.iter().chain(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>()) {
                    proptest::prop_assert_eq!(ids.get(p.as_bytes()), map.get(p.as_str()).copied());
                }
                ids.keep(&mut kept);
            }
        }
    }

    proptest::proptest! {
        /// `number_all` gives each string the number `number` gives it,
        /// on a table that already holds strings (and may have to grow
        /// for the new ones).
        #[test]
        fn number_all_agrees_with_number(
            before in proptest::collection::vec("[ab é]{0,3}", 0..20),
            words in proptest::collection::vec("[ab é]{0,3}", 0..60),
            hint in 0usize..30,
        ) {
            let mut kept = KeptIds::default();
            let mut one = StrIds::new_in(&mut kept, hint);
            let mut all = StrIds::new_in(&mut KeptIds::default(), hint);
            for w in before.iter().map(|w| w.as_bytes()) {
                proptest::prop_assert_eq!(one.number(w), all.number(w));
            }
            let expected: Vec<usize> =
                words.iter().map(|w| one.number(w.as_bytes()).0).collect();
            let mut got = vec![7];
            all.number_all(words.iter().map(|w| w.as_bytes()), &mut got);
            proptest::prop_assert_eq!(&got[1..], &expected[..]);
            proptest::prop_assert_eq!(got[0], 7);
            proptest::prop_assert_eq!(all.len(), one.len());
            for w in before.iter().chain(&words) {
                proptest::prop_assert_eq!(all.get(w.as_bytes()), one.get(w.as_bytes()));
            }
        }
    }

    /// Strings of every length up to past the last short one, equal and
    /// differing in one byte at each place, or in length alone.
    #[test]
    fn same_bytes_compares_every_byte() {
        for n in 0..=40 {
            let a: Vec<u8> = (0..n).map(|k| b'a' + (k % 26) as u8).collect();
            assert!(same_bytes(&a, &a.clone()), "length {n}");
            for k in 0..n {
                let mut b = a.clone();
                b[k] ^= 0x20;
                assert!(!same_bytes(&a, &b), "length {n}, byte {k}");
            }
            let mut longer = a.clone();
            longer.push(b'a');
            assert!(!same_bytes(&a, &longer), "length {n} against one more");
        }
    }

    #[test]
    fn ids_edges() {
        let mut kept = KeptIds::default();
        let mut ids = StrIds::new_in(&mut kept, 0);
        assert_eq!(ids.get(b""), None);
        assert_eq!(ids.number(b""), (0, true));
        assert_eq!(ids.number("Ærøvik".as_bytes()), (1, true));
        assert_eq!(ids.number(b""), (0, false));
        assert_eq!(ids.get("Ærøvik".as_bytes()), Some(1));
        assert_eq!(ids.get("Ærøvi".as_bytes()), None);
        // Past the size it was made for (16 slots: 8 strings).
        let many: Vec<String> = (0..100).map(|k| format!("Velmar{k}")).collect();
        for (k, w) in many.iter().enumerate() {
            assert_eq!(ids.number(w.as_bytes()), (k + 2, true));
        }
        for (k, w) in many.iter().enumerate() {
            assert_eq!(ids.get(w.as_bytes()), Some(k + 2));
        }
        ids.keep(&mut kept);
        assert!(kept.slots.capacity() >= 256, "kept across articles");
        let ids = StrIds::new_in(&mut kept, 3);
        assert_eq!((ids.len(), ids.get(b"Velmar1")), (0, None));
    }
}
