//! The plain data that flows between the pipeline stages and out to the
//! printers: an [`Article`] record and the extractions attached to it.
//!
//! These types are also the JSON wire format (`docs/json-format.md`), so
//! field order here is the key order in the output and renaming a field is a
//! breaking change. Every offset is a half-open byte range into the decoded
//! text of the input file (see [`Span`]).

use schemars::JsonSchema;
use serde::Serialize;

mod entities;
pub use entities::{AliasForm, Entities, EntityRef, Iter, Named, Strs};

/// A half-open byte range `[start, end)` into the decoded article text.
///
/// The decoded text is the file's bytes when the file is UTF-8 without a byte
/// order mark; a UTF-8 BOM is removed first (offsets then start after it) and
/// UTF-16 files are re-encoded as UTF-8. Both ends always fall on `char`
/// boundaries.
#[derive(
    Serialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default, Hash,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers of `text`, the text it was taken from.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// One parsed article: where it came from, its header fields, its clean body
/// and what the extractors found in it.
#[derive(Serialize, JsonSchema, Clone, Debug, Default)]
pub struct Article {
    /// The file stem (`corpus/000_abc.txt` → `000_abc`), `-` for stdin.
    pub id: String,
    /// The path as the user gave it (joined with the relative path found
    /// under a directory argument).
    pub path: String,
    pub headline: Option<String>,
    pub dateline: Option<Dateline>,
    /// The day the article reports from, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The outlet or agency that produced the article.
    pub source: Option<String>,
    /// Agencies credited for contributing, in order of appearance.
    pub credits: Vec<String>,
    pub author: Option<String>,
    /// Section headings inside the body, in order.
    pub headings: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    /// The spans of the other non-blank lines (trimmed), in text order: the
    /// headline, header, credit, caption, chrome and teaser lines, which
    /// the parser has already told from the body; `None` in a record the
    /// parser did not make. Not output: the entity stage looks for author
    /// and photo credits in these lines instead of splitting the text into
    /// lines again.
    #[serde(skip)]
    pub other_lines: Option<Vec<Span>>,
    pub counts: Counts,
    pub quotes: Vec<Quote>,
    pub entities: Entities,
    pub events: Vec<Event>,
    pub timexes: Vec<Timex>,
}

/// A wire-style opening such as `LISBON. Mar 3 (Agency-Name) –`.
#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    /// The place in normal capitalization (`Lisbon`).
    pub place: Option<String>,
    /// ISO date when the dateline gives a day and the year can be fixed.
    pub date: Option<String>,
    /// The agency in parentheses, if any.
    pub agency: Option<String>,
    /// The dateline exactly as written, dash included.
    pub raw: String,
    pub span: Span,
}

/// A body paragraph with boilerplate removed.
#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraph {
    // `span` of the file's text; left empty by runs that print no
    // paragraphs (`ParseOptions::paragraph_texts`).
    pub text: String,
    pub span: Span,
}

#[derive(Serialize, JsonSchema, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
}

/// A direct quotation and the person it is attributed to.
#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    /// The text between the quote marks, exactly as written.
    pub text: String,
    /// Canonical name of the speaker, `null` when nobody can be named.
    pub speaker: Option<String>,
    /// The attribution cue (`said`, `according to`, …) when one was found.
    pub cue: Option<String>,
    /// The quoted text, marks excluded.
    pub span: Span,
}

/// The kind of a named entity.
#[derive(Serialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Place,
    Organization,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
        }
    }
}

// (The record an `EntityRef` of an article's `Entities` stands for; this
// type's doc comment is the schema's description.)
/// A person, place or organization under one canonical name.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Distinct surface forms as written, in order of first appearance.
    pub aliases: Vec<String>,
    /// Titles and roles given to a person (`UN Secretary General`).
    pub roles: Vec<String>,
    pub mentions: usize,
    pub spans: Vec<Span>,
}

/// Something that happened (or will) at a time and place.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// A short description taken from the text.
    pub what: String,
    /// The event type (`meeting`, `summit`, `press conference`, …).
    pub kind: String,
    #[serde(rename = "where")]
    pub place: Option<String>,
    /// ISO value at the precision the text supports.
    pub when: Option<String>,
    /// Last day of a multi-day event.
    pub until: Option<String>,
    pub participants: Vec<String>,
    /// The sentence that reports the event.
    pub span: Span,
}

/// A temporal expression and its normalized calendar value.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub text: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (TimeML-style extras: `YYYY-Www`
    /// for weeks, `YYY` for decades, a `TMO`/`TAF`/`TEV`/`TNI` suffix for
    /// parts of a day); `null` when it cannot be resolved.
    pub value: Option<String>,
    /// Last day of a written range (`November 28-29`), else absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    pub span: Span,
}
