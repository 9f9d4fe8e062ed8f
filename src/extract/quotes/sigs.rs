//! Which paragraphs of an article may hold a fuller form of a name, told
//! by one pass over the tokens of its paragraphs with quotes instead of one
//! byte search of each paragraph per name asked ([`super::names`]).
//!
//! A fuller form of a lowercased ASCII name (`keller`, `anna keller`) is a
//! capitalized run written outside quotes that ends with the name after a
//! space (`Anna Keller`, `Gerd van Keller`). The words of a run are
//! capitalized words, or a name particle or `of` ([`words::read_run`]), so
//! where such a form is written, the name's first word is a word of a run
//! after a space and after another word of the run: written with an ASCII
//! capital, or as a particle (or with a Kelvin sign, which lowercases to
//! `k`). [`CapWords`] records the first kind per paragraph; names that open
//! with a particle, and paragraphs with a Kelvin sign, are left to the byte
//! search.

use super::words::{self, Tok};
use crate::swar;

/// The capitalized ASCII words that may go on a capitalized run after a
/// space in one paragraph, as a 256-bit set of their [`key_at`]s. A set
/// may hold keys of words not written (two words share a key), never miss
/// one that is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CapWords([u64; 4]);

impl CapWords {
    /// A set that holds every key, for a paragraph whose words are not
    /// told.
    pub const ALL: CapWords = CapWords([u64::MAX; 4]);

    /// The words of paragraph `p` that its tokens outside quotes, `toks`,
    /// show may go on a capitalized run: a capitalized word after a space
    /// and a word of a run (a capital, a particle or `of`). A run's first
    /// word opens no fuller form, and quoted text holds no name that the
    /// names written are read from.
    pub fn of_tokens(p: &str, toks: &[Tok]) -> CapWords {
        let b = p.as_bytes();
        if has_kelvin(b) {
            return CapWords::ALL;
        }
        let mut set = CapWords::default();
        for w in toks.windows(2) {
            let (before, t) = (&w[0], &w[1]);
            if t.is_cap()
                && b[t.start].is_ascii_uppercase()
                && b[t.start - 1] == b' '
                && (before.is_cap() || words::continues_run(before.text))
            {
                let k = key_at(b, t.start);
                set.0[usize::from(k >> 6)] |= 1 << (k & 63);
            }
        }
        set
    }

    /// Whether a word of key `k` may be written in the paragraph.
    #[inline]
    pub fn may_have(&self, k: u8) -> bool {
        self.0[usize::from(k >> 6)] & (1 << (k & 63)) != 0
    }
}

/// Whether `b` holds a Kelvin sign: searched for by its last byte, which
/// no ASCII text and few letters hold (a substring search set up per
/// paragraph cost more than the search).
pub(super) fn has_kelvin(b: &[u8]) -> bool {
    memchr::memchr_iter(KELVIN[2], b).any(|i| i >= 2 && &b[i - 2..=i] == KELVIN)
}

/// The Kelvin sign.
const KELVIN: &[u8] = "\u{212a}".as_bytes();

/// The key of the run of ASCII letters and digits at byte `j` of `b`, the
/// same in any case: of its first eight bytes with ASCII case folded, and
/// its length up to eight.
#[inline]
fn key_at(b: &[u8], j: usize) -> u8 {
    let v = match b.get(j..j + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => {
            let mut buf = [0u8; 8];
            let rest = &b[j.min(b.len())..];
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    };
    let n = swar::first_other_than_alnum(v).unwrap_or(8);
    let mask = u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0);
    // Setting 0x20 lowercases an ASCII letter and leaves a digit as it is.
    let w = (v | 0x2020_2020_2020_2020) & mask;
    let h = (w ^ (n as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 56) as u8
}

/// The key a paragraph's [`CapWords`] must hold for it to hold a fuller
/// form of `lower` (a lowercased ASCII name); none when the sets cannot
/// tell: the name opens with a particle, `of` or no letter or digit.
pub fn name_key(lower: &str) -> Option<u8> {
    let b = lower.as_bytes();
    let first = &lower[..swar::ascii_alnum_run(b, 0)];
    (!first.is_empty() && !words::continues_run(first)).then(|| key_at(b, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn of(p: &str) -> CapWords {
        CapWords::of_tokens(p, &words::tokens(p, 0, p.len()))
    }

    fn key(w: &str) -> u8 {
        key_at(w.as_bytes(), 0)
    }

    #[test]
    fn words_that_go_on_a_run() {
        let set = of("Keller said. Mr Anna KELLER-Smith met Jo O'Neil and Gerd van Keller");
        for w in ["anna", "keller", "o"] {
            assert!(set.may_have(key(w)), "{w}");
        }
        // A run's first word, a word after no space, and quoted text's
        // words are not recorded (unless a key is shared).
        assert_eq!(of("Keller said, iPhone-Smith (Anna"), CapWords::default());
        assert_eq!(of("a \u{212a}eller"), CapWords::ALL);
        assert_eq!(of("“a \u{212a}eller”"), CapWords::ALL);
    }

    #[test]
    fn names_the_sets_cannot_tell() {
        assert_eq!(name_key("de gaulle"), None);
        assert_eq!(name_key("of state"), None);
        assert_eq!(name_key(""), None);
        assert_eq!(name_key("keller"), Some(key("keller")));
        assert_eq!(name_key("o'neil"), Some(key("o")));
        assert_eq!(name_key("kellerman x"), Some(key("kellerma")));
        // Words that share their first eight letters share a key.
        assert_eq!(key("kellerman"), key("KELLERMANN"));
    }

    proptest! {
        /// A word written after a space with an ASCII capital, after a
        /// capitalized word, a particle or `of`, is in its paragraph's set,
        /// under the key its lowercase form has.
        #[test]
        fn every_word_that_goes_on_a_run_is_in_the_set(
            parts in proptest::collection::vec(
                (
                    prop::sample::select(vec![
                        "Keller", "KELLER", "keller", "Anna", "anna", "O'Neil", "Ólafur",
                        "iPhone", "McKeller", "Keller-Smith", "Kellerman", "KellerS", "7Up",
                        "\u{212a}eller", "“Anna", "de", "of", "van", ".", ",", "Lee's",
                    ]),
                    prop::sample::select(vec![" ", " ", "", "\n", "\u{a0}", "  "]),
                ),
                0..16,
            ),
        ) {
            let p: String = parts.into_iter().flat_map(|(w, s)| [w, s]).collect();
            let toks = words::tokens(&p, 0, p.len());
            let set = CapWords::of_tokens(&p, &toks);
            for w in toks.windows(2) {
                let (before, t) = (&w[0], &w[1]);
                let runs_on = before.is_cap() || words::continues_run(before.text);
                if runs_on && p[..t.start].ends_with(' ') && t.text.starts_with(|c: char| c.is_ascii_uppercase()) {
                    let lower = p[t.start..].to_ascii_lowercase();
                    prop_assert!(set.may_have(key(&lower)), "{:?} in {:?}", t.text, p);
                }
            }
        }
    }
}
