//! Build script: indexes the large gazetteers of `data/gazetteer/` at
//! compile time, so that a run does not spend its start-up hashing a
//! hundred thousand rows (issue #5: `summarize` on five articles in
//! ≤ 20 ms). Each index is a perfect-hash map (phf) from a row's first
//! column to the byte offset of the first row with that surface; the rows
//! themselves stay in the binary as text (`include_str!`) and are parsed on
//! lookup by `src/extract/entities/gazetteer.rs`.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

/// The files indexed, and the name of the generated static for each.
const TABLES: &[(&str, &str)] = &[
    ("places.tsv", "PLACES_INDEX"),
    ("organizations.tsv", "ORGS_INDEX"),
    ("given_names.tsv", "GIVEN_INDEX"),
];

fn main() {
    let dir = Path::new("data/gazetteer");
    let mut out = String::new();
    for (file, name) in TABLES {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let mut map = phf_codegen::Map::new();
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
            // Only the first row of each surface is kept.
            if seen.insert(key) {
                let start = u32::try_from(start).expect("gazetteer under 4 GiB");
                map.entry(key, start.to_string());
            }
        }
        writeln!(
            out,
            "static {name}: phf::Map<&'static str, u32> = {};",
            map.build()
        )
        .expect("writing to a string");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer_index.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
}
