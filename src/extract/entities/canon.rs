//! Canonicalization inside one article: typing the single unknown words,
//! clustering mentions into entities and choosing each entity's name. The
//! rules are documented in `docs/entities.md`.

use std::cell::RefCell;
use std::ops::Range;

use crate::fasthash::{Map as HashMap, Set as HashSet};
use crate::spare;
use crate::swar;
use crate::uclass::is_ascii_space;

use super::gazetteer::Gazetteer;
use super::keyindex;
use super::{Hint, Initial, Mention, initial_of, initials, is_acronym};
#[cfg(test)]
use crate::model::Entity;
use crate::model::{Entities, EntityType};

mod ids;
#[cfg(test)]
mod oracle;

use ids::{KeptIds, StrIds};

thread_local! {
    /// The clustering's working vectors, kept across the articles of a
    /// thread: about thirty of them per article, allocated and grown anew,
    /// were a third of the clustering's allocations.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

#[cfg(test)]
pub(crate) fn cluster(mut ms: Vec<Mention>, gaz: &Gazetteer) -> Vec<Entity> {
    cluster_keeping(&mut ms, gaz).to_vec()
}

/// The entities of the mentions `ms`, which are left in any order (the
/// caller empties the vector and keeps its allocation).
pub(crate) fn cluster_keeping(ms: &mut Vec<Mention>, gaz: &Gazetteer) -> Entities {
    SCRATCH.with_borrow_mut(|scratch| {
        // The vectors grow with the mentions: after a huge text they are
        // let go, as `spare::keep` lets go of one kept vector (news
        // articles have hundreds of mentions).
        let huge = ms.len() > spare::MAX_KEPT_BYTES / 64;
        let entities = cluster_in(ms, gaz, scratch);
        if huge {
            *scratch = Scratch::default();
        }
        entities
    })
}

/// The working vectors of [`cluster_keeping`], empty between articles. Those of
/// borrowed items are kept as `'static` and lent to each article through
/// [`spare::keep`].
#[derive(Default)]
struct Scratch {
    surface_of: Vec<usize>,
    surface_ids: KeptIds,
    persons: PersonNames<'static>,
    hints: HintScratch,
    parent: Vec<usize>,
    classes: Classes,
    people: PeopleScratch,
    orgs: OrgScratch,
    collect: CollectScratch,
}

/// The kept mentions of each kind, listed by [`cluster_in`] as it drops
/// the unknown ones.
/// A company form that ends an organization's name: the listed
/// abbreviations ("Inc.", "Ltd") or the words written out.
fn company_form(w: &str) -> bool {
    super::COMPANY.contains(w) || matches!(w, "Company" | "Corporation")
}

#[derive(Default)]
struct Classes {
    /// The people, in index order.
    people: Vec<usize>,
    /// The organizations and places (neither people nor "the alliance").
    orgs: Vec<usize>,
}

/// The vectors that collect the clusters and order the entities.
#[derive(Default)]
struct CollectScratch {
    slot: Vec<usize>,
    bounds: Vec<usize>,
    cluster_of: Vec<usize>,
    members: Vec<usize>,
    clusters: Vec<&'static [usize]>,
    order: Vec<(u64, &'static str, usize)>,
    alias_of: Vec<usize>,
}

/// `v` cleared and filled with `n` copies of `x`, on its kept allocation.
fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

/// Whether `m` is "the alliance" (`Ctx::descriptive`), whose canonical
/// name is [`super::ALLIANCE_MARKER`]. Asked of every mention
/// where the types are mixed: the kind and the length are tested without
/// a branch between them (comparing the `Option`s tested the kind alone
/// first, which a fifth of the mentions pass), the bytes only read for a
/// canonical name of the marker's length.
#[inline]
fn alliance(m: &Mention) -> bool {
    use super::ALLIANCE_MARKER as MARKER;
    let maybe = (m.note_kind == super::NoteKind::Canonical) & (m.note.len() == MARKER.len());
    maybe && m.note == MARKER
}

/// The first `n` elements of `v`, which keeps what the last article left
/// (it is only grown): for the vectors whose elements are all written
/// before they are read, which [`refill`] filled for nothing (a `memset`
/// call each, a dozen an article).
fn room(v: &mut Vec<usize>, n: usize) -> &mut [usize] {
    if v.len() < n {
        v.resize(n, 0);
    }
    let v = &mut v[..n];
    // Under test what the last article left is junk that no index holds,
    // so that reading an element before writing it fails at once, even
    // where a stale value would give the same output.
    #[cfg(test)]
    v.fill(POISON);
    v
}

/// The junk of [`room`] under test: no index, and not the `usize::MAX`
/// that marks "none".
#[cfg(test)]
const POISON: usize = usize::MAX / 2 + 0x5eed;

fn cluster_in(ms: &mut Vec<Mention>, gaz: &Gazetteer, scratch: &mut Scratch) -> Entities {
    let mut surfaces = Surfaces::new(
        ms,
        std::mem::take(&mut scratch.surface_of),
        &mut scratch.surface_ids,
    );
    let mut persons = PersonNames::new_in(&mut scratch.persons);
    resolve_unknowns(ms, &mut surfaces, &mut persons, gaz, &mut scratch.hints);
    // `ms.retain(keep)`, the surface numbers following the mentions they
    // number, in one pass without a branch on `keep` (which of the words
    // stay unknown is unpredictable): the kept mentions are `ms[..w]`, and
    // every mention is copied to `w`, which moves on past a kept one (a
    // mention is `Copy`, and a copy moves half the bytes of a swap). The
    // same pass lists the kept people and organizations the same way: the
    // types are mixed, and each rule filtering all mentions by type
    // mispredicted.
    // (On slices of one length taken before the loop: indexing the vectors
    // in it reloaded their pointers and lengths from the stack each step.)
    let n = ms.len();
    let Classes { people, orgs } = &mut scratch.classes;
    let (people, orgs) = (room(people, n), room(orgs, n));
    let all = &mut ms[..n];
    let of = &mut surfaces.of[..n];
    let (mut w, mut np, mut no, mut any_alliance) = (0, 0, 0, false);
    for r in 0..n {
        let m = all[r];
        let is_alliance = alliance(&m);
        let kept = m.hint != Hint::Unknown || is_alliance;
        let person = m.hint == Hint::Known(EntityType::Person);
        all[w] = m;
        of[w] = of[r];
        people[np] = w;
        orgs[no] = w;
        np += usize::from(kept & person);
        no += usize::from(kept & !person & !is_alliance);
        any_alliance |= is_alliance;
        w += usize::from(kept);
    }
    ms.truncate(w);
    surfaces.of.truncate(w);
    let (people, orgs) = (&mut people[..np], &orgs[..no]);
    let n = ms.len();
    let mut uf = UnionFind::new_in(std::mem::take(&mut scratch.parent), n);

    // (The detection sorts mentions by position: the rules that need them
    // in text order sort them only when they are not.)
    let in_text_order = ms.is_sorted_by_key(|m| m.span.start);
    union_people(
        ms,
        in_text_order,
        people,
        &surfaces,
        &mut persons,
        &mut uf,
        &mut scratch.people,
    );
    union_organizations(ms, orgs, &surfaces, &mut uf, gaz, &mut scratch.orgs);

    let CollectScratch {
        slot,
        bounds,
        cluster_of,
        members,
        clusters: kept_clusters,
        order: kept_order,
        alias_of,
    } = &mut scratch.collect;
    // Collect clusters, in the order of their first mention index (a root
    // is its set's smallest index), then by first position: the members of
    // each cluster one after another in `members`, cluster `c` being
    // `members[bounds[c]..bounds[c + 1]]` (one vector per cluster cost more
    // than the rest of the collection).
    // (Declared before the slices that may borrow them.)
    let mut sorted_members: Vec<Vec<usize>>;
    let with_alliance: Vec<usize>;
    refill(slot, n, usize::MAX);
    refill(cluster_of, n, usize::MAX);
    uf.flatten();
    // Cluster `c` counts its members at `bounds[c + 1]`, and `bounds[0]` is
    // the first start. Whether a mention opens a cluster is as
    // unpredictable as which mentions were united: the cluster number is
    // picked and the count started without a branch on it (the count
    // masked to zero, whatever the last article left there).
    let bounds = room(bounds, n + 1);
    bounds[0] = 0;
    let mut found = 0;
    for i in 0..n {
        // (Rare: most articles test no mention.)
        if any_alliance && alliance(&ms[i]) {
            continue;
        }
        let r = uf.parent[i];
        let opens = slot[r] == usize::MAX;
        let c = if opens { found } else { slot[r] };
        slot[r] = c;
        found += usize::from(opens);
        cluster_of[i] = c;
        bounds[c + 1] = (bounds[c + 1] & usize::from(opens).wrapping_sub(1)) + 1;
    }
    let bounds = &mut bounds[..found + 1];
    // Counts to starts (then each start moves on as its members are placed,
    // ending at the next cluster's start).
    let mut at = 0;
    for b in &mut bounds[1..] {
        let count = *b;
        *b = at;
        at += count;
    }
    let members = room(members, at);
    for (i, &c) in cluster_of.iter().enumerate() {
        if c != usize::MAX {
            members[bounds[c + 1]] = i;
            bounds[c + 1] += 1;
        }
    }
    let members = &*members;
    let mut clusters: Vec<&[usize]> = spare::keep(std::mem::take(kept_clusters));
    clusters.extend(bounds.windows(2).map(|w| &members[w[0]..w[1]]));
    // Members are in index order, and the mentions come sorted by position
    // (the detection sorts them), so each cluster is in text order and the
    // clusters in order of their first positions, as the sorts below would
    // leave them.
    if !in_text_order {
        sorted_members = clusters.iter().map(|c| c.to_vec()).collect();
        for c in &mut sorted_members {
            c.sort_by_key(|&i| ms[i].span.start);
        }
        sorted_members.sort_by_key(|c| ms[c[0]].span.start);
        clusters = sorted_members.iter().map(Vec::as_slice).collect();
    }

    // "the alliance" → the one alliance-type organization of the article.
    let is_alliance = |c: &[usize]| {
        c.iter().any(|&i| {
            let m = &ms[i];
            [Some(m.surface), m.canonical()].iter().flatten().any(|s| {
                s.split([' ', '-'])
                    .any(|w| w == "Alliance" || w == "Treaty")
                    || gaz.orgs.get(s).is_some_and(|o| o.kind.contains("alliance"))
            })
        })
    };
    // Only needed when the article says "the alliance", and only whether
    // there is exactly one (each test may look names up in the gazetteer).
    let alliances: Vec<usize> = if any_alliance {
        (0..clusters.len())
            .filter(|&c| is_alliance(clusters[c]))
            .take(2)
            .collect()
    } else {
        Vec::new()
    };
    if alliances.len() == 1 {
        let c = alliances[0];
        let mut joined = clusters[c].to_vec();
        joined.extend((0..n).filter(|&i| alliance(&ms[i])));
        joined.sort_by_key(|&i| ms[i].span.start);
        with_alliance = joined;
        clusters[c] = &with_alliance;
    }

    // By type and name, which are slices of the mentions: the clusters are
    // ordered by them before any entity is built, and the entities built in
    // that order (sorting numbers by the names of built entities, then
    // taking each out of a vector of options, cost more than the building).
    // The number breaks ties as the stable sort did.
    let mut order: Vec<(u64, &str, usize)> = spare::keep(std::mem::take(kept_order));
    let counts = WordCounts {
        of: &surfaces.of,
        people: &persons,
    };
    order.extend(clusters.iter().enumerate().map(|(k, c)| {
        let (kind, name) = kind_and_name(ms, c, &counts);
        (order_key(kind, name), name, k)
    }));
    order.sort_unstable();
    // The entity that last took each surface as an alias.
    refill(alias_of, surfaces.len(), usize::MAX);
    // Two clusters with one name and type: merge.
    let mut merged = Entities::reused();
    // The aliases of the last merged entity, for linear-time dedup; built
    // when a second cluster joins it (rare), not for every entity.
    let mut seen: Option<HashSet<String>> = None;
    // The last entity has the type and name of the cluster before (made by
    // it, or by an earlier one it joined), whose key and name are at hand:
    // the keys tell most neighbours apart without reading the entity's
    // name back.
    let mut last: Option<(u64, &str)> = None;
    for &(key, name, k) in &order {
        let kind = kind_of_key(key);
        let number = (k, &surfaces.of[..], &mut alias_of[..]);
        if last.is_some_and(|(lk, ln)| lk == key && ln == name) {
            merge_into_last(&mut merged, &mut seen, ms, clusters[k], number);
            continue;
        }
        last = Some((key, name));
        seen = None;
        entity(&mut merged, ms, clusters[k], number, (kind, name));
    }
    *kept_order = spare::keep(order);
    *kept_clusters = spare::keep(clusters);
    scratch.surface_of = surfaces.of;
    surfaces.ids.keep(&mut scratch.surface_ids);
    persons.keep(&mut scratch.persons);
    scratch.parent = uf.parent;
    merged
}

/// The words and the folded surname of each person surface, worked out at
/// its first use (most people are named several times) by the typing of
/// unknown words or by [`union_people`], whichever comes first, and read by
/// both and by the naming: the typing's surname index and the person groups
/// point into one buffer of folds instead of folding and copying the
/// surnames again.
#[derive(Default)]
struct PersonNames<'a> {
    /// The words of the surfaces, one after another.
    words: Vec<&'a str>,
    /// The folded surnames, one after another (past them, for a moment, the
    /// fold of a word asked about).
    folds: String,
    /// By surface number, where its facts are in `facts` ([`NO_FACTS`] for
    /// a surface not worked out): four bytes a surface to fill for every
    /// article, where an array of optional facts by surface wrote 56.
    slot: Vec<u32>,
    /// In the order worked out.
    facts: Vec<PersonFacts>,
}

/// The [`PersonNames::slot`] of a surface not worked out.
const NO_FACTS: u32 = u32::MAX;

/// What [`PersonNames`] keeps of a person surface.
#[derive(Clone)]
struct PersonFacts {
    /// A range of [`PersonNames::words`].
    words: Range<usize>,
    /// The last word folded.
    surname: Surname,
}

impl<'a> PersonNames<'a> {
    /// Empty, on the vectors of `kept` ([`PersonNames::size`] before use).
    fn new_in(kept: &mut PersonNames<'static>) -> PersonNames<'a> {
        let mut folds = std::mem::take(&mut kept.folds);
        folds.clear();
        PersonNames {
            words: spare::keep(std::mem::take(&mut kept.words)),
            folds,
            slot: std::mem::take(&mut kept.slot),
            facts: spare::keep(std::mem::take(&mut kept.facts)),
        }
    }

    /// Room for the facts of `surfaces` surfaces, none worked out.
    fn size(&mut self, surfaces: usize) {
        refill(&mut self.slot, surfaces, NO_FACTS);
        self.facts.clear();
    }

    fn keep(self, kept: &mut PersonNames<'static>) {
        kept.words = spare::keep(self.words);
        kept.folds = spare::keep_string(self.folds);
        kept.slot = spare::keep(self.slot);
        kept.facts = spare::keep(self.facts);
    }

    /// The facts of surface number `id`, written `surface`.
    // (Inlined: most calls are for a surface worked out before, and the
    // call to the whole of it cost more than the test.)
    #[inline]
    fn of(&mut self, id: usize, surface: &'a str) -> &PersonFacts {
        if self.slot[id] == NO_FACTS {
            self.work_out(id, surface);
        }
        self.get(id)
    }

    /// Splits and folds the surface numbered `id` for [`PersonNames::of`].
    #[inline(never)]
    fn work_out(&mut self, id: usize, surface: &'a str) {
        let PersonNames {
            words,
            folds,
            slot,
            facts,
        } = self;
        let start = words.len();
        push_words(words, surface);
        let fold_start = folds.len();
        if let Some(last) = words[start..].last() {
            push_translit_fold(folds, last);
        }
        slot[id] = u32::try_from(facts.len()).expect("fewer than 2^32 surfaces in an article");
        facts.push(PersonFacts {
            words: start..words.len(),
            surname: Surname::of_fold(folds, fold_start),
        });
    }

    /// The facts of a surface already worked out.
    fn get(&self, id: usize) -> &PersonFacts {
        self.known(id).expect("facts of every person surface")
    }

    /// The facts of surface number `id`, if worked out.
    fn known(&self, id: usize) -> Option<&PersonFacts> {
        let at = *self.slot.get(id)?;
        // (`NO_FACTS` is past the end of `facts`.)
        self.facts.get(at as usize)
    }

    fn fold(&self, s: &Surname) -> &str {
        &self.folds[s.fold.clone()]
    }
}

/// The entity order, by type and name, as one number: the type, then the
/// first seven bytes of the name (zero after a shorter name). A smaller key
/// is a smaller (type, name); equal keys leave the names to compare. Sorted
/// by (key, name, number), most comparisons are one of integers, where
/// comparing names was a `memcmp` call each.
fn order_key(kind: EntityType, name: &str) -> u64 {
    // (The bytes in reading order from the top: the first byte's place is
    // the little-endian head's last.)
    (kind as u64) << 56 | head7_le(name.as_bytes()).swap_bytes() >> 8
}

/// The first seven bytes of `b` (all of it when shorter) as a
/// little-endian number, zero past its end: a word read and masked, or
/// the short key's overlapping reads (`keyindex::tail_le`). Shifted in a
/// byte at a time, the loop's exit was mispredicted on names of every
/// length.
#[inline(always)]
fn head7_le(b: &[u8]) -> u64 {
    match b.first_chunk::<8>() {
        Some(w) => u64::from_le_bytes(*w) & (u64::MAX >> 8),
        None if b.is_empty() => 0,
        None => keyindex::tail_le(b, b.len()),
    }
}

/// The type that [`order_key`] put in a key.
fn kind_of_key(key: u64) -> EntityType {
    match key >> 56 {
        0 => EntityType::Person,
        1 => EntityType::Place,
        2 => EntityType::Organization,
        // `order_key` writes a type's number there, and there are three.
        _ => unreachable!("an order key holds a type"),
    }
}

/// The working vectors of [`union_people`].
#[derive(Default)]
struct PeopleScratch {
    groups: Vec<PersonGroup>,
    starts: GroupStarts,
    index: SurnameIndex,
    order: Vec<usize>,
    singles: Vec<usize>,
    group_of: Vec<usize>,
    found: Vec<usize>,
    sole: Vec<SoleMatch>,
}

/// The one group a one-word person surface matched at its last mention
/// (or made), and how many groups there were then. A repeated surname
/// ("Quellin" after "Marta Quellin") matches the same groups again as
/// long as no group has been made since (a group's representative never
/// changes, and the surname index only grows with new groups), so its
/// candidates are not looked up and compared again: most single words
/// are repeated, and the lookups and name comparisons were a third of the
/// person clustering. (A surname that matched several groups picks one by
/// position each time: not kept.)
#[derive(Clone, Copy)]
struct SoleMatch {
    groups: u32,
    group: u32,
}

impl SoleMatch {
    /// No match kept (no article has this many groups).
    const NONE: SoleMatch = SoleMatch {
        groups: u32::MAX,
        group: 0,
    };

    /// The group kept, if the groups are still `groups`.
    fn get(self, groups: usize) -> Option<usize> {
        (self.groups as usize == groups).then_some(self.group as usize)
    }

    fn new(groups: usize, group: usize) -> SoleMatch {
        let number = |x: usize| u32::try_from(x).expect("fewer than 2^32 mentions in an article");
        SoleMatch {
            groups: number(groups),
            group: number(group),
        }
    }
}

/// Unites the mentions of one person.
fn union_people<'a>(
    ms: &[Mention<'a>],
    in_text_order: bool,
    people: &mut [usize],
    surfaces: &Surfaces,
    persons: &mut PersonNames<'a>,
    uf: &mut UnionFind,
    scratch: &mut PeopleScratch,
) {
    let n = ms.len();
    let PeopleScratch {
        groups,
        starts,
        index,
        order,
        singles,
        group_of,
        found,
        sole,
    } = scratch;
    // Persons: full names first, then single words. Each mention is
    // compared only with the groups whose representative's surname can be
    // similar (same folded surname, or same first three folded letters),
    // found through `SurnameIndex`, so the work stays linear in the number
    // of mentions.
    // (Sized for every mention: growing them cost more than the space.)
    groups.clear();
    groups.reserve(n);
    starts.clear();
    starts.full.reserve(n);
    starts.singles.reserve(n);
    index.clear();
    index.entries.reserve(n);
    // Single words after full names, each in text order (the index last:
    // the same order as a stable sort by the first two). The people are
    // listed in text order (as the detection leaves them; sorted here
    // otherwise), and the full names and the single words go apart without
    // a branch on which (a sort by (single, start, index) mispredicted on
    // every comparison).
    if !in_text_order {
        people.sort_unstable_by_key(|&i| (ms[i].span.start, i));
    }
    let (order, singles) = (room(order, people.len()), room(singles, people.len()));
    let (mut full_n, mut single_n) = (0, 0);
    for &i in people.iter() {
        let single = persons.of(surfaces.of[i], ms[i].surface).words.len() == 1;
        order[full_n] = i;
        singles[single_n] = i;
        full_n += usize::from(!single);
        single_n += usize::from(single);
    }
    order[full_n..].copy_from_slice(&singles[..single_n]);
    let order = &*order;
    // The group the first mention of each full name joined.
    refill(group_of, surfaces.len(), usize::MAX);
    found.clear();
    refill(sole, surfaces.len(), SoleMatch::NONE);
    for &i in order.iter() {
        let id = surfaces.of[i];
        let PersonFacts {
            words: word_range,
            surname,
        } = persons.get(id).clone();
        let words = &persons.words[word_range.clone()];
        let start = ms[i].span.start;
        // A full name written before joins the group its first mention
        // joined: the groups that matched then match again (a group never
        // changes), and the groups made since come after it in the list.
        // (Only while the index is a list: past it, the capped maps may
        // leave a group out.)
        if words.len() > 1 && group_of[id] != usize::MAX && index.maps.is_none() {
            let g = group_of[id];
            uf.union(groups[g].rep, i);
            starts.add(g, start, false);
            continue;
        }
        found.clear();
        let single = words.len() == 1;
        let kept = sole[id].get(groups.len()).filter(|_| single);
        if kept.is_none() && !words.is_empty() {
            // (Sliced here, where it is compared: a full name written
            // before, or a single word settled before, never reads it.)
            let fold = persons.fold(&surname);
            index.candidates(&persons.folds, &surname, found);
            found.retain(|&g| {
                // (The representative's words were split at its first
                // mention: a group only gets candidates when it has some.)
                let rep = &persons.words[groups[g].words.clone()];
                same_person_words(words, fold, rep, &persons.folds[groups[g].fold.clone()])
            });
        }
        let target = kept.or_else(|| match found.len() {
            0 => None,
            1 => Some(found[0]),
            _ if words.len() > 1 => Some(found[0]),
            // An ambiguous surname: the person mentioned last before it,
            // else the first one after it.
            _ => found
                .iter()
                .copied()
                .filter_map(|g| starts.last_before(g, start).map(|s| (s, g)))
                .max()
                .map(|x| x.1)
                .or(Some(found[0])),
        });
        let g = match target {
            Some(g) => {
                uf.union(groups[g].rep, i);
                starts.add(g, start, single);
                g
            }
            None => {
                let g = groups.len();
                if !words.is_empty() {
                    index.add(&persons.folds, &surname, g);
                }
                groups.push(PersonGroup {
                    rep: i,
                    words: word_range,
                    fold: surname.fold,
                });
                starts.add(g, start, single);
                g
            }
        };
        if group_of[id] == usize::MAX {
            group_of[id] = g;
        }
        // The one group that matches now: the one found, or the one just
        // made (no other matched, so no earlier one does).
        if single && found.len() <= 1 {
            sole[id] = SoleMatch::new(groups.len(), g);
        }
    }
}

/// The working vectors of [`union_organizations`].
#[derive(Default)]
struct OrgScratch {
    last_of: Vec<usize>,
    next_same: Vec<usize>,
    /// The separators of the names ([`scan_name`]), kept at the longest
    /// length an article needed (only what an article writes is read).
    seps: Vec<usize>,
    name_seps: Vec<Range<usize>>,
    /// The organizations (as indices of `orgs`) whose names have
    /// separators, each surface once.
    separated: Vec<usize>,
    acronyms: Vec<std::borrow::Cow<'static, str>>,
    by_head: Vec<(&'static str, usize)>,
    keys: Vec<u8>,
    ranges: Vec<(Range<usize>, usize)>,
    equal_keys: KeyScratch,
    lower: String,
    words: Vec<Range<usize>>,
}

/// Unites the organization and place mentions that name one thing.
fn union_organizations(
    ms: &[Mention],
    orgs: &[usize],
    surfaces: &Surfaces,
    uf: &mut UnionFind,
    gaz: &Gazetteer,
    scratch: &mut OrgScratch,
) {
    let n = ms.len();
    let OrgScratch {
        last_of,
        next_same,
        seps,
        name_seps,
        separated,
        acronyms: kept_acronyms,
        by_head: kept_by_head,
        keys,
        ranges,
        equal_keys,
        lower,
        words,
    } = scratch;
    // Organizations and places (`orgs`): union by shared key. The keys of
    // all mentions go into one buffer first, so that the map borrows them
    // instead of owning a string per key.
    // The mentions of each surface: the last by surface number, each
    // chained to the one before it through `next_same` (no list allocated
    // per surface). The same pass gathers what the rules need of each
    // surface's first mention: whether it is an acronym, and where its
    // words break (`name_seps[k]`, the separators of `orgs[k]` in `seps`,
    // empty for a surface written before).
    refill(last_of, surfaces.len(), usize::MAX);
    // (Written for every organization before it is read.)
    let next_same = room(next_same, n);
    name_seps.clear();
    name_seps.reserve(orgs.len());
    let mut used = 0;
    // The acronyms of the article, without dots, sorted for lookups.
    let mut acronyms: Vec<std::borrow::Cow<str>> = spare::keep(std::mem::take(kept_acronyms));
    // Alliance heads ("North Atlantic" of "North Atlantic Alliance"),
    // sorted for binary searches (rare: most articles have none).
    let mut by_head: Vec<(&str, usize)> = spare::keep(std::mem::take(kept_by_head));
    // The lengths and last bytes of the surfaces, so that most word
    // prefixes of the prefix rule below, which name nothing, are not
    // looked up.
    let mut org_ends = Ends::default();
    // (Listed without a branch on whether a name has separators: each
    // index is written, and kept if it has.)
    let separated = room(separated, orgs.len());
    let mut separated_len = 0;
    // (`keys` is not sized: kept across articles, it soon holds the keys of
    // the longest article, and summing the surfaces to size it cost more
    // than its rare growth.)
    keys.clear();
    ranges.clear();
    ranges.reserve(n + n / 2);
    // The keys of each mention are pushed in the same pass: only the
    // initials need the article's acronyms, all of them, and they are
    // pushed after it. (Equal keys are united whatever their order: the
    // sets are the same.)
    for (k, &i) in orgs.iter().enumerate() {
        let m = &ms[i];
        let mut push_norm = |s: &str| push_key(keys, ranges, s, i);
        let p = std::mem::replace(&mut last_of[surfaces.of[i]], i);
        next_same[i] = p;
        if p != usize::MAX {
            // A surface written before yields the keys it yielded then: the
            // mention joins the earlier one, and only the keys of a
            // canonical name or a definition of its own are added (most
            // mentions repeat a name, so most keys are derived once per
            // surface, not per mention).
            uf.union(i, p);
            // A canonical name written as the surface (a gazetteer place or
            // organization named as listed, a company segment) has the
            // surface's key, which the first of its surface holds already.
            if ms[p].canonical() != m.canonical()
                && let Some(c) = m.canonical().filter(|&c| c != m.surface)
            {
                push_norm(c);
            }
            if ms[p].defines() != m.defines()
                && let Some(a) = m.defines()
            {
                push_norm(a);
            }
            name_seps.push(used..used);
            continue;
        }
        let s = m.surface;
        push_norm(s);
        if let Some(c) = m.canonical().filter(|&c| c != s) {
            push_norm(c);
        }
        if let Some(a) = m.defines() {
            push_norm(a);
        }
        org_ends.insert(s);
        let found = scan_name(seps, used, s);
        name_seps.push(used..used + found);
        used += found;
        separated[separated_len] = k;
        separated_len += usize::from(found > 0);
        if acronym_like(s) {
            acronyms.push(if s.contains('.') {
                std::borrow::Cow::Owned(s.replace('.', ""))
            } else {
                std::borrow::Cow::Borrowed(s)
            });
        }
        if let Some(head) = s.strip_suffix(" Alliance") {
            by_head.push((head, i));
        }
    }
    acronyms.sort_unstable();
    // The first bytes of the acronyms (all ASCII), so that initials which
    // cannot be one are not built; an empty "acronym" (a surface of dots)
    // lets every name through.
    let acronym_heads = acronyms
        .iter()
        .fold(0u128, |m, a| match a.as_bytes().first() {
            Some(&b) => m | 1 << (b & 0x7f),
            None => u128::MAX,
        });
    let by_surface = |s: &str| {
        Some(s)
            .filter(|s| org_ends.may_hold(s))
            .and_then(|s| surfaces.get(s))
            .map(|id| last_of[id])
            .filter(|&i| i != usize::MAX)
    };
    // The first mention `orgs[k]` of a surface with separators, and its
    // name's words: what the initials, word-set and prefix rules read.
    let first_named = |k: usize| {
        let i = orgs[k];
        let name = Separated {
            s: ms[i].surface,
            seps: &seps[name_seps[k].clone()],
        };
        (i, name)
    };
    // "General Motors Corp." = "GM": initials without the company form.
    // (Without acronyms in the article no initials can match; initials need
    // two words at least, a separator inside, so only the first mentions of
    // surfaces with separators are looked at.)
    if !acronyms.is_empty() {
        for &k in &separated[..separated_len] {
            let (i, name) = first_named(k);
            let m = &ms[i];
            let bare = name.bare_len();
            // Without a company form the bare name is the surface: the same
            // key twice would only union the mention with itself.
            let lens = [
                Some(m.surface.len()),
                (bare != m.surface.len()).then_some(bare),
            ];
            for len in lens
                .into_iter()
                .flatten()
                .filter(|&len| name.seps.first().is_some_and(|&x| x >> 1 < len))
            {
                let head = initials_head_of(name.pieces(len));
                if head.is_some_and(|b| b >= 0x80 || acronym_heads >> b & 1 == 0) {
                    continue;
                }
                if let Some(ini) = initials(&m.surface[..len])
                    && acronyms.binary_search_by(|a| (**a).cmp(&ini)).is_ok()
                {
                    push_key(keys, ranges, &ini, i);
                }
            }
        }
    }
    // (`lower` holds the lower-cased words of the word-set key, one after
    // another, `words` their ranges.)
    // "Ostravia-NORTA Council" = "NORTA-Ostravia Council": a word-set key
    // starts with a mark that no other key starts with, so it can only
    // meet another surface's word-set key (a surface's later mentions
    // have joined its first), and only one of a name that may have the
    // same words ([`word_set_bits`]): most articles write none.
    // (Three pieces need two separators: most names have fewer.)
    let word_sets = || {
        separated[..separated_len]
            .iter()
            .copied()
            .filter(|&k| name_seps[k].len() >= 2)
            .map(|k| (k, word_set_bits(ms[orgs[k]].surface, name_seps[k].len())))
    };
    let (mut seen, mut twice) = (0u64, 0u64);
    for (_, bits) in word_sets() {
        twice |= seen & bits;
        seen |= bits;
    }
    if twice != 0 {
        for (k, _) in word_sets().filter(|&(_, bits)| bits & twice != 0) {
            let (i, name) = first_named(k);
            if let Some(r) = push_word_set_key(keys, lower, words, &name) {
                ranges.push((r, i));
            }
        }
    }
    unite_equal_keys(keys, ranges, uf, equal_keys);
    // "Apple" = "Apple Inc.", "North Atlantic Alliance" = "North Atlantic
    // Treaty Organization". Both rules pair a name with the longer names it
    // starts (followed by a space), so each longer name looks up its own
    // word prefixes instead of being compared with every other mention.
    // The lookups are binary searches in sorted (name, mention) lists.
    let same_surface = |first: usize| {
        std::iter::successors(Some(first), |&i| {
            Some(next_same[i]).filter(|&k| k != usize::MAX)
        })
    };
    // (Each surface once in `by_head`: its mentions are united already.)
    by_head.sort_unstable();
    let heads = |key: &str| {
        let lo = by_head.partition_point(|(s, _)| *s < key);
        let len = by_head[lo..].partition_point(|(s, _)| *s == key);
        &by_head[lo..lo + len]
    };
    // (Only the first mention of a surface, and only a name with
    // separators, has word prefixes: a surface written before has joined
    // the earlier mention, whose prefixes are the same.)
    for &k in &separated[..separated_len] {
        let (j, name) = first_named(k);
        let b = &ms[j];
        for (at, pos) in name.spaces() {
            let Some(first) = by_surface(&b.surface[..pos]) else {
                continue;
            };
            let company = name
                .space_words_after(at)
                .all(|w| company_form(w) || matches!(w, "Group" | "Holdings"));
            let plain_rest = name
                .space_words_after(at)
                .all(|w| !gaz.org_suffixes.contains(w));
            for i in same_surface(first) {
                let plain = !has_space(ms[i].surface.as_bytes()) && plain_rest;
                if i != j && (company || plain) {
                    uf.union(i, j);
                }
            }
        }
    }
    // A treaty organization's name = the alliance named by its head
    // words: looked for only when the article names an alliance (rare).
    let treaty_names = if by_head.is_empty() { &[][..] } else { orgs };
    for &j in treaty_names {
        let b = &ms[j];
        for s in [Some(b.surface), b.canonical()]
            .into_iter()
            .flatten()
            .filter(|s| has_treaty(s))
        {
            for (pos, _) in s.match_indices(' ') {
                for &(_, i) in heads(&s[..pos]) {
                    if i != j {
                        uf.union(i, j);
                    }
                }
            }
        }
    }
    *kept_acronyms = spare::keep(acronyms);
    *kept_by_head = spare::keep(by_head);
    // (They grow with the names' lengths, which the huge-text reset of
    // `cluster` does not see: capped as `spare::keep` caps a kept vector.)
    if seps.capacity() * size_of::<usize>() > spare::MAX_KEPT_BYTES {
        *seps = Vec::new();
    }
    *keys = spare::keep(std::mem::take(keys));
}

/// A bit for the word-set key of name `s` with `seps` separators: names
/// with equal word-set keys have bits in common. An ASCII name's key
/// holds its bytes outside the separators, lower-cased (the same count),
/// so the bit is picked by that count; lower-casing may change the length
/// of other text, so a name that is not ASCII has every bit.
fn word_set_bits(s: &str, seps: usize) -> u64 {
    if s.is_ascii() {
        1 << ((s.len() - seps) & 63)
    } else {
        u64::MAX
    }
}

/// Writes the word-set key of `name` to `keys` and returns its range: the
/// lower-cased words, sorted, after a mark (1) that no name key starts
/// with; none for a name of fewer than three words. `lower` and `words`
/// are working space.
fn push_word_set_key(
    keys: &mut Vec<u8>,
    lower: &mut String,
    words: &mut Vec<Range<usize>>,
    name: &Separated,
) -> Option<Range<usize>> {
    // (The first two words are held until a third shows the key is
    // needed: counting them first split the name twice.)
    let mut parts = name.pieces(name.s.len()).filter(|w| !w.is_empty());
    let (Some(a), Some(b), Some(c)) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    lower.clear();
    words.clear();
    for w in [a, b, c].into_iter().chain(parts) {
        let start = lower.len();
        if w.is_ascii() {
            lower.push_str(w);
            lower[start..].make_ascii_lowercase();
        } else {
            lower.push_str(&w.to_lowercase());
        }
        words.push(start..lower.len());
    }
    words.sort_unstable_by(|a, b| lower[a.clone()].cmp(&lower[b.clone()]));
    let start = keys.len();
    keys.push(1);
    for (k, r) in words.iter().enumerate() {
        if k > 0 {
            keys.push(b' ');
        }
        keys.extend_from_slice(lower[r.clone()].as_bytes());
    }
    Some(start..keys.len())
}

/// The working vectors of [`unite_equal_keys`]'s hash table.
#[derive(Default)]
struct KeyScratch {
    ids: KeptIds,
    first_of_key: Vec<usize>,
}

/// Past this many keys an article's keys are matched through a hash table:
/// the filter of [`unite_equal_keys`] fills up, and a key that passes it is
/// compared with every key before it.
const SCAN_KEYS: usize = 64;

/// Appends the normalized key of `s` to `keys` and its range, for mention
/// `i`, to `ranges`.
fn push_key(keys: &mut Vec<u8>, ranges: &mut Vec<(Range<usize>, usize)>, s: &str, i: usize) {
    let start = keys.len();
    push_norm_key_bytes(keys, s);
    ranges.push((start..keys.len(), i));
}

/// Unites the mentions of equal keys: each `(r, i)` of `ranges` is the key
/// `keys[r]` of mention `i`. An article has a dozen keys, nearly all
/// distinct (41,080 distinct of 42,460 on the 10 MB corpus): numbering
/// them in a hash table hashed every key and mispredicted on its length
/// and on whether it was new. Here a bit per key, picked by its head and
/// length, tells most new keys apart (256 bits for at most [`SCAN_KEYS`]
/// keys), and only a key whose bit is taken is compared with the keys
/// before it.
fn unite_equal_keys(
    keys: &mut Vec<u8>,
    ranges: &[(Range<usize>, usize)],
    uf: &mut UnionFind,
    scratch: &mut KeyScratch,
) {
    if ranges.len() > SCAN_KEYS {
        unite_by_table(keys, ranges, uf, scratch);
        return;
    }
    // (Eight bytes past the last key, so that each key's head is one read.)
    keys.extend_from_slice(&[0; 8]);
    let mut taken = [0u64; 4];
    for (j, (r, i)) in ranges.iter().enumerate() {
        // (The top byte of a multiplication mixes all of the head's.)
        let bit = key_head(keys, r.clone()).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56;
        let (word, mask) = ((bit >> 6) as usize, 1u64 << (bit & 63));
        let maybe_seen = taken[word] & mask != 0;
        taken[word] |= mask;
        if !maybe_seen {
            continue;
        }
        // The first equal key is the key's first mention.
        let key = &keys[r.clone()];
        if let Some((_, first)) = ranges[..j].iter().find(|(q, _)| keys[q.clone()] == *key) {
            uf.union(*i, *first);
        }
    }
    keys.truncate(keys.len() - 8);
}

/// The first seven bytes of key `keys[r]` (zero past its end) with its
/// length in the top byte: equal keys have equal heads. `keys` holds eight
/// bytes past the key.
#[inline(always)]
fn key_head(keys: &[u8], r: Range<usize>) -> u64 {
    let word = keys[r.start..r.start + 8]
        .first_chunk::<8>()
        .map_or(0, |w| u64::from_le_bytes(*w));
    let len = r.len();
    let mask = (1u64 << (8 * len.min(7))) - 1;
    word & mask | (len.min(255) as u64) << 56
}

/// [`unite_equal_keys`] by numbering the keys in a hash table (the
/// mentions of a key united with its first).
fn unite_by_table(
    keys: &[u8],
    ranges: &[(Range<usize>, usize)],
    uf: &mut UnionFind,
    scratch: &mut KeyScratch,
) {
    let mut by_key = StrIds::new_in(&mut scratch.ids, ranges.len());
    let first_of_key = &mut scratch.first_of_key;
    first_of_key.clear();
    for (r, i) in ranges.iter() {
        match by_key.number(&keys[r.clone()]) {
            (_, true) => first_of_key.push(*i),
            (id, false) => uf.union(*i, first_of_key[id]),
        }
    }
    by_key.keep(&mut scratch.ids);
}

/// A set of strings' (length, last byte) pairs, by their low five bits
/// each: a string not in it is none of the strings put in; most strings
/// that are none of them are told so by one bit.
#[derive(Default)]
struct Ends([u64; 16]);

impl Ends {
    fn bit(s: &str) -> usize {
        let last = s.as_bytes().last().copied().unwrap_or(0);
        (s.len() & 31) << 5 | usize::from(last & 31)
    }

    fn insert(&mut self, s: &str) {
        let b = Self::bit(s);
        self.0[b >> 6] |= 1 << (b & 63);
    }

    /// False only when `s` was not inserted.
    fn may_hold(&self, s: &str) -> bool {
        let b = Self::bit(s);
        self.0[b >> 6] >> (b & 63) & 1 != 0
    }
}

/// Writes where `s` breaks into words to `out[at..]`, growing `out` if it
/// is shorter: the offset of each space times two, of each hyphen times two
/// plus one, in order. The organization rules split a name at spaces, and
/// at spaces and hyphens, several times each: `split`, `match_indices` and
/// `memchr` on names of a few bytes mispredicted at every piece, where this
/// one pass finds the separators eight bytes at a time (a byte loop writing
/// every offset cost seven instructions a byte). Returns how many there
/// are.
fn scan_name(out: &mut Vec<usize>, at: usize, s: &str) -> usize {
    let b = s.as_bytes();
    if out.len() < at + b.len() {
        out.resize(at + b.len(), 0);
    }
    let out = &mut out[at..at + b.len()];
    let mut n = 0;
    let (chunks, tail) = b.as_chunks::<8>();
    for (c, chunk) in chunks.iter().enumerate() {
        n = push_separators(out, n, 8 * c, u64::from_le_bytes(*chunk));
    }
    if !tail.is_empty() {
        // (The bytes past the name read as zeros, no separator.)
        let v = keyindex::tail_le(b, tail.len());
        n = push_separators(out, n, 8 * chunks.len(), v);
    }
    n
}

/// Writes the separators of the eight bytes `v` (little-endian) at offset
/// `base` of a name to `out[n..]`, as [`scan_name`] does; the new count.
#[inline(always)]
fn push_separators(out: &mut [usize], mut n: usize, base: usize, v: u64) -> usize {
    let hyphens = swar::bytes_equal(v, b'-');
    let mut seps = hyphens | swar::bytes_equal(v, b' ');
    while seps != 0 {
        let bit = seps.trailing_zeros();
        // (One separator per byte of the name: `n` stays in bounds.)
        out[n] = (base + (bit / 8) as usize) << 1 | (hyphens >> bit & 1) as usize;
        n += 1;
        seps &= seps - 1;
    }
    n
}

/// A name with its separators ([`scan_name`]), read by the organization
/// rules instead of splitting it again.
struct Separated<'a> {
    s: &'a str,
    seps: &'a [usize],
}

impl<'a> Separated<'a> {
    /// `s[..len].split([' ', '-'])`, for `len` at the end of the name or at
    /// one of its separators.
    fn pieces(&self, len: usize) -> impl Iterator<Item = &'a str> + use<'a> {
        let s = &self.s[..len];
        let ends = (self.seps.iter().map(|&x| x >> 1))
            .take_while(move |&p| p < len)
            .chain([len]);
        let mut start = 0;
        ends.map(move |end| {
            let w = &s[start..end];
            start = end + 1;
            w
        })
    }

    /// The spaces of the name: (index in `seps`, offset).
    fn spaces(&self) -> impl Iterator<Item = (usize, usize)> + use<'a> {
        let seps = self.seps;
        (0..seps.len())
            .filter(move |&k| seps[k] & 1 == 0)
            .map(move |k| (k, seps[k] >> 1))
    }

    /// The words after the space `seps[at]`, split at spaces alone
    /// (`s[p + 1..].split(' ')` for that space's offset `p`).
    fn space_words_after(&self, at: usize) -> impl Iterator<Item = &'a str> + use<'a> {
        let s = self.s;
        let ends = (self.seps[at + 1..].iter())
            .filter(|&&x| x & 1 == 0)
            .map(|&x| x >> 1)
            .chain([s.len()]);
        let mut start = (self.seps[at] >> 1) + 1;
        ends.map(move |end| {
            let w = &s[start..end];
            start = end + 1;
            w
        })
    }

    /// The length of [`bare_name`] of the name: its trailing company forms
    /// dropped, keeping two words at least.
    fn bare_len(&self) -> usize {
        let mut words = 1 + self.seps.iter().filter(|&&x| x & 1 == 0).count();
        let mut end = self.s.len();
        for &x in self.seps.iter().rev().filter(|&&x| x & 1 == 0) {
            if words <= 2 {
                break;
            }
            let last = &self.s[(x >> 1) + 1..end];
            if !company_form(last) {
                break;
            }
            end = x >> 1;
            words -= 1;
        }
        end
    }
}

/// Whether byte `b` parts the words of a name: a space or a hyphen.
pub(crate) fn is_name_separator(b: u8) -> bool {
    b == b' ' || b == b'-'
}

/// `s.split([' ', '-'])` by bytes: both are ASCII, so the pieces are the
/// same, and the char pattern decoded every char of the name.
pub(crate) fn split_space_hyphen(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(is_name_separator) {
            Some(k) => {
                rest = Some(&r[k + 1..]);
                Some(&r[..k])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The first byte of `initials(name)` when that is not empty, read from
/// the first word that gives a letter (building the initials, with their
/// string and number-word search, cost more than the rest of the rule,
/// and most names cannot match an acronym of the article by the first
/// letter). `None` when no word gives one (the initials, if any, are
/// empty); a name of one word, which has no initials, may have a head.
#[cfg(test)]
fn initials_head(name: &str) -> Option<u8> {
    initials_head_of(split_space_hyphen(name))
}

/// [`initials_head`] of the name split into `pieces` at spaces and
/// hyphens.
fn initials_head_of<'a>(pieces: impl Iterator<Item = &'a str>) -> Option<u8> {
    match pieces.filter(|w| !w.is_empty()).find_map(initial_of)? {
        Initial::Digits(d) => d.as_bytes().first().copied(),
        // (A non-ASCII letter stays itself, of which this is the lead byte.)
        Initial::Word(w) => Some(w.as_bytes()[0].to_ascii_uppercase()),
    }
}

/// `s.contains("Treaty")` by a byte scan: the substring searcher is set
/// up anew for every call, which cost more than the scan on names.
fn has_treaty(s: &str) -> bool {
    s.as_bytes().windows(6).any(|w| w == b"Treaty")
}

/// The distinct surfaces of an article's mentions, numbered in order of
/// first occurrence. Facts about a surface (its first type, whether it is
/// an actor or a product, the mention last written with it…) are arrays
/// indexed by number: each mention's surface is hashed once, where a map
/// per fact hashed it once per map.
struct Surfaces<'a> {
    ids: StrIds<'a>,
    /// The number of each mention's surface.
    of: Vec<usize>,
}

impl<'a> Surfaces<'a> {
    /// The numbers of the surfaces of `ms`, into `of` (cleared first), on
    /// the table kept in `kept`.
    fn new(ms: &[Mention<'a>], mut of: Vec<usize>, kept: &mut KeptIds) -> Surfaces<'a> {
        // (Sized for a surface per mention; the first words of products,
        // numbered later, may grow it.)
        let mut ids = StrIds::new_in(kept, ms.len());
        of.clear();
        ids.number_all(ms.iter().map(|m| m.surface.as_bytes()), &mut of);
        Surfaces { ids, of }
    }

    /// Numbers `s` too (a string that no mention is written as).
    fn add(&mut self, s: &'a str) -> usize {
        self.ids.number(s.as_bytes()).0
    }

    /// The number of `s`, if some mention (or [`Surfaces::add`]) wrote it.
    fn get(&self, s: &str) -> Option<usize> {
        self.ids.get(s.as_bytes())
    }

    /// How many numbers there are (the length of a per-surface array).
    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Types single unknown words from the rest of the article.
fn resolve_unknowns<'a>(
    ms: &mut [Mention<'a>],
    surfaces: &mut Surfaces<'a>,
    persons: &mut PersonNames<'a>,
    gaz: &Gazetteer,
    scratch: &mut HintScratch,
) {
    resolved_hints(ms, surfaces, persons, gaz, scratch);
    for (m, h) in ms.iter_mut().zip(&scratch.hint) {
        m.hint = *h;
    }
}

/// The bit of [`SurfaceFacts::looked`] for each type (by its number),
/// none for a place.
const LOOK_BIT: [u8; 3] = {
    let mut bits = [0; 3];
    bits[EntityType::Person as usize] = 1;
    bits[EntityType::Organization as usize] = 2;
    bits
};

/// The working vectors of [`resolved_hints`].
#[derive(Default)]
struct HintScratch {
    /// The hints worked out.
    hint: Vec<Hint>,
    by_type: Vec<usize>,
    products: Vec<(usize, usize)>,
    weak: Vec<usize>,
    facts: Vec<SurfaceFacts>,
    /// The numbers of the surfaces of people named in full.
    person_surnames: Vec<usize>,
    surnames: SurnameIndex,
}

/// The hints of [`resolve_unknowns`] (into `scratch.hint`), computed on a
/// copy so that the facts below borrow the surfaces instead of cloning
/// them. What the rules keep per surface is one array of
/// [`SurfaceFacts`] indexed by [`Surfaces`] number, and each rule walks
/// the mentions it reads (unknown, known, product, weak), listed once,
/// instead of filtering all mentions by type again: known and unknown
/// mentions are mixed, so each filtering pass mispredicted.
fn resolved_hints<'a>(
    ms: &[Mention<'a>],
    surfaces: &mut Surfaces<'a>,
    persons: &mut PersonNames<'a>,
    gaz: &Gazetteer,
    scratch: &mut HintScratch,
) {
    let HintScratch {
        hint,
        by_type,
        products,
        weak,
        facts,
        person_surnames,
        surnames,
    } = scratch;
    hint.clear();
    hint.extend(ms.iter().map(|m| m.hint));
    let by_type = room(by_type, ms.len());
    let mut unknowns = partition_unknown(hint, by_type);
    // Products: a surface seen in a product context ("the new X", "X
    // operating system") and never as an actor (possessive, "X executives")
    // gets no organization type from weak cues (repetition, "the X").
    // The first word of a product name is a product line too ("the new
    // MacBook Pro" → "MacBook"): such words are numbered as well, so that
    // every product has a number (kept with its mention).
    // (Few mentions are products: that flag is tested first, alone, as it
    // decides most of them; unknown and weak mentions are mixed, so those
    // two are one test without a branch between them, made on products
    // only. The weak mentions are listed without a branch too: each index
    // is written, and kept if the mention is weak.)
    products.clear();
    let weak_room = room(weak, ms.len());
    let mut weak_len = 0;
    for (k, m) in ms.iter().enumerate() {
        if m.product && (m.weak | (m.hint == Hint::Unknown)) {
            products.push((k, surfaces.add(first_word_of(m.surface))));
        }
        weak_room[weak_len] = k;
        weak_len += usize::from(m.weak);
    }
    let weak = &weak_room[..weak_len];
    let surfaces = &*surfaces;
    let of = &surfaces.of;
    refill(facts, surfaces.len(), SurfaceFacts::default());
    persons.size(surfaces.len());
    for &k in &by_type[..unknowns] {
        facts[of[k]].agent |= ms[k].agent | ms[k].speaks;
    }
    let mut any_product = false;
    for &(k, first) in products.iter() {
        for id in [of[k], first] {
            let f = &mut facts[id];
            f.product |= !f.agent;
            any_product |= !f.agent;
        }
    }
    // Whether the surface numbered `id`, or the first word of `s`, is a
    // product (without products, no first word is looked up).
    let product_or_first = |facts: &[SurfaceFacts], id: usize, s: &str| {
        any_product
            && (facts[id].product
                || surfaces
                    .get(first_word_of(s))
                    .is_some_and(|f| facts[f].product))
    };
    let mut demoted = false;
    for &k in weak.iter() {
        if product_or_first(facts, of[k], ms[k].surface) {
            demoted |= hint[k] != Hint::Unknown;
            hint[k] = Hint::Unknown;
        }
    }
    if demoted {
        unknowns = partition_unknown(hint, by_type);
    }
    // (The known mentions are listed from the last.)
    let (unknown, known) = by_type.split_at(unknowns);
    // Only unknown mentions (other than "the alliance") are typed below.
    if unknown.iter().all(|&k| alliance(&ms[k])) {
        return;
    }
    // The surnames of people named in full, indexed only if a single
    // unknown word needs them (each surface once).
    person_surnames.clear();
    for &k in known.iter().rev() {
        let Hint::Known(t) = hint[k] else {
            continue;
        };
        let (m, id) = (&ms[k], of[k]);
        let f = &mut facts[id];
        f.first_type.get_or_insert(t);
        // The words of a surface are split once per type. A place's words
        // are never looked at: a place named with an organization suffix
        // ("… Center") makes no organization head.
        // (A table, not a `match`: the types are mixed, and the match was
        // a branch that mispredicted; a place's bit is none, so it is
        // always skipped.)
        let bit = LOOK_BIT[t as usize];
        if bit & !f.looked == 0 {
            continue;
        }
        f.looked |= bit;
        if t == EntityType::Person {
            // (Split and folded once for the clustering too.)
            if persons.of(id, m.surface).words.len() > 1 {
                person_surnames.push(id);
            }
            continue;
        }
        // Only single words (no space) are looked up, and only the
        // surfaces of mentions, so only one-word heads that are surfaces
        // count: a name of two words, the last a suffix.
        if let Some((head, last)) = two_words(m.surface)
            && gaz.org_suffixes.contains(last)
            && let Some(h) = surfaces.get(head)
        {
            facts[h].org_head = true;
        }
    }
    for &k in unknown {
        let m = &ms[k];
        let f = &mut facts[of[k]];
        let st = &mut f.stats;
        st.count += 1;
        // (The flags are mixed among the mentions: `|` and `&` where `||`
        // and `&&` were a branch each; the camel-case test, a char loop,
        // only when it can change the answer.)
        if m.after_the & !f.product & !st.after_the {
            st.after_the = !super::is_camel(m.surface);
        }
        st.subject |= m.initial | m.agent;
        st.speaks |= m.speaks;
    }
    let mut surnames_indexed = false;
    let mut similar_to_a_surname = |s: &str| {
        if !surnames_indexed {
            surnames.clear();
            for &id in person_surnames.iter() {
                surnames.add(&persons.folds, &persons.get(id).surname, 0);
            }
            surnames_indexed = true;
        }
        surnames.any_similar_to(&mut persons.folds, s)
    };
    for &k in unknown {
        let m = &ms[k];
        if alliance(m) {
            continue;
        }
        let s = m.surface;
        let id = of[k];
        // A single word's type depends on its surface alone: each surface
        // is settled once (and only a surface without a space is, so a
        // repeated one is not searched for a space again).
        if let Some(known) = facts[id].single {
            hint[k] = known;
            continue;
        }
        if has_space(s.as_bytes()) {
            let first = || surfaces.get(first_word_of(s));
            hint[k] = if let Some(t) = facts[id].first_type {
                Hint::Known(t)
            } else if m.speaks {
                Hint::Known(EntityType::Person)
            } else if product_or_first(facts, id, s) {
                Hint::Unknown
            } else if m.after_the
                || first().is_some_and(|f| {
                    facts[f].first_type == Some(EntityType::Organization)
                        || facts[f].stats.count >= 2
                })
            {
                Hint::Known(EntityType::Organization)
            } else {
                Hint::Unknown
            };
            continue;
        }
        let f = facts[id];
        let st = f.stats;
        let typed = if let Some(t) = f.first_type {
            Hint::Known(t)
        } else if similar_to_a_surname(s) {
            Hint::Known(EntityType::Person)
        } else if f.org_head {
            Hint::Known(EntityType::Organization)
        } else if f.product {
            Hint::Unknown
        } else if st.after_the {
            Hint::Known(EntityType::Organization)
        } else if st.speaks {
            Hint::Known(EntityType::Person)
        } else if (st.count >= 2 && st.subject || f.agent) && !gaz.given.contains_key(s) {
            Hint::Known(EntityType::Organization)
        } else {
            Hint::Unknown
        };
        facts[id].single = Some(typed);
        hint[k] = typed;
    }
}

/// Lists the unknown hints' indices at the start of `out` in order, and
/// the known ones after them from the last (each end written without a
/// branch on the hint); returns how many are unknown.
fn partition_unknown(hints: &[Hint], out: &mut [usize]) -> usize {
    let (mut unknowns, mut known_from) = (0, out.len());
    for (k, h) in hints.iter().enumerate() {
        let unknown = *h == Hint::Unknown;
        let at = if unknown { unknowns } else { known_from - 1 };
        out[at] = k;
        unknowns += usize::from(unknown);
        known_from -= usize::from(!unknown);
    }
    unknowns
}

/// What the typing of unknown words reads of one surface.
#[derive(Clone, Copy, Default)]
struct SurfaceFacts {
    /// The first type given to a mention of it.
    first_type: Option<EntityType>,
    /// Some unknown mention of it is an actor or a speaker.
    agent: bool,
    /// Seen in a product context (or the first word of a product) and
    /// never as an actor.
    product: bool,
    /// Whether its words were looked at as a person's (bit 1) and as an
    /// organization's (bit 2).
    looked: u8,
    /// The head of an organization name with a suffix ("Acme" of "Acme
    /// Corp.").
    org_head: bool,
    /// Its unknown mentions.
    stats: UnknownStats,
    /// The type of a single unknown word, once settled.
    single: Option<Hint>,
}

/// Whether `b` holds a space (`b.contains(&b' ')`): a few overlapping
/// word loads picked by the length, without a loop for names of up to 16
/// bytes. `contains` searched byte by byte and mispredicted twice a name
/// (the byte loop's exit and the length tests before it).
fn has_space(b: &[u8]) -> bool {
    let n = b.len();
    let spaces = |v: u64| swar::bytes_equal(v, b' ') != 0;
    if n >= 8 {
        let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
        // (The last word overlaps the one before it, so no byte is left.)
        let mut any = spaces(word(n - 8));
        let mut at = 0;
        while at + 8 < n {
            any |= spaces(word(at));
            at += 8;
        }
        any
    } else if n >= 4 {
        let half = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"));
        spaces(u64::from(half(0)) << 32 | u64::from(half(n - 4)))
    } else {
        // One to three bytes are the first, the middle and the last.
        n > 0 && (b[0] == b' ') | (b[n / 2] == b' ') | (b[n - 1] == b' ')
    }
}

/// Whether the second byte of `s` is a small ASCII letter, which no
/// acronym has (nor a name of capitals and dots): most names do, and this
/// one test tells them apart, where the acronym tests' loops and length
/// checks mispredicted on names of every length.
fn small_second(s: &str) -> bool {
    s.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase)
}

/// Whether the organization rules take `s` for an acronym: one, or
/// capitals and dots (`c == '.' ||` stands for removing the dots first; a
/// byte that is not ASCII fails as the char it is part of would).
fn acronym_like(s: &str) -> bool {
    !small_second(s) && (is_acronym(s) || s.bytes().all(|c| c == b'.' || c.is_ascii_uppercase()))
}

/// The first word of a name, split at single spaces (by bytes: the char
/// searcher of `split(' ')` was set up anew for each short name).
fn first_word_of(s: &str) -> &str {
    match s.bytes().position(|b| b == b' ') {
        Some(k) => &s[..k],
        None => s,
    }
}

/// How often an unknown surface occurs, and whether some occurrence is
/// after "the" (not as a product), a subject, or a speaker.
#[derive(Clone, Copy, Default)]
struct UnknownStats {
    // (Four bytes, not eight: the facts of every surface are filled anew
    // for each article, and this makes them 16 bytes instead of 24.)
    count: u32,
    after_the: bool,
    subject: bool,
    speaks: bool,
}

/// The type and name of the entity of cluster `c` (slices of its
/// mentions).
fn kind_and_name<'a>(
    ms: &[Mention<'a>],
    c: &[usize],
    counts: &WordCounts,
) -> (EntityType, &'a str) {
    match *c {
        [i] => lone_kind_and_name(&ms[i]),
        _ => {
            let kind = kind_of_many(ms, c);
            (kind, canonical_name(ms, c, kind, counts))
        }
    }
}

/// What the naming reads of the mentions' surfaces: their numbers, so
/// that a surface is compared as a number, and the words of each person's
/// surface as [`union_people`] split them, so that a person's name is not
/// counted again (most clusters of several mentions are people).
struct WordCounts<'s> {
    /// The surface number of each mention.
    of: &'s [usize],
    /// The person surfaces worked out.
    people: &'s PersonNames<'s>,
}

impl WordCounts<'_> {
    /// `word_count(ms[i].surface)`.
    #[inline]
    fn get(&self, ms: &[Mention], i: usize) -> usize {
        match self.people.known(self.of[i]) {
            Some(f) => f.words.len(),
            None => word_count(ms[i].surface),
        }
    }
}

/// The entity of cluster `c`, of type and name `named` ([`kind_and_name`]);
/// `number` is its own number, the surface number of each mention, and the
/// last entity (number) that took each surface as an alias, to tell the new
/// aliases without comparing strings.
fn entity(
    out: &mut Entities,
    ms: &[Mention],
    c: &[usize],
    number: (usize, &[usize], &mut [usize]),
    named: (EntityType, &str),
) {
    match *c {
        [i] => lone_entity_named(out, &ms[i], named),
        _ => entity_of_many(out, ms, c, number, named),
    }
}

/// Cluster `c` joined to the last entity of `out`, which has its type and
/// name: its new aliases (by `seen`, the last entity's aliases, built at
/// the first join) and its spans, not its roles. The spans of all the
/// mentions are distinct (the detection keeps one mention per span), so
/// they are sorted and not deduplicated.
fn merge_into_last(
    out: &mut Entities,
    seen: &mut Option<HashSet<String>>,
    ms: &[Mention],
    c: &[usize],
    (number, surface_of, alias_of): (usize, &[usize], &mut [usize]),
) {
    let last = out.last_ref().expect("an entity to join");
    let seen = seen.get_or_insert_with(|| last.aliases().map(str::to_string).collect());
    for &i in c {
        let taken = &mut alias_of[surface_of[i]];
        if *taken != number {
            *taken = number;
            if seen.insert(ms[i].surface.to_string()) {
                out.push_alias(ms[i].surface);
            }
        }
    }
    for &i in c {
        out.push_span(ms[i].span);
    }
    out.settle_spans(false);
}

/// The type and name of a cluster of one mention (most clusters), which
/// [`kind_of_many`] and [`canonical_name`] would give after counting types
/// and words for one mention: its own type (an organization if unknown),
/// and its surface or canonical name.
fn lone_kind_and_name<'a>(m: &Mention<'a>) -> (EntityType, &'a str) {
    let kind = match m.hint {
        Hint::Known(t) => t,
        Hint::Unknown => EntityType::Organization,
    };
    // Without a gazetteer name the name is the surface whatever the type:
    // the acronym test (a loop over the bytes) is asked only with one.
    let name = match (kind, m.canonical()) {
        (EntityType::Place, Some(c)) => c,
        (EntityType::Organization, Some(c)) if !is_acronym(m.surface) => c,
        _ => m.surface,
    };
    (kind, name)
}

/// The entity of a cluster of one mention: its surface, role and span.
fn lone_entity_named(out: &mut Entities, m: &Mention, (kind, name): (EntityType, &str)) {
    out.push_entity(kind, name);
    // Named by its surface (the same slice: no gazetteer name), the alias
    // is the name without comparing the bytes.
    if std::ptr::eq(name, m.surface) {
        out.push_name_alias();
    } else {
        out.push_alias(m.surface);
    }
    if let Some(r) = m.role() {
        out.push_role(r);
    }
    out.push_span(m.span);
}

/// The entity of a cluster of one mention, as `cluster` builds it.
#[cfg(test)]
fn lone_entity(m: &Mention) -> Entity {
    let mut out = Entities::default();
    lone_entity_named(&mut out, m, lone_kind_and_name(m));
    out.at(0).to_entity()
}

/// The type of a cluster of several mentions: the most frequent, ties
/// going to the first mention's.
fn kind_of_many(ms: &[Mention], c: &[usize]) -> EntityType {
    let (counts, first) = type_counts(ms, c);
    // The most counted type; of those counted as often, the first
    // mention's, then the first in `EntityType` order (not whichever a hash
    // map yielded last). As one number per type, the count above the two
    // tie-breaks, whose largest is taken without a branch (comparing the
    // (count, first, type) triples of the counted types mispredicted). A
    // type not counted cannot win against one counted, and when none is
    // (all unknown) the first mention's type wins on its mark.
    let score = |k: usize| {
        let mark = usize::from(TYPES[k] == first);
        counts[k] << 5 | mark << 4 | (2 - k) << 2 | k
    };
    TYPES[(score(0).max(score(1)).max(score(2))) & 3]
}

/// The types in `Hint::code` order.
const TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Place,
    EntityType::Organization,
];

/// The mentions of cluster `c` counted per type, and its first mention's
/// type (an organization when unknown). The counts are an array by
/// `Hint::code`, which is the type's number for a known type (no branch
/// per mention on the hint); the last slot counts the unknown ones.
fn type_counts(ms: &[Mention], c: &[usize]) -> ([usize; 4], EntityType) {
    let mut counts = [0usize; 4];
    for &i in c {
        counts[ms[i].hint.code()] += 1;
    }
    let first = match ms[c[0]].hint {
        Hint::Known(t) => t,
        Hint::Unknown => EntityType::Organization,
    };
    (counts, first)
}

/// [`entity`] of a cluster of several mentions.
fn entity_of_many(
    out: &mut Entities,
    ms: &[Mention],
    c: &[usize],
    number: (usize, &[usize], &mut [usize]),
    (kind, name): (EntityType, &str),
) {
    let (number, surface_of, alias_of) = number;
    out.push_entity(kind, name);
    let mut seen_roles = Seen::default();
    // (The aliases, roles and spans go to three vectors of the table: one
    // pass over the members fills all three.)
    for &i in c {
        let m = &ms[i];
        let taken = &mut alias_of[surface_of[i]];
        if *taken != number {
            *taken = number;
            out.push_alias(m.surface);
        }
        if let Some(r) = m.role()
            && seen_roles.insert(r)
        {
            out.push_role(r);
        }
        out.push_span(m.span);
    }
    out.settle_spans(true);
}

/// The canonical-name rule: places take the gazetteer name; organizations
/// their acronym when the article uses one, else the gazetteer name, else the
/// longest form; people the longest form (most words, first written).
fn canonical_name<'a>(
    ms: &[Mention<'a>],
    c: &[usize],
    kind: EntityType,
    counts: &WordCounts,
) -> &'a str {
    let real = |m: &Mention| !alliance(m) && m.defines().is_none();
    // The real mentions, or all when there are none (filtered on the fly:
    // most clusters are a mention or two, and vectors of them cost more).
    let all = !c.iter().any(|&i| real(&ms[i]));
    let pool = || c.iter().copied().filter(move |&i| all || real(&ms[i]));
    let gaz_name = || pool().find_map(|i| ms[i].canonical());
    let longest = || {
        let mut best = pool().next().expect("a cluster has a mention");
        // (The first cannot replace itself; a lone mention, the common
        // case, needs no count.)
        let mut rest = pool().skip(1).peekable();
        if rest.peek().is_none() {
            return ms[best].surface;
        }
        let mut best_w = counts.get(ms, best);
        for i in rest {
            // (A surface written before cannot replace the best: equal
            // surfaces tie.)
            if counts.of[i] == counts.of[best] {
                continue;
            }
            let w = counts.get(ms, i);
            if w > best_w
                || w == best_w && is_upper_word(ms[best].surface) && !is_upper_word(ms[i].surface)
            {
                best = i;
                best_w = w;
            }
        }
        ms[best].surface
    };
    match kind {
        EntityType::Place => gaz_name().unwrap_or_else(longest),
        EntityType::Organization => pool()
            .map(|i| ms[i].surface)
            .find(|s| !small_second(s) && is_acronym(s))
            .or_else(gaz_name)
            .unwrap_or_else(longest),
        EntityType::Person => longest(),
    }
}

/// `surface` without trailing company forms, keeping two words at least
/// ("General Motors Corp." → "General Motors"): the words split at single
/// spaces, all but the dropped ones joined again, as a slice (the oracle of
/// [`Separated::bare_len`]).
#[cfg(test)]
fn bare_name(surface: &str) -> &str {
    let mut bare = surface;
    let mut words = surface.split(' ').count();
    while words > 2 {
        let Some((head, last)) = bare.rsplit_once(' ') else {
            break;
        };
        if !company_form(last) {
            break;
        }
        bare = head;
        words -= 1;
    }
    bare
}

/// First occurrences of strings: a scan of the few seen so far, then a
/// hash set once there are many (most entities have one to three aliases,
/// and a set per entity cost more than the scans).
#[derive(Default)]
struct Seen<'a> {
    /// The first `n` slots (an array: a vector allocated for every entity).
    few: [&'a str; Seen::FEW],
    n: usize,
    many: HashSet<&'a str>,
}

impl<'a> Seen<'a> {
    const FEW: usize = 8;

    /// Whether `s` is new (as `HashSet::insert`).
    fn insert(&mut self, s: &'a str) -> bool {
        if self.n < Self::FEW {
            if self.few[..self.n].contains(&s) {
                return false;
            }
            self.few[self.n] = s;
            self.n += 1;
            return true;
        }
        if self.many.is_empty() {
            self.many.extend(self.few.iter().copied());
        }
        self.many.insert(s)
    }
}

/// Whether `s` holds no lower-case letter: a word in capitals, or an
/// acronym (bytes for ASCII, chars otherwise).
pub(crate) fn is_upper_word(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_lowercase());
    }
    !s.chars().any(char::is_lowercase)
}

/// `out.extend(s.split_whitespace())`, eight bytes at a time for ASCII:
/// the char decoding of `split_whitespace` cost several times the scan,
/// and a byte loop (after `str::is_ascii`'s own) mispredicted at its end
/// and at most word edges, five times a name.
fn push_words<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let b = s.as_bytes();
    let first = out.len();
    let mut start = 0;
    let mut high = 0;
    // A word ends at each space, and the empty ones between spaces are left
    // out. (A space is ASCII, so every cut is at a char boundary.)
    let mut cut = |v: u64, at: usize| {
        let mut spaces = swar::ascii_space_bytes(v);
        while spaces != 0 {
            let k = at + (spaces.trailing_zeros() / 8) as usize;
            if k > start {
                out.push(&s[start..k]);
            }
            start = k + 1;
            spaces &= spaces - 1;
        }
    };
    let (chunks, tail) = b.as_chunks::<8>();
    for (c, chunk) in chunks.iter().enumerate() {
        let v = u64::from_le_bytes(*chunk);
        high |= v;
        cut(v, 8 * c);
    }
    if !tail.is_empty() {
        let v = keyindex::tail_le(b, tail.len());
        high |= v;
        cut(v, 8 * chunks.len());
    }
    if high & swar::HIGHS != 0 {
        // Unicode spaces split words too.
        out.truncate(first);
        out.extend(s.split_whitespace());
        return;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
}

/// The first and the last word of `s` split at whitespace (the same slice
/// for one word). An ASCII name of up to 64 bytes is read as a bit per
/// byte ([`ascii_space_bits`]) and both words are told from the bits: the
/// corpus fold asks this of every person it looks up (its surname and
/// given name), and the scans for the first word, the rest and the last
/// word mispredicted at each of their ends.
pub(crate) fn first_and_last_word(s: &str) -> Option<(&str, &str)> {
    let Some(spaces) = ascii_space_bits(s.as_bytes()) else {
        let mut w = s.split_whitespace();
        let first = w.next()?;
        return Some((first, w.next_back().unwrap_or(first)));
    };
    let len = s.len() as u32;
    let word = u64::MAX.checked_shr(64 - len).unwrap_or(0) & !spaces;
    if word == 0 {
        return None;
    }
    let first = word.trailing_zeros();
    // A word ends at the first space after its start, or at the end.
    let first_end = (first + (spaces >> first).trailing_zeros()).min(len);
    let last = 63 - (word & !(word << 1)).leading_zeros();
    let last_end = 64 - word.leading_zeros();
    Some((
        &s[first as usize..first_end as usize],
        &s[last as usize..last_end as usize],
    ))
}

/// The two words of `s` split at whitespace, if it has exactly two. An
/// ASCII name of up to 64 bytes is read as a bit per byte, eight bytes at a
/// time, and its words are told from the bits without a loop: the
/// backward scan for the last word and `split_whitespace` for the rest
/// (char decoding, a Unicode test per char) mispredicted at names of every
/// length.
fn two_words(s: &str) -> Option<(&str, &str)> {
    let Some(spaces) = ascii_space_bits(s.as_bytes()) else {
        let mut w = s.split_whitespace();
        return match (w.next(), w.next(), w.next()) {
            (Some(head), Some(last), None) => Some((head, last)),
            _ => None,
        };
    };
    let len = s.len();
    let bytes = u64::MAX.checked_shr(64 - len as u32).unwrap_or(0);
    let word = bytes & !spaces;
    let starts = word & !(word << 1);
    if starts.count_ones() != 2 {
        return None;
    }
    let (a, b) = (starts.trailing_zeros(), 63 - starts.leading_zeros());
    // A word ends at the first space after its start, or at the end.
    let end = |at: u32| (at + (spaces >> at).trailing_zeros()).min(len as u32) as usize;
    Some((&s[a as usize..end(a)], &s[b as usize..end(b)]))
}

/// Bit `k` set for each byte `k` of `b` that is ASCII white space, if `b`
/// is ASCII and at most 64 bytes long. (Inlined: a call from the
/// clustering's `two_words` and one from the corpus fold's
/// `first_and_last_word` cost more than the bits.)
#[inline(always)]
fn ascii_space_bits(b: &[u8]) -> Option<u64> {
    if b.len() > 64 {
        return None;
    }
    // (A byte's high bit moved to its low bit for the gathering.)
    let gather = |mask: u64| swar::gather_low_bits(mask >> 7);
    let (chunks, tail) = b.as_chunks::<8>();
    let (mut bits, mut high) = (0, 0);
    for (c, chunk) in chunks.iter().enumerate() {
        let v = u64::from_le_bytes(*chunk);
        high |= v;
        bits |= gather(swar::ascii_space_bytes(v)) << (8 * c);
    }
    if !tail.is_empty() {
        // (Zero past the end, which is no space.)
        let v = keyindex::tail_le(b, tail.len());
        high |= v;
        bits |= gather(swar::ascii_space_bytes(v)) << (8 * chunks.len());
    }
    (high & swar::HIGHS == 0).then_some(bits)
}

/// `s.split_whitespace().count()`, by bytes for ASCII (names are counted
/// for every mention of a cluster, and the char decoding dominated).
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let space = is_ascii_space;
    let mut words = 0;
    let mut prev_space = true;
    for b in s.bytes() {
        let sp = space(b);
        words += usize::from(prev_space && !sp);
        prev_space = sp;
    }
    words
}

#[cfg(test)]
fn norm_key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    push_norm_key(&mut k, s);
    k
}

/// Appends the key under which a name is matched to `buf`: without a
/// leading "the", lower case, without dots. The clustering and the corpus
/// fold build keys by [`push_norm_key_bytes`]; this form is the tests' and
/// the clustering oracle's.
#[cfg(test)]
pub(crate) fn push_norm_key(buf: &mut String, s: &str) {
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    // ASCII lowercases byte by byte, with no context (`to_lowercase` looks
    // at neighbours only for a capital sigma): one pass lowercases and
    // drops the dots. Separate passes (ASCII test, copy, lowercase, dot
    // search) each ended in a mispredicted loop exit on these short names.
    let start = buf.len();
    buf.reserve(s.len());
    for b in s.bytes() {
        if b >= 0x80 {
            buf.truncate(start);
            let lower = s.to_lowercase();
            buf.extend(lower.chars().filter(|&c| c != '.'));
            return;
        }
        if b != b'.' {
            buf.push(char::from(b.to_ascii_lowercase()));
        }
    }
}

/// [`push_norm_key`] into a byte buffer, eight bytes at a time while the
/// name is ASCII: the clustering only hashes and compares its keys, and
/// `String::push`, a capacity check and a char encoding per byte, was
/// nearly all of the rule's cost. A name that is not ASCII is done again
/// by `to_lowercase` (the bytes dropped, `.` are never part of a longer
/// char). Shared with the corpus entity fold (`report::entities`), which
/// links article entities by the same key; the key of UTF-8 is UTF-8.
/// (Inlined into both: a call per key cost the clustering 3 M.)
#[inline(always)]
pub(crate) fn push_norm_key_bytes(buf: &mut Vec<u8>, s: &str) {
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    let b = s.as_bytes();
    let start = buf.len();
    // (Each word is written whole, then cut back: room for one over.)
    buf.reserve(b.len() + 8);
    let mut high = 0;
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        high |= w;
        push_lower_word(buf, w, 8);
    }
    let rest = words.remainder().len();
    if rest > 0 {
        // The bytes past the last whole word, in the low bytes: the name's
        // last eight shifted down when it has eight, else read one by one.
        let w = match b.last_chunk::<8>() {
            Some(last) => u64::from_le_bytes(*last) >> (8 * (8 - rest)),
            None => b.iter().rev().fold(0, |w, &c| w << 8 | u64::from(c)),
        };
        high |= w;
        push_lower_word(buf, w, rest);
    }
    if high & swar::HIGHS != 0 {
        buf.truncate(start);
        buf.extend(s.to_lowercase().bytes().filter(|&c| c != b'.'));
    }
}

/// Appends the first `len` bytes of `w` (little-endian), ASCII capitals
/// lowered and dots dropped (bytes of 0x80 and over are the caller's to
/// redo).
#[inline]
fn push_lower_word(buf: &mut Vec<u8>, w: u64, len: usize) {
    // `| 0x20` lowers a capital and nothing else.
    let w = w | swar::ascii_upper_bytes(w) >> 2;
    let dots = swar::bytes_equal(w, b'.');
    let bytes = w.to_le_bytes();
    if dots == 0 {
        let end = buf.len() + len;
        buf.extend_from_slice(&bytes);
        buf.truncate(end);
    } else {
        buf.extend(bytes[..len].iter().filter(|&&c| c != b'.'));
    }
}

/// Whether two person names (as word lists) can be one person: similar
/// surnames and compatible given names (one missing, an initial, or a
/// spelling variant). The code folds the surnames once and uses
/// [`same_person_words`] (clustering) and [`same_person_given`] (the
/// corpus fold); this form is the tests' oracle.
#[cfg(test)]
pub(crate) fn same_person(a: &[&str], b: &[&str]) -> bool {
    let (Some(sa), Some(sb)) = (a.last(), b.last()) else {
        return false;
    };
    if !similar_surname(sa, sb) {
        return false;
    }
    if a.len() == 1 || b.len() == 1 {
        return true;
    }
    similar_given(a[0], b[0])
}

/// [`same_person`] with both surnames already folded by [`translit_fold`]
/// (the person clustering compares each name with many groups); `b` is the
/// whole name, split at whitespace here without collecting the words.
#[cfg(test)]
pub(crate) fn same_person_folded(a: &[&str], fa: &str, b: &str, fb: &str) -> bool {
    let Some((b0, sb)) = first_and_last_word(b) else {
        return false;
    };
    same_person_parts(a, fa, (b0, sb, sb.as_ptr() == b0.as_ptr()), fb)
}

/// The first word of a name and whether it is the only one, from its first
/// and last words ([`first_and_last_word`]): with the folded surname, what
/// [`same_person_given`] reads of a name.
pub(crate) fn given_name<'a>((first, last): (&'a str, &'a str)) -> (&'a str, bool) {
    (first, first.as_ptr() == last.as_ptr())
}

/// `same_person_folded` on the names' folded surnames and [`given_name`]s
/// (the corpus fold keeps these of each person, and compares a name with
/// them without reading the other name again). Equal surnames fold to equal
/// folds, so the folds alone decide the surname test.
pub(crate) fn same_person_given(a: (&str, bool), fa: &str, b: (&str, bool), fb: &str) -> bool {
    similar_folded(fa, fb) && (a.1 || b.1 || similar_given(a.0, b.0))
}

/// `same_person_folded` with `b` already split into words (the person
/// clustering splits each name once, and compares it with many).
fn same_person_words(a: &[&str], fa: &str, b: &[&str], fb: &str) -> bool {
    match b {
        [] => false,
        [b0, .., sb] => same_person_parts(a, fa, (b0, sb, false), fb),
        [b0] => same_person_parts(a, fa, (b0, b0, true), fb),
    }
}

/// The rule of `same_person_folded` on `b`'s first word, last word, and
/// whether it is one word.
fn same_person_parts(a: &[&str], fa: &str, b: (&str, &str, bool), fb: &str) -> bool {
    let (b0, sb, b_single) = b;
    let Some(sa) = a.last() else {
        return false;
    };
    if !(*sa == sb || similar_folded(fa, fb)) {
        return false;
    }
    if a.len() == 1 || b_single {
        return true;
    }
    similar_given(a[0], b0)
}

fn similar_given(a: &str, b: &str) -> bool {
    similar_given_with(a, b, lowered_close)
}

/// [`similar_given`] with the comparison of the two names (their final
/// dots trimmed) that follows its equality and initial tests.
fn similar_given_with(a: &str, b: &str, close: impl Fn(&str, &str) -> bool) -> bool {
    if a == b {
        return true;
    }
    let (ta, tb) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    if (one_char(ta) || one_char(tb)) && ta.chars().next() == tb.chars().next() {
        return true;
    }
    close(ta, tb)
}

/// `s.chars().count() == 1`, settled by the length for most names (a char
/// is at most four bytes): counting the chars was a call per name.
fn one_char(s: &str) -> bool {
    let mut c = s.chars();
    s.len() <= 4 && c.next().is_some() && c.next().is_none()
}

/// Whether two given names, lower-cased, share their first letter, have
/// four bytes or more and are one edit apart.
fn lowered_close(ta: &str, tb: &str) -> bool {
    // (ASCII names of common lengths are lower-cased on the stack: two
    // strings per comparison were most of its cost.)
    const MAX: usize = 32;
    if ta.is_ascii() && tb.is_ascii() && ta.len().max(tb.len()) <= MAX {
        // Most pairs differ in their first letter or by more than one in
        // length: settled before either name is copied.
        let (a, b) = (ta.as_bytes(), tb.as_bytes());
        if a.len().min(b.len()) < 4
            || a.len().abs_diff(b.len()) > 1
            || !a[0].eq_ignore_ascii_case(&b[0])
        {
            return false;
        }
        let (mut la, mut lb) = ([0; MAX], [0; MAX]);
        let (la, lb) = (&mut la[..ta.len()], &mut lb[..tb.len()]);
        la.copy_from_slice(ta.as_bytes());
        lb.copy_from_slice(tb.as_bytes());
        la.make_ascii_lowercase();
        lb.make_ascii_lowercase();
        return la.first() == lb.first()
            && la.len().min(lb.len()) >= 4
            && one_edit_apart_in(la, lb);
    }
    let (la, lb) = (ta.to_lowercase(), tb.to_lowercase());
    la.chars().next() == lb.chars().next()
        && la.len().min(lb.len()) >= 4
        && one_edit_apart(&la, &lb)
}

/// Transliteration variants of one surname: equal after folding
/// (`Dostoyevsky`/`Dostoevskiy`/`Dostoevsky`), or one edit apart when both have six
/// letters or more and share the first three.
#[cfg(test)]
pub(crate) fn similar_surname(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    similar_folded(&translit_fold(a), &translit_fold(b))
}

/// The rest of [`similar_surname`], on folded surnames.
fn similar_folded(fa: &str, fb: &str) -> bool {
    if fa == fb {
        return true;
    }
    six_chars(fa)
        && six_chars(fb)
        && fa.chars().take(3).eq(fb.chars().take(3))
        && one_edit_apart(fa, fb)
}

/// The fold of transliterated surnames: lower case, then each pair of
/// [`FOLD_PAIRS`] (`yy`→`y`, `iy`→`y`, `ij`→`y`, `ii`→`i`, `kh`→`h`,
/// `ou`→`u`) replaced in turn (the order matters: `iiy` → `iy` → `y`).
#[cfg(test)]
pub(crate) fn translit_fold(s: &str) -> String {
    let mut t = String::new();
    push_translit_fold(&mut t, s);
    t
}

/// [`translit_fold`] into `t` (cleared first), as the oracle of the old
/// clustering wrote it.
#[cfg(test)]
fn translit_fold_into(t: &mut String, s: &str) {
    t.clear();
    push_translit_fold(t, s);
}

/// [`translit_fold`] appended to `t`, so that the folds of an article can
/// share one buffer.
pub(crate) fn push_translit_fold(t: &mut String, s: &str) {
    let start = t.len();
    // Six `str::replace` calls (a searcher and a new string each) were
    // most of the clustering cost; `replace_fold_pairs` does them in place.
    // Most names hold none of the pairs, and no pass can then create one:
    // the pairs are looked for while lowercasing (ASCII, one pass) or in
    // one scan of the lowercased name, by table without a branch per byte.
    let mut pairs = 0;
    let mut prev = 0;
    t.reserve(s.len());
    for b in s.bytes() {
        if b >= 0x80 {
            // (Not char by char: `to_lowercase` knows the final sigma.)
            t.truncate(start);
            t.push_str(&s.to_lowercase());
            pairs = has_fold_pair(&t.as_bytes()[start..]);
            break;
        }
        let l = b.to_ascii_lowercase();
        pairs |= PAIR_FIRST[usize::from(prev)] & PAIR_SECOND[usize::from(l)];
        t.push(char::from(l));
        prev = l;
    }
    if pairs == 0 {
        return;
    }
    // The passes work on a copy of the fold alone: turning the whole
    // buffer back into a `String` would check all of its earlier folds
    // again, and an article's folds share one buffer (quadratic on an
    // article with many names). A name fits on the stack.
    let mut stack = [0u8; 64];
    let mut heap = Vec::new();
    let fold = &t.as_bytes()[start..];
    let b: &mut [u8] = match stack.get_mut(..fold.len()) {
        Some(b) => b,
        None => {
            heap.resize(fold.len(), 0);
            &mut heap
        }
    };
    b.copy_from_slice(fold);
    let n = replace_fold_pairs(b);
    t.truncate(start);
    t.push_str(std::str::from_utf8(&b[..n]).expect("ASCII pairs replaced by ASCII bytes"));
}

/// The letter pairs of [`translit_fold`] and what each becomes, in the
/// order of its passes.
const FOLD_PAIRS: [([u8; 2], u8); 6] = [
    (*b"yy", b'y'),
    (*b"iy", b'y'),
    (*b"ij", b'y'),
    (*b"ii", b'i'),
    (*b"kh", b'h'),
    (*b"ou", b'u'),
];

/// The bytes that the fold of a name starting with ASCII byte `b` may
/// start with, one bit each (`FOLD_HEADS[b] >> x & 1` for byte `x`): its
/// lower case, and what each pass may turn a pair at the start into. Only
/// a pair at the start changes the first byte, and a pass sees the first
/// byte that the passes before it left.
const FOLD_HEADS: [u128; 128] = {
    let mut t = [0u128; 128];
    let mut b = 0;
    while b < 128 {
        let mut heads = 1u128 << (b as u8).to_ascii_lowercase();
        let mut k = 0;
        while k < FOLD_PAIRS.len() {
            let ([first, _], to) = FOLD_PAIRS[k];
            if heads >> first & 1 != 0 {
                heads |= 1 << to;
            }
            k += 1;
        }
        t[b] = heads;
        b += 1;
    }
    t
};

/// The six `str::replace` passes of [`translit_fold`] done in place on
/// `b`, returning the length left: every pair is ASCII and shrinks to one
/// byte, so bytes only move left, and ASCII bytes never occur inside a
/// multi-byte UTF-8 sequence.
fn replace_fold_pairs(b: &mut [u8]) -> usize {
    let mut len = b.len();
    for (from, to) in FOLD_PAIRS {
        let (mut r, mut w) = (0, 0);
        while r < len {
            if r + 1 < len && b[r] == from[0] && b[r + 1] == from[1] {
                b[w] = to;
                r += 2;
            } else {
                b[w] = b[r];
                r += 1;
            }
            w += 1;
        }
        len = w;
    }
    len
}

/// The pairs of [`FOLD_PAIRS`] by table: `PAIR_FIRST[a] & PAIR_SECOND[b]`
/// is not zero exactly when `ab` is one of them (one bit per distinct
/// first letter; a second letter has the bits of the letters it follows in
/// a pair); more than eight distinct first letters fail to compile.
const PAIR_TABLES: ([u8; 256], [u8; 256]) = {
    let (mut first, mut second) = ([0u8; 256], [0u8; 256]);
    let (mut letters, mut k) = (0, 0);
    while k < FOLD_PAIRS.len() {
        let ([a, b], _) = FOLD_PAIRS[k];
        if first[a as usize] == 0 {
            assert!(letters < 8, "at most eight distinct first letters");
            first[a as usize] = 1 << letters;
            letters += 1;
        }
        second[b as usize] |= first[a as usize];
        k += 1;
    }
    (first, second)
};
const PAIR_FIRST: [u8; 256] = PAIR_TABLES.0;
const PAIR_SECOND: [u8; 256] = PAIR_TABLES.1;

/// Whether `t` (lower case) holds one of the pairs of [`translit_fold`]
/// (non-zero if so).
fn has_fold_pair(t: &[u8]) -> u8 {
    t.windows(2).fold(0, |acc, w| {
        acc | PAIR_FIRST[usize::from(w[0])] & PAIR_SECOND[usize::from(w[1])]
    })
}

/// Whether `a` and `b` are at most one edit (insertion, deletion or
/// substitution of a char) apart: `edit_distance(a, b) <= 1` in linear time.
pub(crate) fn one_edit_apart(a: &str, b: &str) -> bool {
    // (ASCII by bytes: collecting chars cost two allocations a call.)
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart_in(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit_apart_in(&a, &b)
}

/// [`one_edit_apart`] on sequences of chars (or of ASCII bytes).
fn one_edit_apart_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == short.len() {
        return true;
    }
    // Skip the first difference in the longer word (insertion) or in both
    // (substitution); the rest must be equal.
    let skip = usize::from(short.len() == long.len());
    short[prefix + skip..] == long[prefix + 1..]
}

/// How many groups (or surnames) with one surname key a mention is compared
/// with. Articles name a handful of people per surname; the cap only bounds
/// the work on hostile text (thousands of distinct names sharing a key).
const MAX_CANDIDATES: usize = 64;

/// Surnames indexed so that the candidates of [`similar_surname`] are found
/// without a scan: equal after folding, or (six letters or more) sharing the
/// first three folded letters. Each surname carries a group number.
///
/// An article names a few people: up to [`MAX_CANDIDATES`] surnames the
/// index is a list that lookups scan (no per-key list reaches the cap, so
/// the scan finds what the maps would); past that the maps are built and
/// used, which keeps hostile text linear.
///
/// The folds are not the index's own: each [`Surname`] is a range of a
/// buffer of folds (the person names' buffer, [`PersonNames`]) that every
/// call passes along.
#[derive(Default)]
struct SurnameIndex {
    /// The surnames in the order added.
    entries: Vec<IndexEntry>,
    maps: Option<SurnameMaps>,
    /// Whether the groups of `entries` may not be strictly increasing (in
    /// the person clustering they are: the list's candidates then need no
    /// sort).
    unordered: bool,
    /// The first bytes of the folds added, one bit per ASCII byte: a
    /// similar surname starts with the same byte (equal folds, or equal
    /// first three chars), so a name whose fold can start with none of
    /// them ([`FOLD_HEADS`]) is told apart without being folded (most
    /// single words that the typing asks about name no one).
    heads: u128,
}

struct IndexEntry {
    surname: Surname,
    group: usize,
}

/// A folded surname, a range of a buffer of folds, with the keys that the
/// index compares: the list is scanned for every person mention, and
/// comparing strings and char arrays per entry cost more than the rest of
/// the lookup. Worked out once per surface ([`PersonNames`]).
#[derive(Clone, Debug)]
struct Surname {
    fold: Range<usize>,
    /// [`fold_key`] of the fold.
    key: u64,
    /// [`prefix_key`] of its [`long_prefix`].
    prefix_key: u64,
}

impl Surname {
    /// The surname whose fold is `folds[start..]`.
    fn of_fold(folds: &str, start: usize) -> Surname {
        let fold = &folds[start..];
        Surname {
            key: fold_key(fold),
            prefix_key: long_prefix_key(fold, fold_key(fold)),
            fold: start..folds.len(),
        }
    }

    /// Folds `surname` onto the end of `folds`.
    fn fold_onto(folds: &mut String, surname: &str) -> Surname {
        let start = folds.len();
        push_translit_fold(folds, surname);
        Surname::of_fold(folds, start)
    }

    /// A surname already folded, copied onto the end of `folds`.
    #[cfg(test)]
    fn push_folded(folds: &mut String, fold: &str) -> Surname {
        let start = folds.len();
        folds.push_str(fold);
        Surname::of_fold(folds, start)
    }
}

#[derive(Default)]
struct SurnameMaps {
    by_fold: HashMap<String, Vec<usize>>,
    by_prefix: HashMap<[char; 3], Vec<(String, usize)>>,
}

impl SurnameMaps {
    /// Adds the surname folded `fold` with its group.
    fn add(&mut self, fold: &str, group: usize) {
        if let Some(p) = long_prefix(fold) {
            let list = self.by_prefix.entry(p).or_default();
            if list.len() < MAX_CANDIDATES {
                list.push((fold.to_string(), group));
            }
        }
        let list = self.by_fold.entry(fold.to_string()).or_default();
        if list.len() < MAX_CANDIDATES {
            list.push(group);
        }
    }
}

/// The length and first bytes of a fold: equal folds have equal keys.
fn fold_key(fold: &str) -> u64 {
    // (Read, not copied: a copy of up to seven bytes was a `memcpy` call.)
    head7_le(fold.as_bytes()) | u64::from(fold.len().min(255) as u8) << 56
}

/// A [`long_prefix`] as one number (three chars of 21 bits), `u64::MAX`
/// for none (which no three chars make).
fn prefix_key(prefix: Option<[char; 3]>) -> u64 {
    prefix.map_or(u64::MAX, |[a, b, c]| {
        u64::from(a) << 42 | u64::from(b) << 21 | u64::from(c)
    })
}

/// `prefix_key(long_prefix(fold))`, given the [`fold_key`] of `fold`.
/// Its first seven bytes settle an ASCII fold (most surnames) without
/// the length dispatch of [`six_chars`], which mispredicted: if they are
/// ASCII, the fold has six chars or more exactly when it has six bytes
/// or more (a longer fold has seven ASCII chars), and its first three
/// bytes are the prefix.
fn long_prefix_key(fold: &str, key: u64) -> u64 {
    // (The high bits of the seven head bytes; the top byte is the length.)
    if key & (swar::HIGHS >> 8) != 0 {
        return prefix_key(long_prefix(fold));
    }
    let [a, b, c, ..] = key.to_le_bytes();
    // (Chosen after, not made an `Option` first: a select, not a branch.)
    let prefix = prefix_key(Some([a, b, c].map(char::from)));
    if fold.len() >= 6 { prefix } else { u64::MAX }
}

/// [`prefix3`] of a fold of six chars or more, else `None`.
fn long_prefix(fold: &str) -> Option<[char; 3]> {
    six_chars(fold).then(|| prefix3(fold))
}

/// `s.chars().count() >= 6`, mostly settled by the length in bytes (a
/// char takes one to four): counting the chars cost more than the rest of
/// a lookup.
fn six_chars(s: &str) -> bool {
    match s.len() {
        0..6 => false,
        24.. => true,
        _ => s.is_ascii() || s.chars().count() >= 6,
    }
}

impl SurnameIndex {
    fn clear(&mut self) {
        self.entries.clear();
        self.maps = None;
        self.unordered = false;
        self.heads = 0;
    }

    /// Adds `surname`, a fold of `folds`, with its group.
    fn add(&mut self, folds: &str, surname: &Surname, group: usize) {
        self.unordered |= self.entries.last().is_some_and(|l| l.group >= group);
        let fold = &folds[surname.fold.clone()];
        // (A fold that is empty or starts with a non-ASCII byte can only be
        // like names that `any_similar_to` folds and compares in full.)
        if let Some(&b) = fold.as_bytes().first().filter(|b| b.is_ascii()) {
            self.heads |= 1 << b;
        }
        if let Some(maps) = &mut self.maps {
            maps.add(fold, group);
        } else if self.entries.len() == MAX_CANDIDATES {
            let mut maps = SurnameMaps::default();
            for old in &self.entries {
                maps.add(&folds[old.surname.fold.clone()], old.group);
            }
            maps.add(fold, group);
            self.maps = Some(maps);
        }
        self.entries.push(IndexEntry {
            surname: surname.clone(),
            group,
        });
    }

    /// The groups whose surname may be similar to `surname` (a fold of
    /// `folds`), in group order, into `out` (a superset: callers still
    /// apply the full rule).
    fn candidates(&self, folds: &str, surname: &Surname, out: &mut Vec<usize>) {
        out.clear();
        let fold = &folds[surname.fold.clone()];
        match &self.maps {
            None => {
                let (key, pkey) = (surname.key, surname.prefix_key);
                for e in &self.entries {
                    let same_prefix = (e.surname.prefix_key == pkey) & (pkey != u64::MAX);
                    if same_prefix || e.surname.key == key && &folds[e.surname.fold.clone()] == fold
                    {
                        out.push(e.group);
                    }
                }
                if !self.unordered {
                    return;
                }
            }
            Some(maps) => {
                out.extend(maps.by_fold.get(fold).into_iter().flatten());
                if let Some(list) = long_prefix(fold).and_then(|p| maps.by_prefix.get(&p)) {
                    out.extend(list.iter().map(|(_, g)| *g));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Whether any indexed surname is similar to `surname` (a fold of
    /// `folds`).
    fn any_similar(&self, folds: &str, surname: &Surname) -> bool {
        let fold = &folds[surname.fold.clone()];
        let (key, pkey) = (surname.key, surname.prefix_key);
        match &self.maps {
            // (An entry's fold is sliced only when a key agrees: most
            // entries are told apart by their keys, and the slice checked
            // the bounds and `char` boundaries of every one.)
            None => self.entries.iter().any(|e| {
                let same = e.surname.key == key;
                let near = (pkey != u64::MAX) & (e.surname.prefix_key == pkey);
                (same | near) && {
                    let f = &folds[e.surname.fold.clone()];
                    same && f == fold || near && one_edit_apart(f, fold)
                }
            }),
            Some(maps) => {
                maps.by_fold.contains_key(fold)
                    || long_prefix(fold)
                        .and_then(|p| maps.by_prefix.get(&p))
                        .is_some_and(|list| list.iter().any(|(f, _)| one_edit_apart(f, fold)))
            }
        }
    }

    /// [`SurnameIndex::any_similar`] of `surname`, folded past the end of
    /// `folds` (the indexed surnames' buffer) and cut back after.
    fn any_similar_to(&self, folds: &mut String, surname: &str) -> bool {
        if let Some(&b) = surname.as_bytes().first().filter(|b| b.is_ascii())
            && self.heads & FOLD_HEADS[usize::from(b)] == 0
        {
            return false;
        }
        let asked = Surname::fold_onto(folds, surname);
        let found = self.any_similar(folds, &asked);
        folds.truncate(asked.fold.start);
        found
    }
}

/// A [`SurnameIndex`] with a buffer of folds of its own, taking surnames as
/// written (the tests' and the oracle's form).
#[cfg(test)]
#[derive(Default)]
pub(super) struct OwnedIndex {
    index: SurnameIndex,
    folds: String,
}

#[cfg(test)]
impl OwnedIndex {
    pub(super) fn add(&mut self, surname: &str, group: usize) {
        let s = Surname::fold_onto(&mut self.folds, surname);
        self.index.add(&self.folds, &s, group);
    }

    /// [`OwnedIndex::add`] of a surname already folded.
    pub(super) fn add_folded(&mut self, fold: &str, group: usize) {
        let s = Surname::push_folded(&mut self.folds, fold);
        self.index.add(&self.folds, &s, group);
    }

    /// The candidates of a folded surname, into `out`.
    pub(super) fn candidates_folded(&mut self, fold: &str, out: &mut Vec<usize>) {
        let s = Surname::push_folded(&mut self.folds, fold);
        self.index.candidates(&self.folds, &s, out);
        self.folds.truncate(s.fold.start);
    }

    pub(super) fn candidates(&mut self, surname: &str) -> Vec<usize> {
        let mut out = Vec::new();
        self.candidates_folded(&translit_fold(surname), &mut out);
        out
    }

    pub(super) fn any_similar(&mut self, surname: &str) -> bool {
        self.index.any_similar_to(&mut self.folds, surname)
    }
}

/// The first three chars of a fold of six chars or more (a key without a
/// string to allocate).
fn prefix3(fold: &str) -> [char; 3] {
    // (ASCII without decoding: most surnames.)
    if let [a, b, c, ..] = *fold.as_bytes()
        && (a | b | c) < 0x80
    {
        return [a, b, c].map(char::from);
    }
    let mut c = fold.chars();
    [(); 3].map(|_| c.next().unwrap_or('\0'))
}

/// A person cluster under construction: its representative mention (its
/// members' starts are kept by [`GroupStarts`]).
struct PersonGroup {
    rep: usize,
    /// The words of the representative (a range of
    /// [`PersonNames::words`]).
    words: Range<usize>,
    /// The folded surname of the representative (a range of
    /// [`PersonNames::folds`]).
    fold: Range<usize>,
}

/// The starts of the members of each person group, full names and single
/// words apart, without a vector per group (two per group were most of
/// the allocations of the person clustering). `union_people` adds all full
/// names first, then the single words, each in text order, and asks for
/// "the member mentioned last before a position" only while adding single
/// words: the full names are then final and are indexed by group once (a
/// binary search each), and the single words before a position are those
/// added so far, of which two starts per group settle the answer.
#[derive(Default)]
struct GroupStarts {
    /// (group, start) of each full name, in the order added.
    full: Vec<(usize, usize)>,
    /// The starts of `full` grouped by group (each in the order added),
    /// group `g` being `by_group[offsets[g]..offsets[g + 1]]`; built at the
    /// first question.
    offsets: Vec<usize>,
    by_group: Vec<usize>,
    /// Per group: the greatest start of a single word, and the greatest
    /// one below it (`usize::MAX` for none).
    singles: Vec<[usize; 2]>,
}

impl GroupStarts {
    fn clear(&mut self) {
        self.full.clear();
        self.offsets.clear();
        self.by_group.clear();
        self.singles.clear();
    }

    fn add(&mut self, g: usize, start: usize, single: bool) {
        if g >= self.singles.len() {
            self.singles.resize(g + 1, [usize::MAX; 2]);
        }
        if !single {
            debug_assert!(self.offsets.is_empty(), "full names after a question");
            self.full.push((g, start));
            return;
        }
        let [last, below] = &mut self.singles[g];
        debug_assert!(
            *last == usize::MAX || *last <= start,
            "single words out of order"
        );
        if *last != start {
            *below = *last;
            *last = start;
        }
    }

    /// The start of the member of group `g` mentioned last before `start`
    /// (single words are asked about in text order: all those added so far
    /// start at or before `start`).
    fn last_before(&mut self, g: usize, start: usize) -> Option<usize> {
        if self.offsets.is_empty() {
            // A counting sort by group, which keeps each group's starts in
            // the order added (text order).
            // (Each group's start moves on as its members are placed,
            // ending at the next group's; shifted back after.)
            refill(&mut self.offsets, self.singles.len() + 1, 0);
            for &(g, _) in &self.full {
                self.offsets[g + 1] += 1;
            }
            for k in 1..self.offsets.len() {
                self.offsets[k] += self.offsets[k - 1];
            }
            refill(&mut self.by_group, self.full.len(), 0);
            for &(g, s) in &self.full {
                self.by_group[self.offsets[g]] = s;
                self.offsets[g] += 1;
            }
            self.offsets.rotate_right(1);
            self.offsets[0] = 0;
        }
        // (A group made after the question that built the index, by a
        // single word, has no full names.)
        let full = match self.offsets.get(g + 1) {
            Some(&end) => &self.by_group[self.offsets[g]..end],
            None => &[],
        };
        let k = full.partition_point(|&s| s < start);
        let last_full = k.checked_sub(1).map(|k| full[k]);
        // (`usize::MAX` is never below `start`.)
        let last_single = self.singles[g].into_iter().find(|&s| s < start);
        last_full.max(last_single)
    }
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singletons, on the allocation of `parent`.
    fn new_in(mut parent: Vec<usize>, n: usize) -> UnionFind {
        parent.clear();
        parent.extend(0..n);
        UnionFind { parent }
    }
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut y = x;
        while self.parent[y] != r {
            let next = self.parent[y];
            self.parent[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// Points every element at its root, so that `parent[i]` is
    /// `find(i)`: one pass in index order, with no loop per element (the
    /// collection asked `find` of every mention, each a loop whose exit
    /// mispredicted). A parent's index is never above its child's (`union`
    /// hangs the greater root under the smaller, and `find` points an
    /// element at its root, the least of its set), so the parent of `i`
    /// is settled before `i` is, and its parent is then a root.
    fn flatten(&mut self) {
        for i in 0..self.parent.len() {
            let p = self.parent[i];
            debug_assert!(p <= i, "a parent after its child");
            self.parent[i] = self.parent[p];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`kind_of_many`] as first written (the oracle): the counted types'
    /// (count, first, type) triples compared.
    fn kind_of_many_reference(ms: &[Mention], c: &[usize]) -> EntityType {
        let (counts, first) = type_counts(ms, c);
        let kinds = TYPES.iter().zip(counts).filter(|(_, n)| *n > 0);
        kinds
            .max_by_key(|(t, n)| (*n, **t == first, std::cmp::Reverse(**t)))
            .map_or(first, |(t, _)| *t)
    }

    /// Equal keys unite their mentions, and keys that differ only past
    /// their heads or in length do not.
    #[test]
    fn equal_keys_unite_their_mentions() {
        let keys = [
            "general motors",
            "general mills",
            "gm",
            "general motors",
            "gm ",
            "gm",
        ];
        let mut buf = Vec::new();
        let ranges: Vec<(Range<usize>, usize)> = (keys.iter().enumerate())
            .map(|(i, k)| {
                let start = buf.len();
                buf.extend_from_slice(k.as_bytes());
                (start..buf.len(), i)
            })
            .collect();
        let mut uf = UnionFind::new_in(Vec::new(), keys.len());
        unite_equal_keys(&mut buf, &ranges, &mut uf, &mut KeyScratch::default());
        uf.flatten();
        assert_eq!(uf.parent, [0, 1, 2, 0, 4, 2]);
    }

    proptest::proptest! {
        /// The second-byte filter only turns away what the acronym tests
        /// turn away.
        #[test]
        fn acronym_filter_agrees_with_the_tests(s in "[AaZzQ.&0-9 é]{0,8}") {
            let full = is_acronym(&s) || s.bytes().all(|c| c == b'.' || c.is_ascii_uppercase());
            proptest::prop_assert_eq!(acronym_like(&s), full);
            proptest::prop_assert!(!(small_second(&s) && is_acronym(&s)));
        }

        /// The scored type agrees with the compared triples, ties and
        /// all-unknown clusters included (few mentions, so that counts tie).
        #[test]
        fn kind_of_many_agrees_with_the_reference(codes in proptest::collection::vec(0usize..4, 1..7)) {
            use crate::model::Span;
            let hint = |k: usize| match k {
                0 => Hint::Known(EntityType::Person),
                1 => Hint::Known(EntityType::Place),
                2 => Hint::Known(EntityType::Organization),
                _ => Hint::Unknown,
            };
            let ms: Vec<Mention> = (codes.iter().enumerate())
                .map(|(k, &h)| Mention::new(Span::new(8 * k, 8 * k + 5), "Velor", hint(h)))
                .collect();
            let c: Vec<usize> = (0..ms.len()).collect();
            proptest::prop_assert_eq!(kind_of_many(&ms, &c), kind_of_many_reference(&ms, &c));
        }
    }

    /// A place named with an organization suffix makes no organization
    /// head: a speaking mention of its first word alone stays a person, as
    /// it is without the place (review of the surface numbering).
    #[test]
    fn a_place_with_an_organization_suffix_makes_no_organization_head() {
        use crate::model::Span;
        let gaz = Gazetteer::load();
        assert!(gaz.org_suffixes.contains("Center"));
        let place = Mention::new(
            Span::new(0, 14),
            "Zentrix Center",
            Hint::Known(EntityType::Place),
        );
        let mut speaker = Mention::new(Span::new(30, 37), "Zentrix", Hint::Unknown);
        speaker.speaks = true;
        let kind = |es: &[Entity]| es.iter().find(|e| e.name == "Zentrix").map(|e| e.kind);
        let alone = cluster(vec![speaker], &gaz);
        assert_eq!(kind(&alone), Some(EntityType::Person));
        let with_place = cluster(vec![place, speaker], &gaz);
        assert_eq!(kind(&with_place), Some(EntityType::Person));
    }

    /// "The alliance" is told by its whole marker: a canonical name as long
    /// as the marker is none, nor is the marker as a role. In an article
    /// the one alliance takes it wherever it is written, also before the
    /// last mention.
    #[test]
    fn the_alliance_is_told_by_its_whole_marker() {
        use crate::model::Span;
        let gaz = Gazetteer::load();
        let at = |start: usize, surface: &'static str, t: EntityType| {
            Mention::new(
                Span::new(start, start + surface.len()),
                surface,
                Hint::Known(t),
            )
        };
        let marker = crate::extract::entities::ALLIANCE_MARKER;
        let mut same_length = at(60, "Velmarkia", EntityType::Place);
        same_length.set_canonical(Some("Velmarkia"));
        assert_eq!(same_length.canonical().map(str::len), Some(marker.len()));
        assert!(!alliance(&same_length));
        let mut role = at(40, "Jan Orvik", EntityType::Person);
        role.set_role(Some(marker));
        assert!(!alliance(&role));
        let mut the = at(20, "the alliance", EntityType::Organization);
        the.set_canonical(Some(marker));
        assert!(alliance(&the));
        let ms = vec![
            at(0, "Kestrel Bay Alliance", EntityType::Organization),
            the,
            role,
            same_length,
        ];
        let got = cluster(ms.clone(), &gaz);
        let bay = got.iter().find(|e| e.name == "Kestrel Bay Alliance");
        assert_eq!(bay.map(|e| e.mentions), Some(2));
        assert!(got.iter().all(|e| e.name != "the alliance"));
        assert_eq!(got, oracle::cluster(ms, &gaz));
    }

    /// Clusters next to each other in the entity order merge only when
    /// both type and name agree: names whose order keys agree (the type
    /// and the first seven bytes) stay apart, and so does one name under
    /// two types.
    #[test]
    fn order_neighbours_merge_only_on_type_and_name() {
        use crate::model::Span;
        let gaz = Gazetteer::load();
        let m = |start: usize, surface: &'static str, t: EntityType| {
            let span = Span::new(start, start + surface.len());
            Mention::new(span, surface, Hint::Known(t))
        };
        let ms = vec![
            m(0, "Zentrix Group", EntityType::Organization),
            m(20, "Zentrix Center", EntityType::Organization),
            m(40, "Velmar", EntityType::Person),
            m(50, "Velmar", EntityType::Organization),
        ];
        let got = cluster(ms.clone(), &gaz);
        let named: Vec<(EntityType, &str)> =
            got.iter().map(|e| (e.kind, e.name.as_str())).collect();
        assert_eq!(
            named,
            [
                (EntityType::Person, "Velmar"),
                (EntityType::Organization, "Velmar"),
                (EntityType::Organization, "Zentrix Center"),
                (EntityType::Organization, "Zentrix Group"),
            ]
        );
        assert_eq!(got, oracle::cluster(ms, &gaz));
    }

    /// A surname matched again after a group was made that it also
    /// matches: the match kept from its first mention no longer holds, and
    /// the surname goes to the person named last before it.
    #[test]
    fn a_repeated_surname_sees_groups_made_since() {
        use crate::model::Span;
        let gaz = Gazetteer::load();
        let person = |start: usize, surface: &'static str| {
            let span = Span::new(start, start + surface.len());
            Mention::new(span, surface, Hint::Known(EntityType::Person))
        };
        // "Quelin" is like "Quellin" and like "Queliz", which are not
        // alike (a substitution and an insertion apart).
        let ms = vec![
            person(0, "Marta Quellin"),
            person(20, "Quelin"),
            person(30, "Queliz"),
            person(40, "Quelin"),
        ];
        let got = cluster(ms.clone(), &gaz);
        assert_eq!(got, oracle::cluster(ms, &gaz));
        let starts = |name: &str| {
            let e = got.iter().find(|e| e.name == name).expect("an entity");
            e.spans.iter().map(|s| s.start).collect::<Vec<_>>()
        };
        assert_eq!(starts("Marta Quellin"), [0, 20]);
        assert_eq!(starts("Queliz"), [30, 40]);
    }

    /// The thread's scratch keeps its vectors from one article to the next,
    /// and lets them go after a text with more mentions than a kept vector
    /// may hold.
    #[test]
    fn the_scratch_is_kept_but_not_after_a_huge_text() {
        use crate::model::Span;
        let gaz = Gazetteer::load();
        let names: Vec<String> = (0..spare::MAX_KEPT_BYTES / 64 + 1)
            .map(|k| format!("Zentrix{k} Velmar"))
            .collect();
        let mentions = |n: usize| -> Vec<Mention> {
            (names.iter().take(n).enumerate())
                .map(|(k, s)| Mention::new(Span::new(32 * k, 32 * k + s.len()), s, Hint::Unknown))
                .collect()
        };
        let kept = || SCRATCH.with_borrow(|s| s.surface_of.capacity());
        std::thread::scope(|t| {
            t.spawn(|| {
                cluster(mentions(40), &gaz);
                assert!(kept() >= 40);
                cluster(mentions(3), &gaz);
                assert!(kept() >= 40, "kept across articles");
                cluster(mentions(names.len()), &gaz);
                assert_eq!(kept(), 0, "let go after a huge text");
            });
        });
    }

    /// After a text of few mentions with very long names, the separators
    /// and keys kept for the next article are capped (the mentions alone
    /// do not let the scratch go).
    #[test]
    fn long_names_leave_capped_separators_and_keys() {
        use crate::model::Span;
        let gaz = Gazetteer::load();
        let names: Vec<String> = (0..6000)
            .map(|k| format!("Velmar{k}{}", " Q".repeat(90)))
            .collect();
        assert!(names.len() <= spare::MAX_KEPT_BYTES / 64, "not a huge text");
        let mentions = |n: usize| -> Vec<Mention> {
            (names.iter().take(n).enumerate())
                .map(|(k, s)| {
                    let span = Span::new(256 * k, 256 * k + s.len());
                    Mention::new(span, s, Hint::Known(EntityType::Organization))
                })
                .collect()
        };
        let kept = || SCRATCH.with_borrow(|s| (s.orgs.seps.capacity(), s.orgs.keys.capacity()));
        std::thread::scope(|t| {
            t.spawn(|| {
                cluster(mentions(3), &gaz);
                let (seps, keys) = kept();
                assert!(seps > 0 && keys > 0, "kept across articles");
                cluster(mentions(names.len()), &gaz);
                let (seps, keys) = kept();
                assert!(seps * size_of::<usize>() <= spare::MAX_KEPT_BYTES);
                assert!(keys <= spare::MAX_KEPT_BYTES);
            });
        });
    }

    /// The dynamic-programming edit distance that `one_edit_apart` replaced.
    fn edit_distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn one_edit_apart_agrees_with_edit_distance() {
        // Every pair of strings of up to four letters over a small alphabet.
        let mut words = vec![String::new()];
        for len in 1..=4 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.chars().count() == len - 1) {
                for c in ['a', 'b', 'é'] {
                    next.push(format!("{w}{c}"));
                }
            }
            words.extend(next);
        }
        for a in &words {
            for b in &words {
                assert_eq!(
                    one_edit_apart(a, b),
                    edit_distance(a, b) <= 1,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    /// `translit_fold` as first written: six `str::replace` passes.
    fn translit_fold_reference(s: &str) -> String {
        let mut t = s.to_lowercase();
        for (from, to) in [
            ("yy", "y"),
            ("iy", "y"),
            ("ij", "y"),
            ("ii", "i"),
            ("kh", "h"),
            ("ou", "u"),
        ] {
            t = t.replace(from, to);
        }
        t
    }

    /// `norm_key` as first written.
    fn norm_key_reference(s: &str) -> String {
        let s = s
            .strip_prefix("the ")
            .or_else(|| s.strip_prefix("The "))
            .unwrap_or(s);
        s.to_lowercase().replace('.', "")
    }

    /// `bare_name` as first written: split, pop, join.
    fn bare_name_reference(surface: &str) -> String {
        let mut words: Vec<&str> = surface.split(' ').collect();
        while words.len() > 2
            && words.last().is_some_and(|w| {
                super::super::COMPANY.contains(w) || matches!(*w, "Company" | "Corporation")
            })
        {
            words.pop();
        }
        words.join(" ")
    }

    proptest::proptest! {
        /// After any unions and finds, `flatten` points each element at
        /// what `find` answers (the finds of the oracle are asked on a
        /// copy, so that their path compression does not help `flatten`).
        #[test]
        fn flatten_gives_the_roots(
            n in 1usize..40,
            ops in proptest::collection::vec((0usize..40, 0usize..40, proptest::bool::ANY), 0..60),
        ) {
            let mut uf = UnionFind::new_in(vec![7; 3], n);
            for &(a, b, find) in &ops {
                let (a, b) = (a % n, b % n);
                if find {
                    uf.find(a);
                } else {
                    uf.union(a, b);
                }
            }
            let mut oracle = UnionFind { parent: uf.parent.clone() };
            let roots: Vec<usize> = (0..n).map(|i| oracle.find(i)).collect();
            uf.flatten();
            proptest::prop_assert_eq!(uf.parent, roots);
        }

        /// The filtered scan unites the mentions that the hash table
        /// does (its oracle): keys with shared heads, equal lengths and
        /// repeats, at every count up to past [`SCAN_KEYS`], on a used
        /// scratch and a buffer with bytes before the keys.
        #[test]
        fn equal_keys_scanned_unite_as_the_table(
            keys in proptest::collection::vec("(united |ab)?[ab\u{1} é]{0,10}", 0..80),
            mentions in proptest::collection::vec(0usize..100, 80),
        ) {
            let n = 100;
            let mut buf = b"stale".to_vec();
            let ranges: Vec<(Range<usize>, usize)> = (keys.iter().zip(&mentions))
                .map(|(k, &i)| {
                    let start = buf.len();
                    buf.extend_from_slice(k.as_bytes());
                    (start..buf.len(), i)
                })
                .collect();
            let mut scratch = KeyScratch::default();
            let mut scanned = UnionFind::new_in(Vec::new(), n);
            let mut table = UnionFind::new_in(Vec::new(), n);
            // (Below the bound the scan; past it `unite_equal_keys` takes
            // the table, so the scan is asked directly there too.)
            let before = buf.clone();
            for part in ranges.chunks(SCAN_KEYS) {
                unite_equal_keys(&mut buf, part, &mut scanned, &mut scratch);
                unite_by_table(&buf, part, &mut table, &mut scratch);
            }
            proptest::prop_assert_eq!(&buf, &before);
            unite_equal_keys(&mut buf, &ranges, &mut scanned, &mut scratch);
            unite_by_table(&buf, &ranges, &mut table, &mut scratch);
            scanned.flatten();
            table.flatten();
            proptest::prop_assert_eq!(scanned.parent, table.parent);
        }

        #[test]
        fn given_name_agrees_with_the_words(s in "[a \t\u{b}\u{a0}é]{0,8}") {
            let mut words = s.split_whitespace();
            let want = words.next().map(|first| (first, words.next().is_none()));
            proptest::prop_assert_eq!(first_and_last_word(&s).map(given_name), want);
        }

        #[test]
        fn one_char_counts(s in "[a.é\u{10348}]{0,6}") {
            proptest::prop_assert_eq!(one_char(&s), s.chars().count() == 1);
        }

        #[test]
        fn in_place_fold_agrees_with_replace(s in "[iIyYjJkKhHoOuUaé İΣ.]{0,12}") {
            proptest::prop_assert_eq!(translit_fold(&s), translit_fold_reference(&s));
        }

        #[test]
        fn norm_key_agrees_with_the_reference(s in "(the |The )?[A-Za-z. ΣÉé]{0,12}") {
            proptest::prop_assert_eq!(norm_key(&s), norm_key_reference(&s));
        }

        #[test]
        fn bare_name_agrees_with_the_reference(
            s in "(General|Co\\.|Inc|Corp\\.|Company|Corporation|AG|x| ){0,6}"
        ) {
            proptest::prop_assert_eq!(bare_name(&s), bare_name_reference(&s));
        }
    }

    #[test]
    fn same_person_folded_agrees_with_same_person() {
        let names = [
            "Jane Doe",
            "J. Doe",
            "Doe",
            "Janet Doe",
            "Jane  Doe",
            " Doe ",
            "",
            "Mary Jane Doe",
            "Dostoyevsky",
            "Fyodor Dostoevsky",
            "F. Dostoevskiy",
            "Doh",
        ];
        for a in names {
            for b in names {
                let (wa, wb): (Vec<&str>, Vec<&str>) = (
                    a.split_whitespace().collect(),
                    b.split_whitespace().collect(),
                );
                let fold = |w: &[&str]| w.last().map(|s| translit_fold(s)).unwrap_or_default();
                assert_eq!(
                    same_person_folded(&wa, &fold(&wa), b, &fold(&wb)),
                    same_person(&wa, &wb),
                    "{a:?} {b:?}"
                );
                assert_eq!(
                    same_person_words(&wa, &fold(&wa), &wb, &fold(&wb)),
                    same_person(&wa, &wb),
                    "{a:?} {b:?} split"
                );
            }
        }
    }

    proptest::proptest! {
        /// The ASCII path of `prefix3` gives what decoding gives: the
        /// first three characters, `'\0'` past the end.
        #[test]
        fn prefix3_is_the_first_three_chars(s in "[a-zé\u{0}ß中]{0,5}|\\PC{0,5}") {
            let mut c = s.chars();
            let want = [(); 3].map(|_| c.next().unwrap_or('\0'));
            proptest::prop_assert_eq!(prefix3(&s), want);
        }
    }

    #[test]
    fn look_bits_are_those_of_the_types() {
        for (t, bit) in [
            (EntityType::Person, 1),
            (EntityType::Organization, 2),
            (EntityType::Place, 0),
        ] {
            assert_eq!(LOOK_BIT[t as usize], bit);
        }
    }

    proptest::proptest! {
        #[test]
        fn same_person_given_agrees_with_same_person_folded(
            a in "(?:[ \t]?(?:Ilse|I\\.|Ilsa|Zoë|Wendlinger|Wendlingen|Wendlnger|Kholodov|Holodov|Ǆemal|X)[ \u{a0}]?){0,3}",
            b in "(?:[ \t]?(?:Ilse|I\\.|Ilsa|Zoë|Wendlinger|Wendlingen|Wendlnger|Kholodov|Holodov|Ǆemal|X)[ \u{a0}]?){0,3}",
        ) {
            let words: Vec<&str> = a.split_whitespace().collect();
            let fold = |s: &str| s.split_whitespace().last().map(translit_fold).unwrap_or_default();
            // (The fold compares only names with a surname.)
            let given = |s| first_and_last_word(s).map(given_name);
            if let (Some(ga), Some(gb)) = (given(&a), given(&b)) {
                proptest::prop_assert_eq!(
                    same_person_given(ga, &fold(&a), gb, &fold(&b)),
                    same_person_folded(&words, &fold(&a), &b, &fold(&b))
                );
            } else {
                proptest::prop_assert!(words.is_empty() || b.split_whitespace().next().is_none());
            }
        }
    }

    #[test]
    fn given_name_edges() {
        let given = |s| first_and_last_word(s).map(given_name);
        assert_eq!(given(""), None);
        assert_eq!(given(" \u{85}"), None);
        assert_eq!(given(" Ode "), Some(("Ode", true)));
        assert_eq!(given("Ode Ode"), Some(("Ode", false)));
        assert_eq!(given("Zoë\u{a0}Marr"), Some(("Zoë", false)));
    }

    /// Everything the organization rules read of a name's separators, as
    /// `split`, `match_indices` and `bare_name` give it: the pieces of the
    /// name and of its bare name, the spaces, the words after each space,
    /// the bare length and the initials' head. Each name is scanned after
    /// another into a buffer holding stale offsets, as the kept scratch is.
    fn check_separated(before: &str, s: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        use proptest::prop_assert_eq;
        let mut buf = vec![usize::MAX - 1; 3];
        let at = scan_name(&mut buf, 0, before);
        let n = scan_name(&mut buf, at, s);
        let name = Separated {
            s,
            seps: &buf[at..at + n],
        };
        let whole: Vec<&str> = name.pieces(s.len()).collect();
        prop_assert_eq!(whole, s.split([' ', '-']).collect::<Vec<_>>());
        let bare = bare_name(s);
        prop_assert_eq!(name.bare_len(), bare.len());
        let pieces: Vec<&str> = name.pieces(bare.len()).collect();
        prop_assert_eq!(pieces, bare.split([' ', '-']).collect::<Vec<_>>());
        prop_assert_eq!(
            initials_head_of(name.pieces(bare.len())),
            initials_head(bare)
        );
        prop_assert_eq!(initials_head_of(name.pieces(s.len())), initials_head(s));
        let spaces: Vec<usize> = name.spaces().map(|(_, p)| p).collect();
        let expected: Vec<usize> = s.match_indices(' ').map(|(p, _)| p).collect();
        prop_assert_eq!(spaces, expected);
        for (k, p) in name.spaces() {
            let words: Vec<&str> = name.space_words_after(k).collect();
            prop_assert_eq!(words, s[p + 1..].split(' ').collect::<Vec<_>>());
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn separated_agrees_with_split(
            before in "[a -]{0,6}",
            s in "(General|Co\\.|Inc|Corp\\.|Company|Corporation|of|the|Ten|AG|x|é|ærø|-| ){0,8}",
        ) {
            check_separated(&before, &s)?;
        }
    }

    /// The separators as the byte loop that `scan_name` replaced wrote
    /// them (the oracle).
    fn scan_name_reference(s: &str) -> Vec<usize> {
        (s.bytes().enumerate())
            .filter(|&(_, c)| c == b' ' || c == b'-')
            .map(|(k, c)| k << 1 | usize::from(c == b'-'))
            .collect()
    }

    proptest::proptest! {
        /// The word-at-a-time scan finds the byte loop's separators, after
        /// a name that left stale offsets, at every length and alignment.
        #[test]
        fn scan_name_agrees_with_the_byte_loop(
            before in "[a -]{0,9}",
            // (` -é` is a range: every printable ASCII byte and then some.)
            s in "[ -é\u{2010}\0]{0,40}",
        ) {
            let mut buf = vec![usize::MAX - 1; 3];
            let at = scan_name(&mut buf, 0, &before);
            proptest::prop_assert_eq!(&buf[..at], &scan_name_reference(&before)[..]);
            let n = scan_name(&mut buf, at, &s);
            proptest::prop_assert_eq!(&buf[at..at + n], &scan_name_reference(&s)[..]);
        }

        /// The keys read as words agree with the bytes shifted in one at a
        /// time, as they were built before.
        #[test]
        fn head_keys_agree_with_the_byte_fold(t in 0..3u8, s in "[ab\u{0}é]{0,12}") {
            let kind = [EntityType::Person, EntityType::Place, EntityType::Organization]
                [usize::from(t)];
            let head = s.bytes().take(7).fold(0, |k, b| k << 8 | u64::from(b));
            let order = (kind as u64) << 56 | head << (8 * (7 - s.len().min(7)));
            proptest::prop_assert_eq!(order_key(kind, &s), order);
            let head = (s.bytes().take(7).enumerate())
                .fold(0, |k, (i, b)| k | u64::from(b) << (8 * i));
            proptest::prop_assert_eq!(fold_key(&s), head | u64::from(s.len().min(255) as u8) << 56);
        }
    }

    #[test]
    fn scan_name_edges() {
        let scan = |s: &str| {
            let mut buf = Vec::new();
            let n = scan_name(&mut buf, 0, s);
            buf.truncate(n);
            buf
        };
        assert_eq!(scan(""), Vec::<usize>::new());
        assert_eq!(scan("Apple"), Vec::<usize>::new());
        assert_eq!(scan("Coca-Cola Co"), vec![4 << 1 | 1, 9 << 1]);
        assert_eq!(
            scan("General Motors"),
            vec![7 << 1],
            "a space in the first eight bytes"
        );
        assert_eq!(
            scan("Ostravia-NORTA Council"),
            vec![8 << 1 | 1, 14 << 1],
            "one in each eight bytes"
        );
    }

    #[test]
    fn separated_edges() {
        for s in [
            "",
            " ",
            "-",
            "- -",
            "Velmar",
            " Velmar Corp.",
            "Velmar  Corp. Inc",
            "Velmar Ten Holdings Co. Inc",
            "Ærø-Vik Bank",
            "Ærø-Vik Bank-",
            "Velmar Corp. ",
            "of the Velmar Group AG",
            "a\u{2010}b c",
        ] {
            check_separated("Ostria-Velmar Council", s).unwrap();
        }
    }

    #[test]
    fn split_space_hyphen_edges() {
        fn pieces(s: &str) -> Vec<&str> {
            split_space_hyphen(s).collect()
        }
        assert_eq!(pieces(""), [""]);
        assert_eq!(pieces("-"), ["", ""]);
        assert_eq!(pieces("Ærø-Vik  Bank"), ["Ærø", "Vik", "", "Bank"]);
        assert_eq!(pieces("a\u{2010}b c"), ["a\u{2010}b", "c"]);
    }

    proptest::proptest! {
        #[test]
        fn split_space_hyphen_agrees_with_split(s in "[a é\u{2010}\u{a0}-]{0,12}") {
            let ours: Vec<&str> = split_space_hyphen(&s).collect();
            let theirs: Vec<&str> = s.split([' ', '-']).collect();
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn word_count_agrees_with_split_whitespace(s in "[a \t\n\x0b\x0c\r\u{85}\u{a0}é]{0,12}") {
            proptest::prop_assert_eq!(word_count(&s), s.split_whitespace().count());
        }

        #[test]
        fn six_chars_agrees_with_the_count(s in "[aé€𝄞]{0,30}") {
            proptest::prop_assert_eq!(six_chars(&s), s.chars().count() >= 6);
        }

        #[test]
        fn long_prefix_key_agrees_with_the_prefix(
            s in "[a-z\u{0}\u{7f}é€𝄞]{0,12}|[a-z]{0,30}|\\PC{0,12}",
        ) {
            let want = prefix_key(long_prefix(&s));
            proptest::prop_assert_eq!(long_prefix_key(&s, fold_key(&s)), want);
        }

        #[test]
        fn is_upper_word_agrees_with_chars(s in "[aA. éÉ1]{0,8}") {
            proptest::prop_assert_eq!(is_upper_word(&s), !s.chars().any(char::is_lowercase));
        }
    }

    /// Invented names that meet every rule: people with initials, spelling
    /// variants and shared surnames; organizations with company forms,
    /// suffixes, acronyms, word orders; alliances and treaties; non-ASCII.
    const SURFACES: &[&str] = &[
        "Marta Quellin",
        "M. Quellin",
        "Quellin",
        "Quelin",
        "Dario Quellin",
        "Tomasz Brevikov",
        "Brevikoy",
        "Brevikov",
        "Tomas Brevikoff",
        "Brevikiy",
        "Jane Okonta",
        "Okonta",
        "Zentrix",
        "Zentrix Corp.",
        "Zentrix Group",
        "Zentrix Center",
        "Zentrix Motors Corp.",
        "ZMC",
        "Z.M.C.",
        "ZM",
        "Halvard Velmar Industries",
        "HVI",
        "Velmar",
        "Ostria-Velmar Council",
        "Velmar-Ostria Council",
        "Ostria Velmar Council",
        "Ostria",
        "Kestrel Bay Alliance",
        "Kestrel Bay Treaty Organization",
        "Kestrel Bay",
        "the Velmar Pact",
        "Ærøvik",
        "Ærøvik Bank",
        "ÆRØVIK",
        "ΣΩΚ Holdings",
        "Velmarphone",
        "Velmarphone Pro",
        "Velmar Ten Holdings",
        "V10H",
        "Ærøvik Velmar Bank",
        "of the Velmar",
        "VELMAR",
        "",
    ];

    fn arb_mention() -> impl proptest::strategy::Strategy<Value = Mention<'static>> {
        use crate::model::Span;
        use proptest::prelude::*;
        let hint = prop_oneof![
            Just(Hint::Unknown),
            Just(Hint::Known(EntityType::Person)),
            Just(Hint::Known(EntityType::Place)),
            Just(Hint::Known(EntityType::Organization)),
        ];
        let name = proptest::sample::select(SURFACES);
        // At most one of a canonical name, a role and a definition, as the
        // detection makes them (`Mention` holds one).
        let note = prop_oneof![
            28 => Just((None, None, None)),
            7 => Just((Some("\u{0}alliance"), None, None)),
            7 => name.clone().prop_map(|c| (Some(c), None, None)),
            10 => proptest::sample::select(&["envoy", "chair"][..]).prop_map(|r| (None, Some(r), None)),
            5 => proptest::sample::select(&["ZMC", "HVI", "KBA"][..])
                .prop_map(|a| (None, None, Some(a))),
        ];
        (
            (0usize..400, 1usize..30),
            name,
            hint,
            note,
            proptest::array::uniform6(proptest::bool::weighted(0.25)),
        )
            .prop_map(
                |((start, len), surface, hint, (canonical, role, defines), f)| {
                    let mut m = Mention::new(Span::new(start, start + len), surface, hint);
                    m.set_canonical(canonical);
                    m.set_role(role);
                    m.set_defines(defines);
                    [m.after_the, m.speaks, m.initial, m.agent, m.product, m.weak] =
                        [f[0], f[1], f[2], f[3], f[4], f[5]];
                    m
                },
            )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The clusters are those of the hash-map code they replaced, on
        /// mention lists ordered as the detection leaves them (by span,
        /// without repeated spans) and, for the fallback sorts, as drawn.
        /// (The cases run on one thread, one after another on its scratch,
        /// as the articles do: what one leaves must not reach the next.)
        #[test]
        fn cluster_agrees_with_the_hash_map_code(
            mut ms in proptest::collection::vec(arb_mention(), 0..40),
            as_detected in proptest::bool::weighted(0.8),
        ) {
            static GAZ: std::sync::LazyLock<Gazetteer> = std::sync::LazyLock::new(Gazetteer::load);
            let gaz = &*GAZ;
            if as_detected {
                ms.sort_by_key(|m| (m.span.start, m.span.end, m.hint == Hint::Unknown));
                ms.dedup_by_key(|m| m.span);
            }
            proptest::prop_assert_eq!(cluster(ms.clone(), gaz), oracle::cluster(ms, gaz));
        }
    }

    proptest::proptest! {
        /// The clustering reads no context flag of a known mention that is
        /// not weak (`Ctx::mention` leaves them unset there): clearing them
        /// changes no entity.
        #[test]
        fn known_mentions_flags_are_not_read(
            ms in proptest::collection::vec(arb_mention(), 0..40),
        ) {
            static GAZ: std::sync::LazyLock<Gazetteer> = std::sync::LazyLock::new(Gazetteer::load);
            let cleared: Vec<Mention> = ms
                .iter()
                .map(|&m| {
                    let mut m = m;
                    if m.hint != Hint::Unknown && !m.weak {
                        [m.after_the, m.speaks, m.initial, m.agent, m.product] = [false; 5];
                    }
                    m
                })
                .collect();
            proptest::prop_assert_eq!(cluster(ms, &GAZ), cluster(cleared, &GAZ));
        }
    }

    proptest::proptest! {
        /// Names whose word-set keys are equal have a bit in common, so
        /// the filter before the keys lets both through.
        #[test]
        fn equal_word_sets_share_a_word_set_bit(
            a in "(Velmar|velmar|VELMAR|Ostria|ostria|of|Council|ærø|ÆRØ|\u{212a}|k|x)([ -]{1,2}(Velmar|velmar|Ostria|of|Council|ærø|ÆRØ|\u{212a}|k|x)){1,4}",
            b in "(Velmar|velmar|VELMAR|Ostria|ostria|of|Council|ærø|ÆRØ|\u{212a}|k|x)([ -]{1,2}(Velmar|velmar|Ostria|of|Council|ærø|ÆRØ|\u{212a}|k|x)){1,4}",
        ) {
            let key = |s: &str| {
                let (mut keys, mut lower, mut words, mut seps) = (Vec::new(), String::new(), Vec::new(), Vec::new());
                let n = scan_name(&mut seps, 0, s);
                let name = Separated { s, seps: &seps[..n] };
                let r = push_word_set_key(&mut keys, &mut lower, &mut words, &name);
                (r.map(|r| keys[r].to_vec()), n)
            };
            let ((ka, na), (kb, nb)) = (key(&a), key(&b));
            if ka.is_some() && ka == kb {
                proptest::prop_assert_ne!(word_set_bits(&a, na) & word_set_bits(&b, nb), 0);
            }
        }
    }

    proptest::proptest! {
        /// The gate before `initials` in the organization rules.
        #[test]
        fn initials_head_is_the_first_byte_of_the_initials(
            s in "(of |the |and |for |on |& |One |Ten |Twenty |seven |Velmar |ærø|é|x|-| ){0,6}"
        ) {
            if let Some(ini) = initials(&s) {
                proptest::prop_assert_eq!(initials_head(&s), ini.as_bytes().first().copied());
            }
        }
    }

    proptest::proptest! {
        /// The filter before the prefix rule's lookups never turns away a
        /// string put in it.
        #[test]
        fn ends_hold_what_was_inserted(
            put in proptest::collection::vec("[a-zé .]{0,40}", 0..20),
            asked in "[a-zé .]{0,40}",
        ) {
            let mut ends = Ends::default();
            for s in &put {
                ends.insert(s);
            }
            for s in &put {
                proptest::prop_assert!(ends.may_hold(s));
            }
            if !ends.may_hold(&asked) {
                proptest::prop_assert!(!put.contains(&asked));
            }
        }
    }

    #[test]
    fn ends_edges() {
        let mut ends = Ends::default();
        assert!(!ends.may_hold(""));
        ends.insert("");
        assert!(ends.may_hold(""));
        ends.insert("Velmar Ærø");
        assert!(ends.may_hold("Velmar Ærø"));
        // Another length, or another last byte: turned away.
        assert!(!ends.may_hold("Velmar Ærøv"));
        assert!(!ends.may_hold("Velmar Ærx"));
    }

    #[test]
    fn first_and_last_word_edges() {
        for (s, expected) in [
            ("", None),
            ("  \t", None),
            ("Velmar", Some(("Velmar", "Velmar"))),
            (" Velmar\n", Some(("Velmar", "Velmar"))),
            ("Jana  van\x0bVelmar ", Some(("Jana", "Velmar"))),
            ("Ærø Velmar", Some(("Ærø", "Velmar"))),
        ] {
            assert_eq!(first_and_last_word(s), expected, "{s:?}");
        }
    }

    #[test]
    fn initials_head_edges() {
        for (name, head) in [
            ("Velmar Ten Holdings", Some(b'V')),
            ("Ten Velmar", Some(b'1')),
            ("the Ostria-Velmar Council", Some(b'O')),
            ("of the and", None),
            ("ærø Velmar", Some("æ".as_bytes()[0])),
            ("-- Velmar", Some(b'V')),
            ("", None),
        ] {
            assert_eq!(initials_head(name), head, "{name:?}");
        }
    }

    proptest::proptest! {
        /// A cluster of one mention makes the entity the general rule makes.
        #[test]
        fn lone_entity_agrees_with_the_oracle(m in arb_mention()) {
            proptest::prop_assert_eq!(lone_entity(&m), oracle::entity(&[m], &[0]));
        }

        /// The starts kept per group answer as the two lists per group
        /// did, for adds and questions in the order of `union_people`: full
        /// names in text order, then single words in text order, each
        /// single word asking about some groups before it is added.
        #[test]
        fn group_starts_agree_with_lists_per_group(
            mut full in proptest::collection::vec((0usize..6, 0usize..60), 0..30),
            mut single in proptest::collection::vec((0usize..9, 0usize..60, 0usize..9), 0..30),
        ) {
            full.sort_by_key(|&(_, s)| s);
            single.sort_by_key(|&(_, s, _)| s);
            let mut ours = GroupStarts::default();
            let mut lists: Vec<oracle::PersonGroup> =
                (0..9).map(|_| oracle::PersonGroup::empty()).collect();
            // Groups 6 to 8 are made by single words (after the index of
            // full names is built); only groups made so far are asked about.
            let mut made = 0;
            for &(g, s) in &full {
                ours.add(g, s, false);
                lists[g].add(s, false);
                made = made.max(g + 1);
            }
            for &(g, s, asked) in &single {
                if asked < made {
                    proptest::prop_assert_eq!(ours.last_before(asked, s), lists[asked].last_before(s));
                }
                ours.add(g, s, true);
                lists[g].add(s, true);
                made = made.max(g + 1);
            }
        }

        #[test]
        fn push_norm_key_appends(
            prefix in "[a-zé.]{0,4}",
            s in "(the |The )?[A-Za-z. ΣÉé]{0,12}",
        ) {
            let mut buf = prefix.clone();
            push_norm_key(&mut buf, &s);
            proptest::prop_assert_eq!(buf, prefix + &norm_key_reference(&s));
        }

        /// The byte keys, of names around the word length, with the bytes
        /// next to `A`, `Z` and `.`, NUL and DEL, and chars beyond ASCII
        /// anywhere in them.
        #[test]
        fn push_norm_key_bytes_agrees_with_the_reference(
            prefix in proptest::collection::vec(proptest::num::u8::ANY, 0..4),
            s in "(the |The )?[A-Za-z. @\\[`{,/\u{0}\u{7f}ΣÉé]{0,26}",
        ) {
            let mut buf = prefix.clone();
            push_norm_key_bytes(&mut buf, &s);
            let mut expected = prefix;
            expected.extend_from_slice(norm_key_reference(&s).as_bytes());
            proptest::prop_assert_eq!(buf, expected);
        }

        #[test]
        fn push_translit_fold_appends(prefix in "[iyko]{0,3}", s in "[iIyYjJkKhHoOuUaé İΣ.]{0,12}") {
            let mut buf = prefix.clone();
            push_translit_fold(&mut buf, &s);
            proptest::prop_assert_eq!(buf, prefix + &translit_fold_reference(&s));
        }

        #[test]
        fn first_word_agrees_with_split(s in "[a -é\u{a0}\t]{0,12}") {
            // (`split(' ')` as first written: the slice, not just its text.)
            let theirs = s.split(' ').next().unwrap_or_default();
            let ours = first_word_of(&s);
            proptest::prop_assert_eq!((ours.as_ptr(), ours), (theirs.as_ptr(), theirs));
        }

        #[test]
        fn has_space_agrees_with_contains(
            s in "[a -é\u{a0}!\u{2000}]{0,40}",
            at in 0usize..40,
        ) {
            // (Also with one space set at a chosen byte, so that every
            // position of every length is tried with a space.)
            let b = s.into_bytes();
            let mut spaced = b.clone();
            if let Some(x) = spaced.get_mut(at) {
                *x = b' ';
            }
            for b in [&b, &spaced] {
                proptest::prop_assert_eq!(has_space(b), b.contains(&b' '), "{:?}", b);
            }
        }

        /// ASCII names, where the words are cut eight bytes at a time, and
        /// names with Unicode spaces and letters, which mostly reach the
        /// fallback: the same words, at the same places of `s`.
        #[test]
        fn words_agree_with_split_whitespace(
            s in proptest::prop_oneof![
                "[ab \t\n\x0b\x0c\r]{0,30}",
                "[a \t\n\x0b\x0c\r\u{85}\u{a0}é]{0,30}",
                // (Across the 64 bytes read as bits.)
                "[ab \t]{56,72}",
            ],
        ) {
            let mut ours = vec!["x"];
            push_words(&mut ours, &s);
            let theirs: Vec<&str> = ["x"].into_iter().chain(s.split_whitespace()).collect();
            proptest::prop_assert_eq!(&ours, &theirs);
            let ptrs = |v: &[&str]| v.iter().map(|w| w.as_ptr()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(ptrs(&ours[1..]), ptrs(&theirs[1..]));
            let first_last = first_and_last_word(&s).map(|(f, l)| (f.as_ptr(), l.as_ptr(), f, l));
            let expected = theirs.get(1).map(|&f| {
                let l = *theirs.last().expect("a word");
                (f.as_ptr(), l.as_ptr(), f, l)
            });
            proptest::prop_assert_eq!(first_last, expected);
        }
    }

    /// `similar_given` as first written: both names lower-cased into new
    /// strings.
    fn similar_given_reference(a: &str, b: &str) -> bool {
        similar_given_with(a, b, |ta, tb| {
            let (la, lb) = (ta.to_lowercase(), tb.to_lowercase());
            la.chars().next() == lb.chars().next()
                && la.len().min(lb.len()) >= 4
                && edit_distance(&la, &lb) <= 1
        })
    }

    proptest::proptest! {
        /// Names of one to three words and of either side of 64 bytes, with
        /// ASCII and Unicode spaces: the two words `split_whitespace` cuts,
        /// at the same places of `s`, exactly when it cuts two.
        #[test]
        fn two_words_agree_with_split_whitespace(
            s in proptest::prop_oneof![
                "[a \t\n\x0b\x0c\r]{0,12}",
                "[a \t\n\x0b\x0c\r\u{85}\u{a0}é]{0,12}",
                "[a ]{60,68}",
                "a{0,62} a{0,4}",
            ],
        ) {
            let words: Vec<&str> = s.split_whitespace().collect();
            let expected = match words[..] {
                [head, last] => Some((head, last)),
                _ => None,
            };
            let ours = two_words(&s);
            let ptrs = |w: Option<(&str, &str)>| w.map(|(h, l)| (h.as_ptr(), l.as_ptr()));
            proptest::prop_assert_eq!(ptrs(ours), ptrs(expected));
            proptest::prop_assert_eq!(ours, expected);
        }

        #[test]
        fn similar_given_agrees_with_the_reference(
            a in "[aAbBéÉ.]{0,7}|[aAbB]{30,34}",
            b in "[aAbBéÉ.]{0,7}|[aAbB]{30,34}",
        ) {
            proptest::prop_assert_eq!(similar_given(&a, &b), similar_given_reference(&a, &b));
        }
    }

    proptest::proptest! {
        /// The unknown hints' indices in order, then the known ones from
        /// the last, as two filters and a reversal list them.
        #[test]
        fn partition_unknown_agrees_with_filters(codes in proptest::collection::vec(0usize..4, 0..40)) {
            const HINTS: [Hint; 4] = [
                Hint::Known(EntityType::Person),
                Hint::Known(EntityType::Place),
                Hint::Known(EntityType::Organization),
                Hint::Unknown,
            ];
            let hints: Vec<Hint> = codes.iter().map(|&c| HINTS[c]).collect();
            let mut out = vec![usize::MAX; hints.len()];
            let unknowns = partition_unknown(&hints, &mut out);
            let mut expected: Vec<usize> = (0..hints.len()).filter(|&k| hints[k] == Hint::Unknown).collect();
            proptest::prop_assert_eq!(unknowns, expected.len());
            expected.extend((0..hints.len()).rev().filter(|&k| hints[k] != Hint::Unknown));
            proptest::prop_assert_eq!(out, expected);
        }
    }

    #[test]
    fn two_words_edges() {
        let long = format!("{} Velmar", "a".repeat(57));
        for (s, expected) in [
            ("", None),
            (" \t", None),
            ("Velmar", None),
            (" Velmar\n", None),
            ("Velmar Center", Some(("Velmar", "Center"))),
            ("\tVelmar  Center ", Some(("Velmar", "Center"))),
            ("Jana van\x0bVelmar", None),
            ("Ærø Center", Some(("Ærø", "Center"))),
            ("Velmar\u{a0}Center", Some(("Velmar", "Center"))),
            (&long, Some((&long[..57], "Velmar"))),
            (&long[1..], Some((&long[1..57], "Velmar"))),
        ] {
            assert_eq!(two_words(s), expected, "{s:?}");
        }
    }

    #[test]
    fn similar_given_edges() {
        for (a, b, same) in [
            ("Marta", "marta", true),
            ("Marta", "Marte", true),
            ("Marta", "M.", true),
            ("Anna", "Bnna", false),
            ("Ab", "ab", false),
            ("Ann", "ANNE", false),
            ("Ann", "Amn", false),
            ("Mart", "mart", true),
            ("Mart", "Marty", true),
            ("Zoë", "Zoe", false),
            ("Zoëlle", "Zoëlla", true),
            ("", "", true),
            ("", ".", false),
        ] {
            assert_eq!(similar_given(a, b), same, "{a:?} {b:?}");
            assert_eq!(similar_given_reference(a, b), same, "{a:?} {b:?} reference");
        }
        // Around the stack buffer's length: one edit apart at 31, 32 and 33
        // bytes, and one name on the stack with the other too long for it.
        for n in [31, 32, 33] {
            let a = format!("M{}", "a".repeat(n - 1));
            for b in [
                format!("M{}b", "a".repeat(n - 2)),
                format!("M{}", "a".repeat(n)),
                format!("m{}", "A".repeat(n - 1)),
                format!("M{}bc", "a".repeat(n - 3)),
            ] {
                let reference = similar_given_reference(&a, &b);
                assert_eq!(similar_given(&a, &b), reference, "{a:?} {b:?}");
                assert_eq!(similar_given(&b, &a), reference, "{b:?} {a:?}");
            }
            assert!(similar_given(&a, &format!("M{}", "a".repeat(n))));
        }
    }

    #[test]
    fn fold_pair_table_is_the_six_pairs() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let table = PAIR_FIRST[usize::from(a)] & PAIR_SECOND[usize::from(b)] != 0;
                let pair = matches!(
                    [a, b],
                    [b'y', b'y'] | [b'i', b'y' | b'j' | b'i'] | [b'k', b'h'] | [b'o', b'u']
                );
                assert_eq!(table, pair, "{a} {b}");
                assert_eq!(has_fold_pair(&[a, b]) != 0, pair, "{a} {b}");
            }
        }
    }

    #[test]
    fn word_edges() {
        let words = |s| {
            let mut v = Vec::new();
            push_words(&mut v, s);
            v
        };
        assert!(words("").is_empty());
        assert!(words(" \t\x0b ").is_empty());
        assert_eq!(words(" Ana\x0bde  Vries "), ["Ana", "de", "Vries"]);
        assert_eq!(words("Zoë\u{a0}Marr Ode"), ["Zoë", "Marr", "Ode"]);
        assert_eq!(first_and_last_word(""), None);
        assert_eq!(first_and_last_word(" \r"), None);
        assert_eq!(first_and_last_word(" Ode "), Some(("Ode", "Ode")));
        assert_eq!(first_and_last_word("Ana\tde Vries"), Some(("Ana", "Vries")));
        assert_eq!(first_and_last_word("Zoë\u{85}Marr"), Some(("Zoë", "Marr")));
        // Non-ASCII input through the fallbacks of the normalizations,
        // appended after other keys.
        let mut buf = String::from("ab");
        push_norm_key(&mut buf, "The Ærø.Vik");
        assert_eq!(buf, "abærøvik");
        push_translit_fold(&mut buf, "ÆKHOU");
        assert_eq!(buf, "abærøvikæhu");
    }

    /// Folds that take a pass appended after earlier ones, on both sides
    /// of the 64-byte stack copy, each against the reference and leaving
    /// the earlier folds as they were.
    #[test]
    fn translit_folds_with_pairs_leave_the_buffer_before_them() {
        let mut buf = String::from("Ærøkh|");
        let mut expected = buf.clone();
        for n in [1, 15, 16, 17, 40] {
            for tail in ["", "é"] {
                let name = format!("{}Iy{tail}", "Khou".repeat(n));
                push_translit_fold(&mut buf, &name);
                expected += &translit_fold_reference(&name);
                assert_eq!(buf, expected, "{name}");
            }
        }
    }

    #[test]
    fn seen_is_a_set() {
        let words: Vec<String> = (0..40).map(|k| format!("w{}", k % 13)).collect();
        let mut seen = Seen::default();
        let mut set = HashSet::default();
        for w in &words {
            assert_eq!(seen.insert(w), set.insert(w.as_str()), "{w}");
        }
    }

    proptest::proptest! {
        /// Sorting by (order key, name, number) sorts by (type, name,
        /// number), and the key gives the type back.
        #[test]
        fn order_keys_sort_as_type_and_name(
            entities in proptest::collection::vec((0..3u8, "[ab\u{0}é]{0,9}"), 0..30),
        ) {
            const KINDS: [EntityType; 3] =
                [EntityType::Person, EntityType::Place, EntityType::Organization];
            let mut plain: Vec<(EntityType, &str, usize)> = (entities.iter().enumerate())
                .map(|(k, (t, n))| (KINDS[usize::from(*t)], n.as_str(), k))
                .collect();
            let mut keyed: Vec<(u64, &str, usize)> = (plain.iter())
                .map(|&(t, n, k)| (order_key(t, n), n, k))
                .collect();
            plain.sort_unstable();
            keyed.sort_unstable();
            let back: Vec<(EntityType, &str, usize)> =
                keyed.iter().map(|&(key, n, k)| (kind_of_key(key), n, k)).collect();
            proptest::prop_assert_eq!(back, plain);
        }
    }

    #[test]
    fn order_key_edges() {
        let key = |n| order_key(EntityType::Place, n);
        assert!(key("Ab") < key("Abc"));
        assert_eq!(key("Ab"), key("Ab\u{0}"), "left to the names");
        assert!(key("Abcdefg") < key("Abcdefh"));
        assert_eq!(key("Abcdefgx"), key("Abcdefgy"), "left to the names");
        assert!(key("Ÿ") > key("Z"));
        assert!(order_key(EntityType::Person, "Z") < key(""));
        assert!(key("Zzzzzzzz") < order_key(EntityType::Organization, ""));
    }

    proptest::proptest! {
        /// The list (up to 64 surnames) finds what the maps find.
        #[test]
        fn surname_list_agrees_with_the_maps(
            names in proptest::collection::vec("[KkOouiyjh]{1,3}[aé]{0,5}", 0..=64),
            probe in "[KkOouiyjh]{1,3}[aé]{0,5}",
            ordered in proptest::bool::ANY,
        ) {
            let mut list = OwnedIndex::default();
            // (Groups in order, as the person clustering adds them, or
            // repeated and out of order, which the list's sort settles.)
            for (g, n) in names.iter().enumerate() {
                list.add(n, if ordered { g } else { g * 7 % 5 });
            }
            proptest::prop_assert!(list.index.maps.is_none());
            let mut maps = SurnameMaps::default();
            for e in &list.index.entries {
                maps.add(&list.folds[e.surname.fold.clone()], e.group);
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let fold = translit_fold(&probe);
            list.candidates_folded(&fold, &mut a);
            let folds = list.folds.clone();
            let list_similar = list.any_similar(&probe);
            proptest::prop_assert_eq!(&list.folds, &folds);
            let index = SurnameIndex { maps: Some(maps), ..list.index };
            let mut mapped = OwnedIndex { index, folds: list.folds };
            mapped.candidates_folded(&fold, &mut b);
            proptest::prop_assert_eq!(a, b);
            proptest::prop_assert_eq!(list_similar, mapped.any_similar(&probe));
        }
    }

    proptest::proptest! {
        /// A fold starts with one of the bytes that `FOLD_HEADS` gives for
        /// the name's first byte (the pairs' letters lead the names, in
        /// both cases, to chain the passes).
        #[test]
        fn fold_heads_hold_the_first_byte_of_the_fold(s in "[A-Za-z][iIyYjJkKhHoOuUaéİ.]{0,6}") {
            let fold = translit_fold(&s);
            let heads = FOLD_HEADS[usize::from(s.as_bytes()[0])];
            proptest::prop_assert!(heads >> fold.as_bytes()[0] & 1 != 0, "{:?} → {:?}", s, fold);
        }

        /// The first-byte test of `any_similar_to` changes no answer: the
        /// same lookup with the name folded and compared whatever its
        /// first byte.
        #[test]
        fn surname_heads_test_agrees_with_the_full_lookup(
            names in proptest::collection::vec("[KkOoIiYyUuHhJjPp][aéiyjhu]{0,5}", 0..=70),
            probes in proptest::collection::vec("[KkOoIiYyUuHhJjPpé]?[aéiyjhu]{0,6}", 1..8),
        ) {
            let mut index = OwnedIndex::default();
            for (g, n) in names.iter().enumerate() {
                index.add(n, g);
            }
            for probe in &probes {
                let asked = Surname::fold_onto(&mut index.folds, probe);
                let full = index.index.any_similar(&index.folds, &asked);
                index.folds.truncate(asked.fold.start);
                proptest::prop_assert_eq!(index.any_similar(probe), full, "{:?}", probe);
            }
        }
    }

    #[test]
    fn fold_heads_of_the_pairs() {
        let heads = |b: u8| {
            (0..128u8)
                .filter(|&x| FOLD_HEADS[usize::from(b)] >> x & 1 != 0)
                .collect::<Vec<_>>()
        };
        assert_eq!(heads(b'I'), b"iy");
        assert_eq!(heads(b'k'), b"hk");
        assert_eq!(heads(b'O'), b"ou");
        assert_eq!(heads(b'y'), b"y");
        assert_eq!(heads(b'P'), b"p");
        assert_eq!(heads(b'.'), b".");
    }

    #[test]
    fn surname_index_builds_capped_maps_past_the_list() {
        let mut index = OwnedIndex::default();
        for g in 0..100 {
            index.add("Petrenko", g);
        }
        index.add("Okafor", 100);
        assert!(index.index.maps.is_some());
        assert_eq!(
            index.candidates("Petrenko"),
            (0..MAX_CANDIDATES).collect::<Vec<_>>()
        );
        assert_eq!(index.candidates("Okafor"), vec![100]);
        assert!(index.any_similar("Okafore"));
    }

    /// Candidates of a list whose groups are out of order or repeated
    /// come sorted and once each, as from the maps (the generated names of
    /// the proptest above rarely give a surname two groups).
    #[test]
    fn surname_list_sorts_candidates_of_groups_out_of_order() {
        let mut index = OwnedIndex::default();
        for g in [3, 1, 3] {
            index.add("Petrenko", g);
        }
        assert_eq!(index.candidates("Petrenko"), vec![1, 3]);
        let mut ordered = OwnedIndex::default();
        for g in [1, 3] {
            ordered.add("Petrenko", g);
        }
        assert_eq!(ordered.candidates("Petrenko"), vec![1, 3]);
    }

    /// A list entry is similar by its fold, not by its keys alone: a
    /// fold of the same length and first seven bytes (the same key) is
    /// compared in full, and one edit apart is asked only of folds with
    /// the same first letters.
    #[test]
    fn similar_surnames_are_judged_on_their_folds() {
        let mut index = OwnedIndex::default();
        index.add("Zorbalinek", 0);
        assert!(index.any_similar("Zorbalinek"));
        assert!(index.any_similar("ZORBALINEK"));
        // The same key, three edits apart.
        assert!(!index.any_similar("Zorbalixyz"));
        // One edit apart, of another length (another key).
        assert!(index.any_similar("Zorbalineks"));
        assert!(index.any_similar("Zorbalinik"));
        // One edit apart, but another first letter.
        assert!(!index.any_similar("Xorbalinek"));
    }

    #[test]
    fn surname_index_finds_similar_surnames() {
        let mut index = OwnedIndex::default();
        index.add("Petrenkyy", 0);
        index.add("Okafor", 1);
        assert!(index.any_similar("Petrenky"));
        assert!(index.any_similar("Okafore"));
        assert!(!index.any_similar("Okonkwo"));
        assert_eq!(index.candidates("Petrenkiy"), vec![0]);
    }
}
