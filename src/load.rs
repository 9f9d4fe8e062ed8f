//! The input layer: turns the paths a user typed into a deterministic
//! stream of inputs, and reads each one into decoded text.
//!
//! Discovery and reading are split so that the inputs can be found in order
//! by one thread (a sorted walk, cheap, never listed in full) while the
//! reading happens in parallel and per file: a file that cannot be read is
//! reported and skipped without touching the others.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet, VecDeque};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Where one article comes from.
///
/// The variant order is the input order: standard input first, then files
/// by path (component by component).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file, with the path to show in output (as the user typed it).
    File(PathBuf),
}

impl Input {
    /// The path shown to the user.
    pub fn display(&self) -> String {
        match self {
            // What `p.display().to_string()` writes, without the formatter
            // (the same lossy decoding).
            Input::File(p) => path_text(p),
            Input::Stdin => "-".to_string(),
        }
    }

    /// The article id: the file stem, or `-` for stdin.
    pub fn id(&self) -> String {
        match self {
            Input::File(p) => match file_name(p) {
                Some(name) => lossy(stem(name)),
                None => path_text(p),
            },
            Input::Stdin => "-".to_string(),
        }
    }
}

/// `String::from_utf8_lossy(bytes).into_owned()`, checked first by
/// `str::from_utf8`: a path is nearly always valid UTF-8, which that check
/// reads a word at a time where the lossy decoder goes byte by byte (some
/// 400 instructions for a walked path, read twice per input). Valid bytes
/// decode to themselves either way.
fn lossy(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// `path.to_string_lossy().into_owned()`, by [`lossy`]'s shortcut: a
/// path that is valid text is that text.
fn path_text(path: &Path) -> String {
    match path.to_str() {
        Some(text) => text.to_owned(),
        None => path.to_string_lossy().into_owned(),
    }
}

/// `Path::file_name` as bytes. A walked path is its directory joined with
/// the name, and then the name is what follows the last `/`: taking it
/// skips parsing the path's components (~250 instructions), asked for every
/// entry and every input. Anything else (`a/..`, `a/.`, a trailing `/`) is
/// left to `Path::file_name`.
#[cfg(unix)]
fn file_name(path: &Path) -> Option<&[u8]> {
    let b = path.as_os_str().as_encoded_bytes();
    let name = memchr::memrchr(b'/', b).map_or(b, |i| &b[i + 1..]);
    if name.is_empty() || name == b"." || name == b".." {
        return path.file_name().map(|n| n.as_encoded_bytes());
    }
    Some(name)
}

/// `Path::file_name` as bytes. Elsewhere `/` is not the only separator
/// (Windows joins with `\` and has prefixes such as `C:`), so the bytes
/// after the last `/` need not be the name.
#[cfg(not(unix))]
fn file_name(path: &Path) -> Option<&[u8]> {
    path.file_name().map(|n| n.as_encoded_bytes())
}

/// `Path::file_stem` of a file name `name` (never `..`, as `file_name`
/// gives none): up to its last dot, unless that dot starts the name.
fn stem(name: &[u8]) -> &[u8] {
    split_extension(name).0
}

/// `Path::extension` of a file name `name` (never `..`): after its last
/// dot, unless that dot starts the name.
fn extension(name: &[u8]) -> Option<&[u8]> {
    split_extension(name).1
}

/// A file name's stem and extension, split at its last dot unless that
/// dot starts the name.
fn split_extension(name: &[u8]) -> (&[u8], Option<&[u8]>) {
    match memchr::memrchr(b'.', name) {
        Some(dot) if dot > 0 => (&name[..dot], Some(&name[dot + 1..])),
        _ => (name, None),
    }
}

/// `walkdir::DirEntry::file_name`: the file name, or the whole path when it
/// has none.
fn entry_name(e: &walkdir::DirEntry) -> &[u8] {
    file_name(e.path()).unwrap_or_else(|| e.path().as_os_str().as_encoded_bytes())
}

/// A decoded article text, ready for parsing.
#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub path: String,
    pub text: String,
    /// Whether `text` was found all ASCII when it was decoded (false when
    /// it was not asked): such a text is ASCII-equivalent, and the
    /// pipeline need not read it once more to know (see
    /// `pipeline::source_equivalent`).
    pub ascii: bool,
}

/// What went wrong with one input; never fatal for the run.
#[derive(Debug)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

/// The longest article text that can be analysed (4 GiB - 1 bytes):
/// offsets inside it must fit in a `u32`.
pub const MAX_TEXT_LEN: usize = u32::MAX as usize;

/// Options for discovery and reading.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Extensions (without dot, lowercase) read from directories.
    pub extensions: Vec<String>,
    /// Files larger than this are skipped.
    pub max_file_size: u64,
}

/// The inputs under `paths`, found while they are processed rather than
/// listed up front, so that memory does not grow with the number of files
/// and the first article is parsed before the last directory is read.
///
/// The order does not depend on the order of the arguments: standard input
/// first, then every file in path order (component by component, which is
/// the file-name order of a directory walk), each file once. Each argument
/// yields its files in that order (a sorted depth-first walk for a
/// directory) and the arguments' streams are merged by path, so overlapping
/// arguments (`corpus` and `corpus/a.txt`) give each file once, in place. Explicit file arguments
/// are always read whatever their extension; under a directory only files
/// with one of the extensions are read and hidden entries are skipped.
/// Errors (a missing path, a symlink loop, an unreadable directory) are
/// yielded as they are met, each path once.
pub struct Discovery {
    extensions: Vec<String>,
    stdin: bool,
    /// One stream per distinct argument.
    walks: Vec<Walk>,
    /// The next file of each stream, smallest first.
    heads: BinaryHeap<Reverse<(PathBuf, usize)>>,
    errors: VecDeque<InputError>,
    reported: HashSet<String>,
    /// The last path yielded, kept when there are several streams.
    last: Option<PathBuf>,
}

type DirWalk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

enum Walk {
    /// An explicit file argument, read whatever its extension.
    File(Option<PathBuf>),
    Dir {
        root: PathBuf,
        walk: DirWalk,
    },
}

impl Discovery {
    pub fn new(paths: &[PathBuf], opts: &LoadOptions) -> Discovery {
        let mut d = Discovery {
            extensions: opts.extensions.clone(),
            stdin: false,
            walks: Vec::new(),
            heads: BinaryHeap::new(),
            errors: VecDeque::new(),
            reported: HashSet::new(),
            last: None,
        };
        let mut args: Vec<&PathBuf> = paths.iter().collect();
        args.sort();
        args.dedup();
        for path in args {
            if path.as_os_str() == "-" {
                d.stdin = true;
                continue;
            }
            let walk = match fs::metadata(path) {
                Err(e) => {
                    d.error(path.display().to_string(), io_message(&e));
                    continue;
                }
                Ok(meta) if meta.is_dir() => {
                    let not_hidden: fn(&walkdir::DirEntry) -> bool =
                        |e| e.depth() == 0 || !is_hidden(entry_name(e));
                    Walk::Dir {
                        root: path.clone(),
                        // Sorted by file name, as `sort_by_file_name` does,
                        // but by comparing the entries' paths: those of one
                        // directory are its path joined with their names,
                        // so they differ only in the names, and a plain
                        // byte comparison replaces parsing both paths for
                        // their names at every comparison.
                        walk: WalkDir::new(path)
                            .follow_links(true)
                            .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
                            .into_iter()
                            .filter_entry(not_hidden),
                    }
                }
                Ok(_) => Walk::File(Some(path.clone())),
            };
            d.walks.push(walk);
            d.advance(d.walks.len() - 1);
        }
        d
    }

    fn error(&mut self, path: String, message: String) {
        queue_error(&mut self.errors, &mut self.reported, path, message);
    }

    /// Moves stream `i` to its next file, queuing the errors met on the way.
    fn advance(&mut self, i: usize) {
        let Discovery {
            walks,
            errors,
            reported,
            extensions,
            ..
        } = self;
        let next = match &mut walks[i] {
            Walk::File(p) => p.take(),
            Walk::Dir { root, walk } => loop {
                match walk.next() {
                    None => break None,
                    Some(Err(e)) => {
                        let path = e
                            .path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| root.display().to_string());
                        let message = if e.loop_ancestor().is_some() {
                            "symlink loop, not followed".to_string()
                        } else if let Some(io) = e.io_error() {
                            io_message(io)
                        } else {
                            e.to_string()
                        };
                        queue_error(errors, reported, path, message);
                    }
                    Some(Ok(entry)) => {
                        if entry.file_type().is_file() && has_extension(entry.path(), extensions) {
                            break Some(entry.into_path());
                        }
                    }
                }
            },
        };
        if let Some(p) = next {
            self.heads.push(Reverse((p, i)));
        }
    }
}

/// Queues an error unless its path was reported already (two arguments can
/// reach one unreadable directory).
fn queue_error(
    errors: &mut VecDeque<InputError>,
    reported: &mut HashSet<String>,
    path: String,
    message: String,
) {
    if reported.insert(path.clone()) {
        errors.push_back(InputError { path, message });
    }
}

impl Iterator for Discovery {
    type Item = Result<Input, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.errors.pop_front() {
                return Some(Err(e));
            }
            if std::mem::take(&mut self.stdin) {
                return Some(Ok(Input::Stdin));
            }
            let Reverse((path, i)) = self.heads.pop()?;
            self.advance(i);
            // The same file reached through two arguments. (A single stream
            // never yields a path twice: the copy and the comparison, which
            // parses both paths, are skipped.)
            if self.walks.len() > 1 {
                if self.last.as_ref() == Some(&path) {
                    continue;
                }
                self.last = Some(path.clone());
            }
            return Some(Ok(Input::File(path)));
        }
    }
}

/// A name is hidden when it is UTF-8 and starts with a dot.
fn is_hidden(name: &[u8]) -> bool {
    name.first() == Some(&b'.') && std::str::from_utf8(name).is_ok()
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    let Some(ext) = file_name(path)
        .and_then(extension)
        .and_then(|e| std::str::from_utf8(e).ok())
    else {
        return false;
    };
    extensions.iter().any(|want| want.eq_ignore_ascii_case(ext))
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// A successfully read input, plus a warning when the text was repaired.
#[derive(Debug)]
pub struct Loaded {
    pub source: Source,
    pub warning: Option<String>,
}

thread_local! {
    /// The buffers the next files read on this thread go into: the text
    /// of an article is read into one and given back by [`recycle`] once
    /// the article is analysed, instead of a new allocation per file. As
    /// many as the pipeline holds texts at once (`pipeline::STAGE_BATCH`).
    static BUFFER: std::cell::RefCell<Vec<Vec<u8>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The first size of a thread's read buffer: most articles fit, so the
/// first files are not read in small growing pieces. Not 64 KB: a stage
/// batch's buffers are allocated back to back, and at 64 KB each they all
/// began at the same offset of the 64 KB over which a 1 MB 16-way cache's
/// set index repeats, so the eight texts competed for the same sets (the
/// loader's first look at each new text missed the last-level cache). At
/// 80 KB they start at four offsets 16 KB apart: −6.5 M estimated cycles
/// on the 10 MB corpus, all of it last-level misses.
const INITIAL_BUFFER: usize = 80 << 10;

/// Gives the buffer of a text that is no longer needed back to this
/// thread's next [`read`] (emptied, and let go when large: [`crate::spare`]).
pub fn recycle(text: String) {
    let buf: Vec<u8> = crate::spare::keep(text.into_bytes());
    if buf.capacity() > 0 {
        crate::spare::stash(&BUFFER, buf);
    }
}

/// Reads and decodes one input.
pub fn read(input: &Input, opts: &LoadOptions) -> Result<Loaded, InputError> {
    let path = input.display();
    let err = |message: String| InputError {
        path: path.clone(),
        message,
    };
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(opts.max_file_size + 1)
                .read_to_end(&mut buf)
                .map_err(|e| err(io_message(&e)))?;
            buf
        }
        Input::File(p) => {
            let file = fs::File::open(p).map_err(|e| err(io_message(&e)))?;
            // The thread's buffer, grown to the largest file so far, so
            // that the size need not be asked for (a `statx` per file).
            // (A re-encoded text gives back a buffer only as large as it
            // was: that one too starts at the usual size.)
            let mut buf = crate::spare::unstash(&BUFFER).unwrap_or_default();
            if buf.capacity() < INITIAL_BUFFER {
                buf.reserve(INITIAL_BUFFER);
            }
            // Reading through `take` bounds memory even when the file grows
            // while it is read.
            file.take(opts.max_file_size + 1)
                .read_to_end(&mut buf)
                .map_err(|e| err(io_message(&e)))?;
            buf
        }
    };
    if bytes.len() as u64 > opts.max_file_size {
        return Err(err(format!(
            "larger than the size limit of {} bytes, skipped (see --max-file-size)",
            opts.max_file_size
        )));
    }
    let empty = bytes.is_empty();
    let (text, warning, ascii) = decode_owned(bytes).map_err(err)?;
    // The extractors keep text offsets in 32 bits (half the memory per
    // token); decoding UTF-16 can grow a text, so the check is on the text.
    if text.len() > MAX_TEXT_LEN {
        return Err(err(format!(
            "text of {} bytes is over the {MAX_TEXT_LEN}-byte limit of one article, skipped",
            text.len()
        )));
    }
    // An empty or blank file is a failed scrape, not an article: skipped and
    // named, so that the exit status says something is missing.
    if text.trim().is_empty() {
        return Err(err(if empty {
            "empty file, skipped".to_string()
        } else {
            "no text (only white space), skipped".to_string()
        }));
    }
    Ok(Loaded {
        source: Source {
            id: input.id(),
            path,
            text,
            ascii,
        },
        warning,
    })
}

/// `decode` for bytes the caller no longer needs: valid UTF-8 without a
/// BOM, the common case, becomes the text without a copy. The flag says
/// whether the text was found all ASCII ([`Source::ascii`]).
fn decode_owned(bytes: Vec<u8>) -> Result<(String, Option<String>, bool), String> {
    let plain = !bytes.starts_with(b"\xEF\xBB\xBF")
        && !bytes.starts_with(b"\xFF\xFE")
        && !bytes.starts_with(b"\xFE\xFF")
        && !looks_binary(&bytes);
    if plain {
        // Most texts are ASCII, which is valid UTF-8: the one look answers
        // the pipeline's question too (`Source::ascii`), and stops at the
        // first byte outside ASCII of the others. simdutf8 checks those in
        // 64-byte blocks where the standard check branches at every
        // character outside ASCII; its basic check only says yes or no, and
        // an invalid text is decoded again anyway.
        let ascii = bytes.is_ascii();
        if ascii || simdutf8::basic::from_utf8(&bytes).is_ok() {
            // SAFETY: `bytes` was just checked to be valid UTF-8.
            Ok((unsafe { String::from_utf8_unchecked(bytes) }, None, ascii))
        } else {
            let (text, warning) = decode_utf8(&bytes)?;
            Ok((text, warning, false))
        }
    } else {
        let (text, warning) = decode(&bytes)?;
        Ok((text, warning, false))
    }
}

/// Decodes file bytes to text: UTF-8 (BOM removed), UTF-16 with a BOM, or
/// lossy UTF-8 with a warning. Binary data is refused.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    if looks_binary(bytes) {
        return Err("binary file (NUL bytes), skipped".to_string());
    }
    decode_utf8(bytes)
}

fn decode_utf8(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            Ok((
                text,
                Some("invalid UTF-8, decoded with replacement characters".to_string()),
            ))
        }
    }
}

fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
) -> Result<(String, Option<String>), String> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut repaired = bytes.len() % 2 == 1;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => text.push(c),
            Err(_) => {
                repaired = true;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    let warning =
        repaired.then(|| "invalid UTF-16, decoded with replacement characters".to_string());
    Ok((text, warning))
}

/// A file is binary when its first block holds NUL bytes: text formats other
/// than UTF-16 (handled before this check) never contain them.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    memchr::memchr(0, head).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> LoadOptions {
        LoadOptions {
            extensions: vec!["txt".into()],
            max_file_size: 1 << 20,
        }
    }

    /// The shown paths of the inputs, and the paths of the errors.
    fn found(paths: &[PathBuf]) -> (Vec<String>, Vec<String>) {
        let (mut inputs, mut errors) = (Vec::new(), Vec::new());
        for item in Discovery::new(paths, &opts()) {
            match item {
                Ok(input) => inputs.push(input.display()),
                Err(e) => errors.push(e.path),
            }
        }
        (inputs, errors)
    }

    #[test]
    fn discovery_is_path_ordered_whatever_the_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "b/2.txt",
            "b/10.txt",
            "a.txt",
            "a/1.txt",
            "a-b.txt",
            "c.md",
            ".hid/x.txt",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "text").unwrap();
        }
        let rel = |f: &str| root.join(f).display().to_string();
        let all = vec![
            rel("a/1.txt"),
            rel("a-b.txt"),
            rel("a.txt"),
            rel("b/10.txt"),
            rel("b/2.txt"),
        ];
        // A directory: its files, sorted component by component, without
        // hidden entries or other extensions.
        assert_eq!(found(&[root.to_path_buf()]), (all.clone(), vec![]));
        // Overlapping arguments in any order: each file once, in place; an
        // explicit file is read whatever its extension.
        let args = [
            root.join("b/2.txt"),
            root.join("c.md"),
            root.to_path_buf(),
            root.join("b"),
            root.join("missing.txt"),
            PathBuf::from("-"),
        ];
        let mut want = vec!["-".to_string()];
        want.extend(all.iter().cloned());
        want.push(rel("c.md"));
        for order in [args.to_vec(), args.iter().rev().cloned().collect()] {
            let (inputs, errors) = found(&order);
            assert_eq!(errors, vec![rel("missing.txt")]);
            assert_eq!(inputs, want);
        }
    }

    #[test]
    fn walk_order_is_that_of_sort_by_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a",
            "a.txt",
            "a-b.txt",
            "a b.txt",
            "A.txt",
            "ab.txt",
            "é.txt",
            "e.txt",
            "z.txt",
            "a/x.txt",
            "a-b/y.txt",
            "a.b/z.txt",
            "a.b/a.txt",
            "ab/b.txt",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            if f.ends_with(".txt") {
                fs::write(&p, "text").unwrap();
            }
        }
        // Also through a root with a trailing `/` and one with `..`: the
        // siblings' paths still share their directory's part.
        for root in [root.to_path_buf(), root.join(""), root.join("a/..")] {
            let want: Vec<String> = WalkDir::new(&root)
                .sort_by_file_name()
                .into_iter()
                .map(|e| e.unwrap())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.path().display().to_string())
                .collect();
            assert_eq!(want.len(), 13);
            assert_eq!(found(&[root]), (want, vec![]));
        }
    }

    #[test]
    fn decodes_utf8_bom_and_utf16() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc").unwrap(),
            ("abc".to_string(), None)
        );
        let le: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode(&le).unwrap().0, "hi");
        let be: Vec<u8> = [0xFE, 0xFF, 0, b'h', 0, b'i'].to_vec();
        assert_eq!(decode(&be).unwrap().0, "hi");
    }

    #[test]
    fn invalid_utf8_is_repaired_with_a_warning() {
        let (text, warning) = decode(b"caf\xE9 au lait").unwrap();
        assert_eq!(text, "caf\u{FFFD} au lait");
        assert!(warning.unwrap().contains("invalid UTF-8"));
    }

    /// `decode_owned` without its ASCII flag, which it must set for a text
    /// read as the bytes are, all ASCII, and for no other.
    fn owned(bytes: &[u8]) -> Result<(String, Option<String>), String> {
        decode_owned(bytes.to_vec()).map(|(text, warning, ascii)| {
            assert_eq!(
                ascii,
                bytes.is_ascii() && text.as_bytes() == bytes,
                "{bytes:?}"
            );
            (text, warning)
        })
    }

    #[test]
    fn owned_decoding_equals_borrowed() {
        let cases: [&[u8]; 7] = [
            b"plain text\n",
            b"\xEF\xBB\xBFwith a BOM",
            b"\xFF\xFEh\x00i\x00",
            b"\xFE\xFF\x00h\x00i",
            b"caf\xE9 au lait",
            b"",
            b"nul\x00inside",
        ];
        for bytes in cases {
            assert_eq!(owned(bytes), decode(bytes), "{bytes:?}");
        }
    }

    /// The owned path's block-wise check (`simdutf8`) against the standard
    /// one that `decode` runs: texts longer than its 64-byte blocks, with
    /// characters of every length, cut anywhere, and an invalid byte put
    /// at every place.
    #[test]
    fn owned_decoding_of_long_texts_equals_borrowed() {
        let mixed = "Oslo – “quoted,” she wrote; café ½ 日本 🙂 ".repeat(9);
        let ascii = "plain words, ".repeat(24);
        for text in [mixed, ascii] {
            let bytes = text.as_bytes();
            for cut in 0..=bytes.len() {
                let head = &bytes[..cut];
                assert_eq!(owned(head), decode(head), "cut at {cut}");
                let mut bad = bytes.to_vec();
                bad[cut.min(bytes.len() - 1)] = 0xFF;
                assert_eq!(owned(&bad), decode(&bad), "0xFF at {cut}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn owned_decoding_equals_borrowed_on_any_text(
            text in "\\PC{0,200}",
            at in proptest::prelude::any::<proptest::sample::Index>(),
            bad in proptest::sample::select(vec![0xFFu8, 0x80, 0xC3, 0xE2, 0xF0]),
        ) {
            let valid = text.into_bytes();
            proptest::prop_assert_eq!(owned(&valid), decode(&valid));
            let mut broken = valid;
            broken.insert(at.index(broken.len() + 1), bad);
            proptest::prop_assert_eq!(owned(&broken), decode(&broken));
        }
    }

    /// Files read one after another through the thread's recycled buffer
    /// (growing, shrinking, failing in between) decode as a fresh read of
    /// each does.
    #[test]
    fn reads_through_the_recycled_buffer_are_fresh_reads() {
        let dir = tempfile::tempdir().unwrap();
        let mut long = "a long line of text\n".repeat(INITIAL_BUFFER / 10);
        long.push('é');
        let contents: Vec<Vec<u8>> = vec![
            b"first\n".to_vec(),
            long.clone().into_bytes(),
            b"short after long".to_vec(),
            Vec::new(),
            b"\xEF\xBB\xBFwith a BOM".to_vec(),
            b"\xFF\xFEh\x00i\x00".to_vec(),
            b"caf\xE9 au lait".to_vec(),
            b"nul\x00inside".to_vec(),
            vec![b'x'; 3 << 20],
            b"after the limit".to_vec(),
            "ünïcode".into(),
        ];
        let opts = LoadOptions {
            extensions: vec!["txt".into()],
            max_file_size: 2 << 20,
        };
        for (i, bytes) in contents.iter().enumerate() {
            let p = dir.path().join(format!("{i}.txt"));
            fs::write(&p, bytes).unwrap();
            let got = read(&Input::File(p), &opts);
            let want = if bytes.len() as u64 > opts.max_file_size {
                None
            } else {
                decode(bytes).ok().filter(|(t, _)| !t.trim().is_empty())
            };
            match got {
                Ok(loaded) => {
                    assert_eq!(
                        Some((loaded.source.text.clone(), loaded.warning)),
                        want,
                        "file {i}"
                    );
                    recycle(loaded.source.text);
                }
                Err(_) => assert_eq!(want, None, "file {i}"),
            }
        }
    }

    /// The buffers of a stage batch, allocated back to back at the first
    /// size, start at several offsets of a cache's 64 KB set period, so
    /// that their texts do not all compete for the same cache sets.
    #[test]
    fn a_stage_batchs_buffers_spread_over_the_cache_sets() {
        let period = 64 << 10;
        let starts: std::collections::BTreeSet<usize> = (0..crate::pipeline::STAGE_BATCH)
            .map(|i| i * INITIAL_BUFFER % period)
            .collect();
        assert!(starts.len() >= 4, "{starts:?}");
        // An article of a few kilobytes fits between two starts.
        let first = starts.first().unwrap();
        let gaps = starts.iter().zip(starts.iter().skip(1)).map(|(a, b)| b - a);
        let wrap = period - starts.last().unwrap() + first;
        assert!(gaps.chain([wrap]).all(|g| g >= 8 << 10), "{starts:?}");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x7fELF\x00\x01\x02").is_err());
        assert!(decode_owned(b"\x7fELF\x00\x01\x02".to_vec()).is_err());
    }

    /// Paths over the bytes that matter to path parsing, non-ASCII and
    /// invalid UTF-8 included.
    #[cfg(unix)]
    fn arb_path() -> impl proptest::strategy::Strategy<Value = PathBuf> {
        use proptest::prelude::*;
        use std::os::unix::ffi::OsStrExt;
        let byte = prop::sample::select(b"ab./.\xC3\xA9\xFF".to_vec());
        prop::collection::vec(byte, 0..12)
            .prop_map(|b| PathBuf::from(std::ffi::OsStr::from_bytes(&b)))
    }

    #[cfg(unix)]
    proptest::proptest! {
        #[test]
        fn names_are_those_of_the_path(path in arb_path()) {
            let bytes = |o: Option<&std::ffi::OsStr>| o.map(|o| o.as_encoded_bytes().to_vec());
            let name = file_name(&path);
            proptest::prop_assert_eq!(name.map(<[u8]>::to_vec), bytes(path.file_name()));
            proptest::prop_assert_eq!(
                name.map(|n| stem(n).to_vec()),
                bytes(path.file_stem())
            );
            proptest::prop_assert_eq!(
                name.and_then(extension).map(<[u8]>::to_vec),
                bytes(path.extension())
            );
            let input = Input::File(path.clone());
            proptest::prop_assert_eq!(input.display(), path.display().to_string());
            let old_id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            proptest::prop_assert_eq!(input.id(), old_id);
            if let Some(n) = path.file_name() {
                proptest::prop_assert_eq!(
                    is_hidden(n.as_encoded_bytes()),
                    n.to_str().is_some_and(|s| s.starts_with('.'))
                );
            }
        }
    }

    #[test]
    fn names_of_odd_paths() {
        for (path, name, stem_, ext) in [
            ("a/b.txt", Some("b.txt"), Some("b"), Some("txt")),
            ("b.tar.gz", Some("b.tar.gz"), Some("b.tar"), Some("gz")),
            ("a/.txt", Some(".txt"), Some(".txt"), None),
            ("a/b.", Some("b."), Some("b"), Some("")),
            ("a/b/", Some("b"), Some("b"), None),
            ("a/b/.", Some("b"), Some("b"), None),
            ("a/..", None, None, None),
            ("/", None, None, None),
            ("", None, None, None),
            ("é/ü.md", Some("ü.md"), Some("ü"), Some("md")),
        ] {
            let p = Path::new(path);
            let got = file_name(p);
            assert_eq!(got, name.map(str::as_bytes), "{path}");
            assert_eq!(got.map(stem), stem_.map(str::as_bytes), "{path}");
            assert_eq!(got.and_then(extension), ext.map(str::as_bytes), "{path}");
        }
    }

    #[test]
    fn ids_are_file_stems() {
        assert_eq!(Input::File(PathBuf::from("a/b/c.txt")).id(), "c");
        assert_eq!(Input::Stdin.id(), "-");
    }

    /// Text paths are shown as they are; elsewhere each invalid sequence
    /// becomes one replacement character, in the name and in the id.
    #[cfg(unix)]
    #[test]
    fn paths_are_shown_lossily() {
        use std::os::unix::ffi::OsStrExt;
        let file = |b: &[u8]| Input::File(PathBuf::from(std::ffi::OsStr::from_bytes(b)));
        let text = file("d/é b.txt".as_bytes());
        assert_eq!(
            (text.display(), text.id()),
            ("d/é b.txt".into(), "é b".into())
        );
        let bad = file(b"d\xFF/a\xC3\xFFb.txt");
        assert_eq!(bad.display(), "d\u{FFFD}/a\u{FFFD}\u{FFFD}b.txt");
        assert_eq!(bad.id(), "a\u{FFFD}\u{FFFD}b");
        assert_eq!(lossy(b"\xE2\x80"), "\u{FFFD}");
    }
}
