//! Lower-case ASCII words compared with text as a case-insensitive regex
//! (`(?i)`) compares them: in any ASCII case, and with the two characters
//! outside ASCII that fold to an ASCII letter (LONG S to `s`, KELVIN SIGN
//! to `k`). Fixed-word patterns read in code instead of a regex (the
//! parser's copyright and all-rights lines, the events' host phrases) use
//! these, since building the regex cost more than all its searches.

/// Whether `c` is `w` (an ASCII lower-case letter or other ASCII
/// character) under `(?i)`.
fn same(c: char, w: char) -> bool {
    c.to_ascii_lowercase() == w || (w == 's' && c == '\u{17f}') || (w == 'k' && c == '\u{212a}')
}

/// `t` after `word` when `t` opens with it under `(?i)`.
pub(crate) fn strip_prefix<'t>(t: &'t str, word: &str) -> Option<&'t str> {
    let mut chars = t.chars();
    let opens = word
        .chars()
        .all(|w| chars.next().is_some_and(|c| same(c, w)));
    opens.then_some(chars.as_str())
}

/// Where `word` starts when `t` ends with it under `(?i)`.
pub(crate) fn suffix_start(t: &str, word: &str) -> Option<usize> {
    let mut chars = t.char_indices().rev();
    let mut start = t.len();
    word.chars()
        .rev()
        .all(|w| {
            chars.next().is_some_and(|(at, c)| {
                start = at;
                same(c, w)
            })
        })
        .then_some(start)
}

/// `word` (ASCII) written in other cases for the tests: by `picks`, a
/// letter as it is (0), in upper case (1), or as `ſ` or `K` where it is
/// an `s` or `k` (2, else upper case). Letters past the picks stay.
#[cfg(test)]
pub(crate) fn case_variant(word: &str, picks: &[u8]) -> String {
    word.chars()
        .zip(picks.iter().chain(std::iter::repeat(&0)))
        .map(|(c, p)| match (c, p) {
            ('s', 2) => '\u{17f}',
            ('k', 2) => '\u{212a}',
            (c, 1 | 2) => c.to_ascii_uppercase(),
            (c, _) => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// Only `k` and `s` among ASCII letters fold to characters outside
    /// ASCII, which [`same`] relies on.
    #[test]
    fn ascii_letters_fold_only_to_kelvin_and_long_s() {
        let letter = Regex::new(r"(?i)^[a-z]$").unwrap();
        let mut buf = [0u8; 4];
        let outside: Vec<char> = (0..=0x10ffff_u32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && letter.is_match(c.encode_utf8(&mut buf)))
            .collect();
        assert_eq!(outside, ['\u{17f}', '\u{212a}']);
    }

    #[test]
    fn edges() {
        assert_eq!(strip_prefix("ſKies", "skies"), Some(""));
        assert_eq!(strip_prefix("On the", "on"), Some(" the"));
        assert_eq!(strip_prefix("o", "on"), None);
        assert_eq!(strip_prefix("", ""), Some(""));
        assert_eq!(suffix_start("x ReſerVed", "reserved"), Some(2));
        assert_eq!(suffix_start("é\u{212a}", "k"), Some(2));
        assert_eq!(suffix_start("ed", "reserved"), None);
    }

    proptest! {
        /// Both agree with the regex crate's `(?i)` on the word as a
        /// literal at the start or the end of the text, on texts that hold
        /// the word in other cases (`S`, `ſ`, `K`) or do not.
        #[test]
        fn agree_with_the_regex(
            word in "[a-z -]{0,6}",
            picks in proptest::collection::vec(0..3u8, 6),
            pre in "[a-zA-Z ſ\u{212a}é]{0,3}",
            post in "[a-zA-Z ſ\u{212a}é]{0,3}",
        ) {
            let variant = case_variant(&word, &picks);
            let at_start = Regex::new(&format!("(?i)^{}", regex::escape(&word))).unwrap();
            let at_end = Regex::new(&format!("(?i){}$", regex::escape(&word))).unwrap();
            for text in [format!("{pre}{variant}"), format!("{variant}{post}"), pre.clone() + &post] {
                prop_assert_eq!(
                    strip_prefix(&text, &word),
                    at_start.find(&text).map(|m| &text[m.end()..])
                );
                prop_assert_eq!(suffix_start(&text, &word), at_end.find(&text).map(|m| m.start()));
            }
        }
    }
}
