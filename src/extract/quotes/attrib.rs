//! Speaker attribution: the cue and noun phrase around each quote, then
//! pronouns, titles and short names resolved to people named in the article,
//! and the decision whether a quoted span is speech at all.

// `persons` and the canonical forms by name are only looked up, so the
// hasher cannot change the output.
use crate::fasthash::{Map as HashMap, Set as HashSet};
use std::collections::hash_map::Entry;

use std::borrow::Cow;
use std::cell::OnceCell;

use super::detect::Raw;
use super::names::{self, Names};
use super::np::{Np, is_prep, np_backward, np_forward, subject};
use super::speech::{is_function_word, is_term_marker, speaker_label, title_case, word_count};
use super::words::{self, Outside, Pron, Tok};
use crate::model::{Quote, Span};

/// A quoted span found by the detector.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    pub para: usize,
    /// Index of the quote within its paragraph.
    pub index: usize,
    pub raw: Raw,
}

/// Whether `t` is a sentence's last mark (`.`, `!`, `?`, `…`).
pub(super) fn is_sentence_end(t: &Tok) -> bool {
    // Told by the tokenizer, which knows it when it makes the token: read
    // from the text, each test loaded a byte the token points to.
    t.is_stop()
}

/// Whether `toks[k]` ends a sentence: a stop not followed by a closing
/// bracket, a comma or a lowercase word (`(R-Fla.) said`).
fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    is_sentence_end(&toks[k]) && toks.get(k + 1).is_none_or(words::ends_after_stop)
}

fn last_end(toks: &[Tok]) -> Option<usize> {
    (0..toks.len()).rev().find(|&k| ends_sentence(toks, k))
}

/// [`last_end`] of `a` and of `b`. When both are slices of one token list
/// that end at the same token (a quote's stretch and its sentence window),
/// one ends where the other does, so the longer is searched once for both:
/// its last end is the shorter's when it lies within the shorter, and the
/// shorter has none otherwise.
fn last_ends(a: &[Tok], b: &[Tok]) -> (Option<usize>, Option<usize>) {
    if a.as_ptr_range().end != b.as_ptr_range().end {
        return (last_end(a), last_end(b));
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let k = last_end(long);
    let in_short = k.and_then(|k| k.checked_sub(long.len() - short.len()));
    if a.len() >= b.len() {
        (k, in_short)
    } else {
        (in_short, k)
    }
}

fn first_end(toks: &[Tok]) -> Option<usize> {
    (0..toks.len()).find(|&k| ends_sentence(toks, k))
}

fn is_dash(t: &Tok) -> bool {
    matches!(t.text, "," | "—" | "–" | "-" | "―" | "(" | ")" | ";")
}

/// A cue and the noun phrase that goes with it, borrowing the text.
type Got<'a> = (Option<Np<'a>>, Option<Cow<'a, str>>);

/// A cue phrase, lowercased: the verb, with `out`/`on` for `pointed out`,
/// `went on`. Asked only where [`cue_at`] holds, so the verb is a listed
/// cue as written, and every listed cue is already lowercase: the text is
/// borrowed with no byte scan.
fn cue_text<'a>(toks: &[Tok<'a>], i: usize) -> Cow<'a, str> {
    let w = toks[i].text;
    match (w, toks.get(i + 1).map(|t| t.text)) {
        ("pointed", Some("out")) => "pointed out".into(),
        ("went", Some("on")) => "went on".into(),
        _ => Cow::Borrowed(w),
    }
}

/// Whether `toks[i]` is a cue verb in use here.
fn cue_at(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !t.is_word() || t.is_cap() {
        return false;
    }
    let w = t.text;
    match w {
        "pointed" => toks.get(i + 1).is_some_and(|n| n.text == "out"),
        "went" => toks.get(i + 1).is_some_and(|n| n.text == "on"),
        _ => t.is_cue(),
    }
}

fn according_at(toks: &[Tok], i: usize) -> bool {
    toks[i].text.eq_ignore_ascii_case("according")
        && toks.get(i + 1).is_some_and(|t| t.text == "to")
}

/// The attribution in the words before a quote (same sentence): the
/// nearest cue whose subject can be found (`X said`, `said X`, `asked by
/// X`, `according to X`), else a colon after a noun phrase, else the
/// sentence's subject when the sentence has a cue.
fn from_before<'a>(
    p: &'a str,
    bt: &[Tok<'a>],
    sent: &mut Sentence<'_, '_, 'a>,
    off: usize,
) -> Option<Got<'a>> {
    let mut nearest: Option<Cow<'a, str>> = None;
    for i in (0..bt.len()).rev() {
        if according_at(bt, i) {
            let cue = nearest.or(Some(ACCORDING.into()));
            return Some((np_forward(p, bt, i + 2, off), cue));
        }
        if !cue_at(bt, i) {
            continue;
        }
        nearest.get_or_insert_with(|| cue_text(bt, i));
        if bt.get(i + 1).is_some_and(|t| t.text == "by")
            && let Some(np) = np_forward(p, bt, i + 2, off)
        {
            return Some((Some(np), nearest));
        }
        if bt[i].text.ends_with("ing") {
            // `footage of X saying “…”`: the name right before the
            // participle; `…, adding that “…”` shares the subject of the
            // clause's main verb.
            if i > 0
                && bt[i - 1].is_cap()
                && let Some(np @ Np::Name(_)) = np_backward(p, bt, i, 0, off)
            {
                return Some((Some(np), nearest));
            }
            continue;
        }
        let mut np = np_backward(p, bt, i, 0, off);
        // `said Smith: “…”`, but not `said the United States is “…”`.
        let adjacent = bt.len() - i <= 6 && bt.last().is_some_and(|t| matches!(t.text, "," | ":"));
        if np.is_none() && !words::is_weak_cue(bt[i].text) && adjacent {
            np = np_forward(p, bt, i + 1, off).filter(|n| !matches!(n, Np::Desc(..)));
        }
        if np.is_some() {
            return Some((np, nearest));
        }
    }
    let colon = bt.last().is_some_and(|t| t.text == ":");
    if colon {
        // The name right before the colon, unless it is the object of a
        // preposition (`a message to Trump:`).
        let mut k = bt.len() - 1;
        while k > 0 && bt[k - 1].is_cap() {
            k -= 1;
        }
        let object = k > 0 && k < bt.len() - 1 && is_prep(&bt[k - 1].lower_cow());
        if let Some(np) = np_backward(p, bt, bt.len() - 1, 0, off)
            .filter(|n| match n {
                Np::Desc(ws, _) => bt.len() <= 4 && ws.first().is_some_and(|w| words::is_det(w)),
                _ => true,
            })
            .filter(|_| !object)
        {
            return Some((Some(np), nearest));
        }
        // `When X …, Y fired back:`: the subject of the last clause.
        let c = bt.iter().rposition(|t| t.text == ",").map_or(0, |c| c + 1);
        if let Some(np) = subject(p, &bt[c..], off) {
            return Some((Some(np), nearest));
        }
    }
    if nearest.is_some() || colon {
        return Some((subject(p, sent.get(), off), nearest));
    }
    None
}

/// The attribution in the words after a quote (same sentence).
fn from_after<'a>(p: &'a str, at: &[Tok<'a>], off: usize, loose: bool) -> Option<Got<'a>> {
    let mut s = 0;
    while s < at.len() && is_dash(&at[s]) {
        s += 1;
    }
    if s > 0
        && at[..s]
            .iter()
            .any(|t| matches!(t.text, "―" | "—" | "–" | "-"))
    {
        // `“…” ― Jane Roe`: a dash and a name after the quote.
        if let Some(np @ Np::Name(_)) = np_forward(p, at, s, off) {
            let rest = names::cap_runs(&at[s..])
                .next()
                .map_or(at.len(), |r| s + r.1);
            if at[rest.min(at.len())..].iter().all(|t| !t.is_word()) {
                return Some((Some(np), None));
            }
        }
    }
    let lim = at.len().min(s + 24);
    for i in s..lim {
        if according_at(at, i) {
            return Some((np_forward(p, at, i + 2, off), Some(ACCORDING.into())));
        }
        if cue_at(at, i) && !words::is_weak_cue(at[i].text) {
            let cue = cue_text(at, i);
            let lead = (s..i).all(|k| words::is_adverb(at[k].text));
            let np = if lead {
                np_forward(p, at, i + 1, off)
            } else {
                np_backward(p, at, i, s, off).or_else(|| {
                    // `“…,” X sings to Y before asking …`
                    np_forward(p, at, s, off).filter(|n| !matches!(n, Np::Desc(..)))
                })
            };
            return Some((np, Some(cue)));
        }
    }
    if s + 1 < at.len() && at[s].is_word() && !at[s].is_cap() && !is_prep(at[s].text) {
        // `“…” quipped Smith.`
        if let Some(np @ Np::Name(_)) = np_forward(p, at, s + 1, off)
            && at.len() <= s + 6
        {
            return Some((Some(np), Some(at[s].lower_cow())));
        }
    }
    if !loose || s >= at.len() {
        return None;
    }
    // `“…,” Smith fumed` / `“…,” the statement read`: after a quote that
    // ends in a comma, a subject and a lowercase verb are an attribution.
    let np = np_forward(p, at, s, off)?;
    let mut i = s + 1;
    while i < at.len() && (at[i].is_word() && at[i].is_cap() || at[i].text == "of") {
        i += 1;
    }
    if matches!(np, Np::Desc(..)) {
        while i < at.len() && at[i].is_word() && !at[i].is_cap() && i < s + 6 {
            if at[i].text.ends_with("ed") || at[i].text.ends_with('s') {
                break;
            }
            i += 1;
        }
    }
    while i < at.len() && words::is_adverb(at[i].text) {
        i += 1;
    }
    let v = at.get(i)?;
    (v.is_word() && !v.is_cap() && !is_prep(v.text) && !words::is_det(v.text))
        .then(|| (Some(np), Some(v.text.into())))
}

/// The cue of `according to`.
const ACCORDING: &str = "according to";

/// What the words around a quote say of it.
pub(super) struct Ctx<'a> {
    np: Option<Np<'a>>,
    cue: Option<Cow<'a, str>>,
    /// A cue or colon was found in the quote's own sentence.
    cued: bool,
    /// The word just before the opening mark, lowercased.
    before_word: Option<Cow<'a, str>>,
    /// The previous quote of the paragraph is in the same sentence.
    same_sentence: bool,
    /// The quote's text without its trailing white space, which the
    /// context reads and `attribute` reads again.
    text: &'a str,
    /// The canonical form of the name `np` is, set by `attribute`: kept
    /// here, the forms need no vector of their own in every article.
    canon: Option<&'a str>,
}

/// The last sentence end in `all` (the stretch before quote `qi` of the
/// paragraph, whose quotes are `quotes`), and the whole sentence before
/// the quote, earlier quotes left out, for its subject (at most 400 bytes
/// back); `cut` is scratch space for the tokens of a window that cuts a
/// word.
fn sentence_before<'s, 'a>(
    p: &'a str,
    out: &Outside<'s, 'a>,
    quotes: &[Found],
    qi: usize,
    all: &'s [Tok<'a>],
    cut: &'s mut Vec<Tok<'a>>,
) -> (Option<usize>, &'s [Tok<'a>]) {
    let open = quotes[qi].raw.open;
    let window = window_start(p, open);
    let (all_end, sent_end, sent) = match out.up_to(window, qi, open) {
        Some(toks) => {
            let (a, k) = last_ends(all, toks);
            (a, k, toks)
        }
        None => {
            // The window cuts a word of the stretch that ends at the next
            // quote mark after it. Its own tokens after that word are
            // searched first, as they end where `all` does: the tokens of
            // the window are copied only when those hold no sentence end,
            // as the cut word's may.
            let seg_end = stretch_end(quotes, qi, window);
            let own = out.range(out.cut_end(p, window, seg_end), open);
            match last_ends(all, own) {
                (a, Some(k)) => (a, Some(k), own),
                (a, None) => {
                    cut.clear();
                    out.extend_cut(p, window, seg_end, open, cut);
                    (a, last_end(cut), &cut[..])
                }
            }
        }
    };
    (all_end, sent_end.map_or(sent, |k| &sent[k + 1..]))
}

/// The sentence before a quote ([`sentence_before`]), found when a rule
/// first reads it: few quotes need it (most are settled by the words
/// between them and the last sentence end), and its window's search and
/// copy cost more than that end's.
enum Sentence<'s, 'o, 'a> {
    Found(&'s [Tok<'a>]),
    Later {
        p: &'a str,
        out: &'o Outside<'s, 'a>,
        quotes: &'o [Found],
        qi: usize,
        all: &'s [Tok<'a>],
        cut: &'s mut Vec<Tok<'a>>,
    },
}

impl<'s, 'a> Sentence<'s, '_, 'a> {
    fn get(&mut self) -> &'s [Tok<'a>] {
        // Taken out to move the scratch borrow into the search.
        let sent = match std::mem::replace(self, Sentence::Found(&[])) {
            Sentence::Found(sent) => sent,
            Sentence::Later {
                p,
                out,
                quotes,
                qi,
                all,
                cut,
            } => sentence_before(p, out, quotes, qi, all, cut).1,
        };
        *self = Sentence::Found(sent);
        sent
    }
}

/// The context of quote `qi` of the paragraph, whose quotes are `quotes`;
/// `cut` is scratch space for the tokens of a window that cuts a word,
/// kept by the caller.
fn context<'a>(
    p: &'a str,
    out: &Outside<'_, 'a>,
    quotes: &[Found],
    qi: usize,
    off: usize,
    cut: &mut Vec<Tok<'a>>,
) -> Ctx<'a> {
    let raw = quotes[qi].raw;
    let lo = if qi > 0 { quotes[qi - 1].raw.close } else { 0 };
    let hi = quotes.get(qi + 1).map_or(p.len(), |f| f.raw.open);
    let all = out.stretch(qi, lo, raw.open);
    let mut bt = all;
    let mut same_sentence = qi > 0
        && !p[quotes[qi - 1].raw.start..quotes[qi - 1].raw.end]
            .trim_end()
            .ends_with(['.', '!', '?']);
    // (The end [`sentence_before`] finds in `all`.)
    let all_end = last_end(all);
    let mut sent = Sentence::Later {
        p,
        out,
        quotes,
        qi,
        all,
        cut,
    };
    if let Some(k) = all_end {
        bt = &bt[k + 1..];
        same_sentence = false;
    }
    let before_word = bt.last().map(Tok::lower_cow);
    let mut at = out.stretch(qi + 1, raw.close, hi);
    if let Some(k) = first_end(at) {
        at = &at[..k];
    }
    let qtext = p[raw.start..raw.end].trim_end();
    let trailing_comma = qtext.ends_with(',') || qtext.ends_with('?') || qtext.ends_with('!');
    let dash_after = at
        .first()
        .is_some_and(|t| matches!(t.text, "―" | "—" | "–" | "-"));
    let after_ok = trailing_comma
        || dash_after
        || at
            .iter()
            .find(|t| !is_dash(t))
            .is_some_and(|t| t.is_word() && !t.is_cap() || words::pronoun(t.text).is_some())
        || !qtext.ends_with('.');
    let mut first = if trailing_comma {
        // `after_ok` holds: it includes `trailing_comma`.
        let after = from_after(p, at, off, true);
        // `“…,” according to AFP` names the outlet that reported the quote
        // when the sentence already gave a speaker before it.
        if after
            .as_ref()
            .is_some_and(|a| a.1.as_deref() == Some(ACCORDING))
            && let Some(b) = from_before(p, bt, &mut sent, off).filter(|b| b.0.is_some())
        {
            return Ctx {
                np: b.0,
                cue: b.1,
                cued: true,
                before_word,
                same_sentence,
                text: qtext,
                canon: None,
            };
        }
        after
    } else {
        from_before(p, bt, &mut sent, off)
    };
    // `Feinstein said “…,” she said`: the pronoun after the quote refers
    // to the name before it.
    if trailing_comma
        && matches!(first, Some((Some(Np::Pron(..)), _)))
        && let Some(b) = from_before(p, bt, &mut sent, off)
            .filter(|b| matches!(b.0, Some(Np::Name(_))) && b.1.is_some())
    {
        first = Some(b);
    }
    let got = match first {
        Some(g) if g.0.is_some() => Some(g),
        first => if trailing_comma {
            from_before(p, bt, &mut sent, off)
        } else {
            after_ok
                .then(|| from_after(p, at, off, trailing_comma))
                .flatten()
        }
        .or(first),
    };
    let got = got.or_else(|| {
        // `Obama's “…” promise`: the possessor right before the quote.
        if let Some(t) = bt.last().filter(|t| t.is_cap()) {
            let bare = t
                .text
                .strip_suffix("'s")
                .or_else(|| t.text.strip_suffix("’s"));
            if let Some(b) = bare {
                return Some((Some(Np::Name(b)), None));
            }
        }
        if !bt.is_empty() {
            // `Moore thanked him for “…”`: the sentence's subject.
            return subject(p, sent.get(), off).map(|np| (Some(np), None));
        }
        // `X said in a statement. “…”`: a cue in the previous sentence
        // (after an earlier quote, that sentence is its attribution).
        if qi > 0 {
            return None;
        }
        let end = all_end?;
        let begin = last_end(&all[..end]).map_or(0, |k| k + 1);
        let sent = &all[begin..end];
        from_before(p, sent, &mut Sentence::Found(sent), off).filter(|g| g.0.is_some())
    });
    let cued = got.as_ref().is_some_and(|g| {
        g.1.is_some() || g.0.is_some() && !bt.is_empty() && bt.last().is_some_and(|t| t.text == ":")
    });
    match got {
        Some((np, cue)) => Ctx {
            np,
            cue,
            cued,
            before_word,
            same_sentence,
            text: qtext,
            canon: None,
        },
        None => Ctx {
            np: None,
            cue: None,
            cued: false,
            before_word,
            same_sentence,
            text: qtext,
            canon: None,
        },
    }
}

/// The speaker a noun phrase names; `canon` is the canonical form of the
/// name when `np` is one (the persons of the article, which `persons`
/// gives, were found from it).
fn resolve<'b, 'p>(
    np: &Np<'b>,
    canon: Option<&'b str>,
    names: &'b Names,
    persons: impl FnOnce() -> &'p HashSet<&'p str>,
    qpos: usize,
    last_speaker: Option<&'b str>,
) -> Option<&'b str> {
    match np {
        Np::Name(n) => {
            // A generational suffix is not how a speaker is named.
            let bare = n
                .trim_end_matches([',', '.'])
                .strip_suffix(" Jr")
                .or_else(|| n.strip_suffix(" II"))
                .or_else(|| n.strip_suffix(" III"))
                .or_else(|| n.strip_suffix(" Jr."))
                .or_else(|| n.strip_suffix(", Jr."))
                .unwrap_or(n);
            // A name with no suffix is `n` itself, already canonicalized.
            match canon {
                Some(c) if bare.len() == n.len() => Some(c),
                _ => Some(names.canon(bare)),
            }
        }
        Np::Pron(Pron::He | Pron::She, pos) => match last_speaker {
            Some(ls) if names.recent(ls, *pos) => Some(ls),
            _ => names.last_person(*pos, persons()),
        },
        Np::Pron(Pron::Other, _) => None,
        Np::Desc(ws, text) => {
            let definite = ws.first().is_some_and(|w| w == "the" || w == "this");
            definite
                .then(|| names.by_role(ws, qpos))
                .flatten()
                .or(Some(text))
        }
    }
}

/// Where the sentence window before a quote that opens at `open` starts:
/// 400 bytes back, on a char boundary.
fn window_start(p: &str, open: usize) -> usize {
    char_floor(p, open.saturating_sub(400))
}

/// The end of the stretch between quote marks that holds `window`, the
/// start of quote `qi`'s sentence window: the next quote's opening mark
/// after the window, or quote `qi`'s own.
fn stretch_end(quotes: &[Found], qi: usize, window: usize) -> usize {
    let first_in = quotes[..qi].partition_point(|f| f.raw.close <= window);
    quotes[first_in..qi]
        .first()
        .map_or(quotes[qi].raw.open, |f| f.raw.open)
}

/// The largest char boundary of `p` not above `i`.
pub(super) fn char_floor(p: &str, i: usize) -> usize {
    let mut i = i.min(p.len());
    while !p.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first token within 40 bytes after quote `found[fi]`, as
/// `tokens(p, close, close + 40)` gives it. The paragraph's own token is
/// that token when it ends inside the 40 bytes: a token's extent depends
/// only on the characters up to the one after it, which neither bound hides.
fn first_after<'a>(
    p: &'a str,
    out: &Outside<'_, 'a>,
    found: &[Found],
    fi: usize,
) -> Option<Tok<'a>> {
    let f = &found[fi];
    let close = f.raw.close;
    let lim = char_floor(p, close + 40);
    let hi = found
        .get(fi + 1)
        .filter(|g| g.para == f.para)
        .map_or(p.len(), |g| g.raw.open);
    match out.stretch(f.index + 1, close, hi).first() {
        Some(t) if t.end() <= lim => Some(t.clone()),
        _ => words::tokens(p, close, lim).into_iter().next(),
    }
}

/// Whether `t` holds `. ` or `? `: a sentence ends inside the quote. One
/// pass for both marks (two substring searches cost twice the reading).
fn stop_inside(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr2_iter(b'.', b'?', b).any(|k| b.get(k + 1) == Some(&b' '))
}

/// The most quotes of an article whose speakers' names are matched by a
/// scan of the quotes before rather than by a table.
const FEW_QUOTES: usize = 8;

/// A quote's speaker and cue, and whether it is kept.
type Said<'b> = (Option<&'b str>, Option<Cow<'b, str>>, bool);

/// The previous quote: paragraph, its number in `found` (its speaker and
/// cue are `said[that]`), runs on, cued.
type Prev = (usize, usize, bool, bool);

/// Attributes every found quote and keeps those that are speech, as the
/// article's quotes. The quotes of paragraph `i` are
/// `found[firsts[i]..firsts[i + 1]]`; `ctxs` is an empty vector for their
/// contexts, kept by the caller (filled fresh for every article, it missed
/// the caches on every quote).
pub fn attribute<'a>(
    paras: &[(&'a str, usize)],
    outs: &[Outside<'_, 'a>],
    found: &[Found],
    firsts: &[usize],
    names: &Names<'a, '_>,
    ctxs: &mut Vec<Ctx<'a>>,
) -> Vec<Quote> {
    ctxs.reserve(found.len());
    let mut cut = Vec::new();
    for (pi, w) in firsts.windows(2).enumerate() {
        // Each paragraph's quotes are a slice of the list.
        let quotes = &found[w[0]..w[1]];
        let (p, off) = paras[pi];
        for qi in 0..quotes.len() {
            let mut c = context(p, &outs[pi], quotes, qi, off, &mut cut);
            if c.np.is_none()
                && qi == 0
                && p[..quotes[0].raw.open].trim_start().is_empty()
                && pi > 0
            {
                // `Reporter X says:` closing the paragraph before.
                let (pp, poff) = paras[pi - 1];
                if pp.trim_end().ends_with(':') {
                    let all = words::tokens(pp, 0, pp.len());
                    let begin = last_end(&all).map_or(0, |k| k + 1);
                    let sent = &all[begin..];
                    if let Some((np, cue)) = from_before(pp, sent, &mut Sentence::Found(sent), poff)
                    {
                        c.cued = np.is_some();
                        c.np = np;
                        c.cue = cue;
                    }
                }
            }
            ctxs.push(c);
        }
    }
    // Each name's canonical form, found once for the persons and for its
    // speaker, and once for all the quotes that name the same speaker. An
    // article of few quotes finds an earlier quote of the same name by
    // reading the ones before (at most `FEW_QUOTES - 1` compares, mostly of
    // lengths): a table cost its allocation and a hash per name. More quotes
    // use the table, sized for a name per quote up front (grown from empty,
    // it was rehashed in most articles).
    let few = ctxs.len() <= FEW_QUOTES;
    let mut first_with: HashMap<&str, usize> = if few {
        HashMap::default()
    } else {
        HashMap::with_capacity_and_hasher(ctxs.len(), Default::default())
    };
    for k in 0..ctxs.len() {
        let canon = match ctxs[k].np {
            Some(Np::Name(n)) => {
                let earlier = if few {
                    ctxs[..k]
                        .iter()
                        .position(|d| matches!(d.np, Some(Np::Name(m)) if m == n))
                } else {
                    match first_with.entry(n) {
                        Entry::Occupied(e) => Some(*e.get()),
                        Entry::Vacant(e) => {
                            e.insert(k);
                            None
                        }
                    }
                };
                match earlier {
                    Some(j) => {
                        // The oracle: the form found afresh (tests keep
                        // debug assertions).
                        debug_assert_eq!(ctxs[j].canon, Some(names.canon(n)));
                        ctxs[j].canon
                    }
                    None => Some(names.canon(n)),
                }
            }
            _ => None,
        };
        ctxs[k].canon = canon;
    }
    // The persons every quote names (later quotes' too), for a pronoun
    // whose person is not the last speaker: built at the first such
    // pronoun, which most articles do not have.
    let persons = OnceCell::new();
    let persons = || {
        persons.get_or_init(|| {
            // No more canonical forms than quotes; `collect` alone would
            // start empty and grow, as `flatten` gives no lower bound.
            let mut set: HashSet<&str> =
                HashSet::with_capacity_and_hasher(ctxs.len(), Default::default());
            set.extend(ctxs.iter().filter_map(|c| c.canon));
            set
        })
    };

    // Each quote's speaker and cue, and whether it is kept: later quotes
    // read them by number instead of holding copies.
    // Borrowed: only the kept quotes' are copied, into the output.
    let mut said: Vec<Said> = Vec::with_capacity(found.len());
    // The previous quote (kept or not).
    let mut prev: Option<Prev> = None;
    // The quote whose speaker is the last person named as one.
    let mut last_speaker: Option<usize> = None;
    let mut cue_inherit: Option<Cow<str>> = None;
    // The contexts are read in place (`persons` reads their forms) and
    // emptied after.
    for (fi, (f, c)) in found.iter().zip(ctxs.iter()).enumerate() {
        let (p, _) = paras[f.para];
        let qtext = &p[f.raw.start..f.raw.end];
        let qpos = paras[f.para].1 + f.raw.open;
        let mut speaker = c.np.as_ref().and_then(|np| {
            let canon = c.canon;
            let last = last_speaker.and_then(|k| said[k].0);
            resolve(np, canon, names, persons, qpos, last)
        });
        let mut cued = c.cued;
        if !c.cued
            && c.same_sentence
            && let Some((_, pfi, _, true)) = prev
        {
            let (ps, pc, _) = &said[pfi];
            speaker = *ps;
            cued = true;
            if c.cue.is_none() {
                cue_inherit = pc.clone();
            }
        }
        let mut cue = c.cue.clone().or(cue_inherit.take());
        let mut continued = false;
        // Only whitespace before the quote: asked of every quote (and of
        // some twice), it is read once, from the front alone.
        let opens_para = p[..f.raw.open].trim_start().is_empty();
        if c.np.is_none()
            && let Some((pp, pfi, prun, _)) = prev
        {
            let (ps, pc, _) = &said[pfi];
            let same_para = pp == f.para && f.index > 0;
            let next_para = pp + 1 == f.para && (opens_para || prun);
            if (same_para || next_para) && ps.is_some() {
                speaker = *ps;
                if cue.is_none() {
                    cue = pc.clone();
                }
                continued = true;
            }
        }
        // Every test of `n` below is against a bound under 9, so counting
        // stops at 9.
        let n = word_count(qtext, 9);
        let t = c.text;
        let ends = t.ends_with([',', '.', '!', '?', '…', ';', ':', '—', '–']) || stop_inside(t);
        let heading = opens_para
            && {
                // At most one character after the quote.
                let mut rest = p[f.raw.close..].trim().chars();
                rest.next();
                rest.next().is_none()
            }
            && !ends
            && n <= 8;
        let term = c.before_word.as_deref().is_some_and(is_term_marker);
        // `Marcia "Cia" Price`: a nickname inside a name. `n <= 2` first:
        // it is cheap and rules out most quotes before the text around
        // the quote is read.
        let nickname = n <= 2
            && c.before_word.as_deref().is_some_and(|w| {
                w.chars().next().is_some_and(crate::uclass::is_alphabetic)
                    && p[..f.raw.open]
                        .trim_end()
                        .ends_with(crate::uclass::is_alphabetic)
                    && p[..f.raw.open]
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|w| w.starts_with(char::is_uppercase))
            })
            && p[f.raw.close..]
                .trim_start()
                .starts_with(char::is_uppercase);
        // `"WALLACE: …` transcript lines: a speaker label, not a quote.
        let label = speaker_label(qtext);
        // A title of at most eight words, title-cased, that is not a cued
        // sentence or exclamation, or that follows a possessor (`Obama's
        // “…”`) or a preposition or determiner (`said on “Meet the
        // Press.”`, `the co-author of “Going Viral,”`). `n <= 8` first: it
        // is cheap and rules out most quotes; then the tests of the ends
        // and the word before, which rule out more before the text is read
        // for its case (once, where each of the two forms read it).
        let title = n <= 8
            && (!(t.ends_with(['!', '?']) || n <= 2 && cued || cued && t.ends_with('.') && n >= 3)
                || c.before_word.as_deref().is_some_and(|w| {
                    w.ends_with("'s")
                        || w.ends_with("’s")
                        || is_prep(w)
                        || words::is_det(w)
                        || matches!(w, "titled" | "entitled" | "called")
                }))
            && title_case(qtext);
        // `a federal “supermax” prison`: a short quoted modifier of the
        // noun after it.
        let modifier = n <= 3
            && !ends
            && first_after(p, &outs[f.para], found, fi)
                .is_some_and(|t| t.is_word() && !t.is_cap() && !is_function_word(t.text));
        let keep = if t.is_empty() || heading || nickname || label || title || modifier {
            false
        } else if f.raw.runs_on {
            true
        } else if n <= 3 {
            cued && !term || ends && (cued || continued) && n >= 2
        } else {
            ends || cued || continued || n >= 6
        };
        prev = Some((f.para, fi, f.raw.runs_on, cued));
        if let Some(sp) = speaker
            && sp.chars().any(|c| c.is_lowercase())
            && !sp.starts_with(|c: char| c.is_lowercase())
        {
            last_speaker = Some(fi);
        }
        said.push((speaker, cue, keep));
    }
    ctxs.clear();
    // The quotes themselves, made here at their full number: kept quotes
    // passed through a list of their own were copied twice, and that
    // list, grown from empty, was shrunk into the output.
    let mut out = Vec::with_capacity(said.iter().filter(|(_, _, keep)| *keep).count());
    out.extend(
        found
            .iter()
            .zip(said)
            .filter(|(_, (_, _, keep))| *keep)
            .map(|(f, (speaker, cue, _))| {
                let (p, off) = paras[f.para];
                Quote {
                    text: p[f.raw.start..f.raw.end].to_string(),
                    speaker: speaker.map(str::to_string),
                    cue: cue.map(Cow::into_owned),
                    span: Span::new(off + f.raw.start, off + f.raw.end),
                }
            }),
    );
    out
}

#[cfg(test)]
mod unit {
    use super::*;
    use proptest::prelude::*;

    /// The stop test as it was written, on the token's text.
    fn is_sentence_end_written(t: &Tok) -> bool {
        let b = t.text.as_bytes();
        match b.first() {
            Some(b'.' | b'!' | b'?') => b.len() == 1,
            Some(0xE2) => b == "…".as_bytes(),
            _ => false,
        }
    }

    fn prose() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "He", "said", "word", " ", " ", ".", "!", "?", "…", "...", ",", ")", ";", ":", "]",
                "U.S.", "x.", "Ab", "é", "–", "’", "7",
            ]),
            0..60,
        )
        .prop_map(|v| v.concat())
    }

    /// [`sentence_before`] as it was written: a window that cuts a word
    /// always copied.
    fn sentence_before_copied<'s, 'a>(
        p: &'a str,
        out: &Outside<'s, 'a>,
        quotes: &[Found],
        qi: usize,
        all: &'s [Tok<'a>],
        cut: &'s mut Vec<Tok<'a>>,
    ) -> (Option<usize>, &'s [Tok<'a>]) {
        let open = quotes[qi].raw.open;
        let window = window_start(p, open);
        let sent: &[Tok] = match out.up_to(window, qi, open) {
            Some(toks) => toks,
            None => {
                let seg_end = stretch_end(quotes, qi, window);
                cut.clear();
                out.extend_cut(p, window, seg_end, open, cut);
                cut
            }
        };
        let (all_end, sent_end) = last_ends(all, sent);
        (all_end, sent_end.map_or(sent, |k| &sent[k + 1..]))
    }

    /// Quotes of `s` between the char boundaries the picks fall on, two by
    /// two in order (the picks taken modulo the text's length).
    fn quotes_at(s: &str, picks: &[usize]) -> Vec<Found> {
        let mut c: Vec<usize> = picks
            .iter()
            .map(|&k| char_floor(s, k % (s.len() + 1)))
            .collect();
        c.sort_unstable();
        c.dedup();
        c.chunks_exact(2)
            .enumerate()
            .map(|(index, w)| Found {
                para: 0,
                index,
                raw: Raw {
                    open: w[0],
                    start: w[0],
                    end: w[1],
                    close: w[1],
                    runs_on: false,
                },
            })
            .collect()
    }

    /// Prose of several windows, with few sentence ends.
    fn long_prose() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop::sample::select(vec![
                "He ", "said ", "word ", "words ", "the ", "U.S. ", ". ", "x.", "é", "’", "7 ",
                "a", ", ",
            ]),
            0..400,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        /// The sentence before each quote is the one found in the copied
        /// window, whether or not the window cuts a word, and whether it is
        /// found at once or when a rule first reads it ([`Sentence`]).
        #[test]
        fn sentences_before_are_the_copied_windows(
            s in long_prose(),
            picks in proptest::collection::vec(any::<usize>(), 2..8),
        ) {
            let quotes = quotes_at(&s, &picks);
            let quoted: Vec<(usize, usize)> =
                quotes.iter().map(|f| (f.raw.open, f.raw.close)).collect();
            let (mut toks, mut starts) = (Vec::new(), Vec::new());
            Outside::tokenize(&s, &quoted, &mut toks, &mut starts);
            let out = Outside::of(&toks, &starts);
            for qi in 0..quotes.len() {
                let lo = if qi > 0 { quotes[qi - 1].raw.close } else { 0 };
                let all = out.stretch(qi, lo, quotes[qi].raw.open);
                let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
                let (got_end, got) = sentence_before(&s, &out, &quotes, qi, all, &mut a);
                let (want_end, want) = sentence_before_copied(&s, &out, &quotes, qi, all, &mut b);
                prop_assert_eq!(got_end, want_end);
                prop_assert_eq!(got, want, "quote {} of {:?}", qi, s);
                // Found when a rule first reads it, and kept for the next.
                let p = s.as_str();
                let (quotes, cut) = (&quotes[..], &mut c);
                let mut later = Sentence::Later { p, out: &out, quotes, qi, all, cut };
                prop_assert_eq!(later.get(), want, "quote {} read later", qi);
                prop_assert_eq!(later.get(), want, "quote {} read again", qi);
            }
        }
    }

    /// `Moore thanked him for “…”`: with no cue near the quote, its
    /// speaker is the subject of the sentence before it, read only then.
    #[test]
    fn a_quote_without_a_cue_takes_the_sentences_subject() {
        let p = "It rained. Vera Lind thanked the crew for \u{201c}a fine job\u{201d} today.";
        let open = p.find('\u{201c}').unwrap();
        let close = p.find('\u{201d}').unwrap();
        let raw = Raw {
            open,
            start: open + 3,
            end: close,
            close,
            runs_on: false,
        };
        let quotes = [Found {
            para: 0,
            index: 0,
            raw,
        }];
        let (mut toks, mut starts) = (Vec::new(), Vec::new());
        Outside::tokenize(p, &[(open, close + 3)], &mut toks, &mut starts);
        let out = Outside::of(&toks, &starts);
        let c = context(p, &out, &quotes, 0, 0, &mut Vec::new());
        assert!(matches!(c.np, Some(Np::Name("Vera Lind"))), "{:?}", c.np);
    }

    proptest! {
        #[test]
        fn stop_inside_is_either_substring(s in "[a-c.? !…\u{a0}]{0,80}") {
            prop_assert_eq!(stop_inside(&s), s.contains(". ") || s.contains("? "));
        }

        #[test]
        fn stops_are_the_written_stops(s in prose()) {
            for t in words::tokens(&s, 0, s.len()) {
                prop_assert_eq!(is_sentence_end(&t), is_sentence_end_written(&t), "{}", t.text);
            }
        }

        /// Two slices of one list with the same end answer as each
        /// searched alone; slices of two lists are each searched.
        #[test]
        fn last_ends_are_each_last_end(s in prose(), a in any::<usize>(), b in any::<usize>(), cut in any::<usize>()) {
            let toks = words::tokens(&s, 0, s.len());
            let n = toks.len() + 1;
            let end = toks.len() - cut % n;
            let x = &toks[(a % n).min(end)..end];
            let y = &toks[(b % n).min(end)..end];
            prop_assert_eq!(last_ends(x, y), (last_end(x), last_end(y)));
            let copy = y.to_vec();
            prop_assert_eq!(last_ends(x, &copy), (last_end(x), last_end(&copy)));
        }
    }

    /// Each quote naming a speaker is his, however many quotes an article
    /// has and however often a name comes back: the names' table is sized
    /// once, and a repeated name reuses the canonical form found first.
    #[test]
    fn every_named_quote_has_its_speaker() {
        let speakers = ["Anna Keller", "Bob Stone", "Ellen Park"];
        let mut text = String::from("Headline\n\n");
        let mut paragraphs = Vec::new();
        let mut want = Vec::new();
        for i in 0..20 {
            let who = speakers[(i * 7) % 3];
            let p = format!("\u{201c}Point number {i} stands,\u{201d} {who} said.");
            let start = text.len();
            text.push_str(&p);
            paragraphs.push(crate::model::Paragraph {
                text: p,
                span: crate::model::Span::new(start, text.len()),
            });
            text.push_str("\n\n");
            want.push((format!("Point number {i} stands,"), Some(who.to_string())));
        }
        let article = crate::model::Article {
            paragraphs,
            ..Default::default()
        };
        let got: Vec<_> = super::super::extract(&text, &article)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect();
        assert_eq!(got, want);
    }

    /// Wherever a cue is accepted, its phrase is the verb lowercased, with
    /// `out`/`on` after `pointed`/`went`: the borrowed text is that only
    /// while every accepted verb is a lowercase word.
    #[test]
    fn cue_phrase_is_the_accepted_verb_lowercased() {
        let mut accepted = 0;
        for w in words::CUES.iter().chain(&["pointed", "went"]) {
            let mixed = format!("{}{}", &w[..1], w[1..].to_uppercase());
            for v in [w.to_string(), w.to_uppercase(), mixed] {
                for next in ["out", "on", "x"] {
                    let s = format!("{v} {next}");
                    let t = words::tokens(&s, 0, s.len());
                    if !cue_at(&t, 0) {
                        continue;
                    }
                    accepted += 1;
                    let mut want = v.to_lowercase();
                    if (want == "pointed" && next == "out") || (want == "went" && next == "on") {
                        want = format!("{want} {next}");
                    }
                    assert_eq!(cue_text(&t, 0), want, "{s}");
                }
            }
        }
        assert!(accepted >= words::CUES.len(), "{accepted}");
    }

    /// The stops by their first byte are the stops as written.
    #[test]
    fn sentence_ends_by_first_byte() {
        let s = ". ! ? … ... .. a I the and é — – ’ , ; : ! ?! .5 x. A.";
        for t in words::tokens(s, 0, s.len()) {
            let want = matches!(t.text, "." | "!" | "?" | "…");
            assert_eq!(is_sentence_end(&t), want, "{}", t.text);
        }
        for w in [".", "!", "?", "…"] {
            assert!(is_sentence_end(&words::tokens(w, 0, w.len())[0]), "{w}");
        }
    }
}
