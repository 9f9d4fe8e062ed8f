//! `corpus-cli summarize`: golden reports on the samples and report meaning.

mod util;

use util::{golden, run};

#[test]
fn golden_summary_text() {
    let r = run(&["summarize", "corpus"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    golden("summarize.txt", &r.stdout);
}

#[test]
fn golden_summary_json() {
    let r = run(&["summarize", "corpus", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    golden("summarize.json", &r.stdout);
}

#[test]
fn summary_counts_articles_sources_and_dates() {
    let r = run(&["summarize", "corpus", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(s["version"], 1);
    assert_eq!(s["articles"], 5);
    assert_eq!(s["skipped"], 0);
    assert_eq!(s["date_span"]["first"], "2022-11-29");
    assert_eq!(s["undated"], 2);
    assert_eq!(s["table"].as_array().unwrap().len(), 5);
    let sources: Vec<&str> = s["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(sources.contains(&"Interfax-Ukraine") && sources.contains(&"DW"));
}

#[test]
fn skipped_inputs_are_counted_and_exit_1() {
    let r = run(&["summarize", "corpus", "missing.txt", "--format", "json"]);
    assert_eq!(r.code, 1);
    let s: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(s["skipped"], 1);
    assert_eq!(s["articles"], 5);
}

#[test]
fn same_bytes_for_any_thread_count() {
    let one = run(&[
        "summarize",
        "corpus",
        "tests/data/articles",
        "-j",
        "1",
        "--format",
        "json",
    ]);
    let two = run(&[
        "summarize",
        "corpus",
        "tests/data/articles",
        "-j",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(one.stdout, two.stdout);
}
