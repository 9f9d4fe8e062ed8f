//! `corpus-cli summarize`: folds the corpus into one overview report.

use crate::cli::{SummarizeArgs, SummaryFormat};
use crate::pipeline::{Pipeline, RunStatus};
use crate::print::{json, markdown, output::Output, text};
use crate::report::summary::SummaryBuilder;

pub fn run(pipeline: &Pipeline, args: &SummarizeArgs) -> anyhow::Result<RunStatus> {
    let mut builder = SummaryBuilder::default();
    let status = pipeline.run_with(&args.input.paths, SummaryBuilder::digest, |d| {
        builder.add_digest(d);
        Ok(())
    })?;
    let summary = builder.finish(status.skipped);
    let mut output = Output::open(args.output.output.as_deref())?;
    match args.format {
        SummaryFormat::Text => text::summary(output.writer(), &summary)?,
        SummaryFormat::Json => json::document(output.writer(), &summary)?,
        SummaryFormat::Markdown => markdown::summary(output.writer(), &summary)?,
    }
    output.finish()?;
    Ok(status)
}
