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

/// Escapes unsafe characters as `\u{XXXX}`; newlines become `\n` too so that
/// one value stays on one line.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) || c == '\n') {
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
