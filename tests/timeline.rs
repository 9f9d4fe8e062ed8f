//! End-to-end tests of `corpus-cli timeline` on the fixture articles under
//! `tests/data/timeline/` (written for these tests).

use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/timeline");

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_corpus-cli"))
        .args(args)
        .env("CORPUS_CLI_NOW", "2026-11-23")
        .output()
        .expect("run corpus-cli");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn text_lists_merged_events_in_date_order() {
    let s = run(&["timeline", FIXTURES]);
    let order: Vec<usize> = [
        "2019-06  talks  Oslo",
        "2021-03-15 – 2021-03-16  meeting  Lisbon",
        "2021-05-20 – 2021-05-21  summit  Oslo",
    ]
    .iter()
    .map(|l| s.find(l).unwrap_or_else(|| panic!("missing {l:?} in\n{s}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{s}");
    // The Lisbon meeting is reported by two articles.
    assert!(s.contains("articles a_lisbon, b_lisbon"), "{s}");
    assert!(s.contains("sources  Harbour Wire"), "{s}");
}

#[test]
fn json_and_jsonl_carry_the_timeline_fields() {
    let doc: serde_json::Value =
        serde_json::from_str(&run(&["timeline", FIXTURES, "--format", "json"])).unwrap();
    let events = doc["events"].as_array().unwrap();
    let meeting = events
        .iter()
        .find(|e| e["kind"] == "meeting")
        .expect("a meeting");
    assert_eq!(meeting["where"], "Lisbon");
    assert_eq!(meeting["when"], "2021-03-15");
    assert_eq!(meeting["until"], "2021-03-16");
    assert_eq!(meeting["articles"].as_array().unwrap().len(), 2);
    let lines = run(&["timeline", FIXTURES, "--format", "jsonl"]);
    assert_eq!(lines.lines().count(), events.len());
    for l in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v.get("when").is_some() && v.get("where").is_some());
    }
}

#[test]
fn filters_by_entity_and_dates() {
    let doc: serde_json::Value = serde_json::from_str(&run(&[
        "timeline", FIXTURES, "--format", "json", "--entity", "oslo",
    ]))
    .unwrap();
    assert!(
        doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["where"] == "Oslo")
    );
    let doc: serde_json::Value = serde_json::from_str(&run(&[
        "timeline",
        FIXTURES,
        "--format",
        "json",
        "--since",
        "2021-03",
        "--until",
        "2021-03-31",
    ]))
    .unwrap();
    let ev = doc["events"].as_array().unwrap();
    assert!(!ev.is_empty());
    assert!(
        ev.iter()
            .all(|e| e["when"].as_str().unwrap().starts_with("2021-03"))
    );
}

#[test]
fn mermaid_is_a_timeline_block() {
    let s = run(&["timeline", FIXTURES, "--format", "mermaid"]);
    let mut lines = s.lines();
    assert_eq!(lines.next(), Some("timeline"));
    assert!(lines.next().unwrap().trim_start().starts_with("title "));
    for l in lines {
        let mut parts = l.trim().split(" : ");
        let period = parts.next().unwrap();
        assert!(
            period == "undated" || period.chars().next().unwrap().is_ascii_digit(),
            "{l}"
        );
        assert!(parts.count() >= 1, "{l}");
    }
    assert!(
        s.contains("meeting in Lisbon until 2021-03-16 (2 articles)"),
        "{s}"
    );
}

#[test]
fn svg_is_well_formed_and_labels_every_event() {
    let s = run(&["timeline", FIXTURES, "--format", "svg"]);
    assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(s.trim_end().ends_with("</svg>"));
    // XML-ish: every opened element is closed, no raw ampersands.
    let opened = s.matches("<text").count();
    assert_eq!(opened, s.matches("</text>").count());
    assert_eq!(s.matches("<g>").count(), s.matches("</g>").count());
    assert!(!s.contains("& "));
    let doc: serde_json::Value =
        serde_json::from_str(&run(&["timeline", FIXTURES, "--format", "json"])).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert_eq!(s.matches("<g>").count(), events.len());
    for e in events {
        assert!(
            s.contains(&format!(">{}", e["kind"].as_str().unwrap())),
            "{}",
            e["kind"]
        );
        if let Some(p) = e["where"].as_str() {
            assert!(s.contains(&format!(">{p}<")), "{p}");
        }
    }
}

#[test]
fn summarize_has_a_timeline_section() {
    let s = run(&["summarize", FIXTURES]);
    assert!(s.contains("\nTimeline\n"), "{s}");
    assert!(s.contains("Lisbon"));
}

#[test]
fn seeds_timeline_when_shared_corpus_is_present() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    if !std::path::Path::new(corpus).is_dir() {
        eprintln!("skipped: no corpus/ directory");
        return;
    }
    let s = run(&["timeline", corpus, "--format", "mermaid"]);
    assert!(s.starts_with("timeline\n"));
}
