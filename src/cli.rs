//! Command-line arguments (clap derive). Each subcommand's arguments are one
//! struct; options shared by all commands are flattened groups. Nothing past
//! `cmd::run` sees these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Analyze a corpus of scraped news articles: headlines, datelines, sources,
/// quotes, entities and timelines.
#[derive(Parser, Debug)]
#[command(name = "corpus-cli", version, about, propagate_version = true)]
#[command(
    after_help = "Exit status: 0 when every input was processed, 1 when some input was skipped \
or an error occurred (the rest is still reported), 2 for usage errors."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Worker threads (default: all cores). Output is the same for any value.
    #[arg(short = 'j', long, global = true, value_name = "N")]
    pub threads: Option<usize>,

    /// Print no warnings or progress on stderr (errors are still printed).
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// One record per article: headline, dateline, date, source, author,
    /// body and extractions.
    #[command(
        after_help = "Example:\n  corpus-cli articles corpus/ --format jsonl | jq -r .headline"
    )]
    Articles(ArticlesArgs),
    /// A corpus overview: articles, sources, date span and a per-article table.
    #[command(
        after_help = "Example:\n  corpus-cli summarize corpus/\n  corpus-cli summarize corpus/ --format json"
    )]
    Summarize(SummarizeArgs),
    /// Every direct quote with its speaker, article and cue.
    #[command(
        after_help = "Example:\n  corpus-cli quotes corpus/ --speaker smith\n  corpus-cli quotes corpus/ --format jsonl"
    )]
    Quotes(QuotesArgs),
    /// Show the role the parser gave each line of one file (headline, byline,
    /// body, caption, boilerplate, …).
    #[command(after_help = "Example:\n  corpus-cli inspect corpus/003_8c011e64549327f4.txt")]
    Inspect(InspectArgs),
    /// People, places and organizations of the corpus under canonical
    /// names, with mentions, articles, aliases and roles.
    #[command(
        after_help = "Example:\n  corpus-cli entities corpus/ --type person --top 10\n  corpus-cli entities corpus/ --format json"
    )]
    Entities(EntitiesArgs),
    /// Events merged across articles, in date order, with where, who and
    /// which articles report them.
    #[command(
        after_help = "Example:\n  corpus-cli timeline corpus/\n  corpus-cli timeline corpus/ --entity NATO --since 2022-01-01 --format mermaid\n  corpus-cli timeline corpus/ --format svg -o timeline.svg"
    )]
    Timeline(TimelineArgs),
    /// Compare two analyses (saved JSON reports or corpora): articles added
    /// and removed, changed fields, quotes, entities and events.
    #[command(
        after_help = "Each side is `articles --format json|jsonl` output, `summarize --format json` \
output, or a corpus (a directory or a .txt file) analysed on the fly.\n\n\
Exit status: 0 when equal (text prints nothing), 1 when different, 2 on error.\n\n\
Example:\n  corpus-cli articles corpus/ --format jsonl -o report.jsonl\n  \
corpus-cli diff report.jsonl corpus/ --ignore spans,counts --format markdown"
    )]
    Diff(DiffArgs),
}

/// Inputs shared by every command.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files and directories to read (directories recursively, in name
    /// order); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// File extensions read from directories (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "txt", value_name = "EXT")]
    pub ext: Vec<String>,

    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_file_size: u64,

    /// Resolve year-less and relative dates against this day (YYYY-MM-DD)
    /// when the article fixes nothing better. Default: $CORPUS_CLI_NOW, else
    /// today.
    #[arg(long, value_name = "DATE")]
    pub reference_date: Option<String>,
}

/// Where output goes.
#[derive(Args, Debug, Clone)]
pub struct OutputArgs {
    /// Write to FILE instead of standard output (atomically: the file appears
    /// complete or not at all).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct ArticlesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
}

/// Output formats of `summarize`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryFormat {
    Text,
    Json,
    /// Headings and tables for a pull request or CI job summary.
    Markdown,
}

#[derive(Args, Debug)]
pub struct SummarizeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

impl From<EntityKind> for crate::model::EntityType {
    fn from(k: EntityKind) -> Self {
        match k {
            EntityKind::Person => crate::model::EntityType::Person,
            EntityKind::Place => crate::model::EntityType::Place,
            EntityKind::Organization => crate::model::EntityType::Organization,
        }
    }
}

#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Only entities of this type.
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub kind: Option<EntityKind>,
    /// Only the N most mentioned entities.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineFormat {
    Text,
    Json,
    Jsonl,
    Mermaid,
    Svg,
    Markdown,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Keep events involving NAME (a participant, the place or the
    /// description; case-insensitive substring).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// Keep events that end on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep events that start on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Output format: text, json, jsonl (one event per line), mermaid (a
    /// Mermaid `timeline` block), svg (a standalone chart) or markdown (a
    /// table and the Mermaid block, for a pull request or CI job summary).
    #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
    pub format: TimelineFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
}

/// What `diff --ignore` can leave out.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum IgnoreField {
    Headline,
    Dateline,
    Date,
    Source,
    Author,
    Credits,
    Headings,
    Paragraphs,
    Counts,
    Spans,
    Quotes,
    Entities,
    Events,
    Timexes,
    Sources,
    Timeline,
}

impl IgnoreField {
    pub fn field(self) -> crate::report::diff::Field {
        use crate::report::diff::Field;
        match self {
            IgnoreField::Headline => Field::Headline,
            IgnoreField::Dateline => Field::Dateline,
            IgnoreField::Date => Field::Date,
            IgnoreField::Source => Field::Source,
            IgnoreField::Author => Field::Author,
            IgnoreField::Credits => Field::Credits,
            IgnoreField::Headings => Field::Headings,
            IgnoreField::Paragraphs => Field::Paragraphs,
            IgnoreField::Counts => Field::Counts,
            IgnoreField::Spans => Field::Spans,
            IgnoreField::Quotes => Field::Quotes,
            IgnoreField::Entities => Field::Entities,
            IgnoreField::Events => Field::Events,
            IgnoreField::Timexes => Field::Timexes,
            IgnoreField::Sources => Field::Sources,
            IgnoreField::Timeline => Field::Timeline,
        }
    }
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The old side: a JSON report or a corpus path.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new side: a JSON report or a corpus path.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Leave FIELD out of the comparison (repeatable or comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FIELD")]
    pub ignore: Vec<IgnoreField>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    #[command(flatten)]
    pub output: OutputArgs,
    /// File extensions read from corpus directories (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "txt", value_name = "EXT")]
    pub ext: Vec<String>,
    /// Skip corpus files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Reference day for corpus sides (YYYY-MM-DD), as for `articles`.
    #[arg(long, value_name = "DATE")]
    pub reference_date: Option<String>,
}

#[derive(Args, Debug)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Only quotes by this speaker (case-insensitive; the full name, an
    /// alias or the last name).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// The file to inspect (`-` for standard input).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Resolve year-less dates against this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub reference_date: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
