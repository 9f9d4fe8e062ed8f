//! `corpus-cli quotes`: every direct quote with its speaker, article and cue,
//! streamed as articles are parsed.

use serde::Serialize;

use crate::cli::{QuotesArgs, RecordFormat};
use crate::model::{Article, Quote, Span};
use crate::pipeline::{Pipeline, RunStatus};
use crate::print::{SCHEMA_VERSION, json, output::Output, text};

/// One quote with the article it came from (the `quotes` JSON record).
#[derive(Serialize, schemars::JsonSchema, Debug)]
pub struct QuoteRecord<'a> {
    pub article: &'a str,
    pub path: &'a str,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub span: Span,
}

/// The `quotes --format json` document (written one quote at a time, in
/// exactly this shape).
#[cfg(test)]
#[derive(Serialize, schemars::JsonSchema)]
pub struct QuotesDocument<'a> {
    pub version: u32,
    pub quotes: Vec<QuoteRecord<'a>>,
}

impl<'a> QuoteRecord<'a> {
    fn new(a: &'a Article, q: &'a Quote) -> QuoteRecord<'a> {
        QuoteRecord {
            article: &a.id,
            path: &a.path,
            text: &q.text,
            speaker: q.speaker.as_deref(),
            cue: q.cue.as_deref(),
            span: q.span,
        }
    }
}

/// Whether `needle` names the quote's speaker: the name itself, its last
/// word, or an alias (or an alias's last word) of the entity of that name.
pub fn speaker_matches(a: &Article, speaker: Option<&str>, needle: &str) -> bool {
    let Some(speaker) = speaker else {
        return false;
    };
    let needle = needle.trim().to_lowercase();
    let same = |form: &str| {
        let form = form.to_lowercase();
        form == needle || form.split_whitespace().last() == Some(needle.as_str())
    };
    same(speaker)
        || a.entities
            .iter()
            .filter(|e| e.name() == speaker)
            .flat_map(|e| e.aliases())
            .any(same)
}

pub fn run(pipeline: &Pipeline, args: &QuotesArgs) -> anyhow::Result<RunStatus> {
    let mut output = Output::open(args.output.output.as_deref())?;
    let out = output.writer();
    let wanted = |a: &Article, q: &Quote| {
        args.speaker
            .as_deref()
            .is_none_or(|n| speaker_matches(a, q.speaker.as_deref(), n))
    };
    let mut first = true;
    if args.format == RecordFormat::Json {
        write!(out, "{{\n  \"version\": {SCHEMA_VERSION},\n  \"quotes\": [")?;
    }
    let status = pipeline.run(&args.input.paths, |a| {
        for q in a.quotes.iter().filter(|q| wanted(a, q)) {
            let rec = QuoteRecord::new(a, q);
            match args.format {
                RecordFormat::Text => text::quote(out, &rec)?,
                RecordFormat::Jsonl => json::line(out, &rec)?,
                RecordFormat::Json => {
                    out.write_all(if first { b"\n    " } else { b",\n    " })?;
                    serde_json::to_writer(&mut *out, &rec)?;
                }
            }
            first = false;
        }
        Ok(())
    })?;
    if args.format == RecordFormat::Json {
        out.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
    }
    output.finish()?;
    Ok(status)
}
