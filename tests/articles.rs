//! `corpus-cli articles`: header fields on the samples and on hand-written
//! articles of other shapes, output formats, determinism and exit codes.

mod util;

use serde_json::Value;
use util::{golden, run, run_with_stdin};

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn sample_articles_header_fields() {
    let r = run(&["articles", "corpus", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = records(&r.stdout);
    assert_eq!(recs.len(), 5);
    // (id prefix, headline start, dateline place, date, source, author)
    let expected = [
        (
            "000_",
            "Stoltenberg expects",
            Some("Bucharest"),
            Some("2022-11-29"),
            Some("Interfax-Ukraine"),
            None,
        ),
        (
            "001_",
            "NATO Secretary-General identifies",
            None,
            None,
            Some("RBC-Ukraine"),
            Some("Liliana Oleniak"),
        ),
        (
            "002_",
            "Putin failing on battlefield",
            None,
            Some("2022-11-29"),
            Some("Ukrinform"),
            None,
        ),
        (
            "003_",
            "NATO chief Stoltenberg vows",
            None,
            Some("2022-11-29"),
            Some("DW"),
            None,
        ),
        (
            "004_",
            "Ukraine is now closer to NATO",
            None,
            None,
            None,
            None,
        ),
    ];
    for (rec, (id, headline, place, date, source, author)) in recs.iter().zip(expected) {
        assert!(rec["id"].as_str().unwrap().starts_with(id));
        assert!(
            rec["headline"].as_str().unwrap().starts_with(headline),
            "{}",
            rec["headline"]
        );
        assert_eq!(rec["dateline"]["place"].as_str(), place, "{id}");
        assert_eq!(rec["date"].as_str(), date, "{id}");
        assert_eq!(rec["source"].as_str(), source, "{id}");
        assert_eq!(rec["author"].as_str(), author, "{id}");
    }
    // The dateline date of the first sample is fixed by "on Tuesday".
    assert_eq!(recs[0]["dateline"]["date"], "2022-11-29");
    assert_eq!(
        recs[3]["credits"],
        serde_json::json!(["AFP", "dpa", "Reuters", "AP"])
    );
    // Teasers after the sign-off are not body text.
    let body: Vec<&str> = recs[3]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(body.iter().all(|p| !p.starts_with("China:")));
}

/// Each `tests/data/articles/NAME.txt` has `NAME.expected.json` with the
/// fields the parser must produce; `empty.txt` and `whitespace_only.txt`
/// hold no article and are skipped and named (exit status 1).
#[test]
fn fixture_articles_match_expectations() {
    let r = run(&["articles", "tests/data/articles", "--format", "jsonl"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("empty.txt: empty file, skipped"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("whitespace_only.txt: no text (only white space), skipped"),
        "{}",
        r.stderr
    );
    let recs = records(&r.stdout);
    let dir = util::root().join("tests/data/articles");
    let mut checked = 0;
    for rec in &recs {
        let id = rec["id"].as_str().unwrap();
        let exp_path = dir.join(format!("{id}.expected.json"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&exp_path).unwrap()).unwrap();
        for (key, want) in expected.as_object().unwrap() {
            let got = if key == "paragraphs" {
                Value::from(rec["paragraphs"].as_array().unwrap().len())
            } else if key == "dateline" && !rec[key].is_null() {
                let mut d = rec[key].clone();
                d.as_object_mut().unwrap().remove("span");
                d
            } else {
                rec[key].clone()
            };
            assert_eq!(&got, want, "{id}: field {key}");
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} fixtures");
    assert!(
        r.stderr.contains("invalid_utf8.txt: invalid UTF-8"),
        "{}",
        r.stderr
    );
}

#[test]
fn paragraph_spans_point_into_the_file() {
    let r = run(&[
        "articles",
        "corpus",
        "tests/data/articles/crlf.txt",
        "--format",
        "jsonl",
    ]);
    for rec in records(&r.stdout) {
        let text =
            std::fs::read_to_string(util::root().join(rec["path"].as_str().unwrap())).unwrap();
        for p in rec["paragraphs"].as_array().unwrap() {
            let (s, e) = (
                p["span"]["start"].as_u64().unwrap() as usize,
                p["span"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], p["text"].as_str().unwrap());
        }
    }
}

#[test]
fn json_document_is_versioned_and_matches_jsonl() {
    let json = run(&["articles", "corpus", "--format", "json"]);
    let doc: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    let jsonl = records(&run(&["articles", "corpus", "--format", "jsonl"]).stdout);
    assert_eq!(doc["articles"].as_array().unwrap(), &jsonl);
}

#[test]
fn golden_articles_jsonl() {
    golden(
        "articles.jsonl",
        &run(&["articles", "corpus", "--format", "jsonl"]).stdout,
    );
}

#[test]
fn golden_articles_text() {
    golden("articles.txt", &run(&["articles", "corpus"]).stdout);
}

#[test]
fn order_and_location_do_not_change_output() {
    let forward = run(&["articles", "corpus", "--format", "jsonl", "-j", "1"]);
    let mut files: Vec<String> = std::fs::read_dir(util::root().join("corpus"))
        .unwrap()
        .map(|e| format!("corpus/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    files.reverse();
    let mut args = vec!["articles", "--format", "jsonl", "-j", "2"];
    args.extend(files.iter().map(String::as_str));
    let reversed = run(&args);
    // The files listed in reverse are the same corpus: the same bytes.
    assert_eq!(forward.stdout, reversed.stdout);
    let mut fwd = records(&forward.stdout);

    // A copy elsewhere differs only in the paths.
    let tmp = tempfile::tempdir().unwrap();
    util::copy_dir(&util::root().join("corpus"), tmp.path());
    let copied = run(&[
        "articles",
        tmp.path().to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    let mut cop = records(&copied.stdout);
    for r in fwd.iter_mut().chain(cop.iter_mut()) {
        r.as_object_mut().unwrap().remove("path");
    }
    assert_eq!(fwd, cop);
}

#[test]
fn stdin_is_read_with_dash() {
    let r = run_with_stdin(
        &["articles", "-", "--format", "jsonl"],
        Some(b"A headline here\n\nThe body.\n"),
    );
    assert_eq!(r.code, 0);
    let recs = records(&r.stdout);
    assert_eq!(recs[0]["id"], "-");
    assert_eq!(recs[0]["headline"], "A headline here");
}

#[test]
fn missing_path_is_reported_and_the_rest_still_processed() {
    let r = run(&[
        "articles",
        "no/such/dir",
        "corpus/000_0d363ea1c427577b.txt",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("corpus-cli: no/such/dir: no such file or directory"),
        "{}",
        r.stderr
    );
    assert_eq!(records(&r.stdout).len(), 1);
}

#[test]
fn binary_file_is_skipped_with_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.txt"), b"Title line\n\nBody text.\n").unwrap();
    std::fs::write(tmp.path().join("b.txt"), b"\x7fELF\x00\x00\x01binary").unwrap();
    let r = run(&[
        "articles",
        tmp.path().to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("b.txt: binary file"), "{}", r.stderr);
    assert_eq!(records(&r.stdout).len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["articles"]).code, 2);
    assert_eq!(run(&["articles", "corpus", "--format", "yaml"]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
}

#[test]
fn output_file_is_written_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.jsonl");
    let r = run(&[
        "articles",
        "corpus",
        "--format",
        "jsonl",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        written,
        run(&["articles", "corpus", "--format", "jsonl"]).stdout
    );
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn closed_pipe_is_not_an_error() {
    use std::process::Stdio;
    let mut child = util::bin()
        .args(["articles", "corpus", "corpus", "corpus", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read nothing and close the pipe, as `| head -c0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn help_has_examples() {
    for cmd in [
        "articles",
        "summarize",
        "inspect",
        "quotes",
        "entities",
        "timeline",
    ] {
        let r = run(&[cmd, "--help"]);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("Example"), "{cmd}");
    }
}

#[test]
fn inspect_shows_line_roles() {
    let r = run(&["inspect", "tests/data/articles/chrome.txt"]);
    assert_eq!(r.code, 0);
    let roles: Vec<(&str, &str)> = r
        .stdout
        .lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            parts.next()?;
            let role = parts.next()?;
            Some((role, l))
        })
        .filter(|(role, _)| *role != "blank")
        .collect();
    let role_of = |needle: &str| {
        roles
            .iter()
            .find(|(_, l)| l.contains(needle))
            .map(|(r, _)| *r)
    };
    assert_eq!(role_of("en fr de"), Some("boilerplate"));
    assert_eq!(role_of("New park opens"), Some("headline"));
    assert_eq!(role_of("What comes next?"), Some("heading"));
    assert_eq!(role_of("webmaster"), Some("boilerplate"));
    assert_eq!(role_of("Back to top"), Some("teaser"));
}
