//! Vectors a worker thread keeps from one article for the next.
//!
//! A vector written fresh for every article comes from memory the allocator
//! has not handed out lately, so filling it misses the caches; the last
//! article's vector is still in L2. Its elements borrow that article's
//! text, though, so it cannot be kept as it is: emptied, it borrows
//! nothing, and collecting an empty vector into one whose elements have the
//! same size and alignment keeps the allocation (the standard library's
//! in-place iteration), with no `unsafe`.

/// What one kept vector may hold: one huge text must not keep its memory
/// for the rest of the run.
pub const MAX_KEPT_BYTES: usize = 1 << 20;

/// `v`, emptied, as a vector of another element type of the same layout
/// (typically the same type borrowing another text), keeping its allocation
/// unless that is over [`MAX_KEPT_BYTES`].
pub fn keep<T, U>(mut v: Vec<T>) -> Vec<U> {
    if v.capacity().saturating_mul(size_of::<T>()) > MAX_KEPT_BYTES {
        return Vec::new();
    }
    v.clear();
    v.into_iter()
        .map(|_| -> U { unreachable!("emptied") })
        .collect()
}

/// A thread's stack of kept values, for [`stash`] and [`unstash`].
pub type Stack<T> = std::thread::LocalKey<std::cell::RefCell<Vec<T>>>;

/// Puts `v` on this thread's stack `kept`, for one of the next articles,
/// unless it holds as many as the pipeline analyses at once
/// (`pipeline::STAGE_BATCH`) or is in use or gone (while the thread ends).
pub fn stash<T>(kept: &'static Stack<T>, v: T) {
    let _ = kept.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut()
            && s.len() < crate::pipeline::STAGE_BATCH
        {
            s.push(v);
        }
    });
}

/// The value last put on this thread's stack `kept` by [`stash`], if any.
pub fn unstash<T>(kept: &'static Stack<T>) -> Option<T> {
    kept.try_with(|s| s.try_borrow_mut().ok()?.pop())
        .ok()
        .flatten()
}

/// `s`, emptied, keeping its allocation unless that is over
/// [`MAX_KEPT_BYTES`]: [`keep`] for a string buffer.
pub fn keep_string(mut s: String) -> String {
    if s.capacity() > MAX_KEPT_BYTES {
        return String::new();
    }
    s.clear();
    s
}

/// Working vectors that borrow one article's text, kept on a thread for
/// its next article: `Self` is the kept form, which borrows nothing, and
/// [`Scratch::Lent`] the same vectors borrowing a text. An implementation
/// passes each vector through [`keep`] both ways.
pub trait Scratch: Default + 'static {
    type Lent<'a>;
    /// The kept vectors, emptied, for text that lives for `'a`.
    fn lend<'a>(self) -> Self::Lent<'a>;
    /// The vectors, emptied, to keep.
    fn back(lent: Self::Lent<'_>) -> Self;
}

/// Implements [`Scratch`] for a struct of kept vectors `$t<'a>` whose
/// `fn rebind<'b>(self) -> $t<'b>` empties them for another lifetime:
/// lending and taking back are both that rebinding.
macro_rules! scratch_by_rebind {
    ($t:ident) => {
        impl $crate::spare::Scratch for $t<'static> {
            type Lent<'a> = $t<'a>;

            fn lend<'a>(self) -> $t<'a> {
                self.rebind()
            }

            fn back(lent: $t<'_>) -> Self {
                lent.rebind()
            }
        }
    };
}
pub(crate) use scratch_by_rebind;

/// Runs `work` on the thread's kept scratch in `cell` (a `thread_local!`),
/// then keeps the scratch for the thread's next article. (`work` must not
/// reach for the same cell: it would find an empty scratch.)
pub fn with<'a, S: Scratch, R>(
    cell: &'static std::thread::LocalKey<std::cell::Cell<S>>,
    work: impl FnOnce(&mut S::Lent<'a>) -> R,
) -> R {
    let mut lent = cell.take().lend();
    let out = work(&mut lent);
    cell.set(S::back(lent));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_string_is_empty_and_capped() {
        let s = String::from("one two three");
        let (ptr, cap) = (s.as_ptr(), s.capacity());
        let kept = keep_string(s);
        assert!(kept.is_empty());
        assert_eq!((kept.as_ptr(), kept.capacity()), (ptr, cap));
        let big = String::with_capacity(MAX_KEPT_BYTES + 1);
        assert_eq!(keep_string(big).capacity(), 0);
    }

    #[test]
    fn a_kept_vector_is_empty_and_has_its_allocation() {
        let text = String::from("one two three");
        let words: Vec<&str> = text.split(' ').collect();
        let (ptr, cap) = (words.as_ptr(), words.capacity());
        let kept: Vec<&'static str> = keep(words);
        assert!(kept.is_empty());
        assert_eq!((kept.as_ptr(), kept.capacity()), (ptr.cast(), cap));
    }

    #[derive(Default)]
    struct Words<'a>(Vec<&'a str>);

    impl Scratch for Words<'static> {
        type Lent<'a> = Words<'a>;

        fn lend<'a>(self) -> Words<'a> {
            Words(keep(self.0))
        }

        fn back(lent: Words<'_>) -> Self {
            Words(keep(lent.0))
        }
    }

    thread_local! {
        static WORDS: std::cell::Cell<Words<'static>> = std::cell::Cell::default();
    }

    #[test]
    fn a_scratch_comes_back_empty_with_its_allocation() {
        let text = String::from("one two three");
        let ptr = with(&WORDS, |w| {
            assert!(w.0.is_empty());
            w.0.extend(text.split(' '));
            w.0.as_ptr() as usize
        });
        let other = String::from("four");
        with(&WORDS, |w| {
            assert!(w.0.is_empty(), "emptied");
            assert_eq!(w.0.as_ptr() as usize, ptr, "the same allocation");
            w.0.push(&other);
        });
    }

    #[test]
    fn a_huge_vector_is_let_go() {
        let big: Vec<u64> = Vec::with_capacity(MAX_KEPT_BYTES / 8 + 1);
        assert_eq!(keep::<u64, u64>(big).capacity(), 0);
        let at_limit: Vec<u64> = Vec::with_capacity(MAX_KEPT_BYTES / 8);
        assert_eq!(keep::<u64, u64>(at_limit).capacity(), MAX_KEPT_BYTES / 8);
    }
}
