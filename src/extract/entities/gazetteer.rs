//! The gazetteers of `data/gazetteer/`, embedded in the binary; the three
//! large ones are indexed at compile time (`build.rs`), the small keyword
//! lists into hash sets on first use (see `docs/entities.md`). Only the first row of each surface is kept: the files
//! order rows so that the first is the sensible default (`docs/gazetteers.md`).
//! Each thread remembers its recent hits in the three large ones (`Hits`).

use super::keyindex;
use crate::fasthash::Set as HashSet;

const PLACES: &str = include_str!("../../../data/gazetteer/places.tsv");
const ORGS: &str = include_str!("../../../data/gazetteer/organizations.tsv");
const GIVEN: &str = include_str!("../../../data/gazetteer/given_names.tsv");
const DEMONYMS: &str = include_str!("../../../data/gazetteer/demonyms.tsv");
const KEYWORDS: &str = include_str!("../../../data/gazetteer/keywords.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Continent,
    Region,
    City,
}

#[derive(Clone, Copy, Debug)]
pub struct Place {
    pub canonical: &'static str,
    pub kind: PlaceKind,
    /// The surface is also an ordinary English word.
    pub word: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Org {
    pub canonical: &'static str,
    pub kind: &'static str,
    pub word: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Given {
    pub freq: u8,
    pub word: bool,
}

/// The rows of a TSV file, indexed by their first column: each surface
/// maps to the offset of its first row. The index is built at compile time
/// (`build.rs`, `keyindex`), so a run pays nothing for it at start-up; a
/// lookup is one hash of the key, where a binary search over the text cost
/// ~15% of a run.
#[derive(Debug)]
pub struct Rows {
    text: &'static str,
    /// Row offsets by key hash (`keyindex`), with the rows' column ends
    /// (`Columns`) above them.
    slots: &'static [u64],
    /// Rules out most absent keys before the slots are read.
    filter: &'static [u64],
}

include!(concat!(env!("OUT_DIR"), "/gazetteer_index.rs"));

/// The rows of `places.tsv`, shared by the entity gazetteer (which takes
/// the first row of a surface) and the events extractor
/// (`extract::events::places`, which chooses among the adjacent rows of a
/// repeated surface).
pub static PLACE_ROWS: Rows = Rows {
    text: PLACES,
    slots: &PLACES_SLOTS,
    filter: &PLACES_FILTER,
};

static ORG_ROWS: Rows = Rows {
    text: ORGS,
    slots: &ORGS_SLOTS,
    filter: &ORGS_FILTER,
};

static GIVEN_ROWS: Rows = Rows {
    text: GIVEN,
    slots: &GIVEN_SLOTS,
    filter: &GIVEN_FILTER,
};

/// No rows, for the empty default table.
static NO_ROWS: Rows = Rows {
    text: "",
    slots: &[],
    filter: &[],
};

impl Rows {
    /// The offset of the first row of `key`.
    pub fn first(&self, key: &str) -> Option<u32> {
        self.first_of(Key::new(key))
    }

    /// `first` with the key's hash computed by the caller.
    fn first_of(&self, key: Key) -> Option<u32> {
        if !keyindex::may_contain_hash(self.filter, key.hash) {
            return None;
        }
        self.probe(key).map(|(offset, _)| offset)
    }

    /// `first_of` past the filter, with the row's column ends (`Columns`).
    fn probe(
        &self,
        Key {
            text: key, hash: h, ..
        }: Key,
    ) -> Option<(u32, u32)> {
        keyindex::candidates(self.slots, h).find(|&(offset, _)| {
            let row = &self.text.as_bytes()[offset as usize..];
            // The key is the row's whole first column, which never holds
            // a tab or a line end.
            row.starts_with(key.as_bytes())
                && matches!(row.get(key.len()), Some(b'\t' | b'\n') | None)
                && !key.contains(['\t', '\n'])
        })
    }

    /// The rows from `offset` on, without their line ends.
    pub fn rows_from(&self, offset: u32) -> impl Iterator<Item = &'static str> {
        self.text[offset as usize..].split('\n')
    }
}

/// A key with its hash (`keyindex::key_hash`), which every file's index
/// uses: a name looked up in several files is hashed once. Its first
/// sixteen bytes (`keyindex::head`), read for the hash, stay with it for
/// the thread's hits to compare.
#[derive(Clone, Copy, Debug)]
pub struct Key<'k> {
    text: &'k str,
    hash: u64,
    head: [u64; 2],
}

impl<'k> Key<'k> {
    pub fn new(text: &'k str) -> Key<'k> {
        let head = keyindex::head(text.as_bytes());
        Key {
            text,
            hash: keyindex::key_hash_from(text.as_bytes(), head),
            head,
        }
    }
}

/// A gazetteer file's rows with the parser of its row type: a lookup
/// parses the first row of the key in place.
#[derive(Debug)]
pub struct Table<T: 'static> {
    rows: &'static Rows,
    /// Whether lookups go through the thread's recent hits of `T`
    /// (`Row::hits`); not for the empty default table.
    remember: bool,
    row: std::marker::PhantomData<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            rows: &NO_ROWS,
            remember: false,
            row: std::marker::PhantomData,
        }
    }
}

/// The columns of a row that the row parsers read, sliced where the build
/// found them (`build.rs`, `column_ends`, stored above the row's slot):
/// every file's rows have a fixed number of columns, so the ends of columns
/// 1 and 2 and the start of the last say where each lies, and a lookup
/// reads no byte of the row to find them (a scan for tabs cost ~400
/// estimated cycles a row).
#[derive(Clone, Copy)]
pub struct Columns {
    row: &'static str,
    /// The end of column 0, the key.
    key_end: usize,
    /// The end of column 1, the end of column 2, the start of the last
    /// column and the row's end.
    ends: [u8; 4],
}

impl Columns {
    fn new(row: &'static str, key_end: usize, ends: u32) -> Columns {
        Columns {
            row,
            key_end,
            ends: ends.to_le_bytes(),
        }
    }

    /// Column 1, the one after the key.
    fn column1(&self) -> &'static str {
        self.slice(self.key_end + 1, self.ends[0].into())
    }

    fn column2(&self) -> &'static str {
        self.slice(usize::from(self.ends[0]) + 1, self.ends[1].into())
    }

    fn last(&self) -> &'static str {
        self.slice(self.ends[2].into(), self.ends[3].into())
    }

    fn slice(&self, from: usize, to: usize) -> &'static str {
        self.row.get(from..to).unwrap_or_default()
    }
}

/// The parsed row of a gazetteer file, with its parser and the thread's
/// recent hits of its table, both named by the type: held in the table
/// as a function pointer and a `&LocalKey`, every hit went through an
/// indirect call to reach the thread's `Hits`, and every row parsed through
/// another.
pub trait Row: Copy + 'static {
    /// The row whose columns are `r`.
    fn parse(r: Columns) -> Self;
    /// The thread's recent hits of the one table with rows of this type.
    fn hits() -> &'static std::thread::LocalKey<Hits<Self>>;
}

impl Row for Place {
    fn parse(r: Columns) -> Place {
        parse_place(r)
    }
    fn hits() -> &'static std::thread::LocalKey<Hits<Place>> {
        &PLACE_HITS
    }
}

impl Row for Org {
    fn parse(r: Columns) -> Org {
        parse_org(r)
    }
    fn hits() -> &'static std::thread::LocalKey<Hits<Org>> {
        &ORG_HITS
    }
}

impl Row for Given {
    fn parse(r: Columns) -> Given {
        parse_given(r)
    }
    fn hits() -> &'static std::thread::LocalKey<Hits<Given>> {
        &GIVEN_HITS
    }
}

/// A thread's recent hits of a table, direct-mapped by key hash: news
/// repeats its names, within an article and across articles, and a hit
/// otherwise probes the table's slots and row text (large, and mostly out
/// of cache) and parses the row again each time. Misses are not kept: the
/// filter turns most of them away for less than a look here costs.
pub struct Hits<T: 'static>([Cell<Option<Hit<T>>>; HIT_SLOTS]);

/// A hit of `Hits`: its surface (the row's first column, which the key
/// must equal), the surface's first bytes (`head`) and the parsed row.
/// The length and the head decide nearly every key without reading the
/// surface, which lies in the table's row text (mostly out of cache):
/// comparing it cost a `memcmp` call and its cache misses on every hit.
#[derive(Clone, Copy)]
struct Hit<T: 'static> {
    head: [u64; 2],
    surface: &'static str,
    value: T,
}

/// Slots of `Hits`: a few articles' names, some 10 KB per table.
const HIT_SLOTS: usize = 256;

use std::cell::Cell;

impl<T: Copy> Hits<T> {
    const fn new() -> Hits<T> {
        Hits([const { Cell::new(None) }; HIT_SLOTS])
    }

    /// The slot of a key hashed to `h`: bits that neither the filter
    /// (`keyindex::probes`: bits 0 to 5, from 12 for its word, and from
    /// 58) nor the table's tag (bits 40 to 49) use.
    fn slot(&self, h: u64) -> &Cell<Option<Hit<T>>> {
        &self.0[(h >> 50) as usize % HIT_SLOTS]
    }

    /// The remembered value of `key`, if it is the slot's: the same length,
    /// the same first sixteen bytes and, past them, the same rest.
    fn get(&self, key: Key) -> Option<T> {
        let hit = self.slot(key.hash).get()?;
        let head = key.head;
        let (surface, key) = (hit.surface.as_bytes(), key.text.as_bytes());
        (surface.len() == key.len()
            && hit.head == head
            && surface.get(keyindex::HEAD_BYTES..) == key.get(keyindex::HEAD_BYTES..))
        .then_some(hit.value)
    }

    /// Remembers `value` as that of `key`, whose text `surface` equals.
    fn put(&self, key: Key, surface: &'static str, value: T) {
        debug_assert_eq!(key.text, surface);
        self.slot(key.hash).set(Some(Hit {
            head: key.head,
            surface,
            value,
        }));
    }
}

thread_local! {
    static PLACE_HITS: Hits<Place> = const { Hits::new() };
    static ORG_HITS: Hits<Org> = const { Hits::new() };
    static GIVEN_HITS: Hits<Given> = const { Hits::new() };
}

impl<T: Row> Table<T> {
    /// The table of `rows`, remembering its hits.
    fn new(rows: &'static Rows) -> Table<T> {
        Table {
            rows,
            remember: true,
            row: std::marker::PhantomData,
        }
    }

    /// The first row whose first column is `key`.
    pub fn get(&self, key: &str) -> Option<T> {
        self.get_key(Key::new(key))
    }

    /// `get` with the key hashed by the caller: the filter, then the
    /// thread's recent hits, then the table. The filter is read in the
    /// caller: it turns most keys away, and a call only to be turned away
    /// spent more on saving and restoring registers than on the filter.
    #[inline]
    pub fn get_key(&self, key: Key) -> Option<T> {
        if !self.may_contain(key) {
            return None;
        }
        self.get_past_filter(key)
    }

    /// [`Table::get_key`] of a key that the filter let through.
    #[inline(never)]
    fn get_past_filter(&self, key: Key) -> Option<T> {
        if !self.remember {
            return self.lookup(key);
        }
        T::hits().with(|hits| {
            hits.get(key).or_else(|| {
                let (offset, value) = self.lookup_row(key)?;
                let start = offset as usize;
                hits.put(key, &self.rows.text[start..start + key.text.len()], value);
                Some(value)
            })
        })
    }

    /// `get_key` without the thread's hits: the oracle of their tests.
    pub(crate) fn lookup(&self, key: Key) -> Option<T> {
        if !self.may_contain(key) {
            return None;
        }
        self.lookup_row(key).map(|(_, value)| value)
    }

    /// The offset and parsed value of the first row of `key`, past the
    /// filter.
    fn lookup_row(&self, key: Key) -> Option<(u32, T)> {
        let (offset, ends) = self.rows.probe(key)?;
        let row = Columns::new(&self.rows.text[offset as usize..], key.text.len(), ends);
        Some((offset, T::parse(row)))
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// False when `key` is certainly absent (the filter alone).
    pub fn may_contain(&self, key: Key) -> bool {
        keyindex::may_contain_hash(self.rows.filter, key.hash)
    }
}

// The columns of `places.tsv` are surface, canonical, kind, country code,
// population, origin and word; of the two others, surface, canonical or
// gender, kind or frequency, and word (`build.rs` checks the counts).

fn parse_place(r: Columns) -> Place {
    Place {
        canonical: r.column1(),
        kind: match r.column2() {
            "country" => PlaceKind::Country,
            "continent" => PlaceKind::Continent,
            "region" => PlaceKind::Region,
            _ => PlaceKind::City,
        },
        word: r.last() == "1",
    }
}

fn parse_org(r: Columns) -> Org {
    Org {
        canonical: r.column1(),
        kind: r.column2(),
        word: r.last() == "1",
    }
}

fn parse_given(r: Columns) -> Given {
    Given {
        freq: r.column2().parse().unwrap_or(0),
        word: r.last() == "1",
    }
}

/// The signature of a word for `WordSet` and the constant word lists
/// (`WordList` in `mod.rs`): its length and first, second and last bytes,
/// mixed into a table index of `bits` bits. Computing it reads four bytes,
/// where hashing reads the whole word.
pub(crate) const fn signature(w: &[u8], bits: u32) -> usize {
    mix(signature_key(w), bits)
}

/// The four bytes that `signature` mixes: the length of `w` (its low
/// byte) and its first, second and last bytes (0 for a byte it lacks).
const fn signature_key(w: &[u8]) -> u64 {
    let n = w.len();
    let first = if n > 0 { w[0] } else { 0 };
    let second = if n > 1 { w[1] } else { 0 };
    let last = if n > 0 { w[n - 1] } else { 0 };
    key_of(n, first, second, last)
}

/// `signature(w, 16)`, which a token keeps (`Tok::sig`): the signature of
/// any width up to 16 bits is its top bits (`signature_of` keeps the top
/// bits of one product), so that the lists need not read the word again.
pub(crate) const fn signature16(w: &[u8]) -> u16 {
    signature(w, 16) as u16
}

/// `signature(w, bits)` of a word whose `signature16` is `sig`.
pub(crate) fn signature_from16(sig: u16, bits: u32) -> usize {
    debug_assert!((1..=16).contains(&bits), "a signature of 1 to 16 bits");
    usize::from(sig) >> (16 - bits)
}

/// `signature` of an ASCII word's lower-case form, without making it.
pub(crate) fn lower_signature(w: &[u8], bits: u32) -> usize {
    mix(lower_key(signature_key(w)), bits)
}

/// `signature16` of `w` and `lower_signature(w, 16)`, from one read of its
/// bytes: the tokenizer records both for every capitalized word, and the
/// second read lowered its three bytes one at a time, each with a branch
/// on the length before it.
pub(crate) fn signature16_and_lower(w: &[u8]) -> (u16, u16) {
    let x = signature_key(w);
    (mix(x, 16) as u16, mix(lower_key(x), 16) as u16)
}

/// The `signature_key` of the ASCII lower-case form of a word whose key
/// is `x`: its three bytes lowered at once (`swar::ascii_upper_bytes`),
/// the length byte left out of the test (a length of 65 to 90 is an
/// ASCII capital's code).
fn lower_key(x: u64) -> u64 {
    x | crate::swar::ascii_upper_bytes(x & 0x00ff_ffff) >> 2
}

/// Sets bit `bit` of the entries of `t` at the signatures (`signature` of
/// `bits` bits) of the demonyms and of their plurals: the words
/// `Gazetteer::is_demonym` accepts. The rows are read as `rows` reads
/// them (the first field of each line that is neither empty nor a
/// comment).
pub(crate) const fn mark_demonyms<const N: usize>(
    mut t: [u32; N],
    bits: u32,
    bit: u32,
) -> [u32; N] {
    let data = DEMONYMS.as_bytes();
    let mut start = 0;
    while start < data.len() {
        let mut end = start;
        while end < data.len() && data[end] != b'\n' {
            end += 1;
        }
        // `str::lines` drops a carriage return before the line end.
        let mut line_end = end;
        if line_end > start && data[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        if line_end > start && data[start] != b'#' {
            let mut field_end = start;
            while field_end < line_end && data[field_end] != b'\t' {
                field_end += 1;
            }
            let (w, _) = data.split_at(field_end);
            let (_, w) = w.split_at(start);
            t[signature(w, bits)] |= 1 << bit;
            // The plural: one byte longer, ending in `s`.
            let n = w.len();
            let first = if n > 0 { w[0] } else { b's' };
            let second = if n > 1 {
                w[1]
            } else if n == 1 {
                b's'
            } else {
                0
            };
            t[signature_of(n + 1, first, second, b's', bits)] |= 1 << bit;
        }
        start = end + 1;
    }
    t
}

/// `signature` from a word's length and first, second and last bytes.
const fn signature_of(n: usize, first: u8, second: u8, last: u8, bits: u32) -> usize {
    mix(key_of(n, first, second, last), bits)
}

/// `signature_key` from a word's length and first, second and last bytes.
const fn key_of(n: usize, first: u8, second: u8, last: u8) -> u64 {
    (n as u64 & 0xff) << 24 | (first as u64) << 16 | (second as u64) << 8 | last as u64
}

/// The signature of `bits` bits of a word whose `signature_key` is `x`.
const fn mix(x: u64, bits: u32) -> usize {
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// A set of words, those of up to eight bytes (nearly all) packed into a
/// `u64` each (`pack`) in an open-addressing table: the word lists and
/// `WordSet`s are asked about words that pass their signature tests,
/// which most often are members ("The", "In" at a sentence start), and
/// confirming one was a string hashing, a probe and a `memcmp` call, where
/// a packed word is one multiplication and one comparison. Words of nine
/// to sixteen bytes are packed into two (`pack16`) in a second table: a
/// list with one such word ("According") sent every long word that passed
/// its signature test to a string hash set, some 80 instructions a lookup
/// and its cache misses.
#[derive(Debug)]
pub(crate) struct PackedSet {
    /// Packed words, 0 for an empty slot; at most half full.
    slots: Box<[u64]>,
    /// 64 minus the bits of a slot number.
    shift: u32,
    /// Words of nine to sixteen bytes packed in pairs (`pack16`), `[0, 0]`
    /// for an empty slot (no pair starts with 0); at most a quarter full.
    pairs: Box<[[u64; 2]]>,
    /// 64 minus the bits of a slot number of `pairs`.
    pair_shift: u32,
    /// The words that neither table holds: those longer than sixteen
    /// bytes, and those that start with eight NUL bytes.
    long: HashSet<&'static str>,
}

impl Default for PackedSet {
    /// No words (tables of two empty slots, which every lookup can probe).
    fn default() -> Self {
        PackedSet::new(&[])
    }
}

/// Bits of a table of slots for `n` words: at most half full, at least two
/// slots.
fn table_bits(n: usize) -> u32 {
    (2 * n).next_power_of_two().trailing_zeros().max(1)
}

impl PackedSet {
    pub(crate) fn new(words: &[&'static str]) -> PackedSet {
        let short = words.iter().filter(|w| w.len() <= 8).count();
        let paired = words
            .iter()
            .filter(|w| pack16(w.as_bytes()).is_some())
            .count();
        // The long words' table a quarter full: most words looked up there
        // are absent, and a probe past a full slot was mispredicted.
        let (bits, pair_bits) = (table_bits(short), table_bits(2 * paired));
        let mut set = PackedSet {
            slots: vec![0; 1 << bits].into_boxed_slice(),
            shift: 64 - bits,
            pairs: vec![[0; 2]; 1 << pair_bits].into_boxed_slice(),
            pair_shift: 64 - pair_bits,
            long: HashSet::default(),
        };
        for &w in words {
            if let Some(v) = pack(w.as_bytes()) {
                debug_assert!(v != 0, "a list word of eight NUL bytes");
                let (Ok(k) | Err(k)) = probe(&set.slots, set.slot(v), v);
                set.slots[k] = v;
            } else if let Some(p) = pack16(w.as_bytes()) {
                let (Ok(k) | Err(k)) = probe(&set.pairs, set.pair_slot(p), p);
                set.pairs[k] = p;
            } else {
                set.long.insert(w);
            }
        }
        set
    }

    fn slot(&self, v: u64) -> usize {
        (v.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The slot of `pairs` where the probe for a word packed to `p` starts.
    fn pair_slot(&self, [lo, hi]: [u64; 2]) -> usize {
        ((lo ^ hi.rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.pair_shift) as usize
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        let Some(v) = pack(w.as_bytes()) else {
            return self.contains_long(w);
        };
        // (Eight NUL bytes pack to the empty slot's 0.)
        v != 0 && probe(&self.slots, self.slot(v), v).is_ok()
    }

    /// `contains` of a word that `pack` leaves out (none or more than
    /// eight bytes).
    fn contains_long(&self, w: &str) -> bool {
        let Some(p) = pack16(w.as_bytes()) else {
            return !self.long.is_empty() && self.long.contains(w);
        };
        probe(&self.pairs, self.pair_slot(p), p).is_ok()
    }
}

/// Where `key` is in an open-addressing table of `PackedSet` (a power of
/// two long, probed linearly from slot `k`): `Ok` with its slot, or `Err`
/// with the empty slot (`K::default()`, no packed word) where it goes.
#[inline(always)]
fn probe<K: Copy + PartialEq + Default>(table: &[K], mut k: usize, key: K) -> Result<usize, usize> {
    loop {
        let s = table[k];
        if s == key {
            return Ok(k);
        }
        if s == K::default() {
            return Err(k);
        }
        k = (k + 1) & (table.len() - 1);
    }
}

/// A word of nine to sixteen bytes as two numbers: its first eight bytes,
/// and the rest as `pack` packs it (padded with 0xFF bytes, which no UTF-8
/// text holds, so that the length is in the value). `None` for other
/// lengths, and for a word whose first eight bytes are NUL (an empty slot
/// of `PackedSet::pairs`). The rest is read as the last eight bytes,
/// shifted down past the bytes of the first half: no branch on the length.
fn pack16(w: &[u8]) -> Option<[u64; 2]> {
    let n = w.len();
    let (first, last) = (w.first_chunk::<8>()?, w.last_chunk::<8>()?);
    if !(9..=16).contains(&n) {
        return None;
    }
    let lo = u64::from_le_bytes(*first);
    let rest = 8 * (n - 8) as u32;
    let hi = u64::from_le_bytes(*last) >> (64 - rest) | u64::MAX.unbounded_shl(rest);
    (lo != 0).then_some([lo, hi])
}

/// A word of one to eight bytes as a little-endian number, padded with
/// 0xFF bytes, which no UTF-8 text holds: two words pack alike only when
/// they are equal ("ab" and "ab\0" differ in their third byte).
fn pack(w: &[u8]) -> Option<u64> {
    let n = w.len();
    if n == 0 || n > 8 {
        return None;
    }
    let v = match w.first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight),
        None => keyindex::tail_le(w, n),
    };
    Some(v | u64::MAX.unbounded_shl(8 * n as u32))
}

/// A set of short strings from the keyword files, with a table of the
/// members' signatures (`signature`) in front: most words looked up (every
/// word of a name for demonyms, every token for titles) are in none of
/// these sets, and the signature turns them away before hashing.
#[derive(Debug, Default)]
pub struct WordSet {
    /// The words, each once, for `iter` and `len`, in the order of the
    /// hash set that removed the repeats (the order `iter` always had).
    words: Vec<&'static str>,
    packed: PackedSet,
    /// A bit per signature; `sig.len() * 64` is a power of two.
    sig: Vec<u64>,
    bits: u32,
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> WordSet {
        let set: HashSet<&'static str> = iter.into_iter().collect();
        let words: Vec<&'static str> = set.into_iter().collect();
        // About one bit in sixteen set: a non-member passes one time in
        // sixteen at most.
        let bits = (words.len() * 16)
            .next_power_of_two()
            .max(64)
            .trailing_zeros();
        let mut sig = vec![0u64; (1 << bits) / 64];
        for w in &words {
            let k = signature(w.as_bytes(), bits);
            sig[k / 64] |= 1 << (k % 64);
        }
        WordSet {
            packed: PackedSet::new(&words),
            words,
            sig,
            bits,
        }
    }
}

impl WordSet {
    pub fn contains(&self, w: &str) -> bool {
        if self.sig.is_empty() {
            return false;
        }
        let k = signature(w.as_bytes(), self.bits);
        self.sig[k / 64] >> (k % 64) & 1 == 1 && self.packed.contains(w)
    }

    /// `contains(w)` for a word whose `signature16` is `sig` (a token's,
    /// computed by the tokenizer).
    pub(crate) fn contains_sig(&self, w: &str, sig: u16) -> bool {
        if self.sig.is_empty() {
            return false;
        }
        let k = if self.bits <= 16 {
            signature_from16(sig, self.bits)
        } else {
            signature(w.as_bytes(), self.bits)
        };
        self.sig[k / 64] >> (k % 64) & 1 == 1 && self.packed.contains(w)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// All lookup tables.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub places: Table<Place>,
    pub orgs: Table<Org>,
    pub given: Table<Given>,
    pub demonyms: WordSet,
    /// Titles (`Foreign Minister`), as written in keywords.tsv.
    pub titles: WordSet,
    pub honorifics: WordSet,
    pub org_suffixes: WordSet,
    /// First word of the `org_head` phrases (`Ministry` of "Ministry of").
    pub org_heads: WordSet,
    /// Longest title in words.
    pub max_title_words: usize,
    /// Every prefix (at a char boundary) of the titles and honorifics: a
    /// phrase that is none cannot start a title, nor can any longer phrase
    /// that starts with it, so a title search stops at the first miss.
    pub title_prefixes: WordSet,
    /// The prefixes of `title_prefixes` that a title's first token can be:
    /// without a space, and ending the title or followed in it by no ASCII
    /// letter or digit (`Prime`, `Vice` of "Vice-President", `Dr` and
    /// `Dr.`). A word token never ends right before an ASCII letter or
    /// digit (the tokenizer takes those into the word), so a token that
    /// is another prefix (`Pri`) starts no title. About one prefix in six:
    /// its table of signatures is a few cache lines where that of all the
    /// prefixes (4 KB) missed the cache at most words it turned away.
    pub title_starts: WordSet,
    /// The heads `h` of titles `h of …` (`Minister` of "Minister of
    /// Defence"), one lookup instead of a scan of the titles.
    pub title_of_heads: WordSet,
}

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Gazetteer {
    pub fn load() -> Gazetteer {
        let mut demonyms: HashSet<&'static str> = HashSet::default();
        let mut titles: HashSet<&'static str> = HashSet::default();
        let mut honorifics: HashSet<&'static str> = HashSet::default();
        let mut org_suffixes: HashSet<&'static str> = HashSet::default();
        let mut org_heads: HashSet<&'static str> = HashSet::default();
        let mut max_title_words = 0;
        for r in rows(DEMONYMS) {
            demonyms.insert(r[0]);
        }
        for r in rows(KEYWORDS) {
            if r.len() < 2 {
                continue;
            }
            match r[1] {
                "title" => {
                    max_title_words = max_title_words.max(r[0].split(' ').count());
                    titles.insert(r[0]);
                }
                "honorific" => {
                    honorifics.insert(r[0]);
                }
                "org_suffix" => {
                    org_suffixes.insert(r[0]);
                }
                "org_head" => {
                    if let Some(w) = r[0].split(' ').next() {
                        org_heads.insert(w);
                    }
                }
                _ => {}
            }
        }
        let mut title_prefixes: HashSet<&'static str> = HashSet::default();
        let mut title_starts: HashSet<&'static str> = HashSet::default();
        for &t in titles.iter().chain(&honorifics) {
            for (k, _) in t.char_indices().skip(1) {
                title_prefixes.insert(&t[..k]);
                if can_start(t, k) {
                    title_starts.insert(&t[..k]);
                }
            }
            title_prefixes.insert(t);
            if !t.contains(' ') {
                title_starts.insert(t);
            }
        }
        let mut title_of_heads: HashSet<&'static str> = HashSet::default();
        for &t in &titles {
            // Every occurrence, overlapping ones too (`match_indices` skips
            // those).
            for k in 0..t.len() {
                if t.is_char_boundary(k) && t[k..].starts_with(" of ") {
                    title_of_heads.insert(&t[..k]);
                }
            }
        }
        Gazetteer {
            places: Table::new(&PLACE_ROWS),
            orgs: Table::new(&ORG_ROWS),
            given: Table::new(&GIVEN_ROWS),
            demonyms: demonyms.into_iter().collect(),
            titles: titles.into_iter().collect(),
            honorifics: honorifics.into_iter().collect(),
            org_suffixes: org_suffixes.into_iter().collect(),
            org_heads: org_heads.into_iter().collect(),
            max_title_words,
            title_prefixes: title_prefixes.into_iter().collect(),
            title_starts: title_starts.into_iter().collect(),
            title_of_heads: title_of_heads.into_iter().collect(),
        }
    }

    /// A given name usable as evidence for a person (not an English word, or
    /// a frequent name).
    pub fn is_given(&self, w: &str) -> bool {
        self.given.get(w).is_some_and(|g| !g.word || g.freq >= 9)
    }

    pub fn is_title(&self, phrase: &str) -> bool {
        self.titles.contains(phrase)
            || phrase
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase())
                .then(|| capitalize(phrase))
                .is_some_and(|p| self.titles.contains(p.as_str()))
    }

    /// A demonym or its plural (`Ukrainian`, `Ukrainians`).
    pub fn is_demonym(&self, w: &str) -> bool {
        self.is_demonym_sig(w, signature16(w.as_bytes()))
    }

    /// `is_demonym(w)` for a word whose `signature16` is `sig`.
    pub(crate) fn is_demonym_sig(&self, w: &str, sig: u16) -> bool {
        self.demonyms.contains_sig(w, sig)
            || w.strip_suffix('s')
                .is_some_and(|s| self.demonyms.contains(s))
    }
}

/// Whether the first `k` bytes of title `t` can be the text of its first
/// token (see `Gazetteer::title_starts`).
fn can_start(t: &str, k: usize) -> bool {
    !t[..k].contains(' ') && !t[k..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Upper-cases the first letter of every word (words are cut at single
/// spaces), into one string: a string per word and their join were four
/// allocations for a two-word title query.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, w) in s.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let mut c = w.chars();
        if let Some(f) = c.next() {
            out.extend(f.to_uppercase());
            out.push_str(c.as_str());
        }
    }
    out
}

/// `LISBON` → `Lisbon`, `NEW YORK` → `New York`.
pub fn title_case(s: &str) -> String {
    capitalize(&s.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `capitalize` as it was, a string per word joined: its oracle.
    fn capitalize_oracle(s: &str) -> String {
        s.split(' ')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn capitalize_edges() {
        for (s, want) in [
            ("", ""),
            (" ", " "),
            ("minister  of", "Minister  Of"),
            ("ßa élan", "SSa Élan"),
            ("ǆ x ", "Ǆ X "),
        ] {
            assert_eq!(capitalize(s), want, "{s:?}");
            assert_eq!(capitalize_oracle(s), want, "{s:?}");
        }
    }

    /// A remembered hit answers a key of the same slot exactly when the
    /// key equals its surface, whatever byte they differ at (in the head,
    /// past it, or in the length) and whatever their lengths.
    #[test]
    fn remembered_hit_answers_only_its_surface() {
        let hits: Hits<u32> = Hits::new();
        let text = "Abcdefghijklmnopqrstuvwx\u{e9}yz";
        for n in 0..=text.len() {
            let Some(surface) = text.get(..n) else {
                continue;
            };
            hits.put(
                Key {
                    hash: 7,
                    ..Key::new(surface)
                },
                surface,
                1,
            );
            let mut keys = vec![text.as_bytes()[..n].to_vec()];
            for k in 0..n {
                let mut other = surface.as_bytes().to_vec();
                other[k] ^= 0x20;
                keys.push(other);
            }
            keys.push([surface.as_bytes(), b"\0"].concat());
            keys.push(surface.as_bytes()[..n.saturating_sub(1)].to_vec());
            for bytes in keys {
                let Ok(w) = std::str::from_utf8(&bytes) else {
                    continue;
                };
                let key = Key {
                    hash: 7,
                    ..Key::new(w)
                };
                assert_eq!(
                    hits.get(key),
                    (w == surface).then_some(1),
                    "{surface:?} {w:?}"
                );
            }
        }
    }

    /// The column ends stored with each slot slice every surface's first row
    /// as splitting it at its tabs does, in all three indexed files.
    #[test]
    fn stored_column_ends_slice_first_rows_as_tabs_do() {
        for rows in [&PLACE_ROWS, &ORG_ROWS, &GIVEN_ROWS] {
            let mut seen = HashSet::default();
            for line in rows.text.lines().filter(|l| !l.starts_with('#')) {
                let columns: Vec<&str> = line.split('\t').collect();
                if !seen.insert(columns[0]) {
                    continue;
                }
                let key = Key::new(columns[0]);
                let (offset, ends) = rows.probe(key).expect("every surface is indexed");
                let r = Columns::new(&rows.text[offset as usize..], key.text.len(), ends);
                assert_eq!(
                    [r.column1(), r.column2(), r.last()],
                    [columns[1], columns[2], columns[columns.len() - 1]],
                    "{line:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn capitalize_agrees_with_joining_words(s in "[a ßéǆ\u{149}Z.-]{0,24}") {
            proptest::prop_assert_eq!(capitalize(&s), capitalize_oracle(&s));
        }

        /// The lower-case form's signature, made from the word's own
        /// bytes, is the signature of the lower-case form spelled out:
        /// capitals and other bytes at every place it reads, and lengths
        /// whose low byte is a capital's code (65 to 90) or not.
        #[test]
        fn lower_signatures_are_those_of_the_lowered_word(
            head in proptest::collection::vec(
                proptest::prop_oneof![0x40u8..0x5c, 0x60u8..0x7c, 0x80u8..=0xff], 0..=2),
            pad in proptest::prop_oneof![0usize..4, 60usize..95, 318usize..348],
            last in proptest::prop_oneof![0x40u8..0x5c, 0x60u8..0x7c, 0x80u8..=0xff],
            bits in 1u32..=16,
        ) {
            let mut w = head;
            w.extend(std::iter::repeat_n(b'q', pad));
            w.push(last);
            let lowered = w.to_ascii_lowercase();
            proptest::prop_assert_eq!(lower_signature(&w, bits), signature(&lowered, bits));
            proptest::prop_assert_eq!(
                signature16_and_lower(&w),
                (signature16(&w), signature16(&lowered))
            );
        }
    }
}
