//! `corpus-cli entities`: people, places and organizations of the corpus.

use crate::cli::{EntitiesArgs, RecordFormat};
use crate::pipeline::{Pipeline, RunStatus};
use crate::print::{json, output::Output, text};
use crate::report::entities::EntityAggregator;

pub fn run(pipeline: &Pipeline, args: &EntitiesArgs) -> anyhow::Result<RunStatus> {
    let mut agg = EntityAggregator::with_lists();
    let status = pipeline.run(&args.input.paths, |a| {
        agg.add(a);
        Ok(())
    })?;
    let report = agg.finish(status.skipped, args.kind.map(Into::into), args.top);
    let mut output = Output::open(args.output.output.as_deref())?;
    match args.format {
        RecordFormat::Text => text::entities(output.writer(), &report)?,
        RecordFormat::Json => json::document(output.writer(), &report)?,
        RecordFormat::Jsonl => {
            for e in &report.entities {
                json::line(output.writer(), e)?;
            }
        }
    }
    output.finish()?;
    Ok(status)
}
