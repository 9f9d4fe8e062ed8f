//! Calendar vocabulary shared by the header parser and the timex extractor:
//! month and weekday names, explicit date expressions, and fixing a missing
//! year from a weekday.
//!
//! All calendar arithmetic goes through `jiff`; nothing here counts days by
//! hand.

use crate::twin::{Twin, twin};
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

static DATE_RE: Twin = twin!(format!(
    r"(?x)
        (?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b)
        | (?P<dotted>\b(?P<ed>\d{{1,2}})\.(?P<em>\d{{1,2}})\.(?P<ey>\d{{4}})\b)
        | (?:\b(?P<wd1>{wd}),?\s+)?\b(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?
        | (?:\b(?P<wd2>{wd}),?\s+)?\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m})(?:,?\s+(?P<y2>\d{{4}})\b)?
        ",
    wd = WEEKDAY,
    m = MONTH
));

/// Finds the first written date in `s` with its byte range.
pub fn find_date(s: &str) -> Option<(WrittenDate, std::ops::Range<usize>)> {
    // Every form holds a decimal digit (`\d`, a subset of `is_numeric`):
    // text without one is passed over without running the regex.
    if !s.chars().any(char::is_numeric) {
        return None;
    }
    for caps in DATE_RE.captures_iter(s) {
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
            // `30.11.2022`: day first, as everywhere dots separate the parts.
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

warm_up_statics!(DATE_RE);

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
