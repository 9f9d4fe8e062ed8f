//! UAX #29 sentence segmentation, as `unicode-segmentation` does it, with a
//! table lookup instead of a binary search per character.
//!
//! Sentence counting runs over every body paragraph, and the crate looks up
//! each character's sentence category in a 2,500-entry range table; that
//! lookup was most of the parser's counting time. News prose is nearly all
//! Latin-1 plus typographic quotes and dashes, whose categories are copied
//! here from the crate's table. Text holding any other character
//! goes to the crate itself, so the boundaries are always the crate's.
//!
//! The state machine below is a transcription of the crate's
//! `sentence::fwd::SentenceBreaks` (same rules, same collapsing of `Close+`
//! and `Sp+`). Two differences, neither changing a boundary: the rules that
//! only keep a sentence together (SB6 to SB10) are asked only where SB11
//! would break, and the SB8 look-ahead is remembered between characters so
//! that long runs of closing punctuation stay linear. In plain paragraphs
//! (no line breaks, and outside ASCII only spaces and punctuation that
//! cannot break, such as curly quotes and dashes; the parser learns this
//! from its word count's scan) memchr finds the terminators, and the usual
//! shapes after one (spaces and a capital, a decimal point) are taken in
//! one go with the state the steps would leave (`Scanner::plain_terminator`).
//! The tests compare all of it with the crate on random and tricky text and
//! on every pair of known characters, and the shortcuts with the steps.

use unicode_segmentation::UnicodeSegmentation;

/// Sentence_Break property values (UAX #29, table 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cat {
    Any,
    CR,
    LF,
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Format,
}

impl Cat {
    /// Whether a quiet state passes over a character of this category
    /// without a step of its own (`Scanner::passed`): in a quiet state
    /// none of them can end a sentence.
    #[inline(always)]
    const fn passes_quietly(self) -> bool {
        matches!(
            self,
            Cat::Any
                | Cat::Sp
                | Cat::Lower
                | Cat::Upper
                | Cat::Numeric
                | Cat::Close
                | Cat::SContinue
        )
    }
}

/// The category of a Latin-1 character.
const fn latin1(b: u8) -> Cat {
    match b {
        b'\t' | 0x0b | 0x0c | b' ' | 0xa0 => Cat::Sp,
        b'\n' => Cat::LF,
        b'\r' => Cat::CR,
        0x85 => Cat::Sep,
        b'!' | b'?' => Cat::STerm,
        b'.' => Cat::ATerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | 0xab | 0xbb => Cat::Close,
        b',' | b'-' | b':' | b';' => Cat::SContinue,
        b'0'..=b'9' => Cat::Numeric,
        b'A'..=b'Z' | 0xc0..=0xd6 | 0xd8..=0xde => Cat::Upper,
        b'a'..=b'z' | 0xaa | 0xb5 | 0xba | 0xdf..=0xf6 | 0xf8..=0xff => Cat::Lower,
        0xad => Cat::Format,
        _ => Cat::Any,
    }
}

/// Whether a Latin-1 character is alphanumeric (`char::is_alphanumeric`).
const fn latin1_alnum(b: u8) -> bool {
    matches!(
        b,
        b'0'..=b'9'
            | b'A'..=b'Z'
            | b'a'..=b'z'
            | 0xaa
            | 0xb2
            | 0xb3
            | 0xb5
            | 0xb9
            | 0xba
            | 0xbc..=0xbe
            | 0xc0..=0xd6
            | 0xd8..=0xf6
            | 0xf8..=0xff
    )
}

/// [`latin1`] and [`latin1_alnum`] for each of the 256 Latin-1 characters.
static LATIN1: [(Cat, bool); 256] = {
    let mut table = [(Cat::Any, false); 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (latin1(b as u8), latin1_alnum(b as u8));
        b += 1;
    }
    table
};

/// The category of `c` and whether it is alphanumeric, when this module
/// knows it; `None` otherwise.
#[inline(always)]
fn category(c: char) -> Option<(Cat, bool)> {
    let cat = match c {
        '\0'..='\u{ff}' => return Some(LATIN1[c as usize]),
        '\u{2013}' | '\u{2014}' => Cat::SContinue,
        '\u{2018}'..='\u{201f}' => Cat::Close,
        // The other dashes (the horizontal bar `―` opens quoted speech in
        // some styles), daggers, bullets (`•`), leaders (`…`), `€`.
        '\u{2010}'..='\u{2012}'
        | '\u{2015}'..='\u{2017}'
        | '\u{2020}'..='\u{2023}'
        | '\u{2025}'
        | '\u{2026}'
        | '\u{2044}'
        | '\u{20ac}' => Cat::Any,
        _ => return None,
    };
    Some((cat, false))
}

/// A collapsed part of the text seen so far (the crate's `StatePart`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    CR,
    LF,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, oldest first.
type State = [Part; 4];

/// The part a character of category `cat` adds to the state.
const fn part(cat: Cat) -> Part {
    match cat {
        Cat::CR => Part::CR,
        Cat::LF => Part::LF,
        Cat::Sep => Part::Sep,
        Cat::ATerm => Part::ATerm,
        Cat::Upper | Cat::Lower => Part::UpperLower,
        Cat::Close => Part::ClosePlus,
        Cat::Sp => Part::SpPlus,
        Cat::STerm => Part::STerm,
        // (No wildcard: a category added to `Cat` must be named here, and
        // added to `CATS`, which `PARTS` is read through.)
        Cat::Any | Cat::Numeric | Cat::SContinue | Cat::Format => Part::Other,
    }
}

/// Every category, in the order of their declaration.
const CATS: [Cat; 13] = [
    Cat::Any,
    Cat::CR,
    Cat::LF,
    Cat::Sep,
    Cat::Sp,
    Cat::Lower,
    Cat::Upper,
    Cat::Numeric,
    Cat::ATerm,
    Cat::STerm,
    Cat::Close,
    Cat::SContinue,
    Cat::Format,
];

// Each category at its own index, the last declared last.
const _: () = {
    assert!(CATS.len() == Cat::Format as usize + 1);
    let mut i = 0;
    while i < CATS.len() {
        assert!(CATS[i] as usize == i);
        i += 1;
    }
};

/// [`part`] by `cat as usize`: the compiler made the `match` an indirect
/// jump, taken at every step and often mispredicted.
static PARTS: [Part; CATS.len()] = {
    let mut table = [Part::Other; CATS.len()];
    let mut i = 0;
    while i < CATS.len() {
        table[i] = part(CATS[i]);
        i += 1;
    }
    table
};

#[inline(always)]
fn advance(parts: State, cat: Cat) -> State {
    match (parts[3], cat) {
        (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => parts,
        _ => [parts[1], parts[2], parts[3], PARTS[cat as usize]],
    }
}

fn is_saterm(p: Part) -> bool {
    p == Part::STerm || p == Part::ATerm
}

/// `SATerm Close* Sp*` ends the state: the index of the terminator's part.
fn term_before_close_sp(s: &State) -> usize {
    let mut idx = if s[3] == Part::SpPlus { 2 } else { 3 };
    if s[idx] == Part::ClosePlus {
        idx -= 1;
    }
    idx
}

/// Calls `on_end` at the end of each sentence (its exclusive byte end and
/// whether it holds a letter or digit), for text whose characters all have
/// a known category; returns `false`, possibly after some calls, at the
/// first character of unknown category.
fn sentence_ends(text: &str, on_end: impl FnMut(usize, bool)) -> bool {
    scan(text, plain_ascii(text), on_end)
}

/// How a scan finds the terminators of plain text (see [`scan`]).
#[derive(Clone, Copy, Debug)]
pub enum Plain<'a> {
    /// The text is not plain: no shortcuts.
    No,
    /// Plain, terminators found by a search.
    Search,
    /// Plain, terminators in masks: bit `i` of `masks[k]` is set when byte
    /// `64 * k + i` is `.`, `!` or `?` (the word count's scan leaves them,
    /// `words::count_scanning`).
    Masks(&'a [u64]),
}

/// [`Plain::Search`] for ASCII text without line breaks, else
/// [`Plain::No`].
fn plain_ascii(text: &str) -> Plain<'static> {
    if is_plain_ascii(text) {
        Plain::Search
    } else {
        Plain::No
    }
}

/// ASCII text without line breaks: plain, and found so in one pass.
fn is_plain_ascii(text: &str) -> bool {
    text.is_ascii() && no_line_breaks(text)
}

/// No CR or LF in `text`: the other half of being plain.
pub(crate) fn no_line_breaks(text: &str) -> bool {
    memchr::memchr2(b'\r', b'\n', text.as_bytes()).is_none()
}

/// Whether `c` may stand in plain text: a character that neither breaks
/// a quiet state nor is alphanumeric (spaces, closing punctuation, dashes,
/// `£`, `…`), so that between two terminators it changes nothing the
/// shortcuts read.
pub fn plain_char(c: char) -> bool {
    matches!(
        category(c),
        Some((Cat::Any | Cat::Sp | Cat::Close | Cat::SContinue, false))
    )
}

/// [`sentence_ends`], with the shortcuts for plain text unless `plain` is
/// [`Plain::No`]: text without CR or LF whose characters outside ASCII are
/// all [`plain_char`]s (the tests compare all three ways).
#[inline(always)]
fn scan(text: &str, plain: Plain<'_>, mut on_end: impl FnMut(usize, bool)) -> bool {
    let mut scanner = Scanner::new();
    // The text is read character by character, and while the state is
    // quiet the characters that cannot break (in plain text, all but `.`,
    // `!`, `?`, CR and LF) are passed over in one search.
    let bytes = text.as_bytes();
    // In plain text (most paragraphs) only a terminator can break a quiet
    // state: the word count's masks (or memchr) find the next one faster
    // than the general search, and the usual shapes after it are read at
    // once (`plain_terminator`).
    let mut pos = 0;
    while pos < bytes.len() {
        if scanner.quiet {
            let rest = &bytes[pos..];
            let run = match plain {
                Plain::Masks(masks) => next_in_masks(masks, pos, bytes.len()) - pos,
                Plain::Search => memchr::memchr3(b'.', b'!', b'?', rest).unwrap_or(rest.len()),
                Plain::No => quiet_run(rest),
            };
            if !matches!(plain, Plain::No)
                && let Some(next) = scanner.common_terminator(bytes, pos, pos + run, &mut on_end)
            {
                pos = next;
                continue;
            }
            if run > 0 {
                let passed = &bytes[pos..pos + run];
                scanner.pass_plain(passed);
                scanner.passed = Some(match passed[run - 1] {
                    last @ 0..0x80 => LATIN1[usize::from(last)].0,
                    _ => text[..pos + run]
                        .chars()
                        .next_back()
                        .and_then(category)
                        .map_or(Cat::Any, |(cat, _)| cat),
                });
                pos += run;
                if pos == bytes.len() {
                    break;
                }
            }
            if !matches!(plain, Plain::No)
                && let Some(next) = scanner.plain_terminator(bytes, pos, &mut on_end)
            {
                pos = next;
                continue;
            }
        }
        let (cat, is_alnum, len) = if bytes[pos].is_ascii() {
            let (cat, is_alnum) = LATIN1[usize::from(bytes[pos])];
            (cat, is_alnum, 1)
        } else {
            // `pos` only ever moves by whole characters.
            let c = text[pos..].chars().next().expect("a character at pos");
            let Some((cat, is_alnum)) = category(c) else {
                return false;
            };
            (cat, is_alnum, c.len_utf8())
        };
        scanner.step(text, pos, cat, is_alnum, &mut on_end);
        pos += len;
    }
    scanner.finish(text, &mut on_end);
    true
}

/// The first position from `pos` whose bit is set in `masks` (see
/// [`Plain::Masks`]), or `len` when there is none.
#[inline(always)]
fn next_in_masks(masks: &[u64], pos: usize, len: usize) -> usize {
    let mut k = pos / 64;
    let mut mask = masks.get(k).map_or(0, |&m| m & (!0 << (pos % 64)));
    while mask == 0 {
        k += 1;
        match masks.get(k) {
            Some(&m) => mask = m,
            None => return len,
        }
    }
    (k * 64 + mask.trailing_zeros() as usize).min(len)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of each byte of `low` (bytes below 0x80) equal to `b`:
/// after the `^` such a byte is zero, and adding `0x7f` sets the high bit
/// of every other byte without carrying into the next one.
fn bytes_equal(low: u64, b: u8) -> u64 {
    !((low ^ (ONES * u64::from(b))) + LOW7) & !LOW7
}

/// The length of the run of ASCII `bytes` before the first `.`, `!`, `?`,
/// CR or LF (the only ASCII characters that can break a quiet state) or
/// the first byte outside ASCII, read eight bytes at a time.
fn quiet_run(bytes: &[u8]) -> usize {
    let stops = |b: &u8| !b.is_ascii() || matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n');
    let mut chunks = bytes.chunks_exact(8);
    let mut run = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = x & LOW7;
        let found = (x & !LOW7)
            | bytes_equal(low, b'.')
            | bytes_equal(low, b'!')
            | bytes_equal(low, b'?')
            | bytes_equal(low, b'\r')
            | bytes_equal(low, b'\n');
        if found != 0 {
            return run + found.trailing_zeros() as usize / 8;
        }
        run += 8;
    }
    let rest = chunks.remainder();
    run + rest.iter().position(stops).unwrap_or(rest.len())
}

/// The segmenter between two characters.
struct Scanner {
    state: State,
    /// Whether the sentence so far holds a letter or digit.
    alnum: bool,
    /// No SATerm in the state's last `SATerm Close* Sp*` and no paragraph
    /// separator last: then no character but a terminator, a separator or a
    /// Format character can break, and appending one keeps the state quiet
    /// (SB11 still finds no terminator). In prose that is most characters.
    quiet: bool,
    /// The last of the characters passed over while quiet. The state is
    /// brought up to date with it alone: of the parts before the last, the
    /// rules only ever ask whether one is a terminator ending the state,
    /// and in a quiet state none is, exactly or brought up to date this way.
    passed: Option<Cat>,
    /// SB8 looks ahead for the first decisive character; its answer holds
    /// for every position up to that character.
    sb8_cache: Option<(usize, bool)>,
}

impl Scanner {
    /// A scanner at the start of the text, quiet: SB1 breaks nowhere
    /// before the first character, and a first character that a quiet
    /// state passes over leaves the state quiet, with that character's
    /// part as its last and `Sot` before it, which is what bringing the
    /// state up to date with it gives later. So the first character of
    /// most texts (a letter) is passed over with the run after it, without
    /// a step of its own.
    fn new() -> Scanner {
        Scanner {
            state: [Part::Sot; 4],
            alnum: false,
            quiet: true,
            passed: None,
            sb8_cache: None,
        }
    }

    /// The character at `pos`, of category `cat`.
    #[inline(always)]
    fn step(
        &mut self,
        text: &str,
        pos: usize,
        cat: Cat,
        is_alnum: bool,
        on_end: &mut impl FnMut(usize, bool),
    ) {
        if self.quiet && cat.passes_quietly() {
            self.passed = Some(cat);
            self.alnum |= is_alnum;
            return;
        }
        if let Some(last) = self.passed.take() {
            self.state = advance(self.state, last);
        }
        let before = self.state;
        self.state = advance(self.state, cat);
        // Only SB4 and SB11 break; SB6 to SB10 only keep a sentence
        // together, so they are asked only when SB11 would break.
        let boundary = if before[3] == Part::Sot {
            // SB1: a break at the start of text (not a sentence end).
            false
        } else if cat == Cat::LF && before[3] == Part::CR {
            // SB3.
            false
        } else if matches!(before[3], Part::Sep | Part::CR | Part::LF) {
            // SB4.
            true
        } else if cat == Cat::Format {
            // SB5 (no Extend character is in the table).
            self.state = before;
            false
        } else if !sb11(&before) {
            // SB998.
            false
        } else if cat == Cat::Numeric && before[3] == Part::ATerm {
            // SB6.
            false
        } else if cat == Cat::Upper && before[2] == Part::UpperLower && before[3] == Part::ATerm {
            // SB7.
            false
        } else if sb8(&before, text, pos, &mut self.sb8_cache) {
            false
        } else if matches!(cat, Cat::SContinue | Cat::STerm | Cat::ATerm)
            && is_saterm(before[term_before_close_sp(&before)])
        {
            // SB8a.
            false
        } else if matches!(cat, Cat::Close | Cat::Sp | Cat::Sep | Cat::CR | Cat::LF) && {
            let idx = if before[3] == Part::ClosePlus { 2 } else { 3 };
            is_saterm(before[idx])
        } {
            // SB9.
            false
        } else {
            // SB10, else SB11 breaks.
            !(matches!(cat, Cat::Sp | Cat::Sep | Cat::CR | Cat::LF)
                && is_saterm(before[term_before_close_sp(&before)]))
        };
        if boundary {
            on_end(pos, self.alnum);
            self.alnum = false;
        }
        self.alnum |= is_alnum;
        self.quiet = !matches!(self.state[3], Part::Sot | Part::Sep | Part::CR | Part::LF)
            && !sb11(&self.state);
    }

    /// Notes whether `passed`, plain text with no terminator, holds an
    /// alphanumeric character: outside ASCII plain text holds none, so
    /// its bytes answer.
    #[inline(always)]
    fn pass_plain(&mut self, passed: &[u8]) {
        self.alnum = self.alnum || passed.iter().any(u8::is_ascii_alphanumeric);
    }

    /// In a quiet state of plain text, the terminator at `t` (the
    /// characters from `pos` passed over) in the two commonest shapes, taken
    /// before the passed characters are looked at: the last byte of the
    /// text, or one space and an ASCII capital after it (nine terminators in
    /// ten in prose, see [`Scanner::plain_terminator`] for the rules); the
    /// position to go on from, or `None` for the caller to go on with.
    ///
    /// After the capital the state is left with only its last three parts
    /// right (the terminator's, `Sp` and the capital's): the rules read the
    /// state back from its last part only through separators, `Close` and
    /// `Sp`, so a part behind a letter's is never read, and it is shifted
    /// out before the letter's can be.
    #[inline(always)]
    fn common_terminator(
        &mut self,
        bytes: &[u8],
        pos: usize,
        t: usize,
        on_end: &mut impl FnMut(usize, bool),
    ) -> Option<usize> {
        let end = match bytes.get(t + 1..) {
            // Only `finish` follows, which reads `alnum` alone.
            Some([]) => t + 1,
            Some([b' ', capital, ..]) if capital.is_ascii_uppercase() => t + 3,
            // No terminator (`t` is the end), or another shape.
            _ => return None,
        };
        self.pass_plain(&bytes[pos..t]);
        if end > t + 1 {
            on_end(t + 2, self.alnum);
            self.alnum = true;
            self.passed = None;
            let term = PARTS[LATIN1[usize::from(bytes[t])].0 as usize];
            self.state = [Part::Other, term, Part::SpPlus, Part::UpperLower];
        }
        Some(end)
    }

    /// In a quiet state of plain text (no CR or LF, and outside ASCII only
    /// [`plain_char`]s), the steps
    /// from the terminator at `t` taken at once for the shapes that follow
    /// nearly every terminator in prose; the position to go on from, or
    /// `None` for other shapes (for the caller to step through). What each
    /// shape does, step by step:
    ///
    /// - the terminator never breaks before it (SB11 finds no terminator
    ///   in a quiet state), and `Close`, then `Sp` characters after it keep
    ///   the sentence together (SB9, SB10);
    /// - `SATerm Close* Sp*` then the end of the text: no break at all;
    /// - `SATerm Close* Sp*`, at least one of them, then an ASCII capital:
    ///   SB8 looks ahead to that capital and fails, SB7 needs the capital
    ///   right after the terminator, so SB11 breaks before the capital;
    /// - `SATerm Sp+ Close+` then a capital: the first `Close` after the
    ///   spaces is past SB9 and SB10, and SB8 looks ahead over the `Close`
    ///   run to the capital: SB11 breaks before that `Close`, and the state
    ///   is quiet again;
    /// - `ATerm` then a digit: SB6 keeps them together.
    #[inline(always)]
    fn plain_terminator(
        &mut self,
        bytes: &[u8],
        t: usize,
        on_end: &mut impl FnMut(usize, bool),
    ) -> Option<usize> {
        // Only ASCII shapes are taken: a character outside ASCII ends them.
        let cat_at = |i: usize| {
            bytes
                .get(i)
                .filter(|b| b.is_ascii())
                .map(|&b| LATIN1[usize::from(b)].0)
        };
        let run_of = |mut i: usize, cat: Cat| {
            while cat_at(i) == Some(cat) {
                i += 1;
            }
            i
        };
        let term = cat_at(t)?;
        let closed = run_of(t + 1, Cat::Close);
        let spaced = run_of(closed, Cat::Sp);
        let capital = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_uppercase);
        // The step at the terminator takes the passed character into the
        // state first, the same whatever follows.
        if let Some(last) = self.passed.take() {
            self.state = advance(self.state, last);
        }
        let after_term = advance(self.state, term);
        if spaced == bytes.len() {
            // The state is left as it is: only `finish` follows, which
            // reads `alnum` alone.
            return Some(spaced);
        }
        // SB8 is asked (and its look-ahead remembered) at the first step
        // after an `ATerm`.
        let mut remember = |decisive: usize| {
            if term == Cat::ATerm {
                self.sb8_cache = Some((decisive, false));
            }
        };
        if spaced > t + 1 && capital(spaced) {
            remember(spaced);
            let mut state = after_term;
            if closed > t + 1 {
                state = advance(state, Cat::Close);
            }
            if spaced > closed {
                state = advance(state, Cat::Sp);
            }
            self.state = advance(state, Cat::Upper);
            on_end(spaced, self.alnum);
            self.alnum = true;
            return Some(spaced + 1);
        }
        if closed == t + 1 && spaced > closed {
            let reclosed = run_of(spaced, Cat::Close);
            if reclosed > spaced && capital(reclosed) {
                remember(reclosed);
                let state = advance(advance(after_term, Cat::Sp), Cat::Close);
                self.state = advance(state, Cat::Upper);
                on_end(spaced, self.alnum);
                self.alnum = true;
                return Some(reclosed + 1);
            }
        }
        if term == Cat::ATerm && closed == t + 1 && cat_at(t + 1) == Some(Cat::Numeric) {
            self.state = advance(after_term, Cat::Numeric);
            self.alnum = true;
            return Some(t + 2);
        }
        None
    }

    /// The end of the text.
    fn finish(&self, text: &str, on_end: &mut impl FnMut(usize, bool)) {
        if !text.is_empty() {
            on_end(text.len(), self.alnum);
        }
    }
}

/// SB11: `SATerm Close* Sp* ParaSep? ÷`.
fn sb11(before: &State) -> bool {
    let mut idx = match before[3] {
        Part::Sep | Part::CR | Part::LF => 2,
        _ => 3,
    };
    if before[idx] == Part::SpPlus {
        idx -= 1;
    }
    if before[idx] == Part::ClosePlus {
        idx -= 1;
    }
    is_saterm(before[idx])
}

/// SB8: `ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower`.
/// A character of unknown category ends the look-ahead: the caller then
/// gives up on the whole text when it reaches that character.
fn sb8(before: &State, text: &str, pos: usize, cache: &mut Option<(usize, bool)>) -> bool {
    if before[term_before_close_sp(before)] != Part::ATerm {
        return false;
    }
    if let Some((decisive, answer)) = *cache
        && pos <= decisive
    {
        return answer;
    }
    for (j, c) in text[pos..].char_indices() {
        let answer = match category(c).map_or(Cat::Upper, |(cat, _)| cat) {
            Cat::Lower => true,
            Cat::Upper | Cat::Sep | Cat::CR | Cat::LF | Cat::STerm | Cat::ATerm => false,
            _ => continue,
        };
        *cache = Some((pos + j, answer));
        return answer;
    }
    *cache = Some((usize::MAX, false));
    false
}

/// The number of UAX #29 sentences of `text` that contain a letter or
/// digit (the sentences `UnicodeSegmentation::unicode_sentences` yields)
/// and pass `keep`. Each is tested as the scan finds its end, where
/// collecting the ends first took a vector per call; when the scan gives
/// up part way, the crate's sentences are tested again from the start, so
/// `keep` is a pure test.
pub fn count_where(text: &str, keep: impl Fn(&str) -> bool) -> usize {
    let mut n = 0;
    let mut start = 0;
    let read = sentence_ends(text, |end, alnum| {
        n += usize::from(alnum && keep(&text[start..end]));
        start = end;
    });
    if read {
        n
    } else {
        text.unicode_sentences().filter(|s| keep(s)).count()
    }
}

/// The number of sentences `UnicodeSegmentation::unicode_sentences`
/// yields.
#[cfg(test)]
pub fn count(text: &str) -> usize {
    count_plain(text, plain_ascii(text))
}

/// [`count`], for a caller that knows whether `text` is plain (see
/// [`scan`]). Inlined where the caller's `plain` is known, as `scan` is.
#[inline(always)]
pub fn count_plain(text: &str, plain: Plain<'_>) -> usize {
    let mut n = 0;
    if scan(text, plain, |_, alnum| n += usize::from(alnum)) {
        n
    } else {
        text.unicode_sentences().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::words::tests::stop_masks;
    use proptest::prelude::*;

    /// The sentences by the scan, else by the crate.
    fn fast(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        let mut start = 0;
        let read = sentence_ends(text, |end, alnum| {
            if alnum {
                v.push(&text[start..end]);
            }
            start = end;
        });
        if read { v } else { reference(text) }
    }

    /// The sentences of more than one character, as a headline counts
    /// them.
    fn long(s: &str) -> bool {
        s.trim().chars().nth(1).is_some()
    }

    fn reference(text: &str) -> Vec<&str> {
        text.unicode_sentences().collect()
    }

    /// [`PARTS`] is indexed by `cat as usize`: each category's entry is
    /// its part.
    #[test]
    fn parts_by_index() {
        for (i, &cat) in CATS.iter().enumerate() {
            assert_eq!(cat as usize, i, "{cat:?}");
            assert_eq!(PARTS[cat as usize], part(cat), "{cat:?}");
        }
    }

    #[test]
    fn alphanumeric_flags_match_std() {
        for c in '\0'..='\u{ff}' {
            assert_eq!(
                category(c).map(|(_, a)| a),
                Some(c.is_alphanumeric()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn tricky_sentences() {
        for text in [
            "",
            " ",
            ".",
            "Mr. Fox jumped. [...] The dog was too lazy.",
            "He said “Go.” Then he left!",
            "U.S. officials met 3.5 m. people. etc. and more",
            "a.)))) b",
            "a.))))\" B",
            "Wait!? (Yes.) No.\r\nNext\rline\u{85}x",
            "e.g.\u{a0}this",
            "soft\u{ad}hyphen. Next",
            "£5.5bn. – that’s it… «Oui.» Ça va? Ñ. é",
            "End.\u{2019} Then",
            "1. 2. 3.",
            "x.  ,y",
        ] {
            assert_eq!(fast(text), reference(text), "{text:?}");
            assert_eq!(count(text), reference(text).len(), "{text:?}");
        }
    }

    /// Every character category and each pair of them.
    #[test]
    fn all_pairs_of_known_characters() {
        let chars: Vec<char> = ('\0'..='\u{ff}')
            .chain('\u{2010}'..='\u{2026}')
            .chain(['\u{2044}', '\u{20ac}'])
            .collect();
        for &a in &chars {
            for &b in &chars {
                let text = format!("Ab.{a}{b}c. D{a}e{b}.f");
                assert_eq!(fast(&text), reference(&text), "{text:?}");
                assert_eq!(count(&text), reference(&text).len(), "{text:?}");
            }
        }
    }

    /// What `scan` may take as plain, spelled out.
    fn plain(text: &str) -> bool {
        !text.contains(['\r', '\n']) && text.chars().all(|c| c.is_ascii() || plain_char(c))
    }

    /// The sentence ends without the shortcuts for plain text and, when
    /// `text` is plain, with them, the terminators found by search and by
    /// masks.
    fn ends_all_ways(text: &str) -> Vec<(bool, Vec<(usize, bool)>)> {
        let masks = stop_masks(text);
        let ways = if plain(text) {
            vec![Plain::No, Plain::Search, Plain::Masks(&masks)]
        } else {
            vec![Plain::No]
        };
        ways.into_iter()
            .map(|way| {
                let mut ends = Vec::new();
                let known = scan(text, way, |end, alnum| ends.push((end, alnum)));
                (known, ends)
            })
            .collect()
    }

    /// Every way gives the same ends.
    fn same_all_ways(text: &str) -> Result<(), TestCaseError> {
        let ways = ends_all_ways(text);
        for way in &ways[1..] {
            prop_assert_eq!(way, &ways[0], "{:?}", text);
        }
        Ok(())
    }

    /// The masks' search against a byte search, from every position.
    #[test]
    fn next_in_masks_finds_the_next_terminator() {
        let mut text = String::new();
        for k in 0..200 {
            text.push(match (k * 7) % 11 {
                0 => '.',
                3 if k > 120 => '!',
                5 if k < 60 => '?',
                _ => 'a',
            });
        }
        for text in [&text[..], &text[..64], &text[..130], "a", "....", "?"] {
            let masks = stop_masks(text);
            for pos in 0..text.len() {
                let want = text.as_bytes()[pos..]
                    .iter()
                    .position(|b| matches!(b, b'.' | b'!' | b'?'))
                    .map_or(text.len(), |i| pos + i);
                assert_eq!(
                    next_in_masks(&masks, pos, text.len()),
                    want,
                    "{pos} {text:?}"
                );
            }
        }
    }

    /// The characters plain text may hold outside ASCII: of those the
    /// module knows, the ones that pass a quiet state and are not
    /// alphanumeric.
    #[test]
    fn plain_characters() {
        let quiet = |cat| matches!(cat, Cat::Any | Cat::Sp | Cat::Close | Cat::SContinue);
        for c in ('\u{80}'..='\u{ff}').chain('\u{2000}'..='\u{20ff}') {
            let want = category(c).is_some_and(|(cat, _)| quiet(cat)) && !c.is_alphanumeric();
            assert_eq!(plain_char(c), want, "{c:?}");
        }
        for c in "’‘“”«»\u{a0}–—…£€•".chars() {
            assert!(plain_char(c), "{c:?}");
        }
    }

    #[test]
    fn plain_terminator_shapes() {
        for text in [
            "Ab. Cd",
            "Ab.\" Cd",
            "Ab.\")] Cd",
            "Ab.)Cd",
            "Ab.  Cd",
            "Ab. \"Cd",
            "Ab. \"'(Cd",
            "Ab. \"cd",
            "Ab. \"",
            "Ab. \"1",
            "Ab.\" \"Cd",
            "Ab! Cd? Ef",
            "A. B. C.",
            "Ab. C",
            "Ab? C. D! E",
            "é. Ab. Cd",
            "“Ab.” Cd. E",
            "Ab? \"Cd",
            "Ab!\"",
            "Ab.\" ",
            "Ab.",
            "A.B. Cd",
            "Ab.Cd",
            "Ab. cd",
            "Ab. 1",
            "1.5 and 2.",
            "Ab!5",
            "Ab.\t\u{b}\u{c}Cd",
            "Ab. - Cd",
            "...",
            ". A",
            "!A",
            "\" A. B",
            "Ab.\rCd",
            "Ab.” Cd",
            "Ab.’ Cd",
            "Ab.\u{a0}Cd",
            "Ab. “Cd",
            "Ab.” “Cd",
            "Ab. …",
            "Ab.…",
            "Ab —. Cd",
            "“Ab.” – Cd. £5.",
            "“A.” B",
            "“Ab.”",
            "’.",
            "A.’",
            "Ab.’\u{a0}Cd ’",
        ] {
            same_all_ways(text).unwrap();
            assert_eq!(fast(text), reference(text), "{text:?}");
        }
    }

    /// A new scanner passes over a first character that a quiet state
    /// would, and then stands where the full step at `Sot` leaves it.
    #[test]
    fn the_first_character_is_passed_over_when_it_may_be() {
        let chars = ('\0'..='\u{ff}').chain('\u{2010}'..='\u{2026}');
        for c in chars.filter_map(|c| Some((c, category(c)?))) {
            let (c, (cat, alnum)) = c;
            let text = c.to_string();
            let mut ends = Vec::new();
            let mut new = Scanner::new();
            new.step(&text, 0, cat, alnum, &mut |e, a| ends.push((e, a)));
            let mut full = Scanner::new();
            full.quiet = false;
            full.step(&text, 0, cat, alnum, &mut |e, a| ends.push((e, a)));
            assert!(ends.is_empty(), "{c:?}");
            assert_eq!(new.passed.is_some(), cat.passes_quietly(), "{c:?}");
            let state = new
                .passed
                .map_or(new.state, |last| advance(new.state, last));
            assert_eq!(state, full.state, "{c:?}");
            assert_eq!((new.quiet, new.alnum), (full.quiet, full.alnum), "{c:?}");
        }
    }

    fn prose_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => proptest::sample::select(
                " .a.B1!?\"')(]x y.Z\u{a0}\u{ad}:;,-\r\n\t\u{85}\u{2019}\u{201c}\u{201d}\u{2013}\u{2026}£éÉ\u{b5}×"
                    .chars()
                    .collect::<Vec<_>>()
            ),
            1 => any::<char>(),
        ]
    }

    proptest! {
        #[test]
        fn same_as_unicode_segmentation(chars in proptest::collection::vec(prose_char(), 0..60)) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(fast(&text), reference(&text));
            prop_assert_eq!(count(&text), reference(&text).len());
            prop_assert_eq!(count_where(&text, |_| true), reference(&text).len());
            let kept = reference(&text).into_iter().filter(|s| long(s)).count();
            prop_assert_eq!(count_where(&text, long), kept);
        }

        #[test]
        fn quiet_run_stops_at_the_first_break(text in "[a .!?\r\n\"®é®]{0,40}") {
            let want = text
                .bytes()
                .position(|b| !b.is_ascii() || matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n'))
                .unwrap_or(text.len());
            prop_assert_eq!(quiet_run(text.as_bytes()), want);
        }

        /// ASCII text takes its own path.
        #[test]
        fn same_on_ascii_prose(text in "([A-Za-z0-9]{1,6}|[ .!?\"')(:;,\r\n\t-]){0,40}") {
            prop_assert_eq!(fast(&text), reference(&text));
            prop_assert_eq!(count(&text), reference(&text).len());
            let kept = reference(&text).into_iter().filter(|s| long(s)).count();
            prop_assert_eq!(count_where(&text, long), kept);
        }

        /// Plain text heavy in the shapes after a terminator, and any
        /// ASCII text: the shortcuts give the same ends as the steps.
        #[test]
        fn plain_shortcuts_change_nothing(
            parts in proptest::collection::vec(
                prop_oneof![
                    "[A-Za-z0-9]{1,4}",
                    "[.!?][\"')\\]]{0,2}[ \t]{0,2}[\"'(\\[]{0,2}[A-Za-z0-9]",
                    "[ .!?\"')(\\[\\]{}:;,\t\u{b}\u{c}-]",
                    "[.!?]",
                    "[.!?][’”»\"]{0,2}[ \u{a0}]{0,2}[“‘«\"]{0,2}[A-Za-z0-9]",
                    "[’‘“”«»\u{a0}–—…£€•]",
                ],
                0..24,
            ),
            any_ascii in "[\t -~]{0,40}",
        ) {
            let parts = parts.concat();
            prop_assert!(plain(&parts));
            for text in [parts, any_ascii] {
                same_all_ways(&text)?;
                prop_assert_eq!(count(&text), reference(&text).len());
                let masks = stop_masks(&text);
                let way = if plain(&text) { Plain::Masks(&masks) } else { Plain::No };
                prop_assert_eq!(count_plain(&text, way), reference(&text).len());
            }
        }

        #[test]
        fn same_on_any_text(text in any::<String>()) {
            prop_assert_eq!(fast(&text), reference(&text));
            prop_assert_eq!(count(&text), reference(&text).len());
        }
    }
}
