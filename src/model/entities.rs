//! An article's entities as one table: every name, alias and role in one
//! string buffer, the alias, role and span lists in one vector each, and an
//! entity a fixed-size row of ranges into them.
//!
//! A record per entity ([`Entity`]) was five or more heap blocks (a name,
//! an alias and role list and each of their strings, a span list), built
//! and freed for every entity of every article; the table is five blocks
//! per article, and those are handed back to the thread that built them
//! when the table is dropped, for its next article ([`crate::spare`]).
//! Readers see an entity through [`EntityRef`]; it serializes, and has
//! the schema, of the [`Entity`] it stands for.

use super::{Entity, EntityType, Span};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::ops::Range;

/// A range of one of the table's vectors (or of its string buffer).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cut {
    start: u32,
    end: u32,
}

impl Cut {
    fn at(n: usize) -> Cut {
        let n = small(n);
        Cut { start: n, end: n }
    }

    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// `n` as a table offset: an article's table is far under 4 GiB.
fn small(n: usize) -> u32 {
    u32::try_from(n).expect("an entity table under 4 GiB")
}

/// One entity: its name in the string buffer, the ranges of its aliases,
/// roles and spans in their vectors, and its mention count (kept apart
/// from the spans: [`Entities::drop_spans`]).
#[derive(Clone, Copy, Debug)]
struct Row {
    name: Cut,
    aliases: Cut,
    roles: Cut,
    spans: Cut,
    mentions: u32,
    kind: EntityType,
}

/// A name or alias of an [`Entities`] table, with its entity's row and
/// type, as [`Entities::list_named`] lists them.
#[derive(Clone, Copy, Debug)]
pub struct Named {
    cut: Cut,
    row: u32,
    kind: EntityType,
}

/// The vectors of a table, without its [`Drop`] (which hands them on).
#[derive(Clone, Debug, Default)]
struct Buffers {
    text: String,
    rows: Vec<Row>,
    aliases: Vec<Cut>,
    roles: Vec<Cut>,
    spans: Vec<Span>,
}

impl Buffers {
    fn clear(&mut self) {
        self.text.clear();
        self.rows.clear();
        self.aliases.clear();
        self.roles.clear();
        self.spans.clear();
    }

    fn bytes(&self) -> usize {
        self.text.capacity()
            + self.rows.capacity() * size_of::<Row>()
            + (self.aliases.capacity() + self.roles.capacity()) * size_of::<Cut>()
            + self.spans.capacity() * size_of::<Span>()
    }
}

thread_local! {
    /// The buffers of the last tables dropped on this thread, emptied,
    /// for the next tables built on it: the worker that builds an
    /// article's entities also frees them (`Pipeline::run_with`), so its
    /// next articles' tables are written into memory still in the cache.
    /// As many as the pipeline builds before it drops one
    /// (`pipeline::STAGE_BATCH`).
    static SPARE: RefCell<Vec<Buffers>> = const { RefCell::new(Vec::new()) };
}

/// The entities of one article, in output order.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    b: Buffers,
}

impl Drop for Entities {
    fn drop(&mut self) {
        // (Three of the four tables dropped per article are empty
        // defaults, with no buffers to keep: they return before the move,
        // which writes a whole `Buffers` and drops it.)
        if self.b.bytes() == 0 || self.b.bytes() > crate::spare::MAX_KEPT_BYTES {
            return;
        }
        let mut b = std::mem::take(&mut self.b);
        b.clear();
        crate::spare::stash(&SPARE, b);
    }
}

impl Entities {
    /// An empty table in the thread's spare buffers.
    pub fn reused() -> Entities {
        let mut b = crate::spare::unstash(&SPARE).unwrap_or_default();
        b.clear();
        Entities { b }
    }

    pub fn len(&self) -> usize {
        self.b.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.b.rows.is_empty()
    }

    /// How many aliases the entities have in all (without reading them).
    pub fn alias_count(&self) -> usize {
        self.b.aliases.len()
    }

    /// Whether every name, alias and role of the table is ASCII: one test
    /// of its string buffer instead of one per string.
    pub fn is_ascii(&self) -> bool {
        self.b.text.is_ascii()
    }

    /// Entity `k`.
    pub fn at(&self, k: usize) -> EntityRef<'_> {
        EntityRef::new(&self.b, &self.b.rows[k])
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            table: &self.b,
            rows: self.b.rows.iter(),
        }
    }

    /// The entities as records.
    pub fn to_vec(&self) -> Vec<Entity> {
        self.iter().map(EntityRef::to_entity).collect()
    }

    /// Starts the next entity, with no aliases, roles or spans yet.
    pub fn push_entity(&mut self, kind: EntityType, name: &str) {
        let b = &mut self.b;
        let start = b.text.len();
        b.text.push_str(name);
        b.rows.push(Row {
            name: Cut {
                start: small(start),
                end: small(b.text.len()),
            },
            aliases: Cut::at(b.aliases.len()),
            roles: Cut::at(b.roles.len()),
            spans: Cut::at(b.spans.len()),
            mentions: 0,
            kind,
        });
    }

    fn last(&mut self) -> &mut Row {
        let n = self.b.rows.len();
        &mut self.b.rows[n - 1]
    }

    fn push_str(text: &mut String, s: &str) -> Cut {
        let start = small(text.len());
        text.push_str(s);
        Cut {
            start,
            end: small(text.len()),
        }
    }

    /// Adds an alias to the last entity. An alias written as the name
    /// (48 k of 59 k on news: a lone mention's surface is most often its
    /// name) takes the name's range instead of a copy, so that readers
    /// tell it by its range ([`AliasForm::Name`]) without reading text.
    pub fn push_alias(&mut self, s: &str) {
        let name = self.last().name;
        let cut = if self.b.text.as_bytes()[name.range()] == *s.as_bytes() {
            name
        } else {
            Self::push_str(&mut self.b.text, s)
        };
        self.push_alias_cut(cut);
    }

    /// Adds the last entity's name as its alias: [`Entities::push_alias`]
    /// of the name, for a caller that knows the alias is the name (a lone
    /// mention named by its surface) without comparing the bytes.
    pub fn push_name_alias(&mut self) {
        let name = self.last().name;
        self.push_alias_cut(name);
    }

    fn push_alias_cut(&mut self, cut: Cut) {
        self.b.aliases.push(cut);
        self.last().aliases.end += 1;
    }

    /// Adds a role to the last entity.
    pub fn push_role(&mut self, s: &str) {
        let cut = Self::push_str(&mut self.b.text, s);
        self.b.roles.push(cut);
        self.last().roles.end += 1;
    }

    /// Adds a span to the last entity (its mention count follows at
    /// [`Entities::settle_spans`]).
    pub fn push_span(&mut self, s: Span) {
        self.b.spans.push(s);
        self.last().spans.end += 1;
        self.last().mentions += 1;
    }

    /// Sorts the last entity's spans (when they are not), drops repeated
    /// ones when `dedup`, and counts its mentions as its spans.
    pub fn settle_spans(&mut self, dedup: bool) {
        let row = *self.b.rows.last().expect("an entity started");
        let spans = &mut self.b.spans[row.spans.range()];
        let mut n = spans.len();
        // (Nearly every entity's spans come in order and distinct: one
        // check instead of the sort's and the dedup's passes.)
        if !spans.is_sorted_by(|a, b| a < b) {
            spans.sort();
            if dedup {
                n = dedup_sorted(spans);
                self.b.spans.truncate(row.spans.start as usize + n);
            }
        }
        let last = self.last();
        last.spans.end = last.spans.start + small(n);
        last.mentions = small(n);
    }

    /// The last entity, if any.
    pub fn last_ref(&self) -> Option<EntityRef<'_>> {
        self.b.rows.last().map(|row| EntityRef::new(&self.b, row))
    }

    /// The spans of each entity, in order, without slicing the names (as
    /// [`Entities::iter`] does for each entity).
    pub fn span_lists(&self) -> impl ExactSizeIterator<Item = &[Span]> + '_ {
        let spans = &self.b.spans;
        self.b.rows.iter().map(move |row| &spans[row.spans.range()])
    }

    /// Appends to `out` every name and alias of the table in row order,
    /// each row's name first and then its aliases but the one that is the
    /// name (by its range), for [`Entities::position_listed`]. (The quote
    /// stage's index empties the vector it hands in, and lists into it
    /// only while it is empty.)
    pub fn list_named(&self, out: &mut Vec<Named>) {
        out.reserve(self.b.rows.len() + self.b.aliases.len());
        for (k, row) in self.b.rows.iter().enumerate() {
            let (row_no, kind) = (small(k), row.kind);
            out.push(Named {
                cut: row.name,
                row: row_no,
                kind,
            });
            for &cut in &self.b.aliases[row.aliases.range()] {
                if cut != row.name {
                    out.push(Named {
                        cut,
                        row: row_no,
                        kind,
                    });
                }
            }
        }
    }

    /// The first entity whose type passes `keep` and whose name or one of
    /// whose aliases passes `is`, given as bytes, read from `list`, this
    /// table's [`Entities::list_named`]: one flat loop with one exit and no
    /// `str` sliced (a slice checks `char` boundaries). The quote stage
    /// asks an article's table several names, and the rows' scan with each
    /// row's aliases nested in it mispredicted at the end of every short
    /// alias loop and at telling the alias that is the name, for every
    /// name asked rather than once per article.
    pub fn position_listed(
        &self,
        list: &[Named],
        keep: impl Fn(EntityType) -> bool,
        is: impl Fn(&[u8]) -> bool,
    ) -> Option<usize> {
        let text = self.b.text.as_bytes();
        list.iter()
            .find(|n| keep(n.kind) && is(&text[n.cut.range()]))
            .map(|n| n.row as usize)
    }

    /// Appends `e` (the form of tests and of readers that build entities
    /// one by one).
    pub fn push(&mut self, e: Entity) {
        self.push_entity(e.kind, &e.name);
        for a in &e.aliases {
            self.push_alias(a);
        }
        for r in &e.roles {
            self.push_role(r);
        }
        for &s in &e.spans {
            self.push_span(s);
        }
        // (The record's count, which `drop_spans` may have parted from
        // its spans.)
        self.last().mentions = small(e.mentions);
    }

    /// Forgets every entity's spans, keeping the mention counts.
    pub fn drop_spans(&mut self) {
        self.b.spans.clear();
        for row in &mut self.b.rows {
            row.spans = Cut::default();
        }
    }
}

/// Moves the distinct spans of sorted `s` to its front; their number.
fn dedup_sorted(s: &mut [Span]) -> usize {
    let mut w = usize::from(!s.is_empty());
    for r in 1..s.len() {
        if s[r] != s[w - 1] {
            s[w] = s[r];
            w += 1;
        }
    }
    w
}

/// The empty table, for indexes over no article.
impl Default for &Entities {
    fn default() -> Self {
        static EMPTY: Entities = Entities {
            b: Buffers {
                text: String::new(),
                rows: Vec::new(),
                aliases: Vec::new(),
                roles: Vec::new(),
                spans: Vec::new(),
            },
        };
        &EMPTY
    }
}

impl From<Vec<Entity>> for Entities {
    fn from(v: Vec<Entity>) -> Entities {
        v.into_iter().collect()
    }
}

impl FromIterator<Entity> for Entities {
    fn from_iter<I: IntoIterator<Item = Entity>>(it: I) -> Entities {
        let mut t = Entities::default();
        for e in it {
            t.push(e);
        }
        t
    }
}

impl PartialEq for Entities {
    fn eq(&self, other: &Entities) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for Entities {}

/// The entities of a table, in order.
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    table: &'a Buffers,
    rows: std::slice::Iter<'a, Row>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = EntityRef<'a>;

    fn next(&mut self) -> Option<EntityRef<'a>> {
        let table = self.table;
        self.rows.next().map(|row| EntityRef::new(table, row))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> Iter<'a> {
    /// The rest of the entities whose type passes `keep`: the type is read
    /// first, and only those entities' names are sliced.
    pub fn of_kind(self, keep: impl Fn(EntityType) -> bool) -> impl Iterator<Item = EntityRef<'a>> {
        let table = self.table;
        (self.rows)
            .filter(move |row| keep(row.kind))
            .map(move |row| EntityRef::new(table, row))
    }
}

impl<'a> IntoIterator for &'a Entities {
    type Item = EntityRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// One entity of an [`Entities`] table.
#[derive(Clone, Copy, Debug)]
pub struct EntityRef<'a> {
    table: &'a Buffers,
    row: &'a Row,
    // Sliced once: readers ask for the name several times an entity, and
    // each slice of the buffer checks its bounds and `char` boundaries.
    name: &'a str,
}

impl<'a> EntityRef<'a> {
    fn new(table: &'a Buffers, row: &'a Row) -> EntityRef<'a> {
        let name = &table.text[row.name.range()];
        EntityRef { table, row, name }
    }

    pub fn name(self) -> &'a str {
        self.name
    }

    pub fn kind(self) -> EntityType {
        self.row.kind
    }

    /// Distinct surface forms as written, in order of first appearance.
    pub fn aliases(self) -> Strs<'a> {
        Strs {
            text: &self.table.text,
            cuts: self.table.aliases[self.row.aliases.range()].iter(),
        }
    }

    /// The aliases in order, each told apart as the entity's name or
    /// another form: an alias is the name exactly when it has the name's
    /// range (`Entities::push_alias`), so the name's are neither sliced
    /// nor compared.
    pub fn alias_forms(self) -> impl ExactSizeIterator<Item = AliasForm<'a>> + use<'a> {
        let (text, name) = (&self.table.text, self.row.name);
        let cuts = self.table.aliases[self.row.aliases.range()].iter();
        cuts.map(move |&c| {
            if c == name {
                AliasForm::Name
            } else {
                AliasForm::Other(&text[c.range()])
            }
        })
    }

    /// Alias `i`.
    pub fn alias(self, i: usize) -> &'a str {
        let cut = self.table.aliases[self.row.aliases.range()][i];
        &self.table.text[cut.range()]
    }

    /// Titles and roles given to a person.
    pub fn roles(self) -> Strs<'a> {
        Strs {
            text: &self.table.text,
            cuts: self.table.roles[self.row.roles.range()].iter(),
        }
    }

    pub fn mentions(self) -> usize {
        self.row.mentions as usize
    }

    pub fn spans(self) -> &'a [Span] {
        &self.table.spans[self.row.spans.range()]
    }

    /// The entity as a record.
    pub fn to_entity(self) -> Entity {
        Entity {
            name: self.name().to_string(),
            kind: self.kind(),
            aliases: self.aliases().map(str::to_string).collect(),
            roles: self.roles().map(str::to_string).collect(),
            mentions: self.mentions(),
            spans: self.spans().to_vec(),
        }
    }
}

impl PartialEq for EntityRef<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.name() == o.name()
            && self.kind() == o.kind()
            && self.aliases().eq(o.aliases())
            && self.roles().eq(o.roles())
            && self.mentions() == o.mentions()
            && self.spans() == o.spans()
    }
}

/// An alias of an entity ([`EntityRef::alias_forms`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AliasForm<'a> {
    /// The entity's name, as written.
    Name,
    /// Any other surface form.
    Other(&'a str),
}

/// The strings of an alias or role list.
#[derive(Clone, Debug)]
pub struct Strs<'a> {
    text: &'a str,
    cuts: std::slice::Iter<'a, Cut>,
}

impl<'a> Iterator for Strs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.cuts.next().map(|c| &self.text[c.range()])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.cuts.size_hint()
    }
}

impl DoubleEndedIterator for Strs<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.cuts.next_back().map(|c| &self.text[c.range()])
    }
}

impl ExactSizeIterator for Strs<'_> {}

/// A list serialized as a JSON array.
struct List<'a>(Strs<'a>);

impl Serialize for List<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

/// The object of [`Entity`], key for key.
impl Serialize for EntityRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut o = s.serialize_struct("Entity", 6)?;
        o.serialize_field("name", self.name())?;
        o.serialize_field("type", &self.kind())?;
        o.serialize_field("aliases", &List(self.aliases()))?;
        o.serialize_field("roles", &List(self.roles()))?;
        o.serialize_field("mentions", &self.mentions())?;
        o.serialize_field("spans", self.spans())?;
        o.end()
    }
}

/// The array of [`Entity`] objects.
impl Serialize for Entities {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// The schema of the array of [`Entity`] objects it serializes as.
impl schemars::JsonSchema for Entities {
    fn inline_schema() -> bool {
        <Vec<Entity>>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<Entity>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Vec<Entity>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Entity>>::json_schema(generator)
    }
}

#[cfg(test)]
impl Entity {
    /// A record of borrowed words, for the tests' strategies: `kind` picks
    /// the type by its number (0 to 2), so that a strategy can draw it.
    pub(crate) fn of_words(
        name: &str,
        kind: usize,
        aliases: Vec<&str>,
        roles: Vec<&str>,
        mentions: usize,
        spans: Vec<Span>,
    ) -> Entity {
        Entity {
            name: name.to_string(),
            kind: [
                EntityType::Person,
                EntityType::Place,
                EntityType::Organization,
            ][kind],
            aliases: aliases.into_iter().map(String::from).collect(),
            roles: roles.into_iter().map(String::from).collect(),
            mentions,
            spans,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn arb_entity() -> impl Strategy<Value = Entity> {
        let word = || prop::sample::select(&["", "Ana Lima", "Lima", "São Tomé", "UN", "x"][..]);
        // (Few places, so that repeated and unordered spans are common.)
        let span = (0..8usize, 0..3usize).prop_map(|(s, n)| Span::new(s, s + n));
        (
            word(),
            0..3usize,
            prop::collection::vec(word(), 0..4),
            prop::collection::vec(word(), 0..3),
            0..6usize,
            prop::collection::vec(span, 0..4),
        )
            .prop_map(|(name, kind, aliases, roles, mentions, spans)| {
                Entity::of_words(name, kind, aliases, roles, mentions, spans)
            })
    }

    proptest! {
        // The records are the oracle: a table of them reads and writes
        // back the same records, and its JSON is theirs, byte for byte.
        #[test]
        fn a_table_reads_and_writes_as_its_records(
            v in prop::collection::vec(arb_entity(), 0..6),
        ) {
            let t = Entities::from(v.clone());
            prop_assert_eq!(t.len(), v.len());
            prop_assert_eq!(t.to_vec(), v.clone());
            let aliases: usize = v.iter().map(|e| e.aliases.len()).sum();
            prop_assert_eq!(t.alias_count(), aliases);
            let ascii = v.iter().all(|e| {
                let mut strs = e.aliases.iter().chain(&e.roles).chain([&e.name]);
                strs.all(|s| s.is_ascii())
            });
            prop_assert_eq!(t.is_ascii(), ascii);
            for kind in 0..3 {
                let keep = |k: EntityType| k as usize == kind;
                let want: Vec<&Entity> = v.iter().filter(|e| keep(e.kind)).collect();
                let got: Vec<Entity> = t.iter().of_kind(keep).map(EntityRef::to_entity).collect();
                prop_assert_eq!(got.iter().collect::<Vec<_>>(), want);
            }
            for (e, r) in t.iter().zip(&v) {
                for (i, a) in r.aliases.iter().enumerate() {
                    prop_assert_eq!(e.alias(i), a.as_str());
                }
                prop_assert_eq!(e.aliases().rev().count(), r.aliases.len());
            }
            prop_assert_eq!(
                serde_json::to_string(&t).unwrap(),
                serde_json::to_string(&v).unwrap()
            );
            let mut bare = t.clone();
            bare.drop_spans();
            let want: Vec<Entity> = v.into_iter().map(|e| Entity { spans: vec![], ..e }).collect();
            prop_assert_eq!(bare.to_vec(), want);
        }

        // An alias is told as the name exactly when its text is the name's
        // (the strings are the oracle), and any other alias reads as its
        // text, whether the table was built from records or pushed to.
        #[test]
        fn alias_forms_tell_the_name_as_the_strings_do(
            v in prop::collection::vec((arb_entity(), any::<prop::sample::Index>()), 0..6),
        ) {
            // (The name put among the aliases, as most entities have it.)
            let v: Vec<Entity> = v.into_iter().map(|(mut e, at)| {
                let i = at.index(e.aliases.len() + 1);
                e.aliases.insert(i, e.name.clone());
                e
            }).collect();
            let t = Entities::from(v.clone());
            for (e, r) in t.iter().zip(&v) {
                prop_assert_eq!(e.alias_forms().len(), r.aliases.len());
                for (form, a) in e.alias_forms().zip(&r.aliases) {
                    let want = if *a == r.name { AliasForm::Name } else { AliasForm::Other(a) };
                    prop_assert_eq!(form, want);
                }
            }
            prop_assert_eq!(t.to_vec(), v);
        }

        // The shortcuts against the general forms they stand for: the name
        // pushed as an alias without comparing it (it must read as the
        // name, by its range), and the spans read without the names.
        #[test]
        fn the_shortcuts_agree_with_the_general_forms(
            v in prop::collection::vec(arb_entity(), 1..6),
        ) {
            let (mut general, mut short) = (Entities::default(), Entities::default());
            for e in &v {
                for t in [&mut general, &mut short] {
                    t.push_entity(e.kind, &e.name);
                }
                general.push_alias(&e.name);
                short.push_name_alias();
                for a in &e.aliases {
                    general.push_alias(a);
                    short.push_alias(a);
                }
            }
            prop_assert_eq!(&short, &general);
            for (s, g) in short.iter().zip(general.iter()) {
                prop_assert!(s.alias_forms().eq(g.alias_forms()));
            }
            let t = Entities::from(v);
            let spans: Vec<&[Span]> = t.iter().map(EntityRef::spans).collect();
            prop_assert_eq!(t.span_lists().len(), spans.len());
            prop_assert_eq!(t.span_lists().collect::<Vec<_>>(), spans);
        }

        // An entity is found by its name or aliases as bytes exactly where
        // the strings are the first of the type asked to hold the word,
        // whether or not the name is among the aliases (by its range).
        #[test]
        fn position_listed_finds_as_the_strings(
            v in prop::collection::vec((arb_entity(), any::<bool>()), 0..6),
            kind in 0..4usize,
        ) {
            let v: Vec<Entity> = v.into_iter().map(|(mut e, named)| {
                if named {
                    e.aliases.push(e.name.clone());
                }
                e
            }).collect();
            let t = Entities::from(v);
            let mut list = Vec::new();
            t.list_named(&mut list);
            let keep = |k: EntityType| kind == 3 || k as usize == kind;
            for w in ["", "Ana Lima", "Lima", "São Tomé", "UN", "x", "lima"] {
                let want = t.iter().position(|e| {
                    keep(e.kind()) && (e.name() == w || e.aliases().any(|a| a == w))
                });
                prop_assert_eq!(t.position_listed(&list, keep, |a| a == w.as_bytes()), want);
            }
        }

        // Built entity by entity as the clustering builds them, in a table
        // on the buffers of the one dropped before: each entity's spans
        // sorted, deduplicated when asked, and counted.
        #[test]
        fn a_built_table_settles_its_spans(
            v in prop::collection::vec((arb_entity(), any::<bool>()), 1..6),
        ) {
            drop(Entities::from(vec![Entity { spans: vec![Span::new(0, 1); 9], ..v[0].0.clone() }]));
            let mut t = Entities::reused();
            prop_assert!(t.is_empty());
            let mut want = Vec::new();
            for (e, dedup) in &v {
                t.push_entity(e.kind, &e.name);
                e.aliases.iter().for_each(|a| t.push_alias(a));
                e.roles.iter().for_each(|r| t.push_role(r));
                e.spans.iter().for_each(|&s| t.push_span(s));
                t.settle_spans(*dedup);
                let mut spans = e.spans.clone();
                spans.sort();
                if *dedup {
                    spans.dedup();
                }
                want.push(Entity { mentions: spans.len(), spans, ..e.clone() });
            }
            prop_assert_eq!(t.to_vec(), want);
        }
    }

    #[test]
    fn a_dropped_table_leaves_its_buffers_to_the_next() {
        let t = Entities::from(vec![Entity {
            name: "Ana Lima".into(),
            kind: EntityType::Person,
            aliases: vec!["Lima".into()],
            roles: vec![],
            mentions: 1,
            spans: vec![Span::new(0, 8)],
        }]);
        let ptr = t.b.text.as_ptr();
        drop(t);
        let next = Entities::reused();
        assert!(next.is_empty() && next.b.text.is_empty() && next.b.spans.is_empty());
        assert_eq!(next.b.text.as_ptr(), ptr);
    }
}
