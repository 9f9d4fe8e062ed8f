//! Property tests over the per-article pipeline and the `articles` command
//! (issue #6): any bytes are handled without a panic, every span lies in the
//! decoded text on char boundaries, the JSON parses, and the output does not
//! depend on the thread count or the order of the input list.
//!
//! Case counts are modest so that `cargo test` stays quick; the fuzz target
//! (`scripts/fuzz`) explores the same pipeline for much longer.

mod util;

use std::fs;

use corpus_cli::extract::Extractor;
use corpus_cli::parse::ParseOptions;
use proptest::prelude::*;
use tempfile::TempDir;
use util::run;

fn opts() -> ParseOptions {
    ParseOptions {
        reference: jiff::civil::date(2026, 11, 23),
        paragraph_texts: true,
    }
}

/// Bytes biased towards article-like text: words, capitals, quote marks,
/// dates, punctuation, newlines, multi-byte and control characters.
fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("The ".to_string()),
        Just("said ".to_string()),
        Just("\"".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{201D}".to_string()),
        Just("\u{2019}s ".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" – ".to_string()),
        Just("meeting in ".to_string()),
        Just("on Monday ".to_string()),
        Just("November 20, 2026 ".to_string()),
        Just("(Agency) ".to_string()),
        Just("By ".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{202E}".to_string()),
        Just("é".to_string()),
        "[A-Z][a-z]{1,8} ",
        "[a-z]{1,8} ",
        "[0-9]{1,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop_oneof![
        prop::collection::vec(piece, 0..80).prop_map(|v| v.concat().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..300),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn any_bytes_give_valid_spans_and_json(bytes in article_bytes()) {
        let ex = Extractor::new();
        let Ok(article) = corpus_cli::process_bytes("p.txt", &bytes, &ex, &opts()) else {
            return Ok(()); // refused as binary
        };
        let (text, _) = corpus_cli::load::decode(&bytes).unwrap();
        if let Some((what, span)) = corpus_cli::bad_span(&article, &text) {
            prop_assert!(false, "{} span {:?} outside text {:?}", what, span, text);
        }
        let json = serde_json::to_string(&article).unwrap();
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back["id"].as_str(), Some("p"));
    }
}

/// The article of `bytes` with and without the paragraphs' text copies
/// (`ParseOptions::paragraph_texts`), as JSON, the copies then emptied in
/// the first: the runs that keep none must find everything else alike.
fn with_and_without_texts(bytes: &[u8]) -> Option<(serde_json::Value, serde_json::Value)> {
    let ex = Extractor::new();
    let mut kept = corpus_cli::process_bytes("p.txt", bytes, &ex, &opts()).ok()?;
    let (text, _) = corpus_cli::load::decode(bytes).unwrap();
    for p in &mut kept.paragraphs {
        assert_eq!(
            p.text,
            text[p.span.start..p.span.end],
            "a kept text is its span"
        );
        p.text.clear();
    }
    let lean = ParseOptions {
        paragraph_texts: false,
        ..opts()
    };
    let bare = corpus_cli::process_bytes("p.txt", bytes, &ex, &lean).unwrap();
    Some((
        serde_json::to_value(&kept).unwrap(),
        serde_json::to_value(&bare).unwrap(),
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn paragraph_texts_change_nothing_else(bytes in article_bytes()) {
        if let Some((kept, bare)) = with_and_without_texts(&bytes) {
            prop_assert_eq!(kept, bare);
        }
    }
}

/// The same over the sample articles of `corpus/`.
#[test]
fn paragraph_texts_change_nothing_else_in_the_samples() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut seen = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        let (kept, bare) = with_and_without_texts(&bytes).expect("a sample is text");
        assert!(!kept["paragraphs"].as_array().unwrap().is_empty());
        assert_eq!(kept, bare);
        seen += 1;
    }
    assert!(seen >= 5, "{seen} samples");
}

/// A few generated article texts (no sample text).
fn small_article() -> impl Strategy<Value = String> {
    (
        "[A-Z][a-z]{2,7}",
        "[A-Z][a-z]{2,7}",
        "[a-z]{3,8}",
        1u32..28,
        any::<bool>(),
    )
        .prop_map(|(first, last, word, day, quoted)| {
            let quote = if quoted {
                format!("\n\n\"The {word} is ready,\" {first} {last} said.")
            } else {
                String::new()
            };
            format!(
                "{last} reports on {word}\n\n{first} {last} met officials in Geneva on \
                 November {day}, 2026, the {word} office said.{quote}\n"
            )
        })
}

proptest! {
    // Each case runs the binary three times: keep the count small.
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn articles_output_ignores_threads_and_input_order(
        texts in prop::collection::vec(small_article(), 2..7),
        seed in any::<u64>(),
    ) {
        let dir = TempDir::new().unwrap();
        let mut names: Vec<String> = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let name = format!("{}/a{i}.txt", dir.path().display());
            fs::write(&name, t).unwrap();
            names.push(name);
        }
        // A deterministic permutation from the seed.
        let mut shuffled = names.clone();
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let dir_arg = dir.path().to_str().unwrap();
        let one = run(&["articles", dir_arg, "--format", "jsonl", "-j", "1"]);
        let four = run(&["articles", dir_arg, "--format", "jsonl", "-j", "4"]);
        prop_assert_eq!(one.code, 0, "{}", one.stderr);
        prop_assert_eq!(&one.stdout, &four.stdout);
        // The same files listed in any order: the same bytes as the
        // directory run.
        let mut args = vec!["articles", "--format", "jsonl", "-j", "4"];
        args.extend(shuffled.iter().map(String::as_str));
        let listed = run(&args);
        prop_assert_eq!(listed.code, 0, "{}", listed.stderr);
        prop_assert_eq!(&one.stdout, &listed.stdout);
        // And a text-format run over the shuffled list is the same with 1 and
        // 4 threads, byte for byte.
        let mut args1 = vec!["articles", "-j", "1"];
        args1.extend(shuffled.iter().map(String::as_str));
        let mut args4 = vec!["articles", "-j", "4"];
        args4.extend(shuffled.iter().map(String::as_str));
        prop_assert_eq!(run(&args1).stdout, run(&args4).stdout);
    }
}
