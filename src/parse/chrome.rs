//! The chrome shapes and end markers of `lines` read in code: each was a
//! pattern of one regex set (the relative time stamp and the end markers
//! a regex of their own), whose build cost more than all their searches.
//! The tests hold the patterns as written and compare.
//!
//! Every shape is anchored at both ends and made of parts whose classes
//! are disjoint where one ends and the next begins (digits and spaces,
//! letters and separators), so each has one way to match and is read left
//! to right without backtracking. Phrases under `(?i)` are compared with
//! [`crate::caseless`], which folds as the regex does. The Unicode classes
//! (`\d`, `\p{Lu}`, `\p{Ll}`, `(?i)[\p{L} ]`) are asked only of characters
//! outside ASCII, from class tables that regex-syntax builds on first use
//! (a parse, not a compiled automaton).

use std::sync::LazyLock;

use crate::uclass::{self, Ranges, is_word, spaced, spaces};

use crate::caseless::strip_prefix;

/// Whether `text` has one of the chrome shapes among those in `may` (bits
/// of [`may_be`], which has ruled out the others on every line asked):
///
/// - a row of two to nine two-letter language codes,
///   `^(?i:[a-z]{2})(?:(?:\s*[|/·•]\s*|\s+)(?i:[a-z]{2})){1,8}$`;
/// - a navigation or account link ([`NAVIGATION`], `share on \w+`,
///   `follow us.*`), perhaps numbered (`^(?:\d+\.\s*)?`);
/// - a comment widget ([`COMMENTS`], `\d+ comments?`, two form notices);
/// - `(?i)^(?:updated|posted|published|last updated)?\s*(?:just
///   now|yesterday|today)$`;
/// - a bare URL, `^(?:https?://|www\.)\S+$`;
/// - a section label glued to a topic, `^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$`;
/// - `(?i)^\d+\s+min(?:ute)?s?\s+read$`;
/// - `(?i)^(?:photo|image|picture)?\s*\d+\s*(?:of|/)\s*\d+$`.
pub(super) fn is_shape_among(text: &str, may: u16) -> bool {
    may & LANGUAGE_CODES != 0 && language_codes(text)
        || may & (NAVIGATION_LINK | FOLLOW_US) != 0 && navigation(text)
        || may & (COMMENT_WIDGET | FORM_NOTICE) != 0 && comments(text)
        || may & RELATIVE_DAY != 0 && relative_day(text)
        || may & URL != 0 && url(text)
        || may & GLUED_LABEL != 0 && glued_label(text)
        || may & READING_TIME != 0 && reading_time(text)
        || may & GALLERY != 0 && gallery(text)
}

/// [`is_shape_among`] all the shapes.
#[cfg(test)]
pub(super) fn is_shape(text: &str) -> bool {
    is_shape_among(text, u16::MAX)
}

// One bit per chrome test of `lines::is_chrome`, for the gate [`may_be`].
// The navigation and comment patterns are split where their open-ended
// phrases (`follow us.*`, the two form notices) may end with any byte.
pub(super) const LANGUAGE_CODES: u16 = 1;
pub(super) const NAVIGATION_LINK: u16 = 1 << 1;
pub(super) const FOLLOW_US: u16 = 1 << 2;
pub(super) const COMMENT_WIDGET: u16 = 1 << 3;
pub(super) const FORM_NOTICE: u16 = 1 << 4;
pub(super) const RELATIVE_DAY: u16 = 1 << 5;
pub(super) const URL: u16 = 1 << 6;
pub(super) const GLUED_LABEL: u16 = 1 << 7;
pub(super) const READING_TIME: u16 = 1 << 8;
pub(super) const GALLERY: u16 = 1 << 9;
/// [`is_relative_time`].
pub(super) const RELATIVE_TIME: u16 = 1 << 10;
/// The copyright notice (`lines`).
pub(super) const COPYRIGHT: u16 = 1 << 11;
/// The all-rights-reserved line (`lines`), which ends with `d` or `d.`.
pub(super) const ALL_RIGHTS: u16 = 1 << 12;
const EVERY: u16 = (1 << 13) - 1;

/// The chrome tests `text` may pass, judged by its first and last byte
/// (and the byte before a closing `.`, for [`ALL_RIGHTS`]): every line is
/// asked, and most are prose that opens with a capital and closes with
/// punctuation, which only a URL, a copyright notice or an open-ended
/// phrase may do, and none of those opens with most capitals. A test
/// whose bit is clear cannot match: its pattern's first byte is one of
/// [`OPENS`]'s for that bit and its last one of [`CLOSES`]'s (the tests
/// check both tables against the patterns' automata, byte by byte).
pub(super) fn may_be(text: &str) -> u16 {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return 0;
    };
    let unstopped = match *bytes {
        [.., end, b'.'] => end,
        _ => last,
    };
    // `d` and `D`, which fold to no character outside ASCII.
    let stopped = if unstopped | 0x20 == b'd' {
        ALL_RIGHTS
    } else {
        0
    };
    OPENS[usize::from(first)] & (CLOSES[usize::from(last)] | stopped)
}

/// The tests a line may pass by its first byte.
pub(super) const OPENS: [u16; 256] = table(false);

/// The tests a line may pass by its last byte ([`ALL_RIGHTS`] apart).
pub(super) const CLOSES: [u16; 256] = table(true);

/// Whether `b`, lower-cased, opens one of `words`.
const fn opens_one(b: u8, words: &[&str]) -> bool {
    let mut i = 0;
    while i < words.len() {
        if words[i].as_bytes()[0] == b.to_ascii_lowercase() {
            return true;
        }
        i += 1;
    }
    false
}

/// The gate's table of every byte, by [`closing`] when `close`, else by
/// [`opening`] (a `const fn` cannot be handed a function to call).
const fn table(close: bool) -> [u16; 256] {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = if close {
            closing(i as u8)
        } else {
            opening(i as u8)
        };
        i += 1;
    }
    table
}

/// A lead byte outside ASCII may open a digit (`\d` is Unicode), a letter
/// (`ſ`, `K` and any `\p{L}`) or a space; 0xE2 leads only U+2000–U+2FFF,
/// where no digit is and which the quotation marks of most such lines
/// share with spaces and the letter-like symbols.
const fn opening(b: u8) -> u16 {
    if b == 0xe2 {
        return LANGUAGE_CODES | RELATIVE_DAY | GALLERY | GLUED_LABEL | RELATIVE_TIME | ALL_RIGHTS;
    }
    if !b.is_ascii() {
        return EVERY;
    }
    let mut bits = ALL_RIGHTS;
    if b.is_ascii_alphabetic() {
        bits |= LANGUAGE_CODES | RELATIVE_TIME;
    }
    if b.is_ascii_uppercase() {
        bits |= GLUED_LABEL;
    }
    if b.is_ascii_digit() {
        // Numbered links, `\d+ comments?`, reading times, galleries, times.
        bits |= NAVIGATION_LINK | FOLLOW_US | COMMENT_WIDGET | READING_TIME | GALLERY;
        bits |= RELATIVE_TIME;
    }
    if uclass::is_ascii_space(b) {
        bits |= RELATIVE_DAY | GALLERY;
    }
    if b == b' ' {
        bits |= RELATIVE_TIME;
    }
    if opens_one(b, &NAVIGATION) || opens_one(b, &[SHARE_ON]) {
        bits |= NAVIGATION_LINK;
    }
    if opens_one(b, &[FOLLOW_US_PHRASE]) {
        bits |= FOLLOW_US;
    }
    if opens_one(b, &COMMENTS) {
        bits |= COMMENT_WIDGET;
    }
    if opens_one(b, &FORM_NOTICES) {
        bits |= FORM_NOTICE;
    }
    if opens_one(b, &RELATIVE_LABELS) || opens_one(b, &RELATIVE_DAYS) {
        bits |= RELATIVE_DAY;
    }
    if matches!(b, b'h' | b'w') {
        bits |= URL;
    }
    if opens_one(b, &GALLERY_WORDS) {
        bits |= GALLERY;
    }
    if matches!(b, b'c' | b'C' | b'(') {
        bits |= COPYRIGHT;
    }
    bits
}

/// A byte outside ASCII may close a letter, a digit or a word character,
/// but not the ASCII `d` and `o` of `read` and `ago`.
const fn closing(b: u8) -> u16 {
    // `follow us.*`, the form notices and the copyright notice's `.{0,150}`.
    let mut bits = FOLLOW_US | FORM_NOTICE | COPYRIGHT;
    if !b.is_ascii() {
        return EVERY & !(READING_TIME | RELATIVE_TIME | ALL_RIGHTS);
    }
    if !uclass::is_ascii_space(b) {
        bits |= URL;
    }
    if b.is_ascii_alphabetic() {
        bits |= LANGUAGE_CODES | NAVIGATION_LINK | COMMENT_WIDGET | RELATIVE_DAY;
    }
    if b.is_ascii_lowercase() {
        bits |= GLUED_LABEL;
    }
    if b.is_ascii_digit() || b == b'_' {
        // `share on \w+`.
        bits |= NAVIGATION_LINK;
    }
    if b.is_ascii_digit() {
        bits |= GALLERY;
    }
    match b | 0x20 {
        b'd' => bits |= READING_TIME,
        b'o' => bits |= RELATIVE_TIME,
        _ => {}
    }
    bits
}

/// A relative time stamp, perhaps glued to a section label ("Politics1
/// hour ago"): `(?i)^[\p{L} ]{0,30}\d+\s+(?:seconds?|minutes?|mins?|
/// hours?|hrs?|days?|weeks?|months?)\s+ago$`. Letters and spaces
/// (case-folded) and digits are disjoint, so the label is the whole run
/// of letters and spaces; the unit, followed by a space, is the whole run
/// of other characters after the number.
pub(super) fn is_relative_time(text: &str) -> bool {
    const UNITS: [&str; 16] = [
        "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
        "day", "days", "week", "weeks", "month", "months",
    ];
    let label_end = text.find(|c: char| !label_char(c)).unwrap_or(text.len());
    if text[..label_end].chars().nth(30).is_some() {
        return false;
    }
    let Some(rest) = digits(&text[label_end..]).and_then(spaced) else {
        return false;
    };
    let Some((unit, rest)) = rest.find(char::is_whitespace).map(|i| rest.split_at(i)) else {
        return false;
    };
    UNITS.iter().any(|u| same(unit, u)) && spaced(rest).is_some_and(|r| same(r, "ago"))
}

/// A label after which the article is over: one of [`END_MARKERS`], or
/// `more (?:on this|from|stories|news)` with perhaps a word (`(?: \w+)?`),
/// or `more in \w+`, followed by `\s*:?$`, all under `(?i)`. No label
/// ends with a space or a colon, so the label is the line without its
/// closing colon and spaces.
pub(super) fn is_end_marker(text: &str) -> bool {
    let label = text.strip_suffix(':').unwrap_or(text).trim_end();
    END_MARKERS.iter().any(|m| same(label, m))
        || ["more on this", "more from", "more stories", "more news"]
            .iter()
            .filter_map(|m| strip_prefix(label, m))
            .any(|rest| rest.is_empty() || rest.strip_prefix(' ').is_some_and(is_word))
        || strip_prefix(label, "more in ").is_some_and(is_word)
}

/// The fixed labels of [`is_end_marker`].
const END_MARKERS: [&str; 30] = [
    "related",
    "related articles",
    "related stories",
    "related news",
    "related posts",
    "related content",
    "related coverage",
    "related topics",
    "read more",
    "read also",
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "you might also be interested in",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "most viewed",
    "latest news",
    "trending",
    "trending now",
    "leave a reply",
    "leave a comment",
    "what to read next",
    "see also",
    "also read",
    "editor's picks",
    "editors picks",
    "top stories",
];

/// The phrases of the navigation pattern, each alone on the line.
const NAVIGATION: [&str; 35] = [
    "skip to content",
    "skip to main content",
    "skip navigation",
    "main menu",
    "menu",
    "search",
    "home",
    "login",
    "log in",
    "signin",
    "sign in",
    "sign up",
    "subscribe",
    "subscribe now",
    "register",
    "close",
    "toggle navigation",
    "back to top",
    "back to top button",
    "top of page",
    "advertisement",
    "sponsored",
    "sponsored content",
    "print",
    "email",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "copy link",
    "listen to article",
    "listen to this article",
    "print this page",
    "print this article",
];

/// The phrases of the comment pattern, each alone on the line.
const COMMENTS: [&str; 7] = [
    "comment",
    "comments",
    "add comment",
    "add a comment",
    "post a comment",
    "view comments",
    "show comments",
];

/// The share link's opening, before `\w+`.
const SHARE_ON: &str = "share on ";

/// The follow link's opening, followed by anything.
const FOLLOW_US_PHRASE: &str = "follow us";

/// The comment widget's two form notices, each followed by anything.
const FORM_NOTICES: [&str; 2] = [
    "your email address will not be published",
    "required fields are marked",
];

/// Whether `s` is `word` (ASCII) under `(?i)`. Each character of `s` must
/// fold to one of `word`, and a character outside ASCII that folds to an
/// ASCII letter (`ſ`, `K`) takes two or three bytes: so `s` has at least
/// as many bytes as `word` and at most three times as many, and with as
/// many it is ASCII and compared byte by byte (`word` is in lower case).
/// Most lines asked are longer and are passed over without reading them.
fn same(s: &str, word: &str) -> bool {
    debug_assert!(
        word.bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    );
    match s.len().cmp(&word.len()) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => s.eq_ignore_ascii_case(word),
        std::cmp::Ordering::Greater => {
            s.len() <= 3 * word.len() && strip_prefix(s, word).is_some_and(str::is_empty)
        }
    }
}

/// `s` after `\d+`.
fn digits(s: &str) -> Option<&str> {
    let rest = s.trim_start_matches(uclass::is_digit);
    (rest.len() < s.len()).then_some(rest)
}

/// `.*$`: no line feed.
fn dots(s: &str) -> bool {
    memchr::memchr(b'\n', s.as_bytes()).is_none()
}

fn language_codes(text: &str) -> bool {
    // `(?i:[a-z])`: an ASCII letter, LONG S or KELVIN SIGN.
    let letter = |c: char| c.is_ascii_alphabetic() || matches!(c, '\u{17f}' | '\u{212a}');
    let mut chars = text.chars().peekable();
    let mut codes = 0;
    loop {
        if !(chars.next().is_some_and(letter) && chars.next().is_some_and(letter)) {
            return false;
        }
        codes += 1;
        if chars.peek().is_none() {
            return codes >= 2;
        }
        if codes == 9 {
            return false;
        }
        let mut spaced = false;
        while chars.next_if(|c| c.is_whitespace()).is_some() {
            spaced = true;
        }
        if chars
            .next_if(|c| matches!(c, '|' | '/' | '·' | '•'))
            .is_some()
        {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
        } else if !spaced {
            return false;
        }
    }
}

fn navigation(text: &str) -> bool {
    // No phrase opens with a digit: a line that does is numbered.
    let rest = match digits(text) {
        Some(rest) => match rest.strip_prefix('.') {
            Some(rest) => spaces(rest),
            None => return false,
        },
        None => text,
    };
    NAVIGATION.iter().any(|p| same(rest, p))
        || strip_prefix(rest, SHARE_ON).is_some_and(is_word)
        || strip_prefix(rest, FOLLOW_US_PHRASE).is_some_and(dots)
}

fn comments(text: &str) -> bool {
    COMMENTS.iter().any(|p| same(text, p))
        || FORM_NOTICES
            .iter()
            .any(|p| strip_prefix(text, p).is_some_and(dots))
        || digits(text)
            .and_then(|rest| strip_prefix(rest, " comment"))
            .is_some_and(|s| s.is_empty() || same(s, "s"))
}

const RELATIVE_LABELS: [&str; 4] = ["updated", "posted", "published", "last updated"];
const RELATIVE_DAYS: [&str; 3] = ["just now", "yesterday", "today"];

fn relative_day(text: &str) -> bool {
    // No label is a prefix of another, and none opens as a day does.
    let rest = RELATIVE_LABELS
        .iter()
        .find_map(|label| strip_prefix(text, label))
        .unwrap_or(text);
    let rest = spaces(rest);
    RELATIVE_DAYS.iter().any(|day| same(rest, day))
}

fn url(text: &str) -> bool {
    ["https://", "http://", "www."]
        .iter()
        .find_map(|opening| text.strip_prefix(opening))
        .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

fn glued_label(text: &str) -> bool {
    let lower = |c: &char| uclass::is_lower(*c);
    let mut chars = text.chars().peekable();
    let mut words = 0;
    while let Some(c) = chars.next() {
        if !uclass::is_upper(c) || chars.next_if(lower).is_none() {
            return false;
        }
        while chars.next_if(lower).is_some() {}
        words += 1;
    }
    words >= 2
}

fn reading_time(text: &str) -> bool {
    let Some(rest) = digits(text).and_then(spaced) else {
        return false;
    };
    let Some(rest) = strip_prefix(rest, "min") else {
        return false;
    };
    let rest = strip_prefix(rest, "ute").unwrap_or(rest);
    let rest = strip_prefix(rest, "s").unwrap_or(rest);
    spaced(rest).is_some_and(|r| same(r, "read"))
}

const GALLERY_WORDS: [&str; 3] = ["photo", "image", "picture"];

fn gallery(text: &str) -> bool {
    let rest = GALLERY_WORDS
        .iter()
        .find_map(|word| strip_prefix(text, word))
        .unwrap_or(text);
    let Some(rest) = digits(spaces(rest)) else {
        return false;
    };
    let rest = spaces(rest);
    let Some(rest) = strip_prefix(rest, "of").or_else(|| rest.strip_prefix('/')) else {
        return false;
    };
    digits(spaces(rest)).is_some_and(str::is_empty)
}

/// Whether `s` is a letter or a space under `(?i)`: `(?i)[\p{L} ]`.
fn label_char(c: char) -> bool {
    c.is_ascii_alphabetic() || c == ' ' || !c.is_ascii() && uclass::contains(&LABEL, c)
}

static LABEL: LazyLock<Ranges> = LazyLock::new(|| uclass::ranges(r"(?i)[\p{L} ]"));

/// The section label's class, and the shared classes the shapes read.
pub(crate) fn warm_up() -> Vec<fn()> {
    let mut tasks: Vec<fn()> = vec![|| crate::WarmUp::warm_up(&LABEL)];
    tasks.extend(uclass::warm_up());
    tasks
}

/// The shapes as first written, one pattern each (the relative time stamp
/// apart, see [`is_relative_time`]).
#[cfg(test)]
pub(super) const PATTERNS: &[&str] = &[
    // A row of two-letter language codes: "ua en ru", "EN | DE | FR".
    r"^(?i:[a-z]{2})(?:(?:\s*[|/·•]\s*|\s+)(?i:[a-z]{2})){1,8}$",
    // Navigation and account links.
    r"(?i)^(?:\d+\.\s*)?(?:skip to (?:main )?content|skip navigation|main menu|menu|search|home|log ?in|sign ?in|sign up|subscribe(?: now)?|register|close|toggle navigation|back to top(?: button)?|top of page|advertisement|sponsored(?: content)?|print|email|share(?: this(?: article| story)?)?|share on \w+|tweet|follow us.*|copy link|listen to (?:this )?article|print this (?:page|article))$",
    // Comment widgets.
    r"(?i)^(?:your email address will not be published.*|required fields are marked.*|\d+ comments?|comments?|add (?:a )?comment|post a comment|view comments|show comments)$",
    // Relative days.
    r"(?i)^(?:updated|posted|published|last updated)?\s*(?:just now|yesterday|today)$",
    // A bare URL.
    r"^(?:https?://|www\.)\S+$",
    // A section label glued to a topic: "EconomyEurope".
    r"^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$",
    // Reading-time and word-count badges.
    r"(?i)^\d+\s+min(?:ute)?s?\s+read$",
    // Image gallery counters: "1 of 12", "Photo 3/10".
    r"(?i)^(?:photo|image|picture)?\s*\d+\s*(?:of|/)\s*\d+$",
];

/// The end markers as first written.
#[cfg(test)]
pub(super) const END_MARKER_PATTERN: &str = r"(?i)^(?:related(?: articles| stories| news| posts| content| coverage| topics)?|read more|read also|more (?:on this|from|stories|news)(?: \w+)?|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|most (?:read|popular|viewed)|latest news|trending(?: now)?|leave a reply|leave a comment|what to read next|more in \w+|see also|also read|editor'?s picks|top stories)\s*:?$";

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::{Regex, RegexSet};

    static WRITTEN: LazyLock<(RegexSet, Regex, Regex)> = LazyLock::new(|| {
        (
            RegexSet::new(PATTERNS).unwrap(),
            Regex::new(r"(?i)^[\p{L} ]{0,30}\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$").unwrap(),
            Regex::new(END_MARKER_PATTERN).unwrap(),
        )
    });

    fn same_shape(text: &str) {
        assert_eq!(is_shape(text), WRITTEN.0.is_match(text), "shape {text:?}");
    }

    fn same_relative_time(text: &str) {
        assert_eq!(
            is_relative_time(text),
            WRITTEN.1.is_match(text),
            "relative time {text:?}"
        );
    }

    fn same_end_marker(text: &str) {
        assert_eq!(
            is_end_marker(text),
            WRITTEN.2.is_match(text),
            "end marker {text:?}"
        );
    }

    fn same_as_written(text: &str) {
        same_shape(text);
        same_relative_time(text);
        same_end_marker(text);
    }

    const FIXED: &[&str] = &[
        "",
        "en",
        "en fr",
        "EN | DE | FR",
        "ua·en•ru/de",
        "aa bb cc dd ee ff gg hh ii",
        "aa bb cc dd ee ff gg hh ii jj",
        "ſk \u{212a}a",
        "en  |",
        "en||fr",
        "enfr",
        "1. Skip to content",
        "12.Menu",
        "1 Menu",
        "٣. Home",
        "share on X_y",
        "Share on",
        "share on é",
        "share on a b",
        "Follow us on the web",
        "follow us\nx",
        "3 comments",
        "3 Comment",
        "3  comments",
        "Comments",
        "Your email address will not be published. x",
        "Updated today",
        "last updated   Yesterday",
        "Just now",
        "posted",
        "https://x",
        "http://",
        "www.a b",
        "HTTP://x",
        "EconomyEurope",
        "Economy",
        "ÉconomieEurope",
        "ǅx\u{1c6}Ab",
        "AbC",
        "5 min read",
        "5 minutes read",
        "5 minutes  READ",
        "5 mins read",
        "5 minute read",
        "5min read",
        "Photo 3/10",
        "1 of 12",
        "picture3of4",
        "photo 3 / ",
        "٣ of ٤",
        "Politics1 hour ago",
        "17 minutes ago",
        "Politics and world news today 1 hour ago",
        "A lot of letters in this label here 1 hour ago",
        "ͅ1 day ago",
        "é 2 Hrs ago",
        "2 hrs  ago ",
        "2 ſeconds ago",
        "2 daysago",
        "x_1 day ago",
        "Related Articles",
        "related  articles",
        "Related:",
        "Related :",
        "Related\u{a0}:\u{a0}",
        "Related::",
        "Read more",
        "More from Outlet",
        "More from",
        "More from Outlet page",
        "more from é_9",
        "more fromX",
        "More in Politics:",
        "More in ",
        "more in a-b",
        "You might also be interested in",
        "Editors picks",
        "EDITOR'S PICKS",
        "Editor’s picks",
        "ſee alſo",
        "Top Stories\n",
        "Leave a Reply",
        "Trending now",
        "trending  now",
        "Most Viewed :",
        "Recommended for you",
        "What to read next",
        "Also read",
        "You may also like",
    ];

    /// `same` agrees with its definition (the word is a prefix under `(?i)`
    /// and nothing follows) on each side of its byte-length gates: shorter,
    /// equal (ASCII, any case), longer by a folded `ſ` or `K` (up to
    /// three bytes for one letter), and longer still.
    #[test]
    fn same_at_its_length_gates() {
        for (s, word, expected) in [
            ("Men", "menu", false),
            ("menu", "menu", true),
            ("MeNU", "menu", true),
            ("mena", "menu", false),
            ("m\u{e9}n", "menu", false),
            ("menus", "menu", false),
            ("\u{17f}hare", "share", true),
            ("\u{17f}\u{17f}", "ss", true),
            ("\u{212a}", "k", true),
            ("\u{212a}\u{212a}", "kk", true),
            ("\u{212a}x", "k", false),
            ("ba\u{212a}", "bak", true),
            ("", "", true),
            ("x", "", false),
        ] {
            assert_eq!(same(s, word), expected, "{s:?} {word:?}");
            assert_eq!(
                same(s, word),
                strip_prefix(s, word).is_some_and(str::is_empty),
                "{s:?} {word:?}"
            );
        }
    }

    proptest! {
        /// On any text, and on the word itself written in other cases
        /// (`S`, `ſ`, `K` for some of its letters), with a tail or not.
        #[test]
        fn same_as_its_definition(
            s in "[a-zA-Z \u{17f}\u{212a}\u{e9}]{0,7}",
            word in "[ks a]{0,5}",
            picks in proptest::collection::vec(0..3u8, 5),
            tail in "[a\u{17f}\u{212a}]{0,1}",
        ) {
            let variant = crate::caseless::case_variant(&word, &picks) + &tail;
            for s in [s, variant] {
                prop_assert_eq!(same(&s, &word), strip_prefix(&s, &word).is_some_and(str::is_empty));
            }
        }
    }

    // One test per function, so that each fails on its own.
    #[test]
    fn fixed_shapes() {
        FIXED.iter().for_each(|t| same_shape(t));
    }

    #[test]
    fn fixed_relative_times() {
        FIXED.iter().for_each(|t| same_relative_time(t));
    }

    #[test]
    fn fixed_end_markers() {
        FIXED.iter().for_each(|t| same_end_marker(t));
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(vec![
                "en", "EN", "ua", "ſk", "\u{212a}a", " ", "  ", "\t", "\u{a0}", "\u{3000}", "\n",
                "|", "/", "·", "•", ".", "1", "12", "٣", "\u{ff13}", "Skip to content", "skip to main content",
                "menu", "Main Menu", "log in", "login", "sign up", "share", "share this",
                " article", " story", "share on ", "x_", "é", "Follow us", "follow uſ", "comment",
                "comments", "s", "add a comment", "your email address will not be published",
                "required fields are marked", "updated", "last updated", "posted", "published",
                "just now", "yesterday", "today", "https://", "http://", "www.", "Economy",
                "Europe", "É", "ǅ", "\u{1c6}", "Ab", "min", "ute", "read", "Photo", "image",
                "picture", "of", "OF", "hour", "hrs", "ago", "days", "Politics", "ͅ", "Ⅳ",
                "K", "-", "_", "related", " articles", "Read more", "more ", "on this", "from",
                " stories", "news", "more in ", "you might also ", "be interested in", "like",
                "editor's picks", "editors", " picks", "top stories", "leave a ", "reply", ":",
                "see also", "trending", " now",
            ])
            .prop_map(str::to_string),
            1 => "[a-zA-Z0-9 ]{0,6}",
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        #[test]
        fn same_as_the_written_patterns(parts in proptest::collection::vec(fragment(), 0..20)) {
            same_as_written(&parts.concat());
        }

        #[test]
        fn same_on_any_text(text in any::<String>()) {
            same_as_written(&text);
        }
    }
}
