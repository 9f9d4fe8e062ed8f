//! JSON Schemas of every JSON output, generated from the Rust types with
//! `schemars` and checked in under `docs/schema/`.
//!
//! `cargo test schema` fails when
//! * a checked-in schema differs from the one the types generate, or
//! * a schema changed while neither `SCHEMA_VERSION` (src/print/mod.rs) nor
//!   the "JSON schema" sections of `CHANGELOG.md` changed. `docs/schema/schema.lock`
//!   records the version, a hash of those changelog sections and a hash of
//!   each schema as last blessed.
//!
//! To update after changing an output type: add a line under
//! `### JSON schema` in CHANGELOG.md (and raise `SCHEMA_VERSION` when the
//! change is not purely additive), then run
//! `CORPUS_CLI_BLESS=1 cargo test schema` and commit `docs/schema/`.
//! See docs/json-format.md, "JSON Schemas".

use std::path::PathBuf;

use schemars::{JsonSchema, Schema, schema_for};
use serde::Serialize;

use crate::model::Article;
use crate::print::SCHEMA_VERSION;

/// The `articles --format json` document (written by a streaming writer,
/// `print::json::ArticleArray`, in exactly this shape).
#[derive(Serialize, JsonSchema)]
pub struct ArticlesDocument {
    pub version: u32,
    pub articles: Vec<Article>,
}

fn with_version(mut s: Schema, what: &str) -> Schema {
    s.insert(
        "$comment".into(),
        format!(
            "corpus-cli {what}, JSON schema version {SCHEMA_VERSION}; generated from the Rust \
             types, see docs/json-format.md"
        )
        .into(),
    );
    s
}

/// Every JSON output: (file name under docs/schema/, schema).
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        (
            "article.json",
            with_version(
                schema_for!(Article),
                "`articles --format jsonl`: one record per line",
            ),
        ),
        (
            "articles.json",
            with_version(
                schema_for!(ArticlesDocument),
                "`articles --format json` document",
            ),
        ),
        (
            "quote.json",
            with_version(
                schema_for!(crate::cmd::quotes::QuoteRecord<'static>),
                "`quotes --format jsonl`: one quote per line",
            ),
        ),
        (
            "quotes.json",
            with_version(
                schema_for!(crate::cmd::quotes::QuotesDocument<'static>),
                "`quotes --format json` document",
            ),
        ),
        (
            "summary.json",
            with_version(
                schema_for!(crate::report::summary::CorpusSummary),
                "`summarize --format json` document",
            ),
        ),
        (
            "inspect.json",
            with_version(
                schema_for!(crate::cmd::inspect::Inspection<'static>),
                "`inspect --format json` document",
            ),
        ),
        (
            "entities.json",
            with_version(
                schema_for!(crate::report::entities::EntityReport),
                "`entities --format json` document",
            ),
        ),
        (
            "entity.json",
            with_version(
                schema_for!(crate::report::entities::CorpusEntity),
                "`entities --format jsonl`: one entity per line",
            ),
        ),
        (
            "timeline.json",
            with_version(
                schema_for!(crate::report::timeline::Timeline),
                "`timeline --format json` document",
            ),
        ),
        (
            "timeline-event.json",
            with_version(
                schema_for!(crate::report::timeline::TimelineEvent),
                "`timeline --format jsonl`: one event per line",
            ),
        ),
        (
            "diff.json",
            with_version(
                schema_for!(crate::report::diff::Diff),
                "`diff --format json` document",
            ),
        ),
    ]
}

/// The checked-in text of a schema.
pub fn render(s: &Schema) -> String {
    let mut t = serde_json::to_string_pretty(s).expect("schemas serialize");
    t.push('\n');
    t
}

/// FNV-1a, 64 bits: enough to notice a change, no dependency.
pub fn hash(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The lines under every `### JSON schema` heading of the changelog.
pub fn changelog_schema_sections(changelog: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in changelog.lines() {
        if line.starts_with('#') {
            inside = line.trim_start_matches('#').trim() == "JSON schema";
            continue;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `docs/schema/schema.lock`: `version N`, `changelog HASH`, then
/// `FILE HASH` per schema.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Lock {
    pub version: u32,
    pub changelog: String,
    pub files: Vec<(String, String)>,
}

impl Lock {
    pub fn parse(s: &str) -> Lock {
        let mut lock = Lock::default();
        for line in s.lines() {
            let mut it = line.split_whitespace();
            match (it.next(), it.next()) {
                (Some("version"), Some(v)) => lock.version = v.parse().unwrap_or(0),
                (Some("changelog"), Some(h)) => lock.changelog = h.into(),
                (Some(f), Some(h)) if !f.starts_with('#') => {
                    lock.files.push((f.into(), h.into()));
                }
                _ => {}
            }
        }
        lock
    }

    pub fn render(&self) -> String {
        let mut s = String::from(
            "# Written by `CORPUS_CLI_BLESS=1 cargo test schema`; do not edit (see src/schema.rs).\n",
        );
        s.push_str(&format!("version {}\n", self.version));
        s.push_str(&format!("changelog {}\n", self.changelog));
        for (f, h) in &self.files {
            s.push_str(&format!("{f} {h}\n"));
        }
        s
    }
}

/// What the schema check decides, given the lock as checked in (`old`), the
/// state now (`now`), the schema files that differ from the generated ones
/// (`stale`) and whether blessing was asked for: `Ok(true)` write the
/// schemas and the lock, `Ok(false)` all is current, `Err` why not.
pub fn verdict(old: &Lock, now: &Lock, stale: &[&str], bless: bool) -> Result<bool, String> {
    let changed: Vec<&str> = now
        .files
        .iter()
        .filter(|(f, h)| !old.files.iter().any(|(of, oh)| of == f && oh == h))
        .map(|(f, _)| f.as_str())
        .collect();
    let acknowledged = old.version != now.version || old.changelog != now.changelog;
    if bless {
        if !changed.is_empty() && !acknowledged && !old.files.is_empty() {
            return Err(format!(
                "schemas {changed:?} changed but neither SCHEMA_VERSION nor the `### JSON schema` \
                 section of CHANGELOG.md did: add a changelog entry (and raise SCHEMA_VERSION for \
                 a breaking change), then bless again"
            ));
        }
        return Ok(true);
    }
    if !stale.is_empty() {
        return Err(format!(
            "docs/schema/{stale:?} differ from the schemas the Rust types generate; add a \
             `### JSON schema` entry to CHANGELOG.md (raise SCHEMA_VERSION if not additive) \
             and run `CORPUS_CLI_BLESS=1 cargo test schema`"
        ));
    }
    if !changed.is_empty() {
        return Err(format!(
            "schemas {changed:?} differ from docs/schema/schema.lock: a schema changed without \
             SCHEMA_VERSION or the CHANGELOG being updated and blessed; run \
             `CORPUS_CLI_BLESS=1 cargo test schema` after updating them"
        ));
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_files_are_current_and_versioned() {
        let dir = root().join("docs/schema");
        let bless = std::env::var_os("CORPUS_CLI_BLESS").is_some();
        let generated: Vec<(&str, String)> = all().iter().map(|(f, s)| (*f, render(s))).collect();
        let changelog = std::fs::read_to_string(root().join("CHANGELOG.md")).unwrap_or_default();
        let now = Lock {
            version: SCHEMA_VERSION,
            changelog: hash(&changelog_schema_sections(&changelog)),
            files: generated
                .iter()
                .map(|(f, t)| (f.to_string(), hash(t)))
                .collect(),
        };
        let lock_path = dir.join("schema.lock");
        let old = Lock::parse(&std::fs::read_to_string(&lock_path).unwrap_or_default());
        let stale: Vec<&str> = generated
            .iter()
            .filter(|(f, t)| std::fs::read_to_string(dir.join(f)).ok().as_deref() != Some(t))
            .map(|(f, _)| *f)
            .collect();
        match verdict(&old, &now, &stale, bless) {
            Ok(true) => {
                std::fs::create_dir_all(&dir).unwrap();
                for (f, t) in &generated {
                    std::fs::write(dir.join(f), t).unwrap();
                }
                std::fs::write(&lock_path, now.render()).unwrap();
            }
            Ok(false) => {}
            Err(why) => panic!("{why}"),
        }
    }

    fn lock(version: u32, changelog: &str, h: &str) -> Lock {
        Lock {
            version,
            changelog: changelog.into(),
            files: vec![("a.json".into(), h.into())],
        }
    }

    #[test]
    fn schema_change_needs_version_or_changelog() {
        let old = lock(1, "c1", "h1");
        // Unchanged: nothing to do.
        assert_eq!(verdict(&old, &lock(1, "c1", "h1"), &[], false), Ok(false));
        // Changed schema, files not rewritten: fails.
        assert!(verdict(&old, &lock(1, "c1", "h2"), &["a.json"], false).is_err());
        // Files rewritten by hand but not blessed: fails.
        assert!(verdict(&old, &lock(1, "c1", "h2"), &[], false).is_err());
        // Blessing without a new version or changelog entry: refused.
        assert!(verdict(&old, &lock(1, "c1", "h2"), &["a.json"], true).is_err());
        // With a changelog entry or a new version: written.
        assert_eq!(
            verdict(&old, &lock(1, "c2", "h2"), &["a.json"], true),
            Ok(true)
        );
        assert_eq!(
            verdict(&old, &lock(2, "c1", "h2"), &["a.json"], true),
            Ok(true)
        );
        // First bless (no lock yet).
        assert_eq!(
            verdict(&Lock::default(), &lock(1, "c", "h"), &["a.json"], true),
            Ok(true)
        );
    }

    #[test]
    fn schema_lock_round_trips() {
        let l = lock(3, "ab", "01");
        assert_eq!(Lock::parse(&l.render()), l);
    }

    #[test]
    fn schema_changelog_sections_only() {
        let c = "# Changelog\n## 1\n### Features\n- x\n### JSON schema\n- v1\n## 0\n### JSON schema\n- v0\n";
        assert_eq!(changelog_schema_sections(c), "- v1\n- v0\n");
    }
}
