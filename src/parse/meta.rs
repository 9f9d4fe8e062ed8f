//! Header facts read from body prose and credit lines: the source named by
//! "an X correspondent reports" or a photo credit, the agencies of
//! "according to AFP", the author in a byline, and the article date when
//! only the body gives it.

use std::sync::LazyLock;

use crate::uclass::{self, boundary, word_after, word_before};
use jiff::civil::{Date, Weekday};
use memchr::memmem::Finder;

use super::date::{self, WEEKDAY_NAMES, WEEKDAY_WORDS};
use crate::uclass::spaced;

/// The attribution verbs of [`has_speech_verb`].
const SPEECH_VERBS: [&str; 13] = [
    "said",
    "says",
    "told",
    "added",
    "adds",
    "stated",
    "asked",
    "wrote",
    "writes",
    "explained",
    "noted",
    "stressed",
    "according to",
];

/// Whether a line contains an attribution verb:
/// `\b(?:said|says|…|according to)\b`, read in code. Only short quoted
/// lines ask, and a regex cost more to build than all their searches. Each
/// verb opens and ends with a letter, so `\b` on either side means no word
/// character there.
pub fn has_speech_verb(text: &str) -> bool {
    SPEECH_VERBS.iter().any(|verb| {
        memchr::memmem::find_iter(text.as_bytes(), verb)
            .any(|at| !word_before(text, at) && !word_after(text, at + verb.len()))
    })
}

/// Splits the name part of a byline into author and outlet:
/// `Jane Doe, Reuters` / `Jane Doe | AP` → (`Jane Doe`, `Reuters`);
/// `The Associated Press` → (none, `The Associated Press`).
pub fn split_byline(who: &str) -> (Option<String>, Option<String>) {
    let who = who.trim().trim_end_matches(['.', ',']);
    if who.is_empty() {
        return (None, None);
    }
    // `RFE/RL`, `BBC/AFP`: one all-capitals outlet name with a slash.
    if !who.contains(' ')
        && who
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return (None, Some(who.to_string()));
    }
    let (name, outlet) = match who.split_once([',', '|', '/']) {
        Some((n, o)) => (n.trim(), Some(o.trim())),
        None => (who, None),
    };
    let outlet = outlet.filter(|o| !o.is_empty()).map(str::to_string);
    // An organization as byline ("The Associated Press", "AP", "Reuters
    // staff") names the source, not a person.
    let words: Vec<&str> = name.split_whitespace().collect();
    let all_caps = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    if name.starts_with("The ") || (words.len() == 1 && all_caps) || words.len() == 1 {
        return (None, Some(name.to_string()).or(outlet));
    }
    // "Jane Doe and John Roe": the first author is the byline's person.
    let first = name.split(" and ").next().unwrap_or(name).trim();
    // `By JANE ROE`: names are written in normal capitalization.
    let first = if first.chars().any(char::is_lowercase) {
        first.to_string()
    } else {
        super::dateline::normal_case(first)
    };
    (Some(first), outlet)
}

/// One of them is in every match of [`correspondent`]. These searches run
/// over every body, and memchr's are several times cheaper than `str`'s.
static CORRESPONDENT_WORDS: LazyLock<[Finder<'static>; 4]> =
    LazyLock::new(|| ["correspondent", "reporter", "journalist", "reports."].map(Finder::new));

/// The literal part of [`according_to`].
static ACCORDING_TO_WORDS: LazyLock<Finder<'static>> =
    LazyLock::new(|| Finder::new("according to "));

/// The word [`body_date`] needs.
static TODAY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("today"));

/// Whether [`body_date`] may find a date in `text`: not without `today`.
/// Reads a word and no byte around it.
pub(super) fn may_date_body(text: &str) -> bool {
    TODAY.find(text.as_bytes()).is_some()
}

/// Whether [`correspondent_source`] may find an outlet in the body that
/// holds the paragraph `text`: some `report` of it passes
/// [`may_report_in_paragraph`].
pub(super) fn may_name_correspondent(text: &str) -> bool {
    let bytes = text.as_bytes();
    REPORT
        .find_iter(bytes)
        .any(|at| may_report_in_paragraph(bytes, at))
}

/// [`may_report`]'s test of the `report` at `at` of a paragraph `bytes`,
/// as it reads in the paragraphs joined one a line: the same, except that
/// a `report` with only spaces before it in the paragraph passes (joined,
/// the word before it is the last of the paragraph before, which a
/// paragraph's gate does not read). Most bodies saying `reports` have no
/// `report` that passes, and are not joined for the search. (A parsed
/// paragraph is trimmed: its first byte ends the test of what is before.)
pub(super) fn may_report_in_paragraph(bytes: &[u8], at: usize) -> bool {
    if bytes[..at].iter().all(|&b| uclass::is_ascii_space(b)) {
        return report_ends_word(bytes, at);
    }
    report_may_end_match(bytes, at)
}

/// Whether the `report` at `at` is `reports?\b`.
fn report_ends_word(bytes: &[u8], at: usize) -> bool {
    let mut end = at + "report".len();
    if bytes.get(end) == Some(&b's') {
        end += 1;
    }
    !bytes
        .get(end)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether [`according_to_agencies`] may find an agency in `text`: each
/// follows `according to ` and opens with a capital, an ASCII one or a
/// character outside ASCII. Reads a word and the byte after it.
pub(super) fn may_credit_agency(text: &str) -> bool {
    let bytes = text.as_bytes();
    ACCORDING_TO_WORDS
        .find_iter(bytes)
        .any(|at| agency_follows(bytes, at))
}

/// Whether a capital follows the `according to ` at `at`.
pub(super) fn agency_follows(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at + "according to ".len())
        .is_some_and(|&b| b.is_ascii_uppercase() || !b.is_ascii())
}

/// The bits of [`gates`]: [`may_date_body`], [`may_name_correspondent`]
/// and [`may_credit_agency`].
pub(super) const MAY_DATE: u8 = 1;
pub(super) const MAY_NAME: u8 = 2;
pub(super) const MAY_CREDIT: u8 = 4;

/// The three tests of the header searches in one byte, of one paragraph.
/// None reads past a line break (each word is followed by a byte that is
/// not a letter, or by a capital, and the end of a text answers as a line
/// break would; the word before a `report` that opens a paragraph is not
/// read, and it passes), so the paragraphs' gates, or-ed, hold all those
/// of the paragraphs joined one a line. The word count computes them in
/// its pass over each paragraph (`words::count_scanning`); this is its
/// form without AVX2.
pub(super) fn gates(text: &str) -> u8 {
    let gate = |may: bool, bit: u8| if may { bit } else { 0 };
    gate(may_date_body(text), MAY_DATE)
        | gate(may_name_correspondent(text), MAY_NAME)
        | gate(may_credit_agency(text), MAY_CREDIT)
}

/// The gates of the words at the candidate starts `at + i` of `text`, for
/// each bit `i` of `today`, `report` and `according`: the candidates of
/// the pair tests of `words::count_scanning`, which has few.
#[cold]
#[inline(never)]
pub(super) fn gates_at(text: &[u8], at: usize, candidates: [u32; 3]) -> u8 {
    let [mut today, mut report, mut according] = candidates;
    let mut gates = 0;
    let mut each = |bits: &mut u32, word: &[u8], follows: fn(&[u8], usize) -> bool, gate: u8| {
        while *bits != 0 {
            let i = at + bits.trailing_zeros() as usize;
            *bits &= *bits - 1;
            if text.get(i..).is_some_and(|t| t.starts_with(word)) && follows(text, i) {
                gates |= gate;
                break;
            }
        }
    };
    each(&mut today, b"today", |_, _| true, MAY_DATE);
    each(&mut report, b"report", may_report_in_paragraph, MAY_NAME);
    each(&mut according, b"according to ", agency_follows, MAY_CREDIT);
    gates
}

/// The outlet of "an Agro-Wire correspondent reports", "a correspondent
/// of Agro-Wire reports" or a sentence closing with ", Agro-Wire reports."
pub fn correspondent_source(body: &str) -> Option<String> {
    // Each form holds one of these words, matched case-sensitively: a body
    // without them is passed over without the search for a form, which
    // stops at every `a`, `t` and `,`. `report` alone comes first: its
    // test is stricter and one search.
    if !may_report(body)
        || !CORRESPONDENT_WORDS
            .iter()
            .any(|w| w.find(body.as_bytes()).is_some())
    {
        return None;
    }
    correspondent(body).map(str::to_string)
}

/// The outlet of the first match of
/// `\b(?:an?|the)\s+(?P<outlet>{NAME})\s+{NOUN}\s+reports?\b|
/// \b(?:an?|the)\s+{NOUN}\s+(?:of|for|from)\s+(?P<outlet2>{NAME})\s+reports?\b|
/// ,\s+(?P<outlet3>\p{Lu}[\p{L}\d\-]+)\s+reports\.`, where `NOUN` is
/// `(?:correspondent|reporter|journalist)` and `NAME` is
/// `\p{Lu}[\p{L}\d.\-]*(?:\s\p{Lu}[\p{L}\d.\-]*){0,2}`, read in code: the
/// pattern cost more to build than all its searches. Matches are ordered
/// by where they start, and the first two forms cannot both start at one
/// place (a capital or a small letter follows the article). A name is
/// always followed by spaces and a small letter, which neither its words
/// (`\s` is not in their class) nor one more of its words (a capital after
/// one space) can be: so each word is its whole run and the name is all of
/// its words, or there is no match.
fn correspondent(body: &str) -> Option<&str> {
    fn noun(s: &str) -> Option<&str> {
        ["correspondent", "reporter", "journalist"]
            .iter()
            .find_map(|n| spaced(s.strip_prefix(n)?))
    }
    let name_char = |c: char| uclass::is_letter(c) || uclass::is_digit(c) || matches!(c, '.' | '-');
    memchr::memchr3_iter(b'a', b't', b',', body.as_bytes()).find_map(|at| {
        let text = &body[at..];
        if let Some(after) = text.strip_prefix(',') {
            let after = spaced(after)?;
            let end = name_end(after, |c| c != '.' && name_char(c), 0)?;
            return (end > after.chars().next()?.len_utf8()
                && spaced(&after[end..])?.starts_with("reports."))
            .then(|| &after[..end]);
        }
        if word_before(body, at) {
            return None;
        }
        let after = ["the", "an", "a"]
            .iter()
            .find_map(|w| spaced(text.strip_prefix(w)?))?;
        let (name, rest) = match noun(after) {
            Some(rest) => {
                let rest = ["of", "for", "from"]
                    .iter()
                    .find_map(|w| spaced(rest.strip_prefix(w)?))?;
                let end = name_end(rest, name_char, 2)?;
                (&rest[..end], spaced(&rest[end..])?)
            }
            None => {
                let end = name_end(after, name_char, 2)?;
                (&after[..end], noun(spaced(&after[end..])?)?)
            }
        };
        reports(rest).then_some(name)
    })
}

/// The end of `\p{Lu}{WORD}*(?:\s\p{Lu}{WORD}*){0,more}` at the start of
/// `s`, each word its whole run of `word` characters and as many words as
/// there are, up to the bound.
fn name_end(s: &str, word: impl Fn(char) -> bool, more: usize) -> Option<usize> {
    let word_end = |from: usize| {
        let rest = &s[from..];
        let first = rest.chars().next().filter(|&c| uclass::is_upper(c))?;
        let run = &rest[first.len_utf8()..];
        Some(s.len() - run.trim_start_matches(&word).len())
    };
    let mut end = word_end(0)?;
    for _ in 0..more {
        let Some(space) = s[end..].chars().next().filter(|c| c.is_whitespace()) else {
            break;
        };
        match word_end(end + space.len_utf8()) {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(end)
}

/// Whether `s` opens with `reports?\b`.
fn reports(s: &str) -> bool {
    s.strip_prefix("report")
        .is_some_and(|rest| !word_after(rest.strip_prefix('s').unwrap_or(rest), 0))
}

static REPORT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("report"));

/// Whether `body` may match [`correspondent`]: in each of its forms the
/// verb `reports?\b` follows `\s+` and a word that is an outlet's (which
/// opens with a capital) or `correspondent`, `reporter` or `journalist`.
/// Most bodies saying `reporter` or `reports` have no such `report`, and
/// this costs one search. Bytes outside ASCII are let through wherever
/// they could be a space, a letter or a capital.
fn may_report(body: &str) -> bool {
    let bytes = body.as_bytes();
    REPORT
        .find_iter(bytes)
        .any(|at| report_may_end_match(bytes, at))
}

/// [`may_report`]'s test of the `report` at `at` of `bytes`.
fn report_may_end_match(bytes: &[u8], at: usize) -> bool {
    let space = uclass::is_ascii_space;
    // `report` or `reports`, then a word boundary.
    if !report_ends_word(bytes, at) {
        return false;
    }
    // The spaces before it.
    let mut i = at;
    while i > 0 && space(bytes[i - 1]) {
        i -= 1;
    }
    if i == at || i == 0 {
        return i == at && i > 0 && !bytes[i - 1].is_ascii();
    }
    // The word before them: as far back as `[\p{L}\d.\-]` reaches in
    // ASCII, which is where the written word must start, as a space
    // comes before it.
    let end_word = i;
    while i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || matches!(bytes[i - 1], b'.' | b'-')) {
        i -= 1;
    }
    if i > 0 && !bytes[i - 1].is_ascii() {
        return true;
    }
    let word = &bytes[i..end_word];
    word.first().is_some_and(u8::is_ascii_uppercase)
        || [&b"correspondent"[..], b"reporter", b"journalist"]
            .iter()
            .any(|noun| word.ends_with(noun))
}

/// The outlet in a photo credit: `Jane Roe/Outlet` → `Outlet`,
/// `Jane Roe, Outlet` → `Outlet`. A credit naming one party only
/// (`Photo: Presidential Office`) says who took the picture, not who
/// published the article.
pub fn credit_outlet(credit: &str) -> Option<String> {
    let credit = credit.trim().trim_end_matches(['.', ')']);
    let (_, part) = credit.rsplit_once(['/', ',', '|'])?;
    let part = part.trim();
    let part = part.strip_prefix("via ").unwrap_or(part);
    if part.is_empty() {
        return None;
    }
    let starts_upper = part.chars().next().is_some_and(char::is_uppercase);
    (starts_upper && part.split_whitespace().count() <= 4).then(|| part.to_string())
}

/// The outlet of a photo credit closing a caption:
/// `… (Jane Roe, Outlet)` → `Outlet`.
pub fn caption_outlet(caption: &str) -> Option<String> {
    caption_credit(caption).map(str::to_string)
}

/// The outlet of the match of
/// `\((?P<person>\p{Lu}[\p{L}.'\-]*(?:\s\p{Lu}[\p{L}.'\-]*){0,3}),\s*(?P<outlet>\p{Lu}[\p{L}\d.\-]*(?:\s\p{Lu}[\p{L}\d.\-]*){0,2})\)\s*$`,
/// read in code: its twin was the last pattern the parser built at
/// start-up. No character of a match after its `(` is a `(`, and its `)`
/// is the text's last but for spaces, so a match can only start at the
/// last `(` before that one. The person holds no comma, so it runs to the
/// first; the outlet starts after all the spaces (none is a capital) and
/// runs to the `)`. Each word of either is its whole run (see
/// [`name_end`]), as a space, `,` or `)` must follow it.
fn caption_credit(caption: &str) -> Option<&str> {
    let inner = caption
        .trim_end_matches(char::is_whitespace)
        .strip_suffix(')')?;
    let inner = &inner[inner.rfind('(')? + 1..];
    let (person, outlet) = inner.split_once(',')?;
    let outlet = uclass::spaces(outlet);
    let person_char = |c: char| uclass::is_letter(c) || matches!(c, '.' | '\'' | '-');
    let outlet_char =
        |c: char| uclass::is_letter(c) || uclass::is_digit(c) || matches!(c, '.' | '-');
    (name_end(person, person_char, 3) == Some(person.len())
        && name_end(outlet, outlet_char, 2) == Some(outlet.len()))
    .then_some(outlet)
}

/// Agencies credited for a quote in the wire manner: `…,” according to AFP.`
pub fn according_to_agencies(body: &str) -> Vec<String> {
    // The pattern's literal part, matched case-sensitively.
    if ACCORDING_TO_WORDS.find(body.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for a in according_to(body) {
        if !out.iter().any(|o| o == a) {
            out.push(a.to_string());
        }
    }
    out
}

/// The agencies of the matches of
/// `[,.]["”’]?\s+according to (?P<agency>\p{Lu}{2,5}|\p{Lu}[\p{Ll}]+ news agency)[.,;]`
/// in order, read in code: the pattern cost more to build than all its
/// searches. Each match holds one `according to `, and the spaces before
/// it are one run, so each occurrence has one place where a match can
/// start; that must not lie in the previous match, which a search resumes
/// after. A run of more than five capitals is no agency: the acronym then
/// meets a capital where `[.,;]` must be, and a capital followed by one is
/// not a name.
fn according_to(body: &str) -> impl Iterator<Item = &str> {
    let mut resume = 0;
    ACCORDING_TO_WORDS
        .find_iter(body.as_bytes())
        .filter_map(move |at| {
            let before = body[..at].trim_end_matches(char::is_whitespace);
            if before.len() == at {
                return None;
            }
            let before = before.strip_suffix(['"', '”', '’']).unwrap_or(before);
            let start = before.strip_suffix([',', '.'])?.len();
            let after = &body[at + "according to ".len()..];
            let caps = after.len() - after.trim_start_matches(uclass::is_upper).len();
            let first = after.chars().next()?.len_utf8();
            let agency = if caps > first && after[..caps].chars().nth(5).is_none() {
                &after[..caps]
            } else {
                let lower = after[first..].trim_start_matches(uclass::is_lower);
                let rest = lower.strip_prefix(" news agency")?;
                if caps != first || lower.len() == after.len() - first {
                    return None;
                }
                &after[..after.len() - rest.len()]
            };
            let end = body.len() - after.len() + agency.len();
            (start >= resume && body[end..].starts_with([',', '.', ';'])).then(|| {
                resume = end + 1;
                agency
            })
        })
}

/// Where a weekday name may start: each alternative of `date::WEEKDAY`
/// opens with one of these, and no two of them overlap. The packed
/// (SIMD) searcher: the automaton's own search read every byte of a body.
static WEEKDAY_OPENINGS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Searcher::new(WEEKDAY_NAMES.map(|name| &name[..3])).expect("seven words")
});

/// The positions in `body` where a weekday name may start after `\b`, in
/// order.
fn weekday_starts(body: &str) -> impl Iterator<Item = usize> + '_ {
    WEEKDAY_OPENINGS
        .find_iter(body)
        .map(|m| m.start())
        .filter(|&at| !word_before(body, at))
}

/// The first weekday the body names: the usual way a wire story says which
/// day it reports ("… in Lisbon on Tuesday"). As the regex
/// `\b(?:Monday|…|Sunday)\b`, read in code.
pub fn first_weekday(body: &str) -> Option<Weekday> {
    weekday_starts(body).find_map(|at| {
        let name = WEEKDAY_NAMES
            .iter()
            .find(|name| body[at..].starts_with(*name))?;
        let end = at + name.len();
        (!word_after(body, end))
            .then(|| date::weekday(name))
            .flatten()
    })
}

/// The weekday and the date of the first "Tuesday, November 29" in `body`:
/// the captures `wd` and `date` of
/// `\b(?:on\s+)?(?P<wd>{WEEKDAY}),?\s+(?P<date>{MONTH}\s+\d{1,2}|\d{1,2}\s+{MONTH})\b`,
/// read in code. Matches are ordered by where their weekday starts (an
/// `on` before it only moves the start back over spaces). At a start only
/// the first of the regex's alternatives that the text opens with can
/// match: the others are shorter abbreviations of the same day, after
/// which comes a letter where `\.?,?\s+` needs a dot, a comma or a space.
/// Likewise `\.?` and `,?` take the dot and the comma when they are there:
/// without them, they would meet `,?\s+` and `\s+`.
fn weekday_date(body: &str) -> Option<(&str, &str)> {
    weekday_starts(body).find_map(|at| {
        let text = &body[at..];
        let word = WEEKDAY_WORDS.iter().find(|wd| text.starts_with(*wd))?;
        let after = &text[word.len()..];
        let after = after.strip_prefix('.').unwrap_or(after);
        let wd = &text[..text.len() - after.len()];
        let after = after.strip_prefix(',').unwrap_or(after);
        // `\s+`, then a capital or a digit: the whole run.
        let date = spaced(after)?;
        Some((wd, &date[..date_len(date)?]))
    })
}

/// The length of `{MONTH}\s+\d{1,2}|\d{1,2}\s+{MONTH}` followed by `\b`
/// at the start of `s`, as the regex would match it.
fn date_len(s: &str) -> Option<usize> {
    let ends = |rest: &str| {
        let end = s.len() - rest.len();
        boundary(s, end).then_some(end)
    };
    date::MONTH_WORDS
        .iter()
        .filter_map(|m| spaced(s.strip_prefix(m)?))
        .find_map(|rest| digits(rest).find_map(ends))
        .or_else(|| {
            digits(s).find_map(|rest| {
                let rest = spaced(rest)?;
                date::MONTH_WORDS
                    .iter()
                    .find_map(|m| rest.strip_prefix(m).and_then(ends))
            })
        })
}

/// What follows `\d{1,2}` at the start of `s`: after two digits, then
/// after one, in the order the greedy regex tries them.
fn digits(s: &str) -> impl Iterator<Item = &str> {
    fn digit(s: &str) -> Option<&str> {
        let mut chars = s.chars();
        chars
            .next()
            .filter(|&c| uclass::is_digit(c))
            .map(|_| chars.as_str())
    }
    let one = digit(s);
    [one.and_then(digit), one].into_iter().flatten()
}

/// The article date when only the body gives it: the first
/// "Tuesday, November 29" whose weekday fixes the year, provided the text
/// speaks of that day as the present ("today").
///
/// `years` (the years the article mentions, see `date::mentioned_years`)
/// is asked for only when a written date needs its year.
pub fn body_date(body: &str, reference: Date, years: impl FnOnce() -> Vec<i16>) -> Option<Date> {
    // A body that never says "today" gives no date.
    TODAY.find(body.as_bytes())?;
    let (wd, written) = weekday_date(body)?;
    let (written, _) = date::find_date(&format!("{wd}, {written}"))?;
    match written.full() {
        Some(d) => Some(d),
        None => written.resolve(reference, &years()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;
    use regex::Regex;

    /// The caption credit pattern as written, the oracle of
    /// [`caption_credit`].
    static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\((?P<person>\p{Lu}[\p{L}.'\-]*(?:\s\p{Lu}[\p{L}.'\-]*){0,3}),\s*(?P<outlet>\p{Lu}[\p{L}\d.\-]*(?:\s\p{Lu}[\p{L}\d.\-]*){0,2})\)\s*$").unwrap()
    });

    fn caption_as_written(text: &str) {
        assert_eq!(
            caption_outlet(text),
            CAPTION_CREDIT
                .captures(text)
                .map(|c| c["outlet"].to_string()),
            "{text:?}"
        );
    }

    /// The rewritten searches against the patterns as written.
    fn same_as_written(text: &str) {
        let written = Regex::new(r"\b(?:an?|the)\s+(?P<outlet>\p{Lu}[\p{L}\d.\-]*(?:\s\p{Lu}[\p{L}\d.\-]*){0,2})\s+(?:correspondent|reporter|journalist)\s+reports?\b|\b(?:an?|the)\s+(?:correspondent|reporter|journalist)\s+(?:of|for|from)\s+(?P<outlet2>\p{Lu}[\p{L}\d.\-]*(?:\s\p{Lu}[\p{L}\d.\-]*){0,2})\s+reports?\b|,\s+(?P<outlet3>\p{Lu}[\p{L}\d\-]+)\s+reports\.").unwrap();
        let expected = written.captures(text).and_then(|c| {
            c.name("outlet")
                .or_else(|| c.name("outlet2"))
                .or_else(|| c.name("outlet3"))
                .map(|m| m.as_str().to_string())
        });
        assert_eq!(correspondent_source(text), expected, "{text:?}");
        caption_as_written(text);
        let written = Regex::new(
            r#"[,.]["”’]?\s+according to (?P<agency>\p{Lu}{2,5}|\p{Lu}[\p{Ll}]+ news agency)[.,;]"#,
        )
        .unwrap();
        let mut expected: Vec<String> = Vec::new();
        for c in written.captures_iter(text) {
            if !expected.contains(&c["agency"].to_string()) {
                expected.push(c["agency"].to_string());
            }
        }
        assert_eq!(according_to_agencies(text), expected, "{text:?}");
        let written = Regex::new(
            r"\b(?:said|says|told|added|adds|stated|asked|wrote|writes|explained|noted|stressed|according to)\b",
        )
        .unwrap();
        assert_eq!(has_speech_verb(text), written.is_match(text), "{text:?}");
    }

    #[test]
    fn bounds_as_written() {
        for text in [
            "said an Acme News Wire correspondent reports",
            "said an Acme News Wire Daily correspondent reports",
            "said the Acme News Wire Daily correspondent reports. Then a correspondent of Acme News reports",
            "the correspondent of Acme News Wire Daily reports, an X correspondent reports",
            "a correspondent for A B C reports",
            "Title (Jane Roe, Acme News Wire)",
            "Title (Jane Roe, Acme News Wire Daily)",
            "Title (Jane Mary Ann Roe, Acme)",
            "Title (Jane Mary Ann Lee Roe, Acme)",
            "in the city, ACMEWIRE reports. Later",
            "“No,” according to AFP. “Yes,” according to ACMEWIRE, and, according to AP;",
            "“No,” according to ABCDE. Later, according to Xinhua news agency.",
            "“Yes,” she said",
            "said",
            "unsaid",
            "saids",
            "Zoësaid",
            "said_",
            "saidé",
            "“said”",
            "according to_x",
            "according  to",
            "he asked, noted",
            "“No,” according to AP, according to AP. Then, according to AB.",
            "“No,” according to AP, according to AFP. Then. according to XY,",
            "“No” according to AP; .\u{a0}according to Ł\u{141}.",
            ", according to ABCDEF. ,\u{2028}according to Łódź news agency;",
            "a Łódź-2 Ünion correspondent reports; the correspondent from É\u{663} reports",
            "an Acme  News correspondent reports, an X Y Z W correspondent reports",
            "xthe Acme reporter reports, the Acme reporter reportsx, the Acme reporter report.",
            "in town, Ł reports. in town, Ł2 reports. in town, É. reports.",
        ] {
            same_as_written(text);
        }
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(vec![
                "an ", "a ", "the ", "The ", "correspondent", "reporter", "journalist", " reports", " report",
                ".", ",", ", ", " of ", " for ", "Acme", "News", "Wire", "A", "É", "x", " ", "\t",
                "(", ")", "Jane", "Roe", "O'Neil", "2", "-", "according to ", "AFP", "ABCDEF",
                " news agency", "”", ";", "\u{a0}", "\u{2009}", "\n", "reports", "misreport", "s", "_",
                "Ça", "é", "said", "says", "told", "asked", "wrote", "according to", "adds", "ed",
                "according", " to", "\u{17f}", "K", "\"", "’", "Ł", "ł", "\u{1c5}", "\u{2b0}",
                "\u{663}", "\u{2028}", "  ", "AB", "ABCDE", "Acme news agency", "the Acme correspondent",
                "thé ", ", Acme-2 reports.", "reports.", "an", "from ", " a correspondent of ",
            ])
            .prop_map(str::to_string),
            1 => "[A-Z][a-z]{0,8}",
            1 => "[a-z ]{1,12}",
        ]
    }

    proptest! {
        #[test]
        fn same_outlets_as_written(parts in proptest::collection::vec(fragment(), 0..24)) {
            same_as_written(&parts.concat());
        }
    }

    #[test]
    fn caption_credits_as_written() {
        for text in [
            "",
            ")",
            "()",
            "(, Acme)",
            "(Jane Roe, )",
            "Title (Jane Roe, Acme)",
            "Title (Jane Roe, Acme) \n\u{a0}\u{2003}\u{85}",
            "Title (Jane Roe, Acme)\u{200b}",
            "Title (Jane Roe, Acme) x",
            "Title (Jane Roe, Acme))",
            "Title (Jane Roe, Acme) (x)",
            "(A (Jane Roe, Acme)",
            "((Jane Roe, Acme)",
            "(J. R. R. Tolkien, Acme)",
            "(Jane Mary Ann Lee Roe, Acme)",
            "(Jane Roe, Acme News Wire)",
            "(Jane Roe, Acme News Wire Daily)",
            "(Jane Roe2, Acme)",
            "(Jane Roe, Acme2)",
            "(Jane Roe, Acme\u{663})",
            "(Jane Roe, Acme \u{663})",
            "(Jane  Roe, Acme)",
            "(Jane\u{a0}Roe, Acme)",
            "(Jane Roe,Acme)",
            "(Jane Roe,  \n Acme)",
            "(Jane Roe , Acme)",
            "(Jane Roe, Acme )",
            "(jane Roe, Acme)",
            "(\u{1c5}ane Roe, Acme)",
            "(\u{c9}mile Zo\u{eb} O'Neil-Smith, \u{141}\u{f3}d\u{17a}.pl)",
            "(Jane Roe, Acme, Wire)",
            "(Jane Roe, A'cme)",
            "(Jane Roe, Acme-Wire.)",
        ] {
            caption_as_written(text);
        }
        assert_eq!(
            caption_outlet("Title (J. R. R. Tolkien, Acme News Wire) "),
            Some("Acme News Wire".into())
        );
    }

    /// Captions closing, or nearly, with a credit: person and outlet
    /// words in and out of their classes, one space or others between
    /// them, one word too many, and what may follow the bracket.
    fn caption() -> impl Strategy<Value = String> {
        use proptest::sample::select;
        let person_word = prop_oneof![
            4 => select(vec!["Jane", "Roe", "O'Neil-Smith", "J.", "Zo\u{eb}", "\u{c9}mile", "\u{141}ukasz", "A"]),
            1 => select(vec!["Roe2", "R\u{663}", "jane", "\u{1c5}ane", "\u{130}", "\u{17f}", "K", "\u{212a}x", "X_Y", "Ann,"]),
        ];
        let outlet_word = prop_oneof![
            4 => select(vec!["Acme", "News", "Wire2", "\u{141}\u{f3}d\u{17a}.pl", "AP", "A-B", "B\u{663}", "X."]),
            1 => select(vec!["Ac'me", "\u{663}", "acme", "\u{1c5}x", "\u{17f}", "K", "A)", "A("]),
        ];
        (
            select(vec!["", "Title ", "A (b) ", "(", "(x ", "A ( ", "x)"]),
            prop_oneof![6 => Just("("), 1 => select(vec!["( ", ""])],
            words(person_word, 5),
            prop_oneof![4 => select(vec![",", ", "]), 1 => select(vec![" ,", ",\n\u{a0}", ""])],
            words(outlet_word, 4),
            prop_oneof![6 => Just(")"), 1 => select(vec!["", "))", " )"])],
            select(vec![
                "", "", " ", "\n", "\u{a0}", "\u{85}", " x", "\u{200b}", ".", " (x)",
            ]),
        )
            .prop_map(|(before, open, person, comma, outlet, close, after)| {
                format!("{before}{open}{person}{comma}{outlet}{close}{after}")
            })
    }

    /// One to `n` words, one space apart or, now and then, otherwise.
    fn words(
        word: impl Strategy<Value = &'static str> + Clone,
        n: usize,
    ) -> impl Strategy<Value = String> {
        use proptest::sample::select;
        let space = prop_oneof![
            6 => Just(" "),
            1 => select(vec!["\u{a0}", "\t", "  ", "", "\u{2003}", "\u{200b}"]),
        ];
        (word.clone(), proptest::collection::vec((space, word), 0..n)).prop_map(|(first, more)| {
            more.iter()
                .fold(first.to_string(), |s, (space, w)| s + space + w)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn caption_credits_as_the_pattern(text in caption()) {
            caption_as_written(&text);
        }
    }

    #[test]
    fn report_pre_check() {
        // A `report` the patterns need: after a space and an outlet's word
        // or one of the three nouns, and ending a word.
        for body in [
            "said an Acme correspondent reports",
            "a correspondent for Acme reports, he said",
            "in the city, Acme reports.",
            "Acme\u{a0}reports",
            "a correspondent from Écho reports",
        ] {
            assert!(may_report(body), "{body:?}");
        }
        // None of these `report`s can end a match.
        for body in [
            "the reporter said",
            "as reported by the correspondent",
            "the report was published. correspondent",
            "reports of fighting",
            "journalists misreport",
            "the correspondent said reportsx",
        ] {
            assert!(!may_report(body), "{body:?}");
        }
    }

    /// The correspondent's gate of a paragraph is set by a `report` that
    /// may end a form, or that opens the paragraph (joined, its word
    /// before is the paragraph before's), and by no other: such bodies
    /// are not joined for the search.
    #[test]
    fn correspondent_gate_reads_the_word_before() {
        let named = |p: &str| gates(p) & MAY_NAME != 0;
        for p in [
            "said a Quillmark correspondent reports",
            "the reporter reports it",
            "reports of fighting came in",
            "Officials said, Quillmark reports.",
        ] {
            assert!(named(p), "{p:?}");
        }
        for p in [
            "officials said reports of fighting were false",
            "the reporter said",
            "as the agency reports, prices rose",
            "she reportedly left",
        ] {
            assert!(!named(p), "{p:?}");
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(split_byline("Jane Doe"), (Some("Jane Doe".into()), None));
        assert_eq!(
            split_byline("Jane Doe, Reuters"),
            (Some("Jane Doe".into()), Some("Reuters".into()))
        );
        assert_eq!(
            split_byline("The Associated Press"),
            (None, Some("The Associated Press".into()))
        );
        assert_eq!(split_byline("AP"), (None, Some("AP".into())));
        assert_eq!(split_byline("RFE/RL"), (None, Some("RFE/RL".into())));
        assert_eq!(
            split_byline("MARY O'NEIL-SMITH"),
            (Some("Mary O'Neil-Smith".into()), None)
        );
        assert_eq!(
            split_byline("Jane Doe and John Roe"),
            (Some("Jane Doe".into()), None)
        );
    }

    #[test]
    fn sources_from_prose_and_credits() {
        assert_eq!(
            correspondent_source("remarks, an Acme-News correspondent reports."),
            Some("Acme-News".into())
        );
        assert_eq!(
            correspondent_source("talks, a correspondent of Acme-News reports."),
            Some("Acme-News".into())
        );
        assert_eq!(
            correspondent_source("in the capital, ACMEWIRE reports. Later"),
            Some("ACMEWIRE".into())
        );
        assert_eq!(credit_outlet("Jane Roe/Acme"), Some("Acme".into()));
        assert_eq!(credit_outlet("Presidential Press Service"), None);
        assert_eq!(
            caption_outlet("Title A minister (Jane Roe, Acme-News)"),
            Some("Acme-News".into())
        );
        assert_eq!(
            according_to_agencies("“We will,” according to XYZ. And"),
            ["XYZ"]
        );
    }

    /// The weekday searches against their patterns as written.
    fn weekdays_as_written(text: &str) {
        use std::sync::LazyLock;
        static WRITTEN: LazyLock<(Regex, Regex)> = LazyLock::new(|| {
            (
                Regex::new(&format!(
                    r"\b(?:on\s+)?(?P<wd>{}),?\s+(?P<date>{m}\s+\d{{1,2}}|\d{{1,2}}\s+{m})\b",
                    date::WEEKDAY,
                    m = date::MONTH
                ))
                .unwrap(),
                Regex::new(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
                    .unwrap(),
            )
        });
        let (body_date, mention) = &*WRITTEN;
        assert_eq!(
            weekday_date(text),
            body_date.captures(text).map(|c| (
                c.name("wd").unwrap().as_str(),
                c.name("date").unwrap().as_str()
            )),
            "{text:?}"
        );
        assert_eq!(
            first_weekday(text),
            mention.captures(text).and_then(|c| date::weekday(&c["wd"])),
            "{text:?}"
        );
    }

    #[test]
    fn weekday_words_are_the_patterns() {
        let weekday = Regex::new(&format!("^{}$", date::WEEKDAY)).unwrap();
        for w in WEEKDAY_WORDS {
            assert!(
                weekday.is_match(w) && weekday.is_match(&format!("{w}.")),
                "{w}"
            );
        }
        for text in [
            "",
            "Tuesday, November 29",
            "on Tuesday, Nov. 29, 2022",
            "Tue. 29 Nov. 2022",
            "Tues 29 Nov.x",
            "Thurs., Sept. 3",
            "Thursday,Sept 3",
            "Thu Sept.3",
            "Sun 3 May",
            "Sunday 12 Mayday",
            "Sunday 123 May",
            "Mon 1 June_",
            "Mon 1 Juneé",
            "xMonday, May 3",
            "éMonday, May 3",
            "Monday\u{a0}May\u{2003}3é",
            "Monday, May ٣",
            "Monday, ٣٣ May",
            "Monday May 3 and Tuesday, May 4",
            "Mondays, Monday",
            "Monday_ Tuesday",
            "Wed, Dec. 3, Wednesday",
            "Fri Sat, Jan 1",
        ] {
            weekdays_as_written(text);
        }
    }

    fn calendar_fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(vec![
                "Monday", "Tuesday", "Tue", "Tues", "Thu", "Thur", "Thurs", "Sun", "Sunday", "Sat",
                "Wed", "Fri", "May", "June", "Jun", "Sept", "Sep", "September", "Nov", "November",
                "Jan", "Dec", "Mar", "Aug", "July", "Jul", ".", ",", " ", "  ", "\u{a0}", "\n", "on ",
                "1", "12", "123", "٣", "_", "é", "x", "day", "s", "2022", "today", "On",
            ])
            .prop_map(str::to_string),
            1 => "[a-zA-Z0-9 ,.]{0,6}",
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        #[test]
        fn weekdays_as_the_patterns(parts in proptest::collection::vec(calendar_fragment(), 0..14)) {
            weekdays_as_written(&parts.concat());
        }

        #[test]
        fn weekdays_on_any_text(text in any::<String>()) {
            weekdays_as_written(&text);
        }
    }

    /// `weekday_date` as it was, trying every alternative and the paths
    /// with and without `.` and `,`.
    fn weekday_date_every_path(body: &str) -> Option<(&str, &str)> {
        weekday_starts(body).find_map(|at| {
            let text = &body[at..];
            WEEKDAY_WORDS.iter().find_map(|wd| {
                let after = text.strip_prefix(wd)?;
                [after.strip_prefix('.'), Some(after)]
                    .into_iter()
                    .flatten()
                    .find_map(|after| {
                        let wd = &text[..text.len() - after.len()];
                        [after.strip_prefix(','), Some(after)]
                            .into_iter()
                            .flatten()
                            .find_map(|after| {
                                let date = after.trim_start_matches(char::is_whitespace);
                                if date.len() == after.len() {
                                    return None;
                                }
                                Some((wd, &date[..date_len(date)?]))
                            })
                    })
            })
        })
    }

    /// Text around a weekday, perhaps a dot and a comma, and a date.
    fn weekday_and_date() -> impl Strategy<Value = String> {
        use proptest::sample::select;
        let around = || proptest::collection::vec(calendar_fragment(), 0..4);
        let date = prop_oneof![
            (
                select(date::MONTH_WORDS.to_vec()),
                select(vec![" 3", " 12", "1", " 123", " x"])
            )
                .prop_map(|(m, d)| format!("{m}{d}")),
            (
                select(vec!["3 ", "12 ", "1", "x "]),
                select(date::MONTH_WORDS.to_vec())
            )
                .prop_map(|(d, m)| format!("{d}{m}")),
        ];
        let marks = select(vec!["", ".", ",", ".,", ",.", ".."]);
        let space = select(vec!["", " ", "  ", "\u{a0}", "x", "\n"]);
        (
            around(),
            select(WEEKDAY_WORDS.to_vec()),
            marks,
            space,
            date,
            around(),
        )
            .prop_map(|(before, wd, marks, space, date, after)| {
                format!(
                    "{}{wd}{marks}{space}{date}{}",
                    before.concat(),
                    after.concat()
                )
            })
    }

    proptest! {
        #[test]
        fn one_path_per_weekday(text in prop_oneof![
            proptest::collection::vec(calendar_fragment(), 0..14).prop_map(|p| p.concat()),
            weekday_and_date(),
        ]) {
            prop_assert_eq!(weekday_date(&text), weekday_date_every_path(&text), "{:?}", text);
        }
    }

    #[test]
    fn body_date_needs_today() {
        let r = date(2026, 11, 23);
        let body = "The meeting today. As reported, on Tuesday, November 29, the talks begin.";
        assert_eq!(body_date(body, r, Vec::new), Some(date(2022, 11, 29)));
        assert_eq!(
            body_date("On Tuesday, November 29, talks began.", r, Vec::new),
            None
        );
    }
}
