//! A Bloom filter over a gazetteer's surfaces, built at compile time by
//! `build.rs` (which includes this file) and checked before the perfect-hash
//! lookup: most capitalized words of an article are in no gazetteer, and
//! the filter answers for them from about 100 KB of bits that stay in cache,
//! where the hash lookup costs three dependent memory reads.

/// FNV-1a, 64 bits: simple enough to be computed identically at build time
/// and at run time on any platform.
pub const fn key_hash(key: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < key.len() {
        h ^= key[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The two bit positions of `h` in a filter of `words` 64-bit words (a
/// power of two).
pub fn probes(h: u64, words: usize) -> [usize; 2] {
    let mask = words * 64 - 1;
    [(h as usize) & mask, ((h >> 32) as usize ^ (h >> 17) as usize) & mask]
}

/// False when `key` is certainly not in the filtered set.
pub fn may_contain(filter: &[u64], key: &str) -> bool {
    if filter.is_empty() {
        return true;
    }
    probes(key_hash(key.as_bytes()), filter.len())
        .iter()
        .all(|&b| filter[b / 64] & (1 << (b % 64)) != 0)
}
