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

use std::hash::BuildHasher;

use crate::fasthash::Map as HashMap;

use crate::extract::entities::canon::{push_norm_key, same_person_folded, translit_fold};
use crate::extract::entities::{initials, is_acronym};
use crate::model::{Article, EntityType};
use crate::print::SCHEMA_VERSION;

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

/// Folds article entities into corpus entities.
///
/// Lookups go through two indexes so that folding stays linear in the
/// number of article entities: every name and alias key points to the first
/// corpus entity that carries it, and people are bucketed by their folded
/// surname and its one-letter deletions (see `surname_buckets`).
#[derive(Debug, Default)]
pub struct EntityAggregator {
    articles: usize,
    /// The corpus entities, each with an empty `name` while folding: the
    /// corpus name is chosen from `names` when a report asks, and the name
    /// an item was created with is the first of its `names` (a copy here
    /// cost an allocation per item).
    items: Vec<CorpusEntity>,
    /// Keyed by the entity type's tag followed by the key (`type_tag`), so
    /// that a lookup borrows a `str` from `Scratch::keys` and only the keys
    /// that are inserted are allocated.
    by_key: HashMap<String, usize>,
    /// Keyed by the hashes of the buckets (`surname_bucket_hashes`): the
    /// place in `surname_links` of the bucket's newest person and the
    /// number of people in the bucket.
    by_surname: HashMap<u64, (usize, usize)>,
    /// The people of all surname buckets, each bucket a chain from its
    /// newest person: an item and the place of the bucket's next person
    /// (`NO_LINK` ends it). Most buckets hold one person, and a vector per
    /// bucket cost an allocation each.
    surname_links: Vec<(usize, usize)>,
    /// The folded surname of each item that is a person (empty for the
    /// others), for comparing names without folding them again.
    folds: Vec<String>,
    /// Mentions per article-level name, for each item, in order of first
    /// appearance (an item has a name or two: a list, searched in order,
    /// costs less than a map; `corpus_name` does not depend on the order).
    names: Vec<Vec<(String, usize)>>,
    /// For each type (`kind_slot`), every linking name seen so far mapped
    /// to the first item among those its keys point to. Keys are never
    /// re-pointed and all of a name's keys are in the index once the name
    /// has been folded, so that item is final: a name seen before (most
    /// names, in a corpus) skips computing and looking up its keys.
    seen: [HashMap<Box<str>, usize>; 3],
    scratch: Scratch,
}

/// Buffers reused from one article entity to the next.
#[derive(Debug, Default)]
struct Scratch {
    /// The entity's tagged keys, one after another.
    keys: String,
    /// Where each key sits in `keys`, in the order of `keys()`.
    ranges: Vec<std::ops::Range<usize>>,
    /// Indexes into `ranges` of the keys absent from the index.
    absent: Vec<usize>,
    /// A person's bucket hashes, the bucket being hashed, the candidates.
    buckets: Vec<u64>,
    bucket: String,
    candidates: Vec<usize>,
    /// The entity's linking names not seen before.
    fresh: Vec<Fresh>,
}

/// A linking name not seen before, while its entity is folded.
#[derive(Debug)]
struct Fresh {
    /// Its place among the entity's linking names (`linking_name`).
    name: usize,
    /// The range of its keys in `Scratch::ranges`.
    keys: std::ops::Range<usize>,
    /// The first item its keys point to.
    own: Option<usize>,
    /// Whether one of its keys is absent from the index.
    any_absent: bool,
}

/// One character per type, put before each key: the tag has a fixed length,
/// so tagged keys are equal exactly when type and key are.
fn type_tag(kind: EntityType) -> char {
    match kind {
        EntityType::Person => 'p',
        EntityType::Place => 'l',
        EntityType::Organization => 'o',
    }
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
    buf: &mut String,
    ranges: &mut Vec<std::ops::Range<usize>>,
) {
    let start = buf.len();
    buf.push(type_tag(kind));
    push_norm_key(buf, s);
    ranges.push(start..buf.len());
    if kind == EntityType::Organization {
        let acronym = if is_acronym(s) {
            Some(std::borrow::Cow::Borrowed(s))
        } else if !s.contains([' ', '-']) {
            // (Initials need two words at least.)
            None
        } else {
            initials(s)
                .filter(|a| a.chars().count() >= 2)
                .map(std::borrow::Cow::Owned)
        };
        if let Some(a) = acronym {
            let start = buf.len();
            buf.push(type_tag(kind));
            buf.push_str("acronym:");
            buf.push_str(&a);
            ranges.push(start..buf.len());
        }
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

/// Whether the linking name at place `n` (see [`linking_name`]) links:
/// an entity links to corpus entities by its name and aliases, except that
/// a person named in full does not link by a one-word alias (`Johnson` is
/// the surname of many people in a corpus; a bare surname joins a full
/// name only by the surname rule).
fn links(e: &crate::model::Entity, full_person: bool, n: usize) -> bool {
    !full_person || linking_name(e, n).contains(' ')
}

/// The name (place 0) or an alias (place `n`: alias `n - 1`) of `e`.
fn linking_name(e: &crate::model::Entity, n: usize) -> &str {
    match n {
        0 => &e.name,
        n => &e.aliases[n - 1],
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

/// The folded surname of a name (empty without one) and, in `out`, the
/// hashes of its [`surname_buckets`], built one by one in `buf`: the index
/// is keyed by hash so that no bucket string is allocated. Two buckets whose
/// hashes collide only make one candidate more, which `same_person_folded`
/// then judges.
fn surname_bucket_hashes(name: &str, buf: &mut String, out: &mut Vec<u64>) -> String {
    out.clear();
    let Some(last) = name.split_whitespace().last() else {
        return String::new();
    };
    let fold = translit_fold(last);
    let hash = |s: &str| foldhash::fast::FixedState::default().hash_one(s);
    out.push(hash(&fold));
    if (6..=64).contains(&fold.chars().count()) {
        // As in `surname_buckets`: one deletion per run of equal letters.
        let mut prev = None;
        for (k, c) in fold.char_indices() {
            if prev != Some(c) {
                buf.clear();
                buf.push_str(&fold[..k]);
                buf.push_str(&fold[k + c.len_utf8()..]);
                out.push(hash(buf));
            }
            prev = Some(c);
        }
    }
    fold
}

/// How many people one surname bucket holds: a corpus has a few variants of
/// a surname; the bound keeps hostile input linear.
const MAX_BUCKET: usize = 256;

/// The end of a chain in `EntityAggregator::surname_links`.
const NO_LINK: usize = usize::MAX;

/// Article-level entity names and their corpus names: a name belongs to the
/// first corpus entity that has it.
///
/// A report looks up a few names (speakers, event participants), so the
/// corpus name of an entity is only chosen when first asked for.
#[derive(Debug)]
pub struct CanonicalNames<'a> {
    agg: &'a EntityAggregator,
    /// The first item of each name.
    item: HashMap<&'a str, usize>,
    /// The corpus names chosen so far, by item.
    chosen: Vec<Option<String>>,
}

impl CanonicalNames<'_> {
    /// The corpus name of an article-level name, if an entity has it.
    pub fn get(&mut self, name: &str) -> Option<&str> {
        let &i = self.item.get(name)?;
        let agg = self.agg;
        let chosen =
            self.chosen[i].get_or_insert_with(|| corpus_name(agg.items[i].kind, &agg.names[i]));
        Some(chosen)
    }
}

/// The corpus name among the article-level names (see the module docs).
fn corpus_name(kind: EntityType, names: &[(String, usize)]) -> String {
    let words = |n: &str| {
        if kind == EntityType::Person {
            n.split_whitespace().count()
        } else {
            0
        }
    };
    names
        .iter()
        .max_by(|(a, ma), (b, mb)| {
            words(a)
                .cmp(&words(b))
                .then(ma.cmp(mb))
                .then(b.chars().count().cmp(&a.chars().count()))
                .then(b.cmp(a))
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default()
}

impl EntityAggregator {
    /// Folds one article's entities, taking them out of it: a new corpus
    /// entity takes its name, aliases and roles from the article entity
    /// instead of copies (the fold runs on the calling thread, which with
    /// `-j2` shares the machine with both workers).
    pub fn add(&mut self, a: &mut Article) {
        self.articles += 1;
        // Moved out once per article, not once per entity: a move copies
        // the whole struct and leaves a default one to drop.
        let mut scratch = std::mem::take(&mut self.scratch);
        for e in std::mem::take(&mut a.entities) {
            scratch.keys.clear();
            scratch.ranges.clear();
            scratch.absent.clear();
            scratch.fresh.clear();
            let min = |f: Option<usize>, i: usize| Some(f.map_or(i, |f| f.min(i)));
            let seen = &self.seen[kind_slot(e.kind)];
            let mut found = None;
            let full_person = e.kind == EntityType::Person && e.name.contains(' ');
            for n in (0..=e.aliases.len()).filter(|&n| links(&e, full_person, n)) {
                let s = linking_name(&e, n);
                if let Some(&i) = seen.get(s) {
                    found = min(found, i);
                    continue;
                }
                let first = scratch.ranges.len();
                push_keys(e.kind, s, &mut scratch.keys, &mut scratch.ranges);
                scratch.fresh.push(Fresh {
                    name: n,
                    keys: first..scratch.ranges.len(),
                    own: None,
                    any_absent: false,
                });
            }
            // Each key is hashed once here; only the absent ones are
            // inserted below.
            for f in &mut scratch.fresh {
                for n in f.keys.clone() {
                    match self.by_key.get(&scratch.keys[scratch.ranges[n].clone()]) {
                        Some(&i) => {
                            found = min(found, i);
                            f.own = min(f.own, i);
                        }
                        None => {
                            scratch.absent.push(n);
                            f.any_absent = true;
                        }
                    }
                }
            }
            // A person's surname buckets serve the lookup and, for a new
            // person, the index.
            let mut fold = None;
            if found.is_none() && e.kind == EntityType::Person {
                let f = fold.insert(surname_bucket_hashes(
                    &e.name,
                    &mut scratch.bucket,
                    &mut scratch.buckets,
                ));
                let cands = &mut scratch.candidates;
                cands.clear();
                for b in &scratch.buckets {
                    let mut link = self.by_surname.get(b).map_or(NO_LINK, |&(head, _)| head);
                    while let Some(&(item, next)) = self.surname_links.get(link) {
                        cands.push(item);
                        link = next;
                    }
                }
                cands.sort_unstable();
                cands.dedup();
                if !cands.is_empty() {
                    let words: Vec<&str> = e.name.split_whitespace().collect();
                    let mut same = cands.iter().copied().filter(|&i| {
                        same_person_folded(&words, f, &self.names[i][0].0, &self.folds[i])
                    });
                    if let (Some(i), None) = (same.next(), same.next()) {
                        found = Some(i);
                    }
                }
            }
            // A new entity is the next item. The indexes are updated
            // first, while the entity's names are still at hand.
            let i = found.unwrap_or(self.items.len());
            // Keys already present keep their first item. A name can yield
            // the same key twice (a name and an alias that differ only in
            // case); the first insertion wins, as with `entry`.
            for &n in &scratch.absent {
                let k = &scratch.keys[scratch.ranges[n].clone()];
                self.by_key.entry(k.to_string()).or_insert(i);
            }
            let seen = &mut self.seen[kind_slot(e.kind)];
            for f in &scratch.fresh {
                // An absent key now points to `i`.
                let first = if f.any_absent { min(f.own, i) } else { f.own };
                seen.insert(linking_name(&e, f.name).into(), first.unwrap_or(i));
            }
            match found {
                Some(i) => {
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
                }
                None => {
                    if e.kind == EntityType::Person {
                        let fold = fold.unwrap_or_else(|| {
                            surname_bucket_hashes(
                                &e.name,
                                &mut scratch.bucket,
                                &mut scratch.buckets,
                            )
                        });
                        self.folds.push(fold);
                        self.index_surname(i, &scratch.buckets);
                    } else {
                        self.folds.push(String::new());
                    }
                    self.items.push(CorpusEntity {
                        name: String::new(),
                        kind: e.kind,
                        mentions: e.mentions,
                        articles: 1,
                        aliases: e.aliases,
                        roles: e.roles,
                    });
                    self.names.push(vec![(e.name, e.mentions)]);
                }
            }
        }
        self.scratch = scratch;
    }

    /// Buckets a new person by surname. An item's name never changes once
    /// created, so this is done once per item, not once per mention.
    fn index_surname(&mut self, i: usize, buckets: &[u64]) {
        for &b in buckets {
            // `i` is new and the buckets of one name are distinct.
            let (head, len) = self.by_surname.entry(b).or_insert((NO_LINK, 0));
            if *len < MAX_BUCKET {
                self.surname_links.push((i, *head));
                *head = self.surname_links.len() - 1;
                *len += 1;
            }
        }
    }

    /// Article-level entity names mapped to their corpus names.
    pub fn canonical_names(&self) -> CanonicalNames<'_> {
        let mut item = HashMap::default();
        for (i, names) in self.names.iter().enumerate() {
            for (n, _) in names {
                item.entry(n.as_str()).or_insert(i);
            }
        }
        CanonicalNames {
            agg: self,
            item,
            chosen: vec![None; self.items.len()],
        }
    }

    /// The entities, most mentioned first, optionally of one type and cut
    /// to the first `top`.
    pub fn ranked(&self, kind: Option<EntityType>, top: Option<usize>) -> Vec<CorpusEntity> {
        let mut v: Vec<CorpusEntity> = self
            .items
            .iter()
            .zip(&self.names)
            .filter(|(c, _)| kind.is_none_or(|k| c.kind == k))
            .map(|(c, names)| CorpusEntity {
                name: corpus_name(c.kind, names),
                ..c.clone()
            })
            .collect();
        v.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then(b.articles.cmp(&a.articles))
                .then(a.kind.cmp(&b.kind))
                .then(a.name.cmp(&b.name))
        });
        if let Some(n) = top {
            v.truncate(n);
        }
        v
    }

    /// The first `top` entities of type `kind` in [`Self::ranked`] order.
    ///
    /// Only entities that can make the cut get a corpus name: the ranking
    /// is by mentions and articles first, so no entity below the `top`-th
    /// largest (mentions, articles) pair can, and the names, the costly
    /// part, are chosen for a handful of entities instead of all of them.
    pub fn top(&self, kind: EntityType, top: usize) -> Vec<CorpusEntity> {
        if top == 0 {
            return Vec::new();
        }
        let of_kind = || {
            self.items
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == kind)
        };
        let mut counts: Vec<(usize, usize)> =
            of_kind().map(|(_, c)| (c.mentions, c.articles)).collect();
        let threshold = if counts.len() > top {
            // Descending: the `top`-th largest pair lands at `top - 1`.
            *counts.select_nth_unstable_by(top - 1, |a, b| b.cmp(a)).1
        } else {
            (0, 0)
        };
        // (Ties on name keep the order of the items, as `ranked`'s stable
        // sort does.)
        let mut v: Vec<(usize, CorpusEntity)> = of_kind()
            .filter(|(_, c)| (c.mentions, c.articles) >= threshold)
            .map(|(i, c)| {
                let e = CorpusEntity {
                    name: corpus_name(c.kind, &self.names[i]),
                    ..c.clone()
                };
                (i, e)
            })
            .collect();
        v.sort_by(|(i, a), (j, b)| {
            b.mentions
                .cmp(&a.mentions)
                .then(b.articles.cmp(&a.articles))
                .then(a.name.cmp(&b.name))
                .then(i.cmp(j))
        });
        v.truncate(top);
        v.into_iter().map(|(_, e)| e).collect()
    }

    pub fn finish(
        self,
        skipped: usize,
        kind: Option<EntityType>,
        top: Option<usize>,
    ) -> EntityReport {
        EntityReport {
            version: SCHEMA_VERSION,
            articles: self.articles,
            skipped,
            entities: self.ranked(kind, top),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Entity;
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
        let (mut buf, mut ranges) = (String::new(), Vec::new());
        push_keys(kind, s, &mut buf, &mut ranges);
        ranges.into_iter().map(|r| buf[r].to_string()).collect()
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
            let (mut buf, mut hashes) = (String::new(), Vec::new());
            let fold = surname_bucket_hashes(&name, &mut buf, &mut hashes);
            let buckets = surname_buckets(&name);
            let hash = |s: &str| foldhash::fast::FixedState::default().hash_one(s);
            prop_assert_eq!(hashes, buckets.iter().map(|b| hash(b)).collect::<Vec<_>>());
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
                .map(|k| format!("{}{k}", type_tag(kind)))
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
            for kind in kinds {
                prop_assert_eq!(agg.top(kind, top), agg.ranked(Some(kind), Some(top)));
            }
        }
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
            entities: es,
            ..Article::default()
        }
    }

    #[test]
    fn merges_across_articles() {
        let mut agg = EntityAggregator::default();
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
        let mut agg = EntityAggregator::default();
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
        let mut agg = EntityAggregator::default();
        let mut a = article(vec![
            ent("Anna Brandt", EntityType::Person, &["Anna Brandt"]),
            ent("Otto Schneider", EntityType::Person, &["Otto Schneider"]),
            ent("Karl Schroeder", EntityType::Person, &["Karl Schroeder"]),
        ]);
        agg.add(&mut a);
        // The fold takes the entities.
        assert!(a.entities.is_empty());
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
        let mut agg = EntityAggregator::default();
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
