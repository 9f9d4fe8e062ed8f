//! Runs the real binary on small articles written for these tests.

use std::process::Command;

use serde_json::Value;

fn corpus_cli(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_corpus-cli"))
        .args(args)
        .env("CORPUS_CLI_NOW", "2026-11-23")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run corpus-cli");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

fn entity<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {list:#}"))
}

#[test]
fn article_entities() {
    let doc = corpus_cli(&["articles", "tests/data/entities/a1.txt", "--format", "json"]);
    let es = &doc["articles"][0]["entities"];
    let p = entity(es, "Erik Lindqvist");
    assert_eq!(p["type"], "person");
    assert_eq!(
        p["aliases"],
        serde_json::json!(["Lindqvist", "Erik Lindqvist"])
    );
    assert_eq!(p["roles"][0], "Norwegian Foreign Minister");
    assert_eq!(
        entity(es, "CBSS")["aliases"],
        serde_json::json!(["Council of Baltic Sea States", "CBSS"])
    );
    assert_eq!(
        entity(es, "Oslo")["aliases"],
        serde_json::json!(["OSLO", "Oslo"])
    );
    assert_eq!(entity(es, "Kyiv")["aliases"], serde_json::json!(["Kiev"]));
    assert_eq!(entity(es, "Nordic Press Agency")["type"], "organization");
    // Sorted by (type, name); spans point at the aliases.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/entities/a1.txt"
    ))
    .unwrap();
    let mut keys = Vec::new();
    for e in es.as_array().unwrap() {
        keys.push((
            e["type"].as_str().unwrap().to_string(),
            e["name"].as_str().unwrap().to_string(),
        ));
        for s in e["spans"].as_array().unwrap() {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(
                e["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x == &text[a..b])
            );
        }
        assert!(!e["name"].as_str().unwrap().contains("Norwegian"));
    }
    let order = ["person", "place", "organization"];
    let mut sorted = keys.clone();
    sorted.sort_by_key(|(t, n)| (order.iter().position(|o| o == t), n.clone()));
    assert_eq!(keys, sorted);
}

#[test]
fn corpus_entities_merge_and_keep_namesakes_apart() {
    let doc = corpus_cli(&["entities", "tests/data/entities", "--format", "json"]);
    let es = &doc["entities"];
    let erik = entity(es, "Erik Lindqvist");
    assert_eq!(erik["articles"], 2);
    assert_eq!(entity(es, "Maria Lindqvist")["articles"], 1);
    let kyiv = entity(es, "Kyiv");
    assert_eq!(kyiv["articles"], 2);
    assert_eq!(entity(es, "CBSS")["articles"], 2);
    let people = corpus_cli(&[
        "entities",
        "tests/data/entities",
        "--type",
        "person",
        "--top",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(people["entities"].as_array().unwrap().len(), 1);
    assert_eq!(people["entities"][0]["name"], "Erik Lindqvist");
}

#[test]
fn summarize_lists_top_entities() {
    let doc = corpus_cli(&["summarize", "tests/data/entities", "--format", "json"]);
    assert_eq!(doc["people"][0]["name"], "Erik Lindqvist");
    assert!(
        doc["places"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Kyiv")
    );
    assert!(
        doc["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "CBSS")
    );
}

/// The seed articles, scored elsewhere; here only a smoke test that skips
/// politely when the shared folder is absent.
#[test]
fn seeds_smoke() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    if !std::path::Path::new(seeds).is_dir() {
        eprintln!("skipped: {seeds} not found");
        return;
    }
    let doc = corpus_cli(&["entities", seeds, "--format", "json"]);
    assert!(!doc["entities"].as_array().unwrap().is_empty());
}
