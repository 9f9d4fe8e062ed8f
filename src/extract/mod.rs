//! The extractors: what the article says, beyond its header. Each submodule
//! finds one kind of thing in the clean body (quotes, entities, temporal
//! expressions, events) and returns plain records; this module runs them in
//! dependency order and attaches the results to the [`Article`].
//!
//! An [`Extractor`] is built once per run (it owns compiled automata and
//! gazetteers) and shared by all worker threads.

pub mod entities;
pub mod events;
pub mod quotes;
pub mod timex;

use crate::model::Article;
use crate::parse::ParseOptions;

/// Compiled extraction resources, shared read-only across threads.
#[derive(Debug, Default)]
pub struct Extractor {
    /// Gazetteers for entity extraction, indexed on first use.
    pub entities: entities::Resources,
}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Runs every extractor over `article`, whose paragraphs point into
    /// `text`.
    pub fn run(&self, text: &str, article: &mut Article, opts: &ParseOptions) {
        // The extractors search parts of `text`: one look at the whole tells
        // each search whether its ASCII twin may run (free when the caller
        // already runs in `with_text` for `text`).
        crate::twin::with_text(text, || {
            article.entities = entities::extract(text, article, &self.entities);
            article.quotes = quotes::extract(text, article);
            // One walk of the paragraphs finds the timexes and the event
            // triggers.
            let mut triggers = Vec::new();
            article.timexes = timex::extract_with_triggers(text, article, opts, &mut triggers);
            article.events = events::extract_with_triggers(text, article, &triggers);
        });
    }
}
