//! Markdown reports for pull requests and CI job summaries (GitHub-flavoured
//! tables; the timeline as a Mermaid block). Every value from an article goes
//! through [`cell`] (or [`inline`]) so that article text cannot break a table
//! or inject markup.

use std::io::Write;

use super::sanitize::escape;
use super::timeline as tl;
use crate::report::summary::CorpusSummary;
use crate::report::timeline::TimelineEvent;

/// Text safe inside a table cell: terminal-unsafe characters escaped, pipes
/// and markup characters neutralized, one line.
pub fn cell(s: &str) -> String {
    let s = escape(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '`' | '*' | '_' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A value for a cell; `—` when absent.
pub fn opt(v: Option<&str>) -> String {
    v.map_or_else(|| "—".to_string(), cell)
}

/// Text for inline code (ids, paths): backticks removed.
pub fn code(s: &str) -> String {
    format!("`{}`", escape(s).replace('`', "'"))
}

pub fn table_head(out: &mut dyn Write, cols: &[&str]) -> anyhow::Result<()> {
    writeln!(out, "| {} |", cols.join(" | "))?;
    let rule: Vec<String> = cols
        .iter()
        .map(|c| {
            if c.ends_with(':') {
                "---:".to_string()
            } else {
                "---".to_string()
            }
        })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    Ok(())
}

/// The corpus summary as Markdown.
pub fn summary(out: &mut dyn Write, s: &CorpusSummary) -> anyhow::Result<()> {
    writeln!(out, "## Corpus summary")?;
    writeln!(out)?;
    table_head(out, &["total", "value"])?;
    let dates = match &s.date_span {
        Some(d) if d.first == d.last => d.first.clone(),
        Some(d) => format!("{} to {}", d.first, d.last),
        None => "—".into(),
    };
    for (k, v) in [
        ("articles", s.articles.to_string()),
        ("skipped", s.skipped.to_string()),
        ("words", s.words.to_string()),
        ("sentences", s.sentences.to_string()),
        ("quotes", s.quotes.to_string()),
        ("dates", dates),
        ("undated", s.undated.to_string()),
    ] {
        writeln!(out, "| {k} | {v} |")?;
    }
    writeln!(out)?;
    if !s.sources.is_empty() {
        writeln!(out, "### Sources")?;
        writeln!(out)?;
        table_head(out, &["source", "articles"])?;
        for c in &s.sources {
            writeln!(out, "| {} | {} |", cell(&c.name), c.articles)?;
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
        writeln!(out, "### {title}")?;
        writeln!(out)?;
        table_head(out, &["name", "mentions", "articles"])?;
        for c in list {
            writeln!(
                out,
                "| {} | {} | {} |",
                cell(&c.name),
                c.mentions,
                c.articles
            )?;
        }
        writeln!(out)?;
    }
    if !s.speakers.is_empty() {
        writeln!(out, "### Speakers")?;
        writeln!(out)?;
        table_head(out, &["speaker", "quotes", "articles"])?;
        for c in &s.speakers {
            writeln!(out, "| {} | {} | {} |", cell(&c.name), c.quotes, c.articles)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "### Articles")?;
    writeln!(out)?;
    table_head(
        out,
        &["id", "date", "source", "words", "quotes", "headline"],
    )?;
    for r in &s.table {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            code(&r.id),
            opt(r.date.as_deref()),
            opt(r.source.as_deref()),
            r.words,
            r.quotes,
            opt(r.headline.as_deref())
        )?;
    }
    if !s.timeline.is_empty() {
        writeln!(out)?;
        timeline_section(out, &s.timeline, "###")?;
    } else {
        writeln!(out)?;
    }
    Ok(())
}

/// `timeline --format markdown`.
pub fn timeline(out: &mut dyn Write, events: &[TimelineEvent]) -> anyhow::Result<()> {
    if events.is_empty() {
        writeln!(out, "## Timeline")?;
        writeln!(out)?;
        writeln!(out, "No events found.")?;
        return Ok(());
    }
    timeline_section(out, events, "##")
}

/// A timeline heading, the Mermaid block (rendered by GitHub, GitLab and
/// most CI summaries) and a table of the events.
fn timeline_section(
    out: &mut dyn Write,
    events: &[TimelineEvent],
    level: &str,
) -> anyhow::Result<()> {
    writeln!(out, "{level} Timeline")?;
    writeln!(out)?;
    writeln!(out, "```mermaid")?;
    let mut block = Vec::new();
    tl::mermaid(&mut block, events)?;
    out.write_all(&block)?;
    writeln!(out, "```")?;
    writeln!(out)?;
    table_head(
        out,
        &[
            "when", "kind", "where", "what", "who", "sources", "articles",
        ],
    )?;
    for e in events {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&tl::period(e)),
            cell(&e.kind),
            opt(e.place.as_deref()),
            cell(&e.what),
            if e.participants.is_empty() {
                "—".into()
            } else {
                cell(&e.participants.join(", "))
            },
            if e.sources.is_empty() {
                "—".into()
            } else {
                cell(&e.sources.join(", "))
            },
            e.articles
                .iter()
                .map(|a| code(a))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_tables() {
        assert_eq!(cell("a|b\nc <i>"), "a\\|b\\\\nc &lt;i&gt;");
        assert_eq!(opt(None), "—");
    }
}
