//! The `entities` report: article entities merged across the corpus.
//!
//! Two article entities are one corpus entity when they have the same type
//! and share a name or alias (case-insensitive; a person named in full is
//! not linked by a one-word alias), or, for people, when the names are
//! variants of one person by the in-article rules (similar surname,
//! compatible given name). A bare surname joins a full name only when
//! exactly one person in the corpus so far carries that surname. An
//! organization named by an acronym joins one whose name has those initials
//! (`G7` and `Group of Seven`).
//!
//! The corpus name of an entity is the article-level name used for the most
//! mentions; for people a name with more words wins first (a full name over
//! a bare surname); ties go to the shorter, then the first in code-point
//! order.

use schemars::JsonSchema;
use serde::Serialize;

use std::hash::{BuildHasher, Hasher};

use crate::extract::entities::canon::{
    first_and_last_word, given_name, is_name_separator, push_norm_key_bytes, push_translit_fold,
    same_person_given,
};
#[cfg(test)]
use crate::extract::entities::canon::{same_person_folded, translit_fold};
#[cfg(test)]
use crate::extract::entities::initials;
use crate::extract::entities::{is_acronym, push_initials};
use crate::model::{AliasForm, Article, EntityType};
use crate::print::SCHEMA_VERSION;

/// The leading entities of each type ([`EntityAggregator::top_each`]).
#[derive(Debug)]
pub struct TopEntities {
    pub people: Vec<CorpusEntity>,
    pub places: Vec<CorpusEntity>,
    pub organizations: Vec<CorpusEntity>,
}

/// One entity of the corpus.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct CorpusEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub mentions: usize,
    /// Articles that mention it.
    pub articles: usize,
    /// Surface forms, in order of first appearance in the corpus.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
}

/// The `entities` report.
#[derive(Serialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
pub struct EntityReport {
    pub version: u32,
    pub articles: usize,
    pub skipped: usize,
    /// By mentions (descending), then articles (descending), type, name.
    pub entities: Vec<CorpusEntity>,
}

/// "No item" in the per-string state of [`Strings`].
const NONE: u32 = u32::MAX;

/// The distinct strings of the fold (names, aliases, roles and lookup
/// keys), each stored once and known by a 32-bit id.
///
/// The fold runs on the calling thread beside the workers, over tables
/// larger than the caches: a string of an article entity is hashed and
/// looked up once, and from then on items hold, compare and deduplicate ids
/// instead of owned strings (an allocation and a string comparison each, on
/// memory that is mostly cold).
///
/// A string is a record in an arena: its length, what the fold knows about
/// it as a linking name, as a key, as an article-level name or as an alias
/// (`seen`, `key`, `named`, `alias`), then its text, so that a lookup that finds it reads two
/// cache lines, the table's slot and the record (a map to an id, a vector
/// of states and a text buffer read four).
/// The table is open-addressed and linear-probed; a slot holds the high
/// half of the string's hash next to its id, so a probe reads the record
/// only when the half-hashes agree, and the table grows without reading
/// the records (the home slot is the top bits of that half). The arena is
/// chunks that never move, so growing it copies nothing; the id is where
/// the record is.
#[derive(Debug, Default)]
struct Strings {
    /// `RECORD` bytes each: length, `seen`, `key`, `named` and `alias`
    /// (`u32`s),
    /// then the text, padded to four bytes. Chunks are `CHUNK` bytes, except
    /// that a record longer than that has a chunk of its own.
    chunks: Vec<Vec<u8>>,
    /// Empty (0) or the high half of the hash above the id plus one.
    slots: Table<u64>,
    /// A hash that tests make collide.
    #[cfg(test)]
    test_hash: Option<fn(&[u8]) -> u64>,
}

/// The bytes of an arena chunk. (A record's place in its chunk, in
/// four-byte words, takes the low `CHUNK_BITS` bits of its id.)
const CHUNK: usize = 1 << 16;
const CHUNK_BITS: u32 = 14;
const _: () = assert!(CHUNK >> 2 == 1 << CHUNK_BITS);

/// The bytes before a record's text: `len`, then `seen` (three), `key`,
/// `named` and `alias`.
const RECORD: usize = 28;
const LEN: usize = 0;
const SEEN: usize = 4;
const KEY: usize = 16;
const NAMED: usize = 20;
const ALIAS: usize = 24;

impl Strings {
    fn hash(&self, s: &[u8]) -> u64 {
        #[cfg(test)]
        if let Some(hash) = self.test_hash {
            return hash(s);
        }
        // The bytes alone: no length prefix, no end mark (the table compares
        // the bytes of strings whose tags agree).
        let mut h = foldhash::fast::FixedState::default().build_hasher();
        h.write(s);
        h.finish()
    }

    /// The chunk of record `id` and the place of its `field` in it.
    fn place(id: u32, field: usize) -> (usize, usize) {
        let at = ((id & ((1 << CHUNK_BITS) - 1)) as usize) << 2;
        ((id >> CHUNK_BITS) as usize, at + field)
    }

    fn word(&self, id: u32, field: usize) -> u32 {
        let (chunk, at) = Self::place(id, field);
        u32::from_ne_bytes(
            self.chunks[chunk][at..at + 4]
                .try_into()
                .expect("four bytes"),
        )
    }

    fn set_word(&mut self, id: u32, field: usize, v: u32) {
        let (chunk, at) = Self::place(id, field);
        self.chunks[chunk][at..at + 4].copy_from_slice(&v.to_ne_bytes());
    }

    fn bytes(&self, id: u32) -> &[u8] {
        let len = self.word(id, LEN) as usize;
        let (chunk, at) = Self::place(id, RECORD);
        &self.chunks[chunk][at..at + len]
    }

    fn str(&self, id: u32) -> &str {
        std::str::from_utf8(self.bytes(id)).expect("an interned string")
    }

    /// As a linking name of an entity of each type (`kind_slot`) already
    /// folded: the first item among those its keys point to. Keys are
    /// never re-pointed and all of a name's keys are in the index once the
    /// name has been folded, so that item is final: a name seen before
    /// (most names, in a corpus) skips computing and looking up its keys.
    fn seen(&self, id: u32, slot: usize) -> u32 {
        self.word(id, SEEN + 4 * slot)
    }

    fn set_seen(&mut self, id: u32, slot: usize, item: u32) {
        self.set_word(id, SEEN + 4 * slot, item);
    }

    /// As a tagged key (`push_keys`): the first item that has it.
    fn key(&self, id: u32) -> u32 {
        self.word(id, KEY)
    }

    fn set_key(&mut self, id: u32, item: u32) {
        self.set_word(id, KEY, item);
    }

    /// As an article-level name: the first item (the least index) that has
    /// it among its names, for [`CanonicalNames`].
    fn named(&self, id: u32) -> u32 {
        self.word(id, NAMED)
    }

    /// As an alias: the first item given it. An item never loses an alias,
    /// so when that item is the one folded into, it has the alias; when no
    /// item has it, neither has this one. Most aliases belong to one item,
    /// and a corpus entity collects many: this spares searching its list.
    fn alias(&self, id: u32) -> u32 {
        self.word(id, ALIAS)
    }

    /// Whether item `i`, whose aliases are `aliases`, lacks alias `id`;
    /// records `i` as its first item if it is the first to take it.
    fn lacks_alias(&mut self, id: u32, i: u32, aliases: &[u32]) -> bool {
        match self.alias(id) {
            NONE => {
                self.set_word(id, ALIAS, i);
                true
            }
            first => first != i && !aliases.contains(&id),
        }
    }

    /// Records that item `i` has the name `id`.
    fn name_item(&mut self, id: u32, i: u32) {
        let first = self.named(id).min(i);
        self.set_word(id, NAMED, first);
    }

    /// Where `s` is in the table, or the empty slot where it would go, and
    /// its tag.
    fn find(&self, s: &[u8]) -> (usize, u32) {
        let tag = (self.hash(s) >> 32) as u32;
        let i = self.slots.find(u64::from(tag) << 32, |slot| {
            (slot >> 32) as u32 == tag && self.bytes(slot as u32 - 1) == s
        });
        (i, tag)
    }

    /// The id of `s`, if it has one.
    fn get(&self, s: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = self.slots.at(self.find(s.as_bytes()).0);
        (slot != 0).then(|| slot as u32 - 1)
    }

    /// The id of `s`, given one if it has none.
    fn intern(&mut self, s: &str) -> u32 {
        self.intern_bytes(s.as_bytes())
    }

    /// The id of the UTF-8 text `s`, given one if it has none. (One hash
    /// and one probe: a new string takes the empty slot where the lookup
    /// ended.) Keys are built as bytes (`push_keys`).
    fn intern_bytes(&mut self, s: &[u8]) -> u32 {
        self.slots.reserve();
        let (i, tag) = self.find(s);
        let slot = self.slots.at(i);
        if slot != 0 {
            return slot as u32 - 1;
        }
        let id = self.push(s);
        self.slots
            .put(i, (u64::from(tag) << 32) | u64::from(id + 1));
        id
    }

    /// Appends the record of a new string; its id.
    fn push(&mut self, s: &[u8]) -> u32 {
        let (len, size) = Self::sizes(s);
        let (n, chunk) = self.chunk_for(size);
        let at = chunk.len();
        // One fill for the states (`NONE`, all ones) and the padding, then
        // the length and text over it: three appends and a resize each
        // checked the capacity, and cost 1.5 M of the fold's estimate.
        chunk.resize(at + size, 0xff);
        chunk[at..at + 4].copy_from_slice(&len.to_ne_bytes());
        chunk[at + RECORD..at + RECORD + s.len()].copy_from_slice(s);
        Self::id(n, at)
    }

    /// `push` as it was, appending each part: the oracle it is checked
    /// against.
    #[cfg(test)]
    fn push_appended(&mut self, s: &[u8]) -> u32 {
        let (len, size) = Self::sizes(s);
        let (n, chunk) = self.chunk_for(size);
        let at = chunk.len();
        chunk.extend_from_slice(&len.to_ne_bytes());
        chunk.extend_from_slice(&[0xff; RECORD - 4]);
        chunk.extend_from_slice(s);
        chunk.resize(at + size, 0);
        Self::id(n, at)
    }

    /// The length of `s` and the size of its record.
    fn sizes(s: &[u8]) -> (u32, usize) {
        // (A name is part of an article, whose text is under 4 GiB.)
        let len = u32::try_from(s.len()).expect("a name under 4 GiB");
        (len, (RECORD + s.len() + 3) & !3)
    }

    /// The chunk a record of `size` bytes goes into, and its number.
    fn chunk_for(&mut self, size: usize) -> (usize, &mut Vec<u8>) {
        if self.chunks.last().is_none_or(|c| c.len() + size > CHUNK) {
            self.chunks.push(Vec::with_capacity(size.max(CHUNK)));
        }
        let n = self.chunks.len() - 1;
        (n, &mut self.chunks[n])
    }

    /// The id of the record at `at` in chunk `n`.
    fn id(n: usize, at: usize) -> u32 {
        // `NONE` is all ones, and the last id stays clear of `u32::MAX` so
        // that a slot can hold it plus one.
        u32::try_from((n << CHUNK_BITS) | (at >> 2))
            .ok()
            .filter(|&id| id < u32::MAX)
            .expect("fewer than 16 GiB of distinct names")
    }
}

/// One corpus entity while folding: its strings as ids into [`Strings`].
/// The corpus name is chosen from its names when a report asks.
///
/// What the fold reads and writes of every item is here, in 56 bytes (one
/// cache line, where the lists and ranges made it 144 bytes and three):
/// an article entity that joins an item reads it cold, and the summary's
/// ranking reads all of them. The rarer parts are beside the items
/// (`EntityAggregator::more_names` and `lists`).
#[derive(Debug)]
struct Item {
    kind: EntityType,
    mentions: usize,
    articles: usize,
    /// The name the item was created with and its mentions: most articles
    /// name an entity as the first did.
    name: (u32, usize),
    /// Where the item's other article-level names are in
    /// `EntityAggregator::more_names`, or `NONE`.
    more: u32,
    /// For a person with a name, the folded surname and the given name
    /// ([`given_name`]) of that first name, back to back in
    /// `EntityAggregator::folds` from `fold_at` (`fold_len` and `given_len`
    /// bytes), and whether it is one word: what [`same_person_given`]
    /// reads, so that a comparison neither folds the name again nor reads
    /// its text.
    fold_at: u32,
    fold_len: u32,
    given_len: u32,
    single: bool,
    /// The last surname search (`EntityAggregator::searches`) that judged
    /// this person: a person sits in several buckets of a name.
    search: u32,
}

const _: () = assert!(std::mem::size_of::<Item>() <= 56);

impl Item {
    fn fold(&self) -> std::ops::Range<usize> {
        let at = self.fold_at as usize;
        at..at + self.fold_len as usize
    }

    fn given(&self) -> std::ops::Range<usize> {
        let at = self.fold().end;
        at..at + self.given_len as usize
    }
}

/// The surface forms of an item, in order of first appearance, and its
/// roles: kept only for the `entities` report
/// ([`EntityAggregator::with_lists`]).
#[derive(Debug, Default)]
struct Lists {
    aliases: Vec<u32>,
    roles: Vec<u32>,
}

/// The items in chunks that never move: one growing vector copied all of
/// them (mostly cold) at every doubling.
#[derive(Debug, Default)]
struct Items {
    /// Full chunks of `ITEMS_CHUNK` items, then the last, partly filled.
    chunks: Vec<Vec<Item>>,
    len: usize,
}

/// Items per chunk (small under test, so that tests cross chunks).
const ITEMS_CHUNK: usize = if cfg!(test) { 4 } else { 1024 };

impl Items {
    fn len(&self) -> usize {
        self.len
    }

    fn push(&mut self, item: Item) {
        if self.len.is_multiple_of(ITEMS_CHUNK) {
            self.chunks.push(Vec::with_capacity(ITEMS_CHUNK));
        }
        self.chunks.last_mut().expect("a chunk").push(item);
        self.len += 1;
    }

    /// The items in order of creation.
    fn iter(&self) -> impl Iterator<Item = &Item> {
        self.chunks.iter().flatten()
    }
}

impl std::ops::Index<usize> for Items {
    type Output = Item;
    fn index(&self, i: usize) -> &Item {
        &self.chunks[i / ITEMS_CHUNK][i % ITEMS_CHUNK]
    }
}

impl std::ops::IndexMut<usize> for Items {
    fn index_mut(&mut self, i: usize) -> &mut Item {
        &mut self.chunks[i / ITEMS_CHUNK][i % ITEMS_CHUNK]
    }
}

/// Folds article entities into corpus entities.
///
/// Lookups go through two indexes so that folding stays linear in the
/// number of article entities: every name and alias key points to the first
/// corpus entity that carries it, and people are bucketed by their folded
/// surname and its one-letter deletions (see `surname_buckets`).
///
/// Only the `entities` report prints the corpus entities' aliases and
/// roles ([`EntityAggregator::with_lists`]); the summary and the timeline
/// read names and counts, so by default an item keeps no alias or role
/// list, and an alias that does not link (see `links`) is not even
/// interned: no alias list searched and grown, no role interned, two
/// vectors less per item.
#[derive(Debug, Default)]
pub struct EntityAggregator {
    /// Whether items keep their aliases and roles.
    lists: bool,
    articles: usize,
    items: Items,
    /// Names, aliases, roles and keys; a key is stored with the entity
    /// type's tag before it (`type_tag`), so that one key is one string.
    strings: Strings,
    /// Keyed by the hashes of the buckets (`surname_bucket_hashes`): the
    /// place in `surname_links` of the bucket's newest person.
    by_surname: Buckets,
    /// The people of all surname buckets, each bucket a chain from its
    /// newest person: an item and the place of the bucket's next person
    /// (`NO_LINK` ends it). Most buckets hold one person, and a vector per
    /// bucket cost an allocation each.
    surname_links: Vec<(u32, u32)>,
    /// The folded surnames of the people, back to back (`Item::fold`).
    folds: String,
    /// Mentions per article-level name other than an item's first, in
    /// order of first appearance, for the items that have any (3 k of
    /// 13.7 k on news: an item has a name or two, and a list, searched in
    /// order, costs less than a map; `corpus_name` does not depend on the
    /// order).
    more_names: Vec<Vec<(u32, usize)>>,
    /// The items' lists, by item, when the aggregator keeps them.
    lists_of: Vec<Lists>,
    /// Surname searches so far, numbering them for `Item::search` (0 is
    /// none).
    searches: u32,
    /// Under test, searches take the form `namesake` replaced.
    #[cfg(test)]
    sorted_namesakes: bool,
    scratch: Scratch,
}

/// Buffers reused from one article entity to the next.
#[derive(Debug, Default)]
struct Scratch {
    /// The ids of the entity's aliases, in order, for the alias list
    /// only: without lists it stays empty.
    alias_ids: Vec<u32>,
    /// The entity's tagged keys, one after another.
    keys: Vec<u8>,
    /// An organization's initials, before they join `keys`.
    initials: String,
    /// Where each key sits in `keys`, in the order of `keys()`.
    ranges: Vec<std::ops::Range<usize>>,
    /// The ids of the keys that no item has yet.
    absent: Vec<u32>,
    /// The places (see [`linking_name`]) and ids of the entity's names
    /// that link.
    linking: Vec<(usize, u32)>,
    surname: SurnameScratch,
    /// The entity's linking names not seen before.
    fresh: Vec<Fresh>,
}

/// A person's folded surname, its bucket hashes, their slots in
/// `EntityAggregator::by_surname` and the prefix hashes of the fold
/// ([`surname_slots`]).
#[derive(Debug, Default)]
struct SurnameScratch {
    fold: String,
    buckets: Vec<u64>,
    slots: Vec<usize>,
    bucket: Vec<(u64, u64)>,
}

/// A linking name not seen before, while its entity is folded.
#[derive(Debug)]
struct Fresh {
    /// Its id.
    id: u32,
    /// The range of its keys in `Scratch::ranges`.
    keys: std::ops::Range<usize>,
    /// The first item its keys point to.
    own: Option<u32>,
    /// Whether one of its keys is absent from the index.
    any_absent: bool,
}

/// One character per type, put before each key: the tag has a fixed length,
/// so tagged keys are equal exactly when type and key are.
fn type_tag(kind: EntityType) -> u8 {
    match kind {
        EntityType::Person => b'p',
        EntityType::Place => b'l',
        EntityType::Organization => b'o',
    }
}

/// The order of [`EntityAggregator::ranked`]: most mentions first, then
/// most articles, then type and name.
fn rank_order(a: &CorpusEntity, b: &CorpusEntity) -> std::cmp::Ordering {
    b.mentions
        .cmp(&a.mentions)
        .then(b.articles.cmp(&a.articles))
        .then(a.kind.cmp(&b.kind))
        .then(a.name.cmp(&b.name))
}

/// The slot of a type in per-type arrays.
fn kind_slot(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Place => 1,
        EntityType::Organization => 2,
    }
}

/// Appends the tagged keys of `s` (see `keys`) to `buf`, recording where
/// each sits.
fn push_keys(
    kind: EntityType,
    s: &str,
    buf: &mut Vec<u8>,
    ranges: &mut Vec<std::ops::Range<usize>>,
    initials: &mut String,
) {
    let start = buf.len();
    buf.push(type_tag(kind));
    push_norm_key_bytes(buf, s);
    ranges.push(start..buf.len());
    if kind == EntityType::Organization {
        let acronym = if is_acronym(s) {
            s
        } else {
            initials.clear();
            // (A fast path: initials need two words at least, and most
            // names are one word.)
            let two = s.bytes().any(is_name_separator)
                && push_initials(initials, s)
                && initials.chars().count() >= 2;
            if !two {
                return;
            }
            initials
        };
        let start = buf.len();
        buf.push(type_tag(kind));
        buf.extend_from_slice(b"acronym:");
        buf.extend_from_slice(acronym.as_bytes());
        ranges.push(start..buf.len());
    }
}

/// Lookup keys of one name: the name itself and, for organizations, the
/// acronym it is or abbreviates. The index uses `push_keys`; this form is
/// kept to check it against.
#[cfg(test)]
fn keys(kind: EntityType, s: &str) -> Vec<String> {
    let mut out = vec![key(s)];
    if kind == EntityType::Organization {
        if is_acronym(s) {
            out.push(format!("acronym:{s}"));
        } else if let Some(a) = initials(s).filter(|a| a.chars().count() >= 2) {
            out.push(format!("acronym:{a}"));
        }
    }
    out
}

#[cfg(test)]
fn key(s: &str) -> String {
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    let mut k = s.to_lowercase();
    k.retain(|c| c != '.');
    k
}

/// Whether `alias`, an alias other than the name, links: an entity links
/// to corpus entities by its name and aliases, except that a person named
/// in full (`full_person`) does not link by a one-word alias (`Johnson` is
/// the surname of many people in a corpus; a bare surname joins a full
/// name only by the surname rule).
fn links(full_person: bool, alias: &str) -> bool {
    !full_person || alias.contains(' ')
}

/// The name (place 0) or an alias (place `n`: alias `n - 1`) of `e`.
fn linking_name(e: crate::model::EntityRef<'_>, n: usize) -> &str {
    match n {
        0 => e.name(),
        n => e.alias(n - 1),
    }
}

/// The buckets of a person's name, from its folded surname `f`: `f` itself
/// and, for surnames of six to 64 letters, `f` with each letter deleted.
/// Two surnames one edit apart share a bucket (a substitution deletes to
/// the same word, an insertion deletes to the other word), so a name is
/// only compared with names that can be its variants (`similar_surname`).
#[cfg(test)]
fn surname_buckets(name: &str) -> Vec<String> {
    let Some(last) = name.split_whitespace().last() else {
        return Vec::new();
    };
    let fold = translit_fold(last);
    // The fold itself goes first, in this slot.
    let mut out = vec![String::new()];
    if (6..=64).contains(&fold.chars().count()) {
        // Deleting the letter at `k` or at `j > k` gives one word exactly
        // when the letters from `k` to `j` are all the same: within a run of
        // equal letters only the first deletion is new.
        let mut prev = None;
        for (k, c) in fold.char_indices() {
            if prev != Some(c) {
                let mut d = String::with_capacity(fold.len() - c.len_utf8());
                d.push_str(&fold[..k]);
                d.push_str(&fold[k + c.len_utf8()..]);
                out.push(d);
            }
            prev = Some(c);
        }
    }
    // A deletion is shorter than the fold, so never equal to it.
    out[0] = fold;
    out
}

/// The folded surname of a name, from its last word `last` (none for a
/// name without words), in `fold` (empty without one: a buffer kept
/// across names, not a string each) and, in `out`, the hashes of its
/// [`surname_buckets`] (`bucket_hash`): the index is keyed by hash so that
/// no bucket string is built. (Not written straight into
/// `EntityAggregator::folds`: a fold with a letter pair rewrites and
/// re-validates its whole buffer.) The hash is a polynomial over
/// the bytes, so that each one-letter deletion's follows from the prefix
/// hashes of the fold (kept in `prefix`) in a few operations. Two buckets
/// whose hashes collide only make one candidate more, which
/// `canon::same_person_given` then judges.
fn surname_bucket_hashes(
    last: Option<&str>,
    fold: &mut String,
    prefix: &mut Vec<(u64, u64)>,
    out: &mut Vec<u64>,
) {
    out.clear();
    fold.clear();
    let Some(last) = last else {
        return;
    };
    push_translit_fold(fold, last);
    let (b, n) = (fold.as_bytes(), fold.len());
    if !(6..=64).contains(&fold.chars().count()) {
        out.push(bucket_hash(poly(b), n));
        return;
    }
    // `prefix[i]`: the polynomial of the first `i` bytes, and `POLY^i`.
    prefix.clear();
    let (mut h, mut pow) = (0u64, 1u64);
    prefix.push((h, pow));
    for &c in b {
        h = h.wrapping_mul(POLY).wrapping_add(u64::from(c) + 1);
        pow = pow.wrapping_mul(POLY);
        prefix.push((h, pow));
    }
    out.push(bucket_hash(h, n));
    // As in `surname_buckets`: one deletion per run of equal letters.
    // Without bytes `k..j` the polynomial is the whole's, `H(..n)`, plus
    // `(H(..k) - H(..j)) * POLY^(n-j)`.
    let mut prev = None;
    for (k, c) in fold.char_indices() {
        if prev != Some(c) {
            let j = k + c.len_utf8();
            let shift = prefix[n - j].1;
            let del = h.wrapping_add(prefix[k].0.wrapping_sub(prefix[j].0).wrapping_mul(shift));
            out.push(bucket_hash(del, n - (j - k)));
        }
        prev = Some(c);
    }
}

/// The surname buckets of a person's name, from its last word
/// (`surname_bucket_hashes`, into
/// `scratch`'s `fold` and `buckets`) and where each is or would go in
/// `index` (`slots`), with room made there for all of them: the lookup
/// reads the buckets, and a new person is then linked into the same slots
/// (`Buckets::link_at`) without a second search.
fn surname_slots(index: &mut Buckets, last: Option<&str>, scratch: &mut SurnameScratch) {
    surname_bucket_hashes(
        last,
        &mut scratch.fold,
        &mut scratch.bucket,
        &mut scratch.buckets,
    );
    scratch.slots.clear();
    if scratch.buckets.is_empty() {
        return;
    }
    index.reserve(scratch.buckets.len());
    scratch
        .slots
        .extend(scratch.buckets.iter().map(|&b| index.find(b)));
}

/// The odd multiplier of the bucket polynomial.
const POLY: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of a bucket string of `len` bytes whose polynomial (each byte
/// plus one, by powers of `POLY`) is `h`.
fn bucket_hash(h: u64, len: usize) -> u64 {
    foldhash::fast::FixedState::default().hash_one((h, len))
}

/// The polynomial of `bucket_hash`: each byte plus one, by powers of
/// `POLY`.
fn poly(b: &[u8]) -> u64 {
    b.iter().fold(0, |h, &c| {
        h.wrapping_mul(POLY).wrapping_add(u64::from(c) + 1)
    })
}

/// The hash of a bucket string, byte by byte: the tests' oracle.
#[cfg(test)]
fn bucket_hash_of(s: &str) -> u64 {
    bucket_hash(poly(s.as_bytes()), s.len())
}

/// How many people one surname bucket holds: a corpus has a few variants of
/// a surname; the bound keeps hostile input linear.
const MAX_BUCKET: usize = 256;

/// The surname buckets by their hashes, in a [`Table`] of `u64` slots as
/// the strings' are: a slot holds the high half of the bucket's hash (a
/// key is a hash already, `bucket_hash`, so neither a lookup nor growing
/// hashes it again) above the place of its newest person in
/// `surname_links` plus one (0 is an empty slot). Half the bytes of a slot
/// holding the whole hash, the head and the count: the table is read at
/// random, once per bucket of every person looked up, and the buckets of a
/// corpus outgrow the caches. Two buckets whose high halves agree are one
/// bucket, which only makes candidates more, as a collision of whole
/// hashes would.
#[derive(Debug, Default)]
struct Buckets {
    slots: Table<u64>,
    /// By place in `surname_links`: how many people the bucket held
    /// before that person (below `MAX_BUCKET`). A bucket's count is its
    /// head's plus one, so that a slot needs none.
    before: Vec<u8>,
}

const _: () = assert!(MAX_BUCKET <= u8::MAX as usize + 1);

impl Buckets {
    /// Where `key` is, or the empty slot where it would go.
    fn find(&self, key: u64) -> usize {
        self.slots.find(key, |s| s >> 32 == key >> 32)
    }

    /// The head and count of bucket `key`, if it has a person.
    #[cfg(test)]
    fn get(&self, key: u64) -> Option<(u32, u32)> {
        if self.slots.is_empty() {
            return None;
        }
        self.bucket_at(self.find(key))
    }

    /// The head and count of the bucket in slot `i`, if any.
    #[cfg(test)]
    fn bucket_at(&self, i: usize) -> Option<(u32, u32)> {
        let head = self.head_at(i)?;
        Some((head, u32::from(self.before[head as usize]) + 1))
    }

    /// The head of the bucket in slot `i`, if any.
    fn head_at(&self, i: usize) -> Option<u32> {
        let slot = self.slots.at(i);
        (slot != 0).then(|| slot as u32 - 1)
    }

    /// Makes room for `n` more buckets, so that the slots that `find`
    /// gives before they are linked stay theirs (no growing moves them).
    fn reserve(&mut self, n: usize) {
        self.slots.reserve_for(n);
    }

    /// Adds the person at place `at` to bucket `key` unless it is full
    /// (`MAX_BUCKET`); the place of the bucket's person before it
    /// (`NO_LINK` for the first), or `None` when full.
    #[cfg(test)]
    fn link(&mut self, key: u64, at: u32) -> Option<u32> {
        self.reserve(1);
        let i = self.find(key);
        self.link_at(i, key, at)
    }

    /// [`Buckets::link`] given where `find` put `key` since the last
    /// `reserve`: a new person's buckets were looked up just before, and
    /// are not searched again. Only the buckets linked in between were
    /// added, and they can have taken that slot if it was empty (two new
    /// buckets probe to the same empty slot), which sends the search on.
    /// (`at` is never `NO_LINK`.)
    fn link_at(&mut self, i: usize, key: u64, at: u32) -> Option<u32> {
        let slot = self.slots.at(i);
        let i = if slot != 0 && slot >> 32 != key >> 32 {
            self.find(key)
        } else {
            i
        };
        let head = self.head_at(i);
        let before = head.map_or(0, |h| usize::from(self.before[h as usize]) + 1);
        if before >= MAX_BUCKET {
            return None;
        }
        let place = at as usize;
        if self.before.len() <= place {
            self.before.resize(place + 1, 0);
        }
        // (Below `MAX_BUCKET`, so within a byte.)
        self.before[place] = before as u8;
        let slot = (key & !u64::from(u32::MAX)) | u64::from(at + 1);
        match head {
            None => self.slots.put(i, slot),
            Some(_) => *self.slots.at_mut(i) = slot,
        }
        Some(head.unwrap_or(NO_LINK))
    }
}

/// A slot of a [`Table`]: `EMPTY` or an entry whose hash, or at least its
/// high bits, `hash` gives.
trait Slot: Copy + PartialEq {
    const EMPTY: Self;
    fn hash(&self) -> u64;
}

impl Slot for u64 {
    const EMPTY: u64 = 0;
    /// (The tag, the high half of the string's or the bucket's hash.)
    fn hash(&self) -> u64 {
        self & !u64::from(u32::MAX)
    }
}

/// The open-addressed, linear-probed table of [`Strings`] and [`Buckets`]:
/// a slot holds what a probe compares (the high half of the hash), so
/// that a lookup reads one slot where a hash map reads its
/// control bytes and then its entry, and growing moves slots by their hash
/// without reading anything else. The home slot of a hash is its top bits.
#[derive(Debug, Default)]
struct Table<S> {
    /// A power of two long, at most three quarters full.
    slots: Vec<S>,
    len: usize,
}

impl<S: Slot> Table<S> {
    fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn at(&self, i: usize) -> S {
        self.slots[i]
    }

    fn at_mut(&mut self, i: usize) -> &mut S {
        &mut self.slots[i]
    }

    /// The first slot from the home of `hash` on that is empty or `is`.
    fn find(&self, hash: u64, is: impl Fn(S) -> bool) -> usize {
        let mask = self.slots.len() - 1;
        // (At least 1024 slots: the shift stays below 64.)
        let mut i = (hash >> (64 - self.slots.len().trailing_zeros())) as usize;
        while self.slots[i] != S::EMPTY && !is(self.slots[i]) {
            i = (i + 1) & mask;
        }
        i
    }

    /// Makes room for one more entry, before a `find` whose empty slot
    /// `put` fills.
    fn reserve(&mut self) {
        self.reserve_for(1);
    }

    /// Makes room for `n` more entries (at least one).
    #[inline]
    fn reserve_for(&mut self, n: usize) {
        if self.full_for(n) {
            self.grow_for(n);
        }
    }

    /// Whether `n` more entries (at least one) would leave the table more
    /// than three quarters full.
    fn full_for(&self, n: usize) -> bool {
        (self.len + n.max(1) - 1) * 4 >= self.slots.len() * 3
    }

    /// `reserve_for` once the table is full: rare, and out of line, so
    /// that the lookups of both tables inline the test alone.
    #[cold]
    #[inline(never)]
    fn grow_for(&mut self, n: usize) {
        while self.full_for(n) {
            let size = (self.slots.len() * GROWTH).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![S::EMPTY; size]);
            for slot in old.into_iter().filter(|&s| s != S::EMPTY) {
                let i = self.find(slot.hash(), |_| false);
                self.slots[i] = slot;
            }
        }
    }

    /// Fills the empty slot `i` that a `find` ended at.
    fn put(&mut self, i: usize, slot: S) {
        debug_assert!(self.slots[i] == S::EMPTY && slot != S::EMPTY);
        self.slots[i] = slot;
        self.len += 1;
    }
}

/// How many times larger a full [`Table`] grows. Growing moves every
/// slot, each to a place read at random: twice as large, the tables moved
/// about as many slots on the way as they end with; four times, a third
/// as many, and the sparser table makes a lookup's probes shorter. The
/// price is a table up to four times, not two, the room its entries need.
const GROWTH: usize = 4;

/// The end of a chain in `EntityAggregator::surname_links`.
const NO_LINK: u32 = u32::MAX;

/// The items of the chain of the surname bucket in slot `at`, by
/// `links` (`EntityAggregator::surname_links`).
fn chain<'s>(
    buckets: &'s Buckets,
    links: &'s [(u32, u32)],
    at: usize,
) -> impl Iterator<Item = u32> + 's {
    let head = buckets.head_at(at).unwrap_or(NO_LINK);
    std::iter::successors(links.get(head as usize), |&&(_, next)| {
        links.get(next as usize)
    })
    .map(|&(item, _)| item)
}

/// Article-level entity names and their corpus names: a name belongs to the
/// first corpus entity that has it.
///
/// A report looks up a few names (speakers, event participants), so the
/// corpus name of an entity is only chosen when first asked for.
#[derive(Debug)]
pub struct CanonicalNames<'a> {
    agg: &'a EntityAggregator,
    /// The corpus names chosen so far, by item.
    chosen: Vec<Option<String>>,
}

impl CanonicalNames<'_> {
    /// The corpus name of an article-level name, if an entity has it.
    pub fn get(&mut self, name: &str) -> Option<&str> {
        let i = self.agg.strings.named(self.agg.strings.get(name)?);
        if i == NONE {
            return None;
        }
        let agg = self.agg;
        let chosen = self.chosen[i as usize].get_or_insert_with(|| agg.corpus_name(i as usize));
        Some(chosen)
    }
}

/// The corpus name among the article-level names (see the module docs).
fn corpus_name<'a>(kind: EntityType, names: impl Iterator<Item = (&'a str, usize)>) -> String {
    let words = |n: &str| {
        if kind == EntityType::Person {
            n.split_whitespace().count()
        } else {
            0
        }
    };
    names
        .max_by(|(a, ma), (b, mb)| {
            words(a)
                .cmp(&words(b))
                .then(ma.cmp(mb))
                .then(b.chars().count().cmp(&a.chars().count()))
                .then(b.cmp(a))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}

impl EntityAggregator {
    /// An aggregator whose entities list their aliases and roles (by
    /// default both lists are left empty).
    pub fn with_lists() -> Self {
        Self {
            lists: true,
            ..Self::default()
        }
    }

    /// Folds one article's entities. It copies what it keeps and leaves
    /// the entities in `a`, for the thread that built them to free
    /// (`Pipeline::run_with`).
    pub fn add(&mut self, a: &mut Article) {
        self.articles += 1;
        // Moved out once per article, not once per entity: a move copies
        // the whole struct and leaves a default one to drop.
        let mut scratch = std::mem::take(&mut self.scratch);
        for e in &a.entities {
            let slot = kind_slot(e.kind());
            scratch.alias_ids.clear();
            scratch.keys.clear();
            scratch.ranges.clear();
            scratch.absent.clear();
            scratch.fresh.clear();
            scratch.linking.clear();
            let name = self.strings.intern(e.name());
            // (The name always links.)
            scratch.linking.push((0, name));
            // Whether a person is named in full, asked at the first alias
            // other than the name: most entities have none.
            let mut full_person = None;
            for (n, a) in (1..).zip(e.alias_forms()) {
                // The aliases are distinct, and one of them is most often
                // the name, known by its range: that one is not compared,
                // hashed or linked again (the name links already), and
                // only the alias list reads its place.
                let AliasForm::Other(s) = a else {
                    if self.lists {
                        scratch.alias_ids.push(name);
                    }
                    continue;
                };
                let full = *full_person.get_or_insert_with(|| {
                    e.kind() == EntityType::Person && e.name().contains(' ')
                });
                let link = links(full, s);
                if self.lists || link {
                    let id = self.strings.intern(s);
                    if self.lists {
                        scratch.alias_ids.push(id);
                    }
                    if link {
                        scratch.linking.push((n, id));
                    }
                }
            }
            let min = |f: Option<u32>, i: u32| Some(f.map_or(i, |f| f.min(i)));
            let mut found = None;
            for &(n, id) in &scratch.linking {
                let seen = self.strings.seen(id, slot);
                if seen != NONE {
                    found = min(found, seen);
                    continue;
                }
                // The name, which always links, is often one of the aliases
                // too (the aliases are distinct): its keys are computed once.
                if n > 0 && id == name {
                    continue;
                }
                let first = scratch.ranges.len();
                push_keys(
                    e.kind(),
                    linking_name(e, n),
                    &mut scratch.keys,
                    &mut scratch.ranges,
                    &mut scratch.initials,
                );
                scratch.fresh.push(Fresh {
                    id,
                    keys: first..scratch.ranges.len(),
                    own: None,
                    any_absent: false,
                });
            }
            // Each key is hashed once here; the absent ones are given
            // their item below.
            for f in &mut scratch.fresh {
                for n in f.keys.clone() {
                    let k = self
                        .strings
                        .intern_bytes(&scratch.keys[scratch.ranges[n].clone()]);
                    match self.strings.key(k) {
                        NONE => {
                            scratch.absent.push(k);
                            f.any_absent = true;
                        }
                        i => {
                            found = min(found, i);
                            f.own = min(f.own, i);
                        }
                    }
                }
            }
            // A person's surname buckets serve the lookup and, for a new
            // person, the index: `found` is only ever set, so a person
            // that ends up new passed here, and its given name is read
            // once for both.
            let mut given = None;
            if found.is_none() && e.kind() == EntityType::Person {
                let words = first_and_last_word(e.name());
                surname_slots(
                    &mut self.by_surname,
                    words.map(|w| w.1),
                    &mut scratch.surname,
                );
                given = words.map(given_name);
                // (A name without words has no buckets, so no candidates.)
                if let Some(ours) = given {
                    found = self.namesake(ours, &scratch.surname);
                }
            }
            // A new entity is the next item. The indexes are updated
            // first, while the entity's ids are still at hand.
            let new = u32::try_from(self.items.len()).expect("fewer than 2^32 entities");
            let i = found.unwrap_or(new);
            // Keys already present keep their first item. A name can yield
            // the same key twice (a name and an alias that differ only in
            // case); the first wins.
            for &k in &scratch.absent {
                if self.strings.key(k) == NONE {
                    self.strings.set_key(k, i);
                }
            }
            for f in &scratch.fresh {
                // An absent key now points to `i`.
                let first = if f.any_absent { min(f.own, i) } else { f.own };
                self.strings.set_seen(f.id, slot, first.unwrap_or(i));
            }
            let aliases = &scratch.alias_ids;
            match found {
                Some(i) => {
                    let c = &mut self.items[i as usize];
                    c.mentions += e.mentions();
                    c.articles += 1;
                    if self.lists {
                        let l = &mut self.lists_of[i as usize];
                        for &s in aliases {
                            if self.strings.lacks_alias(s, i, &l.aliases) {
                                l.aliases.push(s);
                            }
                        }
                        for r in e.roles() {
                            let r = self.strings.intern(r);
                            if !l.roles.contains(&r) {
                                l.roles.push(r);
                            }
                        }
                    }
                    if c.name.0 == name {
                        c.name.1 += e.mentions();
                    } else {
                        if c.more == NONE {
                            c.more = u32::try_from(self.more_names.len())
                                .expect("fewer than 2^32 entities");
                            self.more_names.push(Vec::new());
                        }
                        let more = &mut self.more_names[c.more as usize];
                        match more.iter_mut().find(|(n, _)| *n == name) {
                            Some((_, m)) => *m += e.mentions(),
                            None => {
                                more.push((name, e.mentions()));
                                self.strings.name_item(name, i);
                            }
                        }
                    }
                }
                None => {
                    let start = self.folds.len();
                    let (mut fold_end, mut single) = (start, false);
                    if e.kind() == EntityType::Person {
                        self.folds.push_str(&scratch.surname.fold);
                        fold_end = self.folds.len();
                        if let Some((given, one)) = given {
                            self.folds.push_str(given);
                            single = one;
                        }
                        self.index_surname(i, &scratch.surname.buckets, &scratch.surname.slots);
                    }
                    self.strings.name_item(name, i);
                    if self.lists {
                        for &s in aliases {
                            // (Distinct: the answer is known, only `i` is
                            // recorded.)
                            self.strings.lacks_alias(s, i, &[]);
                        }
                        let roles = e.roles().map(|r| self.strings.intern(r)).collect();
                        self.lists_of.push(Lists {
                            aliases: aliases.to_vec(),
                            roles,
                        });
                    }
                    let len = |r: std::ops::Range<usize>| {
                        u32::try_from(r.len()).expect("a name under 4 GiB")
                    };
                    self.items.push(Item {
                        kind: e.kind(),
                        mentions: e.mentions(),
                        articles: 1,
                        name: (name, e.mentions()),
                        more: NONE,
                        fold_at: u32::try_from(start).expect("under 4 GiB of surnames"),
                        fold_len: len(start..fold_end),
                        given_len: len(fold_end..self.folds.len()),
                        single,
                        search: 0,
                    });
                }
            }
        }
        self.scratch = scratch;
    }

    /// The one person already folded that can be the person named with
    /// given name `ours` and the surname buckets in `s` (see
    /// `surname_slots`), if exactly one can.
    ///
    /// The people are read from the buckets' chains as they come: one
    /// of the same surname sits in all the buckets the name has, and is
    /// judged once, marked with the search's number, instead of all the
    /// chains being collected, sorted and deduplicated first (3.5 entries
    /// per person judged on news). The search stops at the second person
    /// that can be it.
    fn namesake(&mut self, ours: (&str, bool), s: &SurnameScratch) -> Option<u32> {
        #[cfg(test)]
        if self.sorted_namesakes {
            return self.namesake_sorted(ours, s);
        }
        let search = self.next_search();
        let mut one = None;
        for &at in &s.slots {
            for i in chain(&self.by_surname, &self.surname_links, at) {
                let item = &mut self.items[i as usize];
                if item.search == search {
                    continue;
                }
                item.search = search;
                if self.can_be(i as usize, ours, s) {
                    if one.is_some() {
                        return None;
                    }
                    one = Some(i);
                }
            }
        }
        one
    }

    /// Whether item `i`, a person, can be the person named with given name
    /// `ours` and the surname of `s` ([`same_person_given`]).
    fn can_be(&self, i: usize, ours: (&str, bool), s: &SurnameScratch) -> bool {
        let item = &self.items[i];
        let theirs = (&self.folds[item.given()], item.single);
        same_person_given(ours, &s.fold, theirs, &self.folds[item.fold()])
    }

    /// The number of a new surname search. When the numbers run out the
    /// marks are cleared, so that no person seems judged already.
    fn next_search(&mut self) -> u32 {
        if self.searches == u32::MAX {
            for i in 0..self.items.len() {
                self.items[i].search = 0;
            }
            self.searches = 0;
        }
        self.searches += 1;
        self.searches
    }

    /// `namesake` as it was: every chain collected, sorted and
    /// deduplicated, then judged. The oracle it is checked against.
    #[cfg(test)]
    fn namesake_sorted(&self, ours: (&str, bool), s: &SurnameScratch) -> Option<u32> {
        let mut cands: Vec<usize> = (s.slots.iter())
            .flat_map(|&at| chain(&self.by_surname, &self.surname_links, at))
            .map(|i| i as usize)
            .collect();
        cands.sort_unstable();
        cands.dedup();
        let mut same = cands.iter().copied().filter(|&i| self.can_be(i, ours, s));
        match (same.next(), same.next()) {
            (Some(i), None) => Some(i as u32),
            _ => None,
        }
    }

    /// Buckets a new person by surname. An item's name never changes once
    /// created, so this is done once per item, not once per mention.
    /// `slots` are where `surname_slots` found the buckets.
    fn index_surname(&mut self, i: u32, buckets: &[u64], slots: &[usize]) {
        for (&b, &slot) in buckets.iter().zip(slots) {
            // (`NO_LINK` is never a place: the list stops short of it.)
            let at = u32::try_from(self.surname_links.len())
                .ok()
                .filter(|&at| at != NO_LINK)
                .expect("fewer than 2^32 surname links");
            // `i` is new and the buckets of one name are distinct.
            if let Some(next) = self.by_surname.link_at(slot, b, at) {
                self.surname_links.push((i, next));
            }
        }
    }

    /// Mentions per article-level name of `item`, in order of first
    /// appearance.
    fn names<'a>(&'a self, item: &'a Item) -> impl Iterator<Item = (u32, usize)> + 'a {
        let more = self
            .more_names
            .get(item.more as usize)
            .map_or(&[][..], Vec::as_slice);
        std::iter::once(item.name).chain(more.iter().copied())
    }

    /// The corpus name of item `i`.
    fn corpus_name(&self, i: usize) -> String {
        let item = &self.items[i];
        corpus_name(
            item.kind,
            self.names(item).map(|(n, m)| (self.strings.str(n), m)),
        )
    }

    /// Item `i` as a corpus entity.
    fn entity(&self, i: usize) -> CorpusEntity {
        let item = &self.items[i];
        let lists = self.lists_of.get(i);
        let strings = |ids: &[u32]| {
            ids.iter()
                .map(|&s| self.strings.str(s).to_string())
                .collect()
        };
        CorpusEntity {
            name: self.corpus_name(i),
            kind: item.kind,
            mentions: item.mentions,
            articles: item.articles,
            aliases: lists.map_or(Vec::new(), |l| strings(&l.aliases)),
            roles: lists.map_or(Vec::new(), |l| strings(&l.roles)),
        }
    }

    /// The entities in the order they were created, named.
    #[cfg(test)]
    fn entities(&self) -> Vec<CorpusEntity> {
        (0..self.items.len()).map(|i| self.entity(i)).collect()
    }

    /// Article-level entity names mapped to their corpus names.
    pub fn canonical_names(&self) -> CanonicalNames<'_> {
        CanonicalNames {
            agg: self,
            chosen: vec![None; self.items.len()],
        }
    }

    /// The entities, most mentioned first, optionally of one type and cut
    /// to the first `top`.
    pub fn ranked(&self, kind: Option<EntityType>, top: Option<usize>) -> Vec<CorpusEntity> {
        let mut v: Vec<CorpusEntity> = (0..self.items.len())
            .filter(|&i| kind.is_none_or(|k| self.items[i].kind == k))
            .map(|i| self.entity(i))
            .collect();
        v.sort_by(rank_order);
        if let Some(n) = top {
            v.truncate(n);
        }
        v
    }

    /// The first `top` entities of each type in [`Self::ranked`] order.
    ///
    /// Only entities that can make the cut get a corpus name: the ranking
    /// is by mentions and articles first, so no entity below the `top`-th
    /// largest (mentions, articles) pair of its type can, and the names,
    /// the costly part, are chosen for a handful of entities instead of all
    /// of them. The items, larger than the caches, are read in one pass for
    /// the three types, and only the ones that can still make the cut are
    /// listed: the `top` largest pairs seen so far are kept (`best`), and
    /// a pair below the least of them is below the final `top`-th largest
    /// too (that bound only rises). Listing every item wrote a vector as
    /// large as the items, grown by doubling, to select from.
    pub fn top_each(&self, top: usize) -> TopEntities {
        use std::cmp::Reverse;
        let mut counts: [Vec<(usize, usize, usize)>; 3] = Default::default();
        let mut best: [std::collections::BinaryHeap<Reverse<(usize, usize)>>; 3] =
            Default::default();
        if top > 0 {
            for (i, c) in self.items.iter().enumerate() {
                let slot = kind_slot(c.kind);
                let (pair, best) = ((c.mentions, c.articles), &mut best[slot]);
                if best.len() < top {
                    best.push(Reverse(pair));
                } else if let Some(mut least) = best.peek_mut()
                    && pair >= least.0
                {
                    // (An equal pair can make the cut in a tie, and
                    // leaves the largest pairs as they are.)
                    if pair > least.0 {
                        *least = Reverse(pair);
                    }
                } else {
                    continue;
                }
                counts[slot].push((pair.0, pair.1, i));
            }
        }
        let [people, places, organizations] = [0, 1, 2].map(|slot| {
            let mut counts = std::mem::take(&mut counts[slot]);
            // The `top`-th largest pair of the type, once it has `top`
            // items: every pair that can make the cut is at least that.
            if best[slot].len() == top
                && let Some(&Reverse(least)) = best[slot].peek()
            {
                counts.retain(|c| (c.0, c.1) >= least);
            }
            // (Ties on name keep the order of the items, as `ranked`'s
            // stable sort does.)
            let mut v: Vec<(usize, CorpusEntity)> = counts
                .iter()
                .map(|&(_, _, i)| (i, self.entity(i)))
                .collect();
            v.sort_by(|(i, a), (j, b)| rank_order(a, b).then(i.cmp(j)));
            v.truncate(top);
            v.into_iter().map(|(_, e)| e).collect()
        });
        TopEntities {
            people,
            places,
            organizations,
        }
    }

    pub fn finish(
        self,
        skipped: usize,
        kind: Option<EntityType>,
        top: Option<usize>,
    ) -> EntityReport {
        // (The report prints aliases and roles, which only an aggregator
        // made by `with_lists` keeps.)
        debug_assert!(
            self.lists,
            "an entity report from an aggregator without lists"
        );
        EntityReport {
            version: SCHEMA_VERSION,
            articles: self.articles,
            skipped,
            entities: self.ranked(kind, top),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Entity, Span};
    use proptest::prelude::*;

    /// `surname_buckets` as first written: every deletion, deduplicated by
    /// search.
    fn surname_buckets_reference(name: &str) -> Vec<String> {
        let Some(last) = name.split_whitespace().last() else {
            return Vec::new();
        };
        let fold: Vec<char> = translit_fold(last).chars().collect();
        let mut out = vec![fold.iter().collect::<String>()];
        if (6..=64).contains(&fold.len()) {
            for k in 0..fold.len() {
                let d: String = fold[..k].iter().chain(&fold[k + 1..]).collect();
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
        out
    }

    fn tagged_keys(kind: EntityType, s: &str) -> Vec<String> {
        let (mut buf, mut ranges) = (Vec::new(), Vec::new());
        push_keys(kind, s, &mut buf, &mut ranges, &mut "stale".to_string());
        // (Keys are UTF-8, as `Strings` takes them.)
        ranges
            .into_iter()
            .map(|r| String::from_utf8(buf[r].to_vec()).expect("a UTF-8 key"))
            .collect()
    }

    proptest! {
        #[test]
        fn surname_buckets_match_the_reference(
            name in "(?:[A-Za-z.' -]|[ÀÉÖüßçñ]|Σ|ſ|K){0,80}"
        ) {
            prop_assert_eq!(surname_buckets(&name), surname_buckets_reference(&name));
        }

        #[test]
        fn bucket_hashes_are_the_hashes_of_the_buckets(
            name in "(?:[A-Za-z.' -]|[ÀÉÖüßçñ]|Σ|ſ|K){0,80}"
        ) {
            let (mut fold, mut buf, mut hashes) = ("x".to_string(), Vec::new(), Vec::new());
            let last = first_and_last_word(&name).map(|w| w.1);
            surname_bucket_hashes(last, &mut fold, &mut buf, &mut hashes);
            let buckets = surname_buckets(&name);
            prop_assert_eq!(hashes, buckets.iter().map(|b| bucket_hash_of(b)).collect::<Vec<_>>());
            prop_assert_eq!(fold, buckets.first().cloned().unwrap_or_default());
        }

        #[test]
        fn pushed_keys_are_the_tagged_keys(
            s in "(?:[tT]he )?(?:[A-Za-z0-9.&' -]|[ÀÉÖüßçñ]|Σ|İ|ſ|K){0,40}",
            kind in prop_oneof![
                Just(EntityType::Person),
                Just(EntityType::Place),
                Just(EntityType::Organization),
            ],
        ) {
            let expected: Vec<String> = keys(kind, &s)
                .into_iter()
                .map(|k| format!("{}{k}", char::from(type_tag(kind))))
                .collect();
            prop_assert_eq!(tagged_keys(kind, &s), expected);
        }
    }

    proptest! {
        #[test]
        fn top_is_the_head_of_ranked(
            articles in prop::collection::vec(
                prop::collection::vec(
                    ("(?:Al|Bo|Cy) (?:Lee|Ray)|Lee|Ray|Rome|Oslo|UN|BBC", 0..3usize, 1..4usize),
                    0..6,
                ),
                0..8,
            ),
            top in 0..6usize,
        ) {
            let kinds = [EntityType::Person, EntityType::Place, EntityType::Organization];
            let mut agg = EntityAggregator::default();
            for es in &articles {
                let es = es
                    .iter()
                    .map(|(name, k, mentions)| Entity {
                        mentions: *mentions,
                        ..ent(name, kinds[*k], &[name.as_str()])
                    })
                    .collect();
                agg.add(&mut article(es));
            }
            let each = agg.top_each(top);
            let tops = [&each.people, &each.places, &each.organizations];
            for (kind, top_of_kind) in kinds.into_iter().zip(tops) {
                prop_assert_eq!(top_of_kind, &agg.ranked(Some(kind), Some(top)));
            }
        }
    }

    /// The fold as the module docs state it, with no cache of names seen
    /// and no bucket index: every key of every linking name is looked up,
    /// and the surname candidates are the people filed under one of the
    /// name's bucket strings. The reference the indexed fold is checked
    /// against.
    #[derive(Default)]
    struct Reference {
        articles: usize,
        items: Vec<CorpusEntity>,
        names: Vec<Vec<(String, usize)>>,
        by_key: std::collections::HashMap<String, usize>,
        buckets: std::collections::HashMap<String, Vec<usize>>,
    }

    impl Reference {
        fn add(&mut self, entities: &[Entity]) {
            self.articles += 1;
            for e in entities.iter().cloned() {
                let full = e.kind == EntityType::Person && e.name.contains(' ');
                let keys: Vec<String> = std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .filter(|s| !full || s.contains(' '))
                    .flat_map(|s| keys(e.kind, s))
                    .map(|k| format!("{}{k}", type_tag(e.kind)))
                    .collect();
                let mut found = keys
                    .iter()
                    .filter_map(|k| self.by_key.get(k))
                    .min()
                    .copied();
                let buckets = surname_buckets(&e.name);
                let fold = |b: &[String]| b.first().cloned().unwrap_or_default();
                if found.is_none() && e.kind == EntityType::Person {
                    let mut cands: Vec<usize> = buckets
                        .iter()
                        .filter_map(|b| self.buckets.get(b))
                        .flatten()
                        .copied()
                        .collect();
                    cands.sort_unstable();
                    cands.dedup();
                    let words: Vec<&str> = e.name.split_whitespace().collect();
                    let same: Vec<usize> = cands
                        .into_iter()
                        .filter(|&i| {
                            let first = &self.names[i][0].0;
                            let theirs = fold(&surname_buckets(first));
                            same_person_folded(&words, &fold(&buckets), first, &theirs)
                        })
                        .collect();
                    if same.len() == 1 {
                        found = Some(same[0]);
                    }
                }
                let i = found.unwrap_or(self.items.len());
                for k in keys {
                    self.by_key.entry(k).or_insert(i);
                }
                if found.is_some() {
                    let c = &mut self.items[i];
                    c.mentions += e.mentions;
                    c.articles += 1;
                    for s in e.aliases {
                        if !c.aliases.contains(&s) {
                            c.aliases.push(s);
                        }
                    }
                    for r in e.roles {
                        if !c.roles.contains(&r) {
                            c.roles.push(r);
                        }
                    }
                    match self.names[i].iter_mut().find(|(n, _)| *n == e.name) {
                        Some((_, m)) => *m += e.mentions,
                        None => self.names[i].push((e.name, e.mentions)),
                    }
                } else {
                    if e.kind == EntityType::Person {
                        for b in buckets {
                            let people = self.buckets.entry(b).or_default();
                            if people.len() < MAX_BUCKET {
                                people.push(i);
                            }
                        }
                    }
                    self.names.push(vec![(e.name.clone(), e.mentions)]);
                    self.items.push(CorpusEntity {
                        name: String::new(),
                        kind: e.kind,
                        mentions: e.mentions,
                        articles: 1,
                        aliases: e.aliases,
                        roles: e.roles,
                    });
                }
            }
        }

        /// The items in order, named.
        fn entities(&self) -> Vec<CorpusEntity> {
            self.items
                .iter()
                .zip(&self.names)
                .map(|(c, names)| CorpusEntity {
                    name: reference_corpus_name(c.kind, names),
                    ..c.clone()
                })
                .collect()
        }

        /// The corpus name of the first item with this article-level name.
        fn canonical(&self, name: &str) -> Option<String> {
            let i = self
                .names
                .iter()
                .position(|n| n.iter().any(|(n, _)| n == name))?;
            Some(reference_corpus_name(self.items[i].kind, &self.names[i]))
        }
    }

    /// The corpus name as the module docs state it: most words (people),
    /// most mentions, fewest chars, first in code-point order.
    fn reference_corpus_name(kind: EntityType, names: &[(String, usize)]) -> String {
        let mut v: Vec<&(String, usize)> = names.iter().collect();
        let words = |n: &str| match kind {
            EntityType::Person => n.split_whitespace().count(),
            _ => 0,
        };
        v.sort_by(|(a, ma), (b, mb)| {
            words(b)
                .cmp(&words(a))
                .then(mb.cmp(ma))
                .then(a.chars().count().cmp(&b.chars().count()))
                .then(a.cmp(b))
        });
        v.first().map(|(n, _)| n.clone()).unwrap_or_default()
    }

    /// Names that exercise every way of linking: case, a leading "the",
    /// dots, acronyms and initials, full names and bare surnames, surnames
    /// one letter apart, transliteration, non-ASCII.
    const VOCAB: &[&str] = &[
        "Ilse Wendlinger",
        "I. Wendlinger",
        "Wendlinger",
        "Wendlingen",
        "Otto Wendlinger",
        "Ilse Wendlingen",
        "Zoë Brandt",
        "Zoe Brandt",
        "Brandt",
        "brandt",
        "Dmitriy Sokolovskiy",
        "Dmitri Sokolovsky",
        "Sokolovsky",
        "Nordic Trade Union",
        "the Nordic Trade Union",
        "NTU",
        "N.T.U.",
        "Group of Seven",
        "G7",
        "Port Veldra",
        "port veldra",
        "Veldra",
        "Ångström Bay",
        "ÅNGSTRÖM BAY",
        "",
        "The Quorn",
    ];

    fn arb_entity() -> impl Strategy<Value = Entity> {
        arb_entity_over(VOCAB, 0..4, 0..3)
    }

    /// Entities named from `names`, with distinct aliases from `names`
    /// (as the extractor gives them), the name among them two times in
    /// three at any place (as most entities have it), roles in two
    /// spellings of case, any type, and one span per mention. Shared with
    /// the summary's tests.
    pub(crate) fn arb_entity_over(
        names: &'static [&'static str],
        aliases: std::ops::Range<usize>,
        roles: std::ops::Range<usize>,
    ) -> impl Strategy<Value = Entity> {
        let word = move || prop::sample::select(names);
        (
            (word(), any::<prop::sample::Index>(), 0..3usize),
            prop::collection::vec(word(), aliases),
            prop::collection::vec(
                prop::sample::select(&["envoy", "chair", "Envoy"][..]),
                roles,
            ),
            0..3usize,
            1..4usize,
        )
            .prop_map(|((name, at, named), mut aliases, roles, kind, mentions)| {
                let mut seen = Vec::new();
                aliases.retain(|a| {
                    let new = !seen.contains(a);
                    seen.push(*a);
                    new
                });
                if named > 0 && !aliases.contains(&name) {
                    aliases.insert(at.index(aliases.len() + 1), name);
                }
                let spans = vec![Span::new(0, mentions)];
                Entity::of_words(name, kind, aliases, roles, mentions, spans)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn the_fold_is_the_reference_fold(
            articles in prop::collection::vec(prop::collection::vec(arb_entity(), 0..6), 0..12)
        ) {
            let mut agg = EntityAggregator::with_lists();
            // The default fold keeps no lists and skips the aliases that
            // do not link: the same entities and names, without aliases or
            // roles.
            let mut bare = EntityAggregator::default();
            let mut reference = Reference::default();
            for es in &articles {
                reference.add(es);
                agg.add(&mut article(es.clone()));
                bare.add(&mut article(es.clone()));
            }
            prop_assert_eq!(agg.entities(), reference.entities());
            let listless: Vec<CorpusEntity> = reference
                .entities()
                .into_iter()
                .map(|e| CorpusEntity { aliases: vec![], roles: vec![], ..e })
                .collect();
            prop_assert_eq!(bare.entities(), listless);
            let (mut names, mut bare_names) = (agg.canonical_names(), bare.canonical_names());
            for name in VOCAB {
                let want = reference.canonical(name);
                prop_assert_eq!(names.get(name).map(str::to_string), want.clone());
                prop_assert_eq!(bare_names.get(name).map(str::to_string), want);
            }
            let mut want = reference.entities();
            want.sort_by(|a, b| {
                b.mentions
                    .cmp(&a.mentions)
                    .then(b.articles.cmp(&a.articles))
                    .then(a.kind.cmp(&b.kind))
                    .then(a.name.cmp(&b.name))
            });
            let report = agg.finish(0, None, None);
            prop_assert_eq!(report.articles, articles.len());
            prop_assert_eq!(report.entities, want);
        }
    }

    proptest! {
        #[test]
        fn namesakes_judged_once_are_the_sorted_namesakes(
            articles in prop::collection::vec(prop::collection::vec(arb_entity(), 0..6), 0..12)
        ) {
            let mut marked = EntityAggregator::default();
            let mut sorted = EntityAggregator {
                sorted_namesakes: true,
                ..EntityAggregator::default()
            };
            for es in &articles {
                marked.add(&mut article(es.clone()));
                sorted.add(&mut article(es.clone()));
            }
            prop_assert_eq!(marked.entities(), sorted.entities());
        }
    }

    #[test]
    fn search_numbers_start_again_with_no_person_judged() {
        let person = |name: &str| ent(name, EntityType::Person, &[name]);
        let mut agg = EntityAggregator::default();
        agg.add(&mut article(vec![person("Ilse Wendlinger")]));
        // Marked by a search whose number comes back after the wrap.
        agg.items[0].search = 1;
        agg.searches = u32::MAX;
        agg.add(&mut article(vec![person("I. Wendlinger")]));
        let e = agg.entities();
        assert_eq!((e.len(), e[0].mentions, e[0].articles), (1, 2, 2));
    }

    /// Interns `words` in order, setting a state of each after it is
    /// interned, and checks ids, texts and states against a map from the
    /// strings themselves.
    fn check_interning(
        strings: &mut Strings,
        words: &[(String, usize, u32)],
    ) -> Result<(), TestCaseError> {
        // The string → its id, `seen` and `key`.
        let mut want: std::collections::HashMap<&str, (u32, [u32; 3], u32)> =
            std::collections::HashMap::new();
        let mut ids = std::collections::HashSet::new();
        for (w, field, v) in words {
            prop_assert_eq!(strings.get(w), want.get(w.as_str()).map(|s| s.0));
            let id = strings.intern(w);
            if !want.contains_key(w.as_str()) {
                // A new string: an id no other string has.
                prop_assert!(ids.insert(id));
                want.insert(w, (id, [NONE; 3], NONE));
            }
            let state = want.get_mut(w.as_str()).expect("interned");
            prop_assert_eq!(id, state.0);
            match *field {
                3 => {
                    state.2 = *v;
                    strings.set_key(id, *v);
                }
                slot => {
                    state.1[slot] = *v;
                    strings.set_seen(id, slot, *v);
                }
            }
        }
        prop_assert_eq!(strings.slots.len, want.len());
        for (w, (id, seen, key)) in &want {
            prop_assert_eq!(strings.get(w), Some(*id));
            prop_assert_eq!(strings.str(*id), *w);
            prop_assert_eq!(strings.key(*id), *key);
            for (slot, &item) in seen.iter().enumerate() {
                prop_assert_eq!(strings.seen(*id, slot), item);
            }
        }
        Ok(())
    }

    fn interned_words(n: usize) -> impl Strategy<Value = Vec<(String, usize, u32)>> {
        prop::collection::vec(
            ("[a-f]{0,7}|é[ab]{0,2}|Ä|[a-z ]{20,60}", 0..4usize, 0..9u32),
            0..n,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Keys drawn from few high bits and a few bits of the high half's
        /// low end (a bucket is its hash's high half), so that most share a
        /// home slot or collide after growing; enough of them to
        /// grow the table twice. Checked against a map, after every step.
        #[test]
        fn surname_buckets_are_a_map(
            keys in prop::collection::vec((0..8u64, 0..64u64), 0..2000)
        ) {
            check_buckets(keys.into_iter().map(|(hi, lo)| hi << 61 | lo << 32))?;
        }
    }

    /// Links people to buckets `keys` in turn, checking each answer and
    /// then every bucket against a map.
    fn check_buckets(keys: impl Iterator<Item = u64>) -> Result<(), TestCaseError> {
        let mut buckets = Buckets::default();
        let mut want: std::collections::HashMap<u64, (u32, u32)> = std::collections::HashMap::new();
        for (n, key) in keys.enumerate() {
            prop_assert_eq!(buckets.get(key), want.get(&key).copied());
            let n = u32::try_from(n).expect("few keys");
            let w = want.entry(key).or_insert((NO_LINK, 0));
            let next = ((w.1 as usize) < MAX_BUCKET).then_some(w.0);
            prop_assert_eq!(buckets.link(key, n), next);
            if next.is_some() {
                *w = (n, w.1 + 1);
            }
        }
        for (&key, &v) in &want {
            prop_assert_eq!(buckets.get(key), Some(v));
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// As a new person is indexed: the distinct buckets of one name
        /// are all found first (after room is made for them), then linked
        /// into the slots found. Keys as in `surname_buckets_are_a_map`, so
        /// that two buckets of a name often find the same empty slot.
        #[test]
        fn buckets_linked_where_found_are_a_map(
            names in prop::collection::vec(
                prop::collection::btree_set((0..8u64, 0..64u64), 1..8), 0..300)
        ) {
            let mut buckets = Buckets::default();
            let mut want: std::collections::HashMap<u64, (u32, u32)> =
                std::collections::HashMap::new();
            let mut at = 0u32;
            for name in names {
                let keys: Vec<u64> = name.into_iter().map(|(hi, lo)| hi << 61 | lo << 32).collect();
                buckets.reserve(keys.len());
                let slots: Vec<usize> = keys.iter().map(|&k| buckets.find(k)).collect();
                for (&key, &slot) in keys.iter().zip(&slots) {
                    prop_assert_eq!(buckets.bucket_at(slot), want.get(&key).copied());
                }
                for (&key, slot) in keys.iter().zip(slots) {
                    let w = want.entry(key).or_insert((NO_LINK, 0));
                    let next = ((w.1 as usize) < MAX_BUCKET).then_some(w.0);
                    prop_assert_eq!(buckets.link_at(slot, key, at), next);
                    if next.is_some() {
                        *w = (at, w.1 + 1);
                    }
                    at += 1;
                }
            }
            for (&key, &v) in &want {
                prop_assert_eq!(buckets.get(key), Some(v));
            }
        }
    }

    /// A table grows only when more would leave it over three quarters
    /// full, and then fourfold.
    #[test]
    fn tables_grow_fourfold_when_full() {
        let mut t = Table::<u64>::default();
        for n in 1..=100_000u64 {
            let before = t.slots.len();
            t.reserve();
            let after = t.slots.len();
            if before != after {
                assert!(before == 0 || (t.len * 4 >= before * 3), "grew early");
                assert_eq!(after, (before * 4).max(1024), "grew by another factor");
            }
            let i = t.find(n << 40, |_| false);
            t.put(i, n << 40 | 1);
            assert!(t.len * 4 <= t.slots.len() * 3, "over three quarters full");
        }
        assert_eq!(t.slots.len(), 1024 << 8);
    }

    /// Two new buckets with one home slot find the same empty slot; the
    /// second, linked after the first took it, goes on to the next.
    #[test]
    fn a_bucket_whose_slot_was_taken_is_linked_further_on() {
        let mut buckets = Buckets::default();
        let (a, b) = (5 << 60 | 1 << 32, 5 << 60 | 2 << 32);
        buckets.reserve(2);
        let (sa, sb) = (buckets.find(a), buckets.find(b));
        assert_eq!(sa, sb);
        assert_eq!(buckets.link_at(sa, a, 10), Some(NO_LINK));
        assert_eq!(buckets.link_at(sb, b, 11), Some(NO_LINK));
        assert_eq!(buckets.get(a), Some((10, 1)));
        assert_eq!(buckets.get(b), Some((11, 1)));
    }

    #[test]
    fn a_full_bucket_takes_no_one_more() {
        let keys = (0..MAX_BUCKET as u64 + 5).flat_map(|n| [0, 7 << 60, n << 40]);
        check_buckets(keys).expect("a map");
    }

    #[test]
    fn items_are_found_across_chunks() {
        let mut agg = EntityAggregator::default();
        let names: Vec<String> = (0..3 * ITEMS_CHUNK + 1)
            .map(|i| format!("Orgname{i}"))
            .collect();
        for (i, n) in names.iter().enumerate() {
            let e = ent(n, EntityType::Organization, &[n]);
            agg.add(&mut article(vec![e.clone(); 1 + i % 2]));
        }
        let got = agg.entities();
        assert_eq!(got.len(), names.len());
        for (i, (e, n)) in got.iter().zip(&names).enumerate() {
            assert_eq!((&e.name, e.mentions), (n, 1 + i % 2));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Enough strings to grow the table and fill several chunks of the
        /// arena.
        #[test]
        fn interned_ids_and_states_are_those_of_the_strings(words in interned_words(4000)) {
            check_interning(&mut Strings::default(), &words)?;
        }

        /// Under hashes that collide all the time, by tag and home slot.
        #[test]
        fn interning_survives_colliding_hashes(words in interned_words(300), parity in any::<bool>()) {
            let mut strings = Strings {
                test_hash: Some(if parity {
                    |s: &[u8]| (s.len() as u64 % 2) << 63
                } else {
                    |_: &[u8]| 0
                }),
                ..Strings::default()
            };
            check_interning(&mut strings, &words)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Records written in one fill read as those appended part by
        /// part: the same ids, lengths, texts and states (`NONE`), across
        /// chunks.
        #[test]
        fn records_filled_are_records_appended(
            words in prop::collection::vec("[a-f]{0,7}|é[ab]{0,2}|[a-z ]{20,60}", 0..3000),
        ) {
            let (mut filled, mut appended) = (Strings::default(), Strings::default());
            for w in &words {
                let id = filled.push(w.as_bytes());
                prop_assert_eq!(id, appended.push_appended(w.as_bytes()));
                for s in [&filled, &appended] {
                    prop_assert_eq!(s.bytes(id), w.as_bytes());
                    let states = [SEEN, SEEN + 4, SEEN + 8, KEY, NAMED, ALIAS];
                    prop_assert!(states.iter().all(|&f| s.word(id, f) == NONE));
                }
            }
            prop_assert_eq!(filled.chunks.len(), appended.chunks.len());
        }
    }

    #[test]
    fn a_string_longer_than_a_chunk_has_a_chunk_of_its_own() {
        let long = "x".repeat(CHUNK + 3);
        let words: Vec<(String, usize, u32)> =
            ["", "ab", long.as_str(), "é", "", long.as_str(), "ab"]
                .iter()
                .enumerate()
                .map(|(i, w)| (w.to_string(), i % 4, i as u32))
                .collect();
        let mut strings = Strings::default();
        check_interning(&mut strings, &words).expect("interned");
        assert_eq!(strings.chunks.len(), 3);
    }

    #[test]
    fn runs_of_a_letter_give_one_bucket() {
        assert_eq!(
            surname_buckets("Jo Woolley"),
            surname_buckets_reference("Jo Woolley")
        );
        assert_eq!(
            tagged_keys(EntityType::Organization, "Group of Seven"),
            ["ogroup of seven", "oacronym:G7"]
        );
    }

    fn ent(name: &str, kind: EntityType, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: vec![],
            mentions: aliases.len(),
            spans: vec![],
        }
    }

    fn article(es: Vec<Entity>) -> Article {
        Article {
            entities: es.into(),
            ..Article::default()
        }
    }

    #[test]
    fn merges_across_articles() {
        let mut agg = EntityAggregator::with_lists();
        agg.add(&mut article(vec![ent(
            "Marek Kowalczyk",
            EntityType::Person,
            &["Marek Kowalczyk"],
        )]));
        agg.add(&mut article(vec![
            ent("Kowalczyk", EntityType::Person, &["Kowalczyk"]),
            ent("Kyiv", EntityType::Place, &["Kiev"]),
        ]));
        agg.add(&mut article(vec![ent(
            "Kyiv",
            EntityType::Place,
            &["Kyiv"],
        )]));
        let r = agg.finish(0, None, None);
        assert_eq!(r.entities.len(), 2);
        let p = r
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Person)
            .unwrap();
        assert_eq!(
            (p.name.as_str(), p.articles, p.mentions),
            ("Marek Kowalczyk", 2, 2)
        );
        let k = r
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Place)
            .unwrap();
        assert_eq!(k.aliases, ["Kiev", "Kyiv"]);
    }

    #[test]
    fn ambiguous_surname_stays_apart() {
        let mut agg = EntityAggregator::with_lists();
        agg.add(&mut article(vec![
            ent("Anna Brandt", EntityType::Person, &["Anna Brandt"]),
            ent("Otto Brandt", EntityType::Person, &["Otto Brandt"]),
        ]));
        agg.add(&mut article(vec![ent(
            "Brandt",
            EntityType::Person,
            &["Brandt"],
        )]));
        let r = agg.finish(0, Some(EntityType::Person), None);
        assert_eq!(r.entities.len(), 3);
    }

    #[test]
    fn a_surname_variant_finds_its_person_among_other_buckets() {
        let mut agg = EntityAggregator::with_lists();
        let mut a = article(vec![
            ent("Anna Brandt", EntityType::Person, &["Anna Brandt"]),
            ent("Otto Schneider", EntityType::Person, &["Otto Schneider"]),
            ent("Karl Schroeder", EntityType::Person, &["Karl Schroeder"]),
        ]);
        agg.add(&mut a);
        // The fold copies what it keeps and leaves the entities, for the
        // worker that built them to free.
        assert_eq!(a.entities.len(), 3);
        // One letter apart: the deletion buckets hold Schneider alone.
        agg.add(&mut article(vec![ent(
            "Otto Schnaider",
            EntityType::Person,
            &["Otto Schnaider"],
        )]));
        let r = agg.finish(0, Some(EntityType::Person), None);
        let mut got: Vec<(&str, usize)> = r
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.articles))
            .collect();
        got.sort_unstable();
        assert_eq!(
            got,
            [
                ("Anna Brandt", 1),
                ("Karl Schroeder", 1),
                // One mention each: the name first in code-point order.
                ("Otto Schnaider", 2)
            ]
        );
    }

    #[test]
    fn a_shared_surname_alias_does_not_merge_two_people() {
        let mut agg = EntityAggregator::with_lists();
        agg.add(&mut article(vec![ent(
            "Anna Brandt",
            EntityType::Person,
            &["Anna Brandt", "Brandt"],
        )]));
        agg.add(&mut article(vec![ent(
            "Otto Brandt",
            EntityType::Person,
            &["Otto Brandt", "Brandt"],
        )]));
        agg.add(&mut article(vec![ent(
            "Anna Brandt",
            EntityType::Person,
            &["Brandt", "Anna Brandt"],
        )]));
        let r = agg.finish(0, Some(EntityType::Person), None);
        let got: Vec<(&str, usize)> = r
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.articles))
            .collect();
        assert_eq!(got, [("Anna Brandt", 2), ("Otto Brandt", 1)]);
    }
}
