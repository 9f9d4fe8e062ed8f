//! Per-stage benchmarks (`cargo bench`): parse, quotes, entities, timexes,
//! events and JSON rendering, each over the same set of real article texts
//! so that the stages can be compared with one another.
//!
//! The texts are the samples in `corpus/` plus, when `../shared` is
//! present, the first 200 BBC articles; without it the benches run on
//! `corpus/` alone and say so. Whole-process throughput is measured by
//! `scripts/bench`, not here.

use std::path::Path;

use corpus_cli::extract::{self, Extractor};
use corpus_cli::load::Source;
use corpus_cli::model::Article;
use corpus_cli::parse::{self, ParseOptions};
use divan::{Bencher, black_box, counter::BytesCount};

fn main() {
    divan::main();
}

/// How many BBC articles join the samples when they are present.
const SHARED_SAMPLE: usize = 200;

fn read_dir_texts(dir: &Path, limit: usize, out: &mut Vec<Source>) {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    for p in paths.into_iter().take(limit) {
        if let Ok(text) = std::fs::read_to_string(&p) {
            out.push(Source {
                id: p
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                path: p.display().to_string(),
                ascii: text.is_ascii(),
                text,
            });
        }
    }
}

fn sources() -> &'static [Source] {
    static SOURCES: std::sync::OnceLock<Vec<Source>> = std::sync::OnceLock::new();
    SOURCES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        read_dir_texts(&root.join("corpus"), usize::MAX, &mut out);
        let shared = root.join("../shared/corpora/bbc/text");
        if shared.is_dir() {
            read_dir_texts(&shared, SHARED_SAMPLE, &mut out);
        } else {
            eprintln!("stages: ../shared not found, benchmarking corpus/ only");
        }
        out
    })
}

fn opts() -> ParseOptions {
    ParseOptions {
        // A fixed reference day: relative dates must not depend on the clock.
        reference: jiff::civil::date(2026, 11, 23),
        paragraph_texts: true,
    }
}

fn bytes() -> BytesCount {
    BytesCount::new(sources().iter().map(|s| s.text.len()).sum::<usize>())
}

/// The parsed articles (no extractions), built once.
fn parsed() -> &'static [Article] {
    static PARSED: std::sync::OnceLock<Vec<Article>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| sources().iter().map(|s| parse::parse(s, &opts())).collect())
}

/// Fully extracted articles, for the renderer.
fn full() -> &'static [Article] {
    static FULL: std::sync::OnceLock<Vec<Article>> = std::sync::OnceLock::new();
    FULL.get_or_init(|| {
        let ex = Extractor::new();
        sources()
            .iter()
            .zip(parsed())
            .map(|(s, a)| {
                let mut a = a.clone();
                ex.run(&s.text, &mut a, &opts());
                a
            })
            .collect()
    })
}

#[divan::bench]
fn parse(b: Bencher) {
    let o = opts();
    b.counter(bytes()).bench(|| {
        sources()
            .iter()
            .map(|s| black_box(parse::parse(s, &o)).paragraphs.len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn quotes(b: Bencher) {
    let _ = parsed();
    b.counter(bytes()).bench(|| {
        sources()
            .iter()
            .zip(parsed())
            .map(|(s, a)| black_box(extract::quotes::extract(&s.text, a)).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn entities(b: Bencher) {
    let ex = Extractor::new();
    // Load the gazetteers outside the timed loop.
    let _ = ex.entities.gazetteer();
    let _ = parsed();
    b.counter(bytes()).bench(|| {
        sources()
            .iter()
            .zip(parsed())
            .map(|(s, a)| black_box(extract::entities::extract(&s.text, a, &ex.entities)).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn timexes(b: Bencher) {
    let o = opts();
    let _ = parsed();
    b.counter(bytes()).bench(|| {
        sources()
            .iter()
            .zip(parsed())
            .map(|(s, a)| black_box(extract::timex::extract(&s.text, a, &o)).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn events(b: Bencher) {
    // Events read the article's timexes and entities: start from full records.
    let _ = full();
    b.counter(bytes()).bench(|| {
        sources()
            .iter()
            .zip(full())
            .map(|(s, a)| black_box(extract::events::extract(&s.text, a)).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn json_render(b: Bencher) {
    let _ = full();
    let mut buf = Vec::with_capacity(1 << 20);
    b.counter(bytes()).bench_local(|| {
        buf.clear();
        for a in full() {
            corpus_cli::print::json::line(&mut buf, a).expect("render");
        }
        buf.len()
    });
}

/// Start-up: indexing the embedded gazetteers, which every run pays once
/// before its first article.
#[divan::bench]
fn gazetteer_load() -> corpus_cli::extract::entities::gazetteer::Gazetteer {
    corpus_cli::extract::entities::gazetteer::Gazetteer::load()
}

/// The timeline fold over a corpus of distinct events in one country (the
/// harness corpus repeats its texts, so its events merge and never test
/// this): one event per article, on days spread over ten years, in the
/// country or one of a few of its cities, a third of them undated. Time
/// per event should stay flat as the count grows tenfold.
#[divan::bench(args = [2_000, 20_000, 200_000])]
fn timeline_distinct_events(b: Bencher, n: usize) {
    use corpus_cli::model::Event;
    use corpus_cli::report::timeline::TimelineBuilder;
    let places = ["France", "Paris", "Lyon", "Marseille", "Toulouse"];
    let kinds = ["meeting", "summit", "talks", "press conference"];
    // A fixed linear congruential sequence: the same corpus every run.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |m: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        ((state >> 33) % m) as usize
    };
    let articles: Vec<Article> = (0..n)
        .map(|i| {
            let when = (next(3) > 0).then(|| {
                format!(
                    "{}-{:02}-{:02}",
                    2015 + next(10),
                    1 + next(12),
                    1 + next(28)
                )
            });
            let kind = kinds[next(kinds.len() as u64)];
            Article {
                id: format!("a{i}"),
                events: vec![Event {
                    what: kind.to_string(),
                    kind: kind.to_string(),
                    place: Some(places[next(places.len() as u64)].to_string()),
                    when,
                    until: None,
                    participants: Vec::new(),
                    span: Default::default(),
                }],
                ..Article::default()
            }
        })
        .collect();
    b.counter(divan::counter::ItemsCount::new(n)).bench(|| {
        let mut t = TimelineBuilder::default();
        for a in &articles {
            t.add_events(a);
        }
        t.finish().len()
    });
}
