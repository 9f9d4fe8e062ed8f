//! The place gazetteer (`data/gazetteer/places.tsv`) as the events
//! extractor needs it: is this capitalized word a place, what is its
//! canonical name, and which country is it in (for "Lisbon is in
//! Romania" compatibility when merging events).

use crate::extract::entities::gazetteer::PLACE_ROWS;
use std::cell::Cell;

/// Gazetteer kind of a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    City,
    Region,
    Country,
    Continent,
}

#[derive(Clone, Copy, Debug)]
pub struct PlaceInfo {
    pub canonical: &'static str,
    pub kind: PlaceKind,
    pub country: &'static str,
    population: u64,
    /// The surface is also a common English word (`Nice`, `Reading`).
    pub word: bool,
}

/// A row of the file, or `None` for a row without the seven columns or
/// with an unknown kind (such rows are not places).
fn parse_row(line: &'static str) -> Option<PlaceInfo> {
    // The first seven fields, cut with a byte loop (fields are short; a
    // `str` split searches each with `memchr`).
    let mut f = [""; 7];
    let mut n = 0;
    let mut start = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == b'\t' && n < 7 {
            f[n] = &line[start..i];
            n += 1;
            start = i + 1;
        }
    }
    if n < 7 {
        f[n] = &line[start..];
        n += 1;
    }
    if n < 7 {
        return None;
    }
    let kind = match f[2] {
        "city" => PlaceKind::City,
        "region" => PlaceKind::Region,
        "country" => PlaceKind::Country,
        "continent" => PlaceKind::Continent,
        _ => return None,
    };
    Some(PlaceInfo {
        canonical: f[1],
        kind,
        country: f[3],
        population: f[4].parse().unwrap_or(0),
        word: f[6] == "1",
    })
}

/// Several places share a surface (Madrid, Spain and Madrid, Colombia): a
/// country wins, then the most populous, then the earlier row.
fn better(new: &PlaceInfo, old: &PlaceInfo) -> bool {
    (new.kind == PlaceKind::Country) as u8 > (old.kind == PlaceKind::Country) as u8
        || (new.kind == PlaceKind::Country) == (old.kind == PlaceKind::Country)
            && new.population > old.population
}

/// The gazetteer entry for a surface form, exactly as written. The file's
/// rows are sorted by surface, so the rows of a repeated surface follow its
/// first row (the offset in the index shared with the entity gazetteer,
/// [`PLACE_ROWS`]) and are read at lookup: a surface has one row, or a few.
/// The answer for a first row is remembered by the thread (`RECENT`).
pub fn lookup(surface: &str) -> Option<PlaceInfo> {
    let offset = PLACE_ROWS.first(surface)?;
    RECENT.with(|recent| {
        let slot = &recent[recent_slot(offset)];
        match slot.get() {
            (at, info) if at == offset => info,
            _ => {
                let info = lookup_rows(surface, offset);
                slot.set((offset, info));
                info
            }
        }
    })
}

/// Slots of `RECENT`: the places of a few articles, some 14 KB.
const RECENT_SLOTS: usize = 256;

thread_local! {
    /// The thread's recent answers of `lookup`, direct-mapped by the first
    /// row's offset (`u32::MAX`: empty): news repeats its places, and the
    /// event rules and the timeline look the same names up again, where
    /// each lookup parsed every row of the surface (the population as a
    /// number) once more.
    static RECENT: [Cell<(u32, Option<PlaceInfo>)>; RECENT_SLOTS] =
        const { [const { Cell::new((u32::MAX, None)) }; RECENT_SLOTS] };
}

/// The slot of `RECENT` for the first row at `offset`: rows are some tens
/// of bytes apart, so the offset's low bits alone would crowd a few slots.
fn recent_slot(offset: u32) -> usize {
    (u64::from(offset).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize % RECENT_SLOTS
}

/// `lookup` of `surface`, whose first row is at `offset`, read from the
/// rows (the oracle of `RECENT`'s test).
fn lookup_rows(surface: &str, offset: u32) -> Option<PlaceInfo> {
    let mut best: Option<PlaceInfo> = None;
    for row in PLACE_ROWS.rows_from(offset) {
        // The row's first column is `surface` (which `first` found to hold
        // no tab): compared in place rather than split off with a search.
        if !(row.starts_with(surface)
            && matches!(row.as_bytes().get(surface.len()), Some(b'\t') | None))
        {
            break;
        }
        if let Some(info) = parse_row(row)
            && best.as_ref().is_none_or(|old| better(&info, old))
        {
            best = Some(info);
        }
    }
    best
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields of a lookup's answer, to compare.
    fn fields(p: Option<PlaceInfo>) -> Option<(&'static str, PlaceKind, &'static str, u64, bool)> {
        p.map(|p| (p.canonical, p.kind, p.country, p.population, p.word))
    }

    /// `lookup` answers as the rows do however its remembered answers
    /// were left: every surface asked twice, with the whole file asked in
    /// between (each slot overwritten many times), and again at once
    /// (each surface found in its slot), surfaces with several rows, and
    /// a surface that is no place.
    #[test]
    fn remembered_lookups_answer_as_the_rows() {
        let text = include_str!("../../../data/gazetteer/places.tsv");
        let mut surfaces: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        let mut repeated: Vec<&str> = surfaces
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0])
            .collect();
        repeated.dedup();
        assert!(!repeated.is_empty());
        surfaces.dedup();
        assert!(surfaces.len() > 40_000);
        let oracle = |s: &str| fields(PLACE_ROWS.first(s).and_then(|o| lookup_rows(s, o)));
        for round in 0..2 {
            for s in &surfaces {
                assert_eq!(fields(lookup(s)), oracle(s), "{s} (round {round})");
            }
        }
        for s in surfaces.iter().step_by(97) {
            assert_eq!(fields(lookup(s)), oracle(s), "{s}");
            assert_eq!(fields(lookup(s)), oracle(s), "{s} again");
        }
        for s in repeated.into_iter().chain(["Atlantis of the North"]) {
            assert_eq!(fields(lookup(s)), oracle(s), "{s}");
            assert_eq!(fields(lookup(s)), oracle(s), "{s} again");
        }
    }
}
