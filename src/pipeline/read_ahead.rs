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
//! The queue is bounded in texts and in the bytes of their buffers, so
//! memory does not grow with the corpus. A reader asks for room before it
//! reads a batch, and again after each part of it that it adds, so a
//! single text larger than the bound still passes, and each reader may add
//! one batch, or one part, past the bound. The emptied text buffers come
//! back from the workers to be read into again.

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

/// The most bytes of buffers (their capacity, at least the 64 KiB a read
/// starts with) waiting for a worker.
const MAX_BYTES: usize = 32 << 20;

/// The most bytes of text a reader holds before it adds what it has read.
const MAX_PART_BYTES: usize = 1 << 20;

/// The most bytes of emptied buffers kept for the readers: as many texts
/// are in flight as there are buffers, and a corpus of large files would
/// otherwise leave each of them at a megabyte ([`crate::spare`]).
const MAX_POOL_BYTES: usize = 8 << 20;

/// Each input's text, or why it could not be read.
pub type Texts = Vec<Result<Loaded, InputError>>;

/// A batch of read inputs: its first input's index and its texts.
pub type Batch = (usize, Texts);

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
    /// first (the sink waits for it), with their bytes.
    batches: BTreeMap<usize, (Texts, usize)>,
    texts: usize,
    bytes: usize,
    /// Readers still reading.
    readers: usize,
    closed: bool,
    /// Emptied text buffers, for the readers.
    buffers: Vec<String>,
    /// Their capacity in bytes.
    kept: usize,
    /// Threads blocked on either condition: lets the tests wait until a
    /// thread really waits before they wake it.
    waiting: usize,
}

impl State {
    fn has_room(&self) -> bool {
        self.texts < MAX_TEXTS && self.bytes < MAX_BYTES
    }
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
        while !state.has_room() && !state.closed {
            state.waiting += 1;
            state = self.emptied.wait(state).unwrap_or_else(|e| e.into_inner());
            state.waiting -= 1;
        }
        !state.closed
    }

    /// Reads a reader's batch of inputs, the first of which is input
    /// `first`, with `read`, and adds it. A batch whose texts pass
    /// `MAX_PART_BYTES` is added in parts, each after waiting for room, so
    /// that a run of large files is not all held at once. False, and the
    /// rest left unread, once the run is closed.
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
            let result = match input {
                Ok(input) if self.lend_buffer() => read(&input),
                Ok(_) => return false,
                Err(e) => Err(e),
            };
            bytes += result.as_ref().map_or(0, |l| l.source.text.len());
            loaded.push(result);
            if bytes >= MAX_PART_BYTES && i + 1 < last {
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
    fn push(&self, first: usize, loaded: Texts) {
        let bytes = buffer_bytes(&loaded);
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
                // Every waiting reader: one that wakes and still finds no
                // room waits again, and one batch over the byte bound may
                // be all that stood between both readers and room.
                self.emptied.notify_all();
                return Some((first, loaded));
            }
            if state.readers == 0 {
                return None;
            }
            state.waiting += 1;
            state = self.filled.wait(state).unwrap_or_else(|e| e.into_inner());
            state.waiting -= 1;
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
        if state.buffers.len() < MAX_TEXTS && state.kept + text.capacity() <= MAX_POOL_BYTES {
            state.kept += text.capacity();
            state.buffers.push(text);
        }
    }

    /// Hands a given-back buffer, if any, to this thread's next read; false
    /// once the run is closed (nothing more is worth reading).
    fn lend_buffer(&self) -> bool {
        let buffer = {
            let mut state = self.lock();
            if state.closed {
                return false;
            }
            let buffer = state.buffers.pop();
            state.kept -= buffer.as_ref().map_or(0, String::capacity);
            buffer
        };
        if let Some(buffer) = buffer {
            crate::load::recycle(buffer);
        }
        true
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

/// The bytes a batch's texts hold: their buffers' capacity.
fn buffer_bytes(loaded: &[Result<Loaded, InputError>]) -> usize {
    loaded
        .iter()
        .map(|l| l.as_ref().map_or(0, |l| l.source.text.capacity()))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;

    fn loaded(text: String) -> Result<Loaded, InputError> {
        Ok(Loaded {
            source: Source {
                id: String::new(),
                path: String::new(),
                text,
                ascii: false,
            },
            warning: None,
        })
    }

    fn text(len: usize) -> Result<Loaded, InputError> {
        loaded("x".repeat(len))
    }

    fn failed() -> Result<Loaded, InputError> {
        Err(InputError {
            path: "gone.txt".into(),
            message: "no such file or directory".into(),
        })
    }

    fn room(ahead: &ReadAhead) -> bool {
        ahead.lock().has_room()
    }

    /// Waits until `n` threads are blocked on the queue's conditions.
    fn until_waiting(ahead: &ReadAhead, n: usize) {
        while ahead.lock().waiting != n {
            std::thread::yield_now();
        }
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
    fn the_queue_is_bounded_in_texts_and_in_buffer_bytes() {
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
        let (_, batch) = ahead.pop().expect("the big text");
        assert!(buffer_bytes(&batch) > MAX_BYTES);
        assert!(room(&ahead));
        assert_eq!(ahead.lock().bytes, 0);

        // What counts is the buffer a short text holds.
        let ahead = ReadAhead::new(1);
        let mut short = String::with_capacity(MAX_BYTES);
        short.push_str("a short text in a large buffer");
        ahead.push(0, vec![loaded(short)]);
        assert!(!room(&ahead));
    }

    #[test]
    fn workers_stop_once_the_readers_are_done_and_the_queue_is_empty() {
        let ahead = ReadAhead::new(2);
        ahead.push(0, vec![text(5)]);
        ahead.reader_done();
        ahead.reader_done();
        // What was read is still analysed.
        assert!(ahead.pop().is_some());
        assert!(ahead.pop().is_none());
    }

    #[test]
    fn a_waiting_worker_is_woken_by_a_batch_and_by_the_last_reader() {
        let ahead = ReadAhead::new(1);
        std::thread::scope(|scope| {
            let worker = scope.spawn(|| ahead.pop().map(|(first, _)| first));
            until_waiting(&ahead, 1);
            ahead.push(7, vec![text(1)]);
            assert_eq!(worker.join().expect("worker"), Some(7));
            let worker = scope.spawn(|| ahead.pop().is_none());
            until_waiting(&ahead, 1);
            ahead.reader_done();
            assert!(worker.join().expect("worker"));
        });
    }

    #[test]
    fn both_readers_are_woken_when_the_batch_over_the_bound_is_taken() {
        let ahead = ReadAhead::new(2);
        ahead.push(0, vec![text(MAX_BYTES)]);
        std::thread::scope(|scope| {
            let readers = [
                scope.spawn(|| ahead.wait_for_room()),
                scope.spawn(|| ahead.wait_for_room()),
            ];
            until_waiting(&ahead, 2);
            // One take empties the queue: no later one would wake a
            // reader left waiting.
            assert!(ahead.pop().is_some());
            let mut polls = 0;
            while ahead.lock().waiting > 0 && polls < 100_000 {
                std::thread::sleep(std::time::Duration::from_micros(100));
                polls += 1;
            }
            let left = ahead.lock().waiting;
            // Releases a reader left waiting, so that a failure is reported
            // instead of hanging.
            ahead.close();
            assert_eq!(left, 0, "a reader was left waiting for room");
            for reader in readers {
                assert!(reader.join().expect("reader"));
            }
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
            until_waiting(&ahead, 1);
            ahead.close();
            // A full queue no longer holds the reader, which stops.
            assert!(!reader.join().expect("reader"));
        });
        // Nor are the batches still queued handed out.
        assert!(ahead.pop().is_none());

        let ahead = ReadAhead::new(1);
        std::thread::scope(|scope| {
            let worker = scope.spawn(|| ahead.pop().is_none());
            until_waiting(&ahead, 1);
            ahead.close();
            assert!(worker.join().expect("worker"));
        });
        // Nothing more is read once closed.
        let inputs = vec![Ok(Input::File("a.txt".into()))];
        assert!(!ahead.read_batch(0, inputs, |_| panic!("read after closing")));
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
        // Each text names its input, in a text of half the part bound: a
        // part is added after every second text (an input that failed
        // weighs nothing).
        let read = |input: &Input| {
            let mut text = input.display();
            text.push_str(&" ".repeat(MAX_PART_BYTES / 2));
            loaded(text)
        };
        assert!(ahead.read_batch(40, inputs, read));
        ahead.reader_done();
        let mut parts = Vec::new();
        while let Some((first, batch)) = ahead.pop() {
            let names: Vec<String> = batch
                .iter()
                .map(|l| match l {
                    Ok(l) => l.source.text.trim_end().to_string(),
                    Err(e) => e.path.clone(),
                })
                .collect();
            parts.push((first, names));
        }
        assert_eq!(
            parts,
            [
                (40, vec!["0.txt".to_string(), "1.txt".into()]),
                (42, vec!["2.txt".into(), "gone.txt".into(), "4.txt".into()])
            ]
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
        assert!(ahead.lend_buffer());
        assert_eq!(ahead.lock().buffers.len(), MAX_TEXTS - 1);
        // Bounded in bytes too: megabyte buffers stop at the byte bound,
        // and the count follows what is lent.
        let ahead = ReadAhead::new(1);
        let mb = crate::spare::MAX_KEPT_BYTES;
        for _ in 0..MAX_TEXTS {
            ahead.give_back(String::with_capacity(mb));
        }
        assert_eq!(ahead.lock().buffers.len(), MAX_POOL_BYTES / mb);
        assert!(ahead.lend_buffer());
        assert_eq!(ahead.lock().kept, MAX_POOL_BYTES - mb);
        ahead.give_back(String::with_capacity(mb));
        assert_eq!(ahead.lock().buffers.len(), MAX_POOL_BYTES / mb);
        // The next read on this thread goes into the lent buffer (one
        // larger than a read's first size, to tell it apart).
        let ahead = ReadAhead::new(1);
        let large = 1 << 20;
        ahead.give_back(String::with_capacity(large));
        assert!(ahead.lend_buffer());
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
