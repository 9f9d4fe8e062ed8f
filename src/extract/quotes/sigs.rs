//! What the bytes of an article tell the search for a name's fuller form
//! ([`super::names`]) before its names are read.
//!
//! A fuller form of a lowercased ASCII name (`keller`, `anna keller`) is a
//! capitalized run written outside quotes that ends with the name after a
//! space (`Anna Keller`, `Gerd van Keller`). The words of a run are
//! capitalized words, or a name particle or `of` ([`words::read_run`]), so
//! where such a form is written, the name's first word is a word of a run
//! after a space and after another word of the run: written with an ASCII
//! capital, or as a particle (or with a Kelvin sign, which lowercases to
//! `k`). [`opens_capitalized`] tells the names whose first word is no
//! particle, whose forms the search finds by a space and that capital;
//! names that open with a particle, and text with a Kelvin sign, are left
//! to the search of the name's bytes in either case.

use super::words;
use crate::swar;

/// Whether `b` holds a Kelvin sign: searched for by its last byte, which
/// no ASCII text and few letters hold (a substring search set up per
/// paragraph cost more than the search).
pub(super) fn has_kelvin(b: &[u8]) -> bool {
    memchr::memchr_iter(KELVIN[2], b).any(|i| i >= 2 && &b[i - 2..=i] == KELVIN)
}

/// The Kelvin sign.
const KELVIN: &[u8] = "\u{212a}".as_bytes();

/// Whether a fuller form of `lower` (a lowercased ASCII name) writes its
/// first word, the run of letters and digits it opens with, as a
/// capitalized word: false when that word is a particle or `of`, or the
/// name opens with no letter or digit.
pub fn opens_capitalized(lower: &str) -> bool {
    let first = &lower[..swar::ascii_alnum_run(lower.as_bytes(), 0)];
    !first.is_empty() && !words::continues_run(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_capital_cannot_tell() {
        assert!(!opens_capitalized("de gaulle"));
        assert!(!opens_capitalized("of state"));
        assert!(!opens_capitalized(""));
        assert!(!opens_capitalized("'keller"));
        assert!(opens_capitalized("keller"));
        assert!(opens_capitalized("o'neil"));
        assert!(opens_capitalized("deborah x"));
    }

    #[test]
    fn a_kelvin_sign_is_found_by_its_bytes() {
        assert!(has_kelvin("a \u{212a}eller".as_bytes()));
        assert!(!has_kelvin("a Keller \u{aa}".as_bytes()));
    }
}
