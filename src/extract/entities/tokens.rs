//! A small tokenizer for name detection: words (with inner hyphens and
//! apostrophes, dotted initials and abbreviations, possessive `'s` cut off)
//! and single punctuation characters, with byte offsets into the file text.

use super::WordStats;
use super::gazetteer::{signature16, signature16_and_lower};
use crate::model::Span;

/// A token: its text (a slice of the file text), the byte offset where it
/// starts (as `u32`: with the text, a token is 24 bytes rather than 40; an
/// article has a thousand and more), its flags and the signature of its
/// text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    /// `&text[s..e]`, sliced once here: the rules read each token's text
    /// many times, and each slicing of the file text checks both ends for
    /// char boundaries.
    pub text: &'a str,
    start: u32,
    /// `WORD`, `CAP`, `INITIAL`, `SHOUT`, `STOP`, `ASCII`, `HYPHEN` and
    /// `STOPWORD` bits: one byte to store for each token, where eight bools
    /// took eight.
    flags: u8,
    /// `gazetteer::signature16` of the text, computed once here: the word
    /// lists and word sets test most tokens, some several times, and the
    /// token had room for it.
    sig: u16,
}

const WORD: u8 = 1;
const CAP: u8 = 2;
const INITIAL: u8 = 4;
const SHOUT: u8 = 8;
/// A stop word (`STOPWORDS`) at a sentence start, set by the loop of
/// `tokenize_into` (not by `Cut::general`), which leaves its lower-case form
/// out of `WordStats` (see `stop`).
const STOP: u8 = 16;
/// All of the token's text is ASCII. The rules asked `str::is_ascii` of
/// the capitalized words they look up in lower case, a loop whose exit
/// was mispredicted at words of every length; the loop of `tokenize_into`
/// knows it for nothing (every token it cuts is ASCII), and `Cut::general`
/// tests a word's bytes only when its scan met a char that is not ASCII.
const ASCII: u8 = 32;
/// A word holding an ASCII hyphen, set by `Cut::general` (the loop of
/// `tokenize_into` cuts no such word): the rules asked `str::contains` of
/// each one-word name, a search whose exit was mispredicted at words of
/// every length.
const HYPHEN: u8 = 64;
/// A word of `STOPWORDS`, anywhere (`STOP` is the sentence-start case,
/// which also leaves the word out of `WordStats`). Every stop word is a
/// capitalized ASCII word, which both cutters look up as they flag it
/// `CAP`: the chunker asks about the words of every run, and answered each
/// by a lookup whose signature test was mispredicted.
const STOPWORD: u8 = 128;

impl<'a> Tok<'a> {
    /// A punctuation token `text` at byte `s` of the file text.
    fn punct(s: usize, text: &'a str) -> Tok<'a> {
        Tok {
            text,
            // `tokenize_into` checked that the text's offsets fit.
            start: s as u32,
            // (One char: ASCII when it is one byte.)
            flags: if text.len() == 1 { ASCII } else { 0 },
            sig: match text.as_bytes() {
                &[b] => PUNCT_SIGS[usize::from(b)],
                t => signature16(t),
            },
        }
    }

    /// `gazetteer::signature16` of the text.
    pub fn sig(&self) -> u16 {
        self.sig
    }

    /// The byte offset of the token in the file text.
    pub fn s(&self) -> usize {
        self.start as usize
    }

    /// The byte offset of the token's end in the file text.
    pub fn e(&self) -> usize {
        self.start as usize + self.text.len()
    }

    /// A word (not a punctuation character).
    pub fn word(&self) -> bool {
        self.flags & WORD != 0
    }

    /// Starts with an upper-case letter.
    pub fn cap(&self) -> bool {
        self.flags & CAP != 0
    }

    /// A word that does not start with an upper-case letter: `word()` and
    /// not `cap()`, in one test of the flags.
    pub fn uncapitalized_word(&self) -> bool {
        self.flags & (WORD | CAP) == WORD
    }

    /// At the start of a sentence (or anywhere in a Headline Case headline).
    pub fn initial(&self) -> bool {
        self.flags & INITIAL != 0
    }

    /// Part of an ALL-CAPS stretch (dateline place, shouted line).
    pub fn shout(&self) -> bool {
        self.flags & SHOUT != 0
    }

    /// A stop word at a sentence start whose word the tokenizer did not
    /// record in `WordStats`: "The", "But", "He" open most sentences, and
    /// their lower-case forms, the commonest words, passed the lower-case
    /// filter of `word_sets` (a fifth of all lower-case words). No rule asks
    /// how a stop word is capitalized (`Ctx::has_evidence` turns it away
    /// first), and `Ctx::written_lower` answers a token with the bit by a
    /// search of its own. A stop word may also lack the bit (`Cut::general`
    /// never sets it, nor the loop away from a sentence start): it is then
    /// recorded as any word.
    pub fn stop(&self) -> bool {
        self.flags & STOP != 0
    }

    /// A word of `STOPWORDS` (`STOPWORD`), capitalized at a sentence start
    /// or not.
    pub fn stopword(&self) -> bool {
        self.flags & STOPWORD != 0
    }

    /// `text.is_ascii()`, recorded by the tokenizer.
    pub fn ascii(&self) -> bool {
        self.flags & ASCII != 0
    }

    /// A word whose text holds `-` (a punctuation token `-` has no bit).
    pub fn hyphenated(&self) -> bool {
        self.flags & HYPHEN != 0
    }

    /// Whether the text is `w`'s. The signatures are compared first:
    /// comparing the texts branched on their lengths, which the tokens
    /// tested have of every kind (the branch was mispredicted at about one
    /// token in four).
    pub fn is(&self, w: Spelled) -> bool {
        self.sig == w.sig && self.text_is(w.text)
    }

    /// `text == w`, out of line and cold: inlined, the comparison of the
    /// lengths was made along with that of the signatures, without a
    /// branch, for every token (most fail the signature's).
    #[cold]
    #[inline(never)]
    fn text_is(&self, w: &str) -> bool {
        self.text == w
    }
}

/// A text a rule compares tokens with ([`Tok::is`]), with its signature
/// worked out when the constant is built.
#[derive(Clone, Copy, Debug)]
pub struct Spelled {
    pub text: &'static str,
    sig: u16,
}

impl Spelled {
    pub const fn new(text: &'static str) -> Spelled {
        Spelled {
            text,
            sig: signature16(text.as_bytes()),
        }
    }
}

/// `signature16` of each one-byte text: most punctuation tokens.
static PUNCT_SIGS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = signature16(&[b as u8]);
        b += 1;
    }
    t
};

/// Abbreviations that keep their dot.
const ABBREV: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "St", "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep",
    "Gov", "Lt", "Col", "Capt", "Prof", "Rev", "Maj", "Adm", "Sgt", "Mt", "Ft",
];

fn joiner(c: char) -> bool {
    matches!(c, '-' | '‐' | '\'' | '’' | '.' | '&')
}

/// Byte classes for the scan (`CLASS`): most text is ASCII, and a table
/// lookup per byte replaces decoding a char and testing its Unicode
/// properties. Bytes of other chars are marked `NON_ASCII`; the scanner
/// decodes those and tests the char as before.
const WS: u8 = 1;
/// An ASCII letter or digit.
const ALNUM: u8 = 2;
const UPPER: u8 = 4;
const NON_ASCII: u8 = 8;
/// An ASCII small letter.
const LOWER: u8 = 16;
/// An ASCII joiner (`joiner`): `-`, `'`, `.` or `&`.
const JOIN: u8 = 32;
/// ASCII punctuation after which the next word starts a sentence: `.`,
/// `!`, `?`, `:` and `"`.
const ENDS: u8 = 64;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            ALNUM
                | if c.is_ascii_uppercase() {
                    UPPER
                } else if c.is_ascii_lowercase() {
                    LOWER
                } else {
                    0
                }
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
            // `char::is_whitespace` on ASCII (which, unlike
            // `u8::is_ascii_whitespace`, includes the vertical tab).
            WS
        } else if matches!(c, b'-' | b'\'' | b'.' | b'&') {
            JOIN | if c == b'.' { ENDS } else { 0 }
        } else if matches!(c, b'!' | b'?' | b':' | b'"') {
            ENDS
        } else {
            0
        };
        b += 1;
    }
    t
};

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// The char starting at byte `p` of `s` (a char boundary), if any.
fn char_at(s: &str, p: usize) -> Option<char> {
    match s.as_bytes().get(p) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[p..].chars().next(),
        None => None,
    }
}

/// Whether a letter or digit starts at byte `p` of `s`.
fn alnum_at(s: &str, p: usize) -> bool {
    match s.as_bytes().get(p) {
        Some(&b) if b < 0x80 => class(b) & ALNUM != 0,
        Some(_) => s[p..]
            .chars()
            .next()
            .is_some_and(crate::uclass::is_alphanumeric),
        None => false,
    }
}

/// The bytes [`alnum_run`] tests at once.
const RUN_BLOCK: usize = 16;

/// The end of the run of ASCII letters and digits from byte `i` of `bytes`
/// on, with the byte there and its class (0 and 0 at the end of `bytes`,
/// which the tokenizer treats as it treats a NUL byte). The first sixteen
/// bytes are tested at once (`swar::ascii_other_mask16`): a byte loop cost
/// fewer instructions on short words, but its exit at the word's end was
/// mispredicted about once per word, the most of any branch of the run.
/// Nearly all words end within the sixteen bytes (eight, tested by
/// `swar::ascii_alnum_bytes` before, left a tenth of the words to a second
/// test and that branch to the predictor), and the SSE2 test of sixteen
/// takes fewer instructions than the word-wide one of eight.
#[inline(always)]
fn alnum_run(bytes: &[u8], i: usize) -> (usize, u8, u8) {
    let at = |m: usize| bytes.get(m).map_or((m, 0, 0), |&b| (m, b, class(b)));
    if let Some(block) = bytes.get(i..).and_then(<[u8]>::first_chunk::<RUN_BLOCK>) {
        let other = crate::swar::ascii_other_mask16(block);
        if other != 0 {
            let j = other.trailing_zeros() as usize;
            let b = block[j];
            return (i + j, b, class(b));
        }
        return at(crate::swar::ascii_alnum_run(bytes, i + RUN_BLOCK));
    }
    // Fewer than sixteen bytes from `i` on (the last words of a segment):
    // the segment's last sixteen, moved down to `i`, with the bytes past
    // its end marked. The word-wide and byte loops' exits were mispredicted
    // at most such words. (The test keeps one more pointer live in the
    // loop of `tokenize_into`, which paid only once the capitalized words
    // were cut out of line, `Cut::capitalized`.)
    if let Some(last) = bytes.last_chunk::<RUN_BLOCK>() {
        let from = bytes.len() - RUN_BLOCK;
        let past_end = !0u32 << (bytes.len() - i);
        let other = crate::swar::ascii_other_mask16(last) >> (i - from) | past_end;
        return at(i + other.trailing_zeros() as usize);
    }
    at(crate::swar::ascii_alnum_run(bytes, i))
}

/// Whether `alnum_run` may read the words of the segment `text[span]` on
/// past its end (`cut_segment::<true>`): a block of the text follows it,
/// and its first byte ends a run as the segment's end does (no letter or
/// digit, joiner or byte of a char that is not ASCII: the `'\n'` after
/// most paragraphs), so that no run reaches past the segment and the byte
/// that ends the last run is no dot to keep nor joiner to test. That is
/// every segment but those at the text's end and those that a letter or
/// a joiner follows.
fn padded(text: &[u8], span: Span) -> bool {
    text.get(span.end..span.end + RUN_BLOCK)
        .is_some_and(|after| class(after[0]) & (ALNUM | JOIN | NON_ASCII) == 0)
}

/// Whether a run of ASCII letters and digits ending at byte `m` of `bytes`
/// ends the word there: the byte at `m` is ASCII (or there is none) and is
/// not a joiner before a letter or digit.
fn plain_end(bytes: &[u8], m: usize) -> bool {
    match bytes.get(m) {
        None => true,
        Some(&b) if b < 0x80 => {
            class(b) & JOIN == 0
                || match bytes.get(m + 1) {
                    None => true,
                    Some(&n) if n < 0x80 => class(n) & ALNUM == 0,
                    // A char that may be a letter: the general scan decides.
                    Some(_) => false,
                }
        }
        Some(_) => false,
    }
}

/// The end of a word whose first char ends at byte `m` of `seg`: letters
/// and digits, and single joiners between them. Also where the first
/// ASCII hyphen that joined two parts is, and whether a char it took is
/// not ASCII (for `Tok::ascii`: most words cut by `Cut::general` are ASCII
/// words with a joiner, which then need no test of their bytes).
fn scan_word(seg: &str, mut m: usize) -> (usize, Option<usize>, bool) {
    let bytes = seg.as_bytes();
    let mut hyphen = None;
    let mut wide = false;
    loop {
        m = crate::swar::ascii_alnum_run(bytes, m);
        let Some(&b) = bytes.get(m) else {
            break;
        };
        if b < 0x80 {
            if class(b) & JOIN != 0 && alnum_at(seg, m + 1) {
                if b == b'-' && hyphen.is_none() {
                    hyphen = Some(m);
                }
                let next = char_at(seg, m + 1).map_or(0, char::len_utf8);
                wide |= next > 1;
                m += 1 + next;
                continue;
            }
            break;
        }
        let Some(d) = char_at(seg, m) else {
            break;
        };
        if crate::uclass::is_alphanumeric(d) {
            m += d.len_utf8();
        } else if joiner(d) && alnum_at(seg, m + d.len_utf8()) {
            let next = char_at(seg, m + d.len_utf8()).map_or(0, char::len_utf8);
            m += d.len_utf8() + next;
        } else {
            break;
        }
        wide = true;
    }
    (m, hyphen, wide)
}

/// The tokens of `text[span]`, as a vector.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, span: Span, all_initial: bool) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, span, all_initial, &mut out, &mut WordStats::default());
    out
}

/// Appends the tokens of `text[span]` to `out`: the tokens of all the
/// segments of an article go into one vector. Counts the words into
/// `stats` and lists the capitalized ones there by their numbers in `out`.
///
/// # Panics
/// When `span` ends past `u32::MAX`; `load::read` refuses such texts
/// (`load::MAX_TEXT_LEN`), so an article never has one.
pub(crate) fn tokenize_into<'a>(
    text: &'a str,
    span: Span,
    all_initial: bool,
    out: &mut Vec<Tok<'a>>,
    stats: &mut WordStats,
) {
    assert!(
        u32::try_from(span.end).is_ok(),
        "token offsets are kept as u32 (see load::MAX_TEXT_LEN)"
    );
    if padded(text.as_bytes(), span) {
        cut_segment::<true>(text, span, all_initial, out, stats);
    } else {
        cut_unpadded(text, span, all_initial, out, stats);
    }
}

/// `cut_segment::<false>`, out of line: inlined beside the padded loop,
/// the second copy of the loop cost more than the branch it saved (a
/// larger function whose registers and branches both copies shared).
#[inline(never)]
fn cut_unpadded<'a>(
    text: &'a str,
    span: Span,
    all_initial: bool,
    out: &mut Vec<Tok<'a>>,
    stats: &mut WordStats,
) {
    cut_segment::<false>(text, span, all_initial, out, stats);
}

/// [`tokenize_into`] of a segment that is `PADDED` (`padded`) or not.
#[inline(always)]
fn cut_segment<'a, const PADDED: bool>(
    text: &'a str,
    span: Span,
    all_initial: bool,
    out: &mut Vec<Tok<'a>>,
    stats: &mut WordStats,
) {
    let seg = span.of(text);
    // What `alnum_run` reads: the segment and, `PADDED`, the block after
    // it, which the segment's bytes are cut from (so that their lengths'
    // relation is plain to the compiler, and the test of a block left
    // goes).
    let (bytes, ext) = if PADDED {
        let ext = &text.as_bytes()[span.start..span.end + RUN_BLOCK];
        (&ext[..ext.len() - RUN_BLOCK], ext)
    } else {
        (seg.as_bytes(), seg.as_bytes())
    };
    let first = out.len();
    let mut cut = Cut {
        seg,
        base: span.start,
        initial: INITIAL,
        after_word: if all_initial { INITIAL } else { 0 },
        prev_up: None,
        puncts: 0,
    };
    // Byte offsets rather than a vector of chars: a paragraph is scanned
    // once, without a copy four times its size. This loop takes what most
    // text is (ASCII words, spaces, punctuation); the rest is cut by
    // `Cut::general`, out of line, which leaves the loop small enough to
    // keep more of its state in registers.
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        let off = pos;
        let k = class(b);
        // Most words are runs of ASCII letters and digits ended by a byte
        // that does not join them to more (a space, a comma, a dot before
        // a space): none of the rules for joiners, possessives and hyphens
        // can apply to them.
        if k & ALNUM != 0 {
            // (`m <= seg.len()`: `PADDED`, the byte after the segment in
            // `ext` ends the run, and is no dot or joiner; a space there is
            // skipped past the segment's end, which ends the loop.)
            let (m, t, tk) = alnum_run(ext, off + 1);
            // `plain_end`, asked only at a joiner or a non-ASCII byte.
            if tk & (JOIN | NON_ASCII) == 0 || plain_end(bytes, m) {
                let upper = k & UPPER != 0;
                let mut end = m;
                // Keep the dot of initials and abbreviations (a run of
                // letters and digits holds no dot of its own).
                // (Every abbreviation is capitalized and two to four letters
                // long: most words before a dot are turned away without
                // comparing them with each.)
                if upper
                    && t == b'.'
                    && (m - off == 1 || m - off <= 4 && ABBREV.contains(&&seg[off..m]))
                {
                    end += 1;
                }
                debug_assert!(seg.is_char_boundary(off) && seg.is_char_boundary(end));
                // SAFETY: `off <= end <= seg.len()` (`end` is the run's end
                // or one past its dot; `PADDED`, a run reaches the
                // segment's end at most, where no dot follows, see
                // `padded`), and both are char boundaries: the
                // byte at `off` is ASCII; `end` is the segment's end, or
                // holds an ASCII byte (the test above: a non-ASCII byte
                // after the run fails `plain_end`), or follows the ASCII
                // dot. The checked slice was about a tenth of the
                // tokenizer's instructions.
                let w = unsafe { seg.get_unchecked(off..end) };
                if upper {
                    cut.capitalized(out, w, off, k, stats);
                } else {
                    let flags = WORD | ASCII | cut.initial;
                    cut.push_word(out, w, off, k, signature16(w.as_bytes()), flags);
                }
                // Most words are followed by a space: skip it here rather
                // than in a turn of the loop.
                pos = if end == m {
                    m + usize::from(t == b' ')
                } else {
                    end + usize::from(bytes.get(end) == Some(&b' '))
                };
                continue;
            }
        } else if k & WS != 0 {
            pos += 1;
            continue;
        } else if k & NON_ASCII == 0 {
            // ASCII punctuation: a token of its own.
            out.push(Tok {
                text: &seg[off..off + 1],
                start: (span.start + off) as u32,
                flags: ASCII,
                sig: PUNCT_SIGS[usize::from(b)],
            });
            cut.puncts += 1;
            // Without a branch: whether a punctuation token ends a
            // sentence was mispredicted at about one in three.
            cut.initial |= INITIAL * u8::from(k & ENDS != 0);
            // Most punctuation is followed by a space (", ", ". "): skip it
            // here, as after a word, rather than in a turn of the loop.
            pos = off + 1 + usize::from(bytes.get(off + 1) == Some(&b' '));
            continue;
        }
        pos = cut.general(off, out, stats);
    }
    stats.words += out.len() - first - cut.puncts;
    dateline(&mut out[first..]);
}

/// The state of `tokenize_into` between tokens, which `Cut::general` shares.
struct Cut<'a> {
    seg: &'a str,
    /// The offset of `seg` in the file text.
    base: usize,
    /// The `INITIAL` bit of the next word: set after a sentence end, and
    /// after a word only in a Headline Case headline (`after_word`).
    /// Sentence starts and the all-caps rule are decided as the tokens are
    /// cut, not in passes over them afterwards.
    initial: u8,
    after_word: u8,
    /// The previous word, when it is upper-case (see `shout_flag`).
    prev_up: Option<usize>,
    /// Counted here and added to `stats` once: `stats` lives in memory.
    /// The punctuation tokens rather than the words, most tokens: the
    /// words are the others.
    puncts: usize,
}

impl<'a> Cut<'a> {
    /// Pushes the capitalized plain ASCII word `w` at byte `off` of the
    /// segment, whose first byte is of class `k`, and records it in
    /// `stats`.
    ///
    /// Out of line, so that no call is left on the path of the other words
    /// through the loop of `tokenize_into`: values it kept across the
    /// lookups' calls here were spilled before the branch, for every word.
    #[inline(never)]
    fn capitalized(
        &mut self,
        out: &mut Vec<Tok<'a>>,
        w: &'a str,
        off: usize,
        k: u8,
        stats: &mut WordStats,
    ) {
        let (sig, lower_sig) = signature16_and_lower(w.as_bytes());
        let initial = self.initial;
        let mut flags = WORD | ASCII | CAP | initial;
        // The token's number among the article's: `out` holds all its
        // segments' tokens. (`tokenize_into` keeps offsets in `u32`, and an
        // article has fewer tokens than bytes.) Listed here, in a branch
        // the word takes anyway, `word_sets` need not test every token's
        // capital again, a test mispredicted once in six.
        stats.cap_toks.push(out.len() as u32);
        // The lookup before the test of the sentence start, which was
        // mispredicted at about one word in three: most words fail the
        // lookup's signature test.
        let stop = super::STOPWORDS.contains_sig16(w, sig);
        flags |= if stop { STOPWORD } else { 0 };
        if stop && initial != 0 {
            flags |= STOP;
        } else {
            // (`add_lower_of_ascii`, from the signature of the lower-case
            // form made along with the word's own.)
            stats.sigs.add_sig(lower_sig);
            stats.initial_sigs.add_sig_if(sig, initial != 0);
        }
        self.push_word(out, w, off, k, sig, flags);
    }

    /// Pushes the plain ASCII word `w` at byte `off` of the segment, whose
    /// first byte is of class `k`, with its `signature16` `sig` and
    /// `flags`: `push_tok` with the shout test for ASCII.
    #[inline(always)]
    fn push_word(
        &mut self,
        out: &mut Vec<Tok<'a>>,
        w: &'a str,
        off: usize,
        k: u8,
        sig: u16,
        flags: u8,
    ) {
        // `shouted` as it starts, without the call: most words with a
        // capital have a small letter second.
        let shout = k & LOWER == 0
            && !w.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase)
            && shouted_ascii(w.as_bytes());
        // ASCII: as many chars as bytes.
        self.push_tok(out, w, off, sig, flags, shout, || w.len() > 6);
    }

    /// Pushes the word `w` at byte `off` of the segment with its `sig` and
    /// `flags`, adding the `SHOUT` bit if `shout` (whether the word is
    /// longer than six chars, `long`, is asked only then), and ends the
    /// sentence start.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn push_tok(
        &mut self,
        out: &mut Vec<Tok<'a>>,
        w: &'a str,
        off: usize,
        sig: u16,
        mut flags: u8,
        shout: bool,
        long: impl FnOnce() -> bool,
    ) {
        if shout {
            flags |= shout_flag(out, &mut self.prev_up, long());
        } else {
            self.prev_up = None;
        }
        out.push(Tok {
            text: w,
            start: (self.base + off) as u32,
            flags,
            sig,
        });
        self.initial = self.after_word;
    }

    /// Cuts the token at byte `off` of the segment that the loop of
    /// `tokenize_into` does not take (any char but ASCII whitespace and
    /// punctuation, and any word but a plain run of ASCII letters and
    /// digits), or skips the whitespace there; returns where the next one
    /// starts.
    #[inline(never)]
    fn general(&mut self, off: usize, out: &mut Vec<Tok<'a>>, stats: &mut WordStats) -> usize {
        let seg = self.seg;
        let bytes = seg.as_bytes();
        let b = bytes[off];
        let k = class(b);
        // The char at `off`, decoded only when it is not ASCII.
        let (c, alnum) = if k & NON_ASCII == 0 {
            (b as char, k & ALNUM != 0)
        } else {
            let Some(c) = char_at(seg, off) else {
                return seg.len();
            };
            if c.is_whitespace() {
                return off + c.len_utf8();
            }
            (c, crate::uclass::is_alphanumeric(c))
        };
        if !alnum {
            let len = c.len_utf8();
            out.push(Tok::punct(self.base + off, &seg[off..off + len]));
            if matches!(
                c,
                '.' | '!' | '?' | ':' | '“' | '"' | '‘' | '«' | '–' | '—' | '•'
            ) {
                self.initial = INITIAL;
            }
            self.puncts += 1;
            return off + len;
        }
        let (m, hyphen, wide) = scan_word(seg, off + c.len_utf8());
        let upper = if k & NON_ASCII == 0 {
            k & UPPER != 0
        } else {
            c.is_uppercase()
        };
        let mut end = m;
        // Possessive 's (both forms end in `s`; at most one matches).
        if bytes[m - 1] == b's' {
            let w = &seg[off..m];
            for p in ["'s", "’s"] {
                if w.len() > p.len() + 1 && w.ends_with(p) {
                    end -= p.len();
                }
            }
        }
        // Whether the word still holds a hyphen when it is cut.
        let mut hyphenated = false;
        // (A hyphen joins two parts, so the first lies before the
        // possessive's end.)
        if let Some(h) = hyphen.map(|at| at - off) {
            let w = &seg[off..end];
            // "then-US", "ex-President": drop the lower-case prefix.
            if w[..h].chars().all(char::is_lowercase)
                && w[h + 1..].chars().next().is_some_and(char::is_uppercase)
            {
                return off + h + 1;
            }
            // "Intel-based", "Russian-backed": the name is the first part.
            // (A lower-case tail holds no other hyphen: `h` is the only
            // one, as the rule asks.)
            let tail = &w[h + 1..];
            if upper && !tail.is_empty() && tail.chars().all(char::is_lowercase) {
                end = off + h;
            } else {
                hyphenated = true;
            }
        }
        // Keep the dot of initials and abbreviations.
        if end == m && bytes.get(m) == Some(&b'.') {
            let w = &seg[off..end];
            let single = w.chars().count() == 1 && upper;
            let dotted = w.contains('.') && w.len() <= 8;
            if single || dotted || ABBREV.contains(&w) {
                end += 1;
            }
        }
        let w = &seg[off..end];
        let sig = signature16(w.as_bytes());
        // (The word lies in `seg[off..m]` and a dot after it.)
        let ascii = (k & NON_ASCII == 0 && !wide) || w.is_ascii();
        let mut flags = WORD | self.initial | if ascii { ASCII } else { 0 };
        if hyphenated {
            flags |= HYPHEN;
        }
        if upper {
            flags |= CAP;
            // (As in `Cut::capitalized`.)
            stats.cap_toks.push(out.len() as u32);
            stats.sigs.add_lower_of(w);
            if self.initial != 0 {
                stats.initial_sigs.add_sig(sig);
            }
            if super::STOPWORDS.contains_sig16(w, sig) {
                flags |= STOPWORD;
            }
        }
        self.push_tok(out, w, off, sig, flags, shouted(w), || {
            w.chars().count() > 6
        });
        // Most words are followed by a space: skip it here rather than in
        // a turn of the loop.
        if bytes.get(end) == Some(&b' ') {
            end + 1
        } else {
            end
        }
    }
}

/// The `SHOUT` bit of an upper-case word about to be pushed onto `out`, by
/// the rule of ALL-CAPS stretches: an upper-case word of three letters or
/// more next to another, longer than six chars, or opening the segment
/// before a dot or comma (dateline; see `dateline`). `prev_up` is the index
/// of the previous word when it is upper-case; the previous word gets the
/// bit here, for its upper-case neighbour.
fn shout_flag(out: &mut [Tok], prev_up: &mut Option<usize>, long: bool) -> u8 {
    let next = Some(out.len());
    match std::mem::replace(prev_up, next) {
        Some(p) => {
            out[p].flags |= SHOUT;
            SHOUT
        }
        None if long => SHOUT,
        None => 0,
    }
}

/// The dateline case of the ALL-CAPS rule (`shout_flag`): the first word of
/// the segment, when upper-case, followed by a dot or comma.
fn dateline(seg: &mut [Tok]) {
    if let Some(i) = seg.iter().position(Tok::word) {
        if shouted(seg[i].text) && seg.get(i + 1).is_some_and(|t| matches!(t.text, "." | ",")) {
            seg[i].flags |= SHOUT;
        }
    }
}

/// An upper-case word of three letters or more.
///
/// Most words have a lower-case letter first, and most capitalized ones
/// one second (an ASCII byte is a char of its own in any text): that test
/// is inlined where the words are cut, and the rest is a call.
#[inline(always)]
fn shouted(w: &str) -> bool {
    let b = w.as_bytes();
    !(b.first().is_some_and(u8::is_ascii_lowercase) || b.get(1).is_some_and(u8::is_ascii_lowercase))
        && shouted_past_lower(w)
}

/// `shouted` of a word whose first two bytes are no ASCII small letters.
#[inline(never)]
fn shouted_past_lower(w: &str) -> bool {
    if w.is_ascii() {
        return shouted_ascii(w.as_bytes());
    }
    shouted_chars(w)
}

/// `shouted` of an ASCII word: one pass by byte class, stopping at the
/// first lower-case letter (most words have one early).
fn shouted_ascii(w: &[u8]) -> bool {
    let mut letters = 0;
    for &b in w {
        let k = class(b);
        if k & LOWER != 0 {
            return false;
        }
        letters += usize::from(k & UPPER != 0);
    }
    letters >= 3
}

fn shouted_chars(w: &str) -> bool {
    !w.starts_with(char::is_lowercase)
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !w.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `u8::is_ascii_alphanumeric`, by byte value.
    static ASCII_ALNUM: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        t
    };

    /// The tokenizer before the byte-class scan (a char per step, Unicode
    /// tests on ASCII chars too): the oracle for `tokenize`.
    fn tokenize_old(text: &str, span: Span, all_initial: bool) -> Vec<Tok<'_>> {
        let seg = span.of(text);
        let bytes = seg.as_bytes();
        // Most text is ASCII: decode a char only when it is not.
        let at = |p: usize| match bytes.get(p) {
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => seg[p..].chars().next(),
            None => None,
        };
        let alnum_at = |p: usize| at(p).is_some_and(char::is_alphanumeric);
        // Roughly one token per five bytes of prose.
        let mut out: Vec<Tok> = Vec::with_capacity(seg.len() / 5 + 1);
        // Sentence starts and the upper-case test of each word are decided as
        // the tokens are cut, not in passes over them afterwards: whether the
        // next word opens a sentence, and whether any word is upper-case (the
        // all-caps rule below has nothing to do otherwise).
        let mut start = true;
        let mut any_up = false;
        // Byte offsets rather than a vector of chars: a paragraph is scanned
        // once, without a copy four times its size.
        let mut pos = 0;
        while let Some(c) = at(pos) {
            let off = pos;
            if c.is_whitespace() {
                pos += c.len_utf8();
                continue;
            }
            if c.is_alphanumeric() {
                let mut m = off + c.len_utf8();
                // Whether the word has a '-' (only a joiner can be one): most
                // words have none, and then the two hyphen rules below need not
                // search for it.
                let mut hyphen = false;
                loop {
                    // ASCII letters and digits, most of a word: a tight scan
                    // by table (the loop on `bytes.get` kept its state on the
                    // stack and cost a quarter of the tokenizer).
                    let rest = bytes.get(m..).unwrap_or_default();
                    m += rest
                        .iter()
                        .position(|&b| !ASCII_ALNUM[usize::from(b)])
                        .unwrap_or(rest.len());
                    let Some(d) = at(m) else {
                        break;
                    };
                    if d.is_alphanumeric() {
                        m += d.len_utf8();
                    } else if joiner(d) && alnum_at(m + d.len_utf8()) {
                        let next = at(m + d.len_utf8()).map_or(0, char::len_utf8);
                        hyphen |= d == '-';
                        m += d.len_utf8() + next;
                    } else {
                        break;
                    }
                }
                let mut end = m;
                // Possessive 's (both forms end in `s`; at most one matches).
                if bytes[m - 1] == b's' {
                    let w = &seg[off..m];
                    for p in ["'s", "’s"] {
                        if w.len() > p.len() + 1 && w.ends_with(p) {
                            end -= p.len();
                        }
                    }
                }
                if hyphen {
                    let w = &seg[off..end];
                    // "then-US", "ex-President": drop the lower-case prefix.
                    if let Some(h) = w.find('-') {
                        if w[..h].chars().all(char::is_lowercase)
                            && w[h + 1..].chars().next().is_some_and(char::is_uppercase)
                        {
                            pos = off + h + 1;
                            continue;
                        }
                    }
                    // "Intel-based", "Russian-backed": the name is the first part.
                    if let Some(h) = w.rfind('-') {
                        let tail = &w[h + 1..];
                        if c.is_uppercase()
                            && !tail.is_empty()
                            && tail.chars().all(char::is_lowercase)
                            && !w[..h].contains('-')
                        {
                            end = off + h;
                        }
                    }
                }
                // Keep the dot of initials and abbreviations.
                if end == m && bytes.get(m) == Some(&b'.') {
                    let w = &seg[off..end];
                    let single = w.chars().count() == 1 && c.is_uppercase();
                    let dotted = w.contains('.') && w.len() <= 8;
                    if single || dotted || ABBREV.contains(&w) {
                        end += 1;
                    }
                }
                let w = &seg[off..end];
                let up = shouted(w);
                any_up |= up;
                let flag = |on: bool, bit: u8| if on { bit } else { 0 };
                out.push(Tok {
                    text: w,
                    start: (span.start + off) as u32,
                    // `SHOUT` holds whether the word is upper-case, until
                    // the rule below.
                    flags: WORD
                        | flag(c.is_uppercase(), CAP)
                        | flag(start || all_initial, INITIAL)
                        | flag(up, SHOUT),
                    sig: signature16(w.as_bytes()),
                });
                start = false;
                pos = end;
                continue;
            }
            out.push(Tok::punct(span.start + off, &seg[off..off + c.len_utf8()]));
            if matches!(
                c,
                '.' | '!' | '?' | ':' | '“' | '"' | '‘' | '«' | '–' | '—' | '•'
            ) {
                start = true;
            }
            pos += c.len_utf8();
        }
        if any_up {
            mark_shouts(&mut out);
        }
        out
    }

    /// `tokenize_into` as it was before its loop took ASCII punctuation and
    /// left the other tokens to `Cut::general`: the oracle for the whole
    /// token (text, offset, flags, signature) and the word statistics.
    fn tokenize_into_before<'a>(
        text: &'a str,
        span: Span,
        all_initial: bool,
        out: &mut Vec<Tok<'a>>,
        stats: &mut WordStats,
    ) {
        assert!(
            u32::try_from(span.end).is_ok(),
            "token offsets are kept as u32 (see load::MAX_TEXT_LEN)"
        );
        let seg = span.of(text);
        let bytes = seg.as_bytes();
        let first = out.len();
        // Sentence starts and the all-caps rule are decided as the tokens are
        // cut, not in passes over them afterwards. `initial` is the `INITIAL`
        // bit of the next word: set after a sentence end, and after a word
        // only in a Headline Case headline.
        let after_word = if all_initial { INITIAL } else { 0 };
        let mut initial = INITIAL;
        // The previous word, when it is upper-case (see `Shouts`).
        let mut prev_up: Option<usize> = None;
        // Counted here and added to `stats` once: `stats` lives in memory.
        let mut words = 0;
        // Byte offsets rather than a vector of chars: a paragraph is scanned
        // once, without a copy four times its size.
        let mut pos = 0;
        while let Some(&b) = bytes.get(pos) {
            let off = pos;
            let k = class(b);
            // Most words are runs of ASCII letters and digits ended by a byte
            // that does not join them to more (a space, a comma, a dot before
            // a space): none of the rules for joiners, possessives and hyphens
            // below can apply to them.
            if k & ALNUM != 0 {
                let m = crate::swar::ascii_alnum_run(bytes, off + 1);
                if plain_end(bytes, m) {
                    let upper = k & UPPER != 0;
                    let mut end = m;
                    // Keep the dot of initials and abbreviations (a run of
                    // letters and digits holds no dot of its own).
                    // (Every abbreviation is capitalized and two to four letters
                    // long: most words before a dot are turned away without
                    // comparing them with each.)
                    if bytes.get(m) == Some(&b'.')
                        && upper
                        && (m - off == 1 || m - off <= 4 && ABBREV.contains(&&seg[off..m]))
                    {
                        end += 1;
                    }
                    let w = &seg[off..end];
                    let sig = signature16(w.as_bytes());
                    words += 1;
                    let mut flags = WORD | initial | if upper { CAP } else { 0 };
                    // (The stop-word rule of `Tok::stop`, added after.)
                    if upper {
                        if initial != 0 && super::super::STOPWORDS.contains(w) {
                            flags |= STOP;
                        } else {
                            stats.sigs.add_lower_of_ascii(w);
                            if initial != 0 {
                                stats.initial_sigs.add_sig(sig);
                            }
                        }
                    }
                    // `shouted` as it starts, without the call: most words with
                    // a capital have a small letter second, and the word is
                    // ASCII.
                    if k & LOWER == 0
                        && !bytes.get(off + 1).is_some_and(u8::is_ascii_lowercase)
                        && shouted(w)
                    {
                        // ASCII: as many chars as bytes.
                        flags |= shout_flag(out, &mut prev_up, w.len() > 6);
                    } else {
                        prev_up = None;
                    }
                    out.push(Tok {
                        text: w,
                        start: (span.start + off) as u32,
                        flags,
                        sig,
                    });
                    initial = after_word;
                    pos = end;
                    if bytes.get(pos) == Some(&b' ') {
                        pos += 1;
                    }
                    continue;
                }
            }
            // The char at `pos`, decoded only when it is not ASCII.
            let (c, alnum) = if k & NON_ASCII == 0 {
                if k & WS != 0 {
                    pos += 1;
                    continue;
                }
                (b as char, k & ALNUM != 0)
            } else {
                let Some(c) = char_at(seg, pos) else {
                    break;
                };
                if c.is_whitespace() {
                    pos += c.len_utf8();
                    continue;
                }
                (c, c.is_alphanumeric())
            };
            if alnum {
                let (m, hyphen, _) = scan_word(seg, off + c.len_utf8());
                let hyphen = hyphen.is_some();
                let upper = if k & NON_ASCII == 0 {
                    k & UPPER != 0
                } else {
                    c.is_uppercase()
                };
                let mut end = m;
                // Possessive 's (both forms end in `s`; at most one matches).
                if bytes[m - 1] == b's' {
                    let w = &seg[off..m];
                    for p in ["'s", "’s"] {
                        if w.len() > p.len() + 1 && w.ends_with(p) {
                            end -= p.len();
                        }
                    }
                }
                if hyphen {
                    let w = &seg[off..end];
                    // "then-US", "ex-President": drop the lower-case prefix.
                    if let Some(h) = w.find('-') {
                        if w[..h].chars().all(char::is_lowercase)
                            && w[h + 1..].chars().next().is_some_and(char::is_uppercase)
                        {
                            pos = off + h + 1;
                            continue;
                        }
                    }
                    // "Intel-based", "Russian-backed": the name is the first part.
                    if let Some(h) = w.rfind('-') {
                        let tail = &w[h + 1..];
                        if upper
                            && !tail.is_empty()
                            && tail.chars().all(char::is_lowercase)
                            && !w[..h].contains('-')
                        {
                            end = off + h;
                        }
                    }
                }
                // Keep the dot of initials and abbreviations.
                if end == m && bytes.get(m) == Some(&b'.') {
                    let w = &seg[off..end];
                    let single = w.chars().count() == 1 && upper;
                    let dotted = w.contains('.') && w.len() <= 8;
                    if single || dotted || ABBREV.contains(&w) {
                        end += 1;
                    }
                }
                let w = &seg[off..end];
                let sig = signature16(w.as_bytes());
                words += 1;
                if upper {
                    stats.sigs.add_lower_of(w);
                    if initial != 0 {
                        stats.initial_sigs.add_sig(sig);
                    }
                }
                let mut flags = WORD | initial | if upper { CAP } else { 0 };
                if shouted(w) {
                    flags |= shout_flag(out, &mut prev_up, w.chars().count() > 6);
                } else {
                    prev_up = None;
                }
                out.push(Tok {
                    text: w,
                    start: (span.start + off) as u32,
                    flags,
                    sig,
                });
                initial = after_word;
                pos = end;
                // Most words are followed by a space: skip it here rather than
                // in a turn of the loop.
                if bytes.get(pos) == Some(&b' ') {
                    pos += 1;
                }
                continue;
            }
            let len = c.len_utf8();
            out.push(Tok::punct(span.start + off, &seg[off..off + len]));
            if matches!(
                c,
                '.' | '!' | '?' | ':' | '“' | '"' | '‘' | '«' | '–' | '—' | '•'
            ) {
                initial = INITIAL;
            }
            pos += len;
        }
        stats.words += words;
        // The capitalized words' numbers, from their flags after the cut
        // (the tokenizer lists them as it cuts them).
        stats.cap_toks.extend(
            (first..out.len())
                .filter(|&k| out[k].cap())
                .map(|k| k as u32),
        );
        dateline(&mut out[first..]);
    }

    /// The all-caps rule as a pass over the cut tokens, whose `SHOUT` bit
    /// holds whether each word is upper-case: the rule before it was
    /// decided while cutting.
    fn mark_shouts(out: &mut [Tok]) {
        // `prev` remembers the previous word's test, since its flag may
        // have been cleared already; the next word's is not yet touched.
        let mut prev = false;
        let mut n = 0;
        for i in 0..out.len() {
            if !out[i].word() {
                continue;
            }
            let up = out[i].shout();
            if up {
                let next = out[i + 1..]
                    .iter()
                    .find(|t| t.word())
                    .is_some_and(Tok::shout);
                let dateline =
                    n == 0 && out.get(i + 1).is_some_and(|t| matches!(t.text, "." | ","));
                let long = out[i].text.chars().count() > 6;
                if !(prev || next || dateline || long) {
                    out[i].flags &= !SHOUT;
                }
            }
            prev = up;
            n += 1;
        }
    }

    /// The word splitting as first written, over a vector of chars: the
    /// byte-offset scanner must cut exactly the same tokens.
    fn reference(seg: &str) -> Vec<(usize, usize, bool)> {
        let chars: Vec<(usize, char)> = seg.char_indices().collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let (off, c) = chars[k];
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            if !c.is_alphanumeric() {
                out.push((off, off + c.len_utf8(), false));
                k += 1;
                continue;
            }
            let mut m = k + 1;
            while m < chars.len() {
                let d = chars[m].1;
                if d.is_alphanumeric() {
                    m += 1;
                } else if joiner(d) && chars.get(m + 1).is_some_and(|x| x.1.is_alphanumeric()) {
                    m += 2;
                } else {
                    break;
                }
            }
            let mut end = chars.get(m).map_or(seg.len(), |x| x.0);
            for p in ["'s", "’s"] {
                if seg[off..end].len() > p.len() + 1 && seg[off..end].ends_with(p) {
                    end -= p.len();
                }
            }
            let w = &seg[off..end];
            if let Some(h) = w.find('-') {
                if w[..h].chars().all(char::is_lowercase)
                    && w[h + 1..].chars().next().is_some_and(char::is_uppercase)
                {
                    while k < chars.len() && chars[k].0 < off + h + 1 {
                        k += 1;
                    }
                    continue;
                }
            }
            if let Some(h) = w.rfind('-') {
                let tail = &w[h + 1..];
                if c.is_uppercase()
                    && !tail.is_empty()
                    && tail.chars().all(char::is_lowercase)
                    && !w[..h].contains('-')
                {
                    end = off + h;
                }
            }
            let w = &seg[off..end];
            if chars.get(m).is_some_and(|x| x.1 == '.') && end == chars[m].0 {
                let single = w.chars().count() == 1 && c.is_uppercase();
                let dotted = w.contains('.') && w.len() <= 8;
                if single || dotted || ABBREV.contains(&w) {
                    end += 1;
                }
            }
            out.push((off, end, true));
            while k < chars.len() && chars[k].0 < end {
                k += 1;
            }
        }
        out
    }

    /// The all-caps rule as first written, over a side vector of the words.
    fn shout_reference(text: &str, out: &[Tok]) -> Vec<bool> {
        let upper = |t: &Tok| t.word() && shouted_chars(&text[t.s()..t.e()]);
        let words: Vec<(usize, bool)> = (0..out.len())
            .filter(|&i| out[i].word())
            .map(|i| (i, upper(&out[i])))
            .collect();
        let mut shout = vec![false; out.len()];
        for (n, &(i, up)) in words.iter().enumerate() {
            if !up {
                continue;
            }
            let prev = n > 0 && words[n - 1].1;
            let next = words.get(n + 1).is_some_and(|w| w.1);
            let dateline = n == 0
                && out
                    .get(i + 1)
                    .is_some_and(|t| matches!(&text[t.s()..t.e()], "." | ","));
            let long = text[out[i].s()..out[i].e()].chars().count() > 6;
            shout[i] = prev || next || dateline || long;
        }
        shout
    }

    /// The sentence-start pass as first written, over the cut tokens.
    fn initial_reference(text: &str, out: &[Tok], all_initial: bool) -> Vec<bool> {
        let mut start = true;
        let mut initial = vec![false; out.len()];
        for (i, t) in out.iter().enumerate() {
            if t.word() {
                initial[i] = start || all_initial;
                start = false;
            } else if matches!(
                &text[t.s()..t.e()],
                "." | "!" | "?" | ":" | "“" | "\"" | "‘" | "«" | "–" | "—" | "•"
            ) {
                start = true;
            }
        }
        initial
    }

    fn cut(text: &str) -> Vec<(usize, usize, bool)> {
        tokenize(text, Span::new(0, text.len()), false)
            .iter()
            .map(|t| (t.s(), t.e(), t.word()))
            .collect()
    }

    #[test]
    fn names_initials_possessives_and_hyphens() {
        let text = "U.S. Sen. Ann-Marie O’Neil's ex-President then-US Intel-based J. Doe.";
        let words: Vec<&str> = cut(text)
            .into_iter()
            .filter(|t| t.2)
            .map(|(s, e, _)| &text[s..e])
            .collect();
        // The possessive and the lower-case tail of "Intel-based" become
        // words of their own; "ex-" and "then-" are dropped.
        assert_eq!(
            words,
            [
                "U.S.",
                "Sen.",
                "Ann-Marie",
                "O’Neil",
                "s",
                "President",
                "US",
                "Intel",
                "based",
                "J.",
                "Doe"
            ]
        );
    }

    /// A space after punctuation separates and is no token; any other byte
    /// after it starts the next token.
    #[test]
    fn only_a_space_after_punctuation_is_skipped() {
        let text = "a,b, c.  d(e)!\"f ,\t,x";
        let toks: Vec<(usize, &str)> = cut(text)
            .into_iter()
            .map(|(s, e, _)| (s, &text[s..e]))
            .collect();
        assert_eq!(
            toks,
            [
                (0, "a"),
                (1, ","),
                (2, "b"),
                (3, ","),
                (5, "c"),
                (6, "."),
                (9, "d"),
                (10, "("),
                (11, "e"),
                (12, ")"),
                (13, "!"),
                (14, "\""),
                (15, "f"),
                (17, ","),
                (19, ","),
                (20, "x")
            ]
        );
    }

    /// The cutters look up only the words they flag `CAP`, those starting
    /// with an upper-case letter (`STOPWORD`).
    #[test]
    fn stop_words_start_with_an_ascii_capital() {
        for w in super::super::STOPWORDS.words {
            assert!(w.starts_with(|c: char| c.is_ascii_uppercase()), "{w}");
        }
    }

    #[test]
    fn abbreviations_are_capitalized_and_short() {
        // The tokenizer's fast path compares only such words with them.
        for a in ABBREV {
            assert!(a.starts_with(|c: char| c.is_ascii_uppercase()), "{a}");
            assert!((2..=4).contains(&a.len()), "{a}");
        }
    }

    /// The capitalized words, cut out of the loop (`Cut::capitalized`):
    /// their own bits, the sentence start they end, the run of upper-case
    /// words they make with each other, and their numbers in `cap_toks`.
    #[test]
    fn capitalized_words_take_their_bits_and_end_the_sentence_start() {
        let text = "The Zorblat went. Vexnor said ZORBLAT QUIXXON left.";
        let mut out = Vec::new();
        let mut stats = WordStats::default();
        tokenize_into(text, Span::new(0, text.len()), false, &mut out, &mut stats);
        let tok = |w: &str| out.iter().find(|t| t.text == w).unwrap();
        let the = tok("The");
        assert!(the.cap() && the.initial() && the.stop() && the.stopword());
        let name = tok("Zorblat");
        assert!(name.cap() && !name.initial() && !name.stop() && !name.stopword());
        let next = tok("Vexnor");
        assert!(next.cap() && next.initial() && !next.stop());
        // A sentence's later words are not initial.
        assert!(!tok("said").initial() && !tok("went").initial());
        assert!(tok("ZORBLAT").shout() && tok("QUIXXON").shout());
        assert!(!tok("left").initial() && !tok("left").shout());
        let caps: Vec<&str> = stats
            .cap_toks
            .iter()
            .map(|&k| out[k as usize].text)
            .collect();
        assert_eq!(caps, ["The", "Zorblat", "Vexnor", "ZORBLAT", "QUIXXON"]);
    }

    /// Everything a token holds, for comparing tokenizers (but the `ASCII`,
    /// `HYPHEN` and `STOPWORD` bits, which the older ones do not set:
    /// `ascii_bit_is_is_ascii`, `hyphen_bit_is_contains_hyphen`,
    /// `stopword_answers_as_the_list`).
    type Whole<'a> = Vec<(&'a str, usize, u8, u16)>;
    type StatsKey = (usize, Vec<u32>, [u64; 64], [u64; 64]);

    fn whole<'a>(ts: &[Tok<'a>]) -> Whole<'a> {
        ts.iter()
            .map(|t| (t.text, t.s(), t.flags & !(ASCII | HYPHEN | STOPWORD), t.sig))
            .collect()
    }

    /// Everything the tokenizer records in `WordStats`.
    fn stats_key(s: &WordStats) -> StatsKey {
        (s.words, s.cap_toks.clone(), s.sigs.0, s.initial_sigs.0)
    }

    /// The tokens and statistics of `text` cut by `tok` as an article's
    /// segments are: `text[a..b]` (with `all_initial`) and `text[b..]` into
    /// one vector, `a` and `b` moved back to char boundaries.
    fn two_segments(
        tok: for<'t> fn(&'t str, Span, bool, &mut Vec<Tok<'t>>, &mut WordStats),
        text: &str,
        a: usize,
        b: usize,
        all_initial: bool,
    ) -> (Whole<'_>, StatsKey) {
        let back = |k: usize| {
            (0..=k.min(text.len()))
                .rev()
                .find(|&k| text.is_char_boundary(k))
                .unwrap_or(0)
        };
        let (a, b) = (back(a.min(b)), back(a.max(b)));
        let mut out = Vec::new();
        let mut stats = WordStats::default();
        tok(text, Span::new(a, b), all_initial, &mut out, &mut stats);
        tok(text, Span::new(b, text.len()), false, &mut out, &mut stats);
        (whole(&out), stats_key(&stats))
    }

    #[test]
    fn ends_class_is_the_ascii_sentence_ends() {
        for b in 0..=u8::MAX {
            assert_eq!(
                class(b) & ENDS != 0,
                matches!(b, b'.' | b'!' | b'?' | b':' | b'"'),
                "{b}"
            );
        }
    }

    #[test]
    fn join_class_is_the_ascii_joiners() {
        for b in 0..=u8::MAX {
            assert_eq!(
                class(b) & JOIN != 0,
                b.is_ascii() && joiner(b as char),
                "{b}"
            );
        }
    }

    #[test]
    fn edges_tokenize_as_before() {
        for text in [
            "",
            " ",
            "A",
            "a.",
            "Mr. Dr.X ABC. ABCDEFGH ABCDEFGHIJ 2005. UN, Corp.",
            "NEW YORK, 12 (Ab) - ABC DEF\tghi\u{0B}jk\r\nLMNOPQRS.",
            "É é Éa aÉ ÉCOLE. Σσ ß ŞİŞLİ\u{A0}x\u{2003}y “Quote” – dash — • «x»",
            "then-US ex-President Intel-based O’Neil's Ann-Marie U.S. J. a.b.c.d.e",
            "X-ray x-Ray 3-D A&B AT&T it's dogs' ‐hy‐phen ab'",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789ABCDEFG",
        ] {
            for all_initial in [false, true] {
                for (a, b) in [(0, 0), (0, 5), (3, 17), (0, text.len())] {
                    assert_eq!(
                        two_segments(tokenize_into, text, a, b, all_initial),
                        two_segments(tokenize_into_before, text, a, b, all_initial),
                        "{text:?} {a} {b} {all_initial}"
                    );
                }
            }
        }
    }

    proptest! {
        #[test]
        fn shout_flags_follow_the_rule(
            text in "([A-Z]{1,8}|[A-Za-zÉé]{1,8}|[ .,\n-])*"
        ) {
            let out = tokenize(&text, Span::new(0, text.len()), false);
            let got: Vec<bool> = out.iter().map(Tok::shout).collect();
            prop_assert_eq!(got, shout_reference(&text, &out));
        }

        #[test]
        fn initial_flags_follow_the_rule(
            text in "([A-Za-z]{1,6}|[.!?:“\"‘«–—•,;'’-]|[ \n])*",
            all_initial: bool,
        ) {
            let out = tokenize(&text, Span::new(0, text.len()), all_initial);
            let got: Vec<bool> = out.iter().map(Tok::initial).collect();
            prop_assert_eq!(got, initial_reference(&text, &out, all_initial));
        }

        #[test]
        fn ascii_shout_test_is_the_char_test(w in "[A-Za-z0-9.'&ÉéΣσ-]{0,8}") {
            prop_assert_eq!(shouted(&w), shouted_chars(&w));
        }

        #[test]
        fn byte_classes_tokenize_like_chars(
            text in "([A-Za-zÀ-ÿЖжß0-9]{1,6}|[-‐'’.&$]|[ \n\t\u{0B}\u{A0}\u{2003}]|[,;:()“”—!?\"])*",
            all_initial: bool,
        ) {
            let key = |ts: Vec<Tok>| -> Vec<(usize, usize, bool, bool, bool, bool)> {
                ts.iter().map(|t| {
                    assert_eq!(t.text, &text[t.s()..t.e()]);
                    (t.s(), t.e(), t.word(), t.cap(), t.initial(), t.shout())
                }).collect()
            };
            let span = Span::new(0, text.len());
            prop_assert_eq!(
                key(tokenize(&text, span, all_initial)),
                key(tokenize_old(&text, span, all_initial))
            );
        }

        #[test]
        fn tokens_and_stats_are_those_before(
            text in "([A-Z]{1,9}|[A-Z][a-z]{0,7}|[a-z]{1,9}|[0-9]{1,5}|Mr|Corp|[A-Za-zÀ-ÿЖжß0-9]{1,6}|[-‐'’.&]|[ \n\t\u{0B}\u{A0}\u{2003}]{1,2}|[,;:()“”«–—•!?\"$])*",
            a in 0usize..80,
            b in 0usize..80,
            all_initial: bool,
        ) {
            prop_assert_eq!(
                two_segments(tokenize_into, &text, a, b, all_initial),
                two_segments(tokenize_into_before, &text, a, b, all_initial)
            );
        }

        /// The `ASCII` bit of every token is `str::is_ascii` of its text.
        #[test]
        fn ascii_bit_is_is_ascii(
            text in "([A-Z]{1,9}|[A-Z][a-z]{0,7}|[a-z]{1,9}|[0-9]{1,5}|Mr|[A-Za-zÀ-ÿЖжß0-9]{1,6}|[-‐'’.&]|[ \n\u{A0}\u{2003}]{1,2}|[,;:()“”«–—•!?\"$])*",
            all_initial: bool,
        ) {
            for t in tokenize(&text, Span::new(0, text.len()), all_initial) {
                prop_assert_eq!(t.ascii(), t.text.is_ascii(), "{:?}", t.text);
            }
        }

        /// The `HYPHEN` bit of every word is `str::contains('-')` of its
        /// text.
        #[test]
        fn hyphen_bit_is_contains_hyphen(
            text in "([A-Z]{1,9}|[A-Z][a-z]{0,7}|[a-z]{1,9}|[0-9]{1,5}|Mr|[A-Za-zÀ-ÿЖжß0-9]{1,6}|'s|[-‐'’.&]|[ \n\u{A0}]{1,2}|[,;:()“”!?\"$])*",
            all_initial: bool,
        ) {
            for t in tokenize(&text, Span::new(0, text.len()), all_initial) {
                prop_assert_eq!(t.hyphenated(), t.word() && t.text.contains('-'), "{:?}", t.text);
            }
        }

        /// The hyphen rules on words of one and more hyphens, capitalized
        /// or not, with possessives: the tokens and stats are those of the
        /// string searches before (`tokenize_into_before`), and the
        /// `HYPHEN` bit is whether the word as cut holds a hyphen.
        #[test]
        fn hyphen_rules_cut_as_the_string_searches(
            text in "([A-Z][a-z]{0,3}|[a-z]{1,4}|[A-Z]{1,3}|[0-9]{1,2}|[éÉЖж]|-|'s|[ .,])*",
            all_initial: bool,
        ) {
            prop_assert_eq!(
                two_segments(tokenize_into, &text, 0, text.len(), all_initial),
                two_segments(tokenize_into_before, &text, 0, text.len(), all_initial)
            );
            for t in tokenize(&text, Span::new(0, text.len()), all_initial) {
                prop_assert_eq!(t.hyphenated(), t.word() && t.text.contains('-'), "{:?}", t.text);
            }
        }

        /// The stop bit marks only stop words capitalized at a sentence
        /// start, and `WordStats` records the lower-case form of every other
        /// capitalized word, and the signature of every other one at a
        /// sentence start: what `word_sets` and `Ctx::written_lower` rely on.
        #[test]
        fn only_stop_words_at_sentence_starts_are_left_out_of_the_stats(
            text in "((The|the|But|He|It|It's|New|Mr|Mr\\.|An|THE|[A-Z][a-z]{0,3}|[a-z]{1,4}|Éa)[.!?:,\"“]?[ \n])*",
            all_initial: bool,
        ) {
            let mut out = Vec::new();
            let mut stats = WordStats::default();
            tokenize_into(&text, Span::new(0, text.len()), all_initial, &mut out, &mut stats);
            for t in out.iter().filter(|t| t.word() && t.cap()) {
                if t.stop() {
                    prop_assert!(t.initial() && super::super::STOPWORDS.contains(t.text), "{:?}", t.text);
                    continue;
                }
                let lower = super::super::with_lower(t.text, |l| stats.sigs.may_hold(l));
                prop_assert!(lower, "{:?}", t.text);
                if t.initial() {
                    prop_assert!(stats.initial_sigs.may_hold_sig(t.sig()), "{:?}", t.text);
                }
            }
            prop_assert!(out.iter().all(|t| !t.stop() || t.word() && t.cap()));
        }

        #[test]
        fn alnum_run_ends_at_the_first_other_byte(
            bytes in proptest::collection::vec(
                prop_oneof![any::<u8>(), b'0'..=b'9', b'A'..=b'Z', b'a'..=b'z'],
                0..40,
            ),
            i in 0usize..40,
        ) {
            let i = i.min(bytes.len());
            let m = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| i + p);
            let want = bytes.get(m).map_or((m, 0, 0), |&b| (m, b, class(b)));
            prop_assert_eq!(alnum_run(&bytes, i), want);
        }

        /// A segment's tokens and stats do not depend on the text after it,
        /// whether the loop reads on past its end (`padded`) or not.
        #[test]
        fn segments_cut_alike_whatever_follows(
            seg in "([A-Za-z0-9]{1,7}|[-'.&,’]|[ \n])*",
            after in "[A-Za-z0-9 .,'\n-][a-z .]{15,24}",
            all_initial: bool,
        ) {
            let text = format!("{seg}{after}");
            let span = Span::new(0, seg.len());
            let (mut alone, mut alone_stats) = (Vec::new(), WordStats::default());
            tokenize_into(&seg, span, all_initial, &mut alone, &mut alone_stats);
            let (mut on, mut on_stats) = (Vec::new(), WordStats::default());
            tokenize_into(&text, span, all_initial, &mut on, &mut on_stats);
            prop_assert_eq!(whole(&on), whole(&alone));
            prop_assert_eq!(stats_key(&on_stats), stats_key(&alone_stats));
        }

        #[test]
        fn shouted_ascii_is_the_char_test(w in "[ -~]{0,12}") {
            prop_assert_eq!(shouted_ascii(w.as_bytes()), shouted_chars(&w));
        }

        #[test]
        fn byte_scanner_cuts_like_the_char_scanner(
            text in "([A-Za-zÀ-ÿЖжß0-9]{1,6}|[-‐'’.&]|[ \n]|[,;:()“”—!?])*"
        ) {
            prop_assert_eq!(cut(&text), reference(&text));
        }
    }
}
