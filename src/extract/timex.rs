//! Temporal expressions normalized to calendar values (issue #4).

use crate::model::{Article, Timex};
use crate::parse::ParseOptions;

/// Finds the temporal expressions of the article body.
pub fn extract(_text: &str, _article: &Article, _opts: &ParseOptions) -> Vec<Timex> {
    Vec::new()
}
