//! `corpus-cli diff OLD NEW`: a semantic comparison of two analyses. Each
//! side is a saved report (`articles --format json|jsonl`,
//! `summarize --format json`) or a corpus analysed on the fly. Exit status:
//! 0 equal, 1 different, 2 error — like `diff(1)`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use serde_json::Value;

use crate::cli::{DiffArgs, DiffFormat, InputArgs};
use crate::messages;
use crate::pipeline::Pipeline;
use crate::print::{diff as render, json, output::Output};
use crate::report::diff::{self, DiffOptions, SideArticle, SideInfo, SideSummary};
use crate::report::summary::SummaryBuilder;

/// What one side holds once read.
enum Side {
    Articles(Vec<SideArticle>),
    Summary(Box<SideSummary>),
    /// A corpus, analysed only once we know what the other side is.
    Corpus(PathBuf),
}

/// Runs `diff`; errors are printed here and give exit status 2.
pub fn run(args: &DiffArgs, threads: usize) -> ExitCode {
    match compare(args, threads) {
        Ok(equal) => ExitCode::from(if equal { 0 } else { 1 }),
        Err(e) if crate::messages::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            messages::message(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

fn compare(args: &DiffArgs, threads: usize) -> anyhow::Result<bool> {
    let opts = DiffOptions {
        ignore: args.ignore.iter().map(|f| f.field()).collect(),
    };
    let old = detect(&args.old)?;
    let new = detect(&args.new)?;
    let summary_mode = matches!(old, Side::Summary(_)) || matches!(new, Side::Summary(_));
    let input = InputArgs {
        paths: Vec::new(),
        ext: args.ext.clone(),
        max_file_size: args.max_file_size,
        reference_date: args.reference_date.clone(),
    };
    let pipeline = if matches!(old, Side::Corpus(_)) || matches!(new, Side::Corpus(_)) {
        Some(super::pipeline(&input, threads, false, true)?)
    } else {
        None
    };
    let old = resolve(old, summary_mode, pipeline.as_ref())?;
    let new = resolve(new, summary_mode, pipeline.as_ref())?;
    let info = |path: &Path, kind: &str, n: usize| SideInfo {
        path: path.display().to_string(),
        kind: kind.into(),
        articles: n,
    };
    let d = match (&old, &new) {
        ((ko, Side::Articles(o)), (kn, Side::Articles(n))) => diff::articles(
            info(&args.old, ko, o.len()),
            info(&args.new, kn, n.len()),
            o,
            n,
            &opts,
        ),
        ((ko, Side::Summary(o)), (kn, Side::Summary(n))) => diff::summaries(
            info(&args.old, ko, o.table.len()),
            info(&args.new, kn, n.table.len()),
            o,
            n,
            &opts,
        ),
        _ => bail!(
            "cannot compare an articles report with a summarize report; \
             give two reports of the same kind, or a corpus on one side"
        ),
    };
    let mut output = Output::open(args.output.output.as_deref())?;
    let out = output.writer();
    match args.format {
        DiffFormat::Text => render::text(out, &d)?,
        DiffFormat::Json => json::document(out, &d)?,
        DiffFormat::Markdown => render::markdown(out, &d)?,
    }
    output.finish()?;
    Ok(d.equal)
}

/// Reads a side as far as its content tells what it is: a directory or a
/// `.txt` file is a corpus; a file that parses as JSON (or JSON Lines) is a
/// report recognized by its shape; anything else is a corpus file.
fn detect(path: &Path) -> anyhow::Result<Side> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.is_dir()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
    {
        return Ok(Side::Corpus(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let json_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonl"));
    if trimmed.is_empty() && json_name {
        // `articles --format jsonl` of an empty corpus.
        return Ok(Side::Articles(Vec::new()));
    }
    if !trimmed.starts_with('{') && !trimmed.starts_with('[') {
        return Ok(Side::Corpus(path.to_path_buf()));
    }
    let what = || format!("{} is not a corpus-cli report", path.display());
    if let Ok(v) = serde_json::from_str::<Value>(trimmed) {
        return from_value(v).with_context(what);
    }
    // JSON Lines: one article record per non-blank line.
    let mut articles = Vec::new();
    for (i, line) in trimmed.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}: invalid JSON", path.display(), i + 1))?;
        anyhow::ensure!(
            v.get("id").is_some_and(Value::is_string),
            "{}: line {}: not an article record (no \"id\")",
            path.display(),
            i + 1
        );
        articles.push(serde_json::from_value(v).with_context(what)?);
    }
    Ok(Side::Articles(articles))
}

/// Recognizes a JSON document by its keys.
fn from_value(v: Value) -> anyhow::Result<Side> {
    match &v {
        Value::Object(m) if m.get("articles").is_some_and(Value::is_array) => {
            let list = m["articles"].clone();
            Ok(Side::Articles(serde_json::from_value(list)?))
        }
        Value::Object(m) if m.get("table").is_some_and(Value::is_array) => {
            Ok(Side::Summary(Box::new(serde_json::from_value(v)?)))
        }
        Value::Object(m) if m.get("id").is_some_and(Value::is_string) => {
            Ok(Side::Articles(vec![serde_json::from_value(v)?]))
        }
        Value::Array(items) if items.iter().all(|i| i.get("id").is_some()) => {
            Ok(Side::Articles(serde_json::from_value(v)?))
        }
        _ => bail!("expected `articles --format json|jsonl` or `summarize --format json` output"),
    }
}

/// Analyses a corpus side into the form the comparison needs; returns the
/// side's kind name with it.
fn resolve(
    side: Side,
    summary: bool,
    pipeline: Option<&Pipeline>,
) -> anyhow::Result<(&'static str, Side)> {
    let path = match side {
        Side::Articles(a) => return Ok(("articles", Side::Articles(a))),
        Side::Summary(s) => return Ok(("summary", Side::Summary(s))),
        Side::Corpus(p) => p,
    };
    let pipeline = pipeline.expect("a pipeline for corpus sides");
    let paths = [path.clone()];
    let (side, status) = if summary {
        let mut builder = SummaryBuilder::default();
        let status = pipeline.run_with(&paths, SummaryBuilder::digest, |d| {
            builder.add_digest(d);
            Ok(())
        })?;
        let value = serde_json::to_value(builder.finish(status.skipped))?;
        (
            Side::Summary(Box::new(serde_json::from_value(value)?)),
            status,
        )
    } else {
        let mut list = Vec::new();
        let status = pipeline.run(&paths, |a| {
            list.push(serde_json::from_value(serde_json::to_value(&*a)?)?);
            Ok(())
        })?;
        (Side::Articles(list), status)
    };
    if status.skipped > 0 {
        bail!(
            "{}: {} input(s) could not be read",
            path.display(),
            status.skipped
        );
    }
    Ok(("corpus", side))
}
