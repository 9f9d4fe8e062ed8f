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
mod sigs;
mod speech;
#[cfg(test)]
mod tests;
mod words;

use std::cell::{Cell, RefCell};

use crate::model::{Article, Quote};
use crate::spare::keep;

/// An article's working vectors whose elements borrow its text, kept
/// emptied from the thread's last article for the next
/// ([`crate::spare`]): emptied and re-typed, not kept as they are.
#[derive(Default)]
struct Scratch<'a> {
    /// The paragraphs' texts and where they start in the file.
    paras: Vec<(&'a str, usize)>,
    /// The tokens outside quotes of the paragraphs with quotes.
    toks: Vec<words::Tok<'a>>,
    /// The name scan's vectors.
    names: names::Spare<'a>,
    /// The quotes' contexts, for the attribution.
    ctxs: Vec<attrib::Ctx<'a>>,
}

impl Scratch<'_> {
    /// The vectors, emptied, for another article's text.
    fn rebind<'b>(self) -> Scratch<'b> {
        Scratch {
            paras: keep(self.paras),
            toks: keep(self.toks),
            names: self.names.rebind(),
            ctxs: keep(self.ctxs),
        }
    }
}

/// An article's working vectors of offsets, which borrow nothing: kept on
/// the thread where they are and emptied after each article. Passed
/// through [`Scratch`]'s re-typing, every one of them was moved twice an
/// article with the whole struct, copied each time.
#[derive(Default)]
struct Offsets {
    /// The quote-mark offsets of all the paragraphs, and where each
    /// paragraph's end.
    marks: Vec<usize>,
    ends: Vec<usize>,
    /// The quotes of one paragraph.
    raws: Vec<detect::Raw>,
    /// The quotes of the article, in paragraph order.
    found: Vec<attrib::Found>,
    /// Where each paragraph's quotes start in `found`, and the end.
    firsts: Vec<usize>,
    /// The quoted ranges of `found`, in order.
    ranges: Vec<(usize, usize)>,
    /// Where the stretches of `Scratch::toks` start, and where each
    /// paragraph's tokens and stretches start and end.
    starts: Vec<usize>,
    bounds: Vec<(usize, usize, usize, usize)>,
    /// The entities' names and aliases listed for the quote stage's
    /// lookups: emptied by the next article's index, and short enough to
    /// be kept whole ([`names::Names::collect`]).
    named: Vec<crate::model::Named>,
}

impl Offsets {
    /// Empties the vectors for the thread's next article ([`keep`]: each
    /// keeps its allocation up to the cap).
    fn empty(&mut self) {
        fn reset<T>(v: &mut Vec<T>) {
            *v = keep(std::mem::take(v));
        }
        reset(&mut self.marks);
        reset(&mut self.ends);
        reset(&mut self.raws);
        reset(&mut self.found);
        reset(&mut self.firsts);
        reset(&mut self.ranges);
        reset(&mut self.starts);
        reset(&mut self.bounds);
    }
}

crate::spare::scratch_by_rebind!(Scratch);

thread_local! {
    static SCRATCH: Cell<Scratch<'static>> = Cell::default();
    static OFFSETS: RefCell<Offsets> = RefCell::default();
}

/// Finds the direct quotes in the article body, in order of appearance.
/// The article's paragraphs point into `text` (each paragraph's text, when
/// kept, is its span of `text`), as the parser makes them.
pub fn extract(text: &str, article: &Article) -> Vec<Quote> {
    OFFSETS.with_borrow_mut(|o| {
        let quotes = crate::spare::with(&SCRATCH, |s| extract_in(text, article, s, o));
        o.empty();
        quotes
    })
}

/// [`extract`] with the thread's working vectors.
fn extract_in<'a>(
    text: &'a str,
    article: &'a Article,
    s: &mut Scratch<'a>,
    o: &mut Offsets,
) -> Vec<Quote> {
    // The paragraphs point into `text` (`Extractor::run`), so their spans
    // are read rather than their copies, which a run may not keep
    // (`ParseOptions::paragraph_texts`): comparing each copy with its span
    // first read every copy from memory, a miss per line of it.
    s.paras.extend(article.paragraphs.iter().map(|p| {
        let t = text.get(p.span.start..p.span.end).unwrap_or(&p.text);
        debug_assert!(
            p.text.is_empty() || t == p.text,
            "a paragraph's text is its span of the text"
        );
        (t, p.span.start)
    }));
    // The marks of all the paragraphs in one buffer, each paragraph's a
    // slice of it.
    for (p, _) in &s.paras {
        detect::marks_into(p, &mut o.marks);
        o.ends.push(o.marks.len());
    }
    let mut from = 0;
    let marks: Vec<&[usize]> = o
        .ends
        .iter()
        .map(|&e| &o.marks[std::mem::replace(&mut from, e)..e])
        .collect();
    // Asked only at a single mark that may open a quote (most articles
    // have none), and then once: it reads every mark of the article.
    let primary = std::cell::OnceCell::new();
    let single =
        || *primary.get_or_init(|| detect::single_primary(s.paras.iter().map(|(p, _)| *p), &marks));

    for (pi, (p, _)) in s.paras.iter().enumerate() {
        o.firsts.push(o.found.len());
        o.raws.clear();
        let pending = detect::scan(p, marks[pi], &single, &mut o.raws);
        if let Some(open) = pending {
            let reopened = s
                .paras
                .get(pi + 1)
                .is_some_and(|(next, _)| detect::starts_with_open(next, &single));
            if reopened {
                o.raws.push(open);
            }
        }
        for (qi, raw) in o.raws.iter().enumerate() {
            o.found.push(attrib::Found {
                para: pi,
                index: qi,
                raw: *raw,
            });
        }
    }
    o.firsts.push(o.found.len());
    if o.found.is_empty() {
        // Nothing to attribute: the tokens and names below serve only the
        // quotes found.
        return Vec::new();
    }
    // Each paragraph's quoted ranges, a slice of one list.
    o.ranges
        .extend(o.found.iter().map(|f| (f.raw.open, f.raw.close)));
    let quoted: Vec<&[(usize, usize)]> =
        o.firsts.windows(2).map(|w| &o.ranges[w[0]..w[1]]).collect();
    words::Outside::tokenize_all(&s.paras, &quoted, &mut s.toks, &mut o.starts, &mut o.bounds);
    let outs = words::Outside::all(&s.toks, &o.starts, &o.bounds);
    let spare = std::mem::take(&mut s.names);
    let named = std::mem::take(&mut o.named);
    let names = names::Names::collect(text, &s.paras, &quoted, &outs, article, spare, named);
    let quotes = attrib::attribute(&s.paras, &outs, &o.found, &o.firsts, &names, &mut s.ctxs);
    (s.names, o.named) = names.recycle();
    quotes
}
