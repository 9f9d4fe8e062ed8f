//! Calendar vocabulary shared by the header parser and the timex extractor:
//! month and weekday names, explicit date expressions, and fixing a missing
//! year from a weekday.
//!
//! All calendar arithmetic goes through `jiff`; nothing here counts days by
//! hand.

use crate::uclass;
use jiff::civil::{Date, Weekday};

/// The English month names as written in running text (capitalized, in
/// full), January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The words of `parts`, in order, as one array of `N` words (`N` must be
/// their total): word lists that extend [`MONTH_NAMES`] and
/// [`WEEKDAY_NAMES`] are built from them at compile time.
pub const fn concat_words<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut all = [""; N];
    let mut k = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            all[k] = parts[p][i];
            k += 1;
            i += 1;
        }
        p += 1;
    }
    assert!(k == N, "N is the number of words");
    all
}

/// The English weekday names as written in running text, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month number (1–12) for an English month name or abbreviation, with or
/// without a trailing dot, in any case.
pub fn month_number(word: &str) -> Option<i8> {
    let mut buf = [0; 9];
    let n = match folded(word, &mut buf)? {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sept" | b"sep" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Weekday for an English weekday name or common abbreviation.
pub fn weekday(word: &str) -> Option<Weekday> {
    let mut buf = [0; 9];
    let d = match folded(word, &mut buf)? {
        b"monday" | b"mon" => Weekday::Monday,
        b"tuesday" | b"tue" | b"tues" => Weekday::Tuesday,
        b"wednesday" | b"wed" => Weekday::Wednesday,
        b"thursday" | b"thu" | b"thur" | b"thurs" => Weekday::Thursday,
        b"friday" | b"fri" => Weekday::Friday,
        b"saturday" | b"sat" => Weekday::Saturday,
        b"sunday" | b"sun" => Weekday::Sunday,
        _ => return None,
    };
    Some(d)
}

/// `word` without its trailing dots and in ASCII lower case, in `buf`
/// when it fits: every month and weekday name does (`september`,
/// `wednesday`), and these lookups run on every date-shaped match, so a
/// new `String` each time was most of their cost.
fn folded<'b>(word: &str, buf: &'b mut [u8; 9]) -> Option<&'b [u8]> {
    let word = word.trim_end_matches('.').as_bytes();
    let out = buf.get_mut(..word.len())?;
    for (o, b) in out.iter_mut().zip(word) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// Regex source for a month name or abbreviation (no capture groups).
pub const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June|Jun\.?|July|Jul\.?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

/// The alternatives of [`MONTH`], in the order the regex tries them: the
/// parser's hand-written readers take the first of these a text starts
/// with (a test checks this against the regex).
pub const MONTH_WORDS: [&str; 36] = [
    "January",
    "Jan.",
    "Jan",
    "February",
    "Feb.",
    "Feb",
    "March",
    "Mar.",
    "Mar",
    "April",
    "Apr.",
    "Apr",
    "May",
    "June",
    "Jun.",
    "Jun",
    "July",
    "Jul.",
    "Jul",
    "August",
    "Aug.",
    "Aug",
    "September",
    "Sept.",
    "Sept",
    "Sep.",
    "Sep",
    "October",
    "Oct.",
    "Oct",
    "November",
    "Nov.",
    "Nov",
    "December",
    "Dec.",
    "Dec",
];

/// Regex source for a weekday name (no capture groups).
pub const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?";

/// The alternatives of [`WEEKDAY`] before its `\.?`, in the order the
/// regex tries them: the full names, then the abbreviations.
pub const WEEKDAY_WORDS: [&str; 17] = concat_words(&[
    &WEEKDAY_NAMES,
    &[
        "Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun",
    ],
]);

/// A date as written: the year may be missing, the weekday may be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    pub year: Option<i16>,
    pub month: i8,
    pub day: i8,
    pub weekday: Option<Weekday>,
}

impl WrittenDate {
    /// The full date when the year is written and the day exists.
    pub fn full(&self) -> Option<Date> {
        Date::new(self.year?, self.month, self.day).ok()
    }

    /// The full date, fixing a missing year from the weekday against
    /// `reference` (see [`year_for_weekday`]).
    pub fn resolve(&self, reference: Date, preferred_years: &[i16]) -> Option<Date> {
        if let Some(d) = self.full() {
            return Some(d);
        }
        let wd = self.weekday?;
        let year = year_for_weekday(self.month, self.day, wd, reference, preferred_years)?;
        Date::new(year, self.month, self.day).ok()
    }
}

/// Finds the first written date in `s` with its byte range: the first
/// match of the pattern `date_pattern` (kept in the tests) that reads as
/// a date, each search going on after the last match as `captures_iter`
/// did (an ISO or dotted date with other decimal digits than ASCII ones
/// ends it). Read in code: building the pattern cost more than all its
/// searches, which run on short lines. Every alternative opens with `\b`
/// before a word character, so a match can start only where a word does;
/// at each word start the alternatives are tried in the pattern's order,
/// and each of their optional and repeated parts has only one way to go
/// on (see `date_at`).
pub fn find_date(s: &str) -> Option<(WrittenDate, std::ops::Range<usize>)> {
    // Every form holds a decimal digit (`\d`, a subset of `is_numeric`):
    // text without one is passed over without the search.
    if !s.chars().any(char::is_numeric) {
        return None;
    }
    let mut from = 0;
    'search: loop {
        let mut prev_word = uclass::word_before(s, from);
        for (i, c) in s[from..].char_indices() {
            let word = uclass::is_word_char(c);
            if word && !prev_word {
                let at = from + i;
                if let Some((end, read)) = date_at(s, at) {
                    match read {
                        Read::Stop => return None,
                        Read::Date(Some(wd)) if valid_day(&wd) => return Some((wd, at..end)),
                        Read::Date(_) => {
                            from = end;
                            continue 'search;
                        }
                    }
                }
            }
            prev_word = word;
        }
        return None;
    }
}

/// The pattern that [`find_date`] reads in code, kept as its tests' oracle.
#[cfg(test)]
fn date_pattern() -> String {
    format!(
        r"(?x)
        (?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)
        | (?P<dotted>\b(?P<ed>\d{{1,2}})\.(?P<em>\d{{1,2}})\.(?P<ey>\d{{4}})\b)
        | (?:\b(?P<wd1>{wd}),?\s+)?\b(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?
        | (?:\b(?P<wd2>{wd}),?\s+)?\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m})(?:,?\s+(?P<y2>\d{{4}})\b)?
        ",
        wd = WEEKDAY,
        m = MONTH
    )
}

/// What a match of the date pattern reads as.
enum Read {
    /// The date, if the match names one (the day is checked after).
    Date(Option<WrittenDate>),
    /// An ISO or dotted date with other decimal digits than ASCII ones:
    /// the search ends with no date, as it always has.
    Stop,
}

/// The end of the match of the date pattern at `at`, a word start, and
/// what it reads as; the alternatives in the pattern's order, each with
/// its optional weekday first.
///
/// Each part has one way to go on, so no backtracking is needed: a run of
/// `\d{1,2}` must be followed by a character that is no digit (a `.`, a
/// suffix, a space or a word's end), so it takes the whole run or fails;
/// `\s+` is followed by a word character, so it takes every space; a
/// weekday or month name that must be followed by a space, dot or comma
/// is the one alternative of its list that ends there.
fn date_at(s: &str, at: usize) -> Option<(usize, Read)> {
    let num = |r: &std::ops::Range<usize>| s[r.clone()].parse::<i32>().ok();
    let opens = s.as_bytes()[at];
    if opens.is_ascii_digit() || !opens.is_ascii() {
        // `\b\d{4}-\d{2}-\d{2}\b`
        if let Some(iy) = digit_run(s, at, 4, 4)
            && let Some(im) = after_char(s, iy.end, '-').and_then(|i| digit_run(s, i, 2, 2))
            && let Some(id) = after_char(s, im.end, '-').and_then(|i| digit_run(s, i, 2, 2))
            && !uclass::word_after(s, id.end)
        {
            let read = match (num(&iy), num(&im), num(&id)) {
                (Some(y), Some(m), Some(d)) => Read::Date(Some(WrittenDate {
                    year: Some(y as i16),
                    month: m as i8,
                    day: d as i8,
                    weekday: None,
                })),
                _ => Read::Stop,
            };
            return Some((id.end, read));
        }
        // `\b\d{1,2}\.\d{1,2}\.\d{4}\b`
        if let Some(ed) = digit_run(s, at, 1, 2)
            && let Some(em) = after_char(s, ed.end, '.').and_then(|i| digit_run(s, i, 1, 2))
            && let Some(ey) = after_char(s, em.end, '.').and_then(|i| digit_run(s, i, 4, 4))
            && !uclass::word_after(s, ey.end)
        {
            // `30.11.2022`: day first, as everywhere dots separate the parts.
            let read = match (num(&ed), num(&em), num(&ey)) {
                (Some(d), Some(m), Some(y)) => {
                    Read::Date((1..=12).contains(&m).then_some(WrittenDate {
                        year: Some(y as i16),
                        month: m as i8,
                        day: d as i8,
                        weekday: None,
                    }))
                }
                _ => Read::Stop,
            };
            return Some((ey.end, read));
        }
    }
    let weekday = weekday_before_date(s, at);
    let named =
        |wd: Option<std::ops::Range<usize>>, m: std::ops::Range<usize>, (d, y, end): Day| {
            let read = written(&s[m], num(&d), y.as_ref().and_then(num), wd.map(|w| &s[w]));
            (end, Read::Date(read))
        };
    // The month first: `\b{wd}?{m}\s+\d{1,2}(?:st|nd|rd|th)?\b{year}?`.
    let starts = weekday.iter().map(|(w, i)| (Some(w.clone()), *i));
    for (wd, i) in starts.clone().chain([(None, at)]) {
        if let Some((m, j)) = spaced_month(s, i)
            && let Some(day) = day_then_year(s, j)
        {
            return Some(named(wd, m, day));
        }
    }
    // The day first: `\b{wd}?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?{m}{year}?`.
    for (wd, i) in starts.chain([(None, at)]) {
        if let Some((d, m)) = day_of_month(s, i) {
            let y = year_after(s, m.end);
            let end = y.as_ref().map_or(m.end, |y| y.end);
            return Some(named(wd, m, (d, y, end)));
        }
    }
    None
}

/// `(?:{wd},?\s+)` at `at`: the weekday's range (with its dot) and where
/// the spaces end.
fn weekday_before_date(s: &str, at: usize) -> Option<(std::ops::Range<usize>, usize)> {
    if !matches!(s.as_bytes()[at], b'M' | b'T' | b'W' | b'F' | b'S') {
        return None;
    }
    WEEKDAY_WORDS.iter().find_map(|w| {
        let mut end = at + w.len();
        if !s[at..].starts_with(w) {
            return None;
        }
        end += usize::from(s[end..].starts_with('.'));
        let comma = end + usize::from(s[end..].starts_with(','));
        let spaced = spaces_end(s, comma);
        (spaced > comma).then_some((at..end, spaced))
    })
}

/// `{m}\s+` at `at`: the month's range and where the spaces end.
fn spaced_month(s: &str, at: usize) -> Option<(std::ops::Range<usize>, usize)> {
    if !matches!(
        s.as_bytes().get(at),
        Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
    ) {
        return None;
    }
    MONTH_WORDS.iter().find_map(|m| {
        let end = at + m.len();
        if !s[at..].starts_with(m) {
            return None;
        }
        let spaced = spaces_end(s, end);
        (spaced > end).then_some((at..end, spaced))
    })
}

/// A day (digits, range, year range, match end).
type Day = (
    std::ops::Range<usize>,
    Option<std::ops::Range<usize>>,
    usize,
);

/// `\d{1,2}(?:st|nd|rd|th)?\b` and the optional year after, at `at`.
fn day_then_year(s: &str, at: usize) -> Option<Day> {
    let d = digit_run(s, at, 1, 2)?;
    let end = [d.end + ordinal_len(&s[d.end..]), d.end]
        .into_iter()
        .find(|&e| !uclass::word_after(s, e))?;
    let y = year_after(s, end);
    let end = y.as_ref().map_or(end, |y| y.end);
    Some((d, y, end))
}

/// `\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?{m}` at `at`: the day's and the
/// month's ranges.
fn day_of_month(s: &str, at: usize) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let d = digit_run(s, at, 1, 2)?;
    let ordinal = d.end + ordinal_len(&s[d.end..]);
    let after = [ordinal, d.end]
        .into_iter()
        .map(|e| (e, spaces_end(s, e)))
        .find(|&(e, spaced)| spaced > e)?
        .1;
    let of = s[after..]
        .strip_prefix("of")
        .map(|_| spaces_end(s, after + 2))
        .filter(|&spaced| spaced > after + 2);
    let i = of.unwrap_or(after);
    let m = MONTH_WORDS.iter().find(|m| s[i..].starts_with(*m))?;
    Some((d, i..i + m.len()))
}

/// The length of an ordinal suffix (`st`, `nd`, `rd`, `th`) opening `s`, or 0.
fn ordinal_len(s: &str) -> usize {
    match s.as_bytes() {
        [b's', b't', ..] | [b'n', b'd', ..] | [b'r', b'd', ..] | [b't', b'h', ..] => 2,
        _ => 0,
    }
}

/// `(?:,?\s+(\d{4})\b)?` at `at`: the year's range when it is there.
fn year_after(s: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let comma = at + usize::from(s[at..].starts_with(','));
    let spaced = spaces_end(s, comma);
    if spaced == comma {
        return None;
    }
    digit_run(s, spaced, 4, 4).filter(|y| !uclass::word_after(s, y.end))
}

/// `\d{min,max}` at `at`, greedy: the run's range when it holds at least
/// `min` digits (Unicode `\d`). The caller checks what follows, which a
/// longer run fails.
fn digit_run(s: &str, at: usize, min: usize, max: usize) -> Option<std::ops::Range<usize>> {
    after_digits(&s[at..], min, max).map(|rest| at..s.len() - rest.len())
}

/// `s` after `\d{min,max}` taken greedily (Unicode `\d`), when it opens
/// with at least `min` digits.
pub(super) fn after_digits(s: &str, min: usize, max: usize) -> Option<&str> {
    let (mut end, mut n) = (0, 0);
    for c in s.chars().take(max) {
        if !uclass::is_digit(c) {
            break;
        }
        end += c.len_utf8();
        n += 1;
    }
    (n >= min).then(|| &s[end..])
}

/// Where `c` ends when it stands at `at`.
fn after_char(s: &str, at: usize, c: char) -> Option<usize> {
    s[at..].starts_with(c).then_some(at + c.len_utf8())
}

/// Where the `\s*` at `at` ends.
fn spaces_end(s: &str, at: usize) -> usize {
    s.len() - uclass::spaces(&s[at..]).len()
}

fn written(
    month: &str,
    day: Option<i32>,
    year: Option<i32>,
    wd: Option<&str>,
) -> Option<WrittenDate> {
    Some(WrittenDate {
        year: year.map(|y| y as i16),
        month: month_number(month)?,
        day: i8::try_from(day?).ok()?,
        weekday: wd.and_then(weekday),
    })
}

fn valid_day(w: &WrittenDate) -> bool {
    if !(1..=12).contains(&w.month) || w.day < 1 {
        return false;
    }
    match w.year {
        Some(y) => (1000..=2999).contains(&y) && Date::new(y, w.month, w.day).is_ok(),
        // A leap year accepts every day that exists in some year.
        None => Date::new(2000, w.month, w.day).is_ok(),
    }
}

/// The year in which `month`/`day` falls on `weekday`, looking back from the
/// reference date's year at most 28 years (one full weekday cycle).
///
/// Among the matching years a year that the text itself mentions
/// (`preferred_years`) wins; otherwise the latest one not after the
/// reference. The reference comes from `--reference-date`, `CORPUS_CLI_NOW`
/// or the clock, so pinning it makes the result reproducible.
pub fn year_for_weekday(
    month: i8,
    day: i8,
    weekday: Weekday,
    reference: Date,
    preferred_years: &[i16],
) -> Option<i16> {
    let matches: Vec<i16> = (0..=28)
        .map(|back| reference.year() - back)
        .filter(|&y| Date::new(y, month, day).is_ok_and(|d| d.weekday() == weekday))
        .collect();
    matches
        .iter()
        .copied()
        .find(|y| preferred_years.contains(y))
        .or_else(|| matches.first().copied())
}

/// Four-digit years (1900–2099) mentioned in `text`, for year preference:
/// the matches of `\b(19\d\d|20\d\d)\b` that parse as numbers, read in
/// code: the pattern cost more to build than all its searches. Only ASCII
/// digits parse, and a match is a whole word (four word characters with
/// `\b` on both sides), so the matches that count are the words of four
/// ASCII digits opening with `19` or `20`; matches with other decimal
/// digits are whole words too, so they can neither hide nor overlap one.
pub fn mentioned_years(text: &str) -> Vec<i16> {
    let bytes = text.as_bytes();
    let mut years: Vec<i16> = memchr::memchr2_iter(b'1', b'2', bytes)
        .filter_map(|at| {
            let year = bytes.get(at..at + 4)?;
            (matches!(year, [b'1', b'9', ..] | [b'2', b'0', ..])
                && year[2..].iter().all(u8::is_ascii_digit)
                && !uclass::word_before(text, at)
                && !uclass::word_after(text, at + 4))
            .then(|| year.iter().fold(0, |y, d| y * 10 + i16::from(d - b'0')))
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Formats a date as ISO `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    iso_with(d, "")
}

/// [`iso`] of `d` followed by `suffix` (a timex's `TNI`, `TMO`), in one
/// string.
pub fn iso_with(d: Date, suffix: &str) -> String {
    let mut out = String::with_capacity(10 + suffix.len());
    push_padded(&mut out, d.year().into(), 4);
    out.push('-');
    push_padded(&mut out, d.month().into(), 2);
    out.push('-');
    push_padded(&mut out, d.day().into(), 2);
    out.push_str(suffix);
    out
}

/// `format!("{n:0width$}")` appended to `out`. Dates are written for every
/// timex and record, and `format!` spent ~900 cycles on each number
/// (`format_inner`): digits are written here, and only a number that does
/// not fit `width` digits (negative or longer; none in news) is formatted.
pub fn push_padded(out: &mut String, n: i64, width: usize) {
    match u64::try_from(n) {
        Ok(mut v) if width <= 4 && v < 10u64.pow(width as u32) => {
            let mut digits = [b'0'; 4];
            for d in digits[..width].iter_mut().rev() {
                *d = b'0' + (v % 10) as u8;
                v /= 10;
            }
            out.push_str(std::str::from_utf8(&digits[..width]).expect("ASCII digits"));
        }
        _ => {
            use std::fmt::Write;
            write!(out, "{n:0width$}").expect("a String takes any text");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    /// `mentioned_years` as the pattern it reads in code.
    fn years_as_written(text: &str) {
        let written = regex::Regex::new(r"\b(19\d\d|20\d\d)\b").unwrap();
        let mut expected: Vec<i16> = written
            .find_iter(text)
            .filter_map(|m| m.as_str().parse().ok())
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(mentioned_years(text), expected, "{text:?}");
    }

    #[test]
    fn years_at_their_bounds() {
        for text in [
            "in 1999 and 2024, not 2199, 1899 or 19999",
            "2020s 2021_ _2022 x2023 2024é é2025 2026\u{663} \u{663}2027",
            "1\u{663}2028 19\u{663}\u{664} 2029",
            "(2030) 2031. 2032-2033/1990",
            "2000",
            "200",
        ] {
            years_as_written(text);
        }
    }

    proptest! {
        #[test]
        fn years_as_the_pattern(parts in proptest::collection::vec(prop_oneof![
            proptest::sample::select(vec![
                "19", "20", "1", "2", "0", "9", "99", "24", " ", ".", "-", "_", "a", "é", "\u{663}",
                "\u{a0}", "\u{2013}", "x",
            ]).prop_map(str::to_string),
            "[0-9]{1,5}",
        ], 0..16)) {
            years_as_written(&parts.concat());
        }
    }

    /// `find_date` as it was, with the pattern it reads in code.
    fn date_as_written(s: &str) -> Option<(WrittenDate, std::ops::Range<usize>)> {
        static WRITTEN: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new(&date_pattern()).unwrap());
        if !s.chars().any(char::is_numeric) {
            return None;
        }
        for caps in WRITTEN.captures_iter(s) {
            let whole = caps.get(0)?;
            let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
            let parsed = if caps.name("iso").is_some() {
                let (y, m, d) = (num("iy")?, num("im")?, num("id")?);
                Some(WrittenDate {
                    year: Some(y as i16),
                    month: m as i8,
                    day: d as i8,
                    weekday: None,
                })
            } else if caps.name("dotted").is_some() {
                let (d, m, y) = (num("ed")?, num("em")?, num("ey")?);
                (1..=12).contains(&m).then_some(WrittenDate {
                    year: Some(y as i16),
                    month: m as i8,
                    day: d as i8,
                    weekday: None,
                })
            } else if let Some(m) = caps.name("m1") {
                written(
                    m.as_str(),
                    num("d1"),
                    num("y1"),
                    caps.name("wd1").map(|w| w.as_str()),
                )
            } else if let Some(m) = caps.name("m2") {
                written(
                    m.as_str(),
                    num("d2"),
                    num("y2"),
                    caps.name("wd2").map(|w| w.as_str()),
                )
            } else {
                None
            };
            if let Some(wd) = parsed.filter(valid_day) {
                return Some((wd, whole.range()));
            }
        }
        None
    }

    #[test]
    fn dates_as_the_pattern_fixed_lines() {
        for line in [
            "2022-11-29",
            "x2022-11-29 2022-11-30",
            "2022-11-29x, 1.2.2024",
            "12022-11-29",
            "2022-11-290 and 3 May",
            "\u{663}\u{663}\u{663}\u{663}-11-29 and 2022-11-30",
            "1.2.\u{663}024, 3 May 2024",
            "13.13.2024 then 12.12.2024",
            "1.123.2024 5.5.2024",
            "Tuesday, November 29, 2022",
            "Tues. Nov. 29th 2022",
            "Thurs, 1st Sept. 2022",
            "Thur 31 of December",
            "Sun.,\u{a0}5 Jun.2022",
            "5 Junk 2022",
            "5 Mayor",
            "May 5th, 2021",
            "May 5thx, 2021",
            "May 123 and May 12",
            "May \u{663} 2022, June 3",
            "March 5, \u{663}\u{663}\u{663}\u{663}",
            "Nov 31, then Dec 1",
            "Feb 29 2023, Feb 29 2024",
            "31 of\u{3000}March",
            "ofMarch 3 ofMarch",
            "Monday\n3 March",
            "MONDAY 3 March",
            "Mondays 3 March",
            "\u{212a}3 March 2024",
            "é3 March",
            "ſ 3 March",
            "İ3 March ı",
            "5, 2022 3 May",
            "3 May, 2022x",
            "3 May ,2022",
            "3 May 20222",
            "Sat 3",
            "Sept 5 Sep. 6 Sept. 7 September 8",
            "0 May 2022 00.01.2022 01.00.2022",
        ] {
            assert_eq!(find_date(line), date_as_written(line), "{line:?}");
        }
    }

    /// The pattern's words (month and weekday names, ordinals, `of`),
    /// digits, spaces and letters around them.
    fn date_fragment() -> impl Strategy<Value = String> {
        let words: Vec<&str> = MONTH_WORDS
            .iter()
            .chain(&WEEKDAY_NAMES)
            .copied()
            .chain([
                "Mon",
                "Tues",
                "Tue",
                "Wed",
                "Thurs",
                "Thur",
                "Thu",
                "Fri",
                "Sat",
                "Sun",
                "Sept",
                "Mayor",
                "st",
                "nd",
                "rd",
                "th",
                "of",
                "1",
                "5",
                "12",
                "29",
                "31",
                "0",
                "13",
                "123",
                "2022",
                "1999",
                "20222",
                "\u{663}",
                "\u{ff11}",
                "20\u{663}2",
                " ",
                "  ",
                "\u{a0}",
                "\u{3000}",
                "\u{2009}",
                "\t",
                "\n",
                ",",
                ".",
                "-",
                ":",
                "/",
                "x",
                "_",
                "é",
                "ſ",
                "\u{212a}",
                "\u{130}",
                "\u{131}",
                "\u{3b1}",
            ])
            .collect();
        prop_oneof![
            6 => proptest::sample::select(words).prop_map(str::to_string),
            1 => (proptest::sample::select(MONTH_WORDS.to_vec()), any::<bool>())
                .prop_map(|(m, upper)| if upper {
                    m.to_uppercase()
                } else {
                    m.to_lowercase()
                }),
            1 => "[0-9]{1,5}",
        ]
    }

    /// Whole dates in each form (day first or month first, ISO, dotted),
    /// with or without a weekday, ordinal or year, and what may stand
    /// around them: a letter, `_`, a digit (ASCII or not) or a part of
    /// another date right after the day, month or year, where a `\b` or a
    /// digit count decides the match.
    fn whole_date() -> impl Strategy<Value = String> {
        let pick = |list: &[&'static str]| {
            proptest::sample::select(list.to_vec()).prop_map(str::to_string)
        };
        let month = prop_oneof![
            4 => pick(&MONTH_WORDS),
            1 => pick(&["MAY", "may", "Mayor", "Junk", "Sept", "Sep.t"]),
        ];
        let day = pick(&[
            "1", "5", "05", "12", "29", "31", "0", "123", "\u{663}", "1\u{663}",
        ]);
        let ordinal = pick(&["", "", "st", "th", "nd", "x", "_"]);
        let gap = pick(&[" ", " ", "  ", "\u{a0}", "\u{3000}", "", " of ", "\n", "-"]);
        let comma = pick(&["", "", ",", " ,", ", "]);
        let year = pick(&[
            "2022",
            "1999",
            "20222",
            "202",
            "\u{663}\u{663}\u{663}\u{663}",
            "20\u{663}2",
        ]);
        let edge = pick(&[
            "", "", "x", "_", "é", "5", "\u{663}", ".", " ", ",", "-", "s", "th", "\u{212a}", "ſ",
            "\u{131}",
        ]);
        let weekday = pick(&["", "", "Monday, ", "Tues. ", "Sun ", "Thur,\u{a0}", "Fri"]);
        let numeric = pick(&[
            "2022",
            "1999",
            "12022",
            "\u{663}\u{663}\u{663}\u{663}",
            "1",
            "12",
            "123",
        ]);
        let part = pick(&["11", "1", "29", "123", "\u{663}\u{663}", "13", "00"]);
        let named = (
            (weekday, day, ordinal, gap.clone(), month),
            (comma, gap, year, any::<bool>(), any::<bool>()),
        )
            .prop_map(|((wd, d, o, g, m), (c, g2, y, month_first, with_year))| {
                let year = if with_year {
                    format!("{c}{g2}{y}")
                } else {
                    String::new()
                };
                if month_first {
                    format!("{wd}{m}{g}{d}{o}{year}")
                } else {
                    format!("{wd}{d}{o}{g}{m}{year}")
                }
            });
        let dashed = (
            numeric,
            part.clone(),
            part,
            pick(&["-", "."]),
            any::<bool>(),
        )
            .prop_map(|(y, a, b, sep, iso)| {
                if iso {
                    format!("{y}{sep}{a}{sep}{b}")
                } else {
                    format!("{a}{sep}{b}{sep}{y}")
                }
            });
        (edge.clone(), prop_oneof![named, dashed], edge).prop_map(|(a, d, b)| format!("{a}{d}{b}"))
    }

    proptest! {
        #[test]
        fn whole_dates_as_the_pattern(dates in proptest::collection::vec(whole_date(), 1..3)) {
            let line = dates.concat();
            prop_assert_eq!(find_date(&line), date_as_written(&line), "{:?}", line);
        }

        #[test]
        fn dates_as_the_pattern(parts in proptest::collection::vec(date_fragment(), 0..12)) {
            let line = parts.concat();
            prop_assert_eq!(find_date(&line), date_as_written(&line), "{:?}", line);
        }

        #[test]
        fn dates_as_the_pattern_on_any_text(line in any::<String>()) {
            prop_assert_eq!(find_date(&line), date_as_written(&line), "{:?}", line);
        }
    }

    /// The month names in the order `MONTH`'s alternatives take them:
    /// each name (and each name with a following letter, dot or digit) is
    /// read as the first of the list it starts with.
    #[test]
    fn month_words_are_the_month_pattern() {
        let month = regex::Regex::new(&format!("^{MONTH}")).unwrap();
        for m in MONTH_WORDS {
            for tail in ["", ".", "a", "t", "t.", "e", "y", " 3", "ember"] {
                let text = format!("{m}{tail}");
                let ours = MONTH_WORDS.iter().find(|n| text.starts_with(*n)).copied();
                assert_eq!(ours, month.find(&text).map(|f| f.as_str()), "{text:?}");
            }
        }
    }

    /// The name lookups as they were, lower-casing into a new string.
    fn oracle_names(word: &str) -> (Option<i8>, Option<Weekday>) {
        let w = word.trim_end_matches('.').to_ascii_lowercase();
        let month = match w.as_str() {
            "january" | "jan" => Some(1),
            "february" | "feb" => Some(2),
            "march" | "mar" => Some(3),
            "april" | "apr" => Some(4),
            "may" => Some(5),
            "june" | "jun" => Some(6),
            "july" | "jul" => Some(7),
            "august" | "aug" => Some(8),
            "september" | "sept" | "sep" => Some(9),
            "october" | "oct" => Some(10),
            "november" | "nov" => Some(11),
            "december" | "dec" => Some(12),
            _ => None,
        };
        let day = match w.as_str() {
            "monday" | "mon" => Some(Weekday::Monday),
            "tuesday" | "tue" | "tues" => Some(Weekday::Tuesday),
            "wednesday" | "wed" => Some(Weekday::Wednesday),
            "thursday" | "thu" | "thur" | "thurs" => Some(Weekday::Thursday),
            "friday" | "fri" => Some(Weekday::Friday),
            "saturday" | "sat" => Some(Weekday::Saturday),
            "sunday" | "sun" => Some(Weekday::Sunday),
            _ => None,
        };
        (month, day)
    }

    #[test]
    fn name_lookups_fixed_cases() {
        for word in [
            "",
            ".",
            "Jan",
            "jan.",
            "JANUARY",
            "Janu",
            "Sept.",
            "sept",
            "Sep",
            "SEPTEMBER",
            "Septembers",
            "may",
            "Mayo",
            "Thur",
            "THURS.",
            "Thurs..",
            "wednesday",
            "Wednesdays",
            "tues",
            "Tu",
            "Sun.",
            "ſun",
            "Dec\u{e9}",
            "\u{e9}",
            "mon ",
        ] {
            assert_eq!(
                (month_number(word), weekday(word)),
                oracle_names(word),
                "{word:?}"
            );
        }
    }

    proptest! {
        /// The digits written by hand against `format!`.
        #[test]
        fn padded_as_format(
            n in prop_oneof![-20_000i64..20_000, any::<i64>(), Just(9_999), Just(10_000), Just(99), Just(100)],
            width in prop_oneof![Just(2usize), Just(4usize)],
        ) {
            let mut got = String::from("x");
            push_padded(&mut got, n, width);
            prop_assert_eq!(got, format!("x{n:0width$}"));
        }

        #[test]
        fn iso_as_format(
            y in prop_oneof![-9_999i16..=9_999, 1_800i16..2_100],
            m in 1i8..=12,
            d in 1i8..=31,
            suffix in prop_oneof![Just(""), Just("TNI"), Just("TMO")],
        ) {
            if let Ok(date) = Date::new(y, m, d) {
                let want = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
                prop_assert_eq!(iso(date), want.clone());
                prop_assert_eq!(iso_with(date, suffix), want + suffix);
            }
        }
    }

    proptest! {
        #[test]
        fn name_lookups_as_the_oracle(word in "[a-zA-Z.ſé]{0,11}") {
            prop_assert_eq!((month_number(&word), weekday(&word)), oracle_names(&word));
        }
    }

    #[test]
    fn finds_written_dates() {
        let (d, r) = find_date("date 2022-11-29   1. Skip").unwrap();
        assert_eq!(d.full(), Some(date(2022, 11, 29)));
        assert_eq!(r, 5..15);
        let (d, _) = find_date("March 06, 2008").unwrap();
        assert_eq!(d.full(), Some(date(2008, 3, 6)));
        let (d, _) = find_date("29 Nov. 2022").unwrap();
        assert_eq!(d.full(), Some(date(2022, 11, 29)));
        let (d, _) = find_date("on Tuesday, November 29, a meeting").unwrap();
        assert_eq!(
            (d.year, d.month, d.day, d.weekday),
            (None, 11, 29, Some(Weekday::Tuesday))
        );
        assert!(find_date("Nov 31").is_none());
        assert!(find_date("May I say").is_none());
    }

    #[test]
    fn weekday_fixes_the_year() {
        let today = date(2026, 11, 23);
        // 29 November was a Tuesday in 2022, 2016 and 2011.
        assert_eq!(
            year_for_weekday(11, 29, Weekday::Tuesday, today, &[]),
            Some(2022)
        );
        assert_eq!(
            year_for_weekday(11, 29, Weekday::Tuesday, today, &[2016]),
            Some(2016)
        );
        // 29 February exists only in leap years.
        assert_eq!(
            year_for_weekday(2, 29, Weekday::Thursday, today, &[]),
            Some(2024)
        );
    }

    #[test]
    fn month_and_weekday_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("DECEMBER"), Some(12));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(weekday("Wed"), Some(Weekday::Wednesday));
    }
}
