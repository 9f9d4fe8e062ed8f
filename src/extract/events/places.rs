//! The place gazetteer (`data/gazetteer/places.tsv`) as the events
//! extractor needs it: is this capitalized word a place, what is its
//! canonical name, and which country is it in (for "Lisbon is in
//! Romania" compatibility when merging events).

use crate::extract::entities::gazetteer::PLACE_ROWS;

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
pub fn lookup(surface: &str) -> Option<PlaceInfo> {
    let offset = PLACE_ROWS.first(surface)?;
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
