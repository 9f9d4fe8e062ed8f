//! The gazetteers of `data/gazetteer/`, embedded in the binary and indexed
//! into hash maps on first use (a few milliseconds in a release build; see
//! `docs/entities.md`). Only the first row of each surface is kept: the files
//! order rows so that the first is the sensible default (`docs/gazetteers.md`).

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::sync::LazyLock;

use crate::fasthash::{Map, Set as HashSet};

const PLACES: &str = include_str!("../../../data/gazetteer/places.tsv");
const ORGS: &str = include_str!("../../../data/gazetteer/organizations.tsv");
const GIVEN: &str = include_str!("../../../data/gazetteer/given_names.tsv");
const DEMONYMS: &str = include_str!("../../../data/gazetteer/demonyms.tsv");
const KEYWORDS: &str = include_str!("../../../data/gazetteer/keywords.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Continent,
    Region,
    City,
}

#[derive(Clone, Copy, Debug)]
pub struct Place {
    pub canonical: &'static str,
    pub kind: PlaceKind,
    /// The surface is also an ordinary English word.
    pub word: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Org {
    pub canonical: &'static str,
    pub kind: &'static str,
    pub word: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Given {
    pub freq: u8,
    pub word: bool,
}

/// A TSV file indexed by its first column: the index maps each surface to
/// the offset of its first row, and a lookup parses that one row in place.
/// Building the index is one pass over the embedded text (a few
/// milliseconds for the largest file); a lookup is one hash of the key,
/// where a binary search over the text cost ~15% of a run.
#[derive(Debug)]
pub struct Table<T> {
    data: &'static str,
    /// Borrowed for `places.tsv`, whose index is shared ([`PLACE_ROWS`]).
    index: Cow<'static, Map<&'static str, u32>>,
    parse: fn(&[&'static str]) -> Option<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            data: "",
            index: Default::default(),
            parse: |_| None,
        }
    }
}

/// Maps each surface (first column) of a TSV file to the offset of its
/// first row; `more` sees every later row of a repeated surface, in file
/// order. One pass over the embedded text.
fn index_rows(
    text: &'static str,
    mut more: impl FnMut(&'static str, u32),
) -> Map<&'static str, u32> {
    let bytes = text.as_bytes();
    let rows = bytes.iter().filter(|&&b| b == b'\n').count();
    let mut index = Map::default();
    index.reserve(rows);
    // One byte loop finds both the end of the key (the first tab) and the
    // end of the line: the rows are short, and `str` splitting cost more
    // than the hashing. Tabs and line ends are ASCII, so every cut is a
    // character boundary.
    let mut start = 0;
    while start < bytes.len() {
        let mut tab = start;
        while tab < bytes.len() && bytes[tab] != b'\t' && bytes[tab] != b'\n' {
            tab += 1;
        }
        let mut end = tab;
        while end < bytes.len() && bytes[end] != b'\n' {
            end += 1;
        }
        let offset = start;
        start = end + 1;
        // Comment lines sort first and are never keys.
        if bytes[offset] == b'#' {
            continue;
        }
        let key = &text[offset..tab];
        // Only the first row of each surface is kept.
        match index.entry(key) {
            Entry::Vacant(v) => {
                v.insert(offset as u32);
            }
            Entry::Occupied(_) => more(key, offset as u32),
        }
    }
    index
}

/// The rows of `places.tsv`, indexed once for the entity gazetteer and the
/// events extractor (`extract::events::places`), which choose differently
/// among the rows of a repeated surface: indexing its 45k rows was a tenth
/// of the start-up, and it was done twice.
#[derive(Debug)]
pub struct PlaceRows {
    /// The embedded file.
    pub text: &'static str,
    /// Offset of the first row of each surface.
    pub first: Map<&'static str, u32>,
    /// Surface and offset of the later rows of repeated surfaces, in file
    /// order.
    pub more: Vec<(&'static str, u32)>,
}

impl PlaceRows {
    /// The row at `offset`, without its line end.
    pub fn row(&self, offset: u32) -> &'static str {
        let rest = &self.text[offset as usize..];
        rest.split('\n').next().unwrap_or("")
    }
}

pub static PLACE_ROWS: LazyLock<PlaceRows> = LazyLock::new(|| {
    let mut more = Vec::new();
    let first = index_rows(PLACES, |key, offset| more.push((key, offset)));
    PlaceRows {
        text: PLACES,
        first,
        more,
    }
});

/// The most columns any gazetteer file has.
const MAX_COLUMNS: usize = 8;

impl<T> Table<T> {
    fn new(text: &'static str, parse: fn(&[&'static str]) -> Option<T>) -> Table<T> {
        Table {
            data: text,
            index: Cow::Owned(index_rows(text, |_, _| {})),
            parse,
        }
    }
    /// The first row whose first column is `key`.
    pub fn get(&self, key: &str) -> Option<T> {
        let &offset = self.index.get(key)?;
        let rest = &self.data[offset as usize..];
        let line = rest.split('\n').next().unwrap_or("");
        let mut fields = [""; MAX_COLUMNS];
        let mut n = 0;
        for f in line.split('\t').take(MAX_COLUMNS) {
            fields[n] = f;
            n += 1;
        }
        (self.parse)(&fields[..n])
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

fn parse_place(r: &[&'static str]) -> Option<Place> {
    (r.len() >= 7).then(|| Place {
        canonical: r[1],
        kind: match r[2] {
            "country" => PlaceKind::Country,
            "continent" => PlaceKind::Continent,
            "region" => PlaceKind::Region,
            _ => PlaceKind::City,
        },
        word: r[6] == "1",
    })
}

fn parse_org(r: &[&'static str]) -> Option<Org> {
    (r.len() >= 4).then(|| Org {
        canonical: r[1],
        kind: r[2],
        word: r[3] == "1",
    })
}

fn parse_given(r: &[&'static str]) -> Option<Given> {
    (r.len() >= 4).then(|| Given {
        freq: r[2].parse().unwrap_or(0),
        word: r[3] == "1",
    })
}

/// All lookup tables.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub places: Table<Place>,
    pub orgs: Table<Org>,
    pub given: Table<Given>,
    pub demonyms: HashSet<&'static str>,
    /// Titles (`Foreign Minister`), as written in keywords.tsv.
    pub titles: HashSet<&'static str>,
    pub honorifics: HashSet<&'static str>,
    pub org_suffixes: HashSet<&'static str>,
    /// First word of the `org_head` phrases (`Ministry` of "Ministry of").
    pub org_heads: HashSet<&'static str>,
    /// Longest title in words.
    pub max_title_words: usize,
}

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Gazetteer {
    pub fn load() -> Gazetteer {
        let mut g = Gazetteer {
            orgs: Table::new(ORGS, parse_org),
            given: Table::new(GIVEN, parse_given),
            ..Gazetteer::default()
        };
        for r in rows(DEMONYMS) {
            g.demonyms.insert(r[0]);
        }
        for r in rows(KEYWORDS) {
            if r.len() < 2 {
                continue;
            }
            match r[1] {
                "title" => {
                    g.max_title_words = g.max_title_words.max(r[0].split(' ').count());
                    g.titles.insert(r[0]);
                }
                "honorific" => {
                    g.honorifics.insert(r[0]);
                }
                "org_suffix" => {
                    g.org_suffixes.insert(r[0]);
                }
                "org_head" => {
                    if let Some(w) = r[0].split(' ').next() {
                        g.org_heads.insert(w);
                    }
                }
                _ => {}
            }
        }
        // The shared places index last: at start-up the events extractor
        // warms it up on another worker meanwhile, so that it is ready (or
        // nearly) when this thread gets here.
        g.places = Table {
            data: PLACES,
            index: Cow::Borrowed(&PLACE_ROWS.first),
            parse: parse_place,
        };
        g
    }

    /// A given name usable as evidence for a person (not an English word, or
    /// a frequent name).
    pub fn is_given(&self, w: &str) -> bool {
        self.given.get(w).is_some_and(|g| !g.word || g.freq >= 9)
    }

    pub fn is_title(&self, phrase: &str) -> bool {
        self.titles.contains(phrase)
            || phrase
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase())
                .then(|| capitalize(phrase))
                .is_some_and(|p| self.titles.contains(p.as_str()))
    }

    /// A demonym or its plural (`Ukrainian`, `Ukrainians`).
    pub fn is_demonym(&self, w: &str) -> bool {
        self.demonyms.contains(w)
            || w.strip_suffix('s')
                .is_some_and(|s| self.demonyms.contains(s))
    }
}

/// Upper-cases the first letter of every word.
pub fn capitalize(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `LISBON` → `Lisbon`, `NEW YORK` → `New York`.
pub fn title_case(s: &str) -> String {
    capitalize(&s.to_lowercase())
}
