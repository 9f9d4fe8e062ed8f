//! corpus-cli: a command-line analyzer for corpora of scraped news articles.
//!
//! The pipeline is load → parse → extract → aggregate → render, one module
//! each (`load`, `parse`, `extract`, `report`, `print`); `cmd` holds one
//! module per subcommand that wires them together. The binary in `main.rs`
//! only parses arguments and maps errors to exit codes; everything else lives
//! in this library so that benchmarks, property tests and fuzz targets can
//! drive the same code.

/// Defines a module's `warm_up()`: the module's compiled statics, as tasks
/// that the pipeline runs in parallel at start-up (see `pipeline::warm_up`).
macro_rules! warm_up_statics {
    ($($s:ident),+ $(,)?) => {
        pub(crate) fn warm_up() -> Vec<fn()> {
            vec![$(|| crate::WarmUp::warm_up(&$s)),+]
        }
    };
}

/// A static built on first use that the start-up warm-up can build ahead.
pub(crate) trait WarmUp {
    fn warm_up(&self);
}

impl<T> WarmUp for std::sync::LazyLock<T> {
    fn warm_up(&self) {
        std::sync::LazyLock::force(self);
    }
}

pub mod alloc;
pub(crate) mod caseless;
pub mod cli;
pub mod cmd;
pub mod extract;
pub mod fasthash;
pub mod load;
pub mod messages;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod print;
pub mod report;
#[cfg(test)]
mod schema;
pub mod spare;
pub mod swar;
pub mod twin;
pub(crate) mod uclass;

use extract::Extractor;
use model::{Article, Span};
use parse::ParseOptions;

/// Runs the whole per-article pipeline (decode → parse → extract) over the
/// raw bytes of one file, exactly as a run does for each input, without the
/// file system or threads. It is the entry point of the fuzz target and the
/// property tests. `Err` carries the message a run would print when it skips
/// the file (binary data).
pub fn process_bytes(
    name: &str,
    bytes: &[u8],
    extractor: &Extractor,
    opts: &ParseOptions,
) -> Result<Article, String> {
    let (text, _warning) = load::decode(bytes)?;
    let input = load::Input::File(name.into());
    let source = load::Source {
        id: input.id(),
        path: input.display(),
        text,
        ascii: false,
    };
    let mut article = parse::parse(&source, opts);
    extractor.run(&source.text, &mut article, opts);
    Ok(article)
}

/// Every span of `article` (paragraphs, dateline, quotes, entities, events,
/// timexes) with a label, for checks that offsets point into the decoded
/// text on `char` boundaries.
pub fn spans(article: &Article) -> Vec<(&'static str, Span)> {
    let mut all = Vec::new();
    all.extend(article.paragraphs.iter().map(|p| ("paragraph", p.span)));
    all.extend(article.dateline.iter().map(|d| ("dateline", d.span)));
    all.extend(article.quotes.iter().map(|q| ("quote", q.span)));
    for e in &article.entities {
        all.extend(e.spans().iter().map(|s| ("entity", *s)));
    }
    all.extend(article.events.iter().map(|e| ("event", e.span)));
    all.extend(article.timexes.iter().map(|t| ("timex", t.span)));
    all
}

/// The first span of `article` that does not lie inside `text` on `char`
/// boundaries, if any.
pub fn bad_span(article: &Article, text: &str) -> Option<(&'static str, Span)> {
    spans(article).into_iter().find(|(_, s)| {
        s.start > s.end || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end)
    })
}
