//! Byte-parallel tests on eight bytes at a time (SWAR), shared by the
//! tokenizers and the scans for non-ASCII characters: words are most of
//! the text, so their runs of ASCII letters and digits are skipped a
//! machine word at a time, and nearly all text is ASCII. The entity
//! tokenizer's runs take sixteen bytes at a time by SSE2 compares on
//! x86-64 (`ascii_other_mask16`), fewer instructions than the word-wide test.

/// The low bit of every byte.
pub const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// The high bit of every byte: set only by non-ASCII bytes.
pub const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Bit 0 of each of the eight bytes of `v`, gathered into one byte (byte
/// `k`'s bit on bit `k`): the multiplication moves bit `8 * k` to bit
/// `56 + k`, and its other products all fall on distinct bits below 56 or
/// above 63, so none carries into the top byte.
#[inline(always)]
pub fn gather_low_bits(v: u64) -> u64 {
    (v & ONES).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The high bit of each byte of `v` that is an ASCII letter or digit (any
/// byte of 0x80 or above is neither).
#[inline(always)]
pub fn ascii_alnum_bytes(v: u64) -> u64 {
    // Range tests on the low seven bits, without carries between bytes:
    // adding 0x80 - lo reaches the high bit from `lo` on.
    let low7 = v & !HIGHS;
    let at_least = |lo: u8| low7 + ONES * u64::from(0x80 - lo);
    let digit = at_least(b'0') & !at_least(b'9' + 1);
    // `| 0x20` maps the capitals, and nothing else, onto the small letters.
    let folded = low7 | (ONES * 0x20);
    let letter =
        (folded + ONES * u64::from(0x80 - b'a')) & !(folded + ONES * u64::from(0x80 - b'z' - 1));
    (digit | letter) & !v & HIGHS
}

/// The high bit of each byte of `v` that is an ASCII capital.
#[inline(always)]
pub fn ascii_upper_bytes(v: u64) -> u64 {
    // `A`..=`Z` on the low seven bits, without carries between bytes.
    let low7 = v & !HIGHS;
    (low7 + ONES * u64::from(0x80 - b'A'))
        & !(low7 + ONES * u64::from(0x80 - b'Z' - 1))
        & !v
        & HIGHS
}

/// The high bit of each byte of `v` that equals `b`.
#[inline(always)]
pub fn bytes_equal(v: u64, b: u8) -> u64 {
    // A byte is zero after the XOR exactly when neither its low seven bits
    // (which reach the high bit when added to 0x7f) nor its high bit are set.
    let x = v ^ (ONES * u64::from(b));
    !(((x & !HIGHS) + !HIGHS) | x) & HIGHS
}

/// The high bit of each byte of `v` that is ASCII white space (`\t` to
/// `\r` and the space, as `uclass::is_ascii_space`).
#[inline(always)]
pub fn ascii_space_bytes(v: u64) -> u64 {
    // `\t`..=`\r` on the low seven bits, as in `ascii_upper_bytes`.
    let low7 = v & !HIGHS;
    let control =
        (low7 + ONES * u64::from(0x80 - b'\t')) & !(low7 + ONES * u64::from(0x80 - b'\r' - 1));
    (control & !v & HIGHS) | bytes_equal(v, b' ')
}

/// The high bit of each byte of `mask` (high bits, as the tests above
/// give them) that opens a run: set, with the byte before it clear. The
/// byte before the first is `carry`: `0x80` when a run goes on from the
/// eight bytes before, else 0.
#[inline(always)]
pub fn run_starts(mask: u64, carry: u64) -> u64 {
    mask & !((mask << 8) | carry)
}

/// How many bytes of `x` have their high bit set, when no other bit is (a
/// mask of [`run_starts`] or the byte tests above): the multiplication adds
/// the eight 0-or-1 bytes into the top one, three instructions where
/// `count_ones` without `popcnt` (baseline x86-64) takes seventeen.
#[inline(always)]
pub fn count_high_bits(x: u64) -> usize {
    ((x >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The high bit of each byte of `v` that may open a capitalized word: an
/// ASCII capital, or the lead byte of a non-ASCII character (two high bits
/// set).
#[inline(always)]
pub fn cap_lead_bytes(v: u64) -> u64 {
    let lead = v & (v << 1) & HIGHS;
    lead | ascii_upper_bytes(v)
}

/// The index of the first byte of the little-endian word `v` that is not
/// an ASCII letter or digit, if any.
#[inline(always)]
fn first_other_than_alnum(v: u64) -> Option<usize> {
    let other = !ascii_alnum_bytes(v) & HIGHS;
    // Little-endian: the lowest marked byte comes first.
    (other != 0).then(|| (other.trailing_zeros() / 8) as usize)
}

/// The sixteen bytes of `block` in an SSE2 register. One `u128` read makes
/// one unaligned load: built from two words read apart (`split_at`), the
/// register took a load of all sixteen, a second load of the high eight
/// and a shuffle of the two.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
pub(crate) fn sse2_load16(block: &[u8; 16]) -> std::arch::x86_64::__m128i {
    let all = u128::from_le_bytes(*block);
    std::arch::x86_64::_mm_set_epi64x((all >> 64) as i64, all as i64)
}

/// The bytes of `block` that are not ASCII letters or digits, one bit each
/// (bit `j` for byte `j`): SSE2 compares and `pmovmskb` on x86-64, where
/// the eight-byte test (`ascii_alnum_bytes`) takes twice the instructions
/// for half the bytes. Its callers look for the first such byte, so the
/// compares mark those and the mask needs no `not` before the test and
/// count of trailing zeros.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn ascii_other_mask16(block: &[u8; 16]) -> u32 {
    // SAFETY: SSE2 is part of the x86-64 baseline, so the function's target
    // feature is present on every processor this code runs on.
    unsafe { sse2_other_mask16(block) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_other_mask16(block: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_and_si128, _mm_cmpgt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let v = sse2_load16(block);
    // Unsigned range tests by signed compares: adding 0x80 - lo maps
    // lo..lo + n onto the n smallest signed bytes, and everything else
    // above them.
    let outside = |x, lo: u8, n: u8| {
        let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
        _mm_cmpgt_epi8(shifted, _mm_set1_epi8((0x80 + n - 1) as i8))
    };
    let not_digit = outside(v, b'0', 10);
    // `| 0x20` maps the capitals, and nothing else, onto the small letters.
    let not_letter = outside(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
    // `as u16`: the sixteen bits `pmovmskb` sets, without the sign.
    u32::from(_mm_movemask_epi8(_mm_and_si128(not_digit, not_letter)) as u16)
}

/// `ascii_other_mask16`, a byte at a time.
#[cfg_attr(target_arch = "x86_64", cfg(test))]
#[inline(always)]
pub fn ascii_other_mask16_portable(block: &[u8; 16]) -> u32 {
    (0..16).fold(0, |m, j| {
        m | u32::from(!block[j].is_ascii_alphanumeric()) << j
    })
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub fn ascii_other_mask16(block: &[u8; 16]) -> u32 {
    ascii_other_mask16_portable(block)
}

/// The end of the run of ASCII letters and digits from byte `i` of
/// `bytes` on: eight bytes at a time, then byte by byte near the end.
#[inline(always)]
pub fn ascii_alnum_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if let Some(j) = first_other_than_alnum(v) {
            return i + j;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// [`ascii_alnum_run`] for the many runs of one text read forwards: the
/// bytes of 64 that are not letters or digits are marked once, a bit each,
/// and a run's end is then a shift and a count of trailing zeros. A
/// tokenizer asks for a run at every word, about one in six bytes, and the
/// word-wide test cost ~40 instructions a word; the masks cost about as
/// much once per ten words.
pub struct AlnumWindow {
    /// The first byte the mask covers.
    base: usize,
    /// Bit `j`: byte `base + j` is not an ASCII letter or digit, or lies
    /// past the text's end.
    other: u64,
}

impl AlnumWindow {
    /// The window over `bytes[from..]`.
    pub fn at(bytes: &[u8], from: usize) -> AlnumWindow {
        let mut w = AlnumWindow { base: 0, other: 0 };
        w.fill(bytes, from);
        w
    }

    /// `ascii_alnum_run(bytes, i)`, where `bytes` is the text the window
    /// was made over; the window moves when `i` lies outside it or the run
    /// goes on past its end.
    #[inline(always)]
    pub fn run_end(&mut self, bytes: &[u8], mut i: usize) -> usize {
        loop {
            let rel = i.wrapping_sub(self.base);
            if rel < 64 {
                let other = self.other >> rel;
                if other != 0 {
                    return i + other.trailing_zeros() as usize;
                }
                i = self.base + 64;
            }
            self.fill(bytes, i);
        }
    }

    /// Marks the bytes of `bytes[from..from + 64]` that are not letters or
    /// digits, the bytes past the end read as zero (so marked).
    fn fill(&mut self, bytes: &[u8], from: usize) {
        let mut pad = [0; 64];
        let block = match bytes.get(from..from + 64) {
            Some(block) => block,
            None => {
                let rest = bytes.get(from..).unwrap_or_default();
                pad[..rest.len()].copy_from_slice(rest);
                &pad[..]
            }
        };
        let (quarters, _) = block.as_chunks::<16>();
        self.other = quarters.iter().enumerate().fold(0, |m, (k, q)| {
            m | u64::from(ascii_other_mask16(q)) << (16 * k)
        });
        self.base = from;
    }
}

/// The length of the run of ASCII bytes that `bytes` open with. Texts are
/// nearly all ASCII and this runs over whole articles, so 32 bytes are
/// tested at a time, then eight, then one.
#[inline]
pub fn ascii_len(bytes: &[u8]) -> usize {
    let word = |eight: &[u8]| u64::from_le_bytes(eight.try_into().unwrap_or_default());
    let (blocks, _) = bytes.as_chunks::<32>();
    let mut len = 0;
    for block in blocks {
        let any =
            word(&block[..8]) | word(&block[8..16]) | word(&block[16..24]) | word(&block[24..]);
        if any & HIGHS != 0 {
            break;
        }
        len += 32;
    }
    let rest = &bytes[len..];
    let (chunks, tail) = rest.as_chunks::<8>();
    for chunk in chunks {
        let high = u64::from_le_bytes(*chunk) & HIGHS;
        if high != 0 {
            // Little-endian: the lowest marked byte comes first.
            return len + (high.trailing_zeros() / 8) as usize;
        }
        len += 8;
    }
    len + tail
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(tail.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Each range's bounds and the bytes beside them, at every position:
    /// the compares must mark `/`, `:`, `@`, `[`, `` ` ``, `{` and bytes
    /// outside ASCII, and not `0`, `9`, `A`, `Z`, `a` or `z`.
    #[test]
    fn other_mask16_marks_the_bytes_beside_each_range() {
        let edges = *b"/09:@AZ[`az{\x00\x7f\x80\xff";
        for shift in 0..16 {
            let mut block = [0; 16];
            for (j, b) in block.iter_mut().enumerate() {
                *b = edges[(j + shift) % 16];
            }
            let want = ascii_other_mask16_portable(&block);
            assert_eq!(ascii_other_mask16(&block), want, "{block:?}");
        }
    }

    /// Every set of high bits is counted as `count_ones` counts it.
    #[test]
    fn count_high_bits_counts_every_set() {
        for m in 0..=255u64 {
            let x = (0..8)
                .filter(|k| m >> k & 1 != 0)
                .fold(0, |x, k| x | 0x80 << (8 * k));
            assert_eq!(count_high_bits(x), x.count_ones() as usize, "{x:#x}");
        }
    }

    proptest! {
        #[test]
        fn window_runs_are_the_word_runs(
            bytes in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'Z'), Just(b'7'), Just(b' '), Just(b'.'), Just(0xc3u8), any::<u8>()], 0..300),
            starts in proptest::collection::vec(0usize..320, 1..40),
        ) {
            let mut sorted = starts.clone();
            sorted.sort_unstable();
            // Forwards, as the tokenizer asks, and in any order.
            for order in [&sorted, &starts] {
                let mut w = AlnumWindow::at(&bytes, order[0]);
                for &i in order.iter() {
                    prop_assert_eq!(w.run_end(&bytes, i), ascii_alnum_run(&bytes, i), "at {}", i);
                }
            }
        }

        #[test]
        fn alnum_bytes_match_the_byte_test(bytes in any::<[u8; 8]>()) {
            let want = bytes.map(|b| if b.is_ascii_alphanumeric() { 0x80 } else { 0 });
            prop_assert_eq!(ascii_alnum_bytes(u64::from_le_bytes(bytes)), u64::from_le_bytes(want));
        }

        #[test]
        fn upper_and_equal_bytes_match_the_byte_tests(v: u64, b: u8, k in 0usize..8, c: u8) {
            let mut bytes = v.to_le_bytes();
            bytes[k] = b;
            let mark = |t: &dyn Fn(u8) -> bool| u64::from_le_bytes(bytes.map(|b| if t(b) { 0x80 } else { 0 }));
            let v = u64::from_le_bytes(bytes);
            prop_assert_eq!(ascii_upper_bytes(v), mark(&|b| b.is_ascii_uppercase()));
            prop_assert_eq!(bytes_equal(v, b), mark(&|x| x == b));
            prop_assert_eq!(bytes_equal(v, c), mark(&|x| x == c));
        }

        #[test]
        fn space_bytes_match_the_byte_test(v: u64, b: u8, k in 0usize..8) {
            let mut bytes = v.to_le_bytes();
            bytes[k] = b;
            let want = bytes.map(|b| if crate::uclass::is_ascii_space(b) { 0x80 } else { 0 });
            prop_assert_eq!(ascii_space_bytes(u64::from_le_bytes(bytes)), u64::from_le_bytes(want));
        }

        #[test]
        fn every_byte_value_at_every_position(v: u64, b: u8, k in 0usize..8) {
            let mut bytes = v.to_le_bytes();
            bytes[k] = b;
            let want = bytes.map(|b| if b.is_ascii_alphanumeric() { 0x80 } else { 0 });
            prop_assert_eq!(ascii_alnum_bytes(u64::from_le_bytes(bytes)), u64::from_le_bytes(want));
        }

        #[test]
        fn other_mask16_is_the_byte_test(v: [u8; 16], b: u8, k in 0usize..16) {
            let mut block = v;
            block[k] = b;
            prop_assert_eq!(ascii_other_mask16(&block), ascii_other_mask16_portable(&block));
        }

        #[test]
        fn ascii_len_ends_at_the_first_non_ascii_byte(
            ascii in proptest::collection::vec(0u8..0x80, 0..100),
            rest in proptest::collection::vec(any::<u8>(), 0..40),
        ) {
            let bytes = [ascii, rest].concat();
            let want = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len());
            prop_assert_eq!(ascii_len(&bytes), want);
        }

        #[test]
        fn run_ends_at_the_first_other_byte(bytes in proptest::collection::vec(any::<u8>(), 0..40), start in 0..40usize) {
            let start = start.min(bytes.len());
            let want = bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| start + p);
            prop_assert_eq!(ascii_alnum_run(&bytes, start), want);
        }
    }
}
