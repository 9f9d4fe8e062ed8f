//! Normalizing one matched expression to an ISO value. All arithmetic goes
//! through `jiff`.
//!
//! Rules (HeidelTime-style, documented in `docs/timeline.md`):
//! * explicit dates keep their precision (`2023-07`, `2008`);
//! * a year-less day or month takes, in a dated article, the year that puts
//!   it nearest the article date, biased by tense: past tense picks the
//!   occurrence on or before the article date, future tense (`will`, `is
//!   to`, `scheduled`, …) the one on or after it. An article of 2 January
//!   saying "on December 30" therefore means the previous year;
//! * a bare weekday follows the same rule (future → the next such day, the
//!   article day included; past → the previous one, the day included; no
//!   tense → the nearest one); `last`/`next` force the direction, strictly;
//! * in an undated article, year-less dates take the last explicit year
//!   written before them (narrative anchor), or a written weekday fixes the
//!   year against the reference day; relative expressions stay `null`.

use std::cell::OnceCell;

use crate::parse::date::mentioned_years;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::{Found, GROUPS, alt};
use crate::parse::date::{
    WrittenDate, iso, iso_with, month_number, push_padded, weekday, year_for_weekday,
};

/// Tense of the sentence around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    None,
}

impl Tense {
    /// Future when a future cue is present (`will`, `'ll`, `shall`, `is to`,
    /// `going to`, `scheduled`, `expected to`, `plans to`, `next`,
    /// `upcoming`), else past when a past-tense verb cue is (`was`, `were`,
    /// `had`, `did`, `-ed` verbs), else none.
    pub fn of(sentence: &str) -> Tense {
        if sentence.is_ascii() {
            return Tense::of_ascii(sentence.as_bytes());
        }
        let lower = sentence.to_lowercase();
        let mut cues = Cues::default();
        lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .for_each(|w| cues.word(w.as_bytes()));
        cues.tense()
    }

    /// [`Tense::of`] for ASCII text: its words are the runs of letters,
    /// digits and `'`, lower-cased one at a time.
    fn of_ascii(sentence: &[u8]) -> Tense {
        let mut cues = Cues::default();
        let mut start: Option<usize> = None;
        for (i, &b) in sentence.iter().enumerate() {
            let in_word = b.is_ascii_alphanumeric() || b == b'\'';
            match (in_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    cues.ascii_word(&sentence[s..i]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            cues.ascii_word(&sentence[s..]);
        }
        cues.tense()
    }
}

/// The tense cues met so far, word by word.
#[derive(Default)]
struct Cues {
    future: bool,
    past: bool,
    /// The previous word asks for a `to` after it (`is to`, `going to`).
    before_to: bool,
}

impl Cues {
    /// One lower-cased word.
    fn word(&mut self, w: &[u8]) {
        self.future |= self.before_to && w == b"to"
            || matches!(
                w,
                b"will" | b"shall" | b"upcoming" | b"scheduled" | b"won't" | b"won\xe2\x80\x99t"
            )
            || w.ends_with(b"'ll")
            || w.ends_with("’ll".as_bytes());
        self.before_to = matches!(
            w,
            b"is" | b"are" | b"going" | b"expected" | b"plans" | b"planned" | b"due" | b"set"
        );
        self.past |= matches!(
            w,
            b"was"
                | b"were"
                | b"had"
                | b"did"
                | b"ago"
                | b"took"
                | b"met"
                | b"came"
                | b"went"
                | b"said"
                | b"told"
        ) || (w.len() > 4 && w.ends_with(b"ed"));
    }

    /// An ASCII word as written. No cue word is longer than nine letters:
    /// a longer word can only end like one (`'ll`, `-ed`).
    fn ascii_word(&mut self, w: &[u8]) {
        let mut buf = [0u8; 9];
        if let Some(lower) = buf.get_mut(..w.len()) {
            for (l, b) in lower.iter_mut().zip(w) {
                *l = b.to_ascii_lowercase();
            }
            self.word(lower);
        } else {
            let tail = &w[w.len() - 3..];
            self.future |= tail.eq_ignore_ascii_case(b"'ll");
            self.before_to = false;
            self.past |= tail[1..].eq_ignore_ascii_case(b"ed");
        }
    }

    fn tense(&self) -> Tense {
        if self.future {
            Tense::Future
        } else if self.past {
            Tense::Past
        } else {
            Tense::None
        }
    }
}

/// What expressions are anchored to.
#[derive(Clone, Debug)]
pub struct Anchor<'t> {
    /// The article date (document creation time), if known.
    pub dct: Option<Date>,
    /// Fallback day used only to fix a year from a written weekday.
    pub reference: Date,
    /// Years written anywhere in the article (preferred by weekday fixing,
    /// which only undated articles need): read from `text` on first need,
    /// since few articles have a date that needs them and reading them is a
    /// walk of the whole text.
    years: OnceCell<Vec<i16>>,
    /// The article text the years are read from.
    text: &'t str,
    /// Last explicit year written so far (narrative anchor).
    pub narrative: Option<i16>,
}

fn num(caps: &Found, group: usize) -> Option<i32> {
    caps.get(group).and_then(|m| m.as_str().parse().ok())
}

fn ym(y: i16, m: i8) -> String {
    let mut out = String::with_capacity(7);
    push_padded(&mut out, y.into(), 4);
    out.push('-');
    push_padded(&mut out, m.into(), 2);
    out
}

fn part_suffix(part: &str) -> &'static str {
    match part {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    }
}

impl<'t> Anchor<'t> {
    /// An anchor whose article mentions `years`.
    pub fn new(dct: Option<Date>, reference: Date, years: Vec<i16>) -> Anchor<'t> {
        Anchor {
            dct,
            reference,
            years: OnceCell::from(years),
            text: "",
            narrative: None,
        }
    }

    /// An anchor for the article `text`, whose years are read when needed.
    pub fn of_text(dct: Option<Date>, reference: Date, text: &'t str) -> Anchor<'t> {
        Anchor {
            dct,
            reference,
            years: OnceCell::new(),
            text,
            narrative: None,
        }
    }

    fn years(&self) -> &[i16] {
        self.years.get_or_init(|| mentioned_years(self.text))
    }

    /// Value and range end of one match; `sentence` gives the sentence
    /// around it, `tense` its tense. Most matches (years, explicit dates)
    /// need neither, so each is only asked for where a rule uses it.
    pub fn resolve<'s>(
        &mut self,
        caps: &Found,
        sentence: impl FnOnce() -> &'s str,
        tense: impl FnOnce() -> Tense,
    ) -> (Option<String>, Option<String>) {
        let g = &*GROUPS;
        // Only the alternative's own groups take part: its shape is read
        // from it, not from a test of each alternative's group in turn.
        match caps.alternative() {
            alt::ISO => {
                let d = Date::new(
                    num(caps, g.isoy).unwrap_or(0) as i16,
                    num(caps, g.isom).unwrap_or(0) as i8,
                    num(caps, g.isod).unwrap_or(0) as i8,
                )
                .ok();
                if let Some(d) = d {
                    self.narrative = Some(d.year());
                }
                (d.map(iso), None)
            }
            alt::MD => self.month_day(caps, &caps[g.mdm], g.mdd, g.mdd2, g.mdy, g.mdwd, tense),
            alt::DM => self.month_day(caps, &caps[g.dmm], g.dmd, g.dmd2, g.dmy, g.dmwd, tense),
            alt::MYA => {
                let (Some(m), Some(y)) = (month_number(&caps[g.mya]), num(caps, g.myay)) else {
                    return (None, None);
                };
                self.narrative = Some(y as i16);
                (Some(ym(y as i16, m)), None)
            }
            alt::MY => {
                let Some(m) = month_number(&caps[g.mym]) else {
                    return (None, None);
                };
                if let Some(y) = num(caps, g.myy) {
                    self.narrative = Some(y as i16);
                    return (Some(ym(y as i16, m)), None);
                }
                let rel = caps.get(g.myrel).map(|r| r.as_str().to_ascii_lowercase());
                (self.bare_month(m, rel.as_deref(), tense), None)
            }
            alt::DEC => (Some(caps[g.dec][..3].to_string()), None),
            alt::YEAR => {
                let Some(y) = num(caps, g.year) else {
                    return (None, None);
                };
                self.narrative = Some(y as i16);
                let m = caps.get(g.ymod).map(|m| m.as_str().to_ascii_lowercase());
                let v = match m.as_deref() {
                    Some(s) if s.contains("first half") => format!("{y}-H1"),
                    Some(s) if s.contains("second half") => format!("{y}-H2"),
                    _ => {
                        let mut v = String::with_capacity(4);
                        push_padded(&mut v, y.into(), 4);
                        v
                    }
                };
                (Some(v), None)
            }
            alt::PER => {
                let rel = caps[g.prel].to_ascii_lowercase();
                let rel = if rel == "the" { "this" } else { rel.as_str() };
                (
                    self.relative_unit(rel, &caps[g.punit].to_ascii_lowercase()),
                    None,
                )
            }
            alt::REL => (
                self.relative_unit(
                    &caps[g.rrel].to_ascii_lowercase(),
                    &caps[g.runit].to_ascii_lowercase(),
                ),
                None,
            ),
            alt::AGO => {
                // "a year ago" in a sentence about quarterly figures means
                // the same quarter a year earlier (TimeML quarter
                // granularity).
                let quarterly = sentence().to_lowercase().contains("quarter");
                let unit = caps[g.aunit].to_ascii_lowercase();
                (self.ago(caps, &unit, quarterly), None)
            }
            alt::DWORD => {
                let Some(dct) = self.dct else {
                    return (None, None);
                };
                let w = caps[g.dword].to_ascii_lowercase();
                let d = match w.as_str() {
                    "yesterday" => dct.yesterday().ok(),
                    "tomorrow" => dct.tomorrow().ok(),
                    _ => Some(dct),
                };
                let suffix = if w == "tonight" { "TNI" } else { "" };
                (d.map(|d| iso_with(d, suffix)), None)
            }
            alt::WD => {
                let Some(wd) = weekday(&caps[g.wd]) else {
                    return (None, None);
                };
                let rel = caps.get(g.wrel).map(|r| r.as_str().to_ascii_lowercase());
                let d = self.weekday(wd, rel.as_deref(), tense);
                let suffix = caps.get(g.wpart).map_or("", |p| part_suffix(p.as_str()));
                (d.map(|d| iso_with(d, suffix)), None)
            }
            _ => unreachable!("a timex alternative"),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn month_day(
        &mut self,
        caps: &Found,
        month: &str,
        d: usize,
        d2: usize,
        y: usize,
        wd: usize,
        tense: impl FnOnce() -> Tense,
    ) -> (Option<String>, Option<String>) {
        let Some(m) = month_number(month) else {
            return (None, None);
        };
        let Ok(day) = i8::try_from(num(caps, d).unwrap_or(0)) else {
            return (None, None);
        };
        let day2 = num(caps, d2).and_then(|x| i8::try_from(x).ok());
        let written = WrittenDate {
            year: num(caps, y).map(|y| y as i16),
            month: m,
            day,
            weekday: caps.get(wd).and_then(|w| weekday(w.as_str())),
        };
        let start = if let Some(d) = written.full() {
            self.narrative = Some(d.year());
            Some(d)
        } else if written.year.is_some() {
            None
        } else if let Some(dct) = self.dct {
            self.nearest_year(dct, tense(), |y| Date::new(y, m, day).ok())
                .or_else(|| written.resolve(dct, &[dct.year()]))
        } else if let Some(y) = self.narrative {
            Date::new(y, m, day).ok()
        } else if let Some(wd) = written.weekday {
            year_for_weekday(m, day, wd, self.reference, self.years())
                .and_then(|y| Date::new(y, m, day).ok())
        } else {
            None
        };
        let until = match (start, day2) {
            (Some(s), Some(d2)) if d2 > day => Date::new(s.year(), m, d2).ok().map(iso),
            _ => None,
        };
        (start.map(iso), until)
    }

    /// Among the candidate dates of the years around the article date, the
    /// one the tense prefers (see the module rules).
    fn nearest_year(
        &self,
        dct: Date,
        tense: Tense,
        make: impl Fn(i16) -> Option<Date>,
    ) -> Option<Date> {
        let cands: Vec<Date> = (-1..=1).filter_map(|k| make(dct.year() + k)).collect();
        let dist = |d: &Date| (d.since(dct).map(|s| s.get_days()).unwrap_or(i32::MAX)).abs();
        let nearest = cands.iter().copied().min_by_key(dist)?;
        let pick = match tense {
            Tense::Past => cands.iter().copied().filter(|d| *d <= dct).max(),
            Tense::Future => cands.iter().copied().filter(|d| *d >= dct).min(),
            Tense::None => None,
        };
        // Tense only overrides the nearest date within half a year.
        Some(pick.filter(|p| dist(p) <= 183).unwrap_or(nearest))
    }

    fn bare_month(
        &self,
        m: i8,
        rel: Option<&str>,
        tense: impl FnOnce() -> Tense,
    ) -> Option<String> {
        let year = match (self.dct, rel) {
            (Some(dct), Some("last")) => dct.year() - i16::from(m >= dct.month()),
            (Some(dct), Some("next")) => dct.year() + i16::from(m <= dct.month()),
            (Some(dct), Some(_)) => dct.year(),
            (Some(dct), None) => self
                .nearest_year(dct.first_of_month(), tense(), |y| Date::new(y, m, 1).ok())?
                .year(),
            (None, _) => self.narrative?,
        };
        Some(ym(year, m))
    }

    fn relative_unit(&self, rel: &str, unit: &str) -> Option<String> {
        let dct = self.dct?;
        let k: i64 = match rel {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        match unit {
            "year" => Some(format!("{:04}", dct.year() as i64 + k)),
            "month" => dct
                .first_of_month()
                .checked_add(k.months())
                .ok()
                .map(|d| ym(d.year(), d.month())),
            _ => {
                let d = dct.checked_add((7 * k).days()).ok()?;
                let w = d.iso_week_date();
                Some(format!("{:04}-W{:02}", w.year(), w.week()))
            }
        }
    }

    fn ago(&self, caps: &Found, unit: &str, quarterly: bool) -> Option<String> {
        let dct = self.dct?;
        let g = &*GROUPS;
        let n = caps[g.anum].to_ascii_lowercase();
        let n: i64 = match n.as_str() {
            "a" | "an" => 1,
            w => super::day_count(w).or(match w {
                "eleven" => Some(11),
                "twelve" => Some(12),
                _ => None,
            })?,
        };
        let sign = if caps[g.adir].eq_ignore_ascii_case("later") {
            1
        } else {
            -1
        };
        let n = sign * n;
        match unit {
            "year" if quarterly => Some(format!(
                "{:04}-Q{}",
                dct.year() as i64 + n,
                (dct.month() - 1) / 3 + 1
            )),
            "year" => Some(format!("{:04}", dct.year() as i64 + n)),
            "month" => dct
                .first_of_month()
                .checked_add(n.months())
                .ok()
                .map(|d| ym(d.year(), d.month())),
            "week" => {
                let d = dct.checked_add((7 * n).days()).ok()?;
                let w = d.iso_week_date();
                Some(format!("{:04}-W{:02}", w.year(), w.week()))
            }
            _ => dct.checked_add(n.days()).ok().map(iso),
        }
    }

    fn weekday(
        &self,
        wd: Weekday,
        rel: Option<&str>,
        tense: impl FnOnce() -> Tense,
    ) -> Option<Date> {
        let dct = self.dct?;
        let prev_or_same = || {
            if dct.weekday() == wd {
                Some(dct)
            } else {
                dct.nth_weekday(-1, wd).ok()
            }
        };
        let next_or_same = || {
            if dct.weekday() == wd {
                Some(dct)
            } else {
                dct.nth_weekday(1, wd).ok()
            }
        };
        match rel {
            Some("last") => return dct.nth_weekday(-1, wd).ok(),
            Some("next" | "coming") => return dct.nth_weekday(1, wd).ok(),
            _ => {}
        }
        match tense() {
            Tense::Future => next_or_same(),
            Tense::Past => prev_or_same(),
            Tense::None => {
                let (p, n) = (prev_or_same()?, next_or_same()?);
                let dp = dct.since(p).ok()?.get_days();
                let dn = n.since(dct).ok()?.get_days();
                Some(if dp <= dn { p } else { n })
            }
        }
    }
}
