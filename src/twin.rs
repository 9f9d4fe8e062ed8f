//! ASCII twins of Unicode regexes.
//!
//! Most news text has no word character outside ASCII: its non-ASCII
//! characters are typographic quotes, dashes, no-break spaces and currency
//! signs. On such text a Unicode class (`\p{L}`, `\w`, `\d`, a `(?i)`
//! letter) only ever meets ASCII characters and non-word characters, so a
//! much smaller class that agrees with it on those characters matches
//! exactly the same; and Unicode `\b` agrees with ASCII `\b`. The twin of a
//! pattern is built that way ([`ascii_twin`]): it compiles in a fraction of
//! the time, which is most of the start-up of a small run, and runs faster
//! because its lazy DFA never gives up on a Unicode word boundary. A
//! [`Twin`] searches with it whenever the haystack allows
//! ([`ascii_equivalent`]).
//!
//! Text with a word character outside ASCII (`Zoë`, `Müller`) is searched
//! by the pattern as written, built on first use. (A second, Latin twin
//! for accented Latin letters served the parser's patterns; they are all
//! read in code now.)

use std::cell::Cell;
use std::sync::LazyLock;
use std::thread::LocalKey;

use regex::Regex;

mod table;
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// Whether the twin of a pattern matches `s` exactly as the pattern does:
/// no character of `s` outside ASCII is a word character (`\w`). Every
/// Unicode letter, digit and case variant of an ASCII letter (`K`, `ſ`) is
/// one. Every search asks, often of text with a `£` or a curly quote, so
/// the ASCII runs are read 32 bytes at a time and only the characters
/// outside ASCII are decoded.
pub fn ascii_equivalent(s: &str) -> bool {
    within_known(s) || (!holds_mixed(s) && scan_ascii_equivalent(s))
}

thread_local! {
    /// The address range of the text a [`with_text`] call on this thread
    /// runs for, when that text is ASCII-equivalent; empty otherwise.
    static KNOWN: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
    /// The same when that text is not ASCII-equivalent: a string that
    /// holds all of it is not either (nested calls for the same text, as
    /// the pipeline's and the extractors', then read it once).
    static MIXED: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// Runs `f` knowing whether `text` is ASCII-equivalent: while it runs,
/// [`ascii_equivalent`] answers for any part of `text` without reading it.
/// A parse asks it of many lines and of each search in them; most
/// articles are ASCII-equivalent as a whole, and then so is every part.
///
/// This is sound because `text` stays borrowed, hence unchanged and
/// alive, for the whole call: a string lying inside its address range is
/// a part of it.
pub fn with_text<R>(text: &str, f: impl FnOnce() -> R) -> R {
    if within_known(text) || holds_mixed(text) {
        return f();
    }
    if scan_ascii_equivalent(text) {
        with_range(&KNOWN, text, f)
    } else {
        with_range(&MIXED, text, f)
    }
}

/// [`with_text`] for a text the caller has asked [`ascii_equivalent`]
/// of already, outside any call for it: `equivalent` is the answer.
pub fn with_text_as<R>(text: &str, equivalent: bool, f: impl FnOnce() -> R) -> R {
    with_range(if equivalent { &KNOWN } else { &MIXED }, text, f)
}

/// Runs `f` with the range of `text` in `slot` ([`KNOWN`] or [`MIXED`]).
fn with_range<R>(
    slot: &'static LocalKey<Cell<(usize, usize)>>,
    text: &str,
    f: impl FnOnce() -> R,
) -> R {
    /// Puts back the outer range, also when `f` panics.
    struct Restore(&'static LocalKey<Cell<(usize, usize)>>, (usize, usize));
    impl Drop for Restore {
        fn drop(&mut self) {
            self.0.set(self.1);
        }
    }
    let start = text.as_ptr() as usize;
    let _restore = Restore(slot, slot.replace((start, start + text.len())));
    f()
}

/// Whether `s` lies inside the text of the running [`with_text`] call.
fn within_known(s: &str) -> bool {
    let (start, end) = KNOWN.get();
    let at = s.as_ptr() as usize;
    start < end && start <= at && at + s.len() <= end
}

/// Whether `s` holds the whole text of the running [`with_text`] call
/// that found it not ASCII-equivalent.
fn holds_mixed(s: &str) -> bool {
    let (start, end) = MIXED.get();
    let at = s.as_ptr() as usize;
    start < end && at <= start && end <= at + s.len()
}

/// [`ascii_equivalent`], read.
fn scan_ascii_equivalent(s: &str) -> bool {
    let mut i = 0;
    loop {
        i += crate::swar::ascii_len(&s.as_bytes()[i..]);
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            return true;
        };
        if crate::uclass::is_word_char(c) {
            return false;
        }
        i += c.len_utf8();
    }
}

/// Compiles the ASCII twin of `pattern` (see the module docs).
///
/// # Panics
/// When `pattern` is not a valid regex; callers pass fixed patterns.
pub fn ascii_twin(pattern: &str) -> Regex {
    Regex::new(&ascii_pattern(pattern)).expect("the twin of a valid pattern")
}

/// The twin of `pattern`, as a pattern: from [`table::TWINS`] when it
/// holds the pattern, translated otherwise.
pub(crate) fn ascii_pattern(pattern: &str) -> String {
    #[cfg(test)]
    table::REQUESTED
        .lock()
        .expect("requested patterns")
        .push(pattern.to_string());
    match table::TWINS.iter().find(|(p, _)| *p == pattern) {
        Some((_, twin)) => (*twin).to_string(),
        None => translate(pattern),
    }
}

/// Translates `pattern` into its twin: half of the cost of building a
/// twin, which [`table::TWINS`] saves for the program's patterns.
fn translate(pattern: &str) -> String {
    let hir = regex_syntax::parse(pattern).expect("a valid pattern");
    let mut out = String::new();
    print(&twin_hir(&hir, &mut Vec::new()), &mut out);
    out
}

/// Writes `hir` as a pattern, with a group only where precedence needs
/// one. `Hir`'s own printer wraps every literal and every alternation in a
/// group, which made the twins two to three times longer than the
/// patterns and as much slower to parse when compiled. Any pattern this
/// writes parses back to `hir` (a test checks it for the program's
/// patterns and the table's twins).
fn print(hir: &Hir, out: &mut String) {
    match hir.kind() {
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(text) => regex_syntax::escape_into(text, out),
            Err(_) => out.push_str(&format!("(?:{hir})")),
        },
        HirKind::Class(Class::Unicode(class)) if !class.ranges().is_empty() => {
            out.push('[');
            for range in class.ranges() {
                regex_syntax::escape_into(range.start().encode_utf8(&mut [0; 4]), out);
                if range.end() != range.start() {
                    out.push('-');
                    regex_syntax::escape_into(range.end().encode_utf8(&mut [0; 4]), out);
                }
            }
            out.push(']');
        }
        HirKind::Repetition(rep) => {
            let grouped = match rep.sub.kind() {
                HirKind::Literal(lit) => {
                    std::str::from_utf8(&lit.0).map_or(true, |text| text.chars().count() != 1)
                }
                HirKind::Class(Class::Unicode(class)) => class.ranges().is_empty(),
                HirKind::Capture(_) | HirKind::Look(_) => false,
                _ => true,
            };
            group(&rep.sub, grouped, out);
            match (rep.min, rep.max) {
                (0, None) => out.push('*'),
                (1, None) => out.push('+'),
                (0, Some(1)) => out.push('?'),
                (min, None) => out.push_str(&format!("{{{min},}}")),
                (min, Some(max)) if min == max => out.push_str(&format!("{{{min}}}")),
                (min, Some(max)) => out.push_str(&format!("{{{min},{max}}}")),
            }
            if !rep.greedy {
                out.push('?');
            }
        }
        HirKind::Capture(cap) => {
            match &cap.name {
                Some(name) => out.push_str(&format!("(?P<{name}>")),
                None => out.push('('),
            }
            print(&cap.sub, out);
            out.push(')');
        }
        HirKind::Concat(subs) => {
            for sub in subs {
                group(sub, matches!(sub.kind(), HirKind::Alternation(_)), out);
            }
        }
        HirKind::Alternation(subs) => {
            for (i, sub) in subs.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                print(sub, out);
            }
        }
        // Assertions as `Hir` writes them (`\A`, `(?-u:\b)`); empty
        // patterns and classes in a group of their own.
        HirKind::Look(_) => out.push_str(&hir.to_string()),
        _ => out.push_str(&format!("(?:{hir})")),
    }
}

/// [`print`], in a non-capturing group if `grouped`.
fn group(hir: &Hir, grouped: bool, out: &mut String) {
    if grouped {
        out.push_str("(?:");
        print(hir, out);
        out.push(')');
    } else {
        print(hir, out);
    }
}

/// `hir` with each class replaced by its twin and each Unicode word
/// boundary by the ASCII one. Captures keep their names and order. `seen`
/// remembers the twin of each class met so far: a pattern repeats the same
/// few classes (`\s`, `(?i)` letters) many times.
fn twin_hir(hir: &Hir, seen: &mut Vec<(ClassUnicode, ClassUnicode)>) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0.clone()),
        HirKind::Class(Class::Unicode(class)) => {
            let twin = match seen.iter().find(|(c, _)| c == class) {
                Some((_, twin)) => twin.clone(),
                None => {
                    let twin = twin_class(class);
                    seen.push((class.clone(), twin.clone()));
                    twin
                }
            };
            Hir::class(Class::Unicode(twin))
        }
        HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Look(look) => Hir::look(ascii_look(*look)),
        HirKind::Repetition(rep) => {
            let mut rep = rep.clone();
            rep.sub = Box::new(twin_hir(&rep.sub, seen));
            Hir::repetition(rep)
        }
        HirKind::Capture(cap) => Hir::capture(Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(twin_hir(&cap.sub, seen)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| twin_hir(h, seen)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|h| twin_hir(h, seen)).collect())
        }
    }
}

fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

/// The non-ASCII word characters.
static NON_ASCII_WORD: LazyLock<ClassUnicode> = LazyLock::new(|| {
    let mut word = match regex_syntax::parse(r"\w").map(|h| h.into_kind()) {
        Ok(HirKind::Class(Class::Unicode(class))) => class,
        _ => unreachable!("\\w is a Unicode class"),
    };
    word.intersect(&beyond_ascii());
    word
});

/// The characters after ASCII.
fn beyond_ascii() -> ClassUnicode {
    ClassUnicode::new([ClassUnicodeRange::new('\u{80}', '\u{10FFFF}')])
}

/// A class that agrees with `class` on ASCII and on every non-word
/// character beyond it, with as few ranges as it can: what it does on
/// word characters beyond ASCII does not matter, since the twin never
/// meets one. `[\p{Lu}’]` becomes `[A-Z’]`; `[^()]` stays whole.
fn twin_class(class: &ClassUnicode) -> ClassUnicode {
    let mut ascii = class.clone();
    ascii.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\u{7f}')]));
    let mut beyond = class.clone();
    beyond.intersect(&beyond_ascii());
    // Either without the word characters beyond ASCII or with all of them.
    let mut without = beyond.clone();
    without.difference(&NON_ASCII_WORD);
    // `with` has at least one range, and the union of a large class is the
    // costliest step here: most classes (letters, `(?i)` letters) have no
    // non-ASCII character left once the word characters are taken out.
    let mut twin = if without.ranges().len() <= 1 {
        without
    } else {
        let mut with = beyond;
        with.union(&NON_ASCII_WORD);
        if without.ranges().len() <= with.ranges().len() {
            without
        } else {
            with
        }
    };
    twin.union(&ascii);
    twin
}

/// A compiled pattern (a [`Regex`] or a [`regex::RegexSet`]) with its
/// ASCII twin, each built on first use; every search uses the twin when
/// the haystack allows.
pub(crate) struct Twin<R = Regex> {
    ascii: LazyLock<R>,
    full: LazyLock<R>,
}

/// A [`Twin`] of a pattern expression, which is evaluated when either
/// regex is first built (the timex tests' oracle).
#[cfg(test)]
macro_rules! twin {
    ($pattern:expr) => {
        $crate::twin::Twin::new(
            || $crate::twin::ascii_twin(&$pattern),
            || regex::Regex::new(&$pattern).expect("a valid pattern"),
        )
    };
}
#[cfg(test)]
pub(crate) use twin;

impl<R> Twin<R> {
    /// Text that is not ASCII-equivalent is searched by the pattern as
    /// written.
    pub(crate) const fn new(ascii: fn() -> R, full: fn() -> R) -> Twin<R> {
        Twin {
            ascii: LazyLock::new(ascii),
            full: LazyLock::new(full),
        }
    }

    /// The twin if `ascii` (the caller has checked [`ascii_equivalent`] on
    /// the text to search), else the pattern as written.
    pub(crate) fn pick(&self, ascii: bool) -> &R {
        if ascii { &self.ascii } else { &self.full }
    }
}

#[cfg(test)]
impl Twin<Regex> {
    pub(crate) fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> regex::CaptureMatches<'r, 'h> {
        self.pick(ascii_equivalent(haystack))
            .captures_iter(haystack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PATTERNS: &[&str] = &[
        r"(?i)\bcontributed(?: reporting)?\b",
        r"^(?P<p>\p{Lu}[\p{Lu}'’.\-]*)(?:,\s*[\p{L}.]+)?\s*\((?P<a>[^()]{2,})\)\s*(?:--|[-–—])",
        r"\b(?P<w>\w+)\s+(?i:said|says)\b",
        r"(?:\d{1,2})\s+[^\s\d]+",
        r"\B\W+\b.",
    ];

    /// The printed twin parses back to the twin, as `Hir`'s printing does.
    #[test]
    fn printed_twins_parse_back() {
        let mut patterns: Vec<&str> = PATTERNS.to_vec();
        patterns.extend(table::TWINS.iter().map(|(p, _)| *p));
        patterns.extend([r"a{2,}?b{3}(?:cd){1,4}\\Q[^\]\-]|()", r"(?i)x(?:)y|z\B"]);
        for p in patterns {
            let twin = twin_hir(&regex_syntax::parse(p).unwrap(), &mut Vec::new());
            let mut printed = String::new();
            print(&twin, &mut printed);
            assert_eq!(
                regex_syntax::parse(&printed).unwrap(),
                regex_syntax::parse(&twin.to_string()).unwrap(),
                "{p}"
            );
        }
    }

    #[test]
    fn ascii_equivalence_of_text() {
        // Texts around the eight-byte steps of the scan.
        for (text, want) in [
            ("exactly8", true),
            ("0123456£", true),
            ("01234567é", false),
            ("long ascii run before a letter outside it: ſ", false),
            ("long ascii run before a mark outside it: —", true),
        ] {
            assert_eq!(ascii_equivalent(text), want, "{text:?}");
        }
        assert!(ascii_equivalent(""));
        assert!(ascii_equivalent("On Tuesday, Nov 29 2022."));
        assert!(ascii_equivalent("“Today” – £5\u{a0}bn — €3…"));
        assert!(!ascii_equivalent("in Zürich"));
        assert!(!ascii_equivalent("é"));
        assert!(!ascii_equivalent("“x” \u{212a}elvin")); // Kelvin sign: (?i) `k`
        assert!(!ascii_equivalent("٢٠٢٢")); // Arabic-Indic digits: `\d`
        assert!(!ascii_equivalent("a\u{200d}b")); // zero-width joiner: `\w`
    }

    proptest! {
        #[test]
        fn ascii_equivalence_is_the_written_rule(text in news_text()) {
            let rule = text.chars().all(|c| c.is_ascii() || !regex_syntax::is_word_character(c));
            prop_assert_eq!(ascii_equivalent(&text), rule);
        }

        /// Inside `with_text`, the parts of the text and other strings are
        /// judged as outside it.
        #[test]
        fn known_text_answers_as_read(text in news_text(), other in news_text(), a in 0..60usize, b in 0..60usize) {
            let rule = |s: &str| s.chars().all(|c| c.is_ascii() || !regex_syntax::is_word_character(c));
            let (a, b) = (a.min(text.len()), b.min(text.len()));
            let (a, b) = (a.min(b), a.max(b));
            with_text(&text, || {
                if let Some(part) = text.get(a..b) {
                    assert_eq!(ascii_equivalent(part), rule(part));
                }
                assert_eq!(ascii_equivalent(&other), rule(&other));
                with_text(&other, || {
                    assert_eq!(ascii_equivalent(&text), rule(&text));
                    assert_eq!(ascii_equivalent(&other), rule(&other));
                });
                // A nested call for the same text (the pipeline's, then the
                // extractors') keeps the answers.
                with_text(&text, || {
                    assert_eq!(ascii_equivalent(&text), rule(&text));
                    if let Some(part) = text.get(a..b) {
                        assert_eq!(ascii_equivalent(part), rule(part));
                    }
                });
            });
            prop_assert_eq!(KNOWN.get(), (0, 0));
            prop_assert_eq!(MIXED.get(), (0, 0));
        }
    }

    #[test]
    fn twin_classes_are_small_and_agree_on_ascii() {
        let lu = match regex_syntax::parse(r"\p{Lu}").unwrap().into_kind() {
            HirKind::Class(Class::Unicode(c)) => c,
            _ => unreachable!(),
        };
        let t = twin_class(&lu);
        assert_eq!(t.ranges(), &[ClassUnicodeRange::new('A', 'Z')]);
        let any_but_parens = match regex_syntax::parse(r"[^()]").unwrap().into_kind() {
            HirKind::Class(Class::Unicode(c)) => c,
            _ => unreachable!(),
        };
        assert!(twin_class(&any_but_parens).ranges().len() <= 3);
    }

    #[test]
    fn twins_keep_capture_names_and_order() {
        let p = PATTERNS[1];
        let (full, twin) = (Regex::new(p).unwrap(), ascii_twin(p));
        let names = |r: &Regex| {
            r.capture_names()
                .map(|n| n.map(str::to_owned))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&full), names(&twin));
    }

    #[test]
    fn twin_agrees_on_news_typography() {
        let text = "KYIV, Nov 3 (Agency’s desk) – “We’re ready,” Smith said. 12\u{a0}€ ’s";
        assert!(ascii_equivalent(text));
        assert!(!ascii_equivalent("Zürich said"));
        for p in PATTERNS {
            let (full, twin) = (Regex::new(p).unwrap(), ascii_twin(p));
            let all = |r: &Regex| {
                r.captures_iter(text)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            };
            assert_eq!(all(&full), all(&twin), "{p}");
        }
    }

    /// Text from ASCII and the non-ASCII characters news text has most,
    /// with a few non-ASCII letters and digits so that both sides of
    /// [`ascii_equivalent`] are drawn.
    fn news_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                8 => proptest::char::range(' ', '~'),
                1 => proptest::sample::select(vec![
                    '\u{a0}', '’', '“', '”', '–', '—', '…', '€', '£', 'é', 'Ж', '٣', 'K', 'ſ',
                    '\u{2009}', '\n', '\t',
                ]),
            ],
            0..60,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn twin_matches_as_written_where_it_is_used(text in news_text()) {
            for p in PATTERNS {
                let full = Regex::new(p).unwrap();
                let ascii = ascii_twin(p);
                if ascii_equivalent(&text) {
                    let all = |r: &Regex| {
                        r.captures_iter(&text)
                            .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
                            .collect::<Vec<_>>()
                    };
                    prop_assert_eq!(all(&full), all(&ascii), "{}", p);
                }
            }
        }
    }
}
