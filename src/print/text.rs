//! Human-readable output: aligned, one idea per line, every value from an
//! article passed through [`escape`] so that article text cannot drive the
//! terminal.

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::sanitize::escape;
use crate::model::Article;
use crate::parse::ClassifiedLine;
use crate::report::entities::EntityReport;
use crate::report::summary::CorpusSummary;

fn or_dash(v: Option<&str>) -> Cow<'_, str> {
    v.map_or(Cow::Borrowed("-"), escape)
}

/// One output line of a table, assembled in a buffer kept for the table.
/// `format!`'s `{:<w$}` pads through `Formatter::pad`, which writes the
/// padding a `char` at a time through the `dyn Write` adapter; the summary
/// table has a row per article, so here padding is a slice of spaces.
#[derive(Default)]
struct Line(Vec<u8>);

impl Line {
    fn text(&mut self, s: &str) -> &mut Self {
        self.0.extend_from_slice(s.as_bytes());
        self
    }

    fn spaces(&mut self, mut n: usize) {
        const SPACES: [u8; 32] = [b' '; 32];
        while n > 0 {
            let k = n.min(SPACES.len());
            self.0.extend_from_slice(&SPACES[..k]);
            n -= k;
        }
    }

    /// `s` padded with spaces to `w` terminal columns ([`columns`]); a
    /// wider text is written whole. (`{:<w$}` counts `char`s, which puts
    /// the next column early after a wide or a combining character.)
    fn left(&mut self, s: &str, w: usize) -> &mut Self {
        self.text(s);
        if w > 0 {
            self.spaces(w.saturating_sub(columns(s)));
        }
        self
    }

    /// `{:>w$}` of a count (`w` 0 for `{}`).
    fn right(&mut self, n: usize, w: usize) -> &mut Self {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.spaces(w.saturating_sub(digits.len() - at));
        self.0.extend_from_slice(&digits[at..]);
        self
    }

    /// Ends the line, writes it out and empties the buffer for the next.
    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.0.push(b'\n');
        let r = out.write_all(&self.0);
        self.0.clear();
        r
    }
}

/// The terminal columns that `s` takes, as text already passed through
/// [`escape`] (so no control character but a tab is left in it): a
/// character of the wide East Asian scripts takes two, a combining mark or
/// a zero-width character none (Unicode's widths, `unicode-width`).
fn columns(s: &str) -> usize {
    // Printable ASCII is one column a byte: most names and every id.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        s.len()
    } else {
        s.width()
    }
}

/// The widest of `widths`, at least `min`: the width of a column that
/// [`Line::left`] fills, from the [`escaped_columns`] of its values.
fn column_width(widths: impl Iterator<Item = usize>, min: usize) -> usize {
    widths.fold(min, usize::max)
}

/// The terminal columns of `s` as printed, i.e. escaped.
fn escaped_columns(s: &str) -> usize {
    columns(&escape(s))
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// One article as an indented block of `field  value` lines.
pub fn article(out: &mut dyn Write, a: &Article) -> anyhow::Result<()> {
    writeln!(out, "{}  ({})", escape(&a.id), escape(&a.path))?;
    let dateline = a.dateline.as_ref().map(|d| {
        let mut s = d.place.clone().unwrap_or_default();
        if let Some(date) = &d.date {
            s.push_str(&format!(", {date}"));
        }
        if let Some(agency) = &d.agency {
            s.push_str(&format!(" ({agency})"));
        }
        s
    });
    let credits = (!a.credits.is_empty()).then(|| a.credits.join(", "));
    let rows: [(&str, Option<String>); 6] = [
        ("headline", a.headline.clone()),
        ("dateline", dateline),
        ("date", a.date.clone()),
        ("source", a.source.clone()),
        ("credits", credits),
        ("author", a.author.clone()),
    ];
    for (k, v) in rows {
        writeln!(out, "  {k:<9} {}", or_dash(v.as_deref()))?;
    }
    writeln!(
        out,
        "  {:<9} {} words, {} sentences, {} paragraphs",
        "size", a.counts.words, a.counts.sentences, a.counts.paragraphs
    )?;
    for q in &a.quotes {
        writeln!(
            out,
            "  {:<9} {}: “{}”",
            "quote",
            or_dash(q.speaker.as_deref()),
            escape(&q.text)
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// The corpus summary.
pub fn summary(out: &mut dyn Write, s: &CorpusSummary) -> anyhow::Result<()> {
    let mut line = Line::default();
    writeln!(out, "Corpus")?;
    writeln!(out, "  articles    {}", s.articles)?;
    if s.skipped > 0 {
        writeln!(out, "  skipped     {}", s.skipped)?;
    }
    writeln!(out, "  words       {}", s.words)?;
    writeln!(out, "  sentences   {}", s.sentences)?;
    writeln!(out, "  quotes      {}", s.quotes)?;
    match &s.date_span {
        Some(span) if span.first == span.last => writeln!(out, "  dates       {}", span.first)?,
        Some(span) => writeln!(out, "  dates       {} to {}", span.first, span.last)?,
        None => writeln!(out, "  dates       -")?,
    }
    if s.undated > 0 {
        writeln!(out, "  undated     {}", s.undated)?;
    }
    writeln!(out)?;
    if !s.sources.is_empty() {
        writeln!(out, "Sources")?;
        let width = column_width(s.sources.iter().map(|c| escaped_columns(&c.name)), 0);
        for c in &s.sources {
            line.text("  ")
                .left(&escape(&c.name), width)
                .text("  ")
                .right(c.articles, 0)
                .end(out)?;
        }
        writeln!(out)?;
    }
    for (title, list) in [
        ("People", &s.people),
        ("Places", &s.places),
        ("Organizations", &s.organizations),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "{title}")?;
        let width = column_width(list.iter().map(|c| escaped_columns(&c.name)), 0);
        for c in list {
            line.text("  ")
                .left(&escape(&c.name), width)
                .text("  ")
                .right(c.mentions, 4)
                .text(" ")
                .left(plural(c.mentions, "mention", "mentions"), 8)
                .text("  ")
                .right(c.articles, 3)
                .text(" ")
                .text(plural(c.articles, "article", "articles"))
                .end(out)?;
        }
        writeln!(out)?;
    }
    if !s.speakers.is_empty() {
        writeln!(out, "Speakers")?;
        let width = column_width(
            s.speakers.iter().map(|c| escaped_columns(&c.name)),
            "speaker".len(),
        );
        writeln!(
            out,
            "  {:<width$}  {:>6}  {:>8}",
            "speaker", "quotes", "articles"
        )?;
        for c in &s.speakers {
            line.text("  ")
                .left(&escape(&c.name), width)
                .text("  ")
                .right(c.quotes, 6)
                .text("  ")
                .right(c.articles, 8)
                .end(out)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "Articles")?;
    let id_w = column_width(s.table.iter().map(|r| escaped_columns(&r.id)), "id".len());
    let src_w = column_width(
        (s.table.iter()).map(|r| r.source.as_deref().map_or(1, escaped_columns)),
        "source".len(),
    );
    writeln!(
        out,
        "  {:<id_w$}  {:<10}  {:<src_w$}  {:>6}  {:>6}  headline",
        "id", "date", "source", "words", "quotes"
    )?;
    for r in &s.table {
        line.text("  ")
            .left(&escape(&r.id), id_w)
            .text("  ")
            .left(&or_dash(r.date.as_deref()), 10)
            .text("  ")
            .left(&or_dash(r.source.as_deref()), src_w)
            .text("  ")
            .right(r.words, 6)
            .text("  ")
            .right(r.quotes, 6)
            .text("  ")
            .text(&or_dash(r.headline.as_deref()))
            .end(out)?;
    }
    if !s.timeline.is_empty() {
        writeln!(out)?;
        writeln!(out, "Timeline")?;
        for e in &s.timeline {
            line.text("  ")
                .left(&super::timeline::period(e), 23)
                .text("  ")
                .left(&escape(&e.kind), 16)
                .text("  ")
                .left(&or_dash(e.place.as_deref()), 16)
                .text("  ")
                .text(&escape(&e.articles.join(", ")))
                .end(out)?;
        }
    }
    Ok(())
}

/// One line per quote: article, speaker, cue and the quoted text.
pub fn quote(out: &mut dyn Write, q: &crate::cmd::quotes::QuoteRecord) -> anyhow::Result<()> {
    writeln!(
        out,
        "{}  {}  ({})  “{}”",
        escape(q.article),
        or_dash(q.speaker),
        or_dash(q.cue),
        escape(q.text)
    )?;
    Ok(())
}

/// Every line of a file with the role the parser gave it.
pub fn inspect(out: &mut dyn Write, lines: &[ClassifiedLine]) -> anyhow::Result<()> {
    let width = lines.len().to_string().len();
    for l in lines {
        writeln!(
            out,
            "{:>width$}  {:<12}  {}",
            l.line,
            l.role.as_str(),
            escape(&l.text)
        )?;
    }
    Ok(())
}

/// The corpus entities, one per line.
pub fn entities(out: &mut dyn Write, r: &EntityReport) -> anyhow::Result<()> {
    let width = column_width(
        r.entities.iter().map(|e| escaped_columns(&e.name)),
        "name".len(),
    );
    writeln!(
        out,
        "{:<width$}  {:<12}  {:>8}  {:>8}  aliases; roles",
        "name", "type", "mentions", "articles"
    )?;
    let mut line = Line::default();
    for e in &r.entities {
        let aliases = e.aliases.join(" | ");
        let roles = e.roles.join(" | ");
        line.left(&escape(&e.name), width)
            .text("  ")
            .left(e.kind.as_str(), 12)
            .text("  ")
            .right(e.mentions, 8)
            .text("  ")
            .right(e.articles, 8)
            .text("  ")
            .text(&escape(&aliases))
            .text(if roles.is_empty() { "" } else { "; " })
            .text(&escape(&roles))
            .end(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn left(s: &str, w: usize) -> String {
        let mut l = Line::default();
        l.left(s, w);
        String::from_utf8(l.0).unwrap()
    }

    fn right(n: usize, w: usize) -> String {
        let mut l = Line::default();
        l.right(n, w);
        String::from_utf8(l.0).unwrap()
    }

    #[test]
    fn columns_match_format_at_the_edges() {
        for (s, w) in [
            ("", 0),
            ("", 5),
            ("abc", 3),
            ("abc", 2),
            ("é“x”", 6),
            ("\\u{1b}", 4),
        ] {
            assert_eq!(left(s, w), format!("{s:<w$}"), "{s:?} {w}");
        }
        // Terminal columns, where `format!` counts characters.
        assert_eq!(left("北京", 6), "北京  ");
        assert_eq!(left("北京", 3), "北京");
        assert_eq!(left("Zoe\u{301}", 5), "Zoe\u{301}  ");
        assert_eq!(left("a\u{200b}b", 4), "a\u{200b}b  ");
        assert_eq!(left("ab", 70), format!("{:<70}", "ab"));
        for (n, w) in [
            (0, 0),
            (0, 6),
            (9, 1),
            (10, 1),
            (123_456, 6),
            (1_234_567, 6),
        ] {
            assert_eq!(right(n, w), format!("{n:>w$}"));
        }
        assert_eq!(right(usize::MAX, 0), usize::MAX.to_string());
        assert_eq!(right(7, 100), format!("{:>100}", 7));
    }

    #[test]
    fn a_line_ends_in_one_write_and_starts_empty() {
        let mut l = Line::default();
        let mut out = Vec::new();
        l.text("a").right(3, 2).end(&mut out).unwrap();
        l.left("b", 2).end(&mut out).unwrap();
        assert_eq!(out, b"a 3\nb \n");
    }

    proptest! {
        #[test]
        fn columns_match_format(s in "[ -~]{0,12}", w in 0usize..80, n in any::<usize>(), nw in 0usize..24) {
            prop_assert_eq!(left(&s, w), format!("{s:<w$}"));
            prop_assert_eq!(right(n, nw), format!("{n:>nw$}"));
        }

        /// Any text is written whole and padded to `w` columns, by the
        /// crate's measure of the padded line.
        #[test]
        fn left_pads_to_columns(s in "\\PC{0,12}", w in 0usize..40) {
            let l = left(&s, w);
            prop_assert!(l.starts_with(&s) && l[s.len()..].bytes().all(|b| b == b' '));
            prop_assert_eq!(columns(&l), w.max(s.width()));
        }
    }
}
