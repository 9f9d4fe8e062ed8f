//! The place gazetteer (`data/gazetteer/places.tsv`) as the events
//! extractor needs it: is this capitalized word a place, what is its
//! canonical name, and which country is it in (for "Lisbon is in
//! Romania" compatibility when merging events).

use std::sync::LazyLock;

/// Gazetteer kind of a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    City,
    Region,
    Country,
    Continent,
}

#[derive(Clone, Debug)]
pub struct PlaceInfo {
    pub canonical: &'static str,
    pub kind: PlaceKind,
    pub country: &'static str,
    population: u64,
    /// The surface is also a common English word (`Nice`, `Reading`).
    pub word: bool,
}

// Keys and names borrow from the embedded file: no allocation per row, so
// the map is built in a few milliseconds on first use.
static PLACES: LazyLock<crate::fasthash::Map<&'static str, PlaceInfo>> = LazyLock::new(|| {
    const TEXT: &str = include_str!("../../../data/gazetteer/places.tsv");
    let mut map: crate::fasthash::Map<&'static str, PlaceInfo> = Default::default();
    map.reserve(TEXT.bytes().filter(|&b| b == b'\n').count());
    for line in TEXT.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut f = [""; 7];
        let mut n = 0;
        for (slot, field) in f.iter_mut().zip(line.split('\t')) {
            *slot = field;
            n += 1;
        }
        if n < 7 {
            continue;
        }
        let kind = match f[2] {
            "city" => PlaceKind::City,
            "region" => PlaceKind::Region,
            "country" => PlaceKind::Country,
            "continent" => PlaceKind::Continent,
            _ => continue,
        };
        let info = PlaceInfo {
            canonical: f[1],
            kind,
            country: f[3],
            population: f[4].parse().unwrap_or(0),
            word: f[6] == "1",
        };
        // Several places share a surface (Madrid, Spain and Madrid,
        // Colombia): a country wins, then the most populous.
        let better = |old: &PlaceInfo| {
            (info.kind == PlaceKind::Country) as u8 > (old.kind == PlaceKind::Country) as u8
                || (info.kind == PlaceKind::Country) == (old.kind == PlaceKind::Country)
                    && info.population > old.population
        };
        match map.get(f[0]) {
            Some(old) if !better(old) => {}
            _ => {
                map.insert(f[0], info);
            }
        }
    }
    map
});

/// The gazetteer entry for a surface form, exactly as written.
pub fn lookup(surface: &str) -> Option<&'static PlaceInfo> {
    PLACES.get(surface)
}

/// Two place names can name the same event location: equal, or one is a
/// country (or region) that contains the other according to the gazetteer's
/// country codes.
pub fn compatible(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    match (lookup(a), lookup(b)) {
        (Some(x), Some(y)) => {
            let (big, small) = if x.kind == PlaceKind::Country {
                (x, y)
            } else {
                (y, x)
            };
            big.kind == PlaceKind::Country
                && small.kind != PlaceKind::Country
                && big.country == small.country
        }
        _ => false,
    }
}

/// Of two compatible place names, the more specific one (the city rather
/// than its country).
pub fn more_specific<'a>(a: &'a str, b: &'a str) -> &'a str {
    match lookup(a) {
        Some(x) if x.kind == PlaceKind::Country && !a.eq_ignore_ascii_case(b) => b,
        _ => a,
    }
}

warm_up_statics!(PLACES);
