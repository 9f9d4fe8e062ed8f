//! Fuzz target over the whole per-article pipeline: raw file bytes →
//! decode → parse → extract → JSON, as `corpus-cli articles --format json`
//! does for each file. Besides crashes it checks the invariants the output
//! promises: every span lies inside the decoded text on char boundaries, and
//! the JSON parses back.

#![no_main]

use std::sync::OnceLock;

use corpus_cli::extract::Extractor;
use corpus_cli::parse::ParseOptions;
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

fuzz_target!(|data: &[u8]| {
    let opts = ParseOptions {
        reference: jiff::civil::date(2026, 11, 23),
        paragraph_texts: true,
    };
    let Ok(article) = corpus_cli::process_bytes("fuzz.txt", data, extractor(), &opts) else {
        return; // refused as binary, as a run would skip it
    };
    let (text, _) = corpus_cli::load::decode(data).expect("decoded once already");
    if let Some((what, span)) = corpus_cli::bad_span(&article, &text) {
        panic!("{what} span {span:?} is not inside the text on char boundaries");
    }
    let json = serde_json::to_string(&article).expect("article serializes");
    let _: serde_json::Value = serde_json::from_str(&json).expect("JSON parses back");
});
