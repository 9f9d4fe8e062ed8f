//! Temporal expressions normalized to calendar values (issue #4).
//!
//! One regular expression finds every candidate in one left-to-right pass
//! over the headline, the date line and the body paragraphs (linear in the
//! text); each region is scanned by its ASCII twin whenever that matches
//! exactly the same ([`crate::twin`]), with a full DFA of the twin built
//! ahead (`timex/scan.dfa`); so is a copy of a region whose non-ASCII
//! letters are masked, when no class of the patterns could match them. The
//! same pass finds the event triggers of the body paragraphs for
//! [`crate::extract::events`]. Each timex is then normalized by
//! [`resolve`] against an anchor:
//!
//! * **Dated articles** (`article.date` is set): relative expressions
//!   (`today`, `Tuesday`, `last month`, `next year`) and year-less dates
//!   (`Nov 29`, `in October`) are anchored to the article's date, HeidelTime's
//!   news-style rule.
//! * **Undated articles**: year-less dates take the last explicit year written
//!   before them (narrative anchoring, `in July 2023 … on November 28-29` →
//!   2023-11-28); a written weekday can fix the year (`Tuesday, November 29`)
//!   against `--reference-date`; purely relative expressions stay `null`.
//!
//! The precision of the value is the precision of the text: `July 2023` is
//! `2023-07`, never an invented day. See `docs/timeline.md` for all rules.

mod resolve;
#[cfg(test)]
mod tests;
mod walk;

use jiff::civil::Date;
use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

use regex_automata::dfa::{self, dense};
use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, Match, PatternID};

use crate::extract::events::TRIGGER;
use crate::model::{Article, Span, Timex};
use crate::parse::ParseOptions;
use crate::parse::date::MONTH;
use crate::twin::{Twin, ascii_pattern};

pub use resolve::{Anchor, Tense};

/// Full month names (bare months need the full name).
const MONTH_FULL: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
/// Full weekday names (abbreviations like `Sun` or `Sat` are too ambiguous in running text).
const WEEKDAY_FULL: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// Years 1800–2099.
const YEAR: &str = r"(?:1[89]|20)\d\d";
/// Small counts written as words or digits.
const COUNT: &str = r"(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\d{1,3})";

/// The alternatives of the timex pattern, in their order of preference,
/// with Unicode classes (`\d`, `\s`, `\b`, `(?i)`). The scan searches them
/// as separate patterns, which match as their alternation does and tell
/// which one matched, so that its groups are read from it alone.
fn timex_alternatives() -> [String; ALTERNATIVES] {
    let (wd, m, mf, y, count) = (WEEKDAY_FULL, MONTH, MONTH_FULL, YEAR, COUNT);
    [
        r"(?P<iso>\b(?P<isoy>\d{4})-(?P<isom>\d{2})-(?P<isod>\d{2})\b)".to_string(),
        format!(
            r"\b(?:(?P<mdwd>{wd}),?\s+)?(?P<mdm>{m})\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?
            (?:\s*[-–—]\s*(?P<mdd2>\d{{1,2}})(?:st|nd|rd|th)?)?\b(?:,?\s+(?P<mdy>{y})\b)?"
        ),
        format!(
            r"\b(?:(?P<dmwd>{wd}),?\s+)?(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?
            (?:\s*[-–—]\s*(?P<dmd2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<dmm>{m})(?:,?\s+(?P<dmy>{y})\b)?"
        ),
        format!(r"\b(?P<mya>{m}),?\s+(?P<myay>{y})\b"),
        format!(
            r"\b(?:(?P<mymod>(?i:early|late|mid-?|the\s+(?:end|beginning|start|middle)\s+of))\s*)?
            (?:(?P<myrel>(?i:last|next|this))\s+)?(?P<mym>{mf})\b(?:,?\s+(?P<myy>{y})\b)?"
        ),
        r"\b(?:the\s+)?(?P<dec>(?:1[89]|20)\d0)'?s\b".to_string(),
        format!(
            r"\b(?:(?P<ymod>(?i:fiscal|early|late|mid-?|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of))\s*)?(?P<year>{y})\b"
        ),
        r"\b(?i:the\s+(?P<pmod>end|beginning|start|middle)\s+of\s+(?P<prel>the|this|last|next)\s+(?P<punit>year|month))\b".to_string(),
        r"\b(?:(?P<rmod>(?i:earlier|later|early|late))\s+)?(?P<rrel>(?i:this|last|next))\s+(?P<runit>(?i:year|month|week))\b".to_string(),
        format!(
            r"\b(?P<anum>{count})\s+(?P<aunit>(?i:year|month|week|day))s?\s+(?P<adir>(?i:ago|earlier|later))\b"
        ),
        r"\b(?:(?P<dwmod>(?i:early|late|earlier|later))\s+)?(?P<dword>(?i:today|tomorrow|yesterday|tonight))\b".to_string(),
        format!(
            r"\b(?:(?P<wrel>(?i:last|next|this|coming))\s+)?(?P<wd>{wd})(?:\s+(?P<wpart>morning|afternoon|evening|night))?\b"
        ),
    ]
    .map(|alternative| format!("(?x){alternative}"))
}

/// The number of alternatives of the timex pattern.
const ALTERNATIVES: usize = 12;

/// The timex pattern: its alternatives, in order (the tests' oracle).
#[cfg(test)]
fn timex_pattern() -> String {
    timex_alternatives().join("|")
}

/// The timex pattern as a `regex` (the oracle of the tests).
#[cfg(test)]
static TIMEX: crate::twin::Twin = crate::twin::twin!(timex_pattern());

/// The alternatives of the timex pattern (patterns 0 to 11, so that a
/// match names its alternative) and the event triggers (pattern 12,
/// [`crate::extract::events::TRIGGER`]) as one multi-pattern regex, with its
/// ASCII twin for text where that matches exactly the same (see
/// [`crate::twin`]): each paragraph is walked once for both extractors,
/// where two walks cost twice as much, by the full DFA of the twin
/// ([`SCAN_DFA`]) when the text is ASCII-equivalent and the stored file
/// loaded, by a lazy DFA otherwise. A timex and a trigger never start at
/// the same word and neither can start inside the other (their words are
/// disjoint), so the leftmost-first matches of the pair are exactly the
/// matches of each pattern alone (a proptest checks it). The
/// Unicode classes inside bounded repetitions made the pattern slow to
/// compile, and its Unicode `\b` sent the lazy DFA to the slower engines on
/// any non-ASCII byte; the twin is a fraction of the size.
static SCAN: Twin<Regex> = Twin::new(
    || Regex::new_many(&scan_patterns(true)).expect("valid patterns"),
    || Regex::new_many(&scan_patterns(false)).expect("valid patterns"),
);

/// The pattern index of the triggers in [`SCAN`].
const TRIGGER_PATTERN: usize = ALTERNATIVES;

/// The patterns of [`SCAN`], or their twins if `ascii`.
fn scan_patterns(ascii: bool) -> Vec<String> {
    let mut patterns = timex_alternatives().to_vec();
    patterns.push(TRIGGER.to_string());
    if ascii {
        patterns = patterns.iter().map(|p| ascii_pattern(p)).collect();
    }
    patterns
}

/// The twins of the patterns of [`SCAN`], separated by `\0`.
fn scan_twins() -> String {
    scan_patterns(true).join("\0")
}

/// How `timex/scan.dfa` was built besides its patterns: the configuration
/// of the builder (`timex::tests::scan_dfa::build`: minimized, no capture
/// states; bump `v1` with any change there) and the versions of the crates
/// that compile patterns, whose Unicode tables the twins still use.
const SCAN_DFA_BUILD: &str = concat!(
    "v1 minimize nocaps regex-automata ",
    env!("REGEX_AUTOMATA_VERSION"),
    " regex-syntax ",
    env!("REGEX_SYNTAX_VERSION"),
);

/// What `timex/scan.dfa` records it was built from: [`SCAN_DFA_BUILD`],
/// then `patterns`.
fn scan_dfa_header(patterns: &str) -> String {
    format!("{SCAN_DFA_BUILD}\0{patterns}")
}

/// A full DFA of the twins of [`SCAN`] (forward and reverse), built ahead
/// by the test `timex::tests::scan_dfa::regenerate`. The lazy DFA of
/// [`SCAN`] walks text as fast (~8.5 instructions per byte), but on BBC it
/// determinizes some 10,000 transitions at ~5,500 instructions each, on
/// every worker thread, and compiling its two twins took ~13 M at start-up;
/// reading the stored tables costs ~4 M instructions once. `None` when the
/// file was built from other patterns than the program's (a pattern changed
/// since), by another build (see [`SCAN_DFA_BUILD`]), or cannot be read on
/// this machine (a big-endian one): [`SCAN`] then searches, as it did
/// before the file existed.
static SCAN_DFA: LazyLock<Option<dfa::regex::Regex<Dense>>> = LazyLock::new(|| {
    let dfa = load_dfa(&SCAN_DFA_FILE.bytes, &scan_dfa_header(&scan_twins()));
    if dfa.is_none() {
        // The fallback's twin is then built here, at the warm-up, rather
        // than on a worker at the first article while the others wait.
        SCAN.pick(true);
    }
    dfa
});

/// The marked states of [`SCAN_DFA`]'s forward DFA, for [`walk`].
static SCAN_MARKS: LazyLock<Option<walk::Marks>> =
    LazyLock::new(|| SCAN_DFA.as_ref().map(walk::Marks::of));

type Dense = dense::DFA<&'static [u32]>;

/// `bytes`, aligned as the DFA tables inside need.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

/// The header ([`scan_dfa_header`]: `u32` length, text, padding to four
/// bytes), then the forward and the reverse DFA, little-endian, each padded
/// to four bytes.
static SCAN_DFA_FILE: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!("timex/scan.dfa"),
};

/// The regex stored in `file` if its header is `header`.
fn load_dfa(file: &'static [u8], header: &str) -> Option<dfa::regex::Regex<Dense>> {
    let len = u32::from_le_bytes(file.get(..4)?.try_into().ok()?) as usize;
    let end = len.checked_add(4)?;
    if file.get(4..end)? != header.as_bytes() {
        return None;
    }
    let at = end.next_multiple_of(4);
    let (forward, read) = dense::DFA::from_bytes(file.get(at..)?).ok()?;
    let at = (at + read).next_multiple_of(4);
    let (reverse, _) = dense::DFA::from_bytes(file.get(at..)?).ok()?;
    Some(dfa::regex::Builder::new().build_from_dfas(forward, reverse))
}

/// The twins of the timex alternatives alone, to read the groups of a
/// match the DFA found. Its capture search is anchored at the match, to
/// the alternative that matched, and bounded by the match, so a lazy DFA
/// (and the reverse pattern it needs) would only find the same bounds
/// again before the capture engine runs.
static ASCII_TIMEX: LazyLock<Regex> = LazyLock::new(|| {
    let mut patterns = scan_patterns(true);
    patterns.truncate(ALTERNATIVES);
    // No prefilter either: it would only serve unanchored searches, and
    // finding its literals cost ~1.8 M instructions at start-up.
    Regex::builder()
        .configure(Regex::config().hybrid(false).auto_prefilter(false))
        .build_many(&patterns)
        .expect("valid patterns")
});

/// The engines that scan a region: one to find the matches of all
/// patterns, one to read the groups of a timex match (patterns 0 to 11).
#[derive(Clone, Copy)]
struct Scanner {
    find: Finder,
    groups: &'static Regex,
}

#[derive(Clone, Copy)]
enum Finder {
    /// The stored DFA ([`SCAN_DFA`]), walked by [`walk`].
    Dfa,
    Lazy(&'static Regex),
}

impl Scanner {
    /// The scanner for text that is ASCII-equivalent if `ascii`.
    fn pick(ascii: bool) -> Scanner {
        if !ascii {
            let re = SCAN.pick(false);
            return Scanner {
                find: Finder::Lazy(re),
                groups: re,
            };
        }
        let find = match &*SCAN_DFA {
            Some(_) => Finder::Dfa,
            None => Finder::Lazy(SCAN.pick(true)),
        };
        Scanner {
            find,
            groups: &ASCII_TIMEX,
        }
    }

    /// The scanner for `region` and the text it walks: `region` itself,
    /// or its [`masked`] copy when the region is not ASCII-equivalent but
    /// can be masked, so that such text is walked by the full DFA too (on
    /// it the lazy DFA of the pattern as written gives up at every
    /// non-ASCII byte and the backtracker tried each start position in
    /// turn, ~2,000 instructions per byte).
    fn for_region(region: &str) -> (Scanner, Cow<'_, str>) {
        if crate::twin::ascii_equivalent(region) {
            return (Scanner::pick(true), Cow::Borrowed(region));
        }
        match masked(region) {
            Some(text) => (Scanner::pick(true), Cow::Owned(text)),
            None => (Scanner::pick(false), Cow::Borrowed(region)),
        }
    }

    /// The matches of both patterns in `haystack`, leftmost-first, each
    /// search by its library's iterator (the oracle of [`scan_all`]).
    #[cfg(test)]
    fn find_iter<'h>(self, haystack: &'h str) -> Matches<'h> {
        match self.find {
            Finder::Dfa => Matches::Dfa(
                SCAN_DFA
                    .as_ref()
                    .expect("the stored DFA")
                    .find_iter(haystack),
            ),
            Finder::Lazy(re) => Matches::Lazy(re.find_iter(haystack)),
        }
    }
}

enum Matches<'h> {
    #[cfg(test)]
    Dfa(dfa::regex::FindMatches<'static, 'h, Dense>),
    Lazy(meta::FindMatches<'static, 'h>),
    /// Found by [`walk`], with their region's index.
    Walked(std::slice::Iter<'h, (usize, Match)>),
}

impl Iterator for Matches<'_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        match self {
            #[cfg(test)]
            Matches::Dfa(it) => it.next(),
            Matches::Lazy(it) => it.next(),
            Matches::Walked(it) => it.next().map(|&(_, m)| m),
        }
    }
}

/// `region` with each of its non-ASCII word characters replaced by as
/// many `_` as it has bytes, or `None` when one of them could be matched
/// by a class of the patterns ([`maskable`]). Both patterns as written
/// then match the copy exactly as they match `region`: neither matches a
/// masked character or `_`, so a match never holds one, and both are word
/// characters, so every `\b` answers alike; byte offsets are kept. The
/// copy holds no non-ASCII word character, so the twins match it as the
/// patterns do (a test checks the classes of both patterns).
fn masked(region: &str) -> Option<String> {
    let bytes = region.as_bytes();
    let mut out = String::with_capacity(region.len());
    let (mut copied, mut at) = (0, 0);
    loop {
        at += crate::swar::ascii_len(&bytes[at..]);
        let Some(c) = region[at..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if regex_syntax::is_word_character(c) {
            if !maskable(c) {
                return None;
            }
            out.push_str(&region[copied..at]);
            out.extend(std::iter::repeat_n('_', len));
            copied = at + len;
        }
        at += len;
    }
    out.push_str(&region[copied..]);
    Some(out)
}

/// Whether no class of the patterns can hold the non-ASCII word character
/// `c`: it is no digit (`\d`) and does not change case to an ASCII letter
/// (as `K`, the Kelvin sign, and `ſ` do under `(?i)`).
fn maskable(c: char) -> bool {
    !c.is_numeric()
        && !c
            .to_lowercase()
            .chain(c.to_uppercase())
            .any(|x| x.is_ascii())
}

/// Declares [`Groups`], the index of each named group of the timex pattern
/// (as one alternation; its alternatives are patterns 0 to 11 of [`SCAN`]
/// and of [`ASCII_TIMEX`]).
macro_rules! groups {
    ($($name:ident),* $(,)?) => {
        /// The index of each named group of the timex pattern (the same in
        /// its twin, which keeps names and order). A match is read through
        /// these: a lookup by name searches the group names on every call.
        pub(crate) struct Groups {
            $(pub(crate) $name: usize,)*
            /// Where the groups of each alternative start, less one: group
            /// `i` of alternative `k` alone is group `offsets[k] + i` of
            /// the alternation.
            offsets: [usize; ALTERNATIVES],
        }

        impl Groups {
            fn of(re: &Regex) -> Groups {
                let info = re.group_info();
                let mut offsets = [0; ALTERNATIVES];
                for k in 1..ALTERNATIVES {
                    offsets[k] = offsets[k - 1] + info.group_len(PatternID::must(k - 1)) - 1;
                }
                let index = |name: &str| {
                    (0..ALTERNATIVES)
                        .find_map(|k| {
                            let i = info.to_index(PatternID::must(k), name)?;
                            Some(offsets[k] + i)
                        })
                        .expect("a group of the timex pattern")
                };
                Groups {
                    $($name: index(stringify!($name)),)*
                    offsets,
                }
            }
        }
    };
}

groups!(
    iso, isoy, isom, isod, mdwd, mdm, mdd, mdd2, mdy, dmwd, dmd, dmd2, dmm, dmy, mya, myay, mymod,
    myrel, mym, myy, dec, ymod, year, pmod, prel, punit, rmod, rrel, runit, anum, aunit, adir,
    dwmod, dword, wrel, wd, wpart,
);

pub(crate) static GROUPS: LazyLock<Groups> = LazyLock::new(|| {
    let re = &*ASCII_TIMEX;
    let groups = Groups::of(re);
    assert!(
        groups.offsets[ALTERNATIVES - 1]
            + re.group_info().group_len(PatternID::must(ALTERNATIVES - 1))
            <= MAX_GROUPS,
        "room for every group"
    );
    groups
});

/// At least the number of groups of the timex pattern.
const MAX_GROUPS: usize = 40;

/// One timex match of [`SCAN`]: the range of each group in the region.
pub struct Found<'h> {
    region: &'h str,
    /// The alternative that matched ([`alt`]): only its groups take part,
    /// so a reader asks it which shape it has rather than testing one
    /// group after another.
    alternative: usize,
    /// Bit `i` set if group `i` took part.
    taken: u64,
    /// The range of each group that took part, zeros elsewhere. Offsets
    /// in a region of an article's text, which is under 4 GiB
    /// (`load::MAX_TEXT_LEN`): a table of 320 bytes rather than the 960 of
    /// `Option<(usize, usize)>`, set up afresh at every match.
    bounds: [(u32, u32); MAX_GROUPS],
}

const _: () = assert!(MAX_GROUPS <= 64, "a bit of `Found::taken` for each group");

/// One group of a [`Found`] match. Its text is sliced only when asked
/// for: many readers want only its bounds or whether it took part, and
/// each slice checks both ends for a character boundary.
#[derive(Clone, Copy)]
pub struct Part<'h> {
    start: usize,
    end: usize,
    region: &'h str,
}

impl<'h> Part<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.region[self.start..self.end]
    }
}

impl<'h> Found<'h> {
    pub fn get(&self, group: usize) -> Option<Part<'h>> {
        if group >= MAX_GROUPS || self.taken >> group & 1 == 0 {
            return None;
        }
        let (start, end) = self.bounds[group];
        Some(Part {
            start: start as usize,
            end: end as usize,
            region: self.region,
        })
    }

    /// Records the range of `group`, or that it took no part.
    fn set(&mut self, group: usize, range: Option<(usize, usize)>) {
        let bit = 1 << group;
        match range {
            Some((start, end)) => {
                self.taken |= bit;
                self.bounds[group] = (start as u32, end as u32);
            }
            None => self.taken &= !bit,
        }
    }

    /// The range of each group, `None` for those that took no part.
    #[cfg(test)]
    pub(crate) fn slots(&self) -> [Option<(usize, usize)>; MAX_GROUPS] {
        std::array::from_fn(|group| self.get(group).map(|p| (p.start, p.end)))
    }

    /// The alternative of the timex pattern that matched ([`alt`]).
    pub(crate) fn alternative(&self) -> usize {
        self.alternative
    }

    /// The groups of `caps`, a match in `region` of the timex pattern as
    /// one alternation: its alternative is the one whose groups took part.
    #[cfg(test)]
    pub fn from_captures(region: &'h str, caps: &regex::Captures) -> Found<'h> {
        let mut found = Found {
            region,
            alternative: 0,
            taken: 0,
            bounds: [(0, 0); MAX_GROUPS],
        };
        for (group, m) in caps.iter().enumerate() {
            found.set(group, m.map(|m| (m.start(), m.end())));
        }
        // Alternative `k`'s groups follow `offsets[k]`.
        let first = (found.taken & !1).trailing_zeros() as usize;
        found.alternative = (GROUPS.offsets.iter())
            .rposition(|&offset| offset < first)
            .unwrap_or(0);
        found
    }

    /// The groups of `m`, a timex match of `re` in `region`. The match
    /// names its alternative, and the commonest shapes of each (`2019`,
    /// `Monday`, `today`, `last year`, `the 1990s`, `May 2019`, `12 May`,
    /// `May 12, 2020`, `two days ago`, …) fix its groups, which are then
    /// read from the text; any other match runs the backtracker, anchored
    /// to that alternative alone.
    ///
    /// `haystack` is the text searched: `region` or its [`masked`] copy,
    /// which has the same text at every match.
    fn read(
        re: &Regex,
        caps: &mut Option<Captures>,
        haystack: &str,
        region: &'h str,
        m: Match,
    ) -> Found<'h> {
        let g = &*GROUPS;
        // Filled in place: a local array moved into the `Found` returned
        // was copied at every match.
        let mut found = Found {
            region,
            alternative: m.pattern().as_usize(),
            taken: 0,
            bounds: [(0, 0); MAX_GROUPS],
        };
        let (start, end) = (m.start(), m.end());
        let whole = Some((start, end));
        found.set(0, whole);
        let text = &region[m.range()];
        // The part of `text` at `at..at + len` as a group.
        let part = |at: usize, len: usize| Some((start + at, start + at + len));
        let known = match m.pattern().as_usize() {
            // Four digits, a dash, two, a dash, two (a Unicode digit is
            // longer).
            alt::ISO if text.len() == 10 => {
                found.set(g.iso, whole);
                found.set(g.isoy, part(0, 4));
                found.set(g.isom, part(5, 2));
                found.set(g.isod, part(8, 2));
                true
            }
            // A modifier, or a Unicode digit, makes it longer.
            alt::YEAR if text.len() == 4 => {
                found.set(g.year, whole);
                true
            }
            // `early 2020`, `mid-2020`, `the end of 2020`.
            alt::YEAR => {
                // `the … of` is all but the last five bytes (` 2020`); the
                // year's digits are checked below, whichever the modifier.
                let the_of_year = || {
                    let at = text.len().checked_sub(5)?;
                    (text.as_bytes()[at] == b' ' && the_of(&text[..at], YEAR_PARTS)).then_some(at)
                };
                match modified(text, &["fiscal", "early", "late", "mid"]).or_else(the_of_year) {
                    Some(modifier) => {
                        found.set(g.ymod, part(0, modifier));
                        found.set(g.year, part(text.len() - 4, 4));
                        text.as_bytes()[text.len() - 4..]
                            .iter()
                            .all(u8::is_ascii_digit)
                    }
                    None => false,
                }
            }
            alt::WD if is_full_weekday(text) => {
                found.set(g.wd, whole);
                true
            }
            alt::WD => {
                if let Some((day, when)) = text.split_once(' ')
                    && is_full_weekday(day)
                    && matches!(when, "morning" | "afternoon" | "evening" | "night")
                {
                    found.set(g.wd, part(0, day.len()));
                    found.set(g.wpart, part(text.len() - when.len(), when.len()));
                    true
                } else if let Some((rel, day)) = text.split_once(' ')
                    && is_any_case(rel, &["last", "next", "this", "coming"])
                    && is_full_weekday(day)
                {
                    found.set(g.wrel, part(0, rel.len()));
                    found.set(g.wd, part(rel.len() + 1, day.len()));
                    true
                } else {
                    false
                }
            }
            alt::DWORD => {
                let (modifier, word) = text.split_once(' ').unwrap_or(("", text));
                if is_any_case(word, &["today", "tomorrow", "yesterday", "tonight"])
                    && (modifier.is_empty()
                        || is_any_case(modifier, &["early", "late", "earlier", "later"]))
                {
                    if !modifier.is_empty() {
                        found.set(g.dwmod, part(0, modifier.len()));
                    }
                    found.set(g.dword, part(text.len() - word.len(), word.len()));
                    true
                } else {
                    false
                }
            }
            // `last year`, `earlier this month`.
            alt::REL => {
                let (modifier, rest) = match text.split_once(' ') {
                    Some((first, rest)) if rest.contains(' ') => (Some(first), rest),
                    _ => (None, text),
                };
                if let Some((rel, unit)) = rest.split_once(' ')
                    && modifier
                        .is_none_or(|w| is_any_case(w, &["earlier", "later", "early", "late"]))
                    && is_any_case(rel, &["this", "last", "next"])
                    && is_any_case(unit, &["year", "month", "week"])
                {
                    if let Some(w) = modifier {
                        found.set(g.rmod, part(0, w.len()));
                    }
                    found.set(g.rrel, part(text.len() - rest.len(), rel.len()));
                    found.set(g.runit, part(text.len() - unit.len(), unit.len()));
                    true
                } else {
                    false
                }
            }
            // `the end of last year`.
            alt::PER => {
                let mut words = text.split(' ');
                if let (Some(the), Some(at), Some(of), Some(rel), Some(unit), None) = (
                    words.next(),
                    words.next(),
                    words.next(),
                    words.next(),
                    words.next(),
                    words.next(),
                ) && the.eq_ignore_ascii_case("the")
                    && is_any_case(at, &["end", "beginning", "start", "middle"])
                    && of.eq_ignore_ascii_case("of")
                    && is_any_case(rel, &["the", "this", "last", "next"])
                    && is_any_case(unit, &["year", "month"])
                {
                    found.set(g.pmod, part(4, at.len()));
                    found.set(
                        g.prel,
                        part(text.len() - unit.len() - 1 - rel.len(), rel.len()),
                    );
                    found.set(g.punit, part(text.len() - unit.len(), unit.len()));
                    true
                } else {
                    false
                }
            }
            alt::DEC => {
                if let Some(decade) = text.strip_prefix("the ").unwrap_or(text).strip_suffix('s')
                    && is_decade(decade)
                {
                    found.set(g.dec, part(text.len() - 5, 4));
                    true
                } else {
                    false
                }
            }
            alt::MY if is_full_month(text) => {
                found.set(g.mym, whole);
                true
            }
            // `early June`, `mid-June`, `last June`.
            alt::MY => {
                let month = text.rsplit([' ', '-']).next().unwrap_or("");
                let before = &text[..text.len() - month.len()];
                if !is_full_month(month) {
                    false
                } else if let Some(modifier) = modified(text, &["early", "late", "mid"]) {
                    found.set(g.mymod, part(0, modifier));
                    found.set(g.mym, part(text.len() - month.len(), month.len()));
                    true
                } else if let Some(rel) = before.strip_suffix(' ')
                    && is_any_case(rel, &["last", "next", "this"])
                {
                    found.set(g.myrel, part(0, rel.len()));
                    found.set(g.mym, part(text.len() - month.len(), month.len()));
                    true
                } else if let Some(modifier) = before.strip_suffix(' ')
                    && the_of(modifier, &YEAR_PARTS[..4])
                {
                    found.set(g.mymod, part(0, modifier.len()));
                    found.set(g.mym, part(text.len() - month.len(), month.len()));
                    true
                } else {
                    false
                }
            }
            alt::MYA => {
                // A month (letters and dots), an optional comma, one space.
                if let Some((month, year)) = text.split_once(' ')
                    && let month = month.strip_suffix(',').unwrap_or(month)
                    && is_month_word(month)
                    && is_digits(year, 4)
                {
                    found.set(g.mya, part(0, month.len()));
                    found.set(g.myay, part(text.len() - 4, 4));
                    true
                } else {
                    false
                }
            }
            alt::MD | alt::DM => {
                // `May 12`, `12 May`, then maybe a year after one space
                // (and the comma before it): no weekday, ordinal, range or
                // `of` there.
                let md = m.pattern().as_usize() == alt::MD;
                let mut words = text.split(' ');
                let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
                let (year, rest) = (words.next(), words.next());
                let second = match year {
                    Some(_) => second.strip_suffix(',').unwrap_or(second),
                    None => second,
                };
                let (month, day) = if md { (first, second) } else { (second, first) };
                if rest.is_none()
                    && is_month_word(month)
                    && (is_digits(day, 1) || is_digits(day, 2))
                    && year.is_none_or(|y| is_digits(y, 4))
                {
                    let (gm, gd, gy) = if md {
                        (g.mdm, g.mdd, g.mdy)
                    } else {
                        (g.dmm, g.dmd, g.dmy)
                    };
                    found.set(gm, part(if md { 0 } else { day.len() + 1 }, month.len()));
                    found.set(gd, part(if md { month.len() + 1 } else { 0 }, day.len()));
                    if year.is_some() {
                        found.set(gy, part(text.len() - 4, 4));
                    }
                    true
                } else {
                    false
                }
            }
            alt::AGO => {
                let mut words = text.split(' ');
                if let (Some(count), Some(unit), Some(dir), None) =
                    (words.next(), words.next(), words.next(), words.next())
                    && !count.is_empty()
                    && count.bytes().all(|b| b.is_ascii_alphanumeric())
                    && is_any_case(
                        unit.strip_suffix('s').unwrap_or(unit),
                        &["year", "month", "week", "day"],
                    )
                    && is_any_case(dir, &["ago", "earlier", "later"])
                {
                    let unit = unit.strip_suffix('s').unwrap_or(unit);
                    found.set(g.anum, part(0, count.len()));
                    found.set(g.aunit, part(count.len() + 1, unit.len()));
                    found.set(g.adir, part(text.len() - dir.len(), dir.len()));
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if !known {
            let caps = caps.get_or_insert_with(|| re.create_captures());
            // The match anchored at its start, to its alternative, and
            // bounded by its end is the match again (its path is still the
            // preferred one).
            let input = Input::new(haystack)
                .range(m.range())
                .anchored(Anchored::Pattern(m.pattern()));
            re.search_captures(&input, caps);
            debug_assert_eq!(caps.get_match(), Some(m));
            let offset = g.offsets[m.pattern().as_usize()];
            for i in 1..caps.group_len() {
                found.set(offset + i, caps.get_group(i).map(|s| (s.start, s.end)));
            }
        }
        found
    }
}

/// The alternatives of the timex pattern, as [`timex_alternatives`]
/// orders them (and so the patterns of [`SCAN`] report them).
mod alt {
    pub const ISO: usize = 0;
    pub const MD: usize = 1;
    pub const DM: usize = 2;
    pub const MYA: usize = 3;
    pub const MY: usize = 4;
    pub const DEC: usize = 5;
    pub const YEAR: usize = 6;
    pub const PER: usize = 7;
    pub const REL: usize = 8;
    pub const AGO: usize = 9;
    pub const DWORD: usize = 10;
    pub const WD: usize = 11;
}

/// The length of the modifier of `text`, a match of an alternative with
/// one, when `text` is one of `words` (in any ASCII case) then one space,
/// or `mid-`, then one last word: the modifier is the first group.
fn modified(text: &str, words: &[&str]) -> Option<usize> {
    if let Some((modifier, rest)) = text.split_once(' ')
        && !rest.contains(' ')
        && rest.bytes().all(|b| b.is_ascii_alphanumeric())
        && is_any_case(modifier, words)
    {
        return Some(modifier.len());
    }
    let rest = text.get(4..)?;
    (text[..4].eq_ignore_ascii_case("mid-") && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(4)
}

/// The parts of a year a modifier `the … of` names (the first four name
/// parts of a month too).
const YEAR_PARTS: &[&str] = &[
    "end",
    "beginning",
    "start",
    "middle",
    "first half",
    "second half",
];

/// Whether `s` is `the`, one space, one of `parts`, one space and `of`, in
/// any ASCII case (a modifier `the\s+(?:…)\s+of` with single spaces).
fn the_of(s: &str, parts: &[&str]) -> bool {
    let b = s.as_bytes();
    b.len() > 7
        && b[..4].eq_ignore_ascii_case(b"the ")
        && b[b.len() - 3..].eq_ignore_ascii_case(b" of")
        && is_any_case(&s[4..s.len() - 3], parts)
}

/// Whether `s` is one of `words` in any ASCII case.
fn is_any_case(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.eq_ignore_ascii_case(w))
}

/// Whether `s` is `len` ASCII digits.
fn is_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` could be a month as the pattern writes one (`May`, `Sept.`):
/// ASCII letters and dots, so no space or comma of the pattern's others.
fn is_month_word(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
}

/// Whether `s` is a full weekday name, as written.
fn is_full_weekday(s: &str) -> bool {
    crate::parse::date::WEEKDAY_NAMES.contains(&s)
}

/// Whether `s` is the year of a decade of the pattern (1800–2090).
fn is_decade(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 4
        && b.iter().all(u8::is_ascii_digit)
        && matches!(&b[..2], b"18" | b"19" | b"20")
        && b[3] == b'0'
}

/// Whether `s` is a full month name, as written.
fn is_full_month(s: &str) -> bool {
    crate::parse::date::MONTH_NAMES.contains(&s)
}

impl std::ops::Index<usize> for Found<'_> {
    type Output = str;

    fn index(&self, group: usize) -> &str {
        self.get(group).expect("a group that took part").as_str()
    }
}

/// Finds the temporal expressions of the article: headline, date line and
/// body paragraphs, in text order.
pub fn extract(text: &str, article: &Article, opts: &ParseOptions) -> Vec<Timex> {
    extract_with_triggers(text, article, opts, &mut Vec::new())
}

/// [`extract`], also appending the event triggers of the body paragraphs
/// (their text ranges, in text order) to `triggers`: the same walk finds
/// both (see [`SCAN`]).
pub fn extract_with_triggers(
    text: &str,
    article: &Article,
    opts: &ParseOptions,
    triggers: &mut Vec<(usize, usize)>,
) -> Vec<Timex> {
    let dct = article.date.as_deref().and_then(|d| d.parse::<Date>().ok());
    let mut anchor = Anchor::of_text(dct, opts.reference, text);
    let mut out = Vec::new();
    let first_body = article.paragraphs.first().map(|p| p.span.start);
    crate::spare::with(&SCRATCH, |scratch| {
        push_regions(text, article, &mut scratch.regions);
        let (timexes, found) = walk_regions(text, &scratch.regions, &mut scratch.scan);
        // (A few timexes are then rejected, and the header's triggers
        // dropped: a few slots too many.)
        out.reserve_exact(timexes);
        triggers.reserve(found);
        each_region(
            &scratch.regions,
            &mut scratch.scan,
            |(start, end), scanner, haystack, matches| {
                let before = triggers.len();
                scan_region(
                    text,
                    start,
                    end,
                    scanner,
                    haystack,
                    matches,
                    &mut anchor,
                    &mut out,
                    triggers,
                );
                // The header lines are no paragraphs: no events there.
                if first_body.is_none_or(|b| start < b) {
                    triggers.truncate(before);
                }
            },
        );
    });
    out
}

/// The event triggers of the `regions` of `text` (byte ranges, each
/// searched alone), as text ranges in region order.
pub fn triggers(text: &str, regions: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    crate::spare::with(&SCRATCH, |scratch| {
        scan_all(
            text,
            regions,
            &mut scratch.scan,
            |(start, _), _, _, matches| {
                out.extend(
                    matches
                        .filter(|m| m.pattern().as_usize() == TRIGGER_PATTERN)
                        .map(|m| (start + m.start(), start + m.end())),
                );
            },
        );
    });
    out
}

/// Calls `each` on every region of `regions` (byte ranges of `text`) that
/// may hold a match (all but those the full DFA walked without finding
/// one), in order, with its scanner, the text it searched
/// ([`Scanner::for_region`]) and its matches ([`walk_regions`], then
/// [`each_region`]).
fn scan_all<'t>(
    text: &'t str,
    regions: &[(usize, usize)],
    scratch: &mut ScanScratch<'t>,
    each: impl FnMut((usize, usize), Scanner, &str, Matches),
) {
    walk_regions(text, regions, scratch);
    each_region(regions, scratch, each);
}

/// The first half of [`scan_all`]: picks each region's scanner, and the
/// full DFA walks all of its regions, two at a time ([`walk`]). The
/// number of timex and of trigger matches the walk found, so that a
/// caller's vectors are sized once instead of growing (the other regions'
/// matches are not known ahead, and are few).
fn walk_regions<'t>(
    text: &'t str,
    regions: &[(usize, usize)],
    scratch: &mut ScanScratch<'t>,
) -> (usize, usize) {
    let ScanScratch {
        scans,
        walked,
        haystacks,
    } = scratch;
    // Most texts are ASCII-equivalent as a whole (and the extractors run
    // knowing it, `twin::with_text`), and then so is each region: one
    // scanner for all, where each region asked again and picked its own.
    let whole = crate::twin::ascii_equivalent(text).then(|| Scanner::pick(true));
    scans.extend(regions.iter().map(|&(start, end)| {
        let region = &text[start..end];
        match whole {
            Some(scanner) => (scanner, Cow::Borrowed(region)),
            None => Scanner::for_region(region),
        }
    }));
    let (Some(re), Some(marks)) = (&*SCAN_DFA, &*SCAN_MARKS) else {
        return (0, 0);
    };
    haystacks.extend(
        (scans.iter().enumerate())
            .filter(|(_, (scanner, _))| matches!(scanner.find, Finder::Dfa))
            .map(|(i, (_, haystack))| longest_first(haystack.len(), i)),
    );
    // The longest first, so that the lanes end about together: the
    // last region's bytes after the other lane ended are walked alone.
    // (Keys of eight bytes sort by a sorting network, without the
    // branches of the insertion sort that pairs took.)
    haystacks.sort_unstable();
    let haystack = |&key: &u64| {
        let i = key as u32 as usize;
        (i, scans[i].1.as_bytes())
    };
    walk::find_all(re, marks, haystacks.iter().map(haystack), walked);
    haystacks.clear();
    // A region's matches follow one another: a lane pushes them in the
    // order it finds them, so the stable sort by region alone keeps them
    // in their order within it.
    walked.sort_by_key(|&(i, _)| i);
    let triggers = (walked.iter())
        .filter(|(_, m)| m.pattern().as_usize() == TRIGGER_PATTERN)
        .count();
    (walked.len() - triggers, triggers)
}

/// The sort key of a region `len` bytes long, the `i`th: the longer
/// first, and among regions of one length the earlier. A length beyond 32
/// bits counts as the largest (the order only evens out the lanes). An
/// article's text is under 4 GiB (`load::MAX_TEXT_LEN`), so its regions,
/// which do not overlap, number fewer than 2^32.
fn longest_first(len: usize, i: usize) -> u64 {
    let len = u32::try_from(len).unwrap_or(u32::MAX);
    let i = u32::try_from(i).expect("an article's regions number fewer than 2^32");
    u64::from(!len) << 32 | u64::from(i)
}

/// The second half of [`scan_all`], after [`walk_regions`] on the same
/// `regions` and `scratch`. A region the full DFA walked and found nothing
/// in is passed over: no caller has anything to do with one (most regions
/// are), and a call for it set up a region's scan all the same.
fn each_region(
    regions: &[(usize, usize)],
    scratch: &mut ScanScratch,
    mut each: impl FnMut((usize, usize), Scanner, &str, Matches),
) {
    let ScanScratch { scans, walked, .. } = scratch;
    let mut rest = walked.as_slice();
    for (i, (&region, (scanner, haystack))) in regions.iter().zip(&*scans).enumerate() {
        let matches = match scanner.find {
            Finder::Dfa => {
                let n = rest.iter().take_while(|&&(r, _)| r == i).count();
                if n == 0 {
                    continue;
                }
                let (these, after) = rest.split_at(n);
                rest = after;
                Matches::Walked(these.iter())
            }
            Finder::Lazy(re) => Matches::Lazy(re.find_iter(&**haystack)),
        };
        each(region, *scanner, haystack, matches);
    }
    scans.clear();
    walked.clear();
}

/// The working vectors of [`extract_with_triggers`] and [`scan_all`], kept
/// from one article to the next on a thread ([`crate::spare`]): four
/// allocations an article otherwise.
#[derive(Default)]
struct Scratch<'a> {
    regions: Vec<(usize, usize)>,
    scan: ScanScratch<'a>,
}

/// The part of [`Scratch`] that [`scan_all`] works in.
#[derive(Default)]
struct ScanScratch<'a> {
    /// Each region's scanner and the text it searches.
    scans: Vec<(Scanner, Cow<'a, str>)>,
    /// The matches of the stored DFA, by region.
    walked: Vec<(usize, Match)>,
    /// The regions the DFA walks, as keys of [`longest_first`].
    haystacks: Vec<u64>,
}

crate::spare::scratch_by_rebind!(Scratch);

impl Scratch<'_> {
    /// The vectors, emptied, for borrowing another text.
    fn rebind<'b>(self) -> Scratch<'b> {
        use crate::spare::keep;
        let ScanScratch {
            scans,
            walked,
            haystacks,
        } = self.scan;
        Scratch {
            regions: keep(self.regions),
            scan: ScanScratch {
                scans: keep(scans),
                walked: keep(walked),
                haystacks: keep(haystacks),
            },
        }
    }
}

thread_local! {
    /// The scratch of the thread's last article.
    static SCRATCH: std::cell::Cell<Scratch<'static>> = std::cell::Cell::new(Scratch::default());
}

/// Byte ranges of the text to scan, appended to `out` (empty): the
/// headline, short date-only lines of the header, then every body
/// paragraph. A header line's range runs from the line's start to its
/// trimmed end.
fn push_regions(text: &str, article: &Article, out: &mut Vec<(usize, usize)>) {
    let first_body = article
        .paragraphs
        .first()
        .map_or(text.len(), |p| p.span.start);
    let mut headline_seen = false;
    // `trimmed` is the line's text without the white space around it.
    let mut header_line = |s: usize, e: usize, trimmed: &str| {
        let is_headline = !headline_seen && article.headline.as_deref() == Some(trimmed);
        headline_seen |= is_headline;
        // (The headline is not searched for a date.)
        let date_line = || {
            trimmed.chars().count() <= 40
                && crate::parse::date::find_date(trimmed)
                    .is_some_and(|(_, r)| r.len() * 2 >= trimmed.len())
        };
        if is_headline || date_line() {
            out.push((s, e));
        }
    };
    match &article.other_lines {
        // The parser's non-blank lines that are no paragraph, trimmed and
        // in text order: those before the first paragraph are the header's
        // non-blank lines, without splitting and trimming the header again.
        Some(lines) => {
            for sp in lines.iter().take_while(|sp| sp.start < first_body) {
                // Back over the white space the parser trimmed off the
                // line's start (a few bytes, no line feed among them).
                let s = text.as_bytes()[..sp.start]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                header_line(s, sp.end, sp.of(text));
            }
        }
        None => {
            let mut pos = 0;
            for line in text[..first_body].split_inclusive('\n') {
                let (s, e) = (pos, pos + line.trim_end().len());
                pos += line.len();
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    header_line(s, e, trimmed);
                }
            }
        }
    }
    for p in &article.paragraphs {
        out.push((p.span.start, p.span.end));
    }
    out.sort_unstable();
    out.dedup();
}

/// Scans `text[start..end]` and appends its timexes (public for tests and
/// the events extractor's fixtures).
pub fn scan(text: &str, start: usize, end: usize, anchor: &mut Anchor, out: &mut Vec<Timex>) {
    // (Tests and fixtures only: no kept scratch.)
    scan_all(
        text,
        &[(start, end)],
        &mut ScanScratch::default(),
        |_, scanner, haystack, matches| {
            let triggers = &mut Vec::new();
            scan_region(
                text, start, end, scanner, haystack, matches, anchor, out, triggers,
            );
        },
    );
}

/// [`scan`] given the region's scanner, the text it searched and its
/// matches, also appending the region's event triggers to `triggers`.
#[allow(clippy::too_many_arguments)]
fn scan_region(
    text: &str,
    start: usize,
    end: usize,
    scanner: Scanner,
    haystack: &str,
    matches: Matches,
    anchor: &mut Anchor,
    out: &mut Vec<Timex>,
    triggers: &mut Vec<(usize, usize)>,
) {
    let region = &text[start..end];
    // A match's sentence is split out only when its rule reads it (the
    // tense of a weekday or of a date without its year, `ago`): most
    // matches (years, full dates) never do. The last sentence found, and
    // its tense once read; the matches of a region come in text order.
    let sentence: Cell<Option<(usize, usize)>> = Cell::new(None);
    let tense: Cell<Option<Tense>> = Cell::new(None);
    // The start of the last match taken before this one in the region.
    let mut last_taken: Option<usize> = None;
    let mut locs = None;
    // No alternative of the patterns matches the empty string.
    for found in matches {
        debug_assert!(!found.is_empty());
        if found.pattern().as_usize() == TRIGGER_PATTERN {
            triggers.push((start + found.start(), start + found.end()));
            continue;
        }
        let caps = Found::read(scanner.groups, &mut locs, haystack, region, found);
        let m = caps.get(0).expect("match");
        if !accept(region, &caps) {
            continue;
        }
        let (ms, me) = (m.start(), m.end());
        let first_before = last_taken.replace(ms);
        // The first sentence ending after the match start, else the last
        // (found from the end of the last one found, a sentence start
        // at or before the match).
        let around = || match sentence.get() {
            Some(cur @ (_, se)) if se > ms => cur,
            last => {
                let cur = sentence_around(region, last.map_or(0, |(_, se)| se), ms);
                sentence.set(Some(cur));
                tense.set(None);
                cur
            }
        };
        // The match's sentence, stretched to the match end.
        let stretched = || {
            let (ss, se) = around();
            &region[ss..se.max(me).min(region.len())]
        };
        // The tense of a sentence is read from the text the first match
        // taken in it sees (its sentence, stretched to that match's end);
        // a later match starts before the sentence end, after that one's.
        let tense_of = || {
            let (ss, se) = around();
            if let Some(t) = tense.get() {
                return t;
            }
            let first = first_before.is_none_or(|b| b < ss);
            let end = if first { se.max(me) } else { se };
            let t = Tense::of(&region[ss..end.min(region.len())]);
            tense.set(Some(t));
            t
        };
        let (value, until) = anchor.resolve(&caps, stretched, tense_of);
        out.push(Timex {
            text: m.as_str().to_string(),
            value,
            until,
            span: Span::new(start + ms, start + me),
        });
    }
}

/// Half-open sentence ranges of `s`: a sentence ends after `.`, `!` or `?`
/// followed by white space (abbreviation dots such as `Nov.` followed by a
/// digit or lower-case word do not end one).
pub fn sentence_bounds(s: &str) -> Vec<(usize, usize)> {
    SentenceBounds::new(s).collect()
}

/// [`sentence_bounds`], one sentence at a time.
pub(crate) struct SentenceBounds<'a> {
    s: &'a str,
    /// Where the next sentence starts.
    start: usize,
    /// Where to look for the next stop.
    pos: usize,
}

impl<'a> SentenceBounds<'a> {
    pub(crate) fn new(s: &'a str) -> SentenceBounds<'a> {
        SentenceBounds {
            s,
            start: 0,
            pos: 0,
        }
    }
}

impl Iterator for SentenceBounds<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let s = self.s;
        let bytes = s.as_bytes();
        while let Some(i) = next_stop(bytes, self.pos) {
            self.pos = i + 1;
            if let Some(end) = sentence_end(s, i) {
                let sentence = (self.start, end);
                self.start = end;
                return Some(sentence);
            }
        }
        self.pos = bytes.len();
        (self.start < s.len()).then(|| {
            let sentence = (self.start, s.len());
            self.start = s.len();
            sentence
        })
    }
}

/// Where the sentence ended by the stop at `i` of `s` ends (after a
/// closing quote, if one follows the stop), or `None` when that stop ends
/// none. Only the bytes around the stop decide: nothing before it but the
/// word it closes.
fn sentence_end(s: &str, i: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let b = bytes[i];
    // A closing quote right after the stop belongs to the sentence: `"`,
    // `'`, or `”` or `’` (E2 80 9D, E2 80 99 in UTF-8).
    let close = match bytes.get(i + 1) {
        Some(b'"' | b'\'') => 1,
        Some(0xE2) if matches!(bytes.get(i + 2..i + 4), Some([0x80, 0x9D | 0x99])) => 3,
        _ => 0,
    };
    let end = i + 1 + close;
    if !bytes.get(end).is_some_and(|c| c.is_ascii_whitespace()) || !opens_next(s, end) {
        return None;
    }
    // (Only a dot can end an abbreviation, and only a word of up to four
    // bytes can be one.)
    let abbreviation = b == b'.'
        && short_word_before(s, i).is_some_and(|w| {
            w.len() <= 4
                && w.chars().next().is_some_and(char::is_uppercase)
                && crate::parse::date::month_number(w).is_some()
                || w.len() == 1
        });
    (!abbreviation).then_some(end)
}

/// Whether the first character after the white space at `at` of `s` can
/// open a sentence: a capital or an opening double quote. The white space
/// and the character are read as bytes while they are ASCII (they nearly
/// always are), by `char` from the first byte that is not.
fn opens_next(s: &str, at: usize) -> bool {
    let bytes = s.as_bytes();
    // (`char::is_whitespace` on ASCII, the vertical tab included.)
    let Some(k) = (at..bytes.len()).find(|&k| !crate::uclass::is_ascii_space(bytes[k])) else {
        return false;
    };
    match bytes[k] {
        c if c < 0x80 => c.is_ascii_uppercase() || c == b'"',
        _ => s[k..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“'),
    }
}

/// The sentence of `s` ([`sentence_bounds`]) that is the first to end
/// after byte `p`, given `from`, the start of a sentence at or before it.
/// Whether a stop ends a sentence depends only on the bytes around it
/// ([`sentence_end`]), so the sentence is found from `p` outwards, the
/// stops before it searched backwards to the last end at or before `p`.
/// (Split from the paragraph start, about half the timex scan's sentences
/// and two thirds of the events' held no match on the 10 MB corpus, and
/// every stop in them was read.)
pub(crate) fn sentence_around(s: &str, from: usize, p: usize) -> (usize, usize) {
    debug_assert!(from <= p && p < s.len());
    let bytes = s.as_bytes();
    // Most matches have no stop between `from` and themselves (about seven
    // searches in ten on the 10 MB corpus), and the backward search then
    // found no end. Near `from`, the first stop after it, searched
    // forwards, tells so and is where the forward search starts; farther
    // away the match is more often past a sentence end, which the
    // backward search finds without reading the sentences before.
    const NEAR: usize = 96;
    let (start, pos) = match (p - from <= NEAR).then(|| next_stop(bytes, from)) {
        Some(None) => return (from, s.len()),
        // A stop more than four bytes before `p` ends its sentence (a
        // closing quote is at most three bytes) at or before `p`: none.
        Some(Some(first)) if first + 4 >= p => match sentence_end(s, first) {
            Some(end) if end > p => return (from, end),
            Some(end) => (end, first + 1),
            None => (from, first + 1),
        },
        near => {
            let first = near.flatten().unwrap_or(from);
            let start = last_end_before(s, first, p).unwrap_or(from);
            // The backward search saw every stop more than four bytes
            // before `p`, and the last that ends a sentence at or before it.
            (start, p.saturating_sub(4).max(start))
        }
    };
    let mut rest = SentenceBounds { s, start, pos };
    rest.find(|&(_, end)| end > p).unwrap_or((start, s.len()))
}

/// The end of the last sentence of `s` that ends at or before `p` by a
/// stop at or after `first`, searched backwards from `p`.
fn last_end_before(s: &str, first: usize, p: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut below = p;
    while let Some(k) = memchr::memrchr3(b'.', b'!', b'?', &bytes[first..below]) {
        let i = first + k;
        below = i;
        if let Some(end) = sentence_end(s, i).filter(|&end| end <= p) {
            return Some(end);
        }
    }
    None
}

/// The word (alphanumeric characters) that ends at `i` in `s`, or `None`
/// when it is longer than four bytes. Most words before a stop are plain
/// ASCII and longer than that: five bytes read backwards tell, where the
/// search by `char` decoded the whole word back from its end.
fn short_word_before(s: &str, i: usize) -> Option<&str> {
    let bytes = s.as_bytes();
    // Five ASCII letters or digits before the stop, the common case, are
    // told by one eight-byte load, where the loop below took a branch a
    // byte and mispredicted the word's end.
    if let Some(eight) = bytes[..i].last_chunk::<8>() {
        const LAST_FIVE: u64 = 0x8080_8080_8000_0000;
        if ascii_alphanumeric_bytes(u64::from_le_bytes(*eight)) & LAST_FIVE == LAST_FIVE {
            return None;
        }
    }
    let mut k = i;
    while k > 0 {
        let c = bytes[k - 1];
        if c >= 0x80 {
            // A character outside ASCII may be a letter: the word by chars.
            let word = s[..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            return (word.len() <= 4).then_some(word);
        }
        if !c.is_ascii_alphanumeric() {
            break;
        }
        if i - k == 4 {
            // A fifth byte of the word.
            return None;
        }
        k -= 1;
    }
    Some(&s[k..i])
}

/// The bytes of `w` that are ASCII letters or digits, as the high bit of
/// each. Each range test adds to the low seven bits of every byte at
/// once: no sum reaches 0x100, so no byte carries into the next.
fn ascii_alphanumeric_bytes(w: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let at_least = |x: u64, b: u8| (x + ONES * u64::from(0x80 - b)) & HIGH;
    let low = w & !HIGH;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    // (Setting 0x20 maps the capitals, and only them, onto the small letters.)
    let folded = low | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    (digit | letter) & !w & HIGH
}

/// The first `.`, `!` or `?` of `bytes` at or after `from`. Stops are a
/// few bytes in a hundred, and both extractors split every paragraph with
/// a match: `memchr3` tests 16 or 32 bytes at a time, where the eight-byte
/// word test it replaced spent ~3 instructions per byte.
fn next_stop(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr3(b'.', b'!', b'?', bytes.get(from..)?).map(|k| from + k)
}

/// Filters out matches that are not dates in context: numbers that only look
/// like years (`$2000`, `2000 people`, `1999.5`) and the bare month names
/// `May`/`March` without a temporal preposition.
fn accept(region: &str, caps: &Found) -> bool {
    let g = &*GROUPS;
    let m = caps.get(0).expect("match");
    let before = &region[..m.start()];
    let after = &region[m.end()..];
    // Compared in any ASCII case rather than lower-cased into a new string.
    let prev_word = || {
        before
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
    };
    // Asked only by a year before a plural and by a bare `May` or `March`:
    // most matches never read the word before them.
    let temporal_prep = |w: &str| is_any_case(w, TEMPORAL_PREPS);
    if caps.alternative() == alt::YEAR && caps.get(g.ymod).is_none() {
        let prev = before.chars().next_back();
        let next = after.chars().next();
        if prev.is_some_and(|c| {
            matches!(c, '$' | '£' | '€' | '#' | ',' | '.' | '-' | '/') || c.is_ascii_digit()
        }) {
            return false;
        }
        if next.is_some_and(|c| matches!(c, '%' | '-' | '/') || c.is_ascii_digit())
            || (after.starts_with(',') || after.starts_with('.'))
                && after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return false;
        }
        let rest = after.trim_start();
        let next_word = &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())];
        let quantity = next_word.len() > 2
            && (next_word.ends_with('s')
                || matches!(next_word, "people" | "men" | "women" | "children"))
            && next_word.chars().all(|c| c.is_lowercase());
        let strict_prep = || {
            let w = prev_word();
            temporal_prep(w) && !is_any_case(w, &["and", "or", "to", "for", "the", "of"])
        };
        if quantity && !strict_prep() || next_word == "percent" {
            return false;
        }
    }
    // `Radio 4's Today programme`, `told Today`: a capitalized day word
    // inside a sentence is a title, not a date.
    if let Some(dw) = caps.get(g.dword)
        && caps.get(g.dwmod).is_none()
        && dw.as_str().starts_with(|c: char| c.is_uppercase())
        && !opens_sentence(before)
    {
        return false;
    }
    if let Some(mm) = caps.get(g.mym) {
        let bare =
            caps.get(g.mymod).is_none() && caps.get(g.myrel).is_none() && caps.get(g.myy).is_none();
        if bare && matches!(mm.as_str(), "May" | "March") && !temporal_prep(prev_word()) {
            return false;
        }
        // "June Carter": a capitalized word right after a bare month is a name.
        if bare && after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
    }
    true
}

/// The words before a date that make it one (`in May`, `early 2020`),
/// lower-case.
const TEMPORAL_PREPS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "through", "of", "before", "after", "during",
    "to", "and", "or", "between", "for", "early", "late", "fiscal", "the", "last", "next", "this",
    "spring", "summer", "autumn", "fall", "winter", "on",
];

/// Whether a word after `before` starts a sentence: nothing but opening
/// quotes and brackets since the last stop (or the region start).
fn opens_sentence(before: &str) -> bool {
    let t = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '`' | '(' | '[' | '«' | '„')
    });
    t.is_empty() || t.ends_with(['.', '!', '?', ':', '…', '—', '–', '-'])
}

/// Day count of an `N-day` duration written right before `at` (`two-day
/// meeting` → 2), for event ranges.
pub fn day_count(word: &str) -> Option<i64> {
    let w = word.to_ascii_lowercase();
    let n = match w.as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return w.parse().ok(),
    };
    Some(n)
}

warm_up_statics!(SCAN_DFA, SCAN_MARKS, GROUPS);
