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

/// A closed pipe (`corpus-cli articles … | head`) is how a reader says it
/// has had enough: not an error.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return io.kind() == std::io::ErrorKind::BrokenPipe;
        }
        if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
            return json.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe);
        }
        false
    })
}
