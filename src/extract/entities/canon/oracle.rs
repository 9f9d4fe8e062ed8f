//! The clustering as it was before surface numbering (ed9c4fb) and the
//! ordering by entity numbers (772b1a9): hash maps and sets keyed by
//! surface, one vector per cluster, sorts of whole entities. Kept as the
//! oracle of the proptest that compares it with `canon::cluster`. Shared
//! helpers (folds, the surname index, union-find, `Seen`, name keys) are
//! the module's own, tested against references of their own; the person
//! groups keep their lists per group here (`canon::GroupStarts` replaced
//! them).

use super::*;

pub(super) fn cluster(mut ms: Vec<Mention>, gaz: &Gazetteer) -> Vec<Entity> {
    resolve_unknowns(&mut ms, gaz);
    ms.retain(|m| m.hint != Hint::Unknown || m.canonical() == Some("\u{0}alliance"));
    let n = ms.len();
    let mut uf = UnionFind::new_in(Vec::new(), n);
    let alliance = |m: &Mention| m.canonical() == Some("\u{0}alliance");

    union_people(&ms, &mut uf);
    union_organizations(&ms, &mut uf, gaz);

    // Collect clusters, in the order of their first mention index (a root
    // is its set's smallest index), then by first position.
    let mut slot = vec![usize::MAX; n];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        if alliance(&ms[i]) {
            continue;
        }
        let r = uf.find(i);
        if slot[r] == usize::MAX {
            slot[r] = clusters.len();
            clusters.push(Vec::new());
        }
        clusters[slot[r]].push(i);
    }
    for c in &mut clusters {
        c.sort_by_key(|&i| ms[i].span.start);
    }
    clusters.sort_by_key(|c| ms[c[0]].span.start);

    // "the alliance" → the one alliance-type organization of the article.
    let is_alliance = |c: &Vec<usize>| {
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
    let alliances: Vec<usize> = if (0..n).any(|i| alliance(&ms[i])) {
        (0..clusters.len())
            .filter(|&c| is_alliance(&clusters[c]))
            .take(2)
            .collect()
    } else {
        Vec::new()
    };
    if alliances.len() == 1 {
        let c = alliances[0];
        for i in 0..n {
            if alliance(&ms[i]) {
                clusters[c].push(i);
            }
        }
        clusters[c].sort_by_key(|&i| ms[i].span.start);
    }

    let mut out: Vec<Entity> = clusters.iter().map(|c| entity(&ms, c)).collect();
    out.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    // Two clusters with one name and type: merge.
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    // The aliases of the last merged entity, for linear-time dedup; built
    // when a second cluster joins it (rare), not for every entity.
    let mut seen: Option<HashSet<String>> = None;
    for e in out {
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
            last.spans.extend(e.spans);
            continue;
        }
        seen = None;
        merged.push(e);
    }
    for e in &mut merged {
        e.spans.sort();
        e.mentions = e.spans.len();
    }
    merged
}

/// Unites the mentions of one person.
fn union_people(ms: &[Mention], uf: &mut UnionFind) {
    let n = ms.len();
    let person = |m: &Mention| m.hint == Hint::Known(EntityType::Person);
    // Persons: full names first, then single words. Each mention is
    // compared only with the groups whose representative's surname can be
    // similar (same folded surname, or same first three folded letters),
    // found through `SurnameIndex`, so the work stays linear in the number
    // of mentions.
    let mut groups: Vec<PersonGroup> = Vec::new();
    // The folded surname of each group's representative (`PersonGroup`
    // keeps a range of a buffer now).
    let mut folds: Vec<String> = Vec::new();
    let mut index = OwnedIndex::default();
    // Single words after full names, each in text order (the index last:
    // the same order as a stable sort by the first two).
    let mut order: Vec<(bool, usize, usize)> = (0..n)
        .filter(|&i| person(&ms[i]))
        .map(|i| {
            let single = is_one_word(ms[i].surface);
            (single, ms[i].span.start, i)
        })
        .collect();
    order.sort_unstable();
    // Buffers reused from one mention to the next.
    let mut words: Vec<&str> = Vec::new();
    let mut fold = String::new();
    let mut found: Vec<usize> = Vec::new();
    for (_, _, i) in order {
        words.clear();
        words.extend(ms[i].surface.split_whitespace());
        fold.clear();
        found.clear();
        if let Some(last) = words.last() {
            translit_fold_into(&mut fold, last);
            index.candidates_folded(&fold, &mut found);
            found.retain(|&g| {
                let rep = &ms[groups[g].rep].surface;
                same_person_folded(&words, &fold, rep, &folds[g])
            });
        }
        let start = ms[i].span.start;
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
        match target {
            Some(g) => {
                uf.union(groups[g].rep, i);
                groups[g].add(start, single);
            }
            None => {
                if !words.is_empty() {
                    index.add_folded(&fold, groups.len());
                }
                folds.push(fold.clone());
                let mut g = PersonGroup {
                    rep: i,
                    full_starts: Vec::new(),
                    single_starts: Vec::new(),
                };
                g.add(start, single);
                groups.push(g);
            }
        }
    }
}

/// A person cluster under construction: its representative mention and the
/// starts of its members, full names and single words apart. Both lists grow
/// in text order (mentions are visited that way), so "the member mentioned
/// last before a position" is a binary search. (`canon::GroupStarts` keeps
/// the starts without a vector per group.)
pub(super) struct PersonGroup {
    rep: usize,
    full_starts: Vec<usize>,
    single_starts: Vec<usize>,
}

impl PersonGroup {
    /// A group of no members yet (for the test of `canon::GroupStarts`).
    pub(super) fn empty() -> PersonGroup {
        PersonGroup {
            rep: 0,
            full_starts: Vec::new(),
            single_starts: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, start: usize, single: bool) {
        if single {
            self.single_starts.push(start);
        } else {
            self.full_starts.push(start);
        }
    }

    pub(super) fn last_before(&self, start: usize) -> Option<usize> {
        let last = |v: &[usize]| {
            let k = v.partition_point(|&s| s < start);
            k.checked_sub(1).map(|k| v[k])
        };
        last(&self.full_starts).max(last(&self.single_starts))
    }
}

/// Unites the organization and place mentions that name one thing.
fn union_organizations(ms: &[Mention], uf: &mut UnionFind, gaz: &Gazetteer) {
    let n = ms.len();
    let person = |m: &Mention| m.hint == Hint::Known(EntityType::Person);
    let alliance = |m: &Mention| m.canonical() == Some("\u{0}alliance");
    // Organizations and places: union by shared key. The keys of all
    // mentions go into one buffer first, so that the map borrows them
    // instead of owning a string per key.
    let org = |m: &Mention| !person(m) && !alliance(m);
    // The acronyms of the article, without dots, sorted for lookups.
    let mut acronyms: Vec<std::borrow::Cow<str>> = ms
        .iter()
        .filter(|m| org(m))
        .map(|m| m.surface)
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
    // The mentions of each surface: the last in a map, each chained to the
    // one before it through `next_same` (no list allocated per surface).
    let mut by_surface: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    let mut next_same = vec![usize::MAX; n];
    for i in (0..n).filter(|&i| org(&ms[i])) {
        if let Some(before) = by_surface.insert(ms[i].surface, i) {
            next_same[i] = before;
        }
    }
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
        let new_canonical = before.is_none_or(|p| ms[p].canonical() != m.canonical());
        if let Some(c) = m.canonical().filter(|_| new_canonical) {
            push_norm(c);
        }
        let new_defines = before.is_none_or(|p| ms[p].defines() != m.defines());
        if let Some(a) = m.defines().filter(|_| new_defines) {
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
                .filter(|s| s.contains([' ', '-']))
            {
                if let Some(ini) = initials(name) {
                    if acronyms.binary_search_by(|a| (**a).cmp(&ini)).is_ok() {
                        push_norm(&ini);
                    }
                }
            }
        }
        // "Ostravia-NORTA Council" = "NORTA-Ostravia Council": the lower-cased
        // words, sorted, after a mark that no name key starts with.
        let parts = || m.surface.split([' ', '-']).filter(|w| !w.is_empty());
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
    // sorted for binary searches (rare: most articles have none).
    let mut by_head: Vec<(&str, usize)> = (0..n)
        .filter(|&i| org(&ms[i]))
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
            let Some(&first) = by_surface.get(&b.surface[..pos]) else {
                continue;
            };
            let rest = &b.surface[pos + 1..];
            let company = rest.split(' ').all(|w| {
                super::super::COMPANY.contains(w)
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
}

/// Types single unknown words from the rest of the article.
fn resolve_unknowns(ms: &mut [Mention], gaz: &Gazetteer) {
    let hints = resolved_hints(ms, gaz);
    for (m, h) in ms.iter_mut().zip(hints) {
        m.hint = h;
    }
}

/// The hints of [`resolve_unknowns`], computed on a copy so that the sets
/// below borrow the surfaces instead of cloning them.
fn resolved_hints(ms: &[Mention], gaz: &Gazetteer) -> Vec<Hint> {
    let mut hint: Vec<Hint> = ms.iter().map(|m| m.hint).collect();
    // Products: a surface seen in a product context ("the new X", "X
    // operating system") and never as an actor (possessive, "X executives")
    // gets no organization type from weak cues (repetition, "the X").
    let agents: HashSet<&str> = ms
        .iter()
        .filter(|m| m.hint == Hint::Unknown && (m.agent || m.speaks))
        .map(|m| m.surface)
        .collect();
    // The first word of a product name is a product line too ("the new
    // MacBook Pro" → "MacBook").
    let mut products: HashSet<&str> = HashSet::default();
    for m in ms
        .iter()
        .filter(|m| (m.hint == Hint::Unknown || m.weak) && m.product)
    {
        let first = m.surface.split(' ').next().unwrap_or_default();
        for s in [m.surface, first] {
            if !agents.contains(s) {
                products.insert(s);
            }
        }
    }
    let product = |s: &str| products.contains(s);
    for (k, m) in ms.iter().enumerate().filter(|(_, m)| m.weak) {
        let first = m.surface.split(' ').next().unwrap_or_default();
        if product(m.surface) || product(first) {
            hint[k] = Hint::Unknown;
        }
    }
    // Only unknown mentions (other than "the alliance") are typed below.
    if !ms
        .iter()
        .zip(&hint)
        .any(|(m, h)| *h == Hint::Unknown && m.canonical() != Some("\u{0}alliance"))
    {
        return hint;
    }
    // (Sized for every mention: growing rehashed the keys.)
    let mut surface_type: HashMap<&str, EntityType> =
        HashMap::with_capacity_and_hasher(ms.len(), Default::default());
    // The surnames of people named in full, indexed only if a single
    // unknown word needs them.
    let mut person_surnames: Vec<&str> = Vec::new();
    // The heads of organization names with a suffix ("Acme" of "Acme
    // Corp."), as a set of the one-word heads: only single words (no
    // space) are looked up, and a longer head joins its words with spaces.
    let mut org_heads: HashSet<&str> = HashSet::default();
    for (m, h) in ms.iter().zip(&hint) {
        if let Hint::Known(t) = *h {
            surface_type.entry(m.surface).or_insert(t);
            if t == EntityType::Person || t == EntityType::Organization {
                let mut words = m.surface.split_whitespace();
                let last = words.next_back();
                let multi = words.next().is_some();
                match last {
                    Some(last) if multi && t == EntityType::Person => person_surnames.push(last),
                    Some(last) if multi && gaz.org_suffixes.contains(last) => {
                        let mut w = m.surface.split_whitespace();
                        if let (Some(head), Some(_), None) = (w.next(), w.next(), w.next()) {
                            org_heads.insert(head);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let unknown = || {
        ms.iter()
            .zip(&hint)
            .filter(|(_, h)| **h == Hint::Unknown)
            .map(|(m, _)| m)
    };
    // Per unknown surface, in one map (one hash per mention instead of
    // four): how often it occurs, and whether some occurrence is after
    // "the" (not as a product), a subject, or a speaker.
    let mut stats: HashMap<&str, UnknownStats> =
        HashMap::with_capacity_and_hasher(ms.len(), Default::default());
    for m in unknown() {
        let st = stats.entry(m.surface).or_default();
        st.count += 1;
        st.after_the |= m.after_the && !product(m.surface) && !super::super::is_camel(m.surface);
        st.subject |= m.initial || m.agent;
        st.speaks |= m.speaks;
    }
    let stat = |s: &str| stats.get(s).copied().unwrap_or_default();
    let mut surnames: Option<OwnedIndex> = None;
    let mut single: HashMap<&str, Hint> = HashMap::default();
    for (m, h) in ms.iter().zip(hint.iter_mut()) {
        if *h != Hint::Unknown || m.canonical() == Some("\u{0}alliance") {
            continue;
        }
        let s = m.surface;
        if s.contains(' ') {
            let first = s.split(' ').next().unwrap_or(s);
            *h = if let Some(&t) = surface_type.get(s) {
                Hint::Known(t)
            } else if m.speaks {
                Hint::Known(EntityType::Person)
            } else if product(s) || product(first) {
                Hint::Unknown
            } else if surface_type.get(first) == Some(&EntityType::Organization)
                || stat(first).count >= 2
                || m.after_the
            {
                Hint::Known(EntityType::Organization)
            } else {
                Hint::Unknown
            };
            continue;
        }
        // A single word's type depends on its surface alone: each surface
        // is settled once.
        let entry = match single.entry(s) {
            std::collections::hash_map::Entry::Occupied(e) => {
                *h = *e.get();
                continue;
            }
            std::collections::hash_map::Entry::Vacant(e) => e,
        };
        let st = stat(s);
        *h = *entry.insert(if let Some(&t) = surface_type.get(s) {
            Hint::Known(t)
        } else if surnames
            .get_or_insert_with(|| {
                let mut index = OwnedIndex::default();
                for last in &person_surnames {
                    index.add(last, 0);
                }
                index
            })
            .any_similar(s)
        {
            Hint::Known(EntityType::Person)
        } else if org_heads.contains(s) {
            Hint::Known(EntityType::Organization)
        } else if product(s) {
            Hint::Unknown
        } else if st.after_the {
            Hint::Known(EntityType::Organization)
        } else if st.speaks {
            Hint::Known(EntityType::Person)
        } else if (st.count >= 2 && st.subject || agents.contains(s)) && !gaz.given.contains_key(s)
        {
            Hint::Known(EntityType::Organization)
        } else {
            Hint::Unknown
        });
    }
    hint
}

#[derive(Clone, Copy, Default)]
struct UnknownStats {
    count: usize,
    after_the: bool,
    subject: bool,
    speaks: bool,
}

pub(super) fn entity(ms: &[Mention], c: &[usize]) -> Entity {
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
    let mut seen = Seen::default();
    let mut seen_roles = Seen::default();
    let mut spans = Vec::with_capacity(c.len());
    for &i in c {
        let m = &ms[i];
        if seen.insert(m.surface) {
            aliases.push(m.surface.to_string());
        }
        if let Some(r) = m.role() {
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
    let real = |m: &Mention| m.canonical() != Some("\u{0}alliance") && m.defines().is_none();
    // The real mentions, or all when there are none (filtered on the fly:
    // most clusters are a mention or two, and vectors of them cost more).
    let all = !c.iter().any(|&i| real(&ms[i]));
    let pool = || c.iter().map(|&i| &ms[i]).filter(move |m| all || real(m));
    let gaz_name = || pool().find_map(|m| m.canonical());
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

/// `word_count(s) == 1`, stopping at a second word (for ASCII, by bytes).
fn is_one_word(s: &str) -> bool {
    if !s.is_ascii() {
        return word_count(s) == 1;
    }
    // The ASCII chars of `char::is_whitespace`, as in `word_count`.
    let space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let mut words = s.as_bytes().split(space).filter(|w| !w.is_empty());
    words.next().is_some() && words.next().is_none()
}
