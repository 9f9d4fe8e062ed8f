//! Renderers of `diff`: text for people (nothing at all when the sides are
//! equal) and Markdown for CI comments. The JSON form is the [`Diff`] record
//! itself. Both renderers list the same rows, built once by [`rows`].

use std::io::Write;

use super::markdown::{cell, code, opt, table_head};
use super::sanitize::escape;
use crate::report::diff::{ArticleChange, ArticleRef, Diff, EventPlace, EventsDiff, SummaryDiff};

/// One line of a diff: what changed, about what, and the two values.
struct Row {
    /// `headline`, `quote re-attributed`, `entity added`, …
    change: String,
    /// The quote, entity or event concerned (empty for plain fields).
    item: String,
    old: Option<String>,
    new: Option<String>,
}

fn row(change: &str, item: String, old: Option<String>, new: Option<String>) -> Row {
    Row {
        change: change.into(),
        item,
        old,
        new,
    }
}

fn quoted(s: &str) -> String {
    format!("“{s}”")
}

fn place(p: &EventPlace) -> String {
    let mut s = match (&p.when, &p.until) {
        (Some(w), Some(u)) if u != w => format!("{w} – {u}"),
        (Some(w), _) => w.clone(),
        (None, _) => "undated".into(),
    };
    s.push_str(", ");
    s.push_str(p.place.as_deref().unwrap_or("no place"));
    s
}

fn event_rows(out: &mut Vec<Row>, prefix: &str, e: &EventsDiff) {
    for m in &e.moved {
        out.push(row(
            &format!("{prefix} moved"),
            format!("{}: {}", m.kind, quoted(&m.what)),
            Some(place(&m.old)),
            Some(place(&m.new)),
        ));
    }
    for (label, list, added) in [("added", &e.added, true), ("removed", &e.removed, false)] {
        for ev in list {
            let p = place(&EventPlace {
                when: ev.when.clone(),
                until: ev.until.clone(),
                place: ev.place.clone(),
            });
            let (old, new) = if added {
                (None, Some(p))
            } else {
                (Some(p), None)
            };
            out.push(row(
                &format!("{prefix} {label}"),
                format!("{}: {}", ev.kind, quoted(&ev.what)),
                old,
                new,
            ));
        }
    }
}

/// The rows of one changed article, in a fixed order: fields, quotes,
/// entities, events, timexes, spans.
fn rows(c: &ArticleChange) -> Vec<Row> {
    let mut out = Vec::new();
    for f in &c.fields {
        out.push(row(&f.field, String::new(), f.old.clone(), f.new.clone()));
    }
    let q = &c.quotes;
    for r in &q.reattributed {
        out.push(row(
            "quote re-attributed",
            quoted(&r.text),
            r.old_speaker.clone(),
            r.new_speaker.clone(),
        ));
    }
    for r in &q.added {
        out.push(row("quote added", quoted(&r.text), None, r.speaker.clone()));
    }
    for r in &q.removed {
        out.push(row(
            "quote removed",
            quoted(&r.text),
            r.speaker.clone(),
            None,
        ));
    }
    let e = &c.entities;
    for r in &e.renamed {
        out.push(row(
            "entity renamed",
            r.kind.clone(),
            Some(r.old.clone()),
            Some(r.new.clone()),
        ));
    }
    for m in &e.merged {
        out.push(row(
            "entities merged",
            m.kind.clone(),
            Some(m.old.join(" + ")),
            Some(m.new.clone()),
        ));
    }
    for r in &e.added {
        out.push(row(
            "entity added",
            r.kind.clone(),
            None,
            Some(r.name.clone()),
        ));
    }
    for r in &e.removed {
        out.push(row(
            "entity removed",
            r.kind.clone(),
            Some(r.name.clone()),
            None,
        ));
    }
    event_rows(&mut out, "event", &c.events);
    for t in &c.timexes.added {
        out.push(row("timex added", quoted(&t.text), None, t.value.clone()));
    }
    for t in &c.timexes.removed {
        out.push(row("timex removed", quoted(&t.text), t.value.clone(), None));
    }
    if c.spans_moved > 0 {
        out.push(row(
            "spans",
            String::new(),
            None,
            Some(format!("{} moved", c.spans_moved)),
        ));
    }
    out
}

fn summary_rows(s: &SummaryDiff) -> Vec<Row> {
    let mut out = Vec::new();
    for f in &s.totals {
        out.push(row(&f.field, String::new(), f.old.clone(), f.new.clone()));
    }
    for c in &s.sources {
        out.push(row(
            "source",
            c.name.clone(),
            c.old.map(|n| plural(n, "article")),
            c.new.map(|n| plural(n, "article")),
        ));
    }
    for (label, list) in [
        ("person", &s.people),
        ("place", &s.places),
        ("organization", &s.organizations),
    ] {
        for e in list {
            let v = |m: &crate::report::diff::MentionCount| {
                format!(
                    "{}, {}",
                    plural(m.mentions, "mention"),
                    plural(m.articles, "article")
                )
            };
            out.push(row(
                &format!("top {label}"),
                e.name.clone(),
                e.old.as_ref().map(v),
                e.new.as_ref().map(v),
            ));
        }
    }
    event_rows(&mut out, "timeline event", &s.timeline);
    for r in &s.timeline_articles {
        out.push(row(
            "timeline event reported by",
            format!("{}: {}", r.kind, quoted(&r.what)),
            Some(r.old.join(", ")),
            Some(r.new.join(", ")),
        ));
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn headline_counts(d: &Diff) -> String {
    format!(
        "{} added, {} removed, {} changed",
        plural(d.articles.added.len(), "article"),
        d.articles.removed.len(),
        d.articles.changed.len()
    )
}

fn side(kind: &str, n: usize) -> String {
    let what = match kind {
        "articles" => "articles report",
        "summary" => "summarize report",
        _ => "corpus",
    };
    format!("{what}, {}", plural(n, "article"))
}

fn text_ref(out: &mut dyn Write, sign: &str, a: &ArticleRef) -> anyhow::Result<()> {
    let mut line = format!("{sign} {}", escape(&a.id));
    for part in [a.date.as_deref(), a.source.as_deref()]
        .into_iter()
        .flatten()
    {
        line.push_str("  ");
        line.push_str(&escape(part));
    }
    if let Some(h) = &a.headline {
        line.push_str("  ");
        line.push_str(&quoted(&escape(h)));
    }
    writeln!(out, "{line}")?;
    Ok(())
}

fn text_rows(out: &mut dyn Write, rows: &[Row]) -> anyhow::Result<()> {
    let width = rows
        .iter()
        .map(|r| r.change.chars().count())
        .max()
        .unwrap_or(0);
    for r in rows {
        let mut line = format!("    {:<width$}  ", r.change);
        if !r.item.is_empty() {
            line.push_str(&escape(&r.item));
            line.push_str("  ");
        }
        let v = |v: &Option<String>| v.as_deref().map_or("-".into(), |s| escape(s).into_owned());
        match (&r.old, &r.new) {
            (Some(_), None) if r.change.ends_with("removed") => line.push_str(&v(&r.old)),
            (None, Some(_)) if r.change.ends_with("added") || r.change == "spans" => {
                line.push_str(&v(&r.new))
            }
            _ => line.push_str(&format!("{} → {}", v(&r.old), v(&r.new))),
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Human-readable diff; prints nothing when the sides are equal.
pub fn text(out: &mut dyn Write, d: &Diff) -> anyhow::Result<()> {
    if d.equal {
        return Ok(());
    }
    writeln!(
        out,
        "--- {}  ({})",
        escape(&d.old.path),
        side(&d.old.kind, d.old.articles)
    )?;
    writeln!(
        out,
        "+++ {}  ({})",
        escape(&d.new.path),
        side(&d.new.kind, d.new.articles)
    )?;
    writeln!(out, "{}", headline_counts(d))?;
    for a in &d.articles.added {
        writeln!(out)?;
        text_ref(out, "+", a)?;
    }
    for a in &d.articles.removed {
        writeln!(out)?;
        text_ref(out, "-", a)?;
    }
    for c in &d.articles.changed {
        writeln!(out)?;
        writeln!(
            out,
            "~ {}  {}",
            escape(&c.id),
            c.headline
                .as_deref()
                .map_or("-".into(), |h| quoted(&escape(h)))
        )?;
        text_rows(out, &rows(c))?;
    }
    if let Some(s) = &d.summary {
        let r = summary_rows(s);
        if !r.is_empty() {
            writeln!(out)?;
            writeln!(out, "~ corpus")?;
            text_rows(out, &r)?;
        }
    }
    Ok(())
}

fn md_refs(out: &mut dyn Write, title: &str, list: &[ArticleRef]) -> anyhow::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    writeln!(out, "### {title}")?;
    writeln!(out)?;
    table_head(out, &["id", "date", "source", "headline"])?;
    for a in list {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            code(&a.id),
            opt(a.date.as_deref()),
            opt(a.source.as_deref()),
            opt(a.headline.as_deref())
        )?;
    }
    writeln!(out)?;
    Ok(())
}

fn md_rows(out: &mut dyn Write, rows: &[Row]) -> anyhow::Result<()> {
    table_head(out, &["change", "item", "old", "new"])?;
    for r in rows {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&r.change),
            if r.item.is_empty() {
                String::new()
            } else {
                cell(&r.item)
            },
            opt(r.old.as_deref()),
            opt(r.new.as_deref())
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// Markdown diff for a pull request comment or a CI job summary.
pub fn markdown(out: &mut dyn Write, d: &Diff) -> anyhow::Result<()> {
    writeln!(out, "## corpus-cli diff")?;
    writeln!(out)?;
    writeln!(
        out,
        "{} ({}) → {} ({})",
        code(&d.old.path),
        side(&d.old.kind, d.old.articles),
        code(&d.new.path),
        side(&d.new.kind, d.new.articles)
    )?;
    writeln!(out)?;
    if !d.ignored.is_empty() {
        writeln!(out, "Ignored: {}.", d.ignored.join(", "))?;
        writeln!(out)?;
    }
    if d.equal {
        writeln!(out, "**No differences.**")?;
        return Ok(());
    }
    writeln!(out, "**{}.**", headline_counts(d))?;
    writeln!(out)?;
    md_refs(out, "Articles added", &d.articles.added)?;
    md_refs(out, "Articles removed", &d.articles.removed)?;
    if !d.articles.changed.is_empty() {
        writeln!(out, "### Articles changed")?;
        writeln!(out)?;
        for c in &d.articles.changed {
            writeln!(out, "#### {} — {}", code(&c.id), opt(c.headline.as_deref()))?;
            writeln!(out)?;
            md_rows(out, &rows(c))?;
        }
    }
    if let Some(s) = &d.summary {
        let r = summary_rows(s);
        if !r.is_empty() {
            writeln!(out, "### Corpus")?;
            writeln!(out)?;
            md_rows(out, &r)?;
        }
    }
    Ok(())
}
