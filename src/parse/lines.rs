//! Line splitting and the rules that recognise a line's role from the line
//! alone: web chrome, bylines, date lines, photo credits, sign-offs.
//!
//! These rules describe the *shape* of boilerplate as web pages print it
//! (a row of language codes, a "Skip to content" link, "17 minutes ago"), not
//! the strings of any particular outlet. Roles that depend on neighbouring
//! lines (headline, caption, heading, teaser) are decided in `parse::mod`.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::model::Span;

/// One line of the input: its trimmed text and where it sits.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// The line without its terminator and surrounding whitespace.
    pub text: &'a str,
    /// Span of `text` in the article.
    pub span: Span,
}

/// Splits `text` into lines (LF or CRLF), trimming whitespace (including
/// no-break spaces) around each line.
pub fn split(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        let s = start + lead;
        lines.push(Line {
            text: trimmed,
            span: Span::new(s, s + trimmed.len()),
        });
        start += raw.len();
    }
    lines
}

/// What a line is, judged from its own text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intrinsic {
    /// Site chrome: navigation, language switchers, share widgets, user names.
    Chrome,
    /// A label after which the article is over (`Related Articles`).
    EndMarker,
    /// A line that only gives the publication date.
    DateLine,
    /// `By …` / `Author: …`.
    Byline,
    /// `Image: …`, `Photo: …`: a photo credit.
    PhotoCredit,
    /// Editors' initials and agency credits closing a wire story
    /// (`rc/dj (AFP, dpa, Reuters, AP)`).
    SignOff,
}

static CHROME: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        // A row of two-letter language codes: "ua en ru", "EN | DE | FR".
        r"^(?i:[a-z]{2})(?:(?:\s*[|/·•]\s*|\s+)(?i:[a-z]{2})){1,8}$",
        // Navigation and account links.
        r"(?i)^(?:\d+\.\s*)?(?:skip to (?:main )?content|skip navigation|main menu|menu|search|home|log ?in|sign ?in|sign up|subscribe(?: now)?|register|close|toggle navigation|back to top(?: button)?|top of page|advertisement|sponsored(?: content)?|print|email|share(?: this(?: article| story)?)?|share on \w+|tweet|follow us.*|copy link|listen to (?:this )?article|print this (?:page|article))$",
        // Comment widgets.
        r"(?i)^(?:your email address will not be published.*|required fields are marked.*|\d+ comments?|comments?|add (?:a )?comment|post a comment|view comments|show comments)$",
        // Relative time stamps, possibly glued to a section label.
        r"(?i)^[\p{L} ]{0,30}\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$",
        r"(?i)^(?:updated|posted|published|last updated)?\s*(?:just now|yesterday|today)$",
        // A bare URL.
        r"^(?:https?://|www\.)\S+$",
        // A section label glued to a topic: "EconomyEurope".
        r"^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$",
        // Reading-time and word-count badges.
        r"(?i)^\d+\s+min(?:ute)?s?\s+read$",
        // Image gallery counters: "1 of 12", "Photo 3/10".
        r"(?i)^(?:photo|image|picture)?\s*\d+\s*(?:of|/)\s*\d+$",
        // Copyright notices.
        r"(?i)^(?:copyright\b|©|\(c\)\s).{0,150}$",
        r"(?i)^.{0,150}\ball rights reserved\.?$",
    ])
    .expect("chrome regexes")
});

static END_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:related(?: articles| stories| news| posts| content| coverage| topics)?|read more|read also|more (?:on this|from|stories|news)(?: \w+)?|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|most (?:read|popular|viewed)|latest news|trending(?: now)?|leave a reply|leave a comment|what to read next|more in \w+|see also|also read|editor'?s picks|top stories)\s*:?$",
    )
    .expect("end marker regex")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[Bb][Yy]|[Ww]ritten by|[Aa]uthor|[Rr]eporter|[Rr]eporting by)\s*:?\s+(?P<who>\S.*)$",
    )
    .expect("byline regex")
});

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:image|photo|photograph|picture|pic|credit|photo credit|image credit|source|foto|video)\s*(?::|by)\s*(?P<who>\S.*)$",
    )
    .expect("photo credit regex")
});

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<initials>[a-z]{1,4}(?:/[a-z]{1,4})+)(?:\s*\((?P<credits>[^()]{1,120})\))?\s*$",
    )
    .expect("sign-off regex")
});

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:date|dated|published|posted|updated|last updated|first published|created)(?: on| at)?\s*:?\s*")
        .expect("date label regex")
});

/// A single lower-case word alone on a line: a CMS user name ("administrator",
/// "admin", "editor") printed under the article.
static LONE_LOWER_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z][a-z0-9_.-]{2,30}$").expect("user regex"));

/// `With reporting by AFP and Reuters`: the agencies that contributed.
static WITH_REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(?i:with\s+(?:additional\s+)?reporting\s+(?:by|from))\s+(?P<credits>[^()]{1,120}?)\)?\.?$")
        .expect("with-reporting regex")
});

/// `Jane Roe in Lisbon contributed to this report.`: a closing credit.
static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^.{3,160}\bcontributed(?: reporting)?(?: to)?(?: this| the)? (?:report|story|article)(?:ing)?\.?$")
        .expect("contributed regex")
});

/// Classifies a non-empty trimmed line from its own text.
pub fn intrinsic(text: &str) -> Option<Intrinsic> {
    if SIGN_OFF.is_match(text) || WITH_REPORTING.is_match(text) || CONTRIBUTED.is_match(text) {
        return Some(Intrinsic::SignOff);
    }
    if END_MARKER.is_match(text) {
        return Some(Intrinsic::EndMarker);
    }
    if is_date_line(text) {
        return Some(Intrinsic::DateLine);
    }
    if CHROME.is_match(text) || LONE_LOWER_WORD.is_match(text) {
        return Some(Intrinsic::Chrome);
    }
    if byline(text).is_some() {
        return Some(Intrinsic::Byline);
    }
    if photo_credit(text).is_some() {
        return Some(Intrinsic::PhotoCredit);
    }
    None
}

/// A line that only states a date (optionally labelled, optionally followed
/// by a time or a short navigation remnant): `date 2022-11-29`,
/// `March 06, 2008`, `Published: 29 Nov. 2022, 10:31`.
pub fn is_date_line(text: &str) -> bool {
    date_line_date(text).is_some()
}

/// The date written on a date line, if `text` is one.
pub fn date_line_date(text: &str) -> Option<super::date::WrittenDate> {
    if text.len() > 120 {
        return None;
    }
    let label = DATE_LABEL.find(text).map_or(0, |m| m.end());
    let rest = &text[label..];
    let (wd, range) = super::date::find_date(rest)?;
    // The date must open the line (after the label), and what follows must
    // not read as a sentence.
    let before = rest[..range.start].trim_matches(|c: char| c.is_whitespace() || c == ',');
    // `16:45, 29 November 2022`: a clock time may come first.
    if !before.is_empty() && !LEADING_TIME.is_match(before) {
        return None;
    }
    wd.year?;
    let mut tail = rest[range.end..].trim();
    // `4:05 PM GMT+1 Updated 3 hours ago`: a time and an update note.
    if let Some(m) = TIME_TAIL.find(tail) {
        tail = tail[m.end()..].trim();
    }
    if UPDATED.is_match(tail) {
        tail = "";
    }
    let tail_words = tail.split_whitespace().count();
    let sentence_like = tail_words > 6 || tail.ends_with('.') && tail_words > 3;
    (!sentence_like).then_some(wd)
}

/// A clock time with its am/pm and time zone, after a date.
static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[,|·•–-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s*\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)\)?)?")
        .expect("time regex")
});

/// A clock time alone (`16:45`, `4:05 pm`), written before a date.
static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z]{2,5})?$").expect("time regex")
});

/// An update note after a date (`Updated 3 hours ago`).
static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[,|·•–-]?\s*(?i:(?:last\s+)?updated|modified)\b.{0,40}$").expect("updated regex")
});

static FOLLOW_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^["“]?Follow (?P<who>\p{Lu}[\p{L}.'’\-]*(?:[\s\u{a0}]\p{Lu}[\p{L}.'’\-]*){1,3})[\s\u{a0}]+(?i:on)[\s\u{a0}]+(?:Twitter|X|Instagram|Facebook|Threads|Bluesky)\b"#)
        .expect("follow regex")
});

/// A wire sign-off naming the reporter: `(Reporting by Jane Doe in Paris;
/// Editing by John Roe)`, with or without the brackets.
static REPORTING_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(?:Reporting|Writing|Reported) by (?P<who>\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){1,3})")
        .expect("reporting-by regex")
});

/// Whether `text` is a wire sign-off naming reporters and editors
/// (`Reporting by …; Editing by …`), which closes the article.
pub fn is_reporting_sign_off(text: &str) -> bool {
    text.len() <= 160 && REPORTING_BY.is_match(text)
}

/// The person named by a byline line (`By Jane Doe`, `Author: Jane Doe`,
/// or the closing `Follow Jane Doe on Twitter @handle`).
pub fn byline(text: &str) -> Option<&str> {
    if text.len() > 160 {
        return None;
    }
    if let Some(c) = FOLLOW_ON
        .captures(text)
        .or_else(|| REPORTING_BY.captures(text))
    {
        return c.name("who").map(|m| m.as_str());
    }
    if text.len() > 120 {
        return None;
    }
    let caps = BYLINE.captures(text)?;
    let who = caps.name("who")?.as_str().trim();
    // "By the way, …" is prose: a byline names someone in capitals.
    let first = who.chars().next()?;
    if !first.is_uppercase()
        || who.split_whitespace().count() > 12
        || who.ends_with('.') && who.len() > 60
    {
        return None;
    }
    Some(who)
}

/// The credited party of a photo credit line (`Image: Jane Roe/Outlet`).
pub fn photo_credit(text: &str) -> Option<&str> {
    if text.len() > 150 {
        return None;
    }
    let caps = PHOTO_CREDIT.captures(text)?;
    let who = caps.name("who")?.as_str().trim();
    who.chars().next().filter(|c| c.is_uppercase())?;
    Some(who)
}

/// The agencies listed in a sign-off line's parentheses, or after `With
/// reporting by`.
pub fn sign_off_credits(text: &str) -> Vec<String> {
    SIGN_OFF
        .captures(text)
        .or_else(|| WITH_REPORTING.captures(text))
        .and_then(|c| c.name("credits"))
        .map(|m| split_list(m.as_str()))
        .unwrap_or_default()
}

/// Splits a credit list on commas, semicolons and "and".
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

warm_up_statics!(
    CHROME,
    END_MARKER,
    BYLINE,
    PHOTO_CREDIT,
    SIGN_OFF,
    DATE_LABEL,
    LONE_LOWER_WORD,
    WITH_REPORTING,
    CONTRIBUTED,
    TIME_TAIL,
    LEADING_TIME,
    UPDATED,
    FOLLOW_ON,
    REPORTING_BY
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_crlf_and_trims() {
        let lines = split("a\r\n  b c \n\nd");
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b c", "", "d"]);
        assert_eq!(lines[1].span, Span::new(5, 8));
    }

    #[test]
    fn recognises_chrome_shapes() {
        for line in [
            "en fr de",
            "EN | DE",
            "1. Skip to content",
            "Back to top button",
            "17 minutes ago",
            "Politics1 hour ago",
            "https://example.org/p/4KD8i",
            "EconomyEurope",
            "webmaster",
            "Your email address will not be published. Required fields are marked *",
        ] {
            assert_eq!(intrinsic(line), Some(Intrinsic::Chrome), "{line}");
        }
        for line in [
            "The minister said so.",
            "Long range weapons",
            "Trade-Policy Council",
        ] {
            assert_eq!(intrinsic(line), None, "{line}");
        }
    }

    #[test]
    fn recognises_date_lines() {
        assert!(is_date_line("date 2022-11-29   1. Skip to content"));
        assert!(is_date_line("March 06, 2008"));
        assert!(is_date_line("Published: 29 Nov. 2022, 10:31 GMT"));
        assert!(!is_date_line(
            "November 29, 2022 was the day the ministers met in the capital."
        ));
        assert!(!is_date_line("Nov 29"));
        assert!(is_date_line("14.03.2024 11:20"));
        assert!(is_date_line("16:45, 29 November 2022"));
        assert!(is_date_line(
            "March 14, 2024 4:05 PM GMT+1 Updated 3 hours ago"
        ));
        assert!(!is_date_line("14.13.2024 was no date"));
    }

    #[test]
    fn with_reporting_lines_credit_agencies() {
        let line = "With reporting by AFP and Reuters";
        assert_eq!(intrinsic(line), Some(Intrinsic::SignOff));
        assert_eq!(sign_off_credits(line), ["AFP", "Reuters"]);
        assert!(is_reporting_sign_off(
            "Reporting by Jane Doe; Editing by John Roe"
        ));
    }

    #[test]
    fn recognises_bylines_credits_and_sign_offs() {
        assert_eq!(byline("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(byline("Author: Jane Doe"), Some("Jane Doe"));
        assert_eq!(byline("By the way, this is prose"), None);
        assert_eq!(
            byline("Follow Jane Doe on Twitter @jdoe."),
            Some("Jane Doe")
        );
        assert_eq!(
            byline("(Reporting by Jane Doe in Paris; Editing by John Roe)"),
            Some("Jane Doe")
        );
        assert_eq!(
            photo_credit("Image: Jane Roe/Outlet"),
            Some("Jane Roe/Outlet")
        );
        assert_eq!(
            sign_off_credits("ab/cd (AFP, dpa, Reuters, AP)"),
            ["AFP", "dpa", "Reuters", "AP"]
        );
        assert_eq!(intrinsic("Related Articles"), Some(Intrinsic::EndMarker));
        assert_eq!(intrinsic("Leave a Reply"), Some(Intrinsic::EndMarker));
    }
}
