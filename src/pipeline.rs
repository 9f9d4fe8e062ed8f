//! The per-article pipeline (load → parse → extract) and the driver that
//! runs it over many inputs in parallel while handing results to the caller
//! in input order.
//!
//! Inputs are processed in fixed-size batches: each batch is parsed on all
//! worker threads, then its articles are passed on in order before the next
//! batch starts. Output is therefore identical for any thread count, and
//! memory holds one batch, not the corpus.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::extract::Extractor;
use crate::load::{self, Input, InputError, LoadOptions, Loaded};
use crate::messages;
use crate::model::Article;
use crate::parse::{self, ParseOptions};

/// How many inputs are parsed together before results are handed on.
const BATCH: usize = 256;

/// Everything the pipeline needs, resolved once per run.
#[derive(Debug)]
pub struct Pipeline {
    pub load: LoadOptions,
    pub parse: ParseOptions,
    pub extractor: Extractor,
    pub pool: rayon::ThreadPool,
}

/// What happened to the inputs of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunStatus {
    pub articles: usize,
    /// Inputs that could not be read or were refused.
    pub skipped: usize,
}

impl Pipeline {
    pub fn new(load: LoadOptions, parse: ParseOptions, threads: usize) -> anyhow::Result<Pipeline> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        Ok(Pipeline {
            load,
            parse,
            extractor: Extractor::new(),
            pool,
        })
    }

    /// Parses one decoded text into a full article record.
    pub fn article(&self, source: &load::Source) -> Article {
        let mut article = parse::parse(source, &self.parse);
        self.extractor.run(&source.text, &mut article, &self.parse);
        article
    }

    /// Runs the pipeline over `paths`, calling `sink` with each article in
    /// input order. Unreadable inputs are reported on stderr and counted.
    pub fn run(
        &self,
        paths: &[PathBuf],
        mut sink: impl FnMut(Article) -> anyhow::Result<()>,
    ) -> anyhow::Result<RunStatus> {
        let (inputs, errors) = load::discover(paths, &self.load);
        let mut status = RunStatus::default();
        for e in &errors {
            report(e);
            status.skipped += 1;
        }
        for batch in inputs.chunks(BATCH) {
            let results: Vec<Result<(Loaded, Article), InputError>> = self
                .pool
                .install(|| batch.par_iter().map(|input| self.process(input)).collect());
            for result in results {
                match result {
                    Ok((loaded, article)) => {
                        if let Some(w) = &loaded.warning {
                            messages::file_message(&loaded.source.path, w);
                        }
                        status.articles += 1;
                        sink(article)?;
                    }
                    Err(e) => {
                        report(&e);
                        status.skipped += 1;
                    }
                }
            }
        }
        Ok(status)
    }

    fn process(&self, input: &Input) -> Result<(Loaded, Article), InputError> {
        let mut loaded = load::read(input, &self.load)?;
        let article = self.article(&loaded.source);
        // The text is no longer needed once the record is built.
        loaded.source.text = String::new();
        Ok((loaded, article))
    }
}

fn report(e: &InputError) {
    messages::file_message(&e.path, &e.message);
}
