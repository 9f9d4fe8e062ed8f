//! The article parser: decoded text in, [`Article`] record out.
//!
//! Parsing happens in three passes over the lines. First each line is judged
//! on its own (`lines::intrinsic`): chrome, bylines, date lines, credits.
//! Then the layout is read: the headline is the first headline-shaped plain
//! line of the head, passing over one-word site names and section labels
//! above it (which become boilerplate); a line just before a photo credit
//! (or one that repeats the headline) is a caption; an end marker or
//! sign-off (also a wire `Reporting by …; Editing by …` line after the body)
//! closes the article and what follows is teaser material. Last the header
//! fields are taken from the lines that carry them. Every decision is kept
//! per line in [`LineRole`] so that `corpus-cli inspect` can show why a line
//! was dropped.

mod chrome;
pub mod date;
pub mod dateline;
mod ignored;
pub mod lines;
mod meta;
mod sentences;
mod words;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::load::Source;
use crate::model::{Article, Counts, Dateline, Paragraph, Span};
use lines::{Intrinsic, Line};

/// What the parser decided a line is.
#[derive(Serialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LineRole {
    Blank,
    Headline,
    /// A line that only states the publication date.
    Date,
    Byline,
    /// The first body paragraph when it opens with a dateline.
    Dateline,
    Body,
    /// A section heading inside the body.
    Heading,
    /// An image caption (or the headline repeated as image text).
    Caption,
    PhotoCredit,
    /// Editors' initials and agency credits closing the article.
    SignOff,
    /// Navigation, language switchers, widgets, user names, time stamps.
    Boilerplate,
    /// Material after the article's end: teasers for other stories.
    Teaser,
}

impl LineRole {
    pub fn as_str(self) -> &'static str {
        match self {
            LineRole::Blank => "blank",
            LineRole::Headline => "headline",
            LineRole::Date => "date",
            LineRole::Byline => "byline",
            LineRole::Dateline => "dateline",
            LineRole::Body => "body",
            LineRole::Heading => "heading",
            LineRole::Caption => "caption",
            LineRole::PhotoCredit => "photo_credit",
            LineRole::SignOff => "sign_off",
            LineRole::Boilerplate => "boilerplate",
            LineRole::Teaser => "teaser",
        }
    }
}

/// One classified line, for `inspect`.
#[derive(Serialize, JsonSchema, Clone, Debug)]
pub struct ClassifiedLine {
    /// 1-based line number.
    pub line: usize,
    pub role: LineRole,
    pub text: String,
    pub span: Span,
}

/// Settings the parser needs from outside the text.
#[derive(Clone, Copy, Debug)]
pub struct ParseOptions {
    /// The day relative and year-less dates are resolved against when the
    /// text itself fixes nothing better.
    pub reference: Date,
    /// Whether each body paragraph keeps a copy of its text
    /// ([`Paragraph::text`]). The parser and the extractors read
    /// paragraphs by their spans; only output that shows the paragraphs
    /// (`articles`, `diff`) needs the copies, and a run that prints
    /// aggregates is spared writing them (a string per paragraph: 4% of
    /// the simulated last-level cache misses of a `summarize` run).
    pub paragraph_texts: bool,
}

/// How many non-blank lines from the top may hold the headline.
const HEAD_WINDOW: usize = 12;
/// A headline longer than this is a paragraph, not a headline.
const MAX_HEADLINE_CHARS: usize = 250;

/// Parses one article. Never fails: missing fields are `None`.
pub fn parse(source: &Source, opts: &ParseOptions) -> Article {
    let mut article = Article::default();
    parse_into(source, opts, &mut article);
    article
}

/// [`parse`] into `article`, an empty record: filled in place, as the
/// record is large and each pass of it by value is a copy.
pub fn parse_into(source: &Source, opts: &ParseOptions, article: &mut Article) {
    // Every line and most searches are asked whether they are
    // ASCII-equivalent: one look at the whole text answers for all.
    crate::twin::with_text(&source.text, || {
        let spare = SPARE.take();
        let lines = lines::split_into(&source.text, crate::spare::keep(spare.lines));
        let mut heads = spare.heads;
        let mut roles = classify(&lines, spare.roles, &mut heads);
        let mut scratch = spare.fill;
        parse_lines(source, opts, &lines, &mut roles, article, &mut scratch);
        SPARE.set(Spare {
            lines: crate::spare::keep(lines),
            heads: crate::spare::keep(heads),
            roles: crate::spare::keep(roles),
            fill: FillScratch {
                body: crate::spare::keep_string(scratch.body),
                stops: crate::spare::keep(scratch.stops),
            },
        });
    });
}

/// The per-line vectors of a parse, kept by the thread for its next
/// article (see [`crate::spare`]).
#[derive(Default)]
struct Spare {
    lines: Vec<Line<'static>>,
    heads: Vec<Head>,
    roles: Vec<LineRole>,
    fill: FillScratch,
}

/// The buffers [`fill`] writes and reads back within one article.
#[derive(Default)]
struct FillScratch {
    /// The body paragraphs joined, searched by the header patterns: a
    /// kept buffer is written where the last article's was, still in the
    /// cache, instead of into a fresh allocation.
    body: String,
    /// A paragraph's terminators, from its word count to its sentence
    /// count (see [`words_and_sentences`]).
    stops: Vec<u64>,
}

thread_local! {
    static SPARE: std::cell::Cell<Spare> = std::cell::Cell::default();
}

/// A non-blank line: its index and its role judged from its own text.
type Head = (usize, Option<Intrinsic>);

/// Parses one article and returns the role of every line.
pub fn parse_with_lines(source: &Source, opts: &ParseOptions) -> (Article, Vec<ClassifiedLine>) {
    crate::twin::with_text(&source.text, || {
        let lines = lines::split(&source.text);
        let mut roles = classify(&lines, Vec::new(), &mut Vec::new());
        let mut article = Article::default();
        parse_lines(
            source,
            opts,
            &lines,
            &mut roles,
            &mut article,
            &mut FillScratch::default(),
        );
        let classified = lines
            .iter()
            .zip(&roles)
            .enumerate()
            .map(|(i, (l, r))| ClassifiedLine {
                line: i + 1,
                role: *r,
                text: l.text.to_string(),
                span: l.span,
            })
            .collect();
        (article, classified)
    })
}

/// Fills `article`, an empty record, with `source`'s names and from the
/// classified lines, and marks the dateline's line in `roles`.
fn parse_lines(
    source: &Source,
    opts: &ParseOptions,
    lines: &[Line<'_>],
    roles: &mut [LineRole],
    article: &mut Article,
    scratch: &mut FillScratch,
) {
    article.id.clone_from(&source.id);
    article.path.clone_from(&source.path);
    fill(article, &source.text, lines, roles, opts, scratch);
    if let Some(d) = &article.dateline
        && let Some(i) = lines.iter().position(|l| l.span.start == d.span.start)
    {
        roles[i] = LineRole::Dateline;
    }
}

/// Decides the role of every line, in `roles` (emptied first); `heads`
/// is scratch space.
fn classify(lines: &[Line<'_>], mut roles: Vec<LineRole>, heads: &mut Vec<Head>) -> Vec<LineRole> {
    roles.clear();
    roles.resize(lines.len(), LineRole::Blank);
    heads.clear();
    heads.extend(
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.text.is_empty())
            .map(|(i, l)| (i, lines::intrinsic(l.text))),
    );
    let heads = &heads[..];

    let chosen = choose_headline(lines, heads);

    // The article ends at the first end marker or sign-off after the start
    // of the body; the rest of the page is teasers and chrome.
    let mut ended = false;
    let mut headline: Option<usize> = None;
    let mut seen_body = false;
    for (k, &(i, intrinsic)) in heads.iter().enumerate() {
        let text = lines[i].text;
        if ended {
            roles[i] = LineRole::Teaser;
            continue;
        }
        let next = heads.get(k + 1).and_then(|h| h.1);
        roles[i] = match intrinsic {
            Some(Intrinsic::Chrome) => LineRole::Boilerplate,
            Some(Intrinsic::EndMarker) => {
                if seen_body {
                    ended = true;
                }
                LineRole::Boilerplate
            }
            Some(Intrinsic::SignOff) => {
                ended = seen_body;
                LineRole::SignOff
            }
            Some(Intrinsic::DateLine) => LineRole::Date,
            Some(Intrinsic::Byline) => {
                // A wire sign-off after the body closes the article.
                ended = seen_body && lines::is_reporting_sign_off(text);
                LineRole::Byline
            }
            // `By JANE ROE` / `Associated Press`: the byline's affiliation.
            None if !seen_body
                && k > 0
                && roles[heads[k - 1].0] == LineRole::Byline
                && is_affiliation(text) =>
            {
                LineRole::Byline
            }
            Some(Intrinsic::PhotoCredit) => LineRole::PhotoCredit,
            None => {
                if is_caption(text, next) {
                    LineRole::Caption
                } else if chosen == Some(i) {
                    headline = Some(i);
                    LineRole::Headline
                } else if chosen.is_some_and(|h| i < h) {
                    // Site names and section labels above the headline.
                    LineRole::Boilerplate
                } else if headline.is_some_and(|h| repeats_headline(text, lines[h].text)) {
                    LineRole::Caption
                } else {
                    seen_body = true;
                    LineRole::Body
                }
            }
        };
    }
    mark_headings(lines, &mut roles);
    roles
}

/// Picks the headline among the plain lines above the lead (the first line
/// that reads as prose): the first headline-shaped line, passing over site
/// names and section labels (`World`, `Politics`) unless nothing else comes
/// before the lead.
fn choose_headline(lines: &[Line<'_>], heads: &[Head]) -> Option<usize> {
    let mut label: Option<usize> = None;
    for (k, &(i, intrinsic)) in heads.iter().enumerate().take(HEAD_WINDOW) {
        let text = lines[i].text;
        match intrinsic {
            Some(Intrinsic::EndMarker | Intrinsic::SignOff) => break,
            Some(_) => continue,
            None => {}
        }
        if is_caption(text, heads.get(k + 1).and_then(|h| h.1)) {
            continue;
        }
        let shaped = looks_like_headline(text);
        if is_label(text) {
            if shaped {
                label = label.or(Some(i));
            }
            continue;
        }
        return shaped.then_some(i).or(label);
    }
    label
}

/// A line just before a photo credit that does not read as prose: the
/// picture's caption.
fn is_caption(text: &str, next: Option<Intrinsic>) -> bool {
    next == Some(Intrinsic::PhotoCredit) && !ends_like_prose(text)
}

/// An outlet named on its own line under a byline: two to four
/// capitalized words, no digits, no punctuation but `&`, `.` and `-`.
fn is_affiliation(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || w.eq_ignore_ascii_case("of") || *w == "&"
        })
        && text
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '&' | '.' | '-'))
}

/// A site name or section label: one word without sentence punctuation
/// (`World`, `Politics`, the outlet's own name).
fn is_label(text: &str) -> bool {
    // One word: a first and no second (the scan stops at the second).
    let mut words = text.split_whitespace();
    words.next().is_some() && words.next().is_none() && !text.ends_with(['.', '!', '?', ':'])
}

/// A headline is one line of moderate length that does not read as a run of
/// sentences.
fn looks_like_headline(text: &str) -> bool {
    let chars = text.chars().count();
    if !(3..=MAX_HEADLINE_CHARS).contains(&chars) {
        return false;
    }
    // The words are counted only for the short lines that ask.
    if chars < 12 && text.split_whitespace().count() < 2 {
        return false;
    }
    // Headlines may run to two short sentences ("X did Y. Here's why.");
    // longer runs of sentences are prose. A wire dateline opens a body.
    // More than one character: a second one.
    let sentences = sentences::count_where(text, |s| s.trim().chars().nth(1).is_some());
    let two_short = sentences == 2 && chars <= 150;
    let opens_body = dateline::find(text)
        .is_some_and(|d| d.agency.is_some() || d.date.is_some() || d.len >= text.len());
    (sentences <= 1 || two_short) && !opens_body
}

/// Lines that end a sentence the way body prose does.
fn ends_like_prose(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')']);
    // More than twelve words: a thirteenth.
    t.ends_with(['.', '!', '?']) && text.split_whitespace().nth(12).is_some()
}

/// The headline repeated as the image's text, often followed by a caption
/// and a photo credit.
fn repeats_headline(text: &str, headline: &str) -> bool {
    text.len() > headline.len() && text.starts_with(headline)
}

/// Marks short body lines without closing punctuation as section headings.
fn mark_headings(lines: &[Line<'_>], roles: &mut [LineRole]) {
    // The first body line is the lead (or the dateline) however short.
    let Some(lead) = roles.iter().position(|&r| r == LineRole::Body) else {
        return;
    };
    for (line, role) in lines.iter().zip(roles.iter_mut()).skip(lead + 1) {
        if *role == LineRole::Body && is_heading(line.text) {
            *role = LineRole::Heading;
        }
    }
}

fn is_heading(text: &str) -> bool {
    // Body paragraphs are mostly long, and nearly all the others end with
    // sentence punctuation, maybe inside closing quotes: the tests of
    // length and of the last characters go first. A text of more than 360
    // bytes has more than 90 characters (four bytes at most each) without
    // counting them.
    if text.len() > 4 * 90 {
        return false;
    }
    let last = text.chars().next_back().unwrap_or(' ');
    if matches!(last, '.' | ',' | ';' | ':' | '…') {
        return false;
    }
    // A closing quote after sentence punctuation is a quoted sentence.
    let inner = text.trim_end_matches(['"', '”', '’', '\'', '»']);
    if inner.len() != text.len() && inner.ends_with(['.', ',', '!']) {
        return false;
    }
    if text.chars().count() > 90 {
        return false;
    }
    // Counted only up to eleven, which is already more than ten.
    let words = text.split_whitespace().take(11).count();
    if words == 0 || words > 10 {
        return false;
    }
    // A quotation with its attribution ("“Yes,” he said") is prose, however
    // short.
    let quoted = text.contains(['"', '“', '”', '«', '»']);
    !(quoted && meta::has_speech_verb(text))
}

/// Fills the record's fields from the classified lines.
fn fill(
    article: &mut Article,
    text: &str,
    lines: &[Line<'_>],
    roles: &[LineRole],
    opts: &ParseOptions,
    scratch: &mut FillScratch,
) {
    let FillScratch {
        body: body_joined,
        stops,
    } = scratch;
    // Only a date written without its year needs them; most articles have
    // none, and the search goes over the whole text.
    let years = std::cell::LazyCell::new(|| date::mentioned_years(text));
    let mut date_line: Option<Date> = None;
    let mut photo_credits: Vec<&str> = Vec::new();
    let mut captions: Vec<&str> = Vec::new();
    // Body paragraphs; the first may open with a dateline.
    let mut dateline = None;
    let (body, blank) = roles.iter().fold((0, 0), |(body, blank), &r| {
        (
            body + usize::from(r == LineRole::Body),
            blank + usize::from(r == LineRole::Blank),
        )
    });
    article.paragraphs.reserve_exact(body);
    // The lines outside the body, where the entity stage looks for credits
    // (`Article::other_lines`): it need not split the text again.
    let mut other_lines = Vec::with_capacity(roles.len() - body - blank);
    // Lines hold no LF, so the paragraphs of a text without CR hold no
    // line break: one search of the text answers for all of them.
    let no_cr = memchr::memchr(b'\r', text.as_bytes()).is_none();
    let mut counts = Counts::default();
    // The header searches' gates (`meta::gates`) of the body paragraphs.
    let mut gates = 0;
    for (line, role) in lines.iter().zip(roles) {
        if !matches!(role, LineRole::Body | LineRole::Blank) {
            other_lines.push(line.span);
        }
        match role {
            LineRole::Headline => article.headline = Some(line.text.to_string()),
            LineRole::Date if date_line.is_none() => {
                date_line = lines::date_line_date(line.text).and_then(|d| d.full());
            }
            // An affiliation line: the outlet.
            LineRole::Byline if lines::byline(line.text).is_none() => {
                article.source.get_or_insert_with(|| line.text.to_string());
            }
            LineRole::Byline if article.author.is_none() => {
                let (author, source) = meta::split_byline(lines::byline(line.text).unwrap_or(""));
                article.author = author;
                if article.source.is_none() {
                    article.source = source;
                }
            }
            LineRole::PhotoCredit => photo_credits.extend(lines::photo_credit(line.text)),
            LineRole::Caption => captions.push(line.text),
            LineRole::SignOff => {
                for c in lines::sign_off_credits(line.text) {
                    push_unique(&mut article.credits, c);
                }
            }
            LineRole::Body => {
                if article.paragraphs.is_empty()
                    && let Some(raw) = dateline::find(line.text)
                {
                    dateline = Some((raw, line.span));
                }
                add_paragraph(line.text, &mut counts, no_cr, stops, &mut gates);
                article.paragraphs.push(Paragraph {
                    text: if opts.paragraph_texts {
                        line.text.to_string()
                    } else {
                        String::new()
                    },
                    span: line.span,
                });
            }
            LineRole::Heading => article.headings.push(line.text.to_string()),
            _ => {}
        }
    }
    article.other_lines = Some(other_lines);
    counts.paragraphs = article.paragraphs.len();

    let body = lazy_body(text, &article.paragraphs, body_joined);
    let holding = |gate: u8| body.holding(gates & gate != 0);
    if let Some((raw, span)) = dateline {
        let date = raw.date.and_then(|d| {
            d.full().or_else(|| {
                // Only a dateline's date without its year needs it.
                let wd = meta::first_weekday(body.joined())?;
                let y = date::year_for_weekday(d.month, d.day, wd, opts.reference, &years)?;
                Date::new(y, d.month, d.day).ok()
            })
        });
        let raw_text = text[span.start..span.start + raw.len]
            .trim_end()
            .to_string();
        article.dateline = Some(Dateline {
            place: raw.place,
            date: date.map(date::iso),
            agency: raw.agency.clone(),
            span: Span::new(span.start, span.start + raw_text.len()),
            raw: raw_text,
        });
        if let Some(agency) = raw.agency {
            article.source = Some(agency);
        }
    }

    article.date = date_line
        .or_else(|| {
            article
                .dateline
                .as_ref()
                .and_then(|d| d.date.as_deref())
                .and_then(|d| d.parse().ok())
        })
        .or_else(|| meta::body_date(holding(meta::MAY_DATE)?, opts.reference, || years.clone()))
        .map(date::iso);

    if article.source.is_none() {
        article.source = holding(meta::MAY_NAME)
            .and_then(meta::correspondent_source)
            .or_else(|| photo_credits.iter().find_map(|c| meta::credit_outlet(c)))
            .or_else(|| captions.iter().find_map(|c| meta::caption_outlet(c)));
    }
    if let Some(body) = holding(meta::MAY_CREDIT) {
        for c in meta::according_to_agencies(body) {
            if article.source.as_deref() != Some(c.as_str()) {
                push_unique(&mut article.credits, c);
            }
        }
    }
    article.counts = counts;
}

/// Adds a body paragraph's words and sentences to `counts`, and its gates
/// of the header searches to `gates`; `no_line_breaks` and `stops` as for
/// [`words_and_sentences`]. Done in the line loop on the line's own text:
/// taken again from the paragraphs' spans afterwards, every slice of the
/// article was checked for character boundaries twice more.
fn add_paragraph(
    text: &str,
    counts: &mut Counts,
    no_line_breaks: bool,
    stops: &mut Vec<u64>,
    gates: &mut u8,
) {
    let (words, sentences) = words_and_sentences(text, no_line_breaks, stops, gates);
    counts.words += words;
    counts.sentences += sentences;
}

/// The body paragraphs as the header searches read them: joined one a
/// line, since their patterns may run across a paragraph's end. Each
/// search finds nothing when its gate (`meta::gates`), found paragraph by
/// paragraph in the word count's pass, is not set: the paragraphs are
/// joined only when it is. Most articles hold none of the words, and are
/// spared the copy (a write of the whole body).
struct Body<'a, F: FnOnce() -> &'a str> {
    joined: std::cell::LazyCell<&'a str, F>,
}

/// The `paragraphs` of `text` as a [`Body`], to be joined into `buffer`
/// (emptied first) when a search needs them.
fn lazy_body<'a>(
    text: &'a str,
    paragraphs: &'a [Paragraph],
    buffer: &'a mut String,
) -> Body<'a, impl FnOnce() -> &'a str> {
    Body {
        joined: std::cell::LazyCell::new(move || join_paragraphs(text, paragraphs, buffer)),
    }
}

impl<'a, F: FnOnce() -> &'a str> Body<'a, F> {
    /// The joined paragraphs.
    fn joined(&self) -> &'a str {
        *self.joined
    }

    /// The joined paragraphs when `gate` (of `meta::gates`) is set,
    /// else `None`.
    fn holding(&self, gate: bool) -> Option<&'a str> {
        gate.then(|| self.joined())
    }
}

/// The `paragraphs` of `text` joined one a line, in `buffer` (emptied
/// first).
fn join_paragraphs<'a>(text: &str, paragraphs: &[Paragraph], buffer: &'a mut String) -> &'a str {
    buffer.clear();
    for (k, p) in paragraphs.iter().enumerate() {
        if k > 0 {
            buffer.push('\n');
        }
        buffer.push_str(p.span.of(text));
    }
    buffer
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// `(words::count(text), sentences::count(text))`, for a `text` that holds
/// no CR or LF when `no_line_breaks` is set; `stops` is scratch space. The
/// word scan decodes every character outside ASCII anyway, and says on the
/// way whether the sentence scan may take its shortcuts for plain text:
/// without it the sentence scan reads the whole text once more to ask, and
/// takes them only on ASCII (three paragraphs in four, not 97 in 100). It
/// also leaves where the terminators are, which the sentence scan would
/// otherwise search for.
fn words_and_sentences(
    text: &str,
    no_line_breaks: bool,
    stops: &mut Vec<u64>,
    gates: &mut u8,
) -> (usize, usize) {
    scanned_words_and_sentences(text, no_line_breaks, stops, gates)
        .unwrap_or_else(|| other_words_and_sentences(text, no_line_breaks, stops))
}

/// [`words_and_sentences`] when the word scan reads the whole text, else
/// `None`.
#[inline(always)]
fn scanned_words_and_sentences(
    text: &str,
    no_line_breaks: bool,
    stops: &mut Vec<u64>,
    gates: &mut u8,
) -> Option<(usize, usize)> {
    let mut plain_chars = true;
    let plain_char = |c| plain_chars &= sentences::plain_char(c);
    let words = words::count_scanning(text, plain_char, stops, gates)?;
    let plain = if plain_chars && !line_breaks(text, no_line_breaks) {
        sentences::Plain::Masks(stops)
    } else {
        sentences::Plain::No
    };
    Some((words, sentences::count_plain(text, plain)))
}

/// [`words_and_sentences`] for text the word scan does not read: without
/// the marks both counts pass over ([`ignored`]) when it holds any, since
/// the scan then reads most such text; else one character at a time.
#[cold]
#[inline(never)]
fn other_words_and_sentences(
    text: &str,
    no_line_breaks: bool,
    stops: &mut Vec<u64>,
) -> (usize, usize) {
    let bare = ignored::without_ignored(text);
    if let Some(bare) = &bare
        && let Some(counts) = scanned_words_and_sentences(bare, no_line_breaks, stops, &mut 0)
    {
        return counts;
    }
    let text = bare.as_deref().unwrap_or(text);
    // Without the word scan's answer, only ASCII is known to be plain, and
    // the terminators are not known.
    let plain = if text.is_ascii() && !line_breaks(text, no_line_breaks) {
        sentences::Plain::Search
    } else {
        sentences::Plain::No
    };
    (
        words::count_other(text),
        sentences::count_plain(text, plain),
    )
}

/// Whether `text` may hold a CR or LF: not when `no_line_breaks` says so.
fn line_breaks(text: &str, no_line_breaks: bool) -> bool {
    !no_line_breaks && !sentences::no_line_breaks(text)
}

/// The parser's compiled regexes, as tasks for `pipeline::warm_up`.
pub(crate) fn warm_up() -> Vec<fn()> {
    chrome::warm_up()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn parse_str(text: &str) -> (Article, Vec<ClassifiedLine>) {
        let source = Source {
            id: "t".into(),
            path: "t.txt".into(),
            text: text.into(),
            ascii: false,
        };
        parse_with_lines(
            &source,
            &ParseOptions {
                reference: date(2026, 11, 23),
                paragraph_texts: true,
            },
        )
    }

    #[test]
    fn empty_and_blank_inputs() {
        for text in ["", "   ", "\n\n\r\n", "\u{a0}"] {
            let (a, _) = parse_str(text);
            assert_eq!(a.headline, None);
            assert!(a.paragraphs.is_empty());
            assert_eq!(a.counts, Counts::default());
        }
    }

    #[test]
    fn headline_dateline_and_body() {
        let (a, lines) = parse_str(
            "Ministers meet in the capital\n\nROME, March 3 (Reuters) - Ministers met on Friday.\n\nThey agreed.\n",
        );
        assert_eq!(a.headline.as_deref(), Some("Ministers meet in the capital"));
        let d = a.dateline.unwrap();
        assert_eq!(d.place.as_deref(), Some("Rome"));
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        // 3 March fell on a Friday in 2023.
        assert_eq!(d.date.as_deref(), Some("2023-03-03"));
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(lines[2].role, LineRole::Dateline);
    }

    /// The kept buffers (the joined body among them) leave nothing of
    /// one article in the next: a long article then short ones parse as
    /// they do with fresh buffers.
    #[test]
    fn kept_buffers_carry_nothing_over() {
        let long = "Markets rally\n\nLISBON, March 3 (Agro-Wire) - Prices rose on Friday.\n\n\
                    Traders said a Zeta-News correspondent reports that traders cheered, according to Agro-Wire.\n\n\
                    More lines follow here today.\n";
        let opts = ParseOptions {
            reference: date(2026, 11, 23),
            paragraph_texts: true,
        };
        for text in [
            long,
            "Short title here\n\nOne line only.\n",
            "",
            long,
            "Title line\n\nA b.",
        ] {
            let source = Source {
                id: "k".into(),
                path: "k".into(),
                text: text.into(),
                ascii: false,
            };
            let kept = serde_json::to_string(&parse(&source, &opts)).unwrap();
            let fresh = serde_json::to_string(&parse_with_lines(&source, &opts).0).unwrap();
            assert_eq!(kept, fresh, "{text:?}");
        }
    }

    /// A CR inside a line breaks a sentence (the article-wide test for
    /// CR must not let the counts take it for plain text), with CRLF
    /// line ends or without.
    #[test]
    fn counts_with_a_carriage_return_inside_a_line() {
        use unicode_segmentation::UnicodeSegmentation;
        for text in [
            "Title of the piece\n\nFirst part\rsecond part of it. And more\n",
            "Title of the piece\r\n\r\nOne line. Two\r\nThree\rfour five\r\n",
        ] {
            let (a, _) = parse_str(text);
            let want = a.paragraphs.iter().fold((0, 0), |(w, s), p| {
                (
                    w + p.text.unicode_words().count(),
                    s + p.text.unicode_sentences().count(),
                )
            });
            assert_eq!((a.counts.words, a.counts.sentences), want, "{text:?}");
        }
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "\u{feff}Title here\r\n\r\nBody “text” é.\r\n";
        let (a, _) = parse_str(text);
        for p in &a.paragraphs {
            assert_eq!(p.span.of(text), p.text);
        }
    }
}

/// A source named `id` holding `text`, and parse options with a fixed
/// reference day, for tests of the parser and of the stages after it.
#[cfg(test)]
pub(crate) fn source_and_opts(
    id: &str,
    text: String,
    paragraph_texts: bool,
) -> (Source, ParseOptions) {
    let source = Source {
        id: id.into(),
        path: id.into(),
        text,
        ascii: false,
    };
    let opts = ParseOptions {
        reference: jiff::civil::date(2026, 11, 23),
        paragraph_texts,
    };
    (source, opts)
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn check(text: String) {
        let (source, opts) = source_and_opts("p", text, true);
        let (a, lines) = parse_with_lines(&source, &opts);
        for p in &a.paragraphs {
            assert!(
                source.text.is_char_boundary(p.span.start)
                    && source.text.is_char_boundary(p.span.end)
            );
            assert_eq!(p.span.of(&source.text), p.text);
        }
        if let Some(d) = &a.dateline {
            assert_eq!(d.span.of(&source.text), d.raw);
        }
        assert_eq!(lines.len(), source.text.split_inclusive('\n').count());
        serde_json::to_string(&a).expect("record serializes");
    }

    #[test]
    fn words_and_sentences_fixed_cases() {
        use unicode_segmentation::UnicodeSegmentation;
        for text in [
            "",
            " ",
            "’",
            "It’s late. “Go,” she said. Mr. Roe’s 1’000 £5.5bn — done…",
            "don’t ’’ a’’b ‘x’ 3½ a․b 1․2",
            "Ab.” Cd. “Ef!” Gh? ‘Ij’ – Kl.\u{a0}Mn",
            "U.S. e.g. Ab.’\u{a0}cd",
            "Zoë’s café. Ab",
            "snake_case’s end. Ab",
            "Ab.\r\nCd. ’Ef",
            "Ab―cd. Ef",
            "Sa\u{303}o Paulo\u{301}. 1\u{2044}2 cup.\u{200e} \u{202a}Ab\u{202c}",
            "\u{303}a.\r\u{301}B\u{345} 2\u{2044}x",
        ] {
            let want = (
                text.unicode_words().count(),
                text.unicode_sentences().count(),
            );
            assert_eq!(
                words_and_sentences(text, false, &mut Vec::new(), &mut 0),
                want,
                "{text:?}"
            );
            if !text.contains(['\r', '\n']) {
                assert_eq!(
                    words_and_sentences(text, true, &mut Vec::new(), &mut 0),
                    want,
                    "{text:?}"
                );
            }
        }
    }

    /// The counts as they were made from the paragraphs' spans after the
    /// line loop: the oracle of [`add_paragraph`].
    fn counts_as_written(text: &str, paragraphs: &[Paragraph], no_line_breaks: bool) -> Counts {
        let mut c = Counts {
            paragraphs: paragraphs.len(),
            ..Counts::default()
        };
        for p in paragraphs {
            let (words, sentences) =
                words_and_sentences(p.span.of(text), no_line_breaks, &mut Vec::new(), &mut 0);
            c.words += words;
            c.sentences += sentences;
        }
        c
    }

    /// The body counted in the line loop, as from the spans; joined on
    /// demand, as from the spans, and searched as if always joined.
    fn joined_and_counted_as_written(text: String) {
        let (source, opts) = source_and_opts("j", text, false);
        let text = &source.text;
        crate::twin::with_text(text, || {
            let lines = lines::split(text);
            let mut roles = classify(&lines, Vec::new(), &mut Vec::new());
            let mut article = Article::default();
            // A used buffer, to be emptied first.
            let mut scratch = FillScratch {
                body: "left over".into(),
                stops: vec![u64::MAX; 3],
            };
            parse_lines(
                &source,
                &opts,
                &lines,
                &mut roles,
                &mut article,
                &mut scratch,
            );
            // Always joined, in a fresh buffer: the oracle of the searches.
            let joined = join_paragraphs(text, &article.paragraphs, &mut String::new()).to_owned();
            searched_as_if_joined(text, &article.paragraphs, &joined, &mut scratch.body);
            let no_cr = !text.contains('\r');
            assert_eq!(
                article.counts,
                counts_as_written(text, &article.paragraphs, no_cr)
            );
            assert_eq!(
                article.counts,
                counts_as_written(text, &article.paragraphs, false)
            );
        });
    }

    /// The header searches through [`Body::holding`], with the gates the
    /// word count leaves, against the same searches of the body always
    /// joined (`joined`, the oracle): each gate is its test of the joined
    /// body, but the correspondent's, which holds it (the test of a
    /// `report` opening a paragraph passes); `buffer` holds anything.
    fn searched_as_if_joined(
        text: &str,
        paragraphs: &[Paragraph],
        joined: &str,
        buffer: &mut String,
    ) {
        let reference = jiff::civil::date(2026, 11, 23);
        let mut gates = 0;
        for p in paragraphs {
            words_and_sentences(p.span.of(text), false, &mut Vec::new(), &mut gates);
        }
        let body = lazy_body(text, paragraphs, buffer);
        let tests = [
            (meta::MAY_DATE, meta::may_date_body as fn(&str) -> bool),
            (meta::MAY_NAME, meta::may_name_correspondent),
            (meta::MAY_CREDIT, meta::may_credit_agency),
        ];
        for (gate, may_match) in tests {
            if gate == meta::MAY_NAME {
                assert!(gates & gate != 0 || !may_match(joined), "{text:?}");
            } else {
                assert_eq!(gates & gate != 0, may_match(joined), "{gate} {text:?}");
            }
            if let Some(held) = body.holding(gates & gate != 0) {
                assert_eq!(held, joined);
            }
        }
        let searched = |gate: u8| body.holding(gates & gate != 0).unwrap_or("");
        assert_eq!(
            meta::body_date(searched(meta::MAY_DATE), reference, Vec::new),
            meta::body_date(joined, reference, Vec::new),
            "{text:?}"
        );
        assert_eq!(
            meta::correspondent_source(searched(meta::MAY_NAME)),
            meta::correspondent_source(joined),
            "{text:?}"
        );
        assert_eq!(
            meta::according_to_agencies(searched(meta::MAY_CREDIT)),
            meta::according_to_agencies(joined),
            "{text:?}"
        );
        assert_eq!(body.joined(), joined);
    }

    /// The header searches' words inside paragraphs, across their joins
    /// and in the lines between them (a heading, a caption).
    #[test]
    fn joined_and_counted_fixed_cases() {
        for text in [
            "",
            "Title here\n\nOne. Two.\n\nThree “four” é.\r\nFive\rsix. Seven\n",
            "Markets rally\n\nLISBON, March 3 (Agro-Wire) - Prices rose on Friday.\n\nMore lines follow here today.\n",
            "Markets rally\n\nPrices rose on Tuesday, March 3 as traders said.\n\nPrices rose,\n\naccording to AFP. A Zeta-News\n\ncorrespondent reports that it is so today.\n",
            "Markets rally\n\nPrices rose on the day as traders said.\n\nToday reports\n\nMore lines, according to AFP.\n\nImage caption here\nPhoto: Jane Roe/AFP\n",
            "Markets rally\n\nA reporter reported it, according to the reporters.\n\nIt was so, according to\n\nAFP. The Zeta-News correspondent\n\nreports it.\n",
            "Markets rally\n\nPrices rose, according to Élan news agency.\n\nIt rose, the Élan reporter reports\n",
        ] {
            joined_and_counted_as_written(text.to_string());
        }
    }

    /// [`is_heading`] as it was written before its cheap tests went first:
    /// its oracle, since the tests are a conjunction and their order must
    /// not change the answer.
    fn is_heading_in_order(text: &str) -> bool {
        if text.len() > 4 * 90 || text.chars().count() > 90 {
            return false;
        }
        let words = text.split_whitespace().count();
        if words == 0 || words > 10 {
            return false;
        }
        let last = text.chars().last().unwrap_or(' ');
        if matches!(last, '.' | ',' | ';' | ':' | '…') {
            return false;
        }
        let inner = text.trim_end_matches(['"', '”', '’', '\'', '»']);
        if inner.len() != text.len() && inner.ends_with(['.', ',', '!']) {
            return false;
        }
        let quoted = text.contains(['"', '“', '”', '«', '»']);
        !(quoted && meta::has_speech_verb(text))
    }

    /// The line tests as they were written before their word and
    /// character counts stopped early: their oracles.
    fn is_label_as_written(text: &str) -> bool {
        text.split_whitespace().count() == 1 && !text.ends_with(['.', '!', '?', ':'])
    }

    fn ends_like_prose_as_written(text: &str) -> bool {
        let t = text.trim_end_matches(['"', '”', '’', '\'', ')']);
        t.ends_with(['.', '!', '?']) && text.split_whitespace().count() > 12
    }

    fn looks_like_headline_as_written(text: &str) -> bool {
        use unicode_segmentation::UnicodeSegmentation;
        let chars = text.chars().count();
        if !(3..=MAX_HEADLINE_CHARS).contains(&chars) {
            return false;
        }
        let words = text.split_whitespace().count();
        if words < 2 && chars < 12 {
            return false;
        }
        let sentences = text
            .unicode_sentences()
            .filter(|s| s.trim().chars().count() > 1)
            .count();
        let two_short = sentences == 2 && chars <= 150;
        let opens_body = dateline::find(text)
            .is_some_and(|d| d.agency.is_some() || d.date.is_some() || d.len >= text.len());
        (sentences <= 1 || two_short) && !opens_body
    }

    /// One line of a scraped article: blank, prose, a dateline, a quote, a
    /// byline, a photo credit, a language switcher, or a stray control or
    /// non-ASCII character.
    fn article_line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[A-Z][a-z]{2,8}( [a-z]{2,8}){2,8}",
            "[A-Z]{3,10}, (Nov|March) [0-9]{1,2} \\(Reuters\\) [-–] [a-z ]{5,40}\\.",
            "“[a-z ,]{0,30}”? ?[a-z ]{0,20}",
            "By [A-Z][a-z]+ [A-Z][a-z]+",
            "(Image|Photo): [A-Z][a-z]+/[A-Z]+",
            "[a-z]{2}/[a-z]{2} \\([A-Z]{2,4}(, [A-Z]{2,4})*\\)",
            "\r|\u{a0}|\u{feff}|é|\t",
        ]
    }

    /// The head-line and heading tests at their word bounds (one word,
    /// ten to thirteen) and character bounds (eleven and twelve).
    #[test]
    fn head_line_tests_at_their_bounds() {
        for n in 0..16 {
            for word in ["a", "Word"] {
                for sep in [" ", "\u{a0}", " \t "] {
                    for end in ["", ".", "!”", ":", "xy."] {
                        let text = format!("{}{end}", vec![word; n].join(sep));
                        assert_eq!(is_label(&text), is_label_as_written(&text), "{text:?}");
                        assert_eq!(
                            ends_like_prose(&text),
                            ends_like_prose_as_written(&text),
                            "{text:?}"
                        );
                        assert_eq!(
                            looks_like_headline(&text),
                            looks_like_headline_as_written(&text),
                            "{text:?}"
                        );
                        assert_eq!(is_heading(&text), is_heading_in_order(&text), "{text:?}");
                    }
                }
            }
        }
    }

    proptest! {
        /// The head-line tests against their written forms, on lines of
        /// words, spaces, sentence marks and single letters around the
        /// word and character bounds, and on any text.
        #[test]
        fn head_line_tests_as_written(
            parts in proptest::collection::vec(
                prop_oneof![
                    4 => "[A-Za-z]{1,8}",
                    4 => Just(" ".to_string()),
                    2 => "[.!?:\"”’')\u{a0}\t]",
                    1 => "[A-Z]{3,8}, [A-Z][a-z]+ [0-9]{1,2} \\(Reuters\\) - ",
                    1 => any::<char>().prop_map(String::from),
                ],
                0..40,
            ),
            any_text in any::<String>(),
        ) {
            for text in [parts.concat(), any_text] {
                prop_assert_eq!(is_label(&text), is_label_as_written(&text), "{:?}", text);
                prop_assert_eq!(ends_like_prose(&text), ends_like_prose_as_written(&text), "{:?}", text);
                prop_assert_eq!(looks_like_headline(&text), looks_like_headline_as_written(&text), "{:?}", text);
            }
        }

        #[test]
        fn any_text_parses_with_valid_spans(text in any::<String>()) {
            check(text);
        }

        #[test]
        fn joined_and_counted_in_the_line_loop(
            lines in proptest::collection::vec(
                prop_oneof![
                    article_line(),
                    // Prose with sentence ends inside and at the end.
                    "[A-Z][a-z]{2,8}( [a-z’.!?“”]{1,8}){2,12}[.!?]?",
                    // The header searches' words, at a line's ends too.
                    "(according to [A-Z]{2,5}[.,]|[a-z]+ today[.,]?|on Tuesday, March [0-9]|(the|a) [A-Z][a-z]+ correspondent|reports?\\.?|, [A-Z][a-z]+ reports\\.)( [a-z]+[.,]?){0,3}",
                    any::<String>(),
                ],
                0..20,
            )
        ) {
            joined_and_counted_as_written(lines.join("\n"));
        }

        /// The fused counts against the two counters, and those against
        /// the crate, on prose: curly quotes and apostrophes next to
        /// letters and digits, terminators, abbreviations, non-ASCII
        /// letters, connectors, line breaks, characters neither counter
        /// knows; and on any text.
        #[test]
        fn words_and_sentences_as_the_two_counters(
            parts in proptest::collection::vec(
                prop_oneof![
                    4 => "[A-Za-z0-9]{1,5}",
                    3 => "[ .,;:!?'\"()-]",
                    3 => "[’‘“”«»\u{a0}–—…£€•½․]",
                    1 => "(e\\.g\\.|U\\.S\\.|Mr\\.|1\\.5|don’t|’90s|[.!?][”’] [A-Z])",
                    1 => "[é_\r\n\u{ad}\u{85}―ש]",
                    1 => "[\u{301}\u{303}\u{345}\u{200e}\u{202a}\u{feff}\u{2044}]",
                    1 => any::<char>().prop_map(String::from),
                ],
                0..40,
            ),
            any_text in any::<String>(),
        ) {
            use unicode_segmentation::UnicodeSegmentation;
            for text in [parts.concat(), any_text] {
                let want = (text.unicode_words().count(), text.unicode_sentences().count());
                let counted =
                    |no_breaks| words_and_sentences(&text, no_breaks, &mut Vec::new(), &mut 0);
                prop_assert_eq!(counted(false), want, "{:?}", text);
                if !text.contains(['\r', '\n']) {
                    prop_assert_eq!(counted(true), want, "{:?}", text);
                }
                prop_assert_eq!((words::count(&text), sentences::count(&text)), want, "{:?}", text);
            }
        }

        /// The heading test against its former order, on short lines of
        /// words, spaces, closing marks and speech verbs, and on any text.
        #[test]
        fn is_heading_as_in_order(
            parts in proptest::collection::vec(
                prop_oneof![
                    4 => "[A-Za-z]{1,8}",
                    3 => Just(" ".to_string()),
                    2 => "[.,;:!?…\"”’'»“«\u{a0}\t]",
                    1 => "(said|says|told|asked)",
                    1 => any::<char>().prop_map(String::from),
                ],
                0..30,
            ),
            any_text in any::<String>(),
        ) {
            for text in [parts.concat(), any_text] {
                prop_assert_eq!(is_heading(&text), is_heading_in_order(&text), "{:?}", text);
            }
        }

        #[test]
        fn article_shaped_text_parses(
            lines in proptest::collection::vec(article_line(), 0..30)
        ) {
            check(lines.join("\n"));
        }
    }
}
