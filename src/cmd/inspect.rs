//! `corpus-cli inspect`: the role the parser gave every line of one file.

use schemars::JsonSchema;
use serde::Serialize;

use crate::cli::{InspectArgs, ReportFormat};
use crate::load::{self, Input, LoadOptions};
use crate::messages;
use crate::parse::{self, ClassifiedLine, ParseOptions};
use crate::pipeline::RunStatus;
use crate::print::{SCHEMA_VERSION, json, output::Output, text};

/// The `inspect --format json` document.
#[derive(Serialize, JsonSchema)]
pub(crate) struct Inspection<'a> {
    pub version: u32,
    pub path: String,
    pub lines: &'a [ClassifiedLine],
}

pub fn run(args: &InspectArgs) -> anyhow::Result<RunStatus> {
    let input = if args.file.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.file.clone())
    };
    let opts = LoadOptions {
        extensions: Vec::new(),
        max_file_size: u64::MAX / 2,
    };
    let loaded = match load::read(&input, &opts) {
        Ok(l) => l,
        Err(e) => {
            messages::file_message(&e.path, &e.message);
            return Ok(super::single(true));
        }
    };
    if let Some(w) = &loaded.warning {
        messages::file_message(&loaded.source.path, w);
    }
    let popts = ParseOptions {
        reference: super::reference_date(args.reference_date.as_deref())?,
        paragraph_texts: true,
    };
    let (_, lines) = parse::parse_with_lines(&loaded.source, &popts);
    let mut output = Output::open(args.output.output.as_deref())?;
    match args.format {
        ReportFormat::Text => text::inspect(output.writer(), &lines)?,
        ReportFormat::Json => json::document(
            output.writer(),
            &Inspection {
                version: SCHEMA_VERSION,
                path: loaded.source.path.clone(),
                lines: &lines,
            },
        )?,
    }
    output.finish()?;
    Ok(super::single(false))
}
