//! Characters that word and sentence segmentation pass over: combining
//! diacritics (Extend) and format controls (Format), which UAX #29 attaches
//! to the character before them (rules WB4 and SB5).
//!
//! The parser's fast counters know Latin-1 and the typographic punctuation
//! of news prose; a paragraph holding anything else goes to the
//! `unicode-segmentation` crate, which costs some hundred times as much per
//! byte. Text written with combining accents (`a` + U+0303 for `ã`) or
//! carrying direction marks and byte-order marks is otherwise Latin: the
//! same text without those marks has the same words and sentences, and the
//! fast counters read it.

/// Whether both segmentations pass over `c` after any character but a line
/// break, and the counts may drop it: a combining diacritic or a format
/// control that is not alphanumeric (the counts keep the segments holding
/// an alphanumeric character, U+0345 being one).
fn is_ignored(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}'
    ) && !c.is_alphanumeric()
}

/// Where WB4 and SB5 do not attach a mark to the character before: after
/// a line break or paragraph separator (and at the start of the text).
fn is_break(c: char) -> bool {
    matches!(
        c,
        '\r' | '\n' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text` without the ignored characters that follow a character other
/// than a break (those at the start, or after a break, stay), or `None`
/// when it has none.
pub fn without_ignored(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    // The last character kept: a mark is attached to it.
    let mut last: Option<char> = None;
    for (i, c) in text.char_indices() {
        if is_ignored(c) && last.is_some_and(|l| !is_break(l)) {
            out.get_or_insert_with(|| text[..i].to_string());
            continue;
        }
        if let Some(out) = &mut out {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn counts(text: &str) -> (usize, usize) {
        (
            text.unicode_words().count(),
            text.unicode_sentences().count(),
        )
    }

    #[test]
    fn marks_after_a_character_go() {
        assert_eq!(
            without_ignored("Sa\u{303}o Paulo"),
            Some("Sao Paulo".into())
        );
        assert_eq!(
            without_ignored("\u{feff}\u{202a}x\u{202c}.\u{200e}"),
            Some("\u{feff}x.".into())
        );
        assert_eq!(
            without_ignored("a\n\u{301}b\u{301}"),
            Some("a\n\u{301}b".into())
        );
        assert_eq!(without_ignored("a\u{345}"), None);
        assert_eq!(without_ignored("São Paulo"), None);
    }

    /// Every ignored character, between and beside the characters the
    /// rules look at, leaves the crate's counts as they are without it.
    #[test]
    fn each_ignored_character_changes_no_count() {
        let ignored: Vec<char> = ('\u{300}'..='\u{36f}')
            .chain('\u{2000}'..='\u{206f}')
            .chain(['\u{feff}'])
            .filter(|&c| is_ignored(c))
            .collect();
        assert!(ignored.len() > 100);
        for &m in &ignored {
            for context in [
                "a{m}b",
                "a{m}{m}'{m}b",
                "1{m},{m}2",
                "a{m}.{m} B",
                "a.{m} b",
                "U.{m}S.{m} x",
                "a.{m}”{m} B",
                "{m}a{m}",
                " {m} {m}a",
                "x!{m}\u{a0}{m}Y",
                "a_{m}1",
                "e.{m}g.{m} 5",
            ] {
                let text = context.replace("{m}", &m.to_string());
                let bare = without_ignored(&text).unwrap_or_else(|| text.clone());
                assert_eq!(counts(&text), counts(&bare), "{text:?}");
            }
        }
    }

    proptest! {
        /// Text mixing prose, breaks and ignored characters has the
        /// crate's counts without them.
        #[test]
        fn counts_as_without_them(
            parts in proptest::collection::vec(
                prop_oneof![
                    4 => "[A-Za-z0-9]{1,4}",
                    3 => "[ .,;:!?'\"()_-]",
                    2 => "[’“”\u{a0}—é\r\n\u{85}\u{2028}\u{b}]",
                    3 => "[\u{300}\u{303}\u{308}\u{345}\u{200e}\u{202a}\u{202c}\u{2060}\u{feff}]",
                ],
                0..40,
            ),
        ) {
            let text = parts.concat();
            let bare = without_ignored(&text).unwrap_or_else(|| text.clone());
            prop_assert_eq!(counts(&text), counts(&bare), "{:?}", text);
        }
    }
}
