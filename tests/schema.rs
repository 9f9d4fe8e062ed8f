//! Every JSON output on the sample corpus validates against its checked-in
//! schema under `docs/schema/` (kept in sync with the types by the unit test
//! `schema::tests::schema_files_are_current_and_versioned`).

mod util;

use serde_json::Value;
use util::{root, run};

fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("docs/schema").join(name))
        .unwrap_or_else(|e| panic!("docs/schema/{name}: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&v).unwrap_or_else(|e| panic!("{name} is not a schema: {e}"))
}

fn check(name: &str, doc: &Value) {
    let validator = schema(name);
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

fn document(args: &[&str]) -> Value {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

fn lines(args: &[&str]) -> Vec<Value> {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn articles_outputs_match_schema() {
    check(
        "articles.json",
        &document(&["articles", "corpus", "--format", "json"]),
    );
    let recs = lines(&["articles", "corpus", "--format", "jsonl"]);
    assert_eq!(recs.len(), 5);
    for r in &recs {
        check("article.json", r);
    }
}

#[test]
fn summary_and_inspect_match_schema() {
    check(
        "summary.json",
        &document(&["summarize", "corpus", "--format", "json"]),
    );
    check(
        "inspect.json",
        &document(&[
            "inspect",
            "corpus/000_0d363ea1c427577b.txt",
            "--format",
            "json",
        ]),
    );
}

#[test]
fn entities_and_timeline_match_schema() {
    check(
        "entities.json",
        &document(&["entities", "corpus", "--format", "json"]),
    );
    for e in lines(&["entities", "corpus", "--format", "jsonl"]) {
        check("entity.json", &e);
    }
    check(
        "timeline.json",
        &document(&["timeline", "corpus", "--format", "json"]),
    );
    for e in lines(&["timeline", "corpus", "--format", "jsonl"]) {
        check("timeline-event.json", &e);
    }
}

#[test]
fn diff_output_matches_schema() {
    let r = run(&[
        "diff",
        "tests/data/diff/old.jsonl",
        "corpus",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    check("diff.json", &serde_json::from_str(&r.stdout).unwrap());
    let r = run(&[
        "diff",
        "tests/data/diff/summary-old.json",
        "corpus",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    check("diff.json", &serde_json::from_str(&r.stdout).unwrap());
}

#[test]
fn schema_rejects_a_broken_record() {
    let mut recs = lines(&["articles", "corpus", "--format", "jsonl"]);
    recs[0]["quotes"] = Value::String("not a list".into());
    assert!(!schema("article.json").is_valid(&recs[0]));
}
