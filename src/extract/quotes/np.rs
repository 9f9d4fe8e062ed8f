//! Noun phrases next to a cue: names (titles split off), pronouns and
//! descriptions, read backward from a cue (`X said`) or forward from it
//! (`said X`), and the subject of a sentence.

use std::borrow::Cow;

use super::names;
use super::words::{self, Pron, Tok};

/// The noun phrase that goes with a cue, borrowing the paragraph's text:
/// most quotes' phrases are read and dropped, so no copy is made for them.
#[derive(Clone, Debug)]
pub enum Np<'a> {
    /// A name as written, titles removed; an institution loses its `the`.
    Name(&'a str),
    /// A subject pronoun at a byte offset in the file.
    Pron(Pron, usize),
    /// A description (`the UN chief`): lowercased words (borrowed when
    /// written in lowercase) and the text.
    Desc(Vec<Cow<'a, str>>, &'a str),
}

/// Words that end a descriptive noun phrase read forward.
pub fn is_np_stop(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "that"
            | "who"
            | "which"
            | "to"
            | "from"
            | "with"
            | "as"
            | "and"
            | "but"
            | "said"
            | "says"
            | "told"
            | "added"
            | "last"
            | "this"
            | "on."
            | "about"
            | "because"
            | "if"
            | "than"
            | "into"
            | "by"
            | "since"
            | "is"
            | "was"
            | "has"
            | "had"
    )
}

pub fn text_of<'a>(p: &'a str, toks: &[Tok]) -> &'a str {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => &p[a.start..b.end()],
        _ => "",
    }
}

/// A capitalized run read as a name or, when it is all titles, as a
/// description.
pub fn run_np<'a>(p: &'a str, run: &[Tok<'a>], det: Option<&Tok<'a>>) -> Option<Np<'a>> {
    let k = names::title_split(run);
    if k < run.len() {
        let mut name = &run[k..];
        // `Jason Gilbert of Cheyenne`: the name ends before `of`.
        if let Some(o) = name.iter().position(|t| t.text == "of").filter(|&o| o > 0) {
            name = &name[..o];
        }
        if name.len() == 1 && words::is_stop_cap(name[0].text) {
            return None;
        }
        return Some(Np::Name(text_of(p, name)));
    }
    let ws = det.into_iter().chain(run).map(Tok::lower_cow).collect();
    let start = det.map_or(run[0].start, |d| d.start);
    Some(Np::Desc(ws, &p[start..run[run.len() - 1].end()]))
}

/// The noun phrase ending just before `toks[ci]` (a cue), not reaching
/// below `lo`.
pub fn np_backward<'a>(
    p: &'a str,
    toks: &[Tok<'a>],
    ci: usize,
    lo: usize,
    off: usize,
) -> Option<Np<'a>> {
    let mut j = ci;
    while j > lo
        && (words::is_adverb(toks[j - 1].text)
            || toks[j - 1].text.len() > 4
                && toks[j - 1].text.ends_with("ly")
                && !toks[j - 1].is_cap())
    {
        j -= 1;
    }
    if j <= lo {
        return None;
    }
    let j = j - 1;
    let t = &toks[j];
    if t.text == "to" && j > lo + 1 {
        // `went on to say`, `declined to say`: the subject of the verb
        // before the infinitive.
        let mut v = j - 1;
        if matches!(toks[v].text, "on" | "forward" | "ahead") && v > lo + 1 {
            v -= 1;
        }
        if toks[v].is_word() && !toks[v].is_cap() {
            return np_backward(p, toks, v, lo, off);
        }
    }
    if let Some(pr) = words::pronoun(t.text) {
        return Some(Np::Pron(pr, off + t.start));
    }
    if t.text == "," || t.text == ")" {
        // An appositive: `X, the head of Y, said` or `his adviser, X, said`.
        let mut k = j;
        while k > lo && j - k < 16 {
            k -= 1;
            if toks[k].text == "," || toks[k].text == "(" {
                let inner = &toks[k + 1..j];
                if t.text == ","
                    && !inner.is_empty()
                    && inner
                        .iter()
                        .all(|t| t.is_word() && (t.is_cap() || words::is_name_particle(t.text)))
                    && let Some(np @ Np::Name(_)) = run_np(p, inner, None)
                {
                    return Some(np);
                }
                return np_backward(p, toks, k, lo, off);
            }
        }
        return None;
    }
    if t.text == "as" && j > lo + 1 {
        // `quoted one trader as saying`
        return np_backward(p, toks, j, lo, off);
    }
    if t.text == "who" && j > lo + 1 && toks[j - 1].text == "," {
        // `Trump, who has called …`: the antecedent.
        return np_backward(p, toks, j - 1, lo, off);
    }
    if !t.is_word()
        || t.text.ends_with("'s")
        || t.text.ends_with("’s")
        || matches!(t.text, "who" | "that" | "which" | "and" | "or")
    {
        return None;
    }
    if t.is_cap() {
        let mut s = j;
        while s > lo {
            let u = &toks[s - 1];
            // A possessor (`Iraq's Saddam`) is not part of the name.
            let possessive = u.text.ends_with("'s") || u.text.ends_with("’s");
            let cap = u.is_word() && u.is_cap() && !words::is_stop_cap(u.text) && !possessive;
            let particle = (words::is_name_particle(u.text) || u.text == "of")
                && s >= lo + 2
                && toks[s - 2].is_cap();
            if !(cap || particle) {
                break;
            }
            s -= 1;
        }
        if s < j + 1 && words::is_stop_cap(toks[s].text) && s == j {
            return None;
        }
        let det = (s > lo && words::is_det(toks[s - 1].text)).then(|| &toks[s - 1]);
        return run_np(p, &toks[s..=j], det);
    }
    // A lowercase description back to its determiner.
    let mut d = j;
    let mut n = 0;
    while n < 7 {
        if matches!(toks[d].text, "that" | "who" | "which") {
            // A relative clause is not the subject.
            return None;
        }
        if words::is_det(toks[d].text) {
            if d == j {
                return None;
            }
            if d >= lo + 3
                && is_prep(toks[d - 1].text)
                && toks[d - 2].text.ends_with("ing")
                && toks[d - 3].is_cap()
            {
                // `Protesters marching through the streets chanted`
                return np_backward(p, toks, d - 2, lo, off);
            }
            let ws = toks[d..=j].iter().map(Tok::lower_cow).collect();
            return Some(Np::Desc(ws, text_of(p, &toks[d..=j])));
        }
        if d < j && (toks[d].text.ends_with("'s") || toks[d].text.ends_with("’s")) {
            // `Powell’s office said`
            let ws = toks[d..=j].iter().map(Tok::lower_cow).collect();
            return Some(Np::Desc(ws, text_of(p, &toks[d..=j])));
        }
        if d == lo || !toks[d].is_word() {
            break;
        }
        d -= 1;
        n += 1;
    }
    let w = t.lower_cow();
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !words::is_cue(&w) {
        return Some(Np::Desc(vec![w], t.text));
    }
    None
}

/// The noun phrase starting at `toks[i]`.
pub fn np_forward<'a>(p: &'a str, toks: &[Tok<'a>], i: usize, off: usize) -> Option<Np<'a>> {
    let t = toks.get(i)?;
    if let Some(pr) = words::pronoun(t.text) {
        return Some(Np::Pron(pr, off + t.start));
    }
    let (det, s) = if words::is_det(t.text) {
        (Some(t), i + 1)
    } else {
        (None, i)
    };
    let first = toks.get(s)?;
    if !first.is_word() {
        return None;
    }
    if first.is_cap() {
        let (_, e) = names::cap_runs(&toks[s..]).next()?;
        let last = &toks[s + e - 1];
        if last.text.ends_with("'s") || last.text.ends_with("’s") {
            // `said Florida’s Republican Sen. Marco Rubio`: the possessor
            // modifies the name after it.
            return np_forward(p, toks, s + e, off).filter(|n| matches!(n, Np::Name(_)));
        }
        if det.is_none()
            && toks.get(s + e).is_some_and(|t| t.is_word() && !t.is_cap())
            && let Some(k) = (s + e..toks.len().min(s + e + 5)).find(|&k| toks[k].is_cap())
            && (s + e..k)
                .all(|m| toks[m].is_word() && !is_prep(toks[m].text) && !is_np_stop(toks[m].text))
            && let Some(np @ Np::Name(_)) = np_forward(p, toks, k, off)
        {
            // `Democratic strategist Simon Rosenberg`
            return Some(np);
        }
        // A lowercase head after capitalized modifiers (`the UN chief`).
        let mut end = s + e;
        if det.is_some() {
            // One lowercase head word (`the UN chief`).
            while end < toks.len()
                && end == s + e
                && toks[end].is_word()
                && !words::is_adverb(toks[end].text)
                && !toks[end].is_cap()
                && !is_np_stop(toks[end].text)
                && !toks[end].is_cue()
                && !toks[end].text.ends_with("ed")
            {
                end += 1;
            }
        }
        if end > s + e {
            let start = det.map_or(first.start, |d| d.start);
            let ws = det
                .into_iter()
                .chain(&toks[s..end])
                .map(Tok::lower_cow)
                .collect();
            return Some(Np::Desc(ws, &p[start..toks[end - 1].end()]));
        }
        return run_np(p, &toks[s..s + e], det);
    }
    let mut end = s;
    while end < toks.len()
        && end - s < 6
        && toks[end].is_word()
        && !is_np_stop(toks[end].text)
        && !toks[end].is_cue()
        && !(end > s && toks[end].text.ends_with("ed") && !toks[end].is_cap())
    {
        if toks[end].is_cap() {
            // `said former Obama adviser David Axelrod`: lowercase modifiers
            // and titles before a name.
            let (_, e) = names::cap_runs(&toks[end..])
                .next()
                .expect("a capitalized word opens a run");
            let run = &toks[end..end + e];
            if names::title_split(run) < run.len()
                && let Some(np @ Np::Name(_)) = run_np(p, run, None)
            {
                return Some(np);
            }
            if e > 0 && toks.get(end + e).is_some_and(|t| t.is_cap()) {
                break;
            }
        }
        end += 1;
    }
    let det = det?;
    if end == s {
        return None;
    }
    let ws = [det]
        .into_iter()
        .chain(&toks[s..end])
        .map(Tok::lower_cow)
        .collect();
    Some(Np::Desc(ws, &p[det.start..toks[end - 1].end()]))
}

pub fn is_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "with"
            | "from"
            | "of"
            | "to"
            | "for"
            | "by"
            | "after"
            | "before"
            | "about"
            | "against"
            | "into"
            | "over"
            | "under"
            | "like"
            | "than"
            | "between"
            | "during"
            | "toward"
            | "towards"
            | "without"
            | "through"
            | "across"
            | "near"
    )
}

/// The subject of a sentence: its first name (or a pronoun opening it)
/// that is not the object of a preposition or a possessor.
pub fn subject<'a>(p: &'a str, bt: &[Tok<'a>], off: usize) -> Option<Np<'a>> {
    if let Some(t) = bt.first()
        && let Some(pr) = words::pronoun(t.text)
    {
        return Some(Np::Pron(pr, off + t.start));
    }
    if bt.len() > 2 && bt[0].text.eq_ignore_ascii_case("the") {
        // `The piece used …`, `The Florida senator is …`: a definite
        // subject.
        if bt[1].is_word() && !bt[1].is_cap() {
            return Some(Np::Desc(
                vec!["the".into(), bt[1].lower_cow()],
                text_of(p, &bt[..2]),
            ));
        }
        return np_forward(p, bt, 0, off);
    }
    for (s, e) in names::cap_runs(bt) {
        let indefinite = s > 0 && matches!(bt[s - 1].text, "a" | "an" | "A" | "An");
        let opener = s == 0
            && e == 1
            && (bt[0].text.ends_with("ly")
                || bt.get(1).is_some_and(|t| is_prep(t.text))
                || matches!(
                    bt[0].text,
                    "Hours"
                        | "Days"
                        | "Minutes"
                        | "Moments"
                        | "Weeks"
                        | "Months"
                        | "Years"
                        | "Afterward"
                        | "Afterwards"
                        | "Finally"
                        | "Instead"
                        | "Again"
                ));
        if indefinite || opener {
            continue;
        }
        let after_prep = s > 0 && is_prep(&bt[s - 1].lower_cow());
        let possessive = bt[e - 1].text.ends_with("'s") || bt[e - 1].text.ends_with("’s");
        let run = &bt[s..e];
        let k = names::title_split(run);
        if k >= run.len() {
            continue;
        }
        if after_prep || possessive {
            return None;
        }
        if bt
            .get(e)
            .is_some_and(|t| !t.is_cap() && words::is_title(t.text))
            && bt.get(e + 1).is_some_and(|t| t.is_cap())
        {
            // `Tory leader Michael Howard`: the name after the title.
            continue;
        }
        let det = (s > 0 && words::is_det(bt[s - 1].text)).then(|| &bt[s - 1]);
        return run_np(p, run, det);
    }
    None
}
