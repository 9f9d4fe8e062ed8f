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
//! A text with a few accented letters (`Zoë`, `Müller`) is not
//! ASCII-equivalent, and the pattern as written is costly to build: its
//! Unicode classes are large automata, often the largest part of a run's
//! start-up. Such a text is Latin-equivalent instead ([`latin_equivalent`]:
//! no word character at or beyond U+0370, the Greek block), and a second
//! twin that agrees with the pattern on every character before U+0370 and
//! on every non-word character matches on it exactly as the pattern does
//! (it keeps the Unicode `\b`, which agrees everywhere). Only other text
//! (Greek, Cyrillic, CJK letters) builds the pattern as written, and so
//! does Latin text for a pattern without a large class (`(?i)` letters,
//! `\s`), which builds about as fast as its twin would, and for a
//! [`Twin::new`], which has no Latin twin.

use std::cell::Cell;
use std::sync::LazyLock;
use std::thread::LocalKey;

use regex::{Captures, Regex};

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

/// [`with_text`] for a text the caller knows to be ASCII-equivalent when
/// `known` is true, because it is made of parts of a text that is (the
/// parser's joined body paragraphs): then the text is not read again.
/// When `known` is false the text is read as [`with_text`] does.
pub fn with_text_known<R>(text: &str, known: bool, f: impl FnOnce() -> R) -> R {
    if known {
        with_range(&KNOWN, text, f)
    } else {
        with_text(text, f)
    }
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

/// The last character of the Latin domain ([`latin_equivalent`]): Latin-1,
/// Latin Extended-A and -B, IPA, spacing modifiers and combining marks.
const LATIN_LAST: char = '\u{36f}';

/// Whether the Latin twin of a pattern matches `s` exactly as the pattern
/// does: no character of `s` after [`LATIN_LAST`] is a word character.
/// Asked only of text that is not ASCII-equivalent.
pub fn latin_equivalent(s: &str) -> bool {
    let mut i = 0;
    loop {
        i += crate::swar::ascii_len(&s.as_bytes()[i..]);
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            return true;
        };
        if c > LATIN_LAST && regex_syntax::is_word_character(c) {
            return false;
        }
        i += c.len_utf8();
    }
}

/// [`ascii_equivalent`], read.
fn scan_ascii_equivalent(s: &str) -> bool {
    let mut i = 0;
    loop {
        i += crate::swar::ascii_len(&s.as_bytes()[i..]);
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            return true;
        };
        if regex_syntax::is_word_character(c) {
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

/// Compiles the Latin twin of `pattern` (see the module docs).
///
/// # Panics
/// When `pattern` is not a valid regex; callers pass fixed patterns.
pub fn latin_twin(pattern: &str) -> Regex {
    Regex::new(&latin_pattern(pattern)).expect("the twin of a valid pattern")
}

/// [`latin_twin`] when it differs from the pattern as written; `None`
/// when the pattern has no large class, so that a [`Twin`] searches Latin
/// text with the written pattern instead of building it a second time.
///
/// # Panics
/// When `pattern` is not a valid regex; callers pass fixed patterns.
pub fn latin_twin_if_cheaper(pattern: &str) -> Option<Regex> {
    match latin_pattern(pattern) {
        std::borrow::Cow::Owned(twin) => {
            Some(Regex::new(&twin).expect("the twin of a valid pattern"))
        }
        std::borrow::Cow::Borrowed(_) => None,
    }
}

/// The Latin twin of `pattern`, as a pattern: from [`table::LATIN`] when
/// it holds the pattern, translated otherwise.
fn latin_pattern(pattern: &str) -> std::borrow::Cow<'_, str> {
    let twin = match table::LATIN.iter().find(|(p, _)| *p == pattern) {
        Some((_, twin)) => twin.map(String::from),
        None => latin_translation(pattern),
    };
    twin.map_or(std::borrow::Cow::Borrowed(pattern), std::borrow::Cow::Owned)
}

/// The Latin twin of `pattern` when it is cheaper to build than the
/// pattern as written, which it is when the pattern holds a large Unicode
/// class (`\p{L}`, `\w`, `\d`). Without one (`(?i)` letters, `\s`,
/// `[^()]`) the pattern builds about as fast as its twin, whose translation
/// would then be wasted (`None`).
fn latin_translation(pattern: &str) -> Option<String> {
    /// Classes with more ranges than this are large: `\s` has 10, `(?i)`
    /// letters at most 3, `\d` 64 and `\p{Lu}` over 600.
    const LARGE: usize = 16;
    fn has_large_class(hir: &Hir) -> bool {
        match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => class.ranges().len() > LARGE,
            HirKind::Repetition(rep) => has_large_class(&rep.sub),
            HirKind::Capture(cap) => has_large_class(&cap.sub),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(has_large_class),
            _ => false,
        }
    }
    let hir = regex_syntax::parse(pattern).expect("a valid pattern");
    has_large_class(&hir).then(|| {
        let mut out = String::new();
        print(&twin_hir(&hir, Domain::Latin, &mut Vec::new()), &mut out);
        out
    })
}

/// The characters on which a twin agrees with its pattern, besides every
/// non-word character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Domain {
    Ascii,
    /// Up to [`LATIN_LAST`].
    Latin,
}

impl Domain {
    fn last(self) -> char {
        match self {
            Domain::Ascii => '\u{7f}',
            Domain::Latin => LATIN_LAST,
        }
    }

    /// The word characters outside the domain.
    fn word_beyond(self) -> &'static ClassUnicode {
        match self {
            Domain::Ascii => &NON_ASCII_WORD,
            Domain::Latin => &NON_LATIN_WORD,
        }
    }
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
    print(&twin_hir(&hir, Domain::Ascii, &mut Vec::new()), &mut out);
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

/// `hir` with each class replaced by its twin on `domain` and, on ASCII,
/// each Unicode word boundary by the ASCII one (on Latin text they differ
/// at accented letters). Captures keep their names and order. `seen`
/// remembers the twin of each class met so far: a pattern repeats the same
/// few classes (`\s`, `(?i)` letters) many times.
fn twin_hir(hir: &Hir, domain: Domain, seen: &mut Vec<(ClassUnicode, ClassUnicode)>) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0.clone()),
        HirKind::Class(Class::Unicode(class)) => {
            let twin = match seen.iter().find(|(c, _)| c == class) {
                Some((_, twin)) => twin.clone(),
                None => {
                    let twin = twin_class_in(class, domain);
                    seen.push((class.clone(), twin.clone()));
                    twin
                }
            };
            Hir::class(Class::Unicode(twin))
        }
        HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Look(look) if domain == Domain::Ascii => Hir::look(ascii_look(*look)),
        HirKind::Look(look) => Hir::look(*look),
        HirKind::Repetition(rep) => {
            let mut rep = rep.clone();
            rep.sub = Box::new(twin_hir(&rep.sub, domain, seen));
            Hir::repetition(rep)
        }
        HirKind::Capture(cap) => Hir::capture(Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(twin_hir(&cap.sub, domain, seen)),
        }),
        HirKind::Concat(subs) => {
            Hir::concat(subs.iter().map(|h| twin_hir(h, domain, seen)).collect())
        }
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|h| twin_hir(h, domain, seen)).collect())
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
static NON_ASCII_WORD: LazyLock<ClassUnicode> = LazyLock::new(|| word_beyond(Domain::Ascii));

/// The word characters after [`LATIN_LAST`].
static NON_LATIN_WORD: LazyLock<ClassUnicode> = LazyLock::new(|| word_beyond(Domain::Latin));

fn word_beyond(domain: Domain) -> ClassUnicode {
    let mut word = match regex_syntax::parse(r"\w").map(|h| h.into_kind()) {
        Ok(HirKind::Class(Class::Unicode(class))) => class,
        _ => unreachable!("\\w is a Unicode class"),
    };
    word.intersect(&beyond(domain));
    word
}

/// The characters after `domain`.
fn beyond(domain: Domain) -> ClassUnicode {
    let first = char::from_u32(u32::from(domain.last()) + 1).expect("a character");
    ClassUnicode::new([ClassUnicodeRange::new(first, '\u{10FFFF}')])
}

/// [`twin_class_in`] for the ASCII domain.
#[cfg(test)]
fn twin_class(class: &ClassUnicode) -> ClassUnicode {
    twin_class_in(class, Domain::Ascii)
}

/// A class that agrees with `class` on the characters of `domain` and on
/// every non-word character beyond it, with as few ranges as it can: what
/// it does on word characters beyond the domain does not matter, since the
/// twin never meets one. For ASCII, `[\p{Lu}’]` becomes `[A-Z’]`; `[^()]`
/// stays whole.
fn twin_class_in(class: &ClassUnicode, domain: Domain) -> ClassUnicode {
    let mut ascii = class.clone();
    ascii.intersect(&ClassUnicode::new([ClassUnicodeRange::new(
        '\0',
        domain.last(),
    )]));
    let mut beyond = class.clone();
    beyond.intersect(&self::beyond(domain));
    // Either without the word characters beyond the domain or with all of
    // them.
    let mut without = beyond.clone();
    without.difference(domain.word_beyond());
    // `with` has at least one range, and the union of a large class is the
    // costliest step here: most classes (letters, `(?i)` letters) have no
    // non-ASCII character left once the word characters are taken out.
    let mut twin = if without.ranges().len() <= 1 {
        without
    } else {
        let mut with = beyond;
        with.union(domain.word_beyond());
        if without.ranges().len() <= with.ranges().len() {
            without
        } else {
            with
        }
    };
    twin.union(&ascii);
    twin
}

/// A compiled pattern (a [`Regex`] or a [`regex::RegexSet`]) with its ASCII twin
/// and perhaps its Latin twin, each built on first use; every search uses
/// a twin when the haystack allows.
pub(crate) struct Twin<R = Regex> {
    ascii: LazyLock<R>,
    /// `None` inside when the pattern's Latin twin would be the pattern as
    /// written ([`latin_twin_if_cheaper`]).
    latin: Option<LazyLock<Option<R>>>,
    full: LazyLock<R>,
}

/// A [`Twin`] of a pattern expression, which is evaluated when either
/// regex is first built.
macro_rules! twin {
    ($pattern:expr) => {
        $crate::twin::Twin::tiered(
            || $crate::twin::ascii_twin(&$pattern),
            || $crate::twin::latin_twin_if_cheaper(&$pattern),
            || regex::Regex::new(&$pattern).expect("a valid pattern"),
        )
    };
}
pub(crate) use twin;

impl<R> Twin<R> {
    /// Without a Latin twin: text that is not ASCII-equivalent is searched
    /// by the pattern as written.
    pub(crate) const fn new(ascii: fn() -> R, full: fn() -> R) -> Twin<R> {
        Twin {
            ascii: LazyLock::new(ascii),
            latin: None,
            full: LazyLock::new(full),
        }
    }

    /// With a Latin twin.
    pub(crate) const fn tiered(
        ascii: fn() -> R,
        latin: fn() -> Option<R>,
        full: fn() -> R,
    ) -> Twin<R> {
        Twin {
            ascii: LazyLock::new(ascii),
            latin: Some(LazyLock::new(latin)),
            full: LazyLock::new(full),
        }
    }

    /// The form that matches on `haystack` as the written pattern does,
    /// a twin whenever it can.
    pub(crate) fn on(&self, haystack: &str) -> &R {
        self.pick_on(ascii_equivalent(haystack), haystack)
    }

    /// The twin if `ascii` (the caller has checked [`ascii_equivalent`] on
    /// the text to search), else the pattern as written.
    pub(crate) fn pick(&self, ascii: bool) -> &R {
        if ascii { &self.ascii } else { &self.full }
    }

    /// [`Twin::on`] when the caller has checked [`ascii_equivalent`] on
    /// `haystack`: `ascii` is its answer.
    pub(crate) fn pick_on(&self, ascii: bool, haystack: &str) -> &R {
        if ascii {
            &self.ascii
        } else {
            self.beyond_ascii(haystack)
        }
    }

    /// The Latin twin if there is one and `haystack` allows, else the
    /// pattern as written.
    #[cold]
    fn beyond_ascii(&self, haystack: &str) -> &R {
        match &self.latin {
            // Not `unwrap_or(&self.full)`: its argument is evaluated first,
            // and dereferencing the `LazyLock` builds the written pattern.
            Some(latin) if latin_equivalent(haystack) => match LazyLock::force(latin) {
                Some(twin) => twin,
                None => &self.full,
            },
            _ => &self.full,
        }
    }
}

impl Twin<Regex> {
    #[cfg(test)]
    fn find<'h>(&self, haystack: &'h str) -> Option<regex::Match<'h>> {
        self.on(haystack).find(haystack)
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.on(haystack).captures(haystack)
    }

    #[cfg(test)]
    pub(crate) fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> regex::CaptureMatches<'r, 'h> {
        self.on(haystack).captures_iter(haystack)
    }
}

/// Only the ASCII twin is built ahead: most runs never need the others.
impl<R: Send + Sync> crate::WarmUp for Twin<R> {
    fn warm_up(&self) {
        LazyLock::force(&self.ascii);
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

    /// Latin text is searched by the Latin twin without building the
    /// written pattern, whose Unicode classes cost the most to build; only
    /// text beyond the Latin domain builds it.
    #[test]
    fn latin_text_leaves_the_written_pattern_unbuilt() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static BUILT: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];
        fn build(which: usize, pattern: &str) -> Regex {
            BUILT[which].fetch_add(1, Ordering::SeqCst);
            Regex::new(pattern).unwrap()
        }
        static WORD: Twin = Twin::tiered(
            || build(0, &ascii_pattern(r"\p{Lu}\w+")),
            || Some(build(1, &latin_pattern(r"\p{Lu}\w+"))),
            || build(2, r"\p{Lu}\w+"),
        );
        let built = || BUILT.each_ref().map(|n| n.load(Ordering::SeqCst));
        assert_eq!(WORD.find("a Zoë b").map(|m| m.as_str()), Some("Zoë"));
        assert_eq!(built(), [0, 1, 0]);
        assert_eq!(WORD.find("x Øre").map(|m| m.as_str()), Some("Øre"));
        assert_eq!(built(), [0, 1, 0]);
        assert_eq!(WORD.find("о Жук").map(|m| m.as_str()), Some("Жук"));
        assert_eq!(built(), [0, 1, 1]);
    }

    /// The printed twin parses back to the twin, as `Hir`'s printing does.
    #[test]
    fn printed_twins_parse_back() {
        let mut patterns: Vec<&str> = PATTERNS.to_vec();
        patterns.extend(table::TWINS.iter().map(|(p, _)| *p));
        patterns.extend([r"a{2,}?b{3}(?:cd){1,4}\\Q[^\]\-]|()", r"(?i)x(?:)y|z\B"]);
        for p in patterns {
            for domain in [Domain::Ascii, Domain::Latin] {
                let twin = twin_hir(&regex_syntax::parse(p).unwrap(), domain, &mut Vec::new());
                let mut printed = String::new();
                print(&twin, &mut printed);
                assert_eq!(
                    regex_syntax::parse(&printed).unwrap(),
                    regex_syntax::parse(&twin.to_string()).unwrap(),
                    "{p} ({domain:?})"
                );
            }
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

    #[test]
    fn latin_equivalence_of_text() {
        for (text, want) in [
            ("", true),
            ("Zoë Müller in Zürich", true),
            ("Doğaner, Bărescu, Łoski, ſ", true),
            ("e\u{301}", true), // a combining mark
            ("“x” – £5 €3", true),
            ("Жанна", false),
            ("\u{212a}elvin", false), // Kelvin sign: (?i) `k`
            ("٢٠٢٢", false),
            ("ascii run then Greek α", false),
        ] {
            assert_eq!(latin_equivalent(text), want, "{text:?}");
        }
    }

    /// The program's patterns (from the table) with a Latin twin, each
    /// compiled once as written and as its Latin twin.
    static LATIN_PAIRS: LazyLock<Vec<(Regex, Regex)>> = LazyLock::new(|| {
        table::LATIN
            .iter()
            .map(|(p, _)| *p)
            .chain(PATTERNS.iter().copied())
            .map(|p| (Regex::new(p).unwrap(), latin_twin(p)))
            .collect()
    });

    /// Text from [`news_text`] with Latin letters from all the Latin
    /// blocks, upper and lower case, and a combining mark.
    fn latin_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                6 => proptest::char::range(' ', '~'),
                2 => proptest::sample::select(vec![
                    'é', 'É', 'ë', 'ü', 'Ü', 'ñ', 'ß', 'ğ', 'Ğ', 'ă', 'Ł', 'ł', 'ſ', 'ǅ', 'ɐ',
                    'ʰ', '\u{301}', 'ª', 'µ', '×', '÷', '\u{a0}', '’', '“', '–', '—', '€',
                    '\n', 'Ж', '\u{212a}',
                ]),
            ],
            0..50,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    /// Text made of the fragments the program's patterns look for, with
    /// Latin letters among them.
    fn latin_lines() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vec![
                    "By ",
                    "Follow ",
                    " on X",
                    "(Reporting by ",
                    "ROME, ",
                    "ÉVORA, ",
                    "Nov 3 ",
                    "(AFP) - ",
                    "the ",
                    " correspondent",
                    " reports",
                    ", according to ",
                    "Monday",
                    "Image: ",
                    "Related",
                    "ab/cd (",
                    "), ",
                    " Zoë",
                    " Müller",
                    "Ğ",
                    "ü",
                    "ſ",
                    "É",
                    " Ça",
                    "EconomyÉurope",
                    "En | Dé",
                    "—",
                    " ",
                    "\u{a0}",
                ])
                .prop_map(str::to_string),
                "[A-Za-zé ]{0,8}",
            ],
            0..10,
        )
        .prop_map(|parts| parts.concat())
    }

    fn all_captures(r: &Regex, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        r.captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
            .collect()
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

        #[test]
        fn latin_equivalence_is_the_written_rule(text in latin_text()) {
            let rule = text.chars().all(|c| c <= LATIN_LAST || !regex_syntax::is_word_character(c));
            prop_assert_eq!(latin_equivalent(&text), rule);
        }

        /// On Latin-equivalent text each Latin twin finds what its
        /// pattern finds, with the same groups.
        #[test]
        fn latin_twin_matches_as_written_where_it_is_used(
            text in prop_oneof![latin_text(), latin_lines()],
        ) {
            if latin_equivalent(&text) {
                for (full, latin) in LATIN_PAIRS.iter() {
                    prop_assert_eq!(
                        all_captures(full, &text),
                        all_captures(latin, &text),
                        "{}",
                        full.as_str()
                    );
                }
            }
        }
    }
}
