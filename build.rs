//! Build script: indexes the large gazetteers of `data/gazetteer/` at
//! compile time, so that a run does not spend its start-up hashing a
//! hundred thousand rows (issue #5: `summarize` on five articles in
//! ≤ 20 ms). Each index is a hash table from a row's first column to the
//! byte offset of the first row with that surface, plus a Bloom filter
//! (`src/extract/entities/keyindex.rs` describes both); the rows themselves
//! stay in the binary as text (`include_str!`) and are parsed on lookup by
//! `src/extract/entities/gazetteer.rs`, from column ends that each slot
//! stores (`column_ends`).
//!
//! It also passes on the locked versions of the crates that compile the
//! timex scan's stored DFA (`src/extract/timex/scan.dfa`), which records
//! them: a file built by other versions is not used.

#[path = "src/extract/entities/keyindex.rs"]
#[allow(dead_code)]
mod keyindex;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

/// The files indexed, and the name of the generated statics for each
/// (`NAME_SLOTS`, `NAME_FILTER`).
/// Each file's rows have exactly the columns given here, which its parser
/// in `gazetteer.rs` reads by position.
const TABLES: &[(&str, &str, usize)] = &[
    ("places.tsv", "PLACES", 7),
    ("organizations.tsv", "ORGS", 4),
    ("given_names.tsv", "GIVEN", 4),
];

/// Bloom filter bits per key (before rounding up to a power of two). The
/// filter is blocked (both probes of a key in one 64-bit word), which lets
/// through somewhat more absent keys than two free probes would; it only
/// spares hash-table lookups, so answers do not depend on it.
const BITS_PER_KEY: usize = 8;

fn main() {
    println!("cargo::rerun-if-changed=src/extract/entities/keyindex.rs");
    let dir = Path::new("data/gazetteer");
    let mut out = String::new();
    for &(file, name, columns) in TABLES {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        assert!(
            text.len() < 1 << keyindex::OFFSET_BITS,
            "{file} is too large for keyindex::OFFSET_BITS"
        );
        let mut firsts = Vec::new();
        let mut seen = HashSet::new();
        let mut offset = 0usize;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            // Comment lines sort first and are never keys.
            if line.starts_with('#') {
                continue;
            }
            let key = line.split(['\t', '\n']).next().unwrap_or("");
            let start = u32::try_from(start).expect("gazetteer under 4 GiB");
            // The index keeps the first row of each surface.
            if seen.insert(key) {
                firsts.push((key, start, column_ends(line, columns, file)));
            }
        }
        // At most 70% full, so that probe sequences stay short and every
        // sequence ends at an empty slot: since the slots hold column ends
        // too, at eight bytes, the places and organizations keep the bytes
        // of their four-byte slots at half full (given names double theirs).
        let mut n = firsts.len().next_power_of_two();
        if firsts.len() * 10 > n * 7 {
            n *= 2;
        }
        let mut slots = vec![0u64; n];
        for &(key, start, ends) in &firsts {
            let h = keyindex::key_hash(key.as_bytes());
            let i = keyindex::free_slot(&slots, h);
            slots[i] = keyindex::pack(h, start, ends);
        }
        let n = slots.len();
        writeln!(out, "static {name}_SLOTS: [u64; {n}] = {slots:?};").expect("writing to a string");
        let words = (seen.len() * BITS_PER_KEY).div_ceil(64).next_power_of_two();
        let mut filter = vec![0u64; words];
        for key in &seen {
            let (word, bits) = keyindex::probes(keyindex::key_hash(key.as_bytes()), words);
            filter[word] |= bits;
        }
        writeln!(out, "static {name}_FILTER: [u64; {words}] = {filter:?};")
            .expect("writing to a string");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer_index.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
    locked_versions();
}

/// Where the columns of `line` (a row with its line end, if any) end, as
/// `gazetteer::Columns` reads them: the byte offsets from the row's start
/// of the end of column 1, the end of column 2, the start of the last
/// column and the row's end, one byte each (low byte first). Checks that
/// the row has `columns` columns and fits those bytes.
fn column_ends(line: &str, columns: usize, file: &str) -> u32 {
    let row = line.strip_suffix('\n').unwrap_or(line);
    let tabs: Vec<usize> = row.match_indices('\t').map(|(k, _)| k).collect();
    assert_eq!(
        tabs.len() + 1,
        columns,
        "{file}: a row without {columns} columns: {row}"
    );
    let ends = [tabs[1], tabs[2], tabs[columns - 2] + 1, row.len()];
    ends.iter().rev().fold(0, |acc, &e| {
        let e = u8::try_from(e).unwrap_or_else(|_| panic!("{file}: a row over 255 bytes: {row}"));
        acc << 8 | u32::from(e)
    })
}

/// `REGEX_AUTOMATA_VERSION` and `REGEX_SYNTAX_VERSION`: the versions of
/// this package's `Cargo.lock` ("unknown" without one). A build from
/// another lock file (the `fuzz/` workspace) may compile other versions.
fn locked_versions() {
    println!("cargo::rerun-if-changed=Cargo.lock");
    let lock = std::fs::read_to_string("Cargo.lock").unwrap_or_default();
    for (name, var) in [
        ("regex-automata", "REGEX_AUTOMATA_VERSION"),
        ("regex-syntax", "REGEX_SYNTAX_VERSION"),
    ] {
        let versions: Vec<&str> = lock
            .split("[[package]]")
            .filter(|entry| entry.contains(&format!("\nname = \"{name}\"\n")))
            .filter_map(|entry| entry.split("\nversion = \"").nth(1)?.split('"').next())
            .collect();
        // Two versions in the lock: which one the library uses is unknown here.
        let version = match versions[..] {
            [one] => one,
            _ => "unknown",
        };
        println!("cargo::rustc-env={var}={version}");
    }
}
