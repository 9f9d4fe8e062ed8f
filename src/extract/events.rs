//! Dated events: meetings, summits, press conferences (issue #4).
//!
//! The rule, sentence by sentence over the body paragraphs:
//!
//! 1. **Trigger.** A trigger word or phrase gives the kind: `summit`,
//!    `meeting` (also `met`, `gathered`, `convened`, `ministerial meeting`),
//!    `ministerial`, `conference`, `press conference` (also `news
//!    conference`, `press briefing`, `remarks to journalists`), `talks`,
//!    `visit`, `dinner` (`lunch`, `banquet`), `call` (`phone call`), `vote`
//!    (`referendum`, `election`), `attack` (`bombing`, `shelling`,
//!    `airstrike`), `ceremony`, and the generic `event`; `the same venue`
//!    (`location`, `building`, `hall`) is an `event` at the place of the
//!    article's latest located mention.
//! 2. **Place.** A place named in the sentence *as a location*: introduced
//!    by `in`/`at`, used as a modifier right before the trigger (`the Madrid
//!    Summit`) or as a possessive (`Lisbon's Palace`). Places come from
//!    `article.entities` (type place) when present, else from the place
//!    gazetteer. The trigger takes the nearest one. Another place directly
//!    followed by a date (`… Tallinn next year`) is a further event of the
//!    same kind there, and that date is its own. A dated event without a
//!    place takes the article's dateline place.
//! 3. **Date.** The timex of the sentence nearest the trigger; `today and
//!    tomorrow` or a written range (`November 28-29`) give `until`, and so
//!    does an `N-day` modifier once the first day is known.
//! 4. **Participants.** People and organizations (entities) in the sentence.
//! 5. **Same event within an article.** A mention joins the latest earlier
//!    event of the same family (meeting ~ ministerial ~ talks; `event` joins
//!    any) when places and dates are compatible (equal, one missing, a city
//!    inside a country, overlapping dates) and they share a place or a date,
//!    or the mention carries neither (a pure reference, `the meeting`). An
//!    indefinite mention (`a meeting`) needs both place and date to agree,
//!    since it usually introduces a new event. A mention linked to another
//!    trigger by `on the sidelines of` / `ahead of` / `during` (`a G7
//!    meeting on the sidelines of the NATO meeting`) is a separate event
//!    that inherits the other event's place and date when it has none.
//! 6. **Co-location.** A dated event without a place takes the place of a
//!    located event of the same article whose dates cover its day.
//! 7. Events with neither a date nor a place are dropped.

pub mod places;
#[cfg(test)]
mod tests;

use jiff::ToSpan;
use jiff::civil::Date;
#[cfg(test)]
use regex::Regex;

use crate::extract::timex::{self, day_count};
use crate::model::{Article, EntityType, Event, Span, Timex};
use crate::twin::ascii_equivalent;
use crate::uclass::{self, spaced};

/// Event triggers, searched by the timex scan in the same walk as the
/// timexes (`timex::SCAN`). Each pattern has an ASCII twin
/// ([`crate::twin`]) for text on which it matches exactly as the pattern,
/// that is most paragraphs: the twins compile in a
/// fraction of the time and keep the lazy DFA on the whole text, where a
/// Unicode `\b` gives up at the first non-ASCII byte.
pub(crate) const TRIGGER: &str = r"(?ix)\b(?:
          (?:press|news)\s+(?:conference|briefing)s? | remarks\s+to\s+(?:journalists|reporters|the\s+press)
        | summits? | ministerial(?:\s+meetings?)? | conferences? | talks | negotiations
        | visits? | visited | dinners? | lunch(?:eon)?s? | banquets?
        | (?:phone|telephone)\s+(?:calls?|conversations?) | referendums? | votes? | elections?
        | attacks? | bombings? | air\s?strikes? | shelling
        | meetings? | met | gathered | convened | ceremony | ceremonies | event
        | same\s+(?:venue|location|building|hall)
        )\b";

/// A trigger held alongside an earlier one (`on the sidelines of the …`):
/// the rule that [`hosted`] reads in code, kept as its tests' oracle.
#[cfg(test)]
const HOST: &str = r"(?i)\b(?:on\s+the\s+(?:sidelines|margins?)\s+of|ahead\s+of|during|in\s+the\s+run-up\s+to)\s+(?:the|this|that)\s+[^,;.]*$";

/// Runs of up to three capitalized words, for the place gazetteer: the
/// rule, found by [`cap_runs_ascii`] and [`cap_runs_chars`] without a
/// regex search, and their tests' oracle.
#[cfg(test)]
const CAP: &str = r"\b\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}";

/// Whether `HOST` matches `s`, read in code: building the pattern (and
/// the written one for text with a non-ASCII letter) cost more than all
/// its searches. `[^,;.]*$` puts the whole match after the last `,`, `;`
/// or `.`, as its words and spaces hold none. Each alternative opens with
/// a different letter (`o`, `a`, `d`, `i`, none folding outside ASCII)
/// after a `\b`, that is after a character that is not a word character;
/// `\s+` before a letter takes the whole run of spaces, and the last one
/// may as well, leaving `[^,;.]*` the rest.
fn hosted(s: &str) -> bool {
    let from = memchr::memrchr3(b',', b';', b'.', s.as_bytes()).map_or(0, |i| i + 1);
    // (Before `from` stands `,`, `;` or `.`, which is no word character.)
    s[from..].char_indices().any(|(i, c)| {
        matches!(c, 'o' | 'O' | 'a' | 'A' | 'd' | 'D' | 'i' | 'I')
            && !uclass::word_before(s, from + i)
            && host_at(&s[from + i..])
    })
}

/// Whether `t` opens with a match of `HOST` after its `\b`.
fn host_at(t: &str) -> bool {
    use crate::caseless::strip_prefix as folded;
    fn side(r: &str) -> Option<&str> {
        folded(r, "sidelines").or_else(|| folded(r, "margin").map(|m| folded(m, "s").unwrap_or(m)))
    }
    let lead = match t.as_bytes()[0].to_ascii_lowercase() {
        b'o' => folded(t, "on")
            .and_then(spaced)
            .and_then(|r| folded(r, "the"))
            .and_then(spaced)
            .and_then(side)
            .and_then(spaced)
            .and_then(|r| folded(r, "of")),
        b'a' => folded(t, "ahead")
            .and_then(spaced)
            .and_then(|r| folded(r, "of")),
        b'd' => folded(t, "during"),
        _ => folded(t, "in")
            .and_then(spaced)
            .and_then(|r| folded(r, "the"))
            .and_then(spaced)
            .and_then(|r| folded(r, "run-up"))
            .and_then(spaced)
            .and_then(|r| folded(r, "to")),
    };
    lead.and_then(spaced)
        .and_then(|r| folded(r, "th"))
        .and_then(|r| {
            folded(r, "e")
                .or_else(|| folded(r, "is"))
                .or_else(|| folded(r, "at"))
        })
        .and_then(spaced)
        .is_some()
}

/// Bounds that keep the work linear on hostile text; news prose stays far
/// below them, so they change nothing there. A "sentence" longer than
/// `MAX_SENTENCE_BYTES` (a table or a run-on scrape without stops) is not
/// searched for events; in a sentence only the first `MAX_TRIGGERS`
/// triggers and `MAX_PLACES` places count.
const MAX_SENTENCE_BYTES: usize = 4096;
const MAX_TRIGGERS: usize = 32;
const MAX_PLACES: usize = 64;
/// A mention joins one of the latest `MAX_LOOKBACK` events of its article
/// at most, and the merging of events stops after `MAX_UNIFY_CHECKS` pair
/// comparisons; an event keeps at most `MAX_PARTICIPANTS` participants.
const MAX_LOOKBACK: usize = 256;
const MAX_UNIFY_CHECKS: usize = 100_000;
const MAX_PARTICIPANTS: usize = 64;

/// The kind named by a trigger (lower-cased match).
pub fn kind_of(trigger: &str) -> &'static str {
    kind_of_lowered(&lower(trigger))
}

/// [`kind_of`] of a trigger already lower-cased by [`lower`].
fn kind_of_lowered(t: &str) -> &'static str {
    let first = t.split_whitespace().next().unwrap_or("");
    match first {
        "press" | "news" | "remarks" => "press conference",
        "ministerial" if t.contains("meeting") => "meeting",
        "ministerial" => "ministerial",
        "talks" | "negotiations" => "talks",
        "visit" | "visits" | "visited" => "visit",
        "phone" | "telephone" => "call",
        "referendum" | "referendums" | "vote" | "votes" | "election" | "elections" => "vote",
        "ceremony" | "ceremonies" => "ceremony",
        "event" | "same" => "event",
        "meeting" | "meetings" | "met" | "gathered" | "convened" => "meeting",
        _ if first.starts_with("summit") => "summit",
        _ if first.starts_with("conference") => "conference",
        _ if first.starts_with("dinner")
            || first.starts_with("lunch")
            || first.starts_with("banquet") =>
        {
            "dinner"
        }
        _ => "attack",
    }
}

/// `s.to_lowercase()`, borrowing `s` when it has no upper-case letter:
/// the words the rules lower-case (triggers, the words around them) mostly
/// have none, and each is lower-cased once per mention.
fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(s.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Kinds that can name the same event (`ministerial` and `meeting`).
pub fn family(kind: &str) -> &str {
    match kind {
        "ministerial" | "talks" => "meeting",
        k => k,
    }
}

/// Two kinds can be one event: same family, or one is the generic `event`.
pub fn same_family(a: &str, b: &str) -> bool {
    a == "event" || b == "event" || family(a) == family(b)
}

/// The calendar part of a timex value usable as an event date (`YYYY`,
/// `YYYY-MM` or `YYYY-MM-DD`; a part-of-day suffix is dropped; weeks,
/// halves and decades are not dates).
pub fn calendar(value: &str) -> Option<String> {
    is_calendar(value).then(|| value.split('T').next().unwrap_or(value).to_string())
}

/// `calendar(value).is_some()`, without building the string.
fn is_calendar(value: &str) -> bool {
    let v = value.split('T').next().unwrap_or(value);
    matches!(v.len(), 4 | 7 | 10)
        && v.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// First and last day (as ISO strings) covered by a `when`/`until` pair.
fn bounds(when: &str, until: Option<&str>) -> (String, String) {
    let first = match when.len() {
        4 => format!("{when}-01-01"),
        7 => format!("{when}-01"),
        _ => when.to_string(),
    };
    let last_of = |w: &str| match w.len() {
        4 => format!("{w}-12-31"),
        7 => format!("{w}-31"),
        _ => w.to_string(),
    };
    (first, last_of(until.unwrap_or(when)))
}

/// Two date values overlap (a month overlaps each of its days; a missing
/// value is compatible with anything).
///
/// The rule compares the ISO strings of [`bounds`]; dates (all of them, in
/// practice) are compared as the day numbers of [`day_of`] instead, which
/// keep that order, without formatting four strings.
pub fn dates_overlap(a: Option<(&str, Option<&str>)>, b: Option<(&str, Option<&str>)>) -> bool {
    match (a, b) {
        (Some((aw, au)), Some((bw, bu))) => match (day_span(aw, au), day_span(bw, bu)) {
            (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
            _ => overlap_by_strings(aw, au, bw, bu),
        },
        _ => true,
    }
}

/// The first and last day numbers ([`day_of`]) of a `when`/`until` pair;
/// `None` when either is not a date.
pub(crate) fn day_span(when: &str, until: Option<&str>) -> Option<(u32, u32)> {
    Some((day_of(when, false)?, day_of(until.unwrap_or(when), true)?))
}

/// [`dates_overlap`] of two dated values by their ISO strings: its rule,
/// for values that are not dates, and its tests' oracle.
fn overlap_by_strings(aw: &str, au: Option<&str>, bw: &str, bu: Option<&str>) -> bool {
    let (a0, a1) = bounds(aw, au);
    let (b0, b1) = bounds(bw, bu);
    a0 <= b1 && b0 <= a1
}

/// A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value as a day number, its first
/// day or (with `last`) its last, on a calendar of twelve 31-day months:
/// the numbers keep the order of the ISO strings of [`bounds`]
/// (`dates_overlap`), which is all its callers need. `None` for anything
/// else.
pub(crate) fn day_of(date: &str, last: bool) -> Option<u32> {
    let b = date.as_bytes();
    let number = |r: std::ops::Range<usize>| {
        b.get(r)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|d| d.iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0')))
    };
    let dash = |i: usize| b.get(i) == Some(&b'-');
    let year = number(0..4)? * 372;
    let month = |m: u32| (1..=12).contains(&m).then(|| (m - 1) * 31);
    match b.len() {
        4 => Some(year + if last { 371 } else { 0 }),
        7 if dash(4) => Some(year + month(number(5..7)?)? + if last { 30 } else { 0 }),
        10 if dash(4) && dash(7) => {
            let day = number(8..10).filter(|d| (1..=31).contains(d))?;
            Some(year + month(number(5..7)?)? + day - 1)
        }
        _ => None,
    }
}

/// Places are compatible when equal, one is missing, or one contains the other.
pub fn places_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => places::compatible(x, y),
        _ => true,
    }
}

#[derive(Clone, Debug)]
struct Mention {
    kind: &'static str,
    what: String,
    place: Option<String>,
    when: Option<String>,
    until: Option<String>,
    days: Option<i64>,
    participants: Vec<String>,
    span: Span,
    indefinite: bool,
    /// Index (in the mention list) of the event this one is held alongside.
    host: Option<usize>,
}

struct PlaceMention<'a> {
    start: usize,
    end: usize,
    /// Borrowed: only the place a mention takes is copied.
    name: &'a str,
    /// Named as a location (rule 2); other places only count when a date
    /// follows them directly.
    locative: bool,
}

/// Finds the events the article reports.
pub fn extract(text: &str, article: &Article) -> Vec<Event> {
    let paragraphs: Vec<(usize, usize)> = (article.paragraphs.iter())
        .map(|p| (p.span.start, p.span.end))
        .collect();
    extract_with_triggers(text, article, &timex::triggers(text, &paragraphs))
}

/// [`extract`] given the triggers of the body paragraphs (text ranges in
/// text order, as [`timex::extract_with_triggers`] finds them).
pub fn extract_with_triggers(
    text: &str,
    article: &Article,
    all_triggers: &[(usize, usize)],
) -> Vec<Event> {
    let dateline_place = article.dateline.as_ref().and_then(|d| d.place.clone());
    // A trigger makes one mention, or a few: presized, the vector does not
    // grow (and copy its mentions) two or three times an article.
    let mut mentions: Vec<Mention> = Vec::with_capacity(all_triggers.len());
    // (Most articles have a trigger; the scratch is taken for those.)
    if !all_triggers.is_empty() {
        crate::spare::with(&SCRATCH, |scratch| {
            // Built at the first paragraph with a trigger: most paragraphs
            // have none.
            let mut index = None;
            for p in &article.paragraphs {
                let para = p.span.of(text);
                // The triggers are searched once per paragraph rather than
                // once per sentence: a sentence starts after a stop or a
                // quote and ends before a space, so `\b` reads the same at
                // its edges and no trigger (letters and spaces) crosses
                // one; the paragraph's triggers are then exactly its
                // sentences' ones, in order. Most paragraphs have none and
                // need no sentence splitting.
                let triggers = paragraph_triggers(all_triggers, p.span.start, p.span.end);
                if triggers.is_empty() {
                    continue;
                }
                let index = index.get_or_insert_with(|| EntityIndex::new(article));
                trigger_sentences(para, p.span.start, triggers, |s0, s1, mine| {
                    sentence_mentions(text, s0, s1, mine, article, index, scratch, &mut mentions);
                });
            }
        });
    }
    for m in &mut mentions {
        if m.place.is_none() && m.when.is_some() {
            m.place.clone_from(&dateline_place);
        }
    }
    merge_mentions(mentions)
}

/// Calls `each` with the bounds (in the text, `para` starting at `at`) of
/// each sentence of `para` that holds triggers, and its triggers, in
/// order. Only those sentences are split out
/// ([`timex::sentence_around`]): most sentences of a paragraph with a
/// trigger have none.
fn trigger_sentences<'t>(
    para: &str,
    at: usize,
    triggers: &'t [(usize, usize)],
    mut each: impl FnMut(usize, usize, &'t [(usize, usize)]),
) {
    let mut rest = triggers;
    let mut from = 0;
    while let Some(&(ts, _)) = rest.first() {
        let (ss, se) = timex::sentence_around(para, from, ts - at);
        from = se;
        let (s0, s1) = (at + ss, at + se);
        let (mine, after) = rest.split_at(rest.partition_point(|&(ts, _)| ts < s1));
        rest = after;
        each(s0, s1, mine);
    }
}

/// The working vectors of [`sentence_mentions`], kept from one sentence to
/// the next and, emptied, from one article to the next on a thread
/// ([`crate::spare`]): a sentence with a trigger made about five
/// allocations besides its mentions.
#[derive(Default)]
struct Scratch<'a> {
    timexes: Vec<&'a Timex>,
    places: Vec<PlaceMention<'a>>,
    gazetteer: Vec<PlaceMention<'a>>,
    /// Working spans: the places' as `(start, end, entity)`, then the
    /// participants' first spans as `(start, entity, 0)` ([`first_spans`]).
    spans: Vec<(usize, usize, usize)>,
    participants: Vec<(usize, &'a str)>,
    consumed: Vec<bool>,
    /// `(place, timex)`: places directly followed by a date.
    extras: Vec<(usize, usize)>,
}

crate::spare::scratch_by_rebind!(Scratch);

impl Scratch<'_> {
    /// The vectors, emptied, for borrowing another article.
    fn rebind<'b>(self) -> Scratch<'b> {
        use crate::spare::keep;
        Scratch {
            timexes: keep(self.timexes),
            places: keep(self.places),
            gazetteer: keep(self.gazetteer),
            spans: keep(self.spans),
            participants: keep(self.participants),
            consumed: keep(self.consumed),
            extras: keep(self.extras),
        }
    }
}

thread_local! {
    /// The scratch of the thread's last article.
    static SCRATCH: std::cell::Cell<Scratch<'static>> = std::cell::Cell::new(Scratch::default());
}

/// The entity spans of an article sorted by position, so that the entities
/// of one sentence are found by binary search rather than a scan of all.
struct EntityIndex<'a> {
    /// `(start, end, entity index)`, sorted.
    spans: SortedSpans,
    /// `max_end[k]`: the largest end among the first `k + 1` spans.
    max_end: Vec<usize>,
    /// The outlet and agencies that report the story ([`reporters`]).
    reporters: Vec<&'a String>,
}

impl<'a> EntityIndex<'a> {
    fn new(article: &'a Article) -> EntityIndex<'a> {
        let spans = sorted_spans(article);
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for (_, e, _) in spans.iter_from(0) {
            m = e.max(m);
            max_end.push(m);
        }
        EntityIndex {
            spans,
            max_end,
            reporters: reporters(article),
        }
    }

    /// Whether `e` is the outlet or an agency that reports the story.
    /// Asked only of the entities of sentences with a trigger, a few of
    /// an article's: comparing every entity's names with the reporters
    /// up front cost more than the rest of the index.
    fn reporter(&self, e: crate::model::EntityRef) -> bool {
        !self.reporters.is_empty()
            && std::iter::once(e.name())
                .chain(e.aliases())
                .any(|n| self.reporters.iter().any(|r| *r == n))
    }

    /// Spans inside `[s0, s1)`, in `(start, end, entity)` order.
    fn within(&self, s0: usize, s1: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let first = self.spans.starting_before(s0);
        self.spans
            .iter_from(first)
            .take_while(move |&(s, _, _)| s < s1)
            .filter(move |&(_, e, _)| e <= s1)
    }

    /// Whether any entity span overlaps `[start, end)`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let k = self.spans.starting_before(end);
        k > 0 && self.max_end[k - 1] > start
    }
}

/// An article's entity spans `(start, end, entity index)`, sorted. Each
/// fits 64 bits in any article under 16 MiB with fewer than 65,536
/// entities, and a sort of integers costs about half as much as one of
/// triples, which compares field by field with a branch each. The packed
/// keys are kept as sorted and read through [`unpack`]: a sentence reads a
/// few spans, where unpacking them all into triples wrote 24 bytes for
/// every span of the article.
enum SortedSpans {
    Packed(Vec<u64>),
    Triples(Vec<(usize, usize, usize)>),
}

/// A span as a packed key of [`SortedSpans`], if it fits one.
fn pack((s, e, k): (usize, usize, usize)) -> Option<u64> {
    (s < 1 << 24 && e < 1 << 24 && k < 1 << 16)
        .then_some((s as u64) << 40 | (e as u64) << 16 | k as u64)
}

/// The span of a key of [`pack`].
fn unpack(p: u64) -> (usize, usize, usize) {
    (
        (p >> 40) as usize,
        (p >> 16 & 0xff_ffff) as usize,
        (p & 0xffff) as usize,
    )
}

impl SortedSpans {
    fn len(&self) -> usize {
        match self {
            SortedSpans::Packed(p) => p.len(),
            SortedSpans::Triples(t) => t.len(),
        }
    }

    /// The number of spans that start before `at`.
    fn starting_before(&self, at: usize) -> usize {
        match self {
            SortedSpans::Packed(p) => p.partition_point(|&p| ((p >> 40) as usize) < at),
            SortedSpans::Triples(t) => t.partition_point(|&(s, _, _)| s < at),
        }
    }

    /// The spans from the `first`th on, in order.
    fn iter_from(&self, first: usize) -> SpansFrom<'_> {
        match self {
            SortedSpans::Packed(p) => SpansFrom {
                packed: p[first..].iter(),
                triples: [].iter(),
            },
            SortedSpans::Triples(t) => SpansFrom {
                packed: [].iter(),
                triples: t[first..].iter(),
            },
        }
    }
}

/// [`SortedSpans::iter_from`]: one of the two parts is empty. (Not a
/// `Chain`, whose `try_fold` under `take_while` was not inlined.)
struct SpansFrom<'s> {
    packed: std::slice::Iter<'s, u64>,
    triples: std::slice::Iter<'s, (usize, usize, usize)>,
}

impl Iterator for SpansFrom<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<(usize, usize, usize)> {
        match self.packed.next() {
            Some(&p) => Some(unpack(p)),
            None => self.triples.next().copied(),
        }
    }
}

/// The entity spans of an article, sorted.
fn sorted_spans(article: &Article) -> SortedSpans {
    // (Through `span_lists`: the spans without slicing every name.)
    let spans = || {
        article
            .entities
            .span_lists()
            .enumerate()
            .flat_map(|(k, spans)| spans.iter().map(move |sp| (sp.start, sp.end, k)))
    };
    // Sized up front: collected through an `Option` the vector grew as it
    // went.
    let mut packed = Vec::with_capacity(article.entities.span_lists().map(<[Span]>::len).sum());
    for span in spans() {
        let Some(p) = pack(span) else {
            return SortedSpans::Triples(sorted_spans_by_triples(spans()));
        };
        packed.push(p);
    }
    packed.sort_unstable();
    SortedSpans::Packed(packed)
}

/// Spans sorted as triples: [`sorted_spans`] beyond the packed bounds, and
/// its oracle.
fn sorted_spans_by_triples(
    spans: impl Iterator<Item = (usize, usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    let mut spans: Vec<_> = spans.collect();
    spans.sort_unstable();
    spans
}

/// The triggers of the paragraph `[start, end)` among the sorted `triggers`
/// of all paragraphs.
fn paragraph_triggers(triggers: &[(usize, usize)], start: usize, end: usize) -> &[(usize, usize)] {
    let first = triggers.partition_point(|&(ts, _)| ts < start);
    let last = triggers.partition_point(|&(ts, _)| ts < end);
    &triggers[first..last.max(first)]
}

/// The mentions of the sentence `[s0, s1)`, whose triggers are `triggers`
/// (at least one, in text order).
#[allow(clippy::too_many_arguments)]
fn sentence_mentions<'a>(
    text: &str,
    s0: usize,
    s1: usize,
    triggers: &[(usize, usize)],
    article: &'a Article,
    index: &EntityIndex,
    scratch: &mut Scratch<'a>,
    out: &mut Vec<Mention>,
) {
    if s1 - s0 > MAX_SENTENCE_BYTES {
        return;
    }
    let triggers = &triggers[..triggers.len().min(MAX_TRIGGERS)];
    // Timexes are in text order: binary search keeps the scan linear.
    let first = article.timexes.partition_point(|t| t.span.start < s0);
    let timexes = &mut scratch.timexes;
    timexes.clear();
    timexes.extend(
        article.timexes[first..]
            .iter()
            .take_while(|t| t.span.start < s1)
            .filter(|t| t.span.end <= s1)
            .filter(|t| t.value.as_deref().is_some_and(is_calendar)),
    );
    sentence_places(text, s0, s1, article, index, triggers, scratch);
    let places = &mut scratch.places;
    places.truncate(MAX_PLACES);
    let mut participants = sentence_participants(
        article,
        index,
        s0,
        s1,
        &mut scratch.spans,
        &mut scratch.participants,
    );
    let (timexes, places) = (&scratch.timexes, &scratch.places);
    // Places directly followed by a date: "… Tallinn next year".
    let consumed = &mut scratch.consumed;
    consumed.clear();
    consumed.resize(timexes.len(), false);
    let extras = &mut scratch.extras;
    extras.clear();
    for (pi, pl) in places.iter().enumerate() {
        for (ti, t) in timexes.iter().enumerate() {
            if t.span.start >= pl.end && is_gap(&text[pl.end..t.span.start]) {
                extras.push((pi, ti));
            }
        }
    }
    let first_index = out.len();
    for (k, &(ts, te)) in triggers.iter().enumerate() {
        // Lowered once for the kind, the anaphora and the verb test.
        let trig = lower(&text[ts..te]);
        let kind = kind_of_lowered(&trig);
        let place_idx = places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.locative && same_clause(text, p.start, p.end, ts, te))
            .min_by_key(|(_, p)| distance(p.start, p.end, ts, te))
            .map(|(i, _)| i);
        // Extras for other places belong to the first trigger only.
        if k == 0 {
            for &(pi, ti) in extras.iter() {
                if Some(pi) != place_idx {
                    consumed[ti] = true;
                    let t = timexes[ti];
                    out.push(Mention {
                        kind,
                        what: format!("{} {}", kind, text[places[pi].start..t.span.end].trim()),
                        place: Some(places[pi].name.to_string()),
                        when: t.value.as_deref().and_then(calendar),
                        until: t.until.clone(),
                        days: None,
                        participants: participants.clone(),
                        span: Span::new(s0, s1),
                        indefinite: false,
                        host: None,
                    });
                }
            }
        }
        let near = timexes
            .iter()
            .enumerate()
            .filter(|(i, _)| !consumed[*i])
            .min_by_key(|(_, t)| distance(t.span.start, t.span.end, ts, te))
            .map(|(i, _)| i);
        let (when, mut until) = match near {
            Some(i) => (
                timexes[i].value.as_deref().and_then(calendar),
                timexes[i].until.clone(),
            ),
            None => (None, None),
        };
        if let (Some(i), None) = (near, &until) {
            // "today and tomorrow", "Monday to Wednesday".
            if let Some(next) = timexes.get(i + 1) {
                let gap = text[timexes[i].span.end..next.span.start]
                    .trim()
                    .to_lowercase();
                let v = next.value.as_deref().and_then(calendar);
                if matches!(gap.as_str(), "and" | "to" | "through" | "until" | "-" | "–")
                    && v.as_deref() > when.as_deref()
                {
                    until = v;
                }
            }
        }
        // "at that same venue where …": the place of the latest located
        // mention of the article.
        let anaphoric = trig.starts_with("same");
        let (indefinite, left) = determiner(text, s0, ts);
        let days = text[left..ts]
            .split_whitespace()
            .find_map(|w| w.strip_suffix("-day").and_then(day_count));
        let host = (k > 0 && hosted(&text[triggers[k - 1].1..ts])).then_some(());
        if host.is_some() && first_index + k - 1 < out.len() {
            // The previous trigger is held alongside this one.
            let prev = out.len() - 1;
            out[prev].host = Some(out.len());
        }
        out.push(Mention {
            kind,
            what: if anaphoric {
                clause_after(text, te, s1)
            } else {
                what_of(text, s0, s1, left, (ts, te), is_verb_lowered(&trig))
            },
            place: if anaphoric {
                out.iter()
                    .rev()
                    .take(MAX_LOOKBACK)
                    .find_map(|m| m.place.clone())
            } else {
                place_idx.map(|i| places[i].name.to_string())
            },
            when,
            until,
            days,
            // (The last mention takes the list: most sentences have one
            // trigger, and a clone costs an allocation per name.)
            participants: if k + 1 == triggers.len() {
                std::mem::take(&mut participants)
            } else {
                participants.clone()
            },
            span: Span::new(s0, s1),
            indefinite,
            host: None,
        });
    }
}

/// No clause break (`,`, `;`, `:`, a dash or a parenthesis) between two
/// ranges of the sentence: a place only locates a trigger of its own clause.
fn same_clause(text: &str, a0: usize, a1: usize, b0: usize, b1: usize) -> bool {
    let (from, to) = if a1 <= b0 {
        (a1, b0)
    } else if b1 <= a0 {
        (b1, a0)
    } else {
        return true;
    };
    !text[from..to].contains([',', ';', ':', '(', ')', '–', '—'])
}

/// Text between a place and a date that still ties them (`Tallinn next
/// year`, `Tallinn in July 2023`).
fn is_gap(s: &str) -> bool {
    let t = s.trim();
    t.is_empty() || t == "," || t.eq_ignore_ascii_case("in") || t.eq_ignore_ascii_case("on")
}

fn distance(a0: usize, a1: usize, b0: usize, b1: usize) -> usize {
    if a1 <= b0 {
        b0 - a1
    } else {
        a0.saturating_sub(b1)
    }
}

/// Adjectives that may precede an event noun (`w` lower-cased). A match
/// rather than a list: the compiler can branch on the word's length, where
/// a scan of the list compared each word before a trigger with up to 44.
fn is_modifier(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "second"
            | "third"
            | "last"
            | "next"
            | "joint"
            | "working"
            | "short"
            | "annual"
            | "emergency"
            | "informal"
            | "extraordinary"
            | "foreign"
            | "ministerial"
            | "official"
            | "state"
            | "previous"
            | "latest"
            | "upcoming"
            | "planned"
            | "bilateral"
            | "trilateral"
            | "regular"
            | "special"
            | "final"
            | "recent"
            | "ongoing"
            | "online"
            | "virtual"
            | "major"
            | "brief"
            | "private"
            | "closed-door"
            | "weekly"
            | "monthly"
            | "ministers"
            | "leaders"
            | "defence"
            | "defense"
            | "peace"
            | "trade"
            | "press"
            | "news"
            | "summit"
    )
}

/// Whether the noun phrase ending at `ts` is indefinite, and where it starts.
fn determiner(text: &str, s0: usize, ts: usize) -> (bool, usize) {
    let before = &text[s0..ts];
    let mut left = ts;
    for (i, w) in before.split_whitespace().rev().take(6).enumerate() {
        let lw = lower(w);
        if matches!(&*lw, "a" | "an") {
            return (true, left);
        }
        if matches!(
            &*lw,
            "the" | "this" | "that" | "its" | "their" | "his" | "her" | "our" | "these" | "those"
        ) || w.ends_with([',', '.', ';', ':'])
            || matches!(
                &*lw,
                "in" | "on"
                    | "at"
                    | "of"
                    | "to"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
                    | "during"
                    | "after"
                    | "before"
                    | "ahead"
                    | "are"
                    | "is"
                    | "was"
                    | "were"
                    | "will"
                    | "and"
            )
        {
            return (false, left);
        }
        let _ = i;
        // Only modifiers extend the noun phrase leftwards (`two-day`,
        // `NATO`, `working`); any other word ends it.
        let modifier = w.starts_with(char::is_uppercase)
            || w.contains('-')
            || w.ends_with("'s")
            || w.ends_with("’s")
            || w.ends_with("s'")
            || is_modifier(&lw);
        if !modifier {
            return (false, left);
        }
        // (Searched only here: most words end the phrase. The last
        // occurrence of the word, as the rule has always read it.)
        left = before.rfind(w).map_or(s0, |p| s0 + p);
    }
    (false, left)
}

/// Triggers that are verbs (`met`, `gathered`, `convened`, `visited`).
fn is_verb_trigger(t: &str) -> bool {
    is_verb_lowered(&lower(t))
}

/// [`is_verb_trigger`] of a trigger already lower-cased by [`lower`].
fn is_verb_lowered(t: &str) -> bool {
    matches!(t, "met" | "gathered" | "convened" | "visited")
}

/// What happened at an anaphoric venue: the words after it, up to 14.
fn clause_after(text: &str, te: usize, s1: usize) -> String {
    let words: Vec<&str> = text[te..s1]
        .split_whitespace()
        .skip_while(|w| {
            matches!(
                lower(w).trim_end_matches(','),
                "where" | "when" | "that" | "which"
            )
        })
        .take(14)
        .collect();
    words
        .join(" ")
        .trim_end_matches(['.', ',', ';'])
        .to_string()
}

/// A short description: the trigger's noun phrase and its `of …`
/// complement; `verb` when the trigger is a verb ([`is_verb_trigger`]).
fn what_of(
    text: &str,
    s0: usize,
    s1: usize,
    left: usize,
    (ts, te): (usize, usize),
    verb: bool,
) -> String {
    let rest = &text[te..s1];
    let mut end = te;
    let starts = |p: &str| {
        rest.trim_start()
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    if starts("of ") || starts("between ") {
        let mut pos = te;
        for (taken, w) in rest.split_inclusive(' ').enumerate() {
            let lw = lower(w.trim());
            if taken > 0
                && (matches!(
                    &*lw,
                    "in" | "on" | "at" | "will" | "to" | "is" | "was" | "with" | "kicks"
                ) || taken > 12)
            {
                break;
            }
            pos += w.len();
            if w.trim_end().ends_with([',', '.', ';', ':']) {
                break;
            }
        }
        end = pos;
    }
    // A verb trigger (`gathered`, `met`) is described by its clause.
    let left = if verb {
        let clause_start = text[s0..ts]
            .rfind([',', ';', ':'])
            .map_or(s0, |p| s0 + p + 1);
        let clause = &text[clause_start..ts];
        let words: Vec<&str> = clause.split_whitespace().collect();
        // Only the eighth word from the end is looked up (its first
        // occurrence in the clause, as the rule has always done).
        words.len().checked_sub(8).map_or(clause_start, |k| {
            clause.find(words[k]).unwrap_or(0) + clause_start
        })
    } else {
        left
    };
    let s = text[left..end]
        .trim()
        .trim_end_matches([',', '.', ';', ':']);
    single_spaced(s)
}

/// The words of `s` (split at white space) joined by single spaces. Most
/// descriptions are already so, in ASCII: a test of their bytes then
/// copies them whole, where splitting decoded every character and
/// mispredicted at every word's end.
fn single_spaced(s: &str) -> String {
    let b = s.as_bytes();
    let graphic = |c: u8| c.is_ascii_graphic();
    // Graphic at both ends, and a space only alone between graphic bytes:
    // no white space but single spaces, none at an end.
    let plain = b.first().is_some_and(|&c| graphic(c))
        && b.last().is_some_and(|&c| graphic(c))
        && b.windows(2)
            .all(|w| graphic(w[0]) || w[0] == b' ' && graphic(w[1]));
    if plain {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The places of the sentence `[s0, s1)`, in text order, into
/// `scratch.places` (`scratch.spans` and `scratch.gazetteer` are working
/// space).
fn sentence_places<'a>(
    text: &str,
    s0: usize,
    s1: usize,
    article: &'a Article,
    index: &EntityIndex,
    triggers: &[(usize, usize)],
    scratch: &mut Scratch<'a>,
) {
    let locative = |start: usize, end: usize| {
        let prev = prev_word(&text[s0..start]);
        let after = &text[end..s1];
        // A place right before a noun trigger modifies it (`the Madrid
        // Summit`); before a verb (`Lima met`) it would be a subject.
        let next_trigger = triggers.iter().any(|&(ts, te)| {
            ts >= end && text[end..ts].trim().is_empty() && !is_verb_trigger(&text[ts..te])
        });
        let possessive = (after.starts_with("'s ") || after.starts_with("’s "))
            && after[after.find(' ').unwrap_or(0) + 1..].starts_with(char::is_uppercase);
        locative_word(prev) || next_trigger || possessive
    };
    // Entity places in text order (ties: entity order, then span order).
    let found = &mut scratch.spans;
    found.clear();
    found.extend(
        index
            .within(s0, s1)
            .filter(|&(_, _, k)| article.entities.at(k).kind() == EntityType::Place),
    );
    found.sort_by_key(|&(s, e, k)| (s, k, e));
    let out = &mut scratch.places;
    out.clear();
    out.extend(found.iter().map(|&(start, end, k)| PlaceMention {
        start,
        end,
        name: article.entities.at(k).name(),
        locative: locative(start, end),
    }));
    // The gazetteer adds places the entities do not cover, never inside
    // another entity (`Lima` in a person's name).
    let gaz = &mut scratch.gazetteer;
    gaz.clear();
    let covered = |start, end| index.overlaps(start, end);
    gazetteer_places(text, s0, s1, &locative, &covered, gaz);
    out.extend(gaz.drain(..).filter(|g| !index.overlaps(g.start, g.end)));
    out.sort_by_key(|p| p.start);
}

/// The gazetteer's places in the capitalized runs of `[s0, s1)`, where
/// `covered` tells whether a range overlaps an entity (the caller drops
/// the places that do). A place holds the first word it was tried from, so
/// in a run whose every word is `covered` each place found would be
/// dropped: such runs, most of them (the entities take most capitalized
/// words), are not looked up at all.
fn gazetteer_places<'a>(
    text: &str,
    s0: usize,
    s1: usize,
    locative: &dyn Fn(usize, usize) -> bool,
    covered: &dyn Fn(usize, usize) -> bool,
    out: &mut Vec<PlaceMention<'a>>,
) {
    for_cap_runs(&text[s0..s1], |run| {
        // Try the longest prefix of the capitalized run that is a place.
        let words = run.words();
        if words.iter().all(|&(a, b)| covered(s0 + a, s0 + b)) {
            return;
        }
        let mut i = 0;
        while i < words.len() {
            let mut found = false;
            for j in (i..words.len()).rev() {
                let start = s0 + words[i].0;
                let end = s0 + words[j].1;
                let surface = &text[start..end];
                if let Some(info) = places::lookup(surface)
                    && (!info.word || locative_word(prev_word(&text[s0..start])))
                {
                    out.push(PlaceMention {
                        start,
                        end,
                        name: info.canonical,
                        locative: locative(start, end),
                    });
                    i = j + 1;
                    found = true;
                    break;
                }
            }
            if !found {
                i += 1;
            }
        }
    });
}

/// The last word of `s` (empty if none).
fn prev_word(s: &str) -> &str {
    s.split_whitespace().next_back().unwrap_or("")
}

/// `in` or `at` in any case. No character outside ASCII lower-cases to
/// one of their letters, so the ASCII comparison equals one of the
/// lower-cased word.
fn locative_word(w: &str) -> bool {
    w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("at")
}

/// A match of `CAP`: its words as byte ranges of the searched string.
struct CapRun {
    words: [(usize, usize); 3],
    len: usize,
}

impl CapRun {
    fn words(&self) -> &[(usize, usize)] {
        &self.words[..self.len]
    }
}

/// Calls `f` with each match of `CAP` in `s`, in order, found without
/// a regex search. Most sentences are ASCII-equivalent
/// ([`ascii_equivalent`]), where the classes of the pattern are a few
/// byte ranges: a byte loop finds the same runs without the search and
/// the word split per match, which cost more than the rest of the
/// sentence's event work; other sentences take a loop over characters.
fn for_cap_runs(s: &str, f: impl FnMut(&CapRun)) {
    if ascii_equivalent(s) {
        cap_runs_ascii(s, f);
    } else {
        cap_runs_chars(s, f);
    }
}

/// [`for_cap_runs`] by the regex, for any text (the tests' oracle).
#[cfg(test)]
fn cap_runs_regex(s: &str, cap: &Regex, mut f: impl FnMut(&CapRun)) {
    for m in cap.find_iter(s) {
        let mut run = CapRun {
            words: [(0, 0); 3],
            len: 0,
        };
        // The words of a match are split by white space only (`\s+`), and
        // `{0,2}` bounds them to three.
        let mut pos = 0;
        for w in m.as_str().split_whitespace() {
            let off = m.as_str()[pos..].find(w).map_or(pos, |o| pos + o);
            pos = off + w.len();
            run.words[run.len] = (m.start() + off, m.start() + pos);
            run.len += 1;
        }
        f(&run);
    }
}

/// [`for_cap_runs`] on any text, by the loop of [`cap_runs_ascii`] over
/// characters, with the classes of `CAP` read from Unicode's tables.
/// The Unicode `\b` of the pattern made its lazy DFA give up at each
/// non-ASCII byte, and the slowest engine walked the whole sentence
/// (~70,000 instructions a search); a version spelling `\b` as a class
/// kept the lazy DFA but determinized as much. Before a capital (a word
/// character) `\b` is the absence of a word character before it.
fn cap_runs_chars(s: &str, mut f: impl FnMut(&CapRun)) {
    let at = |i: usize| s[i..].chars().next();
    let letters_end = |mut e: usize| {
        while let Some(c) = at(e)
            && (c == '-' || uclass::is_letter(c))
        {
            e += c.len_utf8();
        }
        e
    };
    let spaces_end = |mut j: usize| {
        while let Some(c) = at(j)
            && c.is_whitespace()
        {
            j += c.len_utf8();
        }
        j
    };
    let mut i = 0;
    while let Some(c) = at(i) {
        if !uclass::is_upper(c) || uclass::word_before(s, i) {
            i += c.len_utf8();
            continue;
        }
        let mut e = letters_end(i + c.len_utf8());
        let mut run = CapRun {
            words: [(i, e), (0, 0), (0, 0)],
            len: 1,
        };
        while run.len < 3 {
            let j = spaces_end(e);
            let Some(u) = at(j).filter(|&u| j > e && uclass::is_upper(u)) else {
                break;
            };
            e = letters_end(j + u.len_utf8());
            run.words[run.len] = (j, e);
            run.len += 1;
        }
        f(&run);
        i = e;
    }
}

/// [`for_cap_runs`] on ASCII-equivalent text, whose characters outside
/// ASCII are no word characters, hence no letters: `\p{Lu}` is `A-Z`,
/// `\p{L}` is `A-Za-z`, and `\b` before a capital is the absence of an
/// ASCII word byte before it. Only `\s` reads such characters (a no-break
/// space is one).
fn cap_runs_ascii(s: &str, mut f: impl FnMut(&CapRun)) {
    let b = s.as_bytes();
    let word_byte = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    // The end of the white space run at `j`.
    let spaces_end = |mut j: usize| {
        while j < b.len() {
            if b[j] < 0x80 {
                if !uclass::is_ascii_space(b[j]) {
                    break;
                }
                j += 1;
            } else {
                match s[j..].chars().next() {
                    Some(c) if c.is_whitespace() => j += c.len_utf8(),
                    _ => break,
                }
            }
        }
        j
    };
    let mut i = next_capital(b, 0);
    while i < b.len() {
        if i > 0 && word_byte(b[i - 1]) {
            i = next_capital(b, i + 1);
            continue;
        }
        let mut e = letters_end(b, i + 1);
        let mut run = CapRun {
            words: [(i, e), (0, 0), (0, 0)],
            len: 1,
        };
        while run.len < 3 {
            let j = spaces_end(e);
            if j == e || j == b.len() || !b[j].is_ascii_uppercase() {
                break;
            }
            e = letters_end(b, j + 1);
            run.words[run.len] = (j, e);
            run.len += 1;
        }
        f(&run);
        i = next_capital(b, e);
    }
}

/// The end of the run of ASCII letters and `-` from byte `e` of `b` on:
/// eight bytes at a time, the last eight of `b` for its tail, where most
/// sentences end on a capitalized word (a byte loop mispredicted at the
/// end of nearly every word).
fn letters_end(b: &[u8], mut e: usize) -> usize {
    use crate::swar::{HIGHS, ONES, bytes_equal};
    // The high bit of each byte that is neither a letter nor `-`.
    let others = |v: u64| {
        // `| 0x20` maps the capitals, and nothing else, onto the small
        // letters; the sums test `a`..=`z` without carries between bytes.
        let folded = (v & !HIGHS) | (ONES * 0x20);
        let letter = (folded + ONES * u64::from(0x80 - b'a'))
            & !(folded + ONES * u64::from(0x80 - b'z' - 1))
            & !v;
        !(letter | bytes_equal(v, b'-')) & HIGHS
    };
    while let Some(chunk) = b.get(e..e + 8) {
        let other = others(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        if other != 0 {
            return e + (other.trailing_zeros() / 8) as usize;
        }
        e += 8;
    }
    if e < b.len()
        && let Some(last) = b.last_chunk::<8>()
    {
        // Bytes `e..` of the last eight, then zeros, which are others.
        let v = u64::from_le_bytes(*last) >> (8 * (e + 8 - b.len()));
        return e + (others(v).trailing_zeros() / 8) as usize;
    }
    while e < b.len() && (b[e].is_ascii_alphabetic() || b[e] == b'-') {
        e += 1;
    }
    e
}

/// The first ASCII capital of `b` at or after `i`, or `b.len()`. Capitals
/// are a few bytes in a hundred: eight bytes are tested at a time.
fn next_capital(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let upper = crate::swar::ascii_upper_bytes(u64::from_le_bytes(
            chunk.try_into().unwrap_or_default(),
        ));
        if upper != 0 {
            // Little-endian: the lowest marked byte comes first.
            return i + (upper.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !b[i].is_ascii_uppercase() {
        i += 1;
    }
    i
}

/// The outlet and agencies that report the story, read once per article
/// rather than once per entity.
fn reporters(article: &Article) -> Vec<&String> {
    article
        .source
        .iter()
        .chain(&article.credits)
        .chain(article.dateline.iter().flat_map(|d| d.agency.iter()))
        .collect()
}

/// Whether `e` is the outlet or an agency that reports the story (the
/// oracle of [`EntityIndex::reporter`]).
#[cfg(test)]
fn reports_the_story(article: &Article, e: &crate::model::Entity) -> bool {
    let names = std::iter::once(&e.name).chain(&e.aliases);
    let reporters = reporters(article);
    names.into_iter().any(|n| reporters.contains(&n))
}

/// The names of the people and organizations of the sentence `[s0, s1)`
/// (`firsts` and `found` are working space).
fn sentence_participants<'a>(
    article: &'a Article,
    index: &EntityIndex,
    s0: usize,
    s1: usize,
    firsts: &mut Vec<(usize, usize, usize)>,
    found: &mut Vec<(usize, &'a str)>,
) -> Vec<String> {
    // The first span of each entity in the sentence; the outlet or agencies
    // that report the story are not actors in it ("…, an X correspondent
    // reports").
    let spans = index.within(s0, s1).filter(|&(_, _, k)| {
        let e = article.entities.at(k);
        e.kind() != EntityType::Place && !index.reporter(e)
    });
    first_spans(spans, firsts);
    found.clear();
    found.extend(
        firsts
            .iter()
            .map(|&(s, k, _)| (s, article.entities.at(k).name())),
    );
    found.sort();
    found.iter().map(|&(_, n)| n.to_string()).collect()
}

/// `(start, entity, _)` of the first of `spans` (sorted, as
/// [`EntityIndex::within`] yields them) of each entity, in no particular
/// order, into `firsts`. A sentence holds a handful of spans: sorting them
/// by entity costs less than a hash set (an allocation and a SipHash per
/// span).
fn first_spans(
    spans: impl Iterator<Item = (usize, usize, usize)>,
    firsts: &mut Vec<(usize, usize, usize)>,
) {
    // The first span of an entity is its least `(start, end)`; its end is
    // not kept, the callers read the start alone.
    firsts.clear();
    firsts.extend(spans.map(|(s, _, k)| (k, s, 0)));
    firsts.sort_unstable();
    firsts.dedup_by_key(|&mut (k, _, _)| k);
    for t in firsts.iter_mut() {
        *t = (t.1, t.0, 0);
    }
}

/// [`first_spans`] with a hash set, in order (its oracle).
#[cfg(test)]
fn first_spans_in_order(spans: impl Iterator<Item = (usize, usize, usize)>) -> Vec<(usize, usize)> {
    let mut seen = std::collections::HashSet::new();
    spans
        .filter(|&(_, _, k)| seen.insert(k))
        .map(|(s, _, k)| (s, k))
        .collect()
}

fn compatible(m: &Mention, e: &Mention) -> bool {
    if !same_family(m.kind, e.kind) {
        return false;
    }
    let places_ok = places_compatible(m.place.as_deref(), e.place.as_deref());
    let dates_ok = dates_overlap(
        m.when.as_deref().map(|w| (w, m.until.as_deref())),
        e.when.as_deref().map(|w| (w, e.until.as_deref())),
    );
    if !(places_ok && dates_ok) {
        return false;
    }
    let share_place = m.place.is_some() && e.place.is_some();
    let share_date = m.when.is_some() && e.when.is_some();
    if m.indefinite {
        return share_date && (m.place.is_none() || share_place);
    }
    // A pure reference (`the meeting`) names its kind: it does not join a
    // generic `event` of another kind.
    let pure = m.place.is_none() && m.when.is_none();
    share_place || share_date || pure && (m.kind == "event" || family(m.kind) == family(e.kind))
}

fn absorb(e: &mut Mention, m: &Mention) {
    if e.kind == "event" {
        e.kind = m.kind;
    }
    match (&e.place, &m.place) {
        (None, Some(p)) => e.place = Some(p.clone()),
        (Some(a), Some(b)) => e.place = Some(places::more_specific(a, b).to_string()),
        _ => {}
    }
    let more_precise = match (&e.when, &m.when) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => b.len() > a.len(),
        _ => false,
    };
    if more_precise {
        e.when.clone_from(&m.when);
        e.until.clone_from(&m.until);
    } else if e.until.is_none() && m.until.is_some() && e.when == m.when {
        e.until.clone_from(&m.until);
    }
    e.days = e.days.or(m.days);
    for p in &m.participants {
        if e.participants.len() < MAX_PARTICIPANTS && !e.participants.contains(p) {
            e.participants.push(p.clone());
        }
    }
}

/// Within-article merging, host inheritance, co-location and the final
/// filter (module rules 5–7).
fn merge_mentions(mentions: Vec<Mention>) -> Vec<Event> {
    let mut events: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut slot: Vec<Option<usize>> = vec![None; mentions.len()];
    // Pass 1: mentions that are not held alongside another event; the
    // held ones wait, in order, for pass 2. (Each mention is moved into
    // its event or dropped, not copied.)
    let mut held = Vec::new();
    for (i, m) in mentions.into_iter().enumerate() {
        if m.host.is_some() {
            held.push((i, m));
        } else {
            slot[i] = place_mention(&mut events, m, None);
        }
    }
    unify(&mut events, &mut slot);
    // Pass 2: hosted mentions inherit from their host's event.
    for (i, mut m) in held {
        let host_event = m.host.and_then(|h| slot.get(h).copied().flatten());
        if let Some(h) = host_event.map(|h| &events[h]) {
            if m.place.is_none() {
                m.place.clone_from(&h.place);
            }
            if m.when.is_none() {
                m.when.clone_from(&h.when);
            }
        }
        slot[i] = place_mention(&mut events, m, host_event);
    }
    // N-day durations once the first day is known.
    for e in &mut events {
        if let (Some(w), None, Some(n)) = (&e.when, &e.until, e.days)
            && w.len() == 10
            && n > 1
            && let Ok(d) = w.parse::<Date>()
        {
            e.until = d
                .checked_add((n - 1).days())
                .ok()
                .map(crate::parse::date::iso);
        }
    }
    // Co-location: dated events without a place take the place of a dated
    // and located one. (Known by index, not copied: the events given a
    // place here are not among those, which therefore stay as they were.)
    let located: Vec<usize> = (0..events.len())
        .filter(|&k| events[k].when.is_some() && events[k].place.is_some())
        .collect();
    for j in 0..events.len() {
        let e = &events[j];
        if let (None, Some(w)) = (&e.place, &e.when)
            && w.len() == 10
        {
            let place = located
                .iter()
                .take(MAX_LOOKBACK)
                .map(|&k| &events[k])
                .find(|l| {
                    let lw = l.when.as_deref().unwrap_or_default();
                    lw.len() == 10 && dates_overlap(Some((w, None)), Some((lw, l.until.as_deref())))
                })
                .and_then(|l| l.place.clone());
            events[j].place = place;
        }
    }
    events
        .into_iter()
        .filter(|e| e.place.is_some() || e.when.is_some())
        .map(|e| Event {
            what: e.what,
            kind: e.kind.to_string(),
            place: e.place,
            when: e.when,
            until: e.until,
            participants: e.participants,
            span: e.span,
        })
        .collect()
}

/// Joins earlier events that later mentions showed to be one (`two-day
/// ministerial in X` + `meeting today` + `meeting on Tuesday in X`), by the
/// same rule as mentions (indefiniteness aside); `slot` is remapped.
fn unify(events: &mut Vec<Mention>, slot: &mut [Option<usize>]) {
    let mut changed = true;
    let mut checks = 0usize;
    while changed {
        changed = false;
        'outer: for i in 0..events.len() {
            for j in i + 1..events.len() {
                checks += 1;
                if checks > MAX_UNIFY_CHECKS {
                    return;
                }
                if events[i].host.is_some() || events[j].host.is_some() {
                    continue;
                }
                let mut m = events[j].clone();
                m.indefinite = false;
                if compatible(&m, &events[i]) {
                    absorb(&mut events[i], &m);
                    events.remove(j);
                    for s in slot.iter_mut().flatten() {
                        if *s == j {
                            *s = i;
                        } else if *s > j {
                            *s -= 1;
                        }
                    }
                    changed = true;
                    break 'outer;
                }
            }
        }
    }
}

/// Adds a mention to the latest compatible event (never its host) or starts
/// a new one; returns the event index, `None` for a dropped bare reference.
fn place_mention(events: &mut Vec<Mention>, m: Mention, host: Option<usize>) -> Option<usize> {
    let target = (0..events.len())
        .rev()
        .take(MAX_LOOKBACK)
        .find(|&j| Some(j) != host && compatible(&m, &events[j]));
    match target {
        Some(j) => {
            absorb(&mut events[j], &m);
            Some(j)
        }
        None if m.place.is_none() && m.when.is_none() && host.is_none() => None,
        None => {
            events.push(m);
            Some(events.len() - 1)
        }
    }
}

/// The Unicode class tables that [`cap_runs_chars`] and the trigger
/// search read ([`crate::uclass`]).
pub(crate) fn warm_up() -> Vec<fn()> {
    crate::uclass::warm_up()
}
