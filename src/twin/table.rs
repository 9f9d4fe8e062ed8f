//! The twins of the program's patterns, translated ahead (see
//! `twin::translate`): translating a pattern at start-up costs about as
//! much as compiling its twin. A pattern not found here (one changed
//! since, or one not built at warm-up) is translated at run time, so the
//! table only ever saves time; a test checks that every entry is the
//! translation of its pattern.
//!
//! The same for the Latin twins (`twin::latin_translation`), which only
//! text with accented letters needs; `None` where the pattern as written
//! builds about as fast.
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
    (
        "\\((?P<person>\\p{Lu}[\\p{L}.'\\-]*(?P<pw>(?:\\s\\p{Lu}[\\p{L}.'\\-]*)*)),\\s*(?P<outlet>\\p{Lu}[\\p{L}\\d.\\-]*(?P<ow>(?:\\s\\p{Lu}[\\p{L}\\d.\\-]*)*))\\)\\s*$",
        "\\((?P<person>[A-Z]['\\--\\.A-Za-z]*(?P<pw>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z]['\\--\\.A-Za-z]*)*)),[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<outlet>[A-Z][\\--\\.0-9A-Za-z]*(?P<ow>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z][\\--\\.0-9A-Za-z]*)*))\\)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*\\z",
    ),
];

/// `(pattern, Latin twin)` pairs, in the order of [`TWINS`].
pub(super) static LATIN: &[(&str, Option<&str>)] = &[
    (
        "(?ix)\\b(?:\u{a}          (?:press|news)\\s+(?:conference|briefing)s? | remarks\\s+to\\s+(?:journalists|reporters|the\\s+press)\u{a}        | summits? | ministerial(?:\\s+meetings?)? | conferences? | talks | negotiations\u{a}        | visits? | visited | dinners? | lunch(?:eon)?s? | banquets?\u{a}        | (?:phone|telephone)\\s+(?:calls?|conversations?) | referendums? | votes? | elections?\u{a}        | attacks? | bombings? | air\\s?strikes? | shelling\u{a}        | meetings? | met | gathered | convened | ceremony | ceremonies | event\u{a}        | same\\s+(?:venue|location|building|hall)\u{a}        )\\b",
        None,
    ),
    (
        "(?x)(?P<iso>\\b(?P<isoy>\\d{4})-(?P<isom>\\d{2})-(?P<isod>\\d{2})\\b)",
        Some("(?P<iso>\\b(?P<isoy>[0-9]{4})\\-(?P<isom>[0-9]{2})\\-(?P<isod>[0-9]{2})\\b)"),
    ),
    (
        "(?x)\\b(?:(?P<dmwd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)),?\\s+)?(?P<dmd>\\d{1,2})(?:st|nd|rd|th)?\u{a}            (?:\\s*[-\u{2013}\u{2014}]\\s*(?P<dmd2>\\d{1,2})(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(?P<dmm>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?\\s+(?P<dmy>(?:1[89]|20)\\d\\d)\\b)?",
        Some(
            "\\b(?:(?P<dmwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dmd>[0-9]{1,2})(?:st|nd|rd|th)?(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[\\-\u{2013}-\u{2014}][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<dmd2>[0-9]{1,2})(?:st|nd|rd|th)?)?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:of[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dmm>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<dmy>(?:1[8-9]|20)[0-9][0-9])\\b)?",
        ),
    ),
    (
        "(?x)\\b(?:(?P<dwmod>(?i:early|late|earlier|later))\\s+)?(?P<dword>(?i:today|tomorrow|yesterday|tonight))\\b",
        None,
    ),
    (
        "(?x)\\b(?:(?P<mdwd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)),?\\s+)?(?P<mdm>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))\\s+(?P<mdd>\\d{1,2})(?:st|nd|rd|th)?\u{a}            (?:\\s*[-\u{2013}\u{2014}]\\s*(?P<mdd2>\\d{1,2})(?:st|nd|rd|th)?)?\\b(?:,?\\s+(?P<mdy>(?:1[89]|20)\\d\\d)\\b)?",
        Some(
            "\\b(?:(?P<mdwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<mdm>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<mdd>[0-9]{1,2})(?:st|nd|rd|th)?(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[\\-\u{2013}-\u{2014}][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<mdd2>[0-9]{1,2})(?:st|nd|rd|th)?)?\\b(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<mdy>(?:1[8-9]|20)[0-9][0-9])\\b)?",
        ),
    ),
    (
        "(?x)\\b(?:(?P<mymod>(?i:early|late|mid-?|the\\s+(?:end|beginning|start|middle)\\s+of))\\s*)?\u{a}            (?:(?P<myrel>(?i:last|next|this))\\s+)?(?P<mym>(?:January|February|March|April|May|June|July|August|September|October|November|December))\\b(?:,?\\s+(?P<myy>(?:1[89]|20)\\d\\d)\\b)?",
        Some(
            "\\b(?:(?P<mymod>[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee]|[Mm][Ii][Dd]\\-?|[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn][Nn][Ii][Nn][Gg]|[Ss\u{17f}][Tt][Aa][Rr][Tt]|[Mm][Ii][Dd][Dd][Ll][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*)?(?:(?P<myrel>[Ll][Aa][Ss\u{17f}][Tt]|[Nn][Ee][Xx][Tt]|[Tt][Hh][Ii][Ss\u{17f}])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<mym>January|February|March|April|May|June|July|August|September|October|November|December)\\b(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<myy>(?:1[8-9]|20)[0-9][0-9])\\b)?",
        ),
    ),
    (
        "(?x)\\b(?:(?P<rmod>(?i:earlier|later|early|late))\\s+)?(?P<rrel>(?i:this|last|next))\\s+(?P<runit>(?i:year|month|week))\\b",
        None,
    ),
    (
        "(?x)\\b(?:(?P<wrel>(?i:last|next|this|coming))\\s+)?(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:\\s+(?P<wpart>morning|afternoon|evening|night))?\\b",
        None,
    ),
    (
        "(?x)\\b(?:(?P<ymod>(?i:fiscal|early|late|mid-?|the\\s+(?:end|beginning|start|middle|first\\s+half|second\\s+half)\\s+of))\\s*)?(?P<year>(?:1[89]|20)\\d\\d)\\b",
        Some(
            "\\b(?:(?P<ymod>[Ff][Ii][Ss\u{17f}][Cc][Aa][Ll]|[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee]|[Mm][Ii][Dd]\\-?|[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn][Nn][Ii][Nn][Gg]|[Ss\u{17f}][Tt][Aa][Rr][Tt]|[Mm][Ii][Dd][Dd][Ll][Ee]|[Ff][Ii][Rr][Ss\u{17f}][Tt][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Hh][Aa][Ll][Ff]|[Ss\u{17f}][Ee][Cc][Oo][Nn][Dd][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Hh][Aa][Ll][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*)?(?P<year>(?:1[8-9]|20)[0-9][0-9])\\b",
        ),
    ),
    (
        "(?x)\\b(?:the\\s+)?(?P<dec>(?:1[89]|20)\\d0)'?s\\b",
        Some(
            "\\b(?:the[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dec>(?:1[8-9]|20)[0-9]0)'?s\\b",
        ),
    ),
    (
        "(?x)\\b(?P<anum>(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\\d{1,3}))\\s+(?P<aunit>(?i:year|month|week|day))s?\\s+(?P<adir>(?i:ago|earlier|later))\\b",
        Some(
            "\\b(?P<anum>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[0-9]{1,3})[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<aunit>[Yy][Ee][Aa][Rr]|[Mm][Oo][Nn][Tt][Hh]|[Ww][Ee][Ee][Kk]|[Dd][Aa][Yy])s?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<adir>[Aa][Gg][Oo]|[Ee][Aa][Rr][Ll][Ii][Ee][Rr]|[Ll][Aa][Tt][Ee][Rr])\\b",
        ),
    ),
    (
        "(?x)\\b(?P<mya>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)),?\\s+(?P<myay>(?:1[89]|20)\\d\\d)\\b",
        Some(
            "\\b(?P<mya>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<myay>(?:1[8-9]|20)[0-9][0-9])\\b",
        ),
    ),
    (
        "(?x)\\b(?i:the\\s+(?P<pmod>end|beginning|start|middle)\\s+of\\s+(?P<prel>the|this|last|next)\\s+(?P<punit>year|month))\\b",
        None,
    ),
    (
        "\\((?P<person>\\p{Lu}[\\p{L}.'\\-]*(?P<pw>(?:\\s\\p{Lu}[\\p{L}.'\\-]*)*)),\\s*(?P<outlet>\\p{Lu}[\\p{L}\\d.\\-]*(?P<ow>(?:\\s\\p{Lu}[\\p{L}\\d.\\-]*)*))\\)\\s*$",
        Some(
            "\\((?P<person>[A-Z\u{c0}-\u{d6}\u{d8}-\u{de}\u{100}\u{102}\u{104}\u{106}\u{108}\u{10a}\u{10c}\u{10e}\u{110}\u{112}\u{114}\u{116}\u{118}\u{11a}\u{11c}\u{11e}\u{120}\u{122}\u{124}\u{126}\u{128}\u{12a}\u{12c}\u{12e}\u{130}\u{132}\u{134}\u{136}\u{139}\u{13b}\u{13d}\u{13f}\u{141}\u{143}\u{145}\u{147}\u{14a}\u{14c}\u{14e}\u{150}\u{152}\u{154}\u{156}\u{158}\u{15a}\u{15c}\u{15e}\u{160}\u{162}\u{164}\u{166}\u{168}\u{16a}\u{16c}\u{16e}\u{170}\u{172}\u{174}\u{176}\u{178}-\u{179}\u{17b}\u{17d}\u{181}-\u{182}\u{184}\u{186}-\u{187}\u{189}-\u{18b}\u{18e}-\u{191}\u{193}-\u{194}\u{196}-\u{198}\u{19c}-\u{19d}\u{19f}-\u{1a0}\u{1a2}\u{1a4}\u{1a6}-\u{1a7}\u{1a9}\u{1ac}\u{1ae}-\u{1af}\u{1b1}-\u{1b3}\u{1b5}\u{1b7}-\u{1b8}\u{1bc}\u{1c4}\u{1c7}\u{1ca}\u{1cd}\u{1cf}\u{1d1}\u{1d3}\u{1d5}\u{1d7}\u{1d9}\u{1db}\u{1de}\u{1e0}\u{1e2}\u{1e4}\u{1e6}\u{1e8}\u{1ea}\u{1ec}\u{1ee}\u{1f1}\u{1f4}\u{1f6}-\u{1f8}\u{1fa}\u{1fc}\u{1fe}\u{200}\u{202}\u{204}\u{206}\u{208}\u{20a}\u{20c}\u{20e}\u{210}\u{212}\u{214}\u{216}\u{218}\u{21a}\u{21c}\u{21e}\u{220}\u{222}\u{224}\u{226}\u{228}\u{22a}\u{22c}\u{22e}\u{230}\u{232}\u{23a}-\u{23b}\u{23d}-\u{23e}\u{241}\u{243}-\u{246}\u{248}\u{24a}\u{24c}\u{24e}]['\\--\\.A-Za-z\u{aa}\u{b5}\u{ba}\u{c0}-\u{d6}\u{d8}-\u{f6}\u{f8}-\u{2c1}\u{2c6}-\u{2d1}\u{2e0}-\u{2e4}\u{2ec}\u{2ee}]*(?P<pw>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z\u{c0}-\u{d6}\u{d8}-\u{de}\u{100}\u{102}\u{104}\u{106}\u{108}\u{10a}\u{10c}\u{10e}\u{110}\u{112}\u{114}\u{116}\u{118}\u{11a}\u{11c}\u{11e}\u{120}\u{122}\u{124}\u{126}\u{128}\u{12a}\u{12c}\u{12e}\u{130}\u{132}\u{134}\u{136}\u{139}\u{13b}\u{13d}\u{13f}\u{141}\u{143}\u{145}\u{147}\u{14a}\u{14c}\u{14e}\u{150}\u{152}\u{154}\u{156}\u{158}\u{15a}\u{15c}\u{15e}\u{160}\u{162}\u{164}\u{166}\u{168}\u{16a}\u{16c}\u{16e}\u{170}\u{172}\u{174}\u{176}\u{178}-\u{179}\u{17b}\u{17d}\u{181}-\u{182}\u{184}\u{186}-\u{187}\u{189}-\u{18b}\u{18e}-\u{191}\u{193}-\u{194}\u{196}-\u{198}\u{19c}-\u{19d}\u{19f}-\u{1a0}\u{1a2}\u{1a4}\u{1a6}-\u{1a7}\u{1a9}\u{1ac}\u{1ae}-\u{1af}\u{1b1}-\u{1b3}\u{1b5}\u{1b7}-\u{1b8}\u{1bc}\u{1c4}\u{1c7}\u{1ca}\u{1cd}\u{1cf}\u{1d1}\u{1d3}\u{1d5}\u{1d7}\u{1d9}\u{1db}\u{1de}\u{1e0}\u{1e2}\u{1e4}\u{1e6}\u{1e8}\u{1ea}\u{1ec}\u{1ee}\u{1f1}\u{1f4}\u{1f6}-\u{1f8}\u{1fa}\u{1fc}\u{1fe}\u{200}\u{202}\u{204}\u{206}\u{208}\u{20a}\u{20c}\u{20e}\u{210}\u{212}\u{214}\u{216}\u{218}\u{21a}\u{21c}\u{21e}\u{220}\u{222}\u{224}\u{226}\u{228}\u{22a}\u{22c}\u{22e}\u{230}\u{232}\u{23a}-\u{23b}\u{23d}-\u{23e}\u{241}\u{243}-\u{246}\u{248}\u{24a}\u{24c}\u{24e}]['\\--\\.A-Za-z\u{aa}\u{b5}\u{ba}\u{c0}-\u{d6}\u{d8}-\u{f6}\u{f8}-\u{2c1}\u{2c6}-\u{2d1}\u{2e0}-\u{2e4}\u{2ec}\u{2ee}]*)*)),[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<outlet>[A-Z\u{c0}-\u{d6}\u{d8}-\u{de}\u{100}\u{102}\u{104}\u{106}\u{108}\u{10a}\u{10c}\u{10e}\u{110}\u{112}\u{114}\u{116}\u{118}\u{11a}\u{11c}\u{11e}\u{120}\u{122}\u{124}\u{126}\u{128}\u{12a}\u{12c}\u{12e}\u{130}\u{132}\u{134}\u{136}\u{139}\u{13b}\u{13d}\u{13f}\u{141}\u{143}\u{145}\u{147}\u{14a}\u{14c}\u{14e}\u{150}\u{152}\u{154}\u{156}\u{158}\u{15a}\u{15c}\u{15e}\u{160}\u{162}\u{164}\u{166}\u{168}\u{16a}\u{16c}\u{16e}\u{170}\u{172}\u{174}\u{176}\u{178}-\u{179}\u{17b}\u{17d}\u{181}-\u{182}\u{184}\u{186}-\u{187}\u{189}-\u{18b}\u{18e}-\u{191}\u{193}-\u{194}\u{196}-\u{198}\u{19c}-\u{19d}\u{19f}-\u{1a0}\u{1a2}\u{1a4}\u{1a6}-\u{1a7}\u{1a9}\u{1ac}\u{1ae}-\u{1af}\u{1b1}-\u{1b3}\u{1b5}\u{1b7}-\u{1b8}\u{1bc}\u{1c4}\u{1c7}\u{1ca}\u{1cd}\u{1cf}\u{1d1}\u{1d3}\u{1d5}\u{1d7}\u{1d9}\u{1db}\u{1de}\u{1e0}\u{1e2}\u{1e4}\u{1e6}\u{1e8}\u{1ea}\u{1ec}\u{1ee}\u{1f1}\u{1f4}\u{1f6}-\u{1f8}\u{1fa}\u{1fc}\u{1fe}\u{200}\u{202}\u{204}\u{206}\u{208}\u{20a}\u{20c}\u{20e}\u{210}\u{212}\u{214}\u{216}\u{218}\u{21a}\u{21c}\u{21e}\u{220}\u{222}\u{224}\u{226}\u{228}\u{22a}\u{22c}\u{22e}\u{230}\u{232}\u{23a}-\u{23b}\u{23d}-\u{23e}\u{241}\u{243}-\u{246}\u{248}\u{24a}\u{24c}\u{24e}][\\--\\.0-9A-Za-z\u{aa}\u{b5}\u{ba}\u{c0}-\u{d6}\u{d8}-\u{f6}\u{f8}-\u{2c1}\u{2c6}-\u{2d1}\u{2e0}-\u{2e4}\u{2ec}\u{2ee}]*(?P<ow>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z\u{c0}-\u{d6}\u{d8}-\u{de}\u{100}\u{102}\u{104}\u{106}\u{108}\u{10a}\u{10c}\u{10e}\u{110}\u{112}\u{114}\u{116}\u{118}\u{11a}\u{11c}\u{11e}\u{120}\u{122}\u{124}\u{126}\u{128}\u{12a}\u{12c}\u{12e}\u{130}\u{132}\u{134}\u{136}\u{139}\u{13b}\u{13d}\u{13f}\u{141}\u{143}\u{145}\u{147}\u{14a}\u{14c}\u{14e}\u{150}\u{152}\u{154}\u{156}\u{158}\u{15a}\u{15c}\u{15e}\u{160}\u{162}\u{164}\u{166}\u{168}\u{16a}\u{16c}\u{16e}\u{170}\u{172}\u{174}\u{176}\u{178}-\u{179}\u{17b}\u{17d}\u{181}-\u{182}\u{184}\u{186}-\u{187}\u{189}-\u{18b}\u{18e}-\u{191}\u{193}-\u{194}\u{196}-\u{198}\u{19c}-\u{19d}\u{19f}-\u{1a0}\u{1a2}\u{1a4}\u{1a6}-\u{1a7}\u{1a9}\u{1ac}\u{1ae}-\u{1af}\u{1b1}-\u{1b3}\u{1b5}\u{1b7}-\u{1b8}\u{1bc}\u{1c4}\u{1c7}\u{1ca}\u{1cd}\u{1cf}\u{1d1}\u{1d3}\u{1d5}\u{1d7}\u{1d9}\u{1db}\u{1de}\u{1e0}\u{1e2}\u{1e4}\u{1e6}\u{1e8}\u{1ea}\u{1ec}\u{1ee}\u{1f1}\u{1f4}\u{1f6}-\u{1f8}\u{1fa}\u{1fc}\u{1fe}\u{200}\u{202}\u{204}\u{206}\u{208}\u{20a}\u{20c}\u{20e}\u{210}\u{212}\u{214}\u{216}\u{218}\u{21a}\u{21c}\u{21e}\u{220}\u{222}\u{224}\u{226}\u{228}\u{22a}\u{22c}\u{22e}\u{230}\u{232}\u{23a}-\u{23b}\u{23d}-\u{23e}\u{241}\u{243}-\u{246}\u{248}\u{24a}\u{24c}\u{24e}][\\--\\.0-9A-Za-z\u{aa}\u{b5}\u{ba}\u{c0}-\u{d6}\u{d8}-\u{f6}\u{f8}-\u{2c1}\u{2c6}-\u{2d1}\u{2e0}-\u{2e4}\u{2ec}\u{2ee}]*)*))\\)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*\\z",
        ),
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
        for (pattern, twin) in LATIN {
            assert_eq!(
                super::super::latin_translation(pattern).as_deref(),
                *twin,
                "{pattern}"
            );
        }
        assert!(TWINS.iter().map(|e| e.0).eq(LATIN.iter().map(|e| e.0)));
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
        let (_, rest) = rest.split_once("];\n").expect("the table's end");
        let (_, tail) = rest.split_once("];\n").expect("the Latin table's end");
        let mut table = String::from("pub(super) static TWINS: &[(&str, &str)] = &[\n");
        for p in &patterns {
            let twin = super::super::translate(p);
            table.push_str(&format!(
                "    (\n        {},\n        {},\n    ),\n",
                literal(p),
                literal(&twin)
            ));
        }
        table.push_str("];\n\n/// `(pattern, Latin twin)` pairs, in the order of [`TWINS`].\n");
        table.push_str("pub(super) static LATIN: &[(&str, Option<&str>)] = &[\n");
        for p in &patterns {
            let twin = super::super::latin_translation(p)
                .map_or("None".to_string(), |t| format!("Some({})", literal(&t)));
            table.push_str(&format!("    ({}, {twin}),\n", literal(p)));
        }
        table.push_str("];\n");
        std::fs::write(path, format!("{head}{table}{tail}")).expect("writing the table");
    }
}
