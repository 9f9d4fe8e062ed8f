//! Direct quotations and their speakers (issue #2).
//!
//! Three steps, all linear in the length of the body:
//!
//! 1. [`detect`] pairs quote marks paragraph by paragraph (curly, straight,
//!    guillemets, „…“, ``…'' and single marks where an outlet uses them as
//!    primary marks) and joins quotes that run on into the next paragraph.
//! 2. [`attrib`] reads the words around each quote in its sentence for a cue
//!    (`said`, `according to`, a colon) and the noun phrase that goes with
//!    it ([`np`]), and resolves pronouns, titles and descriptions to people
//!    named in the article ([`names`]).
//! 3. Quotes nobody is reported as saying (scare quotes, titles, terms,
//!    quoted headings) are dropped ([`speech`]).
//!
//! The rules are documented in `docs/quotes.md`.

mod attrib;
mod detect;
mod lex;
mod names;
mod np;
mod speech;
#[cfg(test)]
mod tests;
mod words;

use std::cell::Cell;

use crate::model::{Article, Quote, Span};

thread_local! {
    /// The token buffer of the thread's last article, emptied, for the
    /// next one ([`crate::spare`]).
    static TOKENS: Cell<Vec<words::Tok<'static>>> = const { Cell::new(Vec::new()) };
    /// The quote-mark offsets of the thread's last article, emptied.
    static MARKS: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
    /// The quotes of a paragraph, emptied.
    static RAWS: Cell<Vec<detect::Raw>> = const { Cell::new(Vec::new()) };
    /// The quotes found in the thread's last article, emptied.
    static FOUND: Cell<Vec<attrib::Found>> = const { Cell::new(Vec::new()) };
    /// The paragraphs of the thread's last article and their texts,
    /// emptied.
    static PARAS: Cell<Vec<(&'static str, usize)>> = const { Cell::new(Vec::new()) };
    static TEXTS: Cell<Vec<&'static str>> = const { Cell::new(Vec::new()) };
    /// Where each paragraph's marks end, its quoted ranges, and where its
    /// tokens and stretches start and end, emptied.
    static ENDS: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
    static RANGES: Cell<Vec<(usize, usize)>> = const { Cell::new(Vec::new()) };
    static STARTS: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
    static BOUNDS: Cell<Vec<(usize, usize, usize, usize)>> = const { Cell::new(Vec::new()) };
}

/// Finds the direct quotes in the article body, in order of appearance.
pub fn extract(text: &str, article: &Article) -> Vec<Quote> {
    // The article's working vectors are the thread's last article's,
    // emptied ([`crate::spare`]).
    let mut paras: Vec<(&str, usize)> = crate::spare::keep(PARAS.take());
    paras.extend(
        article
            .paragraphs
            .iter()
            .map(|p| match text.get(p.span.start..p.span.end) {
                Some(s) if s == p.text => (s, p.span.start),
                _ => (p.text.as_str(), p.span.start),
            }),
    );
    let mut texts: Vec<&str> = crate::spare::keep(TEXTS.take());
    texts.extend(paras.iter().map(|(s, _)| *s));
    // The marks of all the paragraphs in one kept buffer, each
    // paragraph's a slice of it.
    let mut flat = MARKS.take();
    let mut ends = crate::spare::keep(ENDS.take());
    for p in &texts {
        detect::marks_into(p, &mut flat);
        ends.push(flat.len());
    }
    let mut from = 0;
    let marks: Vec<&[usize]> = ends
        .iter()
        .map(|&e| &flat[std::mem::replace(&mut from, e)..e])
        .collect();
    let single = detect::single_primary(&texts, &marks);

    let mut found = FOUND.take();
    let mut raws = RAWS.take();
    for (pi, (p, _)) in paras.iter().enumerate() {
        raws.clear();
        let pending = detect::scan(p, marks[pi], single, &mut raws);
        if let Some(open) = pending {
            let reopened = paras
                .get(pi + 1)
                .is_some_and(|(next, _)| detect::starts_with_open(next, single));
            if reopened {
                raws.push(open);
            }
        }
        for (qi, raw) in raws.iter().enumerate() {
            found.push(attrib::Found {
                para: pi,
                index: qi,
                raw: *raw,
            });
        }
    }
    drop(marks);
    MARKS.set(crate::spare::keep(flat));
    RAWS.set(crate::spare::keep(raws));
    ENDS.set(crate::spare::keep(ends));
    TEXTS.set(crate::spare::keep(texts));
    if found.is_empty() {
        // Nothing to attribute: the tokens and names below serve only the
        // quotes found.
        FOUND.set(crate::spare::keep(found));
        PARAS.set(crate::spare::keep(paras));
        return Vec::new();
    }
    // Each paragraph's quoted ranges, a slice of one list: the quotes
    // are in paragraph order.
    let mut ranges = crate::spare::keep(RANGES.take());
    ranges.extend(found.iter().map(|f| (f.raw.open, f.raw.close)));
    let mut quoted: Vec<&[(usize, usize)]> = vec![&[]; paras.len()];
    let mut i = 0;
    while i < found.len() {
        let pi = found[i].para;
        let j = i + found[i..].partition_point(|f| f.para == pi);
        quoted[pi] = &ranges[i..j];
        i = j;
    }
    let mut toks = TOKENS.take();
    let mut starts = crate::spare::keep(STARTS.take());
    let mut bounds = crate::spare::keep(BOUNDS.take());
    for ((p, _), q) in paras.iter().zip(&quoted) {
        let (from, sfrom) = (toks.len(), starts.len());
        if !q.is_empty() {
            words::Outside::tokenize(p, q, &mut toks, &mut starts);
        }
        bounds.push((from, toks.len(), sfrom, starts.len()));
    }
    let outs: Vec<words::Outside> = bounds
        .iter()
        .map(|&(a, b, c, d)| words::Outside::of(&toks[a..b], &starts[c..d]))
        .collect();
    let names = names::Names::collect(&paras, &quoted, &outs, article);
    let attributed = attrib::attribute(&paras, &outs, &found, &names);
    names.recycle();
    drop(outs);
    TOKENS.set(crate::spare::keep(toks));
    FOUND.set(crate::spare::keep(found));
    drop(quoted);
    RANGES.set(crate::spare::keep(ranges));
    STARTS.set(crate::spare::keep(starts));
    BOUNDS.set(crate::spare::keep(bounds));
    let quotes: Vec<Quote> = attributed
        .into_iter()
        .map(|a| {
            let (p, off) = paras[a.para];
            Quote {
                text: p[a.raw.start..a.raw.end].to_string(),
                speaker: a.speaker,
                cue: a.cue,
                span: Span::new(off + a.raw.start, off + a.raw.end),
            }
        })
        .collect();
    PARAS.set(crate::spare::keep(paras));
    quotes
}
