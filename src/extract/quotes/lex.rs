//! One lookup for the closed word lists that the name scan asks of every
//! capitalized word, and the cue search of many lowercase ones: whether a
//! word is a title ([`TITLE`], ignoring case and trailing periods), a
//! capitalized stop word ([`STOP`]), an institution word ([`ORG`]) or a cue
//! verb ([`CUE`]), the last three as written.
//!
//! A word of up to 16 bytes is packed into two `u64` that hold all of its
//! bytes (first and last eight, overlapping), so a candidate is compared in
//! two integer compares; the case-folded key picks a bucket of a table
//! built at compile time, where most words find no candidate at all. Scans
//! of the lists, letter by letter, mispredicted several branches a word.

use super::names::ORG_WORDS;
use super::words::{CUES, STOP_ALL, TITLES};

pub const TITLE: u8 = 1;
pub const STOP: u8 = 2;
pub const ORG: u8 = 4;
pub const CUE: u8 = 8;

/// Whether a word of classes `c` is, alone, no one's name: a title or a
/// stop word (`Minister`, `The`, `He`).
pub fn names_no_one(c: u8) -> bool {
    c & (TITLE | STOP) != 0
}

/// The longest word whose key holds every byte.
const KEY_MAX: usize = 16;

use crate::swar::{HIGHS, ONES};

/// A listed word: its key (folded for a title), length and classes.
#[derive(Clone, Copy)]
struct Entry {
    a: u64,
    b: u64,
    len: usize,
    /// Compared with the folded key of a word (titles), else as written.
    folded: bool,
    class: u8,
}

/// The bytes of `w` in two words: for eight bytes or more, the first and the
/// last eight; for four to seven, the first and last four; for one to three,
/// the first, middle and last byte. With the length, equal keys are equal
/// words up to [`KEY_MAX`] bytes.
#[inline(always)]
fn key(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    let le8 = |i: usize| u64::from_le_bytes(w[i..i + 8].try_into().unwrap_or_default());
    let le4 = |i: usize| {
        u64::from(u32::from_le_bytes(
            w[i..i + 4].try_into().unwrap_or_default(),
        ))
    };
    if n >= 8 {
        (le8(0), le8(n - 8))
    } else if n >= 4 {
        (le4(0) | le4(n - 4) << 32, 0)
    } else if n > 0 {
        let b = |i: usize| u64::from(w[i]);
        (b(0) | b(n / 2) << 8 | b(n - 1) << 16, 0)
    } else {
        (0, 0)
    }
}

/// [`key`] at compile time.
const fn const_key(w: &[u8]) -> (u64, u64) {
    const fn le(w: &[u8], i: usize, len: usize) -> u64 {
        let mut x = 0u64;
        let mut k = 0;
        while k < len {
            x |= (w[i + k] as u64) << (8 * k);
            k += 1;
        }
        x
    }
    let n = w.len();
    if n >= 8 {
        (le(w, 0, 8), le(w, n - 8, 8))
    } else if n >= 4 {
        (le(w, 0, 4) | le(w, n - 4, 4) << 32, 0)
    } else if n > 0 {
        (
            w[0] as u64 | (w[n / 2] as u64) << 8 | (w[n - 1] as u64) << 16,
            0,
        )
    } else {
        (0, 0)
    }
}

/// ASCII capitals of a key lowercased, eight bytes at a time (every byte
/// under 0x80, so no sum carries into the next byte).
#[inline(always)]
const fn fold(x: u64) -> u64 {
    let at_least_a = x.wrapping_add(ONES * (0x80 - b'A' as u64));
    let past_z = x.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    x | (at_least_a & !past_z & HIGHS) >> 2
}

const BUCKET_BITS: u32 = 10;
const BUCKETS: usize = 1 << BUCKET_BITS;

/// The bucket of a folded key.
#[inline(always)]
const fn bucket(a: u64, b: u64, n: usize) -> usize {
    let x = a ^ b.rotate_left(29) ^ (n as u64) << 58;
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BUCKET_BITS)) as usize
}

/// The lists, their class, and whether they ignore case.
const LISTS: [(&[&str], u8, bool); 4] = [
    (TITLES, TITLE, true),
    (&STOP_ALL, STOP, false),
    (ORG_WORDS, ORG, false),
    (CUES, CUE, false),
];

const COUNT: usize = TITLES.len() + STOP_ALL.len() + ORG_WORDS.len() + CUES.len();

/// The listed words in list order, with their entries.
// Read only by the constants that build the statics below, never at run time.
#[allow(clippy::large_const_arrays)]
const ALL: [(&str, Entry); COUNT] = {
    let mut all = [(
        "",
        Entry {
            a: 0,
            b: 0,
            len: 0,
            folded: false,
            class: 0,
        },
    ); COUNT];
    let mut k = 0;
    let mut l = 0;
    while l < LISTS.len() {
        let (words, class, folded) = LISTS[l];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(w.is_ascii() && !w.is_empty(), "listed words are ASCII");
            let (a, b) = const_key(w);
            all[k] = (
                words[i],
                Entry {
                    a,
                    b,
                    len: w.len(),
                    folded,
                    class,
                },
            );
            k += 1;
            i += 1;
        }
        l += 1;
    }
    all
};

/// The bucket of a listed word: by its folded key, as a word is looked up.
const fn bucket_of(e: &Entry) -> usize {
    bucket(fold(e.a), fold(e.b), e.len)
}

/// Where each bucket's entries start in [`ENTRIES`] (a counting sort).
const START: [u16; BUCKETS + 1] = {
    let mut start = [0u16; BUCKETS + 1];
    let mut k = 0;
    while k < COUNT {
        start[bucket_of(&ALL[k].1) + 1] += 1;
        k += 1;
    }
    let mut c = 0;
    while c < BUCKETS {
        start[c + 1] += start[c];
        c += 1;
    }
    start
};

/// The entries by bucket, and the words they stand for (read only to check
/// a word longer than [`KEY_MAX`]).
const SORTED: ([Entry; COUNT], [&str; COUNT]) = {
    let mut entries = [ALL[0].1; COUNT];
    let mut words = [""; COUNT];
    let mut next = START;
    let mut k = 0;
    while k < COUNT {
        let c = bucket_of(&ALL[k].1);
        entries[next[c] as usize] = ALL[k].1;
        words[next[c] as usize] = ALL[k].0;
        next[c] += 1;
        k += 1;
    }
    (entries, words)
};

/// The shape of an ASCII word of `n` bytes that opens with `first` and
/// ends with `last`, as [`SHAPES`] files it: its length (mod 16), whether
/// it opens with a capital, and its first and last bytes folded so that a
/// capital and its small letter agree. A word has the shape of its
/// case-folded form but for the capital bit.
#[inline(always)]
const fn shape(first: u8, last: u8, n: usize) -> (usize, u32) {
    const fn folded(x: u8) -> u8 {
        (x | 0x20) & 31
    }
    let row = (n & 15) << 6 | (first.is_ascii_uppercase() as usize) << 5 | folded(first) as usize;
    (row, 1 << folded(last))
}

/// The shapes of the listed words, one bit a shape: a title in either case
/// of its first letter (titles ignore case), other words as written. Most
/// words looked up are in no list, and a word whose shape no listed word
/// has is turned away by [`may_be_listed`] before its key is made and its
/// bucket read (two loads that missed the cache and a loop, with a branch
/// or two a word that mispredicted).
///
/// A title is also filed at the lengths it has written with a Kelvin sign
/// (three bytes) for one or more of its inner `k`s, which lowercases to the
/// title ([`non_ascii_title`]): the filter is asked before anything shows
/// whether a word is ASCII.
static SHAPES: [u32; 1024] = {
    let mut t = [0u32; 1024];
    let mut k = 0;
    while k < COUNT {
        let w = ALL[k].0.as_bytes();
        let n = w.len();
        let mut inner_ks = 0;
        let mut i = 1;
        while i + 1 < n {
            inner_ks += (w[i] | 0x20 == b'k') as usize;
            i += 1;
        }
        let folded = ALL[k].1.folded;
        let mut kelvins = 0;
        while kelvins <= if folded { inner_ks } else { 0 } {
            let (row, bit) = shape(w[0], w[n - 1], n + 2 * kelvins);
            t[row] |= bit;
            if folded {
                // A title's first letter in the other case.
                t[row ^ 1 << 5] |= bit;
            }
            kelvins += 1;
        }
        k += 1;
    }
    t
};

static ENTRIES: [Entry; COUNT] = SORTED.0;
static WORDS: [&str; COUNT] = SORTED.1;
static STARTS: [u16; BUCKETS + 1] = START;

/// The classes of the word `w`.
// Inlined: most words are turned away by their shape, with no call.
#[inline]
pub fn class(w: &str) -> u8 {
    let b = w.as_bytes();
    match b.last() {
        None => 0,
        // Only abbreviations end in a period (`Sen.`): a title is looked up
        // without it.
        Some(b'.') => abbreviation(w),
        Some(_) => lookup(b),
    }
}

/// [`class`] of a word that ends in a period.
#[inline(never)]
fn abbreviation(w: &str) -> u8 {
    let t = w.trim_end_matches('.');
    (lookup(w.as_bytes()) & !TITLE) | (lookup(t.as_bytes()) & TITLE)
}

/// [`class`] of `w` as written, titles included.
#[inline(always)]
fn lookup(w: &[u8]) -> u8 {
    if may_be_listed(w) { listed(w) } else { 0 }
}

/// Whether `w` has the shape of a listed word ([`SHAPES`]), or opens or
/// ends with a byte that is not ASCII (no shape is filed for those).
#[inline(always)]
fn may_be_listed(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    if (first | last) >= 0x80 {
        return true;
    }
    let (row, bit) = shape(first, last, w.len());
    SHAPES[row] & bit != 0
}

/// [`lookup`] of a word that [`may_be_listed`].
#[inline(never)]
fn listed(w: &[u8]) -> u8 {
    let n = w.len();
    let (a, b) = key(w);
    // A key holds a long word's first and last bytes only: its middle is
    // checked too, so that a Kelvin sign there still lowercases to a title.
    if (a | b) & HIGHS != 0 || (n > KEY_MAX && !w.is_ascii()) {
        return non_ascii_title(w);
    }
    let (fa, fb) = (fold(a), fold(b));
    let h = bucket(fa, fb, n);
    let (from, to) = (usize::from(STARTS[h]), usize::from(STARTS[h + 1]));
    let mut class = 0;
    for (i, e) in ENTRIES[from..to].iter().enumerate() {
        let (x, y) = if e.folded { (fa, fb) } else { (a, b) };
        if x == e.a && y == e.b && n == e.len && (n <= KEY_MAX || long_is(from + i, w)) {
            class |= e.class;
        }
    }
    class
}

/// Whether `w`, longer than a key holds, is entry `i`'s word.
#[cold]
fn long_is(i: usize, w: &[u8]) -> bool {
    if ENTRIES[i].folded {
        WORDS[i].as_bytes().eq_ignore_ascii_case(w)
    } else {
        WORDS[i].as_bytes() == w
    }
}

/// A word with a non-ASCII byte is in no list as written, and a title only
/// when it lowercases to one: the Kelvin sign is the one non-ASCII
/// character that lowercases to ASCII (`k`), so other words (`Zürich`,
/// dashes, curly quotes) are ruled out with no lowercased copy.
#[cold]
fn non_ascii_title(w: &[u8]) -> u8 {
    let Ok(w) = std::str::from_utf8(w) else {
        return 0;
    };
    if !w.chars().all(|c| c.is_ascii() || c == KELVIN) {
        return 0;
    }
    let l = w.to_lowercase();
    lookup(l.as_bytes()) & TITLE
}

/// The Kelvin sign, which lowercases to an ASCII `k`.
const KELVIN: char = '\u{212a}';

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward lookup: each list searched for the word.
    fn reference(w: &str) -> u8 {
        let t = w.trim_end_matches('.').to_lowercase();
        let mut c = 0;
        if TITLES.contains(&t.as_str()) {
            c |= TITLE;
        }
        for (list, class, _) in &LISTS[1..] {
            if list.contains(&w) {
                c |= class;
            }
        }
        c
    }

    fn listed() -> Vec<&'static str> {
        ALL.iter().map(|(w, _)| *w).collect()
    }

    #[test]
    fn keys_agree_at_compile_time_and_run_time() {
        for w in listed() {
            assert!(key(w.as_bytes()) == const_key(w.as_bytes()), "{w}");
        }
        let s = "abcdefghijklmnopqrstuvwxyz";
        for i in 0..=s.len() {
            assert!(key(&s.as_bytes()[..i]) == const_key(&s.as_bytes()[..i]));
        }
    }

    #[test]
    fn every_listed_word_is_found() {
        for w in listed() {
            assert_eq!(class(w), reference(w), "{w}");
            assert!(class(w) != 0 || w.ends_with('.'), "{w}");
        }
        assert_eq!(class("Secretary-General") & TITLE, TITLE);
        assert_eq!(class("secretary-generaL."), TITLE);
        assert_eq!(class("secretary-generax"), 0);
        assert_eq!(class("\u{212a}ing"), TITLE);
        assert_eq!(class("Said"), STOP);
        assert_eq!(class("said"), CUE);
        assert_eq!(class("SAID"), 0);
        assert_eq!(class(""), 0);
        assert_eq!(class("..."), 0);
    }

    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii() {
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let ascii = c.to_lowercase().all(|l| l.is_ascii());
            assert_eq!(ascii, c == KELVIN, "{c:?}");
        }
    }

    /// Every listed word in every case: as written, lowercase, uppercase,
    /// capitalized, and with one letter's case flipped at each place (the
    /// key's bytes, first, middle and last, differ in each).
    #[test]
    fn every_case_of_every_listed_word_is_as_listed() {
        let flip = |w: &str, i: usize| -> String {
            w.char_indices()
                .map(|(k, c)| {
                    if k != i {
                        c
                    } else if c.is_ascii_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    }
                })
                .collect()
        };
        for w in listed() {
            let mut forms = vec![w.to_string(), w.to_lowercase(), w.to_uppercase()];
            let mut c = w.chars();
            forms.extend(
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>()),
            );
            forms.extend((0..w.len()).map(|i| flip(w, i)));
            forms.extend((0..w.len()).map(|i| flip(&w.to_lowercase(), i)));
            for f in forms {
                assert_eq!(class(&f), reference(&f), "{f}");
                assert_eq!(class(&format!("{f}.")), reference(&format!("{f}.")), "{f}");
            }
        }
    }

    /// Words of every length around the key's limits, each a listed word's
    /// bytes cut or padded: equal keys are equal words only up to
    /// [`KEY_MAX`] bytes.
    #[test]
    fn lengths_around_the_key_limits() {
        for w in listed() {
            for n in 0..=KEY_MAX + 3 {
                let cut: String = w.chars().cycle().take(n).collect();
                assert_eq!(class(&cut), reference(&cut), "{cut}");
                let pad = format!("{w}{}", "x".repeat(n));
                assert_eq!(class(&pad), reference(&pad), "{pad}");
            }
        }
    }

    /// The shape filter is not exact (unlisted words pass it too), but it must let every
    /// listed word through in every case its list accepts (a title in any
    /// case, other words as written), or the lookup would lose it.
    #[test]
    fn shapes_let_every_listed_word_through() {
        let passes = |w: &str| may_be_listed(w.as_bytes());
        for (w, e) in ALL {
            assert!(passes(w), "{w}");
            if e.folded {
                let mut c = w.chars();
                let cap: String = c
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(c)
                    .collect();
                for f in [cap, w.to_uppercase(), w.to_lowercase()] {
                    assert!(passes(&f), "{f}");
                }
            }
        }
        // A title with a Kelvin sign for an inner `k` is longer than the
        // title, and still one.
        for w in ALL.iter().filter(|(_, e)| e.folded).map(|(w, _)| w) {
            for (i, _) in w
                .match_indices('k')
                .filter(|&(i, _)| i > 0 && i + 1 < w.len())
            {
                let kelvin = format!("{}{KELVIN}{}", &w[..i], &w[i + 1..]);
                assert!(passes(&kelvin), "{kelvin}");
                assert_eq!(class(&kelvin), TITLE, "{kelvin}");
            }
        }
        // Every inner `k` written as a Kelvin sign at once (no listed title
        // has two today, but the table files each count).
        for w in ALL.iter().filter(|(_, e)| e.folded).map(|(w, _)| *w) {
            let n = w.len();
            let kelvins: String = w
                .char_indices()
                .map(|(i, c)| {
                    if c == 'k' && i > 0 && i + 1 < n {
                        KELVIN
                    } else {
                        c
                    }
                })
                .collect();
            assert!(passes(&kelvins), "{kelvins}");
        }
        // And it turns words away: of the ASCII words of every first and
        // last letter and length up to 16 (a filter that let every word
        // through would pass all of the above), most have a shape that no
        // listed word has.
        let mut turned_away = 0;
        let mut all = 0;
        for n in 2..=16 {
            for first in b'a'..=b'z' {
                for last in b'a'..=b'z' {
                    let mut w = vec![b'x'; n];
                    (w[0], w[n - 1]) = (first, last);
                    all += 1;
                    turned_away += usize::from(!may_be_listed(&w));
                }
            }
        }
        assert!(turned_away * 2 > all, "{turned_away} of {all}");
    }

    #[test]
    fn buckets_are_small() {
        let most = (0..BUCKETS)
            .map(|c| STARTS[c + 1] - STARTS[c])
            .max()
            .unwrap_or(0);
        assert!(most <= 6, "{most}");
    }

    proptest! {
        #[test]
        fn class_matches_the_lists(
            w in "[A-Za-z.'’\u{212a}\u{130}É-]{0,20}",
            pick in 0usize..2000,
            cut in 0usize..20,
            how in 0usize..6,
        ) {
            let all = listed();
            let w = match all.get(pick % (all.len() + 100)) {
                Some(s) => match how {
                    0 => s.to_string(),
                    1 => s.to_uppercase(),
                    2 => format!("{}{w}", &s[..cut.min(s.len())]),
                    3 => format!("{s}{w}"),
                    4 => format!("{s}."),
                    _ => {
                        let mut c = s.chars();
                        c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                    }
                },
                None => w,
            };
            prop_assert_eq!(class(&w), reference(&w), "{}", w);
        }
    }
}
