//! `corpus-cli articles`: one record per article, streamed as it is parsed.

use crate::cli::{ArticlesArgs, RecordFormat};
use crate::pipeline::{Pipeline, RunStatus};
use crate::print::{json, output::Output, text};

pub fn run(pipeline: &Pipeline, args: &ArticlesArgs) -> anyhow::Result<RunStatus> {
    let mut output = Output::open(args.output.output.as_deref())?;
    let out = output.writer();
    let status = match args.format {
        RecordFormat::Text => pipeline.run(&args.input.paths, |a| text::article(out, a))?,
        RecordFormat::Jsonl => pipeline.run(&args.input.paths, |a| json::line(out, a))?,
        RecordFormat::Json => {
            let mut array = json::ArticleArray::start(out)?;
            let status = pipeline.run(&args.input.paths, |a| array.push(out, a))?;
            array.finish(out)?;
            status
        }
    };
    output.finish()?;
    Ok(status)
}
