//! The twins of the program's patterns, translated ahead (see
//! `twin::translate`): translating a pattern at start-up costs about as
//! much as compiling its twin. A pattern not found here (one changed
//! since, or one not built at warm-up) is translated at run time, so the
//! table only ever saves time; a test checks that every entry is the
//! translation of its pattern.
//!
//! Regenerate it after changing a pattern with
//! `cargo test --lib twin::table::tests::regenerate -- --ignored --exact`,
//! which writes the twins of every pattern the start-up warm-up builds.

#[cfg(test)]
pub(super) static REQUESTED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// `(pattern, twin)` pairs.
pub(super) static TWINS: &[(&str, &str)] = &[
    (
        "(?i)\\b(?:on\\s+the\\s+(?:sidelines|margins?)\\s+of|ahead\\s+of|during|in\\s+the\\s+run-up\\s+to)\\s+(?:the|this|that)\\s+[^,;.]*$",
        "(?-u:\\b)(?:[Oo][Nn][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Ss][Ii][Dd][Ee][Ll][Ii][Nn][Ee][Ss]|[Mm][Aa][Rr][Gg][Ii][Nn][Ss]?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff]|[Aa][Hh][Ee][Aa][Dd][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff]|[Dd][Uu][Rr][Ii][Nn][Gg]|[Ii][Nn][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Rr][Uu][Nn]\\-[Uu][Pp][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Tt][Oo])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Tt][Hh](?:[Ee]|[Ii][Ss]|[Aa][Tt])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[\u{0}-\\+\\-/-:<-\u{10ffff}]*\\z",
    ),
    (
        "(?i)\\ball rights reserved\\.?$",
        "(?-u:\\b)[Aa][Ll][Ll] [Rr][Ii][Gg][Hh][Tt][Ss] [Rr][Ee][Ss][Ee][Rr][Vv][Ee][Dd]\\.?\\z",
    ),
    (
        "(?i)\\bcontributed(?: reporting)?(?: to)?(?: this| the)? (?:report|story|article)(?:ing)?\\.?$",
        "(?-u:\\b)[Cc][Oo][Nn][Tt][Rr][Ii][Bb][Uu][Tt][Ee][Dd](?: [Rr][Ee][Pp][Oo][Rr][Tt][Ii][Nn][Gg])?(?: [Tt][Oo])?(?: [Tt][Hh](?:[Ii][Ss]|[Ee]))? (?:[Rr][Ee][Pp][Oo][Rr][Tt]|[Ss][Tt][Oo][Rr][Yy]|[Aa][Rr][Tt][Ii][Cc][Ll][Ee])(?:[Ii][Nn][Gg])?\\.?\\z",
    ),
    (
        "(?i)^(?:\\d+\\.\\s*)?(?:skip to (?:main )?content|skip navigation|main menu|menu|search|home|log ?in|sign ?in|sign up|subscribe(?: now)?|register|close|toggle navigation|back to top(?: button)?|top of page|advertisement|sponsored(?: content)?|print|email|share(?: this(?: article| story)?)?|share on \\w+|tweet|follow us.*|copy link|listen to (?:this )?article|print this (?:page|article))$",
        "\\A(?:[0-9]+\\.[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*)?(?:[Ss][Kk][Ii][Pp] [Tt][Oo] (?:[Mm][Aa][Ii][Nn] )?[Cc][Oo][Nn][Tt][Ee][Nn][Tt]|[Ss][Kk][Ii][Pp] [Nn][Aa][Vv][Ii][Gg][Aa][Tt][Ii][Oo][Nn]|[Mm][Aa][Ii][Nn] [Mm][Ee][Nn][Uu]|[Mm][Ee][Nn][Uu]|[Ss][Ee][Aa][Rr][Cc][Hh]|[Hh][Oo][Mm][Ee]|[Ll][Oo][Gg] ?[Ii][Nn]|[Ss][Ii][Gg][Nn] ?[Ii][Nn]|[Ss][Ii][Gg][Nn] [Uu][Pp]|[Ss][Uu][Bb][Ss][Cc][Rr][Ii][Bb][Ee](?: [Nn][Oo][Ww])?|[Rr][Ee][Gg][Ii][Ss][Tt][Ee][Rr]|[Cc][Ll][Oo][Ss][Ee]|[Tt][Oo][Gg][Gg][Ll][Ee] [Nn][Aa][Vv][Ii][Gg][Aa][Tt][Ii][Oo][Nn]|[Bb][Aa][Cc][Kk] [Tt][Oo] [Tt][Oo][Pp](?: [Bb][Uu][Tt][Tt][Oo][Nn])?|[Tt][Oo][Pp] [Oo][Ff] [Pp][Aa][Gg][Ee]|[Aa][Dd][Vv][Ee][Rr][Tt][Ii][Ss][Ee][Mm][Ee][Nn][Tt]|[Ss][Pp][Oo][Nn][Ss][Oo][Rr][Ee][Dd](?: [Cc][Oo][Nn][Tt][Ee][Nn][Tt])?|[Pp][Rr][Ii][Nn][Tt]|[Ee][Mm][Aa][Ii][Ll]|[Ss][Hh][Aa][Rr][Ee](?: [Tt][Hh][Ii][Ss](?: (?:[Aa][Rr][Tt][Ii][Cc][Ll][Ee]|[Ss][Tt][Oo][Rr][Yy]))?)?|[Ss][Hh][Aa][Rr][Ee] [Oo][Nn] [0-9A-Z_a-z]+|[Tt][Ww][Ee][Ee][Tt]|[Ff][Oo][Ll][Ll][Oo][Ww] [Uu][Ss][\u{0}-\u{9}\u{b}-\u{10ffff}]*|[Cc][Oo][Pp][Yy] [Ll][Ii][Nn][Kk]|[Ll][Ii][Ss][Tt][Ee][Nn] [Tt][Oo] (?:[Tt][Hh][Ii][Ss] )?[Aa][Rr][Tt][Ii][Cc][Ll][Ee]|[Pp][Rr][Ii][Nn][Tt] [Tt][Hh][Ii][Ss] (?:[Pp][Aa][Gg][Ee]|[Aa][Rr][Tt][Ii][Cc][Ll][Ee]))\\z",
    ),
    (
        "(?i)^(?:copyright\\b|\u{a9}|\\(c\\)\\s)",
        "\\A(?:[Cc][Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt](?-u:\\b)|\u{a9}|\\([Cc]\\)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}])",
    ),
    (
        "(?i)^(?:date|dated|published|posted|updated|last updated|first published|created)(?: on| at)?\\s*:?\\s*",
        "\\A(?:[Dd][Aa][Tt][Ee]|[Dd][Aa][Tt][Ee][Dd]|[Pp][Uu][Bb][Ll][Ii][Ss][Hh][Ee][Dd]|[Pp][Oo][Ss][Tt][Ee][Dd]|[Uu][Pp][Dd][Aa][Tt][Ee][Dd]|[Ll][Aa][Ss][Tt] [Uu][Pp][Dd][Aa][Tt][Ee][Dd]|[Ff][Ii][Rr][Ss][Tt] [Pp][Uu][Bb][Ll][Ii][Ss][Hh][Ee][Dd]|[Cc][Rr][Ee][Aa][Tt][Ee][Dd])(?: (?:[Oo][Nn]|[Aa][Tt]))?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*:?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*",
    ),
    (
        "(?i)^(?:photo|image|picture)?\\s*\\d+\\s*(?:of|/)\\s*\\d+$",
        "\\A(?:[Pp][Hh][Oo][Tt][Oo]|[Ii][Mm][Aa][Gg][Ee]|[Pp][Ii][Cc][Tt][Uu][Rr][Ee])?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[0-9]+[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?:[Oo][Ff]|/)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[0-9]+\\z",
    ),
    (
        "(?i)^(?:related(?: articles| stories| news| posts| content| coverage| topics)?|read more|read also|more (?:on this|from|stories|news)(?: \\w+)?|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|most (?:read|popular|viewed)|latest news|trending(?: now)?|leave a reply|leave a comment|what to read next|more in \\w+|see also|also read|editor'?s picks|top stories)\\s*:?$",
        "\\A(?:[Rr][Ee][Ll][Aa][Tt][Ee][Dd](?: (?:[Aa][Rr][Tt][Ii][Cc][Ll][Ee][Ss]|[Ss][Tt][Oo][Rr][Ii][Ee][Ss]|[Nn][Ee][Ww][Ss]|[Pp][Oo][Ss][Tt][Ss]|[Cc][Oo][Nn][Tt][Ee][Nn][Tt]|[Cc][Oo][Vv][Ee][Rr][Aa][Gg][Ee]|[Tt][Oo][Pp][Ii][Cc][Ss]))?|[Rr][Ee][Aa][Dd] [Mm][Oo][Rr][Ee]|[Rr][Ee][Aa][Dd] [Aa][Ll][Ss][Oo]|[Mm][Oo][Rr][Ee] (?:[Oo][Nn] [Tt][Hh][Ii][Ss]|[Ff][Rr][Oo][Mm]|[Ss][Tt][Oo][Rr][Ii][Ee][Ss]|[Nn][Ee][Ww][Ss])(?: [0-9A-Z_a-z]+)?|[Yy][Oo][Uu] [Mm](?:[Aa][Yy]|[Ii][Gg][Hh][Tt]) [Aa][Ll][Ss][Oo] (?:[Ll][Ii][Kk][Ee]|[Bb][Ee] [Ii][Nn][Tt][Ee][Rr][Ee][Ss][Tt][Ee][Dd] [Ii][Nn])|[Rr][Ee][Cc][Oo][Mm][Mm][Ee][Nn][Dd][Ee][Dd](?: [Ff][Oo][Rr] [Yy][Oo][Uu])?|[Mm][Oo][Ss][Tt] (?:[Rr][Ee][Aa][Dd]|[Pp][Oo][Pp][Uu][Ll][Aa][Rr]|[Vv][Ii][Ee][Ww][Ee][Dd])|[Ll][Aa][Tt][Ee][Ss][Tt] [Nn][Ee][Ww][Ss]|[Tt][Rr][Ee][Nn][Dd][Ii][Nn][Gg](?: [Nn][Oo][Ww])?|[Ll][Ee][Aa][Vv][Ee] [Aa] [Rr][Ee][Pp][Ll][Yy]|[Ll][Ee][Aa][Vv][Ee] [Aa] [Cc][Oo][Mm][Mm][Ee][Nn][Tt]|[Ww][Hh][Aa][Tt] [Tt][Oo] [Rr][Ee][Aa][Dd] [Nn][Ee][Xx][Tt]|[Mm][Oo][Rr][Ee] [Ii][Nn] [0-9A-Z_a-z]+|[Ss][Ee][Ee] [Aa][Ll][Ss][Oo]|[Aa][Ll][Ss][Oo] [Rr][Ee][Aa][Dd]|[Ee][Dd][Ii][Tt][Oo][Rr]'?[Ss] [Pp][Ii][Cc][Kk][Ss]|[Tt][Oo][Pp] [Ss][Tt][Oo][Rr][Ii][Ee][Ss])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*:?\\z",
    ),
    (
        "(?i)^(?:updated|posted|published|last updated)?\\s*(?:just now|yesterday|today)$",
        "\\A(?:[Uu][Pp][Dd][Aa][Tt][Ee][Dd]|[Pp][Oo][Ss][Tt][Ee][Dd]|[Pp][Uu][Bb][Ll][Ii][Ss][Hh][Ee][Dd]|[Ll][Aa][Ss][Tt] [Uu][Pp][Dd][Aa][Tt][Ee][Dd])?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?:[Jj][Uu][Ss][Tt] [Nn][Oo][Ww]|[Yy][Ee][Ss][Tt][Ee][Rr][Dd][Aa][Yy]|[Tt][Oo][Dd][Aa][Yy])\\z",
    ),
    (
        "(?i)^(?:your email address will not be published.*|required fields are marked.*|\\d+ comments?|comments?|add (?:a )?comment|post a comment|view comments|show comments)$",
        "\\A(?:[Yy][Oo][Uu][Rr] [Ee][Mm][Aa][Ii][Ll] [Aa][Dd][Dd][Rr][Ee][Ss][Ss] [Ww][Ii][Ll][Ll] [Nn][Oo][Tt] [Bb][Ee] [Pp][Uu][Bb][Ll][Ii][Ss][Hh][Ee][Dd][\u{0}-\u{9}\u{b}-\u{10ffff}]*|[Rr][Ee][Qq][Uu][Ii][Rr][Ee][Dd] [Ff][Ii][Ee][Ll][Dd][Ss] [Aa][Rr][Ee] [Mm][Aa][Rr][Kk][Ee][Dd][\u{0}-\u{9}\u{b}-\u{10ffff}]*|[0-9]+ [Cc][Oo][Mm][Mm][Ee][Nn][Tt][Ss]?|[Cc][Oo][Mm][Mm][Ee][Nn][Tt][Ss]?|[Aa][Dd][Dd] (?:[Aa] )?[Cc][Oo][Mm][Mm][Ee][Nn][Tt]|[Pp][Oo][Ss][Tt] [Aa] [Cc][Oo][Mm][Mm][Ee][Nn][Tt]|[Vv][Ii][Ee][Ww] [Cc][Oo][Mm][Mm][Ee][Nn][Tt][Ss]|[Ss][Hh][Oo][Ww] [Cc][Oo][Mm][Mm][Ee][Nn][Tt][Ss])\\z",
    ),
    (
        "(?i)^\\d+\\s+min(?:ute)?s?\\s+read$",
        "\\A[0-9]+[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Mm][Ii][Nn](?:[Uu][Tt][Ee])?[Ss]?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Rr][Ee][Aa][Dd]\\z",
    ),
    (
        "(?ix)\\b(?:\u{a}          (?:press|news)\\s+(?:conference|briefing)s? | remarks\\s+to\\s+(?:journalists|reporters|the\\s+press)\u{a}        | summits? | ministerial(?:\\s+meetings?)? | conferences? | talks | negotiations\u{a}        | visits? | visited | dinners? | lunch(?:eon)?s? | banquets?\u{a}        | (?:phone|telephone)\\s+(?:calls?|conversations?) | referendums? | votes? | elections?\u{a}        | attacks? | bombings? | air\\s?strikes? | shelling\u{a}        | meetings? | met | gathered | convened | ceremony | ceremonies | event\u{a}        | same\\s+(?:venue|location|building|hall)\u{a}        )\\b",
        "(?-u:\\b)(?:(?:[Pp][Rr][Ee][Ss][Ss]|[Nn][Ee][Ww][Ss])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Cc][Oo][Nn][Ff][Ee][Rr][Ee][Nn][Cc][Ee]|[Bb][Rr][Ii][Ee][Ff][Ii][Nn][Gg])[Ss]?|[Rr][Ee][Mm][Aa][Rr][Kk][Ss][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Tt][Oo][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Jj][Oo][Uu][Rr][Nn][Aa][Ll][Ii][Ss][Tt][Ss]|[Rr][Ee][Pp][Oo][Rr][Tt][Ee][Rr][Ss]|[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Pp][Rr][Ee][Ss][Ss])|[Ss][Uu][Mm][Mm][Ii][Tt][Ss]?|[Mm][Ii][Nn][Ii][Ss][Tt][Ee][Rr][Ii][Aa][Ll](?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Mm][Ee][Ee][Tt][Ii][Nn][Gg][Ss]?)?|[Cc][Oo][Nn][Ff][Ee][Rr][Ee][Nn][Cc][Ee][Ss]?|[Tt][Aa][Ll][Kk][Ss]|[Nn][Ee][Gg][Oo][Tt][Ii][Aa][Tt][Ii][Oo][Nn][Ss]|[Vv][Ii][Ss][Ii][Tt][Ss]?|[Vv][Ii][Ss][Ii][Tt][Ee][Dd]|[Dd][Ii][Nn][Nn][Ee][Rr][Ss]?|[Ll][Uu][Nn][Cc][Hh](?:[Ee][Oo][Nn])?[Ss]?|[Bb][Aa][Nn][Qq][Uu][Ee][Tt][Ss]?|(?:[Pp][Hh][Oo][Nn][Ee]|[Tt][Ee][Ll][Ee][Pp][Hh][Oo][Nn][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Cc](?:[Aa][Ll][Ll][Ss]?|[Oo][Nn][Vv][Ee][Rr][Ss][Aa][Tt][Ii][Oo][Nn][Ss]?)|[Rr][Ee][Ff][Ee][Rr][Ee][Nn][Dd][Uu][Mm][Ss]?|[Vv][Oo][Tt][Ee][Ss]?|[Ee][Ll][Ee][Cc][Tt][Ii][Oo][Nn][Ss]?|[Aa][Tt][Tt][Aa][Cc][Kk][Ss]?|[Bb][Oo][Mm][Bb][Ii][Nn][Gg][Ss]?|[Aa][Ii][Rr][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]?[Ss][Tt][Rr][Ii][Kk][Ee][Ss]?|[Ss][Hh][Ee][Ll][Ll][Ii][Nn][Gg]|[Mm][Ee][Ee][Tt][Ii][Nn][Gg][Ss]?|[Mm][Ee][Tt]|[Gg][Aa][Tt][Hh][Ee][Rr][Ee][Dd]|[Cc][Oo][Nn][Vv][Ee][Nn][Ee][Dd]|[Cc][Ee][Rr][Ee][Mm][Oo][Nn][Yy]|[Cc][Ee][Rr][Ee][Mm][Oo][Nn][Ii][Ee][Ss]|[Ee][Vv][Ee][Nn][Tt]|[Ss][Aa][Mm][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Vv][Ee][Nn][Uu][Ee]|[Ll][Oo][Cc][Aa][Tt][Ii][Oo][Nn]|[Bb][Uu][Ii][Ll][Dd][Ii][Nn][Gg]|[Hh][Aa][Ll][Ll]))(?-u:\\b)",
    ),
    (
        "(?x)\u{a}        (?P<iso>\\b(?P<iy>\\d{4})-(?P<im>\\d{2})-(?P<id>\\d{2})\\b)\u{a}        | (?P<dotted>\\b(?P<ed>\\d{1,2})\\.(?P<em>\\d{1,2})\\.(?P<ey>\\d{4})\\b)\u{a}        | (?:\\b(?P<wd1>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?),?\\s+)?\\b(?P<m1>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))\\s+(?P<d1>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?P<y1>\\d{4})\\b)?\u{a}        | (?:\\b(?P<wd2>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?),?\\s+)?\\b(?P<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?P<m2>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?\\s+(?P<y2>\\d{4})\\b)?\u{a}        ",
        "(?P<iso>(?-u:\\b)(?P<iy>[0-9]{4})\\-(?P<im>[0-9]{2})\\-(?P<id>[0-9]{2})(?-u:\\b))|(?P<dotted>(?-u:\\b)(?P<ed>[0-9]{1,2})\\.(?P<em>[0-9]{1,2})\\.(?P<ey>[0-9]{4})(?-u:\\b))|(?:(?-u:\\b)(?P<wd1>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?-u:\\b)(?P<m1>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?(?-u:\\b)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<y1>[0-9]{4})(?-u:\\b))?|(?:(?-u:\\b)(?P<wd2>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?-u:\\b)(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:of[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<m2>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<y2>[0-9]{4})(?-u:\\b))?",
    ),
    (
        "(?x)\u{a}    (?P<iso>\\b(?P<isoy>\\d{4})-(?P<isom>\\d{2})-(?P<isod>\\d{2})\\b)\u{a}    | \\b(?:(?P<mdwd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)),?\\s+)?(?P<mdm>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))\\s+(?P<mdd>\\d{1,2})(?:st|nd|rd|th)?\u{a}        (?:\\s*[-\u{2013}\u{2014}]\\s*(?P<mdd2>\\d{1,2})(?:st|nd|rd|th)?)?\\b(?:,?\\s+(?P<mdy>(?:1[89]|20)\\d\\d)\\b)?\u{a}    | \\b(?:(?P<dmwd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)),?\\s+)?(?P<dmd>\\d{1,2})(?:st|nd|rd|th)?\u{a}        (?:\\s*[-\u{2013}\u{2014}]\\s*(?P<dmd2>\\d{1,2})(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(?P<dmm>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?\\s+(?P<dmy>(?:1[89]|20)\\d\\d)\\b)?\u{a}    | \\b(?P<mya>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)),?\\s+(?P<myay>(?:1[89]|20)\\d\\d)\\b\u{a}    | \\b(?:(?P<mymod>(?i:early|late|mid-?|the\\s+(?:end|beginning|start|middle)\\s+of))\\s*)?\u{a}        (?:(?P<myrel>(?i:last|next|this))\\s+)?(?P<mym>(?:January|February|March|April|May|June|July|August|September|October|November|December))\\b(?:,?\\s+(?P<myy>(?:1[89]|20)\\d\\d)\\b)?\u{a}    | \\b(?:the\\s+)?(?P<dec>(?:1[89]|20)\\d0)'?s\\b\u{a}    | \\b(?:(?P<ymod>(?i:fiscal|early|late|mid-?|the\\s+(?:end|beginning|start|middle|first\\s+half|second\\s+half)\\s+of))\\s*)?(?P<year>(?:1[89]|20)\\d\\d)\\b\u{a}    | \\b(?i:the\\s+(?P<pmod>end|beginning|start|middle)\\s+of\\s+(?P<prel>the|this|last|next)\\s+(?P<punit>year|month))\\b\u{a}    | \\b(?:(?P<rmod>(?i:earlier|later|early|late))\\s+)?(?P<rrel>(?i:this|last|next))\\s+(?P<runit>(?i:year|month|week))\\b\u{a}    | \\b(?P<anum>(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\\d{1,3}))\\s+(?P<aunit>(?i:year|month|week|day))s?\\s+(?P<adir>(?i:ago|earlier|later))\\b\u{a}    | \\b(?:(?P<dwmod>(?i:early|late|earlier|later))\\s+)?(?P<dword>(?i:today|tomorrow|yesterday|tonight))\\b\u{a}    | \\b(?:(?P<wrel>(?i:last|next|this|coming))\\s+)?(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:\\s+(?P<wpart>morning|afternoon|evening|night))?\\b\u{a}    ",
        "(?P<iso>(?-u:\\b)(?P<isoy>[0-9]{4})\\-(?P<isom>[0-9]{2})\\-(?P<isod>[0-9]{2})(?-u:\\b))|(?-u:\\b)(?:(?P<mdwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<mdm>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<mdd>[0-9]{1,2})(?:st|nd|rd|th)?(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[\\-\u{2013}-\u{2014}][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<mdd2>[0-9]{1,2})(?:st|nd|rd|th)?)?(?-u:\\b)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<mdy>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b))?|(?-u:\\b)(?:(?P<dmwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dmd>[0-9]{1,2})(?:st|nd|rd|th)?(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[\\-\u{2013}-\u{2014}][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<dmd2>[0-9]{1,2})(?:st|nd|rd|th)?)?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:of[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dmm>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<dmy>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b))?|(?-u:\\b)(?P<mya>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<myay>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b)|(?-u:\\b)(?:(?P<mymod>[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee]|[Mm][Ii][Dd]\\-?|[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn][Nn][Ii][Nn][Gg]|[Ss][Tt][Aa][Rr][Tt]|[Mm][Ii][Dd][Dd][Ll][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*)?(?:(?P<myrel>[Ll][Aa][Ss][Tt]|[Nn][Ee][Xx][Tt]|[Tt][Hh][Ii][Ss])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<mym>January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\\b)(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<myy>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b))?|(?-u:\\b)(?:the[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dec>(?:1[8-9]|20)[0-9]0)'?s(?-u:\\b)|(?-u:\\b)(?:(?P<ymod>[Ff][Ii][Ss][Cc][Aa][Ll]|[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee]|[Mm][Ii][Dd]\\-?|[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn][Nn][Ii][Nn][Gg]|[Ss][Tt][Aa][Rr][Tt]|[Mm][Ii][Dd][Dd][Ll][Ee]|[Ff][Ii][Rr][Ss][Tt][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Hh][Aa][Ll][Ff]|[Ss][Ee][Cc][Oo][Nn][Dd][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Hh][Aa][Ll][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*)?(?P<year>(?:1[8-9]|20)[0-9][0-9])(?-u:\\b)|(?-u:\\b)[Tt][Hh][Ee][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<pmod>[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn][Nn][Ii][Nn][Gg]|[Ss][Tt][Aa][Rr][Tt]|[Mm][Ii][Dd][Dd][Ll][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Ff][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<prel>[Tt][Hh][Ee]|[Tt][Hh][Ii][Ss]|[Ll][Aa][Ss][Tt]|[Nn][Ee][Xx][Tt])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<punit>[Yy][Ee][Aa][Rr]|[Mm][Oo][Nn][Tt][Hh])(?-u:\\b)|(?-u:\\b)(?:(?P<rmod>[Ee][Aa][Rr][Ll][Ii][Ee][Rr]|[Ll][Aa][Tt][Ee][Rr]|[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<rrel>[Tt][Hh][Ii][Ss]|[Ll][Aa][Ss][Tt]|[Nn][Ee][Xx][Tt])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<runit>[Yy][Ee][Aa][Rr]|[Mm][Oo][Nn][Tt][Hh]|[Ww][Ee][Ee][Kk])(?-u:\\b)|(?-u:\\b)(?P<anum>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[0-9]{1,3})[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<aunit>[Yy][Ee][Aa][Rr]|[Mm][Oo][Nn][Tt][Hh]|[Ww][Ee][Ee][Kk]|[Dd][Aa][Yy])s?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<adir>[Aa][Gg][Oo]|[Ee][Aa][Rr][Ll][Ii][Ee][Rr]|[Ll][Aa][Tt][Ee][Rr])(?-u:\\b)|(?-u:\\b)(?:(?P<dwmod>[Ee][Aa][Rr][Ll][Yy]|[Ll][Aa][Tt][Ee]|[Ee][Aa][Rr][Ll][Ii][Ee][Rr]|[Ll][Aa][Tt][Ee][Rr])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<dword>[Tt][Oo][Dd][Aa][Yy]|[Tt][Oo][Mm][Oo][Rr][Rr][Oo][Ww]|[Yy][Ee][Ss][Tt][Ee][Rr][Dd][Aa][Yy]|[Tt][Oo][Nn][Ii][Gg][Hh][Tt])(?-u:\\b)|(?-u:\\b)(?:(?P<wrel>[Ll][Aa][Ss][Tt]|[Nn][Ee][Xx][Tt]|[Tt][Hh][Ii][Ss]|[Cc][Oo][Mm][Ii][Nn][Gg])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<wpart>morning|afternoon|evening|night))?(?-u:\\b)",
    ),
    (
        "[,.][\"\u{201d}\u{2019}]?\\s+according to (?P<agency>(?P<caps>\\p{Lu}\\p{Lu}+)|\\p{Lu}[\\p{Ll}]+ news agency)[.,;]",
        "[,\\.][\"\u{2019}\u{201d}]?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+according to (?P<agency>(?P<caps>[A-Z][A-Z]+)|[A-Z][a-z]+ news agency)[,\\.;]",
    ),
    (
        "\\((?P<person>\\p{Lu}[\\p{L}.'\\-]*(?P<pw>(?:\\s\\p{Lu}[\\p{L}.'\\-]*)*)),\\s*(?P<outlet>\\p{Lu}[\\p{L}\\d.\\-]*(?P<ow>(?:\\s\\p{Lu}[\\p{L}\\d.\\-]*)*))\\)\\s*$",
        "\\((?P<person>[A-Z]['\\--\\.A-Za-z]*(?P<pw>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z]['\\--\\.A-Za-z]*)*)),[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<outlet>[A-Z][\\--\\.0-9A-Za-z]*(?P<ow>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z][\\--\\.0-9A-Za-z]*)*))\\)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*\\z",
    ),
    (
        "\\b(?:an?|the)\\s+(?P<outlet>\\p{Lu}[\\p{L}\\d.\\-]*(?P<w1>(?:\\s\\p{Lu}[\\p{L}\\d.\\-]*)*))\\s+(?:correspondent|reporter|journalist)\\s+reports?\\b|\\b(?:an?|the)\\s+(?:correspondent|reporter|journalist)\\s+(?:of|for|from)\\s+(?P<outlet2>\\p{Lu}[\\p{L}\\d.\\-]*(?P<w2>(?:\\s\\p{Lu}[\\p{L}\\d.\\-]*)*))\\s+reports?\\b|,\\s+(?P<outlet3>\\p{Lu}[\\p{L}\\d\\-]+)\\s+reports\\.",
        "(?-u:\\b)(?:an?|the)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<outlet>[A-Z][\\--\\.0-9A-Za-z]*(?P<w1>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z][\\--\\.0-9A-Za-z]*)*))[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:correspondent|reporter|journalist)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+reports?(?-u:\\b)|(?-u:\\b)(?:an?|the)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:correspondent|reporter|journalist)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:of|for|from)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<outlet2>[A-Z][\\--\\.0-9A-Za-z]*(?P<w2>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z][\\--\\.0-9A-Za-z]*)*))[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+reports?(?-u:\\b)|,[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<outlet3>[A-Z][\\-0-9A-Za-z]+)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+reports\\.",
    ),
    (
        "\\b(?:on\\s+)?(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?),?\\s+(?P<date>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)\\s+\\d{1,2}|\\d{1,2}\\s+(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))\\b",
        "(?-u:\\b)(?:on[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?),?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<date>(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[0-9]{1,2}|[0-9]{1,2}[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?-u:\\b)",
    ),
    (
        "\\b(?:said|says|told|added|adds|stated|asked|wrote|writes|explained|noted|stressed|according to)\\b",
        "(?-u:\\b)(?:said|says|told|added|adds|stated|asked|wrote|writes|explained|noted|stressed|according to)(?-u:\\b)",
    ),
    (
        "\\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b",
        "(?-u:\\b)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\\b)",
    ),
    (
        "\\b\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2}",
        "(?-u:\\b)[A-Z][\\-A-Za-z]*(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[A-Z][\\-A-Za-z]*){0,2}",
    ),
    (
        "^(?:(?P<cplace>\\p{Lu}[\\p{Lu}'\u{2019}.\\-]*(?P<cw>(?:\\s+\\p{Lu}[\\p{Lu}'\u{2019}.\\-]*)*)(?:,\\s*\\p{Lu}(?P<s1>[\\p{L}.]+)(?:\\s\\p{Lu}(?P<s2>[\\p{L}.]+))?)?)(?:[.,]?\\s+(?P<cdate>(?:(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)\\s+\\d{1,2}|\\d{1,2}\\s+(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?\\s+\\d{4})?))?\\s*(?:\\((?P<cagency>[^()]{2,})\\))?|(?P<mplace>\\p{Lu}\\p{Ll}+(?P<mw>(?:[\\s\\-]\\p{Lu}\\p{Ll}+)*))(?:[.,]?\\s+(?P<mdate>(?:(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)\\s+\\d{1,2}|\\d{1,2}\\s+(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?\\s+\\d{4})?))?\\s*\\((?P<magency>[^()]{2,})\\)|(?P<ddate>(?:(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)\\s+\\d{1,2}|\\d{1,2}\\s+(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?\\s+\\d{4})?)\\s*\\((?P<dagency>[^()]{2,})\\))\\s*(?P<dash>--|[-\u{2013}\u{2014}:])\\s*",
        "\\A(?:(?P<cplace>[A-Z]['\\--\\.A-Z\u{2019}]*(?P<cw>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[A-Z]['\\--\\.A-Z\u{2019}]*)*)(?:,[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[A-Z](?P<s1>[\\.A-Za-z]+)(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z](?P<s2>[\\.A-Za-z]+))?)?)(?:[,\\.]?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<cdate>(?:(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[0-9]{1,2}|[0-9]{1,2}[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[0-9]{4})?))?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?:\\((?P<cagency>[\u{0}-'\\*-\u{10ffff}]{2,})\\))?|(?P<mplace>[A-Z][a-z]+(?P<mw>(?:[\u{9}-\u{d} \\-\u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z][a-z]+)*))(?:[,\\.]?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<mdate>(?:(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[0-9]{1,2}|[0-9]{1,2}[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[0-9]{4})?))?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*\\((?P<magency>[\u{0}-'\\*-\u{10ffff}]{2,})\\)|(?P<ddate>(?:(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[0-9]{1,2}|[0-9]{1,2}[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June|Jun\\.?|July|Jul\\.?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?))(?:,?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[0-9]{4})?)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*\\((?P<dagency>[\u{0}-'\\*-\u{10ffff}]{2,})\\))[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<dash>\\-\\-|[\\-:\u{2013}-\u{2014}])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*",
    ),
    (
        "^(?:[Bb][Yy]|[Ww]ritten by|[Aa]uthor|[Rr]eporter|[Rr]eporting by)\\s*:?\\s+(?P<who>\\S.*)$",
        "\\A(?:[Bb][Yy]|[Ww]ritten by|[Aa]uthor|[Rr]eporter|[Rr]eporting by)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*:?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<who>[\u{0}-\u{8}\u{e}-\u{1f}!-\u{84}\u{86}-\u{9f}\u{a1}-\u{167f}\u{1681}-\u{1fff}\u{200b}-\u{2027}\u{202a}-\u{202e}\u{2030}-\u{205e}\u{2060}-\u{2fff}\u{3001}-\u{10ffff}][\u{0}-\u{9}\u{b}-\u{10ffff}]*)\\z",
    ),
    (
        "^(?:https?://|www\\.)\\S+$",
        "\\A(?:https?://|www\\.)[\u{0}-\u{8}\u{e}-\u{1f}!-\u{84}\u{86}-\u{9f}\u{a1}-\u{167f}\u{1681}-\u{1fff}\u{200b}-\u{2027}\u{202a}-\u{202e}\u{2030}-\u{205e}\u{2060}-\u{2fff}\u{3001}-\u{10ffff}]+\\z",
    ),
    (
        "^(?P<initials>[a-z]{1,4}(?:/[a-z]{1,4})+)(?:\\s*\\((?P<credits>[^()]+)\\))?\\s*$",
        "\\A(?P<initials>[a-z]{1,4}(?:/[a-z]{1,4})+)(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*\\((?P<credits>[\u{0}-'\\*-\u{10ffff}]+)\\))?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*\\z",
    ),
    (
        "^(?i:[a-z]{2})(?:(?:\\s*[|/\u{b7}\u{2022}]\\s*|\\s+)(?i:[a-z]{2})){1,8}$",
        "\\A[A-Za-z]{2}(?:(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[/\\|\u{b7}\u{2022}][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*|[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)[A-Za-z]{2}){1,8}\\z",
    ),
    (
        "^(?i:image|photo|photograph|picture|pic|credit|photo credit|image credit|source|foto|video)\\s*(?::|by)\\s*(?P<who>\\S.*)$",
        "\\A(?:[Ii][Mm][Aa][Gg][Ee]|[Pp][Hh][Oo][Tt][Oo]|[Pp][Hh][Oo][Tt][Oo][Gg][Rr][Aa][Pp][Hh]|[Pp][Ii][Cc][Tt][Uu][Rr][Ee]|[Pp][Ii][Cc]|[Cc][Rr][Ee][Dd][Ii][Tt]|[Pp][Hh][Oo][Tt][Oo] [Cc][Rr][Ee][Dd][Ii][Tt]|[Ii][Mm][Aa][Gg][Ee] [Cc][Rr][Ee][Dd][Ii][Tt]|[Ss][Oo][Uu][Rr][Cc][Ee]|[Ff][Oo][Tt][Oo]|[Vv][Ii][Dd][Ee][Oo])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?::|by)[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?P<who>[\u{0}-\u{8}\u{e}-\u{1f}!-\u{84}\u{86}-\u{9f}\u{a1}-\u{167f}\u{1681}-\u{1fff}\u{200b}-\u{2027}\u{202a}-\u{202e}\u{2030}-\u{205e}\u{2060}-\u{2fff}\u{3001}-\u{10ffff}][\u{0}-\u{9}\u{b}-\u{10ffff}]*)\\z",
    ),
    (
        "^[\"\u{201c}]?Follow (?P<who>\\p{Lu}[\\p{L}.'\u{2019}\\-]*(?P<more>(?:[\\s\\u{a0}]\\p{Lu}[\\p{L}.'\u{2019}\\-]*)+))[\\s\\u{a0}]+(?i:on)[\\s\\u{a0}]+(?:Twitter|X|Instagram|Facebook|Threads|Bluesky)\\b",
        "\\A[\"\u{201c}]?Follow (?P<who>[A-Z]['\\--\\.A-Za-z\u{2019}]*(?P<more>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z]['\\--\\.A-Za-z\u{2019}]*)+))[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[Oo][Nn][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:Twitter|X|Instagram|Facebook|Threads|Bluesky)(?-u:\\b)",
    ),
    (
        "^[,|\u{b7}\u{2022}\u{2013}-]?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*(?i:[ap]\\.?m\\.?))?(?:\\s*\\(?(?:[A-Z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?)\\)?)?",
        "\\A[,-\\-\\|\u{b7}\u{2013}\u{2022}]?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?:at[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?[0-9]{1,2}[\\.:][0-9]{2}(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[APap]\\.?[Mm]\\.?)?(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*\\(?[A-Z]{2,5}(?:[\\+\\-][0-9]{1,2}(?::?[0-9]{2})?)?\\)?)?",
    ),
    (
        "^[,|\u{b7}\u{2022}\u{2013}-]?\\s*(?i:(?:last\\s+)?updated|modified)\\b",
        "\\A[,-\\-\\|\u{b7}\u{2013}\u{2022}]?[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*(?:(?:[Ll][Aa][Ss][Tt][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?[Uu][Pp][Dd][Aa][Tt][Ee][Dd]|[Mm][Oo][Dd][Ii][Ff][Ii][Ee][Dd])(?-u:\\b)",
    ),
    (
        "^[a-z][a-z0-9_.-]{2,30}$",
        "\\A[a-z][\\--\\.0-9_a-z]{2,30}\\z",
    ),
    (
        "^\\(?(?:Reporting|Writing|Reported) by (?P<who>\\p{Lu}[\\p{L}.'\u{2019}\\-]*(?P<more>(?:\\s\\p{Lu}[\\p{L}.'\u{2019}\\-]*)+))",
        "\\A\\(?(?:Reporting|Writing|Reported) by (?P<who>[A-Z]['\\--\\.A-Za-z\u{2019}]*(?P<more>(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}][A-Z]['\\--\\.A-Za-z\u{2019}]*)+))",
    ),
    (
        "^\\(?(?i:with\\s+(?:additional\\s+)?reporting\\s+(?:by|from))\\s+(?P<credits>[^()]+?)\\)?\\.?$",
        "\\A\\(?[Ww][Ii][Tt][Hh][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Aa][Dd][Dd][Ii][Tt][Ii][Oo][Nn][Aa][Ll][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+)?[Rr][Ee][Pp][Oo][Rr][Tt][Ii][Nn][Gg][\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?:[Bb][Yy]|[Ff][Rr][Oo][Mm])[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+(?P<credits>[\u{0}-'\\*-\u{10ffff}]+?)\\)?\\.?\\z",
    ),
    (
        "^\\d{1,2}[:.]\\d{2}(?:\\s*(?i:[ap]\\.?m\\.?))?(?:\\s+[A-Z]{2,5})?$",
        "\\A[0-9]{1,2}[\\.:][0-9]{2}(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]*[APap]\\.?[Mm]\\.?)?(?:[\u{9}-\u{d} \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]+[A-Z]{2,5})?\\z",
    ),
    (
        "^\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)+$",
        "\\A[A-Z][a-z]+(?:[A-Z][a-z]+)+\\z",
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

    /// Writes this file anew with the twins of the patterns the warm-up
    /// builds. Run it alone (see the module docs), so that no other test
    /// has built a pattern first.
    #[test]
    #[ignore]
    fn regenerate() {
        let mut tasks = crate::extract::timex::warm_up();
        tasks.extend(crate::extract::events::warm_up());
        tasks.extend(crate::parse::warm_up());
        for task in tasks {
            task();
        }
        let mut patterns = REQUESTED.lock().expect("requested patterns").clone();
        patterns.sort();
        patterns.dedup();
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
