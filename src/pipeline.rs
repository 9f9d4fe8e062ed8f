//! The per-article pipeline (load → parse → extract) and the driver that
//! runs it over many inputs in parallel while handing results to the caller
//! in input order.
//!
//! With more than one worker, a few reader threads take the next inputs (a
//! small batch at a time) and read them into a bounded queue
//! ([`read_ahead`]); each worker takes the earliest batch read as soon as
//! it is free, and the calling thread puts the results back in input order
//! before passing them to the caller's sink (aggregation, printing), which
//! thus runs while the workers parse. Output is therefore identical for any
//! thread count. Each worker (with one, the calling thread) analyses its
//! texts a few at a time stage by stage: all parsed, then all extracted,
//! then each digested and handed on, so that each stage's code is fetched
//! once for them rather than once per article. A reader may run at most
//! `WINDOW` inputs ahead of the sink, so memory holds a bounded number of
//! texts and records, not the corpus, even when one slow input holds the
//! sink back. With one worker everything, reading included, runs inline
//! on the calling thread, so `-j1` really uses one core.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use crate::extract::Extractor;
use crate::load::{self, Input, InputError, LoadOptions, Loaded};
use crate::messages;
use crate::model::Article;
use crate::parse::{self, ParseOptions};

mod read_ahead;

use read_ahead::{READERS, ReadAhead};

/// How far (in inputs) a reader may run ahead of the sink. Large enough
/// that a slow article rarely stalls the other workers, small enough that
/// the waiting records stay a few megabytes.
const WINDOW: usize = 1024;

/// The most inputs a reader takes at once, and so a worker. Each hand-off
/// to the sink wakes the calling thread (a futex call and a context
/// switch); one per article cost a fifth more CPU with two workers than
/// with one, mostly in the kernel. A batch of 32 articles is a few
/// milliseconds of work.
const MAX_BATCH: usize = 32;

/// How many texts are analysed stage by stage at once
/// ([`Pipeline::analyse_all`]): with one stage's code run over eight
/// articles before the next stage's, the parser's and the aggregation's
/// instruction-cache misses fall by more than the texts and records held
/// at once cost in data-cache misses (−21 M estimated cycles on the
/// 10 MB corpus; four gave −12 M, sixteen −20 M).
pub(crate) const STAGE_BATCH: usize = 8;

/// The text a stage batch takes before it stops taking more: a news
/// article is a few kilobytes, so eight fit many times over, while large
/// files go one or two at a time. A worker then never holds the texts and
/// records of several very large files at once, which cost some 25 times
/// their size at peak (docs/reliability.md).
const STAGE_BATCH_BYTES: usize = 256 << 10;

/// How many inputs a reader takes when `taken` have been taken so far:
/// one at a time at first, so that a corpus of a few articles is still
/// shared among the workers, then more as the run grows.
fn batch_size(taken: usize, workers: usize) -> usize {
    (taken / (8 * workers)).clamp(1, MAX_BATCH)
}

// A reader waits until the last input of its batch is inside the window;
// the batch holding the sink's next input must never have to wait.
const _: () = assert!(MAX_BATCH <= WINDOW);

/// Everything the pipeline needs, resolved once per run.
#[derive(Debug)]
pub struct Pipeline {
    pub load: LoadOptions,
    pub parse: ParseOptions,
    pub extractor: Extractor,
    /// Worker threads (`-j`); one runs everything on the calling thread.
    pub threads: usize,
    /// Show a progress bar on stderr (only set when stderr is a terminal
    /// and `--quiet` is not given).
    pub progress: bool,
}

/// What happened to the inputs of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunStatus {
    pub articles: usize,
    /// Inputs that could not be read or were refused.
    pub skipped: usize,
}

impl Pipeline {
    /// `threads` is the number of workers (at least one is used).
    pub fn new(load: LoadOptions, parse: ParseOptions, threads: usize) -> anyhow::Result<Pipeline> {
        Ok(Pipeline {
            load,
            parse,
            extractor: Extractor::new(),
            threads: threads.max(1),
            progress: false,
        })
    }

    /// Parses one decoded text into a full article record.
    pub fn article(&self, source: &load::Source) -> Article {
        let mut article = Article::default();
        self.fill(source, &mut article);
        article
    }

    /// [`Pipeline::article`] into `article`, an empty record: the record is
    /// large, and each pass of it by value up the calls was a copy.
    fn fill(&self, source: &load::Source, article: &mut Article) {
        let equivalent = source_equivalent(source);
        self.parse_as(source, equivalent, article);
        self.extract_as(source, equivalent, article);
    }

    /// The parse stage of [`Pipeline::fill`], for a text that is
    /// ASCII-equivalent or not ([`source_equivalent`]).
    fn parse_as(&self, source: &load::Source, equivalent: bool, article: &mut Article) {
        crate::twin::with_text_as(&source.text, equivalent, || {
            parse::parse_into(source, &self.parse, article);
        });
    }

    /// The extraction stage of [`Pipeline::fill`], after [`Pipeline::parse_as`].
    fn extract_as(&self, source: &load::Source, equivalent: bool, article: &mut Article) {
        crate::twin::with_text_as(&source.text, equivalent, || {
            self.extractor.run(&source.text, article, &self.parse);
        });
    }

    /// Runs the pipeline over `paths`, calling `sink` with each article in
    /// input order. Unreadable inputs are reported on stderr and counted.
    /// The sink borrows each record and may take parts of it; what it
    /// leaves is freed by the worker that built it (see [`Pipeline::run_with`]).
    pub fn run(
        &self,
        paths: &[PathBuf],
        sink: impl FnMut(&mut Article) -> anyhow::Result<()>,
    ) -> anyhow::Result<RunStatus> {
        self.run_with(paths, std::mem::take, sink)
    }

    /// [`Pipeline::run`], with each article turned into what the sink needs
    /// by `digest` on the worker that built it (`digest` takes what it keeps
    /// out of the record; the rest is freed there). The sink runs on the calling
    /// thread beside the workers: whatever does not depend on the order of
    /// the articles is cheaper done there. Memory is best freed by the
    /// thread that allocated it (mimalloc frees another thread's block
    /// through an atomic list, which its owner must then collect): so the
    /// parts of the record that `digest` drops are freed on the worker, and
    /// what the sink leaves of each record goes back to its worker to be
    /// freed there too.
    pub fn run_with<T: Send>(
        &self,
        paths: &[PathBuf],
        digest: impl Fn(&mut Article) -> T + Sync,
        mut sink: impl FnMut(&mut T) -> anyhow::Result<()>,
    ) -> anyhow::Result<RunStatus> {
        let mut inputs = load::Discovery::new(paths, &self.load).peekable();
        let mut status = RunStatus::default();
        if inputs.peek().is_some() {
            self.warm_up();
        }
        let bar = progress::Bar::new(self.progress);
        if let Some(handle) = bar.handle() {
            // The total is only for the display: counted by a second walk
            // on its own thread, so that the run need not list its inputs.
            let (paths, opts) = (paths.to_vec(), self.load.clone());
            std::thread::spawn(move || {
                let total = load::Discovery::new(&paths, &opts)
                    .filter(Result::is_ok)
                    .count();
                progress::set_total(&handle, total);
            });
        }
        let mut take = |result: &mut Result<(Loaded, T), InputError>| {
            match result {
                Ok((loaded, article)) => {
                    if let Some(w) = &loaded.warning {
                        bar.suspend(|| messages::file_message(&loaded.source.path, w));
                    }
                    status.articles += 1;
                    sink(article)?;
                }
                Err(e) => {
                    bar.suspend(|| report(e));
                    status.skipped += 1;
                }
            }
            bar.inc();
            anyhow::Ok(())
        };
        let workers = self.threads;
        if workers <= 1 {
            let loaded = inputs.map(|input| input.and_then(|input| self.read(&input)));
            self.analyse_all(loaded, &digest, load::recycle, |mut result| {
                take(&mut result)
            })?;
        } else {
            let window = Window::new();
            let ahead = ReadAhead::new(READERS);
            // The discovery and the number of inputs taken from it so far.
            let source = Mutex::new((inputs, 0usize));
            // Each worker's batches that the sink is done with, for the
            // worker to free.
            let spent: Vec<Mutex<Vec<Vec<_>>>> = (0..workers).map(|_| Mutex::default()).collect();
            std::thread::scope(|scope| {
                for _ in 0..READERS {
                    let (source, window, ahead) = (&source, &window, &ahead);
                    scope.spawn(move || {
                        let _end = ThreadEnd {
                            ahead,
                            window,
                            reader: true,
                        };
                        while ahead.wait_for_room() {
                            let (first, batch) = {
                                let mut s = source.lock().unwrap_or_else(|e| e.into_inner());
                                let size = batch_size(s.1, workers);
                                let batch: Vec<_> = s.0.by_ref().take(size).collect();
                                s.1 += batch.len();
                                (s.1 - batch.len(), batch)
                            };
                            if batch.is_empty() || !window.wait_for(first + batch.len() - 1) {
                                break;
                            }
                            if !ahead.read_batch(first, batch, |input| self.read(input)) {
                                break;
                            }
                        }
                    });
                }
                let (tx, rx) = std::sync::mpsc::channel();
                for worker in 0..workers {
                    let tx = tx.clone();
                    let (ahead, window, digest, spent) = (&ahead, &window, &digest, &spent);
                    // Takes the bin's batches out, then frees them with the
                    // lock released, so that the sink never waits on it.
                    let free_spent = move || {
                        let done = std::mem::take(
                            &mut *spent[worker].lock().unwrap_or_else(|e| e.into_inner()),
                        );
                        drop(done);
                    };
                    scope.spawn(move || {
                        let _end = ThreadEnd {
                            ahead,
                            window,
                            reader: false,
                        };
                        loop {
                            free_spent();
                            let Some((first, loaded)) = ahead.pop() else {
                                break;
                            };
                            let mut results = Vec::with_capacity(loaded.len());
                            let give_back = |text| ahead.give_back(text);
                            // (`emit` never fails here.)
                            let _ = self.analyse_all(loaded.into_iter(), digest, give_back, |r| {
                                results.push(r);
                                Ok(())
                            });
                            // The receiver is gone when the sink failed: stop.
                            if tx.send((first, worker, results)).is_err() {
                                break;
                            }
                        }
                    });
                }
                drop(tx);
                // Releases waiting readers and workers however the loop
                // below ends: by the end of the inputs, a failing sink, or a
                // panic in it (the scope would otherwise wait for them for
                // good).
                let _close = CloseOnDrop(&window, &ahead);
                // Batches that arrived before an earlier input's, by their
                // first input.
                let mut early = BTreeMap::new();
                let mut want = 0;
                for (first, worker, results) in &rx {
                    early.insert(first, (worker, results));
                    let before = want;
                    while let Some((worker, mut results)) = early.remove(&want) {
                        for result in &mut results {
                            take(result)?;
                            want += 1;
                        }
                        spent[worker]
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(results);
                    }
                    if want != before {
                        window.advance(want);
                    }
                }
                anyhow::Ok(())
            })?;
        }
        bar.finish();
        Ok(status)
    }

    /// Compiles every regex on `threads` threads at once before the first
    /// article. They are built lazily on first use anyway, but then one
    /// after another as the first article reaches each, while the other
    /// workers wait: on a small corpus this start-up is most of the run.
    fn warm_up(&self) {
        if self.threads <= 1 {
            return;
        }
        let mut tasks: Vec<fn()> = crate::extract::timex::warm_up();
        tasks.extend(crate::extract::events::warm_up());
        tasks.extend(crate::parse::warm_up());
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..self.threads {
                scope.spawn(|| {
                    while let Some(task) = tasks.get(next.fetch_add(1, Ordering::Relaxed)) {
                        task();
                    }
                });
            }
        });
        self.extractor.entities.gazetteer();
    }

    /// Builds the records of the texts of `loaded`, in order, and passes
    /// each to `emit` until it fails. The texts go [`STAGE_BATCH`] at a
    /// time (fewer once they hold [`STAGE_BATCH_BYTES`]) and stage by
    /// stage: each parsed, then each extracted, then each digested and
    /// emitted. Run for one article after the other stages', a stage's
    /// code had left the instruction cache. A panic still costs its input
    /// only. Each text's buffer goes to `recycle` once its record no
    /// longer needs it.
    fn analyse_all<T>(
        &self,
        mut loaded: impl Iterator<Item = Result<Loaded, InputError>>,
        digest: &impl Fn(&mut Article) -> T,
        mut recycle: impl FnMut(String),
        mut emit: impl FnMut(Result<(Loaded, T), InputError>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut batch: Vec<Result<Loaded, InputError>> = Vec::with_capacity(STAGE_BATCH);
        // The batch's records, built in place: each is large.
        let mut articles: Vec<Article> = Vec::with_capacity(STAGE_BATCH);
        // Whether each text is ASCII-equivalent, asked once for both stages.
        let mut equivalent: Vec<bool> = Vec::with_capacity(STAGE_BATCH);
        loop {
            let mut bytes = 0;
            while batch.len() < STAGE_BATCH && bytes < STAGE_BATCH_BYTES {
                let Some(next) = loaded.next() else { break };
                bytes += next.as_ref().map_or(0, |l| l.source.text.len());
                batch.push(next);
            }
            if batch.is_empty() {
                return Ok(());
            }
            articles.resize_with(batch.len(), Article::default);
            equivalent.resize(batch.len(), false);
            for ((input, article), known) in
                batch.iter_mut().zip(&mut articles).zip(&mut equivalent)
            {
                let Ok(l) = input else { continue };
                let source = &l.source;
                let parsed = contained(
                    || source.path.clone(),
                    || {
                        *known = source_equivalent(source);
                        self.parse_as(source, *known, article);
                    },
                );
                if let Err(e) = parsed {
                    *input = Err(e);
                }
            }
            for ((input, article), &known) in batch.iter_mut().zip(&mut articles).zip(&equivalent) {
                let Ok(l) = input else { continue };
                let source = &l.source;
                let extracted = contained(
                    || source.path.clone(),
                    || self.extract_as(source, known, article),
                );
                // The text is no longer needed once the record is built:
                // its buffer takes a next file.
                recycle(std::mem::take(&mut l.source.text));
                if let Err(e) = extracted {
                    *input = Err(e);
                }
            }
            for (input, article) in batch.drain(..).zip(&mut articles) {
                emit(input.and_then(|l| {
                    let digested = contained(|| l.source.path.clone(), || digest(article))?;
                    Ok((l, digested))
                }))?;
            }
            articles.clear();
        }
    }

    /// Reads one input, a panic in the reading costing that input only.
    fn read(&self, input: &Input) -> Result<Loaded, InputError> {
        contained(|| input.display(), || load::read(input, &self.load))?
    }
}

/// Whether the text of `source` is ASCII-equivalent. The parser and the
/// extractors ask many parts of the text: one look at the whole answers
/// for all, or none when the reading found the text all ASCII.
fn source_equivalent(source: &load::Source) -> bool {
    source.ascii || crate::twin::ascii_equivalent(&source.text)
}

/// Runs the reading or a stage of the analysis of one input, turning a
/// panic (a bug that the tests and the fuzzing did not find) into an error
/// for that input: one file is skipped with a message and the exit status
/// says so, the others are still reported, and with several workers the
/// reordering does not wait for good for a result that never comes. The
/// panic's own message is still printed by the default hook, for the bug
/// report. `path` names the input only when it failed (no string per input).
fn contained<T>(path: impl FnOnce() -> String, f: impl FnOnce() -> T) -> Result<T, InputError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| internal_error(path()))
}

/// The error of an input whose reading or analysis panicked.
fn internal_error(path: String) -> InputError {
    InputError {
        path,
        message: "internal error while analysing this file (a bug; please report it), skipped"
            .to_string(),
    }
}

/// Ends a reader or a worker thread: counts a reader as done, so that the
/// workers do not wait for it. When the thread ends in a panic (a bug
/// outside the per-input guard), it also closes the run: the batch it held
/// would never reach the sink, and the other threads would wait for it for
/// good. The scope then raises the panic.
struct ThreadEnd<'a> {
    ahead: &'a ReadAhead,
    window: &'a Window,
    reader: bool,
}

impl Drop for ThreadEnd<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.window.close();
            self.ahead.close();
        }
        if self.reader {
            self.ahead.reader_done();
        }
    }
}

/// Closes the window and the read-ahead when dropped.
struct CloseOnDrop<'a>(&'a Window, &'a ReadAhead);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
        self.1.close();
    }
}

/// How many inputs the sink has consumed, shared with the readers so that
/// none runs more than `WINDOW` inputs ahead.
struct Window {
    consumed: Mutex<(usize, bool)>,
    moved: Condvar,
}

impl Window {
    fn new() -> Window {
        Window {
            consumed: Mutex::new((0, false)),
            moved: Condvar::new(),
        }
    }

    /// Blocks until input `i` is within the window; false once closed.
    fn wait_for(&self, i: usize) -> bool {
        let mut state = self.consumed.lock().unwrap_or_else(|e| e.into_inner());
        while i >= state.0 + WINDOW && !state.1 {
            state = self.moved.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        !state.1
    }

    fn advance(&self, consumed: usize) {
        let mut state = self.consumed.lock().unwrap_or_else(|e| e.into_inner());
        state.0 = consumed;
        self.moved.notify_all();
    }

    fn close(&self) {
        let mut state = self.consumed.lock().unwrap_or_else(|e| e.into_inner());
        state.1 = true;
        self.moved.notify_all();
    }
}

fn report(e: &InputError) {
    messages::file_message(&e.path, &e.message);
}

/// The optional progress bar: a thin wrapper so that the pipeline reads the
/// same whether or not one is shown.
mod progress {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

    /// Small runs finish before a bar would be useful.
    const MIN_INPUTS: u64 = 1000;

    pub struct Bar(Option<ProgressBar>);

    impl Bar {
        /// A bar that stays hidden until the run has at least `MIN_INPUTS`
        /// inputs: a count and rate at first, a bar with an estimate once
        /// the total is known (`set_total`).
        pub fn new(show: bool) -> Bar {
            if !show {
                return Bar(None);
            }
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} articles, {per_sec}, {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            Bar(Some(bar))
        }

        /// The underlying bar, for the thread that counts the inputs.
        pub fn handle(&self) -> Option<ProgressBar> {
            self.0.clone()
        }

        pub fn inc(&self) {
            if let Some(b) = &self.0 {
                b.inc(1);
                if b.position() == MIN_INPUTS && b.is_hidden() {
                    b.set_draw_target(ProgressDrawTarget::stderr());
                }
            }
        }

        /// Runs `f` (which prints to stderr) with the bar cleared.
        pub fn suspend(&self, f: impl FnOnce()) {
            match &self.0 {
                Some(b) => b.suspend(f),
                None => f(),
            }
        }

        pub fn finish(&self) {
            if let Some(b) = &self.0 {
                b.finish_and_clear();
            }
        }
    }

    /// Switches `bar` to a bar with a length and an estimate.
    pub fn set_total(bar: &ProgressBar, total: usize) {
        if bar.is_finished() {
            return;
        }
        bar.set_length(total as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos}/{len} articles [{wide_bar}] {elapsed}, {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        if total as u64 >= MIN_INPUTS && bar.is_hidden() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline(threads: usize) -> Pipeline {
        let load = LoadOptions {
            extensions: vec!["txt".into()],
            max_file_size: 1 << 20,
        };
        let parse = ParseOptions {
            reference: jiff::civil::date(2024, 1, 1),
            paragraph_texts: true,
        };
        Pipeline::new(load, parse, threads).expect("thread pool")
    }

    /// More inputs than the window, with an unreadable one among them.
    fn corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..(2 * WINDOW + 37) {
            let text = format!("Headline {i}\n\nThe minister said on Monday that talks went on.\n");
            std::fs::write(dir.path().join(format!("{i:05}.txt")), text).expect("write");
        }
        std::fs::write(dir.path().join("01000.txt"), b"\0\x01binary\0").expect("write");
        dir
    }

    fn ids(p: &Pipeline, dir: &std::path::Path) -> (Vec<String>, RunStatus) {
        let mut ids = Vec::new();
        let status = p
            .run(&[dir.to_path_buf()], |a| {
                ids.push(std::mem::take(&mut a.id));
                Ok(())
            })
            .expect("run");
        (ids, status)
    }

    #[test]
    fn any_thread_count_gives_input_order() {
        let dir = corpus();
        let (one, status) = ids(&pipeline(1), dir.path());
        assert_eq!(one.len(), 2 * WINDOW + 36);
        assert_eq!(status.skipped, 1);
        let mut sorted = one.clone();
        sorted.sort();
        assert_eq!(one, sorted);
        for threads in [2, 3, 8] {
            let (many, s) = ids(&pipeline(threads), dir.path());
            assert_eq!(many, one, "{threads} threads");
            assert_eq!(s, status);
        }
    }

    #[test]
    fn batches_start_at_one_input_and_stay_within_the_window() {
        assert_eq!(batch_size(0, 2), 1);
        assert_eq!(batch_size(15, 2), 1);
        assert_eq!(batch_size(32, 2), 2);
        assert_eq!(batch_size(1 << 20, 2), MAX_BATCH);
        // A corpus of a few articles is shared by all the workers.
        assert!((0..8).all(|taken| batch_size(taken, 2) == 1));
    }

    #[test]
    fn no_input_one_input_and_missing_paths_with_several_workers() {
        let empty = tempfile::tempdir().expect("temp dir");
        for threads in [2, 3] {
            let (v, s) = ids(&pipeline(threads), empty.path());
            assert!(v.is_empty());
            assert_eq!(s, RunStatus::default());
        }
        let one = tempfile::tempdir().expect("temp dir");
        std::fs::write(one.path().join("a.txt"), "Headline\n\nText on Monday.\n").expect("write");
        for threads in [2, 8] {
            assert_eq!(ids(&pipeline(threads), one.path()).0, ["a"]);
        }
        let paths = [
            one.path().join("nope"),
            one.path().to_path_buf(),
            one.path().join("nope2"),
        ];
        for threads in [1, 2, 3] {
            let mut got = Vec::new();
            let s = pipeline(threads)
                .run(&paths, |a| {
                    got.push(std::mem::take(&mut a.id));
                    Ok(())
                })
                .expect("run");
            assert_eq!(got, ["a"], "{threads} threads");
            assert_eq!(s.skipped, 2, "{threads} threads");
        }
    }

    #[test]
    fn a_slow_sink_keeps_the_order_and_a_failure_in_full_batches_stops_the_run() {
        let dir = corpus();
        let (all, _) = ids(&pipeline(1), dir.path());
        for threads in [2, 3] {
            // The workers fill the window while the sink sleeps.
            let mut got = Vec::new();
            pipeline(threads)
                .run(&[dir.path().to_path_buf()], |a| {
                    if got.len() < 20 {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    got.push(std::mem::take(&mut a.id));
                    Ok(())
                })
                .expect("run");
            assert_eq!(got, all, "{threads} threads");
            // Past the first inputs, batches are full: fail inside one.
            sink_fails_at(threads, dir.path(), 1500);
        }
    }

    /// Texts analysed stage by stage, more than two stage batches of them
    /// with a failed read among them: each gives the record it gives
    /// alone, in input order, and a panic while digesting one costs that
    /// input only.
    #[test]
    fn each_text_of_a_stage_batch_gives_its_own_record() {
        let p = pipeline(1);
        let source = |i: usize| {
            let plain = i.is_multiple_of(3);
            let (open, close) = if plain { ("\"", "\"") } else { ("“", "”") };
            load::Source {
                id: format!("t{i}"),
                path: format!("t{i}.txt"),
                text: format!(
                    "Harbour {i} reopens\n\nBRINDLEFORD, March {} (Zeta Wire) - The Velmora \
                     port reopened {i} days on, according to Kestrel News.\n\n{open}We are \
                     glad,{close} said Orla Penhallow of Velmora.\n",
                    i % 28 + 1
                ),
                ascii: plain,
            }
        };
        let n = 2 * STAGE_BATCH + 3;
        let failed = |i: usize| i == STAGE_BATCH - 1;
        let panics = |id: &str| id == "t9";
        let loaded = (0..n).map(|i| {
            if failed(i) {
                return Err(InputError {
                    path: format!("t{i}.txt"),
                    message: "unreadable".into(),
                });
            }
            Ok(Loaded {
                source: source(i),
                warning: None,
            })
        });
        let digest = |a: &mut Article| {
            assert!(!panics(&a.id), "a digest bug");
            format!("{a:?}")
        };
        let mut recycled = 0;
        let mut got = Vec::new();
        p.analyse_all(
            loaded,
            &digest,
            |_| recycled += 1,
            |r| {
                got.push(r);
                Ok(())
            },
        )
        .expect("emit never fails");
        assert_eq!(got.len(), n);
        assert_eq!(recycled, n - 1);
        for (i, r) in got.into_iter().enumerate() {
            let id = format!("t{i}");
            match r {
                Ok((loaded, digested)) => {
                    assert!(!failed(i) && !panics(&id), "{id}");
                    assert_eq!(loaded.source.id, id);
                    assert_eq!(digested, format!("{:?}", p.article(&source(i))), "{id}");
                }
                Err(e) => {
                    assert!(failed(i) || panics(&id), "{id}");
                    assert_eq!(e.path, format!("{id}.txt"));
                }
            }
        }
    }

    /// A stage batch stops taking texts once it holds
    /// [`STAGE_BATCH_BYTES`]: small texts are all extracted (their buffers
    /// given back) before the first is emitted, large ones one at a time.
    #[test]
    fn large_texts_are_analysed_one_at_a_time() {
        let p = pipeline(1);
        let order = |size: usize| {
            let events = std::cell::RefCell::new(String::new());
            let loaded = (0..3).map(|i| {
                let mut text = format!("Dam {i} opens\n\n");
                while text.len() < size {
                    text.push_str("The Orlen dam opened its gates on Tuesday morning.\n\n");
                }
                Ok(Loaded {
                    source: load::Source {
                        id: format!("t{i}"),
                        path: format!("t{i}.txt"),
                        text,
                        ascii: true,
                    },
                    warning: None,
                })
            });
            p.analyse_all(
                loaded,
                &|_: &mut Article| (),
                |_| events.borrow_mut().push('r'),
                |r| {
                    assert!(r.is_ok());
                    events.borrow_mut().push('e');
                    Ok(())
                },
            )
            .expect("emit never fails");
            events.into_inner()
        };
        assert_eq!(order(100), "rrreee");
        assert_eq!(order(STAGE_BATCH_BYTES), "rerere");
    }

    #[test]
    fn a_panic_while_analysing_costs_that_input_only() {
        let ok: Result<u8, InputError> = contained(|| "a.txt".into(), || 7);
        assert_eq!(ok.expect("no panic"), 7);
        let err = contained(|| "b.txt".into(), || -> u8 { panic!("a bug") }).expect_err("caught");
        assert_eq!(err.path, "b.txt");
        assert!(err.message.contains("internal error"), "{}", err.message);
    }

    #[test]
    fn a_panicking_sink_does_not_leave_the_workers_waiting() {
        let dir = corpus();
        let run = std::panic::catch_unwind(|| {
            let mut seen = 0;
            pipeline(2).run(&[dir.path().to_path_buf()], |_| {
                seen += 1;
                assert!(seen < 3, "a sink bug");
                Ok(())
            })
        });
        // Before the window was closed on unwinding, this never returned.
        assert!(run.is_err());
    }

    /// Runs `dir` with a sink that fails at its `n`-th article, and checks
    /// that the run returns the sink's error and takes nothing after it.
    fn sink_fails_at(threads: usize, dir: &std::path::Path, n: usize) {
        let mut seen = 0;
        let err = pipeline(threads)
            .run(&[dir.to_path_buf()], |_| {
                seen += 1;
                if seen == n {
                    anyhow::bail!("sink closed");
                }
                Ok(())
            })
            .expect_err("the sink's error is returned");
        assert_eq!(err.to_string(), "sink closed");
        assert_eq!(seen, n);
    }

    /// A digest that notes on which thread it is dropped.
    struct Traced<'a>(&'a Mutex<Vec<std::thread::ThreadId>>);

    impl Drop for Traced<'_> {
        fn drop(&mut self) {
            self.0
                .lock()
                .expect("lock")
                .push(std::thread::current().id());
        }
    }

    #[test]
    fn what_the_sink_leaves_goes_back_to_the_workers_once() {
        let dir = corpus();
        let drops = Mutex::new(Vec::new());
        let status = pipeline(2)
            .run_with(&[dir.path().to_path_buf()], |_| Traced(&drops), |_| Ok(()))
            .expect("run");
        let drops = drops.into_inner().expect("lock");
        // Every record is freed, once.
        assert_eq!(drops.len(), status.articles);
        // The last batches may still be waiting when the workers stop, but
        // the workers free the others.
        let here = std::thread::current().id();
        let on_workers = drops.iter().filter(|&&t| t != here).count();
        assert!(
            on_workers > 0,
            "all {} freed by the sink's thread",
            drops.len()
        );
    }

    #[test]
    fn a_thread_that_panics_closes_the_run() {
        let (window, ahead) = (Window::new(), ReadAhead::new(2));
        std::thread::scope(|scope| {
            let ended = scope.spawn(|| {
                let _end = ThreadEnd {
                    ahead: &ahead,
                    window: &window,
                    reader: true,
                };
            });
            assert!(ended.join().is_ok());
            // A reader that ends without a panic is counted as done and
            // closes nothing.
            assert!(window.wait_for(0));
            let panicked = scope.spawn(|| {
                let _end = ThreadEnd {
                    ahead: &ahead,
                    window: &window,
                    reader: false,
                };
                panic!("a bug outside the per-input guard");
            });
            assert!(panicked.join().is_err());
        });
        // Closed: readers stop at the window and at the queue (input 0 is
        // inside the window and an empty queue has room: open, both would
        // let them read on).
        assert!(!window.wait_for(0));
        assert!(!ahead.wait_for_room());
    }

    #[test]
    fn a_failing_sink_stops_the_workers() {
        sink_fails_at(3, corpus().path(), 5);
    }
}
