//! The `corpus-cli` binary: parses the command line, runs the command from
//! the library and maps errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use corpus_cli::{cli, cmd, messages};

// mimalloc: the pipeline allocates many short-lived strings and vectors per
// article; glibc malloc/free took ~12% of a single-threaded run.
#[global_allocator]
static GLOBAL: corpus_cli::alloc::MiMalloc = corpus_cli::alloc::MiMalloc;

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
