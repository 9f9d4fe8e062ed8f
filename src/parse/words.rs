//! Word counting as `UnicodeSegmentation::unicode_words().count()` does it,
//! in one pass without producing the segments.
//! The AVX2 pass also tests each paragraph for the words of the parser's
//! header searches (`meta::gates`) while the paragraph is in the cache.
//!
//! The crate splits a paragraph at every UAX #29 word boundary and keeps the
//! segments holding a letter or digit; counting them that way visits each
//! space and punctuation mark as a segment of its own, and text with any
//! non-ASCII character (a `£` is enough) goes through a range-table lookup
//! per character. Here each character of Latin-1 and of the typographic
//! punctuation of news prose has its Word_Break category in a table, and
//! text holding any other character is counted by the crate itself.
//!
//! Restricted to these characters the rules are few. Letters, digits and
//! `_` (ALetter, Numeric, ExtendNumLet) never break between one another
//! (WB5, WB8 to WB10, WB13a, WB13b); one MidLetter or MidNumLet(Q)
//! character between two letters joins them (WB6, WB7), one MidNum or
//! MidNumLet(Q) between two digits likewise (WB11, WB12); every other pair
//! breaks, and a segment of other characters never holds a letter, except
//! a lone alphanumeric character of category Other (`²`, `½`), which is a
//! word by itself. None of the table's characters is Extend, Format or
//! ZWJ (WB4) nor a Hebrew letter (WB7a to WB7c): those go to the crate.

use unicode_segmentation::UnicodeSegmentation;

/// A character's part in word segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet (`_`): joins like a letter but is not alphanumeric.
    Connector,
    /// MidLetter: joins two letters.
    MidLetter,
    /// MidNum: joins two digits.
    MidNum,
    /// MidNumLet and Single_Quote: joins two letters or two digits.
    MidNumLet,
    /// Breaks on both sides and is not alphanumeric.
    Other,
    /// Breaks on both sides and is alphanumeric: a word of its own.
    OtherAlnum,
    /// Not in the table: the crate decides.
    Unknown,
}

/// The class of a Latin-1 character.
const fn latin1(b: u8) -> Class {
    match b {
        b'A'..=b'Z'
        | b'a'..=b'z'
        | 0xaa
        | 0xb5
        | 0xba
        | 0xc0..=0xd6
        | 0xd8..=0xf6
        | 0xf8..=0xff => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Connector,
        b':' | 0xb7 => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidNumLet,
        // Superscript digits and vulgar fractions: numbers, but not Numeric.
        0xb2 | 0xb3 | 0xb9 | 0xbc..=0xbe => Class::OtherAlnum,
        // The soft hyphen is Format (WB4); the cedilla is ALetter but not
        // alphanumeric.
        0xad | 0xb8 => Class::Unknown,
        _ => Class::Other,
    }
}

/// [`latin1`] for each of the 256 Latin-1 characters.
static LATIN1: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = latin1(b as u8);
        b += 1;
    }
    table
};

#[inline(always)]
fn class(c: char) -> Class {
    match c {
        '\0'..='\u{ff}' => LATIN1[c as usize],
        // `‘` `’` `․`
        '\u{2018}' | '\u{2019}' | '\u{2024}' => Class::MidNumLet,
        // The fraction slash (`1⁄2`) joins two digits.
        '\u{2044}' => Class::MidNum,
        // Dashes, quotation marks, daggers, bullets, `…`, `€`.
        '\u{2010}'..='\u{2017}'
        | '\u{201a}'..='\u{2023}'
        | '\u{2025}'
        | '\u{2026}'
        | '\u{20ac}' => Class::Other,
        _ => Class::Unknown,
    }
}

/// The number of words `text.unicode_words()` yields (the parser counts
/// with [`count_scanning`], then [`count_other`] where it fails).
#[cfg(test)]
pub fn count(text: &str) -> usize {
    count_reading(text, |_| {}, &mut Vec::new()).0
}

/// [`count`], and whether the fast scan read the whole text (see
/// [`count_scanning`]).
#[cfg(test)]
pub fn count_reading(text: &str, outside: impl FnMut(char), stops: &mut Vec<u64>) -> (usize, bool) {
    match count_scanning(text, outside, stops, &mut 0) {
        Some(n) => (n, true),
        None => (count_other(text), false),
    }
}

/// [`count`] by the fast scan, `None` where it does not read the whole
/// text. When it does, it has shown `outside` every character outside
/// ASCII, in order, and left in `stops` where the text's sentence
/// terminators are (other callers need to know both, and this saves them
/// a pass each): bit `i` of `stops[k]` is set when byte `64 * k + i` is
/// `.`, `!` or `?`, one mask for each 64 bytes begun. Otherwise `stops`
/// holds no meaning. Whatever the answer, it also ors into `gates` the
/// text's gates of the header searches (`meta::gates`): the text has just
/// been read and is in the cache, and on x86-64 with AVX2 one pass tests
/// all three words where each had a search of its own over the body.
pub fn count_scanning(
    text: &str,
    mut outside: impl FnMut(char),
    stops: &mut Vec<u64>,
    gates: &mut u8,
) -> Option<usize> {
    count_breaking(text, &mut outside, stops, gates)
}

/// [`count`] for text the fast scan does not read: by the table one
/// character at a time, else by the crate.
pub fn count_other(text: &str) -> usize {
    count_known(text.chars()).unwrap_or_else(|| text.unicode_words().count())
}

/// Bits of [`ASCII`]: a letter, a digit, a character joining two letters,
/// one joining two digits (`JOINS >> 3` lines up with `LETTER | DIGIT`).
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
const JOINS_LETTERS: u8 = LETTER << 3;
const JOINS_DIGITS: u8 = DIGIT << 3;

static ASCII: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match latin1(b as u8) {
            Class::Letter => LETTER,
            Class::Digit => DIGIT,
            Class::MidLetter => JOINS_LETTERS,
            Class::MidNum => JOINS_DIGITS,
            Class::MidNumLet => JOINS_LETTERS | JOINS_DIGITS,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// [`count_known`] for text without `_` whose characters outside ASCII all
/// break on both sides (class Other: `£`, curly double quotes, dashes,
/// no-break spaces; or OtherAlnum, a word each) or are a curly apostrophe
/// or `․` (MidNumLet); `None` for other text. `outside` is shown each
/// character outside ASCII read, and `stops` given each block's mask of
/// terminators (see [`count_scanning`]).
///
/// A character of class Other or OtherAlnum separates the words around
/// it as a space does, and its bytes (all 0x80 or above) are neither letters, digits nor joining
/// characters, so the ASCII rules below count the text in one pass: only
/// the first byte of each character outside ASCII is decoded. Without
/// connectors every run of letters and digits is a segment holding an
/// alphanumeric character, and a segment is a chain of such runs joined
/// by one character each: the words are the runs less the joins. A
/// MidNumLet character outside ASCII (`don’t`, in one paragraph of seven)
/// joins exactly as `'` does: when the bytes on both sides are two ASCII
/// letters or two digits, since any other neighbour is not a letter or
/// digit of the rules' ASCII part or ends the scan.
///
/// The text is read 64 bytes at a time, and its bytes are classified into
/// 64-bit masks (letter or digit; joining character; first byte of a
/// character outside ASCII, or `_`; terminator) by SSE2 compares on x86-64
/// and by portable vector-friendly code elsewhere ([`block_masks`]): the
/// runs are then counted from the masks, and the few joining characters
/// between two letters or digits are checked one by one. A connector (`_`)
/// joins whatever is beside it: it is marked with the lead bytes, whose
/// decoding then gives up on the text (one compare more per sixteen bytes
/// costs less than a search of the text for it first).
///
/// On x86-64 processors with AVX2 (asked at run time, the answer kept by
/// `std`; nearly every one made since 2015) the masks are made 32 bytes at
/// a time and the scan is compiled for those processors (`avx2`): about
/// half the instructions per block.
fn count_breaking(
    text: &str,
    outside: &mut impl FnMut(char),
    stops: &mut Vec<u64>,
    gates: &mut u8,
) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("popcnt")
        && std::arch::is_x86_feature_detected!("bmi1")
    {
        // SAFETY: the processor has the function's target features.
        return unsafe { avx2::count_breaking(text, outside, stops, gates) };
    }
    *gates |= super::meta::gates(text);
    count_blocks(text, outside, stops, block_masks)
}

/// [`count_breaking`] with the block masks of `masks` (one of
/// [`block_masks`]' forms).
#[inline(always)]
fn count_blocks(
    text: &str,
    outside: &mut impl FnMut(char),
    stops: &mut Vec<u64>,
    masks: impl Fn(&[u8; 64]) -> [u64; 4],
) -> Option<usize> {
    let bytes = text.as_bytes();
    let (blocks, tail) = bytes.as_chunks::<64>();
    // The last bytes padded with spaces, which neither join nor start a
    // run.
    let mut padded = [b' '; 64];
    padded[..tail.len()].copy_from_slice(tail);
    let mut runs = 0;
    let mut joins = 0;
    // Characters outside ASCII that are words of their own.
    let mut alone = 0;
    // Bit 0: the byte before the block is a letter or digit.
    let mut carry = 0;
    // Sized first and written in place: a push's call to grow the vector
    // would return into the loop, and the block's values would be kept
    // across it (on the stack).
    stops.clear();
    stops.resize(bytes.len().div_ceil(64), 0);
    // One block more than `blocks` when there is a tail (`stops` has a
    // mask for it): indexed rather than chained, whose state the loop
    // tested and kept on the stack in every block.
    for (k, stop) in stops.iter_mut().enumerate() {
        let block = blocks.get(k).unwrap_or(&padded);
        let start = k * 64;
        let [alnum, joining, mut leads, terminators] = masks(block);
        *stop = terminators;
        // Most blocks are all ASCII, without a lead byte.
        while leads != 0 {
            let i = start + leads.trailing_zeros() as usize;
            leads &= leads - 1;
            let c = text[i..].chars().next()?;
            match class(c) {
                Class::Other => {}
                Class::OtherAlnum => alone += 1,
                Class::MidNumLet => {
                    let around = [i.checked_sub(1), Some(i + c.len_utf8())].map(|j| {
                        j.and_then(|j| bytes.get(j))
                            .map_or(0, |&b| ASCII[usize::from(b)])
                    });
                    joins += usize::from(around[0] & around[1] & (LETTER | DIGIT) != 0);
                }
                // A connector, or a character that may join.
                _ => return None,
            }
            outside(c);
        }
        let before = (alnum << 1) | carry;
        runs += (alnum & !before).count_ones() as usize;
        let next_alnum = bytes.get(start + 64).is_some_and(u8::is_ascii_alphanumeric);
        let after = (alnum >> 1) | (u64::from(next_alnum) << 63);
        let mut between = joining & before & after;
        while between != 0 {
            let i = start + between.trailing_zeros() as usize;
            let [prev, b, next] =
                [bytes[i - 1], bytes[i], bytes[i + 1]].map(|b| ASCII[usize::from(b)]);
            joins += usize::from((b >> 3) & prev & next != 0);
            between &= between - 1;
        }
        carry = alnum >> 63;
    }
    Some(runs - joins + alone)
}

/// [`masks`], with SSE2's byte compares and `pmovmskb` on x86-64 (every
/// x86-64 processor has SSE2): packing the compares' results into bits is
/// most of the portable version's work, and `pmovmskb` does it for sixteen
/// bytes in one instruction.
#[inline(always)]
fn block_masks(block: &[u8; 64]) -> [u64; 4] {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of the x86-64 baseline, so the function's
        // target feature is present on every processor this code runs on.
        unsafe { sse2::masks(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        masks(block)
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_xor_si128,
    };

    /// `super::masks`, sixteen bytes at a time.
    #[target_feature(enable = "sse2")]
    #[inline]
    pub(super) fn masks(block: &[u8; 64]) -> [u64; 4] {
        let splat = |b: u8| _mm_set1_epi8(b as i8);
        // The byte compares are signed: with the high bit flipped, byte
        // order is that of the unsigned bytes.
        let within = |flipped: __m128i, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(flipped, splat((lo ^ 0x80) - 1)),
                _mm_cmplt_epi8(flipped, splat((hi ^ 0x80) + 1)),
            )
        };
        let (mut alnum, mut joining, mut leads, mut stops) = (0, 0, 0, 0);
        for (i, sixteen) in block.as_chunks::<16>().0.iter().enumerate() {
            let v = crate::swar::sse2_load16(sixteen);
            let flipped = _mm_xor_si128(v, splat(0x80));
            // `| 0x20` maps the capitals, and nothing else, onto the small
            // letters.
            let letter_or_digit = _mm_or_si128(
                within(flipped, b'0', b'9'),
                within(_mm_or_si128(flipped, splat(0x20)), b'a', b'z'),
            );
            let eq = |b: u8| _mm_cmpeq_epi8(v, splat(b));
            let dot = eq(b'.');
            let joins = _mm_or_si128(
                _mm_or_si128(eq(b':'), eq(b',')),
                _mm_or_si128(_mm_or_si128(eq(b';'), dot), eq(b'\'')),
            );
            let terminator = _mm_or_si128(dot, _mm_or_si128(eq(b'!'), eq(b'?')));
            // `as u16`: the sixteen bits `pmovmskb` sets, without the sign.
            alnum |= u64::from(_mm_movemask_epi8(letter_or_digit) as u16) << (16 * i);
            joining |= u64::from(_mm_movemask_epi8(joins) as u16) << (16 * i);
            let lead = _mm_or_si128(_mm_cmpgt_epi8(flipped, splat((0xc0 ^ 0x80) - 1)), eq(b'_'));
            leads |= u64::from(_mm_movemask_epi8(lead) as u16) << (16 * i);
            stops |= u64::from(_mm_movemask_epi8(terminator) as u16) << (16 * i);
        }
        [alnum, joining, leads, stops]
    }
}

/// The masks of [`sse2::masks`] 32 bytes at a time, by nibble lookups, for
/// processors with AVX2, and the word scan compiled for them.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_max_epu8, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set_epi64x, _mm256_set1_epi8, _mm256_setzero_si256,
        _mm256_shuffle_epi8, _mm256_srli_epi16,
    };

    /// [`super::count_breaking`] on a processor with AVX2 (and the bit
    /// counts of `popcnt` and BMI1, which every such processor has).
    #[target_feature(enable = "avx2,popcnt,bmi1")]
    pub(super) fn count_breaking(
        text: &str,
        outside: &mut impl FnMut(char),
        stops: &mut Vec<u64>,
        gates: &mut u8,
    ) -> Option<usize> {
        *gates |= self::gates(text.as_bytes());
        super::count_blocks(text, outside, stops, |block| masks(block))
    }

    /// The bytes a window of [`gates`] reads: 32 candidate starts and the
    /// farthest byte of a pair after the last.
    pub(super) const GATE_WINDOW: usize = 36;

    /// `meta::gates(text)`, by the test of memchr's pair searchers for
    /// all three words at once (two of each word's bytes, the rarest pairs
    /// in news prose: `t` and `y` of `today`, `ep` of `report`, `cc` of
    /// `according to `), 32 starts at a time; the few candidates are read
    /// by `meta::gates_at`. The windows step by 32 and the last one ends
    /// at the text's end (it may test starts again); a text shorter than
    /// a window is read from a copy padded with NULs, which match no pair.
    #[target_feature(enable = "avx2")]
    #[inline]
    pub(super) fn gates(text: &[u8]) -> u8 {
        let splat = |b: u8| _mm256_set1_epi8(b as i8);
        let (t, y, e, p, c) = (
            splat(b't'),
            splat(b'y'),
            splat(b'e'),
            splat(b'p'),
            splat(b'c'),
        );
        let window = |w: &[u8; GATE_WINDOW], at: usize| {
            // Two `u128` reads make one unaligned load; four `u64` reads
            // of overlapping windows made a load, inserts and blends each.
            let load = |from: usize| {
                let half = |k: usize| {
                    let b = w[from + 16 * k..]
                        .first_chunk::<16>()
                        .expect("in the window");
                    u128::from_le_bytes(*b)
                };
                let (lo, hi) = (half(0), half(1));
                _mm256_set_epi64x((hi >> 64) as i64, hi as i64, (lo >> 64) as i64, lo as i64)
            };
            let (v0, v1, v2, v4) = (load(0), load(1), load(2), load(4));
            let pair = |a: __m256i, b: __m256i| _mm256_and_si256(a, b);
            let today = pair(_mm256_cmpeq_epi8(v0, t), _mm256_cmpeq_epi8(v4, y));
            let report = pair(_mm256_cmpeq_epi8(v1, e), _mm256_cmpeq_epi8(v2, p));
            let according = pair(_mm256_cmpeq_epi8(v1, c), _mm256_cmpeq_epi8(v2, c));
            let any = _mm256_or_si256(_mm256_or_si256(today, report), according);
            if _mm256_movemask_epi8(any) == 0 {
                return 0;
            }
            // `as u32`: the thirty-two bits `vpmovmskb` sets.
            let bits = |m: __m256i| _mm256_movemask_epi8(m) as u32;
            super::super::meta::gates_at(text, at, [bits(today), bits(report), bits(according)])
        };
        let Some(last) = text.len().checked_sub(GATE_WINDOW) else {
            let mut padded = [0; GATE_WINDOW];
            padded[..text.len()].copy_from_slice(text);
            return window(&padded, 0);
        };
        let mut gates = 0;
        // The rest of the text, whose length bounds the window's reads.
        let mut rest = text;
        while rest.len() > GATE_WINDOW {
            let w = rest.first_chunk::<GATE_WINDOW>().expect("a longer rest");
            gates |= window(w, text.len() - rest.len());
            rest = &rest[32..];
        }
        let w = text[last..].first_chunk::<GATE_WINDOW>();
        gates | window(w.expect("the last window"), last)
    }

    /// Bits of a byte's class in [`masks`]: a byte has a bit when its high
    /// nibble's entry of [`HIGH`] and its low nibble's of [`LOW`] both do,
    /// so each bit is a set of high nibbles by a set of low ones.
    const DIGIT: u8 = 0x01; // 3 by 0-9
    const LETTER_ODD: u8 = 0x02; // 4 and 6 by 1-f: `A`-`O`, `a`-`o`
    const LETTER_EVEN: u8 = 0x04; // 5 and 7 by 0-a: `P`-`Z`, `p`-`z`
    const COLONS: u8 = 0x08; // 3 by a-b: `:` `;`
    const MARKS: u8 = 0x10; // 2 by 7, c, e: `'` `,` `.`
    const BANG_DOT: u8 = 0x20; // 2 by 1, e: `!` `.`
    const QUESTION: u8 = 0x40; // 3 by f: `?`
    /// The high bit, read by `vpmovmskb` without a test.
    const UNDERSCORE: u8 = 0x80; // 5 by f: `_`

    /// The class bits of each high nibble (none from 8 on).
    const HIGH: [u8; 16] = {
        let mut t = [0; 16];
        t[2] = MARKS | BANG_DOT;
        t[3] = DIGIT | COLONS | QUESTION;
        t[4] = LETTER_ODD;
        t[5] = LETTER_EVEN | UNDERSCORE;
        t[6] = LETTER_ODD;
        t[7] = LETTER_EVEN;
        t
    };

    /// The class bits of each low nibble.
    const LOW: [u8; 16] = {
        let mut t = [0; 16];
        let mut lo = 0;
        while lo < 16 {
            let mut bits = 0;
            if lo <= 9 {
                bits |= DIGIT;
            }
            if lo >= 1 {
                bits |= LETTER_ODD;
            }
            if lo <= 10 {
                bits |= LETTER_EVEN;
            }
            if matches!(lo, 10 | 11) {
                bits |= COLONS;
            }
            if matches!(lo, 7 | 12 | 14) {
                bits |= MARKS;
            }
            if matches!(lo, 1 | 14) {
                bits |= BANG_DOT;
            }
            if lo == 15 {
                bits |= QUESTION | UNDERSCORE;
            }
            t[lo] = bits;
            lo += 1;
        }
        t
    };

    /// `super::masks`, thirty-two bytes at a time: each byte's class bits
    /// looked up by its two nibbles (`vpshufb`), then one test per mask,
    /// where a compare per byte value took twice the instructions (and
    /// more vector registers than there are, whose constants were loaded
    /// again in every block).
    #[target_feature(enable = "avx2")]
    #[inline]
    pub(super) fn masks(block: &[u8; 64]) -> [u64; 4] {
        let splat = |b: u8| _mm256_set1_epi8(b as i8);
        // `vpshufb` looks up within each half: the table in both.
        let table = |t: [u8; 16]| {
            let w = |j: usize| i64::from_le_bytes([0, 1, 2, 3, 4, 5, 6, 7].map(|k| t[8 * j + k]));
            _mm256_set_epi64x(w(1), w(0), w(1), w(0))
        };
        let (high, low) = (table(HIGH), table(LOW));
        let nibble = splat(0x0f);
        let (mut alnum, mut joining, mut leads, mut stops) = (0, 0, 0, 0);
        for (i, half) in block.as_chunks::<32>().0.iter().enumerate() {
            let q = half.as_chunks::<8>().0;
            let word = |j: usize| i64::from_le_bytes(q[j]);
            let v = _mm256_set_epi64x(word(3), word(2), word(1), word(0));
            let class = _mm256_and_si256(
                _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)),
                _mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble)),
            );
            // `as u32`: the thirty-two bits `vpmovmskb` sets, without the
            // sign.
            let bits = |m: __m256i| u64::from(_mm256_movemask_epi8(m) as u32) << (32 * i);
            // The bytes with none of the bits, complemented.
            let any = |b: u8| {
                let none =
                    _mm256_cmpeq_epi8(_mm256_and_si256(class, splat(b)), _mm256_setzero_si256());
                !bits(none) & (u64::from(u32::MAX) << (32 * i))
            };
            alnum |= any(DIGIT | LETTER_ODD | LETTER_EVEN);
            joining |= any(COLONS | MARKS);
            stops |= any(BANG_DOT | QUESTION);
            // Bytes from 0xc0 on: those the unsigned maximum leaves alone.
            let lead = _mm256_cmpeq_epi8(_mm256_max_epu8(v, splat(0xc0)), v);
            leads |= bits(lead) | bits(class);
        }
        [alnum, joining, leads, stops]
    }
}

/// The bytes of `block` that are ASCII letters or digits, those that may
/// join two of them (`:` `,` `;` `.` `'`), those that open a character
/// outside ASCII (0xc0 and up) or are `_`, and the sentence terminators
/// (`.` `!` `?`), one bit per byte (bit `i` for byte `i`).
#[inline(always)]
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn masks(block: &[u8; 64]) -> [u64; 4] {
    let mut codes = [0u8; 64];
    for (code, &b) in codes.iter_mut().zip(block) {
        let alnum = b.wrapping_sub(b'0') < 10 || (b | 0x20).wrapping_sub(b'a') < 26;
        // The ASCII joiners of `latin1` (a test ties the two).
        let joining = matches!(b, b':' | b',' | b';' | b'.' | b'\'');
        let lead = b >= 0xc0 || b == b'_';
        let stop = matches!(b, b'.' | b'!' | b'?');
        *code = u8::from(alnum)
            | (u8::from(joining) << 1)
            | (u8::from(lead) << 2)
            | (u8::from(stop) << 3);
    }
    // Bit `j` of each of eight code bytes, gathered into one byte.
    let gather = |word: u64, j: u32| crate::swar::gather_low_bits(word >> j);
    let mut masks = [0; 4];
    for (i, eight) in codes.as_chunks::<8>().0.iter().enumerate() {
        let word = u64::from_le_bytes(*eight);
        for (j, mask) in masks.iter_mut().enumerate() {
            *mask |= gather(word, j as u32) << (8 * i);
        }
    }
    masks
}

/// Counts the words of `chars`; `None` at the first character outside the
/// table.
#[inline(always)]
fn count_known(chars: impl Iterator<Item = char>) -> Option<usize> {
    let mut words = 0;
    // Inside a segment of letters, digits and connectors: whether it holds
    // a letter or digit yet.
    let mut segment: Option<bool> = None;
    // The segment's last letter, digit or connector.
    let mut last = Class::Other;
    // A joining character just after the segment, waiting for the next
    // character to say whether it joins.
    let mut pending: Option<Class> = None;
    for c in chars {
        let k = class(c);
        match k {
            Class::Letter | Class::Digit | Class::Connector => {
                if let Some(mid) = pending.take() {
                    let joins = match (last, k) {
                        (Class::Letter, Class::Letter) => mid != Class::MidNum,
                        (Class::Digit, Class::Digit) => mid != Class::MidLetter,
                        _ => false,
                    };
                    if !joins {
                        words += usize::from(segment == Some(true));
                        segment = None;
                    }
                }
                let alnum = k != Class::Connector;
                segment = Some(segment.unwrap_or(false) | alnum);
                last = k;
            }
            Class::MidLetter | Class::MidNum | Class::MidNumLet => {
                let may_join = segment.is_some()
                    && pending.is_none()
                    && match last {
                        Class::Letter => k != Class::MidNum,
                        Class::Digit => k != Class::MidLetter,
                        _ => false,
                    };
                if may_join {
                    pending = Some(k);
                } else {
                    words += usize::from(segment == Some(true));
                    segment = None;
                    pending = None;
                }
            }
            Class::Other | Class::OtherAlnum => {
                words += usize::from(segment == Some(true));
                segment = None;
                pending = None;
                words += usize::from(k == Class::OtherAlnum);
            }
            Class::Unknown => return None,
        }
    }
    Some(words + usize::from(segment == Some(true)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::swar::ONES;
    use proptest::prelude::*;

    fn reference(text: &str) -> usize {
        text.unicode_words().count()
    }

    const HIGH: u64 = 0x8080_8080_8080_8080;

    /// The high bit of each space among the eight ASCII bytes of `x`.
    fn spaces(x: u64) -> u64 {
        // A byte is zero after the `^` exactly when it was a space; subtracting
        // one from it (with its high bit set) then clears the high bit.
        !(((x ^ (ONES * u64::from(b' '))) | HIGH) - ONES) & HIGH
    }

    /// The high bit of each byte of `x` (all ASCII) equal to `b`: after the
    /// `^` such a byte is zero, and adding `0x7f` sets the high bit of every
    /// other byte without carrying into the next one.
    fn bytes_equal(x: u64, b: u8) -> u64 {
        !((x ^ (ONES * u64::from(b))) + ONES * 0x7f) & HIGH
    }

    /// The oracle of [`count_breaking`], its former form: the words of the
    /// ASCII runs between the characters outside ASCII, each run counted
    /// on its own, plus the alphanumeric ones among those characters.
    fn count_ascii_runs(text: &str) -> Option<usize> {
        let mut words = 0;
        let mut rest = text;
        loop {
            let ascii = crate::swar::ascii_len(rest.as_bytes());
            words += count_ascii(&rest.as_bytes()[..ascii])?;
            let mut others = rest[ascii..].chars();
            match others.next().map(class) {
                None => return Some(words),
                Some(Class::Other) => {}
                Some(Class::OtherAlnum) => words += 1,
                Some(_) => return None,
            }
            rest = others.as_str();
        }
    }

    /// [`count_known`] for ASCII text without `_`; `None` when there is one.
    ///
    /// Without connectors every run of letters and digits is a segment holding
    /// an alphanumeric character, and a segment is a chain of such runs joined
    /// by one character each: the words are the runs less the joins. Eight
    /// bytes are classified at a time; a join can only be a byte other than a
    /// space between two letters or digits, which are few and are checked one
    /// by one.
    fn count_ascii(bytes: &[u8]) -> Option<usize> {
        // The eight bytes from `k * 8`; the last bytes are padded with spaces,
        // which neither join nor start a run.
        let chunk = |k: usize| match bytes.get(k * 8..k * 8 + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
            None => {
                let mut eight = [b' '; 8];
                let rest = bytes.get(k * 8..).unwrap_or_default();
                eight[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(eight)
            }
        };
        let chunks = bytes.len().div_ceil(8);
        let mut runs = 0;
        let mut joins = 0;
        // The high bit of the first byte's position: the byte before the chunk
        // is a letter or digit.
        let mut carry = 0;
        // Each chunk and its letters and digits, classified one chunk ahead:
        // a join at a chunk's last byte needs the next chunk's first.
        let mut x = chunk(0);
        let mut w = crate::swar::ascii_alnum_bytes(x);
        for k in 0..chunks {
            if bytes_equal(x, b'_') != 0 {
                return None;
            }
            let next = chunk(k + 1);
            let w_next = crate::swar::ascii_alnum_bytes(next);
            let before = (w << 8) | carry;
            runs += crate::swar::count_high_bits(crate::swar::run_starts(w, carry));
            let after = (w >> 8) | (w_next << 56);
            let mut between = !w & before & after & !spaces(x) & HIGH;
            while between != 0 {
                let i = k * 8 + between.trailing_zeros() as usize / 8;
                let [prev, b, next] =
                    [bytes[i - 1], bytes[i], bytes[i + 1]].map(|b| ASCII[usize::from(b)]);
                joins += usize::from((b >> 3) & prev & next != 0);
                between &= between - 1;
            }
            carry = (w >> 56) & 0x80;
            (x, w) = (next, w_next);
        }
        Some(runs - joins)
    }

    /// `count` and each of its counters that takes `text`.
    fn check(text: &str) {
        let expected = reference(text);
        assert_eq!(count(text), expected, "{text:?}");
        if let Some(n) = count_known(text.chars()) {
            assert_eq!(n, expected, "known {text:?}");
        }
        if text.is_ascii()
            && let Some(n) = count_ascii(text.as_bytes())
        {
            assert_eq!(n, expected, "ascii {text:?}");
        }
        let mut read = Vec::new();
        let mut stops = Vec::new();
        let mut gates = 0;
        let breaking = count_breaking(text, &mut |c| read.push(c), &mut stops, &mut gates);
        assert_eq!(gates, super::super::meta::gates(text), "gates {text:?}");
        // The fast scan takes exactly the texts without connectors whose
        // characters outside ASCII break or are MidNumLet, and shows the
        // caller every such character.
        let domain = !text.contains('_')
            && text.chars().all(|c| {
                c.is_ascii()
                    || matches!(
                        class(c),
                        Class::Other | Class::OtherAlnum | Class::MidNumLet
                    )
            });
        assert_eq!(breaking.is_some(), domain, "domain {text:?}");
        if let Some(n) = count_ascii_runs(text) {
            assert_eq!(breaking, Some(n), "oracle {text:?}");
        }
        if let Some(n) = breaking {
            assert_eq!(n, expected, "breaking {text:?}");
            let outside: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
            assert_eq!(read, outside, "read {text:?}");
            assert_eq!(stops, stop_masks(text), "stops {text:?}");
        }
        // `count_breaking` takes the AVX2 scan where the processor has it:
        // the SSE2 (or portable) one answers the same, and leaves the
        // same masks.
        let mut read_sse2 = Vec::new();
        let mut stops_sse2 = vec![u64::MAX; 3];
        let sse2 = count_blocks(
            text,
            &mut |c| read_sse2.push(c),
            &mut stops_sse2,
            block_masks,
        );
        assert_eq!(sse2, breaking, "sse2 {text:?}");
        if sse2.is_some() {
            assert_eq!((read_sse2, &stops_sse2), (read, &stops), "sse2 {text:?}");
        }
        let (n, read_all) = count_reading(text, |_| {}, &mut stops);
        assert_eq!(
            (n, read_all),
            (expected, breaking.is_some()),
            "reading {text:?}"
        );
    }

    /// The terminators' masks [`count_scanning`] leaves, byte by byte (the
    /// sentence scan's tests read them too).
    pub(crate) fn stop_masks(text: &str) -> Vec<u64> {
        let mut masks = vec![0u64; text.len().div_ceil(64)];
        for (i, b) in text.bytes().enumerate() {
            if matches!(b, b'.' | b'!' | b'?') {
                masks[i / 64] |= 1 << (i % 64);
            }
        }
        masks
    }

    /// The SSE2 masks against the portable ones, on blocks of bytes near
    /// the edges of each class (and any byte).
    #[test]
    fn block_masks_match_portable_masks() {
        let edges: Vec<u8> = (0..=255u8)
            .filter(|b| {
                b"/09:@AZ[`az{,.;'\x7f_^!?\"".contains(b)
                    || matches!(
                        b,
                        0x80 | 0xaf | 0xb0 | 0xb9 | 0xba | 0xc0 | 0xe0 | 0xe1 | 0xfa | 0xfb | 0xff
                    )
            })
            .collect();
        for (k, &b) in edges
            .iter()
            .chain(&(0..=255).collect::<Vec<u8>>())
            .enumerate()
        {
            let mut block = [0u8; 64];
            for (j, slot) in block.iter_mut().enumerate() {
                *slot = if (j + k) % 3 == 0 {
                    b
                } else {
                    edges[(j * 7 + k) % edges.len()]
                };
            }
            assert_eq!(block_masks(&block), masks(&block), "{block:?}");
            if let Some(wide) = avx2_masks(&block) {
                assert_eq!(wide, masks(&block), "avx2 {block:?}");
            }
        }
    }

    /// The AVX2 masks of `block`, on a processor that has AVX2.
    #[cfg_attr(not(target_arch = "x86_64"), allow(unused_variables))]
    fn avx2_masks(block: &[u8; 64]) -> Option<[u64; 4]> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, the function's target feature.
            return Some(unsafe { avx2::masks(block) });
        }
        None
    }

    /// Every character the table knows.
    fn known() -> Vec<char> {
        ('\0'..='\u{ff}')
            .chain('\u{2010}'..='\u{2026}')
            .chain(['\u{2044}', '\u{20ac}'])
            .filter(|&c| class(c) != Class::Unknown)
            .collect()
    }

    #[test]
    fn alphanumeric_flags_match_std() {
        for c in '\0'..='\u{ff}' {
            let k = class(c);
            if k == Class::Unknown {
                continue;
            }
            let alnum = matches!(k, Class::Letter | Class::Digit | Class::OtherAlnum);
            assert_eq!(alnum, c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn tricky_words() {
        for text in [
            "",
            " ",
            "Hello, world! can't e.g. var1 123,456 foo_bar example.com 127.0.0.1:9090",
            "a.b.c a..b 1.a a.1 1,2;3 a,b a;b a:b 1:2 _ __ _a a_ a_.b 1_,2",
            "£5.5bn – that’s it… “Oui” ‘x’ 3½ km² ª º µ a·b 1·2 x—y",
            "it's ‘quoted’ don’t 2’000 a’’b a.’b",
            "’a’ a’1 1’a a’b’c 1‘2 x․y ’’ a’ ’b é’b a’é",
            "\r\n\n\t\u{a0}\u{85}",
            "soft\u{ad}hyphen",
            "שלום ‘x",
        ] {
            check(text);
        }
    }

    /// Each pair of known characters between and beside letters and digits.
    #[test]
    fn all_pairs_of_known_characters() {
        let chars = known();
        for &a in &chars {
            for &b in &chars {
                for text in [
                    format!("a{a}{b}b"),
                    format!("1{a}{b}2"),
                    format!("{a}x{b}"),
                    format!("{a}9{b}"),
                ] {
                    check(&text);
                }
            }
        }
    }

    fn prose_char() -> impl Strategy<Value = char> {
        prop_oneof![
            6 => proptest::sample::select(
                "aZé1_ .,;:'’‘·\"-!?()£½\u{a0}\r\n\t—“”"
                    .chars()
                    .collect::<Vec<_>>()
            ),
            1 => any::<char>(),
        ]
    }

    /// The block masks spell out the ASCII part of the Latin-1 classes:
    /// letters and digits, and the characters that join them.
    #[test]
    fn block_masks_follow_the_latin1_classes() {
        for b in 0u8..0x80 {
            let mut block = [b' '; 64];
            block[63] = b;
            let [alnum, joining, leads, stops] = masks(&block);
            let class = latin1(b);
            let want_alnum = matches!(class, Class::Letter | Class::Digit);
            let want_joining = matches!(class, Class::MidLetter | Class::MidNum | Class::MidNumLet);
            assert_eq!(alnum >> 63 == 1, want_alnum, "{b:#x}");
            assert_eq!(joining >> 63 == 1, want_joining, "{b:#x}");
            // In ASCII only the connector is decoded.
            assert_eq!(leads >> 63 == 1, class == Class::Connector, "{b:#x}");
            assert_eq!(stops >> 63 == 1, matches!(b, b'.' | b'!' | b'?'), "{b:#x}");
            assert_eq!((alnum | joining | leads | stops) << 1, 0, "{b:#x}");
        }
        // Past ASCII only the lead bytes of UTF-8 are marked.
        for b in 0x80u8..=0xff {
            let mut block = [b' '; 64];
            block[63] = b;
            let [alnum, joining, leads, stops] = masks(&block);
            assert_eq!((alnum, joining, stops), (0, 0, 0), "{b:#x}");
            assert_eq!(leads >> 63 == 1, !(0x80..0xc0).contains(&b), "{b:#x}");
        }
    }

    /// Words joined, split and decoded across the 64-byte blocks of the
    /// counter: a joiner at bytes 63/64 and 127/128, a multi-byte char
    /// straddling byte 64, texts of exactly one and two blocks.
    #[test]
    fn block_boundaries() {
        for pad in 60..=66 {
            for tail in [
                ".b", "'b", ":b", ",b", " b", "é b", "£b", "_b", "–b", "1.5", "’b", "‘b", "1’2",
            ] {
                let text = format!("{}{tail} c", "a".repeat(pad));
                check(&text);
                check(&format!("{}{text}", "x ".repeat(32)));
            }
        }
        check(&"a".repeat(64));
        check(&"ab ".repeat(64)[..128]);
        check(&format!("{}é", "a ".repeat(31)));
    }

    /// The word count's gates of the header searches (`meta::gates`, the
    /// oracle) for each word and its near misses at every start from the
    /// first window's to past the second's (36-byte windows stepping by
    /// 32), at the text's end or before a byte that decides the gate.
    #[test]
    fn gates_at_every_start() {
        let words = [
            "today",
            "toda",
            "report",
            "reports",
            "reported",
            "reports_",
            "according to ",
            "according to Zed",
            "according to zed",
            "according to “",
            "accordingly",
        ];
        for pad in 0..80 {
            for word in words {
                for after in ["", " ", "s", "Q", "é"] {
                    let text = format!("{}{word}{after}", "x".repeat(pad));
                    let mut gates = 0;
                    count_scanning(&text, |_| {}, &mut Vec::new(), &mut gates);
                    assert_eq!(gates, super::super::meta::gates(&text), "{text:?}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn block_masks_as_portable(block in proptest::array::uniform32(any::<u8>()), other in proptest::array::uniform32(any::<u8>())) {
            let mut bytes = [0u8; 64];
            bytes[..32].copy_from_slice(&block);
            bytes[32..].copy_from_slice(&other);
            prop_assert_eq!(block_masks(&bytes), masks(&bytes));
            if let Some(wide) = avx2_masks(&bytes) {
                prop_assert_eq!(wide, masks(&bytes));
            }
        }

        #[test]
        fn same_as_unicode_segmentation(chars in proptest::collection::vec(prose_char(), 0..60)) {
            let text: String = chars.into_iter().collect();
            check(&text);
        }

        #[test]
        fn same_on_ascii_text(text in "[a-c0-2_ .,;:'\"!\r\n-]{0,60}") {
            check(&text);
        }

        #[test]
        fn same_on_any_text(text in any::<String>()) {
            prop_assert_eq!(count(&text), reference(&text));
        }

        /// Prose whose characters outside ASCII break on both sides (and a
        /// few that do not), up to 120 chars: up to two 64-byte blocks, and
        /// their boundaries anywhere.
        #[test]
        fn breaking_matches_its_oracle(
            chars in proptest::collection::vec(
                prop_oneof![
                    8 => proptest::sample::select(
                        "ab9 .,:;'-\"()/\n".chars().collect::<Vec<_>>()
                    ),
                    2 => proptest::sample::select(
                        "£“”–—…€\u{a0}½²".chars().collect::<Vec<_>>()
                    ),
                    3 => proptest::sample::select("’‘․".chars().collect::<Vec<_>>()),
                    1 => proptest::sample::select("é_\u{ad}ש".chars().collect::<Vec<_>>()),
                ],
                0..120,
            )
        ) {
            let text: String = chars.into_iter().collect();
            check(&text);
        }

        /// The gates against their oracle on texts of the words, their
        /// parts and what may follow them, from none to several windows.
        #[test]
        fn gates_as_the_searches(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "today", "tod", "ay", "report", "reports", "reported", "according to ",
                    "accord", "ing to ", "Zed", "zed", " ", "x", ".", "_", "é", "“",
                ]),
                0..40,
            )
        ) {
            let text = parts.concat();
            let mut gates = 0;
            count_scanning(&text, |_| {}, &mut Vec::new(), &mut gates);
            prop_assert_eq!(gates, super::super::meta::gates(&text), "{:?}", text);
        }
    }
}
