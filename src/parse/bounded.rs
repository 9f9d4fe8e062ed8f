//! Regexes written with bounded repetitions of Unicode classes
//! (`[\p{L}.]{1,15}`, `(?:\s\p{Lu}…){0,2}`). Each repetition is a copy of
//! the class in the compiled automaton, which made these patterns the
//! costliest of the program to build and slow to run. A [`Bounded`] runs an
//! unbounded version that captures each repeated part and checks the
//! written bounds on the captures; only a match beyond a bound runs the
//! pattern as written, built on first use. The unbounded pattern is a
//! [`Twin`]: text without non-ASCII word characters is searched by its
//! ASCII twin.
//!
//! This is exact when the unbounded pattern matches whatever the written
//! one matches, with the same preferences (greedy or lazy, leftmost-first):
//! then a match of it that keeps within the bounds is the written
//! pattern's match. Each user's tests compare the two on random text.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::twin::Twin;

pub(crate) struct Bounded {
    unbounded: Twin,
    written: LazyLock<Regex>,
    within: fn(&Captures<'_>) -> bool,
}

impl Bounded {
    /// `within` says whether a match of `unbounded` keeps the written
    /// bounds.
    pub(crate) const fn new(
        unbounded: Twin,
        written: fn() -> Regex,
        within: fn(&Captures<'_>) -> bool,
    ) -> Bounded {
        Bounded {
            unbounded,
            written: LazyLock::new(written),
            within,
        }
    }

    /// The written pattern's captures on `text`.
    pub(crate) fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let caps = self.unbounded.captures(text)?;
        if (self.within)(&caps) {
            Some(caps)
        } else {
            self.written.captures(text)
        }
    }
}

/// The written pattern is left to first use: only a match beyond a bound
/// needs it.
impl crate::WarmUp for Bounded {
    fn warm_up(&self) {
        self.unbounded.warm_up();
    }
}

/// The whitespace characters of group `name`: the repetitions of a group
/// whose every repetition opens with one space character (`\s`) and holds
/// no other.
pub(crate) fn spaces(caps: &Captures<'_>, name: &str) -> usize {
    caps.name(name).map_or(0, |m| {
        m.as_str().chars().filter(|c| c.is_whitespace()).count()
    })
}
