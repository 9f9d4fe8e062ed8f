//! Timeline renderers: text, Mermaid `timeline` blocks and a standalone SVG
//! chart (built by hand: one row per place, one column per distinct date).

use std::fmt::Write as _;
use std::io::Write;

use super::sanitize::escape;
use crate::report::timeline::TimelineEvent;

/// `2022-11-29`, `2022-11-29 – 2022-11-30` or `undated`.
pub fn period(e: &TimelineEvent) -> String {
    match (&e.when, &e.until) {
        (Some(w), Some(u)) if u != w => format!("{w} – {u}"),
        (Some(w), _) => w.clone(),
        (None, _) => "undated".into(),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Human-readable timeline.
pub fn text(out: &mut dyn Write, events: &[TimelineEvent]) -> anyhow::Result<()> {
    if events.is_empty() {
        writeln!(out, "No events found.")?;
        return Ok(());
    }
    for e in events {
        writeln!(
            out,
            "{}  {}  {}",
            period(e),
            escape(&e.kind),
            e.place.as_deref().map_or("-".into(), escape)
        )?;
        writeln!(out, "    what     {}", escape(&e.what))?;
        if !e.participants.is_empty() {
            writeln!(out, "    who      {}", escape(&e.participants.join(", ")))?;
        }
        let sources = if e.sources.is_empty() {
            "-".to_string()
        } else {
            e.sources.join(", ")
        };
        writeln!(out, "    sources  {}", escape(&sources))?;
        writeln!(out, "    articles {}", escape(&e.articles.join(", ")))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Text safe inside a Mermaid timeline entry (`:` separates events, `#`
/// starts entities, line breaks end entries).
fn mermaid_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ':' | ';' => ',',
            '#' | '\n' | '\r' | '\t' | '`' | '<' | '>' | '{' | '}' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One event's label: `meeting in Lisbon (4 articles)`.
pub fn label(e: &TimelineEvent) -> String {
    let mut s = e.kind.clone();
    if let Some(p) = &e.place {
        s.push_str(" in ");
        s.push_str(p);
    }
    s
}

/// A Mermaid `timeline` block, one period per distinct start date.
pub fn mermaid(out: &mut dyn Write, events: &[TimelineEvent]) -> anyhow::Result<()> {
    writeln!(out, "timeline")?;
    writeln!(out, "    title Events reported in the corpus")?;
    let mut i = 0;
    while i < events.len() {
        let p = events[i].when.clone().unwrap_or_else(|| "undated".into());
        let mut line = format!("    {}", mermaid_safe(&p));
        while i < events.len() && events[i].when.as_deref().unwrap_or("undated") == p {
            let e = &events[i];
            let until = e
                .until
                .as_ref()
                .map_or(String::new(), |u| format!(" until {u}"));
            let _ = write!(
                line,
                " : {}{until} ({})",
                mermaid_safe(&label(e)),
                plural(e.articles.len(), "article")
            );
            i += 1;
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn xml(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if c.is_control() => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// Greedy word wrap to `width` characters, at most `lines` lines (the last
/// one ends with `…` when text is cut).
fn wrap(s: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in s.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if out.len() > lines {
        out.truncate(lines);
        let last = &mut out[lines - 1];
        let mut t: String = last.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        *last = t;
    }
    out.into_iter()
        .map(|l| {
            if l.chars().count() > width {
                let mut t: String = l.chars().take(width - 1).collect();
                t.push('…');
                t
            } else {
                l
            }
        })
        .collect()
}

fn kind_color(kind: &str) -> &'static str {
    match kind {
        "summit" => "#d9534f",
        "meeting" | "ministerial" | "talks" => "#2b6cb0",
        "press conference" => "#8e44ad",
        "dinner" => "#d68910",
        "conference" => "#16a085",
        "attack" => "#7b241c",
        "vote" => "#117a65",
        _ => "#5d6d7e",
    }
}

const LEFT: usize = 150;
const COL_W: usize = 200;
const CARD_H: usize = 74;
const TOP: usize = 96;

/// A standalone SVG chart: one row per place (rows ordered by their first
/// event), one column per distinct date in order (columns are not to scale;
/// undated events sit in a last column), one card per event.
pub fn svg(out: &mut dyn Write, events: &[TimelineEvent]) -> anyhow::Result<()> {
    let mut columns: Vec<String> = Vec::new();
    for e in events {
        let c = e.when.clone().unwrap_or_else(|| "undated".into());
        if !columns.contains(&c) {
            columns.push(c);
        }
    }
    let mut rows: Vec<String> = Vec::new();
    for e in events {
        let r = e
            .place
            .clone()
            .unwrap_or_else(|| "(place not stated)".into());
        if !rows.contains(&r) {
            rows.push(r);
        }
    }
    // Cards per (row, column), and each row's height.
    let mut cells: Vec<Vec<Vec<&TimelineEvent>>> =
        vec![vec![Vec::new(); columns.len()]; rows.len()];
    for e in events {
        let r = rows
            .iter()
            .position(|r| {
                Some(r) == e.place.as_ref() || e.place.is_none() && r == "(place not stated)"
            })
            .unwrap_or(0);
        let c = columns
            .iter()
            .position(|c| Some(c) == e.when.as_ref() || e.when.is_none() && c == "undated")
            .unwrap_or(0);
        cells[r][c].push(e);
    }
    let row_h: Vec<usize> = cells
        .iter()
        .map(|r| r.iter().map(Vec::len).max().unwrap_or(1).max(1) * (CARD_H + 8) + 16)
        .collect();
    let width = LEFT + columns.len().max(1) * COL_W + 20;
    let height = TOP + row_h.iter().sum::<usize>() + 40;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif">"#
    );
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>"##
    );
    let articles: std::collections::BTreeSet<&str> = events
        .iter()
        .flat_map(|e| e.articles.iter().map(String::as_str))
        .collect();
    let _ = writeln!(
        s,
        r##"<text x="16" y="28" font-size="18" font-weight="bold" fill="#1a202c">Timeline: {} from {}</text>"##,
        plural(events.len(), "event"),
        plural(articles.len(), "article")
    );
    let _ = writeln!(
        s,
        r##"<text x="16" y="48" font-size="11" fill="#4a5568">One row per place, one column per date (in order, not to scale). Each card: kind, description, number of reporting articles.</text>"##
    );
    let mut band_y = TOP;
    for (ri, h) in row_h.iter().enumerate() {
        if ri % 2 == 0 {
            let _ = writeln!(
                s,
                r##"<rect x="0" y="{band_y}" width="{width}" height="{h}" fill="#f7fafc"/>"##
            );
        }
        band_y += h;
    }
    // Date axis.
    let axis_y = TOP - 14;
    let _ = writeln!(
        s,
        r##"<line x1="{LEFT}" y1="{axis_y}" x2="{}" y2="{axis_y}" stroke="#2d3748" stroke-width="2"/>"##,
        width - 20
    );
    for (i, c) in columns.iter().enumerate() {
        let x = LEFT + i * COL_W + COL_W / 2;
        let _ = writeln!(
            s,
            r##"<circle cx="{x}" cy="{axis_y}" r="5" fill="#2d3748"/><text x="{x}" y="{}" font-size="13" font-weight="bold" text-anchor="middle" fill="#2d3748">{}</text>"##,
            axis_y - 12,
            xml(c)
        );
        let _ = writeln!(
            s,
            r##"<line x1="{x}" y1="{axis_y}" x2="{x}" y2="{}" stroke="#cbd5e0" stroke-dasharray="4 4"/>"##,
            height - 30
        );
    }
    let mut y = TOP;
    for (ri, row) in rows.iter().enumerate() {
        let h = row_h[ri];
        let _ = writeln!(
            s,
            r##"<text x="16" y="{}" font-size="14" font-weight="bold" fill="#1a202c">{}</text>"##,
            y + 28,
            xml(row)
        );
        for (ci, cell) in cells[ri].iter().enumerate() {
            for (k, e) in cell.iter().enumerate() {
                let x = LEFT + ci * COL_W + 8;
                let cy = y + 8 + k * (CARD_H + 8);
                let color = kind_color(&e.kind);
                let _ = writeln!(
                    s,
                    r##"<g><title>{}</title><rect x="{x}" y="{cy}" width="{}" height="{CARD_H}" rx="6" fill="#ffffff" stroke="{color}" stroke-width="2"/><rect x="{x}" y="{cy}" width="6" height="{CARD_H}" rx="3" fill="{color}"/>"##,
                    xml(&format!("{} — {} — {}", period(e), label(e), e.what)),
                    COL_W - 16
                );
                let _ = writeln!(
                    s,
                    r##"<text x="{}" y="{}" font-size="12" font-weight="bold" fill="{color}">{}</text>"##,
                    x + 12,
                    cy + 16,
                    xml(&format!(
                        "{}{}",
                        e.kind,
                        e.until
                            .as_ref()
                            .map_or(String::new(), |u| format!(" → {u}"))
                    ))
                );
                for (li, l) in wrap(&e.what, 28, 2).iter().enumerate() {
                    let _ = writeln!(
                        s,
                        r##"<text x="{}" y="{}" font-size="11" fill="#1a202c">{}</text>"##,
                        x + 12,
                        cy + 33 + li * 14,
                        xml(l)
                    );
                }
                let _ = writeln!(
                    s,
                    r##"<text x="{}" y="{}" font-size="10" fill="#4a5568">{}{}</text></g>"##,
                    x + 12,
                    cy + CARD_H - 8,
                    plural(e.articles.len(), "article"),
                    xml(&if e.sources.is_empty() {
                        String::new()
                    } else {
                        format!(" · {}", first_chars(&e.sources.join(", "), 18))
                    })
                );
            }
        }
        y += h;
    }
    let _ = writeln!(s, "</svg>");
    out.write_all(s.as_bytes())?;
    Ok(())
}

fn first_chars(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(when: Option<&str>, place: Option<&str>, what: &str) -> TimelineEvent {
        TimelineEvent {
            when: when.map(Into::into),
            until: None,
            kind: "meeting".into(),
            what: what.into(),
            place: place.map(Into::into),
            participants: vec![],
            articles: vec!["a".into()],
            sources: vec!["S & T".into()],
            mentions: 1,
        }
    }

    #[test]
    fn mermaid_groups_by_period_and_escapes() {
        let mut out = Vec::new();
        let evs = [
            ev(Some("2022-11-29"), Some("Rome"), "x"),
            ev(Some("2022-11-29"), None, "y: z"),
        ];
        mermaid(&mut out, &evs).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("timeline\n"));
        assert!(
            s.contains("    2022-11-29 : meeting in Rome (1 article) : meeting (1 article)\n"),
            "{s}"
        );
    }

    #[test]
    fn svg_escapes_and_lists_every_event() {
        let mut out = Vec::new();
        let evs = [
            ev(Some("2022-11-29"), Some("Rome"), "a <b> & c"),
            ev(None, None, "d"),
        ];
        svg(&mut out, &evs).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("a &lt;b&gt; &amp; c"));
        assert!(s.contains(">undated<"));
        assert!(s.contains("(place not stated)"));
        assert_eq!(s.matches("<g>").count(), 2);
        assert!(!s.contains("S & T"));
    }

    #[test]
    fn wrap_cuts_with_ellipsis() {
        assert_eq!(wrap("aa bb cc", 5, 1), ["aa b…"]);
        assert_eq!(wrap("aa bb", 5, 2), ["aa bb"]);
    }
}
