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

/// The columns of a text table line up on a terminal whatever the width
/// of the names: an id in a wide script (two columns a character), one
/// with a combining accent (none) and one with a control character
/// (printed escaped, six columns for one character) put the next column
/// where a plain ASCII id of the same width does.
#[test]
fn text_columns_line_up_in_terminal_columns() {
    use unicode_width::UnicodeWidthStr;
    let tmp = tempfile::tempdir().unwrap();
    let text = "A headline for the test\n\nThe body has a sentence. It has another one.\n";
    for name in [
        "北京报道北京报道北京",
        "Zoe\u{301}",
        "esc\u{1b}x",
        "plain-ascii-name",
    ] {
        std::fs::write(tmp.path().join(format!("{name}.txt")), text).unwrap();
    }
    let r = run(&["summarize", tmp.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let table: Vec<&str> = (r.stdout.lines())
        .skip_while(|l| *l != "Articles")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(table.len(), 5, "{}", r.stdout);
    // The terminal column where the second field (`date`) starts.
    let second = |line: &str| {
        let id_end = line[2..].find("  ").map(|i| i + 2).expect("two fields");
        let start = id_end + line[id_end..].find(|c| c != ' ').expect("a second field");
        line[..start].width()
    };
    let columns: Vec<usize> = table.iter().map(|l| second(l)).collect();
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "{columns:?}\n{}",
        r.stdout
    );
    // The widest id is the wide one, twenty columns for ten characters,
    // though the ASCII one has more characters.
    assert_eq!(columns[0], 2 + 20 + 2, "{}", r.stdout);
    assert!(r.stdout.contains("esc\\u{1b}x"), "escaped: {}", r.stdout);
}
