//! Dated events: meetings, summits, press conferences (issue #4).

use crate::model::{Article, Event};

/// Finds the events the article reports.
pub fn extract(_text: &str, _article: &Article) -> Vec<Event> {
    Vec::new()
}
