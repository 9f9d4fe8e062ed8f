//! Messages to stderr: warnings and per-file errors, always prefixed with
//! `corpus-cli:` and naming the file, and sanitized so that a hostile file
//! name cannot drive the terminal.

use std::io::Write;

use crate::print::sanitize::escape;

/// Prints `corpus-cli: PATH: MESSAGE` to stderr. Write errors are ignored:
/// a closed stderr must not stop the run.
pub fn file_message(path: &str, message: &str) {
    let line = format!("corpus-cli: {}: {}\n", escape(path), escape(message));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Prints `corpus-cli: MESSAGE` to stderr.
pub fn message(message: &str) {
    let line = format!("corpus-cli: {}\n", escape(message));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
