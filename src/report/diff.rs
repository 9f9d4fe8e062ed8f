//! Semantic comparison of two analyses of a corpus (`corpus-cli diff`).
//!
//! Both sides are read into tolerant "side" records ([`SideArticle`],
//! [`SideSummary`]) that take the JSON wire format of `articles` and
//! `summarize` (missing keys default, unknown keys are ignored), so a report
//! written by an older or newer corpus-cli, or a corpus analysed on the fly,
//! compare alike. Articles are keyed by `id`; inside an article, quotes are
//! matched by normalized text, entities by name and then by shared aliases,
//! events by kind and description. Every list in the result has a fixed
//! order (the order of the new side, then of the old side) so that the diff
//! of the same inputs is the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::print::SCHEMA_VERSION;

// ---------------------------------------------------------------------------
// Input side records

/// One article as read from a report or built from a record.
#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideArticle {
    pub id: String,
    pub path: String,
    pub headline: Option<String>,
    pub dateline: Option<SideDateline>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub credits: Vec<String>,
    pub author: Option<String>,
    pub headings: Vec<String>,
    pub paragraphs: Vec<SideText>,
    pub counts: Option<SideCounts>,
    pub quotes: Vec<SideQuote>,
    pub entities: Vec<SideEntity>,
    pub events: Vec<SideEvent>,
    pub timexes: Vec<SideTimex>,
}

#[derive(Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct SideSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct SideDateline {
    pub place: Option<String>,
    pub date: Option<String>,
    pub agency: Option<String>,
    pub raw: String,
    pub span: Option<SideSpan>,
}

#[derive(Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct SideText {
    pub text: String,
    pub span: Option<SideSpan>,
}

#[derive(Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct SideCounts {
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
}

#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideQuote {
    pub text: String,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    pub span: Option<SideSpan>,
}

#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub spans: Vec<SideSpan>,
}

#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideEvent {
    pub what: String,
    pub kind: String,
    #[serde(rename = "where")]
    pub place: Option<String>,
    pub when: Option<String>,
    pub until: Option<String>,
    pub span: Option<SideSpan>,
    /// Reporting articles (timeline events of a summary only).
    pub articles: Vec<String>,
}

#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideTimex {
    pub text: String,
    pub value: Option<String>,
    pub span: Option<SideSpan>,
}

/// A `summarize --format json` report as read back.
#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideSummary {
    pub articles: usize,
    pub skipped: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub quotes: usize,
    pub date_span: Option<SideDateSpan>,
    pub undated: usize,
    pub sources: Vec<SideCount>,
    pub people: Vec<SideEntityCount>,
    pub places: Vec<SideEntityCount>,
    pub organizations: Vec<SideEntityCount>,
    pub table: Vec<SideRow>,
    pub timeline: Vec<SideEvent>,
}

#[derive(Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct SideDateSpan {
    pub first: String,
    pub last: String,
}

#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideCount {
    pub name: String,
    pub articles: usize,
}

#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideEntityCount {
    pub name: String,
    pub mentions: usize,
    pub articles: usize,
}

#[derive(Deserialize, Clone, Debug, Default)]
#[serde(default)]
pub struct SideRow {
    pub id: String,
    pub path: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub headline: Option<String>,
    pub words: usize,
    pub quotes: usize,
}

// ---------------------------------------------------------------------------
// Options

/// Parts of the records `diff` can be told to leave out (`--ignore`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Headline,
    Dateline,
    Date,
    Source,
    Author,
    Credits,
    Headings,
    Paragraphs,
    Counts,
    Spans,
    Quotes,
    Entities,
    Events,
    Timexes,
    Sources,
    Timeline,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Headline => "headline",
            Field::Dateline => "dateline",
            Field::Date => "date",
            Field::Source => "source",
            Field::Author => "author",
            Field::Credits => "credits",
            Field::Headings => "headings",
            Field::Paragraphs => "paragraphs",
            Field::Counts => "counts",
            Field::Spans => "spans",
            Field::Quotes => "quotes",
            Field::Entities => "entities",
            Field::Events => "events",
            Field::Timexes => "timexes",
            Field::Sources => "sources",
            Field::Timeline => "timeline",
        }
    }
}

/// What `diff` compares.
#[derive(Clone, Debug, Default)]
pub struct DiffOptions {
    pub ignore: BTreeSet<Field>,
}

impl DiffOptions {
    fn on(&self, f: Field) -> bool {
        !self.ignore.contains(&f)
    }
}

// ---------------------------------------------------------------------------
// Output records (the `diff --format json` document)

/// The `diff --format json` document.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    pub version: u32,
    pub old: SideInfo,
    pub new: SideInfo,
    /// The `--ignore` fields, sorted.
    pub ignored: Vec<String>,
    /// True when nothing compared differs.
    pub equal: bool,
    pub articles: ArticlesDiff,
    /// Differences of corpus-level sections; `null` unless both sides are
    /// (or were turned into) `summarize` reports.
    pub summary: Option<SummaryDiff>,
}

/// One side of the comparison.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct SideInfo {
    /// The path as given.
    pub path: String,
    /// `corpus`, `articles` (an `articles --format json|jsonl` report) or
    /// `summary` (a `summarize --format json` report).
    pub kind: String,
    pub articles: usize,
}

#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticlesDiff {
    /// Articles only in NEW, in NEW's order.
    pub added: Vec<ArticleRef>,
    /// Articles only in OLD, in OLD's order.
    pub removed: Vec<ArticleRef>,
    /// Articles in both that differ, in NEW's order.
    pub changed: Vec<ArticleChange>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct ArticleRef {
    pub id: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub headline: Option<String>,
}

/// How one article differs.
#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleChange {
    pub id: String,
    /// The headline on the new side.
    pub headline: Option<String>,
    /// Header fields and sizes that changed, in record order.
    pub fields: Vec<FieldChange>,
    /// Extractions whose text is unchanged but whose offsets moved.
    pub spans_moved: usize,
    pub quotes: QuotesDiff,
    pub entities: EntitiesDiff,
    pub events: EventsDiff,
    pub timexes: TimexesDiff,
}

/// A value that changed, rendered as text (`null`: absent on that side).
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct QuotesDiff {
    pub added: Vec<QuoteRef>,
    pub removed: Vec<QuoteRef>,
    /// The same quote (by normalized text) with another speaker.
    pub reattributed: Vec<Reattribution>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct QuoteRef {
    pub text: String,
    pub speaker: Option<String>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Reattribution {
    /// The quote as written on the new side.
    pub text: String,
    pub old_speaker: Option<String>,
    pub new_speaker: Option<String>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct EntitiesDiff {
    pub added: Vec<EntityRef>,
    pub removed: Vec<EntityRef>,
    /// One old entity now under another name (they share an alias).
    pub renamed: Vec<Rename>,
    /// Several old entities now one new entity (by shared aliases).
    pub merged: Vec<Merge>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct EntityRef {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Rename {
    #[serde(rename = "type")]
    pub kind: String,
    pub old: String,
    pub new: String,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    #[serde(rename = "type")]
    pub kind: String,
    /// The old names, in OLD's order.
    pub old: Vec<String>,
    pub new: String,
}

#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct EventsDiff {
    pub added: Vec<EventRef>,
    pub removed: Vec<EventRef>,
    /// Same kind and description, another date or place.
    pub moved: Vec<EventMove>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct EventRef {
    pub kind: String,
    pub what: String,
    pub when: Option<String>,
    pub until: Option<String>,
    #[serde(rename = "where")]
    pub place: Option<String>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct EventMove {
    pub kind: String,
    pub what: String,
    pub old: EventPlace,
    pub new: EventPlace,
}

/// When and where an event happens.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct EventPlace {
    pub when: Option<String>,
    pub until: Option<String>,
    #[serde(rename = "where")]
    pub place: Option<String>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct TimexesDiff {
    pub added: Vec<TimexRef>,
    pub removed: Vec<TimexRef>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct TimexRef {
    pub text: String,
    pub value: Option<String>,
}

/// Corpus-level sections of two `summarize` reports.
#[derive(Serialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryDiff {
    /// Totals and the date span (`articles`, `words`, …).
    pub totals: Vec<FieldChange>,
    /// Sources whose article count changed (`null`: not listed on that side).
    pub sources: Vec<CountChange>,
    /// Changes of the top people, places and organizations lists.
    pub people: Vec<EntityCountChange>,
    pub places: Vec<EntityCountChange>,
    pub organizations: Vec<EntityCountChange>,
    pub timeline: EventsDiff,
    /// Timeline events in both whose reporting articles changed.
    pub timeline_articles: Vec<ReportersChange>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct ReportersChange {
    pub kind: String,
    pub what: String,
    /// Article ids, in input order.
    pub old: Vec<String>,
    pub new: Vec<String>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct CountChange {
    pub name: String,
    pub old: Option<usize>,
    pub new: Option<usize>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct EntityCountChange {
    pub name: String,
    pub old: Option<MentionCount>,
    pub new: Option<MentionCount>,
}

#[derive(Serialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionCount {
    pub mentions: usize,
    pub articles: usize,
}

impl ArticleChange {
    fn is_empty(&self) -> bool {
        self.fields.is_empty()
            && self.spans_moved == 0
            && self.quotes == QuotesDiff::default()
            && self.entities == EntitiesDiff::default()
            && self.events == EventsDiff::default()
            && self.timexes == TimexesDiff::default()
    }
}

impl Diff {
    fn finish(mut self) -> Diff {
        self.equal = self.articles == ArticlesDiff::default()
            && self
                .summary
                .as_ref()
                .is_none_or(|s| *s == SummaryDiff::default());
        self
    }
}

// ---------------------------------------------------------------------------
// Comparison

fn header(opts: &DiffOptions, old: SideInfo, new: SideInfo) -> Diff {
    Diff {
        version: SCHEMA_VERSION,
        old,
        new,
        ignored: opts.ignore.iter().map(|f| f.as_str().to_string()).collect(),
        equal: true,
        articles: ArticlesDiff::default(),
        summary: None,
    }
}

/// Compares two lists of article records keyed by `id`.
pub fn articles(
    old_info: SideInfo,
    new_info: SideInfo,
    old: &[SideArticle],
    new: &[SideArticle],
    opts: &DiffOptions,
) -> Diff {
    let mut d = header(opts, old_info, new_info);
    // Ids are file stems: two files of one name in different folders share
    // one, so the k-th record of an id is paired with the k-th on the other
    // side.
    let ok: Vec<&str> = old.iter().map(|a| a.id.as_str()).collect();
    let nk: Vec<&str> = new.iter().map(|a| a.id.as_str()).collect();
    let (pairs, added, removed) = pair(&ok, &nk);
    let mut changed: Vec<(usize, ArticleChange)> = pairs
        .into_iter()
        .map(|(i, j)| (j, article(&old[i], &new[j], opts)))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    changed.sort_by_key(|(j, _)| *j);
    d.articles.changed = changed.into_iter().map(|(_, c)| c).collect();
    d.articles.added = added.into_iter().map(|j| article_ref(&new[j])).collect();
    d.articles.removed = removed.into_iter().map(|i| article_ref(&old[i])).collect();
    d.finish()
}

fn article_ref(a: &SideArticle) -> ArticleRef {
    ArticleRef {
        id: a.id.clone(),
        date: a.date.clone(),
        source: a.source.clone(),
        headline: a.headline.clone(),
    }
}

fn change(out: &mut Vec<FieldChange>, field: &str, old: Option<String>, new: Option<String>) {
    if old != new {
        out.push(FieldChange {
            field: field.into(),
            old,
            new,
        });
    }
}

fn dateline_text(d: &SideDateline) -> String {
    if !d.raw.is_empty() {
        return d.raw.clone();
    }
    let mut s = d.place.clone().unwrap_or_default();
    if let Some(date) = &d.date {
        s.push_str(&format!(", {date}"));
    }
    if let Some(a) = &d.agency {
        s.push_str(&format!(" ({a})"));
    }
    s
}

fn list(v: &[String]) -> Option<String> {
    (!v.is_empty()).then(|| v.join(", "))
}

fn counts_text(c: &SideCounts) -> String {
    format!(
        "{} words, {} sentences, {} paragraphs",
        c.words, c.sentences, c.paragraphs
    )
}

/// Compares two records of one article.
fn article(o: &SideArticle, n: &SideArticle, opts: &DiffOptions) -> ArticleChange {
    let mut c = ArticleChange {
        id: n.id.clone(),
        headline: n.headline.clone(),
        ..ArticleChange::default()
    };
    let f = &mut c.fields;
    if opts.on(Field::Headline) {
        change(f, "headline", o.headline.clone(), n.headline.clone());
    }
    if opts.on(Field::Dateline) {
        let (od, nd) = (
            o.dateline.as_ref().map(dateline_text),
            n.dateline.as_ref().map(dateline_text),
        );
        if od != nd {
            change(f, "dateline", od, nd);
        } else if let (Some(a), Some(b)) = (&o.dateline, &n.dateline)
            && (a.place != b.place || a.date != b.date || a.agency != b.agency)
        {
            let parts = |d: &SideDateline| {
                format!(
                    "place {}, date {}, agency {}",
                    d.place.as_deref().unwrap_or("-"),
                    d.date.as_deref().unwrap_or("-"),
                    d.agency.as_deref().unwrap_or("-")
                )
            };
            change(f, "dateline", Some(parts(a)), Some(parts(b)));
        }
    }
    if opts.on(Field::Date) {
        change(f, "date", o.date.clone(), n.date.clone());
    }
    if opts.on(Field::Source) {
        change(f, "source", o.source.clone(), n.source.clone());
    }
    if opts.on(Field::Credits) {
        change(f, "credits", list(&o.credits), list(&n.credits));
    }
    if opts.on(Field::Author) {
        change(f, "author", o.author.clone(), n.author.clone());
    }
    if opts.on(Field::Headings) {
        change(f, "headings", list(&o.headings), list(&n.headings));
    }
    if opts.on(Field::Paragraphs) {
        let ot: Vec<&str> = o.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let nt: Vec<&str> = n.paragraphs.iter().map(|p| p.text.as_str()).collect();
        if ot != nt {
            let (added, removed) = multiset_delta(&ot, &nt);
            change(
                f,
                "paragraphs",
                Some(format!("{} paragraphs", ot.len())),
                Some(format!(
                    "{} paragraphs ({} added, {} removed{})",
                    nt.len(),
                    added,
                    removed,
                    if added == 0 && removed == 0 {
                        ", reordered"
                    } else {
                        ""
                    }
                )),
            );
        }
    }
    if opts.on(Field::Counts) {
        change(
            f,
            "counts",
            o.counts.as_ref().map(counts_text),
            n.counts.as_ref().map(counts_text),
        );
    }
    let spans = opts.on(Field::Spans);
    if spans {
        if let (Some(a), Some(b)) = (&o.dateline, &n.dateline)
            && a.raw == b.raw
            && a.span != b.span
        {
            c.spans_moved += 1;
        }
        if opts.on(Field::Paragraphs) {
            c.spans_moved += o
                .paragraphs
                .iter()
                .zip(&n.paragraphs)
                .filter(|(a, b)| a.text == b.text && a.span != b.span)
                .count();
        }
    }
    if opts.on(Field::Quotes) {
        let (q, moved) = quotes(&o.quotes, &n.quotes);
        c.quotes = q;
        if spans {
            c.spans_moved += moved;
        }
    }
    if opts.on(Field::Entities) {
        let (e, moved) = entities(&o.entities, &n.entities);
        c.entities = e;
        if spans {
            c.spans_moved += moved;
        }
    }
    if opts.on(Field::Events) {
        let (e, moved) = events(&o.events, &n.events);
        c.events = e;
        if spans {
            c.spans_moved += moved;
        }
    }
    if opts.on(Field::Timexes) {
        let (t, moved) = timexes(&o.timexes, &n.timexes);
        c.timexes = t;
        if spans {
            c.spans_moved += moved;
        }
    }
    c
}

/// How many items of `new` are not in `old` and of `old` not in `new`,
/// counting repeats.
fn multiset_delta(old: &[&str], new: &[&str]) -> (usize, usize) {
    let mut count: HashMap<&str, isize> = HashMap::new();
    for s in old {
        *count.entry(s).or_default() -= 1;
    }
    for s in new {
        *count.entry(s).or_default() += 1;
    }
    let added = count
        .values()
        .filter(|v| **v > 0)
        .map(|v| *v as usize)
        .sum();
    let removed = count
        .values()
        .filter(|v| **v < 0)
        .map(|v| (-*v) as usize)
        .sum();
    (added, removed)
}

/// Quote text for matching: case-folded, whitespace collapsed, typographic
/// apostrophes and dashes made plain.
pub fn normalize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Pairs items of `old` and `new` with equal keys, in order. Returns the
/// pairs (old index, new index) and the unpaired indexes of each side.
fn pair<K: Eq + std::hash::Hash>(
    old: &[K],
    new: &[K],
) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut queue: HashMap<&K, std::collections::VecDeque<usize>> = HashMap::new();
    for (i, k) in old.iter().enumerate() {
        queue.entry(k).or_default().push_back(i);
    }
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    for (j, k) in new.iter().enumerate() {
        match queue.get_mut(k).and_then(|q| q.pop_front()) {
            Some(i) => pairs.push((i, j)),
            None => added.push(j),
        }
    }
    let used: BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
    let removed = (0..old.len()).filter(|i| !used.contains(i)).collect();
    (pairs, added, removed)
}

fn quotes(old: &[SideQuote], new: &[SideQuote]) -> (QuotesDiff, usize) {
    let ok: Vec<String> = old.iter().map(|q| normalize(&q.text)).collect();
    let nk: Vec<String> = new.iter().map(|q| normalize(&q.text)).collect();
    let (pairs, added, removed) = pair(&ok, &nk);
    let mut d = QuotesDiff::default();
    let mut moved = 0;
    for (i, j) in pairs {
        let (o, n) = (&old[i], &new[j]);
        if o.speaker != n.speaker {
            d.reattributed.push(Reattribution {
                text: n.text.clone(),
                old_speaker: o.speaker.clone(),
                new_speaker: n.speaker.clone(),
            });
        }
        if o.span != n.span {
            moved += 1;
        }
    }
    let r = |q: &SideQuote| QuoteRef {
        text: q.text.clone(),
        speaker: q.speaker.clone(),
    };
    d.added = added.into_iter().map(|j| r(&new[j])).collect();
    d.removed = removed.into_iter().map(|i| r(&old[i])).collect();
    (d, moved)
}

fn entity_keys(e: &SideEntity) -> BTreeSet<String> {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .map(|s| normalize(s))
        .collect()
}

fn entities(old: &[SideEntity], new: &[SideEntity]) -> (EntitiesDiff, usize) {
    let ok: Vec<(String, String)> = old
        .iter()
        .map(|e| (e.kind.clone(), e.name.clone()))
        .collect();
    let nk: Vec<(String, String)> = new
        .iter()
        .map(|e| (e.kind.clone(), e.name.clone()))
        .collect();
    let (pairs, added, removed) = pair(&ok, &nk);
    let moved = pairs
        .iter()
        .filter(|(i, j)| old[*i].spans != new[*j].spans)
        .count();
    let name_matched: BTreeSet<usize> = pairs.iter().map(|p| p.1).collect();
    // Unmatched old entities that share a name or alias with a new entity
    // of the same type: renamed (one old → an unmatched new) or merged.
    let mut targets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut gone = Vec::new();
    for i in removed {
        let keys = entity_keys(&old[i]);
        let target = new
            .iter()
            .enumerate()
            .position(|(_, n)| n.kind == old[i].kind && !entity_keys(n).is_disjoint(&keys));
        match target {
            Some(j) => targets.entry(j).or_default().push(i),
            None => gone.push(i),
        }
    }
    let mut d = EntitiesDiff::default();
    let mut taken = BTreeSet::new();
    for (j, olds) in &targets {
        let n = &new[*j];
        if olds.len() == 1 && !name_matched.contains(j) {
            d.renamed.push(Rename {
                kind: n.kind.clone(),
                old: old[olds[0]].name.clone(),
                new: n.name.clone(),
            });
        } else {
            let mut names: Vec<String> = Vec::new();
            if let Some((i, _)) = pairs.iter().find(|p| p.1 == *j) {
                names.push(old[*i].name.clone());
            }
            names.extend(olds.iter().map(|i| old[*i].name.clone()));
            d.merged.push(Merge {
                kind: n.kind.clone(),
                old: names,
                new: n.name.clone(),
            });
        }
        taken.insert(*j);
    }
    let r = |e: &SideEntity| EntityRef {
        name: e.name.clone(),
        kind: e.kind.clone(),
    };
    d.added = added
        .into_iter()
        .filter(|j| !taken.contains(j))
        .map(|j| r(&new[j]))
        .collect();
    d.removed = gone.into_iter().map(|i| r(&old[i])).collect();
    (d, moved)
}

fn event_ref(e: &SideEvent) -> EventRef {
    EventRef {
        kind: e.kind.clone(),
        what: e.what.clone(),
        when: e.when.clone(),
        until: e.until.clone(),
        place: e.place.clone(),
    }
}

fn event_place(e: &SideEvent) -> EventPlace {
    EventPlace {
        when: e.when.clone(),
        until: e.until.clone(),
        place: e.place.clone(),
    }
}

fn events(old: &[SideEvent], new: &[SideEvent]) -> (EventsDiff, usize) {
    let key = |e: &SideEvent| (e.kind.clone(), normalize(&e.what));
    let ok: Vec<_> = old.iter().map(key).collect();
    let nk: Vec<_> = new.iter().map(key).collect();
    let (pairs, added, removed) = pair(&ok, &nk);
    let mut d = EventsDiff::default();
    let mut moved = 0;
    for (i, j) in pairs {
        let (o, n) = (&old[i], &new[j]);
        if event_place(o) != event_place(n) {
            d.moved.push(EventMove {
                kind: n.kind.clone(),
                what: n.what.clone(),
                old: event_place(o),
                new: event_place(n),
            });
        }
        if o.span != n.span {
            moved += 1;
        }
    }
    d.added = added.into_iter().map(|j| event_ref(&new[j])).collect();
    d.removed = removed.into_iter().map(|i| event_ref(&old[i])).collect();
    (d, moved)
}

fn timexes(old: &[SideTimex], new: &[SideTimex]) -> (TimexesDiff, usize) {
    let key = |t: &SideTimex| (t.text.clone(), t.value.clone());
    let ok: Vec<_> = old.iter().map(key).collect();
    let nk: Vec<_> = new.iter().map(key).collect();
    let (pairs, added, removed) = pair(&ok, &nk);
    let moved = pairs
        .iter()
        .filter(|(i, j)| old[*i].span != new[*j].span)
        .count();
    let r = |t: &SideTimex| TimexRef {
        text: t.text.clone(),
        value: t.value.clone(),
    };
    (
        TimexesDiff {
            added: added.into_iter().map(|j| r(&new[j])).collect(),
            removed: removed.into_iter().map(|i| r(&old[i])).collect(),
        },
        moved,
    )
}

/// Compares two `summarize` reports: the article table keyed by `id`, then
/// totals, sources, top entities and the timeline.
pub fn summaries(
    old_info: SideInfo,
    new_info: SideInfo,
    old: &SideSummary,
    new: &SideSummary,
    opts: &DiffOptions,
) -> Diff {
    let row = |r: &SideRow| SideArticle {
        id: r.id.clone(),
        path: r.path.clone(),
        headline: r.headline.clone(),
        date: r.date.clone(),
        source: r.source.clone(),
        counts: None,
        ..SideArticle::default()
    };
    let oa: Vec<SideArticle> = old.table.iter().map(row).collect();
    let na: Vec<SideArticle> = new.table.iter().map(row).collect();
    let mut d = articles(old_info, new_info, &oa, &na, opts);
    // Row sizes are what the table holds of counts and quotes.
    if opts.on(Field::Counts) || opts.on(Field::Quotes) {
        let old_rows: HashMap<&str, &SideRow> =
            old.table.iter().map(|r| (r.id.as_str(), r)).collect();
        for n in &new.table {
            let Some(o) = old_rows.get(n.id.as_str()) else {
                continue;
            };
            let mut fields = Vec::new();
            if opts.on(Field::Counts) {
                change(
                    &mut fields,
                    "words",
                    Some(o.words.to_string()),
                    Some(n.words.to_string()),
                );
            }
            if opts.on(Field::Quotes) {
                change(
                    &mut fields,
                    "quotes",
                    Some(o.quotes.to_string()),
                    Some(n.quotes.to_string()),
                );
            }
            if fields.is_empty() {
                continue;
            }
            match d.articles.changed.iter_mut().find(|c| c.id == n.id) {
                Some(c) => c.fields.extend(fields),
                None => d.articles.changed.push(ArticleChange {
                    id: n.id.clone(),
                    headline: n.headline.clone(),
                    fields,
                    ..ArticleChange::default()
                }),
            }
        }
        // Keep NEW's order.
        let order: HashMap<&str, usize> = new
            .table
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        d.articles
            .changed
            .sort_by_key(|c| order.get(c.id.as_str()).copied().unwrap_or(usize::MAX));
    }
    let mut s = SummaryDiff::default();
    if opts.on(Field::Counts) {
        let t = &mut s.totals;
        for (name, a, b) in [
            ("articles", old.articles, new.articles),
            ("skipped", old.skipped, new.skipped),
            ("words", old.words, new.words),
            ("sentences", old.sentences, new.sentences),
            ("paragraphs", old.paragraphs, new.paragraphs),
            ("quotes", old.quotes, new.quotes),
            ("undated", old.undated, new.undated),
        ] {
            change(t, name, Some(a.to_string()), Some(b.to_string()));
        }
    }
    if opts.on(Field::Date) {
        let span =
            |d: &Option<SideDateSpan>| d.as_ref().map(|d| format!("{} to {}", d.first, d.last));
        change(
            &mut s.totals,
            "date_span",
            span(&old.date_span),
            span(&new.date_span),
        );
    }
    if opts.on(Field::Sources) {
        let om: BTreeMap<&str, usize> = old
            .sources
            .iter()
            .map(|c| (c.name.as_str(), c.articles))
            .collect();
        let nm: BTreeMap<&str, usize> = new
            .sources
            .iter()
            .map(|c| (c.name.as_str(), c.articles))
            .collect();
        let names: BTreeSet<&str> = om.keys().chain(nm.keys()).copied().collect();
        for name in names {
            let (a, b) = (om.get(name).copied(), nm.get(name).copied());
            if a != b {
                s.sources.push(CountChange {
                    name: name.into(),
                    old: a,
                    new: b,
                });
            }
        }
    }
    if opts.on(Field::Entities) {
        s.people = entity_counts(&old.people, &new.people, opts);
        s.places = entity_counts(&old.places, &new.places, opts);
        s.organizations = entity_counts(&old.organizations, &new.organizations, opts);
    }
    if opts.on(Field::Timeline) && opts.on(Field::Events) {
        s.timeline = events(&old.timeline, &new.timeline).0;
        let key = |e: &SideEvent| (e.kind.clone(), normalize(&e.what));
        let ok: Vec<_> = old.timeline.iter().map(key).collect();
        let nk: Vec<_> = new.timeline.iter().map(key).collect();
        for (i, j) in pair(&ok, &nk).0 {
            let (o, n) = (&old.timeline[i], &new.timeline[j]);
            if o.articles != n.articles {
                s.timeline_articles.push(ReportersChange {
                    kind: n.kind.clone(),
                    what: n.what.clone(),
                    old: o.articles.clone(),
                    new: n.articles.clone(),
                });
            }
        }
    }
    d.summary = Some(s);
    d.finish()
}

fn entity_counts(
    old: &[SideEntityCount],
    new: &[SideEntityCount],
    opts: &DiffOptions,
) -> Vec<EntityCountChange> {
    let m = |v: &[SideEntityCount]| -> BTreeMap<String, MentionCount> {
        v.iter()
            .map(|e| {
                (
                    e.name.clone(),
                    MentionCount {
                        mentions: e.mentions,
                        articles: e.articles,
                    },
                )
            })
            .collect()
    };
    let (om, nm) = (m(old), m(new));
    let mut out = Vec::new();
    // In NEW's ranking, then names that left the list in OLD's ranking.
    let names = new.iter().chain(old).map(|e| e.name.clone());
    let mut seen = BTreeSet::new();
    for name in names {
        if !seen.insert(name.clone()) {
            continue;
        }
        let (a, b) = (om.get(&name).copied(), nm.get(&name).copied());
        let differ = match (a, b) {
            (Some(_), Some(_)) => opts.on(Field::Counts) && a != b,
            _ => true,
        };
        if differ {
            out.push(EntityCountChange {
                name,
                old: a,
                new: b,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, speaker: Option<&str>) -> SideQuote {
        SideQuote {
            text: text.into(),
            speaker: speaker.map(Into::into),
            ..SideQuote::default()
        }
    }

    fn entity(name: &str, aliases: &[&str]) -> SideEntity {
        SideEntity {
            name: name.into(),
            kind: "person".into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            spans: Vec::new(),
        }
    }

    #[test]
    fn quotes_match_by_normalized_text() {
        let old = [quote("We  will win", Some("A")), quote("No", Some("B"))];
        let new = [quote("we will win", Some("C")), quote("Yes", Some("B"))];
        let (d, _) = quotes(&old, &new);
        assert_eq!(d.reattributed.len(), 1);
        assert_eq!(d.reattributed[0].old_speaker.as_deref(), Some("A"));
        assert_eq!(d.added[0].text, "Yes");
        assert_eq!(d.removed[0].text, "No");
    }

    #[test]
    fn entities_renamed_and_merged_by_alias() {
        let old = [
            entity("Halvorsen", &["Halvorsen"]),
            entity("Erik", &["Erik"]),
            entity("Kovac", &["Kovac"]),
        ];
        let new = [
            entity("Erik Halvorsen", &["Erik Halvorsen", "Halvorsen", "Erik"]),
            entity("Maria Kovac", &["Maria Kovac", "Kovac"]),
        ];
        let (d, _) = entities(&old, &new);
        assert_eq!(d.merged.len(), 1);
        assert_eq!(d.merged[0].old, ["Halvorsen", "Erik"]);
        assert_eq!(d.renamed.len(), 1);
        assert_eq!(d.renamed[0].new, "Maria Kovac");
        assert!(d.added.is_empty() && d.removed.is_empty());
    }

    #[test]
    fn events_moved() {
        let e = |when: &str| SideEvent {
            what: "talks".into(),
            kind: "meeting".into(),
            when: Some(when.into()),
            ..SideEvent::default()
        };
        let (d, _) = events(&[e("2022-11-29")], &[e("2022-11-30")]);
        assert_eq!(d.moved.len(), 1);
        assert!(d.added.is_empty());
    }
}
