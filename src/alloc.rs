//! The global allocator: mimalloc, called the way its authors recommend
//! for a caller that always knows the alignment.
//!
//! The `mimalloc` crate's `GlobalAlloc` passes every request to
//! `mi_malloc_aligned`. With mimalloc 3 that path costs more instructions
//! than `mi_malloc`, and a size that is not a power of two (a 48-byte
//! node) can go through its generic aligned path and take a larger block.
//! Nearly every request of this program asks for an alignment of 8 or 16
//! with a size that is a multiple of it, which a plain `mi_malloc` already
//! satisfies in the library as built here: a size that is a multiple of
//! 16 falls in a size class that is one too (exact word counts up to 64
//! bytes, even ones above), and a page's first block is 16-aligned. Those
//! requests take the plain calls; any other keeps the aligned ones. On the
//! BBC texts this is about 1% fewer instructions for the whole run
//! (docs/performance-log.md, item 42).
//!
//! The test is `size % align == 0`, not `align <= size` as in the standard
//! library's `System`: a 20-byte request with 16-byte alignment would land
//! in the 24-byte class, which is only 8-aligned. And the reasoning holds
//! only while mimalloc adds no padding to blocks (its `secure` and `debug`
//! builds do): so every plain result is checked, and a misaligned one is
//! given back and asked for again with the aligned call. The check is one
//! test of the address per allocation.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The largest alignment `mi_malloc` guarantees (`MI_MAX_ALIGN_SIZE`).
const MAX_PLAIN_ALIGN: usize = 16;

/// mimalloc as the global allocator (see the module doc).
pub struct MiMalloc;

/// Whether `mi_malloc(size)` is expected to return memory aligned to
/// `align`.
#[inline]
fn plain(size: usize, align: usize) -> bool {
    align <= MAX_PLAIN_ALIGN && size.is_multiple_of(align)
}

/// Whether `p` is aligned to `align` (a null pointer is: it reports an
/// allocation failure, which is returned as it is).
#[inline]
fn aligned(p: *mut c_void, align: usize) -> bool {
    (p as usize).is_multiple_of(align)
}

/// A new block for `layout` from `plain_call`, when its result is aligned
/// as asked, else from `aligned_call` (`mi_malloc` and `mi_malloc_aligned`, or
/// their zeroing twins).
///
/// # Safety
/// `plain_call(size)` and `aligned_call(size, align)` must allocate as mimalloc's
/// functions of those shapes do.
#[inline(always)]
unsafe fn fresh(
    layout: Layout,
    plain_call: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned_call: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    let (size, align) = (layout.size(), layout.align());
    if plain(size, align) {
        // SAFETY: a plain allocation of the requested size.
        let p = unsafe { plain_call(size) };
        if aligned(p, align) {
            return p.cast();
        }
        // SAFETY: `p` came from mimalloc and is not used again.
        unsafe { mi::mi_free(p) };
    }
    // SAFETY: `align` is a power of two.
    unsafe { aligned_call(size, align) }.cast()
}

// SAFETY: every method forwards to the mimalloc function for the same
// request; a plain call's result is returned only when it is aligned as
// asked, and otherwise freed (or, for `realloc`, moved by the aligned
// call, which copies it; `realloc` aborts if that fails, since the old
// block is gone). `mi_free` and `mi_realloc_aligned` take any
// block that mimalloc returned, aligned or not.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the plain and aligned mimalloc calls for fresh memory.
        unsafe { fresh(layout, mi::mi_malloc, mi::mi_malloc_aligned) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`, zeroed.
        unsafe { fresh(layout, mi::mi_zalloc, mi::mi_zalloc_aligned) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { mi::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        let p = ptr.cast::<c_void>();
        // The new size decides: the block mimalloc returns is sized for it.
        if plain(new_size, align) {
            // SAFETY: `p` came from this allocator.
            let q = unsafe { mi::mi_realloc(p, new_size) };
            if aligned(q, align) {
                return q.cast();
            }
            // A misaligned block of `new_size` bytes now holds the contents
            // and `ptr` is gone: the aligned call moves the block, and if it
            // fails, the failure cannot be reported by a null pointer.
            // SAFETY: `q` came from `mi_realloc`; `align` is a power of two.
            let r = unsafe { mi::mi_realloc_aligned(q, new_size, align) };
            if r.is_null() {
                std::alloc::handle_alloc_error(
                    Layout::from_size_align(new_size, align).unwrap_or(layout),
                );
            }
            return r.cast();
        }
        // SAFETY: `p` came from this allocator; `align` is a power of two.
        unsafe { mi::mi_realloc_aligned(p, new_size, align) }.cast()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Allocates, fills, grows and frees blocks of many sizes and
    /// alignments through both paths, checking each block's alignment and
    /// that a reallocation keeps the bytes.
    #[test]
    fn blocks_are_aligned_and_keep_their_bytes() {
        let a = MiMalloc;
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            for size in (1..=300).chain([1000, 4096, 65_536, 1 << 20]) {
                let layout = Layout::from_size_align(size, align).expect("layout");
                let mut held = Vec::new();
                // Several blocks of a class: the second and later blocks of
                // a page are where a misaligned class would show.
                for round in 0..4u8 {
                    // SAFETY: a non-zero size; the block is freed below.
                    let p = unsafe { a.alloc(layout) };
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size}, align {align}");
                    // SAFETY: `p` holds `size` bytes.
                    unsafe { p.write_bytes(round, size) };
                    held.push(p);
                }
                for (round, p) in held.into_iter().enumerate() {
                    let bigger = size * 3 + 5;
                    // SAFETY: `p` came from `a` with `layout`.
                    let q = unsafe { a.realloc(p, layout, bigger) };
                    assert!(!q.is_null());
                    assert_eq!(
                        q as usize % align,
                        0,
                        "realloc {size} -> {bigger}, align {align}"
                    );
                    // SAFETY: the first `size` bytes were copied over.
                    let kept = unsafe { std::slice::from_raw_parts(q, size) };
                    assert!(kept.iter().all(|&b| usize::from(b) == round));
                    let grown = Layout::from_size_align(bigger, align).expect("layout");
                    // SAFETY: `q` came from `a` with `grown`.
                    unsafe { a.dealloc(q, grown) };
                }
                // SAFETY: as above.
                let z = unsafe { a.alloc_zeroed(layout) };
                assert_eq!(z as usize % align, 0);
                // SAFETY: `z` holds `size` zeroed bytes.
                assert!(
                    unsafe { std::slice::from_raw_parts(z, size) }
                        .iter()
                        .all(|&b| b == 0)
                );
                // SAFETY: `z` came from `a` with `layout`.
                unsafe { a.dealloc(z, layout) };
            }
        }
    }

    #[test]
    fn only_exact_multiples_up_to_sixteen_take_the_plain_calls() {
        assert!(plain(48, 16));
        assert!(plain(24, 8));
        assert!(plain(3, 1));
        // A 20-byte block of the 24-byte class is only 8-aligned.
        assert!(!plain(20, 16));
        assert!(!plain(64, 32));
        assert!(!plain(8, 16));
    }
}
