//! `--format markdown` for `summarize` and `timeline`: golden reports.

mod util;

use util::{golden, run};

#[test]
fn golden_summary_markdown() {
    let r = run(&["summarize", "corpus", "--format", "markdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("```mermaid\ntimeline\n"));
    golden("summarize.md", &r.stdout);
}

#[test]
fn golden_timeline_markdown() {
    let r = run(&["timeline", "corpus", "--format", "markdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mermaid = run(&["timeline", "corpus", "--format", "mermaid"]).stdout;
    assert!(
        r.stdout.contains(&format!("```mermaid\n{mermaid}```\n")),
        "the Markdown embeds the `--format mermaid` block"
    );
    golden("timeline.md", &r.stdout);
}
