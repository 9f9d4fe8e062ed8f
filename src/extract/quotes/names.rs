//! People and institutions named in the article body: capitalized name runs
//! with the titles written before them, used to resolve pronouns, titles and
//! short names to the fullest name form.

// The indexes are only looked up, never iterated, so the hasher cannot
// change the output; foldhash is much cheaper than SipHash on short names.
use crate::fasthash::{Map as HashMap, Set as HashSet};

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::ops::ControlFlow;

use super::attrib::is_sentence_end;
use super::lex;
use super::sigs;
use super::words::{self, Outside, Tok};
use crate::extract::entities::canon::is_upper_word;
use crate::model::{AliasForm, Article, Entities, EntityRef, EntityType, Named};
use crate::spare::keep;

/// How many distinct name forms are kept per last word: an article has a
/// few; the bound keeps hostile text (thousands of names sharing a last
/// word) linear.
const MAX_FORMS: usize = 64;

/// How many name mentions back `by_role` looks for the person a title
/// refers to.
const MAX_LOOKBACK: usize = 1000;

/// How many name mentions back a pronoun looks for its person.
const MAX_NAME_LOOKBACK: usize = 200;

/// How many roles sharing a title word `by_role` weighs (the latest ones).
const MAX_ROLES: usize = 64;

/// One name written outside quotes.
#[derive(Clone, Debug)]
pub struct Mention<'a> {
    /// Byte offset in the file text.
    pub pos: usize,
    /// The name as written, titles removed.
    pub name: &'a str,
    /// Written after a title or honorific (`Minister X`, `Mr. X`).
    pub titled: bool,
    /// Looks like a person's full name: two or three capitalized words, no
    /// institution word, no `the` before it.
    pub plausible: bool,
    /// Opens its sentence or clause, or comes right before a cue verb: the
    /// subject a following pronoun most likely refers to.
    pub subject: bool,
}

/// How far back (bytes) another person's name competes with the last
/// speaker for a pronoun: about two paragraphs of news prose.
const RECENT_WINDOW: usize = 600;

/// A distinct name written, filed under its last word.
#[derive(Clone, Copy, Debug)]
struct Form<'a> {
    /// [`last_hash`] of the lowercased last word.
    key: u64,
    /// The last word as written.
    last: &'a str,
    name: &'a str,
    /// The number of words of `name`.
    words: usize,
}

impl Form<'_> {
    /// Whether the last word, lowercased, is `lower`.
    fn last_is(&self, lower: &str) -> bool {
        lowers_to(self.last, lower)
    }
}

/// Whether `form` has a space where a name as long as `lower` would start
/// at its end (the tests of a form are pure: the cheap ones first).
fn ends_form(form: &str, lower: &str) -> bool {
    form.len() > lower.len() && form.as_bytes()[form.len() - lower.len() - 1] == b' '
}

/// Whether `form` (of `mw` words) is a fuller form of `lower` (of `nw`
/// words) than `best`; the allocating test last.
fn better_form(form: &str, mw: usize, lower: &str, nw: usize, best: Option<(&str, usize)>) -> bool {
    mw > nw
        && mw <= 4
        && best.is_none_or(|(_, bw)| bw < mw)
        && words::lowercase(form).ends_with(lower)
}

/// Whether the last word of `name` (as [`Names::by_last`] files it),
/// lowercased, is `lower`.
fn last_word_is(name: &str, lower: &str) -> bool {
    lowers_to(name.split_whitespace().next_back().unwrap_or(""), lower)
}

/// The canonical forms a look-back may stop at ([`Names::back_from`]): a
/// name whose canonical form can be none of them needs no search for it.
#[derive(Clone, Copy)]
enum Wanted<'w> {
    One(&'w str),
    Among(&'w HashSet<&'w str>),
}

impl Wanted<'_> {
    /// Whether `f` holds for one of the forms.
    fn any(self, mut f: impl FnMut(&str) -> bool) -> bool {
        match self {
            Wanted::One(w) => f(w),
            Wanted::Among(ws) => ws.iter().any(|w| f(w)),
        }
    }
}

/// The hash `by_last` files a lowercased last word under (of its bytes:
/// a word lowercased on the stack needs no UTF-8 check).
fn last_hash(lower: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(lower)
}

/// The vectors of the name scan kept from the thread's last article (in
/// the quote stage's scratch, [`crate::spare`]), emptied: growing them from
/// nothing cost a few reallocations an article.
#[derive(Debug, Default)]
pub struct Spare<'a> {
    /// The mentions that read the names.
    mentions: Vec<Mention<'a>>,
    /// The window buffer of the scan of paragraphs without quotes.
    window: Vec<Tok<'a>>,
    /// The paragraphs read one by one.
    parts: Parts<'a>,
}

impl Spare<'_> {
    /// The vectors, emptied, for another article's text.
    pub fn rebind<'b>(self) -> Spare<'b> {
        Spare {
            mentions: keep(self.mentions),
            window: keep(self.window),
            parts: Parts {
                mentions: keep(self.parts.mentions),
                canons: keep(self.parts.canons),
                ranges: keep(self.parts.ranges),
                roles: keep(self.parts.roles),
            },
        }
    }
}

/// The names written in single paragraphs, read as a pronoun looks back
/// from its quote ([`Names::back_from`]) while the names of the whole
/// article are not read: a pronoun's person is nearly always named a
/// mention or two before it, and the whole reading cost as much as
/// attributing the quotes.
#[derive(Debug, Default)]
struct Parts<'a> {
    /// The mentions of the paragraphs read, each paragraph's a range.
    mentions: Vec<Mention<'a>>,
    /// The canonical form of each of `mentions`, once asked for.
    canons: Vec<Option<&'a str>>,
    /// Each paragraph's range of `mentions`, once read (empty until the
    /// first paragraph is).
    ranges: Vec<Option<(usize, usize)>>,
    /// Scratch for the titles a paragraph's scan files: only the reading
    /// of the whole article keeps them ([`Names::roles`]).
    roles: Vec<(&'a str, &'a str)>,
}

/// The names written outside quotes and the titles written before them.
#[derive(Debug, Default)]
pub struct Written<'a> {
    pub mentions: Vec<Mention<'a>>,
    /// The title words (the text from the first to the last) and the name
    /// they were written before, each time (the entities' roles are not
    /// among them): lowercased and deduplicated by [`written_roles`] only
    /// when a description first asks, which few articles do.
    roles: Vec<(&'a str, &'a str)>,
}

/// A role: its lowercased title words, each followed by a space, in one
/// string (one allocation a role, not one a word), and the name it was
/// written before.
type Role<'a> = (String, &'a str);

/// Appends `words` lowercased to `out`, each followed by a space.
fn push_lower_words<'w>(out: &mut String, words: impl Iterator<Item = &'w str>) {
    for w in words {
        words::push_lowercase(out, w);
        out.push(' ');
    }
}

/// The words of a [`Role`]'s title.
fn role_words(words: &str) -> impl Iterator<Item = &str> {
    words.split_terminator(' ')
}

/// The role word at byte `at` of a role's `words`, with `.` trimmed when
/// `trimmed`.
fn role_word_at(words: &str, at: u32, trimmed: bool) -> &str {
    let rest = words.get(at as usize..).unwrap_or("");
    let w = role_words(rest).next().unwrap_or("");
    if trimmed { w.trim_end_matches('.') } else { w }
}

/// The distinct roles of [`Written::roles`] in order of first mention:
/// lowercased title words and the name they were written before.
fn written_roles<'a>(roles: &[(&str, &'a str)]) -> Vec<Role<'a>> {
    let out: Vec<Role<'a>> = roles
        .iter()
        .map(|&(title, name)| {
            // The title words of a run are word tokens with only
            // whitespace between them, so their text tokenizes back into
            // them.
            let mut words = String::with_capacity(title.len() + 1);
            let toks = words::tokens(title, 0, title.len());
            push_lower_words(&mut words, toks.iter().map(|t| t.text));
            (words, name)
        })
        .collect();
    // Each role once, at its first mention.
    let first: Vec<bool> = {
        let mut seen = crate::fasthash::Set::default();
        out.iter().map(|r| seen.insert(r)).collect()
    };
    (out.into_iter().zip(first))
        .filter_map(|(role, first)| first.then_some(role))
        .collect()
}

/// The paragraphs the names are read from ([`Names::collect`]).
#[derive(Clone, Copy, Debug, Default)]
struct Source<'a, 's> {
    /// The file's text, which the paragraphs are spans of when the parser
    /// made them (a record made by hand may hold other strings).
    text: &'a str,
    paras: &'s [(&'a str, usize)],
    quoted: &'s [&'s [(usize, usize)]],
    outs: &'s [Outside<'s, 'a>],
}

#[derive(Debug, Default)]
pub struct Names<'a, 's> {
    /// Read from `source` when a lookup first needs them: the quotes of
    /// about a third of the articles are resolved from the entities alone,
    /// and reading every capitalized word of the article cost as much as
    /// attributing its quotes.
    written: OnceCell<Written<'a>>,
    source: Source<'a, 's>,
    /// The entities from the entity extractor.
    entities: EntityIndex<'a>,
    /// The distinct names written, found when a look-back or a short name
    /// first needs them in an article of more than [`SCAN_MENTIONS`]
    /// mentions (`mention_canons` serves the others).
    distinct: OnceCell<Distinct<'a>>,
    /// Distinct names written, in order of first mention within each
    /// lowercased last word, sorted by that word's hash: one flat list
    /// sorted once, with no key copied. Built when a name that no entity
    /// has as an alias is first canonicalized, in an article of more than
    /// [`SCAN_MENTIONS`] mentions.
    by_last: OnceCell<Vec<Form<'a>>>,
    /// The roles and their indexes, built when a description first asks.
    roles: OnceCell<Roles<'a>>,
    /// The entities' roles alone, for descriptions whose words no title
    /// written can hold ([`Names::roles_asked`]).
    entity_roles: OnceCell<Roles<'a>>,
    /// Each mention's canonical form, for an article of at most
    /// [`SCAN_MENTIONS`] mentions: there the first mention of a name is
    /// found by comparing the names before it, which costs less than
    /// building `distinct` and `by_last`.
    mention_canons: OnceCell<Vec<OnceCell<&'a str>>>,
    /// The scan's vectors, until it takes them.
    spare: RefCell<Spare<'a>>,
    /// The paragraphs read for pronouns before (or instead of) `written`.
    parts: RefCell<Parts<'a>>,
    /// [`Names::body`], found at the first search for a fuller form.
    body: OnceCell<Option<Body<'a>>>,
}

/// How many mentions an article may have for [`Names`] to compare names
/// one by one instead of indexing them: most articles name a few dozen.
/// At most [`MAX_FORMS`], so that the forms a short name is compared with
/// are never more than the index would give.
const SCAN_MENTIONS: usize = MAX_FORMS;

/// The distinct names written, each mention's among them, and their
/// canonical forms.
#[derive(Debug)]
struct Distinct<'a> {
    /// In order of first mention.
    names: Vec<&'a str>,
    /// The canonical form of each distinct name, found when first asked
    /// for: the look-backs from quotes ask for few of them.
    canons: Vec<OnceCell<&'a str>>,
    /// Each mention's canonical form, as an index into `canons`: a name is
    /// canonicalized once however often it is written.
    canon_of: Vec<u32>,
}

/// The roles `by_role` weighs: every entity's, then those written.
#[derive(Debug)]
struct Roles<'a> {
    list: Vec<Role<'a>>,
    /// The canonical form of each role's name (`list[k].1`), found when
    /// a description first asks for it.
    canon: Vec<OnceCell<&'a str>>,
    /// ([`text_hash`] of a role word with `.` trimmed, the role's number,
    /// the word's offset in the role), sorted: the roles holding a word, in
    /// order, with no word copied.
    by_word: Vec<RoleWord>,
    /// The same for the role words as written.
    by_raw: Vec<RoleWord>,
}

/// One word of a role in a role index: its hash, the role's number and
/// the word's byte offset in the role's words.
type RoleWord = (u64, u32, u32);

impl<'a> Roles<'a> {
    /// The roles of `list`, indexed by their words.
    fn new(list: Vec<Role<'a>>) -> Roles<'a> {
        let (mut by_word, mut by_raw) = (Vec::new(), Vec::new());
        for (k, (role, _)) in list.iter().enumerate() {
            let k = u32::try_from(k).unwrap_or(u32::MAX);
            for r in role_words(role) {
                let at =
                    u32::try_from(r.as_ptr() as usize - role.as_ptr() as usize).unwrap_or(u32::MAX);
                by_word.push((text_hash(r.trim_end_matches('.').as_bytes()), k, at));
                by_raw.push((text_hash(r.as_bytes()), k, at));
            }
        }
        // Stable: the roles of one hash stay in order, and a word a role
        // holds many times is filed once, so that a lookup walks at most
        // one entry a role (and hash collision).
        for (index, trimmed) in [(&mut by_word, true), (&mut by_raw, false)] {
            index.sort_by_key(|e| e.0);
            index.dedup_by(|b, a| {
                (a.0, a.1) == (b.0, b.1)
                    && role_word_at(&list[a.1 as usize].0, a.2, trimmed)
                        == role_word_at(&list[b.1 as usize].0, b.2, trimmed)
            });
        }
        Roles {
            canon: vec![OnceCell::new(); list.len()],
            list,
            by_word,
            by_raw,
        }
    }

    /// The latest [`MAX_ROLES`] roles holding `w`, with `.` trimmed from
    /// their words (`trimmed`) or as written, in order.
    fn holding(&self, w: &str, trimmed: bool) -> Vec<usize> {
        let index = if trimmed { &self.by_word } else { &self.by_raw };
        let key = text_hash(w.as_bytes());
        let run = &index[index.partition_point(|e| e.0 < key)..];
        let run = &run[..run.partition_point(|e| e.0 == key)];
        // From the latest role back, stopping at the MAX_ROLES-th: a
        // lookup costs at most that many roles, however many hold the
        // word (a quote per role would otherwise make this quadratic).
        let mut ks = Vec::new();
        for &(_, k, at) in run.iter().rev() {
            let k = k as usize;
            if ks.len() == MAX_ROLES {
                break;
            }
            if ks.last() != Some(&k) && role_word_at(&self.list[k].0, at, trimmed) == w {
                ks.push(k);
            }
        }
        ks.reverse();
        ks
    }
}

/// How many aliases [`EntityIndex`] compares one by one. An article
/// names a dozen entities or so and canonicalizes a few names, which costs
/// less than hashing every alias: the maps cost ~700 instructions an alias
/// to build, and an ASCII alias is compared in the table itself, so even
/// an article of a few hundred aliases asks too few names for them to pay
/// (at 64, they were built for 199 articles of the 10 MB corpus, ~36 k
/// instructions each, more than the lookups they served). Past this many,
/// the aliases are hashed into maps (when first asked), so that a lookup's
/// cost stays bounded and long texts linear.
const SCAN_ALIASES: usize = 256;

/// The entities of the article, looked up by lowercased alias, by the
/// lowercased last word of a person's alias, and by name and type.
#[derive(Debug, Default)]
struct EntityIndex<'a> {
    entities: &'a Entities,
    /// Compare aliases one by one rather than build `maps`.
    scan: bool,
    /// Every alias is ASCII (nearly every article): the scan compares
    /// them ignoring ASCII case, as bytes, in the table's text
    /// ([`Entities::position_listed`]).
    ascii: bool,
    /// The table's names and aliases for the ASCII scan, listed at its
    /// first lookup ([`Entities::list_named`]): empty until then, as the
    /// list of a table with any entity is not. No more than
    /// [`SCAN_ALIASES`] long, so its vector is kept from article to
    /// article whole.
    named: RefCell<Vec<Named>>,
    /// Boxed: built for few articles, it would otherwise make every
    /// article's [`Names`] larger by several times the list's vector.
    maps: OnceCell<Box<EntityMaps<'a>>>,
}

/// [`EntityIndex`] for many aliases: the first entity in order wins, as
/// a scan finds it. Each alias is lowercased and hashed once, with no
/// copy kept: a lookup hashes its key, finds the aliases of that hash and
/// compares their text.
#[derive(Debug, Default)]
struct EntityMaps<'a> {
    /// The aliases in order, with their entity's number.
    aliases: Vec<(&'a str, u32)>,
    /// (hash of the lowercased alias, its number in `aliases`), sorted.
    by_alias: Vec<(u64, u32)>,
    /// (hash of the lowercased last word of a person's alias, the alias's
    /// number), sorted.
    person_by_last: Vec<(u64, u32)>,
    /// Names of the person entities.
    person_names: HashSet<&'a str>,
    /// Names of the place and organization entities.
    other_names: HashSet<&'a str>,
}

/// The hash [`EntityMaps`] files a lowercased text under. Tests keep three
/// bits of it, so that the comparison of texts after a hash matches is
/// what decides.
fn text_hash(lower: &[u8]) -> u64 {
    let h = last_hash(lower);
    if cfg!(test) { h & 7 } else { h }
}

/// The alias numbers filed under `key` in a sorted `index`, in order.
fn filed(index: &[(u64, u32)], key: u64) -> impl Iterator<Item = usize> + '_ {
    let from = index.partition_point(|e| e.0 < key);
    index[from..]
        .iter()
        .take_while(move |e| e.0 == key)
        .map(|e| e.1 as usize)
}

/// The aliases an entity is known by: its aliases and its name, an alias
/// that is the name once ([`AliasForm::Name`], told by its range, is
/// neither sliced nor read twice).
fn aliases(e: EntityRef<'_>) -> impl Iterator<Item = &str> {
    let other = e.alias_forms().filter_map(|a| match a {
        AliasForm::Name => None,
        AliasForm::Other(s) => Some(s),
    });
    other.chain([e.name()])
}

/// Whether `a` lowercased is `lower`; ASCII `a`, nearly every alias, is
/// compared without a copy.
#[inline]
fn lowers_to(a: &str, lower: &str) -> bool {
    // An ASCII first character lowercases alone to an ASCII letter that
    // opens the lowercased text: most aliases differ from `lower` there,
    // and are turned away before every byte is read for ASCII.
    if let (Some(&x), Some(&y)) = (a.as_bytes().first(), lower.as_bytes().first())
        && x.is_ascii()
        && x.to_ascii_lowercase() != y
    {
        return false;
    }
    if a.is_ascii() {
        a.eq_ignore_ascii_case(lower)
    } else {
        words::lowercase(a) == lower
    }
}

/// Whether the last word of `a` lowercased is `last` (a nonempty word
/// without whitespace); for ASCII `a`, by comparing its end.
fn last_word_lowers_to(a: &str, last: &str) -> bool {
    if !a.is_ascii() {
        return words::lowercase(a).split_whitespace().next_back() == Some(last);
    }
    ascii_last_word_is(a.as_bytes(), last)
}

/// [`last_word_lowers_to`] for an ASCII `a`.
#[inline]
fn ascii_last_word_is(a: &[u8], last: &str) -> bool {
    // The whitespace of `char::is_whitespace` among ASCII bytes (not
    // `u8::is_ascii_whitespace`, which leaves out the vertical tab).
    let space = crate::uclass::is_ascii_space;
    // An `a` that ends in a byte other than whitespace ends its last word
    // with it: one that differs from `last`'s last byte is turned away by
    // that byte alone, as most aliases are, before the trim and compare.
    if let (Some(&y), Some(&z)) = (a.last(), last.as_bytes().last())
        && !space(y)
        && !y.eq_ignore_ascii_case(&z)
    {
        return false;
    }
    let t = &a[..a.iter().rposition(|&b| !space(b)).map_or(0, |k| k + 1)];
    let Some(cut) = t.len().checked_sub(last.len()) else {
        return false;
    };
    // `last` has no whitespace, so an equal end that starts the text or
    // follows whitespace is the whole last word.
    !last.is_empty()
        && t[cut..].eq_ignore_ascii_case(last.as_bytes())
        && (cut == 0 || space(t[cut - 1]))
}

impl<'a> EntityIndex<'a> {
    /// The index of `entities`, with `named` (emptied here) to list them
    /// into.
    fn new(entities: &'a Entities, mut named: Vec<Named>) -> EntityIndex<'a> {
        let scan = alias_count(entities) <= SCAN_ALIASES;
        named.clear();
        EntityIndex {
            entities,
            scan,
            // (The whole table's text: a role outside ASCII only sends the
            // lookups to the general scan, which answers alike.)
            ascii: scan && entities.is_ascii(),
            named: RefCell::new(named),
            maps: OnceCell::new(),
        }
    }

    /// [`Entities::position_listed`] over the table's list, listed first
    /// if it is not yet.
    fn position_named(
        &self,
        keep: impl Fn(EntityType) -> bool,
        is: impl Fn(&[u8]) -> bool,
    ) -> Option<usize> {
        let mut named = self.named.borrow_mut();
        if named.is_empty() {
            self.entities.list_named(&mut named);
        }
        self.entities.position_listed(&named, keep, is)
    }

    fn maps(&self) -> &EntityMaps<'a> {
        self.maps.get_or_init(|| {
            let mut m = Box::<EntityMaps>::default();
            let count = alias_count(self.entities);
            m.aliases.reserve(count);
            m.by_alias.reserve(count);
            m.person_by_last.reserve(count);
            let mut buf = [0u8; 64];
            for (k, e) in self.entities.iter().enumerate() {
                let person = e.kind() == EntityType::Person;
                let entity = u32::try_from(k).unwrap_or(u32::MAX);
                for a in aliases(e) {
                    let i = u32::try_from(m.aliases.len()).unwrap_or(u32::MAX);
                    m.aliases.push((a, entity));
                    let owned: String;
                    let lower = match ascii_lower(a, &mut buf) {
                        Some(l) => l,
                        None => {
                            owned = words::lowercase(a);
                            &owned
                        }
                    };
                    m.by_alias.push((text_hash(lower.as_bytes()), i));
                    if person && let Some(last) = lower.split_whitespace().next_back() {
                        m.person_by_last.push((text_hash(last.as_bytes()), i));
                    }
                }
                if person {
                    m.person_names.insert(e.name());
                } else {
                    m.other_names.insert(e.name());
                }
            }
            // Stable: the aliases of one hash stay in order.
            m.by_alias.sort_by_key(|e| e.0);
            m.person_by_last.sort_by_key(|e| e.0);
            m
        })
    }

    /// The first entity with an alias that lowercases to `lower`.
    fn by_alias(&self, lower: &str) -> Option<usize> {
        if !self.scan {
            let m = self.maps();
            return filed(&m.by_alias, text_hash(lower.as_bytes()))
                .map(|i| m.aliases[i])
                .find(|(a, _)| lowers_to(a, lower))
                .map(|(_, k)| k as usize);
        }
        if self.ascii {
            let lower = lower.as_bytes();
            return self.position_named(|_| true, |a| a.eq_ignore_ascii_case(lower));
        }
        self.entities
            .iter()
            .position(|e| aliases(e).any(|a| lowers_to(a, lower)))
    }

    /// [`EntityIndex::by_alias`] of `name` lowercased, or none, in an
    /// ASCII scan; always none in the others. An ASCII alias equal to
    /// `name` but for ASCII case makes `name` ASCII, lowercasing as the
    /// alias does, so the first such alias is the one `by_alias` finds;
    /// and an ASCII `name` it misses has no alias at all. Most names asked
    /// are an alias, and this way are not lowercased first.
    fn by_ascii_alias(&self, name: &str) -> Option<usize> {
        if !self.ascii {
            return None;
        }
        let name = name.as_bytes();
        self.position_named(|_| true, |a| a.eq_ignore_ascii_case(name))
    }

    /// The first person entity with an alias whose last word lowercases
    /// to `last`.
    fn person_by_last(&self, last: &str) -> Option<usize> {
        if !self.scan {
            let m = self.maps();
            return filed(&m.person_by_last, text_hash(last.as_bytes()))
                .map(|i| m.aliases[i])
                .find(|(a, _)| last_word_lowers_to(a, last))
                .map(|(_, k)| k as usize);
        }
        if self.ascii {
            let person = |k| k == EntityType::Person;
            return self.position_named(person, |a| ascii_last_word_is(a, last));
        }
        self.entities.iter().position(|e| {
            e.kind() == EntityType::Person && aliases(e).any(|a| last_word_lowers_to(a, last))
        })
    }

    fn name(&self, k: usize) -> &'a str {
        self.entities.at(k).name()
    }

    /// Whether an entity of the type `person` says is named `name`.
    fn names_one(&self, name: &str, person: bool) -> bool {
        if !self.scan {
            let m = self.maps();
            let set = if person {
                &m.person_names
            } else {
                &m.other_names
            };
            return set.contains(name);
        }
        self.entities
            .iter()
            .of_kind(|k| (k == EntityType::Person) == person)
            .any(|e| e.name() == name)
    }
}

/// The aliases and names of `entities` (as [`aliases`] gives them, and
/// each name again when it is an alias too).
fn alias_count(entities: &Entities) -> usize {
    entities.alias_count() + entities.len()
}

/// The index ranges of the capitalized runs among `toks`, read by
/// [`words::read_run`] (lowercase name particles and `of` allowed inside a
/// run, a possessor ending it). An iterator: most callers want only the
/// first run.
pub fn cap_runs<'t>(toks: &'t [Tok]) -> impl Iterator<Item = (usize, usize)> + 't {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < toks.len() {
            if !(toks[i].is_word() && toks[i].is_cap()) {
                i += 1;
                continue;
            }
            let s = i;
            let mut run = SliceRun {
                toks,
                read: i + 1,
                end: i + 1,
            };
            words::read_run(toks[s].text, &mut run);
            let e = run.end;
            i = e;
            return Some((s, e));
        }
        None
    })
}

/// [`cap_runs`]' tokens for [`words::read_run`]: read from `read` on, the
/// run ending at `end`.
struct SliceRun<'r, 't> {
    toks: &'r [Tok<'t>],
    read: usize,
    end: usize,
}

impl<'r, 't> words::RunToks<'t> for SliceRun<'r, 't> {
    type Item = &'r Tok<'t>;

    #[inline(always)]
    fn next_tok(&mut self) -> Option<&'r Tok<'t>> {
        let t = self.toks.get(self.read)?;
        self.read += 1;
        Some(t)
    }

    /// The run's tokens are those read, up to the token after it.
    #[inline(always)]
    fn keep(&mut self, _: &'r Tok<'t>) {
        self.end += 1;
    }
}

/// Splits a capitalized run into its leading title words and the name after
/// them: returns the index (within the run) where the name starts.
pub fn title_split(run: &[Tok]) -> usize {
    title_split_in(&Classes::new(run))
}

/// The [`lex`] classes of a run's words, each word looked up once for all
/// the tests of the run and of later readers of the same tokens
/// ([`Tok::class`]).
struct Classes<'r, 't> {
    run: &'r [Tok<'t>],
}

impl<'r, 't> Classes<'r, 't> {
    fn new(run: &'r [Tok<'t>]) -> Classes<'r, 't> {
        Classes { run }
    }

    /// The classes of word `i`; none past the end.
    fn get(&self, i: usize) -> u8 {
        self.run.get(i).map_or(0, Tok::class)
    }

    /// Whether a word of `from..to` is of `class`.
    fn any(&self, from: usize, to: usize, class: u8) -> bool {
        (from..to).any(|i| self.get(i) & class != 0)
    }
}

/// [`title_split`] of the run of `c`.
fn title_split_in(c: &Classes) -> usize {
    let run = c.run;
    let mut k = 0;
    let is_title = |i: usize| c.get(i) & lex::TITLE != 0;
    let mut title_prev = false;
    let mut title_here = is_title(0);
    for (i, t) in run.iter().enumerate() {
        let title_next = is_title(i + 1);
        let title_of = t.text == "of" && title_prev;
        if title_here || title_of || title_next && is_org_modifier(t.text) {
            k = i + 1;
        }
        (title_prev, title_here) = (title_here, title_next);
    }
    // Leading stop words (`The`, `But`) are never part of a name.
    while k < run.len() && c.get(k) & lex::STOP != 0 {
        k += 1;
    }
    k
}

/// [`title_split_in`] of a run of one word of classes `c`, most runs (`The`,
/// `He`, a surname): a title or a stop word is no name.
#[inline]
fn single_title_split(c: u8) -> usize {
    usize::from(lex::names_no_one(c))
}

/// A lowercase `-ed` word right after a name is most often its verb
/// (`Pollard rejected`): the name is the sentence's subject.
fn is_past_verb(t: &Tok) -> bool {
    t.is_word() && !t.is_cap() && t.text.len() > 4 && t.text.ends_with("ed")
}

/// `s` lowercased in `buf` when it is ASCII and fits: lookups by a
/// lowercased name need no allocated copy.
fn ascii_lower<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let b = buf.get_mut(..s.len()).filter(|_| s.is_ascii())?;
    b.copy_from_slice(s.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

/// Head nouns of institutions and places, never part of a person's name
/// ([`lex::ORG`]).
pub(super) const ORG_WORDS: &[&str] = &[
    "Party",
    "House",
    "Court",
    "Department",
    "Committee",
    "Council",
    "Ministry",
    "Office",
    "Agency",
    "Union",
    "News",
    "Post",
    "Times",
    "Street",
    "Senate",
    "Congress",
    "Administration",
    "Campaign",
    "Institute",
    "University",
    "Association",
    "Commission",
    "Bureau",
    "Service",
    "Network",
    "Group",
    "Company",
    "Corporation",
    "Foundation",
    "Center",
    "Centre",
    "Journal",
    "Assembly",
    "Parliament",
    "Government",
    "Army",
    "Forces",
    "States",
    "Kingdom",
    "Republic",
    "Federation",
    "Organization",
    "Alliance",
    "Bank",
    "Fund",
    "Board",
    "Club",
    "Press",
    "Summit",
    "Conference",
    "Nations",
    "Games",
    "Cup",
    "League",
    "Open",
    "Championship",
    "Championships",
    "Series",
    "Awards",
    "Olympics",
    "Premiership",
    "United",
    "City",
    "Stadium",
    "Park",
    "Airport",
    "Hospital",
    "School",
    "College",
    "Church",
    "Hotel",
    "Road",
    "Avenue",
    "Square",
    "Bridge",
    "River",
    "Island",
    "Islands",
    "County",
    "Valley",
    "Day",
    "Week",
];

/// An all-capitals acronym or a nationality-like modifier that can open a
/// title (`UN Secretary General`, `French President`).
fn is_org_modifier(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
        || w.ends_with("ian")
        || w.ends_with("ish")
        || w.ends_with("ese")
        || w.ends_with("an")
}

impl<'a> Written<'a> {
    /// Files the names of the capitalized runs of `toks`, tokens of `p`,
    /// which starts at byte `off` of the file.
    pub fn scan(&mut self, p: &'a str, toks: &[Tok], off: usize) {
        for (s, e) in cap_runs(toks) {
            self.scan_run(p, toks, s, e, off);
        }
    }

    /// Files the name of the capitalized run `toks[s..e]` (as [`cap_runs`]
    /// finds it), read with the tokens around it.
    pub fn scan_run(&mut self, p: &'a str, toks: &[Tok], s: usize, e: usize, off: usize) {
        let run = &toks[s..e];
        if let [t] = run {
            // Most runs are one word (`The`, `He`, a surname): a title or a
            // stop word is no name, and a name of one word is neither
            // titled nor plausible (two or three words), so only its place
            // and whether it is a subject are read.
            if single_title_split(t.class()) == 0 {
                self.mentions.push(Mention {
                    pos: off + t.start,
                    name: &p[t.start..t.end()],
                    titled: false,
                    plausible: false,
                    subject: is_subject(toks, s, e),
                });
            }
            return;
        }
        self.scan_any_run(p, toks, s, e, off);
    }

    /// [`Written::scan_run`] by the rules for runs of any length (the
    /// oracle of its path for one word).
    fn scan_any_run(&mut self, p: &'a str, toks: &[Tok], s: usize, e: usize, off: usize) {
        let run = &toks[s..e];
        let classes = Classes::new(run);
        let k = title_split_in(&classes);
        if k >= run.len() {
            return;
        }
        let name_toks = &run[k..];
        let name = &p[name_toks[0].start..name_toks[name_toks.len() - 1].end()];
        let org = classes.any(k, run.len(), lex::ORG);
        let titled = k > 0 && classes.any(0, k, lex::TITLE) && !org;
        if titled {
            self.roles.push((&p[run[0].start..run[k - 1].end()], name));
        }
        let after_the = s > 0 && toks[s - 1].text.eq_ignore_ascii_case("the");
        let plausible = (2..=3).contains(&name_toks.len())
            && !after_the
            && name_toks.iter().all(Tok::is_cap)
            && !org;
        self.mentions.push(Mention {
            pos: off + name_toks[0].start,
            name,
            titled,
            plausible,
            subject: is_subject(toks, s, e),
        });
    }
}

/// Whether the run `toks[s..e]` is its sentence's subject: it opens the
/// sentence (or clause), or a past verb or a cue verb follows it.
#[inline]
fn is_subject(toks: &[Tok], s: usize, e: usize) -> bool {
    s.checked_sub(1)
        .is_none_or(|i| is_sentence_end(&toks[i]) || toks[i].text == ";")
        || toks.get(e).is_some_and(|t| {
            // Cue verbs are lowercase words (a test says so): other
            // tokens skip the lookup.
            t.is_lower_word() && (is_past_verb(t) || t.is_cue())
        })
}

/// Whether a paragraph of `paras` may hold a name form that
/// [`Names::canon`] would take for `lower` (a lowercased name): one that
/// ends with it after a space ([`ends_form`], [`better_form`]), so that a
/// word of its run stands before it. When none can, the names written need
/// not be read for it: most names that no entity knows have no fuller
/// form, and reading the names cost as much as attributing the quotes.
///
/// Only ASCII text ends a form that lowercases to an ASCII `lower` (but for
/// a Kelvin sign, which lowercases to `k`), so there the form ends with
/// `lower` ignoring ASCII case, after a space. Anything the bytes do not
/// settle counts as such a form.
fn may_have_fuller_form(paras: &[(&str, usize)], lower: &str) -> bool {
    FormProbe::new(lower).is_none_or(|f| paras.iter().any(|(p, _)| f.may_hold(p)))
}

/// The byte search of [`may_have_fuller_form`] for one name, paragraph by
/// paragraph, or over the paragraphs' text in one pass
/// ([`FormProbe::each_holding`]).
#[derive(Clone, Copy)]
struct FormProbe<'l> {
    /// The lowercased name.
    l: &'l [u8],
    /// Its rarest byte's place, that byte and its capital.
    at: usize,
    x: u8,
    y: u8,
    /// The name has a `k`, which a Kelvin sign lowercases to.
    kelvin: bool,
    /// The search for a space and the name's first letter as a capital,
    /// where a fuller form must write it so ([`FormProbe::capitalized`]).
    after_space: Option<&'static memchr::memmem::Finder<'static>>,
}

/// A space and each ASCII capital, the pairs [`FormProbe::capitalized`]
/// searches for.
static SPACE_CAPITALS: [[u8; 2]; 26] = {
    let mut t = [[b' ', 0]; 26];
    let mut i = 0;
    while i < 26 {
        t[i][1] = b'A' + i as u8;
        i += 1;
    }
    t
};

/// The searchers of [`SPACE_CAPITALS`], built once: a searcher set up per
/// name cost about as much as one paragraph's search.
static SPACE_CAPITAL_FINDERS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 26]> =
    std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| memchr::memmem::Finder::new(&SPACE_CAPITALS[i]))
    });

impl<'l> FormProbe<'l> {
    /// The search for `lower`; none when the bytes cannot settle it, so
    /// that every paragraph may hold such a form.
    fn new(lower: &'l str) -> Option<FormProbe<'l>> {
        let l = lower.as_bytes();
        // A form's words are tokens: after a space, one opens with its
        // first letter or digit.
        if !l.first().is_some_and(u8::is_ascii_alphanumeric) || !l.is_ascii() {
            return None;
        }
        // Searched for by its rarest byte, in either case.
        let at = (0..l.len())
            .max_by_key(|&i| RARITY[usize::from(l[i])])
            .unwrap_or(0);
        Some(FormProbe {
            l,
            at,
            x: l[at],
            y: l[at].to_ascii_uppercase(),
            kelvin: l.contains(&b'k'),
            after_space: None,
        })
    }

    /// The probe for a name that [`sigs::opens_capitalized`] tells, whose fuller
    /// forms write its first word with a capital after a space: it opens
    /// with no particle or `of`, so that word goes on a capitalized run as
    /// a capitalized word, and as the name is ASCII, with an ASCII capital
    /// (a Kelvin sign aside, which [`FormProbe::may_hold`] tests first).
    /// The search is then for a space and that capital, exact bytes that
    /// follow few spaces, instead of the name's rarest byte in either
    /// case, which a paragraph holds three times on average.
    fn capitalized(mut self) -> FormProbe<'l> {
        if let Some(&c) = self.l.first().filter(|c| c.is_ascii_lowercase()) {
            self.after_space = Some(&SPACE_CAPITAL_FINDERS[usize::from(c - b'a')]);
        }
        self
    }

    /// Whether paragraph `p` may hold a form fuller than the name.
    fn may_hold(&self, p: &str) -> bool {
        let b = p.as_bytes();
        if self.kelvin && sigs::has_kelvin(b) {
            return true;
        }
        if let Some(f) = self.after_space {
            return f.find_iter(b).any(|s| self.ends_form_at(p, s + 1));
        }
        memchr::memchr2_iter(self.x, self.y, b).any(|h| {
            h.checked_sub(self.at)
                .filter(|&j| j > 0 && b[j - 1] == b' ')
                .is_some_and(|j| self.ends_form_at(p, j))
        })
    }

    /// Calls `f` with the number of each paragraph of `paras` that may hold
    /// a form fuller than the name, in order, for a probe
    /// [`FormProbe::capitalized`] made: searched in one pass over `text`,
    /// which the paragraphs are spans of, in order, from its start (at
    /// `base` in the file) to its end ([`Names::body`]), and which holds no
    /// Kelvin sign. A search per paragraph cost more than the few hits in
    /// between.
    fn each_holding(
        &self,
        text: &str,
        base: usize,
        paras: &[(&str, usize)],
        mut f: impl FnMut(usize),
    ) {
        let Some(finder) = self.after_space else {
            return;
        };
        let b = text.as_bytes();
        let (mut at, mut pi) = (0, 0);
        while let Some(h) = finder.find(&b[at..]) {
            // The space's offset in the file; the capital is after it.
            let s = base + at + h;
            while paras
                .get(pi)
                .is_some_and(|&(p, off)| off + p.len() <= s + 1)
            {
                pi += 1;
            }
            let Some(&(p, off)) = paras.get(pi) else {
                return;
            };
            if s >= off && self.ends_form_at(p, s + 1 - off) {
                f(pi);
                // On from the paragraph's end.
                at = off + p.len() - base;
                pi += 1;
            } else {
                at += h + 1;
            }
        }
    }

    /// Whether the name, written at byte `j` of `p` after a space, may end
    /// a fuller form there: it is the whole word, and a word of a run may
    /// end before the space.
    #[inline]
    fn ends_form_at(&self, p: &str, j: usize) -> bool {
        let (b, l) = (p.as_bytes(), self.l);
        b.get(j..j + l.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(l))
            && !b.get(j + l.len()).is_some_and(u8::is_ascii_alphanumeric)
            && run_word_may_end(p, j - 1)
    }
}

/// Whether the ASCII word `last` is written fewer than `n` times in
/// `paras`, ignoring ASCII case (a Kelvin sign, which lowercases to `k`,
/// counts as `n` times): each distinct name form whose last word
/// lowercases to `last` is written somewhere, so fewer than `n` times
/// means fewer than `n` such forms.
fn written_fewer(paras: &[(&str, usize)], last: &str, n: usize) -> bool {
    let l = last.as_bytes();
    if l.is_empty() || !l.is_ascii() {
        return false;
    }
    let at = (0..l.len())
        .max_by_key(|&i| RARITY[usize::from(l[i])])
        .unwrap_or(0);
    let (x, y) = (l[at], l[at].to_ascii_uppercase());
    let kelvin = l.contains(&b'k');
    let mut seen = 0;
    for (p, _) in paras {
        let b = p.as_bytes();
        if kelvin && sigs::has_kelvin(b) {
            return false;
        }
        for h in memchr::memchr2_iter(x, y, b) {
            let hit = h
                .checked_sub(at)
                .and_then(|j| b.get(j..j + l.len()))
                .is_some_and(|w| w.eq_ignore_ascii_case(l));
            seen += usize::from(hit);
            if seen >= n {
                return false;
            }
        }
    }
    true
}

/// The paragraphs' text, where it starts in the file, and whether it holds
/// a Kelvin sign ([`Names::body`]).
type Body<'a> = (&'a str, usize, bool);

/// Whether a paragraph of `paras` may hold a title word that lowercases to
/// `w` (as written, or with periods after it), as [`Roles`] holds the words
/// of titles written before names. A title's words are words of a
/// capitalized run: capitalized, but for `of` and the particles. In ASCII
/// text (a Kelvin sign aside, which lowercases to `k`) such a word is `w`
/// ignoring ASCII case, with its first letter a capital.
///
/// `body` is the paragraphs' text and whether it holds a Kelvin sign
/// ([`Names::body`]), searched in one pass when the parser made it: the
/// capital is common, and a search set up per paragraph, again after each
/// hit, cost more than the hits. A hit between paragraphs only says `may`.
fn may_be_written_title(paras: &[(&str, usize)], body: Option<Body>, w: &str) -> bool {
    let l = w.as_bytes();
    if !l.is_ascii() || words::continues_run(w) {
        return true;
    }
    let Some(&first) = l.first().filter(|x| x.is_ascii_lowercase()) else {
        // No capital lowercases to it.
        return false;
    };
    let kelvin = l.contains(&b'k');
    let cap = first.to_ascii_uppercase();
    let holds = |b: &[u8]| {
        memchr::memchr_iter(cap, b).any(|j| {
            b.get(j..j + l.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(l))
        })
    };
    match body {
        Some((text, _, has_kelvin)) => kelvin && has_kelvin || holds(text.as_bytes()),
        None => paras.iter().any(|(p, _)| {
            let b = p.as_bytes();
            kelvin && sigs::has_kelvin(b) || holds(b)
        }),
    }
}

/// How rarely each lowercase ASCII byte is written in English text: the
/// space and the letters by their frequency, anything else rarer than any
/// letter.
const RARITY: [u8; 256] = {
    const BY_FREQUENCY: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";
    let mut t = [BY_FREQUENCY.len() as u8; 256];
    let mut i = 0;
    while i < BY_FREQUENCY.len() {
        t[BY_FREQUENCY[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// Whether a word of a capitalized run (a capitalized word, a particle or
/// `of`, [`words::read_run`]) may end before the space at byte `j` of `p`
/// and the whitespace before it: false only when the text shows that the
/// token there is punctuation, or a word that is neither.
fn run_word_may_end(p: &str, j: usize) -> bool {
    let b = p.as_bytes();
    let inner = |x: u8| x.is_ascii_alphanumeric() || matches!(x, b'\'' | b'.' | b'-');
    let mut e = j;
    let x = loop {
        let Some(c) = p[..e].chars().next_back() else {
            return false;
        };
        if !c.is_whitespace() {
            break c;
        }
        e -= c.len_utf8();
    };
    // A word token ends with a letter or digit, or with the period of an
    // abbreviation; other marks (a closing quote mark) are tokens of
    // their own.
    if !x.is_ascii() {
        return crate::uclass::is_alphanumeric(x);
    }
    if !x.is_ascii_alphanumeric() && x != '.' {
        return false;
    }
    // The token lies within the letters, digits and inner marks before
    // `e`; one that opens with a capital has one among them.
    let mut k = e;
    while k > 0 && inner(b[k - 1]) {
        k -= 1;
    }
    if k > 0 && b[k - 1] >= 0x80 || b[k..e].iter().any(u8::is_ascii_uppercase) {
        return true;
    }
    // A particle or `of` is a token of letters alone: the letters before
    // `e`.
    let mut a = e;
    while a > 0 && b[a - 1].is_ascii_alphanumeric() {
        a -= 1;
    }
    words::continues_run(&p[a..e])
}

impl<'a, 's> Names<'a, 's> {
    /// The names in the paragraphs outside the `quoted` byte ranges (per
    /// paragraph, sorted), read when first needed; `outs` holds the tokens
    /// of the paragraphs with quotes; `named`, a vector of any content, is
    /// where the entities' names are listed for the lookups.
    pub fn collect(
        text: &'a str,
        paras: &'s [(&'a str, usize)],
        quoted: &'s [&'s [(usize, usize)]],
        outs: &'s [Outside<'s, 'a>],
        article: &'a Article,
        spare: Spare<'a>,
        named: Vec<Named>,
    ) -> Names<'a, 's> {
        let mut spare = spare;
        let parts = std::mem::take(&mut spare.parts);
        Names {
            spare: RefCell::new(spare),
            parts: RefCell::new(parts),
            source: Source {
                text,
                paras,
                quoted,
                outs,
            },
            entities: EntityIndex::new(&article.entities, named),
            ..Names::default()
        }
    }

    /// Ends the article's lookups and hands back the scan's vectors and
    /// the list of names for the thread's next article.
    pub fn recycle(self) -> (Spare<'a>, Vec<Named>) {
        let mut spare = self.spare.into_inner();
        if let Some(w) = self.written.into_inner() {
            spare.mentions = w.mentions;
        }
        spare.parts = self.parts.into_inner();
        (spare, self.entities.named.into_inner())
    }

    /// The names written (read at the first call).
    fn written(&self) -> &Written<'a> {
        self.written.get_or_init(|| {
            let (mentions, mut win) = {
                let mut spare = self.spare.borrow_mut();
                (
                    std::mem::take(&mut spare.mentions),
                    std::mem::take(&mut spare.window),
                )
            };
            let mut w = Written {
                mentions,
                ..Written::default()
            };
            for pi in 0..self.source.paras.len() {
                self.scan_para(pi, &mut w, &mut win);
            }
            self.spare.borrow_mut().window = win;
            w
        })
    }

    /// Files the names written in paragraph `pi` in `w`; `win` is the
    /// window scratch of [`words::cap_windows`].
    fn scan_para(&self, pi: usize, w: &mut Written<'a>, win: &mut Vec<Tok<'a>>) {
        let Source {
            paras,
            quoted,
            outs,
            ..
        } = self.source;
        let (p, off) = paras[pi];
        let ranges = quoted.get(pi).copied().unwrap_or_default();
        if ranges.is_empty() {
            // Not tokenized (no tokens in `outs`): only its capitalized
            // words and their neighbours are.
            words::cap_windows(p, 0, p.len(), win, |win, a, b| {
                w.scan_run(p, win, a, b, off);
            });
            return;
        }
        let mut from = 0;
        for (j, &(qs, qe)) in ranges.iter().enumerate() {
            if qs > from {
                w.scan(p, outs[pi].stretch(j, from, qs), off);
            }
            from = from.max(qe);
        }
        // The last stretch's tokens end at its first sentence end, if any
        // ([`Outside::tokenize`]): the rest is read from that stop on as a
        // paragraph without quotes is. No run holds a stop, and the stop is
        // the token before the next run either way, so the two reads file
        // what one would.
        let last = outs[pi].stretch(ranges.len(), from, p.len());
        w.scan(p, last, off);
        if let Some(stop) = last.last().filter(|t| t.is_stop()) {
            words::cap_windows(p, stop.start, p.len(), win, |win, a, b| {
                w.scan_run(p, win, a, b, off);
            });
        }
    }

    /// The range of paragraph `pi`'s mentions in [`Parts::mentions`],
    /// read at the first call.
    fn part(&self, pi: usize) -> (usize, usize) {
        let mut parts = self.parts.borrow_mut();
        if parts.ranges.is_empty() {
            parts.ranges.resize(self.source.paras.len(), None);
        }
        if let Some(r) = parts.ranges[pi] {
            return r;
        }
        let mut w = Written {
            mentions: std::mem::take(&mut parts.mentions),
            roles: std::mem::take(&mut parts.roles),
        };
        let a = w.mentions.len();
        let mut win = std::mem::take(&mut self.spare.borrow_mut().window);
        self.scan_para(pi, &mut w, &mut win);
        self.spare.borrow_mut().window = win;
        let b = w.mentions.len();
        w.roles.clear();
        (parts.mentions, parts.roles) = (w.mentions, w.roles);
        parts.canons.resize(b, None);
        parts.ranges[pi] = Some((a, b));
        (a, b)
    }

    /// The canonical form of mention `j` of [`Parts::mentions`], `name`,
    /// or none where [`Names::canon_maybe`] with `want` gives none.
    fn part_canon(&self, j: usize, name: &'a str, want: Option<Wanted>) -> Option<&'a str> {
        {
            // A name is canonicalized once, however often it is written.
            let parts = self.parts.borrow();
            let known = parts.mentions.iter().zip(&parts.canons);
            if let Some(c) = known.filter(|(m, _)| m.name == name).find_map(|(_, c)| *c) {
                return Some(c);
            }
        }
        // Not borrowed meanwhile: the lookup may read the whole article.
        let c = self.canon_maybe(name, want)?;
        self.parts.borrow_mut().canons[j] = Some(c);
        Some(c)
    }

    /// Calls `f` with the names written before `pos` and their canonical
    /// forms, the latest first and at most [`MAX_NAME_LOOKBACK`] of them
    /// (bounded look-back keeps long texts linear), until it breaks, and
    /// gives what it broke with; none when it reaches a name written more
    /// than `reach` bytes before `pos`, whose canonical form is then not
    /// looked for (a search of the whole text when no entity knows it).
    /// While the whole article is not read, the paragraphs are read one by
    /// one back from `pos` ([`Parts`]), which gives the same names in the
    /// same order. There a name is passed over, `f` not called, when
    /// `want` gives the forms `f` may stop at for it and its canonical form
    /// is none of them, which only a search of the text could tell
    /// ([`Names::canon_maybe`]): for such a name `f` goes on, and most
    /// names the pronouns walk past are such.
    fn back_from<'w, T>(
        &self,
        pos: usize,
        reach: usize,
        want: impl Fn(&Mention<'a>) -> Option<Wanted<'w>>,
        mut f: impl FnMut(&Mention<'a>, &'a str) -> ControlFlow<T>,
    ) -> Option<T> {
        if self.written.get().is_some() {
            let i = self.mentions().partition_point(|m| m.pos < pos);
            for k in (i.saturating_sub(MAX_NAME_LOOKBACK)..i).rev() {
                if pos - self.mentions()[k].pos > reach {
                    return None;
                }
                let c = self.canon_at(k);
                if let ControlFlow::Break(t) = f(&self.mentions()[k], c) {
                    return Some(t);
                }
            }
            return None;
        }
        let mut left = MAX_NAME_LOOKBACK;
        let paras = self.source.paras;
        // The paragraphs that start before `pos`, from the last back.
        for pi in (0..paras.partition_point(|&(_, off)| off < pos)).rev() {
            let (a, b) = self.part(pi);
            for j in (a..b).rev() {
                let m = self.parts.borrow().mentions[j].clone();
                if m.pos >= pos {
                    continue;
                }
                if left == 0 || pos - m.pos > reach {
                    return None;
                }
                left -= 1;
                let Some(c) = self.part_canon(j, m.name, want(&m)) else {
                    continue;
                };
                if let ControlFlow::Break(t) = f(&m, c) {
                    return Some(t);
                }
            }
        }
        None
    }

    fn mentions(&self) -> &[Mention<'a>] {
        &self.written().mentions
    }

    /// The distinct names written (built at the first call).
    fn distinct(&self) -> &Distinct<'a> {
        self.distinct.get_or_init(|| {
            let n = self.mentions().len();
            let mut ids: HashMap<&str, u32> =
                HashMap::with_capacity_and_hasher(n, Default::default());
            let mut names: Vec<&'a str> = Vec::with_capacity(n);
            let mut canon_of: Vec<u32> = Vec::with_capacity(n);
            for m in self.mentions() {
                let id = *ids.entry(m.name).or_insert_with(|| {
                    names.push(m.name);
                    u32::try_from(names.len() - 1).unwrap_or(u32::MAX)
                });
                canon_of.push(id);
            }
            Distinct {
                canons: vec![OnceCell::new(); names.len()],
                names,
                canon_of,
            }
        })
    }

    /// The distinct names written, by last word (built at the first call).
    fn by_last(&self) -> &[Form<'a>] {
        self.by_last.get_or_init(|| {
            let distinct = &self.distinct().names;
            let mut by_last = Vec::with_capacity(distinct.len());
            for name in distinct {
                let last = name.split_whitespace().next_back().unwrap_or("");
                let key = match last.as_bytes() {
                    b if b.is_ascii() && b.len() <= 64 => {
                        let mut buf = [0u8; 64];
                        let l = &mut buf[..b.len()];
                        l.copy_from_slice(b);
                        l.make_ascii_lowercase();
                        last_hash(l)
                    }
                    _ => last_hash(words::lowercase(last).as_bytes()),
                };
                by_last.push(Form {
                    key,
                    last,
                    name,
                    words: name.split_whitespace().count(),
                });
            }
            // Stable: each last word's forms stay in order of first mention.
            by_last.sort_by_key(|f| f.key);
            by_last
        })
    }

    /// The entities' roles, the first of the roles.
    fn entity_role_list(&self) -> Vec<Role<'a>> {
        let mut list: Vec<Role<'a>> = Vec::new();
        for e in self.entities.entities {
            for r in e.roles() {
                let mut words = String::with_capacity(r.len() + 1);
                push_lower_words(&mut words, r.split_whitespace());
                list.push((words, e.name()));
            }
        }
        list
    }

    /// The roles and their indexes (built at the first call).
    fn roles(&self) -> &Roles<'a> {
        self.roles.get_or_init(|| {
            let mut list = self.entity_role_list();
            list.extend(written_roles(&self.written().roles));
            Roles::new(list)
        })
    }

    /// The roles [`Names::by_role`] looks up the words of `content` (whose
    /// last is `head`) in: all of them, or, while the names written are not
    /// read, the entities' alone when no title written can hold a word it
    /// asks for. The written roles come after the entities' and would not be
    /// found, and reading the names cost as much as attributing the quotes.
    fn roles_asked(&self, content: &[&str], head: &str) -> &Roles<'a> {
        if self.roles.get().is_none() && self.written.get().is_none() {
            let others = match content.split_last() {
                Some((_, others)) if words::is_title(head) => others,
                _ => &[],
            };
            let mut asked = [head, "counterpart"]
                .into_iter()
                .chain(others.iter().copied());
            let body = self.body();
            if !asked.any(|w| may_be_written_title(self.source.paras, body, w)) {
                return self
                    .entity_roles
                    .get_or_init(|| Roles::new(self.entity_role_list()));
            }
        }
        self.roles()
    }

    /// The canonical form of a name: an entity whose alias matches, else the
    /// fullest name form in the article ending with the same words. It is
    /// an entity's name, a name written in the article, or `name` itself,
    /// so it is borrowed.
    pub fn canon<'n>(&self, name: &'n str) -> &'n str
    where
        'a: 'n,
    {
        self.canon_maybe(name, None).unwrap_or(name)
    }

    /// [`Names::canon`]; none, with `want`, when no entity knows the name
    /// and no form of `want` is the name or a form that may be fuller than
    /// it (ending with its words): the canonical form is then one of those,
    /// so it is none of `want`, and which it is would take a search of the
    /// article's names.
    fn canon_maybe<'n>(&self, name: &'n str, want: Option<Wanted>) -> Option<&'n str>
    where
        'a: 'n,
    {
        if let Some(k) = self.entities.by_ascii_alias(name) {
            return Some(self.entities.name(k));
        }
        let mut buf = [0u8; 64];
        let owned: String;
        let (lower, ascii) = match ascii_lower(name, &mut buf) {
            Some(l) => (l, true),
            // (Outside ASCII, or an ASCII name too long for `buf`.)
            None => {
                owned = name.to_lowercase();
                (owned.as_str(), name.is_ascii())
            }
        };
        // (An ASCII name that the ASCII scan missed has no alias.)
        if !(ascii && self.entities.ascii)
            && let Some(k) = self.entities.by_alias(lower)
        {
            return Some(self.entities.name(k));
        }
        let last = lower.split_whitespace().next_back().unwrap_or("");
        if let Some(k) = self.entities.person_by_last(last) {
            return Some(self.entities.name(k));
        }
        let may_be = |w: &str| w == name || ends_form(w, lower) && last_word_is(w, last);
        if want.is_some_and(|w| !w.any(may_be)) {
            return None;
        }
        let nw = name.split_whitespace().count();
        if self.written.get().is_none() {
            // Before the names are read (they may never need to be), only
            // the paragraphs that may hold a fuller form are read.
            if let Some(best) = self.fullest_in_parts(lower, last, nw) {
                return Some(best.unwrap_or(name));
            }
            // A name that no form written can be fuller than is its own
            // canonical form.
            if !may_have_fuller_form(self.source.paras, lower) {
                return Some(name);
            }
        }
        let best = if self.mentions().len() <= SCAN_MENTIONS {
            self.fullest_scanned(lower, last, nw)
        } else {
            self.fullest_indexed(lower, last, nw)
        };
        Some(best.unwrap_or(name))
    }

    /// The fullest name form written that ends with the words of `lower`
    /// (a lowercased name of `nw` words whose last word is `last`): the
    /// first in order of first mention among those with the most words,
    /// at most four.
    fn fullest_indexed(&self, lower: &str, last: &str, nw: usize) -> Option<&'a str> {
        let key = last_hash(last.as_bytes());
        let by_last = self.by_last();
        let from = by_last.partition_point(|f| f.key < key);
        let forms = by_last[from..]
            .iter()
            .take_while(|f| f.key == key)
            .filter(|f| f.last_is(last))
            .take(MAX_FORMS)
            .map(|f| (f.name, f.words));
        let mut best: Option<(&str, usize)> = None;
        for (form, mw) in forms {
            if ends_form(form, lower) && better_form(form, mw, lower, nw, best) {
                best = Some((form, mw));
            }
        }
        best.map(|(b, _)| b)
    }

    /// The text from the first paragraph's start to the last one's end and
    /// where it starts in the file, when the paragraphs are the file text's
    /// spans at their offsets, in order and apart: one search over it
    /// finds what a search of each paragraph would, and hits between them.
    /// With it, whether it holds a Kelvin sign: asked once per article, not
    /// once per name.
    fn body(&self) -> Option<Body<'a>> {
        *self.body.get_or_init(|| {
            let Source { text, paras, .. } = self.source;
            let mut end = 0;
            for &(p, off) in paras {
                let span = text.get(off..off + p.len())?;
                if off < end || span.as_ptr() != p.as_ptr() {
                    return None;
                }
                end = off + p.len();
            }
            let start = paras.first()?.1;
            let body = text.get(start..end)?;
            Some((body, start, sigs::has_kelvin(body.as_bytes())))
        })
    }

    /// [`Names::fullest_scanned`] of the mentions of the paragraphs that
    /// may hold a fuller form ([`FormProbe`]), read one by one: the others
    /// hold no form that the scan would take. None when the bytes do not
    /// settle which paragraphs those are, or when as many as
    /// [`MAX_FORMS`] forms may share the last word, which
    /// [`Names::fullest_indexed`] would cut.
    fn fullest_in_parts(&self, lower: &str, last: &str, nw: usize) -> Option<Option<&'a str>> {
        self.fullest_in(lower, last, nw, true)
    }

    /// [`Names::fullest_in_parts`], where `by_capital` says whether a
    /// name that [`sigs::opens_capitalized`] tells is searched for by a
    /// space and the capital that opens it ([`FormProbe::capitalized`]),
    /// over the paragraphs' text in one pass where the parser made them
    /// ([`Names::body`]): the name's rarest byte, in either case, was hit
    /// three times a paragraph, and a search set up per paragraph cost more
    /// than the hits between them. Without it (the test oracle), every
    /// paragraph is searched for the rarest byte.
    fn fullest_in(
        &self,
        lower: &str,
        last: &str,
        nw: usize,
        by_capital: bool,
    ) -> Option<Option<&'a str>> {
        let probe = FormProbe::new(lower)?;
        let paras = self.source.paras;
        let probe = if by_capital && sigs::opens_capitalized(lower) {
            probe.capitalized()
        } else {
            probe
        };
        let mut best: Option<(&'a str, usize)> = None;
        let mut read = |pi: usize| {
            let (a, b) = self.part(pi);
            for j in a..b {
                let form = self.parts.borrow().mentions[j].name;
                if !ends_form(form, lower) || !last_word_is(form, last) {
                    continue;
                }
                let mw = form.split_whitespace().count();
                if better_form(form, mw, lower, nw, best) {
                    best = Some((form, mw));
                }
            }
        };
        match self
            .body()
            .filter(|&(_, _, kelvin)| !(probe.kelvin && kelvin))
        {
            Some((text, base, _)) if probe.after_space.is_some() => {
                probe.each_holding(text, base, paras, &mut read);
            }
            _ => paras
                .iter()
                .enumerate()
                .filter(|(_, (p, _))| probe.may_hold(p))
                .for_each(|(pi, _)| read(pi)),
        }
        // With no fuller form, the index's cut cannot matter: it only
        // leaves forms out.
        match best {
            None => Some(None),
            Some((b, _)) => written_fewer(paras, last, MAX_FORMS).then_some(Some(b)),
        }
    }

    /// [`Names::fullest_indexed`] for an article of at most
    /// [`SCAN_MENTIONS`] mentions, with no index: the mentions in order
    /// hold the distinct names in order of first mention, a name written
    /// again is never strictly better than itself, and no more than
    /// [`MAX_FORMS`] forms can share the last word.
    fn fullest_scanned(&self, lower: &str, last: &str, nw: usize) -> Option<&'a str> {
        let mut best: Option<(&str, usize)> = None;
        for m in self.mentions() {
            let form = m.name;
            // The cheap test first: most names end with another word.
            if !ends_form(form, lower) || !last_word_is(form, last) {
                continue;
            }
            let mw = form.split_whitespace().count();
            if better_form(form, mw, lower, nw, best) {
                best = Some((form, mw));
            }
        }
        best.map(|(b, _)| b)
    }

    /// The person whose title contains the head of a description (`the
    /// minister`, `the UN chief`); among several, the one named last
    /// before `pos`.
    pub fn by_role(&self, desc: &[Cow<str>], pos: usize) -> Option<&str> {
        let content: Vec<&str> = desc
            .iter()
            .map(|w| &**w)
            .filter(|w| !words::is_det(w) && !w.is_empty())
            .collect();
        let head = content.last()?;
        // Roles that name the head noun, or a `counterpart` (the same
        // office as someone else's); the most descriptive wins (`the Polish
        // minister`: the Polish counterpart over the Ukrainian minister).
        // Roles are found through the role indexes, the latest `MAX_ROLES`
        // of each list, in role order.
        let roles = self.roles_asked(&content, head);
        let mut idx = roles.holding(head, true);
        idx.extend(roles.holding("counterpart", false));
        idx.sort_unstable();
        idx.dedup();
        let mut scored: Vec<(usize, &str)> = Vec::new();
        for k in idx {
            let role = &roles.list[k].0;
            let score = content
                .iter()
                .filter(|w| role_words(role).any(|r| r.trim_end_matches('.') == **w))
                .count();
            if score > 0 {
                scored.push((score, self.role_canon_at(roles, k)));
            }
        }
        let best = scored.iter().map(|s| s.0).max().unwrap_or(0);
        let mut cands: Vec<&str> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::default();
        for (score, name) in scored {
            if score == best && seen.insert(name) {
                cands.push(name);
            }
        }
        if cands.is_empty() && words::is_title(head) {
            let mut other: Vec<usize> = Vec::new();
            for w in &content[..content.len() - 1] {
                other.extend(roles.holding(w, false));
            }
            other.sort_unstable();
            other.dedup();
            cands.extend(other.iter().map(|&k| self.role_canon_at(roles, k)));
        }
        if cands.len() <= 1 {
            return cands.pop();
        }
        let set: HashSet<&str> = cands.iter().copied().collect();
        let i = self.mentions().partition_point(|m| m.pos < pos);
        // Bounded look-back keeps long texts linear.
        (i.saturating_sub(MAX_LOOKBACK)..i)
            .rev()
            .map(|k| self.canon_at(k))
            .find(|c| set.contains(c))
            .or_else(|| cands.pop())
    }

    /// Whether `name` is still the person a pronoun at `pos` most likely
    /// means: no other person has been named as a subject since its last
    /// mention, within [`RECENT_WINDOW`] bytes.
    pub fn recent(&self, name: &str, pos: usize) -> bool {
        // A name written farther back than the window ends the walk as
        // `name` would: `name` is still the person.
        // Only a subject's form can stop the walk other than as `name`.
        let want = |m: &Mention| (!m.subject).then_some(Wanted::One(name));
        self.back_from(pos, RECENT_WINDOW, want, |m, c| {
            if c == name {
                return ControlFlow::Break(true);
            }
            if self.another_subject(m, c) {
                // Another person named since as a subject: `he` is as
                // likely to be them.
                return ControlFlow::Break(false);
            }
            ControlFlow::Continue(())
        })
        .unwrap_or(true)
    }

    /// Whether mention `m`, whose canonical form is `c`, names a person as
    /// the subject of its sentence (an all-capitals form is taken for an
    /// acronym, not a person).
    fn another_subject(&self, m: &Mention<'a>, c: &str) -> bool {
        let acronym = is_upper_word(c);
        m.subject && !acronym && (m.titled || m.plausible || self.is_entity_person(c))
    }

    /// The most recent person named before `pos`.
    pub fn last_person(&self, pos: usize, persons: &HashSet<&str>) -> Option<&'a str> {
        // A name neither titled nor plausible is a person's only as one of
        // `persons` or an entity's, and a form the entity lookups did not
        // give is no entity's (they would have found the entity by its
        // name, or by the last word a fuller form shares with the name).
        let want = |m: &Mention| (!m.titled && !m.plausible).then_some(Wanted::Among(persons));
        self.back_from(pos, usize::MAX, want, |m, c| {
            let acronym = is_upper_word(c);
            let known = m.titled || m.plausible || persons.contains(c) || self.is_entity_person(c);
            if !acronym && known && !self.is_entity_other(c) {
                ControlFlow::Break(c)
            } else {
                ControlFlow::Continue(())
            }
        })
    }

    /// The canonical form of mention `k`'s name.
    fn canon_at(&self, k: usize) -> &'a str {
        if self.mentions().len() > SCAN_MENTIONS {
            return self.canon_id(self.distinct().canon_of[k]);
        }
        self.canon_scanned(k)
    }

    /// [`Names::canon_at`] for an article of at most [`SCAN_MENTIONS`]
    /// mentions, with no index of the distinct names.
    fn canon_scanned(&self, k: usize) -> &'a str {
        let cells = self
            .mention_canons
            .get_or_init(|| vec![OnceCell::new(); self.mentions().len()]);
        if let Some(c) = cells[k].get() {
            return c;
        }
        // A name is canonicalized once, at its first mention.
        let mentions = self.mentions();
        let name = mentions[k].name;
        let first = mentions[..k]
            .iter()
            .position(|m| m.name == name)
            .unwrap_or(k);
        let c = *cells[first].get_or_init(|| self.canon(name));
        cells[k].get_or_init(|| c)
    }

    /// The canonical form of the name of role `k` of `roles`.
    fn role_canon_at(&self, roles: &Roles<'a>, k: usize) -> &'a str {
        roles.canon[k].get_or_init(|| self.canon(roles.list[k].1))
    }

    /// The canonical form of distinct name `id`.
    fn canon_id(&self, id: u32) -> &'a str {
        let id = id as usize;
        let distinct = self.distinct();
        distinct.canons[id].get_or_init(|| self.canon(distinct.names[id]))
    }

    /// Whether the entity extractor typed `name` as a place or an
    /// organization: a two-word company name is not a person.
    fn is_entity_other(&self, name: &str) -> bool {
        self.entities.names_one(name, false)
    }

    fn is_entity_person(&self, name: &str) -> bool {
        self.entities.names_one(name, true)
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// The names to ask about: `extra`, and each name written from each of
    /// its words on.
    fn asked(extra: &[&str], names: &Names) -> Vec<String> {
        let mut qs: Vec<String> = extra.iter().map(|q| q.to_string()).collect();
        for m in names.mentions() {
            let n = m.name;
            qs.extend(
                n.char_indices()
                    .filter(|&(i, c)| {
                        i == 0 || !c.is_whitespace() && n[..i].ends_with(char::is_whitespace)
                    })
                    .map(|(i, _)| n[i..].to_string()),
            );
        }
        qs
    }

    /// Paragraphs at the offsets the stage gives them: each after the last
    /// and a two-byte paragraph break.
    fn placed<'p>(paras: impl IntoIterator<Item = &'p str>) -> Vec<(&'p str, usize)> {
        let mut off = 0;
        paras
            .into_iter()
            .map(|p| {
                let at = off;
                off += p.len() + 2;
                (p, at)
            })
            .collect()
    }

    /// Paragraphs of prose placed as the stage places them, with no quotes
    /// and nothing outside quotes: what the look-back tests read names
    /// from.
    struct Prose<'p> {
        placed: Vec<(&'p str, usize)>,
        quoted: Vec<&'static [(usize, usize)]>,
        outs: Vec<Outside<'static, 'static>>,
    }

    impl<'p> Prose<'p> {
        fn new(paras: impl IntoIterator<Item = &'p str>) -> Self {
            let placed = placed(paras);
            let quoted = vec![&[][..]; placed.len()];
            let outs = placed.iter().map(|_| Outside::of(&[], &[])).collect();
            Prose {
                placed,
                quoted,
                outs,
            }
        }

        /// Where a paragraph after the last would start.
        fn end(&self) -> usize {
            self.placed.last().map_or(0, |(p, o)| o + p.len() + 2)
        }

        /// The names of the paragraphs, none read yet.
        fn names<'s>(&'s self, article: &'s Article) -> Names<'s, 's> {
            Names::collect(
                "",
                &self.placed,
                &self.quoted,
                &self.outs,
                article,
                Spare::default(),
                Vec::new(),
            )
        }
    }

    fn entity(name: String, kind: EntityType, aliases: Vec<String>) -> crate::model::Entity {
        crate::model::Entity {
            name,
            kind,
            aliases,
            roles: Vec::new(),
            mentions: 1,
            spans: Vec::new(),
        }
    }

    /// Names made of words that meet in case-folded and last-word
    /// lookups, with whitespace of several kinds and characters whose
    /// lowercase differs in length (`İ`) or is ASCII (the Kelvin sign).
    fn name() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "Smith",
                "SMITH",
                "smith",
                "John",
                "JOHN",
                "Jo",
                "\u{212a}ing",
                "king",
                "İz",
                "iz",
                "Zürich",
                "ZÜRICH",
                " ",
                " ",
                "  ",
                "\t",
                "\u{a0}",
                "\u{2003}",
                "Li",
            ]),
            0..5,
        )
        .prop_map(|v| v.concat())
    }

    fn kind() -> impl Strategy<Value = EntityType> {
        prop::sample::select(vec![
            EntityType::Person,
            EntityType::Place,
            EntityType::Organization,
        ])
    }

    proptest! {
        /// The scan answers every lookup as the maps do.
        #[test]
        fn entity_scan_matches_the_maps(
            ents in proptest::collection::vec(
                (name(), kind(), proptest::collection::vec(name(), 0..3)),
                0..6,
            ),
            queries in proptest::collection::vec(name(), 1..6),
        ) {
            let ents: Entities = ents.into_iter().map(|(n, k, a)| entity(n, k, a)).collect();
            let scan = EntityIndex::new(&ents, Vec::new());
            prop_assert!(scan.scan);
            let maps = EntityIndex { scan: false, ..EntityIndex::new(&ents, Vec::new()) };
            // The scan of ASCII aliases against the general one.
            let general = EntityIndex { ascii: false, ..EntityIndex::new(&ents, Vec::new()) };
            for q in &queries {
                let lower = words::lowercase(q);
                prop_assert_eq!(scan.by_alias(&lower), maps.by_alias(&lower));
                prop_assert_eq!(scan.by_alias(&lower), general.by_alias(&lower));
                let last = lower.split_whitespace().next_back().unwrap_or("");
                prop_assert_eq!(scan.person_by_last(last), maps.person_by_last(last));
                prop_assert_eq!(scan.person_by_last(last), general.person_by_last(last));
                for person in [true, false] {
                    prop_assert_eq!(scan.names_one(q, person), maps.names_one(q, person));
                }
            }
            for e in &ents {
                for a in aliases(e) {
                    let lower = words::lowercase(a);
                    prop_assert_eq!(scan.by_alias(&lower), maps.by_alias(&lower));
                    if let Some(last) = lower.split_whitespace().next_back() {
                        prop_assert_eq!(scan.person_by_last(last), maps.person_by_last(last));
                    }
                }
            }
        }
    }

    proptest! {
        /// Each form of the index answers as a search of the records'
        /// aliases and names, with the name often among the aliases (the
        /// table tells that alias by its range and reads it once).
        #[test]
        fn entity_index_answers_as_the_records(
            ents in proptest::collection::vec(
                (name(), kind(), proptest::collection::vec(name(), 0..3), any::<prop::sample::Index>()),
                0..6,
            ),
            queries in proptest::collection::vec(name(), 1..6),
        ) {
            let ents: Vec<crate::model::Entity> = ents
                .into_iter()
                .map(|(n, k, mut a, at)| {
                    // (Among the aliases at one place in `a.len() + 2`.)
                    let i = at.index(a.len() + 2);
                    if i <= a.len() {
                        a.insert(i, n.clone());
                    }
                    entity(n, k, a)
                })
                .collect();
            let known = |e: &crate::model::Entity| -> Vec<String> {
                e.aliases.iter().chain([&e.name]).map(|a| words::lowercase(a)).collect()
            };
            let table: Entities = ents.iter().cloned().collect();
            let indexes = [
                EntityIndex::new(&table, Vec::new()),
                EntityIndex { scan: false, ..EntityIndex::new(&table, Vec::new()) },
                EntityIndex { ascii: false, ..EntityIndex::new(&table, Vec::new()) },
            ];
            let asked = ents.iter().flat_map(|e| e.aliases.iter().chain([&e.name]));
            for q in queries.iter().chain(asked) {
                let lower = words::lowercase(q);
                let last = lower.split_whitespace().next_back().unwrap_or("");
                let by_alias = ents.iter().position(|e| known(e).contains(&lower));
                let by_last = ents.iter().position(|e| {
                    e.kind == EntityType::Person
                        && known(e).iter().any(|a| a.split_whitespace().next_back() == Some(last))
                });
                for index in &indexes {
                    prop_assert_eq!(index.by_alias(&lower), by_alias);
                    prop_assert_eq!(index.person_by_last(last), by_last);
                }
            }
        }
    }

    /// Text where capitalized runs meet titles, particles, possessors,
    /// abbreviations, cue verbs, inner punctuation and non-ASCII capitals.
    fn prose() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "Smith",
                "Jo",
                "He",
                "de",
                "van",
                "of",
                "the",
                "The",
                "said",
                "rejected",
                "Minister",
                "Mr",
                "U.S",
                "Iraq's",
                "Norway’s",
                "AB",
                "iPhone",
                "McDonald",
                "word",
                "Ünï",
                "élan",
                "ǅx",
                "İz",
                "7",
                ".",
                "..",
                "'",
                "’",
                "-",
                "—",
                "(",
                ",",
                ";",
                "!",
                "“",
                "\"",
                " ",
                " ",
                " ",
                "\u{a0}",
                "\n",
                "\u{2163}",
                "K",
                "É",
            ]),
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    fn scanned<'a>(names: &Written<'a>) -> Vec<(usize, &'a str, bool, bool, bool)> {
        names
            .mentions
            .iter()
            .map(|m| (m.pos, m.name, m.titled, m.plausible, m.subject))
            .collect()
    }

    proptest! {
        /// A run of one word is filed as the rules for any run file it.
        #[test]
        fn one_word_runs_scan_as_any_run(s in prose()) {
            let toks = words::tokens(&s, 0, s.len());
            for (a, b) in cap_runs(&toks) {
                let (mut got, mut want) = (Written::default(), Written::default());
                got.scan_run(&s, &toks, a, b, 5);
                want.scan_any_run(&s, &toks, a, b, 5);
                prop_assert_eq!(scanned(&got), scanned(&want));
                prop_assert_eq!(&got.roles, &want.roles);
            }
        }

        /// The windows hold the runs that all the tokens hold, with the
        /// same neighbours.
        #[test]
        fn windows_scan_as_all_tokens(s in prose(), a in any::<usize>(), b in any::<usize>()) {
            let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            let (mut from, mut to) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            if from > to {
                std::mem::swap(&mut from, &mut to);
            }
            if a % 3 == 0 {
                (from, to) = (0, s.len());
            }
            let mut want = Written::default();
            want.scan(&s, &words::tokens(&s, from, to), 5);
            let mut got = Written::default();
            words::cap_windows(&s, from, to, &mut Vec::new(), |win, a, b| {
                got.scan_run(&s, win, a, b, 5);
            });
            prop_assert_eq!(scanned(&got), scanned(&want));
            prop_assert_eq!(&got.roles, &want.roles);
        }

        /// The names read when a lookup first needs them are those an
        /// eager scan of every stretch outside the quotes finds, each
        /// stretch tokenized whole: paragraphs with quotes (their tokens
        /// kept for the quotes' contexts) and without (read through
        /// [`words::cap_windows`]) alike.
        #[test]
        fn collected_names_are_the_stretches_names(
            paras in proptest::collection::vec(prose(), 1..4),
            cuts in proptest::collection::vec(proptest::collection::vec(any::<usize>(), 0..5), 4),
        ) {
            let placed = placed(paras.iter().map(String::as_str));
            // Sorted, disjoint quoted ranges at char boundaries (some
            // empty, some paragraphs with none).
            let quoted: Vec<Vec<(usize, usize)>> = paras
                .iter()
                .zip(&cuts)
                .map(|(p, c)| {
                    let bounds: Vec<usize> =
                        (0..=p.len()).filter(|&i| p.is_char_boundary(i)).collect();
                    let mut pts: Vec<usize> = c.iter().map(|&x| bounds[x % bounds.len()]).collect();
                    pts.sort_unstable();
                    pts.chunks_exact(2).map(|w| (w[0], w[1])).collect()
                })
                .collect();
            let slices: Vec<&[(usize, usize)]> = quoted.iter().map(Vec::as_slice).collect();
            let (mut toks, mut starts, mut bounds) = (Vec::new(), Vec::new(), Vec::new());
            Outside::tokenize_all(&placed, &slices, &mut toks, &mut starts, &mut bounds);
            let outs = Outside::all(&toks, &starts, &bounds);
            let article = Article::default();
            let names =
                Names::collect("", &placed, &slices, &outs, &article, Spare::default(), Vec::new());
            let mut want = Written::default();
            for ((p, off), q) in placed.iter().zip(&quoted) {
                let mut from = 0;
                for &(qs, qe) in q.iter().chain([(p.len(), p.len())].iter()) {
                    if qs > from {
                        want.scan(p, &words::tokens(p, from, qs), *off);
                    }
                    from = from.max(qe);
                }
            }
            prop_assert_eq!(scanned(names.written()), scanned(&want));
            prop_assert_eq!(&names.written().roles, &want.roles);
        }
    }

    /// Titled runs in several cases, with abbreviations and `of`.
    fn titled_prose() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "Minister Smith",
                "MINISTER Smith",
                "minister Smith",
                "Sen. Jo Smith",
                "Sen Jo",
                "Prime Minister Jo",
                "Foreign Minister of Smith",
                "Party Minister Jo",
                "the Minister Jo",
                "Minister Ünï",
                "Smith",
                " ",
                ", ",
                ". ",
                "\u{a0}",
            ]),
            0..16,
        )
        .prop_map(|v| v.concat())
    }

    /// The run rules ([`words::read_run`]), which `cap_runs` and
    /// `cap_windows` share, so that their equality tests cannot see them.
    #[test]
    fn run_rules() {
        let runs = |s: &str| -> Vec<String> {
            let toks = words::tokens(s, 0, s.len());
            cap_runs(&toks)
                .map(|(a, b)| s[toks[a].start..toks[b - 1].end()].to_string())
                .collect()
        };
        assert_eq!(runs("Iraq's Minister spoke"), ["Iraq's", "Minister"]);
        assert_eq!(runs("Norway’s King Harald"), ["Norway’s", "King Harald"]);
        assert_eq!(runs("by Charles de Gaulle."), ["Charles de Gaulle"]);
        assert_eq!(runs("the Bank of England"), ["Bank of England"]);
        assert_eq!(runs("Bank of england, de Gaulle"), ["Bank", "Gaulle"]);
        assert_eq!(runs("The of"), ["The"]);
        assert_eq!(runs("Smith 's Jones"), ["Smith", "Jones"]);
    }

    /// A run of one word splits as the general split does: every listed
    /// word (titles, stop words, institution words, cues) in several
    /// cases, with a period, and other words.
    #[test]
    fn one_word_runs_split_as_any_run() {
        let listed = words::TITLES
            .iter()
            .chain(&words::STOP_ALL)
            .chain(ORG_WORDS)
            .chain(words::CUES)
            .copied();
        let others = [
            "Smith",
            "of",
            "UN",
            "French",
            "Zürich",
            "\u{212a}ing",
            "É",
            "7",
            "A.",
            "",
            ".",
        ];
        for w in listed.chain(others) {
            let mut c = w.chars();
            let cap = c
                .next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect());
            for f in [
                w.to_string(),
                w.to_uppercase(),
                cap.clone(),
                format!("{cap}."),
            ] {
                for t in words::tokens(&f, 0, f.len()) {
                    let run = [t];
                    let c = Classes::new(&run);
                    assert_eq!(single_title_split(c.get(0)), title_split_in(&c), "{f}");
                }
            }
        }
    }

    /// The roles as the scan used to file them: lowercased title words and
    /// name, run by run, each pair once.
    fn eager_roles(p: &str, toks: &[Tok]) -> Vec<(Vec<String>, String)> {
        let mut out: Vec<(Vec<String>, String)> = Vec::new();
        for (s, e) in cap_runs(toks) {
            let run = &toks[s..e];
            let c = Classes::new(run);
            let k = title_split_in(&c);
            let titled =
                k > 0 && k < run.len() && c.any(0, k, lex::TITLE) && !c.any(k, run.len(), lex::ORG);
            if titled {
                let pair = (
                    run[..k].iter().map(Tok::lower).collect(),
                    p[run[k].start..run[run.len() - 1].end()].to_string(),
                );
                if !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
        out
    }

    proptest! {
        /// Roles kept as text and deduplicated when first asked for are
        /// those the scan filed run by run.
        #[test]
        fn written_roles_are_the_runs_roles(s in titled_prose()) {
            let toks = words::tokens(&s, 0, s.len());
            let mut w = Written::default();
            w.scan(&s, &toks, 0);
            let got: Vec<(Vec<String>, String)> = written_roles(&w.roles)
                .into_iter()
                .map(|(ws, n)| (role_words(&ws).map(str::to_string).collect(), n.to_string()))
                .collect();
            prop_assert_eq!(got, eager_roles(&s, &toks));
        }

        /// The roles holding a word, found through the hashes of the role
        /// words (three bits of them in tests, so that most words collide),
        /// are those a map from each word to its roles gives.
        #[test]
        fn roles_holding_a_word_match_a_map(
            list in proptest::collection::vec(
                (
                    proptest::collection::vec(role_word(), 0..4),
                    prop::sample::select(vec!["Ann Lee", "Bo Li"]),
                ),
                0..(MAX_ROLES + 12),
            ),
            queries in proptest::collection::vec(role_word(), 1..6),
        ) {
            let roles: Vec<Role> = list
                .iter()
                .map(|(ws, n)| {
                    let mut words = String::new();
                    push_lower_words(&mut words, ws.iter().copied());
                    (words, *n)
                })
                .collect();
            let lowered: Vec<Vec<String>> = list
                .iter()
                .map(|(ws, _)| ws.iter().map(|w| words::lowercase(w)).collect())
                .collect();
            let r = Roles::new(roles);
            for q in queries.iter().chain(&["counterpart"]) {
                let q = words::lowercase(q);
                prop_assert_eq!(r.holding(&q, true), map_latest(&lowered, &q, true));
                prop_assert_eq!(r.holding(&q, false), map_latest(&lowered, &q, false));
            }
        }
    }

    /// However many roles hold a word, a lookup gives the latest
    /// [`MAX_ROLES`] of them, in order (and walks no further back).
    #[test]
    fn many_roles_holding_one_word_give_the_latest() {
        let n = 10_000;
        let roles: Vec<Role> = (0..n)
            .map(|k| {
                let words = if k % 2 == 0 {
                    "deputy minister "
                } else {
                    "minister minister "
                };
                (words.to_string(), "Ann Lee")
            })
            .collect();
        let r = Roles::new(roles);
        let want: Vec<usize> = (n - MAX_ROLES..n).collect();
        assert_eq!(r.holding("minister", true), want);
        assert_eq!(r.holding("minister", false), want);
        let deputies: Vec<usize> = (0..n).step_by(2).collect();
        assert_eq!(
            r.holding("deputy", true),
            deputies[deputies.len() - MAX_ROLES..]
        );
        assert!(r.holding("chief", true).is_empty());
    }

    fn role_word() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Gen.",
            "gen",
            "GEN",
            "minister",
            "Minister",
            "counterpart",
            "İz",
            "\u{212a}ing",
            "chief",
            "U.N.",
            "deputy",
        ])
    }

    /// The roles holding `w` as the role index used to file them: a map
    /// from each word (with `.` trimmed, or as written) to its roles, the
    /// latest [`MAX_ROLES`].
    fn map_latest(list: &[Vec<String>], w: &str, trimmed: bool) -> Vec<usize> {
        let mut map: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, role) in list.iter().enumerate() {
            for r in role {
                let key = if trimmed { r.trim_end_matches('.') } else { r };
                let ks = map.entry(key.to_string()).or_default();
                if ks.last() != Some(&k) {
                    ks.push(k);
                }
            }
        }
        let ks = map.get(w).map_or(&[][..], Vec::as_slice);
        ks[ks.len().saturating_sub(MAX_ROLES)..].to_vec()
    }

    /// ASCII names only, so that the entities' aliases are mostly all
    /// ASCII, with ASCII whitespace of several kinds (the vertical tab
    /// included, which `char::is_whitespace` counts).
    fn ascii_name() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "Smith", "SMITH", "smith", "John", "Jo", "king", "Li", "i", " ", "  ", "\t",
                "\x0b", ".",
            ]),
            0..5,
        )
        .prop_map(|v| v.concat())
    }

    /// Text dense with names that share words, in runs of one to four
    /// words, with the case and width of their letters varied.
    fn name_prose() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "Jo ",
                "Smith ",
                "SMITH ",
                "Li ",
                "Ünï ",
                "İz ",
                "\u{212a}ing ",
                "King ",
                "de ",
                "of ",
                "the ",
                "said ",
                ". ",
                ", ",
                "Mr ",
            ]),
            0..30,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        /// The ASCII scan answers as the general scan and the maps do.
        #[test]
        fn ascii_scan_matches(
            ents in proptest::collection::vec(
                (ascii_name(), kind(), proptest::collection::vec(ascii_name(), 0..3)),
                0..6,
            ),
            queries in proptest::collection::vec(name(), 1..6),
        ) {
            let ents: Entities = ents.into_iter().map(|(n, k, a)| entity(n, k, a)).collect();
            let scan = EntityIndex::new(&ents, Vec::new());
            prop_assert!(scan.ascii);
            let general = EntityIndex { ascii: false, ..EntityIndex::new(&ents, Vec::new()) };
            let maps = EntityIndex { scan: false, ..EntityIndex::new(&ents, Vec::new()) };
            let alias_lasts: Vec<String> = ents
                .iter()
                .flat_map(|e| aliases(e).map(words::lowercase))
                .filter_map(|a| a.split_whitespace().next_back().map(str::to_string))
                .collect();
            for q in &queries {
                let lower = words::lowercase(q);
                prop_assert_eq!(scan.by_alias(&lower), general.by_alias(&lower));
                prop_assert_eq!(scan.by_alias(&lower), maps.by_alias(&lower));
                // Asked as written: what the lowercase finds, when an alias
                // is found and whenever the name is ASCII.
                let found = scan.by_ascii_alias(q);
                prop_assert!(found.is_none() || found == general.by_alias(&lower), "{:?}", q);
                if q.is_ascii() {
                    prop_assert_eq!(found, general.by_alias(&lower), "{:?}", q);
                }
                let last = lower.split_whitespace().next_back().unwrap_or("");
                prop_assert_eq!(scan.person_by_last(last), general.person_by_last(last));
                prop_assert_eq!(scan.person_by_last(last), maps.person_by_last(last));
            }
            for last in &alias_lasts {
                prop_assert_eq!(scan.person_by_last(last), general.person_by_last(last));
            }
        }

        /// Without the indexes, a short name finds the fullest form and a
        /// mention its canonical form as with them.
        #[test]
        fn scanned_names_canon_as_indexed(
            s in name_prose(),
            queries in proptest::collection::vec(name(), 0..4),
        ) {
            let mut written = Written::default();
            written.scan(&s, &words::tokens(&s, 0, s.len()), 0);
            let names = Names { written: written.into(), ..Names::default() };
            prop_assume!(names.mentions().len() <= SCAN_MENTIONS);
            let mut qs: Vec<String> = queries;
            for m in names.mentions() {
                qs.push(m.name.to_string());
                if let Some(l) = m.name.split_whitespace().next_back() {
                    qs.push(l.to_string());
                }
            }
            for q in &qs {
                let lower = words::lowercase(q);
                let last = lower.split_whitespace().next_back().unwrap_or("");
                for nw in 0..4 {
                    prop_assert_eq!(
                        names.fullest_scanned(&lower, last, nw),
                        names.fullest_indexed(&lower, last, nw)
                    );
                }
            }
            for k in 0..names.mentions().len() {
                prop_assert_eq!(
                    names.canon_scanned(k),
                    names.canon_id(names.distinct().canon_of[k])
                );
            }
        }
    }

    /// Words and marks that meet the fuller-form filter's tests: runs
    /// after abbreviations, particles and capitals inside words, closing
    /// quote marks, whitespace outside ASCII, a Kelvin sign. An
    /// abbreviation that is no title is also drawn with a name after it, as
    /// one item (`St. Lee`, a name of two words): drawn word by word, the two
    /// met too rarely for this test to see the abbreviation's period read as
    /// punctuation, which only a fixed case caught.
    fn form_prose() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            (
                prop::sample::select(vec![
                    "St. Lee",
                    "St. Anna",
                    "Anna",
                    "anna",
                    "ANNA",
                    "Keller",
                    "Lee",
                    "Dr.",
                    "U.S.",
                    "vs.",
                    "school.",
                    "de",
                    "of",
                    "van",
                    "x-de",
                    "O’Neil",
                    "d’Ar",
                    "Ólafur",
                    "élan",
                    "7",
                    "”",
                    "“",
                    "\"",
                    "'",
                    "(",
                    ",",
                    ".",
                    "\u{212a}eller",
                    "İz",
                    "iz",
                    "Lee's",
                    "said",
                    "the",
                    "McLee",
                ]),
                prop::sample::select(vec![" ", " ", " ", "", "\u{a0}", "\n", "  "]),
            ),
            0..24,
        )
        .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    /// Paragraphs as the parser makes them: spans of one text, in order,
    /// a blank line apart; with the text and whether it holds a Kelvin
    /// sign, as [`Names::body`] gives them.
    fn spans(text: &str) -> (Vec<(&str, usize)>, Body<'_>) {
        let mut paras = Vec::new();
        let mut off = 0;
        for p in text.split("\n\n") {
            paras.push((p, off));
            off += p.len() + 2;
        }
        (paras, (text, 0, sigs::has_kelvin(text.as_bytes())))
    }

    #[test]
    fn a_written_title_is_found_in_any_paragraph() {
        let may = |text: &str, w: &str| {
            let (paras, body) = spans(text);
            may_be_written_title(&paras, Some(body), w)
        };
        assert!(may(
            "Nothing here.\n\nThe Wardmaster Olin Vesk said",
            "wardmaster"
        ));
        assert!(may("Olin Vesk, WARDMASTER.\n\nNothing here.", "wardmaster"));
        // Lowercase only, or nowhere: no title holds it.
        assert!(!may("the wardmaster said\n\nand left", "wardmaster"));
        assert!(!may("One.\n\nTwo.", "wardmaster"));
        // A Kelvin sign in a later paragraph may lowercase to the `k`.
        assert!(may("One.\n\nThe Ran\u{212a}er", "ranker"));
        assert!(!may("One.\n\nThe Ran\u{212a}er", "ranger"));
    }

    proptest! {
        /// The one search over the paragraphs' text answers as the search of
        /// each paragraph does, where the text between them is blank.
        #[test]
        fn a_written_title_searched_once_as_by_paragraph(
            words in proptest::collection::vec(
                prop::sample::select(vec![
                    "Wardmaster", "wardmaster", "WARDMASTER", "Counterpart", "Olin",
                    "Ran\u{212a}er", "ranker", "of", "Vesk.", ",", "\n\n",
                ]),
                0..16,
            ),
        ) {
            let text = words.join(" ");
            let (paras, body) = spans(&text);
            for w in ["wardmaster", "counterpart", "ranker", "olin", "vesk", "of", "zed"] {
                prop_assert_eq!(
                    may_be_written_title(&paras, Some(body), w),
                    may_be_written_title(&paras, None, w),
                    "{:?} in {:?}", w, text
                );
            }
        }
    }

    #[test]
    fn fuller_forms_seen_by_the_filter() {
        let may = |p: &str, lower: &str| may_have_fuller_form(&[(p, 0)], lower);
        // The name as written after a word of no run, a closing quote mark
        // or a sentence's end: no fuller form.
        assert!(!may("It said Anna Keller.", "anna keller"));
        assert!(!may("“Yes,” Anna Keller said.", "anna keller"));
        assert!(!may("in school. Keller said", "keller"));
        // After a capital, an abbreviation, a particle or a letter outside
        // ASCII, it may be the end of a fuller form.
        assert!(may("Dr. Anna Keller", "anna keller"));
        assert!(may("the U.S. Keller Fund", "keller fund"));
        assert!(may("Gerd van Keller", "keller"));
        assert!(may("Ólafur Keller", "keller"));
        assert!(may("ANNA KELLER", "keller"));
        // Names this test cannot settle.
        assert!(may("Anna \u{212a}eller", "keller"));
        assert!(may("", "ünï"));
    }

    proptest! {
        /// Where the filter finds no fuller form for a name, the names
        /// written hold none: for every name written, each of its last
        /// words, and a few more, in any case.
        #[test]
        fn no_fuller_form_where_the_filter_sees_none(
            s in form_prose(),
            extra in proptest::collection::vec(
                prop::sample::select(vec!["Lee", "anna lee", "Keller", "de Lee", "O’Neil"]),
                0..3,
            ),
        ) {
            let mut written = Written::default();
            written.scan(&s, &words::tokens(&s, 0, s.len()), 0);
            let names = Names { written: written.into(), ..Names::default() };
            let qs = asked(&extra, &names);
            for q in &qs {
                let lower = words::lowercase(q);
                if may_have_fuller_form(&[(&s, 0)], &lower) {
                    continue;
                }
                let last = lower.split_whitespace().next_back().unwrap_or("");
                for nw in 0..4 {
                    prop_assert_eq!(
                        names.fullest_scanned(&lower, last, nw),
                        None,
                        "{:?} in {:?}", q, s
                    );
                }
            }
        }
    }

    proptest! {
        /// The search for a space and a capital passes a paragraph only
        /// where the byte search of the name's rarest byte does (the
        /// oracle), and every paragraph whose names hold a fuller form: for
        /// every name written that [`sigs::opens_capitalized`] tells, each of its
        /// last words, and a few more, in any case.
        #[test]
        fn a_capital_after_a_space_is_searched_where_a_fuller_form_is(
            s in form_prose(),
            extra in proptest::collection::vec(
                prop::sample::select(vec!["Lee", "anna lee", "Keller", "anna", "O’Neil"]),
                0..3,
            ),
        ) {
            let mut written = Written::default();
            written.scan(&s, &words::tokens(&s, 0, s.len()), 0);
            let names = Names { written: written.into(), ..Names::default() };
            for q in &asked(&extra, &names) {
                let lower = words::lowercase(q);
                let Some(probe) = FormProbe::new(&lower).filter(|_| sigs::opens_capitalized(&lower)) else {
                    continue;
                };
                let by_capital = probe.capitalized().may_hold(&s);
                prop_assert!(!by_capital || probe.may_hold(&s), "{:?} in {:?}", q, s);
                let last = lower.split_whitespace().next_back().unwrap_or("");
                let found = (0..4).any(|nw| names.fullest_scanned(&lower, last, nw).is_some());
                prop_assert!(by_capital || !found, "{:?} in {:?}", q, s);
            }
        }
    }

    proptest! {
        /// A name's fullest form found in the paragraphs that the search
        /// for a space and a capital says may hold one is the one found by
        /// the search of each paragraph for the name's rarest byte (the
        /// oracle), in paragraphs with quotes and without, searched as spans
        /// of one text (with whatever lies between them) and apart: for
        /// every name written, each of its last words, and a few more.
        #[test]
        fn paragraphs_passed_over_by_the_capital_search_hold_no_fuller_form(
            paras in proptest::collection::vec(
                (form_prose(), proptest::option::of(form_prose()), form_prose()),
                1..4,
            ),
            between in prop::sample::select(vec!["\n\n", " ", "", " \n Lee ", "\n"]),
            extra in proptest::collection::vec(
                prop::sample::select(vec!["Lee", "anna lee", "Keller", "van keller", "O’Neil"]),
                0..3,
            ),
        ) {
            // Each paragraph: prose, maybe a quote, prose.
            let texts: Vec<(String, Vec<(usize, usize)>)> = paras
                .iter()
                .map(|(a, q, c)| match q {
                    Some(q) => {
                        let p = format!("{a}“{q}” {c}");
                        let close = a.len() + "“".len() + q.len() + "”".len();
                        (p, vec![(a.len(), close)])
                    }
                    None => (format!("{a}{c}"), Vec::new()),
                })
                .collect();
            let text = texts.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>().join(between);
            let mut off = 0;
            let spans: Vec<(&str, usize)> = texts
                .iter()
                .map(|(p, _)| {
                    let at = off;
                    off += p.len() + between.len();
                    (&text[at..at + p.len()], at)
                })
                .collect();
            let apart = placed(texts.iter().map(|(p, _)| p.as_str()));
            let quoted: Vec<&[(usize, usize)]> = texts.iter().map(|(_, q)| q.as_slice()).collect();
            let (mut toks, mut starts, mut bounds) = (Vec::new(), Vec::new(), Vec::new());
            Outside::tokenize_all(&spans, &quoted, &mut toks, &mut starts, &mut bounds);
            let outs = Outside::all(&toks, &starts, &bounds);
            let article = Article::default();
            let fresh = |t, paras| {
                Names::collect(t, paras, &quoted, &outs, &article, Spare::default(), Vec::new())
            };
            let qs = asked(&extra, &fresh(&text, &spans));
            for q in &qs {
                let lower = words::lowercase(q);
                let last = lower.split_whitespace().next_back().unwrap_or("");
                for nw in 0..4 {
                    let oracle = fresh(&text, &spans).fullest_in(&lower, last, nw, false);
                    prop_assert_eq!(
                        fresh(&text, &spans).fullest_in(&lower, last, nw, true),
                        oracle,
                        "{:?} in {:?}", q, text
                    );
                    prop_assert_eq!(
                        fresh("", &apart).fullest_in(&lower, last, nw, true),
                        oracle,
                        "{:?} apart in {:?}", q, texts
                    );
                }
            }
        }
    }

    /// Prose where titles, names and particles meet the filters in front of
    /// the names written, in ASCII and beyond it.
    fn role_prose() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            (
                prop::sample::select(vec![
                    "Minister",
                    "minister",
                    "Foreign",
                    "Gen.",
                    "Secretary",
                    "of",
                    "State",
                    "de",
                    "Anna",
                    "Keller",
                    "Lee",
                    "said",
                    "the",
                    "U.S.",
                    "\u{212a}ing",
                    "King",
                    "Envoy",
                    "envoy",
                    "Ólafur",
                    "Counterpart",
                    ",",
                    ".",
                    "“",
                    "”",
                    "Dr.",
                    "He",
                ]),
                prop::sample::select(vec![" ", " ", " ", "", "\u{a0}"]),
            ),
            0..24,
        )
        .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    proptest! {
        /// Names answer as they do with the names written read first:
        /// before they are read, the filters in front of them (a name no
        /// form can be fuller than, a description no title written can
        /// hold) must give what reading them gives.
        #[test]
        fn lazy_names_answer_as_read_ones(
            s in role_prose(),
            roles in proptest::collection::vec(
                prop::sample::select(vec!["Minister", "Foreign Minister", "Envoy", "Gen."]),
                0..2,
            ),
            names in proptest::collection::vec(
                prop::sample::select(vec![
                    "Keller", "Anna Keller", "Lee", "King", "State", "Minister Lee", "de Lee",
                ]),
                1..4,
            ),
            descs in proptest::collection::vec(
                prop::sample::select(vec![
                    "the minister", "the foreign minister", "the gen", "the envoy",
                    "the u.s envoy", "the counterpart", "the secretary of state", "the king",
                    "the de minister",
                ]),
                1..4,
            ),
        ) {
            let mut ents = vec![entity("Kim Park".into(), EntityType::Person, Vec::new())];
            ents[0].roles = roles.iter().map(|r| r.to_string()).collect();
            let article = Article { entities: ents.into(), ..Article::default() };
            let paras = [(s.as_str(), 0)];
            let quoted: [&[(usize, usize)]; 1] = [&[]];
            let outs = [Outside::of(&[], &[])];
            let fresh = || {
                Names::collect("", &paras, &quoted, &outs, &article, Spare::default(), Vec::new())
            };
            // Each lazy set of names is asked one kind of question, so
            // that no earlier question has read the names for it.
            let (lazy, lazy_roles, read) = (fresh(), fresh(), fresh());
            read.written();
            for n in &names {
                prop_assert_eq!(lazy.canon(n), read.canon(n), "{:?} in {:?}", n, s);
            }
            for d in &descs {
                let desc: Vec<Cow<str>> = d.split(' ').map(Cow::from).collect();
                prop_assert_eq!(
                    lazy_roles.by_role(&desc, s.len()),
                    read.by_role(&desc, s.len()),
                    "{:?} in {:?}", d, s
                );
            }
        }
    }

    proptest! {
        /// A pronoun's look-back and a name's fullest form answer as they
        /// do with the names of the whole article read first, while the
        /// paragraphs are read one by one ([`Names::back_from`],
        /// [`Names::fullest_in_parts`]); and [`Names::recent`], whose
        /// look-back stops before the first name past its window instead
        /// of canonicalizing it, answers as the walk that canonicalized it
        /// (texts up to sixteen paragraphs, past the window).
        #[test]
        fn paragraphs_read_one_by_one_answer_as_read_ones(
            paras in proptest::collection::vec(role_prose(), 1..16),
            picks in proptest::collection::vec(0usize..10_000, 1..4),
            names in proptest::collection::vec(
                prop::sample::select(vec![
                    "Keller", "Anna Keller", "Lee", "King", "Kim Park", "State", "de Lee",
                ]),
                1..3,
            ),
        ) {
            let mut ents = vec![
                entity("Kim Park".into(), EntityType::Person, vec!["Park".into()]),
                entity("Secretary of State".into(), EntityType::Organization, Vec::new()),
            ];
            ents[0].roles = vec!["Envoy".into()];
            let article = Article { entities: ents.into(), ..Article::default() };
            let prose = Prose::new(paras.iter().map(String::as_str));
            let off = prose.end();
            let fresh = || prose.names(&article);
            let read = fresh();
            read.written();
            let persons: HashSet<&str> = names.iter().copied().collect();
            for &pick in &picks {
                let pos = pick % (off + 1);
                for n in &names {
                    let want = recent_walking_every_name(&fresh(), n, pos);
                    prop_assert_eq!(fresh().recent(n, pos), want, "{:?} at {}", n, pos);
                    prop_assert_eq!(read.recent(n, pos), want, "{:?} at {}", n, pos);
                }
                let lazy = fresh();
                prop_assert_eq!(
                    lazy.last_person(pos, &persons),
                    read.last_person(pos, &persons),
                    "at {} in {:?}", pos, paras
                );
            }
            for n in &names {
                let lazy = fresh();
                prop_assert_eq!(lazy.canon(n), read.canon(n), "{:?} in {:?}", n, paras);
                // A canonical form left unlooked-for is not the one wanted.
                for w in names.iter().copied().chain([read.canon(n), "Anna Keller", "Kim"]) {
                    match fresh().canon_maybe(n, Some(Wanted::One(w))) {
                        Some(c) => prop_assert_eq!(c, read.canon(n), "{:?} for {:?}", n, w),
                        None => prop_assert_ne!(read.canon(n), w, "{:?} in {:?}", n, paras),
                    }
                }
                match fresh().canon_maybe(n, Some(Wanted::Among(&persons))) {
                    Some(c) => prop_assert_eq!(c, read.canon(n), "{:?} among {:?}", n, persons),
                    None => prop_assert!(!persons.contains(read.canon(n)), "{:?} in {:?}", n, paras),
                }
            }
        }
    }

    /// [`Names::recent`] as it was before its walk stopped at the window:
    /// each name walked canonicalized, the one past the window too, and
    /// the distance tested after.
    fn recent_walking_every_name(names: &Names, name: &str, pos: usize) -> bool {
        names
            .back_from(
                pos,
                usize::MAX,
                |_| None,
                |m, c| {
                    if c == name || pos - m.pos > RECENT_WINDOW {
                        return ControlFlow::Break(true);
                    }
                    if names.another_subject(m, c) {
                        return ControlFlow::Break(false);
                    }
                    ControlFlow::Continue(())
                },
            )
            .unwrap_or(true)
    }

    /// A pronoun still means the last speaker when the only other person
    /// named as a subject is farther back than the window, and not when
    /// that person is named inside it.
    #[test]
    fn recent_sees_other_subjects_inside_the_window_only() {
        let article = Article::default();
        let far = "Anna Keller said it was over.";
        let filler = "The talks went on. ".repeat(40);
        for (paras, want) in [
            ([far, filler.as_str()], true),
            ([filler.as_str(), far], false),
        ] {
            let prose = Prose::new(paras);
            let off = prose.placed[1].1 + prose.placed[1].0.len();
            let names = prose.names(&article);
            assert_eq!(names.recent("Kim Park", off), want, "{paras:?}");
            assert_eq!(recent_walking_every_name(&names, "Kim Park", off), want);
        }
    }

    /// The lookups read the article's own list of names and aliases,
    /// listed at its first lookup into the vector handed on from the last
    /// article: the index empties it, so that each article lists its own.
    #[test]
    fn the_names_listed_are_the_articles_own() {
        let article = |ents: Vec<crate::model::Entity>| Article {
            entities: ents.into(),
            ..Article::default()
        };
        let first = article(vec![
            entity("Kim King".into(), EntityType::Person, vec!["King".into()]),
            entity("Ana Lima".into(), EntityType::Person, Vec::new()),
        ]);
        let second = article(vec![entity(
            "Ana Lima".into(),
            EntityType::Person,
            Vec::new(),
        )]);
        let prose = Prose::new([""]);
        let names = prose.names(&first);
        assert_eq!(names.entities.by_ascii_alias("ANA LIMA"), Some(1));
        assert_eq!(names.entities.person_by_last("king"), Some(0));
        let (spare, named) = names.recycle();
        let (paras, quoted, outs) = (&prose.placed, &prose.quoted, &prose.outs);
        let names = Names::collect("", paras, quoted, outs, &second, spare.rebind(), named);
        assert_eq!(names.entities.by_ascii_alias("ANA LIMA"), Some(0));
        assert_eq!(names.entities.by_ascii_alias("King"), None);
        assert_eq!(names.entities.person_by_last("lima"), Some(0));
    }

    /// A name is its entity's whether its case is an alias's or it only
    /// lowercases to one (the Kelvin sign); a name no alias has goes on to
    /// the last words and to itself.
    #[test]
    fn names_asked_as_written_find_the_alias_lowercased() {
        const LONG: &str =
            "Kestrel Valley Regional Water and Sewer Authority of the Northern Plains";
        let ents = vec![
            entity("Kent Bank".into(), EntityType::Organization, Vec::new()),
            entity("Kim King".into(), EntityType::Person, vec!["King".into()]),
            entity(LONG.into(), EntityType::Organization, Vec::new()),
        ];
        let article = Article {
            entities: ents.into(),
            ..Article::default()
        };
        let prose = Prose::new([""]);
        let names = prose.names(&article);
        assert!(names.entities.ascii);
        for (name, canon) in [
            ("\u{212a}ing", "Kim King"),
            ("KING", "Kim King"),
            ("kim king", "Kim King"),
            ("KENT bank", "Kent Bank"),
            ("\u{212a}ent Bank", "Kent Bank"),
            ("\u{212a}im \u{212a}ing", "Kim King"),
            ("Jo King", "Kim King"),
            ("Bank", "Bank"),
            ("\u{212a}", "\u{212a}"),
        ] {
            assert_eq!(names.canon(name), canon, "{name:?}");
        }
        // Names longer than the lower-casing buffer, in ASCII or not.
        assert!(LONG.len() > 64);
        for name in [LONG.to_uppercase(), LONG.replace('K', "\u{212a}")] {
            assert_eq!(names.canon(&name), LONG, "{name:?}");
        }
        let other = format!("{LONG} Trust");
        assert_eq!(names.canon(&other), other);
    }

    #[test]
    fn many_aliases_are_hashed() {
        let ents: Vec<crate::model::Entity> = (0..=SCAN_ALIASES)
            .map(|k| entity(format!("Person {k}"), EntityType::Person, Vec::new()))
            .collect();
        let half: Entities = ents[..SCAN_ALIASES / 2].iter().cloned().collect();
        assert!(EntityIndex::new(&half, Vec::new()).scan);
        let ents = Entities::from(ents);
        let index = EntityIndex::new(&ents, Vec::new());
        assert!(!index.scan);
        assert_eq!(index.by_alias("person 7"), Some(7));
        assert_eq!(index.person_by_last("7"), Some(7));
        assert!(index.names_one("Person 7", true));
        assert!(!index.names_one("Person 7", false));
    }

    /// Names of letters whose lowercase differs in length or is ASCII
    /// (the Kelvin sign, dotted capital I, sigma), ASCII capitals and
    /// others, spaces and periods.
    fn alias() -> impl Strategy<Value = String> {
        "[a-cA-C .\u{212a}kK\u{130}iI\u{3a3}\u{3c3}\u{c9}\u{e9}1]{0,6}"
    }

    proptest! {
        /// The rule: `a`, lowercased, is `lower`. `lower` is drawn both
        /// apart from `a` and as the lowercase of a name that shares its
        /// first character, so that both answers are met.
        #[test]
        fn lowers_to_is_equality_after_lowercasing(
            a in alias(),
            b in alias(),
            same_start in any::<bool>(),
        ) {
            let lower = if same_start {
                let mut c: String = a.chars().take(1).collect();
                c.push_str(&b);
                c.to_lowercase()
            } else {
                b.clone()
            };
            prop_assert_eq!(lowers_to(&a, &lower), a.to_lowercase() == lower, "{:?} {:?}", a, lower);
            let own = a.to_lowercase();
            prop_assert!(lowers_to(&a, &own), "{:?}", a);
        }
    }
}
