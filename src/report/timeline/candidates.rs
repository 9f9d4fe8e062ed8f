//! Which earlier timeline events a new event could merge with.
//!
//! The fold asks [`same_event`](super::same_event) about the events of one
//! bucket (one country, one unknown place or one day) in input order and
//! takes the first that agrees. On a corpus of many distinct events one
//! country's bucket grows with the corpus, and asking about all of it made
//! the fold quadratic. A [`Bucket`] also files its events by place and by
//! the days or months their dates cover, and hands out only the events
//! filed under the new event's place and dates. Every list is a superset of the events
//! that can pass the rule (an event whose place or dates change on a merge
//! is filed again under the new ones and stays under the old), and the
//! candidates come back in input order, so the first that passes is the one
//! a scan of the whole bucket finds.

use std::hash::BuildHasher;
use std::ops::RangeInclusive;

use crate::extract::events::day_span;
use crate::extract::events::places::{self, PlaceKind};
use crate::fasthash::Map as HashMap;

/// Where an event is filed by place. Any country-level name is compatible
/// with every other place of the bucket's country, so they share one key;
/// other places are compatible only with the same name (ASCII case
/// ignored, as `places::compatible` compares) or with the country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum PlaceKey {
    Nowhere,
    Country,
    /// A hash of the name in ASCII lower case: two names that share a hash
    /// share a list, which only adds candidates.
    Named(u64),
}

/// Where an event is filed by date. A short event (a day, a month) is
/// filed under each of its days and a longer one under each of its months;
/// both are filed under their months for the lookups of long events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum DateKey {
    /// Undated, unreadable, or longer than [`MAX_MONTHS`].
    Any,
    /// A day of a short event.
    Day(u32),
    /// A month of any dated event.
    Month(u32),
    /// A month of a long event.
    LongMonth(u32),
}

/// Events that span at most this many days are short (a month spans 31).
const MAX_DAYS: u32 = 31;
/// Events that span more months than this are filed under `Any` rather
/// than under each month (a year spans 12).
const MAX_MONTHS: u32 = 36;

fn place_key(place: Option<&str>) -> PlaceKey {
    match place {
        None => PlaceKey::Nowhere,
        Some(p) if places::lookup(p).is_some_and(|i| i.kind == PlaceKind::Country) => {
            PlaceKey::Country
        }
        Some(p) => {
            let hasher = foldhash::fast::FixedState::default();
            PlaceKey::Named(hasher.hash_one(p.to_ascii_lowercase()))
        }
    }
}

/// The days a `when`/`until` pair covers, as `dates_overlap` reads it;
/// `None` when undated, unreadable or longer than [`MAX_MONTHS`].
fn days(when: Option<&str>, until: Option<&str>) -> Option<RangeInclusive<u32>> {
    let (first, last) = day_span(when?, until)?;
    (last >= first && last / 31 - first / 31 < MAX_MONTHS).then_some(first..=last)
}

fn is_short(days: &RangeInclusive<u32>) -> bool {
    days.end() - days.start() < MAX_DAYS
}

fn months(days: &RangeInclusive<u32>) -> RangeInclusive<u32> {
    days.start() / 31..=days.end() / 31
}

/// The keys an event is filed under.
fn filed_under(days: Option<RangeInclusive<u32>>) -> Vec<DateKey> {
    let Some(days) = days else {
        return vec![DateKey::Any];
    };
    let mut keys: Vec<DateKey> = months(&days).map(DateKey::Month).collect();
    if is_short(&days) {
        keys.extend(days.map(DateKey::Day));
    } else {
        keys.extend(months(&days).map(DateKey::LongMonth));
    }
    keys
}

/// The keys under which the events that overlap `days` are filed.
fn looked_up_under(days: RangeInclusive<u32>) -> Vec<DateKey> {
    let mut keys = vec![DateKey::Any];
    if is_short(&days) {
        keys.extend(months(&days).map(DateKey::LongMonth));
        keys.extend(days.map(DateKey::Day));
    } else {
        keys.extend(months(&days).map(DateKey::Month));
    }
    keys
}

/// Inserts `i` into the ascending list `v` unless it is there.
fn file(v: &mut Vec<usize>, i: usize) {
    if let Err(at) = v.binary_search(&i) {
        v.insert(at, i);
    }
}

/// The events of one bucket, filed for lookup.
#[derive(Debug, Default)]
pub struct Bucket {
    /// Every event, ascending.
    all: Vec<usize>,
    by_place: HashMap<PlaceKey, Vec<usize>>,
    by_date: HashMap<DateKey, Vec<usize>>,
    by_both: HashMap<(PlaceKey, DateKey), Vec<usize>>,
}

/// Where an event is filed, or looked for: its place key and the days its
/// dates cover, worked out once per event (a gazetteer lookup and a date
/// parse) for both the lookup and the filing.
#[derive(Clone, Debug)]
pub struct Filing {
    place: PlaceKey,
    days: Option<RangeInclusive<u32>>,
}

impl Filing {
    pub fn of(place: Option<&str>, when: Option<&str>, until: Option<&str>) -> Filing {
        Filing {
            place: place_key(place),
            days: days(when, until),
        }
    }
}

impl Bucket {
    /// Files event `i` (the newest, or one whose place or dates changed)
    /// under its current place and dates.
    pub fn file(&mut self, i: usize, filing: &Filing) {
        file(&mut self.all, i);
        let place = filing.place;
        file(self.by_place.entry(place).or_default(), i);
        for d in filed_under(filing.days.clone()) {
            file(self.by_date.entry(d).or_default(), i);
            file(self.by_both.entry((place, d)).or_default(), i);
        }
    }

    /// Every event of the bucket, ascending.
    pub fn all(&self) -> &[usize] {
        &self.all
    }

    /// The first event, in input order, that `accept`s among those a new
    /// event filed as `filing` could merge with (a superset of those
    /// `same_event` accepts). The lists are merged lazily: a match near
    /// the start of a long list costs only the events before it.
    pub fn first(&self, filing: &Filing, accept: impl FnMut(usize) -> bool) -> Option<usize> {
        let place = filing.place;
        let mut lists: Vec<&[usize]> = Vec::new();
        match (place, filing.days.clone()) {
            // A city or unknown place: its own name and the country.
            (PlaceKey::Named(_), Some(days)) => {
                for d in looked_up_under(days) {
                    for p in [place, PlaceKey::Country] {
                        lists.extend(self.by_both.get(&(p, d)).map(Vec::as_slice));
                    }
                }
            }
            (PlaceKey::Named(_), None) => {
                for p in [place, PlaceKey::Country] {
                    lists.extend(self.by_place.get(&p).map(Vec::as_slice));
                }
            }
            // A country is compatible with every place of the bucket.
            (_, Some(days)) => {
                for d in looked_up_under(days) {
                    lists.extend(self.by_date.get(&d).map(Vec::as_slice));
                }
            }
            (_, None) => lists.push(&self.all),
        }
        first_in_order(&mut lists, accept)
    }
}

/// The smallest value, across ascending `lists`, that `accept`s; each
/// value is offered once even when several lists hold it.
fn first_in_order(lists: &mut [&[usize]], mut accept: impl FnMut(usize) -> bool) -> Option<usize> {
    let mut last = None;
    loop {
        let (k, &v) = lists
            .iter()
            .enumerate()
            .filter_map(|(k, l)| l.first().map(|v| (k, v)))
            .min_by_key(|&(_, v)| v)?;
        lists[k] = &lists[k][1..];
        if last != Some(v) {
            last = Some(v);
            if accept(v) {
                return Some(v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::day_of;

    #[test]
    fn day_numbers_keep_the_order_of_iso_dates() {
        let y = 2024 * 372;
        assert_eq!(day_of("2024", false), Some(y));
        assert_eq!(day_of("2024", true), Some(y + 371));
        assert_eq!(day_of("2024-03", false), Some(y + 62));
        assert_eq!(day_of("2024-03", true), Some(y + 92));
        assert_eq!(day_of("2024-03-31", false), Some(y + 92));
        for bad in [
            "2024-3",
            "20x4",
            "2024-13",
            "2024-00-10",
            "2024-02-32",
            "2024/03/01",
        ] {
            assert_eq!(day_of(bad, false), None, "{bad}");
        }
        let dates = [
            "2023-12-31",
            "2024",
            "2024-01-01",
            "2024-02",
            "2024-02-29",
            "2025",
        ];
        for pair in dates.windows(2) {
            assert!(day_of(pair[0], false) <= day_of(pair[1], false), "{pair:?}");
        }
        assert_eq!(
            days(Some("2024-11-30"), Some("2024-12-02")),
            Some(y + 339..=y + 342)
        );
        assert_eq!(days(None, None), None);
        assert_eq!(days(Some("2020"), Some("2024")), None, "too long to list");
        assert_eq!(days(Some("2024-05"), Some("2024-01")), None, "backwards");
    }

    #[test]
    fn short_and_long_events_meet_under_a_shared_key() {
        let day = days(Some("2024-03-05"), None);
        let month = days(Some("2024-03"), None);
        let year = days(Some("2024"), None);
        for (a, b) in [
            (&day, &month),
            (&day, &year),
            (&month, &year),
            (&year, &day),
        ] {
            let filed = filed_under(a.clone());
            let sought = looked_up_under(b.clone().expect("dated"));
            assert!(filed.iter().any(|k| sought.contains(k)), "{a:?} {b:?}");
        }
        let other = looked_up_under(days(Some("2024-04-01"), None).expect("dated"));
        assert!(!filed_under(day).iter().any(|k| other.contains(k)));
    }

    /// Every event `first` offers, in order.
    fn offered(b: &Bucket, keys: &Filing) -> Vec<usize> {
        let mut seen = Vec::new();
        b.first(keys, |i| {
            seen.push(i);
            false
        });
        seen
    }

    #[test]
    fn the_first_accepted_value_across_lists_is_the_smallest() {
        let (a, b, c) = ([1, 4, 9], [2, 4, 7], [5]);
        let mut lists = [&a[..], &b[..], &c[..]];
        let mut seen = Vec::new();
        let found = first_in_order(&mut lists, |v| {
            seen.push(v);
            v % 7 == 0
        });
        assert_eq!(found, Some(7));
        assert_eq!(seen, [1, 2, 4, 5, 7]);
        assert_eq!(first_in_order(&mut [], |_| true), None);
    }

    fn keys(place: Option<&str>, when: Option<&str>) -> Filing {
        Filing::of(place, when, None)
    }

    #[test]
    fn a_dated_event_in_a_city_is_offered_its_city_and_country_on_its_dates() {
        let mut b = Bucket::default();
        let rows = [
            (Some("Lyon"), Some("2024-03-02")),
            (Some("Lyon"), Some("2023-03-02")),
            (Some("France"), Some("2024-03")),
            (Some("Marseille"), Some("2024-03-02")),
            (Some("lyon"), None),
            (Some("France"), None),
            (Some("Lyon"), Some("2024")),
        ];
        for (i, (place, when)) in rows.into_iter().enumerate() {
            b.file(i, &keys(place, when));
        }
        assert_eq!(
            offered(&b, &keys(Some("LYON"), Some("2024-03-09"))),
            [2, 4, 5, 6],
            "not Lyon on another day, nor Marseille"
        );
        assert_eq!(offered(&b, &keys(Some("Lyon"), None)), [0, 1, 2, 4, 5, 6]);
        assert_eq!(
            offered(&b, &keys(Some("France"), Some("2023-03-02"))),
            [1, 4, 5]
        );
        assert_eq!(offered(&b, &keys(Some("France"), None)).len(), rows.len());
        let found = b.first(&keys(Some("Lyon"), None), |i| i > 1);
        assert_eq!(found, Some(2));
    }

    #[test]
    fn refiling_adds_an_event_in_order() {
        let mut b = Bucket::default();
        b.file(0, &keys(Some("France"), Some("2024")));
        b.file(1, &keys(Some("Lyon"), Some("2024-05-01")));
        // Event 0 became a Lyon event in May.
        b.file(0, &keys(Some("Lyon"), Some("2024-05-01")));
        assert_eq!(offered(&b, &keys(Some("Lyon"), Some("2024-05-01"))), [0, 1]);
        assert_eq!(b.all, [0, 1]);
    }
}
