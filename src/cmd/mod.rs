//! One module per subcommand; each only wires the stages together
//! (discover → parse → extract → aggregate → print). This module turns the
//! shared arguments into resolved options and dispatches.

mod articles;
mod diff;
mod entities;
pub(crate) mod inspect;
pub mod quotes;
mod summarize;
mod timeline;

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context;
use jiff::civil::Date;

use crate::cli::{Cli, Command, InputArgs};
use crate::load::LoadOptions;
use crate::parse::ParseOptions;
use crate::pipeline::{Pipeline, RunStatus};

/// Runs the parsed command line and returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let threads = cli
        .threads
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let progress = !cli.quiet && std::io::stderr().is_terminal();
    let status = match cli.command {
        Command::Articles(args) => {
            articles::run(&pipeline(&args.input, threads, progress, true)?, &args)?
        }
        Command::Summarize(args) => {
            summarize::run(&pipeline(&args.input, threads, progress, false)?, &args)?
        }
        Command::Quotes(args) => {
            quotes::run(&pipeline(&args.input, threads, progress, false)?, &args)?
        }
        Command::Inspect(args) => inspect::run(&args)?,
        Command::Entities(args) => {
            entities::run(&pipeline(&args.input, threads, progress, false)?, &args)?
        }
        Command::Timeline(args) => {
            timeline::run(&pipeline(&args.input, threads, progress, false)?, &args)?
        }
        // `diff` has its own exit statuses (0 equal, 1 different, 2 error).
        Command::Diff(args) => return Ok(diff::run(&args, threads)),
    };
    Ok(if status.skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The pipeline of a command over `input`; `paragraph_texts` when its
/// output shows the body paragraphs ([`ParseOptions::paragraph_texts`]).
fn pipeline(
    input: &InputArgs,
    threads: usize,
    progress: bool,
    paragraph_texts: bool,
) -> anyhow::Result<Pipeline> {
    let load = LoadOptions {
        extensions: input
            .ext
            .iter()
            .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
            .collect(),
        max_file_size: input.max_file_size,
    };
    let parse = ParseOptions {
        reference: reference_date(input.reference_date.as_deref())?,
        paragraph_texts,
    };
    let mut pipeline = Pipeline::new(load, parse, threads)?;
    pipeline.progress = progress;
    Ok(pipeline)
}

/// The reference day for year-less and relative dates: the flag, then
/// `CORPUS_CLI_NOW`, then today's date in the local time zone.
pub fn reference_date(flag: Option<&str>) -> anyhow::Result<Date> {
    if let Some(s) = flag {
        return s
            .parse()
            .with_context(|| format!("invalid --reference-date {s:?}, expected YYYY-MM-DD"));
    }
    if let Ok(s) = std::env::var("CORPUS_CLI_NOW") {
        let day = s.get(..10).unwrap_or(&s);
        return day
            .parse()
            .with_context(|| format!("invalid CORPUS_CLI_NOW {s:?}, expected YYYY-MM-DD"));
    }
    Ok(jiff::Timestamp::now()
        .to_zoned_datetime(local_time_zone())
        .date())
}

/// The system time zone. Without `TZ`, read straight from `/etc/localtime`:
/// jiff's own lookup also lists the whole time zone database to name the
/// zone, which cost ~3 ms of a 20 ms run for a name that is never shown.
/// With `TZ` set, or when the file cannot be read, jiff decides.
fn local_time_zone() -> jiff::tz::TimeZone {
    if std::env::var_os("TZ").is_none()
        && let Ok(data) = std::fs::read("/etc/localtime")
        && let Ok(tz) = jiff::tz::TimeZone::tzif("Local", &data)
    {
        return tz;
    }
    jiff::tz::TimeZone::system()
}

/// The status of a run that processed one input.
pub fn single(skipped: bool) -> RunStatus {
    RunStatus {
        articles: usize::from(!skipped),
        skipped: usize::from(skipped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_time_zone_agrees_with_jiffs_system_zone() {
        let system = jiff::tz::TimeZone::system();
        let local = local_time_zone();
        // Winter, summer and around a daylight-saving change in 2026.
        for s in [1_767_225_600, 1_782_864_000, 1_774_746_000, 1_792_886_400] {
            let t = jiff::Timestamp::from_second(s).unwrap();
            assert_eq!(local.to_offset(t), system.to_offset(t), "at {t}");
        }
    }
}
