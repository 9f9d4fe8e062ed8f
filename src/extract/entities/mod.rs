//! People, places and organizations under canonical names (issue #3).
//!
//! Detection works on the headline, the body paragraphs, the author line and
//! photo/credit lines: capitalized token runs (with name particles, initials
//! and hyphens) are cut at titles, typed from the gazetteers and keyword
//! vocabulary, then clustered into entities (`canon`). The rules are listed
//! in `docs/entities.md`.

#![allow(clippy::needless_range_loop, clippy::collapsible_if)]

pub(crate) mod canon;
pub mod gazetteer;
mod keyindex;
mod tokens;

use crate::fasthash::Set as HashSet;
use std::sync::OnceLock;

#[cfg(test)]
use crate::model::Entity;
use crate::model::{Article, Entities, EntityType, Span};
use gazetteer::{Gazetteer, PackedSet};
use tokens::{Spelled, Tok, tokenize_into};

/// The compiled gazetteer, built on first use and shared by all threads.
#[derive(Debug, Default)]
pub struct Resources {
    gaz: OnceLock<Gazetteer>,
}

impl Resources {
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gaz.get_or_init(Gazetteer::load)
    }
}

/// A type guess for a mention before clustering.
#[derive(Clone, Copy, Debug, Eq)]
pub(crate) enum Hint {
    Known(EntityType),
    /// A single capitalized word with no evidence of its own.
    Unknown,
}

impl Hint {
    /// A number per hint: the type's own for a known one, 3 for `Unknown`.
    /// (The enum is one byte holding just that, so this is a copy.)
    #[inline]
    fn code(self) -> usize {
        match self {
            Hint::Known(t) => t as usize,
            Hint::Unknown => 3,
        }
    }
}

/// By `Hint::code`: the derived comparison, out of line in profiles, tested
/// known against unknown and then the types, a branch on data per step in
/// the type filters of clustering.
impl PartialEq for Hint {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

/// One detected mention. `Copy`: clustering moves mentions by copying
/// them, which stays right only while a mention owns nothing.
///
/// The context flags (`after_the`, `speaks`, `initial`, `agent`,
/// `product`) are read only for mentions of unknown type (and the weak
/// mentions made from them), and `speaks` for places: `Ctx::mention`
/// leaves them unset on other known mentions.
///
/// A mention has at most one of a canonical name, a role and an acronym it
/// defines (the detection gives canonical names to places and
/// organizations, roles to people, and makes each definition a mention of
/// its own), so one field holds whichever it has: the chunker writes every
/// mention out and the clustering copies each once, and with three such
/// fields a mention was 88 bytes where it is now 56.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention<'a> {
    pub span: Span,
    /// Slices of the article text (or static gazetteer names): mentions
    /// are many and short-lived, and owned copies cost an allocation each.
    pub surface: &'a str,
    /// The canonical name, role or definition (`note_kind` tells which),
    /// empty without one.
    note: &'a str,
    pub hint: Hint,
    note_kind: NoteKind,
    /// Preceded by "the" (an institution: "the Kremlin").
    pub after_the: bool,
    /// Followed by a speech verb.
    pub speaks: bool,
    /// At a sentence start (a subject).
    pub initial: bool,
    /// Possessive or after by/against/at/from/with: an actor.
    pub agent: bool,
    /// In a product context ("the new X", "X operating system", "the X was
    /// released"): weak cues do not make it an organization.
    pub product: bool,
    /// Typed an organization only for being a long unknown name: `canon`
    /// drops the type when the name turns out to be a product.
    pub weak: bool,
}

/// What `Mention::note` holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NoteKind {
    None,
    /// Canonical key suggested by a gazetteer (`Kyiv` for `Kiev`).
    Canonical,
    Role,
    /// An acronym this mention is defined as ("… nations (G7)").
    Defines,
}

impl<'a> Mention<'a> {
    fn new(span: Span, surface: &'a str, hint: Hint) -> Mention<'a> {
        Mention {
            span,
            surface,
            note: "",
            hint,
            note_kind: NoteKind::None,
            after_the: false,
            speaks: false,
            agent: false,
            initial: false,
            product: false,
            weak: false,
        }
    }

    /// Canonical key suggested by a gazetteer (`Kyiv` for `Kiev`).
    #[inline]
    pub fn canonical(&self) -> Option<&'a str> {
        self.note_of(NoteKind::Canonical)
    }

    #[inline]
    pub fn role(&self) -> Option<&'a str> {
        self.note_of(NoteKind::Role)
    }

    /// An acronym this mention is defined as ("… nations (G7)").
    #[inline]
    pub fn defines(&self) -> Option<&'a str> {
        self.note_of(NoteKind::Defines)
    }

    pub fn set_canonical(&mut self, c: Option<&'a str>) {
        self.set_note(NoteKind::Canonical, c);
    }

    pub fn set_role(&mut self, r: Option<&'a str>) {
        self.set_note(NoteKind::Role, r);
    }

    pub fn set_defines(&mut self, a: Option<&'a str>) {
        self.set_note(NoteKind::Defines, a);
    }

    #[inline]
    fn note_of(&self, kind: NoteKind) -> Option<&'a str> {
        (self.note_kind == kind).then_some(self.note)
    }

    /// Sets the note of `kind` to `s`, or clears it for `None` (a note of
    /// another kind stays).
    fn set_note(&mut self, kind: NoteKind, s: Option<&'a str>) {
        match s {
            Some(s) => {
                debug_assert!(
                    matches!(self.note_kind, NoteKind::None) || self.note_kind == kind,
                    "a mention holds one of a canonical name, a role and a definition"
                );
                self.note = s;
                self.note_kind = kind;
            }
            None if self.note_kind == kind => {
                self.note = "";
                self.note_kind = NoteKind::None;
            }
            None => {}
        }
    }
}

/// A constant word list, looked up by hash (`PackedSet`). The lists are
/// consulted for most capitalized tokens, and linear scans of them (a
/// hundred words for `STOPWORDS`) showed in profiles. The set is built on
/// first use; a table of the words' signatures (`gazetteer::signature`),
/// built at compile time, turns most absent words away before hashing.
/// The lists are declared with `word_lists!`, which builds that table for
/// all of them.
pub(crate) struct WordList {
    words: &'static [&'static str],
    /// The list's bit in `LIST_SIGS`.
    bit: u32,
    set: OnceLock<PackedSet>,
}

/// Signature bits of `WordList`: the longest list has about a hundred words.
const SIG_BITS: u32 = 12;

/// For each signature (`gazetteer::signature` of `SIG_BITS` bits) of the
/// words of `lists`, the bits of the lists (`WordList::bit`, the list's
/// number) that hold a word with it. One table for all the lists: the
/// rules ask several lists about one token, and a table per list read a
/// cache line of each.
const fn list_sigs(lists: &[&[&str]]) -> [u32; 1 << SIG_BITS] {
    assert!(lists.len() < 32, "a list bit in a u32, and the demonyms'");
    let mut t = [0u32; 1 << SIG_BITS];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            t[gazetteer::signature(lists[l][k].as_bytes(), SIG_BITS)] |= 1 << l;
            k += 1;
        }
        l += 1;
    }
    t
}

/// Declares the constant word lists (doc comments, visibility, name and
/// words of each) and the signature table `LIST_SIGS` of all of them: a
/// list's bit is its number in the declaration. The bit after them marks
/// the signatures of the gazetteer's demonyms and of their plurals.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $vis:vis static $name:ident = $words:expr;)*) => {
        /// The numbers of the lists, their bits in `LIST_SIGS`.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum ListBit {
            $($name,)*
            /// The demonyms and their plurals (`demonym`).
            Demonym,
        }

        $($(#[$doc])* $vis static $name: WordList = WordList::new($words, ListBit::$name as u32);)*

        static LIST_SIGS: [u32; 1 << SIG_BITS] = gazetteer::mark_demonyms(
            list_sigs(&[$($words),*]),
            SIG_BITS,
            ListBit::Demonym as u32,
        );

        /// Every constant word list.
        #[cfg(test)]
        fn word_lists() -> Vec<&'static WordList> {
            vec![$(&$name),*]
        }
    };
}

impl WordList {
    const fn new(words: &'static [&'static str], bit: u32) -> WordList {
        WordList {
            words,
            bit,
            set: OnceLock::new(),
        }
    }

    /// Whether a word of the list may have the signature `s` (of
    /// `SIG_BITS` bits).
    fn may_hold(&self, s: usize) -> bool {
        LIST_SIGS[s] >> self.bit & 1 == 1
    }

    fn set(&self) -> &PackedSet {
        self.set.get_or_init(|| PackedSet::new(self.words))
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        self.may_hold(gazetteer::signature(w.as_bytes(), SIG_BITS)) && self.set().contains(w)
    }

    /// `contains` of the text of token `t`, whose signature the tokenizer
    /// computed.
    fn contains_tok(&self, t: &Tok) -> bool {
        self.contains_sig16(t.text, t.sig())
    }

    /// `contains` of `w`, whose `gazetteer::signature16` is `sig`.
    fn contains_sig16(&self, w: &str, sig: u16) -> bool {
        self.may_hold(gazetteer::signature_from16(sig, SIG_BITS)) && self.set().contains(w)
    }

    /// `contains_tok` for a list of a few words: a scan of them behind the
    /// signature test rather than a hashing (the lists of short words
    /// around mentions, whose words are frequent: a hashing per hit).
    fn contains_tok_few(&self, t: &Tok) -> bool {
        self.may_hold(gazetteer::signature_from16(t.sig(), SIG_BITS))
            && self.words.contains(&t.text)
    }

    /// `with_lower(w, |l| self.contains(l))`, with the signature of an
    /// ASCII word's lower-case form tested before the form is made: most
    /// words asked about are in no list. `ascii` is `w.is_ascii()`.
    fn contains_lower(&self, w: &str, ascii: bool) -> bool {
        debug_assert_eq!(ascii, w.is_ascii());
        if ascii && !self.may_hold(gazetteer::lower_signature(w.as_bytes(), SIG_BITS)) {
            return false;
        }
        with_lower(w, |l| self.contains(l))
    }

    /// `contains_lower` of the text of token `t`, whose ASCII test the
    /// tokenizer made (`Tok::ascii`).
    fn contains_lower_tok(&self, t: &Tok) -> bool {
        self.contains_lower(t.text, t.ascii())
    }
}

/// `gaz.is_demonym_sig` of token `t`, which most tokens asked about fail at
/// their entry of `LIST_SIGS`: the rules ask every word of a plain run,
/// and the lists have just read that entry for the same token, where the
/// gazetteer's set read a table of its own, and a second one for the word
/// without its plural `s`.
fn demonym(gaz: &Gazetteer, t: &Tok) -> bool {
    LIST_SIGS[gazetteer::signature_from16(t.sig(), SIG_BITS)] >> ListBit::Demonym as u32 & 1 == 1
        && gaz.is_demonym_sig(t.text, t.sig())
}

/// Whether the words before `ts[i]` (`i > 0`) say that it is a company:
/// "retailer Kabod Store", "rival Norvex" (a descriptor before), "shares
/// of Brennet Calvar", "a stake in Zentrix".
// (The word before is "of" or "in", which no descriptor is, or else looked
// up among the descriptors: one of the two tests, where most words were
// asked both, the first through a closure out of line. And the word
// before "of" is copied in lower case only at the lengths of the four.)
#[inline(always)]
fn company_before(ts: &[Tok], i: usize) -> bool {
    // (Compared as two bytes: `matches!(text, "of" | "in")` measured
    // +1.9 M of estimated cycles in `Ctx::chunk`, the second read.)
    let prev = ts[i - 1].text.as_bytes();
    if prev.len() == 2 && matches!([prev[0], prev[1]], [b'o', b'f'] | [b'i', b'n']) {
        let t = &ts[i.saturating_sub(2)];
        i >= 2
            && (!t.ascii() || matches!(t.text.len(), 5 | 6))
            && with_lower(t.text, |w| {
                matches!(w, "shares" | "stock" | "stake" | "stakes")
            })
    } else {
        ORG_DESCRIPTORS.contains_lower_tok(&ts[i - 1])
    }
}

/// Calls `f` with the lower-case form of `w` (`str::to_lowercase`), on a
/// stack buffer for short ASCII words instead of a new string.
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(low) = std::str::from_utf8(b) {
            return f(low);
        }
    }
    f(&w.to_lowercase())
}

/// A word hashed and compared without regard to ASCII case: the key of
/// `lower_words`, so that an ASCII capitalized word is looked up in lower
/// case without a lower-case copy checked as UTF-8. The set holds words
/// without ASCII capitals only, and for those, equal ignoring ASCII case
/// means equal to the ASCII lower-case form of the query (which is its
/// `to_lowercase` for an ASCII word).
#[derive(Clone, Copy, Debug)]
struct Folded<'a>(&'a str);

impl PartialEq for Folded<'_> {
    /// `eq_ignore_ascii_case`, eight bytes at a time: most lookups that
    /// pass the signature test find their word, and the byte loop was
    /// most of confirming it.
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        a.len() == b.len()
            && a.chunks_exact(8)
                .zip(b.chunks_exact(8))
                .all(|(x, y)| folded_chunk(x) == folded_chunk(y))
            && folded_tail(a) == folded_tail(b)
    }
}

/// The eight bytes of `c` as a little-endian number, ASCII capitals
/// lowered.
fn folded_chunk(c: &[u8]) -> u64 {
    ascii_lower_word(u64::from_le_bytes(
        c.try_into().expect("chunks of eight bytes"),
    ))
}

/// The bytes of `b` after its last whole eight (none to seven) as a
/// little-endian number, ASCII capitals lowered: read in place
/// (`keyindex::tail_le`), where a byte loop's exit was mispredicted at
/// words of every length.
fn folded_tail(b: &[u8]) -> u64 {
    match b.len() % 8 {
        0 => 0,
        rest => ascii_lower_word(keyindex::tail_le(b, rest)),
    }
}

impl Eq for Folded<'_> {}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Eight bytes at a time, ASCII capitals lowered in the word: the
        // hasher sees one integer per word (lowering into a buffer and
        // hashing that cost more than the UTF-8 check saved).
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let b = self.0.as_bytes();
        let mut h = b.len() as u64;
        for c in b.chunks_exact(8) {
            h = (h ^ folded_chunk(c)).wrapping_mul(K).rotate_left(29);
        }
        state.write_u64((h ^ folded_tail(b)).wrapping_mul(K));
    }
}

/// `u8::to_ascii_lowercase` on each byte of `v`.
fn ascii_lower_word(v: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Per byte, without carries between bytes: the low seven bits plus
    // 0x80 - 'A' reach the high bit from 'A' on, plus 0x80 - ('Z' + 1)
    // from past 'Z'; bytes with the high bit set are not ASCII.
    let low7 = v & !HIGHS;
    let from_a = low7 + ONES * u64::from(0x80 - b'A');
    let past_z = low7 + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = from_a & !past_z & !v & HIGHS;
    v | upper >> 2
}

/// Signatures (`gazetteer::signature`) of the lower-case forms of an
/// article's capitalized words, in a 4096-bit table: a lower-case word
/// whose signature is absent is the lower-case form of none of them.
#[derive(Clone)]
struct LowerSigs([u64; 64]);

impl Default for LowerSigs {
    fn default() -> Self {
        LowerSigs([0; 64])
    }
}

/// The signature bits of `LowerSigs`.
const LOWER_SIG_BITS: u32 = 12;

impl LowerSigs {
    fn slot_of(w: &[u8]) -> usize {
        gazetteer::signature(w, LOWER_SIG_BITS)
    }

    fn set(&mut self, k: usize) {
        self.set_if(k, true);
    }

    /// `set` when `on`, without a branch.
    fn set_if(&mut self, k: usize, on: bool) {
        self.0[k / 64] |= u64::from(on) << (k % 64);
    }

    /// Records the lower-case form of `w` as `with_lower` makes it (for
    /// ASCII the length is kept and each byte lowered on its own).
    fn add_lower_of(&mut self, w: &str) {
        if w.is_ascii() {
            self.add_lower_of_ascii(w);
        } else {
            self.set(with_lower(w, |l| Self::slot_of(l.as_bytes())));
        }
    }

    /// `add_lower_of` for an ASCII word.
    fn add_lower_of_ascii(&mut self, w: &str) {
        self.set(gazetteer::lower_signature(w.as_bytes(), LOWER_SIG_BITS));
    }

    /// Whether `w` may be the lower-case form of a recorded word.
    fn may_hold(&self, w: &str) -> bool {
        self.has(Self::slot_of(w.as_bytes()))
    }

    /// `may_hold` of the text of a token, whose `signature16` is `sig`.
    fn may_hold_sig(&self, sig: u16) -> bool {
        self.has(gazetteer::signature_from16(sig, LOWER_SIG_BITS))
    }

    /// Records a word itself, by its `signature16` (the other use of the
    /// table: the words of `lower_words`, which a query then needs to hash
    /// only when its lower-case form may be among them; and the words
    /// capitalized at a sentence start).
    fn add_sig(&mut self, sig: u16) {
        self.set(gazetteer::signature_from16(sig, LOWER_SIG_BITS));
    }

    /// `add_sig` when `on`, without a branch: the tokenizer records the
    /// capitalized words at a sentence start, a test it would mispredict.
    fn add_sig_if(&mut self, sig: u16, on: bool) {
        self.set_if(gazetteer::signature_from16(sig, LOWER_SIG_BITS), on);
    }

    /// Whether the ASCII lower-case form of the ASCII word `w` may be a
    /// recorded word.
    fn may_hold_lower_of_ascii(&self, w: &str) -> bool {
        self.has(gazetteer::lower_signature(w.as_bytes(), LOWER_SIG_BITS))
    }

    fn has(&self, k: usize) -> bool {
        self.0[k / 64] >> (k % 64) & 1 == 1
    }
}

/// What the tokenizer records of an article's words for the word sets of
/// `extract`, as it cuts them (a pass over the tokens for it cost more):
/// the count of words and the list of the capitalized ones, the signatures
/// of the lower-case forms of the capitalized words, and those of the
/// capitalized words at a sentence start, stop words at a sentence start
/// left out of both signature sets (`Tok::stop`).
#[derive(Clone, Default)]
pub(crate) struct WordStats {
    words: usize,
    /// The numbers of the capitalized words among the article's tokens, in
    /// order (`WordSets::cap_toks`).
    cap_toks: Vec<u32>,
    sigs: LowerSigs,
    /// Only words capitalized at a sentence start are asked about
    /// (`Ctx::has_evidence`): the other capitalized words need to be
    /// recorded only when one of them may be the same word.
    initial_sigs: LowerSigs,
}

word_lists! {
    /// Words that start sentences but never names.
    static STOPWORDS = &[
        "A",
        "About",
        "According",
        "After",
        "Again",
        "Ahead",
        "All",
        "Also",
        "Although",
        "Among",
        "An",
        "And",
        "Another",
        "Any",
        "As",
        "At",
        "Because",
        "Before",
        "Being",
        "Both",
        "But",
        "By",
        "Can",
        "Despite",
        "Do",
        "Does",
        "During",
        "Each",
        "Earlier",
        "Either",
        "Even",
        "Every",
        "For",
        "From",
        "Further",
        "He",
        "Her",
        "Here",
        "His",
        "How",
        "However",
        "I",
        "If",
        "In",
        "Instead",
        "It",
        "Its",
        "Just",
        "Last",
        "Later",
        "Like",
        "Many",
        "Meanwhile",
        "More",
        "Most",
        "Much",
        "My",
        "New",
        "No",
        "Nor",
        "Not",
        "Now",
        "Of",
        "On",
        "One",
        "Only",
        "Or",
        "Other",
        "Our",
        "Over",
        "Rather",
        "She",
        "Since",
        "So",
        "Some",
        "Still",
        "Such",
        "That",
        "The",
        "Their",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "Though",
        "Through",
        "Thus",
        "To",
        "Today",
        "Under",
        "Unlike",
        "Until",
        "Upon",
        "We",
        "What",
        "When",
        "Where",
        "Whether",
        "Which",
        "While",
        "Who",
        "Why",
        "With",
        "Without",
        "Yes",
        "Yet",
        "You",
        "Your",
        "Mr",
        "Mrs",
        "Ms",
    ];

    /// Capitalized adjectives that are not names on their own ("Western allies").
    static ADJECTIVES = &[
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "Central",
        "Global",
        "International",
        "National",
    ];

    /// Calendar words: capitalized but never entities.
    static CALENDAR = &CALENDAR_WORDS;

    /// Lower-case particles inside personal names.
    static PARTICLES = &[
        "de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "bin", "ibn", "al", "el",
        "la", "le", "ter", "ten", "dos", "das", "y", "zu",
    ];

    /// Heads of names of buildings and venues (places, not organizations).
    static FACILITIES = &[
        "Palace",
        "Square",
        "Airport",
        "Stadium",
        "Arena",
        "Hall",
        "Bridge",
        "Cathedral",
        "Castle",
        "Tower",
        "Park",
        "Street",
        "Avenue",
        "Building",
        "Harbor",
        "Harbour",
        "Station",
        "Center",
        "Centre",
    ];

    /// Heads of event names: the event is not an entity, the names in it are
    /// ("Madrid Summit" → Madrid).
    static EVENTS = &[
        "Summit",
        "Conference",
        "Meeting",
        "Forum",
        "Games",
        "Olympics",
        "Cup",
        "Championship",
        "War",
        "Festival",
        "Expo",
        "Week",
        "Day",
        "Talks",
        "Ministerial",
    ];

    /// Company-form suffixes that end a name.
    pub(crate) static COMPANY = &[
        "Inc.", "Inc", "Corp.", "Corp", "Ltd.", "Ltd", "Co.", "LLC", "PLC", "plc", "GmbH", "AG", "SA",
    ];

    /// Head words of company names that are not company forms ("Apple
    /// Computer", "Sun Microsystems", "Texas Instruments").
    static COMPANY_HEADS = &[
        "Computer",
        "Computers",
        "Systems",
        "Microsystems",
        "Technologies",
        "Electronics",
        "Communications",
        "Software",
        "Semiconductor",
        "Semiconductors",
        "Pharmaceuticals",
        "Networks",
        "Entertainment",
        "Enterprises",
        "Aerospace",
        "Instruments",
        "Petroleum",
        "Chemicals",
        "Records",
        "Studios",
        "Pictures",
        "Securities",
        "Financial",
        "Bancorp",
    ];

    /// Last words of market index names ("Dow Jones Industrial Average", "Nasdaq
    /// Composite"): an index is not an entity.
    static INDEX_HEADS = &["Average", "Index", "Composite"];

    /// Verbs that follow an index level ("the FTSE 100 fell").
    static MARKET_VERBS = &[
        "fell", "rose", "lost", "gained", "closed", "ended", "dropped", "climbed", "slipped", "jumped",
        "added", "declined", "edged", "finished", "opened", "shed", "tumbled", "surged", "index",
    ];

    /// Common-noun acronyms (technology, units, currencies): never entities.
    static COMMON_ACRONYMS = &[
        "TV", "HDTV", "LCD", "LED", "OS", "PC", "CD", "DVD", "GB", "MB", "KB", "TB", "USB", "GPS",
        "MP3", "HD", "CPU", "GPU", "AI", "SDK", "API", "IPO", "GDP", "SMS", "3G", "4G", "5G", "DNA",
        "RAM", "ROM", "IT", "VAT", "PR", "ID", "URL", "HTML", "PDF", "USD", "EUR", "GBP", "JPY", "CNY",
        "CHF", "CAD", "AUD", "RUB", "UAH", "AM", "PM", "Q1", "Q2", "Q3", "Q4", "FY",
    ];

    /// Lower-case nouns after a name that make it a company: its staff,
    /// shares, premises or chips ("Quorvex processors", "Zentrix executives").
    static ORG_NOUNS = &[
        "executives",
        "executive",
        "engineers",
        "employees",
        "workers",
        "staff",
        "shareholders",
        "investors",
        "shares",
        "stock",
        "stores",
        "processors",
        "chips",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "subsidiary",
        "board",
    ];

    /// Lower-case nouns that describe a company right before its name
    /// ("retailer Kabod Store", "rival Norvex").
    static ORG_DESCRIPTORS = &[
        "retailer",
        "maker",
        "manufacturer",
        "automaker",
        "carmaker",
        "chipmaker",
        "planemaker",
        "company",
        "firm",
        "giant",
        "rival",
        "carrier",
        "airline",
        "insurer",
        "conglomerate",
        "seller",
        "supplier",
        "distributor",
        "publisher",
        "label",
        "startup",
        "competitor",
        "subsidiary",
    ];

    /// Market and research jobs whose employer follows "at" ("analysts at X").
    static ANALYSTS = &[
        "analyst",
        "analysts",
        "economist",
        "economists",
        "strategist",
        "strategists",
        "trader",
        "traders",
        "researcher",
        "researchers",
    ];

    /// Words before a capitalized run that make it a product ("the new X",
    /// "launched the X", "its forthcoming X"; not "its" alone: "its Opel unit").
    static PRODUCT_BEFORE = &[
        "new",
        "latest",
        "forthcoming",
        "upcoming",
        "launched",
        "launches",
        "launch",
        "unveiled",
        "unveils",
        "unveil",
        "introduced",
        "introduces",
        "introduce",
        "released",
        "releases",
        "release",
        "debuted",
        "shipped",
        "ships",
    ];

    /// Lower-case nouns after a capitalized run that make it a product or a
    /// venue modifier ("the Video version", "Mac OS X operating system", "the
    /// Moscone West center"), not an organization.
    static PRODUCT_AFTER = &[
        "users",
        "owners",
        "version",
        "versions",
        "model",
        "models",
        "line",
        "lineup",
        "range",
        "edition",
        "operating",
        "software",
        "update",
        "app",
        "apps",
        "platform",
        "browser",
        "brand",
        "center",
        "centre",
        "theater",
        "theatre",
    ];

    /// Participles that make the subject before "was/is/can be" a product
    /// ("the Shuffle was introduced", "the Pro can be purchased").
    static PRODUCT_PARTICIPLES = &[
        "introduced",
        "released",
        "launched",
        "unveiled",
        "purchased",
        "bought",
        "sold",
        "priced",
        "shipped",
        "discontinued",
        "downloaded",
        "installed",
    ];

    /// Speech and reporting verbs that follow a person's name.
    static SPEECH = &[
        "said",
        "says",
        "told",
        "added",
        "adds",
        "stated",
        "stressed",
        "noted",
        "emphasized",
        "emphasizes",
        "explained",
        "warned",
        "argued",
        "insisted",
        "wrote",
        "asked",
        "replied",
    ];

    /// Lower-case role nouns that may precede a name ("alliance chief Halvorsen").
    static ROLE_NOUNS = &[
        "chief",
        "head",
        "counterpart",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "minister",
        "president",
        "secretary",
        "envoy",
        "ambassador",
        "commander",
        "director",
        "founder",
        "co-founder",
        "boss",
        "executive",
    ];

    /// Words before a name that make it an actor ("talks with X").
    static AGENT_BEFORE = &["by", "against", "from", "at", "with"];

    /// Auxiliaries after a name that may make it the subject of a passive
    /// product verb ("X was released", "X will be launched").
    static AUXILIARIES = &["was", "is", "were", "are", "will", "can", "would"];

    /// Determiners between a product cue and a name ("launched the X").
    static DETERMINERS = &["the", "a", "an", "its", "their"];

    /// After a name, a currency ("US$299", "US dollars"): `$` only right
    /// after it (`money_after`).
    static MONEY_AFTER = &["$", "dollar", "dollars", "cents"];

    /// Quotation marks around a single word (`quote_mark`).
    static QUOTE_MARKS = &["\"", "“", "”", "‘", "’", "'"];

    /// After a name, the word of a market index ("the S&P 500 index").
    static INDEX_AFTER = &["index", "composite", "average"];
}

/// Whether a currency follows the name `ts[..j]` (`MONEY_AFTER`). The
/// tests of the token after a name are signature tests (`LIST_SIGS`): the
/// string comparisons they replace switched on its length, a branch
/// mispredicted at tokens of every length.
fn money_after(ts: &[Tok], j: usize) -> bool {
    ts.get(j).is_some_and(|t| {
        MONEY_AFTER.contains_tok_few(t) && (t.text != "$" || t.s() == ts[j - 1].e())
    })
}

/// Whether token `t` is a quotation mark (`QUOTE_MARKS`).
fn quote_mark(t: Option<&Tok>) -> bool {
    t.is_some_and(|t| QUOTE_MARKS.contains_tok_few(t))
}

/// The weekday and month names, then the month abbreviations and holidays.
const CALENDAR_WORDS: [&str; 7 + 12 + CALENDAR_OTHER.len()] = {
    use crate::parse::date::{MONTH_NAMES, WEEKDAY_NAMES, concat_words};
    concat_words(&[&WEEKDAY_NAMES, &MONTH_NAMES, &CALENDAR_OTHER])
};

const CALENDAR_OTHER: [&str; 15] = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Christmas",
    "Easter",
    "Year",
];

/// Number words used in acronyms (`Group of Seven` = `G7`).
const NUMBERS: &[(&str, &str)] = &[
    ("One", "1"),
    ("Two", "2"),
    ("Three", "3"),
    ("Four", "4"),
    ("Five", "5"),
    ("Six", "6"),
    ("Seven", "7"),
    ("Eight", "8"),
    ("Nine", "9"),
    ("Ten", "10"),
    ("Twenty", "20"),
    ("seven", "7"),
    ("eight", "8"),
    ("twenty", "20"),
];

/// The canonical name of "the alliance" (an organization named only by
/// its kind): a marker no gazetteer name equals, which the clustering
/// gives to the one alliance of the article (`canon::alliance`).
const ALLIANCE_MARKER: &str = "\u{0}alliance";

/// The marks and words that `Ctx::prose` compares the token after each run
/// with, and `Ctx::acronym_definitions` the token two after a `(`
/// (`Tok::is`).
const HYPHEN_MARK: Spelled = Spelled::new("-");
const EN_DASH: Spelled = Spelled::new("–");
const OF: Spelled = Spelled::new("of");
const FOR: Spelled = Spelled::new("for");
const CLOSE_PAREN: Spelled = Spelled::new(")");

/// Finds the named entities of the article.
pub fn extract(text: &str, article: &Article, res: &Resources) -> Entities {
    let gaz = res.gazetteer();
    let mut spans = SPARE_SPANS.take();
    let mut segments = segments(text, article, SPARE_SEGMENTS.take(), &mut spans);
    SPARE_SPANS.set(spans.kept());
    // The tokens of all segments in one vector, each segment's a range of
    // it. Prose has about one token per five bytes, but a quarter of the
    // articles have more (short words, numbers, punctuation), and growing
    // the vector copied it: one per four bytes is rarely exceeded.
    let mut toks: Vec<Tok> = SPARE_TOKS.take();
    toks.reserve(segments.iter().map(|s| s.span.len() / 4 + 1).sum());
    let mut stats = WordStats {
        cap_toks: SPARE_CAP_TOKS.take(),
        ..WordStats::default()
    };
    for s in &mut segments {
        let first = toks.len();
        tokenize_into(text, s.span, s.headline_title_case, &mut toks, &mut stats);
        s.toks = first..toks.len();
    }
    let caps = stats.cap_toks.len();
    // Kept whole and lent to `Ctx`: moving its signature table out and
    // into `Ctx` copied half a kilobyte each time.
    let sets = word_sets(&toks, &mut stats);
    let ctx = Ctx::new(
        text,
        gaz,
        &sets.cap_words,
        &sets.lower_words,
        &sets.lower_present,
        &toks,
        SPARE_PHRASE.take(),
    );
    // Nearly every prose mention holds a capitalized word of its own and a
    // person or organization segment is one mention, so this is rarely
    // exceeded (only by lower-case descriptions such as "the alliance" and
    // acronym expansions). An earlier first size, half the capitalized
    // words (about the mean), fell short in a third of the articles, and
    // growing copied the vector into memory not yet in the cache.
    let mut mentions: Vec<Mention> = crate::spare::keep(SPARE_MENTIONS.take());
    mentions.reserve(caps + segments.len());
    for seg in &segments {
        let range = seg.toks.clone();
        let caps = caps_in(&sets.cap_toks, range.clone());
        let first = range.start;
        let ts = &toks[range];
        match seg.kind {
            SegKind::Prose => ctx.prose(ts, caps, first, &mut mentions),
            SegKind::Person => {
                let m = Mention::new(seg.span, seg.span.of(text), Hint::Known(EntityType::Person));
                mentions.push(m);
            }
            SegKind::Org => {
                let mut m = Mention::new(
                    seg.span,
                    seg.span.of(text),
                    Hint::Known(EntityType::Organization),
                );
                m.set_canonical(Some(m.surface));
                mentions.push(m);
            }
        }
    }
    surnames_over_towns(&mut mentions, text, |w| ctx.place(w));
    let skip = ctx.skip_acronym.take();
    mentions.retain(|m| {
        !m.span.is_empty() && m.span.len() < 200 && !skip.iter().any(|s| s == m.surface)
    });
    sort_mentions(&mut mentions);
    mentions.dedup_by_key(|m| m.span);
    let entities = canon::cluster_keeping(&mut mentions, gaz);
    SPARE_MENTIONS.set(crate::spare::keep(mentions));
    let phrase = ctx.phrase.take();
    drop(ctx);
    SPARE_PHRASE.set(crate::spare::keep_string(phrase));
    SPARE_SEGMENTS.set(crate::spare::keep(segments));
    SPARE_TOKS.set(crate::spare::keep(toks));
    SPARE_CAP_TOKS.set(crate::spare::keep(sets.cap_toks));
    entities
}

/// The order of the mentions for the clustering: by position, and of two
/// with one span the typed one first (the one `dedup_by_key` keeps).
fn mention_order(m: &Mention) -> (usize, usize, bool) {
    (m.span.start, m.span.end, m.hint == Hint::Unknown)
}

/// `ms` sorted stably by [`mention_order`]. The chunker writes them in that
/// order in most articles, and the stable sort's scratch buffer and run
/// search cost more than checking.
fn sort_mentions(ms: &mut [Mention]) {
    if !ms.is_sorted_by_key(mention_order) {
        ms.sort_by_key(mention_order);
    }
}

thread_local! {
    /// The token vector of the thread's last article, emptied, for the
    /// next one ([`crate::spare`]): a fresh vector per article was a tenth
    /// of all the run's L2 misses.
    static SPARE_TOKS: std::cell::Cell<Vec<Tok<'static>>> =
        const { std::cell::Cell::new(Vec::new()) };
    /// The same for the capitalized tokens' numbers (`WordSets::cap_toks`).
    static SPARE_CAP_TOKS: std::cell::Cell<Vec<u32>> =
        const { std::cell::Cell::new(Vec::new()) };
    /// The same for the segments, and for the span index that `segments`
    /// builds twice or more an article: four to eight allocations an
    /// article otherwise.
    static SPARE_SEGMENTS: std::cell::Cell<Vec<Segment>> =
        const { std::cell::Cell::new(Vec::new()) };
    static SPARE_SPANS: std::cell::Cell<SpanIndex> =
        const { std::cell::Cell::new(SpanIndex::EMPTY) };
    /// The same for the mentions: a fresh vector per article, however
    /// sized, is written into memory not yet in the cache.
    static SPARE_MENTIONS: std::cell::Cell<Vec<Mention<'static>>> =
        const { std::cell::Cell::new(Vec::new()) };
    /// The buffer of `Ctx::is_title_phrase`.
    static SPARE_PHRASE: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// The sets of words `Ctx` asks about.
struct WordSets<'a> {
    cap_words: crate::fasthash::Map<&'a str, Caps>,
    lower_words: HashSet<Folded<'a>>,
    lower_present: LowerSigs,
    /// The numbers of the capitalized words among the tokens, in order:
    /// `Ctx::prose` visits only these (about one token in six), where
    /// reading every token's flags missed the cache.
    cap_toks: Vec<u32>,
}

/// The numbers among `cap_toks` (`WordSets::cap_toks`) of the tokens in
/// `range`.
fn caps_in(cap_toks: &[u32], range: std::ops::Range<usize>) -> &[u32] {
    let at = |k: usize| cap_toks.partition_point(|&c| (c as usize) < k);
    &cap_toks[at(range.start)..at(range.end)]
}

/// The two sets of `word_sets`, empty and sized up front from the
/// article's counts of words and capitalized words: growing them rehashed
/// every word several times.
///
/// One map for both counts of a capitalized word: `has_evidence` asks for
/// both, with one lookup. It holds the words capitalized at a sentence
/// start, and other capitalized words that share a signature with one of
/// them (`Ctx::caps`).
///
/// Only the lower-case words that may be the lower-case form of a
/// capitalized word (see `Ctx::written_lower`): most are not, and
/// inserting every word was a tenth of the stage. Those that pass the
/// signature test are a few in a hundred lower-case words (under one in
/// twenty in nine of the harness's articles in ten, one in five at most):
/// a table sized for half of all the lower-case words spread its few
/// entries over lines that each lookup then missed.
impl<'a> WordSets<'a> {
    /// Empty sets for an article of `words` words, `cap_toks` listing
    /// its capitalized ones (or to be filled with them).
    fn empty(words: usize, caps: usize, cap_toks: Vec<u32>) -> WordSets<'a> {
        WordSets {
            cap_words: crate::fasthash::Map::with_capacity_and_hasher(caps, Default::default()),
            lower_words: HashSet::with_capacity_and_hasher((words - caps) / 8, Default::default()),
            lower_present: LowerSigs::default(),
            cap_toks,
        }
    }

    /// Adds the lower-case word of token `t`, unless it holds an ASCII
    /// capital ("eBay"): such a word is the lower-case form of no word,
    /// and `Folded` keys must have none.
    #[cfg(test)]
    fn add_lower(&mut self, t: &Tok<'a>) {
        if self.add_lower_word(t) {
            self.lower_present.add_sig(t.sig());
        }
    }

    /// `add_lower` without the signature, and whether the word was kept:
    /// `word_sets` records the signatures of the set's words once it is
    /// built (`record_lower_present`).
    #[inline]
    fn add_lower_word(&mut self, t: &Tok<'a>) -> bool {
        let kept = !t.text.bytes().any(|b| b.is_ascii_uppercase());
        if kept {
            self.lower_words.insert(Folded(t.text));
        }
        kept
    }

    /// Records the signature of each word of `lower_words` in
    /// `lower_present`, as `add_lower` does for each word it keeps.
    fn record_lower_present(&mut self) {
        for w in &self.lower_words {
            self.lower_present.set(LowerSigs::slot_of(w.0.as_bytes()));
        }
    }
}

/// The word sets of the article's tokens, of which the tokenizer recorded
/// `stats`; its `cap_toks` become the sets' own. (`stats` is lent rather
/// than given: passing its two signature tables by value copied a
/// kilobyte an article.)
fn word_sets<'a>(toks: &[Tok<'a>], stats: &mut WordStats) -> WordSets<'a> {
    let cap_toks = std::mem::take(&mut stats.cap_toks);
    let WordStats {
        words,
        ref sigs,
        ref initial_sigs,
        ..
    } = *stats;
    let caps = cap_toks.len();
    let mut sets = WordSets::empty(words, caps, cap_toks);
    let (mut recent_mid, mut recent_lower) = ([0u32; 256], [0u32; 256]);
    // The capitalized words from the tokenizer's list: one loop over all
    // tokens, branching on the capital first, mispredicted that branch and
    // the lower-case test after it at about one token in three.
    for &k in &sets.cap_toks {
        let k = k as usize;
        let t = &toks[k];
        if !t.initial() {
            if initial_sigs.may_hold_sig(t.sig()) && not_just_seen(&mut recent_mid, toks, k) {
                sets.cap_words.entry(t.text).or_default().mid = true;
            }
        } else if !t.stop() {
            sets.cap_words.entry(t.text).or_default().initial += 1;
        }
    }
    for (k, t) in toks.iter().enumerate() {
        // The signature first: a few tokens in a hundred pass it, and
        // fewer of them are punctuation or capitalized words (their own
        // signatures are not those of lower-case forms), so the tests
        // after it are seldom reached. Testing the capital first was
        // mispredicted at about one token in three.
        if sigs.may_hold_sig(t.sig())
            && t.uncapitalized_word()
            && not_just_seen(&mut recent_lower, toks, k)
        {
            sets.add_lower_word(t);
        }
    }
    // The signatures once, from the set: set in the loop, the bit for each
    // token's signature was computed ahead of the test that most tokens
    // fail (two instructions a token), and a word was recorded as often
    // as the loop met it.
    sets.record_lower_present();
    sets
}

/// How the word of token `t` occurs capitalized in the article, from the
/// `cap_words` of `word_sets`.
fn caps_of(cap_words: &crate::fasthash::Map<&str, Caps>, t: &Tok) -> Caps {
    // `cap_words` lacks only words never capitalized at a sentence start,
    // and stop words (`Tok::stop`), which no caller asks about. Then `t`,
    // when capitalized, is away from one; and when not capitalized, no
    // token with its text is.
    cap_words.get(t.text).copied().unwrap_or(Caps {
        mid: t.cap(),
        initial: 0,
    })
}

/// Whether the word of token `k` differs from the word last seen with its
/// signature, which it then becomes. `recent` holds one plus the number of
/// the token last seen with each signature, zero for none. The word sets
/// keep one such table per set: most insertions repeat a word just
/// inserted ("the" into `lower_words`, a name into `cap_words`), and
/// comparing with it is cheaper than hashing it again. (Token numbers
/// rather than the words: the tables are set up for each article, and four
/// times the size cost more to clear than they saved.)
fn not_just_seen(recent: &mut [u32; 256], toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let last = &mut recent[gazetteer::signature_from16(t.sig(), 8)];
    let seen = *last != 0 && toks[*last as usize - 1].text == t.text;
    // The latest token of the word, which is nearer in memory for the next
    // comparison. (`tokenize_into` keeps token offsets in `u32`: an
    // article has fewer tokens than bytes.)
    *last = k as u32 + 1;
    !seen
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SegKind {
    Prose,
    Person,
    Org,
}

#[derive(Clone, Debug)]
struct Segment {
    span: Span,
    kind: SegKind,
    headline_title_case: bool,
    /// Its tokens' numbers among the article's, once cut.
    toks: std::ops::Range<usize>,
}

/// The parts of the file that are read: headline, paragraphs, author,
/// credited agencies and photo credits, in `out` (an empty vector to fill);
/// `ix` is a span index whose buffers are used for the look-ups.
fn segments(text: &str, article: &Article, out: Vec<Segment>, ix: &mut SpanIndex) -> Vec<Segment> {
    segments_by(text, article, out, ix, credit_lines)
}

/// [`segments`] with its author and photo credits found by `credits`
/// (given the text, the article and the prose spans): the test oracle
/// passes another.
fn segments_by(
    text: &str,
    article: &Article,
    mut out: Vec<Segment>,
    ix: &mut SpanIndex,
    credits: fn(&str, &Article, &SpanIndex, &mut Vec<Segment>),
) -> Vec<Segment> {
    prose_segments(text, article, &mut out);
    ix.fill(out.iter().map(|s| s.span));
    credits(text, article, ix, &mut out);
    agency_segments(text, article, &mut out, ix);
    out
}

/// Author and photo credits: lines outside the prose spans `covered`.
fn credit_lines(text: &str, article: &Article, covered: &SpanIndex, out: &mut Vec<Segment>) {
    // Every line outside the body is one of the parser's other lines, and
    // every body line is a paragraph, which `covered` holds: only the
    // other lines can hold a credit. They are a few in an article, against
    // a score of lines (blank ones included) to split the text into.
    match &article.other_lines {
        Some(lines) => {
            for sp in lines {
                credit_line(sp.start, sp.of(text), covered, out);
            }
        }
        None => credit_lines_of_text(text, covered, out),
    }
}

/// [`credit_lines`] of an article without the parser's other lines: each
/// line of the text that no span of `covered` holds.
fn credit_lines_of_text(text: &str, covered: &SpanIndex, out: &mut Vec<Segment>) {
    // The spans starting at or before the current line, counted on from
    // the last line's: the lines come in text order.
    let mut at = 0;
    for (start, line) in lines(text) {
        // A line that one span holds (its line end aside) overlaps it
        // whatever its spaces, and is passed over before trimming: most
        // lines are a paragraph's.
        let body = start + line.len() - usize::from(line.ends_with('\n'));
        while covered.spans.get(at).is_some_and(|sp| sp.start <= start) {
            at += 1;
        }
        if at > 0 && covered.max_end[at - 1] >= body {
            continue;
        }
        credit_line(start, line, covered, out);
    }
}

/// The headline and the paragraphs, as prose segments.
fn prose_segments(text: &str, article: &Article, out: &mut Vec<Segment>) {
    // The headline, the paragraphs and a few credits: growing the vector
    // from empty copied it several times an article.
    out.reserve(article.paragraphs.len() + 4);
    let prose = |span: Span, tc: bool| Segment {
        span,
        kind: SegKind::Prose,
        headline_title_case: tc,
        toks: 0..0,
    };
    if let Some(h) = article.headline.as_deref().filter(|h| !h.is_empty()) {
        if let Some(start) = find_early(text, h) {
            out.push(prose(Span::new(start, start + h.len()), is_title_case(h)));
        }
    }
    for p in &article.paragraphs {
        out.push(prose(p.span, false));
    }
}

/// The author or photo credit of one line of the text starting at byte
/// `start`, unless the line overlaps a span of `covered` (the prose).
fn credit_line(start: usize, line: &str, covered: &SpanIndex, out: &mut Vec<Segment>) {
    let trimmed = line.trim_end();
    let lead = trimmed.len() - trimmed.trim_start().len();
    let t = trimmed.trim_start();
    let ls = start + lead;
    if t.is_empty() || covered.overlaps(ls, ls + t.len()) {
        return;
    }
    if let Some(who) = crate::parse::lines::photo_credit(t)
        .or_else(|| crate::parse::lines::byline(t))
        .or_else(|| trailing_credit(t))
    {
        let base = ls + (who.as_ptr() as usize - t.as_ptr() as usize);
        credit_parts(who, base, out);
    }
}

/// Agencies named by the parser (dateline agency, credits, source),
/// wherever the text writes them outside the credit segments so far.
fn agency_segments(text: &str, article: &Article, out: &mut Vec<Segment>, ix: &mut SpanIndex) {
    let names = article
        .credits
        .iter()
        .map(String::as_str)
        .chain(article.dateline.as_ref().and_then(|d| d.agency.as_deref()))
        .chain(article.source.as_deref());
    for n in names {
        // Non-prose segments so far, sorted: a match inside one is skipped.
        // (Matches of one name never contain each other.)
        ix.fill(
            out.iter()
                .filter(|s| s.kind != SegKind::Prose)
                .map(|s| s.span),
        );
        let credits = &*ix;
        for (i, _) in text.match_indices(n) {
            let e = i + n.len();
            let before = text[..i].chars().next_back();
            let after = text[e..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if credits.contains(i, e) {
                continue;
            }
            out.push(Segment {
                span: Span::new(i, e),
                kind: SegKind::Org,
                headline_title_case: false,
                toks: 0..0,
            });
        }
    }
}

/// `text.find(needle)`, for a needle that is usually near the start of
/// the text (the headline, which the file opens with): a few candidates at
/// the needle's first byte are compared before a linear-time search of the
/// rest is set up. `str::find` built its two-way searcher first (the
/// needle's critical factorization), which cost more than the search.
fn find_early(text: &str, needle: &str) -> Option<usize> {
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    let mut from = 0;
    // At most this many comparisons of up to the needle's length each: the
    // work stays linear in the needle however the text repeats its first
    // byte.
    for _ in 0..8 {
        let p = from + memchr::memchr(first, &t[from..])?;
        if t[p..].starts_with(n) {
            return Some(p);
        }
        from = p + 1;
    }
    // A match of valid UTF-8 in valid UTF-8 starts at a char boundary, so
    // the byte search finds what `str::find` finds.
    memchr::memmem::find(&t[from..], n).map(|p| from + p)
}

/// The lines of `text` with their offsets: `split_inclusive('\n')`, cut at
/// the line ends that `memchr` finds many bytes at a time (the whole text
/// is split, and the `str` searcher's byte scan was most of the loop).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let s = std::mem::replace(&mut start, end);
            // Only the last end can make an empty line (`split_inclusive`
            // gives none after a final line end, or for an empty text).
            (end > s).then(|| (s, &text[s..end]))
        })
}

/// Spans sorted by start with running maximum ends, for overlap and
/// containment queries by binary search (a scan per query would make long
/// articles quadratic).
#[derive(Default)]
struct SpanIndex {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    const EMPTY: SpanIndex = SpanIndex {
        spans: Vec::new(),
        max_end: Vec::new(),
    };

    /// Holds `spans` instead of what it held, in the same buffers.
    fn fill(&mut self, spans: impl Iterator<Item = Span>) {
        self.spans.clear();
        self.spans.extend(spans);
        self.spans.sort_unstable();
        self.max_end.clear();
        let mut m = 0;
        self.max_end.extend(self.spans.iter().map(|sp| {
            m = sp.end.max(m);
            m
        }));
    }

    /// Emptied, its buffers kept unless too large ([`crate::spare`]).
    fn kept(self) -> SpanIndex {
        SpanIndex {
            spans: crate::spare::keep(self.spans),
            max_end: crate::spare::keep(self.max_end),
        }
    }

    /// The number of spans starting before `pos`.
    fn before(&self, pos: usize) -> usize {
        self.spans.partition_point(|sp| sp.start < pos)
    }

    /// Whether a span overlaps `[s, e)`.
    fn overlaps(&self, s: usize, e: usize) -> bool {
        let k = self.before(e);
        k > 0 && self.max_end[k - 1] > s
    }

    /// Whether a span contains `[s, e)`.
    fn contains(&self, s: usize, e: usize) -> bool {
        let k = self.spans.partition_point(|sp| sp.start <= s);
        k > 0 && self.max_end[k - 1] >= e
    }
}

/// `… Erik Halvorsen (Jane Doe, Agency)` at the end of a caption line.
fn trailing_credit(t: &str) -> Option<&str> {
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let who = &inner[open + 1..];
    (who.contains(',') || who.contains('/')).then_some(who)
}

/// Splits `Jane Doe/Agency` or `Jane Doe, Agency` into a person and
/// organizations.
fn credit_parts(who: &str, base: usize, out: &mut Vec<Segment>) {
    let mut pos = 0;
    for (k, part) in who.split([',', '/', ';']).enumerate() {
        let start = pos;
        pos += part.len() + 1;
        let lead = part.len() - part.trim_start().len();
        let p = part.trim();
        if p.is_empty() || !p.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let words = p.split_whitespace().count();
        let kind = if k == 0 && (2..=4).contains(&words) && !p.chars().any(|c| c.is_ascii_digit()) {
            SegKind::Person
        } else if words <= 4 {
            SegKind::Org
        } else {
            continue;
        };
        let s = base + start + lead;
        out.push(Segment {
            span: Span::new(s, s + p.len()),
            kind,
            headline_title_case: false,
            toks: 0..0,
        });
    }
}

/// Headline Case: most words of four letters or more are capitalized.
fn is_title_case(h: &str) -> bool {
    let (mut words, mut caps) = (0, 0);
    for w in h.split_whitespace().filter(|w| w.chars().count() >= 4) {
        words += 1;
        caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    words >= 3 && caps * 10 >= words * 7
}

/// How a capitalized word occurs in the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Caps {
    /// Capitalized away from the start of a sentence: evidence that a
    /// sentence-initial occurrence is a name too.
    mid: bool,
    /// How often it is capitalized at a sentence start.
    initial: u32,
}

struct Ctx<'a> {
    text: &'a str,
    gaz: &'a Gazetteer,
    /// The capitalized words of the article (`Caps`).
    cap_words: &'a crate::fasthash::Map<&'a str, Caps>,
    /// The lower-case words whose signature matches the lower-case form of
    /// a capitalized word (`LowerSigs`).
    lower_words: &'a HashSet<Folded<'a>>,
    /// The signatures of the words of `lower_words`: most capitalized words
    /// asked about have no lower-case form in the article, and this turns
    /// them away before hashing.
    lower_present: &'a LowerSigs,
    /// The tokens of all segments.
    toks: &'a [Tok<'a>],
    /// All lower-case words, for the rare query of a word that does not
    /// start with a capital; built on the first.
    all_lower: std::cell::OnceCell<HashSet<&'a str>>,
    /// A role phrase that ended at this byte, waiting for a name.
    pending_role: std::cell::RefCell<Option<(usize, &'a str)>>,
    /// Acronyms of events and products ("Worldwide Developers Conference
    /// (WWDC)"), which are not entities.
    skip_acronym: std::cell::RefCell<Vec<String>>,
    /// The buffer of `is_title_phrase`.
    phrase: std::cell::RefCell<String>,
    /// Where the article text has "lliance" and `(`, for `prose`.
    alliance: NextMatch,
    paren: NextMatch,
}

/// The first match of a search of the article text at or after an offset,
/// kept between the segments: they are asked about in text order, so each
/// stretch of the text is searched about once. A search per segment cost
/// more in setting up than in scanning (most segments have no match).
struct NextMatch {
    /// The offset searched from (`usize::MAX` before the first search),
    /// and the first match at or after it.
    from: std::cell::Cell<usize>,
    at: std::cell::Cell<Option<usize>>,
}

impl Default for NextMatch {
    fn default() -> Self {
        NextMatch {
            from: std::cell::Cell::new(usize::MAX),
            at: std::cell::Cell::new(None),
        }
    }
}

impl NextMatch {
    /// Whether a match of `len` bytes lies inside `text[a..b]`, where
    /// `find` gives the offset of the first match in a slice. Only the
    /// first match from `a` on needs looking at: any later one also ends
    /// later.
    fn within(
        &self,
        text: &[u8],
        a: usize,
        b: usize,
        len: usize,
        find: impl FnOnce(&[u8]) -> Option<usize>,
    ) -> bool {
        let mut at = self.at.get();
        if self.from.get() > a || at.is_some_and(|p| p < a) {
            at = find(&text[a..]).map(|p| a + p);
            self.from.set(a);
            self.at.set(at);
        }
        at.is_some_and(|p| p + len <= b)
    }
}

impl<'a> Ctx<'a> {
    /// A context over one article's tokens and word sets, with empty
    /// per-article caches.
    fn new(
        text: &'a str,
        gaz: &'a Gazetteer,
        cap_words: &'a crate::fasthash::Map<&'a str, Caps>,
        lower_words: &'a HashSet<Folded<'a>>,
        lower_present: &'a LowerSigs,
        toks: &'a [Tok<'a>],
        phrase: String,
    ) -> Ctx<'a> {
        Ctx {
            text,
            gaz,
            cap_words,
            lower_words,
            lower_present,
            toks,
            all_lower: Default::default(),
            pending_role: Default::default(),
            skip_acronym: Default::default(),
            phrase: std::cell::RefCell::new(phrase),
            alliance: NextMatch::default(),
            paren: NextMatch::default(),
        }
    }

    /// `gaz.is_title` of the phrase `a b`, written into the context's
    /// buffer: a name followed by "of" or "for" asks it, and a new string
    /// for each was an allocation.
    fn is_title_phrase(&self, a: &str, b: &str) -> bool {
        let mut p = self.phrase.borrow_mut();
        p.clear();
        p.push_str(a);
        p.push(' ');
        p.push_str(b);
        self.gaz.is_title(&p)
    }

    fn w(&self, t: &Tok<'a>) -> &'a str {
        t.text
    }

    /// Whether token `t` is a company-form or body suffix (`org_suffixes`).
    fn org_suffix(&self, t: &Tok) -> bool {
        self.gaz.org_suffixes.contains_sig(t.text, t.sig())
    }

    fn span_text(&self, ts: &[Tok<'a>]) -> &'a str {
        match ts {
            [t] => t.text,
            _ => &self.text[ts[0].s()..ts[ts.len() - 1].e()],
        }
    }

    /// `gaz.places.get(w)`.
    fn place(&self, w: &'a str) -> Option<gazetteer::Place> {
        self.place_of(gazetteer::Key::new(w))
    }

    /// `place` of a word hashed as `key`.
    fn place_of(&self, key: gazetteer::Key) -> Option<gazetteer::Place> {
        self.gaz.places.get_key(key)
    }

    /// Whether the lower-case form of the word of token `t` occurs as a word
    /// of the article.
    fn written_lower(&self, t: &Tok<'a>) -> bool {
        let w = t.text;
        // A capitalized word's lower-case form is in `lower_words` if the
        // article has it: every capitalized token but a stop word at a
        // sentence start (`Tok::stop`; a few dozen queries on 10 MB of
        // text) had its lower-case form's signature recorded, and
        // `word_sets` kept every lower-case word with such a signature.
        // (`Tok::cap` is whether the word starts with an upper-case
        // letter, which decoding its first char to ask cost more.)
        if t.cap() && !t.stop() {
            if t.ascii() {
                return self.lower_present.may_hold_lower_of_ascii(w)
                    && self.lower_words.contains(&Folded(w));
            }
            return with_lower(w, |l| {
                self.lower_present.may_hold(l) && self.lower_words.contains(&Folded(l))
            });
        }
        // A word not starting with a capital is a lower-case word of the
        // article itself: already in lower case, it is its own answer. (A
        // stop word, capitalized, goes on to the search.)
        if w.starts_with(|c: char| c.is_ascii_alphanumeric())
            && t.ascii()
            && !w.bytes().any(|b| b.is_ascii_uppercase())
        {
            return true;
        }
        let all = self.all_lower.get_or_init(|| {
            self.toks
                .iter()
                .filter(|t| t.word() && !t.cap())
                .map(|t| t.text)
                .collect()
        });
        with_lower(w, |l| all.contains(l))
    }

    /// A token that can be part of a name run.
    fn nameish(&self, t: &Tok<'a>) -> bool {
        t.word() && t.cap() && !CALENDAR.contains_tok(t)
    }

    /// Where a full name (a known given name and one or two capitalized
    /// words) closes `ts[from..j]` after a body that `head_ok` accepts:
    /// `Ukraine Denys Doe`, `Nordic Council Maria Berg`.
    fn holder_name(
        &self,
        ts: &[Tok<'a>],
        from: usize,
        j: usize,
        head_ok: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        (from + 1..j).find(|&p| {
            (2..=3).contains(&(j - p))
                && self.gaz.is_given(self.w(&ts[p]))
                && ts[p..j].iter().all(|t| t.cap())
                && self.person_like(ts, p, j)
                && head_ok(p)
        })
    }

    /// `Theresa May`, `Brian June`: a full month name right after a given
    /// name is a surname, unless a day number follows (`Jordan May 5`).
    /// Weekdays are not: `Clinton Tuesday said`.
    fn month_surname(&self, ts: &[Tok<'a>], i: usize, j: usize) -> bool {
        let t = &ts[j];
        j > i
            && t.word()
            && t.cap()
            && CALENDAR.contains_tok(t)
            && crate::parse::date::month_number(self.w(t)).is_some()
            && self.gaz.is_given(self.w(&ts[j - 1]))
            && !ts
                .get(j + 1)
                .is_some_and(|n| self.w(n).starts_with(|c: char| c.is_ascii_digit()))
    }

    /// The mentions of a prose segment, whose tokens are `ts`: the tokens
    /// from number `first` on of the article's, of which `caps` are the
    /// capitalized words (`WordSets::cap_toks`).
    fn prose(&self, ts: &[Tok<'a>], caps: &[u32], first: usize, out: &mut Vec<Mention<'a>>) {
        // A run starts at a name word, which is capitalized: the other
        // tokens are skipped without being read.
        let mut i = 0;
        for c in caps.iter().map(|&k| k as usize - first) {
            if c < i {
                continue;
            }
            i = c;
            if !self.nameish(&ts[i]) {
                continue;
            }
            let mut j = i + 1;
            loop {
                // A possessive ends a name ("Zentria's Voltar"); it is looked
                // for only when a name word follows, which is rarer.
                let possessive = || possessive_at(&self.text.as_bytes()[ts[j - 1].e()..]);
                if j < ts.len()
                    && (self.nameish(&ts[j]) || self.month_surname(ts, i, j))
                    && !possessive()
                {
                    j += 1;
                    continue;
                }
                // Particles: "Marta von der Hallen", "Idris bin Tamar". (Every
                // particle is a word, so punctuation fails the lookup: a test
                // of `Tok::word` first was mispredicted after most runs.)
                let mut k = j;
                while k < ts.len() && PARTICLES.contains_tok(&ts[k]) {
                    k += 1;
                }
                if k > j && k < ts.len() && self.nameish(&ts[k]) {
                    j = k + 1;
                    continue;
                }
                // "NORTA Council - Ostravia": a body named with a dash.
                if j + 1 < ts.len()
                    && (ts[j].is(HYPHEN_MARK) || ts[j].is(EN_DASH))
                    && self.org_suffix(&ts[j - 1])
                    && self.nameish(&ts[j + 1])
                    && !ts[j + 1].initial()
                {
                    j += 2;
                    continue;
                }
                // "Kor - Vell": a name split by a detokenized dash (two
                // single unknown words, spaces on both sides).
                if j + 1 < ts.len()
                    && ts[j].is(HYPHEN_MARK)
                    && self.text[ts[j - 1].e()..ts[j].s()].trim().is_empty()
                    && ts[j].s() > ts[j - 1].e()
                    && ts[j + 1].s() > ts[j].e()
                    && self.nameish(&ts[j + 1])
                    && !ts.get(j + 2).is_some_and(|t| self.nameish(t))
                    && !self.gaz.places.contains_key(self.span_text(&ts[i..j]))
                    && !self.gaz.orgs.contains_key(self.span_text(&ts[i..j]))
                    && [&ts[j - 1], &ts[j + 1]].iter().all(|t| {
                        let w = self.w(t);
                        !self.gaz.places.contains_key(w)
                            && !self.gaz.orgs.contains_key(w)
                            && !is_acronym(w)
                            && !self.written_lower(t)
                    })
                {
                    j += 2;
                    continue;
                }
                // "X of [the] Y" after an organization or title head.
                if j + 1 < ts.len() && (ts[j].is(OF) || ts[j].is(FOR)) {
                    let mut k = j + 1;
                    if k < ts.len() && self.w(&ts[k]) == "the" {
                        k += 1;
                    }
                    let last = self.w(&ts[j - 1]);
                    let left = self.span_text(&ts[i..j]);
                    let of = self.w(&ts[j]);
                    // (A one-word `left` is `last`.)
                    let joins = self.org_suffix(&ts[j - 1])
                        || self.gaz.org_heads.contains(last)
                        || FACILITIES.contains_tok(&ts[j - 1])
                        || self.is_title_phrase(left, of)
                        || j - i > 1 && self.is_title_phrase(last, of)
                        || self.gaz.title_of_heads.contains(last);
                    if joins && k < ts.len() && self.nameish(&ts[k]) {
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            // A lone stop word ("The", "But") is a third of the runs, and
            // `chunk` drops it whatever its lookups say: the stop-word
            // loops skip it (the "New" exception needs a second word in the
            // run).
            if !(j == i + 1 && ts[i].stopword()) {
                self.chunk(ts, i, j, out);
            }
            i = j;
        }
        // Both rules look for a rare word or character: one search of the
        // segment's text is cheaper than comparing every token with it.
        let Some(last) = ts.last() else {
            return;
        };
        let (a, b) = (ts[0].s(), last.e());
        let text = self.text.as_bytes();
        static ALLIANCE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("lliance"));
        if self
            .alliance
            .within(text, a, b, "lliance".len(), |t| ALLIANCE.find(t))
        {
            self.descriptive(ts, out);
        }
        if self
            .paren
            .within(text, a, b, 1, |t| memchr::memchr(b'(', t))
        {
            self.acronym_definitions(ts, out);
        }
    }

    /// "the alliance", "the Alliance": a descriptive reference kept for
    /// `canon` to attach to the one alliance of the article.
    fn descriptive(&self, ts: &[Tok<'a>], out: &mut Vec<Mention<'a>>) {
        for k in 1..ts.len() {
            let w = self.w(&ts[k]);
            if (w == "alliance" || w == "Alliance")
                && self.w(&ts[k - 1]).eq_ignore_ascii_case("the")
                && !ts.get(k + 1).is_some_and(|n| n.word() && n.cap())
            {
                let span = Span::new(ts[k - 1].s(), ts[k].e());
                let mut m = Mention::new(
                    span,
                    span.of(self.text),
                    Hint::Known(EntityType::Organization),
                );
                m.set_canonical(Some(ALLIANCE_MARKER));
                out.push(m);
            }
        }
    }

    /// `the seven major industrialized nations (G7)`: a lower-case
    /// expansion directly before an acronym in parentheses.
    fn acronym_definitions(&self, ts: &[Tok<'a>], out: &mut Vec<Mention<'a>>) {
        for k in open_parens(self.text, ts) {
            if !(k >= 1 && k + 2 < ts.len() && ts[k + 2].is(CLOSE_PAREN)) {
                continue;
            }
            let acr = &ts[k + 1];
            if !acr.word() || !is_acronym(self.w(acr)) || COMMON_ACRONYMS.contains_tok(acr) {
                continue;
            }
            // Capitalized expansion: handled by initials in `canon`, except
            // that an acronym of an unknown (product, term) or event name is
            // not an entity: "Software Development Kit (SDK)".
            if ts[k - 1].cap() {
                let known = out
                    .iter()
                    .any(|m| m.span.end == ts[k - 1].e() && m.hint != Hint::Unknown);
                if !known {
                    self.skip_acronym.borrow_mut().push(self.w(acr).to_string());
                }
                continue;
            }
            if !ts[k - 1].word() || self.w(&ts[k - 1]).starts_with(|c: char| c.is_ascii_digit()) {
                // "$99 (USD)": a unit.
                self.skip_acronym.borrow_mut().push(self.w(acr).to_string());
                continue;
            }
            let lo = k.saturating_sub(7);
            let Some(the) = (lo..k)
                .rev()
                .find(|&x| self.w(&ts[x]).eq_ignore_ascii_case("the"))
            else {
                continue;
            };
            if (the + 1..k).any(|x| !ts[x].word()) || k - the < 2 {
                continue;
            }
            let span = Span::new(ts[the].s(), ts[k - 1].e());
            let mut m = Mention::new(
                span,
                span.of(self.text),
                Hint::Known(EntityType::Organization),
            );
            m.set_defines(Some(self.w(acr)));
            out.push(m);
        }
    }

    /// Evidence that the capitalized word of token `t`, at a sentence
    /// start, is a name.
    fn has_evidence(&self, t: &Tok<'a>) -> bool {
        let w = t.text;
        if t.stopword() {
            return false;
        }
        let caps = caps_of(self.cap_words, t);
        if caps.mid || is_acronym(w) || demonym(self.gaz, t) {
            return true;
        }
        if self.written_lower(t) {
            return false;
        }
        // Opening two sentences (headline and lead, typically) and never
        // written in lower case: the article's subject ("Apple").
        if caps.initial >= 2 && w.chars().count() >= 3 {
            return true;
        }
        let shouted = (is_upper(w) && w.chars().count() > 3)
            .then(|| gazetteer::title_case(w))
            .is_some_and(|t| self.gaz.places.get(t.as_str()).is_some_and(|p| !p.word));
        let key = gazetteer::Key::new(w);
        shouted
            || self.gaz.places.get_key(key).is_some_and(|p| !p.word)
            || self.gaz.orgs.get_key(key).is_some_and(|o| !o.word)
            || self.gaz.given.get_key(key).is_some_and(|g| !g.word)
    }

    /// Turns one capitalized run `ts[i..j]` into mentions.
    fn chunk(&self, ts: &[Tok<'a>], mut i: usize, j: usize, out: &mut Vec<Mention<'a>>) {
        // Sentence-initial and headline words need evidence, except in a
        // company name ("Zentrix Computer said"). (Most runs do not start at
        // a sentence start, and ask nothing about a company.)
        if i < j && ts[i].initial() {
            let company = j - i >= 2 && {
                let last = &ts[j - 1];
                COMPANY_HEADS.contains_tok(last) || COMPANY.contains_tok(last)
            };
            let descriptor =
                |t: &Tok| ORG_DESCRIPTORS.contains_lower_tok(t) || ROLE_NOUNS.contains_lower_tok(t);
            while i < j
                && ts[i].initial()
                && (!company || descriptor(&ts[i]))
                && !self.has_evidence(&ts[i])
                && !(i + 1 < j
                    && self
                        .gaz
                        .given
                        .get(self.w(&ts[i]))
                        .is_some_and(|g| g.freq >= 5))
                // (`find_title` would also try every later position.)
                && self.title_end(ts, i, j).is_none()
            {
                i += 1;
            }
        }
        while i < j && !ts[i].cap() {
            i += 1;
        }
        // Stop words anywhere at the front ("In Lisbon").
        // "New" before another capitalized word starts a name ("The New
        // York Times", "New Delhi").
        let stop = |k: usize| ts[k].stopword() && !(self.w(&ts[k]) == "New" && k + 1 < j);
        while i < j
            && (if ts[i].initial() {
                ts[i].stopword()
                    && !(self.w(&ts[i]) == "New" && i + 1 < j && self.has_evidence(&ts[i + 1]))
            } else {
                stop(i)
            })
        {
            i += 1;
        }
        if i >= j {
            return;
        }
        // A run of one word that starts no title (most runs) meets none of
        // the rules up to the role's: the splits, the trims and the title
        // and holder searches each need a second word, and each tested the
        // run's length, mispredicted often. One test here instead.
        if j == i + 1 && !self.gaz.title_starts.contains_sig(ts[i].text, ts[i].sig()) {
            self.chunk_tail::<true>(ts, i, j, out);
            return;
        }
        // A capitalized function word inside the run splits it ("Council In
        // Tallinn").
        if let Some(k) = (i + 1..j).find(|&k| stop(k)) {
            self.chunk(ts, i, k, out);
            self.chunk(ts, k + 1, j, out);
            return;
        }
        // "Apple Inc. Steve Jobs": a company suffix ends the name.
        if let Some(k) = (i..j - 1).find(|&k| COMPANY.contains_tok(&ts[k])) {
            self.chunk(ts, i, k + 1, out);
            self.chunk(ts, k + 1, j, out);
            return;
        }
        // Event names: keep the known names inside.
        if j - i >= 2 && EVENTS.contains_tok(&ts[j - 1]) {
            let before = out.len();
            for k in i..j - 1 {
                self.plain(ts, k, k + 1, out);
            }
            let mut k = before;
            while k < out.len() {
                if out[k].hint == Hint::Unknown {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
            self.skip_acronym
                .borrow_mut()
                .push(initials(self.span_text(&ts[i..j])).unwrap_or_default());
            return;
        }
        // A trailing common noun written lower-case elsewhere ("NORTA Allies")
        // or a model number ("Airbus A380").
        let mut j = j;
        while j > i + 1 && is_model_number(self.w(&ts[j - 1])) {
            j -= 1;
        }
        while j > i + 1
            && !self.org_suffix(&ts[j - 1])
            && !COMPANY_HEADS.contains_tok(&ts[j - 1])
            && self.written_lower(&ts[j - 1])
        {
            j -= 1;
        }
        // Titles inside the run.
        if let Some((a, b)) = self.find_title(ts, i, j) {
            let name_part = &ts[b..j];
            // "Martin Luther King": a one-word title ending a personal name
            // is its surname.
            let title = self.span_text(&ts[a..b]);
            // "Mervyn King": also after a lone given name.
            if b == j
                && b == a + 1
                && a > i
                && !is_upper(title)
                && !title.ends_with('.')
                && (i..a).all(|k| !demonym(self.gaz, &ts[k]) && !ADJECTIVES.contains_tok(&ts[k]))
                && (a >= i + 2 && self.person_like(ts, i, a)
                    || a == i + 1 && self.person_like(ts, i, j))
            {
                out.push(self.known(ts, i, j, EntityType::Person));
                return;
            }
            let ends_org = self.org_suffix(&ts[j - 1]);
            let connected = name_part.iter().any(|t| matches!(self.w(t), "of" | "for"))
                || self.w(&ts[b - 1]) == "for"
                || self.w(&ts[b - 1]) == "of"
                || name_part.first().is_some_and(|t| !t.cap());
            if connected {
                // "Minister for Foreign Affairs of Ostravia": a role phrase;
                // the place or body after the last "of" is an entity.
                if let Some(k) = (b..j)
                    .rev()
                    .find(|&k| matches!(self.w(&ts[k]), "of" | "for"))
                {
                    let mut s0 = k + 1;
                    if s0 < j && self.w(&ts[s0]) == "the" {
                        s0 += 1;
                    }
                    // "Prime Minister of Ostravia Jan Doe": the holder's
                    // name follows the body without a comma.
                    if let Some(p) = self.holder_name(ts, s0, j, |_| true) {
                        self.plain(ts, s0, p, out);
                        let mut m = self.known(ts, p, j, EntityType::Person);
                        m.set_role(Some(self.span_text(&ts[i..p])));
                        out.push(m);
                        if a > i {
                            self.plain(ts, i, a, out);
                        }
                        return;
                    }
                    self.plain(ts, s0, j, out);
                }
                if a > i {
                    self.plain(ts, i, a, out);
                }
                *self.pending_role.borrow_mut() = Some((ts[j - 1].e(), self.span_text(&ts[i..j])));
                return;
            }
            // "Apple CEO": the pre-modifier of a company title is a company.
            let company_title = matches!(
                title,
                "CEO" | "CFO" | "COO" | "CTO" | "Chairman" | "Vice Chairman" | "Managing Director"
            ) || title.starts_with("Chief ");
            let premodifier = |out: &mut Vec<Mention<'a>>| {
                let before = out.len();
                self.plain(ts, i, a, out);
                if company_title {
                    for m in &mut out[before..] {
                        if m.hint == Hint::Unknown {
                            m.hint = Hint::Known(EntityType::Organization);
                        }
                    }
                }
            };
            if !name_part.is_empty() && !ends_org {
                let role_text = self.span_text(&ts[i..b]);
                let honorific_only = self.gaz.honorifics.contains(role_text);
                if a > i {
                    premodifier(out);
                }
                // Names after a title: the longest run of name tokens.
                let mut m = self.known(ts, b, j, EntityType::Person);
                if !honorific_only {
                    m.set_role(Some(role_text));
                }
                out.push(m);
                return;
            }
            if name_part.is_empty() {
                if a > i {
                    premodifier(out);
                }
                return;
            }
        }
        self.chunk_tail::<false>(ts, i, j, out);
    }

    /// The end of `chunk` for the run `ts[i..j]` past its splits, trims and
    /// titles: its role and type. `ONE` for a run of one word, which no
    /// holder's name closes.
    #[inline(always)]
    fn chunk_tail<const ONE: bool>(
        &self,
        ts: &[Tok<'a>],
        i: usize,
        j: usize,
        out: &mut Vec<Mention<'a>>,
    ) {
        debug_assert!(i < j && (!ONE || j == i + 1));
        // A role noun right before ("alliance chief Halvorsen"), or a role
        // phrase in apposition ("Minister for X of Y, Jane Doe").
        let pending = self.pending_role.borrow_mut().take();
        let role = self.role_before(ts, i).or_else(|| {
            pending
                .filter(|(end, _)| {
                    i > 0
                        && self.w(&ts[i - 1]) == ","
                        && ts[i - 1].s() >= *end
                        && ts[i - 1].s() - *end < 40
                })
                .map(|p| p.1)
        });
        // "European Council Jane Doe": a known body run into the name of
        // the person who heads it (after "President of the").
        let holder = if ONE {
            None
        } else {
            self.holder_name(ts, i, j, |p| {
                let head = self.span_text(&ts[i..p]);
                self.gaz.orgs.get(head).is_some()
                    || self.gaz.places.get(head).is_some()
                    || p - i >= 2 && self.org_suffix(&ts[p - 1])
            })
        };
        if let Some(p) = holder.filter(|_| ts[i..j].iter().all(|t| t.cap())) {
            self.plain(ts, i, p, out);
            let mut m = self.known(ts, p, j, EntityType::Person);
            m.set_role(role);
            out.push(m);
            return;
        }
        let before = out.len();
        self.plain(ts, i, j, out);
        // Only an untyped first mention can change: the words before are
        // looked at for one.
        if let Some(m) = out[before..]
            .first_mut()
            .filter(|m| m.hint == Hint::Unknown)
        {
            if role.is_none() && i > 0 && ts[i - 1].word() && company_before(ts, i) {
                m.hint = Hint::Known(EntityType::Organization);
            }
        }
        // "analysts at Merrill Lynch": an employer, even when it looks like a
        // personal name.
        if i >= 2 && self.w(&ts[i - 1]) == "at" && ANALYSTS.contains_tok(&ts[i - 2]) {
            if let Some(m) = out[before..]
                .first_mut()
                .filter(|m| m.hint != Hint::Known(EntityType::Place))
            {
                m.hint = Hint::Known(EntityType::Organization);
                m.set_role(None);
            }
        }
        if let Some(r) = role {
            for m in &mut out[before..] {
                if m.hint != Hint::Known(EntityType::Place)
                    && m.hint != Hint::Known(EntityType::Organization)
                {
                    m.hint = Hint::Known(EntityType::Person);
                    m.set_role(Some(r));
                }
            }
        }
    }

    /// `NATO chief` / `their Ukrainian counterpart` before `ts[i]`.
    /// (Always inlined: with a call in each copy of `chunk_tail` LLVM put
    /// it out of line, which cost more than the copies saved.)
    #[inline(always)]
    fn role_before(&self, ts: &[Tok<'a>], i: usize) -> Option<&'a str> {
        if i == 0 || !ts[i - 1].word() {
            return None;
        }
        if !ROLE_NOUNS.contains_tok(&ts[i - 1]) {
            return None;
        }
        let mut s = i - 1;
        while s > 0 && ts[s - 1].word() && ts[s - 1].cap() && ts[s - 1].e() + 1 >= ts[s].s() {
            s -= 1;
        }
        Some(&self.text[ts[s].s()..ts[i - 1].e()])
    }

    /// The longest title starting anywhere in `ts[i..j]` (first position
    /// wins).
    fn find_title(&self, ts: &[Tok<'a>], i: usize, j: usize) -> Option<(usize, usize)> {
        (i..j).find_map(|a| self.title_end(ts, a, j).map(|b| (a, b)))
    }

    /// The end of the longest title starting at `ts[a]` and ending by `j`.
    #[inline(always)]
    fn title_end(&self, ts: &[Tok<'a>], a: usize, j: usize) -> Option<usize> {
        // Nearly every word starts no title, and the test of the first word
        // alone, made where the search is asked for, turns it away without
        // a call. Longer phrases extend this one: none can be a title.
        if a >= j || !self.gaz.title_starts.contains_sig(ts[a].text, ts[a].sig()) {
            return None;
        }
        self.title_end_after_first(ts, a, j)
    }

    /// `title_end` once the first word of the phrase is known to start a
    /// title.
    #[inline(never)]
    fn title_end_after_first(&self, ts: &[Tok<'a>], a: usize, j: usize) -> Option<usize> {
        let mut best = None;
        for b in a + 1..=(a + self.gaz.max_title_words).min(j) {
            let phrase = self.span_text(&ts[a..b]);
            if b > a + 1 && !self.gaz.title_prefixes.contains(phrase) {
                break;
            }
            if self.gaz.titles.contains(phrase) || self.gaz.honorifics.contains(phrase) {
                best = Some(b);
            }
        }
        best
    }

    /// A mention of the known type `kind` over `ts[i..j]`. Of a known
    /// mention's context flags only a place's `speaks` is read
    /// (`surnames_over_towns`); the flags of the others, half the mentions,
    /// were worked out for nothing. Every caller names its type: one
    /// function for both kinds of hint branched on it at each call, and
    /// mispredicted about every other call (`mention_oracle` is that form).
    #[inline]
    fn known(&self, ts: &[Tok<'a>], i: usize, j: usize, kind: EntityType) -> Mention<'a> {
        let span = Span::new(ts[i].s(), ts[j - 1].e());
        let mut m = Mention::new(span, span.of(self.text), Hint::Known(kind));
        if kind == EntityType::Place {
            m.speaks = ts.get(j).is_some_and(|t| SPEECH.contains_tok(t));
        }
        m
    }

    /// A mention of unknown type over `ts[i..j]`, with the context flags
    /// that type it (`canon`, which also reads those of the weak ones:
    /// `plain` makes them from unknown mentions).
    fn unknown(&self, ts: &[Tok<'a>], i: usize, j: usize) -> Mention<'a> {
        let span = Span::new(ts[i].s(), ts[j - 1].e());
        let mut m = Mention::new(span, span.of(self.text), Hint::Unknown);
        m.speaks = ts.get(j).is_some_and(|t| SPEECH.contains_tok(t));
        self.context_flags(&mut m, ts, i, j);
        m
    }

    /// The flags of `m` over `ts[i..j]` that its context gives: an
    /// initial, "the" before it, and the words that make it an agent (an
    /// organization) or a product. Always inlined: as a call of its own
    /// the whole run measured 1.5 M more (scripts/cest), the flags having
    /// been written in `unknown`'s body before.
    #[inline(always)]
    fn context_flags(&self, m: &mut Mention<'a>, ts: &[Tok<'a>], i: usize, j: usize) {
        m.initial = ts[i].initial();
        m.after_the = i > 0 && self.w(&ts[i - 1]).eq_ignore_ascii_case("the");
        let rest = &self.text.as_bytes()[ts[j - 1].e()..];
        let next_lower = |k: usize| ts.get(k).filter(|t| t.word() && !t.cap());
        let next = next_lower(j);
        m.agent = agent_suffix(rest)
            || next.is_some_and(|t| ORG_NOUNS.contains_tok(t))
            || i > 0 && AGENT_BEFORE.contains_tok_few(&ts[i - 1]);
        let passive = next.is_some_and(|t| AUXILIARIES.contains_tok_few(t))
            && (next_lower(j + 1).is_some_and(|t| PRODUCT_PARTICIPLES.contains_tok(t))
                || next_lower(j + 1).is_some_and(|t| t.text == "be")
                    && next_lower(j + 2).is_some_and(|t| PRODUCT_PARTICIPLES.contains_tok(t)));
        let before =
            |k: usize| (i >= k && ts[i - k].word() && !ts[i].initial()).then(|| &ts[i - k]);
        let prev = before(1);
        m.product = !m.agent
            && (next.is_some_and(|t| PRODUCT_AFTER.contains_tok(t))
                || passive
                || prev.is_some_and(|t| PRODUCT_BEFORE.contains_tok(t))
                // "its 787 Dreamliner", "the 3G iPhone": after a model number.
                || prev.is_some_and(|t| {
                    t.text.starts_with(|c: char| c.is_ascii_digit())
                        && t.text.chars().all(|c| c.is_ascii_alphanumeric())
                })
                || prev.is_some_and(|t| DETERMINERS.contains_tok_few(t))
                    && before(2).is_some_and(|t| PRODUCT_BEFORE.contains_tok(t)));
    }

    /// Types a run without titles; demonyms split it.
    fn plain(&self, ts: &[Tok<'a>], i: usize, j: usize, out: &mut Vec<Mention<'a>>) {
        // One word and several words meet different rules, and the run's
        // length was tested at several of them, each test mispredicted
        // often: one test here, and a copy of the rules for each kind
        // (`ONE`), in which the length is a constant.
        match j.saturating_sub(i) {
            0 => {}
            1 => self.plain_n::<true>(ts, i, j, out),
            _ => self.plain_n::<false>(ts, i, j, out),
        }
    }

    /// `plain` of a run of one word (`ONE`) or of several.
    fn plain_n<const ONE: bool>(
        &self,
        ts: &[Tok<'a>],
        i: usize,
        j: usize,
        out: &mut Vec<Mention<'a>>,
    ) {
        debug_assert!(ONE == (j - i == 1) && i < j);
        let ends_org = !ONE && self.org_suffix(&ts[j - 1]);
        if !ends_org {
            if let Some(d) = (i..j).find(|&k| demonym(self.gaz, &ts[k])) {
                self.plain(ts, i, d, out);
                self.plain(ts, d + 1, j, out);
                return;
            }
        }
        let surface = self.span_text(&ts[i..j]);
        let n = j - i;
        let initial = ts[i].initial();
        let all_caps_line = ts[i].shout();
        // The mention (and its tests of the context) is made only when one
        // is pushed: many runs are dropped by the rules below.
        let mention = |kind: EntityType| self.known(ts, i, j, kind);
        // Whether the single word is written in lower case elsewhere: up to
        // three rules ask, and the answer may take a hashing.
        let lower_seen = std::cell::OnceCell::new();
        let seen_lower = || ONE && *lower_seen.get_or_init(|| self.written_lower(&ts[i]));
        // Currencies ("US$299", "US dollars") and common-noun acronyms
        // ("TV", "LCD") are not entities.
        let money = money_after(ts, j);
        // A single word in quotation marks is a term or code name ("the
        // kernel, "Darwin", …").
        let quoted = ONE && i > 0 && quote_mark(ts.get(i - 1)) && quote_mark(ts.get(j));
        // Market indices: "… Average", "Nasdaq Composite", "the S&P 500
        // index", "the FTSE 100 fell".
        let index = INDEX_HEADS.contains_tok(&ts[j - 1])
            || ts.get(j).is_some_and(|t| INDEX_AFTER.contains_tok_few(t))
            || ts.get(j).is_some_and(|t| {
                let w = self.w(t);
                // A leading digit first: rare after a name, where the
                // word test and the length test were each mispredicted.
                w.as_bytes().first().is_some_and(u8::is_ascii_digit)
                    && t.word()
                    && (2..=4).contains(&w.len())
                    && w.chars().all(|c| c.is_ascii_digit())
            }) && ts
                .get(j + 1)
                .is_some_and(|t| t.word() && MARKET_VERBS.contains_tok(t));
        if money
            || index
            || quoted
            || ONE && (COMMON_ACRONYMS.contains_tok(&ts[i]) || is_model_number(surface))
        {
            return;
        }
        // Gazetteer: countries and continents, organizations, then places.
        // (One lookup for both place rules: a hit parses the row.)
        let key = gazetteer::Key::new(surface);
        let gaz_place = self.place_of(key);
        if let Some(p) = gaz_place.filter(|p| {
            matches!(
                p.kind,
                gazetteer::PlaceKind::Country | gazetteer::PlaceKind::Continent
            ) && (!p.word
                // "Japan", "Turkey": countries that are English words too,
                // capitalized mid-sentence and never seen in lower case.
                || !initial && ONE && !seen_lower())
        }) {
            let mut m = mention(EntityType::Place);
            m.set_canonical(Some(p.canonical));
            out.push(m);
            return;
        }
        if let Some(o) = self
            .gaz
            .orgs
            .get_key(key)
            .filter(|o| !seen_lower() && (!o.word || !ONE && !initial))
        {
            let mut m = mention(EntityType::Organization);
            m.set_canonical(Some(o.canonical));
            out.push(m);
            return;
        }
        let place = gaz_place
            .or_else(|| {
                // (`is_upper` fails at a small letter second, as most
                // names have: tested here, without the call.)
                if !surface
                    .as_bytes()
                    .get(1)
                    .is_some_and(u8::is_ascii_lowercase)
                    && is_upper(surface)
                    && surface.chars().count() > 3
                {
                    self.gaz.places.get(gazetteer::title_case(surface).as_str())
                } else {
                    None
                }
            })
            // A token holds no space, so one word is no compass variant.
            .or_else(|| {
                if ONE {
                    None
                } else {
                    self.compass_variant(surface)
                }
            });
        if let Some(p) = place.filter(|p| !seen_lower() && (!p.word || (!ONE && !initial))) {
            let mut m = mention(EntityType::Place);
            m.set_canonical(Some(p.canonical));
            out.push(m);
            return;
        }
        if all_caps_line && !is_acronym(surface) {
            return;
        }
        // One word and several words meet different rules from here on, and
        // each run asks only its own: the tests of several words (a given
        // name, acronyms inside, an "of" head) are calls, which one-word runs,
        // most of them, made to learn nothing.
        if ONE {
            if is_acronym(surface) {
                out.push(mention(EntityType::Organization));
                return;
            }
            // (The tokenizer's bit: a word's only. A punctuation token `-`
            // would split into empty parts, neither a place nor an acronym.)
            if ts[i].hyphenated() && !self.gaz.is_given(surface) {
                // Hyphenated compounds of names: agencies and outlets
                // ("Agency-Country"), when some part is a known place.
                if surface
                    .split('-')
                    .any(|p| self.gaz.places.contains_key(p) || is_acronym(p))
                {
                    out.push(mention(EntityType::Organization));
                    return;
                }
            }
            if self.gaz.titles.contains_sig(surface, ts[i].sig())
                || ADJECTIVES.contains_tok(&ts[i])
                || self.org_suffix(&ts[i])
                || seen_lower()
            {
                return;
            }
            out.push(self.unknown(ts, i, j));
            return;
        }
        if self.org_suffix(&ts[j - 1]) {
            if !COMPANY.contains_tok(&ts[j - 1])
                && (FACILITIES.contains_tok(&ts[i]) || FACILITIES.contains_tok(&ts[j - 1]))
            {
                out.push(mention(EntityType::Place));
            } else {
                out.push(mention(EntityType::Organization));
            }
            return;
        }
        // "Apple Computer", "Sun Microsystems".
        if COMPANY_HEADS.contains_tok(&ts[j - 1]) {
            out.push(mention(EntityType::Organization));
            return;
        }
        if n >= 3
            && (i..j)
                .position(|k| matches!(self.w(&ts[k]), "of" | "for"))
                .filter(|&p| p > 0)
                .map(|p| self.w(&ts[i + p - 1]))
                .is_some_and(|h| {
                    self.gaz.org_heads.contains(h) || self.gaz.org_suffixes.contains(h)
                })
            && !FACILITIES.contains_tok(&ts[i])
        {
            out.push(mention(EntityType::Organization));
            return;
        }
        if FACILITIES.contains_tok(&ts[i]) || FACILITIES.contains_tok(&ts[j - 1]) {
            out.push(mention(EntityType::Place));
            return;
        }
        if self.person_like(ts, i, j)
            && !(i + 1..j).any(|k| {
                let w = self.w(&ts[k]);
                is_acronym(w) || w.chars().count() == 1
            })
        {
            out.push(mention(EntityType::Person));
            return;
        }
        // Unknown multi-word name: a company or body (weakly) when it is
        // long or any word is a known place or organization. Otherwise it
        // stays unknown: `canon` types it from the rest of the article
        // ("Apple Computer" after "Apple") or drops it.
        let mut m = self.unknown(ts, i, j);
        let known = || {
            (i..j).any(|k| {
                let key = gazetteer::Key::new(self.w(&ts[k]));
                self.gaz.places.get_key(key).is_some_and(|p| !p.word)
                    || self.gaz.orgs.get_key(key).is_some()
            })
        };
        if !m.product && (n > 3 || known()) {
            m.hint = Hint::Known(EntityType::Organization);
            m.weak = true;
        }
        out.push(m);
    }

    /// 2–5 words starting with a given name or an initial, or with a name
    /// particle inside.
    fn person_like(&self, ts: &[Tok<'a>], i: usize, j: usize) -> bool {
        let first = self.w(&ts[i]);
        (2..=5).contains(&(j - i))
            && (self
                .gaz
                .given
                .get(first)
                .is_some_and(|g| !g.word || g.freq >= 5)
                || is_initial(first)
                || (i + 1..j).any(|k| PARTICLES.contains_tok(&ts[k])))
    }

    /// `Northern Macedonia` → `North Macedonia` when that is a country.
    fn compass_variant(&self, surface: &str) -> Option<gazetteer::Place> {
        let p = self.gaz.places.get(compass_short(surface)?.as_str())?;
        (p.kind == gazetteer::PlaceKind::Country).then_some(p)
    }
}

/// `Northern X` → `North X`, and so for the other compass points.
fn compass_short(surface: &str) -> Option<String> {
    // Every prefix below starts with one of these letters: most names
    // fail here instead of in four comparisons.
    if !matches!(surface.as_bytes().first(), Some(b'N' | b'S' | b'E' | b'W')) {
        return None;
    }
    for (long, short) in [
        ("Northern ", "North "),
        ("Southern ", "South "),
        ("Eastern ", "East "),
        ("Western ", "West "),
    ] {
        if let Some(rest) = surface.strip_prefix(long) {
            return Some(format!("{short}{rest}"));
        }
    }
    None
}

/// One word that the gazetteer knows as a town but that names a person
/// here: the surname of a person named in full in the same article
/// (`Jane Carson` … `Carson`), or a word followed by a speech verb
/// (`Carson said`) without a locative preposition before it. Countries,
/// continents and regions keep their type; a possessive is no cue, since
/// towns own things too (`Lisbon's mayor`).
fn surnames_over_towns<'a>(
    ms: &mut [Mention<'a>],
    text: &str,
    place: impl Fn(&'a str) -> Option<gazetteer::Place>,
) {
    // Made at the first one-word town, which most articles lack. (The
    // mentions this turns into persons are one word, and no surname is
    // taken from those.)
    let mut surnames: Option<HashSet<&str>> = None;
    for k in 0..ms.len() {
        let m = &ms[k];
        if m.hint != Hint::Known(EntityType::Place) || m.surface.contains(' ') {
            continue;
        }
        if !place(m.surface).is_some_and(|p| p.kind == gazetteer::PlaceKind::City) {
            continue;
        }
        let surnames = surnames.get_or_insert_with(|| {
            // Sized for all the mentions: collected through a filter, which
            // tells no size, the set grew and rehashed several times.
            let mut s = HashSet::with_capacity_and_hasher(ms.len(), Default::default());
            // The last word after a space, by one backward byte search
            // (a space is ASCII, so the byte after it starts a char): the
            // string searches for the space, `contains` and then `rsplit`,
            // cost ~270 instructions a name through the char searcher.
            s.extend(
                ms.iter()
                    .filter(|m| m.hint == Hint::Known(EntityType::Person))
                    .filter_map(|m| {
                        let space = m.surface.bytes().rposition(|b| b == b' ')?;
                        Some(&m.surface[space + 1..])
                    }),
            );
            s
        });
        let m = &mut ms[k];
        // The word before the town is read only for a town followed by a
        // speech verb: searching back for it at every town cost more than
        // the rest of the rule.
        if surnames.contains(&m.surface)
            || m.speaks
                && !is_locative(
                    text[..m.span.start]
                        .split_whitespace()
                        .next_back()
                        .unwrap_or(""),
                )
        {
            m.hint = Hint::Known(EntityType::Person);
            m.set_canonical(None);
        }
    }
}

/// The numbers among `ts` (a segment's tokens, cut from `text`) of the
/// tokens `(`, in order. Every `(` of the text is a token of its own (no
/// word holds one), found here by one search of the segment's text: the
/// paragraphs searched have one or two, and comparing each of their tokens
/// with `(` read them all.
fn open_parens<'t>(text: &'t str, ts: &'t [Tok]) -> impl Iterator<Item = usize> + 't {
    let (a, b) = match (ts.first(), ts.last()) {
        (Some(first), Some(last)) => (first.s(), last.e()),
        _ => (0, 0),
    };
    memchr::memchr_iter(b'(', &text.as_bytes()[a..b])
        .map(move |p| ts.partition_point(|t| t.s() < a + p))
}

/// Whether the text after a name starts with a possessive or `-based`
/// ("Quorvex-based": the tokenizer cut the lower-case part off), which make
/// it an actor.
fn agent_suffix(rest: &[u8]) -> bool {
    // Each suffix starts with one of these bytes, which few names are
    // followed by.
    matches!(rest.first(), Some(b'\'' | b'-' | 0xE2))
        && (possessive_at(rest) || rest.starts_with(b"-based"))
}

/// Whether the text after a name starts with a possessive, `'s` or `’s`.
fn possessive_at(rest: &[u8]) -> bool {
    rest.starts_with(b"'s") || rest.starts_with("’s".as_bytes())
}

/// A preposition of place, in any ASCII case, before a town's name.
fn is_locative(prev: &str) -> bool {
    // Compared ignoring case in place: a lower-case copy per town cost an
    // allocation.
    [
        "in", "at", "from", "to", "near", "outside", "into", "toward", "towards",
    ]
    .iter()
    .any(|l| prev.eq_ignore_ascii_case(l))
}

/// `NATO`, `G7`, `AFP`: two to six capitals and digits, starting with a
/// capital, at least two characters.
pub(crate) fn is_acronym(w: &str) -> bool {
    // Every char allowed is one ASCII byte, so the length in bytes is the
    // count of chars whenever the test can pass, and any other byte fails
    // it: bytes suffice, and most names fail at their second letter.
    let b = w.as_bytes();
    (2..=6).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[b.len() - 1] != b'&'
        && b.iter()
            .all(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'&')
        && !is_model_number(w)
}

/// `MacBook`, `PowerBook`: an upper-case letter after a lower-case one. Such
/// a word after "the" is a product as often as a company (`the PowerBook`),
/// so "the" alone does not make it an organization (`canon`).
pub(crate) fn is_camel(w: &str) -> bool {
    let mut prev_lower = false;
    w.chars().any(|c| {
        let camel = prev_lower && c.is_uppercase();
        prev_lower = c.is_lowercase();
        camel
    })
}

/// `A380`, `B747`: a letter or two and three or more digits name a product
/// model, not an organization (`G7`, `G20` are two digits at most).
fn is_model_number(w: &str) -> bool {
    // Capitals and digits are one byte each, and any other byte fails the
    // test: a byte scan decides it. A model number ends in a digit, which
    // hardly any name does: that one test turns away nearly every word
    // asked, where counting the leading capitals and testing their number
    // branched on the shape of each word ("Smith", "NATO", "Jan").
    let b = w.as_bytes();
    if !b.last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    (1..=2).contains(&letters)
        && b.len() - letters >= 3
        && b[letters..].iter().all(u8::is_ascii_digit)
}

/// Has a letter and no lower-case letter (`NATO`, `U.S.`).
fn is_upper(w: &str) -> bool {
    // Most words asked about are capitalized names, with a small letter
    // second: an ASCII lower-case byte is a lower-case char in any text,
    // and testing for one first stops there before the ASCII scan.
    let b = w.as_bytes();
    if b.iter().any(u8::is_ascii_lowercase) {
        return false;
    }
    if w.is_ascii() {
        return b.iter().any(u8::is_ascii_alphabetic);
    }
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// `J.` or `W.`
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// Initials of a multi-word name, number words as digits, skipping
/// function words: `North Atlantic Treaty Organization` → `NATO`,
/// `Group of Seven` → `G7`.
pub(crate) fn initials(name: &str) -> Option<String> {
    let mut out = String::new();
    push_initials(&mut out, name).then_some(out)
}

/// Appends the [`initials`] of `name` to `out`, if it has two words or
/// more (whether it has; nothing is appended otherwise). The corpus fold
/// writes them into its key buffer: a string each, and the generic split
/// on two chars, were most of their cost.
pub(crate) fn push_initials(out: &mut String, name: &str) -> bool {
    let start = out.len();
    let mut words = 0;
    for w in canon::split_space_hyphen(name).filter(|w| !w.is_empty()) {
        words += 1;
        match initial_of(w) {
            Some(Initial::Digits(d)) => out.push_str(d),
            Some(Initial::Word(w)) => {
                out.extend(w.chars().next().map(|c| c.to_ascii_uppercase()));
            }
            None => {}
        }
    }
    if words < 2 {
        out.truncate(start);
    }
    words >= 2
}

/// What a word of a name gives its [`initials`]: the digits of a number
/// word, or the word itself, whose first char (upper-cased) is its initial.
pub(crate) enum Initial<'a> {
    Digits(&'static str),
    Word(&'a str),
}

/// The [`Initial`] of a word of a name, `None` for a function word (which
/// gives none).
pub(crate) fn initial_of(w: &str) -> Option<Initial<'_>> {
    if matches!(w, "of" | "the" | "and" | "for" | "on" | "&") {
        return None;
    }
    Some(match NUMBERS.iter().find(|(n, _)| *n == w) {
        Some((_, d)) => Initial::Digits(d),
        None => Initial::Word(w),
    })
}

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;
