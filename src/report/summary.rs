//! The `summarize` report: corpus totals, sources, date span and one row per
//! article, built by folding articles one at a time.

use schemars::JsonSchema;
use serde::Serialize;

use crate::fasthash::Map as HashMap;
use crate::model::Article;
use crate::print::SCHEMA_VERSION;
use crate::report::entities::CorpusEntity;
use crate::report::table::ArticleTable;
use crate::report::timeline::{TimelineBuilder, TimelineEvent};

/// The corpus overview printed by `summarize`.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct CorpusSummary {
    pub version: u32,
    pub articles: usize,
    /// Inputs that could not be read.
    pub skipped: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub quotes: usize,
    /// Earliest and latest article dates; `null` when no article is dated.
    pub date_span: Option<DateSpan>,
    pub undated: usize,
    /// Sources by number of articles (descending), then name.
    pub sources: Vec<SourceCount>,
    /// The most mentioned people, places and organizations.
    pub people: Vec<EntityCount>,
    pub places: Vec<EntityCount>,
    pub organizations: Vec<EntityCount>,
    // Spilled to a temporary file past a few thousand rows (`report::table`);
    // a plain comment so that the schema's description stays as it was.
    /// One row per article, in input order.
    pub table: ArticleTable,
    /// Events merged across articles, in date order (`timeline` command).
    pub timeline: Vec<TimelineEvent>,
    /// Named speakers by number of quotes (descending), then name; speakers
    /// are under their corpus names.
    pub speakers: Vec<SpeakerCount>,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct SpeakerCount {
    pub name: String,
    pub quotes: usize,
    /// Articles with at least one quote by this speaker.
    pub articles: usize,
}

/// How many entities of each type `summarize` lists.
const TOP_ENTITIES: usize = 5;

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct EntityCount {
    pub name: String,
    pub mentions: usize,
    pub articles: usize,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct DateSpan {
    pub first: String,
    pub last: String,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct SourceCount {
    pub name: String,
    pub articles: usize,
}

#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct ArticleRow {
    pub id: String,
    pub path: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub headline: Option<String>,
    pub words: usize,
    pub quotes: usize,
}

/// Folds articles into a [`CorpusSummary`].
#[derive(Debug, Default)]
pub struct SummaryBuilder {
    articles: usize,
    words: usize,
    sentences: usize,
    paragraphs: usize,
    quotes: usize,
    first: Option<String>,
    last: Option<String>,
    undated: usize,
    /// Source → articles. (Hashed: the report sorts them by count and name.)
    sources: HashMap<String, usize>,
    table: ArticleTable,
    entities: crate::report::entities::EntityAggregator,
    timeline: TimelineBuilder,
    /// Article-level speaker → (quotes, articles with a quote). (Hashed:
    /// the report merges them under their corpus names, then sorts.)
    speakers: HashMap<String, (usize, usize)>,
}

/// What the summary reads of one article, made by [`SummaryBuilder::digest`]
/// on the worker that built the article (`Pipeline::run_with`).
#[derive(Debug)]
pub struct Digest {
    /// The article with its table row's fields, its counts, its entities
    /// without their spans and its events (the timeline's); the rest was
    /// freed on the worker.
    article: Article,
    quotes: usize,
    /// The named speakers, each once, by name, with their number of
    /// quotes.
    speakers: Vec<(String, usize)>,
}

/// Up to this many quotes, an article's speakers are counted by a search
/// of the sorted list per quote ([`speaker_counts`]).
const FEW_QUOTES: usize = 32;

/// The distinct names among `names` (of `quotes` quotes, at least as many
/// as names), sorted, each with how often it came.
fn speaker_counts(names: impl Iterator<Item = String>, quotes: usize) -> Vec<(String, usize)> {
    if quotes <= FEW_QUOTES {
        // (Most articles have a few quotes by fewer speakers: each name is
        // found or put in its place in the short sorted list, instead of
        // all names being collected into a vector of their own and sorted.
        // The list is sized at its first name: many quotes name no one.)
        let mut speakers: Vec<(String, usize)> = Vec::new();
        for name in names {
            match speakers.binary_search_by(|(s, _)| s.as_str().cmp(&name)) {
                Ok(k) => speakers[k].1 += 1,
                Err(k) => {
                    if speakers.capacity() == 0 {
                        speakers = Vec::with_capacity(quotes);
                    }
                    speakers.insert(k, (name, 1));
                }
            }
        }
        return speakers;
    }
    // Sorted, then counted by runs: a search of the list for every quote
    // would be quadratic on an article with many speakers.
    let mut names: Vec<String> = names.collect();
    names.sort_unstable();
    let mut speakers: Vec<(String, usize)> = Vec::with_capacity(names.len());
    for name in names {
        match speakers.last_mut() {
            Some((last, n)) if *last == name => *n += 1,
            _ => speakers.push((name, 1)),
        }
    }
    speakers
}

impl SummaryBuilder {
    /// Keeps of `a` what [`SummaryBuilder::add_digest`] reads. It needs no
    /// builder, so that it runs on the workers.
    pub fn digest(a: &mut Article) -> Digest {
        a.entities.drop_spans();
        let quotes = a.quotes.len();
        let names = std::mem::take(&mut a.quotes)
            .into_iter()
            .filter_map(|q| q.speaker);
        let speakers = speaker_counts(names, quotes);
        Digest {
            article: Article {
                id: std::mem::take(&mut a.id),
                path: std::mem::take(&mut a.path),
                headline: a.headline.take(),
                date: a.date.take(),
                source: a.source.take(),
                counts: a.counts,
                entities: std::mem::take(&mut a.entities),
                events: std::mem::take(&mut a.events),
                ..Article::default()
            },
            quotes,
            speakers,
        }
    }

    /// Folds one article.
    pub fn add(&mut self, mut a: Article) {
        self.add_digest(&mut Self::digest(&mut a));
    }

    /// Folds one article's digest. Its table row's fields and the names it
    /// keeps move into the summary instead of being copied (the fold runs
    /// on the calling thread, which with `-j2` shares the machine with both
    /// workers); the rest stays in `d`, for the worker that made it to
    /// free (`Pipeline::run_with`).
    pub fn add_digest(&mut self, d: &mut Digest) {
        let a = &mut d.article;
        self.articles += 1;
        self.entities.add(a);
        self.words += a.counts.words;
        self.sentences += a.counts.sentences;
        self.paragraphs += a.counts.paragraphs;
        self.quotes += d.quotes;
        match &a.date {
            Some(day) => {
                if self.first.as_ref().is_none_or(|f| day < f) {
                    self.first = Some(day.clone());
                }
                if self.last.as_ref().is_none_or(|l| day > l) {
                    self.last = Some(day.clone());
                }
            }
            None => self.undated += 1,
        }
        // (Looked up before inserting: most names are already there, and
        // `entry` would take an owned copy of the key every time.)
        if let Some(s) = &a.source {
            match self.sources.get_mut(s) {
                Some(n) => *n += 1,
                None => {
                    self.sources.insert(s.clone(), 1);
                }
            }
        }
        // The entities were folded above: the timeline only needs events.
        self.timeline.add_events(a);
        for (name, quotes) in &mut d.speakers {
            match self.speakers.get_mut(name) {
                Some(e) => {
                    e.0 += *quotes;
                    e.1 += 1;
                }
                None => {
                    // Grown fourfold: every growth hashes each name again.
                    if self.speakers.len() == self.speakers.capacity() {
                        self.speakers.reserve(self.speakers.len() * 3 + 1);
                    }
                    self.speakers.insert(std::mem::take(name), (*quotes, 1));
                }
            }
        }
        self.table.push(ArticleRow {
            words: a.counts.words,
            quotes: d.quotes,
            id: std::mem::take(&mut a.id),
            path: std::mem::take(&mut a.path),
            date: a.date.take(),
            source: a.source.take(),
            headline: a.headline.take(),
        });
    }

    pub fn finish(mut self, skipped: usize) -> CorpusSummary {
        self.table.seal();
        let mut sources: Vec<SourceCount> = self
            .sources
            .into_iter()
            .map(|(name, articles)| SourceCount { name, articles })
            .collect();
        // (Names are distinct: the order is total, and a stable sort would
        // give the same.)
        sources.sort_unstable_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.name.cmp(&b.name))
        });
        // Article-level speaker names may differ across articles ("Anne
        // Roe" / "Ann Roe"); count them under their corpus names. An article
        // that quotes two variants of one person still counts once at most
        // per variant, so `articles` is an upper bound in that rare case.
        let mut names = self.entities.canonical_names();
        // (At most one entry a speaker: sized once instead of grown.)
        let mut merged: HashMap<String, (usize, usize)> =
            HashMap::with_capacity_and_hasher(self.speakers.len(), Default::default());
        for (name, (quotes, articles)) in self.speakers {
            let corpus = match names.get(&name) {
                Some(corpus) => corpus.to_string(),
                None => name,
            };
            let e = merged.entry(corpus).or_default();
            e.0 += quotes;
            e.1 += articles;
        }
        let mut speakers: Vec<SpeakerCount> = merged
            .into_iter()
            .map(|(name, (quotes, articles))| SpeakerCount {
                name,
                quotes,
                articles,
            })
            .collect();
        // (Distinct names again: no need for a stable sort or for keeping
        // `merged` in name order.)
        speakers.sort_unstable_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        let date_span = match (self.first, self.last) {
            (Some(first), Some(last)) => Some(DateSpan { first, last }),
            _ => None,
        };
        let top = self.entities.top_each(TOP_ENTITIES);
        let counts = |top: Vec<CorpusEntity>| -> Vec<EntityCount> {
            top.into_iter()
                .map(|e| EntityCount {
                    name: e.name,
                    mentions: e.mentions,
                    articles: e.articles,
                })
                .collect()
        };
        let (people, places, organizations) = (
            counts(top.people),
            counts(top.places),
            counts(top.organizations),
        );
        CorpusSummary {
            version: SCHEMA_VERSION,
            articles: self.articles,
            skipped,
            words: self.words,
            sentences: self.sentences,
            paragraphs: self.paragraphs,
            quotes: self.quotes,
            date_span,
            undated: self.undated,
            sources,
            people,
            places,
            organizations,
            table: self.table,
            timeline: self.timeline.finish_with(&mut names),
            speakers,
        }
    }
}

#[cfg(test)]
impl SummaryBuilder {
    /// The fold as it was before `digest`, straight from the article: the
    /// oracle that `digest` and `add_digest` are checked against.
    fn add_article(&mut self, mut a: Article) {
        self.articles += 1;
        self.entities.add(&mut a);
        self.words += a.counts.words;
        self.sentences += a.counts.sentences;
        self.paragraphs += a.counts.paragraphs;
        self.quotes += a.quotes.len();
        if let Some(d) = &a.date {
            if self.first.as_ref().is_none_or(|f| d < f) {
                self.first = Some(d.clone());
            }
            if self.last.as_ref().is_none_or(|l| d > l) {
                self.last = Some(d.clone());
            }
        } else {
            self.undated += 1;
        }
        if let Some(s) = &a.source {
            *self.sources.entry(s.clone()).or_default() += 1;
        }
        self.timeline.add_events(&a);
        let mut seen: Vec<&str> = Vec::new();
        for q in &a.quotes {
            if let Some(name) = &q.speaker {
                let e = self.speakers.entry(name.clone()).or_default();
                e.0 += 1;
                if !seen.contains(&name.as_str()) {
                    seen.push(name);
                    e.1 += 1;
                }
            }
        }
        self.table.push(ArticleRow {
            words: a.counts.words,
            quotes: a.quotes.len(),
            id: a.id,
            path: a.path,
            date: a.date,
            source: a.source,
            headline: a.headline,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Counts, Event, Paragraph, Quote, Span, Timex};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// Names that link across articles in several ways (case, a bare
    /// surname, an acronym), with non-ASCII ones and an empty one.
    const NAMES: &[&str] = &[
        "Ilse Wendlinger",
        "Wendlinger",
        "Zoë Brandt",
        "Zoe Brandt",
        "Brandt",
        "Nordic Trade Union",
        "NTU",
        "Port Veldra",
        "port veldra",
        "",
    ];

    fn arb_article() -> impl Strategy<Value = Article> {
        let name = || prop::sample::select(NAMES);
        let entity = crate::report::entities::tests::arb_entity_over(NAMES, 0..3, 0..2);
        let quote =
            (proptest::option::of(name()), "[a-zé ]{0,6}").prop_map(|(speaker, text)| Quote {
                text,
                speaker: speaker.map(String::from),
                cue: Some("said".into()),
                span: Span::new(1, 2),
            });
        let event = (
            prop::sample::select(&["meeting", "summit"][..]),
            proptest::option::of(prop::sample::select(&["Port Veldra", "Oslo"][..])),
            proptest::option::of(prop::sample::select(&["2031-05-02", "2031-05", "2030"][..])),
            prop::collection::vec(name(), 0..2),
        )
            .prop_map(|(kind, place, when, participants)| Event {
                what: format!("a {kind}"),
                kind: kind.into(),
                place: place.map(String::from),
                when: when.map(String::from),
                until: None,
                participants: participants.into_iter().map(String::from).collect(),
                span: Span::new(0, 3),
            });
        (
            proptest::option::of(prop::sample::select(
                &["2031-05-02", "2030-12-31", "2031-01-01"][..],
            )),
            proptest::option::of("[A-Bé]{0,2}"),
            proptest::option::of("[a-z]{0,5}"),
            (0..50usize, 0..9usize, 0..4usize),
            prop::collection::vec(quote, 0..5),
            prop::collection::vec(entity, 0..5),
            prop::collection::vec(event, 0..3),
        )
            .prop_map(
                |(
                    date,
                    source,
                    headline,
                    (words, sentences, paragraphs),
                    quotes,
                    entities,
                    events,
                )| {
                    Article {
                        path: "p".into(),
                        headline,
                        date: date.map(String::from),
                        source,
                        credits: vec!["AgencyX".into()],
                        author: Some("Ann Author".into()),
                        headings: vec!["Heading".into()],
                        paragraphs: vec![Paragraph {
                            text: "Text.".into(),
                            span: Span::new(0, 5),
                        }],
                        counts: Counts {
                            words,
                            sentences,
                            paragraphs,
                        },
                        quotes,
                        entities: entities.into(),
                        events,
                        timexes: vec![Timex {
                            text: "May".into(),
                            value: None,
                            until: None,
                            span: Span::new(0, 3),
                        }],
                        ..Article::default()
                    }
                },
            )
    }

    proptest! {
        /// The summary folded from digests is the summary folded from the
        /// articles themselves.
        #[test]
        fn the_digest_fold_is_the_article_fold(
            articles in prop::collection::vec(arb_article(), 0..10),
        ) {
            let (mut fast, mut slow) = (SummaryBuilder::default(), SummaryBuilder::default());
            for (i, mut a) in articles.into_iter().enumerate() {
                // Ids repeat, as with equal stems in two folders.
                a.id = (i % 4).to_string();
                fast.add_digest(&mut SummaryBuilder::digest(&mut a.clone()));
                slow.add_article(a);
            }
            let (fast, slow) = (fast.finish(2), slow.finish(2));
            prop_assert_eq!(
                serde_json::to_string(&fast).expect("json"),
                serde_json::to_string(&slow).expect("json")
            );
            prop_assert_eq!(fast, slow);
        }
    }

    fn article(id: &str, date: Option<&str>, source: Option<&str>) -> Article {
        Article {
            id: id.into(),
            date: date.map(Into::into),
            source: source.map(Into::into),
            ..Article::default()
        }
    }

    #[test]
    fn folds_dates_and_sources() {
        let mut b = SummaryBuilder::default();
        b.add(article("a", Some("2022-11-29"), Some("B")));
        b.add(article("b", None, Some("A")));
        b.add(article("c", Some("2021-01-02"), Some("B")));
        let s = b.finish(1);
        assert_eq!(s.articles, 3);
        assert_eq!(s.skipped, 1);
        assert_eq!(s.undated, 1);
        assert_eq!(
            s.date_span,
            Some(DateSpan {
                first: "2021-01-02".into(),
                last: "2022-11-29".into()
            })
        );
        let names: Vec<_> = s
            .sources
            .iter()
            .map(|s| (s.name.as_str(), s.articles))
            .collect();
        assert_eq!(names, [("B", 2), ("A", 1)]);
    }

    proptest::proptest! {
        /// Sources and speakers, ordered by count then name, against a
        /// name-ordered map and a stable sort.
        #[test]
        fn sources_and_speakers_in_order(
            articles in proptest::collection::vec(
                (
                    proptest::option::of("[A-Ca-c]{1,2}"),
                    proptest::collection::vec(proptest::option::of("[A-C]x|Ä|Bx Cy"), 0..4),
                ),
                0..12,
            )
        ) {
            let mut b = SummaryBuilder::default();
            let mut sources = BTreeMap::<String, usize>::new();
            let mut speakers = BTreeMap::<String, (usize, usize)>::new();
            for (i, (source, quotes)) in articles.iter().enumerate() {
                let mut a = article(&i.to_string(), None, source.as_deref());
                a.quotes = quotes
                    .iter()
                    .map(|s| crate::model::Quote {
                        speaker: s.clone(),
                        ..Default::default()
                    })
                    .collect();
                b.add(a);
                if let Some(s) = source {
                    *sources.entry(s.clone()).or_default() += 1;
                }
                let mut seen = Vec::new();
                for s in quotes.iter().flatten() {
                    let e = speakers.entry(s.clone()).or_default();
                    e.0 += 1;
                    if !seen.contains(&s) {
                        seen.push(s);
                        e.1 += 1;
                    }
                }
            }
            let s = b.finish(0);
            let mut want_sources: Vec<(String, usize)> = sources.into_iter().collect();
            want_sources.sort_by_key(|s| std::cmp::Reverse(s.1));
            let got_sources: Vec<(String, usize)> =
                s.sources.iter().map(|c| (c.name.clone(), c.articles)).collect();
            proptest::prop_assert_eq!(got_sources, want_sources);
            let mut want_speakers: Vec<(String, usize, usize)> =
                speakers.into_iter().map(|(n, (q, a))| (n, q, a)).collect();
            want_speakers.sort_by_key(|s| std::cmp::Reverse(s.1));
            let got_speakers: Vec<(String, usize, usize)> = s
                .speakers
                .iter()
                .map(|c| (c.name.clone(), c.quotes, c.articles))
                .collect();
            proptest::prop_assert_eq!(got_speakers, want_speakers);
        }
    }

    #[test]
    fn counts_quotes_and_articles_per_speaker() {
        let quote = |speaker: Option<&str>| crate::model::Quote {
            speaker: speaker.map(Into::into),
            ..Default::default()
        };
        let mut a = article("a", None, None);
        a.quotes = vec![quote(Some("Ann Lee")), quote(Some("Ann Lee")), quote(None)];
        let mut b = article("b", None, None);
        b.quotes = vec![
            quote(Some("Bo Ray")),
            quote(Some("Ann Lee")),
            quote(Some("Al Fox")),
        ];
        let mut builder = SummaryBuilder::default();
        builder.add(a);
        builder.add(b);
        let s = builder.finish(0);
        let got: Vec<_> = s
            .speakers
            .iter()
            .map(|c| (c.name.as_str(), c.quotes, c.articles))
            .collect();
        assert_eq!(got, [("Ann Lee", 3, 2), ("Al Fox", 1, 1), ("Bo Ray", 1, 1)]);
    }

    #[test]
    fn a_digest_counts_each_named_speaker_once_by_name() {
        let quote = |speaker: Option<&str>| crate::model::Quote {
            speaker: speaker.map(Into::into),
            ..Default::default()
        };
        let mut a = article("a", None, None);
        a.quotes = ["Bo Ray", "Al Fox", "Bo Ray", "", "Al Fox", "Bo Ray"]
            .iter()
            .map(|n| quote((!n.is_empty()).then_some(*n)))
            .collect();
        // Many distinct speakers, as in a hostile file. (This checks the
        // counts and the order; that they are found by sorting rather than
        // by a search per quote is read in the code, not timed here.)
        let mut many = article("b", None, None);
        many.quotes = (0..20_000)
            .rev()
            .map(|i| quote(Some(&format!("Speaker {i:05}"))))
            .collect();
        let d = SummaryBuilder::digest(&mut a);
        assert_eq!(d.quotes, 6);
        assert_eq!(
            d.speakers,
            [("Al Fox".to_string(), 2), ("Bo Ray".to_string(), 3)]
        );
        let d = SummaryBuilder::digest(&mut many);
        assert_eq!(d.speakers.len(), 20_000);
        assert!(
            d.speakers
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 == 1)
        );
    }

    proptest::proptest! {
        /// The speakers of an article, either way they are counted (a few
        /// quotes or many): each distinct name once, in byte order, with
        /// how many quotes name it.
        #[test]
        fn speaker_counts_are_the_sorted_distinct_names_and_counts(
            names in proptest::collection::vec("[abé ]{0,3}", 0..48),
            unnamed in 0usize..4,
        ) {
            let mut want = std::collections::BTreeMap::<String, usize>::new();
            for n in &names {
                *want.entry(n.clone()).or_default() += 1;
            }
            let want: Vec<(String, usize)> = want.into_iter().collect();
            let got = speaker_counts(names.iter().cloned(), names.len() + unnamed);
            proptest::prop_assert_eq!(got, want);
        }
    }
}
