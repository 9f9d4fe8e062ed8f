//! The stored scan DFA ([`super::SCAN_DFA`]) walked over two regions at
//! once.
//!
//! The walk of a dense DFA is bound by load latency, not by instructions:
//! the address of each byte's transition is the previous transition's
//! result, so one walk leaves the core waiting on each load. Two regions
//! walked in lockstep are two independent chains whose loads overlap.
//! Each lane runs the search of `dfa::regex::Regex::find_iter`
//! (leftmost-first: the forward DFA to the end of a match, the reverse DFA
//! back from there to its start, the next search from its end), so the
//! matches are the same; a proptest compares them.
//!
//! The lanes test the two states a round of eight bytes ends in
//! ([`Marks`]): the dead state leads only to itself and a match state only
//! to states marked for it, so a round that met either ends in a marked
//! state, and the rare such round is walked again byte by byte, on past
//! match states (noted on the way) to the end of a lane's search.

use regex_automata::dfa::{Automaton, regex::Regex};
use regex_automata::util::{primitives::StateID, start};
use regex_automata::{Anchored, HalfMatch, Match};

use super::Dense;

/// The matches of `re` in each haystack of `haystacks` (an index and the
/// text), appended to `out` as (index, match): those of `find_iter`, in its
/// order within each haystack, the haystacks interleaved.
pub(super) fn find_all<'h>(
    re: &Regex<Dense>,
    marks: &Marks,
    haystacks: impl IntoIterator<Item = (usize, &'h [u8])>,
    out: &mut Vec<(usize, Match)>,
) {
    let mut pending = haystacks.into_iter();
    let mut lane = |at: &mut Option<Lane<'h>>| *at = pending.next().map(|h| Lane::new(re, h));
    let (mut a, mut b) = (None, None);
    lane(&mut a);
    lane(&mut b);
    loop {
        match (&mut a, &mut b) {
            (Some(x), Some(y)) => {
                let (x_live, y_live) = walk_both(re, marks, x, y, out);
                if !x_live {
                    lane(&mut a);
                }
                if !y_live {
                    lane(&mut b);
                }
            }
            (Some(x), None) | (None, Some(x)) => {
                while x.walk(re, marks, out) {}
                a = None;
                b = None;
            }
            (None, None) => return,
        }
    }
}

/// The states of a forward DFA that a round of [`walk_both`] may not end
/// in unless it is walked again: the dead and quit states, the match
/// states, and every state a match state leads to (the search after a
/// match only grows it or dies). A round that passed a match state or the
/// dead state ends in one of them; the idle states of a search that has
/// seen no match are not marked (a test checks the start states), so
/// rounds that pass an accelerated or a start state are not walked again
/// either.
#[derive(Debug)]
pub(super) struct Marks {
    stride2: usize,
    /// By state index (its ID shifted right by `stride2`), 1 if marked.
    /// One entry for each index a `u16` holds, more than the DFA has
    /// states ([`Marks::of`] checks): an index cut to 16 bits is then
    /// within the table by its type, so a round's test reads it without
    /// a bound to clamp to or check.
    marked: Box<[u8; STATES]>,
}

/// The states [`Marks`] has room for.
const STATES: usize = 1 << 16;

impl Marks {
    /// The marks of `re`'s forward DFA, once per process: the special
    /// states are numbered first (`is_special_state` answers for any ID,
    /// and a binary search finds the first plain one), then the states
    /// reachable from a match state, by one byte of each class at a time.
    pub(super) fn of(re: &Regex<Dense>) -> Marks {
        let fwd = re.forward();
        let special = |id: usize| StateID::new(id).is_ok_and(|s| fwd.is_special_state(s));
        let (mut lo, mut hi) = (0, StateID::LIMIT);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if special(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let stride2 = fwd.stride2();
        // Each state has a row of `1 << stride2` transitions of 4 bytes.
        assert!(
            fwd.memory_usage() >> (stride2 + 2) <= STATES,
            "more states than the marks have room for"
        );
        let id = |index: usize| StateID::new(index << stride2).expect("a state of the DFA");
        let mut marked = Box::new([0; STATES]);
        let mut todo = Vec::new();
        let special_states = lo.div_ceil(1 << stride2);
        for (index, mark) in marked[..special_states].iter_mut().enumerate() {
            let sid = id(index);
            let stop = fwd.is_dead_state(sid) || fwd.is_quit_state(sid);
            *mark = u8::from(stop || fwd.is_match_state(sid));
            if fwd.is_match_state(sid) {
                todo.push(sid);
            }
        }
        let bytes: Vec<u8> = (fwd.byte_classes().representatives(..))
            .filter_map(|unit| unit.as_u8())
            .collect();
        while let Some(sid) = todo.pop() {
            for &byte in &bytes {
                let next = fwd.next_state(sid, byte);
                let index = next.as_usize() >> stride2;
                if marked[index] == 0 {
                    marked[index] = 1;
                    todo.push(next);
                }
            }
        }
        Marks { stride2, marked }
    }

    /// 1 if `sid` is marked, else 0: read without a branch on the state,
    /// so that the two of a round are one test.
    pub(super) fn mark(&self, sid: StateID) -> u8 {
        // (The cut keeps every index: the states are fewer than `STATES`.)
        self.marked[usize::from((sid.as_usize() >> self.stride2) as u16)]
    }
}

/// The bytes of each lane a round of [`walk_both`] (or of a lane walking
/// alone, [`Lane::walk`]) steps before it tests the states reached: the
/// fewer rounds, the fewer loop counts and tests, and the rare round that
/// ends marked ([`Marks`]) is walked again.
const ROUND: usize = 8;

/// Walks `x` and `y` until one of them needs more than a transition or a
/// note of a match (the dead state, or its haystack's end) and lets the
/// lanes act on it;
/// whether each still has text to search. (Not inlined: in the extractor's
/// driver the loop's states and pointers were spilled to the stack.)
#[inline(never)]
fn walk_both(
    re: &Regex<Dense>,
    marks: &Marks,
    x: &mut Lane,
    y: &mut Lane,
    out: &mut Vec<(usize, Match)>,
) -> (bool, bool) {
    let fwd = re.forward();
    let (mut xs, mut ys) = (x.sid, y.sid);
    let (xh, yh) = (&x.hay[x.at..], &y.hay[y.at..]);
    let n = xh.len().min(yh.len());
    // SAFETY: the states passed are states of `fwd` (its start states
    // and its transitions, all valid states: the stored DFA is the one
    // `cargo test` rebuilt and loaded checked, see `SCAN_DFA`), and a
    // byte's class is within a state's row: the invariant of the
    // library's own search loop.
    let step = |(xs, ys), (xb, yb)| unsafe {
        (
            fwd.next_state_unchecked(xs, xb),
            fwd.next_state_unchecked(ys, yb),
        )
    };
    let (xh, yh) = (&xh[..n], &yh[..n]);
    let mut k = 0;
    // Eight bytes a round, one test of the two states it ends in: a
    // special state has a row too (the dead state's leads to itself), so
    // stepping on from one is harmless, and a round that ends marked is
    // walked again below.
    for (xq, yq) in xh
        .as_chunks::<ROUND>()
        .0
        .iter()
        .zip(yh.as_chunks::<ROUND>().0)
    {
        let mut at = (xs, ys);
        for pair in xq.iter().zip(yq) {
            at = step(at, (*pair.0, *pair.1));
        }
        if marks.mark(at.0) | marks.mark(at.1) != 0 {
            break;
        }
        (xs, ys) = at;
        k += ROUND;
    }
    // Special states are numbered first: one test for both lanes.
    let special = |(xs, ys): (StateID, StateID)| fwd.is_special_state(xs.min(ys));
    // The special states the walk passes through in both lanes: a match
    // state, noted as `Lane::took` notes it, and an accelerated one. (A
    // match mostly ends a byte after its match state: stopping at both
    // cost a return to `find_all` and a second round walked again.)
    let passing = |s: StateID| !fwd.is_dead_state(s) && !fwd.is_quit_state(s);
    let mut stop = false;
    for pair in xh[k..].iter().zip(&yh[k..]) {
        (xs, ys) = step((xs, ys), (*pair.0, *pair.1));
        if special((xs, ys)) {
            if !(passing(xs) && passing(ys)) {
                stop = true;
                break;
            }
            x.note(fwd, xs, x.at + k);
            y.note(fwd, ys, y.at + k);
        }
        k += 1;
    }
    (x.sid, y.sid) = (xs, ys);
    x.at += k;
    y.at += k;
    if stop {
        // Both lanes took the transition on the byte at `at`.
        (x.took(re, out), y.took(re, out))
    } else {
        // One haystack or both ended, with no transition pending.
        let mut end = |l: &mut Lane| l.at < l.hay.len() || l.at_end(re, out);
        (end(x), end(y))
    }
}

/// One search of `find_iter` in progress.
struct Lane<'h> {
    hay: &'h [u8],
    /// The index of `hay` among the haystacks.
    index: usize,
    /// Where the search started: the haystack's start or the end of the
    /// last match.
    from: usize,
    /// The next byte to read.
    at: usize,
    sid: StateID,
    /// The last match state the search saw: its pattern and the match end.
    last: Option<HalfMatch>,
}

impl<'h> Lane<'h> {
    fn new(re: &Regex<Dense>, (index, hay): (usize, &'h [u8])) -> Lane<'h> {
        let mut lane = Lane {
            hay,
            index,
            from: 0,
            at: 0,
            sid: StateID::ZERO,
            last: None,
        };
        lane.start(re, 0);
        lane
    }

    /// Starts a search at `from`: its start state depends on the byte
    /// before (`\b`).
    fn start(&mut self, re: &Regex<Dense>, from: usize) {
        let config = start::Config::new()
            .anchored(Anchored::No)
            .look_behind(from.checked_sub(1).map(|i| self.hay[i]));
        self.sid = re
            .forward()
            .start_state(&config)
            .expect("the scan's DFA has no quit bytes");
        (self.from, self.at, self.last) = (from, from, None);
    }

    /// Walks alone until a special state or the haystack's end and acts on
    /// it; whether there is still text to search.
    fn walk(&mut self, re: &Regex<Dense>, marks: &Marks, out: &mut Vec<(usize, Match)>) -> bool {
        let fwd = re.forward();
        // SAFETY: as in `walk_both`.
        let step = |sid, byte| unsafe { fwd.next_state_unchecked(sid, byte) };
        let mut sid = self.sid;
        // Rounds as `walk_both`'s, in one lane: a test of the state each
        // ends in rather than one a byte (the tail that the last lane of an
        // article walks alone, ~5% of the bytes walked).
        for round in self.hay[self.at..].as_chunks::<ROUND>().0 {
            let end = round.iter().fold(sid, |s, &byte| step(s, byte));
            if marks.mark(end) != 0 {
                break;
            }
            sid = end;
            self.at += ROUND;
        }
        for (k, &byte) in self.hay[self.at..].iter().enumerate() {
            sid = step(sid, byte);
            if fwd.is_special_state(sid) {
                self.sid = sid;
                self.at += k;
                return self.took(re, out);
            }
        }
        self.sid = sid;
        self.at = self.hay.len();
        self.at_end(re, out)
    }

    /// Acts on the state `sid` reached on the byte at `at`, as
    /// `dfa::search::find_fwd` does (an accelerated state is walked as any
    /// other: acceleration only skips bytes that keep the state).
    fn took(&mut self, re: &Regex<Dense>, out: &mut Vec<(usize, Match)>) -> bool {
        let fwd = re.forward();
        if fwd.is_match_state(self.sid) {
            self.note(fwd, self.sid, self.at);
        } else if fwd.is_dead_state(self.sid) {
            let Some(end) = self.last else {
                return false;
            };
            self.found(re, end, out);
            return true;
        } else {
            assert!(
                !fwd.is_quit_state(self.sid),
                "the scan's DFA has no quit bytes"
            );
        }
        self.at += 1;
        true
    }

    /// Notes the match `sid` reports, if it is a match state reached on
    /// the byte at `at`: the match ends before that byte.
    #[inline(always)]
    fn note(&mut self, fwd: &Dense, sid: StateID, at: usize) {
        if fwd.is_match_state(sid) {
            self.last = Some(HalfMatch::new(fwd.match_pattern(sid, 0), at));
        }
    }

    /// The end of the haystack: its end-of-input transition, then the
    /// search's result.
    fn at_end(&mut self, re: &Regex<Dense>, out: &mut Vec<(usize, Match)>) -> bool {
        let fwd = re.forward();
        self.sid = fwd.next_eoi_state(self.sid);
        if fwd.is_match_state(self.sid) {
            self.last = Some(HalfMatch::new(
                fwd.match_pattern(self.sid, 0),
                self.hay.len(),
            ));
        }
        // Most regions end with no match pending: no call for them.
        let Some(end) = self.last else {
            return false;
        };
        self.found(re, end, out);
        true
    }

    /// The search is over with a match that ends at `end`: its start by
    /// the reverse DFA (as `dfa::regex::Regex::try_search` finds it), and
    /// the next search from the match end.
    fn found(&mut self, re: &Regex<Dense>, end: HalfMatch, out: &mut Vec<(usize, Match)>) {
        // No pattern of the scan matches the empty string, so the next
        // search starts at the end (`find_iter` would step past an empty
        // match).
        assert!(end.offset() > self.from, "an empty match");
        let start = match_start(re.reverse(), self.hay, self.from, end.offset())
            .expect("the reverse DFA matches where the forward one did");
        out.push((self.index, Match::new(end.pattern(), start..end.offset())));
        self.start(re, end.offset());
    }
}

/// Where the leftmost match of `rev`, a [`Regex`]'s reverse DFA, that ends
/// at `end` starts at or after `from` in `hay`: the answer of
/// `rev.try_search_rev` on `hay[from..end]`, anchored, as
/// `dfa::regex::Regex::try_search` asks it. The library's search loop
/// unrolls, accelerates and sets up an `Input` for the few bytes a match
/// is long; this one steps byte by byte (an accelerated state is walked as
/// any other) and tests for a special state once a step.
pub(super) fn match_start(rev: &Dense, hay: &[u8], from: usize, end: usize) -> Option<usize> {
    // Backwards, the byte after the match is the one "behind" it (`\b`).
    let config = start::Config::new()
        .anchored(Anchored::Yes)
        .look_behind(hay.get(end).copied());
    let mut sid = rev
        .start_state(&config)
        .expect("the scan's DFA has no quit bytes");
    let mut start = None;
    // The bytes walked back until a special state, in a loop of their own:
    // the loop over a reversed range, with the special states tested
    // inside it, checked each position against the length and copied its
    // registers at every byte. A match is reported one byte late: it
    // starts after the byte that led to its state.
    let mut rest = &hay[from..end];
    while let Some(at) = rest.iter().rposition(|&byte| {
        sid = rev.next_state(sid, byte);
        rev.is_special_state(sid)
    }) {
        if rev.is_match_state(sid) {
            start = Some(from + at + 1);
        } else if rev.is_dead_state(sid) {
            return start;
        } else {
            assert!(!rev.is_quit_state(sid), "the scan's DFA has no quit bytes");
        }
        rest = &rest[..at];
    }
    // The end of the search: the byte before `from`, or the text's start.
    sid = match from.checked_sub(1) {
        Some(before) => rev.next_state(sid, hay[before]),
        None => rev.next_eoi_state(sid),
    };
    if rev.is_match_state(sid) {
        start = Some(from);
    }
    start
}
