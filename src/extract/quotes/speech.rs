//! Whether a quoted span is speech: titles, terms and scare quotes look
//! different from what someone said.

use super::np::{is_np_stop, is_prep};
use crate::swar::{
    HIGHS, ascii_alnum_bytes, ascii_alnum_run, bytes_equal, count_high_bits, run_starts,
};

/// Words put before a short quoted term that marks it as a term, title or
/// scare quote rather than speech.
pub fn is_term_marker(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "so-called"
            | "called"
            | "dubbed"
            | "as"
            | "term"
            | "word"
            | "words"
            | "phrase"
            | "label"
            | "labeled"
            | "labelled"
            | "termed"
            | "named"
            | "titled"
            | "entitled"
            | "of"
            | "for"
            | "about"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
            | "my"
            | "your"
            | "hashtag"
            | "slogan"
            | "nicknamed"
            | "billed"
            | "branded"
            | "on"
            | "in"
    )
}

/// The number of words of `s` (runs of letters, digits and apostrophes),
/// counted up to `cap`: the rules only ask whether a quote is short, so a
/// long quote is read no further than its first words.
pub fn word_count(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut inside = false;
    let mut i = 0;
    // Quotes are nearly all ASCII: the words that start in eight ASCII
    // bytes are counted at once; elsewhere a word's ASCII letters and
    // digits are passed over eight bytes at a time, other ASCII bytes one
    // at a time, and only the other characters are decoded. (A word at a
    // time mispredicted a branch or two a word.)
    while let Some(&x) = b.get(i) {
        if let Some(chunk) = b.get(i..i + 8) {
            let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if v & HIGHS == 0 {
                let word = ascii_alnum_bytes(v) | bytes_equal(v, b'\'');
                n += count_high_bits(run_starts(word, u64::from(inside) << 7));
                if n >= cap {
                    return cap;
                }
                inside = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let w = if x.is_ascii_alphanumeric() {
            i = ascii_alnum_run(b, i + 1);
            true
        } else if x.is_ascii() {
            i += 1;
            x == b'\''
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            crate::uclass::is_alphanumeric(c) || c == '’'
        };
        if w && !inside {
            if n == cap {
                break;
            }
            n += 1;
        }
        inside = w;
    }
    n
}

/// Whether a quote opens with a transcript's speaker label (`"WALLACE:
/// …`): text before its first colon of 2 to 29 bytes, all capitals,
/// spaces, periods and hyphens. A colon ends the label's characters, so
/// the first character outside them must be that colon: the scan stops
/// there, at the second byte of most quotes (`We`), where a search for the
/// colon read thirty bytes first. A character outside ASCII among the
/// leading ones is read as a `char`, from where the scan stopped.
pub fn speaker_label(t: &str) -> bool {
    let b = &t.as_bytes()[..t.len().min(30)];
    let k = b
        .iter()
        .position(|&x| !(x.is_ascii_uppercase() || matches!(x, b' ' | b'.' | b'-')))
        .unwrap_or(b.len());
    match b.get(k) {
        Some(b':') => k >= 2,
        Some(&x) if x >= 0x80 => label_from(t, k),
        _ => false,
    }
}

/// [`speaker_label`] past byte `k` (a `char` boundary), where the leading
/// ASCII characters gave way to others.
#[cold]
fn label_from(t: &str, k: usize) -> bool {
    let Some(c) = memchr::memchr(b':', &t.as_bytes()[k..t.len().min(30)]).map(|c| k + c) else {
        return false;
    };
    t[k..c]
        .chars()
        .all(|ch| ch.is_uppercase() || ch == ' ' || ch == '.' || ch == '-')
}

/// Words that can follow a partial quote inside reported speech (`was
/// “confident” that`, `“to further step” up`).
pub fn is_function_word(w: &str) -> bool {
    is_prep(w)
        || is_np_stop(w)
        || matches!(
            w,
            "up" | "out"
                | "down"
                | "off"
                | "or"
                | "nor"
                | "so"
                | "yet"
                | "then"
                | "too"
                | "either"
                | "again"
                | "anymore"
                | "now"
                | "here"
                | "there"
                | "instead"
                | "all"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "not"
                | "for"
                | "where"
                | "what"
                | "how"
                | "why"
                | "whether"
                | "unless"
                | "until"
                | "though"
                | "although"
                | "even"
                | "over"
                | "said"
                | "says"
                | "he"
                | "she"
                | "they"
                | "we"
                | "it"
                | "i"
                | "you"
                | "his"
                | "her"
                | "their"
        )
}

/// Short words a title leaves in lowercase.
pub fn is_minor_word(w: &str) -> bool {
    matches!(
        w,
        "with"
            | "from"
            | "into"
            | "over"
            | "upon"
            | "than"
            | "that"
            | "this"
            | "about"
            | "after"
            | "before"
            | "under"
            | "without"
            | "through"
            | "against"
            | "onto"
            | "versus"
            | "between"
            | "among"
            | "during"
    )
}

/// Whether every word of `s` is capitalized except a title's minor words
/// (`The State of the Union`, `America with Jorge Ramos`).
pub fn title_case(s: &str) -> bool {
    ascii_title_case(s).unwrap_or_else(|| {
        // One pass, no list of the words: any word that is not title-cased
        // decides; otherwise a word longer than three bytes must be seen.
        let mut long = false;
        for w in s
            .split(|c: char| !crate::uclass::is_alphanumeric(c) && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
        {
            if !title_word(w) {
                return false;
            }
            long |= w.len() > 3;
        }
        long
    })
}

/// [`title_case`] by the bytes, or none at the first byte outside ASCII.
/// Split by `char`, every character was decoded and classified, and each
/// word's end mispredicted; here a word's letters and digits are passed
/// over eight bytes at a time, and a word that opens with a capital or a
/// digit is not read against the lists.
///
/// A word cut short by a character outside ASCII that the general split
/// would take into it is only ever turned away when the whole word would
/// be too: a word opening in ASCII is title-cased by its first byte, or is
/// a listed word, all ASCII, which no such character ends.
fn ascii_title_case(s: &str) -> Option<bool> {
    let b = s.as_bytes();
    let mut long = false;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if !x.is_ascii() {
            return None;
        }
        if !(x.is_ascii_alphanumeric() || x == b'\'') {
            i += 1;
            continue;
        }
        // Runs of letters and digits joined by apostrophes.
        let mut end = ascii_alnum_run(b, i);
        while b.get(end) == Some(&b'\'') {
            end = ascii_alnum_run(b, end + 1);
        }
        // (Both ends are ASCII bytes or the end: `char` boundaries.)
        let w = &s[i..end];
        let titled = x.is_ascii_uppercase() || x.is_ascii_digit() || lower_title_word(w);
        if !titled {
            return Some(false);
        }
        long |= w.len() > 3;
        i = end;
    }
    Some(long)
}

/// A word of a title: capitalized, a number, or a minor word.
fn title_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        || lower_title_word(w)
}

/// A word a title leaves in lowercase.
fn lower_title_word(w: &str) -> bool {
    is_minor_word(w)
        || matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "in"
                | "on"
                | "for"
                | "and"
                | "or"
                | "to"
                | "at"
                | "by"
                | "vs"
                | "de"
                | "la"
                | "el"
                | "y"
        )
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// [`title_case`] as first written (a list of the words, then two
    /// passes), to check the one in use against.
    fn title_case_reference(s: &str) -> bool {
        let ws: Vec<&str> = s
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .collect();
        ws.iter().any(|w| w.len() > 3) && ws.iter().all(|w| title_word(w))
    }

    fn split_pieces(s: &str) -> usize {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .count()
    }

    /// Titles by the bytes: words joined by apostrophes are one word,
    /// digits and capitals title a word by its first byte, a word opening
    /// with an apostrophe is read against the lists, and a character
    /// outside ASCII anywhere sends the text to the general split.
    #[test]
    fn title_case_by_the_bytes() {
        for (s, want) in [
            ("It's a Wonderful Life", true),
            ("Don't Look Down Now", true),
            ("Room 101", true),
            ("Plan for 2031", true),
            ("War and Peace", true),
            ("O'Dwyer Speaks", true),
            ("Quill 'n' Ink", false),
            ("the art of war", false),
            ("War Is gone", false),
            ("Hi", false),
            ("Élan Vital Rises", true),
            ("Caf\u{e9} society", false),
            ("Brav\u{f8} Tales", true),
            ("Gr\u{fc}n's Road", true),
        ] {
            assert_eq!(title_case(s), want, "{s:?}");
            assert_eq!(title_case_reference(s), want, "{s:?}");
        }
    }

    /// Words that cross the eight-byte blocks, that open or close one,
    /// apostrophes, and non-ASCII characters among ASCII blocks.
    #[test]
    fn word_count_across_blocks() {
        for s in [
            "abcdefgh ijklmnop",
            "abcdefghijklmnopq r",
            "abcdefg hijklmnop qr's tu",
            "a b c d e f g h i j k l m n o",
            "one, two; three... four five six seven eight nine ten eleven",
            "       x       y       z       w",
            "it's   ’tis dont' 'quoted' words",
            "caf\u{e9} na\u{ef}ve r\u{e9}sum\u{e9}s and more ascii words after",
            "abcdefg\u{2163}hijklmnop \u{a0}qrstuvwx",
        ] {
            for cap in [0, 1, 2, 3, 5, 9, usize::MAX] {
                assert_eq!(word_count(s, cap), split_pieces(s).min(cap), "{s:?} {cap}");
            }
        }
    }

    /// [`speaker_label`] as first written: a search for the colon in the
    /// first thirty bytes, then the characters before it.
    fn speaker_label_reference(t: &str) -> bool {
        memchr::memchr(b':', &t.as_bytes()[..t.len().min(30)]).is_some_and(|k| {
            k >= 2
                && t[..k]
                    .chars()
                    .all(|ch| ch.is_uppercase() || ch == ' ' || ch == '.' || ch == '-')
        })
    }

    /// Labels of capitals, with characters outside ASCII among them, and
    /// near misses: one capital, a lowercase letter, a colon past the
    /// thirtieth byte.
    #[test]
    fn speaker_labels_by_their_leading_capitals() {
        for (t, want) in [
            ("BRANDT: We will not.", true),
            ("DR. O-NEILL: Yes.", true),
            ("\u{c9}MILE ZOLA: J'accuse", true),
            ("Z\u{d8}RN: Nej.", true),
            ("Z\u{f8}rn: nej", false),
            ("Q: And then?", false),
            ("Brandt: We will not.", false),
            ("It was 10:30", false),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZABCD: late", false),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZABC: in time", true),
            ("\u{c9}\u{c9}\u{c9}\u{c9}\u{c9}\u{c9}\u{c9}: x", true),
            ("NO COLON AT ALL", false),
            ("", false),
        ] {
            assert_eq!(speaker_label(t), want, "{t:?}");
            assert_eq!(speaker_label_reference(t), want, "{t:?}");
        }
    }

    proptest! {
        #[test]
        fn speaker_label_matches_the_reference(t in "[A-Ca-b .:\u{c9}\u{e9}-]{0,40}") {
            prop_assert_eq!(speaker_label(&t), speaker_label_reference(&t));
        }

        #[test]
        fn title_case_matches_the_reference(
            words in proptest::collection::vec(
                prop::sample::select(vec![
                    "The", "the", "of", "State", "Union", "with", "a", "big", "2024", "Éclair",
                    "élan", "It's", "’Tis", "x", "Ab", "abcd",
                ]),
                0..6,
            ),
            sep in prop::sample::select(vec![" ", ", ", "-", " \u{a0}"]),
        ) {
            let s = words.join(sep);
            prop_assert_eq!(title_case(&s), title_case_reference(&s));
        }

        #[test]
        fn word_count_counts_the_split_pieces(
            s in "[a-zA-Z0-9 '’.,\u{e9}\u{2163}\u{a0}-]{0,80}",
            cap in 0usize..12,
        ) {
            let pieces = split_pieces(&s);
            prop_assert_eq!(word_count(&s, usize::MAX), pieces);
            prop_assert_eq!(word_count(&s, cap), pieces.min(cap));
        }
    }
}
