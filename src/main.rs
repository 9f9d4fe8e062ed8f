//! corpus-cli: a command-line analyzer for corpora of scraped news articles.
//!
//! The pipeline is load → parse → extract → aggregate → render, one module
//! each (`load`, `parse`, `extract`, `report`, `print`); `cmd` holds one
//! module per subcommand that wires them together. `main` only maps errors
//! to exit codes.

mod cli;
mod cmd;
mod extract;
mod load;
mod messages;
mod model;
mod parse;
mod pipeline;
mod print;
mod report;
#[cfg(test)]
mod schema;

use std::io;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            messages::message(&format!("{err:#}"));
            ExitCode::from(1)
        }
    }
}

/// A closed pipe (`corpus-cli articles … | head`) is how a reader says it
/// has had enough: not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
            return json.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
        }
        false
    })
}
