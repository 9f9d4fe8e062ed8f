//! The compile-time index of a gazetteer file, shared by `build.rs` (which
//! includes this file to build it) and by the lookups in `gazetteer.rs`.
//!
//! An index has two parts, both plain integer arrays:
//! - a Bloom filter over the surfaces, checked first: most capitalized words
//!   of an article are in no gazetteer, and the filter answers for them from
//!   about 100 KB of bits, one 64-bit word per key (`probes`);
//! - an open-addressing hash table whose slots hold the byte offset of a
//!   surface's first row in the embedded file, with a few bits of the hash as
//!   a tag; a lookup confirms a candidate by comparing the row's first column.
//!   Above each slot's 32 bits the build stores where the row's columns end
//!   (`gazetteer::Columns`), so that a hit slices its columns without
//!   scanning the row for tabs.
//!
//! Holding offsets rather than `&str` keys matters for start-up: a table of
//! a hundred thousand string slices needs as many load-time relocations,
//! and the dynamic loader then writes every page of it before `main` runs
//! (about a quarter of the page faults of `summarize` on five articles).
//! Integers need no relocation, and only the slots a run probes are read.

/// A hash of eight bytes per step (FNV-1a took a multiplication per byte,
/// most of a lookup that the filter turns away), finished by MurmurHash3's
/// mixer so that every bit depends on every byte: the filter, the slot and
/// the tag take different bits. Simple enough to be computed identically
/// at build time and at run time on any platform.
pub fn key_hash(key: &[u8]) -> u64 {
    key_hash_from(key, head(key))
}

/// The bytes of a key that [`head`] gives.
pub const HEAD_BYTES: usize = 16;

/// The first sixteen bytes of `key` as two little-endian numbers, zero
/// past its end: the first two steps of `key_hash`, which a lookup keeps
/// to compare keys (`gazetteer::Hits`) without reading them again.
#[inline(always)]
pub fn head(key: &[u8]) -> [u64; 2] {
    let n = key.len();
    let le = |k: usize| u64::from_le_bytes(key[k..k + 8].try_into().unwrap_or_default());
    match n {
        0 => [0, 0],
        1..8 => [tail_le(key, n), 0],
        // The bytes from 8 on are the top of the last eight.
        8..16 => [
            le(0),
            le(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0),
        ],
        _ => [le(0), le(8)],
    }
}

/// `key_hash(key)` of a key whose `head` is `head`.
#[inline(always)]
pub fn key_hash_from(key: &[u8], head: [u64; 2]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let step = |h: u64, v: u64| (h ^ v).wrapping_mul(K).rotate_left(29);
    let n = key.len();
    let mut h = (n as u64).wrapping_mul(K);
    // Eight bytes a step, the last step on what is left (zero-padded).
    if n > 0 {
        h = step(h, head[0]);
    }
    if n > 8 {
        h = step(h, head[1]);
    }
    if let Some(far) = key.get(HEAD_BYTES..) {
        let mut chunks = far.chunks_exact(8);
        for c in &mut chunks {
            h = step(h, u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder().len();
        if rest > 0 {
            h = step(h, tail_le(key, rest));
        }
    }
    fmix64(h)
}

/// MurmurHash3's finalizer (`fmix64`): every bit of the result depends on
/// every bit of `h`.
#[inline(always)]
pub fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The last `rest` bytes of `key` (1 to 7, all of it when shorter than
/// eight) as a little-endian number: the key's last eight bytes shifted
/// down; a key of four to seven bytes as two overlapping four-byte reads,
/// a shorter one byte by byte (three reads). Read in a loop, the
/// loop's exit was mispredicted on most lookups, whose keys are names of
/// every length.
#[inline(always)]
pub fn tail_le(key: &[u8], rest: usize) -> u64 {
    debug_assert!(rest > 0 && rest == key.len() % 8);
    let n = key.len();
    if let Some(last8) = n.checked_sub(8) {
        let w = u64::from_le_bytes(key[last8..].try_into().unwrap_or_default());
        return w.checked_shr(8 * (8 - rest) as u32).unwrap_or(0);
    }
    // (Shorter than eight: `rest` is the whole key, and the reads overlap
    // where they meet, with the same bytes.)
    let at = |k: usize| u64::from(key[k]) << (8 * k);
    let half = |k: usize| {
        u64::from(u32::from_le_bytes(
            key[k..k + 4].try_into().unwrap_or_default(),
        ))
    };
    match n {
        0..=3 => at(0) | at(n / 2) | at(n - 1),
        _ => half(0) | half(n - 4) << (8 * (n - 4)),
    }
}

/// The word of `h` in a filter of `words` 64-bit words (a power of two),
/// and the two bits of that word that a key hashed to `h` sets. Both bits
/// in one word (a blocked filter): a lookup reads one cache line, where two
/// bits anywhere in the ~100 KB filter missed the cache twice. The word
/// and the bits take hash bits apart from each other and from the tag's.
pub fn probes(h: u64, words: usize) -> (usize, u64) {
    (
        (h >> 12) as usize & (words - 1),
        1 << (h & 63) | 1 << (h >> 58),
    )
}

/// False when the key hashed to `h` is certainly not in the filtered set.
pub fn may_contain_hash(filter: &[u64], h: u64) -> bool {
    if filter.is_empty() {
        return true;
    }
    let (word, bits) = probes(h, filter.len());
    filter[word] & bits == bits
}

/// False when `key` is certainly not in the filtered set.
#[cfg_attr(not(test), allow(dead_code))]
pub fn may_contain(filter: &[u64], key: &str) -> bool {
    may_contain_hash(filter, key_hash(key.as_bytes()))
}

/// Bits of a slot that hold the row offset plus one (zero marks an empty
/// slot); the gazetteer files must stay under 4 MiB (`build.rs` checks).
pub const OFFSET_BITS: u32 = 22;

/// The hash bits stored above the offset, which rule out most collisions
/// without reading the row.
fn tag(h: u64) -> u32 {
    ((h >> 40) as u32) & ((1 << (32 - OFFSET_BITS)) - 1)
}

/// Where the probe sequence of `h` starts in a table of `slots` (a power
/// of two). The multiplication spreads the hash's low bits, which the filter
/// already uses.
fn home(h: u64, slots: usize) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (slots - 1)
}

/// The slot value for a row at `offset` of a key hashed to `h`, with
/// `above` (the row's column ends) in the upper 32 bits, as [`candidates`]
/// reads it. Used by the build.
#[cfg_attr(not(test), allow(dead_code))]
pub fn pack(h: u64, offset: u32, above: u32) -> u64 {
    assert!(
        offset + 1 < 1 << OFFSET_BITS,
        "gazetteer row offset too large"
    );
    u64::from((tag(h) << OFFSET_BITS) | (offset + 1)) | u64::from(above) << 32
}

/// The slot in `slots` where a key hashed to `h` goes: the first free one
/// along its probe sequence (linear probing). Used by the build.
#[cfg_attr(not(test), allow(dead_code))]
pub fn free_slot(slots: &[u64], h: u64) -> usize {
    let mask = slots.len() - 1;
    let mut i = home(h, slots.len());
    while slots[i] as u32 != 0 {
        i = (i + 1) & mask;
    }
    i
}

/// The row offsets stored along the probe sequence of `h` whose tag
/// matches, in probe order, each with the 32 bits stored above its slot
/// (the row's column ends, `gazetteer::Columns`); the caller confirms each
/// against the row.
pub fn candidates(slots: &[u64], h: u64) -> impl Iterator<Item = (u32, u32)> + '_ {
    let mask = slots.len().wrapping_sub(1);
    let want = tag(h);
    let mut i = if slots.is_empty() {
        0
    } else {
        home(h, slots.len())
    };
    let mut done = slots.is_empty();
    std::iter::from_fn(move || {
        while !done {
            let (s, above) = (slots[i] as u32, (slots[i] >> 32) as u32);
            if s == 0 {
                done = true;
                return None;
            }
            i = (i + 1) & mask;
            if s >> OFFSET_BITS == want {
                return Some(((s & ((1 << OFFSET_BITS) - 1)) - 1, above));
            }
        }
        None
    })
}
