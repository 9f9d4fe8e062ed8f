//! The texts read but not yet analysed: reader threads fill it, workers
//! empty it.
//!
//! Reading is split from analysis so that a file that is not in the page
//! cache does not stall a worker: while the readers wait on the disk,
//! the workers analyse what was read before, and the disk sees several
//! requests at once instead of one (on this project's 2-core test machine,
//! reading the 100 MB harness corpus from a cold cache took 5.0 s with one
//! `cat` and 2.0 s with eight in parallel). From the page cache, reading is
//! a copy, done by the readers instead of the workers.
//!
//! The queue is bounded both in texts and in bytes, so memory does not grow
//! with the corpus; a reader asks for room before it reads a batch and
//! again after each part of it that it adds, so a single text larger than
//! the bound still passes. The emptied text buffers
//! come back from the workers to be read into again.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex};

use crate::load::{Input, InputError, Loaded};

/// Reader threads beside the workers. Two already overlap the disk with
/// the analysis (from a cold cache, 100 MB took about the same with two to
/// sixteen, the two cores being the bound), and each one more costs start-up
/// on small runs and memory for its heap.
pub const READERS: usize = 2;

/// The most texts waiting for a worker: about 13 ms of analysis for two
/// workers, plenty to cover a disk read, and few enough that the texts'
/// buffers add a few megabytes of memory (512 added 12 MB at 100 MB).
const MAX_TEXTS: usize = 128;

/// The most bytes of text waiting for a worker.
const MAX_BYTES: usize = 32 << 20;

/// The most bytes of text a reader holds before it adds what it has read.
const MAX_BATCH_BYTES: usize = 1 << 20;

/// A batch of read inputs: its first input's index and each input's text
/// or error.
pub type Batch = (usize, Vec<Result<Loaded, InputError>>);

pub struct ReadAhead {
    state: Mutex<State>,
    /// Signalled when a batch is added, or no more will be.
    filled: Condvar,
    /// Signalled when a batch is taken, or the run ends.
    emptied: Condvar,
}

#[derive(Default)]
struct State {
    /// Batches by their first input, so that workers take the earliest
    /// first (the sink waits for it).
    batches: BTreeMap<usize, (Vec<Result<Loaded, InputError>>, usize)>,
    texts: usize,
    bytes: usize,
    /// Readers still reading.
    readers: usize,
    closed: bool,
    /// Emptied text buffers, for the readers.
    buffers: Vec<String>,
}

impl ReadAhead {
    pub fn new(readers: usize) -> ReadAhead {
        ReadAhead {
            state: Mutex::new(State {
                readers,
                ..State::default()
            }),
            filled: Condvar::new(),
            emptied: Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Blocks a reader until there is room for another batch; false once
    /// the run is closed.
    pub fn wait_for_room(&self) -> bool {
        let mut state = self.lock();
        while (state.texts >= MAX_TEXTS || state.bytes >= MAX_BYTES) && !state.closed {
            state = self.emptied.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        !state.closed
    }

    /// Reads a reader's batch of inputs, the first of which is input
    /// `first`, with `read`, and adds it. A batch whose texts pass
    /// `MAX_BATCH_BYTES` is added in parts, each after waiting for room, so
    /// that a run of large files is not all held at once. False when the
    /// run was closed meanwhile.
    pub fn read_batch(
        &self,
        first: usize,
        batch: Vec<Result<Input, InputError>>,
        read: impl Fn(&Input) -> Result<Loaded, InputError>,
    ) -> bool {
        let (mut start, mut bytes) = (first, 0);
        let mut loaded = Vec::with_capacity(batch.len());
        let last = batch.len();
        for (i, input) in batch.into_iter().enumerate() {
            let result = input.and_then(|input| {
                self.lend_buffer();
                read(&input)
            });
            bytes += result.as_ref().map_or(0, |l| l.source.text.len());
            loaded.push(result);
            if bytes >= MAX_BATCH_BYTES && i + 1 < last {
                let part = std::mem::replace(&mut loaded, Vec::with_capacity(last - i - 1));
                start += part.len();
                self.push(start - part.len(), part);
                bytes = 0;
                if !self.wait_for_room() {
                    return false;
                }
            }
        }
        self.push(start, loaded);
        true
    }

    /// Adds a reader's batch.
    fn push(&self, first: usize, loaded: Vec<Result<Loaded, InputError>>) {
        let bytes = text_bytes(&loaded);
        let mut state = self.lock();
        state.texts += loaded.len();
        state.bytes += bytes;
        state.batches.insert(first, (loaded, bytes));
        self.filled.notify_one();
    }

    /// Blocks a worker until a batch is there, and takes the earliest; none
    /// once every reader is done and the queue is empty, or the run closed.
    pub fn pop(&self) -> Option<Batch> {
        let mut state = self.lock();
        loop {
            if state.closed {
                return None;
            }
            if let Some((first, (loaded, bytes))) = state.batches.pop_first() {
                state.texts -= loaded.len();
                state.bytes -= bytes;
                self.emptied.notify_one();
                return Some((first, loaded));
            }
            if state.readers == 0 {
                return None;
            }
            state = self.filled.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Takes an analysed text's buffer back for a reader (emptied, and let
    /// go when large: [`crate::spare`]).
    pub fn give_back(&self, text: String) {
        let text = crate::spare::keep_string(text);
        if text.capacity() == 0 {
            return;
        }
        let mut state = self.lock();
        if state.buffers.len() < MAX_TEXTS {
            state.buffers.push(text);
        }
    }

    /// Hands a given-back buffer, if any, to this thread's next read.
    fn lend_buffer(&self) {
        let buffer = self.lock().buffers.pop();
        if let Some(buffer) = buffer {
            crate::load::recycle(buffer);
        }
    }

    /// Counts one reader as done (it read its last batch).
    pub fn reader_done(&self) {
        let mut state = self.lock();
        state.readers -= 1;
        if state.readers == 0 {
            self.filled.notify_all();
        }
    }

    /// Ends the run early: no more reading, no more batches.
    pub fn close(&self) {
        let mut state = self.lock();
        state.closed = true;
        self.filled.notify_all();
        self.emptied.notify_all();
    }
}

/// Counts a reader as done when dropped.
pub struct ReaderDone<'a>(pub &'a ReadAhead);

impl Drop for ReaderDone<'_> {
    fn drop(&mut self) {
        self.0.reader_done();
    }
}

fn text_bytes(loaded: &[Result<Loaded, InputError>]) -> usize {
    loaded
        .iter()
        .map(|l| l.as_ref().map_or(0, |l| l.source.text.len()))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;

    fn text(len: usize) -> Result<Loaded, InputError> {
        Ok(Loaded {
            source: Source {
                id: String::new(),
                path: String::new(),
                text: "x".repeat(len),
            },
            warning: None,
        })
    }

    fn failed() -> Result<Loaded, InputError> {
        Err(InputError {
            path: "gone.txt".into(),
            message: "no such file or directory".into(),
        })
    }

    fn room(ahead: &ReadAhead) -> bool {
        let state = ahead.lock();
        state.texts < MAX_TEXTS && state.bytes < MAX_BYTES
    }

    #[test]
    fn workers_take_the_earliest_batch_first() {
        let ahead = ReadAhead::new(2);
        ahead.push(64, vec![text(3)]);
        ahead.push(0, vec![text(1), failed()]);
        ahead.push(32, vec![text(2)]);
        let firsts: Vec<usize> = (0..3).map(|_| ahead.pop().expect("a batch").0).collect();
        assert_eq!(firsts, [0, 32, 64]);
    }

    #[test]
    fn the_queue_is_bounded_in_texts_and_in_bytes() {
        let ahead = ReadAhead::new(1);
        let mut pushed = 0;
        while room(&ahead) {
            ahead.push(pushed, vec![text(10)]);
            pushed += 1;
        }
        assert_eq!(pushed, MAX_TEXTS);
        ahead.pop();
        assert!(room(&ahead));

        let ahead = ReadAhead::new(1);
        // One text over the byte bound still goes in (the room is asked
        // for before reading), and then fills the queue.
        ahead.push(0, vec![text(MAX_BYTES + 1)]);
        assert!(!room(&ahead));
        let (_, loaded) = ahead.pop().expect("the big text");
        assert_eq!(text_bytes(&loaded), MAX_BYTES + 1);
        assert!(room(&ahead));
        assert_eq!(ahead.lock().bytes, 0);
    }

    #[test]
    fn workers_stop_once_the_readers_are_done_and_the_queue_is_empty() {
        let ahead = ReadAhead::new(2);
        ahead.push(0, vec![text(5)]);
        drop(ReaderDone(&ahead));
        drop(ReaderDone(&ahead));
        // What was read is still analysed.
        assert!(ahead.pop().is_some());
        assert!(ahead.pop().is_none());
    }

    #[test]
    fn a_waiting_worker_is_woken_by_the_last_reader() {
        let ahead = ReadAhead::new(1);
        std::thread::scope(|scope| {
            let worker = scope.spawn(|| ahead.pop().map(|(first, _)| first));
            ahead.push(7, vec![text(1)]);
            assert_eq!(worker.join().expect("worker"), Some(7));
            let worker = scope.spawn(|| ahead.pop().is_none());
            ahead.reader_done();
            assert!(worker.join().expect("worker"));
        });
    }

    #[test]
    fn closing_releases_readers_and_workers() {
        let ahead = ReadAhead::new(1);
        for i in 0..MAX_TEXTS {
            ahead.push(i, vec![text(1)]);
        }
        std::thread::scope(|scope| {
            let reader = scope.spawn(|| ahead.wait_for_room());
            ahead.close();
            // A full queue no longer holds the reader, which stops.
            assert!(!reader.join().expect("reader"));
        });
        // Nor are the batches still queued handed out.
        assert!(ahead.pop().is_none());
    }

    #[test]
    fn a_batch_of_large_texts_is_added_in_parts_in_input_order() {
        let ahead = ReadAhead::new(1);
        let inputs: Vec<Result<Input, InputError>> = (0..5)
            .map(|i| match i {
                3 => failed().map(|_| Input::Stdin),
                _ => Ok(Input::File(format!("{i}.txt").into())),
            })
            .collect();
        // Half the bound each: a part is added after every second text (an
        // input that failed weighs nothing).
        assert!(ahead.read_batch(40, inputs, |_| text(MAX_BATCH_BYTES / 2)));
        let mut parts = Vec::new();
        ahead.reader_done();
        while let Some((first, loaded)) = ahead.pop() {
            parts.push((first, loaded.iter().map(Result::is_ok).collect::<Vec<_>>()));
        }
        assert_eq!(
            parts,
            [(40, vec![true, true]), (42, vec![true, false, true])]
        );
    }

    #[test]
    fn buffers_come_back_emptied_and_bounded() {
        let ahead = ReadAhead::new(1);
        let mut used = String::with_capacity(4096);
        used.push_str("an analysed text");
        ahead.give_back(used);
        ahead.give_back(String::new());
        {
            let state = ahead.lock();
            assert_eq!(state.buffers.len(), 1, "an empty allocation is not kept");
            assert!(state.buffers[0].is_empty());
            assert!(state.buffers[0].capacity() >= 4096);
        }
        for _ in 0..2 * MAX_TEXTS {
            ahead.give_back(String::with_capacity(16));
        }
        assert_eq!(ahead.lock().buffers.len(), MAX_TEXTS);
        ahead.lend_buffer();
        assert_eq!(ahead.lock().buffers.len(), MAX_TEXTS - 1);
        // The next read on this thread goes into the lent buffer (one
        // larger than a read's first size, to tell it apart).
        let ahead = ReadAhead::new(1);
        let large = 1 << 20;
        ahead.give_back(String::with_capacity(large));
        ahead.lend_buffer();
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Some text.").expect("write");
        let opts = crate::load::LoadOptions {
            extensions: vec!["txt".into()],
            max_file_size: 1 << 20,
        };
        let read = crate::load::read(&Input::File(path), &opts).expect("read");
        assert_eq!(read.source.text, "Some text.");
        assert_eq!(read.source.text.capacity(), large, "the lent buffer");
    }
}
