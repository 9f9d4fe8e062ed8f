//! The `corpus-cli` binary: parses the command line, runs the command from
//! the library and maps errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use corpus_cli::{cli, cmd, messages};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) if messages::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            messages::message(&format!("{err:#}"));
            ExitCode::from(1)
        }
    }
}
