//! Wire-style datelines at the start of the first body paragraph:
//! `LISBON. Mar 3 (Agency-Name) –`, `KYIV, Nov 3 (Reuters) -`,
//! `WASHINGTON (AP) —`, `PARIS, 12 March (AFP) -`, `LONDON —`.

use regex::Regex;

use super::bounded::{Bounded, chars};

use super::date::{self, MONTH, WrittenDate};

/// A dateline as found, before the year of its date is fixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawDateline {
    pub place: Option<String>,
    pub date: Option<WrittenDate>,
    pub agency: Option<String>,
    /// Byte length of the dateline (dash and following space included).
    pub len: usize,
}

/// The dateline pattern. `bounded` gives it as written; otherwise every
/// bounded repetition is unbounded and captured, for [`within_bounds`].
///
/// The written pattern repeats Unicode classes up to 15 and 40 times, and
/// each repetition is a copy of the class in the compiled automaton: it was
/// the costliest regex of the program to build (a quarter of the start-up
/// of a small run). The unbounded pattern is small. It matches whatever the
/// bounded one matches, and its preferences (greedy, leftmost-first) are the
/// bounded ones': so when its match keeps within the bounds, it is the match
/// the bounded pattern finds too. Only a match that exceeds a bound needs
/// the written pattern, which is then built on first use.
fn pattern(bounded: bool) -> String {
    let (words, region, region_word, mixed_words, agency) = if bounded {
        (
            r"(?:\s+\p{Lu}[\p{Lu}'’.\-]*){0,3}",
            r"[\p{L}.]{1,15}",
            r"[\p{L}.]{1,15}",
            r"(?:[\s\-]\p{Lu}\p{Ll}+){0,2}",
            r"[^()]{2,40}",
        )
    } else {
        (
            r"(?P<cw>(?:\s+\p{Lu}[\p{Lu}'’.\-]*)*)",
            r"(?P<s1>[\p{L}.]+)",
            r"(?P<s2>[\p{L}.]+)",
            r"(?P<mw>(?:[\s\-]\p{Lu}\p{Ll}+)*)",
            r"[^()]{2,}",
        )
    };
    // An upper-case place, optionally with a mixed-case state or country
    // ("SAN JOSE, Calif."), or a mixed-case place when an agency in
    // parentheses follows.
    let caps_place = format!(
        r"\p{{Lu}}[\p{{Lu}}'’.\-]*{words}(?:,\s*\p{{Lu}}{region}(?:\s\p{{Lu}}{region_word})?)?"
    );
    let mixed_place = format!(r"\p{{Lu}}\p{{Ll}}+{mixed_words}");
    let day_date = format!(r"(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+\d{{4}})?");
    format!(
        r"^(?:(?P<cplace>{caps_place})(?:[.,]?\s+(?P<cdate>{day_date}))?\s*(?:\((?P<cagency>{agency})\))?|(?P<mplace>{mixed_place})(?:[.,]?\s+(?P<mdate>{day_date}))?\s*\((?P<magency>{agency})\)|(?P<ddate>{day_date})\s*\((?P<dagency>{agency})\))\s*(?P<dash>--|[-–—:])\s*"
    )
}

static DATELINE: Bounded = Bounded::new(
    crate::twin::twin!(pattern(false)),
    || Regex::new(&pattern(true)).expect("dateline regex"),
    within_bounds,
);

/// Whether a match of the unbounded pattern keeps within the written
/// bounds: at most three more upper-case words, 15 characters per word of
/// the region, two more mixed-case words, 40 characters of agency.
fn within_bounds(caps: &regex::Captures<'_>) -> bool {
    let count =
        |name: &str, count: fn(&str) -> usize| caps.name(name).map_or(0, |m| count(m.as_str()));
    // Each repetition opens with its own run of spaces (`\s+`), or with one
    // separator (`[\s\-]`); the words themselves hold neither.
    let space_runs = |s: &str| {
        let mut prev_space = false;
        s.chars()
            .filter(|c| {
                let starts = c.is_whitespace() && !prev_space;
                prev_space = c.is_whitespace();
                starts
            })
            .count()
    };
    let separators = |s: &str| s.chars().filter(|&c| c.is_whitespace() || c == '-').count();
    count("cw", space_runs) <= 3
        && chars(caps, "s1") <= 15
        && chars(caps, "s2") <= 15
        && count("mw", separators) <= 2
        && ["cagency", "magency", "dagency"]
            .iter()
            .all(|g| chars(caps, g) <= 40)
}

/// The written dateline pattern's captures on `para`.
fn captures(para: &str) -> Option<regex::Captures<'_>> {
    DATELINE.captures(para)
}

/// Whether `para` holds a dash or colon, one of which closes every
/// dateline (`--`, `-`, `–`, `—`, `:`; the two long dashes open with the
/// byte 0xE2).
fn has_dash(para: &str) -> bool {
    memchr::memchr3(b'-', b':', 0xe2, para.as_bytes()).is_some()
}

/// Whether `para` may open with a dateline, asked after [`has_dash`]: a
/// mixed-case place and a date without a place are both followed by an
/// agency in parentheses, and an upper-case place is a capital followed by
/// capitals, `'’.-`, a space, `,`, `(` or a dash, never by a small ASCII
/// letter. Most paragraphs open with a capitalized word (`The`), and a
/// second byte that is a small letter also means that the first character
/// is ASCII.
fn may_open(para: &str) -> bool {
    !para.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase)
        || memchr::memchr(b'(', para.as_bytes()).is_some()
}

/// Finds a dateline at the start of `para`.
pub fn find(para: &str) -> Option<RawDateline> {
    // Asked of every headline candidate and first paragraph, most of which
    // hold no dash or open with a capitalized word and hold no parenthesis:
    // they are passed over without the regex, whose search of a paragraph
    // costs ten thousand instructions even when it fails early.
    if !has_dash(para) || !may_open(para) {
        return None;
    }
    let caps = captures(para)?;
    let (place, date, agency) = if let Some(p) = caps.name("cplace") {
        (p.as_str(), caps.name("cdate"), caps.name("cagency"))
    } else if let Some(p) = caps.name("mplace") {
        (p.as_str(), caps.name("mdate"), caps.name("magency"))
    } else {
        // "Dec 29 (Reuters) -": a dateline without a place.
        ("", caps.name("ddate"), caps.name("dagency"))
    };
    let dash = caps.name("dash")?.as_str();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 && !place.is_empty() {
        return None;
    }
    // A bare "WORD —" with neither date nor agency is only a dateline when it
    // reads as a place name rather than an acronym ("OPEC —"): long enough
    // and closed by a real dash.
    if date.is_none() && agency.is_none() && (letters < 5 || dash == "-" || dash == ":") {
        return None;
    }
    if dash == ":" && agency.is_none() {
        return None;
    }
    let date = date.and_then(|d| date::find_date(d.as_str()).map(|(w, _)| w));
    Some(RawDateline {
        place: (!place.is_empty()).then(|| normal_case(city_of(trim_place(place)))),
        date,
        agency: agency.map(|a| a.as_str().trim().to_string()),
        len: caps.get(0)?.end(),
    })
}

/// The city of `SAN JOSE, Calif.` or `BUCHAREST, Romania`: the dateline
/// place is where the story was filed; the state or country after the
/// comma only tells readers where that city is.
fn city_of(place: &str) -> &str {
    place
        .split_once(',')
        .map_or(place, |(city, _)| city.trim_end())
}

/// Drops the separator after the place: `LISBON.` → `LISBON`, but
/// `Calif.` keeps the dot of its abbreviation.
fn trim_place(place: &str) -> &str {
    let place = place.trim_end_matches(',');
    let last_word = place.rsplit([' ', ',']).next().unwrap_or(place);
    if last_word.chars().any(char::is_lowercase) {
        place
    } else {
        place.trim_end_matches('.')
    }
}

/// `NEW YORK` → `New York`, `WINSTON-SALEM` → `Winston-Salem`,
/// `ISLE OF MAN` → `Isle of Man`. Mixed-case input is kept.
pub fn normal_case(place: &str) -> String {
    if place.chars().any(|c| c.is_lowercase()) {
        // Only an upper-case part before a comma is recased ("SAN JOSE, Calif.").
        if let Some((head, tail)) = place.split_once(',')
            && !head.chars().any(|c| c.is_lowercase())
        {
            return format!("{},{}", normal_case(head), tail);
        }
        return place.to_string();
    }
    let mut out = String::with_capacity(place.len());
    for (i, word) in place.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0
            && matches!(
                lower.as_str(),
                "of" | "de" | "la" | "del" | "du" | "da" | "on" | "upon" | "am" | "an"
            )
        {
            out.push_str(&lower);
            continue;
        }
        let mut capital_next = true;
        for c in lower.chars() {
            if capital_next && c.is_alphabetic() {
                out.extend(c.to_uppercase());
                capital_next = false;
            } else {
                out.push(c);
            }
            if matches!(c, '-' | '.' | '\'' | '’') {
                capital_next = true;
            }
        }
    }
    out
}

warm_up_statics!(DATELINE);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(caps: Option<regex::Captures<'_>>) -> Option<Vec<Option<(usize, usize)>>> {
        let names = [
            "cplace", "cdate", "cagency", "mplace", "mdate", "magency", "ddate", "dagency", "dash",
        ];
        caps.map(|c| {
            std::iter::once(c.get(0))
                .chain(names.iter().map(|n| c.name(n)))
                .map(|m| m.map(|m| (m.start(), m.end())))
                .collect()
        })
    }

    fn same_as_written(text: &str) {
        assert_eq!(
            spans(captures(text)),
            spans(DATELINE.written().captures(text)),
            "{text:?}"
        );
        if DATELINE.written().is_match(text) {
            assert!(has_dash(text), "{text:?}");
            assert!(may_open(text), "opening {text:?}");
        }
    }

    #[test]
    fn written_pattern_is_unchanged() {
        let written = r"^(?:(?P<cplace>\p{Lu}[\p{Lu}'’.\-]*(?:\s+\p{Lu}[\p{Lu}'’.\-]*){0,3}(?:,\s*\p{Lu}[\p{L}.]{1,15}(?:\s\p{Lu}[\p{L}.]{1,15})?)?)(?:[.,]?\s+(?P<cdate>";
        assert!(pattern(true).starts_with(written));
        assert!(pattern(true).contains(r"\((?P<magency>[^()]{2,40})\)"));
    }

    #[test]
    fn bounds_as_written() {
        for text in [
            "A B C D — x",
            "A B C D E — x",
            "A  B\tC D (AP) — x",
            "SAN JOSE, Calif. — x",
            "SAN JOSE, Californiaaaaaaaaaaa — x",
            "SAN JOSE, Californiaaaaaaaaaaaa — x",
            "SAN JOSE, New Californiaaaaaaaaaaaa — x",
            "Winston-Salem-Town-Here (AP) - x",
            "Winston-Salem-Town (AP) - x",
            "Winston Salem Town Here (AP) - x",
            "PARIS (Agence France-Presse and a very long agency name) - x",
            "PARIS (Agence France-Presse and a very long agency name here) - x",
            "Dec 29 (Reuters) - x",
            "Dec 29 (Reuters with a very long agency name here and there) - x",
            "KYIV, Nov 3 (Reuters) - Text",
            "The city — x",
            "Ab — x",
            "Ab (AP) — x",
            "June 3 (AP) — x",
            "June 3 — x",
            "Ab. — x",
            "A — x",
            "Éa (AP) — x",
            "Ła — x",
        ] {
            same_as_written(text);
        }
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(vec![
                "SAN", "JOSE", "NEW", "YORK", "O'NEIL", "ST.", "A", "Calif.", "Washington", "Salem",
                "Winston", ",", ", ", ".", " ", "  ", "\t", "-", "--", "–", "—", ":", "(", ")",
                "(AP)", "(Reuters)", "Nov", "March", "Dec.", "3", "12", "2024", ", 2024", "É",
                "ÉCOLE", "é", "x", "The", "June", "Ab", "Ła",
            ])
            .prop_map(str::to_string),
            1 => "[A-Z]{1,20}",
            1 => "[a-z]{1,20}",
            1 => "[a-zA-Z ]{10,50}",
        ]
    }

    proptest! {
        #[test]
        fn same_captures_as_written(parts in proptest::collection::vec(fragment(), 0..14)) {
            same_as_written(&parts.concat());
        }
    }

    fn place_agency(s: &str) -> Option<(String, Option<String>, bool)> {
        find(s).map(|d| (d.place.unwrap_or_default(), d.agency, d.date.is_some()))
    }

    #[test]
    fn wire_styles() {
        let p =
            |a: &str, ag: Option<&str>, d: bool| Some((a.to_string(), ag.map(str::to_string), d));
        assert_eq!(
            place_agency("KYIV, Nov 3 (Reuters) - Text"),
            p("Kyiv", Some("Reuters"), true)
        );
        assert_eq!(
            place_agency("WASHINGTON (AP) — Text"),
            p("Washington", Some("AP"), false)
        );
        assert_eq!(
            place_agency("PARIS, 12 March (AFP) - Text"),
            p("Paris", Some("AFP"), true)
        );
        assert_eq!(place_agency("LONDON — Text"), p("London", None, false));
        assert_eq!(
            place_agency("SAN JOSE, Calif. — Text"),
            p("San Jose", None, false)
        );
        assert_eq!(
            place_agency("NEW YORK (Reuters) - Text"),
            p("New York", Some("Reuters"), false)
        );
        assert_eq!(
            place_agency("Washington (AP) — Text"),
            p("Washington", Some("AP"), false)
        );
        assert_eq!(
            place_agency("Dec 29 (Reuters) - Text"),
            p("", Some("Reuters"), true)
        );
    }

    #[test]
    fn not_datelines() {
        assert_eq!(find("OPEC — the cartel said"), None);
        assert_eq!(find("The minister said - nothing"), None);
        assert_eq!(find("US - Text"), None);
        assert_eq!(find("On Tuesday, the ministers met"), None);
    }

    #[test]
    fn recases_places() {
        assert_eq!(normal_case("WINSTON-SALEM"), "Winston-Salem");
        assert_eq!(normal_case("ISLE OF MAN"), "Isle of Man");
        assert_eq!(normal_case("ST. LOUIS"), "St. Louis");
    }
}
