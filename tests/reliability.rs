//! Hostile inputs (issue #6): each test runs the real binary on one kind of
//! bad input and checks the defined result: the exit status, the file named
//! on stderr, the other files' records still in the output, and terminal
//! safety. The table of behaviours is in `docs/reliability.md`.
//!
//! No assertion depends on time; inputs that used to take super-linear time
//! are sized so that a regression would make the suite visibly slow.

mod util;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::Value;
use tempfile::TempDir;
use util::{bin, run};

/// A small well-formed article, generated (no sample text).
fn article(n: usize) -> String {
    format!(
        "Council report number {n} is out\n\nThe council met on Monday in Geneva, \
         said Orla Vantree{n}.\n\n\"We agreed on item {n},\" Vantree{n} said.\n"
    )
}

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn ids(stdout: &str) -> Vec<String> {
    records(stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// A temp directory holding `good.txt` plus the given files.
fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("good.txt"), article(1)).unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn assert_no_panic(stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
}

#[test]
fn invalid_utf8_is_decoded_with_replacement_and_a_warning() {
    let dir = dir_with(&[(
        "latin1.txt",
        b"Caf\xe9 prices rise\n\nThe caf\xe9 is full.\n",
    )]);
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    // Repaired, not skipped: exit 0, the file named with a warning.
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("latin1.txt: invalid UTF-8"),
        "{}",
        r.stderr
    );
    let recs = records(&r.stdout);
    assert_eq!(ids(&r.stdout), ["good", "latin1"]);
    assert_eq!(recs[1]["headline"], "Caf\u{FFFD} prices rise");
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = "Tide tables published\n\nThe harbour office published tables.\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    let dir = dir_with(&[("le.txt", &le), ("be.txt", &be)]);
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let recs = records(&r.stdout);
    assert_eq!(ids(&r.stdout), ["be", "good", "le"]);
    for rec in [&recs[0], &recs[2]] {
        assert_eq!(rec["headline"], "Tide tables published");
        assert_eq!(rec["counts"]["paragraphs"], 1);
    }
}

#[test]
fn binary_file_is_skipped_and_named() {
    let dir = dir_with(&[("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")]);
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("image.txt: binary file"), "{}", r.stderr);
    assert_eq!(ids(&r.stdout), ["good"]);
}

#[test]
fn nul_bytes_past_the_first_block_are_kept_and_escaped() {
    // Binary detection reads the first 8 KiB; a stray NUL later in a text
    // file is kept: escaped in text output, exact in JSON.
    let mut bytes = article(2).into_bytes();
    bytes.extend(std::iter::repeat_n(b' ', 9000));
    bytes.extend(b"\n\nA late paragraph with a \x00 byte in it.\n");
    let dir = dir_with(&[("late-nul.txt", &bytes)]);
    let file = dir.path().join("late-nul.txt");
    let r = run(&["articles", path_str(&file), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = records(&r.stdout);
    let paras = recs[0]["paragraphs"].as_array().unwrap();
    assert!(
        paras
            .iter()
            .any(|p| p["text"].as_str().unwrap().contains('\0'))
    );
    let r = run(&["inspect", path_str(&file)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains('\0'));
    assert!(r.stdout.contains("\\u{0}"), "{}", r.stdout);
}

#[test]
fn empty_and_whitespace_only_files_are_skipped_and_named() {
    let dir = dir_with(&[("empty.txt", b""), ("blank.txt", b" \n\t\r\n  \n")]);
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("empty.txt: empty file"), "{}", r.stderr);
    assert!(r.stderr.contains("blank.txt: no text"), "{}", r.stderr);
    assert_eq!(ids(&r.stdout), ["good"]);
}

#[test]
fn fifty_megabyte_single_line_file_is_read_and_the_limit_applies() {
    let dir = TempDir::new().unwrap();
    let big = dir.path().join("big.txt");
    let phrase = "the river rose and the town waited for news of the dam ";
    let size = 50 * 1024 * 1024;
    let line: String = phrase.repeat(size / phrase.len());
    let words = line.split_whitespace().count();
    fs::write(&big, &line).unwrap();
    fs::write(dir.path().join("good.txt"), article(3)).unwrap();
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = records(&r.stdout);
    assert_eq!(ids(&r.stdout), ["big", "good"]);
    assert_eq!(recs[0]["counts"]["words"], words);
    // Over the limit: skipped, named, the flag mentioned; others kept.
    let r = run(&[
        "articles",
        path_str(dir.path()),
        "--format",
        "jsonl",
        "--max-file-size",
        "1000000",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("big.txt: larger than the size limit"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--max-file-size"), "{}", r.stderr);
    assert_eq!(ids(&r.stdout), ["good"]);
}

#[test]
fn hundred_thousand_quote_marks() {
    let straight = "\"".repeat(100_000);
    let curly = "\u{201C}\u{201D}\u{201C}".repeat(33_334);
    let mixed = "a \" b \u{201C} c \u{2019} ".repeat(20_000);
    let dir = dir_with(&[
        ("straight.txt", straight.as_bytes()),
        ("curly.txt", curly.as_bytes()),
        ("mixed.txt", mixed.as_bytes()),
    ]);
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(ids(&r.stdout), ["curly", "good", "mixed", "straight"]);
    let r = run(&["quotes", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn hundred_thousand_capitals_without_whitespace() {
    // A paragraph of 100,000 capitals with no whitespace between them, in
    // an article with a quote: the name scan of the quote extractor walked
    // back over such a stretch once per capital in it.
    let caps: String = (0..100_000u32)
        .map(|i| format!("({})", char::from(b'A' + (i % 26) as u8)))
        .collect();
    let text = format!(
        "Talks resume in the capital\n\nKabod Kabof met the press on Monday.\n\n\
         \"Nothing is settled,\" said Kabod Kabof.\n\n{caps}\n\nThe talks went on.\n"
    );
    let dir = dir_with(&[("stretch.txt", text.as_bytes())]);
    let r = run(&["quotes", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let quote = records(&r.stdout)
        .into_iter()
        .find(|q| q["article"] == "stretch")
        .expect("the quote of the article");
    assert_eq!(quote["text"], "Nothing is settled,");
    assert_eq!(quote["speaker"], "Kabod Kabof");
    assert_no_panic(&r.stderr);
}

/// `n` distinct capitalized words made of letters (`Kabod`, `Kabof`, …).
fn cap_word(i: usize) -> String {
    let letters = b"bdfgklmnprstvz";
    let vowels = b"aeiou";
    let mut w = String::from("K");
    let mut x = i;
    for k in 0..4 {
        if k % 2 == 0 {
            w.push(vowels[x % vowels.len()] as char);
            x /= vowels.len();
        } else {
            w.push(letters[x % letters.len()] as char);
            x /= letters.len();
        }
    }
    w.push_str(&x.to_string());
    w
}

#[test]
fn hundred_thousand_capitalized_words() {
    // One run of capitalized words; then the same words as speakers and
    // organizations in sentences, the shapes that made entity clustering
    // and name resolution quadratic.
    let run_of_caps: Vec<String> = (0..100_000).map(cap_word).collect();
    let mut sentences = String::new();
    for i in 0..30_000 {
        let (a, b) = (cap_word(i % 700), cap_word(i));
        sentences.push_str(&format!("{a} {b} said the {b} Group met. "));
    }
    let dir = dir_with(&[
        ("run.txt", run_of_caps.join(" ").as_bytes()),
        ("speakers.txt", sentences.as_bytes()),
    ]);
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = records(&r.stdout);
    assert_eq!(ids(&r.stdout), ["good", "run", "speakers"]);
    assert!(!recs[2]["entities"].as_array().unwrap().is_empty());
    // The corpus report folds the similar names linearly too.
    let r = run(&["entities", path_str(dir.path()), "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["articles"], 3);
}

#[test]
fn thousands_of_titles_events_paragraphs_and_credits() {
    // Shapes that each used to take quadratic time (minutes at these sizes):
    // titled speakers resolved from "the minister", dated events in one
    // article, many paragraphs, many credit lines.
    let mut titles = String::new();
    let mut events = String::new();
    let mut paras = Vec::new();
    let mut credits = String::from("Harbour notes\n\nThe office said so.\n");
    for i in 0..20_000 {
        let w = cap_word(i);
        titles.push_str(&format!(
            "Minister {w} said \"yes {i}.\" The minister said \"no,\" said the minister. "
        ));
        events.push_str(&format!(
            "A summit took place in Geneva on March {}, {}, and the talks met.\n\n",
            i % 28 + 1,
            1900 + i % 100
        ));
        paras.push(format!("Item {i} of the list."));
        credits.push_str(&format!("Photo: {w} Tallow/Agency{i}\n"));
    }
    let dir = dir_with(&[
        ("titles.txt", titles.as_bytes()),
        ("events.txt", events.as_bytes()),
        ("paras.txt", paras.join("\n\n").as_bytes()),
        ("credits.txt", credits.as_bytes()),
    ]);
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = records(&r.stdout);
    assert_eq!(
        ids(&r.stdout),
        ["credits", "events", "good", "paras", "titles"]
    );
    assert!(!recs[4]["quotes"].as_array().unwrap().is_empty());
    assert!(!recs[1]["events"].as_array().unwrap().is_empty());
    // The first line is read as the headline.
    assert_eq!(recs[3]["counts"]["paragraphs"], 19_999);
}

#[test]
fn fifty_thousand_small_files() {
    let dir = TempDir::new().unwrap();
    // 50 subdirectories of 1,000 tiny files, plus one empty file.
    for d in 0..50 {
        let sub = dir.path().join(format!("d{d:02}"));
        fs::create_dir(&sub).unwrap();
        for f in 0..1000 {
            fs::write(sub.join(format!("{f:04}.txt")), format!("Note {d} {f}\n")).unwrap();
        }
    }
    fs::write(dir.path().join("d25/zz-empty.txt"), "").unwrap();
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("zz-empty.txt: empty file"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let recs = records(&r.stdout);
    assert_eq!(recs.len(), 50_000);
    // Directory order: name order, depth first.
    assert!(recs[0]["path"].as_str().unwrap().ends_with("d00/0000.txt"));
    assert!(
        recs[49_999]["path"]
            .as_str()
            .unwrap()
            .ends_with("d49/0999.txt")
    );
}

#[test]
fn symlink_loop_is_named_and_skipped() {
    let dir = dir_with(&[]);
    std::os::unix::fs::symlink(".", dir.path().join("again")).unwrap();
    std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).unwrap();
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("again: symlink loop"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("self.txt: Too many levels of symbolic links"),
        "{}",
        r.stderr
    );
    assert_eq!(ids(&r.stdout), ["good"]);
}

#[test]
fn unreadable_file_is_named_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[("secret.txt", article(4).as_bytes())]);
    let secret = dir.path().join("secret.txt");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&secret).is_ok() {
        // Root (or CAP_DAC_OVERRIDE) reads any file: the case cannot be
        // produced here, so there is nothing to assert.
        eprintln!("unreadable_file_is_named_and_skipped: running privileged, skipped");
        return;
    }
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("secret.txt: permission denied"),
        "{}",
        r.stderr
    );
    assert_eq!(ids(&r.stdout), ["good"]);
}

#[test]
fn nonexistent_path_is_named_and_the_rest_is_processed() {
    let dir = dir_with(&[]);
    let missing = dir.path().join("missing.txt");
    let r = run(&[
        "articles",
        path_str(&missing),
        path_str(dir.path()),
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("missing.txt: no such file or directory"),
        "{}",
        r.stderr
    );
    assert_eq!(ids(&r.stdout), ["good"]);
}

#[test]
fn file_changing_while_read_has_a_defined_outcome() {
    let dir = dir_with(&[("moving.txt", article(5).as_bytes())]);
    let moving = dir.path().join("moving.txt");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, moving) = (stop.clone(), moving.clone());
        std::thread::spawn(move || {
            let long = article(6).repeat(2000);
            let mut k = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Truncate, append, rewrite: the reader sees any prefix.
                let mut f = fs::OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(&moving)
                    .unwrap();
                if !k.is_multiple_of(3) {
                    f.write_all(long.as_bytes()).unwrap();
                }
                k += 1;
            }
        })
    };
    for _ in 0..10 {
        let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
        assert_no_panic(&r.stderr);
        // Either the file was read (whatever it held at that moment) or it
        // was empty then and is named as skipped; the other file is kept.
        match r.code {
            0 => assert_eq!(ids(&r.stdout), ["good", "moving"]),
            1 => {
                assert!(r.stderr.contains("moving.txt: empty file"), "{}", r.stderr);
                assert_eq!(ids(&r.stdout), ["good"]);
            }
            c => panic!("exit {c}: {}", r.stderr),
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
}

/// A corpus big enough that its output fills a pipe many times over.
fn many_articles(n: usize) -> TempDir {
    let dir = TempDir::new().unwrap();
    for i in 0..n {
        fs::write(dir.path().join(format!("a{i:05}.txt")), article(i)).unwrap();
    }
    dir
}

#[test]
fn closed_pipe_exits_zero_without_a_message() {
    // `corpus-cli articles DIR | head -n 1`
    let dir = many_articles(2000);
    for format in ["text", "jsonl", "json"] {
        let mut child = bin()
            .args(["articles", path_str(dir.path()), "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // Dropping the reader closes the pipe, as `head` does.
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!first.is_empty());
        assert_eq!(status.code(), Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}

#[test]
fn sigkill_mid_run_leaves_no_partial_output_file() {
    let dir = many_articles(3000);
    let out_dir = TempDir::new().unwrap();
    let target = out_dir.path().join("report.json");
    let previous = out_dir.path().join("previous.json");
    fs::write(&previous, "{\"old\": true}\n").unwrap();
    for (path, existed) in [(&target, false), (&previous, true)] {
        let mut child = bin()
            .args([
                "articles",
                path_str(dir.path()),
                "--format",
                "json",
                "-j",
                "1",
            ])
            .arg("--output")
            .arg(path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The temporary file appears when the run starts writing.
        let hidden = |d: &Path| -> Vec<PathBuf> {
            fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    p.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .starts_with(".corpus-cli-")
                })
                .collect()
        };
        while hidden(out_dir.path()).is_empty() {
            if child.try_wait().unwrap().is_some() {
                panic!("the run ended before it could be killed; make the input larger");
            }
            std::thread::yield_now();
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if existed {
            assert_eq!(fs::read_to_string(path).unwrap(), "{\"old\": true}\n");
        } else {
            assert!(!path.exists(), "a partial output file was left");
        }
        // SIGKILL leaves the hidden temporary file (documented); clear it
        // so that the next run's own file is the one waited for.
        for p in hidden(out_dir.path()) {
            fs::remove_file(p).unwrap();
        }
    }
}

/// Characters that must never reach a terminal raw.
const UNSAFE: &[char] = &[
    '\u{1b}', '\u{7}', '\u{8}', '\r', '\u{7f}', '\u{9b}', '\u{85}', '\u{202A}', '\u{202B}',
    '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200B}',
    '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{2028}', '\u{2029}',
];

fn hostile_article() -> String {
    // Every unsafe character appears in the headline, a quote, a speaker's
    // name, an organization and an event sentence.
    let all: String = UNSAFE.iter().collect();
    format!(
        "Harbour\u{1b}[2J\u{1b}]0;owned\u{7} vote {all} ends\n\n\
         GENEVA, Nov 20 (Wirecast) – The port council held a meeting in Geneva on \
         November 20, 2026 \u{202E}gnitoved{all}.\n\n\
         \"Close the\u{1b}[31m gates \u{9b}2J now{all},\" said Ilse Dorn\u{200B}gaard, \
         head of the Harbour\u{2066} Board{all}.\n\n\
         Dorn\u{200B}gaard said the Harbour\u{2066} Board would meet again.\n"
    )
}

#[test]
fn terminal_escapes_are_escaped_in_text_output_and_exact_in_json() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("hostile.txt");
    fs::write(&file, hostile_article()).unwrap();
    fs::write(dir.path().join("good.txt"), article(7)).unwrap();
    let d = path_str(dir.path());
    let f = path_str(&file);
    let report = dir.path().join("report.jsonl");
    let r = run(&["articles", d, "--format", "jsonl", "-o", path_str(&report)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text_runs: Vec<Vec<&str>> = vec![
        vec!["articles", d],
        vec!["summarize", d],
        vec!["summarize", d, "--format", "markdown"],
        vec!["quotes", d],
        vec!["entities", d],
        vec!["timeline", d],
        vec!["timeline", d, "--format", "mermaid"],
        vec!["timeline", d, "--format", "svg"],
        vec!["timeline", d, "--format", "markdown"],
        vec!["inspect", f],
        vec!["diff", path_str(&report), d],
        vec!["diff", path_str(&report), d, "--format", "markdown"],
    ];
    for args in &text_runs {
        let r = run(args);
        assert!(r.code == 0, "{args:?}: exit {} {}", r.code, r.stderr);
        for c in UNSAFE {
            assert!(
                !r.stdout.contains(*c) && !r.stderr.contains(*c),
                "{args:?} printed U+{:04X} raw:\n{}",
                *c as u32,
                r.stdout
            );
        }
    }
    // The article's own text shows its escapes visibly.
    let r = run(&["articles", f]);
    assert!(r.stdout.contains("\\u{1b}[2J"), "{}", r.stdout);
    let r = run(&["quotes", d]);
    assert!(r.stdout.contains("\\u{1b}[31m"), "{}", r.stdout);
    // JSON keeps every character exactly.
    let r = run(&["articles", f, "--format", "json"]);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let rec = &doc["articles"][0];
    let all: String = UNSAFE.iter().collect();
    assert!(rec["headline"].as_str().unwrap().contains(&all));
    let quotes = rec["quotes"].as_array().unwrap();
    assert!(
        quotes
            .iter()
            .any(|q| q["text"].as_str().unwrap().contains("the\u{1b}[31m gates")),
        "{quotes:?}"
    );
}

#[test]
fn hostile_file_names_are_escaped_on_stderr() {
    let dir = dir_with(&[("bell\u{7}\u{1b}[2J.txt", b"")]);
    let r = run(&["articles", path_str(dir.path()), "--format", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(!r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'));
    assert!(
        r.stderr.contains("bell\\u{7}\\u{1b}[2J.txt"),
        "{}",
        r.stderr
    );
}

#[test]
fn output_file_is_an_ordinary_file_with_umask_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[]);
    let target = dir.path().join("out.jsonl");
    let r = run(&[
        "articles",
        path_str(dir.path()),
        "--format",
        "jsonl",
        "--output",
        path_str(&target),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(ids(&fs::read_to_string(&target).unwrap()), ["good"]);
    // Not the private 0600 of a temporary file: the mode of any file the
    // user creates there (0666 minus the umask).
    let plain = dir.path().join("plain");
    fs::write(&plain, "").unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&target), mode(&plain));
    // Nothing is left behind beside it.
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with(".corpus-cli-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
