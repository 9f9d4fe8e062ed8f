//! The twins of the program's patterns, translated ahead (see
//! `twin::translate`): translating a pattern at start-up costs about as
//! much as compiling its twin. A pattern not found here (one changed
//! since, or one not built at warm-up) is translated at run time, so the
//! table only ever saves time; a test checks that every entry is the
//! translation of its pattern.
//!
//! Regenerate it after changing a pattern with
//! `cargo test --lib twin::table::tests::regenerate -- --ignored --exact`
//! and `cargo fmt`, which writes the twins of every pattern the start-up
//! warm-up builds.

#[cfg(test)]
pub(super) static REQUESTED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// `(pattern, twin)` pairs.
pub(super) static TWINS: &[(&str, &str)] = &[
    (
        "(?ix)\\b(?:\u{a}          (?:press|news)\\s+(?:conference|briefing)s? | remarks\\s+to\\s+(?:journalists|reporters|the\\s+press)\u{a}        | summits? | ministerial(?:\\s+meetings?)? | conferences? | talks | negotiations\u{a}        | visits? | visited | dinners? | lunch(?:eon)?s? | banquets?\u{a}        | (?:phone|telephone)\\s+(?:calls?|conversations?) | referendums? | votes? | elections?\u{a}        | attacks? | bombings? | air\\s?strikes? | shelling\u{a}        | meetings? | met | gathered | convened | ceremony | ceremonies | event\u{a}        | same\\s+(?:venue|location|building|hall)\u{a}        )\\b",
        "(?-u:\\b)(?:(?:[Pp][Rr][Ee][Ss][Ss]|[Nn][Ee][Ww][Ss])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Cc][Oo][Nn][Ff][Ee][Rr][Ee][Nn][Cc][Ee]|[Bb][Rr][Ii][Ee][Ff][Ii][Nn][Gg])[Ss]?|[Rr][Ee][Mm][Aa][Rr][Kk][Ss][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Tt][Oo][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Jj][Oo][Uu][Rr][Nn][Aa][Ll][Ii][Ss][Tt][Ss]|[Rr][Ee][Pp][Oo][Rr][Tt][Ee][Rr][Ss]|[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Pp][Rr][Ee][Ss][Ss])|[Ss][Uu][Mm][Mm][Ii][Tt][Ss]?|[Mm][Ii][Nn][Ii][Ss][Tt][Ee][Rr][Ii][Aa][Ll](?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Mm][Ee][Ee][Tt][Ii][Nn][Gg][Ss]?)?|[Cc][Oo][Nn][Ff][Ee][Rr][Ee][Nn][Cc][Ee][Ss]?|[Tt][Aa][Ll][Kk][Ss]|[Nn][Ee][Gg][Oo][Tt][Ii][Aa][Tt][Ii][Oo][Nn][Ss]|[Vv][Ii][Ss][Ii][Tt][Ss]?|[Vv][Ii][Ss][Ii][Tt][Ee][Dd]|[Dd][Ii][Nn][Nn][Ee][Rr][Ss]?|[Ll][Uu][Nn][Cc][Hh](?:[Ee][Oo][Nn])?[Ss]?|[Bb][Aa][Nn][Qq][Uu][Ee][Tt][Ss]?|(?:[Pp][Hh][Oo][Nn][Ee]|[Tt][Ee][Ll][Ee][Pp][Hh][Oo][Nn][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Cc](?:[Aa][Ll][Ll][Ss]?|[Oo][Nn][Vv][Ee][Rr][Ss][Aa][Tt][Ii][Oo][Nn][Ss]?)|[Rr][Ee][Ff][Ee][Rr][Ee][Nn][Dd][Uu][Mm][Ss]?|[Vv][Oo][Tt][Ee][Ss]?|[Ee][Ll][Ee][Cc][Tt][Ii][Oo][Nn][Ss]?|[Aa][Tt][Tt][Aa][Cc][Kk][Ss]?|[Bb][Oo][Mm][Bb][Ii][Nn][Gg][Ss]?|[Aa][Ii][Rr][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]?[Ss][Tt][Rr][Ii][Kk][Ee][Ss]?|[Ss][Hh][Ee][Ll][Ll][Ii][Nn][Gg]|[Mm][Ee][Ee][Tt][Ii][Nn][Gg][Ss]?|[Mm][Ee][Tt]|[Gg][Aa][Tt][Hh][Ee][Rr][Ee][Dd]|[Cc][Oo][Nn][Vv][Ee][Nn][Ee][Dd]|[Cc][Ee][Rr][Ee][Mm][Oo][Nn][Yy]|[Cc][Ee][Rr][Ee][Mm][Oo][Nn][Ii][Ee][Ss]|[Ee][Vv][Ee][Nn][Tt]|[Ss][Aa][Mm][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Vv][Ee][Nn][Uu][Ee]|[Ll][Oo][Cc][Aa][Tt][Ii][Oo][Nn]|[Bb][Uu][Ii][Ll][Dd][Ii][Nn][Gg]|[Hh][Aa][Ll][Ll]))(?-u:\\b)",
    ),
    (
        "(?x)(?P<iso>\\b(?P<isoy>\\d{4})-(?P<isom>\\d{2})-(?P<isod>\\d{2})\\b)",
        "(?P<iso>(?-u:\\b)(?P<isoy>[0-9]{4})\\-(?P<isom>[0-9]{2})\\-(?P<isod>[0-9]{2})(?-u:\\b))",
    ),
    (
        "(?x)\\b(?:(?P<dmwd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)),?\\s+)?(?P<dmd>\\d{1,2})(?:st|nd|rd|th)?\u{a}            (?:\\s*[-\u{2013}\u{2014}]\\s*(?P<dmd2>\\d{1,2})(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(?P<dmm>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?\\s+(?P<dmy>(?:1[89]|20)\\d\\d)\\b)?",
        "(?-u:\\b)(?:(?P<dmwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dmd>[0-9]{1,2})(?:st|nd|rd|th)?(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[\\-\u{2013}-\u{2014}][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<dmd2>[0-9]{1,2})(?:st|nd|rd|th)?)?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:of[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dmm>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<dmy>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b))?",
    ),
    (
        "(?x)\\b(?:(?P<dwmod>(?i:early|late|earlier|later))\\s+)?(?P<dword>(?i:today|tomorrow|yesterday|tonight))\\b",
        "(?-u:\\b)(?:(?P<dwmod>[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee]|[Ee][Aa][Rr][Ll][Ii][Ee][Rr]|[Ll][Aa][Tt][Ee][Rr])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dword>[Tt][Oo][Dd][Aa][Yy]|[Tt][Oo][Mm][Oo][Rr][Rr][Oo][Ww]|[Yy][Ee][Ss][Tt][Ee][Rr][Dd][Aa][Yy]|[Tt][Oo][Nn][Ii][Gg][Hh][Tt])(?-u:\\b)",
    ),
    (
        "(?x)\\b(?:(?P<mdwd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)),?\\s+)?(?P<mdm>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))\\s+(?P<mdd>\\d{1,2})(?:st|nd|rd|th)?\u{a}            (?:\\s*[-\u{2013}\u{2014}]\\s*(?P<mdd2>\\d{1,2})(?:st|nd|rd|th)?)?\\b(?:,?\\s+(?P<mdy>(?:1[89]|20)\\d\\d)\\b)?",
        "(?-u:\\b)(?:(?P<mdwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<mdm>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<mdd>[0-9]{1,2})(?:st|nd|rd|th)?(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[\\-\u{2013}-\u{2014}][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<mdd2>[0-9]{1,2})(?:st|nd|rd|th)?)?(?-u:\\b)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<mdy>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b))?",
    ),
    (
        "(?x)\\b(?:(?P<mymod>(?i:early|late|mid-?|the\\s+(?:end|beginning|start|middle)\\s+of))\\s*)?\u{a}            (?:(?P<myrel>(?i:last|next|this))\\s+)?(?P<mym>(?:January|February|March|April|May|June|July|August|September|October|November|December))\\b(?:,?\\s+(?P<myy>(?:1[89]|20)\\d\\d)\\b)?",
        "(?-u:\\b)(?:(?P<mymod>[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee]|[Mm][Ii][Dd]\\-?|[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn][Nn][Ii][Nn][Gg]|[Ss][Tt][Aa][Rr][Tt]|[Mm][Ii][Dd][Dd][Ll][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*)?(?:(?P<myrel>[Ll][Aa][Ss][Tt]|[Nn][Ee][Xx][Tt]|[Tt][Hh][Ii][Ss])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<mym>January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\\b)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<myy>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b))?",
    ),
    (
        "(?x)\\b(?:(?P<rmod>(?i:earlier|later|early|late))\\s+)?(?P<rrel>(?i:this|last|next))\\s+(?P<runit>(?i:year|month|week))\\b",
        "(?-u:\\b)(?:(?P<rmod>[Ee][Aa][Rr][Ll][Ii][Ee][Rr]|[Ll][Aa][Tt][Ee][Rr]|[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<rrel>[Tt][Hh][Ii][Ss]|[Ll][Aa][Ss][Tt]|[Nn][Ee][Xx][Tt])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<runit>[Yy][Ee][Aa][Rr]|[Mm][Oo][Nn][Tt][Hh]|[Ww][Ee][Ee][Kk])(?-u:\\b)",
    ),
    (
        "(?x)\\b(?:(?P<wrel>(?i:last|next|this|coming))\\s+)?(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:\\s+(?P<wpart>morning|afternoon|evening|night))?\\b",
        "(?-u:\\b)(?:(?P<wrel>[Ll][Aa][Ss][Tt]|[Nn][Ee][Xx][Tt]|[Tt][Hh][Ii][Ss]|[Cc][Oo][Mm][Ii][Nn][Gg])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<wpart>morning|afternoon|evening|night))?(?-u:\\b)",
    ),
    (
        "(?x)\\b(?:(?P<ymod>(?i:fiscal|early|late|mid-?|the\\s+(?:end|beginning|start|middle|first\\s+half|second\\s+half)\\s+of))\\s*)?(?P<year>(?:1[89]|20)\\d\\d)\\b",
        "(?-u:\\b)(?:(?P<ymod>[Ff][Ii][Ss][Cc][Aa][Ll]|[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee]|[Mm][Ii][Dd]\\-?|[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn][Nn][Ii][Nn][Gg]|[Ss][Tt][Aa][Rr][Tt]|[Mm][Ii][Dd][Dd][Ll][Ee]|[Ff][Ii][Rr][Ss][Tt][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Hh][Aa][Ll][Ff]|[Ss][Ee][Cc][Oo][Nn][Dd][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Hh][Aa][Ll][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*)?(?P<year>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b)",
    ),
    (
        "(?x)\\b(?:the\\s+)?(?P<dec>(?:1[89]|20)\\d0)'?s\\b",
        "(?-u:\\b)(?:the[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dec>(?:1[8-9]|20)[0-9]0)'?s(?-u:\\b)",
    ),
    (
        "(?x)\\b(?P<anum>(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\\d{1,3}))\\s+(?P<aunit>(?i:year|month|week|day))s?\\s+(?P<adir>(?i:ago|earlier|later))\\b",
        "(?-u:\\b)(?P<anum>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[0-9]{1,3})[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<aunit>[Yy][Ee][Aa][Rr]|[Mm][Oo][Nn][Tt][Hh]|[Ww][Ee][Ee][Kk]|[Dd][Aa][Yy])s?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<adir>[Aa][Gg][Oo]|[Ee][Aa][Rr][Ll][Ii][Ee][Rr]|[Ll][Aa][Tt][Ee][Rr])(?-u:\\b)",
    ),
    (
        "(?x)\\b(?P<mya>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)),?\\s+(?P<myay>(?:1[89]|20)\\d\\d)\\b",
        "(?-u:\\b)(?P<mya>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<myay>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b)",
    ),
    (
        "(?x)\\b(?i:the\\s+(?P<pmod>end|beginning|start|middle)\\s+of\\s+(?P<prel>the|this|last|next)\\s+(?P<punit>year|month))\\b",
        "(?-u:\\b)[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<pmod>[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn][Nn][Ii][Nn][Gg]|[Ss][Tt][Aa][Rr][Tt]|[Mm][Ii][Dd][Dd][Ll][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<prel>[Tt][Hh][Ee]|[Tt][Hh][Ii][Ss]|[Ll][Aa][Ss][Tt]|[Nn][Ee][Xx][Tt])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<punit>[Yy][Ee][Aa][Rr]|[Mm][Oo][Nn][Tt][Hh])(?-u:\\b)",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_the_translations_of_their_patterns() {
        for (pattern, twin) in TWINS {
            assert_eq!(super::super::translate(pattern), *twin, "{pattern}");
        }
    }

    /// A Rust string literal for `s`, with every character outside
    /// printable ASCII escaped.
    fn literal(s: &str) -> String {
        let mut out = String::from('"');
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                ' '..='~' => out.push(c),
                _ => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            }
        }
        out.push('"');
        out
    }

    /// The patterns whose twins the start-up warm-up builds (those the
    /// table is for), sorted, once each; with those any other test in the
    /// process asked for.
    fn warmed_up_patterns() -> Vec<String> {
        let mut tasks = crate::extract::timex::warm_up();
        tasks.extend(crate::extract::events::warm_up());
        tasks.extend(crate::parse::warm_up());
        for task in tasks {
            task();
        }
        let mut patterns = REQUESTED.lock().expect("requested patterns").clone();
        patterns.sort();
        patterns.dedup();
        patterns
    }

    /// Every entry is the pattern of a twin that the warm-up builds: one
    /// left behind by a pattern since changed or gone only costs the
    /// table's size, and the regenerated table would drop it.
    #[test]
    fn every_entry_is_built_at_warm_up() {
        let asked = warmed_up_patterns();
        for (pattern, _) in TWINS {
            assert!(
                asked.binary_search_by(|p| p.as_str().cmp(pattern)).is_ok(),
                "not built at warm-up: {pattern}"
            );
        }
    }

    /// Writes this file anew with the twins of the patterns the warm-up
    /// builds ([`warmed_up_patterns`]). Run it alone (see the module
    /// docs), so that no other test has asked for a pattern first.
    #[test]
    #[ignore]
    fn regenerate() {
        let patterns = warmed_up_patterns();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/twin/table.rs");
        let source = std::fs::read_to_string(path).expect("the table's source");
        let (head, rest) = source
            .split_once("pub(super) static TWINS")
            .expect("the table");
        let (_, tail) = rest.split_once("];\n").expect("the table's end");
        let mut table = String::from("pub(super) static TWINS: &[(&str, &str)] = &[\n");
        for p in &patterns {
            let twin = super::super::translate(p);
            table.push_str(&format!(
                "    (\n        {},\n        {},\n    ),\n",
                literal(p),
                literal(&twin)
            ));
        }
        table.push_str("];\n");
        std::fs::write(path, format!("{head}{table}{tail}")).expect("writing the table");
    }
}
