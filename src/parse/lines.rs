//! Line splitting and the rules that recognise a line's role from the line
//! alone: web chrome, bylines, date lines, photo credits, sign-offs.
//!
//! These rules describe the *shape* of boilerplate as web pages print it
//! (a row of language codes, a "Skip to content" link, "17 minutes ago"), not
//! the strings of any particular outlet. Roles that depend on neighbouring
//! lines (headline, caption, heading, teaser) are decided in `parse::mod`.

use crate::model::Span;

/// One line of the input: its trimmed text and where it sits.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// The line without its terminator and surrounding whitespace.
    pub text: &'a str,
    /// Span of `text` in the article.
    pub span: Span,
}

/// Splits `text` into lines (LF or CRLF), trimming whitespace (including
/// no-break spaces) around each line.
pub fn split(text: &str) -> Vec<Line<'_>> {
    split_into(text, Vec::new())
}

/// [`split`] into `lines`, an empty vector whose allocation is reused.
pub fn split_into<'t>(text: &'t str, mut lines: Vec<Line<'t>>) -> Vec<Line<'t>> {
    // Not sized first: the parser keeps `lines` from one article to the
    // next (see `crate::spare`), so it rarely grows, and a count of the
    // line feeds would read the whole text once more.
    let bytes = text.as_bytes();
    let mut start = 0;
    // As `split_inclusive('\n')`, with memchr's vectorized search for the
    // line feeds (a line feed is one byte and never inside a character).
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
        // `trim_end_matches(['\n', '\r'])` by bytes: each is one byte and
        // never inside a character, so no character need be decoded.
        let mut cut = end;
        while cut > start && matches!(bytes[cut - 1], b'\n' | b'\r') {
            cut -= 1;
        }
        let (lead, trimmed) = trim_around(&text[start..cut]);
        let s = start + lead;
        lines.push(Line {
            text: trimmed,
            span: Span::new(s, s + trimmed.len()),
        });
        start = end;
        // Paragraphs are set apart by blank lines, nearly half of all
        // lines: a line feed right after a line feed is an empty line,
        // taken without a search or a trim.
        while bytes.get(start) == Some(&b'\n') {
            lines.push(Line {
                text: &text[start..start],
                span: Span::new(start, start),
            });
            start += 1;
        }
    }
    lines
}

/// `body` without the white space around it, and the length of the white
/// space before it. Most lines open and close with a printable ASCII
/// character, a whole character and no white space, or are empty, and are
/// their own trim: the two ends are tested as bytes before any character
/// is decoded.
fn trim_around(body: &str) -> (usize, &str) {
    let b = body.as_bytes();
    let plain = |end: Option<&u8>| end.is_none_or(u8::is_ascii_graphic);
    if plain(b.first()) && plain(b.last()) {
        return (0, body);
    }
    let unled = body.trim_start();
    (body.len() - unled.len(), unled.trim_end())
}

/// What a line is, judged from its own text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intrinsic {
    /// Site chrome: navigation, language switchers, share widgets, user names.
    Chrome,
    /// A label after which the article is over (`Related Articles`).
    EndMarker,
    /// A line that only gives the publication date.
    DateLine,
    /// `By …` / `Author: …`.
    Byline,
    /// `Image: …`, `Photo: …`: a photo credit.
    PhotoCredit,
    /// Editors' initials and agency credits closing a wire story
    /// (`rc/dj (AFP, dpa, Reuters, AP)`).
    SignOff,
}

/// Where the opening of a copyright notice,
/// `(?i)^(?:copyright\b|©|\(c\)\s).{0,150}$`, ends. The three openings
/// start with different characters and have a fixed length, so the
/// opening's end is fixed and the rest is checked by the caller. Read in
/// code ([`crate::caseless`]): a regex cost more to build than all its
/// searches.
fn copyright_opening(text: &str) -> Option<usize> {
    use crate::caseless::strip_prefix;
    // Each opening's first character: `c`, `©` (lead byte 0xC2) or `(`;
    // `c` folds to no character outside ASCII.
    if !matches!(text.as_bytes().first(), Some(b'c' | b'C' | 0xc2 | b'(')) {
        return None;
    }
    let end = |rest: &str| text.len() - rest.len();
    if let Some(rest) = strip_prefix(text, "copyright") {
        // `\b` after a letter: no word character follows.
        return (!crate::uclass::word_after(rest, 0)).then(|| end(rest));
    }
    if let Some(rest) = text.strip_prefix('©') {
        return Some(end(rest));
    }
    // Unicode `\s` is the `White_Space` property, as `is_whitespace`.
    let rest = strip_prefix(text, "(c)")?;
    let rest = rest.strip_prefix(char::is_whitespace)?;
    Some(end(rest))
}

/// Where `(?i)^.{0,150}\ball rights reserved\.?$` has its phrase: anchored
/// at the end, it can start at one place only; the characters before it
/// are counted by the caller. Read in code as [`copyright_opening`].
fn all_rights_start(text: &str) -> Option<usize> {
    let unstopped = text.strip_suffix('.').unwrap_or(text);
    let start = crate::caseless::suffix_start(unstopped, "all rights reserved")?;
    // `\b` before a letter: no word character comes before.
    (!crate::uclass::word_before(text, start)).then_some(start)
}

/// At most `max` characters, none a line feed: what `.{0,max}` matches.
fn dots_up_to(s: &str, max: usize) -> bool {
    !s.contains('\n') && s.chars().nth(max).is_none()
}

/// Whether `bytes` open with `word` in any ASCII case. Exact for a
/// case-insensitive regex only when no letter of `word` folds to a
/// character outside ASCII (only `k` and `s` do; see [`crate::caseless`]):
/// the gates below use it on the bytes before a pattern runs.
fn opens_with_ascii_folded(bytes: &[u8], word: &str) -> bool {
    bytes
        .get(..word.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(word.as_bytes()))
}

/// Whether `text` may have one of the chrome shapes ([`super::chrome`]):
/// the test runs on every line, and most lines are prose ending in
/// punctuation, which none of them ends with but a URL and the three open-ended phrases (`follow
/// us.*` after an optional `\d+\.\s*`, and two comment-form notices). All
/// other alternatives end with a letter, a digit or `\w` (which takes
/// `_`). Bytes outside ASCII are let through wherever they could be one of
/// those or a case variant of a phrase's letter (`ſ`, `K`).
fn may_be_chrome(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(&last) = bytes.last() else {
        return true;
    };
    if last.is_ascii_alphanumeric() || last == b'_' || !last.is_ascii() {
        return true;
    }
    if bytes.starts_with(b"http") || bytes.starts_with(b"www.") {
        return true;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let start = if digits > 0 && bytes.get(digits) == Some(&b'.') {
        let spaces = bytes[digits + 1..]
            .iter()
            .take_while(|&&b| crate::uclass::is_ascii_space(b))
            .count();
        digits + 1 + spaces
    } else {
        0
    };
    // The longest phrase has 40 characters.
    let head = &bytes[start..bytes.len().min(start + 40)];
    !head.is_ascii()
        || [
            "follow us",
            "your email address will not be published",
            "required fields are marked",
        ]
        .iter()
        .any(|p| opens_with_ascii_folded(head, p))
}

/// The first two letters, lower-cased, of every phrase that opens a
/// chrome shape ([`super::chrome`]) other than the language codes and the
/// glued section label (`chrome_may_open` tests those two by their shape),
/// and of the URL's `http` and `www.`.
const CHROME_OPENINGS: [[u8; 2]; 34] = [
    *b"sk", *b"ma", *b"me", *b"se", *b"ho", *b"lo", *b"si", *b"su", *b"re", *b"cl", *b"to", *b"ba",
    *b"ad", *b"sp", *b"pr", *b"em", *b"sh", *b"tw", *b"fo", *b"co", *b"li", *b"yo", *b"po", *b"vi",
    *b"up", *b"pu", *b"la", *b"ju", *b"ye", *b"ph", *b"im", *b"pi", *b"ht", *b"ww",
];

/// Whether `text` may have one of the chrome shapes ([`super::chrome`]),
/// judged by how it opens. Every pattern opens with a letter, a digit or a space (`\s`),
/// so most paragraphs opening with a quotation mark are passed over here.
/// After two ASCII letters: a phrase's opening ([`CHROME_OPENINGS`]), a
/// language code followed by a separator, or the glued section label
/// (`^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$`: a capital, a small letter,
/// and no space anywhere). Two letters whose case variants lie outside
/// ASCII (`ſ`, `K`) are let through with any other character outside
/// ASCII.
fn chrome_may_open(text: &str) -> bool {
    let bytes = text.as_bytes();
    let [a, b, ..] = *bytes else {
        return true;
    };
    if !a.is_ascii() {
        return text
            .chars()
            .next()
            .is_some_and(|c| crate::uclass::is_alphanumeric(c) || c.is_whitespace());
    }
    if !a.is_ascii_alphabetic() {
        return a.is_ascii_digit() || crate::uclass::is_ascii_space(a);
    }
    if may_open_with(text, &CHROME_OPENINGS) {
        return true;
    }
    let code_separator = || {
        text[2..]
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•'))
    };
    b.is_ascii_alphabetic() && code_separator()
        || a.is_ascii_uppercase() && b.is_ascii_lowercase() && memchr::memchr(b' ', bytes).is_none()
}

/// Site chrome judged from the line alone (see [`super::chrome`] and the
/// patterns after it).
fn is_chrome(text: &str) -> bool {
    // Two out of three lines leave here, on their first and last byte.
    let may = super::chrome::may_be(text);
    may != 0 && chrome_among(text, may)
}

/// [`is_chrome`] behind its gate: the tests in `may`. Kept out of line,
/// so that the gate that most lines leave at stays small in the cache.
#[inline(never)]
fn chrome_among(text: &str, may: u16) -> bool {
    use super::chrome::{self, ALL_RIGHTS, COPYRIGHT, RELATIVE_TIME};
    let shapes = may & !(RELATIVE_TIME | COPYRIGHT | ALL_RIGHTS);
    if shapes != 0
        && may_be_chrome(text)
        && chrome_may_open(text)
        && chrome::is_shape_among(text, shapes)
    {
        return true;
    }
    // The time stamp ends with `o` and the all-rights line with `d` or
    // `d.` (bits of `may`): `o` and `d` fold to no character outside ASCII.
    if may & RELATIVE_TIME != 0
        && crate::caseless::suffix_start(text, "ago").is_some()
        && chrome::is_relative_time(text)
    {
        return true;
    }
    if may & COPYRIGHT != 0
        && copyright_opening(text).is_some_and(|end| dots_up_to(&text[end..], 150))
    {
        return true;
    }
    may & ALL_RIGHTS != 0
        && all_rights_start(text).is_some_and(|start| dots_up_to(&text[..start], 150))
}

/// Whether `text` may be an end marker ([`super::chrome::is_end_marker`]):
/// each label ends with a letter or `\w`, before optional spaces and a
/// colon (`\s*:?$`). A byte outside ASCII may be a letter or a space.
fn may_end_marker(text: &str) -> bool {
    let ends = text.as_bytes().last().is_some_and(|&b| {
        b.is_ascii_alphanumeric()
            || matches!(b, b':' | b'_' | 0x0b)
            || b.is_ascii_whitespace()
            || !b.is_ascii()
    });
    ends && may_open_with(text, &END_MARKER_OPENINGS)
}

/// The first two letters, lower-cased, of every end marker.
const END_MARKER_OPENINGS: [[u8; 2]; 11] = [
    *b"re", *b"mo", *b"yo", *b"la", *b"tr", *b"le", *b"wh", *b"se", *b"al", *b"ed", *b"to",
];

/// Whether `text` may open, under `(?i)`, with a word whose first two
/// letters, lower-cased, are one of `pairs`: when its first two bytes are
/// ASCII, they are one of them in some case; otherwise it is let through
/// (`ſ` and `K` fold to `s` and `k`).
fn may_open_with(text: &str, pairs: &[[u8; 2]]) -> bool {
    match *text.as_bytes() {
        [a, b, ..] if a.is_ascii() && b.is_ascii() => {
            pairs.contains(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        }
        _ => true,
    }
}

/// A sign-off line,
/// `^(?P<initials>[a-z]{1,4}(?:/[a-z]{1,4})+)(?:\s*\((?P<credits>[^()]{1,120})\))?\s*$`:
/// `Some` of its credits (`None` without the parentheses) when `text` is
/// one. Read in code, as the other rarely used line patterns here: few
/// lines get past the opening's test, and the pattern cost more to build
/// than all their searches. Every part has one way to match: a run of
/// initials ends where the letters do (a fifth letter, or a `/` with no
/// letter after it, leaves text that nothing after the initials can
/// take), and the credits run to the first parenthesis, which must be
/// `)`. They cannot hold a parenthesis, so with more than 120 characters
/// no shorter credits could match either, and the line is no sign-off.
///
/// Every line is asked ([`intrinsic`]) and nearly all open otherwise: the
/// opening's test is inlined into the caller, the reading is not.
#[inline]
fn read_sign_off(text: &str) -> Option<Option<&str>> {
    if !text.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    sign_off_search(text)
}

#[inline(never)]
fn sign_off_search(text: &str) -> Option<Option<&str>> {
    let bytes = text.as_bytes();
    let mut end = 0;
    let mut runs = 0;
    loop {
        let run = bytes[end..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if !(1..=4).contains(&run) {
            return None;
        }
        end += run;
        runs += 1;
        if bytes.get(end) != Some(&b'/') {
            break;
        }
        end += 1;
    }
    if runs < 2 {
        return None;
    }
    // Unicode `\s` is the `White_Space` property, as `is_whitespace`.
    let rest = text[end..].trim_start_matches(char::is_whitespace);
    if rest.is_empty() {
        return Some(None);
    }
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(['(', ')']).filter(|&at| at > 0)?;
    let after = inner[close..].strip_prefix(')')?;
    let credits = &inner[..close];
    (after.trim_start_matches(char::is_whitespace).is_empty() && credits.chars().count() <= 120)
        .then_some(Some(credits))
}

/// The labels a date line may open with, in the order the written pattern
/// tried them (see [`date_label_end`]).
const DATE_LABELS: [&str; 8] = [
    "date",
    "dated",
    "published",
    "posted",
    "updated",
    "last updated",
    "first published",
    "created",
];

/// Where the label of a date line ends (0 without one): the match of
/// `(?i)^(?:date|dated|published|posted|updated|last updated|first
/// published|created)(?: on| at)?\s*:?\s*`, read in code as
/// [`read_sign_off`]. All that follows the label may match nothing, so
/// the first label the line opens with is the match's (`date` before
/// `dated`: `Dated: …` ends its label after `Date`), and each later part
/// takes all it can.
fn date_label_end(text: &str) -> usize {
    use crate::caseless::strip_prefix;
    let Some(rest) = DATE_LABELS.iter().find_map(|w| strip_prefix(text, w)) else {
        return 0;
    };
    let rest = [" on", " at"]
        .iter()
        .find_map(|w| strip_prefix(rest, w))
        .unwrap_or(rest);
    let rest = rest.trim_start_matches(char::is_whitespace);
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    text.len() - rest.trim_start_matches(char::is_whitespace).len()
}

/// A single lower-case word alone on a line: a CMS user name ("administrator",
/// "admin", "editor") printed under the article: `^[a-z][a-z0-9_.-]{2,30}$`,
/// whose classes are ASCII, read in code.
fn is_lone_lower_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    (3..=31).contains(&bytes.len())
        && bytes[0].is_ascii_lowercase()
        && bytes[1..].iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'-')
        })
}

/// `With reporting by AFP and Reuters`: the agencies that contributed,
/// `^\(?(?i:with\s+(?:additional\s+)?reporting\s+(?:by|from))\s+(?P<credits>[^()]{1,120}?)\)?\.?$`,
/// read in code as [`read_sign_off`]. The opening's test is inlined
/// there too.
#[inline]
fn read_with_reporting(text: &str) -> Option<&str> {
    // `w`, `i`, `t` and `h` fold to no character outside ASCII.
    let unbracketed = text.strip_prefix('(').unwrap_or(text).as_bytes();
    if !opens_with_ascii_folded(unbracketed, "with") {
        return None;
    }
    with_reporting_search(text)
}

/// The credits of [`read_with_reporting`]. Up to the spaces before
/// them each part has one way to match (each word opens with a letter that
/// no space is). The spaces are greedy and the credits lazy: they start
/// after as many spaces as allow a match (credits of only spaces when
/// nothing but spaces, brackets and a stop is left), and take the
/// shortest run without a parenthesis that the line's optional `)` and
/// `.` can end. The bound only turns away credits that shorter ones
/// cannot replace: they all start at the same place and hold no
/// parenthesis, so longer ones are no match either.
#[inline(never)]
fn with_reporting_search(text: &str) -> Option<&str> {
    use crate::caseless::strip_prefix;
    // `\s+`: at least one space.
    fn spaced(t: &str) -> Option<&str> {
        let rest = t.trim_start_matches(char::is_whitespace);
        (rest.len() < t.len()).then_some(rest)
    }
    let t = text.strip_prefix('(').unwrap_or(text);
    let t = spaced(strip_prefix(t, "with")?)?;
    let t = strip_prefix(t, "additional").and_then(spaced).unwrap_or(t);
    let t = spaced(strip_prefix(t, "reporting")?)?;
    let t = strip_prefix(t, "by").or_else(|| strip_prefix(t, "from"))?;
    let spaces = t.len() - t.trim_start_matches(char::is_whitespace).len();
    // Where the credits may start, after the most spaces first.
    let mut starts = t[..spaces].char_indices().map(|(at, c)| at + c.len_utf8());
    let credits =
        std::iter::from_fn(|| starts.next_back()).find_map(|at| lazy_credits(&t[at..]))?;
    (credits.chars().count() <= 120).then_some(credits)
}

/// The shortest credits that open `s` and that `\)?\.?$` can follow: at
/// least one character, none a parenthesis.
fn lazy_credits(s: &str) -> Option<&str> {
    let n = s.len();
    let ends = [
        s.ends_with(").").then(|| n - 2),
        s.ends_with([')', '.']).then(|| n - 1),
        Some(n),
    ];
    // A longer run holds the shorter one's parenthesis too.
    let end = ends.into_iter().flatten().find(|&end| end > 0)?;
    let credits = &s[..end];
    (!credits.contains(['(', ')'])).then_some(credits)
}

/// `Jane Roe in Lisbon contributed to this report.`: a closing credit,
/// `(?i)^.{3,160}\bcontributed(?: reporting)?(?: to)?(?: this| the)?
/// (?:report|story|article)(?:ing)?\.?$` (one space before the noun), read
/// in code: few lines get this far, and the pattern cost more to build
/// than all their searches. The part after `.{3,160}` is anchored at the
/// end and holds `contributed` only at its start, so a match starts at
/// the first `contributed` that has a word boundary before it and after
/// which the line can end; the 3 to 160 characters before it are counted.
fn is_contributed(text: &str) -> bool {
    // A cheap necessary condition first: the pattern's last word before an
    // optional stop at the end of the line.
    let unstopped = text.strip_suffix('.').unwrap_or(text);
    // Their last letters, none of which folds to a character outside
    // ASCII: one byte rules out most lines.
    let last = unstopped
        .as_bytes()
        .last()
        .map_or(0, u8::to_ascii_lowercase);
    // The last letters differ: only the word ending with it may end the line.
    let word = match last {
        b't' => "report",
        b'y' => "story",
        b'e' => "article",
        b'g' => "ing",
        _ => return false,
    };
    if crate::caseless::suffix_start(unstopped, word).is_none() {
        return false;
    }
    // Nor does any letter of `contributed` fold to a character outside
    // ASCII: the word is in the line in ASCII letters.
    const CONTRIBUTED: &[u8] = b"contributed";
    // The close after the match's `contributed` is at most
    // `LONGEST_CLOSE` characters, so an earlier `contributed` cannot end
    // the line: only the line's last bytes are searched, not all of a
    // paragraph that happens to end in `story`.
    let from = text
        .len()
        .saturating_sub(CONTRIBUTED.len() + 4 * LONGEST_CLOSE);
    let start = text.as_bytes()[from..]
        .windows(CONTRIBUTED.len())
        .enumerate()
        .filter(|(_, w)| w.eq_ignore_ascii_case(CONTRIBUTED))
        .map(|(at, _)| from + at)
        .find(|&at| {
            !crate::uclass::word_before(text, at)
                && closes_contribution(&text[at + CONTRIBUTED.len()..])
        });
    start.is_some_and(|at| {
        let before = &text[..at];
        !before.contains('\n') && (3..=160).contains(&before.chars().count())
    })
}

/// The most characters [`closes_contribution`] accepts:
/// ` reporting to this articleing.`
const LONGEST_CLOSE: usize = 30;

/// Whether `rest` is all of `(?i)(?: reporting)?(?: to)?(?: this| the)?
/// (?:report|story|article)(?:ing)?\.?$`, each optional part tried with and
/// without, as the regex backtracks (` reporting` may be the noun's
/// ` report` and `ing`).
fn closes_contribution(rest: &str) -> bool {
    use crate::caseless::strip_prefix;
    /// `t` after each of `words` it opens with, then `t` itself.
    fn maybe<'t>(t: &'t str, words: &'static [&'static str]) -> impl Iterator<Item = &'t str> {
        words
            .iter()
            .filter_map(move |w| strip_prefix(t, w))
            .chain(Some(t))
    }
    maybe(rest, &[" reporting"])
        .flat_map(|t| maybe(t, &[" to"]))
        .flat_map(|t| maybe(t, &[" this", " the"]))
        .filter_map(|t| strip_prefix(t, " "))
        .flat_map(|t| {
            ["report", "story", "article"]
                .iter()
                .filter_map(move |n| strip_prefix(t, n))
        })
        .flat_map(|t| maybe(t, &["ing"]))
        .any(|t| t.is_empty() || t == ".")
}

/// Classifies a non-empty trimmed line from its own text.
pub fn intrinsic(text: &str) -> Option<Intrinsic> {
    if read_sign_off(text).is_some() || read_with_reporting(text).is_some() || is_contributed(text)
    {
        return Some(Intrinsic::SignOff);
    }
    if may_end_marker(text) && super::chrome::is_end_marker(text) {
        return Some(Intrinsic::EndMarker);
    }
    if is_date_line(text) {
        return Some(Intrinsic::DateLine);
    }
    if is_chrome(text) || is_lone_lower_word(text) {
        return Some(Intrinsic::Chrome);
    }
    if byline(text).is_some() {
        return Some(Intrinsic::Byline);
    }
    if photo_credit(text).is_some() {
        return Some(Intrinsic::PhotoCredit);
    }
    None
}

/// A line that only states a date (optionally labelled, optionally followed
/// by a time or a short navigation remnant): `date 2022-11-29`,
/// `March 06, 2008`, `Published: 29 Nov. 2022, 10:31`.
pub fn is_date_line(text: &str) -> bool {
    date_line_date(text).is_some()
}

/// The date written on a date line, if `text` is one.
///
/// Every line is asked ([`intrinsic`]): the tests that pass over nearly
/// all of them (the length, and a label or a date's opening, one of which
/// the full reading needs) are inlined into the caller.
#[inline]
pub fn date_line_date(text: &str) -> Option<super::date::WrittenDate> {
    if text.len() > 120 || !(may_open_with_label(text) || opens_like_date(text)) {
        return None;
    }
    date_line_read(text)
}

#[inline(never)]
fn date_line_read(text: &str) -> Option<super::date::WrittenDate> {
    // Every date form holds a digit (see `find_date`): most short lines
    // (headlines, captions) have none and need no regex. Without a label
    // the opening is tested first, which reads one or two characters.
    let numeric = || text.chars().any(crate::uclass::is_numeric);
    let label = if may_open_with_label(text) {
        if !numeric() {
            return None;
        }
        date_label_end(text)
    } else {
        0
    };
    let rest = &text[label..];
    if !opens_like_date(rest) || label == 0 && !numeric() {
        return None;
    }
    let (wd, range) = super::date::find_date(rest)?;
    // The date must open the line (after the label), and what follows must
    // not read as a sentence.
    let before = rest[..range.start].trim_matches(|c: char| c.is_whitespace() || c == ',');
    // `16:45, 29 November 2022`: a clock time may come first.
    if !before.is_empty() && !is_leading_time(before) {
        return None;
    }
    wd.year?;
    let mut tail = rest[range.end..].trim();
    // `4:05 PM GMT+1 Updated 3 hours ago`: a time and an update note.
    if let Some(end) = time_tail_end(tail) {
        tail = tail[end..].trim();
    }
    if updated_end(tail).is_some_and(|end| dots_up_to(&tail[end..], 40)) {
        tail = "";
    }
    let tail_words = tail.split_whitespace().count();
    let sentence_like = tail_words > 6 || tail.ends_with('.') && tail_words > 3;
    (!sentence_like).then_some(wd)
}

/// Whether `text` may open with a date label ([`DATE_LABELS`]): each label's first
/// letter, none of which folds to a character outside ASCII.
fn may_open_with_label(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|b| b"cdflpu".contains(&b.to_ascii_lowercase()))
}

/// The first three letters of every weekday and month name that
/// `date::WEEKDAY` and `date::MONTH` accept.
const NAME_OPENINGS: [&str; 19] = [
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Whether `rest` may open with a date or with a clock time before one, as
/// a date line must (after spaces and commas): every date form opens with
/// a digit or a weekday or month name, and a clock time with a digit. Most
/// short lines with a digit (headlines, captions) open otherwise, and the
/// search for a date anywhere in them is passed over.
fn opens_like_date(rest: &str) -> bool {
    let s = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    // The openings' first letters go before the list.
    let named = || {
        matches!(
            s.as_bytes().first(),
            Some(b'M' | b'T' | b'W' | b'F' | b'S' | b'J' | b'A' | b'O' | b'N' | b'D')
        ) && s.get(..3).is_some_and(|p| NAME_OPENINGS.contains(&p))
    };
    s.starts_with(char::is_numeric) || named()
}

/// The patterns of a clock time and an update note after a date and of a
/// clock time before one, read in code by `time_tail_end`,
/// `is_leading_time` and `updated_end` (building them cost more than
/// all their searches); kept as their tests' oracles.
#[cfg(test)]
const TIME_TAIL: &str = r"^[,|·•–-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s*\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)\)?)?";
#[cfg(test)]
const LEADING_TIME: &str = r"^\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z]{2,5})?$";
#[cfg(test)]
const UPDATED: &str = r"^[,|·•–-]?\s*(?i:(?:last\s+)?updated|modified)\b";

/// `s` after the separator that may open a note after a date
/// (`[,|·•–-]?`). Each pattern that opens with it goes on with a space, a
/// letter or a digit, none of which a separator is, so taking it when it
/// is there is the only way on.
fn after_separator(s: &str) -> &str {
    s.strip_prefix([',', '|', '·', '•', '–', '-']).unwrap_or(s)
}

/// `\d{1,2}[:.]\d{2}` at the start of `s` (Unicode `\d`): what follows.
/// The hour's run must end at the `:` or `.`, so it is taken whole.
fn after_clock(s: &str) -> Option<&str> {
    let rest = super::date::after_digits(s, 1, 2)?;
    let rest = rest.strip_prefix([':', '.'])?;
    super::date::after_digits(rest, 2, 2)
}

/// `\s*(?i:[ap]\.?m\.?)` at the start of `s`: what follows. (None of the
/// three letters folds to a character outside ASCII.)
fn after_am_pm(s: &str) -> Option<&str> {
    let rest = crate::uclass::spaces(s).strip_prefix(['a', 'A', 'p', 'P'])?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(['m', 'M'])?;
    Some(rest.strip_prefix('.').unwrap_or(rest))
}

/// `s` after its opening run of at most five ASCII capitals, when it has
/// at least two (`[A-Z]{2,5}`).
fn after_capitals(s: &str) -> Option<&str> {
    let n = s.bytes().take(5).take_while(u8::is_ascii_uppercase).count();
    (n >= 2).then(|| &s[n..])
}

/// The time zone after a clock time,
/// `\s*\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)\)?`
fn after_zone(s: &str) -> Option<&str> {
    let t = crate::uclass::spaces(s);
    let t = after_capitals(t.strip_prefix('(').unwrap_or(t))?;
    let t = t
        .strip_prefix(['+', '-'])
        .and_then(|o| super::date::after_digits(o, 1, 2))
        .map_or(t, |o| {
            super::date::after_digits(o.strip_prefix(':').unwrap_or(o), 2, 2).unwrap_or(o)
        });
    Some(t.strip_prefix(')').unwrap_or(t))
}

/// Where the match of `TIME_TAIL` at the start of `s` ends: a clock time
/// after a date (`, 4:05 PM (GMT+1)`). Nothing follows its optional parts,
/// so each is taken whenever it matches: the first way through in the
/// regex's order.
fn time_tail_end(s: &str) -> Option<usize> {
    let rest = crate::uclass::spaces(after_separator(s));
    let rest = rest
        .strip_prefix("at")
        .and_then(crate::uclass::spaced)
        .unwrap_or(rest);
    let rest = after_clock(rest)?;
    let rest = after_am_pm(rest).unwrap_or(rest);
    let rest = after_zone(rest).unwrap_or(rest);
    Some(s.len() - rest.len())
}

/// Whether `s` is a clock time alone (`LEADING_TIME`), as written
/// before a date (`16:45`, `4:05 pm`, `9.30 CET`).
fn is_leading_time(s: &str) -> bool {
    // `(?:\s+[A-Z]{2,5})?$`
    let zone_ends =
        |t: &str| t.is_empty() || crate::uclass::spaced(t).and_then(after_capitals) == Some("");
    // The am/pm part has one way through, but a zone may read it too
    // (`4:05 PM`): both ways are tried, as the regex does.
    after_clock(s).is_some_and(|rest| after_am_pm(rest).is_some_and(zone_ends) || zone_ends(rest))
}

/// Where the match of `UPDATED` at the start of `s` ends: an update
/// note's opening word (`Updated`, `last updated`, `Modified`) after a
/// date, followed by no word character.
fn updated_end(s: &str) -> Option<usize> {
    use crate::caseless::strip_prefix;
    let rest = crate::uclass::spaces(after_separator(s));
    let word_ends = |r: &&str| !crate::uclass::word_after(r, 0);
    let rest = strip_prefix(rest, "last")
        .and_then(crate::uclass::spaced)
        .and_then(|r| strip_prefix(r, "updated"))
        .filter(word_ends)
        .or_else(|| strip_prefix(rest, "updated").filter(word_ends))
        .or_else(|| strip_prefix(rest, "modified").filter(word_ends))?;
    Some(s.len() - rest.len())
}

/// The words of a name in a closing `Follow Jane Doe on Twitter` or a
/// wire sign-off's `Reporting by Jane Doe`,
/// `\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){1,3}` (`\s` takes the
/// no-break space already): what is left of `s` after the first word and
/// one, two and three more, as many as there are (the count is the
/// second). Read in code, as the other line patterns here: their
/// patterns cost more to build than all their searches. No word can end
/// short: a space follows each, and the letters, `.`, `'`, `’` and `-`
/// of its tail are no space, so the greedy tail takes the whole run.
fn name_rests(s: &str) -> ([&str; 3], usize) {
    fn word(s: &str) -> Option<&str> {
        let tail = s.strip_prefix(crate::uclass::is_upper)?;
        Some(tail.trim_start_matches(|c| {
            crate::uclass::is_letter(c) || matches!(c, '.' | '\'' | '’' | '-')
        }))
    }
    let mut rests = [""; 3];
    let mut n = 0;
    let mut rest = match word(s) {
        Some(rest) => rest,
        None => return (rests, 0),
    };
    while n < 3 {
        let Some(more) = rest.strip_prefix(char::is_whitespace).and_then(word) else {
            break;
        };
        rests[n] = more;
        rest = more;
        n += 1;
    }
    (rests, n)
}

/// The name (`who`) of a closing line,
/// `^["“]?Follow (?P<who>NAME)[\s\u{a0}]+(?i:on)[\s\u{a0}]+(?:Twitter|X|Instagram|Facebook|Threads|Bluesky)\b`
/// with the name of [`name_rests`]. Its `{1,3}` more words are tried from
/// the most down, as the greedy repetition backs off: `On` may be a word
/// of the name or the `on` after it. Only `o` and `n` are under `(?i)`,
/// and neither folds to a character outside ASCII.
fn follow_on(text: &str) -> Option<&str> {
    let name = text
        .strip_prefix(['"', '“'])
        .unwrap_or(text)
        .strip_prefix("Follow ")?;
    fn on_platform(rest: &str) -> bool {
        let Some(rest) = crate::uclass::spaced(rest) else {
            return false;
        };
        if !rest
            .as_bytes()
            .get(..2)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"on"))
        {
            return false;
        }
        // The platforms open differently: at most one can match.
        crate::uclass::spaced(&rest[2..]).is_some_and(|rest| {
            [
                "Twitter",
                "X",
                "Instagram",
                "Facebook",
                "Threads",
                "Bluesky",
            ]
            .iter()
            .any(|p| rest.starts_with(p) && !crate::uclass::word_after(rest, p.len()))
        })
    }
    let (rests, n) = name_rests(name);
    let rest = rests[..n].iter().rev().find(|r| on_platform(r))?;
    Some(&name[..name.len() - rest.len()])
}

/// The name (`who`) of a wire sign-off naming the reporter,
/// `^\(?(?:Reporting|Writing|Reported) by (?P<who>NAME)` with the name of
/// [`name_rests`] (`(Reporting by Jane Doe in Paris; Editing by John
/// Roe)`, with or without the bracket). Nothing follows the name, so it
/// takes as many more words as there are, up to three.
fn reporting_by(text: &str) -> Option<&str> {
    let unbracketed = text.strip_prefix('(').unwrap_or(text);
    let name = ["Reporting by ", "Writing by ", "Reported by "]
        .iter()
        .find_map(|p| unbracketed.strip_prefix(p))?;
    let (rests, n) = name_rests(name);
    let rest = rests[..n].last()?;
    Some(&name[..name.len() - rest.len()])
}

/// Whether `text` is a wire sign-off naming reporters and editors
/// (`Reporting by …; Editing by …`), which closes the article.
pub fn is_reporting_sign_off(text: &str) -> bool {
    text.len() <= 160 && reporting_by(text).is_some()
}

/// The name (`who`) of a byline line,
/// `^(?:[Bb][Yy]|[Ww]ritten by|[Aa]uthor|[Rr]eporter|[Rr]eporting by)\s*:?\s+(?P<who>\S.*)$`.
/// The openings differ by their first letters or, for `Reporter` and
/// `Reporting by`, their seventh, so at most one can match. After it, the
/// regex first takes every space and a colon, and then needs spaces and
/// the name; failing that, it gives spaces back before the colon, so that
/// the name is what follows the first spaces, the colon included. The
/// name runs to the end and holds no line feed (`.` takes none).
fn byline_who(text: &str) -> Option<&str> {
    let rest = match text.as_bytes() {
        [b'B' | b'b', b'Y' | b'y', ..] => &text[2..],
        [b'W' | b'w', ..] => text[1..].strip_prefix("ritten by")?,
        [b'A' | b'a', ..] => text[1..].strip_prefix("uthor")?,
        [b'R' | b'r', ..] => {
            let eport = text[1..].strip_prefix("eport")?;
            eport
                .strip_prefix("er")
                .or_else(|| eport.strip_prefix("ing by"))?
        }
        _ => return None,
    };
    fn name(who: &str) -> Option<&str> {
        (!who.is_empty() && !who.contains('\n')).then_some(who)
    }
    let spaced = crate::uclass::spaces(rest);
    if let Some(who) = spaced
        .strip_prefix(':')
        .and_then(crate::uclass::spaced)
        .and_then(name)
    {
        return Some(who);
    }
    if spaced.len() == rest.len() {
        return None;
    }
    name(spaced)
}

/// Whether `text` may open with a word of [`CREDIT_WORDS`]. Of their
/// letters only the `s` of `source` folds to a character outside ASCII
/// (`ſ`), which opens the word: text opening with a byte outside
/// ASCII is let through.
fn may_be_photo_credit(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    !first.is_ascii()
        || matches!(
            first.to_ascii_lowercase(),
            b'i' | b'p' | b'c' | b's' | b'f' | b'v'
        ) && ["image", "photo", "pic", "credit", "source", "foto", "video"]
            .iter()
            .any(|w| opens_with_ascii_folded(bytes, w))
}

/// The person named by a byline line (`By Jane Doe`, `Author: Jane Doe`,
/// or the closing `Follow Jane Doe on Twitter @handle`).
///
/// Every line of the parse is asked ([`intrinsic`]): the test that passes
/// over most of them is inlined into the caller.
#[inline]
pub fn byline(text: &str) -> Option<&str> {
    // The first bytes of the openings tested below (`“` opens with 0xE2):
    // one test passes over most lines.
    if text.len() > 160
        || !matches!(
            text.as_bytes().first(),
            Some(b'"' | 0xe2 | b'F' | b'(' | b'R' | b'W' | b'B' | b'b' | b'w' | b'A' | b'a' | b'r')
        )
    {
        return None;
    }
    byline_read(text)
}

#[inline(never)]
fn byline_read(text: &str) -> Option<&str> {
    if let Some(who) = follow_on(text).or_else(|| reporting_by(text)) {
        return Some(who);
    }
    if text.len() > 120 {
        return None;
    }
    let who = byline_who(text)?.trim();
    // "By the way, …" is prose: a byline names someone in capitals.
    let first = who.chars().next()?;
    if !first.is_uppercase()
        || who.split_whitespace().count() > 12
        || who.ends_with('.') && who.len() > 60
    {
        return None;
    }
    Some(who)
}

/// The credited party of a photo credit line (`Image: Jane Roe/Outlet`).
/// Its tests of the length and the opening are inlined, as in [`byline`].
#[inline]
pub fn photo_credit(text: &str) -> Option<&str> {
    if text.len() > 150 || !may_be_photo_credit(text) {
        return None;
    }
    photo_credit_read(text)
}

#[inline(never)]
fn photo_credit_read(text: &str) -> Option<&str> {
    let who = credited(text)?.trim();
    who.chars().next().filter(|c| c.is_uppercase())?;
    Some(who)
}

/// The words that open a photo credit, in the order the written pattern
/// tried them (see [`credited`]).
const CREDIT_WORDS: [&str; 11] = [
    "image",
    "photo",
    "photograph",
    "picture",
    "pic",
    "credit",
    "photo credit",
    "image credit",
    "source",
    "foto",
    "video",
];

/// What a photo credit line credits,
/// `^(?i:image|photo|photograph|picture|pic|credit|photo credit|image
/// credit|source|foto|video)\s*(?::|by)\s*(?P<who>\S.*)$` (the `who`),
/// read in code as [`read_sign_off`]. Each word but one is followed by
/// a letter where a longer word goes on from it, and the one space where
/// `photo credit` and `image credit` go on from `photo` and `image` is
/// followed by a `c`: after at most one word can `:` or `by` come, and the
/// rest has one way to match.
fn credited(text: &str) -> Option<&str> {
    CREDIT_WORDS.iter().find_map(|w| {
        let rest = crate::caseless::strip_prefix(text, w)?.trim_start_matches(char::is_whitespace);
        // `by` is outside the case-insensitive group.
        let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix("by"))?;
        let who = rest.trim_start_matches(char::is_whitespace);
        // `\S` opens it (no space is left), and `.` takes no line feed.
        (!who.is_empty() && !who.contains('\n')).then_some(who)
    })
}

/// The agencies listed in a sign-off line's parentheses, or after `With
/// reporting by`.
pub fn sign_off_credits(text: &str) -> Vec<String> {
    read_sign_off(text)
        .unwrap_or_else(|| read_with_reporting(text))
        .map(split_list)
        .unwrap_or_default()
}

/// Splits a credit list on commas, semicolons and "and".
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_crlf_and_trims() {
        let lines = split("a\r\n  b c \n\nd");
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b c", "", "d"]);
        assert_eq!(lines[1].span, Span::new(5, 8));
    }

    /// Runs of blank lines, at the start, inside and at the end, each an
    /// empty line where its line feed is, whatever the line before it.
    #[test]
    fn blank_lines_in_a_row() {
        for text in [
            "\n\nab\n\n\ncd\n\n",
            "ab\r\n\n\n cd \n\r\n\n",
            "\n",
            "a\n\n",
        ] {
            let got: Vec<(String, Span)> = split(text)
                .iter()
                .map(|l| (l.text.to_string(), l.span))
                .collect();
            assert_eq!(got, split_oracle(text), "{text:?}");
        }
        let spans: Vec<Span> = split("\n\nab\n\n").iter().map(|l| l.span).collect();
        assert_eq!(
            spans,
            [(0, 0), (1, 1), (2, 4), (5, 5)].map(|(a, b)| Span::new(a, b))
        );
    }

    /// The lines as `split_inclusive('\n')` cuts them, the splitter before
    /// the memchr search.
    fn split_oracle(text: &str) -> Vec<(String, Span)> {
        let mut lines = Vec::new();
        let mut start = 0;
        for raw in text.split_inclusive('\n') {
            let body = raw.trim_end_matches(['\n', '\r']);
            let unled = body.trim_start();
            let trimmed = unled.trim_end();
            let s = start + body.len() - unled.len();
            lines.push((trimmed.to_string(), Span::new(s, s + trimmed.len())));
            start += raw.len();
        }
        lines
    }

    proptest::proptest! {
        #[test]
        fn splits_as_split_inclusive(
            text in "[a. \t\u{b}\u{c}\r\n\u{7f}\u{85}\u{a0}\u{2003}é]{0,20}"
        ) {
            let got: Vec<(String, Span)> =
                split(&text).iter().map(|l| (l.text.to_string(), l.span)).collect();
            proptest::prop_assert_eq!(got, split_oracle(&text));
        }
    }

    #[test]
    fn recognises_chrome_shapes() {
        for line in [
            "en fr de",
            "EN | DE",
            "1. Skip to content",
            "Back to top button",
            "17 minutes ago",
            "Politics1 hour ago",
            "https://example.org/p/4KD8i",
            "EconomyEurope",
            "webmaster",
            "Your email address will not be published. Required fields are marked *",
        ] {
            assert_eq!(intrinsic(line), Some(Intrinsic::Chrome), "{line}");
        }
        for line in [
            "The minister said so.",
            "Long range weapons",
            "Trade-Policy Council",
        ] {
            assert_eq!(intrinsic(line), None, "{line}");
        }
    }

    #[test]
    fn recognises_date_lines() {
        assert!(is_date_line("date 2022-11-29   1. Skip to content"));
        assert!(is_date_line("March 06, 2008"));
        assert!(is_date_line("Published: 29 Nov. 2022, 10:31 GMT"));
        assert!(!is_date_line(
            "November 29, 2022 was the day the ministers met in the capital."
        ));
        assert!(!is_date_line("Nov 29"));
        assert!(is_date_line("14.03.2024 11:20"));
        assert!(is_date_line("16:45, 29 November 2022"));
        assert!(is_date_line(
            "March 14, 2024 4:05 PM GMT+1 Updated 3 hours ago"
        ));
        assert!(!is_date_line("14.13.2024 was no date"));
    }

    #[test]
    fn with_reporting_lines_credit_agencies() {
        let line = "With reporting by AFP and Reuters";
        assert_eq!(intrinsic(line), Some(Intrinsic::SignOff));
        assert_eq!(sign_off_credits(line), ["AFP", "Reuters"]);
        assert!(is_reporting_sign_off(
            "Reporting by Jane Doe; Editing by John Roe"
        ));
    }

    #[test]
    fn recognises_bylines_credits_and_sign_offs() {
        assert_eq!(byline("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(byline("Author: Jane Doe"), Some("Jane Doe"));
        assert_eq!(byline("By the way, this is prose"), None);
        assert_eq!(
            byline("Follow Jane Doe on Twitter @jdoe."),
            Some("Jane Doe")
        );
        assert_eq!(
            byline("(Reporting by Jane Doe in Paris; Editing by John Roe)"),
            Some("Jane Doe")
        );
        assert_eq!(
            photo_credit("Image: Jane Roe/Outlet"),
            Some("Jane Roe/Outlet")
        );
        assert_eq!(
            sign_off_credits("ab/cd (AFP, dpa, Reuters, AP)"),
            ["AFP", "dpa", "Reuters", "AP"]
        );
        assert_eq!(intrinsic("Related Articles"), Some(Intrinsic::EndMarker));
        assert_eq!(intrinsic("Leave a Reply"), Some(Intrinsic::EndMarker));
    }
}

/// The rewritten patterns against the patterns as first written: the same
/// lines must match, with the same captures.
#[cfg(test)]
mod rewrites {
    use super::*;
    use proptest::prelude::*;
    use regex::{Regex, RegexSet};
    use std::sync::LazyLock;

    /// The chrome shapes read in code, as one set.
    static SHAPES: LazyLock<RegexSet> =
        LazyLock::new(|| RegexSet::new(crate::parse::chrome::PATTERNS).unwrap());

    fn re(p: &str) -> Regex {
        Regex::new(p).unwrap()
    }

    struct Written {
        chrome: RegexSet,
        sign_off: Regex,
        with_reporting: Regex,
        contributed: Regex,
        updated: Regex,
        lone_lower: Regex,
        photo_credit: Regex,
        date_label: Regex,
        follow_on: Regex,
        reporting_by: Regex,
        byline: Regex,
    }

    static WRITTEN: LazyLock<Written> = LazyLock::new(|| {
        Written {
        chrome: RegexSet::new([
            r"^(?i:[a-z]{2})(?:(?:\s*[|/·•]\s*|\s+)(?i:[a-z]{2})){1,8}$",
            r"(?i)^(?:\d+\.\s*)?(?:skip to (?:main )?content|skip navigation|main menu|menu|search|home|log ?in|sign ?in|sign up|subscribe(?: now)?|register|close|toggle navigation|back to top(?: button)?|top of page|advertisement|sponsored(?: content)?|print|email|share(?: this(?: article| story)?)?|share on \w+|tweet|follow us.*|copy link|listen to (?:this )?article|print this (?:page|article))$",
            r"(?i)^(?:your email address will not be published.*|required fields are marked.*|\d+ comments?|comments?|add (?:a )?comment|post a comment|view comments|show comments)$",
            r"(?i)^[\p{L} ]{0,30}\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$",
            r"(?i)^(?:updated|posted|published|last updated)?\s*(?:just now|yesterday|today)$",
            r"^(?:https?://|www\.)\S+$",
            r"^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$",
            r"(?i)^\d+\s+min(?:ute)?s?\s+read$",
            r"(?i)^(?:photo|image|picture)?\s*\d+\s*(?:of|/)\s*\d+$",
            r"(?i)^(?:copyright\b|©|\(c\)\s).{0,150}$",
            r"(?i)^.{0,150}\ball rights reserved\.?$",
        ])
        .unwrap(),
        sign_off: re(
            r"^(?P<initials>[a-z]{1,4}(?:/[a-z]{1,4})+)(?:\s*\((?P<credits>[^()]{1,120})\))?\s*$",
        ),
        with_reporting: re(
            r"^\(?(?i:with\s+(?:additional\s+)?reporting\s+(?:by|from))\s+(?P<credits>[^()]{1,120}?)\)?\.?$",
        ),
        contributed: re(
            r"(?i)^.{3,160}\bcontributed(?: reporting)?(?: to)?(?: this| the)? (?:report|story|article)(?:ing)?\.?$",
        ),
        updated: re(&format!("{UPDATED}.{{0,40}}$")),
        lone_lower: re(r"^[a-z][a-z0-9_.-]{2,30}$"),
        photo_credit: re(
            r"^(?i:image|photo|photograph|picture|pic|credit|photo credit|image credit|source|foto|video)\s*(?::|by)\s*(?P<who>\S.*)$",
        ),
        date_label: re(
            r"(?i)^(?:date|dated|published|posted|updated|last updated|first published|created)(?: on| at)?\s*:?\s*",
        ),
        follow_on: re(
            r#"^["“]?Follow (?P<who>\p{Lu}[\p{L}.'’\-]*(?:[\s\u{a0}]\p{Lu}[\p{L}.'’\-]*){1,3})[\s\u{a0}]+(?i:on)[\s\u{a0}]+(?:Twitter|X|Instagram|Facebook|Threads|Bluesky)\b"#,
        ),
        reporting_by: re(
            r"^\(?(?:Reporting|Writing|Reported) by (?P<who>\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){1,3})",
        ),
        byline: re(
            r"^(?:[Bb][Yy]|[Ww]ritten by|[Aa]uthor|[Rr]eporter|[Rr]eporting by)\s*:?\s+(?P<who>\S.*)$",
        ),
    }
    });

    /// The `who` that `pattern` captures on `text`.
    fn who<'t>(pattern: &Regex, text: &'t str) -> Option<&'t str> {
        pattern
            .captures(text)
            .map(|c| c.name("who").unwrap().as_str())
    }

    /// The clock-time patterns read in code against the patterns.
    fn times_as_written(text: &str) {
        static TIMES: LazyLock<[Regex; 2]> = LazyLock::new(|| [re(TIME_TAIL), re(LEADING_TIME)]);
        let [tail, leading] = &*TIMES;
        assert_eq!(
            time_tail_end(text),
            tail.find(text).map(|m| m.end()),
            "time tail {text:?}"
        );
        assert_eq!(
            is_leading_time(text),
            leading.is_match(text),
            "leading time {text:?}"
        );
    }

    /// `is_chrome` as it was before its gate on the first and last byte
    /// (`chrome::may_be`): the tests behind it, each with its own gate.
    fn ungated_chrome(text: &str) -> bool {
        if may_be_chrome(text) && chrome_may_open(text) && crate::parse::chrome::is_shape(text) {
            return true;
        }
        let last = text.as_bytes().last().map_or(0, u8::to_ascii_lowercase);
        if last == b'o'
            && crate::caseless::suffix_start(text, "ago").is_some()
            && crate::parse::chrome::is_relative_time(text)
        {
            return true;
        }
        if copyright_opening(text).is_some_and(|end| dots_up_to(&text[end..], 150)) {
            return true;
        }
        let unstopped = text.strip_suffix('.').unwrap_or(text);
        unstopped.as_bytes().last().map(u8::to_ascii_lowercase) == Some(b'd')
            && all_rights_start(text).is_some_and(|start| dots_up_to(&text[..start], 150))
    }

    fn credits<'t>(c: Option<regex::Captures<'t>>) -> Option<Option<&'t str>> {
        c.map(|c| c.name("credits").map(|m| m.as_str()))
    }

    fn same(text: &str) {
        let w = &*WRITTEN;
        assert_eq!(is_chrome(text), w.chrome.is_match(text), "chrome {text:?}");
        assert_eq!(
            read_sign_off(text),
            credits(w.sign_off.captures(text)),
            "sign-off {text:?}"
        );
        // The credits take part in every match.
        assert_eq!(
            read_with_reporting(text),
            credits(w.with_reporting.captures(text)).flatten(),
            "with reporting {text:?}"
        );
        assert_eq!(
            is_contributed(text),
            w.contributed.is_match(text),
            "{text:?}"
        );
        assert_eq!(
            updated_end(text).is_some_and(|end| dots_up_to(&text[end..], 40)),
            w.updated.is_match(text),
            "updated {text:?}"
        );
        times_as_written(text);
        assert_eq!(follow_on(text), who(&w.follow_on, text), "follow {text:?}");
        assert_eq!(
            reporting_by(text),
            who(&w.reporting_by, text),
            "reporting by {text:?}"
        );
        assert_eq!(byline_who(text), who(&w.byline, text), "byline {text:?}");
        assert_eq!(byline(text), written_byline(text), "byline {text:?}");
        assert_eq!(
            is_reporting_sign_off(text),
            text.len() <= 160 && w.reporting_by.is_match(text),
            "{text:?}"
        );
        // The gates in front of the line regexes.
        if w.photo_credit.is_match(text) {
            assert!(may_be_photo_credit(text), "{text:?}");
        }
        assert_eq!(
            date_label_end(text),
            w.date_label.find(text).map_or(0, |m| m.end()),
            "date label {text:?}"
        );
        assert_eq!(
            credited(text),
            w.photo_credit
                .captures(text)
                .map(|c| c.name("who").unwrap().as_str()),
            "photo credit {text:?}"
        );
        if w.date_label.is_match(text) {
            assert!(may_open_with_label(text), "{text:?}");
        }
        assert_eq!(photo_credit(text), written_photo_credit(text), "{text:?}");
        if super::super::chrome::is_end_marker(text) {
            assert!(may_end_marker(text), "{text:?}");
        }
        if SHAPES.is_match(text) {
            assert!(chrome_may_open(text), "chrome opening {text:?}");
        }
        assert_eq!(
            is_lone_lower_word(text),
            w.lone_lower.is_match(text),
            "lone lower {text:?}"
        );
        // A date line's date opens it, after a label and perhaps a time.
        let rest = &text[date_label_end(text)..];
        if let Some((_, range)) = crate::parse::date::find_date(rest) {
            let before = rest[..range.start].trim_matches(|c: char| c.is_whitespace() || c == ',');
            if before.is_empty() || is_leading_time(before) {
                assert!(opens_like_date(rest), "{text:?}");
            }
        }
    }

    /// `photo_credit` without its gate.
    fn written_photo_credit(text: &str) -> Option<&str> {
        if text.len() > 150 {
            return None;
        }
        let caps = WRITTEN.photo_credit.captures(text)?;
        let who = caps.name("who")?.as_str().trim();
        who.chars().next().filter(|c| c.is_uppercase())?;
        Some(who)
    }

    /// `byline` as first written, with the written patterns and no gates.
    fn written_byline(text: &str) -> Option<&str> {
        if text.len() > 160 {
            return None;
        }
        let w = &*WRITTEN;
        if let Some(who) = who(&w.follow_on, text).or_else(|| who(&w.reporting_by, text)) {
            return Some(who);
        }
        if text.len() > 120 {
            return None;
        }
        let who = who(&w.byline, text)?.trim();
        let first = who.chars().next()?;
        if !first.is_uppercase()
            || who.split_whitespace().count() > 12
            || who.ends_with('.') && who.len() > 60
        {
            return None;
        }
        Some(who)
    }

    /// The pairs of ASCII bytes after which one of `patterns` can still
    /// match, by their anchored DFA: exhaustive over two bytes.
    fn alive_pairs(patterns: &[&str]) -> Vec<[u8; 2]> {
        use regex_automata::{
            Anchored, Input,
            dfa::{Automaton, dense},
        };
        let dfa = dense::DFA::new_many(patterns).unwrap();
        let start = dfa
            .start_state_forward(&Input::new("").anchored(Anchored::Yes))
            .unwrap();
        (0..128u8)
            .flat_map(|a| (0..128u8).map(move |b| [a, b]))
            .filter(|&[a, b]| !dfa.is_dead_state(dfa.next_state(dfa.next_state(start, a), b)))
            .collect()
    }

    /// Every phrase's opening is in [`CHROME_OPENINGS`]: wherever a chrome
    /// pattern but the language codes and the glued label can match after
    /// two ASCII bytes, the gate lets the line through (the text after
    /// them, `. `, rules out those two shapes).
    #[test]
    fn chrome_openings_cover_the_patterns() {
        assert!(crate::parse::chrome::PATTERNS[0].starts_with("^(?i:[a-z]{2})"));
        assert!(crate::parse::chrome::PATTERNS[5].starts_with(r"^\p{Lu}\p{Ll}+"));
        let phrases: Vec<&str> = crate::parse::chrome::PATTERNS
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != 0 && i != 5)
            .map(|(_, p)| *p)
            .collect();
        for [a, b] in alive_pairs(&phrases) {
            let line = [a, b, b'.', b' '];
            let line = std::str::from_utf8(&line).unwrap();
            assert!(chrome_may_open(line), "{line:?}");
        }
        // The two shapes and text opening outside ASCII.
        for line in [
            "ua en",
            "EN|DE",
            "de·fr",
            "EconomyEurope",
            "\u{212a}a",
            "ſk",
            "٣ comments",
            "\u{a0}1 of 2",
        ] {
            assert!(chrome_may_open(line), "{line:?}");
        }
        for line in ["“Yes", "Economy Europe", "ua.en", "Mid x", "The x", "‘a"] {
            assert!(!chrome_may_open(line), "{line:?}");
        }
    }

    /// The chrome tests' patterns, each with its bits in `chrome::may_be`,
    /// widened where that keeps their automata small (`.{0,n}` as `.*`,
    /// and `\b` dropped, which dense automata do not take): a wider
    /// pattern has at least the first and last bytes of the pattern.
    fn chrome_tests_widened() -> Vec<(String, u16)> {
        use crate::parse::chrome::*;
        let shapes = [
            LANGUAGE_CODES,
            NAVIGATION_LINK | FOLLOW_US,
            COMMENT_WIDGET | FORM_NOTICE,
            RELATIVE_DAY,
            URL,
            GLUED_LABEL,
            READING_TIME,
            GALLERY,
        ];
        let mut tests: Vec<(String, u16)> =
            PATTERNS.iter().map(|p| p.to_string()).zip(shapes).collect();
        assert_eq!(tests.len(), 8);
        tests.extend([
            (
                r"(?i)^[\p{L} ]*\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$".into(),
                RELATIVE_TIME,
            ),
            (r"(?i)^(?:copyright|©|\(c\)\s).*$".into(), COPYRIGHT),
            (r"(?i)^.*all rights reserved\.?$".into(), ALL_RIGHTS),
        ]);
        tests
    }

    /// The gate `chrome::may_be` against each chrome test's automaton,
    /// byte by byte: every byte that can open a match has the test's bit
    /// in `OPENS`, and every byte that can close one in `CLOSES`; the
    /// all-rights line closes with `d`, or `d` and `.`.
    #[test]
    fn chrome_gate_covers_the_patterns() {
        use crate::parse::chrome::{ALL_RIGHTS, CLOSES, OPENS};
        use regex_automata::{
            Anchored, Input,
            dfa::{Automaton, dense},
            nfa::thompson,
        };
        for (pattern, bits) in chrome_tests_widened() {
            let forward = dense::DFA::new(&pattern).unwrap();
            let start = forward
                .start_state_forward(&Input::new("").anchored(Anchored::Yes))
                .unwrap();
            let alive = |b: u8| !forward.is_dead_state(forward.next_state(start, b));
            for b in (0..=255).filter(|&b| alive(b)) {
                assert_ne!(OPENS[usize::from(b)] & bits, 0, "{pattern} opens {b:#x}");
            }
            let reverse = dense::Builder::new()
                .thompson(thompson::Config::new().reverse(true))
                .build(&pattern)
                .unwrap();
            let start = reverse
                .start_state_reverse(&Input::new("").anchored(Anchored::Yes))
                .unwrap();
            let after = |bytes: &[u8]| {
                let state = bytes.iter().fold(start, |s, &b| reverse.next_state(s, b));
                !reverse.is_dead_state(state)
            };
            for z in (0..=255).filter(|&z| after(&[z])) {
                if bits == ALL_RIGHTS {
                    let ends = |y: u8| y | 0x20 == b'd';
                    assert!(z == b'.' || ends(z), "{z:#x}");
                    for y in (0..=255).filter(|&y| z == b'.' && after(&[z, y])) {
                        assert!(ends(y), "{y:#x}");
                    }
                } else {
                    assert_ne!(CLOSES[usize::from(z)] & bits, 0, "{pattern} closes {z:#x}");
                }
            }
        }
        assert!(!WRITTEN.chrome.is_match("."));
    }

    /// The same for the end markers' openings.
    #[test]
    fn end_marker_openings_cover_the_pattern() {
        for pair in alive_pairs(&[crate::parse::chrome::END_MARKER_PATTERN]) {
            let line = std::str::from_utf8(&pair).unwrap();
            assert!(may_open_with(line, &END_MARKER_OPENINGS), "{line:?}");
        }
    }

    #[test]
    fn date_name_openings_pass() {
        for name in NAME_OPENINGS {
            assert!(opens_like_date(name), "{name}");
        }
    }

    #[test]
    fn byline_patterns_fixed_lines() {
        for text in [
            "By Jane Doe",
            "By: Jane",
            "By :Jane",
            "By : ",
            "By :",
            "By  :  Jane",
            "By:Jane",
            "By\nJane",
            "By Jane\nDoe",
            "By :\nJane",
            "By \u{85}Jane",
            "Byline Jane",
            "BY JANE",
            "bY jane",
            "Written by: Jane",
            "written  by Jane",
            "Author:Jane",
            "Author :Jane",
            "Reporters: Jane",
            "Reporter\u{3000}Jane",
            "Reporting by:",
            "reporting by  \u{a0}Jane",
            "Follow Jane Doe on Twitterx",
            "Follow Jane Doe on Twitter_",
            "Follow Jane Doe on Twitteré",
            "Follow Jane Doe on X.",
            "Follow Jane Doe on Xavier",
            "Follow Jane Doe oN\u{3000} Threads",
            "Follow Jane Doe 0n Twitter",
            "Follow Jane  Doe on X",
            "Follow JaneDoe on X",
            "Follow Jane Doe on\nX",
            "Follow Élise Ölund on X",
            "Follow İlkay ıo on X",
            "Follow \u{212a}ate Doe on X",
            "Follow Jane \u{212a}on X",
            "“Follow Jane Doe on Bluesky",
            "\"Follow Jane Doe on X",
            "Follow Jane O'Neil-Smith Jr. on X",
            "(Reporting by Jane)",
            "(Reporting by Jane Doe",
            "Reporting by jane Doe",
            "Reported by Jane\u{a0}Doe",
            "Writing by Jane\u{3000}Doe Lee Roe Poe",
            "Reporting by  Jane Doe",
            "Follow Jane Doe on Twitter",
            "Follow Jane Doe on Twitter",
            "Follow Jane Mary Ann Doe on X",
            "Follow Jane Mary Ann Lee Doe on X",
            "Follow Jane On On on Twitter",
            "Follow Jane On On On on Twitter",
            "Follow Jane\u{a0}Doe ON Bluesky",
            "Reporting by Jane Doe",
            "(Reporting by Jane Mary Ann Lee Doe In Paris; Editing by John Roe)",
            "Writing by J",
        ] {
            same(text);
        }
    }

    /// Every close the pattern allows, with and without each optional
    /// part, is at most `LONGEST_CLOSE` characters, and the longest is
    /// accepted.
    #[test]
    fn longest_close_bounds_every_close() {
        let mut longest = 0;
        for reporting in ["", " reporting"] {
            for to in ["", " to"] {
                for article in ["", " this", " the"] {
                    for noun in ["report", "story", "article"] {
                        for ing in ["", "ing"] {
                            for stop in ["", "."] {
                                let close = format!("{reporting}{to}{article} {noun}{ing}{stop}");
                                assert!(closes_contribution(&close), "{close:?}");
                                longest = longest.max(close.chars().count());
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(longest, LONGEST_CLOSE);
    }

    #[test]
    fn written_examples() {
        let long = "x".repeat(150);
        let longer = "x".repeat(151);
        for text in [
            "Copyright 2024 Acme",
            "© Acme",
            "(c) Acme",
            "(c)Acme",
            "copyrights reserved",
            "All rights reserved.",
            "Acme. ALL RIGHTS RESERVED",
            "Acme all rights reſerved",
            "Acme, all rights reserved..",
            "Acme_all rights reserved",
            "Zoëall rights reserved",
            "ſall rights reserved",
            "(C)\u{3000}Acme",
            "(c)\u{85}Acme",
            "Copyrightë Acme",
            "copyright_Acme",
            "COPYRIGHT",
            "©",
            "a.b-c_9",
            "ab",
            "abcdefghijklmnopqrstuvwxyz01234",
            "abcdefghijklmnopqrstuvwxyz012345",
            "admin\u{e9}",
            "Politics1 hour ago",
            "17 minutes ago",
            "Politics and world news today 1 hour ago",
            "A lot of letters in this label here 1 hour ago",
            "ab/cd (AFP, dpa)",
            "ab/cd",
            "ab/cd ()",
            "With reporting by AFP and Reuters",
            "(With additional reporting from Jane Roe.)",
            "Jane Roe contributed to this report.",
            "Jane Roe contributed reporting to the story",
            "Ja contributed to this report.",
            // ` reporting` read as the noun's ` report` and `ing`.
            "Jane Roe contributed reporting",
            "Jane Roe contributed REPORTING.",
            "Jane Roe contributed to thiſ ſtory",
            "Jane Roe contributed to the report. Jane Roe contributed",
            // A first `contributed` that cannot end the line, then one that can.
            "Jane contributed photos. Roe contributed to this report.",
            // The longest close, and a `contributed` before the searched
            // tail that cannot end the line.
            "Jane Roe contributed reporting to thiſ articleing.",
            "Jane Roe contributed photos to this story, and many more words after it in the same line; the end of a longer paragraph than most, still not a credit, reporting to this story",
            // No word boundary before `contributed`.
            "Zoëcontributed to this report",
            "x_contributed to this report",
            "Updated 3 hours ago",
            ", last  updated: yesterday at noon",
            "modified",
            // The line patterns read in code: sign-offs,
            "ab/cd/",
            "ab/cdefg",
            "abcde/fg",
            "a/b/c/d (AFP) ",
            "ab/cd (x) y",
            "ab/cd(x(y))",
            "ab/cd\u{3000}(AFP)\u{a0}",
            "ab/cd (a\nb)",
            // with-reporting lines, where the spaces give credits back,
            "with reporting by   ",
            "with reporting by  )",
            "with reporting by \u{3000}.",
            "With Additional Reporting From AFP).",
            "(with reporting by AFP).",
            "with reporting by (AFP)",
            "with additionalreporting by AFP",
            "with reporting by AFP\nand dpa.",
            // photo credits,
            "Photo credit: Jane Roe",
            "photo by Jane",
            "PHOTO BY Jane",
            "ſource: Jane",
            "Image:\nJane",
            "Picture : jane",
            "pic by: Jane",
            "Photograph:\u{a0}Jane",
            // and date labels (`date` before `dated`).
            "Dated: 3 May 2024",
            "Published on: 3 May 2024",
            "LAST UPDATED 3 May",
            "poſted at 5",
            "first publiſhed\u{3000}: 1",
            "created  on",
        ] {
            same(text);
        }
        same(&format!("Copyright {long}"));
        same(&format!("Copyright{longer}"));
        same(&format!("© {longer}"));
        same(&format!("{long} all rights reserved"));
        same(&format!("{longer}all rights reserved."));
        same(&format!("ab/cd ({long})"));
        same(&format!("with reporting by {long}"));
        same(&format!("{long} contributed to this article"));
        same(&format!("Updated {long}"));
        // `\w` ends a match with `_` too (the gate of `may_be_chrome`).
        same("share on my_page");
        same("3. Share on X_");
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => proptest::sample::select(vec![
                "Copyright", "copyright", "©", "(c)", "(", ")", " ", "  ", "\n", ".", ",", "/",
                "all rights reserved", "ALL RIGHTS RESERVED", "rights", "reſerved", "ſ", "\u{212a}",
                "contributed", " reporting", " to", " this", " the", " report", "story",
                " thiſ", "ſtory", " THE", "ARTICLE", "ING", "Contributed",
                "article", "ing", "ab/cd", "x", "é", "AFP", "Reuters", " and ", ";",
                "With reporting by", "with additional reporting from", "Politics", "1", "12",
                " hour", " minutes", " ago", "updated", "Last updated", "modified", "–",
                "en", " | ", "Skip to content", "share on", "www.", "https://", "Economy",
                "Europe", "1 of 12", "min read", "\u{a0}", "Follow", "Reporting by", "By",
                "Image:", "Photo", "source", "\"", "Follow ", "Jane", "Doe", "On", " on ",
                "Twitter", "X", "(Reporting by ", "Writing by ", "follow us", "FOLLOW UŞ",
                "follow uſ", "3. ", "12.", "your email address will not be published",
                "Required fields are marked", "*", "!", "related", "Read more", ":", "_", "2",
                "you may also like", "more in ", "more from", "editor's picks", "admin",
                "Tuesday", "Tue.", "Nov", "November", "Sept.", "29", "2022", "14.03.2024",
                "2021-03-14", "12:30", "4:05 pm", ", ", "Published: ", "date ", "Mr", "٣",
                "share on x_", "Share on my_page", "Written by", "author:", "REPORTER",
                "\u{201c}Follow ", "(Writing by ", "Reported by ", "ſource: ", "Foto by ",
                "PICTURE: ", "Credit:", "Dated ", "first published ", "CONTRIBUTED", "(with ",
                "WITH reporting by ",
                "ua", "EN", " / ", "·", "•", "“", "‘", "Mi", "Th", "\u{212a}", "Latest news",
                "See also", "ſee alſo", "Top Stories", "more in ", "http://x", "Photo 3/10",
                "5 min read", "Just now", "yesterday", "Sign in", "Menu", "(c) ", "© ",
                "Reporter: ", "a/b", "٣",
            ])
            .prop_map(str::to_string),
            1 => "[a-zé ]{0,40}",
            1 => "[a-z]{140,170}",
        ]
    }

    /// The words of the line patterns read in code (sign-offs,
    /// with-reporting lines, photo credits, date labels) in any case, `ſ`
    /// for `s` included, and what goes between them.
    fn line_word() -> impl Strategy<Value = String> {
        let words = vec![
            "image",
            "photo",
            "photograph",
            "picture",
            "pic",
            "credit",
            "photo credit",
            "image credit",
            "source",
            "foto",
            "video",
            "by",
            "date",
            "dated",
            "published",
            "posted",
            "updated",
            "last updated",
            "first published",
            "created",
            " on",
            " at",
            "with",
            "additional",
            "reporting",
            "from",
            "ab",
            "c",
        ];
        let between = vec![
            " ", "  ", "\u{a0}", "\u{3000}", "\t", "\n", ":", "(", ")", ".", ").", "/", "abcde",
            "Jane", "AFP", ", ", "é", "\u{130}", "\u{131}", "\u{212a}", "ſ", "K", "5",
        ];
        prop_oneof![
            3 => (
                proptest::sample::select(words),
                proptest::collection::vec(0u8..3, 0..16),
            )
                .prop_map(|(w, picks)| crate::caseless::case_variant(w, &picks)),
            2 => proptest::sample::select(between).prop_map(str::to_string),
        ]
    }

    #[test]
    fn time_lines_read_in_code() {
        for text in [
            "4:05 PM GMT+1 Updated 3 hours ago",
            ", 10:31 GMT",
            "| at 9.30 a.m. (CET)",
            "· 16:45",
            "–\u{a0}at\u{3000}4:05pm",
            "at4:05",
            "4:05 a.x",
            "4:05 a.M.",
            "4:05 p m",
            "12:345 CET",
            "123:45",
            "1:2",
            "\u{663}:\u{663}\u{663} PM",
            "4:05 (GMT+05:30)",
            "4:05 GMT+0530",
            "4:05 GMT+530",
            "4:05 GMT+5:3",
            "4:05 GMT-",
            "4:05 G",
            "4:05 ABCDEFG",
            "4:05 ((GMT",
            "4:05 PM",
            "4:05 PMX",
            "4:05 AM CET",
            "4:05 AM CET.",
            "4:05\tPM\tCET",
            "4:05 PM ",
            "16:45",
            "16:45 cet",
            "Updated",
            "last updated",
            "LAST\u{a0}UPDATED: 3",
            "laſt updated",
            "last  updatedx",
            "lastupdated",
            "- modified_",
            "modifiedé",
            "• Updated\u{212a}",
        ] {
            same(text);
        }
    }

    /// The clock-time and update-note patterns' pieces.
    fn time_fragment() -> impl Strategy<Value = String> {
        proptest::sample::select(vec![
            "4", "16", "123", "05", "5", "0530", ":", ".", " ", "  ", "\u{a0}", "\u{3000}", "\t",
            "at", "AT", "a", "A", "p", "P", "m", "M", "am", "p.m.", "PM", "GMT", "CET", "ABCDEF",
            "G", "+", "-", "+1", "+05:30", "(", ")", ",", "|", "·", "•", "–", "\u{663}",
            "\u{ff11}", "Updated", "updated", "last", "LAST", "laſt", "modified", "MODIFIED", "_",
            "é", "x", "\u{212a}", "ſ", "\u{130}", "\u{131}",
        ])
        .prop_map(str::to_string)
    }

    /// Byline, follow and reporting-by lines: an opening, name words with
    /// what may go between them, and a tail that may hold `on` and a
    /// platform, each in some case, with Unicode spaces, letters, digits
    /// and the characters that fold to ASCII ones or from them.
    fn byline_line() -> impl Strategy<Value = String> {
        let pick = |list: &[&'static str]| {
            proptest::sample::select(list.to_vec()).prop_map(str::to_string)
        };
        let openings = [
            "by",
            "written by",
            "author",
            "reporter",
            "reporting by",
            "follow ",
            "\"follow ",
            "“follow ",
            "(reporting by ",
            "writing by ",
            "reported by ",
            "",
        ];
        let cased = (
            proptest::sample::select(openings.to_vec()),
            proptest::collection::vec(0u8..3, 0..14),
        )
            .prop_map(|(w, picks)| crate::caseless::case_variant(w, &picks));
        let opening = prop_oneof![
            2 => pick(&[
                "By ", "By", "Written by", "Author", "Reporter", "Reporting by", "Follow ",
                "\"Follow ", "“Follow ", "(Reporting by ", "Writing by ", "Reported by ",
            ]),
            1 => cased,
        ];
        // Mostly name words with one space between, so that many lines
        // reach the tail.
        let word = prop_oneof![
            3 => pick(&[
                "Jane", "Doe", "On", "O", "Ann-Marie", "O'Neil", "D’Arcy", "Jr.", "Élise",
                "İlkay", "\u{212a}ate", "Σ",
            ]),
            1 => pick(&["ölund", "ıo", "ſue", "x", "5", "٣", ":", "@jdoe", ";", "(", ")"]),
        ];
        let between = prop_oneof![
            3 => Just(" ".to_string()),
            1 => pick(&[
                "  ", "\u{a0}", "\u{3000}", "\u{85}", "\t", "\n", "", ":", " : ", "-", ".",
            ]),
        ];
        let on = pick(&["on", "ON", "oN", "On", "0n", "ſon", "", "x"]);
        let platform = pick(&[
            "Twitter",
            "X",
            "Instagram",
            "Facebook",
            "Threads",
            "Bluesky",
            "twitter",
            "Xavier",
            "Twit",
            "",
        ]);
        let edge = pick(&[
            "", "", "", "x", "_", "é", "٣", "5", ".", " @jdoe", "\n", " ", "\u{212a}", "ſ",
        ]);
        (
            opening,
            word.clone(),
            proptest::collection::vec((between.clone(), word), 0..5),
            (between.clone(), on, between, platform, edge),
        )
            .prop_map(|(opening, first, words, (s1, on, s2, platform, edge))| {
                let mut line = opening + &first;
                for (sep, w) in &words {
                    line.push_str(sep);
                    line.push_str(w);
                }
                line + &s1 + &on + &s2 + &platform + &edge
            })
    }

    /// Whole clock times with their optional parts (a separator, `at`,
    /// am/pm, a zone with an offset of one to three digits, a colon and
    /// zero to three more, brackets) and what follows them, where a digit
    /// count or a missing part decides where the match ends.
    fn clock_line() -> impl Strategy<Value = String> {
        let pick = |list: &[&'static str]| {
            proptest::sample::select(list.to_vec()).prop_map(str::to_string)
        };
        let clock = (
            pick(&["", "", ",", "|", "·", "–", "-", " "]),
            pick(&["", "", "at ", "AT\u{a0}", "at"]),
            pick(&["4", "16", "123", "\u{663}", ""]),
            pick(&[":", ":", ".", ""]),
            pick(&["05", "5", "123", "\u{663}\u{663}"]),
        );
        let am_pm = (
            pick(&["", " ", "  "]),
            pick(&["", "", "am", "p.m.", "PM", "a.m", "P.M.", "pm.", "a", "px"]),
        );
        let zone = (
            pick(&["", " ", "\t", "\u{a0}"]),
            pick(&["", "("]),
            pick(&["", "GMT", "CET", "ABCDEF", "G", "gmt"]),
            pick(&["", "+", "-", "+1", "-05", "+123", "+\u{663}"]),
            pick(&["", ":", ":", "::"]),
            pick(&["", "3", "30", "300", "\u{663}\u{663}"]),
            pick(&["", ")", "))"]),
        );
        let after = pick(&["", "", " Updated", "x", "5", ":", " ", "é", "_", " CET"]);
        (clock, am_pm, zone, after).prop_map(
            |((sep, at, h, colon, m), (sp, ap), (zs, open, z, sign, zc, zm, close), after)| {
                [
                    sep, at, h, colon, m, sp, ap, zs, open, z, sign, zc, zm, close, after,
                ]
                .concat()
            },
        )
    }

    /// A line that may be chrome, or nearly: one of the chrome tests'
    /// examples (or none) between openings and closings that a gate on the
    /// first and last byte must not get wrong, outside ASCII among them.
    fn chrome_line() -> impl Strategy<Value = String> {
        let opening = prop_oneof![
            3 => Just(String::new()),
            2 => proptest::sample::select(vec![
                "ſ", "\u{212a}", "\u{130}", "\u{131}", "\u{a0}", "\u{85}", "\u{2003}",
                "\u{3000}", "\u{2028}", " ", "\t", "\u{b}", "©", "“", "‘", "٣", "\u{ff13}", "1",
                "12. ", "(", "(c) ", "C", "É", "ǅ", "Ab", "_", "h", "w", "\u{2102}",
            ])
            .prop_map(str::to_string),
        ];
        let body = proptest::sample::select(vec![
            "",
            "en fr",
            "EN | DE",
            "ſk \u{212a}a",
            "Skip to content",
            "Menu",
            "log in",
            "share on x_1",
            "Follow us",
            "follow uſ on x.",
            "3 comments",
            "Add a comment",
            "Your email address will not be published.",
            "Required fields are marked *",
            "today",
            "Last updated yesterday",
            "just now",
            "https://x.y/z.",
            "www.a",
            "EconomyEurope",
            "ÉconomieEurope",
            "5 min read",
            "5 minutes read",
            "Photo 3/10",
            "1 of 12",
            "٣ of ٤",
            "Politics1 hour ago",
            "2 ſeconds ago",
            "Copyright 2024 X.",
            "copyright",
            "© 2024 X Ltd",
            "(c) x",
            "All rights reserved.",
            "all rights reserveD",
            "The minister said.",
            "He said",
            "In Kyiv",
            "“Yes,” he said.",
            "Mid x",
        ]);
        let closing = prop_oneof![
            3 => Just(String::new()),
            2 => proptest::sample::select(vec![
                ".", "d", "d.", "D.", "..", "o", "ago", "AGO", "ſ", "\u{212a}", "٣", "”", " ",
                "\u{a0}", "\u{2003}", "_", "9", "x", "é", ":", ")", "\n",
            ])
            .prop_map(str::to_string),
        ];
        (opening, body, closing).prop_map(|(a, b, c)| a + b + &c)
    }

    proptest! {
        #[test]
        fn clock_times_read_in_code(line in clock_line()) {
            same(&line);
        }

        #[test]
        fn byline_patterns_read_in_code(line in byline_line()) {
            same(&line);
        }

        #[test]
        fn line_patterns_read_in_code(parts in proptest::collection::vec(line_word(), 0..8)) {
            same(&parts.concat());
        }

        #[test]
        fn time_patterns_read_in_code(parts in proptest::collection::vec(time_fragment(), 0..10)) {
            same(&parts.concat());
        }

        /// The gate on the first and last byte changes no answer.
        #[test]
        fn chrome_gate_keeps_every_answer(line in chrome_line()) {
            let chrome = WRITTEN.chrome.is_match(&line);
            prop_assert_eq!(is_chrome(&line), ungated_chrome(&line), "{:?}", line);
            prop_assert_eq!(is_chrome(&line), chrome, "{:?}", line);
            if chrome {
                prop_assert_ne!(crate::parse::chrome::may_be(&line), 0, "{:?}", line);
            }
        }

        #[test]
        fn same_lines_match(parts in proptest::collection::vec(fragment(), 0..12)) {
            same(&parts.concat());
        }

        #[test]
        fn same_on_any_text(text in any::<String>()) {
            same(&text);
        }
    }
}
