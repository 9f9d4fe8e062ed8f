//! `corpus-cli summarize`: folds the corpus into one overview report.

use crate::cli::{ReportFormat, SummarizeArgs};
use crate::pipeline::{Pipeline, RunStatus};
use crate::print::{json, output::Output, text};
use crate::report::summary::SummaryBuilder;

pub fn run(pipeline: &Pipeline, args: &SummarizeArgs) -> anyhow::Result<RunStatus> {
    let mut builder = SummaryBuilder::default();
    let status = pipeline.run(&args.input.paths, |a| {
        builder.add(&a);
        Ok(())
    })?;
    let summary = builder.finish(status.skipped);
    let mut output = Output::open(args.output.output.as_deref())?;
    match args.format {
        ReportFormat::Text => text::summary(output.writer(), &summary)?,
        ReportFormat::Json => json::document(output.writer(), &summary)?,
    }
    output.finish()?;
    Ok(status)
}
