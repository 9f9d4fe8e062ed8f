//! Canonicalization inside one article: typing the single unknown words,
//! clustering mentions into entities and choosing each entity's name. The
//! rules are documented in `docs/entities.md`.

use std::collections::HashMap;

use super::gazetteer::Gazetteer;
use super::{Hint, Mention, initials, is_acronym};
use crate::model::{Entity, EntityType};

pub(crate) fn cluster(mut ms: Vec<Mention>, gaz: &Gazetteer) -> Vec<Entity> {
    resolve_unknowns(&mut ms, gaz);
    ms.retain(|m| m.hint != Hint::Unknown || m.canonical.as_deref() == Some("\u{0}alliance"));
    let n = ms.len();
    let mut uf = UnionFind::new(n);
    let person = |m: &Mention| m.hint == Hint::Known(EntityType::Person);
    let alliance = |m: &Mention| m.canonical.as_deref() == Some("\u{0}alliance");

    // Persons: full names first, then single words.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut order: Vec<usize> = (0..n).filter(|&i| person(&ms[i])).collect();
    order.sort_by_key(|&i| {
        (
            ms[i].surface.split_whitespace().count() == 1,
            ms[i].span.start,
        )
    });
    for i in order {
        let words: Vec<&str> = ms[i].surface.split_whitespace().collect();
        let found: Vec<usize> = (0..groups.len())
            .filter(|&g| {
                let rep = &ms[groups[g][0]].surface;
                same_person(&words, &rep.split_whitespace().collect::<Vec<_>>())
            })
            .collect();
        let target = match found.len() {
            0 => None,
            1 => Some(found[0]),
            _ if words.len() > 1 => Some(found[0]),
            // An ambiguous surname: the person mentioned last before it,
            // else the first one after it.
            _ => found
                .iter()
                .copied()
                .filter_map(|g| {
                    groups[g]
                        .iter()
                        .map(|&k| ms[k].span.start)
                        .filter(|&s| s < ms[i].span.start)
                        .max()
                        .map(|s| (s, g))
                })
                .max()
                .map(|x| x.1)
                .or(Some(found[0])),
        };
        match target {
            Some(g) => {
                uf.union(groups[g][0], i);
                groups[g].push(i);
            }
            None => groups.push(vec![i]),
        }
    }

    // Organizations and places: union by shared key.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut acronyms: HashMap<String, usize> = HashMap::new();
    for i in 0..n {
        if person(&ms[i]) || alliance(&ms[i]) {
            continue;
        }
        if is_acronym(&ms[i].surface)
            || ms[i]
                .surface
                .replace('.', "")
                .chars()
                .all(|c| c.is_ascii_uppercase())
        {
            acronyms.entry(ms[i].surface.replace('.', "")).or_insert(i);
        }
    }
    for i in 0..n {
        if person(&ms[i]) || alliance(&ms[i]) {
            continue;
        }
        let m = &ms[i];
        let mut keys = vec![norm_key(&m.surface)];
        if let Some(c) = &m.canonical {
            keys.push(norm_key(c));
        }
        if let Some(a) = &m.defines {
            keys.push(norm_key(a));
        }
        // "General Motors Corp." = "GM": initials without the company form.
        let mut words: Vec<&str> = m.surface.split(' ').collect();
        while words.len() > 2
            && words.last().is_some_and(|w| {
                super::COMPANY.contains(w) || matches!(*w, "Company" | "Corporation")
            })
        {
            words.pop();
        }
        let bare = words.join(" ");
        for name in [m.surface.as_str(), bare.as_str()] {
            if let Some(ini) = initials(name) {
                if acronyms.contains_key(&ini) {
                    keys.push(norm_key(&ini));
                }
            }
        }
        // "Ukraine-NATO Council" = "NATO-Ukraine Council".
        let mut set: Vec<String> = m
            .surface
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if set.len() >= 3 {
            set.sort();
            keys.push(format!("\u{1}{}", set.join(" ")));
        }
        for k in keys {
            match by_key.get(&k) {
                Some(&j) => uf.union(i, j),
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }
    // "Apple" = "Apple Inc.", "North Atlantic Alliance" = "North Atlantic
    // Treaty Organization".
    for i in 0..n {
        if person(&ms[i]) || alliance(&ms[i]) {
            continue;
        }
        for j in 0..n {
            if i == j || person(&ms[j]) || alliance(&ms[j]) {
                continue;
            }
            let (a, b) = (&ms[i], &ms[j]);
            if let Some(rest) = b
                .surface
                .strip_prefix(&a.surface)
                .and_then(|r| r.strip_prefix(' '))
            {
                let company = rest.split(' ').all(|w| {
                    super::COMPANY.contains(&w)
                        || matches!(w, "Group" | "Holdings" | "Company" | "Corporation")
                });
                let plain = !a.surface.contains(' ')
                    && rest.split(' ').all(|w| !gaz.org_suffixes.contains(w));
                if company || plain {
                    uf.union(i, j);
                }
            }
            if let Some(head) = a.surface.strip_suffix(" Alliance") {
                let bnames = [Some(b.surface.as_str()), b.canonical.as_deref()];
                if bnames
                    .iter()
                    .flatten()
                    .any(|s| s.starts_with(&format!("{head} ")) && s.contains("Treaty"))
                {
                    uf.union(i, j);
                }
            }
        }
    }

    // Collect clusters.
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        if alliance(&ms[i]) {
            continue;
        }
        clusters.entry(uf.find(i)).or_default().push(i);
    }
    let mut clusters: Vec<Vec<usize>> = clusters.into_values().collect();
    for c in &mut clusters {
        c.sort_by_key(|&i| ms[i].span.start);
    }
    clusters.sort_by_key(|c| ms[c[0]].span.start);

    // "the alliance" → the one alliance-type organization of the article.
    let is_alliance = |c: &Vec<usize>| {
        c.iter().any(|&i| {
            let m = &ms[i];
            [Some(m.surface.as_str()), m.canonical.as_deref()]
                .iter()
                .flatten()
                .any(|s| {
                    s.split([' ', '-'])
                        .any(|w| w == "Alliance" || w == "Treaty")
                        || gaz.orgs.get(s).is_some_and(|o| o.kind.contains("alliance"))
                })
        })
    };
    let alliances: Vec<usize> = (0..clusters.len())
        .filter(|&c| is_alliance(&clusters[c]))
        .collect();
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
    let mut merged: Vec<Entity> = Vec::new();
    for e in out {
        if let Some(last) = merged
            .last_mut()
            .filter(|l| l.kind == e.kind && l.name == e.name)
        {
            for a in e.aliases {
                if !last.aliases.contains(&a) {
                    last.aliases.push(a);
                }
            }
            last.spans.extend(e.spans);
            last.spans.sort();
            last.mentions = last.spans.len();
            continue;
        }
        merged.push(e);
    }
    merged
}

/// Types single unknown words from the rest of the article.
fn resolve_unknowns(ms: &mut [Mention], gaz: &Gazetteer) {
    // Products: a surface seen in a product context ("the new X", "X
    // operating system") and never as an actor (possessive, "X executives")
    // gets no organization type from weak cues (repetition, "the X").
    let agents: Vec<String> = ms
        .iter()
        .filter(|m| m.hint == Hint::Unknown && (m.agent || m.speaks))
        .map(|m| m.surface.clone())
        .collect();
    // The first word of a product name is a product line too ("the new
    // MacBook Pro" → "MacBook").
    let mut products: Vec<String> = Vec::new();
    for m in ms
        .iter()
        .filter(|m| (m.hint == Hint::Unknown || m.weak) && m.product)
    {
        let first = m.surface.split(' ').next().unwrap_or_default();
        for s in [m.surface.as_str(), first] {
            if !agents.iter().any(|a| a == s) && !products.iter().any(|p| p == s) {
                products.push(s.to_string());
            }
        }
    }
    let product = |s: &str| products.iter().any(|p| p == s);
    for m in ms.iter_mut().filter(|m| m.weak) {
        let first = m.surface.split(' ').next().unwrap_or_default();
        if product(&m.surface) || product(first) {
            m.hint = Hint::Unknown;
        }
    }
    let mut surface_type: HashMap<String, EntityType> = HashMap::new();
    let mut surnames: Vec<String> = Vec::new();
    let mut org_heads: Vec<String> = Vec::new();
    for m in ms.iter() {
        if let Hint::Known(t) = m.hint {
            surface_type.entry(m.surface.clone()).or_insert(t);
            let words: Vec<&str> = m.surface.split_whitespace().collect();
            if t == EntityType::Person && words.len() > 1 {
                surnames.push(words[words.len() - 1].to_string());
            }
            if t == EntityType::Organization
                && words.len() > 1
                && gaz.org_suffixes.contains(words[words.len() - 1])
            {
                org_heads.push(words[..words.len() - 1].join(" "));
            }
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in ms.iter().filter(|m| m.hint == Hint::Unknown) {
        *counts.entry(m.surface.clone()).or_default() += 1;
    }
    let after_the: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.hint == Hint::Unknown
                && m.after_the
                && !product(&m.surface)
                && !super::is_camel(&m.surface)
        })
        .map(|m| m.surface.clone())
        .collect();
    let subject: Vec<String> = ms
        .iter()
        .filter(|m| m.hint == Hint::Unknown && (m.initial || m.agent))
        .map(|m| m.surface.clone())
        .collect();
    let speaks: Vec<String> = ms
        .iter()
        .filter(|m| m.hint == Hint::Unknown && m.speaks)
        .map(|m| m.surface.clone())
        .collect();
    for m in ms.iter_mut().filter(|m| m.hint == Hint::Unknown) {
        if m.canonical.as_deref() == Some("\u{0}alliance") {
            continue;
        }
        let s = m.surface.as_str();
        if s.contains(' ') {
            let first = s.split(' ').next().unwrap_or(s);
            m.hint = if let Some(&t) = surface_type.get(s) {
                Hint::Known(t)
            } else if m.speaks {
                Hint::Known(EntityType::Person)
            } else if product(s) || product(first) {
                Hint::Unknown
            } else if surface_type.get(first) == Some(&EntityType::Organization)
                || counts.get(first).copied().unwrap_or(0) >= 2
                || m.after_the
            {
                Hint::Known(EntityType::Organization)
            } else {
                Hint::Unknown
            };
            continue;
        }
        m.hint = if let Some(&t) = surface_type.get(s) {
            Hint::Known(t)
        } else if surnames.iter().any(|x| similar_surname(x, s)) {
            Hint::Known(EntityType::Person)
        } else if org_heads.iter().any(|h| h == s) {
            Hint::Known(EntityType::Organization)
        } else if product(s) {
            Hint::Unknown
        } else if after_the.iter().any(|x| x == s) {
            Hint::Known(EntityType::Organization)
        } else if speaks.iter().any(|x| x == s) {
            Hint::Known(EntityType::Person)
        } else if (counts.get(s).copied().unwrap_or(0) >= 2 && subject.iter().any(|x| x == s)
            || agents.iter().any(|x| x == s))
            && !gaz.given.contains_key(s)
        {
            Hint::Known(EntityType::Organization)
        } else {
            Hint::Unknown
        };
    }
}

fn entity(ms: &[Mention], c: &[usize]) -> Entity {
    let mut kinds: HashMap<EntityType, usize> = HashMap::new();
    for &i in c {
        if let Hint::Known(t) = ms[i].hint {
            *kinds.entry(t).or_default() += 1;
        }
    }
    let first = match ms[c[0]].hint {
        Hint::Known(t) => t,
        Hint::Unknown => EntityType::Organization,
    };
    let kind = kinds
        .iter()
        .max_by_key(|(t, n)| (**n, **t == first))
        .map_or(first, |(t, _)| *t);
    let mut aliases: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mut spans = Vec::new();
    for &i in c {
        let m = &ms[i];
        if !aliases.contains(&m.surface) {
            aliases.push(m.surface.clone());
        }
        if let Some(r) = &m.role {
            if !roles.contains(r) {
                roles.push(r.clone());
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
    let real: Vec<&Mention> = c
        .iter()
        .map(|&i| &ms[i])
        .filter(|m| m.canonical.as_deref() != Some("\u{0}alliance") && m.defines.is_none())
        .collect();
    let all: Vec<&Mention> = c.iter().map(|&i| &ms[i]).collect();
    let pool = if real.is_empty() { &all } else { &real };
    let gaz_name = pool.iter().find_map(|m| m.canonical.clone());
    let longest = || {
        let mut best = pool[0];
        for m in pool.iter() {
            let w = |m: &Mention| m.surface.split_whitespace().count();
            if w(m) > w(best)
                || w(m) == w(best) && is_upper_word(&best.surface) && !is_upper_word(&m.surface)
            {
                best = m;
            }
        }
        best.surface.clone()
    };
    match kind {
        EntityType::Place => gaz_name.unwrap_or_else(longest),
        EntityType::Organization => pool
            .iter()
            .find(|m| is_acronym(&m.surface))
            .map(|m| m.surface.clone())
            .or(gaz_name)
            .unwrap_or_else(longest),
        EntityType::Person => longest(),
    }
}

fn is_upper_word(s: &str) -> bool {
    !s.chars().any(char::is_lowercase)
}

fn norm_key(s: &str) -> String {
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    s.to_lowercase().replace('.', "")
}

/// Whether two person names (as word lists) can be one person: similar
/// surnames and compatible given names (one missing, an initial, or a
/// spelling variant).
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
        && edit_distance(&la, &lb) <= 1
}

/// Transliteration variants of one surname: equal after folding
/// (`Dostoyevsky`/`Dostoevskiy`/`Dostoevsky`), or one edit apart when both have six
/// letters or more and share the first three.
pub(crate) fn similar_surname(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (fa, fb) = (translit_fold(a), translit_fold(b));
    if fa == fb {
        return true;
    }
    fa.chars().count() >= 6
        && fb.chars().count() >= 6
        && fa.chars().take(3).eq(fb.chars().take(3))
        && edit_distance(&fa, &fb) <= 1
}

pub(crate) fn translit_fold(s: &str) -> String {
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

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
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
