//! `corpus-cli timeline`: events merged across articles, in date order.

use crate::cli::{TimelineArgs, TimelineFormat};
use crate::pipeline::{Pipeline, RunStatus};
use crate::print::{json, markdown, output::Output, timeline as render};
use crate::report::timeline::{self, TimelineBuilder};

pub fn run(pipeline: &Pipeline, args: &TimelineArgs) -> anyhow::Result<RunStatus> {
    for d in [&args.since, &args.until].into_iter().flatten() {
        anyhow::ensure!(
            crate::extract::events::calendar(d).as_deref() == Some(d.as_str()),
            "invalid date {d:?}, expected YYYY, YYYY-MM or YYYY-MM-DD"
        );
    }
    let mut builder = TimelineBuilder::default();
    let status = pipeline.run(&args.input.paths, |a| {
        builder.add(a);
        Ok(())
    })?;
    let events = timeline::filter(
        builder.finish(),
        args.entity.as_deref(),
        args.since.as_deref(),
        args.until.as_deref(),
    );
    let mut output = Output::open(args.output.output.as_deref())?;
    let out = output.writer();
    match args.format {
        TimelineFormat::Text => render::text(out, &events)?,
        TimelineFormat::Json => json::document(out, &timeline::document(events))?,
        TimelineFormat::Jsonl => {
            for e in &events {
                json::line(out, e)?;
            }
        }
        TimelineFormat::Mermaid => render::mermaid(out, &events)?,
        TimelineFormat::Svg => render::svg(out, &events)?,
        TimelineFormat::Markdown => markdown::timeline(out, &events)?,
    }
    output.finish()?;
    Ok(status)
}
