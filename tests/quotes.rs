//! Runs the real binary on small fixture articles (`tests/data/quotes/`).

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_corpus-cli"))
        .args(args)
        .env("CORPUS_CLI_NOW", "2026-11-23")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run corpus-cli");
    assert!(
        out.status.success(),
        "corpus-cli {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn jsonl(args: &[&str]) -> Vec<serde_json::Value> {
    run(args)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn quotes_jsonl_has_text_speaker_cue_and_exact_spans() {
    let recs = jsonl(&["quotes", "tests/data/quotes", "--format", "jsonl"]);
    let got: Vec<(&str, Option<&str>)> = recs
        .iter()
        .map(|r| (r["text"].as_str().unwrap(), r["speaker"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "We have waited ten years for this vote,",
                Some("Mara Quist")
            ),
            ("The city is ready.", Some("Mara Quist")),
            ("overdue and affordable", Some("Mara Quist")),
            ("This is a good day for the workers,", Some("Tobias Renn")),
            ("The repairs will take another year.", Some("Ilse Varga")),
            ("We cannot risk the safety of drivers.", Some("Ilse Varga")),
            ("has not changed.", Some("Ilse Varga")),
            ("Nobody knows when the traffic will return to normal.", None),
        ]
    );
    assert_eq!(recs[0]["cue"], "said");
    assert_eq!(recs[6]["cue"], "according to");
    for r in &recs {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(r["path"].as_str().unwrap());
        let text = std::fs::read_to_string(path).unwrap();
        let (s, e) = (
            r["span"]["start"].as_u64().unwrap() as usize,
            r["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], r["text"].as_str().unwrap());
    }
}

#[test]
fn speaker_filter_matches_last_name_case_insensitively() {
    let recs = jsonl(&[
        "quotes",
        "tests/data/quotes",
        "--format",
        "jsonl",
        "--speaker",
        "VARGA",
    ]);
    assert_eq!(recs.len(), 3);
    assert!(recs.iter().all(|r| r["speaker"] == "Ilse Varga"));
    let text = run(&["quotes", "tests/data/quotes", "--speaker", "tobias renn"]);
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("Tobias Renn"));
}

#[test]
fn quotes_json_document_and_articles_record() {
    let doc: serde_json::Value =
        serde_json::from_str(&run(&["quotes", "tests/data/quotes", "--format", "json"])).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["quotes"].as_array().unwrap().len(), 8);
    let arts = jsonl(&["articles", "tests/data/quotes", "--format", "jsonl"]);
    assert_eq!(arts[0]["quotes"].as_array().unwrap().len(), 4);
}

#[test]
fn summarize_lists_speakers_by_quotes() {
    let doc: serde_json::Value = serde_json::from_str(&run(&[
        "summarize",
        "tests/data/quotes",
        "--format",
        "json",
    ]))
    .unwrap();
    let sp: Vec<(&str, u64, u64)> = doc["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["quotes"].as_u64().unwrap(),
                s["articles"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sp,
        [
            ("Ilse Varga", 3, 1),
            ("Mara Quist", 3, 1),
            ("Tobias Renn", 1, 1)
        ]
    );
    let text = run(&["summarize", "tests/data/quotes"]);
    assert!(text.contains("Speakers"));
}

/// Every quote found in the shared seed articles is exactly the text
/// between its span's offsets (skipped when `../shared` is absent).
#[test]
fn seed_spans_are_exact() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipping: {} not found", seeds.display());
        return;
    }
    let seeds = seeds.to_str().unwrap();
    let recs = jsonl(&["quotes", seeds, "--format", "jsonl"]);
    assert!(recs.len() >= 20);
    for r in &recs {
        let text = std::fs::read_to_string(r["path"].as_str().unwrap()).unwrap();
        let (s, e) = (
            r["span"]["start"].as_u64().unwrap() as usize,
            r["span"]["end"].as_u64().unwrap() as usize,
        );
        let bom = usize::from(text.starts_with('\u{feff}')) * 3;
        assert_eq!(&text[bom + s..bom + e], r["text"].as_str().unwrap());
    }
}
