//! Small word-level helpers for attribution: a tokenizer that keeps byte
//! offsets and the closed vocabularies (cue verbs, titles, pronouns).

use std::borrow::{Borrow, Cow};
use std::cell::Cell;

use super::lex;
use crate::swar::{AlnumWindow, ascii_alnum_run};

/// A word or punctuation token with its byte range in the paragraph (32
/// bytes: its end is `start + text.len()`, not stored).
#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    /// What the first character is (the rules ask this of every token
    /// many times, so it is decided once). One field for both questions:
    /// a capital is a letter, so `is_word() && is_cap()` is one compare.
    first: First,
    /// The token's [`lex`] classes, looked up when first asked
    /// ([`UNCLASSED`] until then): the cue search reads a stretch's words
    /// once for every rule and quote that looks at them, and the name scan
    /// and the noun phrases read a capitalized run's words again. Most
    /// tokens are never asked, so they are not looked up as they are made.
    class: Cell<u8>,
}

/// [`Tok::class`] not looked up yet: the [`lex`] classes take the low four
/// bits, so no set of them is this.
const UNCLASSED: u8 = u8::MAX;
const _: () = assert!(lex::TITLE | lex::STOP | lex::ORG | lex::CUE < UNCLASSED);

/// Tokens are equal when their text, place and kind are: whether the
/// classes were looked up yet is no part of the token.
impl PartialEq for Tok<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.text, self.start, self.first) == (other.text, other.start, other.first)
    }
}

impl Eq for Tok<'_> {}

// Half a cache line: an article's tokens are read again by every quote's
// context.
const _: () = assert!(size_of::<Tok>() == 32);

impl<'a> Tok<'a> {
    /// The token [`next_token`] found in a stretch that starts at byte
    /// `from` of the paragraph.
    #[inline(always)]
    fn at(from: usize, found: Found<'a>) -> Tok<'a> {
        Tok {
            text: found.text,
            start: from + found.start,
            first: found.first,
            class: Cell::new(UNCLASSED),
        }
    }

    /// The [`lex`] classes of the text, looked up once per token.
    #[inline]
    pub fn class(&self) -> u8 {
        match self.class.get() {
            UNCLASSED => {
                let c = lex::class(self.text);
                self.class.set(c);
                c
            }
            c => c,
        }
    }

    /// Whether the text is a cue verb ([`is_cue`]).
    #[inline]
    pub fn is_cue(&self) -> bool {
        self.class() & lex::CUE != 0
    }

    /// Where the token ends in the paragraph.
    #[inline]
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Starts with a letter or digit.
    #[inline]
    pub fn is_word(&self) -> bool {
        !matches!(self.first, First::Other | First::Stop)
    }

    /// Is a sentence's last mark: `.`, `!`, `?` or `…` alone.
    #[inline]
    pub fn is_stop(&self) -> bool {
        self.first == First::Stop
    }

    /// Starts with an uppercase letter (so is a word).
    #[inline]
    pub fn is_cap(&self) -> bool {
        self.first == First::Upper
    }

    /// Starts with a letter or digit that is not uppercase.
    #[inline]
    pub fn is_lower_word(&self) -> bool {
        self.first == First::Alnum
    }

    pub fn lower(&self) -> String {
        lowercase(self.text)
    }

    /// [`Tok::lower`], borrowed when the text is already lowercase ASCII
    /// (most words): no copy to make.
    pub fn lower_cow(&self) -> Cow<'a, str> {
        let b = self.text.as_bytes();
        if b.iter().all(|&x| x.is_ascii() && !x.is_ascii_uppercase()) {
            Cow::Borrowed(self.text)
        } else {
            Cow::Owned(self.lower())
        }
    }
}

/// `s.to_lowercase()`; ASCII text, nearly all of it, is copied and
/// lowercased in place, which costs less than the general conversion.
pub fn lowercase(s: &str) -> String {
    let mut l = String::with_capacity(s.len());
    push_lowercase(&mut l, s);
    l
}

/// [`lowercase`] of `s` appended to `out`.
pub fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&s.to_lowercase());
    }
}

/// Splits `s[from..to]` into words (letters, digits and inner `'’.-`) and
/// single punctuation characters; whitespace is dropped.
pub fn tokens(s: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokens_into(s, from, to, &mut out);
    out
}

/// [`tokens`], appended to `out`.
pub fn tokens_into<'a>(s: &'a str, from: usize, to: usize, out: &mut Vec<Tok<'a>>) {
    let sub = &s[from..to];
    // The stretch is read forwards to its end: its words' runs are found
    // from masks of 64 bytes at a time.
    let mut runs = AlnumWindow::at(sub.as_bytes(), 0);
    let mut i = 0;
    while let Some(found) = next_token_by(sub, i, &mut runs) {
        i = found.end();
        out.push(Tok::at(from, found));
    }
}

/// [`tokens_into`] as far as the first sentence end: the tokens through
/// the first stop that [`ends_after_stop`] the token after it, which is
/// read but not kept. This is all a quote's context reads of the text after
/// the paragraph's last quote; the names scan reads the rest from the
/// stop on by the bytes ([`cap_windows`]).
pub fn first_sentence_into<'a>(s: &'a str, from: usize, to: usize, out: &mut Vec<Tok<'a>>) {
    let sub = &s[from..to];
    let mut runs = AlnumWindow::at(sub.as_bytes(), 0);
    let mut i = 0;
    let mut after_stop = false;
    while let Some(found) = next_token_by(sub, i, &mut runs) {
        i = found.end();
        let t = Tok::at(from, found);
        if after_stop && ends_after_stop(&t) {
            return;
        }
        after_stop = t.is_stop();
        out.push(t);
    }
}

/// Whether a stop followed by `next` ends its sentence: not before a
/// closing bracket, a comma or a lowercase word (`(R-Fla.) said`).
pub fn ends_after_stop(next: &Tok) -> bool {
    !matches!(next.text, ")" | "," | ";" | ":" | "]") && (!next.is_word() || next.is_cap())
}

/// The character at byte `i` of `s` (a char boundary) and its length.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// The character that ends at byte `i` of `s` (a char boundary) and its
/// length, decoded only when it is not ASCII.
#[inline]
fn char_before(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s[..i].chars().next_back()?;
    Some((c, c.len_utf8()))
}

/// What an ASCII byte is to the tokenizer; bytes of other characters are
/// [`NON_ASCII`] (the tokenizer tells them by value, before the table, and
/// decodes them).
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
/// `'`, `.` and `-`: inside a word when a letter or digit follows.
const INNER: u8 = 3;
/// Told apart from [`OTHER`] for [`one_word`], where a byte outside ASCII
/// before a capital may be part of a word.
const NON_ASCII: u8 = 4;

/// The class of every byte, as `char::is_whitespace` and
/// `char::is_alphanumeric` decide for ASCII.
const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            SPACE
        } else if matches!(c, b'\'' | b'.' | b'-') {
            INNER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// What a token's first character is: the rules ask [`Tok::is_word`] and
/// [`Tok::is_cap`] of every token, and the tokenizer knows the answer when
/// it finds the token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum First {
    /// Not a letter or digit, and not a sentence's last mark.
    Other,
    /// A sentence's last mark (`.`, `!`, `?`, `…`), which is not a letter
    /// or digit: the quote context looks for the last one before every
    /// quote, and this spares reading each token's text for it.
    Stop,
    /// A letter or digit, not uppercase.
    Alnum,
    /// An uppercase letter (every uppercase character is alphabetic).
    Upper,
}

impl First {
    /// The kind of an ASCII letter or digit `x`, with no branch to
    /// mispredict on a capital.
    #[inline(always)]
    fn of_ascii(x: u8) -> First {
        [First::Alnum, First::Upper][usize::from(x.is_ascii_uppercase())]
    }

    /// The kind of a one-byte token that is not a letter or digit, with no
    /// branch to mispredict on a stop.
    #[inline(always)]
    fn of_ascii_mark(x: u8) -> First {
        [First::Other, First::Stop][usize::from(matches!(x, b'.' | b'!' | b'?'))]
    }

    /// The kind of a letter or digit `c`.
    #[inline(always)]
    fn of_alnum(c: char) -> First {
        if c.is_uppercase() {
            First::Upper
        } else {
            First::Alnum
        }
    }
}

/// A token as the tokenizer finds it in a stretch: where it starts there,
/// its text and what its first character is.
#[derive(Clone, Copy)]
struct Found<'s> {
    start: usize,
    text: &'s str,
    first: First,
}

impl Found<'_> {
    /// Where the token ends in the stretch.
    #[inline(always)]
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The first token of `sub` at or after `i` (a char boundary, where no
/// token is under way). Every token is looked at byte by byte, so ASCII
/// is classified by table and only other characters are decoded.
// Inlined into the loops that call it once per token.
#[inline(always)]
fn next_token(sub: &str, i: usize) -> Option<Found<'_>> {
    next_token_by(sub, i, &mut ByWord)
}

/// Where a run of ASCII letters and digits ends ([`ascii_alnum_run`]):
/// the tokenizer's one search, asked word by word where a few tokens are
/// read and from a window of masks where a whole stretch is.
trait AlnumRuns {
    fn run_end(&mut self, bytes: &[u8], i: usize) -> usize;
}

/// [`ascii_alnum_run`] itself, eight bytes at a time from each word on.
struct ByWord;

impl AlnumRuns for ByWord {
    #[inline(always)]
    fn run_end(&mut self, bytes: &[u8], i: usize) -> usize {
        ascii_alnum_run(bytes, i)
    }
}

impl AlnumRuns for AlnumWindow {
    #[inline(always)]
    fn run_end(&mut self, bytes: &[u8], i: usize) -> usize {
        AlnumWindow::run_end(self, bytes, i)
    }
}

/// [`next_token`], with the runs of letters and digits found by `runs`.
///
/// Slices the token's text where the bytes at both ends were just read: a
/// byte known to be ASCII there is a `char` boundary, so the common token
/// (ASCII at both ends) is sliced without the four boundary tests that
/// slicing the range afterwards took.
#[inline(always)]
fn next_token_by<'s>(sub: &'s str, mut i: usize, runs: &mut impl AlnumRuns) -> Option<Found<'s>> {
    let b = sub.as_bytes();
    // One space, the commonest gap between tokens, skipped without a
    // branch: a dispatch that saw a space and then a letter by turns at
    // one branch mispredicted often.
    i += usize::from(b.get(i) == Some(&b' '));
    // `rest` is the text from the token's first byte on.
    let (rest, mut end, first) = loop {
        let x = *b.get(i)?;
        // Bytes outside ASCII are told by their value, not their class, so
        // that the slices below know an ASCII byte is a boundary.
        if x >= 0x80 {
            let (c, len) = char_at(sub, i)?;
            if c.is_whitespace() {
                i += len;
                continue;
            } else if crate::uclass::is_alphanumeric(c) {
                break (&sub[i..], i + len, First::of_alnum(c));
            }
            let first = if c == '…' {
                First::Stop
            } else {
                First::Other
            };
            let text = &sub[i..i + len];
            return Some(Found {
                start: i,
                text,
                first,
            });
        }
        match CLASS[usize::from(x)] {
            SPACE => i += 1,
            ALNUM => break (&sub[i..], i + 1, First::of_ascii(x)),
            _ => {
                let (text, first) = (&sub[i..i + 1], First::of_ascii_mark(x));
                return Some(Found {
                    start: i,
                    text,
                    first,
                });
            }
        }
    };
    loop {
        end = runs.run_end(b, end);
        let Some(&x) = b.get(end) else { break };
        let (d, dlen) = if x >= 0x80 {
            match char_at(sub, end) {
                Some((d, dlen)) if crate::uclass::is_alphanumeric(d) => {
                    end += dlen;
                    continue;
                }
                Some((d @ '’', dlen)) => (d, dlen),
                _ => break,
            }
        } else {
            match CLASS[usize::from(x)] {
                ALNUM => {
                    end += 1;
                    continue;
                }
                INNER => (x as char, 1),
                // The commonest end: an ASCII byte after the word.
                _ => {
                    let text = &rest[..end - i];
                    return Some(Found {
                        start: i,
                        text,
                        first,
                    });
                }
            }
        };
        // Inner punctuation only when a letter follows.
        if char_at(sub, end + dlen).is_some_and(|(a, _)| crate::uclass::is_alphanumeric(a)) {
            end += dlen;
        } else {
            // Every abbreviation but `vs` opens with a capital: most
            // words before a period are turned away without the list.
            let word = &rest[..end - i];
            if d == '.' && (first == First::Upper || word == "vs") && is_abbrev(word) {
                end += 1;
            }
            break;
        }
    }
    let text = &rest[..end - i];
    Some(Found {
        start: i,
        text,
        first,
    })
}

/// The first byte at or after `i` that may open a capitalized token: an
/// ASCII capital or the lead byte of a non-ASCII character. Eight bytes at
/// a time, as [`crate::swar`] does: lowercase text is most of it.
#[inline]
fn cap_lead(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(chunk) = b.get(i..i + 8) {
        let hit =
            crate::swar::cap_lead_bytes(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        if hit != 0 {
            return Some(i + (hit.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|&x| x.is_ascii_uppercase() || x >= 0xC0)
        .map(|k| i + k)
}

/// Whether a token is a possessor (`Iraq's`): a capitalized run ends after
/// it ([`read_run`]).
#[inline]
pub fn is_possessor(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// The tokens after a capitalized run's first token, as [`read_run`] reads
/// them: made already ([`super::names::cap_runs`]) or as they are read
/// ([`cap_windows`]).
pub trait RunToks<'a> {
    type Item: Borrow<Tok<'a>>;
    /// The next token, none at the end of the stretch.
    fn next_tok(&mut self) -> Option<Self::Item>;
    /// Takes a token of the run (each after the first, in order).
    fn keep(&mut self, t: Self::Item);
}

/// The rules of a capitalized run, for every reader of runs: from a
/// capital, on through capitals, and through a lowercase name particle
/// (`de`, `van`) or `of` when a capital follows it; a possessor (`Iraq's`)
/// ends the run.
///
/// `first` is the text of the run's first token; `toks` gives the tokens
/// after it and keeps the run's. Returns the token after the run, none at
/// the end. A particle or `of` with no capital after it is the token after
/// the run; the token read after it is dropped, as the callers go on from
/// places, not from how many tokens were read.
#[inline(always)]
pub fn read_run<'a, R: RunToks<'a>>(first: &str, toks: &mut R) -> Option<R::Item> {
    let mut possessor = is_possessor(first);
    loop {
        let t = toks.next_tok()?;
        let tok = t.borrow();
        if possessor {
            return Some(t);
        }
        if tok.is_cap() {
            possessor = is_possessor(tok.text);
            toks.keep(t);
            continue;
        }
        if continues_run(tok.text)
            && let Some(c) = toks.next_tok().filter(|c| c.borrow().is_cap())
        {
            possessor = is_possessor(c.borrow().text);
            toks.keep(t);
            toks.keep(c);
            continue;
        }
        return Some(t);
    }
}

/// [`cap_windows`]' tokens for [`read_run`]: tokenized from `pos` on, the
/// run's kept in the window.
struct WindowRun<'w, 'a> {
    sub: &'a str,
    from: usize,
    pos: usize,
    win: &'w mut Vec<Tok<'a>>,
}

impl<'a> RunToks<'a> for WindowRun<'_, 'a> {
    type Item = Tok<'a>;

    #[inline(always)]
    fn next_tok(&mut self) -> Option<Tok<'a>> {
        let n = next_token(self.sub, self.pos)?;
        self.pos = n.end();
        Some(Tok::at(self.from, n))
    }

    #[inline(always)]
    fn keep(&mut self, t: Tok<'a>) {
        self.win.push(t);
    }
}

/// The capitalized runs of the tokens of `s[from..to]`, for the name scan of
/// text no quote rule reads: calls `f(win, a, b)` for each run that may
/// name someone (a run of one title or stop word that the bytes around it
/// settle, see [`one_word`], is passed over), `win[a..b]`
/// being the run that [`super::names::cap_runs`] finds in
/// `tokens(s, from, to)`, and `win` a slice of those tokens that holds the
/// token before the run (`a` is 1; 0 when the run opens the stretch) and
/// the token after it (`b < win.len()`; none at the end of the stretch).
/// The runs are found here, as the tokens are read ([`read_run`], which
/// `cap_runs` reads by too), so that the name scan need not find them again
/// in the window.
///
/// Most of a paragraph is lowercase words, which this reads a byte at a
/// time without tokenizing: a capitalized token starts with an ASCII
/// capital or a non-ASCII character, and only there is text tokenized, from
/// the start of the whitespace-free chunk that holds the token before (a
/// point where no token is under way, as is the start of a token found
/// before). `win` is scratch space, kept by the caller across calls.
pub fn cap_windows<'a>(
    s: &'a str,
    from: usize,
    to: usize,
    win: &mut Vec<Tok<'a>>,
    mut f: impl FnMut(&[Tok<'a>], usize, usize),
) {
    let sub = &s[from..to];
    let b = sub.as_bytes();
    // The search goes on from `at`; `sync` is the start of the last token
    // tokenized (no token is under way there), at or before `at`.
    let (mut at, mut sync) = (0usize, 0usize);
    while let Some(i) = cap_lead(b, at) {
        if b[i] >= 0x80 {
            // A lead byte: a char boundary.
            let Some(c) = sub[i..].chars().next() else {
                break;
            };
            if !c.is_uppercase() {
                at = i + c.len_utf8();
                continue;
            }
        }
        // A one-word run of a title or a stop word (`The`, `He` opening a
        // sentence) names no one, so the scan drops it: when the bytes
        // around it show that, it is passed over with no window.
        let known = if b[i] < 0x80 {
            match one_word(sub, i) {
                OneWord::NoName(a, z) => {
                    (sync, at) = (a, z);
                    continue;
                }
                OneWord::Class(c) => Some(c),
                OneWord::Unknown => None,
            }
        } else {
            None
        };
        // Back over the whitespace before `i`, then over the chunk before,
        // but not past `sync`, where tokenizing starts anyway: a long
        // stretch without whitespace (`(A)(B)(C)…`, base64) would otherwise
        // be walked back over once per capital in it.
        let mut r = i;
        while r > sync
            && let Some((_, n)) = char_before(sub, r).filter(|(c, _)| c.is_whitespace())
        {
            r -= n;
        }
        while r > sync
            && let Some((_, n)) = char_before(sub, r).filter(|(c, _)| !c.is_whitespace())
        {
            r -= n;
        }
        let mut pos = r.max(sync);
        win.clear();
        let found = loop {
            let Some(t) = next_token(sub, pos) else {
                break None;
            };
            pos = t.end();
            if t.end() <= i {
                win.clear();
                win.push(Tok::at(from, t));
                continue;
            }
            break Some(t);
        };
        let Some(t) = found else { break };
        if t.start != i {
            // `i` is inside a token that starts with no capital (`iPhone`);
            // the search goes on after it (from it, were it after `i`).
            sync = t.start;
            at = if t.start > i { t.start } else { t.end() };
            continue;
        }
        let first = win.len();
        let head = Tok::at(from, t);
        if let Some(c) = known {
            // The head's classes, looked up by `one_word`, are not
            // looked up again.
            head.class.set(c);
        }
        let head_text = head.text;
        win.push(head);
        let mut run = WindowRun {
            sub,
            from,
            pos: t.end(),
            win,
        };
        let after = read_run(head_text, &mut run);
        // Where the run's last token starts, in `sub`.
        let last = win[win.len() - 1].start - from;
        let after = after.map(|n| {
            let (a, cap) = (n.start - from, n.is_cap());
            let z = a + n.text.len();
            win.push(n);
            (a, z, cap)
        });
        let end = win.len() - usize::from(after.is_some());
        f(win, first, end);
        match after {
            // A capital after a possessor opens the next run, with the
            // run's last token before it.
            Some((a, _, true)) => (sync, at) = (last, a),
            Some((a, z, false)) => (sync, at) = (a, z),
            None => break,
        }
    }
}

/// What [`one_word`] tells of the run that opens at an ASCII capital.
#[derive(Debug, PartialEq, Eq)]
enum OneWord {
    /// A run of one word that is a title or a stop word: the scan files no
    /// name for it ([`super::names::Written::scan_run`]). The token after
    /// it starts at the first byte and is not capitalized; the second is
    /// past its first byte and not past its end, where [`cap_windows`] may
    /// go on searching (a capital found within it sends the search back to
    /// its start, as after any token).
    NoName(usize, usize),
    /// A run of one word, whose [`lex`] classes these are.
    Class(u8),
    /// Not told by the bytes alone: the window reads the run.
    Unknown,
}

/// The run that opens with the ASCII capital at byte `i` of `sub`, when
/// the bytes settle the tokens around it: a token starts at `i` (it opens
/// the text or follows an ASCII space or punctuation mark that is no part
/// of a word), the word is ASCII letters and digits up to an ASCII space
/// (so no possessor), and the next token starts with a lowercase ASCII
/// letter or a digit and is not `of` or a name particle, so the run ends
/// with its first word ([`read_run`]). Its classes are looked up only
/// then, as the scan would look them up for a run of one word.
#[inline]
fn one_word(sub: &str, i: usize) -> OneWord {
    let b = sub.as_bytes();
    let class = |x: u8| CLASS[usize::from(x)];
    if i > 0 && !matches!(class(b[i - 1]), SPACE | OTHER) {
        return OneWord::Unknown;
    }
    let j = crate::swar::ascii_alnum_run(b, i + 1);
    let mut a = j;
    while b.get(a).is_some_and(|&x| class(x) == SPACE) {
        a += 1;
    }
    // No space after the word (`j == a`), or nothing after the spaces.
    let Some(&x) = b.get(a).filter(|_| a > j) else {
        return OneWord::Unknown;
    };
    if class(x) != ALNUM || x.is_ascii_uppercase() {
        return OneWord::Unknown;
    }
    // The next token's first letters and digits: were it `of` or a
    // particle, it would be all of them (a particle has no inner mark).
    let z = crate::swar::ascii_alnum_run(b, a + 1);
    if continues_run(&sub[a..z]) {
        return OneWord::Unknown;
    }
    let c = lex::class(&sub[i..j]);
    if lex::names_no_one(c) {
        OneWord::NoName(a, z)
    } else {
        OneWord::Class(c)
    }
}

/// The tokens of a paragraph's text outside its quotes, each stretch
/// between quotes tokenized on its own, so that the tokens of any such
/// stretch are a slice of these: the paragraph is tokenized once for the
/// names and for every quote's context. The stretch after the last quote
/// is tokenized only through its first sentence end
/// ([`first_sentence_into`]), as far as a context reads. The tokens of all
/// the paragraphs of an article share one buffer ([`Outside::tokenize`]).
#[derive(Debug)]
pub struct Outside<'t, 'a> {
    toks: &'t [Tok<'a>],
    /// Where each stretch's tokens start in `toks`, and the end: stretch
    /// `j` runs from the close of quote `j - 1` to the open of quote `j`.
    /// Empty when the quoted ranges overlap, so that stretches do not
    /// follow the quotes' numbers.
    starts: &'t [usize],
}

impl<'t, 'a> Outside<'t, 'a> {
    /// Appends to `out` the tokens of the stretches of `p` between the
    /// sorted quoted byte ranges `quoted` (mark to mark; the last stretch
    /// through its first sentence end), and to `starts`
    /// where each stretch starts (counted from the paragraph's first token)
    /// when the ranges are disjoint, for [`Outside::of`] the slices they
    /// fill.
    pub fn tokenize(
        p: &'a str,
        quoted: &[(usize, usize)],
        out: &mut Vec<Tok<'a>>,
        starts: &mut Vec<usize>,
    ) {
        // News prose has a token every six bytes or so.
        out.reserve(p.len() / 5 + 1);
        let (base, mark) = (out.len(), starts.len());
        let mut disjoint = true;
        let mut from = 0;
        for &(qs, qe) in quoted {
            starts.push(out.len() - base);
            if qs > from {
                tokens_into(p, from, qs, out);
            }
            disjoint &= qs >= from;
            from = from.max(qe);
        }
        // After the last quote, its context reads no further than the
        // first sentence end, and a fifth of the tokens came after it.
        starts.push(out.len() - base);
        if p.len() > from {
            first_sentence_into(p, from, p.len(), out);
        }
        starts.push(out.len() - base);
        if !disjoint {
            starts.truncate(mark);
        }
    }

    /// [`Outside::tokenize`] for each paragraph of `paras` with quotes
    /// (`quoted`, one list per paragraph), into one shared buffer; `bounds`
    /// gets each paragraph's token and start ranges, for [`Outside::all`].
    pub fn tokenize_all(
        paras: &[(&'a str, usize)],
        quoted: &[&[(usize, usize)]],
        toks: &mut Vec<Tok<'a>>,
        starts: &mut Vec<usize>,
        bounds: &mut Vec<(usize, usize, usize, usize)>,
    ) {
        for ((p, _), q) in paras.iter().zip(quoted) {
            let (from, sfrom) = (toks.len(), starts.len());
            if !q.is_empty() {
                Outside::tokenize(p, q, toks, starts);
            }
            bounds.push((from, toks.len(), sfrom, starts.len()));
        }
    }

    /// Each paragraph's view of what [`Outside::tokenize_all`] filled.
    pub fn all(
        toks: &'t [Tok<'a>],
        starts: &'t [usize],
        bounds: &[(usize, usize, usize, usize)],
    ) -> Vec<Outside<'t, 'a>> {
        bounds
            .iter()
            .map(|&(a, b, c, d)| Outside::of(&toks[a..b], &starts[c..d]))
            .collect()
    }

    /// The tokens and stretch starts [`Outside::tokenize`] appended for one
    /// paragraph; none for a paragraph without quotes: no quote rule reads
    /// its tokens, and the name scan reads it through [`cap_windows`].
    pub fn of(toks: &'t [Tok<'a>], starts: &'t [usize]) -> Outside<'t, 'a> {
        Outside { toks, starts }
    }

    /// The tokens of stretch `j`, which runs from byte `from` (the close
    /// of quote `j - 1`, or 0) to `to` (the open of quote `j`, or the end):
    /// [`Outside::range`] without its two searches.
    pub fn stretch(&self, j: usize, from: usize, to: usize) -> &'t [Tok<'a>] {
        match self.starts.get(j..j + 2) {
            Some(&[a, b]) => &self.toks[a..b],
            _ => self.range(from, to),
        }
    }

    /// `tokens(p, from, to)` when `from` and `to` bound a stretch between
    /// quotes (or, for `from`, any point where no token is under way); of
    /// the last stretch, as far as its first sentence end.
    pub fn range(&self, from: usize, to: usize) -> &'t [Tok<'a>] {
        let a = self.toks.partition_point(|t| t.start < from);
        let b = a + self.toks[a..].partition_point(|t| t.start < to);
        &self.toks[a..b]
    }

    /// [`Outside::range`]`(from, to)` when no token runs across `from`,
    /// none when one does ([`Outside::inside_token`]), where `to` is the
    /// open of quote `j`: one search where the two took three, as the
    /// first token ending after `from` is the first starting at or after
    /// it when none runs across it, and none for the end when the
    /// stretches are numbered (the tokens before quote `j` are those of
    /// stretches `0..=j`).
    pub fn up_to(&self, from: usize, j: usize, to: usize) -> Option<&'t [Tok<'a>]> {
        // A window from the paragraph's start (a quote near it) needs no
        // search: no token ends at or before byte 0.
        let k = if from == 0 {
            0
        } else {
            self.toks.partition_point(|t| t.end() <= from)
        };
        if self.toks.get(k).is_some_and(|t| t.start < from) {
            return None;
        }
        let b = match self.starts.get(j + 1) {
            Some(&b) => b,
            None => k + self.toks[k..].partition_point(|t| t.start < to),
        };
        Some(&self.toks[k..b])
    }

    /// Whether a token runs across byte `i` (starts before it, ends after).
    pub fn inside_token(&self, i: usize) -> bool {
        let k = self.toks.partition_point(|t| t.end() <= i);
        self.toks.get(k).is_some_and(|t| t.start < i)
    }

    /// Where the tokens of `p[from..seg_end]` ([`Outside::extend_cut`])
    /// come to agree with the stretch's own: `from` when no token runs
    /// across it, else the end of the first of them after which none is
    /// under way. What `extend_cut` appends from there on is
    /// `self.range` of it.
    pub fn cut_end(&self, p: &str, from: usize, seg_end: usize) -> usize {
        let mut pos = from;
        if self.inside_token(from) {
            let sub = &p[from..seg_end];
            while let Some(found) = next_token(sub, pos - from) {
                pos = from + found.end();
                if !self.inside_token(pos) {
                    break;
                }
            }
        }
        pos
    }

    /// Appends to `out` what `tokens(p, from, seg_end)` followed by the
    /// stretches up to `to` gives, where `from` lies in the stretch that
    /// ends at `seg_end` but may cut a word. The cut word is tokenized
    /// afresh until a token ends where the stretch's own tokens have no
    /// token under way; from there on both tokenizations agree.
    pub fn extend_cut(
        &self,
        p: &'a str,
        from: usize,
        seg_end: usize,
        to: usize,
        out: &mut Vec<Tok<'a>>,
    ) {
        let mut pos = from;
        if self.inside_token(from) {
            let sub = &p[from..seg_end];
            while let Some(found) = next_token(sub, pos - from) {
                pos = from + found.end();
                out.push(Tok::at(from, found));
                if !self.inside_token(pos) {
                    break;
                }
            }
        }
        out.extend_from_slice(self.range(pos, to));
    }
}

/// Abbreviations whose period does not end a sentence. Every one but `vs`
/// opens with a capital, and `next_token` asks only such words and `vs`:
/// a listed word that opens otherwise must be named there too.
pub fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Adm"
            | "Prof"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "Capt"
            | "Maj"
            | "Cmdr"
            | "Atty"
            | "Supt"
            | "Insp"
            | "No"
            | "U.S"
            | "U.K"
            | "U.N"
            | "D.C"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "vs"
            | "Pres"
            | "Amb"
            | "Mt"
            | "Ft"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
    ) || (w.len() <= 5 && w.chars().all(|c| c.is_uppercase() || c == '.'))
}

/// Cue verbs that report speech or writing (lowercase, inflected forms).
#[inline]
pub fn is_cue(w: &str) -> bool {
    lex::class(w) & lex::CUE != 0
}

/// The cue verbs of [`is_cue`].
pub(super) const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "adding",
    "stressed",
    "stresses",
    "stressing",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "emphasizing",
    "noted",
    "notes",
    "noting",
    "warned",
    "warns",
    "warning",
    "announced",
    "announces",
    "announcing",
    "wrote",
    "writes",
    "writing",
    "explained",
    "explains",
    "explaining",
    "asked",
    "asks",
    "asking",
    "replied",
    "replies",
    "replying",
    "insisted",
    "insists",
    "insisting",
    "argued",
    "argues",
    "arguing",
    "claimed",
    "claims",
    "claiming",
    "declared",
    "declares",
    "declaring",
    "continued",
    "continues",
    "recalled",
    "recalls",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "stated",
    "states",
    "remarked",
    "remarks",
    "observed",
    "observes",
    "commented",
    "comments",
    "responded",
    "responds",
    "answered",
    "answers",
    "tweeted",
    "tweets",
    "posted",
    "suggested",
    "suggests",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "urged",
    "urges",
    "urging",
    "concluded",
    "concludes",
    "confirmed",
    "confirms",
    "complained",
    "complains",
    "joked",
    "jokes",
    "quipped",
    "quips",
    "shouted",
    "yelled",
    "conceded",
    "concedes",
    "countered",
    "counters",
    "mused",
    "boasted",
    "boasts",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "testified",
    "assured",
    "assures",
    "underlined",
    "underscored",
    "highlighted",
    "expressed",
    "reiterated",
    "reiterates",
    "demanded",
    "demands",
    "charged",
    "charges",
    "alleged",
    "alleges",
    "lamented",
    "laments",
    "proclaimed",
    "proclaims",
    "exclaimed",
    "whispered",
    "chanted",
    "cautioned",
    "cautions",
    "reported",
    "reports",
    "thundered",
    "snapped",
    "scoffed",
    "interjected",
    "retorted",
    "declined",
    "described",
    "describes",
    "called",
    "calls",
    "wondered",
    "asserted",
    "asserts",
    "advised",
    "acknowledging",
    "tweeting",
    "recounted",
    "recounts",
    "believes",
    "believed",
    "thinks",
    "thought",
    "insist",
    "argue",
    "claim",
    "warn",
    "write",
    "agreed",
    "agrees",
    "pointed",
    "went",
    "consider",
    "considers",
    "read",
    "reads",
    "reacted",
];

/// Verbs among the cues that only report speech in a fixed phrase or when
/// their object is a quote; they never take a subject after them.
pub fn is_weak_cue(w: &str) -> bool {
    matches!(
        w,
        "believes"
            | "believed"
            | "thinks"
            | "thought"
            | "described"
            | "describes"
            | "called"
            | "calls"
            | "pointed"
            | "went"
            | "consider"
            | "considers"
            | "expressed"
            | "reported"
            | "reports"
            | "agreed"
            | "agrees"
            | "declined"
    )
}

/// Words that may stand between a subject and its cue verb.
pub fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "then"
            | "again"
            | "further"
            | "previously"
            | "recently"
            | "once"
            | "has"
            | "had"
            | "have"
            | "was"
            | "is"
            | "were"
            | "would"
            | "will"
            | "reportedly"
            | "repeatedly"
            | "publicly"
            | "earlier"
            | "already"
            | "just"
            | "often"
            | "simply"
            | "flatly"
            | "bluntly"
            | "quickly"
            | "angrily"
            | "proudly"
            | "firmly"
            | "frankly"
            | "openly"
            | "privately"
            | "told"
            | "explicitly"
            | "clearly"
            | "tweeting"
            | "famously"
            | "went"
            | "even"
            | "still"
            | "did"
            | "does"
            | "not"
            | "never"
            | "personally"
            | "specifically"
            | "directly"
            | "subsequently"
            | "finally"
            | "now"
    )
}

/// Subject pronouns that can name a speaker.
pub fn pronoun(w: &str) -> Option<Pron> {
    match w {
        // `according to him`; `her` is left out, since it is also the
        // possessive that opens a description (`her lawyers said`).
        "he" | "He" | "him" => Some(Pron::He),
        "she" | "She" => Some(Pron::She),
        "they" | "They" | "we" | "We" | "I" | "you" | "You" | "it" | "It" => Some(Pron::Other),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pron {
    He,
    She,
    Other,
}

/// Determiners that open a descriptive noun phrase.
pub fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "his"
            | "His"
            | "her"
            | "Her"
            | "its"
            | "Its"
            | "their"
            | "Their"
            | "one"
            | "One"
            | "another"
            | "Another"
            | "some"
            | "Some"
            | "many"
            | "Many"
            | "two"
            | "several"
            | "Several"
            | "my"
            | "My"
            | "our"
            | "Our"
            | "your"
            | "Your"
            | "this"
            | "This"
    )
}

/// Title words that precede a name (`Foreign Minister`, `Sen.`) or head a
/// description (`the minister`).
#[inline]
pub fn is_title(w: &str) -> bool {
    lex::class(w) & lex::TITLE != 0
}

/// Title words, lowercased.
pub(super) const TITLES: &[&str] = &[
    "acting",
    "adm",
    "admiral",
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "assemblyman",
    "assemblywoman",
    "attorney",
    "auditor",
    "billionaire",
    "bishop",
    "businessman",
    "businesswoman",
    "candidate",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "dame",
    "defence",
    "defense",
    "democratic",
    "deputy",
    "director",
    "dr",
    "economy",
    "emir",
    "envoy",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "founder",
    "gen",
    "general",
    "gop",
    "gov",
    "governor",
    "head",
    "health",
    "hopeful",
    "host",
    "interior",
    "judge",
    "justice",
    "king",
    "lady",
    "lawmaker",
    "leader",
    "legislator",
    "lieutenant",
    "lord",
    "lt",
    "major",
    "majority",
    "manager",
    "marshal",
    "mayor",
    "mep",
    "minister",
    "minority",
    "mp",
    "mr",
    "mrs",
    "ms",
    "nominee",
    "officer",
    "pollster",
    "pope",
    "premier",
    "president",
    "presidential",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rep",
    "representative",
    "republican",
    "rev",
    "reverend",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sheriff",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "strategist",
    "sultan",
    "surgeon",
    "treasurer",
    "u.s",
    "u.s.",
    "us",
    "vice",
    "whip",
];

/// Sentence-initial or function words that are capitalized without being
/// part of a name, and the month names.
#[inline]
pub fn is_stop_cap(w: &str) -> bool {
    lex::class(w) & lex::STOP != 0
}

/// The stop words, then the month and weekday names.
pub(super) const STOP_ALL: [&str; STOP_CAPS.len() + 12 + 7] = {
    use crate::parse::date::{MONTH_NAMES, WEEKDAY_NAMES, concat_words};
    concat_words(&[STOP_CAPS, &MONTH_NAMES, &WEEKDAY_NAMES])
};

/// Sentence-initial or function words that are capitalized without being
/// part of a name (the month names are added to them).
const STOP_CAPS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "If",
    "As",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "For",
    "With",
    "From",
    "To",
    "Of",
    "By",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "According",
    "Asked",
    "Speaking",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "Then",
    "Now",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Also",
    "Not",
    "No",
    "Yes",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Today",
    "Although",
    "Though",
    "Because",
    "Even",
    "Just",
    "Only",
    "Instead",
    "Indeed",
    "Despite",
    "During",
    "Under",
    "Over",
    "Among",
    "Like",
    "Unlike",
    "Answering",
    "Responding",
    "Addressing",
    "Told",
    "Said",
    "Each",
    "Every",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Few",
    "Several",
    "Other",
    "Others",
    "Another",
    "One",
];

/// Whether a lower-case word carries a capitalized run on to the next
/// capital (`Bank of England`, `Ursula von der Leyen`).
pub fn continues_run(w: &str) -> bool {
    w == "of" || is_name_particle(w)
}

/// Lowercase words allowed inside a name (`Charles de Gaulle`). (Every
/// particle is ASCII letters: [`one_word`] reads a word that far to test
/// it.)
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van" | "von" | "der" | "da" | "di" | "bin" | "al" | "la" | "le" | "del"
    )
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// The bytes around a capital settle a run of one word only where no
    /// rule of the tokens or of the runs could make it anything else.
    #[test]
    fn one_word_runs_told_by_the_bytes() {
        let at = |s: &str| one_word(s, s.find(|c: char| c.is_ascii_uppercase()).unwrap_or(0));
        // A stop word or a title opening a sentence, before a lowercase word
        // or a digit: the token after starts at the first byte given.
        assert_eq!(at("The company"), OneWord::NoName(4, 11));
        assert_eq!(at("x. He  said"), OneWord::NoName(7, 11));
        assert_eq!(at("(Minister of"), OneWord::Unknown);
        assert_eq!(at("(Minister 7x"), OneWord::NoName(10, 12));
        assert_eq!(at("The e.g. rule"), OneWord::NoName(4, 5));
        // A name: its classes, for the window to keep.
        assert_eq!(at("Smith said"), OneWord::Class(lex::class("Smith")));
        // The run may go on (a capital, `of` or a particle before a
        // capital), or the tokens are not plain.
        for s in [
            "The White House",
            "The de Gaulle",
            "The van",
            "The of",
            "The",
            "The ",
            "The\u{a0}company",
            "The’s company",
            "The's company",
            "The-company",
            "x.The company",
            "éThe company",
            "The. company",
            "The Émile",
            "The élan",
        ] {
            assert_eq!(at(s), OneWord::Unknown, "{s}");
        }
    }

    #[test]
    fn every_title_is_found() {
        assert!(TITLES.len() > 100);
        for w in TITLES {
            assert!(is_title(&w.to_uppercase()), "{w}");
            assert!(is_title(&format!("{w}.")), "{w}");
        }
        // Kelvin sign: lowercases to an ASCII `k`.
        assert!(is_title("\u{212a}ing"));
    }

    #[test]
    fn every_stop_word_is_found() {
        for w in STOP_ALL {
            assert!(is_stop_cap(w), "{w}");
            assert!(!is_stop_cap(&w.to_lowercase()), "{w}");
            assert!(!is_stop_cap(&format!("{w}s")) || is_stop_cap_reference(&format!("{w}s")));
        }
        assert!(is_stop_cap("May") && is_stop_cap("The") && !is_stop_cap("Smith"));
    }

    /// The name scan asks `is_cue` only of lowercase words
    /// ([`Tok::is_lower_word`]), which holds only if every cue verb opens
    /// with a lowercase letter: a capitalized or punctuation token could
    /// otherwise be one.
    #[test]
    fn every_cue_is_a_lowercase_word() {
        for w in CUES {
            assert!(is_cue(w), "{w}");
            let t = tokens(w, 0, w.len());
            assert!(t[0].is_lower_word(), "{w}");
        }
        for w in ["Said", "SAID", ",", "—", "’said", "_said"] {
            assert!(!is_cue(w), "{w}");
        }
    }

    /// A token's text is its whole range, whatever ends it: an ASCII byte,
    /// a character outside ASCII, an inner mark with no letter after it,
    /// an abbreviation's period or the end of the stretch, from a first
    /// character in or outside ASCII.
    #[test]
    fn token_texts_span_their_ranges_at_every_kind_of_end() {
        let cases: [(&str, &[&str]); 9] = [
            ("ab cd", &["ab", "cd"]),
            ("ab, é", &["ab", ",", "é"]),
            ("éa’ b", &["éa", "’", "b"]),
            ("ab“cd”", &["ab", "“", "cd", "”"]),
            ("x- y.", &["x", "-", "y", "."]),
            ("Mr. X", &["Mr.", "X"]),
            ("U.S.A é…", &["U.S.A", "é", "…"]),
            ("ÜberNa ß", &["ÜberNa", "ß"]),
            ("a’b 7'", &["a’b", "7", "'"]),
        ];
        for (s, want) in cases {
            let got: Vec<&str> = tokens(s, 0, s.len()).iter().map(|t| t.text).collect();
            assert_eq!(got, want, "{s}");
            for t in tokens(s, 0, s.len()) {
                assert_eq!(&s[t.start..t.end()], t.text, "{s}");
            }
        }
    }

    proptest! {
        /// The oracle of the window of masks: a stretch's tokens are those
        /// the word-by-word runs give, on text with long words (runs across
        /// the 64-byte windows), inner marks and characters outside ASCII.
        #[test]
        fn window_tokens_are_the_word_by_word_tokens(
            s in "([a-zA-Z0-9]{1,90}|[ .,'’\\-]|U\\.S\\.|é|Éa|…){0,60}",
            cut in 0usize..400,
        ) {
            let from = super::super::attrib::char_floor(&s, cut);
            let mut got = Vec::new();
            tokens_into(&s, from, s.len(), &mut got);
            let sub = &s[from..];
            let mut want = Vec::new();
            let mut i = 0;
            while let Some(found) = next_token(sub, i) {
                i = found.end();
                want.push(Tok::at(from, found));
            }
            prop_assert_eq!(got, want);
        }
    }

    proptest! {
        #[test]
        fn is_stop_cap_matches_the_reference(
            w in "[A-Za-z.'’\u{212a}É-]{0,11}",
            pick in 0usize..300,
            cut in 0usize..12,
        ) {
            let w = match STOP_ALL.get(pick % (STOP_ALL.len() + 40)) {
                Some(s) if pick % 3 == 0 => s.to_string(),
                Some(s) if pick % 3 == 1 => format!("{}{w}", &s[..cut.min(s.len())]),
                Some(s) => s.to_uppercase(),
                None => w,
            };
            prop_assert_eq!(is_stop_cap(&w), is_stop_cap_reference(&w));
        }
    }

    proptest! {
        #[test]
        fn is_title_matches_lowercasing(
            w in "[A-Za-z.\\-\u{212a}\u{130}É]{0,20}",
            pick in 0usize..300,
        ) {
            let w = match TITLES.get(pick) {
                Some(t) if pick % 2 == 0 => t.to_uppercase(),
                Some(t) => format!("{t}{w}"),
                None => w,
            };
            let l = w.trim_end_matches('.').to_lowercase();
            prop_assert_eq!(is_title(&w), TITLES.contains(&l.as_str()));
        }
    }

    /// The stop-word test as first written (a `matches!` and the month
    /// names), to check the table in use against.
    fn is_stop_cap_reference(w: &str) -> bool {
        matches!(
            w,
            "The"
                | "A"
                | "An"
                | "In"
                | "On"
                | "At"
                | "But"
                | "And"
                | "Or"
                | "So"
                | "If"
                | "As"
                | "It"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "When"
                | "While"
                | "After"
                | "Before"
                | "Since"
                | "For"
                | "With"
                | "From"
                | "To"
                | "Of"
                | "By"
                | "He"
                | "She"
                | "They"
                | "We"
                | "I"
                | "You"
                | "His"
                | "Her"
                | "Their"
                | "Our"
                | "My"
                | "Your"
                | "According"
                | "Asked"
                | "Speaking"
                | "Meanwhile"
                | "However"
                | "Still"
                | "Yet"
                | "Then"
                | "Now"
                | "There"
                | "Here"
                | "What"
                | "Who"
                | "Why"
                | "How"
                | "Where"
                | "Also"
                | "Not"
                | "No"
                | "Yes"
                | "Last"
                | "Next"
                | "Earlier"
                | "Later"
                | "Today"
                | "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "Although"
                | "Though"
                | "Because"
                | "Even"
                | "Just"
                | "Only"
                | "Instead"
                | "Indeed"
                | "Despite"
                | "During"
                | "Under"
                | "Over"
                | "Among"
                | "Like"
                | "Unlike"
                | "Answering"
                | "Responding"
                | "Addressing"
                | "Told"
                | "Said"
                | "Each"
                | "Every"
                | "Some"
                | "Many"
                | "Most"
                | "All"
                | "Both"
                | "Few"
                | "Several"
                | "Other"
                | "Others"
                | "Another"
                | "One"
        ) || crate::parse::date::MONTH_NAMES.contains(&w)
    }

    /// A period after a word is the word's only when the word is an
    /// abbreviation, tested only for words that open with a capital and
    /// for `vs`, the one listed abbreviation that opens with none.
    #[test]
    fn abbreviation_periods_by_the_first_letter() {
        let s = "a vs. b said. Mr. X U.S. ab. AB. Ⅳ. ǅx. 7. No. no.";
        let got: Vec<&str> = tokens(s, 0, s.len()).iter().map(|t| t.text).collect();
        assert_eq!(
            got,
            [
                "a", "vs.", "b", "said", ".", "Mr.", "X", "U.S.", "ab", ".", "AB.", "Ⅳ.", "ǅx",
                ".", "7", ".", "No.", "no", "."
            ]
        );
        assert_eq!(
            got,
            reference(s, 0, s.len())
                .iter()
                .map(|t| t.0)
                .collect::<Vec<_>>()
        );
    }

    /// The tokenizer as first written (char by char), to check the one in
    /// use against.
    fn reference(s: &str, from: usize, to: usize) -> Vec<(&str, usize, usize)> {
        let mut out = Vec::new();
        let sub = &s[from..to];
        let mut it = sub.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        it.next();
                    } else if matches!(d, '\'' | '’' | '.' | '-') {
                        let after = sub[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(|a| a.is_alphanumeric()) {
                            end = j + d.len_utf8();
                            it.next();
                        } else if d == '.' && is_abbrev(&sub[i..j]) {
                            end = j + 1;
                            it.next();
                            break;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                out.push((&sub[i..end], from + i, from + end));
            } else {
                let end = i + c.len_utf8();
                out.push((&sub[i..end], from + i, from + end));
            }
        }
        out
    }

    /// How many of `toks` a sentence's tokens through its end are: up to
    /// the first stop followed by a token other than a closing bracket, a
    /// comma or a lowercase word (all of them when there is none).
    fn through_first_end(toks: &[Tok<'_>]) -> usize {
        toks.windows(2)
            .position(|w| {
                matches!(w[0].text, "." | "!" | "?" | "…")
                    && !matches!(w[1].text, ")" | "," | ";" | ":" | "]")
                    && !w[1]
                        .text
                        .starts_with(|c: char| c.is_alphanumeric() && !c.is_uppercase())
            })
            .map_or(toks.len(), |k| k + 1)
    }

    fn plain(toks: &[Tok<'_>]) -> Vec<(String, usize, usize, bool, bool)> {
        toks.iter()
            .map(|t| {
                let c = t.text.chars().next();
                // The flags must say what the first character says.
                assert_eq!(t.is_word(), c.is_some_and(char::is_alphanumeric));
                assert_eq!(t.is_cap(), c.is_some_and(char::is_uppercase));
                assert_eq!(t.is_stop(), matches!(t.text, "." | "!" | "?" | "…"));
                (
                    t.text.to_string(),
                    t.start,
                    t.end(),
                    t.is_word(),
                    t.is_cap(),
                )
            })
            .collect()
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "Mr", "Dr", "U.S", "vs", "AB", "word", "Ünï", "ǅx", "7", ".", "..", "'", "’", "-",
                "“", "”", "\"", " ", " ", "\u{a0}", "\n", ",", "é", "ß", "K", "\u{2163}", "The",
                "He", "of", "de", "(", "!", "?", "…", "x!y", "?!",
            ]),
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    /// Char boundaries of `s`, `n` of them picked by `picks`, sorted.
    fn cuts(s: &str, picks: &[usize]) -> Vec<usize> {
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        let mut v: Vec<usize> = picks.iter().map(|&k| bounds[k % bounds.len()]).collect();
        v.sort_unstable();
        v
    }

    proptest! {
        /// The borrowed lowercase is the copied one, and borrows only text
        /// that is already lowercase.
        #[test]
        fn lower_cow_is_lower(s in "[a-zA-Z .'\u{130}\u{212a}\u{3a3}Éé’-]{1,12}") {
            for t in tokens(&s, 0, s.len()) {
                let (cow, lower) = (t.lower_cow(), t.lower());
                prop_assert_eq!(cow.as_ref(), lower.as_str());
                if matches!(cow, Cow::Borrowed(_)) {
                    prop_assert_eq!(t.text, t.text.to_lowercase());
                }
            }
        }

        #[test]
        fn lowercase_is_to_lowercase(s in "[a-zA-Z .'\u{130}\u{212a}\u{3a3}É-]{0,12}") {
            prop_assert_eq!(lowercase(&s), s.to_lowercase());
        }

        #[test]
        fn tokens_match_the_reference(s in text(), picks in proptest::collection::vec(any::<usize>(), 2)) {
            let c = cuts(&s, &picks);
            let got: Vec<(&str, usize, usize)> =
                tokens(&s, c[0], c[1]).iter().map(|t| (t.text, t.start, t.end())).collect();
            prop_assert_eq!(got, reference(&s, c[0], c[1]));
            plain(&tokens(&s, 0, s.len()));
        }

        /// A token's kept classes are its text's, however often and in
        /// whatever order they are asked, and asking does not change the
        /// token.
        #[test]
        fn kept_classes_are_the_lookups(
            ws in proptest::collection::vec(
                prop::sample::select(vec![
                    "said", "Said", "told", "Minister", "minister", "Dr.", "The", "the",
                    "Party", "added", "word", "Ünï", "Mr", "president", ",", " ", " ",
                ]),
                0..30,
            ),
            order in proptest::collection::vec(any::<usize>(), 0..40),
        ) {
            let s = ws.concat();
            let toks = tokens(&s, 0, s.len());
            let fresh = toks.clone();
            for k in order.iter().chain(&order) {
                if let Some(t) = toks.get(k % toks.len().max(1)) {
                    prop_assert_eq!(t.class(), lex::class(t.text), "{}", t.text);
                    prop_assert_eq!(t.is_cue(), is_cue(t.text), "{}", t.text);
                }
            }
            for t in &toks {
                prop_assert_eq!(t.class(), lex::class(t.text), "{}", t.text);
            }
            prop_assert_eq!(toks, fresh);
        }

        /// The runs handed over are the runs `cap_runs` finds in all the
        /// tokens, in order, each in a slice of the tokens with the token
        /// before it and the token after it.
        #[test]
        fn cap_windows_are_the_runs_with_their_neighbours(s in text(), picks in proptest::collection::vec(any::<usize>(), 2)) {
            let c = cuts(&s, &picks);
            let all = tokens(&s, c[0], c[1]);
            let mut seen = Vec::new();
            cap_windows(&s, c[0], c[1], &mut Vec::new(), |win, a, b| {
                let k = all.iter().position(|t| Some(t) == win.first()).expect("a token");
                assert_eq!(&all[k..k + win.len()], win);
                seen.push((k + a, k + b, a, win.len() - b));
            });
            // Every run, but for some of one word that is a title or a stop
            // word, which the windows may pass over ([`one_word`]).
            let got: Vec<(usize, usize)> = seen.iter().map(|&(x, y, _, _)| (x, y)).collect();
            let mut left = got.iter().peekable();
            for run in super::super::names::cap_runs(&all) {
                if left.peek() == Some(&&run) {
                    left.next();
                } else {
                    let (x, y) = run;
                    prop_assert!(
                        y == x + 1 && lex::names_no_one(all[x].class()),
                        "run {:?} of {:?} missed", run, s
                    );
                }
            }
            prop_assert_eq!(left.next(), None);
            for &(x, y, before, after) in &seen {
                prop_assert_eq!(before, usize::from(x > 0));
                prop_assert_eq!(after, usize::from(y < all.len()));
            }
        }

        /// A stretch read by its number is the range between the quotes
        /// around it, as a quote's context asks for it: quotes disjoint,
        /// overlapping, or out of order (where the numbers no longer
        /// follow the stretches and the search answers).
        #[test]
        fn stretches_are_the_ranges_between_quotes(
            s in text(),
            picks in proptest::collection::vec(any::<usize>(), 0..6),
            lens in proptest::collection::vec(any::<usize>(), 6),
            sorted in any::<bool>(),
        ) {
            let mut opens = cuts(&s, &picks);
            if !sorted {
                opens.reverse();
            }
            let quoted: Vec<(usize, usize)> = opens
                .into_iter()
                .zip(&lens)
                .map(|(o, l)| {
                    let mut c = (o + l % 12).min(s.len());
                    while !s.is_char_boundary(c) {
                        c += 1;
                    }
                    (o, c)
                })
                .collect();
            let mut buf = Vec::new();
            let mut starts = Vec::new();
            Outside::tokenize(&s, &quoted, &mut buf, &mut starts);
            let out = Outside::of(&buf, &starts);
            for j in 0..=quoted.len() {
                let lo = if j > 0 { quoted[j - 1].1 } else { 0 };
                let hi = quoted.get(j).map_or(s.len(), |q| q.0);
                prop_assert_eq!(plain(out.stretch(j, lo, hi)), plain(out.range(lo, hi)));
            }
            // The tokens from any point up to a quote, as a quote's context
            // asks for the sentence before it.
            for (j, &(open, _)) in quoted.iter().enumerate() {
                for from in (0..=open).filter(|&i| s.is_char_boundary(i)) {
                    let want = (!out.inside_token(from)).then(|| plain(out.range(from, open)));
                    prop_assert_eq!(out.up_to(from, j, open).map(plain), want, "{} {}", j, from);
                }
            }
        }

        /// The tokens of the first sentence are all the tokens up to the
        /// first sentence end.
        #[test]
        fn first_sentence_is_the_tokens_through_the_first_end(
            s in text(),
            picks in proptest::collection::vec(any::<usize>(), 2),
        ) {
            let c = cuts(&s, &picks);
            let mut want = tokens(&s, c[0], c[1]);
            want.truncate(through_first_end(&want));
            let mut got = Vec::new();
            first_sentence_into(&s, c[0], c[1], &mut got);
            prop_assert_eq!(plain(&got), plain(&want));
        }

        #[test]
        fn outside_slices_match_fresh_tokenization(
            s in text(),
            picks in proptest::collection::vec(any::<usize>(), 1..8),
            from_pick in any::<usize>(),
        ) {
            // Quoted ranges from consecutive pairs of cut points.
            let c = cuts(&s, &picks);
            let quoted: Vec<(usize, usize)> = c.chunks(2).filter(|w| w.len() == 2).map(|w| (w[0], w[1])).collect();
            let mut buf = Vec::new();
            let mut starts = Vec::new();
            Outside::tokenize(&s, &quoted, &mut buf, &mut starts);
            let out = Outside::of(&buf, &starts);
            let mut from = 0;
            let mut stretches = Vec::new();
            for &(qs, qe) in quoted.iter().chain([(s.len(), s.len())].iter()) {
                stretches.push((from, qs.max(from)));
                from = from.max(qe);
            }
            for (j, &(a, b)) in stretches.iter().enumerate() {
                // The last stretch as far as its first sentence end.
                let mut want = tokens(&s, a, b);
                if j + 1 == stretches.len() {
                    want.truncate(through_first_end(&want));
                }
                prop_assert_eq!(plain(out.range(a, b)), plain(&want));
                prop_assert_eq!(plain(out.stretch(j, a, b)), plain(&want));
            }
            // Starting anywhere inside a stretch, up to the end of a later
            // stretch, before the last (as a quote's sentence window asks).
            let stretches = &stretches[..stretches.len() - 1];
            if stretches.is_empty() {
                return Ok(());
            }
            let k = from_pick % stretches.len();
            let (a, b) = stretches[k];
            let inner = cuts(&s[a..b], &[from_pick / 7]);
            let start = a + inner[0];
            let last = stretches[k + (from_pick / 3) % (stretches.len() - k)].1;
            let mut want = tokens(&s, start, b);
            for &(x, y) in &stretches[k + 1..] {
                if y <= last {
                    want.extend(tokens(&s, x, y));
                }
            }
            let mut got = Vec::new();
            out.extend_cut(&s, start, b, last, &mut got);
            prop_assert_eq!(plain(&got), plain(&want));
            // The tokens from the cut word's end on are the stretches' own.
            let own = out.range(out.cut_end(&s, start, b), last);
            prop_assert!(own.len() <= got.len());
            prop_assert_eq!(plain(own), plain(&got[got.len() - own.len()..]));
        }
    }
}
