//! Rendering: every report type is printed by exactly one function per
//! format, writing to a `&mut dyn Write`. Nothing here analyses text, and
//! nothing outside this module formats output.
//!
//! Text output is for people (aligned, sanitized for terminals); JSON and
//! JSON Lines are the stable machine formats documented in
//! `docs/json-format.md`.

pub mod diff;
pub mod json;
pub mod markdown;
pub mod output;
pub mod sanitize;
pub mod text;
pub mod timeline;

/// The JSON schema version written as `"version"` in every JSON document.
pub const SCHEMA_VERSION: u32 = 1;
