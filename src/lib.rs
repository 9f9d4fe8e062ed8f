//! corpus-cli: a command-line analyzer for corpora of scraped news articles.
//!
//! The pipeline is load → parse → extract → aggregate → render, one module
//! each (`load`, `parse`, `extract`, `report`, `print`); `cmd` holds one
//! module per subcommand that wires them together. The binary in `main.rs`
//! only parses arguments and maps errors to exit codes; everything else lives
//! in this library so that benchmarks, property tests and fuzz targets can
//! drive the same code.

pub mod cli;
pub mod cmd;
pub mod extract;
pub mod fasthash;
pub mod load;
pub mod messages;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod print;
pub mod report;
#[cfg(test)]
mod schema;
