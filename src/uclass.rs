//! Unicode classes and word boundaries as the regex crate reads them, for
//! patterns read in code (the parser's chrome shapes, header facts and
//! datelines, the events' capitalized runs). A class such as `\p{Lu}` is
//! a table that regex-syntax builds when it parses the class: parsing it
//! alone, on first use, costs a fraction of compiling an automaton. The
//! tables are asked only about characters outside ASCII.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// A class as sorted, disjoint ranges of characters.
pub(crate) type Ranges = Vec<(char, char)>;

static UPPER: LazyLock<Ranges> = LazyLock::new(|| ranges(r"\p{Lu}"));
static LOWER: LazyLock<Ranges> = LazyLock::new(|| ranges(r"\p{Ll}"));
static LETTER: LazyLock<Ranges> = LazyLock::new(|| ranges(r"\p{L}"));
static DIGIT: LazyLock<Ranges> = LazyLock::new(|| ranges(r"\d"));

/// The characters of `class` (one class in regex syntax) as regex-syntax
/// reads it.
pub(crate) fn ranges(class: &str) -> Ranges {
    match regex_syntax::parse(class).map(|h| h.into_kind()) {
        Ok(HirKind::Class(Class::Unicode(c))) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        _ => unreachable!("{class} is a Unicode class"),
    }
}

/// Whether `c` lies in one of the sorted `ranges`.
pub(crate) fn contains(ranges: &[(char, char)], c: char) -> bool {
    let k = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(k).is_some_and(|&(start, _)| start <= c)
}

/// `\p{Lu}`.
pub(crate) fn is_upper(c: char) -> bool {
    c.is_ascii_uppercase() || !c.is_ascii() && contains(&UPPER, c)
}

/// `\p{Ll}`.
pub(crate) fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || !c.is_ascii() && contains(&LOWER, c)
}

/// `\p{L}`.
pub(crate) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || !c.is_ascii() && contains(&LETTER, c)
}

/// Unicode `\d`.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || !c.is_ascii() && contains(&DIGIT, c)
}

/// `char::is_alphanumeric`, answered at once for ASCII and for General
/// Punctuation (U+2000–U+206F: the curly quotes, dashes, ellipsis and
/// special spaces of news text, none of them a letter or digit). The
/// standard test searches two tables for every character outside ASCII
/// (about 530 instructions a call in the entity tokenizer, measured with
/// callgrind), and the tokenizers ask it of each.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    quick(c, char::is_ascii_alphanumeric, char::is_alphanumeric)
}

/// `char::is_alphabetic`, answered at once as [`is_alphanumeric`] is.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    quick(c, char::is_ascii_alphabetic, char::is_alphabetic)
}

/// `char::is_numeric`, answered at once as [`is_alphanumeric`] is.
#[inline]
pub(crate) fn is_numeric(c: char) -> bool {
    quick(c, char::is_ascii_digit, char::is_numeric)
}

/// A standard Unicode test (`full`) that holds for no character of General
/// Punctuation, with `ascii` its answer for ASCII.
#[inline(always)]
fn quick(c: char, ascii: impl Fn(&char) -> bool, full: impl Fn(char) -> bool) -> bool {
    match c {
        '\0'..='\x7f' => ascii(&c),
        '\u{2000}'..='\u{206f}' => false,
        _ => full(c),
    }
}

/// `\w` (Unicode): ASCII answered at once, where
/// `regex_syntax::is_word_character` searches its table for every ASCII
/// character that is not a word character (a space, a comma), and so is
/// General Punctuation, most of what news text holds outside ASCII
/// (curly quotes, dashes, special spaces), whose only word characters are
/// the joiners and the connector punctuation.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric() || c == '_',
        '\u{2000}'..='\u{206f}' => matches!(
            c,
            '\u{200c}' | '\u{200d}' | '\u{203f}' | '\u{2040}' | '\u{2054}'
        ),
        _ => regex_syntax::is_word_character(c),
    }
}

/// `\s` on an ASCII byte: `is_ascii_whitespace` and the vertical tab.
/// Written as one range and the space, which compiles to a range test
/// and one compare; `is_ascii_whitespace() || b == 0x0b` gave two
/// branches in the clustering's word loops.
#[inline]
pub(crate) const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether the character before byte `i` of `text` is a word character
/// (`\w`); false at the start.
pub(crate) fn word_before(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(is_word_char)
}

/// Whether the character at byte `i` of `text` is a word character; false
/// at the end.
pub(crate) fn word_after(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(is_word_char)
}

/// Whether a Unicode `\b` lies at byte `i` of `text`.
pub(crate) fn boundary(text: &str, i: usize) -> bool {
    word_before(text, i) != word_after(text, i)
}

/// `s` after `\s*` (Unicode `\s` is `White_Space`, as `is_whitespace`).
pub(crate) fn spaces(s: &str) -> &str {
    s.trim_start_matches(char::is_whitespace)
}

/// `s` after `\s+`.
pub(crate) fn spaced(s: &str) -> Option<&str> {
    let rest = spaces(s);
    (rest.len() < s.len()).then_some(rest)
}

/// `\w+$`: `s` is one or more word characters.
pub(crate) fn is_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_word_char)
}

// The tables, for the start-up warm-up of their users.
warm_up_statics!(UPPER, LOWER, LETTER, DIGIT);

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The quick answers are the word table's, over ASCII and the whole
    /// General Punctuation block.
    #[test]
    fn word_chars_are_the_tables() {
        for c in ('\0'..='\x7f').chain('\u{2000}'..='\u{206f}') {
            assert_eq!(is_word_char(c), regex_syntax::is_word_character(c), "{c:?}");
        }
    }

    /// The byte test is the pattern's `\s` on every ASCII byte.
    #[test]
    fn ascii_space_is_the_regex_class() {
        let space = Regex::new(r"^\s$").unwrap();
        for b in 0..0x80u8 {
            let c = char::from(b);
            assert_eq!(
                is_ascii_space(b),
                space.is_match(c.encode_utf8(&mut [0; 4])),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn classes_are_the_regex_classes() {
        type Check = (&'static str, fn(char) -> bool);
        let checks: [Check; 4] = [
            (r"^\p{Lu}$", is_upper),
            (r"^\p{Ll}$", is_lower),
            (r"^\p{L}$", is_letter),
            (r"^\d$", is_digit),
        ];
        for (pattern, f) in checks {
            let re = Regex::new(pattern).unwrap();
            for c in (0..0x3_0000).filter_map(char::from_u32) {
                assert_eq!(
                    f(c),
                    re.is_match(c.encode_utf8(&mut [0; 4])),
                    "{pattern} {c:?}"
                );
            }
        }
    }

    #[test]
    fn quick_tests_are_the_standard_tests() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn boundaries_are_the_regex_boundary() {
        let re = Regex::new(r"\b").unwrap();
        for text in [
            "",
            "a",
            " a b",
            "é-ü",
            "x\u{301}y",
            "1 _ ß",
            "日本 語",
            "'a'",
        ] {
            let written: Vec<usize> = re.find_iter(text).map(|m| m.start()).collect();
            let ours: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i) && boundary(text, i))
                .collect();
            assert_eq!(ours, written, "{text:?}");
        }
    }
}
