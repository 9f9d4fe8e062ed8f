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

use regex_automata::dfa::{Automaton, regex::Regex};
use regex_automata::util::{primitives::StateID, start};
use regex_automata::{Anchored, HalfMatch, Input, Match};

use super::Dense;

/// The matches of `re` in each haystack of `haystacks` (an index and the
/// text), appended to `out` as (index, match): those of `find_iter`, in its
/// order within each haystack, the haystacks interleaved.
pub(super) fn find_all<'h>(
    re: &Regex<Dense>,
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
                let (x_live, y_live) = walk_both(re, x, y, out);
                if !x_live {
                    lane(&mut a);
                }
                if !y_live {
                    lane(&mut b);
                }
            }
            (Some(x), None) | (None, Some(x)) => {
                while x.walk(re, out) {}
                a = None;
                b = None;
            }
            (None, None) => return,
        }
    }
}

/// Walks `x` and `y` until one of them needs more than a transition (a
/// special state or its haystack's end) and lets the lanes act on it;
/// whether each still has text to search.
fn walk_both(
    re: &Regex<Dense>,
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
    let step = |xs, ys, k: usize| unsafe {
        (
            fwd.next_state_unchecked(xs, xh[k]),
            fwd.next_state_unchecked(ys, yh[k]),
        )
    };
    // Special states are numbered first: one test for both lanes.
    let special = |(xs, ys): (StateID, StateID)| fwd.is_special_state(xs.min(ys));
    let mut k = 0;
    let mut stop = false;
    // Two bytes a round, as the library's loop unrolls its own.
    while k + 1 < n {
        let one = step(xs, ys, k);
        if special(one) {
            ((xs, ys), stop) = (one, true);
            break;
        }
        let two = step(one.0, one.1, k + 1);
        if special(two) {
            ((xs, ys), stop) = (two, true);
            k += 1;
            break;
        }
        (xs, ys) = two;
        k += 2;
    }
    if !stop && k < n {
        (xs, ys) = step(xs, ys, k);
        stop = special((xs, ys));
        k += usize::from(!stop);
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
    fn walk(&mut self, re: &Regex<Dense>, out: &mut Vec<(usize, Match)>) -> bool {
        let fwd = re.forward();
        let mut sid = self.sid;
        for (k, &byte) in self.hay[self.at..].iter().enumerate() {
            // SAFETY: as in `walk_both`.
            sid = unsafe { fwd.next_state_unchecked(sid, byte) };
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
            self.last = Some(HalfMatch::new(fwd.match_pattern(self.sid, 0), self.at));
        } else if fwd.is_dead_state(self.sid) {
            return self.found(re, out);
        } else {
            assert!(
                !fwd.is_quit_state(self.sid),
                "the scan's DFA has no quit bytes"
            );
        }
        self.at += 1;
        true
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
        self.found(re, out)
    }

    /// The search is over: the start of its match, if any, by the reverse
    /// DFA (as `dfa::regex::Regex::try_search` finds it), and the next
    /// search from the match end; whether there is one.
    fn found(&mut self, re: &Regex<Dense>, out: &mut Vec<(usize, Match)>) -> bool {
        let Some(end) = self.last else {
            return false;
        };
        // No pattern of the scan matches the empty string, so the next
        // search starts at the end (`find_iter` would step past an empty
        // match).
        assert!(end.offset() > self.from, "an empty match");
        let input = Input::new(self.hay)
            .range(self.from..end.offset())
            .anchored(Anchored::Yes);
        let start = re
            .reverse()
            .try_search_rev(&input)
            .expect("the scan's DFA has no quit bytes")
            .expect("the reverse DFA matches where the forward one did");
        out.push((
            self.index,
            Match::new(end.pattern(), start.offset()..end.offset()),
        ));
        self.start(re, end.offset());
        true
    }
}
