//! `corpus-cli diff`: golden diffs in text, JSON and Markdown, exit codes,
//! side detection and `--ignore`.
//!
//! The changed reports are made here from the real output on `corpus/`, so
//! they track the extractors: OLD drops one article, renames one entity and
//! gives an injected quote another speaker; NEW is the unedited report with
//! the same injected quote (this branch has no quote extractor, and an
//! injected quote keeps the golden files independent of one).

mod util;

use std::path::Path;

use serde_json::{Value, json};
use util::{Run, bin, golden, run};

fn records() -> Vec<Value> {
    let r = run(&["articles", "corpus", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn write_jsonl(path: &Path, recs: &[Value]) {
    let text: String = recs
        .iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect();
    std::fs::write(path, text).unwrap();
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = bin().current_dir(dir).args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn quote(speaker: &str) -> Value {
    json!({
        "text": "We will not be intimidated",
        "speaker": speaker,
        "cue": "said",
        "span": {"start": 0, "end": 26}
    })
}

/// Writes old.jsonl and new.jsonl (see the module comment) into `dir`.
fn changed_reports(dir: &Path) {
    let base = records();
    let mut new = base.clone();
    new[0]["quotes"]
        .as_array_mut()
        .unwrap()
        .push(quote("Jens Stoltenberg"));
    let mut old = base;
    old[0]["quotes"]
        .as_array_mut()
        .unwrap()
        .push(quote("Dmytro Kuleba"));
    old.remove(4);
    let entities = old[2]["entities"].as_array_mut().unwrap();
    let e = entities
        .iter_mut()
        .find(|e| e["name"] == "Antony Blinken")
        .expect("article 002 names Antony Blinken");
    e["name"] = json!("Blinken");
    write_jsonl(&dir.join("old.jsonl"), &old);
    write_jsonl(&dir.join("new.jsonl"), &new);
}

#[test]
fn identical_reports_exit_0_silently() {
    let dir = tempfile::tempdir().unwrap();
    write_jsonl(&dir.path().join("a.jsonl"), &records());
    let r = run_in(dir.path(), &["diff", "a.jsonl", "a.jsonl"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    // A saved report against the corpus it was made from, in each shape.
    let corpus = util::root().join("corpus");
    let corpus = corpus.to_str().unwrap();
    let r = run_in(dir.path(), &["diff", "a.jsonl", corpus]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    for (args, file) in [
        (["articles", "corpus", "--format", "json"], "a.json"),
        (["summarize", "corpus", "--format", "json"], "s.json"),
    ] {
        let out = run(&args);
        std::fs::write(dir.path().join(file), &out.stdout).unwrap();
        let r = run_in(dir.path(), &["diff", file, corpus]);
        assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{file}: {}", r.stderr);
        let r = run_in(dir.path(), &["diff", corpus, file, "--format", "json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let d: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(d["equal"], true);
    }
    // Markdown says so rather than printing nothing.
    let r = run_in(
        dir.path(),
        &["diff", "a.jsonl", "a.jsonl", "--format", "markdown"],
    );
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("**No differences.**"), "{}", r.stdout);
}

#[test]
fn golden_diff_text_json_markdown() {
    let dir = tempfile::tempdir().unwrap();
    changed_reports(dir.path());
    for (format, name) in [
        ("text", "diff.txt"),
        ("json", "diff.json"),
        ("markdown", "diff.md"),
    ] {
        let r = run_in(
            dir.path(),
            &["diff", "old.jsonl", "new.jsonl", "--format", format],
        );
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert_eq!(r.stderr, "");
        golden(name, &r.stdout);
    }
}

#[test]
fn diff_lists_exactly_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    changed_reports(dir.path());
    let r = run_in(
        dir.path(),
        &["diff", "old.jsonl", "new.jsonl", "--format", "json"],
    );
    let d: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(d["equal"], false);
    let a = &d["articles"];
    assert_eq!(a["added"].as_array().unwrap().len(), 1);
    assert!(a["added"][0]["id"].as_str().unwrap().starts_with("004_"));
    assert_eq!(a["removed"], json!([]));
    let changed = a["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 2);
    assert_eq!(
        changed[0]["quotes"]["reattributed"],
        json!([{"text": "We will not be intimidated", "old_speaker": "Dmytro Kuleba", "new_speaker": "Jens Stoltenberg"}])
    );
    assert_eq!(
        changed[1]["entities"]["renamed"],
        json!([{"type": "person", "old": "Blinken", "new": "Antony Blinken"}])
    );
    for c in changed {
        assert_eq!(c["fields"], json!([]));
        assert_eq!(c["spans_moved"], 0);
    }
}

#[test]
fn saved_report_against_live_corpus() {
    // The checked-in old.jsonl lacks article 004 and calls Antony Blinken
    // "Blinken" in article 002.
    let r = run(&[
        "diff",
        "tests/data/diff/old.jsonl",
        "corpus",
        "--ignore",
        "spans,counts,paragraphs,timexes,events",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let d: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(d["old"]["kind"], "articles");
    assert_eq!(d["new"]["kind"], "corpus");
    assert!(
        d["articles"]["added"][0]["id"]
            .as_str()
            .unwrap()
            .starts_with("004_")
    );
    let renamed: Vec<&Value> = d["articles"]["changed"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["entities"]["renamed"].as_array().unwrap())
        .collect();
    assert_eq!(
        renamed,
        [&json!({"type": "person", "old": "Blinken", "new": "Antony Blinken"})]
    );
}

#[test]
fn summary_reports_compare_tables_and_sections() {
    let r = run(&[
        "diff",
        "tests/data/diff/summary-old.json",
        "corpus",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let d: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(d["old"]["kind"], "summary");
    assert_eq!(d["new"]["kind"], "corpus");
    assert!(
        d["articles"]["added"][0]["id"]
            .as_str()
            .unwrap()
            .starts_with("004_")
    );
    let totals = d["summary"]["totals"].as_array().unwrap();
    assert!(
        totals
            .iter()
            .any(|t| t["field"] == "articles" && t["old"] == "4" && t["new"] == "5")
    );
    let r = run(&[
        "diff",
        "tests/data/diff/summary-old.json",
        "corpus",
        "--format",
        "markdown",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("### Corpus\n"), "{}", r.stdout);
}

#[test]
fn ignore_leaves_fields_out() {
    let dir = tempfile::tempdir().unwrap();
    let base = records();
    let mut old = base.clone();
    old[1]["counts"]["words"] = json!(1);
    old[1]["entities"][0]["spans"] = json!([]);
    write_jsonl(&dir.path().join("old.jsonl"), &old);
    write_jsonl(&dir.path().join("new.jsonl"), &base);
    let r = run_in(dir.path(), &["diff", "old.jsonl", "new.jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("counts"), "{}", r.stdout);
    assert!(r.stdout.contains("spans"), "{}", r.stdout);
    let r = run_in(
        dir.path(),
        &[
            "diff",
            "old.jsonl",
            "new.jsonl",
            "--ignore",
            "counts",
            "--ignore",
            "spans",
        ],
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
}

#[test]
fn empty_jsonl_report_is_an_empty_corpus() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.jsonl"), "").unwrap();
    write_jsonl(&dir.path().join("a.jsonl"), &records()[..1]);
    let r = run_in(
        dir.path(),
        &["diff", "empty.jsonl", "a.jsonl", "--format", "json"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let d: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(d["old"]["kind"], "articles");
    assert_eq!(d["articles"]["added"].as_array().unwrap().len(), 1);
}

#[test]
fn errors_exit_2() {
    for args in [
        vec!["diff", "tests/data/diff/missing.jsonl", "corpus"],
        vec!["diff", "tests/data/diff/bad.json", "corpus"],
        vec![
            "diff",
            "tests/data/diff/old.jsonl",
            "tests/data/diff/summary-old.json",
        ],
        vec!["diff", "corpus", "corpus", "--ignore", "nonsense"],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
        assert!(!r.stderr.is_empty(), "{args:?}");
    }
}
