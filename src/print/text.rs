//! Human-readable output: aligned, one idea per line, every value from an
//! article passed through [`escape`] so that article text cannot drive the
//! terminal.

use std::io::Write;

use super::sanitize::escape;
use crate::model::Article;
use crate::parse::ClassifiedLine;
use crate::report::entities::EntityReport;
use crate::report::summary::CorpusSummary;

fn or_dash(v: Option<&str>) -> String {
    v.map_or_else(|| "-".to_string(), |s| escape(s).into_owned())
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
        let width = s
            .sources
            .iter()
            .map(|c| c.name.chars().count())
            .max()
            .unwrap_or(0);
        for c in &s.sources {
            writeln!(out, "  {:<width$}  {}", escape(&c.name), c.articles)?;
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
        let width = list
            .iter()
            .map(|c| c.name.chars().count())
            .max()
            .unwrap_or(0);
        for c in list {
            writeln!(
                out,
                "  {:<width$}  {:>4} {:<8}  {:>3} {}",
                escape(&c.name),
                c.mentions,
                if c.mentions == 1 {
                    "mention"
                } else {
                    "mentions"
                },
                c.articles,
                if c.articles == 1 {
                    "article"
                } else {
                    "articles"
                },
            )?;
        }
        writeln!(out)?;
    }
    if !s.speakers.is_empty() {
        writeln!(out, "Speakers")?;
        let width = s
            .speakers
            .iter()
            .map(|c| c.name.chars().count())
            .max()
            .unwrap_or(0)
            .max(7);
        writeln!(
            out,
            "  {:<width$}  {:>6}  {:>8}",
            "speaker", "quotes", "articles"
        )?;
        for c in &s.speakers {
            writeln!(
                out,
                "  {:<width$}  {:>6}  {:>8}",
                escape(&c.name),
                c.quotes,
                c.articles
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "Articles")?;
    let id_w = s
        .table
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let src_w = s
        .table
        .iter()
        .map(|r| r.source.as_deref().map_or(1, |x| x.chars().count()))
        .max()
        .unwrap_or(6)
        .max(6);
    writeln!(
        out,
        "  {:<id_w$}  {:<10}  {:<src_w$}  {:>6}  {:>6}  headline",
        "id", "date", "source", "words", "quotes"
    )?;
    for r in &s.table {
        writeln!(
            out,
            "  {:<id_w$}  {:<10}  {:<src_w$}  {:>6}  {:>6}  {}",
            escape(&r.id),
            or_dash(r.date.as_deref()),
            or_dash(r.source.as_deref()),
            r.words,
            r.quotes,
            or_dash(r.headline.as_deref())
        )?;
    }
    if !s.timeline.is_empty() {
        writeln!(out)?;
        writeln!(out, "Timeline")?;
        for e in &s.timeline {
            writeln!(
                out,
                "  {:<23}  {:<16}  {:<16}  {}",
                super::timeline::period(e),
                escape(&e.kind),
                or_dash(e.place.as_deref()),
                escape(&e.articles.join(", "))
            )?;
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
    let width = r
        .entities
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    writeln!(
        out,
        "{:<width$}  {:<12}  {:>8}  {:>8}  aliases; roles",
        "name", "type", "mentions", "articles"
    )?;
    for e in &r.entities {
        let aliases = e.aliases.join(" | ");
        let roles = e.roles.join(" | ");
        writeln!(
            out,
            "{:<width$}  {:<12}  {:>8}  {:>8}  {}{}{}",
            escape(&e.name),
            e.kind.as_str(),
            e.mentions,
            e.articles,
            escape(&aliases),
            if roles.is_empty() { "" } else { "; " },
            escape(&roles)
        )?;
    }
    Ok(())
}
