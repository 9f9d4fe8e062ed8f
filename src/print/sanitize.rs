//! Terminal safety for text output: characters that could move the cursor,
//! change colours, reorder text or hide it are shown escaped (`\u{1b}`),
//! never sent raw. JSON output keeps text exact (serde escapes controls).

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as is.
fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
        || matches!(c,
            '\u{061C}'                 // Arabic letter mark
            | '\u{180E}'               // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width and directional marks
            | '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}')
}

/// The bytes that can start a character [`escape`] changes: the ASCII
/// controls but the tab, and the UTF-8 lead bytes of the unsafe characters
/// past ASCII (U+0080–U+009F: C2; U+061C: D8; U+180E: E1; U+2000–U+206F:
/// E2; U+FEFF: EF). A continuation byte is never one, so a suspect byte
/// starts a character.
static SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != 0x09;
        b += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xD8] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t
};

/// Whether [`escape`] changes a character of `s`. Text is nearly all
/// printable ASCII: a byte table finds the bytes that can start a
/// character to escape, and only those characters are decoded (decoding
/// every character cost several times the scan). The others are safe: a
/// continuation byte is never suspect, so every character's lead byte is
/// looked at.
fn needs_escape(s: &str) -> bool {
    let b = s.as_bytes();
    let mut at = 0;
    while let Some(i) = b[at..].iter().position(|&x| SUSPECT[usize::from(x)]) {
        // (A suspect byte starts a character: the slice is on a boundary.)
        if s[at + i..]
            .chars()
            .next()
            .is_some_and(|c| is_unsafe(c) || c == '\n')
        {
            return true;
        }
        at += i + 1;
    }
    false
}

/// Escapes unsafe characters as `\u{XXXX}`; newlines become `\n` too so that
/// one value stays on one line.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !needs_escape(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\n' {
            out.push_str("\\n");
        } else if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every character escaped, or kept, one at a time.
    fn escaped_by_chars(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '\n' => "\\n".to_string(),
                c if is_unsafe(c) => format!("\\u{{{:x}}}", c as u32),
                c => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn every_changed_character_starts_with_a_suspect_byte() {
        let mut lead = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if is_unsafe(c) || c == '\n' {
                let b = c.encode_utf8(&mut lead).as_bytes()[0];
                assert!(SUSPECT[usize::from(b)], "{c:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn escape_is_per_character(
            s in "[a-z \t\n\u{0}-\u{1f}\u{7f}-\u{a0}é“”\u{600}-\u{620}\u{1800}-\u{1810}\u{2000}-\u{2070}\u{fef0}-\u{feff}\u{10000}]{0,12}",
        ) {
            let out = escape(&s);
            prop_assert_eq!(&*out, escaped_by_chars(&s));
            prop_assert_eq!(matches!(out, Cow::Borrowed(_)), out == s);
        }
    }

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(escape("plain “text” é"), "plain “text” é");
        assert_eq!(escape("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(escape("a\u{202E}b\u{200B}c"), "a\\u{202e}b\\u{200b}c");
        assert_eq!(escape("\u{9b}x\u{7}"), "\\u{9b}x\\u{7}");
        assert_eq!(escape("a\u{2028}b\u{2029}"), "a\\u{2028}b\\u{2029}");
        assert_eq!(escape("\u{1b}]8;;x\u{7}"), "\\u{1b}]8;;x\\u{7}");
    }
}
