//! Canonicalization inside one article: typing the single unknown words,
//! clustering mentions into entities and choosing each entity's name. The
//! rules are documented in `docs/entities.md`.

use std::ops::Range;

use crate::fasthash::{Map as HashMap, Set as HashSet};

use super::gazetteer::Gazetteer;
use super::{Hint, Mention, initials, is_acronym};
use crate::model::{Entity, EntityType};

#[cfg(test)]
mod oracle;

pub(crate) fn cluster(mut ms: Vec<Mention>, gaz: &Gazetteer) -> Vec<Entity> {
    let mut surfaces = Surfaces::new(&ms);
    resolve_unknowns(&mut ms, &mut surfaces, gaz);
    let keep = |m: &Mention| m.hint != Hint::Unknown || m.canonical == Some("\u{0}alliance");
    let mut kept = ms.iter().map(keep);
    // (The surface numbers follow the mentions they number.)
    surfaces.of.retain(|_| kept.next().unwrap_or(false));
    drop(kept);
    ms.retain(keep);
    let n = ms.len();
    let mut uf = UnionFind::new(n);
    let alliance = |m: &Mention| m.canonical == Some("\u{0}alliance");

    union_people(&ms, &surfaces, &mut uf);
    union_organizations(&ms, &surfaces, &mut uf, gaz);

    // Collect clusters, in the order of their first mention index (a root
    // is its set's smallest index), then by first position: the members of
    // each cluster one after another in `members`, cluster `c` being
    // `members[bounds[c]..bounds[c + 1]]` (one vector per cluster cost more
    // than the rest of the collection).
    // (Declared before the slices that may borrow them.)
    let mut sorted_members: Vec<Vec<usize>>;
    let with_alliance: Vec<usize>;
    let mut slot = vec![usize::MAX; n];
    let mut bounds: Vec<usize> = Vec::new();
    let mut cluster_of = vec![usize::MAX; n];
    for i in 0..n {
        if alliance(&ms[i]) {
            continue;
        }
        let r = uf.find(i);
        if slot[r] == usize::MAX {
            slot[r] = bounds.len();
            bounds.push(0);
        }
        cluster_of[i] = slot[r];
        bounds[slot[r]] += 1;
    }
    // Counts to starts (then each start moves on as its members are placed,
    // ending at the next cluster's start).
    let mut at = 0;
    for b in &mut bounds {
        let count = *b;
        *b = at;
        at += count;
    }
    let mut members = vec![0; at];
    for (i, &c) in cluster_of.iter().enumerate() {
        if c != usize::MAX {
            members[bounds[c]] = i;
            bounds[c] += 1;
        }
    }
    bounds.insert(0, 0);
    let mut clusters: Vec<&[usize]> = bounds.windows(2).map(|w| &members[w[0]..w[1]]).collect();
    // Members are in index order, and the mentions come sorted by position
    // (the detection sorts them), so each cluster is in text order and the
    // clusters in order of their first positions, as the sorts below would
    // leave them.
    if !ms.is_sorted_by_key(|m| m.span.start) {
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
            [Some(m.surface), m.canonical].iter().flatten().any(|s| {
                s.split([' ', '-'])
                    .any(|w| w == "Alliance" || w == "Treaty")
                    || gaz.orgs.get(s).is_some_and(|o| o.kind.contains("alliance"))
            })
        })
    };
    // Only needed when the article says "the alliance", and only whether
    // there is exactly one (each test may look names up in the gazetteer).
    let alliances: Vec<usize> = if (0..n).any(|i| alliance(&ms[i])) {
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

    // The entity that last took each surface as an alias.
    let mut alias_of = vec![usize::MAX; surfaces.len()];
    let mut out: Vec<Option<Entity>> = (clusters.iter().enumerate())
        .map(|(k, c)| Some(entity(&ms, c, (k, &surfaces.of, &mut alias_of))))
        .collect();
    // By type and name: the numbers are sorted, not the entities (moving
    // the large entities was most of the sort), then taken in that order.
    fn key(e: &Option<Entity>) -> Option<(EntityType, &str)> {
        e.as_ref().map(|e| (e.kind, e.name.as_str()))
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| key(&out[a]).cmp(&key(&out[b])));
    // Two clusters with one name and type: merge.
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    // The aliases of the last merged entity, for linear-time dedup; built
    // when a second cluster joins it (rare), not for every entity.
    let mut seen: Option<HashSet<String>> = None;
    for e in order.iter().filter_map(|&k| out[k].take()) {
        if let Some(last) = merged
            .last_mut()
            .filter(|l| l.kind == e.kind && l.name == e.name)
        {
            let seen = seen.get_or_insert_with(|| last.aliases.iter().cloned().collect());
            for a in e.aliases {
                if seen.insert(a.clone()) {
                    last.aliases.push(a);
                }
            }
            // (Each entity's spans come sorted: only a merge sorts again.)
            last.spans.extend(e.spans);
            last.spans.sort();
            last.mentions = last.spans.len();
            continue;
        }
        seen = None;
        merged.push(e);
    }
    merged
}

/// Unites the mentions of one person.
fn union_people(ms: &[Mention], surfaces: &Surfaces, uf: &mut UnionFind) {
    let n = ms.len();
    let person = |m: &Mention| m.hint == Hint::Known(EntityType::Person);
    // Persons: full names first, then single words. Each mention is
    // compared only with the groups whose representative's surname can be
    // similar (same folded surname, or same first three folded letters),
    // found through `SurnameIndex`, so the work stays linear in the number
    // of mentions.
    let mut groups: Vec<PersonGroup> = Vec::new();
    let mut index = SurnameIndex::default();
    // The words and the folded surname of each person surface, worked out
    // at its first mention (most people are named several times): ranges
    // of `all_words` and `folds`.
    let mut all_words: Vec<&str> = Vec::new();
    let mut folds = String::new();
    let mut scratch = String::new();
    let mut facts: Vec<Option<(Range<usize>, Range<usize>)>> = vec![None; surfaces.len()];
    // Single words after full names, each in text order (the index last:
    // the same order as a stable sort by the first two).
    let mut order: Vec<(bool, usize, usize)> = Vec::new();
    for i in (0..n).filter(|&i| person(&ms[i])) {
        let (words, _) = facts[surfaces.of[i]].get_or_insert_with(|| {
            let start = all_words.len();
            all_words.extend(ms[i].surface.split_whitespace());
            let fold_start = folds.len();
            if let Some(last) = all_words[start..].last() {
                translit_fold_into(&mut scratch, last);
                folds.push_str(&scratch);
            }
            (start..all_words.len(), fold_start..folds.len())
        });
        order.push((words.len() == 1, ms[i].span.start, i));
    }
    order.sort_unstable();
    // The group the first mention of each full name joined.
    let mut group_of = vec![usize::MAX; surfaces.len()];
    let mut found: Vec<usize> = Vec::new();
    for (_, _, i) in order {
        let id = surfaces.of[i];
        let (words, fold) = facts[id].clone().expect("facts of every person surface");
        let (words, fold) = (&all_words[words], &folds[fold.clone()]);
        let start = ms[i].span.start;
        // A full name written before joins the group its first mention
        // joined: the groups that matched then match again (a group never
        // changes), and the groups made since come after it in the list.
        // (Only while the index is a list: past it, the capped maps may
        // leave a group out.)
        if words.len() > 1 && group_of[id] != usize::MAX && index.maps.is_none() {
            let g = group_of[id];
            uf.union(groups[g].rep, i);
            groups[g].add(start, false);
            continue;
        }
        found.clear();
        if !words.is_empty() {
            index.candidates_folded(fold, &mut found);
            found.retain(|&g| {
                let rep = &ms[groups[g].rep].surface;
                same_person_folded(words, fold, rep, &folds[groups[g].fold.clone()])
            });
        }
        let target = match found.len() {
            0 => None,
            1 => Some(found[0]),
            _ if words.len() > 1 => Some(found[0]),
            // An ambiguous surname: the person mentioned last before it,
            // else the first one after it.
            _ => found
                .iter()
                .copied()
                .filter_map(|g| groups[g].last_before(start).map(|s| (s, g)))
                .max()
                .map(|x| x.1)
                .or(Some(found[0])),
        };
        let single = words.len() == 1;
        let g = match target {
            Some(g) => {
                uf.union(groups[g].rep, i);
                groups[g].add(start, single);
                g
            }
            None => {
                if !words.is_empty() {
                    index.add_folded(fold.to_string(), groups.len());
                }
                let mut g = PersonGroup {
                    rep: i,
                    fold: facts[id].as_ref().map_or(0..0, |f| f.1.clone()),
                    full_starts: Vec::new(),
                    single_starts: Vec::new(),
                };
                g.add(start, single);
                groups.push(g);
                groups.len() - 1
            }
        };
        if group_of[id] == usize::MAX {
            group_of[id] = g;
        }
    }
}

/// Unites the organization and place mentions that name one thing.
fn union_organizations(ms: &[Mention], surfaces: &Surfaces, uf: &mut UnionFind, gaz: &Gazetteer) {
    let n = ms.len();
    let person = |m: &Mention| m.hint == Hint::Known(EntityType::Person);
    let alliance = |m: &Mention| m.canonical == Some("\u{0}alliance");
    // Organizations and places: union by shared key. The keys of all
    // mentions go into one buffer first, so that the map borrows them
    // instead of owning a string per key.
    let org = |m: &Mention| !person(m) && !alliance(m);
    // The mentions of each surface: the last by surface number, each
    // chained to the one before it through `next_same` (no list allocated
    // per surface).
    let mut last_of = vec![usize::MAX; surfaces.len()];
    let mut next_same = vec![usize::MAX; n];
    for i in (0..n).filter(|&i| org(&ms[i])) {
        next_same[i] = std::mem::replace(&mut last_of[surfaces.of[i]], i);
    }
    // The acronyms of the article, without dots, sorted for lookups.
    // (Each surface once: its first mention.)
    let mut acronyms: Vec<std::borrow::Cow<str>> = (0..n)
        .filter(|&i| org(&ms[i]) && next_same[i] == usize::MAX)
        .map(|i| ms[i].surface)
        // (`c == '.' ||` stands for removing the dots first.)
        .filter(|s| is_acronym(s) || s.chars().all(|c| c == '.' || c.is_ascii_uppercase()))
        .map(|s| {
            if s.contains('.') {
                std::borrow::Cow::Owned(s.replace('.', ""))
            } else {
                std::borrow::Cow::Borrowed(s)
            }
        })
        .collect();
    acronyms.sort_unstable();
    let by_surface = |s: &str| {
        surfaces
            .get(s)
            .map(|id| last_of[id])
            .filter(|&i| i != usize::MAX)
    };
    let mut keys = String::new();
    let mut ranges: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    // Lower-cased words of the word-set key, one after another.
    let mut lower = String::new();
    let mut words: Vec<std::ops::Range<usize>> = Vec::new();
    for i in (0..n).filter(|&i| org(&ms[i])) {
        let m = &ms[i];
        let mut push_norm = |s: &str| {
            let start = keys.len();
            push_norm_key(&mut keys, s);
            ranges.push((start..keys.len(), i));
        };
        // A surface written before yields the keys it yielded then: the
        // mention joins the earlier one, and only the keys of a canonical
        // name or a definition of its own are added (most mentions repeat a
        // name, so most keys are derived once per surface, not per mention).
        let before = Some(next_same[i]).filter(|&p| p != usize::MAX);
        if let Some(p) = before {
            uf.union(i, p);
        }
        if before.is_none() {
            push_norm(m.surface);
        }
        let new_canonical = before.is_none_or(|p| ms[p].canonical != m.canonical);
        if let Some(c) = m.canonical.filter(|_| new_canonical) {
            push_norm(c);
        }
        let new_defines = before.is_none_or(|p| ms[p].defines != m.defines);
        if let Some(a) = m.defines.filter(|_| new_defines) {
            push_norm(a);
        }
        if before.is_some() {
            continue;
        }
        // "General Motors Corp." = "GM": initials without the company form.
        // (Without acronyms in the article no initials can match.)
        if !acronyms.is_empty() {
            let bare = bare_name(m.surface);
            // Without a company form the bare name is the surface: the same
            // key twice would only union the mention with itself.
            let names = [Some(m.surface), (bare != m.surface).then_some(bare)];
            // (Initials need two words at least.)
            for name in names
                .into_iter()
                .flatten()
                .filter(|s| s.bytes().any(|b| b == b' ' || b == b'-'))
            {
                if let Some(ini) = initials(name) {
                    if acronyms.binary_search_by(|a| (**a).cmp(&ini)).is_ok() {
                        push_norm(&ini);
                    }
                }
            }
        }
        // "Ukraine-NATO Council" = "NATO-Ukraine Council": the lower-cased
        // words, sorted, after a mark that no name key starts with.
        let parts = || split_space_hyphen(m.surface).filter(|w| !w.is_empty());
        if parts().nth(2).is_some() {
            lower.clear();
            words.clear();
            for w in parts() {
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
            keys.push('\u{1}');
            for (k, r) in words.iter().enumerate() {
                if k > 0 {
                    keys.push(' ');
                }
                keys.push_str(&lower[r.clone()]);
            }
            ranges.push((start..keys.len(), i));
        }
    }
    let mut by_key: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(ranges.len(), Default::default());
    for (r, i) in ranges {
        match by_key.entry(&keys[r]) {
            std::collections::hash_map::Entry::Occupied(e) => uf.union(i, *e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
    }
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
    // Alliance heads ("North Atlantic" of "North Atlantic Alliance"),
    // sorted for binary searches (rare: most articles have none). Each
    // surface once: its mentions are united already.
    let mut by_head: Vec<(&str, usize)> = (0..n)
        .filter(|&i| org(&ms[i]) && next_same[i] == usize::MAX)
        .filter_map(|i| Some((ms[i].surface.strip_suffix(" Alliance")?, i)))
        .collect();
    by_head.sort_unstable();
    let heads = |key: &str| {
        let lo = by_head.partition_point(|(s, _)| *s < key);
        let len = by_head[lo..].partition_point(|(s, _)| *s == key);
        &by_head[lo..lo + len]
    };
    for j in (0..n).filter(|&j| org(&ms[j])) {
        let b = &ms[j];
        // (A surface written before has joined the earlier mention, whose
        // prefixes are the same.)
        let repeated = next_same[j] != usize::MAX;
        for (pos, _) in b.surface.match_indices(' ').filter(|_| !repeated) {
            let Some(first) = by_surface(&b.surface[..pos]) else {
                continue;
            };
            let rest = &b.surface[pos + 1..];
            let company = rest.split(' ').all(|w| {
                super::COMPANY.contains(w)
                    || matches!(w, "Group" | "Holdings" | "Company" | "Corporation")
            });
            let plain_rest = rest.split(' ').all(|w| !gaz.org_suffixes.contains(w));
            for i in same_surface(first) {
                let plain = !ms[i].surface.contains(' ') && plain_rest;
                if i != j && (company || plain) {
                    uf.union(i, j);
                }
            }
        }
        if by_head.is_empty() {
            continue;
        }
        for s in [Some(b.surface), b.canonical]
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
}

/// `s.split([' ', '-'])` by bytes: both are ASCII, so the pieces are the
/// same, and the char pattern decoded every char of the name.
fn split_space_hyphen(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ' || b == b'-') {
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
    ids: HashMap<&'a str, usize>,
    /// The number of each mention's surface.
    of: Vec<usize>,
}

impl<'a> Surfaces<'a> {
    fn new(ms: &[Mention<'a>]) -> Surfaces<'a> {
        // (Sized for every mention: growing rehashed the keys.)
        let mut ids: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(ms.len(), Default::default());
        let of = ms
            .iter()
            .map(|m| Self::number(&mut ids, m.surface))
            .collect();
        Surfaces { ids, of }
    }

    fn number(ids: &mut HashMap<&'a str, usize>, s: &'a str) -> usize {
        let next = ids.len();
        *ids.entry(s).or_insert(next)
    }

    /// Numbers `s` too (a string that no mention is written as).
    fn add(&mut self, s: &'a str) -> usize {
        Self::number(&mut self.ids, s)
    }

    /// The number of `s`, if some mention (or [`Surfaces::add`]) wrote it.
    fn get(&self, s: &str) -> Option<usize> {
        self.ids.get(s).copied()
    }

    /// How many numbers there are (the length of a per-surface array).
    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Types single unknown words from the rest of the article.
fn resolve_unknowns<'a>(ms: &mut [Mention<'a>], surfaces: &mut Surfaces<'a>, gaz: &Gazetteer) {
    let hints = resolved_hints(ms, surfaces, gaz);
    for (m, h) in ms.iter_mut().zip(hints) {
        m.hint = h;
    }
}

/// The hints of [`resolve_unknowns`], computed on a copy so that the facts
/// below borrow the surfaces instead of cloning them. The sets and maps of
/// the rules, keyed by surface, are arrays indexed by [`Surfaces`] number.
fn resolved_hints<'a>(
    ms: &[Mention<'a>],
    surfaces: &mut Surfaces<'a>,
    gaz: &Gazetteer,
) -> Vec<Hint> {
    let mut hint: Vec<Hint> = ms.iter().map(|m| m.hint).collect();
    // Products: a surface seen in a product context ("the new X", "X
    // operating system") and never as an actor (possessive, "X executives")
    // gets no organization type from weak cues (repetition, "the X").
    // The first word of a product name is a product line too ("the new
    // MacBook Pro" → "MacBook"): such words are numbered as well, so that
    // every product has a number.
    let product_mention = |m: &Mention| (m.hint == Hint::Unknown || m.weak) && m.product;
    let mut firsts: Vec<usize> = Vec::new();
    for m in ms.iter().filter(|m| product_mention(m)) {
        firsts.push(surfaces.add(first_word_of(m.surface)));
    }
    let surfaces = &*surfaces;
    let of = &surfaces.of;
    let mut agent = vec![false; surfaces.len()];
    for (k, m) in ms.iter().enumerate() {
        if m.hint == Hint::Unknown && (m.agent || m.speaks) {
            agent[of[k]] = true;
        }
    }
    let mut is_product = vec![false; surfaces.len()];
    let mut firsts = firsts.into_iter();
    for (k, _) in ms.iter().enumerate().filter(|(_, m)| product_mention(m)) {
        let first = firsts.next().expect("a first word per product mention");
        for id in [of[k], first] {
            if !agent[id] {
                is_product[id] = true;
            }
        }
    }
    let any_product = is_product.contains(&true);
    // Whether the surface numbered `id`, or the first word of `s`, is a
    // product (without products, no first word is looked up).
    let product_or_first = |id: usize, s: &str| {
        any_product
            && (is_product[id]
                || surfaces
                    .get(first_word_of(s))
                    .is_some_and(|f| is_product[f]))
    };
    for (k, m) in ms.iter().enumerate().filter(|(_, m)| m.weak) {
        if product_or_first(of[k], m.surface) {
            hint[k] = Hint::Unknown;
        }
    }
    // Only unknown mentions (other than "the alliance") are typed below.
    if !ms
        .iter()
        .zip(&hint)
        .any(|(m, h)| *h == Hint::Unknown && m.canonical != Some("\u{0}alliance"))
    {
        return hint;
    }
    // The first type given to each surface.
    let mut surface_type: Vec<Option<EntityType>> = vec![None; surfaces.len()];
    // The surnames of people named in full, indexed only if a single
    // unknown word needs them (each surface once).
    let mut person_surnames: Vec<&str> = Vec::new();
    // Which surfaces were looked at as a person (bit 1) and as an
    // organization (bit 2): the words of a surface are split once per type.
    // A place's words are never looked at: a place named with an
    // organization suffix ("… Center") makes no organization head.
    let mut looked = vec![0u8; surfaces.len()];
    // The heads of organization names with a suffix ("Acme" of "Acme
    // Corp."): only single words (no space) are looked up, and only the
    // surfaces of mentions, so only one-word heads that are surfaces count.
    let mut org_head = vec![false; surfaces.len()];
    for (k, (m, h)) in ms.iter().zip(&hint).enumerate() {
        if let Hint::Known(t) = *h {
            let id = of[k];
            surface_type[id].get_or_insert(t);
            let bit = match t {
                EntityType::Person => 1,
                EntityType::Organization => 2,
                EntityType::Place => 0,
            };
            if bit != 0 && looked[id] & bit == 0 {
                looked[id] |= bit;
                let mut words = m.surface.split_whitespace();
                let last = words.next_back();
                let multi = words.next().is_some();
                match last {
                    Some(last) if multi && t == EntityType::Person => person_surnames.push(last),
                    Some(last) if multi && gaz.org_suffixes.contains(last) => {
                        let mut w = m.surface.split_whitespace();
                        if let (Some(head), Some(_), None) = (w.next(), w.next(), w.next()) {
                            if let Some(h) = surfaces.get(head) {
                                org_head[h] = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    // Per unknown surface: how often it occurs, and whether some occurrence
    // is after "the" (not as a product), a subject, or a speaker.
    let mut stats: Vec<UnknownStats> = vec![UnknownStats::default(); surfaces.len()];
    for (k, m) in ms.iter().enumerate() {
        if hint[k] != Hint::Unknown {
            continue;
        }
        let st = &mut stats[of[k]];
        st.count += 1;
        st.after_the |= m.after_the && !is_product[of[k]] && !super::is_camel(m.surface);
        st.subject |= m.initial || m.agent;
        st.speaks |= m.speaks;
    }
    let mut surnames: Option<SurnameIndex> = None;
    // The type of each single word, settled once per surface.
    let mut single: Vec<Option<Hint>> = vec![None; surfaces.len()];
    for (k, (m, h)) in ms.iter().zip(hint.iter_mut()).enumerate() {
        if *h != Hint::Unknown || m.canonical == Some("\u{0}alliance") {
            continue;
        }
        let s = m.surface;
        let id = of[k];
        if s.contains(' ') {
            let first = || surfaces.get(first_word_of(s));
            *h = if let Some(t) = surface_type[id] {
                Hint::Known(t)
            } else if m.speaks {
                Hint::Known(EntityType::Person)
            } else if product_or_first(id, s) {
                Hint::Unknown
            } else if m.after_the
                || first().is_some_and(|f| {
                    surface_type[f] == Some(EntityType::Organization) || stats[f].count >= 2
                })
            {
                Hint::Known(EntityType::Organization)
            } else {
                Hint::Unknown
            };
            continue;
        }
        // A single word's type depends on its surface alone: each surface
        // is settled once.
        if let Some(known) = single[id] {
            *h = known;
            continue;
        }
        let st = stats[id];
        let typed = if let Some(t) = surface_type[id] {
            Hint::Known(t)
        } else if surnames
            .get_or_insert_with(|| {
                let mut index = SurnameIndex::default();
                for last in &person_surnames {
                    index.add(last, 0);
                }
                index
            })
            .any_similar(s)
        {
            Hint::Known(EntityType::Person)
        } else if org_head[id] {
            Hint::Known(EntityType::Organization)
        } else if is_product[id] {
            Hint::Unknown
        } else if st.after_the {
            Hint::Known(EntityType::Organization)
        } else if st.speaks {
            Hint::Known(EntityType::Person)
        } else if (st.count >= 2 && st.subject || agent[id]) && !gaz.given.contains_key(s) {
            Hint::Known(EntityType::Organization)
        } else {
            Hint::Unknown
        };
        single[id] = Some(typed);
        *h = typed;
    }
    hint
}

/// The first word of a name, split at single spaces.
fn first_word_of(s: &str) -> &str {
    s.split(' ').next().unwrap_or_default()
}

#[derive(Clone, Copy, Default)]
struct UnknownStats {
    count: usize,
    after_the: bool,
    subject: bool,
    speaks: bool,
}

/// The entity of cluster `c`; `number` is its own number, the surface
/// number of each mention, and the last entity (number) that took each
/// surface as an alias, to tell the new aliases without comparing strings.
fn entity(ms: &[Mention], c: &[usize], number: (usize, &[usize], &mut [usize])) -> Entity {
    let (number, surface_of, alias_of) = number;
    // Counts per type (three types: an array, not a map).
    const TYPES: [EntityType; 3] = [
        EntityType::Person,
        EntityType::Place,
        EntityType::Organization,
    ];
    let mut counts = [0usize; 3];
    for &i in c {
        if let Hint::Known(t) = ms[i].hint {
            counts[TYPES.iter().position(|&x| x == t).unwrap_or(0)] += 1;
        }
    }
    let kinds = TYPES.iter().zip(counts).filter(|(_, n)| *n > 0);
    let first = match ms[c[0]].hint {
        Hint::Known(t) => t,
        Hint::Unknown => EntityType::Organization,
    };
    // Ties between two other types go to the first in `EntityType` order,
    // not to whichever the hash map yields last.
    let kind = kinds
        .max_by_key(|(t, n)| (*n, **t == first, std::cmp::Reverse(**t)))
        .map_or(first, |(t, _)| *t);
    let mut aliases: Vec<String> = Vec::with_capacity(c.len());
    let mut roles: Vec<String> = Vec::new();
    let mut seen_roles = Seen::default();
    let mut spans = Vec::with_capacity(c.len());
    for &i in c {
        let m = &ms[i];
        let taken = &mut alias_of[surface_of[i]];
        if *taken != number {
            *taken = number;
            aliases.push(m.surface.to_string());
        }
        if let Some(r) = &m.role {
            if seen_roles.insert(r) {
                roles.push(r.to_string());
            }
        }
        spans.push(m.span);
    }
    spans.sort();
    spans.dedup();
    let name = canonical_name(ms, c, kind);
    Entity {
        name,
        kind,
        aliases,
        roles,
        mentions: spans.len(),
        spans,
    }
}

/// The canonical-name rule: places take the gazetteer name; organizations
/// their acronym when the article uses one, else the gazetteer name, else the
/// longest form; people the longest form (most words, first written).
fn canonical_name(ms: &[Mention], c: &[usize], kind: EntityType) -> String {
    let real = |m: &Mention| m.canonical != Some("\u{0}alliance") && m.defines.is_none();
    // The real mentions, or all when there are none (filtered on the fly:
    // most clusters are a mention or two, and vectors of them cost more).
    let all = !c.iter().any(|&i| real(&ms[i]));
    let pool = || c.iter().map(|&i| &ms[i]).filter(move |m| all || real(m));
    let gaz_name = || pool().find_map(|m| m.canonical);
    let longest = || {
        // Word counts once per mention rather than per comparison.
        let w = |m: &Mention| word_count(m.surface);
        let mut best = pool().next().expect("a cluster has a mention");
        // (The first cannot replace itself; a lone mention, the common
        // case, needs no count.)
        let mut rest = pool().skip(1).peekable();
        if rest.peek().is_none() {
            return best.surface.to_string();
        }
        let mut best_w = w(best);
        for m in rest {
            // (A surface written before cannot replace the best: equal
            // surfaces tie.)
            if m.surface == best.surface {
                continue;
            }
            let mw = w(m);
            if mw > best_w
                || mw == best_w && is_upper_word(best.surface) && !is_upper_word(m.surface)
            {
                best = m;
                best_w = mw;
            }
        }
        best.surface.to_string()
    };
    match kind {
        EntityType::Place => gaz_name().map_or_else(longest, str::to_string),
        EntityType::Organization => pool()
            .find(|m| is_acronym(m.surface))
            .map(|m| m.surface.to_string())
            .or_else(|| gaz_name().map(str::to_string))
            .unwrap_or_else(longest),
        EntityType::Person => longest(),
    }
}

/// `surface` without trailing company forms, keeping two words at least
/// ("General Motors Corp." → "General Motors"): the words split at single
/// spaces, all but the dropped ones joined again, as a slice.
fn bare_name(surface: &str) -> &str {
    let mut bare = surface;
    let mut words = surface.split(' ').count();
    while words > 2 {
        let Some((head, last)) = bare.rsplit_once(' ') else {
            break;
        };
        if !(super::COMPANY.contains(last) || matches!(last, "Company" | "Corporation")) {
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

fn is_upper_word(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_lowercase());
    }
    !s.chars().any(char::is_lowercase)
}

/// `s.split_whitespace().count()`, by bytes for ASCII (names are counted
/// for every mention of a cluster, and the char decoding dominated).
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // The ASCII chars of `char::is_whitespace` (with the vertical tab,
    // unlike `u8::is_ascii_whitespace`).
    let space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
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
/// leading "the", lower case, without dots. Shared with the corpus entity
/// fold (`report::entities`), which links article entities by the same key.
pub(crate) fn push_norm_key(buf: &mut String, s: &str) {
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    if s.is_ascii() {
        // ASCII lowercases byte by byte, with no context (`to_lowercase`
        // looks at neighbours only for a capital sigma): copy, lowercase in
        // place (pushing char by char cost several times more), and only
        // for the rare names with dots copy again without them.
        let start = buf.len();
        buf.push_str(s);
        buf[start..].make_ascii_lowercase();
        if s.as_bytes().contains(&b'.') {
            buf.truncate(start);
            for run in s.split('.') {
                let start = buf.len();
                buf.push_str(run);
                buf[start..].make_ascii_lowercase();
            }
        }
    } else {
        let lower = s.to_lowercase();
        buf.extend(lower.chars().filter(|&c| c != '.'));
    }
}

/// Whether two person names (as word lists) can be one person: similar
/// surnames and compatible given names (one missing, an initial, or a
/// spelling variant). The code folds the surnames once and uses
/// [`same_person_folded`]; this form is the tests' oracle.
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
pub(crate) fn same_person_folded(a: &[&str], fa: &str, b: &str, fb: &str) -> bool {
    let mut bw = b.split_whitespace();
    let (Some(sa), Some(b0)) = (a.last(), bw.next()) else {
        return false;
    };
    let sb = bw.next_back().unwrap_or(b0);
    let b_single = sb.as_ptr() == b0.as_ptr();
    if !(*sa == sb || similar_folded(fa, fb)) {
        return false;
    }
    if a.len() == 1 || b_single {
        return true;
    }
    similar_given(a[0], b0)
}

fn similar_given(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ta, tb) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    if (ta.chars().count() == 1 || tb.chars().count() == 1)
        && ta.chars().next() == tb.chars().next()
    {
        return true;
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

/// The fold of transliterated surnames: lower case, then each of the pairs
/// `yy`→`y`, `iy`→`y`, `ij`→`y`, `ii`→`i`, `kh`→`h`, `ou`→`u` replaced in
/// turn (the order matters: `iiy` → `iy` → `y`).
pub(crate) fn translit_fold(s: &str) -> String {
    let mut t = String::new();
    translit_fold_into(&mut t, s);
    t
}

/// [`translit_fold`] into `t` (cleared first), so that a buffer can be
/// reused.
fn translit_fold_into(t: &mut String, s: &str) {
    t.clear();
    if s.is_ascii() {
        t.push_str(s);
        t.make_ascii_lowercase();
    } else {
        // (Not char by char: `to_lowercase` knows the final sigma.)
        t.push_str(&s.to_lowercase());
    }
    // Each pass is `str::replace` done in place: every pair is ASCII and
    // shrinks to one byte, so bytes are only moved left, and ASCII bytes
    // never occur inside a multi-byte UTF-8 sequence. Six `replace` calls
    // (a searcher and a new string each) were most of the clustering cost.
    // Most names hold none of the pairs, and no pass can then create one:
    // one read-only scan settles them.
    let pair = |p: &[u8]| {
        matches!(
            p,
            [b'y', b'y'] | [b'i', b'y' | b'j' | b'i'] | [b'k', b'h'] | [b'o', b'u']
        )
    };
    if !t.as_bytes().windows(2).any(pair) {
        return;
    }
    let mut b = std::mem::take(t).into_bytes();
    for (from, to) in [
        (*b"yy", b'y'),
        (*b"iy", b'y'),
        (*b"ij", b'y'),
        (*b"ii", b'i'),
        (*b"kh", b'h'),
        (*b"ou", b'u'),
    ] {
        let (mut r, mut w) = (0, 0);
        while r < b.len() {
            if r + 1 < b.len() && b[r] == from[0] && b[r + 1] == from[1] {
                b[w] = to;
                r += 2;
            } else {
                b[w] = b[r];
                r += 1;
            }
            w += 1;
        }
        b.truncate(w);
    }
    *t = String::from_utf8(b).expect("ASCII pairs replaced by ASCII bytes");
}

/// Whether `a` and `b` are at most one edit (insertion, deletion or
/// substitution of a char) apart: `edit_distance(a, b) <= 1` in linear time.
pub(crate) fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
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
#[derive(Default)]
struct SurnameIndex {
    /// The surnames in the order added.
    entries: Vec<IndexEntry>,
    maps: Option<SurnameMaps>,
}

struct IndexEntry {
    fold: String,
    /// [`prefix3`] of a fold of six chars or more.
    prefix: Option<[char; 3]>,
    group: usize,
}

#[derive(Default)]
struct SurnameMaps {
    by_fold: HashMap<String, Vec<usize>>,
    by_prefix: HashMap<[char; 3], Vec<(String, usize)>>,
}

impl SurnameMaps {
    fn add(&mut self, e: &IndexEntry) {
        if let Some(p) = e.prefix {
            let list = self.by_prefix.entry(p).or_default();
            if list.len() < MAX_CANDIDATES {
                list.push((e.fold.clone(), e.group));
            }
        }
        let list = self.by_fold.entry(e.fold.clone()).or_default();
        if list.len() < MAX_CANDIDATES {
            list.push(e.group);
        }
    }
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
    fn add(&mut self, surname: &str, group: usize) {
        self.add_folded(translit_fold(surname), group);
    }

    /// [`SurnameIndex::add`] with the surname already folded.
    fn add_folded(&mut self, fold: String, group: usize) {
        let e = IndexEntry {
            prefix: long_prefix(&fold),
            fold,
            group,
        };
        if let Some(maps) = &mut self.maps {
            maps.add(&e);
        } else if self.entries.len() == MAX_CANDIDATES {
            let mut maps = SurnameMaps::default();
            for old in self.entries.iter().chain([&e]) {
                maps.add(old);
            }
            self.maps = Some(maps);
        }
        self.entries.push(e);
    }

    /// The groups whose surname may be similar to `surname`, in group order
    /// (a superset: callers still apply the full rule).
    #[cfg(test)]
    fn candidates(&self, surname: &str) -> Vec<usize> {
        let mut out = Vec::new();
        self.candidates_folded(&translit_fold(surname), &mut out);
        out
    }

    /// [`SurnameIndex::candidates`] of a folded surname, into `out`.
    fn candidates_folded(&self, fold: &str, out: &mut Vec<usize>) {
        out.clear();
        let prefix = long_prefix(fold);
        match &self.maps {
            None => out.extend(
                self.entries
                    .iter()
                    .filter(|e| e.fold == fold || prefix.is_some() && e.prefix == prefix)
                    .map(|e| e.group),
            ),
            Some(maps) => {
                out.extend(maps.by_fold.get(fold).into_iter().flatten());
                if let Some(list) = prefix.and_then(|p| maps.by_prefix.get(&p)) {
                    out.extend(list.iter().map(|(_, g)| *g));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Whether any indexed surname is similar to `surname`.
    fn any_similar(&self, surname: &str) -> bool {
        if self.entries.is_empty() {
            return false;
        }
        let fold = translit_fold(surname);
        let prefix = long_prefix(&fold);
        match &self.maps {
            None => self.entries.iter().any(|e| {
                e.fold == fold
                    || prefix.is_some() && e.prefix == prefix && one_edit_apart(&e.fold, &fold)
            }),
            Some(maps) => {
                maps.by_fold.contains_key(&fold)
                    || prefix
                        .and_then(|p| maps.by_prefix.get(&p))
                        .is_some_and(|list| list.iter().any(|(f, _)| one_edit_apart(f, &fold)))
            }
        }
    }
}

/// The first three chars of a fold of six chars or more (a key without a
/// string to allocate).
fn prefix3(fold: &str) -> [char; 3] {
    let mut c = fold.chars();
    [(); 3].map(|_| c.next().unwrap_or('\0'))
}

/// A person cluster under construction: its representative mention and the
/// starts of its members, full names and single words apart. Both lists grow
/// in text order (mentions are visited that way), so "the member mentioned
/// last before a position" is a binary search.
struct PersonGroup {
    rep: usize,
    /// The folded surname of the representative (a range of the folds of
    /// [`union_people`]).
    fold: Range<usize>,
    full_starts: Vec<usize>,
    single_starts: Vec<usize>,
}

impl PersonGroup {
    fn add(&mut self, start: usize, single: bool) {
        if single {
            self.single_starts.push(start);
        } else {
            self.full_starts.push(start);
        }
    }

    fn last_before(&self, start: usize) -> Option<usize> {
        let last = |v: &[usize]| {
            let k = v.partition_point(|&s| s < start);
            k.checked_sub(1).map(|k| v[k])
        };
        last(&self.full_starts).max(last(&self.single_starts))
    }
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let alone = cluster(vec![speaker.clone()], &gaz);
        assert_eq!(kind(&alone), Some(EntityType::Person));
        let with_place = cluster(vec![place, speaker], &gaz);
        assert_eq!(kind(&with_place), Some(EntityType::Person));
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
            }
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
        let canonical = prop_oneof![
            4 => Just(None),
            1 => Just(Some("\u{0}alliance")),
            1 => name.clone().prop_map(Some),
        ];
        let role =
            proptest::option::weighted(0.2, proptest::sample::select(&["envoy", "chair"][..]));
        let defines =
            proptest::option::weighted(0.1, proptest::sample::select(&["ZMC", "HVI", "KBA"][..]));
        (
            (0usize..400, 1usize..30),
            name,
            hint,
            canonical,
            role,
            defines,
            proptest::array::uniform6(proptest::bool::weighted(0.25)),
        )
            .prop_map(
                |((start, len), surface, hint, canonical, role, defines, f)| {
                    let mut m = Mention::new(Span::new(start, start + len), surface, hint);
                    m.canonical = canonical;
                    m.role = role;
                    m.defines = defines;
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
        /// The list (up to 64 surnames) finds what the maps find.
        #[test]
        fn surname_list_agrees_with_the_maps(
            names in proptest::collection::vec("[KkOouiyjh]{1,3}[aé]{0,5}", 0..=64),
            probe in "[KkOouiyjh]{1,3}[aé]{0,5}",
        ) {
            let mut list = SurnameIndex::default();
            for (g, n) in names.iter().enumerate() {
                list.add(n, g);
            }
            proptest::prop_assert!(list.maps.is_none());
            let mut maps = SurnameMaps::default();
            for e in &list.entries {
                maps.add(e);
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let fold = translit_fold(&probe);
            list.candidates_folded(&fold, &mut a);
            let list_similar = list.any_similar(&probe);
            let mapped = SurnameIndex { entries: list.entries, maps: Some(maps) };
            mapped.candidates_folded(&fold, &mut b);
            proptest::prop_assert_eq!(a, b);
            proptest::prop_assert_eq!(list_similar, mapped.any_similar(&probe));
        }
    }

    #[test]
    fn surname_index_builds_capped_maps_past_the_list() {
        let mut index = SurnameIndex::default();
        for g in 0..100 {
            index.add("Petrenko", g);
        }
        index.add("Okafor", 100);
        assert!(index.maps.is_some());
        assert_eq!(
            index.candidates("Petrenko"),
            (0..MAX_CANDIDATES).collect::<Vec<_>>()
        );
        assert_eq!(index.candidates("Okafor"), vec![100]);
        assert!(index.any_similar("Okafore"));
    }

    #[test]
    fn surname_index_finds_similar_surnames() {
        let mut index = SurnameIndex::default();
        index.add("Petrenkyy", 0);
        index.add("Okafor", 1);
        assert!(index.any_similar("Petrenky"));
        assert!(index.any_similar("Okafore"));
        assert!(!index.any_similar("Okonkwo"));
        assert_eq!(index.candidates("Petrenkiy"), vec![0]);
    }
}
