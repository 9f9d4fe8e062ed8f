//! Byte-parallel tests on eight bytes at a time (SWAR), shared by the
//! tokenizers and the scans for non-ASCII characters: words are most of
//! the text, so their runs of ASCII letters and digits are skipped a
//! machine word at a time, and nearly all text is ASCII.

/// The low bit of every byte.
pub const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// The high bit of every byte: set only by non-ASCII bytes.
pub const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

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

/// The high bit of each byte of `mask` (high bits, as the tests above
/// give them) that opens a run: set, with the byte before it clear. The
/// byte before the first is `carry`: `0x80` when a run goes on from the
/// eight bytes before, else 0.
#[inline(always)]
pub fn run_starts(mask: u64, carry: u64) -> u64 {
    mask & !((mask << 8) | carry)
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
pub fn first_other_than_alnum(v: u64) -> Option<usize> {
    let other = !ascii_alnum_bytes(v) & HIGHS;
    // Little-endian: the lowest marked byte comes first.
    (other != 0).then(|| (other.trailing_zeros() / 8) as usize)
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

    proptest! {
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
        fn every_byte_value_at_every_position(v: u64, b: u8, k in 0usize..8) {
            let mut bytes = v.to_le_bytes();
            bytes[k] = b;
            let want = bytes.map(|b| if b.is_ascii_alphanumeric() { 0x80 } else { 0 });
            prop_assert_eq!(ascii_alnum_bytes(u64::from_le_bytes(bytes)), u64::from_le_bytes(want));
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
