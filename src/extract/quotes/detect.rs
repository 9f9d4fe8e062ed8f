//! Quote-mark pairing: one linear pass per paragraph that finds the spans
//! between opening and closing marks, never treating an apostrophe as a mark
//! and never letting an unclosed mark run past its paragraph.

/// The family of a quote mark; a span is closed only by its own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// “…” and „…“ / „…”.
    Curly,
    /// "…".
    Straight,
    /// «…».
    Guillemet,
    /// ``…'' (TeX / TempEval style).
    Tex,
    /// ‘…’ or '…' used as primary marks.
    Single,
}

/// A quoted span inside a paragraph, as byte offsets into the paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raw {
    /// Position of the opening mark.
    pub open: usize,
    /// First byte of the quoted text.
    pub start: usize,
    /// End of the quoted text (the closing mark starts here).
    pub end: usize,
    /// First byte after the closing mark (`end` when the quote runs on into
    /// the next paragraph).
    pub close: usize,
    /// The quote is not closed in this paragraph and the next paragraph
    /// reopens it.
    pub runs_on: bool,
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace())
}

/// Characters after which a mark is an opening one.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«' | '„'
                )
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '«' | '»' | '„' | '`' | '‘' | '’' | '\''
    )
}

/// Byte offsets of the quote-mark characters of a paragraph, appended to
/// `out` in order. Marks are rare, so the passes that pair and count them
/// look at these positions (with the characters around them decoded on the
/// spot) instead of decoding every character of the text, and both passes
/// share one search. One pass finds the ASCII marks and the lead bytes of
/// the others (`C2` for « », `E2` for “ ” „ ‘ ’), sixteen bytes at a time,
/// and decodes the characters of the lead bytes (char boundaries). Two
/// `memchr` searches cost more: a mark every hundred bytes or so restarts
/// them.
pub fn marks_into(p: &str, out: &mut Vec<usize>) {
    let b = p.as_bytes();
    let mut push = |i: usize| {
        if b[i] < 0x80 || p[i..].chars().next().is_some_and(is_mark) {
            out.push(i);
        }
    };
    let (blocks, rest) = b.as_chunks::<16>();
    for (k, block) in blocks.iter().enumerate() {
        let mut m = mark_bytes(block);
        while m != 0 {
            push(16 * k + m.trailing_zeros() as usize);
            m &= m - 1;
        }
    }
    if rest.is_empty() {
        return;
    }
    // The last sixteen bytes as one more block, without the bits of the
    // bytes already searched: a byte loop over the tail mispredicted on
    // its unpredictable length and on every mark test. Bit `j` is byte
    // `b.len() - 16 + j`, and `j >= 16 - rest.len()`.
    let skip = 16 - rest.len() as u32;
    let mut m = mark_bytes(&last_block(b)) >> skip << skip;
    while m != 0 {
        push(m.trailing_zeros() as usize + b.len() - 16);
        m &= m - 1;
    }
}

/// The last sixteen bytes of `b`; a text shorter than that is padded in
/// front with zeros, which are no marks.
fn last_block(b: &[u8]) -> [u8; 16] {
    match b.len().checked_sub(16) {
        Some(from) => b[from..].try_into().unwrap_or_default(),
        None => {
            let mut last = [0; 16];
            last[16 - b.len()..].copy_from_slice(b);
            last
        }
    }
}

/// [`marks_into`] a new vector.
#[cfg(test)]
pub fn marks(p: &str) -> Vec<usize> {
    let mut out = Vec::new();
    marks_into(p, &mut out);
    out
}

/// An ASCII mark or the lead byte of a non-ASCII one.
#[cfg_attr(target_arch = "x86_64", cfg(test))]
#[inline(always)]
fn is_mark_byte(x: u8) -> bool {
    matches!(x, b'"' | b'\'' | b'`' | 0xC2 | 0xE2)
}

/// The bytes of `block` that [`is_mark_byte`], one bit each (bit `j` for
/// byte `j`): SSE2 compares and `pmovmskb` on x86-64.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn mark_bytes(block: &[u8; 16]) -> u32 {
    // SAFETY: SSE2 is part of the x86-64 baseline, so the function's target
    // feature is present on every processor this code runs on.
    unsafe { sse2_mark_bytes(block) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_mark_bytes(block: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    let v = crate::swar::sse2_load16(block);
    let eq = |x: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8));
    let any = _mm_or_si128(
        _mm_or_si128(eq(b'"'), eq(b'\'')),
        _mm_or_si128(_mm_or_si128(eq(b'`'), eq(0xC2)), eq(0xE2)),
    );
    // `as u16`: the sixteen bits `pmovmskb` sets, without the sign.
    u32::from(_mm_movemask_epi8(any) as u16)
}

/// The bytes of `block` that [`is_mark_byte`], one bit each.
#[cfg_attr(target_arch = "x86_64", cfg(test))]
#[inline(always)]
fn mark_bytes_portable(block: &[u8; 16]) -> u32 {
    (0..16).fold(0, |m, j| m | u32::from(is_mark_byte(block[j])) << j)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn mark_bytes(block: &[u8; 16]) -> u32 {
    mark_bytes_portable(block)
}

/// Whether the paragraph's marks use single quotes as the primary style:
/// there are more opening single marks (at a word start, before a letter)
/// than double marks of any kind. `marks[i]` are the mark offsets of
/// `paragraphs[i]` ([`marks_into`]).
pub fn single_primary<'p, M: AsRef<[usize]>>(
    paragraphs: impl IntoIterator<Item = &'p str>,
    marks: &[M],
) -> bool {
    let (mut singles, mut doubles) = (0usize, 0usize);
    for (p, ms) in paragraphs.into_iter().zip(marks) {
        for &i in ms.as_ref() {
            let mut cs = p[i..].chars();
            let Some(c) = cs.next() else { continue };
            let next = cs.next();
            let prev = p[..i].chars().next_back();
            match c {
                '“' | '”' | '"' | '«' | '»' | '„' => doubles += 1,
                // ''…'' is a double mark made of two apostrophes.
                '\'' if next == Some('\'') || prev == Some('\'') => doubles += 1,
                '‘' | '\'' if opens_after(prev) && next.is_some_and(|n| n.is_alphabetic()) => {
                    singles += 1
                }
                _ => {}
            }
        }
    }
    singles > doubles
}

/// Classifies the mark at `i` (a char boundary) as an opening mark: returns
/// its style and byte length. `single` tells whether single marks are the
/// primary marks ([`single_primary`]); it is asked last, only of a single
/// mark that could open a quote, so that an article with none never reads
/// all its marks for it.
fn opening(
    p: &str,
    i: usize,
    prev: Option<char>,
    single: &impl Fn() -> bool,
) -> Option<(Style, usize)> {
    let rest = &p[i..];
    let mut cs = rest.chars();
    let c = cs.next()?;
    let next = cs.next();
    match c {
        '“' if !is_space(next) || opens_after(prev) => Some((Style::Curly, c.len_utf8())),
        '„' => Some((Style::Curly, c.len_utf8())),
        '«' => Some((Style::Guillemet, c.len_utf8())),
        '`' if next == Some('`') => Some((Style::Tex, 2)),
        '"' if opens_after(prev) && !is_space(next) => Some((Style::Straight, 1)),
        '‘' | '\'' | '`'
            if opens_after(prev)
                && next.is_some_and(|n| n.is_alphabetic() || n == '“' || n == '"')
                && single() =>
        {
            Some((Style::Single, c.len_utf8()))
        }
        // A misused right mark at a word start, outside any quote.
        '”' if opens_after(prev) && next.is_some_and(|n| n.is_alphanumeric()) => {
            Some((Style::Curly, c.len_utf8()))
        }
        _ => None,
    }
}

/// Whether the mark at `i` closes a quote of `style`: returns its length.
fn closing(p: &str, i: usize, prev: Option<char>, style: Style) -> Option<usize> {
    let rest = &p[i..];
    let mut cs = rest.chars();
    let c = cs.next()?;
    let next = cs.next();
    match (style, c) {
        (Style::Curly, '”') => Some(c.len_utf8()),
        // „…“ closes with a left mark; so does a “…“ typo before a space.
        (Style::Curly, '“') if is_space(next) || next.is_some_and(|n| !n.is_alphanumeric()) => {
            Some(c.len_utf8())
        }
        (Style::Straight, '"') => Some(1),
        // Mixed marks from careless editing: “…" and "…”.
        (Style::Curly, '"') if !opens_after(prev) && !next.is_some_and(|n| n.is_alphanumeric()) => {
            Some(1)
        }
        (Style::Straight, '”') => Some(c.len_utf8()),
        (Style::Guillemet, '»') => Some(c.len_utf8()),
        (Style::Tex, '\'') if next == Some('\'') => Some(2),
        (Style::Tex, '”') => Some(c.len_utf8()),
        (Style::Single, '’' | '\'') => {
            // An apostrophe inside a word (don't, Norway’s) never closes.
            let word_inside = prev.is_some_and(|p| p.is_alphanumeric())
                && next.is_some_and(|n| n.is_alphanumeric());
            if word_inside || is_space(prev) {
                None
            } else {
                Some(c.len_utf8())
            }
        }
        _ => None,
    }
}

/// Finds the quoted spans of one paragraph, whose quote marks are at the
/// offsets `marks` ([`marks_into`]). `single` says whether single marks are
/// primary marks in this article. Appends the spans to `out` (the caller's
/// buffer, kept from paragraph to paragraph) and returns, when the
/// paragraph ends inside an open quote, that open quote (not in the list).
pub fn scan(
    p: &str,
    marks: &[usize],
    single: &impl Fn() -> bool,
    out: &mut Vec<Raw>,
) -> Option<Raw> {
    let mut open: Option<(Style, usize, usize)> = None; // style, mark pos, text start
    let mut skip_to = 0usize;
    // A straight mark opened inside a curly quote (`“He said "no" twice”`).
    let mut inner_straight = false;
    for &i in marks {
        if i < skip_to {
            continue;
        }
        let Some(c) = p[i..].chars().next() else {
            continue;
        };
        let prev = p[..i].chars().next_back();
        match open {
            Some((style, mark, start)) => {
                if style == Style::Curly && c == '"' {
                    if inner_straight {
                        inner_straight = false;
                        continue;
                    }
                    if opens_after(prev) {
                        inner_straight = true;
                        continue;
                    }
                }
                if let Some(len) = closing(p, i, prev, style) {
                    inner_straight = false;
                    out.push(Raw {
                        open: mark,
                        start,
                        end: i,
                        close: i + len,
                        runs_on: false,
                    });
                    open = None;
                    skip_to = i + len;
                } else if let Some((s2, len)) = opening(p, i, prev, single) {
                    // A new opening mark of the same family while one is
                    // open: the earlier mark was never closed. Marks of
                    // another family are nested quotes and stay inside.
                    if s2 == style && style != Style::Straight {
                        inner_straight = false;
                        open = Some((s2, i, i + len));
                        skip_to = i + len;
                    }
                }
            }
            None => {
                if let Some((style, len)) = opening(p, i, prev, single) {
                    open = Some((style, i, i + len));
                    skip_to = i + len;
                }
            }
        }
    }
    open.map(|(_, mark, start)| Raw {
        open: mark,
        start,
        end: p.len(),
        close: p.len(),
        runs_on: true,
    })
}

/// Whether a paragraph starts with an opening quote mark.
pub fn starts_with_open(p: &str, single: &impl Fn() -> bool) -> bool {
    let t = p.trim_start();
    let i = p.len() - t.len();
    opening(p, i, None, single).is_some()
}

/// The character-by-character passes that [`single_primary`] and [`scan`]
/// replace, kept to check them against.
#[cfg(test)]
mod reference {
    use super::{Raw, Style, closing, opening, opens_after};

    /// Whether the paragraph's marks use single quotes as the primary style:
    /// there are more opening single marks (at a word start, before a letter)
    /// than double marks of any kind.
    pub fn single_primary(paragraphs: &[&str]) -> bool {
        let (mut singles, mut doubles) = (0usize, 0usize);
        for p in paragraphs {
            let mut prev: Option<char> = None;
            let mut it = p.chars().peekable();
            while let Some(c) = it.next() {
                let next = it.peek().copied();
                match c {
                    '“' | '”' | '"' | '«' | '»' | '„' => doubles += 1,
                    // ''…'' is a double mark made of two apostrophes.
                    '\'' if next == Some('\'') || prev == Some('\'') => doubles += 1,
                    '‘' | '\'' if opens_after(prev) && next.is_some_and(|n| n.is_alphabetic()) => {
                        singles += 1
                    }
                    _ => {}
                }
                prev = Some(c);
            }
        }
        singles > doubles
    }

    /// Finds the quoted spans of one paragraph. `single` says whether single
    /// marks are primary marks in this article. Returns the spans and, when the
    /// paragraph ends inside an open quote, that open quote (not in the list).
    pub fn scan(p: &str, single: bool) -> (Vec<Raw>, Option<Raw>) {
        let mut out = Vec::new();
        let mut open: Option<(Style, usize, usize)> = None; // style, mark pos, text start
        let mut prev: Option<char> = None;
        let mut skip_to = 0usize;
        // A straight mark opened inside a curly quote (`“He said "no" twice”`).
        let mut inner_straight = false;
        for (i, c) in p.char_indices() {
            if i < skip_to {
                prev = Some(c);
                continue;
            }
            if !matches!(
                c,
                '“' | '”' | '"' | '«' | '»' | '„' | '`' | '‘' | '’' | '\''
            ) {
                prev = Some(c);
                continue;
            }
            match open {
                Some((style, mark, start)) => {
                    if style == Style::Curly && c == '"' {
                        if inner_straight {
                            inner_straight = false;
                            prev = Some(c);
                            continue;
                        }
                        if opens_after(prev) {
                            inner_straight = true;
                            prev = Some(c);
                            continue;
                        }
                    }
                    if let Some(len) = closing(p, i, prev, style) {
                        inner_straight = false;
                        out.push(Raw {
                            open: mark,
                            start,
                            end: i,
                            close: i + len,
                            runs_on: false,
                        });
                        open = None;
                        skip_to = i + len;
                    } else if let Some((s2, len)) = opening(p, i, prev, &|| single) {
                        // A new opening mark of the same family while one is
                        // open: the earlier mark was never closed. Marks of
                        // another family are nested quotes and stay inside.
                        if s2 == style && style != Style::Straight {
                            inner_straight = false;
                            open = Some((s2, i, i + len));
                            skip_to = i + len;
                        }
                    }
                }
                None => {
                    if let Some((style, len)) = opening(p, i, prev, &|| single) {
                        open = Some((style, i, i + len));
                        skip_to = i + len;
                    }
                }
            }
            prev = Some(c);
        }
        let pending = open.map(|(_, mark, start)| Raw {
            open: mark,
            start,
            end: p.len(),
            close: p.len(),
            runs_on: true,
        });
        (out, pending)
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Text made of quote marks, apostrophes, dashes, letters, digits and
    /// spaces, so that marks meet every kind of neighbour.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "“", "”", "\"", "«", "»", "„", "`", "``", "''", "‘", "’", "'", " ", " ", "a", "B",
                "word", "Ünï", "7", ".", ",", "-", "—", "…", "(", ":", "\u{a0}", "\n",
            ]),
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    /// The vector compares mark the bytes the byte test marks: every byte
    /// value at every place of a block.
    #[test]
    fn mark_bytes_are_the_mark_bytes() {
        for x in 0..=255u8 {
            for j in 0..16 {
                let mut block = [b'a'; 16];
                block[j] = x;
                assert_eq!(
                    mark_bytes(&block),
                    mark_bytes_portable(&block),
                    "{x:#x} at {j}"
                );
                let mut block = [x; 16];
                block[j] = b'"';
                assert_eq!(
                    mark_bytes(&block),
                    mark_bytes_portable(&block),
                    "{x:#x} at {j}"
                );
            }
        }
    }

    #[test]
    fn marks_at_block_edges() {
        for n in 0..40 {
            for k in 0..n {
                for m in ["\"", "'", "`", "«", "»", "“", "”", "„", "‘", "’"] {
                    let p = format!("{}{m}{}", "a".repeat(k), "é".repeat((n - k) / 2));
                    assert_eq!(marks(&p), vec![k], "{p}");
                }
                // Lead bytes of other characters are not marks.
                let p = format!("{}—\u{a0}…{}", "a".repeat(k), "b".repeat(n - k));
                assert!(marks(&p).is_empty(), "{p}");
            }
        }
        assert!(marks("").is_empty());
    }

    /// Whether single marks are primary is asked at a single mark that may
    /// open a quote, and not at apostrophes or double marks.
    #[test]
    fn primary_style_asked_only_at_a_single_opening() {
        let never = || -> bool { panic!("asked") };
        let mut out = Vec::new();
        let p = "“It's done,” he said of the '90s plan's end.";
        assert!(scan(p, &marks(p), &never, &mut out).is_none());
        assert_eq!(out.len(), 1);
        assert!(starts_with_open("  “x”", &never));
        let asked = std::cell::Cell::new(false);
        let ask = || {
            asked.set(true);
            true
        };
        let p = "He said ‘no’ twice.";
        scan(p, &marks(p), &ask, &mut out);
        assert!(asked.get());
    }

    proptest! {
        #[test]
        fn marks_are_the_mark_characters(p in text(), cut in 0usize..40) {
            // Any offset from a sixteen-byte block's start.
            let p = format!("{}{p}", "x".repeat(cut % 17));
            let want: Vec<usize> =
                p.char_indices().filter(|&(_, c)| is_mark(c)).map(|(i, _)| i).collect();
            prop_assert_eq!(marks(&p), want);
        }

        #[test]
        fn mark_passes_match_the_character_passes(
            paras in proptest::collection::vec(text(), 1..4),
            single in any::<bool>(),
        ) {
            let ps: Vec<&str> = paras.iter().map(String::as_str).collect();
            let ms: Vec<Vec<usize>> = ps.iter().map(|p| marks(p)).collect();
            prop_assert_eq!(single_primary(ps.iter().copied(), &ms), reference::single_primary(&ps));
            for (p, m) in ps.iter().zip(&ms) {
                // Appended after what the buffer holds.
                let mut got = vec![Raw { open: 0, start: 0, end: 0, close: 0, runs_on: true }];
                let asked = std::cell::Cell::new(false);
                let ask = || {
                    asked.set(true);
                    single
                };
                let pending = scan(p, m, &ask, &mut got);
                got.remove(0);
                // Not asked: the answer was of no matter.
                if !asked.get() {
                    let mut other = Vec::new();
                    let p2 = scan(p, m, &|| !single, &mut other);
                    prop_assert_eq!((&got, &pending), (&other, &p2));
                }
                prop_assert_eq!((got, pending), reference::scan(p, single));
            }
        }
    }
}
